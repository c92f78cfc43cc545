//! The record of one check, finished or ongoing: its settings, the prompts
//! asked, one answer slot each, and its times. The widget's flow is a check
//! plus where the child is; scoring, FHIR and the report read checks.

use super::answer::{reread, AnswerRecord, AnswerValue, Help, Resume};
use super::catalog::{self, Prompt, UI};
use super::config::{Config, Goal, Mode};
use super::json::Json;
use super::time::{self, is_timestamp};

#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// Shared, never changed: a check is copied on every step the child takes.
    pub config: std::rc::Rc<Config>,
    pub session: String,
    pub prompts: Vec<&'static Prompt>,
    /// One slot per prompt; a skip is a record with `skipped: true`.
    pub answers: Vec<Option<AnswerRecord>>,
    pub started_at: String,
    pub completed_at: Option<String>,
    /// The child asked to talk to someone now.
    pub help: Option<Help>,
}

impl Check {
    /// A check with nothing answered yet: the prompts the config's band and
    /// mode ask in this session.
    pub fn new(config: Config, session: &str, now: &str) -> Check {
        let prompts = match config.mode {
            Mode::Form if cfg!(feature = "form") => {
                catalog::form(config.rater, config.goals_rated())
            }
            mode => catalog::asked(
                config.band(),
                mode,
                session,
                config.goals_rated(),
                config.plan_asked(),
            ),
        };
        Check::asking(config, session, now, prompts)
    }

    /// A check of the given prompts, with nothing answered yet.
    pub fn asking(
        config: Config,
        session: &str,
        now: &str,
        prompts: Vec<&'static Prompt>,
    ) -> Check {
        Check {
            help: None,
            answers: vec![None; prompts.len()],
            prompts,
            config: config.into(),
            session: session.to_string(),
            started_at: now.to_string(),
            completed_at: None,
        }
    }

    /// Who the answers go to, as the sentences name them.
    pub fn helper(&self) -> String {
        self.config.helper(UI.someone.get(self.config.locale))
    }

    /// The words of prompt `i` as the child sees them: the helper named, and
    /// "that feeling" or "your feelings" after the feelings picked before.
    pub fn text(&self, i: usize) -> String {
        let p = self.prompts[i];
        let text = match self.config.mode {
            Mode::Form => self.for_adult(p.text.get(self.config.locale), self.config.locale),
            _ => p.text_for(self.config.locale, &self.helper(), self.picked_before(i)),
        };
        match self.goal(i) {
            Some(g) => catalog::fill(&text, &[("goal", &g.text)]),
            None => text,
        }
    }

    /// Words of an adult's form in `l` with the therapist and the child
    /// named: by the portal's names, or "the therapist" and "your child" (to
    /// a caregiver) or "the child" (to the therapist).
    pub fn for_adult(&self, text: &str, l: super::words::Locale) -> String {
        #[cfg(feature = "form")]
        {
            let child = match (&self.config.child_name, self.config.rater) {
                (Some(n), _) => n.as_str(),
                (None, super::config::Rater::Caregiver) => catalog::Tr::FormChildCaregiver.get(l),
                (None, _) => catalog::Tr::FormChildTherapist.get(l),
            };
            let helper = match &self.config.helper_name {
                None => catalog::Tr::FormTherapist.get(l).to_string(),
                Some(n) => super::words::titled(l, n, self.config.helper_article),
            };
            let text = super::words::with_helper(l, text, &helper);
            catalog::fill(&text, &[("child", child)])
        }
        #[cfg(not(feature = "form"))]
        {
            let _ = l;
            text.to_string()
        }
    }

    /// The child's goal prompt `i` rates, if it rates one.
    pub fn goal(&self, i: usize) -> Option<&Goal> {
        if !cfg!(feature = "goals") {
            return None;
        }
        let n = self.prompts.get(i)?.goal;
        self.config.goals.get(n.checked_sub(1)?)
    }

    /// Prompt `i`'s record of `rec`: a goal's rating names its goal.
    pub fn record(&self, i: usize, mut rec: AnswerRecord) -> AnswerRecord {
        rec.goal_id = self.goal(i).map(|g| g.id.clone());
        rec
    }

    /// How many feelings were picked before prompt `i`: what its words
    /// point at ("that feeling", "these feelings").
    pub fn picked_before(&self, i: usize) -> usize {
        self.answers[..i]
            .iter()
            .flatten()
            .find_map(|a| match &a.value {
                // "Not sure" is no feeling to point at.
                Some(AnswerValue::List(ids)) => {
                    Some(ids.iter().filter(|id| *id != catalog::NOT_SURE.id).count())
                }
                _ => None,
            })
            .unwrap_or(0)
    }

    /// The answer to "something to tell today?": `yes`, `later` or `no`.
    pub fn talk(&self) -> Option<&str> {
        self.answers.iter().flatten().find_map(|a| match &a.value {
            Some(AnswerValue::Text(t)) if a.construct == catalog::Construct::WantsToTalk => {
                Some(t.as_str())
            }
            _ => None,
        })
    }

    /// Whether the end should be calm rather than a celebration: the child
    /// said something was hard.
    pub fn calm_ending(&self) -> bool {
        self.answers.iter().flatten().any(super::answer::hard)
    }

