// Result documents as the widget writes them, for the report's tests: a
// 10-year-old's check-outs (four 0–10 lines, then the drawing, skipped) and
// check-ins (five faces first, the rest skipped), each scored on its own
// (no previous alliance given) with the 9–12 defaults.
const ITEMS = ["trust.listened", "trust.what_matters", "trust.helped", "trust.next_time"];
const CONSTRUCTS = ["bond", "goals", "tasks", "overall"];
const CUTOFFS = { total: 36, item: 9, lowItem: 0, agree: 3, drop: 1 };

/** `day`: a day of November 2026, or a date "YYYY-MM-DD". */
const dateOf = (day) => (typeof day === "string" ? day : `2026-11-${String(day).padStart(2, "0")}`);
const at = (day, s) => `${dateOf(day)}T10:00:${String(s).padStart(2, "0")}.000Z`;

/** Week `k` of a run of weekly sessions from 2020, as a date that sorts as it runs. */
export function week(k) {
  const w = k % 52;
  return `${2020 + Math.floor(k / 52)}-${String(1 + Math.floor(w / 5)).padStart(2, "0")}-${String(1 + (w % 5) * 5).padStart(2, "0")}`;
}
const skippedAnswer = (promptId, construct, kind, day, s) =>
  ({ promptId, construct, kind, value: null, label: null, skipped: true, answeredAt: at(day, s) });
const flags = (more) => ({
  lowAlliance: false, discuss: [], low: [], disagree: [], skipped: [],
  drop: null, dropReason: "no_total", wantsToTalk: false, talkLater: false, ...more,
});

/** `lines`: four numbers 0–10, or null for a skipped item. */
export function checkout(lines, day) {
  const answers = lines.map((v, i) => v === null
    ? skippedAnswer(ITEMS[i], CONSTRUCTS[i], "line", day, i + 1)
    : { promptId: ITEMS[i], construct: CONSTRUCTS[i], kind: "line", value: v, label: `${v} out of 10`, skipped: false, answeredAt: at(day, i + 1) });
  answers.push(skippedAnswer("drawing.together", "drawing", "drawing", day, 5));
  const total = lines.includes(null) ? null : lines.reduce((a, b) => a + b, 0);
  const [bond, goals, tasks, overall] = lines;
  const alliance = {
    items: ITEMS, answered: lines.filter((v) => v !== null).length, total, change: null,
    bond, goals, tasks, overall, agree: null, cutoffs: CUTOFFS,
  };
  return {
    schema: "ally.result/1", session: `visit-${dateOf(day)}`, mode: "checkout", ageBand: "9-12", age: 10, locale: "en",
    startedAt: at(day, 0), completedAt: at(day, 6), answers,
    scores: {
      mood: null, feelings: [], intensity: null, wantsToTalk: null, alliance,
      flags: flags({
        lowAlliance: total !== null && total < CUTOFFS.total,
        discuss: ITEMS.filter((_, i) => lines[i] !== null && lines[i] < CUTOFFS.item),
        skipped: ITEMS.filter((_, i) => lines[i] === null),
        dropReason: "no_previous",
      }),
    },
  };
}

/** `face`: 0 (awful) to 4 (great). */
export function checkin(face, day) {
  const words = ["Awful", "Not good", "Okay", "Good", "Great"];
  const answers = [
    { promptId: "mood.now", construct: "mood", kind: "faces", value: face * 2.5, label: words[face], skipped: false, answeredAt: at(day, 1) },
    skippedAnswer("drawing.feel", "drawing", "drawing", day, 2),
    skippedAnswer("feelings.which", "feelings", "feelings", day, 3),
    skippedAnswer("intensity.strongest", "intensity", "line", day, 4),
    skippedAnswer("talk.today", "wantsToTalk", "choice", day, 5),
  ];
  return {
    schema: "ally.result/1", session: `visit-${dateOf(day)}`, mode: "checkin", ageBand: "9-12", age: 10, locale: "en",
    startedAt: at(day, 0), completedAt: at(day, 6), answers,
    scores: {
      mood: face * 2.5, feelings: [], intensity: null, wantsToTalk: "skipped", alliance: null,
      flags: flags({ skipped: ["feelings.which", "intensity.strongest", "talk.today"] }),
    },
  };
}

export const GOALS = [
  { id: "friend", text: "Make a friend at school" },
  { id: "calm", text: "Stay calm when I'm angry" },
];

/**
 * A check-in that rated the two GOALS, everything else skipped: `friend`
 * and `calm` are 0–10, null (skipped) or "retired" (set aside). Its own
 * goal scores compare with nothing: the report compares them. `face`: the mood.
 */
