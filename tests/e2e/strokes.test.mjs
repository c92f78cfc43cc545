// The host SDK's ally.strokes/1 decoder against the vectors the Rust decoder
// is tested with (tests/vectors/strokes.json), and against the widget's SVG.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const sdk = readFileSync(new URL("../../static/ally-embed.js", import.meta.url), "utf8");
const vectors = JSON.parse(readFileSync(new URL("../vectors/strokes.json", import.meta.url), "utf8"));
const context = vm.createContext({ atob, Uint8Array, JSON, Math, Number, String, Error, TypeError, Map, Set, URL });
vm.runInContext(sdk, context);
const Ally = context.Ally;

for (const v of vectors.good) {
  test(`decodes: ${v.name}`, () => {
    assert.deepEqual(JSON.parse(JSON.stringify(Ally.decodeStrokes(v.data))), v.decoded);
  });
}

for (const v of vectors.bad) {
  test(`rejects: ${v.name}`, () => {
    assert.throws(() => Ally.decodeStrokes(v.data), (e) => {
      assert.ok(e.message.startsWith("ally.strokes/1: "), e.message);
      assert.ok(e.message.includes(v.error), `${e.message} should say ${v.error}`);
      return true;
    });
  });
}

for (const v of vectors.good.filter((v) => v.svg)) {
  test(`draws the same SVG as the widget: ${v.name}`, () => {
    assert.equal(Ally.strokesToSvg(Ally.decodeStrokes(v.data)), v.svg);
  });
}
