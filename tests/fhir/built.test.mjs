// Ally's own FHIR output through both validators: the Questionnaires and
// CodeSystems the build writes into dist/fhir/, and the sample bundles it
// writes into target/fhir-samples/. The test command builds them first, so
// a missing or empty directory is a failure, not a skip.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, counts, run } from "./support.mjs";

const BUILT = {
  "dist/fhir": ["Questionnaire", "CodeSystem"],
  "target/fhir-samples": ["Bundle", "QuestionnaireResponse", "Observation"],
};

for (const [dir, types] of Object.entries(BUILT)) {
  test(`${dir}: every resource passes both validators`, () => {
    const abs = join(ROOT, dir);
    assert.ok(existsSync(abs), `${dir} is missing: the build writes it (./dev.sh build)`);
    const files = readdirSync(abs).filter((f) => f.endsWith(".json"));
    assert.ok(files.length > 0, `${dir} has no JSON file`);
    const results = { py: run("py", [dir]), schema: run("schema", [dir]) };
    for (const [name, r] of Object.entries(results)) {
      assert.equal(r.status, 0, `${name} rejected ${dir}:\n${r.stdout}${r.stderr}`);
      assert.equal(r.files.size, files.length, `${name} read every file in ${dir}`);
    }
    const found = counts(results.py.summary);
    assert.deepEqual(counts(results.schema.summary), found);
    for (const type of types) assert.ok(found[type] > 0, `${dir} holds no ${type}: ${results.py.summary}`);
  });
}
