// End-to-end: the adults' forms through the SDK (Ally.mountForm), filled
// with the keyboard alone in English and Spanish, axe-clean, a skip kept as
// a skip and a blank sent as one; a resume; and the report setting the
// child's, a caregiver's and the therapist's ratings side by side.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, stop, newPage, hostUrl, log, until, settle, PORTAL, WIDGET } from "./support.mjs";
import { checkout, goalCheckin, formResult, youngGoalCheckout } from "./results.mjs";

before(start);
after(stop);

const AXE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const GOALS = [
  { id: "friend", text: "Make a friend at school" },
  { id: "calm", text: "Stay calm when I'm angry" },
];

/** Opens the test portal with an adult's form mounted. */
async function openForm(rater, config, params = {}) {
  const page = await newPage({ reducedMotion: "reduce", viewport: { width: 900, height: 900 } });
  await page.goto(hostUrl(config, { rater, ...params }));
  const form = page.frameLocator("#ally iframe");
  await until(page, "log.ready.length === 1");
  await form.locator(".form").waitFor();
  // A click lands where it was aimed only once the frame has its height.
  await settle(page, "#ally iframe");
  const frame = page.frames().find((f) => f.url().startsWith(`${WIDGET}/form.html`));
  return { page, form, frame };
}

async function axe(frame, where) {
  if (!(await frame.evaluate(() => typeof window.axe !== "undefined"))) await frame.evaluate(AXE);
  const r = await frame.evaluate(() => axe.run(document, { resultTypes: ["violations"] }));
  return r.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The focused element in the form, and whether its visible face has a focus ring. */
const focused = (frame) => frame.evaluate(() => {
  const el = document.activeElement;
  const face = el.matches("input[type=radio]") ? el.nextElementSibling : el;
  const style = getComputedStyle(face);
  return {
    tag: el.tagName.toLowerCase(), name: el.getAttribute("name") || el.id || el.textContent.trim(), value: el.value,
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
  };
});

/**
 * Fills the form with the keyboard alone: `plan` is, item by item in
 * order, a number (arrow keys to it), "skip" (the group's last choice),
 * null (left blank), or words to type in a note. Ends pressing Send.
 */
async function fillByKeyboard(page, frame, plan, send) {
  await frame.locator("h1").click(); // into the frame, as a click on its title would
  for (const step of plan) {
    await page.keyboard.press("Tab");
    const at = await focused(frame);
    assert.ok(at.ring, `the focus is visible on ${at.name}`);
    if (typeof step === "number") {
      assert.equal(at.value, "0", `a group's Tab stop is its first choice (${at.name})`);
      for (let i = 0; i < step; i++) await page.keyboard.press("ArrowRight");
      if (step === 0) await page.keyboard.press("Space");
    } else if (step === "skip") {
      await page.keyboard.press("ArrowLeft"); // from the first choice round to the last: Skip
    } else if (typeof step === "string") {
      assert.equal(at.tag, "textarea");
      await page.keyboard.type(step);
    }
  }
  await page.keyboard.press("Tab");
  const button = await focused(frame);
  assert.equal(button.name, send);
  assert.ok(button.ring, "the focus is visible on Send");
  await page.keyboard.press("Enter");
}

test("a caregiver's form, by keyboard alone: every item, a skip, a blank, a note; axe finds nothing; FHIR names the author", async () => {
  const { page, form, frame } = await openForm("caregiver", {
    age: 7, locale: "en", childName: "Sam", helperName: "Dr. Rivera", goals: GOALS,
    fhir: true, fhirSubject: "Patient/p-7", fhirAuthor: "RelatedPerson/mum-7",
  });
  assert.deepEqual(await axe(frame, "form"), []);
  assert.equal(await form.locator("h1").innerText(), "How are things going? A parent's or carer's view");
  assert.equal(await form.locator("h2").first().innerText(), "Since the last session, how has Sam been getting on?");
  // Each group is named in full for a screen reader, beside its short visible words.
  const home = form.getByRole("group", { name: "Since the last session, how has Sam been getting on at home?" });
  assert.equal(await home.getByRole("radio").count(), 12);
  assert.equal(await form.getByRole("group", { name: "We feel that Dr. Rivera listens to us." }).count(), 1);
  assert.equal(await form.getByRole("group", { name: "“Make a friend at school”" }).count(), 1);
  // home 7, school blank, peers 0, overall skipped; goals 3 and blank; listened 9, agree 8, fits 4, overall 6; a note.
  await fillByKeyboard(page, frame, [7, null, 0, "skip", 3, null, 9, 8, 4, 6, "He slept badly on Monday."], "Send");
  await until(page, "log.complete.length === 1");
  await form.locator('.done[data-state="sent"]').waitFor();
  assert.equal(await form.locator(".done h1").innerText(), "Thank you. Your answers were sent.");
  assert.deepEqual(await axe(frame, "done"), []);
  const l = await log(page);
  const r = l.complete[0];
  assert.equal(r.mode, "form");
  assert.equal(r.rater, "caregiver");
  const by = Object.fromEntries(r.answers.map((a) => [a.promptId, a]));
  assert.deepEqual(
    Object.values(by).map((a) => [a.promptId, a.skipped ? "skipped" : a.value]),
    [["caregiver.home", 7], ["caregiver.school", "skipped"], ["caregiver.peers", 0], ["caregiver.wellbeing", "skipped"],
      ["caregiver.goal.1", 3], ["caregiver.goal.2", "skipped"], ["caregiver.listened", 9], ["caregiver.agree", 8],
      ["caregiver.fits", 4], ["caregiver.overall", 6], ["caregiver.note", "He slept badly on Monday."]],
  );
  assert.equal(by["caregiver.goal.1"].goalId, "friend");
  // A skip is never a score: not in the total, not in the places.
  assert.equal(r.scores.alliance.total, 27);
  assert.deepEqual(r.scores.wellbeing, { home: 7, school: null, peers: 0, overall: null });
  assert.deepEqual(r.scores.flags.skipped, ["caregiver.school", "caregiver.wellbeing", "caregiver.goal.2"]);
  // The portal heard each change as it was made, and each blank as a skip before the result.
  const heard = l.answers.map((a) => a.promptId);
  assert.ok(heard.indexOf("caregiver.school") > heard.indexOf("caregiver.note"), "blanks are sent on Send");
  // FHIR: the caregiver answered; the child's Goal is pointed at, never rewritten.
  const entries = r.fhir.entry.map((e) => e.resource);
  assert.deepEqual(entries[0].author, { reference: "RelatedPerson/mum-7" });
  assert.deepEqual(entries[0].source, { reference: "RelatedPerson/mum-7" });
  assert.ok(entries[0].questionnaire.includes("/Questionnaire/ally-form-caregiver|"));
  assert.ok(entries.every((e) => e.resourceType !== "Goal"));
  const codes = entries.slice(1).map((o) => o.code.coding[0].code);
  assert.deepEqual(codes, ["caregiver-alliance-total", "wellbeing", "caregiver-goal-progress", "caregiver-goal-progress"]);
  await page.context().close();
});

test("the therapist's form in Spanish, by keyboard alone, and its line kept short", async () => {
  const { page, form, frame } = await openForm("therapist", {
    age: 10, locale: "es", helperName: "Dra. Núñez", helperArticle: "la", goals: GOALS,
  });
  assert.deepEqual(await axe(frame, "es form"), []);
  assert.equal(await form.locator("h1").innerText(), "Su opinión sobre la sesión");
  assert.equal(await form.getByRole("group", { name: "Hoy trabajamos en cosas que le importan a este niño o niña." }).count(), 1);
  const line = form.locator("textarea");
  assert.equal(await line.getAttribute("maxlength"), "160");
  await fillByKeyboard(page, frame, [8, 5, 4, "skip", 9, 9, "Empezó callado y luego se abrió."], "Enviar");
  await until(page, "log.complete.length === 1");
  await form.locator('.done[data-state="sent"]').waitFor();
  assert.equal(await form.locator(".done h1").innerText(), "Gracias. Sus respuestas se enviaron.");
  const r = (await log(page)).complete[0];
  assert.equal(r.rater, "therapist");
  assert.equal(r.locale, "es");
  assert.equal(r.scores.alliance.total, null, "a skipped item leaves no total");
  assert.equal(r.scores.alliance.bond, 4);
  assert.equal(r.scores.wellbeing, null);
  assert.deepEqual(r.scores.goals.map((g) => g.progress), [8, 5]);
  await page.context().close();
});

test("a form reloaded goes on with what was chosen, and a wrong rater is a clear error", async () => {
  const config = { age: 12, goals: GOALS };
  const first = await openForm("caregiver", config, { session: "form-resume" });
  await first.form.getByRole("group", { name: /at home\?$/ }).getByRole("radio", { name: "6", exact: true }).click();
  await first.form.getByRole("group", { name: "“Stay calm when I'm angry”" }).getByRole("radio", { name: "Skip", exact: true }).click();
  await until(first.page, "log.answers.length === 2");
  const kept = (await log(first.page)).answers;
  await first.page.context().close();
  const again = await openForm("caregiver", config, { session: "form-resume", resume: JSON.stringify({ answers: kept }) });
  const home = again.form.getByRole("group", { name: /at home\?$/ });
  assert.equal(await home.locator("input:checked").getAttribute("value"), "6");
  const calm = again.form.getByRole("group", { name: "“Stay calm when I'm angry”" });
  assert.equal(await calm.locator("input:checked").getAttribute("value"), "skip");
  assert.equal(await again.form.locator(".count").innerText(), "1 of 11 answered");
  await again.form.getByRole("button", { name: "Send" }).click();
  await until(again.page, "log.complete.length === 1");
  const r = (await log(again.page)).complete[0];
  assert.equal(r.answers.find((a) => a.promptId === "caregiver.home").value, 6);
  assert.equal(r.answers.find((a) => a.promptId === "caregiver.goal.2").skipped, true);
  // The SDK refuses a rater it doesn't know, by name.
  const thrown = await again.page.evaluate(() => {
    try { Ally.mountForm(document.body, { src: "/", rater: "teacher", config: { age: 7 } }); } catch (e) { return e.message; }
  });
  assert.equal(thrown, "Ally.mountForm: options.rater must be \"caregiver\" or \"therapist\", got \"teacher\"");
  await again.page.context().close();
  // The widget refuses an adult's rater on the child's check, with the field named.
  const page = await newPage();
  await page.goto(hostUrl({ age: 7, rater: "caregiver" }));
  await until(page, "log.errors.length === 1");
  const e = (await log(page)).errors[0];
  assert.deepEqual([e.code, e.field], ["invalid_config", "rater"]);
  await page.context().close();
});

async function openReport(results, options = {}) {
  const page = await newPage({ viewport: { width: 1024, height: 900 } });
  await page.goto(`${PORTAL}/__test/report.html`);
  await page.evaluate(([r, o]) => window.showReport(r, o), [results, options]);
  return { page, report: page.frameLocator("#report iframe") };
}

test("the report sets the child's, the caregiver's and the therapist's ratings side by side and names a gap", async () => {
  const results = [
    checkout([9, 9, 8, 9], 10),
    goalCheckin(3, 5, 10),
    formResult("caregiver", [5, 5, 5, 5, 6, 5, 8, 8, 8, 8], 11),
    formResult("therapist", [8, 5, 4, 9, 9, 9], 10),
  ];
  const { page, report } = await openReport(results);
  const section = report.locator("section.agreement");
  await section.waitFor();
  const gaps = await section.locator(".gaps li").allTextContents();
  assert.deepEqual(gaps, [
    "Goal “Make a friend at school”: the child 3, the caregiver 6, you 8. A gap of 5 points: worth talking over together.",
    "Alliance: bond: the child 9, the caregiver 8, you 4. A gap of 5 points: worth talking over together.",
  ]);
  // Side by side, never averaged: each rater's own number in their own column.
  const friend = section.locator("table.side tbody tr").first();
  assert.deepEqual(
    await friend.locator("td").evaluateAll((cs) => cs.map((c) => [c.dataset.rater, c.firstChild.textContent])),
    [["child", "3"], ["caregiver", "6"], ["therapist", "8"]],
  );
  // Each adult's view has its own summary; the child's trust chart stays the child's.
  await report.locator('[data-rater="caregiver"] .summary').waitFor();
  const said = await report.locator('[data-rater="therapist"] .summary li').allTextContents();
  assert.equal(said[0], "Your alliance total: 31 of 40, below your cutoff of 36");
  assert.equal(await report.locator('[data-chart="trust"] circle.point').count(), 1);
  // The therapist may set another gap.
  await page.context().close();
  const wide = await openReport(results, { agreementGap: 6 });
  await wide.report.locator("section.agreement").waitFor();
  assert.equal(await wide.report.locator("section.agreement .gaps li").count(), 0);
  await wide.page.context().close();
});

test("at 3–5 the caregiver's ratings are the goals' trend line, and the child's pictures are shown as they were", async () => {
  const results = [
    youngGoalCheckout(5, 10, 3),
    formResult("caregiver", [5, 5, 5, 5, 2, 6, 9, 9, 9, 9], 4, 4),
    youngGoalCheckout(5, 0, 10),
    formResult("caregiver", [5, 5, 5, 5, 9, 6, 9, 9, 9, 9], 11, 4),
  ];
  const { page, report } = await openReport(results);
  await report.locator(".trend-note").waitFor();
  const points = await report.locator('[data-chart="goal"][data-goal="friend"] circle.point').evaluateAll((cs) =>
    cs.map((c) => [c.dataset.date, Number(c.dataset.value)]));
  assert.deepEqual(points, [["2026-11-04", 2], ["2026-11-11", 9]]);
  const child = report.locator("section.agreement table.side tbody tr").first().locator('td[data-rater="child"]');
  assert.match(await child.innerText(), /^A little \(a picture, not a number\)/);
  // Three pictures are not a point on 0–10: no gap is named against them.
  assert.equal(await report.locator("section.agreement .gaps li").count(), 0);
  await page.context().close();
});

test("the demo portal opens the grown-ups' forms beside the child's check-out, and its report shows all three", async () => {
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${PORTAL}/demo/`);
  const report = page.frameLocator('iframe[title="Ally report for the therapist"]');
  // Seeded with the child's check-outs and an earlier view of each grown-up's.
  await report.locator("section.agreement").waitFor();
  assert.deepEqual(await report.locator("section.agreement .gaps li").allTextContents(), [
    "Alliance: goals: the child 5, the caregiver 8, you 8. A gap of 3 points: worth talking over together.",
  ]);
  await page.getByRole("button", { name: "Therapist's form" }).click();
  const form = page.frameLocator("#adult-form iframe");
  await form.locator(".form").waitFor();
  await settle(page, "#adult-form iframe");
  await form.getByRole("group", { name: /felt listened to today/ }).getByRole("radio", { name: "3", exact: true }).click();
  // From the keyboard, as the form's own tests send it. A mouse click on Send the
  // moment the page has scrolled to it sometimes reaches the portal's iframe element
  // instead of the form inside it (headless Chromium routing input to a cross-origin
  // frame before its hit-testing has caught up with the scroll), never the form.
  await form.getByRole("button", { name: "Send" }).press("Enter");
  await page.locator("#adult-status").getByText("Your view is in the report.").waitFor();
  await report.locator("section.agreement .gaps li").filter({ hasText: "bond" }).waitFor();
  assert.equal(
    await report.locator("section.agreement .gaps li").filter({ hasText: "bond" }).textContent(),
    "Alliance: bond: the child 7.5, the caregiver 9, you 3. A gap of 6 points: worth talking over together.",
  );
  await page.context().close();
});
