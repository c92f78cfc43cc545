//! Every word Ally says, as data: one file per language in `locales/`, made
//! into static tables at build time by `core/build.rs` (`Locale`, and the
//! keys of each part: [`Tr`] for the child's screens, [`ReportTr`] for the
//! report, [`FhirTr`] and [`DefTr`] for FHIR), and the grammar that differs
//! by language, one module each. A language code is written nowhere else.

include!(concat!(env!("OUT_DIR"), "/words.rs"));

mod en;
mod es;

/// The article a titled name takes in languages that put one before it
/// ("el Dr. Rivera", "la Dra. Núñez"); a first name takes none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Article {
    El,
    La,
}

/// Puts the helper, as [`titled`] names them, into a sentence of `l`
/// (Spanish contracts "a el" and "de el").
pub fn with_helper(l: Locale, template: &str, helper: &str) -> String {
    match l {
        Locale::En => en::with_helper(template, helper),
        Locale::Es => es::with_helper(template, helper),
    }
}

/// A name as a sentence of `l` names it, with its article where `l` wants one.
pub fn titled(l: Locale, name: &str, article: Option<Article>) -> String {
    match l {
        Locale::En => en::titled(name),
        Locale::Es => es::titled(name, article),
    }
}

/// A number as people who speak `l` write it: whole when whole, one decimal
/// otherwise (a decimal comma in Spanish). Attributes for machines use
/// [`number`].
pub fn number_in(n: f64, l: Locale) -> String {
    let text = number(n);
    match l {
        Locale::En => text,
        Locale::Es => es::decimal(&text),
    }
}

/// A number as data: whole when whole, one decimal when that says it
/// exactly, else two (a threshold of 2.82 is never shown as 2.8).
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else if ((n * 10.0).round() - n * 10.0).abs() < 1e-9 {
        format!("{n:.1}")
    } else {
        format!("{n:.2}")
    }
}

/// Fills `{name}` placeholders: the same in every language.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in vars {
        out = replace(&out, &format!("{{{k}}}"), v);
    }
    out
}

/// `text` with every `from` in it replaced by `to`. A plain scan: std's
/// string search (and its panic messages) would cost the child's download
/// kilobytes, and the words are short.
pub fn replace(text: &str, from: &str, to: &str) -> String {
    let (bytes, pattern) = (text.as_bytes(), from.as_bytes());
    let mut out = String::with_capacity(text.len());
    let (mut at, mut kept) = (0, 0);
    while at < bytes.len() {
        if !pattern.is_empty() && bytes[at..].starts_with(pattern) {
            // `from` is whole characters, so a match starts and ends on their boundaries.
            out.push_str(text.get(kept..at).unwrap_or_default());
            out.push_str(to);
            at += pattern.len();
            kept = at;
        } else {
            at += 1;
        }
    }
    out.push_str(text.get(kept..).unwrap_or_default());
    out
}
