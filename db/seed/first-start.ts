import "server-only";
import { getEnv } from "../../lib/env";
import { getDatabase } from "../client";
import { seedDatabase, type SeedResult } from "./seed";

export function formatDemoLogins(result: SeedResult): string | null {
  if (!result.demo) return null;
  const { password, generated, accounts } = result.demo;
  const lines = [
    "Demo accounts (one per role):",
    ...accounts.map((a) => `  ${a.role.padEnd(12)} ${a.email}`),
    generated
      ? `  password     ${password}    (random, shown only now; set DEMO_PASSWORD to choose one)`
      : "  password     the value of DEMO_PASSWORD",
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const rule = "=".repeat(width);
  return [rule, ...lines, rule].join("\n");
}

let prepared: Promise<void> | undefined;

/** Opens (and so migrates) the database and seeds it when empty; once per process. */
export function prepareDatabase(): Promise<void> {
  prepared ??= (async () => {
    const env = getEnv();
    await getDatabase();
    const result = await seedDatabase({ demo: env.SEED_DEMO, demoPassword: env.DEMO_PASSWORD });
    const banner = formatDemoLogins(result);
    if (banner) console.log(`\n${banner}\n`);
  })();
  return prepared;
}
