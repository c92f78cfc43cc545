/*!
 * Ally host SDK: embeds the Ally widget in a portal page and receives its
 * answers over protocol v1. One source, built into the package's ES module
 * and CommonJS files and into the classic script (window.Ally) a page loads
 * with a <script> tag (tools/build.mjs). Nothing here touches the window or
 * the document until a function is called, so it imports under Node and in
 * server rendering.
 *
 *   const ally = Ally.mount(element, {
 *     src: "https://ally.example.org/", config: { age: 7, mode: "checkin" },
 *     onAnswer(a) {}, onAttention(a) {}, onComplete(result) {}, onError(e) {},
 *   });
 *
 * The SDK keeps every answer it receives, so a widget that reloads resumes
 * where the child was, even where the iframe may not store anything itself.
 */
import { define } from "./elements.js";

// The page's global object, read only when a function runs.
var root = globalThis;

var VERSION = 1;
var counter = 0;
/** How long a page of Ally may take to say `ready` before the portal hears `timeout`. */
var READY_TIMEOUT = 15000;

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

function call(fn, arg, options, extra) {
  if (typeof fn !== "function") return;
  try {
    fn(arg, extra);
  } catch (err) {
    // A portal callback that throws must not break the channel.
    if (typeof options.onCallbackError === "function") options.onCallbackError(err);
    else setTimeout(function () { throw err; });
  }
}

/** The iframe for a page of Ally: named for assistive technology, sandboxed, full width. */
function frame(title) {
  var iframe = document.createElement("iframe");
  iframe.title = title;
  iframe.setAttribute("sandbox", "allow-scripts allow-same-origin");
  iframe.setAttribute("referrerpolicy", "origin");
  iframe.style.width = "100%";
  iframe.style.border = "0";
  iframe.style.display = "block";
  return iframe;
}

/** What a resume needs of an answer: the widget remakes the rest (labels, the drawing's SVG). */
function lean(a) {
  var v = a.value;
  if (v && typeof v === "object" && !Array.isArray(v)) v = { format: v.format, strokes: v.strokes };
  var lean = { promptId: a.promptId, value: v === undefined ? null : v, skipped: a.skipped, answeredAt: a.answeredAt };
  // A goal's rating counts only for the goal it rated.
  if (typeof a.goalId === "string") lean.goalId = a.goalId;
  return lean;
}

/** The object's own keys and values, as a new plain object: nothing inherited comes along. */
function own(obj) {
  var copy = {};
  Object.keys(obj).forEach(function (k) { copy[k] = obj[k]; });
  return copy;
}

/** The config as sent: a whole earlier result given as previousAlliance or previousGoals travels as what the widget reads of it. */
function slim(config) {
  var p = config.previousAlliance, g = config.previousGoals, copy = config;
  if (p && typeof p === "object" && p.schema !== undefined && (p.mode === "checkout" || p.mode === "form")) {
    var a = (p.scores && p.scores.alliance) || {};
    copy = own(copy);
    copy.previousAlliance = { total: a.total === undefined ? null : a.total, ageBand: p.ageBand, items: a.items };
    // Whose it was: a form compares only with its own rater's.
    if (typeof p.rater === "string") copy.previousAlliance.rater = p.rater;
  }
  if (g && typeof g === "object" && g.schema !== undefined && g.scores && Array.isArray(g.scores.goals)) {
    copy = copy === config ? own(copy) : copy;
    copy.previousGoals = {
      ageBand: g.ageBand,
      goals: g.scores.goals.map(function (x) { return { id: x && x.id, progress: x && x.progress }; }),
    };
    if (typeof g.rater === "string") copy.previousGoals.rater = g.rater;
  }
  return copy;
}

/**
 * A page of Ally that never says `ready` (a wrong `src`, a refused frame, a
 * network failure) must not leave the portal waiting in silence: after
 * `ms`, `onError` hears `timeout`. `arm()` starts the wait, `clear()` ends it.
 */
function readyWatch(options, what) {
  var ms = options.readyTimeout === undefined ? READY_TIMEOUT : options.readyTimeout;
  var timer = null;
  return {
    arm: function () {
      clearTimeout(timer);
      if (ms === Infinity || ms <= 0) return;
      timer = setTimeout(function () {
        timer = null;
        call(options.onError, {
          code: "timeout",
          message: what + " did not say it was ready within " + ms + " ms. Check that `src` is the URL of Ally's deployment, " +
            "that it loads (network, server), that its Content-Security-Policy frame-ancestors and its allow-list " +
            "(ally-allowed-origins) name this page's origin, and that nothing else on this page answers its hello.",
        }, options);
      }, ms);
    },
    clear: function () { clearTimeout(timer); timer = null; },
  };
}

