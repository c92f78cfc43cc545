/*
 * Ally as custom elements: <ally-checkin>, <ally-form> and <ally-report>.
 * Each is a thin shell over mount, mountForm and mountReport: attributes
 * for the simple settings, properties for objects, `ally-*` DOM events for
 * the callbacks. An element mounts when it is in the document and tears the
 * widget down when it leaves it; put back, it resumes the same session
 * where the child was. Nothing is defined until defineElements() is called
 * (the classic script calls it as it loads), so importing stays free of
 * side effects and safe under server rendering.
 * (Hand-written rather than with Lit: three shells of a few lines each do not
 * need a library's rendering, and the SDK stays without dependencies.)
 */
var root = globalThis;

var EVENTS = ["ready", "answer", "attention", "complete", "error", "resize"];

/** Attributes read as numbers. */
var NUMBERS = {
  age: "age",
  "ready-timeout": "readyTimeout",
  "min-height": "minHeight",
  "max-height": "maxHeight",
  "initial-height": "initialHeight",
  "alliance-cutoff": "allianceCutoff",
  "agreement-gap": "agreementGap",
};

var KINDS = {
  "ally-checkin": { attributes: ["src", "age", "mode", "locale", "session", "label"], properties: ["config", "resume"] },
  "ally-form": { attributes: ["src", "age", "locale", "session", "rater", "label"], properties: ["config", "resume"] },
  "ally-report": { attributes: ["src", "locale", "alliance-cutoff", "agreement-gap", "label"], properties: ["results"] },
};
var COMMON = ["ready-timeout", "min-height", "max-height", "initial-height", "autofocus"];
/** Attributes that change the frame, or the next mount: the widget goes on as it is. */
var FRAME = ["min-height", "max-height", "initial-height", "label", "autofocus", "ready-timeout"];

function number(value) {
  return value === null || value === "" ? undefined : Number(value);
}

