use super::mascot::mascot;
use super::speaker::speaker;
use super::sticker::sticker as sticker_art;
use super::welcome::focus;
use crate::core::catalog::{with_helper, UI};
use crate::core::config::{AgeBand, Locale, Mode};
use crate::core::flow::Reaction;
use crate::speech::use_read_aloud;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DoneProps {
    pub band: AgeBand,
    pub locale: Locale,
    pub mode: Mode,
    pub helper: AttrValue,
    /// The child said something was hard: a calm end, no celebration.
    pub calm: bool,
    /// The answer to "something to tell today?": `yes` and `later` get a reply.
    #[prop_or_default]
    pub talk: Option<AttrValue>,
    /// The host confirmed it has the answers.
    pub delivered: bool,
    pub speak: bool,
    pub speak_auto: bool,
}

/// The end. It fits what was said: a sticker and a hop for a child who had
/// an easy time, a calm thank-you after something hard, a reply to wanting
/// to talk, and for 9–17 a truthful line about sending, which says "sent"
/// only once the portal confirmed it.
#[component]
pub fn Done(props: &DoneProps) -> Html {
    let l = props.locale;
    let b = props.band;
    let helper = |t: &str| with_helper(t, &props.helper);
    let young = matches!(b, AgeBand::Preschool | AgeBand::EarlySchool);
    let title = match props.calm {
        true => UI.calm_title.get(b).get(l),
        false => UI.done_title.get(b).get(l),
    };
    let mut body = Vec::new();
    if props.calm {
        body.push(helper(match props.mode {
            Mode::Checkin => UI.calm_checkin.get(b).get(l),
            Mode::Checkout => UI.calm_checkout.get(l),
        }));
    } else if young {
        body.push(UI.done_body.get(l).to_string());
    }
    match props.talk.as_deref() {
        Some("yes") => body.push(helper(UI.talk_yes.get(l))),
        Some("later") => body.push(helper(UI.talk_later.get(l))),
        _ => {}
    }
    if !young {
        body.push(match props.delivered {
            true => helper(UI.sent.get(l)),
            false => UI.sending.get(l).to_string(),
        });
    }
    let sticker = (b == AgeBand::Preschool && !props.calm).then(|| UI.sticker.get(l));
    let spoken = format!("{title} {} {}", body.join(" "), sticker.unwrap_or_default());
    let speak = use_read_aloud(spoken, l.code(), props.speak, props.speak_auto);
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| focus(&heading));
    }
    let picture = match (sticker, props.calm) {
        (Some(words), _) => html! { <>
            <div class="celebrate">{ sticker_art() }</div>
            <p class="sticker-words">{ words }</p>
        </> },
        _ if b == AgeBand::Teen => html! {},
        (None, true) => html! { <div class="calm">{ mascot(Reaction::Caring) }</div> },
        (None, false) => html! { <div class="celebrate">{ mascot(Reaction::Listening) }</div> },
    };
    html! {
        <section class={classes!("screen", "done", props.calm.then_some("is-calm"))}>
            <div class="top-row">
                if let Some(s) = &speak {
                    { speaker(s, l) }
                }
            </div>
            { picture }
            <h1 ref={heading} tabindex="-1">{ title }</h1>
            { for body.into_iter().map(|line| html! { <p class="intro">{ line }</p> }) }
        </section>
    }
}
