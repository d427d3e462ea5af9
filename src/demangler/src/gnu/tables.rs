//! The fixed vocabularies of the Itanium mangling: builtin types, operator
//! codes and the standard substitutions, spelled as GNU c++filt prints them.

/// How a literal of a builtin type is printed (`5u`, `true`, `(char)97`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum LiteralStyle {
    Default,
    Int,
    Unsigned,
    Long,
    UnsignedLong,
    LongLong,
    UnsignedLongLong,
    Bool,
    Float,
    Void,
}

impl LiteralStyle {
    /// The suffix of an integer literal of this style, printed after its
    /// digits (`5u`, `5ul`); `None` for the styles printed otherwise.
    pub(crate) fn integer_suffix(self) -> Option<&'static str> {
        Some(match self {
            LiteralStyle::Int => "",
            LiteralStyle::Unsigned => "u",
            LiteralStyle::Long => "l",
            LiteralStyle::UnsignedLong => "ul",
            LiteralStyle::LongLong => "ll",
            LiteralStyle::UnsignedLongLong => "ull",
            _ => return None,
        })
    }

    /// How a literal of this style prints (libiberty `d_print_comp`'s
    /// `DEMANGLE_COMPONENT_LITERAL`), `digits` being its value where that
    /// is a plain name (`None` for anything else, which prints cast): the
    /// one rule for both C++ readers.
    pub(crate) fn form(self, negative: bool, digits: Option<&str>) -> LiteralForm {
        match (self.integer_suffix(), digits) {
            (Some(suffix), Some(_)) => LiteralForm::Suffixed(suffix),
            _ if self == LiteralStyle::Bool && !negative && matches!(digits, Some("0" | "1")) => {
                LiteralForm::Bool(digits == Some("1"))
            }
            _ => LiteralForm::Cast {
                float: self == LiteralStyle::Float,
            },
        }
    }
}

/// How a literal prints: `[-]<digits><suffix>` (`5u`), `true` or `false`,
/// or `(<type>)[-]<digits>` with the digits in brackets for a float.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum LiteralForm {
    Suffixed(&'static str),
    Bool(bool),
    Cast { float: bool },
}

pub(crate) struct Builtin {
    pub name: &'static str,
    pub literal: LiteralStyle,
}

const fn b(name: &'static str, literal: LiteralStyle) -> Builtin {
    Builtin { name, literal }
}

use LiteralStyle as L;

/// Builtin types by code: `a`..`z` at 0..26, then the `D` codes.
pub(crate) const BUILTINS: [Builtin; 36] = [
    b("signed char", L::Default),
    b("bool", L::Bool),
    b("char", L::Default),
    b("double", L::Float),
    b("long double", L::Float),
    b("float", L::Float),
    b("__float128", L::Float),
    b("unsigned char", L::Default),
    b("int", L::Int),
    b("unsigned int", L::Unsigned),
    b("", L::Default),
    b("long", L::Long),
    b("unsigned long", L::UnsignedLong),
    b("__int128", L::Default),
    b("unsigned __int128", L::Default),
    b("", L::Default),
    b("", L::Default),
    b("", L::Default),
    b("short", L::Default),
    b("unsigned short", L::Default),
    b("", L::Default),
    b("void", L::Void),
    b("wchar_t", L::Default),
    b("long long", L::LongLong),
    b("unsigned long long", L::UnsignedLongLong),
    b("...", L::Default),
    b("decimal32", L::Default),
    b("decimal64", L::Default),
    b("decimal128", L::Default),
    b("half", L::Float),
    b("char8_t", L::Default),
    b("char16_t", L::Default),
    b("char32_t", L::Default),
    b("decltype(nullptr)", L::Default),
    b("_Float", L::Float),
    b("std::bfloat16_t", L::Float),
];

pub(crate) const DECIMAL32: u8 = 26;
pub(crate) const DECIMAL64: u8 = 27;
pub(crate) const DECIMAL128: u8 = 28;
pub(crate) const HALF: u8 = 29;
pub(crate) const CHAR8: u8 = 30;
pub(crate) const CHAR16: u8 = 31;
pub(crate) const CHAR32: u8 = 32;
pub(crate) const NULLPTR: u8 = 33;
pub(crate) const FLOAT_N: u8 = 34;
pub(crate) const BFLOAT16: u8 = 35;

/// The openings of the names the grammar makes up (`d_print_comp`), which
/// both printers write: a local string literal, an ABI tag, a closure, an
/// unnamed type, a default argument's scope.
pub(crate) const STRING_LITERAL: &str = "string literal";
pub(crate) const ABI_TAG_OPEN: &str = "[abi:";
pub(crate) const LAMBDA_OPEN: &str = "{lambda";
pub(crate) const UNNAMED_TYPE_OPEN: &str = "{unnamed type#";
pub(crate) const DEFAULT_ARG_OPEN: &str = "{default arg#";

/// The builtin type of a one-letter code, if the letter is one.
pub(crate) const fn builtin_code(c: u8) -> Option<u8> {
    match c {
        b'a'..=b'j' | b'l'..=b'o' | b's' | b't' | b'v'..=b'z' => Some(c - b'a'),
        _ => None,
    }
}

