// End-to-end hardening: a strict CSP, no network, and faults of every kind.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, newPage, openHost, hostUrl, log, until, tap, holdAcks, PORT, PORTAL, WIDGET, WIDGET_FRAME } from "./support.mjs";
import { forgeOnChannel } from "./forgeries.mjs";
import { widgetCsp, serve } from "../../tools/server.mjs";

before(start);
after(stop);

const button = (widget, name) => widget.getByRole("button", { name, exact: true });
const widgetFrame = (page) => page.frames().find((f) => f.url().startsWith(WIDGET));

/** Draws a short line across the widget's canvas. */
async function scribble(page, widget) {
  const box = await widget.locator("canvas").boundingBox();
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.2 + i * 0.05), box.y + box.height * 0.5);
  await page.mouse.up();
}

test("under a strict CSP, a whole check-in with a drawing runs without a single violation, and without the network", async () => {
  const page = await newPage();
  const context = page.context();
  await context.addInitScript((widgetOrigin) => {
    if (location.origin !== widgetOrigin) return;
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  }, WIDGET);
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const response = page.waitForResponse((r) => r.url().startsWith(`${WIDGET}/?session=`));
  await page.goto(hostUrl({ age: 9, mode: "checkin" }));
  assert.equal((await response).headers()["content-security-policy"], widgetCsp(PORT));
  await until(page, "log.ready.length === 1");
  const loaded = requests.length;
  const widget = page.frameLocator(WIDGET_FRAME);
  await button(widget, "Start").click();
  await button(widget, "Okay").click();
  await scribble(page, widget);
  await button(widget, "Done").click();
  await button(widget, "Sad").click();
  await button(widget, "Next").click();
  await button(widget, "Skip").click();
  await button(widget, "No").click();
  await until(page, "log.complete.length === 1");
  assert.deepEqual(await widgetFrame(page).evaluate(() => window.__violations), []);
  const after = requests.slice(loaded);
  assert.deepEqual(after, [], "no request once the widget's own files are loaded");
  assert.ok(requests.every((u) => u.startsWith(PORTAL) || u.startsWith(WIDGET)), requests.join("\n"));
  await context.close();
});

test("a host whose listener comes 3 s late still gets hello, then ready", async () => {
  const page = await newPage();
  await page.goto(`${PORTAL}/__test/host.html?mount=none`);
  await page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.src = src;
    document.body.appendChild(f);
  }, `${WIDGET}/?session=late-1`);
  // Three seconds of hellos (250 ms, 500 ms, then every second) before the host listens.
  await until(page, "log.raw.filter((m) => m.type === 'hello').length >= 4", 5000);
  // Meanwhile the child sees a friendly screen, not a blank one.
  const frame = page.frameLocator("iframe");
  await frame.getByRole("heading", { name: /Getting ready/ }).waitFor();
  const early = (await log(page)).raw.filter((m) => m.type === "hello");
  assert.ok(early.length >= 3, `hello was said again and again (${early.length})`);
  // No child data: the versions, and the page's random name.
  assert.ok(early.every((m) => m.session === "late-1" && JSON.stringify(Object.keys(m.payload)) === '["versions","instance"]'), "no child data in hello");
  assert.equal(new Set(early.map((m) => m.payload.instance)).size, 1, "one page, one name");
  // Now the host speaks.
  await page.evaluate((origin) => {
    const frame = document.querySelector("iframe").contentWindow;
    window.addEventListener("message", (e) => {
      if (e.origin === origin && e.data.type === "hello") {
        frame.postMessage({ ally: 1, type: "init", id: "h1", session: "late-1", payload: { config: { age: 12 } } }, origin);
      }
    });
  }, WIDGET);
  await until(page, "log.raw.some((m) => m.type === 'ready')", 3000);
  await page.evaluate(() => (window.readyAt = performance.now()));
  await frame.getByRole("button", { name: "Start" }).waitFor();
  assert.equal(await frame.getByText(/Getting ready/).count(), 0, "the loading screen is gone");
  // Hellos come at least every second until init: none for 1.5 s after ready means they stopped.
  const n = (await log(page)).raw.filter((m) => m.type === "hello").length;
  await until(page, "performance.now() - window.readyAt > 1500");
  assert.equal((await log(page)).raw.filter((m) => m.type === "hello").length, n, "hello stops after init");
  await page.context().close();
});

