// Shared set-up for the end-to-end tests: the two-origin server, Chromium,
// and the recording of every protocol message the suite sees.
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../tools/server.mjs";

// Each lane of the suite (dev.sh runs two side by side) serves on its own
// ports: ALLY_E2E_PORT, and the next one for the stranger.
export const PORT = Number(process.env.ALLY_E2E_PORT || 8080);
export const PORTAL = `http://localhost:${PORT}`;
export const WIDGET = `http://127.0.0.1:${PORT}`;
/** An origin that is not on the widget's allow-list. */
/** The iframe the SDK creates. */
export const WIDGET_FRAME = "iframe[title=\"Ally check-in\"]";
export const STRANGER_PORT = PORT + 1;
/** The most JSON text a message to the widget may have (protocol v1). */
export const MAX_MESSAGE_BYTES = 256 * 1024;
export const STRANGER = `http://localhost:${STRANGER_PORT}`;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let servers = [];
let browser = null;

export async function start() {
  startRecording();
  servers = [await serve({ port: PORT, root: "dist" }), await serve({ port: STRANGER_PORT, root: "dist" })];
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return browser;
}

export async function stop() {
  if (browser) await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}

/**
 * A new screen of the widget takes no tap for its first 400 ms (its root
 * carries `data-busy` meanwhile): a finger, and so every click and tap of
 * these tests, lands once it has settled. Applied to Playwright's locators
 * once; a test of the guard itself taps with the raw mouse or touchscreen.
 */
let calmed = false;
export function calmBeforeActing(page) {
  if (calmed) return;
  calmed = true;
  const proto = Object.getPrototypeOf(page.locator("html"));
  // boundingBox too: a test that draws with the raw mouse measures the canvas first.
  for (const name of ["click", "tap", "check", "dblclick", "boundingBox"]) {
    const act = proto[name];
    proto[name] = async function (...args) {
      await this.evaluate(async () => {
        // Settled, and no tapped answer still popping on its way to the next screen.
        const busy = () => document.documentElement.hasAttribute("data-busy") || document.querySelector(".pop");
        while (busy()) await new Promise((ok) => setTimeout(ok, 20));
      }, undefined, args[0]?.timeout ? { timeout: args[0].timeout } : undefined).catch(() => {});
      return act.apply(this, args);
    };
  }
}

/** Waits in the widget's `frame` until its screen takes taps (see calmBeforeActing). */
export async function calm(frame) {
  await frame.waitForFunction(() => !document.documentElement.hasAttribute("data-busy") && !document.querySelector(".pop"), undefined, { polling: 20 });
}

/** A fresh page (its own context) on a tablet-sized screen with touch. */
export async function newPage(options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    ...options,
  });
  await record(context);
  const page = await context.newPage();
  calmBeforeActing(page);
  page.on("pageerror", (e) => console.error("page error:", e.message));
  return page;
}

/**
 * A child's fingers on the widget in `widget` (a frame locator), as
 * tests/e2e/cases.mjs's `act` uses them: `tap(name)`, `line(value)`.
 */
export function child(widget) {
  return {
    tap: (name) => widget.getByRole("button", { name, exact: true }).tap(),
    line: async (value) => {
      const slider = widget.getByRole("slider");
      const box = await slider.boundingBox();
      const inset = (box.width * 40) / 1000;
      await slider.tap({ position: { x: inset + ((box.width - 2 * inset) * value) / 10, y: box.height / 2 } });
      await slider.and(widget.locator(`[aria-valuenow="${value}"]`)).waitFor();
    },
  };
}

export function hostUrl(config, params = {}) {
  const q = new URLSearchParams({ config: JSON.stringify(config), ...params });
  return `${PORTAL}/__test/host.html?${q}`;
}

/** Opens the test portal with Ally mounted; returns the page and the widget frame. */
export async function openHost(config, params = {}, pageOptions = {}) {
  const page = await newPage(pageOptions);
  await page.goto(hostUrl(config, params));
  return { page, widget: page.frameLocator(WIDGET_FRAME) };
}

export async function log(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.log)));
}

