//! The report's screens, as functions of the state.

use super::chart;
use crate::components::face::face;
use crate::core::answer::AnswerValue;
use crate::core::catalog::{self, Input};
use crate::core::config::{AgeBand, Locale, Mode, Rater};
use crate::core::protocol::Refusal;
use crate::core::report::{self as r, Report, ReportStage, ReportTr, Session};
use yew::prelude::*;

fn t(w: &ReportTr, l: Locale) -> &'static str {
    w.get(l)
}

/// The whole report.
pub fn report(state: &Report) -> Html {
    let l = state.options.locale;
    let lang = l.code();
    let body = match &state.stage {
        ReportStage::Connecting => html! { <p class="quiet">{ t(&r::ReportTr::Waiting, l) }</p> },
        ReportStage::Refused(
            Refusal::NotEmbedded | Refusal::OriginNotAllowed | Refusal::NoSession,
        ) => {
            html! { <p class="notice">{ t(&r::ReportTr::NotHere, l) }</p> }
        }
        ReportStage::Failed(e) => {
            html! { <p class="notice">{ catalog::fill(t(&r::ReportTr::Failed, l), &[("message", &e.message)]) }</p> }
        }
        ReportStage::Active => active(state, l),
    };
    html! {
        <div lang={lang}>
            <h1>{ t(&r::ReportTr::Title, l) }</h1>
            { body }
        </div>
    }
}

fn active(state: &Report, l: Locale) -> Html {
    let sessions: Vec<&Session> = state.sessions().collect();
    // The mood flags of the latest check-in, beside the ones before it.
    let moods = state
        .sessions
        .iter()
        .rposition(|s| s.mode() == Mode::Checkin)
        .map(|n| r::mood_flags(&state.sessions, n))
        .unwrap_or_default();
    // The latest of each check, the most recent first.
    let mut latest_of: Vec<&Session> = [
        (Mode::Checkout, Rater::Child),
        (Mode::Checkin, Rater::Child),
        (Mode::Goals, Rater::Child),
        (Mode::Form, Rater::Caregiver),
        (Mode::Form, Rater::Therapist),
    ]
    .iter()
    .filter_map(|(m, who)| {
        sessions
            .iter()
            .rev()
            .find(|s| s.mode() == *m && s.rater() == *who)
            .copied()
    })
    .collect();
    latest_of.sort_by(|a, b| b.completed_at.cmp(&a.completed_at));
    html! {
        <>
            { alerts(state, l) }
            { live(state, l) }
            if sessions.is_empty() {
                <p class="quiet">{ t(&r::ReportTr::NoSessions, l) }</p>
            }
            { for latest_of.into_iter().map(|s| latest(s, l, &moods)) }
            { side_by_side(state, l) }
            if !sessions.is_empty() {
                <section class="over" aria-labelledby="over">
                    <h2 id="over">{ t(&r::ReportTr::Over, l) }</h2>
                    { chart::charts(state, l) }
                    { items_table(&sessions, l) }
                </section>
            }
            { unreadable(state, l) }
        </>
    }
}

fn band_words(band: AgeBand, l: Locale) -> String {
    let code = band.code().replace('-', "–");
    catalog::fill(t(&r::ReportTr::Ages, l), &[("band", &code)])
}

/// The date of a timestamp, as written in it (the portal's records use the same).
pub fn date(ts: &str) -> &str {
    ts.get(..10).unwrap_or(ts)
}

/// What the widget raised for the therapist's attention now: at the top,
/// before anything else, each with its time and the question it arose on.
fn alerts(state: &Report, l: Locale) -> Html {
    if state.alerts.is_empty() {
        return Html::default();
    }
    let items = state.alerts.iter().rev().map(|a| {
        let time = local_time(&a.raised_at);
        let time = time.as_str();
        let mut line = catalog::fill(
            t(&r::ReportTr::AttentionAt, l),
            &[
                ("reason", t(&r::concern_words(a.reason), l)),
                ("time", time),
            ],
        );
        if let Some(p) = &a.prompt_id {
            let words = r::live_words(p, state.live_band, l);
            line = format!(
                "{line} {}",
                catalog::fill(t(&r::ReportTr::AttentionOn, l), &[("prompt", &words)])
            );
        }
        html! { <li data-reason={a.reason}>{ line }</li> }
    });
    html! {
        <section class="attention" role="alert" aria-labelledby="attention">
            <h2 id="attention">{ t(&r::ReportTr::AttentionHead, l) }</h2>
            <ul>{ for items }</ul>
        </section>
    }
}

