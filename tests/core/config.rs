use ally_core::config::{parse, AgeBand, Article, Cutoffs, Locale, Mode, Previous, ReadAloud};
use serde_json::json;

#[test]
fn accepts_a_full_config() {
    let c = parse(&json!({
        "age": 7, "locale": "es", "mode": "checkout",
        "childName": "  Ana ", "helperName": "Dr. Rivera"
    }))
    .unwrap();
    assert_eq!(c.age, 7);
    assert_eq!(c.locale, Locale::Es);
    assert_eq!(c.mode, Mode::Checkout);
    assert_eq!(c.child_name.as_deref(), Some("Ana"));
    assert_eq!(c.helper_name.as_deref(), Some("Dr. Rivera"));
    assert_eq!(c.band(), AgeBand::EarlySchool);
}

#[test]
fn defaults_locale_and_mode_and_ignores_unknown_keys() {
    let c = parse(&json!({ "age": 3.0, "theme": "dark", "childName": "" })).unwrap();
    assert_eq!((c.age, c.locale, c.mode), (3, Locale::En, Mode::Checkin));
    assert_eq!(c.child_name, None);
}

fn error_of(v: serde_json::Value) -> String {
    parse(&v).unwrap_err().to_string()
}

#[test]
fn age_errors_name_the_field_and_the_value() {
    assert_eq!(
        error_of(json!({ "age": 42 })),
        "age: must be a whole number from 3 to 17, got 42"
    );
    assert_eq!(
        error_of(json!({ "age": 2 })),
        "age: must be a whole number from 3 to 17, got 2"
    );
    assert_eq!(
        error_of(json!({ "age": 7.5 })),
        "age: must be a whole number from 3 to 17, got 7.5"
    );
    assert_eq!(
        error_of(json!({ "age": "7" })),
        "age: must be a whole number from 3 to 17, got \"7\""
    );
    assert_eq!(
        error_of(json!({})),
        "age: must be a whole number from 3 to 17, but it is missing"
    );
    assert_eq!(parse(&json!({ "age": null })).unwrap_err().field, "age");
}

#[test]
fn choice_and_name_errors() {
    assert_eq!(
        error_of(json!({ "age": 9, "locale": "fr" })),
        "locale: must be one of \"en\", \"es\", got \"fr\""
    );
    let modes = match (cfg!(feature = "naming"), cfg!(feature = "form")) {
        (true, true) => "\"checkin\", \"checkout\", \"goals\", \"form\"",
        (true, false) => "\"checkin\", \"checkout\", \"goals\"",
        (false, true) => "\"checkin\", \"checkout\", \"form\"",
        (false, false) => "\"checkin\", \"checkout\"",
    };
    assert_eq!(
        error_of(json!({ "age": 9, "mode": 1 })),
        format!("mode: must be one of {modes}, got 1")
    );
    let e = parse(&json!({ "age": 9, "childName": "<b>Sam</b>" })).unwrap_err();
    assert_eq!(e.field, "childName");
    let e = parse(&json!({ "age": 9, "helperName": "x".repeat(41) })).unwrap_err();
    assert_eq!(e.field, "helperName");
    assert!(e.message.contains("at most 40 characters"), "{e}");
    // Long bad values are shortened in the message.
    assert!(e.message.len() < 140, "{e}");
    let e = parse(&json!({ "age": 9, "childName": "a\u{0007}b" })).unwrap_err();
    assert_eq!(e.field, "childName");
    assert_eq!(
        error_of(json!([1, 2])),
        "config: must be an object, got [1,2]"
    );
}

#[test]
fn band_boundaries() {
    let band = |age| AgeBand::from_age(age);
    assert_eq!(band(2), None);
    assert_eq!(band(3), Some(AgeBand::Preschool));
    assert_eq!(band(5), Some(AgeBand::Preschool));
    assert_eq!(band(6), Some(AgeBand::EarlySchool));
    assert_eq!(band(8), Some(AgeBand::EarlySchool));
    assert_eq!(band(9), Some(AgeBand::Preteen));
    assert_eq!(band(12), Some(AgeBand::Preteen));
    assert_eq!(band(13), Some(AgeBand::Teen));
    assert_eq!(band(17), Some(AgeBand::Teen));
    assert_eq!(band(18), None);
}

