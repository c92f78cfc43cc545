//! Scores computed from a finished flow's answers.
//!
//! Ally is a measuring instrument: a score that hides a child's disagreement
//! or avoidance is worse than no score. So a skip is never scored and never
//! scaled away, a total exists only when every core item was answered, and
//! a change is only reported between like and like. Each rule's reason is in
//! the README ("Scores").

use super::answer::{AnswerRecord, AnswerValue, RETIRED};
use super::catalog::{Construct, Input, Prompt};
use super::check::Check;
use super::config::{AgeBand, ConcernCutoffs, Cutoffs, Previous};
use super::json::{Json, Obj};

#[derive(Clone, Debug, PartialEq)]
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
    /// The thresholds `flags.concern` was computed with.
    pub concern_cutoffs: ConcernCutoffs,
    /// Each goal the child rated, in the order asked.
    pub goals: Vec<GoalScore>,
    /// The threshold `flags.goalDrop` was computed with.
    pub goal_drop_threshold: f64,
    /// A caregiver's view of how the child has been; `null` on every other
    /// check.
    pub wellbeing: Option<Wellbeing>,
}

/// How the child has been since the last session, as a caregiver saw it:
/// 0–10 each, `null` when skipped. Never summed: home, school and friends
/// are different places, and a hard one must not hide behind the others.
#[derive(Clone, Debug, PartialEq)]
pub struct Wellbeing {
    pub home: Option<f64>,
    pub school: Option<f64>,
    pub peers: Option<f64>,
    pub overall: Option<f64>,
}

impl Json for Wellbeing {
    fn json(&self, out: &mut String) {
        Obj::new(out)
            .field("home", &self.home)
            .field("school", &self.school)
            .field("peers", &self.peers)
            .field("overall", &self.overall)
            .end();
    }
}

/// One of the child's goals, as rated in this check and compared with its
/// last rating: the same goal only, on the same band's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalScore {
    pub id: String,
    /// 0–10; `null` when skipped or set aside.
    pub progress: Option<f64>,
    /// Its last rating (`previousGoals`); `null` when there is none.
    pub previous: Option<f64>,
    /// `progress` minus `previous`; `null` when they don't compare (see `changeReason`).
    pub change: Option<f64>,
    /// Why `change` is `null`: `no_previous`, `not_rated`,
    /// `previous_not_rated` or `other_band`.
    pub change_reason: Option<&'static str>,
    /// The child said it isn't their goal any more.
    pub retired: bool,
    /// The child skipped it.
    pub skipped: bool,
}

impl Json for GoalScore {
    fn json(&self, out: &mut String) {
        Obj::new(out)
            .field("id", &self.id)
            .field("progress", &self.progress)
            .field("previous", &self.previous)
            .field("change", &self.change)
            .field("changeReason", &self.change_reason)
            .field("retired", &self.retired)
            .field("skipped", &self.skipped)
            .end();
    }
}

/// Something the helper should notice at once, and the prompt it arose on
/// (`None` when the child asked for help on the welcome or at the end).
#[derive(Clone, Debug, PartialEq)]
pub struct Concern {
    /// `low_mood_strong_feeling`, `hard_feeling_wants_to_talk` or `asked_for_help`.
    pub reason: &'static str,
    pub prompt_id: Option<String>,
}

/// The feelings of the sadness and fear families: picked with "yes, I'd
/// like to tell" they raise a concern. (Worry is left out: it is the
/// everyday feeling of children in therapy for anxiety, and the signal
/// would fire every week and stop being read.)
pub const HARD_FEELINGS: [&str; 3] = ["sad", "scared", "lonely"];

