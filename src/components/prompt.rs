use super::face_scale::FaceScale;
use super::progress::Progress;
use super::welcome::focus;
use crate::core::catalog::{self, fill, Prompt, UI};
use crate::core::config::{AgeBand, Locale};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PromptScreenProps {
    pub prompt: &'static Prompt,
    pub band: AgeBand,
    pub locale: Locale,
    /// Zero-based position among the flow's prompts.
    pub position: usize,
    pub total: usize,
    #[prop_or_default]
    pub chosen: Option<usize>,
    pub on_choose: Callback<usize>,
    pub on_skip: Callback<()>,
    pub on_back: Callback<()>,
}

/// One question: its words, its choices, Skip and Back.
#[component]
pub fn PromptScreen(props: &PromptScreenProps) -> Html {
    let l = props.locale;
    let count = catalog::face_count(props.band);
    let labels: Vec<AttrValue> = catalog::face_labels(props.prompt.scale, count)
        .iter()
        .map(|t| AttrValue::Static(t.get(l)))
        .collect();
    let progress = fill(
        UI.progress.get(l),
        &[
            ("n", &(props.position + 1).to_string()),
            ("total", &props.total.to_string()),
        ],
    );
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.prompt.id, move |_| focus(&heading));
    }
    let on_skip = props.on_skip.reform(|_: MouseEvent| ());
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    html! {
        <section class="screen prompt" data-prompt={props.prompt.id}>
            if props.total > 1 {
                <Progress current={props.position} total={props.total} label={progress} />
            }
            <h1 id="prompt-text" ref={heading} tabindex="-1">{ props.prompt.text.get(l) }</h1>
            <div role="group" aria-labelledby="prompt-text">
                <FaceScale {labels} chosen={props.chosen} on_choose={props.on_choose.clone()} />
            </div>
            <div class="actions">
                <button type="button" class="secondary" onclick={on_back}>{ UI.back.get(l) }</button>
                <button type="button" class="secondary" onclick={on_skip}>{ UI.skip.get(l) }</button>
            </div>
        </section>
    }
}
