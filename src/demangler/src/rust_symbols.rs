//! Rust symbols, legacy (`_ZN...17h<hash>E`) and v0 (`_R...`), printed as
//! GNU c++filt prints them: through the `rustc-demangle` crate, behind the
//! same gate that libiberty applies before it calls a symbol Rust.

use std::fmt::{self, Write};

use crate::capped::CappedString;
use crate::{Error, Options};

/// If `token` is a Rust symbol by libiberty's rules, the length of the
/// symbol proper, without the `.suffix` that libiberty drops.
///
/// v0 starts with `_R` and an upper-case letter and uses only
/// `[_0-9A-Za-z]` up to an optional `.suffix`. Legacy starts with `_ZN` and,
/// before an optional `.suffix`, ends in a hash segment: `17h` and 16
/// lower-case hex digits of at least 5 distinct values, then `E`.
pub(crate) fn rust_symbol_len(token: &[u8]) -> Option<usize> {
    if let Some(rest) = token.strip_prefix(b"_R") {
        let path_len = rest.iter().position(|&b| b == b'.').unwrap_or(rest.len());
        let path = &rest[..path_len];
        // Branch-free over the whole path: symbols run to hundreds of bytes.
        let valid = path.first().is_some_and(u8::is_ascii_uppercase)
            && path
                .iter()
                .fold(true, |ok, &b| ok & (b == b'_' || b.is_ascii_alphanumeric()));
        return valid.then_some(2 + path_len);
    }
    let rest = token.strip_prefix(b"_ZN")?;
    // Most `_ZN` names are C++: without a hash segment there is no need to
    // look further.
    if !rest.windows(3).any(|w| w == b"17h") {
        return None;
    }
    let legal =
        |b: u8| b == b'_' || b.is_ascii_alphanumeric() || matches!(b, b'$' | b'.' | b':' | b'@');
    if !rest.iter().all(|&b| legal(b)) {
        return None;
    }
    // The symbol ends at the last `E` that is followed by nothing or by a
    // `.suffix`.
    let mut end = rest.len();
    let mut after_dot = true;
    while end > 0 && !(after_dot && rest[end - 1] == b'E') {
        after_dot = rest[end - 1] == b'.';
        end -= 1;
    }
    if end < 21 {
        return None;
    }
    let hash = &rest[end - 20..end - 1];
    if !hash.starts_with(b"17h") {
        return None;
    }
    let mut seen = 0u16;
    for &b in &hash[3..] {
        match b {
            b'0'..=b'9' => seen |= 1 << (b - b'0'),
            b'a'..=b'f' => seen |= 1 << (b - b'a' + 10),
            _ => return None,
        }
    }
    (seen.count_ones() >= 5).then_some(3 + end)
}

/// Demangle the Rust symbol that is the first `len` bytes of a token (see
/// [`rust_symbol_len`]).
pub(crate) fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
    let text = std::str::from_utf8(symbol).map_err(|_| Error::Malformed)?;
    let parsed = rustc_demangle::try_demangle(text).map_err(|_| Error::Malformed)?;
    let limit = options.output_limit(symbol.len());
    let mut out = CappedString::new(text.len() * 2, limit);
    // c++filt shows the hashes and the types of consts unless given `-i`;
    // `{:#}` hides them.
    let written = if options.is_verbose() {
        write!(out, "{parsed}")
    } else {
        write!(out, "{parsed:#}")
    };
    match written {
        // Consts (the only thing rewritten) are generic arguments (`K`) or
        // array lengths (`A`) in the mangling.
        Ok(())
            if options.is_verbose()
                && symbol.starts_with(b"_R")
                && symbol.iter().any(|&b| b == b'K' || b == b'A') =>
        {
            Ok(rust_typed_consts(out.out))
        }
        Ok(()) => Ok(out.out),
        Err(fmt::Error) if out.overflowed => Err(Error::OutputTooLong { limit }),
        Err(fmt::Error) => Err(Error::Malformed),
    }
}

/// Text rebuilt with some spans replaced, left to right; the text itself is
/// kept, without a copy, when nothing was replaced.
struct Splicer<'a> {
    text: &'a str,
    out: String,
    copied: usize,
}

impl<'a> Splicer<'a> {
    fn new(text: &'a str) -> Self {
        Splicer {
            text,
            out: String::new(),
            copied: 0,
        }
    }

    /// Replace `text[start..end]` (after everything replaced so far) with
    /// the concatenation of `with`.
    fn splice(&mut self, start: usize, end: usize, with: &[&str]) {
        if self.out.is_empty() {
            self.out.reserve(self.text.len() + 16);
        }
        self.out.push_str(&self.text[self.copied..start]);
        with.iter().for_each(|s| self.out.push_str(s));
        self.copied = end;
    }

