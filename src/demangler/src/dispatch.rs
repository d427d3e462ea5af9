//! Symbol -> scheme: which demangler reads a name, by the format option,
//! the name's prefix, its symbol version suffix and its leading `.` or `$`,
//! as c++filt decides (and `?` for Microsoft names); every scheme runs under
//! the one guard ([`crate::guard`]).
//!
//! One path serves [`crate::demangle`] and [`crate::parse`]: a [`Read`]
//! carries the text, and the name's parts only where they were asked for
//! (`structured`), so demangling alone pays nothing for them.

use crate::symbol::{Kind, Language, Parts};
use crate::{dlang, gnat, guard, itanium, msvc, rust};
use crate::{Error, Format, Options, Style};

/// What a name is and where its parts are, where they were asked for
/// (boxed: demangling alone moves one pointer for it).
pub(crate) type Structure = Option<Box<(Kind, Parts)>>;

/// What a scheme read: the text, its language and, if asked for, what the
/// name is and where its parts are.
pub(crate) struct Read {
    pub text: String,
    pub language: Language,
    pub structure: Structure,
}

impl Read {
    fn text(text: String, language: Language) -> Self {
        Read {
            text,
            language,
            structure: None,
        }
    }

    /// Put `prefix` before the text, the parts moving with it.
    fn prepend(&mut self, prefix: &str) {
        self.text.insert_str(0, prefix);
        if let Some(structure) = self.structure.as_deref_mut() {
            structure.1.shift(prefix.len());
        }
    }
}

/// The symbol as [`crate::demangle`] reads it: a macOS spelling (`__Z`)
/// tried again without its extra underscore.
pub(crate) fn read(symbol: &[u8], options: &Options, structured: bool) -> Result<Read, Error> {
    match read_versioned(symbol, options, structured) {
        Err(Error::NotMangled) if is_macos_spelling(symbol, options) => {
            let strip = Options {
                strip_underscore: true,
                ..*options
            };
            read_versioned(symbol, &strip, structured).map_err(|_| Error::NotMangled)
        }
        result => result,
    }
}

/// Whether `symbol` may be a C++ or Rust name with the extra leading
/// underscore of Mach-O (`__Z`, `___Z` for blocks aside, `__R`).
fn is_macos_spelling(symbol: &[u8], options: &Options) -> bool {
    !options.strip_underscore
        && options.style == Style::CxxFilt
        && (symbol.starts_with(b"__Z") || symbol.starts_with(b"__R"))
}

/// By c++filt's rule alone: the name, then any version suffix.
fn read_versioned(symbol: &[u8], options: &Options, structured: bool) -> Result<Read, Error> {
    if symbol.is_empty() {
        return Err(Error::Empty);
    }
    if options.style == Style::LibStdCxx || msvc_claims(symbol, options) {
        // `__cxa_demangle` takes no symbol version suffix; a Microsoft name
        // has `@` throughout.
        return read_token(symbol, options, structured);
    }
    let (name, suffix) = match memchr::memchr(b'@', symbol) {
        Some(at) if at > 0 => symbol.split_at(at),
        _ => (symbol, &b""[..]),
    };
    let mut read = read_token(name, options, structured)?;
    if !suffix.is_empty() {
        read.text
            .push_str(std::str::from_utf8(suffix).map_err(|_| Error::Malformed)?);
    }
    Ok(read)
}

/// One run of symbol characters as c++filt's `demangle_it` reads one
/// argument: a leading `.` is kept and a leading `$` dropped before the
/// name, then libiberty's `cplus_demangle` tries the schemes of the format
/// in its order (Rust, then C++, then D); all under the one guard. (In the
/// libstdc++ style, C++ alone, as `__cxa_demangle` does.)
pub(crate) fn read_token(token: &[u8], options: &Options, structured: bool) -> Result<Read, Error> {
    if options.style == Style::LibStdCxx {
        return guard::guarded(options, |options| itanium::read(token, options, structured));
    }
    if msvc_claims(token, options) {
        return guard::guarded(options, |options| msvc::read(token, options, structured));
    }
    let (lead, mut name) = match token.first() {
        Some(b'.' | b'$') => (token[0], &token[1..]),
        _ => (0, token),
    };
    if options.strip_underscore {
        name = name.strip_prefix(b"_").unwrap_or(name);
    }
    let mut read = guard::guarded(options, |options| read_scheme(name, options, structured))?;
    if lead == b'.' {
        read.prepend(".");
    }
    Ok(read)
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

/// The name read by the schemes of the format, in libiberty's
/// `cplus_demangle` order.
fn read_scheme(name: &[u8], options: &Options, structured: bool) -> Result<Read, Error> {
    Ok(match options.format {
        // libiberty's `cplus_demangle` returns a copy of the name.
        Format::None => Read::text(
            std::str::from_utf8(name)
                .map_err(|_| Error::Malformed)?
                .to_owned(),
            Language::Cxx,
        ),
        Format::Rust => match rust::symbol_len(name) {
            Some(len) => rust::read(&name[..len], options, structured)?,
            None => return Err(Error::NotMangled),
        },
        Format::GnuV3 => itanium::read(name, options, structured)?,
        Format::Java => Read {
            language: Language::Java,
            ..itanium::read(name, options, structured)?
        },
        Format::Gnat => Read::text(
            String::from_utf8(gnat::demangle(name)).map_err(|_| Error::Malformed)?,
            Language::Ada,
        ),
        Format::Dlang => Read::text(dlang::demangle(name, options)?, Language::D),
        // Taken by `read_token` before a leading `.` is set aside.
        Format::Msvc => msvc::read(name, options, structured)?,
        // A name that looks Rust but does not parse as Rust is tried as
        // C++, as libiberty does (`_ZN...17h...E` is also a C++ mangling).
        Format::Auto => match rust::symbol_len(name) {
            Some(len) => rust::read(&name[..len], options, structured)
                .or_else(|error| itanium::read(name, options, structured).map_err(|_| error))?,
            // libiberty's cplus_demangle tries D after C++ (GNU 2.44); no
            // C++ name starts with `_D`, so such a name goes to D at once.
            None if name.starts_with(b"_D") => {
                Read::text(dlang::demangle(name, options)?, Language::D)
            }
            None => itanium::read(name, options, structured)?,
        },
    })
}

/// What a scheme without parts read, as a [`Read`].
pub(crate) fn plain(text: String, language: Language) -> Read {
    Read::text(text, language)
}

/// What a scheme read, with its structure where it was asked for.
pub(crate) fn with_structure(text: String, language: Language, structure: Structure) -> Read {
    Read {
        text,
        language,
        structure,
    }
}
