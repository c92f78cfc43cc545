// The flows every engine runs, written once against ./driver.mjs. Each
// returns what it measured that must be the same in every engine.
import assert from "node:assert/strict";
import { CASES, MINIMUM, WORDS, act, endHeading } from "../e2e/cases.mjs";
import { forgeFromStranger, forgeOnChannel } from "../e2e/forgeries.mjs";
import { STRANGER, WIDGET } from "../e2e/support.mjs";


/**
 * A whole check-in or check-out: every step arrives as an answer, the result
 * carries them and the expected scores, no word spills out of its card, every
 * target is big enough, and the iframe ends as tall as the content.
 * A picture of its feelings (check-in) or first question (check-out) goes to `shots`.
 */
async function walk(d, c, locale, shots, size) {
  const words = WORDS[locale];
  await d.open({ age: c.age, locale, mode: c.mode, helperName: "Dr. Rivera", ...c.extra }, c.session ? { session: c.session } : {}, size);
  await d.until((log) => log.ready.length === 1);
  const problems = [];
  const look = async (where) => {
    await d.settled();
    for (const p of await d.problems(MINIMUM[c.band])) problems.push(`${where}: ${p}`);
  };
  await d.button(words.start);
  await look("welcome");
  await d.tap(words.start);
  for (const [promptId, action] of c.steps) {
    await d.prompt(promptId);
    await look(promptId);
    if (promptId === (c.mode === "checkin" ? "feelings.which" : c.steps[0][0])) await d.screenshot(`${shots}/${c.band}-${c.mode}-${locale}.png`);
    await act(d, words, action, promptId);
  }
  await d.until((log) => log.complete.length === 1);
  const l = await d.log();
  assert.equal(l.answers.length, c.steps.length, "one answer per step");
  c.steps.forEach(([promptId, action, value], i) => {
    const a = l.answers[i];
    assert.equal(a.promptId, promptId);
    if (action === null) assert.deepEqual([a.skipped, a.value, a.label], [true, null, null], "a skip is a skip, never a score");
    else assert.deepEqual([a.skipped, a.value], [false, value], promptId);
  });
  const r = l.complete[0];
  assert.deepEqual([r.schema, r.age, r.ageBand, r.mode, r.locale], ["ally.result/1", c.age, c.band, c.mode, locale]);
  assert.deepEqual(r.answers, l.answers, "the result carries exactly the answers sent");
  assert.deepEqual(r.scores, c.scores);

  // The end, and the iframe as tall as what it shows.
  const heading = endHeading(r, words);
  await d.widget();
  await d.poll((h) => [...document.querySelectorAll("h1, h2")].some((e) => e.textContent.trim() === h), heading);
  await look("end");
  const content = await d.run(() => document.querySelector("main").offsetHeight);
  await d.until((log, h) => log.resize.at(-1) === h && parseInt(document.querySelector("iframe").style.height, 10) === h, content);
  assert.deepEqual(problems, [], problems.join("\n"));
  return r.scores;
}

export const FLOWS = [];
const flow = (name, fn) => FLOWS.push({ name, fn });

for (const c of CASES) {
  flow(`age ${c.age} (${c.band}) ${c.mode} in English`, (d, shots) => walk(d, c, "en", shots));
}
// In Spanish, whose words are the longest, on a tablet held upright: every band's check-in
// (the feelings, the drawing tools) and the teens' check-out (agree-or-not).
const PORTRAIT = { width: 768, height: 1024 };
for (const c of CASES.filter((c) => c.mode === "checkin" || c.band === "13-17")) {
  flow(`age ${c.age} (${c.band}) ${c.mode} in Spanish, upright`, (d, shots) => walk(d, c, "es", shots, PORTRAIT));
}

flow("Back changes an answer and Skip is a skip; the latest answer is kept", async (d) => {
  await d.open({ age: 8, mode: "checkout" });
  await d.tap("Start");
  await d.prompt("trust.listened");
  await d.tap("No");
  await d.prompt("trust.what_matters");
  await d.tap("Back");
  await d.prompt("trust.listened");
  await d.poll(() => document.querySelector('button[aria-label="No"][aria-pressed="true"]'));
  await d.tap("Yes");
  await d.prompt("trust.what_matters");
  await d.tap("Skip");
  for (const [id, word] of [["trust.helped", "Yes, a lot"], ["trust.next_time", "Maybe"], ["drawing.together", "No, thanks"]]) {
    await d.prompt(id);
    await d.tap(word);
  }
  await d.until((log) => log.complete.length === 1);
  const l = await d.log();
  assert.equal(l.answers.length, 6, "the changed answer is sent again");
  const r = l.complete[0];
  assert.deepEqual(r.answers.map((a) => [a.value, a.skipped]), [[7.5, false], [null, true], [10, false], [5, false], [null, true]]);
  assert.deepEqual(r.scores.flags.skipped, ["trust.what_matters"]);
  return r.scores;
});

