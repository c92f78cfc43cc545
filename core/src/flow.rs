//! The widget's state machine: a pure reducer.
//!
//! `Widget` covers the whole life of the iframe (waiting for the host, a
//! refused embedding, a bad config, the flow itself); `Flow` is one pass
//! through welcome → prompts → done: a [`Check`] and where the child is. Every message the widget must send is
//! appended to `Widget::outbox` with a sequence number, so the side that
//! posts messages can send exactly what is new after each render.

use super::answer::{hard, pick_of, value_of, AnswerRecord, Help, Pick, Resume};
use super::catalog::Prompt;
use super::check::Check;
use super::config::Mode;
use super::config::{self, Config, ConfigError};
use super::fhir;
use super::protocol::{
    parse_resume, Attention, ErrorPayload, Outbound, ReadyPayload, Refusal, ResultDoc,
    RESULT_SCHEMA,
};
use super::scoring;
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Welcome,
    Prompt(usize),
    Done,
}

/// One pass through welcome → prompts → done: a check, and where the child is.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub check: Check,
    pub step: Step,
    /// The host confirmed it has the result (its `ack` arrived).
    pub delivered: bool,
    /// The help screen is open, over the step the child was on.
    pub helping: bool,
    /// The host confirmed it heard the child's request for help.
    pub told: bool,
    /// The concerns already sent as `attention`, by reason.
    pub raised: Vec<&'static str>,
    /// The deployment's FHIR canonical base.
    pub fhir_base: &'static str,
}

/// A flow is read as its check: `flow.config`, `flow.answers`, `flow.text(i)`.
impl std::ops::Deref for Flow {
    type Target = Check;
    fn deref(&self) -> &Check {
        &self.check
    }
}

impl std::ops::DerefMut for Flow {
    fn deref_mut(&mut self) -> &mut Check {
        &mut self.check
    }
}

/// How the mascot answers what the child just said: it listens, and at
/// check-in it cares when something was hard. It never cheers a "good"
/// answer, and it never reacts to what the child says of the helper.
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
    /// "I'd like to talk to someone now": tells the host, opens the help screen.
    AskHelp {
        now: String,
    },
    /// Back from the help screen to where the child was.
    CloseHelp,
    /// On an adult's form, where every item is on one page: answers item
    /// `i` (or skips it, `None`), whichever item it is, and stays.
    #[cfg(feature = "form")]
    Fill {
        i: usize,
        pick: Option<Pick>,
        now: String,
    },
    /// Sends an adult's form: every item left blank is recorded as skipped.
    #[cfg(feature = "form")]
    Submit {
        now: String,
    },
}

impl Flow {
    pub fn new(config: Config, session: &str, now: &str) -> Flow {
        Flow {
            check: Check::new(config, session, now),
            step: Step::Welcome,
            delivered: false,
            helping: false,
            told: false,
            raised: Vec::new(),
            fhir_base: fhir::DEFAULT_BASE,
        }
    }

    /// Takes back the answers the host kept and goes on from the first
    /// prompt without one.
    pub fn resume(mut self, resume: Resume) -> Flow {
        self.check = self.check.resume(resume);
        if self.answers.iter().any(Option::is_some) {
            self.step = self.first_open();
        }
        self
    }

    /// The first prompt without an answer, or the end.
    fn first_open(&self) -> Step {
        self.first_open_from(0).map_or(Step::Done, Step::Prompt)
    }

