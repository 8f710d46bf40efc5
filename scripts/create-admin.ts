// npm run create-admin -- --email you@example.org [--name "Your Name"] [--password …]
// Without --password (or ADMIN_PASSWORD), a random password is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { closeDatabase } from "../db/client";
import { createAdmin } from "../lib/people/create-admin";
import { isAppError } from "../lib/errors";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});

const generated = !values.password && !process.env.ADMIN_PASSWORD;
const password = values.password ?? process.env.ADMIN_PASSWORD ?? randomBytes(15).toString("base64url");

try {
  const admin = await createAdmin({ email: values.email ?? "", name: values.name ?? "Administrator", password });
  console.log(`Created admin ${admin.email}.`);
  if (generated) console.log(`Password (shown only now): ${password}`);
} catch (error) {
  console.error(isAppError(error) ? `Could not create the admin: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
