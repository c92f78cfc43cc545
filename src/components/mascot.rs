use yew::{AttrValue, Html};

/// Ally's mascot: a round, smiling friend who waves. Static SVG markup (the
/// cheapest way to ship a picture in the download).
const MASCOT: &str = concat!(
    r##"<svg class="mascot" viewBox="0 0 120 120" aria-hidden="true" focusable="false">"##,
    r##"<ellipse cx="60" cy="112" rx="34" ry="5" fill="#000" opacity="0.08"/>"##,
    r##"<path d="M22 72C22 38 40 18 60 18C80 18 98 38 98 72C98 96 82 108 60 108C38 108 22 96 22 72Z" fill="#7cc8b8" stroke="#2f5d62" stroke-width="3"/>"##,
    r##"<path class="mascot-arm" d="M96 70Q112 56 108 40" stroke="#2f5d62" stroke-width="6" stroke-linecap="round" fill="none"/>"##,
    r##"<circle cx="47" cy="58" r="6" fill="#2f5d62"/><circle cx="73" cy="58" r="6" fill="#2f5d62"/>"##,
    r##"<circle cx="49" cy="56" r="2" fill="#fff"/><circle cx="75" cy="56" r="2" fill="#fff"/>"##,
    r##"<ellipse cx="38" cy="72" rx="6" ry="4" fill="#f7a8a8" opacity="0.7"/><ellipse cx="82" cy="72" rx="6" ry="4" fill="#f7a8a8" opacity="0.7"/>"##,
    r##"<path d="M48 76Q60 88 72 76" stroke="#2f5d62" stroke-width="4" stroke-linecap="round" fill="none"/>"##,
    r##"<path d="M60 18Q58 8 66 6" stroke="#2f5d62" stroke-width="3" stroke-linecap="round" fill="none"/>"##,
    r##"<circle cx="67" cy="6" r="4" fill="#ffc94a"/></svg>"##
);

/// The mascot, for the younger bands' welcome and end.
pub fn mascot() -> Html {
    Html::from_html_unchecked(AttrValue::Static(MASCOT))
}
