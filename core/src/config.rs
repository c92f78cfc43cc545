//! Settings from the host page, validated into a [`Config`].
//!
//! Errors name the field and say what was expected, so a portal developer can
//! fix a bad `init` from the error event alone.

use serde_json::{Map, Value};
use std::fmt;

/// The longest name (in characters) accepted for `childName` and `helperName`.
pub const MAX_NAME_CHARS: usize = 40;
/// The longest `whoSees` line, in characters.
pub const MAX_LINE_CHARS: usize = 160;

pub use super::words::{Article, Locale};

/// Which check the child does: at the start of a session or at its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Checkin,
    Checkout,
    /// The child names their goals, with the helper beside them (the `goals` feature).
    Goals,
    /// A caregiver's or the therapist's own view (`rater`), in its own page,
    /// `form.html` (the `form` feature).
    Form,
}

impl Mode {
    pub fn code(self) -> &'static str {
        match self {
            Mode::Checkin => "checkin",
            Mode::Checkout => "checkout",
            Mode::Goals => "goals",
            Mode::Form => "form",
        }
    }
}

/// Whose view a result gives: the child's (the widget), or an adult's on a
/// form (`rater`): never averaged together, only set side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rater {
    Child,
    /// A parent or carer.
    Caregiver,
    Therapist,
}

impl Rater {
    pub const ALL: [Rater; 3] = [Rater::Child, Rater::Caregiver, Rater::Therapist];

    pub fn code(self) -> &'static str {
        match self {
            Rater::Child => "child",
            Rater::Caregiver => "caregiver",
            Rater::Therapist => "therapist",
        }
    }
}

/// The longest note a caregiver may leave for the therapist, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

pub use super::bands::{AgeBand, Cutoffs, HelpControl, ReadAloud, BANDS};

/// When a check-in's answers together raise a concern (see
/// `scoring::concerns`): a mood at or below `mood` with the strongest
/// feeling at or above `intensity`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConcernCutoffs {
    /// `concernMood` (0–10, default 0: the lowest face of every band).
    pub mood: f64,
    /// `concernIntensity` (0–10, default 8: "big", or 8 on the line).
    pub intensity: f64,
}

impl Default for ConcernCutoffs {
    fn default() -> Self {
        ConcernCutoffs {
            mood: 0.0,
            intensity: 8.0,
        }
    }
}

/// A place to turn to that the portal names on the help screen (Ally ships
/// none: it can't know the country). At least one of `phone` and `text`.
#[derive(Clone, Debug, PartialEq)]
pub struct HelpLine {
    pub label: String,
    pub phone: Option<String>,
    pub text: Option<String>,
}

/// The most `helpLines` a portal may give.
pub const MAX_HELP_LINES: usize = 4;

/// The most goals a child works on at once (`goals`).
pub const MAX_GOALS: usize = 3;
/// The longest goal, in characters.
pub const MAX_GOAL_CHARS: usize = 120;

/// One of the child's goals, in their own words, as the portal keeps it
/// between sessions.
#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    /// The portal's id for it: 1–64 letters, digits, `-` and `.`, unique
    /// among the goals. A goal's ratings are compared only with its own.
    pub id: String,
    /// The child's words: plain text, at most [`MAX_GOAL_CHARS`] characters.
    pub text: String,
    /// When it was set (`setAt`, a date and time), if the portal says.
    pub set_at: Option<String>,
    /// The starter picture the child chose it by (3–8), if any.
    pub picture: Option<String>,
    /// What the child drew of it when naming it (3–8), if they did: 3–8
    /// see it beside its rating.
    pub drawing: Option<super::strokes::DrawingValue>,
}

impl super::json::Json for Goal {
    fn json(&self, out: &mut String) {
        super::json::Obj::new(out)
            .field("id", &self.id)
            .field("text", &self.text)
            .some(
                "picture",
                self.picture.as_ref().map(|t| t as &dyn super::json::Json),
            )
            .some(
                "drawing",
                self.drawing.as_ref().map(|d| d as &dyn super::json::Json),
            )
            .some(
                "setAt",
                self.set_at.as_ref().map(|t| t as &dyn super::json::Json),
            )
            .end();
    }
}

