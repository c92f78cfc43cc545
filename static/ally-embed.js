/*!
 * Ally host SDK: embeds the Ally widget in a portal page and receives its
 * answers over protocol v1. Plain JavaScript, no build step.
 *
 *   const ally = Ally.mount(element, {
 *     src: "https://ally.example.org/", config: { age: 7, mode: "checkin" },
 *     onAnswer(a) {}, onComplete(result) {}, onError(e) {},
 *   });
 *
 * The SDK keeps every answer it receives, so a widget that reloads resumes
 * where the child was, even where the iframe may not store anything itself.
 */
(function (root) {
  "use strict";

  var VERSION = 1;
  var counter = 0;

  function randomId() {
    var c = root.crypto;
    if (c && typeof c.randomUUID === "function") return c.randomUUID();
    var bytes = new Uint8Array(16);
    c.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
  }

  function fail(message) {
    throw new TypeError("Ally.mount: " + message);
  }

  function call(fn, arg, options) {
    if (typeof fn !== "function") return;
    try {
      fn(arg);
    } catch (err) {
      // A portal callback that throws must not break the channel.
      if (typeof options.onCallbackError === "function") options.onCallbackError(err);
      else setTimeout(function () { throw err; });
    }
  }

  /**
   * Embeds Ally in `element`. Returns a handle with `reset()`, `destroy()`,
   * `answers()`, `session` and `iframe`.
   */
  function mount(element, options) {
    if (!element || typeof element.appendChild !== "function") fail("element must be a DOM element");
    options = options || {};
    if (typeof options.src !== "string" || !options.src) fail("options.src must be the widget's URL");
    if (!options.config || typeof options.config !== "object") fail("options.config must be an object, e.g. { age: 7 }");

    var url = new URL(options.src, root.location.href);
    var widgetOrigin = url.origin;
    if (widgetOrigin === "null") fail("options.src must be an http(s) URL");
    var session = options.session ? String(options.session) : randomId();
    url.searchParams.set("session", session);

    var answers = new Map(); // promptId -> answer payload, latest wins
    var startedAt = null;
    var seenComplete = new Set();
    var completed = false;
    var destroyed = false;
    (options.resume && options.resume.answers || []).forEach(function (a) {
      if (a && typeof a.promptId === "string") answers.set(a.promptId, a);
    });
    if (options.resume && options.resume.startedAt) startedAt = options.resume.startedAt;

    var iframe = document.createElement("iframe");
    iframe.title = options.title || "Ally check-in";
    iframe.setAttribute("sandbox", "allow-scripts allow-same-origin");
    iframe.setAttribute("referrerpolicy", "origin");
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.display = "block";
    iframe.style.height = (options.initialHeight || 560) + "px";

    function post(type, payload, extra) {
      var win = iframe.contentWindow;
      if (!win || destroyed) return;
      var msg = { ally: VERSION, type: type, id: session + ":" + (++counter), session: session, payload: payload || {} };
      if (extra) for (var k in extra) msg[k] = extra[k];
      win.postMessage(msg, widgetOrigin); // never "*": answers are about a child
    }

    function resumeState() {
      if (answers.size === 0) return undefined;
      var r = { answers: Array.from(answers.values()) };
      if (startedAt) r.startedAt = startedAt;
      return r;
    }

    function onMessage(event) {
      if (event.source !== iframe.contentWindow || event.origin !== widgetOrigin) return;
      var msg = event.data;
      if (!msg || typeof msg !== "object" || msg.session !== session || !("ally" in msg)) return;
      if (msg.ally !== VERSION) {
        call(options.onError, { code: "unsupported_version", message: "ally: the SDK speaks protocol version " + VERSION + ", the widget " + msg.ally }, options);
        return;
      }
      var p = msg.payload || {};
      switch (msg.type) {
        case "hello":
          var init = { config: options.config };
          var resume = resumeState();
          if (resume) init.resume = resume;
          post("init", init);
          break;
        case "ready":
          if (!startedAt) startedAt = p.startedAt;
          call(options.onReady, p, options);
          break;
        case "answer":
          if (typeof p.promptId === "string") {
            answers.delete(p.promptId);
            answers.set(p.promptId, p);
          }
          call(options.onAnswer, p, options);
          break;
        case "resize":
          if (typeof p.height === "number" && p.height > 0) {
            iframe.style.height = Math.ceil(p.height) + "px";
            call(options.onResize, p.height, options);
          }
          break;
        case "complete":
          post("ack", {}, { replyTo: msg.id });
          if (seenComplete.has(msg.id) || completed) return;
          seenComplete.add(msg.id);
          completed = true;
          call(options.onComplete, p, options);
          break;
        case "error":
          call(options.onError, p, options);
          break;
        default:
          break; // newer message types are ignored
      }
    }

    // Listen before the widget can speak.
    root.addEventListener("message", onMessage);
    iframe.src = url.toString();
    element.appendChild(iframe);

    return {
      session: session,
      iframe: iframe,
      /** The answers received so far, one per prompt, latest first-seen order. */
      answers: function () { return Array.from(answers.values()); },
      /** Starts the check-in over; forgets the answers kept for resuming. */
      reset: function () {
        answers.clear();
        startedAt = null;
        completed = false;
        post("reset", {});
      },
      /** Removes the widget and stops listening. */
      destroy: function () {
        destroyed = true;
        root.removeEventListener("message", onMessage);
        if (iframe.parentNode) iframe.parentNode.removeChild(iframe);
      },
    };
  }

  root.Ally = { mount: mount, PROTOCOL_VERSION: VERSION };
})(window);
