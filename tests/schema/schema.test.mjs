// The protocol's JSON Schemas (schema/), held against everything else that
// says what a message is: hand-made samples (tests/schema/samples.ts), good
// and wrong; every message the end-to-end suite recorded, both ways; and the
// SDK's types (packages/ally-embed/index.d.ts), through tsc. Run the end-to-end suite
// first: it writes the recording.
//
//   node --test --test-concurrency=1 tests/e2e/ && node --test tests/schema/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import ts from "typescript";
import { RECORDING } from "../e2e/support.mjs";

const path = (p) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const readJson = (p) => JSON.parse(readFileSync(path(p), "utf8"));

const RESULT = readJson("schema/ally-result-1.schema.json");
const PROTOCOL = readJson("schema/ally-protocol-1.schema.json");
/** Where the generated TypeScript files go (beside the recording, not committed). */
const SCRATCH = path("test-results/schema");

// The recording must show every message type each side sends, and every kind of answer.
const EXPECTED = {
  "to-host": ["hello", "ready", "answer", "resize", "attention", "complete", "error"],
  "to-widget": ["init", "ack", "reset", "add", "live", "attention"],
};
const KINDS = ["faces", "line", "sizes", "feelings", "choice", "agree4", "drawing", "progress", "goal", "plan", "note"];

function compile() {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, discriminator: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(RESULT).addSchema(PROTOCOL);
  return {
    ajv,
    message: ajv.getSchema(PROTOCOL.$id),
    "to-host": ajv.getSchema(`${PROTOCOL.$id}#/$defs/widgetMessage`),
    "to-widget": ajv.getSchema(`${PROTOCOL.$id}#/$defs/hostMessage`),
    result: ajv.getSchema(RESULT.$id),
  };
}

/** The errors of `validate` on `data`, one line each. */
function explain(validate, data) {
  return validate(data) ? "" : validate.errors.map((e) => `  ${e.instancePath || "/"} ${e.message} (${e.schemaPath})`).join("\n");
}

/** The values of tests/schema/samples.ts: its types stripped, as a module. */
async function samples() {
  const source = readFileSync(path("tests/schema/samples.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString("base64")}`);
}

/** Runs tsc on a project; resolves with its exit code and what it said. */
function tsc(project) {
  return new Promise((resolve) => {
    execFile(path("node_modules/.bin/tsc"), ["-p", project, "--pretty", "false"], (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, output: stdout + stderr });
    });
  });
}

/** A tsconfig in SCRATCH for `files` (relative to SCRATCH), with the settings of tests/schema/tsconfig.json. */
function project(name, files) {
  mkdirSync(SCRATCH, { recursive: true });
  const file = `${SCRATCH}/${name}.tsconfig.json`;
  writeFileSync(file, JSON.stringify({ extends: "../../tests/schema/tsconfig.json", files }, null, 2));
  return file;
}

/** The recording of the last end-to-end run, checked to be whole and newer than the widget it ran. */
function recording() {
  let text;
  try {
    text = readFileSync(RECORDING, "utf8");
  } catch {
    assert.fail(`no recording at ${RECORDING}: run the end-to-end suite first (node --test --test-concurrency=1 tests/e2e/)`);
  }
  const lines = text.split("\n").filter(Boolean).map((line, i) => {
    try {
      return JSON.parse(line);
    } catch {
      return assert.fail(`${RECORDING}:${i + 1} is not JSON`);
    }
  });
  assert.ok(lines.length > 0, `${RECORDING} is empty: the end-to-end suite recorded nothing`);
  const runs = new Set(lines.map((l) => l.run));
  assert.equal(runs.size, 1, `the recording mixes runs: ${[...runs].join(", ")}`);
  const built = Math.max(...["dist/index.html", "dist/report.html", "dist/ally-embed.js"].map((f) => statSync(path(f)).mtimeMs));
  assert.ok(Date.parse(lines[0].at) >= built,
    `the recording (${lines[0].at}) is older than the widget in dist/ (${new Date(built).toISOString()}): run the end-to-end suite again`);
  return lines;
}

