//! Numbers, and the characters of string literals (`??_C@_...`): LLVM's
//! `demangleNumber`, `demangleCharLiteral`, `demangleStringLiteral` and
//! their helpers.

use super::Parser;
use crate::msvc::ast::*;

impl<'a> Parser<'a> {
    // ---- Numbers and literals ----

    /// `Demangler::demangleNumber`:
    ///
    /// ```text
    /// <number> ::= [?] <non-negative integer>
    /// <non-negative integer> ::= <decimal digit>   # 1 to 10
    ///                        ::= <hex digit>+ @    # A = 0, ..., P = 15
    /// ```
    pub(super) fn number(&mut self) -> (u64, bool) {
        let negative = self.consume(b"?");
        if let Some(digit) = self.front().filter(u8::is_ascii_digit) {
            self.pos += 1;
            return (u64::from(digit - b'0') + 1, negative);
        }
        let mut value: u64 = 0;
        for (i, &c) in self.rest().iter().enumerate() {
            match c {
                b'@' => {
                    self.pos += i + 1;
                    return (value, negative);
                }
                b'A'..=b'P' => value = (value << 4).wrapping_add(u64::from(c - b'A')),
                _ => break,
            }
        }
        self.error = true;
        (0, false)
    }

    /// `Demangler::demangleUnsigned`.
    pub(super) fn unsigned(&mut self) -> u64 {
        let (value, negative) = self.number();
        if negative {
            self.error = true;
        }
        value
    }

    /// `Demangler::demangleSigned`.
    pub(super) fn signed(&mut self) -> i64 {
        let (value, negative) = self.number();
        if value > i64::MAX as u64 {
            self.error = true;
        }
        let value = value as i64;
        if negative {
            value.wrapping_neg()
        } else {
            value
        }
    }

    /// `Demangler::demangleCharLiteral`: one byte of a string literal:
    /// itself, `?$` and two hex digits (`A` = 0), `?0`..`?9` (punctuation),
    /// `?a`..`?z` and `?A`..`?Z` (Latin-1 letters).
    pub(super) fn char_literal(&mut self) -> u8 {
        if !self.starts_with(b"?") {
            let Some(byte) = self.take() else { return 0 };
            return byte;
        }
        self.pos += 1;
        let Some(c) = self.front() else {
            self.error = true;
            return 0;
        };
        if self.consume(b"$") {
            let digits = self.rest();
            let nibble = |c: u8| (b'A'..=b'P').contains(&c).then(|| c - b'A');
            if let (Some(&a), Some(&b)) = (digits.first(), digits.get(1)) {
                if let (Some(high), Some(low)) = (nibble(a), nibble(b)) {
                    self.pos += 2;
                    return (high << 4) | low;
                }
            }
            self.error = true;
            return 0;
        }
        self.pos += 1;
        match c {
            b'0'..=b'9' => b",/\\:. \n\t'-"[(c - b'0') as usize],
            b'a'..=b'z' => 0xE1 + (c - b'a'),
            b'A'..=b'Z' => 0xC1 + (c - b'A'),
            _ => {
                self.pos -= 1;
                self.error = true;
                0
            }
        }
    }

    /// `Demangler::demangleWcharLiteral`: two bytes, high first.
    pub(super) fn wchar_literal(&mut self) -> u32 {
        let high = self.char_literal();
        if self.error || self.is_empty() {
            self.error = true;
            return 0;
        }
        let low = self.char_literal();
        if self.error {
            return 0;
        }
        (u32::from(high) << 8) | u32::from(low)
    }

