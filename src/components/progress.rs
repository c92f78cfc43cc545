use yew::prelude::*;

/// A path of dots (done, here, still to come), with "Question 2 of 4" for
/// screen readers; `current` counts from 0.
pub fn progress(current: usize, total: usize, label: String) -> Html {
    let dots = (0..total).map(|i| {
        let class = match i.cmp(&current) {
            std::cmp::Ordering::Less => "dot done",
            std::cmp::Ordering::Equal => "dot here",
            std::cmp::Ordering::Greater => "dot",
        };
        html! { <li {class}></li> }
    });
    html! {
        <div class="progress">
            <ol class="dots" aria-hidden="true">{ for dots }</ol>
            <p id="progress-text" class="visually-hidden">{ label }</p>
        </div>
    }
}