flow("a drawing by mouse, pen and finger arrives as ally.strokes/1; a pointer that never lifts does not lock the pad", async (d) => {
  await d.open({ age: 9 });
  await d.tap("Start");
  await d.prompt("mood.now");
  await d.tap("Good");
  await d.prompt("drawing.feel");
  const strokes = () => d.run(() => Number(document.querySelector("canvas").dataset.strokes));
  const until = (n) => d.poll((n) => Number(document.querySelector("canvas").dataset.strokes) === n, n);
  // The mouse, through the engine's own input.
  await d.tap("Red");
  await d.drawLine(0.1, 0.9, 0.2);
  await until(1);
  await d.tap("Thick brush");
  await d.tap("Blue");
  await d.drawLine(0.3, 0.6, 0.35, 10);
  await until(2);
  // A finger, from script; a second finger while it draws is ignored.
  const line = (id, type, fy, fx0, fx1, primary = true) => [
    ["pointerdown", id, type, fx0, fy, primary],
    ...Array.from({ length: 12 }, (_, i) => ["pointermove", id, type, fx0 + ((fx1 - fx0) * (i + 1)) / 12, fy, primary]),
    ["pointerup", id, type, fx1, fy, primary],
  ];
  await d.pointers(line(3, "touch", 0.5, 0.2, 0.8));
  await until(3);
  // A finger goes down and never comes up (a lost capture): a second, not primary, is still ignored…
  await d.pointers([["pointerdown", 4, "touch", 0.2, 0.6, true], ["pointermove", 4, "touch", 0.5, 0.6, true]]);
  await d.pointers(line(5, "touch", 0.7, 0.2, 0.8, false));
  assert.equal(await strokes(), 3, "one finger draws at a time");
  // …and the next primary finger is let through: the stale stroke ends where it was.
  await d.pointers(line(6, "touch", 0.8, 0.2, 0.8));
  await until(5);
  // A pen that stalls (down, never up) comes back with its own id and draws again.
  await d.pointers([["pointerdown", 9, "pen", 0.2, 0.9, true], ["pointermove", 9, "pen", 0.4, 0.9, true]]);
  await d.pointers(line(9, "pen", 0.95, 0.2, 0.8));
  await until(7);
  await d.tap("Done");
  await d.until((log) => log.answers.length === 2);
  const a = (await d.log()).answers[1];
  assert.deepEqual([a.promptId, a.kind, a.skipped, a.value.format], ["drawing.feel", "drawing", false, "ally.strokes/1"]);
  await d.top();
  const decoded = await d.run((data) => Ally.decodeStrokes(data), a.value.strokes);
  assert.equal(decoded.strokes.length, 7);
  const [red, blue] = decoded.strokes;
  assert.deepEqual([red.color, red.tool, red.width, blue.color, blue.width], ["#e0412f", "pen", 7, "#2f6fd1", 18]);
  // Where the mouse went, in canvas units (1000 x 700).
  const near = (v, want) => Math.abs(v - want) <= 15;
  assert.ok(near(red.points[0][0], 100) && near(red.points[0][1], 140), `${red.points[0]}`);
  assert.ok(near(red.points.at(-1)[0], 900) && red.points.every(([, y]) => near(y, 140)), "a straight line stays straight");
  // Coming back shows the drawing again, and Done sends the same strokes.
  await d.tap("Back");
  await d.prompt("drawing.feel");
  await until(7);
  await d.tap("Done");
  await d.until((log) => log.answers.length === 3);
  assert.equal((await d.log()).answers[2].value.strokes, a.value.strokes);
  // What must match across engines: each stroke's look and length, not the exact points.
  return decoded.strokes.map((s) => [s.color, s.tool, s.width, s.points.length > 1]);
});

