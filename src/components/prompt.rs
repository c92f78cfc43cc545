use super::choices::{Choices, Look};
use super::drawing_pad::DrawingPad;
use super::feeling_picker::FeelingPicker;
use super::line_scale::LineScale;
use super::mascot::mascot;
use super::progress::progress;
use super::speaker::speaker;
use super::welcome::focus;
use crate::core::catalog::{self, fill, Input, Prompt, Tr, UI};
use crate::core::config::{AgeBand, Locale};
use crate::core::flow::{Pick, Reaction};
use crate::speech::use_read_aloud;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PromptScreenProps {
    pub prompt: &'static Prompt,
    /// The prompt's words as the child sees them.
    pub text: AttrValue,
    pub band: AgeBand,
    pub locale: Locale,
    /// The mascot (3–8), answering what the child said last.
    #[prop_or_default]
    pub reaction: Option<Reaction>,
    /// Zero-based position among the flow's prompts.
    pub position: usize,
    pub total: usize,
    /// What the child picked before, when they came back to this prompt.
    #[prop_or_default]
    pub current: Option<Pick>,
    pub speak: bool,
    pub speak_auto: bool,
    pub on_answer: Callback<Pick>,
    pub on_skip: Callback<()>,
    pub on_back: Callback<()>,
}

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

fn words(list: &[Tr], l: Locale) -> Vec<AttrValue> {
    list.iter().map(|t| AttrValue::Static(t.get(l))).collect()
}

/// One question: its words, its choices, Skip and Back, and the speaker.
#[component]
pub fn PromptScreen(props: &PromptScreenProps) -> Html {
    let l = props.locale;
    let p = props.prompt;
    let text = &props.text;
    let chosen = match props.current {
        Some(Pick::Choice(i)) => Some(i),
        _ => None,
    };
    let answer = props.on_answer.clone();
    let choose = answer.reform(Pick::Choice);
    let next = AttrValue::Static(UI.next.get(l));
    // Drawings are invitations: declining is "No, thanks".
    let (skip_icon, skip_words) = match p.input {
        Input::Drawing => (NO_THANKS_ICON, UI.no_thanks.get(l)),
        _ => (SKIP_ICON, UI.skip.get(l)),
    };
    let actions = html! { <>
        { action(BACK_ICON, UI.back.get(l), props.on_back.reform(|_: MouseEvent| ())) }
        { action(skip_icon, skip_words, props.on_skip.reform(|_: MouseEvent| ())) }
    </> };
    // The younger bands see each tap land before the screen moves on.
    let hold = props.reaction.is_some();

    // The input, and the words it reads aloud after the question.
    let (input, spoken): (Html, Vec<AttrValue>) = match p.input {
        // One tap picks one: faces, sizes, yes/later/no, agree/disagree.
        Input::Faces(_) | Input::Sizes | Input::Talk | Input::Agree4 => {
            let (look, labels): (Look, Vec<AttrValue>) = match p.input {
                Input::Faces(scale) => (
                    Look::Faces,
                    words(
                        catalog::face_labels(scale, catalog::face_count(props.band)),
                        l,
                    ),
                ),
                Input::Sizes => (
                    Look::Sizes,
                    catalog::SIZES
                        .iter()
                        .map(|(t, _)| AttrValue::Static(t.get(l)))
                        .collect(),
                ),
                Input::Talk => (
                    Look::Words,
                    catalog::TALK
                        .iter()
                        .map(|(_, t)| AttrValue::Static(t.get(l)))
                        .collect(),
                ),
                _ => (Look::Agree, words(&catalog::AGREE4, l)),
            };
            (
                html! { <Choices labels={labels.clone()} {look} {chosen} {hold} on_choose={choose} /> },
                labels,
            )
        }
        Input::Feelings { max } => {
            let feelings: Vec<(&'static str, AttrValue)> = catalog::feelings(props.band)
                .iter()
                .map(|f| (f.id, AttrValue::Static(f.word.get(l))))
                .collect();
            let spoken = feelings.iter().map(|(_, w)| w.clone()).collect();
            let picked = match &props.current {
                Some(Pick::Feelings(ids)) => ids.clone(),
                _ => vec![],
            };
            let on_answer = answer.reform(Pick::Feelings);
            (
                html! {
                    <FeelingPicker {feelings} drawn={catalog::feelings_drawn(props.band)} {max} {hold}
                        chosen={picked} next_label={next.clone()} {on_answer} />
                },
                spoken,
            )
        }
        Input::Drawing => {
            let initial = match &props.current {
                Some(Pick::Drawing(d)) => Some(AttrValue::from(d.clone())),
                _ => None,
            };
            let skip = props.on_skip.clone();
            let on_done = Callback::from(move |d: Option<String>| match d {
                Some(d) => answer.emit(Pick::Drawing(d)),
                None => skip.emit(()),
            });
            (
                // The pad puts Done beside Back and "No, thanks".
                html! { <DrawingPad band={props.band} locale={l} {initial} {on_done} actions={actions.clone()} /> },
                vec![],
            )
        }
        Input::Line(ends) => {
            let (low, high) = catalog::line_ends(ends);
            let (low, high) = (
                AttrValue::Static(low.get(l)),
                AttrValue::Static(high.get(l)),
            );
            let value = match props.current {
                Some(Pick::Level(n)) => Some(n),
                _ => None,
            };
            let value_text =
                Callback::from(move |n: u8| fill(UI.out_of_ten.get(l), &[("n", &n.to_string())]));
            let on_answer = answer.reform(Pick::Level);
            (
                html! {
                    <LineScale {ends} low={low.clone()} high={high.clone()} {value} {value_text}
                        not_chosen={UI.not_chosen.get(l)} next_label={next.clone()} {on_answer} />
                },
                vec![low, high],
            )
        }
    };
    let spoken_text = format!(
        "{text} {}",
        spoken
            .iter()
            .map(|w| w.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let speak = use_read_aloud(spoken_text, l.code(), props.speak, props.speak_auto);

    let progress_label = fill(
        UI.progress.get(l),
        &[
            ("n", &(props.position + 1).to_string()),
            ("total", &props.total.to_string()),
        ],
    );
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(p, move |_| focus(&heading));
    }
    html! {
        <section class={classes!("screen", "prompt", format!("input-{}", p.kind()))} data-prompt={p.id}>
            <div class="top-row">
                if let Some(r) = props.reaction {
                    <div class="buddy" key={p.id}>{ mascot(r) }</div>
                }
                if props.total > 1 {
                    { progress(props.position, props.total, progress_label) }
                }
                if let Some(s) = &speak {
                    { speaker(s, l) }
                }
            </div>
            <h1 id="prompt-text" ref={heading} tabindex="-1"
                aria-describedby={(props.total > 1).then_some("progress-text")}>{ text.clone() }</h1>
            <div role="group" aria-labelledby="prompt-text" class="input" key={p.id}>
                { input }
            </div>
            if p.input != Input::Drawing {
                <div class="actions">{ actions }</div>
            }
        </section>
    }
}
