//! Read-aloud with the browser's SpeechSynthesis, where there is one.
//!
//! Everything here is optional: without speech the speaker button is not
//! shown and nothing else changes.

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

/// Reads `text` in `lang` ("en", "es"), replacing whatever was being read.
pub fn say(text: &str, lang: &str) {
    let Some(s) = synth() else { return };
    let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    u.set_lang(lang);
    u.set_rate(0.9);
    s.cancel();
    s.speak(&u);
}

/// Stops reading.
pub fn stop() {
    if let Some(s) = synth() {
        s.cancel();
    }
}

/// Reads `text` whenever it changes when `auto` is set, and returns the
/// speaker button's action, or `None` where speech is unavailable or off.
#[hook]
pub fn use_read_aloud(
    text: String,
    lang: &'static str,
    enabled: bool,
    auto: bool,
) -> Option<Callback<()>> {
    let available = *use_memo((), |_| available());
    {
        let text = text.clone();
        use_effect_with(text, move |text| {
            if enabled && auto && available {
                say(text, lang);
            }
            stop
        });
    }
    (enabled && available).then(|| Callback::from(move |_| say(&text, lang)))
}
