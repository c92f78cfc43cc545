//! The widget's state as Yew holds it, and the clock every action is stamped with.

use crate::core::flow::{Widget, WidgetAction};
use std::rc::Rc;
use yew::prelude::*;

/// Yew's view of the pure [`Widget`] reducer.
#[derive(Clone)]
pub struct State(pub Widget);

/// Every reduction makes a new state, so identity is enough to tell a change
/// (and far cheaper, in code and time, than comparing whole flows).
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Reducible for State {
    type Action = WidgetAction;
    fn reduce(self: Rc<Self>, action: WidgetAction) -> Rc<Self> {
        Rc::new(State(self.0.reduce(action)))
    }
}

/// The current time in ISO 8601 UTC.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}
