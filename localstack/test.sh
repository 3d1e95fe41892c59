#!/usr/bin/env bash
# Runs every test: unit, handler (events/ fixtures), end-to-end over HTTP against the emulator, the
# authorization matrix, the template checks, cfn-lint, the OpenAPI validator and the schemathesis fuzzing
# of the OpenAPI document. Installs what it needs on first use; starts the emulator if it is not running
# and stops it again afterwards if it started it.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
ensure_venv
export PORTAL_VENV="$VENV"
ensure_poppler

started=""
if ! emulator_up || ! dynamodb_up; then
  "$ROOT/localstack/emulator.sh" start
  started=yes
fi
cleanup() { if [ -n "$started" ]; then "$ROOT/localstack/emulator.sh" stop >/dev/null; fi; }
trap cleanup EXIT

echo "== cfn-lint infra/template.yaml"
"$VENV/bin/cfn-lint" infra/template.yaml

# The committed document (tests/tests/infra.rs fails when it is stale) must be valid OpenAPI 3.1.
echo "== openapi-spec-validator infra/openapi.json"
"$VENV/bin/openapi-spec-validator" --schema 3.1 infra/openapi.json

echo "== cargo fmt --check, cargo clippy -D warnings, no two modules importing each other"
cargo fmt --all --check
cargo clippy --quiet --workspace --all-targets -- -D warnings
python3 localstack/module_cycles.py

echo "== cargo test --workspace"
cargo test --workspace --no-fail-fast 2>&1 | tee "$LOCAL/cargo-test.log"

echo "== schemathesis against the local gateway"
"$ROOT/localstack/fuzz.sh"

"$ROOT/localstack/web-test.sh" 2>&1 | tee "$LOCAL/web-test.log"

# One closing line with the Rust test totals (schemathesis reported its own above; any failure exited already).
awk '/^test result:/ { p += $4; f += $6 } END { printf "tests: %d passed, %d failed\n", p, f }' "$LOCAL/cargo-test.log"
sed 's/\x1b\[[0-9;]*m//g' "$LOCAL/web-test.log" | grep -E '^ *Tests +[0-9]+ passed|^ *[0-9]+ passed \(' | sed 's/^ */web: /' || true
