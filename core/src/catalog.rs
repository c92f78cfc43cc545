//! Prompts as data: stable ids, the construct each one measures, its kind,
//! the bands and mode it belongs to, and its words in every locale.
//!
//! Components render whatever the catalog holds; no band has a code path
//! of its own.

use super::config::{AgeBand, Mode, Rater};
use super::words::{self, Locale};
pub use super::words::{fill, Tr};

/// What a prompt measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Construct {
    /// How the child feels now.
    Mood,
    /// Which feelings.
    Feelings,
    /// How big the feeling is.
    Intensity,
    /// Whether there is something to tell the helper today.
    WantsToTalk,
    /// Trust in the helper: listened to, safe, on my side.
    Bond,
    /// Agreement on goals: talked about what matters.
    Goals,
    /// Agreement on tasks: what we did helped, how we work makes sense.
    Tasks,
    /// Overall: liked being here, would like the same next time.
    Overall,
    /// A drawing.
    Drawing,
    /// How far along one of the child's own goals is.
    Progress,
    /// One of the child's goals, as they name it.
    Goal,
    /// What the child would like to do next time: agreement on tasks, in
    /// their own choice, never scored.
    Plan,
    /// A caregiver's view of how the child has been at home, at school or
    /// nursery, with other children, and overall (0–10 each).
    Home,
    School,
    Peers,
    Wellbeing,
    /// An adult's note in their own words: never scored.
    Note,
}

impl Construct {
    /// The construct's name on the wire.
    pub fn code(self) -> &'static str {
        match self {
            Construct::Mood => "mood",
            Construct::Feelings => "feelings",
            Construct::Intensity => "intensity",
            Construct::WantsToTalk => "wantsToTalk",
            Construct::Bond => "bond",
            Construct::Goals => "goals",
            Construct::Tasks => "tasks",
            Construct::Overall => "overall",
            Construct::Drawing => "drawing",
            Construct::Progress => "progress",
            Construct::Goal => "goal",
            Construct::Plan => "plan",
            Construct::Home => "home",
            Construct::School => "school",
            Construct::Peers => "peers",
            Construct::Wellbeing => "wellbeing",
            Construct::Note => "note",
        }
    }
}

/// The words under a row of faces: each set answers its kind of question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// How do you feel?
    Mood,
    /// Did …? (No … Yes, a lot)
    Agree,
    /// Would you like …? (No … Maybe … Yes, a lot)
    Want,
}

/// What sits at the two ends of a 0–10 line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnds {
    /// A thermometer for how strong a feeling is.
    Thermometer,
    /// A sad face at 0 and a happy face at 10.
    Faces,
    /// Words only, for teenagers.
    Words,
}

/// How a prompt is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// A row of drawn faces from saddest to happiest: 3 or 5 by band.
    Faces(Scale),
    /// Feeling words (with pictures for the younger bands); `max` 0 means any number.
    Feelings { max: usize },
    /// Small, medium or big.
    Sizes,
    /// A 0–10 line: tap anywhere; no value until tapped.
    Line(LineEnds),
    /// Yes, maybe later, or no.
    Talk,
    /// A statement to agree or disagree with, on 4 points.
    Agree4,
    /// A drawing pad; an empty drawing counts as skipped.
    Drawing,
    /// How far along a goal is, as the band rates it (`goal_steps`): 3
    /// pictures, a path of 5 steps, or a 0–10 line; or "not my goal any more".
    Progress,
    /// A goal of the child's: a starter (a picture at 3–8), their own words
    /// (9–17), or "I don't know yet".
    GoalSet,
    /// What to do next time: a choice (by picture at 3–8), one of the
    /// child's goals, or from 9 their own words.
    Plan,
    /// An adult's words, plain text of at most `max` characters.
    Note { max: usize },
}

/// The kind of an answer: how it is given, and so what its value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Faces,
    Feelings,
    Sizes,
    Line,
    Choice,
    Agree4,
    Drawing,
    Progress,
    Goal,
    Plan,
    Note,
}

impl Kind {
    /// The kind's name on the wire.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Faces => "faces",
            Kind::Feelings => "feelings",
            Kind::Sizes => "sizes",
            Kind::Line => "line",
            Kind::Choice => "choice",
            Kind::Agree4 => "agree4",
            Kind::Drawing => "drawing",
            Kind::Progress => "progress",
            Kind::Goal => "goal",
            Kind::Plan => "plan",
            Kind::Note => "note",
        }
    }
}

impl Input {
    /// The kind of the answers it gives.
    pub fn kind(self) -> Kind {
        match self {
            Input::Faces(_) => Kind::Faces,
            Input::Feelings { .. } => Kind::Feelings,
            Input::Sizes => Kind::Sizes,
            Input::Line(_) => Kind::Line,
            Input::Talk => Kind::Choice,
            Input::Agree4 => Kind::Agree4,
            Input::Drawing => Kind::Drawing,
            Input::Progress => Kind::Progress,
            Input::GoalSet => Kind::Goal,
            Input::Plan => Kind::Plan,
            Input::Note { .. } => Kind::Note,
        }
    }
}

#[derive(Debug, PartialEq)]
pub struct Prompt {
    /// Stable across bands and versions; the same id always measures the same thing.
    pub id: &'static str,
    pub mode: Mode,
    pub bands: &'static [AgeBand],
    pub construct: Construct,
    pub input: Input,
    /// May name `{helper}`. Where the words follow the feelings picked
    /// before (`after_feelings`), this is what is asked when they were skipped.
    pub text: Tr,
    /// The words after one feeling, and after several.
    pub after_feelings: Option<[Tr; 2]>,
    /// 0: asked in every session. 1 to [`SLOTS`]: asked only in the sessions
    /// of that slot (see [`slot`]), so a long check-out asks a few
    /// statements each time instead of all of them.
    pub slot: u8,
    /// A statement worded the other way round: agreeing with it is
    /// disagreeing with its construct, and it is scored so (5 minus the answer).
    pub reversed: bool,
    /// 1 to [`MAX_GOALS`](super::config::MAX_GOALS): the prompt rates the child's goal of that
    /// number (`config.goals`); 0 for every other prompt.
    pub goal: usize,
}

