// The report's cost as its sessions grow (prints figures; never fails on timing):
//   node tools/bench/report.mjs   (after ./dev.sh build)
// In one run, the time from mountReport to the report showing every session
// (each a point on its chart), with one session and with a year of weekly
// check-ins and check-outs (104), interleaved so both meet the same machine.
// Goal: 104 sessions show within 2× the time of one.
import { start, stop, newPage, PORTAL, WIDGET } from "../../tests/e2e/support.mjs";
import { checkout, checkin, week } from "../../tests/e2e/results.mjs";

const RUNS = 7;
const GOAL = 2;

/** One year: a check-in and a check-out each week, as the portal stores them (newest last). */
function year() {
  const out = [];
  for (let k = 0; k < 52; k++) {
    out.push(checkin(k % 5, week(k)));
    out.push(checkout([9, 8 + (k % 3), 9, 10], week(k)));
  }
  return out;
}

async function once(results) {
  const page = await newPage({ viewport: { width: 1024, height: 900 } });
  // In the report's page, from its first line: the time every chart point appeared.
  await page.context().addInitScript((origin) => {
    if (location.origin !== origin) return;
    window.__points = [];
    new MutationObserver(() => {
      const n = document.querySelectorAll("circle.point").length;
      if (n !== (window.__points.at(-1) || [0])[0]) window.__points.push([n, performance.timeOrigin + performance.now()]);
    }).observe(document, { childList: true, subtree: true });
  }, WIDGET);
  await page.goto(`${PORTAL}/__test/report.html`);
  const t0 = await page.evaluate((r) => {
    const t = performance.timeOrigin + performance.now();
    window.showReport(r);
    return t;
  }, results);
  const frame = () => page.frames().find((f) => f.url().startsWith(`${WIDGET}/report.html`));
  await page.waitForFunction(() => document.querySelector("#report iframe"));
  let shown = null;
  for (let tries = 0; !shown && tries < 600; tries++) {
    const f = frame();
    const points = f ? await f.evaluate(() => window.__points).catch(() => null) : null;
    shown = points && points.find(([n]) => n === results.length);
    if (!shown) await new Promise((ok) => setTimeout(ok, 50));
  }
  await page.context().close();
  if (!shown) throw new Error(`the report never showed ${results.length} sessions`);
  return shown[1] - t0;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

await start();
try {
  const one = [checkout([9, 9, 9, 9], week(0))];
  const many = year();
  const times = { one: [], many: [] };
  await once(one); // warm-up: the browser's first renderer, not counted
  for (let i = 0; i < RUNS; i++) {
    times.one.push(await once(one));
    times.many.push(await once(many));
  }
  const a = median(times.one);
  const b = median(times.many);
  console.log(`the report, from mountReport to every session shown (${RUNS} loads each, interleaved):`);
  console.log(`  1 session:     median ${a.toFixed(0)} ms (${times.one.map((t) => t.toFixed(0)).join(", ")})`);
  console.log(`  104 sessions:  median ${b.toFixed(0)} ms (${times.many.map((t) => t.toFixed(0)).join(", ")})`);
  console.log(`  ratio ${(b / a).toFixed(2)} (goal: at most ${GOAL}) ${b / a <= GOAL ? "ok" : "ABOVE GOAL"}`);
} finally {
  await stop();
}