    /// The rebuilt text, or `None` when nothing was replaced.
    fn finish(self) -> Option<String> {
        if self.copied == 0 && self.out.is_empty() {
            return None;
        }
        let mut out = self.out;
        out.push_str(&self.text[self.copied..]);
        Some(out)
    }
}

/// The length of the char literal `text` starts with (`'b'`, `'\n'`,
/// `'\u{301}'`), if it starts with one: a lifetime (`'a`) has no closing
/// quote.
fn char_literal_end(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('\'')?;
    let body = if rest.starts_with('\\') {
        rest.find('\'')?
    } else {
        rest.chars().next()?.len_utf8()
    };
    rest[body..].starts_with('\'').then_some(1 + body + 1)
}

/// The integer types a v0 const generic can have.
const INT_TYPES: [&str; 12] = [
    "usize", "isize", "u128", "i128", "u64", "i64", "u32", "i32", "u16", "i16", "u8", "i8",
];

/// rustc-demangle prints an integer const generic as `8usize`, a boolean
/// one as `true` and a char as `'b'`; libiberty, and so c++filt, prints
/// `8: usize`, `true: bool` and `'b': char`.
pub(crate) fn rust_typed_consts(text: String) -> String {
    let bytes = text.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Splicer::new(&text);
    let mut i = 0;
    while i < bytes.len() {
        if i > 0 && ident(bytes[i - 1]) {
            i += 1;
            continue;
        }
        let boolean = ["true", "false"].into_iter().find(|w| {
            text[i..].starts_with(*w) && bytes.get(i + w.len()).is_none_or(|&b| !ident(b))
        });
        if let Some(end) = char_literal_end(&text[i..]).map(|n| i + n) {
            if bytes.get(end).is_none_or(|&b| !ident(b)) {
                out.splice(end, end, &[": char"]);
                i = end;
                continue;
            }
        }
        if let Some(word) = boolean {
            i += word.len();
            out.splice(i, i, &[": bool"]);
            continue;
        }
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut j = i;
        if bytes[i..].starts_with(b"0x") {
            j += 2;
            while j < bytes.len() && bytes[j].is_ascii_hexdigit() && !bytes[j].is_ascii_uppercase()
            {
                j += 1;
            }
        }
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        let ty = INT_TYPES.iter().find(|t| {
            text[j..].starts_with(**t) && bytes.get(j + t.len()).is_none_or(|&b| !ident(b))
        });
        if let Some(ty) = ty {
            out.splice(j, j, &[": "]);
            i = j + ty.len();
        } else {
            i = j.max(i + 1);
        }
    }
    out.finish().unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Result<String, Error> {
        let len = rust_symbol_len(s.as_bytes()).expect("not a Rust symbol");
        demangle(&s.as_bytes()[..len], &Options::default())
    }

    #[test]
    fn gate_follows_libiberty() {
        let legacy = b"_ZN4core3fmt5write17h0123456789abcdefE";
        assert_eq!(rust_symbol_len(legacy), Some(legacy.len()));
        assert_eq!(
            rust_symbol_len(b"_ZN4core3fmt5write17h0123456789abcdefE.llvm.123"),
            Some(legacy.len())
        );
        // A C++ name without the hash is C++.
        assert_eq!(rust_symbol_len(b"_ZN3foo3barE"), None);
        // Too few distinct hex digits to be a hash.
        assert_eq!(rust_symbol_len(b"_ZN3foo17h0000000000000000E"), None);
        assert_eq!(rust_symbol_len(b"_RNvCs1234_7mycrate3foo.cold"), Some(23));
        assert_eq!(rust_symbol_len(b"_Rfoo"), None);
    }

    #[test]
    fn prints_like_cxxfilt() {
        assert_eq!(
            run("_ZN4core3fmt5write17h0123456789abcdefE").unwrap(),
            "core::fmt::write::h0123456789abcdef"
        );
        assert_eq!(
            run("_ZN4core3fmt5write17h0123456789abcdefE.llvm.4711").unwrap(),
            "core::fmt::write::h0123456789abcdef"
        );
        assert_eq!(
            run("_RNvCs1234_7mycrate3foo").unwrap(),
            "mycrate[3c1c0]::foo"
        );
        let terse = Options {
            verbose: false,
            ..Options::default()
        };
        let symbol = b"_ZN4core3fmt5write17h0123456789abcdefE";
        assert_eq!(demangle(symbol, &terse).unwrap(), "core::fmt::write");
        assert_eq!(
            run("_RINvMNtCs2fqUAidLEe7_15rustc_serialize6opaqueNtB3_11FileEncoder19panic_invalid_writeKj10_ECs5FxD4tM6viY_14rustc_metadata").unwrap(),
            "<rustc_serialize[1a31db9350233725]::opaque::FileEncoder>::panic_invalid_write::<16: usize>"
        );
    }
}