/// The pictures a goal can be named by: the starters' ids, in order
/// (`catalog::STARTERS`). A goal keeps its picture (`goals[].picture`),
/// and 3–8 see it beside its rating.
pub const PICTURES: [&str; 7] = [
    "friends", "sleep", "home", "anger", "school", "worry", "myself",
];

/// When the child rates their goals (`goalsAt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalsAt {
    Checkin,
    Checkout,
    Both,
}

/// A goal's last rating, to compare with (`previousGoals`): only the same
/// goal, rated on the same band's scale, compares.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviousGoal {
    pub id: String,
    /// 0–10; `None` when it was skipped or set aside.
    pub progress: Option<f64>,
    pub band: AgeBand,
}

/// A fall in a goal's rating that is more than the noise of rating it
/// twice: the reliable change of 0–10 goal ratings (README, "Scores").
pub const GOAL_DROP: f64 = 2.82;

/// The last check-out's alliance, to notice a drop: a total only means
/// something beside another from the same band and items.
#[derive(Clone, Debug, PartialEq)]
pub struct Previous {
    pub total: Option<f64>,
    pub band: AgeBand,
    pub items: Vec<String>,
}

/// The modes a portal may ask for: naming goals in `goals.html` only, the
/// adults' forms in `form.html` only (the report reads every one).
#[cfg(all(feature = "naming", feature = "form"))]
const MODES: &[(&str, Mode)] = &[
    ("checkin", Mode::Checkin),
    ("checkout", Mode::Checkout),
    ("goals", Mode::Goals),
    ("form", Mode::Form),
];
#[cfg(all(feature = "naming", not(feature = "form")))]
const MODES: &[(&str, Mode)] = &[
    ("checkin", Mode::Checkin),
    ("checkout", Mode::Checkout),
    ("goals", Mode::Goals),
];
#[cfg(all(not(feature = "naming"), feature = "form"))]
const MODES: &[(&str, Mode)] = &[
    ("checkin", Mode::Checkin),
    ("checkout", Mode::Checkout),
    ("form", Mode::Form),
];
#[cfg(not(any(feature = "naming", feature = "form")))]
const MODES: &[(&str, Mode)] = &[("checkin", Mode::Checkin), ("checkout", Mode::Checkout)];

/// A validated configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub age: u8,
    pub locale: Locale,
    pub mode: Mode,
    /// `rater`: whose view this is; the child's unless `mode` is `form`.
    pub rater: Rater,
    /// `fhirAuthor`: who answered a form, `RelatedPerson/…` (a caregiver) or
    /// `Practitioner/…` or `PractitionerRole/…` (the therapist).
    pub fhir_author: Option<String>,
    pub child_name: Option<String>,
    pub helper_name: Option<String>,
    pub helper_article: Option<Article>,
    /// The portal's own "who sees your answers" line, replacing the default.
    pub who_sees: Option<String>,
    pub read_aloud: ReadAloud,
    pub cutoffs: Cutoffs,
    pub previous: Option<Previous>,
    /// `fhir`: add a FHIR R4 Bundle to the result.
    pub fhir: bool,
    /// `fhirSubject`: who the FHIR resources are about, e.g. `Patient/123`.
    pub fhir_subject: Option<String>,
    /// `concernMood`, `concernIntensity`.
    pub concern: ConcernCutoffs,
    /// `helpButton`: the quiet "I'd like to talk to someone now" control.
    /// On by default from 9; a portal may turn it on at 6–8; never at 3–5,
    /// where a grown-up is always beside the child.
    pub help_button: bool,
    /// `helpLines`: where else to turn, shown on the help screen.
    pub help_lines: Vec<HelpLine>,
    /// `liveView`: the portal shows the answers to the helper as they come,
    /// and the welcome says so.
    pub live_view: bool,
    /// `goals`: the child's goals, to rate (the `goals` feature).
    pub goals: Vec<Goal>,
    /// `goalsAt`: at check-in (the default), check-out or both.
    pub goals_at: GoalsAt,
    /// `previousGoals`: each goal's last rating.
    pub previous_goals: Vec<PreviousGoal>,
    /// `goalDropThreshold`: a fall at least this big is flagged (default [`GOAL_DROP`]).
    pub goal_drop: f64,
    /// `nextTime`: a check-out asks what the child would like to do next
    /// time. On when the portal passes goals, unless it says otherwise.
    pub next_time: bool,
}

