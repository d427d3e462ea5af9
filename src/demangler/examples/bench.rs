//! Time the core against the `cpp_demangle` crate alone, on the symbols of a
//! file (one a line), single-threaded and in bulk (`Batch`, what
//! the Python `demangle_many` uses).
//!
//!     cargo run --release -p demangler --example bench -- symbols.txt

use std::time::Instant;

fn best_of<F: FnMut() -> usize>(runs: usize, mut f: F) -> (f64, usize) {
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
    let path = std::env::args()
        .nth(1)
        .expect("usage: bench SYMBOLS_FILE [crate|core|parse|many|column]");
    let only = std::env::args().nth(2);
    let run = |what: &str| only.as_deref().is_none_or(|o| o == what);
    let data = std::fs::read(&path).expect("cannot read the symbols file");
    let symbols: Vec<&[u8]> = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let per = |secs: f64| secs / symbols.len() as f64 * 1e6;

    if run("crate") {
        let (crate_alone, ok) = best_of(3, || {
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
        println!(
            "cpp_demangle crate alone   {:.3} us/symbol ({ok} demangled)",
            per(crate_alone)
        );
    }
    let options = demangler::Options::default();
    if run("core") {
        let (ours, ok) = best_of(3, || {
            symbols
                .iter()
                .filter(|s| demangler::demangle(s, &options).is_ok())
                .count()
        });
        println!(
            "demangler::demangle        {:.3} us/symbol ({ok} demangled)",
            per(ours)
        );
    }
    if run("parse") {
        let (parse, ok) = best_of(3, || {
            symbols
                .iter()
                .filter(|s| demangler::parse(s, &options).is_ok())
                .count()
        });
        println!(
            "demangler::parse           {:.3} us/symbol ({ok} demangled)",
            per(parse)
        );
    }
    if run("parse_many") {
        let (many, ok) = best_of(3, || {
            demangler::parse_many(&symbols, &options)
                .iter()
                .filter(|r| r.is_ok())
                .count()
        });
        println!(
            "demangler::parse_many      {:.3} us/symbol ({ok} demangled)",
            per(many)
        );
    }
    if run("many") {
        let (many, ok) = best_of(3, || {
            let mut batch = demangler::Batch::new(options);
            for symbol in &symbols {
                batch.push(symbol);
            }
            std::iter::from_fn(|| batch.next_chunk())
                .map(|chunk| chunk.iter().filter(|r| r.is_ok()).count())
                .sum()
        });
        println!(
            "demangler::Batch           {:.3} us/symbol ({ok} demangled)",
            per(many)
        );
    }
    if run("column") {
        let (column, n) = best_of(3, || {
            demangler::demangle_column(&symbols, &options).ends.len()
        });
        println!(
            "demangler::demangle_column {:.3} us/symbol ({n} rows)",
            per(column)
        );
    }
}
