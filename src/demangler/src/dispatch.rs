//! Symbol -> scheme: which demangler reads a name, by the format option,
//! the name's prefix, its symbol version suffix and its leading `.` or `$`,
//! as c++filt decides (and `?` for Microsoft names); every scheme runs under
//! the one guard ([`crate::guard`]). A C++ name is first offered to the
//! one-pass reader of its common shapes (`gnu::read_common`, under the
//! guard's bounded form), which leaves the rest to the full reader.
//!
//! One path serves [`crate::demangle`] and [`crate::parse`], generic over
//! what it gives (an [`Outcome`]): the text alone, or a [`Read`] with the
//! language and the name's parts; so demangling alone pays nothing for
//! them.

use crate::symbol::{Kind, Language, Parts};
use crate::{dlang, gnat, gnu, guard, itanium, msvc, rust};
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

/// What the readers give: the text alone (for [`crate::demangle`]) or a
/// [`Read`] (for [`crate::parse`]). Each scheme makes it from what it read;
/// only a `Read` has a scheme find the parts.
pub(crate) trait Outcome: Sized {
    /// Whether the parts of the name are wanted.
    const STRUCTURED: bool;
    fn new(text: String, language: Language, structure: Structure) -> Self;
    fn text_mut(&mut self) -> &mut String;
    /// Put `prefix` before the text, the parts moving with it.
    fn prepend(&mut self, prefix: &str);
    fn with_language(self, language: Language) -> Self;
}

impl Outcome for String {
    const STRUCTURED: bool = false;

    fn new(text: String, _: Language, _: Structure) -> Self {
        text
    }

    fn text_mut(&mut self) -> &mut String {
        self
    }

    fn prepend(&mut self, prefix: &str) {
        self.insert_str(0, prefix);
    }

    fn with_language(self, _: Language) -> Self {
        self
    }
}

impl Outcome for Read {
    const STRUCTURED: bool = true;

    fn new(text: String, language: Language, structure: Structure) -> Self {
        Read {
            text,
            language,
            structure,
        }
    }

    fn text_mut(&mut self) -> &mut String {
        &mut self.text
    }

    fn prepend(&mut self, prefix: &str) {
        self.text.insert_str(0, prefix);
        if let Some(structure) = self.structure.as_deref_mut() {
            structure.1.shift(prefix.len());
        }
    }

    fn with_language(self, language: Language) -> Self {
        Read { language, ..self }
    }
}

/// The symbol as [`crate::demangle`] reads it: a macOS spelling (`__Z`)
/// tried again without its extra underscore.
pub(crate) fn read<O: Outcome>(symbol: &[u8], options: &Options) -> Result<O, Error> {
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

/// Whether `symbol` may be a C++ or Rust name with the extra leading
/// underscore of Mach-O (`__Z`, `___Z` for blocks aside, `__R`).
fn is_macos_spelling(symbol: &[u8], options: &Options) -> bool {
    !options.strip_underscore
        && options.style == Style::CxxFilt
        && (symbol.starts_with(b"__Z") || symbol.starts_with(b"__R"))
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
    let (name, suffix) = match memchr::memchr(b'@', symbol) {
        Some(at) if at > 0 => symbol.split_at(at),
        _ => (symbol, &b""[..]),
    };
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
    if !O::STRUCTURED {
        if let Some(text) = gnu::read_common(token, options) {
            return Ok(O::new(text, Language::Cxx, None));
        }
    }
    if options.style == Style::LibStdCxx {
        return guard::guarded(options, |options| itanium::read(token, options));
    }
    if msvc_claims(token, options) {
        return guard::guarded(options, |options| msvc::read(token, options));
    }
    let (lead, mut name) = match token.first() {
        Some(b'.' | b'$') => (token[0], &token[1..]),
        _ => (0, token),
    };
    if options.strip_underscore {
        name = name.strip_prefix(b"_").unwrap_or(name);
    }
    let mut read: O = guard::guarded(options, |options| read_scheme(name, options))?;
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
fn read_scheme<O: Outcome>(name: &[u8], options: &Options) -> Result<O, Error> {
    Ok(match options.format {
        // libiberty's `cplus_demangle` returns a copy of the name.
        Format::None => O::new(
            std::str::from_utf8(name)
                .map_err(|_| Error::Malformed)?
                .to_owned(),
            Language::Cxx,
            None,
        ),
        Format::Rust => match rust::symbol_len(name) {
            Some(len) => rust::read(&name[..len], options)?,
            None => return Err(Error::NotMangled),
        },
        Format::GnuV3 => itanium::read(name, options)?,
        Format::Java => itanium::read::<O>(name, options)?.with_language(Language::Java),
        Format::Gnat => O::new(
            String::from_utf8(gnat::demangle(name)).map_err(|_| Error::Malformed)?,
            Language::Ada,
            None,
        ),
        Format::Dlang => O::new(dlang::demangle(name, options)?, Language::D, None),
        // Taken by `read_token` before a leading `.` is set aside.
        Format::Msvc => msvc::read(name, options)?,
        // A name that looks Rust but does not parse as Rust is tried as
        // C++, as libiberty does (`_ZN...17h...E` is also a C++ mangling).
        Format::Auto => match rust::symbol_len(name) {
            Some(len) => rust::read(&name[..len], options)
                .or_else(|error| itanium::read(name, options).map_err(|_| error))?,
            // libiberty's cplus_demangle tries D after C++ (GNU 2.44); no
            // C++ name starts with `_D`, so such a name goes to D at once.
            None if name.starts_with(b"_D") => {
                O::new(dlang::demangle(name, options)?, Language::D, None)
            }
            None => itanium::read(name, options)?,
        },
    })
}
