// A portal's own TypeScript over the installed package, as a bundler
// resolves it (ESM, "bundler"): checked with `tsc --strict`. Every answer
// narrows on `kind` and `skipped`, every callback and every element event
// is typed, and what the types must refuse is marked `@ts-expect-error`
// (tsc fails when such a line is no longer an error).
import {
  defineElements,
  mount,
  mountForm,
  mountReport,
  type AllyAnswer,
  type AllyCheckinElement,
  type AllyResult,
  type WidgetMessage,
} from "ally-embed";

/** What a portal shows for an answer: each kind's value has its own type. */
export function describe(a: AllyAnswer): string {
  if (a.skipped) {
    const none: null = a.value;
    return `${a.promptId}: skipped${none ?? ""}`;
  }
  switch (a.kind) {
    case "faces": {
      const face: 0 | 2.5 | 5 | 7.5 | 10 = a.value;
      // @ts-expect-error: a face is a number, not a list
      a.value.length;
      return `${a.label} (${face})`;
    }
    case "line":
    case "sizes":
    case "agree4":
      return `${a.value}: ${a.label}`;
    case "feelings":
      return a.value.join(", ");
    case "choice": {
      const said: "yes" | "later" | "no" = a.value;
      return said;
    }
    case "drawing":
      return a.value.svg;
    case "progress":
      return a.goalId + (a.value === "retired" ? " set aside" : `: ${a.value.toFixed(0)}`);
    case "goal":
      return typeof a.value === "string" ? a.value : a.value[0];
    case "plan":
      return typeof a.value === "string" ? a.value : a.value.join(" ");
    case "note":
      return a.value.slice(0, 40);
    default: {
      const unknownKind: never = a;
      return unknownKind;
    }
  }
}

const stored: AllyResult[] = [];
const host = document.createElement("div");

const checkin = mount(host, {
  src: "https://ally.example.org/",
  config: { age: 7, locale: "es", goals: [{ id: "friend", text: "Make a friend" }] },
  minHeight: 320,
  maxHeight: 900,
  onReady(ready) {
    const steps: string[] = ready.steps;
    console.log(steps.length);
  },
  onAnswer: (a) => console.log(describe(a)),
  onAttention(a) {
    const reason: "low_mood_strong_feeling" | "hard_feeling_wants_to_talk" | "asked_for_help" = a.reason;
    console.log(reason);
  },
  onComplete(result, { run }) {
    if (run === checkin.run) stored.push(result);
    const total: number | null | undefined = result.scores.alliance?.total;
    console.log(total);
  },
  onError(e) {
    if (e.code === "timeout") console.warn(e.message);
  },
});
checkin.focus();
checkin.setHeights({ maxHeight: 700 });
const saved = checkin.resumeState();
if (saved) mount(host, { src: "https://ally.example.org/", config: { age: 7 }, session: checkin.session, resume: saved });

mountForm(host, { src: "https://ally.example.org/", rater: "caregiver", config: { age: 7 } });
// @ts-expect-error: the raters of a form are a caregiver and the therapist
mountForm(host, { src: "https://ally.example.org/", rater: "child", config: { age: 7 } });
// @ts-expect-error: autoFocus is true or false
mount(host, { src: "https://ally.example.org/", config: { age: 7 }, autoFocus: "yes" });

const report = mountReport(host, { src: "https://ally.example.org/", results: stored, agreementGap: 3 });
report.add(stored[0]);

// The elements: created by name, they have their own type.
defineElements();
const element: AllyCheckinElement = document.createElement("ally-checkin");
element.config = { age: 9, helperName: "Sam" };
element.setAttribute("src", "https://ally.example.org/");
element.addEventListener("ally-complete", (e) => stored.push(e.detail));
element.addEventListener("ally-answer", (e) => console.log(describe(e.detail)));
element.addEventListener("ally-error", (e) => console.warn(e.detail.code, e.detail.message));
// @ts-expect-error: a result is not a number
element.addEventListener("ally-complete", (e) => e.detail.toFixed());
const reportElement = document.querySelector("ally-report");
reportElement?.add(stored[0]);
reportElement?.addEventListener("ally-ready", (e) => console.log(e.detail.page));

// A message seen on the wire (a debugging portal): narrowed by `type`.
export function seen(message: WidgetMessage): string {
  switch (message.type) {
    case "answer":
      return describe(message.payload);
    case "complete":
      return message.payload.id;
    case "error":
      return message.payload.code;
    default:
      return message.type;
  }
}
