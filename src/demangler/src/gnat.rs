//! GNAT (Ada) names, as c++filt's `-s gnat` prints them: a port of
//! libiberty's `ada_demangle` (cplus-dem.c).
//!
//! GNAT encodes an entity as lower-case identifiers joined by `__`, with
//! suffixes for overloading (`__2`), nested bodies (`X`, `Xb`, `Xn`),
//! operators (`Oadd` is `"+"`), stream attributes (`SR` is `'Read`),
//! controlled operations (`DF` is `.Finalize`), tasks and protected types.
//! libiberty never fails here: a name it does not recognise is printed in
//! angle brackets (`<Foo>`), and so is it here.

/// Operator names (`O...`) and what they print, in libiberty's order.
const OPERATORS: [(&str, &str); 19] = [
    ("Oabs", "abs"),
    ("Oand", "and"),
    ("Omod", "mod"),
    ("Onot", "not"),
    ("Oor", "or"),
    ("Orem", "rem"),
    ("Oxor", "xor"),
    ("Oeq", "="),
    ("One", "/="),
    ("Olt", "<"),
    ("Ole", "<="),
    ("Ogt", ">"),
    ("Oge", ">="),
    ("Oadd", "+"),
    ("Osubtract", "-"),
    ("Oconcat", "&"),
    ("Omultiply", "*"),
    ("Odivide", "/"),
    ("Oexpon", "**"),
];

/// Special names after `___` and what they print.
const SPECIAL: [(&str, &str); 5] = [
    ("_elabb", "'Elab_Body"),
    ("_elabs", "'Elab_Spec"),
    ("_size", "'Size"),
    ("_alignment", "'Alignment"),
    ("_assign", ".\":=\""),
];

/// What `-s gnat` prints for `mangled` (never fails).
///
/// ```text
/// pack__func__2      -> pack.func
/// pack__Oadd         -> pack."+"
/// Foo                -> <Foo>
/// ```
pub(crate) fn demangle(mangled: &[u8]) -> Vec<u8> {
    // A leading `_ada_` marks a library-level subprogram.
    let mangled = mangled.strip_prefix(b"_ada_").unwrap_or(mangled);
    match decode(mangled) {
        Some(name) => name,
        None if mangled.first() == Some(&b'<') => mangled.to_vec(),
        None => [&b"<"[..], mangled, b">"].concat(),
    }
}

/// `ada_demangle`'s main loop; `None` where it jumps to `unknown`.
fn decode(mangled: &[u8]) -> Option<Vec<u8>> {
    // Every Ada unit name is lower case.
    if !mangled.first()?.is_ascii_lowercase() {
        return None;
    }
    let mut decoder = Decoder {
        mangled,
        p: 0,
        out: Vec::with_capacity(mangled.len() + 8),
    };
    loop {
        decoder.entity_name()?;
        if let Next::Done = decoder.suffixes()? {
            return Some(decoder.out);
        }
    }
}

/// Where `ada_demangle` goes after a name's suffixes.
enum Next {
    /// The whole name is read.
    Done,
    /// Another entity name follows.
    Name,
}

/// `ada_demangle`'s state: the mangled name, where it reads, what it wrote.
struct Decoder<'m> {
    mangled: &'m [u8],
    p: usize,
    out: Vec<u8>,
}

