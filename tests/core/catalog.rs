use ally_core::catalog::{
    self, feelings, line_ends, prompts, with_helper, Input, LineEnds, Scale, Tr, Ui, AGREE4,
    FEELINGS, PROMPTS, SIZES, TALK, UI,
};
use ally_core::config::{parse, AgeBand, Locale, Mode};
use serde_json::json;
use std::collections::HashSet;

use ally_core::config::BANDS;
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
                for t in p.after_feelings.iter().flatten() {
                    check(t, p.id);
                }
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
    for scale in [Scale::Mood, Scale::Agree, Scale::Want] {
        for n in [3, 5] {
            assert_eq!(catalog::face_labels(scale, n).len(), n);
        }
    }
}

#[test]
fn every_screen_word_is_in_both_languages() {
    // Listed without `..`: a new field that is not checked here doesn't compile.
    let Ui {
        hello,
        drawing,
        canvas,
        eraser,
        undo,
        redo,
        clear,
        done,
        next,
        read_aloud,
        stop_reading,
        out_of_ten,
        not_chosen,
        sticker,
        hello_named,
        intro_checkin,
        intro_checkout,
        skip_ok,
        no_wrong,
        who_sees,
        someone,
        start,
        skip,
        no_thanks,
        back,
        progress,
        done_title,
        done_body,
        calm_title,
        calm_checkin,
        calm_checkout,
        sending,
        sent,
        page_full,
        talk_yes,
        talk_later,
        oops_title,
        oops_body,
        stopped,
        not_embedded,
        not_allowed,
        no_session,
    } = &UI;
    let words = [
        hello,
        drawing,
        canvas,
        eraser,
        undo,
        redo,
        clear,
        done,
        next,
        read_aloud,
        stop_reading,
        out_of_ten,
        not_chosen,
        sticker,
        hello_named,
        someone,
        start,
        skip,
        no_thanks,
        back,
        progress,
        done_body,
        calm_checkout,
        sending,
        sent,
        talk_yes,
        talk_later,
        oops_title,
        oops_body,
        stopped,
        not_embedded,
        not_allowed,
        no_session,
    ];
    for (i, t) in words.into_iter().enumerate() {
        check(t, &format!("screen word {i}: {}", t.en));
    }
    for aged in [
        intro_checkin,
        intro_checkout,
        skip_ok,
        no_wrong,
        who_sees,
        done_title,
        calm_title,
        calm_checkin,
        page_full,
    ] {
        for band in BANDS {
            check(aged.get(band), &format!("{band:?}: {}", aged.get(band).en));
        }
    }
}

/// Every text a child can see that names the helper.
fn helper_texts() -> Vec<Tr> {
    let mut all: Vec<Tr> = PROMPTS.iter().map(|p| p.text).collect();
    all.extend(
        PROMPTS
            .iter()
            .flat_map(|p| p.after_feelings.into_iter().flatten()),
    );
    for aged in [
        &UI.intro_checkout,
        &UI.no_wrong,
        &UI.who_sees,
        &UI.calm_checkin,
    ] {
        all.extend(BANDS.iter().map(|b| *aged.get(*b)));
    }
    all.extend([UI.calm_checkout, UI.sent, UI.talk_yes, UI.talk_later]);
    all.retain(|t| t.en.contains("{helper}"));
    all
}

#[test]
fn the_helper_never_starts_a_sentence_and_today_never_follows_the_name() {
    // "the person helping you" would start a sentence in lower case, and in
    // Spanish "…que te ayuda hoy" would tie "today" to the helping.
    let texts = helper_texts();
    assert!(texts.len() >= 15, "{}", texts.len());
    for t in texts {
        for s in [t.en, t.es] {
            let starts = s
                .split(['.', '?', '!', '¿', '¡'])
                .any(|part| part.trim_start().starts_with("{helper}"));
            assert!(!starts, "starts a sentence: {s}");
            assert!(
                !s.contains("{helper} hoy") && !s.contains("{helper} today"),
                "{s}"
            );
        }
    }
}

