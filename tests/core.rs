//! Native tests of the pure core: `cargo test --test core`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "core/catalog.rs"]
mod catalog;
#[path = "core/config.rs"]
mod config;
#[path = "core/fhir.rs"]
mod fhir;
#[path = "core/flow.rs"]
mod flow;
#[path = "core/fuzz.rs"]
mod fuzz;
#[path = "core/protocol.rs"]
mod protocol;
#[path = "core/report.rs"]
mod report;
#[path = "core/scoring.rs"]
mod scoring;
#[path = "core/strokes.rs"]
mod strokes;