impl Prompt {
    pub fn kind(&self) -> Kind {
        self.input.kind()
    }

    /// The prompt's words after `picked` feelings (0 when skipped or not
    /// asked), with the helper filled in.
    pub fn text_for(&self, locale: Locale, helper: &str, picked: usize) -> String {
        let text = match (&self.after_feelings, picked) {
            (Some([one, _]), 1) => one,
            (Some([_, several]), 2..) => several,
            _ => &self.text,
        };
        words::with_helper(locale, text.get(locale), helper)
    }
}

use AgeBand::{EarlySchool, Preschool, Preteen, Teen};
const ALL: &[AgeBand] = &[Preschool, EarlySchool, Preteen, Teen];
const YOUNG: &[AgeBand] = &[Preschool, EarlySchool];
const OLDER: &[AgeBand] = &[Preteen, Teen];
const SIX_UP: &[AgeBand] = &[EarlySchool, Preteen, Teen];
const CHILD: &[AgeBand] = &[Preschool, EarlySchool, Preteen];
const SIX_TO_TWELVE: &[AgeBand] = &[EarlySchool, Preteen];

const LISTENED: Tr = Tr::PromptListened;
const WHAT_MATTERS: Tr = Tr::PromptWhatMatters;
const NEXT_TIME: Tr = Tr::PromptNextTime;

const fn prompt(
    id: &'static str,
    mode: Mode,
    bands: &'static [AgeBand],
    construct: Construct,
    input: Input,
    text: Tr,
) -> Prompt {
    Prompt {
        id,
        mode,
        bands,
        construct,
        input,
        text,
        after_feelings: None,
        slot: 0,
        reversed: false,
        goal: 0,
    }
}

/// A 13–17 agree statement asked in the sessions of `slot`: each slot
/// asks one statement and its opposite about the same construct.
const fn statement(
    id: &'static str,
    construct: Construct,
    text: Tr,
    slot: u8,
    reversed: bool,
) -> Prompt {
    Prompt {
        slot,
        reversed,
        ..prompt(id, Mode::Checkout, &[Teen], construct, Input::Agree4, text)
    }
}

/// How big or strong the strongest feeling is: the words follow what was
/// picked just before, so "these feelings" always has something to point
/// at, and after several it asks about the strongest one (one number for
/// "happy and worried together" can't be read).
const fn intensity(
    id: &'static str,
    bands: &'static [AgeBand],
    input: Input,
    words: [Tr; 3],
) -> Prompt {
    let [none, one, several] = words;
    Prompt {
        after_feelings: Some([one, several]),
        ..prompt(id, Mode::Checkin, bands, Construct::Intensity, input, none)
    }
}

/// How many slots the 13–17 agree statements rotate through.
pub const SLOTS: u8 = 4;

/// The slot of session `session`, from 1 to [`SLOTS`]: made from its id,
/// so a resumed check asks the same statements, and over many sessions each
/// slot comes up about as often as the others.
pub fn slot(session: &str) -> u8 {
    1 + (super::hash::fnv128(session, b's') % u128::from(SLOTS)) as u8
}