/** Refuses a wrong readyTimeout, minHeight or maxHeight with `fail`'s TypeError. */
function checkOptions(options, fail) {
  var t = options.readyTimeout;
  if (t !== undefined && !(typeof t === "number" && t >= 0)) fail("options.readyTimeout must be a number of milliseconds (0 or Infinity: never)");
  checkHeights(options, fail);
}

function checkHeights(options, fail) {
  var min = options.minHeight, max = options.maxHeight;
  if (min !== undefined && !(typeof min === "number" && min >= 0 && isFinite(min))) fail("options.minHeight must be a number of pixels");
  if (max !== undefined && !(typeof max === "number" && max > 0)) fail("options.maxHeight must be a number of pixels above 0");
  if (min !== undefined && max !== undefined && min > max) fail("options.minHeight must not be more than options.maxHeight");
}

/**
 * With `autoFocus`, what moves the keyboard's focus into `iframe` once, at
 * its first `ready`: unless the user has put it somewhere else meanwhile.
 * Without it the portal keeps its focus (focus() moves it when asked).
 */
function autoFocus(options, iframe) {
  var doc = root.document;
  var before = options.autoFocus ? doc.activeElement : null;
  var done = !options.autoFocus;
  return function () {
    if (done) return;
    done = true;
    var now = doc.activeElement;
    if (now === before || now === doc.body || now === null) iframe.focus();
  };
}

/**
 * The iframe's height: what its page needs (`take`, from `initial` until the
 * page says), within the portal's minHeight and maxHeight, which `bounds`
 * may change later. Beyond maxHeight the page scrolls inside its frame.
 */
function sizer(options, iframe, initial, fail) {
  var min = options.minHeight, max = options.maxHeight, wanted = initial;
  function apply() {
    var h = Math.ceil(wanted);
    if (min !== undefined) h = Math.max(h, min);
    if (max !== undefined) h = Math.min(h, max);
    iframe.style.height = h + "px";
  }
  apply();
  return {
    take: function (height) {
      wanted = height;
      apply();
    },
    bounds: function (next) {
      next = next || {};
      checkHeights(next, fail);
      min = next.minHeight;
      max = next.maxHeight;
      apply();
    },
  };
}

/**
 * Embeds Ally in `element`. Returns a handle with `reset()`, `destroy()`,
 * `answers()`, `session`, `run` and `iframe`.
 */
