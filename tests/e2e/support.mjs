// Shared set-up for the end-to-end tests: the two-origin server and Chromium.
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

export const PORT = 8080;
export const PORTAL = `http://localhost:${PORT}`;
export const WIDGET = `http://127.0.0.1:${PORT}`;
/** An origin that is not on the widget's allow-list. */
/** The iframe the SDK creates. */
export const WIDGET_FRAME = "iframe[title=\"Ally check-in\"]";
export const STRANGER_PORT = 8081;
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

/** A fresh page (its own context) on a tablet-sized screen with touch. */
export async function newPage(options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    ...options,
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  return page;
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
