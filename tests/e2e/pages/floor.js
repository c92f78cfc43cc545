// The start-up floor: a page in the widget's place that says hello and, once
// the host's init arrives, shows one heading and posts ready on the port the
// init brought, with no wasm and no checks. tools/bench/runtime.mjs times
// it beside Ally, so Ally's figure can be read against what the browser, the
// machine and the portal cost anyway.
const session = new URLSearchParams(location.search).get("session");
const host = location.ancestorOrigins[0];
const message = (type, payload) => ({ ally: 1, type, id: type, session, payload });
addEventListener("message", (e) => {
  if (e.origin !== host || !e.data || e.data.type !== "init") return;
  document.body.innerHTML = "<main><h1>Hello!</h1><button type=button>Start</button></main>";
  e.ports[0].postMessage({ ...message("ready", { ageBand: "6-8", locale: "en", mode: "checkin", steps: [], startedAt: new Date().toISOString() }), run: e.data.payload.run });
});
parent.postMessage(message("hello", { versions: [1], instance: "floor" }), host);
