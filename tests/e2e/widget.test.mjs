// End-to-end: the portal on http://localhost:8080 (or its lane's port) embeds Ally from
// http://127.0.0.1:8080 through the host SDK, and a child taps through it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { WORDS, CASES, MINIMUM, act, endHeading } from "./cases.mjs";
import { forgeFromStranger } from "./forgeries.mjs";
import { start, stop, openHost, newPage, log, until, holdAcks, tap as tapAndSettle, child, PORT, PORTAL, WIDGET, STRANGER } from "./support.mjs";

before(start);
after(stop);

const button = (widget, name) => widget.getByRole("button", { name, exact: true });

/** Adds another frame to the portal page and returns it once loaded. */
async function addFrame(page, src, name) {
  await page.evaluate(([src, name]) => {
    const f = document.createElement("iframe");
    f.src = src;
    f.name = name;
    document.body.appendChild(f);
    return new Promise((ok) => (f.onload = ok));
  }, [src, name]);
  return page.frame({ name });
}

for (const c of CASES) {
  for (const locale of ["en", "es"]) {
    test(`age ${c.age} (${c.band}) ${c.mode} in ${locale}: every step arrives as an answer, then the result and scores`, async () => {
      const words = WORDS[locale];
      const { page, widget } = await openHost({ age: c.age, locale, mode: c.mode, helperName: "Dr. Rivera", ...c.extra }, c.session ? { session: c.session } : {});
      await until(page, "log.ready.length === 1");
      let l = await log(page);
      assert.deepEqual(
        { ...l.ready[0], startedAt: undefined },
        { ageBand: c.band, locale, mode: c.mode, steps: c.steps.map((s) => s[0]), startedAt: undefined },
      );

      // Every target is big enough for the band's fingers.
      const minimum = MINIMUM[c.band];
      const smallest = () => widget.locator("body").evaluate(() =>
        Math.min(...[...document.querySelectorAll("button, [role=slider]")].map((b) => {
          const r = b.getBoundingClientRect();
          return Math.min(r.width, r.height);
        })));
      assert.ok((await smallest()) >= minimum, `welcome targets >= ${minimum}px`);
      await button(widget, words.start).tap();
      for (const [promptId, action] of c.steps) {
        await widget.locator(`[data-prompt="${promptId}"]`).waitFor();
        const least = await smallest();
        assert.ok(least >= minimum, `${promptId}: targets >= ${minimum}px, got ${least}`);
        await act(child(widget), words, action, promptId);
      }
      await until(page, "log.complete.length === 1");
      l = await log(page);

      assert.equal(l.answers.length, c.steps.length, "one answer per step");
      c.steps.forEach(([promptId, action, value], i) => {
        const a = l.answers[i];
        assert.equal(a.promptId, promptId);
        if (action === null) {
          assert.deepEqual([a.skipped, a.value, a.label], [true, null, null], "a skip is a skip, never a score");
        } else {
          assert.deepEqual([a.skipped, a.value], [false, value], promptId);
          assert.ok(a.label, "the chosen words come along");
        }
        assert.match(a.answeredAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      });
      const r = l.complete[0];
      assert.equal(r.schema, "ally.result/1");
      assert.deepEqual([r.age, r.ageBand, r.mode, r.locale], [c.age, c.band, c.mode, locale]);
      assert.equal(r.session, await page.evaluate(() => window.ally.session));
      assert.deepEqual(r.answers, l.answers, "the result carries exactly the answers sent");
      assert.deepEqual(r.scores, c.scores);
      assert.ok(r.startedAt <= r.completedAt);

      // The child sees the end, and the host sized the iframe to the content.
      // After something hard (a low face, a hard feeling, a disagree) the end is calm.
      await widget.getByRole("heading", { name: endHeading(r, words), exact: true }).waitFor();
      await until(page, "log.resize.length > 0 && parseInt(document.querySelector('iframe').style.height, 10) === log.resize.at(-1)");
      const content = await widget.locator("main").evaluate((m) => m.offsetHeight);
      assert.equal((await log(page)).resize.at(-1), content, "the iframe is as tall as the content");
      await page.context().close();
    });
  }
}

test("the welcome screen tells the child who sees the answers", async () => {
  const { page, widget } = await openHost({ age: 6, childName: "Sam", helperName: "Dr. Rivera" });
  await widget.getByRole("heading", { name: "Hi, Sam!" }).waitFor();
  await widget.getByText("Your answers go to Dr. Rivera.").waitFor();
  await page.context().close();
});

test("Back lets the child change an answer; the latest one is kept", async () => {
  const { page, widget } = await openHost({ age: 8, mode: "checkout" });
  await button(widget, "Start").click();
  await button(widget, "No").click();
  await widget.locator('[data-prompt="trust.what_matters"]').waitFor();
  await button(widget, "Back").click();
  await assert.doesNotReject(widget.locator('button[aria-label="No"][aria-pressed="true"]').waitFor());
  // Keyboard works too.
  await button(widget, "Yes").focus();
  await page.keyboard.press("Enter");
  await widget.locator('[data-prompt="trust.what_matters"]').waitFor();
  for (const word of ["Yes", "Yes", "Yes", "No, thanks"]) await tapAndSettle(page, widget, word);
  await until(page, "log.complete.length === 1");
  const l = await log(page);
  assert.equal(l.answers.length, 6, "the changed answer is sent again");
  assert.deepEqual(l.complete[0].answers.map((a) => a.value), [7.5, 7.5, 7.5, 7.5, null]);
  await page.context().close();
});

test("reset from the host starts over and forgets the kept answers", async () => {
  const { page, widget } = await openHost({ age: 8, mode: "checkout" });
  await button(widget, "Start").click();
  await button(widget, "Yes").click();
  await until(page, "log.answers.length === 1");
  assert.equal((await page.evaluate(() => window.ally.answers())).length, 1);
  await page.evaluate(() => window.ally.reset());
  await until(page, "log.ready.length === 2");
  await widget.getByRole("button", { name: "Start" }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.ally.answers()), []);
  await button(widget, "Start").click();
  for (const w of ["No", "No", "No", "No", "No, thanks"]) await tapAndSettle(page, widget, w);
  await until(page, "log.complete.length === 1");
  const r = (await log(page)).complete[0];
  assert.deepEqual(r.answers.map((a) => a.value), [0, 0, 0, 0, null], "only the new run's answers");
  await page.context().close();
});