test("a host that does not ack for a while: complete is re-sent with a backoff that doubles and caps, and delivered once when acks work", async () => {
  const page = await newPage();
  await holdAcks(page.context());
  await page.goto(hostUrl({ age: 10, mode: "checkout" }));
  const widget = page.frameLocator(WIDGET_FRAME);
  await button(widget, "Start").click();
  for (let i = 0; i < 4; i++) await tap(page, widget, "Skip");
  await tap(page, widget, "No, thanks");
  // Sent, then re-sent after 0.5, 1, 2 and 4 s, then every 5 s: six sends take 12.5 s.
  await until(page, "log.raw.filter((m) => m.type === 'complete').length >= 6", 20000);
  const l = await log(page);
  const sends = l.raw.map((m, i) => [m, l.at[i]]).filter(([m]) => m.type === "complete");
  assert.equal(new Set(sends.map(([m]) => m.id)).size, 1, "re-sent with the same id");
  const gaps = sends.slice(1, 6).map(([, t], i) => t - sends[i][1]);
  const want = [500, 1000, 2000, 4000, 5000];
  gaps.forEach((g, i) => assert.ok(Math.abs(g - want[i]) < 400, `gap ${i + 1}: ${Math.round(g)} ms, want ${want[i]} (all: ${gaps.map(Math.round)})`));
  assert.equal(l.complete.length, 1, "the portal got it once, however often it came");
  // The acks get through: the child is told the answers were sent, which only an ack does.
  await widgetFrame(page).evaluate(() => (window.holdAcks = false));
  await widget.getByText(/Your answers were sent/).waitFor({ timeout: 8000 });
  assert.equal((await log(page)).complete.length, 1, "onComplete exactly once");
  await page.context().close();
});

test("a reload during a drawing keeps every answer given and comes back to the drawing", async () => {
  const { page, widget } = await openHost({ age: 7, mode: "checkin" });
  await button(widget, "Start").click();
  await button(widget, "Great").click();
  await scribble(page, widget);
  await widgetFrame(page).evaluate(() => location.reload());
  await until(page, "log.ready.length === 2");
  await widget.getByRole("heading", { name: "Would you like to draw how you feel?" }).waitFor();
  await scribble(page, widget);
  await button(widget, "Done").click();
  for (const w of ["Calm", "Next", "Small", "Yes"]) await tap(page, widget, w);
  await until(page, "log.complete.length === 1");
  const r = (await log(page)).complete[0];
  assert.deepEqual(r.answers.map((a) => a.promptId), ["mood.now", "drawing.feel", "feelings.which", "intensity.strongest", "talk.today"]);
  assert.equal(r.answers[0].value, 10);
  await page.context().close();
});

test("storage that throws on every call changes nothing", async () => {
  const page = await newPage();
  await page.context().addInitScript((widgetOrigin) => {
    if (location.origin !== widgetOrigin) return;
    const boom = () => { throw new DOMException("Access is denied for this document.", "SecurityError"); };
    for (const name of ["sessionStorage", "localStorage"]) Object.defineProperty(window, name, { configurable: true, get: boom });
    for (const m of ["getItem", "setItem", "removeItem", "clear", "key"]) Storage.prototype[m] = boom;
    window.__storageThrows = true;
  }, WIDGET);
  await page.goto(hostUrl({ age: 15, mode: "checkin" }));
  const widget = page.frameLocator(WIDGET_FRAME);
  await button(widget, "Start").click();
  await button(widget, "Good").click();
  assert.equal(await widgetFrame(page).evaluate(() => window.__storageThrows), true);
  await widgetFrame(page).evaluate(() => location.reload());
  await until(page, "log.ready.length === 2");
  for (const w of ["No, thanks", "Skip", "Skip", "Maybe later"]) await tap(page, widget, w);
  await until(page, "log.complete.length === 1");
  assert.equal((await log(page)).complete[0].answers[0].value, 7.5, "resumed from the host, not from storage");
  await page.context().close();
});

