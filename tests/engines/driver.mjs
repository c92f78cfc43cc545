// What a flow can do with the portal page and the widget inside it, on top
// of a WebDriver session: the same calls in every engine.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { PORTAL } from "../e2e/support.mjs";
import { VIEWPORT } from "./webdriver.mjs";

// The SDK's iframe in the test portal: the widget's, or an adult's form.
const WIDGET_FRAME = "#ally iframe";
const TIMEOUT = 15000;

export class Driver {
  constructor(session) {
    this.s = session;
    this.where = "top";
    /** The sessions of the widgets this driver opened. */
    this.sessions = [];
  }

  async top() {
    if (this.where !== "top") await this.s.frame(null);
    this.where = "top";
  }

  /** Into the widget's iframe (found again each time: a reload may have replaced its document). */
  async widget() {
    if (this.where === "widget") return;
    await this.top();
    const frame = await this.poll((sel) => document.querySelector(sel), WIDGET_FRAME);
    await this.s.frame(frame);
    this.where = "widget";
  }

  /** Opens the test portal with the widget mounted by the SDK, in a window of `size`. */
  async open(config, params = {}, size = VIEWPORT) {
    await this.top();
    await this.s.setWindowRect({ x: 0, y: 0, ...size });
    // Every widget page records its console (tests/e2e/pages/console.js).
    const q = new URLSearchParams({ config: JSON.stringify(config), widgetQuery: "console=record", ...params });
    await this.s.navigate(`${PORTAL}/__test/host.html?${q}`);
    if (q.get("mount") !== "none") this.sessions.push(await this.run(() => window.ally.session));
  }

  /**
   * What the widget pages this driver opened said in their consoles: once a
   * mark sent last from the current page has reached the server, every line
   * before it has too.
   */
  async consoleOf(lines) {
    const mark = `${Date.now()}-${Math.random()}`;
    try {
      await this.widget();
      await this.run((m) => window.__consoleMark && window.__consoleMark(m), mark);
      const end = Date.now() + TIMEOUT;
      const session = this.sessions.at(-1);
      while (!(lines.get(session) || []).includes(`mark ${mark}`) && Date.now() < end) await new Promise((ok) => setTimeout(ok, 20));
    } catch {
      // No widget on the screen any more: what it sent has had the flow's time to arrive.
    }
    return this.sessions.flatMap((s) => (lines.get(s) || []).filter((l) => !l.startsWith("mark ")));
  }

  /** Runs `fn(...args)` in the frame we are in; an element it returns comes back as a reference. */
  run(fn, ...args) {
    return this.s.execute(fn, ...args);
  }

  /**
   * Waits until `fn(...args)` is truthy in the frame we are in, and returns
   * it. Polled in the page, without eval: the widget's CSP forbids it.
   */
  async poll(fn, ...args) {
    const wait = `async function (timeout, ...args) {
      const fn = ${fn};
      const end = Date.now() + timeout;
      for (;;) {
        const v = fn(...args);
        if (v) return v;
        if (Date.now() > end) throw new Error("timed out waiting for " + ${JSON.stringify(String(fn))} + " with " + JSON.stringify(args));
        await new Promise((ok) => setTimeout(ok, 40));
      }
    }`;
    return this.s.executeAsync(wait, TIMEOUT, ...args);
  }

  /** The portal's record of what the SDK handed it (tests/e2e/pages/host.js). */
  async log() {
    await this.top();
    return this.run(() => JSON.parse(JSON.stringify(window.log)));
  }

  /** Waits until `fn(log, ...args)` is true in the portal. */
  async until(fn, ...args) {
    await this.top();
    try {
      await this.poll(`(...a) => (${fn})(window.log, ...a)`, ...args);
    } catch (e) {
      throw new Error(`${e.message}\nlog: ${JSON.stringify(await this.log())}`);
    }
  }

  /** Waits for the prompt `id` on the widget's screen. */
  async prompt(id) {
    await this.widget();
    await this.poll((id) => document.querySelector(`[data-prompt="${id}"]`), id);
  }

  /** The visible, enabled button whose accessible name is `name`. */
  async button(name) {
    await this.widget();
    return this.poll((name) => [...document.querySelectorAll("button")].find((b) =>
      (b.getAttribute("aria-label") ?? b.innerText).trim().replace(/\s+/g, " ") === name &&
      b.getClientRects().length > 0 && !b.disabled), name);
  }