test("a reset the moment the widget is ready: every message of the new run goes out once", async () => {
  const page = await newPage();
  await page.goto(`${PORTAL}/__test/host.html?mount=none`);
  await page.evaluate((src) => {
    window.ally = Ally.mount(document.body, {
      src, config: { age: 8, mode: "checkout" },
      // The portal starts over while the widget is still drawing its first screen.
      onReady: (r) => { log.ready.push(r); if (log.ready.length === 1) window.ally.reset(); },
      onAnswer: (a) => log.answers.push(a),
    });
  }, `${WIDGET}/`);
  await until(page, "log.ready.length === 2");
  const widget = page.frameLocator("iframe");
  await button(widget, "Start").click();
  await button(widget, "Yes").click();
  // The answer is the positive signal that everything queued before it was posted.
  await until(page, "log.answers.length === 1");
  const raw = (await log(page)).raw.filter((m) => m.type !== "resize").map((m) => `${m.type} ${m.run ?? ""}`.trim());
  assert.deepEqual(raw, ["hello", "ready 1", "ready 2", "answer 2"]);
  await page.context().close();
});

test("a long session keeps posting: many starts over, then every answer still arrives", async () => {
  // The widget keeps only its newest messages; posting must not stall once it is full.
  const { page, widget } = await openHost({ age: 8, mode: "checkout" });
  await until(page, "log.ready.length === 1");
  for (let i = 2; i <= 40; i++) {
    await page.evaluate(() => window.ally.reset());
    await until(page, `log.ready.length === ${i}`);
  }
  await button(widget, "Start").click();
  for (const w of ["Yes", "No", "Yes, a lot", "Maybe", "No, thanks"]) await tapAndSettle(page, widget, w);
  await until(page, "log.complete.length === 1");
  assert.deepEqual((await log(page)).answers.map((a) => a.value), [7.5, 0, 10, 5, null]);
  await page.context().close();
});

