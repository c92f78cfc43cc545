use ally_core::catalog::{
    self, feelings, line_ends, prompts, Input, LineEnds, Scale, Tr, FEELINGS, PROMPTS, UI,
};
use ally_core::config::{parse, AgeBand, Locale, Mode};
use ally_core::words::{with_helper, DefTr, FhirTr, ReportTr};
use serde_json::json;
use std::collections::HashSet;

use ally_core::config::BANDS;
const MODES: [Mode; 2] = [Mode::Checkin, Mode::Checkout];

/// Words that are the same in both languages.
const SAME_IN_BOTH: &[&str] = &["No", "Calma", "Total"];

fn en(t: &Tr) -> &'static str {
    t.get(Locale::En)
}

/// Every word in every language: said, translated, with the same placeholders.
fn check(key: &str, words: impl Fn(Locale) -> &'static str) {
    let english = words(Locale::En);
    let holes = |s: &str| {
        s.split('{')
            .filter(|p| p.contains('}'))
            .map(|p| p.split('}').next().unwrap_or("").to_string())
            .collect::<HashSet<_>>()
    };
    for l in Locale::ALL {
        let said = words(l);
        assert!(!said.trim().is_empty(), "{key}: {l:?} is empty");
        assert_eq!(
            holes(said),
            holes(english),
            "{key}: {l:?}'s placeholders differ"
        );
        if l != Locale::En && said == english {
            assert!(
                SAME_IN_BOTH.contains(&said),
                "{key}: \"{said}\" is not translated into {l:?}"
            );
        }
    }
}

#[test]
fn every_word_is_said_in_every_language() {
    for t in Tr::ALL {
        check(t.key(), |l| t.get(l));
    }
    for t in ReportTr::ALL {
        check(t.key(), |l| t.get(l));
    }
    for t in FhirTr::ALL {
        check(t.key(), |l| t.get(l));
    }
    for t in DefTr::ALL {
        check(t.key(), |l| t.get(l));
    }
    assert!(Tr::ALL.len() > 130 && ReportTr::ALL.len() > 60);
}

