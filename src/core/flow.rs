//! The widget's state machine: a pure reducer.
//!
//! `Widget` covers the whole life of the iframe (waiting for the host, a
//! refused embedding, a bad config, the flow itself); `Flow` is one pass
//! through welcome → prompts → done. Every message the widget must send is
//! appended to `Widget::outbox` with a sequence number, so the side that
//! posts messages can send exactly what is new after each render.

use super::catalog::{self, fill, Input, Prompt, UI};
use super::config::{self, Config, ConfigError};
use super::fhir;
use super::json::Json;
use super::protocol::{
    parse_resume, AnswerRecord, AnswerValue, DrawingValue, ErrorPayload, Outbound, ReadyPayload,
    ResultDoc, Resume, RESULT_SCHEMA,
};
use super::scoring;
use super::strokes;
use super::time::{self, is_timestamp};
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
    /// The host confirmed it has the result (its `ack` arrived).
    pub delivered: bool,
    /// The deployment's FHIR canonical base.
    pub fhir_base: &'static str,
}

/// How the mascot answers what the child just said: it listens, and it
/// cares when something was hard. It never cheers a "good" answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reaction {
    Listening,
    Caring,
}

impl Reaction {
    pub fn code(self) -> &'static str {
        match self {
            Reaction::Listening => "listening",
            Reaction::Caring => "caring",
        }
    }
}

/// An answer record of prompt `p`.
fn record(p: &Prompt, value: AnswerValue, label: String, at: &str) -> AnswerRecord {
    AnswerRecord {
        prompt_id: p.id.to_string(),
        construct: p.construct.code().to_string(),
        kind: p.kind().to_string(),
        value: Some(value),
        label: Some(label),
        skipped: false,
        answered_at: at.to_string(),
    }
}

/// Whether an answer says something was hard: a face or a trust line below
/// the middle, a disagree, or a feeling that is not an easy one. (How big a
/// feeling is says nothing of whether it is hard.)
pub fn hard(a: &AnswerRecord) -> bool {
    match &a.value {
        Some(AnswerValue::Number(n)) => match a.kind.as_str() {
            "faces" => *n < 5.0,
            "line" => a.construct != "intensity" && *n < 5.0,
            "agree4" => *n < 3.0,
            _ => false,
        },
        Some(AnswerValue::List(ids)) => ids
            .iter()
            .any(|id| !catalog::EASY_FEELINGS.contains(&id.as_str())),
        _ => false,
    }
}

/// What the child picked on a prompt.
#[derive(Clone, Debug, PartialEq)]
pub enum Pick {
    /// The n-th choice of a faces, sizes, talk or agree prompt, from 0.
    Choice(usize),
    /// Feeling ids.
    Feelings(Vec<String>),
    /// A point on a 0–10 line.
    Level(u8),
    /// A drawing in `ally.strokes/1`.
    Drawing(String),
}

/// What the child does.
#[derive(Clone, Debug, PartialEq)]
pub enum FlowAction {
    /// Leave the welcome screen.
    Begin,
    /// Answer the current prompt.
    Answer {
        pick: Pick,
        now: String,
    },
    Skip {
        now: String,
    },
    Back,
}

/// The value and words of `pick` on prompt `p`, or `None` when the pick
/// doesn't fit the prompt (out of range, unknown feeling, too many).
pub fn value_of(config: &Config, p: &Prompt, pick: &Pick) -> Option<(AnswerValue, String)> {
    let l = config.locale;
    let band = config.band();
    match (p.input, pick) {
        (Input::Faces(scale), Pick::Choice(i)) => {
            let count = catalog::face_count(band);
            let label = catalog::face_labels(scale, count).get(*i)?.get(l);
            Some((
                AnswerValue::Number(catalog::face_value(*i, count)),
                label.into(),
            ))
        }
        (Input::Sizes, Pick::Choice(i)) => {
            let (word, value) = catalog::SIZES.get(*i)?;
            Some((AnswerValue::Number(*value), word.get(l).into()))
        }
        (Input::Talk, Pick::Choice(i)) => {
            let (id, word) = catalog::TALK.get(*i)?;
            Some((AnswerValue::Text(id.to_string()), word.get(l).into()))
        }
        (Input::Agree4, Pick::Choice(i)) => {
            let word = catalog::AGREE4.get(*i)?;
            Some((AnswerValue::Number(*i as f64 + 1.0), word.get(l).into()))
        }
        (Input::Line(_), Pick::Level(n)) if *n <= 10 => {
            let label = fill(UI.out_of_ten.get(l), &[("n", &n.to_string())]);
            Some((AnswerValue::Number(f64::from(*n)), label))
        }
        (Input::Drawing, Pick::Drawing(data)) => {
            // The SVG is always made here from the strokes, never taken from outside.
            let drawing = strokes::decode(data)
                .ok()
                .filter(|d| !d.strokes.is_empty())?;
            let value = DrawingValue {
                format: strokes::FORMAT.to_string(),
                strokes: data.clone(),
                svg: drawing.to_svg().ok()?,
            };
            Some((AnswerValue::Drawing(value), UI.drawing.get(l).into()))
        }
        (Input::Feelings { max }, Pick::Feelings(ids)) => {
            let offered = catalog::feelings(band);
            let chosen: Vec<_> = offered
                .iter()
                .filter(|f| ids.iter().any(|id| id == f.id))
                .collect();
            let fits =
                !ids.is_empty() && chosen.len() == ids.len() && (max == 0 || ids.len() <= max);
            fits.then(|| {
                let words: Vec<&str> = chosen.iter().map(|f| f.word.get(l)).collect();
                let ids = chosen.iter().map(|f| f.id.to_string()).collect();
                (AnswerValue::List(ids), words.join(", "))
            })
        }
        _ => None,
    }
}

