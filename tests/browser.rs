//! Component tests in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use ally::components::screen::screen;
use ally::components::state::State;
use ally::core::answer::{AnswerRecord, AnswerValue, Pick};
use ally::core::flow::{FlowAction, Step, Widget, WidgetAction};
use serde_json::json;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

/// A root themed for `band` with Ally's real stylesheet, and the element to
/// render into inside it.
fn themed_root(band: &str) -> (Element, Element) {
    let root = fresh_root();
    let doc = gloo::utils::document();
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../static/styles/ally.css")));
    root.append_child(&style).unwrap();
    root.set_class_name(&format!("ally band-{band}"));
    let mount = doc.create_element("div").unwrap();
    root.append_child(&mount).unwrap();
    (root, mount)
}

/// Lets Yew render, then waits for the new screen to take taps (its root
/// loses `data-busy`).
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    for _ in 0..200 {
        if !busy() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the screen never settled");
}

fn busy() -> bool {
    gloo::utils::document_element().has_attribute("data-busy")
}

fn buttons(root: &Element) -> Vec<HtmlElement> {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .collect()
}

/// The text of the screen's heading.
fn heading(root: &Element) -> String {
    root.query_selector("h1")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

fn has_class(el: &Element, class: &str) -> bool {
    el.class_name().split_whitespace().any(|c| c == class)
}

fn button_named(root: &Element, name: &str) -> HtmlElement {
    buttons(root)
        .into_iter()
        .find(|b| {
            b.get_attribute("aria-label").as_deref() == Some(name)
                || b.text_content().as_deref().map(str::trim) == Some(name)
        })
        .unwrap_or_else(|| panic!("no button named {name:?}"))
}

#[wasm_bindgen_test]
async fn faces_render_as_buttons_named_by_their_words() {
    let root = fresh_root();
    let spy = Rc::new(RefCell::new(None));
    // 9–12 at check-in, coming back to the mood question answered "Not good".
    let w = started(json!({ "age": 10 }))
        .reduce(WidgetAction::Flow(FlowAction::Answer {
            pick: Pick::Choice(1),
            now: "2026-11-25T10:00:01.000Z".into(),
        }))
        .reduce(WidgetAction::Flow(FlowAction::Back));
    let props = HarnessProps {
        initial: w,
        spy: spy.clone(),
    };
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let all: Vec<HtmlElement> = buttons(&root)
        .into_iter()
        .filter(|b| has_class(b, "face-button"))
        .collect();
    let names: Vec<String> = all
        .iter()
        .filter_map(|b| b.get_attribute("aria-label"))
        .collect();
    assert_eq!(names, vec!["Awful", "Not good", "Okay", "Good", "Great"]);
    for b in &all {
        assert_eq!(b.get_attribute("type").as_deref(), Some("button"));
        // Each face is drawn, not an emoji character.
        assert!(b.query_selector("svg.face circle").unwrap().is_some());
    }
    let pressed: Vec<String> = all
        .iter()
        .filter_map(|b| b.get_attribute("aria-pressed"))
        .collect();
    assert_eq!(pressed, vec!["false", "true", "false", "false", "false"]);

    button_named(&root, "Good").click();
    settle().await;
    let a = answers(&spy)[0].clone().unwrap();
    assert_eq!(
        (a.value, a.label.as_deref()),
        (Some(AnswerValue::Number(7.5)), Some("Good"))
    );
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    initial: Widget,
    spy: Rc<RefCell<Option<Widget>>>,
}

/// Renders the real `Screen` over the real reducer and lets the test read the
/// state after each render.
#[component]
fn Harness(props: &HarnessProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || State(initial));
    *props.spy.borrow_mut() = Some(state.0.clone());
    screen(&state)
}

