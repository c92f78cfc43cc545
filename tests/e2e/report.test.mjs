// End-to-end: the therapist's report, mounted by the SDK from the widget's
// origin under the same strict CSP, fed earlier results and a live check-in.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, stop, newPage, PORTAL, WIDGET } from "./support.mjs";
import { checkout, checkin, goalCheckin } from "./results.mjs";

before(start);
after(stop);

const AXE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
// The chart's geometry (src/report_ui/chart.rs): 0–max drawn from y 174 (bottom) to 10 (top).
const yOf = (v, max) => 10 + (200 - 10 - 26) * (1 - v / max);

async function openReport(results, options = {}, query = "") {
  const page = await newPage({ viewport: { width: 1024, height: 900 } });
  await page.goto(`${PORTAL}/__test/report.html${query}`);
  await page.evaluate(([r, o]) => window.showReport(r, o), [results, options]);
  const report = page.frameLocator("#report iframe");
  const frame = () => page.frames().find((f) => f.url().startsWith(`${WIDGET}/report.html`));
  return { page, report, frame };
}

const points = (report, chart) =>
  report.locator(`[data-chart="${chart}"] circle.point`).evaluateAll((cs) =>
    cs.map((c) => ({ value: Number(c.dataset.value), cy: Number(c.getAttribute("cy")), date: c.dataset.date })));

test("N results give N points at their values, the cutoff line at the configured value, and a mark where it dropped", async () => {
  const results = [checkout([10, 9, 10, 9], 6), checkout([8, 7, 8, 7], 13), checkout([9, 9, 8, 9], 20), checkin(3, 6), checkin(1, 13)];
  const { page, report } = await openReport(results, { allianceCutoff: 32 });
  await report.locator('[data-chart="trust"] circle.point').nth(2).waitFor();
  const trust = await points(report, "trust");
  assert.deepEqual(trust.map((p) => [p.date, p.value]), [["2026-11-06", 38], ["2026-11-13", 30], ["2026-11-20", 35]]);
  for (const p of trust) assert.ok(Math.abs(p.cy - yOf(p.value, 40)) < 0.11, `${p.value} drawn at ${p.cy}`);
  const mood = await points(report, "mood");
  assert.deepEqual(mood.map((p) => p.value), [7.5, 2.5]);
  for (const p of mood) assert.ok(Math.abs(p.cy - yOf(p.value, 10)) < 0.11);
  const cutoff = report.locator('[data-chart="trust"] line.cutoff');
  assert.equal(await cutoff.getAttribute("data-value"), "32");
  assert.ok(Math.abs(Number(await cutoff.getAttribute("y1")) - yOf(32, 40)) < 0.11);
  assert.equal(await report.locator('[data-chart="trust"] .drop-mark').count(), 1, "one drop: 38 → 30");
  // The same numbers for screen readers, and a visible legend.
  const rows = await report.locator('[data-chart="trust"] table tbody tr').allTextContents();
  assert.equal(rows.length, 3);
  await report.getByText("Your cutoff: 32").waitFor();
  // The plain words of the latest check-out.
  const said = await report.locator('[data-mode="checkout"] .summary li').allTextContents();
  assert.equal(said[0], "Trust total 35 of 40, at or above your cutoff of 32");
  assert.equal(said[1], "5 higher than last session");
  await page.context().close();
});

test("a skipped item shows as skipped, and a missing total says why", async () => {
  const { page, report } = await openReport([checkout([9, null, 9, 9], 20)]);
  const row = report.locator('[data-mode="checkout"] tr[data-prompt="trust.what_matters"]');
  await row.waitFor();
  assert.equal(await row.locator(".answer").textContent(), "Skipped");
  assert.match(await row.getAttribute("class"), /skipped/);
  const said = await report.locator('[data-mode="checkout"] .summary li').allTextContents();
  assert.equal(said[0], "No trust total: only 3 of 4 trust questions answered");
  assert.equal(await report.locator('[data-chart="trust"] circle.point').count(), 0, "no point, never a zero");
  await page.context().close();
});

test("a malformed or forged session is listed as unreadable while the others render, and the portal hears why", async () => {
  const forged = checkout([5, 5, 5, 5], 13);
  forged.scores.alliance.total = 40;
  const results = [checkout([10, 9, 10, 9], 6), "not a result", forged, { schema: "ally.result/9" }, checkout([9, 9, 9, 9], 20)];
  const { page, report } = await openReport(results, {}, "?malformed=add");
  await report.locator(".unreadable li").nth(2).waitFor();
  const listed = await report.locator(".unreadable li").allTextContents();
  assert.deepEqual(listed, [
    "Could not read result 2: not a result document: not an object",
    "Could not read result 3 (session “visit-2026-11-13”): its scores don't follow from its answers",
    "Could not read result 4: unknown schema \"ally.result/9\"",
  ]);
  assert.deepEqual((await points(report, "trust")).map((p) => p.value), [38, 36]);
  const errors = await page.evaluate(() => window.log.errors);
  assert.deepEqual(errors.map((e) => [e.code, e.field, e.result]), [
    ["bad_message", "result", { index: 1 }],
    ["bad_message", "result", { index: 2, session: "visit-2026-11-13" }],
    ["bad_message", "result", { index: 3 }],
  ]);
  await page.context().close();
});