function mount(element, options) {
  if (!element || typeof element.appendChild !== "function") fail("element must be a DOM element");
  options = options || {};
  if (typeof options.src !== "string" || !options.src) fail("options.src must be the widget's URL");
  if (!options.config || typeof options.config !== "object" || Array.isArray(options.config)) {
    fail("options.config must be an object, e.g. { age: 7 }");
  }
  var url;
  try {
    url = new URL(options.src, root.location.href);
  } catch (e) {
    fail("options.src must be the widget's URL, got " + JSON.stringify(options.src));
  }
  var widgetOrigin = url.origin;
  if (widgetOrigin === "null") fail("options.src must be an http(s) URL");
  // Naming goals and the adults' forms are pages of their own beside the
  // widget's: the check-ins never download them.
  if (options.config.mode === "goals") url.pathname = url.pathname.replace(/[^/]*$/, "goals.html");
  if (options.config.mode === "form") url.pathname = url.pathname.replace(/[^/]*$/, "form.html");
  var session = options.session ? String(options.session) : randomId();
  // Counted in characters (code points), as the widget counts them.
  if (Array.from(session).length > 200) fail("options.session must be at most 200 characters");
  checkOptions(options, fail);
  url.searchParams.set("session", session);
  var waiting = readyWatch(options, "The Ally widget");

  var answers = new Map(); // promptId -> answer payload, latest wins
  var attention = new Map(); // attention id -> payload: each concern once, however often sent
  var unheard = false; // told the portal once that it has no onAttention
  var startedAt = null;
  var seenComplete = new Set();
  var completedRuns = new Set();
  var destroyed = false;
  // Each start (the init, then each reset) is a run; every message of the widget names its run.
  var run = 1;
  // The private channel: the port of the widget page that said hello last.
  var port = null;
  var instance = null;
  var initId = null;
  (options.resume && options.resume.answers || []).forEach(function (a) {
    if (a && typeof a.promptId === "string") answers.set(a.promptId, a);
  });
  if (options.resume && options.resume.startedAt) startedAt = options.resume.startedAt;
  (options.resume && options.resume.attention || []).forEach(function (a) {
    if (a && typeof a.id === "string") attention.set(a.id, a);
  });

  var iframe = frame(options.title || "Ally check-in");
  var size = sizer(options, iframe, options.initialHeight || 560, fail);
  var focusOnReady = autoFocus(options, iframe);

  function envelope(type, payload, extra) {
    var msg = { ally: VERSION, type: type, id: session + ":" + (++counter), session: session, payload: payload || {} };
    if (extra) Object.keys(extra).forEach(function (k) { msg[k] = extra[k]; });
    return msg;
  }

  /** Everything after init goes on the port, where no other script on this page can read it. */
  function post(type, payload, extra) {
    if (port && !destroyed) port.postMessage(envelope(type, payload, extra));
  }

  function resumeState() {
    if (answers.size === 0 && attention.size === 0) return undefined;
    var r = { answers: Array.from(answers.values()).map(lean) };
    if (startedAt) r.startedAt = startedAt;
    // A child's request for help is kept through a reload.
    if (attention.size) r.attention = Array.from(attention.values());
    return r;
  }

  /** A widget page said hello: a new page (first load or reload) gets a new channel. */
  function connect(hello) {
    var name = hello.payload && hello.payload.instance;
    if (name !== undefined && name === instance) return; // the same page again: its init is on the way
    instance = name;
    if (port) port.close();
    var channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = onPortMessage;
    var init = { config: slim(options.config), run: run };
    var resume = resumeState();
    if (resume) init.resume = resume;
    var msg = envelope("init", init);
    initId = msg.id;
    waiting.arm();
    // The init is the one message for the window: it carries the other end of the channel.
    iframe.contentWindow.postMessage(msg, widgetOrigin, [channel.port2]); // never "*"
  }

  function onWindowMessage(event) {
    // Only the widget's own page may say hello; nothing else is read from the window.
    if (event.source !== iframe.contentWindow || event.origin !== widgetOrigin || destroyed) return;
    var msg = event.data;
    if (!msg || typeof msg !== "object" || msg.session !== session || msg.type !== "hello") return;
    if (msg.ally !== VERSION) return versionError(msg);
    connect(msg);
  }

  function versionError(msg) {
    call(options.onError, { code: "unsupported_version", message: "ally: the SDK speaks protocol version " + VERSION + ", the widget " + msg.ally }, options);
  }

  function onPortMessage(event) {
    var msg = event.data;
    if (destroyed || !msg || typeof msg !== "object" || msg.session !== session || !("ally" in msg)) return;
    if (msg.ally !== VERSION) return versionError(msg);
    var p = msg.payload || {};
    var current = msg.run === undefined || msg.run === run;
    switch (msg.type) {
      case "ready":
        if (!current) return;
        waiting.clear();
        if (!startedAt) startedAt = p.startedAt;
        focusOnReady();
        call(options.onReady, p, options);
        break;
      case "answer":
        if (!current) return; // an answer of a run the portal has started over
        if (typeof p.promptId === "string") {
          answers.delete(p.promptId);
          answers.set(p.promptId, p);
        }
        call(options.onAnswer, p, options);
        break;
      case "resize":
        if (typeof p.height === "number" && p.height > 0) {
          size.take(p.height);
          call(options.onResize, p.height, options);
        }
        break;
      case "attention":
        // Acknowledged only where the portal listens: the child's screen
        // says the helper was told only once someone can tell them.
        if (typeof options.onAttention !== "function") {
          if (!unheard) {
            unheard = true;
            call(options.onError, { code: "attention_unheard", message: "attention: the widget raised a concern (" + p.reason + "); pass onAttention to Ally.mount to hear it" }, options);
          }
          return;
        }
        post("ack", {}, { replyTo: msg.id });
        if (typeof p.id !== "string" || attention.has(p.id)) return;
        attention.set(p.id, p);
        call(options.onAttention, p, options);
        break;
      case "complete":
        post("ack", {}, { replyTo: msg.id });
        // Exactly once per message, and at most once per run, whichever run it is.
        var runOf = msg.run === undefined ? run : msg.run;
        if (seenComplete.has(msg.id) || completedRuns.has(runOf)) return;
        seenComplete.add(msg.id);
        completedRuns.add(runOf);
        call(options.onComplete, p, options, { run: runOf });
        break;
      case "error":
        // The widget heard us: whatever it says, the portal hears it now, not a timeout later.
        if (msg.replyTo === initId) waiting.clear();
        // The widget started without a resume it could not take: it is not sent again.
        if (msg.replyTo === initId && p.code === "too_large") answers.clear();
        call(options.onError, p, options);
        break;
      default:
        break; // newer message types are ignored
    }
  }

  // Listen before the widget can speak.
  root.addEventListener("message", onWindowMessage);
  // An on-screen keyboard shrinks what is visible of the page: while the
  // child types in Ally, its top (the question, the field, Next) is
  // brought to the top of what is left.
  var viewport = root.visualViewport || root;
  function keepInView() {
    if (!destroyed && root.document.activeElement === iframe) iframe.scrollIntoView({ block: "start" });
  }
  viewport.addEventListener("resize", keepInView);
  iframe.src = url.toString();
  element.appendChild(iframe);
  waiting.arm();

  var handle = {
    session: session,
    iframe: iframe,
    /** The current run: 1, then one more at each reset(). */
    run: run,
    /** The answers received so far in this run: the latest per prompt, in the order they arrived. */
    answers: function () { return Array.from(answers.values()); },
    /** What needed the helper's attention so far (see onAttention), each once. */
    attention: function () { return Array.from(attention.values()); },
    /** What to give back as `resume` to a new mount of the same session: undefined before the first answer. */
    resumeState: resumeState,
    /** Moves the keyboard's focus into the widget. */
    focus: function () { iframe.focus(); },
    /** New { minHeight, maxHeight } for the frame (either may be left out); throws a TypeError naming a wrong one. */
    setHeights: size.bounds,
    /** Starts the check-in over as a new run; forgets the answers kept for resuming. */
    reset: function () {
      answers.clear();
      attention.clear();
      startedAt = null;
      run += 1;
      handle.run = run;
      if (port) waiting.arm();
      post("reset", { run: run });
    },
    /** Removes the widget, closes the channel and stops listening. */
    destroy: function () {
      destroyed = true;
      viewport.removeEventListener("resize", keepInView);
      waiting.clear();
      root.removeEventListener("message", onWindowMessage);
      if (port) port.close();
      if (iframe.parentNode) iframe.parentNode.removeChild(iframe);
    },
  };
  return handle;
}