/// The builtin type of `D` and this letter, if it is one (`Df` decimal32
/// ... `Dn` `decltype(nullptr)`; `DF`, `Da`, `Dc` and the rest are read
/// otherwise).
pub(crate) fn d_builtin_code(c: u8) -> Option<u8> {
    Some(match c {
        b'f' => DECIMAL32,
        b'd' => DECIMAL64,
        b'e' => DECIMAL128,
        b'h' => HALF,
        b'u' => CHAR8,
        b's' => CHAR16,
        b'i' => CHAR32,
        b'n' => NULLPTR,
        _ => return None,
    })
}

/// Whether the byte after an `S` begins a back reference's `<seq-id> _`
/// (`_`, a digit or an upper-case letter; libiberty `d_substitution`)
/// rather than naming a standard abbreviation.
pub(crate) fn starts_seq_id(c: u8) -> bool {
    c == b'_' || c.is_ascii_digit() || c.is_ascii_uppercase()
}

/// `<seq-id> _` of a substitution, the bytes after its `S` (which start
/// with `_`, a digit or an upper-case letter): the index of the candidate
/// (0 for `S_`, the base-36 number plus one otherwise) and the bytes read;
/// `Err` with the bytes read before it went wrong, and whether the number
/// overflowed (libiberty `d_substitution`).
pub(crate) fn seq_id(bytes: &[u8]) -> Result<(u32, usize), (usize, bool)> {
    if bytes.first() == Some(&b'_') {
        return Ok((0, 1));
    }
    let mut id: u32 = 0;
    for (i, &c) in bytes.iter().enumerate() {
        let digit = match c {
            // Plus one as libiberty adds it, in an unsigned int.
            b'_' if i > 0 => return Ok((id.wrapping_add(1), i + 1)),
            b'0'..=b'9' => c - b'0',
            b'A'..=b'Z' => c - b'A' + 10,
            _ => return Err((i + 1, false)),
        };
        id = id
            .checked_mul(36)
            .and_then(|v| v.checked_add(u32::from(digit)))
            .ok_or((i + 1, true))?;
    }
    Err((bytes.len(), false))
}

pub(crate) struct Operator {
    pub code: [u8; 2],
    pub name: &'static str,
    pub args: u8,
}

impl Operator {
    /// The operator as a name (`operator+`, `operator new`, `operator
    /// delete[]`), in two pieces: `operator` with a space before a word,
    /// and the name without the table's trailing space (libiberty
    /// `d_print_comp`'s `DEMANGLE_COMPONENT_OPERATOR`).
    pub(crate) fn as_name(&self) -> (&'static str, &'static str) {
        let word = self.name.as_bytes()[0].is_ascii_lowercase();
        let name = self.name.strip_suffix(' ').unwrap_or(self.name);
        (if word { "operator " } else { "operator" }, name)
    }
}

const fn op(code: &[u8; 2], name: &'static str, args: u8) -> Operator {
    Operator {
        code: *code,
        name,
        args,
    }
}

/// Operators, sorted by code for binary search.
pub(crate) const OPERATORS: [Operator; 73] = [
    op(b"aN", "&=", 2),
    op(b"aS", "=", 2),
    op(b"aa", "&&", 2),
    op(b"ad", "&", 1),
    op(b"an", "&", 2),
    op(b"at", "alignof ", 1),
    op(b"aw", "co_await ", 1),
    op(b"az", "alignof ", 1),
    op(b"cc", "const_cast", 2),
    op(b"cl", "()", 2),
    op(b"cm", ",", 2),
    op(b"co", "~", 1),
    op(b"dV", "/=", 2),
    op(b"dX", "[...]=", 3),
    op(b"da", "delete[] ", 1),
    op(b"dc", "dynamic_cast", 2),
    op(b"de", "*", 1),
    op(b"di", "=", 2),
    op(b"dl", "delete ", 1),
    op(b"ds", ".*", 2),
    op(b"dt", ".", 2),
    op(b"dv", "/", 2),
    op(b"dx", "]=", 2),
    op(b"eO", "^=", 2),
    op(b"eo", "^", 2),
    op(b"eq", "==", 2),
    op(b"fL", "...", 3),
    op(b"fR", "...", 3),
    op(b"fl", "...", 2),
    op(b"fr", "...", 2),
    op(b"ge", ">=", 2),
    op(b"gs", "::", 1),
    op(b"gt", ">", 2),
    op(b"ix", "[]", 2),
    op(b"lS", "<<=", 2),
    op(b"le", "<=", 2),
    op(b"li", "operator\"\" ", 1),
    op(b"ls", "<<", 2),
    op(b"lt", "<", 2),
    op(b"mI", "-=", 2),
    op(b"mL", "*=", 2),
    op(b"mi", "-", 2),
    op(b"ml", "*", 2),
    op(b"mm", "--", 1),
    op(b"na", "new[]", 3),
    op(b"ne", "!=", 2),
    op(b"ng", "-", 1),
    op(b"nt", "!", 1),
    op(b"nw", "new", 3),
    op(b"nx", "noexcept", 1),
    op(b"oR", "|=", 2),
    op(b"oo", "||", 2),
    op(b"or", "|", 2),
    op(b"pL", "+=", 2),
    op(b"pl", "+", 2),
    op(b"pm", "->*", 2),
    op(b"pp", "++", 1),
    op(b"ps", "+", 1),
    op(b"pt", "->", 2),
    op(b"qu", "?", 3),
    op(b"rM", "%=", 2),
    op(b"rS", ">>=", 2),
    op(b"rc", "reinterpret_cast", 2),
    op(b"rm", "%", 2),
    op(b"rs", ">>", 2),
    op(b"sP", "sizeof...", 1),
    op(b"sZ", "sizeof...", 1),
    op(b"sc", "static_cast", 2),
    op(b"ss", "<=>", 2),
    op(b"st", "sizeof ", 1),
    op(b"sz", "sizeof ", 1),
    op(b"tr", "throw", 0),
    op(b"tw", "throw ", 1),
];

