use crate::core::catalog::{self, UI};
use crate::core::config::{AgeBand, Locale};
use crate::core::strokes::{
    self, pressure_from_speed, width_at, Drawing, Point, Smoother, Stroke, Tool, CANVAS_HEIGHT,
    CANVAS_WIDTH,
};
use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent};
use yew::prelude::*;

/// The pad's state, held by the page that shows it (see [`use_pad`]).
pub struct PadState {
    canvas: NodeRef,
    pad: Rc<RefCell<Pad>>,
    brush: UseStateHandle<Brush>,
    /// Bumped when the drawing changes, so the tools' states re-render.
    version: UseStateHandle<u32>,
}

/// A segment waiting for the next animation frame.
struct Segment {
    from: Point,
    to: Point,
    width: f64,
    colour: String,
}

/// Everything the pointer handlers touch; kept out of Yew's render path so a
/// pointer event costs the same however big the drawing is.
struct Pad {
    drawing: Drawing,
    current: Option<Stroke>,
    smoother: Smoother,
    /// The pointer drawing now: its id and whether it is a pen.
    active: Option<(i32, bool)>,
    /// When the active pointer was last heard from (event time, ms).
    last_seen: f64,
    /// Once a pen has touched the pad, touches are a resting palm.
    pen_seen: bool,
    last_raw: Option<(f64, f64, f64)>,
    pending: Vec<Segment>,
    frame: Option<AnimationFrame>,
    ctx: Option<CanvasRenderingContext2d>,
}

/// How long an active pointer may be silent before another may take over.
const STALE_MS: f64 = 1_500.0;

impl Pad {
    /// Ends the stroke being drawn, where the pointer was last: smoothing
    /// trails the pointer a little, so it ends where it lifted.
    fn end_stroke(&mut self) {
        self.active = None;
        let end = self.last_raw;
        if let Some(mut stroke) = self.current.take() {
            if let (Some((x, y, _)), Some(&last)) = (end, stroke.points.last()) {
                if (x, y) != (last.x, last.y) {
                    let to = Point { x, y, ..last };
                    self.pending.push(Segment {
                        from: last,
                        to,
                        width: width_at(stroke.width, last.pressure),
                        colour: stroke_colour(&stroke),
                    });
                    stroke.points.push(to);
                }
            }
            self.drawing.add(stroke);
        }
    }
}

fn css(rgb: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

const PAPER: &str = "#ffffff";

fn stroke_colour(s: &Stroke) -> String {
    match s.tool {
        Tool::Pen => css(s.color),
        Tool::Eraser => PAPER.to_string(),
    }
}

fn draw_segment(ctx: &CanvasRenderingContext2d, seg: &Segment) {
    ctx.set_stroke_style_str(&seg.colour);
    ctx.set_line_width(seg.width);
    ctx.begin_path();
    ctx.move_to(seg.from.x, seg.from.y);
    ctx.line_to(seg.to.x, seg.to.y);
    ctx.stroke();
}

fn segments(s: &Stroke) -> impl Iterator<Item = Segment> + '_ {
    let colour = stroke_colour(s);
    let first = s.points.first().copied();
    first
        .into_iter()
        .map(move |p| (p, p))
        .chain(s.points.windows(2).map(|w| (w[0], w[1])))
        .map(move |(from, to)| Segment {
            from,
            to,
            width: width_at(s.width, (from.pressure + to.pressure) / 2.0),
            colour: colour.clone(),
        })
}

