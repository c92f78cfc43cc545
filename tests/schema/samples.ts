// Sample messages and results of protocol v1, typed against the host SDK's
// types (packages/ally-embed/index.d.ts). tests/schema/schema.test.mjs checks them
// against the JSON Schemas in schema/: every good sample must be accepted,
// every wrong one refused at the place it names. `tsc --noEmit --strict`
// checks this file: every good sample must fit the types, and every wrong
// one the types can tell must not (its `@ts-expect-error` says why; tsc fails
// when such a line is no longer an error).

import type {
  AckMessage,
  AllyAlliance,
  AllyAnswer,
  AllyConfig,
  AllyFlags,
  AllyReportDocument,
  AllyResult,
  AnswerMessage,
  LineAnswer,
  AttentionMessage,
  CompleteMessage,
  ErrorMessage,
  HelloMessage,
  HostMessage,
  InitMessage,
  ReadyMessage,
  ReportAddMessage,
  ReportAttentionMessage,
  ReportHostMessage,
  ReportInitMessage,
  ReportLiveMessage,
  ReportMessage,
  ReportReadyMessage,
  ResetMessage,
  ResizeMessage,
  WidgetMessage,
} from "../../packages/ally-embed/index";

/** `message` as type `T`: where a wrong sample must (or can't) fit the types. */
const typed = <T>(message: T): T => message;

/** A copy of `o` without its key `k`. */
function without<T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> {
  const copy: Partial<T> = { ...o };
  delete copy[k];
  return copy as Omit<T, K>;
}

const SESSION = "visit-2291";
const envelope = { ally: 1, session: SESSION } as const;

// A drawing as the widget writes it: a pen stroke and an eraser stroke.
const STROKES = "6Ae8BQIA4EEvQAT0A94CFBMJKAACAf///ygCAADQD/gK";
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 700" width="1000" height="700"><rect width="1000" height="700" fill="#fff"/>' +
  '<path d="M500 350l10-10-5 20 0 1" stroke="#e0412f" stroke-width="16" fill="none" stroke-linecap="round" stroke-linejoin="round"/>' +
  '<path d="M0 0l1000 700" stroke="#fff" stroke-width="10" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>';

// ---- Answer records, one of each kind ----------------------------------------

const at = (s: number) => `2026-11-25T10:04:${String(s).padStart(2, "0")}.112Z`;

export const answers = {
  faces: { promptId: "trust.listened", construct: "bond", kind: "faces", value: 7.5, label: "Yes", skipped: false, answeredAt: at(1) },
  line: { promptId: "trust.listened", construct: "bond", kind: "line", value: 8, label: "8 out of 10", skipped: false, answeredAt: at(2) },
  sizes: { promptId: "intensity.strongest", construct: "intensity", kind: "sizes", value: 2, label: "Small", skipped: false, answeredAt: at(3) },
  feelings: { promptId: "feelings.which", construct: "feelings", kind: "feelings", value: ["sad", "tired"], label: "Sad, Tired", skipped: false, answeredAt: at(4) },
  choice: { promptId: "talk.today", construct: "wantsToTalk", kind: "choice", value: "later", label: "Maybe later", skipped: false, answeredAt: at(5) },
  agree4: { promptId: "trust.hard_things", construct: "bond", kind: "agree4", value: 2, label: "Disagree a little", skipped: false, answeredAt: at(6) },
  drawing: {
    promptId: "drawing.together", construct: "drawing", kind: "drawing",
    value: { format: "ally.strokes/1", strokes: STROKES, svg: SVG }, label: "A drawing", skipped: false, answeredAt: at(7),
  },
  skipped: { promptId: "mood.now", construct: "mood", kind: "faces", value: null, label: null, skipped: true, answeredAt: at(8) },
} satisfies Record<string, AllyAnswer>;

// ---- Results -------------------------------------------------------------------

const ITEMS = ["trust.listened", "trust.what_matters", "trust.liked_what_we_did", "trust.next_time"];

const teenAlliance: AllyAlliance = {
  items: ITEMS, answered: 4, total: 34, change: -4, bond: 8, goals: 9, tasks: 10, overall: 7,
  agree: { bond: [2, 4], goals: [3], tasks: [null] },
  cutoffs: { total: 36, item: 9, lowItem: 0, agree: 3, drop: 1 },
};

