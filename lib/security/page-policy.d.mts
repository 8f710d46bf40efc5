export function policyWithScripts(scriptSources: string[], options?: { development?: boolean }): string;
