import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Outside Next.js the "server-only" guard has nothing to guard against.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "int-sqlite",
          include: ["tests/int/**/*.test.ts"],
          setupFiles: ["tests/support/fresh-database.ts"],
          env: { TEST_ENGINE: "sqlite", AUTH_URL: "https://studio.test.example" },
        },
      },
      {
        extends: true,
        test: {
          name: "int-pg",
          include: ["tests/int/**/*.test.ts"],
          setupFiles: ["tests/support/fresh-database.ts"],
          env: { TEST_ENGINE: "postgres", AUTH_URL: "https://studio.test.example" },
        },
      },
    ],
  },
});
