//! The house's rules, read from the source: the core is pure, its modules
//! form no cycle, and the components depend downward only.
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The project's root (this test runs from core/).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Each module of `dir`, by name, with its text: a `.rs` file, or a folder
/// whose files are read together as one module (their `super::super::` is
/// the folder's `super::`; their own `super::` names each other).
fn modules(dir: &Path) -> BTreeMap<String, String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_stem()?.to_str()?.to_string();
            if path.is_dir() {
                let text = fs::read_dir(&path)
                    .unwrap()
                    .filter_map(|f| fs::read_to_string(f.ok()?.path()).ok())
                    .collect::<Vec<_>>()
                    .join("\n")
                    .replace("super::super::", "<up>")
                    .replace("super::", "self::")
                    .replace("<up>", "super::");
                return Some((name, text));
            }
            (path.extension()? == "rs").then(|| (name, fs::read_to_string(&path).unwrap()))
        })
        .collect()
}

/// The sibling modules a file names through `super::` or `crate::`.
fn uses(text: &str, siblings: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for prefix in ["super::", "crate::"] {
        for (at, _) in text.match_indices(prefix) {
            let name: String = text[at + prefix.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if siblings.contains(&name) {
                out.insert(name);
            }
        }
    }
    out
}

/// A cycle in `graph`, if there is one, as the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == n) {
            let mut c = path[at..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for d in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(d, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_core_has_no_browser_dependency_and_no_cycle_among_its_modules() {
    let manifest = fs::read_to_string(root().join("core/Cargo.toml")).unwrap();
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .unwrap_or("");
    for browser in ["web-sys", "js-sys", "gloo", "yew", "wasm-bindgen"] {
        assert!(!deps.contains(browser), "the core depends on {browser}");
    }
    let mods = modules(&root().join("core/src"));
    let names: BTreeSet<String> = mods.keys().filter(|n| *n != "lib").cloned().collect();
    let graph: BTreeMap<String, BTreeSet<String>> = names
        .iter()
        .map(|n| {
            let mut deps = uses(&mods[n], &names);
            deps.remove(n);
            (n.clone(), deps)
        })
        .collect();
    assert!(
        ["report", "words", "bands", "answer", "check"]
            .iter()
            .all(|m| graph.contains_key(*m)),
        "{graph:?}"
    );
    assert_eq!(cycle(&graph), None, "a cycle among the core's modules");
}

#[test]
fn components_depend_downward_only() {
    let mods = modules(&root().join("src/components"));
    let names: BTreeSet<String> = mods.keys().filter(|n| *n != "mod").cloned().collect();
    for (name, text) in &mods {
        let deps = uses(text, &names);
        // Nothing imports the root component, and only the screen above it imports the page.
        assert!(
            !deps.contains("app") || name == "app",
            "{name} imports the root component"
        );
        assert!(
            !deps.contains("page") || name == "screen" || name == "page",
            "{name} reaches up into the page"
        );
    }
    let graph: BTreeMap<String, BTreeSet<String>> = names
        .iter()
        .map(|n| (n.clone(), uses(&mods[n], &names)))
        .map(|(n, mut d)| {
            d.remove(&n);
            (n, d)
        })
        .collect();
    assert_eq!(cycle(&graph), None, "a cycle among the components");
}
