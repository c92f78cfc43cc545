use super::mascot::mascot;
use super::speaker::speaker;
use crate::core::catalog::{fill, UI};
use crate::core::config::{AgeBand, Locale, Mode};
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
    pub speak: bool,
    pub speak_auto: bool,
    pub on_start: Callback<()>,
}

/// The first screen: a hello, what the game is, and who sees the answers.
#[component]
pub fn Welcome(props: &WelcomeProps) -> Html {
    let l = props.locale;
    let title = match &props.child_name {
        Some(name) => fill(UI.hello_named.get(l), &[("child", name)]),
        None => UI.hello.get(l).to_string(),
    };
    let intro = match props.mode {
        Mode::Checkin => UI.intro_checkin.get(l),
        Mode::Checkout => UI.intro_checkout.get(l),
    };
    let who_sees = match props.band {
        AgeBand::Preschool | AgeBand::EarlySchool => &UI.who_sees,
        _ => &UI.who_sees_older,
    };
    let who = fill(who_sees.get(l), &[("helper", &props.helper)]);
    let speak = use_read_aloud(
        format!("{title} {intro} {who}"),
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
                if let Some(on_speak) = speak {
                    { speaker(UI.read_aloud.get(l), on_speak) }
                }
            </div>
            if props.band != AgeBand::Teen {
                { mascot() }
            }
            <h1 ref={heading} tabindex="-1">{ title }</h1>
            <p class="intro">{ intro }</p>
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
