// A portal page for the end-to-end tests: mounts Ally through the SDK with
// the config in ?config=… and records everything it sees in `window.log`:
// `raw` is every message the SDK receives from the widget (its hellos on the
// window, then everything on the private channel), `window` every message
// event on the page's window, as any other script on the page would see it.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var widgetPort = params.get("widgetPort") || location.port;
  var widgetOrigin = "http://127.0.0.1:" + widgetPort;
  var log = (window.log = { ready: [], answers: [], attention: [], complete: [], runs: [], errors: [], resize: [], raw: [], window: [], sent: [] });
  log.at = [];
  window.addEventListener("message", function (e) {
    log.window.push(e.data);
    if (e.origin !== widgetOrigin) return;
    log.raw.push(e.data);
    log.at.push(performance.now());
    if (e.data && e.data.type === "hello" && !window.helloAt) window.helloAt = performance.now();
  });
  // Test instrumentation of the portal's own SDK: what travels on its ports.
  var Channel = window.MessageChannel;
  window.MessageChannel = function () {
    var c = new Channel();
    var ours = c.port1;
    (window.ports = window.ports || []).push(ours);
    var send = ours.postMessage.bind(ours);
    ours.postMessage = function (m) { log.sent.push(m); return send(m); };
    var desc = Object.getOwnPropertyDescriptor(MessagePort.prototype, "onmessage");
    Object.defineProperty(ours, "onmessage", {
      set: function (fn) { desc.set.call(ours, function (e) { log.raw.push(e.data); log.at.push(performance.now()); return fn.call(this, e); }); },
      get: function () { return desc.get.call(ours); },
    });
    return c;
  };
  if (params.get("mount") === "none") return;
  // ?rater=caregiver|therapist: an adult's form, through Ally.mountForm.
  var rater = params.get("rater");
  var mount = rater ? function (el, o) { o.rater = rater; return Ally.mountForm(el, o); } : Ally.mount;
  window.ally = mount(document.getElementById("ally"), {
    src: widgetOrigin + (params.get("widgetPath") || "/") + (params.get("widgetQuery") ? "?" + params.get("widgetQuery") : ""),
    session: params.get("session") || undefined,
    config: JSON.parse(params.get("config") || '{"age":7}'),
    resume: params.get("resume") ? JSON.parse(params.get("resume")) : undefined,
    onReady: function (r) { log.ready.push(r); if (!window.readyAt) window.readyAt = performance.now(); },
    onAnswer: function (a) { log.answers.push(a); },
    // ?attention=none: a portal that does not listen for attention.
    onAttention: params.get("attention") === "none" ? undefined : function (a) { log.attention.push(a); },
    onComplete: function (r, meta) { log.complete.push(r); log.runs.push(meta && meta.run); },
    onError: function (e) { log.errors.push(e); },
    onResize: function (h) { log.resize.push(h); },
  });
  // When the widget's frame has loaded something (even a page the browser refused to show).
  window.ally.iframe.addEventListener("load", function () { log.loads = (log.loads || 0) + 1; });
})();
