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
pub enum Look<'a> {
    /// Drawn faces from saddest to happiest, with the word below: `true`
    /// for the check-out's trust faces, in one neutral colour.
    Faces(bool),
    /// Three sizes of one shape: small, medium, big.
    Sizes,
    /// Big word buttons in a row (yes / maybe later / no).
    Words,
    /// Word buttons in a column (agree / disagree).
    Agree,
    /// How far along a goal is: a seed, a sprout and a flower (3), or a
    /// path of stones walked so far (6).
    #[cfg(feature = "goals")]
    Path,
    /// Choices each shown by its picture (`starter_picture`): goals to
    /// start from, what to do next time.
    Pictures(&'a [&'a str]),
}

#[cfg(feature = "goals")]
/// Place `i` of `count` on the way to a goal. With 3: a seed, a sprout, a
/// flower. Otherwise a path of stones to a flag, the first `i` walked.
fn path_picture(i: usize, count: usize) -> Html {
    let mut svg = String::from(
        r#"<svg class="face" viewBox="0 0 100 100" aria-hidden="true" focusable="false"><path d="M10 84H90" class="ground"/>"#,
    );
    if count == 3 {
        svg.push_str(match i {
            0 => r#"<ellipse cx="50" cy="78" rx="9" ry="6" class="seed"/>"#,
            1 => r#"<path d="M50 84V58M50 66Q36 60 34 48Q48 50 50 62M50 62Q62 52 68 56Q64 68 50 66" class="stem"/>"#,
            _ => r#"<path d="M50 84V42M50 70Q36 64 34 54Q48 56 50 68" class="stem"/><circle cx="50" cy="30" r="17" class="petals"/><circle cx="50" cy="30" r="7" class="heart"/>"#,
        });
    } else {
        // Five stones up to the flag, the first `i` walked (written out:
        // no number formatting in the download).
        const STONES: [&str; 5] = [
            r#"cx="14" cy="74"/>"#,
            r#"cx="26" cy="66"/>"#,
            r#"cx="38" cy="58"/>"#,
            r#"cx="51" cy="50"/>"#,
            r#"cx="63" cy="42"/>"#,
        ];
        for (s, at) in STONES.iter().enumerate() {
            svg.push_str(r#"<ellipse rx="7" ry="5" class="stone"#);
            svg.push_str(if s < i { r#" walked" "# } else { r#"" "# });
            svg.push_str(at);
        }
        svg.push_str(if i == STONES.len() {
            r#"<path d="M84 30V8L96 14L84 20" class="flag reached"/>"#
        } else {
            r#"<path d="M84 30V8L96 14L84 20" class="flag"/>"#
        });
    }
    svg.push_str("</svg>");
    Html::from_html_unchecked(AttrValue::from(svg))
}

#[cfg(any(feature = "goals", feature = "naming"))]
/// A choice drawn: a goal to start from (friends, sleep, home, anger,
/// school, worry, myself), or what to do next time (talk, play, draw, try
/// something new, something else, a goal without a picture).
pub fn starter_picture(id: &str) -> Html {
    let shape = match id {
        "talk" => "<path d='M14 22h72v44H44L26 82V66H14z'/>",
        "play" => "<circle cx='50' cy='50' r='32'/><path d='M22 40q28 14 56 0M22 60q28-14 56 0' class='line' stroke='#fff'/>",
        "draw" => "<path d='M22 78l6-20L66 20l14 14L42 72z'/>",
        "new" => "<path d='M50 10l11 27l29 2l-22 19l7 28l-25-15l-25 15l7-28l-22-19l29-2z'/>",
        "other" => "<circle cx='24' cy='50' r='9'/><circle cx='50' cy='50' r='9'/><circle cx='76' cy='50' r='9'/>",
        "goal" => "<path d='M26 88V12l50 16l-42 16v44z'/>",
        "friends" => "<circle cx='34' cy='36' r='12'/><circle cx='66' cy='36' r='12'/><path d='M12 84q22-38 44 0zM44 84q22-38 44 0z'/>",
        "sleep" => "<path d='M60 16a32 32 0 1 0 22 56a28 28 0 1 1-22-56z'/>",
        "home" => "<path d='M16 52L50 20L84 52H74V84H26V52z'/>",
        "anger" => "<circle cx='50' cy='58' r='26'/><path d='M34 26q6-8 0-16M50 24q6-8 0-16M66 26q6-8 0-16' class='line'/>",
        "school" => "<path d='M14 26q18-8 36 4q18-12 36-4v54q-18-8-36 4q-18-12-36-4z'/>",
        "worry" => "<path d='M26 74a17 17 0 0 1 2-34a22 22 0 0 1 42-4a18 18 0 0 1 4 38z'/>",
        _ => "<path d='M50 84L18 52a17 17 0 0 1 32-24a17 17 0 0 1 32 24z'/>",
    };
    Html::from_html_unchecked(AttrValue::from(format!(
        r#"<svg class="face starter-picture" viewBox="0 0 100 100" aria-hidden="true" focusable="false">{shape}</svg>"#
    )))
}

fn size_blob(i: usize, count: usize) -> Html {
    let r = 14 + 30 * i / count.saturating_sub(1).max(1);
    Html::from_html_unchecked(AttrValue::from(format!(
        r#"<svg class="face" viewBox="0 0 100 100" aria-hidden="true" focusable="false"><circle cx="50" cy="50" r="{r}" class="size-blob"/></svg>"#
    )))
}

/// A row of choices, each named by its words; one tap picks one. `chosen`
/// is the choice made before, when the child came back to this prompt.
pub fn choices(labels: &[&str], look: Look, chosen: Option<usize>, inputs: &Inputs) -> Html {
    let count = labels.len();
    let (tapped, tap) = (inputs.tapped, &inputs.tap);
    let items = labels.iter().enumerate().map(|(i, label)| {
        let label = AttrValue::from(label.to_string());
        let onclick = tap.reform(move |_| i);
        let pressed = (tapped.or(chosen) == Some(i)).to_string();
        let class = classes!(
            if !matches!(look, Look::Words | Look::Agree) {
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
            #[cfg(feature = "goals")]
            Look::Path => Some(path_picture(i, count)),
            #[cfg(any(feature = "goals", feature = "naming"))]
            Look::Pictures(s) => Some(starter_picture(s[i])),
            #[cfg(not(any(feature = "goals", feature = "naming")))]
            Look::Pictures(_) => None,
            Look::Words | Look::Agree => None,
        };
        match picture {
            Some(picture) => html! {
                <li>
                    <button type="button" {class} aria-label={label.clone()}
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
        #[cfg(feature = "goals")]
        Look::Path => "face-scale path",
        Look::Pictures(_) => "face-scale starters",
        Look::Words => "choice-list talk",
        Look::Agree => "choice-list agree",
    };
    html! { <ul {class} data-count={count.to_string()}>{ for items }</ul> }
}
