// End-to-end: screens that fit each child. Words for each age, no pressure,
// an end that fits what was said, a screen that does not lead, targets and
// words that fit every screen and viewport, a drawing that fits a tablet,
// read-aloud that stops, and the mascot's company for 3–8.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, newPage, openHost, hostUrl, log, until, settle, holdAcks, WIDGET, WIDGET_FRAME } from "./support.mjs";

before(start);
after(stop);

const button = (widget, name) => widget.getByRole("button", { name, exact: true });
const widgetFrame = (page) => page.frames().find((f) => f.url().startsWith(WIDGET));
const heading = (widget) => widget.locator("h1").first().textContent();
test("every welcome says skipping is okay; check-out adds that no answer is wrong", async () => {
  const expect = {
    "3-5": ["If you don't want to answer, tap Skip. That's okay.", "Your answers go to Dr. Rivera."],
    "6-8": ["If you don't want to answer, tap Skip. That's okay.", "Your answers go to Dr. Rivera."],
    "9-12": ["You can skip any question. That's completely okay.", "may be saved in your file at the clinic"],
    "13-17": ["Every question is optional. Skip anything you like.", "To know who else can see them, ask Dr. Rivera."],
  };
  for (const [band, age] of Object.entries({ "3-5": 4, "6-8": 7, "9-12": 10, "13-17": 15 })) {
    for (const mode of ["checkin", "checkout"]) {
      const { page, widget } = await openHost({ age, mode, helperName: "Dr. Rivera" });
      await button(widget, "Start").waitFor();
      const text = await widget.locator("section").textContent();
      for (const words of expect[band]) assert.ok(text.includes(words), `${band} ${mode}: ${words} in ${text}`);
      assert.equal(text.includes("There are no wrong answers."), mode === "checkout", `${band} ${mode}`);
      if (band === "13-17") assert.ok(!/game/i.test(text) && text.includes("about one minute") === (mode === "checkin"), text);
      await page.context().close();
    }
  }
  // The portal may say who sees the answers.
  const line = "Your answers go to Dr. Rivera and to your parents.";
  const { page, widget } = await openHost({ age: 9, whoSees: line, helperName: "Dr. Rivera" });
  await widget.getByText(line).waitFor();
  assert.equal(await widget.getByText(/saved in your file/).count(), 0);
  await page.context().close();
});

test("Spanish names a titled helper with its article, and an untitled one without", async () => {
  const { page, widget } = await openHost({ age: 10, mode: "checkout", locale: "es", helperName: "Dr. Rivera", helperArticle: "el" });
  await widget.getByText("Tus respuestas le llegan al Dr. Rivera y pueden guardarse en tu expediente de la clínica. Sirven para planear tus sesiones.").waitFor();
  await button(widget, "Empezar").tap();
  await widget.getByRole("heading", { name: "¿Hoy te escuchó el Dr. Rivera?" }).waitFor();
  await page.context().close();
  const ana = await openHost({ age: 15, mode: "checkout", locale: "es", helperName: "Ana" });
  await button(ana.widget, "Empezar").tap();
  await ana.widget.getByRole("heading", { name: "¿Hoy te escuchó Ana?" }).waitFor();
  await ana.page.context().close();
});

test("Back and Skip carry icons; an invitation to draw is declined with 'No, thanks'", async () => {
  const { page, widget } = await openHost({ age: 4, mode: "checkout", helperName: "Ana" });
  await button(widget, "Start").tap();
  for (const name of ["Back", "Skip"]) {
    assert.equal(await button(widget, name).locator("svg.icon").count(), 1, `${name} has an icon`);
  }
  for (const w of ["Skip", "Skip", "Skip"]) {
    const id = await widget.locator("[data-prompt]").getAttribute("data-prompt");
    await button(widget, w).tap();
    await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
  }
  await widget.getByRole("heading", { name: "Would you like to draw you and Ana? It's okay if you don't want to." }).waitFor();
  assert.equal(await button(widget, "Skip").count(), 0, "not a skip: a choice");
  await button(widget, "No, thanks").locator("svg.icon").waitFor();
  await button(widget, "No, thanks").tap();
  await until(page, "log.complete.length === 1");
  const r = (await log(page)).complete[0];
  assert.deepEqual(r.answers.at(-1), { ...r.answers.at(-1), promptId: "drawing.together", skipped: true, value: null });
  await page.context().close();
});

/** Goes through a check-in with the given taps; returns page and widget at the end. */
async function finish(config, taps) {
  const { page, widget } = await openHost(config);
  await button(widget, "Start").tap();
  for (const name of taps) {
    const id = await widget.locator("[data-prompt]").getAttribute("data-prompt");
    await button(widget, name).tap();
    await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
  }
  await until(page, "log.complete.length === 1");
  return { page, widget };
}

