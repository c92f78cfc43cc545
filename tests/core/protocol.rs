use ally_core::answer::{AnswerRecord, AnswerValue, Given};
use ally_core::catalog::{Construct, Kind};
use ally_core::protocol::{
    backoff_ms, origin_allowed, parse_allow_list, parse_inbound, Inbound, Outbound,
    MAX_MESSAGE_BYTES,
};
use serde_json::{json, Value};

fn answer() -> AnswerRecord {
    AnswerRecord {
        prompt_id: "mood.now".into(),
        construct: Construct::Mood,
        kind: Kind::Faces,
        value: Some(AnswerValue::Number(7.5)),
        label: Some("Good".into()),
        skipped: false,
        answered_at: "2026-11-25T10:00:00.000Z".into(),
        goal_id: None,
    }
}

/// A message's payload, read back as JSON.
fn payload(msg: &Outbound) -> Value {
    serde_json::from_str(&msg.payload()).unwrap()
}

#[test]
fn outbound_envelope_round_trips() {
    let msg = Outbound::Answer(answer());
    let text = msg.envelope("a-1", "s-1", Some(3));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["ally"], 1);
    assert_eq!(v["type"], "answer");
    assert_eq!(v["id"], "a-1");
    assert_eq!(v["session"], "s-1");
    assert_eq!(v["payload"]["promptId"], "mood.now");
    assert_eq!(v["payload"]["value"], 7.5);
    assert!(v.get("replyTo").is_none());
    assert_eq!(v["payload"], payload(&msg));
    let rec = Given::from_value(&v["payload"]).unwrap();
    assert_eq!(rec, Given::from(answer()));
    assert_eq!(
        (
            v["payload"]["construct"].as_str(),
            v["payload"]["kind"].as_str()
        ),
        (Some("mood"), Some("faces"))
    );
    // The keys go out in a stable, readable order.
    assert!(
        text.starts_with(
            r#"{"ally":1,"type":"answer","id":"a-1","session":"s-1","run":3,"payload":{"promptId""#
        ),
        "{text}"
    );
}

#[test]
fn values_are_numbers_words_or_lists_on_the_wire() {
    let mut a = answer();
    for (value, json) in [
        (AnswerValue::Number(2.5), json!(2.5)),
        (AnswerValue::Text("later".into()), json!("later")),
        (
            AnswerValue::List(vec!["sad".into(), "tired".into()]),
            json!(["sad", "tired"]),
        ),
    ] {
        a.value = Some(value.clone());
        let v = payload(&Outbound::Answer(a.clone()));
        assert_eq!(v["value"], json);
        let back = Given::from_value(&v).unwrap();
        assert_eq!(back.value, Some(value));
    }
    // A drawing too; anything else is not an answer value.
    let drawing = json!({ "format": "ally.strokes/1", "strokes": "6Ae8BQA=", "svg": "<svg/>" });
    assert!(matches!(
        AnswerValue::from_value(&drawing),
        Some(AnswerValue::Drawing(_))
    ));
    for bad in [json!(true), json!([1, 2]), json!({ "format": "x" })] {
        assert_eq!(AnswerValue::from_value(&bad), None, "{bad}");
    }
    let mut rec = payload(&Outbound::Answer(answer()));
    rec["skipped"] = json!("no");
    assert_eq!(Given::from_value(&rec), None, "fields keep their types");
}

#[test]
fn skip_serialises_as_null_value() {
    let mut a = answer();
    a.value = None;
    a.label = None;
    a.skipped = true;
    let v = payload(&Outbound::Answer(a));
    assert_eq!(v["value"], Value::Null);
    assert_eq!(v["skipped"], true);
}

#[test]
fn hello_carries_versions_and_no_child_data() {
    let hello = Outbound::Hello {
        instance: "3f9c0a".into(),
    };
    assert_eq!(
        payload(&hello),
        json!({ "versions": [1], "instance": "3f9c0a" })
    );
    assert!(!hello.carries_child_data());
    assert!(Outbound::Answer(answer()).carries_child_data());
    assert!(Outbound::Resize { height: 10 }.carries_child_data());
}

fn parse(v: Value) -> Result<Option<(String, Inbound)>, String> {
    parse_inbound(&v.to_string(), "s-1").map_err(|e| format!("{}: {}", e.code, e.message))
}

