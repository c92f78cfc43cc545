use ally_core::strokes::{
    decode, quantise, simplify, Drawing, Encoded, Point, Smoother, Stroke, Tool, CANVAS_HEIGHT,
    CANVAS_WIDTH,
};
use serde_json::Value;

fn stroke(points: Vec<(f64, f64)>) -> Stroke {
    Stroke {
        tool: Tool::Pen,
        color: [1, 2, 3],
        width: 7.0,
        points: points
            .into_iter()
            .map(|(x, y)| Point {
                x,
                y,
                pressure: 0.5,
            })
            .collect(),
    }
}

#[test]
fn smoothing_stays_within_the_inputs_bounds() {
    let mut seed = 12345u64;
    let mut rand = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as f64 / f64::from(1u32 << 31)
    };
    for _ in 0..50 {
        let raw: Vec<Point> = (0..200)
            .map(|_| Point {
                x: 100.0 + rand() * 300.0,
                y: 50.0 + rand() * 80.0,
                pressure: rand(),
            })
            .collect();
        let (min_x, max_x) = raw
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.x), b.max(p.x)));
        let (min_y, max_y) = raw
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.y), b.max(p.y)));
        let mut s = Smoother::default();
        for p in raw {
            let q = s.push(p);
            assert!(
                (min_x..=max_x).contains(&q.x) && (min_y..=max_y).contains(&q.y),
                "{q:?}"
            );
            assert!((0.0..=1.0).contains(&q.pressure));
        }
    }
    // And it damps jitter: a zig-zag comes out flatter.
    let mut s = Smoother::default();
    let out: Vec<Point> = (0..20)
        .map(|i| {
            s.push(Point {
                x: f64::from(i),
                y: if i % 2 == 0 { 0.0 } else { 10.0 },
                pressure: 0.5,
            })
        })
        .collect();
    let swing = out[10..].iter().map(|p| p.y).fold(0.0, f64::max)
        - out[10..].iter().map(|p| p.y).fold(10.0, f64::min);
    assert!(swing < 5.0, "swing {swing}");
}

#[test]
fn undo_redo_and_an_undoable_clear() {
    let mut d = Drawing::default();
    assert!(!d.can_undo() && !d.can_redo());
    d.add(stroke(vec![(1.0, 1.0)]));
    d.add(stroke(vec![(2.0, 2.0)]));
    d.add(stroke(vec![]));
    assert_eq!(d.strokes().len(), 2, "an empty stroke is not added");
    d.undo();
    assert_eq!(d.strokes().len(), 1);
    d.redo();
    assert_eq!(d.strokes().len(), 2);
    assert!(!d.can_redo());
    d.clear();
    assert!(d.is_empty());
    d.undo();
    assert_eq!(d.strokes().len(), 2, "clear undone");
    d.redo();
    assert!(d.is_empty(), "clear redone");
    d.undo();
    d.undo();
    assert_eq!(d.strokes()[0].points[0].x, 1.0);
    d.add(stroke(vec![(3.0, 3.0)]));
    assert!(!d.can_redo(), "a new stroke forgets the redo");
    assert_eq!(d.strokes().len(), 2);
    for _ in 0..5 {
        d.undo();
    }
    assert!(d.is_empty() && !d.can_undo());
}

/// A drawing like a child's: curvy strokes sampled at 240 Hz, about 1.5 units apart.
fn generated(points: usize) -> Drawing {
    let mut d = Drawing::default();
    let per = 250;
    let mut made = 0;
    let mut k = 0.0;
    while made < points {
        let n = per.min(points - made);
        let (cx, cy, r) = (
            150.0 + (k * 137.0) % 700.0,
            120.0 + (k * 89.0) % 460.0,
            40.0 + (k * 13.0) % 90.0,
        );
        let raw: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                let t = i as f64 * 0.012 + k;
                (
                    cx + r * t.cos() + 20.0 * (3.0 * t).sin(),
                    cy + r * (1.3 * t).sin(),
                )
            })
            .collect();
        let mut s = Smoother::default();
        let st = stroke(raw);
        d.add(Stroke {
            points: st.points.iter().map(|p| s.push(*p)).collect(),
            ..st
        });
        made += n;
        k += 1.0;
    }
    d
}

