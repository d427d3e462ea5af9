//! Shapes of names, each checked against what GNU c++filt 2.40 prints.

use super::ast::Node;
use crate::{Error, Options, Style};

fn gnu(symbol: &str) -> Result<String, Error> {
    super::demangle(symbol.as_bytes(), &Options::default())
}

#[test]
fn functions_and_nested_names() {
    assert_eq!(gnu("_ZN7mangled3fooEd").unwrap(), "mangled::foo(double)");
    assert_eq!(gnu("_Z1fv").unwrap(), "f()");
    assert_eq!(gnu("_ZNK1A1fEv").unwrap(), "A::f() const");
    assert_eq!(gnu("_ZNKR1A1fEv").unwrap(), "A::f() const &");
}

#[test]
fn declarators_nest_like_cxx() {
    assert_eq!(gnu("_Z1fPFPFPFivEvEvE").unwrap(), "f(int (*(*(*)())())())");
    assert_eq!(gnu("_Z1fRA10_i").unwrap(), "f(int (&) [10])");
    assert_eq!(gnu("_Z1fM1AKFivE").unwrap(), "f(int (A::*)() const)");
}

#[test]
fn templates_and_packs() {
    assert_eq!(gnu("_Z1fIiEvT_").unwrap(), "void f<int>(int)");
    assert_eq!(
        gnu("_Z1fIJidEEvDpRKT_").unwrap(),
        "void f<int, double>(int const&, double const&)"
    );
    assert_eq!(gnu("_Z1fIJEEvDpT_").unwrap(), "void f<>()");
    assert_eq!(
        gnu("_ZZ4mainENKUlT_E_clIiEEDaS_").unwrap(),
        "auto main::{lambda(auto:1)#1}::operator()<int>(int) const"
    );
    assert_eq!(
        gnu("_Z1fIiEDTcl1gfp_EET_").unwrap(),
        "decltype (g({parm#1})) f<int>(int)"
    );
}

#[test]
fn special_names_and_suffixes() {
    assert_eq!(gnu("_ZTV3Foo").unwrap(), "vtable for Foo");
    assert_eq!(
        gnu("_ZThn8_N3Foo3barEv").unwrap(),
        "non-virtual thunk to Foo::bar()"
    );
    assert_eq!(gnu("_Z3foov.cold").unwrap(), "foo() [clone .cold]");
    assert_eq!(gnu("_ZN1AC5Ev").unwrap(), "A::A()");
}

#[test]
fn libstdcxx_style_is_terse_and_takes_types() {
    let options = Options {
        style: Style::LibStdCxx,
        ..Options::default()
    };
    let run = |s: &str| super::demangle(s.as_bytes(), &options).unwrap();
    assert_eq!(run("_Z1fSo"), "f(std::ostream)");
    assert_eq!(run("PKc"), "char const*");
}

#[test]
fn unresolved_names_old_and_new() {
    assert_eq!(
        gnu("_ZN4llvm10checkedAddIiEENSt9enable_ifIXsr3std9is_signedIT_EE5valueENS_8OptionalIS2_EEE4typeES2_S2_").unwrap(),
        "std::enable_if<std::is_signed<int>::value, llvm::Optional<int> >::type llvm::checkedAdd<int>(int, int)"
    );
}

#[test]
fn a_qualifier_pending_on_a_template_argument_prints_once() {
    assert_eq!(
        gnu("_Z1fIKiEvRKT_").unwrap(),
        "void f<int const>(int const&)"
    );
    assert_eq!(
        gnu("_Z1fIVKiEvRKT_").unwrap(),
        "void f<int const volatile>(int volatile const&)"
    );
    assert_eq!(
        gnu("_Z1fIKiEvRVT_").unwrap(),
        "void f<int const>(int const volatile&)"
    );
}

