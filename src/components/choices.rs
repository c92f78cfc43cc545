use super::face::face;
use yew::prelude::*;

/// How a row of choices looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// Drawn faces from saddest to happiest, with the word below.
    Faces,
    /// Three sizes of one shape: small, medium, big.
    Sizes,
    /// Big word buttons in a row (yes / maybe later / no).
    Words,
    /// Word buttons in a column (agree / disagree).
    Agree,
}

#[derive(Properties, PartialEq)]
pub struct ChoicesProps {
    /// The words of the choices, in order; each is its button's accessible name.
    pub labels: Vec<AttrValue>,
    pub look: Look,
    /// The choice made before, when the child came back to this prompt.
    #[prop_or_default]
    pub chosen: Option<usize>,
    pub on_choose: Callback<usize>,
}

fn size_blob(i: usize, count: usize) -> Html {
    let r = 14 + 30 * i / count.saturating_sub(1).max(1);
    Html::from_html_unchecked(AttrValue::from(format!(
        r#"<svg class="face" viewBox="0 0 100 100" aria-hidden="true" focusable="false"><circle cx="50" cy="50" r="{r}" class="size-blob"/></svg>"#
    )))
}

/// A row of choices; one tap picks one.
#[component]
pub fn Choices(props: &ChoicesProps) -> Html {
    let count = props.labels.len();
    let items = props.labels.iter().enumerate().map(|(i, label)| {
        let on_choose = props.on_choose.clone();
        let onclick = Callback::from(move |_| on_choose.emit(i));
        let pressed = (props.chosen == Some(i)).to_string();
        let picture = match props.look {
            Look::Faces => Some(face(i as f64 / count.saturating_sub(1).max(1) as f64)),
            Look::Sizes => Some(size_blob(i, count)),
            Look::Words | Look::Agree => None,
        };
        match picture {
            Some(picture) => html! {
                <li>
                    <button type="button" class="face-button" aria-label={label.clone()}
                            aria-pressed={pressed} {onclick}>
                        { picture }
                        <span class="face-word" aria-hidden="true">{ label.clone() }</span>
                    </button>
                </li>
            },
            None => html! {
                <li>
                    <button type="button" class="choice" aria-pressed={pressed} {onclick}>
                        { label.clone() }
                    </button>
                </li>
            },
        }
    });
    let class = match props.look {
        Look::Faces => "face-scale",
        Look::Sizes => "face-scale sizes",
        Look::Words => "choice-list talk",
        Look::Agree => "choice-list agree",
    };
    html! { <ul {class} data-count={count.to_string()}>{ for items }</ul> }
}
