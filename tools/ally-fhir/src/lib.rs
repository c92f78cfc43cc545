//! What a FHIR server needs to read Ally's results, made natively at build
//! time (never in the child's download): a `Questionnaire` per band and mode,
//! Ally's `CodeSystem`s, sample bundles for the validators, and the check that
//! a `QuestionnaireResponse` fits its `Questionnaire`, which no offline
//! validator makes.

use ally_core::answer::Pick;
use ally_core::catalog::{self, Input, Prompt, Tr, UI};
use ally_core::config::{
    self, AgeBand, Locale, Mode, Rater, BANDS, MAX_GOAL_CHARS, MAX_LINE_CHARS,
};
use ally_core::fhir::{self, option, questionnaire_id, questionnaire_url, system, SCORES, VERSION};
use ally_core::flow::Flow;
use ally_core::protocol::MAX_MESSAGE_BYTES;
use ally_core::strokes::{self, Encoded, EncodedStroke, Tool};
use ally_core::words::{self, DefTr};
use serde_json::{json, Map, Value};

pub const MODES: [Mode; 3] = [Mode::Checkin, Mode::Checkout, Mode::Goals];

/// The adults who rate on a form of their own.
pub const RATERS: [Rater; 2] = [Rater::Caregiver, Rater::Therapist];

const SD: &str = "http://hl7.org/fhir/StructureDefinition";

fn ext(name: &str, value_key: &str, value: Value) -> Value {
    let mut e = Map::new();
    e.insert("url".into(), json!(format!("{SD}/{name}")));
    e.insert(value_key.into(), value);
    Value::Object(e)
}

fn item_control(code: &str) -> Value {
    ext(
        "questionnaire-itemControl",
        "valueCodeableConcept",
        json!({ "coding": [{
            "system": "http://hl7.org/fhir/questionnaire-item-control",
            "code": code
        }] }),
    )
}

/// The words of every language but English (the resources' own language),
/// on the element's `_`-prefixed sibling.
fn translations(words: impl Fn(Locale) -> String) -> Value {
    let each: Vec<Value> = Locale::ALL[1..]
        .iter()
        .map(|l| {
            json!({
                "url": format!("{SD}/translation"),
                "extension": [
                    { "url": "lang", "valueCode": l.code() },
                    { "url": "content", "valueString": words(*l) }
                ]
            })
        })
        .collect();
    json!({ "extension": each })
}

/// A prompt's words in a Questionnaire: no one is named yet, so the
/// neutral "the person helping you" stands where the child will see a name.
/// A goal's rating names the child's goal where the child sees it.
fn neutral(t: &Tr, l: Locale) -> String {
    let text = words::with_helper(l, t.get(l), UI.someone.get(l));
    words::fill(&text, &[("goal", DefTr::Goal.get(l))])
}

/// A prompt's words in a Questionnaire: an adult's form says "the
/// therapist" and "the child" where the portal's names will be.
fn neutral_of(p: &Prompt, t: &Tr, l: Locale) -> String {
    if p.mode != Mode::Form {
        return neutral(t, l);
    }
    let text = words::with_helper(l, t.get(l), Tr::FormTherapist.get(l));
    words::fill(
        &text,
        &[
            ("goal", DefTr::Goal.get(l)),
            ("child", Tr::FormChildTherapist.get(l)),
        ],
    )
}

/// A Questionnaire's title in `l`: the check and its band's ages.
fn title(band: AgeBand, mode: Mode, l: Locale) -> String {
    let (lo, hi) = band.profile().ages;
    let ages = words::fill(
        DefTr::Ages.get(l),
        &[("from", &lo.to_string()), ("to", &hi.to_string())],
    );
    let title = match mode {
        Mode::Checkin => DefTr::TitleCheckin,
        Mode::Checkout => DefTr::TitleCheckout,
        Mode::Goals => DefTr::TitleGoals,
        Mode::Form => return String::new(),
    };
    words::fill(title.get(l), &[("ages", &ages)])
}

/// A line's end words, as `display` children (`lower`, `upper`).
fn line_ends(p: &Prompt, lower: Tr, upper: Tr) -> Value {
    let end = |suffix: &str, words: Tr| {
        json!({
            "linkId": format!("{}.{suffix}", p.id),
            "type": "display",
            "text": words.get(Locale::En),
            "_text": translations(|l| words.get(l).to_string()),
            "extension": [item_control(suffix)],
        })
    };
    json!([end("lower", lower), end("upper", upper)])
}

