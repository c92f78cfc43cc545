// Forged messages, as page functions both end-to-end suites run (Playwright's
// evaluate and WebDriver's execute alike): each takes one argument.

/**
 * In a stranger's frame inside the portal page: host messages forged to the
 * widget (the portal's first frame), then a forged answer and result to the
 * portal, then "stranger-done". What anyone answers is kept in `window.got`.
 */
export function forgeFromStranger(session) {
  window.got = [];
  addEventListener("message", (e) => window.got.push(e.data));
  const widget = parent.frames[0];
  const base = { ally: 1, session, payload: {} };
  widget.postMessage({ ...base, type: "reset", id: "x1" }, "*");
  widget.postMessage({ ...base, type: "init", id: "x2", payload: { config: { age: 15 } } }, "*");
  widget.postMessage({ ...base, type: "hello", id: "x3" }, "*");
  parent.postMessage({ ...base, type: "answer", id: "x4", payload: { promptId: "trust.listened", value: 0 } }, "*");
  parent.postMessage({ ...base, type: "complete", id: "x5", payload: { schema: "ally.result/1", answers: [] } }, "*");
  parent.postMessage("stranger-done", "*");
}

/**
 * In the portal page, once the channel is open: a reset on the window (not
 * listened to), then on the SDK's port a wrong session (ignored), a wrong
 * version and 1 MB of junk (two errors), and a string.
 */
export function forgeOnChannel([session, origin]) {
  document.querySelector("iframe").contentWindow.postMessage({ ally: 1, type: "reset", id: "w1", session, payload: {} }, origin);
  const port = window.ports.at(-1);
  port.postMessage({ ally: 1, type: "reset", id: "p1", session: "someone-else", payload: {} });
  port.postMessage({ ally: 2, type: "reset", id: "p2", session, payload: {} });
  port.postMessage({ ally: 1, type: "reset", id: "p3", session, payload: {}, junk: "j".repeat(1024 * 1024) });
  port.postMessage("not even an object");
}
