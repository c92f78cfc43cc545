//! Fuzzing with proptest: config parsing, every incoming message, resumes
//! through the reducer, and the drawing decoder. No input may panic; every
//! bad one is refused with an error or ignored. Each test prints how many
//! inputs it tried.

use ally::core::config::parse;
use ally::core::flow::{Stage, Widget, WidgetAction};
use ally::core::protocol::{parse_inbound, Outbound};
use ally::core::strokes::{base64_encode, decode};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Map, Value};

/// Inputs per parser: `ALLY_FUZZ_CASES` (`./dev.sh fuzz` runs a million), else 3,000.
fn cases() -> u32 {
    std::env::var("ALLY_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000)
}

/// Any JSON value, up to a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        (-5i64..25).prop_map(|n| json!(n)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("en"),
            Just("es"),
            Just("checkin"),
            Just("checkout"),
            Just("auto"),
            Just("init"),
            Just("ack")
        ]
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Keys that matter somewhere, and some that don't.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "age",
            "locale",
            "mode",
            "childName",
            "helperName",
            "readAloud",
            "allianceCutoff",
            "itemCutoff",
            "previousAlliance",
            "dropThreshold",
            "ally",
            "type",
            "id",
            "session",
            "payload",
            "replyTo",
            "config",
            "resume",
            "answers",
            "promptId",
            "value",
            "skipped",
            "answeredAt",
            "startedAt",
            "label",
            "kind",
            "construct",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z]{1,8}",
    ]
}

fn run<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let tried = std::cell::Cell::new(0u32);
    runner
        .run(&strategy, |v| {
            tried.set(tried.get() + 1);
            check(v)
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    println!("fuzz: {name}: {} inputs, none panicked", tried.get());
}

#[test]
fn config_parsing_never_panics_and_accepts_only_valid_settings() {
    let fields = [
        "config",
        "age",
        "locale",
        "mode",
        "childName",
        "helperName",
        "readAloud",
        "allianceCutoff",
        "itemCutoff",
        "previousAlliance",
        "dropThreshold",
    ];
    run("config parsing (any JSON)", any_json(), |v| {
        match parse(&v) {
            Ok(c) => {
                prop_assert!((3..=17).contains(&c.age));
                prop_assert!(c
                    .child_name
                    .iter()
                    .chain(&c.helper_name)
                    .all(|n| n.chars().count() <= 40));
            }
            Err(e) => prop_assert!(fields.contains(&e.field.as_str()), "{e}"),
        }
        Ok(())
    });
    let config = (any_json(), any_json(), any_json(), any_json(), any_json()).prop_map(|(a, l, m, n, r)| {
        json!({ "age": a, "locale": l, "mode": m, "helperName": n, "allianceCutoff": r })
    });
    run("config parsing (config-shaped)", config, |v| {
        if let Err(e) = parse(&v) {
            prop_assert!(fields.contains(&e.field.as_str()), "{e}");
            let prefix = format!("{}: ", e.field);
            prop_assert!(e.to_string().starts_with(&prefix));
        }
        Ok(())
    });
}

#[test]
fn incoming_messages_never_panic_and_bad_ones_get_a_known_error() {
    let codes = [
        "unsupported_version",
        "bad_message",
        "invalid_config",
        "too_large",
    ];
    run(
        "incoming messages (any text)",
        ".{0,200}",
        |text: String| {
            if let Err(e) = parse_inbound(&text, "s-1") {
                prop_assert!(codes.contains(&e.code.as_str()));
            }
            Ok(())
        },
    );
    let envelope = (any_json(), prop::sample::select(vec!["init", "ack", "reset", "hello", "x"]), any_json(), any_json(), any::<bool>())
        .prop_map(|(ally, kind, id, payload, ours)| {
            json!({ "ally": ally, "type": kind, "id": id, "session": if ours { "s-1" } else { "s-2" }, "payload": payload, "replyTo": "r" })
        });
    run("incoming messages (envelope-shaped)", envelope, |v| {
        match parse_inbound(&v.to_string(), "s-1") {
            Ok(Some(_)) => prop_assert_eq!(&v["session"], "s-1"),
            Ok(None) => {}
            Err(e) => {
                prop_assert!(codes.contains(&e.code.as_str()));
                prop_assert_eq!(
                    &v["session"],
                    "s-1",
                    "other sessions are ignored, never answered"
                );
            }
        }
        Ok(())
    });
}

#[test]
fn any_init_and_resume_through_the_reducer_never_panics() {
    let init = (any_json(), any_json(), prop::option::of(any_json())).prop_map(
        |(age, answers, started)| {
            let config = json!({ "age": age, "mode": "checkout" });
            let resume = json!({ "answers": answers, "startedAt": started });
            (config, resume)
        },
    );
    run(
        "init and resume through the reducer",
        init,
        |(config, resume)| {
            let w = Widget::new("s-1").reduce(WidgetAction::Init {
                run: None,
                config,
                resume: Some(resume),
                now: "2026-11-25T10:00:00.000Z".into(),
            });
            match &w.stage {
                Stage::Active(f) => prop_assert!(f.answers.len() == f.prompts.len()),
                Stage::Invalid(_) => prop_assert!(matches!(w.outbox[0].msg, Outbound::Error(_))),
                other => prop_assert!(false, "unexpected stage {other:?}"),
            }
            Ok(())
        },
    );
    // Real answer records, shuffled and corrupted a little.
    let record = (
        prop::sample::select(vec!["trust.listened", "trust.what_matters", "drawing.together", "nope"]),
        prop_oneof![Just(json!(7.5)), Just(json!(10)), Just(json!(3.3)), Just(json!("x")), Just(json!(null))],
        any::<bool>(),
        prop_oneof![
            Just(json!("2026-11-25T10:00:00.000Z")),
            Just(json!("later")),
            Just(json!(5)),
            ".{0,30}".prop_map(|t| json!(t)),
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,4})?Z?".prop_map(|t| json!(t)),
        ],
    )
        .prop_map(|(id, value, skipped, at)| json!({ "promptId": id, "construct": "bond", "kind": "faces", "value": value, "label": "x", "skipped": skipped, "answeredAt": at }));
    run(
        "resumed answer records",
        prop::collection::vec(record, 0..8),
        |answers| {
            let w = Widget::new("s-1").reduce(WidgetAction::Init {
                run: None,
                config: json!({ "age": 7, "mode": "checkout" }),
                resume: Some(json!({ "answers": answers })),
                now: "2026-11-25T10:00:00.000Z".into(),
            });
            let flow = w.flow().expect("a valid config always starts");
            for a in flow.answers.iter().flatten() {
                prop_assert!(
                    a.skipped
                        || matches!(a.value.as_ref().and_then(|v| v.number()), Some(x) if [0.0, 2.5, 5.0, 7.5, 10.0].contains(&x))
                );
            }
            Ok(())
        },
    );
}

