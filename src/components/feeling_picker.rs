use super::feeling_face::feeling_face;
use super::parts::Inputs;
use crate::core::answer::Pick;
use crate::core::catalog::{Feeling, NOT_SURE};
use yew::prelude::*;

/// Feelings to pick by picture (`drawn`, the younger bands) or by word, and
/// "Not sure" apart from them (picked alone: it clears the others, and a
/// feeling clears it). With `max` 1 the first tap answers; else up to `max`
/// (0: any number) are picked, then Next answers. The one-tap index of
/// "Not sure" is `feelings.len()`.
pub fn feeling_picker(
    feelings: &'static [Feeling],
    words: Vec<&'static str>,
    not_sure: &'static str,
    drawn: bool,
    max: usize,
    next_label: &'static str,
    inputs: &Inputs,
    on_answer: Callback<Vec<String>>,
) -> Html {
    let draft = &inputs.draft;
    let picked: Vec<String> = match &**draft {
        Some(Pick::Feelings(ids)) => ids.clone(),
        _ => vec![],
    };
    let single = max == 1;
    let unsure = picked.iter().any(|p| p == NOT_SURE.id);
    let full = max > 0 && picked.len() >= max && !unsure;
    let items = feelings
        .iter()
        .chain([&NOT_SURE])
        .zip(words.into_iter().chain([not_sure]))
        .enumerate()
        .map(|(i, (f, word))| {
            let id = f.id;
            let popping = inputs.tapped == Some(i);
            let on = popping || picked.iter().any(|p| p == id);
            let onclick = {
                let (draft, picked, tap) = (draft.clone(), picked.clone(), inputs.tap.clone());
                Callback::from(move |_| {
                    if single {
                        return tap.emit(i);
                    }
                    let mut next = picked.clone();
                    next.retain(|p| p != NOT_SURE.id);
                    match next.iter().position(|p| p == id) {
                        Some(at) => drop(next.remove(at)),
                        None if id == NOT_SURE.id => next = vec![id.to_string()],
                        None => next.push(id.to_string()),
                    }
                    draft.set(Some(Pick::Feelings(next)));
                })
            };
            let class = classes!(
                "feeling",
                drawn.then_some("drawn"),
                popping.then_some("pop")
            );
            // "Not sure" on a row of its own, apart from the feelings.
            let apart = (id == NOT_SURE.id).then_some("apart");
            html! {
                <li class={apart}>
                    <button type="button" {class} aria-pressed={on.to_string()} data-feeling={id}
                            disabled={full && !on && apart.is_none()} {onclick}>
                        if drawn { { feeling_face(id) } }
                        <span class="feeling-word">{ word }</span>
                    </button>
                </li>
            }
        });
    let next = (!single).then(|| {
        let empty = picked.is_empty();
        let chosen = picked.clone();
        let onclick = on_answer.reform(move |_: MouseEvent| chosen.clone());
        html! {
            <button type="button" class="primary next" disabled={empty} {onclick}>{ next_label }</button>
        }
    });
    html! {
        <>
            <ul class={classes!("feelings", drawn.then_some("drawn"))}>{ for items }</ul>
            { for next }
        </>
    }
}
