//! The adults' forms: a caregiver's and the therapist's view, validated and
//! scored per rater, compared like with like (each rater with their own
//! earlier ratings), written to FHIR as theirs, and set beside the child's
//! in the report without ever being averaged. The README's "Scores" gives
//! each rule's reason.
use ally_core::answer::Pick;
use ally_core::config::{parse, Mode, Rater};
use ally_core::flow::{Flow, FlowAction, Step};
use ally_core::json;
use ally_core::protocol::Outbound;
use ally_core::report::{
    agreement, goal_series, summary, Report, ReportAction, Topic, AGREEMENT_GAP,
};
use ally_core::{catalog, config::Locale};
use serde_json::{json, Value};

fn goals() -> Value {
    json!([{ "id": "friend", "text": "Make a friend" }, { "id": "calm", "text": "Stay calm" }])
}

fn form(rater: &str, age: u8) -> Value {
    json!({ "age": age, "mode": "form", "rater": rater, "goals": goals(), "childName": "Sam" })
}

fn error_of(c: Value) -> String {
    parse(&c).unwrap_err().to_string()
}

fn ids(c: &Value) -> Vec<&'static str> {
    Flow::new(parse(c).unwrap(), "f-1", "2026-12-01T18:00:00Z")
        .prompts
        .iter()
        .map(|p| p.id)
        .collect()
}

#[test]
fn a_form_names_its_rater_and_only_a_form_names_an_adult() {
    assert_eq!(
        error_of(json!({ "age": 7, "mode": "form" })),
        "rater: must be \"caregiver\" or \"therapist\" on a form, but it is missing"
    );
    assert_eq!(
        error_of(json!({ "age": 7, "mode": "form", "rater": "child" })),
        "rater: must be \"caregiver\" or \"therapist\" on a form, got \"child\""
    );
    assert_eq!(
        error_of(json!({ "age": 7, "mode": "form", "rater": "teacher" })),
        "rater: must be one of \"child\", \"caregiver\", \"therapist\", got \"teacher\""
    );
    assert_eq!(
        error_of(json!({ "age": 7, "mode": "checkout", "rater": "caregiver" })),
        "rater: names an adult only on a form (mode \"form\"), got \"caregiver\""
    );
    // The child's own checks are the child's, said or not.
    let c = parse(&json!({ "age": 7, "mode": "checkout", "rater": "child" })).unwrap();
    assert_eq!(c.rater, Rater::Child);
    // Who answered, in FHIR: a caregiver is a RelatedPerson, the therapist a Practitioner.
    let with = |rater: &str, author: &str| {
        let mut c = form(rater, 7);
        c["fhirAuthor"] = json!(author);
        parse(&c).map(|c| c.fhir_author)
    };
    assert_eq!(
        with("caregiver", "RelatedPerson/mum-1").unwrap().as_deref(),
        Some("RelatedPerson/mum-1")
    );
    assert_eq!(
        with("therapist", "PractitionerRole/7").unwrap().as_deref(),
        Some("PractitionerRole/7")
    );
    assert_eq!(
        with("caregiver", "Practitioner/7").unwrap_err().field,
        "fhirAuthor"
    );
    assert_eq!(
        with("therapist", "RelatedPerson/mum-1")
            .unwrap_err()
            .to_string(),
        "fhirAuthor: must be a FHIR reference such as \"Practitioner/7\" or \"PractitionerRole/7\", got \"RelatedPerson/mum-1\""
    );
}

#[test]
fn each_rater_answers_their_own_items_with_every_goal() {
    assert_eq!(
        ids(&form("caregiver", 4)),
        [
            "caregiver.home",
            "caregiver.school",
            "caregiver.peers",
            "caregiver.wellbeing",
            "caregiver.goal.1",
            "caregiver.goal.2",
            "caregiver.listened",
            "caregiver.agree",
            "caregiver.fits",
            "caregiver.overall",
            "caregiver.note",
        ]
    );
    // Whatever goalsAt says of the child's checks, a form rates every goal.
    let mut c = form("therapist", 15);
    c["goalsAt"] = json!("checkout");
    assert_eq!(
        ids(&c),
        [
            "therapist.goal.1",
            "therapist.goal.2",
            "therapist.bond",
            "therapist.goals",
            "therapist.tasks",
            "therapist.overall",
            "therapist.note",
        ]
    );
    // The words name the child and the therapist as the portal does.
    let f = Flow::new(
        parse(&form("caregiver", 4)).unwrap(),
        "f",
        "2026-12-01T18:00:00Z",
    );
    assert_eq!(
        f.text(0),
        "Since the last session, how has Sam been getting on at home?"
    );
    assert_eq!(f.text(4), "“Make a friend”");
    assert_eq!(f.text(6), "We feel that the therapist listens to us.");
    let mut es = form("therapist", 9);
    es["locale"] = json!("es");
    es["helperName"] = json!("Dra. Núñez");
    es.as_object_mut().unwrap().remove("childName");
    let f = Flow::new(parse(&es).unwrap(), "f", "2026-12-01T18:00:00Z");
    assert_eq!(
        f.text(3),
        "Hoy trabajamos en cosas que le importan a este niño o niña."
    );
    // None of these words are the child's: no prompt of theirs has an adult's id.
    assert!(catalog::PROMPTS
        .iter()
        .all(|p| catalog::rater_of(p.id).is_none() && p.mode != Mode::Form));
}

