use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FaceProps {
    /// 0.0 is the saddest face, 1.0 the happiest.
    pub mood: f64,
}

/// Soft colours from a cool blue (sad) to a warm yellow (happy); no red,
/// so no face looks like a wrong answer.
const COLOURS: [&str; 5] = ["#9dbbe8", "#b6d7e6", "#f1e6a6", "#ffd978", "#ffc94a"];

/// A face drawn in SVG, so no emoji font is needed.
#[component]
pub fn Face(props: &FaceProps) -> Html {
    let t = props.mood.clamp(0.0, 1.0);
    let colour = COLOURS[(t * 4.0).round() as usize];
    // The mouth bends from a frown to a smile.
    let ends = 72.0 - 10.0 * t;
    let middle = 58.0 + 26.0 * t;
    let mouth = format!("M32 {ends:.1} Q50 {middle:.1} 68 {ends:.1}");
    // Sad faces get worried brows: the inner ends raised.
    let brow = (0.5 - t).max(0.0) * 14.0;
    html! {
        <svg class="face" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
            <circle cx="50" cy="50" r="46" fill={colour} stroke="#3d3d5c" stroke-width="3" />
            <circle cx="36" cy="42" r="5" fill="#3d3d5c" />
            <circle cx="64" cy="42" r="5" fill="#3d3d5c" />
            if brow > 1.0 {
                <path d={format!("M27 32 L42 {:.1}", 32.0 - brow)} stroke="#3d3d5c" stroke-width="3" stroke-linecap="round" fill="none" />
                <path d={format!("M73 32 L58 {:.1}", 32.0 - brow)} stroke="#3d3d5c" stroke-width="3" stroke-linecap="round" fill="none" />
            }
            <path d={mouth} stroke="#3d3d5c" stroke-width="5" stroke-linecap="round" fill="none" />
        </svg>
    }
}
