use crate::core::flow::Reaction;
use yew::{AttrValue, Html};

/// Ally's mascot: a round friend who listens. Static SVG markup (the
/// cheapest way to ship a picture in the download); the face is the part
/// that answers the child.
macro_rules! mascot {
    ($reaction:literal, $face:literal) => {
        concat!(
            r##"<svg class="mascot" data-reaction=""##,
            $reaction,
            r##"" viewBox="0 0 120 120" aria-hidden="true" focusable="false">"##,
            r##"<ellipse cx="60" cy="112" rx="34" ry="5" fill="#000" opacity="0.08"/>"##,
            r##"<path d="M22 72C22 38 40 18 60 18C80 18 98 38 98 72C98 96 82 108 60 108C38 108 22 96 22 72Z" fill="#7cc8b8" stroke="#2f5d62" stroke-width="3"/>"##,
            r##"<path class="mascot-arm" d="M96 70Q112 56 108 40" stroke="#2f5d62" stroke-width="6" stroke-linecap="round" fill="none"/>"##,
            r##"<circle cx="47" cy="58" r="6" fill="#2f5d62"/><circle cx="73" cy="58" r="6" fill="#2f5d62"/>"##,
            r##"<circle cx="49" cy="56" r="2" fill="#fff"/><circle cx="75" cy="56" r="2" fill="#fff"/>"##,
            r##"<ellipse cx="38" cy="72" rx="6" ry="4" fill="#f7a8a8" opacity="0.7"/><ellipse cx="82" cy="72" rx="6" ry="4" fill="#f7a8a8" opacity="0.7"/>"##,
            $face,
            r##"<path d="M60 18Q58 8 66 6" stroke="#2f5d62" stroke-width="3" stroke-linecap="round" fill="none"/>"##,
            r##"<circle cx="67" cy="6" r="4" fill="#ffc94a"/></svg>"##
        )
    };
}

/// A warm, open smile: listening.
const LISTENING: &str = mascot!(
    "listening",
    r##"<path d="M48 76Q60 88 72 76" stroke="#2f5d62" stroke-width="4" stroke-linecap="round" fill="none"/>"##
);
/// Soft brows and a small mouth: "that sounds hard".
const CARING: &str = mascot!(
    "caring",
    r##"<path d="M38 46L52 42M82 46L68 42" stroke="#2f5d62" stroke-width="3" stroke-linecap="round" fill="none"/><path d="M52 80Q60 76 68 80" stroke="#2f5d62" stroke-width="4" stroke-linecap="round" fill="none"/>"##
);

/// The mascot, answering what the child said last.
pub fn mascot(reaction: Reaction) -> Html {
    Html::from_html_unchecked(AttrValue::Static(match reaction {
        Reaction::Listening => LISTENING,
        Reaction::Caring => CARING,
    }))
}
