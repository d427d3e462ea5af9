//! Legacy Rust names: `_ZN`, length-prefixed segments, `E`; the last
//! segment is the hash (`17h` and 16 hex digits), shown unless terse.
//! Segments escape what an identifier cannot hold (`$LT$` for `<`, `..`
//! for `::`), and libiberty undoes the escapes it knows.

use super::{is_legacy_hash, Marks, Output};
use crate::error::Error;

/// Print `body`, the name between `_ZN` and the final `E`.
pub(super) fn demangle(
    body: &[u8],
    verbose: bool,
    out: &mut Output,
    mut marks: Option<&mut Marks>,
) -> Result<(), Error> {
    let mut segments = Vec::with_capacity(8);
    let mut rest = body;
    while !rest.is_empty() {
        let (segment, after) = segment(rest).ok_or(Error::Malformed)?;
        segments.push(segment);
        rest = after;
    }
    if !segments.last().is_some_and(|hash| is_legacy_hash(hash)) {
        return Err(Error::Malformed);
    }
    // The hash is hidden when terse (the gate let through only names with
    // more than the hash).
    let shown = if verbose {
        &segments[..]
    } else {
        &segments[..segments.len() - 1]
    };
    for (i, segment) in shown.iter().enumerate() {
        if i > 0 {
            out.push("::")?;
        }
        let start = out.len();
        print_segment(segment, out)?;
        // The base name is the last segment before the hash.
        if let Some(marks) = marks.as_deref_mut() {
            if i + 2 == segments.len() {
                marks.base = Some((start, out.len()));
                marks.end = out.len();
            }
        }
    }
    Ok(())
}

/// A decimal length (no leading zero, not zero) and that many bytes. The
/// length wraps as libiberty's (`parse_ident` adds up digits in a `size_t`
/// with no check): `4444` and 64 zeros is a length of 0.
fn segment(s: &[u8]) -> Option<(&[u8], &[u8])> {
    let digits = s.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || s[0] == b'0' {
        return None;
    }
    let len = s[..digits].iter().fold(0usize, |n, &d| {
        n.wrapping_mul(10).wrapping_add(usize::from(d - b'0'))
    });
    let rest = &s[digits..];
    (len <= rest.len()).then(|| rest.split_at(len))
}

fn print_segment(segment: &[u8], out: &mut Output) -> Result<(), Error> {
    // The mangler puts `_` before an escape that starts a segment.
    let mut s = match segment {
        [b'_', b'$', ..] => &segment[1..],
        _ => segment,
    };
    while let Some(&first) = s.first() {
        let len = match first {
            b'$' => match unescape(s) {
                Some((c, len)) => {
                    out.push_char(c)?;
                    len
                }
                // An escape libiberty does not know: the rest as it is.
                None => return out.push_ascii(s),
            },
            b'.' if s.get(1) == Some(&b'.') => {
                out.push("::")?;
                2
            }
            b'.' => {
                out.push(".")?;
                1
            }
            _ => {
                let len = s
                    .iter()
                    .position(|&b| b == b'$' || b == b'.')
                    .unwrap_or(s.len());
                out.push_ascii(&s[..len])?;
                len
            }
        };
        s = &s[len..];
    }
    Ok(())
}

/// The character a `$...$` escape at the start of `s` stands for, and the
/// escape's length.
fn unescape(s: &[u8]) -> Option<(char, usize)> {
    let body = s.strip_prefix(b"$")?;
    let end = body.iter().position(|&b| b == b'$')?;
    let c = match &body[..end] {
        b"C" => ',',
        b"SP" => '@',
        b"BP" => '*',
        b"RF" => '&',
        b"LT" => '<',
        b"GT" => '>',
        b"LP" => '(',
        b"RP" => ')',
        // A printable ASCII character by its code, in lower-case hex.
        [b'u', hi @ b'0'..=b'7', lo @ (b'0'..=b'9' | b'a'..=b'f')] => {
            let code = (hi - b'0') << 4 | (*lo as char).to_digit(16)? as u8;
            (code >= 0x20).then_some(code as char)?
        }
        _ => return None,
    };
    Some((c, end + 2))
}