test("a bad config gets an error naming the field and a friendly screen", async () => {
  const { page, widget } = await openHost({ age: 42 }, { malformed: "init" });
  await until(page, "log.errors.length === 1");
  const l = await log(page);
  assert.deepEqual(l.errors[0], {
    code: "invalid_config",
    field: "age",
    message: "age: must be a whole number from 3 to 17, got 42",
  });
  await widget.getByRole("heading", { name: /can't start right now/ }).waitFor();
  await widget.getByText("age: must be a whole number from 3 to 17, got 42").waitFor();
  assert.equal(l.ready.length, 0);
  await page.context().close();
});

test("embedded by an origin not on the allow-list, the browser refuses it (frame-ancestors) and nothing is said", async () => {
  const page = await newPage();
  await page.goto(`${STRANGER}/__test/host.html?widgetPort=${PORT}&config=${encodeURIComponent('{"age":7}')}`);
  // The positive signal: the frame has loaded, and what it holds is the browser's refusal, not the widget.
  await until(page, "log.loads >= 1");
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(!frame.url().startsWith(WIDGET), `the widget's page was not shown: ${frame.url()}`);
  assert.deepEqual((await log(page)).raw, [], "no message at all reached the stranger");
  await page.context().close();
});

/** Posts a sentinel from the widget's own window to its parent: it arrives after everything the widget posted before. */
async function sentinel(page) {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.evaluate(() => parent.postMessage("sentinel", "*"));
  await until(page, "log.raw.includes('sentinel')");
}

test("without frame-ancestors, a stranger embedder gets the widget's own friendly screen and nothing said", async () => {
  const page = await newPage();
  await page.goto(`${STRANGER}/__test/host.html?widgetPort=${PORT}&widgetQuery=csp%3Doff&config=${encodeURIComponent('{"age":7}')}`);
  const widget = page.frameLocator("iframe");
  await widget.getByText("This page is not allowed to open Ally.").waitFor();
  await sentinel(page);
  assert.deepEqual((await log(page)).raw, ["sentinel"], "no message at all reached the stranger before the sentinel");
  await page.context().close();
});

test("opened directly, not inside a portal, the widget explains where it lives", async () => {
  const page = await newPage();
  await page.goto(`${WIDGET}/?session=abc`);
  await page.getByText("Ally opens inside your care portal.").waitFor();
  await page.context().close();
});

test("messages from a stranger origin are ignored, without a reply", async () => {
  const { page, widget } = await openHost({ age: 7, mode: "checkout" });
  await until(page, "log.ready.length === 1");
  await button(widget, "Start").click();
  await button(widget, "Yes").click();
  await until(page, "log.answers.length === 1");
  // A stranger's frame inside the same portal page.
  const stranger = await addFrame(page, `${STRANGER}/__test/stranger.html`, "stranger");
  const session = await page.evaluate(() => window.ally.session);
  await stranger.evaluate(forgeFromStranger, session);
  await until(page, "log.window.includes('stranger-done')");
  // The widget goes on where it was: the next real answer is the positive signal.
  await widget.locator('[data-prompt="trust.what_matters"]').waitFor();
  await button(widget, "Yes").click();
  await until(page, "log.answers.length === 2");
  const l = await log(page);
  assert.equal(l.ready.length, 1);
  assert.deepEqual(l.answers.map((a) => a.promptId), ["trust.listened", "trust.what_matters"]);
  assert.equal(l.complete.length, 0);
  assert.deepEqual(l.errors, []);
  assert.deepEqual(await stranger.evaluate(() => window.got), [], "nobody answered the stranger");
  await page.context().close();
});

test("a frame of the widget's own origin that is not the parent is ignored too", async () => {
  const { page, widget } = await openHost({ age: 7, mode: "checkout" });
  await button(widget, "Start").click();
  await button(widget, "Yes").click();
  await until(page, "log.answers.length === 1");
  // A sibling frame on an allowed origin (the widget's own): right origin, wrong source.
  const sibling = await addFrame(page, `${WIDGET}/__test/stranger.html`, "sibling");
  const session = await page.evaluate(() => window.ally.session);
  await sibling.evaluate((session) => {
    const base = { ally: 1, session, payload: {} };
    parent.frames[0].postMessage({ ...base, type: "reset", id: "s1" }, "*");
  }, session);
  // The next real answer, on the same question, is the positive signal that no reset happened.
  await widget.locator('[data-prompt="trust.what_matters"]').waitFor();
  await button(widget, "No").click();
  await until(page, "log.answers.length === 2");
  const l = await log(page);
  assert.equal(l.ready.length, 1, "no reset happened");
  assert.equal(l.answers[1].promptId, "trust.what_matters");
  await page.context().close();
});

test("reloading the iframe mid-flow keeps the earlier answers", async () => {
  const { page, widget } = await openHost({ age: 8, mode: "checkout" });
  await button(widget, "Start").click();
  await button(widget, "Yes").click();
  await button(widget, "Skip").click();
  await until(page, "log.answers.length === 2");
  // Reload the widget the way a flaky tablet would.
  const frame = page.frames().find((f) => f.url().startsWith(WIDGET));
  await frame.evaluate(() => location.reload());
  await until(page, "log.ready.length === 2");
  // It goes on at question 3 without asking again.
  await widget.locator('[data-prompt="trust.helped"]').waitFor();
  await button(widget, "Yes, a lot").click();
  await button(widget, "No").click();
  await button(widget, "No, thanks").click();
  await until(page, "log.complete.length === 1");
  const l = await log(page);
  const r = l.complete[0];
  assert.deepEqual(
    r.answers.map((a) => [a.promptId, a.value, a.skipped]),
    [["trust.listened", 7.5, false], ["trust.what_matters", null, true], ["trust.helped", 10, false], ["trust.next_time", 0, false], ["drawing.together", null, true]],
  );
  assert.equal(r.startedAt, l.ready[0].startedAt, "the run keeps its start time");
  assert.deepEqual(r.answers.slice(0, 2), l.answers.slice(0, 2), "the kept answers are the ones sent before the reload");
  await page.context().close();
});

test("a complete that is not acked is re-sent and reaches onComplete exactly once", async () => {
  const page = await newPage();
  // Inside the widget's frame, the host's first two acks go missing.
  await holdAcks(page.context(), 2);
  await page.goto(`${PORTAL}/__test/host.html?config=${encodeURIComponent('{"age":9}')}`);
  const widget = page.frameLocator("iframe");
  await button(widget, "Start").click();
  await button(widget, "Great").click();
  for (const w of ["No, thanks", "Skip", "Skip", "Skip"]) await tapAndSettle(page, widget, w);
  // Only the third copy's ack gets through, and only an ack says "sent".
  await widget.getByText(/Your answers were sent/).waitFor();
  const l = await log(page);
  const completes = l.raw.filter((m) => m.type === "complete");
  assert.equal(completes.length, 3, "sent once, then re-sent until acked");
  assert.equal(new Set(completes.map((m) => m.id)).size, 1, "re-sent with the same id");
  assert.equal(l.complete.length, 1, "onComplete fired exactly once");
  assert.equal(l.complete[0].answers[0].value, 10);
  await page.context().close();
});

/** Draws a line with the mouse across the widget's canvas, at fractions of its size. */
async function drawLine(page, widget, fx0, fx1, fy, steps = 25) {
  const box = await widget.locator("canvas").boundingBox();
  await page.mouse.move(box.x + box.width * fx0, box.y + box.height * fy);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(box.x + box.width * (fx0 + ((fx1 - fx0) * i) / steps), box.y + box.height * fy);
  }
  await page.mouse.up();
  return box;
}

test("a drawing made in the widget arrives at the host and decodes to the same strokes", async () => {
  const { page, widget } = await openHost({ age: 9 });
  await button(widget, "Start").click();
  await button(widget, "Good").click();
  await widget.getByRole("heading", { name: "Would you like to draw how you feel?" }).waitFor();
  await button(widget, "Red").click();
  await drawLine(page, widget, 0.1, 0.9, 0.25);
  await button(widget, "Thick brush").click();
  await button(widget, "Blue").click();
  await drawLine(page, widget, 0.3, 0.6, 0.75, 10);
  await button(widget, "Done").click();
  await until(page, "log.answers.length === 2");
  const l = await log(page);
  const a = l.answers[1];
  assert.deepEqual([a.promptId, a.kind, a.construct, a.skipped, a.value.format], ["drawing.feel", "drawing", "drawing", false, "ally.strokes/1"]);
  const decoded = await page.evaluate((data) => Ally.decodeStrokes(data), a.value.strokes);
  assert.equal(decoded.strokes.length, 2);
  const [red, blue] = decoded.strokes;
  assert.deepEqual([red.color, red.tool, red.width], ["#e0412f", "pen", 7]);
  assert.deepEqual([blue.color, blue.width], ["#2f6fd1", 18]);
  // The points are where the mouse went, in canvas units (1000 × 700).
  const near = (v, want) => Math.abs(v - want) <= 12;
  assert.ok(near(red.points[0][0], 100) && near(red.points[0][1], 175), `${red.points[0]}`);
  assert.ok(near(red.points.at(-1)[0], 900), `${red.points.at(-1)}`);
  assert.ok(red.points.every(([, y]) => near(y, 175)), "a straight line stays straight");
  assert.ok(near(blue.points[0][0], 300) && near(blue.points[0][1], 525));
  // The SVG the widget sent is the one the SDK draws from the strokes.
  assert.equal(a.value.svg, await page.evaluate((data) => Ally.strokesToSvg(Ally.decodeStrokes(data)), a.value.strokes));

  // Coming back to the drawing shows it again; finishing sends the same strokes.
  await button(widget, "Back").click();
  await widget.getByRole("heading", { name: "Would you like to draw how you feel?" }).waitFor();
  assert.equal(await widget.locator("canvas").getAttribute("data-strokes"), "2");
  await button(widget, "Done").click();
  await until(page, "log.answers.length === 3");
  assert.equal((await log(page)).answers[2].value.strokes, a.value.strokes);
  await page.context().close();
});

test("the demo portal shows each answer and the result, and the therapist's report follows live", async () => {
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${PORTAL}/demo/?autostart=1&age=6&mode=checkout&childName=Sam`);
  const widget = page.frameLocator('iframe[title="Ally check-in for the child"]');
  const report = page.frameLocator('iframe[title="Ally report for the therapist"]');
  const totals = () => report.locator('[data-chart="trust"] circle.point').evaluateAll((cs) => cs.map((c) => Number(c.dataset.value)));
  // Seeded with earlier sessions of the same band.
  await report.locator('[data-chart="trust"] circle.point').nth(2).waitFor();
  assert.deepEqual(await totals(), [37.5, 35, 27.5]);
  await button(widget, "Start").click();
  await button(widget, "Yes, a lot").click();
  await page.locator('#answers [data-prompt="trust.listened"]').getByText("Yes, a lot = 10").waitFor();
  await report.locator('.live li[data-prompt="trust.listened"]').getByText("Yes, a lot").waitFor();
  for (const w of ["Yes", "Kind of", "Yes, a lot"]) await tapAndSettle(page, widget, w, 'iframe[title="Ally check-in for the child"]');
  await drawLine(page, widget, 0.2, 0.8, 0.5);
  // From the keyboard: a click on Done the moment the page has scrolled to it
  // sometimes reaches the portal's iframe element and not the widget (headless
  // Chromium routing input to a cross-origin frame before its hit-testing has
  // caught up with the scroll; see forms.test.mjs). The drawing above was drawn.
  await button(widget, "Done").press("Enter");
  await page.locator("#status").getByText("Complete.").waitFor();
  const result = JSON.parse(await page.locator("#result").textContent());
  assert.equal(result.answers.length, 5);
  // The portal shows the drawing, rendered from its strokes.
  const img = page.locator('#answers [data-prompt="drawing.together"] img');
  await img.waitFor();
  assert.match(await img.getAttribute("src"), /^data:image\/svg\+xml,/);
  assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth === 1000), "the SVG loads as an image");
  assert.equal(result.ageBand, "6-8");
  assert.equal(result.scores.alliance.total, 32.5);
  await page.locator("#scores").getByText("32.5").waitFor();
  await report.locator('[data-chart="trust"] circle.point').nth(3).waitFor();
  assert.deepEqual(await totals(), [37.5, 35, 27.5, 32.5]);
  await report.locator(".live").waitFor({ state: "detached" });
  await page.context().close();
});