#[test]
fn read_aloud_settings() {
    let c = parse(&json!({ "age": 4 })).unwrap();
    assert_eq!(
        c.read_aloud,
        ReadAloud::Auto,
        "pre-readers hear each screen"
    );
    let c = parse(&json!({ "age": 6 })).unwrap();
    assert_eq!(c.read_aloud, ReadAloud::Button);
    let c = parse(&json!({ "age": 14, "readAloud": "off" })).unwrap();
    assert_eq!(c.read_aloud, ReadAloud::Off);
    assert_eq!(
        error_of(json!({ "age": 9, "readAloud": "yes" })),
        "readAloud: must be one of \"auto\", \"button\", \"off\", got \"yes\""
    );
}

#[test]
fn every_cutoff_has_a_default_for_its_band_and_a_key_that_overrides_it() {
    let cut = |v: serde_json::Value| parse(&v).unwrap().cutoffs;
    let d = |total, item, low_item| Cutoffs {
        total,
        item,
        low_item,
        agree: 3.0,
        drop: 1.0,
    };
    assert_eq!(cut(json!({ "age": 4 })), d(36.0, 5.0, 5.0));
    assert_eq!(cut(json!({ "age": 7 })), d(36.0, 10.0, 6.0));
    assert_eq!(cut(json!({ "age": 10 })), d(36.0, 9.0, 0.0));
    assert_eq!(cut(json!({ "age": 16 })), d(36.0, 9.0, 0.0));
    for age in 3..=17 {
        let band = AgeBand::from_age(age).unwrap();
        assert_eq!(cut(json!({ "age": age })), band.profile().cutoffs);
    }
    let c = cut(json!({
        "age": 7, "allianceCutoff": 30, "itemCutoff": 7.5, "lowItemCutoff": 2.5,
        "agreeCutoff": 2, "dropThreshold": 2.5
    }));
    assert_eq!(
        c,
        Cutoffs {
            total: 30.0,
            item: 7.5,
            low_item: 2.5,
            agree: 2.0,
            drop: 2.5
        }
    );
    // Overriding one key keeps the band's other defaults.
    assert_eq!(
        cut(json!({ "age": 7, "itemCutoff": 8 })),
        Cutoffs {
            item: 8.0,
            ..d(36.0, 10.0, 6.0)
        }
    );
}

#[test]
fn a_bad_cutoff_gets_a_field_precise_error() {
    let cases = [
        (
            json!({ "allianceCutoff": 41 }),
            "allianceCutoff: must be a number from 0 to 40, got 41",
        ),
        (
            json!({ "itemCutoff": "8" }),
            "itemCutoff: must be a number from 0 to 10, got \"8\"",
        ),
        (
            json!({ "lowItemCutoff": -1 }),
            "lowItemCutoff: must be a number from 0 to 10, got -1",
        ),
        (
            json!({ "agreeCutoff": 5 }),
            "agreeCutoff: must be a number from 1 to 4, got 5",
        ),
        (
            json!({ "agreeCutoff": true }),
            "agreeCutoff: must be a number from 1 to 4, got true",
        ),
        (
            json!({ "dropThreshold": 0 }),
            "dropThreshold: must be a number from 0.1 to 40, got 0",
        ),
        (
            json!({ "dropThreshold": [] }),
            "dropThreshold: must be a number from 0.1 to 40, got []",
        ),
    ];
    for (extra, message) in cases {
        let mut c = json!({ "age": 9 });
        c.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let e = parse(&c).unwrap_err();
        assert_eq!(e.to_string(), message);
        assert_eq!(&e.field, extra.as_object().unwrap().keys().next().unwrap());
    }
}

