use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpeakerProps {
    /// "Read aloud" in the child's language.
    pub label: AttrValue,
    pub on_speak: Callback<()>,
}

/// The speaker button that reads the screen aloud.
#[component]
pub fn Speaker(props: &SpeakerProps) -> Html {
    let onclick = props.on_speak.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="speaker" aria-label={props.label.clone()} title={props.label.clone()} {onclick}>
            <svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
                <path d="M8 18 H16 L26 9 V39 L16 30 H8 Z" fill="currentColor" />
                <path d="M32 17 Q37 24 32 31 M36 12 Q45 24 36 36" stroke="currentColor" stroke-width="3.5"
                      stroke-linecap="round" fill="none" />
            </svg>
        </button>
    }
}