/** A 15-year-old's check-out as results were before the statements came in pairs: four lines, four statements (one skipped), a drawing; 4 lower than last time. Still read. */
export const teenCheckout: AllyResult = {
  schema: "ally.result/1", id: "0b6fd2a4-91c3-8e07-a5d1-3c9e44f0b2d8", session: SESSION, mode: "checkout", ageBand: "13-17", age: 15, locale: "en",
  startedAt: "2026-11-25T10:03:58.020Z", completedAt: "2026-11-25T10:04:50.907Z",
  answers: [
    { ...answers.line, answeredAt: "2026-11-25T10:04:01.000Z" },
    { promptId: "trust.what_matters", construct: "goals", kind: "line", value: 9, label: "9 out of 10", skipped: false, answeredAt: "2026-11-25T10:04:05.000Z" },
    { promptId: "trust.liked_what_we_did", construct: "tasks", kind: "line", value: 10, label: "10 out of 10", skipped: false, answeredAt: "2026-11-25T10:04:09.000Z" },
    { promptId: "trust.next_time", construct: "overall", kind: "line", value: 7, label: "7 out of 10", skipped: false, answeredAt: "2026-11-25T10:04:13.000Z" },
    { ...answers.agree4, answeredAt: "2026-11-25T10:04:17.000Z" },
    { promptId: "trust.on_my_side", construct: "bond", kind: "agree4", value: 4, label: "Agree a lot", skipped: false, answeredAt: "2026-11-25T10:04:21.000Z" },
    { promptId: "trust.my_goals", construct: "goals", kind: "agree4", value: 3, label: "Agree a little", skipped: false, answeredAt: "2026-11-25T10:04:25.000Z" },
    { promptId: "trust.how_we_work", construct: "tasks", kind: "agree4", value: null, label: null, skipped: true, answeredAt: "2026-11-25T10:04:29.000Z" },
    { ...answers.drawing, answeredAt: "2026-11-25T10:04:50.907Z" },
  ],
  scores: {
    mood: null, feelings: [], intensity: null, wantsToTalk: null,
    alliance: teenAlliance,
    flags: {
      lowAlliance: true, discuss: ["trust.listened", "trust.next_time"], low: [], disagree: ["bond"],
      skipped: ["trust.how_we_work"], drop: true, dropReason: null, wantsToTalk: false, talkLater: false,
    },
  },
};

/** A 15-year-old's check-out today: four lines, this session's statement and its opposite (agreed with both), and a request for help. */
export const teenCheckoutNow: AllyResult = {
  schema: "ally.result/1", id: "5d0c2b8e-3f61-8a47-92d0-6e1b4c7a9f03", session: SESSION, mode: "checkout", ageBand: "13-17", age: 15, locale: "en",
  startedAt: "2026-11-25T10:03:58.020Z", completedAt: "2026-11-25T10:04:30.000Z",
  answers: [
    { ...answers.line, answeredAt: "2026-11-25T10:04:01.000Z" },
    { promptId: "trust.what_matters", construct: "goals", kind: "line", value: 9, label: "9 out of 10", skipped: false, answeredAt: "2026-11-25T10:04:05.000Z" },
    { promptId: "trust.helped", construct: "tasks", kind: "line", value: 10, label: "10 out of 10", skipped: false, answeredAt: "2026-11-25T10:04:09.000Z" },
    { promptId: "trust.next_time", construct: "overall", kind: "line", value: 7, label: "7 out of 10", skipped: false, answeredAt: "2026-11-25T10:04:13.000Z" },
    { promptId: "trust.hard_things", construct: "bond", kind: "agree4", value: 3, label: "Agree a little", skipped: false, answeredAt: "2026-11-25T10:04:17.000Z" },
    { promptId: "trust.hold_back", construct: "bond", kind: "agree4", value: 3, label: "Agree a little", skipped: false, answeredAt: "2026-11-25T10:04:30.000Z" },
  ],
  scores: {
    mood: null, feelings: [], intensity: null, wantsToTalk: null,
    alliance: {
      items: ["trust.listened", "trust.what_matters", "trust.helped", "trust.next_time"], answered: 4, total: 34, change: null,
      bond: 8, goals: 9, tasks: 10, overall: 7, agree: { bond: [3, 2], goals: [], tasks: [] },
      cutoffs: { total: 36, item: 9, lowItem: 0, agree: 3, drop: 1 },
    },
    flags: {
      lowAlliance: true, discuss: ["trust.listened", "trust.next_time"], low: [], disagree: ["bond"], agreedBothWays: ["bond"],
      skipped: [], drop: null, dropReason: "no_previous", wantsToTalk: false, talkLater: false,
      concern: [{ reason: "asked_for_help", promptId: "trust.next_time" }],
    },
    concernCutoffs: { mood: 0, intensity: 8 },
  },
  help: { promptId: "trust.next_time", askedAt: "2026-11-25T10:04:11.500Z" },
};

