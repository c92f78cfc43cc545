use super::mascot::mascot;
use crate::core::catalog::{Tr, UI};
use crate::core::flow::Refusal;
use yew::prelude::*;

/// Why the widget shows a notice instead of the game.
#[derive(Clone, PartialEq)]
pub enum NoticeKind {
    Connecting,
    Refused(Refusal),
    /// The host's settings were wrong; the detail is for the grown-ups.
    Invalid(AttrValue),
    Failed,
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub kind: NoticeKind,
}

const GETTING_READY: Tr = Tr {
    en: "Getting ready…",
    es: "Preparando…",
};
const NOT_EMBEDDED: Tr = Tr {
    en: "Ally opens inside your care portal.",
    es: "Ally se abre dentro de tu portal de atención.",
};
const NOT_ALLOWED: Tr = Tr {
    en: "This page is not allowed to open Ally.",
    es: "Esta página no tiene permiso para abrir Ally.",
};
const NO_SESSION: Tr = Tr {
    en: "The link to Ally is missing its session.",
    es: "Al enlace de Ally le falta la sesión.",
};

/// A friendly screen for every state that is not the game itself. Before the
/// host's settings arrive the language is unknown, so it speaks both.
#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let both = |t: &Tr| {
        html! { <>
            <span lang="en">{ t.en }</span>
            <span lang="es" class="other-language">{ t.es }</span>
        </> }
    };
    let (title, detail): (Html, Html) = match &props.kind {
        NoticeKind::Connecting => (both(&GETTING_READY), html! {}),
        NoticeKind::Refused(r) => {
            let why = match r {
                Refusal::NotEmbedded => &NOT_EMBEDDED,
                Refusal::OriginNotAllowed => &NOT_ALLOWED,
                Refusal::NoSession => &NO_SESSION,
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
        NoticeKind::Failed => (both(&UI.oops_title), html! {}),
    };
    let busy = matches!(props.kind, NoticeKind::Connecting);
    let kind = match &props.kind {
        NoticeKind::Connecting => "connecting",
        NoticeKind::Refused(_) => "refused",
        NoticeKind::Invalid(_) => "invalid",
        NoticeKind::Failed => "failed",
    };
    html! {
        <section class="screen notice" data-notice={kind} aria-busy={busy.to_string()}>
            { mascot() }
            <h1>{ title }</h1>
            if !busy {
                <p class="intro">{ both(&UI.oops_body) }</p>
            }
            { detail }
        </section>
    }
}
