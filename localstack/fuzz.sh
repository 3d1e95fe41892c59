#!/usr/bin/env bash
# Fuzzes the OpenAPI document with schemathesis against the local gateway: portal routes with a demo
# contact's token, staff routes with the demo supervisor's. No 5xx, and every response must match the
# document (status, content type, headers, body schema). Expects the emulator to be running.
# One worker: schemathesis 4.32.5 once failed with an internal KeyError in its coverage phase with two.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
ensure_venv
PORT="${FUZZ_PORT:-3099}"
export PORTAL_STACK=fuzz
BIN="$CARGO_TARGET_DIR/debug/portal-local"
cargo build --quiet -p localstack --bin portal-local
"$BIN" provision >/dev/null
"$BIN" seed >/dev/null
"$BIN" gateway "$PORT" >"$LOCAL/fuzz-gateway.log" 2>&1 &
GATEWAY=$!
trap 'kill $GATEWAY 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "http://127.0.0.1:$PORT/openapi.json" >/dev/null 2>&1 && break
  sleep 0.2
done
CONTACT_TOKEN="$("$BIN" token alice.acme)"
STAFF_TOKEN="$("$BIN" token supervisor)"
CHECKS="not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance"
run() {
  local who="$1" token="$2" paths="$3"
  echo "schemathesis: $paths as $who"
  "$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/openapi.json" \
    --checks "$CHECKS" --include-path-regex "$paths" \
    --header "Authorization: Bearer $token" \
    --max-examples "${FUZZ_EXAMPLES:-30}" --seed 7 --workers 1 \
    --phases examples,coverage,fuzzing --suppress-health-check all --warnings off --no-color
}
run contact "$CONTACT_TOKEN" '^/portal/'
run supervisor "$STAFF_TOKEN" '^/admin/'
