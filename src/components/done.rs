use super::mascot::mascot;
use super::speaker::speaker;
use super::sticker::sticker as sticker_art;
use super::welcome::focus;
use crate::core::catalog::{fill, UI};
use crate::core::config::{AgeBand, Locale};
use crate::speech::use_read_aloud;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DoneProps {
    pub band: AgeBand,
    pub locale: Locale,
    pub helper: AttrValue,
    pub speak: bool,
    pub speak_auto: bool,
}

/// The end: a thank-you, a sticker for the youngest, a little celebration
/// for children, and a calm, truthful line for teenagers.
#[component]
pub fn Done(props: &DoneProps) -> Html {
    let l = props.locale;
    let title = UI.done_title.get(l);
    let body = match props.band {
        AgeBand::Preschool | AgeBand::EarlySchool => UI.done_body.get(l).to_string(),
        _ => fill(UI.done_body_older.get(l), &[("helper", &props.helper)]),
    };
    let sticker = (props.band == AgeBand::Preschool).then(|| UI.sticker.get(l));
    let spoken = format!("{title} {body} {}", sticker.unwrap_or_default());
    let speak = use_read_aloud(spoken, l.code(), props.speak, props.speak_auto);
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| focus(&heading));
    }
    html! {
        <section class="screen done">
            <div class="top-row">
                if let Some(on_speak) = speak {
                    { speaker(UI.read_aloud.get(l), on_speak) }
                }
            </div>
            if let Some(words) = sticker {
                <div class="celebrate">{ sticker_art() }</div>
                <p class="sticker-words">{ words }</p>
            } else if props.band != AgeBand::Teen {
                <div class="celebrate">{ mascot() }</div>
            }
            <h1 ref={heading} tabindex="-1">{ title }</h1>
            <p class="intro">{ body }</p>
        </section>
    }
}
