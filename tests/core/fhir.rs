//! FHIR R4 from the core: the Questionnaires and CodeSystems a portal loads,
//! the Bundle each result carries, and the project's own check that a
//! response fits its Questionnaire. (The test command also runs two
//! validators written elsewhere over the same resources.)
use ally_core::answer::Pick;
use ally_core::catalog;
use ally_core::config::{parse, AgeBand, Locale, Mode, Rater, BANDS};
use ally_core::fhir::{self, DEFAULT_BASE, VERSION};
use ally_core::flow::Flow;
use ally_core::protocol::Outbound;
use ally_core::strokes;
use ally_fhir::{
    conformance, definitions, questionnaire, sample, sample_strokes, samples, Pattern, MODES,
};
use serde_json::{json, Value};

const DAR: &str = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

/// Walks a flow with `config` (plus `fhir: true`): `Some(pick)` answers,
/// `None` skips. Returns the bundle as JSON, or `None` when the result has none.
fn bundle_of(config: Value, steps: &[Option<Pick>]) -> Option<Value> {
    // A session whose 13–17 check-out asks the first pair of statements.
    let session = (1..)
        .map(|n| format!("s-{n}"))
        .find(|s| catalog::slot(s) == 1)
        .unwrap();
    let mut f = Flow::new(parse(&config).unwrap(), &session, "2026-11-26T09:00:00Z");
    let r = f
        .walk(steps.iter().cloned(), |n| {
            format!("2026-11-26T09:00:{:02}Z", n + 1)
        })
        .unwrap();
    r.fhir.map(|b| serde_json::from_str(&b).unwrap())
}

fn response(bundle: &Value) -> &Value {
    &bundle["entry"][0]["resource"]
}

fn observation<'a>(bundle: &'a Value, code: &str) -> &'a Value {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["resourceType"] == "Observation" && r["code"]["coding"][0]["code"] == code)
        .unwrap_or_else(|| panic!("no {code} observation"))
}

fn component<'a>(obs: &'a Value, code: &str) -> Vec<&'a Value> {
    obs["component"]
        .as_array()
        .map(|c| {
            c.iter()
                .filter(|c| c["code"]["coding"][0]["code"] == code)
                .collect()
        })
        .unwrap_or_default()
}