#[test]
fn the_drawing_decoder_never_panics() {
    run(
        "ally.strokes/1 texts (base64 of any bytes)",
        prop::collection::vec(any::<u8>(), 0..200),
        |bytes| {
            let text = base64_encode(&bytes);
            if let Ok(d) = decode(&text) {
                prop_assert!(d
                    .strokes
                    .iter()
                    .all(|s| s.points.iter().all(|&(x, y)| x <= d.width && y <= d.height)));
            }
            Ok(())
        },
    );
    run(
        "ally.strokes/1 texts (any text)",
        ".{0,80}",
        |text: String| {
            let _ = decode(&text);
            Ok(())
        },
    );
    // Well-formed streams (a header, strokes with their fields) whose values
    // sit at the limits: most of them reach the points and their deltas.
    let stroke = (
        prop_oneof![3 => Just(0u8), 1 => Just(1u8), 1 => any::<u8>()],
        any::<[u8; 3]>(),
        token(),
        prop_oneof![3 => 2u64..6, 1 => 0u64..2, 1 => token().prop_map(|t| match t { Token::Varint(v) => v, Token::Byte(b) => b.into() })],
        // The first point on the canvas, so the deltas after it are read.
        prop_oneof![4 => 0u64..=700, 1 => token().prop_map(|t| match t { Token::Varint(v) => v, Token::Byte(b) => b.into() })],
        (0u64..=700),
        prop::collection::vec(token(), 1..12),
    );
    let stream = (
        prop_oneof![3 => Just(1000u64), 1 => 0u64..20_000],
        prop_oneof![3 => Just(700u64), 1 => 0u64..20_000],
        prop_oneof![3 => 1u64..4, 1 => 0u64..300_000],
        prop::collection::vec(stroke, 1..4),
        prop::collection::vec(token(), 0..3),
    );
    run(
        "ally.strokes/1 texts (well-formed streams, extreme values)",
        stream,
        |(w, h, count, strokes, tail)| {
            let mut bytes = Vec::new();
            for v in [w, h, count] {
                varint(&mut bytes, v);
            }
            for (tool, rgb, width, n, x0, y0, deltas) in strokes {
                bytes.push(tool);
                bytes.extend(rgb);
                put(&mut bytes, width);
                varint(&mut bytes, n);
                varint(&mut bytes, x0);
                varint(&mut bytes, y0);
                for d in deltas {
                    put(&mut bytes, d);
                }
            }
            for t in tail {
                put(&mut bytes, t);
            }
            if let Ok(d) = decode(&base64_encode(&bytes)) {
                prop_assert!(d
                    .strokes
                    .iter()
                    .all(|s| s.points.iter().all(|&(x, y)| x <= d.width && y <= d.height)));
            }
            Ok(())
        },
    );
}

/// A piece of an `ally.strokes/1` stream: a LEB128 varint, or a raw byte.
#[derive(Debug, Clone)]
enum Token {
    Varint(u64),
    Byte(u8),
}

/// Values at the limits: the canvas, the counts' bounds, and what a 64-bit
/// varint can hold (zigzag turns the largest ones into ±i64::MAX).
fn token() -> impl Strategy<Value = Token> {
    let extreme = prop::sample::select(vec![
        0,
        1,
        2,
        699,
        700,
        701,
        999,
        1000,
        1001,
        4000,
        4001,
        10_000,
        10_001,
        199_999,
        200_000,
        200_001,
        u64::from(u32::MAX),
        i64::MAX as u64 - 1,
        i64::MAX as u64,
        u64::MAX - 1,
        u64::MAX,
    ]);
    prop_oneof![
        4 => extreme.prop_map(Token::Varint),
        2 => any::<u64>().prop_map(Token::Varint),
        2 => (0u64..3000).prop_map(Token::Varint),
        1 => any::<u8>().prop_map(Token::Byte),
    ]
}

fn put(out: &mut Vec<u8>, t: Token) {
    match t {
        Token::Varint(v) => varint(out, v),
        Token::Byte(b) => out.push(b),
    }
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}