/// Every prompt, in the order a child meets them. An id may appear more than
/// once for disjoint bands, when the same question is asked in another way.
pub static PROMPTS: &[Prompt] = &[
    // Check-in: how the child feels.
    prompt(
        "mood.now",
        Mode::Checkin,
        ALL,
        Construct::Mood,
        Input::Faces(Scale::Mood),
        Tr::PromptMoodNow,
    ),
    // Drawings are invitations: their Skip reads "No, thanks".
    prompt(
        "drawing.feel",
        Mode::Checkin,
        SIX_TO_TWELVE,
        Construct::Drawing,
        Input::Drawing,
        Tr::PromptDrawingFeel,
    ),
    prompt(
        "drawing.feel",
        Mode::Checkin,
        &[Teen],
        Construct::Drawing,
        Input::Drawing,
        Tr::PromptDrawingFeelTeen,
    ),
    // At 3–5 the faces before asked how they feel: this asks which kind.
    prompt(
        "feelings.which",
        Mode::Checkin,
        &[Preschool],
        Construct::Feelings,
        Input::Feelings { max: 1 },
        Tr::PromptFeelingsWhichPreschool,
    ),
    prompt(
        "feelings.which",
        Mode::Checkin,
        &[EarlySchool],
        Construct::Feelings,
        Input::Feelings { max: 2 },
        Tr::PromptFeelingsWhichEarlySchool,
    ),
    prompt(
        "feelings.which",
        Mode::Checkin,
        OLDER,
        Construct::Feelings,
        Input::Feelings { max: 0 },
        Tr::PromptFeelingsWhich,
    ),
    intensity(
        "intensity.strongest",
        YOUNG,
        Input::Sizes,
        [
            Tr::PromptStrongestSizes,
            Tr::PromptStrongestSizesOne,
            Tr::PromptStrongestSizesSeveral,
        ],
    ),
    intensity(
        "intensity.strongest",
        OLDER,
        Input::Line(LineEnds::Thermometer),
        [
            Tr::PromptStrongestLine,
            Tr::PromptStrongestLineOne,
            Tr::PromptStrongestLineSeveral,
        ],
    ),
    prompt(
        "talk.today",
        Mode::Checkin,
        SIX_UP,
        Construct::WantsToTalk,
        Input::Talk,
        Tr::PromptTalkToday,
    ),
    // The youngest draw last, after the questions a grown-up reads with them.
    prompt(
        "drawing.feel",
        Mode::Checkin,
        &[Preschool],
        Construct::Drawing,
        Input::Drawing,
        Tr::PromptDrawingFeel,
    ),
    // Check-out: trust in the helper and the work (bond, goals, tasks, overall).
    prompt(
        "trust.liked_being_here",
        Mode::Checkout,
        &[Preschool],
        Construct::Overall,
        Input::Faces(Scale::Agree),
        Tr::PromptLikedBeingHere,
    ),
    prompt(
        "trust.listened",
        Mode::Checkout,
        YOUNG,
        Construct::Bond,
        Input::Faces(Scale::Agree),
        LISTENED,
    ),
    prompt(
        "trust.listened",
        Mode::Checkout,
        &[Preteen],
        Construct::Bond,
        Input::Line(LineEnds::Faces),
        LISTENED,
    ),
    prompt(
        "trust.listened",
        Mode::Checkout,
        &[Teen],
        Construct::Bond,
        Input::Line(LineEnds::Words),
        LISTENED,
    ),
    prompt(
        "trust.what_matters",
        Mode::Checkout,
        &[EarlySchool],
        Construct::Goals,
        Input::Faces(Scale::Agree),
        WHAT_MATTERS,
    ),
    prompt(
        "trust.what_matters",
        Mode::Checkout,
        &[Preteen],
        Construct::Goals,
        Input::Line(LineEnds::Faces),
        WHAT_MATTERS,
    ),
    prompt(
        "trust.what_matters",
        Mode::Checkout,
        &[Teen],
        Construct::Goals,
        Input::Line(LineEnds::Words),
        WHAT_MATTERS,
    ),
    // Tasks, as agreement on what is done: whether it helped, never whether
    // it was fun (hard work that helps is good work). Play is the work at
    // 3–5; goals belong with the caregiver at that age.
    prompt(
        "trust.helped",
        Mode::Checkout,
        &[Preschool],
        Construct::Tasks,
        Input::Faces(Scale::Agree),
        Tr::PromptHelpedPreschool,
    ),
    prompt(
        "trust.helped",
        Mode::Checkout,
        &[EarlySchool],
        Construct::Tasks,
        Input::Faces(Scale::Agree),
        Tr::PromptHelped,
    ),
    prompt(
        "trust.helped",
        Mode::Checkout,
        &[Preteen],
        Construct::Tasks,
        Input::Line(LineEnds::Faces),
        Tr::PromptHelped,
    ),
    prompt(
        "trust.helped",
        Mode::Checkout,
        &[Teen],
        Construct::Tasks,
        Input::Line(LineEnds::Words),
        Tr::PromptHelpedTeen,
    ),
    prompt(
        "trust.next_time",
        Mode::Checkout,
        &[EarlySchool],
        Construct::Overall,
        Input::Faces(Scale::Want),
        NEXT_TIME,
    ),
    prompt(
        "trust.next_time",
        Mode::Checkout,
        &[Preteen],
        Construct::Overall,
        Input::Line(LineEnds::Faces),
        NEXT_TIME,
    ),
    prompt(
        "trust.next_time",
        Mode::Checkout,
        &[Teen],
        Construct::Overall,
        Input::Line(LineEnds::Words),
        NEXT_TIME,
    ),
    // 13–17: one statement and its opposite each session, in turn.
    statement(
        "trust.hard_things",
        Construct::Bond,
        Tr::PromptHardThings,
        1,
        false,
    ),
    statement(
        "trust.hold_back",
        Construct::Bond,
        Tr::PromptHoldBack,
        1,
        true,
    ),
    statement(
        "trust.on_my_side",
        Construct::Bond,
        Tr::PromptOnMySide,
        2,
        false,
    ),
    statement(
        "trust.cant_count_on",
        Construct::Bond,
        Tr::PromptCantCountOn,
        2,
        true,
    ),
    statement(
        "trust.my_goals",
        Construct::Goals,
        Tr::PromptMyGoals,
        3,
        false,
    ),
    statement(
        "trust.not_my_goals",
        Construct::Goals,
        Tr::PromptNotMyGoals,
        3,
        true,
    ),
    statement(
        "trust.how_we_work",
        Construct::Tasks,
        Tr::PromptHowWeWork,
        4,
        false,
    ),
    statement(
        "trust.no_sense",
        Construct::Tasks,
        Tr::PromptNoSense,
        4,
        true,
    ),
    prompt(
        "drawing.together",
        Mode::Checkout,
        CHILD,
        Construct::Drawing,
        Input::Drawing,
        Tr::PromptDrawingTogether,
    ),
];

/// Goal `n`'s rating in `mode`: its words name the child's goal.
#[cfg(feature = "goals")]
const fn goal(id: &'static str, mode: Mode, n: usize) -> Prompt {
    Prompt {
        goal: n,
        ..prompt(
            id,
            mode,
            ALL,
            Construct::Progress,
            Input::Progress,
            Tr::GoalProgress,
        )
    }
}

/// Naming goals (`mode: "goals"`): the first, then up to two more.
#[cfg(feature = "naming")]
const fn goal_set(id: &'static str, text: Tr) -> Prompt {
    prompt(id, Mode::Goals, ALL, Construct::Goal, Input::GoalSet, text)
}

/// At 3–8, an invitation to draw the goal just named: "No, thanks" is as
/// weighty as Done, and declining never ends the naming.
#[cfg(feature = "naming")]
const fn goal_draw(id: &'static str) -> Prompt {
    prompt(
        id,
        Mode::Goals,
        YOUNG,
        Construct::Drawing,
        Input::Drawing,
        Tr::GoalDraw,
    )
}