  /**
   * Waits until the widget's screen takes taps: a new screen ignores them
   * for its first 400 ms (its root carries `data-busy` meanwhile).
   */
  async calm() {
    await this.widget();
    // Settled, and no tapped answer still popping on its way to the next screen.
    await this.poll(() => !document.documentElement.hasAttribute("data-busy") && !document.querySelector(".pop"));
  }

  /** Taps a button by its name: the engine's own click, at the button's centre. */
  async tap(name) {
    const button = await this.button(name);
    await this.calm();
    await this.still();
    await this.inView(button);
    await this.s.click(button);
  }

  /**
   * Waits until the iframe is as tall as the screen it shows, for two frames:
   * a finger does not tap a screen that is still growing (a click computed in
   * a frame about to resize lands somewhere else).
   */
  async still() {
    await this.widget();
    await this.s.executeAsync(async (timeout) => {
      const fits = () => document.querySelector("main") && document.querySelector("main").offsetHeight === innerHeight;
      const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
      const end = Date.now() + timeout;
      for (let still = 0; still < 2 && Date.now() < end; await frame()) still = fits() ? still + 1 : 0;
    }, TIMEOUT);
  }

  /**
   * Scrolls the portal page until `element`, in the widget, is in view, as a
   * child scrolls a tall screen. (WebKit's click scrolls only inside the
   * frame, and a click outside the window lands nowhere.)
   */
  async inView(element) {
    const { top, bottom } = await this.run((e) => e.getBoundingClientRect().toJSON(), element);
    await this.top();
    await this.run((top, bottom) => {
      const frame = document.querySelector("#ally iframe").getBoundingClientRect();
      if (frame.top + top >= 0 && frame.top + bottom <= innerHeight) return;
      scrollBy(0, frame.top + (top + bottom) / 2 - innerHeight / 2);
    }, top, bottom);
    await this.widget();
  }

  /**
   * On an adult's form: picks `value` (0–10, or "skip") of item `id` by a
   * click where its box is (the radio lies over it, clear), as a finger or
   * a mouse would, and waits for it to hold.
   */
  async choose(id, value) {
    await this.widget();
    const box = await this.poll((id, v) => document.querySelector(`fieldset[data-prompt="${id}"] input[value="${v}"]`), id, String(value));
    await this.inView(box);
    await this.s.click(box);
    await this.poll((id, v) => document.querySelector(`fieldset[data-prompt="${id}"] input[value="${v}"]`).checked, id, String(value));
  }

  /** Types `text` into the field `id` of an adult's form, then leaves it, as Tab would. */
  async type(id, text) {
    await this.widget();
    const field = await this.poll((id) => document.getElementById(id), id);
    await this.inView(field);
    await this.s.click(field);
    await this.s.sendKeys(field, text + "\uE004");
  }

  /** Taps the answer line at `value` (0–10), as a finger would, and waits for it to show. */
  async line(value) {
    await this.widget();
    const slider = await this.poll(() => document.querySelector("[role=slider]"));
    await this.calm();
    await this.still();
    const { width } = await this.run((s) => s.getBoundingClientRect().toJSON(), slider);
    const inset = (width * 40) / 1000;
    const x = Math.round(inset + ((width - 2 * inset) * value) / 10 - width / 2);
    await this.s.actions([{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [
      { type: "pointerMove", origin: slider, x, y: 0, duration: 0 },
      { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 },
    ] }]);
    await this.poll((v) => document.querySelector(`[role=slider][aria-valuenow="${v}"]`), String(value));
  }

  /** Draws a straight line with the mouse across the canvas, at fractions of its size. */
  async drawLine(fx0, fx1, fy, steps = 20) {
    await this.widget();
    const canvas = await this.poll(() => document.querySelector("canvas"));
    await this.calm();
    await this.still();
    const { width, height } = await this.run((c) => c.getBoundingClientRect().toJSON(), canvas);
    const at = (fx) => ({ type: "pointerMove", origin: canvas, duration: 0,
      x: Math.round(width * (fx - 0.5)), y: Math.round(height * (fy - 0.5)) });
    const moves = Array.from({ length: steps }, (_, i) => at(fx0 + ((fx1 - fx0) * (i + 1)) / steps));
    await this.s.actions([{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [
      at(fx0), { type: "pointerDown", button: 0 }, ...moves, { type: "pointerUp", button: 0 },
    ] }]);
    await this.s.releaseActions();
  }

