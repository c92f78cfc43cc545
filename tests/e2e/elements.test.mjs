// End-to-end: Ally as custom elements in a plain HTML portal under the
// portal-side Content-Security-Policy the README gives. <ally-checkin>,
// <ally-form> and <ally-report>: one iframe, typed `ally-*` events, the
// portal's focus kept, heights within min-height and max-height, removal
// that tears the widget down and re-insertion that resumes where the child
// was, with one result however often it comes and goes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, newPage, log, settle, child, heard, iframes, answerQuickly, PORTAL, WIDGET } from "./support.mjs";
import { checkout } from "./results.mjs";

before(start);
after(stop);

/** Opens the plain HTML portal with the element `tag` and its attributes and properties. */
async function openElement({ tag = "ally-checkin", attrs, props, params = {} } = {}) {
  const page = await newPage();
  const q = new URLSearchParams({ csp: "portal", tag, ...params });
  if (attrs) q.set("attrs", JSON.stringify(attrs));
  if (props) q.set("props", JSON.stringify(props));
  await page.goto(`${PORTAL}/__test/elements.html?${q}`);
  return { page, widget: page.frameLocator(`${tag} iframe`) };
}

test("<ally-checkin> in plain HTML under the portal's CSP: one iframe, typed events, the portal keeps its focus, one result", async () => {
  const { page, widget } = await openElement();
  await heard(page, "ready", 1);
  assert.equal(await iframes(page), 1);
  assert.equal(await page.evaluate(() => document.activeElement.id), "search", "mounting took no focus from the portal");
  const { steps, mode } = (await log(page)).ready[0];
  assert.equal(mode, "checkin");
  await child(widget).tap("Start");
  await answerQuickly(widget, steps.length);
  await heard(page, "complete", 1);
  await widget.getByText(/Your answers were sent/).waitFor();
  const l = await log(page);
  assert.equal(l.complete[0].schema, "ally.result/1");
  assert.deepEqual(l.complete[0].answers.map((a) => a.promptId), steps);
  assert.equal(l.complete[0].scores.mood, 10);
  assert.deepEqual(l.answer.map((a) => a.promptId), l.complete[0].answers.map((a) => a.promptId), "one ally-answer per answer");
  assert.ok(l.events.every((e) => e.custom && !e.bubbles), "CustomEvents on the element only: nothing of the child bubbles to the page");
  assert.deepEqual([...new Set(l.events.map((e) => e.type))].sort(), ["ally-answer", "ally-complete", "ally-ready", "ally-resize"]);
  assert.deepEqual(l.violations, [], "nothing the portal's policy refuses");
  assert.equal(l.error.length, 0);
  // focus() moves the keyboard into the widget.
  await page.evaluate(() => window.element.focus());
  assert.equal(await page.evaluate(() => document.activeElement === window.element.querySelector("iframe")), true);
  await page.context().close();
});

test("removed, the element tears its widget down; put back, it resumes the same session where the child was, and its result comes once", async () => {
  const { page, widget } = await openElement();
  await heard(page, "ready", 1);
  const session = await page.evaluate(() => window.element.session);
  const { steps } = (await log(page)).ready[0];
  await child(widget).tap("Start");
  await answerQuickly(widget, 2);
  await heard(page, "answer", 2);
  await page.evaluate(() => window.element.remove());
  await page.waitForFunction(() => window.element.handle === null);
  assert.equal(await iframes(page), 0, "no widget left behind");
  // Back in another place of the page: the same session, at question 3.
  await page.evaluate(() => document.getElementById("aside").appendChild(window.element));
  await heard(page, "ready", 2);
  assert.equal(await page.evaluate(() => window.element.session), session);
  assert.equal(await iframes(page), 1);
  await widget.locator(`[data-prompt="${steps[2]}"]`).waitFor();
  await answerQuickly(widget, steps.length - 2);
  await heard(page, "complete", 1);
  await widget.getByText(/Your answers were sent/).waitFor();
  // Once more, after the end: the widget says its result again, and the portal hears it once.
  await page.evaluate(() => window.element.remove());
  await page.waitForFunction(() => window.element.handle === null);
  await page.evaluate(() => document.getElementById("place").appendChild(window.element));
  await heard(page, "ready", 3);
  await widget.getByText(/Your answers were sent/).waitFor();
  const l = await log(page);
  assert.equal(l.complete.length, 1, "one ally-complete");
  assert.deepEqual(l.complete[0].answers.map((a) => a.promptId), steps);
  assert.deepEqual(l.complete[0].answers.slice(0, 2), l.answer.slice(0, 2), "the answers before the removal are the ones kept");
  assert.equal(l.complete[0].session, session);
  assert.equal(await iframes(page), 1);
  await page.context().close();
});

