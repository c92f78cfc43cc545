// End-to-end: the child's own goals, rated in a real browser at every band,
// in the child's words, with a skip kept as a skip and a goal set aside
// told to the helper; the portal receives each rating with its goal.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, openHost, child, log, until, newPage, PORTAL } from "./support.mjs";

before(start);
after(stop);

const GOALS = [
  { id: "friend", text: "Make a friend at school" },
  { id: "calm", text: "Stay calm when I'm angry" },
];

/** Skips (or declines to draw) until the screen of `promptId` shows: `skip` is Skip's words. */
async function skipTo(widget, promptId, skip = "Skip") {
  const fingers = child(widget);
  const screen = widget.locator("[data-prompt]").first();
  await screen.waitFor();
  for (let n = 0; n < 12; n++) {
    const id = await screen.getAttribute("data-prompt");
    if (id === promptId) return;
    const decline = widget.getByRole("button", { name: "No, thanks", exact: true });
    await ((await decline.count()) ? decline.tap() : fingers.tap(skip));
    await widget.locator(`[data-prompt]:not([data-prompt="${id}"])`).first().waitFor();
  }
  throw new Error(`never reached ${promptId}`);
}

/** The words of the question on screen. */
const question = (widget) => widget.locator("#prompt-text").innerText();

const BANDS = [
  // 3–5: three pictures; one tap answers.
  { age: 4, rate: (f) => f.tap("A little"), value: 5, band: "3-5", previous: 10, drop: true },
  // 6–8: a path of five steps from the start to the flag.
  { age: 7, rate: (f) => f.tap("Nearly there"), value: 8, band: "6-8", previous: 6, drop: false },
  // 9–12 and 13–17: a 0–10 line, with no value until tapped.
  { age: 10, rate: async (f) => { await f.line(6); await f.tap("Next"); }, value: 6, band: "9-12", previous: 9, drop: true },
  { age: 15, rate: async (f) => { await f.line(3); await f.tap("Next"); }, value: 3, band: "13-17", previous: 3, drop: false },
];

for (const b of BANDS) {
  test(`at ${b.age} (${b.band}) a goal is rated in the child's words and compared with its last rating`, async () => {
    const { page, widget } = await openHost({
      age: b.age,
      mode: "checkin",
      goals: GOALS,
      previousGoals: { ageBand: b.band, goals: [{ id: "friend", progress: b.previous }] },
    });
    const fingers = child(widget);
    await fingers.tap("Start");
    await skipTo(widget, "goal.1");
    assert.equal(await question(widget), "How far along are you with: Make a friend at school?");
    if (b.age >= 9) {
      // The line shows no value until the child taps it.
      assert.equal(await widget.getByRole("slider").getAttribute("aria-valuenow"), null);
      assert.equal(await widget.getByRole("button", { name: "Next", exact: true }).isDisabled(), true);
    } else {
      assert.equal(await widget.locator('[aria-pressed="true"]').count(), 0, "nothing chosen yet");
    }
    await b.rate(fingers);
    await widget.locator('[data-prompt="goal.2"]').waitFor();
    assert.equal(await question(widget), "How far along are you with: Stay calm when I'm angry?");
    await fingers.tap("Skip");
    // 3–5 draw last.
    if (b.age < 6) await fingers.tap("No, thanks");
    await until(page, "log.complete.length === 1");
    const l = await log(page);
    const rating = l.answers.find((a) => a.promptId === "goal.1");
    assert.equal(rating.goalId, "friend");
    assert.equal(rating.kind, "progress");
    assert.equal(rating.value, b.value);
    const skip = l.answers.find((a) => a.promptId === "goal.2");
    assert.deepEqual([skip.goalId, skip.skipped, skip.value], ["calm", true, null]);
    const result = l.complete[0];
    assert.deepEqual(result.goals, GOALS);
    const [friend, calm] = result.scores.goals;
    assert.deepEqual(friend, {
      id: "friend", progress: b.value, previous: b.previous, change: b.value - b.previous,
      changeReason: null, retired: false, skipped: false,
    });
    assert.deepEqual([calm.progress, calm.skipped, calm.changeReason], [null, true, "no_previous"]);
    assert.deepEqual(result.scores.flags.goalDrop, b.drop ? ["friend"] : []);
    assert.ok(result.scores.flags.skipped.includes("goal.2"));
  });
}

