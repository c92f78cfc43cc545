// The same flows (./flows.mjs) in every engine a child's tablet may run:
// Chromium, Firefox ESR and WebKitGTK (Safari's engine), each driven over
// W3C WebDriver. Then: what each flow measured is the same in all three.
//
//   node --test tests/engines/                    every engine
//   ALLY_ENGINES=webkit node --test tests/engines/   one of them
//
// The widget's origin is served by Debian's nginx set up as the README's
// deployment says (tests/deploy/nginx.mjs): its headers, types, caching and
// precompressed files are the ones every flow runs under, and a wrong one
// fails them. The portal's test pages come from the test server behind it.
//
// Pictures of each band's feelings (check-in) and first question (check-out)
// in each engine go to test-results/engines/<engine>/.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { serve, consoleLines } from "../../tools/server.mjs";
import { PORT, STRANGER_PORT } from "../e2e/support.mjs";
import { startNginx } from "../deploy/nginx.mjs";
import { ENGINES, launch } from "./webdriver.mjs";
import { Driver } from "./driver.mjs";
import { FLOWS } from "./flows.mjs";

const engines = (process.env.ALLY_ENGINES || Object.keys(ENGINES).join(",")).split(",");
const unknown = engines.filter((e) => !(e in ENGINES));
if (unknown.length) throw new Error(`ALLY_ENGINES: no engine called ${unknown.join(", ")}; there are ${Object.keys(ENGINES).join(", ")}`);
const measured = {};
let servers = [];
let nginx = null;
/** The test server behind nginx, for the portal's pages and the consoles' reports. */
const BACKEND = PORT - 10;

before(async () => {
  servers = [await serve({ port: BACKEND, root: "dist" }), await serve({ port: STRANGER_PORT, root: "dist" })];
  nginx = await startNginx({ port: PORT, backend: BACKEND, consoles: true });
});
after(async () => {
  if (nginx) await nginx.stop();
  await Promise.all(servers.map((s) => s.close()));
});

// The engines side by side (each one's flows in turn): a browser mostly waits on
// timers and frames, so three share two cores well.
describe("the flows", { concurrency: true }, () => {
  for (const engine of engines) {
    describe(ENGINES[engine].name, { concurrency: 1 }, () => {
      let session = null;
      before(async () => {
        rmSync(`test-results/engines/${engine}`, { recursive: true, force: true });
        session = await launch(engine);
        await session.setTimeouts({ script: 30000, pageLoad: 30000 });
        console.log(`${ENGINES[engine].name} ${session.capabilities.browserVersion}`);
        measured[engine] = {};
      });
      after(() => session && session.close());

      for (const { name, fn } of FLOWS) {
        test(name, async () => {
          // A fresh driver per flow: a failed flow leaves no frame selected for the next.
          const d = new Driver(session);
          try {
            measured[engine][name] = await fn(d, `test-results/engines/${engine}`);
          } catch (e) {
            // What the widget showed, and a picture of it, so a failure in CI can be read.
            const slug = name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
            await d.screenshot(`test-results/engines/${engine}/failed-${slug}.png`).catch(() => {});
            const state = await d.state().catch((why) => `unknown (${why.message})`);
            e.message += `\nthe widget then: ${JSON.stringify(state)}`;
            throw e;
          }
          // Not one error or warning in the widget's console, all flow long.
          assert.deepEqual(await d.consoleOf(consoleLines), [], `${name}: the widget's console`);
        });
      }
    });
  }
});

test("every flow measured the same in every engine", { skip: engines.length < 2 }, () => {
  const [first, ...rest] = engines;
  for (const engine of rest) {
    for (const { name } of FLOWS) {
      if (!(name in measured[first]) || !(name in measured[engine])) continue;
      assert.deepEqual(measured[engine][name], measured[first][name], `${name}: ${engine} against ${first}`);
    }
  }
  const compared = FLOWS.filter(({ name }) => engines.every((e) => measured[e] && name in measured[e]));
  assert.equal(compared.length, FLOWS.length, "every flow ran in every engine");
});
