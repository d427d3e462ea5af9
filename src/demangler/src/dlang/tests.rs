//! Table tests of the D demangler; GNU's own suite (d-demangle-expected)
//! is run through the command by tests/test_gnu_suite.py.

use crate::demangle_argument;
use crate::error::Error;
use crate::options::{Format, Options};

/// Through the dispatcher and its guard, as every caller reaches it.
fn run(symbol: &str) -> Result<String, Error> {
    let options = Options {
        format: Format::Dlang,
        ..Options::default()
    };
    demangle_argument(symbol.as_bytes(), &options)
}

#[test]
fn table() {
    let cases: &[(&str, &str)] = &[
        ("_Dmain", "D main"),
        ("_D8demangle4testFZv", "demangle.test()"),
        ("_D8demangle4testFiZv", "demangle.test(int)"),
        ("_D8demangle4testFAyaZv", "demangle.test(immutable(char)[])"),
        (
            "_D8demangle4testFPFiZiZv",
            "demangle.test(int(int) function)",
        ),
        ("_D8demangle3fooi", "demangle.foo"),
        ("_D8demangle6__initZ", "initializer for demangle"),
        ("_D8demangle4test6__vtblZ", "vtable for demangle.test"),
        (
            "_D8demangle__T4testVii123Z4testFZv",
            "demangle.test!(123).test()",
        ),
        (
            "_D3std5stdio4File6__ctorMFNcAyaZS3std5stdio4File",
            "std.stdio.File.this(immutable(char)[])",
        ),
    ];
    for (symbol, want) in cases {
        assert_eq!(run(symbol).as_deref(), Ok(*want), "{symbol}");
    }
}

#[test]
fn refused() {
    for symbol in [
        "_D",
        "_D8demangle",
        "_D0",
        "_DQa",
        "_D8demangle4testFZ",
        "main",
        "_D8demangle9__T3fooTiZ3fooFiZv",
    ] {
        assert!(run(symbol).is_err(), "{symbol}");
    }
}

#[test]
fn bounded() {
    // Nested arrays past the recursion limit stop cleanly.
    let deep = format!("_D1a{}iZv", "A".repeat(100_000));
    assert_eq!(run(&deep), Err(Error::TooDeep));
    // Back references that double the text at every level stop at the cap.
    let mut symbol = String::from("_D1aFAAAAAAAAAAAAAAAAAAAAi");
    for _ in 0..40 {
        symbol.push_str("QBa");
    }
    symbol.push_str("Zv");
    assert!(run(&symbol).is_err());
}

#[test]
fn a_crafted_name_runs_out_of_steps_not_time() {
    // Function types tried and taken back at every `V`, through back
    // references: libiberty takes time exponential in the length here.
    let unit =
        "VVVVVVVVVVVVVVVVVVtFS10VVVVVVVVVVVVVVVVVVVVVVVVtFS10structnameQnVVVVVVVVVVVVVVtFS10";
    let symbol = format!("_D4tes{}i", unit.repeat(40));
    assert_eq!(run(&symbol), Err(Error::TooComplex));
    // GNU's own hardest case, 2.7 KB, is far within the budget: see the
    // suite (tests/test_gnu_suite.py).
}