    /// `Demangler::demangleStringLiteral`: `??_C@_` (`0` | `1`) <length>
    /// <crc> `@` <chars> `@`: the text of a string literal, decoded as LLVM
    /// guesses its character size.
    pub(super) fn string_literal(&mut self) -> Option<Id> {
        if !self.consume(b"@_") {
            self.error = true;
            return None;
        }
        let wide = match self.take() {
            Some(b'1') => true,
            Some(b'0') => false,
            _ => {
                self.error = true;
                return None;
            }
        };
        let (mut size, negative) = self.number();
        if self.error || negative || size < if wide { 2 } else { 1 } {
            self.error = true;
            return None;
        }
        let Some(crc_end) = self.rest().iter().position(|&b| b == b'@') else {
            self.error = true;
            return None;
        };
        self.pos += crc_end + 1;
        if self.is_empty() {
            self.error = true;
            return None;
        }
        let mut decoded = Vec::new();
        let (char_kind, truncated);
        if wide {
            char_kind = CharKind::Wchar;
            truncated = size > 64;
            while !self.consume(b"@") {
                if self.rest().len() < 2 {
                    self.error = true;
                    return None;
                }
                let c = self.wchar_literal();
                if size != 2 || truncated {
                    escaped_char(&mut decoded, c);
                }
                size = size.wrapping_sub(2);
                if self.error {
                    return None;
                }
            }
        } else {
            // 32 bytes at most, but some compilers wrote more.
            const MAX_BYTES: usize = 32 * 4;
            let mut bytes = Vec::with_capacity(32);
            while !self.consume(b"@") {
                if self.is_empty() || bytes.len() >= MAX_BYTES {
                    self.error = true;
                    return None;
                }
                bytes.push(self.char_literal());
            }
            truncated = size > bytes.len() as u64;
            let width = guess_char_width(&bytes, size);
            char_kind = match width {
                1 => CharKind::Char,
                2 => CharKind::Char16,
                _ => CharKind::Char32,
            };
            let count = bytes.len() / width;
            for (index, unit) in bytes.chunks_exact(width).enumerate() {
                let c = unit
                    .iter()
                    .rev()
                    .fold(0u32, |c, &b| (c << 8) | u32::from(b));
                if index + 1 < count || truncated {
                    escaped_char(&mut decoded, c);
                }
            }
        }
        let decoded = self.side.made(&decoded);
        Some(self.add(Node::Symbol {
            name: None,
            kind: SymbolKind::StringLiteral {
                decoded,
                truncated,
                char_kind,
            },
        }))
    }
}

/// LLVM's `guessCharByteSize`: the character width of a narrow string
/// literal from its bytes and full length.
fn guess_char_width(bytes: &[u8], full_length: u64) -> usize {
    if full_length % 2 == 1 {
        return 1;
    }
    if full_length < 32 {
        let trailing_nuls = bytes.iter().rev().take_while(|&&b| b == 0).count();
        if trailing_nuls >= 4 && full_length.is_multiple_of(4) {
            return 4;
        }
        if trailing_nuls >= 2 {
            return 2;
        }
        return 1;
    }
    // The whole string is not there: guess from the NULs in it.
    let count = bytes.len();
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    if nuls >= 2 * count / 3 && full_length.is_multiple_of(4) {
        return 4;
    }
    if nuls >= count / 3 {
        return 2;
    }
    1
}

/// LLVM's `outputEscapedChar`: a character of a string literal as C
/// writes it.
fn escaped_char(out: &mut Vec<u8>, c: u32) {
    let escape: &[u8] = match c {
        0 => b"\\0",
        0x27 => b"\\'",
        0x22 => b"\\\"",
        0x5C => b"\\\\",
        0x07 => b"\\a",
        0x08 => b"\\b",
        0x0C => b"\\f",
        0x0A => b"\\n",
        0x0D => b"\\r",
        0x09 => b"\\t",
        0x0B => b"\\v",
        0x20..=0x7E => {
            out.push(c as u8);
            return;
        }
        _ => {
            // LLVM's `outputHex`: `\x` and whole bytes of hex, upper case.
            let mut digits = Vec::new();
            let mut rest = c;
            while rest != 0 {
                for _ in 0..2 {
                    digits.push(b"0123456789ABCDEF"[(rest % 16) as usize]);
                    rest /= 16;
                }
            }
            out.extend_from_slice(b"\\x");
            out.extend(digits.iter().rev());
            return;
        }
    };
    out.extend_from_slice(escape);
}
