//! Ally: a playful check-in widget for children and teenagers in therapy.
//!
//! `core` is pure Rust, no browser APIs (see `core/`). `bridge` owns the channel to the
//! host page. `components` are thin Yew views over the core's state.

pub mod bridge;
pub mod components;
// The core's files, compiled as a module of this crate. They are also the
// crate ally-core, which builds them with no browser API at hand (so they
// stay pure) for the native tests and the FHIR writer; compiled here rather
// than linked as that crate, no generic code the two share is built twice
// into the child's download (1.3 KB brotli).
#[path = "../core/src/lib.rs"]
pub mod core;
#[cfg(feature = "form")]
pub mod form_ui;
pub mod report_ui;
pub mod speech;
