//! The one-pass reader against the tree, which is checked against GNU
//! c++filt elsewhere (`tests/cxxfilt_fixtures.rs`, libiberty's suite): on
//! tables of each shape it reads (texts from c++filt 2.47), on the shapes
//! it must leave to the tree, and on every C++ symbol of the fixtures.

use super::*;

fn tree(symbol: &str) -> Option<String> {
    super::super::read_tree(symbol.as_bytes(), &Options::default(), false)
        .ok()
        .map(|(text, _)| text)
}

fn demangle(symbol: &str, verbose: bool, limit: usize, max_depth: u32) -> Option<String> {
    let mut text = String::new();
    demangle_into(symbol, verbose, limit, max_depth, &mut text).then_some(text)
}

fn one_pass(symbol: &str) -> Option<String> {
    let options = Options::default();
    demangle(
        symbol,
        true,
        options.output_limit(symbol.len()),
        options.recursion(),
    )
}

/// Each shape read in one pass, as `c++filt` 2.47 prints it.
const SHAPES: &[(&str, &str)] = &[
    (
        "_Z1fPFviEPFvPFviEE",
        "f(void (*)(int), void (*)(void (*)(int)))",
    ),
    ("_Z1fKPFviE", "f(void (* const)(int))"),
    ("_Z1fRKPFviE", "f(void (* const&)(int))"),
    ("_Z1fIFviEEvv", "void f<void (int)>()"),
    ("_Z1fPPFviE", "f(void (**)(int))"),
    ("_Z1fRA5_Kc", "f(char const (&) [5])"),
    ("_Z1fPA5_i", "f(int (*) [5])"),
    ("_Z1fRKA5_i", "f(int const (&) [5])"),
    ("_Z1fIJEiEvv", "void f<, int>()"),
    ("_Z1fIiJEcEvv", "void f<int, , char>()"),
    ("_Z1fIN1AIiEEJEEvv", "void f<A<int>>()"),
    // The `, ` taken back inside a pack still counts as the last character
    // printed when the list around the pack ends.
    ("_Z1fIJEEv1AIJ1BIiEDpT_EE", "void f<>(A<B<int>>)"),
    ("_Z1fIJEEv1AIJ1BIiEDpT_DpT_EE", "void f<>(A<B<int>>)"),
    (
        "_Z1fIJicEEvDpRKT_",
        "void f<int, char>(int const&, char const&)",
    ),
    ("_Z1fIJEEvDpOT_", "void f<>()"),
    ("_Z1fIiEvOT_", "void f<int>(int&&)"),
    ("_Z1fIRiEvOT_", "void f<int&>(int&)"),
    ("_Z1fIOiEvRT_", "void f<int&&>(int&)"),
    // An lvalue reference to an rvalue reference, which stays a candidate.
    ("_Z1fROiS_", "f(int&, int&&)"),
    ("_Z1fIOiEvRT_S0_", "void f<int&&>(int&, int&&)"),
    ("_ZZ1fvE1x_0", "f()::x"),
    ("_ZZN1A1fIiEEivE1x", "A::f<int>()::x"),
    ("_ZZ1fvENK1A1gEv", "f()::A::g() const"),
    ("_ZGVZ1fvE1x", "guard variable for f()::x"),
    (
        "_ZZ1fvENKUlRKiE0_clES1_",
        "f()::{lambda(int const&)#2}::operator()({lambda(int const&)#2}) const",
    ),
    ("_ZN3FooC2ERKS_", "Foo::Foo(Foo const&)"),
    (
        "_ZNSsC1Ev",
        "std::basic_string<char, std::char_traits<char>, std::allocator<char> >::basic_string()",
    ),
    (
        "_ZNKSt6vectorIiSaIiEE4sizeEv",
        "std::vector<int, std::allocator<int> >::size() const",
    ),
    ("_ZTV1A", "vtable for A"),
    ("_ZThn8_N1A1fEv", "non-virtual thunk to A::f()"),
    // Construction vtables: the base type first.
    ("_ZTCN1A1BE8_N1CE", "construction vtable for C-in-A::B"),
    ("_ZTC1AIiE0_S0_", "construction vtable for A<int>-in-A<int>"),
    // Transaction clones (any letter but `n` is `t`), hidden aliases.
    (
        "_ZGTtnam",
        "transaction clone for operator new[](unsigned long)",
    ),
    ("_ZGTx1fIiEvT_", "transaction clone for void f<int>(int)"),
    ("_ZGTnN1A1fEv", "non-transaction clone for A::f()"),
    ("_ZGAN1A1fEv", "hidden alias for A::f()"),
    ("_ZTv0_n24_N1A1fEv", "virtual thunk to A::f()"),
    ("_ZN12_GLOBAL__N_11fEv", "(anonymous namespace)::f()"),
    ("_ZL3foov", "foo()"),
    ("_ZN1A1fB5cxx11Ev", "A::f[abi:cxx11]()"),
    (
        "_Z1fILN1A1BE2ELb1ELc65EEvv",
        "void f<(A::B)2, true, (char)65>()",
    ),
    (
        "_ZltIiEbRKT_S2_",
        "bool operator< <int>(int const&, int const&)",
    ),
    ("_ZNK1AixEi", "A::operator[](int) const"),
    // A qualifier right before a function type: its `this`'s, after the
    // parameters, and a modifier in the group.
    ("_Z1fKFvvE", "f(void () const)"),
    ("_Z1fKFvvEPS_", "f(void () const, void (*)() const)"),
    // Pointers to members (d_print_mod): after a data member's type, in
    // the group of a member function's.
    ("_Z1fM1AiS0_", "f(int A::*, int A::*)"),
    ("_Z1fRKM1Ai", "f(int A::* const&)"),
    ("_Z1fMN1B1CEFviE", "f(void (B::C::*)(int))"),
    (
        "_Z1fM1AKFviES1_",
        "f(void (A::*)(int) const, void (A::*)(int) const)",
    ),
    ("_Z1fM1AA3_i", "f(int (A::*) [3])"),
    ("_Z1fKFvvES_", "f(void () const, void () const)"),
    (
        "_ZN4llvm15unique_functionIKFvmEED2Ev",
        "llvm::unique_function<void (unsigned long) const>::~unique_function()",
    ),
    // An argument pack in the `I` form of G++ before 4.5.
    (
        "_Z1fIIPKciEEvDpT_",
        "void f<char const*, int>(char const*, int)",
    ),
    // GNU's `<name>` reads a closure with no template arguments after it:
    // they are the next argument of the list around it, a pack.
    ("_Z1fIZ1gvEUlvE_IiEEvv", "void f<g()::{lambda()#1}, int>()"),
    (
        "_Z1fI1AIZ1gvEUlvE_IiEEEvv",
        "void f<A<g()::{lambda()#1}, int> >()",
    ),
    // Ref-qualified member functions: after the parameters and `const`.
    ("_ZNKR1A1fEv", "A::f() const &"),
    ("_ZNO1A1fIiEEvT_", "void A::f<int>(int) &&"),
    ("_Z1fv.cold", "f() [clone .cold]"),
    ("_Z1fv.isra.0", "f() [clone .isra.0]"),
    ("_Z1fIiET_v", "int f<int>()"),
    (
        "_ZSt4moveIRiEONSt16remove_referenceIT_E4typeEOS2_",
        "std::remove_reference<int&>::type&& std::move<int&>(int&)",
    ),
    ("_Z1fDaDc", "f(auto, decltype(auto))"),
    // A constructor under two lists of template arguments has a return
    // type (GNU's `is_ctor_dtor_or_conversion` sees the inner template).
    ("_ZN1AC2IiEIcEEvT_", "void A::A<int><char>(char)"),
    ("_ZN1AC2IiEIcEET_S1_", "char A::A<int><char>(A::A<int>)"),
    ("_ZN1AD2IiEIcEEvv", "void A::~A<int><char>()"),
    // ABI tags on a constructor make it none to `has_return_type` (GNU sees
    // a tagged name), and a back reference to a scope that ends in one is
    // one: what a name is comes with each candidate.
    ("_ZN1AC1B3tagIiEEvv", "void A::A[abi:tag]<int>()"),
    (
        "_ZZN1AC1IiEEvENS0_IcEEvv",
        "A::A<int>()::A::A<char>(void, void)",
    ),
    ("_Z1fDnDsDi", "f(decltype(nullptr), char16_t, char32_t)"),
    // A reference to a reference to a function or array type: the inner
    // one as it was (GNU's reference smashing, one level).
    ("_Z1fIRFvvEEvOT_", "void f<void (&)()>(void (&)())"),
    ("_Z1fIOFvvEEvOT_", "void f<void (&&)()>(void (&&)())"),
    (
        "_Z1fIJRA4_KcRFviEEEvDpOT_",
        "void f<char const (&) [4], void (&)(int)>(char const (&) [4], void (&)(int))",
    ),
    // A candidate whose text has a template parameter of one encoding in
    // it, referred to in another: GNU prints the parameter by the template
    // in scope there, and the candidate is read again.
    (
        "_ZN1BIZN1A1fIiEEDaPKT_EUlvE_ZNS1_IcEEDaS4_EUlvE0_E1gEv",
        "B<A::f<int>(int const*)::{lambda()#1}, A::f<char>(char const*)::{lambda()#2}>::g()",
    ),
    (
        "_ZN1BIZN1A1fIiEEDaPKT_EUlvE_ZNS1_IcEEDaPS4_EUlvE0_E1gEv",
        "B<A::f<int>(int const*)::{lambda()#1}, A::f<char>(char const**)::{lambda()#2}>::g()",
    ),
    (
        "_ZN1BIZN1A1fIiEEDaRT_EUlvE_ZNS1_IcEEDaRKS2_EUlvE0_E1gEv",
        "B<A::f<int>(int&)::{lambda()#1}, A::f<char>(char const&)::{lambda()#2}>::g()",
    ),
    // Expressions as template arguments: unresolved names, in the newer
    // mangling (`sr <levels> E`) and with a type as scope, and the
    // operators `!`, `-`, `+`, `~` on them, in parentheses where the
    // operand is not a name (`d_print_subexpr`), with the candidates read
    // inside them (`C`, `C::D`) where they were.
    ("_Z1fIXsrN1A1BE1cEEvv", "void f<A::B::c>()"),
    ("_Z1fIXntsr1AE5valueEEvv", "void f<!A::value>()"),
    (
        "_Z1fIXsr3stdE9is_same_vIiiEEEvv",
        "void f<std::is_same_v<int, int> >()",
    ),
    (
        "_Z1fIXntsr3stdE9is_same_vIiiEEEvv",
        "void f<!(std::is_same_v<int, int>)>()",
    ),
    (
        "_Z1fIiEvN1BIXntsrT_5valueEE4typeE",
        "void f<int>(B<!int::value>::type)",
    ),
    ("_Z1fIXcosr1AE1bEEvv", "void f<~A::b>()"),
    ("_Z1fIXntntsr1AE1bEEvv", "void f<!(!A::b)>()"),
    ("_Z1fIXpssr1AE1bB3tagEEvv", "void f<+A::b[abi:tag]>()"),
    (
        "_Z1fIXntsr1AE1bIN1C1DEEEEvS_S0_S1_",
        "void f<!(A::b<C::D>)>(f, C, C::D)",
    ),
    ("_Z1fIXsrNS_1AE1bEEvv", "void f<f::A::b>()"),
    // Unqualified names as expressions, an operator's after `on`: bare as
    // an operand where it is a name without arguments.
    ("_Z1fIX1aIiEEEvv", "void f<a<int> >()"),
    ("_Z1fIXnt1aEEvv", "void f<!a>()"),
    ("_Z1fIXnt1aIiEEEvv", "void f<!(a<int>)>()"),
    ("_Z1fIXnt1aB3tagEEvv", "void f<!(a[abi:tag])>()"),
    ("_Z1fIXntonplEEvv", "void f<!(operator+)>()"),
    ("_Z1fIXonplIiEEEvv", "void f<operator+<int> >()"),
    ("_Z1fIX3fooEEvS_", "void f<foo>(f)"),
    // Mangled names as literals (`L_Z ... E`), and `&` of them: a name or
    // a qualified name bare, the address of a function of a qualified
    // name without its parameters (whose candidates stay), anything else
    // in parentheses; a function template's return type before its name,
    // the candidates in both moved with them.
    ("_Z1fIXadL_Z1gvEEEvv", "void f<&(g())>()"),
    ("_Z1fIXadL_ZN1a1fEvEEEvv", "void f<&a::f>()"),
    ("_Z1fIXadL_ZN1a1fEiEEEvS0_", "void f<&a::f>(a)"),
    ("_Z1fIXadL_ZN1a1fB3tagEvEEEvv", "void f<&a::f[abi:tag]>()"),
    ("_Z1fIXadLZN1a1fEvEEEvv", "void f<&a::f>()"),
    ("_Z1fIXadL_ZNK1a1fEvEEEvv", "void f<&(a::f() const)>()"),
    ("_Z1fIXadL_ZN1a1xEEEEvv", "void f<&a::x>()"),
    ("_Z1fIXadL_ZL1xEEEvv", "void f<&x>()"),
    ("_Z1fIXadL_Z1xIiEEEEvv", "void f<&(x<int>)>()"),
    ("_Z1fIXntL_ZN1a1fEvEEEvv", "void f<!(a::f())>()"),
    ("_Z1fIXntL_ZN1a1xEEEEvv", "void f<!a::x>()"),
    ("_Z1fIL_Z1gvEEvv", "void f<g()>()"),
    ("_Z1fIL_ZN1a1fIiEEvvEEvv", "void f<void a::f<int>()>()"),
    (
        "_Z1fIXadL_ZN1a1fIiEEvvEEEvv",
        "void f<&(void a::f<int>())>()",
    ),
    (
        "_Z1fIXadL_ZN1a1fIiEENS0_1bEvEEEvS2_",
        "void f<&(a::b a::f<int>())>(a::b)",
    ),
    (
        "_Z1fIiXadL_ZN1a1fIiEEPT_vEEEvS3_",
        "void f<int, &(int* a::f<int>())>(int*)",
    ),
    (
        "_ZN1gIXadL_ZN1a1fIiEEvT_EEE1hIiEET_v",
        "int g<&(void a::f<int>(int))>::h<int>()",
    ),
    (
        "_Z1fIJXadL_ZN1a1fIiEEvvEEXadL_ZN1a1fIcEEvvEEEEvDpT_",
        "void f<&(void a::f<int>()), &(void a::f<char>())>(&(void a::f<int>()), \
         &(void a::f<char>()))",
    ),
    // `auto` parameters of lambdas (`T_` in its parameters), and a
    // closure with them repeated.
    ("_ZN1A1fEUlT_E_", "A::f({lambda(auto:1)#1})"),
    (
        "_ZZ1fvENKUlRKT_T0_E_clIiiEEDaS1_S2_",
        "auto f()::{lambda(auto:1 const&, auto:2)#1}::operator()<int, int>(int const&, int) const",
    ),
    // A forwarding reference of a generic lambda, read again in its call
    // operator: no reference on `T_` printed before outside a lambda's
    // parameters, where GNU saves no scope (`Reader::reference_on`).
    (
        "_ZZ1fvENKUlRT_E_clIiEEDaS0_",
        "auto f()::{lambda(auto:1&)#1}::operator()<int>(int&) const",
    ),
    (
        "_ZZ1fvENKUlOT_E_clIiEEDaS0_",
        "auto f()::{lambda(auto:1&&)#1}::operator()<int>(int&&) const",
    ),
    // A lambda's `auto` parameter referred to again in its parameters,
    // and outside them: GNU prints the node again where it is referred to.
    (
        "_ZZ1fvENKUlT_S_E_clIiEEDaS_S_",
        "auto f()::{lambda(auto:1, auto:1)#1}::operator()<int>(int, int) const",
    ),
];

