//! The drawing model: points, smoothing, undo/redo/clear, and the compact
//! `ally.strokes/1` encoding with its SVG rendition.
//!
//! ## `ally.strokes/1`
//! Standard base64 of these bytes (varints are LEB128; signed ones zigzag):
//! ```text
//! varint width, varint height, varint stroke count, then per stroke:
//!   u8 tool (0 pen, 1 eraser), u8 red, u8 green, u8 blue,
//!   varint width in quarter units, varint point count,
//!   varint x0, varint y0, then (count − 1) × (zigzag dx, zigzag dy)
//! ```
//! Coordinates are whole units of the canvas, `0..=width` × `0..=height`.

use std::fmt;

/// The format's name, carried next to the data.
pub const FORMAT: &str = "ally.strokes/1";

/// A drawing: its strokes in `ally.strokes/1`, and an SVG rendition made from them.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawingValue {
    pub format: String,
    pub strokes: String,
    pub svg: String,
}

impl DrawingValue {
    /// The drawing of `strokes`, with its SVG made here: never one taken
    /// from outside. `None` when they don't decode or hold no stroke.
    pub fn of(strokes: &str) -> Option<DrawingValue> {
        let drawing = decode(strokes).ok().filter(|d| !d.strokes.is_empty())?;
        Some(DrawingValue {
            format: FORMAT.to_string(),
            strokes: strokes.to_string(),
            svg: drawing.to_svg().ok()?,
        })
    }
}

impl super::json::Json for DrawingValue {
    fn json(&self, out: &mut String) {
        super::json::Obj::new(out)
            .field("format", &self.format)
            .field("strokes", &self.strokes)
            .field("svg", &self.svg)
            .end();
    }
}
/// The pad's logical canvas: every drawing is made and kept in these units,
/// so a resize or a rotation scales it without stretching.
pub const CANVAS_WIDTH: u32 = 1000;
pub const CANVAS_HEIGHT: u32 = 700;
/// Points closer than this (in canvas units) to the simplified line are dropped.
pub const SIMPLIFY_TOLERANCE: f64 = 0.75;
/// How much of the new input each smoothed point takes (1.0: none smoothed).
pub const STREAMLINE: f64 = 0.5;

/// How much a page holds: enough for a long, busy drawing, and small enough
/// that the largest possible resume stays well under the 256 KiB a message
/// may have (at most 4 bytes a point and 12 a stroke once encoded).
pub const PAGE_POINTS: usize = 12_000;
pub const PAGE_STROKES: usize = 600;
const MAX_SIDE: u32 = 10_000;
const MAX_POINTS: usize = 200_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Pen,
    Eraser,
}

/// A point as drawn: canvas units, with the pen's pressure (0–1) or a
/// pressure-like value from speed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub pressure: f64,
}

/// One stroke as kept while drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    pub tool: Tool,
    pub color: [u8; 3],
    /// The brush's base width in canvas units.
    pub width: f64,
    pub points: Vec<Point>,
}

/// Streamlines raw input: each point moves `STREAMLINE` of the way from the
/// last smoothed point to the new input, so jitter is damped and every
/// output stays inside the input's bounds.
#[derive(Clone, Debug, Default)]
pub struct Smoother {
    last: Option<Point>,
}

impl Smoother {
    pub fn push(&mut self, raw: Point) -> Point {
        let p = match self.last {
            None => raw,
            Some(l) => Point {
                x: l.x + (raw.x - l.x) * STREAMLINE,
                y: l.y + (raw.y - l.y) * STREAMLINE,
                pressure: l.pressure + (raw.pressure - l.pressure) * STREAMLINE,
            },
        };
        self.last = Some(p);
        p
    }
}

/// A pressure-like value from the pointer's speed (canvas units per ms):
/// slow strokes are fuller, fast ones thinner, like ink.
pub fn pressure_from_speed(speed: f64) -> f64 {
    (0.75 - speed * 0.12).clamp(0.25, 0.75)
}

/// The drawn width at a point of a stroke with base width `width`.
pub fn width_at(width: f64, pressure: f64) -> f64 {
    width * (0.45 + pressure.clamp(0.0, 1.0) * 1.1)
}