/// The Questionnaire item of a prompt.
fn item(p: &Prompt, band: AgeBand, base: &str) -> Value {
    let mut it = Map::new();
    it.insert("linkId".into(), json!(p.id));
    it.insert(
        "code".into(),
        json!([{ "system": system(base, "prompt"), "code": p.id }]),
    );
    it.insert("text".into(), json!(neutral_of(p, &p.text, Locale::En)));
    it.insert("_text".into(), translations(|l| neutral_of(p, &p.text, l)));
    // Every prompt can be skipped: a skip is recorded, never required away.
    it.insert("required".into(), json!(false));
    let mut exts = Vec::new();
    let options = |it: &mut Map<String, Value>| {
        let codes = fhir::options(p, band);
        let system = system(
            base,
            if matches!(p.input, Input::Feelings { .. }) {
                "feeling"
            } else {
                "answer"
            },
        );
        let list: Vec<Value> = codes
            .iter()
            .map(|(code, weight, words)| {
                let mut coding = json!({
                    "system": system,
                    "code": code,
                    "display": neutral(words, Locale::En),
                    "_display": translations(|l| neutral(words, l)),
                });
                if let Some(w) = weight {
                    coding["extension"] = json!([ext("ordinalValue", "valueDecimal", json!(w))]);
                }
                json!({ "valueCoding": coding })
            })
            .collect();
        it.insert("answerOption".into(), json!(list));
    };
    match p.input {
        Input::Faces(_) => {
            it.insert("type".into(), json!("choice"));
            options(&mut it);
            exts.push(item_control("radio-button"));
            exts.push(ext(
                "questionnaire-choiceOrientation",
                "valueCode",
                json!("horizontal"),
            ));
        }
        Input::Sizes | Input::Talk | Input::Agree4 => {
            it.insert("type".into(), json!("choice"));
            options(&mut it);
            exts.push(item_control("radio-button"));
        }
        Input::Feelings { max } => {
            it.insert("type".into(), json!("choice"));
            it.insert("repeats".into(), json!(max != 1));
            options(&mut it);
            exts.push(item_control("check-box"));
            if max > 1 {
                exts.push(ext("questionnaire-maxOccurs", "valueInteger", json!(max)));
            }
        }
        // 3–5 and 6–8 rate a goal on pictures or a path: choices with their
        // places on 0–10; from 9 on a 0–10 line.
        Input::Progress if !fhir::options(p, band).is_empty() => {
            it.insert("type".into(), json!("choice"));
            options(&mut it);
            exts.push(item_control("radio-button"));
        }
        // A 0–10 line: a trust line, the thermometer, or (9–17) a goal's rating.
        Input::Line(_) | Input::Progress => {
            it.insert("type".into(), json!("integer"));
            exts.push(item_control("slider"));
            exts.push(ext("minValue", "valueInteger", json!(0)));
            exts.push(ext("maxValue", "valueInteger", json!(10)));
            exts.push(ext(
                "questionnaire-sliderStepValue",
                "valueInteger",
                json!(1),
            ));
            let (lower, upper) = match p.input {
                Input::Line(_) if p.mode == Mode::Form => catalog::form_ends(p),
                Input::Line(ends) => catalog::line_ends(ends),
                _ => catalog::GOAL_WORDS.ends,
            };
            it.insert("item".into(), line_ends(p, lower, upper));
        }
        // A goal named: a starter, "I don't know yet", or the child's own words.
        Input::GoalSet => {
            it.insert("type".into(), json!("open-choice"));
            it.insert("maxLength".into(), json!(MAX_GOAL_CHARS));
            options(&mut it);
        }
        // Next time: a choice, or from 9 the child's own words. Asked only
        // when the portal asks it (with goals, or `nextTime`).
        Input::Plan => {
            let young = band.profile().young;
            it.insert(
                "type".into(),
                json!(if young { "choice" } else { "open-choice" }),
            );
            if !young {
                it.insert("maxLength".into(), json!(MAX_GOAL_CHARS));
            }
            options(&mut it);
            exts.push(json!({
                "url": next_time_extension(base),
                "valueBoolean": true,
            }));
        }
        // An adult's note: a line (the therapist's) or a paragraph.
        Input::Note { max } => {
            let kind = if max > MAX_LINE_CHARS {
                "text"
            } else {
                "string"
            };
            it.insert("type".into(), json!(kind));
            it.insert("maxLength".into(), json!(max));
        }
        Input::Drawing => {
            it.insert("type".into(), json!("attachment"));
            exts.push(ext("mimeType", "valueCode", json!("image/svg+xml")));
            // An answer travels in one message of at most 256 KiB.
            exts.push(ext("maxSize", "valueDecimal", json!(MAX_MESSAGE_BYTES)));
            it.insert(
                "item".into(),
                json!([{
                    "linkId": format!("{}.strokes", p.id),
                    "type": "attachment",
                    "text": words::fill(DefTr::Strokes.get(Locale::En), &[("format", strokes::FORMAT)]),
                    "_text": translations(|l| words::fill(DefTr::Strokes.get(l), &[("format", strokes::FORMAT)])),
                    "required": false,
                    "extension": [
                        ext("questionnaire-hidden", "valueBoolean", json!(true)),
                        ext("mimeType", "valueCode", json!("application/octet-stream")),
                    ],
                }]),
            );
        }
    }
    // Asked in turn: only the sessions of its slot ask it (13–17 statements).
    if p.slot > 0 {
        exts.push(json!({
            "url": slot_extension(base),
            "valueInteger": p.slot,
        }));
    }
    // Asked when the child has that many goals (or, naming them, until one
    // is skipped or not known yet; at 3–8 each followed by drawing it): its
    // value is the goal's number.
    let goal = match p.mode {
        Mode::Goals => {
            p.id.rsplit('.')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0)
        }
        _ => p.goal,
    };
    if goal > 0 {
        exts.push(json!({
            "url": goal_extension(base),
            "valueInteger": goal,
        }));
    }
    // FHIR has no empty lists: an item without an extension has none.
    if !exts.is_empty() {
        it.insert("extension".into(), json!(exts));
    }
    Value::Object(it)
}

