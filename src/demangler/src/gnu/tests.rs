//! Shapes of names, each checked against what GNU c++filt (2.40 and 2.47
//! alike) prints for it.

use super::ast::Node;
use crate::error::Error;
use crate::options::{Format, Options, Style};

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

/// libiberty's `d_encoding` reads a return type where the name's last
/// template arguments are on a name that is no constructor, destructor or
/// conversion (`has_return_type`, `is_ctor_dtor_or_conversion`), which it
/// asks of the tree: ABI tags on a constructor make it none, and a back
/// reference to a scope that ends in one is one. The one-pass printer
/// (`crate::demangle`) once had its own rule, and printed the first and
/// the third otherwise; c++filt 2.47 refuses the second.
#[test]
fn a_return_type_is_read_by_what_the_name_is_through_tags_and_back_references() {
    let options = Options::default();
    for (symbol, text) in [
        ("_ZN1AC1B3tagIiEEvv", Some("void A::A[abi:tag]<int>()")),
        ("_ZN1AC1B3tagIiEEv", None),
        (
            "_ZZN1AC1IiEEvENS0_IcEEvv",
            Some("A::A<int>()::A::A<char>(void, void)"),
        ),
        ("_ZZN1AC1IiEEvENS0_IcEEv", Some("A::A<int>()::A::A<char>()")),
    ] {
        let demangled = crate::demangle(symbol.as_bytes(), &options).ok();
        assert_eq!(demangled.as_deref(), text, "{symbol}");
        let parsed = crate::parse(symbol.as_bytes(), &options).ok();
        assert_eq!(parsed.map(|s| s.text).as_deref(), text, "{symbol} (tree)");
    }
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
fn a_tagged_standard_abbreviation_is_one_candidate() {
    // d_substitution makes `Ss` with ABI tags a candidate; d_name takes it
    // as it is, adding none (c++filt 2.47; found by CI's differential run).
    assert_eq!(
        gnu("_Z1fSsB3foo1jS0_").unwrap(),
        "f(std::basic_string<char, std::char_traits<char>, std::allocator<char> >[abi:foo], j, j)"
    );
    assert_eq!(gnu("_Z1fSsB3fooS_S0_"), Err(Error::Malformed));
}

#[test]
fn what_gnu_refuses_is_refused() {
    assert_eq!(gnu("_Z1fDAi"), Err(Error::Malformed));
}

#[test]
fn a_braced_initializer_whose_type_fails_reads_on_where_libiberty_stopped() {
    // libiberty reads the list on from where its failed parse of the type
    // stopped, and so does this parser (c++filt 2.47 for each).
    assert_eq!(gnu("_Z1fP1BIXtlEEE").unwrap(), "f(B<{}>*)");
    assert_eq!(gnu("_Z1fP1BIXtlA1Li1EEEE").unwrap(), "f(B<{1}>*)");
    // Where the type failed in an expression, libiberty has read on past
    // the failed operand (d_expression_1 reads every operand before it
    // checks them), a vendor qualifier's type past its failed arguments
    // (cplus_demangle_type), and an expression argument's `E` past the
    // failed expression (d_template_arg): so does this parser, and the two
    // read the list on from the same place.
    assert_eq!(
        gnu("_Z1f1AIXtlRKU3fooU4cvT_I5teYscvT_IcvT_ILLi1ELi4ELi1EEEE").unwrap(),
        "f(A<{E, 4, 1}>)"
    );
    // A function type reads its ref-qualifier and `E` past failed types
    // (d_function_type): the list is then read from the last `E`s, and the
    // name ends inside its template arguments, as c++filt finds.
    assert_eq!(gnu("_Z1fP1BIXtlFALi1EEEE"), Err(Error::Truncated));
    // A member's name after `.` or `->` has its template arguments read
    // past its own failure (d_expression_1), as c++filt 2.47 finds.
    assert_eq!(gnu("_Z1fP1BIXtl1AIXdtfpTIiEEEEE").unwrap(), "f(B<{}>*)");
    assert_eq!(gnu("_Z1fP1BIXtl1AIXptfpTIiEEEEE").unwrap(), "f(B<{}>*)");
    // Read on from there, the name ends inside its template arguments.
    assert_eq!(
        gnu("_Z1f1AIXtl1AIXtl1Xdi1adi1bdx_ELi1EEEE"),
        Err(Error::Truncated)
    );
}

#[test]
fn a_ref_qualifier_over_failed_parameter_types_parses_and_fails_only_in_print() {
    // d_function_type: `FvOE` has no parameter list, but d_ref_qualifier
    // makes `&&` over the NULL types and the `E` is read, so the type
    // parses. Printed, it fails (c++filt 2.47 refuses `_Z1fPFvOE`); as a
    // local name's function's return type, which is dropped, it is never
    // printed.
    assert_eq!(gnu("_ZZ1gIiEPFvOEiE1x").unwrap(), "g<int>(int)::x");
    assert_eq!(gnu("_ZZ1gIiEFvREiE1x").unwrap(), "g<int>(int)::x");
    assert_eq!(
        gnu("_ZTSZ1gIiESt8functionIFvOEEvEUlvE_").unwrap(),
        "typeinfo name for g<int>()::{lambda()#1}"
    );
    assert_eq!(gnu("_Z1fPFvOE"), Err(Error::Unprintable));
    assert!(gnu("_Z1fIFvOEEvv").is_err());
}

#[test]
fn a_back_reference_after_st_is_read_before_it_fails() {
    // d_name: after `St`, an `S` is read as a substitution, which must name
    // a module; any other fails where it ends. There, d_function_type reads
    // on: `FvStSdRE` is `&&` over NULL types (see above), a local name's
    // dropped return type (found by the `generated` family).
    assert_eq!(gnu("_ZZ1gIiEFvStSdREiE1x").unwrap(), "g<int>(int)::x");
    assert_eq!(gnu("_ZZ1gIiEFvStS_REiE1x").unwrap(), "g<int>(int)::x");
    assert!(gnu("_Z1fStSd").is_err());
}

#[test]
fn an_unnamed_enum_reads_on_after_a_part_that_fails() {
    // d_unnamed_enum checks neither its underlying type nor its name: one
    // that fails is NULL, which fails only where the enum prints, and the
    // name reads on from where that part stopped (found by a grammar of
    // generated names).
    assert_eq!(gnu("_Z1fUei1A").unwrap(), "f({enum:int{A}})");
    // A local name's dropped return type: never printed. In `Ueiv` the
    // name fails and `v` is then its function's parameter.
    assert_eq!(gnu("_ZZ1gIiEUeiiE1x").unwrap(), "g<int>(int)::x");
    assert_eq!(gnu("_ZZ1gIiEUeivE1x").unwrap(), "g<int>()::x");
    // Printed, it fails; and a braced list whose type is one reads on
    // (`tl` reads its list whatever its type gave), then fails in print.
    assert_eq!(gnu("_Z1fUeiv"), Err(Error::Unprintable));
    assert!(gnu("_Z1gDTtlUe1AspLi1EEE").is_err());
}

#[test]
fn a_pack_expansion_does_not_look_into_an_unnamed_enum() {
    // d_find_pack takes an unnamed enum for a leaf: the expansion prints
    // its pattern once, with `...` (and fails where the enum's name did).
    assert_eq!(
        gnu("_Z1fIJicEEvDpUe1AIT_E1x").unwrap(),
        "void f<int, char>(({enum:A<int>{x}})...)"
    );
    assert!(gnu("_ZN1AD1IJEEEDpNUe1AIXplT_fp_EEE").is_err());
}

#[test]
fn a_lambda_head_prints_no_parameter_after_a_pack() {
    // d_print_comp_inner's loop over a lambda's template head goes on from a
    // pack's inner declaration, which has no next: what follows the pack is
    // not printed, nor counted for `auto:N` (c++filt 2.47's text; found by
    // the differential fuzz target).
    for (symbol, want) in [
        (
            "_ZNK6l_var2MUlTpTniTyRAT__iE_clIJLi2ELi2EEEEDaS2_",
            "auto l_var2::{lambda<int... $N0>(int (&) [$N0])#1}::operator()<2, 2>\
             (l_var2::{lambda<int... $N0>(int (&) [$N0])#1}) const",
        ),
        (
            "_ZZ1fvENKUlTpTyTyT_T0_E_clIJiEcEEDaS1_S2_",
            "auto f()::{lambda<typename... $T0>($T0, auto:2)#1}::operator()<int, char>\
             ({lambda<typename... $T0>($T0, auto:2)#1}, \
             {lambda<typename... $T0>($T0, auto:2)#1}::operator()) const",
        ),
    ] {
        assert_eq!(gnu(symbol).as_deref(), Ok(want), "{symbol}");
    }
}

#[test]
fn a_lambda_head_parameter_under_an_outer_pending_modifier_is_refused() {
    // A closure as a function template's return type takes the function
    // type pending over it into an array or function parameter; its
    // parameters print there in the scope that modifier was met in, the
    // template's, where GNU looks up a head parameter among the template's
    // "declarations" (its name) and fails. Without a head, `auto:N` needs
    // no lookup (c++filt 2.47's text; found by generated names).
    assert!(gnu("_Z1gIoEUlTyRAT__iE_T_").is_err());
    assert!(gnu("_Z1gIoEUlTyFT_vEE_T_").is_err());
    assert_eq!(
        gnu("_Z1gIoEUlRAT__iE_T_").as_deref(),
        Ok("{lambda(int (&g<unsigned __int128>(auto:1)) [auto:1])#1}")
    );
    assert_eq!(
        gnu("_Z1gIoEUlTyRAT__iE_v").as_deref(),
        Ok("{lambda<typename $T0>(int (&g<unsigned __int128>()) [$T0])#1}")
    );
}

#[test]
fn names_that_crash_cxxfilt_are_refused() {
    // c++filt 2.47 dies of a segmentation fault on these (a closure's
    // `sZ T_` under a template head or a ref-qualified scope; found by
    // generated names); LLVM prints the second otherwise. Refused here.
    assert!(gnu("_ZNR1A1fEeZNO1A1fElEUlDuVDTsZT_EE_").is_err());
    assert!(
        gnu("_Z1fB3tagDv4_iZ1gNKUlTyT_E_li2_xEnEUlU3fooDTgtLi1ELi1EEA_DTsZT_ESaE_1AB3tag").is_err()
    );
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
fn no_abi_tag_is_read_where_no_name_begins() {
    // d_unqualified_name gives up at a byte that begins no name, before
    // its ABI tags: an inheriting constructor's type `B...` leaves the `B`
    // (found by the differential fuzz target; c++filt 2.47 refuses both).
    assert_eq!(gnu("_ZN1DCI1BEv"), Err(Error::Malformed));
    assert_eq!(gnu("_ZN1DCI1BEN1DCI10BEi"), Err(Error::Malformed));
    // A name that begins and fails still has its tags read (`_ZN1DCI11BEi`
    // is `D::B(int)`).
    assert_eq!(gnu("_ZN1DCI11BEi").unwrap(), "D::B(int)");
}

#[test]
fn a_java_escape_of_code_0_ends_the_text_as_libiberty_s_c_string() {
    // `__U_` is the character 0, which ends c++filt's text (found by the
    // differential fuzz target).
    let java = Options {
        format: Format::Java,
        ..Options::default()
    };
    let read = |s: &str| super::demangle(s.as_bytes(), &java);
    assert_eq!(
        read("_ZN4java4util14Map__U_42Entry11clasU__2s5_E").unwrap(),
        "java.util.Map"
    );
    assert_eq!(read("_ZN4java4util7Map__U_E").unwrap(), "java.util.Map");
}

#[test]
fn a_float_n_number_is_a_short_as_in_libiberty() {
    // d_builtin_type keeps `DF<number>_`'s number in a `short` (found by the
    // differential fuzz target); c++filt 2.47 prints these.
    assert_eq!(gnu("_Z1fDF632128_").unwrap(), "f(_Float-23232)");
    assert_eq!(gnu("_Z1fDFn5_").unwrap(), "f(_Float-5)");
    assert_eq!(gnu("_Z1fDF65536_").unwrap(), "f(_Float0)");
    assert_eq!(gnu("_Z1fDF32x").unwrap(), "f(_Float32x)");
}

#[test]
fn a_template_parameter_or_decltype_only_starts_a_prefix() {
    // c++filt 2.47 (d_prefix): first in a prefix, and nowhere else (found
    // on near-misses of real symbols, where a `T_` moved into a scope).
    assert_eq!(gnu("_Z1fI1AEvNT_1xE").unwrap(), "void f<A>(A::x)");
    assert_eq!(
        gnu("_Z1fI1AEvNDtfp_E1xE").unwrap(),
        "void f<A>(decltype ({parm#1})::x)"
    );
    assert_eq!(gnu("_Z1fI1AEvN1AT_1xE"), Err(Error::Malformed));
    assert_eq!(gnu("_Z1fI1AEvN1ADtfp_E1xE"), Err(Error::Malformed));
    assert_eq!(gnu("_ZN1A1BT_EE"), Err(Error::Malformed));
}

#[test]
fn an_unresolved_scope_that_does_not_parse_is_left_out() {
    // c++filt 2.40 prints the name alone (`!value`) and carries on.
    assert_eq!(
        gnu("_ZN1a1fINS_1bEEENSt9enable_ifIXntsr3std7is_sameIT_S2_KE5valueEvE4typeEv").unwrap(),
        "std::enable_if<!value, void>::type a::f<a::b>()"
    );
    // A decltype takes the byte after its expression whatever it is
    // (d_next_char), so the name after a failed one is read from past it
    // (c++filt 2.47 for each).
    assert_eq!(
        gnu("_Z1fIiEN1AIXsr1BIDTcl1xE15valueEE4typeEv").unwrap(),
        "A<value>::type f<int>()"
    );
    assert!(gnu("_Z1fIiEN1AIXsr1BIDTcl1xE5valueEE4typeEv").is_err());
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

#[test]
fn nested_conversion_trials_run_out_of_steps_not_time() {
    // Found by the differential fuzzer: conversion operators whose template
    // arguments are tried, taken back and tried again inside each other;
    // libiberty takes 3.3 s on these 443 bytes, exponential in the nesting.
    let symbol = "_ZcvT_IcvT_ZcvT_IcvT_Igle4testestvT_Igle5testgle4tIcvT_Ile4testcGGGGGGCGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGeelGts5Gt8cdvT_IcvT_IMcvT_Igle4testvT_IglGGGGGGGGGeelGts5Gt8cdvT_IcvT_8cdvT_IcvT_IMcGGGGGGCGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGeelGts5Gt8cdvT_IcvT_IMcvT_Igle4testvT_Igle4tIcvT_Ile4testcGGGGGGCGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGeelGts5Gt8cdvT_IcvT_IMcvT_Igle4testvT_IglGGGGGGGGGeelGts5Gt8cdvT_IcvT_IMcvT_Igle4testvT_IgvT_tIg=leest8dcvT_IcvT_IMIvTgE";
    assert_eq!(gnu(symbol), Err(Error::TooComplex));
}

/// Through the guard, as the dispatcher calls the C++ demangler: options,
/// errors, special names, spellings, limits and deep names on small stacks.
mod guarded {
    use crate::error::Error;
    use crate::options::{Options, Style};

    /// The C++ demangler under the guard, as the dispatcher calls it.
    fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
        crate::dispatch::guarded(options, |options| {
            crate::gnu::demangle_itanium(symbol, options)
        })
    }

    fn run(symbol: &str) -> Result<String, Error> {
        demangle(symbol.as_bytes(), &Options::default())
    }

    #[test]
    fn demangles_a_function() {
        assert_eq!(run("_ZN7mangled3fooEd").unwrap(), "mangled::foo(double)");
        assert_eq!(
            run("_ZN5space3fooEibc").unwrap(),
            "space::foo(int, bool, char)"
        );
    }

    #[test]
    fn options_drop_params_and_return_types() {
        let no_params = Options {
            params: false,
            ..Options::default()
        };
        assert_eq!(
            demangle(b"_ZN7mangled3fooEd", &no_params).unwrap(),
            "mangled::foo"
        );
        let sym = b"_Z1fIiEvT_";
        assert_eq!(
            demangle(sym, &Options::default()).unwrap(),
            "void f<int>(int)"
        );
        let no_ret = Options {
            return_type: false,
            ..Options::default()
        };
        assert_eq!(demangle(sym, &no_ret).unwrap(), "f<int>(int)");
    }

    #[test]
    fn only_mangled_prefixes_are_accepted() {
        // Bare types are demangled only when asked for.
        assert_eq!(run("i"), Err(Error::NotMangled));
        assert_eq!(run("invalid c++ symbol"), Err(Error::NotMangled));
        assert_eq!(run("__Z3foov"), Err(Error::NotMangled));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!(run("_Z"), Err(Error::Truncated));
        assert_eq!(run("_ZTV"), Err(Error::Truncated));
        assert_eq!(run("_Z3foov and more"), Err(Error::Malformed));
        assert_eq!(run("_Z1fS5_"), Err(Error::Malformed));
        assert_eq!(run("_Z1fT_"), Err(Error::Unprintable));
    }

    #[test]
    fn special_names_are_spelled_as_cxxfilt_spells_them() {
        assert_eq!(
            run("_ZTVN5clang10ExportDeclE").unwrap(),
            "vtable for clang::ExportDecl"
        );
        assert_eq!(run("_ZTT3Foo").unwrap(), "VTT for Foo");
        assert_eq!(run("_ZTI3Foo").unwrap(), "typeinfo for Foo");
        assert_eq!(run("_ZTS3Foo").unwrap(), "typeinfo name for Foo");
        assert_eq!(
            run("_ZThn104_N3Foo3barEv").unwrap(),
            "non-virtual thunk to Foo::bar()"
        );
        assert_eq!(
            run("_ZTv0_n24_N3FooD0Ev").unwrap(),
            "virtual thunk to Foo::~Foo()"
        );
        assert_eq!(
            run("_ZTch0_h16_N3Foo5cloneEv").unwrap(),
            "covariant return thunk to Foo::clone()"
        );
        assert_eq!(run("_ZThn8_"), Err(Error::Truncated));
        assert_eq!(run("_ZThx_N3Foo3barEv"), Err(Error::Malformed));
    }

    #[test]
    fn empty_packs_leave_no_separator() {
        // AnalysisManager<Module, (empty pack)>
        assert_eq!(
            run("_ZN17NewPMDebugifyPass3runERN4llvm6ModuleERNS0_15AnalysisManagerIS1_JEEE")
                .unwrap(),
            "NewPMDebugifyPass::run(llvm::Module&, llvm::AnalysisManager<llvm::Module>&)"
        );
        // c++filt prints no space between the two closing brackets here.
        assert_eq!(
            run("_ZTIN4llvm6detail11PassConceptINS_6ModuleENS_15AnalysisManagerIS2_JEEEJEEE").unwrap(),
            "typeinfo for llvm::detail::PassConcept<llvm::Module, llvm::AnalysisManager<llvm::Module>>"
        );
    }

    #[test]
    fn standard_substitutions_are_spelled_out() {
        assert_eq!(
            run("_ZNSsC1Ev").unwrap(),
            "std::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string()"
        );
        assert_eq!(
            run("_Z10ShowBrokenRSoR12pkgCacheFileb").unwrap(),
            "ShowBroken(std::basic_ostream<char, std::char_traits<char> >&, pkgCacheFile&, bool)"
        );
    }

    #[test]
    fn function_types_in_template_arguments_are_spaced() {
        assert_eq!(
            run("_ZN4llvm11InlinerPass13printPipelineERNS_11raw_ostreamENS_12function_refIFNS_9StringRefES4_EEE")
                .unwrap(),
            "llvm::InlinerPass::printPipeline(llvm::raw_ostream&, llvm::function_ref<llvm::StringRef (llvm::StringRef)>)"
        );
    }

    #[test]
    fn addresses_of_functions_in_template_arguments() {
        assert_eq!(run("_Z1fIXadL_Z3foovEEEvv").unwrap(), "void f<&(foo())>()");
        assert_eq!(
            run("_Z1fIXadL_ZN1a3fooEvEEEvv").unwrap(),
            "void f<&a::foo>()"
        );
        assert_eq!(
            run("_Z1fIXadL_ZN1a3fooIiEEvvEEEvv").unwrap(),
            "void f<&(void a::foo<int>())>()"
        );
        assert_eq!(run("_Z1fIXadL_Z3barEEEvv").unwrap(), "void f<&bar>()");
        assert_eq!(run("_Z1fIL_Z3foovEEvv").unwrap(), "void f<foo()>()");
    }

    #[test]
    fn empty_packs_in_parameter_lists() {
        assert_eq!(run("_Z1fIJEEvDpRKT_i").unwrap(), "void f<>(, int)");
        assert_eq!(run("_Z1fIJEEviDpRKT_").unwrap(), "void f<>(int)");
        assert_eq!(run("_Z1fIJEEvDpOT_").unwrap(), "void f<>()");
        assert_eq!(run("_Z1fIJiEEvDpRKT_").unwrap(), "void f<int>(int const&)");
    }

    #[test]
    fn local_functions_in_template_arguments_are_not_function_types() {
        assert_eq!(
            run("_ZN4llvm12function_refIFbRKNS_12MachineInstrEEE11callback_fnIZNS_19GCNHazardRecognizer15checkDPPHazardsEPS1_E3$_6EEblS3_").unwrap(),
            "bool llvm::function_ref<bool (llvm::MachineInstr const&)>::callback_fn<llvm::GCNHazardRecognizer::checkDPPHazards(llvm::MachineInstr*)::$_6>(long, llvm::MachineInstr const&)"
        );
        assert_eq!(
            run("_ZN12_GLOBAL__N_114MDFieldPrinter14printDwarfEnumIjPFN4llvm9StringRefEjEEEvS3_T_T0_b").unwrap(),
            "void (anonymous namespace)::MDFieldPrinter::printDwarfEnum<unsigned int, llvm::StringRef (*)(unsigned int)>(llvm::StringRef, unsigned int, llvm::StringRef (*)(unsigned int), bool)"
        );
    }

    #[test]
    fn pack_expansions_qualify_every_element() {
        assert_eq!(
            run("_Z1fIJciEEvDpRKT_").unwrap(),
            "void f<char, int>(char const&, int const&)"
        );
        assert_eq!(
            run("_Z1fIJciEEvDpOT_").unwrap(),
            "void f<char, int>(char&&, int&&)"
        );
        assert_eq!(
            run("_Z1fIJciEEvDpPT_").unwrap(),
            "void f<char, int>(char*, int*)"
        );
        assert_eq!(
            run("_Z1fIJciEEvDpT_").unwrap(),
            "void f<char, int>(char, int)"
        );
        assert_eq!(
            run("_Z1fIJcilEEvDpRKT_").unwrap(),
            "void f<char, int, long>(char const&, int const&, long const&)"
        );
        assert_eq!(
            run("_Z1fISt4pairIiiEEvRKT_").unwrap(),
            "void f<std::pair<int, int> >(std::pair<int, int> const&)"
        );
    }

    #[test]
    fn local_names_omit_the_enclosing_return_type() {
        assert_eq!(run("_ZZ1fIiEvvE1x").unwrap(), "f<int>()::x");
        assert_eq!(
            run("_ZGVZ1fIiEvvE1x").unwrap(),
            "guard variable for f<int>()::x"
        );
        assert_eq!(
            run("_ZZ1fIiEvvENKUlvE_clEv").unwrap(),
            "f<int>()::{lambda()#1}::operator()() const"
        );
        assert_eq!(run("_Z1fIiEvv").unwrap(), "void f<int>()");
    }

    #[test]
    fn comdat_constructors_and_destructors() {
        assert_eq!(
            run("_ZN6icu_726number4impl10MacroPropsD5Ev").unwrap(),
            "icu_72::number::impl::MacroProps::~MacroProps()"
        );
        assert_eq!(run("_ZN3FooC5Ev").unwrap(), "Foo::Foo()");
        // An identifier that happens to hold `C5E` is left as it is.
        assert_eq!(run("_ZN4AC5E3fooEv").unwrap(), "AC5E::foo()");
    }

    #[test]
    fn spellings_of_builtin_types() {
        assert_eq!(run("_Z1fCd").unwrap(), "f(double _Complex)");
        assert_eq!(run("_Z1fGd").unwrap(), "f(double _Imaginary)");
        assert_eq!(run("_Z1fDn").unwrap(), "f(decltype(nullptr))");
    }

    #[test]
    fn types_are_demangled_only_when_asked() {
        let types = Options {
            types: true,
            ..Options::default()
        };
        for (encoding, text) in [
            ("i", "int"),
            ("PKc", "char const*"),
            (
                "St6vectorIiSaIiEE",
                "std::vector<int, std::allocator<int> >",
            ),
            ("3foo", "foo"),
            ("FivE", "int ()"),
        ] {
            assert_eq!(demangle(encoding.as_bytes(), &types).unwrap(), text);
            assert_eq!(run(encoding), Err(Error::NotMangled));
        }
        assert_eq!(demangle(b"foo", &types), Err(Error::NotMangled));
        assert_eq!(demangle(b"__Z1hv", &types), Err(Error::NotMangled));
        assert_eq!(demangle(b"_Z3foov", &types).unwrap(), "foo()");
    }

    #[test]
    fn terse_standard_names() {
        let terse = Options {
            verbose: false,
            ..Options::default()
        };
        let libstdcxx = Options {
            style: Style::LibStdCxx,
            ..Options::default()
        };
        for options in [terse, libstdcxx] {
            let run = |s: &str| demangle(s.as_bytes(), &options).unwrap();
            assert_eq!(run("_Z1fSs"), "f(std::string)");
            assert_eq!(run("_Z1fSi"), "f(std::istream)");
            assert_eq!(run("_Z1fSoSd"), "f(std::ostream, std::iostream)");
            // A constructor or destructor is named after the full template.
            assert_eq!(
                run("_ZNSsC1Ev"),
                "std::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string()"
            );
            assert_eq!(
                run("_ZNSiD0Ev"),
                "std::basic_istream<char, std::char_traits<char> >::~basic_istream()"
            );
            assert_eq!(
                run("_ZNSs4_Rep10_M_disposeERKSaIcE"),
                "std::string::_Rep::_M_dispose(std::allocator<char> const&)"
            );
        }
    }

    #[test]
    fn names_longer_than_gnu_accepts_are_refused() {
        let args = |n: usize| (0..n).map(|i| format!("5a{i:04}")).collect::<String>();
        let fits = format!("_Z1fIJ{}EEvv", args(169));
        assert_eq!(fits.len(), 1024);
        assert!(run(&fits).unwrap().starts_with("void f<a0000, a0001"));
        let over = format!("_Z1fIJ{}EEvv", args(170));
        assert_eq!(run(&over), Err(Error::TooLongForGnu));
    }

    #[test]
    fn deep_names_never_overflow_the_stack() {
        // 1018 nested pointers: the deepest name of GNU's 1024 bytes.
        let deep = format!("_Z1f{}iv", "P".repeat(1018));
        let on_tiny_stack = |options: Options| {
            let deep = deep.clone();
            std::thread::Builder::new()
                .stack_size(64 * 1024)
                .spawn(move || demangle(deep.as_bytes(), &options))
                .unwrap()
                .join()
                .unwrap()
        };
        let shallow = Options {
            recursion_limit: 512,
            ..Options::default()
        };
        assert_eq!(on_tiny_stack(shallow), Err(Error::TooDeep));
        let deeper = Options::default();
        let text = on_tiny_stack(deeper).unwrap();
        assert!(
            text.starts_with("f(int*") && text.ends_with("*, void)"),
            "{text}"
        );
        // Asking for more than the most is the most.
        let too_much = Options {
            recursion_limit: u32::MAX,
            ..Options::default()
        };
        assert!(on_tiny_stack(too_much).is_ok());
    }

    #[test]
    fn as_deep_as_gnu_goes() {
        let nested = format!("_Z1fI{}i{}Evv", "1XI".repeat(253), "E".repeat(253));
        let text = run(&nested).unwrap();
        assert!(
            text.starts_with("void f<X<X<X<") && text.ends_with("> > > >()"),
            "{text}"
        );
    }

    #[test]
    fn local_names_in_template_arguments_have_no_return_type() {
        assert_eq!(run("_Z1gIZ1fIiEvvE1xEvv").unwrap(), "void g<f<int>()::x>()");
        assert_eq!(
            run("_Z1gIZN1a1fIiEEN1b1RIiEEvE1xEvv").unwrap(),
            "void g<a::f<int>()::x>()"
        );
        // A function type in the same place keeps its return type.
        assert_eq!(run("_Z1gIFviEEvv").unwrap(), "void g<void (int)>()");
    }

    #[test]
    fn hostile_expansion_stops_at_a_bound_relative_to_the_input() {
        // S_ = X, S0_ = X<int, int>, each level X<previous, previous>: the
        // output doubles per level.
        let mut symbol = String::from("_Z1fI1XIiiE");
        let digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for level in 0..30 {
            let seq = if level < 36 {
                digits[level..level + 1].to_string()
            } else {
                unreachable!()
            };
            symbol.push_str(&format!("S_IS{seq}_S{seq}_E"));
        }
        symbol.push_str("Evv");
        let limit = symbol.len() * Options::OUTPUT_PER_INPUT_BYTE + Options::OUTPUT_SLACK;
        let start = std::time::Instant::now();
        assert_eq!(run(&symbol), Err(Error::OutputTooLong { limit }));
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn output_is_capped() {
        let capped = |limit| Options {
            max_output: limit,
            ..Options::default()
        };
        assert_eq!(
            demangle(b"_ZN7mangled3fooEd", &capped(20)).unwrap(),
            "mangled::foo(double)"
        );
        assert_eq!(
            demangle(b"_ZN7mangled3fooEd", &capped(19)),
            Err(Error::OutputTooLong { limit: 19 })
        );
    }
}
