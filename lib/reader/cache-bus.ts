import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase, type Db } from "../../db/client";
import { READER_CHANNEL, readerChanged } from "./reader-bus.mjs";

export { readerChanged };

/**
 * Inside a transaction that changes what readers see: on Postgres, queues a notice to
 * every app server listening on the channel (scripts/server.mjs). Postgres delivers it
 * only when the transaction commits, and not at all when it rolls back. On SQLite (one
 * server) there is nobody else to tell. Pair it with readerChanged() after the commit.
 */
export async function noticeReaderChange(tx: Db): Promise<void> {
  const { dialect } = await getDatabase();
  if (dialect === "postgres") await tx.execute(sql`select pg_notify(${READER_CHANNEL}, '')`);
}