/// The screens that name the child's goals, up to three, each followed at
/// 3–8 by drawing it: a skip or "I don't know yet" ends them (see
/// `Check::ended`).
#[cfg(feature = "naming")]
pub static GOAL_SET_PROMPTS: &[Prompt] = &[
    goal_set("goal.set.1", Tr::GoalSet),
    goal_draw("goal.draw.1"),
    goal_set("goal.set.2", Tr::GoalSetMore),
    goal_draw("goal.draw.2"),
    goal_set("goal.set.3", Tr::GoalSetMore),
    goal_draw("goal.draw.3"),
];
#[cfg(not(feature = "naming"))]
pub static GOAL_SET_PROMPTS: &[Prompt] = &[];

/// An adult's 0–10 item on a form: the same line the older children rate on.
#[cfg(feature = "form")]
const fn item(id: &'static str, construct: Construct, text: Tr) -> Prompt {
    prompt(
        id,
        Mode::Form,
        ALL,
        construct,
        Input::Line(LineEnds::Words),
        text,
    )
}

/// Goal `n`'s rating on a form: 0–10, as the older children rate it.
#[cfg(feature = "form")]
const fn form_goal(id: &'static str, n: usize) -> Prompt {
    Prompt {
        goal: n,
        ..item(id, Construct::Progress, Tr::FormGoal)
    }
}

/// An adult's note on a form.
#[cfg(feature = "form")]
const fn note(id: &'static str, max: usize, text: Tr) -> Prompt {
    prompt(
        id,
        Mode::Form,
        ALL,
        Construct::Note,
        Input::Note { max },
        text,
    )
}

/// The adults' forms (`mode: "form"`), each prompt's id beginning with its
/// rater's code. A caregiver: how the child has been, the child's goals,
/// the family's alliance with the therapist, a note. The therapist: the
/// goals, their view of the alliance on the child's four constructs, the
/// session in a line.
#[cfg(feature = "form")]
pub static FORM_PROMPTS: &[Prompt] = &[
    item("caregiver.home", Construct::Home, Tr::FormHome),
    item("caregiver.school", Construct::School, Tr::FormSchool),
    item("caregiver.peers", Construct::Peers, Tr::FormPeers),
    item(
        "caregiver.wellbeing",
        Construct::Wellbeing,
        Tr::FormWellbeing,
    ),
    form_goal("caregiver.goal.1", 1),
    form_goal("caregiver.goal.2", 2),
    form_goal("caregiver.goal.3", 3),
    item(
        "caregiver.listened",
        Construct::Bond,
        Tr::FormCaregiverListened,
    ),
    item("caregiver.agree", Construct::Goals, Tr::FormCaregiverAgree),
    item("caregiver.fits", Construct::Tasks, Tr::FormCaregiverFits),
    item(
        "caregiver.overall",
        Construct::Overall,
        Tr::FormCaregiverOverall,
    ),
    note(
        "caregiver.note",
        super::config::MAX_NOTE_CHARS,
        Tr::FormCaregiverNote,
    ),
    form_goal("therapist.goal.1", 1),
    form_goal("therapist.goal.2", 2),
    form_goal("therapist.goal.3", 3),
    item("therapist.bond", Construct::Bond, Tr::FormTherapistBond),
    item("therapist.goals", Construct::Goals, Tr::FormTherapistGoals),
    item("therapist.tasks", Construct::Tasks, Tr::FormTherapistTasks),
    item(
        "therapist.overall",
        Construct::Overall,
        Tr::FormTherapistOverall,
    ),
    note(
        "therapist.note",
        super::config::MAX_LINE_CHARS,
        Tr::FormTherapistNote,
    ),
];
#[cfg(not(feature = "form"))]
pub static FORM_PROMPTS: &[Prompt] = &[];

/// The rater whose form prompt `id` is; `None` for the child's prompts.
pub fn rater_of(id: &str) -> Option<Rater> {
    [Rater::Caregiver, Rater::Therapist].into_iter().find(|r| {
        id.strip_prefix(r.code())
            .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// The prompts of `rater`'s form, with one rating for each of the child's
/// `goals`, in order.
pub fn form(rater: Rater, goals: usize) -> Vec<&'static Prompt> {
    FORM_PROMPTS
        .iter()
        .filter(|p| rater_of(p.id) == Some(rater) && p.goal <= goals)
        .collect()
}

/// The words at the two ends of a form's 0–10 item, by what it measures.
#[cfg(feature = "form")]
pub fn form_ends(p: &Prompt) -> (Tr, Tr) {
    match p.construct {
        Construct::Home | Construct::School | Construct::Peers | Construct::Wellbeing => {
            (Tr::FormEndsHard, Tr::FormEndsWell)
        }
        Construct::Progress => (Tr::FormGoalStart, Tr::FormGoalReached),
        _ => (Tr::FormEndsNot, Tr::FormEndsFully),
    }
}

/// A goal to start from: a stable id (its picture's name), its words.
#[cfg(feature = "naming")]
pub static STARTERS: [(&str, Tr); 7] = [
    ("friends", Tr::GoalStarterFriends),
    ("sleep", Tr::GoalStarterSleep),
    ("home", Tr::GoalStarterHome),
    ("anger", Tr::GoalStarterAnger),
    ("school", Tr::GoalStarterSchool),
    ("worry", Tr::GoalStarterWorry),
    ("myself", Tr::GoalStarterMyself),
];

/// "I don't know yet": an answer to naming a goal, kept as such.
pub const DONT_KNOW: &str = "dont_know";

/// The starters a band picks from (the band table's `starters`): by
/// picture at 3–8, as words to edit from 9.
#[cfg(feature = "naming")]
pub fn starters(band: AgeBand) -> &'static [(&'static str, Tr)] {
    &STARTERS[..band.profile().starters]
}

