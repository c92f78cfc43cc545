//! An adult's form (form.html): a caregiver's or the therapist's view, every
//! item on one calm page. Native radio groups and a text field, so a
//! keyboard and a screen reader can do everything; each change is sent as
//! it is made (the portal keeps it for a resume), and Send records every
//! blank item as skipped. Built only into its own page, never the child's.

use crate::components::screen::not_started;
use crate::components::state::{now_iso, State};
use crate::core::answer::{AnswerValue, Pick};
use crate::core::catalog::{self, Construct, Input, Prompt, Tr};
use crate::core::config::{Locale, Rater};
use crate::core::flow::{Flow, FlowAction, Stage, Step, WidgetAction};
use yew::prelude::*;

/// The form's screen for the widget's current state.
pub fn screen(state: &UseReducerHandle<State>) -> Html {
    match &state.0.stage {
        Stage::Active(flow) if flow.step == Step::Done => sent(flow),
        Stage::Active(flow) => form(flow, state),
        other => not_started(other),
    }
}

/// The parts of a form, in order: a heading over the items it groups.
fn part_of(p: &Prompt) -> Tr {
    match p.construct {
        Construct::Home | Construct::School | Construct::Peers | Construct::Wellbeing => {
            Tr::FormSectionSince
        }
        Construct::Progress => Tr::FormSectionGoals,
        Construct::Note => Tr::FormBlank,
        _ if p.id.starts_with("caregiver.") => Tr::FormSectionTogether,
        _ => Tr::FormSectionAlliance,
    }
}

/// The short words of a place under "Since the last session…".
fn short(c: Construct) -> Option<Tr> {
    Some(match c {
        Construct::Home => Tr::FormHomeShort,
        Construct::School => Tr::FormSchoolShort,
        Construct::Peers => Tr::FormPeersShort,
        Construct::Wellbeing => Tr::FormWellbeingShort,
        _ => return None,
    })
}

fn form(flow: &Flow, state: &UseReducerHandle<State>) -> Html {
    let l = flow.config.locale;
    let (title, intro) = match flow.config.rater {
        Rater::Caregiver => (Tr::FormCaregiverTitle, Tr::FormCaregiverIntro),
        _ => (Tr::FormTherapistTitle, Tr::FormTherapistIntro),
    };
    let words = |t: Tr| flow.for_adult(t.get(l), l);
    let fill = {
        let d = state.dispatcher();
        move |i: usize, pick: Option<Pick>| {
            d.dispatch(WidgetAction::Flow(FlowAction::Fill {
                i,
                pick,
                now: now_iso(),
            }))
        }
    };
    // The items, grouped under their parts' headings.
    let mut parts: Vec<(Tr, Vec<usize>)> = Vec::new();
    for (i, p) in flow.prompts.iter().enumerate() {
        let part = part_of(p);
        match parts.last_mut() {
            Some((t, items)) if *t == part => items.push(i),
            _ => parts.push((part, vec![i])),
        }
    }
    let total = flow.prompts.len();
    let answered = flow.answers.iter().flatten().filter(|a| !a.skipped).count();
    let send = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(WidgetAction::Flow(FlowAction::Submit { now: now_iso() }))
        })
    };
    html! {
        // A form landmark without a <form>: the frame's sandbox allows no submitting.
        <div class="form" role="form" data-rater={flow.config.rater.code()} aria-labelledby="form-title">
            <h1 id="form-title">{ words(title) }</h1>
            <p class="intro">{ words(intro) }</p>
            { for parts.into_iter().enumerate().map(|(n, (part, items))| {
                let id = format!("part-{n}");
                let heading = (part != Tr::FormBlank).then(|| words(part));
                html! {
                    <section class="part" aria-labelledby={heading.is_some().then(|| id.clone())}>
                        if let Some(h) = heading { <h2 id={id}>{ h }</h2> }
                        { for items.into_iter().map(|i| item(flow, i, fill.clone())) }
                    </section>
                }
            }) }
            <p class="blank">{ Tr::FormBlank.get(l) }</p>
            <div class="send-row">
                <button type="button" class="send" onclick={send}>{ Tr::FormSend.get(l) }</button>
                <span class="count" aria-live="polite">
                    { catalog::fill(Tr::FormAnswered.get(l), &[("n", &answered.to_string()), ("total", &total.to_string())]) }
                </span>
            </div>
        </div>
    }
}

