// The two FHIR validators, proved on resources made by hand: they pass the
// good ones (tests/fhir/good/: minimal resources, and realistic ones written
// the way Ally writes them), and each rejects what it is able to in
// tests/fhir/broken/. What each one misses is written down here too, so a
// change in a validator's reach shows up as a failing test.
//
//   validate.py: fhir.resources' R4B models ("model:" errors), then FHIR's
//     JSON rules ("json:") and a few R4 invariants (ext-1, bdl-5, qrs-1, …)
//     that neither library checks.
//   validate.mjs: the official R4 JSON Schema ("schema:" errors).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HERE, ROOT, counts, run } from "./support.mjs";
import { load } from "./validate.mjs";

const GOOD = join(HERE, "good");
const BROKEN = join(HERE, "broken");

/**
 * For each broken file: the error (a substring of one line) that fhir.resources'
 * model reports, that validate.py's own JSON rules and invariants report, and
 * that the JSON schema reports; `null` where that check lets the file through.
 */
const EXPECTED = {
  // A status outside the value set: the models take any string for a code.
  "qr-status-done.json": {
    model: null,
    rules: null,
    schema: "/status: schema: must be equal to one of the allowed values: in-progress, completed",
  },
  // A required primitive: the schema cannot require `status`, because FHIR's
  // JSON lets a primitive come as its `_status` twin (extensions) alone.
  "qr-no-status.json": {
    model: "/status: model: Value for the field 'status' is required.",
    rules: null,
    schema: null,
  },
  // `answer: [{}]`: value[x] is optional in R4's answer and neither library
  // checks ele-1 (an element has a value or children); FHIR's JSON rules do.
  "qr-empty-answer.json": {
    model: null,
    rules: "/item/0/answer/0: json: an object must not be empty",
    schema: null,
  },
  // pydantic's lax mode turns "7" into 7; the schema wants a JSON number.
  "qr-integer-as-string.json": {
    model: null,
    rules: null,
    schema: "/item/0/answer/0/valueInteger: schema: must be number",
  },
  // A skip's data-absent-reason without its code: ext-1 is an invariant.
  "qr-skip-reason-without-value.json": {
    model: null,
    rules: "/item/0/extension/0: ext-1:",
    schema: null,
  },
  // The strokes item beside the drawing's answer instead of under it: qrs-1.
  "qr-strokes-beside-answer.json": {
    model: null,
    rules: "/item/0: qrs-1:",
    schema: null,
  },
  // A string for a Quantity. The published schema gives no complex type
  // `"type": "object"` and would let it through; validate.mjs adds it (the
  // test below shows both).
  "observation-quantity-string.json": {
    model: "/valueQuantity: model: Input should be a valid dictionary or instance of Quantity",
    rules: null,
    schema: "/valueQuantity: schema: must be object",
  },
  // A component with both a value and a dataAbsentReason: obs-6's rule.
  "observation-value-and-absent.json": {
    model: null,
    rules: "/component/0: obs-6",
    schema: null,
  },
  // SDC's minValue/maxValue are extensions, not elements: both reject the names.
  "questionnaire-unknown-property.json": {
    model: "/item/0/minValue: model: Extra inputs are not permitted",
    rules: null,
    schema: '/item/0: schema: must NOT have additional properties: "minValue"',
  },
  // R4's answerOption has no valueDecimal (hence Codings with ordinalValue).
  "questionnaire-decimal-option.json": {
    model: "/item/0/answerOption/1/valueDecimal: model: Extra inputs are not permitted",
    rules: null,
    schema: '/item/0/answerOption/1: schema: must NOT have additional properties: "valueDecimal"',
  },
  // CodeSystem.content is a required primitive, like a status.
  "codesystem-no-content.json": {
    model: "/content: model: Value for the field 'content' is required.",
    rules: null,
    schema: null,
  },
  // An entry without a resource: optional in both; bdl-5 is an invariant.
  "bundle-entry-without-resource.json": {
    model: null,
    rules: "/entry/1: bdl-5:",
    schema: null,
  },
  // A transaction entry must say what to do with its resource (bdl-3): the
  // models and the schema take an entry without one.
  "bundle-transaction-without-request.json": {
    model: null,
    rules: "/entry/1: bdl-3:",
    schema: null,
  },
  // Invariants on a Questionnaire's items: unique linkIds (que-2), and a
  // display item is never required nor repeats (que-6).
  "questionnaire-duplicate-linkid.json": {
    model: null,
    rules: "/item/0/item/0: que-2: linkId 'intensity.line' is already used at /item/0",
    schema: null,
  },
  "questionnaire-display-required.json": {
    model: null,
    rules: "/item/0/item/0: que-6:",
    schema: null,
  },
  // A cutoff range with no bound: obs-3.
  "observation-range-without-bounds.json": {
    model: null,
    rules: "/referenceRange/0: obs-3:",
    schema: null,
  },
  // A required element of complex type in an entry: both see into the Bundle.
  "bundle-observation-without-code.json": {
    model: "/entry/1/resource/code: model: Field required",
    rules: null,
    schema: "/entry/1/resource: schema: must have required property 'code'",
  },
};