enum Undo {
    Add,
    Clear(Vec<Stroke>),
}

enum Redo {
    Add(Stroke),
    Clear,
}

/// The strokes on the pad, with undo and redo. Clear is itself undoable.
#[derive(Default)]
pub struct Drawing {
    strokes: Vec<Stroke>,
    undo: Vec<Undo>,
    redo: Vec<Redo>,
}

impl Drawing {
    pub fn from_strokes(strokes: Vec<Stroke>) -> Drawing {
        Drawing {
            strokes,
            ..Drawing::default()
        }
    }

    pub fn strokes(&self) -> &[Stroke] {
        &self.strokes
    }

    pub fn is_empty(&self) -> bool {
        self.strokes.is_empty()
    }

    pub fn point_count(&self) -> usize {
        self.strokes.iter().map(|s| s.points.len()).sum()
    }

    /// Whether the page has room for a stroke of `points` more points (a
    /// full page still lets the child undo, clear or finish).
    pub fn has_room(&self, points: usize) -> bool {
        self.strokes.len() < PAGE_STROKES && self.point_count() + points < PAGE_POINTS
    }

    pub fn add(&mut self, stroke: Stroke) {
        if stroke.points.is_empty() {
            return;
        }
        self.strokes.push(stroke);
        self.undo.push(Undo::Add);
        self.redo.clear();
    }

    pub fn clear(&mut self) {
        if self.strokes.is_empty() {
            return;
        }
        let old = std::mem::take(&mut self.strokes);
        self.undo.push(Undo::Clear(old));
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) {
        match self.undo.pop() {
            Some(Undo::Add) => {
                if let Some(s) = self.strokes.pop() {
                    self.redo.push(Redo::Add(s));
                }
            }
            Some(Undo::Clear(old)) => {
                self.strokes = old;
                self.redo.push(Redo::Clear);
            }
            None => {}
        }
    }

    pub fn redo(&mut self) {
        match self.redo.pop() {
            Some(Redo::Add(s)) => {
                self.strokes.push(s);
                self.undo.push(Undo::Add);
            }
            Some(Redo::Clear) => {
                let old = std::mem::take(&mut self.strokes);
                self.undo.push(Undo::Clear(old));
            }
            None => {}
        }
    }

    /// The drawing quantised and simplified, as it is encoded.
    pub fn to_encoded(&self) -> Encoded {
        Encoded {
            width: CANVAS_WIDTH,
            height: CANVAS_HEIGHT,
            strokes: self
                .strokes
                .iter()
                .map(|s| EncodedStroke {
                    tool: s.tool,
                    color: s.color,
                    width_q: (s.width * 4.0).round().clamp(1.0, 4000.0) as u32,
                    points: simplify(&quantise(&s.points, CANVAS_WIDTH, CANVAS_HEIGHT)),
                })
                .collect(),
        }
    }
}

/// A stroke as encoded: whole-unit points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodedStroke {
    pub tool: Tool,
    pub color: [u8; 3],
    /// The base width in quarter units.
    pub width_q: u32,
    pub points: Vec<(u32, u32)>,
}

impl EncodedStroke {
    pub fn width(&self) -> f64 {
        f64::from(self.width_q) / 4.0
    }

    /// The width as SVG text ("7", "4.25"), written without float formatting.
    pub fn width_text(&self) -> String {
        let frac = ["", ".25", ".5", ".75"][(self.width_q % 4) as usize];
        format!("{}{frac}", self.width_q / 4)
    }
}

/// A drawing as encoded in `ally.strokes/1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encoded {
    pub width: u32,
    pub height: u32,
    pub strokes: Vec<EncodedStroke>,
}

/// Rounds to whole units inside the canvas and drops repeated points.
pub fn quantise(points: &[Point], width: u32, height: u32) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(points.len());
    for p in points {
        let q = (
            p.x.round().clamp(0.0, f64::from(width)) as u32,
            p.y.round().clamp(0.0, f64::from(height)) as u32,
        );
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    out
}

