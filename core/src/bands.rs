//! The age bands, and every fact of each in one table: its ages, faces,
//! feelings, drawing tools, touch targets, read-aloud, cutoffs, the words it
//! is spoken to in and how the screens keep it company. The catalog, scoring,
//! components and tests read the table; nothing else decides by band.

/// Developmental age bands: prompts, words, scales and targets follow the band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeBand {
    Preschool,
    EarlySchool,
    Preteen,
    Teen,
}

/// Every band, youngest first.
pub const BANDS: [AgeBand; 4] = [
    AgeBand::Preschool,
    AgeBand::EarlySchool,
    AgeBand::Preteen,
    AgeBand::Teen,
];

/// Whether prompts are read aloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadAloud {
    /// Each new screen is read by itself (and the speaker button is shown).
    Auto,
    /// A speaker button on every screen reads it on demand.
    Button,
    Off,
}

/// Which words a band is spoken to in, where words change with age
/// (`.child`, `.preteen` and `.teen` keys in `locales/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// 3–8.
    Child,
    /// 9–12.
    Preteen,
    /// 13–17: "simple, not childish".
    Teen,
}

/// The scoring thresholds in force. Each one is "below": an item, total or
/// statement under it is flagged. Defaults depend on the band (see
/// [`Cutoffs::for_band`]); config keys override them one by one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cutoffs {
    /// `allianceCutoff` (0–40): a total below it sets `lowAlliance`.
    pub total: f64,
    /// `itemCutoff` (0–10): a core item below it is listed in `discuss`.
    pub item: f64,
    /// `lowItemCutoff` (0–10): a core item below it is listed in `low`.
    pub low_item: f64,
    /// `agreeCutoff` (1–4): an agree statement below it flags its construct.
    pub agree: f64,
    /// `dropThreshold`: a fall of at least this much since the previous
    /// comparable total sets `drop`.
    pub drop: f64,
}

/// Everything that is decided by the band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandProfile {
    pub band: AgeBand,
    /// The band's name on the wire and in CSS (`band-3-5`).
    pub code: &'static str,
    /// The youngest and oldest age in whole years.
    pub ages: (u8, u8),
    /// Faces on a row: three for pre-readers, five from 6.
    pub faces: usize,
    /// How many of the catalog's feelings it chooses from, simplest first.
    pub feelings: usize,
    /// Feelings are picked by their drawn faces (with the word below).
    pub feelings_drawn: bool,
    /// How many of the drawing pad's colours.
    pub colours: usize,
    /// The eraser, Redo and Clear (3–5 keep it to Undo).
    pub full_toolbox: bool,
    /// The smallest touch target, in CSS pixels: what the tests measure
    /// every control against. The styles keep a margin above it.
    pub min_target_px: u32,
    /// Read-aloud when the portal does not say: by itself for pre-readers.
    pub read_aloud: ReadAloud,
    /// The scoring thresholds when the portal does not set them.
    pub cutoffs: Cutoffs,
    /// The words that change with age.
    pub voice: Voice,
    /// 3–8: the mascot keeps them company on every screen, a tapped answer
    /// pops before the screen moves on, and the end thanks them rather than
    /// talking of sending.
    pub young: bool,
    /// The mascot on the welcome and the end (not for teenagers).
    pub mascot: bool,
    /// A sticker at the end, for taking part (3–5).
    pub sticker: bool,
    /// A trust total: none at 3–5, where two or three 3-face answers can't
    /// tell levels apart.
    pub total: bool,
    /// The quiet "I'd like to talk to someone now" control (`helpButton`).
    pub help: HelpControl,
    /// How many places a goal's progress is rated on, spread evenly over
    /// 0–10: 3 pictures (not yet, a little, a lot: 0, 5, 10), a path of 5
    /// steps from the start to the flag (0, 2, … 10), or 0 for a 0–10 line.
    /// Every place is a whole number, as FHIR's `valueInteger` wants.
    pub goal_steps: usize,
    /// How many goal starters the band names goals from: by picture at
    /// 3–8, as words to edit from 9.
    pub starters: usize,
    /// How many of the fixed "next time" choices the band sees (talk, play,
    /// draw, try something new): the youngest three. 3–8 also have
    /// "something else" as a picture; from 9 they may type.
    pub plan: usize,
}

