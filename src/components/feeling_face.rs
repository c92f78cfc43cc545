use yew::{AttrValue, Html};

macro_rules! face {
    ($colour:literal, $parts:literal) => {
        concat!(
            r##"<svg class="face" viewBox="0 0 100 100" aria-hidden="true" focusable="false">"##,
            r##"<circle cx="50" cy="50" r="46" fill=""##,
            $colour,
            r##"" stroke="#3d3d5c" stroke-width="3"/><g stroke="#3d3d5c" stroke-linecap="round" fill="none">"##,
            $parts,
            "</g></svg>"
        )
    };
}

const EYES: &str = r##"<circle cx="36" cy="42" r="5" fill="#3d3d5c" stroke="none"/><circle cx="64" cy="42" r="5" fill="#3d3d5c" stroke="none"/>"##;

/// A face drawn in SVG for each of the younger bands' feelings.
pub fn feeling_face(feeling: &str) -> Html {
    let svg: &'static str = match feeling {
        "happy" => face!(
            "#ffd35c",
            r##"EYES<path d="M30 60Q50 82 70 60" stroke-width="5"/>"##
        ),
        "sad" => face!(
            "#9dbbe8",
            r##"EYES<path d="M27 33L41 27M73 33L59 27" stroke-width="3"/><path d="M33 72Q50 58 67 72" stroke-width="5"/><path d="M66 50Q70 58 66 61Q62 58 66 50Z" fill="#4a7fd4" stroke="none"/>"##
        ),
        "angry" => face!(
            "#f59a6b",
            r##"EYES<path d="M26 28L42 36M74 28L58 36" stroke-width="4"/><path d="M34 70Q50 62 66 70" stroke-width="5"/>"##
        ),
        // Fear, not surprise: brows raised and drawn together, wide eyes, and
        // lips stretched back over clenched teeth (a surprised face drops its
        // jaw into an "O" under round brows instead).
        "scared" => face!(
            "#c9b3ec",
            r##"<circle cx="36" cy="44" r="9" fill="#fff" stroke-width="2.5"/><circle cx="64" cy="44" r="9" fill="#fff" stroke-width="2.5"/><circle cx="36" cy="45" r="3.5" fill="#3d3d5c" stroke="none"/><circle cx="64" cy="45" r="3.5" fill="#3d3d5c" stroke="none"/><path d="M25 29L43 22M75 29L57 22" stroke-width="3.5"/><rect x="31" y="64" width="38" height="13" rx="6" fill="#fff" stroke-width="3"/><path d="M31 70.5H69M40 64V77M50 64V77M60 64V77" stroke-width="1.6"/>"##
        ),
        "calm" => face!(
            "#a6dcbc",
            r##"<path d="M29 43Q36 49 43 43M57 43Q64 49 71 43" stroke-width="4"/><path d="M38 64Q50 72 62 64" stroke-width="4"/>"##
        ),
        "worried" => face!(
            "#a9d8dc",
            r##"EYES<path d="M27 32L41 26M73 32L59 26" stroke-width="3"/><path d="M32 68Q38 62 44 68Q50 74 56 68Q62 62 68 68" stroke-width="4"/>"##
        ),
        "excited" => face!(
            "#ffb8cb",
            r##"<circle cx="36" cy="40" r="6" fill="#3d3d5c" stroke="none"/><circle cx="64" cy="40" r="6" fill="#3d3d5c" stroke="none"/><circle cx="38" cy="38" r="2" fill="#fff" stroke="none"/><circle cx="66" cy="38" r="2" fill="#fff" stroke="none"/><path d="M28 56Q50 90 72 56Z" fill="#3d3d5c" stroke="none"/><path d="M40 70Q50 78 60 70" stroke="#f26d8f" stroke-width="5"/>"##
        ),
        "tired" => face!(
            "#cfcfe4",
            r##"<path d="M29 45L43 45M57 45L71 45" stroke-width="4"/><path d="M40 68L60 68" stroke-width="4"/><path d="M72 18L80 18L72 26L80 26" stroke-width="2.5" stroke-linejoin="round"/>"##
        ),
        // "Not sure": a plain face with a question mark beside it.
        "not_sure" => face!(
            "#e6e6ee",
            r##"EYES<path d="M38 67Q44 63 50 67Q56 71 62 67" stroke-width="4"/><path d="M72 18Q72 10 80 10Q88 10 88 17Q88 23 80 25V30" stroke-width="4"/><circle cx="80" cy="37" r="2.5" fill="#3d3d5c" stroke="none"/>"##
        ),
        _ => face!("#eeeeee", "EYES"),
    };
    if svg.as_bytes().windows(4).any(|w| w == b"EYES") {
        Html::from_html_unchecked(AttrValue::from(crate::core::words::replace(
            svg, "EYES", EYES,
        )))
    } else {
        Html::from_html_unchecked(AttrValue::Static(svg))
    }
}
