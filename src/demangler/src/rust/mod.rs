//! Rust symbols, legacy (`_ZN...17h<hash>E`) and v0 (`_R...`), printed as
//! GNU c++filt prints them: libiberty's gate decides what is a Rust symbol,
//! and its rules decide the text (a crate root's disambiguator in brackets,
//! a const's type after it, `{closure#0}`), except where libiberty loses
//! information (a const over 64 bits is printed whole here).

mod legacy;
mod punycode;
mod v0;

use crate::error::Error;
use crate::options::Options;
use crate::outcome::Outcome;
use crate::symbol::{Kind, Language, Parts};

/// libiberty's limit on the nesting of paths, types and consts.
const GNU_MAX_RECURSION: u32 = 1024;

/// If `token` is a Rust symbol by libiberty's rules, the length of the
/// symbol proper, without the `.suffix` that libiberty drops.
///
/// v0 starts with `_R` and an upper-case letter and uses only
/// `[_0-9A-Za-z]` up to an optional `.suffix`. Legacy starts with `_ZN` and,
/// before an optional `.suffix`, ends in a hash segment: `17h` and 16
/// lower-case hex digits of at least 5 distinct values, then `E`.
pub(crate) fn symbol_len(token: &[u8]) -> Option<usize> {
    if let Some(rest) = token.strip_prefix(b"_R") {
        // Branch-free over the whole name, which runs to hundreds of bytes
        // (byte arithmetic the compiler turns into vector code): most have
        // no `.suffix`, and then one pass does.
        let ident = |b: u8| {
            (b == b'_') | (b.wrapping_sub(b'0') < 10) | ((b | 0x20).wrapping_sub(b'a') < 26)
        };
        let all_ident = |s: &[u8]| s.iter().fold(true, |ok, &b| ok & ident(b));
        let path_len = if all_ident(rest) {
            rest.len()
        } else {
            let len = rest.iter().position(|&b| b == b'.')?;
            if !all_ident(&rest[..len]) {
                return None;
            }
            len
        };
        let valid = rest.first().is_some_and(u8::is_ascii_uppercase);
        return valid.then_some(2 + path_len);
    }
    let rest = token.strip_prefix(b"_ZN")?;
    let end = legacy_end(rest)?;
    // Branch-free over the whole name, by a table.
    if !rest
        .iter()
        .fold(true, |ok, &b| ok & LEGACY_BYTES[usize::from(b)])
    {
        return None;
    }
    let hash = &rest[end - 20..end - 1];
    is_legacy_hash(&hash[2..]).then_some(3 + end)
}

/// Where a legacy symbol's path (`rest`, after `_ZN`) would end: at its
/// last `E` that is followed by nothing or by a `.suffix`, with `17h` of
/// a hash segment before it. Most `_ZN` names are C++ and have no such
/// `E`, or no hash segment before it.
fn legacy_end(rest: &[u8]) -> Option<usize> {
    legacy_end_with(rest, None)
}

/// [`legacy_end`], told whether `rest` has a `.` where the caller knows.
fn legacy_end_with(rest: &[u8], dot: Option<bool>) -> Option<usize> {
    let end = if rest.last() == Some(&b'E') {
        rest.len()
    } else {
        // Most have no `.` at all, which one fast search shows (the
        // caller's, where it made one).
        if !dot.unwrap_or_else(|| memchr::memchr(b'.', rest).is_some()) {
            return None;
        }
        rest.windows(2).rposition(|w| w == b"E.")? + 1
    };
    (end >= 21 && &rest[end - 20..end - 17] == b"17h").then_some(end)
}

/// Whether a `_Z` token may be a Rust legacy symbol: [`symbol_len`]'s first
/// and cheap test, which almost every C++ name fails, so that the one-pass
/// C++ reader is offered it before the dispatcher's layers; `dot`: whether
/// the token has a `.`, where the caller's scan found out.
pub(crate) fn may_be_legacy(token: &[u8], dot: Option<bool>) -> bool {
    token
        .strip_prefix(b"_ZN")
        .and_then(|rest| legacy_end_with(rest, dot))
        .is_some()
}

