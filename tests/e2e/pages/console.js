// Test instrumentation, served only to a page asked for with ?console=record:
// every console error and warning, uncaught error and unhandled rejection in
// the page, sent to the test server as it happens (it outlives a reload).
(function () {
  "use strict";
  var session = new URLSearchParams(location.search).get("session") || "";
  function send(line) {
    navigator.sendBeacon("/__test/console", JSON.stringify({ session: session, line: String(line).slice(0, 2000) }));
  }
  ["error", "warn"].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      send(level + ": " + Array.prototype.map.call(arguments, String).join(" "));
      return original.apply(console, arguments);
    };
  });
  addEventListener("error", function (e) { send("uncaught: " + (e.message || e.error)); });
  addEventListener("unhandledrejection", function (e) { send("unhandled rejection: " + e.reason); });
  // What a test sends to know that every line before it has arrived.
  window.__consoleMark = function (mark) { send("mark " + mark); };
})();