fn item<'a>(response: &'a Value, id: &str) -> &'a Value {
    response["item"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["linkId"] == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn teen_checkout(extra: Value) -> Value {
    let mut c = json!({ "age": 15, "mode": "checkout", "fhir": true, "helperName": "Sam" });
    for (k, v) in extra.as_object().unwrap() {
        c[k] = v.clone();
    }
    c
}

/// The teen check-out: four lines, then a statement (agreed a lot) and its
/// opposite (disagreed a lot).
fn teen_steps(lines: [u8; 4]) -> Vec<Option<Pick>> {
    let mut steps: Vec<Option<Pick>> = lines.iter().map(|n| Some(Pick::Level(*n))).collect();
    steps.extend([Some(Pick::Choice(3)), Some(Pick::Choice(0))]);
    steps
}

#[test]
fn a_questionnaire_for_each_band_and_mode_with_items_as_the_child_sees_them() {
    for band in BANDS {
        for mode in MODES {
            let q = questionnaire(DEFAULT_BASE, band, mode);
            let prompts = catalog::prompts(band, mode);
            let at = format!("{}/{}", mode.code(), band.code());
            assert_eq!(q["resourceType"], "Questionnaire");
            assert_eq!(q["version"], VERSION);
            assert_eq!(
                q["url"],
                fhir::questionnaire_url(DEFAULT_BASE, band, mode, Rater::Child)
            );
            assert_eq!(q["language"], "en");
            assert!(q["_title"]["extension"][0]["extension"][1]["valueString"].is_string());
            let items = q["item"].as_array().unwrap();
            assert_eq!(items.len(), prompts.len(), "{at}");
            for (it, p) in items.iter().zip(&prompts) {
                assert_eq!(it["linkId"], p.id);
                // No name is known yet: neutral words, never a placeholder.
                let text = it["text"].as_str().unwrap();
                assert!(!text.contains('{'), "{at} {}: {text}", p.id);
                let es = &it["_text"]["extension"][0];
                assert_eq!(
                    es["url"],
                    "http://hl7.org/fhir/StructureDefinition/translation"
                );
                assert_eq!(es["extension"][0]["valueCode"], "es");
                assert!(!es["extension"][1]["valueString"]
                    .as_str()
                    .unwrap()
                    .contains('{'));
                assert_eq!(it["required"], false, "every prompt can be skipped");
                let exts: Vec<&str> = it["extension"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e["url"].as_str().unwrap().rsplit('/').next().unwrap())
                    .collect();
                let control = it["extension"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|e| e["url"].as_str().unwrap().ends_with("itemControl"))
                    .map(|e| e["valueCodeableConcept"]["coding"][0]["code"].clone());
                let kind = p.kind().code();
                match kind {
                    "faces" | "sizes" | "choice" | "agree4" => {
                        assert_eq!(it["type"], "choice", "{at} {}", p.id);
                        assert_eq!(control, Some(json!("radio-button")));
                        let options = it["answerOption"].as_array().unwrap();
                        assert_eq!(options.len(), fhir::options(p, band).len());
                        for o in options {
                            let c = &o["valueCoding"];
                            assert!(c["system"]
                                .as_str()
                                .unwrap()
                                .ends_with("/CodeSystem/ally-answer"));
                            assert!(c["_display"]["extension"][0]["extension"][1]["valueString"]
                                .is_string());
                            if kind != "choice" {
                                assert!(c["extension"][0]["url"]
                                    .as_str()
                                    .unwrap()
                                    .ends_with("ordinalValue"));
                            }
                        }
                        if kind == "faces" {
                            assert!(exts.contains(&"questionnaire-choiceOrientation"));
                            let weights: Vec<f64> = options
                                .iter()
                                .map(|o| {
                                    o["valueCoding"]["extension"][0]["valueDecimal"]
                                        .as_f64()
                                        .unwrap()
                                })
                                .collect();
                            let want: &[f64] = if catalog::face_count(band) == 3 {
                                &[0.0, 5.0, 10.0]
                            } else {
                                &[0.0, 2.5, 5.0, 7.5, 10.0]
                            };
                            assert_eq!(weights, want);
                        }
                    }
                    "feelings" => {
                        assert_eq!(it["type"], "choice");
                        assert_eq!(control, Some(json!("check-box")));
                        let one = band == AgeBand::Preschool;
                        assert_eq!(it["repeats"], !one, "{at}");
                        assert_eq!(
                            it["answerOption"].as_array().unwrap().len(),
                            catalog::feelings(band).len()
                        );
                    }
                    "line" => {
                        assert_eq!(it["type"], "integer");
                        assert_eq!(control, Some(json!("slider")));
                        for e in ["minValue", "maxValue", "questionnaire-sliderStepValue"] {
                            assert!(exts.contains(&e), "{at} {}: {e}", p.id);
                        }
                        assert!(it.get("initial").is_none(), "no value until tapped");
                        let ends: Vec<&Value> = it["item"].as_array().unwrap().iter().collect();
                        assert_eq!(ends.len(), 2);
                        assert_eq!(ends[0]["type"], "display");
                        assert_eq!(
                            ends[0]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"],
                            "lower"
                        );
                        assert_eq!(
                            ends[1]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"],
                            "upper"
                        );
                    }
                    "drawing" => {
                        assert_eq!(it["type"], "attachment");
                        assert!(exts.contains(&"mimeType") && exts.contains(&"maxSize"));
                        let strokes = &it["item"][0];
                        assert_eq!(strokes["linkId"], format!("{}.strokes", p.id));
                        assert!(strokes["extension"][0]["url"]
                            .as_str()
                            .unwrap()
                            .ends_with("questionnaire-hidden"));
                    }
                    // A goal: the band's pictures or path as choices, or a 0–10 line;
                    // asked when the child has that goal.
                    "progress" => {
                        let steps = band.profile().goal_steps;
                        let want = if steps > 0 { "choice" } else { "integer" };
                        assert_eq!(it["type"], want, "{at} {}", p.id);
                        if steps > 0 {
                            assert_eq!(it["answerOption"].as_array().unwrap().len(), steps);
                        }
                        assert!(exts.contains(&"ally-goal"), "{at} {}", p.id);
                        assert!(text.contains("[the child's goal"), "{text}");
                    }
                    // A goal named: its starters, "I don't know yet", or the child's words.
                    "goal" => {
                        assert_eq!(it["type"], "open-choice", "{at} {}", p.id);
                        assert_eq!(it["maxLength"], 120);
                        let codes = option_codes(it);
                        assert_eq!(codes.last(), Some(&"goal-dont_know"), "{at}");
                        assert!(exts.contains(&"ally-goal"), "{at} {}", p.id);
                    }
                    // Next time: choices, and from 9 the child's own words;
                    // asked when the portal asks it.
                    "plan" => {
                        let young = band.profile().young;
                        let kind = if young { "choice" } else { "open-choice" };
                        assert_eq!(it["type"], kind, "{at}");
                        let codes = option_codes(it);
                        assert!(codes.contains(&"plan-goal"), "{at}");
                        assert_eq!(codes.contains(&"plan-other"), young, "{at}");
                        assert!(exts.contains(&"ally-next-time"), "{at}");
                        assert!(
                            it["answerOption"].to_string().contains("[the child's goal"),
                            "{at}"
                        );
                    }
                    other => panic!("{other}: no FHIR mapping"),
                }
            }
        }
    }
}

/// The codes of an item's answer options, in order.
fn option_codes(item: &Value) -> Vec<&str> {
    item["answerOption"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["valueCoding"]["code"].as_str().unwrap())
        .collect()
}

#[test]
fn the_code_systems_hold_every_code_the_resources_use() {
    let defs = definitions(DEFAULT_BASE);
    // A Questionnaire per band for check-in, check-out and naming goals, one
    // per adult's form; four code systems.
    assert_eq!(defs.len(), 12 + 2 + 4);
    let systems: Vec<&Value> = defs
        .iter()
        .map(|(_, v)| v)
        .filter(|v| v["resourceType"] == "CodeSystem")
        .collect();
    let known = |system: &str, code: &str| {
        systems
            .iter()
            .find(|s| s["url"] == system)
            .is_some_and(|s| {
                s["concept"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["code"] == code)
            })
    };
    for cs in &systems {
        assert_eq!(cs["count"], cs["concept"].as_array().unwrap().len());
        assert_eq!(cs["content"], "complete");
    }
    // Every coding in every Questionnaire and every sample bundle, Ally's own
    // systems only: the rest are HL7's.
    let mut seen = 0;
    let mut walk = vec![];
    walk.extend(defs.iter().map(|(_, v)| v.clone()));
    walk.extend(samples(DEFAULT_BASE).into_iter().map(|(_, v)| v));
    fn codings(v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(o) => {
                if let (Some(Value::String(s)), Some(Value::String(c))) =
                    (o.get("system"), o.get("code"))
                {
                    out.push((s.clone(), c.clone()));
                }
                o.values().for_each(|v| codings(v, out));
            }
            Value::Array(a) => a.iter().for_each(|v| codings(v, out)),
            _ => {}
        }
    }
    for v in &walk {
        let mut found = Vec::new();
        codings(v, &mut found);
        for (system, code) in found {
            if system.starts_with(DEFAULT_BASE) {
                assert!(known(&system, &code), "{system}#{code} is in no CodeSystem");
                seen += 1;
            } else {
                assert!(system.starts_with("http://"), "{system}");
            }
        }
    }
    assert!(seen > 500, "{seen} codings checked");
}