/** Waits until `fn(log)` is true in the page; `fn` is a string body over `log`. */
export async function until(page, body, timeout = 10000) {
  const expression = `(() => { const log = window.log; return !!(${body}); })()`;
  await page.waitForFunction(expression, undefined, { timeout, polling: 50 }).catch(async (e) => {
    throw new Error(`timed out waiting for ${body}; log was ${JSON.stringify(await log(page))}\n${e.message}`);
  });
}

/**
 * Waits until a portal's `window.log[kind]` holds `n` entries. A function,
 * not a string: a portal under the portal-side policy allows no eval, a
 * test's included.
 */
export const heard = (page, kind, n) => page.waitForFunction(([k, n]) => window.log[k].length === n, [kind, n], { polling: 50 });

/** How many iframes the portal's page has. */
export const iframes = (page) => page.evaluate(() => document.querySelectorAll("iframe").length);

/** Answers the next `n` questions of a 9-year-old's check-in: the best face, no drawing, every other one skipped. */
export async function answerQuickly(widget, n) {
  for (let i = 0; i < n; i++) {
    const id = await widget.locator("[data-prompt]").getAttribute("data-prompt");
    await child(widget).tap(id === "mood.now" ? "Great" : id.startsWith("drawing.") ? "No, thanks" : "Skip");
    await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
  }
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Waits until the widget's iframe has kept the same height for a moment. */
export async function settle(page, frameSelector = "iframe") {
  await page.waitForFunction(async (sel) => {
    const frame = document.querySelector(sel);
    const height = frame && frame.style.height;
    for (let i = 0; i < 3; i++) {
      await new Promise((ok) => setTimeout(ok, 30));
      if (frame && frame.style.height !== height) return false;
    }
    return true;
  }, frameSelector, { polling: 10 });
}

/**
 * Taps a button as a child would: a finger doesn't tap a screen that is
 * still moving, so this waits for the iframe to stop resizing afterwards.
 */
export async function tap(page, widget, name, frameSelector = "iframe") {
  await widget.getByRole("button", { name, exact: true }).click();
  await settle(page, frameSelector);
}

/**
 * Inside the widget's frame, holds back the host's acks (on the private
 * channel and on the window): the first `count` of them, or all while
 * `window.holdAcks` is true there.
 */
export async function holdAcks(context, count = true) {
  await context.addInitScript(([widgetOrigin, count]) => {
    if (location.origin !== widgetOrigin) return;
    window.holdAcks = count;
    window.heldAcks = 0;
    const held = (e) => {
      if (!e.data || e.data.type !== "ack" || !window.holdAcks) return false;
      if (typeof window.holdAcks === "number") window.holdAcks -= 1;
      return ++window.heldAcks;
    };
    addEventListener("message", (e) => { if (held(e)) e.stopImmediatePropagation(); }, true);
    const add = MessagePort.prototype.addEventListener;
    MessagePort.prototype.addEventListener = function (type, fn, options) {
      if (type !== "message") return add.call(this, type, fn, options);
      return add.call(this, type, function (e) { if (!held(e)) return fn.call(this, e); }, options);
    };
  }, [WIDGET, count]);
}

// ---- The recording of the protocol ------------------------------------------
//
// Under `node --test`, every message the widget (or the report) sends to its
// host and every message the host SDK sends to them is appended to RECORDING,
// one JSON line each: { run, at, file, page, direction, via, message }.
// tests/schema/ validates them all against the protocol's JSON Schemas.
//
// Only genuine traffic is recorded, each message where its sender posts it or
// where it first arrives:
// - in the widget's page: what it posts on its port, and the SDK's `init`
//   (the one window message that carries a port);
// - in the portal's page: what the SDK's own code (ally-embed.js) posts on a
//   port, and the Ally messages a widget's page says on the window.
// A test's own forgeries (posted from its code, from other frames, or on the
// window without a port) are left out, and so are host messages of the types
// a test page names in its `malformed` parameter (`?malformed=init`): a config
// or a document handed to the SDK wrong on purpose.

/** The recording, JSON lines; made afresh by the first test file of each run. */
export const RECORDING = fileURLToPath(new URL("../../test-results/messages.jsonl", import.meta.url));

/** The pages of the widget's deployment that speak the protocol. */
const WIDGET_PAGES = ["/", "/index.html", "/goals.html", "/form.html", "/report.html"];

/**
 * This run of `node --test`: its process id and start time (every test file
 * runs in a child process of it), or the run its lanes share
 * (`ALLY_E2E_RUN`, set by dev.sh). `null` outside the test runner: scripts
 * that drive the widget for figures or screenshots record nothing.
 */
const RUN = (() => {
  if (!process.env.NODE_TEST_CONTEXT) return null;
  if (process.env.ALLY_E2E_RUN) return process.env.ALLY_E2E_RUN;
  let started = "";
  try {
    // The 22nd field of /proc/<pid>/stat: when the process started, in clock ticks since boot.
    started = readFileSync(`/proc/${process.ppid}/stat`, "utf8").split(") ")[1].split(" ")[19];
  } catch {
    // Not Linux: the process id alone.
  }
  return `${process.ppid}@${started}`;
})();

/** Empties a recording left by an earlier run; later test files of this run append to it. */
function startRecording() {
  if (!RUN) return;
  mkdirSync(dirname(RECORDING), { recursive: true });
  const head = Buffer.alloc(200);
  let length = 0;
  try {
    const fd = openSync(RECORDING, "r");
    length = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
  } catch {
    // No recording yet.
  }
  if (!head.subarray(0, length).toString().startsWith(`{"run":${JSON.stringify(RUN)},`)) writeFileSync(RECORDING, "");
}

/** Records the protocol messages of every page of `context`. */
async function record(context) {
  if (!RUN) return;
  const file = relative(process.cwd(), process.argv[1] || "");
  await context.exposeBinding("allyRecord", ({ page }, direction, via, message) => {
    const url = new URL(page ? page.url() : "about:blank");
    if (direction === "to-widget" && url.searchParams.getAll("malformed").includes(message && message.type)) return;
    const line = { run: RUN, at: new Date().toISOString(), file, page: url.pathname, direction, via, message };
    appendFileSync(RECORDING, JSON.stringify(line) + "\n");
  });
  await context.addInitScript(recorder, WIDGET_PAGES);
}

/** Runs in every frame before its own scripts; see "The recording of the protocol" above. */
function recorder(widgetPages) {
  // Recording never gets in the way of the message itself.
  const say = (direction, via, message) => {
    try {
      window.allyRecord(direction, via, message).catch(() => {});
    } catch {
      // The page is going away.
    }
  };
  const post = MessagePort.prototype.postMessage;
  const isWidgetPage = (url) => {
    try {
      return widgetPages.includes(new URL(url).pathname);
    } catch {
      return false;
    }
  };
  if (window !== top && isWidgetPage(location.href)) {
    // The widget's page: only the widget posts on a port here.
    MessagePort.prototype.postMessage = function (message, ...rest) {
      say("to-host", "port", message);
      return post.call(this, message, ...rest);
    };
    addEventListener("message", (e) => {
      if (e.source === parent && e.ports.length === 1) say("to-widget", "window", e.data);
    }, true);
  } else if (window === top) {
    // The portal's page: a test may post on the SDK's port too, but not from ally-embed.js.
    const fromSdk = () => {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = Infinity;
      const stack = new Error().stack;
      Error.stackTraceLimit = limit;
      return /\/ally-embed\.js:\d+:\d+/.test(stack);
    };
    MessagePort.prototype.postMessage = function (message, ...rest) {
      if (fromSdk()) say("to-widget", "port", message);
      return post.call(this, message, ...rest);
    };
    // From a frame showing a widget's page: what it says before its channel (or to a host without the SDK).
    // A test's own sentinel strings from there are not Ally messages.
    addEventListener("message", (e) => {
      const frame = Array.from(document.querySelectorAll("iframe")).find((f) => f.contentWindow === e.source);
      const ally = e.data !== null && typeof e.data === "object" && "ally" in e.data;
      if (frame && isWidgetPage(frame.src) && ally) say("to-host", "window", e.data);
    }, true);
  }
}