/// The extension that marks an item rating the child's own goal: its value
/// is the goal's number, and the item is asked only when the child has
/// that many goals (see the README's "FHIR R4").
pub fn goal_extension(base: &str) -> String {
    format!("{base}/StructureDefinition/ally-goal")
}

/// The extension that marks the item asked only when the portal asks what
/// the child would like to do next time (`nextTime`; on with goals).
pub fn next_time_extension(base: &str) -> String {
    format!("{base}/StructureDefinition/ally-next-time")
}

/// The extension that marks an item asked in turn: its value is the slot of
/// the sessions that ask it (see the README's "FHIR R4").
pub fn slot_extension(base: &str) -> String {
    format!("{base}/StructureDefinition/ally-slot")
}

/// The `Questionnaire` of a band and mode (a form's: [`form_questionnaire`]).
pub fn questionnaire(base: &str, band: AgeBand, mode: Mode) -> Value {
    let description = match mode {
        Mode::Checkin => DefTr::DescriptionCheckin,
        Mode::Checkout => DefTr::DescriptionCheckout,
        Mode::Goals => DefTr::DescriptionGoals,
        Mode::Form => return form_questionnaire(base, Rater::Therapist),
    };
    let items: Vec<Value> = catalog::prompts(band, mode)
        .into_iter()
        .map(|p| item(p, band, base))
        .collect();
    let name = format!(
        "Ally{}{}",
        if mode == Mode::Checkin {
            "Checkin"
        } else {
            "Checkout"
        },
        band.code().replace('-', "to")
    );
    let q = json!({
        "id": questionnaire_id(band, mode, Rater::Child),
        "url": questionnaire_url(base, band, mode, Rater::Child),
        "name": name,
        "title": title(band, mode, Locale::En),
        "_title": translations(|l| title(band, mode, l)),
    });
    defined(q, description, items)
}

