//! The therapist's report: a second app over the same core, loaded by the
//! portal (never by the child) through the same bridge as the widget.

pub mod chart;
pub mod view;

use crate::bridge::{self, Bridge, BridgeEvent};
use crate::core::protocol::{ErrorPayload, Inbound, Outbound};
use crate::core::report::{Report, ReportAction, ReportStage};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Yew's view of the pure [`Report`] reducer.
#[derive(Clone)]
pub struct State(pub Report);

/// Every reduction makes a new state: identity tells a change.
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Reducible for State {
    type Action = ReportAction;
    fn reduce(self: Rc<Self>, action: ReportAction) -> Rc<Self> {
        Rc::new(State(self.0.reduce(action)))
    }
}

type Channel = Rc<RefCell<Option<Bridge>>>;

#[derive(Properties)]
struct AppProps {
    channel: Channel,
    /// Where the bridge's events go: set by the app once it is on screen.
    listener: Rc<RefCell<Vec<ReportAction>>>,
    on_action: Rc<RefCell<Option<Callback<ReportAction>>>>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.channel, &other.channel)
    }
}

#[function_component(App)]
fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| State(Report::default()));
    // Actions that came before the first render, then every later one.
    {
        let (dispatcher, early, on_action) = (
            state.dispatcher(),
            props.listener.clone(),
            props.on_action.clone(),
        );
        use_effect_with((), move |_| {
            let to = Callback::from(move |a| dispatcher.dispatch(a));
            hand_over(&early, &to);
            *on_action.borrow_mut() = Some(to);
        });
    }
    // `ready` once the settings are taken, and each new error once.
    let sent = use_mut_ref(|| (false, 0u64));
    {
        let (channel, sent) = (props.channel.clone(), sent.clone());
        use_effect_with(state.clone(), move |state| {
            if let Some(b) = channel.borrow().as_ref() {
                let mut sent = sent.borrow_mut();
                if !sent.0 && state.0.stage == ReportStage::Active {
                    sent.0 = true;
                    b.send(
                        &Outbound::ReportReady {
                            locale: state.0.options.locale.code(),
                        },
                        None,
                    );
                }
                let last = sent.1;
                for (n, e) in state.0.errors.iter().filter(|(n, _)| *n > last) {
                    b.send(&Outbound::Error(e.clone()), None);
                    sent.1 = *n;
                }
            }
        });
    }
    // The page's language follows the therapist's.
    use_effect_with(state.0.options.locale, |l| {
        if let Some(html) = gloo::utils::document().document_element() {
            let _ = html.set_attribute("lang", l.code());
        }
    });
    let root = use_node_ref();
    {
        let (root, channel) = (root.clone(), props.channel.clone());
        use_effect_with((), move |_| bridge::watch_height(root, channel));
    }
    html! { <main class="report" ref={root}>{ view::report(&state.0) }</main> }
}

/// Hands the app what arrived since the last hand-over, in one action: a
/// portal sends a year of sessions at once, and the report draws them once.
fn hand_over(queue: &Rc<RefCell<Vec<ReportAction>>>, to: &Callback<ReportAction>) {
    let mut actions: Vec<ReportAction> = queue.borrow_mut().drain(..).collect();
    match actions.len() {
        0 => {}
        1 => to.emit(actions.remove(0)),
        _ => to.emit(ReportAction::Batch(actions)),
    }
}

/// Starts the report: opens the channel and renders at once.
pub fn mount() {
    yew::set_custom_panic_hook(Box::new(|info| {
        bridge::report_fatal(ErrorPayload::new(
            "internal",
            format!("the report stopped: {info}"),
            None,
        ));
    }));
    let channel = Channel::default();
    let early: Rc<RefCell<Vec<ReportAction>>> = Rc::default();
    let on_action: Rc<RefCell<Option<Callback<ReportAction>>>> = Rc::default();
    let flush: Rc<RefCell<Option<Timeout>>> = Rc::default();
    let on_event = {
        let (early, on_action) = (early.clone(), on_action.clone());
        Callback::from(move |e: BridgeEvent| {
            let action = match e {
                BridgeEvent::Host(Inbound::Init { config, .. }) => ReportAction::Init { config },
                BridgeEvent::Host(Inbound::Add { result }) => ReportAction::Add { result },
                BridgeEvent::Host(Inbound::Live { answer, age_band }) => {
                    ReportAction::Live { answer, age_band }
                }
                BridgeEvent::Host(Inbound::Attention { attention }) => {
                    ReportAction::Attention { attention }
                }
                BridgeEvent::TooLarge { kind, bytes, about } if kind == "add" => {
                    ReportAction::TooLarge {
                        bytes,
                        session: about,
                    }
                }
                BridgeEvent::Refused(r) => ReportAction::Refuse(r),
                BridgeEvent::Unusable(error) => ReportAction::Init {
                    config: serde_json::Value::String(error.message),
                },
                _ => return,
            };
            early.borrow_mut().push(action);
            // Messages posted together arrive as separate tasks: they are
            // handed over together once they have all been heard.
            if flush.borrow().is_none() {
                let (early, on_action, pending) = (early.clone(), on_action.clone(), flush.clone());
                *flush.borrow_mut() = Some(Timeout::new(0, move || {
                    pending.borrow_mut().take();
                    let to = on_action.borrow().clone();
                    if let Some(to) = to {
                        hand_over(&early, &to);
                    }
                }));
            }
        })
    };
    *channel.borrow_mut() = Bridge::start(bridge::session_from_url(), on_event);
    yew::Renderer::<App>::with_props(AppProps {
        channel,
        listener: early,
        on_action,
    })
    .render();
}
