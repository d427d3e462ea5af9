//! Swift names against what swift-demangle 6.2.3 prints.

use crate::demangle;
use crate::options::{Format, Options};

fn swift(symbol: &str) -> String {
    let options = Options {
        format: Format::Swift,
        ..Options::default()
    };
    demangle(symbol.as_bytes(), &options).unwrap_or_else(|e| format!("<{e}>"))
}

#[test]
fn reads_the_old_manglings_of_swift_3() {
    // Swift's test/Demangle/Inputs/manglings.txt, as swift-demangle 6.2.3
    // prints them.
    assert_eq!(swift("_TtBf32_"), "Builtin.FPIEEE32");
    assert_eq!(
        swift("_TFC3foo3bar3basfT3zimCS_3zim_T_"),
        "foo.bar.bas(zim: foo.zim) -> ()"
    );
    assert_eq!(swift("_TtGSaSS_"), "[Swift.String]");
}

#[test]
fn reads_a_getter() {
    assert_eq!(
        swift("$s10Foundation4DataV5countSivg"),
        "Foundation.Data.count.getter : Swift.Int"
    );
}

#[test]
fn parse_gives_the_parts_of_a_function() {
    let symbol = crate::parse(
        b"$s20FoundationNetworking11URLResponseC6encode4withy0A07NSCoderC_tF",
        &Options::default(),
    )
    .unwrap();
    assert_eq!(
        symbol.part(symbol.parts.scope),
        "FoundationNetworking.URLResponse"
    );
    assert_eq!(symbol.part(symbol.parts.base_name), "encode");
    assert_eq!(
        symbol.part(symbol.parts.name),
        "FoundationNetworking.URLResponse.encode"
    );
    assert_eq!(
        symbol.part(symbol.parts.parameters),
        "(with: Foundation.NSCoder)"
    );
    assert_eq!(symbol.part(symbol.parts.return_type), "()");
}

#[test]
fn a_mach_o_spelling_of_swift_4_is_read_without_its_extra_underscore() {
    let options = Options::default();
    assert_eq!(
        demangle(b"__T04main3FooVN", &options).as_deref(),
        Ok("type metadata for main.Foo")
    );
}

#[test]
fn a_name_swift_refuses_is_read_as_cxxfilt_reads_it_in_auto() {
    // `c++filt -t` reads `$e` as the type `e` (long double), after its `$`.
    let types = Options {
        types: true,
        ..Options::default()
    };
    assert_eq!(demangle(b"$e", &types).as_deref(), Ok("long double"));
    // Where neither reads it, the error is Swift's.
    assert_eq!(
        demangle(b"$s4main3FooQ", &Options::default()),
        Err(crate::error::Error::Malformed)
    );
}

#[test]
fn no_other_scheme_s_name_is_taken_for_swift() {
    for name in [
        &b"_ZN3foo3barEv"[..],
        b"_RNvCs1234_7mycrate3foo",
        b"_D3std5stdio7writelnFAyaZv",
        b"?f@C@@QEAAHH@Z",
        b"_GLOBAL__sub_I_x",
        b"$_Z3foov",
        b".?AVFoo@@",
        b"main",
    ] {
        assert!(
            !crate::swift::is_swift_name(name),
            "{}",
            String::from_utf8_lossy(name)
        );
    }
    for name in [
        &b"$s4main3FooV"[..],
        b"_$s4main3FooV",
        b"$S",
        b"_$e",
        b"_T0",
        b"_TtSi",
    ] {
        assert!(
            crate::swift::is_swift_name(name),
            "{}",
            String::from_utf8_lossy(name)
        );
    }
}

#[test]
fn every_accessor_is_a_function_of_its_storage() {
    for name in [
        &b"$s4main1xSivg"[..],
        b"$s4main1xSivaO",
        b"$s4main1xSivlo",
        b"$s4main1xSivau",
    ] {
        let symbol = crate::parse(name, &Options::default()).unwrap();
        assert_eq!(
            symbol.kind,
            crate::symbol::Kind::Function,
            "{}",
            symbol.text
        );
        assert_eq!(symbol.part(symbol.parts.base_name), "x", "{}", symbol.text);
    }
}
