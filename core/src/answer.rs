//! An answer: what the child picked, its value and words, and its record,
//! with kinds and constructs as enums inside and strings only at the wire;
//! and what a host gives back of an answer to resume a check.

use super::catalog::{self, fill, Construct, Input, Kind, Prompt, UI};
use super::config::Config;
use super::json::{self, Json, Obj};
use super::strokes;
use serde_json::Value;

/// An answer's value: a number on the prompt's scale, a word id, a list of
/// ids, or a drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerValue {
    Number(f64),
    Text(String),
    List(Vec<String>),
    Drawing(DrawingValue),
}

pub use super::strokes::DrawingValue;

impl AnswerValue {
    /// Reads a value as the widget writes them; `None` for anything else.
    pub fn from_value(v: &Value) -> Option<AnswerValue> {
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        Some(match v {
            Value::Number(n) => AnswerValue::Number(n.as_f64()?),
            Value::String(t) => AnswerValue::Text(t.clone()),
            Value::Array(items) => AnswerValue::List(
                items
                    .iter()
                    .map(|i| i.as_str().map(str::to_string))
                    .collect::<Option<_>>()?,
            ),
            // A resume need not carry the SVG: the widget makes it again from the strokes.
            Value::Object(_) => AnswerValue::Drawing(DrawingValue {
                format: text("format")?,
                strokes: text("strokes")?,
                svg: text("svg").unwrap_or_default(),
            }),
            _ => return None,
        })
    }

    pub fn number(&self) -> Option<f64> {
        match self {
            AnswerValue::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// One answer or skip of a prompt of Ally's catalog, as sent in `answer`
/// and kept in the result: made only here, from the catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerRecord {
    pub prompt_id: String,
    pub construct: Construct,
    pub kind: Kind,
    /// See [`AnswerValue`]; `null` when skipped.
    pub value: Option<AnswerValue>,
    /// The chosen words in the widget's locale; `null` when skipped.
    pub label: Option<String>,
    pub skipped: bool,
    pub answered_at: String,
    /// The child's goal a goal prompt rates (`config.goals[n].id`).
    pub goal_id: Option<String>,
}

impl AnswerRecord {
    /// The answer `value`, in words `label`, to prompt `p` at time `at`.
    pub fn answered(p: &Prompt, value: AnswerValue, label: String, at: &str) -> AnswerRecord {
        AnswerRecord {
            prompt_id: p.id.to_string(),
            construct: p.construct,
            kind: p.kind(),
            value: Some(value),
            label: Some(label),
            skipped: false,
            answered_at: at.to_string(),
            goal_id: None,
        }
    }

    /// A skip of prompt `p` at time `at`: no value, no words.
    pub fn skipped(p: &Prompt, at: &str) -> AnswerRecord {
        AnswerRecord {
            prompt_id: p.id.to_string(),
            construct: p.construct,
            kind: p.kind(),
            value: None,
            label: None,
            skipped: true,
            answered_at: at.to_string(),
            goal_id: None,
        }
    }
}

/// An answer as a host gives it back (a resume, a report's document, a live
/// answer): only what the widget reads of it. It is never taken as it is:
/// the check rebuilds the record from its catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    pub prompt_id: String,
    pub value: Option<AnswerValue>,
    /// The words the child saw, where the host kept them (the report's live view).
    pub label: Option<String>,
    pub skipped: bool,
    pub answered_at: String,
    /// The goal a goal prompt's answer rated.
    pub goal_id: Option<String>,
}

/// What a host gives back of a record it was sent.
impl From<&AnswerRecord> for Given {
    fn from(a: &AnswerRecord) -> Given {
        Given {
            prompt_id: a.prompt_id.clone(),
            value: a.value.clone(),
            label: a.label.clone(),
            skipped: a.skipped,
            answered_at: a.answered_at.clone(),
            goal_id: a.goal_id.clone(),
        }
    }
}

impl From<AnswerRecord> for Given {
    fn from(a: AnswerRecord) -> Given {
        Given::from(&a)
    }
}

impl Given {
    /// Reads an answer given back: `promptId`, `skipped`, `answeredAt` and
    /// `value`; `None` when one of them is missing or of the wrong type.
    pub fn from_value(v: &Value) -> Option<Given> {
        let text = |k: &str| v.get(k)?.as_str().map(str::to_string);
        let value = match v.get("value") {
            None | Some(Value::Null) => None,
            Some(x) => Some(AnswerValue::from_value(x)?),
        };
        let label = match v.get("label") {
            None | Some(Value::Null) => None,
            Some(x) => Some(x.as_str()?.to_string()),
        };
        Some(Given {
            prompt_id: text("promptId")?,
            value,
            label,
            skipped: v.get("skipped")?.as_bool()?,
            answered_at: text("answeredAt")?,
            goal_id: match v.get("goalId") {
                None | Some(Value::Null) => None,
                Some(g) => Some(g.as_str()?.to_string()),
            },
        })
    }
}

/// The child asked to talk to someone now: on which prompt (none on the
/// welcome or the end), and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Help {
    pub prompt_id: Option<String>,
    pub at: String,
}