#[test]
fn every_sample_response_fits_its_questionnaire() {
    let defs = definitions(DEFAULT_BASE);
    let all = samples(DEFAULT_BASE);
    // Each band, mode (check-in, check-out, naming goals), language and
    // pattern; each adult's form in each language and pattern.
    assert_eq!(all.len(), 4 * 3 * 2 * 3 + 2 * 2 * 3);
    for (name, bundle) in &all {
        let r = response(bundle);
        let url = r["questionnaire"]
            .as_str()
            .unwrap()
            .split('|')
            .next()
            .unwrap();
        let q = &defs.iter().find(|(_, v)| v["url"] == url).unwrap().1;
        assert_eq!(conformance(q, r), Vec::<String>::new(), "{name}");
        assert_eq!(bundle["type"], "transaction");
        for e in bundle["entry"].as_array().unwrap() {
            // A server takes it as it is: each entry a PUT to its own id.
            let (kind, id) = (
                e["resource"]["resourceType"].as_str().unwrap(),
                e["resource"]["id"].as_str().unwrap(),
            );
            assert_eq!(
                e["request"],
                json!({ "method": "PUT", "url": format!("{kind}/{id}") }),
                "{name}"
            );
            assert_eq!(e["fullUrl"], format!("urn:uuid:{id}"), "{name}");
            assert!(
                id.len() <= 64
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            );
        }
        assert_eq!(r["status"], "completed");
        assert_eq!(r["authored"], bundle["timestamp"]);
        let locale = if name.contains("-es-") { "es" } else { "en" };
        assert_eq!(r["language"], locale);
        let items = r["item"].as_array().unwrap();
        let declined = |i: &Value| {
            i["extension"][0]["url"] == DAR && i["extension"][0]["valueCode"] == "asked-declined"
        };
        if name.ends_with("-skipped.json") {
            assert!(
                items
                    .iter()
                    .all(|i| declined(i) && i.get("answer").is_none()),
                "{name}"
            );
        }
        if name.ends_with("-answered.json") {
            assert!(
                items
                    .iter()
                    .all(|i| !declined(i) && !i["answer"].as_array().unwrap().is_empty()),
                "{name}"
            );
        }
        if name.ends_with("-mixed.json") {
            assert!(
                items.iter().any(declined) && items.iter().any(|i| i.get("answer").is_some()),
                "{name}"
            );
        }
    }
}

