//! Ally's pure core: config, protocol, the record of a check, the flow's
//! reducer, words, scoring, strokes and FHIR. Its own crate, with no browser
//! API among its dependencies, so it stays pure by construction; tested
//! natively (`cargo test -p ally-core`).

pub mod answer;
pub mod bands;
pub mod catalog;
pub mod check;
pub mod config;
pub mod fhir;
pub mod flow;
pub mod hash;
pub mod json;
pub mod protocol;
pub mod report;
pub mod scoring;
pub mod strokes;
pub mod time;
pub mod words;