/// The `Questionnaire` of an adult's form: the same at every age, with
/// every goal's item (each marked with its number, as the child's are).
pub fn form_questionnaire(base: &str, rater: Rater) -> Value {
    let (title, description, name) = match rater {
        Rater::Caregiver => (
            DefTr::TitleFormCaregiver,
            DefTr::DescriptionFormCaregiver,
            "AllyFormCaregiver",
        ),
        _ => (
            DefTr::TitleFormTherapist,
            DefTr::DescriptionFormTherapist,
            "AllyFormTherapist",
        ),
    };
    let items: Vec<Value> = catalog::form(rater, config::MAX_GOALS)
        .into_iter()
        .map(|p| item(p, AgeBand::Teen, base))
        .collect();
    let (band, mode) = (AgeBand::Teen, Mode::Form);
    let q = json!({
        "id": questionnaire_id(band, mode, rater),
        "url": questionnaire_url(base, band, mode, rater),
        "name": name,
        "title": title.get(Locale::En),
        "_title": translations(|l| title.get(l).to_string()),
    });
    defined(q, description, items)
}

/// A Questionnaire: what names it (`id`, `url`, `name`, titles), then what
/// every one of Ally's has.
fn defined(mut q: Value, description: DefTr, items: Vec<Value>) -> Value {
    let named = std::mem::take(q.as_object_mut().expect("an object"));
    let mut out = Map::new();
    out.insert("resourceType".into(), json!("Questionnaire"));
    out.insert("id".into(), named["id"].clone());
    out.insert("language".into(), json!(Locale::En.code()));
    out.insert("url".into(), named["url"].clone());
    out.insert("version".into(), json!(VERSION));
    for k in ["name", "title", "_title"] {
        out.insert(k.into(), named[k].clone());
    }
    out.insert("status".into(), json!("active"));
    out.insert("subjectType".into(), json!(["Patient"]));
    out.insert("publisher".into(), json!("Ally"));
    out.insert("description".into(), json!(description.get(Locale::En)));
    out.insert(
        "_description".into(),
        translations(|l| description.get(l).to_string()),
    );
    out.insert("item".into(), json!(items));
    Value::Object(out)
}

fn code_system(base: &str, name: &str, title: DefTr, concepts: Vec<Value>) -> Value {
    json!({
        "resourceType": "CodeSystem",
        "id": format!("ally-{name}"),
        "language": Locale::En.code(),
        "url": system(base, name),
        "version": VERSION,
        "name": format!("Ally{}", name[..1].to_uppercase() + &name[1..]),
        "title": title.get(Locale::En),
        "_title": translations(|l| title.get(l).to_string()),
        "status": "active",
        "publisher": "Ally",
        "caseSensitive": true,
        "content": "complete",
        "count": concepts.len(),
        "concept": concepts,
    })
}

/// A concept: its display in English, the code system's language, and a
/// designation in every other language.
fn concept(code: &str, words: impl Fn(Locale) -> String) -> Value {
    let designations: Vec<Value> = Locale::ALL[1..]
        .iter()
        .map(|l| json!({ "language": l.code(), "value": words(*l) }))
        .collect();
    json!({ "code": code, "display": words(Locale::En), "designation": designations })
}

/// Ally's own code systems: prompts, answers, feelings, scores.
pub fn code_systems(base: &str) -> Vec<Value> {
    let mut prompts = Vec::new();
    let mut answers: Vec<Value> = Vec::new();
    for p in catalog::PROMPTS
        .iter()
        .chain(catalog::GOAL_PROMPTS)
        .chain(catalog::GOAL_SET_PROMPTS)
        .chain(catalog::PLAN_PROMPTS)
        .chain(catalog::FORM_PROMPTS)
    {
        // An id asked in several bands is described in the oldest band's words.
        let words = concept(p.id, |l| neutral_of(p, &p.text, l));
        match prompts.iter_mut().find(|c: &&mut Value| c["code"] == p.id) {
            Some(c) => *c = words,
            None => prompts.push(words),
        }
        if matches!(p.input, Input::Feelings { .. }) {
            continue;
        }
        for band in p.bands {
            for (code, _, words) in fhir::options(p, *band) {
                if !answers.iter().any(|c| c["code"] == code.as_str()) {
                    answers.push(concept(&code, |l| words.get(l).to_string()));
                }
            }
        }
    }
    let feelings = catalog::FEELINGS
        .iter()
        .map(|f| concept(f.id, |l| f.word.get(l).to_string()))
        .collect();
    let scores = SCORES
        .iter()
        .chain(&fhir::FORM_SCORES)
        .map(|(code, words)| concept(code, |l| words.get(l).to_string()))
        .collect();
    vec![
        code_system(base, "prompt", DefTr::SystemPrompt, prompts),
        code_system(base, "answer", DefTr::SystemAnswer, answers),
        code_system(base, "feeling", DefTr::SystemFeeling, feelings),
        code_system(base, "score", DefTr::SystemScore, scores),
    ]
}