/// Breaks a good response in each way the check must catch.
#[test]
fn the_conformance_check_catches_each_kind_of_misfit() {
    let q = questionnaire(DEFAULT_BASE, AgeBand::Preteen, Mode::Checkin);
    let good = sample(
        DEFAULT_BASE,
        AgeBand::Preteen,
        Mode::Checkin,
        Locale::En,
        Pattern::Answered,
    );
    let good = response(&good).clone();
    assert!(conformance(&q, &good).is_empty());
    let index = |kind: &str| {
        catalog::prompts(AgeBand::Preteen, Mode::Checkin)
            .iter()
            .position(|p| p.kind().code() == kind)
            .unwrap()
    };
    let (face, feelings, line, drawing) = (
        index("faces"),
        index("feelings"),
        index("line"),
        index("drawing"),
    );
    type Break = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Break)> = vec![
        (
            "no such linkId",
            Box::new(move |r| r["item"][face]["linkId"] = json!("mood.later")),
        ),
        (
            "valueInteger on a choice item",
            Box::new(move |r| r["item"][face]["answer"] = json!([{ "valueInteger": 3 }])),
        ),
        (
            "not among the options",
            Box::new(move |r| {
                r["item"][face]["answer"][0]["valueCoding"]["code"] = json!("mood5-9")
            }),
        ),
        (
            "not among the options",
            Box::new(move |r| {
                r["item"][face]["answer"][0]["valueCoding"]["system"] = json!("http://loinc.org")
            }),
        ),
        (
            "does not repeat",
            Box::new(move |r| {
                let a = r["item"][face]["answer"][0].clone();
                r["item"][face]["answer"].as_array_mut().unwrap().push(a);
            }),
        ),
        (
            "out of range",
            Box::new(move |r| r["item"][line]["answer"][0]["valueInteger"] = json!(11)),
        ),
        (
            "out of range",
            Box::new(move |r| r["item"][line]["answer"][0]["valueInteger"] = json!(-1)),
        ),
        (
            "skipped, yet answered",
            Box::new(move |r| {
                r["item"][line]["extension"] =
                    json!([{ "url": DAR, "valueCode": "asked-declined" }]);
            }),
        ),
        (
            "an empty answer list",
            Box::new(move |r| r["item"][line]["answer"] = json!([])),
        ),
        (
            "an answer without a value",
            Box::new(move |r| r["item"][line]["answer"] = json!([{}])),
        ),
        (
            "no answer and no reason why",
            Box::new(move |r| {
                r["item"][line].as_object_mut().unwrap().remove("answer");
            }),
        ),
        (
            "is not image/svg+xml",
            Box::new(move |r| {
                r["item"][drawing]["answer"][0]["valueAttachment"]["contentType"] =
                    json!("text/html")
            }),
        ),
        (
            "data is not base64",
            Box::new(move |r| {
                r["item"][drawing]["answer"][0]["valueAttachment"]["size"] = json!(3)
            }),
        ),
        (
            "no such linkId",
            Box::new(move |r| {
                r["item"][drawing]["answer"][0]["item"][0]["linkId"] = json!("x.strokes")
            }),
        ),
        (
            "items are",
            Box::new(move |r| {
                r["item"].as_array_mut().unwrap().remove(feelings);
            }),
        ),
        (
            "questionnaire is",
            Box::new(|r| r["questionnaire"] = json!("https://elsewhere.example/Questionnaire/x|1")),
        ),
    ];
    for (want, break_it) in &cases {
        let mut r = good.clone();
        break_it(&mut r);
        let errors = conformance(&q, &r);
        assert!(
            errors.iter().any(|e| e.contains(want)),
            "{want}: got {errors:?}"
        );
    }
    // 13–17 check-out: the statements asked in turn, one slot per response,
    // and never without the items every session asks.
    let q = questionnaire(DEFAULT_BASE, AgeBand::Teen, Mode::Checkout);
    let b = sample(
        DEFAULT_BASE,
        AgeBand::Teen,
        Mode::Checkout,
        Locale::En,
        Pattern::Answered,
    );
    let r = response(&b).clone();
    assert!(conformance(&q, &r).is_empty());
    let asked: Vec<&str> = r["item"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["linkId"].as_str().unwrap())
        .collect();
    // Four items of every session, one slot's pair, the sample's two goals
    // and what to do next time.
    assert_eq!(asked.len(), 9);
    // "Next time" is there when it was asked: a response without it fits.
    let mut without = r.clone();
    without["item"]
        .as_array_mut()
        .unwrap()
        .retain(|i| i["linkId"] != "plan.next");
    assert!(conformance(&q, &without).is_empty());
    // A goal's item is there only with the ones before it.
    let mut gap = r.clone();
    gap["item"]
        .as_array_mut()
        .unwrap()
        .retain(|i| i["linkId"] != "goal.1");
    assert!(
        conformance(&q, &gap)
            .iter()
            .any(|e| e.contains("items are")),
        "goal.2 without goal.1"
    );
    let other = q["item"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["extension"].to_string().contains("ally-slot")
                && !asked.contains(&i["linkId"].as_str().unwrap())
        })
        .unwrap();
    let mut two = r.clone();
    two["item"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "linkId": other["linkId"], "text": other["text"] }));
    assert!(
        conformance(&q, &two)
            .iter()
            .any(|e| e.contains("more than one slot")),
        "{:?}",
        conformance(&q, &two)
    );
    let mut dropped = r.clone();
    dropped["item"].as_array_mut().unwrap().remove(0);
    assert!(conformance(&q, &dropped)
        .iter()
        .any(|e| e.contains("items are")));
    // More feelings than the band allows (6–8: at most 2).
    let q = questionnaire(DEFAULT_BASE, AgeBand::EarlySchool, Mode::Checkin);
    let b = sample(
        DEFAULT_BASE,
        AgeBand::EarlySchool,
        Mode::Checkin,
        Locale::En,
        Pattern::Answered,
    );
    let mut r = response(&b).clone();
    assert!(conformance(&q, &r).is_empty());
    let feelings = index("feelings");
    let extra = r["item"][feelings]["answer"][0].clone();
    let mut a = extra.clone();
    a["valueCoding"]["code"] = json!("tired");
    r["item"][feelings]["answer"]
        .as_array_mut()
        .unwrap()
        .push(a);
    let errors = conformance(&q, &r);
    assert!(
        errors.iter().any(|e| e.contains("3 answers, at most 2")),
        "{errors:?}"
    );
}