impl Json for Help {
    fn json(&self, out: &mut String) {
        Obj::new(out)
            .field("promptId", &self.prompt_id)
            .field("askedAt", &self.at)
            .end();
    }
}

/// What the host tells a reloaded widget: the answers it already holds,
/// and whether the child had asked for help.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Resume {
    pub answers: Vec<Given>,
    pub started_at: Option<String>,
    pub help: Option<Help>,
}

/// Whether an answer says something was hard: a face or a trust line below
/// the middle, a disagree (an agree with an opposite), or a feeling that is
/// not an easy one. (How big a
/// feeling is says nothing of whether it is hard.)
pub fn hard(a: &AnswerRecord) -> bool {
    match &a.value {
        Some(AnswerValue::Number(n)) => match a.kind {
            Kind::Faces => *n < 5.0,
            Kind::Line => a.construct != Construct::Intensity && *n < 5.0,
            // Agreeing with an opposite ("I keep the hard things to myself")
            // says as much as disagreeing with its statement.
            Kind::Agree4 => {
                let reversed = catalog::PROMPTS
                    .iter()
                    .any(|p| p.id == a.prompt_id && p.reversed);
                if reversed {
                    *n >= 3.0
                } else {
                    *n < 3.0
                }
            }
            _ => false,
        },
        Some(AnswerValue::List(ids)) if a.construct == Construct::Feelings => ids
            .iter()
            .any(|id| !catalog::EASY_FEELINGS.contains(&id.as_str()) && id != catalog::NOT_SURE.id),
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
    /// "This isn't my goal any more", on a goal's rating.
    Retired,
    /// A goal in the child's own words.
    Words(String),
}

/// A goal's rating when the child set the goal aside: an answer, never a
/// score.
pub const RETIRED: &str = "retired";

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
            let value = DrawingValue::of(data)?;
            Some((AnswerValue::Drawing(value), UI.drawing.get(l).into()))
        }
        #[cfg(feature = "goals")]
        (Input::Progress, pick) => {
            let steps = band.profile().goal_steps;
            match (pick, steps) {
                (Pick::Retired, _) => Some((
                    AnswerValue::Text(RETIRED.into()),
                    catalog::GOAL_WORDS.retired.get(l).into(),
                )),
                (Pick::Choice(i), 1..) => {
                    let word = catalog::progress_labels(band).get(*i)?;
                    Some((
                        AnswerValue::Number(catalog::face_value(*i, steps)),
                        word.get(l).into(),
                    ))
                }
                (Pick::Level(n), 0) if *n <= 10 => {
                    let label = fill(UI.out_of_ten.get(l), &[("n", &n.to_string())]);
                    Some((AnswerValue::Number(f64::from(*n)), label))
                }
                _ => None,
            }
        }
        // A goal: a starter, "I don't know yet" (after the starters), or the
        // child's own words, as plain as a name.
        #[cfg(feature = "naming")]
        (Input::GoalSet, Pick::Choice(i)) => {
            let offered = catalog::starters(band);
            let (id, word) = match offered.get(*i) {
                Some(s) => *s,
                None if *i == offered.len() => (catalog::DONT_KNOW, catalog::NAMING.dont_know),
                None => return None,
            };
            Some((AnswerValue::List(vec![id.into()]), word.get(l).into()))
        }
        #[cfg(feature = "naming")]
        (Input::GoalSet, Pick::Words(t)) => {
            let t =
                super::config::plain(t, super::config::MAX_GOAL_CHARS).filter(|t| !t.is_empty())?;
            Some((AnswerValue::Text(t.into()), t.into()))
        }
        // Next time: a fixed choice (its id), a goal (`["goal", its id]`), or
        // from 9 the child's own words, as plain as a goal's.
        #[cfg(feature = "goals")]
        (Input::Plan, Pick::Choice(i)) => {
            let choice = *catalog::plan(band, &config.goals).get(*i)?;
            let mut ids = vec![choice.0.to_string()];
            ids.extend(choice.1.map(|g| g.id.clone()));
            Some((AnswerValue::List(ids), catalog::plan_label(choice, band, l)))
        }
        #[cfg(feature = "goals")]
        (Input::Plan, Pick::Words(t)) if !band.profile().young => {
            let t =
                super::config::plain(t, super::config::MAX_GOAL_CHARS).filter(|t| !t.is_empty())?;
            Some((AnswerValue::Text(t.into()), t.into()))
        }
        // An adult's note: plain text, as short as the form says.
        #[cfg(feature = "form")]
        (Input::Note { max }, Pick::Words(t)) => {
            let t = super::config::plain(t, max).filter(|t| !t.is_empty())?;
            Some((AnswerValue::Text(t.into()), t.into()))
        }
        // "Not sure" is an answer of its own, never beside a feeling.
        (Input::Feelings { .. }, Pick::Feelings(ids))
            if ids.len() == 1 && ids[0] == catalog::NOT_SURE.id =>
        {
            let word = catalog::NOT_SURE.word.get(l);
            Some((AnswerValue::List(ids.clone()), word.into()))
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
pub(crate) fn reread(
    config: &Config,
    p: &Prompt,
    value: &AnswerValue,
) -> Option<(Pick, AnswerValue, String)> {
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
        #[cfg(feature = "goals")]
        (Input::Progress, AnswerValue::Text(t)) if t == RETIRED => Pick::Retired,
        #[cfg(feature = "naming")]
        (Input::GoalSet, AnswerValue::Text(t)) => Pick::Words(t.clone()),
        #[cfg(feature = "naming")]
        (Input::GoalSet, AnswerValue::List(ids)) if ids.len() == 1 => {
            let offered = catalog::starters(config.band());
            let id = ids[0].as_str();
            Pick::Choice(match offered.iter().position(|(s, _)| *s == id) {
                Some(i) => i,
                None if id == catalog::DONT_KNOW => offered.len(),
                None => return None,
            })
        }
        #[cfg(feature = "goals")]
        (Input::Plan, AnswerValue::Text(t)) => Pick::Words(t.clone()),
        #[cfg(feature = "goals")]
        (Input::Plan, AnswerValue::List(ids)) => Pick::Choice(
            catalog::plan(config.band(), &config.goals)
                .iter()
                .position(|(id, g)| {
                    ids.first().is_some_and(|f| f == id) && ids.get(1) == g.map(|g| &g.id)
                })?,
        ),
        #[cfg(feature = "goals")]
        (Input::Progress, AnswerValue::Number(n)) => match config.band().profile().goal_steps {
            0 if whole(*n, 0.0, 10.0) => Pick::Level(*n as u8),
            0 => return None,
            steps => Pick::Choice((0..steps).find(|&i| catalog::face_value(i, steps) == *n)?),
        },
        #[cfg(feature = "form")]
        (Input::Note { .. }, AnswerValue::Text(t)) => Pick::Words(t.clone()),
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

impl Json for AnswerValue {
    fn json(&self, out: &mut String) {
        match self {
            AnswerValue::Number(n) => json::number(out, *n),
            AnswerValue::Text(t) => json::string(out, t),
            AnswerValue::List(ids) => ids.json(out),
            AnswerValue::Drawing(d) => d.json(out),
        }
    }
}

impl Json for AnswerRecord {
    fn json(&self, out: &mut String) {
        Obj::new(out)
            .field("promptId", &self.prompt_id)
            .field("construct", &self.construct.code())
            .field("kind", &self.kind.code())
            .field("value", &self.value)
            .field("label", &self.label)
            .field("skipped", &self.skipped)
            .field("answeredAt", &self.answered_at)
            .some("goalId", self.goal_id.as_ref().map(|g| g as &dyn Json))
            .end();
    }
}
