#!/usr/bin/env bash
# Starts the whole portal locally: the emulators, provisioning, demo data, and the local gateway on
# http://127.0.0.1:3000 serving the web app (built into web/dist when its sources changed) and the API,
# printing the demo logins. Idempotent: run it again at any time.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/localstack/emulator.sh" start
ensure_web_build
export WEB_DIST="$ROOT/web/dist"
cargo build --quiet -p localstack --bin portal-local
exec "$CARGO_TARGET_DIR/debug/portal-local" up "${PORT:-3000}"
