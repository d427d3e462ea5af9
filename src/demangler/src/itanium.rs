//! Itanium C++ ABI names (`_Z...`), through the `cpp_demangle` crate, with
//! GNU c++filt's spelling.
//!
//! The crate parses; this module makes its printing match c++filt:
//! - special names the crate spells its own way (vtables, VTTs, thunks) are
//!   recognised here and their parts demangled by the crate;
//! - [`GnuWriter`] follows the crate's writes and node events to fix what
//!   needs their context (empty packs, `&function` arguments, function
//!   types, the standard substitutions);
//! - [`crate::spelling`] rewrites what can be recognised in the text.

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use cpp_demangle::{BorrowedSymbol, DemangleOptions, ParseOptions};

use crate::capped::CappedString;
use crate::gnu_writer::GnuWriter;
use crate::options::GNU_MAX_MANGLED;
use crate::spelling;
use crate::stack;
use crate::{Error, Options, Style};

pub(crate) fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
    let mangled_name = symbol.starts_with(b"_Z") || symbol.starts_with(b"_GLOBAL_");
    // Parsed as a type, a name must not start with what the crate would take
    // for Apple's `__Z` or a block invocation (`___Z`): no type starts so.
    let types = (options.types || options.style == Style::LibStdCxx) && !symbol.starts_with(b"__");
    if !mangled_name && !types {
        // c++filt leaves bare types (and Apple's `__Z` unless asked to strip
        // an underscore) alone unless asked for types; the crate would
        // print them.
        return Err(Error::NotMangled);
    }
    if symbol.len() > GNU_MAX_MANGLED {
        return Err(Error::TooLongForGnu);
    }
    // The crate is not supposed to panic, but this input may come from
    // anywhere: a panic becomes an error instead of unwinding further.
    // Most names need little recursion: the first attempt runs with a limit
    // the thread's own stack covers; only a name that needs more is tried
    // again with the full limit, on a stack segment of its own if need be.
    let limit = options.recursion();
    let first = limit.min(stack::FIRST_ATTEMPT_RECURSION);
    let attempt = |limit: u32| {
        // The crate is not supposed to panic, but this input may come from
        // anywhere: a panic becomes an error instead of unwinding further.
        catch_unwind(AssertUnwindSafe(|| {
            stack::with_stack(limit, || {
                let options = &Options {
                    recursion_limit: limit,
                    ..*options
                };
                if let Some(result) = crate::gnu::demangle(symbol, options) {
                    return result;
                }
                if mangled_name {
                    demangle_special(
                        symbol,
                        &Options {
                            recursion_limit: limit,
                            ..*options
                        },
                    )
                } else {
                    // A bare type encoding (`i`, `PKc`, `St6vectorIiSaIiEE`), as
                    // `c++filt -t` demangles it.
                    print(
                        symbol,
                        &Options {
                            recursion_limit: limit,
                            ..*options
                        },
                    )
                    .map_err(|_| Error::NotMangled)
                }
            })
        }))
        .unwrap_or(Err(Error::Internal))
    };
    match attempt(first) {
        // Printing past the limit shows as an unprintable name.
        Err(Error::TooDeep | Error::Unprintable) if limit > first => attempt(limit),
        result => result,
    }
}

fn demangle_special(symbol: &[u8], options: &Options) -> Result<String, Error> {
    if let Some(name) = symbol.strip_prefix(b"_ZGV") {
        if name.starts_with(b"Z") {
            return prefixed(
                "guard variable for ",
                print(&[b"_Z", name].concat(), options),
            );
        }
    }
    let Some(special) = symbol.strip_prefix(b"_ZT") else {
        return print(symbol, options);
    };
    let (prefix, rest): (&str, &[u8]) = match special.split_first() {
        Some((b'V', ty)) => return prefixed("vtable for ", print(ty, options)),
        Some((b'T', ty)) => return prefixed("VTT for ", print(ty, options)),
        // Guard variables, TLS init and wrapper functions of local names.
        Some((b'H' | b'W', name)) if name.starts_with(b"Z") => {
            let what = if special[0] == b'H' {
                "TLS init function for "
            } else {
                "TLS wrapper function for "
            };
            return prefixed(what, print(&[b"_Z", name].concat(), options));
        }
        Some((b'h', rest)) => ("non-virtual thunk to ", skip_nv_offset(rest)?),
        Some((b'v', rest)) => ("virtual thunk to ", skip_v_offset(rest)?),
        Some((b'c', rest)) => {
            let rest = skip_call_offset(skip_call_offset(rest)?)?;
            ("covariant return thunk to ", rest)
        }
        _ => return print(symbol, options),
    };
    // Call offsets hold no substitution candidates, so the encoding after
    // them demangles the same on its own.
    let mut encoding = Vec::with_capacity(rest.len() + 2);
    encoding.extend_from_slice(b"_Z");
    encoding.extend_from_slice(rest);
    prefixed(prefix, print(&encoding, options))
}

fn prefixed(prefix: &str, body: Result<String, Error>) -> Result<String, Error> {
    body.map(|body| {
        let mut out = String::with_capacity(prefix.len() + body.len());
        out.push_str(prefix);
        out.push_str(&body);
        out
    })
}

