// End-to-end: delivery a portal can trust. A private channel no other script
// on the page can read, no result lost on a reset, never stuck on "Getting
// ready", and the source checks of both sides, each tested on its own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, newPage, openHost, hostUrl, log, until, tap, holdAcks, MAX_MESSAGE_BYTES, PORTAL, WIDGET, WIDGET_FRAME } from "./support.mjs";

before(start);
after(stop);

const button = (widget, name) => widget.getByRole("button", { name, exact: true });
const widgetFrame = (page) => page.frames().find((f) => f.url().startsWith(WIDGET));

/** Draws a wavy line across the widget's canvas with the mouse. */
async function scribble(page, widget, y = 0.5) {
  const box = await widget.locator("canvas").boundingBox();
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width * (0.1 + i * 0.04), box.y + box.height * (y + 0.1 * Math.sin(i)));
  await page.mouse.up();
}

/** Taps through the prompt with id `id`, and waits for the next one. */
async function step(widget, id, name) {
  await widget.locator(`[data-prompt="${id}"]`).waitFor();
  await button(widget, name).tap();
  await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
}

test("a third-party script on the portal page sees no answer, no result and no child data: only hello", async () => {
  const page = await newPage();
  // Another script on the portal's page (analytics, a chat widget, an extension) listening to everything.
  await page.context().addInitScript((portal) => {
    if (location.origin !== portal) return;
    window.overheard = [];
    addEventListener("message", (e) => window.overheard.push(JSON.stringify(e.data)), true);
  }, PORTAL);
  await page.goto(hostUrl({ age: 10, mode: "checkin", childName: "Sam", helperName: "Dr. Rivera" }));
  const widget = page.frameLocator(WIDGET_FRAME);
  await button(widget, "Start").tap();
  await step(widget, "mood.now", "Not good");
  await scribble(page, widget);
  // A reload in the middle of the drawing: a new hello, a new init, a new channel.
  await until(page, "log.answers.length === 1");
  await widgetFrame(page).evaluate(() => location.reload());
  await until(page, "log.ready.length === 2");
  await scribble(page, widget, 0.3);
  await button(widget, "Done").tap();
  await widget.locator('[data-prompt="feelings.which"]').waitFor();
  await button(widget, "Sad").tap();
  await step(widget, "feelings.which", "Next");
  await step(widget, "intensity.strongest", "Skip");
  await step(widget, "talk.today", "Maybe later");
  await until(page, "log.complete.length === 1");
  // And a reset, then a first answer of the new run.
  await page.evaluate(() => window.ally.reset());
  await until(page, "log.ready.length === 3");
  await button(widget, "Start").tap();
  await button(widget, "Great").tap();
  await until(page, "log.answers.length === 6");

  const l = await log(page);
  assert.ok(l.complete[0].answers.some((a) => a.kind === "drawing" && !a.skipped), "the portal got the drawing");
  const overheard = await page.evaluate(() => window.overheard);
  const types = overheard.map((m) => JSON.parse(m).type);
  assert.deepEqual([...new Set(types)], ["hello"], `only hellos on the window: ${types}`);
  assert.ok(types.length >= 2, "one hello per page of the widget, at least");
  for (const m of overheard) {
    const payload = JSON.parse(m).payload;
    assert.deepEqual(Object.keys(payload), ["versions", "instance"]);
  }
  const all = overheard.join("\n");
  for (const secret of ["Sam", "Rivera", "Not good", "sad", "later", "ally.strokes", "trust", "mood"]) {
    assert.ok(!all.includes(secret), `overheard ${secret}`);
  }
  await page.context().close();
});

