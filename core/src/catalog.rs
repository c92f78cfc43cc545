//! Prompts as data: stable ids, the construct each one measures, its kind,
//! the bands and mode it belongs to, and its words in every locale.
//!
//! Components render whatever the catalog holds; no band has a code path
//! of its own.

use super::config::{AgeBand, Locale, Mode};

/// A string in every locale Ally speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    pub en: &'static str,
    pub es: &'static str,
}

impl Tr {
    pub fn get(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en,
            Locale::Es => self.es,
        }
    }
}

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
    /// Agreement on tasks: liked what was done, how we work.
    Tasks,
    /// Overall: liked being here, would like the same next time.
    Overall,
    /// A drawing.
    Drawing,
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
        with_helper(text.get(locale), helper)
    }
}

use AgeBand::{EarlySchool, Preschool, Preteen, Teen};
const ALL: &[AgeBand] = &[Preschool, EarlySchool, Preteen, Teen];
const YOUNG: &[AgeBand] = &[Preschool, EarlySchool];
const OLDER: &[AgeBand] = &[Preteen, Teen];
const SIX_UP: &[AgeBand] = &[EarlySchool, Preteen, Teen];
const CHILD: &[AgeBand] = &[Preschool, EarlySchool, Preteen];

const LISTENED: Tr = Tr {
    en: "Did {helper} listen to you today?",
    es: "¿Hoy te escuchó {helper}?",
};
const WHAT_MATTERS: Tr = Tr {
    en: "Did you and {helper} talk about things that are important to you today?",
    es: "¿Hoy hablaste con {helper} de cosas importantes para ti?",
};
const LIKED_WHAT_WE_DID: Tr = Tr {
    en: "Did you like what you did today with {helper}?",
    es: "¿Te gustó lo que hiciste hoy con {helper}?",
};
const NEXT_TIME: Tr = Tr {
    en: "Would you like to do something like this again next time?",
    es: "¿Te gustaría repetir algo así la próxima vez?",
};

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
    }
}

