// Makes the README's screenshots in headless Chromium:
//   node tests/e2e/screenshots.mjs   (after ./dev.sh build)
import { mkdir } from "node:fs/promises";
import { start, stop, newPage, PORTAL, WIDGET_FRAME } from "./support.mjs";

const out = "docs/screenshots";
await mkdir(out, { recursive: true });
await start();
try {
  // The widget inside the demo portal.
  const page = await newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${PORTAL}/demo/?autostart=1&age=7&mode=checkin&childName=Sam`);
  const widget = page.frameLocator(WIDGET_FRAME.replace("Ally check-in", "Ally check-in for the child"));
  await widget.getByRole("button", { name: "Start" }).click();
  await widget.getByRole("heading", { name: "How do you feel right now?" }).waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/demo-portal.png` });
  await page.context().close();

  // Each band, check-in and check-out, on a tablet.
  for (const [age, mode] of [[4, "checkin"], [7, "checkout"], [10, "checkin"], [15, "checkout"]]) {
    const p = await newPage({ viewport: { width: 1024, height: 768 } });
    const config = JSON.stringify({ age, mode, childName: "Sam", helperName: "Dr. Rivera" });
    await p.goto(`${PORTAL}/__test/host.html?config=${encodeURIComponent(config)}`);
    const w = p.frameLocator(WIDGET_FRAME);
    await w.getByRole("heading").first().waitFor();
    await p.waitForTimeout(400);
    await p.locator("iframe").screenshot({ path: `${out}/welcome-${age}-${mode}.png` });
    await w.getByRole("button", { name: "Start" }).click();
    await p.waitForTimeout(400);
    await p.locator("iframe").screenshot({ path: `${out}/prompt-${age}-${mode}.png` });
    await p.context().close();
  }
} finally {
  await stop();
}
console.log(`screenshots in ${out}/`);
