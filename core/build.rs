//! Turns Ally's words, one TOML file per language in `locales/`, into static
//! tables at build time: the `Locale` enum, and for each part of the words
//! (`child`, `report`, `fhir`, `definitions`) an enum of keys and one row of words per
//! language. A key missing from a language, a key English does not have, or
//! a translation that drops or adds a placeholder (`{helper}`) fails the
//! build and names it. (Both the core's crate and the app, which compiles the
//! core's files as a module, run this script.)

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

/// The parts of the words, and the name of each one's enum of keys.
const PARTS: [(&str, &str, &str); 4] = [
    ("child", "Tr", "A word of the child's screens."),
    ("report", "ReportTr", "A word of the therapist's report."),
    (
        "fhir",
        "FhirTr",
        "The display of one of Ally's FHIR score codes.",
    ),
    (
        "definitions",
        "DefTr",
        "A word of the FHIR definitions, written at build time.",
    ),
];

/// The child's words that belong to a cargo feature of the widget: built
/// without the feature, its words are left out of the tables too, so the
/// size check can print what each feature costs the child's download.
/// (The adults' forms' score codes, too: the child's page never writes them.)
const FEATURE_WORDS: [(&str, &[&str]); 5] = [
    ("SAFETY", &["help.", "live_view"]),
    (
        "GOALS",
        &[
            "goal.progress",
            "goal.pic.",
            "goal.step.",
            "goal.retired",
            "plan.",
        ],
    ),
    (
        "NAMING",
        &[
            "goal.set",
            "goal.draw",
            "goal.dont_know",
            "goal.own_words",
            "goal.ideas",
            "goal.intro",
            "goal.starter",
        ],
    ),
    ("FORM", &["form."]),
    (
        "FORM",
        &[
            "score.caregiver-",
            "score.therapist-",
            "score.wellbeing",
            "score.home",
            "score.school",
            "score.peers",
        ],
    ),
];

fn fail(why: String) -> ! {
    eprintln!("locales: {why}");
    panic!("locales: {why}");
}

/// The `locales/` folder: beside the manifest or above it.
fn locales() -> PathBuf {
    let mut dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    loop {
        if dir.join("locales").is_dir() {
            return dir.join("locales");
        }
        if !dir.pop() {
            fail("no locales/ folder above the manifest".into());
        }
    }
}

/// `prompt.mood.now` → `PromptMoodNow`.
fn variant(key: &str) -> String {
    key.split(['.', '_', '-'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect()
}

/// The `{placeholders}` a text names.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for part in text.split('{').skip(1) {
        if let Some(end) = part.find('}') {
            out.insert(part[..end].to_string());
        }
    }
    out
}

struct Language {
    code: String,
    name: String,
    file: String,
    words: BTreeMap<String, BTreeMap<String, String>>,
}

fn read(path: &Path) -> Language {
    let file = format!("locales/{}", path.file_name().unwrap().to_string_lossy());
    let text = fs::read_to_string(path).unwrap_or_else(|e| fail(format!("{file}: {e}")));
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| fail(format!("{file}: {e}")));
    let meta = table
        .get("locale")
        .and_then(|v| v.as_table())
        .unwrap_or_else(|| fail(format!("{file}: no [locale] with its code and name")));
    let field = |k: &str| {
        meta.get(k)
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .unwrap_or_else(|| fail(format!("{file}: [locale] has no {k}")))
    };
    let code = field("code");
    if path.file_stem().and_then(|s| s.to_str()) != Some(code.as_str()) {
        fail(format!(
            "{file}: its code is {code:?}; name the file {code}.toml"
        ));
    }
    let mut words = BTreeMap::new();
    for (part, _, _) in PARTS {
        let section = table
            .get(part)
            .and_then(|v| v.as_table())
            .unwrap_or_else(|| fail(format!("{file}: no [{part}]")));
        let mut map = BTreeMap::new();
        for (k, v) in section {
            let v = v
                .as_str()
                .unwrap_or_else(|| fail(format!("{file}: [{part}] {k:?} must be a string")));
            map.insert(k.clone(), v.to_string());
        }
        words.insert(part.to_string(), map);
    }
    Language {
        code,
        name: field("name"),
        file,
        words,
    }
}

