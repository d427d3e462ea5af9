//! The differential fixtures of `tests/fixtures/` (real symbols and their
//! near-misses, with what GNU c++filt 2.47 prints for each, one symbol a
//! line as `nm ... | c++filt` feeds it), run through the core alone, so a
//! Rust-only contributor and every CI see them. A symbol listed in
//! `<family>.known-differences.tsv` may differ (its cause is written
//! there); every other one must print exactly what c++filt printed.

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

use demangler::{demangle_text, Options};

const FAMILIES: [&str; 8] = [
    "nm_dynamic",
    "static",
    "rust_legacy",
    "rust_v0",
    "mutated",
    "near_miss",
    "damaged",
    "generated",
];

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn rows(path: PathBuf) -> Vec<(String, String)> {
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(|line| {
            let (a, b) = line.split_once('\t').unwrap_or((line, ""));
            (a.to_owned(), b.to_owned())
        })
        .collect()
}

#[test]
fn every_fixture_prints_what_cxxfilt_printed() {
    let options = Options::default();
    for family in FAMILIES {
        let expected = rows(fixtures().join(format!("{family}.tsv")));
        assert!(expected.len() >= 1000, "{family}: {} rows", expected.len());
        let known: HashSet<String> =
            rows(fixtures().join(format!("{family}.known-differences.tsv")))
                .into_iter()
                .map(|(symbol, _)| symbol)
                .collect();
        let mut differing = Vec::new();
        for (symbol, want) in &expected {
            let mut out = Vec::new();
            demangle_text(symbol.as_bytes(), &options, &mut out);
            let got = String::from_utf8_lossy(&out);
            if got != *want && !known.contains(symbol) {
                differing.push(format!("{symbol}\n  ours:     {got}\n  c++filt:  {want}"));
            }
        }
        assert!(
            differing.is_empty(),
            "{family}: {} of {} differ from c++filt, e.g.\n{}",
            differing.len(),
            expected.len(),
            differing[..differing.len().min(3)].join("\n")
        );
    }
}
