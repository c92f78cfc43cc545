//! The only module that touches `postMessage`.
//!
//! - Starts only inside a page whose origin is on the deployment allow-list
//!   (`<meta name="ally-allowed-origins">` in the widget's `index.html`).
//! - Says `hello` with backoff until the host's `init` arrives; `hello`
//!   carries no child data.
//! - Accepts a window message only from `window.parent` and an allowed
//!   origin; after `init`, only from the origin that sent it.
//! - When `init` brings a `MessagePort` (the SDK always sends one), every
//!   later message both ways travels on that port alone, where no other
//!   script on the portal's page can read it; otherwise (a host speaking
//!   protocol v1 by hand) messages go to exactly the origin that sent `init`.
//! - Reads nothing that is not Ally's: a message without Ally's envelope
//!   and this session is ignored, whatever its size, before it is copied.
//! - Takes the first `init` only: a later one (another script on the page
//!   answered `hello` first) is told `already_connected` on its own channel.
//! - Re-sends `complete` with capped backoff until the host's `ack`.

use crate::core::protocol::Refusal;
use crate::core::protocol::{
    backoff_ms, origin_allowed, parse_allow_list, read_inbound, ErrorPayload, Inbound, Outbound,
    MAX_MESSAGE_BYTES,
};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use serde_json::Value;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, MessagePort, Window};
use yew::{Callback, NodeRef};

/// Where messages go once the host has spoken.
#[derive(Clone)]
enum Channel {
    /// The host's own port: the private channel.
    Port(MessagePort),
    /// The host's exact origin, on its window.
    Origin(String),
}

thread_local! {
    /// The channel and session once `init` arrived, for the panic hook.
    static HOST: RefCell<Option<(Channel, String)>> = const { RefCell::new(None) };
}

/// The allow-list's `<meta>` name in `index.html`.
pub const ALLOW_META: &str = "ally-allowed-origins";

const HELLO_BASE_MS: u32 = 250;
const HELLO_CAP_MS: u32 = 1_000;
const RESEND_BASE_MS: u32 = 500;
const RESEND_CAP_MS: u32 = 5_000;

/// What the bridge tells the app.
#[derive(Clone, Debug, PartialEq)]
pub enum BridgeEvent {
    /// The host spoke: `init` or `reset` (acks are handled here).
    Host(Inbound),
    /// The widget must not start here.
    Refused(Refusal),
    /// The host acknowledged message `tag` (see [`Bridge::send_tagged`]):
    /// it has the child's answers.
    Delivered(u64),
    /// The host's first message could not be used at all; a friendly
    /// screen, never "getting ready" for good.
    Unusable(ErrorPayload),
    /// A message of this session too large to read, of type `kind`, already
    /// answered with a `too_large` error: `about` is the session of the
    /// result it carried, where it names one (for the report's list).
    TooLarge {
        kind: String,
        bytes: usize,
        about: Option<String>,
    },
}

struct Pending {
    id: String,
    tag: u64,
    text: String,
    attempt: u32,
    _timer: Option<Timeout>,
}

struct Inner {
    session: String,
    allow: Vec<String>,
    /// Where messages go, once the host's `init` arrived.
    host: Option<Channel>,
    /// Where `hello` goes: the embedding origin if the browser tells it, else `*`.
    hello_target: String,
    hello_attempt: u32,
    hello_timer: Option<Timeout>,
    pending: Vec<Pending>,
    next_id: u64,
    /// This page's random name: the message ids' prefix, and `hello`'s instance.
    id_prefix: String,
    height: u32,
    sent_height: u32,
    on_event: Callback<BridgeEvent>,
    _listener: Option<EventListener>,
    _port_listener: Option<EventListener>,
}

/// A handle to the channel; cheap to clone.
#[derive(Clone)]
pub struct Bridge(Rc<RefCell<Inner>>);

impl PartialEq for Bridge {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The `session` parameter of the widget's own URL: at most 200 characters,
/// counted as the SDK counts them (Unicode code points).
pub fn session_from_url() -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params
        .get("session")
        .filter(|s| !s.is_empty() && s.chars().count() <= 200)
}

