//! The widget's state machine: a pure reducer.
//!
//! `Widget` covers the whole life of the iframe (waiting for the host, a
//! refused embedding, a bad config, the flow itself); `Flow` is one pass
//! through welcome → prompts → done. Every message the widget must send is
//! appended to `Widget::outbox` with a sequence number, so the side that
//! posts messages can send exactly what is new after each render.

use super::catalog::{self, Prompt};
use super::config::{self, Config, ConfigError};
use super::protocol::{
    parse_resume, AnswerRecord, ErrorPayload, Outbound, ReadyPayload, ResultDoc, Resume,
    RESULT_SCHEMA,
};
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Welcome,
    Prompt(usize),
    Done,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub config: Config,
    pub session: String,
    pub prompts: Vec<&'static Prompt>,
    pub step: Step,
    /// One slot per prompt; a skip is a record with `skipped: true`.
    pub answers: Vec<Option<AnswerRecord>>,
    pub started_at: String,
    pub completed_at: Option<String>,
}

/// What the child does.
#[derive(Clone, Debug, PartialEq)]
pub enum FlowAction {
    /// Leave the welcome screen.
    Begin,
    /// Pick choice `index` of the current prompt.
    Choose {
        index: usize,
        now: String,
    },
    Skip {
        now: String,
    },
    Back,
}

impl Flow {
    pub fn new(config: Config, session: &str, now: &str) -> Flow {
        let prompts = catalog::prompts(config.band(), config.mode);
        Flow {
            answers: vec![None; prompts.len()],
            prompts,
            config,
            session: session.to_string(),
            step: Step::Welcome,
            started_at: now.to_string(),
            completed_at: None,
        }
    }

    /// Takes back the answers the host kept and goes on from the first
    /// prompt without one. Answers to prompts this flow doesn't have are
    /// dropped; the latest answer to a prompt wins.
    pub fn resume(mut self, resume: Resume) -> Flow {
        let mut any = false;
        for a in resume.answers {
            if let Some(i) = self.prompts.iter().position(|p| p.id == a.prompt_id) {
                if let Some(clean) = self.checked(i, a) {
                    self.answers[i] = Some(clean);
                    any = true;
                }
            }
        }
        if let Some(t) = resume.started_at {
            self.started_at = t;
        }
        if any {
            self.step = self.first_open_from(0);
        }
        self
    }

    /// A resumed answer rebuilt from the catalog, so that what the host sends
    /// back can't change a prompt's construct, kind or scale.
    fn checked(&self, i: usize, a: AnswerRecord) -> Option<AnswerRecord> {
        let p = self.prompts[i];
        if a.skipped {
            return Some(self.skip_record(p, &a.answered_at));
        }
        let count = catalog::face_count(self.config.band());
        let index = (0..count).find(|&k| Some(catalog::face_value(k, count)) == a.value)?;
        Some(self.choice_record(p, index, &a.answered_at))
    }

    fn first_open_from(&self, start: usize) -> Step {
        (start..self.prompts.len())
            .find(|&i| self.answers[i].is_none())
            .map(Step::Prompt)
            .unwrap_or(Step::Done)
    }

    pub fn current(&self) -> Option<&'static Prompt> {
        match self.step {
            Step::Prompt(i) => self.prompts.get(i).copied(),
            _ => None,
        }
    }

    /// The index of the choice recorded for the current prompt, if any.
    pub fn current_choice(&self) -> Option<usize> {
        let Step::Prompt(i) = self.step else {
            return None;
        };
        let a = self.answers.get(i)?.as_ref()?;
        let count = catalog::face_count(self.config.band());
        (0..count).find(|&k| Some(catalog::face_value(k, count)) == a.value)
    }

    fn choice_record(&self, p: &Prompt, index: usize, now: &str) -> AnswerRecord {
        let count = catalog::face_count(self.config.band());
        let index = index.min(count - 1);
        let label = catalog::face_labels(p.scale, count)[index].get(self.config.locale);
        AnswerRecord {
            prompt_id: p.id.to_string(),
            construct: code(&p.construct),
            kind: code(&p.kind),
            value: Some(catalog::face_value(index, count)),
            label: Some(label.to_string()),
            skipped: false,
            answered_at: now.to_string(),
        }
    }

    fn skip_record(&self, p: &Prompt, now: &str) -> AnswerRecord {
        AnswerRecord {
            prompt_id: p.id.to_string(),
            construct: code(&p.construct),
            kind: code(&p.kind),
            value: None,
            label: None,
            skipped: true,
            answered_at: now.to_string(),
        }
    }

    /// Applies what the child did; returns the messages it causes.
    pub fn apply(&mut self, action: FlowAction) -> Vec<Outbound> {
        match (action, self.step) {
            (FlowAction::Begin, Step::Welcome) => {
                self.step = self.first_open_from(0);
                self.finish_if_done(&self.started_at.clone())
            }
            (FlowAction::Choose { index, now }, Step::Prompt(i)) => {
                if index >= catalog::face_count(self.config.band()) {
                    return vec![];
                }
                let rec = self.choice_record(self.prompts[i], index, &now);
                self.record(i, rec, &now)
            }
            (FlowAction::Skip { now }, Step::Prompt(i)) => {
                let rec = self.skip_record(self.prompts[i], &now);
                self.record(i, rec, &now)
            }
            (FlowAction::Back, Step::Prompt(0)) => {
                self.step = Step::Welcome;
                vec![]
            }
            (FlowAction::Back, Step::Prompt(i)) => {
                self.step = Step::Prompt(i - 1);
                vec![]
            }
            _ => vec![],
        }
    }

    fn record(&mut self, i: usize, rec: AnswerRecord, now: &str) -> Vec<Outbound> {
        self.answers[i] = Some(rec.clone());
        self.step = if i + 1 < self.prompts.len() {
            Step::Prompt(i + 1)
        } else {
            Step::Done
        };
        let mut out = vec![Outbound::Answer(rec)];
        out.extend(self.finish_if_done(now));
        out
    }

    fn finish_if_done(&mut self, now: &str) -> Vec<Outbound> {
        if self.step != Step::Done {
            return vec![];
        }
        self.completed_at = Some(now.to_string());
        vec![Outbound::Complete(self.result())]
    }

    pub fn ready(&self) -> ReadyPayload {
        ReadyPayload {
            age_band: self.config.band().code().to_string(),
            locale: self.config.locale.code().to_string(),
            mode: self.config.mode.code().to_string(),
            steps: self.prompts.iter().map(|p| p.id.to_string()).collect(),
            started_at: self.started_at.clone(),
        }
    }

    /// The result so far (`completedAt` is empty until the flow is done).
    pub fn result(&self) -> ResultDoc {
        ResultDoc {
            schema: RESULT_SCHEMA,
            session: self.session.clone(),
            mode: self.config.mode.code().to_string(),
            age_band: self.config.band().code().to_string(),
            age: self.config.age,
            locale: self.config.locale.code().to_string(),
            started_at: self.started_at.clone(),
            completed_at: self.completed_at.clone().unwrap_or_default(),
            answers: self.answers.iter().flatten().cloned().collect(),
        }
    }
}

