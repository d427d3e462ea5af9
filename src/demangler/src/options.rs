//! What a caller can ask of [`crate::demangle`].

/// The longest C++ mangled name (after a leading `.` or `$`) that GNU
/// c++filt and libstdc++'s `__cxa_demangle` demangle; they leave longer ones
/// as they are, and so does this demangler, to print what they print.
pub(crate) const GNU_MAX_MANGLED: usize = 1024;

/// Whose output to reproduce.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Style {
    /// GNU `c++filt`: C++ and Rust symbols, symbol version suffixes
    /// (`@@GLIBCXX_3.4`), a leading `.` or `$` skipped.
    #[default]
    CxxFilt,
    /// libstdc++'s `abi::__cxa_demangle`, what C++ runtimes and the `cxxfilt`
    /// Python package print: C++ only, the whole input one name (a mangled
    /// name or, as it always accepts them, a type), terse standard names
    /// (`std::string`, `std::ostream`).
    LibStdCxx,
}

/// Which manglings to recognise: c++filt's `-s/--format` names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Every scheme this package knows, in c++filt's order: Rust, Itanium
    /// C++, then D (as c++filt 2.44 and later).
    #[default]
    Auto,
    /// Itanium C++ only (`gnu-v3`).
    GnuV3,
    /// Rust only, legacy and v0 (`rust`).
    Rust,
    /// Nothing is demangled (`none`): c++filt then prints each name as it
    /// is, less a leading `$` or stripped underscore.
    None,
    /// Itanium C++ names as GCJ's Java names (`java`): `java.lang.String`,
    /// `int[]`, the return type after the parameters.
    Java,
    /// D names only (`dlang`).
    Dlang,
    /// GNAT (Ada) names (`gnat`): never fails, as in libiberty; a name
    /// that is not GNAT's is printed in angle brackets (`<Foo>`).
    Gnat,
    /// Microsoft C++ names only (`msvc`), as LLVM's `llvm-undname` prints
    /// them, typeinfo strings (`.?AVFoo@@`) included. Not one of c++filt's:
    /// in `auto`, a name that starts with `?` is one.
    Msvc,
    /// Swift names only (`swift`), as `swift-demangle` of Swift 6.2.3 prints
    /// them. Not one of c++filt's: in `auto`, a name with a prefix of
    /// Swift's (`$s`, `_$s`, `$S`, `_$S`, `$e`, `_$e`, `_T`) is one.
    Swift,
}

impl Format {
    /// The names c++filt's `-s` takes that this package implements, in
    /// c++filt's order, then this package's own (`msvc`, `swift`).
    pub const NAMES: [&'static str; 9] = [
        "none", "auto", "gnu-v3", "java", "gnat", "dlang", "rust", "msvc", "swift",
    ];

    /// Every format, in the order of [`Format::NAMES`].
    pub const ALL: [Format; 9] = [
        Format::None,
        Format::Auto,
        Format::GnuV3,
        Format::Java,
        Format::Gnat,
        Format::Dlang,
        Format::Rust,
        Format::Msvc,
        Format::Swift,
    ];

    /// The format's name (see [`Format::NAMES`]).
    pub fn name(self) -> &'static str {
        let index = Format::ALL.iter().position(|&f| f == self);
        Format::NAMES[index.unwrap_or(0)]
    }

    /// The language whose names the format reads, for messages.
    pub fn language(self) -> &'static str {
        match self {
            Format::Auto | Format::GnuV3 | Format::None => "C++",
            Format::Rust => "Rust",
            Format::Gnat => "GNAT (Ada)",
            Format::Java => "Java",
            Format::Dlang => "D",
            Format::Msvc => "Microsoft C++",
            Format::Swift => "Swift",
        }
    }

    /// The format of a c++filt name (see [`Format::NAMES`]).
    pub fn from_name(name: &str) -> Result<Format, OptionError> {
        Ok(match name {
            "auto" => Format::Auto,
            "gnu-v3" => Format::GnuV3,
            "rust" => Format::Rust,
            "none" => Format::None,
            "gnat" => Format::Gnat,
            "java" => Format::Java,
            "dlang" => Format::Dlang,
            "msvc" => Format::Msvc,
            "swift" => Format::Swift,
            other => {
                return Err(OptionError(format!(
                    "format must be one of {}, not {other:?}",
                    Format::NAMES.join(", ")
                )))
            }
        })
    }
}

