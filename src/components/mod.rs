//! Yew components, one per file.

pub mod app;
pub mod choices;
pub mod done;
pub mod drawing_pad;
pub mod face;
pub mod feeling_face;
pub mod feeling_picker;
#[cfg(feature = "naming")]
pub mod goal_set;
#[cfg(feature = "safety")]
pub mod help;
pub mod line_scale;
pub mod mascot;
#[cfg(feature = "goals")]
pub mod next_time;
pub mod notice;
#[cfg(any(feature = "goals", feature = "naming"))]
pub mod own_words;
pub mod page;
pub mod parts;
pub mod progress;
pub mod prompt;
pub mod screen;
pub mod speaker;
pub mod state;
pub mod sticker;
pub mod welcome;