/// Every definition a portal loads into its FHIR server, by file name.
pub fn definitions(base: &str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for band in BANDS {
        for mode in MODES {
            out.push((
                format!(
                    "Questionnaire-{}.json",
                    questionnaire_id(band, mode, Rater::Child)
                ),
                questionnaire(base, band, mode),
            ));
        }
    }
    for rater in RATERS {
        let q = form_questionnaire(base, rater);
        out.push((
            format!("Questionnaire-{}.json", q["id"].as_str().unwrap_or("")),
            q,
        ));
    }
    for cs in code_systems(base) {
        out.push((
            format!("CodeSystem-{}.json", cs["id"].as_str().unwrap_or("")),
            cs,
        ));
    }
    out
}

/// How a sample child answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// Every prompt, drawings too.
    Answered,
    /// Every prompt skipped.
    Skipped,
    /// Every other prompt skipped; drawings drawn; low and high answers.
    Mixed,
}

pub const PATTERNS: [(Pattern, &str); 3] = [
    (Pattern::Answered, "answered"),
    (Pattern::Skipped, "skipped"),
    (Pattern::Mixed, "mixed"),
];

/// A small drawing: a circle, in `ally.strokes/1`.
pub fn sample_strokes() -> String {
    let points = (0..24)
        .map(|i| {
            let t = f64::from(i) * std::f64::consts::TAU / 23.0;
            (
                (500.0 + 200.0 * t.cos()) as u32,
                (350.0 + 200.0 * t.sin()) as u32,
            )
        })
        .collect();
    Encoded {
        width: strokes::CANVAS_WIDTH,
        height: strokes::CANVAS_HEIGHT,
        strokes: vec![EncodedStroke {
            tool: Tool::Pen,
            color: [60, 90, 200],
            width_q: 24,
            points,
        }],
    }
    .encode()
}

/// The answer a sample child gives to prompt number `n`.
fn sample_pick(p: &Prompt, band: AgeBand, n: usize, pattern: Pattern) -> Option<Pick> {
    // Mixed samples draw at check-in and check-out, and decline to draw a goal.
    let drawn =
        pattern == Pattern::Mixed && matches!(p.input, Input::Drawing) && p.mode != Mode::Goals;
    if (pattern == Pattern::Skipped || (pattern == Pattern::Mixed && n % 2 == 1)) && !drawn {
        return None;
    }
    let low = pattern == Pattern::Mixed && n % 4 == 0;
    Some(match p.input {
        Input::Drawing => Pick::Drawing(sample_strokes()),
        Input::Line(_) => Pick::Level(if low { 3 } else { 9 }),
        // A goal named: a starter at the younger bands, the child's own words from 9.
        Input::GoalSet if band.profile().young => Pick::Choice(n % 3),
        Input::GoalSet => Pick::Words(format!("My own goal number {}", p.goal + n + 1)),
        // Next time: from 9 in their own words; at 3–8, working on the first goal.
        Input::Plan if !band.profile().young => Pick::Words("Practise what to say".into()),
        Input::Plan => Pick::Choice(band.profile().plan),
        Input::Note { .. } => Pick::Words("Slept better this week; a hard Monday.".into()),
        // The second goal, in mixed samples: set aside by the child.
        Input::Progress if pattern == Pattern::Mixed && p.goal == 2 => Pick::Retired,
        Input::Progress if option(p, band, 0).is_none() => Pick::Level(if low { 3 } else { 9 }),
        Input::Feelings { max } => {
            let take = if max == 1 { 1 } else { 2 };
            Pick::Feelings(
                catalog::feelings(band)
                    .iter()
                    .skip(usize::from(low))
                    .take(take)
                    .map(|f| f.id.to_string())
                    .collect(),
            )
        }
        _ => {
            let count = (0..).take_while(|i| option(p, band, *i).is_some()).count();
            Pick::Choice(if low { 0 } else { count - 1 })
        }
    })
}

