// Size budget: prints raw, gzip and brotli sizes of every file in dist/ and
// fails when what the child downloads (the widget page and what it loads)
// is over 128 KB brotli in total.
//   node tests/budgets/size.mjs   (after ./dev.sh build)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

// 128 KB, counted strictly: 128,000 bytes.
const BUDGET = 128 * 1000;
const dist = "dist";
// The widget page and the files it loads; the SDK and the demo are the portal's.
const WIDGET = ["index.html", "start.js", "ally.js", "ally_bg.wasm", "ally.css"];

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dist);

const kb = (n) => (n / 1000).toFixed(1).padStart(7);
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log("file                          raw KB  gzip KB  brotli KB");
for (const path of files.sort()) {
  const name = relative(dist, path);
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const widget = WIDGET.includes(name);
  if (widget) {
    total.raw += bytes.length;
    total.gzip += gzip;
    total.brotli += brotli;
  }
  console.log(`${(widget ? "" : "(portal) ") + name}`.padEnd(28), kb(bytes.length), " ", kb(gzip), "  ", kb(brotli));
}
const missing = WIDGET.filter((w) => !files.some((f) => relative(dist, f) === w));
if (missing.length) {
  console.error(`size budget: missing from dist/: ${missing.join(", ")}`);
  process.exit(1);
}
console.log(`${"widget total".padEnd(28)} ${kb(total.raw)}   ${kb(total.gzip)}    ${kb(total.brotli)}`);
const ok = total.brotli <= BUDGET;
console.log(`size budget: ${total.brotli} bytes brotli of ${BUDGET} (${(total.brotli / 1000).toFixed(1)} KB of ${BUDGET / 1000} KB): ${ok ? "ok" : "OVER BUDGET"}`);
process.exit(ok ? 0 : 1);
