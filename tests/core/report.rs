//! The therapist's report, as data: documents read back through the catalog
//! and scoring, the plain words it says, and the chart's points.
use ally::core::config::{parse, Locale};
use ally::core::flow::{Flow, FlowAction, Pick};
use ally::core::json;
use ally::core::protocol::Outbound;
use ally::core::report::{answer_words, live_words, read_all, series, summary, Entry, Options};
use serde_json::{json, Value};

/// A finished check's result document: `Some(pick)` answers, `None` skips.
fn result(config: Value, steps: &[Option<Pick>], day: u32) -> Value {
    let start = format!("2026-11-{day:02}T10:00:00.000Z");
    let mut f = Flow::new(parse(&config).unwrap(), "visit", &start);
    f.apply(FlowAction::Begin);
    let mut last = Vec::new();
    for (n, step) in steps.iter().enumerate() {
        let now = format!("2026-11-{day:02}T10:00:{:02}.000Z", n + 1);
        last = match step.clone() {
            Some(pick) => f.apply(FlowAction::Answer { pick, now }),
            None => f.apply(FlowAction::Skip { now }),
        };
    }
    match last.pop() {
        Some(Outbound::Complete(r)) => serde_json::from_str(&json::to_string(&r)).unwrap(),
        other => panic!("not complete: {other:?}"),
    }
}

/// A 10-year-old's check-out: four lines and no drawing.
fn checkout(lines: [Option<u8>; 4], day: u32) -> Value {
    let mut steps: Vec<Option<Pick>> = lines.iter().map(|n| n.map(Pick::Level)).collect();
    steps.push(None);
    result(json!({ "age": 10, "mode": "checkout" }), &steps, day)
}

fn checkin(face: usize, day: u32) -> Value {
    result(
        json!({ "age": 10 }),
        &[Some(Pick::Choice(face)), None, None, None, None],
        day,
    )
}

const EN: Options = Options {
    locale: Locale::En,
    alliance_cutoff: None,
};

fn read(entries: &[Entry]) -> Vec<&ally::core::report::Session> {
    entries
        .iter()
        .filter_map(|e| match e {
            Entry::Read(s) => Some(s.as_ref()),
            Entry::Unreadable { .. } => None,
        })
        .collect()
}

#[test]
fn sessions_read_back_oldest_first_with_a_drop_in_plain_words() {
    let docs = vec![
        checkout([Some(8), Some(7), Some(8), Some(7)], 20),
        checkout([Some(10), Some(9), Some(9), Some(10)], 13),
        checkin(1, 20),
    ];
    let entries = read_all(&docs, &EN);
    let sessions = read(&entries);
    assert_eq!(sessions.len(), 3);
    assert_eq!(sessions[0].total(), Some(38.0));
    assert_eq!(sessions[1].total(), Some(30.0));
    let said = summary(sessions[1], Locale::En);
    assert_eq!(said[0], "Trust total 30 of 40, below your cutoff of 36");
    assert_eq!(said[1], "8 lower than last session");
    assert!(
        said.iter().any(|s| s
            .starts_with("Worth asking about: “Did the person helping you listen to you today?”")),
        "{said:?}"
    );
    let es = summary(sessions[1], Locale::Es);
    assert_eq!(
        es[0],
        "Total de confianza: 30 de 40, por debajo de su punto de corte de 36"
    );
    let (totals, moods) = series(&entries);
    assert_eq!(
        totals.iter().map(|p| p.value).collect::<Vec<_>>(),
        [Some(38.0), Some(30.0)]
    );
    assert_eq!(
        totals.iter().map(|p| p.dropped).collect::<Vec<_>>(),
        [false, true]
    );
    assert_eq!(
        moods.iter().map(|p| p.value).collect::<Vec<_>>(),
        [Some(2.5)]
    );
}

#[test]
fn the_therapists_cutoff_and_language_are_their_own() {
    let docs = vec![checkout([Some(8), Some(7), Some(8), Some(7)], 20)];
    let entries = read_all(
        &docs,
        &Options {
            locale: Locale::Es,
            alliance_cutoff: Some(25.0),
        },
    );
    let s = read(&entries)[0];
    assert_eq!(
        summary(s, Locale::En)[0],
        "Trust total 30 of 40, at or above your cutoff of 25"
    );
    assert_eq!(answer_words(s, 0, Locale::Es), "8 de 10");
}

