// Builds dist/: every app in ally.config.json the same way, then what the
// portal loads beside them (the SDK, the demo, the schemas, the FHIR
// definitions). Only installed tools run, at the versions dev.sh pins:
// cargo, wasm-bindgen, and from package-lock.json binaryen's wasm-opt,
// terser, lightningcss, minify-html and esbuild.
//
//   node tools/build.mjs        (./dev.sh build runs it after the setup)
//   node tools/build.mjs --without safety
//                               the child's widget alone, built without one of
//                               its features (ally.config.json), into
//                               target/without-safety/dist (the size check
//                               prints each feature's cost from it)
//
// Per app: cargo builds its bin for wasm32, wasm-bindgen writes the glue,
// wasm-opt shrinks the wasm, terser the glue, minify-names.mjs the names
// between them; the page gets the deployment's settings and is minified with
// its styles. (Hand-written rather than Trunk: these few steps are all the
// build needs, and compiling Trunk was half of a bare machine's setup.)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { buildSync } from "esbuild";
import { transform } from "lightningcss";
import minifyHtmlPackage from "@minify-html/node";

const { minify: minifyHtml } = minifyHtmlPackage;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const config = JSON.parse(readFileSync(join(ROOT, "ally.config.json"), "utf8"));
const without = process.argv[2] === "--without" ? process.argv[3] : null;
if (process.argv[2] && !/^[a-z]+$/.test(without || "")) {
  console.error("build: the one option is --without <feature>, e.g. --without safety");
  process.exit(1);
}
// Built without a feature: in a target of its own, so the usual one stays warm.
const TARGET = without ? join(ROOT, "target", `without-${without}`) : join(ROOT, "target");
const DIST = without ? join(TARGET, "dist") : join(ROOT, "dist");

const run = (cmd, args, options = {}) => execFileSync(cmd, args, { cwd: ROOT, stdio: "inherit", ...options });
const fail = (why) => {
  console.error(`build: ${why}`);
  process.exit(1);
};

/** The deployment's settings, checked: a page can't be built with a setting it can't use. */
function settings() {
  const origins = config.allowedOrigins;
  if (!Array.isArray(origins) || origins.some((o) => typeof o !== "string" || !/^https?:\/\/[^/\s]+$/.test(o))) {
    fail(`ally.config.json: allowedOrigins must be a list of origins like "https://portal.example.org", got ${JSON.stringify(origins)}`);
  }
  if (!/^https?:\/\/\S+[^/]$/.test(config.fhirBase || "")) {
    fail(`ally.config.json: fhirBase must be an http(s) URL without a trailing slash, got ${JSON.stringify(config.fhirBase)}`);
  }
  return { "ally-allowed-origins": origins.join(" "), "ally-fhir-base": config.fhirBase };
}

/** The page with the settings in its <meta>s, each of which must be there to fill. */
function fill(html, page, values) {
  for (const [name, value] of Object.entries(values)) {
    const meta = new RegExp(`(<meta name="${name}" content=")[^"]*(")`);
    if (meta.test(html)) html = html.replace(meta, `$1${value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}$2`);
    else if (name === "ally-allowed-origins") fail(`${page} has no <meta name="${name}" content="">`);
  }
  return html;
}

/**
 * Builds an app's bin with its features (the crate's defaults where it names
 * none), then its page. One target for all: the dependencies build once,
 * and each feature set of the crate keeps its own compiled copy, so
 * switching between them recompiles nothing.
 */