test("two widgets with different sessions on one page don't cross", async () => {
  const page = await newPage({ viewport: { width: 1280, height: 1600 } });
  await page.goto(`${PORTAL}/__test/host.html?mount=none`);
  await page.evaluate((src) => {
    window.twin = { a: [], b: [] };
    for (const [key, age] of [["a", 7], ["b", 10]]) {
      const el = document.createElement("div");
      el.id = key;
      // Side by side, so one widget growing never moves the other under a finger.
      el.style.cssText = `position:absolute; top:0; left:${key === "a" ? 0 : 640}px; width:620px`;
      document.body.appendChild(el);
      window.twin[key + "Handle"] = Ally.mount(el, {
        src, session: "twin-" + key, config: { age, mode: "checkout" }, title: "Ally " + key,
        onAnswer: (a) => window.twin[key].push(a),
        onComplete: (r) => window.twin[key].push(r),
      });
    }
  }, `${WIDGET}/`);
  const a = page.frameLocator('iframe[title="Ally a"]');
  const b = page.frameLocator('iframe[title="Ally b"]');
  const tapOn = (widget, title, name) => tap(page, widget, name, `iframe[title="${title}"]`);
  await tapOn(a, "Ally a", "Start");
  await tapOn(b, "Ally b", "Start");
  await tapOn(a, "Ally a", "No");
  await tapOn(b, "Ally b", "Skip");
  await tapOn(a, "Ally a", "Yes, a lot");
  for (const w of ["Skip", "Skip", "No, thanks"]) await tapOn(a, "Ally a", w);
  for (const w of ["Skip", "Skip", "Skip", "No, thanks"]) await tapOn(b, "Ally b", w);
  await page.waitForFunction(() => window.twin.a.length === 6 && window.twin.b.length === 6, undefined, { timeout: 10000 })
    .catch(async (e) => {
      const t = await page.evaluate(() => window.twin);
      const ids = (xs) => xs.map((x) => x.promptId || x.schema).join(",");
      throw new Error(`${e.message}\na: ${ids(t.a)}\nb: ${ids(t.b)}`);
    });
  const twin = await page.evaluate(() => window.twin);
  assert.equal(twin.a.at(-1).session, "twin-a");
  assert.equal(twin.b.at(-1).session, "twin-b");
  assert.deepEqual(twin.a.at(-1).answers.map((x) => x.value), [0, 10, null, null, null]);
  assert.ok(twin.b.at(-1).answers.every((x) => x.skipped));
  assert.equal(twin.b.at(-1).ageBand, "9-12");
  await page.context().close();
});

test("on the private channel: a wrong session is ignored, a wrong version and 1 MB of junk get errors; the window is not listened to", async () => {
  const { page, widget } = await openHost({ age: 8, mode: "checkout" });
  await until(page, "log.ready.length === 1");
  await button(widget, "Start").click();
  await button(widget, "Yes").click();
  await until(page, "log.answers.length === 1");
  const session = await page.evaluate(() => window.ally.session);
  // The parent's window, once the channel is open, is not listened to: not even a reset.
  await page.evaluate(forgeOnChannel, [session, WIDGET]);
  await until(page, "log.errors.length === 2");
  // A positive signal that everything before it was read: the next answer.
  await button(widget, "Yes").click();
  await until(page, "log.answers.length === 2");
  const l = await log(page);
  assert.deepEqual(l.errors.map((e) => e.code), ["unsupported_version", "too_large"]);
  assert.equal(l.ready.length, 1, "nothing was reset");
  assert.deepEqual(l.answers.map((a) => a.promptId), ["trust.listened", "trust.what_matters"]);
  await page.context().close();
});

test("a panic still tells the host, shows a friendly screen, and a reload resumes from the host's answers", async () => {
  const { page, widget } = await openHost({ age: 10, mode: "checkout" });
  await button(widget, "Start").click();
  await button(widget, "Skip").click();
  await until(page, "log.answers.length === 1");
  await widget.locator('[data-prompt="trust.what_matters"]').waitFor();
  // Something outside the widget (a browser extension, a translation tool)
  // moves its nodes: the next render can't find them and the widget panics.
  await widgetFrame(page).evaluate(() => document.body.appendChild(document.querySelector("main .track .tick")));
  await widget.getByRole("slider").tap();
  await until(page, "log.errors.length === 1");
  const l = await log(page);
  assert.equal(l.errors[0].code, "internal");
  await widget.getByRole("heading", { name: /can't go on right now/ }).waitFor();
  assert.equal((await page.evaluate(() => window.ally.answers())).length, 1, "the SDK still holds the answer");
  await widgetFrame(page).evaluate(() => location.reload());
  await widget.locator('[data-prompt="trust.what_matters"]').waitFor();
  await page.context().close();
});

test("served on another port, the widget's policy and allow-list follow it, and a portal there can embed it", async () => {
  // Another port than this lane's two (and the other lane's).
  const port = PORT + 5;
  const server = await serve({ port });
  const page = await newPage();
  try {
    const response = page.waitForResponse((r) => r.url().startsWith(`http://127.0.0.1:${port}/?session=`));
    await page.goto(`http://localhost:${port}/__test/host.html?config=${encodeURIComponent('{"age":9}')}`);
    const csp = (await response).headers()["content-security-policy"];
    assert.match(csp, new RegExp(`frame-ancestors http://localhost:${port} http://127\\.0\\.0\\.1:${port}$`));
    await until(page, "log.ready.length === 1");
  } finally {
    // The browser's connections first: the server closes only when they are gone.
    await page.context().close();
    await server.close();
  }
});
