use super::app::{now_iso, State};
use super::done::Done;
use super::notice::{notice, NoticeKind};
use super::prompt::PromptScreen;
use super::welcome::Welcome;
use crate::core::config::{AgeBand, ReadAloud};
use crate::core::flow::{FlowAction, Pick, Stage, Step, WidgetAction};
use yew::prelude::*;

/// The screen for the widget's current state; the child's taps become
/// reducer actions. (A function, not a component: it has no state of its own.)
pub fn screen(state: &UseReducerHandle<State>) -> Html {
    // Every action names the screen it was taken on, so a double tap that
    // lands after the screen changed does nothing.
    let on = |step: Step, make: fn(String) -> FlowAction| {
        let d = state.dispatcher();
        Callback::from(move |_: ()| {
            d.dispatch(WidgetAction::On {
                step,
                action: make(now_iso()),
            })
        })
    };
    match &state.0.stage {
        // The app is mounted only once the host has spoken; until then the
        // page's own static "getting ready" screen shows.
        Stage::Connecting => Html::default(),
        Stage::Refused(r) => notice(NoticeKind::Refused(*r)),
        Stage::Invalid(e) => notice(NoticeKind::Invalid(AttrValue::from(e.to_string()))),
        Stage::Failed => notice(NoticeKind::Failed),
        Stage::Active(flow) => {
            let c = &flow.config;
            let band = c.band();
            let helper = AttrValue::from(flow.helper());
            let speak = c.read_aloud != ReadAloud::Off;
            let speak_auto = c.read_aloud == ReadAloud::Auto;
            match flow.step {
                Step::Welcome => html! {
                    <Welcome {band} locale={c.locale} mode={c.mode}
                        child_name={c.child_name.clone().map(AttrValue::from)}
                        who_sees={c.who_sees.clone().map(AttrValue::from)}
                        {helper} {speak} {speak_auto}
                        on_start={on(Step::Welcome, |_| FlowAction::Begin)} />
                },
                Step::Prompt(i) => {
                    let d = state.dispatcher();
                    let step = flow.step;
                    let on_answer = Callback::from(move |pick: Pick| {
                        d.dispatch(WidgetAction::On {
                            step,
                            action: FlowAction::Answer {
                                pick,
                                now: now_iso(),
                            },
                        })
                    });
                    // The mascot keeps the youngest company on every screen.
                    let young = matches!(band, AgeBand::Preschool | AgeBand::EarlySchool);
                    html! {
                        <PromptScreen prompt={flow.prompts[i]} text={flow.text(i)} {band} locale={c.locale}
                            reaction={young.then(|| flow.reaction())}
                            position={i} total={flow.prompts.len()} current={flow.current_pick()}
                            {speak} {speak_auto} {on_answer}
                            on_skip={on(flow.step, |now| FlowAction::Skip { now })}
                            on_back={on(flow.step, |_| FlowAction::Back)} />
                    }
                }
                Step::Done => {
                    let talk = flow.result().scores.wants_to_talk.map(AttrValue::from);
                    html! {
                        <Done {band} locale={c.locale} mode={c.mode} {helper} calm={flow.calm_ending()}
                            {talk} delivered={flow.delivered} {speak} {speak_auto} />
                    }
                }
            }
        }
    }
}