function buildApp(app, values, features = app.features) {
  run("cargo", ["build", "--release", "--quiet", "--target", "wasm32-unknown-unknown", "--bin", app.bin,
    ...(features ? ["--no-default-features", ...(features.length ? ["--features", features.join(",")] : [])] : [])],
  { env: { ...process.env, CARGO_TARGET_DIR: TARGET } });
  const name = app.bin;
  const out = join(TARGET, "bindgen", name);
  rmSync(out, { recursive: true, force: true });
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", out, "--out-name", name,
    join(TARGET, "wasm32-unknown-unknown", "release", `${name}.wasm`)]);
  run("wasm-opt", [...config.wasmOpt, join(out, `${name}_bg.wasm`), "-o", join(DIST, `${name}_bg.wasm`)]);
  run("terser", [join(out, `${name}.js`), "--module", "--compress", "--mangle", "--output", join(DIST, `${name}.js`)]);
  const wasmFeatures = config.wasmOpt.filter((f) => f.startsWith("--enable-"));
  run("node", [join("tools", "minify-names.mjs"), join(DIST, `${name}_bg.wasm`), join(DIST, `${name}.js`), "--", ...wasmFeatures]);
  if (app.compileHint) {
    // V8's compile hint: the glue's functions nearly all run at start-up, so
    // they compile while the file streams in, off the main thread.
    const glue = join(DIST, `${name}.js`);
    writeFileSync(glue, `//# allFunctionsCalledOnLoad\n${readFileSync(glue, "utf8")}`);
  }
  const css = transform({ filename: app.styles, code: readFileSync(join(ROOT, app.styles)), minify: true });
  writeFileSync(join(DIST, basename(app.styles)), css.code);
  // A page like another app's (naming goals is the widget's page): that app's page and
  // loader, with its bin's files renamed to this one's.
  const like = app.like && config.apps.find((a) => a.bin === app.like);
  const source = (path) => readFileSync(join(ROOT, path), "utf8");
  const renamed = (text) => (like
    ? text.replaceAll(`${like.bin}_bg.wasm`, `${name}_bg.wasm`).replaceAll(`${like.bin}.js`, `${name}.js`)
      .replaceAll(basename(like.start), basename(app.start))
    : text);
  writeFileSync(join(DIST, basename(app.start)), renamed(source(like ? like.start : app.start)));
  const html = fill(renamed(source(like ? like.page : app.page)), app.page, values);
  // minify-html's spec-compliant settings, with closing tags kept.
  const small = minifyHtml(Buffer.from(html), {
    keep_closing_tags: true, minify_css: true, minify_js: true, do_not_minify_doctype: true,
    ensure_spec_compliant_unquoted_attribute_values: true, keep_spaces_between_attributes: true,
  });
  writeFileSync(join(DIST, app.page), small);
}

/**
 * The host SDK, from its one source (packages/ally-embed/src/index.js): the
 * package's ES module and CommonJS files, and the classic script that sets
 * window.Ally, which dist/ serves as ally-embed.js with its types. Not
 * minified: a portal reads what it embeds, and its own bundler minifies.
 */
function buildSdk() {
  const pkg = join(ROOT, "packages", "ally-embed");
  const common = { entryPoints: [join(pkg, "src", "index.js")], bundle: true, target: "es2019", legalComments: "inline", logLevel: "warning" };
  buildSync({ ...common, format: "esm", outfile: join(pkg, "dist", "index.mjs") });
  buildSync({ ...common, format: "cjs", outfile: join(pkg, "dist", "index.cjs") });
  // V8's compile hint: these functions all run as soon as a widget is mounted.
  buildSync({ ...common, format: "iife", globalName: "Ally", outfile: join(pkg, "dist", "ally-embed.js"),
    banner: { js: "//# allFunctionsCalledOnLoad" },
    // A page that loads the script gets the elements too.
    footer: { js: "Ally.defineElements();" } });
  cpSync(join(pkg, "dist", "ally-embed.js"), join(DIST, "ally-embed.js"));
  // The same declarations for CommonJS: a `require` finds its own.
  cpSync(join(pkg, "index.d.ts"), join(pkg, "dist", "index.d.cts"));
  cpSync(join(pkg, "index.d.ts"), join(DIST, "ally-embed.d.ts"));
}