#[test]
fn spanish_takes_the_article_and_contracts_it() {
    let cfg = |extra: serde_json::Value| {
        let mut c = json!({ "age": 15, "locale": "es", "mode": "checkout" });
        c.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        parse(&c).unwrap()
    };
    let said = |extra: serde_json::Value, t: &Tr| {
        let c = cfg(extra);
        with_helper(t.es, &c.helper(UI.someone.es))
    };
    let hard = PROMPTS
        .iter()
        .find(|p| p.id == "trust.hard_things")
        .unwrap();
    let listened = PROMPTS.iter().find(|p| p.id == "trust.listened").unwrap();
    let dr = json!({ "helperName": "Dr. Rivera", "helperArticle": "el" });
    let dra = json!({ "helperName": "Dra. Núñez", "helperArticle": "la" });
    let ana = json!({ "helperName": "Ana" });
    assert_eq!(
        said(dr.clone(), &listened.text),
        "¿Hoy te escuchó el Dr. Rivera?"
    );
    assert_eq!(
        said(dra.clone(), &listened.text),
        "¿Hoy te escuchó la Dra. Núñez?"
    );
    assert_eq!(said(ana.clone(), &listened.text), "¿Hoy te escuchó Ana?");
    assert_eq!(
        said(json!({}), &listened.text),
        "¿Hoy te escuchó la persona que te ayuda?"
    );
    assert_eq!(
        said(dr.clone(), &hard.text),
        "Puedo contarle al Dr. Rivera cosas que me cuesta decir."
    );
    assert_eq!(
        said(dra, &hard.text),
        "Puedo contarle a la Dra. Núñez cosas que me cuesta decir."
    );
    assert_eq!(
        said(ana, &UI.who_sees.0[0]),
        "Tus respuestas le llegan a Ana."
    );
    assert_eq!(
        said(dr.clone(), &UI.who_sees.0[0]),
        "Tus respuestas le llegan al Dr. Rivera."
    );
    // English never takes the article; a word ending in "a" before the name is left alone.
    let en =
        parse(&json!({ "age": 9, "helperName": "Dr. Rivera", "helperArticle": "el" })).unwrap();
    assert_eq!(en.helper("x"), "Dr. Rivera");
    assert_eq!(
        with_helper("para {helper}", "el Dr. Rivera"),
        "para el Dr. Rivera"
    );
    // Every Spanish sentence with the helper reads with "el", "la" and no article.
    for t in helper_texts() {
        for (helper, bad) in [
            ("el Dr. Rivera", [" a el ", " de el "]),
            ("la Dra. Núñez", ["", ""]),
        ] {
            let s = with_helper(t.es, helper);
            for b in bad.iter().filter(|b| !b.is_empty()) {
                assert!(!s.contains(b), "{s}");
            }
            assert!(!s.contains("{helper}"), "{s}");
        }
    }
}

#[test]
fn labels_answer_their_question() {
    // "Would you like …?" is answered with "Maybe", never with "Mostly".
    let next = prompts(AgeBand::EarlySchool, Mode::Checkout)
        .into_iter()
        .find(|p| p.id == "trust.next_time")
        .unwrap();
    let Input::Faces(scale) = next.input else {
        panic!()
    };
    let words: Vec<&str> = catalog::face_labels(scale, 5)
        .iter()
        .map(|t| t.en)
        .collect();
    assert_eq!(words, ["No", "Not really", "Maybe", "Yes", "Yes, a lot"]);
    for p in prompts(AgeBand::EarlySchool, Mode::Checkout) {
        if let Input::Faces(scale) = p.input {
            let labels = catalog::face_labels(scale, 5);
            assert!(labels.iter().all(|t| t.en != "Mostly"), "{}", p.id);
            if p.text.en.starts_with("Would you like") {
                assert_eq!(scale, Scale::Want, "{}", p.id);
            } else {
                assert!(p.text.en.starts_with("Did "), "{}", p.id);
                assert_eq!(scale, Scale::Agree, "{}", p.id);
            }
        }
    }
    // The thermometer's 0 is "not at all", never "a little".
    let (low, _) = line_ends(LineEnds::Thermometer);
    assert_eq!((low.en, low.es), ("Not at all", "Nada"));
    for ends in [LineEnds::Faces, LineEnds::Words] {
        assert_eq!(line_ends(ends).0.en, "Not at all");
    }
}

