use crate::core::catalog::UI;
use crate::core::config::Locale;
use crate::speech::Speaker;
use yew::prelude::*;

const ICON: &str = concat!(
    r##"<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">"##,
    r##"<path d="M8 18H16L26 9V39L16 30H8Z" fill="currentColor"/>"##,
    r##"<path d="M32 17Q37 24 32 31M36 12Q45 24 36 36" stroke="currentColor" stroke-width="3.5" stroke-linecap="round" fill="none"/></svg>"##
);
const STOP: &str = r##"<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false"><rect x="12" y="12" width="24" height="24" rx="4" fill="currentColor"/></svg>"##;

/// The speaker button: reads the screen aloud, and while it reads, stops it.
pub fn speaker(s: &Speaker, l: Locale) -> Html {
    let (label, icon) = match s.speaking {
        false => (UI.read_aloud.get(l), ICON),
        true => (UI.stop_reading.get(l), STOP),
    };
    let onclick = s.toggle.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="speaker" aria-label={label} title={label} {onclick}>
            { Html::from_html_unchecked(AttrValue::Static(icon)) }
        </button>
    }
}
