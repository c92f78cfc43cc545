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
}

/** One answer or skip. A skip has `skipped: true` and `value: null`, never a score. */
export interface AllyAnswer {
  promptId: string;
  construct: "mood" | "bond" | "goals" | "tasks" | "overall" | string;
  kind: "faces" | string;
  /** On Ally's 0–10 scale, whatever the number of faces; null when skipped. */
  value: number | null;
  /** The chosen word in the widget's locale; null when skipped. */
  label: string | null;
  skipped: boolean;
  /** ISO 8601 UTC. */
  answeredAt: string;
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
  mount(element: Element, options: MountOptions): AllyHandle;
}

declare global {
  interface Window {
    Ally: AllySdk;
  }
  const Ally: AllySdk;
}
