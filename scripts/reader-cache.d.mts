export const LANGUAGE_COOKIE: string | null;
export const CACHE_CONTROL: string;
export function isReaderPath(pathname: string): boolean;
export function languageOf(cookieHeader: string | undefined, languageCookie: string): string;
export function readCookie(header: string | undefined, name: string): string | undefined;
export function parseReaderUrl(url: string): { pathname: string; params: URLSearchParams } | null;
export function cacheKey(url: string, cookieHeader: string | undefined, options?: { languageCookie?: string | null }): string | null;
export function nonceOf(policy: unknown): string | null;
export function stripNonce(html: string, nonce: string): string;
export function inlineScriptHashes(html: string): string[];
export function cachedPagePolicy(hashes: string[]): string;
export function chooseEncoding(header: string | undefined): "br" | "gzip" | "identity";
export function etagFor(hash: string, encoding: "br" | "gzip" | "identity"): string;
export function matchesEtag(header: string | undefined, hash: string): boolean;
export interface ReaderPage {
  key: string;
  generation: number;
  contentType: string;
  vary: string;
  policy: string;
  hash: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}
export function buildPage(rendered: {
  key: string;
  generation: number;
  html: Buffer;
  policy: unknown;
  contentType: string;
  vary?: unknown;
  languageCookie?: string | null;
  /** Compressed quickly rather than smallest (search pages). */
  fast?: boolean;
}): Promise<ReaderPage | null>;
export class PageStore {
  constructor(options?: { maxEntries?: number; maxBytes?: number });
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly pages: Map<string, ReaderPage>;
  bytes: number;
  get(key: string, generation: number): ReaderPage | undefined;
  set(page: ReaderPage): void;
  delete(key: string): void;
  clear(): void;
  readonly size: number;
}
export function cachedResponse(
  page: ReaderPage,
  req: { method?: string; headers: Record<string, string | string[] | undefined> },
): { status: number; headers: Record<string, string>; body: Buffer | null };
export function createReaderCache(options?: {
  caching?: boolean;
  languageCookie?: string | null;
  log?: (message: string) => void;
}): {
  handle(
    req: import("node:http").IncomingMessage,
    res: import("node:http").ServerResponse,
    render: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown,
  ): boolean;
  store: PageStore;
  /** Search pages, in a smaller store of their own. */
  searchStore: PageStore;
  setListening(value: boolean): void;
  readonly listening: boolean;
};
export function varyOn(res: import("node:http").ServerResponse, value: string): void;
