// End-to-end accessibility: axe-core on every screen of every band × mode ×
// locale, and every flow finished with the keyboard alone, with the focus
// visible. (Touch targets in three viewports: screens.test.mjs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, stop, openHost, log, until, WIDGET } from "./support.mjs";

before(start);
after(stop);

const AXE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const AGES = { "3-5": 4, "6-8": 7, "9-12": 10, "13-17": 15 };
const WORDS = {
  en: { start: "Start", skip: "Skip", decline: "No, thanks" },
  es: { start: "Empezar", skip: "Saltar", decline: "No, gracias" },
};
/** Skip, or "No, thanks" on an invitation to draw. */
const skipWord = (w, id) => (id.startsWith("drawing.") ? w.decline : w.skip);
const widgetFrame = (page) => page.frames().find((f) => f.url().startsWith(WIDGET));

/** Visits every screen of a flow (skipping each question) and calls `visit` on each. */
async function walk(page, widget, locale, visit) {
  const w = WORDS[locale];
  await until(page, "log.ready.length === 1");
  await visit("welcome");
  await widget.getByRole("button", { name: w.start, exact: true }).click();
  for (let n = 0; n < 20; n++) {
    const prompt = widget.locator("[data-prompt]");
    const done = widget.locator("section.done");
    await prompt.or(done).first().waitFor();
    if (await done.count()) break;
    const id = await prompt.getAttribute("data-prompt");
    await visit(id);
    await widget.getByRole("button", { name: skipWord(w, id), exact: true }).click();
    await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
  }
  await visit("done");
}

for (const [band, age] of Object.entries(AGES)) {
  for (const mode of ["checkin", "checkout"]) {
    test(`axe finds nothing on any screen: ${band} ${mode}, English and Spanish`, async () => {
      for (const locale of ["en", "es"]) {
        // Screens are checked at rest: a screen fading in would read as low contrast.
        const { page, widget } = await openHost({ age, mode, locale, helperName: "Dr. Rivera" }, {}, { reducedMotion: "reduce" });
        const frame = widgetFrame(page);
        await frame.evaluate(AXE); // (evaluate bypasses the page's CSP, which forbids this script)
        const problems = [];
        let screens = 0;
        await walk(page, widget, locale, async (screen) => {
          screens += 1;
          const result = await frame.evaluate(() =>
            axe.run(document, { resultTypes: ["violations"], rules: { region: { enabled: false } } }),
          );
          for (const v of result.violations) {
            problems.push(`${locale} ${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
          }
        });
        assert.ok(screens >= 4, `walked ${screens} screens`);
        assert.deepEqual(problems, [], problems.join("\n"));
        await page.context().close();
      }
    });
  }
}

/** Presses Tab until the focused element in the widget matches, then returns it. */
async function tabTo(page, frame, selector, name) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const hit = await frame.evaluate(([selector, name]) => {
      const el = document.activeElement;
      if (!el || !el.matches(selector)) return null;
      const label = el.getAttribute("aria-label") || el.textContent.trim();
      if (name && label !== name) return null;
      const style = getComputedStyle(el);
      return { label, outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 };
    }, [selector, name]);
    if (hit) return hit;
  }
  throw new Error(`could not reach ${selector} ${name || ""} with Tab`);
}

test("keyboard alone finishes every flow, with the focus always visible", async () => {
  for (const [band, age] of Object.entries(AGES)) {
    for (const mode of ["checkin", "checkout"]) {
      const { page, widget } = await openHost({ age, mode });
      const frame = widgetFrame(page);
      await until(page, "log.ready.length === 1");
      const press = async (selector, name, key = "Enter") => {
        const hit = await tabTo(page, frame, selector, name);
        assert.ok(hit.outline, `${band} ${mode}: focus is visible on ${hit.label}`);
        await page.keyboard.press(key);
      };
      await press("button", "Start");
      for (let n = 0; n < 20; n++) {
        const prompt = widget.locator("[data-prompt]");
        const done = widget.locator("section.done");
        await prompt.or(done).first().waitFor();
        if (await done.count()) break;
        const id = await prompt.getAttribute("data-prompt");
        const kind = await prompt.evaluate((el) => [...el.classList].find((c) => c.startsWith("input-")));
        if (kind === "input-line") {
          await tabTo(page, frame, "[role=slider]");
          await page.keyboard.press("End");
          await press("button", "Next");
        } else if (kind === "input-feelings") {
          await press("button.feeling", null, "Space");
          if (await widget.getByRole("button", { name: "Next" }).count()) await press("button", "Next");
        } else if (kind === "input-drawing") {
          await press("button", "No, thanks");
        } else {
          await press("button.face-button, button.choice", null);
        }
        await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
      }
      await until(page, "log.complete.length === 1");
      const r = (await log(page)).complete[0];
      assert.ok(r.answers.some((a) => !a.skipped), `${band} ${mode}: answered by keyboard`);
      assert.equal(r.answers.filter((a) => a.kind === "line").every((a) => a.value === 10), true, "End puts the line at 10");
      await page.context().close();
    }
  }
});
