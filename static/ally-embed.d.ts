// Types for the Ally host SDK (ally-embed.js) and protocol v1.

export type AgeBand = "3-5" | "6-8" | "9-12" | "13-17";
export type Locale = "en" | "es";
export type Mode = "checkin" | "checkout";

/** Settings for one check-in; validated by the widget. */
export interface AllyConfig {
  /** Whole years, 3 to 17. Required. */
  age: number;
  /** Default "en". */
  locale?: Locale;
  /** Default "checkin". */
  mode?: Mode;
  /** Plain text, at most 40 characters. */
  childName?: string;
  /** Plain text, at most 40 characters: who sees the answers. */
  helperName?: string;
  /** "auto" reads each screen by itself (default for 3–5); "button" (default 6–17) shows a speaker. */
  readAloud?: "auto" | "button" | "off";
  /** 0–40; an alliance total below it sets flags.lowAlliance. Default 36. */
  allianceCutoff?: number;
  /** 0–10; a core trust item below it sets flags.lowItem. Default 8. */
  itemCutoff?: number;
  /** 0–40: the last session's alliance total, to notice a drop. */
  previousAlliance?: number;
  /** 0–40; a fall of at least this much sets flags.drop. Default 1. */
  dropThreshold?: number;
}

/** One answer or skip. A skip has `skipped: true` and `value: null`, never a score. */
export interface AllyAnswer {
  promptId: string;
  construct: "mood" | "feelings" | "intensity" | "wantsToTalk" | "bond" | "goals" | "tasks" | "overall" | "drawing";
  /**
   * faces, sizes, line: a number on 0–10; agree4: 1–4; feelings: feeling ids;
   * choice: "yes" | "later" | "no"; drawing: an AllyDrawing.
   */
  kind: "faces" | "feelings" | "sizes" | "line" | "choice" | "agree4" | "drawing";
  /** See `kind`; null when skipped. */
  value: number | string | string[] | AllyDrawing | null;
  /** The chosen word in the widget's locale; null when skipped. */
  label: string | null;
  skipped: boolean;
  /** ISO 8601 UTC. */
  answeredAt: string;
}

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
  session: string;
  mode: Mode;
  ageBand: AgeBand;
  age: number;
  locale: Locale;
  startedAt: string;
  completedAt: string;
  answers: AllyAnswer[];
  scores: AllyScores;
}

export interface AllyAlliance {
  /** 0–40: the mean of the core trust items answered × 4; null when fewer than half were answered. */
  total: number | null;
  bond: number | null;
  goals: number | null;
  tasks: number | null;
  overall: number | null;
  /** Core items answered, and asked (2 for 3–5, else 4). */
  answered: number;
  items: number;
  /** 13–17: the mean of the agree/disagree statements, 1–4. */
  agreeMean: number | null;
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
  flags: { lowAlliance: boolean; lowItem: boolean; drop: boolean; wantsToTalk: boolean };
}

export interface AllyError {
  code: "invalid_config" | "unsupported_version" | "bad_message" | "too_large" | "internal" | string;
  message: string;
  /** The config or message field at fault, when there is one. */
  field?: string;
}

export interface AllyResume {
  answers: AllyAnswer[];
  startedAt?: string;
}

/** Every message, both ways, is posted as one of these objects. */
export interface Envelope<T extends string, P> {
  ally: 1;
  type: T;
  id: string;
  session: string;
  payload: P;
}

export type HelloMessage = Envelope<"hello", { versions: number[] }>;
export type ReadyMessage = Envelope<"ready", AllyReady>;
export type AnswerMessage = Envelope<"answer", AllyAnswer>;
export type ResizeMessage = Envelope<"resize", { height: number }>;
export type CompleteMessage = Envelope<"complete", AllyResult>;
export type ErrorMessage = Envelope<"error", AllyError>;
export type WidgetMessage =
  | HelloMessage | ReadyMessage | AnswerMessage | ResizeMessage | CompleteMessage | ErrorMessage;

export type InitMessage = Envelope<"init", { config: AllyConfig; resume?: AllyResume }>;
export type AckMessage = Envelope<"ack", Record<string, never>> & { replyTo: string };
export type ResetMessage = Envelope<"reset", Record<string, never>>;
export type HostMessage = InitMessage | AckMessage | ResetMessage;

export interface MountOptions {
  /** The widget's URL; its origin is the only one the SDK talks to. */
  src: string;
  config: AllyConfig;
  /** Your session id; a random one is made when omitted. */
  session?: string;
  /** Answers your portal kept from an earlier page load. */
  resume?: AllyResume;
  /** The iframe's accessible title. Default "Ally check-in". */
  title?: string;
  /** Height in px before the widget reports its own. Default 560. */
  initialHeight?: number;
  onReady?(ready: AllyReady): void;
  onAnswer?(answer: AllyAnswer): void;
  /** Called at most once per run (a run starts again with `reset()`). */
  onComplete?(result: AllyResult): void;
  onError?(error: AllyError): void;
  onResize?(height: number): void;
  /** Receives exceptions thrown by your callbacks. */
  onCallbackError?(error: unknown): void;
}

export interface AllyHandle {
  readonly session: string;
  readonly iframe: HTMLIFrameElement;
  /** The answers received so far, one per prompt. */
  answers(): AllyAnswer[];
  /** Starts over and forgets the kept answers. */
  reset(): void;
  /** Removes the iframe and stops listening. */
  destroy(): void;
}

export interface AllySdk {
  readonly PROTOCOL_VERSION: 1;
  readonly STROKES_FORMAT: "ally.strokes/1";
  mount(element: Element, options: MountOptions): AllyHandle;
  /** Throws an Error starting "ally.strokes/1: " when `strokes` is not a valid drawing. */
  decodeStrokes(strokes: string): DecodedStrokes;
  /** An SVG document for a decoded drawing (white paper, round pens). */
  strokesToSvg(drawing: DecodedStrokes): string;
}

declare global {
  interface Window {
    Ally: AllySdk;
  }
  const Ally: AllySdk;
}
