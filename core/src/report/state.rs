//! The report's pure state: the sessions kept, what could not be shown, the
//! check-in in progress, and the errors to tell the host.

use super::super::answer::Given;
use super::super::catalog;
use super::super::config::{AgeBand, Locale, Mode, PreviousGoal};
use super::super::protocol::{ErrorPayload, Refusal};
use super::super::scoring;
use super::super::time;
use super::read::{read, session_of, short, Options, Session, Unreadable};
use serde_json::Value;
use std::rc::Rc;

/// The report's state: the sessions read, what could not be, and the
/// check-in in progress. Cheap to copy: sessions are shared.
#[derive(Clone, Debug)]
pub struct Report {
    pub stage: ReportStage,
    pub options: Options,
    /// The sessions read, oldest first by when they were finished: at most
    /// [`MAX_SESSIONS`], the newest.
    pub sessions: Vec<Rc<Session>>,
    /// The documents that could not be shown, in the order given: at most
    /// [`MAX_SESSIONS`], the latest.
    pub unreadable: Vec<Unreadable>,
    /// How many older sessions were let go to keep the newest.
    pub let_go: usize,
    /// How many documents were given: the next one's place.
    pub given: usize,
    /// The answers of a check-in in progress, latest per prompt.
    pub live: Vec<Given>,
    /// The band of the check-in in progress, when the host says it.
    pub live_band: Option<AgeBand>,
    /// Errors to tell the host, numbered so each is sent once: the newest few.
    pub errors: Vec<(u64, ErrorPayload)>,
    /// What needs the therapist's attention now, as the widget raised it:
    /// the newest [`ALERTS_KEEP`], each once.
    pub alerts: Vec<Alert>,
}

/// An `attention` the widget raised, as the report shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    pub id: String,
    /// One of [`scoring::CONCERN_REASONS`].
    pub reason: &'static str,
    pub prompt_id: Option<String>,
    pub raised_at: String,
}

/// How many alerts the banner keeps.
pub const ALERTS_KEEP: usize = 12;

/// Reads an `attention` payload; `None` when it is not one the widget sends.
fn alert(v: &Value) -> Option<Alert> {
    let id = v
        .get("id")?
        .as_str()
        .filter(|s| (1..=64).contains(&s.len()))?;
    let reason = v.get("reason")?.as_str()?;
    let reason = *scoring::CONCERN_REASONS.iter().find(|r| **r == reason)?;
    let raised_at = v
        .get("raisedAt")?
        .as_str()
        .filter(|t| time::is_timestamp(t))?;
    let prompt_id = match v.get("promptId") {
        None | Some(Value::Null) => None,
        Some(p) => Some(
            p.as_str()
                .filter(|p| catalog::PROMPTS.iter().any(|x| x.id == *p))?
                .to_string(),
        ),
    };
    Some(Alert {
        id: id.to_string(),
        reason,
        prompt_id,
        raised_at: raised_at.to_string(),
    })
}

#[derive(Clone, Debug, PartialEq)]
pub enum ReportStage {
    Connecting,
    Refused(Refusal),
    /// The host's settings could not be used.
    Failed(ErrorPayload),
    Active,
}

/// What happens to the report.
#[derive(Clone, Debug, PartialEq)]
pub enum ReportAction {
    Init {
        config: Value,
    },
    Add {
        result: Value,
    },
    /// A document too large to be sent at all: `session` is the one it
    /// named, when the bridge could tell.
    TooLarge {
        bytes: usize,
        session: Option<String>,
    },
    /// `age_band` is the widget's `ready.ageBand`, or `Null`.
    Live {
        answer: Value,
        age_band: Value,
    },
    /// An `attention` payload, passed on from the widget.
    Attention {
        attention: Value,
    },
    Refuse(Refusal),
    /// Several actions at once, as they arrived between two frames.
    Batch(Vec<ReportAction>),
}

/// The most sessions a report keeps: a year of weekly check-ins and
/// check-outs. Older ones are let go, and the host is told which.
pub const MAX_SESSIONS: usize = 104;

/// How many of the newest errors the state keeps until they are sent.
pub const ERRORS_KEEP: usize = 32;

impl Default for Report {
    fn default() -> Self {
        Report {
            stage: ReportStage::Connecting,
            options: Options {
                locale: Locale::En,
                alliance_cutoff: None,
                agreement_gap: super::AGREEMENT_GAP,
            },
            sessions: Vec::new(),
            unreadable: Vec::new(),
            let_go: 0,
            given: 0,
            live: Vec::new(),
            live_band: None,
            errors: Vec::new(),
            alerts: Vec::new(),
        }
    }
}