/// The ratings of the child's own goals (`config.goals`, at most
/// [`MAX_GOALS`](super::config::MAX_GOALS)), asked at check-in, check-out or both (`goalsAt`).
#[cfg(not(feature = "goals"))]
pub static GOAL_PROMPTS: &[Prompt] = &[];
#[cfg(feature = "goals")]
pub static GOAL_PROMPTS: &[Prompt] = &[
    goal("goal.1", Mode::Checkin, 1),
    goal("goal.2", Mode::Checkin, 2),
    goal("goal.3", Mode::Checkin, 3),
    goal("goal.1", Mode::Checkout, 1),
    goal("goal.2", Mode::Checkout, 2),
    goal("goal.3", Mode::Checkout, 3),
];

/// What the child would like to do next time: asked at check-out, after
/// the goals' ratings, when the portal passes goals (or `nextTime`).
#[cfg(feature = "goals")]
pub static PLAN_PROMPTS: &[Prompt] = &[prompt(
    "plan.next",
    Mode::Checkout,
    ALL,
    Construct::Plan,
    Input::Plan,
    Tr::PlanNext,
)];
#[cfg(not(feature = "goals"))]
pub static PLAN_PROMPTS: &[Prompt] = &[];

/// The fixed choices of "next time", with their words by age: the band
/// table's `plan` says how many, youngest first; "something else" is the
/// last, a picture at 3–8 (from 9 they may type instead).
#[cfg(feature = "goals")]
pub static PLAN: [(&str, Aged); 5] = [
    ("talk", child_teen(Tr::PlanTalk, Tr::PlanTalkTeen)),
    (
        "play",
        Aged([Tr::PlanPlay, Tr::PlanPlayPreteen, Tr::PlanPlayTeen]),
    ),
    ("draw", child_teen(Tr::PlanDraw, Tr::PlanDrawTeen)),
    ("new", child_teen(Tr::PlanNew, Tr::PlanNew)),
    (PLAN_OTHER, child_teen(Tr::PlanOther, Tr::PlanOther)),
];

/// "Something else", at 3–8.
pub const PLAN_OTHER: &str = "other";
/// Working on one of the child's goals: `["goal", <its id>]` on the wire.
pub const PLAN_GOAL: &str = "goal";

/// The choices of "next time" a band sees with the child's `goals`, in
/// order: the fixed ones, one per goal (its id), then "something else" at
/// 3–8. A pick is a place in this list.
#[cfg(feature = "goals")]
pub fn plan(
    band: AgeBand,
    goals: &[super::config::Goal],
) -> Vec<(&'static str, Option<&super::config::Goal>)> {
    let profile = band.profile();
    let mut out: Vec<_> = PLAN[..profile.plan]
        .iter()
        .map(|(id, _)| (*id, None))
        .collect();
    out.extend(goals.iter().map(|g| (PLAN_GOAL, Some(g))));
    if profile.young {
        out.push((PLAN_OTHER, None));
    }
    out
}

/// The words of fixed choice `id` of "next time" at `band`.
#[cfg(feature = "goals")]
pub fn plan_words(id: &str, band: AgeBand) -> Option<Tr> {
    PLAN.iter()
        .find(|(p, _)| *p == id)
        .map(|(_, w)| *w.get(band))
}

/// The words of a choice of [`plan`] in `l`: what the child sees and the
/// answer's label say alike.
#[cfg(feature = "goals")]
pub fn plan_label(
    (id, goal): (&str, Option<&super::config::Goal>),
    band: AgeBand,
    l: Locale,
) -> String {
    match goal {
        Some(g) => fill(Tr::PlanGoal.get(l), &[("goal", &g.text)]),
        None => plan_words(id, band).map_or("", |w| w.get(l)).into(),
    }
}

/// The words of a goal's rating.
#[cfg(feature = "goals")]
pub struct GoalWords {
    /// 3–5: three pictures.
    pub pictures: [Tr; 3],
    /// 6–8: a path of five steps, from the start to the flag.
    pub steps: [Tr; 6],
    /// 9–17: the ends of the 0–10 line.
    pub ends: (Tr, Tr),
    /// "This isn't my goal any more": an answer, flagged for the helper.
    pub retired: Tr,
}

/// The words of naming goals (`goals.html`): the welcome, "I don't know
/// yet", the text field's label and the starters' heading.
#[cfg(feature = "naming")]
pub struct Naming {
    pub intro: Aged,
    pub dont_know: Tr,
    pub own_words: Tr,
    pub ideas: Tr,
}

#[cfg(feature = "naming")]
pub static NAMING: Naming = Naming {
    intro: child_teen(Tr::GoalIntroChild, Tr::GoalIntroTeen),
    dont_know: Tr::GoalDontKnow,
    own_words: Tr::GoalOwnWords,
    ideas: Tr::GoalIdeas,
};

#[cfg(feature = "goals")]
pub static GOAL_WORDS: GoalWords = GoalWords {
    pictures: [Tr::GoalPic0, Tr::GoalPic1, Tr::GoalPic2],
    steps: [
        Tr::GoalStep0,
        Tr::GoalStep1,
        Tr::GoalStep2,
        Tr::GoalStep3,
        Tr::GoalStep4,
        Tr::GoalStep5,
    ],
    // The line's ends are the path's ends.
    ends: (Tr::GoalStep0, Tr::GoalStep5),
    retired: Tr::GoalRetired,
};

/// The words of each step a band rates a goal on, lowest first; none for
/// the 0–10 line.
#[cfg(feature = "goals")]
pub fn progress_labels(band: AgeBand) -> &'static [Tr] {
    match band.profile().goal_steps {
        3 => &GOAL_WORDS.pictures,
        6 => &GOAL_WORDS.steps,
        _ => &[],
    }
}

