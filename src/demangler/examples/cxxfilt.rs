//! A c++filt-style filter over the core alone, without Python: reads
//! standard input, writes it with every symbol demangled. Used to compare
//! the core with GNU c++filt and to time it.
//!
//!     cargo run --release -p demangler --example cxxfilt [-i] [--libstdc++] [--lines] < symbols.txt
//!
//! `-i`: terse (`c++filt -i`); `--libstdc++`: `__cxa_demangle`'s output;
//! `--lines`: each line is one symbol, not text.

use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    let options = demangler::Options {
        verbose: !has("-i"),
        style: if has("--libstdc++") {
            demangler::Style::LibStdCxx
        } else {
            demangler::Style::CxxFilt
        },
        ..demangler::Options::default()
    };
    let lines = has("--lines");
    let stdin = io::stdin().lock();
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let mut out = Vec::new();
    for line in stdin.split(b'\n') {
        out.clear();
        let line = line?;
        if lines {
            match demangler::demangle(&line, &options) {
                Ok(text) => out.extend_from_slice(text.as_bytes()),
                Err(_) => out.extend_from_slice(&line),
            }
        } else {
            demangler::demangle_text(&line, &options, &mut out);
        }
        out.push(b'\n');
        stdout.write_all(&out)?;
    }
    stdout.flush()
}
