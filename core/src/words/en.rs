//! English grammar: the helper's name goes into a sentence as it is.

pub fn with_helper(template: &str, helper: &str) -> String {
    super::replace(template, "{helper}", helper)
}

pub fn titled(name: &str) -> String {
    name.to_string()
}
