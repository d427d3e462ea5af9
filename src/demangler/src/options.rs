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

/// Options of one demangling call. `Options::default()` prints everything,
/// as GNU `c++filt` does with no flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Whose output to reproduce.
    pub style: Style,
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

    /// The recursion limit in force: [`Options::recursion_limit`] clamped.
    pub(crate) fn recursion(&self) -> u32 {
        self.recursion_limit.clamp(1, crate::stack::MAX_RECURSION)
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            style: Style::CxxFilt,
            verbose: true,
            params: true,
            return_type: true,
            types: false,
            strip_underscore: false,
            recursion_limit: Self::DEFAULT_RECURSION_LIMIT,
            max_output: Self::DEFAULT_MAX_OUTPUT,
        }
    }
}
