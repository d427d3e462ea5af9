//! Symbol -> scheme: which demangler reads a name, by the format option,
//! the name's prefix, its symbol version suffix and its leading `.` or `$`,
//! as c++filt decides (and `?` for Microsoft names); every scheme runs under
//! the one guard ([`crate::guard`]).
//!
//! Every second attempt at a name is made here, each with its reason:
//! - a C++ name is first offered to the one-pass reader of its common
//!   shapes, which leaves the rest to the tree ([`read_token`]);
//! - an attempt within the thread's own stack first, and the full recursion
//!   limit only for a name too deep for it ([`guarded`]);
//! - a macOS spelling (`__Z`, `__R`) again without its extra underscore
//!   ([`read`]);
//! - a name that looks Rust but is not read as Rust, as C++
//!   ([`read_scheme`]).
//!
//! One retry stays with its scheme, as part of the reference it follows:
//! libiberty reads a C++ name again with the older reading of unresolved
//! names where the newer one failed (`d_demangle_callback`'s `goto again`,
//! `gnu::read_tree`).
//!
//! One path serves [`crate::demangle`] and [`crate::parse`], generic over
//! what it gives (an [`Outcome`]): the text alone, or a
//! [`crate::outcome::Read`] with the language and the name's parts; so
//! demangling alone pays nothing for them.

use crate::error::Error;
use crate::options::{Format, Options, Style};
use crate::outcome::{Outcome, Sink};
use crate::symbol::Language;
use crate::{dlang, gnat, gnu, guard, msvc, rust, stack, swift};

/// The symbol as [`crate::parse`] reads it, and [`read_text`] where the
/// one-pass reader did not take it: a macOS spelling (`__Z`) tried again
/// without its extra underscore.
pub(crate) fn read<O: Outcome>(symbol: &[u8], options: &Options) -> Result<O, Error> {
    read_with_macos_retry(symbol, options).map_err(|e| in_format(e, options))
}

/// One command-line argument as c++filt reads it: the whole of it is one
/// name (see [`read_token`]).
pub(crate) fn read_argument(argument: &[u8], options: &Options) -> Result<String, Error> {
    if argument.is_empty() {
        return Err(Error::Empty);
    }
    read_token(argument, options).map_err(|e| in_format(e, options))
}

/// A name that is not mangled, said in the words of the one scheme the
/// format names.
fn in_format(error: Error, options: &Options) -> Error {
    match (error, options.format) {
        (Error::NotMangled, Format::Auto | Format::GnuV3 | Format::None) => error,
        (Error::NotMangled, format) => Error::NotMangledIn(format),
        _ => error,
    }
}

/// [`read`] before its error is said in the format's words.
fn read_with_macos_retry<O: Outcome>(symbol: &[u8], options: &Options) -> Result<O, Error> {
    match read_versioned(symbol, options) {
        Err(Error::NotMangled) if is_macos_spelling(symbol, options) => {
            let strip = Options {
                strip_underscore: true,
                ..*options
            };
            read_versioned(symbol, &strip).map_err(|_| Error::NotMangled)
        }
        result => result,
    }
}

/// A symbol as its caller has it: bytes, or text already known to be
/// UTF-8 (a Rust `&str`, a Python `str`), which the one-pass reader then
/// takes as it is instead of checking it again. The bulk functions take
/// these ([`crate::demangle_in_order`]).
#[derive(Clone, Copy, Debug)]
pub enum Given<'a> {
    Bytes(&'a [u8]),
    Text(&'a str),
}

impl<'a> Given<'a> {
    /// The symbol's bytes.
    pub fn bytes(self) -> &'a [u8] {
        match self {
            Given::Bytes(bytes) => bytes,
            Given::Text(text) => text.as_bytes(),
        }
    }

    /// The text of the bytes `range` (cut at ASCII bytes), if UTF-8.
    fn text(self, range: std::ops::Range<usize>) -> Option<&'a str> {
        match self {
            Given::Bytes(bytes) => std::str::from_utf8(&bytes[range]).ok(),
            Given::Text(text) => text.get(range),
        }
    }
}

/// [`crate::demangle`]'s text: [`read`]'s, the one-pass reader offered a
/// C++ name first ([`offer_one_pass`]).
pub(crate) fn read_text(symbol: Given, options: &Options) -> Result<String, Error> {
    let mut text = String::new();
    match offer_one_pass(symbol, options, &mut text) {
        Offer::Taken => Ok(text),
        offer => read_untaken(offer, symbol.bytes(), options),
    }
}

