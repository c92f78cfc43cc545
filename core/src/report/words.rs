//! What the report says, in the therapist's language: a prompt's words,
//! an answer, and a session's scores in plain words.

use super::super::answer::{pick_of, value_of, AnswerValue};
use super::super::catalog::{self, Construct, Input, UI};
use super::super::config::{self, AgeBand, Locale, Rater};
use super::read::Session;
use super::series::MoodFlag;

/// A concern's reason in the therapist's words.
pub fn concern_words(reason: &str) -> ReportTr {
    match reason {
        "low_mood_strong_feeling" => ReportTr::ConcernLowMoodStrongFeeling,
        "hard_feeling_wants_to_talk" => ReportTr::ConcernHardFeelingWantsToTalk,
        _ => ReportTr::ConcernAskedForHelp,
    }
}

/// A mood flag in the therapist's words.
pub fn mood_flag_words(flag: MoodFlag) -> ReportTr {
    match flag {
        MoodFlag::Falling => ReportTr::MoodFalling,
        MoodFlag::Lowest => ReportTr::MoodLowest,
    }
}

/// Words the report says, in the therapist's language (`[report]` in `locales/`).
pub use super::super::words::ReportTr;

/// What a prompt measures, in the therapist's words.
pub fn construct_words(c: Construct) -> ReportTr {
    match c {
        Construct::Bond => ReportTr::Bond,
        Construct::Goals => ReportTr::Goals,
        Construct::Tasks => ReportTr::Tasks,
        Construct::Overall => ReportTr::Overall,
        Construct::Mood => ReportTr::MoodWord,
        Construct::Feelings => ReportTr::FeelingsWord,
        Construct::Intensity => ReportTr::IntensityWord,
        Construct::WantsToTalk => ReportTr::TalkWord,
        Construct::Drawing => ReportTr::DrawingWord,
        Construct::Progress | Construct::Goal => ReportTr::ProgressWord,
        Construct::Plan => ReportTr::PlanWord,
        Construct::Home => ReportTr::HomeWord,
        Construct::School => ReportTr::SchoolWord,
        Construct::Peers => ReportTr::PeersWord,
        Construct::Wellbeing => ReportTr::WellbeingWord,
        Construct::Note => ReportTr::NoteWord,
    }
}

fn construct_code_words(code: &str) -> ReportTr {
    match code {
        "bond" => ReportTr::Bond,
        "goals" => ReportTr::Goals,
        "tasks" => ReportTr::Tasks,
        _ => ReportTr::Overall,
    }
}

pub use super::super::words::{number, number_in};

/// The words of prompt `id` in `l`, as a child with no helper's name set
/// sees them ("the person helping you").
/// A question that points back at the feelings picked says it as it did.
pub fn prompt_words(session: &Session, id: &str, l: Locale) -> String {
    let check = &session.check;
    match check.prompts.iter().position(|p| p.id == id) {
        Some(i) => {
            let p = check.prompts[i];
            let text = match check.config.mode {
                super::super::config::Mode::Form => check.for_adult(p.text.get(l), l),
                _ => p.text_for(l, UI.someone.get(l), check.picked_before(i)),
            };
            match check.goal(i) {
                Some(g) => catalog::fill(&text, &[("goal", &g.text)]),
                None => text,
            }
        }
        None => id.to_string(),
    }
}

/// A live answer's words in `l`: its band's prompt when the band is known,
/// else the first prompt with its id (a question asked alike in most bands).
pub fn live_words(id: &str, band: Option<AgeBand>, l: Locale) -> String {
    let mut with_id = catalog::PROMPTS
        .iter()
        .chain(catalog::GOAL_PROMPTS)
        .chain(catalog::GOAL_SET_PROMPTS)
        .chain(catalog::PLAN_PROMPTS)
        .filter(|p| p.id == id);
    let first = with_id.clone().next();
    band.and_then(|b| with_id.find(|p| p.bands.contains(&b)))
        .or(first)
        .map_or_else(|| id.to_string(), |p| words_of(p, l))
}

/// A prompt's words in `l`, "the person helping you" where a name would be.
/// A goal's rating, with no goal at hand, says "…" where its words go.
pub fn words_of(p: &catalog::Prompt, l: Locale) -> String {
    let text = super::super::words::with_helper(l, p.text.get(l), UI.someone.get(l));
    catalog::fill(&text, &[("goal", "…")])
}

