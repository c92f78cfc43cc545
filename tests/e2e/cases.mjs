// The check-in and check-out flows every engine runs: what a child of each
// band does at each step, in the words of each language, and the scores the
// result must carry. The Chromium suite (widget.test.mjs) and the suite of
// every engine (tests/engines/) both take their flows from here.

/** The smallest target for each band's fingers (core/src/bands.rs holds the same; a native test checks). */
export const MINIMUM = { "3-5": 80, "6-8": 64, "9-12": 48, "13-17": 48 };

/**
 * Does one step of a case like a child, through `child`: either suite's
 * driver, with `tap(name)` (a button by its words) and `line(value)` (a tap
 * on the 0–10 line at `value`, until the line shows it): Playwright's in
 * support.mjs, WebDriver's in tests/engines/driver.mjs.
 */
export async function act(child, words, action, promptId) {
  if (action === null) return child.tap(promptId.startsWith("drawing.") ? words.decline : words.skip);
  const [what, a, b] = action;
  if (what === "tap") return child.tap(words[a][b]);
  if (what === "feel") {
    for (const id of a) await child.tap(words.feelings[id]);
    if (!b) await child.tap(words.next);
    return;
  }
  await child.line(a);
  await child.tap(words.next);
}

export const WORDS = {
  en: {
    start: "Start", skip: "Skip", decline: "No, thanks", back: "Back", next: "Next",
    done: { "3-5": "All done!", "6-8": "All done!", "9-12": "Thanks!", "13-17": "Thanks." },
    calm: { "3-5": "Thank you", "6-8": "Thank you", "9-12": "Thanks for sharing", "13-17": "Thanks." },
    mood3: ["Not good", "Okay", "Good"], mood5: ["Awful", "Not good", "Okay", "Good", "Great"],
    agree3: ["No", "A little", "Yes"], agree5: ["No", "Not really", "Kind of", "Yes", "Yes, a lot"],
    want5: ["No", "Not really", "Maybe", "Yes", "Yes, a lot"],
    size: ["Small", "Medium", "Big"], talk: ["Yes", "Maybe later", "No"],
    agree4: ["Disagree a lot", "Disagree a little", "Agree a little", "Agree a lot"],
    feelings: { scared: "Scared", worried: "Worried", tired: "Tired", sad: "Sad", lonely: "Lonely", confused: "Confused", stressed: "Stressed", hopeful: "Hopeful" },
  },
  es: {
    start: "Empezar", skip: "Saltar", decline: "No, gracias", back: "Atrás", next: "Siguiente",
    done: { "3-5": "¡Terminamos!", "6-8": "¡Terminamos!", "9-12": "¡Gracias!", "13-17": "Gracias." },
    calm: { "3-5": "Gracias", "6-8": "Gracias", "9-12": "Gracias por contarlo", "13-17": "Gracias." },
    mood3: ["Mal", "Más o menos", "Bien"], mood5: ["Muy mal", "Mal", "Más o menos", "Bien", "Genial"],
    agree3: ["No", "Un poco", "Sí"], agree5: ["No", "No mucho", "Más o menos", "Sí", "Sí, mucho"],
    want5: ["No", "No mucho", "Tal vez", "Sí", "Sí, mucho"],
    size: ["Pequeño", "Mediano", "Grande"], talk: ["Sí", "Tal vez luego", "No"],
    agree4: ["Muy en desacuerdo", "Algo en desacuerdo", "Algo de acuerdo", "Muy de acuerdo"],
    feelings: { scared: "Miedo", worried: "Preocupación", tired: "Cansancio", sad: "Tristeza", lonely: "Soledad", confused: "Confusión", stressed: "Estrés", hopeful: "Esperanza" },
  },
};