/// A lambda under a pending modifier whose parameters it does not change
/// reads in one pass, and so does one repeated under a modifier while no
/// lambda printed has such a parameter (`LambdaGuard`; the lambdas of
/// `llvm::handleErrors` and of ORC's `unique_function`).
#[test]
fn a_lambda_under_a_pending_modifier_reads_in_one_pass() {
    for (symbol, want) in [
        (
            "_Z1gRKZ1fvEUlPKiE_",
            "g(f()::{lambda(int const*)#1} const&)",
        ),
        ("_Z1gRKZ1fvEUliRiE_", "g(f()::{lambda(int, int&)#1} const&)"),
        ("_Z1gPZ1fvEUlM1AiE_", "g(f()::{lambda(int A::*)#1}*)"),
        ("_Z1gPZ1fvEUlRRiE_", "g(f()::{lambda(int&)#1}*)"),
        (
            "_Z1gRKZ1fvEUlZ1hvE1SE_",
            "g(f()::{lambda(h()::S)#1} const&)",
        ),
        (
            "_Z1gRKZ1fvEUlN1AIA3_iEEE_",
            "g(f()::{lambda(A<int [3]>)#1} const&)",
        ),
        (
            "_Z1fIJZ1gvEUlRKiE_EEvDpOT_",
            "void f<g()::{lambda(int const&)#1}>(g()::{lambda(int const&)#1}&&)",
        ),
        (
            "_Z1gZ1fvEUlPKiE_RKS0_",
            "g(f()::{lambda(int const*)#1}, int const* const&)",
        ),
    ] {
        assert_eq!(one_pass(symbol).as_deref(), Some(want), "{symbol}");
        assert_eq!(tree(symbol).as_deref(), Some(want), "{symbol} (tree)");
    }
}

