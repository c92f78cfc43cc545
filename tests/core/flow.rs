use ally::core::catalog::{self, face_value, Construct};
use ally::core::config::{parse, AgeBand, Mode};
use ally::core::flow::{Flow, FlowAction, Refusal, Stage, Step, Widget, WidgetAction};
use ally::core::protocol::{Outbound, Resume};
use serde_json::json;

const T0: &str = "2026-11-25T10:00:00.000Z";

fn flow(age: u8, mode: &str) -> Flow {
    let c = parse(&json!({ "age": age, "mode": mode })).unwrap();
    Flow::new(c, "s-1", T0)
}

fn at(n: u32) -> String {
    format!("2026-11-25T10:00:{n:02}.000Z")
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
fn checkin_answer_then_done_emits_answer_and_complete() {
    let mut f = flow(4, "checkin");
    assert_eq!(f.step, Step::Welcome);
    assert!(f.apply(FlowAction::Begin).is_empty());
    assert_eq!(f.step, Step::Prompt(0));
    assert_eq!(f.current().unwrap().id, "mood.now");
    let out = f.apply(FlowAction::Choose {
        index: 2,
        now: at(5),
    });
    assert_eq!(f.step, Step::Done);
    assert_eq!(out.len(), 2);
    let Outbound::Answer(a) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(
        (a.value, a.label.as_deref(), a.skipped),
        (Some(10.0), Some("Good"), false)
    );
    assert_eq!((a.construct.as_str(), a.kind.as_str()), ("mood", "faces"));
    let Outbound::Complete(r) = &out[1] else {
        panic!("{out:?}")
    };
    assert_eq!(r.schema, "ally.result/1");
    assert_eq!(
        (r.age, r.age_band.as_str(), r.mode.as_str()),
        (4, "3-5", "checkin")
    );
    assert_eq!(
        (r.started_at.as_str(), r.completed_at.as_str()),
        (T0, at(5).as_str())
    );
    assert_eq!(r.answers, vec![a.clone()]);
}

#[test]
fn skip_is_recorded_as_a_skip_never_a_value() {
    let mut f = flow(10, "checkin");
    f.apply(FlowAction::Begin);
    let out = f.apply(FlowAction::Skip { now: at(1) });
    let Outbound::Answer(a) = &out[0] else {
        panic!()
    };
    assert!(a.skipped);
    assert_eq!(a.value, None);
    assert_eq!(a.label, None);
    let Outbound::Complete(r) = &out[1] else {
        panic!()
    };
    assert!(r.answers[0].skipped && r.answers[0].value.is_none());
}

#[test]
fn checkout_has_trust_items_by_band() {
    let ids = |age| -> Vec<&str> { flow(age, "checkout").prompts.iter().map(|p| p.id).collect() };
    assert_eq!(ids(4), vec!["trust.listened", "trust.liked_being_here"]);
    assert_eq!(
        ids(14),
        vec![
            "trust.listened",
            "trust.what_matters",
            "trust.liked_what_we_did",
            "trust.next_time"
        ]
    );
    let f = flow(7, "checkout");
    let constructs: Vec<Construct> = f.prompts.iter().map(|p| p.construct).collect();
    assert_eq!(
        constructs,
        vec![
            Construct::Bond,
            Construct::Goals,
            Construct::Tasks,
            Construct::Overall
        ]
    );
    assert_eq!(f.prompts[0].text.en, "Did you feel listened to today?");
}

#[test]
fn back_changes_an_answer_and_the_latest_wins() {
    let mut f = flow(7, "checkout");
    f.apply(FlowAction::Begin);
    f.apply(FlowAction::Choose {
        index: 1,
        now: at(1),
    });
    assert_eq!(f.step, Step::Prompt(1));
    assert!(f.apply(FlowAction::Back).is_empty());
    assert_eq!(f.step, Step::Prompt(0));
    assert_eq!(f.current_choice(), Some(1));
    let out = f.apply(FlowAction::Choose {
        index: 4,
        now: at(2),
    });
    let Outbound::Answer(a) = &out[0] else {
        panic!()
    };
    assert_eq!(a.value, Some(10.0));
    assert_eq!(f.answers[0].as_ref().unwrap().value, Some(10.0));
    f.apply(FlowAction::Back);
    f.apply(FlowAction::Back);
    assert_eq!(f.step, Step::Welcome);
    // Back on the welcome screen and out-of-range choices change nothing.
    assert!(f.apply(FlowAction::Back).is_empty());
    f.apply(FlowAction::Begin);
    assert!(f
        .apply(FlowAction::Choose {
            index: 5,
            now: at(3)
        })
        .is_empty());
    assert_eq!(f.step, Step::Prompt(1));
}

#[test]
fn resume_continues_from_the_first_open_prompt() {
    let mut first = flow(9, "checkout");
    first.apply(FlowAction::Begin);
    let mut kept = Vec::new();
    for o in first.apply(FlowAction::Choose {
        index: 3,
        now: at(1),
    }) {
        if let Outbound::Answer(a) = o {
            kept.push(a);
        }
    }
    for o in first.apply(FlowAction::Skip { now: at(2) }) {
        if let Outbound::Answer(a) = o {
            kept.push(a);
        }
    }
    let resumed = flow(9, "checkout").resume(Resume {
        answers: kept.clone(),
        started_at: Some("2026-11-25T09:59:00.000Z".into()),
    });
    assert_eq!(resumed.step, Step::Prompt(2));
    assert_eq!(resumed.started_at, "2026-11-25T09:59:00.000Z");
    assert_eq!(resumed.answers[0].as_ref(), Some(&kept[0]));
    assert!(resumed.answers[1].as_ref().unwrap().skipped);

    // A value off the band's scale or an unknown prompt is not taken back.
    let mut forged = kept[0].clone();
    forged.value = Some(3.3);
    let mut stranger = kept[0].clone();
    stranger.prompt_id = "nope".into();
    let f = flow(9, "checkout").resume(Resume {
        answers: vec![forged, stranger],
        started_at: None,
    });
    assert_eq!(f.step, Step::Welcome);
    assert!(f.answers.iter().all(Option::is_none));
}

fn init(w: &Widget, config: serde_json::Value, resume: Option<serde_json::Value>) -> Widget {
    w.reduce(WidgetAction::Init {
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
    let [(1, Outbound::Error(e))] = bad.outbox.as_slice() else {
        panic!("{:?}", bad.outbox)
    };
    assert_eq!(e.code, "invalid_config");
    assert_eq!(e.field.as_deref(), Some("age"));
    assert_eq!(
        e.message,
        "age: must be a whole number from 3 to 17, got 42"
    );

    // The host may correct itself.
    let good = init(&bad, json!({ "age": 6, "mode": "checkout" }), None);
    let Some((2, Outbound::Ready(r))) = good.outbox.last() else {
        panic!()
    };
    assert_eq!(r.age_band, "6-8");
    assert_eq!(r.mode, "checkout");
    assert_eq!(r.steps.len(), 4);
    // A second init is ignored.
    let again = init(&good, json!({ "age": 15 }), None);
    assert_eq!(again, good);
}

#[test]
fn widget_flow_reset_and_refusal() {
    let w = init(&Widget::new("s-1"), json!({ "age": 12 }), None);
    let w = w.reduce(WidgetAction::Flow(FlowAction::Begin));
    let w = w.reduce(WidgetAction::Flow(FlowAction::Choose {
        index: 0,
        now: at(1),
    }));
    let kinds: Vec<&str> = w.outbox.iter().map(|(_, m)| m.kind()).collect();
    assert_eq!(kinds, vec!["ready", "answer", "complete"]);
    let seqs: Vec<u64> = w.outbox.iter().map(|(s, _)| *s).collect();
    assert_eq!(seqs, vec![1, 2, 3]);
    let w = w.reduce(WidgetAction::Reset { now: at(9) });
    let flow = w.flow().unwrap();
    assert_eq!(flow.step, Step::Welcome);
    assert!(flow.answers.iter().all(Option::is_none));
    assert_eq!(w.outbox.last().unwrap().1.kind(), "ready");

    let refused = Widget::new("s-1").reduce(WidgetAction::Refuse(Refusal::OriginNotAllowed));
    assert_eq!(refused.stage, Stage::Refused(Refusal::OriginNotAllowed));
    assert_eq!(init(&refused, json!({ "age": 5 }), None), refused);
}

#[test]
fn widget_resume_of_a_finished_flow_completes_again() {
    let answer = json!({
        "promptId": "mood.now", "construct": "mood", "kind": "faces", "value": 5.0,
        "label": "Okay", "skipped": false, "answeredAt": at(3)
    });
    let w = init(
        &Widget::new("s-1"),
        json!({ "age": 4 }),
        Some(json!({ "answers": [answer] })),
    );
    assert_eq!(w.flow().unwrap().step, Step::Done);
    let kinds: Vec<&str> = w.outbox.iter().map(|(_, m)| m.kind()).collect();
    assert_eq!(kinds, vec!["ready", "complete"]);

    // A malformed resume is reported, and the child starts fresh.
    let w = init(
        &Widget::new("s-1"),
        json!({ "age": 4 }),
        Some(json!({ "answers": 3 })),
    );
    let kinds: Vec<&str> = w.outbox.iter().map(|(_, m)| m.kind()).collect();
    assert_eq!(kinds, vec!["error", "ready"]);
    assert_eq!(w.flow().unwrap().step, Step::Welcome);
    assert_eq!(w.flow().unwrap().config.mode, Mode::Checkin);
}
