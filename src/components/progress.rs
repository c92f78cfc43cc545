use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// Zero-based position of the current prompt.
    pub current: usize,
    pub total: usize,
    /// "Question 2 of 4", in the child's language.
    pub label: AttrValue,
}

/// A path of dots: done, here, still to come.
#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let dots = (0..props.total).map(|i| {
        let class = match i.cmp(&props.current) {
            std::cmp::Ordering::Less => "dot done",
            std::cmp::Ordering::Equal => "dot here",
            std::cmp::Ordering::Greater => "dot",
        };
        html! { <li {class}></li> }
    });
    html! {
        <div class="progress">
            <ol class="dots" aria-hidden="true">{ for dots }</ol>
            <p id="progress-text" class="visually-hidden">{ props.label.clone() }</p>
        </div>
    }
}
