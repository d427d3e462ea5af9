//! The differential fixtures of `tests/fixtures/` (real symbols and their
//! near-misses, with what GNU c++filt 2.47 prints for each, one symbol a
//! line as `nm ... | c++filt` feeds it), run through the core alone, so a
//! Rust-only contributor and every CI see them. A symbol listed in
//! `<family>.known-differences.tsv` may differ (its cause is written
//! there); every other one must print exactly what c++filt printed.

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

use demangler::{demangle, demangle_str, demangle_text, Options};

/// What a family's list of known differences is called.
const KNOWN: &str = ".known-differences.tsv";

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The families `tests/regenerate_fixtures.py` wrote (`corpus.FAMILIES`,
/// the one list of them): each has its list of known differences.
fn families() -> Vec<String> {
    let mut families: Vec<String> = fs::read_dir(fixtures())
        .expect("tests/fixtures")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(KNOWN)?.to_owned())
        })
        .collect();
    families.sort();
    for family in ["nm_dynamic", "static", "rust_v0", "near_miss", "generated"] {
        assert!(families.iter().any(|f| f == family), "no {family} fixture");
    }
    families
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
    for family in families() {
        let expected = rows(fixtures().join(format!("{family}.tsv")));
        assert!(expected.len() >= 1000, "{family}: {} rows", expected.len());
        let known: HashSet<String> = rows(fixtures().join(format!("{family}{KNOWN}")))
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

/// A symbol given as text (`demangle_str`, what a Python `str` takes) has
/// the result it has as bytes, version suffix, error and all.
#[test]
fn text_and_bytes_demangle_alike() {
    let options = Options::default();
    for family in families() {
        for (symbol, _) in rows(fixtures().join(format!("{family}.tsv"))) {
            for symbol in [symbol.clone(), format!("{symbol}@@V_1.0")] {
                assert_eq!(
                    demangle_str(&symbol, &options),
                    demangle(symbol.as_bytes(), &options),
                    "{symbol}"
                );
            }
        }
    }
}