pub(crate) fn operator(code: [u8; 2]) -> Option<u8> {
    OPERATORS
        .binary_search_by(|o| o.code.cmp(&code))
        .ok()
        .map(|i| i as u8)
}

pub(crate) fn operator_info(index: u8) -> &'static Operator {
    &OPERATORS[index as usize]
}

pub(crate) struct StdSubstitution {
    pub code: u8,
    pub verbose: &'static str,
    pub terse: &'static str,
    /// The name a constructor or destructor after it takes.
    pub last_name: Option<&'static str>,
}

impl StdSubstitution {
    /// The standard abbreviation `S<code>`, by its letter.
    pub(crate) fn of_code(code: u8) -> Option<&'static StdSubstitution> {
        STD_SUBSTITUTIONS.iter().find(|s| s.code == code)
    }

    /// How it is spelled (libiberty `d_substitution`): in full where the
    /// options are verbose, and as the prefix of a constructor or
    /// destructor (`next`, the byte after it, is `C` or `D`), for the name
    /// it takes; else tersely (`std::string`).
    pub(crate) fn spelling(&self, verbose: bool, prefix: bool, next: u8) -> &'static str {
        if verbose || (prefix && matches!(next, b'C' | b'D')) {
            self.verbose
        } else {
            self.terse
        }
    }
}

const STD_SUBSTITUTIONS: [StdSubstitution; 7] = [
    StdSubstitution {
        code: b't',
        verbose: "std",
        terse: "std",
        last_name: None,
    },
    StdSubstitution {
        code: b'a',
        verbose: "std::allocator",
        terse: "std::allocator",
        last_name: Some("allocator"),
    },
    StdSubstitution {
        code: b'b',
        verbose: "std::basic_string",
        terse: "std::basic_string",
        last_name: Some("basic_string"),
    },
    StdSubstitution {
        code: b's',
        verbose: "std::basic_string<char, std::char_traits<char>, std::allocator<char> >",
        terse: "std::string",
        last_name: Some("basic_string"),
    },
    StdSubstitution {
        code: b'i',
        verbose: "std::basic_istream<char, std::char_traits<char> >",
        terse: "std::istream",
        last_name: Some("basic_istream"),
    },
    StdSubstitution {
        code: b'o',
        verbose: "std::basic_ostream<char, std::char_traits<char> >",
        terse: "std::ostream",
        last_name: Some("basic_ostream"),
    },
    StdSubstitution {
        code: b'd',
        verbose: "std::basic_iostream<char, std::char_traits<char> >",
        terse: "std::iostream",
        last_name: Some("basic_iostream"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_standard_abbreviation_is_spelled_in_full_before_a_constructor() {
        let string = StdSubstitution::of_code(b's').unwrap();
        assert_eq!(string.spelling(false, false, b'C'), "std::string");
        assert_eq!(string.spelling(false, true, b'1'), "std::string");
        assert!(string
            .spelling(false, true, b'C')
            .starts_with("std::basic_string<char"));
        assert!(string
            .spelling(true, false, b'1')
            .starts_with("std::basic_string<char"));
        assert!(StdSubstitution::of_code(b'x').is_none());
    }

    #[test]
    fn seq_ids_are_base_36_plus_one() {
        assert_eq!(seq_id(b"_"), Ok((0, 1)));
        assert_eq!(seq_id(b"0_"), Ok((1, 2)));
        assert_eq!(seq_id(b"A_x"), Ok((11, 2)));
        assert_eq!(seq_id(b"10_"), Ok((37, 3)));
        assert_eq!(seq_id(b"1"), Err((1, false)));
        assert_eq!(seq_id(b"1a_"), Err((2, false)));
        assert_eq!(seq_id(b"ZZZZZZZZ_"), Err((7, true)));
    }

    #[test]
    fn operators_are_sorted_and_found() {
        assert!(OPERATORS.windows(2).all(|w| w[0].code < w[1].code));
        for (i, o) in OPERATORS.iter().enumerate() {
            assert_eq!(operator(o.code), Some(i as u8));
        }
        assert_eq!(operator_info(operator(*b"tr").unwrap()).name, "throw");
        assert_eq!(operator(*b"zz"), None);
    }
}