/// A serde enum's wire name.
fn code<T: serde::Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
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

#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    /// Waiting for the host's `init`.
    Connecting,
    Refused(Refusal),
    /// The host's config could not be used.
    Invalid(ConfigError),
    /// Something broke inside the widget.
    Failed,
    Active(Flow),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Widget {
    pub session: String,
    pub stage: Stage,
    /// Every message to send, numbered from 1.
    pub outbox: Vec<(u64, Outbound)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum WidgetAction {
    Init {
        config: Value,
        resume: Option<Value>,
        now: String,
    },
    Refuse(Refusal),
    Flow(FlowAction),
    Reset {
        now: String,
    },
    /// An error the widget reports to the host; `fatal` also shows the
    /// friendly error screen.
    Report {
        error: ErrorPayload,
        fatal: bool,
    },
}

impl Widget {
    pub fn new(session: &str) -> Widget {
        Widget {
            session: session.to_string(),
            stage: Stage::Connecting,
            outbox: Vec::new(),
        }
    }

    pub fn flow(&self) -> Option<&Flow> {
        match &self.stage {
            Stage::Active(f) => Some(f),
            _ => None,
        }
    }

    fn push(&mut self, msgs: impl IntoIterator<Item = Outbound>) {
        for m in msgs {
            let seq = self.outbox.last().map_or(1, |(s, _)| s + 1);
            self.outbox.push((seq, m));
        }
    }

    /// The pure reducer: the state after `action`.
    pub fn reduce(&self, action: WidgetAction) -> Widget {
        let mut next = self.clone();
        match action {
            WidgetAction::Init {
                config,
                resume,
                now,
            } => match &self.stage {
                // A second init (the host answered two hellos) changes nothing.
                Stage::Active(_) | Stage::Refused(_) | Stage::Failed => {}
                Stage::Connecting | Stage::Invalid(_) => next.init(&config, resume, &now),
            },
            WidgetAction::Refuse(r) => {
                if !matches!(self.stage, Stage::Active(_)) {
                    next.stage = Stage::Refused(r);
                }
            }
            WidgetAction::Flow(a) => {
                if let Stage::Active(flow) = &mut next.stage {
                    let out = flow.apply(a);
                    next.push(out);
                }
            }
            WidgetAction::Reset { now } => {
                if let Stage::Active(flow) = &self.stage {
                    let fresh = Flow::new(flow.config.clone(), &self.session, &now);
                    next.push([Outbound::Ready(fresh.ready())]);
                    next.stage = Stage::Active(fresh);
                }
            }
            WidgetAction::Report { error, fatal } => {
                next.push([Outbound::Error(error)]);
                if fatal {
                    next.stage = Stage::Failed;
                }
            }
        }
        next
    }

    fn init(&mut self, config: &Value, resume: Option<Value>, now: &str) {
        let config = match config::parse(config) {
            Ok(c) => c,
            Err(e) => {
                self.push([Outbound::Error(ErrorPayload::new(
                    "invalid_config",
                    e.to_string(),
                    Some(&e.field),
                ))]);
                self.stage = Stage::Invalid(e);
                return;
            }
        };
        let mut flow = Flow::new(config, &self.session, now);
        let mut out = Vec::new();
        match resume.as_ref().map(parse_resume) {
            Some(Ok(r)) => flow = flow.resume(r),
            Some(Err(e)) => out.push(Outbound::Error(e)),
            None => {}
        }
        out.push(Outbound::Ready(flow.ready()));
        if flow.step == Step::Done {
            flow.completed_at = Some(now.to_string());
            out.push(Outbound::Complete(flow.result()));
        }
        self.push(out);
        self.stage = Stage::Active(flow);
    }
}