#[test]
fn the_response_keeps_the_words_the_child_saw_and_a_skip_as_a_skip() {
    let b = bundle_of(
        teen_checkout(json!({ "locale": "es", "helperName": "Dr. Rivera", "helperArticle": "el" })),
        &[
            Some(Pick::Level(10)),
            None,
            Some(Pick::Level(10)),
            Some(Pick::Level(10)),
            Some(Pick::Choice(3)),
            Some(Pick::Choice(0)),
        ],
    )
    .unwrap();
    let r = response(&b);
    assert_eq!(
        r["questionnaire"],
        format!("{DEFAULT_BASE}/Questionnaire/ally-checkout-13-17|{VERSION}")
    );
    assert_eq!(r["language"], "es");
    assert_eq!(
        item(r, "trust.listened")["text"],
        "¿Hoy te escuchó el Dr. Rivera?"
    );
    assert_eq!(
        item(r, "trust.listened")["answer"],
        json!([{ "valueInteger": 10 }])
    );
    // The skipped item: there, with no answer at all and why.
    let skipped = item(r, "trust.what_matters");
    assert!(skipped.get("answer").is_none());
    assert_eq!(
        skipped["extension"],
        json!([{ "url": DAR, "valueCode": "asked-declined" }])
    );
    // An agree statement: its code, words and weight.
    let agree = &item(r, "trust.hard_things")["answer"][0]["valueCoding"];
    assert_eq!(agree["code"], "agree4-4");
    assert_eq!(agree["display"], "Muy de acuerdo");
    assert_eq!(agree["extension"][0]["valueDecimal"], 4);
    // Its opposite keeps the answer the child gave; the scores count it as 5 minus it.
    let opposite = &item(r, "trust.hold_back")["answer"][0]["valueCoding"];
    assert_eq!(opposite["code"], "agree4-1");
    // The drawing (9–12 check-out): SVG made by Ally, base64, with its strokes nested.
    let b = bundle_of(
        json!({ "age": 10, "mode": "checkout", "fhir": true, "locale": "es" }),
        &[
            Some(Pick::Level(10)),
            Some(Pick::Level(10)),
            Some(Pick::Level(10)),
            Some(Pick::Level(10)),
            Some(Pick::Drawing(sample_strokes())),
        ],
    )
    .unwrap();
    let r = response(&b);
    let drawing = &item(r, "drawing.together")["answer"][0];
    let svg = &drawing["valueAttachment"];
    assert_eq!(svg["contentType"], "image/svg+xml");
    let bytes = strokes::base64_decode(svg["data"].as_str().unwrap()).unwrap();
    assert_eq!(svg["size"], bytes.len());
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with("<svg") && !text.contains("<script"));
    let nested = &drawing["item"][0];
    assert_eq!(nested["linkId"], "drawing.together.strokes");
    assert_eq!(
        nested["answer"][0]["valueAttachment"]["data"],
        sample_strokes()
    );
    assert_eq!(
        nested["answer"][0]["valueAttachment"]["size"],
        strokes::base64_decode(&sample_strokes()).unwrap().len()
    );
}

#[test]
fn the_alliance_observation_carries_the_cutoff_in_force_and_points_to_the_response() {
    // A total of 29 against a cutoff the host set to 30: low.
    let b = bundle_of(
        teen_checkout(json!({ "allianceCutoff": 30 })),
        &teen_steps([8, 7, 7, 7]),
    )
    .unwrap();
    let total = observation(&b, "alliance-total");
    assert_eq!(total["valueQuantity"]["value"], 29);
    assert_eq!(total["valueQuantity"]["code"], "{score}");
    assert_eq!(total["referenceRange"][0]["low"]["value"], 30);
    assert_eq!(total["interpretation"][0]["coding"][0]["code"], "L");
    assert_eq!(total["category"][0]["coding"][0]["code"], "survey");
    assert_eq!(
        total["derivedFrom"][0]["reference"],
        b["entry"][0]["fullUrl"]
    );
    assert_eq!(component(total, "low-alliance")[0]["valueBoolean"], true);
    assert_eq!(component(total, "bond")[0]["valueQuantity"]["value"], 8);
    // 9–17: each line below 9 is an item to ask about.
    assert_eq!(component(total, "discuss").len(), 4);
    assert!(total.get("subject").is_none(), "no fhirSubject, no subject");
    // At the cutoff: not low, and no interpretation.
    let b = bundle_of(
        teen_checkout(json!({ "allianceCutoff": 29 })),
        &teen_steps([8, 7, 7, 7]),
    )
    .unwrap();
    let total = observation(&b, "alliance-total");
    assert!(total.get("interpretation").is_none());
    assert_eq!(component(total, "low-alliance")[0]["valueBoolean"], false);
    assert_eq!(total["referenceRange"][0]["low"]["value"], 29);
    // A disagreement names its construct.
    let mut steps = teen_steps([10, 10, 10, 10]);
    steps[4] = Some(Pick::Choice(0));
    let b = bundle_of(
        teen_checkout(json!({ "fhirSubject": "Patient/123" })),
        &steps,
    )
    .unwrap();
    let total = observation(&b, "alliance-total");
    let disagree = component(total, "disagree");
    assert_eq!(disagree.len(), 1);
    assert_eq!(
        disagree[0]["valueCodeableConcept"]["coding"][0]["code"],
        "bond"
    );
    assert_eq!(total["subject"]["reference"], "Patient/123");
    assert_eq!(response(&b)["subject"]["reference"], "Patient/123");
}

