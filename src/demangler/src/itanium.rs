//! Itanium C++ ABI names (`_Z...`), demangled by [`crate::gnu`] with GNU
//! c++filt's rules, and Clang's block invocation functions (`___Z...`),
//! which LLVM's demangler reads and GNU's does not. The dispatcher runs
//! this under the one guard (`crate::guard`); its tests are in `gnu/tests.rs`.

use crate::dispatch::Outcome;
use crate::gnu;
use crate::symbol::Language;
use crate::{Error, Options};

/// Read an Itanium name, with its parts if the outcome wants them.
pub(crate) fn read<O: Outcome>(symbol: &[u8], options: &Options) -> Result<O, Error> {
    if symbol.starts_with(b"___Z") && options.style == crate::Style::CxxFilt {
        return Ok(O::new(
            block_invocation(symbol, options)?,
            Language::Cxx,
            None,
        ));
    }
    let (text, structure) = gnu::read(symbol, options, O::STRUCTURED)?;
    Ok(O::new(text, Language::Cxx, structure))
}

/// Clang's block invocation functions, `___Z<encoding>_block_invoke`,
/// maybe `_<number>` and a `.suffix` after it: GNU 2.47 refuses them;
/// printed as LLVM 19 prints them, `invocation function for block in f()`
/// (ItaniumDemangle `parse`).
fn block_invocation(symbol: &[u8], options: &Options) -> Result<String, Error> {
    let rest = symbol.strip_prefix(b"___Z").ok_or(Error::NotMangled)?;
    const SUFFIX: &[u8] = b"_block_invoke";
    let mut error = Error::Malformed;
    for at in (0..rest.len()).filter(|&i| rest[i..].starts_with(SUFFIX)) {
        let tail = &rest[at + SUFFIX.len()..];
        let tail = tail.split(|&b| b == b'.').next().unwrap_or_default();
        let number = tail.strip_prefix(b"_").unwrap_or(tail);
        let valid = number.iter().all(u8::is_ascii_digit)
            && (number.len() == tail.len() || !number.is_empty());
        if !valid {
            continue;
        }
        let mut encoding = Vec::with_capacity(at + 2);
        encoding.extend_from_slice(b"_Z");
        encoding.extend_from_slice(&rest[..at]);
        match gnu::demangle(&encoding, options) {
            Ok(text) => return Ok(format!("invocation function for block in {text}")),
            Err(e) => error = e,
        }
    }
    Err(error)
}
