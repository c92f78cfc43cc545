use ally::core::config::parse;
use ally::core::flow::{Flow, FlowAction, Pick};
use ally::core::protocol::{Outbound, ResultDoc};
use ally::core::scoring::Scores;
use serde_json::{json, Value};

/// Walks a flow: `Some(pick)` answers, `None` skips; drawings, which are
/// not scored, are skipped on the way. Returns the result.
fn run(config: Value, steps: Vec<Option<Pick>>) -> ResultDoc {
    let mut f = Flow::new(parse(&config).unwrap(), "s-1", "t0");
    f.apply(FlowAction::Begin);
    let mut last = Vec::new();
    let skip_drawings = |f: &mut Flow, last: &mut Vec<Outbound>| {
        while f.current().is_some_and(|p| p.kind() == "drawing") {
            *last = f.apply(FlowAction::Skip { now: "t".into() });
        }
    };
    for (n, step) in steps.into_iter().enumerate() {
        skip_drawings(&mut f, &mut last);
        let now = format!("t{}", n + 1);
        last = match step {
            Some(pick) => f.apply(FlowAction::Answer { pick, now }),
            None => f.apply(FlowAction::Skip { now }),
        };
        assert!(!last.is_empty(), "step {n} was refused");
    }
    skip_drawings(&mut f, &mut last);
    match last.pop() {
        Some(Outbound::Complete(r)) => r,
        other => panic!("not complete: {other:?}"),
    }
}

fn levels(config: Value, values: [Option<u8>; 4]) -> Scores {
    run(
        config,
        values.into_iter().map(|v| v.map(Pick::Level)).collect(),
    )
    .scores
}

#[test]
fn all_four_answered_on_the_line() {
    let s = levels(
        json!({ "age": 10, "mode": "checkout" }),
        [Some(10), Some(9), Some(8), Some(10)],
    );
    let a = s.alliance.unwrap();
    assert_eq!(a.total, Some(37.0));
    assert_eq!(
        (a.bond, a.goals, a.tasks, a.overall),
        (Some(10.0), Some(9.0), Some(8.0), Some(10.0))
    );
    assert_eq!((a.answered, a.items, a.agree_mean), (4, 4, None));
    assert!(!s.flags.low_alliance && !s.flags.low_item && !s.flags.drop);
    assert_eq!(s.mood, None);
    assert_eq!(s.wants_to_talk, None);
}

#[test]
fn partial_answers_scale_up_and_fewer_than_half_give_no_total() {
    let s = levels(
        json!({ "age": 10, "mode": "checkout" }),
        [Some(9), None, Some(6), None],
    );
    let a = s.alliance.unwrap();
    assert_eq!(a.total, Some(30.0), "mean 7.5 × 4");
    assert_eq!(a.goals, None, "a skip is not a 0");
    assert!(s.flags.low_alliance && s.flags.low_item);

    let s = levels(
        json!({ "age": 10, "mode": "checkout" }),
        [Some(2), None, None, None],
    );
    let a = s.alliance.unwrap();
    assert_eq!((a.total, a.answered), (None, 1));
    assert!(!s.flags.low_alliance, "no total, no total flag");
    assert!(s.flags.low_item, "but the low item is still seen");

    let s = levels(
        json!({ "age": 10, "mode": "checkout" }),
        [None, None, None, None],
    );
    let a = s.alliance.unwrap();
    assert_eq!((a.total, a.bond, a.answered), (None, None, 0));
    assert_eq!(
        s.flags.low_alliance || s.flags.low_item || s.flags.drop,
        false
    );
}

#[test]
fn three_faces_for_the_youngest_scale_to_forty() {
    let r = run(
        json!({ "age": 4, "mode": "checkout" }),
        vec![Some(Pick::Choice(2)), Some(Pick::Choice(1))],
    );
    let a = r.scores.alliance.unwrap();
    assert_eq!(
        (a.overall, a.bond, a.goals, a.tasks),
        (Some(10.0), Some(5.0), None, None)
    );
    assert_eq!((a.total, a.items), (Some(30.0), 2));
    let r = run(
        json!({ "age": 4, "mode": "checkout" }),
        vec![None, Some(Pick::Choice(2))],
    );
    assert_eq!(
        r.scores.alliance.unwrap().total,
        Some(40.0),
        "one of two is half: scaled up"
    );
}