#[test]
fn a_skipped_core_item_leaves_no_total_and_a_declined_subscale() {
    let mut steps = teen_steps([10, 10, 10, 10]);
    steps[1] = None;
    let b = bundle_of(teen_checkout(json!({})), &steps).unwrap();
    let total = observation(&b, "alliance-total");
    assert!(total.get("valueQuantity").is_none());
    assert_eq!(
        total["dataAbsentReason"]["coding"][0]["code"],
        "asked-declined"
    );
    assert!(total.get("interpretation").is_none());
    let goals = component(total, "goals")[0];
    assert!(goals.get("valueQuantity").is_none());
    assert_eq!(
        goals["dataAbsentReason"]["coding"][0]["code"],
        "asked-declined"
    );
    let skipped = component(total, "skipped");
    assert_eq!(
        skipped[0]["valueCodeableConcept"]["coding"][0]["code"],
        "trust.what_matters"
    );
    assert_eq!(
        component(total, "drop")[0]["dataAbsentReason"]["coding"][0]["code"],
        "not-applicable"
    );
    // No total, so no "not low" either.
    let low = component(total, "low-alliance")[0];
    assert!(low.get("valueBoolean").is_none());
    assert_eq!(
        low["dataAbsentReason"]["coding"][0]["code"],
        "not-applicable"
    );
}

#[test]
fn preschool_check_out_has_no_total_and_no_cutoff() {
    let b = bundle_of(
        json!({ "age": 4, "mode": "checkout", "fhir": true }),
        &[
            Some(Pick::Choice(2)),
            Some(Pick::Choice(0)),
            Some(Pick::Choice(2)),
            None,
        ],
    )
    .unwrap();
    let total = observation(&b, "alliance-total");
    assert_eq!(
        total["dataAbsentReason"]["coding"][0]["code"],
        "not-applicable"
    );
    assert!(total.get("referenceRange").is_none() && total.get("interpretation").is_none());
    assert_eq!(
        component(total, "low").len(),
        1,
        "the lowest face is flagged"
    );
}

#[test]
fn check_in_observations_hold_mood_and_intensity() {
    let p = catalog::asked(AgeBand::Preteen, Mode::Checkin, "s", 0, false);
    let steps: Vec<Option<Pick>> = p
        .iter()
        .map(|p| match p.kind().code() {
            "faces" => Some(Pick::Choice(1)),
            "feelings" => Some(Pick::Feelings(vec!["sad".into()])),
            "line" => None,
            _ => None,
        })
        .collect();
    let b = bundle_of(json!({ "age": 10, "fhir": true }), &steps).unwrap();
    assert_eq!(observation(&b, "mood")["valueQuantity"]["value"], 2.5);
    let intensity = observation(&b, "intensity");
    assert_eq!(
        intensity["dataAbsentReason"]["coding"][0]["code"],
        "asked-declined"
    );
    assert_eq!(b["entry"].as_array().unwrap().len(), 3);
}

#[test]
fn a_bundle_only_when_asked_and_the_same_result_makes_the_same_bundle() {
    let steps = teen_steps([9, 9, 9, 9]);
    assert!(bundle_of(teen_checkout(json!({ "fhir": false })), &steps).is_none());
    let mut no_key = teen_checkout(json!({}));
    no_key.as_object_mut().unwrap().remove("fhir");
    assert!(bundle_of(no_key, &steps).is_none());
    let a = bundle_of(teen_checkout(json!({})), &steps).unwrap();
    let b = bundle_of(teen_checkout(json!({})), &steps).unwrap();
    assert_eq!(a, b);
    let ids: Vec<&str> = a["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    for id in &ids {
        let hex = id.strip_prefix("urn:uuid:").unwrap();
        let groups: Vec<usize> = hex.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12], "{id}");
        assert!(hex.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
    }
    // A session's check-in and check-out finished at the same moment (five
    // steps each) name different resources.
    let checkin = bundle_of(
        json!({ "age": 15, "fhir": true }),
        &[None, None, None, None, None],
    )
    .unwrap();
    let checkout = bundle_of(
        json!({ "age": 10, "mode": "checkout", "fhir": true }),
        &[None, None, None, None, None],
    )
    .unwrap();
    assert_eq!(
        response(&checkin)["authored"],
        response(&checkout)["authored"]
    );
    let mut all: Vec<&str> = ids.clone();
    for b in [&checkin, &checkout] {
        all.extend(
            b["entry"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["fullUrl"].as_str().unwrap()),
        );
    }
    let count = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), count, "{all:?}");
}

