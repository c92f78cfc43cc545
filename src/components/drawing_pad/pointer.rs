//! The pad's pointer state machine, apart from any browser type: which
//! pointer draws, the stroke it is drawing, and the segments still to paint.
//! One pointer draws at a time; a pointer that went down and never came up
//! never locks the pad; once a pen has touched it, touches are a resting palm.

use crate::core::strokes::{pressure_from_speed, width_at, Drawing, Point, Smoother, Stroke, Tool};

/// How long an active pointer may be silent before another may take over.
pub const STALE_MS: f64 = 1_500.0;

/// A segment to paint at the next animation frame.
pub struct Segment {
    pub from: Point,
    pub to: Point,
    pub width: f64,
    pub colour: String,
}

/// A pointer's event, as the state machine needs it: in canvas units.
#[derive(Clone, Copy, Debug)]
pub struct Touch {
    pub id: i32,
    pub pen: bool,
    pub finger: bool,
    pub primary: bool,
    /// Event time, in ms.
    pub time: f64,
    pub x: f64,
    pub y: f64,
    /// The pen's pressure, 0 when the device has none.
    pub pressure: f64,
}

/// What a new stroke draws with.
#[derive(Clone, Copy)]
pub struct Ink {
    pub tool: Tool,
    pub color: [u8; 3],
    pub width: f64,
}

/// Everything the pointer handlers touch; kept out of Yew's render path so a
/// pointer event costs the same however big the drawing is.
#[derive(Default)]
pub struct Pointers {
    pub drawing: Drawing,
    pub current: Option<Stroke>,
    smoother: Smoother,
    /// The pointer drawing now: its id and whether it is a pen.
    active: Option<(i32, bool)>,
    /// When the active pointer was last heard from (event time, ms).
    last_seen: f64,
    /// Once a pen has touched the pad, touches are a resting palm.
    pen_seen: bool,
    last_raw: Option<(f64, f64, f64)>,
    /// Segments drawn since the last frame painted them.
    pub pending: Vec<Segment>,
}

fn css(rgb: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

/// The paper's colour, which the eraser paints.
pub const PAPER: &str = "#ffffff";

pub fn stroke_colour(s: &Stroke) -> String {
    match s.tool {
        Tool::Pen => css(s.color),
        Tool::Eraser => PAPER.to_string(),
    }
}

/// Every segment of a stroke, a dot first.
pub fn segments(s: &Stroke) -> impl Iterator<Item = Segment> + '_ {
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

impl Pointers {
    /// A drawing made before, when the child came back to it.
    pub fn with(drawing: Drawing) -> Pointers {
        Pointers {
            drawing,
            ..Pointers::default()
        }
    }

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

    /// A pointer comes down. Whether it now draws (and should be captured).
    pub fn down(&mut self, t: Touch, ink: Ink) -> bool {
        if self.pen_seen && t.finger {
            return false;
        }
        if let Some((id, was_pen)) = self.active {
            // A pointer that went down and never came up (a lost capture, a
            // stalled pen) must not lock the pad: the same id again, a new
            // primary pointer of its kind (the browser has let the old one go),
            // or any pointer after a pause ends the old stroke where it was.
            // A second finger while one draws is still ignored.
            let stale =
                id == t.id || (t.primary && was_pen == t.pen) || t.time - self.last_seen > STALE_MS;
            if !stale {
                return false;
            }
            self.end_stroke();
        }
        // A full page takes no new stroke; its words say what can be done.
        if !self.drawing.has_room(1) {
            return false;
        }
        self.pen_seen |= t.pen;
        self.active = Some((t.id, t.pen));
        self.last_seen = t.time;
        let pressure = if t.pen && t.pressure > 0.0 {
            t.pressure
        } else {
            0.5
        };
        self.smoother = Smoother::default();
        let first = self.smoother.push(Point {
            x: t.x,
            y: t.y,
            pressure,
        });
        self.last_raw = Some((t.x, t.y, t.time));
        let stroke = Stroke {
            tool: ink.tool,
            color: ink.color,
            width: ink.width,
            points: vec![first],
        };
        self.pending.extend(segments(&stroke));
        self.current = Some(stroke);
        true
    }

    /// Whether pointer `id` is the one drawing.
    pub fn draws(&self, id: i32) -> bool {
        self.active.is_some_and(|(a, _)| a == id)
    }

    /// The drawing pointer moved, through `path` (its coalesced events, in order).
    pub fn moved(&mut self, id: i32, time: f64, path: impl IntoIterator<Item = Touch>) {
        let Some((active, is_pen)) = self.active else {
            return;
        };
        if active != id {
            return;
        }
        self.last_seen = time;
        for t in path {
            let pressure = if is_pen && t.pressure > 0.0 {
                t.pressure
            } else {
                let (lx, ly, lt) = self.last_raw.unwrap_or((t.x, t.y, t.time));
                let speed =
                    ((t.x - lx).powi(2) + (t.y - ly).powi(2)).sqrt() / (t.time - lt).max(1.0);
                pressure_from_speed(speed)
            };
            self.last_raw = Some((t.x, t.y, t.time));
            let point = self.smoother.push(Point {
                x: t.x,
                y: t.y,
                pressure,
            });
            let used = self.current.as_ref().map_or(0, |s| s.points.len());
            if !self.drawing.has_room(used + 1) {
                break;
            }
            let Some(stroke) = self.current.as_mut() else {
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
            self.pending.push(seg);
        }
    }

    /// Pointer `id` lifted (at `at`, canvas units and time, when it says
    /// where), or was cancelled, or lost its capture. Whether it was the one drawing.
    pub fn up(&mut self, id: i32, at: Option<(f64, f64, f64)>) -> bool {
        if self.active.map(|(a, _)| a) != Some(id) {
            return false;
        }
        if at.is_some() {
            self.last_raw = at;
        }
        self.end_stroke();
        true
    }
}
