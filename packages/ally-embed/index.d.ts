// Types for the Ally host SDK (the package ally-embed, and the classic script ally-embed.js) and protocol v1.

export type AgeBand = "3-5" | "6-8" | "9-12" | "13-17";
export type Locale = "en" | "es";
export type Mode = "checkin" | "checkout" | "goals" | "form";
/** Whose view a result gives: the child's (the widget), or an adult's on a form. */
export type Rater = "child" | "caregiver" | "therapist";

/** Settings for one check-in; validated by the widget. */
export interface AllyConfig {
  /** Whole years, 3 to 17. Required. */
  age: number;
  /** Default "en". */
  locale?: Locale;
  /** Default "checkin". "goals": the child names their goals (the SDK opens goals.html beside the widget's page). "form": an adult's form (use Ally.mountForm). */
  mode?: Mode;
  /** "caregiver" or "therapist" on a form (mode "form"; Ally.mountForm sets it); the child's ("child") everywhere else. */
  rater?: Rater;
  /** On a form: who answers, as a FHIR reference: "RelatedPerson/…" for a caregiver, "Practitioner/…" or "PractitionerRole/…" for the therapist. The response's author and source, the Observations' performer. */
  fhirAuthor?: string;
  /** Plain text, at most 40 characters. */
  childName?: string;
  /** Plain text, at most 40 characters: who sees the answers. */
  helperName?: string;
  /** Spanish: the article a titled helperName takes ("el Dr. Rivera", "la Dra. Núñez"); none for a first name. */
  helperArticle?: "el" | "la";
  /** Plain text, at most 160 characters: the portal's own "who sees your answers" line. */
  whoSees?: string;
  /** "auto" reads each screen by itself (default for 3–5); "button" (default 6–17) shows a speaker. */
  readAloud?: "auto" | "button" | "off";
  /** 0–40; a total below it sets flags.lowAlliance. Default 36 (3–5 has no total). */
  allianceCutoff?: number;
  /** 0–10; a core item below it is listed in flags.discuss. Default 5 (3–5), 10 (6–8), 9 (9–17). */
  itemCutoff?: number;
  /** 0–10; a core item below it is listed in flags.low. Default 5 (3–5), 6 (6–8), 0: none (9–17). */
  lowItemCutoff?: number;
  /** 1–4; an agree statement below it flags its construct in flags.disagree (13–17). Default 3. */
  agreeCutoff?: number;
  /** The last check-out's result (on a form: the same rater's last form), or its alliance total with its band and items: a drop is only noticed like with like. */
  previousAlliance?: AllyResult | AllyPreviousAlliance;
  /** 0.1 to 40; a fall of at least this much sets flags.drop. Default 1. */
  dropThreshold?: number;
  /** true adds `fhir`, a FHIR R4 Bundle, to the result. Default false. */
  fhir?: boolean;
  /** A FHIR reference `Type/id` (id: 1–64 letters, digits, "-", "."), e.g. "Patient/123": the resources' subject. */
  fhirSubject?: string;
  /** 0–10: a mood at or below it, with the strongest feeling at or above concernIntensity, raises `low_mood_strong_feeling`. Default 0 (the lowest face). */
  concernMood?: number;
  /** 0–10: see concernMood. Default 8 ("big", or 8 on the line). */
  concernIntensity?: number;
  /** The quiet "I'd like to talk to someone now" control. Default true at 9–17, false at 6–8; never at 3–5 (true is an error there). */
  helpButton?: boolean;
  /** Up to 4 places to turn to, shown on the help screen. Ally ships none: it can't know the country. */
  helpLines?: AllyHelpLine[];
  /** true when the helper sees each answer as it comes (the report's live view): the welcome says so. Default false. */
  liveView?: boolean;
  /** Up to 3 of the child's goals, in their words: each is rated "How far along are you with: …?". */
  goals?: AllyGoal[];
  /** When the goals are rated. Default "checkin". */
  goalsAt?: "checkin" | "checkout" | "both";
  /** The last result that rated the goals (on a form: the same rater's), or its ratings with its band: a goal is only compared with itself, by the same rater, on the same band's scale. */
  previousGoals?: AllyResult | AllyPreviousGoals;
  /** 0.1 to 10; a goal whose rating fell by at least this much is listed in flags.goalDrop. Default 2.82 (reliable change). */
  goalDropThreshold?: number;
  /** A check-out asks "Next time, I'd like to…", offering to work on each goal. Default: true when goals are given. */
  nextTime?: boolean;
}

