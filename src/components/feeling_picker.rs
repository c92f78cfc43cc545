use super::choices::use_tap;
use super::feeling_face::feeling_face;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FeelingPickerProps {
    /// Feeling ids and their words in the child's language.
    pub feelings: Vec<(&'static str, AttrValue)>,
    /// Drawn faces above the words (the younger bands).
    pub drawn: bool,
    /// How many may be picked; 1 answers at the first tap, 0 means any number.
    pub max: usize,
    /// The feelings picked before, when the child came back.
    #[prop_or_default]
    pub chosen: Vec<String>,
    /// Let a one-tap pick pop before moving on (see [`use_tap`]).
    #[prop_or_default]
    pub hold: bool,
    pub next_label: AttrValue,
    pub on_answer: Callback<Vec<String>>,
}

/// Feelings to pick by picture or word.
#[component]
pub fn FeelingPicker(props: &FeelingPickerProps) -> Html {
    let picked = use_state(|| props.chosen.clone());
    let single = props.max == 1;
    let ids: Vec<&'static str> = props.feelings.iter().map(|(id, _)| *id).collect();
    let (tapped, tap) = use_tap(
        props.hold,
        props
            .on_answer
            .reform(move |i: usize| vec![ids[i].to_string()]),
    );
    let full = props.max > 0 && picked.len() >= props.max;
    let items = props.feelings.iter().enumerate().map(|(i, (id, word))| {
        let id = *id;
        let popping = tapped == Some(i);
        let on = popping || picked.contains(&id.to_string());
        let onclick = {
            let picked = picked.clone();
            let tap = tap.clone();
            Callback::from(move |_| {
                if single {
                    tap.emit(i);
                    return;
                }
                let mut next = (*picked).clone();
                if let Some(at) = next.iter().position(|p| p == id) {
                    next.remove(at);
                } else {
                    next.push(id.to_string());
                }
                picked.set(next);
            })
        };
        let class = classes!(
            "feeling",
            props.drawn.then_some("drawn"),
            popping.then_some("pop")
        );
        html! {
            <li>
                <button type="button" {class} aria-pressed={on.to_string()} data-feeling={id}
                        disabled={full && !on} {onclick}>
                    if props.drawn { { feeling_face(id) } }
                    <span class="feeling-word">{ word.clone() }</span>
                </button>
            </li>
        }
    });
    let next = (!single).then(|| {
        let empty = picked.is_empty();
        let picked = picked.clone();
        let on_answer = props.on_answer.clone();
        let onclick = Callback::from(move |_| on_answer.emit((*picked).clone()));
        html! {
            <button type="button" class="primary next" disabled={empty} {onclick}>
                { props.next_label.clone() }
            </button>
        }
    });
    html! {
        <>
            <ul class={classes!("feelings", props.drawn.then_some("drawn"))}>{ for items }</ul>
            { for next }
        </>
    }
}