#[test]
fn a_skip_is_written_as_skipped_and_a_missing_total_says_why() {
    let docs = vec![checkout([Some(10), None, Some(10), Some(10)], 20)];
    let entries = read_all(&docs, &EN);
    let s = read(&entries)[0];
    assert_eq!(s.total(), None);
    assert_eq!(answer_words(s, 1, Locale::En), "Skipped");
    assert_eq!(answer_words(s, 1, Locale::Es), "Saltada");
    let said = summary(s, Locale::En);
    assert_eq!(
        said[0],
        "No trust total: only 3 of 4 trust questions answered"
    );
    assert!(
        said.iter()
            .any(|l| l.starts_with("Skipped: “Did you and the person helping you talk")),
        "{said:?}"
    );
    let (totals, _) = series(&entries);
    let values: Vec<Option<f64>> = totals.iter().map(|p| p.value).collect();
    assert_eq!(values, [None], "a gap, never a zero");
}

#[test]
fn another_band_is_marked_not_compared() {
    let older = checkout([Some(10), Some(10), Some(10), Some(10)], 13);
    let teen = result(
        json!({ "age": 13, "mode": "checkout" }),
        &[
            Some(Pick::Level(7)),
            Some(Pick::Level(7)),
            Some(Pick::Level(7)),
            Some(Pick::Level(7)),
            Some(Pick::Choice(3)),
            Some(Pick::Choice(3)),
            Some(Pick::Choice(3)),
            Some(Pick::Choice(3)),
            None,
        ],
        20,
    );
    let entries = read_all(&[older, teen], &EN);
    let s = read(&entries);
    assert!(summary(s[1], Locale::En)
        .contains(&"Not compared with the last session: another age band".to_string()));
    let (totals, _) = series(&entries);
    assert_eq!(
        totals
            .iter()
            .map(|p| (p.dropped, p.break_before))
            .collect::<Vec<_>>(),
        [(false, false), (false, true)]
    );
}

#[test]
fn forged_or_broken_documents_are_unreadable_with_the_reason_and_the_rest_still_reads() {
    let good = checkout([Some(9), Some(9), Some(9), Some(9)], 13);
    let mut forged = good.clone();
    forged["scores"]["alliance"]["total"] = json!(40);
    let mut wrong_value = good.clone();
    wrong_value["answers"][0]["value"] = json!(11);
    let mut wrong_band = good.clone();
    wrong_band["ageBand"] = json!("13-17");
    let mut unfinished = good.clone();
    unfinished["answers"].as_array_mut().unwrap().pop();
    let mut other_schema = good.clone();
    other_schema["schema"] = json!("ally.result/2");
    let mut bad_date = good.clone();
    bad_date["completedAt"] = json!("2026-99-99T99:99:99Z");
    let cases = [
        (forged, "its scores don't follow from its answers"),
        (
            wrong_value,
            "answer 1 (trust.listened) does not fit its prompt",
        ),
        (
            wrong_band,
            "its age band \"13-17\" is not the band of age 10",
        ),
        (unfinished, "4 of 5 prompts answered: not a finished check"),
        (other_schema, "unknown schema \"ally.result/2\""),
        (
            bad_date,
            "startedAt and completedAt must be dates and times",
        ),
        (json!("a string"), "not a result document: not an object"),
        (json!({ "answers": [] }), "not an Ally result: no schema"),
        (
            json!({ "schema": "ally.result/1", "age": 99, "mode": "checkout" }),
            "age: must be a whole number from 3 to 17, got 99",
        ),
    ];
    for (doc, want) in cases {
        let entries = read_all(&[good.clone(), doc.clone()], &EN);
        assert_eq!(read(&entries).len(), 1, "{want}: the good one still reads");
        let reasons: Vec<&str> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::Unreadable { reason, at } => {
                    assert_eq!(*at, 1);
                    Some(reason.as_str())
                }
                _ => None,
            })
            .collect();
        assert_eq!(reasons, [want], "{doc}");
    }
}

