//! What the child would like to do next time: at 3–8 a picture to tap
//! (one per goal, by the goal's picture); from 9 words to tap, or their own
//! words in a field.

use super::choices::{choices, Look};
use super::own_words::own_words;
use super::parts::Inputs;
use crate::core::answer::Pick;
use crate::core::catalog::{self, Tr};
use crate::core::config::Config;
use yew::prelude::*;

/// The input, and the choices' words (what read-aloud says after the question).
pub fn next_time(
    config: &Config,
    chosen: Option<usize>,
    inputs: &Inputs,
    answer: &Callback<Pick>,
) -> (Html, Vec<String>) {
    let (band, l) = (config.band(), config.locale);
    let offered = catalog::plan(band, &config.goals);
    let labels: Vec<String> = offered
        .iter()
        .map(|c| catalog::plan_label(*c, band, l))
        .collect();
    let words: Vec<&str> = labels.iter().map(String::as_str).collect();
    let input = if band.profile().young {
        // A goal is shown by its picture, or by the flag at the end of its path.
        let pictures: Vec<&str> = offered
            .iter()
            .map(|(id, goal)| goal.map_or(*id, |g| g.picture.as_deref().unwrap_or(id)))
            .collect();
        choices(&words, Look::Pictures(&pictures), chosen, inputs)
    } else {
        html! { <>
            { choices(&words, Look::Agree, chosen, inputs) }
            { own_words(Tr::PlanOwnWords.get(l), l, inputs, answer, Html::default()) }
        </> }
    };
    (input, labels)
}