export function goalCheckin(friend, calm, day, face = 2) {
  const doc = checkin(face, day);
  doc.goals = GOALS;
  [friend, calm].forEach((v, i) => {
    const rating = { promptId: `goal.${i + 1}`, construct: "progress", kind: "progress", goalId: GOALS[i].id };
    doc.answers.push(v === null
      ? { ...skippedAnswer(rating.promptId, "progress", "progress", day, 6 + i), goalId: GOALS[i].id }
      : { ...rating, value: v, label: v === "retired" ? "This isn't my goal any more" : `${v} out of 10`, skipped: false, answeredAt: at(day, 6 + i) });
  });
  doc.completedAt = at(day, 8);
  doc.scores.goals = [friend, calm].map((v, i) => ({
    id: GOALS[i].id, progress: typeof v === "number" ? v : null, previous: null, change: null,
    changeReason: "no_previous", retired: v === "retired", skipped: v === null,
  }));
  doc.scores.flags.goalDrop = [];
  doc.scores.flags.goalRetired = calm === "retired" ? ["calm"] : [];
  return doc;
}

/**
 * A 4-year-old's check-out on GOALS: three faces, each goal on three
 * pictures (0, 5 or 10; null a skip), the drawing skipped. No total at 3–5.
 */
export function youngGoalCheckout(friend, calm, day) {
  const faces = [["trust.liked_being_here", "overall", 10], ["trust.listened", "bond", 10], ["trust.helped", "tasks", 5]];
  const words = { 0: "Not yet", 5: "A little", 10: "A lot" };
  const answers = faces.map(([promptId, construct, v], i) =>
    ({ promptId, construct, kind: "faces", value: v, label: v === 10 ? "Yes, a lot" : "A little", skipped: false, answeredAt: at(day, i + 1) }));
  [friend, calm].forEach((v, i) => {
    const goalId = GOALS[i].id;
    answers.push(v === null
      ? { ...skippedAnswer(`goal.${i + 1}`, "progress", "progress", day, 4 + i), goalId }
      : { promptId: `goal.${i + 1}`, construct: "progress", kind: "progress", goalId, value: v, label: words[v], skipped: false, answeredAt: at(day, 4 + i) });
  });
  answers.push(skippedAnswer("drawing.together", "drawing", "drawing", day, 6));
  return {
    schema: "ally.result/1", session: `young-${dateOf(day)}`, mode: "checkout", rater: "child", ageBand: "3-5", age: 4, locale: "en",
    startedAt: at(day, 0), completedAt: at(day, 6), answers, goals: GOALS,
    scores: {
      mood: null, feelings: [], intensity: null, wantsToTalk: null,
      alliance: {
        items: faces.map(([id]) => id), answered: 3, total: null, change: null,
        bond: 10, goals: null, tasks: 5, overall: 10, agree: null, cutoffs: { total: 36, item: 5, lowItem: 5, agree: 3, drop: 1 },
      },
      flags: flags({ dropReason: "no_previous", goalDrop: [], goalRetired: [] }),
      goals: [friend, calm].map((v, i) => ({ id: GOALS[i].id, progress: v, previous: null, change: null,
        changeReason: "no_previous", retired: false, skipped: v === null })),
      goalDropThreshold: 2.82,
    },
  };
}

const FORM_ITEMS = {
  caregiver: [
    ["caregiver.home", "home"], ["caregiver.school", "school"], ["caregiver.peers", "peers"], ["caregiver.wellbeing", "wellbeing"],
    ["caregiver.goal.1", "progress"], ["caregiver.goal.2", "progress"],
    ["caregiver.listened", "bond"], ["caregiver.agree", "goals"], ["caregiver.fits", "tasks"], ["caregiver.overall", "overall"],
  ],
  therapist: [
    ["therapist.goal.1", "progress"], ["therapist.goal.2", "progress"],
    ["therapist.bond", "bond"], ["therapist.goals", "goals"], ["therapist.tasks", "tasks"], ["therapist.overall", "overall"],
  ],
};
const BAND_OF = (age) => (age <= 5 ? "3-5" : age <= 8 ? "6-8" : age <= 12 ? "9-12" : "13-17");

/**
 * An adult's form on GOALS, as the form page writes it: `values` in the
 * order of its 0–10 items (a caregiver's ten, the therapist's six; null a
 * skip), the note skipped, about a child of `age`.
 */
