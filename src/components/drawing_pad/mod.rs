//! The drawing pad: its hook (the pad's state, held by the page) and its
//! view, which hands pointer events to the state machine (`pointer`) and the
//! canvas (`canvas`); the tools' pictures are in `icons`.

use crate::core::catalog::{self, UI};
use crate::core::config::{AgeBand, Locale};
use crate::core::strokes::{self, Drawing, Point, Stroke, Tool};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlCanvasElement, PointerEvent};
use yew::prelude::*;

mod canvas;
mod icons;
mod pointer;
use canvas::{schedule, to_units, Pad};
use icons::{icon, CLEAR, ERASER, REDO, UNDO};
use pointer::{Ink, Pointers, Touch};

fn css(rgb: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

/// A pointer event as the state machine reads it, in canvas units.
fn touch(canvas: &HtmlCanvasElement, e: &PointerEvent) -> Touch {
    let (x, y) = to_units(canvas, e);
    Touch {
        id: e.pointer_id(),
        pen: e.pointer_type() == "pen",
        finger: e.pointer_type() == "touch",
        primary: e.is_primary(),
        time: e.time_stamp(),
        x,
        y,
        pressure: f64::from(e.pressure()),
    }
}

/// The pad's state, held by the page that shows it (see [`use_pad`]).
pub struct PadState {
    canvas: NodeRef,
    pad: Rc<RefCell<Pad>>,
    brush: UseStateHandle<Brush>,
    /// Bumped when the drawing changes, so the tools' states re-render.
    version: UseStateHandle<u32>,
}

/// The chosen tool, colour and brush.
#[derive(Clone, Copy, PartialEq)]
struct Brush {
    tool: Tool,
    colour: usize,
    size: usize,
}

/// A drawing pad for finger, pen and mouse, with tools for the band.
/// The pad's state: the drawing, the brush, and the canvas fitted to its
/// element whenever that changes size. `initial` is a drawing made before
/// (`ally.strokes/1`), when the child came back. (A hook and a function, not
/// a component: each component costs about 0.6 KB brotli of the download.)
#[hook]
pub fn use_pad(initial: Option<String>) -> PadState {
    let canvas = use_node_ref();
    let pad = {
        use_mut_ref(move || {
            let strokes = initial
                .and_then(|d| strokes::decode(&d).ok())
                .map(|e| {
                    e.strokes
                        .into_iter()
                        .map(|s| Stroke {
                            tool: s.tool,
                            color: s.color,
                            width: s.width(),
                            points: s
                                .points
                                .iter()
                                .map(|&(x, y)| Point {
                                    x: f64::from(x),
                                    y: f64::from(y),
                                    pressure: 0.5,
                                })
                                .collect(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            Pad::new(Pointers::with(Drawing::from_strokes(strokes)))
        })
    };
    let brush = use_state(|| Brush {
        tool: Tool::Pen,
        colour: 0,
        size: 0,
    });
    let version = use_state(|| 0u32);

    // Fit the canvas now and whenever its element changes size.
    {
        let canvas = canvas.clone();
        let pad = pad.clone();
        use_effect_with((), move |_| {
            let el = canvas.cast::<HtmlCanvasElement>();
            if let Some(c) = &el {
                pad.borrow_mut().fit(c);
            }
            let on_resize = {
                let pad = pad.clone();
                let el = el.clone();
                wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                    if let Some(c) = &el {
                        pad.borrow_mut().fit(c);
                    }
                })
            };
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(c)) = (&observer, &el) {
                o.observe(c);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    PadState {
        canvas,
        pad,
        brush,
        version,
    }
}

/// A drawing pad for finger, pen and mouse, with tools for the band. Done
/// gives the drawing, or `None` when the pad is empty; it stands in a row
/// after the screen's other `actions` (Back, "No, thanks").
pub fn drawing_pad(
    state: &PadState,
    band: AgeBand,
    l: Locale,
    on_done: Callback<Option<String>>,
    actions: Html,
) -> Html {
    let PadState {
        canvas,
        pad,
        brush: brush_state,
        version,
    } = state;
    let brush = &**brush_state;
    let onpointerdown = {
        let pad = pad.clone();
        let canvas = canvas.clone();
        let brush = *brush;
        Callback::from(move |e: PointerEvent| {
            let Some(c) = canvas.cast::<HtmlCanvasElement>() else {
                return;
            };
            let ink = Ink {
                tool: brush.tool,
                color: catalog::COLOURS[brush.colour].0,
                width: catalog::BRUSHES[brush.size].0,
            };
            if pad.borrow_mut().pointers.down(touch(&c, &e), ink) {
                e.prevent_default();
                let _ = c.set_pointer_capture(e.pointer_id());
                schedule(&pad);
            }
        })
    };
    let onpointermove = {
        let pad = pad.clone();
        let canvas = canvas.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(c) = canvas.cast::<HtmlCanvasElement>() else {
                return;
            };
            // A pointer that is not drawing (a mouse passing over) costs nothing.
            if !pad.borrow().pointers.draws(e.pointer_id()) {
                return;
            }
            let coalesced = e.get_coalesced_events();
            let path: Vec<Touch> = if coalesced.length() == 0 {
                vec![touch(&c, &e)]
            } else {
                coalesced
                    .iter()
                    .filter_map(|v: JsValue| v.dyn_into::<PointerEvent>().ok())
                    .map(|ev| touch(&c, &ev))
                    .collect()
            };
            pad.borrow_mut()
                .pointers
                .moved(e.pointer_id(), e.time_stamp(), path);
            schedule(&pad);
        })
    };
    let onpointerup = {
        let pad = pad.clone();
        let canvas = canvas.clone();
        let version = version.clone();
        Callback::from(move |e: PointerEvent| {
            // Where it lifted; a cancel or a lost capture says nothing of where.
            let at = (e.type_() == "pointerup")
                .then(|| canvas.cast::<HtmlCanvasElement>())
                .flatten()
                .map(|c| {
                    let (x, y) = to_units(&c, &e);
                    (x, y, e.time_stamp())
                });
            if pad.borrow_mut().pointers.up(e.pointer_id(), at) {
                schedule(&pad);
                version.set(*version + 1);
            }
        })
    };

    let edit = |change: fn(&mut Drawing)| {
        let pad = pad.clone();
        let version = version.clone();
        Callback::from(move |_: MouseEvent| {
            let mut p = pad.borrow_mut();
            change(&mut p.pointers.drawing);
            p.redraw();
            version.set(*version + 1);
        })
    };
    let on_done = {
        let pad = pad.clone();
        let done = on_done;
        Callback::from(move |_: MouseEvent| {
            let p = pad.borrow();
            done.emit(
                (!p.pointers.drawing.is_empty()).then(|| p.pointers.drawing.to_encoded().encode()),
            );
        })
    };

    let p = pad.borrow();
    let pick = |b: Brush| {
        let brush = brush_state.clone();
        Callback::from(move |_: MouseEvent| brush.set(b))
    };
    let colours = catalog::colours(band).iter().enumerate().map(|(i, (rgb, word))| {
        let on = brush.tool == Tool::Pen && brush.colour == i;
        html! {
            <button type="button" class="tool swatch" aria-label={word.get(l)} aria-pressed={on.to_string()}
                    onclick={pick(Brush { tool: Tool::Pen, colour: i, ..*brush })}>
                <svg viewBox="0 0 40 40" aria-hidden="true" focusable="false">
                    <circle cx="20" cy="20" r="16" fill={css(*rgb)} />
                </svg>
            </button>
        }
    });
    let sizes = catalog::BRUSHES.iter().enumerate().map(|(i, (w, word))| {
        let on = brush.size == i;
        html! {
            <button type="button" class="tool brush" aria-label={word.get(l)} aria-pressed={on.to_string()}
                    onclick={pick(Brush { size: i, ..*brush })}>
                <svg viewBox="0 0 40 40" aria-hidden="true" focusable="false">
                    <circle cx="20" cy="20" r={((w / 1.5).round() as i32).to_string()} fill="currentColor" />
                </svg>
            </button>
        }
    });
    let full = catalog::full_toolbox(band);
    let page_full = !p.pointers.drawing.has_room(1);
    let eraser_on = brush.tool == Tool::Eraser;
    html! {
        <div class="drawing-pad">
            <canvas ref={canvas} class="pad" role="img" aria-label={UI.canvas.get(l)}
                data-strokes={p.pointers.drawing.strokes().len().to_string()}
                {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()}
                onpointercancel={onpointerup.clone()} onlostpointercapture={onpointerup} />
            <div class="tools" role="toolbar" aria-label={UI.drawing.get(l)}>
                <div class="tool-group swatches">{ for colours }</div>
                <div class="tool-group">
                    { for sizes }
                    if full {
                        <button type="button" class="tool labelled" aria-pressed={eraser_on.to_string()}
                                onclick={pick(Brush { tool: Tool::Eraser, ..*brush })}>
                            { icon(ERASER) }<span>{ UI.eraser.get(l) }</span>
                        </button>
                    }
                </div>
                <div class="tool-group">
                    <button type="button" class="tool labelled" disabled={!p.pointers.drawing.can_undo()}
                            onclick={edit(Drawing::undo)}>{ icon(UNDO) }<span>{ UI.undo.get(l) }</span></button>
                    if full {
                        <button type="button" class="tool labelled" disabled={!p.pointers.drawing.can_redo()}
                                onclick={edit(Drawing::redo)}>{ icon(REDO) }<span>{ UI.redo.get(l) }</span></button>
                        <button type="button" class="tool labelled" disabled={p.pointers.drawing.is_empty()}
                                onclick={edit(Drawing::clear)}>{ icon(CLEAR) }<span>{ UI.clear.get(l) }</span></button>
                    }
                </div>
            </div>
            if page_full {
                <p class="pad-full" role="status">{ UI.page_full.get(band).get(l) }</p>
            }
            <div class="actions">
                { actions }
                // Done has a drawing to give only once there is a stroke.
                <button type="button" class="primary next" disabled={p.pointers.drawing.is_empty()}
                        onclick={on_done}>{ UI.done.get(l) }</button>
            </div>
        </div>
    }
}
