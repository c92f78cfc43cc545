// Starts an adult's form. A file rather than an inline script, so a strict
// Content-Security-Policy (script-src 'self') holds.
import init from "./form.js";

init({ module_or_path: new URL("./form_bg.wasm", import.meta.url) });
