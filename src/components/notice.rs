use super::mascot::mascot;
use crate::core::catalog::{Tr, UI};
use crate::core::config::Locale;
use crate::core::flow::Reaction;
use crate::core::protocol::Refusal;
use yew::prelude::*;

/// Why the widget shows a notice instead of the game.
#[derive(Clone, PartialEq)]
pub enum NoticeKind {
    Refused(Refusal),
    /// The host's settings were wrong; the detail is for the grown-ups.
    Invalid(AttrValue),
    Failed,
}

/// A friendly screen for every state that is not the game itself. Before the
/// host's settings arrive the language is unknown, so it speaks both.
pub fn notice(kind: NoticeKind) -> Html {
    let both = |t: &Tr| {
        html! { <>
            { for Locale::ALL.iter().enumerate().map(|(i, l)| html! {
                <span lang={l.code()} class={(i > 0).then_some("other-language")}>{ t.get(*l) }</span>
            }) }
        </> }
    };
    let (title, detail): (Html, Html) = match &kind {
        NoticeKind::Refused(r) => {
            let why = match r {
                Refusal::NotEmbedded => &UI.not_embedded,
                Refusal::OriginNotAllowed => &UI.not_allowed,
                Refusal::NoSession => &UI.no_session,
            };
            (
                both(&UI.oops_title),
                html! { <p class="for-grown-ups">{ both(why) }</p> },
            )
        }
        NoticeKind::Invalid(detail) => (
            both(&UI.oops_title),
            html! { <p class="for-grown-ups"><code>{ detail.clone() }</code></p> },
        ),
        NoticeKind::Failed => (both(&UI.stopped), html! {}),
    };
    let kind = match &kind {
        NoticeKind::Refused(_) => "refused",
        NoticeKind::Invalid(_) => "invalid",
        NoticeKind::Failed => "failed",
    };
    html! {
        <section class="screen notice" data-notice={kind}>
            { mascot(Reaction::Listening) }
            <h1>{ title }</h1>
            <p class="intro">{ both(&UI.oops_body) }</p>
            { detail }
        </section>
    }
}

/// The friendly screen after a panic, when Yew can no longer render: the
/// same words as the `Failed` notice, written straight into the page.
pub fn show_stopped() {
    let both = |t: &Tr| {
        let mut out = String::new();
        for (i, l) in Locale::ALL.iter().enumerate() {
            let class = if i > 0 {
                r#" class="other-language""#
            } else {
                ""
            };
            out.push_str(&format!(
                r#" <span lang="{}"{class}>{}</span>"#,
                l.code(),
                t.get(*l)
            ));
        }
        out
    };
    if let Some(body) = gloo::utils::document().body() {
        body.set_inner_html(&format!(
            r#"<main class="ally band-none"><section class="screen notice" data-notice="failed"><h1>{}</h1><p class="intro">{}</p></section></main>"#,
            both(&UI.stopped),
            both(&UI.oops_body)
        ));
    }
}