test("a reset while the last run's result is in flight: both results reach the portal once, each with its run", async () => {
  const page = await newPage();
  // The widget never hears an ack: the first run's complete keeps coming after the reset.
  await holdAcks(page.context());
  await page.goto(`${PORTAL}/__test/host.html?mount=none`);
  await page.evaluate((src) => {
    window.ally = Ally.mount(document.body, {
      src, config: { age: 12, mode: "checkout" },
      onReady: (r) => log.ready.push(r),
      onAnswer: (a) => {
        log.answers.push(a);
        // The portal starts over the moment the last answer arrives: the result,
        // posted right after it, is still on its way.
        if (a.promptId === "drawing.together" && window.ally.run === 1) window.ally.reset();
      },
      onComplete: (r, meta) => { log.complete.push(r); log.runs.push(meta.run); },
    });
  }, `${WIDGET}/`);
  const widget = page.frameLocator("iframe");
  for (let run = 1; run <= 2; run++) {
    await until(page, `log.ready.length === ${run}`);
    await button(widget, "Start").tap();
    for (const w of ["Skip", "Skip", "Skip", "Skip", "No, thanks"]) await tap(page, widget, w);
  }
  // The second run's result, and the first run's sent again (its ack still withheld).
  await until(page, "log.raw.some((m) => m.type === 'complete' && m.run === 2) && log.raw.filter((m) => m.type === 'complete' && m.run === 1).length >= 3", 15000);
  const l = await log(page);
  const firstAt = l.raw.findIndex((m) => m.type === "complete" && m.run === 1);
  const resetAt = l.raw.findIndex((m) => m.type === "ready" && m.run === 2);
  assert.ok(firstAt > l.raw.findIndex((m) => m.type === "answer" && m.payload.promptId === "drawing.together"), "the result came after the answer that triggered the reset");
  assert.ok(resetAt > 0);
  assert.equal(l.complete.length, 2, "each run's result once");
  assert.deepEqual(l.runs, [1, 2], "tagged with its run");
  assert.notEqual(l.complete[0].startedAt, l.complete[1].startedAt);
  await page.context().close();
});

test("a resume twice the message limit: the widget starts without it, says why, and the child is not stuck", async () => {
  // What the portal kept from an earlier page: a drawing far beyond what a page holds.
  const huge = "A".repeat(2 * MAX_MESSAGE_BYTES);
  const resume = { answers: [
    { promptId: "trust.listened", construct: "bond", kind: "faces", value: 10, label: "Yes, a lot", skipped: false, answeredAt: "2026-11-25T10:00:00.000Z" },
    { promptId: "drawing.together", construct: "drawing", kind: "drawing", value: { format: "ally.strokes/1", strokes: huge, svg: "" }, label: "A drawing", skipped: false, answeredAt: "2026-11-25T10:00:01.000Z" },
  ] };
  const page = await newPage();
  await page.goto(`${PORTAL}/__test/host.html?mount=none`);
  await page.evaluate(([src, resume]) => {
    window.ally = Ally.mount(document.body, {
      src, resume, config: { age: 7, mode: "checkout" },
      onReady: (r) => log.ready.push(r), onError: (e) => log.errors.push(e), onAnswer: (a) => log.answers.push(a),
    });
  }, [`${WIDGET}/`, resume]);
  await until(page, "log.ready.length === 1 && log.errors.length === 1");
  const l = await log(page);
  assert.equal(l.errors[0].code, "too_large");
  assert.equal(l.errors[0].field, "resume");
  assert.match(l.errors[0].message, /started without the resume/);
  // The child starts at the beginning, not on "Getting ready".
  const widget = page.frameLocator("iframe");
  await button(widget, "Start").tap();
  await button(widget, "Yes").tap();
  await until(page, "log.answers.length === 1");
  // The SDK forgets what the widget refused: a reload resumes from what this page gathered.
  await widgetFrame(page).evaluate(() => location.reload());
  await until(page, "log.ready.length === 2");
  await widget.locator('[data-prompt="trust.what_matters"]').waitFor();
  assert.equal((await log(page)).errors.length, 1, "no second refusal");
  await page.context().close();
});

test("an init too large even without its resume gets an error and a friendly screen, never 'Getting ready' for good", async () => {
  const page = await newPage();
  await page.goto(`${PORTAL}/__test/host.html?mount=none`);
  await page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.src = src;
    document.body.appendChild(f);
    const origin = new URL(src).origin;
    window.addEventListener("message", (e) => {
      if (e.origin !== origin) return;
      log.raw.push(e.data);
      if (e.data.type === "hello" && !window.sent) {
        window.sent = true;
        const config = { age: 9, whoSees: "x", junk: "j".repeat(300 * 1024) };
        f.contentWindow.postMessage({ ally: 1, type: "init", id: "big-1", session: "s-big", payload: { config } }, origin);
      }
    });
  }, `${WIDGET}/?session=s-big`);
  await until(page, "log.raw.some((m) => m.type === 'error')");
  const error = (await log(page)).raw.find((m) => m.type === "error");
  assert.equal(error.payload.code, "too_large");
  assert.equal(error.replyTo, "big-1");
  await page.frameLocator("iframe").getByRole("heading", { name: /can't go on right now/ }).waitFor();
  await page.context().close();
});

