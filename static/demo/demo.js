// The demo portal: mounts Ally with the chosen settings and shows what arrives.
(function () {
  "use strict";
  var form = document.getElementById("setup");
  var resetButton = document.getElementById("reset");
  var host = document.getElementById("ally");
  var list = document.getElementById("answers");
  var status = document.getElementById("status");
  var result = document.getElementById("result");
  var scores = document.getElementById("scores");
  var params = new URLSearchParams(location.search);
  // Ally is served from another origin than the portal, as in production.
  var widget = location.protocol + "//127.0.0.1:" + location.port + "/";
  // ?widget= may point the demo at another local build, never at another host.
  if (/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(params.get("widget") || "")) widget = params.get("widget");
  var handle = null;

  function show(answer) {
    var li = document.createElement("li");
    li.dataset.prompt = answer.promptId;
    var drawing = answer.kind === "drawing" && !answer.skipped;
    li.textContent = answer.promptId + " (" + answer.construct + "): " +
      (answer.skipped ? "skipped" : drawing ? answer.label : answer.label + " = " + JSON.stringify(answer.value));
    if (drawing) {
      // Drawn from the strokes by the SDK, and shown as an image: never as markup.
      var img = document.createElement("img");
      img.alt = "The child's drawing";
      img.className = "drawing";
      img.src = "data:image/svg+xml," + encodeURIComponent(Ally.strokesToSvg(Ally.decodeStrokes(answer.value.strokes)));
      li.appendChild(img);
    }
    var old = list.querySelector('[data-prompt="' + CSS.escape(answer.promptId) + '"]');
    if (old) old.replaceWith(li); else list.appendChild(li);
  }

  function showScores(s) {
    scores.textContent = "";
    var rows = [];
    if (s.alliance) {
      rows.push(["Trust total (0–40)", s.alliance.total === null ? "not enough answers" : s.alliance.total]);
      ["bond", "goals", "tasks", "overall"].forEach(function (k) {
        if (s.alliance[k] !== null) rows.push([k, s.alliance[k] + "/10"]);
      });
      if (s.alliance.agreeMean !== null) rows.push(["Agree mean (1–4)", s.alliance.agreeMean]);
    } else {
      rows.push(["Mood (0–10)", s.mood === null ? "skipped" : s.mood]);
      rows.push(["Feelings", s.feelings.join(", ") || "none picked"]);
      rows.push(["Intensity (0–10)", s.intensity === null ? "skipped" : s.intensity]);
      if (s.wantsToTalk !== null) rows.push(["Something to tell", s.wantsToTalk]);
    }
    var flags = Object.keys(s.flags).filter(function (k) { return s.flags[k]; });
    rows.push(["Flags", flags.join(", ") || "none"]);
    rows.forEach(function (row) {
      var dt = document.createElement("dt");
      dt.textContent = row[0];
      var dd = document.createElement("dd");
      dd.textContent = String(row[1]);
      scores.append(dt, dd);
    });
  }

  function start(config) {
    if (handle) handle.destroy();
    host.textContent = "";
    list.textContent = "";
    result.textContent = "Waiting for the child to finish.";
    scores.textContent = "";
    status.textContent = "Connecting…";
    handle = Ally.mount(host, {
      src: widget,
      config: config,
      title: "Ally check-in for the child",
      onReady: function (r) { status.textContent = "Ready: ages " + r.ageBand + ", " + r.mode + ", " + r.steps.length + (r.steps.length === 1 ? " question." : " questions."); },
      onAnswer: show,
      onComplete: function (r) {
        status.textContent = "Complete.";
        result.textContent = JSON.stringify(r, null, 2);
        showScores(r.scores);
      },
      onError: function (e) { status.textContent = "Error " + e.code + ": " + e.message; },
    });
    resetButton.disabled = false;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var data = new FormData(form);
    var config = {
      age: Number(data.get("age")),
      locale: data.get("locale"),
      mode: data.get("mode"),
    };
    ["childName", "helperName", "readAloud"].forEach(function (k) {
      var v = String(data.get(k) || "").trim();
      if (v) config[k] = v;
    });
    var previous = String(data.get("previousAlliance") || "").trim();
    if (previous) config.previousAlliance = Number(previous);
    start(config);
  });

  resetButton.addEventListener("click", function () {
    if (!handle) return;
    list.textContent = "";
    scores.textContent = "";
    result.textContent = "Waiting for the child to finish.";
    handle.reset();
  });

  // ?autostart=1&age=… starts at once (used for screenshots and links).
  if (params.get("autostart")) {
    ["age", "locale", "mode", "childName", "helperName", "readAloud", "previousAlliance"].forEach(function (k) {
      if (params.has(k)) form.elements[k].value = params.get(k);
    });
    form.requestSubmit();
  }
})();