test("a goal the child sets aside is an answer flagged for the helper, never a score, in Spanish too", async () => {
  const { page, widget } = await openHost({
    age: 12,
    mode: "checkout",
    locale: "es",
    goals: GOALS,
    goalsAt: "both",
  });
  const fingers = child(widget);
  await fingers.tap("Empezar");
  for (let n = 0; n < 4; n++) {
    const id = await widget.locator("[data-prompt]").first().getAttribute("data-prompt");
    await fingers.tap("Saltar");
    await widget.locator(`[data-prompt]:not([data-prompt="${id}"])`).first().waitFor();
  }
  await widget.locator('[data-prompt="goal.1"]').waitFor();
  assert.equal(await question(widget), "¿Cuánto has avanzado en: Make a friend at school?");
  await fingers.tap("Ya no es mi meta");
  await widget.locator('[data-prompt="goal.2"]').waitFor();
  await fingers.line(10);
  await fingers.tap("Siguiente");
  await until(page, "log.answers.some((a) => a.promptId === 'goal.2')");
  const l = await log(page);
  const retired = l.answers.find((a) => a.promptId === "goal.1");
  assert.deepEqual([retired.value, retired.label, retired.skipped, retired.goalId], ["retired", "Ya no es mi meta", false, "friend"]);
  // What comes after (what to do next time, a drawing), skipped and declined: the result says it.
  await widget.locator('[data-prompt="plan.next"]').waitFor();
  await fingers.tap("Saltar");
  await fingers.tap("No, gracias");
  await until(page, "log.complete.length === 1");
  const scores = l.complete.length ? l.complete[0].scores : (await log(page)).complete[0].scores;
  assert.deepEqual(scores.flags.goalRetired, ["friend"]);
  assert.deepEqual([scores.goals[0].progress, scores.goals[0].retired], [null, true]);
  assert.equal(scores.goals[1].progress, 10);
  assert.ok(!scores.flags.skipped.includes("goal.1"), "setting a goal aside is not a skip");
});

test("a bad goal in the settings is a field-precise invalid_config and a friendly screen", async () => {
  const { page, widget } = await openHost({ age: 10, goals: [{ id: "a", text: "x".repeat(121) }] }, { malformed: "init" });
  await until(page, "log.errors.length === 1");
  const [e] = (await log(page)).errors;
  assert.equal(e.code, "invalid_config");
  assert.equal(e.field, "goals[0].text");
  await widget.locator('[data-notice="invalid"]').waitFor();
});

test("a reload keeps a goal's rating with its goal, and a whole earlier result serves as previousGoals", async () => {
  // The last check-in's result, whole, as a portal would store it.
  const first = await openHost({ age: 10, mode: "checkin", goals: GOALS });
  await child(first.widget).tap("Start");
  await skipTo(first.widget, "goal.1");
  await child(first.widget).line(8);
  await child(first.widget).tap("Next");
  await first.widget.locator('[data-prompt="goal.2"]').waitFor();
  await child(first.widget).tap("Skip");
  await until(first.page, "log.complete.length === 1");
  const earlier = (await log(first.page)).complete[0];
  await first.page.context().close();

  const { page, widget } = await openHost({ age: 10, mode: "checkin", goals: GOALS, previousGoals: earlier });
  const fingers = child(widget);
  await fingers.tap("Start");
  await skipTo(widget, "goal.1");
  await fingers.line(4);
  await fingers.tap("Next");
  await widget.locator('[data-prompt="goal.2"]').waitFor();
  await until(page, "log.answers.some((a) => a.promptId === 'goal.1')");
  // The widget reloads the way a flaky tablet would, and goes on at goal.2.
  const frame = page.frames().find((f) => f.url().startsWith("http://127.0.0.1"));
  await frame.evaluate(() => location.reload());
  await until(page, "log.ready.length === 2");
  // The rating came back with its goal: the widget goes on at goal.2, not goal.1.
  await widget.locator('[data-prompt="goal.2"]').waitFor();
  await fingers.line(7);
  await fingers.tap("Next");
  await until(page, "log.complete.length === 1");
  const r = (await log(page)).complete[0];
  assert.equal(r.answers.find((a) => a.promptId === "goal.1").goalId, "friend");
  assert.deepEqual(r.scores.goals.map((g) => [g.id, g.progress, g.previous, g.change, g.changeReason]), [
    ["friend", 4, 8, -4, null],
    ["calm", 7, null, null, "previous_not_rated"],
  ]);
  assert.deepEqual(r.scores.flags.goalDrop, ["friend"]);
});

