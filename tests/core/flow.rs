use ally_core::answer::{pick_of, value_of, AnswerRecord, AnswerValue, Given, Pick, Resume};
use ally_core::catalog::{self, face_value, Construct};
use ally_core::config::{parse, AgeBand, Mode};
use ally_core::flow::{Flow, FlowAction, Queued, Reaction, Stage, Step, Widget, WidgetAction};
use ally_core::protocol::{Outbound, Refusal};
use ally_core::strokes::{Drawing, Point, Stroke, Tool};
use serde_json::json;

const T0: &str = "2026-11-25T10:00:00.000Z";

fn flow(age: u8, mode: &str) -> Flow {
    let c = parse(&json!({ "age": age, "mode": mode })).unwrap();
    Flow::new(c, "s-1", T0)
}

fn at(n: u32) -> String {
    format!("2026-11-25T10:00:{n:02}.000Z")
}

fn answer(f: &mut Flow, pick: Pick, n: u32) -> Vec<Outbound> {
    f.apply(FlowAction::Answer { pick, now: at(n) })
}

fn num(v: f64) -> Option<AnswerValue> {
    Some(AnswerValue::Number(v))
}

fn answers_of(out: &[Outbound]) -> Vec<AnswerRecord> {
    out.iter()
        .filter_map(|o| match o {
            Outbound::Answer(a) => Some(a.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn face_values_share_one_scale() {
    let three: Vec<f64> = (0..3).map(|i| face_value(i, 3)).collect();
    let five: Vec<f64> = (0..5).map(|i| face_value(i, 5)).collect();
    assert_eq!(three, vec![0.0, 5.0, 10.0]);
    assert_eq!(five, vec![0.0, 2.5, 5.0, 7.5, 10.0]);
    assert_eq!(catalog::face_count(AgeBand::Preschool), 3);
    assert_eq!(catalog::face_count(AgeBand::Teen), 5);
}

#[test]
fn preschool_checkin_walks_faces_feeling_size_then_completes() {
    let mut f = flow(4, "checkin");
    assert_eq!(f.step, Step::Welcome);
    assert!(f.apply(FlowAction::Begin).is_empty());
    assert_eq!(f.current().unwrap().id, "mood.now");
    let out = answer(&mut f, Pick::Choice(2), 1);
    let a = &answers_of(&out)[0];
    assert_eq!(
        (&a.value, a.label.as_deref(), a.skipped),
        (&num(10.0), Some("Good"), false)
    );
    assert_eq!((a.construct.code(), a.kind.code()), ("mood", "faces"));
    // One feeling, by picture: the first tap answers.
    assert_eq!(f.current().unwrap().id, "feelings.which");
    let out = answer(&mut f, Pick::Feelings(vec!["scared".into()]), 2);
    assert_eq!(
        answers_of(&out)[0].value,
        Some(AnswerValue::List(vec!["scared".into()]))
    );
    assert_eq!(answers_of(&out)[0].label.as_deref(), Some("Scared"));
    let out = answer(&mut f, Pick::Choice(2), 3);
    assert_eq!(answers_of(&out)[0].value, num(8.0));
    // The drawing comes last at this age.
    assert_eq!(f.current().unwrap().id, "drawing.feel");
    let out = f.apply(FlowAction::Skip { now: at(4) });
    assert_eq!(f.step, Step::Done);
    let Some(Outbound::Complete(r)) = out.last() else {
        panic!("{out:?}")
    };
    assert_eq!(r.schema, "ally.result/1");
    assert_eq!(
        (r.age, r.age_band.as_str(), r.mode.as_str()),
        (4, "3-5", "checkin")
    );
    assert_eq!(
        (r.started_at.as_str(), r.completed_at.as_str()),
        (T0, at(4).as_str())
    );
    assert_eq!(r.answers.len(), 4);
    assert_eq!(r.scores.mood, Some(10.0));
    assert_eq!(r.scores.feelings, vec!["scared"]);
    assert_eq!(r.scores.intensity, Some(8.0));
    assert_eq!(r.scores.wants_to_talk, None, "not asked at 3-5");
    assert_eq!(r.scores.alliance, None);
}

#[test]
fn picks_that_do_not_fit_change_nothing() {
    let mut f = flow(7, "checkin");
    f.apply(FlowAction::Begin);
    assert!(
        answer(&mut f, Pick::Choice(5), 1).is_empty(),
        "only 5 faces"
    );
    assert!(answer(&mut f, Pick::Level(3), 1).is_empty(), "not a line");
    answer(&mut f, Pick::Choice(4), 1);
    f.apply(FlowAction::Skip { now: at(1) });
    let too_many = Pick::Feelings(vec!["sad".into(), "angry".into(), "tired".into()]);
    assert!(
        answer(&mut f, too_many, 2).is_empty(),
        "6-8 pick one or two"
    );
    let not_offered = Pick::Feelings(vec!["overwhelmed".into()]);
    assert!(
        answer(&mut f, not_offered, 2).is_empty(),
        "teen words only from 13"
    );
    assert!(
        answer(&mut f, Pick::Feelings(vec![]), 2).is_empty(),
        "empty is a skip, not an answer"
    );
    let out = answer(
        &mut f,
        Pick::Feelings(vec!["tired".into(), "sad".into()]),
        2,
    );
    let a = &answers_of(&out)[0];
    // Catalog order, whatever the tap order.
    assert_eq!(
        a.value,
        Some(AnswerValue::List(vec!["sad".into(), "tired".into()]))
    );
    assert_eq!(a.label.as_deref(), Some("Sad, Tired"));
    assert_eq!(f.current().unwrap().id, "intensity.strongest");
}

#[test]
fn older_checkin_uses_a_line_and_asks_about_talking() {
    let mut f = flow(10, "checkin");
    let ids: Vec<&str> = f.prompts.iter().map(|p| p.id).collect();
    assert_eq!(
        ids,
        vec![
            "mood.now",
            "drawing.feel",
            "feelings.which",
            "intensity.strongest",
            "talk.today"
        ]
    );
    f.apply(FlowAction::Begin);
    answer(&mut f, Pick::Choice(1), 1);
    f.apply(FlowAction::Skip { now: at(1) });
    let many: Vec<String> = ["sad", "angry", "worried", "lonely", "confused"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        answers_of(&answer(&mut f, Pick::Feelings(many), 2)).len(),
        1,
        "several at 9+"
    );
    assert!(answer(&mut f, Pick::Level(11), 3).is_empty());
    let a = &answers_of(&answer(&mut f, Pick::Level(7), 3))[0];
    assert_eq!(
        (a.kind.code(), &a.value, a.label.as_deref()),
        ("line", &num(7.0), Some("7 out of 10"))
    );
    let out = answer(&mut f, Pick::Choice(1), 4);
    assert_eq!(
        answers_of(&out)[0].value,
        Some(AnswerValue::Text("later".into()))
    );
    let Some(Outbound::Complete(r)) = out.last() else {
        panic!()
    };
    assert_eq!(r.scores.wants_to_talk.as_deref(), Some("later"));
    assert!(!r.scores.flags.wants_to_talk);
}

#[test]
fn skip_is_recorded_as_a_skip_never_a_value() {
    let mut f = flow(10, "checkin");
    f.apply(FlowAction::Begin);
    let out = f.apply(FlowAction::Skip { now: at(1) });
    let a = &answers_of(&out)[0];
    assert!(a.skipped);
    assert_eq!(a.value, None);
    assert_eq!(a.label, None);
}

#[test]
fn every_prompt_of_every_flow_can_be_skipped() {
    for age in [3, 7, 11, 16] {
        for mode in ["checkin", "checkout"] {
            let mut f = flow(age, mode);
            f.apply(FlowAction::Begin);
            let mut out = Vec::new();
            for n in 0..f.prompts.len() {
                out.extend(f.apply(FlowAction::Skip { now: at(n as u32) }));
            }
            assert_eq!(f.step, Step::Done, "{age} {mode}");
            let Some(Outbound::Complete(r)) = out.last() else {
                panic!("{age} {mode}")
            };
            assert_eq!(r.answers.len(), f.prompts.len());
            assert!(r.answers.iter().all(|a| a.skipped && a.value.is_none()));
        }
    }
}

#[test]
fn checkout_has_trust_items_by_band() {
    let ids = |age| -> Vec<&str> { flow(age, "checkout").prompts.iter().map(|p| p.id).collect() };
    assert_eq!(
        ids(4),
        vec![
            "trust.liked_being_here",
            "trust.listened",
            "trust.helped",
            "drawing.together"
        ]
    );
    let four = vec![
        "trust.listened",
        "trust.what_matters",
        "trust.helped",
        "trust.next_time",
    ];
    let mut with_drawing = four.clone();
    with_drawing.push("drawing.together");
    assert_eq!(ids(7), with_drawing);
    assert_eq!(ids(12), with_drawing);
    // 13–17: the four lines, then this session's statement and its opposite.
    let mut teen = four.clone();
    teen.extend(match catalog::slot("s-1") {
        1 => ["trust.hard_things", "trust.hold_back"],
        2 => ["trust.on_my_side", "trust.cant_count_on"],
        3 => ["trust.my_goals", "trust.not_my_goals"],
        _ => ["trust.how_we_work", "trust.no_sense"],
    });
    assert_eq!(ids(14), teen);
    let f = flow(7, "checkout");
    let constructs: Vec<Construct> = f.prompts.iter().map(|p| p.construct).collect();
    assert_eq!(
        constructs,
        vec![
            Construct::Bond,
            Construct::Goals,
            Construct::Tasks,
            Construct::Overall,
            Construct::Drawing
        ]
    );
    let kinds = |age| -> Vec<&str> {
        flow(age, "checkout")
            .prompts
            .iter()
            .map(|p| p.kind().code())
            .collect()
    };
    assert_eq!(
        kinds(7),
        vec!["faces", "faces", "faces", "faces", "drawing"]
    );
    assert_eq!(kinds(10)[..4], ["line"; 4]);
    assert_eq!(kinds(15)[..4], ["line"; 4]);
    assert_eq!(kinds(15)[4..], ["agree4"; 2]);
}

#[test]
fn every_value_maps_back_to_its_pick() {
    for age in [4, 7, 10, 15] {
        for mode in ["checkin", "checkout"] {
            let f = flow(age, mode);
            for p in &f.prompts {
                let picks: Vec<Pick> = match p.kind().code() {
                    "line" => (0..=10).map(Pick::Level).collect(),
                    "drawing" => vec![Pick::Drawing(a_drawing())],
                    "feelings" => catalog::feelings(f.config.band())
                        .iter()
                        .map(|x| Pick::Feelings(vec![x.id.into()]))
                        .collect(),
                    _ => (0..5).map(Pick::Choice).collect(),
                };
                let mut round_trips = 0;
                for pick in picks {
                    if let Some((value, _)) = value_of(&f.config, p, &pick) {
                        assert_eq!(pick_of(&f.config, p, &value), Some(pick), "{}", p.id);
                        round_trips += 1;
                    }
                }
                assert!(round_trips > 0, "{}: no pick gave a value", p.id);
            }
        }
    }
}

fn a_drawing() -> String {
    let mut d = Drawing::default();
    let points = (0..40)
        .map(|i| Point {
            x: 100.0 + f64::from(i) * 7.0,
            y: 300.0 + (f64::from(i) / 5.0).sin() * 60.0,
            pressure: 0.5,
        })
        .collect();
    d.add(Stroke {
        tool: Tool::Pen,
        color: [0xe0, 0x41, 0x2f],
        width: 7.0,
        points,
    });
    d.to_encoded().encode()
}

#[test]
fn a_drawing_answer_carries_its_strokes_and_an_svg_made_from_them() {
    let mut f = flow(6, "checkin");
    f.apply(FlowAction::Begin);
    answer(&mut f, Pick::Choice(2), 1);
    assert_eq!(f.current().unwrap().id, "drawing.feel");
    assert!(answer(&mut f, Pick::Drawing("not a drawing".into()), 2).is_empty());
    let empty = Drawing::default().to_encoded().encode();
    assert!(
        answer(&mut f, Pick::Drawing(empty), 2).is_empty(),
        "an empty drawing is no answer"
    );
    let data = a_drawing();
    let a = &answers_of(&answer(&mut f, Pick::Drawing(data.clone()), 2))[0];
    assert_eq!(
        (a.kind.code(), a.construct.code(), a.label.as_deref()),
        ("drawing", "drawing", Some("A drawing"))
    );
    let Some(AnswerValue::Drawing(d)) = &a.value else {
        panic!("{a:?}")
    };
    assert_eq!(
        (d.format.as_str(), d.strokes.as_str()),
        ("ally.strokes/1", data.as_str())
    );
    assert!(
        d.svg
            .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 700\""),
        "{}",
        d.svg
    );
    assert!(d.svg.contains("stroke=\"#e0412f\""));

    // On resume the SVG is made again from the strokes, whatever the host sends.
    let mut forged = a.clone();
    if let Some(AnswerValue::Drawing(d)) = &mut forged.value {
        d.svg = "<svg onload=\"alert(1)\"/>".into();
    }
    let resumed = flow(6, "checkin").resume(Resume {
        answers: vec![forged.into()],
        started_at: None,
        ..Resume::default()
    });
    assert_eq!(resumed.answers[1].as_ref(), Some(a));
}

#[test]
fn back_changes_an_answer_and_the_latest_wins() {
    let mut f = flow(7, "checkout");
    f.apply(FlowAction::Begin);
    answer(&mut f, Pick::Choice(1), 1);
    assert_eq!(f.step, Step::Prompt(1));
    assert!(f.apply(FlowAction::Back).is_empty());
    assert_eq!(f.step, Step::Prompt(0));
    assert_eq!(f.current_pick(), Some(Pick::Choice(1)));
    let out = answer(&mut f, Pick::Choice(4), 2);
    assert_eq!(answers_of(&out)[0].value, num(10.0));
    assert_eq!(f.answers[0].as_ref().unwrap().value, num(10.0));
    f.apply(FlowAction::Back);
    f.apply(FlowAction::Back);
    assert_eq!(f.step, Step::Welcome);
    assert!(f.apply(FlowAction::Back).is_empty());
    f.apply(FlowAction::Begin);
    assert_eq!(
        f.step,
        Step::Prompt(1),
        "Start goes on from the first open prompt"
    );
}

#[test]
fn resume_continues_from_the_first_open_prompt() {
    let mut first = flow(9, "checkin");
    first.apply(FlowAction::Begin);
    let mut kept = answers_of(&answer(&mut first, Pick::Choice(3), 1));
    kept.extend(answers_of(&first.apply(FlowAction::Skip { now: at(1) })));
    kept.extend(answers_of(&answer(
        &mut first,
        Pick::Feelings(vec!["proud".into(), "tired".into()]),
        2,
    )));
    kept.extend(answers_of(&first.apply(FlowAction::Skip { now: at(3) })));
    let resumed = flow(9, "checkin").resume(Resume {
        answers: kept.iter().map(Given::from).collect(),
        started_at: Some("2026-11-25T09:59:00.000Z".into()),
        ..Resume::default()
    });
    assert_eq!(resumed.step, Step::Prompt(4));
    assert_eq!(resumed.started_at, "2026-11-25T09:59:00.000Z");
    assert_eq!(resumed.answers[0].as_ref(), Some(&kept[0]));
    assert!(resumed.answers[1].as_ref().unwrap().skipped);
    assert_eq!(resumed.answers[2].as_ref(), Some(&kept[2]));
    assert!(resumed.answers[3].as_ref().unwrap().skipped);

    // A value off the band's scale, a forged label or an unknown prompt is not taken back.
    let mut off_scale = kept[0].clone();
    off_scale.value = num(3.3);
    let mut stranger = kept[0].clone();
    stranger.prompt_id = "nope".into();
    let mut teen_word = kept[2].clone();
    teen_word.value = Some(AnswerValue::List(vec!["overwhelmed".into()]));
    let f = flow(9, "checkin").resume(Resume {
        answers: vec![off_scale.into(), stranger.into(), teen_word.into()],
        started_at: None,
        ..Resume::default()
    });
    assert_eq!(f.step, Step::Welcome);
    assert!(f.answers.iter().all(Option::is_none));
    let mut relabelled = kept[0].clone();
    relabelled.label = Some("<b>hi</b>".into());
    let f = flow(9, "checkin").resume(Resume {
        answers: vec![relabelled.into()],
        started_at: None,
        ..Resume::default()
    });
    assert_eq!(
        f.answers[0].as_ref().unwrap().label.as_deref(),
        Some("Good")
    );
}

fn init(w: &Widget, config: serde_json::Value, resume: Option<serde_json::Value>) -> Widget {
    w.reduce(WidgetAction::Init {
        run: None,
        config,
        resume,
        now: T0.into(),
    })
}

#[test]
fn widget_init_emits_ready_and_bad_config_emits_error() {
    let w = Widget::new("s-1");
    let bad = init(&w, json!({ "age": 42 }), None);
    assert!(matches!(bad.stage, Stage::Invalid(_)));
    let [Queued { seq: 1, msg, .. }] = bad.outbox.as_slice() else {
        panic!("{:?}", bad.outbox)
    };
    let Outbound::Error(e) = &**msg else {
        panic!("{msg:?}")
    };
    assert_eq!(e.code, "invalid_config");
    assert_eq!(e.field.as_deref(), Some("age"));
    assert_eq!(
        e.message,
        "age: must be a whole number from 3 to 17, got 42"
    );

    // The host may correct itself.
    let good = init(&bad, json!({ "age": 6, "mode": "checkout" }), None);
    let Some(Queued { seq: 2, msg, .. }) = good.outbox.last() else {
        panic!()
    };
    let Outbound::Ready(r) = &**msg else {
        panic!("{msg:?}")
    };
    assert_eq!(r.age_band, "6-8");
    assert_eq!(r.mode, "checkout");
    assert_eq!(r.steps.len(), 5);
    // A second init is ignored.
    let again = init(&good, json!({ "age": 15 }), None);
    assert_eq!(again, good);
}

#[test]
fn widget_flow_reset_and_refusal() {
    let w = init(
        &Widget::new("s-1"),
        json!({ "age": 12, "mode": "checkout" }),
        None,
    );
    let mut w = w.reduce(WidgetAction::Flow(FlowAction::Begin));
    for n in 0..4 {
        w = w.reduce(WidgetAction::Flow(FlowAction::Answer {
            pick: Pick::Level(n),
            now: at(n.into()),
        }));
    }
    w = w.reduce(WidgetAction::Flow(FlowAction::Skip { now: at(5) }));
    let kinds: Vec<&str> = w.outbox.iter().map(|q| q.msg.kind()).collect();
    assert_eq!(
        kinds,
        vec!["ready", "answer", "answer", "answer", "answer", "answer", "complete"]
    );
    let seqs: Vec<u64> = w.outbox.iter().map(|q| q.seq).collect();
    assert_eq!(seqs, vec![1, 2, 3, 4, 5, 6, 7]);
    let w = w.reduce(WidgetAction::Reset {
        run: None,
        now: at(9),
    });
    let flow = w.flow().unwrap();
    assert_eq!(flow.step, Step::Welcome);
    assert!(flow.answers.iter().all(Option::is_none));
    assert_eq!(w.outbox.last().unwrap().msg.kind(), "ready");

    let refused = Widget::new("s-1").reduce(WidgetAction::Refuse(Refusal::OriginNotAllowed));
    assert_eq!(refused.stage, Stage::Refused(Refusal::OriginNotAllowed));
    assert_eq!(init(&refused, json!({ "age": 5 }), None), refused);
}

#[test]
fn widget_resume_of_a_finished_flow_completes_again() {
    let answers = json!([
        { "promptId": "trust.liked_being_here", "construct": "overall", "kind": "faces", "value": 5.0,
          "label": "A little", "skipped": false, "answeredAt": at(3) },
        { "promptId": "trust.listened", "construct": "bond", "kind": "faces", "value": null,
          "label": null, "skipped": true, "answeredAt": at(4) },
        { "promptId": "trust.helped", "construct": "tasks", "kind": "faces", "value": 10.0,
          "label": "Yes", "skipped": false, "answeredAt": at(4) },
        { "promptId": "drawing.together", "construct": "drawing", "kind": "drawing", "value": null,
          "label": null, "skipped": true, "answeredAt": at(5) }
    ]);
    let w = init(
        &Widget::new("s-1"),
        json!({ "age": 4, "mode": "checkout" }),
        Some(json!({ "answers": answers })),
    );
    assert_eq!(w.flow().unwrap().step, Step::Done);
    let kinds: Vec<&str> = w.outbox.iter().map(|q| q.msg.kind()).collect();
    assert_eq!(kinds, vec!["ready", "complete"]);

    // A malformed resume is reported, and the child starts fresh.
    let w = init(
        &Widget::new("s-1"),
        json!({ "age": 4 }),
        Some(json!({ "answers": 3 })),
    );
    let kinds: Vec<&str> = w.outbox.iter().map(|q| q.msg.kind()).collect();
    assert_eq!(kinds, vec!["error", "ready"]);
    assert_eq!(w.flow().unwrap().step, Step::Welcome);
    assert_eq!(w.flow().unwrap().config.mode, Mode::Checkin);
}

#[test]
fn a_double_tap_acts_once() {
    let w = init(
        &Widget::new("s-1"),
        json!({ "age": 7, "mode": "checkout" }),
        None,
    );
    let w = w.reduce(WidgetAction::On {
        step: Step::Welcome,
        action: FlowAction::Begin,
    });
    let skip = WidgetAction::On {
        step: Step::Prompt(0),
        action: FlowAction::Skip { now: at(1) },
    };
    let once = w.reduce(skip.clone());
    let twice = once.reduce(skip);
    assert_eq!(
        once, twice,
        "the second tap landed on the next screen and did nothing"
    );
    assert_eq!(twice.flow().unwrap().step, Step::Prompt(1));
    let tap = |step| WidgetAction::On {
        step,
        action: FlowAction::Answer {
            pick: Pick::Choice(4),
            now: at(2),
        },
    };
    let answered = twice
        .reduce(tap(Step::Prompt(1)))
        .reduce(tap(Step::Prompt(1)));
    assert_eq!(answered.flow().unwrap().step, Step::Prompt(2));
    assert!(answered.flow().unwrap().answers[2].is_none());
}

#[test]
fn one_bad_record_in_a_resume_loses_only_itself() {
    let good = json!({ "promptId": "trust.listened", "construct": "bond", "kind": "faces", "value": 7.5,
        "label": "Mostly", "skipped": false, "answeredAt": at(1) });
    let w = init(
        &Widget::new("s-1"),
        json!({ "age": 7, "mode": "checkout" }),
        Some(json!({ "answers": [{ "promptId": "trust.what_matters" }, good, 42] })),
    );
    let kinds: Vec<&str> = w.outbox.iter().map(|q| q.msg.kind()).collect();
    assert_eq!(kinds, vec!["error", "ready"]);
    let Outbound::Error(e) = &*w.outbox[0].msg else {
        panic!()
    };
    assert!(e.message.ends_with("at 0, 2"), "{}", e.message);
    let f = w.flow().unwrap();
    assert_eq!(f.answers[0].as_ref().unwrap().value, num(7.5));
    assert_eq!(f.step, Step::Prompt(1));
}

#[test]
fn resumed_times_must_be_times() {
    let mut first = flow(7, "checkout");
    first.apply(FlowAction::Begin);
    let mut a = answers_of(&answer(&mut first, Pick::Choice(1), 1)).remove(0);
    a.answered_at = "x".repeat(5000);
    let f = flow(7, "checkout").resume(Resume {
        answers: vec![a.into()],
        started_at: Some("yesterday".into()),
        ..Resume::default()
    });
    assert!(f.answers[0].is_none());
    assert_eq!(f.started_at, T0);
}

#[test]
fn the_outbox_keeps_only_the_newest_messages() {
    let mut w = init(
        &Widget::new("s-1"),
        json!({ "age": 7, "mode": "checkout" }),
        None,
    );
    w = w.reduce(WidgetAction::Flow(FlowAction::Begin));
    for n in 0..40 {
        w = w.reduce(WidgetAction::Flow(FlowAction::Answer {
            pick: Pick::Choice(1),
            now: at(n),
        }));
        w = w.reduce(WidgetAction::Flow(FlowAction::Back));
    }
    assert_eq!(w.outbox.len(), ally_core::flow::OUTBOX_KEEP);
    assert_eq!(w.outbox.last().unwrap().seq, 41, "numbering goes on");
    assert_eq!(
        w.newest(),
        41,
        "the newest number, not the length, tells what is new"
    );
    assert_eq!(Widget::new("s-2").newest(), 0);
}

#[test]
fn the_words_follow_what_was_said_before() {
    // 9–12: "that feeling" after one, "your feelings" after several, neutral after a skip.
    let mut f = Flow::new(
        parse(&json!({ "age": 10, "helperName": "Ana" })).unwrap(),
        "s",
        T0,
    );
    f.apply(FlowAction::Begin);
    answer(&mut f, Pick::Choice(1), 1);
    f.apply(FlowAction::Skip { now: at(2) });
    let intensity = f
        .prompts
        .iter()
        .position(|p| p.id == "intensity.strongest")
        .unwrap();
    answer(
        &mut f,
        Pick::Feelings(vec!["sad".into(), "tired".into()]),
        3,
    );
    assert_eq!(
        f.text(intensity),
        catalog::Tr::PromptStrongestLineSeveral.get(ally_core::config::Locale::En)
    );
    f.apply(FlowAction::Back);
    answer(&mut f, Pick::Feelings(vec!["sad".into()]), 4);
    assert_eq!(
        f.text(intensity),
        catalog::Tr::PromptStrongestLineOne.get(ally_core::config::Locale::En)
    );
    f.apply(FlowAction::Back);
    f.apply(FlowAction::Skip { now: at(5) });
    assert_eq!(
        f.text(intensity),
        catalog::Tr::PromptStrongestLine.get(ally_core::config::Locale::En)
    );
    // The helper is named as configured.
    let talk = f.prompts.iter().position(|p| p.id == "talk.today").unwrap();
    assert_eq!(
        f.text(talk),
        "Today, is there something you'd like to tell Ana?"
    );
    let es = Flow::new(
        parse(&json!({ "age": 10, "locale": "es", "helperName": "Dr. Rivera", "helperArticle": "el" }))
            .unwrap(),
        "s",
        T0,
    );
    assert_eq!(
        es.text(talk),
        "¿Hay algo que quieras contarle hoy al Dr. Rivera?"
    );
}

#[test]
fn the_mascot_cares_after_something_hard_and_never_cheers() {
    let mut f = flow(7, "checkin");
    f.apply(FlowAction::Begin);
    assert_eq!(f.reaction(), Reaction::Listening, "nothing said yet");
    answer(&mut f, Pick::Choice(0), 1); // "Awful"
    assert_eq!(f.reaction(), Reaction::Caring);
    f.apply(FlowAction::Back);
    answer(&mut f, Pick::Choice(4), 2); // "Great": no cheer, just listening
    assert_eq!(f.reaction(), Reaction::Listening);
    f.apply(FlowAction::Skip { now: at(3) }); // the drawing
    assert_eq!(f.reaction(), Reaction::Listening, "a skip is nothing hard");
    answer(
        &mut f,
        Pick::Feelings(vec!["happy".into(), "worried".into()]),
        4,
    );
    assert_eq!(
        f.reaction(),
        Reaction::Caring,
        "a hard feeling among easy ones"
    );
    answer(&mut f, Pick::Choice(2), 5); // big
    assert_eq!(
        f.reaction(),
        Reaction::Listening,
        "how big says nothing of hard"
    );
}

#[test]
fn the_end_is_calm_after_something_hard() {
    let walk = |age: u8, mode: &str, picks: Vec<Option<Pick>>| {
        let mut f = flow(age, mode);
        f.apply(FlowAction::Begin);
        for (n, p) in picks.into_iter().enumerate() {
            match p {
                Some(pick) => answer(&mut f, pick, n as u32),
                None => f.apply(FlowAction::Skip { now: at(n as u32) }),
            };
        }
        while f.step != Step::Done {
            f.apply(FlowAction::Skip { now: at(50) });
        }
        f.calm_ending()
    };
    let c = |i| Some(Pick::Choice(i));
    assert!(!walk(4, "checkin", vec![c(2)]), "a good face");
    assert!(walk(4, "checkin", vec![c(0)]), "the sad face");
    assert!(!walk(4, "checkin", vec![c(1)]), "the middle face");
    assert!(walk(
        7,
        "checkin",
        vec![c(4), None, Some(Pick::Feelings(vec!["sad".into()]))]
    ));
    assert!(!walk(
        7,
        "checkin",
        vec![c(3), None, Some(Pick::Feelings(vec!["calm".into()]))]
    ));
    assert!(
        walk(7, "checkout", vec![c(4), c(1)]),
        "'not really' on a trust face"
    );
    assert!(
        walk(11, "checkout", vec![Some(Pick::Level(3))]),
        "a low trust line"
    );
    assert!(
        !walk(11, "checkin", vec![c(3), None, None, Some(Pick::Level(10))]),
        "a strong feeling is not a hard one"
    );
    let mut teen = vec![Some(Pick::Level(10)); 4];
    teen.push(c(1)); // "disagree a little"
    assert!(walk(15, "checkout", teen));
    let lines = || vec![Some(Pick::Level(10)); 4];
    let mut opposite = lines();
    opposite.extend([c(3), c(3)]); // agrees a lot with the statement and its opposite
    assert!(
        walk(15, "checkout", opposite),
        "agreeing with an opposite is a disagree"
    );
    let mut both = lines();
    both.extend([c(3), c(0)]);
    assert!(
        !walk(15, "checkout", both),
        "disagreeing with an opposite is not"
    );
    assert!(!walk(15, "checkout", vec![]), "all skipped");
}

#[test]
fn delivered_only_once_the_host_has_this_runs_result() {
    let finish = |mut w: Widget| {
        w = w.reduce(WidgetAction::Flow(FlowAction::Begin));
        while w.flow().unwrap().step != Step::Done {
            w = w.reduce(WidgetAction::Flow(FlowAction::Skip { now: at(1) }));
        }
        w
    };
    let w = init(&Widget::new("s-1"), json!({ "age": 12 }), None);
    let ready = w.newest();
    let w = w.reduce(WidgetAction::Delivered { seq: ready });
    assert!(
        !w.flow().unwrap().delivered,
        "an ack before the end means nothing"
    );
    let w = finish(w);
    assert!(!w.flow().unwrap().delivered, "sending, not sent");
    let first = w.result_seq.expect("the result is queued");
    assert!(matches!(
        *w.outbox.iter().find(|q| q.seq == first).unwrap().msg,
        Outbound::Complete(_)
    ));
    let w = w.reduce(WidgetAction::Delivered { seq: first - 1 });
    assert!(!w.flow().unwrap().delivered, "an ack of another message");
    let done = w.reduce(WidgetAction::Delivered { seq: first });
    assert!(done.flow().unwrap().delivered);
    // A new run: the ack of the first run's result, arriving late, says
    // nothing of the second's, before or after it ends.
    let w = w.reduce(WidgetAction::Reset {
        run: Some(2),
        now: at(9),
    });
    assert!(!w.flow().unwrap().delivered, "a new run starts unsent");
    let w = w.reduce(WidgetAction::Delivered { seq: first });
    assert!(!w.flow().unwrap().delivered);
    let w = finish(w);
    let w = w.reduce(WidgetAction::Delivered { seq: first });
    assert!(
        !w.flow().unwrap().delivered,
        "the first run's ack does not send the second's result"
    );
    let second = w.result_seq.unwrap();
    assert_ne!(second, first);
    let w = w.reduce(WidgetAction::Delivered { seq: second });
    assert!(w.flow().unwrap().delivered);
}

#[test]
fn a_timestamp_must_be_a_real_date_and_time() {
    use ally_core::time::is_timestamp;
    for good in [
        "2026-11-25T10:00:00Z",
        "2026-11-25T10:00:00.000Z",
        "2024-02-29T23:59:59.999999Z",
        "2000-02-29T00:00:00Z",
        "1999-12-31T23:59:59.5Z",
    ] {
        assert!(is_timestamp(good), "{good}");
    }
    for bad in [
        "2026-99-99T99:99:99Z",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2026-11-25T24:00:00Z",
        "2026-11-25T10:60:00Z",
        "2026-11-25T10:00:60Z",
        "2026-11-25T10:00:00.Z",
        "2026-11-25T10:00:00.1x2Z",
        "2026-11-25 10:00:00Z",
        "2026-11-25T10:00:00",
        "2026-11-25T10:00:00+01:00",
        "2026-1-25T10:00:00.000Z",
        "-026-11-25T10:00:00Z",
        "",
    ] {
        assert!(!is_timestamp(bad), "{bad}");
    }
    // A resumed answer with an impossible time is left out.
    let mut first = flow(7, "checkout");
    first.apply(FlowAction::Begin);
    let mut a = answers_of(&answer(&mut first, Pick::Choice(1), 1)).remove(0);
    a.answered_at = "2026-99-99T99:99:99Z".into();
    let f = flow(7, "checkout").resume(Resume {
        answers: vec![a.into()],
        started_at: Some("2026-02-30T10:00:00Z".into()),
        ..Resume::default()
    });
    assert!(f.answers[0].is_none());
    assert_eq!(f.started_at, T0);
}

#[test]
fn every_message_names_the_run_it_belongs_to() {
    let w = Widget::new("s-1").reduce(WidgetAction::Init {
        config: json!({ "age": 9, "mode": "checkout" }),
        resume: None,
        run: Some(1),
        now: T0.into(),
    });
    let mut w = w.reduce(WidgetAction::Flow(FlowAction::Begin));
    while w.flow().unwrap().step != Step::Done {
        w = w.reduce(WidgetAction::Flow(FlowAction::Skip { now: at(1) }));
    }
    let complete = w.outbox.last().unwrap().clone();
    assert_eq!((complete.msg.kind(), complete.run), ("complete", Some(1)));
    // After a reset, new messages are the new run's; the ones queued before keep theirs.
    let w = w.reduce(WidgetAction::Reset {
        run: Some(2),
        now: at(2),
    });
    assert!(w
        .outbox
        .iter()
        .any(|q| q.seq == complete.seq && q.run == Some(1)));
    let ready = w.outbox.last().unwrap();
    assert_eq!((ready.msg.kind(), ready.run), ("ready", Some(2)));
    // A host that gives no run gets none.
    let w = init(&Widget::new("s-1"), json!({ "age": 9 }), None);
    assert!(w.outbox.iter().all(|q| q.run.is_none()));
}

#[test]
fn a_resume_needs_only_what_the_widget_reads() {
    // promptId, value (a drawing without its SVG), skipped, answeredAt: nothing else.
    let drawing = a_drawing();
    let answers = json!([
        { "promptId": "trust.listened", "value": 7.5, "skipped": false, "answeredAt": at(1) },
        { "promptId": "trust.what_matters", "value": null, "skipped": true, "answeredAt": at(2) },
        { "promptId": "trust.helped", "value": 10, "skipped": false, "answeredAt": at(3) },
        { "promptId": "trust.next_time", "value": 0, "skipped": false, "answeredAt": at(4) },
        { "promptId": "drawing.together", "value": { "format": "ally.strokes/1", "strokes": drawing },
          "skipped": false, "answeredAt": at(5) }
    ]);
    let w = init(
        &Widget::new("s-1"),
        json!({ "age": 7, "mode": "checkout" }),
        Some(json!({ "answers": answers })),
    );
    let f = w.flow().unwrap();
    assert_eq!(f.step, Step::Done, "every answer was taken back");
    let d = f.answers[4].as_ref().unwrap();
    let Some(AnswerValue::Drawing(v)) = &d.value else {
        panic!("{d:?}")
    };
    assert!(
        v.svg.starts_with("<svg"),
        "the SVG is made again from the strokes"
    );
    assert_eq!(f.answers[0].as_ref().unwrap().label.as_deref(), Some("Yes"));
    assert_eq!(f.answers[0].as_ref().unwrap().construct, Construct::Bond);
}

fn attentions(out: &[Outbound]) -> Vec<(&'static str, Option<String>, String)> {
    out.iter()
        .filter_map(|o| match o {
            Outbound::Attention(a) => Some((a.reason, a.prompt_id.clone(), a.raised_at.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_concern_is_sent_the_moment_it_arises_and_once() {
    let mut f = flow(10, "checkin");
    f.apply(FlowAction::Begin);
    // The lowest face: nothing yet, it takes a strong feeling too.
    assert!(attentions(&answer(&mut f, Pick::Choice(0), 1)).is_empty());
    f.apply(FlowAction::Skip { now: at(2) });
    assert!(attentions(&answer(&mut f, Pick::Feelings(vec!["sad".into()]), 3)).is_empty());
    let out = answer(&mut f, Pick::Level(9), 4);
    // Right after the answer that raised it, before anything else.
    assert_eq!(out[0].kind(), "answer");
    assert_eq!(
        attentions(&out),
        vec![(
            "low_mood_strong_feeling",
            Some("intensity.strongest".into()),
            at(4)
        )]
    );
    assert!(out[1].needs_ack(), "resent until the host has it");
    // Back and again: it was sent; it is not sent twice.
    f.apply(FlowAction::Back);
    assert!(attentions(&answer(&mut f, Pick::Level(10), 5)).is_empty());
    // The second reason is its own.
    let out = answer(&mut f, Pick::Choice(0), 6);
    assert_eq!(
        attentions(&out),
        vec![(
            "hard_feeling_wants_to_talk",
            Some("talk.today".into()),
            at(6)
        )]
    );
    let Some(Outbound::Complete(r)) = out.last() else {
        panic!("{out:?}")
    };
    let reasons: Vec<&str> = r.scores.flags.concern.iter().map(|c| c.reason).collect();
    assert_eq!(
        reasons,
        ["low_mood_strong_feeling", "hard_feeling_wants_to_talk"]
    );
}

#[test]
fn asking_for_help_tells_the_host_and_goes_back_to_where_the_child_was() {
    let w = init(&Widget::new("s-1"), json!({ "age": 14 }), None);
    let w = w.reduce(WidgetAction::Flow(FlowAction::Begin));
    let w = w.reduce(WidgetAction::Flow(FlowAction::Answer {
        pick: Pick::Choice(3),
        now: at(1),
    }));
    let before = w.newest();
    let w = w.reduce(WidgetAction::Flow(FlowAction::AskHelp { now: at(2) }));
    let f = w.flow().unwrap();
    assert!(f.helping && !f.told);
    assert_eq!(
        f.step,
        Step::Prompt(1),
        "the step is kept under the help screen"
    );
    let sent: Vec<&Queued> = w.outbox.iter().filter(|q| q.seq > before).collect();
    assert_eq!(sent.len(), 1);
    let Outbound::Attention(a) = &*sent[0].msg else {
        panic!("{sent:?}")
    };
    assert_eq!(
        (a.reason, a.prompt_id.as_deref(), a.raised_at.as_str()),
        ("asked_for_help", Some("drawing.feel"), at(2).as_str())
    );
    // Another message's ack says nothing; this one's says the helper was told.
    let w = w.reduce(WidgetAction::Delivered { seq: before });
    assert!(!w.flow().unwrap().told);
    let w = w.reduce(WidgetAction::Delivered { seq: sent[0].seq });
    assert!(w.flow().unwrap().told);
    // Asking again sends nothing more; going back keeps every answer.
    let again = w.reduce(WidgetAction::Flow(FlowAction::AskHelp { now: at(3) }));
    assert_eq!(again.newest(), w.newest());
    let w = again.reduce(WidgetAction::Flow(FlowAction::CloseHelp));
    let f = w.flow().unwrap();
    assert!(!f.helping);
    assert_eq!(f.step, Step::Prompt(1));
    assert!(f.answers[0].is_some());
    // The result says so, and is named by it: the same answers without help are another record.
    let mut done = w.clone();
    while done.flow().unwrap().step != Step::Done {
        done = done.reduce(WidgetAction::Flow(FlowAction::Skip { now: at(4) }));
    }
    let r = done.flow().unwrap().result();
    assert_eq!(r.help.as_ref().map(|h| h.at.as_str()), Some(at(2).as_str()));
    assert_eq!(
        r.scores.flags.concern.last().unwrap().reason,
        "asked_for_help"
    );
    let json = ally_core::json::to_string(&r);
    assert!(
        json.contains(r#""help":{"promptId":"drawing.feel","askedAt":"#),
        "{json}"
    );
}

#[test]
fn the_help_control_is_only_where_the_portal_and_the_band_allow_it() {
    for (config, offered) in [
        (json!({ "age": 4 }), false),
        (json!({ "age": 7 }), false),
        (json!({ "age": 7, "helpButton": true }), true),
        (json!({ "age": 10, "helpButton": false }), false),
        (json!({ "age": 10 }), true),
    ] {
        let w = init(&Widget::new("s-1"), config.clone(), None);
        let w = w.reduce(WidgetAction::Flow(FlowAction::AskHelp { now: at(1) }));
        let f = w.flow().unwrap();
        assert_eq!(f.helping, offered, "{config}");
        assert_eq!(
            w.outbox.iter().any(|q| q.msg.kind() == "attention"),
            offered,
            "{config}"
        );
    }
}

#[test]
fn a_resumed_request_for_help_is_kept_and_sent_again() {
    let attention = json!([{ "id": "x", "reason": "asked_for_help", "promptId": "mood.now",
                             "raisedAt": at(2) }]);
    let w = init(
        &Widget::new("s-1"),
        json!({ "age": 12 }),
        Some(json!({ "answers": [], "attention": attention })),
    );
    let f = w.flow().unwrap();
    assert_eq!(f.help.as_ref().map(|h| h.at.clone()), Some(at(2)));
    let kinds: Vec<&str> = w.outbox.iter().map(|q| q.msg.kind()).collect();
    assert_eq!(kinds, ["ready", "attention"]);
    // The same reason in the same session has the same id, however often sent.
    let Outbound::Attention(a) = &*w.outbox[1].msg else {
        panic!()
    };
    let mut fresh = flow(12, "checkin");
    let out = fresh.apply(FlowAction::AskHelp { now: at(9) });
    let Outbound::Attention(b) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(a.id, b.id);
    // A request on a prompt this check doesn't have is left out.
    let w = init(
        &Widget::new("s-1"),
        json!({ "age": 12 }),
        Some(
            json!({ "attention": [{ "reason": "asked_for_help", "promptId": "nope", "raisedAt": at(2) }] }),
        ),
    );
    assert!(w.flow().unwrap().help.is_none());
}

#[test]
fn help_after_the_end_tells_the_host_and_never_makes_a_second_result() {
    let w = init(&Widget::new("s-1"), json!({ "age": 15 }), None);
    let mut w = w.reduce(WidgetAction::Flow(FlowAction::Begin));
    while w.flow().unwrap().step != Step::Done {
        w = w.reduce(WidgetAction::Flow(FlowAction::Skip { now: at(1) }));
    }
    let results = |w: &Widget| {
        w.outbox
            .iter()
            .filter(|q| q.msg.kind() == "complete")
            .count()
    };
    assert_eq!(results(&w), 1);
    let w = w.reduce(WidgetAction::Flow(FlowAction::AskHelp { now: at(2) }));
    assert_eq!(results(&w), 1);
    assert_eq!(w.outbox.last().unwrap().msg.kind(), "attention");
    assert!(w.flow().unwrap().helping);
}

#[test]
fn the_mascot_stays_neutral_at_checkout_whatever_is_said_of_the_helper() {
    let mut f = flow(7, "checkout");
    f.apply(FlowAction::Begin);
    answer(&mut f, Pick::Choice(0), 1);
    assert_eq!(f.reaction(), Reaction::Listening);
}
