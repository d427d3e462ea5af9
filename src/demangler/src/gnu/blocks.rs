//! Clang's block invocation functions (`___Z...`), which LLVM's demangler
//! reads and GNU's does not.

use crate::error::Error;
use crate::options::Options;

/// Clang's block invocation functions, `___Z<encoding>_block_invoke`,
/// maybe `_<number>` and a `.suffix` after it: GNU 2.47 refuses them;
/// printed as LLVM 19 prints them, `invocation function for block in f()`
/// (ItaniumDemangle `parse`).
pub(super) fn block_invocation(symbol: &[u8], options: &Options) -> Result<String, Error> {
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
        match super::demangle(&encoding, options) {
            Ok(text) => return Ok(format!("invocation function for block in {text}")),
            Err(e) => error = e,
        }
    }
    Err(error)
}