/// One item: a 0–10 scale with Skip, or a note.
fn item(flow: &Flow, i: usize, fill: impl Fn(usize, Option<Pick>) + Clone + 'static) -> Html {
    let l = flow.config.locale;
    let p = flow.prompts[i];
    let a = flow.answers[i].as_ref();
    let id = p.id;
    if let Input::Note { max } = p.input {
        let value = match a.and_then(|a| a.value.as_ref()) {
            Some(AnswerValue::Text(t)) => t.clone(),
            _ => String::new(),
        };
        let hint = format!("{id}-hint");
        let onchange = Callback::from(move |e: Event| {
            let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            let text = t.value();
            let pick = (!text.trim().is_empty()).then_some(Pick::Words(text));
            fill(i, pick);
        });
        return html! {
            <div class="item note" data-prompt={id}>
                <label for={id}>{ flow.text(i) }</label>
                <textarea id={id} name={id} maxlength={max.to_string()} rows={if max > 200 { "5" } else { "2" }}
                    aria-describedby={hint.clone()} {value} {onchange} />
                <p class="hint" id={hint}>{ catalog::fill(Tr::FormOptional.get(l), &[("n", &max.to_string())]) }</p>
            </div>
        };
    }
    let chosen = a.and_then(|a| match &a.value {
        Some(AnswerValue::Number(n)) if !a.skipped => Some(*n as u8),
        _ => None,
    });
    let skipped = a.is_some_and(|a| a.skipped);
    let (lower, upper) = catalog::form_ends(p);
    let legend = match short(p.construct) {
        Some(s) => html! { <>
            <span aria-hidden="true">{ s.get(l) }</span>
            <span class="visually-hidden">{ flow.text(i) }</span>
        </> },
        None => html! { { flow.text(i) } },
    };
    let ends = format!("{id}-ends");
    html! {
        <fieldset class="item scale" data-prompt={id} aria-describedby={ends.clone()}>
            <legend>{ legend }</legend>
            <div class="points">
                { for (0..=10u8).map(|n| {
                    let fill = fill.clone();
                    let onchange = Callback::from(move |_: Event| fill(i, Some(Pick::Level(n))));
                    let end = match n {
                        0 => Some(lower),
                        10 => Some(upper),
                        _ => None,
                    };
                    html! {
                        <label class="point">
                            <input type="radio" name={id} value={n.to_string()} checked={chosen == Some(n)} {onchange} />
                            <span class="box">{ n }
                                if let Some(e) = end { <span class="visually-hidden">{ format!(", {}", e.get(l)) }</span> }
                            </span>
                        </label>
                    }
                }) }
                <label class="point skip">
                    <input type="radio" name={id} value="skip" checked={skipped}
                        onchange={Callback::from(move |_: Event| fill(i, None))} />
                    <span class="box">{ Tr::FormSkip.get(l) }</span>
                </label>
            </div>
            <div class="ends" id={ends} aria-hidden="true">
                <span>{ format!("0 {}", lower.get(l)) }</span>
                <span>{ format!("{} 10", upper.get(l)) }</span>
            </div>
        </fieldset>
    }
}

/// After Send: sending, then (once the portal has it) thanks.
fn sent(flow: &Flow) -> Html {
    let l: Locale = flow.config.locale;
    let (words, state) = match flow.delivered {
        true => (Tr::FormSent, "sent"),
        false => (Tr::FormSending, "sending"),
    };
    html! {
        <section class="form done" data-state={state} role="status">
            <h1>{ words.get(l) }</h1>
        </section>
    }
}
