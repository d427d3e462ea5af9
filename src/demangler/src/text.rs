//! GNU c++filt's rule for a stream of text: every maximal run of symbol
//! characters that demangles is replaced by its demangling, and every other
//! byte is kept as it is. Plus this package's rule for Microsoft names,
//! which c++filt does not know: where the format takes them, a `?`
//! followed by the longest run of letters, digits, `_`, `$`, `?` and `@` is
//! read as `llvm-undname` reads an argument: if a name can be read from its
//! start, the whole run is replaced by it (llvm-undname ignores what
//! follows, such as the last `@` of a vftable's name, which LLVM does not
//! read); a `?` that starts no name is kept, and what follows it is read as
//! usual.

use crate::{demangle_token, msvc_claims, Options};

/// The characters c++filt takes as part of a symbol (on ELF targets).
#[inline]
pub fn is_symbol_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.')
}

/// Whether `b` may be part of a name found in text: a symbol character, or
/// the `?` and `@` of a Microsoft name. Text is only ever cut between such
/// names, at a byte for which this is false.
#[inline]
pub fn is_name_byte(b: u8) -> bool {
    is_symbol_byte(b) || b == b'?' || b == b'@'
}

/// Append `text`, with every symbol in it demangled, to `out`.
///
/// ```
/// use demangler::{demangle_text, Options};
///
/// let mut out = Vec::new();
/// demangle_text(b"at 0x1 _ZN3foo3barEv+0x12 (libx.so)", &Options::default(), &mut out);
/// assert_eq!(out, b"at 0x1 foo::bar()+0x12 (libx.so)");
/// ```
pub fn demangle_text(text: &[u8], options: &Options, out: &mut Vec<u8>) {
    let microsoft = msvc_claims(b"?", options);
    let mut rest = text;
    while !rest.is_empty() {
        let other = rest
            .iter()
            .position(|&b| is_symbol_byte(b) || (microsoft && b == b'?'))
            .unwrap_or(rest.len());
        out.extend_from_slice(&rest[..other]);
        rest = &rest[other..];
        if rest.first() == Some(&b'?') {
            let run = rest
                .iter()
                .position(|&b| !is_name_byte(b))
                .unwrap_or(rest.len());
            match demangle_token(&rest[..run], options) {
                Ok(name) => {
                    out.extend_from_slice(name.as_bytes());
                    rest = &rest[run..];
                }
                Err(_) => {
                    out.push(b'?');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let run = rest
            .iter()
            .position(|&b| !is_symbol_byte(b))
            .unwrap_or(rest.len());
        if run > 0 {
            let token = &rest[..run];
            match demangle_token(token, options) {
                Ok(name) => out.extend_from_slice(name.as_bytes()),
                Err(_) => out.extend_from_slice(token),
            }
            rest = &rest[run..];
        }
    }
}

/// How much of `buf` can be demangled now, when more text may follow: all
/// of it up to and including the last byte that cannot be part of a
/// symbol. What follows may be the start of a symbol that goes on in the
/// next read.
pub fn complete_prefix_len(buf: &[u8]) -> usize {
    buf.iter()
        .rposition(|&b| !is_symbol_byte(b))
        .map_or(0, |p| p + 1)
}

/// As [`complete_prefix_len`], for names of every kind: up to and
/// including the last byte that cannot be part of a Microsoft name either.
pub fn complete_names_len(buf: &[u8]) -> usize {
    buf.iter()
        .rposition(|&b| !is_name_byte(b))
        .map_or(0, |p| p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        demangle_text(text, &Options::default(), &mut out);
        out
    }

    #[test]
    fn replaces_symbols_and_keeps_everything_else() {
        assert_eq!(
            run(b"0000000000001234 T _ZN3foo3barEv\n"),
            b"0000000000001234 T foo::bar()\n"
        );
        assert_eq!(
            run(b"_ZNSt8ios_base4InitC1Ev@@GLIBCXX_3.4"),
            b"std::ios_base::Init::Init()@@GLIBCXX_3.4"
        );
        assert_eq!(run(b"main _Z3foov\t\xff_Z3barv"), b"main foo()\t\xffbar()");
        assert_eq!(run(b""), b"");
        assert_eq!(run(b"no symbols here"), b"no symbols here");
    }

    #[test]
    fn complete_prefix_stops_before_a_symbol_that_may_go_on() {
        assert_eq!(complete_prefix_len(b"T _Z3fo"), 2);
        assert_eq!(complete_prefix_len(b"T _Z3foov\n"), 10);
        assert_eq!(complete_prefix_len(b"_Z3foov"), 0);
    }

    #[test]
    fn microsoft_names_are_found_in_text() {
        assert_eq!(
            run(b"  Name: ?foo@@YAXH@Z, and ??0Foo@@QEAA@XZ)\n"),
            b"  Name: void __cdecl foo(int), and public: __cdecl Foo::Foo(void))\n".to_vec()
        );
        // The whole run is replaced, as llvm-undname ignores what follows
        // the name; a `?` that starts no name is kept, and what follows
        // it is read as usual.
        assert_eq!(
            run(b"??_7A@@6BB@@@ ?x@@3HA@tail"),
            b"const A::`vftable'{for `B'} int x"
        );
        assert_eq!(run(b"why? _Z1fv ?? ?"), b"why? f() ?? ?");
        let gnu = Options {
            format: crate::Format::GnuV3,
            ..Options::default()
        };
        let mut out = Vec::new();
        demangle_text(b"?x@@3HA", &gnu, &mut out);
        assert_eq!(out, b"?x@@3HA");
    }

    #[test]
    fn complete_names_stop_before_a_microsoft_name_that_may_go_on() {
        assert_eq!(complete_names_len(b"T ?foo@@Y"), 2);
        assert_eq!(complete_prefix_len(b"T ?foo@@Y"), 8);
    }

    #[test]
    fn a_leading_dot_is_kept_and_a_leading_dollar_dropped() {
        assert_eq!(run(b"._Z3foov"), b".foo()");
        assert_eq!(run(b"$_Z3foov"), b"foo()");
    }
}