/** A 7-year-old's check-in with `fhir: true`: faces, no drawing, two feelings, a size, "maybe later". */
export const checkinWithFhir: AllyResult = {
  schema: "ally.result/1", id: "7e2a51c0-4d8b-8f13-9a60-b2c7d1e83f45", session: SESSION, mode: "checkin", ageBand: "6-8", age: 7, locale: "es",
  startedAt: "2026-11-25T10:03:58.020Z", completedAt: "2026-11-25T10:04:31.112Z",
  answers: [
    { promptId: "mood.now", construct: "mood", kind: "faces", value: 2.5, label: "No muy bien", skipped: false, answeredAt: "2026-11-25T10:04:02.000Z" },
    { promptId: "drawing.feel", construct: "drawing", kind: "drawing", value: null, label: null, skipped: true, answeredAt: "2026-11-25T10:04:10.000Z" },
    { ...answers.feelings, label: "Tristeza, Cansancio", answeredAt: "2026-11-25T10:04:20.000Z" },
    { ...answers.sizes, label: "Pequeño", answeredAt: "2026-11-25T10:04:25.000Z" },
    { ...answers.choice, label: "Tal vez luego", answeredAt: "2026-11-25T10:04:31.112Z" },
  ],
  scores: {
    mood: 2.5, feelings: ["sad", "tired"], intensity: 2, wantsToTalk: "later", alliance: null,
    flags: {
      lowAlliance: false, discuss: [], low: [], disagree: [], skipped: [],
      drop: null, dropReason: "no_total", wantsToTalk: false, talkLater: true,
    },
  },
  fhir: {
    resourceType: "Bundle", id: "3a9f0c2e-5b71-8d46-b0e3-91c4f2a7d858", type: "transaction", timestamp: "2026-11-25T10:04:31.112Z",
    entry: [{
      fullUrl: "urn:uuid:6ee7b226-37f6-8581-9e4b-7d0f5a5dd9da",
      resource: { resourceType: "QuestionnaireResponse", id: "6ee7b226-37f6-8581-9e4b-7d0f5a5dd9da", status: "completed", authored: "2026-11-25T10:04:31.112Z" },
      request: { method: "PUT", url: "QuestionnaireResponse/6ee7b226-37f6-8581-9e4b-7d0f5a5dd9da" },
    }],
  },
};

/** A 4-year-old's check-out: three faces of three, no total at 3–5. */
export const preschoolCheckout: AllyResult = {
  schema: "ally.result/1", id: "c41d9e07-26fa-8b35-8c12-5e0f7a9d3b61", session: SESSION, mode: "checkout", ageBand: "3-5", age: 4, locale: "en",
  startedAt: "2026-11-25T10:03:58Z", completedAt: "2026-11-25T10:04:20Z",
  answers: [
    { promptId: "trust.liked_being_here", construct: "overall", kind: "faces", value: 10, label: "Yes, a lot", skipped: false, answeredAt: "2026-11-25T10:04:05Z" },
    { promptId: "trust.listened", construct: "bond", kind: "faces", value: 0, label: "No", skipped: false, answeredAt: "2026-11-25T10:04:10Z" },
    { promptId: "trust.liked_what_we_did", construct: "tasks", kind: "faces", value: 5, label: "Yes", skipped: false, answeredAt: "2026-11-25T10:04:15Z" },
    { promptId: "drawing.together", construct: "drawing", kind: "drawing", value: null, label: null, skipped: true, answeredAt: "2026-11-25T10:04:20Z" },
  ],
  scores: {
    mood: null, feelings: [], intensity: null, wantsToTalk: null,
    alliance: {
      items: ["trust.liked_being_here", "trust.listened", "trust.liked_what_we_did"], answered: 3, total: null, change: null,
      bond: 0, goals: null, tasks: 5, overall: 10, agree: null, cutoffs: { total: 36, item: 5, lowItem: 5, agree: 3, drop: 1 },
    },
    flags: {
      lowAlliance: false, discuss: ["trust.listened"], low: ["trust.listened"], disagree: [], skipped: [],
      drop: null, dropReason: "no_previous", wantsToTalk: false, talkLater: false,
    },
  },
};

