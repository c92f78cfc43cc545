//! Protocol v1: the messages between the widget and its host page.
//!
//! Every message, both ways, is an object
//! `{ "ally": 1, "type": "…", "id": "…", "session": "…", "payload": {…} }`
//! with `"replyTo"` on `ack`. Unknown types are ignored; a different major
//! version is answered with an `unsupported_version` error.

use super::answer::{AnswerRecord, Given, Help, Resume};
use super::json::{Json, Obj};
use serde_json::Value;

/// The protocol's major version.
pub const VERSION: u64 = 1;
/// The schema name of the `complete` payload.
pub const RESULT_SCHEMA: &str = "ally.result/1";
/// Incoming messages larger than this (as JSON text) are rejected unread.
pub const MAX_MESSAGE_BYTES: usize = 256 * 1024;

/// An incoming message's envelope, as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Envelope {
    pub ally: u64,
    pub kind: String,
    pub id: String,
    pub session: String,
    pub payload: Value,
    pub reply_to: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReadyPayload {
    pub age_band: String,
    pub locale: String,
    pub mode: String,
    /// The prompt ids the child will be asked, in order.
    pub steps: Vec<String>,
    pub started_at: String,
}

/// Why the widget won't start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Opened directly, not inside a portal.
    NotEmbedded,
    /// Embedded by a page whose origin is not on the allow-list.
    OriginNotAllowed,
    /// The page has no session id in its URL.
    NoSession,
}

/// The `complete` payload: schema `ally.result/1`.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultDoc {
    pub schema: &'static str,
    /// Made from the session and the answers, never from the time: the
    /// same check sent again has the same id.
    pub id: String,
    pub session: String,
    pub mode: String,
    /// Whose view it is: `child`, or on a form `caregiver` or `therapist`.
    pub rater: &'static str,
    pub age_band: String,
    pub age: u8,
    pub locale: String,
    pub started_at: String,
    pub completed_at: String,
    pub answers: Vec<AnswerRecord>,
    /// The child's goals this check rated, in their words: what the goal
    /// prompts' `goalId`s name.
    pub goals: Vec<super::config::Goal>,
    /// The child asked to talk to someone now; `null` when not.
    pub help: Option<Help>,
    pub scores: super::scoring::Scores,
    /// The FHIR R4 Bundle of this result, as JSON text, when the host asked for it.
    pub fhir: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
    /// The id of the message refused, when the error answers one (an `init`).
    pub reply_to: Option<String>,
    /// The report: which result the error is about, as the JSON text of
    /// `{ index, session? }` (see [`ErrorPayload::about`]). Text, not a
    /// struct: the widget never names a result, and carries no code for it.
    pub result: Option<String>,
}

impl ErrorPayload {
    pub fn new(code: &str, message: impl Into<String>, field: Option<&str>) -> Self {
        ErrorPayload {
            code: code.to_string(),
            message: message.into(),
            field: field.map(str::to_string),
            reply_to: None,
            result: None,
        }
    }

    /// The same error, about result `index` (its place among the results
    /// given, from 0) of session `session`, when it names one.
    pub fn about(mut self, index: usize, session: Option<&str>) -> Self {
        let mut text = String::new();
        Obj::new(&mut text)
            .field("index", &index)
            .some("session", session.as_ref().map(|s| s as &dyn Json))
            .end();
        self.result = Some(text);
        self
    }

    /// The same error, answering message `id`.
    pub fn answering(mut self, id: &str) -> Self {
        self.reply_to = Some(id.to_string());
        self
    }
}

/// The `attention` payload: something the helper should notice now.
#[derive(Clone, Debug, PartialEq)]
pub struct Attention {
    /// The same for the same reason in the same session, however often it
    /// is sent (a resend, a resumed widget): what a host dedupes by.
    pub id: String,
    pub reason: &'static str,
    pub prompt_id: Option<String>,
    pub raised_at: String,
}