// ---- Naming goals: goals.html, which the SDK opens for mode "goals" ----------

test("at 15 a teen names goals in their own words or from an edited starter, and 'I don't know yet' ends it, kept as said", async () => {
  const { page, widget } = await openHost({ age: 15, mode: "goals", helperName: "Dr. Rivera" });
  const fingers = child(widget);
  await fingers.tap("Start");
  await widget.locator('[data-prompt="goal.set.1"]').waitFor();
  assert.equal(await question(widget), "What would you like to be different or better?");
  const field = widget.getByLabel("In your own words");
  const next = widget.getByRole("button", { name: "Next", exact: true });
  assert.equal(await next.isDisabled(), true, "nothing to send before any words");
  await field.fill("Talk to my dad without shouting");
  await next.tap();
  await widget.locator('[data-prompt="goal.set.2"]').waitFor();
  assert.equal(await question(widget), "Is there something else you'd like to be different or better?");
  assert.equal(await widget.getByLabel("In your own words").inputValue(), "", "a fresh field for the next goal");
  // A starter fills the field; the teen makes it their own.
  await fingers.tap("Worry less");
  assert.equal(await widget.getByLabel("In your own words").inputValue(), "Worry less");
  await widget.getByLabel("In your own words").fill("Worry less about exams");
  await widget.getByLabel("In your own words").press("Enter");
  await widget.locator('[data-prompt="goal.set.3"]').waitFor();
  await fingers.tap("I don't know yet");
  await until(page, "log.complete.length === 1");
  const r = (await log(page)).complete[0];
  assert.equal(r.mode, "goals");
  assert.deepEqual(r.answers.map((a) => [a.promptId, a.kind, a.value, a.skipped]), [
    ["goal.set.1", "goal", "Talk to my dad without shouting", false],
    ["goal.set.2", "goal", "Worry less about exams", false],
    ["goal.set.3", "goal", ["dont_know"], false],
  ]);
  assert.deepEqual(r.goals.map((g) => g.text), ["Talk to my dad without shouting", "Worry less about exams"]);
  for (const g of r.goals) {
    assert.match(g.id, /^[0-9a-f-]{36}$/);
    assert.match(g.setAt, /^\d{4}-\d\d-\d\dT/);
  }
  // The iframe is goals.html, beside the widget's page.
  assert.ok(page.frames().some((f) => new URL(f.url()).pathname === "/goals.html"));
});

