# Sourced by the scripts: the project root, the virtualenv, and the emulator's address and fake credentials.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PORTAL_VENV:-$ROOT/.venv}"
LOCAL="$ROOT/.local"
mkdir -p "$LOCAL"
export AWS_ENDPOINT_URL="${AWS_ENDPOINT_URL:-http://127.0.0.1:4566}"
# DynamoDB is served by dynoxide (SQLite-backed, from crates.io): moto applies concurrent transactions
# without isolation, so races that must yield one winner could yield two. Everything else is moto.
export AWS_ENDPOINT_URL_DYNAMODB="${AWS_ENDPOINT_URL_DYNAMODB:-http://127.0.0.1:4567}"
TOOLS="${PORTAL_TOOLS:-$ROOT/.cache/tools}"
DYNOXIDE="$TOOLS/bin/dynoxide"
DYNOXIDE_VERSION=3.2.0
export AWS_REGION="${AWS_REGION:-eu-west-1}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
# Build outputs may live outside the clone (CI reuses one under $HOME/.cache).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

# Creates the virtualenv on first use and installs the pinned emulator and tools; a no-op once done.
ensure_venv() {
  local stamp="$VENV/.requirements"
  if [ -x "$VENV/bin/moto_server" ] && cmp -s "$ROOT/localstack/requirements.txt" "$stamp"; then
    return 0
  fi
  echo "setting up $VENV (moto, cfn-lint, schemathesis; about a minute the first time)" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/localstack/requirements.txt"
  cp "$ROOT/localstack/requirements.txt" "$stamp"
}

# Builds the pinned dynoxide from crates.io on first use (about two minutes); a no-op once done.
ensure_dynoxide() {
  if [ -x "$DYNOXIDE" ] && [ "$(cat "$TOOLS/.dynoxide-version" 2>/dev/null)" = "$DYNOXIDE_VERSION" ]; then
    return 0
  fi
  echo "building dynoxide $DYNOXIDE_VERSION into $TOOLS (the DynamoDB emulator; once)" >&2
  cargo install --quiet --locked dynoxide-rs --version "$DYNOXIDE_VERSION" \
    --no-default-features --features native-sqlite,http-server,cli --root "$TOOLS"
  echo "$DYNOXIDE_VERSION" >"$TOOLS/.dynoxide-version"
}

dynamodb_up() {
  python3 - "$AWS_ENDPOINT_URL_DYNAMODB" <<'PY' >/dev/null 2>&1
import sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=3)
except urllib.error.HTTPError:
    pass
PY
}

emulator_up() {
  # Any HTTP answer means it is up (the state dump at /moto-api/data.json grows slow with the state).
  python3 - "$AWS_ENDPOINT_URL/moto-api/" <<'PY' >/dev/null 2>&1
import sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=3)
except urllib.error.HTTPError:
    pass
PY
}
