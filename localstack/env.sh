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

# The browser the web tests drive: Debian's Chromium (test tools cannot download their own here).
CHROMIUM_PACKAGE=chromium
ensure_chromium() {
  if [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's $CHROMIUM_PACKAGE for the browser tests (once)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$CHROMIUM_PACKAGE" >/dev/null
    return 0
  fi
  echo "The browser tests need Chromium. Install Debian's package '$CHROMIUM_PACKAGE' (sudo apt-get install $CHROMIUM_PACKAGE) and run again." >&2
  exit 1
}

# Poppler's pdftotext and pdftoppm: the report tests read the PDFs back as text and render a page.
ensure_poppler() {
  if command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's poppler-utils for the report tests (once)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
    return 0
  fi
  echo "The report tests need pdftotext and pdftoppm. Install Debian's package 'poppler-utils' (sudo apt-get install poppler-utils) and run again." >&2
  exit 1
}

# The web app's npm packages, exactly as the committed lockfile pins them; a no-op while it is unchanged.
ensure_web_deps() {
  local stamp="$ROOT/web/node_modules/.lockfile-installed"
  if [ -f "$stamp" ] && cmp -s "$ROOT/web/package-lock.json" "$stamp"; then return 0; fi
  echo "installing the web app's packages (npm ci, about 20 s)" >&2
  (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/web/package-lock.json" "$stamp"
}

# Builds web/dist when anything it is built from changed since the last build (about 10 s).
ensure_web_build() {
  ensure_web_deps
  local built="$ROOT/web/dist/index.html"
  if [ -f "$built" ] && [ -z "$(find "$ROOT/web/src" "$ROOT/web/index.html" "$ROOT/web/public" "$ROOT/web/package-lock.json" \
      "$ROOT/web/vite.config.ts" "$ROOT/infra/openapi.json" -newer "$built" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  echo "building the web app into web/dist" >&2
  (cd "$ROOT/web" && npm run --silent build >/dev/null)
}
