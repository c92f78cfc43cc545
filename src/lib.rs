//! Ally: a playful check-in widget for children and teenagers in therapy.
//!
//! `core` is pure Rust (no browser APIs). `bridge` owns the channel to the
//! host page. `components` are thin Yew views over the core's state.

pub mod bridge;
pub mod components;
pub mod core;
pub mod report_ui;
pub mod speech;
