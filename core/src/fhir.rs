//! FHIR R4 (4.0.1) from Ally's catalog and results.
//!
//! - For each result: a `QuestionnaireResponse` (the words the child saw, a
//!   skip as a skip), `Observation`s (category `survey`) with the scores, all
//!   in a `Bundle` of type `collection`. Written with the small JSON writer:
//!   this part ships in the child's download.
//! - At build time, natively: a `Questionnaire` per band and mode, and Ally's
//!   own `CodeSystem`s (prompts, answers, feelings, scores).
//!
//! No LOINC code measures a child's alliance or mood faces, so every code is
//! Ally's own, under the deployment's canonical base.

use super::answer::{pick_of, AnswerValue, Pick, RETIRED};
use super::catalog::{self, Construct, Input, Prompt, Scale, Tr};
use super::check::Check;
#[cfg(any(feature = "goals", feature = "naming"))]
use super::config::Goal;
use super::config::{AgeBand, Config, Locale, Mode, Rater};
use super::json;
use super::scoring;
use super::strokes;
use super::words::FhirTr;

/// The canonical base when the deployment names none
/// (`<meta name="ally-fhir-base">` in the widget's page).
pub const DEFAULT_BASE: &str = "https://ally.example.org/fhir";
/// The Questionnaires' and CodeSystems' version: Ally's.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

const ORDINAL: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
const DAR: &str = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
const DAR_CODES: &str = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
const STROKES_TYPE: &str = "application/octet-stream";

/// Ally's code systems, by name: `{base}/CodeSystem/ally-{name}`.
pub const SYSTEMS: [&str; 4] = ["prompt", "answer", "feeling", "score"];

pub fn system(base: &str, name: &str) -> String {
    format!("{base}/CodeSystem/ally-{name}")
}

/// The Questionnaire of a band and mode: `ally-checkin-3-5`; an adult's
/// form is the same at every age, one per rater: `ally-form-caregiver`.
pub fn questionnaire_id(band: AgeBand, mode: Mode, rater: Rater) -> String {
    match mode {
        Mode::Form => format!("ally-form-{}", rater.code()),
        _ => format!("ally-{}-{}", mode.code(), band.code()),
    }
}

/// The Questionnaire's canonical URL (without its version).
pub fn questionnaire_url(base: &str, band: AgeBand, mode: Mode, rater: Rater) -> String {
    format!(
        "{base}/Questionnaire/{}",
        questionnaire_id(band, mode, rater)
    )
}

/// A score's code as the rater's Observation carries it: an adult's
/// alliance total and goal ratings have codes of their own
/// (`caregiver-alliance-total`), so a flowsheet never draws two people's
/// ratings as one line.
/// (The child's page writes the child's codes as they are.)
#[cfg(feature = "form")]
fn rated<'a>(c: &Config, code: &'a str) -> std::borrow::Cow<'a, str> {
    match (c.mode, code) {
        (Mode::Form, "alliance-total" | "goal-progress") => {
            format!("{}-{code}", c.rater.code()).into()
        }
        _ => code.into(),
    }
}
#[cfg(not(feature = "form"))]
fn rated<'a>(_: &Config, code: &'a str) -> &'a str {
    code
}

