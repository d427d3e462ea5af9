//! Literal values in D template arguments (`V` arguments): integers,
//! characters, booleans, floating-point numbers, strings, array,
//! associative-array and struct literals, function symbols; libiberty's
//! `dlang_value` and the `dlang_parse_*` functions it calls.

use super::{append, Demangler};

impl Demangler<'_> {
    /// `dlang_value`: one value, of a type whose mangling starts with
    /// `kind` (`name` is the type's text, for struct literals).
    pub(super) fn value(
        &mut self,
        decl: &mut Vec<u8>,
        m: Option<usize>,
        name: Option<&[u8]>,
        kind: u8,
    ) -> Option<usize> {
        let m = m?;
        self.nested(|d| d.value_inner(decl, m, name, kind))
    }

    fn value_inner(
        &mut self,
        decl: &mut Vec<u8>,
        m: usize,
        name: Option<&[u8]>,
        kind: u8,
    ) -> Option<usize> {
        let m = match self.at(m) {
            0 => return None,
            b'n' => {
                append(decl, "null");
                m + 1
            }
            b'N' => {
                append(decl, "-");
                self.parse_integer(decl, m + 1, kind)?
            }
            b'i' => self.parse_integer(decl, m + 1, kind)?,
            b'0'..=b'9' => self.parse_integer(decl, m, kind)?,
            b'e' => self.parse_real(decl, m + 1)?,
            b'c' => {
                let m = self.parse_real(decl, m + 1)?;
                append(decl, "+");
                if self.at(m) != b'c' {
                    return None;
                }
                let m = self.parse_real(decl, m + 1)?;
                append(decl, "i");
                m
            }
            b'a' | b'w' | b'd' => self.parse_string(decl, m)?,
            b'A' if kind == b'H' => self.parse_assocarray(decl, m + 1)?,
            b'A' => self.parse_arrayliteral(decl, m + 1)?,
            b'S' => self.parse_structlit(decl, m + 1, name)?,
            b'f' => {
                let m = m + 1;
                if !self.rest(m).starts_with(b"_D") || !self.symbol_name_p(m + 2) {
                    return None;
                }
                self.parse_mangle(decl, Some(m))?
            }
            _ => return None,
        };
        self.check_length(decl)?;
        Some(m)
    }

    /// `dlang_parse_integer`: a character (`'a'`, `'\x01'`, `'\u263a'`), a
    /// boolean, or an integer with its suffix (`u`, `L`, `uL`).
    fn parse_integer(&mut self, decl: &mut Vec<u8>, m: usize, kind: u8) -> Option<usize> {
        match kind {
            b'a' | b'u' | b'w' => {
                let (m, val) = self.number(m)?;
                append(decl, "'");
                if kind == b'a' && (0x20..0x7f).contains(&val) {
                    decl.push(val as u8);
                } else {
                    let (escape, width) = match kind {
                        b'a' => ("\\x", 2),
                        b'u' => ("\\u", 4),
                        _ => ("\\U", 8),
                    };
                    append(decl, escape);
                    append(decl, &format!("{val:0width$x}"));
                }
                append(decl, "'");
                Some(m)
            }
            b'b' => {
                let (m, val) = self.number(m)?;
                append(decl, if val != 0 { "true" } else { "false" });
                Some(m)
            }
            _ => {
                let digits = self
                    .rest(m)
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if digits == 0 {
                    return None;
                }
                decl.extend_from_slice(&self.s[m..m + digits]);
                match kind {
                    b'h' | b't' | b'k' => append(decl, "u"),
                    b'l' => append(decl, "L"),
                    b'm' => append(decl, "uL"),
                    _ => {}
                }
                Some(m + digits)
            }
        }
    }

    /// `dlang_parse_real`: `NAN`, `INF`, `NINF`, or a hexadecimal mantissa
    /// and exponent, printed `0x1.8p1`.
    fn parse_real(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let rest = self.rest(m);
        for (code, text) in [(&b"NAN"[..], "NaN"), (b"INF", "Inf"), (b"NINF", "-Inf")] {
            if rest.starts_with(code) {
                append(decl, text);
                return Some(m + code.len());
            }
        }
        let mut m = m;
        if self.at(m) == b'N' {
            append(decl, "-");
            m += 1;
        }
        if !self.at(m).is_ascii_hexdigit() {
            return None;
        }
        append(decl, "0x");
        decl.push(self.at(m));
        append(decl, ".");
        m += 1;
        while self.at(m).is_ascii_hexdigit() {
            decl.push(self.at(m));
            m += 1;
        }
        if self.at(m) != b'P' {
            return None;
        }
        append(decl, "p");
        m += 1;
        if self.at(m) == b'N' {
            append(decl, "-");
            m += 1;
        }
        while self.at(m).is_ascii_digit() {
            decl.push(self.at(m));
            m += 1;
        }
        Some(m)
    }

    /// `dlang_parse_string`: `a`/`w`/`d` `<length> _ <hex bytes>`, printed
    /// as a string literal with C escapes, and a `w` or `d` suffix.
    fn parse_string(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let kind = self.at(m);
        let (m, len) = self.number(m + 1)?;
        if self.at(m) != b'_' {
            return None;
        }
        let mut m = m + 1;
        append(decl, "\"");
        for _ in 0..len {
            let (hi, lo) = (self.at(m), self.at(m + 1));
            let (Some(hi), Some(lo)) = ((hi as char).to_digit(16), (lo as char).to_digit(16))
            else {
                return None;
            };
            let val = (hi * 16 + lo) as u8;
            match val {
                b'\t' => append(decl, "\\t"),
                b'\n' => append(decl, "\\n"),
                b'\r' => append(decl, "\\r"),
                0x0c => append(decl, "\\f"),
                0x0b => append(decl, "\\v"),
                0x20..=0x7e => decl.push(val),
                _ => {
                    // The two digits as the symbol spells them.
                    append(decl, "\\x");
                    decl.extend_from_slice(&self.s[m..m + 2]);
                }
            }
            m += 2;
        }
        append(decl, "\"");
        if kind != b'a' {
            decl.push(kind);
        }
        Some(m)
    }

    /// `dlang_parse_arrayliteral`: `<count> <value>...`, `[a, b]`.
    fn parse_arrayliteral(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        self.value_list(decl, m, "[", "]")
    }

    /// `<count> <value>...`, each value printed between `open` and `close`
    /// and separated by `, ` (array and struct literals).
    fn value_list(
        &mut self,
        decl: &mut Vec<u8>,
        m: usize,
        open: &str,
        close: &str,
    ) -> Option<usize> {
        let (mut m, count) = self.number(m)?;
        append(decl, open);
        for i in 0..count {
            m = self.value(decl, Some(m), None, 0)?;
            if i + 1 != count {
                append(decl, ", ");
            }
        }
        append(decl, close);
        Some(m)
    }

    /// `dlang_parse_assocarray`: `<count> (<key> <value>)...`, `[k:v]`.
    fn parse_assocarray(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let (mut m, elements) = self.number(m)?;
        append(decl, "[");
        for i in 0..elements {
            m = self.value(decl, Some(m), None, 0)?;
            append(decl, ":");
            m = self.value(decl, Some(m), None, 0)?;
            if i + 1 != elements {
                append(decl, ", ");
            }
        }
        append(decl, "]");
        Some(m)
    }

    /// `dlang_parse_structlit`: `<count> <value>...`, `Name(a, b)`.
    fn parse_structlit(
        &mut self,
        decl: &mut Vec<u8>,
        m: usize,
        name: Option<&[u8]>,
    ) -> Option<usize> {
        // libiberty reads the count before it prints the name.
        self.number(m)?;
        if let Some(name) = name {
            decl.extend_from_slice(name);
        }
        self.value_list(decl, m, "(", ")")
    }
}
