// Starts the therapist's report. A file rather than an inline script, so a
// strict Content-Security-Policy (script-src 'self') holds.
import init from "./report.js";

init({ module_or_path: new URL("./report_bg.wasm", import.meta.url) });