fn main() {
    let dir = locales();
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(format!("{}: {e}", dir.display())))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    for p in &paths {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    let mut langs: Vec<Language> = paths.iter().map(|p| read(p)).collect();
    for (feature, prefixes) in FEATURE_WORDS {
        println!("cargo:rerun-if-env-changed=CARGO_FEATURE_{feature}");
        if env::var_os(format!("CARGO_FEATURE_{feature}")).is_none() {
            for l in &mut langs {
                for part in ["child", "fhir"] {
                    if let Some(words) = l.words.get_mut(part) {
                        words.retain(|k, _| !prefixes.iter().any(|p| k.starts_with(p)));
                    }
                }
            }
        }
    }
    // English first: every other language is checked against it.
    let english = langs
        .iter()
        .position(|l| l.code == "en")
        .unwrap_or_else(|| fail("no en.toml".into()));
    langs.swap(0, english);
    langs[1..].sort_by(|a, b| a.code.cmp(&b.code));

    let mut out =
        String::from("// Made by core/build.rs from locales/*.toml: edit those, not this.\n\n");
    // The languages.
    let variants: Vec<String> = langs.iter().map(|l| variant(&l.code)).collect();
    out.push_str("/// A language Ally speaks: one file in `locales/` each.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Locale {\n");
    for (l, v) in langs.iter().zip(&variants) {
        let _ = writeln!(
            out,
            "    /// {} (`locales/{}.toml`).\n    {v},",
            l.name, l.code
        );
    }
    out.push_str("}\n\nimpl Locale {\n");
    let _ = writeln!(
        out,
        "    /// Every language, English first.\n    pub const ALL: [Locale; {}] = [{}];",
        langs.len(),
        variants
            .iter()
            .map(|v| format!("Locale::{v}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    out.push_str("\n    /// The language's code on the wire and in `lang` attributes.\n    pub fn code(self) -> &'static str {\n        match self {\n");
    for (l, v) in langs.iter().zip(&variants) {
        let _ = writeln!(out, "            Locale::{v} => {:?},", l.code);
    }
    out.push_str("        }\n    }\n\n    /// The language named `code` on the wire.\n    pub fn from_code(code: &str) -> Option<Locale> {\n        Locale::ALL.into_iter().find(|l| l.code() == code)\n    }\n}\n");

    for (part, name, doc) in PARTS {
        let reference = &langs[0].words[part];
        let mut seen = BTreeMap::new();
        for key in reference.keys() {
            if let Some(other) = seen.insert(variant(key), key) {
                fail(format!("[{part}] {key:?} and {other:?} make the same name"));
            }
        }
        for lang in &langs[1..] {
            let words = &lang.words[part];
            for key in reference.keys() {
                let Some(text) = words.get(key) else {
                    fail(format!(
                        "{}: [{part}] misses {key:?} (locales/en.toml has it)",
                        lang.file
                    ));
                };
                if placeholders(text) != placeholders(&reference[key]) {
                    fail(format!(
                        "{}: [{part}] {key:?} names {:?}, English {:?}",
                        lang.file,
                        placeholders(text),
                        placeholders(&reference[key])
                    ));
                }
            }
            if let Some(extra) = words.keys().find(|k| !reference.contains_key(*k)) {
                fail(format!(
                    "{}: [{part}] has {extra:?}, which locales/en.toml does not",
                    lang.file
                ));
            }
        }
        let table = name.to_uppercase();
        let _ = writeln!(
            out,
            "\n/// {doc}\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum {name} {{"
        );
        for key in reference.keys() {
            let _ = writeln!(out, "    /// `{key}`\n    {},", variant(key));
        }
        let all: Vec<String> = reference
            .keys()
            .map(|k| format!("{name}::{}", variant(k)))
            .collect();
        let _ = writeln!(
            out,
            "}}\n\nimpl {name} {{\n    /// Every key, in the order of `locales/en.toml`'s sorted keys.\n    pub const ALL: [{name}; {}] = [{}];\n\n    /// The words in `l`.\n    pub fn get(self, l: Locale) -> &'static str {{\n        {table}[l as usize][self as usize]\n    }}\n\n    /// The key, as `locales/` names it.\n    pub fn key(self) -> &'static str {{\n        {table}_KEYS[self as usize]\n    }}\n}}\n",
            all.len(),
            all.join(", ")
        );
        let _ = writeln!(
            out,
            "static {table}_KEYS: [&str; {}] = {:?};\n",
            reference.len(),
            reference.keys().collect::<Vec<_>>()
        );
        let _ = writeln!(
            out,
            "static {table}: [[&str; {}]; {}] = [",
            reference.len(),
            langs.len()
        );
        for lang in &langs {
            let _ = writeln!(out, "    // {}", lang.name);
            out.push_str("    [\n");
            for key in reference.keys() {
                let _ = writeln!(out, "        {:?},", lang.words[part][key]);
            }
            out.push_str("    ],\n");
        }
        out.push_str("];\n");
    }
    let dest = PathBuf::from(env::var("OUT_DIR").unwrap()).join("words.rs");
    fs::write(dest, out).unwrap();
}
