use super::face::face;
use super::parts::Inputs;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long a tapped answer stays on screen, popping, before the next one.
const HOLD_MS: u32 = 240;

fn reduced_motion() -> bool {
    gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// A one-tap answer that answers back: with `hold` (the younger bands), the
/// tapped choice pops and the screen moves on a moment later, so the child
/// sees the tap land; with reduced motion it moves on at once. Returns the
/// choice tapped, and the tap; a second tap while it pops does nothing.
#[hook]
pub fn use_tap(hold: bool, answer: Callback<usize>) -> (Option<usize>, Callback<usize>) {
    let tapped = use_state(|| None::<usize>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let tap = {
        let tapped = tapped.clone();
        Callback::from(move |v: usize| {
            if timer.borrow().is_some() {
                return;
            }
            tapped.set(Some(v));
            if hold && !reduced_motion() {
                let answer = answer.clone();
                *timer.borrow_mut() = Some(Timeout::new(HOLD_MS, move || answer.emit(v)));
            } else {
                answer.emit(v);
            }
        })
    };
    (*tapped, tap)
}

/// How a row of choices looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// Drawn faces from saddest to happiest, with the word below: `true`
    /// for the check-out's trust faces, in one neutral colour.
    Faces(bool),
    /// Three sizes of one shape: small, medium, big.
    Sizes,
    /// Big word buttons in a row (yes / maybe later / no).
    Words,
    /// Word buttons in a column (agree / disagree).
    Agree,
}

fn size_blob(i: usize, count: usize) -> Html {
    let r = 14 + 30 * i / count.saturating_sub(1).max(1);
    Html::from_html_unchecked(AttrValue::from(format!(
        r#"<svg class="face" viewBox="0 0 100 100" aria-hidden="true" focusable="false"><circle cx="50" cy="50" r="{r}" class="size-blob"/></svg>"#
    )))
}

/// A row of choices, each named by its words; one tap picks one. `chosen`
/// is the choice made before, when the child came back to this prompt.
pub fn choices(
    labels: &[&'static str],
    look: Look,
    chosen: Option<usize>,
    inputs: &Inputs,
) -> Html {
    let count = labels.len();
    let (tapped, tap) = (inputs.tapped, &inputs.tap);
    let items = labels.iter().enumerate().map(|(i, &label)| {
        let onclick = tap.reform(move |_| i);
        let pressed = (tapped.or(chosen) == Some(i)).to_string();
        let class = classes!(
            if matches!(look, Look::Faces(_) | Look::Sizes) {
                "face-button"
            } else {
                "choice"
            },
            (tapped == Some(i)).then_some("pop")
        );
        let picture = match look {
            Look::Faces(neutral) => Some(face(
                i as f64 / count.saturating_sub(1).max(1) as f64,
                neutral,
            )),
            Look::Sizes => Some(size_blob(i, count)),
            Look::Words | Look::Agree => None,
        };
        match picture {
            Some(picture) => html! {
                <li>
                    <button type="button" {class} aria-label={label}
                            aria-pressed={pressed} {onclick}>
                        { picture }
                        <span class="face-word" aria-hidden="true">{ label }</span>
                    </button>
                </li>
            },
            None => html! {
                <li>
                    <button type="button" {class} aria-pressed={pressed} {onclick}>
                        { label }
                    </button>
                </li>
            },
        }
    });
    let class = match look {
        Look::Faces(_) => "face-scale",
        Look::Sizes => "face-scale sizes",
        Look::Words => "choice-list talk",
        Look::Agree => "choice-list agree",
    };
    html! { <ul {class} data-count={count.to_string()}>{ for items }</ul> }
}
