// A small static server for the demo and the end-to-end tests.
//
//   node tools/server.mjs [--port 8080] [--root dist]
//
// Serves `root` (the built widget, with the SDK and the demo portal) on the
// loopback addresses, so that http://localhost:PORT (the portal) and
// http://127.0.0.1:PORT (the widget) are two origins, as in production.
// Pages under /__test/ come from tests/e2e/pages.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
};

/** The portal's two loopback origins on `port`: the demo's allow-list. */
const origins = (port) => `http://localhost:${port} http://127.0.0.1:${port}`;

/** The policy a deployment of the widget should send with its pages, for portals on `port`. */
export const widgetCsp = (port) => [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  `frame-ancestors ${origins(port)}`,
].join("; ");

/**
 * The policy a portal that embeds Ally can send with its own pages: scripts
 * only from the portal's origin (the SDK bundled into them, or served from
 * there), frames only from the widget's origin. Nothing inline is needed.
 */
export const portalCsp = (widgetOrigin) => [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  `frame-src ${widgetOrigin}`,
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

/**
 * What the pages asked for with ?console=record said in their consoles, by
 * session (tests/e2e/pages/console.js sends it): the engine suite checks
 * that every flow leaves it empty.
 */
export const consoleLines = new Map();

function within(base, path) {
  const full = normalize(join(base, path));
  return full.startsWith(base) ? full : null;
}

/** Serves `root`; its pages allow embedding by the portal on the port served. */
export function handler(root, port = 8080) {
  const pages = resolve(here, "../tests/e2e/pages");
  return async (req, res) => {
    const url = new URL(req.url, "http://x");
    let path = decodeURIComponent(url.pathname);
    let base = root;
    // The widget's page gets the strict policy a deployment should send
    // (?csp=off shows what the widget does by itself without it).
    const page = ["/", "/index.html", "/goals.html", "/form.html", "/report.html"].includes(path);
    const csp = page && url.searchParams.get("csp") !== "off" ? { "Content-Security-Policy": widgetCsp(port) } : {};
    if (path === "/__test/console" && req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      try {
        const { session, line } = JSON.parse(body);
        if (!consoleLines.has(session)) consoleLines.set(session, []);
        consoleLines.get(session).push(line);
      } catch {}
      res.writeHead(204);
      return res.end();
    }
    // The React test portal, built by tests/package/ against the installed tarball, under the portal's policy.
    if (path.startsWith("/__portal/")) {
      base = resolve(here, "../test-results/portal");
      path = path.slice("/__portal".length);
      csp["Content-Security-Policy"] = portalCsp(`http://127.0.0.1:${port}`);
    } else if (path.startsWith("/__test/")) {
      base = pages;
      path = path.slice("/__test".length);
      // ?csp=portal: a test portal under the policy a portal should send.
      if (url.searchParams.get("csp") === "portal") csp["Content-Security-Policy"] = portalCsp(`http://127.0.0.1:${port}`);
    }
    if (path.endsWith("/")) path += "index.html";
    const file = within(base, path);
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error("not found");
      let body = await readFile(file);
      // The build's allow-list names the demo's default port; served on
      // another, the widget's pages name that one instead.
      if (page && base === root && port !== 8080) {
        body = Buffer.from(body.toString("utf8").replaceAll(origins(8080), origins(port)));
      }
      // A test's recorder of the page's console, before anything else runs.
      if (page && base === root && url.searchParams.get("console") === "record") {
        body = Buffer.from(body.toString("utf8").replace(/(<meta charset[^>]*>)/i, '$1<script src="/__test/console.js"></script>'));
      }
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] || "application/octet-stream",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        ...csp,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("Not found\n");
    }
  };
}

/** Listens on 127.0.0.1 and, where the machine has it, ::1. */
export async function serve({ port = 8080, root = "dist" } = {}) {
  const abs = resolve(root);
  const servers = [];
  for (const host of ["127.0.0.1", "::1"]) {
    const server = createServer(handler(abs, port));
    try {
      await new Promise((ok, fail) => {
        server.once("error", fail);
        server.listen(port, host, ok);
      });
      servers.push(server);
    } catch (err) {
      if (host === "127.0.0.1") {
        throw new Error(`cannot listen on ${host}:${port}: ${err.message} (is another server running?)`);
      }
    }
  }
  return { close: () => Promise.all(servers.map((s) => new Promise((ok) => s.close(ok)))) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const port = Number(arg("--port", 8080));
  await serve({ port, root: arg("--root", "dist") });
  console.log(`Demo portal: http://localhost:${port}/demo/`);
  console.log(`Widget:      http://127.0.0.1:${port}/`);
}