// A step: [promptId, what the child does, the value expected]. What the child does:
// ["tap", list, index] | ["feel", ids, single?] | ["line", n] | null (skip).
const tap = (list, i) => ["tap", list, i];
const NONE = { mood: null, feelings: [], intensity: null, wantsToTalk: null, alliance: null, concernCutoffs: { mood: 0, intensity: 8 }, goals: [], goalDropThreshold: 2.82 };
const NO_FLAGS = { lowAlliance: false, discuss: [], low: [], disagree: [], agreedBothWays: [], skipped: [], drop: null, dropReason: "no_total", wantsToTalk: false, talkLater: false, concern: [], goalDrop: [], goalRetired: [] };
const ITEMS = ["trust.listened", "trust.what_matters", "trust.helped", "trust.next_time"];
const cutoffs = (item, lowItem) => ({ total: 36, item, lowItem, agree: 3, drop: 1 });
export const CASES = [
  { age: 4, mode: "checkin", band: "3-5",
    steps: [["mood.now", tap("mood3", 2), 10], ["feelings.which", ["feel", ["scared"], true], ["scared"]], ["intensity.strongest", tap("size", 1), 5]],
    scores: { ...NONE, mood: 10, feelings: ["scared"], intensity: 5, flags: NO_FLAGS } },
  { age: 4, mode: "checkout", band: "3-5",
    steps: [["trust.liked_being_here", tap("agree3", 2), 10], ["trust.listened", null], ["trust.helped", tap("agree3", 0), 0]],
    scores: { ...NONE, alliance: { items: ["trust.liked_being_here", "trust.listened", "trust.helped"], answered: 2, total: null, change: null,
                                   bond: null, goals: null, tasks: 0, overall: 10, agree: null, cutoffs: cutoffs(5, 5) },
              flags: { ...NO_FLAGS, discuss: ["trust.helped"], low: ["trust.helped"], skipped: ["trust.listened"], dropReason: "no_previous" } } },
  { age: 7, mode: "checkin", band: "6-8",
    steps: [["mood.now", tap("mood5", 1), 2.5], ["feelings.which", ["feel", ["tired", "worried"]], ["worried", "tired"]], ["intensity.strongest", tap("size", 2), 8], ["talk.today", tap("talk", 0), "yes"]],
    scores: { ...NONE, mood: 2.5, feelings: ["worried", "tired"], intensity: 8, wantsToTalk: "yes", flags: { ...NO_FLAGS, wantsToTalk: true } } },
  { age: 7, mode: "checkout", band: "6-8",
    steps: [["trust.listened", tap("agree5", 3), 7.5], ["trust.what_matters", tap("agree5", 4), 10], ["trust.helped", tap("agree5", 2), 5], ["trust.next_time", tap("want5", 4), 10]],
    scores: { ...NONE, alliance: { items: ITEMS, answered: 4, total: 32.5, change: null, bond: 7.5, goals: 10, tasks: 5, overall: 10, agree: null, cutoffs: cutoffs(10, 6) },
              flags: { ...NO_FLAGS, lowAlliance: true, discuss: ["trust.listened", "trust.helped"], low: ["trust.helped"], dropReason: "no_previous" } } },
  { age: 10, mode: "checkin", band: "9-12",
    steps: [["mood.now", tap("mood5", 2), 5], ["feelings.which", ["feel", ["confused", "sad", "lonely"]], ["sad", "lonely", "confused"]], ["intensity.strongest", ["line", 7], 7], ["talk.today", tap("talk", 1), "later"]],
    scores: { ...NONE, mood: 5, feelings: ["sad", "lonely", "confused"], intensity: 7, wantsToTalk: "later", flags: { ...NO_FLAGS, talkLater: true } } },
  { age: 10, mode: "checkout", band: "9-12", extra: { previousAlliance: { total: 38, ageBand: "9-12", items: ITEMS } },
    steps: [["trust.listened", ["line", 9], 9], ["trust.what_matters", ["line", 8], 8], ["trust.helped", ["line", 9], 9], ["trust.next_time", ["line", 10], 10]],
    scores: { ...NONE, alliance: { items: ITEMS, answered: 4, total: 36, change: -2, bond: 9, goals: 8, tasks: 9, overall: 10, agree: null, cutoffs: cutoffs(9, 0) },
              flags: { ...NO_FLAGS, discuss: ["trust.what_matters"], drop: true, dropReason: null } } },
  { age: 15, mode: "checkin", band: "13-17",
    steps: [["mood.now", null], ["feelings.which", ["feel", ["stressed", "hopeful"]], ["stressed", "hopeful"]], ["intensity.strongest", ["line", 3], 3], ["talk.today", tap("talk", 2), "no"]],
    scores: { ...NONE, feelings: ["stressed", "hopeful"], intensity: 3, wantsToTalk: "no", flags: { ...NO_FLAGS, skipped: ["mood.now"] } } },
  // The session decides which statement and opposite a 13–17 check-out asks: "visit-4" asks about how they work.
  { age: 15, mode: "checkout", band: "13-17", session: "visit-4",
    steps: [["trust.listened", ["line", 10], 10], ["trust.what_matters", ["line", 10], 10], ["trust.helped", ["line", 9], 9], ["trust.next_time", ["line", 9], 9],
      ["trust.how_we_work", tap("agree4", 3), 4], ["trust.no_sense", tap("agree4", 2), 3]],
    scores: { ...NONE, alliance: { items: ITEMS, answered: 4, total: 38, change: null, bond: 10, goals: 10, tasks: 9, overall: 9,
                                   agree: { bond: [], goals: [], tasks: [4, 2] }, cutoffs: cutoffs(9, 0) },
              flags: { ...NO_FLAGS, disagree: ["tasks"], agreedBothWays: ["tasks"], dropReason: "no_previous" } } },
];

// The drawing prompts (right after the faces at check-in, last for 3–5 and at
// check-out; none at the 13–17 check-out) are skipped here; drawings have
// their own tests.
for (const c of CASES) {
  if (c.mode === "checkin" && c.band !== "3-5") c.steps.splice(1, 0, ["drawing.feel", null]);
  else if (c.mode === "checkin") c.steps.push(["drawing.feel", null]);
  else if (c.band !== "13-17") c.steps.push(["drawing.together", null]);
}


/** The end screen's heading: after something hard (a low face, a hard feeling, a disagree) the end is calm. */
export function endHeading(result, words) {
  const calm = result.answers.some((a) =>
    (a.kind === "faces" && a.value < 5) || (a.kind === "agree4" && a.value < 3) ||
    (a.kind === "feelings" && a.value.some((f) => !["happy", "calm", "excited", "proud", "hopeful"].includes(f))));
  return (calm ? words.calm : words.done)[result.ageBand];
}