/// Prompts no longer asked, kept so results that hold them can still be
/// read: a new question that measures something else gets a new id, and
/// its old one lives on here with its words.
pub static RETIRED: &[Prompt] = &[
    // Enjoyment, not agreement on tasks: replaced by `trust.helped`.
    prompt(
        "trust.liked_what_we_did",
        Mode::Checkout,
        &[Preschool],
        Construct::Tasks,
        Input::Faces(Scale::Agree),
        Tr::PromptLikedWhatWePlayed,
    ),
    prompt(
        "trust.liked_what_we_did",
        Mode::Checkout,
        &[EarlySchool],
        Construct::Tasks,
        Input::Faces(Scale::Agree),
        Tr::PromptLikedWhatWeDid,
    ),
    prompt(
        "trust.liked_what_we_did",
        Mode::Checkout,
        &[Preteen],
        Construct::Tasks,
        Input::Line(LineEnds::Faces),
        Tr::PromptLikedWhatWeDid,
    ),
    prompt(
        "trust.liked_what_we_did",
        Mode::Checkout,
        &[Teen],
        Construct::Tasks,
        Input::Line(LineEnds::Words),
        Tr::PromptLikedWhatWeDid,
    ),
    // All feelings together: replaced by the strongest one, `intensity.strongest`.
    intensity(
        "intensity.now",
        YOUNG,
        Input::Sizes,
        [
            Tr::PromptIntensitySizes,
            Tr::PromptIntensitySizesOne,
            Tr::PromptIntensitySizesSeveral,
        ],
    ),
    intensity(
        "intensity.now",
        OLDER,
        Input::Line(LineEnds::Thermometer),
        [
            Tr::PromptIntensityLine,
            Tr::PromptIntensityLineOne,
            Tr::PromptIntensityLineSeveral,
        ],
    ),
    // 13–17 check-out ended with a drawing: no longer asked, to keep it to six screens.
    prompt(
        "drawing.together",
        Mode::Checkout,
        &[Teen],
        Construct::Drawing,
        Input::Drawing,
        Tr::PromptDrawingTogetherTeen,
    ),
];

/// Every prompt of a band and mode, in order, whatever the slot: what the
/// FHIR Questionnaire lists.
///
/// The goals come last, before a closing drawing: the child rates them
/// after saying how they feel, or after saying how the session went.
pub fn prompts(band: AgeBand, mode: Mode) -> Vec<&'static Prompt> {
    let of = |list: &'static [Prompt]| {
        list.iter()
            .filter(move |p| p.mode == mode && p.bands.contains(&band))
    };
    let mut out: Vec<&'static Prompt> = of(PROMPTS).chain(of(GOAL_SET_PROMPTS)).collect();
    let mut at = match out.last() {
        Some(p) if p.input == Input::Drawing => out.len() - 1,
        _ => out.len(),
    };
    for p in of(GOAL_PROMPTS).chain(of(PLAN_PROMPTS)) {
        out.insert(at, p);
        at += 1;
    }
    out
}

/// The prompts a session of `band` and `mode` asks, in order: those of
/// every session and those of its slot, one for each of the `goals` the
/// child rates in this mode, and "next time" when `plan`.
pub fn asked(
    band: AgeBand,
    mode: Mode,
    session: &str,
    goals: usize,
    plan: bool,
) -> Vec<&'static Prompt> {
    let slot = slot(session);
    let mut list = prompts(band, mode);
    list.retain(|p| {
        (p.slot == 0 || p.slot == slot) && p.goal <= goals && (plan || p.input != Input::Plan)
    });
    list
}

/// The prompt `id` of a band and mode, asked now or retired: what reads a
/// result made by this or an earlier version.
pub fn find(band: AgeBand, mode: Mode, id: &str) -> Option<&'static Prompt> {
    PROMPTS
        .iter()
        .chain(GOAL_PROMPTS)
        .chain(GOAL_SET_PROMPTS)
        .chain(PLAN_PROMPTS)
        .chain(FORM_PROMPTS)
        .chain(RETIRED)
        .find(|p| p.id == id && p.mode == mode && p.bands.contains(&band))
}

/// A feeling a child can pick: a stable id, its word, and whether it has a
/// drawn face (the younger bands pick by picture).
#[derive(Debug, PartialEq)]
pub struct Feeling {
    pub id: &'static str,
    pub word: Tr,
}

/// Feelings from the simplest on: each band gets the first 5, 8, 14 or 18.
/// Nouns in Spanish, so no word depends on the child's gender.
pub static FEELINGS: &[Feeling] = &[
    Feeling {
        id: "happy",
        word: Tr::FeelingHappy,
    },
    Feeling {
        id: "sad",
        word: Tr::FeelingSad,
    },
    Feeling {
        id: "angry",
        word: Tr::FeelingAngry,
    },
    Feeling {
        id: "scared",
        word: Tr::FeelingScared,
    },
    Feeling {
        id: "calm",
        word: Tr::FeelingCalm,
    },
    Feeling {
        id: "worried",
        word: Tr::FeelingWorried,
    },
    Feeling {
        id: "excited",
        word: Tr::FeelingExcited,
    },
    Feeling {
        id: "tired",
        word: Tr::FeelingTired,
    },
    Feeling {
        id: "frustrated",
        word: Tr::FeelingFrustrated,
    },
    Feeling {
        id: "lonely",
        word: Tr::FeelingLonely,
    },
    Feeling {
        id: "proud",
        word: Tr::FeelingProud,
    },
    Feeling {
        id: "confused",
        word: Tr::FeelingConfused,
    },
    Feeling {
        id: "irritable",
        word: Tr::FeelingIrritable,
    },
    Feeling {
        id: "bored",
        word: Tr::FeelingBored,
    },
    Feeling {
        id: "stressed",
        word: Tr::FeelingStressed,
    },
    Feeling {
        id: "hopeful",
        word: Tr::FeelingHopeful,
    },
    Feeling {
        id: "embarrassed",
        word: Tr::FeelingEmbarrassed,
    },
    Feeling {
        id: "overwhelmed",
        word: Tr::FeelingOverwhelmed,
    },
];