/**
 * Gives what the pages load a name made from its content (`ally.1f0c3b9a2e.js`),
 * so a deployment caches it for a year as immutable while the pages, never
 * cached, always name the files of their own build. Leaves first (wasm, styles),
 * then the glue that names its wasm, then the loaders that name the glue: each
 * hash covers the names inside it. `dist/assets.json` maps each name to its file.
 * (Hand-written: a bundler's asset pipeline would take over the steps above for four files' names.)
 */
function hashAssets(dir) {
  const names = {};
  const escape = (s) => s.replace(/[.]/g, "\\.");
  // A name as a whole word: "start.js" is not the end of "goals-start.js".
  const rename = (text) => Object.entries(names).reduce((t, [from, to]) => t.replace(new RegExp(`(?<![\\w.-])${escape(from)}(?![\\w-])`, "g"), to), text);
  const top = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());
  const loader = (f) => config.apps.some((a) => basename(a.start) === f);
  const glue = (f) => config.apps.some((a) => `${a.bin}.js` === f);
  for (const level of [(f) => /\.(wasm|css)$/.test(f), glue, loader]) {
    for (const f of top.filter(level)) {
      const body = f.endsWith(".wasm") ? readFileSync(join(dir, f)) : Buffer.from(rename(readFileSync(join(dir, f), "utf8")));
      const hashed = f.replace(/(\.\w+)$/, `.${createHash("sha256").update(body).digest("hex").slice(0, 10)}$1`);
      writeFileSync(join(dir, hashed), body);
      rmSync(join(dir, f));
      names[f] = hashed;
    }
  }
  for (const page of config.apps.map((a) => a.page).filter((p) => top.includes(p))) writeFileSync(join(dir, page), rename(readFileSync(join(dir, page), "utf8")));
  writeFileSync(join(dir, "assets.json"), JSON.stringify(names, null, 2) + "\n");
}

/**
 * Beside every script, style, wasm and data file, its brotli (`.br`, best
 * quality) and gzip (`.gz`) copies, where they are smaller: a server sends
 * them as they are (nginx's brotli_static and gzip_static), compressing
 * nothing per request. The pages stay as they are: under a kilobyte each.
 */
function precompress(dir) {
  for (const name of readdirSync(dir, { recursive: true })) {
    const path = join(dir, name);
    if (!/\.(js|mjs|css|wasm|json|svg|ts|xml)$/.test(name) || !statSync(path).isFile()) continue;
    const body = readFileSync(path);
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    const gz = gzipSync(body, { level: 9 });
    if (br.length < body.length) writeFileSync(`${path}.br`, br);
    if (gz.length < body.length) writeFileSync(`${path}.gz`, gz);
  }
}

const values = settings();
rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });
if (without) {
  // The widget's features, but one.
  const widget = config.apps[0];
  if (!widget.features.includes(without)) fail(`--without ${without}: not one of the widget's features ${JSON.stringify(widget.features)}`);
  buildApp(widget, values, widget.features.filter((f) => f !== without));
  hashAssets(DIST);
  console.log(`build: ${widget.page} without ${without}, in ${DIST}`);
  process.exit(0);
}
for (const app of config.apps) buildApp(app, values);
buildSdk();
for (const path of config.copy) cpSync(join(ROOT, path), join(DIST, basename(path)), { recursive: true });
// The JSON Schemas of the result and of every message, for portals.
cpSync(join(ROOT, "schema"), join(DIST, "schema"), { recursive: true });
// FHIR definitions for the portal's server under the deployment's canonical
// base, and sample bundles for the validators.
run("cargo", ["run", "--quiet", "-p", "ally-fhir", "--", join(DIST, "fhir"), "--base", config.fhirBase,
  "--samples", join(TARGET, "fhir-samples")]);
hashAssets(DIST);
precompress(DIST);
console.log(`build: ${config.apps.map((a) => a.page).join(", ")} and what they load, in dist/`);