#[test]
fn the_deployments_base_and_odd_names_stay_valid_json() {
    let config = parse(&teen_checkout(
        json!({ "helperName": "Ana \"La\" \\ Ruiz" }),
    ))
    .unwrap();
    let mut f = Flow::new(config, "s\"1", "2026-11-26T09:00:00Z");
    f.fhir_base = "https://fhir.clinic.example/r4";
    let r = f
        .walk(teen_steps([9, 9, 9, 9]), |n| {
            format!("2026-11-26T09:00:{:02}Z", n + 1)
        })
        .unwrap();
    let b: Value = serde_json::from_str(r.fhir.as_deref().unwrap()).unwrap();
    assert!(item(response(&b), "trust.listened")["text"]
        .as_str()
        .unwrap()
        .contains("Ana \"La\" \\ Ruiz"));
    assert!(response(&b)["questionnaire"]
        .as_str()
        .unwrap()
        .starts_with("https://fhir.clinic.example/r4/Questionnaire/"));
    assert_eq!(
        observation(&b, "alliance-total")["code"]["coding"][0]["system"],
        "https://fhir.clinic.example/r4/CodeSystem/ally-score"
    );
}

/// A check-out walked to its end at the times given, `Some(pick)` answers,
/// `None` skips, then given back whole as a resume (as a portal does after
/// its page reloads), at a later time. Returns both results.
fn finished_then_resumed(
    config: Value,
    steps: &[Option<Pick>],
) -> (
    ally_core::protocol::ResultDoc,
    ally_core::protocol::ResultDoc,
) {
    use ally_core::flow::{Widget, WidgetAction};
    use ally_core::json;
    let mut f = Flow::new(parse(&config).unwrap(), "s-1", "2026-11-26T09:00:00Z");
    let first = f
        .walk(steps.iter().cloned(), |n| {
            format!("2026-11-26T09:00:{:02}.5Z", n + 1)
        })
        .unwrap();
    let answers: Vec<Value> = first
        .answers
        .iter()
        .map(|a| serde_json::from_str(&json::to_string(a)).unwrap())
        .collect();
    let w = Widget::new("s-1").reduce(WidgetAction::Init {
        config,
        resume: Some(json!({ "answers": answers })),
        run: Some(7),
        now: "2026-11-27T15:30:00.000Z".into(),
    });
    let again = w
        .outbox
        .iter()
        .find_map(|q| match &*q.msg {
            Outbound::Complete(r) => Some(r.clone()),
            _ => None,
        })
        .expect("a finished check given back completes again");
    (first, again)
}

fn ids(bundle: &str) -> Vec<String> {
    let b: Value = serde_json::from_str(bundle).unwrap();
    let mut out = vec![b["id"].as_str().unwrap().to_string()];
    for e in b["entry"].as_array().unwrap() {
        out.push(e["fullUrl"].as_str().unwrap().to_string());
        out.push(e["request"]["url"].as_str().unwrap().to_string());
    }
    out
}

#[test]
fn the_same_answers_give_the_same_ids_and_time_whenever_the_result_is_made() {
    let steps = teen_steps([9, 8, 9, 9]);
    let (first, again) = finished_then_resumed(teen_checkout(json!({})), &steps);
    // The result of the first completion, the same: its id, its time (the
    // last answer's), and every id in its Bundle; only the run differs.
    assert_eq!(first.id, again.id);
    assert_eq!(first.completed_at, again.completed_at);
    assert_eq!(
        first.completed_at,
        format!("2026-11-26T09:00:{:02}.5Z", steps.len())
    );
    assert_eq!(
        ids(first.fhir.as_deref().unwrap()),
        ids(again.fhir.as_deref().unwrap())
    );
    assert_eq!(first.fhir, again.fhir, "the same Bundle, byte for byte");
    // Another answer, or the same answer at another time, is another record.
    let mut other = steps.clone();
    other[0] = Some(Pick::Level(3));
    let (changed, _) = finished_then_resumed(teen_checkout(json!({})), &other);
    assert_ne!(changed.id, first.id);
    let all_ids = |r: &ally_core::protocol::ResultDoc| ids(r.fhir.as_deref().unwrap());
    assert!(all_ids(&changed)
        .iter()
        .zip(all_ids(&first))
        .all(|(a, b)| *a != b));
    // Another session with the same answers and times: other ids.
    let b: Value = serde_json::from_str(first.fhir.as_deref().unwrap()).unwrap();
    let mut f = Flow::new(
        parse(&teen_checkout(json!({}))).unwrap(),
        "s-2",
        "2026-11-26T09:00:00Z",
    );
    let s2 = f
        .walk(steps.iter().cloned(), |n| {
            format!("2026-11-26T09:00:{:02}.5Z", n + 1)
        })
        .unwrap();
    assert_ne!(s2.id, first.id);
    assert_ne!(
        serde_json::from_str::<Value>(s2.fhir.as_deref().unwrap()).unwrap()["entry"][0]["fullUrl"],
        b["entry"][0]["fullUrl"]
    );
}