impl Config {
    pub fn band(&self) -> AgeBand {
        // `parse` only accepts ages that have a band.
        AgeBand::from_age(self.age).unwrap_or(AgeBand::Teen)
    }

    /// How many of its goals the child rates in this check: all of them
    /// when `goalsAt` names this mode, else none.
    pub fn goals_rated(&self) -> usize {
        let here = match (self.goals_at, self.mode) {
            // An adult's form rates every goal.
            (GoalsAt::Both, _) | (_, Mode::Form) => true,
            (GoalsAt::Checkin, m) => m == Mode::Checkin,
            (GoalsAt::Checkout, m) => m == Mode::Checkout,
        };
        if here {
            self.goals.len()
        } else {
            0
        }
    }

    /// Whether the alliance has a total: not at 3–5, where two or three
    /// faces can't tell levels apart; always on an adult's form, rated on
    /// the 0–10 line.
    pub fn has_total(&self) -> bool {
        self.band().profile().total || self.mode == Mode::Form
    }

    /// Whether this check asks what the child would like to do next time:
    /// a check-out with `nextTime`.
    pub fn plan_asked(&self) -> bool {
        self.next_time && self.mode == Mode::Checkout
    }

    /// How many of its goals this check names in its result: those it
    /// rates, or all of them when "next time" offers them.
    pub fn goals_shown(&self) -> usize {
        if self.plan_asked() {
            self.goals.len()
        } else {
            self.goals_rated()
        }
    }

    /// Who the child's answers go to, as the words name them in a sentence:
    /// the configured name (with its article in Spanish), or "the person
    /// helping you".
    pub fn helper(&self, someone: &str) -> String {
        match &self.helper_name {
            None => someone.to_string(),
            Some(n) => super::words::titled(self.locale, n, self.helper_article),
        }
    }
}

/// A configuration the widget cannot use: which field, and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub field: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

fn err(field: &str, expected: &str, got: Option<&Value>) -> ConfigError {
    let message = match got {
        Some(v) => format!("{expected}, got {}", shown(v)),
        None => format!("{expected}, but it is missing"),
    };
    ConfigError {
        field: field.to_string(),
        message,
    }
}

/// A short rendition of a bad value for an error message.
fn shown(v: &Value) -> String {
    let mut s = super::json::to_string(v);
    if s.chars().count() > 40 {
        s = s.chars().take(37).collect::<String>() + "...";
    }
    s
}