test("both schemas are valid JSON Schema 2020-12, and compile in strict mode", () => {
  const { ajv } = compile();
  for (const schema of [RESULT, PROTOCOL]) {
    assert.ok(ajv.validateSchema(schema), `${schema.$id}: ${ajv.errorsText(ajv.errors)}`);
    assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  }
  assert.equal(PROTOCOL.$defs.complete.properties.payload.allOf[0].$ref, "ally-result-1.schema.json", "complete carries a result document");
  assert.equal(PROTOCOL.$defs.add.properties.payload.properties.result.$ref, "ally-result-1.schema.json", "add carries a result document");
});

test("every good sample is accepted, both ways, and every result on its own", async () => {
  const v = compile();
  const { fromWidget, fromHost, results } = await samples();
  for (const [direction, list] of [["to-host", fromWidget], ["to-widget", fromHost]]) {
    for (const m of list) {
      assert.equal(explain(v[direction], m), "", `${direction} ${m.type} ${m.id} refused:`);
      assert.equal(explain(v.message, m), "", `${m.type} ${m.id} refused as a message:`);
    }
  }
  for (const r of results) assert.equal(explain(v.result, r), "", `${r.mode} ${r.ageBand} refused:`);
  // A message never passes for the other direction, but `attention`, which the
  // host passes on to the report as the widget sent it.
  const oneWay = (m) => m.type !== "attention";
  for (const m of fromWidget.filter(oneWay)) assert.equal(v["to-widget"](m), false, `${m.type} taken for a host message`);
  for (const m of fromHost.filter(oneWay)) assert.equal(v["to-host"](m), false, `${m.type} taken for a widget message`);
});

test("every wrong sample is refused, for its stated reason", async (t) => {
  const v = compile();
  const { wrong } = await samples();
  assert.ok(wrong.length >= 15, `only ${wrong.length} wrong samples`);
  for (const w of wrong) {
    const validate = w.schema === "result" ? v.result : v.message;
    assert.equal(validate(w.sample), false, `accepted: ${w.reason}`);
    const at = validate.errors.map((e) => e.instancePath);
    assert.ok(at.includes(w.at), `${w.reason}: expected an error at "${w.at}", got\n${explain(validate, w.sample)}`);
  }
  t.diagnostic(`${wrong.length} wrong samples refused`);
});

test("every message recorded in the end-to-end suite is valid, and every type was seen both ways", (t) => {
  const v = compile();
  const lines = recording();
  const counts = { "to-host": {}, "to-widget": {} };
  const kinds = new Set();
  const seen = { skip: false, fhir: false, resume: false, replyTo: false };
  const invalid = [];
  for (const [i, { direction, message: m, file }] of lines.entries()) {
    assert.ok(v[direction], `line ${i + 1}: unknown direction ${direction}`);
    const why = explain(v[direction], m);
    if (why) invalid.push(`line ${i + 1} (${file}), ${direction} ${m && m.type}:\n${why}`);
    const type = m && typeof m.type === "string" ? m.type : "?";
    counts[direction][type] = (counts[direction][type] || 0) + 1;
    if (type === "answer" && !m.payload.skipped) kinds.add(m.payload.kind);
    seen.skip ||= type === "answer" && m.payload.skipped === true;
    seen.fhir ||= type === "complete" && m.payload.fhir !== undefined;
    seen.resume ||= type === "init" && m.payload.resume !== undefined;
    seen.replyTo ||= type === "error" && m.replyTo !== undefined;
  }
  assert.deepEqual(invalid, [], `${invalid.length} of ${lines.length} recorded messages are not valid:\n${invalid.slice(0, 10).join("\n")}`);
  for (const [direction, types] of Object.entries(EXPECTED)) {
    const missing = types.filter((type) => !counts[direction][type]);
    assert.deepEqual(missing, [], `${direction}: no ${missing.join(", ")} in the recording`);
  }
  assert.deepEqual(KINDS.filter((k) => !kinds.has(k)), [], "an answer of every kind");
  assert.deepEqual(Object.keys(seen).filter((k) => !seen[k]), [], "a skip, a result with FHIR, an init with a resume, an error answering a message");
  for (const [direction, types] of Object.entries(counts)) {
    t.diagnostic(`${direction}: ${Object.entries(types).map(([type, n]) => `${type} ${n}`).join(", ")}`);
  }
  t.diagnostic(`${lines.length} messages valid`);
});

