// The demo portal: mounts Ally with the chosen settings and shows what arrives.
(function () {
  "use strict";
  var form = document.getElementById("setup");
  var resetButton = document.getElementById("reset");
  var host = document.getElementById("ally");
  var list = document.getElementById("answers");
  var status = document.getElementById("status");
  var result = document.getElementById("result");
  var params = new URLSearchParams(location.search);
  // Ally is served from another origin than the portal, as in production.
  var widget = params.get("widget") || location.protocol + "//127.0.0.1:" + location.port + "/";
  var handle = null;

  function show(answer) {
    var li = document.createElement("li");
    li.dataset.prompt = answer.promptId;
    li.textContent = answer.promptId + " (" + answer.construct + "): " +
      (answer.skipped ? "skipped" : answer.label + " = " + answer.value + "/10");
    var old = list.querySelector('[data-prompt="' + CSS.escape(answer.promptId) + '"]');
    if (old) old.replaceWith(li); else list.appendChild(li);
  }

  function start(config) {
    if (handle) handle.destroy();
    host.textContent = "";
    list.textContent = "";
    result.textContent = "Waiting for the child to finish.";
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
    ["childName", "helperName"].forEach(function (k) {
      var v = String(data.get(k) || "").trim();
      if (v) config[k] = v;
    });
    start(config);
  });

  resetButton.addEventListener("click", function () {
    if (!handle) return;
    list.textContent = "";
    result.textContent = "Waiting for the child to finish.";
    handle.reset();
  });

  // ?autostart=1&age=… starts at once (used for screenshots and links).
  if (params.get("autostart")) {
    ["age", "locale", "mode", "childName", "helperName"].forEach(function (k) {
      if (params.has(k)) form.elements[k].value = params.get(k);
    });
    form.requestSubmit();
  }
})();
