// Start-up and memory figures (printed, never failing on timing):
//   node tools/bench/runtime.mjs   (after ./dev.sh build)
//   ALLY_DIST=/path/to/other/dist node tools/bench/runtime.mjs
//                                  another build, to compare in interleaved runs
// Start-up: the portal page embeds the widget with the CPU throttled 4×
// (DevTools Emulation.setCPUThrottlingRate); from the widget's navigation to
// the host receiving `ready`, over 10 cold loads. The portal and the widget
// share one renderer (as on a phone or tablet, where cross-site frames often
// share a process), so one throttle covers both. These loads are driven over
// a bare DevTools pipe: no automation script runs in the pages being timed.
// Each load of Ally is followed by one of the floor (tests/e2e/pages/floor.js:
// hello and ready in plain JS, no wasm), so what the machine, the browser and
// the portal cost anyway can be told from what Ally adds.
// Memory: the JS heap and the wasm memory after a whole check-in with a
// 5,000-point drawing.
import { chromium } from "playwright-core";
import { serve } from "../server.mjs";
import { CHROMIUM_ARGS, calm, calmBeforeActing, hostUrl, WIDGET } from "../../tests/e2e/support.mjs";
import { launch, openPage, poll } from "./cdp.mjs";

const RUNS = 10;
const GOAL_MS = 300;
const ONE_RENDERER = ["--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process"];
const PAGES = { ally: hostUrl({ age: 7 }), floor: hostUrl({ age: 7 }, { widgetPath: "/__test/floor.html" }) };
const server = await serve({ port: 8080, root: process.env.ALLY_DIST || "dist" });
try {
  const cdp = await launch([...CHROMIUM_ARGS, ...ONE_RENDERER]);
  const loads = { ally: [], floor: [] };
  try {
    // One round first, not counted: it pays for starting the browser itself
    // (its first renderer, fonts, disk caches), which a child's tablet has
    // long done. Every counted load is cold: a fresh profile context, so
    // nothing cached.
    for (let i = -1; i < RUNS; i++) {
      for (const [name, url] of Object.entries(PAGES)) {
        const { session, dispose } = await openPage(cdp.send);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 }, session);
        await cdp.send("Page.navigate", { url }, session);
        // Times on the portal's clock: when it asked for the widget's page,
        // heard hello, and got ready.
        const times = await poll(cdp.send, session, `window.readyAt && {
          frame: performance.getEntriesByType("resource").find((e) => e.initiatorType === "iframe").startTime,
          hello: window.helloAt, ready: window.readyAt }`);
        if (i >= 0) loads[name].push(times);
        await dispose();
      }
    }
  } finally {
    await cdp.close();
  }
  const summary = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const median = (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
    return { median, text: `median ${median.toFixed(0)} ms, worst ${s.at(-1).toFixed(0)} ms, best ${s[0].toFixed(0)} ms` };
  };
  const ally = loads.ally;
  const widget = summary(ally.map((t) => t.ready - t.frame));
  const floor = summary(loads.floor.map((t) => t.ready - t.frame));
  console.log(`start-up, CPU 4× slower, ${RUNS} cold loads (after one warm-up of the browser):`);
  console.log(`  the widget's navigation → ready at the host: ${widget.text} (goal: median ≤ ${GOAL_MS} ms) ${widget.median <= GOAL_MS ? "ok" : "ABOVE GOAL"}`);
  console.log(`    of which: navigation → hello at the host  ${summary(ally.map((t) => t.hello - t.frame)).text}`);
  console.log(`              hello → ready                   ${summary(ally.map((t) => t.ready - t.hello)).text}`);
  console.log(`  the portal page's navigation → ready:        ${summary(ally.map((t) => t.ready)).text}`);
  console.log(`  the floor, the same way (no wasm):           ${floor.text}; Ally adds ${(widget.median - floor.median).toFixed(0)} ms`);
} catch (e) {
  await server.close();
  throw e;
}

// Memory, driven by Playwright like the end-to-end tests.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [...CHROMIUM_ARGS, ...ONE_RENDERER],
});
try {
  // Memory after a whole check-in with a 5,000-point drawing.
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  calmBeforeActing(page);
  await page.goto(hostUrl({ age: 10 }));
  const widget = page.frameLocator('iframe[title="Ally check-in"]');
  await widget.getByRole("button", { name: "Start" }).click();
  await widget.getByRole("button", { name: "Good", exact: true }).click();
  const frame = page.frames().find((f) => f.url().startsWith(WIDGET));
  await calm(frame);
  await frame.evaluate(async () => {
    const canvas = document.querySelector("canvas");
    const r = canvas.getBoundingClientRect();
    for (let s = 0; s < 20; s++) {
      const at = (t) => ({
        bubbles: true, pointerId: s + 1, pointerType: "pen", pressure: 0.5,
        clientX: r.left + r.width * (0.5 + 0.4 * Math.cos(t + s)), clientY: r.top + r.height * (0.5 + 0.4 * Math.sin(1.7 * t)),
      });
      canvas.dispatchEvent(new PointerEvent("pointerdown", at(0)));
      for (let i = 1; i < 250; i++) canvas.dispatchEvent(new PointerEvent("pointermove", at(i * 0.025)));
      canvas.dispatchEvent(new PointerEvent("pointerup", at(250 * 0.025)));
      await new Promise((ok) => requestAnimationFrame(ok));
    }
  });
  await widget.getByRole("button", { name: "Done" }).click();
  for (const w of ["Calm", "Next", "Skip", "No"]) await widget.getByRole("button", { name: w, exact: true }).click();
  await page.waitForFunction(() => window.log.complete.length === 1);
  const drawing = await page.evaluate(() => window.log.complete[0].answers[1].value);
  const cdp = await context.newCDPSession(page);
  const contexts = [];
  cdp.on("Runtime.executionContextCreated", (e) => contexts.push(e.context));
  await cdp.send("Runtime.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  // Every WebAssembly.Memory of the widget's realm (its prototype is the widget's own).
  const inWidget = contexts.find((c) => c.origin === WIDGET && c.auxData && c.auxData.isDefault);
  const proto = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype", contextId: inWidget.id });
  const found = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
  const sizes = await cdp.send("Runtime.callFunctionOn", {
    objectId: found.objects.objectId,
    functionDeclaration: "function () { return this.map((m) => m.buffer.byteLength); }",
    returnByValue: true,
  });
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  console.log("memory after a check-in with a 5,000-point drawing:");
  console.log(`  JS heap used ${mb(heap.usedSize)} MB of ${mb(heap.totalSize)} MB (portal and widget)`);
  console.log(`  wasm memory ${sizes.result.value.map(mb).join(", ")} MB`);
  console.log(`  the drawing in the result: ${drawing.strokes.length + drawing.svg.length} bytes (strokes and SVG)`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
