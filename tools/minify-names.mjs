// Shortens the names the widget's wasm and its JS glue use for each other.
// wasm-bindgen names every import `__wbg_<name>_<hash>`: two copies of ~190
// random-looking names, in the wasm and in the glue, that compress badly.
// wasm-opt renames them and prints the mapping; this applies it to the glue.
// (Hand-written: neither Trunk nor wasm-bindgen has a setting for it.)
//
//   node tools/minify-names.mjs dist/ally_bg.wasm dist/ally.js -- <wasm-opt feature flags>
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';

const [wasm, glue, dashes, ...features] = process.argv.slice(2);
if (!wasm || !glue || dashes !== '--') {
  console.error('usage: minify-names.mjs <wasm> <glue.js> -- <wasm-opt flags>');
  process.exit(2);
}
const out = `${wasm}.min`;
const map = JSON.parse(
  execFileSync('wasm-opt', [...features, '--minify-imports-and-exports-and-modules', wasm, '-o', out], {
    encoding: 'utf8',
  }),
);
let js = readFileSync(glue, 'utf8');
const fail = (why) => {
  console.error(`minify-names: ${why}`);
  process.exit(1);
};
const modules = new Set(map.imports.map(([module]) => module));
if (modules.size !== 1) fail(`expected one import module, found ${[...modules].join(', ')}`);
const escape = (s) => s.replace(/[$.]/g, '\\$&');
// The one import module becomes "a" (wasm-opt names modules in order).
const [module] = modules;
const moduleKey = new RegExp(`(["'])${escape(module)}\\1:`, 'g');
if ((js.match(moduleKey) || []).length !== 1) fail(`the glue names module ${module} other than once`);
js = js.replace(moduleKey, 'a:');
// Each import is an object key in the glue: `name:function`, exactly once.
for (const [, from, to] of map.imports) {
  const key = new RegExp(`([{,])${escape(from)}:`, 'g');
  const found = (js.match(key) || []).length;
  if (found !== 1) fail(`import ${from} appears ${found} times in the glue`);
  js = js.replace(key, `$1${to}:`);
}
// Each export the glue uses is read as a property of the instance's exports:
// `.name`. None may be left under its old name (`main`, for one, is unused).
for (const [from, to] of map.exports) {
  js = js.replace(new RegExp(`\\.${escape(from)}(?![\\w$])`, 'g'), `.${to}`);
  if (new RegExp(`(?<![\\w$])${escape(from)}(?![\\w$])`).test(js)) fail(`export ${from} is used in a way this can't rename`);
}
// And none of the old import names is left.
for (const [, from] of map.imports) if (js.includes(from)) fail(`import ${from} is still in the glue`);
writeFileSync(glue, js);
renameSync(out, wasm);
console.log(`minify-names: ${map.imports.length} imports and ${map.exports.length} exports renamed`);
