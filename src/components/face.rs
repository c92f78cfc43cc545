use yew::{AttrValue, Html};

/// Soft colours from a cool blue (sad) to a warm yellow (happy) for how the
/// child feels; no red, so no face looks like a wrong answer.
const COLOURS: [&str; 5] = ["#9dbbe8", "#b6d7e6", "#f1e6a6", "#ffd978", "#ffc94a"];
/// One quiet colour for every face that rates the helper: only the
/// expression changes, so no end of the row looks warmer or "right".
const NEUTRAL: &str = "#e7e3f3";

/// A face drawn in SVG (so no emoji font is needed); `mood` 0.0 is the
/// saddest, 1.0 the happiest; `neutral` for the check-out's trust faces.
/// Made as markup text: pictures cost less in the download that way than as
/// virtual DOM.
pub fn face(mood: f64, neutral: bool) -> Html {
    let t = mood.clamp(0.0, 1.0);
    let colour = match neutral {
        true => NEUTRAL,
        false => COLOURS[(t * 4.0).round() as usize],
    };
    // The mouth bends from a frown to a smile; sad faces get worried brows.
    let ends = (72.0 - 10.0 * t).round() as i32;
    let middle = (58.0 + 26.0 * t).round() as i32;
    let brow = ((0.5 - t).max(0.0) * 14.0).round() as i32;
    let brows = if brow > 1 {
        format!(
            r##"<path d="M27 32L42 {y}M73 32L58 {y}" stroke="#3d3d5c" stroke-width="3" stroke-linecap="round" fill="none"/>"##,
            y = 32 - brow
        )
    } else {
        String::new()
    };
    Html::from_html_unchecked(AttrValue::from(format!(
        r##"<svg class="face" viewBox="0 0 100 100" aria-hidden="true" focusable="false"><circle cx="50" cy="50" r="46" fill="{colour}" stroke="#3d3d5c" stroke-width="3"/><circle cx="36" cy="42" r="5" fill="#3d3d5c"/><circle cx="64" cy="42" r="5" fill="#3d3d5c"/>{brows}<path d="M32 {ends}Q50 {middle} 68 {ends}" stroke="#3d3d5c" stroke-width="5" stroke-linecap="round" fill="none"/></svg>"##
    )))
}