/** One of the child's goals, as the portal keeps it between sessions. */
export interface AllyGoal {
  /** Unique among the goals: 1–64 letters, digits, "-" and ".". */
  id: string;
  /** The child's words: plain text, at most 120 characters. */
  text: string;
  /** When it was set (ISO 8601): the FHIR Goal's startDate. */
  setAt?: string;
  /** The starter picture it was named by (a result of mode "goals" says it): pass it back, and 3–8 see it beside the goal's rating. */
  picture?: "friends" | "sleep" | "home" | "anger" | "school" | "worry" | "myself";
  /** What the child drew of it when naming it (3–8; a result of mode "goals" says it): pass it back, and 3–8 see it beside the goal's rating, drawn again from its strokes. */
  drawing?: AllyDrawing;
}

export interface AllyPreviousGoals {
  ageBand: AgeBand;
  /** Whose ratings: it must be the rater of the check it is given to. Default "child". */
  rater?: Rater;
  goals: Array<{ id: string; progress: number | null }>;
}

/** A goal as rated in one check (`scores.goals`). */
export interface AllyGoalScore {
  id: string;
  /** 0–10; null when skipped or set aside. */
  progress: number | null;
  previous: number | null;
  /** progress minus previous; null when they don't compare (see changeReason). */
  change: number | null;
  changeReason: "no_previous" | "not_rated" | "previous_not_rated" | "other_band" | null;
  /** The child said it isn't their goal any more. */
  retired: boolean;
  skipped: boolean;
}

/** A place to turn to on the help screen: a label, and a phone or a text (or both). */
export type AllyHelpLine = { label: string } & ({ phone: string; text?: string } | { phone?: string; text: string });

/** Something the helper should notice now: see the README's "The safety path". */
export interface AllyAttention {
  /** The same for the same reason in the same session, however often sent: take each once. */
  id: string;
  reason: "low_mood_strong_feeling" | "hard_feeling_wants_to_talk" | "asked_for_help";
  /** The prompt it arose on; null when the child asked for help on the welcome or the end. */
  promptId: string | null;
  raisedAt: string;
}

export interface AllyPreviousAlliance {
  total: number | null;
  ageBand: AgeBand;
  /** Whose total: it must be the rater of the check it is given to. Default "child". */
  rater?: Rater;
  /** The core item ids asked: `scores.alliance.items` of that result. */
  items: string[];
}

/** What an answer measures. */
export type AllyConstruct = "mood" | "feelings" | "intensity" | "wantsToTalk" | "bond" | "goals" | "tasks" | "overall" | "drawing" | "progress" | "goal" | "plan"
  | "home" | "school" | "peers" | "wellbeing" | "note";

/** What every answer has, whatever its kind. */
export interface AllyAnswerCommon<K extends string, C extends AllyConstruct> {
  promptId: string;
  construct: C;
  /** How the prompt was answered: it says what `value` holds. */
  kind: K;
  /** ISO 8601 UTC. */
  answeredAt: string;
  /** A goal's rating only (kind "progress", and "line" on an adult's form): the goal it rated. */
  goalId?: string;
}

/**
 * An answer of kind `K` holding a `V`, in words (`label`, in the widget's
 * locale), or its skip: `skipped: true` with no value and no words, never a score.
 * Narrow on `kind`, then on `skipped`, and `value` has its type.
 */
export type AllyAnswerOf<K extends string, V, C extends AllyConstruct = AllyConstruct> =
  | (AllyAnswerCommon<K, C> & { skipped: false; value: V; label: string })
  | (AllyAnswerCommon<K, C> & { skipped: true; value: null; label: null });

