//! Read-aloud with the browser's SpeechSynthesis, where there is one.
//!
//! Everything here is optional: without speech the speaker button is not
//! shown and nothing else changes. Reading can always be stopped: with the
//! speaker button, or by tapping anything else.

use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

thread_local! {
    /// The screen that hears when reading ends, and its number.
    static LISTENER: RefCell<Option<(u32, Callback<()>)>> = const { RefCell::new(None) };
    static SCREENS: Cell<u32> = const { Cell::new(0) };
    /// The one function every utterance calls when it ends, made once for
    /// the page's life: an utterance may end after its screen is gone (WebKit
    /// tells of a cancel late), and must never call a closure already dropped.
    static ENDED: js_sys::Function = Closure::<dyn Fn()>::new(|| {
        let listener = LISTENER.with(|l| l.borrow().as_ref().map(|(_, cb)| cb.clone()));
        if let Some(cb) = listener {
            cb.emit(());
        }
    })
    .into_js_value()
    .unchecked_into();
}

fn synth() -> Option<web_sys::SpeechSynthesis> {
    let window = gloo::utils::window();
    let v = js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
    let has_utterance =
        js_sys::Reflect::has(&window, &JsValue::from_str("SpeechSynthesisUtterance"))
            .unwrap_or(false);
    (!v.is_undefined() && !v.is_null() && has_utterance).then(|| v.unchecked_into())
}

/// Whether this browser can read aloud.
pub fn available() -> bool {
    synth().is_some()
}

/// Reads `text` in `lang` ("en", "es"), replacing whatever was being read;
/// the screen's listener hears when it stops, by itself or because it was stopped.
pub fn say(text: &str, lang: &str) {
    let Some(s) = synth() else { return };
    let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    u.set_lang(lang);
    u.set_rate(0.9);
    ENDED.with(|ended| {
        u.set_onend(Some(ended));
        u.set_onerror(Some(ended));
    });
    s.cancel();
    s.speak(&u);
}

/// Stops reading.
pub fn stop() {
    if let Some(s) = synth() {
        s.cancel();
    }
}

/// The speaker button's state: whether it is reading, and its action
/// (read, or stop reading).
#[derive(Clone, PartialEq)]
pub struct Speaker {
    pub speaking: bool,
    pub toggle: Callback<()>,
    /// Reads the screen again from the start (the youngest tap the mascot).
    pub again: Callback<()>,
}

/// Reads `text` whenever it changes when `auto` is set, and returns the
/// speaker button's state, or `None` where speech is unavailable or off.
#[hook]
pub fn use_read_aloud(
    text: String,
    lang: &'static str,
    enabled: bool,
    auto: bool,
) -> Option<Speaker> {
    let available = *use_memo((), |_| available());
    let speaking = use_state(|| false);
    // While this text is on screen, this screen hears when reading ends. An
    // utterance replaced by the next one also ends; only the end of the last
    // one stops the button.
    {
        let speaking = speaking.setter();
        use_effect_with(text.clone(), move |text| {
            let me = SCREENS.with(|n| {
                n.set(n.get().wrapping_add(1));
                n.get()
            });
            let ended = {
                let speaking = speaking.clone();
                Callback::from(move |_| {
                    if !synth().is_some_and(|s| s.speaking()) {
                        speaking.set(false);
                    }
                })
            };
            LISTENER.with(|l| *l.borrow_mut() = Some((me, ended)));
            if enabled && auto && available {
                say(text, lang);
                speaking.set(true);
            }
            move || {
                stop();
                // The next screen may have taken its place already.
                LISTENER.with(|l| {
                    let mut l = l.borrow_mut();
                    if l.as_ref().is_some_and(|(n, _)| *n == me) {
                        *l = None;
                    }
                })
            }
        });
    }
    (enabled && available).then(|| {
        let on = *speaking;
        let speaking = speaking.setter();
        let again = {
            let (text, speaking) = (text.clone(), speaking.clone());
            Callback::from(move |_| {
                say(&text, lang);
                speaking.set(true);
            })
        };
        Speaker {
            speaking: on,
            toggle: Callback::from(move |_| {
                if on {
                    stop();
                } else {
                    say(&text, lang);
                }
                speaking.set(!on);
            }),
            again,
        }
    })
}