/// How big or strong: the words follow what was picked just before, so
/// "these feelings" always has something to point at.
const fn intensity(bands: &'static [AgeBand], input: Input, words: [Tr; 3]) -> Prompt {
    let [none, one, several] = words;
    Prompt {
        after_feelings: Some([one, several]),
        ..prompt(
            "intensity.now",
            Mode::Checkin,
            bands,
            Construct::Intensity,
            input,
            none,
        )
    }
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
        Tr {
            en: "How do you feel right now?",
            es: "¿Cómo te sientes ahora?",
        },
    ),
    // Drawings are invitations: their Skip reads "No, thanks".
    prompt(
        "drawing.feel",
        Mode::Checkin,
        CHILD,
        Construct::Drawing,
        Input::Drawing,
        Tr {
            en: "Would you like to draw how you feel?",
            es: "¿Quieres dibujar cómo te sientes?",
        },
    ),
    prompt(
        "drawing.feel",
        Mode::Checkin,
        &[Teen],
        Construct::Drawing,
        Input::Drawing,
        Tr {
            en: "Want to sketch how you feel? It's optional.",
            es: "¿Quieres dibujar cómo te sientes? Es opcional.",
        },
    ),
    prompt(
        "feelings.which",
        Mode::Checkin,
        &[Preschool],
        Construct::Feelings,
        Input::Feelings { max: 1 },
        Tr {
            en: "Which face shows how you feel?",
            es: "¿Qué carita muestra cómo te sientes?",
        },
    ),
    prompt(
        "feelings.which",
        Mode::Checkin,
        &[EarlySchool],
        Construct::Feelings,
        Input::Feelings { max: 2 },
        Tr {
            en: "Which feelings do you have? Pick one or two.",
            es: "¿Qué emociones tienes? Elige una o dos.",
        },
    ),
    prompt(
        "feelings.which",
        Mode::Checkin,
        OLDER,
        Construct::Feelings,
        Input::Feelings { max: 0 },
        Tr {
            en: "Which feelings do you have? Pick all that fit.",
            es: "¿Qué emociones tienes? Elige todas las que sientas.",
        },
    ),
    intensity(
        YOUNG,
        Input::Sizes,
        [
            Tr {
                en: "How big is your feeling right now?",
                es: "¿Qué tan grande es lo que sientes ahora?",
            },
            Tr {
                en: "How big is that feeling?",
                es: "¿Qué tan grande es eso que sientes?",
            },
            Tr {
                en: "All together, how big are these feelings?",
                es: "¿Qué tan grande es todo lo que sientes?",
            },
        ],
    ),
    intensity(
        OLDER,
        Input::Line(LineEnds::Thermometer),
        [
            Tr {
                en: "How strong is what you feel right now, from 0 to 10?",
                es: "¿Qué tan fuerte es lo que sientes ahora, del 0 al 10?",
            },
            Tr {
                en: "How strong is that feeling, from 0 to 10?",
                es: "¿Qué tan fuerte es esa emoción, del 0 al 10?",
            },
            Tr {
                en: "All together, how strong are these feelings, from 0 to 10?",
                es: "¿Qué tan fuertes son estas emociones, todas juntas, del 0 al 10?",
            },
        ],
    ),
    prompt(
        "talk.today",
        Mode::Checkin,
        SIX_UP,
        Construct::WantsToTalk,
        Input::Talk,
        Tr {
            en: "Today, is there something you'd like to tell {helper}?",
            es: "¿Hay algo que quieras contarle hoy a {helper}?",
        },
    ),
    // Check-out: trust in the helper and the work (bond, goals, tasks, overall).
    prompt(
        "trust.liked_being_here",
        Mode::Checkout,
        &[Preschool],
        Construct::Overall,
        Input::Faces(Scale::Agree),
        Tr {
            en: "Did you like being here today?",
            es: "¿Te gustó estar aquí hoy?",
        },
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
    // Play is the work at 3–5; goals belong with the caregiver at that age.
    prompt(
        "trust.liked_what_we_did",
        Mode::Checkout,
        &[Preschool],
        Construct::Tasks,
        Input::Faces(Scale::Agree),
        Tr {
            en: "Did you like what you played today?",
            es: "¿Te gustó lo que jugaste hoy?",
        },
    ),
    prompt(
        "trust.liked_what_we_did",
        Mode::Checkout,
        &[EarlySchool],
        Construct::Tasks,
        Input::Faces(Scale::Agree),
        LIKED_WHAT_WE_DID,
    ),
    prompt(
        "trust.liked_what_we_did",
        Mode::Checkout,
        &[Preteen],
        Construct::Tasks,
        Input::Line(LineEnds::Faces),
        LIKED_WHAT_WE_DID,
    ),
    prompt(
        "trust.liked_what_we_did",
        Mode::Checkout,
        &[Teen],
        Construct::Tasks,
        Input::Line(LineEnds::Words),
        LIKED_WHAT_WE_DID,
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
    prompt(
        "trust.hard_things",
        Mode::Checkout,
        &[Teen],
        Construct::Bond,
        Input::Agree4,
        Tr {
            en: "I can tell {helper} things that are hard to say.",
            es: "Puedo contarle a {helper} cosas que me cuesta decir.",
        },
    ),
    prompt(
        "trust.on_my_side",
        Mode::Checkout,
        &[Teen],
        Construct::Bond,
        Input::Agree4,
        Tr {
            en: "I feel supported by {helper}.",
            es: "Siento que {helper} me apoya.",
        },
    ),
    prompt(
        "trust.my_goals",
        Mode::Checkout,
        &[Teen],
        Construct::Goals,
        Input::Agree4,
        Tr {
            en: "In sessions with {helper}, I work on things I care about.",
            es: "En las sesiones con {helper}, trabajo en cosas que me importan.",
        },
    ),
    prompt(
        "trust.how_we_work",
        Mode::Checkout,
        &[Teen],
        Construct::Tasks,
        Input::Agree4,
        Tr {
            en: "The way {helper} and I work makes sense to me.",
            es: "La forma en que trabajo con {helper} tiene sentido para mí.",
        },
    ),
    prompt(
        "drawing.together",
        Mode::Checkout,
        CHILD,
        Construct::Drawing,
        Input::Drawing,
        Tr {
            en: "Would you like to draw you and {helper}? It's okay if you don't want to.",
            es: "¿Quieres dibujarte con {helper}? Está bien si no quieres.",
        },
    ),
    prompt(
        "drawing.together",
        Mode::Checkout,
        &[Teen],
        Construct::Drawing,
        Input::Drawing,
        Tr {
            en: "Want to sketch something about today's session? It's optional.",
            es: "¿Quieres dibujar algo sobre la sesión de hoy? Es opcional.",
        },
    ),
];

/// The prompts for one band and mode, in order.
pub fn prompts(band: AgeBand, mode: Mode) -> Vec<&'static Prompt> {
    PROMPTS
        .iter()
        .filter(|p| p.mode == mode && p.bands.contains(&band))
        .collect()
}

