//! One result document read back into a session: through the catalog and
//! scoring, so what is shown is what the answers give.

use super::super::answer::{Given, Help, Resume};
use super::super::catalog;
use super::super::check::Check;
use super::super::config::{self, AgeBand, Locale, Mode, Previous, Rater};
use super::super::protocol::RESULT_SCHEMA;
use super::super::scoring::{self, Scores};
use super::super::time;
use super::super::time::is_timestamp;
use serde_json::{json, Value};

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

    /// Whose view it is.
    pub fn rater(&self) -> Rater {
        self.check.config.rater
    }

    /// Whether `other` gives the same kind of view: the same check by the
    /// same rater, the only thing a session is compared with.
    pub fn like(&self, other: &Session) -> bool {
        self.mode() == other.mode() && self.rater() == other.rater()
    }

    pub fn total(&self) -> Option<f64> {
        self.scores.alliance.as_ref().and_then(|a| a.total)
    }

    /// Whether it sits before `other` in time: finished earlier, or at the
    /// same moment and given earlier.
    pub(super) fn before(&self, other: &Session) -> bool {
        time::compare(&self.completed_at, &other.completed_at)
            .then(self.index.cmp(&other.index))
            .is_lt()
    }

    /// What a later check-out (or form of the same rater) is compared
    /// with, when this is one.
    pub(super) fn as_previous(&self) -> Option<Previous> {
        let a = self.scores.alliance.as_ref()?;
        matches!(self.mode(), Mode::Checkout | Mode::Form).then(|| Previous {
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
    /// `agreementGap`: the gap between raters the report names (default
    /// [`AGREEMENT_GAP`](super::AGREEMENT_GAP)).
    pub agreement_gap: f64,
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
        "rater": obj.get("rater"),
        "locale": obj.get("locale"),
        // The goals it rated, in the child's words: every one of them.
        "goals": obj.get("goals"),
        "goalsAt": "both",
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
    // The concern rule's thresholds, as the widget had them.
    let cut = |k: &str| {
        doc.pointer(&format!("/scores/concernCutoffs/{k}"))
            .and_then(Value::as_f64)
            .filter(|c| (0.0..=10.0).contains(c))
    };
    config.concern.mood = cut("mood").unwrap_or(config.concern.mood);
    config.concern.intensity = cut("intensity").unwrap_or(config.concern.intensity);
    // The goals' drop threshold, as the widget had it.
    if let Some(t) = doc
        .pointer("/scores/goalDropThreshold")
        .and_then(Value::as_f64)
        .filter(|t| (0.1..=10.0).contains(t))
    {
        config.goal_drop = t;
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
    // The prompts it asked, as named by its answers: those of this version
    // (whatever its slot) or retired ones, each once.
    let (band, mode) = (config.band(), config.mode);
    let mut prompts: Vec<&'static catalog::Prompt> = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let p = catalog::find(band, mode, &r.prompt_id)
            .filter(|p| mode != Mode::Form || catalog::rater_of(p.id) == Some(config.rater))
            .ok_or(format!(
                "answer {} ({}) is not a prompt of this check",
                i + 1,
                short(&r.prompt_id)
            ))?;
        if prompts.iter().any(|q| q.id == p.id) {
            return Err(format!("answer {} ({}) is given twice", i + 1, short(p.id)));
        }
        prompts.push(p);
    }
    // At least every prompt its band and mode ask in each session: no
    // fewer answers than a finished check has. The goals' ratings and
    // "next time" depend on the portal's settings: counted as answered.
    // (Naming goals ends at a skip or "I don't know yet": one answer can finish it.)
    let extra = prompts
        .iter()
        .filter(|p| p.goal > 0 || p.input == catalog::Input::Plan)
        .count();
    let every = match mode {
        Mode::Goals => 1,
        Mode::Form => catalog::form(config.rater, 0).len() + extra,
        _ => catalog::asked(band, mode, text("session"), 0, false).len() + extra,
    };
    if prompts.len() < every {
        return Err(format!(
            "{} of {every} prompts answered: not a finished check",
            prompts.len()
        ));
    }
    let help = doc.get("help").filter(|h| !h.is_null()).map(|h| {
        Some(Help {
            prompt_id: h
                .get("promptId")
                .and_then(Value::as_str)
                .map(str::to_string),
            at: h.get("askedAt")?.as_str()?.to_string(),
        })
    });
    let help = match help {
        Some(None) => return Err("help: must be { promptId, askedAt }".into()),
        Some(h) => h,
        None => None,
    };
    let check = Check::asking(config, text("session"), text("startedAt"), prompts);
    let count = check.prompts.len();
    let ids: Vec<String> = records.iter().map(|r| r.prompt_id.clone()).collect();
    let check = check.resume(Resume {
        answers: records,
        started_at: Some(text("startedAt").to_string()),
        help,
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
    debug_assert_eq!(check.answers.iter().flatten().count(), count);
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

pub(super) fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

/// The session a document names, if it names one: for the list of what
/// could not be shown.
pub(super) fn session_of(doc: &Value) -> Option<String> {
    let s = doc.get("session")?.as_str()?;
    Some(s.chars().take(200).collect())
}
