// A portal page for the end-to-end tests: mounts Ally through the SDK with
// the config in ?config=… and records everything it sees in `window.log`.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var widgetPort = params.get("widgetPort") || location.port;
  var widgetOrigin = "http://127.0.0.1:" + widgetPort;
  var log = (window.log = { ready: [], answers: [], complete: [], errors: [], resize: [], raw: [] });
  // Every message from the widget, as it arrives, before the SDK sees it.
  window.addEventListener("message", function (e) {
    if (e.origin !== widgetOrigin) return;
    log.raw.push(e.data);
    if (e.data && e.data.type === "hello" && !window.helloAt) window.helloAt = performance.now();
  });
  if (params.get("mount") === "none") return;
  window.ally = Ally.mount(document.getElementById("ally"), {
    src: widgetOrigin + (params.get("widgetPath") || "/") + (params.get("widgetQuery") ? "?" + params.get("widgetQuery") : ""),
    session: params.get("session") || undefined,
    config: JSON.parse(params.get("config") || '{"age":7}'),
    onReady: function (r) { log.ready.push(r); if (!window.readyAt) window.readyAt = performance.now(); },
    onAnswer: function (a) { log.answers.push(a); },
    onComplete: function (r) { log.complete.push(r); },
    onError: function (e) { log.errors.push(e); },
    onResize: function (h) { log.resize.push(h); },
  });
})();