/// [`read_text`], appended to `out` (a column's bytes, a piece of
/// `demangle_many`). Nothing is appended where the symbol does not
/// demangle.
pub(crate) fn read_into(
    symbol: Given,
    options: &Options,
    out: &mut impl Sink,
) -> Result<(), Error> {
    let text = match offer_one_pass(symbol, options, out) {
        Offer::Taken => return Ok(()),
        offer => read_untaken(offer, symbol.bytes(), options)?,
    };
    out.put(&text);
    Ok(())
}

/// The text of a name the one-pass reader did not take, by [`read`]: one
/// it refused is not offered to it again.
fn read_untaken(offer: Offer, symbol: &[u8], options: &Options) -> Result<String, Error> {
    match offer {
        Offer::Refused => read::<OfferedOnce>(symbol, options).map(|read| read.0),
        _ => read(symbol, options),
    }
}

/// What the one-pass reader made of a symbol ([`offer_one_pass`]).
enum Offer {
    /// Its text and version suffix are written.
    Taken,
    /// Offered, and refused: the tree reads it, the reader is not offered it
    /// again.
    Refused,
    /// Not a name the one-pass reader is offered.
    NotOffered,
}

/// A C++ name offered to the one-pass reader before the dispatcher's
/// layers, as [`read`] would offer it: `_Z` with no extra underscore, in
/// c++filt's style, in a format that reads it as C++ (not a Rust symbol,
/// nor one that may be: [`read`] tells those);
/// its text written directly to `out`, its version suffix after it as
/// [`read_versioned`] keeps it. Any other name is left to [`read`].
fn offer_one_pass(given: Given, options: &Options, out: &mut impl Sink) -> Offer {
    let symbol = given.bytes();
    if !symbol.starts_with(b"_Z") || options.strip_underscore || options.style != Style::CxxFilt {
        return Offer::NotOffered;
    }
    // One scan finds the version suffix, a NUL and whether the name has a
    // `.` (where a Rust name's hash may end), so that the Rust test scans
    // nothing more. A name that may be Rust's, with its suffix or without,
    // is left to `read`, which decides once.
    let Versioned {
        name,
        suffix,
        nul,
        dot,
    } = version_split(symbol);
    let cxx = |name: &[u8], dot| reads_cxx(options, || rust::may_be_legacy(name, dot).then_some(0));
    if !cxx(symbol, suffix.is_empty().then_some(dot)) {
        return Offer::NotOffered;
    }
    if nul {
        // GNU reads a C string: the tree says how the name ends.
        return Offer::Refused;
    }
    let suffix = match suffix {
        b"" => "",
        _ if !cxx(name, Some(dot)) => return Offer::NotOffered,
        _ => match given.text(name.len()..symbol.len()) {
            Some(suffix) => suffix,
            None => return Offer::NotOffered,
        },
    };
    // A name that is no UTF-8 is the tree's, which refuses it.
    let Some(name) = given.text(0..name.len()) else {
        return Offer::Refused;
    };
    if gnu::read_one_pass_into(name, options, out) {
        out.put(suffix);
        return Offer::Taken;
    }
    Offer::Refused
}

/// The text of a name the one-pass reader was offered already (by
/// [`offer_one_pass`]), so that it is not offered again.
struct OfferedOnce(String);

impl Outcome for OfferedOnce {
    const STRUCTURED: bool = false;
    const ONE_PASS: bool = false;

    fn new(text: String, _: Language, _: crate::outcome::Structure) -> Self {
        OfferedOnce(text)
    }

    fn text_mut(&mut self) -> &mut String {
        &mut self.0
    }

    fn prepend(&mut self, prefix: &str) {
        self.0.insert_str(0, prefix);
    }

    fn with_language(self, _: Language) -> Self {
        self
    }
}

/// A symbol cut as c++filt cuts it (see [`version_split`]).
struct Versioned<'a> {
    name: &'a [u8],
    /// The version suffix (`@@GLIBCXX_3.4`, `@plt`), or nothing.
    suffix: &'a [u8],
    /// Whether the name holds a NUL, found by the same scan (the one-pass
    /// reader is offered no such name), and a `.`.
    nul: bool,
    dot: bool,
}