/// A feeling a child can pick: a stable id, its word, and whether it has a
/// drawn face (the younger bands pick by picture).
#[derive(Debug, PartialEq)]
pub struct Feeling {
    pub id: &'static str,
    pub word: Tr,
}

/// Feelings from the simplest on: each band gets the first 5, 8, 12 or 16.
/// Nouns in Spanish, so no word depends on the child's gender.
pub static FEELINGS: &[Feeling] = &[
    Feeling {
        id: "happy",
        word: Tr {
            en: "Happy",
            es: "Alegría",
        },
    },
    Feeling {
        id: "sad",
        word: Tr {
            en: "Sad",
            es: "Tristeza",
        },
    },
    Feeling {
        id: "angry",
        word: Tr {
            en: "Angry",
            es: "Enojo",
        },
    },
    Feeling {
        id: "scared",
        word: Tr {
            en: "Scared",
            es: "Miedo",
        },
    },
    Feeling {
        id: "calm",
        word: Tr {
            en: "Calm",
            es: "Calma",
        },
    },
    Feeling {
        id: "worried",
        word: Tr {
            en: "Worried",
            es: "Preocupación",
        },
    },
    Feeling {
        id: "excited",
        word: Tr {
            en: "Excited",
            es: "Entusiasmo",
        },
    },
    Feeling {
        id: "tired",
        word: Tr {
            en: "Tired",
            es: "Cansancio",
        },
    },
    Feeling {
        id: "frustrated",
        word: Tr {
            en: "Frustrated",
            es: "Frustración",
        },
    },
    Feeling {
        id: "lonely",
        word: Tr {
            en: "Lonely",
            es: "Soledad",
        },
    },
    Feeling {
        id: "proud",
        word: Tr {
            en: "Proud",
            es: "Orgullo",
        },
    },
    Feeling {
        id: "confused",
        word: Tr {
            en: "Confused",
            es: "Confusión",
        },
    },
    Feeling {
        id: "stressed",
        word: Tr {
            en: "Stressed",
            es: "Estrés",
        },
    },
    Feeling {
        id: "hopeful",
        word: Tr {
            en: "Hopeful",
            es: "Esperanza",
        },
    },
    Feeling {
        id: "embarrassed",
        word: Tr {
            en: "Embarrassed",
            es: "Vergüenza",
        },
    },
    Feeling {
        id: "overwhelmed",
        word: Tr {
            en: "Overwhelmed",
            es: "Agobio",
        },
    },
];

/// The feelings that are easy to have: picking any other one, or a face
/// below the middle, calls for a calm, caring reply rather than a cheer.
pub const EASY_FEELINGS: [&str; 5] = ["happy", "calm", "excited", "proud", "hopeful"];

/// The feelings a band chooses from.
pub fn feelings(band: AgeBand) -> &'static [Feeling] {
    let n = match band {
        Preschool => 5,
        EarlySchool => 8,
        Preteen => 12,
        Teen => 16,
    };
    &FEELINGS[..n]
}

/// Whether a band picks feelings by their drawn faces (with the word below).
pub fn feelings_drawn(band: AgeBand) -> bool {
    matches!(band, Preschool | EarlySchool)
}

/// Small, medium, big, and their values on the 0–10 intensity scale: the
/// middles of the thermometer's thirds, so a "small" feeling is not "none".
pub static SIZES: [(Tr, f64); 3] = [
    (
        Tr {
            en: "Small",
            es: "Pequeño",
        },
        2.0,
    ),
    (
        Tr {
            en: "Medium",
            es: "Mediano",
        },
        5.0,
    ),
    (
        Tr {
            en: "Big",
            es: "Grande",
        },
        8.0,
    ),
];

/// Yes, maybe later, no; the value on the wire is the id.
pub static TALK: [(&str, Tr); 3] = [
    (
        "yes",
        Tr {
            en: "Yes",
            es: "Sí",
        },
    ),
    (
        "later",
        Tr {
            en: "Maybe later",
            es: "Tal vez luego",
        },
    ),
    ("no", Tr { en: "No", es: "No" }),
];

/// Four points from "disagree a lot" (1) to "agree a lot" (4).
pub static AGREE4: [Tr; 4] = [
    Tr {
        en: "Disagree a lot",
        es: "Muy en desacuerdo",
    },
    Tr {
        en: "Disagree a little",
        es: "Algo en desacuerdo",
    },
    Tr {
        en: "Agree a little",
        es: "Algo de acuerdo",
    },
    Tr {
        en: "Agree a lot",
        es: "Muy de acuerdo",
    },
];

