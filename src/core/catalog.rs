//! Prompts as data: stable ids, the construct each one measures, its kind,
//! the bands and mode it belongs to, and its words in every locale.
//!
//! Components render whatever the catalog holds; no band has a code path
//! of its own.

use super::config::{AgeBand, Locale, Mode};
use serde::Serialize;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Construct {
    /// How the child feels now.
    Mood,
    /// Trust in the helper: felt listened to.
    Bond,
    /// Agreement on goals: talked about what matters.
    Goals,
    /// Agreement on tasks: liked what was done.
    Tasks,
    /// Overall: would like the same next time.
    Overall,
}

/// How a prompt is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A row of drawn faces from saddest to happiest; 3 or 5 by band.
    Faces,
}

/// The words under a row of faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Mood,
    Agree,
}

#[derive(Debug, PartialEq)]
pub struct Prompt {
    pub id: &'static str,
    pub mode: Mode,
    pub bands: &'static [AgeBand],
    pub construct: Construct,
    pub kind: Kind,
    pub scale: Scale,
    pub text: Tr,
}

const ALL: &[AgeBand] = &[
    AgeBand::Preschool,
    AgeBand::EarlySchool,
    AgeBand::Preteen,
    AgeBand::Teen,
];
const YOUNGEST: &[AgeBand] = &[AgeBand::Preschool];
const SIX_UP: &[AgeBand] = &[AgeBand::EarlySchool, AgeBand::Preteen, AgeBand::Teen];

/// Every prompt, in the order a child meets them.
pub static PROMPTS: &[Prompt] = &[
    Prompt {
        id: "mood.now",
        mode: Mode::Checkin,
        bands: ALL,
        construct: Construct::Mood,
        kind: Kind::Faces,
        scale: Scale::Mood,
        text: Tr {
            en: "How do you feel right now?",
            es: "¿Cómo te sientes ahora?",
        },
    },
    Prompt {
        id: "trust.listened",
        mode: Mode::Checkout,
        bands: ALL,
        construct: Construct::Bond,
        kind: Kind::Faces,
        scale: Scale::Agree,
        text: Tr {
            en: "Did you feel listened to today?",
            es: "¿Sentiste que te escucharon hoy?",
        },
    },
    Prompt {
        id: "trust.liked_being_here",
        mode: Mode::Checkout,
        bands: YOUNGEST,
        construct: Construct::Overall,
        kind: Kind::Faces,
        scale: Scale::Agree,
        text: Tr {
            en: "Did you like being here today?",
            es: "¿Te gustó estar aquí hoy?",
        },
    },
    Prompt {
        id: "trust.what_matters",
        mode: Mode::Checkout,
        bands: SIX_UP,
        construct: Construct::Goals,
        kind: Kind::Faces,
        scale: Scale::Agree,
        text: Tr {
            en: "Did we talk about things that matter to you?",
            es: "¿Hablamos de cosas que te importan?",
        },
    },
    Prompt {
        id: "trust.liked_what_we_did",
        mode: Mode::Checkout,
        bands: SIX_UP,
        construct: Construct::Tasks,
        kind: Kind::Faces,
        scale: Scale::Agree,
        text: Tr {
            en: "Did you like what we did today?",
            es: "¿Te gustó lo que hicimos hoy?",
        },
    },
    Prompt {
        id: "trust.next_time",
        mode: Mode::Checkout,
        bands: SIX_UP,
        construct: Construct::Overall,
        kind: Kind::Faces,
        scale: Scale::Agree,
        text: Tr {
            en: "Would you like to do this kind of thing next time?",
            es: "¿Te gustaría hacer algo así la próxima vez?",
        },
    },
];

/// The prompts for one band and mode, in order.
pub fn prompts(band: AgeBand, mode: Mode) -> Vec<&'static Prompt> {
    PROMPTS
        .iter()
        .filter(|p| p.mode == mode && p.bands.contains(&band))
        .collect()
}

/// Looks a prompt up by its id.
pub fn prompt(id: &str) -> Option<&'static Prompt> {
    PROMPTS.iter().find(|p| p.id == id)
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
        en: "A little",
        es: "Un poco",
    },
    Tr {
        en: "Mostly",
        es: "Bastante",
    },
    Tr {
        en: "Yes, a lot",
        es: "Sí, mucho",
    },
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
        (Scale::Agree, 3) => &AGREE_3,
        (Scale::Agree, _) => &AGREE_5,
    }
}

/// The words of the screens around the prompts.
pub struct Ui {
    pub hello: Tr,
    pub hello_named: Tr,
    pub intro_checkin: Tr,
    pub intro_checkout: Tr,
    pub who_sees: Tr,
    pub someone: Tr,
    pub start: Tr,
    pub skip: Tr,
    pub back: Tr,
    pub progress: Tr,
    pub done_title: Tr,
    pub done_body: Tr,
    pub oops_title: Tr,
    pub oops_body: Tr,
}

pub static UI: Ui = Ui {
    hello: Tr {
        en: "Hi there!",
        es: "¡Hola!",
    },
    hello_named: Tr {
        en: "Hi, {child}!",
        es: "¡Hola, {child}!",
    },
    intro_checkin: Tr {
        en: "Let's play a quick game about how you feel.",
        es: "Vamos a jugar un juego corto sobre cómo te sientes.",
    },
    intro_checkout: Tr {
        en: "Let's think about our time together today.",
        es: "Pensemos en el rato que pasamos juntos hoy.",
    },
    who_sees: Tr {
        en: "Your answers go to {helper}. You can skip anything.",
        es: "Tus respuestas van a {helper}. Puedes saltar cualquier pregunta.",
    },
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
    back: Tr {
        en: "Back",
        es: "Atrás",
    },
    progress: Tr {
        en: "Question {n} of {total}",
        es: "Pregunta {n} de {total}",
    },
    done_title: Tr {
        en: "All done!",
        es: "¡Listo!",
    },
    done_body: Tr {
        en: "Thank you for sharing.",
        es: "Gracias por contarnos.",
    },
    oops_title: Tr {
        en: "Oops, this game can't start right now.",
        es: "Uy, este juego no puede empezar ahora.",
    },
    oops_body: Tr {
        en: "Please ask the grown-up with you for help.",
        es: "Pide ayuda a la persona adulta que está contigo.",
    },
};

/// Fills `{name}` placeholders.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in vars {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}