/// Ramer–Douglas–Peucker: keeps the points that matter to the shape.
pub fn simplify(points: &[(u32, u32)]) -> Vec<(u32, u32)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (ax, ay) = (f64::from(points[a].0), f64::from(points[a].1));
        let (bx, by) = (f64::from(points[b].0), f64::from(points[b].1));
        let (dx, dy) = (bx - ax, by - ay);
        let len = (dx * dx + dy * dy).sqrt();
        let mut far = (0.0, a);
        for (offset, p) in points[a + 1..b].iter().enumerate() {
            let i = a + 1 + offset;
            let (px, py) = (f64::from(p.0), f64::from(p.1));
            let d = if len == 0.0 {
                ((px - ax).powi(2) + (py - ay).powi(2)).sqrt()
            } else {
                ((px - ax) * dy - (py - ay) * dx).abs() / len
            };
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > SIMPLIFY_TOLERANCE {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

impl Encoded {
    pub fn point_count(&self) -> usize {
        self.strokes.iter().map(|s| s.points.len()).sum()
    }

    /// Whether the page has room for a stroke of `points` more points (a
    /// full page still lets the child undo, clear or finish).
    pub fn has_room(&self, points: usize) -> bool {
        self.strokes.len() < PAGE_STROKES && self.point_count() + points < PAGE_POINTS
    }

    /// The base64 text of `ally.strokes/1`.
    pub fn encode(&self) -> String {
        let mut b = Vec::with_capacity(16 + self.point_count() * 2);
        put_varint(&mut b, self.width.into());
        put_varint(&mut b, self.height.into());
        put_varint(&mut b, self.strokes.len() as u64);
        for s in &self.strokes {
            b.push(match s.tool {
                Tool::Pen => 0,
                Tool::Eraser => 1,
            });
            b.extend_from_slice(&s.color);
            put_varint(&mut b, s.width_q.into());
            put_varint(&mut b, s.points.len() as u64);
            let mut last: Option<(u32, u32)> = None;
            for &(x, y) in &s.points {
                match last {
                    None => {
                        put_varint(&mut b, x.into());
                        put_varint(&mut b, y.into());
                    }
                    Some((lx, ly)) => {
                        put_varint(&mut b, zigzag(i64::from(x) - i64::from(lx)));
                        put_varint(&mut b, zigzag(i64::from(y) - i64::from(ly)));
                    }
                }
                last = Some((x, y));
            }
        }
        base64_encode(&b)
    }

    /// Whether the drawing keeps the format's limits, as [`decode`] checks
    /// them: sides up to 10,000, at most 200,000 points, stroke widths up to
    /// 1,000, every point on the canvas.
    pub fn check(&self) -> Result<(), DecodeError> {
        let fits = self.width <= MAX_SIDE
            && self.height <= MAX_SIDE
            && self.point_count() <= MAX_POINTS
            && self.strokes.iter().all(|s| {
                s.width_q <= 4000
                    && !s.points.is_empty()
                    && s.points
                        .iter()
                        .all(|&(x, y)| x <= self.width && y <= self.height)
            });
        match fits {
            true => Ok(()),
            false => Err(DecodeError("beyond the format's limits".into())),
        }
    }

    /// The drawing as an SVG document (white paper, round pens; the eraser
    /// paints paper), for portals that just want to show it; refused when it
    /// breaks the format's limits (see [`Encoded::check`]).
    pub fn to_svg(&self) -> Result<String, DecodeError> {
        self.check()?;
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\
             <rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>",
            w = self.width,
            h = self.height
        );
        for s in &self.strokes {
            let Some(&(x0, y0)) = s.points.first() else {
                continue;
            };
            let color = match s.tool {
                Tool::Pen => format!("#{:02x}{:02x}{:02x}", s.color[0], s.color[1], s.color[2]),
                Tool::Eraser => "#fff".to_string(),
            };
            let mut d = format!("M{x0} {y0}l");
            if s.points.len() == 1 {
                d.push_str("0 0");
            }
            let mut last = (i64::from(x0), i64::from(y0));
            for (i, &(x, y)) in s.points.iter().enumerate().filter(|(i, _)| *i > 0) {
                let (dx, dy) = (i64::from(x) - last.0, i64::from(y) - last.1);
                if i > 1 && dx >= 0 {
                    d.push(' ');
                }
                d.push_str(&dx.to_string());
                if dy >= 0 {
                    d.push(' ');
                }
                d.push_str(&dy.to_string());
                last = (i64::from(x), i64::from(y));
            }
            svg.push_str(&format!(
                "<path d=\"{d}\" stroke=\"{color}\" stroke-width=\"{}\" fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
                s.width_text()
            ));
        }
        svg.push_str("</svg>");
        Ok(svg)
    }
}

/// Why a text is not a valid `ally.strokes/1` drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{FORMAT}: {}", self.0)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, DecodeError> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| DecodeError(format!("truncated at byte {}", self.at)))?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, DecodeError> {
        let start = self.at;
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            // The tenth byte holds bit 63 alone: anything more does not fit.
            if shift == 63 && b & 0x7f > 1 {
                return Err(DecodeError(format!("varint too large at byte {start}")));
            }
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(DecodeError(format!("varint too long at byte {start}")))
    }

    fn bounded(&mut self, what: &str, max: u64) -> Result<u64, DecodeError> {
        let v = self.varint()?;
        if v > max {
            return Err(DecodeError(format!("{what} {v} is more than {max}")));
        }
        Ok(v)
    }
}

