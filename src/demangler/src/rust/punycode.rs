//! Punycode (RFC 3492), as v0 names carry identifiers that are not ASCII:
//! the ASCII part, then the insertions that make the rest.

use crate::Error;

const BASE: usize = 36;
const T_MIN: usize = 1;
const T_MAX: usize = 26;
const SKEW: usize = 38;
const INITIAL_BIAS: usize = 72;
const INITIAL_DAMP: usize = 700;
/// Each insertion moves the characters after it: an identifier longer than
/// any real one is refused rather than decoded in quadratic time.
const MAX_CHARS: usize = 16 * 1024;

/// Decode `ascii` and the `insertions` that follow it. `Ok(None)` when the
/// insertions stop in the middle of a number, where libiberty prints
/// nothing and carries on.
pub(super) fn decode(ascii: &[u8], insertions: &[u8]) -> Result<Option<String>, Error> {
    if ascii.len() + insertions.len() > MAX_CHARS {
        return Err(Error::Malformed);
    }
    let mut chars: Vec<u32> = ascii.iter().map(|&b| u32::from(b)).collect();
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
        chars.insert(i, code);
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
    // A code point that is not a character has no UTF-8 form to print.
    chars
        .into_iter()
        .map(|c| char::from_u32(c).ok_or(Error::Malformed))
        .collect::<Result<String, Error>>()
        .map(Some)
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
}
