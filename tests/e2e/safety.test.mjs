// End-to-end: the safety path. A concern reaches the portal the moment it
// arises, once; the child's request for help is said to have reached the
// helper only once the portal has it; the report shows it at the top.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, openHost, newPage, child, log, until, holdAcks, hostUrl, PORTAL, WIDGET, WIDGET_FRAME } from "./support.mjs";

before(start);
after(stop);

const HELP = "I'd like to talk to someone now";
const frameOf = (page) => page.frames().find((f) => f.url().startsWith(WIDGET));
/** The messages of `type` the widget sent, resends included. */
const sent = (page, type) => page.evaluate((t) => window.log.raw.filter((m) => m && m.type === t).length, type);

test("a very low mood with a very strong feeling reaches onAttention the moment it is said, and each reason once", async () => {
  const { page, widget } = await openHost({ age: 10, mode: "checkin", helperName: "Dr. Rivera" });
  const fingers = child(widget);
  await fingers.tap("Start");
  await fingers.tap("Awful");
  await fingers.tap("No, thanks");
  await fingers.tap("Sad");
  await fingers.tap("Next");
  await widget.locator('[data-prompt="intensity.strongest"]').waitFor();
  await fingers.line(7);
  await fingers.tap("Next");
  await widget.locator('[data-prompt="talk.today"]').waitFor();
  await until(page, "log.answers.length === 4");
  assert.deepEqual((await log(page)).attention, [], "nothing yet: a low mood with a feeling under 8 is an ordinary bad day");
  await fingers.tap("Back");
  await widget.locator('[data-prompt="intensity.strongest"]').waitFor();
  await fingers.line(9);
  await fingers.tap("Next");
  // Raised before the check is over: the talk question is still open.
  await until(page, "log.attention.length === 1");
  await widget.locator('[data-prompt="talk.today"]').waitFor();
  const [first] = (await log(page)).attention;
  assert.equal(first.reason, "low_mood_strong_feeling");
  assert.equal(first.promptId, "intensity.strongest");
  assert.match(first.raisedAt, /^\d{4}-\d\d-\d\dT/);
  assert.equal((await log(page)).complete.length, 0);
  // The child sees nothing of it: no alarm, no extra question.
  assert.equal(await widget.getByRole("alert").count(), 0);

  // Back and the same answer again: the concern was said, and is not said twice.
  await fingers.tap("Back");
  await widget.locator('[data-prompt="intensity.strongest"]').waitFor();
  await fingers.line(10);
  await fingers.tap("Next");
  await fingers.tap("Yes");
  await until(page, "log.complete.length === 1");
  const l = await log(page);
  assert.deepEqual(l.attention.map((a) => a.reason), ["low_mood_strong_feeling", "hard_feeling_wants_to_talk"]);
  assert.equal(l.attention[1].promptId, "talk.today");
  assert.notEqual(l.attention[0].id, l.attention[1].id);
  assert.deepEqual(l.complete[0].scores.flags.concern, [
    { reason: "low_mood_strong_feeling", promptId: "intensity.strongest" },
    { reason: "hard_feeling_wants_to_talk", promptId: "talk.today" },
  ]);
  assert.deepEqual(l.complete[0].scores.concernCutoffs, { mood: 0, intensity: 8 });
  assert.equal(l.errors.length, 0, JSON.stringify(l.errors));
  await page.context().close();
});

test("the portal's cutoffs move the rule, and a skip never raises a concern", async () => {
  // concernMood 5 ("Okay" or lower), concernIntensity 5.
  const { page, widget } = await openHost({ age: 11, concernMood: 5, concernIntensity: 5 });
  const fingers = child(widget);
  await fingers.tap("Start");
  await fingers.tap("Okay");
  await fingers.tap("No, thanks");
  await fingers.tap("Skip");
  await widget.locator('[data-prompt="intensity.strongest"]').waitFor();
  await fingers.line(5);
  await fingers.tap("Next");
  await until(page, "log.attention.length === 1");
  assert.equal((await log(page)).attention[0].reason, "low_mood_strong_feeling");
  await page.context().close();

  const skipped = await openHost({ age: 11 });
  const f = child(skipped.widget);
  await f.tap("Start");
  for (const decline of ["Skip", "No, thanks", "Skip", "Skip", "Skip"]) {
    const id = await skipped.widget.locator("[data-prompt]").getAttribute("data-prompt");
    await f.tap(decline);
    await skipped.widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
  }
  await until(skipped.page, "log.complete.length === 1");
  const l = await log(skipped.page);
  assert.deepEqual(l.attention, []);
  assert.deepEqual(l.complete[0].scores.flags.concern, []);
  await skipped.page.context().close();
});

