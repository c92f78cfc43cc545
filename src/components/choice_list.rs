use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceListProps {
    /// The words of the choices; each is its button's accessible name.
    pub labels: Vec<AttrValue>,
    #[prop_or_default]
    pub chosen: Option<usize>,
    pub on_choose: Callback<usize>,
    /// A CSS class for the list's layout (`talk`, `agree`).
    #[prop_or_default]
    pub class: Classes,
}

/// A column or row of word buttons; one tap picks one.
#[component]
pub fn ChoiceList(props: &ChoiceListProps) -> Html {
    let items = props.labels.iter().enumerate().map(|(i, label)| {
        let on_choose = props.on_choose.clone();
        let pressed = (props.chosen == Some(i)).to_string();
        html! {
            <li>
                <button type="button" class="choice" aria-pressed={pressed}
                        onclick={Callback::from(move |_| on_choose.emit(i))}>
                    { label.clone() }
                </button>
            </li>
        }
    });
    html! { <ul class={classes!("choice-list", props.class.clone())}>{ for items }</ul> }
}