/** A row of drawn faces, saddest to happiest, on one 0–10 scale: 3 faces (3–5) give 0, 5 or 10. */
export type FacesAnswer = AllyAnswerOf<"faces", 0 | 2.5 | 5 | 7.5 | 10, "mood" | "bond" | "goals" | "tasks" | "overall">;
/** A 0–10 line, whole numbers (9–17, and every item of an adult's form). A form's goal rating names its goal in `goalId`. */
export type LineAnswer = AllyAnswerOf<"line", number, "intensity" | "bond" | "goals" | "tasks" | "overall" | "home" | "school" | "peers" | "wellbeing" | "progress"> & { goalId?: string };
/** Small, medium or big (3–8): 2, 5 or 8. */
export type SizesAnswer = AllyAnswerOf<"sizes", 2 | 5 | 8, "intensity">;
/** The feeling ids picked, in the catalog's order. */
export type FeelingsAnswer = AllyAnswerOf<"feelings", string[], "feelings">;
/** Something to tell the helper today: yes, maybe later, or no. */
export type ChoiceAnswer = AllyAnswerOf<"choice", "yes" | "later" | "no", "wantsToTalk">;
/** A statement to agree with (13–17): 1 (disagree a lot) to 4 (agree a lot), as answered. */
export type Agree4Answer = AllyAnswerOf<"agree4", 1 | 2 | 3 | 4, "bond" | "goals" | "tasks">;
/** A drawing: an invitation, so declining it is a skip never flagged. */
export type DrawingAnswer = AllyAnswerOf<"drawing", AllyDrawing, "drawing">;
/** A goal's rating, 0–10, or "retired" when the child said it isn't their goal any more (an answer, never a score). */
export type ProgressAnswer = AllyAnswerOf<"progress", number | "retired", "progress"> & { goalId: string };
/** A goal named (mode "goals"): the child's own words, or [a starter picture's id], or ["dont_know"]. */
export type GoalAnswer = AllyAnswerOf<"goal", string | [NonNullable<AllyGoal["picture"]> | "dont_know"], "goal">;
/** Next time, I'd like to…: [a choice], ["goal", goal id], or (9–17) the child's own words. Never scored. */
export type PlanAnswer = AllyAnswerOf<"plan", string | ["talk" | "play" | "draw" | "new" | "other"] | ["goal", string], "plan">;
/** An adult's words on a form: plain text (at most 500 characters a caregiver's, 160 the therapist's). Never scored. */
export type NoteAnswer = AllyAnswerOf<"note", string, "note">;

/** One answer or skip, told apart by `kind`. A skip has `skipped: true` and `value: null`, never a score. */
export type AllyAnswer =
  | FacesAnswer | LineAnswer | SizesAnswer | FeelingsAnswer | ChoiceAnswer | Agree4Answer
  | DrawingAnswer | ProgressAnswer | GoalAnswer | PlanAnswer | NoteAnswer;

/** A drawing answer's value. */
export interface AllyDrawing {
  format: "ally.strokes/1";
  /** base64 of the ally.strokes/1 bytes; decode with Ally.decodeStrokes. */
  strokes: string;
  /** The drawing as an SVG document, made by the widget from the strokes. Show it as an image. */
  svg: string;
}

/** A decoded drawing: whole units of a `width` × `height` canvas. */
export interface DecodedStrokes {
  width: number;
  height: number;
  strokes: Array<{
    tool: "pen" | "eraser";
    /** "#rrggbb" */
    color: string;
    width: number;
    points: Array<[number, number]>;
  }>;
}

export interface AllyReady {
  ageBand: AgeBand;
  locale: Locale;
  mode: Mode;
  /** Prompt ids the child will be asked, in order. */
  steps: string[];
  startedAt: string;
}

/** The `complete` payload. */
export interface AllyResult {
  schema: "ally.result/1";
  /**
   * Made from the session, band, mode and every answer, never from the time:
   * the same check given back in a resume completes with the same id. Store
   * results by it, and each is stored once.
   */
  id: string;
  session: string;
  mode: Mode;
  /** Whose view: the child's, or on a form a caregiver's or the therapist's. Every result Ally makes names it; one stored before raters has none, and is the child's. Ratings of different raters are never averaged. */
  rater?: Rater;
  ageBand: AgeBand;
  age: number;
  locale: Locale;
  startedAt: string;
  /** When the check was finished: its latest answer's time, the same however often the result is made again. */
  completedAt: string;
  answers: AllyAnswer[];
  /** The goals this check rated, in the child's words: what the answers' goalIds name. */
  goals?: AllyGoal[];
  /** The child asked to talk to someone now: on which prompt (null: the welcome or the end) and when. */
  help?: { promptId: string | null; askedAt: string } | null;
  scores: AllyScores;
  /** With config `fhir: true`: a FHIR R4 (4.0.1) transaction Bundle (a QuestionnaireResponse, then Observations). */
  fhir?: FhirBundle;
}