impl Style {
    /// The names of the styles, as the API and the command line take them.
    pub const NAMES: [&'static str; 2] = ["c++filt", "libstdc++"];

    /// The style's name (see [`Style::NAMES`]).
    pub fn name(self) -> &'static str {
        match self {
            Style::CxxFilt => "c++filt",
            Style::LibStdCxx => "libstdc++",
        }
    }

    /// The style of a name (see [`Style::NAMES`]).
    pub fn from_name(name: &str) -> Result<Style, OptionError> {
        match name {
            "c++filt" => Ok(Style::CxxFilt),
            "libstdc++" => Ok(Style::LibStdCxx),
            other => Err(OptionError(format!(
                "style must be 'c++filt' or 'libstdc++', not {other:?}"
            ))),
        }
    }
}

/// An option value out of its range or unknown: the message says which
/// option, what it takes and what it got, in the same words for every
/// entry point (the Python functions and the command line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError(pub String);

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OptionError {}

/// Options of one demangling call. `Options::default()` prints everything,
/// as GNU `c++filt` does with no flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Whose output to reproduce.
    pub style: Style,
    /// Which manglings to recognise (c++filt's `-s`).
    pub format: Format,
    /// Print the verbose forms, as c++filt does unless given `-i`:
    /// `std::basic_string<char, std::char_traits<char>, std::allocator<char> >`
    /// rather than `std::string`, and the hashes of Rust symbols. Has no
    /// effect on [`Style::LibStdCxx`], which is never verbose.
    pub verbose: bool,
    /// Print function parameter lists (`c++filt` without `-p`).
    pub params: bool,
    /// Print the return types of template functions.
    pub return_type: bool,
    /// Also demangle bare type encodings (`i` is `int`), as `c++filt -t`
    /// does. Off by default: in running text most short words would parse
    /// as types.
    pub types: bool,
    /// Remove one leading underscore before demangling, as `c++filt -_`
    /// does for the symbols of macOS and other targets that prefix one.
    pub strip_underscore: bool,
    /// How deep the demangler may recurse into nested names, clamped to
    /// 1..=4096. The default, 4096, covers every name GNU c++filt demangles
    /// (which stops at 1024 bytes); the stack it needs is always provided.
    pub recursion_limit: u32,
    /// Longest output, in bytes, that a symbol may demangle to. Hostile
    /// symbols can grow exponentially through back references; past this
    /// the call stops with [`crate::Error::OutputTooLong`].
    pub max_output: usize,
    /// Print template argument lists (names for profilers leave them out):
    /// every one, wherever it is (`std::vector::size() const`), but for
    /// legacy Rust names, whose angle brackets are part of their path.
    pub templates: bool,
    /// Print compilers' suffixes of C++ names (` [clone .cold]`,
    /// `.isra.0`, `.constprop.0`, `.llvm.N`, ...).
    pub suffixes: bool,
    /// Print the hashes of Rust names (legacy `::h...`, v0 `[...]`).
    pub hash: bool,
    /// Print Swift names in the short form of `swift-demangle --simplified`
    /// (Swift's `SimplifiedUIDemangleOptions`, what Xcode and crash
    /// reporters show): no module names, parameter types or where clauses.
    pub simplified: bool,
    /// How many threads a bulk call ([`crate::demangle_in_order`],
    /// [`crate::demangle_column`], [`crate::parse_in_order`],
    /// [`crate::demangle_text_parallel`]) runs on, the calling thread
    /// included: `None` for all of them ([`crate::all_threads`]: the CPUs,
    /// or fewer where `RAYON_NUM_THREADS` says so); more than that are that
    /// many. `Some(1)` keeps a call on the calling thread, for a worker
    /// of a cluster that already runs a task per core. One symbol's
    /// demangling ignores it.
    pub threads: Option<std::num::NonZeroUsize>,
}

