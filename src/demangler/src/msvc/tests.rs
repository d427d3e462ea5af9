//! Table tests of the Microsoft demangler: each row is what `llvm-undname`
//! 19 prints for the name (tests/fixtures/msvc_*.tsv check it on many
//! more, against llvm-undname itself where it is installed).

use super::*;

fn run(symbol: &str) -> Result<String, Error> {
    demangle(symbol.as_bytes(), &Options::default())
}

#[test]
fn functions_variables_and_special_names() {
    for (symbol, expected) in [
        ("?foo@@YAXH@Z", "void __cdecl foo(int)"),
        ("??0Foo@@QEAA@XZ", "public: __cdecl Foo::Foo(void)"),
        (
            "??1Foo@@UAE@XZ",
            "public: virtual __thiscall Foo::~Foo(void)",
        ),
        ("?x@@3HA", "int x"),
        ("?x@ns@@2PEBDEB", "public: static char const *ns::x"),
        ("??_7Foo@@6B@", "const Foo::`vftable'"),
        ("??_R0?AVFoo@@@8", "class Foo `RTTI Type Descriptor'"),
        ("??$f@H@@YAXH@Z", "void __cdecl f<int>(int)"),
        (
            "?f@?A0x1234@@YAXXZ",
            "void __cdecl `anonymous namespace'::f(void)",
        ),
        ("??_C@_05CJBACGMB@hello?$AA@", "\"hello\""),
        (
            "??@a6a285da2eea70dba6b578022be61d81@",
            "??@a6a285da2eea70dba6b578022be61d81@",
        ),
        ("?f@@YGXPAUS@@@Z", "void __stdcall f(struct S *)"),
        (
            "?f@@YIXP6AXH@Z@Z",
            "void __fastcall f(void (__cdecl *)(int))",
        ),
    ] {
        assert_eq!(run(symbol).as_deref(), Ok(expected), "{symbol}");
    }
}

#[test]
fn what_follows_a_name_is_ignored_as_llvm_ignores_it() {
    assert_eq!(run("?x@@3HAtrailing").as_deref(), Ok("int x"));
}

#[test]
fn malformed_deep_and_long_names_are_errors() {
    assert_eq!(run("?"), Err(Error::Malformed));
    assert_eq!(run("?foo@@YAXH"), Err(Error::Malformed));
    assert_eq!(run("foo"), Err(Error::NotMangled));
    // Through the guard, which gives the recursion limit its stack.
    let deep = format!("?x@@3{}HA", "PEA".repeat(10_000));
    assert_eq!(
        crate::demangle(deep.as_bytes(), &Options::default()),
        Err(Error::TooDeep)
    );
}

#[test]
fn options_map_onto_llvm_flags() {
    let with = |options: Options| demangle(b"?f@C@@QEAAHH@Z", &options).unwrap();
    let o = Options::default();
    assert_eq!(with(o), "public: int __cdecl C::f(int)");
    assert_eq!(
        with(Options {
            return_type: false,
            ..o
        }),
        "public: __cdecl C::f(int)"
    );
    assert_eq!(
        with(Options {
            verbose: false,
            ..o
        }),
        "int C::f(int)"
    );
    assert_eq!(with(Options { params: false, ..o }), "C::f");
}

#[test]
fn nested_templates_stop_at_the_recursion_limit_on_any_stack() {
    let deep = format!("?x@@3{}H{}A", "V?$A@".repeat(50_000), "@@".repeat(50_000));
    assert_eq!(
        crate::demangle(deep.as_bytes(), &Options::default()),
        Err(Error::TooDeep)
    );
    let shallow = format!("?x@@3{}H{}A", "V?$A@".repeat(3), "@@".repeat(3));
    assert_eq!(
        crate::demangle(shallow.as_bytes(), &Options::default()).as_deref(),
        Ok("class A<class A<class A<int>>> x")
    );
}

#[test]
fn a_name_printed_first_has_no_scope() {
    // Fuzz finding: terse, `ca(void)` starts the text, and the scope's end
    // was computed (and overflowed) before it was known there was a scope.
    let terse = Options {
        verbose: false,
        ..Options::default()
    };
    // LLVM reads a simple name up to its `@`, NULs and all.
    for (symbol, name) in [("?ca@@QEAA@XZ", "ca"), ("?\0c\0@@QEAA@XZ", "\0c\0")] {
        let symbol = crate::parse(symbol.as_bytes(), &terse).unwrap();
        assert_eq!(symbol.text, format!("{name}(void)"));
        assert_eq!(symbol.parts.base_name, Some((0, name.len())));
        assert_eq!(symbol.parts.scope, None);
    }
    let scoped = crate::parse(b"?f@C@@QEAAHH@Z", &terse).unwrap();
    assert_eq!(&scoped.text[..scoped.parts.scope.unwrap().1], "int C");
}
