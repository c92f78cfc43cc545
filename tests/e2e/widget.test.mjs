// End-to-end: the portal on http://localhost:8080 embeds Ally from
// http://127.0.0.1:8080 through the host SDK, and a child taps through it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, openHost, newPage, log, until, sleep, PORTAL, WIDGET, STRANGER } from "./support.mjs";

before(start);
after(stop);

const WORDS = {
  en: {
    start: "Start", skip: "Skip", back: "Back",
    mood3: ["Not good", "Okay", "Good"], mood5: ["Awful", "Not good", "Okay", "Good", "Great"],
    agree3: ["No", "A little", "Yes"], agree5: ["No", "Not really", "A little", "Mostly", "Yes, a lot"],
  },
  es: {
    start: "Empezar", skip: "Saltar", back: "Atrás",
    mood3: ["Mal", "Regular", "Bien"], mood5: ["Muy mal", "Mal", "Regular", "Bien", "Genial"],
    agree3: ["No", "Un poco", "Sí"], agree5: ["No", "No mucho", "Un poco", "Bastante", "Sí, mucho"],
  },
};

const button = (widget, name) => widget.getByRole("button", { name, exact: true });

/** Taps through a flow: each step is a word to tap, or null to skip. */
async function tapThrough(widget, words, steps) {
  await button(widget, words.start).tap();
  for (const step of steps) {
    await button(widget, step === null ? words.skip : step).tap();
  }
}

const CASES = [
  { age: 4, locale: "en", mode: "checkin", band: "3-5", steps: [["mood.now", "Good", 10]] },
  { age: 4, locale: "es", mode: "checkout", band: "3-5",
    steps: [["trust.listened", "Sí", 10], ["trust.liked_being_here", "Un poco", 5]] },
  { age: 7, locale: "en", mode: "checkin", band: "6-8", steps: [["mood.now", "Not good", 2.5]] },
  { age: 7, locale: "en", mode: "checkout", band: "6-8",
    steps: [["trust.listened", "Mostly", 7.5], ["trust.what_matters", null], ["trust.liked_what_we_did", "Yes, a lot", 10], ["trust.next_time", "No", 0]] },
  { age: 10, locale: "es", mode: "checkin", band: "9-12", steps: [["mood.now", "Regular", 5]] },
  { age: 10, locale: "es", mode: "checkout", band: "9-12",
    steps: [["trust.listened", "Bastante", 7.5], ["trust.what_matters", "Un poco", 5], ["trust.liked_what_we_did", null], ["trust.next_time", "Sí, mucho", 10]] },
  { age: 15, locale: "en", mode: "checkin", band: "13-17", steps: [["mood.now", null]] },
  { age: 15, locale: "en", mode: "checkout", band: "13-17",
    steps: [["trust.listened", "A little", 5], ["trust.what_matters", "Mostly", 7.5], ["trust.liked_what_we_did", "Not really", 2.5], ["trust.next_time", "Yes, a lot", 10]] },
];