impl<'a> Versioned<'a> {
    /// `symbol` cut at `at`.
    fn cut(symbol: &'a [u8], at: usize, nul: bool, dot: bool) -> Self {
        let (name, suffix) = symbol.split_at(at);
        Versioned {
            name,
            suffix,
            nul,
            dot,
        }
    }
}

/// A symbol and its version suffix, as c++filt cuts it: at the first `@`
/// after the first byte. Inlined by force: left to the compiler, it was not
/// inlined once the scan after a `.` became a function of its own
/// ([`version_split_after_dot`]), which cost the one-pass lane about 1% of
/// its instructions.
#[inline(always)]
fn version_split(symbol: &[u8]) -> Versioned<'_> {
    let mut nul = false;
    for at in memchr::memchr3_iter(b'@', 0, b'.', symbol) {
        match symbol[at] {
            0 => nul = true,
            b'.' => return version_split_after_dot(symbol, at + 1, nul),
            _ if at > 0 => return Versioned::cut(symbol, at, nul, false),
            _ => {}
        }
    }
    Versioned::cut(symbol, symbol.len(), nul, false)
}

/// [`version_split`] from just after the first `.`, where the scan looks
/// for `@` and NUL only: Rust's legacy names hold many (`..` for `::`).
#[inline(never)]
fn version_split_after_dot(symbol: &[u8], from: usize, mut nul: bool) -> Versioned<'_> {
    for at in memchr::memchr2_iter(b'@', 0, &symbol[from..]) {
        if symbol[from + at] != 0 {
            return Versioned::cut(symbol, from + at, nul, true);
        }
        nul = true;
    }
    Versioned::cut(symbol, symbol.len(), nul, true)
}

/// Whether `symbol` may be a C++, Rust or Swift 4 name with the extra
/// leading underscore of Mach-O (`__Z`, `___Z` for blocks aside, `__R`,
/// `__T0`).
fn is_macos_spelling(symbol: &[u8], options: &Options) -> bool {
    !options.strip_underscore
        && options.style == Style::CxxFilt
        && (symbol.starts_with(b"__Z") || symbol.starts_with(b"__R") || symbol.starts_with(b"__T0"))
}

/// By c++filt's rule alone: the name, then any version suffix.
fn read_versioned<O: Outcome>(symbol: &[u8], options: &Options) -> Result<O, Error> {
    if symbol.is_empty() {
        return Err(Error::Empty);
    }
    if options.style == Style::LibStdCxx || msvc_claims(symbol, options) {
        // `__cxa_demangle` takes no symbol version suffix; a Microsoft name
        // has `@` throughout.
        return read_token(symbol, options);
    }
    let Versioned { name, suffix, .. } = version_split(symbol);
    let mut read: O = read_token(name, options)?;
    if !suffix.is_empty() {
        read.text_mut()
            .push_str(std::str::from_utf8(suffix).map_err(|_| Error::Malformed)?);
    }
    Ok(read)
}

/// One run of symbol characters as c++filt's `demangle_it` reads one
/// argument: a leading `.` is kept and a leading `$` dropped before the
/// name, then libiberty's `cplus_demangle` tries the schemes of the format
/// in its order (Rust, then C++, then D); all under the one guard. (In the
/// libstdc++ style, C++ alone, as `__cxa_demangle` does.)
pub(crate) fn read_token<O: Outcome>(token: &[u8], options: &Options) -> Result<O, Error> {
    if options.style == Style::LibStdCxx {
        if let Some(read) = one_pass(token, options, None) {
            return Ok(read);
        }
        return guarded(options, |options| gnu::demangle_itanium(token, options));
    }
    if msvc_claims(token, options) {
        return guarded(options, |options| msvc::demangle_microsoft(token, options));
    }
    // Before c++filt's leading `$` is dropped: it starts a Swift prefix. In
    // `auto`, a name Swift refuses is read as c++filt reads it (`$e` is a
    // type to `c++filt -t`), and keeps Swift's error if that fails too.
    // With `-_`, a Swift name without its extra underscore (`__T0` on
    // Mach-O, as swift-demangle takes it).
    let swift_token = match token.strip_prefix(b"_") {
        Some(rest) if options.strip_underscore && swift::is_swift_name(rest) => rest,
        _ => token,
    };
    if swift_claims(swift_token, options) {
        let swift = guarded(options, |options| {
            swift::demangle_swift(swift_token, options)
        });
        return match swift {
            Err(error) if options.format == Format::Auto => {
                read_token_as_cxxfilt(token, options).map_err(|_| error)
            }
            swift => swift,
        };
    }
    read_token_as_cxxfilt(token, options)
}