#[test]
fn every_band_and_mode_has_its_prompts_and_scales() {
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
                if let Input::Faces(scale) = p.input {
                    assert_eq!(
                        catalog::face_labels(scale, catalog::face_count(band)).len(),
                        catalog::face_count(band)
                    );
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
    all.retain(|t| en(t).contains("{helper}"));
    all
}

#[test]
fn the_helper_never_starts_a_sentence_and_today_never_follows_the_name() {
    // "the person helping you" would start a sentence in lower case, and in
    // Spanish "…que te ayuda hoy" would tie "today" to the helping.
    let texts = helper_texts();
    assert!(texts.len() >= 15, "{}", texts.len());
    for t in texts {
        for s in Locale::ALL.map(|l| t.get(l)) {
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
        with_helper(
            Locale::Es,
            t.get(Locale::Es),
            &c.helper(UI.someone.get(Locale::Es)),
        )
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
        with_helper(Locale::Es, "para {helper}", "el Dr. Rivera"),
        "para el Dr. Rivera"
    );
    // Every Spanish sentence with the helper reads with "el", "la" and no article.
    for t in helper_texts() {
        for (helper, bad) in [
            ("el Dr. Rivera", [" a el ", " de el "]),
            ("la Dra. Núñez", ["", ""]),
        ] {
            let s = with_helper(Locale::Es, t.get(Locale::Es), helper);
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
    let words: Vec<&str> = catalog::face_labels(scale, 5).iter().map(en).collect();
    assert_eq!(words, ["No", "Not really", "Maybe", "Yes", "Yes, a lot"]);
    for p in prompts(AgeBand::EarlySchool, Mode::Checkout) {
        if let Input::Faces(scale) = p.input {
            let labels = catalog::face_labels(scale, 5);
            assert!(
                labels.iter().all(|t| t.get(Locale::En) != "Mostly"),
                "{}",
                p.id
            );
            if p.text.get(Locale::En).starts_with("Would you like") {
                assert_eq!(scale, Scale::Want, "{}", p.id);
            } else {
                assert!(p.text.get(Locale::En).starts_with("Did "), "{}", p.id);
                assert_eq!(scale, Scale::Agree, "{}", p.id);
            }
        }
    }
    // The thermometer's 0 is "not at all", never "a little".
    let (low, _) = line_ends(LineEnds::Thermometer);
    assert_eq!(
        (low.get(Locale::En), low.get(Locale::Es)),
        ("Not at all", "Nada")
    );
    for ends in [LineEnds::Faces, LineEnds::Words] {
        assert_eq!(line_ends(ends).0.get(Locale::En), "Not at all");
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
    // 3–5: after "how do you feel?" on faces, the feelings question is
    // unmistakably about which kind of feeling, never the same question again.
    let which = text(AgeBand::Preschool, Mode::Checkin, "feelings.which");
    assert_eq!(
        which.text.get(Locale::En),
        "What kind of feeling do you have? Tap one."
    );
    let mood = text(AgeBand::Preschool, Mode::Checkin, "mood.now");
    assert!(!which.text.get(Locale::En).contains("how you feel"));
    assert!(mood.text.get(Locale::En).contains("How do you feel"));
    // 6–8: the helper is named, never an ambiguous "we".
    for p in prompts(AgeBand::EarlySchool, Mode::Checkout) {
        assert!(
            !p.text.get(Locale::En).contains(" we ") && !p.text.get(Locale::En).starts_with("We "),
            "{}",
            p.text.get(Locale::En)
        );
    }
    assert!(
        text(AgeBand::EarlySchool, Mode::Checkout, "trust.what_matters")
            .text
            .get(Locale::En)
            .contains("you and {helper}")
    );
    // 3–5 check-out: bond, tasks (play) and overall; no goals at that age.
    let young: Vec<&str> = catalog::asked(AgeBand::Preschool, Mode::Checkout, "s", 0, false)
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(
        young,
        [
            "trust.liked_being_here",
            "trust.listened",
            "trust.helped",
            "drawing.together"
        ]
    );
    // Tasks ask whether what was done helped, never whether it was liked.
    for band in BANDS {
        let tasks = text(band, Mode::Checkout, "trust.helped").text;
        for l in Locale::ALL {
            assert!(!tasks.get(l).contains("like"), "{band:?}: {}", tasks.get(l));
        }
    }
    assert_eq!(
        text(AgeBand::Preschool, Mode::Checkout, "trust.helped")
            .text
            .get(Locale::En),
        "Did playing today with {helper} help you?"
    );
    // 13–17: no game, no cheer; the drawing is optional and says so.
    for t in [
        UI.intro_checkin.get(AgeBand::Teen),
        UI.done_title.get(AgeBand::Teen),
    ] {
        assert!(
            !t.get(Locale::En).to_lowercase().contains("game") && !t.get(Locale::En).contains('!'),
            "{}",
            t.get(Locale::En)
        );
    }
    assert!(UI
        .intro_checkin
        .get(AgeBand::Teen)
        .get(Locale::En)
        .contains("about one minute"));
    {
        let drawing = prompts(AgeBand::Teen, Mode::Checkin)
            .into_iter()
            .find(|p| p.kind().code() == "drawing")
            .unwrap();
        assert!(
            drawing.text.get(Locale::En).contains("optional")
                && drawing.text.get(Locale::Es).contains("opcional")
        );
    }
    // Spanish: "Entusiasmo", "Elige todas las que encajen", no gendered "juntos".
    let excited = FEELINGS.iter().find(|f| f.id == "excited").unwrap();
    assert_eq!(excited.word.get(Locale::Es), "Entusiasmo");
    assert!(text(AgeBand::Teen, Mode::Checkin, "feelings.which")
        .text
        .get(Locale::Es)
        .ends_with("Elige todas las que encajen."));
    assert!(text(AgeBand::Teen, Mode::Checkout, "trust.what_matters")
        .text
        .get(Locale::Es)
        .starts_with("¿Hoy hablaste"));
    for band in BANDS {
        for mode in MODES {
            for p in prompts(band, mode) {
                for w in ["juntos", "juntas", "listo", "lista"] {
                    assert!(
                        !p.text.get(Locale::Es).to_lowercase().contains(w),
                        "{}",
                        p.text.get(Locale::Es)
                    );
                }
            }
        }
        for aged in [&UI.intro_checkout, &UI.done_title, &UI.calm_title] {
            assert!(
                !aged.get(band).get(Locale::Es).contains("juntos"),
                "{}",
                aged.get(band).get(Locale::Es)
            );
        }
    }
    // Every welcome says that skipping is fine.
    for band in BANDS {
        let ok = UI.skip_ok.get(band);
        assert!(
            ok.get(Locale::En).to_lowercase().contains("skip")
                && ok.get(Locale::Es).to_lowercase().contains("saltar")
        );
    }
}

#[test]
fn how_strong_follows_the_feelings_picked() {
    for band in BANDS {
        let p = prompts(band, Mode::Checkin)
            .into_iter()
            .find(|p| p.id == "intensity.strongest")
            .unwrap();
        let said = |n| p.text_for(Locale::En, "Sam", n);
        assert!(said(1).contains("that feeling"), "{band:?}: {}", said(1));
        assert!(said(3).contains("these feelings"), "{band:?}: {}", said(3));
        // After several, one number about the strongest, never "all together".
        assert!(
            said(3).contains("strongest") || said(3).contains("biggest"),
            "{band:?}: {}",
            said(3)
        );
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
    assert_eq!(counts, vec![5, 8, 14, 18]);
    // From 9: irritable and bored; "not sure" at every band, apart from the list.
    for id in ["irritable", "bored"] {
        assert!(feelings(AgeBand::Preteen).iter().any(|f| f.id == id));
        assert!(!feelings(AgeBand::EarlySchool).iter().any(|f| f.id == id));
    }
    assert!(!FEELINGS.iter().any(|f| f.id == catalog::NOT_SURE.id));
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
fn every_band_is_offered_a_drawing_and_teenagers_six_screens_at_most() {
    for band in BANDS {
        let checkin: Vec<&str> = prompts(band, Mode::Checkin).iter().map(|p| p.id).collect();
        // The youngest draw last, after the questions; the others right after the faces.
        let at = if band == AgeBand::Preschool {
            checkin.len() - 1
        } else {
            1
        };
        assert_eq!(checkin[at], "drawing.feel", "{band:?}");
        let checkout: Vec<&str> = prompts(band, Mode::Checkout).iter().map(|p| p.id).collect();
        if band == AgeBand::Teen {
            assert!(!checkout.contains(&"drawing.together"));
        } else {
            assert_eq!(checkout.last(), Some(&"drawing.together"), "{band:?}: last");
        }
    }
    // 13–17 check-out, at the end of a session: six screens in every slot,
    // a statement and its opposite about one construct.
    for n in 0..40 {
        let session = format!("s-{n}");
        let asked = catalog::asked(AgeBand::Teen, Mode::Checkout, &session, 0, false);
        assert_eq!(asked.len(), 6, "{session}");
        let statements: Vec<_> = asked.iter().filter(|p| p.slot > 0).collect();
        assert_eq!(statements.len(), 2);
        assert_eq!(statements[0].construct, statements[1].construct);
        assert_eq!(
            (statements[0].reversed, statements[1].reversed),
            (false, true)
        );
        assert_eq!(catalog::slot(&session), statements[0].slot);
    }
    // Every slot comes up.
    let slots: HashSet<u8> = (0..40).map(|n| catalog::slot(&format!("s-{n}"))).collect();
    assert_eq!(slots.len(), catalog::SLOTS as usize);
    assert_eq!(catalog::colours(AgeBand::Preschool).len(), 6);
    assert_eq!(catalog::colours(AgeBand::Teen).len(), 9);
    assert!(!catalog::full_toolbox(AgeBand::Preschool));
    assert!(catalog::full_toolbox(AgeBand::EarlySchool));
}

#[test]
fn words_are_filled_everywhere_they_point_and_nowhere_else() {
    use ally_core::words::{fill, replace};
    assert_eq!(replace("{a} y {a}", "{a}", "ñú"), "ñú y ñú");
    assert_eq!(replace("años {b}", "{a}", "x"), "años {b}");
    assert_eq!(replace("", "{a}", "x"), "");
    assert_eq!(replace("abc", "", "x"), "abc");
    assert_eq!(replace("{a}{a}", "{a}", "{a}"), "{a}{a}");
    assert_eq!(
        fill("¿{n} de {total}?", &[("n", "2"), ("total", "5")]),
        "¿2 de 5?"
    );
}