/// Answer option `n` of a prompt: its code, its weight on the scale, its
/// words. Feelings' codes are in `ally-feeling`, the others in `ally-answer`.
pub fn option(p: &Prompt, band: AgeBand, n: usize) -> Option<(String, Option<f64>, Tr)> {
    let (code, weight, words) = match p.input {
        Input::Faces(scale) => {
            let count = catalog::face_count(band);
            let name = match scale {
                Scale::Mood => "mood",
                Scale::Agree => "agree",
                Scale::Want => "want",
            };
            let words = *catalog::face_labels(scale, count).get(n)?;
            (
                format!("{name}{count}-{n}"),
                Some(catalog::face_value(n, count)),
                words,
            )
        }
        Input::Sizes => {
            let (words, weight) = catalog::SIZES.get(n)?;
            (
                format!("size-{}", ["small", "medium", "big"][n]),
                Some(*weight),
                *words,
            )
        }
        Input::Talk => {
            let (code, words) = catalog::TALK.get(n)?;
            (format!("talk-{code}"), None, *words)
        }
        Input::Agree4 => {
            let words = *catalog::AGREE4.get(n)?;
            (format!("agree4-{}", n + 1), Some(n as f64 + 1.0), words)
        }
        Input::Feelings { .. } => {
            let f = catalog::feelings(band).get(n)?;
            (f.id.to_string(), None, f.word)
        }
        #[cfg(feature = "goals")]
        Input::Progress if band.profile().goal_steps > 0 => {
            let steps = band.profile().goal_steps;
            let words = *catalog::progress_labels(band).get(n)?;
            (
                format!("progress{steps}-{n}"),
                Some(catalog::face_value(n, steps)),
                words,
            )
        }
        // A goal named: a starter, or "I don't know yet" (own words are a string).
        #[cfg(feature = "naming")]
        Input::GoalSet => {
            let offered = catalog::starters(band);
            let (id, words) = match offered.get(n) {
                Some(s) => *s,
                None if n == offered.len() => (catalog::DONT_KNOW, catalog::NAMING.dont_know),
                None => return None,
            };
            (format!("goal-{id}"), None, words)
        }
        #[cfg(not(feature = "naming"))]
        Input::GoalSet => return None,
        // Next time: the band's fixed choices, working on a goal (whichever
        // one: the answer's display names it), and "something else" at 3–8.
        // Only the Questionnaire lists them: an answer writes its own coding.
        #[cfg(all(feature = "goals", not(target_arch = "wasm32")))]
        Input::Plan => {
            let profile = band.profile();
            let fixed = catalog::PLAN[..profile.plan].iter().map(|(id, _)| *id);
            let mut ids = fixed.chain([catalog::PLAN_GOAL]);
            let id = match ids.nth(n) {
                Some(id) => id,
                None if profile.young && n == profile.plan + 1 => catalog::PLAN_OTHER,
                None => return None,
            };
            let words = catalog::plan_words(id, band).unwrap_or(Tr::PlanGoal);
            (format!("plan-{id}"), None, words)
        }
        #[cfg(any(not(feature = "goals"), target_arch = "wasm32"))]
        Input::Plan => return None,
        Input::Line(_) | Input::Drawing | Input::Progress | Input::Note { .. } => return None,
    };
    Some((code, weight, words))
}

/// All the answer options of a prompt, in order.
#[cfg(not(target_arch = "wasm32"))]
pub fn options(p: &Prompt, band: AgeBand) -> Vec<(String, Option<f64>, Tr)> {
    (0..).map_while(|n| option(p, band, n)).collect()
}

/// Ally's scores and flags as codes, with their words (`[fhir]` in `locales/`).
pub const SCORES: [(&str, FhirTr); 22] = [
    ("alliance-total", FhirTr::ScoreAllianceTotal),
    ("bond", FhirTr::ScoreBond),
    ("goals", FhirTr::ScoreGoals),
    ("tasks", FhirTr::ScoreTasks),
    ("overall", FhirTr::ScoreOverall),
    ("mood", FhirTr::ScoreMood),
    ("intensity", FhirTr::ScoreIntensity),
    ("change", FhirTr::ScoreChange),
    ("low-alliance", FhirTr::ScoreLowAlliance),
    ("discuss", FhirTr::ScoreDiscuss),
    ("low", FhirTr::ScoreLow),
    ("disagree", FhirTr::ScoreDisagree),
    ("drop", FhirTr::ScoreDrop),
    ("skipped", FhirTr::ScoreSkipped),
    ("agreed-both-ways", FhirTr::ScoreAgreedBothWays),
    ("concern", FhirTr::ScoreConcern),
    // The concern's reasons: the values of a `concern` Observation.
    ("low_mood_strong_feeling", FhirTr::ScoreLowMoodStrongFeeling),
    (
        "hard_feeling_wants_to_talk",
        FhirTr::ScoreHardFeelingWantsToTalk,
    ),
    ("asked_for_help", FhirTr::ScoreAskedForHelp),
    // A goal's rating: an Observation whose `focus` is the Goal.
    ("goal-progress", FhirTr::ScoreGoalProgress),
    ("goal-drop", FhirTr::ScoreGoalDrop),
    ("goal-retired", FhirTr::ScoreGoalRetired),
];

