//! What a caller can ask of [`crate::demangle`].

/// Options of one demangling call. `Options::default()` prints everything,
/// as GNU `c++filt` does with no flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
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
    /// Longest output, in bytes, that a symbol may demangle to. Hostile
    /// symbols can grow exponentially through back references; past this
    /// the call stops with [`crate::Error::OutputTooLong`].
    pub max_output: usize,
}

impl Options {
    /// The default output cap: far above any real symbol (the longest among
    /// the hundreds of thousands in a Linux distribution's libraries
    /// demangle to a few kilobytes), far below what exhausts memory.
    pub const DEFAULT_MAX_OUTPUT: usize = 1 << 20;
}

impl Default for Options {
    fn default() -> Self {
        Options {
            params: true,
            return_type: true,
            types: false,
            strip_underscore: false,
            max_output: Self::DEFAULT_MAX_OUTPUT,
        }
    }
}
