//! Read-aloud with the browser's SpeechSynthesis, where there is one.
//!
//! Everything here is optional: without speech the speaker button is not
//! shown and nothing else changes. Reading can always be stopped: with the
//! speaker button, or by tapping anything else.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

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
/// `ended` runs when it stops, by itself or because it was stopped.
pub fn say(text: &str, lang: &str, ended: &js_sys::Function) {
    let Some(s) = synth() else { return };
    let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    u.set_lang(lang);
    u.set_rate(0.9);
    u.set_onend(Some(ended));
    u.set_onerror(Some(ended));
    s.cancel();
    s.speak(&u);
}

/// Stops reading.
pub fn stop() {
    if let Some(s) = synth() {
        s.cancel();
    }
}

fn function(c: &Closure<dyn Fn()>) -> &js_sys::Function {
    c.as_ref().unchecked_ref()
}

/// The speaker button's state: whether it is reading, and its action
/// (read, or stop reading).
#[derive(Clone, PartialEq)]
pub struct Speaker {
    pub speaking: bool,
    pub toggle: Callback<()>,
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
    // One closure for every utterance of this screen. An utterance replaced by
    // the next one also ends; only the end of the last one stops the button.
    let ended = use_memo((), {
        let speaking = speaking.setter();
        move |_| {
            Closure::<dyn Fn()>::new(move || {
                if !synth().is_some_and(|s| s.speaking()) {
                    speaking.set(false);
                }
            })
        }
    });
    {
        let (ended, speaking) = (ended.clone(), speaking.setter());
        use_effect_with(text.clone(), move |text| {
            if enabled && auto && available {
                say(text, lang, function(&ended));
                speaking.set(true);
            }
            stop
        });
    }
    (enabled && available).then(|| {
        let on = *speaking;
        let speaking = speaking.setter();
        Speaker {
            speaking: on,
            toggle: Callback::from(move |_| {
                if on {
                    stop();
                } else {
                    say(&text, lang, function(&ended));
                }
                speaking.set(!on);
            }),
        }
    })
}
