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
/** Attributes that only change the frame's size: the widget goes on as it is. */
var SIZES = ["min-height", "max-height", "initial-height"];

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
      this._added = [];
      this._listeners = {};
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
      if (SIZES.indexOf(name) >= 0 && this._handle) return this._resize();
      this._restart();
    }

    addEventListener(type, listener, options) {
      if (typeof type === "string") this._listeners[type] = (this._listeners[type] || 0) + 1;
      return super.addEventListener(type, listener, options);
    }

    removeEventListener(type, listener, options) {
      if (this._listeners[type]) this._listeners[type] -= 1;
      return super.removeEventListener(type, listener, options);
    }

    /** Starts over: a check-in or a form as a new run of the same session, a report afresh. */
    reset() {
      this._stopped = false;
      this._completed.clear();
      if (this._handle && !report) return this._handle.reset();
      this._restart();
    }

    /** Removes the widget and forgets its session; a change of setting, or reset(), mounts it again. */
    destroy() {
      this._stopped = true;
      this._unmount();
      this._kept = null;
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
          this._kept = report ? { session: null } : { session: this._handle.session, resume: this._handle.resumeState() };
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
        this._handle = report ? sdk.mountReport(this, this._reportOptions()) : this._mount();
      } catch (err) {
        // A wrong setting: the portal hears what it was.
        this._emit("error", { code: "invalid_config", message: err && err.message ? err.message : String(err) });
      }
    }

    _unmount() {
      if (this._handle) this._handle.destroy();
      this._handle = null;
    }

    _emit(name, detail) {
      this.dispatchEvent(new CustomEvent("ally-" + name, { detail: detail, bubbles: true, composed: true }));
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
      var emitResize = options.onResize;
      options.onResize = function (height) {
        self._height = height;
        emitResize(height);
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
      var resume = this._kept ? this._kept.resume : this._props.resume;
      if (resume) options.resume = resume;
      // Heard only where the portal listens: otherwise the child's screen
      // would say the helper was told when nobody was.
      Object.defineProperty(options, "onAttention", {
        get: function () {
          return self._listeners["ally-attention"] > 0 ? function (detail) { self._emit("attention", detail); } : undefined;
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

    _reportOptions() {
      var options = this._common();
      if (this.hasAttribute("locale")) options.locale = this.getAttribute("locale");
      options.results = (this._props.results || []).concat(this._added);
      return options;
    }

    _resize() {
      var iframe = this._handle.iframe;
      var options = this._common();
      var h = this._height || options.initialHeight || parseFloat(iframe.style.height) || 0;
      if (options.minHeight !== undefined) h = Math.max(h, options.minHeight);
      if (options.maxHeight !== undefined) h = Math.min(h, options.maxHeight);
      iframe.style.height = h + "px";
    }
  }

  kind.properties.forEach(function (name) {
    Object.defineProperty(AllyElement.prototype, name, {
      get: function () {
        return this._props[name];
      },
      set: function (value) {
        var before = this._props[name];
        // A framework that renders again hands over an equal new object: nothing changed.
        if (same(before, value)) return;
        this._props[name] = value;
        // A resume only counts at the start; new results join the report in place.
        if (name === "resume") return;
        if (name === "results" && this._handle && startsWith(value, before)) {
          var handle = this._handle;
          value.slice(before.length).forEach(function (r) { handle.add(r); });
          return;
        }
        this._restart();
      },
    });
  });

  if (report) {
    /** A finished session joins the report (see mountReport's add). */
    AllyElement.prototype.add = function (result) {
      this._added.push(result);
      if (this._handle) this._handle.add(result);
    };
    /** An answer of the check-in in progress (see mountReport's live). */
    AllyElement.prototype.live = function (answer, ageBand) {
      if (this._handle) this._handle.live(answer, ageBand);
    };
    /** What needs the therapist's attention now, as a banner (see mountReport's attention). */
    AllyElement.prototype.attention = function (payload) {
      if (this._handle) this._handle.attention(payload);
    };
  }
  return AllyElement;
}

/** The same value: the same object, or equal as JSON. */
function same(a, b) {
  if (a === b) return true;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch (e) {
    return false;
  }
}

/** `list` begins with every result of `head`, in order. */
function startsWith(list, head) {
  if (!Array.isArray(list) || !Array.isArray(head) || list.length < head.length) return false;
  for (var i = 0; i < head.length; i++) if (!same(list[i], head[i])) return false;
  return true;
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
