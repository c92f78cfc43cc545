//! The band table is the one place a band's facts live: the styles and the
//! end-to-end suites' target table are held against it here.
use ally_core::bands::{AgeBand, ReadAloud, BANDS, PROFILES};
use std::fs;
use std::path::Path;

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)).unwrap()
}

#[test]
fn every_age_from_3_to_17_has_one_band_in_order() {
    for (i, p) in PROFILES.iter().enumerate() {
        assert_eq!(p.band, BANDS[i], "the table is in the order of the bands");
        assert_eq!(p.band.profile(), p);
        assert_eq!(AgeBand::from_code(p.code), Some(p.band));
        assert_eq!(p.code, format!("{}-{}", p.ages.0, p.ages.1));
        if i > 0 {
            assert_eq!(PROFILES[i - 1].ages.1 + 1, p.ages.0, "no gap, no overlap");
        }
    }
    assert_eq!(PROFILES[0].ages.0, 3);
    assert_eq!(PROFILES[3].ages.1, 17);
    for age in 0..=30u8 {
        let band = AgeBand::from_age(age);
        assert_eq!(band.is_some(), (3..=17).contains(&age), "{age}");
        if let Some(b) = band {
            assert!((b.profile().ages.0..=b.profile().ages.1).contains(&age));
        }
    }
    // Pre-readers hear every screen by themselves; everyone else on a tap.
    assert_eq!(AgeBand::Preschool.profile().read_aloud, ReadAloud::Auto);
}

/// `--target` of `.band-<code>` in the widget's styles, in px.
fn css_target(css: &str, code: &str) -> u32 {
    let block = css
        .split(&format!(".band-{code} {{"))
        .nth(1)
        .unwrap_or_else(|| panic!("no .band-{code} block in ally.css"));
    let block = &block[..block.find('}').unwrap()];
    let value = block
        .split("--target:")
        .nth(1)
        .unwrap_or_else(|| panic!(".band-{code} sets no --target"));
    let value = value.split(';').next().unwrap().trim();
    value.trim_end_matches("px").parse().unwrap()
}

#[test]
fn the_styles_keep_every_target_at_least_the_bands_minimum() {
    let css = read("static/styles/ally.css");
    for p in &PROFILES {
        let target = css_target(&css, p.code);
        assert!(
            target >= p.min_target_px,
            ".band-{}: --target {target}px is under the band's {}px",
            p.code,
            p.min_target_px
        );
    }
}

#[test]
fn the_end_to_end_suites_measure_against_the_same_minimums() {
    // tests/e2e/cases.mjs: `export const MINIMUM = { "3-5": 80, … };`, written once for both suites.
    let cases = read("tests/e2e/cases.mjs");
    let line = cases
        .lines()
        .find(|l| l.starts_with("export const MINIMUM = "))
        .expect("cases.mjs exports MINIMUM");
    let json = line
        .trim_start_matches("export const MINIMUM = ")
        .trim_end_matches(';');
    let table: serde_json::Value = serde_json::from_str(json).unwrap();
    for p in &PROFILES {
        assert_eq!(table[p.code], p.min_target_px, "{}", p.code);
    }
    assert_eq!(table.as_object().unwrap().len(), PROFILES.len());
}