#[test]
fn the_completion_time_is_the_last_answers_by_time_not_by_text() {
    use ally_core::time::compare;
    use std::cmp::Ordering::{Equal, Greater, Less};
    // "…:30Z" sorts after "…:30.5Z" as text; as times it is earlier.
    assert_eq!(
        compare("2026-11-26T09:00:30Z", "2026-11-26T09:00:30.5Z"),
        Less
    );
    assert_eq!(
        compare("2026-11-26T09:00:31Z", "2026-11-26T09:00:30.5Z"),
        Greater
    );
    assert_eq!(
        compare("2026-11-26T09:00:30.25Z", "2026-11-26T09:00:30.5Z"),
        Less
    );
    assert_eq!(
        compare("2026-11-26T09:00:30.5Z", "2026-11-26T09:00:30.500Z"),
        Equal
    );
    assert_eq!(
        compare("2027-01-01T00:00:00Z", "2026-12-31T23:59:59.999Z"),
        Greater
    );
    // Given back with times whose text sorts otherwise ("…:30Z" after
    // "…:30.5Z"), the check finished at the later time.
    use ally_core::flow::{Widget, WidgetAction};
    let lines = [
        "trust.listened",
        "trust.what_matters",
        "trust.helped",
        "trust.next_time",
    ];
    let mut answers: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(k, id)| json!({ "promptId": id, "value": 9, "skipped": false, "answeredAt": format!("2026-11-26T09:00:{:02}Z", k + 20) }))
        .collect();
    answers[0]["answeredAt"] = json!("2026-11-26T09:00:30Z");
    answers.push(json!({ "promptId": "drawing.together", "value": null, "skipped": true, "answeredAt": "2026-11-26T09:00:30.5Z" }));
    let w = Widget::new("s-1").reduce(WidgetAction::Init {
        config: json!({ "age": 10, "mode": "checkout" }),
        resume: Some(json!({ "answers": answers })),
        run: None,
        now: "2026-12-01T00:00:00.000Z".into(),
    });
    let r = w
        .outbox
        .iter()
        .find_map(|q| match &*q.msg {
            Outbound::Complete(r) => Some(r),
            _ => None,
        })
        .unwrap();
    assert_eq!(r.completed_at, "2026-11-26T09:00:30.5Z");
}

#[test]
fn each_concern_is_an_observation_of_its_own() {
    // 9–12: the lowest face, a sad feeling at 9 of 10, and yes to telling.
    let b = bundle_of(
        json!({ "age": 10, "fhir": true }),
        &[
            Some(Pick::Choice(0)),
            None,
            Some(Pick::Feelings(vec!["sad".into()])),
            Some(Pick::Level(9)),
            Some(Pick::Choice(0)),
        ],
    )
    .unwrap();
    let concerns: Vec<&Value> = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["code"]["coding"][0]["code"] == "concern")
        .collect();
    let reasons: Vec<&Value> = concerns
        .iter()
        .map(|o| &o["valueCodeableConcept"]["coding"][0]["code"])
        .collect();
    assert_eq!(
        reasons,
        [
            &json!("low_mood_strong_feeling"),
            &json!("hard_feeling_wants_to_talk")
        ]
    );
    let coding = &concerns[0]["valueCodeableConcept"]["coding"][0];
    assert_eq!(
        coding["system"],
        format!("{DEFAULT_BASE}/CodeSystem/ally-score")
    );
    assert!(!coding["display"].as_str().unwrap().is_empty());
    // A calm check-in has none.
    let calm = bundle_of(
        json!({ "age": 10, "fhir": true }),
        &[
            Some(Pick::Choice(3)),
            None,
            Some(Pick::Feelings(vec!["calm".into()])),
            Some(Pick::Level(3)),
            Some(Pick::Choice(2)),
        ],
    )
    .unwrap();
    assert!(!calm.to_string().contains("\"concern\""));
    // 13–17: agreeing with a statement and its opposite is a component of the alliance.
    let b = bundle_of(
        teen_checkout(json!({})),
        &[
            Some(Pick::Level(9)),
            Some(Pick::Level(9)),
            Some(Pick::Level(9)),
            Some(Pick::Level(9)),
            Some(Pick::Choice(3)),
            Some(Pick::Choice(3)),
        ],
    )
    .unwrap();
    let both = component(observation(&b, "alliance-total"), "agreed-both-ways");
    assert_eq!(both.len(), 1);
    assert_eq!(both[0]["valueCodeableConcept"]["coding"][0]["code"], "bond");
}
