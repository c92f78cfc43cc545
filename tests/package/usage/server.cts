// Server code that requires the package as CommonJS (Node's own resolution,
// "node16"): the drawings' decoder runs without a DOM, and its types come
// from the package's CommonJS declarations. Checked with `tsc --strict`.
import ally = require("ally-embed");

export function drawingAsSvg(strokes: string): string {
  const drawing: ally.DecodedStrokes = ally.decodeStrokes(strokes);
  return ally.strokesToSvg(drawing);
}

export const speaks: 1 = ally.PROTOCOL_VERSION;
// @ts-expect-error: the format is a fixed string
export const format: number = ally.STROKES_FORMAT;