/// The report's settings: `{ locale?, allianceCutoff?, agreementGap? }`.
pub fn parse_options(v: &Value) -> Result<Options, ErrorPayload> {
    let bad = |field: &str, rule: &str, got: Option<&Value>| {
        let got = got.map_or("nothing".to_string(), |g| short(&g.to_string()));
        ErrorPayload::new(
            "invalid_config",
            format!("{field}: {rule}, got {got}"),
            Some(field),
        )
    };
    let obj = v
        .as_object()
        .ok_or_else(|| bad("config", "must be an object", Some(v)))?;
    let locale = match obj.get("locale") {
        None | Some(Value::Null) => Locale::En,
        Some(v) => match v.as_str().and_then(Locale::from_code) {
            Some(l) => l,
            None => {
                let codes: Vec<String> = Locale::ALL
                    .iter()
                    .map(|l| format!("{:?}", l.code()))
                    .collect();
                return Err(bad(
                    "locale",
                    &format!("must be one of {}", codes.join(", ")),
                    Some(v),
                ));
            }
        },
    };
    let alliance_cutoff = match obj.get("allianceCutoff") {
        None | Some(Value::Null) => None,
        Some(n) => Some(
            n.as_f64()
                .filter(|c| (0.0..=40.0).contains(c))
                .ok_or_else(|| bad("allianceCutoff", "must be a number from 0 to 40", Some(n)))?,
        ),
    };
    let agreement_gap = match obj.get("agreementGap") {
        None | Some(Value::Null) => super::AGREEMENT_GAP,
        Some(n) => n
            .as_f64()
            .filter(|g| (1.0..=10.0).contains(g))
            .ok_or_else(|| bad("agreementGap", "must be a number from 1 to 10", Some(n)))?,
    };
    Ok(Options {
        locale,
        alliance_cutoff,
        agreement_gap,
    })
}

/// "result 5 (session “visit-22”)", as the host's errors name a document.
fn named(index: usize, session: Option<&str>) -> String {
    match session {
        Some(s) => format!("result {} (session {s:?})", index + 1),
        None => format!("result {}", index + 1),
    }
}

impl Report {
    fn note(&mut self, error: ErrorPayload) {
        let n = self.errors.last().map_or(1, |(n, _)| n + 1);
        self.errors.push((n, error));
        if self.errors.len() > ERRORS_KEEP {
            self.errors.drain(..self.errors.len() - ERRORS_KEEP);
        }
    }

    /// Lists document `index` as not shown, and tells the host.
    fn refuse(&mut self, index: usize, session: Option<String>, code: &str, reason: String) {
        self.note(
            ErrorPayload::new(
                code,
                format!(
                    "{}: {reason}; listed as not shown",
                    named(index, session.as_deref())
                ),
                Some("result"),
            )
            .about(index, session.as_deref()),
        );
        self.unreadable.push(Unreadable {
            index,
            session,
            reason,
        });
        if self.unreadable.len() > MAX_SESSIONS {
            self.unreadable.remove(0);
        }
    }

    /// Compares session `at` (a check-out, or an adult's form) with the
    /// one before it of the same kind and rater.
    fn compare_at(&mut self, at: usize) {
        let me = self.sessions[at].clone();
        let previous = self.sessions[..at]
            .iter()
            .rev()
            .filter(|s| s.like(&me))
            .find_map(|s| s.as_previous());
        let s = Rc::make_mut(&mut self.sessions[at]);
        let band = s.band();
        if let Some(a) = s.scores.alliance.as_mut() {
            scoring::compare(a, &mut s.scores.flags, band, previous.as_ref());
        }
    }

    /// Compares each goal rated with the same goal's latest rating before
    /// it, in any earlier session (as `previousGoals` would in the widget).
    fn compare_goals(&mut self) {
        for at in 0..self.sessions.len() {
            if self.sessions[at].scores.goals.is_empty() {
                continue;
            }
            let mut previous: Vec<PreviousGoal> = Vec::new();
            let rater = self.sessions[at].rater();
            // Like with like: each rater's ratings with their own.
            for s in self.sessions[..at]
                .iter()
                .rev()
                .filter(|s| s.rater() == rater)
            {
                for g in &s.scores.goals {
                    if !previous.iter().any(|p| p.id == g.id) {
                        previous.push(PreviousGoal {
                            id: g.id.clone(),
                            progress: g.progress,
                            band: s.band(),
                        });
                    }
                }
            }
            // Unchanged by the session just taken: left as it is (and not copied).
            if self.sessions[at].check.config.previous_goals == previous {
                continue;
            }
            let s = Rc::make_mut(&mut self.sessions[at]);
            std::rc::Rc::make_mut(&mut s.check.config).previous_goals = previous;
            let flags = &mut s.scores.flags;
            flags.goal_drop.clear();
            flags.goal_retired.clear();
            s.scores.goals = scoring::goal_scores(&s.check, flags);
        }
    }

