//! The Microsoft fixtures of `tests/fixtures/` (names of several projects'
//! Windows DLLs from PyPI, with what `llvm-undname` 19 prints for each, the
//! name itself where it refuses it), run through the core alone: every one
//! must print the same, in the default format and in `msvc`.

use std::fs;
use std::path::PathBuf;

use demangler::{demangle, Format, Options};

#[test]
fn every_microsoft_fixture_prints_what_llvm_undname_printed() {
    for arch in ["win64", "win32"] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(format!("../../tests/fixtures/msvc_{arch}.tsv"));
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut rows = 0;
        for line in text.lines() {
            let (name, want) = line.split_once('\t').expect("two columns");
            for format in [Format::Auto, Format::Msvc] {
                let options = Options {
                    format,
                    ..Options::default()
                };
                let got = demangle(name.as_bytes(), &options).unwrap_or_else(|_| name.to_owned());
                assert_eq!(got, want, "{arch} {format:?}: {name}");
            }
            rows += 1;
        }
        assert!(rows >= 4000, "{arch}: {rows} rows");
    }
}
