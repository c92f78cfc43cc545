// Makes the README's screenshots in headless Chromium:
//   node tools/screenshots.mjs [--all]   (after ./dev.sh build)
// --all also saves every screen of every band and mode in docs/screenshots/all/ (not committed).
import { mkdir } from "node:fs/promises";
import { start, stop, newPage, settle, PORTAL, WIDGET_FRAME } from "../tests/e2e/support.mjs";

const out = "docs/screenshots";
const GOALS = [{ id: "friend", text: "Make a friend at school", picture: "friends" }, { id: "calm", text: "Stay calm when I'm angry" }];
const all = process.argv.includes("--all");
await mkdir(`${out}/all`, { recursive: true });
await start();
try {
  // The widget inside the demo portal.
  const page = await newPage({ viewport: { width: 1280, height: 960 } });
  await page.goto(`${PORTAL}/demo/?autostart=1&age=7&mode=checkin&childName=Sam`);
  const widget = page.frameLocator('iframe[title="Ally check-in for the child"]');
  await widget.getByRole("button", { name: "Start" }).click();
  await widget.getByRole("button", { name: "Good", exact: true }).click();
  await widget.locator("canvas").waitFor();
  // A drawing in progress: a sun and a smile.
  const stroke = async (points) => {
    // Measured for each stroke: tapping a tool may scroll the page.
    const box = await widget.locator("canvas").boundingBox();
    await page.mouse.move(box.x + box.width * points[0][0], box.y + box.height * points[0][1]);
    await page.mouse.down();
    for (const [x, y] of points.slice(1)) await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 4 });
    await page.mouse.up();
  };
  const circle = (cx, cy, r, from = 0, to = 2 * Math.PI, n = 40) =>
    Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n).map((t) => [cx + r * Math.cos(t), cy + r * 1.43 * Math.sin(t)]);
  await widget.getByRole("button", { name: "Yellow" }).click();
  await widget.getByRole("button", { name: "Thick brush" }).click();
  await stroke(circle(0.5, 0.45, 0.22));
  await widget.getByRole("button", { name: "Black" }).click();
  await widget.getByRole("button", { name: "Thin brush" }).click();
  await stroke(circle(0.42, 0.38, 0.02));
  await stroke(circle(0.58, 0.38, 0.02));
  await stroke(circle(0.5, 0.45, 0.13, 0.2 * Math.PI, 0.8 * Math.PI, 20));
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${out}/demo-portal.png` });
  await page.context().close();

  // Each band, check-in and check-out, on a tablet: the screen the README shows is `pick`.
  const shots = [
    [4, "checkin", 3], [4, "checkout", 1], [7, "checkin", 3], [7, "checkout", 4],
    [10, "checkin", 4], [10, "checkout", 1], [15, "checkin", 3], [15, "checkout", 5],
  ];
  for (const [age, mode, pick] of shots) {
    const p = await newPage({ viewport: { width: 1024, height: 768 } });
    const config = JSON.stringify({ age, mode, childName: "Sam", helperName: "Dr. Rivera", readAloud: "button" });
    await p.goto(`${PORTAL}/__test/host.html?config=${encodeURIComponent(config)}`);
    const w = p.frameLocator(WIDGET_FRAME);
    await p.waitForFunction(() => window.log && window.log.ready.length === 1);
    const steps = await p.evaluate(() => window.log.ready[0].steps.length);
    const shoot = async (name) => {
      await p.waitForTimeout(350);
      await p.locator("iframe").screenshot({ path: name });
    };
    if (all) await shoot(`${out}/all/${age}-${mode}-0-welcome.png`);
    await w.getByRole("button", { name: "Start" }).click();
    for (let n = 1; n <= steps; n++) {
      if (n === pick) await shoot(`${out}/${age}-${mode}.png`);
      if (all) await shoot(`${out}/all/${age}-${mode}-${n}.png`);
      const id = await w.locator("[data-prompt]").getAttribute("data-prompt");
      await w.getByRole("button", { name: id.startsWith("drawing.") ? "No, thanks" : "Skip" }).click();
      await w.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
    }
    if (all) await shoot(`${out}/all/${age}-${mode}-done.png`);
    await p.context().close();
  }

  // The screens that fit what was said: a teen's welcome, a drawing on a
  // landscape tablet, the calm end after a sad face and after a hard
  // check-out, and the help screen.
  const special = [
    ["15-welcome", { age: 15, mode: "checkout" }, []],
    ["4-drawing", { age: 4, mode: "checkout" }, ["Start", "Yes", "Yes", "Yes"]],
    ["7-calm-end", { age: 7, mode: "checkin" }, ["Start", "Not good", "No, thanks", "Sad", "Next", "Medium", "Maybe later"]],
    ["7-calm-checkout", { age: 7, mode: "checkout" }, ["Start", "No", "Not really", "Kind of", "No", "No, thanks"]],
    ["12-help", { age: 12, mode: "checkout", helpLines: [{ label: "Crisis line", phone: "988", text: "call or text, any time" }] },
      ["Start", "I'd like to talk to someone now"]],
    // The child's own goals, rated on each band's scale.
    ["4-goal", { age: 4, mode: "checkin", goals: GOALS }, ["Start", "Skip", "Skip", "Skip"]],
    ["7-goal", { age: 7, mode: "checkin", goals: GOALS }, ["Start", "Skip", "No, thanks", "Skip", "Skip", "Skip"]],
    ["15-goal", { age: 15, mode: "checkin", goals: GOALS }, ["Start", "Skip", "No, thanks", "Skip", "Skip", "Skip"]],
    // Naming goals (goals.html): pictures at 3–8, the child's own words from 9.
    ["4-naming", { age: 4, mode: "goals" }, ["Start"]],
    ["7-naming", { age: 7, mode: "goals" }, ["Start"]],
    ["15-naming", { age: 15, mode: "goals" }, ["Start", "Sleep without being scared"]],
    // What to do next time, at the end of a check-out with goals.
    ["4-next-time", { age: 4, mode: "checkout", goals: [{ ...GOALS[0], picture: "friends" }, GOALS[1]] }, ["Start", "Skip", "Skip", "Skip"]],
    ["15-next-time", { age: 15, mode: "checkout", goals: GOALS }, ["Start", "Skip", "Skip", "Skip", "Skip", "Skip", "Skip"]],
  ];
  for (const [name, extra, taps] of special) {
    const p = await newPage({ viewport: { width: 1024, height: 768 } });
    const config = JSON.stringify({ childName: "Sam", helperName: "Dr. Rivera", readAloud: "button", ...extra });
    await p.goto(`${PORTAL}/__test/host.html?config=${encodeURIComponent(config)}`);
    const w = p.frameLocator(WIDGET_FRAME);
    await p.waitForFunction(() => window.log && window.log.ready.length === 1);
    for (const t of taps) {
      const before = await w.locator("section").first().getAttribute("data-prompt");
      await w.getByRole("button", { name: t, exact: true }).click();
      // Some taps stay on the screen: a feeling picked, a starter filling the field.
      if (before && t !== "Sad" && !name.endsWith("-naming")) await w.locator(`section[data-prompt="${before}"]`).waitFor({ state: "detached" });
    }
    await p.waitForTimeout(700);
    await p.locator("iframe").screenshot({ path: `${out}/${name}.png` });
    await p.context().close();
  }

  // The adults' forms: a caregiver on a desktop, part filled; the therapist
  // in Spanish on a phone.
  const forms = [
    ["form-caregiver", "caregiver", { age: 7, locale: "en", childName: "Sam", helperName: "Dr. Rivera" }, { width: 900, height: 1500 },
      [["at home", "7"], ["at school or preschool", "Skip"], ["with other children", "4"], ["Make a friend at school", "6"]]],
    ["form-therapist-es", "therapist", { age: 10, locale: "es" }, { width: 390, height: 1400 },
      [["Make a friend at school", "8"], ["Stay calm when I'm angry", "5"]]],
  ];
  for (const [name, rater, config, viewport, picks] of forms) {
    const p = await newPage({ viewport });
    await p.goto(`${PORTAL}/__test/host.html?rater=${rater}&config=${encodeURIComponent(JSON.stringify({ ...config, goals: GOALS }))}`);
    const f = p.frameLocator("#ally iframe");
    await f.locator(".form").waitFor();
    for (const [group, choice] of picks) {
      await f.locator("fieldset").filter({ hasText: group }).getByRole("radio", { name: choice, exact: true }).check();
    }
    await settle(p, "#ally iframe");
    await p.locator("#ally iframe").screenshot({ path: `${out}/${name}.png` });
    await p.context().close();
  }

  // The therapist's report, in each language: a 10-year-old's sessions,
  // with a caregiver's and the therapist's own view beside the child's.
  const { checkout, goalCheckin, formResult } = await import("../tests/e2e/results.mjs");
  const sessions = [goalCheckin(2, 3, 6, 3), checkout([10, 9, 10, 9], 6), goalCheckin(4, 4, 13, 2), checkout([9, 9, 8, 9], 13),
    goalCheckin(6, 2, 20, 1), checkout([8, 7, 8, 7], 20), goalCheckin(5, "retired", 27, 1), checkout([8, null, 7, 8], 27),
    formResult("caregiver", [6, 4, 3, 5, 8, 5, 8, 8, 7, 8], 26), formResult("therapist", [6, 6, 9, 8, 8, 9], 27)];
  for (const locale of ["en", "es"]) {
    // Tall enough for the whole report: a cross-origin frame paints only what is in view.
    const p = await newPage({ viewport: { width: 1000, height: 4200 } });
    await p.goto(`${PORTAL}/__test/report.html`);
    await p.evaluate(([r, l]) => window.showReport(r, { locale: l }), [sessions, locale]);
    const report = p.frameLocator("#report iframe");
    await report.locator('[data-chart="trust"] circle.point').nth(2).waitFor();
    await settle(p, "#report iframe");
    await p.locator("#report iframe").screenshot({ path: `${out}/report-${locale}.png` });
    await p.context().close();
  }
} finally {
  await stop();
}
console.log(`screenshots in ${out}/`);
