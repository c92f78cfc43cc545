//! Scores computed from a finished flow's answers.
//!
//! Mood and the four core trust items are on 0–10; the alliance total is
//! 0–40, scaled up from the items answered. A skip never counts as a value.

use super::catalog::{Construct, Input, Prompt};
use super::config::Config;
use super::protocol::{AnswerRecord, AnswerValue};
use serde::Serialize;

#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Scores {
    /// 0–10; `null` when skipped or not asked.
    pub mood: Option<f64>,
    /// Feeling ids; empty when skipped or not asked.
    pub feelings: Vec<String>,
    /// 0–10; `null` when skipped or not asked.
    pub intensity: Option<f64>,
    /// `yes`, `later`, `no` or `skipped`; `null` when not asked.
    pub wants_to_talk: Option<String>,
    /// Check-out only; `null` at check-in.
    pub alliance: Option<Alliance>,
    pub flags: Flags,
}

#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Alliance {
    /// 0–40: the mean of the core items answered × 4; `null` when fewer
    /// than half of them were answered.
    pub total: Option<f64>,
    pub bond: Option<f64>,
    pub goals: Option<f64>,
    pub tasks: Option<f64>,
    pub overall: Option<f64>,
    /// Core items answered (not skipped), and asked.
    pub answered: usize,
    pub items: usize,
    /// 13–17: the mean of the agree/disagree statements, 1–4; else `null`.
    pub agree_mean: Option<f64>,
}

#[derive(Serialize, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Flags {
    /// The total is below `allianceCutoff`.
    pub low_alliance: bool,
    /// A core item answered below `itemCutoff`.
    pub low_item: bool,
    /// The total fell by at least `dropThreshold` since `previousAlliance`.
    pub drop: bool,
    /// The child said yes to telling the helper something today.
    pub wants_to_talk: bool,
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

fn value(a: Option<&AnswerRecord>) -> Option<&AnswerValue> {
    a.and_then(|a| a.value.as_ref())
}

fn is_core(p: &Prompt) -> bool {
    matches!(
        p.construct,
        Construct::Bond | Construct::Goals | Construct::Tasks | Construct::Overall
    ) && matches!(p.input, Input::Faces(_) | Input::Line(_))
}

/// Scores for `answers` (one slot per prompt, `None` when never reached).
pub fn score(config: &Config, prompts: &[&Prompt], answers: &[Option<AnswerRecord>]) -> Scores {
    let pairs: Vec<(&Prompt, Option<&AnswerRecord>)> = prompts
        .iter()
        .copied()
        .zip(answers.iter().map(Option::as_ref))
        .collect();
    let number_of = |c: Construct| {
        pairs
            .iter()
            .find(|(p, _)| p.construct == c)
            .and_then(|(_, a)| value(*a))
            .and_then(AnswerValue::number)
    };

    let feelings = pairs
        .iter()
        .find(|(p, _)| p.construct == Construct::Feelings)
        .and_then(|(_, a)| match value(*a) {
            Some(AnswerValue::List(ids)) => Some(ids.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let wants_to_talk = pairs
        .iter()
        .find(|(p, _)| p.construct == Construct::WantsToTalk)
        .map(|(_, a)| match value(*a) {
            Some(AnswerValue::Text(t)) => t.clone(),
            _ => "skipped".to_string(),
        });

    let core: Vec<(&Prompt, Option<f64>)> = pairs
        .iter()
        .filter(|(p, _)| is_core(p))
        .map(|(p, a)| (*p, value(*a).and_then(AnswerValue::number)))
        .collect();
    let mut flags = Flags {
        wants_to_talk: wants_to_talk.as_deref() == Some("yes"),
        ..Flags::default()
    };
    let alliance = (!core.is_empty()).then(|| {
        let answered: Vec<f64> = core.iter().filter_map(|(_, v)| *v).collect();
        let total = (answered.len() * 2 >= core.len())
            .then(|| mean(&answered))
            .flatten()
            .map(|m| round(m * 4.0, 1));
        let agree: Vec<f64> = pairs
            .iter()
            .filter(|(p, _)| p.input == Input::Agree4)
            .filter_map(|(_, a)| value(*a).and_then(AnswerValue::number))
            .collect();
        flags.low_item = answered.iter().any(|v| *v < config.item_cutoff);
        if let Some(t) = total {
            flags.low_alliance = t < config.alliance_cutoff;
            flags.drop = config
                .previous_alliance
                .is_some_and(|prev| prev - t >= config.drop_threshold - 1e-9);
        }
        let sub = |c: Construct| {
            core.iter()
                .find(|(p, _)| p.construct == c)
                .and_then(|(_, v)| *v)
        };
        Alliance {
            total,
            bond: sub(Construct::Bond),
            goals: sub(Construct::Goals),
            tasks: sub(Construct::Tasks),
            overall: sub(Construct::Overall),
            answered: answered.len(),
            items: core.len(),
            agree_mean: mean(&agree).map(|m| round(m, 2)),
        }
    });

    Scores {
        mood: number_of(Construct::Mood),
        feelings,
        intensity: number_of(Construct::Intensity),
        wants_to_talk,
        alliance,
        flags,
    }
}