    /// The mascot's answer to what the child said last.
    pub fn reaction(&self) -> Reaction {
        // At check-out the child rates the helper: the mascot stays neutral.
        if self.config.mode == Mode::Checkout {
            return Reaction::Listening;
        }
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

    /// Applies what the child did; returns the messages it causes.
    pub fn apply(&mut self, action: FlowAction) -> Vec<Outbound> {
        match (action, self.step) {
            (FlowAction::Begin, Step::Welcome) => {
                self.step = self.first_open();
                self.finish_if_done(&self.started_at.clone())
            }
            (FlowAction::Answer { pick, now }, Step::Prompt(i)) => {
                let p = self.prompts[i];
                match value_of(&self.config, p, &pick) {
                    Some((value, label)) => {
                        self.take(i, AnswerRecord::answered(p, value, label, &now), &now)
                    }
                    None => vec![],
                }
            }
            (FlowAction::Skip { now }, Step::Prompt(i)) => {
                let rec = AnswerRecord::skipped(self.prompts[i], &now);
                self.take(i, rec, &now)
            }
            (FlowAction::Back, Step::Prompt(0)) => {
                self.step = Step::Welcome;
                vec![]
            }
            (FlowAction::Back, Step::Prompt(i)) => {
                self.step = Step::Prompt(i - 1);
                vec![]
            }
            (FlowAction::AskHelp { now }, _)
                if cfg!(feature = "safety") && self.config.help_button =>
            {
                self.helping = true;
                let prompt_id = self.current().map(|p| p.id.to_string());
                if self.completed_at.is_none() {
                    self.check.help.get_or_insert(Help {
                        prompt_id,
                        at: now.clone(),
                    });
                    self.raise(&now)
                } else if !self.raised.contains(&"asked_for_help") {
                    // The result is already with the host: it is told all the same.
                    self.raised.push("asked_for_help");
                    let c = scoring::Concern {
                        reason: "asked_for_help",
                        prompt_id,
                    };
                    vec![Outbound::Attention(self.attention(c, &now))]
                } else {
                    vec![]
                }
            }
            (FlowAction::CloseHelp, _) => {
                self.helping = false;
                vec![]
            }
            #[cfg(feature = "form")]
            (FlowAction::Fill { i, pick, now }, step)
                if self.config.mode == Mode::Form && step != Step::Done =>
            {
                let Some(&p) = self.prompts.get(i) else {
                    return vec![];
                };
                let rec = match pick {
                    None => AnswerRecord::skipped(p, &now),
                    Some(pick) => match value_of(&self.config, p, &pick) {
                        Some((value, label)) => AnswerRecord::answered(p, value, label, &now),
                        None => return vec![],
                    },
                };
                let rec = self.record(i, rec);
                self.answers[i] = Some(rec.clone());
                vec![Outbound::Answer(rec)]
            }
            #[cfg(feature = "form")]
            (FlowAction::Submit { now }, step)
                if self.config.mode == Mode::Form && step != Step::Done =>
            {
                let mut out = Vec::new();
                for i in 0..self.prompts.len() {
                    if self.answers[i].is_none() {
                        let rec = self.record(i, AnswerRecord::skipped(self.prompts[i], &now));
                        self.answers[i] = Some(rec.clone());
                        out.push(Outbound::Answer(rec));
                    }
                }
                self.step = Step::Done;
                out.extend(self.finish_if_done(&now));
                out
            }
            _ => vec![],
        }
    }

    /// `attention` for each concern the answers raise now that was not sent
    /// before (see [`scoring::concerns`]).
    pub fn raise(&mut self, now: &str) -> Vec<Outbound> {
        let mut out = Vec::new();
        if !cfg!(feature = "safety") {
            return out;
        }
        for c in scoring::concerns(&self.check) {
            if !self.raised.contains(&c.reason) {
                self.raised.push(c.reason);
                out.push(Outbound::Attention(self.attention(c, now)));
            }
        }
        out
    }

    fn attention(&self, c: scoring::Concern, now: &str) -> Attention {
        let raised_at = match (&self.check.help, c.reason) {
            (Some(h), "asked_for_help") => h.at.clone(),
            _ => now.to_string(),
        };
        Attention {
            id: fhir::stable_id(&format!("{}|attention|{}", self.session, c.reason), 0),
            reason: c.reason,
            prompt_id: c.prompt_id,
            raised_at,
        }
    }

    /// Keeps the answer to prompt `i` and moves on.
    fn take(&mut self, i: usize, rec: AnswerRecord, now: &str) -> Vec<Outbound> {
        let rec = self.record(i, rec);
        self.answers[i] = Some(rec.clone());
        self.step = if i + 1 < self.prompts.len() && !self.ended() {
            Step::Prompt(i + 1)
        } else {
            Step::Done
        };
        let mut out = vec![Outbound::Answer(rec)];
        out.extend(self.raise(now));
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

    /// Walks the flow from the welcome as a child would: each step answers
    /// with its pick, or skips (`None`); step `n` (from 0) happens at
    /// `at(n)`. The result, when the last step ends the check; else which
    /// step the flow refused, or that the steps ran out first. (For the FHIR
    /// samples and the tests: the widget itself goes one tap at a time.)
    pub fn walk(
        &mut self,
        steps: impl IntoIterator<Item = Option<Pick>>,
        at: impl Fn(usize) -> String,
    ) -> Result<ResultDoc, String> {
        self.apply(FlowAction::Begin);
        let mut last = Vec::new();
        for (n, step) in steps.into_iter().enumerate() {
            let now = at(n);
            last = match step {
                Some(pick) => self.apply(FlowAction::Answer { pick, now }),
                None => self.apply(FlowAction::Skip { now }),
            };
            if last.is_empty() {
                return Err(format!("step {n} was refused"));
            }
        }
        match last.pop() {
            Some(Outbound::Complete(r)) => Ok(r),
            _ => Err(format!("{:?} when the steps ran out", self.step)),
        }
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
        let scores = scoring::score(&self.check);
        let seed = self.seed();
        ResultDoc {
            schema: RESULT_SCHEMA,
            id: fhir::stable_id(&seed, 0),
            session: self.session.clone(),
            mode: self.config.mode.code().to_string(),
            rater: self.config.rater.code(),
            age_band: self.config.band().code().to_string(),
            age: self.config.age,
            locale: self.config.locale.code().to_string(),
            started_at: self.started_at.clone(),
            completed_at: self.completed_at.clone().unwrap_or_default(),
            answers: self.answers.iter().flatten().cloned().collect(),
            goals: match self.config.mode {
                #[cfg(feature = "naming")]
                Mode::Goals => self.named_goals(),
                _ => self.config.goals[..self.config.goals_shown()].to_vec(),
            },
            help: self.check.help.clone(),
            fhir: (self.config.fhir && self.completed_at.is_some())
                .then(|| fhir::bundle(&self.check, &scores, self.fhir_base, &seed)),
            scores,
        }
    }
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
    /// Shared: the widget's state is copied on every step, its messages never.
    pub msg: std::rc::Rc<Outbound>,
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
    /// The number of the `attention` that carries the child's request for
    /// help: its ack is what lets the help screen say the helper was told.
    pub help_seq: Option<u64>,
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
            help_seq: None,
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
            match &msg {
                Outbound::Complete(_) => self.result_seq = Some(seq),
                Outbound::Attention(a) if a.reason == "asked_for_help" => self.help_seq = Some(seq),
                _ => {}
            }
            self.outbox.push(Queued {
                seq,
                run,
                msg: msg.into(),
            });
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
                    next.help_seq = None;
                    let mut fresh = Flow::new((*flow.config).clone(), &self.session, &now);
                    fresh.fhir_base = flow.fhir_base;
                    next.push([Outbound::Ready(fresh.ready())]);
                    next.stage = Stage::Active(fresh);
                }
            }
            WidgetAction::Delivered { seq } => {
                // An ack of an earlier run's result says nothing of this one.
                if let Stage::Active(flow) = &mut next.stage {
                    flow.delivered |= self.result_seq == Some(seq);
                    flow.told |= self.help_seq == Some(seq);
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
        // What a resumed check had raised is raised again: its ack may never
        // have come before the page went away.
        out.extend(flow.raise(now));
        if flow.step == Step::Done {
            flow.complete(now);
            out.push(Outbound::Complete(flow.result()));
        }
        self.push(out);
        self.stage = Stage::Active(flow);
    }
}
