export function startInvalidation(
  cache: { setListening(value: boolean): void },
  options?: { databaseUrl?: string; redisUrl?: string; log?: (message: string) => void },
): Promise<{ kind: "in-process" | "postgres" | "redis"; close(): Promise<void> }>;