/// Validates the host's `config` object.
///
/// Unknown keys are ignored so that a newer host can talk to an older widget.
pub fn parse(value: &Value) -> Result<Config, ConfigError> {
    let obj = value
        .as_object()
        .ok_or_else(|| err("config", "must be an object", Some(value)))?;
    let age = age(obj)?;
    let band = AgeBand::from_age(age).unwrap_or(AgeBand::Teen).profile();
    let read_aloud_default = band.read_aloud;
    let d = band.cutoffs;
    let cut = |field, range, words, default| {
        number(obj, field, range, words).map(|n| n.unwrap_or(default))
    };
    Config {
        age,
        locale: choice(obj, "locale", &Locale::ALL.map(|l| (l.code(), l)))?.unwrap_or(Locale::En),
        mode: choice(obj, "mode", MODES)?.unwrap_or(Mode::Checkin),
        rater: Rater::Child,
        fhir_author: None,
        child_name: text(obj, "childName", MAX_NAME_CHARS)?,
        helper_name: text(obj, "helperName", MAX_NAME_CHARS)?,
        helper_article: choice(
            obj,
            "helperArticle",
            &[("el", Article::El), ("la", Article::La)],
        )?,
        who_sees: text(obj, "whoSees", MAX_LINE_CHARS)?,
        read_aloud: choice(
            obj,
            "readAloud",
            &[
                ("auto", ReadAloud::Auto),
                ("button", ReadAloud::Button),
                ("off", ReadAloud::Off),
            ],
        )?
        .unwrap_or(read_aloud_default),
        cutoffs: Cutoffs {
            total: cut("allianceCutoff", 0.0..=40.0, "from 0 to 40", d.total)?,
            item: cut("itemCutoff", 0.0..=10.0, "from 0 to 10", d.item)?,
            low_item: cut("lowItemCutoff", 0.0..=10.0, "from 0 to 10", d.low_item)?,
            agree: cut("agreeCutoff", 1.0..=4.0, "from 1 to 4", d.agree)?,
            drop: cut("dropThreshold", 0.1..=40.0, "from 0.1 to 40", d.drop)?,
        },
        previous: previous(obj)?,
        fhir: flag(obj, "fhir")?,
        fhir_subject: subject(obj)?,
        concern: ConcernCutoffs::default(),
        help_button: false,
        help_lines: vec![],
        live_view: false,
        goals: vec![],
        goals_at: GoalsAt::Checkin,
        previous_goals: vec![],
        goal_drop: GOAL_DROP,
        next_time: false,
    }
    .with_safety(obj, band.help)?
    .with_goals(obj)?
    .with_rater(obj)
}

impl Config {
    /// A form's rater and author: `rater` is `"caregiver"` or `"therapist"`
    /// on a form and the child's elsewhere; `fhirAuthor` names them in FHIR.
    /// An adult rates on the 0–10 line at every age: the line's cutoffs
    /// (those of 9–17) are their defaults.
    fn with_rater(mut self, obj: &Map<String, Value>) -> Result<Config, ConfigError> {
        // The child's pages: only the child rates there.
        if !cfg!(feature = "form") {
            return match obj.get("rater") {
                None | Some(Value::Null) => Ok(self),
                Some(v) if v.as_str() == Some("child") => Ok(self),
                other => Err(err("rater", ADULT_ON_A_FORM, other)),
            };
        }
        let rater = choice(obj, "rater", &Rater::ALL.map(|r| (r.code(), r)))?;
        self.rater = match (self.mode, rater) {
            (Mode::Form, Some(Rater::Child) | None) => {
                return Err(err(
                    "rater",
                    "must be \"caregiver\" or \"therapist\" on a form",
                    obj.get("rater"),
                ))
            }
            (Mode::Form, Some(r)) => r,
            (_, None | Some(Rater::Child)) => Rater::Child,
            (_, Some(_)) => return Err(err("rater", ADULT_ON_A_FORM, obj.get("rater"))),
        };
        if self.mode == Mode::Form {
            let line = AgeBand::Teen.profile().cutoffs;
            let given = |k: &str| obj.get(k).is_some_and(|v| !v.is_null());
            let c = &mut self.cutoffs;
            if !given("itemCutoff") {
                c.item = line.item;
            }
            if !given("lowItemCutoff") {
                c.low_item = line.low_item;
            }
        }
        self.fhir_author = match obj.get("fhirAuthor").filter(|v| !v.is_null()) {
            None => None,
            Some(v) => {
                let kinds: &[&str] = match self.rater {
                    Rater::Caregiver => &["RelatedPerson"],
                    Rater::Therapist => &["Practitioner", "PractitionerRole"],
                    Rater::Child => &[],
                };
                match reference(v) {
                    Some((kind, r)) if kinds.contains(&kind) => Some(r.to_string()),
                    _ => {
                        let why = match self.rater {
                            Rater::Caregiver => "must be a FHIR reference such as \"RelatedPerson/7\"",
                            Rater::Therapist => "must be a FHIR reference such as \"Practitioner/7\" or \"PractitionerRole/7\"",
                            Rater::Child => "is for a form's rater: the child is fhirSubject",
                        };
                        return Err(err("fhirAuthor", why, Some(v)));
                    }
                }
            }
        };
        Ok(self)
    }
}