/**
 * The FHIR R4 Bundle a result carries: a transaction a FHIR server takes as
 * it is (POST it to the server's base), each entry a PUT to an id made from
 * the answers, so posting it twice stores it once. See the README's "FHIR R4".
 */
export interface FhirBundle {
  resourceType: "Bundle";
  id: string;
  type: "transaction";
  timestamp: string;
  entry: Array<{
    /** "urn:uuid:" and the resource's id: what other entries refer to. */
    fullUrl: string;
    resource: { resourceType: "QuestionnaireResponse" | "Observation"; id: string; [element: string]: unknown };
    request: { method: "PUT"; url: string };
  }>;
}

/**
 * A result as the SDK hands it to the report: without its FHIR Bundle and
 * without its drawings' SVG (the report draws from the strokes). A result
 * stored before results had ids has none.
 */
export type AllyReportDocument = Omit<AllyResult, "fhir" | "answers" | "id"> & {
  id?: string;
  answers: Array<Exclude<AllyAnswer, DrawingAnswer> | AllyAnswerOf<"drawing", Omit<AllyDrawing, "svg"> & { svg?: string }, "drawing">>;
  fhir?: FhirBundle;
};

export interface AllyAlliance {
  /** The core trust items asked (0–10 each, on faces or a line), in order. */
  items: string[];
  /** How many of them were answered, not skipped. */
  answered: number;
  /** 0–40, the sum of the core items; null at 3–5 (no total) and when any core item was skipped. */
  total: number | null;
  /** total minus the previous comparable total; null when there is none (see flags.dropReason). */
  change: number | null;
  bond: number | null;
  goals: number | null;
  tasks: number | null;
  overall: number | null;
  /** 13–17: the agree statements (1–4; null when skipped) per construct; null in the other bands. */
  agree: { bond: Array<number | null>; goals: Array<number | null>; tasks: Array<number | null> } | null;
  /** The thresholds in force. */
  cutoffs: { total: number; item: number; lowItem: number; agree: number; drop: number };
}

export interface AllyFlags {
  /** The total is below cutoffs.total. */
  lowAlliance: boolean;
  /** Core items below cutoffs.item: worth asking about. */
  discuss: string[];
  /** Core items below cutoffs.lowItem. */
  low: string[];
  /** Constructs with an agree statement below cutoffs.agree as scored (an opposite statement counts as 5 minus its answer) (13–17). */
  disagree: Array<"bond" | "goals" | "tasks">;
  /** Constructs where the child agreed with a statement and with its opposite (13–17). */
  agreedBothWays?: Array<"bond" | "goals" | "tasks">;
  /** Every prompt skipped, drawings aside. */
  skipped: string[];
  /** A fall of at least cutoffs.drop since the previous comparable total; null when nothing compares. */
  drop: boolean | null;
  dropReason: "no_previous" | "no_total" | "no_previous_total" | "other_band" | "other_items" | null;
  /** The child said yes to telling the helper something today. */
  wantsToTalk: boolean;
  /** The child said "maybe later". */
  talkLater: boolean;
  /** What the helper should notice at once: each also reached the portal as `attention` when it arose. */
  concern?: Array<{ reason: AllyAttention["reason"]; promptId: string | null }>;
  /** Goals whose rating fell by at least goalDropThreshold since their last. */
  goalDrop?: string[];
  /** Goals the child said aren't theirs any more. */
  goalRetired?: string[];
}

