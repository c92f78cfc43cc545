#!/usr/bin/env bash
# Ally's one developer script. Every command sets up what it needs first,
# idempotently, with pinned versions.
#
#   ./dev.sh demo    build and serve the demo portal: http://localhost:8080/demo/
#   ./dev.sh test    run every test: native, browser components, end-to-end in three engines
#   ./dev.sh bench   build and run the benchmarks (they print figures)
#   ./dev.sh fuzz    fuzz every parser with a million inputs each (the test command runs 3,000)
#   ./dev.sh setup   only install the tools (all of them: the build's and the tests')
#   ./dev.sh build   only build the widget, the report and the rest into dist/
set -euo pipefail
cd "$(dirname "$0")"

# Drives Firefox ESR for the suite of every engine (tests/engines/).
GECKODRIVER_VERSION=0.37.1
# The wasm-bindgen CLI must match the crate pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
# Crates' source paths end up in panic messages: keep them short and the same on every machine.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src/=/"

# Installs a tool from crates.io at `version`, compiled without optimisation:
# what these tools do here takes moments either way (wasm-bindgen on the
# component tests' 39 MB wasm: 1.5 s instead of 0.5), and they compile in a
# third of the time (wasm-bindgen-cli 42 s instead of 1 min 49 s here).
cargo_install() {
  local crate=$1 version=$2
  shift 2
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false \
    cargo install "$crate" --version "$version" --force "$@"
}

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

# What building needs: the wasm target, the wasm-bindgen CLI, Node's
# packages (wasm-opt, terser, lightningcss, minify-html and the test tools,
# all from package-lock.json).
setup_build() {
  say "setup: the build's tools"
  command -v cargo >/dev/null || die "Rust is needed: install it with rustup (https://rustup.rs), then run this again."
  [ -n "$WASM_BINDGEN_VERSION" ] || die "Cargo.toml must pin wasm-bindgen exactly (wasm-bindgen = \"=X.Y.Z\")."

  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
    rustup target add wasm32-unknown-unknown

  # Only what is missing: a Node.js from elsewhere (NodeSource) ships its own
  # npm, and Debian's npm package can't be installed beside it.
  local missing=()
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  apt_install "${missing[@]}"

  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    # Not --locked: the CLI's own lock file wants crates this registry lacks.
    cargo_install wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
  fi
  if ! cmp -s package-lock.json node_modules/.ally-installed-lock 2>/dev/null; then
    npm ci --no-audit --no-fund
    cp package-lock.json node_modules/.ally-installed-lock
  fi
  cargo fetch --quiet
  echo "tools: $(cargo --version), $(wasm-bindgen --version), $(wasm-opt --version | head -n1)"
}

