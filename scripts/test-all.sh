#!/usr/bin/env bash
# Every test: lint, typecheck, unit, integration on SQLite (and on Postgres when
# TEST_DATABASE_URL is set), then a production build and the browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Chromium was not found at $chromium, and the browser tests need it." >&2
  echo "Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary)" >&2
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
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "integration tests on Postgres"
  npx vitest run --project int-pg
else
  echo
  echo "!! Postgres integration tests DID NOT RUN: TEST_DATABASE_URL is not set."
  echo "!! Set it to run them, e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test"
  echo
fi
step "production build"
npx next build
step "end-to-end tests in Chromium"
CHROMIUM_PATH="$chromium" npx playwright test
