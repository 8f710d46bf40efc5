import type { EventEmitter } from "node:events";
export const READER_CHANNEL: string;
export function readerBus(): { generation: number; emitter: EventEmitter };
export function invalidateReaderPages(reason?: string): void;
export function readerChanged(): void;
