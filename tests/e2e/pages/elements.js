// A plain HTML portal for the end-to-end tests of the custom elements: it
// puts the element named in ?tag=… (ally-checkin, ally-form, ally-report)
// with the attributes in ?attrs={…} and the properties in ?props={…} into
// the page, and records every `ally-*` event it hears in `window.log`.
// Under ?csp=portal the server sends the portal-side policy the README gives,
// and every violation of it is recorded too.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var widgetOrigin = "http://127.0.0.1:" + location.port;
  var names = ["ready", "answer", "attention", "complete", "error", "resize"];
  var log = (window.log = { events: [], violations: [] });
  names.forEach(function (n) { log[n] = []; });
  document.addEventListener("securitypolicyviolation", function (e) {
    log.violations.push(e.violatedDirective + " " + e.blockedURI);
  });
  var attrs = JSON.parse(params.get("attrs") || '{"age":"9"}');
  var props = JSON.parse(params.get("props") || "{}");
  var el = document.createElement(params.get("tag") || "ally-checkin");
  el.setAttribute("src", widgetOrigin + "/");
  Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
  Object.keys(props).forEach(function (k) { el[k] = props[k]; });
  names.forEach(function (n) {
    // ?attention=none: a portal that does not listen for attention.
    if (n === "attention" && params.get("attention") === "none") return;
    el.addEventListener("ally-" + n, function (e) {
      log[n].push(e.detail);
      log.events.push({ type: e.type, bubbles: e.bubbles, custom: e instanceof CustomEvent });
    });
  });
  window.element = el;
  document.getElementById("search").focus();
  document.getElementById("place").appendChild(el);
})();