/// The bytes a legacy name may hold: `[_$.:@0-9A-Za-z]`.
const LEGACY_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'.' | b':' | b'@');
        b += 1;
    }
    table
};

/// `h` and 16 lower-case hex digits with at least 5 distinct values.
fn is_legacy_hash(ident: &[u8]) -> bool {
    let Some(digits) = ident.strip_prefix(b"h").filter(|d| d.len() == 16) else {
        return false;
    };
    let mut seen = 0u16;
    for &b in digits {
        match b {
            b'0'..=b'9' => seen |= 1 << (b - b'0'),
            b'a'..=b'f' => seen |= 1 << (b - b'a' + 10),
            _ => return false,
        }
    }
    seen.count_ones() >= 5
}

/// Read the Rust symbol that is the first `len` bytes of a token (see
/// [`symbol_len`]); with `structured`, its path's parts too: the base name
/// (its last segment), the scope (the segments before it) and a generic
/// function's arguments. Rust manglings do not tell functions from
/// statics: the kind is `Unknown`.
pub(crate) fn demangle_rust<O: Outcome>(symbol: &[u8], options: &Options) -> Result<O, Error> {
    let mut out = Output::new(options.output_limit(symbol.len()), symbol.len() * 2);
    let mut marks = O::STRUCTURED.then(Marks::default);
    let verbose = options.is_verbose();
    if let Some(path) = symbol.strip_prefix(b"_R") {
        let limit = options.recursion().min(GNU_MAX_RECURSION);
        let shown = v0::Shown {
            verbose,
            hashes: verbose && options.hash,
            generics: options.templates,
        };
        v0::demangle(path, shown, limit, &mut out, marks.as_mut())?;
    } else {
        // The hash is the only verbose part of a legacy name.
        let hash = verbose && options.hash;
        legacy::demangle(&symbol[3..symbol.len() - 1], hash, &mut out, marks.as_mut())?;
    }
    let text = out.into_string()?;
    let structure = marks.map(|marks| Box::new((Kind::Unknown, marks.parts(&text))));
    Ok(O::new(text, Language::Rust, structure))
}

/// Where the parts of a Rust path printed.
#[derive(Default)]
pub(super) struct Marks {
    /// The base name: the last segment of the path (or of the path under a
    /// generic function's arguments).
    pub base: Option<(usize, usize)>,
    /// The generic arguments of the function, each.
    pub args: Vec<(usize, usize)>,
    /// The end of the whole name (before a legacy hash).
    pub end: usize,
}

impl Marks {
    fn parts(&self, text: &str) -> Parts {
        let Some((base_start, base_end)) = self.base else {
            return Parts::default();
        };
        let scope = (base_start >= 2 && text.get(base_start - 2..base_start) == Some("::"))
            .then(|| (0, base_start - 2));
        Parts {
            name: Some((0, self.end.max(base_end))),
            scope,
            base_name: Some((base_start, base_end)),
            template_args: self.args.clone(),
            ..Parts::default()
        }
    }
}

/// Demangle the Rust symbol that is the first `len` bytes of a token (see
/// [`symbol_len`]).
#[cfg(test)]
pub(crate) fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
    demangle_rust(symbol, options)
}

/// The text being printed, capped in size; nothing is added while
/// `skipping` (libiberty parses some paths without printing them). Bytes,
/// checked to be UTF-8 once at the end: all but decoded Punycode are the
/// ASCII of the mangled name.
struct Output {
    text: Vec<u8>,
    limit: usize,
    skipping: bool,
}

impl Output {
    fn new(limit: usize, capacity: usize) -> Self {
        Output {
            text: Vec::with_capacity(capacity.min(limit)),
            limit,
            skipping: false,
        }
    }

