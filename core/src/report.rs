//! The therapist's report, as data: result documents read back through the
//! same catalog and scoring the widget uses, so a forged or broken document
//! is listed as unreadable rather than shown, and every number shown is one
//! the answers give. Only the report app uses this; the child never loads it.
//!
//! Each document is read once, when it arrives, and kept in time order; a
//! new one costs its own reading and the comparison with its neighbours, so
//! a year of sessions shows about as fast as one.

use super::answer::{pick_of, value_of, AnswerValue, Given, Resume};
use super::catalog::{self, Construct, Input, UI};
use super::check::Check;
use super::config::{self, AgeBand, Locale, Mode, Previous};
use super::protocol::{ErrorPayload, Refusal, RESULT_SCHEMA};
use super::scoring::{self, Scores};
use super::time::{self, is_timestamp};
use serde_json::{json, Value};
use std::rc::Rc;

/// One session read back from its result document.
#[derive(Clone, Debug)]
pub struct Session {
    /// The check as rebuilt from the document: prompts and answers.
    pub check: Check,
    pub completed_at: String,
    /// Recomputed from the answers, with the report's cutoff and the
    /// previous comparable session.
    pub scores: Scores,
    /// Its place among the documents given, from 0.
    pub index: usize,
    /// What makes two documents the same record: the result's `id`, or for
    /// results made before ids, its session, mode and start.
    pub key: String,
}

impl Session {
    pub fn mode(&self) -> Mode {
        self.check.config.mode
    }

    pub fn band(&self) -> AgeBand {
        self.check.config.band()
    }

    pub fn total(&self) -> Option<f64> {
        self.scores.alliance.as_ref().and_then(|a| a.total)
    }

    /// Whether it sits before `other` in time: finished earlier, or at the
    /// same moment and given earlier.
    fn before(&self, other: &Session) -> bool {
        time::compare(&self.completed_at, &other.completed_at)
            .then(self.index.cmp(&other.index))
            .is_lt()
    }

    /// What a later check-out is compared with, when this is a check-out.
    fn as_previous(&self) -> Option<Previous> {
        let a = self.scores.alliance.as_ref()?;
        (self.mode() == Mode::Checkout).then(|| Previous {
            total: a.total,
            band: self.band(),
            items: a.items.iter().map(|s| s.to_string()).collect(),
        })
    }
}

/// A document that could not be shown, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// Its place among the documents given, from 0.
    pub index: usize,
    /// The session it names, when it names one.
    pub session: Option<String>,
    pub reason: String,
}

/// The report's own settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    pub locale: Locale,
    /// The therapist's alliance cutoff; each document's own when `None`.
    pub alliance_cutoff: Option<f64>,
}

