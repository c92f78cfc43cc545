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
  var band; // the ageBand of the check-in on screen, from onReady
  var lastCheckout = null;
  // The child's goals as the portal keeps them: named once (mode "goals"), then rated at
  // each check-in with their last ratings beside them.
  var goals = [];
  var lastRating = null;

  // The therapist's report: three earlier sessions of a 7-year-old (made here
  // as the widget writes them), then this page's sessions, live as they happen.
  var ITEMS = ["trust.listened", "trust.what_matters", "trust.liked_what_we_did", "trust.next_time"];
  var CONSTRUCTS = ["bond", "goals", "tasks", "overall"];
  var AGREE = ["No", "Not really", "Kind of", "Yes", "Yes, a lot"];
  var MOOD = ["Awful", "Not good", "Okay", "Good", "Great"];
  function at(day, s) { return "2026-11-0" + day + "T16:0" + s + ":00.000Z"; }
  function skipped(id, construct, kind, day, s) {
    return { promptId: id, construct: construct, kind: kind, value: null, label: null, skipped: true, answeredAt: at(day, s) };
  }
  // Scored as the widget scores 6–8 with its default cutoffs, each session on its own.
  var CUTOFFS = { total: 36, item: 10, lowItem: 6, agree: 3, drop: 1 };
  function flags(more) {
    var f = { lowAlliance: false, discuss: [], low: [], disagree: [], skipped: [], drop: null, dropReason: "no_total", wantsToTalk: false, talkLater: false };
    for (var k in more) f[k] = more[k];
    return f;
  }
  function earlierCheckout(faces, day) {
    var answers = faces.map(function (f, i) {
      return { promptId: ITEMS[i], construct: CONSTRUCTS[i], kind: "faces", value: f * 2.5, label: AGREE[f], skipped: false, answeredAt: at(day, i + 1) };
    });
    answers.push(skipped("drawing.together", "drawing", "drawing", day, 5));
    var values = faces.map(function (f) { return f * 2.5; });
    var total = values.reduce(function (a, v) { return a + v; }, 0);
    var below = function (cut) { return ITEMS.filter(function (id, i) { return values[i] < cut; }); };
    var alliance = { items: ITEMS, answered: 4, total: total, change: null, bond: values[0], goals: values[1], tasks: values[2],
      overall: values[3], agree: null, cutoffs: CUTOFFS };
    return { schema: "ally.result/1", session: "earlier-" + day, mode: "checkout", ageBand: "6-8", age: 7, locale: "en",
      startedAt: at(day, 0), completedAt: at(day, 6), answers: answers,
      scores: { mood: null, feelings: [], intensity: null, wantsToTalk: null, alliance: alliance,
        flags: flags({ lowAlliance: total < CUTOFFS.total, discuss: below(CUTOFFS.item), low: below(CUTOFFS.lowItem), dropReason: "no_previous" }) } };
  }
  function earlierCheckin(face, day) {
    var answers = [
      { promptId: "mood.now", construct: "mood", kind: "faces", value: face * 2.5, label: MOOD[face], skipped: false, answeredAt: at(day, 1) },
      skipped("drawing.feel", "drawing", "drawing", day, 2), skipped("feelings.which", "feelings", "feelings", day, 3),
      skipped("intensity.now", "intensity", "sizes", day, 4), skipped("talk.today", "wantsToTalk", "choice", day, 5),
    ];
    return { schema: "ally.result/1", session: "earlier-" + day, mode: "checkin", ageBand: "6-8", age: 7, locale: "en",
      startedAt: at(day, 0), completedAt: at(day, 6), answers: answers,
      scores: { mood: face * 2.5, feelings: [], intensity: null, wantsToTalk: "skipped", alliance: null,
        flags: flags({ skipped: ["feelings.which", "intensity.now", "talk.today"] }) } };
  }
  // A caregiver's and the therapist's own view of the last of them (0–10 each, as the form page scores them).
  var FORM_ITEMS = {
    caregiver: [["caregiver.home", "home"], ["caregiver.school", "school"], ["caregiver.peers", "peers"], ["caregiver.wellbeing", "wellbeing"],
      ["caregiver.listened", "bond"], ["caregiver.agree", "goals"], ["caregiver.fits", "tasks"], ["caregiver.overall", "overall"]],
    therapist: [["therapist.bond", "bond"], ["therapist.goals", "goals"], ["therapist.tasks", "tasks"], ["therapist.overall", "overall"]],
  };
  function earlierForm(rater, values, day) {
    var items = FORM_ITEMS[rater];
    var answers = items.map(function (it, i) {
      return { promptId: it[0], construct: it[1], kind: "line", value: values[i], label: values[i] + " out of 10", skipped: false, answeredAt: at(day, i % 6 + 1) };
    });
    answers.push(skipped(rater + ".note", "note", "note", day, 7));
    var of = function (c) { var i = items.findIndex(function (it) { return it[1] === c; }); return values[i]; };
    var core = items.filter(function (it) { return ["bond", "goals", "tasks", "overall"].indexOf(it[1]) >= 0; }).map(function (it) { return it[0]; });
    var total = of("bond") + of("goals") + of("tasks") + of("overall");
    var line = { total: 36, item: 9, lowItem: 0, agree: 3, drop: 1 };
    return { schema: "ally.result/1", session: "earlier-" + rater + "-" + day, mode: "form", rater: rater, ageBand: "6-8", age: 7, locale: "en",
      startedAt: at(day, 0), completedAt: at(day, 7), answers: answers, goals: [],
      scores: { mood: null, feelings: [], intensity: null, wantsToTalk: null,
        alliance: { items: core, answered: 4, total: total, change: null, bond: of("bond"), goals: of("goals"), tasks: of("tasks"),
          overall: of("overall"), agree: null, cutoffs: line },
        flags: flags({ lowAlliance: total < 36, discuss: core.filter(function (id, i) { return of(["bond", "goals", "tasks", "overall"][i]) < 9; }),
          skipped: [rater + ".note"], dropReason: "no_previous", goalDrop: [], goalRetired: [] }),
        goals: [], goalDropThreshold: 2.82,
        wellbeing: rater === "caregiver" ? { home: of("home"), school: of("school"), peers: of("peers"), overall: of("wellbeing") } : null } };
  }
  var sessions = [earlierCheckin(3, 1), earlierCheckout([4, 4, 3, 4], 1), earlierCheckin(2, 4), earlierCheckout([4, 3, 3, 4], 4),
    earlierCheckin(1, 7), earlierCheckout([3, 2, 3, 3], 7),
    earlierForm("caregiver", [6, 3, 4, 5, 9, 8, 8, 9], 8), earlierForm("therapist", [9, 8, 8, 9], 7)];
  var report = null;
  var reportLocale = document.getElementById("report-locale");
  function showReport() {
    if (report) report.destroy();
    report = Ally.mountReport(document.getElementById("report"), {
      src: widget, results: sessions, locale: reportLocale.value, title: "Ally report for the therapist",
      onError: function (e) { status.textContent = "Report: " + e.code + ": " + e.message; },
    });
  }
  reportLocale.addEventListener("change", showReport);
  showReport();

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
      var a = s.alliance;
      rows.push(["Trust total (0–40)", a.total !== null ? a.total :
        a.answered < a.items.length ? "none: " + a.answered + " of " + a.items.length + " answered" : "none at this age"]);
      if (a.change !== null) rows.push(["Change since last time", a.change]);
      ["bond", "goals", "tasks", "overall"].forEach(function (k) {
        if (a[k] !== null) rows.push([k, a[k] + "/10"]);
        if (a.agree && a.agree[k]) rows.push([k + " statements (1–4)", a.agree[k].map(function (v) { return v === null ? "skipped" : v; }).join(", ")]);
      });
    } else {
      rows.push(["Mood (0–10)", s.mood === null ? "skipped" : s.mood]);
      rows.push(["Feelings", s.feelings.join(", ") || "none picked"]);
      rows.push(["Intensity (0–10)", s.intensity === null ? "skipped" : s.intensity]);
      if (s.wantsToTalk !== null) rows.push(["Something to tell", s.wantsToTalk]);
    }
    var f = s.flags;
    var flags = [];
    if (f.lowAlliance) flags.push("low total");
    if (f.discuss.length) flags.push("to discuss: " + f.discuss.join(", "));
    if (f.low.length) flags.push("low: " + f.low.join(", "));
    if (f.disagree.length) flags.push("disagrees on " + f.disagree.join(", "));
    if (f.drop) flags.push("dropped");
    if (f.wantsToTalk) flags.push("wants to talk");
    if (f.talkLater) flags.push("maybe later to talking");
    if (f.skipped.length) flags.push("skipped: " + f.skipped.join(", "));
    rows.push(["Flags", flags.join("; ") || "none"]);
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
      onReady: function (r) { band = r.ageBand; status.textContent = "Ready: ages " + r.ageBand + ", " + r.mode + ", " + r.steps.length + (r.steps.length === 1 ? " question." : " questions."); },
      // The band of this check-in, so the report words each live answer's question as the child saw it.
      onAnswer: function (a) { show(a); report.live(a, band); },
      onComplete: function (r) {
        sessions.push(r);
        report.add(r);
        if (r.mode === "checkout") lastCheckout = r;
        if (r.mode === "goals") goals = r.goals.map(function (g) { return { id: g.id, text: g.text, setAt: g.setAt }; });
        if (r.scores.goals && r.scores.goals.length) lastRating = r;
        status.textContent = "Complete.";
        result.textContent = JSON.stringify(r, null, 2);
        showScores(r.scores);
      },
      onError: function (e) { status.textContent = "Error " + e.code + ": " + e.message; },
    });
    resetButton.disabled = false;
  }

  // The grown-ups' view: a caregiver's or the therapist's form, on the child's settings and goals.
  var adults = document.getElementById("adult-form");
  var adultStatus = document.getElementById("adult-status");
  var adultHandle = null;
  function startForm(rater) {
    if (adultHandle) adultHandle.destroy();
    adults.textContent = "";
    var c = settings();
    delete c.mode;
    if (goals.length) c.goals = goals;
    adultStatus.textContent = "Connecting…";
    adultHandle = Ally.mountForm(adults, {
      src: widget,
      rater: rater,
      config: c,
      onReady: function () { adultStatus.textContent = rater === "caregiver" ? "The caregiver's form is open." : "Your form is open."; },
      onComplete: function (r) {
        sessions.push(r);
        report.add(r);
        adultStatus.textContent = (rater === "caregiver" ? "The caregiver's" : "Your") + " view is in the report.";
      },
      onError: function (e) { adultStatus.textContent = "Error " + e.code + ": " + e.message; },
    });
  }
  document.getElementById("caregiver-form").addEventListener("click", function () { startForm("caregiver"); });
  document.getElementById("therapist-form").addEventListener("click", function () { startForm("therapist"); });

  /** The settings chosen, as a config. */
  function settings() {
    var data = new FormData(form);
    var config = {
      age: Number(data.get("age")),
      locale: data.get("locale"),
      mode: data.get("mode"),
    };
    ["childName", "helperName", "helperArticle", "readAloud"].forEach(function (k) {
      var v = String(data.get(k) || "").trim();
      if (v) config[k] = v;
    });
    return config;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var config = settings();
    // The last check-out's result on this page is compared with the next one.
    if (config.mode === "checkout" && lastCheckout) config.previousAlliance = lastCheckout;
    // Goals named earlier on this page are rated at the next check-in, beside their last ratings.
    if (config.mode !== "goals" && goals.length) {
      config.goals = goals;
      if (lastRating) config.previousGoals = lastRating;
    }
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
    ["age", "locale", "mode", "childName", "helperName", "helperArticle", "readAloud"].forEach(function (k) {
      if (params.has(k)) form.elements[k].value = params.get(k);
    });
    form.requestSubmit();
  }
})();
