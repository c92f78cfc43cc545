// End-to-end: a real portal app. React 19 in StrictMode, built by Vite
// against the ally-embed tarball (tests/package/ builds it), under the
// portal-side Content-Security-Policy: the element and mount() each leave
// one iframe after StrictMode's double mount, say ready once, complete a
// check-in once, and go away and come back with the portal's own state.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { start, stop, newPage, log, child, heard, iframes, answerQuickly, PORTAL } from "./support.mjs";

before(() => {
  if (!existsSync(new URL("../../test-results/portal/index.html", import.meta.url))) {
    throw new Error("the React portal is not built: run `node --test tests/package/` after the build first (./dev.sh test does)");
  }
  return start();
});
after(stop);

for (const via of ["element", "mount"]) {
  test(`React 19 in StrictMode, through ${via === "element" ? "<ally-checkin>" : "mount() in an effect"}: one iframe, one ready, one result; hidden and shown again, one iframe`, async () => {
    const page = await newPage();
    const violations = [];
    page.on("console", (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
    await page.goto(`${PORTAL}/__portal/?via=${via}`);
    await heard(page, "ready", 1);
    assert.equal(await iframes(page), 1, "StrictMode's double mount leaves one iframe");
    // A render with an equal new config is not a new check.
    await page.getByRole("button", { name: /Render again/ }).click();
    await page.getByRole("button", { name: "Render again (1)" }).waitFor();
    const widget = page.frameLocator("iframe");
    const { steps } = (await log(page)).ready[0];
    await child(widget).tap("Start");
    await answerQuickly(widget, steps.length);
    await heard(page, "complete", 1);
    await widget.getByText(/Your answers were sent, so Sam can see them/).waitFor();
    let l = await log(page);
    assert.equal(l.ready.length, 1, "one ready");
    assert.deepEqual(l.complete[0].answers.map((a) => a.promptId), steps);
    if (via === "element") assert.equal(l.complete[0].session, "react-visit-1", "React sets session as a property");
    assert.deepEqual(l.answer.map((a) => a.promptId), steps, "each answer heard once");
    assert.deepEqual(l.error, []);
    // The portal hides it (React removes the node) and shows it again (a new one).
    await page.getByRole("button", { name: "Hide the check-in" }).click();
    await page.waitForFunction(() => document.querySelectorAll("iframe").length === 0);
    await page.getByRole("button", { name: "Show the check-in" }).click();
    await heard(page, "ready", 2);
    assert.equal(await iframes(page), 1);
    l = await log(page);
    assert.equal(l.complete.length, 1);
    assert.deepEqual(violations, [], "nothing the portal's policy refuses");
    await page.context().close();
  });
}
