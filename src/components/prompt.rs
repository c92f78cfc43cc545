use super::choices::{choices, Look};
use super::drawing_pad::{drawing_pad, PadState};
use super::feeling_picker::feeling_picker;
use super::line_scale::line_scale;
use super::parts::{Acts, Inputs, View};
use super::progress::progress;
use crate::core::answer::Pick;
use crate::core::catalog::{self, fill, Input, Tr, UI};
use crate::core::config::Locale;
use crate::core::flow::Flow;
use yew::prelude::*;

const BACK_ICON: &str = r##"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M15 5L8 12L15 19" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" fill="none"/></svg>"##;
/// Skip, as a picture a child who doesn't read yet can follow: an arrow
/// hopping over a question to the next one.
pub const SKIP_ICON: &str = r##"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="8" y="13" width="7" height="7" rx="1.5" fill="currentColor" opacity="0.35"/><path d="M2 18Q3 5 11.5 5Q19 5 20 15M16.5 12.5L20 16L23 12" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round" fill="none"/></svg>"##;
const NO_THANKS_ICON: &str = r##"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6L18 18M18 6L6 18" stroke="currentColor" stroke-width="3" stroke-linecap="round" fill="none"/></svg>"##;

/// A button with an icon before its words (for children who don't read
/// yet), named by its words.
fn action(
    icon: &'static str,
    words: &'static str,
    onclick: Callback<MouseEvent>,
    class: &'static str,
) -> Html {
    html! {
        <button type="button" class={classes!(class, "with-icon")} {onclick}>
            { Html::from_html_unchecked(AttrValue::Static(icon)) }
            <span>{ words }</span>
        </button>
    }
}

fn words(list: &[Tr], l: Locale) -> Vec<&'static str> {
    list.iter().map(|t| t.get(l)).collect()
}