#[test]
fn encoding_round_trips_exactly_after_quantisation() {
    let d = generated(3000);
    let enc = d.to_encoded();
    assert_eq!((enc.width, enc.height), (CANVAS_WIDTH, CANVAS_HEIGHT));
    let back = decode(&enc.encode()).unwrap();
    assert_eq!(back, enc);
    // Simplified points stay within the tolerance of every quantised point.
    for (s, e) in d.strokes().iter().zip(&enc.strokes) {
        let q = quantise(&s.points, CANVAS_WIDTH, CANVAS_HEIGHT);
        assert_eq!(e.points.first(), q.first());
        assert_eq!(e.points.last(), q.last());
        assert!(e.points.len() <= q.len());
    }
    let eraser = Encoded {
        width: 1000,
        height: 700,
        strokes: vec![ally_core::strokes::EncodedStroke {
            tool: Tool::Eraser,
            color: [255, 255, 255],
            width_q: 72,
            points: vec![(0, 700), (1000, 0)],
        }],
    };
    assert_eq!(decode(&eraser.encode()).unwrap(), eraser);
}

#[test]
fn simplify_keeps_corners_and_drops_straight_runs() {
    let line: Vec<(u32, u32)> = (0..100).map(|i| (i, 2 * i)).collect();
    assert_eq!(simplify(&line), vec![(0, 0), (99, 198)]);
    let corner = vec![(0, 0), (5, 0), (10, 0), (10, 5), (10, 10)];
    assert_eq!(simplify(&corner), vec![(0, 0), (10, 0), (10, 10)]);
    assert_eq!(simplify(&[(3, 3)]), vec![(3, 3)]);
}

#[test]
fn a_5000_point_drawing_fits_in_16_kb_with_its_svg() {
    let d = generated(5000);
    assert_eq!(d.point_count(), 5000);
    let enc = d.to_encoded();
    let data = enc.encode();
    let svg = enc.to_svg().unwrap();
    let answer = serde_json::json!({ "format": "ally.strokes/1", "strokes": data, "svg": svg });
    let bytes = serde_json::to_string(&answer).unwrap().len();
    println!(
        "5000 points drawn → {} kept; strokes {} B, svg {} B, in the message {} B",
        enc.point_count(),
        data.len(),
        svg.len(),
        bytes
    );
    assert!(bytes <= 16 * 1024, "{bytes} bytes");
}