// ---- The adults' forms ---------------------------------------------------

var RATERS = ["caregiver", "therapist"];

/**
 * Embeds an adult's form in `element`: a caregiver's or the therapist's
 * view beside the child's (`options.rater`), through the same channel,
 * acks, resume and errors as Ally.mount, with the same handle and events.
 * `options.config` is the child's (age, goals, names); its mode is "form".
 */
function mountForm(element, options) {
  options = options || {};
  if (RATERS.indexOf(options.rater) < 0) {
    throw new TypeError("Ally.mountForm: options.rater must be \"caregiver\" or \"therapist\", got " + JSON.stringify(options.rater));
  }
  if (!options.config || typeof options.config !== "object" || Array.isArray(options.config)) {
    throw new TypeError("Ally.mountForm: options.config must be an object, e.g. { age: 7, goals: [...] }");
  }
  var config = own(options.config);
  config.mode = "form";
  config.rater = options.rater;
  // The options themselves stay underneath: a callback the portal sets later is still heard.
  // Defined, not assigned: the portal's options may be frozen or read-only.
  var o = Object.create(options);
  var put = function (k, v) { Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true }); };
  put("config", config);
  if (!options.title) put("title", options.rater === "caregiver" ? "Ally: a caregiver's view" : "Ally: the therapist's view");
  if (!options.initialHeight) put("initialHeight", 900);
  return mount(element, o);
}

// ---- The therapist's report ----------------------------------------------

function reportFail(message) {
  throw new TypeError("Ally.mountReport: " + message);
}