/// Question `i`: its words, its input, Back and Skip ("No, thanks" on an
/// invitation to draw), the progress path, and for 3–8 the mascot.
pub fn prompt(flow: &Flow, i: usize, inputs: &Inputs, pad: &PadState, acts: &Acts) -> View {
    let c = &flow.config;
    let (l, band) = (c.locale, c.band());
    let p = flow.prompts[i];
    let text = flow.text(i);
    let current = flow.current_pick();
    let answer = &acts.answer;
    let next = UI.next.get(l);
    // Drawings are invitations: declining is "No, thanks", as weighty as Done.
    let (skip_icon, skip_words, skip_class) = match p.input {
        Input::Drawing => (NO_THANKS_ICON, UI.no_thanks.get(l), "primary"),
        _ => (SKIP_ICON, UI.skip.get(l), "secondary"),
    };
    let actions = html! { <>
        { action(BACK_ICON, UI.back.get(l), acts.back.reform(|_: MouseEvent| ()), "secondary") }
        { action(skip_icon, skip_words, acts.skip.reform(|_: MouseEvent| ()), skip_class) }
    </> };

    // A 0–10 line between two ends' words, and those words to read aloud.
    let line = |ends, (low, high): (Tr, Tr)| {
        let (low, high) = (low.get(l), high.get(l));
        let input = line_scale(
            ends,
            (low, high),
            UI.out_of_ten.get(l),
            (UI.not_chosen.get(l), next),
            inputs,
            answer.reform(Pick::Level),
        );
        (input, vec![low, high])
    };
    // The input, and the words it reads aloud after the question (some
    // name the child's goals: `named` keeps them).
    #[cfg(feature = "goals")]
    let named: Vec<String>;
    let (input, spoken): (Html, Vec<&str>) = match p.input {
        // One tap picks one: faces, sizes, yes/later/no, agree/disagree.
        Input::Faces(_) | Input::Sizes | Input::Talk | Input::Agree4 => {
            let (look, labels): (Look, Vec<&'static str>) = match p.input {
                Input::Faces(scale) => (
                    Look::Faces(scale != catalog::Scale::Mood),
                    words(catalog::face_labels(scale, catalog::face_count(band)), l),
                ),
                Input::Sizes => (
                    Look::Sizes,
                    catalog::SIZES.iter().map(|(t, _)| t.get(l)).collect(),
                ),
                Input::Talk => (
                    Look::Words,
                    catalog::TALK.iter().map(|(_, t)| t.get(l)).collect(),
                ),
                _ => (Look::Agree, words(&catalog::AGREE4, l)),
            };
            let chosen = match current {
                Some(Pick::Choice(i)) => Some(i),
                _ => None,
            };
            (choices(&labels, look, chosen, inputs), labels)
        }
        Input::Feelings { max } => {
            let offered = catalog::feelings(band);
            let names: Vec<&'static str> = offered.iter().map(|f| f.word.get(l)).collect();
            let not_sure = catalog::NOT_SURE.word.get(l);
            let input = feeling_picker(
                offered,
                names.clone(),
                not_sure,
                catalog::feelings_drawn(band),
                max,
                next,
                inputs,
                answer.reform(Pick::Feelings),
            );
            let mut names = names;
            names.push(not_sure);
            (input, names)
        }
        Input::Drawing => {
            let (answer, skip) = (answer.clone(), acts.skip.clone());
            let on_done = Callback::from(move |d: Option<String>| match d {
                Some(d) => answer.emit(Pick::Drawing(d)),
                None => skip.emit(()),
            });
            (
                // The pad puts Done beside Back and "No, thanks".
                drawing_pad(pad, band, l, on_done, actions.clone()),
                vec![],
            )
        }
        #[cfg(feature = "goals")]
        Input::Progress => {
            let goal = &catalog::GOAL_WORDS;
            let retired = goal.retired.get(l);
            let scale = match catalog::progress_labels(band) {
                // 9–17: a 0–10 line from "not started" to "there!".
                [] => line(catalog::LineEnds::Words, goal.ends),
                steps => {
                    let labels = words(steps, l);
                    let chosen = match current {
                        Some(Pick::Choice(i)) => Some(i),
                        _ => None,
                    };
                    (choices(&labels, Look::Path, chosen, inputs), labels)
                }
            };
            // Setting a goal aside is an answer, told to the helper: never a skip.
            let input = html! { <>
                { scale.0 }
                <button type="button" class="secondary retire"
                        onclick={answer.reform(|_: MouseEvent| Pick::Retired)}>
                    { retired }
                </button>
            </> };
            let mut spoken = scale.1;
            spoken.push(retired);
            (input, spoken)
        }
        #[cfg(not(feature = "goals"))]
        Input::Progress => (Html::default(), vec![]),
        #[cfg(not(feature = "naming"))]
        Input::GoalSet => (Html::default(), vec![]),
        #[cfg(feature = "goals")]
        Input::Plan => {
            let chosen = match current {
                Some(Pick::Choice(i)) => Some(i),
                _ => None,
            };
            let input;
            (input, named) = super::next_time::next_time(c, chosen, inputs, answer);
            (input, named.iter().map(String::as_str).collect())
        }
        #[cfg(not(feature = "goals"))]
        Input::Plan => (Html::default(), vec![]),
        // An adult's note: only on an adult's form (form.html).
        Input::Note { .. } => (Html::default(), vec![]),
        #[cfg(feature = "naming")]
        Input::GoalSet => super::goal_set::goal_set(band, l, inputs, answer),
        Input::Line(ends) => line(ends, catalog::line_ends(ends)),
    };
    let total = flow.prompts.len();
    let label = fill(
        UI.progress.get(l),
        &[("n", &(i + 1).to_string()), ("total", &total.to_string())],
    );
    // The mascot keeps the youngest company on every screen.
    let young = band.profile().young;
    View {
        spoken: format!("{text} {}", spoken.join(", ")),
        class: classes!("screen", "prompt", format!("input-{}", p.kind().code())),
        prompt: Some(p.id),
        top: html! { <>
            if total > 1 {
                { progress(i, total, label) }
            }
        </> },
        buddy: young.then(|| flow.reaction()),
        // 3–8 see the goal they rate by what they drew of it, or its picture.
        picture: match flow.goal(i) {
            #[cfg(feature = "goals")]
            Some(g) if young => match (&g.drawing, &g.picture) {
                // Made by Ally from the strokes when the settings were read.
                (Some(d), _) => html! {
                    <div class="goal-picture goal-drawing">
                        { Html::from_html_unchecked(AttrValue::from(d.svg.clone())) }
                    </div>
                },
                (None, Some(p)) => {
                    html! { <div class="goal-picture">{ super::choices::starter_picture(p) }</div> }
                }
                _ => Html::default(),
            },
            _ => Html::default(),
        },
        title: text,
        body: html! { <>
            <div role="group" aria-labelledby="prompt-text" class="input" key={p.id}>
                { input }
            </div>
            if p.input != Input::Drawing {
                <div class="actions">{ actions }</div>
            }
        </> },
    }
}
