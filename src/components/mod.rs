//! Yew components, one per file.

pub mod app;
pub mod done;
pub mod face;
pub mod face_scale;
pub mod mascot;
pub mod notice;
pub mod progress;
pub mod prompt;
pub mod screen;
pub mod welcome;