/// An adult's form's own codes: their totals and ratings, never merged with
/// the child's, and a caregiver's view of the child (only a form's page
/// writes them).
#[cfg(feature = "form")]
pub const FORM_SCORES: [(&str, FhirTr); 8] = [
    (
        "caregiver-alliance-total",
        FhirTr::ScoreCaregiverAllianceTotal,
    ),
    (
        "therapist-alliance-total",
        FhirTr::ScoreTherapistAllianceTotal,
    ),
    (
        "caregiver-goal-progress",
        FhirTr::ScoreCaregiverGoalProgress,
    ),
    (
        "therapist-goal-progress",
        FhirTr::ScoreTherapistGoalProgress,
    ),
    ("wellbeing", FhirTr::ScoreWellbeing),
    ("home", FhirTr::ScoreHome),
    ("school", FhirTr::ScoreSchool),
    ("peers", FhirTr::ScorePeers),
];
#[cfg(not(feature = "form"))]
pub const FORM_SCORES: [(&str, FhirTr); 0] = [];

/// A score code's display: in English, the code system's language.
fn score_words(code: &str) -> &'static str {
    SCORES
        .iter()
        .chain(&FORM_SCORES)
        .find(|(c, _)| *c == code)
        .map_or("", |(_, w)| w.get(Locale::En))
}