#[test]
fn the_previous_alliance_is_a_result_or_its_total_band_and_items() {
    let items = json!([
        "trust.listened",
        "trust.what_matters",
        "trust.liked_what_we_did",
        "trust.next_time"
    ]);
    let prev = |v: serde_json::Value| {
        parse(&json!({ "age": 10, "mode": "checkout", "previousAlliance": v }))
    };
    let want = Previous {
        total: Some(34.0),
        band: AgeBand::Preteen,
        items: serde_json::from_value(items.clone()).unwrap(),
    };
    assert_eq!(
        prev(json!({ "total": 34, "ageBand": "9-12", "items": items }))
            .unwrap()
            .previous,
        Some(want.clone())
    );
    // The whole last result, as the SDK's onComplete gave it.
    let result = json!({
        "schema": "ally.result/1", "mode": "checkout", "ageBand": "9-12",
        "scores": { "alliance": { "total": 34, "items": items, "answered": 4 } }
    });
    assert_eq!(prev(result).unwrap().previous, Some(want));
    // A total that could not be computed is still a previous session.
    let none = prev(json!({ "total": null, "ageBand": "6-8", "items": [] })).unwrap();
    assert_eq!(none.previous.unwrap().total, None);
    assert_eq!(parse(&json!({ "age": 10 })).unwrap().previous, None);
    // A bare number can't be compared like with like.
    for bad in [
        json!(34),
        json!({ "total": 34 }),
        json!({ "total": 34, "ageBand": "7", "items": [] }),
        json!({ "total": 41, "ageBand": "9-12", "items": [] }),
        json!({ "total": 34, "ageBand": "9-12", "items": "trust.listened" }),
        json!({ "total": 34, "ageBand": "9-12", "items": [1] }),
        json!({ "schema": "ally.result/1", "mode": "checkin", "ageBand": "9-12", "scores": {} }),
    ] {
        let e = prev(bad.clone()).unwrap_err();
        assert_eq!(e.field, "previousAlliance", "{bad}");
        assert!(
            e.message.starts_with(
                "must be the last check-out's result, or { total, ageBand, items } from it, got"
            ),
            "{}",
            e.message
        );
    }
}

#[test]
fn the_helpers_article_and_the_who_sees_line() {
    let c = parse(
        &json!({ "age": 9, "locale": "es", "helperName": "Dr. Rivera", "helperArticle": "el" }),
    )
    .unwrap();
    assert_eq!(c.helper_article, Some(Article::El));
    assert_eq!(c.helper("x"), "el Dr. Rivera");
    assert_eq!(
        error_of(json!({ "age": 9, "helperArticle": "los" })),
        "helperArticle: must be one of \"el\", \"la\", got \"los\""
    );
    let line = "Tus respuestas le llegan a tu terapeuta y a tus padres.";
    let c = parse(&json!({ "age": 9, "whoSees": line })).unwrap();
    assert_eq!(c.who_sees.as_deref(), Some(line));
    assert_eq!(
        parse(&json!({ "age": 9, "whoSees": "<b>x</b>" }))
            .unwrap_err()
            .field,
        "whoSees"
    );
    assert_eq!(
        parse(&json!({ "age": 9, "whoSees": "x".repeat(161) }))
            .unwrap_err()
            .field,
        "whoSees"
    );
    assert!(parse(&json!({ "age": 9, "whoSees": "x".repeat(160) })).is_ok());
}

#[test]
fn names_reject_invisible_direction_and_zero_width_marks() {
    for bad in ["Sam\u{202E}", "Dr.\u{200B}Rivera", "\u{2066}Ana"] {
        assert_eq!(
            parse(&json!({ "age": 9, "helperName": bad }))
                .unwrap_err()
                .field,
            "helperName",
            "{bad:?}"
        );
    }
    assert_eq!(
        parse(&json!({ "age": 9, "helperName": "Dra. Núñez-O'Brien" }))
            .unwrap()
            .helper_name
            .as_deref(),
        Some("Dra. Núñez-O'Brien")
    );
}