for (const c of CASES) {
  test(`age ${c.age} (${c.band}) ${c.mode} in ${c.locale}: taps arrive as answers and one complete`, async () => {
    const { page, widget } = await openHost({ age: c.age, locale: c.locale, mode: c.mode, helperName: "Dr. Rivera" });
    await until(page, "log.ready.length === 1");
    let l = await log(page);
    assert.deepEqual(
      { ...l.ready[0], startedAt: undefined },
      { ageBand: c.band, locale: c.locale, mode: c.mode, steps: c.steps.map((s) => s[0]), startedAt: undefined },
    );
    // Every target is big enough for the band's fingers, on the welcome screen and the first question.
    const minimum = { "3-5": 80, "6-8": 64, "9-12": 48, "13-17": 48 }[c.band];
    const smallest = () => widget.locator("body").evaluate(() =>
      Math.min(...[...document.querySelectorAll("button")].map((b) => {
        const r = b.getBoundingClientRect();
        return Math.min(r.width, r.height);
      })));
    assert.ok((await smallest()) >= minimum, `welcome targets >= ${minimum}px`);
    await button(widget, WORDS[c.locale].start).tap();
    await widget.locator("[data-prompt]").waitFor();
    assert.ok((await smallest()) >= minimum, `prompt targets >= ${minimum}px, got ${await smallest()}`);
    await button(widget, WORDS[c.locale].back).tap();

    await tapThrough(widget, WORDS[c.locale], c.steps.map((s) => s[1]));
    await until(page, "log.complete.length === 1");
    l = await log(page);

    assert.equal(l.answers.length, c.steps.length, "one answer per step");
    c.steps.forEach(([promptId, label, value], i) => {
      const a = l.answers[i];
      assert.equal(a.promptId, promptId);
      assert.equal(a.kind, "faces");
      if (label === null) {
        assert.deepEqual([a.skipped, a.value, a.label], [true, null, null], "a skip is a skip, never a score");
      } else {
        assert.deepEqual([a.skipped, a.value, a.label], [false, value, label]);
      }
      assert.match(a.answeredAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });
    const r = l.complete[0];
    assert.equal(r.schema, "ally.result/1");
    assert.deepEqual([r.age, r.ageBand, r.mode, r.locale], [c.age, c.band, c.mode, c.locale]);
    assert.equal(r.session, await page.evaluate(() => window.ally.session));
    assert.deepEqual(r.answers, l.answers, "the result carries exactly the answers sent");
    assert.ok(r.startedAt <= r.completedAt);

    // The child sees the end, and the host sized the iframe to the content.
    await widget.getByRole("heading", { name: c.locale === "es" ? "¡Listo!" : "All done!" }).waitFor();
    await until(page, "log.resize.length > 0 && parseInt(document.querySelector('iframe').style.height, 10) === log.resize.at(-1)");
    const content = await widget.locator("main").evaluate((m) => m.offsetHeight);
    assert.equal((await log(page)).resize.at(-1), content, "the iframe is as tall as the content");
    await page.context().close();
  });
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
  await widget.getByRole("heading", { name: "Did we talk about things that matter to you?" }).waitFor();
  await button(widget, "Back").click();
  await assert.doesNotReject(widget.locator('button[aria-label="No"][aria-pressed="true"]').waitFor());
  // Keyboard works too.
  await button(widget, "Mostly").focus();
  await page.keyboard.press("Enter");
  for (const word of ["Mostly", "Mostly", "Mostly"]) await button(widget, word).click();
  await until(page, "log.complete.length === 1");
  const l = await log(page);
  assert.equal(l.answers.length, 5, "the changed answer is sent again");
  assert.deepEqual(l.complete[0].answers.map((a) => a.value), [7.5, 7.5, 7.5, 7.5]);
  await page.context().close();
});

test("reset from the host starts over and forgets the kept answers", async () => {
  const { page, widget } = await openHost({ age: 13, mode: "checkout" });
  await button(widget, "Start").click();
  await button(widget, "Mostly").click();
  await until(page, "log.answers.length === 1");
  assert.equal((await page.evaluate(() => window.ally.answers())).length, 1);
  await page.evaluate(() => window.ally.reset());
  await until(page, "log.ready.length === 2");
  await widget.getByRole("button", { name: "Start" }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.ally.answers()), []);
  await button(widget, "Start").click();
  for (const w of ["No", "No", "No", "No"]) await button(widget, w).click();
  await until(page, "log.complete.length === 1");
  const r = (await log(page)).complete[0];
  assert.deepEqual(r.answers.map((a) => a.value), [0, 0, 0, 0], "only the new run's answers");
  await page.context().close();
});

test("a bad config gets an error naming the field and a friendly screen", async () => {
  const { page, widget } = await openHost({ age: 42 });
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

test("embedded by an origin not on the allow-list, the widget shows a friendly screen and says nothing", async () => {
  const page = await newPage();
  await page.goto(`${STRANGER}/__test/host.html?widgetPort=8080&config=${encodeURIComponent('{"age":7}')}`);
  const widget = page.frameLocator("iframe");
  await widget.getByText("This page is not allowed to open Ally.").waitFor();
  await sleep(1500);
  const l = await log(page);
  assert.deepEqual(l.raw, [], "no message at all reached the stranger");
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
  await button(widget, "Mostly").click();
  // A stranger's frame inside the same portal page.
  await page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.src = src;
    f.name = "stranger";
    document.body.appendChild(f);
    return new Promise((ok) => (f.onload = ok));
  }, `${STRANGER}/__test/stranger.html`);
  const stranger = page.frame({ name: "stranger" });
  const session = await page.evaluate(() => window.ally.session);
  await stranger.evaluate((session) => {
    window.got = [];
    addEventListener("message", (e) => window.got.push(e.data));
    const widget = parent.frames[0];
    const base = { ally: 1, session, payload: {} };
    widget.postMessage({ ...base, type: "reset", id: "x1" }, "*");
    widget.postMessage({ ...base, type: "init", id: "x2", payload: { config: { age: 15 } } }, "*");
    widget.postMessage({ ...base, type: "hello", id: "x3" }, "*");
    // A forged answer and result sent to the portal itself.
    parent.postMessage({ ...base, type: "answer", id: "x4", payload: { promptId: "trust.listened", value: 0 } }, "*");
    parent.postMessage({ ...base, type: "complete", id: "x5", payload: { schema: "ally.result/1", answers: [] } }, "*");
  }, session);
  await sleep(800);
  // The widget is still on question 2, the host saw nothing new, and nobody answered the stranger.
  await widget.getByRole("heading", { name: "Did we talk about things that matter to you?" }).waitFor();
  const l = await log(page);
  assert.equal(l.ready.length, 1);
  assert.equal(l.answers.length, 1);
  assert.equal(l.complete.length, 0);
  assert.deepEqual(l.errors, []);
  assert.deepEqual(await stranger.evaluate(() => window.got), []);
  await page.context().close();
});

