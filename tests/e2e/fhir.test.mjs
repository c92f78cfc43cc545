// End-to-end: a portal that asks for FHIR gets a Bundle with the result,
// through the SDK's onComplete, under the deployment's canonical base.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, openHost, newPage, hostUrl, log, until, WIDGET, WIDGET_FRAME } from "./support.mjs";

before(start);
after(stop);

const button = (widget, name) => widget.getByRole("button", { name, exact: true });

/** A 10-year-old's check-out: the first line at 6, the rest skipped, no drawing. */
async function checkOut(page, widget) {
  await until(page, "log.ready.length === 1");
  await button(widget, "Start").tap();
  const slider = widget.getByRole("slider");
  const box = await slider.boundingBox();
  const inset = (box.width * 40) / 1000;
  await slider.tap({ position: { x: inset + ((box.width - 2 * inset) * 6) / 10, y: box.height / 2 } });
  await slider.and(widget.locator('[aria-valuenow="6"]')).waitFor();
  await button(widget, "Next").tap();
  const steps = (await log(page)).ready[0].steps;
  for (const id of steps.slice(1)) {
    await widget.locator(`[data-prompt="${id}"]`).waitFor();
    await button(widget, id.startsWith("drawing.") ? "No, thanks" : "Skip").tap();
  }
  await until(page, "log.complete.length === 1");
  return (await log(page)).complete[0];
}

test("fhir: true puts a Bundle in the result, with the subject, the words the child saw and the skips", async () => {
  const { page, widget } = await openHost({
    age: 10, mode: "checkout", helperName: "Dr. Rivera", fhir: true, fhirSubject: "Patient/123",
  });
  const r = await checkOut(page, widget);
  const b = r.fhir;
  assert.equal(b.resourceType, "Bundle");
  // A transaction a FHIR server takes as it is: each entry a PUT to an id made from the answers.
  assert.equal(b.type, "transaction");
  for (const e of b.entry) {
    assert.deepEqual(e.request, { method: "PUT", url: `${e.resource.resourceType}/${e.resource.id}` });
    assert.equal(e.fullUrl, `urn:uuid:${e.resource.id}`);
  }
  const [qr, ...observations] = b.entry.map((e) => e.resource);
  assert.equal(qr.resourceType, "QuestionnaireResponse");
  assert.equal(qr.status, "completed");
  assert.equal(qr.authored, r.completedAt);
  assert.equal(qr.language, "en");
  assert.deepEqual(qr.subject, { reference: "Patient/123" });
  assert.match(qr.questionnaire, /^https:\/\/ally\.example\.org\/fhir\/Questionnaire\/ally-checkout-9-12\|\d+\.\d+\.\d+$/);
  assert.deepEqual(qr.item.map((i) => i.linkId), r.answers.map((a) => a.promptId));
  assert.match(qr.item[0].text, /Dr\. Rivera/);
  assert.deepEqual(qr.item[0].answer, [{ valueInteger: 6 }]);
  for (const item of qr.item.slice(1)) {
    assert.equal(item.answer, undefined, `${item.linkId}: a skip has no answer`);
    assert.equal(item.extension[0].valueCode, "asked-declined");
  }
  const total = observations.find((o) => o.code.coding[0].code === "alliance-total");
  assert.equal(total.valueQuantity, undefined, "no total with skipped items");
  assert.equal(total.dataAbsentReason.coding[0].code, "asked-declined");
  assert.equal(total.referenceRange[0].low.value, 36);
  assert.deepEqual(total.subject, { reference: "Patient/123" });
  assert.equal(total.derivedFrom[0].reference, b.entry[0].fullUrl);
  await page.context().close();
});

test("without fhir the result has no Bundle", async () => {
  const { page, widget } = await openHost({ age: 10, mode: "checkout" });
  const r = await checkOut(page, widget);
  assert.equal(r.fhir, undefined);
  assert.ok(r.scores.alliance, "the result itself is whole");
  await page.context().close();
});

test("the deployment's <meta name=ally-fhir-base> names the Questionnaire and the code systems", async () => {
  const page = await newPage();
  // The widget's page as a deployment with its own FHIR base would serve it.
  let rewritten = false;
  const widgetPage = (url) => url.origin === WIDGET && (url.pathname === "/" || url.pathname === "/index.html");
  await page.context().route(widgetPage, async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace(
      /(<meta[^>]*)https:\/\/ally\.example\.org\/fhir([^>]*name="?ally-fhir-base)/,
      "$1https://fhir.clinic.example/r4$2",
    );
    rewritten ||= html.includes("https://fhir.clinic.example/r4");
    await route.fulfill({ response: res, body: html });
  });
  await page.goto(hostUrl({ age: 10, mode: "checkout", fhir: true }));
  const widget = page.frameLocator(WIDGET_FRAME);
  const r = await checkOut(page, widget);
  assert.ok(rewritten, "the widget's page was served with the deployment's base");
  const [qr, total] = r.fhir.entry.map((e) => e.resource);
  assert.match(qr.questionnaire, /^https:\/\/fhir\.clinic\.example\/r4\/Questionnaire\/ally-checkout-9-12\|/);
  assert.equal(total.code.coding[0].system, "https://fhir.clinic.example/r4/CodeSystem/ally-score");
  assert.equal(qr.subject, undefined, "no fhirSubject, no subject");
  await page.context().close();
});

test("a bad fhir or fhirSubject gets a field-precise invalid_config and a friendly screen", async () => {
  for (const [config, field] of [
    [{ age: 10, fhir: "yes" }, "fhir"],
    [{ age: 10, fhir: true, fhirSubject: "https://fhir.example/Patient/1" }, "fhirSubject"],
  ]) {
    const { page, widget } = await openHost(config, { malformed: "init" });
    await until(page, "log.errors.length === 1");
    const [e] = (await log(page)).errors;
    assert.equal(e.code, "invalid_config");
    assert.equal(e.field, field);
    await widget.getByRole("heading", { name: /can't start right now/ }).waitFor();
    assert.equal((await log(page)).ready.length, 0);
    await page.context().close();
  }
});