impl Config {
    /// The safety path's settings: `concernMood`, `concernIntensity`,
    /// `helpButton`, `helpLines` and `liveView` (left at their defaults in a
    /// build without the feature).
    fn with_safety(
        mut self,
        obj: &Map<String, Value>,
        help: HelpControl,
    ) -> Result<Config, ConfigError> {
        if !cfg!(feature = "safety") {
            return Ok(self);
        }
        let d = ConcernCutoffs::default();
        self.concern = ConcernCutoffs {
            mood: number(obj, "concernMood", 0.0..=10.0, "from 0 to 10")?.unwrap_or(d.mood),
            intensity: number(obj, "concernIntensity", 0.0..=10.0, "from 0 to 10")?
                .unwrap_or(d.intensity),
        };
        self.help_button = match obj.get("helpButton") {
            None | Some(Value::Null) => help == HelpControl::ByDefault,
            Some(Value::Bool(true)) if help == HelpControl::Never => {
                return Err(err(
                    "helpButton",
                    "is offered from age 6: at 3-5 a grown-up is always beside the child",
                    obj.get("helpButton"),
                ))
            }
            Some(Value::Bool(b)) => *b,
            other => return Err(err("helpButton", "must be true or false", other)),
        };
        self.help_lines = help_lines(obj)?;
        self.live_view = flag(obj, "liveView")?;
        Ok(self)
    }
}

impl Config {
    /// The child's goals and when they are rated: `goals`, `goalsAt` (left
    /// at their defaults in a build without the feature).
    fn with_goals(mut self, obj: &Map<String, Value>) -> Result<Config, ConfigError> {
        // Naming goals reads `goals` too: the ids of the goals it names again.
        if !cfg!(any(feature = "goals", feature = "naming")) {
            return Ok(self);
        }
        self.goals = goals(obj)?;
        if !cfg!(feature = "goals") {
            return Ok(self);
        }
        self.goals_at = choice(
            obj,
            "goalsAt",
            &[
                ("checkin", GoalsAt::Checkin),
                ("checkout", GoalsAt::Checkout),
                ("both", GoalsAt::Both),
            ],
        )?
        .unwrap_or(GoalsAt::Checkin);
        self.previous_goals = previous_goals(obj)?;
        self.goal_drop =
            number(obj, "goalDropThreshold", 0.1..=10.0, "from 0.1 to 10")?.unwrap_or(GOAL_DROP);
        self.next_time = match obj.get("nextTime") {
            None | Some(Value::Null) => !self.goals.is_empty(),
            _ => flag(obj, "nextTime")?,
        };
        Ok(self)
    }
}