/** A caregiver's form on two goals: a place skipped, a goal left blank (a skip), a note. */
export const caregiverForm: AllyResult = {
  schema: "ally.result/1", id: "2a7c90e1-5b3d-8f24-b6e8-0d4c1f9a7e52", session: SESSION, mode: "form", rater: "caregiver", ageBand: "6-8", age: 7, locale: "en",
  startedAt: "2026-11-25T18:00:00Z", completedAt: "2026-11-25T18:03:00Z",
  answers: [
    { promptId: "caregiver.home", construct: "home", kind: "line", value: 7, label: "7 out of 10", skipped: false, answeredAt: "2026-11-25T18:01:00Z" },
    { promptId: "caregiver.school", construct: "school", kind: "line", value: null, label: null, skipped: true, answeredAt: "2026-11-25T18:03:00Z" },
    { promptId: "caregiver.peers", construct: "peers", kind: "line", value: 4, label: "4 out of 10", skipped: false, answeredAt: "2026-11-25T18:01:10Z" },
    { promptId: "caregiver.wellbeing", construct: "wellbeing", kind: "line", value: 6, label: "6 out of 10", skipped: false, answeredAt: "2026-11-25T18:01:20Z" },
    { promptId: "caregiver.goal.1", construct: "progress", kind: "line", value: 6, label: "6 out of 10", skipped: false, answeredAt: "2026-11-25T18:01:30Z", goalId: "friend" },
    { promptId: "caregiver.goal.2", construct: "progress", kind: "line", value: null, label: null, skipped: true, answeredAt: "2026-11-25T18:03:00Z", goalId: "calm" },
    { promptId: "caregiver.listened", construct: "bond", kind: "line", value: 9, label: "9 out of 10", skipped: false, answeredAt: "2026-11-25T18:01:40Z" },
    { promptId: "caregiver.agree", construct: "goals", kind: "line", value: 8, label: "8 out of 10", skipped: false, answeredAt: "2026-11-25T18:01:50Z" },
    { promptId: "caregiver.fits", construct: "tasks", kind: "line", value: 8, label: "8 out of 10", skipped: false, answeredAt: "2026-11-25T18:02:00Z" },
    { promptId: "caregiver.overall", construct: "overall", kind: "line", value: 9, label: "9 out of 10", skipped: false, answeredAt: "2026-11-25T18:02:10Z" },
    { promptId: "caregiver.note", construct: "note", kind: "note", value: "A hard Monday; better since.", label: "A hard Monday; better since.", skipped: false, answeredAt: "2026-11-25T18:02:40Z" },
  ],
  goals: [{ id: "friend", text: "Make a friend at school" }, { id: "calm", text: "Stay calm when I'm angry" }],
  scores: {
    mood: null, feelings: [], intensity: null, wantsToTalk: null,
    alliance: {
      items: ["caregiver.listened", "caregiver.agree", "caregiver.fits", "caregiver.overall"], answered: 4, total: 34, change: null,
      bond: 9, goals: 8, tasks: 8, overall: 9, agree: null, cutoffs: { total: 36, item: 9, lowItem: 0, agree: 3, drop: 1 },
    },
    flags: {
      lowAlliance: true, discuss: ["caregiver.agree", "caregiver.fits"], low: [], disagree: [], skipped: ["caregiver.school", "caregiver.goal.2"],
      drop: null, dropReason: "no_previous", wantsToTalk: false, talkLater: false, goalDrop: [], goalRetired: [],
    },
    goals: [
      { id: "friend", progress: 6, previous: null, change: null, changeReason: "no_previous", retired: false, skipped: false },
      { id: "calm", progress: null, previous: null, change: null, changeReason: "no_previous", retired: false, skipped: true },
    ],
    goalDropThreshold: 2.82,
    wellbeing: { home: 7, school: null, peers: 4, overall: 6 },
  },
};

// ---- Messages, both ways ---------------------------------------------------------

export const hello: HelloMessage = { ...envelope, type: "hello", id: "3f9c0a-1", payload: { versions: [1], instance: "3f9c0a" } };
export const ready: ReadyMessage = {
  ...envelope, type: "ready", id: "3f9c0a-2", run: 1,
  payload: { ageBand: "6-8", locale: "es", mode: "checkin", steps: ["mood.now", "drawing.feel", "feelings.which", "intensity.strongest", "talk.today"], startedAt: "2026-11-25T10:03:58.020Z" },
};
export const answer: AnswerMessage = { ...envelope, type: "answer", id: "3f9c0a-3", run: 1, payload: answers.faces };
export const drawn: AnswerMessage = { ...envelope, type: "answer", id: "3f9c0a-4", run: 1, payload: answers.drawing };
export const resize: ResizeMessage = { ...envelope, type: "resize", id: "3f9c0a-5", payload: { height: 612 } };
export const complete: CompleteMessage = { ...envelope, type: "complete", id: "3f9c0a-6", run: 2, payload: teenCheckoutNow };
/** The child asked to talk to someone: sent at once, re-sent until acked. */
export const attention: AttentionMessage = {
  ...envelope, type: "attention", id: "3f9c0a-10", run: 1,
  payload: { id: "a7c3e9d1-0b52-8f64-9e17-2d8c5b0a4f36", reason: "asked_for_help", promptId: "trust.next_time", raisedAt: "2026-11-25T10:04:11.500Z" },
};
export const refused: ErrorMessage = {
  ...envelope, type: "error", id: "3f9c0a-7", replyTo: "visit-2291:1",
  payload: { code: "too_large", message: "resume: the init was 524589 bytes of JSON, more than 262144; started without the resume", field: "resume" },
};
export const badConfig: ErrorMessage = {
  ...envelope, type: "error", id: "3f9c0a-8", run: 1,
  payload: { code: "invalid_config", message: "age: must be a whole number from 3 to 17, got 42", field: "age" },
};