impl Json for Attention {
    fn json(&self, out: &mut String) {
        Obj::new(out)
            .field("id", &self.id)
            .field("reason", &self.reason)
            .field("promptId", &self.prompt_id)
            .field("raisedAt", &self.raised_at)
            .end();
    }
}

/// A message from the widget to its host.
#[derive(Clone, Debug, PartialEq)]
pub enum Outbound {
    /// Carries this page's random instance name, so a host can tell a repeated
    /// `hello` from a reloaded widget; no child data.
    Hello {
        instance: String,
    },
    Ready(ReadyPayload),
    /// The report's `ready`: its settings were taken.
    ReportReady {
        locale: &'static str,
    },
    Answer(AnswerRecord),
    Resize {
        height: u32,
    },
    Complete(ResultDoc),
    /// Sent the moment a concern arises, and again until acknowledged.
    Attention(Attention),
    Error(ErrorPayload),
}

impl Outbound {
    pub fn kind(&self) -> &'static str {
        match self {
            Outbound::Hello { .. } => "hello",
            Outbound::Ready(_) | Outbound::ReportReady { .. } => "ready",
            Outbound::Answer(_) => "answer",
            Outbound::Resize { .. } => "resize",
            Outbound::Complete(_) => "complete",
            Outbound::Attention(_) => "attention",
            Outbound::Error(_) => "error",
        }
    }

    /// Whether the message is re-sent until the host acknowledges it.
    pub fn needs_ack(&self) -> bool {
        matches!(self, Outbound::Complete(_) | Outbound::Attention(_))
    }

    /// Whether the message says anything about the child. Only messages that
    /// don't may ever be posted before the host's origin is known.
    pub fn carries_child_data(&self) -> bool {
        !matches!(self, Outbound::Hello { .. })
    }

    /// The payload as JSON text.
    pub fn payload(&self) -> String {
        let mut out = String::new();
        match self {
            Outbound::Hello { instance } => Obj::new(&mut out)
                .field("versions", &vec![VERSION])
                .field("instance", instance)
                .end(),
            Outbound::Ready(p) => p.json(&mut out),
            Outbound::ReportReady { locale } => Obj::new(&mut out)
                .field("page", &"report")
                .field("locale", locale)
                .end(),
            Outbound::Answer(p) => p.json(&mut out),
            Outbound::Resize { height } => Obj::new(&mut out).field("height", height).end(),
            Outbound::Complete(p) => p.json(&mut out),
            Outbound::Attention(p) => p.json(&mut out),
            Outbound::Error(p) => p.json(&mut out),
        }
        out
    }

    /// The message as posted, as JSON text: `run` is the host's run it
    /// belongs to, if any.
    pub fn envelope(&self, id: &str, session: &str, run: Option<u64>) -> String {
        let mut out = String::new();
        let reply_to = match self {
            Outbound::Error(e) => e.reply_to.as_ref(),
            _ => None,
        };
        Obj::new(&mut out)
            .field("ally", &VERSION)
            .field("type", &self.kind())
            .field("id", &id)
            .field("session", &session)
            .some("run", run.as_ref().map(|r| r as &dyn Json))
            .some("replyTo", reply_to.map(|r| r as &dyn Json))
            .raw("payload", &self.payload())
            .end();
        out
    }
}

impl Json for ReadyPayload {
    fn json(&self, out: &mut String) {
        Obj::new(out)
            .field("ageBand", &self.age_band)
            .field("locale", &self.locale)
            .field("mode", &self.mode)
            .field("steps", &self.steps)
            .field("startedAt", &self.started_at)
            .end();
    }
}