test("asking for help: the portal hears it at once, the child is told it reached the helper only once the portal has it, and goes back to the same question", async () => {
  const page = await newPage();
  await holdAcks(page.context());
  await page.goto(hostUrl({ age: 12, mode: "checkout", helperName: "Dr. Rivera", helpLines: [{ label: "Crisis line", phone: "988", text: "Call or text, any time" }] }));
  const widget = page.frameLocator(WIDGET_FRAME);
  const fingers = child(widget);
  // On the welcome already.
  await widget.getByRole("button", { name: HELP }).waitFor();
  await fingers.tap("Start");
  await fingers.line(8);
  await fingers.tap("Next");
  await widget.locator('[data-prompt="trust.what_matters"]').waitFor();
  await fingers.tap(HELP);
  await until(page, "log.attention.length === 1");
  const [asked] = (await log(page)).attention;
  assert.equal(asked.reason, "asked_for_help");
  assert.equal(asked.promptId, "trust.what_matters");
  await widget.getByRole("heading", { name: "You want to talk to someone" }).waitFor();
  const status = widget.getByRole("status");
  // The portal's ack is held: the widget keeps sending, and the child is told only that it is being said.
  await page.waitForFunction(() => window.log.raw.filter((m) => m && m.type === "attention").length >= 2);
  assert.equal(await status.textContent(), "Telling Dr. Rivera now…");
  assert.equal((await log(page)).attention.length, 1, "a resend reaches onAttention once");
  const body = await widget.locator("main").textContent();
  assert.match(body, /You can also tell Dr\. Rivera or another adult near you right now\./);
  assert.match(body, /You can also call or text:\s*Crisis line: 988 · Call or text, any time/);
  // The portal's ack arrives: now, and only now, done.
  await frameOf(page).evaluate(() => { window.holdAcks = false; });
  await widget.getByText("Done: Dr. Rivera has been told you want to talk.").waitFor();
  await fingers.tap("Go back");
  await widget.locator('[data-prompt="trust.what_matters"]').waitFor();
  assert.equal(await widget.getByRole("slider").getAttribute("aria-valuenow"), null, "still open, nothing picked for the child");
  // Going on and finishing: one result, with the request in it, never as an answer.
  await fingers.tap("Back");
  await widget.locator('[data-prompt="trust.listened"] [aria-valuenow="8"]').waitFor();
  await fingers.tap("Next");
  for (let i = 0; i < 3; i++) {
    const id = await widget.locator("[data-prompt]").getAttribute("data-prompt");
    await fingers.tap(id.startsWith("drawing.") ? "No, thanks" : "Skip");
    await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
  }
  await fingers.tap("No, thanks");
  await until(page, "log.complete.length === 1");
  const l = await log(page);
  const result = l.complete[0];
  assert.deepEqual(result.help, { promptId: "trust.what_matters", askedAt: asked.raisedAt });
  assert.deepEqual(result.scores.flags.concern, [{ reason: "asked_for_help", promptId: "trust.what_matters" }]);
  assert.ok(result.answers.every((a) => a.promptId.startsWith("trust.") || a.promptId.startsWith("drawing.")));
  assert.equal(l.attention.length, 1);
  await page.context().close();
});

test("a portal without onAttention hears attention_unheard once, and the child is never told the helper knows", async () => {
  const { page, widget } = await openHost({ age: 14, helperName: "Sam" }, { attention: "none" });
  await child(widget).tap("Start");
  await child(widget).tap(HELP);
  await widget.getByRole("heading", { name: "You asked to talk to someone" }).waitFor();
  await until(page, "log.errors.length === 1");
  // The widget is still waiting for someone to hear it: it has said it again.
  await page.waitForFunction(() => window.log.raw.filter((m) => m && m.type === "attention").length >= 3);
  assert.equal(await widget.getByRole("status").textContent(), "Telling Sam now…");
  const l = await log(page);
  assert.equal(l.errors.length, 1, "said once, however often the widget sends");
  assert.equal(l.errors[0].code, "attention_unheard");
  assert.match(l.errors[0].message, /asked_for_help.*onAttention/);
  await page.context().close();
});

