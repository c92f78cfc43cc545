// The deployment as the README gives it: Debian's nginx with deploy/nginx's
// files over dist/ (run after the build). Every page gets the widget's
// policy with the portals' origins as frame-ancestors and is never cached;
// what the pages load has content-hashed names and is kept a year as
// immutable; wasm is application/wasm; the build's .br and .gz copies go to
// the browsers that accept them, byte for byte. The engine suite
// (tests/engines/) then runs every flow through this same nginx.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { readFileSync } from "node:fs";
import { startNginx, ORIGINS } from "./nginx.mjs";

const PORT = 8097;
let nginx;
before(async () => { nginx = await startNginx({ port: PORT }); });
after(() => nginx && nginx.stop());

const names = JSON.parse(readFileSync("dist/assets.json", "utf8"));

/** GET `path` as a browser asks for it; resolves to { status, headers, body } with the body as sent. */
function get(path, encoding = "gzip, deflate, br") {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port: PORT, path, headers: { "Accept-Encoding": encoding } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });
}

/** The policy's directives, by name. */
const directives = (csp) => Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(" ")]));

test("every page: the widget's policy with the allowed portals as frame-ancestors, never cached, as HTML", async () => {
  for (const path of ["/", "/index.html", "/goals.html", "/form.html", "/report.html", "/?session=visit-1"]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers["content-type"], "text/html; charset=utf-8", path);
    assert.equal(r.headers["cache-control"], "no-cache", path);
    assert.equal(r.headers["referrer-policy"], "no-referrer", path);
    assert.equal(r.headers["x-content-type-options"], "nosniff", path);
    const csp = directives(r.headers["content-security-policy"]);
    assert.deepEqual(csp, {
      "default-src": "'none'", "script-src": "'self' 'wasm-unsafe-eval'", "style-src": "'self'", "img-src": "'self' data: blob:",
      "connect-src": "'self'", "base-uri": "'none'", "form-action": "'none'", "frame-ancestors": ORIGINS.join(" "),
    }, path);
    // The page's own allow-list says the same.
    const meta = /<meta content="([^"]*)" name=ally-allowed-origins>/.exec(r.body.toString())[1];
    assert.equal(meta, csp["frame-ancestors"], path);
    assert.equal(r.headers.server, "nginx", "no version said");
  }
});

test("what the pages load: content-hashed, kept a year as immutable, each with its type; wasm as application/wasm", async () => {
  const types = { ".js": "application/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm" };
  const page = readFileSync("dist/index.html", "utf8");
  for (const [name, file] of Object.entries(names)) {
    assert.match(file, /\.[0-9a-f]{10}\.(js|css|wasm)$/, name);
    const r = await get(`/${file}`, "identity");
    assert.equal(r.status, 200, file);
    assert.equal(r.headers["cache-control"], "public, max-age=31536000, immutable", file);
    assert.equal(r.headers["content-type"], types[file.slice(file.lastIndexOf("."))], file);
    assert.deepEqual(r.body, readFileSync(`dist/${file}`), file);
  }
  for (const name of ["start.js", "ally.js", "ally_bg.wasm", "ally.css"]) assert.ok(page.includes(names[name]), `index.html loads ${names[name]}`);
  // A name of the build that is not hashed is not served, nor the build's own list, nor a copy by its own name.
  assert.equal((await get("/ally.js")).status, 404);
  assert.equal((await get("/assets.json")).status, 404);
  assert.equal((await get(`/${names["ally_bg.wasm"]}.br`)).status, 404);
  // A hashed file not there yet (a copy in progress): its 404 is not kept.
  const missing = await get("/start.0123456789.js");
  assert.equal(missing.status, 404);
  assert.equal(missing.headers["cache-control"], "no-cache");
  // The SDK's declarations: text to read.
  assert.equal((await get("/ally-embed.d.ts")).headers["content-type"], "text/plain; charset=utf-8");
});

test("the build's .br and .gz, byte for byte, to the browsers that accept them; Vary says so", async () => {
  const wasm = `/${names["ally_bg.wasm"]}`;
  const br = await get(wasm, "gzip, deflate, br");
  assert.equal(br.headers["content-encoding"], "br");
  assert.deepEqual(br.body, readFileSync(`dist${wasm}.br`));
  assert.equal(br.headers["content-type"], "application/wasm");
  assert.match(br.headers.vary, /Accept-Encoding/);
  const gz = await get(wasm, "gzip, deflate");
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.deepEqual(gz.body, readFileSync(`dist${wasm}.gz`));
  const plain = await get(wasm, "identity");
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.equal(plain.body.length, readFileSync(`dist${wasm}`).length);
  assert.ok(br.body.length < gz.body.length && gz.body.length < plain.body.length, `br ${br.body.length} < gzip ${gz.body.length} < ${plain.body.length}`);
  // The SDK at its fixed URL: revalidated each time, compressed too.
  const sdk = await get("/ally-embed.js");
  assert.equal(sdk.headers["cache-control"], "no-cache");
  assert.equal(sdk.headers["content-encoding"], "br");
  assert.ok(sdk.headers.etag || sdk.headers["last-modified"], "it can be revalidated");
});