/// Reads an `ally.strokes/1` text back, checking every bound.
pub fn decode(text: &str) -> Result<Encoded, DecodeError> {
    let bytes = base64_decode(text)?;
    let mut r = Reader {
        bytes: &bytes,
        at: 0,
    };
    let width = r.bounded("width", MAX_SIDE.into())? as u32;
    let height = r.bounded("height", MAX_SIDE.into())? as u32;
    let count = r.bounded("stroke count", MAX_POINTS as u64)? as usize;
    let mut strokes = Vec::with_capacity(count.min(1024));
    let mut total = 0usize;
    for _ in 0..count {
        let tool = match r.byte()? {
            0 => Tool::Pen,
            1 => Tool::Eraser,
            t => return Err(DecodeError(format!("unknown tool {t}"))),
        };
        let color = [r.byte()?, r.byte()?, r.byte()?];
        let width_q = r.bounded("stroke width", 4000)? as u32;
        let n = r.bounded("point count", MAX_POINTS as u64)? as usize;
        total += n;
        if total > MAX_POINTS {
            return Err(DecodeError(format!("more than {MAX_POINTS} points")));
        }
        if n == 0 {
            return Err(DecodeError("a stroke without points".into()));
        }
        let mut points = Vec::with_capacity(n);
        // Checked everywhere: a delta may be anything a varint holds.
        let outside = || DecodeError("a point is outside the canvas".into());
        let start = |v: u64| i64::try_from(v).map_err(|_| outside());
        let (mut x, mut y) = (start(r.varint()?)?, start(r.varint()?)?);
        for i in 0..n {
            if i > 0 {
                x = x.checked_add(unzigzag(r.varint()?)).ok_or_else(outside)?;
                y = y.checked_add(unzigzag(r.varint()?)).ok_or_else(outside)?;
            }
            if !(0..=i64::from(width)).contains(&x) || !(0..=i64::from(height)).contains(&y) {
                return Err(DecodeError(format!(
                    "point ({x}, {y}) is outside the canvas"
                )));
            }
            points.push((x as u32, y as u32));
        }
        strokes.push(EncodedStroke {
            tool,
            color,
            width_q,
            points,
        });
    }
    if r.at != bytes.len() {
        return Err(DecodeError(format!(
            "{} bytes left over after the last stroke",
            bytes.len() - r.at
        )));
    }
    Ok(Encoded {
        width,
        height,
        strokes,
    })
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn base64_decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    let t = text.trim_end_matches('=');
    if text.len() % 4 != 0 || text.len() - t.len() > 2 {
        return Err(DecodeError(
            "not base64: the length must be a multiple of 4".into(),
        ));
    }
    let mut out = Vec::with_capacity(t.len() * 3 / 4);
    let mut n = 0u32;
    let mut bits = 0;
    for (i, c) in t.bytes().enumerate() {
        let v = B64
            .iter()
            .position(|&b| b == c)
            .ok_or_else(|| DecodeError(format!("not base64: '{}' at {i}", c as char)))?;
        n = n << 6 | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits) as u8);
        }
    }
    Ok(out)
}