/// A reference on a template parameter's node referred to in another
/// encoding reads in one pass where no reference on that node was printed
/// before: GNU prints it by the templates in scope (`d_save_scope`), here
/// `f`'s, whose `T_` is the lambda (`Reader::reference_on`; ORC's
/// `WrapperFunction` handlers).
#[test]
fn a_reference_on_a_parameter_of_another_encoding_reads_in_one_pass() {
    for (symbol, want) in [
        (
            "_Z1fIZ1gIiEvT_EUlvE_EvOS1_",
            "void f<g<int>(int)::{lambda()#1}>(g<int>(int)::{lambda()#1}&&)",
        ),
        (
            "_Z1fIZ1gIiEvT_EUlvE_EvOS1_RS1_",
            "void f<g<int>(int)::{lambda()#1}>(g<int>(int)::{lambda()#1}&&, \
             g<int>(int)::{lambda()#1}&)",
        ),
        (
            "_Z1fIZ1gIiEvT_EUlvE_EvRS1_S1_",
            "void f<g<int>(int)::{lambda()#1}>(g<int>(int)::{lambda()#1}&, \
             g<int>(int)::{lambda()#1})",
        ),
    ] {
        assert_eq!(one_pass(symbol).as_deref(), Some(want), "{symbol}");
        assert_eq!(tree(symbol).as_deref(), Some(want), "{symbol} (tree)");
    }
}

