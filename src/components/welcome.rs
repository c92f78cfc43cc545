use super::mascot::Mascot;
use crate::core::catalog::{fill, UI};
use crate::core::config::{AgeBand, Locale, Mode};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    pub band: AgeBand,
    pub locale: Locale,
    pub mode: Mode,
    #[prop_or_default]
    pub child_name: Option<AttrValue>,
    #[prop_or_default]
    pub helper_name: Option<AttrValue>,
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
    let helper = props
        .helper_name
        .as_deref()
        .unwrap_or(UI.someone.get(l))
        .to_string();
    let who = fill(UI.who_sees.get(l), &[("helper", &helper)]);
    let on_start = props.on_start.reform(|_: MouseEvent| ());
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| focus(&heading));
    }
    html! {
        <section class="screen welcome">
            if props.band != AgeBand::Teen {
                <Mascot />
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
/// the change of screen.
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