/// `<number> _`, where a number may start with `n` for minus.
fn skip_number_underscore(input: &[u8]) -> Result<&[u8], Error> {
    let digits = input.strip_prefix(b"n").unwrap_or(input);
    let len = digits.iter().take_while(|b| b.is_ascii_digit()).count();
    match digits[len..].split_first() {
        Some((b'_', rest)) if len > 0 => Ok(rest),
        Some(_) => Err(Error::Malformed),
        None => Err(Error::Truncated),
    }
}

fn skip_nv_offset(input: &[u8]) -> Result<&[u8], Error> {
    skip_number_underscore(input)
}

fn skip_v_offset(input: &[u8]) -> Result<&[u8], Error> {
    skip_number_underscore(skip_number_underscore(input)?)
}

fn skip_call_offset(input: &[u8]) -> Result<&[u8], Error> {
    match input.split_first() {
        Some((b'h', rest)) => skip_nv_offset(rest),
        Some((b'v', rest)) => skip_v_offset(rest),
        Some(_) => Err(Error::Malformed),
        None => Err(Error::Truncated),
    }
}

/// Parse `input` as a whole mangled name (or, without `_Z`, a type) and print
/// it with c++filt's spelling.
fn print(input: &[u8], options: &Options) -> Result<String, Error> {
    let parse_options = ParseOptions::default().recursion_limit(options.recursion());
    match BorrowedSymbol::new_with_options(input, &parse_options) {
        Ok(parsed) => print_parsed(input, &parsed, options),
        Err(error) => {
            let Some(renamed) = comdat_as_complete(input, &parse_options) else {
                return Err(error.into());
            };
            let parsed = BorrowedSymbol::new_with_options(&renamed[..], &parse_options)?;
            print_parsed(&renamed, &parsed, options)
        }
    }
}

/// GCC's comdat constructors and destructors (`C5`, `D5`), which the crate
/// does not parse, renamed to the complete-object ones (`C1`, `D1`) that
/// c++filt prints the same way. A `C5` counts as a constructor only where a
/// `C1` parses and an invalid `C9` does not, so one inside an identifier is
/// never touched.
fn comdat_as_complete(input: &[u8], parse_options: &ParseOptions) -> Option<Vec<u8>> {
    let parses =
        |candidate: &[u8]| BorrowedSymbol::new_with_options(candidate, parse_options).is_ok();
    let mut candidate = input.to_vec();
    let mut renamed = false;
    for at in 1..input.len().saturating_sub(2) {
        if !matches!(&input[at..at + 2], b"C5" | b"D5")
            || !matches!(input[at + 2], b'E' | b'I' | b'B')
        {
            continue;
        }
        candidate[at + 1] = b'9';
        let invalid = !parses(&candidate);
        candidate[at + 1] = b'1';
        renamed |= invalid;
        if !invalid {
            candidate[at + 1] = b'5';
        }
    }
    (renamed && parses(&candidate)).then_some(candidate)
}

fn print_parsed(
    input: &[u8],
    parsed: &BorrowedSymbol<'_>,
    options: &Options,
) -> Result<String, Error> {
    let mut crate_options = DemangleOptions::new().recursion_limit(options.recursion());
    if !options.params {
        crate_options = crate_options.no_params();
    }
    // c++filt never prints the return type of the function a local name
    // (`Z <encoding> E <entity>`) is in.
    let local = input
        .strip_prefix(b"_Z")
        .is_some_and(|rest| rest.starts_with(b"Z"));
    if !options.return_type || local {
        crate_options = crate_options.no_return_type();
    }
    // The cap stops a symbol whose back references expand exponentially
    // early, instead of letting it exhaust memory.
    let names_in_args = contains_after(input, b'L', b"_Z");
    // Demangled names run two to four times the mangled length.
    let limit = options.output_limit(input.len());
    let text = CappedString::new(input.len() * 4 + 16, limit);
    let mut writer = GnuWriter::new(text, names_in_args, options.is_verbose());
    match parsed.structured_demangle(&mut writer, &crate_options) {
        Ok(()) if has_integer_literal(input) => Ok(spelling::gnu_literals(writer.finish())),
        Ok(()) => Ok(writer.finish()),
        Err(fmt::Error) if writer.text.overflowed => Err(Error::OutputTooLong { limit }),
        Err(fmt::Error) => Err(Error::Unprintable),
    }
}

/// Whether `first` followed by `then` occurs in `input`.
fn contains_after(input: &[u8], first: u8, then: &[u8]) -> bool {
    input
        .iter()
        .enumerate()
        .any(|(i, &b)| b == first && input[i + 1..].starts_with(then))
}

/// Whether the mangled name may hold an integer or boolean literal
/// (`Lj64E`, `Lb1E`, `Lin5E`), the only thing [`spelling::gnu_literals`]
/// rewrites.
fn has_integer_literal(input: &[u8]) -> bool {
    input.windows(3).any(|w| {
        w[0] == b'L'
            && matches!(w[1], b'i' | b'j' | b'l' | b'm' | b'x' | b'y' | b'b')
            && (w[2].is_ascii_digit() || w[2] == b'n')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // The crate itself would print these two as types.
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
