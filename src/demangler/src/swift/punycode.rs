//! Swift's Punycode (`Punycode.cpp`): RFC 3492 with `_` for the delimiter,
//! digits `a`-`z` then `A`-`J`, and code points U+D800 to U+D87F standing
//! for the ASCII characters that may not appear in a symbol.

const BASE: u32 = 36;
const TMIN: u32 = 1;
const TMAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

/// A digit's value (`digit_index`).
fn digit(byte: u8) -> Option<u32> {
    match byte {
        b'a'..=b'z' => Some(u32::from(byte - b'a')),
        b'A'..=b'J' => Some(u32::from(byte - b'A') + 26),
        _ => None,
    }
}

/// `adapt`, the bias after a code point.
fn adapt(delta: u32, points: u32, first: bool) -> u32 {
    let mut delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + ((BASE - TMIN + 1) * delta) / (delta + SKEW)
}

/// Whether Swift takes a code point (`isValidUnicodeScalar`): the ASCII
/// stand-ins U+D800 to U+D87F are, the other surrogates are not.
fn is_valid_scalar(point: u32) -> bool {
    point < 0xD880 || (0xE000..=0x10FFFF).contains(&point)
}

/// The code points of a Punycode identifier (`decodePunycode`); `None`
/// where Swift's decoder fails (its overflow checks are on `int`).
fn decode(input: &[u8]) -> Option<Vec<u32>> {
    const MAX: u32 = i32::MAX as u32;
    let mut out: Vec<u32> = Vec::with_capacity(input.len());
    let mut rest = input;
    if let Some(last) = input.iter().rposition(|&b| b == b'_') {
        for &byte in &input[..last] {
            if byte > 0x7f {
                return None;
            }
            out.push(u32::from(byte));
        }
        rest = &input[last + 1..];
    }
    let (mut n, mut i, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    while !rest.is_empty() {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let (&first, tail) = rest.split_first()?;
            rest = tail;
            let digit = digit(first)?;
            if digit > (MAX - i) / w {
                return None;
            }
            i += digit * w;
            let t = if k <= bias {
                TMIN
            } else if k >= bias + TMAX {
                TMAX
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            if w > MAX / (BASE - t) {
                return None;
            }
            w *= BASE - t;
            k += BASE;
        }
        let len = out.len() as u32 + 1;
        bias = adapt(i - old_i, len, old_i == 0);
        if i / len > MAX - n {
            return None;
        }
        n += i / len;
        i %= len;
        if n < 0x80 {
            return None;
        }
        out.insert(i as usize, n);
        i += 1;
    }
    Some(out)
}

/// A Punycode identifier as UTF-8 (`decodePunycodeUTF8`).
pub(crate) fn decode_utf8(input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len());
    for point in decode(input)? {
        if !is_valid_scalar(point) {
            return None;
        }
        let point = if (0xD800..0xD880).contains(&point) {
            point - 0xD800
        } else {
            point
        };
        let c = char::from_u32(point)?;
        let mut buf = [0; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode_utf8;

    #[test]
    fn decodes_as_swift_does() {
        // Swift's test/Demangle/Inputs/manglings.txt: the raw identifier
        // `foo space` (with its backticks and a no-break space), as
        // swift-demangle 6.2.3 prints it.
        assert_eq!(
            decode_utf8(b"foospace_liaADEDGcja").as_deref(),
            Some("`foo\u{a0}space`".as_bytes())
        );
        // Not a digit of Swift's Punycode; non-ASCII before the delimiter.
        assert_eq!(decode_utf8(b"-"), None);
        assert_eq!(decode_utf8("\u{e9}_a".as_bytes()), None);
    }
}