/// What a session's scores say, in plain words, most important first.
pub fn summary(session: &Session, l: Locale) -> Vec<String> {
    let s = &session.scores;
    let f = &s.flags;
    let mut out = Vec::new();
    // What needs noticing first heads the session.
    if !f.concern.is_empty() {
        let reasons: Vec<&str> = f
            .concern
            .iter()
            .map(|c| concern_words(c.reason).get(l))
            .collect();
        out.push(format!(
            "{}: {}",
            ReportTr::ConcernHead.get(l),
            reasons.join("; ")
        ));
    }
    let items = |ids: &[&str]| {
        ids.iter()
            .map(|id| format!("“{}”", prompt_words(session, id, l)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(a) = &s.alliance {
        let cutoff = number_in(a.cutoffs.total, l);
        let total_words = match session.rater() {
            Rater::Child => ReportTr::Total,
            Rater::Caregiver => ReportTr::CaregiverTotal,
            Rater::Therapist => ReportTr::TherapistTotal,
        };
        match a.total {
            Some(t) => {
                let mut line = catalog::fill(total_words.get(l), &[("total", &number_in(t, l))]);
                let rest = if f.low_alliance {
                    &ReportTr::Below
                } else {
                    &ReportTr::AtOrAbove
                };
                line.push_str(&catalog::fill(rest.get(l), &[("cutoff", &cutoff)]));
                out.push(line);
            }
            None if !session.check.config.has_total() => {
                out.push(ReportTr::NoTotalYoung.get(l).into())
            }
            None => out.push(catalog::fill(
                ReportTr::NoTotal.get(l),
                &[
                    ("answered", &a.answered.to_string()),
                    ("asked", &a.items.len().to_string()),
                ],
            )),
        }
        match (a.change, f.drop_reason) {
            (Some(c), _) if c < 0.0 => out.push(catalog::fill(
                ReportTr::Lower.get(l),
                &[("n", &number_in(-c, l))],
            )),
            (Some(c), _) if c > 0.0 => out.push(catalog::fill(
                ReportTr::Higher.get(l),
                &[("n", &number_in(c, l))],
            )),
            (Some(_), _) => out.push(ReportTr::Same.get(l).into()),
            (None, Some("other_band")) => out.push(ReportTr::OtherBand.get(l).into()),
            (None, Some("other_items")) => out.push(ReportTr::OtherItems.get(l).into()),
            (None, Some("no_previous_total")) => out.push(ReportTr::NoPreviousTotal.get(l).into()),
            _ => {}
        }
        if !f.low.is_empty() {
            out.push(catalog::fill(
                ReportTr::LowItems.get(l),
                &[("items", &items(&f.low))],
            ));
        }
        let discuss: Vec<&str> = f
            .discuss
            .iter()
            .copied()
            .filter(|d| !f.low.contains(d))
            .collect();
        if !discuss.is_empty() {
            out.push(catalog::fill(
                ReportTr::AskAbout.get(l),
                &[("items", &items(&discuss))],
            ));
        }
        // The teen's statements, by construct.
        for (said, constructs) in [
            (ReportTr::Disagree, &f.disagree),
            (ReportTr::AgreedBothWays, &f.agreed_both_ways),
        ] {
            if !constructs.is_empty() {
                let words: Vec<&str> = constructs
                    .iter()
                    .map(|c| construct_code_words(c).get(l))
                    .collect();
                out.push(catalog::fill(
                    said.get(l),
                    &[("constructs", &words.join(", "))],
                ));
            }
        }
    }
    if let Some(m) = s.mood {
        out.push(catalog::fill(
            ReportTr::Mood.get(l),
            &[("mood", &number_in(m, l))],
        ));
    }
    if f.wants_to_talk {
        out.push(ReportTr::TalkYes.get(l).into());
    } else if f.talk_later {
        out.push(ReportTr::TalkLater.get(l).into());
    } else if s.wants_to_talk.as_deref() == Some("no") {
        out.push(ReportTr::TalkNo.get(l).into());
    }
    // A caregiver's view of how the child has been, place by place.
    if let Some(wb) = &s.wellbeing {
        let places: Vec<String> = [
            (Construct::Home, wb.home),
            (Construct::School, wb.school),
            (Construct::Peers, wb.peers),
            (Construct::Wellbeing, wb.overall),
        ]
        .into_iter()
        .map(|(c, v)| {
            let v = v.map_or_else(|| ReportTr::Skipped.get(l).to_string(), |v| number_in(v, l));
            format!("{} {v}", construct_words(c).get(l))
        })
        .collect();
        out.push(catalog::fill(
            ReportTr::WellbeingLine.get(l),
            &[("places", &places.join(", "))],
        ));
    }
    out.extend(goal_lines(session, l));
    // An adult's note, in their words.
    let check = &session.check;
    if let Some(i) = check
        .prompts
        .iter()
        .position(|p| p.construct == Construct::Note)
    {
        if let Some(AnswerValue::Text(t)) = check.answers[i].as_ref().and_then(|a| a.value.as_ref())
        {
            out.push(catalog::fill(ReportTr::NoteLine.get(l), &[("note", t)]));
        }
    }
    // What the child would like to do next time, in the therapist's words
    // (or the child's own).
    if let Some(i) = check.prompts.iter().position(|p| p.input == Input::Plan) {
        if check.answers[i].as_ref().is_some_and(|a| !a.skipped) {
            out.push(catalog::fill(
                ReportTr::NextTime.get(l),
                &[("what", &answer_words(session, i, l))],
            ));
        }
    }
    if !f.skipped.is_empty() {
        out.push(catalog::fill(
            ReportTr::SkippedItems.get(l),
            &[("items", &items(&f.skipped))],
        ));
    }
    out
}

/// One line per goal rated: its rating in the child's words and how it
/// moved, or that it was skipped or set aside.
fn goal_lines(session: &Session, l: Locale) -> Vec<String> {
    let config = &session.check.config;
    let mut out = Vec::new();
    for g in &session.scores.goals {
        let Some(goal) = config.goals.iter().find(|x| x.id == g.id) else {
            continue;
        };
        let named = |t: ReportTr| catalog::fill(t.get(l), &[("goal", &goal.text)]);
        let Some(progress) = g.progress else {
            out.push(named(if g.retired {
                ReportTr::GoalRetired
            } else {
                ReportTr::GoalSkipped
            }));
            continue;
        };
        let mut line = catalog::fill(
            &named(ReportTr::GoalLine),
            &[("progress", &number_in(progress, l))],
        );
        let by = |t: ReportTr, n: f64| catalog::fill(t.get(l), &[("n", &number_in(n, l))]);
        match (g.change, g.change_reason) {
            (Some(c), _) if c < 0.0 => line.push_str(&by(ReportTr::GoalLower, -c)),
            (Some(c), _) if c > 0.0 => line.push_str(&by(ReportTr::GoalHigher, c)),
            (Some(_), _) => line.push_str(ReportTr::GoalSame.get(l)),
            (None, Some("other_band")) => line.push_str(ReportTr::GoalOtherBand.get(l)),
            _ => {}
        }
        if session.scores.flags.goal_drop.contains(&g.id) {
            line.push_str(ReportTr::GoalDrop.get(l));
        }
        out.push(line);
    }
    out
}

/// An answer as the therapist reads it: the words in their language and the
/// number, or "Skipped".
pub fn answer_words(session: &Session, i: usize, l: Locale) -> String {
    let p = session.check.prompts[i];
    let Some(a) = session.check.answers[i].as_ref() else {
        return String::new();
    };
    let Some(value) = a.value.as_ref().filter(|_| !a.skipped) else {
        return ReportTr::Skipped.get(l).into();
    };
    match (p.input, value) {
        // A point on a line says its number once: a trust line, or a goal's (9–17).
        (Input::Line(_), AnswerValue::Number(n)) | (Input::Progress, AnswerValue::Number(n))
            if p.input != Input::Progress || session.band().profile().goal_steps == 0 =>
        {
            catalog::fill(UI.out_of_ten.get(l), &[("n", &number_in(*n, l))])
        }
        (Input::Drawing, _) => UI.drawing.get(l).into(),
        _ => {
            // The child's words in the therapist's language, from the catalog.
            let config = config::Config {
                locale: l,
                ..(*session.check.config).clone()
            };
            let pick = pick_of(&session.check.config, p, value);
            pick.and_then(|pick| value_of(&config, p, &pick))
                .map(|(_, label)| match value {
                    AnswerValue::Number(n) if !matches!(p.input, Input::Sizes) => {
                        format!("{label} ({})", number_in(*n, l))
                    }
                    _ => label,
                })
                .unwrap_or_default()
        }
    }
}
