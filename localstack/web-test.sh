#!/usr/bin/env bash
# The browser portal's tests: type check and production build, component tests (Vitest), then the
# browser tests (Playwright driving Debian's Chromium) against the local gateway serving web/dist, on a
# stack of its own (PORTAL_STACK=web, demo data seeded). Expects the emulators to be running (test.sh
# starts them); installs Chromium and the npm packages on first use.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
ensure_chromium
ensure_web_deps
PORT="${WEB_TEST_PORT:-3097}"

echo "== web: type check and build"
(cd web && npm run --silent build >/dev/null)
echo "== web: component tests (vitest)"
(cd web && npx vitest run)

echo "== web: browser tests (playwright, chromium) against the gateway on :$PORT"
export PORTAL_STACK=web PORTAL_URL="http://127.0.0.1:$PORT"
BIN="$CARGO_TARGET_DIR/debug/portal-local"
cargo build --quiet -p localstack --bin portal-local
"$BIN" provision >/dev/null
"$BIN" seed >/dev/null
WEB_DIST="$ROOT/web/dist" "$BIN" gateway "$PORT" >"$LOCAL/web-gateway.log" 2>&1 &
GATEWAY=$!
trap 'kill $GATEWAY 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "http://127.0.0.1:$PORT/openapi.json" >/dev/null 2>&1 && break
  sleep 0.2
done
(cd web && BASE_URL="http://127.0.0.1:$PORT" PORTAL_LOCAL="$BIN" npx playwright test "$@")
