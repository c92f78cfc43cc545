// The SDK as portals install it: the package packed by npm, installed into
// an empty project, imported as an ES module and required as CommonJS under
// Node with no DOM (as server rendering does), and the classic script that
// sets window.Ally, all built from the one source. Run after the build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PKG = join(ROOT, "packages", "ally-embed");
const OUT = join(ROOT, "test-results", "package");
const EXPORTS = ["PROTOCOL_VERSION", "STROKES_FORMAT", "decodeStrokes", "defineElements", "mount", "mountForm", "mountReport", "strokesToSvg"];
const manifest = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));

/** Packs the package (nothing is published) and installs the tarball into an empty project. */
function install() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, "project"), { recursive: true });
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", OUT], { cwd: PKG, encoding: "utf8" }));
  const tarball = join(OUT, packed[0].filename);
  writeFileSync(join(OUT, "project", "package.json"), JSON.stringify({ name: "a-portal", private: true }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], { cwd: join(OUT, "project"), stdio: "pipe" });
  return packed[0];
}
const packed = install();
/** Runs `code` with Node in the installed project; what it prints, as JSON. */
const inProject = (args, code) => JSON.parse(execFileSync("node", [...args, "-e", code], { cwd: join(OUT, "project"), encoding: "utf8" }));

test("npm pack makes a tarball of the built files, the types and the manifest, at the protocol's major version", () => {
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, ["README.md", "dist/ally-embed.js", "dist/index.cjs", "dist/index.d.cts", "dist/index.mjs", "index.d.ts", "package.json"]);
  assert.equal(manifest.version.split(".")[0], "1", "the major version is protocol v1's");
  assert.equal(manifest.sideEffects, false);
  assert.deepEqual(manifest.exports["."], {
    import: { types: "./index.d.ts", default: "./dist/index.mjs" },
    require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
  });
});

test("imported as an ES module under Node, with no window or document: every named export", () => {
  const got = inProject(["--input-type=module"], `
    const a = await import("ally-embed");
    console.log(JSON.stringify({ keys: Object.keys(a).sort(), window: typeof window, types: Object.keys(a).map((k) => typeof a[k]), v: a.PROTOCOL_VERSION,
      defined: a.defineElements() }));`);
  assert.deepEqual(got.keys, EXPORTS);
  assert.equal(got.window, "undefined");
  assert.equal(got.v, 1);
  assert.deepEqual(got.types, ["number", "string", "function", "function", "function", "function", "function", "function"]);
  assert.equal(got.defined, false, "no custom elements under Node: nothing defined, nothing thrown");
});

test("required as CommonJS under Node: the same exports, and a drawing decoded without a DOM", () => {
  const vector = JSON.parse(readFileSync(join(ROOT, "tests", "vectors", "strokes.json"), "utf8")).good[0];
  const got = inProject([], `
    const a = require("ally-embed");
    const decoded = a.decodeStrokes(${JSON.stringify(vector.data)});
    console.log(JSON.stringify({ keys: Object.keys(a).sort(), format: a.STROKES_FORMAT, decoded }));`);
  assert.deepEqual(got.keys, EXPORTS);
  assert.equal(got.format, "ally.strokes/1");
  assert.deepEqual(got.decoded, vector.decoded);
});

test("the classic script sets window.Ally with the same functions, from the same source", () => {
  const classic = readFileSync(join(PKG, "dist", "ally-embed.js"), "utf8");
  assert.ok(classic.startsWith("//# allFunctionsCalledOnLoad\n"), "V8's compile hint comes first");
  const context = vm.createContext({});
  vm.runInContext(classic, context);
  assert.deepEqual(Object.keys(context.Ally).sort(), EXPORTS);
  // The page's copy is the package's.
  assert.equal(readFileSync(join(ROOT, "dist", "ally-embed.js"), "utf8"), classic);
});

test("tsc --strict over a portal's TypeScript (ESM, as a bundler resolves it) and a server's (CommonJS, as Node does)", () => {
  const project = join(OUT, "project");
  cpSync(join(ROOT, "tests", "package", "usage"), join(project, "src"), { recursive: true });
  const options = { strict: true, noEmit: true, target: "es2022", lib: ["es2022", "dom"], types: [] };
  const configs = {
    "tsconfig.json": { compilerOptions: { ...options, module: "esnext", moduleResolution: "bundler" }, files: ["src/portal.ts"] },
    "tsconfig.node.json": { compilerOptions: { ...options, module: "node16", moduleResolution: "node16" }, files: ["src/server.cts"] },
  };
  for (const [name, config] of Object.entries(configs)) {
    writeFileSync(join(project, name), JSON.stringify(config));
    try {
      execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", name], { cwd: project, encoding: "utf8" });
    } catch (e) {
      assert.fail(`tsc -p ${name}:\n${e.stdout}${e.stderr}`);
    }
  }
  // What resolved is the installed package's: ESM's declarations for the portal, CommonJS's for the server.
  const traced = execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.node.json", "--listFiles"], { cwd: project, encoding: "utf8" });
  assert.match(traced, /node_modules\/ally-embed\/dist\/index\.d\.cts/);
});

test("a React 19 portal built by Vite bundles the installed package: no script from elsewhere", () => {
  const project = join(OUT, "project");
  const portal = join(project, "portal");
  const out = join(ROOT, "test-results", "portal");
  cpSync(join(ROOT, "tests", "portal"), portal, { recursive: true });
  // React, Vite and its plugin come from the lock file (the root's node_modules); ally-embed from the tarball.
  execFileSync(join(ROOT, "node_modules", ".bin", "vite"), ["build"], { cwd: portal, env: { ...process.env, PORTAL_OUT: out }, stdio: "pipe" });
  const page = readFileSync(join(out, "index.html"), "utf8");
  const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.equal(scripts.length, 1);
  assert.match(scripts[0], /type="module".*src="\/__portal\/assets\/index-[\w-]+\.js"/);
  const bundle = readFileSync(join(out, scripts[0].match(/src="\/__portal\/([^"]+)"/)[1]), "utf8");
  assert.match(bundle, /ally-checkin/, "the SDK is in the portal's own bundle");
  assert.doesNotMatch(bundle, /ally-embed\.js/, "and is not loaded from the widget's origin");
});