#[test]
fn module_attached_names() {
    assert_eq!(gnu("_ZW3foo3barv").unwrap(), "bar@foo()");
    assert_eq!(gnu("_ZN2NSW3mod1fEv").unwrap(), "NS::f@mod()");
    assert_eq!(gnu("_ZW3fooWP4part3barv").unwrap(), "bar@foo:part()");
    assert_eq!(gnu("_ZN3NS1fW3modEv"), Err(Error::Malformed));
}

#[test]
fn what_gnu_refuses_is_refused() {
    assert_eq!(gnu("_Z1fDAi"), Err(Error::Malformed));
}

#[test]
fn global_constructors_and_destructors() {
    assert_eq!(
        gnu("_GLOBAL__I__Z3foov").unwrap(),
        "global constructors keyed to foo()"
    );
    assert_eq!(
        gnu("_GLOBAL__D_main").unwrap(),
        "global destructors keyed to main"
    );
    assert_eq!(gnu("_GLOBAL__sub_I_foo.cpp"), Err(Error::NotMangled));
}

#[test]
fn an_initializer_scope_anywhere_in_a_prefix_is_skipped() {
    // c++filt 2.40: `foo()`, `foo::bar()`.
    assert_eq!(gnu("_ZNM3fooEv").unwrap(), "foo()");
    assert_eq!(gnu("_ZN3fooMM3barEv").unwrap(), "foo::bar()");
    assert_eq!(gnu("_ZTVN4llvm7DagInitME"), Err(Error::Malformed));
}

#[test]
fn a_substitution_only_starts_a_prefix() {
    // c++filt 2.40 refuses both.
    assert_eq!(gnu("_ZNSiB6ignoreEl"), Err(Error::Malformed));
    assert_eq!(gnu("_ZN4llvm2ENS_3FooEv"), Err(Error::Malformed));
    assert_eq!(
        gnu("_ZNSi6ignoreEl").unwrap(),
        "std::basic_istream<char, std::char_traits<char> >::ignore(long)"
    );
}

#[test]
fn an_unresolved_scope_that_does_not_parse_is_left_out() {
    // c++filt 2.40 prints the name alone (`!value`) and carries on.
    assert_eq!(
        gnu("_ZN1a1fINS_1bEEENSt9enable_ifIXntsr3std7is_sameIT_S2_KE5valueEvE4typeEv").unwrap(),
        "std::enable_if<!value, void>::type a::f<a::b>()"
    );
}

#[test]
fn an_inheriting_constructor_base_that_does_not_parse_is_ignored() {
    // c++filt 2.40: GNU does not check the base's type.
    assert_eq!(gnu("_ZN1aCI1Ei").unwrap(), "a::a(int)");
}

#[test]
fn a_literal_needs_a_value() {
    // c++filt 2.40 refuses `LcE` and `LinE`, and prints `LDnE` as a type.
    assert_eq!(gnu("_Z1fIXLcEEEvv"), Err(Error::Malformed));
    assert_eq!(gnu("_Z1fIXLinEEEvv"), Err(Error::Malformed));
    assert_eq!(gnu("_Z1fILi5EEvv").unwrap(), "void f<5>()");
}

#[test]
fn qualifiers_on_a_ref_qualified_substitution_change_every_use() {
    // c++filt 2.40 moves the `&&` outside the `const` in place, so the
    // first use prints `const &&` too.
    assert_eq!(
        gnu("_ZN1bINO1aEE1fERKS0_").unwrap(),
        "b<a const &&>::f(a const &&&)"
    );
}

#[test]
fn recycled_nodes_keep_their_allocation() {
    let text = String::from("name");
    let mut nodes = Vec::with_capacity(100);
    nodes.push(Node::Name(&text));
    let buffer = nodes.as_ptr() as usize;
    let recycled: Vec<Node<'static>> = super::recycle(nodes);
    assert!(recycled.is_empty());
    assert_eq!(recycled.as_ptr() as usize, buffer);
    assert_eq!(recycled.capacity(), 100);
}