# What the tests need besides: the browsers of three engines and their
# drivers, and the Python FHIR validator.
setup_test() {
  say "setup: the tests' tools"
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  # The other engines a tablet runs: Firefox, and WebKit (Safari's engine) drawn under Xvfb.
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  command -v xauth >/dev/null || missing+=(xauth)
  # The deployment the tests serve the widget with: nginx, and its module that sends the build's .br files.
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  apt_install "${missing[@]}"
  if [ "$(geckodriver --version 2>/dev/null | head -n1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    cargo_install geckodriver "$GECKODRIVER_VERSION" --locked
  fi
  fhir_venv
  echo "engines: $(chromium --version), $(firefox-esr --version), WebKitGTK $(dpkg-query -W -f '${Version}' webkit2gtk-driver 2>/dev/null), $(geckodriver --version | head -n1)"
  echo "deployment: $(/usr/sbin/nginx -v 2>&1)"
}

# Debian packages, when any are missing.
apt_install() {
  [ $# -gt 0 ] || return 0
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

build() {
  say "build dist/ (release)"
  node tools/build.mjs
}

run_tests() {
  say "native tests of the core and the FHIR definitions (with fuzzing, which prints what it tried)"
  cargo test -p ally-core -p ally-fhir --tests -- --show-output

  say "the core without the goals features: their settings ignored, their scores and prompts absent"
  # The fuzzing ran above with every feature; here the rules that change.
  cargo test -p ally-core --no-default-features --features safety --test core -- --skip fuzz::
  say "the core as the check-ins' widget has it: rating goals, never naming them"
  cargo test -p ally-core --no-default-features --features safety,goals --test core -- config:: catalog:: goals::

  say "component tests in headless Chromium"
  cargo test --target wasm32-unknown-unknown --test browser

  build

  say "the SDK's package: packed, installed offline into an empty project, imported, required, type-checked; a React portal built with it"
  node --test tests/package/

  say "the deployment: Debian's nginx with deploy/nginx/ over dist/, its headers, types, caching and compressed files"
  node --test tests/deploy/

  say "FHIR: two validators over hand-made, broken and built resources"
  node --test tests/fhir/

  say "budgets"
  node tests/budgets/size.mjs
  node tools/bench/runtime.mjs
  bench

  say "end-to-end tests in headless Chromium, in two lanes side by side"
  e2e_lanes

  say "the same flows in every engine (Chromium, Firefox ESR, WebKitGTK), the widget served by nginx"
  node --test --test-concurrency=1 tests/engines/

  say "every message the end-to-end tests saw, against the JSON Schemas; the types against the same samples"
  node --test tests/schema/
}

# The end-to-end files in two lanes, each its own `node --test` on its own
# ports (8080 and 8090; the server writes each lane's origins into the pages),
# both recording into the one file the schema test reads. A browser mostly
# waits on timers and frames, so two share two cores well. The first lane
# holds the long screens suite; the second, everything else. Each lane's
# report is printed whole when both are done.
e2e_lanes() {
  local first=(tests/e2e/screens.test.mjs tests/e2e/accessibility.test.mjs tests/e2e/safety.test.mjs tests/e2e/integrity.test.mjs)
  local second=() f
  for f in tests/e2e/*.test.mjs; do
    [[ " ${first[*]} " == *" $f "* ]] || second+=("$f")
  done
  local run="e2e-$$-$(date +%s)" logs="test-results/e2e"
  mkdir -p "$logs"
  ALLY_E2E_RUN="$run" ALLY_E2E_PORT=8080 node --test --test-concurrency=1 "${first[@]}" >"$logs/lane-1.log" 2>&1 &
  local one=$!
  ALLY_E2E_RUN="$run" ALLY_E2E_PORT=8090 node --test --test-concurrency=1 "${second[@]}" >"$logs/lane-2.log" 2>&1 &
  local two=$!
  local status=0
  wait "$one" || status=1
  wait "$two" || status=1
  for f in "$logs/lane-1.log" "$logs/lane-2.log"; do
    echo "---- $f"
    cat "$f"
  done
  return "$status"
}

bench() {
  say "benchmarks (figures only)"
  node tools/bench/drawing.mjs
  node tools/bench/report.mjs
}

case "${1:-}" in
  setup) setup_build; setup_test ;;
  build) setup_build; build ;;
  demo)
    # Only what the demo needs: no browsers, drivers or validators.
    setup_build
    build
    say "serving"
    exec node tools/server.mjs --port 8080 --root dist
    ;;
  test) setup_build; setup_test; run_tests ;;
  bench) setup_build; setup_test; build; bench ;;
  fuzz)
    command -v cargo >/dev/null || die "Rust is needed: install it with rustup (https://rustup.rs), then run this again."
    say "fuzzing: config, every incoming message of both pages, resumes with drawings, the report's reader and state, the size limit, the drawing decoder (${ALLY_FUZZ_CASES:-1000000} inputs each)"
    # The fuzz profile: optimised, with overflow checks on (Cargo.toml).
    ALLY_FUZZ_CASES=${ALLY_FUZZ_CASES:-1000000} cargo test -p ally-core --profile fuzz --test core fuzz -- --show-output
    ;;
  *)
    sed -n '2,11p' "$0"
    exit 2
    ;;
esac