#[test]
fn the_report_state_takes_settings_sessions_and_live_answers() {
    use ally::core::report::{Report, ReportAction, ReportStage, MAX_SESSIONS};
    let r = Report::default();
    // Settings: each bad one named, and the report says it can't start.
    for (config, field) in [
        (json!({ "locale": "fr" }), "locale"),
        (json!({ "allianceCutoff": 41 }), "allianceCutoff"),
        (json!({ "allianceCutoff": "36" }), "allianceCutoff"),
        (json!([]), "config"),
    ] {
        let next = r.reduce(ReportAction::Init { config });
        assert!(matches!(next.stage, ReportStage::Failed(_)));
        assert_eq!(next.errors[0].1.field.as_deref(), Some(field));
    }
    let r = r.reduce(ReportAction::Init {
        config: json!({ "locale": "es", "allianceCutoff": 30 }),
    });
    assert_eq!(r.stage, ReportStage::Active);
    // A live answer, replaced by a changed one; an unknown prompt is refused.
    let answer = |v: f64| json!({ "promptId": "mood.now", "value": v, "label": "Good", "skipped": false, "answeredAt": "2026-11-26T10:00:01.000Z" });
    let r = r.reduce(ReportAction::Live {
        answer: answer(7.5),
        age_band: json!(null),
    });
    let r = r.reduce(ReportAction::Live {
        answer: answer(10.0),
        age_band: json!(null),
    });
    assert_eq!(r.live.len(), 1);
    let r = r.reduce(ReportAction::Live {
        answer: json!({ "promptId": "nope", "skipped": true, "answeredAt": "x" }),
        age_band: json!(null),
    });
    assert_eq!(r.live.len(), 1);
    assert_eq!(r.errors.last().unwrap().1.field.as_deref(), Some("answer"));
    // With its check-in's band, a question asked differently at each band is worded as the child saw it.
    let feelings = json!({ "promptId": "feelings.which", "value": null, "label": null, "skipped": true, "answeredAt": "2026-11-26T10:00:02.000Z" });
    let r = r.reduce(ReportAction::Live {
        answer: feelings.clone(),
        age_band: json!("9-12"),
    });
    assert_eq!(r.live.len(), 2);
    assert_eq!(
        live_words("feelings.which", r.live_band, Locale::En),
        "Which feelings do you have? Pick all that fit."
    );
    assert_eq!(
        live_words("feelings.which", None, Locale::En),
        "Which face shows how you feel?"
    );
    // A band that is not one: said, and the answer still shown.
    let before = r.errors.len();
    let r = r.reduce(ReportAction::Live {
        answer: feelings,
        age_band: json!("teen"),
    });
    assert_eq!(r.errors.len(), before + 1);
    assert_eq!(r.errors.last().unwrap().1.field.as_deref(), Some("ageBand"));
    assert_eq!(r.live.len(), 2);
    // Its result ends the live view; a bad document is an error, once.
    let r = r.reduce(ReportAction::Add {
        result: checkin(4, 20),
    });
    assert!(r.live.is_empty());
    assert_eq!(
        summary(r.sessions().next().unwrap(), Locale::Es)[0],
        "Ánimo: 10 de 10"
    );
    let before = r.errors.len();
    let r = r.reduce(ReportAction::Add {
        result: json!("junk"),
    });
    let r = r.reduce(ReportAction::Add {
        result: checkin(1, 21),
    });
    assert_eq!(
        r.errors.len(),
        before + 1,
        "each unreadable document is told once"
    );
    assert_eq!(
        summary(r.sessions().last().unwrap(), Locale::Es)[0],
        "Ánimo: 2,5 de 10"
    );
    // At most MAX_SESSIONS documents.
    let mut r = r;
    while r.docs.len() < MAX_SESSIONS {
        r = r.reduce(ReportAction::Add {
            result: json!(null),
        });
    }
    let r = r.reduce(ReportAction::Add {
        result: checkin(2, 22),
    });
    assert_eq!(r.docs.len(), MAX_SESSIONS);
    assert_eq!(r.errors.last().unwrap().1.code, "too_large");
}