test("after a child says something hard, the end is calm: no celebration", async () => {
  // A sad face at 3–5: a caring mascot, words that name what was said, no
  // "A star for you!", and nothing bounces.
  let { page, widget } = await finish({ age: 4, helperName: "Ana" }, ["Not good", "Sad", "Big", "No, thanks"]);
  await widget.getByRole("heading", { name: "Thank you" }).waitFor();
  await widget.getByText("You picked “Not good”. Thank you for showing how you feel. You can talk about it with Ana if you want.").waitFor();
  assert.equal(await widget.locator(".sticker").count(), 0, "no star after a sad face");
  assert.equal(await widget.getByText("A star for you!").count(), 0);
  assert.equal(await widget.locator(".done .mascot").getAttribute("data-reaction"), "caring");
  await page.waitForTimeout(100);
  const moving = () => widget.locator(".done").evaluate((el) =>
    el.getAnimations({ subtree: true }).filter((a) => a.playState === "running" && a.animationName !== "arrive").map((a) => a.animationName));
  assert.deepEqual(await moving(), [], "nothing bounces");
  await page.context().close();

  // A good face: the celebration.
  ({ page, widget } = await finish({ age: 4 }, ["Good", "Happy", "Small", "No, thanks"]));
  await widget.getByRole("heading", { name: "All done!" }).waitFor();
  await widget.locator(".celebrate .sticker").waitFor();
  await widget.getByText("A star for you!").waitFor();
  assert.ok((await moving()).includes("hop"), "the mascot hops");
  await page.context().close();

  // At check-out the child rates the helper: "No" everywhere gets the same
  // neutral, attentive mascot, on every question and at the end.
  ({ page, widget } = await finish({ age: 7, mode: "checkout" }, ["No", "No", "No", "No", "No, thanks"]));
  await widget.getByText("Thank you for saying how it really went.", { exact: false }).waitFor();
  assert.equal(await widget.locator(".done .mascot").getAttribute("data-reaction"), "listening");
  await page.context().close();
});

test("a yes or a maybe later to talking gets a reply", async () => {
  for (const [answer, reply] of [
    ["Yes", "You said yes, so Dr. Rivera will know you want to tell them something."],
    ["Maybe later", "You said maybe later. That's okay: you can tell Dr. Rivera later, or not at all. It's up to you."],
  ]) {
    const { page, widget } = await openHost({ age: 11, helperName: "Dr. Rivera" });
    await button(widget, "Start").tap();
    for (const w of ["Good", "No, thanks", "Skip", "Skip", answer]) {
      const id = await widget.locator("[data-prompt]").getAttribute("data-prompt");
      await button(widget, w).tap();
      await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
    }
    await widget.getByText(reply).waitFor();
    await page.context().close();
  }
});

test("the end says the answers were sent only once the portal has acknowledged them", async () => {
  const page = await newPage();
  await holdAcks(page.context());
  await page.goto(hostUrl({ age: 13, mode: "checkout", helperName: "Sam" }));
  const widget = page.frameLocator(WIDGET_FRAME);
  await button(widget, "Start").tap();
  // Six screens: four lines, a statement and its opposite.
  for (let i = 0; i < 6; i++) {
    const id = await widget.locator("[data-prompt]").getAttribute("data-prompt");
    await button(widget, "Skip").tap();
    await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
  }
  await widget.getByText("Sending your answers…").waitFor();
  // The portal has the result (and acked it), but the widget has not heard the ack.
  await until(page, "log.complete.length === 1 && log.raw.filter((m) => m.type === 'complete').length >= 2");
  assert.equal(await widget.getByText(/were sent/).count(), 0, "not sent until the ack arrives");
  await widgetFrame(page).evaluate(() => { window.holdAcks = false; });
  await widget.getByText("Your answers were sent, so Sam can see them.").waitFor();
  assert.equal(await widget.getByText("Sending your answers…").count(), 0);
  await widget.getByRole("heading", { name: "Thanks." }).waitFor();
  await page.context().close();
});

