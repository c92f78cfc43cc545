// A small W3C WebDriver client, and the three engines' drivers. One
// protocol for all three engines: chromedriver (Chromium), geckodriver
// (Firefox ESR) and WebKitWebDriver (WebKitGTK's MiniBrowser under Xvfb).
// Written here because the flows need only a dozen commands, and an npm
// client would be a larger download than this file for the same calls.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { once } from "node:events";
import { createServer } from "node:net";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
/** WebKitGTK's MiniBrowser, under the machine's own multiarch directory (Debian's libwebkit2gtk-4.1-0). */
const MINIBROWSER = process.env.ALLY_MINIBROWSER || readdirSync("/usr/lib")
  .map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`).find((path) => existsSync(path));
export const VIEWPORT = { width: 1024, height: 768 };

/** How each engine's driver is started, and what it is asked for. */
export const ENGINES = {
  chromium: {
    name: "Chromium",
    command: (port) => ["chromedriver", [`--port=${port}`]],
    capabilities: {
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: process.env.CHROMIUM || "/usr/bin/chromium",
        args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--hide-scrollbars", `--window-size=${VIEWPORT.width},${VIEWPORT.height}`],
      },
    },
  },
  firefox: {
    name: "Firefox ESR",
    command: (port) => ["geckodriver", [`--port=${port}`, "--log=error"]],
    capabilities: {
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: "/usr/bin/firefox-esr",
        args: ["-headless", `--width=${VIEWPORT.width}`, `--height=${VIEWPORT.height}`],
        prefs: { "app.update.enabled": false, "browser.shell.checkDefaultBrowser": false },
      },
    },
  },
  webkit: {
    name: "WebKitGTK",
    // MiniBrowser has no headless mode: it draws into a virtual X display.
    command: (port) => ["xvfb-run", ["-a", "-s", "-screen 0 1280x1024x24", "WebKitWebDriver", `--port=${port}`]],
    capabilities: {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
    },
  },
};

/** A free TCP port on this machine. */
async function freePort() {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  return port;
}

export class WebDriverError extends Error {}

/** Starts the engine's driver and a session in it; `close()` ends both. */
export async function launch(engine) {
  const spec = ENGINES[engine];
  const port = await freePort();
  const [cmd, args] = spec.command(port);
  // Its own process group, so that xvfb-run's X server and the browser go with it.
  const child = spawn(cmd, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr = (stderr + d).slice(-4000); });
  const exited = new Promise((_, fail) => {
    child.on("error", (e) => fail(new WebDriverError(`${cmd} could not start (${e.code || e.message}): ./dev.sh setup installs it`)));
    child.on("exit", (code) => fail(new WebDriverError(`${cmd} exited (${code}): ${stderr}`)));
  });
  exited.catch(() => {});
  const base = `http://127.0.0.1:${port}`;
  const kill = () => { try { process.kill(-child.pid, "SIGKILL"); } catch { /* already gone */ } };
  try {
    // The driver is up when it says it is ready.
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/status`).then((r) => r.json()).then((s) => s.value && s.value.ready, () => false);
      if (ok) break;
      if (i > 300) throw new WebDriverError(`${cmd} did not start: ${stderr}`);
      await Promise.race([new Promise((r) => setTimeout(r, 100)), exited]);
    }
    const created = await call(base, "POST", "/session", { capabilities: { alwaysMatch: spec.capabilities } });
    const session = new Session(`${base}/session/${created.sessionId}`, engine, created.capabilities);
    session.onClose = async () => {
      await call(session.url, "DELETE", "").catch(() => {});
      kill();
    };
    return session;
  } catch (e) {
    kill();
    throw e;
  }
}

async function call(url, method, path, body) {
  const response = await fetch(url + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({ value: { error: "bad json", message: response.statusText } }));
  if (!response.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new WebDriverError(`${method} ${path}: ${v.error}: ${v.message}`);
  }
  return json.value;
}

/** A WebDriver session: the commands the flows use. */
export class Session {
  constructor(url, engine, capabilities) {
    this.url = url;
    this.engine = engine;
    this.capabilities = capabilities;
  }

  cmd(method, path, body) {
    return call(this.url, method, path, body);
  }

  close() {
    return this.onClose();
  }

  navigate(url) {
    return this.cmd("POST", "/url", { url });
  }

  setTimeouts(t) {
    return this.cmd("POST", "/timeouts", t);
  }

  setWindowRect(rect) {
    return this.cmd("POST", "/window/rect", rect);
  }

  /** Runs `fn(...args)` in the current frame; an element it returns comes back as a reference. */
  execute(fn, ...args) {
    return this.cmd("POST", "/execute/sync", { script: `return (${fn}).apply(null, arguments)`, args });
  }

  /** Runs an async `fn(...args)` in the current frame and waits for its promise. */
  executeAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v }), (e) => done({ thrown: String(e && e.message || e) }));`;
    return this.cmd("POST", "/execute/async", { script, args }).then((r) => {
      if (r && "thrown" in r) throw new WebDriverError(r.thrown);
      return r ? r.ok : r;
    });
  }

  /** Switches to the top page (null) or to the frame element given. */
  frame(element) {
    return this.cmd("POST", "/frame", { id: element });
  }

  click(element) {
    return this.cmd("POST", `/element/${element[ELEMENT]}/click`, {});
  }

  /** Types `text` into `element` (WebDriver's key codes for the special keys: \uE004 is Tab). */
  sendKeys(element, text) {
    return this.cmd("POST", `/element/${element[ELEMENT]}/value`, { text });
  }

  actions(actions) {
    return this.cmd("POST", "/actions", { actions });
  }

  releaseActions() {
    return this.cmd("DELETE", "/actions");
  }

  /** A PNG of the viewport. */
  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }
}