/// A score's value.
enum Val<'a> {
    /// In `{score}`; without one, the data-absent-reason.
    Num(Option<f64>, &'a str),
    /// A flag; `None` when it does not apply.
    Flag(Option<bool>),
    /// A code: system, code, display.
    Code(&'a str, &'a str, &'a str),
}

/// An Observation to write: its code, value, cutoff when it has one, and components.
type Observation<'a> = (&'a str, Val<'a>, Option<f64>, Vec<(&'a str, Val<'a>)>);

/// The bundle's text, written in place: one growing string and a few small
/// writers keep this part of the child's download small.
struct W(String);

impl W {
    fn s(&mut self, text: &str) -> &mut Self {
        self.0.push_str(text);
        self
    }

    /// A JSON string.
    fn q(&mut self, text: &str) -> &mut Self {
        json::string(&mut self.0, text);
        self
    }

    fn n(&mut self, v: f64) -> &mut Self {
        json::number(&mut self.0, v);
        self
    }

    /// A Coding, with its weight as an `ordinalValue` extension.
    fn coding(
        &mut self,
        system: &str,
        code: &str,
        display: &str,
        weight: Option<f64>,
    ) -> &mut Self {
        self.s("{");
        if let Some(w) = weight {
            self.s("\"extension\":[{\"url\":\"")
                .s(ORDINAL)
                .s("\",\"valueDecimal\":")
                .n(w)
                .s("}],");
        }
        self.s("\"system\":")
            .q(system)
            .s(",\"code\":")
            .q(code)
            .s(",\"display\":")
            .q(display)
            .s("}")
    }

    /// `{ "coding": [coding] }`.
    fn concept(&mut self, system: &str, code: &str, display: &str) -> &mut Self {
        self.s("{\"coding\":[")
            .coding(system, code, display, None)
            .s("]}")
    }

    /// A score's value: `valueQuantity` in `{score}`, `valueBoolean`,
    /// `valueCodeableConcept`, or a `dataAbsentReason` saying why there is none.
    fn val(&mut self, v: &Val) -> &mut Self {
        match *v {
            Val::Num(Some(n), _) => self.s("\"valueQuantity\":").quantity(n),
            Val::Flag(Some(b)) => self
                .s("\"valueBoolean\":")
                .s(if b { "true" } else { "false" }),
            Val::Code(system, code, display) => self
                .s("\"valueCodeableConcept\":")
                .concept(system, code, display),
            Val::Num(None, why) => self.absent(why),
            Val::Flag(None) => self.absent("not-applicable"),
        }
    }

    /// `"dataAbsentReason": …`, with the code system's words.
    fn absent(&mut self, why: &str) -> &mut Self {
        let words = match why {
            "asked-declined" => "Asked But Declined",
            "not-asked" => "Not Asked",
            _ => "Not Applicable",
        };
        self.s("\"dataAbsentReason\":")
            .concept(DAR_CODES, why, words)
    }

    /// Opens a transaction entry for resource `id` of `kind`: its `fullUrl`
    /// (for references inside the Bundle), then the resource, left open.
    fn entry(&mut self, kind: &str, id: &str) -> &mut Self {
        self.s("{\"fullUrl\":\"urn:uuid:")
            .s(id)
            .s("\",\"resource\":{\"resourceType\":\"")
            .s(kind)
            .s("\",\"id\":\"")
            .s(id)
            .s("\"")
    }

    /// Closes a transaction entry: the `PUT` that stores the resource at its id.
    fn request(&mut self, kind: &str, id: &str) -> &mut Self {
        self.s(",\"request\":{\"method\":\"PUT\",\"url\":\"")
            .s(kind)
            .s("/")
            .s(id)
            .s("\"}}")
    }

    /// Opens an Observation entry of Ally's score `code`: its status,
    /// category, code and subject.
    fn observation(
        &mut self,
        id: &str,
        scores_system: &str,
        code: &str,
        subject: Option<&str>,
    ) -> &mut Self {
        self.s(",")
            .entry("Observation", id)
            .s(",\"status\":\"final\",\"category\":[")
            .concept(
                "http://terminology.hl7.org/CodeSystem/observation-category",
                "survey",
                "Survey",
            )
            .s("],\"code\":")
            .concept(scores_system, code, score_words(code))
            .subject(subject)
    }

    /// `,"performer": …`: who answered an adult's form, when the portal named them.
    fn performer(&mut self, c: &Config) -> &mut Self {
        if let Some(a) = c.fhir_author.as_ref().filter(|_| cfg!(feature = "form")) {
            self.s(",\"performer\":[{\"reference\":").q(a).s("}]");
        }
        self
    }

    /// An Observation's time and the response it was derived from, then
    /// the comma before its value.
    fn when(&mut self, completed: &str, response_id: &str) -> &mut Self {
        self.s(",\"effectiveDateTime\":")
            .q(completed)
            .s(",\"derivedFrom\":[{\"reference\":\"urn:uuid:")
            .s(response_id)
            .s("\"}],")
    }

    /// `,"subject": …` when the portal named one.
    fn subject(&mut self, subject: Option<&str>) -> &mut Self {
        if let Some(s) = subject {
            self.s(",\"subject\":{\"reference\":").q(s).s("}");
        }
        self
    }

    fn quantity(&mut self, v: f64) -> &mut Self {
        self.s("{\"value\":").n(v).s(
            ",\"unit\":\"{score}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{score}\"}",
        )
    }
}

pub use super::hash::stable_id;

/// The FHIR R4 `Bundle` of a finished flow, as JSON text: a `transaction`
/// that a FHIR server takes as it is, whose entries (the
/// `QuestionnaireResponse`, then the `Observation`s) are each a `PUT` to an
/// id made from `seed` (see `Check::seed`), so posting it twice stores it once.
#[inline(never)]
pub fn bundle(check: &Check, scores: &scoring::Scores, base: &str, seed: &str) -> String {
    let c = &check.config;
    let (band, l) = (c.band(), c.locale);
    let completed = check.completed_at.as_deref().unwrap_or_default();
    let response_id = stable_id(seed, 2);
    let mut w = W(String::new());

    w.s("{\"resourceType\":\"Bundle\",\"id\":")
        .q(&stable_id(seed, 1))
        .s(",\"type\":\"transaction\",\"timestamp\":")
        .q(completed)
        .s(",\"entry\":[")
        .entry("QuestionnaireResponse", &response_id)
        .s(",\"questionnaire\":")
        .q(&format!(
            "{}|{VERSION}",
            questionnaire_url(base, band, c.mode, c.rater)
        ))
        .s(",\"status\":\"completed\"")
        .subject(c.fhir_subject.as_deref());
    // An adult's form: who answered it, as the portal names them.
    if let Some(a) = c.fhir_author.as_ref().filter(|_| cfg!(feature = "form")) {
        w.s(",\"author\":{\"reference\":")
            .q(a)
            .s("},\"source\":{\"reference\":")
            .q(a)
            .s("}");
    }
    w.s(",\"authored\":")
        .q(completed)
        .s(",\"language\":\"")
        .s(l.code())
        .s("\",\"item\":[");

    // The response: every prompt, with the words the child saw.
    for (i, p) in check.prompts.iter().enumerate() {
        // Never reached: naming goals ended before it.
        if check.answers[i].is_none() {
            continue;
        }
        if i > 0 {
            w.s(",");
        }
        w.s("{\"linkId\":")
            .q(p.id)
            .s(",\"text\":")
            .q(&check.text(i));
        let record = check.answers[i].as_ref().filter(|a| !a.skipped);
        let value = record.and_then(|a| a.value.as_ref());
        // A skip: no answer at all, and why. A goal the child set aside no
        // longer applies: no answer either, and that reason.
        let why = match value {
            None => "asked-declined",
            Some(AnswerValue::Text(t)) if p.input == Input::Progress && t == RETIRED => {
                "not-applicable"
            }
            Some(value) => {
                w.s(",\"answer\":[");
                answer(&mut w, check, p, value, base);
                w.s("]}");
                continue;
            }
        };
        w.s(",\"extension\":[{\"url\":\"")
            .s(DAR)
            .s("\",\"valueCode\":\"")
            .s(why)
            .s("\"}]}");
    }
    w.s("]}").request("QuestionnaireResponse", &response_id);
    observe(&mut w, check, scores, base, seed, &response_id);
    #[cfg(feature = "goals")]
    goals(&mut w, check, scores, base, &response_id);
    #[cfg(feature = "naming")]
    named(&mut w, check);
    w.s("]}");
    w.0
}

/// One answer of the response, as FHIR writes its kind: a coding with its
/// weight, an integer, feelings, or a drawing with its strokes.
fn answer(w: &mut W, check: &Check, p: &Prompt, value: &AnswerValue, base: &str) {
    let c = &check.config;
    let (band, l) = (c.band(), c.locale);
    let answers_system = system(base, "answer");
    // A drawing needs no pick: its SVG was made from its strokes already.
    let pick = match value {
        AnswerValue::Drawing(_) => None,
        _ => pick_of(c, p, value),
    };
    {
        match (pick, value) {
            (Some(Pick::Level(n)), _) => {
                w.s("{\"valueInteger\":").n(f64::from(n)).s("}");
            }
            // Next time: the choice's code, and the words the child saw
            // (which name the goal, when it is one).
            #[cfg(feature = "goals")]
            (Some(pick @ Pick::Choice(_)), AnswerValue::List(ids)) if p.input == Input::Plan => {
                let label = super::answer::value_of(c, p, &pick)
                    .map(|(_, t)| t)
                    .unwrap_or_default();
                w.s("{\"valueCoding\":")
                    .coding(&answers_system, &format!("plan-{}", ids[0]), &label, None)
                    .s("}");
            }
            // A goal, or what to do next time, in the child's own words; an
            // adult's note.
            #[cfg(any(feature = "goals", feature = "naming", feature = "form"))]
            (Some(Pick::Words(t)), _) => {
                w.s("{\"valueString\":").q(&t).s("}");
            }
            (Some(Pick::Feelings(ids)), _) => {
                let feelings_system = system(base, "feeling");
                for (k, id) in ids.iter().enumerate() {
                    let word = catalog::FEELINGS
                        .iter()
                        .find(|f| f.id == id)
                        .map_or("", |f| f.word.get(l));
                    w.s(if k > 0 {
                        ",{\"valueCoding\":"
                    } else {
                        "{\"valueCoding\":"
                    })
                    .coding(&feelings_system, id, word, None)
                    .s("}");
                }
            }
            (Some(Pick::Choice(n)), _) => {
                if let Some((code, weight, words)) = option(p, band, n) {
                    w.s("{\"valueCoding\":")
                        .coding(&answers_system, &code, words.get(l), weight)
                        .s("}");
                }
            }
            (_, AnswerValue::Drawing(d)) => {
                // The picture as SVG (made by Ally from the strokes), the strokes nested in it.
                let strokes = &d.strokes;
                let pad = strokes.bytes().rev().take_while(|b| *b == b'=').count();
                w.s("{\"valueAttachment\":{\"contentType\":\"image/svg+xml\",\"data\":\"")
                    .s(&strokes::base64_encode(d.svg.as_bytes()))
                    .s("\",\"size\":")
                    .n(d.svg.len() as f64)
                    .s("},\"item\":[{\"linkId\":")
                    .q(&format!("{}.strokes", p.id))
                    .s(",\"answer\":[{\"valueAttachment\":{\"contentType\":\"")
                    .s(STROKES_TYPE)
                    .s("\",\"title\":\"")
                    .s(strokes::FORMAT)
                    .s("\",\"data\":")
                    .q(strokes)
                    .s(",\"size\":")
                    .n((strokes.len() / 4 * 3).saturating_sub(pad) as f64)
                    .s("}}]}]}");
            }
            _ => {}
        }
    }
}

/// The scores' Observations, for flowsheets and trends: each one's value,
/// its cutoff when it has one, and its components.
fn observe(
    w: &mut W,
    check: &Check,
    scores: &scoring::Scores,
    base: &str,
    seed: &str,
    response_id: &str,
) {
    // Naming goals scores nothing: its Goals are the record.
    if check.config.mode == Mode::Goals {
        return;
    }
    let c = &check.config;
    let completed = check.completed_at.as_deref().unwrap_or_default();
    let scores_system = system(base, "score");
    let prompts_system = system(base, "prompt");
    let f = &scores.flags;
    let why = |asked: bool| if asked { "asked-declined" } else { "not-asked" };
    // Whether a prompt of this construct was asked (for the alliance, a core
    // item): a score it lacks was then declined, not missing.
    let asked = |construct, core: bool| {
        check
            .prompts
            .iter()
            .any(|p| p.construct == construct && (!core || scoring::is_core(p)))
    };
    let mut observations: Vec<Observation> = Vec::new();
    match &scores.alliance {
        None => {
            for (code, v, construct) in [
                ("mood", scores.mood, Construct::Mood),
                ("intensity", scores.intensity, Construct::Intensity),
            ] {
                observations.push((
                    code,
                    Val::Num(v, why(asked(construct, false))),
                    None,
                    vec![],
                ));
            }
        }
        Some(a) => {
            let mut parts = vec![
                // Without a total there is nothing to be below the cutoff: not "false".
                ("low-alliance", Val::Flag(a.total.map(|_| f.low_alliance))),
                ("bond", Val::Num(a.bond, why(asked(Construct::Bond, true)))),
                (
                    "goals",
                    Val::Num(a.goals, why(asked(Construct::Goals, true))),
                ),
                (
                    "tasks",
                    Val::Num(a.tasks, why(asked(Construct::Tasks, true))),
                ),
                (
                    "overall",
                    Val::Num(a.overall, why(asked(Construct::Overall, true))),
                ),
                ("change", Val::Num(a.change, "not-applicable")),
                ("drop", Val::Flag(f.drop)),
            ];
            for (code, list) in [
                ("discuss", &f.discuss),
                ("low", &f.low),
                ("skipped", &f.skipped),
            ] {
                for id in list.iter() {
                    parts.push((code, Val::Code(&prompts_system, id, id)));
                }
            }
            for (code, list) in [
                ("disagree", &f.disagree),
                ("agreed-both-ways", &f.agreed_both_ways),
            ] {
                for construct in list.iter() {
                    parts.push((
                        code,
                        Val::Code(&scores_system, construct, score_words(construct)),
                    ));
                }
            }
            // 3–5 has no total: there is no cutoff to read it against.
            let preschool = !c.has_total();
            observations.push((
                "alliance-total",
                Val::Num(
                    a.total,
                    if preschool {
                        "not-applicable"
                    } else {
                        "asked-declined"
                    },
                ),
                (!preschool).then_some(a.cutoffs.total),
                parts,
            ));
        }
    }
    // A caregiver's view of how the child has been: the overall rating,
    // with the places beside it.
    if let Some(wb) = scores.wellbeing.as_ref().filter(|_| cfg!(feature = "form")) {
        observations.push((
            "wellbeing",
            Val::Num(wb.overall, "asked-declined"),
            None,
            vec![
                ("home", Val::Num(wb.home, "asked-declined")),
                ("school", Val::Num(wb.school, "asked-declined")),
                ("peers", Val::Num(wb.peers, "asked-declined")),
            ],
        ));
    }
    // Each concern on its own: what the helper should notice at once.
    for c in &f.concern {
        observations.push((
            "concern",
            Val::Code(&scores_system, c.reason, score_words(c.reason)),
            None,
            vec![],
        ));
    }
    for (n, (code, value, cutoff, parts)) in observations.iter().enumerate() {
        let id = stable_id(seed, n as u8 + 3);
        w.observation(
            &id,
            &scores_system,
            &rated(c, code),
            c.fhir_subject.as_deref(),
        )
        .performer(c)
        .when(completed, response_id)
        .val(value);
        if let Some(cutoff) = cutoff {
            if f.low_alliance {
                w.s(",\"interpretation\":[")
                    .concept(
                        "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                        "L",
                        "Low",
                    )
                    .s("]");
            }
            w.s(",\"referenceRange\":[{\"low\":")
                .quantity(*cutoff)
                .s("}]");
        }
        if !parts.is_empty() {
            w.s(",\"component\":[");
            for (i, (code, value)) in parts.iter().enumerate() {
                w.s(if i > 0 { ",{\"code\":" } else { "{\"code\":" })
                    .concept(&scores_system, code, score_words(code))
                    .s(",")
                    .val(value)
                    .s("}");
            }
            w.s("]");
        }
        w.s("}").request("Observation", &id);
    }
}

/// The id of the child's goal `goal` (the portal's id) for `subject`: the
/// same in every session, so each check's `PUT` updates the one Goal.
pub fn goal_id(subject: &str, goal: &str) -> String {
    stable_id(&format!("goal|{subject}|{goal}"), 0)
}

/// A `Goal` in the child's words, as said last: its status, and how its
/// rating moved (`change`) when it compares with the last.
#[cfg(any(feature = "goals", feature = "naming"))]
fn goal_resource(w: &mut W, goal: &Goal, subject: &str, status: &str, change: Option<f64>) {
    let id = goal_id(subject, &goal.id);
    w.s(",")
        .entry("Goal", &id)
        .s(",\"lifecycleStatus\":\"")
        .s(status)
        .s("\"");
    if let Some(change) = change {
        let (code, words) = match change {
            x if x > 0.0 => ("improving", "Improving"),
            x if x < 0.0 => ("worsening", "Worsening"),
            _ => ("no-change", "No Change"),
        };
        w.s(",\"achievementStatus\":").concept(
            "http://terminology.hl7.org/CodeSystem/goal-achievement",
            code,
            words,
        );
    }
    w.s(",\"description\":{\"text\":")
        .q(&goal.text)
        .s("}")
        .subject(Some(subject));
    if let Some(at) = &goal.set_at {
        w.s(",\"startDate\":").q(at.get(..10).unwrap_or(at));
    }
    w.s(",\"expressedBy\":{\"reference\":")
        .q(subject)
        .s("}}")
        .request("Goal", &id);
}

/// The goals just named: each one a `Goal`, active from today (only with
/// a `fhirSubject`: a Goal must name whose it is).
#[cfg(feature = "naming")]
fn named(w: &mut W, check: &Check) {
    if let Some(s) = check.config.fhir_subject.as_deref() {
        for goal in check.named_goals() {
            goal_resource(w, &goal, s, "active", None);
        }
    }
}

/// Each goal rated: a `Goal` in the child's words (only with a
/// `fhirSubject`: a Goal must name whose it is), and an `Observation` of
/// its rating whose `focus` is that Goal.
#[cfg(feature = "goals")]
fn goals(w: &mut W, check: &Check, scores: &scoring::Scores, base: &str, response_id: &str) {
    let c = &check.config;
    let completed = check.completed_at.as_deref().unwrap_or_default();
    let scores_system = system(base, "score");
    let subject = c.fhir_subject.as_deref();
    for g in &scores.goals {
        let Some(goal) = c.goals.iter().find(|x| x.id == g.id) else {
            continue;
        };
        let focus = subject.map(|s| goal_id(s, &g.id));
        // An adult rates the child's Goal: it stays as the child said it.
        let form = c.mode == Mode::Form;
        if let (Some(s), false) = (subject, form) {
            // What the child said last: set aside, or still theirs.
            let status = if g.retired { "cancelled" } else { "active" };
            goal_resource(w, goal, s, status, g.change);
        }
        let id = stable_id(&format!("{response_id}|{}", g.id), 0);
        w.observation(&id, &scores_system, &rated(c, "goal-progress"), subject)
            .performer(c);
        // The Goal in this Bundle, or (on a form) the one already stored.
        match (&focus, form) {
            (Some(f), false) => w.s(",\"focus\":[{\"reference\":\"urn:uuid:").s(f).s("\"}]"),
            (Some(f), true) => w.s(",\"focus\":[{\"reference\":\"Goal/").s(f).s("\"}]"),
            (None, _) => w,
        };
        w.when(completed, response_id);
        match g.progress {
            Some(v) => w.s("\"valueInteger\":").n(v),
            None if g.retired => w.absent("not-applicable"),
            None => w.absent("asked-declined"),
        };
        w.s(",\"component\":[{\"code\":")
            .concept(&scores_system, "change", score_words("change"))
            .s(",")
            .val(&Val::Num(g.change, "not-applicable"))
            .s("},{\"code\":")
            .concept(&scores_system, "goal-drop", score_words("goal-drop"))
            .s(",")
            .val(&Val::Flag(
                g.change.map(|_| scores.flags.goal_drop.contains(&g.id)),
            ))
            .s("},{\"code\":")
            .concept(&scores_system, "goal-retired", score_words("goal-retired"))
            .s(",\"valueBoolean\":")
            .s(if g.retired { "true" } else { "false" })
            .s("}]}")
            .request("Observation", &id);
    }
}