#[test]
fn parses_init_ack_reset() {
    let init = parse(json!({
        "ally": 1, "type": "init", "id": "h-1", "session": "s-1",
        "payload": { "config": { "age": 5 }, "resume": { "answers": [] }, "run": 2 }
    }))
    .unwrap()
    .unwrap();
    assert_eq!(
        init,
        (
            "h-1".into(),
            Inbound::Init {
                config: json!({ "age": 5 }),
                resume: Some(json!({ "answers": [] })),
                run: Some(2),
            }
        )
    );
    let ack =
        parse(json!({ "ally": 1, "type": "ack", "id": "h-2", "session": "s-1", "replyTo": "w-9" }))
            .unwrap()
            .unwrap();
    assert_eq!(
        ack.1,
        Inbound::Ack {
            reply_to: "w-9".into()
        }
    );
    let reset =
        parse(json!({ "ally": 1, "type": "reset", "id": "h-3", "session": "s-1", "payload": {} }));
    assert_eq!(reset.unwrap().unwrap().1, Inbound::Reset { run: None });
    let reset = parse(
        json!({ "ally": 1, "type": "reset", "id": "h-4", "session": "s-1", "payload": { "run": 3 } }),
    );
    assert_eq!(reset.unwrap().unwrap().1, Inbound::Reset { run: Some(3) });
}

#[test]
fn ignores_unknown_types_other_sessions_and_foreign_messages() {
    for v in [
        json!({ "ally": 1, "type": "theme", "id": "x", "session": "s-1", "payload": {} }),
        json!({ "ally": 1, "type": "init", "id": "x", "session": "other", "payload": { "config": {} } }),
        json!({ "ally": 1, "type": "init", "id": "x", "payload": { "config": {} } }),
        json!({ "source": "react-devtools", "payload": 1 }),
        json!("a string"),
        json!(null),
        json!([1, 2, 3]),
    ] {
        assert_eq!(parse(v.clone()), Ok(None), "{v}");
    }
    assert_eq!(parse_inbound("not json", "s-1"), Ok(None));
}

#[test]
fn rejects_other_versions_and_malformed_messages() {
    let e = parse(json!({ "ally": 2, "type": "init", "id": "x", "session": "s-1" })).unwrap_err();
    assert!(e.starts_with("unsupported_version: "), "{e}");
    let e = parse(json!({ "ally": 1, "type": "ack", "id": "x", "session": "s-1" })).unwrap_err();
    assert!(e.starts_with("bad_message: replyTo"), "{e}");
    let e =
        parse(json!({ "ally": 1, "type": "init", "session": "s-1", "payload": {} })).unwrap_err();
    assert!(e.starts_with("bad_message: "), "{e}");
    let e = parse(json!({ "ally": 1, "type": "init", "id": "x", "session": "s-1", "payload": 3 }))
        .unwrap_err();
    assert!(e.starts_with("invalid_config: "), "{e}");
    let junk = format!(
        "{{\"ally\":1,\"session\":\"s-1\",\"junk\":\"{}\"}}",
        "x".repeat(MAX_MESSAGE_BYTES)
    );
    assert_eq!(parse_inbound(&junk, "s-1").unwrap_err().code, "too_large");
}

#[test]
fn allow_list_is_exact() {
    let allow = parse_allow_list("http://localhost:8080, https://Portal.example.org/ *  null");
    assert_eq!(
        allow,
        vec!["http://localhost:8080", "https://portal.example.org"]
    );
    assert!(origin_allowed(&allow, "http://localhost:8080"));
    assert!(origin_allowed(&allow, "https://portal.example.org"));
    assert!(!origin_allowed(&allow, "http://localhost:8081"));
    assert!(!origin_allowed(
        &allow,
        "https://portal.example.org.evil.test"
    ));
    assert!(!origin_allowed(&allow, "null"));
    assert!(!origin_allowed(&[], "http://localhost:8080"));
}

#[test]
fn backoff_doubles_and_caps() {
    let delays: Vec<u32> = (0..6).map(|a| backoff_ms(a, 500, 5000)).collect();
    assert_eq!(delays, vec![500, 1000, 2000, 4000, 5000, 5000]);
    assert_eq!(backoff_ms(1000, 500, 5000), 5000);
}