export interface AllyScores {
  /** 0–10; null when skipped or not asked (check-out). */
  mood: number | null;
  feelings: string[];
  /** 0–10; null when skipped or not asked. */
  intensity: number | null;
  /** null when not asked (3–5, check-out). */
  wantsToTalk: "yes" | "later" | "no" | "skipped" | null;
  /** Check-out only. */
  alliance: AllyAlliance | null;
  flags: AllyFlags;
  /** The thresholds flags.concern was computed with. */
  concernCutoffs?: { mood: number; intensity: number };
  /** Each goal rated, compared like with like. */
  goals?: AllyGoalScore[];
  /** The threshold flags.goalDrop was computed with (goalDropThreshold, default 2.82). */
  goalDropThreshold?: number;
  /** A caregiver's form: how the child has been since the last session, 0–10 each (null when skipped), never summed; null on every other check. */
  wellbeing?: { home: number | null; school: number | null; peers: number | null; overall: number | null } | null;
}

export interface AllyError {
  /**
   * From the widget or the report: `invalid_config`, `unsupported_version`,
   * `bad_message`, `too_large`, `too_many` (the report let an older session
   * go), `already_connected` (another script answered this page's hello
   * first: its init was taken, not yours), `internal`. From the SDK itself:
   * `timeout` (no `ready` within `readyTimeout`), `attention_unheard` (the
   * widget raised a concern and no onAttention was given to hear it).
   */
  code: "invalid_config" | "unsupported_version" | "bad_message" | "too_large" | "too_many" | "already_connected" | "internal" | "timeout" | "attention_unheard";
  /** For you, in English: what went wrong, and what to check. */
  message: string;
  /** The config or message field at fault, when there is one. */
  field?: string;
  /** The report: which result it is about, by its place among those given (from 0) and its session. */
  result?: { index: number; session?: string };
}

export interface AllyResume {
  answers: AllyResumeAnswer[];
  startedAt?: string;
  /** The attention payloads received: a request for help is kept through a reload. */
  attention?: AllyAttention[];
}

/** An answer given back: only promptId, value, skipped, answeredAt and goalId are read; a drawing needs only { format, strokes }. */
export interface AllyResumeAnswer extends Partial<Pick<AllyAnswer, "construct" | "kind" | "label">> {
  promptId: string;
  value: AllyAnswer["value"] | Pick<AllyDrawing, "format" | "strokes">;
  skipped: boolean;
  answeredAt: string;
  /** A goal's rating counts only for the goal it rated: give it back as sent. */
  goalId?: string;
}

/**
 * Every message, both ways, is posted as one of these objects. After the
 * handshake they travel on a private MessageChannel: the host transfers one
 * port with `init`, and only `hello` and `init` ever cross the windows.
 */
export interface Envelope<T extends string, P> {
  ally: 1;
  type: T;
  id: string;
  session: string;
  payload: P;
  /** The host's run (its count of starts) that a widget message belongs to, when the host gave one. */
  run?: number;
}

/** `instance` is a random name for this page of the widget: a reload says hello with a new one. */
export type HelloMessage = Envelope<"hello", { versions: number[]; instance: string }>;
export type ReadyMessage = Envelope<"ready", AllyReady>;
export type AnswerMessage = Envelope<"answer", AllyAnswer>;
export type ResizeMessage = Envelope<"resize", { height: number }>;
export type CompleteMessage = Envelope<"complete", AllyResult>;
/** `replyTo` names the message refused, when the error answers one (an `init`). */
export type ErrorMessage = Envelope<"error", Omit<AllyError, "code"> & { code: Exclude<AllyError["code"], "timeout" | "attention_unheard"> }> & { replyTo?: string };
/** Sent when a concern arises, and again until acknowledged. */
export type AttentionMessage = Envelope<"attention", AllyAttention>;
export type WidgetMessage =
  | HelloMessage | ReadyMessage | AnswerMessage | ResizeMessage | AttentionMessage | CompleteMessage | ErrorMessage;

/** Posted to the iframe's window with one MessagePort transferred: the private channel. */
export type InitMessage = Envelope<"init", { config: AllyConfig; run?: number; resume?: AllyResume }>;
export type AckMessage = Envelope<"ack", Record<string, never>> & { replyTo: string };
export type ResetMessage = Envelope<"reset", { run?: number }>;
export type HostMessage = InitMessage | AckMessage | ResetMessage;

