use yew::prelude::*;

/// Ally's mascot: a round, smiling friend who waves.
#[component]
pub fn Mascot() -> Html {
    html! {
        <svg class="mascot" viewBox="0 0 120 120" aria-hidden="true" focusable="false">
            <ellipse cx="60" cy="112" rx="34" ry="5" fill="#000" opacity="0.08" />
            <path d="M22 72 C22 38 40 18 60 18 C80 18 98 38 98 72 C98 96 82 108 60 108 C38 108 22 96 22 72Z"
                  fill="#7cc8b8" stroke="#2f5d62" stroke-width="3" />
            <path class="mascot-arm" d="M96 70 Q112 56 108 40" stroke="#2f5d62" stroke-width="6"
                  stroke-linecap="round" fill="none" />
            <circle cx="47" cy="58" r="6" fill="#2f5d62" />
            <circle cx="73" cy="58" r="6" fill="#2f5d62" />
            <circle cx="49" cy="56" r="2" fill="#fff" />
            <circle cx="75" cy="56" r="2" fill="#fff" />
            <ellipse cx="38" cy="72" rx="6" ry="4" fill="#f7a8a8" opacity="0.7" />
            <ellipse cx="82" cy="72" rx="6" ry="4" fill="#f7a8a8" opacity="0.7" />
            <path d="M48 76 Q60 88 72 76" stroke="#2f5d62" stroke-width="4" stroke-linecap="round" fill="none" />
            <path d="M60 18 Q58 8 66 6" stroke="#2f5d62" stroke-width="3" stroke-linecap="round" fill="none" />
            <circle cx="67" cy="6" r="4" fill="#ffc94a" />
        </svg>
    }
}