    fn push(&mut self, s: &str) -> Result<(), Error> {
        self.push_ascii(s.as_bytes())
    }

    /// Bytes of the mangled name (ASCII, by the gate), printed as they are.
    fn push_ascii(&mut self, s: &[u8]) -> Result<(), Error> {
        if self.skipping {
            return Ok(());
        }
        if self.text.len() + s.len() > self.limit {
            return Err(Error::OutputTooLong { limit: self.limit });
        }
        self.text.extend_from_slice(s);
        Ok(())
    }

    /// How much is printed.
    fn len(&self) -> usize {
        self.text.len()
    }

    fn into_string(self) -> Result<String, Error> {
        String::from_utf8(self.text).map_err(|_| Error::Malformed)
    }

    fn push_char(&mut self, c: char) -> Result<(), Error> {
        self.push(c.encode_utf8(&mut [0; 4]))
    }

    fn push_decimal(&mut self, n: u64) -> Result<(), Error> {
        self.push_number::<10>(n)
    }

    /// In lower-case hex, without `0x`.
    fn push_hex(&mut self, n: u64) -> Result<(), Error> {
        self.push_number::<16>(n)
    }

    /// `n` in base `RADIX` (a constant: the division is a shift or a
    /// multiplication).
    fn push_number<const RADIX: u64>(&mut self, mut n: u64) -> Result<(), Error> {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b"0123456789abcdef"[(n % RADIX) as usize];
            n /= RADIX;
            if n == 0 {
                break;
            }
        }
        self.push_ascii(&digits[at..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Result<String, Error> {
        let len = symbol_len(s.as_bytes()).expect("not a Rust symbol");
        demangle(&s.as_bytes()[..len], &Options::default())
    }

    fn terse(s: &str) -> Result<String, Error> {
        let len = symbol_len(s.as_bytes()).expect("not a Rust symbol");
        let options = Options {
            verbose: false,
            ..Options::default()
        };
        demangle(&s.as_bytes()[..len], &options)
    }

    #[test]
    fn gate_follows_libiberty() {
        let legacy = b"_ZN4core3fmt5write17h0123456789abcdefE";
        assert_eq!(symbol_len(legacy), Some(legacy.len()));
        assert_eq!(
            symbol_len(b"_ZN4core3fmt5write17h0123456789abcdefE.llvm.123"),
            Some(legacy.len())
        );
        // A C++ name without the hash is C++.
        assert_eq!(symbol_len(b"_ZN3foo3barE"), None);
        // Too few distinct hex digits to be a hash.
        assert_eq!(symbol_len(b"_ZN3foo17h0000000000000000E"), None);
        assert_eq!(symbol_len(b"_RNvCs1234_7mycrate3foo.cold"), Some(23));
        assert_eq!(symbol_len(b"_Rfoo"), None);
    }

    #[test]
    fn legacy_names_print_their_hash_unless_terse() {
        let symbol = "_ZN4core3fmt5write17h0123456789abcdefE";
        assert_eq!(run(symbol).unwrap(), "core::fmt::write::h0123456789abcdef");
        assert_eq!(terse(symbol).unwrap(), "core::fmt::write");
        assert_eq!(
            run("_ZN4core3fmt5write17h0123456789abcdefE.llvm.4711").unwrap(),
            "core::fmt::write::h0123456789abcdef"
        );
        // Escapes, `..` for `::`, the `_` before an escape dropped.
        assert_eq!(
            terse("_ZN70_$LT$alloc..vec..Vec$LT$T$C$A$GT$$u20$as$u20$core..ops..drop..Drop$GT$4drop17h0123456789abcdefE").unwrap(),
            "<alloc::vec::Vec<T,A> as core::ops::drop::Drop>::drop"
        );
        // An escape libiberty does not know ends the unescaping.
        assert_eq!(
            terse("_ZN3foo6a$QQ$b17h0123456789abcdefE").unwrap(),
            "foo::a$QQ$b"
        );
        // A hash alone is not a Rust name (c++filt reads it as C++).
        assert_eq!(symbol_len(b"_ZN17h0123456789abcdefE"), None);
        // The segments must end on the hash.
        assert_eq!(run("_ZN2ab117h0123456789abcdefE"), Err(Error::Malformed));
    }

    #[test]
    fn a_legacy_looking_name_that_is_not_rust_is_tried_as_cpp() {
        // Not a Rust name (`M` is no length), but a C++ one to c++filt.
        let symbol = b"_ZN5allocM7raw_vec19RawVec$LT$T$C$A$GT$8grow_one17h4498913923e0adfbE";
        assert!(symbol_len(symbol).is_some());
        assert_eq!(
            crate::demangle(symbol, &Options::default()).unwrap(),
            "alloc::raw_vec::RawVec$LT$T$C$A$GT$::grow_one::h4498913923e0adfb"
        );
    }

    #[test]
    fn v0_names_print_as_libiberty_does() {
        assert_eq!(
            run("_RNvCs1234_7mycrate3foo").unwrap(),
            "mycrate[3c1c0]::foo"
        );
        assert_eq!(terse("_RNvCs1234_7mycrate3foo").unwrap(), "mycrate::foo");
        assert_eq!(terse("_RNvCs1_1a3foo.llvm.123").unwrap(), "a::foo");
        // A crate root without a disambiguator shows 0.
        let f16 = "_RNvXs0_NtNtCs8NwYtU1Mohg_4core3num11float_parseC3f16NtNtNtB9_3str6traits7FromStr8from_str";
        assert_eq!(
            run(f16).unwrap(),
            "<f16[0] as core[667c7a611d73a360]::str::traits::FromStr>::from_str"
        );
        assert_eq!(
            terse(f16).unwrap(),
            "<f16 as core::str::traits::FromStr>::from_str"
        );
        // Consts carry their type unless terse.
        let symbol = "_RINvMNtCs2fqUAidLEe7_15rustc_serialize6opaqueNtB3_11FileEncoder19panic_invalid_writeKj10_ECs5FxD4tM6viY_14rustc_metadata";
        assert_eq!(
            run(symbol).unwrap(),
            "<rustc_serialize[1a31db9350233725]::opaque::FileEncoder>::panic_invalid_write::<16: usize>"
        );
        assert_eq!(
            terse(symbol).unwrap(),
            "<rustc_serialize::opaque::FileEncoder>::panic_invalid_write::<16>"
        );
        assert_eq!(terse("_RMs_Cs1_1aNtB2_3Foo").unwrap(), "<a::Foo>");
    }

    #[test]
    fn an_identifier_length_wraps_as_in_libiberty() {
        // libiberty's parse_ident adds up the digits in a size_t with no
        // check (c++filt 2.47 for each): 4444 and 64 zeros is 0 bytes, and
        // 2^64 + 3 is 3.
        let zeros = "0".repeat(64);
        assert_eq!(
            run(&format!("_RNvMC0Ob4444{zeros}")).unwrap(),
            "<*mut bool>"
        );
        assert_eq!(
            run("_RNvC3foo18446744073709551619bar").unwrap(),
            "foo[0]::bar"
        );
        assert_eq!(
            run("_ZN3foo18446744073709551619bar17h0123456789abcdefE").unwrap(),
            "foo::bar::h0123456789abcdef"
        );
    }

    #[test]
    fn v0_consts_over_64_bits_are_printed_whole() {
        // c++filt 2.40 prints `0x23456789abcdef0123456789abcdef_`.
        assert_eq!(
            run("_RINvCs1_1f1gKo123456789abcdef0123456789abcdef_E").unwrap(),
            "f[3]::g::<0x123456789abcdef0123456789abcdef: u128>"
        );
    }

    #[test]
    fn v0_chars_print_as_libiberty_does() {
        assert_eq!(
            run("_RINvCs1_1a1fKc7e_Kc20_Kc27_Kca_Kc5c_Kc263a_EB2_").unwrap(),
            r"a[3]::f::<'\u{7e}': char, '\u{20}': char, ''': char, '\n': char, '\': char, '\u{263a}': char>"
        );
    }

    #[test]
    fn v0_types_lifetimes_and_abis() {
        assert_eq!(
            terse("_RNCNvCs1_1a4main0B3_").unwrap(),
            "a::main::{closure#0}"
        );
        assert_eq!(
            terse("_RINvCs1_1a1fFG_RL0_hEuEB2_").unwrap(),
            "a::f::<for<'a> fn(&'a u8)>"
        );
        assert_eq!(
            terse("_RINvCs1_1a1fDG_INtCs1_1b3FooRL0_hEEL_EB2_").unwrap(),
            "a::f::<dyn for<'a> b::Foo<&'a u8>>"
        );
        assert_eq!(terse("_RINvCs1_1a1fThEEB2_").unwrap(), "a::f::<(u8,)>");
        assert_eq!(
            terse("_RINvCs1_1a1fFKCEzEB2_").unwrap(),
            "a::f::<extern \"C\" fn() -> !>"
        );
        // `_` back to `-`, except right after one turned.
        assert_eq!(
            terse("_RINvCs1_1a1fFK8a__b_c_dEuEB2_").unwrap(),
            "a::f::<extern \"a-_b-c-d\" fn()>"
        );
    }

    #[test]
    fn v0_backreferences_cannot_blow_up_the_output() {
        // Each generic argument is a pair of the one before: 2^40 `u8`s.
        let base62 = |mut n: usize| {
            let digits = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
            let mut out = Vec::new();
            loop {
                out.insert(0, digits[n % 62]);
                n /= 62;
                if n == 0 {
                    break String::from_utf8(out).unwrap();
                }
            }
        };
        let backref = |pos: usize| match pos {
            0 => "B_".to_string(),
            _ => format!("B{}_", base62(pos - 1)),
        };
        let mut symbol = String::from("_RINvCs_1a1f");
        let mut previous = symbol.len() - 2;
        symbol.push('h');
        for _ in 0..40 {
            let here = symbol.len() - 2;
            symbol += &format!("T{}{}E", backref(previous), backref(previous));
            previous = here;
        }
        symbol.push('E');
        assert!(matches!(run(&symbol), Err(Error::OutputTooLong { .. })));
        // A few levels are fine.
        let small = "_RINvCs_1a1fhTB9_B9_EE";
        assert_eq!(terse(small).unwrap(), "a::f::<u8, (u8, u8)>");
    }

    #[test]
    fn v0_rejects_what_libiberty_rejects() {
        for bad in [
            "_RNvCs1_1a1bX",
            "_RNvCs1_1a1b1",
            "_RB_",
            "_RNvCs1_1a",
            "_RINvCs1_1a1fKb2_EB2_",
            "_RYNtCs1_1a3FooNtB4_3Bar",
            "_RINvCs1_1a1fRL_hEEB2_",
        ] {
            // Through the guard, which gives the recursion limit its stack
            // (`_RB_` refers back to itself).
            let rust = Options {
                format: crate::options::Format::Rust,
                ..Options::default()
            };
            assert!(crate::demangle(bad.as_bytes(), &rust).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_name_with_no_scope_has_none() {
        // The scope's end was computed (and overflowed) before it was known
        // there was a scope.
        let options = Options {
            verbose: false,
            ..Options::default()
        };
        let crate_root = crate::parse(b"_RC7mycrate", &options).unwrap();
        assert_eq!(crate_root.text, "mycrate");
        assert_eq!(crate_root.parts.base_name, Some((0, 7)));
        assert_eq!(crate_root.parts.scope, None);
    }
}
