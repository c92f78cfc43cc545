// The host SDK's ally.strokes/1 decoder against the vectors the Rust decoder
// is tested with (tests/vectors/strokes.json), and against the widget's SVG.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
// The SDK's one source, as the package exports it: it imports with no DOM.
import * as Ally from "../../packages/ally-embed/src/index.js";

const vectors = JSON.parse(readFileSync(new URL("../vectors/strokes.json", import.meta.url), "utf8"));

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

test("strokesToSvg refuses anything but whole numbers within the format's limits, so nothing else reaches the markup", () => {
  const good = () => ({ width: 1000, height: 700, strokes: [{ tool: "pen", color: "#e0412f", width: 7, points: [[1, 2], [30, 40]] }] });
  assert.match(Ally.strokesToSvg(good()), /^<svg /);
  const bad = [
    ["width", (d) => (d.width = '1" onload="alert(1)')],
    ["width", (d) => (d.width = 10001)],
    ["height", (d) => (d.height = -1)],
    ["height", (d) => (d.height = NaN)],
    ["width", (d) => (d.width = Infinity)],
    ["width", (d) => (d.width = 12.5)],
    ["x", (d) => (d.strokes[0].points[1][0] = '3"/><script>alert(1)</script>')],
    ["x", (d) => (d.strokes[0].points[1][0] = 1001)],
    ["y", (d) => (d.strokes[0].points[0][1] = { valueOf: () => 3, toString: () => '"><script>' })],
    ["stroke width", (d) => (d.strokes[0].width = '7" onclick="x')],
    ["stroke width", (d) => (d.strokes[0].width = 1000.5)],
    ["color", (d) => (d.strokes[0].color = 'red" onload="x')],
    ["tool", (d) => (d.strokes[0].tool = "brush")],
    ["point", (d) => (d.strokes[0].points = [[1, 2, 3]])],
    ["at least one point", (d) => (d.strokes[0].points = [])],
    ["a drawing is", (d) => (d.strokes = "nope")],
  ];
  for (const [what, spoil] of bad) {
    const d = good();
    spoil(d);
    assert.throws(() => Ally.strokesToSvg(d), (e) => {
      assert.ok(e.message.startsWith("ally.strokes/1: "), e.message);
      assert.ok(e.message.includes(what), `${e.message} should name ${what}`);
      return true;
    }, what);
  }
});