/// A reference on a template parameter's node whose first reference was
/// printed in another encoding prints that encoding's argument, as GNU
/// restores the saved scope (`d_get_saved_scope`; `Reader::restore_scope`):
/// here `g`'s `T_`, `int`, smashed with the reference again (pyarrow's
/// nested `VisitTwoBitRuns` visitors, `std::call_once`'s
/// `_Prepare_execution`), also for a function type and in a local name.
#[test]
fn a_reference_on_a_parameter_saved_in_another_encoding_reads_in_one_pass() {
    for (symbol, want) in [
        (
            "_Z1fIZ1gIiEvOT_EUlvE_EvRS1_",
            "void f<g<int>(int&&)::{lambda()#1}>(int&)",
        ),
        (
            "_Z1fIZ1gIiEvOT_EUlvE_EvOS1_",
            "void f<g<int>(int&&)::{lambda()#1}>(int&&)",
        ),
        (
            "_Z1fIZ1gIiEvOT_EUlvE_EvRS1_S1_",
            "void f<g<int>(int&&)::{lambda()#1}>(int&, g<int>(int&&)::{lambda()#1})",
        ),
        (
            "_Z1fIZ1gIRiEvOT_EUlvE_EvOS1_",
            "void f<g<int&>(int&)::{lambda()#1}>(int&)",
        ),
        (
            "_Z1fIZ1gIFviEEvRT_EUlvE_EvRS1_",
            "void f<g<void (int)>(void (&)(int))::{lambda()#1}>(void (&)(int))",
        ),
        (
            "_ZZ1fIZ1gIiEvOT_EUlvE_EvRS1_E1x",
            "f<g<int>(int&&)::{lambda()#1}>(int&)::x",
        ),
        // Here `int` in `f<char>`, whether the reference is read again or
        // repeated.
        (
            "_ZN1BIZN1A1fIiEEDaRT_EUlvE_ZNS1_IcEEDaS3_EUlvE0_E1gEv",
            "B<A::f<int>(int&)::{lambda()#1}, A::f<char>(int&)::{lambda()#2}>::g()",
        ),
        (
            "_ZN1BIZN1A1fIiEEDaRT_EUlvE_ZNS1_IcEEDaRS2_EUlvE0_E1gEv",
            "B<A::f<int>(int&)::{lambda()#1}, A::f<char>(int&)::{lambda()#2}>::g()",
        ),
        (
            "_Z1fIZ1gIiEvOT_EUlvE_EvS2_",
            "void f<g<int>(int&&)::{lambda()#1}>(int&&)",
        ),
        (
            "_Z1fIZ1gIiEvOT_EUlvE_EvRS1_S4_",
            "void f<g<int>(int&&)::{lambda()#1}>(int&, int&)",
        ),
    ] {
        assert_eq!(one_pass(symbol).as_deref(), Some(want), "{symbol}");
        assert_eq!(tree(symbol).as_deref(), Some(want), "{symbol} (tree)");
    }
}

