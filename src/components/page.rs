use super::choices::use_tap;
use super::done::done;
use super::drawing_pad::use_pad;
#[cfg(feature = "safety")]
use super::help::{help, help_control};
use super::mascot::mascot;
use super::parts::{Acts, Inputs};
use super::prompt::prompt;
use super::speaker::speaker;
use super::state::{now_iso, State};
use super::welcome::{focus, welcome};
use crate::core::answer::Pick;
use crate::core::catalog::Input;
use crate::core::config::{AgeBand, Locale, ReadAloud};
use crate::core::flow::{FlowAction, Step, WidgetAction};
use crate::speech::use_read_aloud;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long a new screen takes no tap: a double tap on the last screen, or a
/// finger still coming down, never answers this one. (iPad Safari and
/// Android both deliver the second tap of a quick double tap ~300 ms later.)
pub const SETTLE_MS: u32 = 400;

/// Swallows every tap and press that lands before this screen has been
/// shown for [`SETTLE_MS`] (a keyboard's Enter or Space aside): listening in
/// the capture phase on the window, before any of the screen's own handlers
/// hears it. While it does, the page's root carries `data-busy` (what a
/// test waits on before tapping).
#[hook]
fn use_settle() {
    use_effect_with((), |_| {
        let root = gloo::utils::document_element();
        let _ = root.set_attribute("data-busy", "");
        let calm = {
            let root = root.clone();
            Timeout::new(SETTLE_MS, move || {
                let _ = root.remove_attribute("data-busy");
            })
        };
        let guard = |kind: &'static str| {
            let root = root.clone();
            EventListener::new_with_options(
                &gloo::utils::window(),
                kind,
                EventListenerOptions {
                    phase: EventListenerPhase::Capture,
                    passive: false,
                },
                move |e| {
                    // A click from the keyboard (Enter, Space) says detail 0:
                    // only fingers and pens double-tap.
                    let keyboard = e
                        .dyn_ref::<web_sys::UiEvent>()
                        .is_some_and(|u| u.type_() == "click" && u.detail() == 0);
                    if root.has_attribute("data-busy") && !keyboard {
                        e.stop_immediate_propagation();
                        e.prevent_default();
                    }
                },
            )
        };
        let listeners = [guard("pointerdown"), guard("click")];
        move || {
            drop((listeners, calm));
            let _ = root.remove_attribute("data-busy");
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub state: UseReducerHandle<State>,
}

/// The one component behind the welcome, every question and the end. It
/// holds what those screens need (read-aloud, focus, the inputs' state) and
/// plain functions draw each one: every Yew component costs about 0.6 KB
/// brotli of the child's download. Keyed per screen, so each starts fresh.
#[component]
pub fn Page(props: &PageProps) -> Html {
    let state = &props.state;
    let flow = state.0.flow();
    let step = flow.map_or(Step::Welcome, |f| f.step);
    let young = flow.is_some_and(|f| f.config.band().profile().young);
    // Every action names the screen it was taken on, so a double tap that
    // lands after the screen changed does nothing.
    let act = {
        let d = state.dispatcher();
        move |make: fn(String) -> FlowAction| {
            let d = d.clone();
            Callback::from(move |_: ()| {
                d.dispatch(WidgetAction::On {
                    step,
                    action: make(now_iso()),
                })
            })
        }
    };
    let answer = {
        let d = state.dispatcher();
        Callback::from(move |pick: Pick| {
            d.dispatch(WidgetAction::On {
                step,
                action: FlowAction::Answer {
                    pick,
                    now: now_iso(),
                },
            })
        })
    };
    // A one-tap answer: a face, a size, a word, or the youngest's one feeling.
    let one_tap = match flow.and_then(|f| f.current()).map(|p| p.input) {
        Some(Input::Feelings { .. }) => {
            let band = flow.map_or(AgeBand::Teen, |f| f.config.band());
            answer.reform(move |i: usize| {
                let ids = crate::core::catalog::feelings(band);
                let id = ids.get(i).unwrap_or(&crate::core::catalog::NOT_SURE).id;
                Pick::Feelings(vec![id.to_string()])
            })
        }
        _ => answer.reform(Pick::Choice),
    };
    let draft = use_state(|| flow.and_then(|f| f.current_pick()));
    let track = use_node_ref();
    let dragging = use_mut_ref(|| false);
    let (tapped, tap) = use_tap(young, one_tap);
    let pad = use_pad(match flow.and_then(|f| f.current_pick()) {
        Some(Pick::Drawing(d)) => Some(d),
        _ => None,
    });
    let inputs = Inputs {
        draft,
        tapped,
        tap,
        track,
        dragging,
    };
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| focus(&heading));
    }
    use_settle();
    let acts = Acts {
        begin: act(|_| FlowAction::Begin),
        answer,
        skip: act(|now| FlowAction::Skip { now }),
        back: act(|_| FlowAction::Back),
        help: act(|now| FlowAction::AskHelp { now }),
        close_help: act(|_| FlowAction::CloseHelp),
    };
    let view = flow.map(|f| match f.step {
        #[cfg(feature = "safety")]
        _ if f.helping => help(f, &acts),
        Step::Welcome => welcome(f, &acts),
        Step::Prompt(i) => prompt(f, i, &inputs, &pad, &acts),
        Step::Done => done(f),
    });
    let (read, auto, lang) = flow.map_or((false, false, Locale::En.code()), |f| {
        let r = f.config.read_aloud;
        (
            r != ReadAloud::Off,
            r == ReadAloud::Auto,
            f.config.locale.code(),
        )
    });
    let speak = use_read_aloud(
        view.as_ref().map(|v| v.spoken.clone()).unwrap_or_default(),
        lang,
        read,
        auto,
    );
    let (Some(view), Some(flow)) = (view, flow) else {
        return Html::default();
    };
    let on_prompt = view.prompt.is_some();
    let l = flow.config.locale;
    // The mascot on a question: tapping it reads the question again (where
    // the browser can read aloud; else it is only a picture).
    let buddy = view.buddy.map(|r| {
        let again = speak.as_ref().map(|s| s.again.reform(|_: MouseEvent| ()));
        let label = again.is_some().then(|| crate::core::catalog::UI.read_again.get(l));
        html! {
            <button type="button" class="buddy" aria-label={label} aria-hidden={again.is_none().then_some("true")}
                    tabindex={again.is_none().then_some("-1")} onclick={again}>{ mascot(r) }</button>
        }
    });
    #[cfg(feature = "safety")]
    let help_row =
        (flow.config.help_button && !flow.helping).then(|| help_control(flow, &acts.help));
    #[cfg(not(feature = "safety"))]
    let help_row: Option<Html> = None;
    html! {
        <section class={view.class} data-prompt={view.prompt}>
            <div class="top-row">
                { for buddy }
                { view.top }
                if let Some(s) = &speak {
                    { speaker(s, l) }
                }
            </div>
            { view.picture }
            <h1 ref={heading} tabindex="-1" id={on_prompt.then_some("prompt-text")}
                aria-describedby={(on_prompt && flow.prompts.len() > 1).then_some("progress-text")}>
                { view.title }
            </h1>
            { view.body }
            { for help_row }
        </section>
    }
}