/// A sample child's goals, in each language.
const SAMPLE_GOALS: [[&str; 2]; 2] = [
    ["Make a friend at school", "Stay calm when I'm angry"],
    ["Hacer un amigo en el colegio", "Calmarme cuando me enfado"],
];

/// The Bundle a sample child's result carries.
pub fn sample(
    base: &'static str,
    band: AgeBand,
    mode: Mode,
    locale: Locale,
    pattern: Pattern,
) -> Value {
    sample_by(base, band, mode, Rater::Child, locale, pattern)
}

/// The Bundle of a sample adult's form, about a child of 7.
pub fn form_sample(base: &'static str, rater: Rater, locale: Locale, pattern: Pattern) -> Value {
    sample_by(
        base,
        AgeBand::EarlySchool,
        Mode::Form,
        rater,
        locale,
        pattern,
    )
}

fn sample_by(
    base: &'static str,
    band: AgeBand,
    mode: Mode,
    rater: Rater,
    locale: Locale,
    pattern: Pattern,
) -> Value {
    // The middle of the band: 4, 7, 10, 15.
    let (lo, hi) = band.profile().ages;
    let age = (lo + hi) / 2;
    let mut config = json!({
        "age": age,
        "mode": mode.code(),
        "locale": locale.code(),
        "helperName": "Dr. Rivera",
        "helperArticle": "el",
        "fhir": true,
        "fhirSubject": "Patient/example",
        // Two goals of the child's, rated at check-in and at check-out.
        "goals": [
            { "id": "friend", "text": SAMPLE_GOALS[locale as usize][0], "setAt": "2026-11-02T09:30:00Z" },
            { "id": "calm", "text": SAMPLE_GOALS[locale as usize][1] },
        ],
        "goalsAt": "both",
        "previousGoals": { "ageBand": band.code(), "goals": [{ "id": "friend", "progress": 5 }] },
    });
    if mode == Mode::Form {
        config["rater"] = json!(rater.code());
        config["fhirAuthor"] = json!(match rater {
            Rater::Caregiver => "RelatedPerson/example",
            _ => "Practitioner/example",
        });
        config["previousGoals"]["rater"] = json!(rater.code());
    }
    let config = config::parse(&config).unwrap_or_else(|e| panic!("sample config: {e:?}"));
    let session = format!(
        "sample-{}-{}-{}-{}-{pattern:?}",
        mode.code(),
        rater.code(),
        band.code(),
        locale.code()
    );
    let mut flow = Flow::new(config, &session, "2026-11-26T10:00:00Z");
    flow.fhir_base = base;
    let mut steps: Vec<Option<Pick>> = flow
        .prompts
        .iter()
        .enumerate()
        .map(|(n, p)| sample_pick(p, band, n, pattern))
        .collect();
    // Naming goals ends at a goal skipped: nothing after it is asked.
    let end = steps
        .iter()
        .zip(&flow.prompts)
        .position(|(s, p)| s.is_none() && p.construct == catalog::Construct::Goal);
    if let (Mode::Goals, Some(end)) = (mode, end) {
        steps.truncate(end + 1);
    }
    let r = flow
        .walk(steps, |n| {
            format!("2026-11-26T10:0{}:{:02}Z", 1 + n / 60, n % 60)
        })
        .unwrap_or_else(|e| panic!("the sample flow: {e}"));
    let bundle = r.fhir.as_deref().expect("fhir: true makes a bundle");
    serde_json::from_str(bundle).expect("the bundle is JSON")
}

/// Every sample bundle, by file name: each band, mode and locale, answered,
/// skipped, and mixed with drawings.
pub fn samples(base: &'static str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for band in BANDS {
        for mode in MODES {
            for locale in Locale::ALL {
                for (pattern, name) in PATTERNS {
                    out.push((
                        format!(
                            "Bundle-{}-{}-{}-{name}.json",
                            mode.code(),
                            band.code(),
                            locale.code()
                        ),
                        sample(base, band, mode, locale, pattern),
                    ));
                }
            }
        }
    }
    for rater in RATERS {
        for locale in Locale::ALL {
            for (pattern, name) in PATTERNS {
                out.push((
                    format!("Bundle-form-{}-{}-{name}.json", rater.code(), locale.code()),
                    form_sample(base, rater, locale, pattern),
                ));
            }
        }
    }
    out
}

