//! The child's own goals: asked when and where the settings say, rated on
//! each band's scale, compared like with like, and written to FHIR as Goals
//! with the ratings' Observations pointing at them. The README's "Scores"
//! gives each rule's reason.
use ally_core::answer::{value_of, AnswerValue, Given, Pick, Resume};
use ally_core::check::Check;
use ally_core::config::{parse, GOAL_DROP};
use ally_core::flow::Flow;
use ally_core::protocol::ResultDoc;
use serde_json::{json, Value};

const TWO: &str = r#"[{ "id": "friend", "text": "Make a friend at school" },
                      { "id": "calm", "text": "Stay calm when I'm angry" }]"#;

fn config(age: u8, mode: &str, extra: Value) -> Value {
    let mut c =
        json!({ "age": age, "mode": mode, "goals": serde_json::from_str::<Value>(TWO).unwrap() });
    for (k, v) in extra.as_object().unwrap() {
        c[k] = v.clone();
    }
    c
}

fn ids(c: &Value) -> Vec<&'static str> {
    let f = Flow::new(parse(c).unwrap(), "s-1", "2026-12-01T10:00:00Z");
    f.prompts.iter().map(|p| p.id).collect()
}

/// Walks a flow: goal prompts take their pick from `goals` in turn; every
/// other prompt is skipped.
fn walk(c: &Value, goals: &[Option<Pick>]) -> ResultDoc {
    let mut f = Flow::new(parse(c).unwrap(), "s-1", "2026-12-01T10:00:00Z");
    let mut given = goals.iter().cloned();
    let steps: Vec<Option<Pick>> = f
        .prompts
        .iter()
        .map(|p| match p.goal {
            0 => None,
            _ => given.next().expect("a pick for every goal"),
        })
        .collect();
    f.walk(steps, |n| format!("2026-12-01T10:00:{:02}Z", n + 1))
        .unwrap()
}

fn json_of(r: &ResultDoc) -> Value {
    serde_json::from_str(&ally_core::json::to_string(r)).unwrap()
}

#[test]
fn goals_are_asked_in_the_mode_goals_at_names_last_before_a_closing_drawing() {
    let cases: [(u8, &str, Value, &[&str]); 9] = [
        (
            10,
            "checkin",
            json!({}),
            &[
                "mood.now",
                "drawing.feel",
                "feelings.which",
                "intensity.strongest",
                "talk.today",
                "goal.1",
                "goal.2",
            ],
        ),
        // 3–5 draw last: the goals come before the drawing.
        (
            4,
            "checkin",
            json!({}),
            &[
                "mood.now",
                "feelings.which",
                "intensity.strongest",
                "goal.1",
                "goal.2",
                "drawing.feel",
            ],
        ),
        // With goals, a check-out asks what to do next time, before its drawing.
        (
            10,
            "checkout",
            json!({}),
            &[
                "trust.listened",
                "trust.what_matters",
                "trust.helped",
                "trust.next_time",
                "plan.next",
                "drawing.together",
            ],
        ),
        (
            10,
            "checkout",
            json!({ "nextTime": false }),
            &[
                "trust.listened",
                "trust.what_matters",
                "trust.helped",
                "trust.next_time",
                "drawing.together",
            ],
        ),
        (
            15,
            "checkout",
            json!({ "goals": [], "nextTime": true }),
            &[
                "trust.listened",
                "trust.what_matters",
                "trust.helped",
                "trust.next_time",
                "trust.on_my_side",
                "trust.cant_count_on",
                "plan.next",
            ],
        ),
        (
            10,
            "checkout",
            json!({ "goalsAt": "checkout" }),
            &[
                "trust.listened",
                "trust.what_matters",
                "trust.helped",
                "trust.next_time",
                "goal.1",
                "goal.2",
                "plan.next",
                "drawing.together",
            ],
        ),
        (
            10,
            "checkin",
            json!({ "goalsAt": "checkout" }),
            &[
                "mood.now",
                "drawing.feel",
                "feelings.which",
                "intensity.strongest",
                "talk.today",
            ],
        ),
        (
            7,
            "checkout",
            json!({ "goalsAt": "both" }),
            &[
                "trust.listened",
                "trust.what_matters",
                "trust.helped",
                "trust.next_time",
                "goal.1",
                "goal.2",
                "plan.next",
                "drawing.together",
            ],
        ),
        (
            10,
            "checkin",
            json!({ "goals": [] }),
            &[
                "mood.now",
                "drawing.feel",
                "feelings.which",
                "intensity.strongest",
                "talk.today",
            ],
        ),
    ];
    for (age, mode, extra, want) in cases {
        let c = config(age, mode, extra.clone());
        assert_eq!(ids(&c), want, "age {age} {mode} {extra}");
    }
}

