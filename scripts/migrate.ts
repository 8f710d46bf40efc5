// Applies the migrations of the engine DATABASE_URL names (the app also does this at start-up).
import { closeDatabase, getDatabase } from "../db/client";

const { dialect } = await getDatabase();
console.log(`Database migrated (${dialect}).`);
await closeDatabase();
