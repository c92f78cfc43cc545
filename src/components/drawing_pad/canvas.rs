//! The canvas: sized for the screen's pixel ratio, redrawn from the strokes
//! after any resize, and painted with only the new segments each frame.

use super::pointer::{segments, Pointers, Segment, PAPER};
use crate::core::strokes::{CANVAS_HEIGHT, CANVAS_WIDTH};
use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent};

/// The pad: its pointers' state and the canvas it paints.
pub struct Pad {
    pub pointers: Pointers,
    frame: Option<AnimationFrame>,
    ctx: Option<CanvasRenderingContext2d>,
}

fn draw_segment(ctx: &CanvasRenderingContext2d, seg: &Segment) {
    ctx.set_stroke_style_str(&seg.colour);
    ctx.set_line_width(seg.width);
    ctx.begin_path();
    ctx.move_to(seg.from.x, seg.from.y);
    ctx.line_to(seg.to.x, seg.to.y);
    ctx.stroke();
}

impl Pad {
    pub fn new(pointers: Pointers) -> Pad {
        Pad {
            pointers,
            frame: None,
            ctx: None,
        }
    }

    /// Sizes the backing store to the element and the screen, then redraws
    /// everything from the strokes.
    pub fn fit(&mut self, canvas: &HtmlCanvasElement) {
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

    /// Paints the whole drawing again.
    pub fn redraw(&mut self) {
        let Some(ctx) = &self.ctx else { return };
        ctx.set_fill_style_str(PAPER);
        ctx.fill_rect(0.0, 0.0, f64::from(CANVAS_WIDTH), f64::from(CANVAS_HEIGHT));
        let p = &self.pointers;
        for s in p.drawing.strokes().iter().chain(p.current.as_ref()) {
            for seg in segments(s) {
                draw_segment(ctx, &seg);
            }
        }
        self.pointers.pending.clear();
    }

    fn flush(&mut self) {
        self.frame = None;
        if let Some(ctx) = &self.ctx {
            for seg in self.pointers.pending.drain(..) {
                draw_segment(ctx, &seg);
            }
        }
    }
}

/// Where a pointer event is, in canvas units.
pub fn to_units(canvas: &HtmlCanvasElement, e: &PointerEvent) -> (f64, f64) {
    let r = canvas.get_bounding_client_rect();
    let x = (f64::from(e.client_x()) - r.left()) / r.width().max(1.0) * f64::from(CANVAS_WIDTH);
    let y = (f64::from(e.client_y()) - r.top()) / r.height().max(1.0) * f64::from(CANVAS_HEIGHT);
    (
        x.clamp(0.0, f64::from(CANVAS_WIDTH)),
        y.clamp(0.0, f64::from(CANVAS_HEIGHT)),
    )
}

/// Paints the new segments at the next animation frame.
pub fn schedule(pad: &Rc<RefCell<Pad>>) {
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
