use ally::core::config::{parse, AgeBand, Locale, Mode, ReadAloud};
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
    assert_eq!(
        error_of(json!({ "age": 9, "mode": 1 })),
        "mode: must be one of \"checkin\", \"checkout\", got 1"
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
    assert_eq!(AgeBand::Preschool.min_target_px(), 80);
    assert_eq!(AgeBand::EarlySchool.min_target_px(), 64);
    assert_eq!(AgeBand::Teen.min_target_px(), 48);
}

#[test]
fn read_aloud_and_score_settings() {
    let c = parse(&json!({ "age": 4 })).unwrap();
    assert_eq!(
        c.read_aloud,
        ReadAloud::Auto,
        "pre-readers hear each screen"
    );
    assert_eq!(
        (c.alliance_cutoff, c.item_cutoff, c.drop_threshold),
        (36.0, 8.0, 1.0)
    );
    assert_eq!(c.previous_alliance, None);
    let c = parse(&json!({ "age": 6 })).unwrap();
    assert_eq!(c.read_aloud, ReadAloud::Button);
    let c = parse(&json!({
        "age": 14, "readAloud": "off", "allianceCutoff": 30, "itemCutoff": 6.5,
        "previousAlliance": 38, "dropThreshold": 2
    }))
    .unwrap();
    assert_eq!(c.read_aloud, ReadAloud::Off);
    assert_eq!(
        (
            c.alliance_cutoff,
            c.item_cutoff,
            c.previous_alliance,
            c.drop_threshold
        ),
        (30.0, 6.5, Some(38.0), 2.0)
    );
    assert_eq!(
        error_of(json!({ "age": 9, "readAloud": "yes" })),
        "readAloud: must be one of \"auto\", \"button\", \"off\", got \"yes\""
    );
    assert_eq!(
        error_of(json!({ "age": 9, "allianceCutoff": 41 })),
        "allianceCutoff: must be a number from 0 to 40, got 41"
    );
    assert_eq!(
        error_of(json!({ "age": 9, "itemCutoff": "8" })),
        "itemCutoff: must be a number from 0 to 10, got \"8\""
    );
    assert_eq!(
        parse(&json!({ "age": 9, "previousAlliance": -1 }))
            .unwrap_err()
            .field,
        "previousAlliance"
    );
    assert_eq!(
        parse(&json!({ "age": 9, "dropThreshold": [] }))
            .unwrap_err()
            .field,
        "dropThreshold"
    );
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
