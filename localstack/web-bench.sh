#!/usr/bin/env bash
# The web app's budgets: JavaScript per page, Lighthouse on the sign-in and home pages (npm lighthouse
# with Debian's Chromium), the home page's API calls and time to render. Builds web/dist, serves it with
# the local gateway on a stack of its own, and writes the figures into the README (BENCH_README= to only
# print them). Not part of the test command.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
ensure_chromium
ensure_web_deps
"$ROOT/localstack/emulator.sh" start >/dev/null
(cd web && npm run --silent build >/dev/null)
stamp="$ROOT/web/bench/node_modules/.lockfile-installed"
if ! { [ -f "$stamp" ] && cmp -s "$ROOT/web/bench/package-lock.json" "$stamp"; }; then
  (cd web/bench && npm ci --no-audit --no-fund --loglevel=error) && cp "$ROOT/web/bench/package-lock.json" "$stamp"
fi
PORT="${WEB_BENCH_PORT:-3096}"
export PORTAL_STACK=webbench PORTAL_URL="http://127.0.0.1:$PORT"
BIN="$CARGO_TARGET_DIR/debug/portal-local"
cargo build --quiet -p localstack --bin portal-local
"$BIN" provision >/dev/null
"$BIN" seed >/dev/null
WEB_DIST="$ROOT/web/dist" "$BIN" gateway "$PORT" >"$LOCAL/web-bench-gateway.log" 2>&1 &
GATEWAY=$!
trap 'kill $GATEWAY 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "http://127.0.0.1:$PORT/openapi.json" >/dev/null 2>&1 && break
  sleep 0.2
done
README="${BENCH_README-$ROOT/README.md}" BASE_URL="http://127.0.0.1:$PORT" node web/bench/run.mjs
