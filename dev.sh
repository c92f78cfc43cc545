#!/usr/bin/env bash
# Ally's one developer script. Every command sets up what it needs first,
# idempotently, with pinned versions.
#
#   ./dev.sh demo    build and serve the demo portal: http://localhost:8080/demo/
#   ./dev.sh test    run every test: native, browser components, end-to-end in three engines
#   ./dev.sh bench   build and run the benchmarks (they print figures)
#   ./dev.sh fuzz    fuzz every parser with a million inputs each (the test command runs 3,000)
#   ./dev.sh setup   only install the tools
#   ./dev.sh build   only build the widget into dist/
set -euo pipefail
cd "$(dirname "$0")"

TRUNK_VERSION=0.21.14
# Drives Firefox ESR for the suite of every engine (tests/engines/).
GECKODRIVER_VERSION=0.37.1
# The wasm-bindgen CLI must match the crate pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
# Crates' source paths end up in panic messages: keep them short and the same on every machine.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src/=/"

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
die() { printf 'dev.sh: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The Python FHIR validator (tests/fhir/validate.py) in its own virtualenv,
# .venv, with the versions pinned in tests/fhir/requirements.txt: made once,
# and made again only when that file changes or the venv's Python is gone.
fhir_venv() {
  local req=tests/fhir/requirements.txt marker=.venv/.ally-requirements
  if cmp -s "$req" "$marker" 2>/dev/null && .venv/bin/python -c '' 2>/dev/null; then
    return 0
  fi
  say "Python FHIR validator (.venv)"
  rm -rf .venv
  if ! python3 -m venv .venv >/dev/null 2>&1; then
    # Debian ships venv (with its ensurepip) apart from python3.
    rm -rf .venv
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
    python3 -m venv .venv
  fi
  # Wheels only: pydantic-core is never built from source here.
  .venv/bin/python -m pip install --quiet --no-input --disable-pip-version-check \
    --only-binary=:all: -r "$req"
  cp "$req" "$marker"
  echo "fhir.resources: $(.venv/bin/python -c 'from importlib.metadata import version; print(version("fhir.resources"))') in .venv"
}

setup() {
  say "setup"
  command -v cargo >/dev/null || die "Rust is needed: install it with rustup (https://rustup.rs), then run this again."
  [ -n "$WASM_BINDGEN_VERSION" ] || die "Cargo.toml must pin wasm-bindgen exactly (wasm-bindgen = \"=X.Y.Z\")."
  grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml ||
    die "Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\", as pinned in Cargo.toml."

  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
    rustup target add wasm32-unknown-unknown

  # Only what is missing: a Node.js from elsewhere (NodeSource) ships its own
  # npm, and Debian's npm package can't be installed beside it.
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  # The other engines a tablet runs: Firefox, and WebKit (Safari's engine) drawn under Xvfb.
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  command -v xauth >/dev/null || missing+=(xauth)
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi

  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    # Not --locked: the CLI's own lock file wants crates this registry lacks.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    cargo install --locked trunk --version "$TRUNK_VERSION" --force
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -n1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    cargo install --locked geckodriver --version "$GECKODRIVER_VERSION" --force
  fi

  # binaryen (wasm-opt) and playwright-core, at the versions in package-lock.json.
  if ! cmp -s package-lock.json node_modules/.ally-installed-lock 2>/dev/null; then
    npm ci --no-audit --no-fund
    cp package-lock.json node_modules/.ally-installed-lock
  fi
  fhir_venv
  cargo fetch --quiet
  echo "tools: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -n1), $(geckodriver --version | head -n1)"
  echo "engines: $(chromium --version), $(firefox-esr --version), WebKitGTK $(dpkg-query -W -f '${Version}' webkit2gtk-driver 2>/dev/null)"
}

build() {
  say "build dist/ (release)"
  # --offline: Trunk uses the tools installed above and never downloads any.
  trunk build --release --offline --skip-version-check
  terser dist/ally.js --module --compress --mangle --output dist/ally.js
  # Short names between the wasm and its glue, with the wasm features index.html enables.
  local features
  features=$(grep -o -- '--enable-[a-z-]*' index.html | tr '\n' ' ')
  # shellcheck disable=SC2086
  node tools/minify-names.mjs dist/ally_bg.wasm dist/ally.js -- $features
  # V8's compile hint: the glue's functions are nearly all called at start-up,
  # so compile them while the file streams in, off the main thread, instead
  # of one by one on first call.
  sed -i '1i //# allFunctionsCalledOnLoad' dist/ally.js
  # The therapist's report: its own page and download, from the same crate.
  trunk build --release --offline --skip-version-check report.html --dist target/report-dist
  cp target/report-dist/index.html dist/report.html
  cp target/report-dist/report.js target/report-dist/report_bg.wasm \
    target/report-dist/report.css target/report-dist/report-start.js dist/
  terser dist/report.js --module --compress --mangle --output dist/report.js
  # shellcheck disable=SC2086
  node tools/minify-names.mjs dist/report_bg.wasm dist/report.js -- $features
  # One allow-list for both pages: index.html's.
  local allow
  allow=$(sed -n 's/.*name="ally-allowed-origins" content="\([^"]*\)".*/\1/p' index.html)
  sed -i "s|<meta [^>]*name=\"\?ally-allowed-origins\"\?[^>]*>|<meta name=\"ally-allowed-origins\" content=\"$allow\">|" dist/report.html
  grep -q "content=\"$allow\"" dist/report.html || die "dist/report.html did not get the allow-list."
  # The JSON Schemas of the result and of every message, for portals.
  mkdir -p dist/schema
  cp schema/*.schema.json dist/schema/
  # FHIR definitions for the portal's server, under the deployment's canonical
  # base (index.html's ally-fhir-base), and sample bundles for the validators.
  local base
  base=$(sed -n 's/.*name="ally-fhir-base" content="\([^"]*\)".*/\1/p' index.html)
  cargo run --quiet --bin ally-fhir -- dist/fhir --base "$base" --samples target/fhir-samples
  # Trunk leaves its own <link data-trunk rel=rust …> in the page when it injects nothing.
  sed -i 's/<link [^>]*data-trunk[^>]*>//g' dist/index.html dist/report.html
  if grep -q 'data-trunk' dist/index.html dist/report.html; then die "dist/ still has a Trunk directive."; fi
}

run_tests() {
  say "native tests of the core (with fuzzing, which prints what it tried)"
  cargo test --test core -- --show-output

  say "component tests in headless Chromium"
  cargo test --target wasm32-unknown-unknown --test browser

  build

  say "FHIR: two validators over hand-made, broken and built resources"
  node --test tests/fhir/

  say "budgets"
  node tests/budgets/size.mjs
  node tests/budgets/runtime.mjs
  bench

  say "end-to-end tests in headless Chromium"
  node --test --test-concurrency=1 tests/e2e/

  say "the same flows in every engine: Chromium, Firefox ESR, WebKitGTK"
  node --test --test-concurrency=1 tests/engines/

  say "every message the end-to-end tests saw, against the JSON Schemas; the types against the same samples"
  node --test tests/schema/
}

bench() {
  say "benchmarks (figures only)"
  node tests/e2e/bench-drawing.mjs
  node tests/budgets/report.mjs
}

case "${1:-}" in
  setup) setup ;;
  build) setup; build ;;
  demo)
    setup
    build
    say "serving"
    exec node tests/e2e/server.mjs --port 8080 --root dist
    ;;
  test) setup; run_tests ;;
  bench) setup; build; bench ;;
  fuzz)
    command -v cargo >/dev/null || die "Rust is needed: install it with rustup (https://rustup.rs), then run this again."
    say "fuzzing: config, every incoming message of both pages, resumes with drawings, the report's reader and state, the size limit, the drawing decoder (${ALLY_FUZZ_CASES:-1000000} inputs each)"
    # The fuzz profile: optimised, with overflow checks on (Cargo.toml).
    ALLY_FUZZ_CASES=${ALLY_FUZZ_CASES:-1000000} cargo test --profile fuzz --test core fuzz -- --show-output
    ;;
  *)
    sed -n '2,11p' "$0"
    exit 2
    ;;
esac