test("who is offered the help control: 9 and up by default, 6-8 when the portal asks, never 3-5", async () => {
  // `malformed`: a config wrong on purpose is left out of the protocol's recording.
  const shown = async (config, params = {}) => {
    const { page, widget } = await openHost(config, params);
    await until(page, "log.ready.length === 1 || log.errors.length === 1");
    const n = await widget.getByRole("button", { name: /talk to someone now/ }).count();
    const l = await log(page);
    await page.context().close();
    return { n, errors: l.errors };
  };
  assert.equal((await shown({ age: 9 })).n, 1);
  assert.equal((await shown({ age: 17 })).n, 1);
  assert.equal((await shown({ age: 15, helpButton: false })).n, 0, "the portal may turn it off");
  assert.equal((await shown({ age: 7 })).n, 0);
  assert.equal((await shown({ age: 7, helpButton: true })).n, 1);
  const young = await shown({ age: 4, helpButton: true });
  assert.equal(young.n, 0);
  assert.deepEqual(young.errors.map((e) => [e.code, e.field]), [["invalid_config", "helpButton"]]);
  const bad = await shown({ age: 12, helpLines: [{ label: "Crisis line" }] }, { malformed: "init" });
  assert.deepEqual(bad.errors.map((e) => [e.code, e.field]), [["invalid_config", "helpLines[0]"]]);
});

test("with liveView the welcome says the helper sees each answer as it comes", async () => {
  const { widget, page } = await openHost({ age: 13, helperName: "Sam", liveView: true });
  await widget.getByText("Each time you answer, Sam can see your answer right away.").waitFor();
  await page.context().close();
  const quiet = await openHost({ age: 13, helperName: "Sam" });
  await quiet.widget.getByRole("button", { name: "Start" }).waitFor();
  assert.equal(await quiet.widget.getByText(/can see your answer right away/).count(), 0);
  await quiet.page.context().close();
});

test("a portal that reloads passes the request for help back, and it is kept: the same id, in the result", async () => {
  const first = await openHost({ age: 12 }, { session: "visit-77" });
  await child(first.widget).tap(HELP); // on the welcome
  await until(first.page, "log.attention.length === 1");
  const kept = await first.page.evaluate(() => ({ answers: window.ally.answers(), attention: window.ally.attention() }));
  await first.page.context().close();
  assert.equal(kept.attention.length, 1);

  const again = await openHost({ age: 12 }, { session: "visit-77", resume: JSON.stringify(kept) });
  await until(again.page, "log.ready.length === 1");
  await child(again.widget).tap("Start");
  for (let i = 0; i < 5; i++) {
    const id = await again.widget.locator("[data-prompt]").getAttribute("data-prompt");
    await child(again.widget).tap(id.startsWith("drawing.") ? "No, thanks" : "Skip");
    await again.widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
  }
  await until(again.page, "log.complete.length === 1");
  const l = await log(again.page);
  assert.deepEqual(l.complete[0].help, { promptId: null, askedAt: kept.attention[0].raisedAt });
  assert.deepEqual(l.complete[0].scores.flags.concern, [{ reason: "asked_for_help", promptId: null }]);
  // Said again to the new page (its ack may never have come), under the same id.
  assert.ok(l.attention.every((a) => a.id === kept.attention[0].id));
  await again.page.context().close();
});

test("the report shows what needs attention now at the top, and the finished session's concerns first", async () => {
  const config = encodeURIComponent(JSON.stringify({ age: 10, mode: "checkin", helperName: "Dr. Rivera" }));
  // The therapist's clock is not UTC: the banner's time is theirs.
  const page = await newPage({ viewport: { width: 1024, height: 900 }, timezoneId: "Asia/Kolkata" });
  await page.goto(`${PORTAL}/__test/report.html?config=${config}`);
  await page.evaluate(() => window.showReport([], {}));
  const report = page.frameLocator("#report iframe");
  const widget = page.frameLocator("#ally iframe");
  const fingers = child(widget);
  await fingers.tap("Start");
  await fingers.tap("Not good");
  await fingers.tap(HELP);
  const banner = report.getByRole("alert");
  await banner.waitFor();
  const raisedAt = (await log(page)).attention[0].raisedAt;
  const there = new Date(raisedAt).toLocaleTimeString("en-GB", { timeZone: "Asia/Kolkata", hour: "2-digit", minute: "2-digit" });
  assert.match(await banner.textContent(), new RegExp(`Needs attention now.*Asked to talk to someone now, at ${there} on the question “Would you like to draw how you feel\\?”`, "s"));
  // The same attention passed on twice shows once.
  await page.evaluate(() => window.report.attention(window.log.attention[0]));
  await fingers.tap("Go back");
  for (let i = 0; i < 4; i++) {
    const id = await widget.locator("[data-prompt]").getAttribute("data-prompt");
    await fingers.tap(id.startsWith("drawing.") ? "No, thanks" : "Skip");
    await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
  }
  await page.waitForFunction(() => window.log.complete.length === 1);
  await report.getByText("Check first").waitFor();
  assert.equal(await report.locator(".attention li").count(), 1);
  const summary = await report.locator("main").textContent();
  assert.match(summary, /Check first.*Asked to talk to someone now/s);
  await page.context().close();
});
