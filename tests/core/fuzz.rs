//! Fuzzing with proptest: config parsing, every incoming message of the
//! widget and the report, resumes (with drawings) through the reducer, the
//! report's reader, settings and state, and the drawing decoder, with inputs
//! near and over the size limit. No input may panic; every bad one is
//! refused with an error or ignored; every property checked here is one a
//! bug would break. Each test prints how many inputs it tried.

use ally_core::answer::{pick_of, AnswerValue, Pick};
use ally_core::config::{parse, Mode};
use ally_core::flow::{Flow, FlowAction, Stage, Step, Widget, WidgetAction};
use ally_core::json;
use ally_core::protocol::{parse_inbound, Inbound, Outbound, MAX_MESSAGE_BYTES};
use ally_core::report::{parse_options, Report, ReportAction, MAX_SESSIONS};
use ally_core::scoring;
use ally_core::strokes::{base64_encode, decode};
use ally_core::time::compare;
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
    let envelope = (any_json(), prop::sample::select(vec!["init", "ack", "reset", "add", "live", "attention", "hello", "x"]), any_json(), any_json(), any::<bool>())
        .prop_map(|(ally, kind, id, payload, ours)| {
            json!({ "ally": ally, "type": kind, "id": id, "session": if ours { "s-1" } else { "s-2" }, "payload": payload, "replyTo": "r" })
        });
    run("incoming messages (envelope-shaped)", envelope, |v| {
        match parse_inbound(&v.to_string(), "s-1") {
            Ok(Some((id, msg))) => {
                prop_assert_eq!(&v["session"], "s-1");
                prop_assert_eq!(&v["ally"], 1);
                prop_assert_eq!(&v["id"], id.as_str());
                // Each type is read as itself, never as another.
                let kind = match msg {
                    Inbound::Init { .. } => "init",
                    Inbound::Ack { .. } => "ack",
                    Inbound::Reset { .. } => "reset",
                    Inbound::Add { .. } => "add",
                    Inbound::Live { .. } => "live",
                    Inbound::Attention { .. } => "attention",
                };
                prop_assert_eq!(&v["type"], kind);
            }
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
                Stage::Active(f) => check_flow(f, &w)?,
                Stage::Invalid(_) => prop_assert!(matches!(*w.outbox[0].msg, Outbound::Error(_))),
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

/// What must hold of any flow the widget starts, however it was resumed:
/// every answer it holds fits its prompt (the value its pick gives) at a
/// real time, the child stands at the first prompt without an answer, and a
/// finished check's result is valid JSON whose scores are its answers'.
fn check_flow(f: &Flow, w: &Widget) -> Result<(), TestCaseError> {
    for (i, a) in f.answers.iter().enumerate() {
        let Some(a) = a else { continue };
        prop_assert_eq!(&a.prompt_id, f.prompts[i].id);
        prop_assert!(ally_core::time::is_timestamp(&a.answered_at));
        if a.skipped {
            prop_assert!(a.value.is_none());
            continue;
        }
        let value = a.value.as_ref().expect("an answer has a value");
        let pick = pick_of(&f.config, f.prompts[i], value);
        prop_assert!(
            pick.is_some(),
            "{} holds {:?}, which no pick gives",
            a.prompt_id,
            value
        );
        if let AnswerValue::Drawing(d) = value {
            // The SVG is always made from the strokes, never taken from outside.
            prop_assert_eq!(&d.svg, &decode(&d.strokes).unwrap().to_svg().unwrap());
        }
    }
    let first_open = f.answers.iter().position(Option::is_none);
    match first_open {
        Some(i) if f.answers.iter().any(Option::is_some) => {
            prop_assert_eq!(f.step, Step::Prompt(i))
        }
        Some(_) => prop_assert_eq!(f.step, Step::Welcome),
        None => prop_assert_eq!(f.step, Step::Done),
    }
    let readies = w
        .outbox
        .iter()
        .filter(|q| matches!(*q.msg, Outbound::Ready(_)))
        .count();
    prop_assert_eq!(readies, 1);
    if let Some(r) = w.outbox.iter().find_map(|q| match &*q.msg {
        Outbound::Complete(r) => Some(r),
        _ => None,
    }) {
        let back: Value = serde_json::from_str(&json::to_string(r)).expect("the result is JSON");
        let again = scoring::score(f);
        prop_assert_eq!(back["scores"]["mood"].as_f64(), again.mood);
        prop_assert_eq!(
            back["scores"]["alliance"]["total"].as_f64(),
            again.alliance.and_then(|a| a.total)
        );
        prop_assert_eq!(back["id"].as_str(), Some(r.id.as_str()));
    }
    Ok(())
}

/// A drawing's strokes: a real one, a corrupted one, or junk.
fn drawing_value() -> impl Strategy<Value = Value> {
    let real = (1usize..4, any::<u16>()).prop_map(|(strokes, seed)| {
        let mut d = ally_core::strokes::Drawing::default();
        for s in 0..strokes {
            let points = (0..(3 + seed as usize % 20))
                .map(|i| ally_core::strokes::Point {
                    x: ((i * 37 + s * 101 + seed as usize) % 1000) as f64,
                    y: ((i * 53 + s * 7) % 700) as f64,
                    pressure: 0.5,
                })
                .collect();
            d.add(ally_core::strokes::Stroke {
                tool: ally_core::strokes::Tool::Pen,
                color: [seed as u8, 2, 3],
                width: 7.0,
                points,
            });
        }
        d.to_encoded().encode()
    });
    let strokes = prop_oneof![
        3 => real.clone(),
        2 => (real, any::<usize>(), any::<u8>()).prop_map(|(text, at, b)| {
            let mut bytes = text.into_bytes();
            let i = at % bytes.len();
            bytes[i] = b"AZaz09+/=!"[b as usize % 10];
            String::from_utf8(bytes).unwrap()
        }),
        1 => ".{0,40}",
    ];
    (
        strokes,
        prop_oneof![Just("ally.strokes/1"), Just("ally.strokes/2")],
        any::<bool>(),
    )
        .prop_map(|(strokes, format, svg)| {
            let mut v = json!({ "format": format, "strokes": strokes });
            if svg {
                v["svg"] = json!("<svg onload=\"alert(1)\"><script>alert(1)</script></svg>");
            }
            v
        })
}

#[test]
fn resumes_with_drawings_keep_only_drawings_made_from_their_strokes() {
    let record = (
        prop::sample::select(vec!["drawing.feel", "drawing.together", "mood.now", "trust.listened"]),
        prop_oneof![3 => drawing_value(), 1 => any_json()],
        any::<bool>(),
    )
        .prop_map(|(id, value, skipped)| json!({ "promptId": id, "value": value, "skipped": skipped, "answeredAt": "2026-11-25T10:00:00.000Z" }));
    let case = (
        prop::sample::select(vec![4u8, 7, 10, 15]),
        any::<bool>(),
        prop::collection::vec(record, 0..6),
    );
    run("resumes with drawings", case, |(age, checkout, answers)| {
        let mode = if checkout { "checkout" } else { "checkin" };
        let w = Widget::new("s-1").reduce(WidgetAction::Init {
            run: None,
            config: json!({ "age": age, "mode": mode, "fhir": true }),
            resume: Some(json!({ "answers": answers })),
            now: "2026-11-25T10:00:00.000Z".into(),
        });
        let f = w.flow().expect("a valid config always starts");
        check_flow(f, &w)
    });
}

/// A finished check's result document, walked with picks that mostly fit
/// (a number tried as a point on a line, then as a face or a choice, then as
/// feelings) and some skips.
fn any_result() -> impl Strategy<Value = (Value, usize)> {
    let step = prop_oneof![5 => any::<u8>().prop_map(Some), 1 => Just(None)];
    (
        0usize..4,
        any::<bool>(),
        prop::collection::vec(step, 10),
        0usize..400,
    )
        .prop_map(|(band, checkout, steps, week)| {
            let age = [4, 7, 10, 15][band];
            let mode = if checkout { "checkout" } else { "checkin" };
            let day = format!(
                "{}-{:02}-{:02}",
                2020 + week / 52,
                1 + week % 52 / 5,
                1 + week % 5 * 5
            );
            let config = parse(&json!({ "age": age, "mode": mode })).unwrap();
            let mut f = Flow::new(
                config,
                &format!("visit-{week}"),
                &format!("{day}T10:00:00.000Z"),
            );
            f.apply(FlowAction::Begin);
            let mut out = Vec::new();
            for (n, step) in steps.into_iter().enumerate() {
                if f.step == Step::Done {
                    break;
                }
                let now = format!("{day}T10:00:{:02}.000Z", n + 1);
                let feelings = ["sad", "happy", "worried", "proud"];
                let tries = step.map(|k| {
                    vec![
                        Pick::Level(k % 11),
                        Pick::Choice(usize::from(k) % 5),
                        Pick::Choice(usize::from(k) % 3),
                        Pick::Feelings(vec![feelings[usize::from(k) % 4].to_string()]),
                    ]
                });
                out = tries
                    .into_iter()
                    .flatten()
                    .map(|pick| {
                        f.apply(FlowAction::Answer {
                            pick,
                            now: now.clone(),
                        })
                    })
                    .find(|o| !o.is_empty())
                    .unwrap_or_else(|| f.apply(FlowAction::Skip { now }));
            }
            while f.step != Step::Done {
                out = f.apply(FlowAction::Skip {
                    now: format!("{day}T10:01:00.000Z"),
                });
            }
            let Some(Outbound::Complete(r)) = out.pop() else {
                unreachable!()
            };
            (serde_json::from_str(&json::to_string(&r)).unwrap(), week)
        })
}

/// A JSON pointer into a result document, to change.
fn path() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "/schema",
        "/id",
        "/session",
        "/mode",
        "/ageBand",
        "/age",
        "/locale",
        "/startedAt",
        "/completedAt",
        "/answers",
        "/answers/0",
        "/answers/0/value",
        "/answers/0/promptId",
        "/answers/0/skipped",
        "/answers/1/answeredAt",
        "/answers/2/value",
        "/scores/mood",
        "/scores/alliance/total",
        "/scores/alliance/cutoffs/total",
        "/scores/intensity",
    ])
    .prop_map(str::to_string)
}

