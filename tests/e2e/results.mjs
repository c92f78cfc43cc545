// Result documents as the widget writes them, for the report's tests: a
// 10-year-old's check-outs (four 0–10 lines, then the drawing, skipped) and
// check-ins (five faces first, the rest skipped), each scored on its own
// (no previous alliance given) with the 9–12 defaults.
const ITEMS = ["trust.listened", "trust.what_matters", "trust.liked_what_we_did", "trust.next_time"];
const CONSTRUCTS = ["bond", "goals", "tasks", "overall"];
const CUTOFFS = { total: 36, item: 9, lowItem: 0, agree: 3, drop: 1 };

const at = (day, s) => `2026-11-${String(day).padStart(2, "0")}T10:00:${String(s).padStart(2, "0")}.000Z`;
const skip = (promptId, construct, kind, day, s) =>
  ({ promptId, construct, kind, value: null, label: null, skipped: true, answeredAt: at(day, s) });
const flags = (more) => ({
  lowAlliance: false, discuss: [], low: [], disagree: [], skipped: [],
  drop: null, dropReason: "no_total", wantsToTalk: false, talkLater: false, ...more,
});

/** `lines`: four numbers 0–10, or null for a skipped item. */
export function checkout(lines, day) {
  const answers = lines.map((v, i) => v === null
    ? skip(ITEMS[i], CONSTRUCTS[i], "line", day, i + 1)
    : { promptId: ITEMS[i], construct: CONSTRUCTS[i], kind: "line", value: v, label: `${v} out of 10`, skipped: false, answeredAt: at(day, i + 1) });
  answers.push(skip("drawing.together", "drawing", "drawing", day, 5));
  const total = lines.includes(null) ? null : lines.reduce((a, b) => a + b, 0);
  const [bond, goals, tasks, overall] = lines;
  const alliance = {
    items: ITEMS, answered: lines.filter((v) => v !== null).length, total, change: null,
    bond, goals, tasks, overall, agree: null, cutoffs: CUTOFFS,
  };
  return {
    schema: "ally.result/1", session: `visit-${day}`, mode: "checkout", ageBand: "9-12", age: 10, locale: "en",
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
    skip("drawing.feel", "drawing", "drawing", day, 2),
    skip("feelings.which", "feelings", "feelings", day, 3),
    skip("intensity.now", "intensity", "line", day, 4),
    skip("talk.today", "wantsToTalk", "choice", day, 5),
  ];
  return {
    schema: "ally.result/1", session: `visit-${day}`, mode: "checkin", ageBand: "9-12", age: 10, locale: "en",
    startedAt: at(day, 0), completedAt: at(day, 6), answers,
    scores: {
      mood: face * 2.5, feelings: [], intensity: null, wantsToTalk: "skipped", alliance: null,
      flags: flags({ skipped: ["feelings.which", "intensity.now", "talk.today"] }),
    },
  };
}
