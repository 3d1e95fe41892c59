#!/usr/bin/env bash
# The performance budgets (DESIGN.md §8), measured and written into the README between the bench markers:
#   1. cold start of every function's release binary against a hello-world lambda_runtime binary,
#   2. zipped bootstrap sizes (localstack/package.sh: arm64 with cargo-lambda),
#   3. peak RSS of every function serving its routes,
#   4. DynamoDB round trips and items read per portal route, the partition grown from 10 to 100,000 tickets,
#   5. the local gateway under concurrent load against a bare GetItem.
# Not part of the test command: from nothing it builds two release trees (native and arm64), about 20 minutes
# on 2 cores; afterwards a run takes a few minutes.
#   ./localstack/bench.sh [RUNS]        RUNS cold starts per binary (default 20)
#   BENCH_SKIP_PACKAGE=1 skips the arm64 packaging (the size column then shows what the last packaging left).
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
if [ -z "${BENCH_SKIP_PACKAGE:-}" ]; then
  "$ROOT/localstack/package.sh"
fi
"$ROOT/localstack/emulator.sh" start
packages=(--package hello --package localstack)
for dir in functions/*/; do packages+=(--package "$(basename "$dir")"); done
echo "building the release binaries (native) for the benchmark" >&2
cargo build --release "${packages[@]}"
BENCH_README="${BENCH_README-$ROOT/README.md}" exec "$CARGO_TARGET_DIR/release/portal-local" bench "${1:-20}"