fn set(doc: &mut Value, path: &str, v: Value) {
    if let Some(slot) = doc.pointer_mut(path) {
        *slot = v;
    }
}

#[test]
fn the_report_reads_any_document_and_shows_only_what_its_answers_say() {
    let docs = (
        any_result(),
        prop::collection::vec((path(), any_json()), 0..3),
    );
    run(
        "report documents (real ones, changed)",
        docs,
        |((mut doc, _), changes)| {
            let changed = !changes.is_empty();
            for (p, v) in changes {
                set(&mut doc, &p, v);
            }
            let r = Report::default()
                .reduce(ReportAction::Init { config: json!({}) })
                .reduce(ReportAction::Add {
                    result: doc.clone(),
                });
            match r.sessions().next() {
                Some(s) => {
                    // Whatever was changed, what is shown is what the answers give.
                    prop_assert_eq!(
                        doc.pointer("/scores/alliance/total")
                            .and_then(Value::as_f64),
                        s.total()
                    );
                    prop_assert_eq!(
                        doc.pointer("/scores/mood").and_then(Value::as_f64),
                        s.scores.mood
                    );
                    prop_assert_eq!(doc["completedAt"].as_str(), Some(s.completed_at.as_str()));
                    prop_assert!(r.unreadable.is_empty());
                }
                None => {
                    prop_assert!(
                        changed,
                        "an unchanged document always reads: {:?}",
                        r.unreadable
                    );
                    prop_assert_eq!(r.unreadable.len(), 1);
                    let e = &r.errors.last().unwrap().1;
                    prop_assert_eq!(e.code.as_str(), "bad_message");
                    let about = e.result.as_deref().unwrap_or("");
                    prop_assert!(about.starts_with("{\"index\":0"), "{}", about);
                }
            }
            Ok(())
        },
    );
}

