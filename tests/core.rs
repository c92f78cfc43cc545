//! Native tests of the pure core: `cargo test -p ally-core` (the FHIR
//! definitions' tests, core/fhir.rs, run with `cargo test -p ally-fhir`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "core/architecture.rs"]
mod architecture;
#[path = "core/bands.rs"]
mod bands;
#[path = "core/catalog.rs"]
mod catalog;
#[path = "core/config.rs"]
mod config;
#[path = "core/flow.rs"]
mod flow;
#[cfg(feature = "form")]
#[path = "core/forms.rs"]
mod forms;
#[path = "core/fuzz.rs"]
mod fuzz;
#[cfg(feature = "goals")]
#[path = "core/goals.rs"]
mod goals;
#[path = "core/protocol.rs"]
mod protocol;
#[path = "core/report.rs"]
mod report;
#[path = "core/scoring.rs"]
mod scoring;
#[path = "core/strokes.rs"]
mod strokes;