/// [`read_token`] of a name no other rule took, by c++filt's rule.
fn read_token_as_cxxfilt<O: Outcome>(token: &[u8], options: &Options) -> Result<O, Error> {
    let (lead, mut name) = match token.first() {
        Some(b'.' | b'$') => (token[0], &token[1..]),
        _ => (0, token),
    };
    if options.strip_underscore {
        name = name.strip_prefix(b"_").unwrap_or(name);
    }
    // A Rust legacy name is a `_ZN` name too: whether the name is Rust's is
    // decided once, here.
    let rust = match options.format {
        Format::Auto | Format::Rust => rust::symbol_len(name),
        _ => None,
    };
    let mut read: O = match one_pass(name, options, rust) {
        Some(read) => read,
        None => guarded(options, |options| read_scheme(name, options, rust))?,
    };
    if lead == b'.' {
        read.prepend(".");
    }
    Ok(read)
}

/// A C++ name (not a Rust one: `rust` is its length as a Rust symbol) in
/// the formats that read C++, offered first to the one-pass reader of its
/// common shapes, for the text alone: `None` leaves it to the tree.
fn one_pass<O: Outcome>(name: &[u8], options: &Options, rust: Option<usize>) -> Option<O> {
    if !O::ONE_PASS || !reads_cxx(options, || rust) {
        return None;
    }
    gnu::read_one_pass(name, options).map(|text| O::new(text, Language::Cxx, None))
}

/// Whether the format reads a `_Z` name as C++ first: `gnu-v3`, and `auto`
/// where the name is not a Rust symbol (`rust` gives its length as one).
fn reads_cxx(options: &Options, rust: impl FnOnce() -> Option<usize>) -> bool {
    match options.format {
        Format::Auto => rust().is_none(),
        Format::GnuV3 => true,
        _ => false,
    }
}

/// `demangle` under the guard: most names need little recursion, so the
/// first attempt runs with a limit the thread's own stack covers; only a
/// name too deep for it is read again with the full limit, on a stack
/// segment of its own if need be.
pub(crate) fn guarded<T>(
    options: &Options,
    demangle: impl Fn(&Options) -> Result<T, Error>,
) -> Result<T, Error> {
    let limit = options.recursion();
    let first = limit.min(stack::FIRST_ATTEMPT_RECURSION);
    match guard::attempt(options, first, &demangle) {
        Err(Error::TooDeep) if limit > first => guard::attempt(options, limit, &demangle),
        result => result,
    }
}

/// The Microsoft name at the start of `text` (running text, in the formats
/// that read Microsoft names) and how many bytes of `text` it is.
pub(crate) fn read_microsoft_prefix(
    text: &[u8],
    options: &Options,
) -> Result<(String, usize), Error> {
    if !msvc_claims(text, options) {
        return Err(Error::NotMangled);
    }
    guarded(options, |options| msvc::demangle_prefix(text, options))
}

/// Whether the Microsoft demangler takes `symbol`: every name in the
/// `msvc` format, a name that starts with `?` in `auto` (no other scheme's
/// does), none in the other formats and in the libstdc++ style.
pub(crate) fn msvc_claims(symbol: &[u8], options: &Options) -> bool {
    options.style == Style::CxxFilt
        && match options.format {
            Format::Msvc => true,
            Format::Auto => msvc::is_msvc_name(symbol),
            _ => false,
        }
}

/// Whether the Swift demangler takes `symbol`: every name in the `swift`
/// format, a name with a Swift mangling prefix in `auto` (no other
/// scheme's names start with one; what Swift refuses is read as c++filt
/// reads it, see [`read_token`]), none in the other formats and in the
/// libstdc++ style.
pub(crate) fn swift_claims(symbol: &[u8], options: &Options) -> bool {
    options.style == Style::CxxFilt
        && match options.format {
            Format::Swift => true,
            Format::Auto => swift::is_swift_name(symbol),
            _ => false,
        }
}