#[test]
fn the_report_settings_and_state_hold_whatever_arrives() {
    run("report settings", any_json(), |v| {
        match parse_options(&v) {
            Ok(o) => prop_assert!(o.alliance_cutoff.is_none_or(|c| (0.0..=40.0).contains(&c))),
            Err(e) => {
                prop_assert!(["config", "locale", "allianceCutoff"]
                    .contains(&e.field.as_deref().unwrap_or("")))
            }
        }
        Ok(())
    });
    let action = prop_oneof![
        6 => any_result().prop_map(|(doc, _)| ReportAction::Add { result: doc }),
        1 => any_json().prop_map(|result| ReportAction::Add { result }),
        1 => (any_json(), any_json()).prop_map(|(answer, age_band)| ReportAction::Live { answer, age_band }),
        1 => (any::<usize>(), prop::option::of(".{0,20}")).prop_map(|(bytes, session)| ReportAction::TooLarge { bytes, session }),
    ];
    let cases = (prop::collection::vec(action, 0..40), any::<bool>());
    run(
        "report state (any actions, in any order)",
        cases,
        |(actions, batch)| {
            let init = Report::default().reduce(ReportAction::Init {
                config: json!({ "locale": "es" }),
            });
            let given = actions
                .iter()
                .filter(|a| matches!(a, ReportAction::Add { .. } | ReportAction::TooLarge { .. }))
                .count();
            let r = if batch {
                init.reduce(ReportAction::Batch(actions))
            } else {
                actions.into_iter().fold(init, |r, a| r.reduce(a))
            };
            check_report(&r, given)
        },
    );
    // Many more sessions than a report keeps, in any order.
    let many = prop::collection::vec(any_result(), MAX_SESSIONS..MAX_SESSIONS + 30);
    let runner_cases = (cases_count() / 50).max(20);
    run_n(
        "report state (more sessions than it keeps)",
        many,
        runner_cases,
        |docs| {
            let newest = docs
                .iter()
                .map(|(d, _)| d["completedAt"].as_str().unwrap().to_string())
                .max_by(|a, b| compare(a, b))
                .unwrap();
            let given = docs.len();
            let r = docs.into_iter().fold(
                Report::default().reduce(ReportAction::Init { config: json!({}) }),
                |r, (doc, _)| r.reduce(ReportAction::Add { result: doc }),
            );
            check_report(&r, given)?;
            prop_assert_eq!(
                &r.sessions.last().unwrap().completed_at,
                &newest,
                "the newest is always kept"
            );
            Ok(())
        },
    );
}