/// Reads one result document, given as document number `index` (from 0),
/// on its own: comparisons with earlier sessions are made by [`Report`].
pub fn read(doc: &Value, index: usize, options: &Options) -> Result<Session, String> {
    let obj = doc
        .as_object()
        .ok_or("not a result document: not an object")?;
    match obj.get("schema").and_then(Value::as_str) {
        Some(RESULT_SCHEMA) => {}
        Some(other) => return Err(format!("unknown schema {:?}", short(other))),
        None => return Err("not an Ally result: no schema".into()),
    }
    let text = |k: &str| obj.get(k).and_then(Value::as_str).unwrap_or("");
    let mut config = config::parse(&json!({
        "age": obj.get("age"),
        "mode": obj.get("mode"),
        "locale": obj.get("locale"),
    }))
    .map_err(|e| format!("{}: {}", e.field, e.message))?;
    if text("ageBand") != config.band().code() {
        return Err(format!(
            "its age band {:?} is not the band of age {}",
            short(text("ageBand")),
            config.age
        ));
    }
    if !is_timestamp(text("startedAt")) || !is_timestamp(text("completedAt")) {
        return Err("startedAt and completedAt must be dates and times".into());
    }
    if let Some(cut) = options.alliance_cutoff {
        config.cutoffs.total = cut;
    } else if let Some(cut) = doc
        .pointer("/scores/alliance/cutoffs/total")
        .and_then(Value::as_f64)
        .filter(|c| (0.0..=40.0).contains(c))
    {
        config.cutoffs.total = cut;
    }
    let list = obj
        .get("answers")
        .and_then(Value::as_array)
        .ok_or("answers: must be a list")?;
    let mut records = Vec::new();
    for (i, a) in list.iter().enumerate() {
        let rec = Given::from_value(a).ok_or(format!("answer {}: not an answer record", i + 1))?;
        records.push(rec);
    }
    let check = Check::new(config, text("session"), text("startedAt"));
    let count = check.prompts.len();
    let ids: Vec<String> = records.iter().map(|r| r.prompt_id.clone()).collect();
    let check = check.resume(Resume {
        answers: records,
        started_at: Some(text("startedAt").to_string()),
    });
    // Every answer must be one the widget could have given to its prompt.
    for (i, id) in ids.iter().enumerate() {
        let at = check.prompts.iter().position(|p| p.id == id);
        if at.is_none_or(|at| check.answers[at].is_none()) {
            return Err(format!(
                "answer {} ({}) does not fit its prompt",
                i + 1,
                short(id)
            ));
        }
    }
    let given = check.answers.iter().flatten().count();
    if given != count || ids.len() != count {
        return Err(format!(
            "{given} of {count} prompts answered: not a finished check"
        ));
    }
    let scores = scoring::score(&check);
    // The document's own numbers must be the ones its answers give.
    let claimed = |path: &str| doc.pointer(path).and_then(Value::as_f64);
    let mine = [
        (
            "/scores/alliance/total",
            scores.alliance.as_ref().and_then(|a| a.total),
        ),
        ("/scores/mood", scores.mood),
        ("/scores/intensity", scores.intensity),
    ];
    for (path, value) in mine {
        if claimed(path) != value {
            return Err("its scores don't follow from its answers".into());
        }
    }
    let key = match obj.get("id").and_then(Value::as_str) {
        Some(id) => format!("id {id}"),
        None => format!(
            "{} {} {}",
            text("session"),
            check.config.mode.code(),
            text("startedAt")
        ),
    };
    Ok(Session {
        check,
        completed_at: text("completedAt").to_string(),
        scores,
        index,
        key,
    })
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

/// The session a document names, if it names one: for the list of what
/// could not be shown.
fn session_of(doc: &Value) -> Option<String> {
    let s = doc.get("session")?.as_str()?;
    Some(s.chars().take(200).collect())
}

/// Words the report says, in the therapist's language (`[report]` in `locales/`).
pub use super::words::ReportTr;

/// What a prompt measures, in the therapist's words.
pub fn construct_words(c: Construct) -> ReportTr {
    match c {
        Construct::Bond => ReportTr::Bond,
        Construct::Goals => ReportTr::Goals,
        Construct::Tasks => ReportTr::Tasks,
        Construct::Overall => ReportTr::Overall,
        Construct::Mood => ReportTr::MoodWord,
        Construct::Feelings => ReportTr::FeelingsWord,
        Construct::Intensity => ReportTr::IntensityWord,
        Construct::WantsToTalk => ReportTr::TalkWord,
        Construct::Drawing => ReportTr::DrawingWord,
    }
}

fn construct_code_words(code: &str) -> ReportTr {
    match code {
        "bond" => ReportTr::Bond,
        "goals" => ReportTr::Goals,
        "tasks" => ReportTr::Tasks,
        _ => ReportTr::Overall,
    }
}

pub use super::words::{number, number_in};

/// The words of prompt `id` in `l`, as a child with no helper's name set
/// sees them ("the person helping you").
pub fn prompt_words(session: &Session, id: &str, l: Locale) -> String {
    session
        .check
        .prompts
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_string(), |p| words_of(p, l))
}

/// A live answer's words in `l`: its band's prompt when the band is known,
/// else the first prompt with its id (a question asked alike in most bands).
pub fn live_words(id: &str, band: Option<AgeBand>, l: Locale) -> String {
    let mut with_id = catalog::PROMPTS.iter().filter(|p| p.id == id);
    let first = with_id.clone().next();
    band.and_then(|b| with_id.find(|p| p.bands.contains(&b)))
        .or(first)
        .map_or_else(|| id.to_string(), |p| words_of(p, l))
}

