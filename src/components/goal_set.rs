//! Naming a goal: from 9, the child's own words in a text field with
//! starters to begin from; at 3–8, a starter picked by its picture, read
//! aloud. "I don't know yet" is always there, as an answer.

use super::choices::{choices, Look};
use super::own_words::own_words;
use super::parts::Inputs;
use crate::core::answer::Pick;
use crate::core::catalog::{self, Tr, NAMING};
use crate::core::config::{AgeBand, Locale, PICTURES};
use yew::prelude::*;

/// The input and the words it reads aloud.
pub fn goal_set(
    band: AgeBand,
    l: Locale,
    inputs: &Inputs,
    answer: &Callback<Pick>,
) -> (Html, Vec<&'static str>) {
    let offered = catalog::starters(band);
    let words: Vec<&'static str> = offered.iter().map(|(_, t)| t.get(l)).collect();
    let dont_know = NAMING.dont_know.get(l);
    let not_yet = {
        let n = offered.len();
        html! {
            <button type="button" class="secondary dont-know" onclick={answer.reform(move |_| Pick::Choice(n))}>
                { dont_know }
            </button>
        }
    };
    if band.profile().young {
        // 3–8: one tap on a picture names the goal; the helper writes it down later.
        let mut spoken = words.clone();
        spoken.push(dont_know);
        let pictures = &PICTURES[..offered.len()];
        let input = html! { <>
            { choices(&words, Look::Pictures(pictures), None, inputs) }
            { not_yet }
        </> };
        return (input, spoken);
    }
    let draft = inputs.draft.clone();
    let starter = |t: &Tr| {
        let (draft, words) = (draft.clone(), t.get(l));
        html! {
            <li><button type="button" class="choice starter"
                onclick={Callback::from(move |_| draft.set(Some(Pick::Words(words.to_string()))))}>
                { words }
            </button></li>
        }
    };
    let input = html! { <>
        { own_words(NAMING.own_words.get(l), l, inputs, answer, not_yet) }
        <p class="ideas">{ NAMING.ideas.get(l) }</p>
        <ul class="choice-list starters">{ for offered.iter().map(|(_, t)| starter(t)) }</ul>
    </> };
    (input, vec![dont_know])
}