/// Where GNU saves no scope the reader reads (a reference smashed by one
/// on it, a local name's function's return type), or saves it first in
/// text read later (an outermost return type, a member pointer's member
/// type), a saved scope is not restored in one pass: the tree prints what
/// c++filt 2.47 prints.
#[test]
fn a_scope_saved_out_of_gnus_order_is_the_trees() {
    for (symbol, want) in [
        // `R` on `R S1_`: GNU prints `S1_` by `f`'s templates.
        (
            "_Z1fIZ1gIiEvOT_EUlvE_EvRRS1_",
            "void f<g<int>(int&&)::{lambda()#1}>(g<int>(int&&)::{lambda()#1}&)",
        ),
        // `R` on a repeat of `R S1_`, which printed `g`'s `int`.
        (
            "_Z1fIZ1gIiEvOT_EUlvE_EvRS1_RS4_",
            "void f<g<int>(int&&)::{lambda()#1}>(int&, g<int>(int&&)::{lambda()#1}&)",
        ),
        (
            "_Z1fIZ1gIiEvOT_EUlvE_EvOS1_RS4_",
            "void f<g<int>(int&&)::{lambda()#1}>(int&&, g<int>(int&&)::{lambda()#1}&)",
        ),
        // `g`'s dropped return type saved nothing.
        (
            "_Z1fIZ1gIiEOT_vEUlvE_EvRS1_",
            "void f<g<int>()::{lambda()#1}>(g<int>()::{lambda()#1}&)",
        ),
        // A member pointer's member type is printed before its class.
        (
            "_Z1fIZ1gIiEvOT_EUlvE_EvM1AFvRS1_E",
            "void f<g<int>(int&&)::{lambda()#1}>(void (A::*)(int&))",
        ),
        // `f`'s return type is printed before `g`'s parameters.
        (
            "_Z1fIZ1gIiEvOT_EUlvE_ERS1_v",
            "g<int>(int&&)::{lambda()#1}& \
             f<g<int>(g<int>(int&&)::{lambda()#1}&&)::{lambda()#1}>()",
        ),
    ] {
        assert_eq!(one_pass(symbol), None, "{symbol}");
        assert_eq!(tree(symbol).as_deref(), Some(want), "{symbol} (tree)");
    }
}

