//! The drawing tools' pictures, above their words: pre-readers go by the picture.

use yew::prelude::*;

pub const ERASER: &str = r##"<path d="M14 30L28 10L36 16L22 36H14Z" fill="#f7a8c4" stroke="currentColor" stroke-width="2.5" stroke-linejoin="round"/><path d="M18 24L28 31M8 36H34" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/>"##;
pub const UNDO: &str = r##"<path d="M14 12L7 19L14 26M7 19H24Q33 19 33 27Q33 34 24 34H16" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" fill="none"/>"##;
pub const REDO: &str = r##"<path d="M26 12L33 19L26 26M33 19H16Q7 19 7 27Q7 34 16 34H24" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" fill="none"/>"##;
pub const CLEAR: &str = r##"<path d="M9 12H31M16 12V8H24V12M12 12L14 34H26L28 12M17 17V29M23 17V29" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" fill="none"/>"##;

pub fn icon(paths: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::from(format!(
        r#"<svg viewBox="0 0 40 40" aria-hidden="true" focusable="false">{paths}</svg>"#
    )))
}
