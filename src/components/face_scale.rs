use super::face::Face;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FaceScaleProps {
    /// One word per face, saddest first; each is its button's accessible name.
    pub labels: Vec<AttrValue>,
    /// The face chosen before, when the child came back to this prompt.
    #[prop_or_default]
    pub chosen: Option<usize>,
    pub on_choose: Callback<usize>,
}

/// A row of faces; one tap picks one.
#[component]
pub fn FaceScale(props: &FaceScaleProps) -> Html {
    let count = props.labels.len();
    let faces = props.labels.iter().enumerate().map(|(i, label)| {
        let on_choose = props.on_choose.clone();
        let onclick = Callback::from(move |_| on_choose.emit(i));
        let mood = if count > 1 {
            i as f64 / (count - 1) as f64
        } else {
            1.0
        };
        let pressed = if props.chosen == Some(i) {
            "true"
        } else {
            "false"
        };
        html! {
            <li>
                <button type="button" class="face-button" aria-label={label.clone()}
                        aria-pressed={pressed} {onclick}>
                    <Face {mood} />
                    <span class="face-word" aria-hidden="true">{ label.clone() }</span>
                </button>
            </li>
        }
    });
    html! { <ul class="face-scale" data-count={count.to_string()}>{ for faces }</ul> }
}
