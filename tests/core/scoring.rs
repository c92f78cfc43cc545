//! Every scoring rule, for every band, as a table: a child's answers, and
//! the scores a therapist must see. The README's "Scores" section gives each
//! rule's reason.
use ally_core::answer::Pick;
use ally_core::config::parse;
use ally_core::flow::Flow;
use ally_core::protocol::ResultDoc;
use serde_json::{json, Value};

/// Walks a flow: `Some(pick)` answers, `None` skips; drawings, which are
/// not scored, are skipped on the way. Returns the result.
/// A config's `_slot` (1 when absent) picks a session whose 13–17
/// check-out asks that slot's pair of statements.
fn run(config: &Value, steps: &[Option<Pick>]) -> ResultDoc {
    let want = config.get("_slot").and_then(Value::as_u64).unwrap_or(1) as u8;
    let session = (1..)
        .map(|n| format!("s-{n}"))
        .find(|s| ally_core::catalog::slot(s) == want)
        .unwrap();
    let mut f = Flow::new(parse(config).unwrap(), &session, "t0");
    let mut given = steps.iter().cloned();
    let all: Vec<Option<Pick>> = f
        .prompts
        .iter()
        .map(|p| match p.kind().code() {
            "drawing" => None,
            _ => given
                .next()
                .expect("a step for every prompt but the drawings"),
        })
        .collect();
    assert!(given.next().is_none(), "more steps than prompts");
    f.walk(all, |n| format!("t{}", n + 1)).unwrap()
}

/// What the widget writes, read back as JSON.
fn value(v: &dyn ally_core::json::Json) -> Value {
    serde_json::from_str(&ally_core::json::to_string(v)).unwrap()
}

/// Asserts that every key of `want` has the same value in `got`, recursively.
fn contains(got: &Value, want: &Value, at: &str) -> Result<(), String> {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            for (k, v) in w {
                let g = g.get(k).ok_or_else(|| format!("{at}.{k} is missing"))?;
                contains(g, v, &format!("{at}.{k}"))?;
            }
            Ok(())
        }
        // Numbers by value: the wire writes 10.0 as 10.
        (Value::Number(g), Value::Number(w)) if g.as_f64() == w.as_f64() => Ok(()),
        (Value::Array(g), Value::Array(w)) if g.len() == w.len() => g
            .iter()
            .zip(w)
            .enumerate()
            .try_for_each(|(i, (g, w))| contains(g, w, &format!("{at}[{i}]"))),
        _ if got == want => Ok(()),
        _ => Err(format!("{at}: got {got}, want {want}")),
    }
}

// Shorthands for a child's taps.
fn face(i: usize) -> Option<Pick> {
    Some(Pick::Choice(i))
}
fn line(n: u8) -> Option<Pick> {
    Some(Pick::Level(n))
}
/// An agree statement: 1 (disagree a lot) to 4 (agree a lot).
fn agree(v: usize) -> Option<Pick> {
    Some(Pick::Choice(v - 1))
}
const SKIP: Option<Pick> = None;
const YES: Option<Pick> = Some(Pick::Choice(0));
const LATER: Option<Pick> = Some(Pick::Choice(1));
const NO: Option<Pick> = Some(Pick::Choice(2));
fn feel(ids: &[&str]) -> Option<Pick> {
    Some(Pick::Feelings(ids.iter().map(|s| s.to_string()).collect()))
}

const ITEMS_6_17: [&str; 4] = [
    "trust.listened",
    "trust.what_matters",
    "trust.helped",
    "trust.next_time",
];

/// The previous session's alliance, as a portal passes it back.
fn previous(total: Value, band: &str) -> Value {
    json!({ "total": total, "ageBand": band, "items": ITEMS_6_17 })
}

struct Case {
    rule: &'static str,
    config: Value,
    steps: Vec<Option<Pick>>,
    scores: Value,
}

fn case(rule: &'static str, config: Value, steps: Vec<Option<Pick>>, scores: Value) -> Case {
    Case {
        rule,
        config,
        steps,
        scores,
    }
}

fn out(age: u8) -> Value {
    json!({ "age": age, "mode": "checkout" })
}
fn with(mut base: Value, extra: Value) -> Value {
    base.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    base
}