export const init: InitMessage = {
  ...envelope, type: "init", id: "visit-2291:1",
  payload: {
    config: {
      age: 15, locale: "es", mode: "checkout", childName: "Sam", helperName: "Dr. Rivera", helperArticle: "el",
      whoSees: "Tus respuestas van al Dr. Rivera y a tus padres.", readAloud: "off", allianceCutoff: 32, itemCutoff: 8,
      lowItemCutoff: 4, agreeCutoff: 2, dropThreshold: 2.5, fhir: true, fhirSubject: "Patient/123",
      previousAlliance: { total: 38, ageBand: "13-17", items: ITEMS },
      concernMood: 2.5, concernIntensity: 7, helpButton: true, liveView: true,
      helpLines: [{ label: "Línea de ayuda", phone: "024" }, { label: "Chat", text: "Escribe HOLA al 741741" }],
    },
    run: 1,
    resume: {
      answers: [
        { promptId: "trust.listened", value: 8, skipped: false, answeredAt: at(2) },
        { promptId: "drawing.together", value: { format: "ally.strokes/1", strokes: STROKES }, skipped: false, answeredAt: at(7) },
        answers.skipped,
      ],
      startedAt: "2026-11-25T10:03:58.020Z",
      attention: [attention.payload],
    },
  },
};
/** A whole earlier result as previousAlliance: the SDK sends only what the widget reads, but the widget takes either. */
export const initWithResult: InitMessage = { ...envelope, type: "init", id: "visit-2291:2", payload: { config: { age: 15, previousAlliance: teenCheckout } } };
export const ack: AckMessage = { ...envelope, type: "ack", id: "visit-2291:3", replyTo: "3f9c0a-6", payload: {} };
export const reset: ResetMessage = { ...envelope, type: "reset", id: "visit-2291:4", payload: { run: 2 } };
/** A later init, not taken: said on its own port, with nothing of the child. */
export const alreadyConnected: ErrorMessage = {
  ...envelope, type: "error", id: "3f9c0a-9", replyTo: "visit-2291:7",
  payload: { code: "already_connected", message: "init: this page of Ally took the first init it was given; this one was not taken (another script on the page may have answered its hello first)" },
};
export const reportReady: ReportReadyMessage = { ...envelope, session: "report-1", type: "ready", id: "9d1e-1", payload: { page: "report", locale: "es" } };
/** The report let the oldest session go, to keep the newest 104. */
export const letGo: ErrorMessage = {
  ...envelope, session: "report-1", type: "error", id: "9d1e-2",
  payload: { code: "too_many", message: "result 1 (session \"visit-1\"), finished 2025-11-25T10:04:50.907Z: not shown; the report shows the newest 104 sessions", field: "result", result: { index: 0, session: "visit-1" } },
};
/** A result as the SDK sends it to the report: no Bundle, no SVG. */
export const lean: AllyReportDocument = {
  ...without(teenCheckout, "fhir"),
  answers: teenCheckout.answers.map((a) => (a.kind === "drawing" && a.value && typeof a.value === "object" && !Array.isArray(a.value) ? { ...a, value: { format: "ally.strokes/1", strokes: STROKES } } : a)),
};
export const reportInit: ReportInitMessage = { ...envelope, type: "init", id: "report-1:1", payload: { config: { locale: "es", allianceCutoff: 32 } } };
export const add: ReportAddMessage = { ...envelope, type: "add", id: "report-1:2", payload: { result: checkinWithFhir } };
export const addLean: ReportAddMessage = { ...envelope, type: "add", id: "report-1:5", payload: { result: lean } };
/** A result stored before results had ids: the report takes it too. */
export const addOld: ReportAddMessage = { ...envelope, type: "add", id: "report-1:6", payload: { result: without(preschoolCheckout, "id") } };
export const live: ReportLiveMessage = { ...envelope, type: "live", id: "report-1:3", payload: { answer: answers.feelings } };
export const liveWithBand: ReportLiveMessage = { ...envelope, type: "live", id: "report-1:4", payload: { answer: answers.feelings, ageBand: "9-12" } };
export const reportAttention: ReportAttentionMessage = { ...envelope, type: "attention", id: "report-1:7", payload: attention.payload };

export const fromWidget: Array<WidgetMessage | ReportMessage> = [hello, ready, answer, drawn, resize, complete, attention, refused, badConfig, alreadyConnected, reportReady, letGo];
export const fromHost: Array<HostMessage | ReportHostMessage> = [init, initWithResult, ack, reset, reportInit, add, addLean, addOld, live, liveWithBand, reportAttention];
export const results: AllyResult[] = [teenCheckout, teenCheckoutNow, checkinWithFhir, preschoolCheckout, caregiverForm];

// ---- Wrong samples ------------------------------------------------------------------

