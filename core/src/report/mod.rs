//! The therapist's report, as data: result documents read back through the
//! same catalog and scoring the widget uses, so a forged or broken document
//! is listed as unreadable rather than shown, and every number shown is one
//! the answers give. Only the report app uses this; the child never loads it.
//!
//! - `read`: one document back into a session, checked.
//! - `words`: what the report says, in the therapist's language.
//! - `series`: the charts' points.
//! - `state`: the pure reducer, which keeps the newest sessions in time
//!   order, each read once, so a year of sessions shows about as fast as one.

mod agree;
mod read;
mod series;
mod state;
mod words;

pub use agree::{agreement, rating, Rating, Row, Topic, AGREEMENT_GAP};
pub use read::{read, Options, Session, Unreadable};
pub use series::{goal_series, mood_flags, series, GoalSeries, MoodFlag, Point};
pub use state::{
    parse_options, Alert, Report, ReportAction, ReportStage, ALERTS_KEEP, ERRORS_KEEP, MAX_SESSIONS,
};
pub use words::{
    answer_words, concern_words, construct_words, live_words, mood_flag_words, number, number_in,
    prompt_words, summary, words_of, ReportTr,
};