const isModel = (e) => / model: /.test(e);

test("both validators pass the hand-made good resources, and count the same resources", () => {
  const py = run("py", [GOOD]);
  const schema = run("schema", [GOOD]);
  const files = readdirSync(join(ROOT, GOOD)).filter((f) => f.endsWith(".json"));
  assert.ok(files.length >= 8, "the good resources are there");
  for (const [name, r] of Object.entries({ py, schema })) {
    assert.equal(r.status, 0, `${name} rejected a good resource:\n${r.stdout}${r.stderr}`);
    assert.equal(r.files.size, files.length, `${name} read every file:\n${r.stdout}`);
    for (const [file, f] of r.files) assert.ok(f.ok, `${name}: ${file}: ${f.errors.join("; ")}`);
  }
  const found = counts(py.summary);
  assert.deepEqual(counts(schema.summary), found);
  // Every kind of resource Ally writes, and the realistic bundles' entries.
  for (const type of ["Questionnaire", "QuestionnaireResponse", "Observation", "CodeSystem", "Bundle"]) {
    assert.ok(found[type] > 0, `no ${type} among the good resources: ${py.summary}`);
  }
  assert.ok(found.Observation >= 4 && found.QuestionnaireResponse >= 3, py.summary);
});

test("each broken resource is rejected by the validators expected, with the error expected", () => {
  const names = readdirSync(join(ROOT, BROKEN)).filter((f) => f.endsWith(".json")).sort();
  assert.deepEqual(names, Object.keys(EXPECTED).sort(), "every broken file has its expectations");
  const py = run("py", [BROKEN]);
  const schema = run("schema", [BROKEN]);
  assert.equal(py.status, 1, py.stderr);
  assert.equal(schema.status, 1, schema.stderr);
  for (const [name, want] of Object.entries(EXPECTED)) {
    const file = join(BROKEN, name);
    const p = py.files.get(file);
    const s = schema.files.get(file);
    assert.ok(p && s, `${name} was validated by both`);
    const model = p.errors.filter(isModel);
    const rules = p.errors.filter((e) => !isModel(e));
    const check = (label, errors, expected) => {
      if (expected === null) {
        assert.deepEqual(errors, [], `${name}: ${label} was expected to let it through`);
      } else {
        assert.ok(
          errors.some((e) => e.includes(expected)),
          `${name}: ${label} should say "${expected}", said:\n  ${errors.join("\n  ") || "(nothing)"}`,
        );
      }
    };
    check("fhir.resources", model, want.model);
    check("validate.py's JSON rules and invariants", rules, want.rules);
    check("the JSON schema", s.errors, want.schema);
    assert.equal(p.ok, want.model === null && want.rules === null, `${name}: validate.py's verdict`);
    assert.equal(s.ok, want.schema === null, `${name}: validate.mjs's verdict`);
    assert.ok(!p.ok || !s.ok, `${name} is caught by at least one validator`);
  }
  // Each library catches something the other misses.
  const only = (a, b) => Object.entries(EXPECTED).filter(([, w]) => w[a] && !w[b]).map(([n]) => n);
  assert.ok(only("model", "schema").length > 0, "fhir.resources alone rejects some");
  assert.ok(only("schema", "model").length > 0, "the JSON schema alone rejects some");
});

test("the published schema lets a string stand for a Quantity; validate.mjs's object types do not", () => {
  const observation = JSON.parse(readFileSync(join(ROOT, BROKEN, "observation-quantity-string.json"), "utf8"));
  assert.deepEqual(load({ asPublished: true }).check(observation), []);
  const { check } = load();
  assert.deepEqual(check(observation), ["/valueQuantity: schema: must be object"]);
  // And the added types keep FHIR's nulls in a primitive array's `_` twin.
  const patient = {
    resourceType: "Patient",
    name: [{ given: ["Ana", "Sofía"], _given: [null, { extension: [{ url: "https://ally.example.org/x", valueString: "y" }] }] }],
  };
  assert.deepEqual(check(patient), []);
});

test("both validators fail when given nothing to validate", () => {
  const empty = mkdtempSync(join(tmpdir(), "ally-fhir-"));
  try {
    for (const name of ["py", "schema"]) {
      const r = run(name, [empty]);
      assert.equal(r.status, 2, `${name}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /no JSON files/);
      const missing = run(name, [join(empty, "missing")]);
      assert.equal(missing.status, 2, `${name}: ${missing.stdout}${missing.stderr}`);
    }
  } finally {
    rmSync(empty, { recursive: true });
  }
});