/// "Not sure": offered at every band beside the feelings, and kept apart
/// from Skip. A child who doesn't know what they feel has answered; a child
/// who skips has not. Picked alone.
pub static NOT_SURE: Feeling = Feeling {
    id: "not_sure",
    word: Tr::FeelingNotSure,
};

/// The feelings that are easy to have: picking any other one, or a face
/// below the middle, calls for a calm, caring reply rather than a cheer.
pub const EASY_FEELINGS: [&str; 5] = ["happy", "calm", "excited", "proud", "hopeful"];

/// The feelings a band chooses from.
pub fn feelings(band: AgeBand) -> &'static [Feeling] {
    &FEELINGS[..band.profile().feelings]
}

/// Whether a band picks feelings by their drawn faces (with the word below).
pub fn feelings_drawn(band: AgeBand) -> bool {
    band.profile().feelings_drawn
}

/// Small, medium, big, and their values on the 0–10 intensity scale: the
/// middles of the thermometer's thirds, so a "small" feeling is not "none".
pub static SIZES: [(Tr, f64); 3] = [
    (Tr::SizeSmall, 2.0),
    (Tr::SizeMedium, 5.0),
    (Tr::SizeBig, 8.0),
];

/// Yes, maybe later, no; the value on the wire is the id.
pub static TALK: [(&str, Tr); 3] = [
    ("yes", Tr::TalkYes),
    ("later", Tr::TalkLater),
    ("no", Tr::TalkNo),
];

/// Four points from "disagree a lot" (1) to "agree a lot" (4).
pub static AGREE4: [Tr; 4] = [Tr::Agree41, Tr::Agree42, Tr::Agree43, Tr::Agree44];

/// The drawing pad's colours: six for children, nine for teenagers.
pub static COLOURS: [([u8; 3], Tr); 9] = [
    ([0x2b, 0x2b, 0x45], Tr::ColourBlack),
    ([0xe0, 0x41, 0x2f], Tr::ColourRed),
    ([0xf5, 0xb7, 0x00], Tr::ColourYellow),
    ([0x2e, 0x9e, 0x4f], Tr::ColourGreen),
    ([0x2f, 0x6f, 0xd1], Tr::ColourBlue),
    ([0x8a, 0x4f, 0xc7], Tr::ColourPurple),
    ([0x8b, 0x5a, 0x2b], Tr::ColourBrown),
    ([0xf2, 0x7a, 0xb0], Tr::ColourPink),
    ([0x8a, 0x8f, 0x98], Tr::ColourGrey),
];

/// The colours a band draws with.
pub fn colours(band: AgeBand) -> &'static [([u8; 3], Tr)] {
    &COLOURS[..band.profile().colours]
}

/// Brush sizes in canvas units, with their names.
pub static BRUSHES: [(f64, Tr); 2] = [(7.0, Tr::BrushThin), (18.0, Tr::BrushThick)];

/// Whether a band has the eraser, Redo and Clear (3–5 keep it to Undo).
pub fn full_toolbox(band: AgeBand) -> bool {
    band.profile().full_toolbox
}

/// The words at the 0 and 10 ends of a line: 0 is "not at all", never "a little".
pub fn line_ends(ends: LineEnds) -> (Tr, Tr) {
    let not_at_all = Tr::LineNotAtAll;
    match ends {
        LineEnds::Thermometer => (Tr::LineNothing, Tr::LineVeryStrong),
        LineEnds::Faces | LineEnds::Words => (not_at_all, Tr::LineALot),
    }
}

/// How many faces a band sees.
pub fn face_count(band: AgeBand) -> usize {
    band.profile().faces
}

/// The value of face `index` on Ally's common 0–10 scale, whatever the
/// number of faces: 3 faces → 0, 5, 10; 5 faces → 0, 2.5, 5, 7.5, 10.
pub fn face_value(index: usize, count: usize) -> f64 {
    if count < 2 {
        return 10.0;
    }
    10.0 * index.min(count - 1) as f64 / (count - 1) as f64
}

const MOOD_5: [Tr; 5] = [
    Tr::FaceMood50,
    Tr::FaceMood51,
    Tr::FaceMood52,
    Tr::FaceMood53,
    Tr::FaceMood54,
];
const MOOD_3: [Tr; 3] = [Tr::FaceMood30, Tr::FaceMood31, Tr::FaceMood32];
const AGREE_5: [Tr; 5] = [
    Tr::FaceAgree50,
    Tr::FaceAgree51,
    Tr::FaceAgree52,
    Tr::FaceAgree53,
    Tr::FaceAgree54,
];
const WANT_5: [Tr; 5] = [
    AGREE_5[0],
    AGREE_5[1],
    Tr::FaceWant52,
    AGREE_5[3],
    AGREE_5[4],
];
const AGREE_3: [Tr; 3] = [Tr::FaceAgree30, Tr::FaceAgree31, Tr::FaceAgree32];

/// The words for each face, saddest first.
pub fn face_labels(scale: Scale, count: usize) -> &'static [Tr] {
    match (scale, count) {
        (Scale::Mood, 3) => &MOOD_3,
        (Scale::Mood, _) => &MOOD_5,
        (Scale::Agree | Scale::Want, 3) => &AGREE_3,
        (Scale::Agree, _) => &AGREE_5,
        (Scale::Want, _) => &WANT_5,
    }
}

/// Words that change with age: for 3–8, 9–12 and 13–17.
pub struct Aged(pub [Tr; 3]);

impl Aged {
    pub fn get(&self, band: AgeBand) -> &Tr {
        &self.0[band.profile().voice as usize]
    }
}

/// The same words for 3–12, others for 13–17.
const fn child_teen(child: Tr, teen: Tr) -> Aged {
    Aged([child, child, teen])
}

