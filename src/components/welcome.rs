use super::mascot::mascot;
use super::speaker::speaker;
use crate::core::catalog::{fill, with_helper, Tr, UI};
use crate::core::config::{AgeBand, Locale, Mode};
use crate::core::flow::Reaction;
use crate::speech::use_read_aloud;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    pub band: AgeBand,
    pub locale: Locale,
    pub mode: Mode,
    #[prop_or_default]
    pub child_name: Option<AttrValue>,
    pub helper: AttrValue,
    /// The portal's own "who sees your answers" line, if it set one.
    #[prop_or_default]
    pub who_sees: Option<AttrValue>,
    pub speak: bool,
    pub speak_auto: bool,
    pub on_start: Callback<()>,
}

/// The first screen: a hello, what this is, that any question can be
/// skipped, who sees the answers, and at check-out that no answer is wrong.
#[component]
pub fn Welcome(props: &WelcomeProps) -> Html {
    let l = props.locale;
    let b = props.band;
    let helper = |t: &Tr| with_helper(t.get(l), &props.helper);
    let title = match &props.child_name {
        Some(name) => fill(UI.hello_named.get(l), &[("child", name)]),
        None => UI.hello.get(l).to_string(),
    };
    let (intro, no_wrong) = match props.mode {
        Mode::Checkin => (helper(UI.intro_checkin.get(b)), None),
        Mode::Checkout => (
            helper(UI.intro_checkout.get(b)),
            Some(helper(UI.no_wrong.get(b))),
        ),
    };
    let skip_ok = UI.skip_ok.get(b).get(l);
    let who = match &props.who_sees {
        Some(line) => line.to_string(),
        None => helper(UI.who_sees.get(b)),
    };
    let speak = use_read_aloud(
        format!(
            "{title} {intro} {skip_ok} {} {who}",
            no_wrong.as_deref().unwrap_or_default()
        ),
        l.code(),
        props.speak,
        props.speak_auto,
    );
    let on_start = props.on_start.reform(|_: MouseEvent| ());
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| focus(&heading));
    }
    html! {
        <section class="screen welcome">
            <div class="top-row">
                if let Some(s) = &speak {
                    { speaker(s, l) }
                }
            </div>
            if props.band != AgeBand::Teen {
                { mascot(Reaction::Listening) }
            }
            <h1 ref={heading} tabindex="-1">{ title }</h1>
            <p class="intro">{ intro }</p>
            <p class="intro skip-ok">{ skip_ok }</p>
            if let Some(line) = no_wrong {
                <p class="intro no-wrong">{ line }</p>
            }
            <p class="who-sees">{ who }</p>
            <div class="actions">
                <button type="button" class="primary" onclick={on_start}>{ UI.start.get(l) }</button>
            </div>
        </section>
    }
}

/// Moves focus to a screen's heading so keyboards and screen readers follow
/// the change of screen; only while the child is using the widget, never
/// taking focus from the portal around it.
pub fn focus(node: &NodeRef) {
    if !gloo::utils::document().has_focus().unwrap_or(false) {
        return;
    }
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