#[test]
fn fhir_and_its_subject_are_checked_like_every_other_key() {
    let ok = parse(&json!({ "age": 9, "fhir": true, "fhirSubject": "Patient/abc-1.2" })).unwrap();
    assert!(ok.fhir);
    assert_eq!(ok.fhir_subject.as_deref(), Some("Patient/abc-1.2"));
    let off = parse(&json!({ "age": 9, "fhir": null, "fhirSubject": null })).unwrap();
    assert!(!off.fhir && off.fhir_subject.is_none());
    for bad in [json!("yes"), json!(1), json!({}), json!([true])] {
        let e = parse(&json!({ "age": 9, "fhir": bad })).unwrap_err();
        assert_eq!(e.field, "fhir", "{bad}");
        assert!(e.message.contains("true or false"), "{}", e.message);
    }
    let long = format!("Patient/{}", "a".repeat(65));
    for bad in [
        json!("Patient"),
        json!("Patient/"),
        json!("/123"),
        json!("patient/123"),
        json!("Patient/1 2"),
        json!("Patient/12/_history/1"),
        json!("https://fhir.example/Patient/1"),
        json!("Pat1ent/1"),
        json!(""),
        json!(123),
        json!(long),
    ] {
        let e = parse(&json!({ "age": 9, "fhirSubject": bad })).unwrap_err();
        assert_eq!(e.field, "fhirSubject", "{bad}");
        assert!(e.message.contains("Patient/123"), "{}", e.message);
    }
}

#[test]
fn the_safety_path_settings_and_their_errors() {
    // The help control: on from 9, off at 6–8 unless the portal turns it on, never at 3–5.
    let help = |age: u8, v: serde_json::Value| {
        let mut c = json!({ "age": age });
        if !v.is_null() {
            c["helpButton"] = v;
        }
        parse(&c).map(|c| c.help_button)
    };
    assert_eq!(help(9, json!(null)), Ok(true));
    assert_eq!(help(17, json!(null)), Ok(true));
    assert_eq!(help(12, json!(false)), Ok(false));
    assert_eq!(help(7, json!(null)), Ok(false));
    assert_eq!(help(6, json!(true)), Ok(true));
    assert_eq!(help(5, json!(false)), Ok(false));
    assert_eq!(
        error_of(json!({ "age": 4, "helpButton": true })),
        "helpButton: is offered from age 6: at 3-5 a grown-up is always beside the child, got true"
    );
    assert_eq!(
        error_of(json!({ "age": 10, "helpButton": "yes" })),
        "helpButton: must be true or false, got \"yes\""
    );
    // The concern rule's thresholds.
    let c = parse(&json!({ "age": 10 })).unwrap();
    assert_eq!((c.concern.mood, c.concern.intensity), (0.0, 8.0));
    let c = parse(&json!({ "age": 10, "concernMood": 2.5, "concernIntensity": 6 })).unwrap();
    assert_eq!((c.concern.mood, c.concern.intensity), (2.5, 6.0));
    assert_eq!(
        error_of(json!({ "age": 10, "concernIntensity": 11 })),
        "concernIntensity: must be a number from 0 to 10, got 11"
    );
    // Lines to turn to: a label, and a phone or a text.
    let c = parse(&json!({ "age": 14, "liveView": true, "helpLines": [
        { "label": "Crisis line", "phone": "988" },
        { "label": "Text line", "text": "Text HOME to 741741" } ] }))
    .unwrap();
    assert!(c.live_view);
    assert_eq!(c.help_lines.len(), 2);
    assert_eq!(c.help_lines[0].phone.as_deref(), Some("988"));
    assert_eq!(c.help_lines[1].text.as_deref(), Some("Text HOME to 741741"));
    assert_eq!(
        error_of(json!({ "age": 14, "helpLines": [{ "label": "Line" }] })),
        "helpLines[0]: needs a phone or a text beside its label, got {\"label\":\"Line\"}"
    );
    assert_eq!(
        error_of(json!({ "age": 14, "helpLines": [{ "phone": "988" }] })),
        "helpLines[0].label: must be plain text, but it is missing"
    );
    assert!(
        error_of(json!({ "age": 14, "helpLines": [{ "label": "<b>x</b>", "phone": "1" }] }))
            .starts_with("helpLines[0].label: must be plain text")
    );
    assert!(error_of(json!({ "age": 14, "helpLines": [1, 2, 3, 4, 5] }))
        .starts_with("helpLines: must be a list of at most 4"));
    assert_eq!(
        error_of(json!({ "age": 14, "liveView": 1 })),
        "liveView: must be true or false, got 1"
    );
}