    /// Takes back the answers a host kept. Answers to prompts this check
    /// doesn't have are dropped; the latest answer to a prompt wins; each is
    /// rebuilt from the catalog, so what a host sends back can't change a
    /// prompt's construct, kind, scale or words.
    pub fn resume(mut self, resume: Resume) -> Check {
        for a in resume.answers {
            let Some(i) = self.prompts.iter().position(|p| p.id == a.prompt_id) else {
                continue;
            };
            let p = self.prompts[i];
            // A goal's rating counts only for the goal it rated: the goals'
            // order may have changed since.
            let goal = self.goal(i).map(|g| g.id.as_str());
            if !is_timestamp(&a.answered_at) || a.goal_id.as_deref() != goal {
                continue;
            }
            let clean = if a.skipped {
                Some(AnswerRecord::skipped(p, &a.answered_at))
            } else {
                a.value.as_ref().and_then(|v| {
                    let (_, value, label) = reread(&self.config, p, v)?;
                    Some(AnswerRecord::answered(p, value, label, &a.answered_at))
                })
            };
            if let Some(rec) = clean {
                self.answers[i] = Some(self.record(i, rec));
            }
        }
        if let Some(t) = resume.started_at.filter(|t| is_timestamp(t)) {
            self.started_at = t;
        }
        // Only a prompt of this check, or none, can be where help was asked.
        if let Some(h) = resume.help.filter(|h| {
            is_timestamp(&h.at)
                && h.prompt_id
                    .as_ref()
                    .is_none_or(|id| self.prompts.iter().any(|p| p.id == id))
        }) {
            self.help.get_or_insert(h);
        }
        self
    }

    /// The first prompt from `start` on without an answer, if any (none
    /// once the check has [`ended`](Check::ended)).
    pub fn first_open_from(&self, start: usize) -> Option<usize> {
        if self.ended() {
            return None;
        }
        (start..self.prompts.len()).find(|&i| self.answers[i].is_none())
    }

    /// Whether naming goals is over before its last screen: the child
    /// skipped one or said "I don't know yet", so no more are asked.
    pub fn ended(&self) -> bool {
        cfg!(feature = "naming")
            && self.config.mode == Mode::Goals && self.answers.iter().flatten().any(|a| {
            // Declining to draw a goal is no answer about the goals.
            a.construct == catalog::Construct::Goal
                && (a.skipped
                    || matches!(&a.value, Some(AnswerValue::List(ids)) if ids[0] == catalog::DONT_KNOW))
        })
    }

    #[cfg(feature = "naming")]
    /// The goals the child named in this check, in their words: each with
    /// the portal's id for that place when it gave one (`config.goals`),
    /// else one made from the session, stable across a resume.
    pub fn named_goals(&self) -> Vec<Goal> {
        let mut out = Vec::new();
        let named = self
            .prompts
            .iter()
            .enumerate()
            .filter(|(_, p)| p.construct == catalog::Construct::Goal);
        for (n, (i, _)) in named.enumerate() {
            let Some(a) = &self.answers[i] else {
                continue;
            };
            let (text, picture) = match &a.value {
                Some(AnswerValue::Text(t)) if a.construct == catalog::Construct::Goal => {
                    (t.clone(), None)
                }
                Some(AnswerValue::List(ids))
                    if a.construct == catalog::Construct::Goal && ids[0] != catalog::DONT_KNOW =>
                {
                    // The starter's words in the child's language.
                    (a.label.clone().unwrap_or_default(), Some(ids[0].clone()))
                }
                _ => continue,
            };
            let id = match self.config.goals.get(n) {
                Some(g) => g.id.clone(),
                None => super::hash::stable_id(&format!("goal|{}|{n}", self.session), 0),
            };
            // What the child drew of it, on the screen after it (3–8).
            let drawing = match self.answers.get(i + 1) {
                Some(Some(d)) if self.prompts[i + 1].input == catalog::Input::Drawing => {
                    match &d.value {
                        Some(AnswerValue::Drawing(d)) => Some(d.clone()),
                        _ => None,
                    }
                }
                _ => None,
            };
            out.push(Goal {
                id,
                text,
                set_at: Some(a.answered_at.clone()),
                picture,
                drawing,
            });
        }
        out
    }

    /// Marks the check finished when its last answer was given, so a result
    /// made again from the same answers (a resume after the portal's page
    /// reloaded) says the same time; `now` only when nothing was answered.
    pub fn complete(&mut self, now: &str) {
        let last = self
            .answers
            .iter()
            .flatten()
            .map(|a| a.answered_at.as_str())
            .chain(self.help.as_ref().map(|h| h.at.as_str()))
            .max_by(|a, b| time::compare(a, b));
        self.completed_at = Some(last.unwrap_or(now).to_string());
    }

    /// What names this check's result and every FHIR resource made of it:
    /// the session, the band and mode, and each answer (its prompt, skip,
    /// time and value). Never the moment the result was made, so the same
    /// answers always give the same ids, and a result sent again is the
    /// same record, never a second one.
    pub fn seed(&self) -> String {
        let mut seed = format!(
            "{}|{}|{}",
            self.session,
            self.config.band().code(),
            self.config.mode.code()
        );
        for a in self.answers.iter().flatten() {
            seed.push('|');
            seed.push_str(&a.prompt_id);
            seed.push(if a.skipped { '-' } else { '+' });
            seed.push_str(&a.answered_at);
            if let Some(g) = &a.goal_id {
                seed.push('#');
                seed.push_str(g);
            }
            match &a.value {
                // A drawing is its strokes: the SVG is made from them.
                Some(AnswerValue::Drawing(d)) => seed.push_str(&d.strokes),
                Some(v) => v.json(&mut seed),
                None => {}
            }
        }
        if let Some(h) = &self.help {
            seed.push_str("|help@");
            seed.push_str(&h.at);
        }
        seed
    }
}
