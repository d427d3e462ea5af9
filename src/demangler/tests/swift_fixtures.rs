//! The Swift fixtures of `tests/fixtures/` (symbols of the Swift runtime and
//! Foundation libraries of Debian's `libswiftlang` 6.2.3 and their
//! near-misses, with what swift-demangle 6.2.3 prints for each, by default
//! and with `--simplified`), run through the core alone: every one must
//! print the same, in the default format and in `swift`.

use std::fs;
use std::path::PathBuf;

use demangler::{demangle, Format, Options};

#[test]
fn every_swift_fixture_prints_what_swift_demangle_printed() {
    for family in ["swift_runtime", "swift_near_miss"] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(format!("../../tests/fixtures/{family}.tsv"));
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut rows = 0;
        for line in text.lines() {
            let mut columns = line.split('\t');
            let (name, default, simplified) = (
                columns.next().expect("a name"),
                columns.next().expect("the default form"),
                columns.next().expect("the simplified form"),
            );
            for format in [Format::Auto, Format::Swift] {
                for (simplified_form, want) in [(false, default), (true, simplified)] {
                    let options = Options {
                        format,
                        simplified: simplified_form,
                        ..Options::default()
                    };
                    // swift-demangle prints a name it cannot demangle as it is.
                    let got =
                        demangle(name.as_bytes(), &options).unwrap_or_else(|_| name.to_owned());
                    assert_eq!(
                        got, want,
                        "{family} {format:?} simplified={simplified_form}: {name}"
                    );
                }
            }
            rows += 1;
        }
        assert!(rows >= 2900, "{family}: {rows} rows");
    }
}
