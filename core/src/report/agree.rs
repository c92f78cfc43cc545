//! Where the child, a caregiver and the therapist agree: each one's latest
//! rating of the same thing, side by side, and the gaps named. Ratings are
//! never averaged: a gap between raters is information, not error.

use super::super::answer::AnswerValue;
use super::super::catalog::Construct;
use super::super::config::{Mode, Rater};
use super::read::Session;
use std::rc::Rc;

/// The gap between two raters' 0–10 ratings that the report names when the
/// therapist sets none: the smallest whole-number gap larger than the
/// reliable change of a goal rating (2.82, `config::GOAL_DROP`), so that a
/// gap named is more than the noise of one person rating twice (README,
/// "Scores").
pub const AGREEMENT_GAP: f64 = 3.0;

/// What the raters rated: one of the child's goals, or a construct of the
/// alliance.
#[derive(Clone, Debug, PartialEq)]
pub enum Topic {
    /// The goal's id, and its words as the latest session has them.
    Goal { id: String, text: String },
    /// Bond, goals, tasks or overall.
    Alliance(Construct),
}

/// One rater's latest rating of a topic.
#[derive(Clone, Debug, PartialEq)]
pub struct Rating {
    pub rater: Rater,
    /// Its session's place in the report's sessions.
    pub session: usize,
    /// 0–10; `None` when skipped or set aside.
    pub value: Option<f64>,
    /// The words the child picked, where a number alone would mislead (the
    /// three faces or pictures of 3–5).
    pub words: Option<String>,
    /// Whether it can be set against another rater's number: not the three
    /// faces or pictures of 3–5, too coarse to be read as a point of 0–10.
    pub comparable: bool,
    /// The child said this goal isn't theirs any more.
    pub retired: bool,
}

/// A topic, each rater's latest rating of it, and the gap between the
/// comparable ones when it is at least the threshold.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub topic: Topic,
    /// In the order child, caregiver, therapist; only raters who rated it.
    pub ratings: Vec<Rating>,
    /// The largest minus the smallest comparable rating, when at least two
    /// raters gave one and it is at least the threshold.
    pub gap: Option<f64>,
}

/// The constructs every rater rates.
const ALLIANCE: [Construct; 4] = [
    Construct::Bond,
    Construct::Goals,
    Construct::Tasks,
    Construct::Overall,
];

/// Whether a session gives its rater's view of the alliance and goals: the
/// child's at check-in or check-out, an adult's form.
fn rates(s: &Session) -> bool {
    matches!(s.mode(), Mode::Checkin | Mode::Checkout | Mode::Form)
}

/// The child's rating at 3–5: three faces or pictures.
fn coarse(s: &Session) -> bool {
    s.rater() == Rater::Child && !s.band().profile().total
}

/// Session `s` (its place `n`)'s rating of `topic`, when it rated it: the
/// one reading of a rating both the side-by-side view and its table over
/// time show.
pub fn rating(s: &Session, n: usize, topic: &Topic) -> Option<Rating> {
    if !rates(s) {
        return None;
    }
    let (value, label, retired) = match topic {
        Topic::Goal { id, .. } => {
            let g = s.scores.goals.iter().find(|g| g.id == *id)?;
            let label = s
                .check
                .answers
                .iter()
                .flatten()
                .find(|a| a.goal_id.as_deref() == Some(id.as_str()))
                .and_then(|a| a.label.clone());
            (g.progress, label, g.retired)
        }
        Topic::Alliance(c) => {
            s.scores.alliance.as_ref()?;
            let i = s
                .check
                .prompts
                .iter()
                .position(|p| p.construct == *c && super::super::scoring::is_core(p))?;
            let a = s.check.answers[i].as_ref()?;
            let value = match &a.value {
                Some(AnswerValue::Number(v)) if !a.skipped => Some(*v),
                _ => None,
            };
            (value, a.label.clone(), false)
        }
    };
    Some(Rating {
        rater: s.rater(),
        session: n,
        value,
        words: label.filter(|_| coarse(s) && value.is_some()),
        comparable: !coarse(s),
        retired,
    })
}

/// The rows of the side-by-side view, goals first (in the order they first
/// appear), then the alliance; a topic only one rater rated has no row.
pub fn agreement(sessions: &[Rc<Session>], gap: f64) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    // The goals in the order they were first rated, in their latest words.
    for s in sessions.iter().filter(|s| rates(s)) {
        for g in &s.scores.goals {
            let Some(goal) = s.check.config.goals.iter().find(|x| x.id == g.id) else {
                continue;
            };
            let topic = Topic::Goal {
                id: g.id.clone(),
                text: goal.text.clone(),
            };
            match rows
                .iter_mut()
                .find(|r| matches!(&r.topic, Topic::Goal { id, .. } if *id == g.id))
            {
                Some(r) => r.topic = topic,
                None => rows.push(Row {
                    topic,
                    ratings: vec![],
                    gap: None,
                }),
            }
        }
    }
    rows.extend(ALLIANCE.map(|c| Row {
        topic: Topic::Alliance(c),
        ratings: vec![],
        gap: None,
    }));
    for row in &mut rows {
        // Each rater's latest rating of it, newest session first.
        row.ratings = Rater::ALL
            .into_iter()
            .filter_map(|rater| {
                sessions
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, s)| s.rater() == rater)
                    .find_map(|(n, s)| rating(s, n, &row.topic))
            })
            .collect();
        let values: Vec<f64> = row
            .ratings
            .iter()
            .filter(|r| r.comparable)
            .filter_map(|r| r.value)
            .collect();
        if values.len() >= 2 {
            let hi = values.iter().copied().fold(f64::MIN, f64::max);
            let lo = values.iter().copied().fold(f64::MAX, f64::min);
            row.gap = (hi - lo >= gap - 1e-9).then_some(hi - lo);
        }
    }
    rows.retain(|r| r.ratings.len() >= 2);
    rows
}
