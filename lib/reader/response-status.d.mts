import type { ServerResponse } from "node:http";

export function setResponseStatus(status: number): boolean;
export function withResponseStatus<T>(res: ServerResponse, handle: () => T): T;