test("reloading the iframe mid-flow keeps the earlier answers", async () => {
  const { page, widget } = await openHost({ age: 11, mode: "checkout" });
  await button(widget, "Start").click();
  await button(widget, "Mostly").click();
  await button(widget, "Skip").click();
  await until(page, "log.answers.length === 2");
  // Reload the widget the way a flaky tablet would.
  const frame = page.frames().find((f) => f.url().startsWith(WIDGET));
  await frame.evaluate(() => location.reload());
  await until(page, "log.ready.length === 2");
  // It goes on at question 3 without asking again.
  await widget.getByRole("heading", { name: "Did you like what we did today?" }).waitFor();
  await button(widget, "Yes, a lot").click();
  await button(widget, "No").click();
  await until(page, "log.complete.length === 1");
  const l = await log(page);
  const r = l.complete[0];
  assert.deepEqual(
    r.answers.map((a) => [a.promptId, a.value, a.skipped]),
    [["trust.listened", 7.5, false], ["trust.what_matters", null, true], ["trust.liked_what_we_did", 10, false], ["trust.next_time", 0, false]],
  );
  assert.equal(r.startedAt, l.ready[0].startedAt, "the run keeps its start time");
  assert.deepEqual(r.answers.slice(0, 2), l.answers.slice(0, 2), "the kept answers are the ones sent before the reload");
  await page.context().close();
});

test("a complete that is not acked is re-sent and reaches onComplete exactly once", async () => {
  const page = await newPage();
  // Inside the widget's frame, swallow the host's first two acks.
  await page.context().addInitScript(() => {
    if (location.port !== "8080" || location.hostname !== "127.0.0.1") return;
    let dropped = 0;
    addEventListener("message", (e) => {
      if (e.data && e.data.type === "ack" && dropped < 2) {
        dropped += 1;
        e.stopImmediatePropagation();
      }
    }, true);
  });
  await page.goto(`${PORTAL}/__test/host.html?config=${encodeURIComponent('{"age":9}')}`);
  const widget = page.frameLocator("iframe");
  await button(widget, "Start").click();
  await button(widget, "Great").click();
  await until(page, "log.raw.filter((m) => m.type === 'complete').length >= 3");
  // After the third copy is acked, the widget stops re-sending.
  await sleep(2500);
  const l = await log(page);
  const completes = l.raw.filter((m) => m.type === "complete");
  assert.equal(completes.length, 3, "sent once, then re-sent until acked");
  assert.equal(new Set(completes.map((m) => m.id)).size, 1, "re-sent with the same id");
  assert.equal(l.complete.length, 1, "onComplete fired exactly once");
  assert.equal(l.complete[0].answers[0].value, 10);
  await page.context().close();
});

test("the demo portal shows each answer and the result", async () => {
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${PORTAL}/demo/?autostart=1&age=6&mode=checkout&childName=Sam`);
  const widget = page.frameLocator("iframe");
  await button(widget, "Start").click();
  await button(widget, "Yes, a lot").click();
  await page.locator('#answers [data-prompt="trust.listened"]').getByText("Yes, a lot = 10/10").waitFor();
  for (const w of ["Mostly", "A little", "Yes, a lot"]) await button(widget, w).click();
  await page.locator("#status").getByText("Complete.").waitFor();
  const result = JSON.parse(await page.locator("#result").textContent());
  assert.equal(result.answers.length, 4);
  assert.equal(result.ageBand, "6-8");
  await page.context().close();
});