/// What must hold of the report whatever it was given: at most
/// `MAX_SESSIONS` sessions, in time order, each record once, every place
/// named one that was given, and each check-out compared with the check-out
/// before it, like with like.
fn check_report(r: &Report, given: usize) -> Result<(), TestCaseError> {
    prop_assert!(r.sessions.len() <= MAX_SESSIONS);
    prop_assert_eq!(r.given, given);
    for pair in r.sessions.windows(2) {
        prop_assert!(compare(&pair[0].completed_at, &pair[1].completed_at).is_le());
    }
    let mut keys: Vec<&str> = r.sessions.iter().map(|s| s.key.as_str()).collect();
    keys.sort_unstable();
    let count = keys.len();
    keys.dedup();
    prop_assert_eq!(keys.len(), count, "a record shown twice");
    prop_assert!(r.sessions.iter().all(|s| s.index < given));
    prop_assert!(r.unreadable.iter().all(|u| u.index < given));
    prop_assert!(r.unreadable.len() <= MAX_SESSIONS);
    prop_assert!(r.errors.len() <= ally_core::report::ERRORS_KEEP);
    let mut previous: Option<&ally_core::report::Session> = None;
    for s in r.sessions.iter().filter(|s| s.mode() == Mode::Checkout) {
        let a = s.scores.alliance.as_ref().unwrap();
        let want = previous.and_then(|p| {
            let pa = p.scores.alliance.as_ref()?;
            (p.band() == s.band() && pa.items == a.items).then_some(())?;
            Some(a.total? - pa.total?)
        });
        // The oldest kept may have been compared with one since let go.
        if previous.is_some() || r.let_go == 0 {
            prop_assert_eq!(a.change, want, "session {} compared wrongly", s.index);
        }
        previous = Some(s);
    }
    Ok(())
}

#[test]
fn messages_near_the_size_limit_are_read_or_refused_by_their_size() {
    let sizes = prop_oneof![
        (MAX_MESSAGE_BYTES - 64..MAX_MESSAGE_BYTES + 64),
        (0usize..MAX_MESSAGE_BYTES * 2),
    ];
    let case = (
        sizes,
        prop::sample::select(vec!["init", "add", "live", "ack", "reset"]),
    );
    run_n(
        "messages near the size limit",
        case,
        (cases_count() / 20).max(50),
        |(size, kind)| {
            let head = format!(
                r#"{{"ally":1,"type":"{kind}","id":"m","session":"s-1","replyTo":"r","payload":{{"config":{{"age":7}},"result":null,"answer":null,"pad":""#
            );
            let tail = r#""}}"#;
            let pad = size.saturating_sub(head.len() + tail.len());
            let text = format!("{head}{}{tail}", "a".repeat(pad));
            match parse_inbound(&text, "s-1") {
                Err(e) if e.code == "too_large" => prop_assert!(text.len() > MAX_MESSAGE_BYTES),
                Ok(Some(_)) => prop_assert!(text.len() <= MAX_MESSAGE_BYTES),
                other => prop_assert!(false, "{other:?}"),
            }
            Ok(())
        },
    );
}

fn cases_count() -> u32 {
    cases()
}

fn run_n<S: Strategy>(
    name: &str,
    strategy: S,
    n: u32,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(Config {
        cases: n,
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
fn arithmetic_overflow_fails_here_rather_than_wraps() {
    // The fuzzing runs with overflow checks on, in the test profile and in
    // the fuzz profile alike: a slip that wraps in a release build fails here.
    let big = std::hint::black_box(u32::MAX);
    let sum = std::panic::catch_unwind(|| big + std::hint::black_box(1));
    assert!(sum.is_err(), "overflow checks are off");
    println!("fuzz: overflow checks on");
}
