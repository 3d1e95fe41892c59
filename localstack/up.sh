#!/usr/bin/env bash
# Starts the whole portal locally: the emulator, provisioning, demo data and the local gateway on
# http://127.0.0.1:3000, printing the demo logins. Idempotent: run it again at any time.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/localstack/emulator.sh" start
cargo build --quiet -p localstack --bin portal-local
exec "$CARGO_TARGET_DIR/debug/portal-local" up "${PORT:-3000}"
