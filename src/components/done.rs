use super::mascot::Mascot;
use super::welcome::focus;
use crate::core::catalog::UI;
use crate::core::config::{AgeBand, Locale};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DoneProps {
    pub band: AgeBand,
    pub locale: Locale,
}

/// The end: a thank-you, and a little celebration for the younger bands.
#[component]
pub fn Done(props: &DoneProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| focus(&heading));
    }
    html! {
        <section class="screen done">
            if props.band != AgeBand::Teen {
                <div class="celebrate"><Mascot /></div>
            }
            <h1 ref={heading} tabindex="-1">{ UI.done_title.get(props.locale) }</h1>
            <p class="intro">{ UI.done_body.get(props.locale) }</p>
        </section>
    }
}