test("at 4 a child names a goal by its picture, read aloud, and a skip ends it", async () => {
  const { page, widget } = await openHost({ age: 4, mode: "goals" });
  const fingers = child(widget);
  await fingers.tap("Start");
  await widget.locator('[data-prompt="goal.set.1"]').waitFor();
  // Pictures, not a keyboard.
  assert.equal(await widget.locator("input").count(), 0);
  assert.equal(await widget.locator(".starters button").count(), 4);
  await fingers.tap("Make friends and keep them");
  // An invitation to draw it: declining is no answer about the goals.
  await widget.locator('[data-prompt="goal.draw.1"]').waitFor();
  await fingers.tap("No, thanks");
  await widget.locator('[data-prompt="goal.set.2"]').waitFor();
  await fingers.tap("Skip");
  await until(page, "log.complete.length === 1");
  const r = (await log(page)).complete[0];
  assert.deepEqual(r.goals.map((g) => [g.text, g.picture, g.drawing]), [["Make friends and keep them", "friends", undefined]]);
  assert.deepEqual(r.answers.map((a) => [a.promptId, a.skipped]), [["goal.set.1", false], ["goal.draw.1", true], ["goal.set.2", true]]);
});

test("at 7 in Spanish a child picks a picture, then says they don't know yet", async () => {
  const { page, widget } = await openHost({ age: 7, mode: "goals", locale: "es" });
  const fingers = child(widget);
  await fingers.tap("Empezar");
  await widget.locator('[data-prompt="goal.set.1"]').waitFor();
  assert.equal(await question(widget), "¿Qué te gustaría que fuera distinto o mejor?");
  assert.equal(await widget.locator(".starters button").count(), 6);
  await fingers.tap("Manejar mi enojo");
  await widget.locator('[data-prompt="goal.draw.1"]').waitFor();
  await fingers.tap("No, gracias");
  await widget.locator('[data-prompt="goal.set.2"]').waitFor();
  await fingers.tap("Todavía no lo sé");
  await until(page, "log.complete.length === 1");
  const r = (await log(page)).complete[0];
  assert.deepEqual(r.goals.map((g) => [g.text, g.picture]), [["Manejar mi enojo", "anger"]]);
  assert.deepEqual(r.answers[2].value, ["dont_know"]);
  assert.equal(r.answers[2].label, "Todavía no lo sé");
});

test("on a tablet the on-screen keyboard never covers the field or Next", async () => {
  // A portal page with its own header above the widget, on a tablet held upright.
  const { page, widget } = await openHost({ age: 13, mode: "goals" }, {}, { viewport: { width: 768, height: 1024 } });
  await page.evaluate(() => {
    const header = document.createElement("header");
    header.style.height = "640px";
    header.textContent = "Your care portal";
    document.body.prepend(header);
  });
  await child(widget).tap("Start");
  const field = widget.getByLabel("In your own words");
  await field.waitFor();
  await field.tap();
  await field.pressSequentially("Sleep");
  // The keyboard comes up: what is left of the screen is the upper 40 %.
  const visible = 410;
  await page.setViewportSize({ width: 768, height: visible });
  const frameBox = await page.locator("iframe").boundingBox();
  const inView = async (locator) => {
    const box = await locator.boundingBox();
    return box && box.y >= 0 && box.y + box.height <= visible;
  };
  assert.ok(await inView(field), `the field at ${JSON.stringify(await field.boundingBox())}, frame at ${JSON.stringify(frameBox)}`);
  assert.ok(await inView(widget.getByRole("button", { name: "Next", exact: true })), "Next, right under the field");
});