fn cases() -> Vec<Case> {
    vec![
        // ---- A skipped core item is information --------------------------
        case(
            "3-5: a skip is named, never scaled away; no total at this age",
            out(4),
            vec![SKIP, face(2), face(2)],
            json!({ "alliance": { "total": null, "answered": 2, "overall": null, "bond": 10.0, "tasks": 10.0,
                                  "items": ["trust.liked_being_here", "trust.listened", "trust.helped"] },
                    "flags": { "skipped": ["trust.liked_being_here"], "lowAlliance": false, "low": [], "discuss": [] } }),
        ),
        case(
            "6-8: one skipped item leaves no total, and names the item",
            out(7),
            vec![face(4), SKIP, face(4), face(4)],
            json!({ "alliance": { "total": null, "answered": 3, "goals": null, "bond": 10.0 },
                    "flags": { "skipped": ["trust.what_matters"], "lowAlliance": false, "drop": null, "dropReason": "no_previous" } }),
        ),
        case(
            "9-12: three of four answered is no total",
            out(10),
            vec![line(10), line(10), line(10), SKIP],
            json!({ "alliance": { "total": null, "answered": 3, "overall": null },
                    "flags": { "skipped": ["trust.next_time"], "lowAlliance": false } }),
        ),
        case(
            "13-17: a skipped line leaves no total; skipped statements are named too",
            out(15),
            vec![SKIP, line(10), line(10), line(10), agree(4), SKIP],
            json!({ "alliance": { "total": null, "bond": null, "agree": { "bond": [4.0, null], "goals": [], "tasks": [] } },
                    "flags": { "skipped": ["trust.listened", "trust.hold_back"], "disagree": [], "agreedBothWays": [] } }),
        ),
        case(
            "all answered: the total is the sum of the four items",
            out(10),
            vec![line(10), line(9), line(8), line(10)],
            json!({ "alliance": { "total": 37.0, "answered": 4, "bond": 10.0, "goals": 9.0, "tasks": 8.0, "overall": 10.0,
                                  "items": ITEMS_6_17, "agree": null },
                    "flags": { "skipped": [] } }),
        ),
        // ---- 3–5: faces as they are; the lowest face is flagged ----------
        case(
            "3-5: the lowest face on any item is flagged",
            out(5),
            vec![face(2), face(0), face(1)],
            json!({ "alliance": { "total": null, "overall": 10.0, "bond": 0.0, "tasks": 5.0, "goals": null,
                                  "cutoffs": { "item": 5.0, "lowItem": 5.0 } },
                    "flags": { "low": ["trust.listened"], "discuss": ["trust.listened"], "lowAlliance": false,
                               "drop": null, "dropReason": "no_previous" } }),
        ),
        case(
            "3-5: a previous total can't be compared: there is none",
            with(
                out(3),
                json!({ "previousAlliance": { "total": null, "ageBand": "3-5", "items": [] } }),
            ),
            vec![face(2), face(2), face(2)],
            json!({ "alliance": { "total": null, "change": null }, "flags": { "drop": null, "dropReason": "no_total", "low": [] } }),
        ),
        // ---- 6–8: two levels on five faces -------------------------------
        case(
            "6-8: below the top face is to discuss; the middle face or lower is low",
            out(6),
            vec![face(4), face(3), face(2), face(0)],
            json!({ "alliance": { "total": 22.5, "bond": 10.0, "goals": 7.5, "tasks": 5.0, "overall": 0.0,
                                  "cutoffs": { "total": 36.0, "item": 10.0, "lowItem": 6.0 } },
                    "flags": { "discuss": ["trust.what_matters", "trust.helped", "trust.next_time"],
                               "low": ["trust.helped", "trust.next_time"], "lowAlliance": true } }),
        ),
        case(
            "6-8: all at the top: nothing flagged",
            out(8),
            vec![face(4), face(4), face(4), face(4)],
            json!({ "alliance": { "total": 40.0 }, "flags": { "discuss": [], "low": [], "lowAlliance": false } }),
        ),
        case(
            "6-8: the total cutoff stays: one dip is 37.5, two are 35",
            out(7),
            vec![face(3), face(3), face(4), face(4)],
            json!({ "alliance": { "total": 35.0 }, "flags": { "lowAlliance": true, "low": [],
                    "discuss": ["trust.listened", "trust.what_matters"] } }),
        ),
        // ---- 9–17: item cutoff 9, total cutoff 36 -------------------------
        case(
            "9-12: an 8 on one line is asked about, though the total passes",
            out(10),
            vec![line(10), line(8), line(10), line(10)],
            json!({ "alliance": { "total": 38.0, "cutoffs": { "total": 36.0, "item": 9.0, "lowItem": 0.0 } },
                    "flags": { "discuss": ["trust.what_matters"], "low": [], "lowAlliance": false } }),
        ),
        case(
            "9-12: 9 on every line is 36: no flag at the cutoffs themselves",
            out(12),
            vec![line(9), line(9), line(9), line(9)],
            json!({ "alliance": { "total": 36.0 }, "flags": { "discuss": [], "lowAlliance": false } }),
        ),
        case(
            "13-17: 35 is below the total cutoff",
            out(13),
            vec![line(9), line(9), line(9), line(8), agree(4), agree(1)],
            json!({ "alliance": { "total": 35.0 }, "flags": { "lowAlliance": true, "discuss": ["trust.next_time"], "disagree": [] } }),
        ),
        // ---- 13–17: agree statements count --------------------------------
        case(
            "13-17: top lines, but 'disagree a lot' with a statement: its construct is flagged",
            out(15),
            vec![line(10), line(10), line(10), line(10), agree(1), agree(1)],
            json!({ "alliance": { "total": 40.0, "agree": { "bond": [1.0, 4.0], "goals": [], "tasks": [] } },
                    "flags": { "disagree": ["bond"], "agreedBothWays": [], "lowAlliance": false, "discuss": [] } }),
        ),
        case(
            "13-17: the opposite statement counts as 5 minus its answer: agreeing with it is disagreeing",
            with(out(16), json!({ "_slot": 2 })),
            vec![line(10), line(10), line(10), line(10), agree(4), agree(4)],
            json!({ "alliance": { "agree": { "bond": [4.0, 1.0] } },
                    "flags": { "disagree": ["bond"], "agreedBothWays": ["bond"] } }),
        ),
        case(
            "13-17: agreeing with a statement and its opposite shows as what it is",
            with(out(13), json!({ "_slot": 4 })),
            vec![line(10), line(10), line(10), line(10), agree(4), agree(3)],
            json!({ "alliance": { "agree": { "bond": [], "goals": [], "tasks": [4.0, 2.0] } },
                    "flags": { "disagree": ["tasks"], "agreedBothWays": ["tasks"] } }),
        ),
        case(
            "13-17: 'disagree a little' (2) flags its construct; 'agree a little' (3) does not",
            with(out(17), json!({ "_slot": 3 })),
            vec![line(10), line(10), line(10), line(10), agree(2), agree(2)],
            json!({ "alliance": { "agree": { "bond": [], "goals": [2.0, 3.0], "tasks": [] } },
                    "flags": { "disagree": ["goals"], "agreedBothWays": [] } }),
        ),
        case(
            "13-17: agreeCutoff overrides: below 4 flags",
            with(out(14), json!({ "agreeCutoff": 4 })),
            vec![line(10), line(10), line(10), line(10), agree(4), agree(2)],
            json!({ "alliance": { "cutoffs": { "agree": 4.0 } }, "flags": { "disagree": ["bond"] } }),
        ),
        // ---- Talking: yes and maybe later --------------------------------
        case(
            "6-8: yes to talking is flagged",
            json!({ "age": 7 }),
            vec![face(1), feel(&["worried", "sad"]), face(1), YES],
            json!({ "mood": 2.5, "feelings": ["sad", "worried"], "intensity": 5.0, "wantsToTalk": "yes", "alliance": null,
                    "flags": { "wantsToTalk": true, "talkLater": false, "skipped": [] } }),
        ),
        case(
            "9-12: 'maybe later' is flagged too",
            json!({ "age": 11 }),
            vec![face(3), feel(&["proud"]), line(4), LATER],
            json!({ "wantsToTalk": "later", "flags": { "wantsToTalk": false, "talkLater": true } }),
        ),
        case(
            "13-17: no is no flag; a skip is named",
            json!({ "age": 16 }),
            vec![SKIP, SKIP, line(3), NO],
            json!({ "mood": null, "feelings": [], "wantsToTalk": "no",
                    "flags": { "wantsToTalk": false, "talkLater": false, "skipped": ["mood.now", "feelings.which"] } }),
        ),
        case(
            "13-17: a skipped talk question is a skip, not a no",
            json!({ "age": 13 }),
            vec![face(2), SKIP, SKIP, SKIP],
            json!({ "wantsToTalk": "skipped", "flags": { "talkLater": false, "skipped": ["feelings.which", "intensity.strongest", "talk.today"] } }),
        ),
        case(
            "3-5: check-in; talking is not asked",
            json!({ "age": 4 }),
            vec![face(0), feel(&["scared"]), face(2)],
            json!({ "mood": 0.0, "feelings": ["scared"], "intensity": 8.0, "wantsToTalk": null, "alliance": null,
                    "flags": { "concern": [{ "reason": "low_mood_strong_feeling", "promptId": "intensity.strongest" }] } }),
        ),
        case(
            "'not sure' is an answer, not a skip, and no hard feeling",
            json!({ "age": 10 }),
            vec![face(2), feel(&["not_sure"]), line(5), YES],
            json!({ "feelings": ["not_sure"], "flags": { "skipped": [], "concern": [] } }),
        ),
        // ---- drop compares like with like -------------------------------
        case(
            "9-12: same band and items: a fall of the threshold is a drop",
            with(
                out(10),
                json!({ "previousAlliance": previous(json!(37), "9-12") }),
            ),
            vec![line(9), line(9), line(9), line(9)],
            json!({ "alliance": { "total": 36.0, "change": -1.0 }, "flags": { "drop": true, "dropReason": null } }),
        ),
        case(
            "9-12: a rise is no drop",
            with(
                out(11),
                json!({ "previousAlliance": previous(json!(30), "9-12") }),
            ),
            vec![line(9), line(9), line(9), line(9)],
            json!({ "alliance": { "change": 6.0 }, "flags": { "drop": false, "dropReason": null } }),
        ),
        case(
            "13-17: dropThreshold overrides: a fall of 2 is no drop of 3",
            with(
                out(15),
                json!({ "dropThreshold": 3, "previousAlliance": previous(json!(38), "13-17") }),
            ),
            vec![line(9), line(9), line(9), line(9), agree(4), agree(1)],
            json!({ "alliance": { "change": -2.0, "cutoffs": { "drop": 3.0 } }, "flags": { "drop": false } }),
        ),
        case(
            "6-8 after 9-12: another band is not compared",
            with(
                out(8),
                json!({ "previousAlliance": previous(json!(40), "9-12") }),
            ),
            vec![face(0), face(0), face(0), face(0)],
            json!({ "alliance": { "total": 0.0, "change": null }, "flags": { "drop": null, "dropReason": "other_band" } }),
        ),
        case(
            "other items are not compared",
            with(
                out(10),
                json!({ "previousAlliance": { "total": 40, "ageBand": "9-12", "items": ["trust.listened"] } }),
            ),
            vec![line(5), line(5), line(5), line(5)],
            json!({ "flags": { "drop": null, "dropReason": "other_items" } }),
        ),
        case(
            "a previous session without a total is not compared",
            with(
                out(7),
                json!({ "previousAlliance": previous(Value::Null, "6-8") }),
            ),
            vec![face(4), face(4), face(4), face(4)],
            json!({ "alliance": { "change": null }, "flags": { "drop": null, "dropReason": "no_previous_total" } }),
        ),
        case(
            "this session without a total is not compared",
            with(
                out(7),
                json!({ "previousAlliance": previous(json!(40), "6-8") }),
            ),
            vec![face(0), face(0), SKIP, face(0)],
            json!({ "alliance": { "change": null }, "flags": { "drop": null, "dropReason": "no_total" } }),
        ),
        case(
            "6-8: with five faces, one face lower is a drop of 2.5",
            with(
                out(6),
                json!({ "previousAlliance": previous(json!(40), "6-8") }),
            ),
            vec![face(4), face(4), face(3), face(4)],
            json!({ "alliance": { "total": 37.5, "change": -2.5 }, "flags": { "drop": true, "lowAlliance": false } }),
        ),
        case(
            "the last result itself can be passed back",
            with(
                out(12),
                json!({ "previousAlliance": {
                "schema": "ally.result/1", "mode": "checkout", "ageBand": "9-12",
                "scores": { "alliance": { "total": 40, "items": ITEMS_6_17 } } } }),
            ),
            vec![line(10), line(10), line(9), line(10)],
            json!({ "alliance": { "change": -1.0 }, "flags": { "drop": true } }),
        ),
        // ---- Every cutoff can be overridden -------------------------------
        case(
            "9-12: itemCutoff, lowItemCutoff and allianceCutoff override the band's defaults",
            with(
                out(9),
                json!({ "itemCutoff": 7, "lowItemCutoff": 5, "allianceCutoff": 20 }),
            ),
            vec![line(4), line(7), line(6), line(10)],
            json!({ "alliance": { "total": 27.0, "cutoffs": { "total": 20.0, "item": 7.0, "lowItem": 5.0 } },
                    "flags": { "discuss": ["trust.listened", "trust.helped"], "low": ["trust.listened"], "lowAlliance": false } }),
        ),
    ]
}

