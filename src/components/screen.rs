use super::notice::{notice, NoticeKind};
use super::page::Page;
use super::state::State;
use crate::core::flow::{Stage, Step};
use yew::prelude::*;

/// What shows while there is no check to show: nothing before the host has
/// spoken (the page's own "getting ready" screen stays), else a notice.
/// (The adults' form shows the same.)
pub fn not_started(stage: &Stage) -> Html {
    match stage {
        // The app is mounted only once the host has spoken; until then the
        // page's own static "getting ready" screen shows.
        Stage::Connecting | Stage::Active(_) => Html::default(),
        Stage::Refused(r) => notice(NoticeKind::Refused(*r)),
        Stage::Invalid(e) => notice(NoticeKind::Invalid(AttrValue::from(e.to_string()))),
        Stage::Failed => notice(NoticeKind::Failed),
    }
}

/// The screen for the widget's current state. (A function, not a component:
/// it has no state of its own.)
pub fn screen(state: &UseReducerHandle<State>) -> Html {
    match &state.0.stage {
        Stage::Active(flow) => {
            // A fresh page for each screen: its inputs and read-aloud start over.
            let key = match flow.step {
                _ if flow.helping => "help".to_string(),
                Step::Welcome => "welcome".to_string(),
                Step::Prompt(i) => i.to_string(),
                Step::Done => "done".to_string(),
            };
            html! { <Page {key} state={state.clone()} /> }
        }
        other => not_started(other),
    }
}
