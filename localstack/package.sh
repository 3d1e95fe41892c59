#!/usr/bin/env bash
# Builds every function's release `bootstrap.zip` for Lambda on arm64 (provided.al2023) with cargo-lambda,
# installed from PyPI into the project virtualenv on first use, and lists the zipped sizes.
# Not part of the test command: a release build of every function takes tens of minutes on 2 cores.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
ensure_venv
if [ ! -x "$VENV/bin/cargo-lambda" ]; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "cargo-lambda==1.9.2"
fi
# cargo-lambda links through zig; PyPI's ziglang ships it as a module, so give it a `zig` on the PATH.
if ! command -v zig >/dev/null 2>&1 && [ ! -x "$VENV/bin/zig" ]; then
  printf '#!/bin/sh\nexec "%s" -m ziglang "$@"\n' "$VENV/bin/python" >"$VENV/bin/zig"
  chmod +x "$VENV/bin/zig"
fi
export PATH="$VENV/bin:$PATH"
export XDG_CACHE_HOME="$ROOT/.cache"
packages=()
for dir in functions/*/; do packages+=(--package "$(basename "$dir")"); done
cargo lambda build --release --arm64 --output-format zip "${packages[@]}"
echo
echo "zipped bootstrap per function (budget 4 MB):"
for zip in "$CARGO_TARGET_DIR"/lambda/*/bootstrap.zip; do
  printf '  %-12s %6.2f MB\n' "$(basename "$(dirname "$zip")")" "$(python3 -c 'import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)' "$zip")"
done
