//! Rewrites of printed text where the printers spell a construct
//! differently from GNU c++filt and the construct can be recognised in the
//! text alone.

/// Integer literals: the crate prints `(unsigned int)32`, `(long)-5`,
/// `(bool)1`; c++filt prints `32u`, `-5l` and `true` for the types that have
/// a suffix (int, unsigned, long, unsigned long, long long, unsigned long
/// long, bool 0/1) and keeps the cast for the others (`(char)97`).
pub(crate) fn gnu_literals(text: String) -> String {
    if !text.contains(")") || !text.contains('(') {
        return text;
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
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
        out.push_str(&text[copied..open]);
        if suffix == "bool" {
            match value {
                "0" => out.push_str("false"),
                "1" => out.push_str("true"),
                _ => out.push_str(&text[open..value_end]),
            }
        } else {
            out.push_str(value);
            out.push_str(suffix);
        }
        copied = value_end;
        i = value_end;
    }
    if copied == 0 {
        return text;
    }
    out.push_str(&text[copied..]);
    out
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