impl Options {
    /// Whether the verbose forms are printed (see [`Options::verbose`]).
    pub(crate) fn is_verbose(&self) -> bool {
        self.verbose && self.style == Style::CxxFilt
    }

    /// The default output cap: far above any real symbol (the longest among
    /// the hundreds of thousands in a Linux distribution's libraries
    /// demangle to a few kilobytes), far below what exhausts memory.
    pub const DEFAULT_MAX_OUTPUT: usize = 1 << 20;

    /// The default recursion limit.
    pub const DEFAULT_RECURSION_LIMIT: u32 = crate::stack::MAX_RECURSION;

    /// How many times its own length a symbol may demangle to, plus
    /// [`Self::OUTPUT_SLACK`]: real symbols stay under 30 times (the most
    /// seen in a Linux distribution's libraries is 28), while a hostile one
    /// whose back references double at every level would grow without end.
    pub const OUTPUT_PER_INPUT_BYTE: usize = 64;
    /// See [`Self::OUTPUT_PER_INPUT_BYTE`].
    pub const OUTPUT_SLACK: usize = 1024;

    /// The most a symbol of `len` bytes may demangle to: `max_output`, and
    /// never more than 64 times its length plus 1 KiB. This bounds the time
    /// and memory any input costs.
    pub fn output_limit(&self, len: usize) -> usize {
        self.max_output.min(
            len.saturating_mul(Self::OUTPUT_PER_INPUT_BYTE)
                .saturating_add(Self::OUTPUT_SLACK),
        )
    }

    /// A recursion limit as a caller gives it, checked: 1 to 4096.
    pub fn check_recursion_limit(value: i64) -> Result<u32, OptionError> {
        let max = crate::stack::MAX_RECURSION;
        u32::try_from(value)
            .ok()
            .filter(|v| (1..=max).contains(v))
            .ok_or_else(|| {
                OptionError(format!(
                    "recursion_limit must be from 1 to {max}, not {value}"
                ))
            })
    }

    /// An output cap as a caller gives it, checked: at least 1 byte.
    pub fn check_max_length(value: i64) -> Result<usize, OptionError> {
        usize::try_from(value)
            .ok()
            .filter(|&v| v >= 1)
            .ok_or_else(|| OptionError(format!("max_length must be at least 1, not {value}")))
    }

    /// A thread count as a caller gives it, checked: at least 1 (there is
    /// no upper bound: more than [`crate::all_threads`] are that many).
    pub fn check_threads(value: i64) -> Result<std::num::NonZeroUsize, OptionError> {
        usize::try_from(value)
            .ok()
            .and_then(std::num::NonZeroUsize::new)
            .ok_or_else(|| OptionError(format!("threads must be at least 1, not {value}")))
    }

    /// The recursion limit in force: [`Options::recursion_limit`] clamped.
    pub(crate) fn recursion(&self) -> u32 {
        self.recursion_limit.clamp(1, crate::stack::MAX_RECURSION)
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            style: Style::CxxFilt,
            format: Format::Auto,
            verbose: true,
            params: true,
            return_type: true,
            types: false,
            strip_underscore: false,
            recursion_limit: Self::DEFAULT_RECURSION_LIMIT,
            max_output: Self::DEFAULT_MAX_OUTPUT,
            templates: true,
            suffixes: true,
            hash: true,
            simplified: false,
            threads: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_as_its_format_or_style() {
        for (format, name) in Format::ALL.iter().zip(Format::NAMES) {
            assert_eq!(
                (format.name(), Format::from_name(name)),
                (name, Ok(*format))
            );
        }
        for name in Style::NAMES {
            assert_eq!(Style::from_name(name).map(Style::name), Ok(name));
        }
    }
}
