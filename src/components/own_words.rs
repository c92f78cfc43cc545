//! A line of the child's own words with Next: naming a goal, or what to do
//! next time. Enter answers too; an empty line can't be sent.

use super::parts::Inputs;
use crate::core::answer::Pick;
use crate::core::catalog::UI;
use crate::core::config::{Locale, MAX_GOAL_CHARS};
use yew::prelude::*;

/// The field labelled `label`, its Next, and `beside` next to Next.
pub fn own_words(
    label: &'static str,
    l: Locale,
    inputs: &Inputs,
    answer: &Callback<Pick>,
    beside: Html,
) -> Html {
    let draft = inputs.draft.clone();
    let text = match &*draft {
        Some(Pick::Words(t)) => t.clone(),
        _ => String::new(),
    };
    let oninput = Callback::from(move |e: InputEvent| {
        let field: web_sys::HtmlInputElement = e.target_unchecked_into();
        draft.set(Some(Pick::Words(field.value())));
    });
    // The field goes to the top of the screen as it takes focus, so an
    // on-screen keyboard below it leaves the field and Next in view.
    let onfocus = Callback::from(|e: FocusEvent| {
        let field: web_sys::Element = e.target_unchecked_into();
        field.scroll_into_view_with_bool(true);
    });
    let empty = text.trim().is_empty();
    // Not a <form>: the sandboxed frame allows no form submission.
    let next = {
        let (answer, text) = (answer.clone(), text.clone());
        Callback::from(move |_: MouseEvent| answer.emit(Pick::Words(text.clone())))
    };
    let onkeydown = {
        let (answer, text) = (answer.clone(), text.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && !text.trim().is_empty() {
                e.prevent_default();
                answer.emit(Pick::Words(text.clone()))
            }
        })
    };
    html! { <>
        <label for="own-words" class="own-words">{ label }</label>
        <input id="own-words" type="text" class="goal-words" maxlength={MAX_GOAL_CHARS.to_string()}
               autocomplete="off" enterkeyhint="done" value={text} {oninput} {onfocus} {onkeydown} />
        <div class="goal-actions">
            <button type="button" class="primary next" disabled={empty} onclick={next}>{ UI.next.get(l) }</button>
            { beside }
        </div>
    </> }
}
