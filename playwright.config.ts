import { defineConfig, devices } from "@playwright/test";
import { resolveChromium } from "./e2e/support/chromium";

const port = Number(process.env.E2E_PORT ?? 3200);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
export const E2E_DB = process.env.E2E_DATABASE_FILE ?? "./data/e2e/newsletter-e2e.db";
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2625);
const browser = await resolveChromium();
// Workers load this file too: say it once, from the runner.
if (process.env.TEST_WORKER_INDEX === undefined) console.log(`e2e browser: ${browser.description}`);

export default defineConfig({
  testDir: "./e2e",
  // A real SMTP server for the app under test: mails land in data/e2e/mail (e2e/support/mail-sink.ts).
  globalSetup: "./e2e/support/mail-sink.ts",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // Whole newsroom journeys (four people, a dozen steps) on a 2-core machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: browser.executablePath,
      args: browser.args,
      env: browser.env,
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /address-throttle/ },
    // Twenty failed sign-ins from 127.0.0.1 lock that address for 15 minutes: run it last.
    { name: "address-throttle", use: { ...devices["Desktop Chrome"] }, testMatch: /address-throttle/, dependencies: ["chromium"] },
  ],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        // A fresh SQLite database for every run, seeded with the demo content.
        command: `rm -f ${E2E_DB} ${E2E_DB}-wal ${E2E_DB}-shm && node scripts/server.mjs`,
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: "pipe",
        env: {
          DATABASE_URL: `file:${E2E_DB}`,
          DEMO_PASSWORD: "e2e-demo-password",
          AUTH_SECRET: "e2e-only-secret-not-used-anywhere-else-0123456789",
          AUTH_URL: baseURL,
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          MAIL_FROM: "Newsletter Studio <studio@example.org>",
          NODE_ENV: "production",
          PORT: String(port),
          HOST: "127.0.0.1",
        },
      },
});