impl Json for ResultDoc {
    fn json(&self, out: &mut String) {
        let o = Obj::new(out)
            .field("schema", &self.schema)
            .field("id", &self.id)
            .field("session", &self.session)
            .field("mode", &self.mode)
            .field("rater", &self.rater)
            .field("ageBand", &self.age_band)
            .field("age", &self.age)
            .field("locale", &self.locale)
            .field("startedAt", &self.started_at)
            .field("completedAt", &self.completed_at)
            .field("answers", &self.answers);
        let o = match cfg!(any(feature = "goals", feature = "naming")) {
            true => o.field("goals", &self.goals),
            false => o,
        };
        let o = match cfg!(feature = "safety") {
            true => o.field("help", &self.help),
            false => o,
        };
        let o = o.field("scores", &self.scores);
        match &self.fhir {
            Some(bundle) => o.raw("fhir", bundle).end(),
            None => o.end(),
        }
    }
}

impl Json for ErrorPayload {
    fn json(&self, out: &mut String) {
        let o = Obj::new(out)
            .field("code", &self.code)
            .field("message", &self.message)
            .some("field", self.field.as_ref().map(|f| f as &dyn Json));
        match &self.result {
            Some(result) => o.raw("result", result).end(),
            None => o.end(),
        }
    }
}

/// What the host may say to the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Inbound {
    Init {
        config: Value,
        resume: Option<Value>,
        /// The host's run number, echoed on every message of this run.
        run: Option<u64>,
    },
    Ack {
        reply_to: String,
    },
    Reset {
        run: Option<u64>,
    },
    /// The report: one more session's result document.
    Add {
        result: Value,
    },
    /// The report: an answer of a check-in in progress, and the band of the
    /// widget's `ready` (`Null` when the host does not say).
    Live {
        answer: Value,
        age_band: Value,
    },
    /// The report: an `attention` the widget raised, passed on by the host.
    Attention {
        attention: Value,
    },
}

/// Reads `init.payload.resume`. A record that can't be read is left out
/// (and named in the error), so one bad answer never loses the others.
pub fn parse_resume(v: &Value) -> (Resume, Option<ErrorPayload>) {
    let bad = |message: String| Some(ErrorPayload::new("bad_message", message, Some("resume")));
    let mut resume = Resume {
        started_at: v
            .get("startedAt")
            .and_then(Value::as_str)
            .map(str::to_string),
        ..Resume::default()
    };
    // The child's request for help comes back as the `attention` the host got.
    resume.help = v
        .get("attention")
        .and_then(Value::as_array)
        .and_then(|l| {
            l.iter()
                .find(|a| a.get("reason").and_then(Value::as_str) == Some("asked_for_help"))
        })
        .and_then(|a| {
            Some(Help {
                prompt_id: a
                    .get("promptId")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                at: a.get("raisedAt")?.as_str()?.to_string(),
            })
        });
    let list = match v.get("answers") {
        Some(Value::Array(list)) => list,
        None | Some(Value::Null) => return (resume, None),
        Some(other) => {
            let message = format!(
                "resume.answers: must be a list of answer payloads, got {}",
                super::json::to_string(other)
            );
            return (resume, bad(message.chars().take(160).collect()));
        }
    };
    let mut skipped = Vec::new();
    for (i, a) in list.iter().enumerate() {
        match Given::from_value(a) {
            Some(rec) => resume.answers.push(rec),
            None => skipped.push(i.to_string()),
        }
    }
    let error = (!skipped.is_empty()).then(|| {
        format!(
            "resume.answers: left out the records that are not answer payloads, at {}",
            skipped.join(", ")
        )
    });
    (resume, error.and_then(bad))
}

/// Reads an incoming message given as JSON text.
///
/// `Ok(None)`: not for this widget (not an Ally message, another session, an
/// unknown type); ignore it. `Err`: an Ally message for this session that the
/// widget cannot accept; answer with an `error`.
pub fn parse_inbound(text: &str, session: &str) -> Result<Option<(String, Inbound)>, ErrorPayload> {
    if text.len() > MAX_MESSAGE_BYTES {
        return Err(ErrorPayload::new(
            "too_large",
            format!(
                "message: at most {MAX_MESSAGE_BYTES} bytes of JSON, got {}",
                text.len()
            ),
            None,
        ));
    }
    let Ok(v) = serde_json::from_str::<Value>(text) else {
        return Ok(None);
    };
    read_inbound(&v, session)
}