test("a check-in in progress shows answer by answer, then its result joins the sessions", async () => {
  const config = encodeURIComponent(JSON.stringify({ age: 10, mode: "checkin" }));
  const { page, report } = await openReport([checkin(3, 13)], {}, `?config=${config}`);
  const widget = page.frameLocator("#ally iframe");
  await widget.getByRole("button", { name: "Start", exact: true }).click();
  await widget.getByRole("button", { name: "Not good", exact: true }).click();
  const live = report.locator('.live li[data-prompt="mood.now"]');
  await live.waitFor();
  assert.match(await live.textContent(), /How do you feel right now\?\s*Not good/);
  await widget.getByRole("button", { name: "No, thanks", exact: true }).click();
  await report.locator('.live li[data-prompt="drawing.feel"]').waitFor();
  // Asked in other words at each band: the live view uses this check-in's band (9-12), from onReady.
  await widget.locator('[data-prompt="feelings.which"]').waitFor();
  await widget.getByRole("button", { name: "Skip", exact: true }).click();
  const feelings = report.locator('.live li[data-prompt="feelings.which"]');
  await feelings.waitFor();
  assert.match(await feelings.textContent(), /^Which feelings do you have\? Pick all that fit\.\s*Skipped/);
  for (let i = 0; i < 2; i++) {
    await widget.locator("[data-prompt]").waitFor();
    await widget.getByRole("button", { name: "Skip", exact: true }).click();
  }
  await page.waitForFunction(() => window.log.complete.length === 1);
  await report.locator(".live").waitFor({ state: "detached" });
  assert.deepEqual((await points(report, "mood")).map((p) => p.value), [7.5, 2.5]);
  await page.context().close();
});

test("axe finds nothing in English and in Spanish", async () => {
  const results = [checkout([10, 9, 10, 9], 6), checkout([8, 7, 8, 7], 13), checkin(3, 13), { schema: "x" }];
  for (const locale of ["en", "es"]) {
    const { page, report, frame } = await openReport(results, { locale }, "?malformed=add");
    await report.locator('[data-chart="trust"] circle.point').nth(1).waitFor();
    await frame().waitForFunction((l) => document.documentElement.lang === l, locale);
    await frame().evaluate(AXE);
    const result = await frame().evaluate(() => axe.run(document, { resultTypes: ["violations"] }));
    const problems = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(problems, [], `${locale}: ${problems.join("\n")}`);
    await page.context().close();
  }
});

test("the print layout is one page on A4 and on Letter", async () => {
  const results = [];
  for (let w = 0; w < 12; w++) results.push(checkout([10 - (w % 3), 9, 8 + (w % 2), 9], 1 + w * 2), checkin(w % 5, 1 + w * 2));
  const { page, report } = await openReport(results);
  await report.locator('[data-chart="trust"] circle.point').nth(11).waitFor();
  await page.emulateMedia({ media: "print" });
  // The report reports its print height, and the portal sizes its frame to it.
  await page.waitForFunction(() => {
    const f = document.querySelector("#report iframe");
    return f && f.getBoundingClientRect().height < 1000;
  });
  for (const format of ["A4", "Letter"]) {
    const pdf = (await page.pdf({ format, printBackground: true })).toString("latin1");
    const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) || []).length;
    assert.equal(pages, 1, `${format}: ${pages} pages`);
  }
  await page.context().close();
});

test("each goal has a chart of its own, titled in the child's words, with a fall marked and a goal set aside shown as such", async () => {
  const results = [goalCheckin(8, 3, 20), goalCheckin(4, "retired", 27), goalCheckin(6, 5, 13), checkout([9, 9, 9, 9], 13)];
  const { page, report } = await openReport(results);
  await report.locator('[data-chart="goal"][data-goal="friend"] circle.point').nth(2).waitFor();
  const caption = await report.locator('[data-chart="goal"][data-goal="friend"] figcaption').innerText();
  assert.equal(caption, "Goal: “Make a friend at school” (0 not started, 10 there)");
  const friend = await report.locator('[data-chart="goal"][data-goal="friend"] circle.point').evaluateAll((cs) =>
    cs.map((c) => [c.dataset.date, Number(c.dataset.value), Number(c.getAttribute("cy"))]));
  assert.deepEqual(friend.map(([d, v]) => [d, v]), [["2026-11-13", 6], ["2026-11-20", 8], ["2026-11-27", 4]]);
  for (const [, v, cy] of friend) assert.ok(Math.abs(cy - yOf(v, 10)) < 0.11, `${v} drawn at ${cy}`);
  // 8 → 4 is a fall beyond the noise of rating a goal twice; 5 → 3 is not.
  assert.equal(await report.locator('[data-chart="goal"][data-goal="friend"] .drop-mark').count(), 1);
  assert.equal(await report.locator('[data-chart="goal"][data-goal="calm"] .drop-mark').count(), 0);
  const calm = report.locator('[data-chart="goal"][data-goal="calm"]');
  assert.equal(await calm.locator("circle.point").count(), 2, "set aside is no value");
  assert.equal(await calm.locator("text.gap.retired").textContent(), "set aside");
  assert.match(await calm.locator(".legend").innerText(), /a fall of at least 2\.82/, "the threshold as it is, never rounded");
  // The session's own words say it too.
  const text = await report.locator("main").innerText();
  assert.match(text, /Goal “Make a friend at school”: 4 of 10, 4 lower than last time/);
  assert.match(text, /Goal “Stay calm when I'm angry”: the child said this is not their goal any more/);
  await page.context().close();
});
