//! GNU c++filt's rule for a stream of text: every maximal run of symbol
//! characters that demangles is replaced by its demangling, and every other
//! byte is kept as it is.

use crate::{demangle_token, Options};

/// The characters c++filt takes as part of a symbol (on ELF targets).
#[inline]
pub fn is_symbol_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.')
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
    let mut rest = text;
    while !rest.is_empty() {
        let other = rest
            .iter()
            .position(|&b| is_symbol_byte(b))
            .unwrap_or(rest.len());
        out.extend_from_slice(&rest[..other]);
        rest = &rest[other..];
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
    fn a_leading_dot_is_kept_and_a_leading_dollar_dropped() {
        assert_eq!(run(b"._Z3foov"), b".foo()");
        assert_eq!(run(b"$_Z3foov"), b"foo()");
    }
}