/// A list the one-pass printer refuses midway leaves its state as it was
/// around it: `_ZlsRZls+` reads a reference (a modifier pending) over a
/// local name whose parameter list it refuses (found by the differential
/// fuzz target: the count of pending modifiers went below zero).
#[test]
fn a_refusal_inside_a_list_leaves_the_modifiers_as_they_were() {
    for symbol in ["_ZlsRZls+", "_Z1fRZ1gvE1xPZ1hv", "_Z1fPZ1gIiEvT_"] {
        assert_eq!(one_pass(symbol), None, "{symbol}");
        assert_eq!(one_pass(symbol), tree(symbol), "{symbol}");
    }
}

#[test]
fn each_shape_reads_in_one_pass_as_cxxfilt_prints_it() {
    for &(symbol, want) in SHAPES {
        assert_eq!(one_pass(symbol).as_deref(), Some(want), "{symbol}");
        assert_eq!(tree(symbol).as_deref(), Some(want), "{symbol} (tree)");
    }
}

/// Shapes where GNU's printer does more than concatenate, left to the
/// tree, with what `c++filt` 2.47 prints for them.
const LEFT_TO_THE_TREE: &[(&str, &str)] = &[
    // A qualifier on a qualified argument: printed once.
    ("_Z1fIKiEvKT_", "void f<int const>(int const)"),
    // Expressions: `++` and `sizeof`, and an older unresolved name (`sr
    // <levels>` without its `E`); a literal function template whose return
    // type its name goes inside.
    (
        "_Z1fIXadL_ZN1a1fIiEEPFvvEvEEEvv",
        "void f<&(void (*a::f<int>())())>()",
    ),
    ("_Z1fIXppsr1AE1bEEvv", "void f<A::b++>()"),
    ("_Z1fIXpp_sr1AE1bEEvv", "void f<++A::b>()"),
    ("_Z1fIXszsr1AE1bEEvv", "void f<sizeof A::b>()"),
    ("_Z1fIXsr1A1bEEvv", "void f<A::b>()"),
    ("_Z1fIXngLi1EEEvv", "void f<-(1)>()"),
    // A lambda's `auto` parameter referred to outside it, where its
    // argument is the lambda itself: GNU prints the node inside itself,
    // which it refuses to do twice over (`d_printing`; see
    // `a_lambda_holding_itself_is_left_to_the_tree`).
    (
        "_Z1gIZ1fvEUlT_E_EvS0_",
        "void g<f()::{lambda(auto:1)#1}>(f()::{lambda(auto:1)#1})",
    ),
    ("_Z1fIXntsr3std9is_same_vIiiEEEvv", "void f<!(std::is_same_v<int, int>)>()"),
    // A pack's parameter outside an expansion.
    ("_Z1fIJiEEvT_", "void f<int>(int)"),
    // A default argument's scope.
    ("_ZZ1fvEd_N1A1xE", "f()::{default arg#1}::A::x"),
    // A ref-qualified function type.
    ("_Z1fIiEvPFvvRE", "void f<int>(void (*)() &)"),
    // An expansion of no pack.
    ("_Z1fIiEvDpT_", "void f<int>((int)...)"),
    // A vendor qualifier.
    ("_Z1fPU3fooi", "f(int foo*)"),
    // A reference on a smashed reference: GNU smashes one level only
    // (found by the differential fuzz target).
    ("_Z1fOOOOs", "f(short&&&&)"),
    ("_Z1fRRRi", "f(int&&)"),
    // A substitution of a qualified, array or function type as the scope
    // of a name: GNU's modifier lists place its declarator (found on
    // near-misses of real symbols).
    ("_Z1fKN1A1BERKNS1_1xE", "f(A::B const, A::B::x const&)"),
    ("_Z1fA16_cRKNS_1xE", "f(char [16], char const (&) [16]::x)"),
    ("_Z1fPFvvERKNS0_1xE", "f(void (*)(), void (* const&)()::x)"),
    // A lambda under a pending modifier: GNU prints its parameters with
    // the modifiers of the type around it (found on near-misses of
    // pyarrow's and grpc's symbols), where they are function or array
    // types, or a qualifier outermost (only one of a kind pending is
    // dropped: `int volatile` stays, but the one-pass printer leaves any).
    ("_Z1fRZ1gvEUlRFvvEE_", "f(g()::{lambda(void (&&)())#1})"),
    ("_Z1fPZ1gvEUlA4_iE_", "f(g()::{lambda(int (*) [4])#1})"),
    (
        "_Z1fIRZ1gvEUlA16_iE_EvT_",
        "void f<g()::{lambda(int (&) [16])#1}>(g()::{lambda(int (&) [16])#1})",
    ),
    (
        "_Z1fIRKZ1gvEUlKiE_EvT_",
        "void f<g()::{lambda(int)#1} const&>(g()::{lambda(int)#1} const&)",
    ),
    ("_Z1gRKZ1fvEUlViE_", "g(f()::{lambda(int volatile)#1} const&)"),
    // A lambda in the parameters of one under a pending modifier.
    (
        "_Z1gRKZ1fvEUlZ1hvEUlvE_E_",
        "g(f()::{lambda(h()::{lambda()#1})#1} const&)",
    ),
    // And a back reference to one, under a modifier; once such a lambda
    // is printed, any lambda repeated under a modifier.
    (
        "_Z1fIJZ1gvEUlKiE_EEvDpOT_",
        "void f<g()::{lambda(int const)#1}>(g()::{lambda(int const)#1}&&)",
    ),
    (
        "_Z1fZ1gvEUlKiE_RKS0_",
        "f(g()::{lambda(int const)#1}, g()::{lambda(int)#1} const&)",
    ),
    (
        "_Z1fZ1gvEUlA4_iE_RS0_",
        "f(g()::{lambda(int [4])#1}, g()::{lambda(int (&) [4])#1})",
    ),
    // A special name's name with `this` qualifiers (found by generated
    // names).
    ("_ZGVNK1A1xE", "guard variable for A::x const"),
    // A qualifier on a function type from a back reference, which GNU
    // prints inside the group; a pointer to member on a pointer to
    // function, a space after its `*`.
    ("_Z1fFvvEKS_", "f(void (), void ( const)())"),
    ("_Z1fM1APFvvE", "f(void (* A::*)())"),
    // A pack in a pack, in either form: GNU expands the inner one in
    // place (found on damaged protobuf and LLVM symbols).
    ("_Z1fIJPKcIiEbEEvDpT_", "void f<char const*, int, bool>(char const*, int, bool)"),
    // A ref-qualifier on no function, or on a local name's function
    // (c++filt refuses damaged names there that read in one pass: found
    // on damaged arrow symbols), or beside `volatile`.
    ("_ZNR1A1xE", "A::x &"),
    ("_ZZNKR1A1fEvE1x", "A::f() const &::x"),
    ("_ZNVR1A1fEv", "A::f() volatile &"),
    // A lambda in a function template's return type: GNU prints the
    // return type with the function type pending over it, which an array
    // or function parameter of the lambda takes in (found on damaged
    // grpc symbols).
    (
        "_Z1fIZ1gvEUlA16_iE_ET_v",
        "g()::{lambda(int (f<g()::{lambda(int [16])#1}>()) [16])#1}",
    ),
    (
        "_Z1fIZ1gvEUlFviEE_ET_v",
        "g()::{lambda(void f<g()::{lambda(void (int))#1}>()(int))#1}",
    ),
    // An lvalue reference to an rvalue reference to a function type, which
    // GNU prints with `&` in the group; a smashed one as a function
    // template's return type, where GNU prints the name in the group.
    ("_Z1fIOFvvEEvRT_", "void f<void (&&)()>(void (&)())"),
    ("_Z1gIA16_2nsSt2nsEOOT_i", "ns (&&g<ns [16], std::ns>(int)) [16]"),
    // A pack expansion as a function template's return type: GNU prints
    // the name in the group of an element that is a declarator (found on
    // near-misses of pyarrow's symbols, once the parameters `DpOT_` of
    // such a name were read in one pass).
    ("_Z1fIJRA4_KciEEDpT_v", "char const (&f<char const (&) [4], int>()) [4], int"),
    ("_Z1fIJicEEDpT_v", "int, char f<int, char>()"),
    (
        "_ZN5clang4ento14simplifyToSValEN4llvm18IntrusiveRefCntPtrIKNS0_12ProgramStateEEEPKNS4_7SymExprE",
        "clang::ento::simplifyToSVal(llvm::IntrusiveRefCntPtr<clang::ento::ProgramState const>, \
         clang::ento::ProgramState::SymExpr const*)",
    ),
];