/// A prompt's words in `l`, "the person helping you" where a name would be.
pub fn words_of(p: &catalog::Prompt, l: Locale) -> String {
    super::words::with_helper(l, p.text.get(l), UI.someone.get(l))
}

/// What a session's scores say, in plain words, most important first.
pub fn summary(session: &Session, l: Locale) -> Vec<String> {
    let s = &session.scores;
    let f = &s.flags;
    let mut out = Vec::new();
    let items = |ids: &[&str]| {
        ids.iter()
            .map(|id| format!("“{}”", prompt_words(session, id, l)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(a) = &s.alliance {
        let cutoff = number_in(a.cutoffs.total, l);
        match a.total {
            Some(t) => {
                let mut line =
                    catalog::fill(ReportTr::Total.get(l), &[("total", &number_in(t, l))]);
                let rest = if f.low_alliance {
                    &ReportTr::Below
                } else {
                    &ReportTr::AtOrAbove
                };
                line.push_str(&catalog::fill(rest.get(l), &[("cutoff", &cutoff)]));
                out.push(line);
            }
            None if !session.band().profile().total => {
                out.push(ReportTr::NoTotalYoung.get(l).into())
            }
            None => out.push(catalog::fill(
                ReportTr::NoTotal.get(l),
                &[
                    ("answered", &a.answered.to_string()),
                    ("asked", &a.items.len().to_string()),
                ],
            )),
        }
        match (a.change, f.drop_reason) {
            (Some(c), _) if c < 0.0 => out.push(catalog::fill(
                ReportTr::Lower.get(l),
                &[("n", &number_in(-c, l))],
            )),
            (Some(c), _) if c > 0.0 => out.push(catalog::fill(
                ReportTr::Higher.get(l),
                &[("n", &number_in(c, l))],
            )),
            (Some(_), _) => out.push(ReportTr::Same.get(l).into()),
            (None, Some("other_band")) => out.push(ReportTr::OtherBand.get(l).into()),
            (None, Some("other_items")) => out.push(ReportTr::OtherItems.get(l).into()),
            (None, Some("no_previous_total")) => out.push(ReportTr::NoPreviousTotal.get(l).into()),
            _ => {}
        }
        if !f.low.is_empty() {
            out.push(catalog::fill(
                ReportTr::LowItems.get(l),
                &[("items", &items(&f.low))],
            ));
        }
        let discuss: Vec<&str> = f
            .discuss
            .iter()
            .copied()
            .filter(|d| !f.low.contains(d))
            .collect();
        if !discuss.is_empty() {
            out.push(catalog::fill(
                ReportTr::AskAbout.get(l),
                &[("items", &items(&discuss))],
            ));
        }
        if !f.disagree.is_empty() {
            let words: Vec<&str> = f
                .disagree
                .iter()
                .map(|c| construct_code_words(c).get(l))
                .collect();
            out.push(catalog::fill(
                ReportTr::Disagree.get(l),
                &[("constructs", &words.join(", "))],
            ));
        }
    }
    if let Some(m) = s.mood {
        out.push(catalog::fill(
            ReportTr::Mood.get(l),
            &[("mood", &number_in(m, l))],
        ));
    }
    if f.wants_to_talk {
        out.push(ReportTr::TalkYes.get(l).into());
    } else if f.talk_later {
        out.push(ReportTr::TalkLater.get(l).into());
    } else if s.wants_to_talk.as_deref() == Some("no") {
        out.push(ReportTr::TalkNo.get(l).into());
    }
    if !f.skipped.is_empty() {
        out.push(catalog::fill(
            ReportTr::SkippedItems.get(l),
            &[("items", &items(&f.skipped))],
        ));
    }
    out
}

/// An answer as the therapist reads it: the words in their language and the
/// number, or "Skipped".
pub fn answer_words(session: &Session, i: usize, l: Locale) -> String {
    let p = session.check.prompts[i];
    let Some(a) = session.check.answers[i].as_ref() else {
        return String::new();
    };
    let Some(value) = a.value.as_ref().filter(|_| !a.skipped) else {
        return ReportTr::Skipped.get(l).into();
    };
    match (p.input, value) {
        (Input::Line(_), AnswerValue::Number(n)) => {
            catalog::fill(UI.out_of_ten.get(l), &[("n", &number_in(*n, l))])
        }
        (Input::Drawing, _) => UI.drawing.get(l).into(),
        _ => {
            // The child's words in the therapist's language, from the catalog.
            let config = config::Config {
                locale: l,
                ..session.check.config.clone()
            };
            let pick = pick_of(&session.check.config, p, value);
            pick.and_then(|pick| value_of(&config, p, &pick))
                .map(|(_, label)| match value {
                    AnswerValue::Number(n) if !matches!(p.input, Input::Sizes) => {
                        format!("{label} ({})", number_in(*n, l))
                    }
                    _ => label,
                })
                .unwrap_or_default()
        }
    }
}

/// A point of the chart: which session (its place in [`Report::sessions`]),
/// its value (none when the session has no total: drawn as a gap, never as
/// a zero), and whether it dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub session: usize,
    pub value: Option<f64>,
    pub dropped: bool,
    /// Not comparable with the point before: another band or item set.
    pub break_before: bool,
}

/// The alliance totals over the check-outs (3–5 has none to chart), and mood
/// over the check-ins.
pub fn series(sessions: &[Rc<Session>]) -> (Vec<Point>, Vec<Point>) {
    let mut totals = Vec::new();
    let mut moods = Vec::new();
    for (n, s) in sessions.iter().enumerate() {
        if let (Some(a), true) = (&s.scores.alliance, s.band().profile().total) {
            let reason = s.scores.flags.drop_reason;
            totals.push(Point {
                session: n,
                value: a.total,
                dropped: s.scores.flags.drop == Some(true),
                break_before: matches!(reason, Some("other_band" | "other_items")),
            });
        }
        if s.mode() == Mode::Checkin {
            moods.push(Point {
                session: n,
                value: s.scores.mood,
                dropped: false,
                break_before: false,
            });
        }
    }
    (totals, moods)
}

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
            },
            sessions: Vec::new(),
            unreadable: Vec::new(),
            let_go: 0,
            given: 0,
            live: Vec::new(),
            live_band: None,
            errors: Vec::new(),
        }
    }
}

