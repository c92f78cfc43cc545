//! What the page hands the functions that draw a screen: the screen's
//! frame, the inputs' state and the child's actions. (Their own module, so
//! the screens and inputs depend on it and never on the page above them.)

use crate::core::answer::Pick;
use crate::core::flow::Reaction;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What one screen shows: the page puts it in the same frame every time
/// (the top row with the speaker, a picture, the heading that takes focus).
pub struct View {
    pub class: Classes,
    /// The prompt's id, on a question.
    pub prompt: Option<&'static str>,
    /// Left of the speaker: the progress dots on a question.
    pub top: Html,
    /// The mascot keeping the youngest company on a question, answering what
    /// they said last: tapping it reads the question again.
    pub buddy: Option<Reaction>,
    /// Above the heading.
    pub picture: Html,
    pub title: String,
    pub body: Html,
    /// What read-aloud says.
    pub spoken: String,
}

/// The inputs' state on a question: what is picked before Next (a point on
/// the line, feelings), the one-tap choice popping, and the line's pointer.
pub struct Inputs {
    pub draft: UseStateHandle<Option<Pick>>,
    pub tapped: Option<usize>,
    pub tap: Callback<usize>,
    pub track: NodeRef,
    pub dragging: Rc<RefCell<bool>>,
}

/// What the child does on this screen, as callbacks.
pub struct Acts {
    pub begin: Callback<()>,
    pub answer: Callback<Pick>,
    pub skip: Callback<()>,
    pub back: Callback<()>,
    /// "I'd like to talk to someone now".
    pub help: Callback<()>,
    /// Back from the help screen.
    pub close_help: Callback<()>,
}