/** What every page of Ally takes about its frame: the widget's, a form's and the report's. */
export interface AllyFrameOptions {
  /** The iframe's accessible title. Default "Ally check-in" (a form: whose view it is; the report: "Ally report"). */
  title?: string;
  /** Height in px before the page reports its own. Default 560 (a form 900, the report 480). */
  initialHeight?: number;
  /** The least height in px the iframe takes, however little the page needs. */
  minHeight?: number;
  /** The most height in px the iframe takes; beyond it the page scrolls inside its frame. */
  maxHeight?: number;
  /** How long the page may take to say ready (ms) before onError hears `timeout`. Default 15000; 0 or Infinity: never. */
  readyTimeout?: number;
  /** true: the keyboard's focus moves into the page once it is ready, unless the user has moved it meanwhile. Default false: the portal keeps its focus (see the handle's focus()). */
  autoFocus?: boolean;
  /** The height the page needs, each time it changes (the SDK already sets the iframe's). */
  onResize?(height: number): void;
  /** Receives exceptions thrown by your callbacks. */
  onCallbackError?(error: unknown): void;
}

export interface MountOptions extends AllyFrameOptions {
  /** The widget's URL; its origin is the only one the SDK talks to. */
  src: string;
  config: AllyConfig;
  /** Your session id, at most 200 characters (code points); a random one is made when omitted. */
  session?: string;
  /** Answers your portal kept from an earlier page load. */
  resume?: AllyResume;
  onReady?(ready: AllyReady): void;
  onAnswer?(answer: AllyAnswer): void;
  /**
   * Something the helper should notice now, the moment it arises: each once
   * per session. Without it the widget is never told the helper heard, and
   * its help screen keeps saying it is letting them know.
   */
  onAttention?(attention: AllyAttention): void;
  /**
   * Called once per result, and at most once per run (a run starts again with
   * `reset()`): `run` says which, so a late result of the run before a reset
   * is never taken for the new one.
   */
  onComplete?(result: AllyResult, meta: { run: number }): void;
  onError?(error: AllyError): void;
}

/** An adult's form: the widget's options, with the rater; config is the child's (age, goals, names). */
export interface MountFormOptions extends Omit<MountOptions, "config"> {
  rater: "caregiver" | "therapist";
  /** The child's settings as for Ally.mount; mode and rater are set by mountForm. */
  config: Omit<AllyConfig, "mode" | "rater">;
}

export interface AllyHandle {
  readonly session: string;
  readonly iframe: HTMLIFrameElement;
  /** The current run: 1, then one more at each reset(). */
  readonly run: number;
  /** The answers received so far in this run, one per prompt. */
  answers(): AllyAnswer[];
  /** What needed the helper's attention so far in this run, each once. */
  attention(): AllyAttention[];
  /** Starts over as a new run and forgets the kept answers. */
  reset(): void;
  /** What to give back as `resume` to a new mount of the same session (after a page load): undefined before the first answer. */
  resumeState(): AllyResume | undefined;
  /** Moves the keyboard's focus into the widget. */
  focus(): void;
  /** New bounds for the frame's height (either may be left out); throws a TypeError naming a wrong one. */
  setHeights(bounds: Pick<AllyFrameOptions, "minHeight" | "maxHeight">): void;
  /** Removes the iframe, closes the private channel and stops listening. */
  destroy(): void;
}

/** Posted to the report's iframe with one MessagePort transferred, then `add` and `live` on the port. */
export type ReportInitMessage = Envelope<"init", { config: { locale?: Locale; allianceCutoff?: number; agreementGap?: number } }>;
export type ReportAddMessage = Envelope<"add", { result: AllyReportDocument }>;
export type ReportLiveMessage = Envelope<"live", { answer: AllyAnswer; ageBand?: AgeBand }>;
export type ReportAttentionMessage = Envelope<"attention", AllyAttention>;
export type ReportHostMessage = ReportInitMessage | ReportAddMessage | ReportLiveMessage | ReportAttentionMessage;
/** The report's `ready`: its settings were taken. */
export interface AllyReportReady {
  page: "report";
  locale: Locale;
}
export type ReportReadyMessage = Envelope<"ready", AllyReportReady>;
/** What the report says: the data-free hello, ready, its height, and what it could not read or use. */
export type ReportMessage = HelloMessage | ReportReadyMessage | ResizeMessage | ErrorMessage;