test("a drawing drawn to a full page, then a reload: the page says so, and the drawing comes back whole", async () => {
  const { page, widget } = await openHost({ age: 9, mode: "checkin" });
  await button(widget, "Start").tap();
  await step(widget, "mood.now", "Good");
  // Fill the page with long pen strokes, dispatched from script (the pad takes coalesced pointer events).
  const frame = widgetFrame(page);
  await frame.evaluate(async () => {
    const canvas = document.querySelector("canvas");
    const r = canvas.getBoundingClientRect();
    for (let s = 0; s < 80 && !document.querySelector(".pad-full"); s++) {
      const at = (t) => ({
        bubbles: true, pointerId: 10 + s, pointerType: "pen", pressure: 0.5,
        clientX: r.left + r.width * (0.5 + 0.45 * Math.cos(t * 7 + s)), clientY: r.top + r.height * (0.5 + 0.45 * Math.sin(t * 5)),
      });
      canvas.dispatchEvent(new PointerEvent("pointerdown", at(0)));
      for (let i = 1; i < 400; i++) canvas.dispatchEvent(new PointerEvent("pointermove", at(i / 400)));
      canvas.dispatchEvent(new PointerEvent("pointerup", at(1)));
      await new Promise((ok) => requestAnimationFrame(ok));
    }
  });
  await widget.getByRole("status").getByText("Your page is full! You can undo, clear, or finish your drawing.").waitFor();
  // A full page takes no new stroke, but Undo makes room again.
  const strokes = Number(await widget.locator("canvas").getAttribute("data-strokes"));
  await scribble(page, widget);
  assert.equal(Number(await widget.locator("canvas").getAttribute("data-strokes")), strokes, "no stroke on a full page");
  await button(widget, "Undo").tap();
  assert.equal(await widget.locator(".pad-full").count(), 0, "room again after Undo");
  await button(widget, "Redo").tap();
  await button(widget, "Done").tap();
  await until(page, "log.answers.length === 2");
  const drawn = (await log(page)).answers[1];
  assert.equal(drawn.promptId, "drawing.feel");
  // A reload: the SDK's resume (without the SVG) is well under the limit, and the drawing comes back.
  await frame.evaluate(() => location.reload());
  await until(page, "log.ready.length === 2");
  const size = await page.evaluate(() => JSON.stringify(window.ally.answers().map((a) => a.value && a.value.strokes ? { strokes: a.value.strokes } : a)).length);
  assert.ok(size < MAX_MESSAGE_BYTES / 2, `the resume is ${size} bytes`);
  await widget.locator('[data-prompt="feelings.which"]').waitFor();
  await button(widget, "Back").tap();
  await widget.locator('[data-prompt="drawing.feel"]').waitFor();
  assert.equal(Number(await widget.locator("canvas").getAttribute("data-strokes")), strokes);
  await button(widget, "Done").tap();
  await until(page, "log.answers.length === 3");
  assert.equal((await log(page)).answers[2].value.strokes, drawn.value.strokes, "the same drawing, whole");
  await page.context().close();
});

test("a session id near the limit in characters is accepted by both sides alike; one more is refused by both", async () => {
  const page = await newPage();
  await page.goto(`${PORTAL}/__test/host.html?mount=none`);
  // 200 characters: 201 UTF-16 units (the emoji takes two) and 402 bytes of UTF-8.
  // Both sides count characters (code points), whatever each language's strings count.
  const id = "é".repeat(199) + "😀";
  const got = await page.evaluate(([src, id]) => {
    const a = Ally.mount(document.body, { src, session: id, config: { age: 9 }, onReady: (r) => log.ready.push(r) });
    let refused = null;
    try { Ally.mount(document.body, { src, session: id + "x", config: { age: 9 } }); } catch (e) { refused = e.message; }
    return { session: a.session, refused };
  }, [`${WIDGET}/`, id]);
  assert.equal(got.session, id);
  assert.match(got.refused, /at most 200 characters/);
  await until(page, "log.ready.length === 1");
  // The widget on its own: opened with 201 characters, it has no session.
  const direct = await newPage();
  await direct.goto(`${PORTAL}/__test/host.html?mount=none`);
  await direct.evaluate((src) => {
    const f = document.createElement("iframe");
    f.src = src;
    document.body.appendChild(f);
  }, `${WIDGET}/?session=${encodeURIComponent(id + "x")}`);
  await direct.frameLocator("iframe").getByText("The link to Ally is missing its session.").waitFor();
  await page.context().close();
  await direct.context().close();
});

