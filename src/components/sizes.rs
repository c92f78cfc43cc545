use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SizesProps {
    /// "Small", "Medium", "Big" in the child's language.
    pub labels: Vec<AttrValue>,
    #[prop_or_default]
    pub chosen: Option<usize>,
    pub on_choose: Callback<usize>,
}

/// Three sizes of one shape: how big the feeling is, without numbers.
#[component]
pub fn Sizes(props: &SizesProps) -> Html {
    let count = props.labels.len().max(1);
    let items = props.labels.iter().enumerate().map(|(i, label)| {
        let on_choose = props.on_choose.clone();
        let r = 14.0 + 30.0 * i as f64 / (count - 1).max(1) as f64;
        let pressed = (props.chosen == Some(i)).to_string();
        html! {
            <li>
                <button type="button" class="face-button size-button" aria-label={label.clone()}
                        aria-pressed={pressed} onclick={Callback::from(move |_| on_choose.emit(i))}>
                    <svg class="face" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
                        <circle cx="50" cy="50" r={format!("{r:.0}")} class="size-blob" />
                    </svg>
                    <span class="face-word" aria-hidden="true">{ label.clone() }</span>
                </button>
            </li>
        }
    });
    html! { <ul class="face-scale sizes">{ for items }</ul> }
}
