// End-to-end: read-aloud and reduced motion, in the widget embedded cross-origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, openHost, newPage, hostUrl, until, tap, WIDGET, WIDGET_FRAME } from "./support.mjs";

before(start);
after(stop);

/** Replaces speechSynthesis in the widget's frame with a recorder (or removes it). */
function fakeSpeech({ widgetOrigin, available }) {
  if (location.origin !== widgetOrigin) return;
  window.__spoken = [];
  const fake = available
    ? { speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang }), cancel() {}, getVoices: () => [] }
    : undefined;
  Object.defineProperty(window, "speechSynthesis", { configurable: true, get: () => fake });
}

const spoken = (page) => page.frames().find((f) => f.url().startsWith(WIDGET)).evaluate(() => window.__spoken);

async function open(config, available) {
  const page = await newPage();
  await page.context().addInitScript(fakeSpeech, { widgetOrigin: WIDGET, available });
  await page.goto(hostUrl(config));
  return { page, widget: page.frameLocator(WIDGET_FRAME) };
}

test("3-5 in Spanish: each new screen is read aloud by itself, in Spanish", async () => {
  const { page, widget } = await open({ age: 4, locale: "es", helperName: "Ana" }, true);
  await until(page, "log.ready.length === 1");
  await widget.getByRole("button", { name: "Dejar de leer" }).waitFor();
  let said = await spoken(page);
  assert.ok(said.length >= 1, "the welcome was read");
  assert.match(said.at(-1).text, /¡Hola!.*Si no quieres responder, toca Saltar\. Está bien\..*Tus respuestas le llegan a Ana\./);
  assert.equal(said.at(-1).lang, "es");
  await widget.getByRole("button", { name: "Empezar" }).tap();
  await widget.getByRole("heading", { name: "¿Cómo te sientes ahora?" }).waitFor();
  said = await spoken(page);
  assert.equal(said.at(-1).text, "¿Cómo te sientes ahora? Mal, Más o menos, Bien");
  assert.equal(said.at(-1).lang, "es");
  // The speaker stops it, and reads it again on demand.
  const before = said.length;
  await widget.getByRole("button", { name: "Dejar de leer" }).tap();
  await widget.getByRole("button", { name: "Leer en voz alta" }).tap();
  said = await spoken(page);
  assert.equal(said.length, before + 1);
  assert.equal(said.at(-1).text, "¿Cómo te sientes ahora? Mal, Más o menos, Bien");
  await page.context().close();
});

test("9-12 in English: nothing is read until the speaker is pressed", async () => {
  const { page, widget } = await open({ age: 11, mode: "checkout", helperName: "Sam" }, true);
  await widget.getByRole("button", { name: "Start" }).tap();
  await widget.getByRole("heading", { name: "Did Sam listen to you today?" }).waitFor();
  assert.deepEqual(await spoken(page), []);
  await widget.getByRole("button", { name: "Read aloud" }).tap();
  assert.deepEqual(await spoken(page), [{ text: "Did Sam listen to you today? Not at all, A lot", lang: "en" }]);
  await page.context().close();
});

test("with readAloud off, or without speech in the browser, there is no speaker and the flow works", async () => {
  for (const [config, available] of [[{ age: 4, readAloud: "off" }, true], [{ age: 4 }, false]]) {
    const { page, widget } = await open(config, available);
    await widget.getByRole("button", { name: "Start" }).tap();
    await widget.getByRole("heading", { name: "How do you feel right now?" }).waitFor();
    assert.equal(await widget.getByRole("button", { name: "Read aloud" }).count(), 0);
    for (const w of ["Good", "Calm", "Small", "No, thanks"]) await tap(page, widget, w);
    await until(page, "log.complete.length === 1");
    if (available) assert.deepEqual(await spoken(page), [], "auto is off too");
    await page.context().close();
  }
});

test("with reduced motion, no animation runs; without it, the mascot waves", async () => {
  const animations = (widget) => widget.locator("body").evaluate(() => document.getAnimations().length);
  const moving = await openHost({ age: 4 });
  await moving.widget.getByRole("heading", { name: "Hi there!" }).waitFor();
  assert.ok((await animations(moving.widget)) > 0, "animations run normally");
  await moving.page.context().close();

  const { page, widget } = await openHost({ age: 4 }, {}, { reducedMotion: "reduce" });
  await widget.getByRole("heading", { name: "Hi there!" }).waitFor();
  assert.equal(await animations(widget), 0, "welcome");
  await widget.getByRole("button", { name: "Start" }).tap();
  for (const w of ["Good", "Happy", "Big", "No, thanks"]) {
    await widget.getByRole("button", { name: w, exact: true }).tap();
    assert.equal(await animations(widget), 0, `after ${w}`);
  }
  await widget.getByRole("heading", { name: "All done!" }).waitFor();
  assert.equal(await animations(widget), 0, "the celebration is still");
  await page.context().close();
});