test("attributes and properties: a config object, a locale and an age; a changed age is a new check", async () => {
  const { page } = await openElement({ attrs: { locale: "es", age: "10" }, props: { config: { age: 5, helperName: "Dr. Rivera", mode: "checkout" } } });
  await heard(page, "ready", 1);
  let l = await log(page);
  assert.deepEqual([l.ready[0].locale, l.ready[0].ageBand, l.ready[0].mode], ["es", "9-12", "checkout"], "attributes win over the config's");
  const first = await page.evaluate(() => window.element.session);
  await page.evaluate(() => window.element.setAttribute("age", "15"));
  await heard(page, "ready", 2);
  l = await log(page);
  assert.equal(l.ready[1].ageBand, "13-17");
  assert.notEqual(await page.evaluate(() => window.element.session), first, "a new check, a new session");
  assert.equal(await iframes(page), 1);
  await page.context().close();
});

test("autofocus: the keyboard's focus goes into the widget once it is ready, and only then", async () => {
  const { page } = await openElement({ attrs: { age: "9", autofocus: "" } });
  await heard(page, "ready", 1);
  await page.waitForFunction(() => document.activeElement === window.element.querySelector("iframe"));
  await page.context().close();
});

test("a wrong setting reaches ally-error, and a portal that does not listen for ally-attention is told", async () => {
  let { page } = await openElement({ attrs: { age: "8", "ready-timeout": "soon" } });
  await heard(page, "error", 1);
  let l = await log(page);
  assert.equal(l.error[0].code, "invalid_config");
  assert.match(l.error[0].message, /readyTimeout/);
  assert.equal(await iframes(page), 0);
  await page.context().close();

  // `malformed`: a config wrong on purpose is left out of the protocol's recording.
  ({ page } = await openElement({ attrs: { age: "8", mode: "sometimes" }, params: { malformed: "init" } }));
  await heard(page, "error", 1);
  assert.equal((await log(page)).error[0].code, "invalid_config");
  await page.context().close();

  const opened = await openElement({ attrs: { age: "14", "helper-name": "x" }, props: { config: { helperName: "Sam" } }, params: { attention: "none" } });
  await child(opened.widget).tap("Start");
  await child(opened.widget).tap("I'd like to talk to someone now");
  await heard(opened.page, "error", 1);
  l = await log(opened.page);
  assert.equal(l.error[0].code, "attention_unheard");
  assert.match(l.error[0].message, /ally-attention on <ally-checkin>/);
  assert.equal(await opened.widget.getByRole("status").textContent(), "Telling Sam now…", "never told the helper knows");
  await opened.page.context().close();
});

test("ally-attention is heard on the element, and the child is told the helper knows", async () => {
  const { page, widget } = await openElement({ attrs: { age: "14" }, props: { config: { helperName: "Sam" } } });
  await child(widget).tap("Start");
  await child(widget).tap("I'd like to talk to someone now");
  await heard(page, "attention", 1);
  assert.equal((await log(page)).attention[0].reason, "asked_for_help");
  await widget.getByText("Done: Sam has been told you want to talk.").waitFor();
  await page.context().close();
});

test("height follows the widget within min-height and max-height; beyond max-height it scrolls inside its frame", async () => {
  const { page, widget } = await openElement({ attrs: { age: "8", "max-height": "300" } });
  await heard(page, "ready", 1);
  await page.waitForFunction(() => window.log.resize.length > 0);
  await settle(page, "ally-checkin iframe");
  const height = () => page.evaluate(() => window.element.querySelector("iframe").getBoundingClientRect().height);
  const wants = async () => (await log(page)).resize.at(-1);
  assert.ok((await wants()) > 300, "the widget needs more than 300 px");
  assert.equal(await height(), 300);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(await frame.evaluate(() => document.scrollingElement.scrollHeight > innerHeight), "the rest scrolls inside the frame");
  await widget.getByRole("button", { name: "Start" }).waitFor();
  await page.evaluate(() => { window.element.removeAttribute("max-height"); window.element.setAttribute("min-height", "2000"); });
  await page.waitForFunction(() => window.element.querySelector("iframe").getBoundingClientRect().height === 2000);
  await page.evaluate(() => window.element.removeAttribute("min-height"));
  assert.equal(await height(), await wants(), "its own height again");
  // A bound set on the mounted widget holds at its next resize too; a new label is its frame's title.
  await page.evaluate(() => { window.element.setAttribute("max-height", "250"); window.element.setAttribute("label", "Sam's check-in"); });
  assert.equal(await height(), 250);
  const resized = (await log(page)).resize.length;
  await child(widget).tap("Start");
  await page.waitForFunction((n) => window.log.resize.length > n, resized);
  await settle(page, "ally-checkin iframe");
  assert.equal(await height(), 250);
  assert.equal(await page.evaluate(() => window.element.querySelector("iframe").title), "Sam's check-in");
  assert.equal((await log(page)).ready.length, 1, "a size or a label is not a new check");
  await page.context().close();
});

