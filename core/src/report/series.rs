//! The charts' points: the trust total over the check-outs, mood over the check-ins.

use super::super::config::Mode;
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
