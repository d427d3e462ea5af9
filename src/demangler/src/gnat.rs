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
    // Reads past the end are NUL, as in the C string libiberty reads.
    let at = |i: usize| mangled.get(i).copied().unwrap_or(0);
    let lower_or_digit = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let mut out = Vec::with_capacity(mangled.len() + 8);
    let mut p = 0;
    loop {
        // An entity name: an identifier or an operator.
        if at(p).is_ascii_lowercase() {
            loop {
                out.push(at(p));
                p += 1;
                if !(lower_or_digit(at(p)) || (at(p) == b'_' && lower_or_digit(at(p + 1)))) {
                    break;
                }
            }
        } else if at(p) == b'O' {
            let (code, text) = OPERATORS
                .iter()
                .find(|(code, _)| mangled[p..].starts_with(code.as_bytes()))?;
            p += code.len();
            out.push(b'"');
            out.extend_from_slice(text.as_bytes());
            out.push(b'"');
        } else {
            return None;
        }
        // Upper-case suffixes may follow the name.
        if at(p) == b'T' && at(p + 1) == b'K' {
            // Task bodies and declarations inside tasks.
            if at(p + 2) == b'B' && at(p + 3) == 0 {
                break;
            } else if at(p + 2) == b'_' && at(p + 3) == b'_' {
                p += 4;
                out.push(b'.');
                continue;
            } else {
                return None;
            }
        }
        // An exception name.
        if at(p) == b'E' && at(p + 1) == 0 {
            return None;
        }
        // A protected type's subprogram.
        if matches!(at(p), b'P' | b'N') && at(p + 1) == 0 {
            break;
        }
        // An enumeration type's name table.
        if matches!(at(p), b'N' | b'S') && at(p + 1) == 0 {
            return None;
        }
        // A nested body.
        if at(p) == b'X' {
            p += 1;
            while matches!(at(p), b'n' | b'b') {
                p += 1;
            }
        }
        if at(p) == b'S' && at(p + 1) != 0 && matches!(at(p + 2), b'_' | 0) {
            // Stream operations.
            let name = match at(p + 1) {
                b'R' => "'Read",
                b'W' => "'Write",
                b'I' => "'Input",
                b'O' => "'Output",
                _ => return None,
            };
            p += 2;
            out.extend_from_slice(name.as_bytes());
        } else if at(p) == b'D' {
            // Controlled type operations.
            let name = match at(p + 1) {
                b'F' => ".Finalize",
                b'A' => ".Adjust",
                _ => return None,
            };
            out.extend_from_slice(name.as_bytes());
            break;
        }
        if at(p) == b'_' {
            if at(p + 1) == b'_' {
                // The standard separator.
                p += 2;
                if at(p).is_ascii_digit() {
                    // An overloading number, maybe a nested body after it.
                    loop {
                        p += 1;
                        if !(at(p).is_ascii_digit()
                            || (at(p) == b'_' && at(p + 1).is_ascii_digit()))
                        {
                            break;
                        }
                    }
                    if at(p) == b'X' {
                        p += 1;
                        while matches!(at(p), b'n' | b'b') {
                            p += 1;
                        }
                    }
                } else if at(p) == b'_' && at(p + 1) != b'_' {
                    let (_, text) = SPECIAL
                        .iter()
                        .find(|(code, _)| mangled[p..].starts_with(code.as_bytes()))?;
                    out.extend_from_slice(text.as_bytes());
                    break;
                } else {
                    out.push(b'.');
                    continue;
                }
            } else if matches!(at(p + 1), b'B' | b'E') {
                // An entry body or a barrier evaluation.
                p += 2;
                while at(p).is_ascii_digit() {
                    p += 1;
                }
                if at(p) == b's' && at(p + 1) == 0 {
                    break;
                }
                return None;
            } else {
                return None;
            }
        }
        // A nested subprogram.
        if at(p) == b'.' && at(p + 1).is_ascii_digit() {
            p += 2;
            while at(p).is_ascii_digit() {
                p += 1;
            }
        }
        if at(p) == 0 {
            break;
        }
        return None;
    }
    Some(out)
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