/// The child's goals: up to three, each with a unique id and the child's
/// words, every error naming its place.
#[cfg(feature = "goals")]
#[test]
fn goals_and_when_they_are_rated() {
    use ally_core::config::{Goal, GoalsAt};
    let c = parse(&json!({
        "age": 10,
        "goals": [
            { "id": "g-1", "text": "  Make a friend at school " },
            { "id": "worry.less", "text": "Preocuparme menos" }
        ],
        "goalsAt": "both"
    }))
    .unwrap();
    assert_eq!(
        c.goals,
        vec![
            Goal {
                id: "g-1".into(),
                text: "Make a friend at school".into(),
                set_at: None,
                picture: None,
                drawing: None,
            },
            Goal {
                id: "worry.less".into(),
                text: "Preocuparme menos".into(),
                set_at: None,
                picture: None,
                drawing: None,
            },
        ]
    );
    assert_eq!(c.goals_at, GoalsAt::Both);
    let none = parse(&json!({ "age": 10 })).unwrap();
    assert_eq!((none.goals.len(), none.goals_at), (0, GoalsAt::Checkin));

    let goal = |id: serde_json::Value, text: serde_json::Value| json!({ "id": id, "text": text });
    let cases = [
        (
            json!("make a friend"),
            "goals: must be a list of at most 3 { id, text }, got \"make a friend\"",
        ),
        (
            json!([
                goal(json!("a"), json!("x")),
                goal(json!("b"), json!("y")),
                goal(json!("c"), json!("z")),
                goal(json!("d"), json!("w"))
            ]),
            "goals: must be a list of at most 3 { id, text }",
        ),
        (
            json!(["Make a friend"]),
            "goals[0]: must be an object { id, text }",
        ),
        (
            json!([goal(json!("a b"), json!("x"))]),
            "goals[0].id: must be 1 to 64 letters, digits, - and ., got \"a b\"",
        ),
        (
            json!([goal(json!(""), json!("x"))]),
            "goals[0].id: must be 1 to 64 letters",
        ),
        (
            json!([goal(json!("x".repeat(65)), json!("x"))]),
            "goals[0].id: must be 1 to 64 letters",
        ),
        (
            json!([goal(json!(7), json!("x"))]),
            "goals[0].id: must be 1 to 64 letters, digits, - and ., got 7",
        ),
        (
            json!([{ "text": "x" }]),
            "goals[0].id: must be 1 to 64 letters, digits, - and ., but it is missing",
        ),
        (
            json!([goal(json!("a"), json!("x")), goal(json!("a"), json!("y"))]),
            "goals[1].id: must be unique among the goals: goals[0] has it too",
        ),
        (
            json!([goal(json!("a"), json!("w".repeat(121)))]),
            "goals[0].text: must be plain text of at most 120 characters",
        ),
        (
            json!([goal(json!("a"), json!("<b>friends</b>"))]),
            "goals[0].text: must be plain text",
        ),
        (
            json!([goal(json!("a"), json!("friends\u{0007}"))]),
            "goals[0].text: must be plain text",
        ),
        (
            json!([goal(json!("a"), json!("friends\u{202E}"))]),
            "goals[0].text: must be plain text",
        ),
        (
            json!([goal(json!("a"), json!("   "))]),
            "goals[0].text: must be the child's words, not empty",
        ),
        (
            json!([{ "id": "a" }]),
            "goals[0].text: must be the child's words, not empty, but it is missing",
        ),
        (
            json!([{ "id": "a", "text": "x", "setAt": "yesterday" }]),
            "goals[0].setAt: must be a date and time",
        ),
    ];
    for (goals, want) in cases {
        let got = error_of(json!({ "age": 10, "goals": goals }));
        assert!(got.starts_with(want), "{goals}: {got}");
    }
    assert_eq!(
        error_of(json!({ "age": 10, "goalsAt": "end" })),
        "goalsAt: must be one of \"checkin\", \"checkout\", \"both\", got \"end\""
    );
    let set = parse(&json!({ "age": 10, "goals": [
        { "id": "a", "text": "x", "setAt": "2026-11-02T09:30:00Z", "picture": "sleep" }
    ] }))
    .unwrap();
    assert_eq!(set.goals[0].picture.as_deref(), Some("sleep"));
    assert!(error_of(
        json!({ "age": 4, "goals": [{ "id": "a", "text": "x", "picture": "<svg>" }] })
    )
    .starts_with("goals[0].picture: must be one of \"friends\", \"sleep\""));
    assert_eq!(set.goals[0].set_at.as_deref(), Some("2026-11-02T09:30:00Z"));
    // 120 characters, accents and emoji counted as one each, are fine.
    let long = "é".repeat(119) + "😀";
    assert!(parse(&json!({ "age": 10, "goals": [goal(json!("a"), json!(long))] })).is_ok());
}