/// Whether a `QuestionnaireResponse` fits its `Questionnaire`: every linkId
/// known, each answer of its item's type, each code among the item's
/// options, repeats and min/max respected, no answer on a skipped item and
/// never an empty one. Returns what is wrong, one line each.
pub fn conformance(q: &Value, r: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    let canonical = format!(
        "{}|{}",
        q["url"].as_str().unwrap_or(""),
        q["version"].as_str().unwrap_or("")
    );
    if r["questionnaire"] != canonical.as_str() {
        errors.push(format!(
            "questionnaire is {}, not {canonical}",
            r["questionnaire"]
        ));
    }
    let empty = Vec::new();
    let q_items = q["item"].as_array().unwrap_or(&empty);
    let r_items = r["item"].as_array().unwrap_or(&empty);
    check_items(q_items, r_items, &mut errors);
    // Every question asked is there, in order: a skip is kept, never dropped.
    // Items asked in turn are there only in their slot's sessions, one slot
    // per response.
    let slot_of = |i: &Value| {
        i["extension"].as_array().and_then(|e| {
            e.iter()
                .find(|x| {
                    x["url"]
                        .as_str()
                        .is_some_and(|u| u.ends_with("/StructureDefinition/ally-slot"))
                })
                .and_then(|x| x["valueInteger"].as_u64())
        })
    };
    let slots: std::collections::BTreeSet<u64> = q_items
        .iter()
        .filter(|qi| r_items.iter().any(|ri| ri["linkId"] == qi["linkId"]))
        .filter_map(slot_of)
        .collect();
    if slots.len() > 1 {
        errors.push(format!("items of more than one slot: {slots:?}"));
    }
    // A goal's item is there when the child has that goal: the first few.
    let goal_of = |i: &Value| {
        i["extension"].as_array().and_then(|e| {
            e.iter()
                .find(|x| {
                    x["url"]
                        .as_str()
                        .is_some_and(|u| u.ends_with("/StructureDefinition/ally-goal"))
                })
                .and_then(|x| x["valueInteger"].as_u64())
        })
    };
    // The goal items come in order: a response has the first few of them
    // (as many goals as the child has; naming, up to where it ended).
    let goals = q_items
        .iter()
        .filter(|qi| r_items.iter().any(|ri| ri["linkId"] == qi["linkId"]))
        .filter_map(goal_of)
        .count();
    let first_goals: Vec<&Value> = q_items
        .iter()
        .filter(|i| goal_of(i).is_some())
        .take(goals)
        .map(|i| &i["linkId"])
        .collect();
    // "Next time" is there when the portal asked it.
    let optional = |i: &Value| {
        i["extension"].as_array().is_some_and(|e| {
            e.iter().any(|x| {
                x["url"]
                    .as_str()
                    .is_some_and(|u| u.ends_with("/StructureDefinition/ally-next-time"))
            })
        })
    };
    let asked: Vec<&Value> = q_items
        .iter()
        .filter(|i| slot_of(i).is_none_or(|s| slots.contains(&s)))
        .filter(|i| goal_of(i).is_none() || first_goals.contains(&&i["linkId"]))
        .filter(|i| !optional(i) || r_items.iter().any(|ri| ri["linkId"] == i["linkId"]))
        .map(|i| &i["linkId"])
        .collect();
    let answered: Vec<&Value> = r_items.iter().map(|i| &i["linkId"]).collect();
    if asked != answered {
        errors.push(format!(
            "items are {answered:?}, the questionnaire asks {asked:?}"
        ));
    }
    errors
}