    /// Takes a session read: in its place in time, compared with the
    /// check-out before it, and the check-out after it compared with it.
    fn take(&mut self, session: Session) {
        if self.sessions.iter().any(|s| s.key == session.key) {
            // The same record given again: shown once.
            return;
        }
        let at = self.sessions.partition_point(|s| s.before(&session));
        let compared = matches!(session.mode(), Mode::Checkout | Mode::Form);
        self.sessions.insert(at, Rc::new(session));
        if compared {
            self.compare_at(at);
            let me = self.sessions[at].clone();
            if let Some(next) = (at + 1..self.sessions.len()).find(|&i| self.sessions[i].like(&me))
            {
                self.compare_at(next);
            }
        }
        // Only the newest are kept; the host hears which were let go.
        while self.sessions.len() > MAX_SESSIONS {
            let old = self.sessions.remove(0);
            self.let_go += 1;
            let session = Some(old.check.session.as_str()).filter(|s| !s.is_empty());
            self.note(
                ErrorPayload::new(
                    "too_many",
                    format!(
                        "{}, finished {}: not shown; the report shows the newest {MAX_SESSIONS} sessions",
                        named(old.index, session),
                        old.completed_at
                    ),
                    Some("result"),
                )
                .about(old.index, session),
            );
        }
        self.compare_goals();
    }

    /// The sessions read, oldest first.
    pub fn sessions(&self) -> impl Iterator<Item = &Session> {
        self.sessions.iter().map(Rc::as_ref)
    }

    pub fn reduce(&self, action: ReportAction) -> Report {
        let mut next = self.clone();
        next.apply(action);
        next
    }

    fn apply(&mut self, action: ReportAction) {
        match action {
            ReportAction::Batch(actions) => {
                for a in actions {
                    self.apply(a);
                }
            }
            ReportAction::Refuse(r) => self.stage = ReportStage::Refused(r),
            ReportAction::Init { config } => match parse_options(&config) {
                Ok(options) => {
                    self.options = options;
                    self.stage = ReportStage::Active;
                }
                Err(e) => {
                    self.note(e.clone());
                    self.stage = ReportStage::Failed(e);
                }
            },
            ReportAction::Add { result } => {
                let index = self.given;
                self.given += 1;
                // The check in progress has ended: its result is here.
                self.live.clear();
                self.live_band = None;
                match read(&result, index, &self.options) {
                    Ok(session) => self.take(session),
                    Err(reason) => self.refuse(index, session_of(&result), "bad_message", reason),
                }
            }
            ReportAction::TooLarge { bytes, session } => {
                let index = self.given;
                self.given += 1;
                let reason = format!(
                    "{bytes} bytes, more than the {} a message may carry",
                    super::super::protocol::MAX_MESSAGE_BYTES
                );
                self.refuse(index, session, "too_large", reason);
            }
            ReportAction::Attention { attention } => match alert(&attention) {
                Some(a) if self.alerts.iter().any(|x| x.id == a.id) => {}
                Some(a) => {
                    self.alerts.push(a);
                    if self.alerts.len() > ALERTS_KEEP {
                        self.alerts.remove(0);
                    }
                }
                None => self.note(ErrorPayload::new(
                    "bad_message",
                    "attention: not an attention payload of the widget; not shown",
                    Some("attention"),
                )),
            },
            ReportAction::Live { answer, age_band } => {
                match &age_band {
                    Value::Null => {}
                    v => match v.as_str().and_then(AgeBand::from_code) {
                        Some(band) => self.live_band = Some(band),
                        None => self.note(ErrorPayload::new(
                            "bad_message",
                            format!(
                                "ageBand: must be \"3-5\", \"6-8\", \"9-12\" or \"13-17\", got {}",
                                short(&v.to_string())
                            ),
                            Some("ageBand"),
                        )),
                    },
                }
                match Given::from_value(&answer) {
                    Some(a)
                        if catalog::PROMPTS
                            .iter()
                            .chain(catalog::GOAL_PROMPTS)
                            .chain(catalog::GOAL_SET_PROMPTS)
                            .any(|p| p.id == a.prompt_id) =>
                    {
                        self.live.retain(|x| x.prompt_id != a.prompt_id);
                        self.live.push(a);
                    }
                    _ => self.note(ErrorPayload::new(
                        "bad_message",
                        "answer: not an answer record of a known prompt; not shown",
                        Some("answer"),
                    )),
                }
            }
        }
    }
}