fn started(config: serde_json::Value) -> Widget {
    Widget::new("s-1")
        .reduce(WidgetAction::Init {
            run: None,
            config,
            resume: None,
            now: "2026-11-25T10:00:00.000Z".into(),
        })
        .reduce(WidgetAction::Flow(FlowAction::Begin))
}

#[wasm_bindgen_test]
async fn a_tap_on_a_face_pops_then_records_the_answer_and_moves_on() {
    let root = fresh_root();
    let spy = Rc::new(RefCell::new(None));
    let props = HarnessProps {
        initial: started(json!({ "age": 7, "mode": "checkout", "locale": "es" })),
        spy: spy.clone(),
    };
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    settle().await;

    assert_eq!(heading(&root), "¿Hoy te escuchó la persona que te ayuda?");
    let faces = || {
        buttons(&root)
            .into_iter()
            .filter(|b| has_class(b, "face-button"))
            .collect::<Vec<_>>()
    };
    assert_eq!(faces().len(), 5);

    // The tapped face pops, and the screen waits a moment so the child sees it land;
    // a second tap meanwhile answers nothing.
    button_named(&root, "Sí").click();
    settle().await;
    button_named(&root, "No").click();
    settle().await;
    assert!(has_class(&button_named(&root, "Sí"), "pop"));
    assert_eq!(
        spy.borrow().as_ref().unwrap().flow().unwrap().step,
        Step::Prompt(0)
    );
    yew::platform::time::sleep(Duration::from_millis(300)).await;
    let w = spy.borrow().clone().unwrap();
    let flow = w.flow().unwrap();
    assert_eq!(flow.step, Step::Prompt(1));
    let a = flow.answers[0].as_ref().unwrap();
    assert_eq!(
        (a.prompt_id.as_str(), a.value.clone(), a.label.as_deref()),
        ("trust.listened", Some(AnswerValue::Number(7.5)), Some("Sí"))
    );
    assert_eq!(
        w.outbox.iter().filter(|q| q.msg.kind() == "answer").count(),
        1,
        "one answer for two taps"
    );
    assert_eq!(
        heading(&root),
        "¿Hoy hablaste con la persona que te ayuda de cosas importantes para ti?"
    );
    // The mascot keeps the child company, listening.
    let buddy = root.query_selector(".buddy .mascot").unwrap().unwrap();
    assert_eq!(
        buddy.get_attribute("data-reaction").as_deref(),
        Some("listening")
    );

    // Skip (with its icon) records a skip; Back returns with the earlier choice shown.
    let skip = button_named(&root, "Saltar");
    assert!(skip.query_selector("svg.icon").unwrap().is_some());
    skip.click();
    settle().await;
    assert!(
        spy.borrow().as_ref().unwrap().flow().unwrap().answers[1]
            .as_ref()
            .unwrap()
            .skipped
    );
    button_named(&root, "Atrás").click();
    settle().await;
    button_named(&root, "Atrás").click();
    settle().await;
    assert_eq!(
        button_named(&root, "Sí")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn youngest_children_get_three_big_faces() {
    let (root, mount) = themed_root("3-5");
    let spy = Rc::new(RefCell::new(None));
    let props = HarnessProps {
        initial: started(json!({ "age": 4 })),
        spy,
    };
    yew::Renderer::<Harness>::with_root_and_props(mount, props).render();
    settle().await;
    let faces: Vec<HtmlElement> = buttons(&root)
        .into_iter()
        .filter(|b| b.class_name() == "face-button")
        .collect();
    let names: Vec<String> = faces
        .iter()
        .filter_map(|b| b.get_attribute("aria-label"))
        .collect();
    assert_eq!(names, vec!["Not good", "Okay", "Good"]);
    for b in faces {
        let r = b.get_bounding_client_rect();
        assert!(
            r.width() >= 80.0 && r.height() >= 80.0,
            "{}x{}",
            r.width(),
            r.height()
        );
    }
}

fn answers(spy: &Rc<RefCell<Option<Widget>>>) -> Vec<Option<AnswerRecord>> {
    spy.borrow()
        .as_ref()
        .unwrap()
        .flow()
        .unwrap()
        .answers
        .clone()
}

/// A 10-year-old's check-out, themed and mounted: its first screen is a
/// 0–10 line.
fn ten_year_olds_checkout() -> (Element, Rc<RefCell<Option<Widget>>>) {
    let (root, mount) = themed_root("9-12");
    let spy = Rc::new(RefCell::new(None));
    let props = HarnessProps {
        initial: started(json!({ "age": 10, "mode": "checkout" })),
        spy: spy.clone(),
    };
    yew::Renderer::<Harness>::with_root_and_props(mount, props).render();
    (root, spy)
}

#[wasm_bindgen_test]
async fn the_line_has_no_value_until_tapped_and_follows_the_slider_pattern() {
    let (root, spy) = ten_year_olds_checkout();
    settle().await;

    let slider: HtmlElement = root
        .query_selector("[role=slider]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        slider.get_attribute("data-chosen").as_deref(),
        Some("false"),
        "no value until tapped"
    );
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("Not chosen yet")
    );
    assert!(
        !slider.has_attribute("aria-valuenow"),
        "no value to announce before one is chosen"
    );
    assert!(
        root.query_selector(".thumb").unwrap().is_none(),
        "and no thumb"
    );
    assert_eq!(slider.get_attribute("aria-valuemin").as_deref(), Some("0"));
    assert_eq!(slider.get_attribute("aria-valuemax").as_deref(), Some("10"));
    let next = button_named(&root, "Next");
    assert!(next.has_attribute("disabled"));

    // A tap at 70% of the drawn line picks 7.
    let r = slider.get_bounding_client_rect();
    let inset = r.width() * 40.0 / 1000.0;
    let x = r.left() + inset + (r.width() - 2.0 * inset) * 0.7;
    let init = web_sys::PointerEventInit::new();
    init.set_client_x(x as i32);
    init.set_client_y((r.top() + r.height() / 2.0) as i32);
    init.set_bubbles(true);
    init.set_pointer_id(1);
    let down = web_sys::PointerEvent::new_with_event_init_dict("pointerdown", &init).unwrap();
    slider.dispatch_event(&down).unwrap();
    settle().await;
    assert_eq!(slider.get_attribute("aria-valuenow").as_deref(), Some("7"));
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("7 out of 10")
    );

    // Keys move it; Home and End go to the ends.
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
    };
    slider.dispatch_event(&key("ArrowRight")).unwrap();
    settle().await;
    assert_eq!(slider.get_attribute("aria-valuenow").as_deref(), Some("8"));
    slider.dispatch_event(&key("End")).unwrap();
    slider.dispatch_event(&key("ArrowRight")).unwrap();
    settle().await;
    assert_eq!(slider.get_attribute("aria-valuenow").as_deref(), Some("10"));
    assert!(answers(&spy)[0].is_none(), "nothing recorded before Next");
    button_named(&root, "Next").click();
    settle().await;
    let a = answers(&spy)[0].clone().unwrap();
    assert_eq!(
        (a.kind.code(), a.value),
        ("line", Some(AnswerValue::Number(10.0)))
    );
}

