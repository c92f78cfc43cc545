// End-to-end: the child's own goals, rated in a real browser at every band,
// in the child's words, with a skip kept as a skip and a goal set aside
// told to the helper; the portal receives each rating with its goal.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, openHost, child, log, until } from "./support.mjs";

before(start);
after(stop);

const GOALS = [
  { id: "friend", text: "Make a friend at school" },
  { id: "calm", text: "Stay calm when I'm angry" },
];

/** Skips (or declines to draw) until the screen of `promptId` shows. */
async function skipTo(widget, promptId) {
  const fingers = child(widget);
  const screen = widget.locator("[data-prompt]").first();
  await screen.waitFor();
  for (let n = 0; n < 12; n++) {
    const id = await screen.getAttribute("data-prompt");
    if (id === promptId) return;
    const decline = widget.getByRole("button", { name: "No, thanks", exact: true });
    await ((await decline.count()) ? decline.tap() : fingers.tap("Skip"));
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
  // Whatever comes after (a drawing to decline), the result says it.
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
