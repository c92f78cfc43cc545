use super::screen::screen;
use super::state::{now_iso, State};
use crate::bridge::{self, Bridge, BridgeEvent};
use crate::core::flow::{Widget, WidgetAction};
use crate::core::protocol::{ErrorPayload, Inbound};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The reducer's action for what the bridge heard; `None` for what needs no action.
fn action(e: BridgeEvent) -> Option<WidgetAction> {
    Some(match e {
        BridgeEvent::Host(Inbound::Init {
            config,
            resume,
            run,
        }) => WidgetAction::Init {
            config,
            resume,
            run,
            now: now_iso(),
        },
        BridgeEvent::Host(Inbound::Reset { run }) => WidgetAction::Reset {
            run,
            now: now_iso(),
        },
        // Acks are the bridge's; the rest is the report's.
        BridgeEvent::Host(
            Inbound::Ack { .. }
            | Inbound::Add { .. }
            | Inbound::Live { .. }
            | Inbound::Attention { .. },
        ) => return None,
        BridgeEvent::Delivered(seq) => WidgetAction::Delivered { seq },
        // Already answered with an error; nothing changes.
        BridgeEvent::TooLarge { .. } => return None,
        BridgeEvent::Unusable(error) => WidgetAction::Report { error, fatal: true },
        BridgeEvent::Refused(r) => WidgetAction::Refuse(r),
    })
}

/// Where the bridge's events go once the app is on screen.
type Listener = Rc<RefCell<Option<Callback<WidgetAction>>>>;
type Channel = Rc<RefCell<Option<Bridge>>>;

/// Starts the widget: opens the channel at once, so `hello` goes out while
/// the page is still showing its static "getting ready" screen, and renders
/// the app only when the host has answered (or the widget must not start).
/// The first state's messages (`ready`) are posted before that first render,
/// in the same task, so the host never waits for a frame to be painted.
pub fn mount() {
    mount_with(screen);
}

/// What a page shows for each state of the widget: the child's screens, or
/// an adult's form.
pub type Screen = fn(&UseReducerHandle<State>) -> Html;

/// Starts a page of the widget's kind (the same channel, handshake, acks and
/// resume) that shows `screen`.
pub fn mount_with(screen: Screen) {
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
    let session = bridge::session_from_url();
    let listener = Listener::default();
    let channel = Channel::default();
    let on_event = {
        let (listener, channel) = (listener.clone(), channel.clone());
        let session = session.clone().unwrap_or_default();
        Callback::from(move |e: BridgeEvent| {
            let Some(action) = action(e) else { return };
            let app = listener.borrow().clone();
            if let Some(app) = app {
                return app.emit(action);
            }
            let first = Widget::new(&session)
                .with_fhir_base(fhir_base())
                .reduce(action);
            post(&channel, &first, 0);
            // Taken until the app's first render (a microtask away) replaces it.
            *listener.borrow_mut() = Some(Callback::noop());
            let props = AppProps {
                screen,
                first: Rc::new(first),
                channel: channel.clone(),
                listener: listener.clone(),
            };
            yew::Renderer::<App>::with_props(props).render();
        })
    };
    let bridge = Bridge::start(session, on_event);
    *channel.borrow_mut() = bridge;
}

/// The deployment's FHIR canonical base: `<meta name="ally-fhir-base">`.
/// Read once per page and kept for its life (leaked), so flows share it freely.
fn fhir_base() -> &'static str {
    match crate::bridge::meta("ally-fhir-base") {
        Some(b) if b.starts_with("https://") || b.starts_with("http://") => {
            Box::leak(b.into_boxed_str())
        }
        _ => crate::core::fhir::DEFAULT_BASE,
    }
}

/// Posts the messages the reducer queued after number `last`.
fn post(channel: &Channel, widget: &Widget, last: u64) {
    if let Some(b) = channel.borrow().as_ref() {
        for q in widget.outbox.iter().filter(|q| q.seq > last) {
            b.send_tagged(&q.msg, q.run, q.seq);
        }
    }
}

#[derive(Properties)]
pub struct AppProps {
    pub screen: Screen,
    /// The state after the host's first word, whose messages are already sent.
    pub first: Rc<Widget>,
    pub channel: Channel,
    pub listener: Listener,
}

/// The app is mounted once and never given new props.
impl PartialEq for AppProps {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let first = props.first.clone();
        use_reducer(move || State((*first).clone()))
    };
    let sent = use_mut_ref(|| props.first.newest());
    let root = use_node_ref();

    // From now on the bridge's events are the reducer's actions.
    {
        let d = state.dispatcher();
        let listener = props.listener.clone();
        use_memo((), move |_| {
            *listener.borrow_mut() = Some(Callback::from(move |a| d.dispatch(a)));
        });
    }

    // Post what the reducer queued since the last post (the handle shares the
    // state; the widget itself is not copied).
    {
        let channel = props.channel.clone();
        let state = state.clone();
        use_effect_with(state.0.newest(), move |_| {
            // The handle reads the newest state, which may already be a later
            // render's: post up to what it holds, so nothing goes out twice.
            let newest = state.0.newest();
            post(&channel, &state.0, sent.replace(newest));
        });
    }

    // Tell the host how tall the content is, whenever that changes.
    {
        let channel = props.channel.clone();
        let root = root.clone();
        use_effect_with((), move |_| bridge::watch_height(root, channel));
    }

    let (band, lang) = match state.0.flow() {
        Some(f) => (f.config.band().code(), f.config.locale.code()),
        None => ("none", crate::core::config::Locale::En.code()),
    };
    let class = classes!("ally", format!("band-{band}"));
    // A tap anywhere but on the speaker stops the reading.
    let onpointerdown = Callback::from(|e: PointerEvent| {
        let on_speaker = e
            .target_dyn_into::<web_sys::Element>()
            .and_then(|t| t.closest(".speaker").ok().flatten())
            .is_some();
        if !on_speaker {
            crate::speech::stop();
        }
    });
    html! {
        <main ref={root} {class} {lang} {onpointerdown}>{ (props.screen)(&state) }</main>
    }
}