export function formResult(rater, values, day, age = 10) {
  const items = FORM_ITEMS[rater];
  const answers = items.map(([promptId, construct], i) => {
    const goal = construct === "progress" ? { goalId: GOALS[Number(promptId.slice(-1)) - 1].id } : {};
    return values[i] === null
      ? { ...skippedAnswer(promptId, construct, "line", day, i + 1), ...goal }
      : { promptId, construct, kind: "line", value: values[i], label: `${values[i]} out of 10`, skipped: false, answeredAt: at(day, i + 1), ...goal };
  });
  answers.push(skippedAnswer(`${rater}.note`, "note", "note", day, items.length + 1));
  const core = items.map(([id], i) => [id, values[i]]).filter(([id]) => /listened|agree|fits|overall|bond|goals$|tasks/.test(id));
  const total = core.some(([, v]) => v === null) ? null : core.reduce((a, [, v]) => a + v, 0);
  const of = (c) => { const i = items.findIndex(([, k]) => k === c); return i < 0 ? null : values[i]; };
  const goals = items.map(([id], i) => [id, values[i]]).filter(([id]) => id.includes(".goal."))
    .map(([id, v]) => ({ id: GOALS[Number(id.slice(-1)) - 1].id, progress: v, previous: null, change: null,
      changeReason: "no_previous", retired: false, skipped: v === null }));
  return {
    schema: "ally.result/1", session: `${rater}-${dateOf(day)}`, mode: "form", rater, ageBand: BAND_OF(age), age, locale: "en",
    startedAt: at(day, 0), completedAt: at(day, items.length + 1), answers, goals: GOALS,
    scores: {
      mood: null, feelings: [], intensity: null, wantsToTalk: null,
      alliance: {
        items: core.map(([id]) => id), answered: core.filter(([, v]) => v !== null).length, total, change: null,
        bond: of("bond"), goals: of("goals"), tasks: of("tasks"), overall: of("overall"), agree: null, cutoffs: CUTOFFS,
      },
      flags: flags({
        lowAlliance: total !== null && total < CUTOFFS.total,
        discuss: core.filter(([, v]) => v !== null && v < CUTOFFS.item).map(([id]) => id),
        skipped: answers.filter((a) => a.skipped).map((a) => a.promptId),
        dropReason: "no_previous", goalDrop: [], goalRetired: [],
      }),
      goals, goalDropThreshold: 2.82,
      wellbeing: rater === "caregiver" ? { home: of("home"), school: of("school"), peers: of("peers"), overall: of("wellbeing") } : null,
    },
  };
}

// ---- ally.strokes/1, written here so a test can make any drawing ----------

function varint(out, v) {
  while (v > 127) { out.push((v & 127) | 128); v = Math.floor(v / 128); }
  out.push(v);
}
const zigzag = (v) => (v < 0 ? -2 * v - 1 : 2 * v);

/** A page as full as the pad allows: 600 strokes of 20 points, zigzags across the canvas. */
export function fullPage() {
  const bytes = [];
  varint(bytes, 1000); varint(bytes, 700); varint(bytes, 600);
  for (let s = 0; s < 600; s++) {
    bytes.push(0, (s * 37) % 256, (s * 91) % 256, (s * 13) % 256);
    varint(bytes, 28); varint(bytes, 20);
    let x = (s * 53) % 900, y = (s * 29) % 600;
    varint(bytes, x); varint(bytes, y);
    for (let i = 1; i < 20; i++) {
      const dx = i % 2 ? 5 : -3, dy = i % 3 ? 4 : -2;
      x += dx; y += dy;
      varint(bytes, zigzag(dx)); varint(bytes, zigzag(dy));
    }
  }
  return Buffer.from(bytes).toString("base64");
}

/**
 * A check-in with a drawing on a full page, as the widget writes it with
 * `fhir: true`: its SVG and its FHIR Bundle carry the picture twice more,
 * so the whole document is well over the 256 KiB a message may carry.
 */
export function checkinWithDrawing(face, day) {
  const doc = checkin(face, day);
  const strokes = fullPage();
  const path = '<path d="M477 261l5 4-3-2 5 4-3 4 5-2-3 4 5 4-3-2 5 4-3 4 5-2-3 4 5 4-3-2 5 4-3 4 5-2" stroke="#25a40d" stroke-width="7" fill="none" stroke-linecap="round" stroke-linejoin="round"/>';
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 700" width="1000" height="700"><rect width="1000" height="700" fill="#fff"/>' + path.repeat(600) + "</svg>";
  doc.answers[1] = {
    promptId: "drawing.feel", construct: "drawing", kind: "drawing",
    value: { format: "ally.strokes/1", strokes, svg }, label: "My drawing", skipped: false, answeredAt: at(day, 2),
  };
  doc.fhir = { resourceType: "Bundle", type: "transaction", entry: [{ resource: { resourceType: "QuestionnaireResponse", item: [{ answer: [{ valueAttachment: { data: Buffer.from(svg).toString("base64") } }, { valueAttachment: { data: strokes } }] }] } }] };
  return doc;
}
