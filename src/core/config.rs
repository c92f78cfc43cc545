//! Settings from the host page, validated into a [`Config`].
//!
//! Errors name the field and say what was expected, so a portal developer can
//! fix a bad `init` from the error event alone.

use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;

/// The longest name (in characters) accepted for `childName` and `helperName`.
pub const MAX_NAME_CHARS: usize = 40;

/// Languages the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    En,
    Es,
}

impl Locale {
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }
}

/// Which check the child does: at the start of a session or at its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Checkin,
    Checkout,
}

impl Mode {
    pub fn code(self) -> &'static str {
        match self {
            Mode::Checkin => "checkin",
            Mode::Checkout => "checkout",
        }
    }
}

/// Developmental age bands: prompts, words, scales and targets follow the band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum AgeBand {
    #[serde(rename = "3-5")]
    Preschool,
    #[serde(rename = "6-8")]
    EarlySchool,
    #[serde(rename = "9-12")]
    Preteen,
    #[serde(rename = "13-17")]
    Teen,
}

impl AgeBand {
    /// The band for an age in whole years; `None` outside 3–17.
    pub fn from_age(age: u8) -> Option<AgeBand> {
        match age {
            3..=5 => Some(AgeBand::Preschool),
            6..=8 => Some(AgeBand::EarlySchool),
            9..=12 => Some(AgeBand::Preteen),
            13..=17 => Some(AgeBand::Teen),
            _ => None,
        }
    }

    /// The band's name on the wire and in CSS (`band-3-5`).
    pub fn code(self) -> &'static str {
        match self {
            AgeBand::Preschool => "3-5",
            AgeBand::EarlySchool => "6-8",
            AgeBand::Preteen => "9-12",
            AgeBand::Teen => "13-17",
        }
    }

    /// Smallest touch target for the band, in CSS pixels.
    pub fn min_target_px(self) -> u32 {
        match self {
            AgeBand::Preschool => 80,
            AgeBand::EarlySchool => 64,
            AgeBand::Preteen | AgeBand::Teen => 48,
        }
    }
}

/// Whether prompts are read aloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadAloud {
    /// Each new screen is read by itself (and the speaker button is shown).
    Auto,
    /// A speaker button on every screen reads it on demand.
    Button,
    Off,
}

/// Default `allianceCutoff`: totals below it are flagged.
pub const ALLIANCE_CUTOFF: f64 = 36.0;
/// Default `itemCutoff`: core items below it are flagged.
pub const ITEM_CUTOFF: f64 = 8.0;
/// Default `dropThreshold`: a fall of at least this much since `previousAlliance` is flagged.
pub const DROP_THRESHOLD: f64 = 1.0;

/// A validated configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub age: u8,
    pub locale: Locale,
    pub mode: Mode,
    pub child_name: Option<String>,
    pub helper_name: Option<String>,
    pub read_aloud: ReadAloud,
    pub alliance_cutoff: f64,
    pub item_cutoff: f64,
    pub previous_alliance: Option<f64>,
    pub drop_threshold: f64,
}

impl Config {
    pub fn band(&self) -> AgeBand {
        // `parse` only accepts ages that have a band.
        AgeBand::from_age(self.age).unwrap_or(AgeBand::Teen)
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
    let mut s = v.to_string();
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
    let read_aloud_default = if age <= 5 {
        ReadAloud::Auto
    } else {
        ReadAloud::Button
    };
    Ok(Config {
        age,
        locale: choice(obj, "locale", &[("en", Locale::En), ("es", Locale::Es)])?
            .unwrap_or(Locale::En),
        mode: choice(
            obj,
            "mode",
            &[("checkin", Mode::Checkin), ("checkout", Mode::Checkout)],
        )?
        .unwrap_or(Mode::Checkin),
        child_name: name(obj, "childName")?,
        helper_name: name(obj, "helperName")?,
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
        alliance_cutoff: number(obj, "allianceCutoff", 0.0..=40.0, "from 0 to 40")?
            .unwrap_or(ALLIANCE_CUTOFF),
        item_cutoff: number(obj, "itemCutoff", 0.0..=10.0, "from 0 to 10")?.unwrap_or(ITEM_CUTOFF),
        previous_alliance: number(obj, "previousAlliance", 0.0..=40.0, "from 0 to 40")?,
        drop_threshold: number(obj, "dropThreshold", 0.1..=40.0, "above 0, at most 40")?
            .unwrap_or(DROP_THRESHOLD),
    })
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
    let Some(v) = obj.get(field).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let found = v
        .as_str()
        .and_then(|s| options.iter().find(|(name, _)| *name == s));
    match found {
        Some((_, t)) => Ok(Some(*t)),
        None => {
            let names: Vec<String> = options.iter().map(|(n, _)| format!("\"{n}\"")).collect();
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

fn name(obj: &Map<String, Value>, field: &str) -> Result<Option<String>, ConfigError> {
    let Some(v) = obj.get(field).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let expected =
        format!("must be plain text of at most {MAX_NAME_CHARS} characters, without < or >");
    let s = v
        .as_str()
        .ok_or_else(|| err(field, &expected, Some(v)))?
        .trim();
    let plain = !s
        .chars()
        .any(|c| c.is_control() || is_format(c) || c == '<' || c == '>');
    if !plain || s.chars().count() > MAX_NAME_CHARS {
        return Err(err(field, &expected, Some(v)));
    }
    Ok((!s.is_empty()).then(|| s.to_string()))
}