/// `previousGoals`: the last result that rated the goals, or
/// `{ ageBand, goals: [{ id, progress }] }` taken from it.
fn previous_goals(obj: &Map<String, Value>) -> Result<Vec<PreviousGoal>, ConfigError> {
    const FIELD: &str = "previousGoals";
    let Some(v) = obj.get(FIELD).filter(|v| !v.is_null()) else {
        return Ok(vec![]);
    };
    let bad = || {
        err(
            FIELD,
            "must be the last result that rated the goals, or { ageBand, goals: [{ id, progress }] } from it",
            Some(v),
        )
    };
    if !same_rater(obj, v) {
        return Err(err(FIELD, OTHER_RATER, v.get("rater")));
    }
    // A result document keeps its ratings in its scores.
    let list = match v.get("schema") {
        Some(_) => v.get("scores").and_then(|s| s.get("goals")),
        None => v.get("goals"),
    };
    let band = v
        .get("ageBand")
        .and_then(Value::as_str)
        .and_then(AgeBand::from_code)
        .ok_or_else(bad)?;
    let list = list
        .and_then(Value::as_array)
        .filter(|l| l.len() <= MAX_GOALS)
        .ok_or_else(bad)?;
    list.iter()
        .map(|g| {
            let id = g
                .get("id")
                .and_then(Value::as_str)
                .filter(|id| is_id(id.as_bytes()));
            let progress = match g.get("progress") {
                None | Some(Value::Null) => Some(None),
                Some(p) => p.as_f64().filter(|p| (0.0..=10.0).contains(p)).map(Some),
            };
            Some(PreviousGoal {
                id: id?.to_string(),
                progress: progress?,
                band,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(bad)
}

/// An adult's `rater` given to the child's check.
const ADULT_ON_A_FORM: &str = "names an adult only on a form (mode \"form\")";

/// A previous result of another rater's.
const OTHER_RATER: &str = "must be a result of the same rater: ratings compare like with like";

/// Whether result `doc` (or what was taken from it) is of the rater `obj`
/// configures: a result without `rater` is the child's.
fn same_rater(obj: &Map<String, Value>, doc: &Value) -> bool {
    fn of(v: Option<&Value>) -> &str {
        v.and_then(Value::as_str).unwrap_or("child")
    }
    of(obj.get("rater")) == of(doc.get("rater"))
}

/// `goals`: up to three `{ id, text }`, each error naming its place
/// (`goals[1].text`).
fn goals(obj: &Map<String, Value>) -> Result<Vec<Goal>, ConfigError> {
    let mut out: Vec<Goal> = Vec::new();
    for (place, o, _) in objects(obj, "goals", MAX_GOALS, "{ id, text }")? {
        let id_field = format!("{place}.id");
        let id = match o.get("id").and_then(Value::as_str) {
            Some(id) if is_id(id.as_bytes()) => id,
            _ => {
                return Err(err(
                    &id_field,
                    "must be 1 to 64 letters, digits, - and .",
                    o.get("id"),
                ))
            }
        };
        if let Some(j) = out.iter().position(|g| g.id == id) {
            let why = format!("must be unique among the goals: goals[{j}] has it too");
            return Err(err(&id_field, &why, o.get("id")));
        }
        let Some(text) = part(o, &place, "text", MAX_GOAL_CHARS)? else {
            return Err(err(
                &format!("{place}.text"),
                "must be the child's words, not empty",
                o.get("text"),
            ));
        };
        let set_at = match o.get("setAt") {
            None | Some(Value::Null) => None,
            Some(Value::String(t)) if super::time::is_timestamp(t) => Some(t.clone()),
            other => {
                let field = format!("{place}.setAt");
                return Err(err(
                    &field,
                    "must be a date and time such as \"2026-12-01T10:00:00Z\"",
                    other,
                ));
            }
        };
        let picture = match o.get("picture") {
            None | Some(Value::Null) => None,
            Some(Value::String(p)) if PICTURES.contains(&p.as_str()) => Some(p.clone()),
            other => {
                let names: Vec<String> = PICTURES.iter().map(|p| format!("\"{p}\"")).collect();
                let why = format!("must be one of {}", names.join(", "));
                return Err(err(&format!("{place}.picture"), &why, other));
            }
        };
        // A drawing comes back as naming gave it; its SVG is made again here.
        let drawing = match o.get("drawing") {
            None | Some(Value::Null) => None,
            Some(d) => {
                let strokes = d
                    .get("format")
                    .filter(|f| *f == super::strokes::FORMAT)
                    .and(d.get("strokes"))
                    .and_then(Value::as_str);
                let Some(drawing) = strokes.and_then(super::strokes::DrawingValue::of) else {
                    let why = "must be { format: \"ally.strokes/1\", strokes } from naming";
                    return Err(err(&format!("{place}.drawing"), why, Some(d)));
                };
                Some(drawing)
            }
        };
        out.push(Goal {
            id: id.to_string(),
            text,
            set_at,
            picture,
            drawing,
        });
    }
    Ok(out)
}

/// A list of at most `max` objects under `field`, each with its place for
/// field-precise errors (`helpLines[1]`) and its value; `shape` says what
/// each one holds.
fn objects<'a>(
    obj: &'a Map<String, Value>,
    field: &str,
    max: usize,
    shape: &str,
) -> Result<Vec<(String, &'a Map<String, Value>, &'a Value)>, ConfigError> {
    let list = match obj.get(field) {
        None | Some(Value::Null) => return Ok(vec![]),
        Some(Value::Array(l)) if l.len() <= max => l,
        other => {
            let why = format!("must be a list of at most {max} {shape}");
            return Err(err(field, &why, other));
        }
    };
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let place = format!("{field}[{i}]");
        let Some(o) = v.as_object() else {
            return Err(err(&place, &format!("must be an object {shape}"), Some(v)));
        };
        out.push((place, o, v));
    }
    Ok(out)
}

/// [`text`] for a part of a listed object, its error naming its place
/// (`helpLines[0].phone`).
fn part(
    o: &Map<String, Value>,
    place: &str,
    key: &str,
    max: usize,
) -> Result<Option<String>, ConfigError> {
    text(o, key, max).map_err(|e| ConfigError {
        field: format!("{place}.{key}"),
        ..e
    })
}

/// A FHIR id: 1–64 letters, digits, `-` and `.`.
fn is_id(id: &[u8]) -> bool {
    (1..=64).contains(&id.len())
        && id
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'.')
}

fn flag(obj: &Map<String, Value>, field: &str) -> Result<bool, ConfigError> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        other => Err(err(field, "must be true or false", other)),
    }
}