flow("asking for help: the portal hears it at once, the child is told once it has, and goes back to the same question", async (d) => {
  await d.open({ age: 12, mode: "checkout", helperName: "Dr. Rivera", helpLines: [{ label: "Crisis line", phone: "988" }] });
  await d.tap("Start");
  await d.prompt("trust.listened");
  await d.tap("I'd like to talk to someone now");
  await d.until((log) => log.attention.length === 1);
  await d.widget();
  await d.poll(() => document.querySelector("[role=status]")?.textContent === "Done: Dr. Rivera has been told you want to talk.");
  const screen = await d.run(() => document.querySelector("main").innerText);
  assert.match(screen, /You want to talk to someone/);
  assert.match(screen, /Crisis line: 988/);
  for (const p of await d.problems(MINIMUM["9-12"])) assert.fail(`help screen: ${p}`);
  await d.tap("Go back");
  await d.prompt("trust.listened");
  for (const id of ["trust.listened", "trust.what_matters", "trust.helped", "trust.next_time"]) {
    await d.prompt(id);
    await d.tap("Skip");
  }
  await d.prompt("drawing.together");
  await d.tap("No, thanks");
  await d.until((log) => log.complete.length === 1);
  const l = await d.log();
  assert.deepEqual(l.attention.map((a) => [a.reason, a.promptId]), [["asked_for_help", "trust.listened"]]);
  const r = l.complete[0];
  assert.equal(r.help.promptId, "trust.listened");
  return r.scores.flags.concern;
});

flow("the child's goals: a path at 6-8 in the child's words, one set aside, one compared with its last rating", async (d) => {
  await d.open({
    age: 7, mode: "checkin",
    goals: [{ id: "friend", text: "Make a friend at school" }, { id: "calm", text: "Stay calm when I'm angry" }],
    previousGoals: { ageBand: "6-8", goals: [{ id: "friend", progress: 8 }] },
  });
  await d.tap("Start");
  for (const id of ["mood.now", "drawing.feel", "feelings.which", "intensity.strongest", "talk.today"]) {
    await d.prompt(id);
    await d.tap(id === "drawing.feel" ? "No, thanks" : "Skip");
  }
  await d.prompt("goal.1");
  await d.widget();
  await d.poll(() => document.querySelector("#prompt-text")?.textContent === "How far along are you with: Make a friend at school?");
  for (const p of await d.problems(MINIMUM["6-8"])) assert.fail(`goal screen: ${p}`);
  await d.tap("Some of the way");
  await d.prompt("goal.2");
  await d.tap("This isn't my goal any more");
  await d.until((log) => log.complete.length === 1);
  const r = (await d.log()).complete[0];
  assert.deepEqual(r.answers.slice(-2).map((a) => [a.promptId, a.goalId, a.value]), [["goal.1", "friend", 4], ["goal.2", "calm", "retired"]]);
  return [r.scores.goals, r.scores.flags.goalDrop, r.scores.flags.goalRetired];
});

flow("the adults' forms: a caregiver's and the therapist's, each item chosen, skipped or left blank, and a note", async (d, shots) => {
  const goals = [{ id: "friend", text: "Make a friend at school" }, { id: "calm", text: "Stay calm when I'm angry" }];
  const forms = [
    ["caregiver", "en", "Send", [["caregiver.home", 7], ["caregiver.school", "skip"], ["caregiver.goal.1", 3], ["caregiver.listened", 9], ["caregiver.overall", 0]], "A hard Monday."],
    ["therapist", "es", "Enviar", [["therapist.goal.1", 8], ["therapist.bond", 4], ["therapist.overall", "skip"], ["therapist.tasks", 10]], "Empezó callado."],
  ];
  const measured = [];
  for (const [rater, locale, send, picks, note] of forms) {
    await d.open({ age: 7, locale, goals, helperName: "Dr. Rivera" }, { rater }, rater === "therapist" ? PORTRAIT : undefined);
    await d.until((log) => log.ready.length === 1);
    for (const [id, v] of picks) await d.choose(id, v);
    await d.type(`${rater}.note`, note);
    await d.screenshot(`${shots}/form-${rater}-${locale}.png`);
    await d.tap(send);
    await d.until((log) => log.complete.length === 1);
    const l = await d.log();
    const r = l.complete[0];
    assert.deepEqual([r.mode, r.rater, r.locale], ["form", rater, locale]);
    assert.deepEqual(r.answers, Object.values(Object.fromEntries(l.answers.map((a) => [a.promptId, a]))).sort((a, b) =>
      r.answers.findIndex((x) => x.promptId === a.promptId) - r.answers.findIndex((x) => x.promptId === b.promptId)), "the result carries the latest of each answer sent");
    const said = Object.fromEntries(r.answers.map((a) => [a.promptId, a.skipped ? "skip" : a.value]));
    for (const [id, v] of picks) assert.equal(said[id], v, id);
    assert.equal(said[`${rater}.note`], note);
    // Every other item was left blank: a skip, never a score.
    const blank = r.answers.filter((a) => !picks.some(([id]) => id === a.promptId) && a.kind !== "note");
    assert.ok(blank.length > 0 && blank.every((a) => a.skipped && a.value === null));
    await d.widget();
    await d.poll(() => document.querySelector('.done[data-state="sent"]'));
    measured.push([r.answers.map((a) => [a.promptId, a.skipped, a.value]), r.scores]);
  }
  return measured;
});

