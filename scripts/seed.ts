// Seeds an empty database: site settings, and demo content unless SEED_DEMO=false.
import { closeDatabase } from "../db/client";
import { prepareDatabase } from "../db/seed/first-start";

await prepareDatabase();
console.log("Database ready.");
await closeDatabase();