/// The report's settings: `{ locale?, allianceCutoff? }`.
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
        Some(Value::String(s)) if s == "en" => Locale::En,
        Some(Value::String(s)) if s == "es" => Locale::Es,
        other => return Err(bad("locale", "must be \"en\" or \"es\"", other)),
    };
    let alliance_cutoff = match obj.get("allianceCutoff") {
        None | Some(Value::Null) => None,
        Some(n) => Some(
            n.as_f64()
                .filter(|c| (0.0..=40.0).contains(c))
                .ok_or_else(|| bad("allianceCutoff", "must be a number from 0 to 40", Some(n)))?,
        ),
    };
    Ok(Options {
        locale,
        alliance_cutoff,
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

    /// Compares session `at` (a check-out) with the check-out before it.
    fn compare_at(&mut self, at: usize) {
        let previous = self.sessions[..at]
            .iter()
            .rev()
            .find_map(|s| s.as_previous());
        let s = Rc::make_mut(&mut self.sessions[at]);
        let band = s.band();
        if let Some(a) = s.scores.alliance.as_mut() {
            scoring::compare(a, &mut s.scores.flags, band, previous.as_ref());
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
        let checkout = session.mode() == Mode::Checkout;
        self.sessions.insert(at, Rc::new(session));
        if checkout {
            self.compare_at(at);
            if let Some(next) =
                (at + 1..self.sessions.len()).find(|&i| self.sessions[i].mode() == Mode::Checkout)
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
                    super::protocol::MAX_MESSAGE_BYTES
                );
                self.refuse(index, session, "too_large", reason);
            }
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
                    Some(a) if catalog::PROMPTS.iter().any(|p| p.id == a.prompt_id) => {
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
