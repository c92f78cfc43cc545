use super::mascot::mascot;
use super::parts::{Acts, View};
use super::prompt::SKIP_ICON;
use crate::core::catalog::{fill, Tr, UI};
use crate::core::config::Mode;
use crate::core::flow::{Flow, Reaction};
use crate::core::words::with_helper;
use yew::prelude::*;

/// The first screen: a hello, what this is (and how many questions, where
/// it says so), that any question can be skipped (with the Skip button's
/// picture for the youngest), that a tapped answer moves on by itself, who
/// sees the answers and whether as they come, and at check-out that no
/// answer is wrong.
pub fn welcome(flow: &Flow, acts: &Acts) -> View {
    let c = &flow.config;
    let (l, b) = (c.locale, c.band());
    let helper = flow.helper();
    let with = |t: &Tr| with_helper(l, t.get(l), &helper);
    let title = match &c.child_name {
        Some(name) => fill(UI.hello_named.get(l), &[("child", name)]),
        None => UI.hello.get(l).to_string(),
    };
    let (intro, no_wrong) = match c.mode {
        Mode::Checkin => (with(UI.intro_checkin.get(b)), None),
        Mode::Checkout => (
            with(UI.intro_checkout.get(b)),
            Some(with(UI.no_wrong.get(b))),
        ),
        #[cfg(feature = "naming")]
        Mode::Goals => (with(crate::core::catalog::NAMING.intro.get(b)), None),
        #[cfg(not(feature = "naming"))]
        Mode::Goals => (String::new(), None),
        // An adult's form has a page of its own (form.html).
        Mode::Form => (String::new(), None),
    };
    let intro = fill(&intro, &[("n", &flow.prompts.len().to_string())]);
    let skip_ok = UI.skip_ok.get(b).get(l);
    let auto_next = UI.auto_next.get(b).get(l);
    let who = c
        .who_sees
        .clone()
        .unwrap_or_else(|| with(UI.who_sees.get(b)));
    // Whether the helper sees each answer as it comes: said, where it is so.
    #[cfg(feature = "safety")]
    let who = match c.live_view {
        true => format!("{who} {}", with(&UI.live_view)),
        false => who,
    };
    let spoken = format!(
        "{title} {intro} {skip_ok} {auto_next} {} {who}",
        no_wrong.as_deref().unwrap_or_default()
    );
    // What Skip looks like, for a child who doesn't read yet.
    let skip_picture = b.profile().young.then(|| {
        html! {
            <span class="skip-picture" aria-hidden="true">
                { Html::from_html_unchecked(AttrValue::Static(SKIP_ICON)) }
                <span>{ UI.skip.get(l) }</span>
            </span>
        }
    });
    let on_start = acts.begin.reform(|_: MouseEvent| ());
    View {
        class: classes!("screen", "welcome"),
        prompt: None,
        top: Html::default(),
        buddy: None,
        picture: match b.profile().mascot {
            false => Html::default(),
            true => mascot(Reaction::Listening),
        },
        title,
        body: html! { <>
            <p class="intro">{ intro }</p>
            <p class="intro skip-ok">{ skip_ok }{ for skip_picture }</p>
            <p class="intro auto-next">{ auto_next }</p>
            if let Some(line) = no_wrong {
                <p class="intro no-wrong">{ line }</p>
            }
            <p class="who-sees">{ who }</p>
            <div class="actions">
                <button type="button" class="primary" onclick={on_start}>{ UI.start.get(l) }</button>
            </div>
        </> },
        spoken,
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