/// A form filled item by item in any order, then sent.
fn filled(c: &Value, fills: &[(usize, Option<Pick>)]) -> (Flow, Vec<Outbound>) {
    let mut f = Flow::new(parse(c).unwrap(), "f-1", "2026-12-01T18:00:00Z");
    let mut out = Vec::new();
    for (n, (i, pick)) in fills.iter().enumerate() {
        out.extend(f.apply(FlowAction::Fill {
            i: *i,
            pick: pick.clone(),
            now: format!("2026-12-01T18:01:{n:02}Z"),
        }));
    }
    out.extend(f.apply(FlowAction::Submit {
        now: "2026-12-01T18:05:00Z".into(),
    }));
    (f, out)
}

fn result_of(out: &[Outbound]) -> Value {
    match out.last() {
        Some(Outbound::Complete(r)) => serde_json::from_str(&json::to_string(r)).unwrap(),
        other => panic!("no result: {other:?}"),
    }
}

#[test]
fn a_blank_item_is_a_skip_and_an_adults_total_exists_at_every_age() {
    // At 4 the child has no trust total; the caregiver rates on 0–10 lines.
    let (f, out) = filled(
        &form("caregiver", 4),
        &[
            (6, Some(Pick::Level(9))),
            (0, Some(Pick::Level(3))),
            (7, Some(Pick::Level(8))),
            (8, Some(Pick::Level(7))),
            (9, Some(Pick::Level(9))),
            (4, Some(Pick::Level(6))),
            (5, None),
            (
                10,
                Some(Pick::Words("  He slept badly on Monday.  ".into())),
            ),
            // Changed the mind: the latest answer to an item is the one kept.
            (0, Some(Pick::Level(4))),
        ],
    );
    assert_eq!(f.step, Step::Done);
    let r = result_of(&out);
    assert_eq!(r["mode"], "form");
    assert_eq!(r["rater"], "caregiver");
    assert_eq!(r["scores"]["alliance"]["total"], 33.0);
    assert_eq!(
        r["scores"]["alliance"]["items"],
        json!([
            "caregiver.listened",
            "caregiver.agree",
            "caregiver.fits",
            "caregiver.overall"
        ])
    );
    // An adult rates on the line: the line's cutoffs, not the three faces'.
    assert_eq!(r["scores"]["alliance"]["cutoffs"]["item"], 9.0);
    assert_eq!(
        r["scores"]["flags"]["discuss"],
        json!(["caregiver.agree", "caregiver.fits"])
    );
    // Never summed: each place on its own, a blank one a skip.
    assert_eq!(
        r["scores"]["wellbeing"],
        json!({ "home": 4, "school": null, "peers": null, "overall": null })
    );
    let answers = r["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 11);
    let skipped: Vec<&str> = answers
        .iter()
        .filter(|a| a["skipped"] == true)
        .map(|a| a["promptId"].as_str().unwrap())
        .collect();
    assert_eq!(
        skipped,
        [
            "caregiver.school",
            "caregiver.peers",
            "caregiver.wellbeing",
            "caregiver.goal.2"
        ]
    );
    assert_eq!(r["scores"]["flags"]["skipped"].as_array().unwrap().len(), 4);
    let note = answers
        .iter()
        .find(|a| a["promptId"] == "caregiver.note")
        .unwrap();
    assert_eq!(note["value"], "He slept badly on Monday.");
    assert_eq!(note["kind"], "note");
    assert_eq!(r["scores"]["goals"][0]["progress"], 6.0);
    assert_eq!(r["scores"]["goals"][1]["skipped"], true);
    // Every blank went out as its own skip before the result.
    let sent: Vec<&str> = out
        .iter()
        .filter_map(|m| match m {
            Outbound::Answer(a) if a.skipped => Some(a.prompt_id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(sent.len(), 4, "{sent:?}");
}

#[test]
fn a_note_is_plain_and_short_and_nothing_changes_once_sent() {
    let c = form("caregiver", 7);
    let mut f = Flow::new(parse(&c).unwrap(), "f-1", "2026-12-01T18:00:00Z");
    let now = || "2026-12-01T18:01:00Z".to_string();
    let long = "a".repeat(501);
    for bad in [long.as_str(), "<b>hi</b>", "   "] {
        let out = f.apply(FlowAction::Fill {
            i: 10,
            pick: Some(Pick::Words(bad.into())),
            now: now(),
        });
        assert!(out.is_empty(), "{bad:?} was taken");
    }
    assert!(
        f.apply(FlowAction::Fill {
            i: 10,
            pick: Some(Pick::Words("a".repeat(500))),
            now: now()
        })
        .len()
            == 1
    );
    // The therapist's line is a line.
    let mut t = Flow::new(
        parse(&form("therapist", 7)).unwrap(),
        "f-2",
        "2026-12-01T18:00:00Z",
    );
    let out = t.apply(FlowAction::Fill {
        i: 6,
        pick: Some(Pick::Words("b".repeat(161))),
        now: now(),
    });
    assert!(out.is_empty());
    // Out of range, or an item it doesn't have.
    assert!(f
        .apply(FlowAction::Fill {
            i: 0,
            pick: Some(Pick::Level(11)),
            now: now()
        })
        .is_empty());
    assert!(f
        .apply(FlowAction::Fill {
            i: 99,
            pick: None,
            now: now()
        })
        .is_empty());
    f.apply(FlowAction::Submit { now: now() });
    assert!(f
        .apply(FlowAction::Fill {
            i: 0,
            pick: Some(Pick::Level(1)),
            now: now()
        })
        .is_empty());
    assert!(f.apply(FlowAction::Submit { now: now() }).is_empty());
    // A child's check knows no filling in.
    let mut child = Flow::new(
        parse(&json!({ "age": 9 })).unwrap(),
        "c",
        "2026-12-01T18:00:00Z",
    );
    child.apply(FlowAction::Begin);
    assert!(child
        .apply(FlowAction::Fill {
            i: 0,
            pick: Some(Pick::Choice(1)),
            now: now()
        })
        .is_empty());
    assert!(child.apply(FlowAction::Submit { now: now() }).is_empty());
}

#[test]
fn earlier_ratings_compare_only_with_the_same_raters() {
    let (_, out) = filled(&form("therapist", 10), &[(2, Some(Pick::Level(5)))]);
    let therapist = result_of(&out);
    // The child's check-out is no previous of a caregiver's, nor a therapist's of a caregiver's.
    let mut c = form("caregiver", 10);
    c["previousAlliance"] = therapist.clone();
    assert_eq!(parse(&c).unwrap_err().field, "previousAlliance");
    c["previousAlliance"] = Value::Null;
    c["previousGoals"] = therapist.clone();
    assert_eq!(
        parse(&c).unwrap_err().to_string(),
        "previousGoals: must be a result of the same rater: ratings compare like with like, got \"therapist\""
    );
    // Their own last form compares: goals and total.
    let mut t = form("therapist", 10);
    t["previousGoals"] = therapist.clone();
    t["previousAlliance"] = therapist.clone();
    let (_, out) = filled(
        &t,
        &[
            (0, Some(Pick::Level(2))),
            (2, Some(Pick::Level(9))),
            (3, Some(Pick::Level(9))),
            (4, Some(Pick::Level(9))),
            (5, Some(Pick::Level(9))),
        ],
    );
    let r = result_of(&out);
    assert_eq!(
        r["scores"]["goals"][0]["changeReason"],
        "previous_not_rated"
    );
    assert_eq!(r["scores"]["alliance"]["change"], Value::Null);
    assert_eq!(r["scores"]["flags"]["dropReason"], "no_previous_total");
    // And a child's result given as a child's previous still works.
    let child = parse(
        &json!({ "age": 10, "mode": "checkout", "previousGoals": { "ageBand": "9-12", "goals": [] } }),
    );
    assert!(child.is_ok());
}

#[test]
fn a_form_in_fhir_is_its_authors_on_the_childs_goals() {
    let mut c = form("caregiver", 7);
    c["fhir"] = json!(true);
    c["fhirSubject"] = json!("Patient/p-1");
    c["fhirAuthor"] = json!("RelatedPerson/mum-1");
    let (_, out) = filled(&c, &[(4, Some(Pick::Level(6))), (6, Some(Pick::Level(8)))]);
    let r = result_of(&out);
    let b: Value = serde_json::from_str(r["fhir"].as_str().map_or(&r["fhir"].to_string(), |s| s))
        .unwrap_or(r["fhir"].clone());
    let entries: Vec<&Value> = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .collect();
    let qr = entries[0];
    assert_eq!(
        qr["questionnaire"],
        format!(
            "{}/Questionnaire/ally-form-caregiver|{}",
            ally_core::fhir::DEFAULT_BASE,
            ally_core::fhir::VERSION
        )
    );
    assert_eq!(qr["author"], json!({ "reference": "RelatedPerson/mum-1" }));
    assert_eq!(qr["source"], json!({ "reference": "RelatedPerson/mum-1" }));
    assert_eq!(qr["subject"], json!({ "reference": "Patient/p-1" }));
    // Its own codes, its performer, and the child's Goal as it is stored: never rewritten.
    let codes: Vec<&str> = entries[1..]
        .iter()
        .map(|o| o["code"]["coding"][0]["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "caregiver-alliance-total",
            "wellbeing",
            "caregiver-goal-progress",
            "caregiver-goal-progress"
        ]
    );
    assert!(entries.iter().all(|e| e["resourceType"] != "Goal"));
    for o in &entries[1..] {
        assert_eq!(
            o["performer"],
            json!([{ "reference": "RelatedPerson/mum-1" }])
        );
    }
    let friend = ally_core::fhir::goal_id("Patient/p-1", "friend");
    assert_eq!(
        entries[3]["focus"],
        json!([{ "reference": format!("Goal/{friend}") }])
    );
    assert_eq!(entries[3]["valueInteger"], 6);
}

/// A result document of `c` walked with `steps` on `day`.
fn doc(c: Value, steps: &[Option<Pick>], day: u32) -> Value {
    let start = format!("2026-11-{day:02}T10:00:00.000Z");
    let mut f = Flow::new(
        parse(&c).unwrap(),
        &format!("s-{day}-{}", c["rater"]),
        &start,
    );
    let r = f
        .walk(steps.iter().cloned(), |n| {
            format!("2026-11-{day:02}T10:00:{:02}.000Z", n + 1)
        })
        .unwrap();
    serde_json::from_str(&json::to_string(&r)).unwrap()
}

fn report(docs: &[Value]) -> Report {
    let mut r = Report::default().reduce(ReportAction::Init { config: json!({}) });
    for d in docs {
        r = r.reduce(ReportAction::Add { result: d.clone() });
    }
    assert!(r.unreadable.is_empty(), "{:?}", r.unreadable);
    r
}

fn lines(n: &[u8]) -> Vec<Option<Pick>> {
    n.iter().map(|v| Some(Pick::Level(*v))).collect()
}

#[test]
fn the_report_sets_three_views_side_by_side_and_names_a_gap() {
    // A 10-year-old rates "Make a friend" 3 and the trust lines at check-out.
    let mut child = json!({ "age": 10, "mode": "checkout", "goals": goals(), "goalsAt": "checkout", "nextTime": false });
    child["goals"] = goals();
    let mut steps = lines(&[9, 9, 8, 9, 3, 5]);
    steps.push(None);
    let child = doc(child, &steps, 10);
    let caregiver = doc(
        form("caregiver", 10),
        &{
            let mut s = lines(&[5, 5, 5, 5, 6, 5, 8, 8, 8, 8]);
            s.push(None);
            s
        },
        11,
    );
    let therapist = doc(
        form("therapist", 10),
        &{
            let mut s = lines(&[8, 5, 4, 9, 9, 9]);
            s.push(Some(Pick::Words("Quiet start, opened up later.".into())));
            s
        },
        10,
    );
    let r = report(&[child, caregiver, therapist]);
    let rows = agreement(&r.sessions, AGREEMENT_GAP);
    let friend = &rows[0];
    assert_eq!(
        friend.topic,
        Topic::Goal {
            id: "friend".into(),
            text: "Make a friend".into()
        }
    );
    let values: Vec<(Rater, Option<f64>)> =
        friend.ratings.iter().map(|x| (x.rater, x.value)).collect();
    assert_eq!(
        values,
        [
            (Rater::Child, Some(3.0)),
            (Rater::Caregiver, Some(6.0)),
            (Rater::Therapist, Some(8.0))
        ]
    );
    // The gap is the largest minus the smallest: nothing is averaged.
    assert_eq!(friend.gap, Some(5.0));
    // "Stay calm": 5, 5 and 5: no gap to name.
    assert_eq!(rows[1].gap, None);
    // The alliance: bond 9 (child), 8 (caregiver), 4 (therapist): named.
    let bond = rows
        .iter()
        .find(|x| x.topic == Topic::Alliance(catalog::Construct::Bond))
        .unwrap();
    assert_eq!(bond.gap, Some(5.0));
    let overall = rows
        .iter()
        .find(|x| x.topic == Topic::Alliance(catalog::Construct::Overall))
        .unwrap();
    assert_eq!(overall.gap, None);
    // A gap just under the threshold is not named; the therapist may set another.
    let tasks = rows
        .iter()
        .find(|x| x.topic == Topic::Alliance(catalog::Construct::Tasks))
        .unwrap();
    assert_eq!(
        tasks.ratings.iter().map(|x| x.value).collect::<Vec<_>>(),
        [Some(8.0), Some(8.0), Some(9.0)]
    );
    assert_eq!(tasks.gap, None);
    assert_eq!(agreement(&r.sessions, 1.0)[4].gap, Some(1.0));
    // Each says its own in the report's words.
    let t = r
        .sessions()
        .find(|s| s.rater() == Rater::Therapist)
        .unwrap();
    let said = summary(t, Locale::En);
    assert_eq!(
        said[0],
        "Your alliance total: 31 of 40, below your cutoff of 36"
    );
    assert!(
        said.contains(&"Note: “Quiet start, opened up later.”".to_string()),
        "{said:?}"
    );
    let c = r
        .sessions()
        .find(|s| s.rater() == Rater::Caregiver)
        .unwrap();
    let said = summary(c, Locale::En);
    assert!(said.contains(&"Since the last session, as the caregiver saw it: at home 5, at school or preschool 5, with other children 5, overall 5".to_string()), "{said:?}");
    // The child's trust chart is the child's alone.
    let (totals, _) = ally_core::report::series(&r.sessions);
    assert_eq!(totals.len(), 1);
}

#[test]
fn at_three_to_five_the_caregivers_ratings_are_the_trend_and_faces_stay_faces() {
    let young = |day| {
        let c = json!({ "age": 4, "mode": "checkout", "goals": goals(), "goalsAt": "checkout", "nextTime": false });
        // Three faces, then each goal on three pictures ("a little": 5), then the drawing.
        doc(
            c,
            &[
                Some(Pick::Choice(2)),
                Some(Pick::Choice(1)),
                Some(Pick::Choice(2)),
                Some(Pick::Choice(1)),
                Some(Pick::Choice(0)),
                None,
            ],
            day,
        )
    };
    let cg = |day, friend| {
        let mut s = lines(&[5, 5, 5, 5, friend, 2, 9, 9, 9, 9]);
        s.push(None);
        doc(form("caregiver", 4), &s, day)
    };
    let r = report(&[young(3), cg(4, 2), young(10), cg(11, 9)]);
    let rows = agreement(&r.sessions, AGREEMENT_GAP);
    let friend = &rows[0];
    let child = &friend.ratings[0];
    assert_eq!(child.rater, Rater::Child);
    assert!(!child.comparable);
    assert_eq!(child.words.as_deref(), Some("A little"));
    // 5 ("a little") beside 9 is not a gap of 4: three pictures are not a point on 0–10.
    assert_eq!(friend.gap, None);
    // The caregiver's ratings over time are the trend; each compared with their own last.
    let trend = goal_series(&r.sessions, Rater::Caregiver);
    assert_eq!(
        trend[0].points.iter().map(|p| p.value).collect::<Vec<_>>(),
        [Some(2.0), Some(9.0)]
    );
    let last = r
        .sessions()
        .filter(|s| s.rater() == Rater::Caregiver)
        .last()
        .unwrap();
    assert_eq!(last.scores.goals[0].change, Some(7.0));
    assert_eq!(last.scores.alliance.as_ref().unwrap().change, Some(0.0));
}
