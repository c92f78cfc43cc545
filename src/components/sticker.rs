use yew::{AttrValue, Html};

const STICKER: &str = concat!(
    r##"<svg class="sticker" viewBox="0 0 120 120" aria-hidden="true" focusable="false">"##,
    r##"<circle cx="60" cy="60" r="56" fill="#fff" stroke="#ffd35c" stroke-width="6"/>"##,
    r##"<path d="M60 16L72 46L104 48L79 68L88 100L60 82L32 100L41 68L16 48L48 46Z" fill="#ffc94a" stroke="#d69a00" stroke-width="3" stroke-linejoin="round"/>"##,
    r##"<circle cx="51" cy="58" r="3.5" fill="#3d3d5c"/><circle cx="69" cy="58" r="3.5" fill="#3d3d5c"/>"##,
    r##"<path d="M51 68Q60 76 69 68" stroke="#3d3d5c" stroke-width="3" stroke-linecap="round" fill="none"/></svg>"##
);

/// A shiny star sticker for the youngest children at the end.
pub fn sticker() -> Html {
    Html::from_html_unchecked(AttrValue::Static(STICKER))
}
