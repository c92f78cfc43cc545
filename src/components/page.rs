use super::choices::use_tap;
use super::done::done;
use super::drawing_pad::use_pad;
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
use yew::prelude::*;

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
                Pick::Feelings(ids.get(i).map(|f| f.id.to_string()).into_iter().collect())
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
    let acts = Acts {
        begin: act(|_| FlowAction::Begin),
        answer,
        skip: act(|now| FlowAction::Skip { now }),
        back: act(|_| FlowAction::Back),
    };
    let view = flow.map(|f| match f.step {
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
    html! {
        <section class={view.class} data-prompt={view.prompt}>
            <div class="top-row">
                { view.top }
                if let Some(s) = &speak {
                    { speaker(s, flow.config.locale) }
                }
            </div>
            { view.picture }
            <h1 ref={heading} tabindex="-1" id={on_prompt.then_some("prompt-text")}
                aria-describedby={(on_prompt && flow.prompts.len() > 1).then_some("progress-text")}>
                { view.title }
            </h1>
            { view.body }
        </section>
    }
}
