// Size budgets: prints raw, gzip and brotli sizes of every file in dist/ and
// fails when a page and what it loads is over its budget in brotli: the
// widget the child downloads, 136 KB (128 before the goals and the safety
// path, which pay for the rest), and naming goals, its own page on the same
// budget; the therapist's report and the adults' form, 150 KB each. Then what each of the widget's
// features costs the child: the widget is built again without it
// (node tools/build.mjs --without <feature>), and the difference printed,
// and what the naming screens add to goals.html.
//   node tests/budgets/size.mjs   (after ./dev.sh build)
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

// Counted strictly: 1 KB is 1,000 bytes.
const BUDGETS = [
  { name: "widget", budget: 136 * 1000, files: ["index.html", "start.js", "ally.js", "ally_bg.wasm", "ally.css"] },
  // Naming goals: the child's widget with the naming screens, its own download, on the same budget.
  { name: "naming goals", budget: 136 * 1000, files: ["goals.html", "goals-start.js", "goals.js", "goals_bg.wasm", "ally.css"] },
  { name: "report", budget: 150 * 1000, files: ["report.html", "report-start.js", "report.js", "report_bg.wasm", "report.css"] },
  // An adult's form: a caregiver's or the therapist's view, its own download.
  { name: "form", budget: 150 * 1000, files: ["form.html", "form-start.js", "form.js", "form_bg.wasm", "form.css"] },
];
const dist = "dist";

/** A build's file for one of its names: the content-hashed copy its assets.json names. */
function hashedIn(dir) {
  let names = {};
  try {
    names = JSON.parse(readFileSync(join(dir, "assets.json"), "utf8"));
  } catch {
    // A build from before hashed names.
  }
  return (f) => names[f] || f;
}
for (const b of BUDGETS) {
  b.names = b.files;
  b.files = b.files.map(hashedIn(dist));
}

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    // The precompressed copies a server sends in place of a file are that file.
    else if (!/\.(br|gz)$/.test(name)) files.push(path);
  }
};
walk(dist);

const kb = (n) => (n / 1000).toFixed(1).padStart(7);
const sizes = new Map();
console.log("file                          raw KB  gzip KB  brotli KB");
const folded = new Map(); // the portal's folders of data (FHIR, schemas): one line each
for (const path of files.sort()) {
  const name = relative(dist, path);
  const bytes = readFileSync(path);
  const size = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  sizes.set(name, size);
  const owner = BUDGETS.find((b) => b.files.includes(name));
  const folder = /^(fhir|schema)\//.exec(name);
  if (folder) {
    const f = folded.get(folder[1]) || { raw: 0, gzip: 0, brotli: 0, count: 0 };
    for (const k of ["raw", "gzip", "brotli"]) f[k] += size[k];
    f.count += 1;
    folded.set(folder[1], f);
    continue;
  }
  console.log(`${(owner ? "" : "(portal) ") + name}`.padEnd(28), kb(size.raw), " ", kb(size.gzip), "  ", kb(size.brotli));
}
for (const [folder, f] of folded) {
  console.log(`(portal) ${folder}/ (${f.count} files)`.padEnd(28), kb(f.raw), " ", kb(f.gzip), "  ", kb(f.brotli));
}
let ok = true;
for (const b of BUDGETS) {
  const missing = b.files.filter((f) => !sizes.has(f));
  if (missing.length) {
    console.error(`size budget: missing from dist/: ${missing.join(", ")}`);
    process.exit(1);
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of b.files) for (const k of Object.keys(total)) total[k] += sizes.get(f)[k];
  console.log(`${`${b.name} total`.padEnd(28)} ${kb(total.raw)}   ${kb(total.gzip)}    ${kb(total.brotli)}`);
  const fits = total.brotli <= b.budget;
  ok &&= fits;
  console.log(`size budget (${b.name}): ${total.brotli} bytes brotli of ${b.budget} (${(total.brotli / 1000).toFixed(1)} KB of ${b.budget / 1000} KB): ${fits ? "ok" : "OVER BUDGET"}`);
}

// The host SDK, as a portal gets it: the package's ES module (before the
// portal's own bundler minifies it) and the classic script. A figure, not a budget.
for (const [name, file] of [["SDK, ES module (packages/ally-embed)", "packages/ally-embed/dist/index.mjs"], ["SDK, classic script (ally-embed.js)", "dist/ally-embed.js"]]) {
  const bytes = readFileSync(file);
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${name}: ${(bytes.length / 1000).toFixed(1)} KB raw, ${(br / 1000).toFixed(1)} KB brotli`);
}

// What each feature costs the child's download.
const widget = BUDGETS[0];
const brotliOf = (dir) => widget.names.map(hashedIn(dir)).reduce((n, f) => n + brotliCompressSync(readFileSync(join(dir, f)),
  { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
const full = brotliOf(dist);
const { features } = JSON.parse(readFileSync("ally.config.json", "utf8")).apps[0];
const withoutOne = {};
for (const feature of features) {
  execFileSync("node", [join("tools", "build.mjs"), "--without", feature], { stdio: ["ignore", "ignore", "inherit"] });
  const without = brotliOf(join("target", `without-${feature}`, "dist"));
  withoutOne[feature] = without;
  console.log(`feature ${feature}: ${((full - without) / 1000).toFixed(1)} KB brotli of the widget (${(without / 1000).toFixed(1)} KB without it)`);
}
// goals.html is the widget with the naming screens instead of the goal ratings.
const naming = BUDGETS[1].files.reduce((n, f) => n + sizes.get(f).brotli, 0);
console.log(`feature naming: ${((naming - withoutOne.goals) / 1000).toFixed(1)} KB brotli of goals.html (in place of the ratings), never in a check-in's download`);
process.exit(ok ? 0 : 1);
