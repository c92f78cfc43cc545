use ally::core::catalog::{
    self, feelings, line_ends, prompts, Input, Scale, Tr, AGREE4, FEELINGS, PROMPTS, SIZES, TALK,
    UI,
};
use ally::core::config::{AgeBand, Mode};
use std::collections::HashSet;

const BANDS: [AgeBand; 4] = [
    AgeBand::Preschool,
    AgeBand::EarlySchool,
    AgeBand::Preteen,
    AgeBand::Teen,
];
const MODES: [Mode; 2] = [Mode::Checkin, Mode::Checkout];

/// Words that are the same in both languages.
const SAME_IN_BOTH: &[&str] = &["No", "Calma"];

fn check(t: &Tr, what: &str) {
    assert!(!t.en.trim().is_empty(), "{what}: English is missing");
    assert!(!t.es.trim().is_empty(), "{what}: Spanish is missing");
    if t.en == t.es {
        assert!(
            SAME_IN_BOTH.contains(&t.en),
            "{what}: \"{}\" is not translated",
            t.en
        );
    }
    // Placeholders match across languages.
    let holes = |s: &str| {
        s.split('{')
            .filter(|p| p.contains('}'))
            .map(|p| p.split('}').next().unwrap_or("").to_string())
            .collect::<HashSet<_>>()
    };
    assert_eq!(holes(t.en), holes(t.es), "{what}: placeholders differ");
}

#[test]
fn every_band_and_mode_has_complete_words_in_both_languages() {
    for band in BANDS {
        for mode in MODES {
            let ps = prompts(band, mode);
            assert!(ps.len() >= 2, "{band:?} {mode:?} has a flow");
            let ids: HashSet<&str> = ps.iter().map(|p| p.id).collect();
            assert_eq!(
                ids.len(),
                ps.len(),
                "{band:?} {mode:?}: prompt ids are unique"
            );
            for p in ps {
                check(&p.text, p.id);
                match p.input {
                    Input::Faces(scale) => {
                        for t in catalog::face_labels(scale, catalog::face_count(band)) {
                            check(t, p.id);
                        }
                    }
                    Input::Feelings { .. } => {
                        feelings(band).iter().for_each(|f| check(&f.word, f.id))
                    }
                    Input::Sizes => SIZES.iter().for_each(|(t, _)| check(t, "size")),
                    Input::Line(ends) => {
                        let (low, high) = line_ends(ends);
                        check(&low, p.id);
                        check(&high, p.id);
                    }
                    Input::Talk => TALK.iter().for_each(|(_, t)| check(t, "talk")),
                    Input::Agree4 => AGREE4.iter().for_each(|t| check(t, "agree")),
                    Input::Drawing => {
                        catalog::colours(band)
                            .iter()
                            .for_each(|(_, t)| check(t, "colour"));
                        catalog::BRUSHES.iter().for_each(|(_, t)| check(t, "brush"));
                        for t in [
                            &UI.drawing,
                            &UI.canvas,
                            &UI.eraser,
                            &UI.undo,
                            &UI.redo,
                            &UI.clear,
                            &UI.done,
                        ] {
                            check(t, "drawing tools");
                        }
                    }
                }
            }
        }
    }
    for scale in [Scale::Mood, Scale::Agree] {
        for n in [3, 5] {
            assert_eq!(catalog::face_labels(scale, n).len(), n);
        }
    }
}

#[test]
fn every_screen_word_is_in_both_languages() {
    let ui: [(&str, &Tr); 20] = [
        ("hello", &UI.hello),
        ("hello_named", &UI.hello_named),
        ("intro_checkin", &UI.intro_checkin),
        ("intro_checkout", &UI.intro_checkout),
        ("who_sees", &UI.who_sees),
        ("who_sees_older", &UI.who_sees_older),
        ("someone", &UI.someone),
        ("start", &UI.start),
        ("skip", &UI.skip),
        ("back", &UI.back),
        ("next", &UI.next),
        ("read_aloud", &UI.read_aloud),
        ("progress", &UI.progress),
        ("out_of_ten", &UI.out_of_ten),
        ("not_chosen", &UI.not_chosen),
        ("done_title", &UI.done_title),
        ("done_body", &UI.done_body),
        ("done_body_older", &UI.done_body_older),
        ("sticker", &UI.sticker),
        ("oops_title", &UI.oops_title),
    ];
    for (what, t) in ui {
        check(t, what);
    }
    check(&UI.oops_body, "oops_body");
    for (what, t) in [
        ("stopped", &UI.stopped),
        ("not_embedded", &UI.not_embedded),
        ("not_allowed", &UI.not_allowed),
        ("no_session", &UI.no_session),
    ] {
        check(t, what);
    }
}

#[test]
fn feeling_lists_grow_with_age() {
    let counts: Vec<usize> = BANDS.iter().map(|b| feelings(*b).len()).collect();
    assert_eq!(counts, vec![5, 8, 12, 16]);
    let first: Vec<&str> = feelings(AgeBand::Preschool).iter().map(|f| f.id).collect();
    assert_eq!(first, vec!["happy", "sad", "angry", "scared", "calm"]);
    let ids: HashSet<&str> = FEELINGS.iter().map(|f| f.id).collect();
    assert_eq!(ids.len(), FEELINGS.len());
}

#[test]
fn prompts_with_one_id_keep_one_construct() {
    for a in PROMPTS {
        for b in PROMPTS.iter().filter(|b| b.id == a.id) {
            assert_eq!(a.construct, b.construct, "{}", a.id);
            assert_eq!(a.mode, b.mode, "{}", a.id);
            if !std::ptr::eq(a, b) {
                assert!(
                    a.bands.iter().all(|x| !b.bands.contains(x)),
                    "{}: bands overlap",
                    a.id
                );
            }
        }
    }
}

#[test]
fn both_flows_offer_a_drawing_in_every_band() {
    for band in BANDS {
        let checkin: Vec<&str> = prompts(band, Mode::Checkin).iter().map(|p| p.id).collect();
        assert_eq!(
            checkin[1], "drawing.feel",
            "{band:?}: right after the faces"
        );
        let checkout: Vec<&str> = prompts(band, Mode::Checkout).iter().map(|p| p.id).collect();
        assert_eq!(checkout.last(), Some(&"drawing.together"), "{band:?}: last");
    }
    assert_eq!(catalog::colours(AgeBand::Preschool).len(), 6);
    assert_eq!(catalog::colours(AgeBand::Teen).len(), 9);
    assert!(!catalog::full_toolbox(AgeBand::Preschool));
    assert!(catalog::full_toolbox(AgeBand::EarlySchool));
}