#[wasm_bindgen_test]
async fn a_tap_that_lands_as_the_screen_appears_is_ignored() {
    let (root, _) = ten_year_olds_checkout();
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    assert!(busy(), "a new screen first holds taps");

    let slider: HtmlElement = root
        .query_selector("[role=slider]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let tap = || {
        let r = slider.get_bounding_client_rect();
        let init = web_sys::PointerEventInit::new();
        init.set_client_x((r.left() + r.width() * 0.7) as i32);
        init.set_client_y((r.top() + r.height() / 2.0) as i32);
        init.set_bubbles(true);
        init.set_pointer_id(1);
        let down = web_sys::PointerEvent::new_with_event_init_dict("pointerdown", &init).unwrap();
        slider.dispatch_event(&down).unwrap();
    };
    // The finger that tapped "Next" on the screen before lands here too.
    tap();
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    assert!(
        !slider.has_attribute("aria-valuenow"),
        "a tap before the screen settles picks nothing"
    );
    settle().await;
    tap();
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    assert!(slider.has_attribute("aria-valuenow"), "a tap after it does");
}

#[wasm_bindgen_test]
async fn six_to_eight_pick_one_or_two_feelings_by_picture() {
    let root = fresh_root();
    let spy = Rc::new(RefCell::new(None));
    let skip = WidgetAction::Flow(FlowAction::Skip { now: "t".into() });
    let w = started(json!({ "age": 7 }))
        .reduce(skip.clone())
        .reduce(skip);
    let props = HarnessProps {
        initial: w,
        spy: spy.clone(),
    };
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let feelings: Vec<HtmlElement> = buttons(&root)
        .into_iter()
        .filter(|b| b.class_name().contains("feeling"))
        .collect();
    assert_eq!(feelings.len(), 9, "eight feelings and \"not sure\"");
    assert!(
        feelings
            .iter()
            .all(|b| b.query_selector("svg.face").unwrap().is_some()),
        "pictures for 6-8"
    );
    let apart = root.query_selector("li.apart button").unwrap().unwrap();
    assert_eq!(
        apart.get_attribute("data-feeling").as_deref(),
        Some("not_sure"),
        "\"not sure\" stands apart from the feelings"
    );
    button_named(&root, "Tired").click();
    settle().await;
    button_named(&root, "Worried").click();
    settle().await;
    assert_eq!(
        button_named(&root, "Tired")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert!(
        button_named(&root, "Happy").has_attribute("disabled"),
        "two is the most"
    );
    assert!(answers(&spy)[2].is_none());
    button_named(&root, "Next").click();
    settle().await;
    let a = answers(&spy)[2].clone().unwrap();
    assert_eq!(
        a.value,
        Some(AnswerValue::List(vec!["worried".into(), "tired".into()]))
    );
    assert_eq!(
        heading(&root),
        "Think of the biggest of these feelings. How big is it?"
    );
}

mod pad {
    use super::*;
    use ally::components::drawing_pad::{drawing_pad, use_pad};
    use ally::core::config::{AgeBand, Locale};
    use ally::core::strokes::decode;
    use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent, PointerEventInit};

    struct Pad {
        root: Element,
        canvas: HtmlCanvasElement,
        done: Rc<RefCell<Vec<Option<String>>>>,
    }

    #[derive(Properties, PartialEq)]
    struct PadProps {
        band: AgeBand,
        on_done: Callback<Option<String>>,
    }

    /// The pad on its own, as a page holds it.
    #[component]
    fn PadHarness(props: &PadProps) -> Html {
        let state = use_pad(None);
        drawing_pad(
            &state,
            props.band,
            Locale::En,
            props.on_done.clone(),
            Html::default(),
        )
    }

    async fn pad(band: AgeBand, width: &str) -> Pad {
        let (root, mount) = themed_root(band.code());
        root.set_attribute("style", &format!("width: {width}"))
            .unwrap();
        let done = Rc::new(RefCell::new(Vec::new()));
        let log = done.clone();
        let props = PadProps {
            band,
            on_done: Callback::from(move |d| log.borrow_mut().push(d)),
        };
        yew::Renderer::<PadHarness>::with_root_and_props(mount, props).render();
        settle().await;
        let canvas = root
            .query_selector("canvas")
            .unwrap()
            .unwrap()
            .unchecked_into();
        Pad { root, canvas, done }
    }

    impl Pad {
        /// Sends a pointer event at (fx, fy), fractions of the canvas.
        fn pointer(&self, kind: &str, id: i32, pointer_type: &str, fx: f64, fy: f64) {
            self.pointer_as(kind, id, pointer_type, fx, fy, false);
        }

        /// The same, saying whether the pointer is its kind's primary one.
        fn pointer_as(
            &self,
            kind: &str,
            id: i32,
            pointer_type: &str,
            fx: f64,
            fy: f64,
            primary: bool,
        ) {
            let r = self.canvas.get_bounding_client_rect();
            let init = PointerEventInit::new();
            init.set_is_primary(primary);
            init.set_bubbles(true);
            init.set_pointer_id(id);
            init.set_pointer_type(pointer_type);
            init.set_client_x((r.left() + r.width() * fx) as i32);
            init.set_client_y((r.top() + r.height() * fy) as i32);
            init.set_pressure(if pointer_type == "pen" { 0.8 } else { 0.5 });
            let e = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
            self.canvas.dispatch_event(&e).unwrap();
        }

        /// A horizontal line from fx0 to fx1 at height fy.
        async fn line(&self, id: i32, pointer_type: &str, fy: f64, fx0: f64, fx1: f64) {
            self.pointer("pointerdown", id, pointer_type, fx0, fy);
            for i in 1..=30 {
                self.pointer(
                    "pointermove",
                    id,
                    pointer_type,
                    fx0 + (fx1 - fx0) * f64::from(i) / 30.0,
                    fy,
                );
            }
            self.pointer("pointerup", id, pointer_type, fx1, fy);
            settle().await;
        }

        fn strokes(&self) -> u32 {
            self.canvas
                .get_attribute("data-strokes")
                .unwrap()
                .parse()
                .unwrap()
        }

        /// Whether the canvas is painted (not paper) at (fx, fy), give or take
        /// a pixel (a fast, thin stroke is antialiased).
        fn inked(&self, fx: f64, fy: f64) -> bool {
            let ctx: CanvasRenderingContext2d = self
                .canvas
                .get_context("2d")
                .unwrap()
                .unwrap()
                .unchecked_into();
            let x = f64::from(self.canvas.width()) * fx;
            let y = f64::from(self.canvas.height()) * fy;
            let px = ctx
                .get_image_data(x - 1.0, y - 1.0, 3.0, 3.0)
                .unwrap()
                .data();
            px.chunks(4).any(|p| p[0] < 200 || p[1] < 200 || p[2] < 200)
        }

        fn press(&self, name: &str) {
            button_named(&self.root, name).click();
        }
    }

    #[wasm_bindgen_test]
    async fn a_pointer_sequence_makes_a_stroke_and_undo_redo_change_the_canvas() {
        let p = pad(AgeBand::EarlySchool, "600px").await;
        assert_eq!(p.canvas.get_attribute("role").as_deref(), Some("img"));
        assert_eq!(
            p.canvas.get_attribute("aria-label").as_deref(),
            Some("Drawing space: draw with your finger or a pen")
        );
        assert!(!p.inked(0.5, 0.5));
        p.line(1, "mouse", 0.5, 0.2, 0.8).await;
        assert_eq!(p.strokes(), 1);
        assert!(p.inked(0.5, 0.5), "the stroke is on the canvas");
        assert!(!p.inked(0.5, 0.2));
        p.press("Undo");
        settle().await;
        assert_eq!(p.strokes(), 0);
        assert!(!p.inked(0.5, 0.5), "undo wipes it");
        p.press("Redo");
        settle().await;
        assert!(p.inked(0.5, 0.5), "redo brings it back");
        p.press("Clear all");
        settle().await;
        assert!(!p.inked(0.5, 0.5));
        p.press("Undo");
        settle().await;
        assert!(p.inked(0.5, 0.5), "clear is undoable");

        // The eraser paints paper.
        p.press("Eraser");
        settle().await;
        p.line(2, "mouse", 0.5, 0.4, 0.6).await;
        assert!(!p.inked(0.5, 0.5));
        assert!(p.inked(0.3, 0.5));

        p.press("Done");
        let sent = p
            .done
            .borrow()
            .last()
            .cloned()
            .flatten()
            .expect("a drawing");
        let d = decode(&sent).unwrap();
        assert_eq!(d.strokes.len(), 2);
        let (x, y) = d.strokes[0].points[0];
        assert!(
            (190..=210).contains(&x) && (340..=360).contains(&y),
            "({x}, {y}) in canvas units"
        );
    }

    #[wasm_bindgen_test]
    async fn an_empty_pad_reports_nothing_drawn() {
        let p = pad(AgeBand::Preschool, "600px").await;
        assert!(
            buttons(&p.root)
                .iter()
                .all(|b| b.text_content().as_deref() != Some("Eraser")),
            "3-5 keep it simple"
        );
        assert_eq!(
            buttons(&p.root)
                .iter()
                .filter(|b| b.class_name().contains("swatch"))
                .count(),
            6
        );
        let done = buttons(&p.root)
            .into_iter()
            .find(|b| b.text_content().as_deref() == Some("Done"))
            .unwrap();
        assert!(
            done.has_attribute("disabled"),
            "nothing to hand in: the way on is \"No, thanks\""
        );
        p.press("Done");
        assert!(
            p.done.borrow().is_empty(),
            "an empty page is never an answer"
        );
        p.line(1, "touch", 0.3, 0.1, 0.9).await;
        assert!(!done.has_attribute("disabled"));
    }

    #[wasm_bindgen_test]
    async fn a_resize_keeps_the_drawing_crisp_and_unstretched() {
        let p = pad(AgeBand::Preteen, "600px").await;
        p.line(1, "touch", 0.3, 0.1, 0.9).await;
        let before = p.canvas.width();
        let dpr = gloo::utils::window().device_pixel_ratio();
        assert_eq!(
            f64::from(before),
            (p.canvas.get_bounding_client_rect().width() * dpr).round()
        );
        // Narrower, in either layout: a portrait pad follows its container, a
        // landscape one (tools beside it) takes its width from --pad.
        p.root
            .set_attribute("style", "width: 360px; --pad: 340px")
            .unwrap();
        settle().await;
        settle().await;
        let after = p.canvas.width();
        assert!(
            after < before,
            "the backing store follows the element: {before} -> {after}"
        );
        assert_eq!(
            f64::from(after),
            (p.canvas.get_bounding_client_rect().width() * dpr).round()
        );
        assert!(
            p.inked(0.5, 0.3),
            "redrawn from the strokes at the same place"
        );
        assert!(!p.inked(0.5, 0.6));
        assert_eq!(p.strokes(), 1);
    }

    #[wasm_bindgen_test]
    async fn a_pointer_that_never_lifts_does_not_lock_the_pad() {
        let p = pad(AgeBand::Preteen, "600px").await;
        // A finger goes down and its pointerup never comes (a lost capture).
        p.pointer_as("pointerdown", 3, "touch", 0.2, 0.3, true);
        for i in 1..=10 {
            p.pointer("pointermove", 3, "touch", 0.2 + f64::from(i) * 0.03, 0.3);
        }
        // Meanwhile a second finger is still ignored: it is not the primary one.
        p.pointer_as("pointerdown", 4, "touch", 0.5, 0.8, false);
        for i in 1..=10 {
            p.pointer("pointermove", 4, "touch", 0.5 + f64::from(i) * 0.03, 0.8);
        }
        p.pointer("pointerup", 4, "touch", 0.8, 0.8);
        settle().await;
        assert_eq!(p.strokes(), 0);
        assert!(!p.inked(0.65, 0.8));
        // The next primary finger takes over; the stale stroke stays as drawn.
        p.pointer_as("pointerdown", 5, "touch", 0.2, 0.6, true);
        for i in 1..=20 {
            p.pointer("pointermove", 5, "touch", 0.2 + f64::from(i) * 0.03, 0.6);
        }
        p.pointer("pointerup", 5, "touch", 0.8, 0.6);
        settle().await;
        assert_eq!(p.strokes(), 2);
        assert!(p.inked(0.35, 0.3) && p.inked(0.5, 0.6));
        // A pen that stalls comes back with its own id: it draws again.
        p.pointer_as("pointerdown", 9, "pen", 0.2, 0.9, true);
        p.pointer("pointermove", 9, "pen", 0.3, 0.9);
        p.line(9, "pen", 0.45, 0.2, 0.8).await;
        assert_eq!(p.strokes(), 4);
        assert!(p.inked(0.5, 0.45));
    }

    #[wasm_bindgen_test]
    async fn once_a_pen_is_down_touches_are_ignored() {
        let p = pad(AgeBand::Teen, "600px").await;
        // A touch while the pen draws is a palm: one pointer at a time.
        p.pointer("pointerdown", 7, "pen", 0.2, 0.5);
        p.pointer("pointerdown", 8, "touch", 0.5, 0.8);
        for i in 1..=10 {
            p.pointer("pointermove", 8, "touch", 0.5 + f64::from(i) * 0.03, 0.8);
            p.pointer("pointermove", 7, "pen", 0.2 + f64::from(i) * 0.03, 0.5);
        }
        p.pointer("pointerup", 8, "touch", 0.8, 0.8);
        p.pointer("pointerup", 7, "pen", 0.5, 0.5);
        settle().await;
        assert_eq!(p.strokes(), 1);
        // After the pen lifts, a resting palm still draws nothing.
        p.line(9, "touch", 0.8, 0.2, 0.8).await;
        assert_eq!(p.strokes(), 1);
        assert!(!p.inked(0.5, 0.8));
        assert!(p.inked(0.35, 0.5));
    }
}

