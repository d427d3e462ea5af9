//! Time the core against the peer crates (`cpp_demangle`, `rustc-demangle`,
//! `msvc-demangler`), on the symbols of a file (one a line),
//! single-threaded and in bulk (`demangle_in_order`, what the Python `demangle_many`
//! uses). `tree` times C++ names through the tree alone (clone suffixes
//! hidden, which the one-pass reader does not print), what `parse` and the
//! names the one-pass reader leaves cost.
//!
//!     cargo run --release -p demangler --example bench -- symbols.txt

use std::time::Instant;

fn best_of(runs: usize, f: &mut dyn FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..runs {
        let start = Instant::now();
        n = f();
        best = best.min(start.elapsed().as_secs_f64());
    }
    (best, n)
}

fn main() {
    let path = std::env::args().nth(1).expect(
        "usage: bench SYMBOLS_FILE [crate|rustc-demangle|msvc-demangler|core|tree|parse|many|column]",
    );
    let only = std::env::args().nth(2);
    let run = |what: &str| only.as_deref().is_none_or(|o| o == what);
    let data = std::fs::read(&path).expect("cannot read the symbols file");
    let symbols: Vec<&[u8]> = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    // The core's modes take each line as text where it is UTF-8, as the
    // Python binding gives a `str` (`demangle_str`, `Given::Text`).
    let given: Vec<demangler::Given> = symbols
        .iter()
        .map(|s| std::str::from_utf8(s).map_or(demangler::Given::Bytes(s), demangler::Given::Text))
        .collect();
    let per = |secs: f64| secs / symbols.len() as f64 * 1e6;

    // Each mode: its label, and what it demangled (or the rows) a run.
    let report = |label: &str, unit: &str, f: &mut dyn FnMut() -> usize| {
        let (secs, n) = best_of(3, f);
        println!("{label:<27}{:.3} us/symbol ({n} {unit})", per(secs));
    };
    if run("crate") {
        report("cpp_demangle crate alone", "demangled", &mut || {
            symbols
                .iter()
                .filter(|s| {
                    cpp_demangle::BorrowedSymbol::new(s)
                        .ok()
                        .and_then(|sym| sym.demangle().ok())
                        .is_some()
                })
                .count()
        });
    }
    if run("rustc-demangle") {
        // The text c++filt prints (with the hash), as the core gives it.
        report("rustc_demangle crate", "demangled", &mut || {
            symbols
                .iter()
                .filter_map(|s| std::str::from_utf8(s).ok())
                .filter_map(|s| rustc_demangle::try_demangle(s).ok())
                .map(|d| d.to_string())
                .filter(|text| !text.is_empty())
                .count()
        });
    }
    if run("msvc-demangler") {
        report("msvc_demangler crate", "demangled", &mut || {
            let flags = msvc_demangler::DemangleFlags::llvm();
            symbols
                .iter()
                .filter_map(|s| std::str::from_utf8(s).ok())
                .filter(|s| msvc_demangler::demangle(s, flags).is_ok())
                .count()
        });
    }
    let options = demangler::Options::default();
    if run("core") {
        report("demangler::demangle", "demangled", &mut || {
            given
                .iter()
                .filter(|s| match **s {
                    demangler::Given::Text(text) => demangler::demangle_str(text, &options).is_ok(),
                    demangler::Given::Bytes(bytes) => demangler::demangle(bytes, &options).is_ok(),
                })
                .count()
        });
    }
    if run("tree") {
        let tree = demangler::Options {
            suffixes: false,
            ..options
        };
        report("tree only (suffixes off)", "demangled", &mut || {
            symbols
                .iter()
                .filter(|s| demangler::demangle(s, &tree).is_ok())
                .count()
        });
    }
    if run("parse") {
        report("demangler::parse", "demangled", &mut || {
            symbols
                .iter()
                .filter(|s| demangler::parse(s, &options).is_ok())
                .count()
        });
    }
    if run("parse_many") {
        report("demangler::parse_many", "demangled", &mut || {
            demangler::parse_many(&symbols, &options)
                .iter()
                .filter(|r| r.is_ok())
                .count()
        });
    }
    if run("many") {
        report("demangler::demangle_in_order", "demangled", &mut || {
            let mut count = 0;
            demangler::demangle_in_order(&given, &options, |chunk| {
                count += chunk.iter().filter(|r| r.is_ok()).count()
            });
            count
        });
    }
    if run("column") {
        report("demangler::demangle_column", "rows", &mut || {
            demangler::demangle_column(&symbols, &options).ends.len()
        });
    }
}