/// The drawing pad's colours: six for children, nine for teenagers.
pub static COLOURS: [([u8; 3], Tr); 9] = [
    (
        [0x2b, 0x2b, 0x45],
        Tr {
            en: "Black",
            es: "Negro",
        },
    ),
    (
        [0xe0, 0x41, 0x2f],
        Tr {
            en: "Red",
            es: "Rojo",
        },
    ),
    (
        [0xf5, 0xb7, 0x00],
        Tr {
            en: "Yellow",
            es: "Amarillo",
        },
    ),
    (
        [0x2e, 0x9e, 0x4f],
        Tr {
            en: "Green",
            es: "Verde",
        },
    ),
    (
        [0x2f, 0x6f, 0xd1],
        Tr {
            en: "Blue",
            es: "Azul",
        },
    ),
    (
        [0x8a, 0x4f, 0xc7],
        Tr {
            en: "Purple",
            es: "Morado",
        },
    ),
    (
        [0x8b, 0x5a, 0x2b],
        Tr {
            en: "Brown",
            es: "Marrón",
        },
    ),
    (
        [0xf2, 0x7a, 0xb0],
        Tr {
            en: "Pink",
            es: "Rosa",
        },
    ),
    (
        [0x8a, 0x8f, 0x98],
        Tr {
            en: "Grey",
            es: "Gris",
        },
    ),
];

/// The colours a band draws with.
pub fn colours(band: AgeBand) -> &'static [([u8; 3], Tr)] {
    match band {
        Teen => &COLOURS,
        _ => &COLOURS[..6],
    }
}

/// Brush sizes in canvas units, with their names.
pub static BRUSHES: [(f64, Tr); 2] = [
    (
        7.0,
        Tr {
            en: "Thin brush",
            es: "Pincel fino",
        },
    ),
    (
        18.0,
        Tr {
            en: "Thick brush",
            es: "Pincel grueso",
        },
    ),
];

/// Whether a band has the eraser, Redo and Clear (3–5 keep it to Undo).
pub fn full_toolbox(band: AgeBand) -> bool {
    band != Preschool
}

/// The words at the 0 and 10 ends of a line: 0 is "not at all", never "a little".
pub fn line_ends(ends: LineEnds) -> (Tr, Tr) {
    let not_at_all = Tr {
        en: "Not at all",
        es: "Para nada",
    };
    match ends {
        LineEnds::Thermometer => (
            Tr {
                en: "Not at all",
                es: "Nada",
            },
            Tr {
                en: "Very strong",
                es: "Muy fuerte",
            },
        ),
        LineEnds::Faces | LineEnds::Words => (
            not_at_all,
            Tr {
                en: "A lot",
                es: "Mucho",
            },
        ),
    }
}

/// How many faces a band sees.
pub fn face_count(band: AgeBand) -> usize {
    match band {
        AgeBand::Preschool => 3,
        _ => 5,
    }
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
    Tr {
        en: "Awful",
        es: "Muy mal",
    },
    Tr {
        en: "Not good",
        es: "Mal",
    },
    Tr {
        en: "Okay",
        es: "Regular",
    },
    Tr {
        en: "Good",
        es: "Bien",
    },
    Tr {
        en: "Great",
        es: "Genial",
    },
];
const MOOD_3: [Tr; 3] = [
    Tr {
        en: "Not good",
        es: "Mal",
    },
    Tr {
        en: "Okay",
        es: "Regular",
    },
    Tr {
        en: "Good",
        es: "Bien",
    },
];
const AGREE_5: [Tr; 5] = [
    Tr { en: "No", es: "No" },
    Tr {
        en: "Not really",
        es: "No mucho",
    },
    Tr {
        en: "Kind of",
        es: "Más o menos",
    },
    Tr {
        en: "Yes",
        es: "Sí",
    },
    Tr {
        en: "Yes, a lot",
        es: "Sí, mucho",
    },
];
const WANT_5: [Tr; 5] = [
    AGREE_5[0],
    AGREE_5[1],
    Tr {
        en: "Maybe",
        es: "Tal vez",
    },
    AGREE_5[3],
    AGREE_5[4],
];
const AGREE_3: [Tr; 3] = [
    Tr { en: "No", es: "No" },
    Tr {
        en: "A little",
        es: "Un poco",
    },
    Tr {
        en: "Yes",
        es: "Sí",
    },
];

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
        &self.0[match band {
            Preschool | EarlySchool => 0,
            Preteen => 1,
            Teen => 2,
        }]
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
    pub stopped: Tr,
    pub not_embedded: Tr,
    pub not_allowed: Tr,
    pub no_session: Tr,
}