#[test]
fn shared_vectors_decode_as_expected() {
    let v: Value = serde_json::from_str(include_str!("../vectors/strokes.json")).unwrap();
    for case in v["good"].as_array().unwrap() {
        let d = decode(case["data"].as_str().unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
        let want = &case["decoded"];
        assert_eq!(u64::from(d.width), want["width"].as_u64().unwrap());
        assert_eq!(u64::from(d.height), want["height"].as_u64().unwrap());
        let strokes = want["strokes"].as_array().unwrap();
        assert_eq!(d.strokes.len(), strokes.len(), "{}", case["name"]);
        for (s, w) in d.strokes.iter().zip(strokes) {
            let tool = if s.tool == Tool::Pen { "pen" } else { "eraser" };
            assert_eq!(tool, w["tool"]);
            let colour = format!("#{:02x}{:02x}{:02x}", s.color[0], s.color[1], s.color[2]);
            assert_eq!(colour, w["color"].as_str().unwrap());
            assert_eq!(s.width(), w["width"].as_f64().unwrap());
            let points: Vec<(u32, u32)> = w["points"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| (p[0].as_u64().unwrap() as u32, p[1].as_u64().unwrap() as u32))
                .collect();
            assert_eq!(s.points, points, "{}", case["name"]);
        }
        if let Some(svg) = case["svg"].as_str() {
            assert_eq!(d.to_svg().unwrap(), svg, "{}", case["name"]);
        }
        // Encoding what was decoded gives the same text back.
        assert_eq!(
            d.encode(),
            case["data"].as_str().unwrap(),
            "{}",
            case["name"]
        );
    }
    for case in v["bad"].as_array().unwrap() {
        let err = decode(case["data"].as_str().unwrap()).expect_err(case["name"].as_str().unwrap());
        let text = err.to_string();
        assert!(text.starts_with("ally.strokes/1: "), "{text}");
        assert!(
            text.contains(case["error"].as_str().unwrap()),
            "{}: {text}",
            case["name"]
        );
    }
}

#[test]
fn svg_rendition_draws_every_stroke() {
    let d = decode("6Ae8BQIA4EEvQASQB94CChMoAgEBAAA=").err();
    assert!(d.is_some(), "a made-up text is rejected, not guessed at");
    let enc = generated(600).to_encoded();
    let svg = enc.to_svg().unwrap();
    assert_eq!(svg.matches("<path ").count(), enc.strokes.len());
    assert!(svg.ends_with("</svg>"));
}

/// Bytes as the widget reads them: base64.
fn b64(bytes: &[u8]) -> String {
    ally_core::strokes::base64_encode(bytes)
}

#[test]
fn extreme_varints_are_refused_never_wrapped_or_panicking() {
    // 1000 × 700, one stroke of two points: (0, 0), then a delta of i64::MAX.
    let mut bytes = vec![0xe8, 0x07, 0xbc, 0x05, 1, 0, 1, 2, 3, 28, 2, 0, 0];
    bytes.extend([
        0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0,
    ]);
    let e = decode(&b64(&bytes)).unwrap_err();
    assert!(e.to_string().contains("outside the canvas"), "{e}");
    // The same delta negative, and a start point beyond i64.
    let mut bytes = vec![0xe8, 0x07, 0xbc, 0x05, 1, 0, 1, 2, 3, 28, 2, 5, 5];
    bytes.extend([
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0,
    ]);
    assert!(decode(&b64(&bytes)).is_err());
    let mut bytes = vec![0xe8, 0x07, 0xbc, 0x05, 1, 0, 1, 2, 3, 28, 1];
    bytes.extend([
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0,
    ]);
    assert!(decode(&b64(&bytes)).is_err());
    // A tenth byte with more than bit 63 does not fit in 64 bits.
    let mut bytes = vec![0xe8, 0x07, 0xbc, 0x05, 1, 0, 1, 2, 3, 28, 1];
    bytes.extend([
        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02, 0,
    ]);
    let e = decode(&b64(&bytes)).unwrap_err();
    assert!(e.to_string().contains("varint too large"), "{e}");
}

#[test]
fn a_full_page_keeps_the_largest_resume_under_the_message_limit() {
    use ally_core::protocol::MAX_MESSAGE_BYTES;
    use ally_core::strokes::{PAGE_POINTS, PAGE_STROKES};
    // The worst case for the encoding: as many strokes as a page takes, each
    // zig-zagging from corner to corner (the largest deltas), until the page is full.
    let mut d = Drawing::default();
    let per = PAGE_POINTS / PAGE_STROKES;
    while d.has_room(per) {
        let pts: Vec<(f64, f64)> = (0..per)
            .map(|i| [(0.0, 0.0), (1000.0, 0.0), (1000.0, 700.0), (0.0, 700.0)][i % 4])
            .collect();
        d.add(stroke(pts));
    }
    assert!(!d.has_room(per));
    assert!(d.strokes().len() <= PAGE_STROKES && d.point_count() <= PAGE_POINTS);
    let text = d.to_encoded().encode();
    // A resume: this drawing, and every other answer of the longest flow.
    let mut answers: Vec<Value> = (0..8)
        .map(|i| serde_json::json!({ "promptId": format!("trust.prompt_{i}"), "value": 10, "skipped": false, "answeredAt": "2026-11-25T10:00:00.000Z" }))
        .collect();
    answers.push(serde_json::json!({ "promptId": "drawing.together", "value": { "format": "ally.strokes/1", "strokes": text }, "skipped": false, "answeredAt": "2026-11-25T10:00:00.000Z" }));
    let resume = serde_json::json!({ "answers": answers, "startedAt": "2026-11-25T10:00:00.000Z" })
        .to_string();
    println!(
        "a full page: {} strokes, {} points, {} bytes of ally.strokes/1; the resume {} of {} bytes",
        d.strokes().len(),
        d.point_count(),
        text.len(),
        resume.len(),
        MAX_MESSAGE_BYTES
    );
    assert!(
        resume.len() * 2 < MAX_MESSAGE_BYTES,
        "room to spare for the config"
    );
}
