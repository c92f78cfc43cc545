//! The charts' points: the trust total over the check-outs, mood over the check-ins.

use super::super::config::{Mode, Rater};
use super::read::Session;
use std::rc::Rc;

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
    /// A goal's point: the child set the goal aside (no value).
    pub retired: bool,
}

/// What a check-in's mood says beside the ones before it, flagged like a
/// drop in trust (the README's "The report" gives the reasons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoodFlag {
    /// Lower at each of the last three check-ins: this one below the one
    /// before, and that one below the one before it.
    Falling,
    /// Lower than every check-in before it, with at least two before.
    Lowest,
}

/// The mood flags of session `n` (none unless it is a check-in with a mood).
/// A skipped mood is no value: it breaks a run rather than count as low.
pub fn mood_flags(sessions: &[Rc<Session>], n: usize) -> Vec<MoodFlag> {
    let Some(mood) = sessions
        .get(n)
        .filter(|s| s.mode() == Mode::Checkin)
        .and_then(|s| s.scores.mood)
    else {
        return vec![];
    };
    let before: Vec<Option<f64>> = sessions[..n]
        .iter()
        .filter(|s| s.mode() == Mode::Checkin)
        .map(|s| s.scores.mood)
        .collect();
    let mut out = Vec::new();
    if let [.., Some(a), Some(b)] = before[..] {
        if a > b && b > mood {
            out.push(MoodFlag::Falling);
        }
    }
    let known: Vec<f64> = before.iter().flatten().copied().collect();
    if known.len() >= 2 && known.iter().all(|m| mood < *m) {
        out.push(MoodFlag::Lowest);
    }
    out
}

/// The alliance totals over the check-outs (3–5 has none to chart), and mood
/// over the check-ins (a point is marked where its mood is flagged).
pub fn series(sessions: &[Rc<Session>]) -> (Vec<Point>, Vec<Point>) {
    let mut totals = Vec::new();
    let mut moods = Vec::new();
    for (n, s) in sessions.iter().enumerate() {
        // The child's own trust: an adult's is set beside it, never on its line.
        let child = s.rater() == Rater::Child;
        if let (Some(a), true) = (&s.scores.alliance, s.band().profile().total && child) {
            let reason = s.scores.flags.drop_reason;
            totals.push(Point {
                session: n,
                value: a.total,
                dropped: s.scores.flags.drop == Some(true),
                break_before: matches!(reason, Some("other_band" | "other_items")),
                retired: false,
            });
        }
        if s.mode() == Mode::Checkin {
            moods.push(Point {
                session: n,
                value: s.scores.mood,
                dropped: !mood_flags(sessions, n).is_empty(),
                break_before: false,
                retired: false,
            });
        }
    }
    (totals, moods)
}

/// One of the child's goals over the sessions that rated it.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalSeries {
    pub id: String,
    /// The child's words, as the latest session that rated it has them.
    pub text: String,
    pub points: Vec<Point>,
}

/// Each goal's ratings by `rater` over the sessions, in the order the goals
/// first appear: a skip is a gap, a goal set aside is marked, and a point
/// rated on another band's scale is not joined to the one before.
pub fn goal_series(sessions: &[Rc<Session>], rater: Rater) -> Vec<GoalSeries> {
    let mut out: Vec<GoalSeries> = Vec::new();
    for (n, s) in sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.rater() == rater)
    {
        for g in &s.scores.goals {
            let Some(goal) = s.check.config.goals.iter().find(|x| x.id == g.id) else {
                continue;
            };
            let point = Point {
                session: n,
                value: g.progress,
                dropped: s.scores.flags.goal_drop.contains(&g.id),
                break_before: g.change_reason == Some("other_band"),
                retired: g.retired,
            };
            match out.iter_mut().find(|x| x.id == g.id) {
                Some(x) => {
                    x.text = goal.text.clone();
                    x.points.push(point);
                }
                None => out.push(GoalSeries {
                    id: g.id.clone(),
                    text: goal.text.clone(),
                    points: vec![point],
                }),
            }
        }
    }
    out
}