/// `helpLines`: up to four `{ label, phone?, text? }`.
fn help_lines(obj: &Map<String, Value>) -> Result<Vec<HelpLine>, ConfigError> {
    let mut out = Vec::new();
    let shape = "{ label, phone?, text? }";
    for (place, o, v) in objects(obj, "helpLines", MAX_HELP_LINES, shape)? {
        let (label, phone, text) = (
            part(o, &place, "label", MAX_NAME_CHARS)?,
            part(o, &place, "phone", 32)?,
            part(o, &place, "text", MAX_LINE_CHARS)?,
        );
        let Some(label) = label else {
            return Err(err(&format!("{place}.label"), "must be plain text", None));
        };
        if phone.is_none() && text.is_none() {
            let why = "needs a phone or a text beside its label";
            return Err(err(&place, why, Some(v)));
        }
        out.push(HelpLine { label, phone, text });
    }
    Ok(out)
}

/// `fhirSubject`: a relative FHIR reference, `Type/id`.
fn subject(obj: &Map<String, Value>) -> Result<Option<String>, ConfigError> {
    let Some(v) = obj.get("fhirSubject").filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    match reference(v) {
        Some((_, s)) => Ok(Some(s.to_string())),
        None => Err(err(
            "fhirSubject",
            "must be a FHIR reference such as \"Patient/123\"",
            Some(v),
        )),
    }
}

/// A relative FHIR reference, `Type/id`: a resource type (a capital, then
/// letters) and an id of 1–64 letters, digits, `-` and `.`, as FHIR's
/// reference format says. Its type, and the whole.
fn reference(v: &Value) -> Option<(&str, &str)> {
    let s = v.as_str()?;
    let b = s.as_bytes();
    let slash = b.iter().position(|&c| c == b'/').filter(|&p| p > 0)?;
    let (kind, id) = (&b[..slash], &b[slash + 1..]);
    (b[0].is_ascii_uppercase() && kind.iter().all(u8::is_ascii_alphabetic) && is_id(id))
        .then(|| (&s[..slash], s))
}