#[test]
fn alliance_cutoff_at_and_around_the_threshold() {
    // Totals of 35, 36 and 37 against the default cutoff of 36.
    let total = |v: [u8; 4]| levels(json!({ "age": 11, "mode": "checkout" }), v.map(Some));
    assert!(total([9, 9, 9, 8]).flags.low_alliance);
    assert!(!total([9, 9, 9, 9]).flags.low_alliance);
    assert!(!total([10, 9, 9, 9]).flags.low_alliance);
    let custom = levels(
        json!({ "age": 11, "mode": "checkout", "allianceCutoff": 30 }),
        [Some(8); 4],
    );
    assert!(!custom.flags.low_alliance);
    let custom = levels(
        json!({ "age": 11, "mode": "checkout", "allianceCutoff": 33 }),
        [Some(8); 4],
    );
    assert!(custom.flags.low_alliance);
}

#[test]
fn item_cutoff_at_and_around_the_threshold() {
    let low = |v: u8, cfg: Value| {
        levels(cfg, [Some(10), Some(10), Some(v), Some(10)])
            .flags
            .low_item
    };
    assert!(low(7, json!({ "age": 11, "mode": "checkout" })));
    assert!(!low(8, json!({ "age": 11, "mode": "checkout" })));
    assert!(!low(9, json!({ "age": 11, "mode": "checkout" })));
    assert!(low(
        5,
        json!({ "age": 11, "mode": "checkout", "itemCutoff": 6 })
    ));
    assert!(!low(
        6,
        json!({ "age": 11, "mode": "checkout", "itemCutoff": 6 })
    ));
}

#[test]
fn drop_from_the_previous_session() {
    let drop = |prev: f64, extra: Value| {
        let mut cfg = json!({ "age": 11, "mode": "checkout", "previousAlliance": prev });
        cfg.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        levels(cfg, [Some(9); 4]).flags.drop // total 36
    };
    assert!(drop(37.0, json!({})), "fell by exactly the threshold (1)");
    assert!(!drop(36.5, json!({})));
    assert!(!drop(30.0, json!({})), "a rise is no drop");
    assert!(!drop(38.0, json!({ "dropThreshold": 3 })));
    assert!(drop(39.0, json!({ "dropThreshold": 3 })));
    let none = levels(json!({ "age": 11, "mode": "checkout" }), [Some(1); 4]);
    assert!(!none.flags.drop, "no previous total, no drop");
}

#[test]
fn teens_get_the_agree_mean() {
    let mut steps: Vec<Option<Pick>> = vec![Some(Pick::Level(9)); 4];
    steps.extend([
        Some(Pick::Choice(3)),
        Some(Pick::Choice(2)),
        None,
        Some(Pick::Choice(0)),
    ]);
    let r = run(json!({ "age": 15, "mode": "checkout" }), steps);
    let a = r.scores.alliance.unwrap();
    assert_eq!(a.total, Some(36.0), "agree statements are not in the total");
    assert_eq!(a.agree_mean, Some(2.67), "(4 + 3 + 1) / 3");
    assert_eq!(
        r.answers[4].value,
        Some(ally::core::protocol::AnswerValue::Number(4.0))
    );
}

#[test]
fn checkin_scores_and_the_wants_to_talk_flag() {
    let steps = |talk: Option<Pick>| {
        vec![
            Some(Pick::Choice(1)),
            Some(Pick::Feelings(vec!["worried".into(), "sad".into()])),
            Some(Pick::Choice(1)),
            talk,
        ]
    };
    let s = run(json!({ "age": 7 }), steps(Some(Pick::Choice(0)))).scores;
    assert_eq!(s.mood, Some(2.5));
    assert_eq!(s.feelings, vec!["sad", "worried"]);
    assert_eq!(s.intensity, Some(5.0));
    assert_eq!(s.wants_to_talk.as_deref(), Some("yes"));
    assert!(s.flags.wants_to_talk);
    assert_eq!(s.alliance, None);
    let s = run(json!({ "age": 7 }), steps(None)).scores;
    assert_eq!(s.wants_to_talk.as_deref(), Some("skipped"));
    assert!(!s.flags.wants_to_talk);
    let s = run(json!({ "age": 7 }), vec![None; 4]).scores;
    assert_eq!((s.mood, s.intensity, s.feelings.len()), (None, None, 0));
}

#[test]
fn scores_serialise_with_camel_case_keys() {
    let r = run(json!({ "age": 15, "mode": "checkout" }), vec![None; 8]);
    let v = serde_json::to_value(&r).unwrap();
    let mut keys: Vec<&String> = v["scores"].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "alliance",
            "feelings",
            "flags",
            "intensity",
            "mood",
            "wantsToTalk"
        ]
    );
    assert_eq!(
        v["scores"]["flags"],
        json!({ "lowAlliance": false, "lowItem": false, "drop": false, "wantsToTalk": false })
    );
    assert_eq!(v["scores"]["alliance"]["agreeMean"], Value::Null);
}