/// The reasons the concern rule gives, in the order it checks them.
pub const CONCERN_REASONS: [&str; 3] = [
    "low_mood_strong_feeling",
    "hard_feeling_wants_to_talk",
    "asked_for_help",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Alliance {
    /// The core items asked (0–10 each, on faces or a line), in order: with
    /// the band, what a total can be compared with.
    pub items: Vec<&'static str>,
    /// How many of them were answered rather than skipped.
    pub answered: usize,
    /// 0–40, the sum of the core items; `null` at 3–5 (no total) and when
    /// any core item was skipped.
    pub total: Option<f64>,
    /// `total` minus the previous comparable total; `null` when there is none.
    pub change: Option<f64>,
    pub bond: Option<f64>,
    pub goals: Option<f64>,
    pub tasks: Option<f64>,
    pub overall: Option<f64>,
    /// 13–17: the agree statements (1–4, `null` when skipped) per construct,
    /// beside the 0–10 subscales; `null` in the other bands.
    pub agree: Option<Agree>,
    /// The thresholds the flags were computed with.
    pub cutoffs: Cutoffs,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Agree {
    pub bond: Vec<Option<f64>>,
    pub goals: Vec<Option<f64>>,
    pub tasks: Vec<Option<f64>>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Flags {
    /// The total is below `cutoffs.total`.
    pub low_alliance: bool,
    /// Core items below `cutoffs.item`: worth asking about.
    pub discuss: Vec<&'static str>,
    /// Core items below `cutoffs.lowItem`.
    pub low: Vec<&'static str>,
    /// Constructs (`bond`, `goals`, `tasks`) with an agree statement below
    /// `cutoffs.agree` (a statement worded the other way round counts as
    /// 5 minus its answer).
    pub disagree: Vec<&'static str>,
    /// Constructs where the child agreed with a statement and with its
    /// opposite: agreeing with everything, which says little of either.
    pub agreed_both_ways: Vec<&'static str>,
    /// Every prompt the child skipped, drawings aside: avoidance is information.
    pub skipped: Vec<&'static str>,
    /// The total fell by at least `cutoffs.drop` since the previous comparable
    /// total; `null` when there is nothing comparable (see `dropReason`).
    pub drop: Option<bool>,
    /// Why `drop` is `null`: `no_previous`, `no_total`, `no_previous_total`,
    /// `other_band` or `other_items`.
    pub drop_reason: Option<&'static str>,
    /// The child said yes to telling the helper something today.
    pub wants_to_talk: bool,
    /// The child said "maybe later": often the one with the hard thing to say.
    pub talk_later: bool,
    /// What the helper should notice at once (see [`concerns`]).
    pub concern: Vec<Concern>,
    /// Goals whose rating fell by at least `goalDropThreshold` since their last.
    pub goal_drop: Vec<String>,
    /// Goals the child said aren't theirs any more: to talk over, never to drop unseen.
    pub goal_retired: Vec<String>,
}

impl Json for Scores {
    fn json(&self, out: &mut String) {
        let o = Obj::new(out)
            .field("mood", &self.mood)
            .field("feelings", &self.feelings)
            .field("intensity", &self.intensity)
            .field("wantsToTalk", &self.wants_to_talk)
            .field("alliance", &self.alliance)
            .field("flags", &self.flags);
        let o = match cfg!(feature = "safety") {
            true => o.field("concernCutoffs", &self.concern_cutoffs),
            false => o,
        };
        let o = match cfg!(feature = "goals") {
            true => o
                .field("goals", &self.goals)
                .field("goalDropThreshold", &self.goal_drop_threshold),
            false => o,
        };
        match cfg!(feature = "form") {
            true => o.field("wellbeing", &self.wellbeing).end(),
            false => o.end(),
        }
    }
}

impl Json for Alliance {
    fn json(&self, out: &mut String) {
        Obj::new(out)
            .field("items", &self.items)
            .field("answered", &self.answered)
            .field("total", &self.total)
            .field("change", &self.change)
            .field("bond", &self.bond)
            .field("goals", &self.goals)
            .field("tasks", &self.tasks)
            .field("overall", &self.overall)
            .field("agree", &self.agree)
            .field("cutoffs", &self.cutoffs)
            .end();
    }
}

impl Json for Agree {
    fn json(&self, out: &mut String) {
        Obj::new(out)
            .field("bond", &self.bond)
            .field("goals", &self.goals)
            .field("tasks", &self.tasks)
            .end();
    }
}

impl Json for Cutoffs {
    fn json(&self, out: &mut String) {
        Obj::new(out)
            .field("total", &self.total)
            .field("item", &self.item)
            .field("lowItem", &self.low_item)
            .field("agree", &self.agree)
            .field("drop", &self.drop)
            .end();
    }
}

impl Json for ConcernCutoffs {
    fn json(&self, out: &mut String) {
        Obj::new(out)
            .field("mood", &self.mood)
            .field("intensity", &self.intensity)
            .end();
    }
}

impl Json for Concern {
    fn json(&self, out: &mut String) {
        Obj::new(out)
            .field("reason", &self.reason)
            .field("promptId", &self.prompt_id)
            .end();
    }
}

impl Json for Flags {
    fn json(&self, out: &mut String) {
        let o = Obj::new(out)
            .field("lowAlliance", &self.low_alliance)
            .field("discuss", &self.discuss)
            .field("low", &self.low)
            .field("disagree", &self.disagree)
            .field("agreedBothWays", &self.agreed_both_ways)
            .field("skipped", &self.skipped)
            .field("drop", &self.drop)
            .field("dropReason", &self.drop_reason)
            .field("wantsToTalk", &self.wants_to_talk)
            .field("talkLater", &self.talk_later)
            .field("concern", &self.concern);
        let o = match cfg!(feature = "goals") {
            true => o
                .field("goalDrop", &self.goal_drop)
                .field("goalRetired", &self.goal_retired),
            false => o,
        };
        o.end();
    }
}

/// A core trust item: bond, goals, tasks or overall, on faces or a 0–10 line.
pub fn is_core(p: &Prompt) -> bool {
    matches!(
        p.construct,
        Construct::Bond | Construct::Goals | Construct::Tasks | Construct::Overall
    ) && matches!(p.input, Input::Faces(_) | Input::Line(_))
}

/// The scores of a check: its answers (one slot per prompt, `None` when
/// never reached) read with its config's cutoffs and previous alliance.
pub fn score(check: &Check) -> Scores {
    let (config, prompts, answers) = (&check.config, &check.prompts, &check.answers);
    let pairs: Vec<(&'static Prompt, Option<&AnswerRecord>)> = prompts
        .iter()
        .copied()
        .zip(answers.iter().map(Option::as_ref))
        .collect();
    let value = |a: Option<&AnswerRecord>| a.and_then(|a| a.value.clone());
    let number = |a: Option<&AnswerRecord>| value(a).as_ref().and_then(AnswerValue::number);
    let of = |c: Construct| pairs.iter().find(|(p, _)| p.construct == c);

    let feelings = match of(Construct::Feelings).and_then(|(_, a)| value(*a)) {
        Some(AnswerValue::List(ids)) => ids,
        _ => vec![],
    };
    let wants_to_talk = of(Construct::WantsToTalk).map(|(_, a)| match value(*a) {
        Some(AnswerValue::Text(t)) => t,
        _ => "skipped".to_string(),
    });
    let mut flags = Flags {
        skipped: pairs
            .iter()
            .filter(|(p, a)| p.construct != Construct::Drawing && a.is_some_and(|a| a.skipped))
            .map(|(p, _)| p.id)
            .collect(),
        wants_to_talk: wants_to_talk.as_deref() == Some("yes"),
        talk_later: wants_to_talk.as_deref() == Some("later"),
        drop_reason: Some("no_total"),
        ..Flags::default()
    };

    let core: Vec<(&'static Prompt, Option<f64>)> = pairs
        .iter()
        .filter(|(p, _)| is_core(p))
        .map(|(p, a)| (*p, number(*a)))
        .collect();
    let alliance = (!core.is_empty()).then(|| {
        let band = config.band();
        let cut = config.cutoffs;
        let answered = core.iter().filter(|(_, v)| v.is_some()).count();
        // 3–5 has no total: two or three 3-face answers can't tell levels
        // apart. (An adult rates on the 0–10 line at every age.)
        let total = config
            .has_total()
            .then(|| core.iter().map(|(_, v)| *v).sum::<Option<f64>>())
            .flatten();
        for (p, v) in &core {
            if v.is_some_and(|v| v < cut.item) {
                flags.discuss.push(p.id);
            }
            if v.is_some_and(|v| v < cut.low_item) {
                flags.low.push(p.id);
            }
        }
        flags.low_alliance = total.is_some_and(|t| t < cut.total);

        let items: Vec<&'static str> = core.iter().map(|(p, _)| p.id).collect();

        let mut agree = None;
        // Per construct: agreed with a statement, agreed with its opposite.
        let mut sides: Vec<(&'static str, [bool; 2])> = Vec::new();
        for (p, a) in &pairs {
            if p.input != Input::Agree4 {
                continue;
            }
            let raw = number(*a);
            let name = p.construct.code();
            if raw.is_some_and(|v| v >= 3.0) {
                match sides.iter_mut().find(|(c, _)| *c == name) {
                    Some((_, s)) => s[p.reversed as usize] = true,
                    None => {
                        let mut s = [false; 2];
                        s[p.reversed as usize] = true;
                        sides.push((name, s));
                    }
                }
            }
            let v = raw.map(|v| if p.reversed { 5.0 - v } else { v });
            if v.is_some_and(|v| v < cut.agree) && !flags.disagree.contains(&name) {
                flags.disagree.push(name);
            }
            let agree: &mut Agree = agree.get_or_insert_with(Agree::default);
            match p.construct {
                Construct::Bond => agree.bond.push(v),
                Construct::Goals => agree.goals.push(v),
                _ => agree.tasks.push(v),
            }
        }
        flags.agreed_both_ways = sides
            .iter()
            .filter(|(_, s)| s[0] && s[1])
            .map(|(c, _)| *c)
            .collect();
        let sub = |c: Construct| {
            core.iter()
                .find(|(p, _)| p.construct == c)
                .and_then(|(_, v)| *v)
        };
        let mut alliance = Alliance {
            items,
            answered,
            total,
            change: None,
            bond: sub(Construct::Bond),
            goals: sub(Construct::Goals),
            tasks: sub(Construct::Tasks),
            overall: sub(Construct::Overall),
            agree,
            cutoffs: cut,
        };
        compare(&mut alliance, &mut flags, band, config.previous.as_ref());
        alliance
    });

    if cfg!(feature = "safety") {
        flags.concern = concerns(check);
    }
    let goals = match cfg!(feature = "goals") {
        true => goal_scores(check, &mut flags),
        false => vec![],
    };
    let wellbeing = of(Construct::Wellbeing)
        .filter(|_| cfg!(feature = "form"))
        .map(|_| {
            let n = |c| of(c).and_then(|(_, a)| number(*a));
            Wellbeing {
                home: n(Construct::Home),
                school: n(Construct::School),
                peers: n(Construct::Peers),
                overall: n(Construct::Wellbeing),
            }
        });
    Scores {
        wellbeing,
        mood: of(Construct::Mood).and_then(|(_, a)| number(*a)),
        feelings,
        intensity: of(Construct::Intensity).and_then(|(_, a)| number(*a)),
        wants_to_talk,
        alliance,
        flags,
        concern_cutoffs: config.concern,
        goals,
        goal_drop_threshold: config.goal_drop,
    }
}

/// Each goal's rating, compared like with like: with the same goal's last
/// rating (`previousGoals`, by id), on the same band's scale. A skip and
/// "not my goal any more" are never scores; a fall of at least
/// `goalDropThreshold` is flagged (README, "Scores").
pub fn goal_scores(check: &Check, flags: &mut Flags) -> Vec<GoalScore> {
    let config = &check.config;
    let mut out = Vec::new();
    for (i, a) in check.answers.iter().enumerate() {
        let Some(goal) = check.goal(i) else {
            continue;
        };
        let value = a.as_ref().and_then(|a| a.value.as_ref());
        let retired = matches!(value, Some(AnswerValue::Text(t)) if t == RETIRED);
        let progress = value.and_then(AnswerValue::number);
        let last = config.previous_goals.iter().find(|g| g.id == goal.id);
        let previous = last.and_then(|g| g.progress);
        let (change, reason) = match (last, progress) {
            (None, _) => (None, "no_previous"),
            (_, None) => (None, "not_rated"),
            (Some(g), _) if g.band != config.band() => (None, "other_band"),
            (Some(g), Some(now)) => match g.progress {
                None => (None, "previous_not_rated"),
                Some(before) => (Some(now - before), ""),
            },
        };
        if change.is_some_and(|c| -c >= config.goal_drop - 1e-9) {
            flags.goal_drop.push(goal.id.clone());
        }
        if retired {
            flags.goal_retired.push(goal.id.clone());
        }
        out.push(GoalScore {
            id: goal.id.clone(),
            progress,
            previous,
            change,
            change_reason: change.is_none().then_some(reason),
            retired,
            skipped: a.as_ref().is_some_and(|a| a.skipped),
        });
    }
    out
}

/// What the helper should notice at once, each with the prompt it arose on
/// (the README's "The safety path" gives the reasons):
/// - `low_mood_strong_feeling`: a mood at or below `concernMood` (the lowest
///   face) with the strongest feeling at or above `concernIntensity` (big);
/// - `hard_feeling_wants_to_talk`: a sad, scared or lonely feeling, and
///   "yes" to having something to tell today;
/// - `asked_for_help`: the child asked to talk to someone now.
///
/// Ally asks no questions of risk it could not answer; these are reasons to
/// look at the child now, not a diagnosis, and a skip never raises one.
pub fn concerns(check: &Check) -> Vec<Concern> {
    let cut = check.config.concern;
    let answer = |c: Construct| {
        check
            .prompts
            .iter()
            .zip(&check.answers)
            .find(|(p, _)| p.construct == c)
            .and_then(|(p, a)| Some((p.id, a.as_ref()?.value.as_ref()?)))
    };
    let number = |c: Construct| answer(c).and_then(|(id, v)| Some((id, v.number()?)));
    let mut out = Vec::new();
    if let (Some((_, mood)), Some((id, strong))) =
        (number(Construct::Mood), number(Construct::Intensity))
    {
        if mood <= cut.mood + 1e-9 && strong >= cut.intensity - 1e-9 {
            out.push(Concern {
                reason: CONCERN_REASONS[0],
                prompt_id: Some(id.to_string()),
            });
        }
    }
    let hard_feeling = matches!(answer(Construct::Feelings), Some((_, AnswerValue::List(ids)))
        if ids.iter().any(|f| HARD_FEELINGS.contains(&f.as_str())));
    if let Some((id, AnswerValue::Text(t))) = answer(Construct::WantsToTalk) {
        if hard_feeling && t == "yes" {
            out.push(Concern {
                reason: CONCERN_REASONS[1],
                prompt_id: Some(id.to_string()),
            });
        }
    }
    if let Some(h) = &check.help {
        out.push(Concern {
            reason: CONCERN_REASONS[2],
            prompt_id: h.prompt_id.clone(),
        });
    }
    out
}

/// Compares a total with the previous comparable one, like with like only:
/// the same band and the same items. Sets `change`, `drop` and, when nothing
/// compares, `dropReason`.
pub fn compare(
    alliance: &mut Alliance,
    flags: &mut Flags,
    band: AgeBand,
    previous: Option<&Previous>,
) {
    let (change, reason) = match (previous, alliance.total) {
        (None, _) => (None, "no_previous"),
        (_, None) => (None, "no_total"),
        (Some(prev), Some(t)) => match prev.total {
            None => (None, "no_previous_total"),
            Some(_) if prev.band != band => (None, "other_band"),
            Some(_) if prev.items != alliance.items => (None, "other_items"),
            Some(p) => (Some(t - p), ""),
        },
    };
    alliance.change = change;
    flags.drop = change.map(|c| -c >= alliance.cutoffs.drop - 1e-9);
    flags.drop_reason = change.is_none().then_some(reason);
}