/// The concern rule, band by band: what raises it, and what must not.
fn concern_cases() -> Vec<Case> {
    let low = json!([{ "reason": "low_mood_strong_feeling", "promptId": "intensity.strongest" }]);
    let talk = json!([{ "reason": "hard_feeling_wants_to_talk", "promptId": "talk.today" }]);
    let none = json!([]);
    let concern = |c: &Value| json!({ "flags": { "concern": c } });
    let age = |a: u8| json!({ "age": a });
    vec![
        case(
            "3-5: the lowest face and a big feeling",
            age(4),
            vec![face(0), feel(&["sad"]), face(2)],
            concern(&low),
        ),
        case(
            "3-5: the lowest face and a medium feeling: no concern",
            age(3),
            vec![face(0), feel(&["sad"]), face(1)],
            concern(&none),
        ),
        case(
            "3-5: a big feeling on an okay day: no concern",
            age(5),
            vec![face(1), feel(&["angry"]), face(2)],
            concern(&none),
        ),
        case(
            "6-8: the lowest face, a big feeling",
            age(6),
            vec![face(0), feel(&["angry"]), face(2), NO],
            concern(&low),
        ),
        case(
            "6-8: one face above the lowest: no concern",
            age(7),
            vec![face(1), feel(&["angry"]), face(2), NO],
            concern(&none),
        ),
        case(
            "6-8: both reasons at once, in the rule's order",
            age(8),
            vec![face(0), feel(&["scared", "sad"]), face(2), YES],
            json!({ "flags": { "concern": [
                { "reason": "low_mood_strong_feeling", "promptId": "intensity.strongest" },
                { "reason": "hard_feeling_wants_to_talk", "promptId": "talk.today" } ] } }),
        ),
        case(
            "6-8: sad and yes, I'd like to tell",
            age(7),
            vec![face(2), feel(&["sad"]), face(0), YES],
            concern(&talk),
        ),
        case(
            "6-8: sad and maybe later: no concern (talkLater says it)",
            age(7),
            vec![face(2), feel(&["sad"]), face(0), LATER],
            concern(&none),
        ),
        case(
            "9-12: the lowest face and 8 of 10",
            age(9),
            vec![face(0), feel(&["worried"]), line(8), NO],
            concern(&low),
        ),
        case(
            "9-12: the lowest face and 7 of 10: no concern",
            age(12),
            vec![face(0), feel(&["worried"]), line(7), NO],
            concern(&none),
        ),
        case(
            "9-12: worried and yes: no concern (worry is everyday in therapy)",
            age(10),
            vec![face(2), feel(&["worried"]), line(5), YES],
            concern(&none),
        ),
        case(
            "9-12: lonely among easy feelings, and yes",
            age(11),
            vec![face(3), feel(&["happy", "lonely"]), line(2), YES],
            concern(&talk),
        ),
        case(
            "9-12: concernMood and concernIntensity override the defaults",
            json!({ "age": 10, "concernMood": 2.5, "concernIntensity": 6 }),
            vec![face(1), feel(&["tired"]), line(6), NO],
            concern(&low),
        ),
        case(
            "13-17: scared and yes",
            age(15),
            vec![face(2), feel(&["scared"]), line(3), YES],
            concern(&talk),
        ),
        case(
            "13-17: a skipped mood never raises it",
            age(16),
            vec![SKIP, feel(&["sad"]), line(10), NO],
            concern(&none),
        ),
        case(
            "13-17: a skipped feeling never raises it",
            age(14),
            vec![face(0), feel(&["sad"]), SKIP, SKIP],
            concern(&none),
        ),
        case(
            "13-17: not sure and yes: no concern",
            age(13),
            vec![face(0), feel(&["not_sure"]), line(4), YES],
            concern(&none),
        ),
    ]
}

