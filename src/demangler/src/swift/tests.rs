//! Swift names against what swift-demangle 6.2.3 prints.

use crate::{demangle, Format, Options};

fn swift(symbol: &str) -> String {
    let options = Options {
        format: Format::Swift,
        ..Options::default()
    };
    demangle(symbol.as_bytes(), &options).unwrap_or_else(|e| format!("<{e}>"))
}

#[test]
fn reads_a_getter() {
    assert_eq!(
        swift("$s10Foundation4DataV5countSivg"),
        "Foundation.Data.count.getter : Swift.Int"
    );
}