fn check_items(q_items: &[Value], r_items: &[Value], errors: &mut Vec<String>) {
    for ri in r_items {
        let id = ri["linkId"].as_str().unwrap_or("");
        let Some(qi) = q_items.iter().find(|q| q["linkId"] == id) else {
            errors.push(format!("{id}: no such linkId"));
            continue;
        };
        let kind = qi["type"].as_str().unwrap_or("");
        // Skipped, or (a goal the child set aside) no longer applying.
        let declined = ri["extension"].as_array().is_some_and(|e| {
            e.iter().any(|x| {
                x["url"] == format!("{SD}/data-absent-reason").as_str()
                    && (x["valueCode"] == "asked-declined"
                        || (x["valueCode"] == "not-applicable" && id.starts_with("goal.")))
            })
        });
        let answers = ri["answer"].as_array();
        if ri.get("answer").is_some() && answers.is_none_or(Vec::is_empty) {
            errors.push(format!("{id}: an empty answer list"));
        }
        let answers = answers.map(Vec::as_slice).unwrap_or(&[]);
        if declined && !answers.is_empty() {
            errors.push(format!("{id}: skipped, yet answered"));
        }
        if !declined && answers.is_empty() && kind != "display" {
            errors.push(format!("{id}: no answer and no reason why"));
        }
        if kind == "display" && !answers.is_empty() {
            errors.push(format!("{id}: a display item has no answers"));
        }
        let repeats = qi["repeats"].as_bool().unwrap_or(false);
        if !repeats && answers.len() > 1 {
            errors.push(format!(
                "{id}: {} answers, the item does not repeat",
                answers.len()
            ));
        }
        let extension = |name: &str| {
            qi["extension"].as_array().and_then(|e| {
                e.iter()
                    .find(|x| x["url"] == format!("{SD}/{name}").as_str())
                    .cloned()
            })
        };
        if let Some(max) =
            extension("questionnaire-maxOccurs").and_then(|e| e["valueInteger"].as_u64())
        {
            if answers.len() as u64 > max {
                errors.push(format!("{id}: {} answers, at most {max}", answers.len()));
            }
        }
        for a in answers {
            let Some(value_key) = a
                .as_object()
                .and_then(|o| o.keys().find(|k| k.starts_with("value")))
            else {
                errors.push(format!("{id}: an answer without a value"));
                continue;
            };
            let want = match kind {
                // One of its options, or words of the child's own.
                "open-choice" if value_key == "valueString" => "valueString",
                "choice" | "open-choice" => "valueCoding",
                "integer" => "valueInteger",
                "attachment" => "valueAttachment",
                "string" | "text" => "valueString",
                "boolean" => "valueBoolean",
                "decimal" => "valueDecimal",
                _ => "",
            };
            if value_key != want {
                errors.push(format!("{id}: {value_key} on a {kind} item"));
            }
            let v = &a[value_key];
            match kind {
                "open-choice" if value_key == "valueString" => {
                    let n = v.as_str().map_or(0, |t| t.chars().count());
                    if n == 0 || n > MAX_GOAL_CHARS {
                        errors.push(format!("{id}: words of {n} characters"));
                    }
                }
                "choice" | "open-choice" => {
                    let known = qi["answerOption"].as_array().is_some_and(|opts| {
                        opts.iter().any(|o| {
                            o["valueCoding"]["system"] == v["system"]
                                && o["valueCoding"]["code"] == v["code"]
                        })
                    });
                    if !known {
                        errors.push(format!(
                            "{id}: {} {} is not among the options",
                            v["system"], v["code"]
                        ));
                    }
                }
                "integer" => {
                    let n = v.as_i64().unwrap_or(i64::MIN);
                    let bound =
                        |name: &str| extension(name).and_then(|e| e["valueInteger"].as_i64());
                    if bound("minValue").is_some_and(|lo| n < lo)
                        || bound("maxValue").is_some_and(|hi| n > hi)
                    {
                        errors.push(format!("{id}: {n} is out of range"));
                    }
                }
                "attachment" => {
                    let mime = extension("mimeType")
                        .and_then(|e| e["valueCode"].as_str().map(String::from));
                    if let Some(mime) = mime {
                        if v["contentType"] != mime.as_str() {
                            errors.push(format!("{id}: {} is not {mime}", v["contentType"]));
                        }
                    }
                    let size = v["size"].as_u64().unwrap_or(0);
                    if let Some(max) = extension("maxSize").and_then(|e| e["valueDecimal"].as_u64())
                    {
                        if size > max {
                            errors.push(format!("{id}: {size} bytes, at most {max}"));
                        }
                    }
                    let data = v["data"].as_str().unwrap_or("");
                    match strokes::base64_decode(data) {
                        Ok(bytes) if bytes.len() as u64 == size => {}
                        _ => errors.push(format!("{id}: data is not base64 of {size} bytes")),
                    }
                }
                _ => {}
            }
            // Children of a question answer under the answer.
            if let Some(children) = a["item"].as_array() {
                check_items(
                    qi["item"].as_array().map_or(&[], Vec::as_slice),
                    children,
                    errors,
                );
            }
        }
    }
}