/// The name read by the schemes of the format, in libiberty's
/// `cplus_demangle` order.
fn read_scheme<O: Outcome>(
    name: &[u8],
    options: &Options,
    rust: Option<usize>,
) -> Result<O, Error> {
    Ok(match options.format {
        // libiberty's `cplus_demangle` returns a copy of the name.
        Format::None => O::new(
            std::str::from_utf8(name)
                .map_err(|_| Error::Malformed)?
                .to_owned(),
            Language::Cxx,
            None,
        ),
        Format::Rust => match rust {
            Some(len) => rust::demangle_rust(&name[..len], options)?,
            None => return Err(Error::NotMangled),
        },
        Format::GnuV3 => gnu::demangle_itanium(name, options)?,
        Format::Java => gnu::demangle_itanium::<O>(name, options)?.with_language(Language::Java),
        Format::Gnat => O::new(
            String::from_utf8(gnat::demangle(name)).map_err(|_| Error::Malformed)?,
            Language::Ada,
            None,
        ),
        Format::Dlang => O::new(dlang::demangle(name, options)?, Language::D, None),
        // Taken by `read_token` before a leading `.` is set aside.
        Format::Msvc => msvc::demangle_microsoft(name, options)?,
        Format::Swift => swift::demangle_swift(name, options)?,
        // A name that looks Rust but does not parse as Rust is tried as
        // C++, as libiberty does (`_ZN...17h...E` is also a C++ mangling).
        Format::Auto => match rust {
            Some(len) => rust::demangle_rust(&name[..len], options)
                .or_else(|error| gnu::demangle_itanium(name, options).map_err(|_| error))?,
            // libiberty's cplus_demangle tries D after C++ (GNU 2.44); no
            // C++ name starts with `_D`, so such a name goes to D at once.
            None if name.starts_with(b"_D") => {
                O::new(dlang::demangle(name, options)?, Language::D, None)
            }
            None => gnu::demangle_itanium(name, options)?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_deep_at_first_is_tried_again_with_the_full_limit() {
        let seen = std::cell::RefCell::new(Vec::new());
        let result = guarded(&Options::default(), |o| {
            seen.borrow_mut().push(o.recursion_limit);
            if o.recursion_limit < Options::DEFAULT_RECURSION_LIMIT {
                Err(Error::TooDeep)
            } else {
                Ok(String::from("deep"))
            }
        });
        assert_eq!(result.as_deref(), Ok("deep"));
        assert_eq!(
            *seen.borrow(),
            [
                stack::FIRST_ATTEMPT_RECURSION,
                Options::DEFAULT_RECURSION_LIMIT
            ]
        );
    }

    #[test]
    fn the_version_suffix_is_cut_at_the_first_at_sign_and_a_nul_is_seen() {
        let cut = |s: &'static [u8]| {
            let v = version_split(s);
            (v.name, v.suffix, v.nul)
        };
        assert_eq!(
            cut(b"_Z1fv@@V_1@x"),
            (&b"_Z1fv"[..], &b"@@V_1@x"[..], false)
        );
        assert_eq!(cut(b"@_Z1fv"), (&b"@_Z1fv"[..], &b""[..], false));
        assert_eq!(cut(b"_Z2f\0v@V"), (&b"_Z2f\0v"[..], &b"@V"[..], true));
        assert_eq!(cut(b"_Z1fv@V\0"), (&b"_Z1fv"[..], &b"@V\0"[..], false));
    }

    #[test]
    fn a_nul_in_the_name_is_refused_on_every_lane() {
        let options = Options::default();
        for symbol in [&b"_Z2f\0v"[..], b"_Z1fv\0i", b"_Z2f\0v@@V_1"] {
            assert_eq!(
                read_text(Given::Bytes(symbol), &options),
                Err(Error::Malformed)
            );
            let mut column = Vec::new();
            assert_eq!(
                read_into(Given::Bytes(symbol), &options, &mut column),
                Err(Error::Malformed)
            );
            assert!(column.is_empty());
            assert_eq!(gnu::read_one_pass(symbol, &options), None);
        }
        // After the name, the suffix is text.
        assert_eq!(
            read_text(Given::Bytes(b"_Z1fv@V\0"), &options).as_deref(),
            Ok("f()@V\0")
        );
    }

    #[test]
    fn a_panic_in_a_scheme_is_an_internal_error() {
        let result: Result<String, _> = guarded(&Options::default(), |_| panic!("a bug"));
        assert_eq!(result, Err(Error::Internal));
    }
}