  /**
   * Dispatches pointer events on the canvas from script: `events` are
   * [type, pointerId, pointerType, fx, fy, isPrimary]. This is how a pen and
   * a finger are drawn in every engine (WebKit's driver has neither).
   */
  async pointers(events) {
    await this.calm();
    await this.run((events) => {
      const c = document.querySelector("canvas");
      const r = c.getBoundingClientRect();
      for (const [type, pointerId, pointerType, fx, fy, isPrimary] of events) {
        c.dispatchEvent(new PointerEvent(type, {
          bubbles: true, cancelable: true, pointerId, pointerType, isPrimary: !!isPrimary,
          clientX: r.left + r.width * fx, clientY: r.top + r.height * fy,
          pressure: pointerType === "pen" ? 0.8 : 0.5, buttons: type === "pointerup" ? 0 : 1,
        }));
      }
    }, events);
  }

  /**
   * Waits until the screen's entrance has played and the iframe is as tall
   * as the widget's content, and both stay so for two frames.
   */
  async settled() {
    await this.widget();
    await this.s.executeAsync(async (timeout) => {
      // The mascot's wave and hop move nothing else, and take seconds: not waited for.
      const moving = () => document.getAnimations().some((a) => a.playState === "running" && a.effect &&
        a.effect.getComputedTiming().iterations !== Infinity && !(a.effect.target && a.effect.target.closest(".mascot")));
      const fits = () => !moving() && document.querySelector("main") && document.querySelector("main").offsetHeight === innerHeight;
      const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
      const end = Date.now() + timeout;
      for (let still = 0; still < 2; await frame()) {
        still = fits() ? still + 1 : 0;
        if (Date.now() > end) {
          const main = document.querySelector("main");
          throw new Error(`the screen did not settle: ${moving() ? "still moving, " : ""}content ${main && main.offsetHeight} px in a frame of ${innerHeight} px`);
        }
      }
    }, TIMEOUT);
  }

  /**
   * On the widget's screen: every button or line smaller than `minimum` px,
   * and every button whose words spill out of it.
   */
  async problems(minimum) {
    await this.widget();
    return this.run((minimum) => {
      const out = [];
      for (const b of document.querySelectorAll("button, [role=slider]")) {
        const box = b.getBoundingClientRect();
        if (box.width === 0) continue;
        const name = b.textContent.trim() || b.getAttribute("aria-label");
        if (Math.min(box.width, box.height) < minimum) out.push(`${name}: ${Math.round(box.width)} x ${Math.round(box.height)} px, under ${minimum}`);
        if (b.tagName !== "BUTTON") continue;
        // The words themselves, not their boxes: a word that does not fit pokes out of its text's line box.
        const range = document.createRange();
        range.selectNodeContents(b);
        const spill = [...range.getClientRects()].some((r) => r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1));
        if (b.scrollWidth > b.clientWidth + 1 || spill) out.push(`${name}: words wider than their card (${b.scrollWidth} > ${b.clientWidth})`);
      }
      return out;
    }, minimum);
  }

  /** A picture of the portal page, written under test-results/. */
  /**
   * What the widget shows when a flow fails, for the failure's message: the
   * screen, whether it is settling or popping, what is pressed, its words.
   */
  async state() {
    this.where = null;
    await this.widget();
    return this.run(() => ({
      prompt: document.querySelector("[data-prompt]")?.dataset.prompt ?? null,
      busy: document.documentElement.hasAttribute("data-busy"),
      popping: !!document.querySelector(".pop"),
      pressed: [...document.querySelectorAll('[aria-pressed="true"]')].map((b) => b.textContent.trim()),
      text: document.querySelector("main")?.innerText.replace(/\s+/g, " ").slice(0, 300) ?? null,
    }));
  }

  async screenshot(path) {
    await this.top();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await this.s.screenshot());
  }

  /** The widget's frame reloads itself, as a flaky tablet would. */
  async reloadWidget() {
    await this.widget();
    await this.run(() => setTimeout(() => location.reload()));
    this.where = "gone";
  }
}
