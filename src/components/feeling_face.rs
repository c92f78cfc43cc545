use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FeelingFaceProps {
    /// A feeling id from the catalog.
    pub feeling: &'static str,
}

const INK: &str = "#3d3d5c";

/// A face drawn in SVG for each of the younger bands' feelings.
#[component]
pub fn FeelingFace(props: &FeelingFaceProps) -> Html {
    let (colour, parts) = match props.feeling {
        "happy" => (
            "#ffd35c",
            html! { <>
                { dots() }
                <path d="M30 60 Q50 82 70 60" stroke={INK} stroke-width="5" stroke-linecap="round" fill="none" />
            </> },
        ),
        "sad" => (
            "#9dbbe8",
            html! { <>
                { dots() }
                <path d="M27 33 L41 27 M73 33 L59 27" stroke={INK} stroke-width="3" stroke-linecap="round" />
                <path d="M33 72 Q50 58 67 72" stroke={INK} stroke-width="5" stroke-linecap="round" fill="none" />
                <path d="M66 50 Q70 58 66 61 Q62 58 66 50Z" fill="#4a7fd4" />
            </> },
        ),
        "angry" => (
            "#f59a6b",
            html! { <>
                { dots() }
                <path d="M26 28 L42 36 M74 28 L58 36" stroke={INK} stroke-width="4" stroke-linecap="round" />
                <path d="M34 70 Q50 62 66 70" stroke={INK} stroke-width="5" stroke-linecap="round" fill="none" />
            </> },
        ),
        "scared" => (
            "#c9b3ec",
            html! { <>
                <circle cx="36" cy="42" r="9" fill="#fff" stroke={INK} stroke-width="2.5" />
                <circle cx="64" cy="42" r="9" fill="#fff" stroke={INK} stroke-width="2.5" />
                <circle cx="36" cy="43" r="4" fill={INK} />
                <circle cx="64" cy="43" r="4" fill={INK} />
                <path d="M28 24 Q36 19 43 25 M57 25 Q64 19 72 24" stroke={INK} stroke-width="3" stroke-linecap="round" fill="none" />
                <ellipse cx="50" cy="70" rx="7" ry="9" fill={INK} />
            </> },
        ),
        "calm" => (
            "#a6dcbc",
            html! { <>
                <path d="M29 43 Q36 49 43 43 M57 43 Q64 49 71 43" stroke={INK} stroke-width="4" stroke-linecap="round" fill="none" />
                <path d="M38 64 Q50 72 62 64" stroke={INK} stroke-width="4" stroke-linecap="round" fill="none" />
            </> },
        ),
        "worried" => (
            "#a9d8dc",
            html! { <>
                { dots() }
                <path d="M27 32 L41 26 M73 32 L59 26" stroke={INK} stroke-width="3" stroke-linecap="round" />
                <path d="M32 68 Q38 62 44 68 Q50 74 56 68 Q62 62 68 68" stroke={INK} stroke-width="4" stroke-linecap="round" fill="none" />
            </> },
        ),
        "excited" => (
            "#ffb8cb",
            html! { <>
                <circle cx="36" cy="40" r="6" fill={INK} />
                <circle cx="64" cy="40" r="6" fill={INK} />
                <circle cx="38" cy="38" r="2" fill="#fff" />
                <circle cx="66" cy="38" r="2" fill="#fff" />
                <path d="M28 56 Q50 90 72 56 Z" fill={INK} />
                <path d="M40 70 Q50 78 60 70" stroke="#f26d8f" stroke-width="5" stroke-linecap="round" fill="none" />
            </> },
        ),
        "tired" => (
            "#cfcfe4",
            html! { <>
                <path d="M29 45 L43 45 M57 45 L71 45" stroke={INK} stroke-width="4" stroke-linecap="round" />
                <path d="M40 68 L60 68" stroke={INK} stroke-width="4" stroke-linecap="round" />
                <path d="M72 18 L80 18 L72 26 L80 26" stroke={INK} stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" fill="none" />
            </> },
        ),
        _ => ("#eeeeee", dots()),
    };
    html! {
        <svg class="face" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
            <circle cx="50" cy="50" r="46" fill={colour} stroke={INK} stroke-width="3" />
            { parts }
        </svg>
    }
}

fn dots() -> Html {
    html! { <>
        <circle cx="36" cy="42" r="5" fill={INK} />
        <circle cx="64" cy="42" r="5" fill={INK} />
    </> }
}