/**
 * Shows the therapist's report of `results` (earlier result documents) in
 * `element`, from the same deployment as the widget: the same handshake,
 * origin rules and private channel. Returns a handle with `add(result)`,
 * `live(answer)`, `destroy()`, `session` and `iframe`.
 */
function mountReport(element, options) {
  if (!element || typeof element.appendChild !== "function") reportFail("element must be a DOM element");
  options = options || {};
  if (typeof options.src !== "string" || !options.src) reportFail("options.src must be the widget's URL");
  var results = options.results === undefined ? [] : options.results;
  if (!Array.isArray(results)) reportFail("options.results must be a list of result documents");
  var url;
  try {
    url = new URL("report.html", new URL(options.src, root.location.href));
  } catch (e) {
    reportFail("options.src must be the widget's URL, got " + JSON.stringify(options.src));
  }
  var origin = url.origin;
  if (origin === "null") reportFail("options.src must be an http(s) URL");
  checkOptions(options, reportFail);
  var waiting = readyWatch(options, "The Ally report");
  var session = "report-" + randomId();
  url.searchParams.set("session", session);
  var config = {};
  if (options.locale !== undefined) config.locale = options.locale;
  if (options.allianceCutoff !== undefined) config.allianceCutoff = options.allianceCutoff;
  if (options.agreementGap !== undefined) config.agreementGap = options.agreementGap;
  var sent = results.map(forReport);
  var live = new Map(); // promptId -> the live message's payload, for a report that reloads
  var alerts = new Map(); // attention id -> payload, for a report that reloads
  var port = null;
  var instance = null;
  var destroyed = false;

  var iframe = frame(options.title || "Ally report");
  var size = sizer(options, iframe, options.initialHeight || 480, reportFail);
  var focusOnReady = autoFocus(options, iframe);

  function envelope(type, payload) {
    return { ally: VERSION, type: type, id: session + ":" + (++counter), session: session, payload: payload || {} };
  }

  function post(type, payload) {
    if (port && !destroyed) port.postMessage(envelope(type, payload));
  }

  /** A report page said hello: it gets a new channel, the settings, then every session so far. */
  function connect(hello) {
    var name = hello.payload && hello.payload.instance;
    if (name !== undefined && name === instance) return;
    instance = name;
    if (port) port.close();
    var channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = onPortMessage;
    waiting.arm();
    iframe.contentWindow.postMessage(envelope("init", { config: config }), origin, [channel.port2]);
    // One message per session: each stays under the size limit on its own.
    sent.forEach(function (r) { post("add", { result: r }); });
    live.forEach(function (payload) { post("live", payload); });
    alerts.forEach(function (payload) { post("attention", payload); });
  }

  function onWindowMessage(event) {
    if (event.source !== iframe.contentWindow || event.origin !== origin || destroyed) return;
    var msg = event.data;
    if (!msg || typeof msg !== "object" || msg.session !== session || msg.type !== "hello") return;
    if (msg.ally !== VERSION) {
      return call(options.onError, { code: "unsupported_version", message: "ally: the SDK speaks protocol version " + VERSION + ", the report " + msg.ally }, options);
    }
    connect(msg);
  }

  function onPortMessage(event) {
    var msg = event.data;
    if (destroyed || !msg || typeof msg !== "object" || msg.session !== session) return;
    var p = msg.payload || {};
    if (msg.type === "resize" && typeof p.height === "number" && p.height > 0) {
      size.take(p.height);
      call(options.onResize, p.height, options);
    } else if (msg.type === "ready") {
      waiting.clear();
      focusOnReady();
      call(options.onReady, p, options);
    } else if (msg.type === "error") {
      waiting.clear();
      call(options.onError, p, options);
    }
  }

  root.addEventListener("message", onWindowMessage);
  iframe.src = url.toString();
  element.appendChild(iframe);
  waiting.arm();

  return {
    session: session,
    iframe: iframe,
    /** Adds a finished session's result document; the check-in in progress ends. */
    add: function (result) {
      var lean = forReport(result);
      sent.push(lean);
      live.clear();
      post("add", { result: lean });
    },
    /** Shows an answer of the check-in in progress (from Ally.mount's onAnswer), in the words of `ageBand` (onReady's). */
    live: function (answer, ageBand) {
      var payload = ageBand === undefined ? { answer: answer } : { answer: answer, ageBand: ageBand };
      if (answer && typeof answer.promptId === "string") live.set(answer.promptId, payload);
      post("live", payload);
    },
    /** Shows what needs the therapist's attention now (from Ally.mount's onAttention), as a banner at the top. */
    attention: function (payload) {
      if (!payload || typeof payload !== "object" || typeof payload.id !== "string") {
        return call(options.onError, { code: "bad_message", message: "attention: pass the payload onAttention received", field: "attention" }, options);
      }
      if (alerts.has(payload.id)) return;
      alerts.set(payload.id, payload);
      post("attention", payload);
    },
    /** Moves the keyboard's focus into the report. */
    focus: function () { iframe.focus(); },
    /** New { minHeight, maxHeight } for the frame, as the widget's handle takes them. */
    setHeights: size.bounds,
    /** Removes the report, closes the channel and stops listening. */
    destroy: function () {
      destroyed = true;
      waiting.clear();
      root.removeEventListener("message", onWindowMessage);
      if (port) port.close();
      if (iframe.parentNode) iframe.parentNode.removeChild(iframe);
    },
  };
}