/// The `content` of the widget page's `<meta name="{name}">`: how the
/// deployment configures the widget.
pub fn meta(name: &str) -> Option<String> {
    gloo::utils::document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

fn allow_list() -> Vec<String> {
    meta(ALLOW_META)
        .map(|c| parse_allow_list(&c))
        .unwrap_or_default()
}

/// The embedding page's origin, where the browser tells it.
fn embedder_origin(window: &Window) -> Option<String> {
    // `location.ancestorOrigins` is missing in some browsers: read it defensively.
    let origins = js_sys::Reflect::get(&window.location(), &JsValue::from_str("ancestorOrigins"))
        .ok()
        .and_then(|v| v.dyn_into::<web_sys::DomStringList>().ok());
    if let Some(o) = origins.and_then(|list| list.item(0)) {
        return Some(o);
    }
    let referrer = gloo::utils::document().referrer();
    web_sys::Url::new(&referrer).ok().map(|u| u.origin())
}

fn is_framed(window: &Window) -> bool {
    match window.parent() {
        Ok(Some(p)) => !js_sys::Object::is(&p, window),
        _ => false,
    }
}

fn random_prefix() -> String {
    let n = (js_sys::Math::random() * 2f64.powi(48)) as u64;
    format!("{n:x}")
}

fn text_of(data: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(data).ok()?.as_string()
}

/// Posts JSON text as an object on `channel`; only `hello` may go to `*`.
fn post_text(text: &str, channel: &Channel) {
    let Ok(obj) = js_sys::JSON::parse(text) else {
        return;
    };
    // A closed port or a navigated parent throws; nothing more can be done then.
    match channel {
        Channel::Port(p) => drop(p.post_message(&obj)),
        Channel::Origin(target) => {
            if let Ok(Some(parent)) = gloo::utils::window().parent() {
                let _ = parent.post_message(&obj, target);
            }
        }
    }
}

impl Bridge {
    /// Opens the channel for `session`, or reports why the widget must not start.
    pub fn start(session: Option<String>, on_event: Callback<BridgeEvent>) -> Option<Bridge> {
        let window = gloo::utils::window();
        let allow = allow_list();
        let refuse = |r| {
            on_event.emit(BridgeEvent::Refused(r));
            None
        };
        if !is_framed(&window) {
            return refuse(Refusal::NotEmbedded);
        }
        let Some(session) = session else {
            return refuse(Refusal::NoSession);
        };
        let hello_target = match embedder_origin(&window) {
            Some(o) if origin_allowed(&allow, &o) => o,
            Some(_) => return refuse(Refusal::OriginNotAllowed),
            None if allow.is_empty() => return refuse(Refusal::OriginNotAllowed),
            None => "*".to_string(),
        };
        let bridge = Bridge(Rc::new(RefCell::new(Inner {
            session,
            allow,
            host: None,
            hello_target,
            hello_attempt: 0,
            hello_timer: None,
            pending: Vec::new(),
            next_id: 0,
            id_prefix: random_prefix(),
            height: 0,
            sent_height: 0,
            on_event,
            _listener: None,
            _port_listener: None,
        })));
        let listener = bridge.listen(&window, false);
        bridge.0.borrow_mut()._listener = Some(listener);
        bridge.say_hello();
        Some(bridge)
    }

    /// Hands every `message` event on `target` to [`Bridge::receive`].
    fn listen(&self, target: &web_sys::EventTarget, on_port: bool) -> EventListener {
        let weak = Rc::downgrade(&self.0);
        EventListener::new(target, "message", move |e| {
            if let (Some(inner), Some(e)) = (weak.upgrade(), e.dyn_ref::<MessageEvent>()) {
                Bridge(inner).receive(e, on_port);
            }
        })
    }

    fn next_id(&self) -> String {
        let mut inner = self.0.borrow_mut();
        inner.next_id += 1;
        format!("{}-{}", inner.id_prefix, inner.next_id)
    }

    fn envelope_text(&self, msg: &Outbound, run: Option<u64>) -> (String, String) {
        let id = self.next_id();
        let session = self.0.borrow().session.clone();
        let text = msg.envelope(&id, &session, run);
        (id, text)
    }

    fn say_hello(&self) {
        let (attempt, instance) = {
            let inner = self.0.borrow();
            if inner.host.is_some() {
                return;
            }
            (inner.hello_attempt, inner.id_prefix.clone())
        };
        self.send(&Outbound::Hello { instance }, None);
        let weak = Rc::downgrade(&self.0);
        let timer = Timeout::new(
            backoff_ms(attempt, HELLO_BASE_MS, HELLO_CAP_MS),
            move || {
                if let Some(inner) = weak.upgrade() {
                    Bridge(inner).say_hello();
                }
            },
        );
        let mut inner = self.0.borrow_mut();
        inner.hello_attempt += 1;
        inner.hello_timer = Some(timer);
    }

    /// Sends a message of host run `run` to the host.
    pub fn send(&self, msg: &Outbound, run: Option<u64>) {
        self.send_tagged(msg, run, 0);
    }

    /// Sends a message of host run `run` to the host; the host's ack of it is
    /// reported as [`BridgeEvent::Delivered`] with `tag`. Messages with child
    /// data go only on the host's channel (they can't exist before it); only
    /// `hello` may go where the embedder is not yet known.
    pub fn send_tagged(&self, msg: &Outbound, run: Option<u64>, tag: u64) {
        let channel = {
            let inner = self.0.borrow();
            match (&inner.host, msg.carries_child_data()) {
                (Some(host), _) => host.clone(),
                (None, false) => Channel::Origin(inner.hello_target.clone()),
                (None, true) => return,
            }
        };
        let (id, text) = self.envelope_text(msg, run);
        post_text(&text, &channel);
        if msg.needs_ack() {
            self.0.borrow_mut().pending.push(Pending {
                id: id.clone(),
                tag,
                text,
                attempt: 0,
                _timer: None,
            });
            self.schedule_resend(&id);
        }
    }

    fn schedule_resend(&self, id: &str) {
        let weak: Weak<RefCell<Inner>> = Rc::downgrade(&self.0);
        let mut inner = self.0.borrow_mut();
        let Some(p) = inner.pending.iter_mut().find(|p| p.id == id) else {
            return;
        };
        let owned = id.to_string();
        p._timer = Some(Timeout::new(
            backoff_ms(p.attempt, RESEND_BASE_MS, RESEND_CAP_MS),
            move || {
                if let Some(inner) = weak.upgrade() {
                    Bridge(inner).resend(&owned);
                }
            },
        ));
    }

    fn resend(&self, id: &str) {
        let found = {
            let mut inner = self.0.borrow_mut();
            let host = inner.host.clone();
            inner.pending.iter_mut().find(|p| p.id == id).map(|p| {
                p.attempt += 1;
                (p.text.clone(), host)
            })
        };
        if let Some((text, Some(host))) = found {
            post_text(&text, &host);
            self.schedule_resend(id);
        }
    }

    /// Reports the content height; sent whenever it changes once the host is known.
    pub fn set_height(&self, height: u32) {
        self.0.borrow_mut().height = height;
        self.flush_height();
    }

    fn flush_height(&self) {
        let (height, ready) = {
            let inner = self.0.borrow();
            (
                inner.height,
                inner.host.is_some() && inner.height != inner.sent_height,
            )
        };
        if ready && height > 0 {
            self.0.borrow_mut().sent_height = height;
            self.send(&Outbound::Resize { height }, None);
        }
    }

    fn reply_error(&self, error: ErrorPayload, channel: &Channel) {
        let (_, text) = self.envelope_text(&Outbound::Error(error), None);
        post_text(&text, channel);
    }

    /// Becomes the host's: from now on messages go on `channel`, and `hello` stops.
    fn adopt(&self, channel: Channel) {
        let port_listener = match &channel {
            Channel::Port(p) => {
                let listener = self.listen(p, true);
                // A port's messages wait until it is started.
                p.start();
                Some(listener)
            }
            Channel::Origin(_) => None,
        };
        let mut inner = self.0.borrow_mut();
        inner.hello_timer = None;
        inner._port_listener = port_listener;
        HOST.with(|h| *h.borrow_mut() = Some((channel.clone(), inner.session.clone())));
        inner.host = Some(channel);
    }

    fn receive(&self, e: &MessageEvent, on_port: bool) {
        let data = e.data();
        let (session, host) = {
            let inner = self.0.borrow();
            (inner.session.clone(), inner.host.clone())
        };
        // Before anything else: only a message in Ally's envelope, for this
        // session, is read at all. Anything else, of any size, is ignored
        // without a reply, and never copied.
        if !data.is_object()
            || get(&data, "ally").is_undefined()
            || get(&data, "session").as_string().as_deref() != Some(session.as_str())
        {
            return;
        }
        let id = get(&data, "id").as_string();
        let is_init = get(&data, "type").as_string().as_deref() == Some("init");
        let reply_to = match (on_port, &host) {
            // Only the port's other end can write to it: the host's own code.
            (true, Some(h)) => h.clone(),
            (true, None) => return,
            (false, _) => {
                let origin = e.origin();
                let window = gloo::utils::window();
                let from_parent = match (e.source(), window.parent()) {
                    (Some(src), Ok(Some(parent))) => js_sys::Object::is(&src, &parent),
                    _ => false,
                };
                if !from_parent || !origin_allowed(&self.0.borrow().allow, &origin) {
                    return;
                }
                // An init brings the host's end of the private channel: even an
                // error about it goes there.
                let own = match e.ports().get(0).dyn_into::<MessagePort>() {
                    Ok(port) => Channel::Port(port),
                    _ => Channel::Origin(origin.clone()),
                };
                match &host {
                    None => own,
                    // The host speaks on the window (no port): only from its origin.
                    Some(Channel::Origin(h)) if *h == origin && !is_init => own,
                    // Taken: a later init (another script answered hello first,
                    // or a host answered twice) is told so on its own channel,
                    // and gets nothing else; the rest of the window is not heard.
                    Some(_) => {
                        if is_init {
                            self.reply_error(already_connected(id.as_deref()), &own);
                        }
                        return;
                    }
                }
            }
        };
        let Some(text) = text_of(&data) else {
            let error = ErrorPayload::new("bad_message", "message: not JSON", None);
            return self.reply_error(answering(error, id.as_deref()), &reply_to);
        };
        let mut dropped = None;
        if text.len() > MAX_MESSAGE_BYTES {
            let too_large = |what: &str| {
                let message = format!(
                    "{what}: at most {MAX_MESSAGE_BYTES} bytes of JSON, got {}",
                    text.len()
                );
                answering(ErrorPayload::new("too_large", message, None), id.as_deref())
            };
            if !(is_init && host.is_none()) {
                // Refused, and nothing else changes. (The report names a
                // too-large `add` itself, with its place among the results.)
                let kind = get(&data, "type").as_string().unwrap_or_default();
                if kind != "add" {
                    self.reply_error(too_large("message"), &reply_to);
                }
                let on_event = self.0.borrow().on_event.clone();
                return on_event.emit(BridgeEvent::TooLarge {
                    kind,
                    bytes: text.len(),
                    about: about(&data),
                });
            }
            // An init too large to read whole starts without its resume, and
            // says so; one still too large ends the run with a friendly screen,
            // never "getting ready" for good.
            // (Taken out of `data` itself, which is what is read below.)
            match without_resume(&data) {
                Some(_) => {
                    let error = ErrorPayload::new(
                        "too_large",
                        format!(
                            "resume: the init was {} bytes of JSON, more than {MAX_MESSAGE_BYTES}; started without the resume",
                            text.len()
                        ),
                        Some("resume"),
                    );
                    dropped = Some(answering(error, id.as_deref()));
                }
                None => {
                    self.adopt(reply_to);
                    let on_event = self.0.borrow().on_event.clone();
                    return on_event.emit(BridgeEvent::Unusable(too_large("init")));
                }
            }
        }
        let Some(value) = value_of(&data, 0) else {
            return;
        };
        let msg = match read_inbound(&value, &session) {
            Ok(Some((_, msg))) => msg,
            Ok(None) => return,
            Err(error) => return self.reply_error(answering(error, id.as_deref()), &reply_to),
        };
        let on_event = self.0.borrow().on_event.clone();
        match msg {
            Inbound::Ack { reply_to } => {
                let mut inner = self.0.borrow_mut();
                let acked = inner.pending.iter().position(|p| p.id == reply_to);
                if let Some(at) = acked {
                    let tag = inner.pending.remove(at).tag;
                    drop(inner);
                    on_event.emit(BridgeEvent::Delivered(tag));
                }
            }
            Inbound::Init { .. } => {
                // Only on the port can a second init get this far.
                if host.is_some() {
                    return self.reply_error(already_connected(id.as_deref()), &reply_to);
                }
                self.adopt(reply_to.clone());
                if let Some(error) = dropped {
                    self.reply_error(error, &reply_to);
                }
                on_event.emit(BridgeEvent::Host(msg));
                self.flush_height();
            }
            Inbound::Reset { .. }
            | Inbound::Add { .. }
            | Inbound::Live { .. }
            | Inbound::Attention { .. } => {
                if host.is_some() {
                    on_event.emit(BridgeEvent::Host(msg));
                }
            }
        }
    }
}

/// How deep a message may nest: serde_json's own limit, so the widget reads
/// what the core's parser reads.
const MAX_DEPTH: u8 = 128;

/// A posted message as JSON, read from the object the browser already
/// parsed rather than from its text: hand-written so the child's download
/// carries no JSON parser. It reads what `JSON.stringify` would write
/// (undefined and functions left out of objects, `null` in arrays, numbers
/// that are not finite as `null`), whole numbers as integers; `None` nested
/// deeper than [`MAX_DEPTH`].
pub fn value_of(v: &JsValue, depth: u8) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    if let Some(s) = v.as_string() {
        return Some(Value::String(s));
    }
    if let Some(n) = v.as_f64() {
        // Safe integers as integers: `as_u64` must read 1 as 1.
        let whole = n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0;
        return Some(match (whole, n >= 0.0) {
            (true, true) => Value::from(n as u64),
            (true, false) => Value::from(n as i64),
            _ => serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number),
        });
    }
    if let Some(b) = v.as_bool() {
        return Some(Value::Bool(b));
    }
    if js_sys::Array::is_array(v) {
        let list: &js_sys::Array = v.unchecked_ref();
        return list
            .iter()
            .map(|x| value_of(&x, depth + 1))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array);
    }
    if !v.is_object() {
        return Some(Value::Null);
    }
    let mut map = serde_json::Map::new();
    for key in js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).iter() {
        let x = js_sys::Reflect::get(v, &key).unwrap_or(JsValue::UNDEFINED);
        if x.is_undefined() || x.is_function() {
            continue;
        }
        map.insert(key.as_string()?, value_of(&x, depth + 1)?);
    }
    Some(Value::Object(map))
}