/// `previousAlliance`: the last check-out's result document, or
/// `{ total, ageBand, items }` taken from it.
fn previous(obj: &Map<String, Value>) -> Result<Option<Previous>, ConfigError> {
    const FIELD: &str = "previousAlliance";
    let Some(v) = obj.get(FIELD).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let bad = || {
        err(
            FIELD,
            "must be the last check-out's result, or { total, ageBand, items } from it",
            Some(v),
        )
    };
    if !same_rater(obj, v) {
        return Err(err(FIELD, OTHER_RATER, v.get("rater")));
    }
    // A result document carries its band beside the scores; only one of
    // the same check and rater compares.
    let form = obj.get("mode").and_then(Value::as_str) == Some("form");
    let mode = if form { "form" } else { "checkout" };
    let (band, alliance) = match v.get("schema") {
        Some(_) if v.get("mode").and_then(Value::as_str) == Some(mode) && same_rater(obj, v) => (
            v.get("ageBand"),
            v.get("scores").and_then(|s| s.get("alliance")),
        ),
        Some(_) => return Err(bad()),
        None => (v.get("ageBand"), Some(v)),
    };
    let band = band
        .and_then(Value::as_str)
        .and_then(|b| BANDS.iter().copied().find(|x| x.code() == b))
        .ok_or_else(bad)?;
    let alliance = alliance.and_then(Value::as_object).ok_or_else(bad)?;
    let total = match alliance.get("total") {
        None | Some(Value::Null) => None,
        Some(t) => Some(
            t.as_f64()
                .filter(|t| (0.0..=40.0).contains(t))
                .ok_or_else(bad)?,
        ),
    };
    let items = alliance
        .get("items")
        .and_then(Value::as_array)
        .filter(|l| l.len() <= 16)
        .and_then(|l| {
            l.iter()
                .map(|i| i.as_str().filter(|s| s.len() <= 64).map(str::to_string))
                .collect::<Option<Vec<_>>>()
        })
        .ok_or_else(bad)?;
    Ok(Some(Previous { total, band, items }))
}

fn number(
    obj: &Map<String, Value>,
    field: &str,
    range: std::ops::RangeInclusive<f64>,
    words: &str,
) -> Result<Option<f64>, ConfigError> {
    let Some(v) = obj.get(field).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    match v.as_f64() {
        Some(n) if range.contains(&n) => Ok(Some(n)),
        _ => Err(err(field, &format!("must be a number {words}"), Some(v))),
    }
}

fn age(obj: &Map<String, Value>) -> Result<u8, ConfigError> {
    const EXPECTED: &str = "must be a whole number from 3 to 17";
    let v = obj.get("age");
    let n = v
        .and_then(Value::as_f64)
        .ok_or_else(|| err("age", EXPECTED, v))?;
    if n.fract() != 0.0 || !(3.0..=17.0).contains(&n) {
        return Err(err("age", EXPECTED, v));
    }
    Ok(n as u8)
}

fn choice<T: Copy>(
    obj: &Map<String, Value>,
    field: &str,
    options: &[(&str, T)],
) -> Result<Option<T>, ConfigError> {
    // The work is done once, not once per type: every byte is downloaded.
    let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    Ok(choice_at(obj, field, &names)?.map(|i| options[i].1))
}

/// The place among `names` of the word `field` holds, if it holds one.
fn choice_at(
    obj: &Map<String, Value>,
    field: &str,
    names: &[&str],
) -> Result<Option<usize>, ConfigError> {
    let Some(v) = obj.get(field).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    match v.as_str().and_then(|s| names.iter().position(|n| *n == s)) {
        Some(i) => Ok(Some(i)),
        None => {
            let names: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
            Err(err(
                field,
                &format!("must be one of {}", names.join(", ")),
                Some(v),
            ))
        }
    }
}

/// Invisible characters that change how text reads (direction overrides,
/// zero-width marks): not plain text.
fn is_format(c: char) -> bool {
    matches!(c as u32, 0xAD | 0x061C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFEFF)
}

fn text(obj: &Map<String, Value>, field: &str, max: usize) -> Result<Option<String>, ConfigError> {
    let Some(v) = obj.get(field).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let expected = format!("must be plain text of at most {max} characters, without < or >");
    let s = v.as_str().ok_or_else(|| err(field, &expected, Some(v)))?;
    match plain(s, max) {
        Some(s) => Ok((!s.is_empty()).then(|| s.to_string())),
        None => Err(err(field, &expected, Some(v))),
    }
}

/// `s` trimmed, when it is plain text of at most `max` characters: no
/// control or invisible formatting characters, no `<` or `>`. What the
/// settings' names take, and a goal in the child's own words.
pub fn plain(s: &str, max: usize) -> Option<&str> {
    let s = s.trim();
    let fine = !s
        .chars()
        .any(|c| c.is_control() || is_format(c) || c == '<' || c == '>');
    (fine && s.chars().count() <= max).then_some(s)
}