/**
 * One recorded message of each shape (direction, type, fields; for answers
 * the kind and whether skipped; for results the mode and FHIR), as TypeScript
 * typed against the SDK's types.
 */
function recordedAsTypeScript(lines) {
  const keys = (o) => (o && typeof o === "object" ? Object.keys(o).sort().join(",") : typeof o);
  const shapes = new Map();
  for (const { direction, message: m } of lines) {
    const p = m.payload || {};
    const shape = [direction, m.type, keys(m), keys(p), p.kind, p.skipped, p.mode, keys(p.config), keys(p.result)].join("|");
    if (!shapes.has(shape)) shapes.set(shape, { direction, m });
  }
  const type = { "to-host": "WidgetMessage | ReportMessage", "to-widget": "HostMessage | ReportHostMessage" };
  const body = [...shapes.values()].map(({ direction, m }, i) => `export const m${i}: ${type[direction]} = ${JSON.stringify(m)};`);
  return {
    count: shapes.size,
    source: [
      "// Made by tests/schema/schema.test.mjs from test-results/messages.jsonl: one recorded message of each shape.",
      'import type { HostMessage, ReportHostMessage, ReportMessage, WidgetMessage } from "../../packages/ally-embed/index";',
      ...body,
      "",
    ].join("\n"),
  };
}

test("the samples and the recorded messages type-check against ally-embed.d.ts", async (t) => {
  const { count, source } = recordedAsTypeScript(recording());
  mkdirSync(SCRATCH, { recursive: true });
  writeFileSync(`${SCRATCH}/recorded.ts`, source);
  const { code, output } = await tsc(project("types", ["../../tests/schema/samples.ts", "recorded.ts"]));
  assert.equal(code, 0, `tsc:\n${output}`);
  t.diagnostic(`tsc: samples.ts and ${count} recorded messages, one of each shape`);
});

test("tsc refuses each wrong sample the types can tell, once its @ts-expect-error is taken away", async (t) => {
  const source = readFileSync(path("tests/schema/samples.ts"), "utf8");
  const lines = source.split("\n");
  // The line after each directive is where its error must be (1-based).
  const expected = lines.flatMap((l, i) => (/^\s*\/\/ @ts-expect-error/.test(l) ? [i + 2] : []));
  assert.ok(expected.length >= 10, `only ${expected.length} samples marked @ts-expect-error`);
  const unmarked = lines.map((l) => l.replace(/\/\/ @ts-expect-error.*/, "// (expected an error here)")).join("\n");
  mkdirSync(SCRATCH, { recursive: true });
  // Two folders down, as samples.ts is: its import of the types still resolves.
  writeFileSync(`${SCRATCH}/samples-unmarked.ts`, unmarked);
  const { code, output } = await tsc(project("unmarked", ["samples-unmarked.ts"]));
  assert.notEqual(code, 0, "tsc accepted the wrong samples");
  const errors = [...output.matchAll(/samples-unmarked\.ts\((\d+),\d+\): error (TS\d+)/g)].map((m) => Number(m[1]));
  assert.deepEqual([...new Set(errors)], expected, `tsc's errors are not exactly on the wrong samples:\n${output}`);
  t.diagnostic(`tsc refused ${expected.length} wrong samples`);
});