function make(tag, sdk) {
  var kind = KINDS[tag];
  var report = tag === "ally-report";

  class AllyElement extends root.HTMLElement {
    static get observedAttributes() {
      return kind.attributes.concat(COMMON);
    }

    constructor() {
      super();
      this._handle = null;
      // What a re-inserted element resumes from: { session, resume } or the report's documents.
      this._kept = null;
      this._props = {};
      this._queued = false;
      this._stopped = false;
      this._fresh = false;
      this._completed = new Set();
      // A report's: results added, and the live answers and banners since, shown again after a remount.
      this._added = [];
      this._live = new Map();
      this._alerts = new Map();
      // The JSON of each object property as last taken: a change made in place is still a change.
      this._seen = {};
      // The resume property counts once: at the first mount after it was set.
      this._resumeNew = false;
      // The ally-attention listeners on the element itself (see _heard).
      this._attention = [];
    }

    /** The handle of the widget mounted now (mount's, mountForm's or mountReport's), or null. */
    get handle() {
      return this._handle;
    }

    /** The session of the widget mounted now, or kept for its return. */
    get session() {
      if (this._handle) return this._handle.session;
      return this._kept && this._kept.session ? this._kept.session : this.getAttribute("session");
    }

    /** The `session` attribute (React 19 and Vue set a property where the element has one). */
    set session(value) {
      if (value === null || value === undefined) this.removeAttribute("session");
      else this.setAttribute("session", String(value));
    }

    connectedCallback() {
      // A property set before the element was defined sits on the instance, hiding the class's setter.
      var self = this;
      kind.properties.forEach(function (name) {
        if (Object.prototype.hasOwnProperty.call(self, name)) {
          var value = self[name];
          delete self[name];
          self[name] = value;
        }
      });
      this._schedule();
    }

    disconnectedCallback() {
      this._schedule();
    }

    attributeChangedCallback(name, old, value) {
      if (old === value) return;
      if (FRAME.indexOf(name) >= 0) {
        if (this._handle) this._reframe();
        return;
      }
      this._restart();
    }

    // Who listens for ally-attention on the element, as the DOM keeps
    // listeners: one per listener and capture flag, gone when removed,
    // after a `once` listener ran, or when its signal aborts.
    addEventListener(type, listener, options) {
      if (type === "ally-attention" && listener) {
        var capture = typeof options === "boolean" ? options : !!(options && options.capture);
        var list = this._attention;
        var entry = { listener: listener, capture: capture, once: !!(options && options.once) };
        var known = list.some(function (e) { return e.listener === listener && e.capture === capture; });
        var signal = options && typeof options === "object" ? options.signal : null;
        if (!known && !(signal && signal.aborted)) {
          list.push(entry);
          if (signal) signal.addEventListener("abort", function () { drop(list, listener, capture); });
        }
      }
      return super.addEventListener(type, listener, options);
    }

    removeEventListener(type, listener, options) {
      if (type === "ally-attention") drop(this._attention, listener, typeof options === "boolean" ? options : !!(options && options.capture));
      return super.removeEventListener(type, listener, options);
    }

    /** Someone listens for ally-attention here, by addEventListener or the onallyattention property. */
    _heard() {
      return this._attention.length > 0 || typeof this.onallyattention === "function";
    }

    /** Starts over: a check-in or a form as a new run of the same session, a report afresh. */
    reset() {
      this._stopped = false;
      this._completed.clear();
      if (this._handle && !report) return this._handle.reset();
      this._restart();
    }

    /** Removes the widget and forgets its session and what was added to it; a change of setting, or reset(), mounts it again. */
    destroy() {
      this._stopped = true;
      this._unmount();
      this._kept = null;
      this._added = [];
      this._live.clear();
      this._alerts.clear();
    }

    focus(options) {
      if (this._handle) this._handle.focus();
      else super.focus(options);
    }

    /** A new check (new settings): nothing is resumed from the one before. */
    _restart() {
      this._stopped = false;
      this._fresh = true;
      this._schedule();
    }

    // Connections and disconnections settle once per task: a node a
    // framework moves is not torn down and mounted again.
    _schedule() {
      if (this._queued) return;
      this._queued = true;
      var self = this;
      queueMicrotask(function () {
        self._queued = false;
        self._sync();
      });
    }

    _sync() {
      if (!this.isConnected) {
        if (this._handle) {
          // A report comes back from its results and what was added; a check-in from its session and answers.
          if (!report) this._kept = { session: this._handle.session, resume: this._handle.resumeState() };
          this._unmount();
        }
        return;
      }
      if (this._fresh) {
        // A report keeps what was added to it: its results are the portal's, whatever the settings.
        this._fresh = false;
        this._kept = null;
        this._completed.clear();
        this._unmount();
      }
      if (this._handle || this._stopped) return;
      try {
        this._handle = report ? this._mountReport() : this._mount();
      } catch (err) {
        // A wrong setting: the portal hears what it was.
        this._emit("error", { code: "invalid_config", message: err && err.message ? err.message : String(err) });
      }
    }

    _unmount() {
      if (this._handle) this._handle.destroy();
      this._handle = null;
    }

    // On the element only: what the child says does not bubble to every
    // listener of the page (analytics, tag managers), only to the portal's own.
    _emit(name, detail) {
      var event = new CustomEvent("ally-" + name, { detail: detail });
      this.dispatchEvent(event);
      // A `once` listener has run and is gone.
      if (name === "attention") this._attention = this._attention.filter(function (e) { return !e.once; });
    }

    _common() {
      var self = this;
      var options = { src: this.getAttribute("src") || "" };
      COMMON.concat(kind.attributes).forEach(function (name) {
        if (NUMBERS[name] && self.hasAttribute(name)) options[NUMBERS[name]] = number(self.getAttribute(name));
      });
      if (this.hasAttribute("label")) options.title = this.getAttribute("label");
      options.autoFocus = this.hasAttribute("autofocus");
      EVENTS.forEach(function (name) {
        options["on" + name[0].toUpperCase() + name.slice(1)] = function (detail) {
          self._emit(name, detail);
        };
      });
      options.onError = function (error) {
        if (error && error.code === "attention_unheard") {
          error = { code: error.code, message: "attention: the widget raised a concern; listen for ally-attention on <" + tag + "> itself (addEventListener) to hear it" };
        }
        self._emit("error", error);
      };
      return options;
    }

    _mount() {
      var self = this;
      var options = this._common();
      var config = {};
      var given = this._props.config;
      if (given && typeof given === "object") Object.keys(given).forEach(function (k) { config[k] = given[k]; });
      if (this.hasAttribute("age")) config.age = number(this.getAttribute("age"));
      if (this.hasAttribute("locale")) config.locale = this.getAttribute("locale");
      if (this.hasAttribute("mode")) config.mode = this.getAttribute("mode");
      options.config = config;
      var session = (this._kept && this._kept.session) || this.getAttribute("session");
      if (session) options.session = session;
      var resume = this._kept ? this._kept.resume : this._resumeNew ? this._props.resume : undefined;
      this._resumeNew = false;
      if (resume) options.resume = resume;
      // Heard only where the portal listens: otherwise the child's screen
      // would say the helper was told when nobody was.
      Object.defineProperty(options, "onAttention", {
        get: function () {
          return self._heard() ? function (detail) { self._emit("attention", detail); } : undefined;
        },
      });
      // One result once, however often the element comes and goes.
      options.onComplete = function (result, meta) {
        var id = result && result.id;
        if (id && self._completed.has(id)) return;
        if (id) self._completed.add(id);
        self._emit("complete", result);
      };
      if (tag === "ally-form") {
        options.rater = this.getAttribute("rater");
        return sdk.mountForm(this, options);
      }
      return sdk.mount(this, options);
    }

    _mountReport() {
      var options = this._common();
      if (this.hasAttribute("locale")) options.locale = this.getAttribute("locale");
      options.results = (this._props.results || []).concat(this._added);
      var handle = sdk.mountReport(this, options);
      // What the therapist was shown live, shown again.
      this._live.forEach(function (a) { handle.live(a[0], a[1]); });
      this._alerts.forEach(function (p) { handle.attention(p); });
      return handle;
    }

    /** A frame attribute changed on a mounted widget: its title, and its height's bounds. */
    _reframe() {
      var now = this._common();
      if (now.title) this._handle.iframe.title = now.title;
      try {
        this._handle.setHeights({ minHeight: now.minHeight, maxHeight: now.maxHeight });
      } catch (err) {
        this._emit("error", { code: "invalid_config", message: err.message });
      }
    }
  }

  kind.properties.forEach(function (name) {
    Object.defineProperty(AllyElement.prototype, name, {
      get: function () {
        return this._props[name];
      },
      set: function (value) {
        var before = this._seen[name];
        var now = json(value);
        this._props[name] = value;
        // A resume counts at the next mount: a new check, or a first one.
        if (name === "resume") {
          this._resumeNew = true;
          return;
        }
        // A framework that renders again hands over an equal new object: nothing changed.
        if (now !== null && now === json1(before)) return;
        this._seen[name] = name === "results" && Array.isArray(value) ? value.map(json) : now;
        // New results join the report in place.
        if (name === "results" && this._handle && Array.isArray(before) && startsWith(this._seen.results, before)) {
          var handle = this._handle;
          value.slice(before.length).forEach(function (r) { handle.add(r); });
          return;
        }
        // Other results are another report: what was added to the last one goes with it.
        if (name === "results") {
          this._added = [];
          this._live.clear();
          this._alerts.clear();
        }
        this._restart();
      },
    });
  });

  if (report) {
    /** A finished session joins the report (see mountReport's add). */
    AllyElement.prototype.add = function (result) {
      this._added.push(result);
      // The check-in in progress has ended.
      this._live.clear();
      if (this._handle) this._handle.add(result);
    };
    /** An answer of the check-in in progress (see mountReport's live). */
    AllyElement.prototype.live = function (answer, ageBand) {
      if (answer && typeof answer.promptId === "string") this._live.set(answer.promptId, [answer, ageBand]);
      if (this._handle) this._handle.live(answer, ageBand);
    };
    /** What needs the therapist's attention now, as a banner (see mountReport's attention). */
    AllyElement.prototype.attention = function (payload) {
      if (payload && typeof payload.id === "string") this._alerts.set(payload.id, payload);
      if (this._handle) this._handle.attention(payload);
    };
  }
  return AllyElement;
}

/** `value` as JSON, or null when it has none (a cycle). */
function json(value) {
  try {
    return JSON.stringify(value === undefined ? null : value);
  } catch (e) {
    return null;
  }
}

/** What json() made of a property before: one text, or (results) a list of texts. */
function json1(seen) {
  return Array.isArray(seen) ? "[" + seen.join(",") + "]" : seen;
}

/** The texts `list` begin with every text of `head`, in order. */
function startsWith(list, head) {
  if (!Array.isArray(list) || list.length < head.length) return false;
  for (var i = 0; i < head.length; i++) if (list[i] !== head[i]) return false;
  return true;
}

function drop(list, listener, capture) {
  for (var i = 0; i < list.length; i++) {
    if (list[i].listener === listener && list[i].capture === capture) return void list.splice(i, 1);
  }
}

/** Defines the three elements over `sdk` (mount, mountForm, mountReport) in `registry`; see defineElements. */
export function define(registry, sdk) {
  registry = registry || root.customElements;
  if (!registry || typeof root.HTMLElement !== "function") return false;
  Object.keys(KINDS).forEach(function (tag) {
    if (!registry.get(tag)) registry.define(tag, make(tag, sdk));
  });
  return true;
}