/// The pick that gives `value` on prompt `p`: the reverse of [`value_of`].
pub fn pick_of(config: &Config, p: &Prompt, value: &AnswerValue) -> Option<Pick> {
    reread(config, p, value).map(|(pick, _, _)| pick)
}

/// The pick that gives `value` on prompt `p`, with the value and words it
/// gives: only a pick that gives the same value back is real (feelings in
/// catalog order). A drawing is decoded once, here, and its SVG made again
/// from its strokes.
fn reread(config: &Config, p: &Prompt, value: &AnswerValue) -> Option<(Pick, AnswerValue, String)> {
    let whole = |n: f64, lo: f64, hi: f64| n.fract() == 0.0 && (lo..=hi).contains(&n);
    let pick = match (p.input, value) {
        (Input::Faces(_), AnswerValue::Number(n)) => {
            let count = catalog::face_count(config.band());
            Pick::Choice((0..count).find(|&i| catalog::face_value(i, count) == *n)?)
        }
        (Input::Sizes, AnswerValue::Number(n)) => {
            Pick::Choice(catalog::SIZES.iter().position(|(_, v)| v == n)?)
        }
        (Input::Talk, AnswerValue::Text(t)) => {
            Pick::Choice(catalog::TALK.iter().position(|(id, _)| id == t)?)
        }
        (Input::Agree4, AnswerValue::Number(n)) if whole(*n, 1.0, 4.0) => {
            Pick::Choice(*n as usize - 1)
        }
        (Input::Line(_), AnswerValue::Number(n)) if whole(*n, 0.0, 10.0) => Pick::Level(*n as u8),
        (Input::Feelings { .. }, AnswerValue::List(ids)) => Pick::Feelings(ids.clone()),
        (Input::Drawing, AnswerValue::Drawing(d)) if d.format == strokes::FORMAT => {
            Pick::Drawing(d.strokes.clone())
        }
        _ => return None,
    };
    let (again, label) = value_of(config, p, &pick)?;
    let same = match (&again, value) {
        (AnswerValue::Drawing(a), AnswerValue::Drawing(b)) => a.strokes == b.strokes,
        _ => again == *value,
    };
    same.then_some((pick, again, label))
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
            delivered: false,
            fhir_base: fhir::DEFAULT_BASE,
        }
    }

    /// Who the answers go to, as the sentences name them.
    pub fn helper(&self) -> String {
        self.config.helper(UI.someone.get(self.config.locale))
    }

    /// The words of prompt `i` as the child sees them: the helper named, and
    /// "that feeling" or "your feelings" after the feelings picked before.
    pub fn text(&self, i: usize) -> String {
        let picked = self.answers[..i]
            .iter()
            .flatten()
            .find_map(|a| match &a.value {
                Some(AnswerValue::List(ids)) => Some(ids.len()),
                _ => None,
            })
            .unwrap_or(0);
        self.prompts[i].text_for(self.config.locale, &self.helper(), picked)
    }

    /// The answer to "something to tell today?": `yes`, `later` or `no`.
    pub fn talk(&self) -> Option<&str> {
        self.answers.iter().flatten().find_map(|a| match &a.value {
            Some(AnswerValue::Text(t)) => Some(t.as_str()),
            _ => None,
        })
    }

    /// The mascot's answer to what the child said last.
    pub fn reaction(&self) -> Reaction {
        let upto = match self.step {
            Step::Prompt(i) => i,
            _ => self.answers.len(),
        };
        let last = self.answers[..upto].iter().rev().flatten().next();
        match last {
            Some(a) if hard(a) => Reaction::Caring,
            _ => Reaction::Listening,
        }
    }

    /// Whether the end should be calm rather than a celebration: the child
    /// said something was hard.
    pub fn calm_ending(&self) -> bool {
        self.answers.iter().flatten().any(hard)
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
        if let Some(t) = resume.started_at.filter(|t| is_timestamp(t)) {
            self.started_at = t;
        }
        if any {
            self.step = self.first_open_from(0);
        }
        self
    }

    /// A resumed answer rebuilt from the catalog, so that what the host sends
    /// back can't change a prompt's construct, kind, scale or words.
    fn checked(&self, i: usize, a: AnswerRecord) -> Option<AnswerRecord> {
        let p = self.prompts[i];
        if !is_timestamp(&a.answered_at) {
            return None;
        }
        if a.skipped {
            return Some(self.skip_record(p, &a.answered_at));
        }
        let (_, value, label) = reread(&self.config, p, a.value.as_ref()?)?;
        Some(record(p, value, label, &a.answered_at))
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

    /// What the child picked before on the current prompt, when they came back to it.
    pub fn current_pick(&self) -> Option<Pick> {
        let Step::Prompt(i) = self.step else {
            return None;
        };
        let a = self.answers.get(i)?.as_ref()?;
        pick_of(&self.config, self.prompts[i], a.value.as_ref()?)
    }

    fn answer_record(&self, p: &Prompt, pick: &Pick, now: &str) -> Option<AnswerRecord> {
        let (value, label) = value_of(&self.config, p, pick)?;
        Some(record(p, value, label, now))
    }

    fn skip_record(&self, p: &Prompt, now: &str) -> AnswerRecord {
        AnswerRecord {
            prompt_id: p.id.to_string(),
            construct: p.construct.code().to_string(),
            kind: p.kind().to_string(),
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
            (FlowAction::Answer { pick, now }, Step::Prompt(i)) => {
                match self.answer_record(self.prompts[i], &pick, &now) {
                    Some(rec) => self.record(i, rec, &now),
                    None => vec![],
                }
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
        self.complete(now);
        vec![Outbound::Complete(self.result())]
    }

    /// Marks the check finished when its last answer was given, so a result
    /// made again from the same answers (a resume after the portal's page
    /// reloaded) says the same time; `now` only when nothing was answered.
    fn complete(&mut self, now: &str) {
        let last = self
            .answers
            .iter()
            .flatten()
            .map(|a| a.answered_at.as_str())
            .max_by(|a, b| time::compare(a, b));
        self.completed_at = Some(last.unwrap_or(now).to_string());
    }

    /// What names this check's result and every FHIR resource made of it:
    /// the session, the band and mode, and each answer (its prompt, skip,
    /// time and value). Never the moment the result was made, so the same
    /// answers always give the same ids, and a result sent again is the
    /// same record, never a second one.
    pub fn seed(&self) -> String {
        let mut seed = format!(
            "{}|{}|{}",
            self.session,
            self.config.band().code(),
            self.config.mode.code()
        );
        for a in self.answers.iter().flatten() {
            seed.push('|');
            seed.push_str(&a.prompt_id);
            seed.push(if a.skipped { '-' } else { '+' });
            seed.push_str(&a.answered_at);
            match &a.value {
                // A drawing is its strokes: the SVG is made from them.
                Some(AnswerValue::Drawing(d)) => seed.push_str(&d.strokes),
                Some(v) => v.json(&mut seed),
                None => {}
            }
        }
        seed
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

    /// The result so far (`completedAt` is empty until the flow is done),
    /// with its FHIR Bundle when the host asked for one and the flow is done.
    pub fn result(&self) -> ResultDoc {
        let scores = scoring::score(&self.config, &self.prompts, &self.answers);
        let seed = self.seed();
        ResultDoc {
            schema: RESULT_SCHEMA,
            id: fhir::stable_id(&seed, 0),
            session: self.session.clone(),
            mode: self.config.mode.code().to_string(),
            age_band: self.config.band().code().to_string(),
            age: self.config.age,
            locale: self.config.locale.code().to_string(),
            started_at: self.started_at.clone(),
            completed_at: self.completed_at.clone().unwrap_or_default(),
            answers: self.answers.iter().flatten().cloned().collect(),
            fhir: (self.config.fhir && self.completed_at.is_some())
                .then(|| fhir::bundle(self, &scores, self.fhir_base, &seed)),
            scores,
        }
    }
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

/// How many of the newest messages the outbox keeps.
pub const OUTBOX_KEEP: usize = 32;

/// A message to send, numbered from 1, with the host's run it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Queued {
    pub seq: u64,
    pub run: Option<u64>,
    pub msg: Outbound,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Widget {
    pub session: String,
    pub stage: Stage,
    /// The host's current run (from `init`, then each `reset`), when it gives one.
    pub run: Option<u64>,
    /// The deployment's FHIR canonical base, for the flows it starts.
    pub fhir_base: &'static str,
    /// Every message to send.
    pub outbox: Vec<Queued>,
    /// The number of the current flow's `complete`, once queued: only the
    /// host's ack of that message tells the child their answers arrived.
    pub result_seq: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum WidgetAction {
    Init {
        config: Value,
        resume: Option<Value>,
        run: Option<u64>,
        now: String,
    },
    Refuse(Refusal),
    Flow(FlowAction),
    /// What the child did on the screen of `step`; ignored when the flow has
    /// already moved on, so a double tap never answers the next question too.
    On {
        step: Step,
        action: FlowAction,
    },
    Reset {
        run: Option<u64>,
        now: String,
    },
    /// The host acknowledged message number `seq` (a `complete`).
    Delivered {
        seq: u64,
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
            run: None,
            fhir_base: fhir::DEFAULT_BASE,
            outbox: Vec::new(),
            result_seq: None,
        }
    }

    /// The same widget, with the deployment's FHIR canonical base.
    pub fn with_fhir_base(mut self, base: &'static str) -> Widget {
        self.fhir_base = base;
        self
    }

    pub fn flow(&self) -> Option<&Flow> {
        match &self.stage {
            Stage::Active(f) => Some(f),
            _ => None,
        }
    }

    /// The number of the newest message queued so far (0 before any). The
    /// outbox keeps only the newest few, so this, not its length, tells
    /// whether something new was queued.
    pub fn newest(&self) -> u64 {
        self.outbox.last().map_or(0, |q| q.seq)
    }

    fn push(&mut self, msgs: impl IntoIterator<Item = Outbound>) {
        for msg in msgs {
            let seq = self.newest() + 1;
            let run = self.run;
            if matches!(msg, Outbound::Complete(_)) {
                self.result_seq = Some(seq);
            }
            self.outbox.push(Queued { seq, run, msg });
        }
        // Messages are posted after each render; only the newest few can be unsent.
        if self.outbox.len() > OUTBOX_KEEP {
            self.outbox.drain(..self.outbox.len() - OUTBOX_KEEP);
        }
    }

    /// The pure reducer: the state after `action`.
    pub fn reduce(&self, action: WidgetAction) -> Widget {
        let mut next = self.clone();
        match action {
            WidgetAction::Init {
                config,
                resume,
                run,
                now,
            } => match &self.stage {
                // A second init (the host answered two hellos) changes nothing.
                Stage::Active(_) | Stage::Refused(_) | Stage::Failed => {}
                Stage::Connecting | Stage::Invalid(_) => {
                    next.run = run;
                    next.init(&config, resume, &now)
                }
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
            WidgetAction::On { step, action } => {
                if self.flow().is_some_and(|f| f.step == step) {
                    return self.reduce(WidgetAction::Flow(action));
                }
            }
            WidgetAction::Reset { run, now } => {
                if let Stage::Active(flow) = &self.stage {
                    next.run = run;
                    next.result_seq = None;
                    let mut fresh = Flow::new(flow.config.clone(), &self.session, &now);
                    fresh.fhir_base = flow.fhir_base;
                    next.push([Outbound::Ready(fresh.ready())]);
                    next.stage = Stage::Active(fresh);
                }
            }
            WidgetAction::Delivered { seq } => {
                // An ack of an earlier run's result says nothing of this one.
                if let (Stage::Active(flow), true) = (&mut next.stage, self.result_seq == Some(seq))
                {
                    flow.delivered = true;
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
        flow.fhir_base = self.fhir_base;
        let mut out = Vec::new();
        if let Some(r) = resume.as_ref() {
            let (r, error) = parse_resume(r);
            out.extend(error.map(Outbound::Error));
            flow = flow.resume(r);
        }
        out.push(Outbound::Ready(flow.ready()));
        if flow.step == Step::Done {
            flow.complete(now);
            out.push(Outbound::Complete(flow.result()));
        }
        self.push(out);
        self.stage = Stage::Active(flow);
    }
}
