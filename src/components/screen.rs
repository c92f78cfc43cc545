use super::notice::{notice, NoticeKind};
use super::page::Page;
use super::state::State;
use crate::core::flow::{Stage, Step};
use yew::prelude::*;

/// The screen for the widget's current state. (A function, not a component:
/// it has no state of its own.)
pub fn screen(state: &UseReducerHandle<State>) -> Html {
    match &state.0.stage {
        // The app is mounted only once the host has spoken; until then the
        // page's own static "getting ready" screen shows.
        Stage::Connecting => Html::default(),
        Stage::Refused(r) => notice(NoticeKind::Refused(*r)),
        Stage::Invalid(e) => notice(NoticeKind::Invalid(AttrValue::from(e.to_string()))),
        Stage::Failed => notice(NoticeKind::Failed),
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
    }
}