/// Without the feature, goals are not offered: the keys are ignored like any
/// other unknown key.
#[cfg(not(feature = "goals"))]
#[test]
fn goals_are_not_offered_without_their_feature() {
    let c = parse(&json!({ "age": 10, "goals": "not even a list", "goalsAt": 3 })).unwrap();
    assert!(c.goals.is_empty());
}

/// The goals' last ratings and the drop threshold: a result document or its
/// `{ ageBand, goals }`, each error naming the field.
#[cfg(feature = "goals")]
#[test]
fn previous_goals_and_their_threshold() {
    use ally_core::config::AgeBand;
    use ally_core::config::{PreviousGoal, GOAL_DROP};
    let short = parse(&json!({
        "age": 10,
        "previousGoals": { "ageBand": "9-12", "goals": [
            { "id": "a", "progress": 6 }, { "id": "b", "progress": null }
        ] }
    }))
    .unwrap();
    assert_eq!(
        short.previous_goals,
        vec![
            PreviousGoal {
                id: "a".into(),
                progress: Some(6.0),
                band: AgeBand::Preteen
            },
            PreviousGoal {
                id: "b".into(),
                progress: None,
                band: AgeBand::Preteen
            },
        ]
    );
    assert_eq!(short.goal_drop, GOAL_DROP);
    let doc = parse(&json!({
        "age": 7,
        "previousGoals": { "schema": "ally.result/1", "ageBand": "6-8",
            "scores": { "goals": [{ "id": "a", "progress": 4, "retired": false }] } },
        "goalDropThreshold": 4
    }))
    .unwrap();
    assert_eq!(doc.previous_goals[0].band, AgeBand::EarlySchool);
    assert_eq!(doc.goal_drop, 4.0);
    let bad = [
        json!({ "goals": [{ "id": "a", "progress": 6 }] }),
        json!({ "ageBand": "9-12", "goals": [{ "id": "a b", "progress": 6 }] }),
        json!({ "ageBand": "9-12", "goals": [{ "id": "a", "progress": 11 }] }),
        json!({ "ageBand": "9-12", "goals": [{ "id": "a", "progress": "6" }] }),
        json!({ "ageBand": "9-12", "goals": [{}, {}, {}, {}] }),
        json!({ "schema": "ally.result/1", "ageBand": "9-12" }),
        json!("last week"),
    ];
    for v in bad {
        let got = error_of(json!({ "age": 10, "previousGoals": v }));
        assert!(
            got.starts_with("previousGoals: must be the last result"),
            "{v}: {got}"
        );
    }
    for t in [json!(0), json!(11), json!("3")] {
        let got = error_of(json!({ "age": 10, "goalDropThreshold": t }));
        assert!(
            got.starts_with("goalDropThreshold: must be a number from 0.1 to 10"),
            "{got}"
        );
    }
}
