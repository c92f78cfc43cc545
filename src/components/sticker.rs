use yew::prelude::*;

/// A shiny star sticker for the youngest children at the end.
#[component]
pub fn Sticker() -> Html {
    html! {
        <svg class="sticker" viewBox="0 0 120 120" aria-hidden="true" focusable="false">
            <circle cx="60" cy="60" r="56" fill="#fff" stroke="#ffd35c" stroke-width="6" />
            <path d="M60 16 L72 46 L104 48 L79 68 L88 100 L60 82 L32 100 L41 68 L16 48 L48 46 Z"
                  fill="#ffc94a" stroke="#d69a00" stroke-width="3" stroke-linejoin="round" />
            <circle cx="51" cy="58" r="3.5" fill="#3d3d5c" />
            <circle cx="69" cy="58" r="3.5" fill="#3d3d5c" />
            <path d="M51 68 Q60 76 69 68" stroke="#3d3d5c" stroke-width="3" stroke-linecap="round" fill="none" />
        </svg>
    }
}