fn lower_or_digit(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

impl Decoder<'_> {
    /// The byte at `i`: reads past the end are NUL, as in the C string
    /// libiberty reads.
    fn at(&self, i: usize) -> u8 {
        self.mangled.get(i).copied().unwrap_or(0)
    }

    /// An entity name: an identifier or an operator.
    fn entity_name(&mut self) -> Option<()> {
        let p = self.p;
        if self.at(p).is_ascii_lowercase() {
            loop {
                self.out.push(self.at(self.p));
                self.p += 1;
                let (c, next) = (self.at(self.p), self.at(self.p + 1));
                if !(lower_or_digit(c) || (c == b'_' && lower_or_digit(next))) {
                    return Some(());
                }
            }
        }
        if self.at(p) != b'O' {
            return None;
        }
        let (code, text) = OPERATORS
            .iter()
            .find(|(code, _)| self.mangled[p..].starts_with(code.as_bytes()))?;
        self.p += code.len();
        self.out.push(b'"');
        self.out.extend_from_slice(text.as_bytes());
        self.out.push(b'"');
        Some(())
    }

    /// The upper-case suffixes that may follow a name, in libiberty's
    /// order.
    fn suffixes(&mut self) -> Option<Next> {
        if let Some(next) = self.task_or_protected()? {
            return Some(next);
        }
        self.nested_body();
        if let Some(next) = self.attribute()? {
            return Some(next);
        }
        if self.at(self.p) == b'_' {
            if let Some(next) = self.separator()? {
                return Some(next);
            }
        }
        // A nested subprogram.
        if self.at(self.p) == b'.' && self.at(self.p + 1).is_ascii_digit() {
            self.p += 2;
            while self.at(self.p).is_ascii_digit() {
                self.p += 1;
            }
        }
        (self.at(self.p) == 0).then_some(Next::Done)
    }

    /// Task bodies and declarations inside tasks (`TKB`, `TK__`), an
    /// exception name (`E`), a protected type's subprogram (`P`, `N`), an
    /// enumeration type's name table (`N`, `S`): `Some(None)` for none of
    /// them.
    fn task_or_protected(&mut self) -> Option<Option<Next>> {
        let p = self.p;
        let (c0, c1) = (self.at(p), self.at(p + 1));
        if c0 == b'T' && c1 == b'K' {
            return match (self.at(p + 2), self.at(p + 3)) {
                (b'B', 0) => Some(Some(Next::Done)),
                (b'_', b'_') => {
                    self.p += 4;
                    self.out.push(b'.');
                    Some(Some(Next::Name))
                }
                _ => None,
            };
        }
        match (c0, c1) {
            (b'E', 0) => None,
            (b'P' | b'N', 0) => Some(Some(Next::Done)),
            (b'S', 0) => None,
            _ => Some(None),
        }
    }

    /// A nested body: `X`, then any `n` and `b`.
    fn nested_body(&mut self) {
        if self.at(self.p) == b'X' {
            self.p += 1;
            while matches!(self.at(self.p), b'n' | b'b') {
                self.p += 1;
            }
        }
    }

    /// A stream attribute (`SR` is `'Read`), read on from; a controlled
    /// type's operation (`DF` is `.Finalize`), which ends the name.
    fn attribute(&mut self) -> Option<Option<Next>> {
        let p = self.p;
        if self.at(p) == b'S' && self.at(p + 1) != 0 && matches!(self.at(p + 2), b'_' | 0) {
            let name = match self.at(p + 1) {
                b'R' => "'Read",
                b'W' => "'Write",
                b'I' => "'Input",
                b'O' => "'Output",
                _ => return None,
            };
            self.p += 2;
            self.out.extend_from_slice(name.as_bytes());
            return Some(None);
        }
        if self.at(p) == b'D' {
            let name = match self.at(p + 1) {
                b'F' => ".Finalize",
                b'A' => ".Adjust",
                _ => return None,
            };
            self.out.extend_from_slice(name.as_bytes());
            return Some(Some(Next::Done));
        }
        Some(None)
    }

    /// After `_`: the standard separator `__` (an overloading number, maybe
    /// with a nested body; `___` and a special name; or the next name), an
    /// entry body or barrier evaluation (`_B`, `_E`).
    fn separator(&mut self) -> Option<Option<Next>> {
        if self.at(self.p + 1) == b'_' {
            self.p += 2;
            if self.at(self.p).is_ascii_digit() {
                loop {
                    self.p += 1;
                    let (c, next) = (self.at(self.p), self.at(self.p + 1));
                    if !(c.is_ascii_digit() || (c == b'_' && next.is_ascii_digit())) {
                        break;
                    }
                }
                self.nested_body();
                return Some(None);
            }
            if self.at(self.p) == b'_' && self.at(self.p + 1) != b'_' {
                let p = self.p;
                let (_, text) = SPECIAL
                    .iter()
                    .find(|(code, _)| self.mangled[p..].starts_with(code.as_bytes()))?;
                self.out.extend_from_slice(text.as_bytes());
                return Some(Some(Next::Done));
            }
            self.out.push(b'.');
            return Some(Some(Next::Name));
        }
        if !matches!(self.at(self.p + 1), b'B' | b'E') {
            return None;
        }
        self.p += 2;
        while self.at(self.p).is_ascii_digit() {
            self.p += 1;
        }
        (self.at(self.p) == b's' && self.at(self.p + 1) == 0).then_some(Some(Next::Done))
    }
}

#[cfg(test)]
mod tests {
    use super::demangle;

    #[test]
    fn table() {
        let cases: &[(&str, &str)] = &[
            ("pack__func", "pack.func"),
            ("pack__func__2", "pack.func"),
            ("_ada_main", "main"),
            ("pack__Oadd", "pack.\"+\""),
            ("pack__tSR", "pack.t'Read"),
            ("pack__t__SR", "<pack__t__SR>"),
            ("pack__tDF", "pack.t.Finalize"),
            ("pack__task1TKB", "pack.task1"),
            ("pack__x___elabs", "pack.x'Elab_Spec"),
            ("pack__sub.12", "pack.sub"),
            ("Foo", "<Foo>"),
            ("<Foo>", "<Foo>"),
            ("pack__excE", "<pack__excE>"),
            ("_ada_Foo", "<Foo>"),
        ];
        for (mangled, want) in cases {
            assert_eq!(
                String::from_utf8(demangle(mangled.as_bytes())).unwrap(),
                *want,
                "{mangled}"
            );
        }
    }
}