/**
 * A result as the report needs it: without its FHIR Bundle and its
 * drawings' SVG, which the report makes again from the strokes. A check-in
 * with a full page of drawing and FHIR is about 280 KB; this is about 55.
 */
function forReport(result) {
  if (!result || typeof result !== "object" || Array.isArray(result)) return result;
  var copy = own(result);
  delete copy.fhir;
  if (Array.isArray(copy.answers)) {
    copy.answers = copy.answers.map(function (a) {
      var v = a && a.value;
      if (!v || typeof v !== "object" || Array.isArray(v) || !("svg" in v)) return a;
      var answer = own(a);
      answer.value = own(v);
      delete answer.value.svg;
      return answer;
    });
  }
  return copy;
}

// ---- ally.strokes/1: the drawings' compact encoding ----------------------

var STROKES = "ally.strokes/1";
var MAX_SIDE = 10000;
var MAX_POINTS = 200000;

function strokesError(message) {
  return new Error(STROKES + ": " + message);
}

function base64Bytes(text) {
  if (typeof text !== "string" || text.length % 4 !== 0) {
    throw strokesError("not base64: the length must be a multiple of 4");
  }
  var bad = /[^A-Za-z0-9+/=]/.exec(text);
  if (bad || /=[^=]/.test(text) || /===$/.test(text)) {
    throw strokesError("not base64: " + JSON.stringify(bad ? bad[0] : "=") + " at " + (bad ? bad.index : text.indexOf("=")));
  }
  var bin = atob(text);
  var bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * Decodes an `ally.strokes/1` text (the `strokes` of a drawing answer) into
 * `{ width, height, strokes: [{ tool, color, width, points: [[x, y], …] }] }`.
 * Throws an Error that starts with "ally.strokes/1: " when the text is not valid.
 */
function decodeStrokes(text) {
  var bytes = base64Bytes(text);
  var at = 0;
  function byte() {
    if (at >= bytes.length) throw strokesError("truncated at byte " + at);
    return bytes[at++];
  }
  function varint() {
    var start = at, value = 0, scale = 1;
    for (var i = 0; i < 10; i++) {
      var b = byte();
      value += (b & 0x7f) * scale;
      scale *= 128;
      if (!(b & 0x80)) return value;
    }
    throw strokesError("varint too long at byte " + start);
  }
  function bounded(what, max) {
    var v = varint();
    if (v > max) throw strokesError(what + " " + v + " is more than " + max);
    return v;
  }
  function unzigzag(v) {
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }
  var width = bounded("width", MAX_SIDE);
  var height = bounded("height", MAX_SIDE);
  var count = bounded("stroke count", MAX_POINTS);
  var strokes = [];
  var total = 0;
  for (var s = 0; s < count; s++) {
    var t = byte();
    if (t > 1) throw strokesError("unknown tool " + t);
    var rgb = [byte(), byte(), byte()];
    var widthQ = bounded("stroke width", 4000);
    var n = bounded("point count", MAX_POINTS);
    total += n;
    if (total > MAX_POINTS) throw strokesError("more than " + MAX_POINTS + " points");
    if (n === 0) throw strokesError("a stroke without points");
    var points = [];
    var x = varint(), y = varint();
    for (var i = 0; i < n; i++) {
      if (i > 0) {
        x += unzigzag(varint());
        y += unzigzag(varint());
      }
      if (x < 0 || x > width || y < 0 || y > height) {
        throw strokesError("point (" + x + ", " + y + ") is outside the canvas");
      }
      points.push([x, y]);
    }
    strokes.push({
      tool: t === 0 ? "pen" : "eraser",
      color: "#" + rgb.map(function (c) { return (c + 256).toString(16).slice(1); }).join(""),
      width: widthQ / 4,
      points: points,
    });
  }
  if (at !== bytes.length) throw strokesError(bytes.length - at + " bytes left over after the last stroke");
  return { width: width, height: height, strokes: strokes };
}

/** `n` when it is a whole number from 0 to `max`; anything else is refused. */
function whole(n, max, what) {
  if (typeof n !== "number" || !isFinite(n) || Math.floor(n) !== n || n < 0 || n > max) {
    throw strokesError(what + " must be a whole number from 0 to " + max + ", got " + String(n).slice(0, 40));
  }
  return n;
}

/**
 * An SVG document for a decoded drawing: white paper, round pens; the
 * eraser paints paper. Every number must be what `decodeStrokes` gives
 * (whole, on the canvas, within the format's limits), every colour
 * `#rrggbb`; anything else throws, so nothing but numbers reaches the markup.
 */
function strokesToSvg(drawing) {
  if (!drawing || typeof drawing !== "object" || !Array.isArray(drawing.strokes)) {
    throw strokesError("a drawing is { width, height, strokes: [...] }, as decodeStrokes gives");
  }
  var w = whole(drawing.width, MAX_SIDE, "width"), h = whole(drawing.height, MAX_SIDE, "height");
  var total = 0;
  drawing.strokes.forEach(function (s) {
    if (!s || typeof s !== "object" || !Array.isArray(s.points) || s.points.length === 0) {
      throw strokesError("a stroke is { tool, color, width, points: [[x, y], ...] } with at least one point");
    }
    if (s.tool !== "pen" && s.tool !== "eraser") throw strokesError("tool must be \"pen\" or \"eraser\"");
    if (s.tool === "pen" && !(typeof s.color === "string" && /^#[0-9a-f]{6}$/.test(s.color))) {
      throw strokesError("color must be #rrggbb in lower case");
    }
    if (whole(s.width * 4, 4000, "stroke width × 4") !== s.width * 4) throw strokesError("bad stroke width");
    total += s.points.length;
    if (total > MAX_POINTS) throw strokesError("more than " + MAX_POINTS + " points");
    s.points.forEach(function (p) {
      if (!Array.isArray(p) || p.length !== 2) throw strokesError("a point is [x, y]");
      whole(p[0], w, "x");
      whole(p[1], h, "y");
    });
  });
  var out = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + w + " " + h + '" width="' + w + '" height="' + h + '">' +
    '<rect width="' + w + '" height="' + h + '" fill="#fff"/>';
  drawing.strokes.forEach(function (s) {
    var color = s.tool === "eraser" ? "#fff" : s.color;
    var d = "M" + s.points[0][0] + " " + s.points[0][1] + "l" + (s.points.length === 1 ? "0 0" : "");
    for (var i = 1; i < s.points.length; i++) {
      var dx = s.points[i][0] - s.points[i - 1][0];
      var dy = s.points[i][1] - s.points[i - 1][1];
      d += (i > 1 && dx >= 0 ? " " : "") + dx + (dy >= 0 ? " " : "") + dy;
    }
    out += '<path d="' + d + '" stroke="' + color + '" stroke-width="' + s.width +
      '" fill="none" stroke-linecap="round" stroke-linejoin="round"/>';
  });
  return out + "</svg>";
}

/**
 * Defines the custom elements <ally-checkin>, <ally-form> and <ally-report>
 * in `registry` (default: the page's customElements). Safe to call more
 * than once; where there are no custom elements (under Node) it does
 * nothing and returns false. The classic script calls it as it loads.
 */
function defineElements(registry) {
  return define(registry, { mount: mount, mountForm: mountForm, mountReport: mountReport });
}

export { mount, mountForm, mountReport, defineElements, decodeStrokes, strokesToSvg };
/** The protocol this SDK speaks. */
export var PROTOCOL_VERSION = VERSION;
/** The drawings' format. */
export var STROKES_FORMAT = STROKES;