test("the widget's source check alone: a frame of the portal's own origin that is not the parent is refused", async () => {
  // A host that speaks protocol v1 by hand, over window messages (no port).
  const page = await newPage();
  await page.goto(`${PORTAL}/__test/host.html?mount=none`);
  await page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.src = src;
    f.name = "ally";
    document.body.appendChild(f);
  }, `${WIDGET}/?session=s-src`);
  await until(page, "log.raw.filter((m) => m.type === 'hello').length >= 1");
  // A sibling frame of the portal's own origin: allowed origin, wrong source.
  await page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.src = src;
    f.name = "sibling";
    document.body.appendChild(f);
    return new Promise((ok) => (f.onload = ok));
  }, `${PORTAL}/__test/stranger.html`);
  const sibling = page.frame({ name: "sibling" });
  await sibling.evaluate((origin) => {
    const w = parent.frames["ally"];
    const base = { ally: 1, session: "s-src" };
    w.postMessage({ ...base, type: "init", id: "f1", payload: { config: { age: 15 } } }, origin);
    w.postMessage({ ...base, type: "reset", id: "f2", payload: {} }, origin);
    w.postMessage({ ...base, type: "ack", id: "f3", replyTo: "x", payload: {} }, origin);
  }, WIDGET);
  // The widget keeps saying hello: the forged init was not taken. Two more hellos are the positive signal.
  const before = (await log(page)).raw.filter((m) => m.type === "hello").length;
  await until(page, `log.raw.filter((m) => m.type === 'hello').length >= ${before + 2}`, 5000);
  assert.deepEqual((await log(page)).raw.filter((m) => m.type !== "hello"), [], "no ready, no error: nothing answered the sibling");
  // Now the real parent speaks, over the window: it works, reset and ack included.
  await page.evaluate((origin) => {
    const w = window.frames["ally"];
    const base = { ally: 1, session: "s-src" };
    window.addEventListener("message", (e) => {
      if (e.origin !== origin) return;
      if (e.data.type === "complete") w.postMessage({ ...base, type: "ack", id: "p3", replyTo: e.data.id, payload: {} }, origin);
    });
    w.postMessage({ ...base, type: "init", id: "p1", payload: { config: { age: 12, mode: "checkout" } } }, origin);
  }, WIDGET);
  await until(page, "log.raw.some((m) => m.type === 'ready')");
  const widget = page.frameLocator('iframe[name="ally"]');
  await button(widget, "Start").tap();
  for (const w of ["Skip", "Skip", "Skip", "Skip", "No, thanks"]) await tap(page, widget, w, 'iframe[name="ally"]');
  await widget.getByText(/Your answers were sent/).waitFor();
  await page.evaluate((origin) => window.frames["ally"].postMessage({ ally: 1, type: "reset", id: "p4", session: "s-src", payload: {} }, origin), WIDGET);
  await until(page, "log.raw.filter((m) => m.type === 'ready').length === 2");
  await page.context().close();
});

test("the SDK's source check alone: a frame of the widget's origin that is not its iframe is not answered", async () => {
  const { page } = await openHost({ age: 9 });
  await until(page, "log.ready.length === 1");
  const sibling = await page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.src = src;
    f.name = "sibling";
    document.body.appendChild(f);
    return new Promise((ok) => (f.onload = () => ok(true)));
  }, `${WIDGET}/__test/stranger.html`);
  assert.ok(sibling);
  const frame = page.frame({ name: "sibling" });
  const session = await page.evaluate(() => window.ally.session);
  await frame.evaluate(([session, portal]) => {
    window.got = [];
    addEventListener("message", (e) => window.got.push(e.data));
    const base = { ally: 1, session };
    // Right origin, wrong source: a hello (to get an init and its port), an answer, a result.
    parent.postMessage({ ...base, type: "hello", id: "s1", payload: { versions: [1], instance: "evil" } }, portal);
    parent.postMessage({ ...base, type: "answer", id: "s2", payload: { promptId: "mood.now", value: 0, skipped: false } }, portal);
    parent.postMessage({ ...base, type: "complete", id: "s3", payload: { schema: "ally.result/1", answers: [] } }, portal);
  }, [session, PORTAL]);
  // The positive signal after the forgeries: a real answer from the real widget.
  const widget = page.frameLocator(WIDGET_FRAME);
  await button(widget, "Start").tap();
  await button(widget, "Good").tap();
  await until(page, "log.answers.length === 1");
  const l = await log(page);
  assert.equal(l.answers[0].value, 7.5);
  assert.deepEqual(l.complete, []);
  assert.equal(await page.evaluate(() => window.ports.length), 1, "no channel was made for the sibling's hello");
  assert.deepEqual(await frame.evaluate(() => window.got), [], "no init came to the sibling");
  await page.context().close();
});