test("the demo portal names goals, then rates them at the next check-in, and the report shows both", async () => {
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${PORTAL}/demo/?autostart=1&age=10&mode=goals`);
  const frame = 'iframe[title="Ally check-in for the child"]';
  const widget = page.frameLocator(frame);
  const fingers = child(widget);
  await fingers.tap("Start");
  await widget.getByLabel("In your own words").fill("Join the football team");
  await fingers.tap("Next");
  await widget.locator('[data-prompt="goal.set.2"]').waitFor();
  await fingers.tap("I don't know yet");
  await page.locator("#status").getByText("Complete.").waitFor();
  // The next check-in rates the goal just named.
  await page.selectOption('select[name="mode"]', "checkin");
  await page.locator('button[type="submit"]').click();
  await fingers.tap("Start");
  await skipTo(widget, "goal.1");
  assert.equal(await question(widget), "How far along are you with: Join the football team?");
  await fingers.line(3);
  await fingers.tap("Next");
  await page.locator("#status").getByText("Complete.").waitFor();
  const result = JSON.parse(await page.locator("#result").textContent());
  assert.deepEqual(result.goals.map((g) => g.text), ["Join the football team"]);
  assert.equal(result.scores.goals[0].progress, 3);
  const report = page.frameLocator('iframe[title="Ally report for the therapist"]');
  await report.locator('[data-chart="goal"] circle.point').first().waitFor();
  assert.match(await report.locator('[data-chart="goal"] figcaption').innerText(), /Join the football team/);
  await report.locator("#latest-goals").waitFor();
  await page.context().close();
});

test("at 3-8 a goal named by its picture is rated beside that picture", async () => {
  const goals = [{ id: "friend", text: "Make friends and keep them", picture: "friends" }, { id: "calm", text: "Be calm" }];
  const { page, widget } = await openHost({ age: 4, mode: "checkin", goals });
  await child(widget).tap("Start");
  await skipTo(widget, "goal.1");
  await widget.locator(".goal-picture svg").waitFor();
  await child(widget).tap("A lot");
  await widget.locator('[data-prompt="goal.2"]').waitFor();
  assert.equal(await widget.locator(".goal-picture").count(), 0, "a goal with no picture shows none");
  await child(widget).tap("Skip");
  await child(widget).tap("No, thanks");
  await until(page, "log.complete.length === 1");
  assert.equal((await log(page)).complete[0].goals[0].picture, "friends");
});

test("at check-out a 4-year-old says what they'd like next time by a picture, a goal by its own picture", async () => {
  const goals = [{ ...GOALS[0], picture: "friends" }, GOALS[1]];
  const { page, widget } = await openHost({ age: 4, mode: "checkout", goals });
  const fingers = child(widget);
  await fingers.tap("Start");
  await skipTo(widget, "plan.next");
  assert.equal(await question(widget), "Next time, I'd like to…");
  // Pictures, read aloud: no keyboard at 3–5.
  assert.equal(await widget.locator("input").count(), 0);
  const names = await widget.locator(".starters button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
  assert.deepEqual(names, ["Talk", "Play", "Draw", "Work on my goal: “Make a friend at school”", "Work on my goal: “Stay calm when I'm angry”", "Something else"]);
  // A goal with a picture is shown by it; one without, by the flag.
  const friend = widget.getByRole("button", { name: "Work on my goal: “Make a friend at school”" });
  assert.equal(await friend.locator("svg").getAttribute("class"), "face starter-picture");
  assert.ok((await friend.innerHTML()).includes("circle"), "the friends picture");
  await friend.tap();
  await widget.locator('[data-prompt="drawing.together"]').waitFor();
  await fingers.tap("No, thanks");
  await until(page, "log.complete.length === 1");
  const l = await log(page);
  const plan = l.answers.find((a) => a.promptId === "plan.next");
  assert.deepEqual([plan.kind, plan.construct, plan.value, plan.label], ["plan", "plan", ["goal", "friend"], "Work on my goal: “Make a friend at school”"]);
  const r = l.complete[0];
  // Rated at check-in, the goals still travel with the check-out that offered them.
  assert.deepEqual(r.goals.map((g) => g.id), ["friend", "calm"]);
  assert.deepEqual(r.scores.goals, []);
});

test("at 15 a teen types what they'd like next time, or taps a choice; a skip is a skip", async () => {
  const { page, widget } = await openHost({ age: 15, mode: "checkout", goals: GOALS, locale: "es" });
  const fingers = child(widget);
  await fingers.tap("Empezar");
  await skipTo(widget, "plan.next", "Saltar");
  assert.equal(await question(widget), "La próxima vez, me gustaría…");
  const choices = await widget.locator(".choice-list button").evaluateAll((bs) => bs.map((b) => b.textContent));
  assert.deepEqual(choices, ["Hablar de mis cosas", "Hacer una actividad", "Dibujar o crear algo", "Probar algo nuevo",
    "Trabajar en mi meta: «Make a friend at school»", "Trabajar en mi meta: «Stay calm when I'm angry»"]);
  const field = widget.getByLabel("O escríbelo a tu manera");
  const next = widget.getByRole("button", { name: "Siguiente", exact: true });
  assert.equal(await next.isDisabled(), true, "nothing to send before any words");
  await field.fill("Practicar qué decir en clase");
  await field.press("Enter");
  await until(page, "log.complete.length === 1");
  let plan = (await log(page)).answers.find((a) => a.promptId === "plan.next");
  assert.deepEqual([plan.value, plan.label, plan.skipped], ["Practicar qué decir en clase", "Practicar qué decir en clase", false]);

  // Another teen taps a choice; a third skips it.
  for (const [act, want] of [[(f) => f.tap("Do an activity"), ["play"]], [(f) => f.tap("Skip"), null]]) {
    const again = await openHost({ age: 14, mode: "checkout", goals: GOALS });
    const f = child(again.widget);
    await f.tap("Start");
    await skipTo(again.widget, "plan.next");
    await act(f);
    await until(again.page, "log.complete.length === 1");
    plan = (await log(again.page)).answers.find((a) => a.promptId === "plan.next");
    assert.deepEqual([plan.value, plan.skipped], [want, want === null]);
  }
});

test("without goals a check-out asks nothing of next time, unless the portal says nextTime", async () => {
  for (const [extra, asked] of [[{}, false], [{ nextTime: true }, true]]) {
    const { page, widget } = await openHost({ age: 10, mode: "checkout", ...extra });
    await until(page, "log.ready.length === 1");
    const steps = (await log(page)).ready[0].steps;
    assert.equal(steps.includes("plan.next"), asked, JSON.stringify(extra));
    if (asked) {
      const fingers = child(widget);
      await fingers.tap("Start");
      await skipTo(widget, "plan.next");
      // No goals: only the fixed choices.
      assert.equal(await widget.locator(".choice-list button").count(), 4);
    }
  }
});

test("at 4 a child draws the goal they picked, and sees that drawing beside its rating next time", async () => {
  const { page, widget } = await openHost({ age: 4, mode: "goals" });
  const fingers = child(widget);
  await fingers.tap("Start");
  await fingers.tap("Sleep without being scared");
  await widget.locator('[data-prompt="goal.draw.1"]').waitFor();
  assert.equal(await question(widget), "Would you like to draw it? It's okay if you don't want to.");
  // A line across the pad, with the mouse standing in for a finger.
  const box = await widget.locator("canvas").boundingBox();
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.2 + i * 0.05), box.y + box.height * 0.5);
  await page.mouse.up();
  await fingers.tap("Done");
  await widget.locator('[data-prompt="goal.set.2"]').waitFor();
  await fingers.tap("I don't know yet");
  await until(page, "log.complete.length === 1");
  const [goal] = (await log(page)).complete[0].goals;
  assert.equal(goal.picture, "sleep");
  assert.equal(goal.drawing.format, "ally.strokes/1");
  assert.match(goal.drawing.svg, /^<svg[^>]*><rect[^>]*\/><path /);

  // The portal passes the goal back; an SVG of its own is never shown.
  const back = { ...goal, drawing: { ...goal.drawing, svg: "<svg><text>forged</text></svg>" } };
  const rating = await openHost({ age: 4, mode: "checkin", goals: [back] });
  await child(rating.widget).tap("Start");
  await skipTo(rating.widget, "goal.1");
  const shown = rating.widget.locator(".goal-drawing svg");
  await shown.waitFor();
  assert.equal(await shown.locator("path").count(), 1, "the child's one line");
  assert.equal(await rating.widget.locator("text").count(), 0);
  // The drawing stands for the goal: its picture is not shown beside it.
  assert.equal(await rating.widget.locator(".goal-picture .starter-picture").count(), 0);
});