test("a resume given as a property counts once; other results are another report, without what was added to the last", async () => {
  let { page, widget } = await openElement({ attrs: { age: "9" } });
  await heard(page, "ready", 1);
  await child(widget).tap("Start");
  const first = await widget.locator("[data-prompt]").getAttribute("data-prompt");
  await child(widget).tap(first === "mood.now" ? "Great" : "Skip");
  await heard(page, "answer", 1);
  const saved = await page.evaluate(() => window.element.handle.resumeState());
  await page.context().close();

  // The portal's page loaded again: the same session and the answers it kept.
  ({ page, widget } = await openElement({ attrs: { age: "9", session: "visit-77" }, props: { resume: saved } }));
  await heard(page, "ready", 1);
  await widget.locator(`[data-prompt="${first}"]`).waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => window.element.handle.answers().length), 1, "resumed");
  // Another child's check-in on the same element: nothing of the first comes back.
  await page.evaluate(() => { window.element.setAttribute("session", "visit-78"); });
  await heard(page, "ready", 2);
  assert.equal(await page.evaluate(() => window.element.handle.answers().length), 0, "not resumed again");
  assert.equal(await page.evaluate(() => window.element.session), "visit-78");
  await page.context().close();

  const opened = await openElement({ tag: "ally-report", attrs: {}, props: { results: [checkout([8, 8, 9, 9], 6)] } });
  const rows = opened.widget.locator('[data-chart="trust"] table tbody tr');
  await rows.nth(0).waitFor({ state: "attached" });
  await opened.page.evaluate((r) => window.element.add(r), checkout([7, 7, 7, 7], 13));
  await rows.nth(1).waitFor({ state: "attached" });
  await opened.page.evaluate((r) => { window.element.results = [r]; }, checkout([5, 5, 5, 5], 20));
  await heard(opened.page, "ready", 2);
  await opened.widget.locator('[data-chart="trust"] circle.point').first().waitFor({ state: "attached" });
  assert.deepEqual(await opened.widget.locator('[data-chart="trust"] circle.point').evaluateAll((cs) => cs.map((c) => Number(c.dataset.value))), [20]);
  await opened.page.context().close();
});

test("<ally-form> and <ally-report>: the caregiver's form, and the report of results given as a property, with add()", async () => {
  let { page, widget } = await openElement({ tag: "ally-form", attrs: { rater: "caregiver", age: "9" } });
  await heard(page, "ready", 1);
  assert.equal((await log(page)).ready[0].mode, "form");
  await widget.locator(".form").waitFor();
  assert.match(await page.evaluate(() => window.element.querySelector("iframe").src), /\/form\.html\?/);
  await page.context().close();

  const results = [checkout([8, 8, 9, 9], 6), checkout([6, 7, 7, 6], 13)];
  ({ page, widget } = await openElement({ tag: "ally-report", attrs: {}, props: { results } }));
  await heard(page, "ready", 1);
  assert.equal((await log(page)).ready[0].page, "report");
  const rows = widget.locator('[data-chart="trust"] table tbody tr');
  const attached = { state: "attached" };
  await rows.nth(1).waitFor(attached);
  await page.evaluate((r) => window.element.add(r), checkout([9, 9, 9, 9], 20));
  await rows.nth(2).waitFor(attached);
  // Given again as a longer list: the new one joins in place, nothing is shown twice.
  await page.evaluate((r) => { window.element.results = window.element.results.concat([r]); }, checkout([5, 5, 5, 5], 27));
  await rows.nth(3).waitFor(attached);
  assert.equal(await rows.count(), 4);
  const l = await log(page);
  assert.equal(l.ready.length, 1, "the same report all along");
  assert.deepEqual(l.error, []);
  // A report given a result the moment it is made, before it has mounted, shows it too.
  await page.evaluate(([src, first, second]) => {
    document.getElementById("place").replaceChildren();
    const el = document.createElement("ally-report");
    el.setAttribute("src", src);
    el.results = [first];
    document.getElementById("aside").appendChild(el);
    el.add(second);
  }, [`${WIDGET}/`, results[0], results[1]]);
  const again = page.frameLocator("#aside ally-report iframe").locator('[data-chart="trust"] table tbody tr');
  await again.nth(1).waitFor(attached);
  assert.equal(await again.count(), 2);
  assert.deepEqual((await log(page)).violations, []);
  await page.context().close();
});
