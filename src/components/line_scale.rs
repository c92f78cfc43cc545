use super::face::face;
use super::parts::Inputs;
use crate::core::answer::Pick;
use crate::core::catalog::{fill, LineEnds};
use yew::prelude::*;

const WIDTH: f64 = 1000.0;
const PAD: f64 = 40.0;

/// A whole number for an SVG attribute (no float formatting in the download).
fn px(v: f64) -> String {
    (v.round() as i32).to_string()
}

fn x_of(n: u8) -> f64 {
    PAD + (WIDTH - 2.0 * PAD) * f64::from(n) / 10.0
}

/// A 0–10 line following the WAI-ARIA slider pattern. A tap anywhere picks a
/// point; there is no thumb, no bulb and no value until the child taps: the
/// slider has no `aria-valuenow` and says "Not chosen yet", so nothing looks
/// answered before it is.
/// `low` and `high` are the words at 0 and 10; `out_of_ten` says a point
/// ("{n} out of 10") in the child's language.
pub fn line_scale(
    ends: LineEnds,
    (low, high): (&'static str, &'static str),
    out_of_ten: &'static str,
    (not_chosen, next_label): (&'static str, &'static str),
    inputs: &Inputs,
    on_answer: Callback<u8>,
) -> Html {
    let draft = &inputs.draft;
    let value = match **draft {
        Some(Pick::Level(n)) => Some(n),
        _ => None,
    };
    let set = {
        let draft = draft.clone();
        move |n: u8| draft.set(Some(Pick::Level(n)))
    };
    let track = inputs.track.clone();
    let dragging = inputs.dragging.clone();

    let set_from_pointer = {
        let set = set.clone();
        let track = track.clone();
        move |e: &PointerEvent| {
            let Some(el) = track.cast::<web_sys::Element>() else {
                return;
            };
            let r = el.get_bounding_client_rect();
            if r.width() <= 0.0 {
                return;
            }
            // The drawn line starts and ends PAD/WIDTH inside the element.
            let inset = r.width() * PAD / WIDTH;
            let t = (f64::from(e.client_x()) - r.left() - inset) / (r.width() - 2.0 * inset);
            set((t.clamp(0.0, 1.0) * 10.0).round() as u8);
        }
    };
    let onpointerdown = {
        let set = set_from_pointer.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(el) = e.target_dyn_into::<web_sys::Element>() {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            *dragging.borrow_mut() = true;
            set(&e);
        })
    };
    let onpointermove = {
        let dragging = dragging.clone();
        Callback::from(move |e: PointerEvent| {
            if *dragging.borrow() {
                set_from_pointer(&e);
            }
        })
    };
    let onpointerup = {
        let dragging = dragging.clone();
        Callback::from(move |_: PointerEvent| *dragging.borrow_mut() = false)
    };
    let onkeydown = {
        let (set, draft) = (set.clone(), draft.clone());
        Callback::from(move |e: KeyboardEvent| {
            // The value now, not at the last render: keys can come faster than frames.
            let now = match *draft {
                Some(Pick::Level(n)) => Some(i16::from(n)),
                _ => None,
            };
            let next = match e.key().as_str() {
                // Before a choice, keys start from the middle.
                "ArrowRight" | "ArrowUp" => now.unwrap_or(5) + 1,
                "ArrowLeft" | "ArrowDown" => now.unwrap_or(5) - 1,
                "PageUp" => now.unwrap_or(5) + 2,
                "PageDown" => now.unwrap_or(5) - 2,
                "Home" => 0,
                "End" => 10,
                _ => return,
            };
            e.prevent_default();
            set(next.clamp(0, 10) as u8);
        })
    };

    let text = match value {
        Some(n) => fill(out_of_ten, &[("n", &n.to_string())]),
        None => not_chosen.to_string(),
    };
    let ticks = (0..=10u8).map(|n| {
        html! { <text x={px(x_of(n))} y="118" class="tick">{ n }</text> }
    });
    let filled = value.map(|n| {
        html! { <>
            <rect x={px(PAD)} y="44" width={px(x_of(n) - PAD)} height="22" rx="11" class="fill" />
            <circle cx={px(x_of(n))} cy="55" r="30" class="thumb" />
        </> }
    });
    // The thermometer's bulb only once there is a value: at 0 before a tap it
    // would look like a handle already set there.
    let bulb = (ends == LineEnds::Thermometer && value.is_some())
        .then(|| html! { <circle cx={px(PAD)} cy="55" r="28" class="bulb" /> });
    let chosen = value.is_some().to_string();
    let end = |mood: f64, word: &'static str| match ends {
        LineEnds::Faces => {
            // The 9–12 trust lines: the check-out's neutral faces.
            html! { <span class="end">{ face(mood, true) }<span>{ word }</span></span> }
        }
        _ => html! { <span class="end">{ word }</span> },
    };
    let on_next = Callback::from(move |_| {
        if let Some(n) = value {
            on_answer.emit(n);
        }
    });
    let ends_class = match ends {
        LineEnds::Thermometer => "thermometer",
        LineEnds::Faces => "with-faces",
        LineEnds::Words => "with-words",
    };
    html! {
        <div class={classes!("line-scale", ends_class)} data-chosen={chosen.clone()}>
            <div class="line-row">
                { end(0.0, low) }
                <div ref={track} class="track" role="slider" tabindex="0"
                     aria-labelledby="prompt-text" aria-valuemin="0" aria-valuemax="10"
                     aria-valuenow={value.map(|n| n.to_string())} aria-valuetext={text.clone()}
                     data-chosen={chosen}
                     {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()}
                     onpointercancel={onpointerup} {onkeydown}>
                    <svg viewBox="0 0 1000 130" aria-hidden="true" focusable="false">
                        { for bulb }
                        <rect x={px(PAD)} y="44" width={px(WIDTH - 2.0 * PAD)} height="22" rx="11" class="rail" />
                        { for filled }
                        { for ticks }
                    </svg>
                </div>
                { end(1.0, high) }
            </div>
            <p class="line-value" aria-hidden="true">{ text }</p>
            <button type="button" class="primary next" disabled={value.is_none()} onclick={on_next}>
                { next_label }
            </button>
        </div>
    }
}
