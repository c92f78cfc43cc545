// Runs the two FHIR validators and reads their output back.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const HERE = relative(ROOT, dirname(fileURLToPath(import.meta.url)));
const PYTHON = join(ROOT, ".venv", "bin", "python");

export const VALIDATORS = {
  /** fhir.resources (pydantic models) plus FHIR's JSON rules and a few invariants. */
  py: () => {
    if (!existsSync(PYTHON)) {
      throw new Error(`${PYTHON} is missing: dev.sh's setup makes the .venv with the pinned fhir.resources`);
    }
    return [PYTHON, [join(HERE, "validate.py")]];
  },
  /** The official R4 JSON Schema under ajv. */
  schema: () => [process.execPath, [join(HERE, "validate.mjs")]],
};

/**
 * Runs a validator over `paths` (relative to the repository) and returns its
 * exit status, its output, and for each file `{ ok, type, errors }`.
 */
export function run(name, paths) {
  const [command, args] = VALIDATORS[name]();
  const r = spawnSync(command, [...args, ...paths], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  if (r.error) throw r.error;
  const files = new Map();
  let current = null;
  for (const line of r.stdout.split("\n")) {
    const head = /^(ok|FAIL) +(.+) \(([^()]*)\)$/.exec(line);
    if (head) {
      current = { ok: head[1] === "ok", type: head[3], errors: [] };
      files.set(head[2], current);
    } else if (line.startsWith("     ") && current) {
      current.errors.push(line.trim());
    }
  }
  const summary = r.stdout.trimEnd().split("\n").at(-1);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, files, summary };
}

/** `Bundle 3, Observation 5` in a summary line, as { Bundle: 3, Observation: 5 }. */
export function counts(summary) {
  const list = summary.split("resources: ")[1] ?? "";
  return Object.fromEntries(
    list
      .split(", ")
      .filter(Boolean)
      .map((part) => {
        const [type, n] = part.split(" ");
        return [type, Number(n)];
      }),
  );
}
