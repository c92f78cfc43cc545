use super::choices::{choices, Look};
use super::drawing_pad::{drawing_pad, PadState};
use super::feeling_picker::feeling_picker;
use super::line_scale::line_scale;
use super::mascot::mascot;
use super::parts::{Acts, Inputs, View};
use super::progress::progress;
use crate::core::answer::Pick;
use crate::core::catalog::{self, fill, Input, Tr, UI};
use crate::core::config::Locale;
use crate::core::flow::Flow;
use yew::prelude::*;

const BACK_ICON: &str = r##"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M15 5L8 12L15 19" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" fill="none"/></svg>"##;
const SKIP_ICON: &str = r##"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M5 5L12 12L5 19M13 5L20 12L13 19" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" fill="none"/></svg>"##;
const NO_THANKS_ICON: &str = r##"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6L18 18M18 6L6 18" stroke="currentColor" stroke-width="3" stroke-linecap="round" fill="none"/></svg>"##;

/// A secondary button with an icon before its words (for children who don't
/// read yet), named by its words.
fn action(icon: &'static str, words: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="secondary with-icon" {onclick}>
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
    // Drawings are invitations: declining is "No, thanks".
    let (skip_icon, skip_words) = match p.input {
        Input::Drawing => (NO_THANKS_ICON, UI.no_thanks.get(l)),
        _ => (SKIP_ICON, UI.skip.get(l)),
    };
    let actions = html! { <>
        { action(BACK_ICON, UI.back.get(l), acts.back.reform(|_: MouseEvent| ())) }
        { action(skip_icon, skip_words, acts.skip.reform(|_: MouseEvent| ())) }
    </> };

    // The input, and the words it reads aloud after the question.
    let (input, spoken): (Html, Vec<&'static str>) = match p.input {
        // One tap picks one: faces, sizes, yes/later/no, agree/disagree.
        Input::Faces(_) | Input::Sizes | Input::Talk | Input::Agree4 => {
            let (look, labels): (Look, Vec<&'static str>) = match p.input {
                Input::Faces(scale) => (
                    Look::Faces,
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
            let input = feeling_picker(
                offered,
                names.clone(),
                catalog::feelings_drawn(band),
                max,
                next,
                inputs,
                answer.reform(Pick::Feelings),
            );
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
        Input::Line(ends) => {
            let (low, high) = catalog::line_ends(ends);
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
        }
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
            if young {
                <div class="buddy" key={p.id}>{ mascot(flow.reaction()) }</div>
            }
            if total > 1 {
                { progress(i, total, label) }
            }
        </> },
        picture: Html::default(),
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