/** A sample the schemas must refuse: why, which schema, and where (the JSON Pointer an error names). */
export interface Wrong {
  reason: string;
  schema: "protocol" | "result";
  at: string;
  sample: unknown;
}

/** The face answer sent at another time: what the types can't tell from a good one. */
const withAnswer = (values: { answeredAt: string }): AnswerMessage => ({ ...answer, payload: { ...answers.faces, ...values } });
/** `a` without its goalId (which the types leave optional on a line). */
function withoutGoal(a: AllyAnswer): AllyAnswer {
  const { goalId: _, ...rest } = a as LineAnswer;
  return rest;
}
const withConfig = (values: Partial<AllyConfig>): InitMessage => ({ ...init, payload: { ...init.payload, config: { ...init.payload.config, ...values } } });
const withAlliance = (values: Partial<AllyAlliance>): AllyResult => ({ ...teenCheckout, scores: { ...teenCheckout.scores, alliance: { ...teenAlliance, ...values } } });
const withFlags = (values: Partial<AllyFlags>): AllyResult => ({ ...teenCheckout, scores: { ...teenCheckout.scores, flags: { ...teenCheckout.scores.flags, ...values } } });

export const wrong: Wrong[] = [
  {
    reason: "a form that does not say whose it is",
    schema: "result", at: "",
    sample: without(caregiverForm, "rater"),
  },
  {
    reason: "a child's check-out claiming an adult's view",
    schema: "result", at: "/rater",
    sample: typed<AllyResult>({ ...preschoolCheckout, rater: "caregiver" }),
  },
  {
    reason: "a caregiver's note longer than 500 characters",
    schema: "result", at: "/answers/10/value",
    sample: typed<AllyResult>({ ...caregiverForm, answers: caregiverForm.answers.map((a) => a.kind === "note" ? { ...a, skipped: false, value: "x".repeat(501), label: "x".repeat(501) } : a) }),
  },
  {
    reason: "a form's goal rating that does not name its goal",
    schema: "result", at: "/answers/4",
    sample: typed<AllyResult>({ ...caregiverForm, answers: caregiverForm.answers.map((a, i) => i === 4 ? withoutGoal(a) : a) }),
  },
  {
    reason: "a help line with neither a phone nor a text",
    schema: "protocol", at: "/payload/config/helpLines/0",
    // @ts-expect-error: a help line has a phone, a text, or both
    sample: withConfig({ helpLines: [{ label: "Crisis line" }] }),
  },
  {
    reason: "more than four help lines",
    schema: "protocol", at: "/payload/config/helpLines",
    sample: withConfig({ helpLines: Array.from({ length: 5 }, (_, i) => ({ label: `Line ${i}`, phone: "988" })) }),
  },
  {
    reason: "an attention for a reason Ally does not raise",
    schema: "protocol", at: "/payload/reason",
    // @ts-expect-error: the reasons are the concern rule's three
    sample: typed<AttentionMessage>({ ...attention, payload: { ...attention.payload, reason: "bad_day" } }),
  },
  {
    reason: "a concern without the prompt it arose on (null when there was none)",
    schema: "result", at: "/scores/flags/concern/0",
    // @ts-expect-error: promptId is required, null when there was none
    sample: typed<AllyResult>({ ...teenCheckoutNow, scores: { ...teenCheckoutNow.scores, flags: { ...teenCheckoutNow.scores.flags, concern: [{ reason: "asked_for_help" }] } } }),
  },
  {
    reason: "a live answer's band that is not one of the four",
    schema: "protocol", at: "/payload/ageBand",
    // @ts-expect-error: ageBand is one of the four bands
    sample: typed<ReportLiveMessage>({ ...live, payload: { ...live.payload, ageBand: "teen" } }),
  },
  {
    reason: "a message type protocol v1 does not have",
    schema: "protocol", at: "",
    // @ts-expect-error: "goodbye" is not a message type
    sample: typed<WidgetMessage>({ ...hello, type: "goodbye" }),
  },
  {
    reason: "another major version of the protocol",
    schema: "protocol", at: "/ally",
    // @ts-expect-error: the protocol version is 1
    sample: typed<HelloMessage>({ ...hello, ally: 2 }),
  },
  {
    reason: "a message without its session",
    schema: "protocol", at: "",
    // @ts-expect-error: session is required
    sample: typed<HelloMessage>(without(hello, "session")),
  },
  {
    reason: "a session id over 200 characters",
    schema: "protocol", at: "/session",
    sample: typed<HelloMessage>({ ...hello, session: "s".repeat(201) }),
  },
  {
    reason: "hello carrying child data",
    schema: "protocol", at: "/payload",
    // @ts-expect-error: hello says only the versions and the instance
    sample: typed<HelloMessage>({ ...hello, payload: { ...hello.payload, childName: "Sam" } }),
  },
  {
    reason: "an answer of a kind the widget does not have",
    schema: "protocol", at: "/payload",
    // @ts-expect-error: "slider" is not an answer kind
    sample: typed<AnswerMessage>({ ...answer, payload: { ...answer.payload, kind: "slider" } }),
  },
  {
    reason: "a face value between two faces",
    schema: "protocol", at: "/payload/value",
    // @ts-expect-error: a face is 0, 2.5, 5, 7.5 or 10
    sample: typed<AnswerMessage>({ ...answer, payload: { ...answers.faces, value: 6 } }),
  },
  {
    reason: "a line value above 10",
    schema: "protocol", at: "/payload/value",
    sample: typed<AnswerMessage>({ ...answer, payload: { ...answers.line, value: 11 } }),
  },
  {
    reason: "a line value that is not a whole number",
    schema: "protocol", at: "/payload/value",
    sample: typed<AnswerMessage>({ ...answer, payload: { ...answers.line, value: 7.5 } }),
  },
  {
    reason: "an agree statement of 0 (the scale is 1–4)",
    schema: "protocol", at: "/payload/value",
    // @ts-expect-error: an agree statement is 1 to 4
    sample: typed<AnswerMessage>({ ...answer, payload: { ...answers.agree4, value: 0 } }),
  },
  {
    reason: "a feeling the catalog does not have",
    schema: "protocol", at: "/payload/value/1",
    sample: typed<AnswerMessage>({ ...answer, payload: { ...answers.feelings, value: ["sad", "hangry"] } }),
  },
  {
    reason: "a size answer that measures mood",
    schema: "protocol", at: "/payload/construct",
    // @ts-expect-error: a size measures intensity
    sample: typed<AnswerMessage>({ ...answer, payload: { ...answers.sizes, construct: "mood" } }),
  },
  {
    reason: "a skip with a value: a skip is never a number",
    schema: "protocol", at: "/payload/value",
    // @ts-expect-error: a skip's value is null
    sample: typed<AnswerMessage>({ ...answer, payload: { ...answers.skipped, value: 0 } }),
  },
  {
    reason: "an answer without its words",
    schema: "protocol", at: "/payload/label",
    // @ts-expect-error: an answer has its words; only a skip has none
    sample: typed<AnswerMessage>({ ...answer, payload: { ...answers.faces, label: null } }),
  },
  {
    reason: "a drawing whose strokes are not base64",
    schema: "protocol", at: "/payload/value/strokes",
    sample: typed<AnswerMessage>({ ...drawn, payload: { ...answers.drawing, value: { ...answers.drawing.value, strokes: "6Ae8BQ-not_base64!" } } }),
  },
  {
    reason: "a drawing in a strokes format the widget does not write",
    schema: "protocol", at: "/payload/value/format",
    // @ts-expect-error: the format is ally.strokes/1
    sample: typed<AnswerMessage>({ ...drawn, payload: { ...answers.drawing, value: { ...answers.drawing.value, format: "ally.strokes/2" } } }),
  },
  {
    reason: "an answer time that is not a date and time",
    schema: "protocol", at: "/payload/answeredAt",
    sample: withAnswer({ answeredAt: "yesterday" }),
  },
  {
    reason: "an answer time on a day that does not exist",
    schema: "protocol", at: "/payload/answeredAt",
    sample: withAnswer({ answeredAt: "2026-02-30T10:04:31.112Z" }),
  },
  {
    reason: "an answer time not in UTC",
    schema: "protocol", at: "/payload/answeredAt",
    sample: withAnswer({ answeredAt: "2026-11-25T11:04:31.112+01:00" }),
  },
  {
    reason: "an answer with a property the widget never writes",
    schema: "protocol", at: "/payload",
    // @ts-expect-error: an answer record has no score
    sample: typed<AnswerMessage>({ ...answer, payload: { ...answer.payload, score: 7.5 } }),
  },
  {
    reason: "a resize to no height",
    schema: "protocol", at: "/payload/height",
    sample: typed<ResizeMessage>({ ...resize, payload: { height: 0 } }),
  },
  {
    reason: "an error code the widget does not send",
    schema: "protocol", at: "/payload/code",
    // @ts-expect-error: the code is one the widget sends
    sample: typed<ErrorMessage>({ ...badConfig, payload: { ...badConfig.payload, code: "oops" } }),
  },
  {
    reason: "a result without its scores",
    schema: "protocol", at: "/payload",
    // @ts-expect-error: scores are required
    sample: typed<CompleteMessage>({ ...complete, payload: without(teenCheckout, "scores") }),
  },
  {
    reason: "an ack that does not say what it acknowledges",
    schema: "protocol", at: "",
    // @ts-expect-error: replyTo is required
    sample: typed<AckMessage>(without(ack, "replyTo")),
  },
  {
    reason: "a run in reset's envelope rather than its payload",
    schema: "protocol", at: "",
    sample: typed<ResetMessage>({ ...reset, run: 2 }),
  },
  {
    reason: "an age outside 3–17",
    schema: "protocol", at: "/payload/config/age",
    sample: withConfig({ age: 2 }),
  },
  {
    reason: "fhir that is not a boolean",
    schema: "protocol", at: "/payload/config/fhir",
    // @ts-expect-error: fhir is true or false
    sample: withConfig({ fhir: "yes" }),
  },
  {
    reason: "a fhirSubject that is a URL, not a Type/id reference",
    schema: "protocol", at: "/payload/config/fhirSubject",
    sample: withConfig({ fhirSubject: "https://fhir.example/Patient/1" }),
  },
  {
    reason: "a misspelt config key",
    schema: "protocol", at: "/payload/config",
    // @ts-expect-error: the key is childName
    sample: withConfig({ chidName: "Sam" }),
  },
  {
    reason: "markup in a name",
    schema: "protocol", at: "/payload/config/childName",
    sample: withConfig({ childName: "<b>Sam</b>" }),
  },
  {
    reason: "a resumed drawing whose strokes are not base64",
    schema: "protocol", at: "/payload/resume/answers/0/value",
    sample: typed<InitMessage>({ ...init, payload: { ...init.payload, resume: { answers: [{ promptId: "drawing.feel", value: { format: "ally.strokes/1", strokes: "%%%%" }, skipped: false, answeredAt: at(7) }] } } }),
  },
  {
    reason: "a result of another schema, added to the report",
    schema: "protocol", at: "/payload/result/schema",
    // @ts-expect-error: the schema is ally.result/1
    sample: typed<ReportAddMessage>({ ...add, payload: { result: { ...checkinWithFhir, schema: "ally.result/9" } } }),
  },
  {
    reason: "an age band that is not the band of the age",
    schema: "result", at: "/ageBand",
    sample: typed<AllyResult>({ ...teenCheckout, age: 7 }),
  },
  {
    reason: "a trust total above 40",
    schema: "result", at: "/scores/alliance/total",
    sample: withAlliance({ total: 41 }),
  },
  {
    reason: "a drop with a reason why there is none",
    schema: "result", at: "/scores/flags/dropReason",
    sample: withFlags({ dropReason: "no_previous" }),
  },
  {
    reason: "a drawing listed among the skips (drawings are invitations)",
    schema: "result", at: "/scores/flags/skipped/1",
    sample: withFlags({ skipped: ["trust.how_we_work", "drawing.together"] }),
  },
  {
    reason: "a check-in with trust scores",
    schema: "result", at: "/scores/alliance",
    sample: typed<AllyResult>({ ...checkinWithFhir, scores: { ...checkinWithFhir.scores, alliance: teenCheckout.scores.alliance } }),
  },
  {
    reason: "fhir that is not a Bundle",
    schema: "result", at: "/fhir/resourceType",
    // @ts-expect-error: the FHIR resource is a Bundle
    sample: typed<AllyResult>({ ...checkinWithFhir, fhir: { ...checkinWithFhir.fhir, resourceType: "Patient" } }),
  },
  {
    reason: "a result without its id, completed",
    schema: "protocol", at: "/payload",
    // @ts-expect-error: every complete carries its id
    sample: typed<CompleteMessage>({ ...complete, payload: without(teenCheckout, "id") }),
  },
  {
    reason: "a completed drawing without its SVG",
    schema: "protocol", at: "/payload/answers/8/value",
    // @ts-expect-error: a complete's drawings carry their SVG
    sample: typed<CompleteMessage>({ ...complete, payload: lean }),
  },
  {
    reason: "a result id that is not a UUID",
    schema: "result", at: "/id",
    sample: typed<AllyResult>({ ...teenCheckout, id: "visit-2291-checkout" }),
  },
  {
    reason: "a report error about a result at no place",
    schema: "protocol", at: "/payload/result/index",
    sample: typed<ErrorMessage>({ ...letGo, payload: { ...letGo.payload, result: { index: -1 } } }),
  },
  {
    reason: "the report's ready without its language",
    schema: "protocol", at: "/payload",
    // @ts-expect-error: the report's ready names its locale
    sample: typed<ReportReadyMessage>({ ...reportReady, payload: { page: "report" } }),
  },
  {
    reason: "a Bundle of type collection (a server can't take it as it is)",
    schema: "result", at: "/fhir/type",
    // @ts-expect-error: the Bundle is a transaction
    sample: typed<AllyResult>({ ...checkinWithFhir, fhir: { ...checkinWithFhir.fhir, type: "collection" } }),
  },
  {
    reason: "a completion time that is not a date and time",
    schema: "result", at: "/completedAt",
    sample: typed<AllyResult>({ ...teenCheckout, completedAt: "" }),
  },
];