#[test]
fn a_goal_prompt_says_the_childs_words_and_its_answers_name_the_goal() {
    let c = config(15, "checkin", json!({ "locale": "es" }));
    let f = Flow::new(parse(&c).unwrap(), "s-1", "t0");
    let i = f.prompts.iter().position(|p| p.id == "goal.2").unwrap();
    assert_eq!(
        f.text(i),
        "¿Cuánto has avanzado en: Stay calm when I'm angry?"
    );
    let r = walk(&c, &[Some(Pick::Level(7)), None]);
    let v = json_of(&r);
    let goal_answers: Vec<&Value> = v["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "progress")
        .collect();
    assert_eq!(goal_answers[0]["goalId"], "friend");
    assert_eq!(goal_answers[0]["value"], 7.0);
    assert_eq!(goal_answers[0]["construct"], "progress");
    assert_eq!(goal_answers[1]["goalId"], "calm");
    assert_eq!(goal_answers[1]["skipped"], true);
    // Other answers carry no goal.
    assert!(v["answers"][0].get("goalId").is_none());
    assert_eq!(
        v["goals"][1],
        json!({ "id": "calm", "text": "Stay calm when I'm angry" })
    );
}

#[test]
fn each_band_rates_on_its_own_scale_with_no_starting_value() {
    // (age, pick, value, words); `None`: the pick doesn't fit the band.
    let cases: [(u8, Pick, Option<(AnswerValue, &str)>); 12] = [
        (
            4,
            Pick::Choice(0),
            Some((AnswerValue::Number(0.0), "Not yet")),
        ),
        (
            4,
            Pick::Choice(1),
            Some((AnswerValue::Number(5.0), "A little")),
        ),
        (
            4,
            Pick::Choice(2),
            Some((AnswerValue::Number(10.0), "A lot")),
        ),
        (4, Pick::Choice(3), None),
        (4, Pick::Level(5), None),
        (
            7,
            Pick::Choice(1),
            Some((AnswerValue::Number(2.0), "A little way")),
        ),
        (
            7,
            Pick::Choice(5),
            Some((AnswerValue::Number(10.0), "There!")),
        ),
        (7, Pick::Choice(6), None),
        (
            10,
            Pick::Level(6),
            Some((AnswerValue::Number(6.0), "6 out of 10")),
        ),
        (15, Pick::Level(11), None),
        (15, Pick::Choice(1), None),
        (
            15,
            Pick::Retired,
            Some((
                AnswerValue::Text("retired".into()),
                "This isn't my goal any more",
            )),
        ),
    ];
    for (age, pick, want) in cases {
        let c = parse(&config(age, "checkin", json!({}))).unwrap();
        let check = Check::new(c.clone(), "s-1", "t0");
        let p = check.prompts.iter().find(|p| p.goal == 1).unwrap();
        let got = value_of(&c, p, &pick).map(|(v, l)| (v, l));
        let want = want.map(|(v, l)| (v, l.to_string()));
        assert_eq!(got, want, "age {age}, {pick:?}");
    }
    // Nothing is chosen before the child chooses.
    let f = Flow::new(
        parse(&config(10, "checkin", json!({}))).unwrap(),
        "s-1",
        "t0",
    );
    assert!(f.answers.iter().all(Option::is_none));
}

#[test]
fn progress_is_compared_like_with_like_and_a_reliable_fall_is_flagged() {
    let prev = |band: &str, friend: Value, calm: Value| {
        json!({ "previousGoals": { "ageBand": band, "goals": [
            { "id": "friend", "progress": friend }, { "id": "calm", "progress": calm }
        ] } })
    };
    // (age, extra settings, the two picks, want: [friend, calm] as
    // (progress, previous, change, reason), goalDrop, goalRetired)
    type Want = (Option<f64>, Option<f64>, Option<f64>, Option<&'static str>);
    let cases: Vec<(
        u8,
        Value,
        [Option<Pick>; 2],
        [Want; 2],
        Vec<&str>,
        Vec<&str>,
    )> = vec![
        // No previous ratings: nothing to compare.
        (
            10,
            json!({}),
            [Some(Pick::Level(7)), Some(Pick::Level(2))],
            [
                (Some(7.0), None, None, Some("no_previous")),
                (Some(2.0), None, None, Some("no_previous")),
            ],
            vec![],
            vec![],
        ),
        // 9–17: 7 → 4 is a fall of 3 (flagged); 4 → 2 is 2 (not).
        (
            10,
            prev("9-12", json!(7), json!(4)),
            [Some(Pick::Level(4)), Some(Pick::Level(2))],
            [
                (Some(4.0), Some(7.0), Some(-3.0), None),
                (Some(2.0), Some(4.0), Some(-2.0), None),
            ],
            vec!["friend"],
            vec![],
        ),
        // A threshold of the portal's own.
        (
            10,
            json!({ "goalDropThreshold": 2, "previousGoals": { "ageBand": "9-12", "goals": [{ "id": "calm", "progress": 4 }] } }),
            [Some(Pick::Level(9)), Some(Pick::Level(2))],
            [
                (Some(9.0), None, None, Some("no_previous")),
                (Some(2.0), Some(4.0), Some(-2.0), None),
            ],
            vec!["calm"],
            vec![],
        ),
        // 6–8: one step down the path (2) is within the noise; two (4) are not.
        (
            7,
            prev("6-8", json!(6), json!(6)),
            [Some(Pick::Choice(2)), Some(Pick::Choice(1))],
            [
                (Some(4.0), Some(6.0), Some(-2.0), None),
                (Some(2.0), Some(6.0), Some(-4.0), None),
            ],
            vec!["calm"],
            vec![],
        ),
        // 3–5: one picture down is 5 points.
        (
            4,
            prev("3-5", json!(10), json!(5)),
            [Some(Pick::Choice(1)), Some(Pick::Choice(2))],
            [
                (Some(5.0), Some(10.0), Some(-5.0), None),
                (Some(10.0), Some(5.0), Some(5.0), None),
            ],
            vec!["friend"],
            vec![],
        ),
        // Another band's scale does not compare: the previous is shown, no change.
        (
            13,
            prev("9-12", json!(9), json!(1)),
            [Some(Pick::Level(2)), Some(Pick::Level(8))],
            [
                (Some(2.0), Some(9.0), None, Some("other_band")),
                (Some(8.0), Some(1.0), None, Some("other_band")),
            ],
            vec![],
            vec![],
        ),
        // A skip and a goal set aside are never scores, now or before.
        (
            10,
            prev("9-12", json!(null), json!(6)),
            [Some(Pick::Level(5)), Some(Pick::Retired)],
            [
                (Some(5.0), None, None, Some("previous_not_rated")),
                (None, Some(6.0), None, Some("not_rated")),
            ],
            vec![],
            vec!["calm"],
        ),
        (
            10,
            prev("9-12", json!(8), json!(6)),
            [None, Some(Pick::Level(6))],
            [
                (None, Some(8.0), None, Some("not_rated")),
                (Some(6.0), Some(6.0), Some(0.0), None),
            ],
            vec![],
            vec![],
        ),
    ];
    for (age, extra, picks, want, drop, retired) in cases {
        let c = config(age, "checkin", extra.clone());
        let r = walk(&c, &picks);
        let label = format!("age {age} {extra}");
        let g = &r.scores.goals;
        assert_eq!(g.len(), 2, "{label}");
        for (k, w) in want.iter().enumerate() {
            let got = (
                g[k].progress,
                g[k].previous,
                g[k].change,
                g[k].change_reason,
            );
            assert_eq!(got, *w, "{label}: goal {k}");
        }
        assert_eq!(r.scores.flags.goal_drop, drop, "{label}");
        assert_eq!(r.scores.flags.goal_retired, retired, "{label}");
        assert_eq!(g[1].retired, !retired.is_empty(), "{label}");
        assert_eq!(g[0].skipped, picks[0].is_none(), "{label}");
    }
    assert_eq!(GOAL_DROP, 2.82);
}

#[test]
fn a_resumed_rating_counts_only_for_the_goal_it_rated() {
    let c = parse(&config(10, "checkin", json!({}))).unwrap();
    let given = |goal: Option<&str>| Given {
        prompt_id: "goal.1".into(),
        value: Some(AnswerValue::Number(6.0)),
        label: None,
        skipped: false,
        answered_at: "2026-12-01T10:00:05Z".into(),
        goal_id: goal.map(str::to_string),
    };
    for (goal, kept) in [(Some("friend"), true), (Some("calm"), false), (None, false)] {
        let check = Check::new(c.clone(), "s-1", "t0").resume(Resume {
            answers: vec![given(goal)],
            ..Resume::default()
        });
        let i = check.prompts.iter().position(|p| p.id == "goal.1").unwrap();
        assert_eq!(check.answers[i].is_some(), kept, "{goal:?}");
        if kept {
            assert_eq!(
                check.answers[i].as_ref().unwrap().goal_id.as_deref(),
                Some("friend")
            );
        }
    }
}

#[test]
fn fhir_writes_a_goal_in_the_childs_words_and_ratings_that_point_at_it() {
    let with = |subject: bool, picks: [Option<Pick>; 2]| {
        let mut extra = json!({
            "fhir": true,
            "previousGoals": { "ageBand": "9-12", "goals": [{ "id": "friend", "progress": 8 }] }
        });
        if subject {
            extra["fhirSubject"] = json!("Patient/p-1");
        }
        let mut c = config(10, "checkin", extra);
        c["goals"][0]["setAt"] = json!("2026-11-02T09:30:00Z");
        let r = walk(&c, &picks);
        serde_json::from_str::<Value>(r.fhir.as_deref().unwrap()).unwrap()
    };
    let b = with(true, [Some(Pick::Level(4)), Some(Pick::Retired)]);
    let entries = b["entry"].as_array().unwrap();
    let of = |kind: &str| -> Vec<&Value> {
        entries
            .iter()
            .map(|e| &e["resource"])
            .filter(|r| r["resourceType"] == kind)
            .collect()
    };
    let goals = of("Goal");
    assert_eq!(goals.len(), 2);
    let friend = goals[0];
    assert_eq!(friend["description"]["text"], "Make a friend at school");
    assert_eq!(friend["lifecycleStatus"], "active");
    assert_eq!(friend["subject"]["reference"], "Patient/p-1");
    assert_eq!(friend["expressedBy"]["reference"], "Patient/p-1");
    assert_eq!(friend["startDate"], "2026-11-02");
    assert_eq!(
        friend["achievementStatus"]["coding"][0]["code"],
        "worsening"
    );
    assert_eq!(goals[1]["lifecycleStatus"], "cancelled");
    assert!(goals[1].get("startDate").is_none());
    // The same goal of the same child has the same id in every session.
    assert_eq!(
        friend["id"],
        ally_core::fhir::goal_id("Patient/p-1", "friend")
    );
    let again = with(true, [Some(Pick::Level(9)), None]);
    assert_eq!(
        again["entry"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["resource"]["id"] == friend["id"])
            .count(),
        1
    );

    let ratings: Vec<&Value> = of("Observation")
        .into_iter()
        .filter(|o| o["code"]["coding"][0]["code"] == "goal-progress")
        .collect();
    assert_eq!(ratings.len(), 2);
    assert_eq!(ratings[0]["valueInteger"], 4);
    assert_eq!(
        ratings[0]["focus"][0]["reference"],
        format!("urn:uuid:{}", friend["id"].as_str().unwrap())
    );
    let part = |o: &Value, code: &str| {
        o["component"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"]["coding"][0]["code"] == code)
            .cloned()
            .unwrap()
    };
    assert_eq!(part(ratings[0], "change")["valueQuantity"]["value"], -4.0);
    assert_eq!(part(ratings[0], "goal-drop")["valueBoolean"], true);
    assert_eq!(part(ratings[1], "goal-retired")["valueBoolean"], true);
    assert_eq!(
        ratings[1]["dataAbsentReason"]["coding"][0]["code"],
        "not-applicable"
    );
    assert!(ratings[1].get("valueInteger").is_none());
    // The response: the rating as an integer, the goal set aside as no longer applying.
    let items = b["entry"][0]["resource"]["item"].as_array().unwrap();
    let item = |id: &str| items.iter().find(|i| i["linkId"] == id).unwrap();
    assert_eq!(item("goal.1")["answer"][0]["valueInteger"], 4);
    assert_eq!(
        item("goal.1")["text"],
        "How far along are you with: Make a friend at school?"
    );
    assert_eq!(
        item("goal.2")["extension"][0]["valueCode"],
        "not-applicable"
    );
    assert!(item("goal.2").get("answer").is_none());

    // Without a subject there is no Goal (FHIR wants whose it is), and the
    // ratings stand on their own.
    let anon = with(false, [Some(Pick::Level(4)), None]);
    let kinds: Vec<&str> = anon["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["resource"]["resourceType"].as_str().unwrap())
        .collect();
    assert!(!kinds.contains(&"Goal"));
    let rating = anon["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["code"]["coding"][0]["code"] == "goal-progress")
        .unwrap();
    assert!(rating.get("focus").is_none());
}

/// Naming goals (`mode: "goals"`): up to three, each a starter, the child's
/// own words, or "I don't know yet", which ends it like a skip does.
#[cfg(feature = "naming")]
mod naming {
    use super::*;
    use ally_core::flow::Step;

    fn naming(age: u8, extra: Value) -> Flow {
        let mut c = json!({ "age": age, "mode": "goals", "locale": "en" });
        for (k, v) in extra.as_object().unwrap() {
            c[k] = v.clone();
        }
        Flow::new(parse(&c).unwrap(), "visit-7", "2026-12-01T10:00:00Z")
    }

    fn walk(f: &mut Flow, steps: &[Option<Pick>]) -> ResultDoc {
        f.walk(steps.iter().cloned(), |n| {
            format!("2026-12-01T10:00:{:02}Z", n + 1)
        })
        .unwrap()
    }

    /// A small drawing: a line, in `ally.strokes/1`.
    fn strokes() -> String {
        use ally_core::strokes::{Encoded, EncodedStroke, Tool, CANVAS_HEIGHT, CANVAS_WIDTH};
        Encoded {
            width: CANVAS_WIDTH,
            height: CANVAS_HEIGHT,
            strokes: vec![EncodedStroke {
                tool: Tool::Pen,
                color: [60, 90, 200],
                width_q: 24,
                points: vec![(100, 100), (400, 300)],
            }],
        }
        .encode()
    }

    #[test]
    fn at_3_to_8_each_goal_may_be_drawn_and_the_drawing_comes_back_beside_its_rating() {
        let mut f = naming(4, json!({}));
        let ids: Vec<&str> = f.prompts.iter().map(|p| p.id).collect();
        assert_eq!(
            ids,
            [
                "goal.set.1",
                "goal.draw.1",
                "goal.set.2",
                "goal.draw.2",
                "goal.set.3",
                "goal.draw.3"
            ]
        );
        assert_eq!(
            f.text(1),
            "Would you like to draw it? It's okay if you don't want to."
        );
        // Drawn, then declined: declining to draw never ends the naming.
        let r = walk(
            &mut f,
            &[
                Some(Pick::Choice(0)),
                Some(Pick::Drawing(strokes())),
                Some(Pick::Choice(1)),
                None,
                Some(Pick::Choice(4)),
            ],
        );
        let v = json_of(&r);
        let goals = v["goals"].as_array().unwrap();
        assert_eq!(goals.len(), 2);
        assert_eq!(goals[0]["drawing"]["format"], "ally.strokes/1");
        assert_eq!(goals[0]["drawing"]["strokes"], strokes());
        assert!(goals[0]["drawing"]["svg"]
            .as_str()
            .unwrap()
            .starts_with("<svg"));
        assert!(goals[1].get("drawing").is_none());
        // 9–17 name goals without drawing them.
        assert!(naming(10, json!({}))
            .prompts
            .iter()
            .all(|p| p.id.starts_with("goal.set.")));

        // Passed back, the drawing is read again from its strokes: its SVG
        // is always Ally's own, never the one sent.
        let mut back = goals[0].clone();
        back["drawing"]["svg"] = json!("<svg><script>alert(1)</script></svg>");
        let c = parse(&json!({ "age": 4, "goals": [back] })).unwrap();
        let d = c.goals[0].drawing.as_ref().unwrap();
        assert_eq!(d.svg, goals[0]["drawing"]["svg"]);
        for bad in [
            json!({ "format": "ally.strokes/2", "strokes": strokes() }),
            json!({ "format": "ally.strokes/1", "strokes": "not base64!" }),
            json!({ "format": "ally.strokes/1" }),
            json!("<svg/>"),
        ] {
            let e =
                parse(&json!({ "age": 4, "goals": [{ "id": "g", "text": "t", "drawing": bad }] }))
                    .unwrap_err();
            assert_eq!(e.field, "goals[0].drawing", "{bad}");
        }
    }

    #[test]
    fn three_goals_in_the_childs_words_with_ids_made_once() {
        let mut f = naming(15, json!({}));
        let ids: Vec<&str> = f.prompts.iter().map(|p| p.id).collect();
        assert_eq!(ids, ["goal.set.1", "goal.set.2", "goal.set.3"]);
        assert_eq!(f.text(0), "What would you like to be different or better?");
        let r = walk(
            &mut f,
            &[
                Some(Pick::Words("  Talk to my dad without shouting ".into())),
                Some(Pick::Choice(5)),
                Some(Pick::Words("Sleep at my mum's".into())),
            ],
        );
        let v = json_of(&r);
        let goals = v["goals"].as_array().unwrap();
        assert_eq!(goals.len(), 3);
        assert_eq!(goals[0]["text"], "Talk to my dad without shouting");
        // A starter from 9 is its words (with its picture's id, for the report).
        assert_eq!(goals[1]["text"], "Worry less");
        assert_eq!(goals[1]["picture"], "worry");
        assert_eq!(goals[0]["setAt"], "2026-12-01T10:00:01Z");
        assert_eq!(
            goals[0]["id"].as_str().unwrap().len(),
            36,
            "a UUID, as every id Ally makes"
        );
        // The same session makes the same ids: a resumed naming keeps them.
        let again = walk(
            &mut naming(15, json!({})),
            &[Some(Pick::Words("Something else".into())), None],
        );
        assert_eq!(json_of(&again)["goals"][0]["id"], goals[0]["id"]);
        assert_ne!(goals[0]["id"], goals[1]["id"]);
        assert_eq!(v["answers"][0]["kind"], "goal");
        assert_eq!(v["answers"][0]["construct"], "goal");
    }

    #[test]
    fn a_skip_or_i_dont_know_yet_ends_the_naming_and_is_kept_as_said() {
        // (age, steps, answers kept, goals named)
        let cases: [(u8, Vec<Option<Pick>>, usize, usize); 4] = [
            (
                10,
                vec![Some(Pick::Words("Make the team".into())), None],
                2,
                1,
            ),
            (10, vec![None], 1, 0),
            // 3–5: four pictures (each then an invitation to draw it,
            // declined), then "I don't know yet".
            (
                4,
                vec![Some(Pick::Choice(1)), None, Some(Pick::Choice(4))],
                3,
                1,
            ),
            (7, vec![Some(Pick::Choice(6))], 1, 0),
        ];
        for (age, steps, kept, named) in cases {
            let mut f = naming(age, json!({}));
            let r = walk(&mut f, &steps);
            assert_eq!(f.step, Step::Done, "age {age}");
            assert_eq!(r.answers.len(), kept, "age {age}");
            assert_eq!(r.goals.len(), named, "age {age}");
            let last = r.answers.last().unwrap();
            if matches!(steps.last(), Some(Some(Pick::Choice(_)))) {
                assert_eq!(
                    last.value,
                    Some(AnswerValue::List(vec!["dont_know".into()]))
                );
                assert_eq!(last.label.as_deref(), Some("I don't know yet"));
                assert!(!last.skipped, "an answer, not a skip");
            }
        }
        // A picture at 3–5 names the goal in the child's language.
        let mut f = naming(4, json!({ "locale": "es" }));
        let r = walk(&mut f, &[Some(Pick::Choice(0)), None, None]);
        assert_eq!(r.goals[0].text, "Hacer amistades y cuidarlas");
        assert_eq!(r.goals[0].picture.as_deref(), Some("friends"));
    }

    #[test]
    fn own_words_are_plain_text_of_at_most_120_characters() {
        let c = parse(&json!({ "age": 12, "mode": "goals" })).unwrap();
        let check = Check::new(c.clone(), "s", "t0");
        let p = check.prompts[0];
        let words = |t: &str| value_of(&c, p, &Pick::Words(t.into())).map(|(v, _)| v);
        assert_eq!(
            words(" Be brave "),
            Some(AnswerValue::Text("Be brave".into()))
        );
        assert_eq!(words(&"é".repeat(120)).is_some(), true);
        for bad in [
            "",
            "   ",
            "<script>",
            "a\u{202E}b",
            "tab\there",
            &"x".repeat(121),
        ] {
            assert_eq!(words(bad), None, "{bad:?}");
        }
        // Past the starters and "I don't know yet", nothing.
        assert!(value_of(&c, p, &Pick::Choice(8)).is_none());
    }

    #[test]
    fn the_portals_ids_name_the_goals_it_already_knows() {
        let mut f = naming(
            12,
            json!({ "goals": [{ "id": "g-77", "text": "Old words" }] }),
        );
        let r = walk(
            &mut f,
            &[
                Some(Pick::Words("New words".into())),
                Some(Pick::Words("Another".into())),
                None,
            ],
        );
        assert_eq!(r.goals[0].id, "g-77");
        assert_eq!(r.goals[1].id.len(), 36);
    }

    #[test]
    fn fhir_names_each_goal_in_the_childs_words() {
        let mut f = naming(15, json!({ "fhir": true, "fhirSubject": "Patient/p-1" }));
        let r = walk(
            &mut f,
            &[
                Some(Pick::Words("Go back to school".into())),
                Some(Pick::Choice(7)),
            ],
        );
        let b: Value = serde_json::from_str(r.fhir.as_deref().unwrap()).unwrap();
        let kinds: Vec<&str> = b["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["resource"]["resourceType"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["QuestionnaireResponse", "Goal"]);
        let goal = &b["entry"][1]["resource"];
        assert_eq!(goal["description"]["text"], "Go back to school");
        assert_eq!(goal["startDate"], "2026-12-01");
        assert_eq!(
            goal["id"],
            ally_core::fhir::goal_id("Patient/p-1", &r.goals[0].id)
        );
        let items = b["entry"][0]["resource"]["item"].as_array().unwrap();
        assert_eq!(items[0]["answer"][0]["valueString"], "Go back to school");
        assert_eq!(
            items[1]["answer"][0]["valueCoding"]["code"],
            "goal-dont_know"
        );
        assert_eq!(items.len(), 2, "the third was never asked");
    }
}

/// "Next time, I'd like to…": agreement on tasks in the child's choice,
/// never a score.
mod next_time {
    use super::config;
    use ally_core::answer::{value_of, AnswerValue, Given, Pick, Resume};
    use ally_core::catalog;
    use ally_core::check::Check;
    use ally_core::config::parse;
    use ally_core::flow::Flow;
    use serde_json::{json, Value};

    /// A check-out where every prompt but "next time" is skipped.
    fn checkout(age: u8, extra: Value, pick: Option<Pick>) -> Value {
        let c = config(age, "checkout", extra);
        let mut f = Flow::new(parse(&c).unwrap(), "s-1", "2026-12-01T10:00:00Z");
        let steps: Vec<Option<Pick>> = f
            .prompts
            .iter()
            .map(|p| (p.id == "plan.next").then(|| pick.clone()).flatten())
            .collect();
        let r = f
            .walk(steps, |n| format!("2026-12-01T10:00:{:02}Z", n + 1))
            .unwrap();
        serde_json::from_str(&ally_core::json::to_string(&r)).unwrap()
    }

    #[test]
    fn each_band_chooses_from_its_own_choices_with_one_per_goal() {
        let cases: [(u8, &[&str], &str); 4] = [
            (
                4,
                &["talk", "play", "draw", "goal", "goal", "other"],
                "Play",
            ),
            (
                7,
                &["talk", "play", "draw", "new", "goal", "goal", "other"],
                "Play",
            ),
            (
                10,
                &["talk", "play", "draw", "new", "goal", "goal"],
                "Play a game",
            ),
            (
                15,
                &["talk", "play", "draw", "new", "goal", "goal"],
                "Do an activity",
            ),
        ];
        for (age, want, play) in cases {
            let c = parse(&config(age, "checkout", json!({}))).unwrap();
            let offered = catalog::plan(c.band(), &c.goals);
            let ids: Vec<&str> = offered.iter().map(|(id, _)| *id).collect();
            assert_eq!(ids, want, "age {age}");
            let p = catalog::find(c.band(), c.mode, "plan.next").unwrap();
            let (value, label) = value_of(&c, p, &Pick::Choice(1)).unwrap();
            assert_eq!(value, AnswerValue::List(vec!["play".into()]));
            assert_eq!(label, play, "age {age}");
            // A goal: its id beside "goal", and its words.
            let first_goal = want.iter().position(|id| *id == "goal").unwrap();
            let (value, label) = value_of(&c, p, &Pick::Choice(first_goal + 1)).unwrap();
            assert_eq!(value, AnswerValue::List(vec!["goal".into(), "calm".into()]));
            assert_eq!(label, "Work on my goal: “Stay calm when I'm angry”");
            assert!(value_of(&c, p, &Pick::Choice(want.len())).is_none());
            // From 9 the child may type; younger children tap.
            let typed = value_of(&c, p, &Pick::Words("Practise what to say".into()));
            assert_eq!(typed.is_some(), age >= 9, "age {age}");
        }
    }

    #[test]
    fn own_words_are_plain_text_of_at_most_120_characters() {
        let c = parse(&config(15, "checkout", json!({ "locale": "es" }))).unwrap();
        let p = catalog::find(c.band(), c.mode, "plan.next").unwrap();
        let words = |t: &str| value_of(&c, p, &Pick::Words(t.into())).map(|(v, _)| v);
        assert_eq!(
            words("  Hablar de mi hermana "),
            Some(AnswerValue::Text("Hablar de mi hermana".into()))
        );
        assert_eq!(words("   "), None);
        assert_eq!(words("a\u{7}b"), None);
        assert_eq!(words(&"x".repeat(121)), None);
        assert!(words(&"x".repeat(120)).is_some());
        // In Spanish, a goal is worked on "en" it.
        let (_, label) = value_of(&c, p, &Pick::Choice(4)).unwrap();
        assert_eq!(label, "Trabajar en mi meta: «Make a friend at school»");
    }

    #[test]
    fn it_is_asked_with_goals_or_when_the_portal_says_and_never_scored() {
        let asked = |age: u8, extra: Value| {
            let c = parse(&config(age, "checkout", extra)).unwrap();
            Check::new(c, "s-1", "t0")
                .prompts
                .iter()
                .any(|p| p.id == "plan.next")
        };
        assert!(asked(10, json!({})));
        assert!(!asked(10, json!({ "nextTime": false })));
        assert!(!asked(10, json!({ "goals": [] })));
        assert!(asked(4, json!({ "goals": [], "nextTime": true })));
        assert!(!asked(10, json!({ "mode": "checkin" })));
        let bad = parse(&config(10, "checkout", json!({ "nextTime": "yes" }))).unwrap_err();
        assert_eq!(bad.field, "nextTime");

        // Rated at check-in, the goals are still named by a check-out that
        // offers them; nothing is scored.
        let r = checkout(10, json!({}), Some(Pick::Choice(4)));
        let answer = r["answers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["promptId"] == "plan.next")
            .unwrap();
        assert_eq!(answer["kind"], "plan");
        assert_eq!(answer["construct"], "plan");
        assert_eq!(answer["value"], json!(["goal", "friend"]));
        assert_eq!(
            answer["label"],
            "Work on my goal: “Make a friend at school”"
        );
        assert_eq!(r["goals"].as_array().unwrap().len(), 2);
        assert_eq!(r["scores"]["goals"], json!([]));
        assert_eq!(r["scores"]["alliance"]["answered"], 0);
        // A skip is a skip.
        let r = checkout(10, json!({}), None);
        let skipped =
            r["answers"].as_array().unwrap().iter().any(|a| {
                a["promptId"] == "plan.next" && a["skipped"] == true && a["value"].is_null()
            });
        assert!(skipped);
    }

    #[test]
    fn a_resume_keeps_a_goal_chosen_only_while_the_goal_is_there() {
        let given = |value: Value| {
            Given::from_value(&json!({
                "promptId": "plan.next", "value": value, "skipped": false,
                "answeredAt": "2026-12-01T10:00:05Z"
            }))
            .unwrap()
        };
        let c = parse(&config(10, "checkout", json!({}))).unwrap();
        for (value, kept) in [
            (json!(["goal", "calm"]), true),
            (json!(["goal", "gone"]), false),
            (json!(["goal"]), false),
            (json!(["talk"]), true),
            (json!(["talk", "calm"]), false),
            (json!(["other"]), false),
            (json!([]), false),
            (json!("Practise what to say"), true),
            (json!(7), false),
        ] {
            let check = Check::new(c.clone(), "s-1", "t0").resume(Resume {
                answers: vec![given(value.clone())],
                ..Resume::default()
            });
            let i = check
                .prompts
                .iter()
                .position(|p| p.id == "plan.next")
                .unwrap();
            assert_eq!(check.answers[i].is_some(), kept, "{value}");
        }
    }

    #[test]
    fn fhir_codes_the_choice_with_the_words_the_child_saw() {
        let extra = json!({ "fhir": true, "fhirSubject": "Patient/p-1", "goalsAt": "checkin" });
        let item = |age: u8, pick: Pick| {
            let r = checkout(age, extra.clone(), Some(pick));
            let qr = &r["fhir"]["entry"][0]["resource"];
            let item = qr["item"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["linkId"] == "plan.next")
                .cloned()
                .unwrap();
            item["answer"][0].clone()
        };
        let goal = item(7, Pick::Choice(4));
        assert_eq!(goal["valueCoding"]["code"], "plan-goal");
        assert_eq!(
            goal["valueCoding"]["display"],
            "Work on my goal: “Make a friend at school”"
        );
        assert_eq!(
            item(4, Pick::Choice(5))["valueCoding"]["code"],
            "plan-other"
        );
        assert_eq!(
            item(15, Pick::Words("Practise what to say".into()))["valueString"],
            "Practise what to say"
        );
    }
}
