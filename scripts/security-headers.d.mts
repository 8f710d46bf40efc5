import type { IncomingMessage } from "node:http";

export interface SecurityHeaderOptions {
  authUrl: string | undefined;
  trustProxy: boolean;
}

export function servedOverHttps(req: Pick<IncomingMessage, "headers">, options: SecurityHeaderOptions): boolean;
export function securityHeaders(req: Pick<IncomingMessage, "headers">, options: SecurityHeaderOptions): Record<string, string>;