/// Whether a band is offered the help control, and whether it is on when the
/// portal does not say (the README's "The safety path" gives the reasons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpControl {
    /// 3–5: a grown-up is always beside the child; asking for it is an error.
    Never,
    /// 6–8: a grown-up is usually beside them, and a young child taps what
    /// is there to tap; on only when the portal asks.
    OnRequest,
    /// 9–17: they may be alone with the tablet.
    ByDefault,
}

/// The defaults' reasons (the README's "Scores" gives them in full):
/// - 3–5 (three faces): the lowest face ("No") is flagged; there is no total.
/// - 6–8 (five faces): any face below the top is to discuss, the middle face
///   or lower is low: children's ratings cluster at the top.
/// - 9–17 (0–10 lines): below 9 an item is asked about, below 36 a total, as
///   in the outcome tools that set the convention.
/// - 13–17: "disagree" (2 or lower of 4) flags its construct.
const fn cutoffs(item: f64, low_item: f64) -> Cutoffs {
    Cutoffs {
        total: 36.0,
        item,
        low_item,
        agree: 3.0,
        drop: 1.0,
    }
}

/// One row per band, youngest first.
pub static PROFILES: [BandProfile; 4] = [
    BandProfile {
        band: AgeBand::Preschool,
        code: "3-5",
        ages: (3, 5),
        faces: 3,
        feelings: 5,
        feelings_drawn: true,
        colours: 6,
        full_toolbox: false,
        min_target_px: 80,
        read_aloud: ReadAloud::Auto,
        cutoffs: cutoffs(5.0, 5.0),
        voice: Voice::Child,
        young: true,
        mascot: true,
        sticker: true,
        total: false,
        help: HelpControl::Never,
        goal_steps: 3,
        starters: 4,
        plan: 3,
    },
    BandProfile {
        band: AgeBand::EarlySchool,
        code: "6-8",
        ages: (6, 8),
        faces: 5,
        feelings: 8,
        feelings_drawn: true,
        colours: 6,
        full_toolbox: true,
        min_target_px: 64,
        read_aloud: ReadAloud::Button,
        cutoffs: cutoffs(10.0, 6.0),
        voice: Voice::Child,
        young: true,
        mascot: true,
        sticker: false,
        total: true,
        help: HelpControl::OnRequest,
        goal_steps: 6,
        starters: 6,
        plan: 4,
    },
    BandProfile {
        band: AgeBand::Preteen,
        code: "9-12",
        ages: (9, 12),
        faces: 5,
        feelings: 14,
        feelings_drawn: false,
        colours: 6,
        full_toolbox: true,
        min_target_px: 48,
        read_aloud: ReadAloud::Button,
        cutoffs: cutoffs(9.0, 0.0),
        voice: Voice::Preteen,
        young: false,
        mascot: true,
        sticker: false,
        total: true,
        help: HelpControl::ByDefault,
        goal_steps: 0,
        starters: 7,
        plan: 4,
    },
    BandProfile {
        band: AgeBand::Teen,
        code: "13-17",
        ages: (13, 17),
        faces: 5,
        feelings: 18,
        feelings_drawn: false,
        colours: 9,
        full_toolbox: true,
        min_target_px: 48,
        read_aloud: ReadAloud::Button,
        cutoffs: cutoffs(9.0, 0.0),
        voice: Voice::Teen,
        young: false,
        mascot: false,
        sticker: false,
        total: true,
        help: HelpControl::ByDefault,
        goal_steps: 0,
        starters: 7,
        plan: 4,
    },
];

impl AgeBand {
    /// Everything decided by this band.
    pub fn profile(self) -> &'static BandProfile {
        &PROFILES[self as usize]
    }

    /// The band for an age in whole years; `None` outside 3–17.
    pub fn from_age(age: u8) -> Option<AgeBand> {
        PROFILES
            .iter()
            .find(|p| (p.ages.0..=p.ages.1).contains(&age))
            .map(|p| p.band)
    }

    /// The band named `code` on the wire (`"3-5"`).
    pub fn from_code(code: &str) -> Option<AgeBand> {
        PROFILES.iter().find(|p| p.code == code).map(|p| p.band)
    }

    /// The band's name on the wire and in CSS (`band-3-5`).
    pub fn code(self) -> &'static str {
        self.profile().code
    }
}