flow("a reload of the widget resumes where the child was, with the earlier answers", async (d) => {
  await d.open({ age: 8, mode: "checkout" });
  await d.tap("Start");
  await d.prompt("trust.listened");
  await d.tap("Yes");
  await d.prompt("trust.what_matters");
  await d.tap("Skip");
  await d.until((log) => log.answers.length === 2);
  await d.reloadWidget();
  await d.until((log) => log.ready.length === 2);
  await d.prompt("trust.helped");
  await d.tap("Yes, a lot");
  await d.prompt("trust.next_time");
  await d.tap("No");
  await d.prompt("drawing.together");
  await d.tap("No, thanks");
  await d.until((log) => log.complete.length === 1);
  const l = await d.log();
  const r = l.complete[0];
  assert.deepEqual(r.answers.map((a) => [a.promptId, a.value, a.skipped]), [
    ["trust.listened", 7.5, false], ["trust.what_matters", null, true], ["trust.helped", 10, false],
    ["trust.next_time", 0, false], ["drawing.together", null, true]]);
  assert.equal(r.startedAt, l.ready[0].startedAt, "the run keeps its start time");
  return r.scores;
});

flow("forged messages are ignored: from a stranger's frame, on the window, and on the private channel", async (d) => {
  await d.open({ age: 7, mode: "checkout" });
  await d.until((log) => log.ready.length === 1);
  await d.tap("Start");
  await d.prompt("trust.listened");
  await d.tap("Yes");
  await d.until((log) => log.answers.length === 1);
  await d.top();
  // A stranger's frame in the same portal page forges host and widget messages.
  await d.s.executeAsync((src) => new Promise((ok) => {
    const f = document.createElement("iframe");
    f.name = "stranger";
    f.src = src;
    f.onload = ok;
    document.body.appendChild(f);
  }), `${STRANGER}/__test/stranger.html`);
  const session = await d.run(() => window.ally.session);
  await d.s.frame(await d.run(() => document.querySelector('iframe[name="stranger"]')));
  d.where = "stranger";
  await d.run(forgeFromStranger, session);
  await d.until((log) => log.window.includes("stranger-done"));
  // The portal itself: on the window once the channel is open (not listened to), then on the
  // channel with a wrong session (ignored), a wrong version and 1 MB of junk (errors).
  await d.run(forgeOnChannel, [session, WIDGET]);
  await d.until((log) => log.errors.length === 2);
  // The next real answer, on the next question, is the sign that nothing was reset.
  await d.prompt("trust.what_matters");
  await d.tap("Yes");
  await d.until((log) => log.answers.length === 2);
  const l = await d.log();
  assert.equal(l.ready.length, 1, "nothing was reset");
  assert.deepEqual(l.answers.map((a) => a.promptId), ["trust.listened", "trust.what_matters"]);
  assert.deepEqual(l.complete, [], "the forged result did not reach the portal");
  assert.deepEqual(l.errors.map((e) => e.code), ["unsupported_version", "too_large"]);
  await d.top();
  await d.s.frame(await d.run(() => document.querySelector('iframe[name="stranger"]')));
  d.where = "stranger";
  assert.deepEqual(await d.run(() => window.got), [], "nobody answered the stranger");
  return l.errors.map((e) => e.code);
});
