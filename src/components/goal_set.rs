//! Naming a goal: from 9, the child's own words in a text field with
//! starters to begin from; at 3–8, a starter picked by its picture, read
//! aloud. "I don't know yet" is always there, as an answer.

use super::choices::{choices, Look};
use super::parts::Inputs;
use crate::core::answer::Pick;
use crate::core::catalog::{self, Tr, NAMING, UI};
use crate::core::config::{AgeBand, Locale, MAX_GOAL_CHARS};
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
        let input = html! { <>
            { choices(&words, Look::Starters(offered), None, inputs) }
            { not_yet }
        </> };
        return (input, spoken);
    }
    let draft = inputs.draft.clone();
    let text = match &*draft {
        Some(Pick::Words(t)) => t.clone(),
        _ => String::new(),
    };
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let field: web_sys::HtmlInputElement = e.target_unchecked_into();
            draft.set(Some(Pick::Words(field.value())));
        })
    };
    // The field goes to the top of the screen as it takes focus, so an
    // on-screen keyboard below it leaves the field and Next in view.
    let onfocus = Callback::from(|e: FocusEvent| {
        let field: web_sys::Element = e.target_unchecked_into();
        field.scroll_into_view_with_bool(true);
    });
    let empty = text.trim().is_empty();
    let next = {
        let (answer, text) = (answer.clone(), text.clone());
        Callback::from(move |_: MouseEvent| answer.emit(Pick::Words(text.clone())))
    };
    let onkeydown = {
        let (answer, text) = (answer.clone(), text.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && !text.trim().is_empty() {
                e.prevent_default();
                answer.emit(Pick::Words(text.clone()));
            }
        })
    };
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
        <label for="goal-words" class="own-words">{ NAMING.own_words.get(l) }</label>
        <input id="goal-words" type="text" class="goal-words" maxlength={MAX_GOAL_CHARS.to_string()}
               autocomplete="off" enterkeyhint="done" value={text} {oninput} {onfocus} {onkeydown} />
        <div class="goal-actions">
            <button type="button" class="primary next" disabled={empty} onclick={next}>{ UI.next.get(l) }</button>
            { not_yet }
        </div>
        <p class="ideas">{ NAMING.ideas.get(l) }</p>
        <ul class="choice-list starters">{ for offered.iter().map(|(_, t)| starter(t)) }</ul>
    </> };
    (input, vec![dont_know])
}
