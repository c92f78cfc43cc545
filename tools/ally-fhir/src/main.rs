//! Writes Ally's FHIR definitions (a Questionnaire per band and mode, and
//! Ally's CodeSystems) for a portal to load into its FHIR server, and, when
//! asked, a sample Bundle for every band, mode, locale and way of answering.
//!
//!   cargo run -p ally-fhir -- <dir> [--base <url>] [--samples <dir>]

fn main() {
    use ally_core::fhir::DEFAULT_BASE;
    use ally_fhir::{conformance, definitions, samples};
    use std::path::Path;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let Some(out) = args.first().filter(|a| !a.starts_with("--")) else {
        eprintln!("usage: ally-fhir <dir> [--base <url>] [--samples <dir>]");
        std::process::exit(2);
    };
    // Kept for the life of the run, as the widget keeps its page's base.
    let base: &'static str = match flag("--base") {
        Some(b) => Box::leak(b.trim_end_matches('/').to_string().into_boxed_str()),
        None => DEFAULT_BASE,
    };
    let write = |dir: &str, files: &[(String, serde_json::Value)]| {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(&format!("{dir}: {e}")));
        for (name, value) in files {
            let path = Path::new(dir).join(name);
            let text = serde_json::to_string_pretty(value).unwrap_or_default() + "\n";
            std::fs::write(&path, text)
                .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        }
        println!("ally-fhir: {} files in {dir}", files.len());
    };
    let defs = definitions(base);
    write(out, &defs);
    if let Some(dir) = flag("--samples") {
        let bundles = samples(base);
        // Each sample response must fit its Questionnaire before anyone sees it.
        for (name, bundle) in &bundles {
            let response = &bundle["entry"][0]["resource"];
            let canonical = response["questionnaire"].as_str().unwrap_or("");
            let url = canonical.split('|').next().unwrap_or("");
            let q = defs
                .iter()
                .map(|(_, v)| v)
                .find(|q| q["url"] == url)
                .unwrap_or_else(|| fail(&format!("{name}: no questionnaire {url}")));
            let errors = conformance(q, response);
            if !errors.is_empty() {
                fail(&format!("{name}:\n  {}", errors.join("\n  ")));
            }
        }
        write(&dir, &bundles);
    }
}

fn fail(why: &str) -> ! {
    eprintln!("ally-fhir: {why}");
    std::process::exit(1);
}

/// Native only: the widget's build has nothing to write.
#[cfg(target_arch = "wasm32")]
fn main() {}