pub static UI: Ui = Ui {
    drawing: Tr { en: "A drawing", es: "Un dibujo" },
    canvas: Tr {
        en: "Drawing space: draw with your finger or a pen",
        es: "Espacio para dibujar: dibuja con el dedo o un lápiz",
    },
    eraser: Tr { en: "Eraser", es: "Borrador" },
    undo: Tr { en: "Undo", es: "Deshacer" },
    redo: Tr { en: "Redo", es: "Rehacer" },
    clear: Tr { en: "Clear all", es: "Borrar todo" },
    done: Tr { en: "Done", es: "Listo" },
    next: Tr { en: "Next", es: "Siguiente" },
    read_aloud: Tr { en: "Read aloud", es: "Leer en voz alta" },
    stop_reading: Tr { en: "Stop reading", es: "Dejar de leer" },
    out_of_ten: Tr { en: "{n} out of 10", es: "{n} de 10" },
    not_chosen: Tr { en: "Not chosen yet", es: "Sin elegir" },
    sticker: Tr { en: "A star for you!", es: "¡Una estrella para ti!" },
    hello: Tr {
        en: "Hi there!",
        es: "¡Hola!",
    },
    hello_named: Tr {
        en: "Hi, {child}!",
        es: "¡Hola, {child}!",
    },
    intro_checkin: child_teen(
        Tr {
            en: "Let's take a minute to see how you feel.",
            es: "Tomemos un minuto para ver cómo te sientes.",
        },
        Tr {
            en: "Before your session: a quick check-in, about one minute.",
            es: "Antes de tu sesión: unas preguntas rápidas, como un minuto.",
        },
    ),
    intro_checkout: child_teen(
        Tr {
            en: "Let's think about how today went with {helper}.",
            es: "Pensemos en cómo te fue hoy con {helper}.",
        },
        Tr {
            en: "A few quick questions about today's session.",
            es: "Unas preguntas rápidas sobre la sesión de hoy.",
        },
    ),
    skip_ok: Aged([
        Tr {
            en: "If you don't want to answer, tap Skip. That's okay.",
            es: "Si no quieres responder, toca Saltar. Está bien.",
        },
        Tr {
            en: "You can skip any question. That's completely okay.",
            es: "Puedes saltar cualquier pregunta. No pasa nada.",
        },
        Tr {
            en: "Every question is optional. Skip anything you like.",
            es: "Todas las preguntas son opcionales. Puedes saltar las que quieras.",
        },
    ]),
    no_wrong: Aged([
        Tr {
            en: "There are no wrong answers. If you didn't like something, {helper} really wants to know.",
            es: "No hay respuestas malas. Si algo no te gustó, {helper} de verdad quiere saberlo.",
        },
        Tr {
            en: "There are no wrong answers. If something didn't work for you, {helper} really wants to know.",
            es: "No hay respuestas incorrectas. Si algo no te funcionó, {helper} de verdad quiere saberlo.",
        },
        Tr {
            en: "There are no wrong answers. Knowing what didn't work helps {helper} as much as knowing what did.",
            es: "No hay respuestas incorrectas. Saber qué no funcionó le sirve a {helper} tanto como saber qué sí.",
        },
    ]),
    who_sees: Aged([
        Tr {
            en: "Your answers go to {helper}.",
            es: "Tus respuestas le llegan a {helper}.",
        },
        Tr {
            en: "Your answers go to {helper} and may be saved in your file at the clinic. They help plan your sessions.",
            es: "Tus respuestas le llegan a {helper} y pueden guardarse en tu expediente de la clínica. Sirven para planear tus sesiones.",
        },
        Tr {
            en: "Your answers go to {helper} through the clinic's system and may be kept in your clinic record. To know who else can see them, ask {helper}.",
            es: "Tus respuestas le llegan a {helper} por el sistema de la clínica y pueden guardarse en tu expediente. Si quieres saber quién más puede verlas, pregúntale a {helper}.",
        },
    ]),
    someone: Tr {
        en: "the person helping you",
        es: "la persona que te ayuda",
    },
    start: Tr {
        en: "Start",
        es: "Empezar",
    },
    skip: Tr {
        en: "Skip",
        es: "Saltar",
    },
    no_thanks: Tr {
        en: "No, thanks",
        es: "No, gracias",
    },
    back: Tr {
        en: "Back",
        es: "Atrás",
    },
    progress: Tr {
        en: "Question {n} of {total}",
        es: "Pregunta {n} de {total}",
    },
    done_title: Aged([
        Tr {
            en: "All done!",
            es: "¡Terminamos!",
        },
        Tr {
            en: "Thanks!",
            es: "¡Gracias!",
        },
        Tr {
            en: "Thanks.",
            es: "Gracias.",
        },
    ]),
    done_body: Tr {
        en: "Thank you for your answers!",
        es: "¡Gracias por responder!",
    },
    calm_title: Aged([
        Tr {
            en: "Thank you",
            es: "Gracias",
        },
        Tr {
            en: "Thanks for sharing",
            es: "Gracias por contarlo",
        },
        Tr {
            en: "Thanks.",
            es: "Gracias.",
        },
    ]),
    calm_checkin: Aged([
        Tr {
            en: "Thank you for showing how you feel. You can talk about it with {helper} if you want.",
            es: "Gracias por mostrar cómo te sientes. Si quieres, puedes hablarlo con {helper}.",
        },
        Tr {
            en: "It's okay to feel this way. You can talk about it with {helper} if you want.",
            es: "Está bien sentirse así. Si quieres, puedes hablarlo con {helper}.",
        },
        Tr {
            en: "It's okay to feel this way. You can talk about it with {helper} if you want.",
            es: "Está bien sentirse así. Si quieres, puedes hablarlo con {helper}.",
        },
    ]),
    calm_checkout: Tr {
        en: "Thank you for saying how it really went. It helps {helper} make things better.",
        es: "Gracias por decir cómo te fue de verdad. Eso le ayuda a {helper} a mejorar las cosas.",
    },
    sending: Tr {
        en: "Sending your answers…",
        es: "Enviando tus respuestas…",
    },
    sent: Tr {
        en: "Your answers were sent, so {helper} can see them.",
        es: "Tus respuestas se enviaron para que {helper} las vea.",
    },
    page_full: Aged([
        Tr {
            en: "Your page is full! You can undo a line, or tap Done.",
            es: "¡Tu hoja está llena! Puedes deshacer una línea o tocar Listo.",
        },
        Tr {
            en: "Your page is full! You can undo, clear, or finish your drawing.",
            es: "¡Tu hoja está llena! Puedes deshacer, borrar todo o terminar.",
        },
        Tr {
            en: "The page is full. You can undo, clear, or finish.",
            es: "La hoja está llena. Puedes deshacer, borrar todo o terminar.",
        },
    ]),
    talk_yes: Tr {
        en: "Got it. Your answers will let {helper} know you have something to say.",
        es: "Entendido. Tus respuestas le avisarán a {helper} que tienes algo que decir.",
    },
    talk_later: Tr {
        en: "That's okay. If you want, you can tell {helper} later. It's up to you.",
        es: "Está bien. Si quieres, puedes contarle a {helper} más tarde. Tú decides.",
    },
    stopped: Tr {
        en: "Oops, this can't go on right now.",
        es: "Uy, esto no puede seguir ahora.",
    },
    not_embedded: Tr {
        en: "Ally opens inside your care portal.",
        es: "Ally se abre dentro de tu portal de atención.",
    },
    not_allowed: Tr {
        en: "This page is not allowed to open Ally.",
        es: "Esta página no tiene permiso para abrir Ally.",
    },
    no_session: Tr {
        en: "The link to Ally is missing its session.",
        es: "Al enlace de Ally le falta la sesión.",
    },
    oops_title: Tr {
        en: "Oops, this can't start right now.",
        es: "Uy, esto no puede empezar ahora.",
    },
    oops_body: Tr {
        en: "Please ask the grown-up with you for help.",
        es: "Pide ayuda a la persona adulta que está contigo.",
    },
};

/// Puts the helper into a sentence. In Spanish, "a el" and "de el" contract
/// to "al" and "del" ("contarle al Dr. Rivera").
pub fn with_helper(template: &str, helper: &str) -> String {
    let mut out = template.to_string();
    if let Some(name) = helper.strip_prefix("el ") {
        out = out
            .replace(" a {helper}", &format!(" al {name}"))
            .replace(" de {helper}", &format!(" del {name}"));
    }
    out.replace("{helper}", helper)
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in vars {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}
