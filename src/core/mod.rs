//! Ally's pure core: no browser APIs, tested natively with `cargo test`.

pub mod catalog;
pub mod config;
pub mod fhir;
#[cfg(not(target_arch = "wasm32"))]
pub mod fhir_defs;
pub mod flow;
pub mod json;
pub mod protocol;
pub mod report;
pub mod scoring;
pub mod strokes;
pub mod time;
