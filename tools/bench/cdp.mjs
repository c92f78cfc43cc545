// A bare DevTools Protocol client over Chromium's --remote-debugging-pipe,
// for measuring start-up without a test framework in the page: an automation
// library evaluates its own scripts in every new frame, on the very path
// being timed.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function launch(args = []) {
  const profile = mkdtempSync(join(tmpdir(), "ally-cdp-"));
  const chromium = spawn(
    process.env.CHROMIUM || "/usr/bin/chromium",
    ["--headless", `--user-data-dir=${profile}`, "--remote-debugging-pipe", ...args, "about:blank"],
    // fd 3: commands to Chromium; fd 4: its replies, each JSON text ending in NUL.
    { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
  );
  const waiting = new Map();
  let next = 0;
  let buffered = "";
  chromium.stdio[4].on("data", (chunk) => {
    buffered += chunk;
    for (let end; (end = buffered.indexOf("\0")) >= 0; ) {
      const msg = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const pending = waiting.get(msg.id);
      if (!pending) continue;
      waiting.delete(msg.id);
      if (msg.error) pending.fail(new Error(`${pending.method}: ${msg.error.message}`));
      else pending.ok(msg.result);
    }
  });
  const exited = new Promise((ok) => chromium.once("exit", ok));
  chromium.once("exit", () => {
    for (const p of waiting.values()) p.fail(new Error(`${p.method}: Chromium exited`));
  });
  /** Sends one command, to the browser or to an attached page's `session`. */
  const send = (method, params = {}, sessionId = undefined) =>
    new Promise((ok, fail) => {
      const id = ++next;
      waiting.set(id, { ok, fail, method });
      chromium.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + "\0");
    });
  const close = async () => {
    // A clean shutdown, so that its helper processes are gone too.
    const killer = setTimeout(() => chromium.kill("SIGKILL"), 5000);
    await send("Browser.close").catch(() => chromium.kill());
    await exited;
    clearTimeout(killer);
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch (e) {
      console.warn(`cdp: could not remove ${profile}: ${e.message}`);
    }
  };
  return { send, close };
}

/** A fresh browser context with one page; returns its session and a disposer. */
export async function openPage(send) {
  const { browserContextId } = await send("Target.createBrowserContext");
  const { targetId } = await send("Target.createTarget", { url: "about:blank", browserContextId });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  return { session: sessionId, dispose: () => send("Target.disposeBrowserContext", { browserContextId }) };
}

/** Evaluates `expression` in the page's main frame until it gives a value. */
export async function poll(send, session, expression, { every = 25, timeout = 20000 } = {}) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const { result, exceptionDetails } = await send("Runtime.evaluate", { expression, returnByValue: true }, session);
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
    if (result.value) return result.value;
    await new Promise((ok) => setTimeout(ok, every));
  }
  throw new Error(`timed out waiting for ${expression}`);
}