export interface MountReportOptions extends AllyFrameOptions {
  /** The widget's URL: the report is report.html beside it, on the same origin. */
  src: string;
  /** Earlier result documents, as onComplete gave them, in any order; the newest 104 sessions are shown. Default none. */
  results?: Array<AllyResult | AllyReportDocument>;
  /** The therapist's language, apart from the child's. Default "en". */
  locale?: Locale;
  /** 0–40: the therapist's cutoff for the trust total; each result's own when omitted. */
  allianceCutoff?: number;
  /** 1–10: a gap between two raters' ratings of the same thing at least this big is named in words. Default 3. */
  agreementGap?: number;
  /**
   * A result it could not read ("bad_message", field "result", with `result`
   * naming it), one too large to send ("too_large"), an older one let go to
   * keep the newest 104 ("too_many"), settings it could not use
   * ("invalid_config"), or no `ready` within `readyTimeout` ("timeout").
   */
  onError?(error: AllyError): void;
  /** The report took its settings. */
  onReady?(ready: AllyReportReady): void;
}

export interface AllyReportHandle {
  readonly session: string;
  readonly iframe: HTMLIFrameElement;
  /** A finished session joins the report; the check-in in progress ends. The same result given twice is shown once. */
  add(result: AllyResult | AllyReportDocument): void;
  /**
   * An answer of the check-in in progress: pass Ally.mount's onAnswer on, with
   * the `ageBand` of its onReady so the report shows the question in that band's words.
   */
  live(answer: AllyAnswer, ageBand?: AgeBand): void;
  /** Shows what Ally.mount's onAttention received as a banner at the top; each id once. */
  attention(attention: AllyAttention): void;
  /** Moves the keyboard's focus into the report. */
  focus(): void;
  /** New bounds for the frame's height, as AllyHandle.setHeights. */
  setHeights(bounds: Pick<AllyFrameOptions, "minHeight" | "maxHeight">): void;
  /** Removes the iframe, closes the private channel and stops listening. */
  destroy(): void;
}

export interface AllySdk {
  readonly PROTOCOL_VERSION: 1;
  readonly STROKES_FORMAT: "ally.strokes/1";
  mount(element: Element, options: MountOptions): AllyHandle;
  /** A caregiver's or the therapist's form, through the same channel, acks, resume and errors as mount. Throws a TypeError naming a wrong option. */
  mountForm(element: Element, options: MountFormOptions): AllyHandle;
  /** The therapist's report of earlier sessions and a live one. Throws a TypeError naming a wrong option. */
  mountReport(element: Element, options: MountReportOptions): AllyReportHandle;
  /**
   * Defines <ally-checkin>, <ally-form> and <ally-report> in `registry` (default: the page's
   * customElements). The classic script calls it as it loads; the package's import does not.
   * Safe to call again; false where there are no custom elements (under Node).
   */
  defineElements(registry?: CustomElementRegistry): boolean;
  /** Throws an Error starting "ally.strokes/1: " when `strokes` is not a valid drawing. */
  decodeStrokes(strokes: string): DecodedStrokes;
  /**
   * An SVG document for a decoded drawing (white paper, round pens). Throws an
   * Error starting "ally.strokes/1: " for anything but what decodeStrokes
   * gives: whole numbers on the canvas, within the format's limits.
   */
  strokesToSvg(drawing: DecodedStrokes): string;
}

// ---- The custom elements ----------------------------------------------------

/**
 * The events of <ally-checkin> and <ally-form>: each a CustomEvent whose
 * `detail` is what the callback of the same name receives. They are
 * dispatched on the element only (they do not bubble): listen on it.
 */