#[test]
fn quirkier_shapes_are_left_to_the_tree() {
    for &(symbol, want) in LEFT_TO_THE_TREE {
        assert_eq!(one_pass(symbol), None, "{symbol}");
        assert_eq!(tree(symbol).as_deref(), Some(want), "{symbol} (tree)");
    }
}

/// A damaged arrow symbol, reduced, with an rvalue ref-qualified local
/// name's function in a template's arguments: c++filt 2.47 refuses it, as
/// the tree does; read in one pass it printed.
#[test]
fn a_ref_qualifier_on_a_local_names_function_is_left_to_the_tree() {
    let symbol = "_ZZN5arrow6FutureI8optionalIN8internal5EmptyEEEIZZN4LoopIZN19VisitAsyncGeneratorI\
                  8functionIFN6StatusES_EEEENS_IS_EES_IFNS_IT_EEvEEE8BodyS_S_EENS_I1_EESF_ENO8llback\
                  clENltEEN2_EEEEbSF_N15CallbackOptionsEEUlvE_";
    assert_eq!(one_pass(symbol), None);
    assert_eq!(tree(symbol), None);
}

/// A damaged LLVM symbol (spliced): a lambda's `auto` parameter, referred
/// to outside the lambda, whose argument holds the lambda, which holds
/// the parameter again. c++filt 2.47 refuses it, as the tree does (a node
/// printed inside itself twice over, `d_printing`); read in one pass with
/// `auto:N` it printed.
#[test]
fn a_lambda_holding_itself_is_left_to_the_tree() {
    let symbol = "_ZN4llvm6detail18UniqueFunctionBaseIvJNS_3orc6S_3orc6shared21WrapperFunctionResultEEE11Des\
                  troyImplIZNS2_22ExecutorProcessControl9RunAsTaskclIZNS3_15WrapperFunctionIFNS3_8SPSErrorEN\
                  S3_15SPSExecutorAddrENS3_11SPSSequenceISC_EEEE9callAsyncIZNS7_19callSPSWrapperAsyncISF_S8_\
                  ZNS2_18SharedMemoryMapper12deinitializeENS_8ArrayRefINS2_12ExecutorAddrEEENS_15unique_func\
                  tionIFvNS_5ErrorEEEEE3$_0JSL_SM_EEEvOT0_SL_OT1_DpRKT2_EUlOT_PKcmE_SR_JSL_SM_EEEvS11_ST_DpR\
                  KT1_EUlS4_E_EENS7_18IncomingWFRHandlerES11_EUlS4_E_EEvPv";
    assert_eq!(one_pass(symbol), None);
    assert_eq!(tree(symbol), None);
}

