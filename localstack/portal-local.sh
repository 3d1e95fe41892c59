#!/usr/bin/env bash
# Runs a `portal-local` command (token, seed, provision, openapi, gateway) against the local stack.
#   localstack/portal-local.sh token alice.acme
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
cargo build --quiet -p localstack --bin portal-local
exec "$CARGO_TARGET_DIR/debug/portal-local" "$@"