#[test]
fn the_words_fit_each_age() {
    let text = |band, mode, id: &str| {
        prompts(band, mode)
            .into_iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("{band:?} {id}"))
    };
    // 3–5: the feelings question points at the faces, not at an "it".
    let which = text(AgeBand::Preschool, Mode::Checkin, "feelings.which");
    assert_eq!(which.text.en, "Which face shows how you feel?");
    // 6–8: the helper is named, never an ambiguous "we".
    for p in prompts(AgeBand::EarlySchool, Mode::Checkout) {
        assert!(
            !p.text.en.contains(" we ") && !p.text.en.starts_with("We "),
            "{}",
            p.text.en
        );
    }
    assert!(
        text(AgeBand::EarlySchool, Mode::Checkout, "trust.what_matters")
            .text
            .en
            .contains("you and {helper}")
    );
    // 3–5 check-out: bond, tasks (play) and overall; no goals at that age.
    let young: Vec<&str> = prompts(AgeBand::Preschool, Mode::Checkout)
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(
        young,
        [
            "trust.liked_being_here",
            "trust.listened",
            "trust.liked_what_we_did",
            "drawing.together"
        ]
    );
    assert_eq!(
        text(
            AgeBand::Preschool,
            Mode::Checkout,
            "trust.liked_what_we_did"
        )
        .text
        .en,
        "Did you like what you played today?"
    );
    // 13–17: no game, no cheer; the drawing is optional and says so.
    for t in [
        UI.intro_checkin.get(AgeBand::Teen),
        UI.done_title.get(AgeBand::Teen),
    ] {
        assert!(
            !t.en.to_lowercase().contains("game") && !t.en.contains('!'),
            "{}",
            t.en
        );
    }
    assert!(UI
        .intro_checkin
        .get(AgeBand::Teen)
        .en
        .contains("about one minute"));
    for mode in MODES {
        let drawing = prompts(AgeBand::Teen, mode)
            .into_iter()
            .find(|p| p.kind().code() == "drawing")
            .unwrap();
        assert!(drawing.text.en.contains("optional") && drawing.text.es.contains("opcional"));
    }
    // Spanish: "Entusiasmo", "Elige todas las que sientas", no gendered "juntos".
    let excited = FEELINGS.iter().find(|f| f.id == "excited").unwrap();
    assert_eq!(excited.word.es, "Entusiasmo");
    assert!(text(AgeBand::Teen, Mode::Checkin, "feelings.which")
        .text
        .es
        .ends_with("Elige todas las que sientas."));
    assert!(text(AgeBand::Teen, Mode::Checkout, "trust.what_matters")
        .text
        .es
        .starts_with("¿Hoy hablaste"));
    for band in BANDS {
        for mode in MODES {
            for p in prompts(band, mode) {
                for w in ["juntos", "juntas", "listo", "lista"] {
                    assert!(!p.text.es.to_lowercase().contains(w), "{}", p.text.es);
                }
            }
        }
        for aged in [&UI.intro_checkout, &UI.done_title, &UI.calm_title] {
            assert!(
                !aged.get(band).es.contains("juntos"),
                "{}",
                aged.get(band).es
            );
        }
    }
    // Every welcome says that skipping is fine.
    for band in BANDS {
        let ok = UI.skip_ok.get(band);
        assert!(ok.en.to_lowercase().contains("skip") && ok.es.to_lowercase().contains("saltar"));
    }
}

#[test]
fn how_strong_follows_the_feelings_picked() {
    for band in BANDS {
        let p = prompts(band, Mode::Checkin)
            .into_iter()
            .find(|p| p.id == "intensity.now")
            .unwrap();
        let said = |n| p.text_for(Locale::En, "Sam", n);
        assert!(said(1).contains("that feeling"), "{band:?}: {}", said(1));
        assert!(said(3).contains("these feelings"), "{band:?}: {}", said(3));
        assert!(
            !said(0).contains("that feeling") && !said(0).contains("these"),
            "{band:?}: {}",
            said(0)
        );
        for n in [0, 1, 2] {
            assert_ne!(p.text_for(Locale::Es, "Sam", n), said(n));
        }
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
