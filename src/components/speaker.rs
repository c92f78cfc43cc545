use yew::prelude::*;

const ICON: &str = concat!(
    r##"<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">"##,
    r##"<path d="M8 18H16L26 9V39L16 30H8Z" fill="currentColor"/>"##,
    r##"<path d="M32 17Q37 24 32 31M36 12Q45 24 36 36" stroke="currentColor" stroke-width="3.5" stroke-linecap="round" fill="none"/></svg>"##
);

/// The speaker button that reads the screen aloud; `label` is "Read aloud"
/// in the child's language.
pub fn speaker(label: &'static str, on_speak: Callback<()>) -> Html {
    let onclick = on_speak.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="speaker" aria-label={label} title={label} {onclick}>
            { Html::from_html_unchecked(AttrValue::Static(ICON)) }
        </button>
    }
}
