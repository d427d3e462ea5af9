//! A c++filt-style filter over the core alone, without Python: reads
//! standard input, writes it with every symbol demangled. Used to compare
//! the core with GNU c++filt and to time it.
//!
//!     cargo run --release -p demangler --example cxxfilt < symbols.txt

use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let options = demangler::Options::default();
    let stdin = io::stdin().lock();
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let mut out = Vec::new();
    for line in stdin.split(b'\n') {
        out.clear();
        demangler::demangle_text(&line?, &options, &mut out);
        out.push(b'\n');
        stdout.write_all(&out)?;
    }
    stdout.flush()
}
