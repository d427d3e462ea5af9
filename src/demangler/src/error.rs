//! Why a symbol could not be demangled, in words a user can act on.

use std::fmt;

use crate::options::Format;

/// Why [`crate::demangle`] failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// The input is empty.
    Empty,
    /// The input does not start the way a mangled name does.
    NotMangled,
    /// The input is not a mangled name of the one scheme the format names
    /// (`format="rust"`, `dlang`, `msvc`, `java`, `gnat`).
    NotMangledIn(Format),
    /// The input starts like a mangled name but stops in the middle of one.
    Truncated,
    /// The input starts like a mangled name but is not one.
    Malformed,
    /// The mangled name nests deeper than the demangler follows.
    TooDeep,
    /// Reading the mangled name would take more steps than its length
    /// allows (a crafted pattern of back references read again and again).
    TooComplex,
    /// The mangled name parses but cannot be printed: a reference in it
    /// does not resolve where it is used, or printing nests too deeply.
    Unprintable,
    /// The mangled name is longer than the GNU demanglers accept.
    TooLongForGnu,
    /// The demangled text would be longer than [`crate::Options::max_output`].
    OutputTooLong {
        /// The cap that was reached, in bytes.
        limit: usize,
    },
    /// The demangler hit an internal error on this input (a bug: please
    /// report the symbol).
    Internal,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => f.write_str("empty input is not a mangled symbol"),
            Error::NotMangled => f.write_str("not a mangled C++ symbol"),
            Error::NotMangledIn(format) => {
                write!(f, "not a mangled {} symbol", format.language())
            }
            Error::Truncated => f.write_str("the mangled name ends too early"),
            Error::Malformed => f.write_str("malformed mangled name"),
            Error::TooDeep => f.write_str("the mangled name is nested too deeply"),
            Error::TooComplex => f.write_str(
                "the mangled name would take too many steps to read (back references read again and again)",
            ),
            Error::Unprintable => f.write_str(
                "the mangled name cannot be printed (a reference in it does not resolve, or it nests too deeply)",
            ),
            Error::TooLongForGnu => write!(
                f,
                "longer than {} bytes, the longest C++ name GNU c++filt and libstdc++ demangle",
                crate::options::GNU_MAX_MANGLED
            ),
            Error::OutputTooLong { limit } => {
                write!(f, "the demangled name would be longer than {limit} bytes")
            }
            Error::Internal => {
                f.write_str("internal error in the demangler (please report this symbol)")
            }
        }
    }
}

impl std::error::Error for Error {}

/// Longest stretch of a symbol quoted in a message before it is shortened.
const QUOTE_MAX: usize = 80;

/// The full message for a failed symbol:
/// `cannot demangle '<symbol>': <reason>`, with a long symbol shortened to
/// its start and its length, and bytes that are not UTF-8 shown as `\xNN`.
pub fn describe_failure(symbol: &[u8], error: &Error) -> String {
    let mut quoted = String::with_capacity(QUOTE_MAX + 32);
    let shown = if symbol.len() > QUOTE_MAX {
        &symbol[..QUOTE_MAX - 20]
    } else {
        symbol
    };
    for chunk in shown.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\'' => quoted.push_str("\\'"),
                '\\' => quoted.push_str("\\\\"),
                c if c.is_control() => quoted.extend(c.escape_default()),
                c => quoted.push(c),
            }
        }
        for b in chunk.invalid() {
            quoted.push_str(&format!("\\x{b:02x}"));
        }
    }
    if shown.len() < symbol.len() {
        quoted.push_str(&format!("... ({} bytes)", symbol.len()));
    }
    format!("cannot demangle '{quoted}': {error}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    #[test]
    fn a_name_not_of_the_format_is_said_in_its_words() {
        let rust = Options {
            format: Format::Rust,
            ..Options::default()
        };
        for (format, words) in [
            (Format::Rust, "Rust"),
            (Format::Dlang, "D"),
            (Format::Msvc, "Microsoft C++"),
            (Format::Java, "Java"),
        ] {
            let options = Options { format, ..rust };
            let error = crate::demangle(b"xyz", &options).unwrap_err();
            assert_eq!(error.to_string(), format!("not a mangled {words} symbol"));
        }
        assert_eq!(
            crate::demangle_argument(b"xyz", &rust).unwrap_err(),
            Error::NotMangledIn(Format::Rust)
        );
        assert_eq!(
            crate::demangle(b"xyz", &Options::default()).unwrap_err(),
            Error::NotMangled
        );
    }

    #[test]
    fn message_names_symbol_and_reason() {
        assert_eq!(
            describe_failure(b"invalid c++ symbol", &Error::NotMangled),
            "cannot demangle 'invalid c++ symbol': not a mangled C++ symbol"
        );
    }

    #[test]
    fn long_symbols_are_shortened_with_their_length() {
        let long = vec![b'x'; 5000];
        let msg = describe_failure(&long, &Error::Malformed);
        assert!(msg.starts_with(&format!(
            "cannot demangle '{}... (5000 bytes)'",
            "x".repeat(60)
        )));
        assert!(msg.len() < 200, "{msg}");
    }

    #[test]
    fn unprintable_bytes_are_escaped() {
        let msg = describe_failure(b"_Z\xff\x00'", &Error::Malformed);
        assert_eq!(
            msg,
            "cannot demangle '_Z\\xff\\u{0}\\'': malformed mangled name"
        );
    }
}