test("nothing leads: hover lifts only where there is hover, an empty line looks empty, the rail has 3:1 contrast", async () => {
  const { page, widget } = await openHost({ age: 10 });
  const frame = widgetFrame(page);
  await button(widget, "Start").waitFor();
  // Every :hover rule in the stylesheet sits inside @media (hover: hover).
  const loose = await frame.evaluate(() => {
    const bad = [];
    const visit = (rules, media) => {
      for (const r of rules) {
        if (r.cssRules && r.media) visit(r.cssRules, r.media.mediaText);
        else if (r.selectorText && r.selectorText.includes(":hover") && !/hover:\s*hover/.test(media || "")) bad.push(r.selectorText);
      }
    };
    for (const s of document.styleSheets) visit(s.cssRules, "");
    return bad;
  });
  assert.deepEqual(loose, []);
  await button(widget, "Start").tap();
  for (const w of ["Good", "No, thanks", "Skip"]) {
    const id = await widget.locator("[data-prompt]").getAttribute("data-prompt");
    await button(widget, w).tap();
    await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
  }
  // The thermometer, before a tap: no bulb, no handle, and the slider has no value.
  const slider = widget.getByRole("slider");
  assert.equal(await slider.getAttribute("aria-valuenow"), null);
  assert.equal(await slider.getAttribute("aria-valuetext"), "Not chosen yet");
  assert.equal(await widget.locator(".track circle").count(), 0, "nothing drawn at 0 before a tap");
  const contrast = await frame.evaluate(() => {
    const rgb = (c) => c.match(/\d+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const page = getComputedStyle(document.querySelector("main")).backgroundColor;
    return ratio(getComputedStyle(document.querySelector(".rail")).stroke, page);
  });
  assert.ok(contrast >= 3, `rail outline against the page: ${contrast.toFixed(2)}:1`);
  const box = await slider.boundingBox();
  await slider.tap({ position: { x: box.width * 0.7, y: box.height / 2 } });
  await slider.and(widget.locator("[aria-valuenow]")).waitFor();
  await widget.locator(".bulb").waitFor();
  await widget.locator(".thumb").waitFor();
  await page.context().close();
});

test("read-aloud can be stopped with its button, and stops when the child taps", async () => {
  const page = await newPage();
  await page.context().addInitScript((widgetOrigin) => {
    if (location.origin !== widgetOrigin) return;
    window.__speech = { spoken: [], cancelled: 0, current: null };
    const fake = {
      get speaking() { return window.__speech.current !== null; },
      speak(u) { window.__speech.spoken.push(u.text); window.__speech.current = u; },
      cancel() {
        window.__speech.cancelled += 1;
        const u = window.__speech.current;
        window.__speech.current = null;
        if (u && u.onerror) setTimeout(() => u.onerror(new Event("error")));
      },
      getVoices: () => [],
    };
    Object.defineProperty(window, "speechSynthesis", { configurable: true, get: () => fake });
  }, WIDGET);
  await page.goto(hostUrl({ age: 4 }));
  const widget = page.frameLocator(WIDGET_FRAME);
  const frame = () => widgetFrame(page);
  // 3–5 hears each screen by itself; meanwhile the speaker stops it.
  await button(widget, "Stop reading").waitFor();
  const said = await frame().evaluate(() => window.__speech.spoken.at(-1));
  assert.match(said, /If you don't want to answer, tap Skip\. That's okay\./, "the welcome says skipping is fine, aloud");
  await button(widget, "Stop reading").tap();
  await button(widget, "Read aloud").waitFor();
  assert.equal(await frame().evaluate(() => window.__speech.current), null);
  // Read again, then a tap anywhere else stops it too.
  await button(widget, "Read aloud").tap();
  await button(widget, "Stop reading").waitFor();
  await widget.locator("h1").tap();
  await button(widget, "Read aloud").waitFor();
  assert.equal(await frame().evaluate(() => window.__speech.current), null);
  await page.context().close();
});

test("3-8: the mascot is on every screen and cares after something hard, without praise", async () => {
  const { page, widget } = await openHost({ age: 7 });
  await widget.locator(".welcome .mascot").waitFor();
  await button(widget, "Start").tap();
  const reaction = () => widget.locator(".buddy .mascot").getAttribute("data-reaction");
  assert.equal(await reaction(), "listening");
  // Each tap pops first.
  await button(widget, "Awful").tap();
  await widget.locator("button.pop").waitFor();
  await widget.locator('[data-prompt="drawing.feel"]').waitFor();
  assert.equal(await reaction(), "caring", "after 'Awful'");
  await button(widget, "Back").tap();
  await widget.locator('[data-prompt="mood.now"]').waitFor();
  await button(widget, "Great").tap();
  await widget.locator('[data-prompt="drawing.feel"]').waitFor();
  assert.equal(await reaction(), "listening", "after 'Great': no cheer, the same quiet company");
  const text = await widget.locator("section").textContent();
  assert.ok(!/great job|well done|good job|yay/i.test(text), text);
  for (const id of ["drawing.feel", "feelings.which", "intensity.strongest", "talk.today"]) {
    await widget.locator(`[data-prompt="${id}"] .buddy .mascot`).waitFor();
    await button(widget, id === "drawing.feel" ? "No, thanks" : "Skip").tap();
  }
  await widget.locator(".done .mascot").waitFor();
  await page.context().close();
  // The youngest's happy end keeps the mascot beside the sticker.
  const young = await finish({ age: 4 }, ["Good", "Happy", "Small", "No, thanks"]);
  await young.widget.locator(".done .mascot + .sticker").waitFor();
  await young.page.context().close();
});

/** The smallest target for each band, in every viewport (the flows check 80 px for 3–5 on a tablet). */
const MIN = { "3-5": 64, "6-8": 64, "9-12": 48, "13-17": 48 };
const BANDS = { 4: "3-5", 7: "6-8", 10: "9-12", 15: "13-17" };
const VIEWPORTS = { "tablet upright": [768, 1024], "tablet sideways": [1024, 768], phone: [390, 844] };

test("every screen of every band, both languages, three viewports: big targets, words inside their cards, drawings within a sideways tablet", async () => {
  const problems = [];
  for (const age of [4, 7, 10, 15]) {
    for (const locale of ["en", "es"]) {
      for (const [viewportName, [width, height]] of Object.entries(VIEWPORTS)) {
        for (const mode of ["checkin", "checkout"]) {
          const config = { age, locale, mode, helperName: "Dr. Rivera", helperArticle: "el" };
          const { page, widget } = await openHost(config, {}, { viewport: { width, height } });
          await until(page, "log.ready.length === 1");
          const steps = (await log(page)).ready[0].steps;
          const where = `${age} ${locale} ${mode} ${viewportName}`;
          const look = async (screen) => {
            await settle(page);
            const found = await widgetFrame(page).evaluate((min) => {
              const name = (el) => el.getAttribute("aria-label") || el.textContent.trim();
              const small = [...document.querySelectorAll("button, [role=slider], a[href], input")]
                .map((el) => ({ el, r: el.getBoundingClientRect() }))
                .filter(({ r }) => r.width > 0 && (r.width < min || r.height < min))
                .map(({ el, r }) => `${name(el)} ${r.width.toFixed(0)}×${r.height.toFixed(0)} under ${min} px`);
              const over = [...document.querySelectorAll("button")].filter((b) => {
                const box = b.getBoundingClientRect();
                return box.width > 0 && (b.scrollWidth > b.clientWidth + 1 || [...b.querySelectorAll("span")].some((s) => {
                  const r = s.getBoundingClientRect();
                  return r.left < box.left - 1 || r.right > box.right + 1;
                }));
              }).map((b) => `${b.textContent.trim()}: words wider than the card (${b.scrollWidth} > ${b.clientWidth})`);
              return [...small, ...over];
            }, MIN[BANDS[age]]);
            for (const f of found) problems.push(`${where} ${screen}: ${f}`);
          };
          await look("welcome");
          await button(widget, locale === "en" ? "Start" : "Empezar").tap();
          for (const id of steps) {
            await widget.locator(`[data-prompt="${id}"]`).waitFor();
            await look(id);
            if (id.startsWith("drawing.") && viewportName === "tablet sideways") {
              // The whole drawing screen, Done and Skip included, without scrolling.
              const fit = await widgetFrame(page).evaluate(() => {
                const bottom = (sel) => document.querySelector(sel).getBoundingClientRect().bottom;
                return { main: document.querySelector("main").offsetHeight, done: bottom(".drawing-pad .next"), actions: bottom(".actions") };
              });
              if (!(fit.main <= 768 && fit.actions <= 768 && fit.done <= 768)) problems.push(`${where} ${id}: taller than the tablet ${JSON.stringify(fit)}`);
              if (age === 4) {
                const rows = await widget.locator(".swatches .swatch").evaluateAll((els) => {
                  const tops = new Map();
                  for (const e of els) tops.set(Math.round(e.getBoundingClientRect().top), (tops.get(Math.round(e.getBoundingClientRect().top)) || 0) + 1);
                  return [...tops.values()];
                });
                if (rows.join() !== "3,3") problems.push(`${where} ${id}: the palette is not two rows of three colours (${rows})`);
              }
            }
            const decline = id.startsWith("drawing.") ? (locale === "en" ? "No, thanks" : "No, gracias") : (locale === "en" ? "Skip" : "Saltar");
            await button(widget, decline).tap();
            await widget.locator(`[data-prompt="${id}"]`).waitFor({ state: "detached" });
          }
          await page.context().close();
        }
      }
    }
  }
  assert.deepEqual(problems, [], problems.join("\n"));
});

