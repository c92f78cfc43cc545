use super::mascot::mascot;
use super::parts::View;
use super::sticker::sticker as sticker_art;
use crate::core::answer::hard;
use crate::core::catalog::{fill, UI};
use crate::core::config::Mode;
use crate::core::flow::{Flow, Reaction};
use crate::core::words::with_helper;
use yew::prelude::*;

/// The end. It fits what was said, and names what it answers: a sticker and
/// a hop for a child who had an easy time, a calm thank-you that says what
/// was hard ("You picked “Sad”"), a reply to wanting to talk, and for 9–17
/// a truthful line about sending, which says "sent" only once the portal
/// confirmed it. At check-out the mascot stays neutral whatever was said.
pub fn done(flow: &Flow) -> View {
    let c = &flow.config;
    let (l, b) = (c.locale, c.band());
    let helper = flow.helper();
    let with = |t: &str| with_helper(l, t, &helper);
    let calm = flow.calm_ending();
    let young = b.profile().young;
    let title = match calm {
        true => UI.calm_title.get(b).get(l),
        false => UI.done_title.get(b).get(l),
    };
    let mut body = Vec::new();
    if calm {
        // The first hard answer, in the words the child picked.
        let said = flow
            .answers
            .iter()
            .flatten()
            .find(|a| hard(a))
            .and_then(|a| a.label.clone())
            .unwrap_or_default();
        body.push(fill(
            &with(match c.mode {
                Mode::Checkin => UI.calm_checkin.get(b).get(l),
                Mode::Checkout | Mode::Goals | Mode::Form => UI.calm_checkout.get(l),
            }),
            &[("said", &said)],
        ));
    } else if young {
        body.push(UI.done_body.get(l).to_string());
    }
    match flow.talk() {
        Some("yes") => body.push(with(UI.talk_yes.get(l))),
        Some("later") => body.push(with(UI.talk_later.get(l))),
        _ => {}
    }
    if !young {
        body.push(match flow.delivered {
            true => with(UI.sent.get(l)),
            false => UI.sending.get(l).to_string(),
        });
    }
    // The youngest get a sticker for taking part, never for a "good" answer;
    // after something hard there is no "A star for you!", only the thank-you.
    let sticker = (b.profile().sticker && !calm).then(|| UI.sticker.get(l));
    let (class, reaction) = match (calm, c.mode) {
        (true, Mode::Checkin) => ("calm", Reaction::Caring),
        (true, Mode::Checkout | Mode::Goals | Mode::Form) => ("calm", Reaction::Listening),
        (false, _) => ("celebrate", Reaction::Listening),
    };
    let picture = match sticker {
        _ if !b.profile().mascot => Html::default(),
        Some(words) => html! { <>
            <div {class}>{ mascot(reaction) }{ sticker_art() }</div>
            <p class="sticker-words">{ words }</p>
        </> },
        None => html! { <div {class}>{ mascot(reaction) }</div> },
    };
    View {
        spoken: format!("{title} {} {}", body.join(" "), sticker.unwrap_or_default()),
        class: classes!("screen", "done", calm.then_some("is-calm")),
        prompt: None,
        top: Html::default(),
        buddy: None,
        picture,
        title: title.to_string(),
        body: html! { <>{ for body.into_iter().map(|line| html! { <p class="intro">{ line }</p> }) }</> },
    }
}
