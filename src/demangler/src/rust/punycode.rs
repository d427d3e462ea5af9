//! Punycode (RFC 3492), as v0 names carry identifiers that are not ASCII:
//! the ASCII part, then the insertions that make the rest.

use crate::error::Error;

const BASE: usize = 36;
const T_MIN: usize = 1;
const T_MAX: usize = 26;
const SKEW: usize = 38;
const INITIAL_BIAS: usize = 72;
const INITIAL_DAMP: usize = 700;
/// Each insertion moves the characters after it: an identifier longer than
/// any real one is refused rather than decoded in quadratic time.
const MAX_CHARS: usize = 16 * 1024;

/// Decode `ascii` and the `insertions` that follow it, as libiberty's
/// `print_ident` does. `Ok(None)` when the insertions stop in the middle of
/// a number, where libiberty prints nothing and carries on.
pub(super) fn decode(ascii: &[u8], insertions: &[u8]) -> Result<Option<String>, Error> {
    if ascii.len() + insertions.len() > MAX_CHARS {
        return Err(Error::Malformed);
    }
    // Each character as libiberty keeps it: four bytes, zeros before the
    // UTF-8 of a short one.
    let mut chars: Vec<[u8; 4]> = ascii.iter().map(|&b| [0, 0, 0, b]).collect();
    let mut digits = insertions.iter();
    let (mut i, mut code, mut bias, mut damp) = (0usize, 0x80u32, INITIAL_BIAS, INITIAL_DAMP);
    while digits.len() > 0 {
        // One delta, a variable-length base-36 number.
        let (mut delta, mut weight, mut k) = (0usize, 1usize, 0usize);
        loop {
            k += BASE;
            let threshold = k.saturating_sub(bias).clamp(T_MIN, T_MAX);
            let Some(&d) = digits.next() else {
                return Ok(None);
            };
            let digit = match d {
                b'a'..=b'z' => (d - b'a') as usize,
                b'0'..=b'9' => (d - b'0') as usize + 26,
                _ => return Err(Error::Malformed),
            };
            delta = delta.wrapping_add(digit.wrapping_mul(weight));
            weight = weight.wrapping_mul(BASE - threshold);
            if digit < threshold {
                break;
            }
        }
        let len = chars.len() + 1;
        i = i.wrapping_add(delta);
        code = code.wrapping_add((i / len) as u32);
        i %= len;
        chars.insert(i, utf8_as_libiberty_writes(code));
        if digits.len() == 0 {
            break;
        }
        i += 1;
        // Bias adaptation.
        delta /= damp;
        damp = 2;
        delta += delta / len;
        k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        bias = k + ((BASE - T_MIN + 1) * delta) / (delta + SKEW);
    }
    // The bytes without their zeros; where a code point is not a character
    // (a surrogate, or too small for its length) they are not UTF-8, which
    // libiberty prints and this demangler refuses.
    let bytes: Vec<u8> = chars.into_iter().flatten().filter(|&b| b != 0).collect();
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Error::Malformed)
}

/// The four bytes libiberty's `print_ident` writes for code point `c`:
/// UTF-8 by its length's rule, each byte cut to eight bits, so that a code
/// point past U+10FFFF (the decoder's arithmetic wraps at 32 bits) prints as
/// the one its low bits make (`0x1a8be0d6` is U+BE0D6), and a lead byte
/// of `0xf8` or more is not UTF-8.
fn utf8_as_libiberty_writes(c: u32) -> [u8; 4] {
    let lead = if c >= 0x10000 {
        0xf0 | (c >> 18) as u8
    } else {
        0
    };
    let second = if c >= 0x800 {
        (if c < 0x10000 { 0xe0 } else { 0x80 }) | ((c >> 12) & 0x3f) as u8
    } else {
        0
    };
    let third = (if c < 0x800 { 0xc0 } else { 0x80 }) | ((c >> 6) & 0x3f) as u8;
    [lead, second, third, 0x80 | (c & 0x3f) as u8]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_rfc_3492_samples() {
        // "bücher" is "bcher-kva"; "ü" alone is "tda".
        assert_eq!(decode(b"bcher", b"kva").unwrap().as_deref(), Some("bücher"));
        assert_eq!(decode(b"", b"tda").unwrap().as_deref(), Some("ü"));
        assert_eq!(decode(b"", b"!").unwrap_err(), Error::Malformed);
        // A number cut short prints nothing, as in libiberty.
        assert_eq!(decode(b"a", b"9").unwrap(), None);
    }

    #[test]
    fn a_code_point_past_the_last_prints_as_its_low_bits_do_in_libiberty() {
        // Fuzz finding: the decoder's 32-bit arithmetic makes 0x1a8be0d6,
        // 0x1a8be0de and 0x1a8be277; c++filt 2.47 prints U+BE0D6, U+BE0DE
        // and U+BE277 (the bytes it writes, cut to eight bits).
        assert_eq!(
            decode(b"__", b"7hkackfecea155555554cbdaq6y").unwrap().as_deref(),
            Some("\u{10d0}\u{10d4}\u{10d0}\u{10d3}_\u{be0d6}\u{10d2}\u{10d4}\u{be0de}\u{10d4}_\u{be277}\u{10d0}\u{10d3}")
        );
        assert_eq!(utf8_as_libiberty_writes(0xe9), [0, 0, 0xc3, 0xa9]);
        // A surrogate's bytes are not UTF-8: refused.
        assert_eq!(utf8_as_libiberty_writes(0xd800), [0, 0xed, 0xa0, 0x80]);
    }
}
