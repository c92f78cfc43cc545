//! The safety path on screen: the quiet "I'd like to talk to someone now"
//! control, and the calm screen it opens. The screen says the helper was
//! told only once the portal confirmed it heard; until then, that they are
//! being told. Either way it names someone near to tell now, and the lines
//! the portal gave. Its one way out goes back to where the child was.

use super::mascot::mascot;
use super::parts::{Acts, View};
use crate::core::catalog::UI;
use crate::core::flow::{Flow, Reaction};
use crate::core::words::with_helper;
use yew::prelude::*;

/// A speech bubble: talking to someone.
const ICON: &str = r##"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 5H20V16H10L5 20V16H4Z" stroke="currentColor" stroke-width="2.4" stroke-linejoin="round" fill="none"/></svg>"##;

/// The control, below every screen where the portal and the band offer it.
pub fn help_control(flow: &Flow, on_help: &Callback<()>) -> Html {
    let (l, b) = (flow.config.locale, flow.config.band());
    let onclick = on_help.reform(|_: MouseEvent| ());
    html! {
        <div class="help-row">
            <button type="button" class="help-ask with-icon" {onclick}>
                { Html::from_html_unchecked(AttrValue::Static(ICON)) }
                <span>{ UI.help.button.get(b).get(l) }</span>
            </button>
        </div>
    }
}

/// The help screen.
pub fn help(flow: &Flow, acts: &Acts) -> View {
    let c = &flow.config;
    let (l, b) = (c.locale, c.band());
    let helper = flow.helper();
    let with = |t: &str| with_helper(l, t, &helper);
    let title = UI.help.title.get(b).get(l).to_string();
    let status = match flow.told {
        true => with(UI.help.told.get(l)),
        false => with(UI.help.telling.get(l)),
    };
    let near = with(UI.help.near.get(b).get(l));
    // Each line as one text: the label, then its phone and its words.
    let lines: Vec<String> = c
        .help_lines
        .iter()
        .map(|x| {
            let mut line = x.label.clone();
            for part in [x.phone.as_deref(), x.text.as_deref()]
                .into_iter()
                .flatten()
            {
                line.push_str(if line == x.label { ": " } else { " · " });
                line.push_str(part);
            }
            line
        })
        .collect();
    let intro = (!c.help_lines.is_empty()).then(|| UI.help.lines.get(l));
    let onclick = acts.close_help.reform(|_: MouseEvent| ());
    View {
        spoken: format!(
            "{title} {status} {near} {} {}",
            intro.unwrap_or_default(),
            lines.join(". ")
        ),
        class: classes!("screen", "help", flow.told.then_some("is-told")),
        prompt: None,
        top: Html::default(),
        buddy: None,
        picture: match b.profile().mascot {
            true => mascot(Reaction::Listening),
            false => Html::default(),
        },
        title,
        body: html! { <>
            <p class="intro help-status" role="status">{ status }</p>
            <p class="intro">{ near }</p>
            if let Some(intro) = intro {
                <p class="intro">{ intro }</p>
                <ul class="help-lines">{ for lines.into_iter().map(|x| html! { <li>{ x }</li> }) }</ul>
            }
            <div class="actions">
                <button type="button" class="primary" {onclick}>{ UI.help.back.get(l) }</button>
            </div>
        </> },
    }
}
