use super::screen::Screen;
use crate::bridge::{self, Bridge, BridgeEvent};
use crate::core::flow::{Widget, WidgetAction};
use crate::core::protocol::{ErrorPayload, Inbound};
use std::rc::Rc;
use yew::prelude::*;

/// Yew's view of the pure [`Widget`] reducer.
#[derive(Clone)]
pub struct State(pub Widget);

/// Every reduction makes a new state, so identity is enough to tell a change
/// (and far cheaper, in code and time, than comparing whole flows).
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Reducible for State {
    type Action = WidgetAction;
    fn reduce(self: Rc<Self>, action: WidgetAction) -> Rc<Self> {
        Rc::new(State(self.0.reduce(action)))
    }
}

/// The current time in ISO 8601 UTC.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Mounts the widget on `<body>`, with a last line of defence for panics.
pub fn mount() {
    // Yew's own renderer installs a console panic hook unless given this one.
    yew::set_custom_panic_hook(Box::new(|info| {
        bridge::report_fatal(ErrorPayload::new(
            "internal",
            format!("the widget stopped: {info}"),
            None,
        ));
        // …and shows the child a friendly screen instead of a frozen one.
        super::notice::show_stopped();
    }));
    yew::Renderer::<App>::new().render();
}

#[component]
pub fn App() -> Html {
    let session = use_memo((), |_| bridge::session_from_url());
    let state = {
        let session = session.clone();
        use_reducer(move || State(Widget::new(session.as_deref().unwrap_or_default())))
    };
    let channel = use_mut_ref(|| None::<Bridge>);
    let sent = use_mut_ref(|| 0u64);
    let root = use_node_ref();

    // Open the channel once.
    {
        let dispatcher = state.dispatcher();
        let channel = channel.clone();
        let session = session.clone();
        use_effect_with((), move |_| {
            let on_event = Callback::from(move |e: BridgeEvent| {
                dispatcher.dispatch(match e {
                    BridgeEvent::Host(Inbound::Init { config, resume }) => WidgetAction::Init {
                        config,
                        resume,
                        now: now_iso(),
                    },
                    BridgeEvent::Host(Inbound::Reset) => WidgetAction::Reset { now: now_iso() },
                    BridgeEvent::Host(Inbound::Ack { .. }) => return,
                    BridgeEvent::Refused(r) => WidgetAction::Refuse(r),
                })
            });
            *channel.borrow_mut() = Bridge::start((*session).clone(), on_event);
        });
    }

    // Post what the reducer queued since the last render.
    {
        let channel = channel.clone();
        let sent = sent.clone();
        let widget = state.0.clone();
        use_effect_with(state.0.outbox.len(), move |_| {
            if let Some(b) = channel.borrow().as_ref() {
                let mut sent = sent.borrow_mut();
                let last = *sent;
                for (seq, msg) in widget.outbox.iter().filter(|(s, _)| *s > last) {
                    b.send(msg);
                    *sent = *seq;
                }
            }
        });
    }

    // Tell the host how tall the content is, whenever that changes.
    {
        let channel = channel.clone();
        let root = root.clone();
        use_effect_with((), move |_| bridge::watch_height(root, channel));
    }

    let (band, lang) = match state.0.flow() {
        Some(f) => (f.config.band().code(), f.config.locale.code()),
        None => ("none", "en"),
    };
    let class = classes!("ally", format!("band-{band}"));
    html! {
        <main ref={root} {class} {lang}><Screen {state} /></main>
    }
}