/// The bridge reads a posted message from the object the browser parsed:
/// the same JSON the core's parser reads from its text, for every kind of
/// value, with whole numbers as integers (`ally: 1` must be version 1).
#[wasm_bindgen_test]
fn a_posted_object_reads_as_the_same_json_as_its_text() {
    use ally::bridge::value_of;
    let texts = [
        r#"{"ally":1,"type":"init","id":"s:1","session":"visit-1","payload":{"config":{"age":7,"childName":"Zoë 😀"}}}"#,
        r#"{"a":[1,-2,0.5,-0.25,1e300,9007199254740991,-9007199254740991],"b":null,"c":true,"d":false}"#,
        r#"{"escapes":"quote \" backslash \\ tab \t newline \n \u00e9 \ud83d\ude00","":"empty key"}"#,
        r#"[[[[]]],{},[{}],"",0]"#,
        r#"{"dup":1,"dup":2}"#,
        r#""just a string""#,
        "12",
    ];
    for text in texts {
        let parsed = js_sys::JSON::parse(text).unwrap();
        let ours = value_of(&parsed, 0).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs, "{text}");
    }
    assert_eq!(
        value_of(&js_sys::JSON::parse(r#"{"ally":1}"#).unwrap(), 0).unwrap()["ally"].as_u64(),
        Some(1)
    );
    // What JSON.stringify leaves out, or writes as null.
    let odd = js_sys::Function::new_no_args(
        "return { f() {}, u: undefined, list: [undefined, NaN, Infinity], n: NaN };",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    assert_eq!(
        value_of(&odd, 0).unwrap(),
        serde_json::json!({ "list": [null, null, null], "n": null })
    );
    // Nested deeper than the core's parser reads: not read at all.
    let deep = format!("{}{}", "[".repeat(130), "]".repeat(130));
    assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
    assert_eq!(value_of(&js_sys::JSON::parse(&deep).unwrap(), 0), None);
    let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(value_of(&js_sys::JSON::parse(&fine).unwrap(), 0).is_some());
}
