//! The terminals of the Itanium grammar, read as libiberty reads them:
//! numbers, identifiers, discriminators, compact numbers, call offsets,
//! clone suffixes and the constructor and destructor codes; and the
//! lookahead that decides where a list of qualifiers or of parameters ends.
//!
//! The grammar (`super::grammar`) reads them here, whatever it builds, so
//! that a change in libiberty's reading of one is made once. Each takes the
//! input and the position, and leaves the position where the reading
//! stopped: past what it read, or where it failed (the tree says a failure
//! at the end of the input is a name cut short).

/// Whether qualifiers begin at `at`: `r`, `V`, `K`, `Do`, `DO`, `Dw`, `Dx`
/// (libiberty `next_is_type_qual`).
pub(super) const fn starts_type_qual(input: &[u8], at: usize) -> bool {
    if at >= input.len() {
        return false;
    }
    match input[at] {
        b'r' | b'V' | b'K' => true,
        b'D' => at + 1 < input.len() && matches!(input[at + 1], b'x' | b'o' | b'O' | b'w'),
        _ => false,
    }
}

/// Whether a parameter list ends at `at` (libiberty `d_parmlist`): at the
/// end of the input, an `E`, a clone suffix's `.`, a requires-clause's
/// `Q`, or a ref-qualifier of the function itself (`RE`, `OE`).
pub(super) fn ends_parameters(input: &[u8], at: usize) -> bool {
    match input.get(at) {
        None | Some(0 | b'E' | b'.' | b'Q') => true,
        Some(b'R' | b'O') => input.get(at + 1) == Some(&b'E'),
        _ => false,
    }
}

/// `<number> ::= [n] <decimal digits>` (libiberty `d_number`): no digits
/// read as 0; `None` once the value passes `i32::MAX`, where libiberty
/// gives up, at the digit that passed it.
pub(super) fn number(input: &[u8], pos: &mut usize) -> Option<i64> {
    let negative = input.get(*pos) == Some(&b'n');
    if negative {
        *pos += 1;
    }
    let mut value: i64 = 0;
    while let Some(&digit) = input.get(*pos).filter(|d| d.is_ascii_digit()) {
        value = value * 10 + i64::from(digit - b'0');
        if value > i64::from(i32::MAX) {
            return None;
        }
        *pos += 1;
    }
    Some(if negative { -value } else { value })
}

/// `<identifier>` of `len` bytes (libiberty `d_identifier`): GCC's
/// anonymous namespace (`_GLOBAL_` then `.`, `_` or `$`, then `N`) by its
/// printed name. `None`, the position left, where the input is shorter or
/// the length cuts a character.
pub(super) fn identifier<'a>(text: &'a str, pos: &mut usize, len: usize) -> Option<&'a str> {
    let name = text.get(*pos..pos.checked_add(len)?)?;
    *pos += len;
    let bytes = name.as_bytes();
    if len >= 10
        && bytes.starts_with(b"_GLOBAL_")
        && matches!(bytes[8], b'.' | b'_' | b'$')
        && bytes[9] == b'N'
    {
        return Some("(anonymous namespace)");
    }
    Some(name)
}

/// `<discriminator> ::= _ <digit> | __ <number> _` (libiberty
/// `d_discriminator`), read and not printed; none at all is fine.
pub(super) fn discriminator(input: &[u8], pos: &mut usize) -> Option<()> {
    if input.get(*pos) != Some(&b'_') {
        return Some(());
    }
    *pos += 1;
    let two = input.get(*pos) == Some(&b'_');
    if two {
        *pos += 1;
    }
    let number = number(input, pos)?;
    if number < 0 {
        return None;
    }
    if two && number >= 10 {
        expect(input, pos, b'_')?;
    }
    Some(())
}

/// `<call-offset> ::= h <nv-offset> _ | v <v-offset> _` after its letter
/// `c` (libiberty `d_call_offset`), read and not printed.
pub(super) fn call_offset(input: &[u8], pos: &mut usize, c: u8) -> Option<()> {
    match c {
        b'h' => {
            number(input, pos)?;
        }
        b'v' => {
            number(input, pos)?;
            expect(input, pos, b'_')?;
            number(input, pos)?;
        }
        _ => return None,
    }
    expect(input, pos, b'_')
}

/// `_` for 0, `<number> _` for the number + 1 (libiberty
/// `d_compact_number`): the numbers of unnamed types, closures and
/// template parameters.
pub(super) fn compact_number(input: &[u8], pos: &mut usize) -> Option<u32> {
    let value = match input.get(*pos) {
        Some(b'_') => 0,
        Some(b'n') => return None,
        _ => number(input, pos)? + 1,
    };
    expect(input, pos, b'_')?;
    u32::try_from(value).ok()
}

