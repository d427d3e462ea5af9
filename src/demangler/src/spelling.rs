//! Rewrites of printed text where the printers spell a construct
//! differently from GNU c++filt and the construct can be recognised in the
//! text alone.

/// Text rebuilt with some spans replaced, left to right; the text itself is
/// kept, without a copy, when nothing was replaced.
struct Splicer<'a> {
    text: &'a str,
    out: String,
    copied: usize,
}

impl<'a> Splicer<'a> {
    fn new(text: &'a str) -> Self {
        Splicer {
            text,
            out: String::new(),
            copied: 0,
        }
    }

    /// Replace `text[start..end]` (after everything replaced so far) with
    /// the concatenation of `with`.
    fn splice(&mut self, start: usize, end: usize, with: &[&str]) {
        if self.out.is_empty() {
            self.out.reserve(self.text.len() + 16);
        }
        self.out.push_str(&self.text[self.copied..start]);
        with.iter().for_each(|s| self.out.push_str(s));
        self.copied = end;
    }

    /// The rebuilt text, or `None` when nothing was replaced.
    fn finish(self) -> Option<String> {
        if self.copied == 0 && self.out.is_empty() {
            return None;
        }
        let mut out = self.out;
        out.push_str(&self.text[self.copied..]);
        Some(out)
    }
}

/// Integer literals: the crate prints `(unsigned int)32`, `(long)-5`,
/// `(bool)1`; c++filt prints `32u`, `-5l` and `true` for the types that have
/// a suffix (int, unsigned, long, unsigned long, long long, unsigned long
/// long, bool 0/1) and keeps the cast for the others (`(char)97`).
pub(crate) fn gnu_literals(text: String) -> String {
    if !text.contains(")") || !text.contains('(') {
        return text;
    }
    let bytes = text.as_bytes();
    let mut out = Splicer::new(&text);
    let mut i = 0;
    while let Some(open) = text[i..].find('(').map(|p| p + i) {
        i = open + 1;
        let Some(close) = text[open..].find(')').map(|p| p + open) else {
            break;
        };
        let suffix = match &text[open + 1..close] {
            "int" => "",
            "unsigned int" => "u",
            "long" => "l",
            "unsigned long" => "ul",
            "long long" => "ll",
            "unsigned long long" => "ull",
            "bool" => "bool",
            _ => continue,
        };
        let value_start = close + 1;
        let negative = bytes.get(value_start) == Some(&b'-');
        let digits_start = value_start + negative as usize;
        let digits = bytes[digits_start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let value_end = digits_start + digits;
        let ends_token = bytes
            .get(value_end)
            .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_'));
        if digits == 0 || !ends_token {
            continue;
        }
        let value = &text[value_start..value_end];
        match (suffix, value) {
            ("bool", "0") => out.splice(open, value_end, &["false"]),
            ("bool", "1") => out.splice(open, value_end, &["true"]),
            ("bool", _) => {}
            _ => out.splice(open, value_end, &[value, suffix]),
        }
        i = value_end;
    }
    out.finish().unwrap_or(text)
}

/// The length of the char literal `text` starts with (`'b'`, `'\n'`,
/// `'\u{301}'`), if it starts with one: a lifetime (`'a`) has no closing
/// quote.
fn char_literal_end(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('\'')?;
    let body = if rest.starts_with('\\') {
        rest.find('\'')?
    } else {
        rest.chars().next()?.len_utf8()
    };
    rest[body..].starts_with('\'').then_some(1 + body + 1)
}

/// The integer types a v0 const generic can have.
const INT_TYPES: [&str; 12] = [
    "usize", "isize", "u128", "i128", "u64", "i64", "u32", "i32", "u16", "i16", "u8", "i8",
];

/// rustc-demangle prints an integer const generic as `8usize`, a boolean
/// one as `true` and a char as `'b'`; libiberty, and so c++filt, prints
/// `8: usize`, `true: bool` and `'b': char`.
pub(crate) fn rust_typed_consts(text: String) -> String {
    let bytes = text.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Splicer::new(&text);
    let mut i = 0;
    while i < bytes.len() {
        if i > 0 && ident(bytes[i - 1]) {
            i += 1;
            continue;
        }
        let boolean = ["true", "false"].into_iter().find(|w| {
            text[i..].starts_with(*w) && bytes.get(i + w.len()).is_none_or(|&b| !ident(b))
        });
        if let Some(end) = char_literal_end(&text[i..]).map(|n| i + n) {
            if bytes.get(end).is_none_or(|&b| !ident(b)) {
                out.splice(end, end, &[": char"]);
                i = end;
                continue;
            }
        }
        if let Some(word) = boolean {
            i += word.len();
            out.splice(i, i, &[": bool"]);
            continue;
        }
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut j = i;
        if bytes[i..].starts_with(b"0x") {
            j += 2;
            while j < bytes.len() && bytes[j].is_ascii_hexdigit() && !bytes[j].is_ascii_uppercase()
            {
                j += 1;
            }
        }
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        let ty = INT_TYPES.iter().find(|t| {
            text[j..].starts_with(**t) && bytes.get(j + t.len()).is_none_or(|&b| !ident(b))
        });
        if let Some(ty) = ty {
            out.splice(j, j, &[": "]);
            i = j + ty.len();
        } else {
            i = j.max(i + 1);
        }
    }
    out.finish().unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> String {
        gnu_literals(s.to_string())
    }

    #[test]
    fn integer_literals_take_suffixes() {
        assert_eq!(lit("f<(unsigned int)32>"), "f<32u>");
        assert_eq!(lit("f<(long)5, (unsigned long)4096>"), "f<5l, 4096ul>");
        assert_eq!(
            lit("f<(long long)-1, (unsigned long long)2>"),
            "f<-1ll, 2ull>"
        );
        assert_eq!(lit("f<(int)-7>"), "f<-7>");
        assert_eq!(
            lit("f<(bool)1, (bool)0, (bool)2>"),
            "f<true, false, (bool)2>"
        );
    }

    #[test]
    fn other_casts_are_kept() {
        assert_eq!(lit("f<(char)97, (short)-1>"), "f<(char)97, (short)-1>");
        assert_eq!(lit("f<(llvm::Kind)1>"), "f<(llvm::Kind)1>");
        assert_eq!(lit("foo(int)"), "foo(int)");
        assert_eq!(lit("f<(int)1x>"), "f<(int)1x>");
    }
}