#[test]
fn the_concern_rule_for_every_band() {
    let mut failures = Vec::new();
    for c in concern_cases() {
        let result = run(&c.config, &c.steps);
        if let Err(e) = contains(&value(&result.scores), &c.scores, "scores") {
            failures.push(format!("{}: {e}", c.rule));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_scoring_rule_for_every_band() {
    let mut failures = Vec::new();
    let cases = cases();
    for c in &cases {
        let r = run(&c.config, &c.steps);
        let got = value(&r.scores);
        if let Err(e) = contains(&got, &c.scores, "scores") {
            failures.push(format!("{}: {e}\n  scores: {got}", c.rule));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every band is in the table, in both modes.
    for age in [4, 7, 10, 15] {
        for mode in ["checkin", "checkout"] {
            let band = ally_core::config::AgeBand::from_age(age).unwrap();
            let covered = cases.iter().any(|c| {
                let cfg = parse(&c.config).unwrap();
                cfg.band() == band && cfg.mode.code() == mode
            });
            assert!(covered, "{band:?} {mode} has a case");
        }
    }
}

#[test]
fn a_skip_is_never_a_value() {
    // Every prompt of every flow skipped: no number anywhere, every skip named.
    for age in [4, 7, 10, 15] {
        for mode in ["checkin", "checkout"] {
            let cfg = json!({ "age": age, "mode": mode });
            let n = Flow::new(parse(&cfg).unwrap(), "s", "t")
                .prompts
                .iter()
                .filter(|p| p.kind().code() != "drawing")
                .count();
            let r = run(&cfg, &vec![SKIP; n]);
            let s = value(&r.scores);
            assert_eq!(s["mood"], Value::Null);
            assert_eq!(s["intensity"], Value::Null);
            assert_eq!(
                s["flags"]["skipped"].as_array().unwrap().len(),
                n,
                "{age} {mode}"
            );
            assert_eq!(s["flags"]["lowAlliance"], false);
            if mode == "checkout" {
                let a = &s["alliance"];
                for k in ["total", "bond", "goals", "tasks", "overall", "change"] {
                    assert_eq!(a[k], Value::Null, "{age} {k}");
                }
                assert_eq!(a["answered"], 0);
                assert_eq!(s["flags"]["discuss"], json!([]));
            }
            assert!(r.answers.iter().all(|a| a.skipped && a.value.is_none()));
        }
    }
}

#[test]
fn scores_serialise_with_camel_case_keys() {
    let r = run(&out(15), &[SKIP; 6]);
    let v = value(&r);
    let keys = |v: &Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    // The goals' scores and flags come with their feature.
    let with = |mut list: Vec<&'static str>, goals: &[&'static str]| {
        if cfg!(feature = "goals") {
            list.extend(goals);
        }
        list.sort();
        list
    };
    // A caregiver's view of the child comes with the forms.
    let mut scores = with(
        vec![
            "alliance",
            "concernCutoffs",
            "feelings",
            "flags",
            "intensity",
            "mood",
            "wantsToTalk",
        ],
        &["goals", "goalDropThreshold"],
    );
    if cfg!(feature = "form") {
        scores.push("wellbeing");
        scores.sort();
    }
    assert_eq!(keys(&v["scores"]), scores);
    assert_eq!(
        keys(&v["scores"]["flags"]),
        with(
            vec![
                "agreedBothWays",
                "concern",
                "disagree",
                "discuss",
                "drop",
                "dropReason",
                "low",
                "lowAlliance",
                "skipped",
                "talkLater",
                "wantsToTalk"
            ],
            &["goalDrop", "goalRetired"]
        )
    );
    assert_eq!(
        keys(&v["scores"]["alliance"]),
        [
            "agree", "answered", "bond", "change", "cutoffs", "goals", "items", "overall", "tasks",
            "total"
        ]
    );
    assert_eq!(
        keys(&v["scores"]["alliance"]["cutoffs"]),
        ["agree", "drop", "item", "lowItem", "total"]
    );
}