/// A property of a message's object; `undefined` when it has none.
fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `error`, answering message `id` when it has one.
fn answering(error: ErrorPayload, id: Option<&str>) -> ErrorPayload {
    match id {
        Some(id) => error.answering(id),
        None => error,
    }
}

/// The reply to an init that came after the widget had its host.
fn already_connected(id: Option<&str>) -> ErrorPayload {
    answering(
        ErrorPayload::new(
            "already_connected",
            "init: this page of Ally took the first init it was given; this one was not taken (another script on the page may have answered its hello first)",
            None,
        ),
        id,
    )
}

/// The session of the result a too-large `add` carried, so the report can
/// say which session it could not show.
fn about(data: &JsValue) -> Option<String> {
    let session = get(&get(&get(data, "payload"), "result"), "session").as_string()?;
    Some(session.chars().take(200).collect())
}

/// Takes the `resume` out of a too-large `init`; `None` when it is still
/// too large.
fn without_resume(data: &JsValue) -> Option<()> {
    let payload = get(data, "payload");
    js_sys::Reflect::delete_property(
        payload.dyn_ref::<js_sys::Object>()?,
        &JsValue::from_str("resume"),
    )
    .ok()?;
    (text_of(data)?.len() <= MAX_MESSAGE_BYTES).then_some(())
}

/// Watches the widget's root element and reports its height to the host.
/// Returns the clean-up for `use_effect_with`.
pub fn watch_height(root: NodeRef, channel: Rc<RefCell<Option<Bridge>>>) -> impl FnOnce() {
    let measure = {
        let root = root.clone();
        move || {
            let height = root
                .cast::<web_sys::HtmlElement>()
                .map(|el| el.offset_height().max(0) as u32)
                .unwrap_or(0);
            if let Some(b) = channel.borrow().as_ref() {
                b.set_height(height);
            }
        }
    };
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(measure);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
    if let (Some(o), Some(el)) = (&observer, root.cast::<web_sys::Element>()) {
        o.observe(&el);
    }
    move || {
        if let Some(o) = observer {
            o.disconnect();
        }
        drop(callback);
    }
}

/// The last line of defence: tells the host that the widget stopped.
pub fn report_fatal(error: ErrorPayload) {
    if let Some((channel, session)) = HOST.with(|h| h.borrow().clone()) {
        let id = format!("fatal-{}", random_prefix());
        post_text(
            &Outbound::Error(error).envelope(&id, &session, None),
            &channel,
        );
    }
}
