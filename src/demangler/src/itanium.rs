//! Itanium C++ ABI names (`_Z...`), demangled by [`crate::gnu`] with GNU
//! c++filt's rules, on a stack deep enough for the recursion limit and with
//! any panic turned into an error.

use crate::gnu;
use crate::{Error, Options};

pub(crate) fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
    if symbol.starts_with(b"___Z") && options.style == crate::Style::CxxFilt {
        return block_invocation(symbol, options);
    }
    demangle_guarded(symbol, options)
}

/// Clang's block invocation functions, `___Z<encoding>_block_invoke`,
/// maybe `_<number>` and a `.suffix` after it: GNU 2.47 refuses them;
/// printed as LLVM 19 prints them, `invocation function for block in f()`
/// (ItaniumDemangle `parse`).
fn block_invocation(symbol: &[u8], options: &Options) -> Result<String, Error> {
    let rest = symbol.strip_prefix(b"___Z").ok_or(Error::NotMangled)?;
    const SUFFIX: &[u8] = b"_block_invoke";
    let mut error = Error::Malformed;
    for at in (0..rest.len()).filter(|&i| rest[i..].starts_with(SUFFIX)) {
        let tail = &rest[at + SUFFIX.len()..];
        let tail = tail.split(|&b| b == b'.').next().unwrap_or_default();
        let number = tail.strip_prefix(b"_").unwrap_or(tail);
        let valid = number.iter().all(u8::is_ascii_digit)
            && (number.len() == tail.len() || !number.is_empty());
        if !valid {
            continue;
        }
        let mut encoding = Vec::with_capacity(at + 2);
        encoding.extend_from_slice(b"_Z");
        encoding.extend_from_slice(&rest[..at]);
        match demangle_guarded(&encoding, options) {
            Ok(text) => return Ok(format!("invocation function for block in {text}")),
            Err(e) => error = e,
        }
    }
    Err(error)
}

fn demangle_guarded(symbol: &[u8], options: &Options) -> Result<String, Error> {
    gnu::demangle(symbol, options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Style;

    /// The C++ demangler under the guard, as the dispatcher calls it.
    fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
        crate::guard::guarded(options, |options| super::demangle(symbol, options))
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