impl Pad {
    /// Sizes the backing store to the element and the screen, then redraws
    /// everything from the strokes.
    fn fit(&mut self, canvas: &HtmlCanvasElement) {
        let dpr = gloo::utils::window().device_pixel_ratio().max(1.0);
        let rect = canvas.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let w = (rect.width() * dpr).round().max(1.0);
        let h = (rect.width() * f64::from(CANVAS_HEIGHT) / f64::from(CANVAS_WIDTH) * dpr).round();
        canvas.set_width(w as u32);
        canvas.set_height(h.max(1.0) as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let k = w / f64::from(CANVAS_WIDTH);
        let _ = ctx.set_transform(k, 0.0, 0.0, k, 0.0, 0.0);
        ctx.set_line_cap("round");
        ctx.set_line_join("round");
        self.ctx = Some(ctx);
        self.redraw();
    }

    fn redraw(&mut self) {
        let Some(ctx) = &self.ctx else { return };
        ctx.set_fill_style_str(PAPER);
        ctx.fill_rect(0.0, 0.0, f64::from(CANVAS_WIDTH), f64::from(CANVAS_HEIGHT));
        for s in self.drawing.strokes().iter().chain(self.current.as_ref()) {
            for seg in segments(s) {
                draw_segment(ctx, &seg);
            }
        }
        self.pending.clear();
    }

    fn flush(&mut self) {
        self.frame = None;
        if let Some(ctx) = &self.ctx {
            for seg in self.pending.drain(..) {
                draw_segment(ctx, &seg);
            }
        }
    }
}

/// Where a pointer event is, in canvas units.
fn to_units(canvas: &HtmlCanvasElement, e: &PointerEvent) -> (f64, f64) {
    let r = canvas.get_bounding_client_rect();
    let x = (f64::from(e.client_x()) - r.left()) / r.width().max(1.0) * f64::from(CANVAS_WIDTH);
    let y = (f64::from(e.client_y()) - r.top()) / r.height().max(1.0) * f64::from(CANVAS_HEIGHT);
    (
        x.clamp(0.0, f64::from(CANVAS_WIDTH)),
        y.clamp(0.0, f64::from(CANVAS_HEIGHT)),
    )
}

fn schedule(pad: &Rc<RefCell<Pad>>) {
    if pad.borrow().frame.is_some() {
        return;
    }
    let weak = Rc::downgrade(pad);
    let frame = request_animation_frame(move |_| {
        if let Some(pad) = weak.upgrade() {
            pad.borrow_mut().flush();
        }
    });
    pad.borrow_mut().frame = Some(frame);
}

// The tools' pictures, above their words: pre-readers go by the picture.
const ERASER: &str = r##"<path d="M14 30L28 10L36 16L22 36H14Z" fill="#f7a8c4" stroke="currentColor" stroke-width="2.5" stroke-linejoin="round"/><path d="M18 24L28 31M8 36H34" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/>"##;
const UNDO: &str = r##"<path d="M14 12L7 19L14 26M7 19H24Q33 19 33 27Q33 34 24 34H16" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" fill="none"/>"##;
const REDO: &str = r##"<path d="M26 12L33 19L26 26M33 19H16Q7 19 7 27Q7 34 16 34H24" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" fill="none"/>"##;
const CLEAR: &str = r##"<path d="M9 12H31M16 12V8H24V12M12 12L14 34H26L28 12M17 17V29M23 17V29" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" fill="none"/>"##;

fn icon(paths: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::from(format!(
        r#"<svg viewBox="0 0 40 40" aria-hidden="true" focusable="false">{paths}</svg>"#
    )))
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
            Pad {
                drawing: Drawing::from_strokes(strokes),
                current: None,
                smoother: Smoother::default(),
                active: None,
                last_seen: 0.0,
                pen_seen: false,
                last_raw: None,
                pending: Vec::new(),
                frame: None,
                ctx: None,
            }
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
            let is_pen = e.pointer_type() == "pen";
            {
                let mut p = pad.borrow_mut();
                if p.pen_seen && e.pointer_type() == "touch" {
                    return;
                }
                if let Some((id, was_pen)) = p.active {
                    // A pointer that went down and never came up (a lost
                    // capture, a stalled pen) must not lock the pad: the same
                    // id again, a new primary pointer of its kind (the browser
                    // has let the old one go), or any pointer after a pause
                    // ends the old stroke where it was. A second finger while
                    // one draws is still ignored.
                    let stale = id == e.pointer_id()
                        || (e.is_primary() && was_pen == is_pen)
                        || e.time_stamp() - p.last_seen > STALE_MS;
                    if !stale {
                        return;
                    }
                    p.end_stroke();
                }
                // A full page takes no new stroke; its words say what can be done.
                if !p.drawing.has_room(1) {
                    return;
                }
                e.prevent_default();
                let _ = c.set_pointer_capture(e.pointer_id());
                p.pen_seen |= is_pen;
                p.active = Some((e.pointer_id(), is_pen));
                p.last_seen = e.time_stamp();
                let (x, y) = to_units(&c, &e);
                let pressure = if is_pen && e.pressure() > 0.0 {
                    f64::from(e.pressure())
                } else {
                    0.5
                };
                p.smoother = Smoother::default();
                let first = p.smoother.push(Point { x, y, pressure });
                p.last_raw = Some((x, y, e.time_stamp()));
                let (colour, _) = catalog::COLOURS[brush.colour];
                let stroke = Stroke {
                    tool: brush.tool,
                    color: colour,
                    width: catalog::BRUSHES[brush.size].0,
                    points: vec![first],
                };
                p.pending.extend(segments(&stroke));
                p.current = Some(stroke);
            }
            schedule(&pad);
        })
    };
    let onpointermove = {
        let pad = pad.clone();
        let canvas = canvas.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(c) = canvas.cast::<HtmlCanvasElement>() else {
                return;
            };
            {
                let mut p = pad.borrow_mut();
                let Some((id, is_pen)) = p.active else { return };
                if id != e.pointer_id() {
                    return;
                }
                p.last_seen = e.time_stamp();
                let coalesced = e.get_coalesced_events();
                let events: Vec<PointerEvent> = if coalesced.length() == 0 {
                    vec![e.clone()]
                } else {
                    coalesced
                        .iter()
                        .filter_map(|v: JsValue| v.dyn_into().ok())
                        .collect()
                };
                for ev in events {
                    let (x, y) = to_units(&c, &ev);
                    let t = ev.time_stamp();
                    let pressure = if is_pen && ev.pressure() > 0.0 {
                        f64::from(ev.pressure())
                    } else {
                        let (lx, ly, lt) = p.last_raw.unwrap_or((x, y, t));
                        let speed =
                            ((x - lx).powi(2) + (y - ly).powi(2)).sqrt() / (t - lt).max(1.0);
                        pressure_from_speed(speed)
                    };
                    p.last_raw = Some((x, y, t));
                    let point = p.smoother.push(Point { x, y, pressure });
                    let used = p.current.as_ref().map_or(0, |s| s.points.len());
                    if !p.drawing.has_room(used + 1) {
                        break;
                    }
                    let Some(stroke) = p.current.as_mut() else {
                        return;
                    };
                    let from = *stroke.points.last().unwrap_or(&point);
                    stroke.points.push(point);
                    let seg = Segment {
                        from,
                        to: point,
                        width: width_at(stroke.width, (from.pressure + point.pressure) / 2.0),
                        colour: stroke_colour(stroke),
                    };
                    p.pending.push(seg);
                }
            }
            schedule(&pad);
        })
    };
    let onpointerup = {
        let pad = pad.clone();
        let canvas = canvas.clone();
        let version = version.clone();
        Callback::from(move |e: PointerEvent| {
            let mut p = pad.borrow_mut();
            if p.active.map(|(id, _)| id) != Some(e.pointer_id()) {
                return;
            }
            if e.type_() == "pointerup" {
                if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                    let (x, y) = to_units(&c, &e);
                    p.last_raw = Some((x, y, e.time_stamp()));
                }
            }
            p.end_stroke();
            drop(p);
            schedule(&pad);
            version.set(*version + 1);
        })
    };

    let edit = |change: fn(&mut Drawing)| {
        let pad = pad.clone();
        let version = version.clone();
        Callback::from(move |_: MouseEvent| {
            let mut p = pad.borrow_mut();
            change(&mut p.drawing);
            p.redraw();
            version.set(*version + 1);
        })
    };
    let on_done = {
        let pad = pad.clone();
        let done = on_done;
        Callback::from(move |_: MouseEvent| {
            let p = pad.borrow();
            done.emit((!p.drawing.is_empty()).then(|| p.drawing.to_encoded().encode()));
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
    let page_full = !p.drawing.has_room(1);
    let eraser_on = brush.tool == Tool::Eraser;
    html! {
        <div class="drawing-pad">
            <canvas ref={canvas} class="pad" role="img" aria-label={UI.canvas.get(l)}
                data-strokes={p.drawing.strokes().len().to_string()}
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
                    <button type="button" class="tool labelled" disabled={!p.drawing.can_undo()}
                            onclick={edit(Drawing::undo)}>{ icon(UNDO) }<span>{ UI.undo.get(l) }</span></button>
                    if full {
                        <button type="button" class="tool labelled" disabled={!p.drawing.can_redo()}
                                onclick={edit(Drawing::redo)}>{ icon(REDO) }<span>{ UI.redo.get(l) }</span></button>
                        <button type="button" class="tool labelled" disabled={p.drawing.is_empty()}
                                onclick={edit(Drawing::clear)}>{ icon(CLEAR) }<span>{ UI.clear.get(l) }</span></button>
                    }
                </div>
            </div>
            if page_full {
                <p class="pad-full" role="status">{ UI.page_full.get(band).get(l) }</p>
            }
            <div class="actions">
                { actions }
                <button type="button" class="primary next" onclick={on_done}>{ UI.done.get(l) }</button>
            </div>
        </div>
    }
}