export interface AllyElementEventMap {
  "ally-ready": CustomEvent<AllyReady>;
  "ally-answer": CustomEvent<AllyAnswer>;
  /** Heard only through a listener on the element itself, added once the element is defined: without one the child is never told the helper knows, and `ally-error` says `attention_unheard`. */
  "ally-attention": CustomEvent<AllyAttention>;
  /** Once per result, however often the element is removed and put back. */
  "ally-complete": CustomEvent<AllyResult>;
  /** A wrong setting (`invalid_config`, with the SDK's message) and every error the widget or the SDK reports. */
  "ally-error": CustomEvent<AllyError>;
  /** The height the widget needs. */
  "ally-resize": CustomEvent<number>;
}

/** The events of <ally-report>. */
export interface AllyReportElementEventMap {
  "ally-ready": CustomEvent<AllyReportReady>;
  "ally-error": CustomEvent<AllyError>;
  "ally-resize": CustomEvent<number>;
}

/**
 * What the three elements share. Attributes `src`, `locale`, `label` (the
 * iframe's title), `ready-timeout`, `min-height`, `max-height`,
 * `initial-height` and `autofocus`. Removed from the document, an element
 * tears its widget down; put back, it resumes the same session.
 */
export interface AllyElementBase<M> extends HTMLElement {
  /** The session of the widget mounted now, or kept for its return; setting it sets the `session` attribute. */
  session: string | null;
  /** A check-in or form: a new run of the same session. A report: shown afresh. */
  reset(): void;
  /** Removes the widget and forgets its session; a change of setting, or reset(), mounts it again. */
  destroy(): void;
  /** Moves the keyboard's focus into the widget. */
  focus(options?: FocusOptions): void;
  addEventListener<K extends keyof (HTMLElementEventMap & M)>(type: K, listener: (this: this, ev: (HTMLElementEventMap & M)[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof (HTMLElementEventMap & M)>(type: K, listener: (this: this, ev: (HTMLElementEventMap & M)[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** <ally-checkin src age mode locale session>: Ally.mount as an element. The attributes win over `config`'s fields. */
export interface AllyCheckinElement extends AllyElementBase<AllyElementEventMap> {
  /** The rest of the settings; a new value starts a new check. */
  config: Partial<AllyConfig> | undefined;
  /** Answers kept from an earlier page load, read when the widget mounts. */
  resume: AllyResume | undefined;
  /** The handle of the widget mounted now, or null. */
  readonly handle: AllyHandle | null;
}

/** <ally-form src rater age locale session>: Ally.mountForm as an element. */
export interface AllyFormElement extends AllyElementBase<AllyElementEventMap> {
  config: Partial<Omit<AllyConfig, "mode" | "rater">> | undefined;
  resume: AllyResume | undefined;
  readonly handle: AllyHandle | null;
}

/** <ally-report src locale alliance-cutoff agreement-gap>: Ally.mountReport as an element. */
export interface AllyReportElement extends AllyElementBase<AllyReportElementEventMap> {
  /** The result documents shown; a longer list that begins with the same ones adds the rest in place. */
  results: Array<AllyResult | AllyReportDocument> | undefined;
  readonly handle: AllyReportHandle | null;
  /** A finished session joins the report (see AllyReportHandle.add). */
  add(result: AllyResult | AllyReportDocument): void;
  /** An answer of the check-in in progress (see AllyReportHandle.live). */
  live(answer: AllyAnswer, ageBand?: AgeBand): void;
  /** What needs the therapist's attention now, as a banner (see AllyReportHandle.attention). */
  attention(attention: AllyAttention): void;
}

declare global {
  interface Window {
    Ally: AllySdk;
  }
  const Ally: AllySdk;
  interface HTMLElementTagNameMap {
    "ally-checkin": AllyCheckinElement;
    "ally-form": AllyFormElement;
    "ally-report": AllyReportElement;
  }
}

// The package's named exports (import { mount } from "ally-embed"); the
// classic script gives the same as window.Ally.
export declare const mount: AllySdk["mount"];
export declare const mountForm: AllySdk["mountForm"];
export declare const mountReport: AllySdk["mountReport"];
export declare const defineElements: AllySdk["defineElements"];
export declare const decodeStrokes: AllySdk["decodeStrokes"];
export declare const strokesToSvg: AllySdk["strokesToSvg"];
export declare const PROTOCOL_VERSION: AllySdk["PROTOCOL_VERSION"];
export declare const STROKES_FORMAT: AllySdk["STROKES_FORMAT"];
