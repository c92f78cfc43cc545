// Starts the widget. A file rather than an inline script, so a strict
// Content-Security-Policy (script-src 'self') holds.
import init from "./ally.js";

init({ module_or_path: new URL("./ally_bg.wasm", import.meta.url) });