/// Where one `<clone-suffix> ::= [ . <clone-type-identifier> ] [ .
/// <nonnegative number> ]*` that starts at `start` ends (libiberty
/// `d_clone_suffix`): `.cold`, `.isra.0`, `.constprop.1`, `.llvm.123`.
/// The caller checks that one starts there ([`starts_clone_suffix`]).
pub(super) fn clone_suffix_end(input: &[u8], start: usize) -> usize {
    let part = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_';
    let at = |i: usize| input.get(i).copied().unwrap_or(0);
    let mut end = start;
    if at(end) == b'.' && part(at(end + 1)) {
        end += 2;
        while part(at(end)) {
            end += 1;
        }
    }
    while at(end) == b'.' && at(end + 1).is_ascii_digit() {
        end += 2;
        while at(end).is_ascii_digit() {
            end += 1;
        }
    }
    end
}

/// Whether a clone suffix starts at `pos`: a `.` and a letter, digit or
/// `_` (libiberty's `d_demangle_callback` loop).
pub(super) fn starts_clone_suffix(input: &[u8], pos: usize) -> bool {
    input.get(pos) == Some(&b'.')
        && input
            .get(pos + 1)
            .is_some_and(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The digit after `C` of a constructor (`C1` to `C5`; libiberty
/// `d_ctor_dtor_name`).
pub(super) fn is_ctor_code(digit: u8) -> bool {
    matches!(digit, b'1'..=b'5')
}

/// The digit after `D` of a destructor (`D0`, `D1`, `D2`, `D4`, `D5`).
pub(super) fn is_dtor_code(digit: u8) -> bool {
    matches!(digit, b'0' | b'1' | b'2' | b'4' | b'5')
}

fn expect(input: &[u8], pos: &mut usize, c: u8) -> Option<()> {
    (input.get(*pos) == Some(&c)).then(|| *pos += 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each terminal on an input: what it gives and where it stops.
    fn read<T>(f: impl Fn(&[u8], &mut usize) -> Option<T>, input: &str) -> (Option<T>, usize) {
        let mut pos = 0;
        let value = f(input.as_bytes(), &mut pos);
        (value, pos)
    }

    #[test]
    fn lookahead_decides_as_libiberty_decides() {
        for (input, qual) in [
            ("K", true),
            ("r", true),
            ("Dx", true),
            ("DO", true),
            ("Dp", false),
            ("D", false),
            ("P", false),
            ("", false),
        ] {
            assert_eq!(starts_type_qual(input.as_bytes(), 0), qual, "{input}");
        }
        for (input, end) in [
            ("", true),
            ("E", true),
            (".cold", true),
            ("Q", true),
            ("OE", true),
            ("RE", true),
            ("RKi", false),
            ("O", false),
            ("i", false),
        ] {
            assert_eq!(ends_parameters(input.as_bytes(), 0), end, "{input}");
        }
    }

    #[test]
    fn terminals_read_as_libiberty_reads_them() {
        assert_eq!(read(number, "12x"), (Some(12), 2));
        assert_eq!(read(number, "n5_"), (Some(-5), 2));
        assert_eq!(read(number, "x"), (Some(0), 0));
        // Past i32::MAX, at the digit that passed it.
        assert_eq!(read(number, "2147483647"), (Some(i64::from(i32::MAX)), 10));
        assert_eq!(read(number, "2147483648"), (None, 9));
        assert_eq!(read(compact_number, "_"), (Some(0), 1));
        assert_eq!(read(compact_number, "3_"), (Some(4), 2));
        assert_eq!(read(compact_number, "n3_"), (None, 0));
        assert_eq!(read(compact_number, "3"), (None, 1));
        assert_eq!(read(discriminator, "E"), (Some(()), 0));
        assert_eq!(read(discriminator, "_7"), (Some(()), 2));
        assert_eq!(read(discriminator, "__12_"), (Some(()), 5));
        assert_eq!(read(discriminator, "__12"), (None, 4));
        assert_eq!(read(discriminator, "_n1"), (None, 3));
        assert_eq!(read(|i, p| call_offset(i, p, b'h'), "16_"), (Some(()), 3));
        assert_eq!(
            read(|i, p| call_offset(i, p, b'v'), "n8_n24_"),
            (Some(()), 7)
        );
        assert_eq!(read(|i, p| call_offset(i, p, b'v'), "8_"), (None, 2));
    }

    #[test]
    fn identifiers_and_suffixes() {
        let mut pos = 1;
        assert_eq!(identifier("3foo", &mut pos, 3), Some("foo"));
        assert_eq!(pos, 4);
        let mut pos = 0;
        assert_eq!(identifier("fo", &mut pos, 3), None);
        assert_eq!(pos, 0);
        assert_eq!(
            identifier("_GLOBAL__N_1", &mut 0, 12),
            Some("(anonymous namespace)")
        );
        assert_eq!(identifier("é", &mut 0, 1), None);
        let input = b"f.isra.0.123.cold";
        assert!(starts_clone_suffix(input, 1));
        assert_eq!(clone_suffix_end(input, 1), 12);
        assert_eq!(clone_suffix_end(input, 12), input.len());
        assert!(!starts_clone_suffix(b"f.X", 1));
        assert!(is_ctor_code(b'5') && !is_ctor_code(b'0'));
        assert!(is_dtor_code(b'0') && !is_dtor_code(b'3'));
    }
}