/// Reads an incoming message the browser has already parsed, as
/// [`parse_inbound`] does once it has the JSON (whose size the caller
/// checked): the widget reads the object it was posted, and links no JSON
/// parser.
pub fn read_inbound(v: &Value, session: &str) -> Result<Option<(String, Inbound)>, ErrorPayload> {
    let Some(obj) = v.as_object() else {
        return Ok(None);
    };
    let Some(ally) = obj.get("ally") else {
        return Ok(None);
    };
    if obj.get("session").and_then(Value::as_str) != Some(session) {
        return Ok(None);
    }
    if ally.as_u64() != Some(VERSION) {
        return Err(ErrorPayload::new(
            "unsupported_version",
            format!(
                "ally: this widget speaks protocol version {VERSION}, got {}",
                super::json::to_string(ally)
            ),
            Some("ally"),
        ));
    }
    let (Some(kind), Some(id)) = (
        obj.get("type").and_then(Value::as_str),
        obj.get("id").and_then(Value::as_str),
    ) else {
        return Err(ErrorPayload::new(
            "bad_message",
            "message: type and id must be strings",
            None,
        ));
    };
    let env = Envelope {
        ally: VERSION,
        kind: kind.to_string(),
        id: id.to_string(),
        session: session.to_string(),
        payload: obj.get("payload").cloned().unwrap_or(Value::Null),
        reply_to: obj
            .get("replyTo")
            .and_then(Value::as_str)
            .map(str::to_string),
    };
    let run = env.payload.get("run").and_then(Value::as_u64);
    let msg = match env.kind.as_str() {
        "init" => {
            let Some(p) = env.payload.as_object() else {
                return Err(ErrorPayload::new(
                    "invalid_config",
                    "payload: init must carry { config, resume? }",
                    Some("config"),
                ));
            };
            Inbound::Init {
                config: p.get("config").cloned().unwrap_or(Value::Null),
                resume: p.get("resume").filter(|r| !r.is_null()).cloned(),
                run,
            }
        }
        "ack" => match env.reply_to {
            Some(reply_to) => Inbound::Ack { reply_to },
            None => {
                return Err(ErrorPayload::new(
                    "bad_message",
                    "replyTo: an ack must name the id of the message it acknowledges",
                    Some("replyTo"),
                ))
            }
        },
        "reset" => Inbound::Reset { run },
        "add" => Inbound::Add {
            result: env.payload.get("result").cloned().unwrap_or(Value::Null),
        },
        "attention" => Inbound::Attention {
            attention: env.payload,
        },
        "live" => Inbound::Live {
            answer: env.payload.get("answer").cloned().unwrap_or(Value::Null),
            age_band: env.payload.get("ageBand").cloned().unwrap_or(Value::Null),
        },
        _ => return Ok(None),
    };
    Ok(Some((env.id, msg)))
}

/// Reads the deployment's allow-list: origins separated by spaces or commas.
pub fn parse_allow_list(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(|s| s.trim_end_matches('/').to_ascii_lowercase())
        .filter(|s| s != "*" && s != "null")
        .collect()
}

/// Whether `origin` is exactly one of the allowed origins.
pub fn origin_allowed(allow: &[String], origin: &str) -> bool {
    allow.iter().any(|a| a.eq_ignore_ascii_case(origin))
}

/// Delay before attempt `attempt` (0-based): doubling from `base_ms`, capped.
pub fn backoff_ms(attempt: u32, base_ms: u32, cap_ms: u32) -> u32 {
    base_ms
        .saturating_mul(1u32.checked_shl(attempt.min(20)).unwrap_or(u32::MAX))
        .min(cap_ms)
}