#[test]
fn limits_leave_a_name_to_the_tree() {
    let symbol = "_ZN1A1B1C1fEv";
    assert!(one_pass(symbol).is_some());
    // Text over the output limit, nesting near the recursion limit.
    assert_eq!(demangle(symbol, true, 4, 1024), None);
    assert_eq!(demangle(symbol, true, 1 << 20, 8), None);
    // Not UTF-8, given as bytes (a NUL inside: see `dispatch`'s tests).
    let options = Options::default();
    assert_eq!(super::super::read_one_pass(b"_Z1f\xff", &options), None);
}

/// Every C++ symbol of the fixtures that the reader takes prints as the
/// tree prints it; and it takes most of them.
#[test]
fn one_pass_agrees_with_the_tree_on_the_fixtures() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut taken_static = (0, 0);
    for family in ["static", "nm_dynamic", "mutated", "parse"] {
        let path = fixtures.join(format!("{family}.tsv"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let mut differing = Vec::new();
        for line in text.lines() {
            let symbol = line.split('\t').next().unwrap_or_default();
            if !symbol.starts_with("_Z") {
                continue;
            }
            let fast = one_pass(symbol);
            if family == "static" {
                taken_static.0 += usize::from(fast.is_some());
                taken_static.1 += 1;
            }
            if let Some(fast) = fast {
                let tree = tree(symbol);
                if tree.as_deref() != Some(fast.as_str()) {
                    differing.push(format!(
                        "{symbol}\n  one pass: {fast}\n  tree:     {tree:?}"
                    ));
                }
            }
        }
        assert!(
            differing.is_empty(),
            "{family}: {} differ, e.g.\n{}",
            differing.len(),
            differing[..differing.len().min(3)].join("\n")
        );
    }
    let (taken, all) = taken_static;
    assert!(
        taken * 100 >= all * 90,
        "the one-pass reader took {taken} of {all}"
    );
}