/// A timestamp's hour and minute on the therapist's clock (the widget
/// writes UTC); as written when the browser can't read it.
fn local_time(ts: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(ts));
    if d.get_time().is_nan() {
        return ts.get(11..16).unwrap_or(ts).to_string();
    }
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// The latest session: its summary in plain words (with the latest
/// check-in's mood flags), then every prompt.
fn latest(s: &Session, l: Locale, moods: &[r::MoodFlag]) -> Html {
    let mood_lines: Vec<&str> = match s.mode() {
        Mode::Checkin => moods
            .iter()
            .map(|f| t(&r::mood_flag_words(*f), l))
            .collect(),
        Mode::Checkout | Mode::Goals | Mode::Form => vec![],
    };
    let has_drawing = s
        .check
        .prompts
        .iter()
        .zip(&s.check.answers)
        .any(|(p, a)| p.input == Input::Drawing && a.as_ref().is_some_and(|a| !a.skipped));
    let rows = s.check.prompts.iter().enumerate().map(|(i, p)| {
        let record = s.check.answers[i].as_ref();
        let skipped = record.is_none_or(|a| a.skipped);
        let answer = r::answer_words(s, i, l);
        let picture = match (p.input, record.and_then(|a| a.value.as_ref())) {
            (Input::Faces(scale), Some(AnswerValue::Number(n))) if !skipped => {
                face(n / 10.0, scale != crate::core::catalog::Scale::Mood)
            }
            (Input::Drawing, Some(AnswerValue::Drawing(d))) if !skipped => drawing(&d.svg, l),
            _ => Html::default(),
        };
        html! {
            <tr data-prompt={p.id} class={classes!(skipped.then_some("skipped"))}>
                <th scope="row">{ r::prompt_words(s, p.id, l) }</th>
                <td>{ t(&r::construct_words(p.construct), l) }</td>
                <td class="answer">{ picture }<span>{ answer }</span></td>
            </tr>
        }
    });
    let (id, title) = match s.mode() {
        Mode::Checkout => ("latest-checkout", t(&r::ReportTr::LatestCheckout, l)),
        Mode::Checkin => ("latest-checkin", t(&r::ReportTr::LatestCheckin, l)),
        Mode::Goals => ("latest-goals", t(&r::ReportTr::LatestGoals, l)),
        Mode::Form if s.rater() == Rater::Caregiver => {
            ("latest-caregiver", t(&r::ReportTr::LatestCaregiver, l))
        }
        Mode::Form => ("latest-therapist", t(&r::ReportTr::LatestTherapist, l)),
    };
    let question = match s.mode() {
        Mode::Form => r::ReportTr::QuestionAdult,
        _ => r::ReportTr::Question,
    };
    html! {
        <section class="latest" data-mode={s.mode().code()} data-rater={s.rater().code()} aria-labelledby={id}>
            <h2 id={id}>
                { title }
                <span class="meta">{ format!(" · {} · {}", date(&s.completed_at), band_words(s.band(), l)) }</span>
            </h2>
            <ul class="summary">
                { for r::summary(s, l).into_iter().map(|line| html! { <li>{ line }</li> }) }
                { for mood_lines.into_iter().map(|line| html! { <li class="mood-flag">{ line }</li> }) }
            </ul>
            <table class="answers">
                <thead><tr>
                    <th scope="col">{ t(&question, l) }</th>
                    <th scope="col">{ t(&r::ReportTr::Measures, l) }</th>
                    <th scope="col">{ t(&r::ReportTr::Answer, l) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if has_drawing {
                <p class="drawing-note">{ t(&r::ReportTr::DrawingNote, l) }</p>
            }
        </section>
    }
}

/// A drawing: the SVG the report made from its strokes when it read the
/// document (never markup taken from outside).
fn drawing(svg: &str, l: Locale) -> Html {
    html! {
        <figure class="drawing" role="img" aria-label={t(&r::ReportTr::DrawingOf, l)}>
            { Html::from_html_unchecked(AttrValue::from(svg.to_string())) }
        </figure>
    }
}

/// The check-in in progress, answer by answer as it arrives.
fn live(state: &Report, l: Locale) -> Html {
    if state.live.is_empty() {
        return Html::default();
    }
    let rows = state.live.iter().map(|a| {
        let words = r::live_words(&a.prompt_id, state.live_band, l);
        let answer = if a.skipped {
            t(&r::ReportTr::Skipped, l).to_string()
        } else {
            a.label.clone().unwrap_or_default()
        };
        html! { <li data-prompt={a.prompt_id.clone()}><span>{ words }</span>{ " " }<strong>{ answer }</strong></li> }
    });
    html! {
        <section class="live" aria-labelledby="live" aria-live="polite">
            <h2 id="live">{ t(&r::ReportTr::Live, l) }</h2>
            <ul>{ for rows }</ul>
        </section>
    }
}

/// The trust items of each check-out, oldest first.
fn items_table(sessions: &[&Session], l: Locale) -> Html {
    let checkouts: Vec<&&Session> = sessions
        .iter()
        .filter(|s| {
            s.mode() == Mode::Checkout && s.rater() == Rater::Child && s.band().profile().total
        })
        .collect();
    if checkouts.is_empty() {
        return Html::default();
    }
    let ids: Vec<&str> = checkouts
        .last()
        .and_then(|s| s.scores.alliance.as_ref())
        .map(|a| a.items.clone())
        .unwrap_or_default();
    let latest = checkouts[checkouts.len() - 1];
    let rows = checkouts.iter().map(|s| {
        let cells = ids.iter().map(|id| {
            let i = s.check.prompts.iter().position(|p| p.id == *id);
            // Compact: the number, or "Skipped" (never a zero).
            let text = i
                .and_then(|i| s.check.answers[i].as_ref())
                .map(|a| match (&a.value, a.skipped) {
                    (Some(AnswerValue::Number(n)), false) => r::number_in(*n, l),
                    _ => t(&r::ReportTr::Skipped, l).to_string(),
                })
                .unwrap_or_else(|| "–".into());
            html! { <td>{ text }</td> }
        });
        let broke = matches!(s.scores.flags.drop_reason, Some("other_band" | "other_items"));
        let total = s.total().map_or("–".to_string(), |t| r::number_in(t, l));
        html! {
            <tr class={classes!(broke.then_some("break"))}>
                <th scope="row">{ date(&s.completed_at) }</th>
                <td class="band">{ s.band().code().replace('-', "–") }{ if broke { format!(" ({})", t(&r::ReportTr::NotCompared, l)) } else { String::new() } }</td>
                { for cells }
                <td>{ total }</td>
            </tr>
        }
    });
    html! {
        <table class="items">
            <caption>{ t(&r::ReportTr::ItemsTable, l) }</caption>
            <thead><tr>
                <th scope="col">{ t(&r::ReportTr::Date, l) }</th>
                <th scope="col">{ t(&r::ReportTr::Band, l) }</th>
                { for ids.iter().map(|id| {
                    let what = latest.check.prompts.iter().find(|p| p.id == *id).map_or("", |p| t(&r::construct_words(p.construct), l));
                    html! { <th scope="col"><abbr title={r::prompt_words(latest, id, l)}>{ what }</abbr></th> }
                }) }
                <th scope="col">{ t(&r::ReportTr::TotalCol, l) }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

fn rater_words(who: Rater) -> (r::ReportTr, r::ReportTr) {
    match who {
        Rater::Child => (r::ReportTr::RaterChild, r::ReportTr::RaterColChild),
        Rater::Caregiver => (r::ReportTr::RaterCaregiver, r::ReportTr::RaterColCaregiver),
        Rater::Therapist => (r::ReportTr::RaterTherapist, r::ReportTr::RaterColTherapist),
    }
}

/// A topic of the side-by-side view, in the therapist's words.
fn topic_words(topic: &r::Topic, l: Locale) -> String {
    match topic {
        r::Topic::Goal { text, .. } => catalog::fill(t(&r::ReportTr::GoalOf, l), &[("goal", text)]),
        r::Topic::Alliance(c) => catalog::fill(
            t(&r::ReportTr::AllianceOf, l),
            &[("construct", t(&r::construct_words(*c), l))],
        ),
    }
}

/// A rating as the side-by-side view shows it: the number, or the face
/// the youngest picked (never read as a number), or "Skipped".
fn rating_words(x: &r::Rating, l: Locale) -> String {
    if x.retired {
        return t(&r::ReportTr::GoalSetAside, l).to_string();
    }
    match (&x.words, x.value) {
        (Some(w), _) => format!("{w} ({})", t(&r::ReportTr::FacesAsGiven, l)),
        (None, Some(v)) => r::number_in(v, l),
        (None, None) => t(&r::ReportTr::Skipped, l).to_string(),
    }
}

/// Where the child, a caregiver and the therapist agree: each one's latest
/// rating of each goal and of the alliance, side by side, the gaps of at
/// least the therapist's threshold named in words, and every rating over
/// time. Never an average.
fn side_by_side(state: &Report, l: Locale) -> Html {
    let gap = state.options.agreement_gap;
    let rows = r::agreement(&state.sessions, gap);
    if rows.is_empty() {
        return Html::default();
    }
    let raters: Vec<Rater> = Rater::ALL
        .into_iter()
        .filter(|who| {
            rows.iter()
                .any(|x| x.ratings.iter().any(|y| y.rater == *who))
        })
        .collect();
    let gaps = rows.iter().filter_map(|x| {
        let g = x.gap?;
        let ratings: Vec<String> = x
            .ratings
            .iter()
            .map(|y| format!("{} {}", t(&rater_words(y.rater).0, l), rating_words(y, l)))
            .collect();
        let line = catalog::fill(
            t(&r::ReportTr::Gap, l),
            &[
                ("what", &topic_words(&x.topic, l)),
                ("ratings", &ratings.join(", ")),
                ("gap", &r::number_in(g, l)),
            ],
        );
        Some(html! { <li>{ line }</li> })
    });
    let table_rows = rows.iter().map(|x| {
        let cells = raters.iter().map(|who| match x.ratings.iter().find(|y| y.rater == *who) {
            Some(y) => html! {
                <td data-rater={who.code()}>{ rating_words(y, l) }
                    <span class="meta">{ format!(" · {}", date(&state.sessions[y.session].completed_at)) }</span>
                </td>
            },
            None => html! { <td data-rater={who.code()}>{ "–" }</td> },
        });
        html! {
            <tr class={classes!(x.gap.is_some().then_some("gap"))}>
                <th scope="row">{ topic_words(&x.topic, l) }</th>
                { for cells }
            </tr>
        }
    });
    html! {
        <section class="agreement" aria-labelledby="agreement">
            <h2 id="agreement">{ t(&r::ReportTr::Agreement, l) }</h2>
            <p class="quiet">{ t(&r::ReportTr::AgreementIntro, l) }</p>
            <ul class="gaps">{ for gaps }</ul>
            <table class="side">
                <caption>{ catalog::fill(t(&r::ReportTr::GapLegend, l), &[("gap", &r::number_in(gap, l))]) }</caption>
                <thead><tr>
                    <td></td>
                    { for raters.iter().map(|who| html! { <th scope="col">{ t(&rater_words(*who).1, l) }</th> }) }
                </tr></thead>
                <tbody>{ for table_rows }</tbody>
            </table>
            { over_time(state, &rows, l) }
        </section>
    }
}

/// Every rating of the side-by-side view's topics, session by session:
/// who rated, when, and what.
fn over_time(state: &Report, rows: &[r::Row], l: Locale) -> Html {
    let lines = state.sessions().enumerate().filter_map(|(n, s)| {
        let cells: Vec<Option<String>> = rows
            .iter()
            .map(|x| r::rating(s, n, &x.topic).map(|y| rating_words(&y, l)))
            .collect();
        cells.iter().any(Option::is_some).then(|| html! {
            <tr data-rater={s.rater().code()}>
                <th scope="row">{ date(&s.completed_at) }</th>
                <td>{ t(&rater_words(s.rater()).1, l) }</td>
                { for cells.into_iter().map(|c| html! { <td>{ c.unwrap_or_else(|| "–".into()) }</td> }) }
            </tr>
        })
    });
    html! {
        <table class="over-time">
            <caption>{ t(&r::ReportTr::OverTime, l) }</caption>
            <thead><tr>
                <th scope="col">{ t(&r::ReportTr::Date, l) }</th>
                <th scope="col">{ t(&r::ReportTr::Who, l) }</th>
                { for rows.iter().map(|x| html! { <th scope="col">{ topic_words(&x.topic, l) }</th> }) }
            </tr></thead>
            <tbody>{ for lines }</tbody>
        </table>
    }
}

/// The documents that could not be shown, with why, and the older sessions
/// let go.
fn unreadable(state: &Report, l: Locale) -> Html {
    if state.unreadable.is_empty() && state.let_go == 0 {
        return Html::default();
    }
    let older = (state.let_go > 0).then(|| {
        catalog::fill(
            t(&r::ReportTr::LetGo, l),
            &[
                ("max", &r::MAX_SESSIONS.to_string()),
                ("n", &state.let_go.to_string()),
            ],
        )
    });
    html! {
        <section class="unreadable" aria-labelledby="unreadable">
            <h2 id="unreadable">{ t(&r::ReportTr::UnreadableHead, l) }</h2>
            <ul>
                { for state.unreadable.iter().map(|u| {
                    let n = (u.index + 1).to_string();
                    let line = match &u.session {
                        Some(s) => catalog::fill(t(&r::ReportTr::UnreadableOf, l), &[("n", &n), ("session", s), ("reason", &u.reason)]),
                        None => catalog::fill(t(&r::ReportTr::Unreadable, l), &[("n", &n), ("reason", &u.reason)]),
                    };
                    html! { <li data-result={n}>{ line }</li> }
                }) }
                if let Some(line) = older {
                    <li class="let-go">{ line }</li>
                }
            </ul>
        </section>
    }
}
