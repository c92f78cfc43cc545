//! Spanish grammar: a titled name takes its article ("el Dr. Rivera"), which
//! contracts after "a" and "de" ("contarle al Dr. Rivera", "del Dr. Rivera");
//! a decimal comma.

use super::Article;

pub fn with_helper(template: &str, helper: &str) -> String {
    let mut out = template.to_string();
    if let Some(name) = helper.strip_prefix("el ") {
        out = super::replace(&out, " a {helper}", &format!(" al {name}"));
        out = super::replace(&out, " de {helper}", &format!(" del {name}"));
    }
    super::replace(&out, "{helper}", helper)
}

pub fn titled(name: &str, article: Option<Article>) -> String {
    match article {
        Some(Article::El) => format!("el {name}"),
        Some(Article::La) => format!("la {name}"),
        None => name.to_string(),
    }
}

pub fn decimal(number: &str) -> String {
    number.replace('.', ",")
}
