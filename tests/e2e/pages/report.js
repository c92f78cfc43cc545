// A portal page for the report's tests: `window.showReport(results, options)`
// mounts the report; with ?config=… it also mounts the widget and passes
// each answer on live, then the result. Records what it sees in `window.log`.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var origin = "http://127.0.0.1:" + location.port;
  var log = (window.log = { errors: [], answers: [], attention: [], complete: [] });
  window.showReport = function (results, options) {
    options = options || {};
    window.report = Ally.mountReport(document.getElementById("report"), {
      src: origin + "/",
      results: results,
      locale: options.locale,
      allianceCutoff: options.allianceCutoff,
      agreementGap: options.agreementGap,
      onError: function (e) { log.errors.push(e); },
    });
  };
  if (!params.get("config")) return;
  window.ally = Ally.mount(document.getElementById("ally"), {
    src: origin + "/",
    config: JSON.parse(params.get("config")),
    onReady: function (r) { window.band = r.ageBand; },
    onAnswer: function (a) { log.answers.push(a); if (window.report) window.report.live(a, window.band); },
    onAttention: function (a) { log.attention.push(a); if (window.report) window.report.attention(a); },
    onComplete: function (r) { log.complete.push(r); if (window.report) window.report.add(r); },
    onError: function (e) { log.errors.push(e); },
  });
})();