/// The words of the screens around the prompts.
pub struct Ui {
    pub hello: Tr,
    pub drawing: Tr,
    pub canvas: Tr,
    pub eraser: Tr,
    pub undo: Tr,
    pub redo: Tr,
    pub clear: Tr,
    pub done: Tr,
    pub next: Tr,
    pub read_aloud: Tr,
    /// The mascot on a question, as a button: the question once more.
    pub read_again: Tr,
    pub stop_reading: Tr,
    pub out_of_ten: Tr,
    pub not_chosen: Tr,
    pub sticker: Tr,
    pub hello_named: Tr,
    pub intro_checkin: Aged,
    pub intro_checkout: Aged,
    /// Every welcome says that skipping is fine.
    pub skip_ok: Aged,
    /// Every check-out says there are no wrong answers.
    pub no_wrong: Aged,
    /// Who sees the answers, unless the portal says it (`whoSees`).
    pub who_sees: Aged,
    pub someone: Tr,
    pub start: Tr,
    pub skip: Tr,
    /// Skip, on the invitations to draw.
    pub no_thanks: Tr,
    pub back: Tr,
    pub progress: Tr,
    pub done_title: Aged,
    pub done_body: Tr,
    /// The end after the child said something was hard: no cheer.
    pub calm_title: Aged,
    pub calm_checkin: Aged,
    pub calm_checkout: Tr,
    /// Until the host confirms it has the answers, nothing says they were sent.
    pub sending: Tr,
    pub sent: Tr,
    /// The drawing page is full: what the child can still do.
    pub page_full: Aged,
    /// Replies to "yes" and "maybe later" to telling the helper something.
    pub talk_yes: Tr,
    pub talk_later: Tr,
    pub oops_title: Tr,
    pub oops_body: Tr,
    /// The portal shows answers as they come (`liveView`): the welcome says so.
    #[cfg(feature = "safety")]
    pub live_view: Tr,
    /// One tap answers and moves on: said on the welcome, before it happens.
    pub auto_next: Aged,
    /// The quiet "I'd like to talk to someone now" control, and its screen.
    #[cfg(feature = "safety")]
    pub help: HelpWords,
    pub stopped: Tr,
    pub not_embedded: Tr,
    pub not_allowed: Tr,
    pub no_session: Tr,
}

/// The help control's and screen's words.
#[cfg(feature = "safety")]
pub struct HelpWords {
    pub button: Aged,
    pub title: Aged,
    /// Until the portal confirms it heard.
    pub telling: Tr,
    /// Once it has.
    pub told: Tr,
    /// Someone near to tell now, whatever the portal does.
    pub near: Aged,
    /// Before the portal's `helpLines`.
    pub lines: Tr,
    pub back: Tr,
}

pub static UI: Ui = Ui {
    drawing: Tr::Drawing,
    canvas: Tr::Canvas,
    eraser: Tr::Eraser,
    undo: Tr::Undo,
    redo: Tr::Redo,
    clear: Tr::Clear,
    done: Tr::Done,
    next: Tr::Next,
    read_aloud: Tr::ReadAloud,
    read_again: Tr::ReadAgain,
    stop_reading: Tr::StopReading,
    out_of_ten: Tr::OutOfTen,
    not_chosen: Tr::NotChosen,
    sticker: Tr::Sticker,
    hello: Tr::Hello,
    hello_named: Tr::HelloNamed,
    intro_checkin: child_teen(Tr::IntroCheckinChild, Tr::IntroCheckinTeen),
    intro_checkout: child_teen(Tr::IntroCheckoutChild, Tr::IntroCheckoutTeen),
    skip_ok: Aged([Tr::SkipOkChild, Tr::SkipOkPreteen, Tr::SkipOkTeen]),
    no_wrong: Aged([Tr::NoWrongChild, Tr::NoWrongPreteen, Tr::NoWrongTeen]),
    who_sees: Aged([Tr::WhoSeesChild, Tr::WhoSeesPreteen, Tr::WhoSeesTeen]),
    someone: Tr::Someone,
    start: Tr::Start,
    skip: Tr::Skip,
    no_thanks: Tr::NoThanks,
    back: Tr::Back,
    progress: Tr::Progress,
    done_title: Aged([Tr::DoneTitleChild, Tr::DoneTitlePreteen, Tr::DoneTitleTeen]),
    done_body: Tr::DoneBody,
    calm_title: Aged([Tr::CalmTitleChild, Tr::CalmTitlePreteen, Tr::CalmTitleTeen]),
    calm_checkin: Aged([
        Tr::CalmCheckinChild,
        Tr::CalmCheckinPreteen,
        Tr::CalmCheckinTeen,
    ]),
    calm_checkout: Tr::CalmCheckout,
    sending: Tr::Sending,
    sent: Tr::Sent,
    page_full: Aged([Tr::PageFullChild, Tr::PageFullPreteen, Tr::PageFullTeen]),
    talk_yes: Tr::ReplyTalkYes,
    talk_later: Tr::ReplyTalkLater,
    stopped: Tr::Stopped,
    not_embedded: Tr::NotEmbedded,
    not_allowed: Tr::NotAllowed,
    no_session: Tr::NoSession,
    oops_title: Tr::OopsTitle,
    oops_body: Tr::OopsBody,
    #[cfg(feature = "safety")]
    live_view: Tr::LiveView,
    auto_next: Aged([Tr::AutoNextChild, Tr::AutoNextPreteen, Tr::AutoNextTeen]),
    #[cfg(feature = "safety")]
    help: HelpWords {
        button: Aged([
            Tr::HelpButtonChild,
            Tr::HelpButtonPreteen,
            Tr::HelpButtonTeen,
        ]),
        title: Aged([Tr::HelpTitleChild, Tr::HelpTitlePreteen, Tr::HelpTitleTeen]),
        telling: Tr::HelpTelling,
        told: Tr::HelpTold,
        near: Aged([Tr::HelpNearChild, Tr::HelpNearPreteen, Tr::HelpNearTeen]),
        lines: Tr::HelpLines,
        back: Tr::HelpBack,
    },
};
