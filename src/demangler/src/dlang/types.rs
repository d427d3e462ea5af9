//! D types (libiberty's `dlang_type`): basic types, arrays, pointers,
//! associative arrays, tuples, qualified types, and function types with
//! their calling convention, attributes and parameters
//! (`dlang_function_type`, `dlang_function_args`).

use super::{append, Demangler};

impl Demangler<'_> {
    /// `dlang_call_convention_p`.
    pub(super) fn call_convention_p(&self, m: usize) -> bool {
        matches!(self.at(m), b'F' | b'U' | b'V' | b'W' | b'R' | b'Y')
    }

    /// `dlang_call_convention`: `F` D, `U` C, `W` Windows, `V` Pascal,
    /// `R` C++, `Y` Objective-C.
    pub(super) fn call_convention(&self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let text = match self.at(m) {
            b'F' => "",
            b'U' => "extern(C) ",
            b'W' => "extern(Windows) ",
            b'V' => "extern(Pascal) ",
            b'R' => "extern(C++) ",
            b'Y' => "extern(Objective-C) ",
            _ => return None,
        };
        append(decl, text);
        Some(m + 1)
    }

    /// `dlang_type_modifiers`: `x` const, `y` immutable, `O` shared,
    /// `Ng` inout, after a type.
    pub(super) fn type_modifiers(&self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let mut m = m;
        loop {
            match self.at(m) {
                0 => return None,
                b'x' => {
                    append(decl, " const");
                    return Some(m + 1);
                }
                b'y' => {
                    append(decl, " immutable");
                    return Some(m + 1);
                }
                b'O' => {
                    append(decl, " shared");
                    m += 1;
                }
                b'N' if self.at(m + 1) == b'g' => {
                    append(decl, " inout");
                    m += 2;
                }
                b'N' => return None,
                _ => return Some(m),
            }
        }
    }

    /// `dlang_attributes`: a function's `N?` attributes.
    pub(super) fn attributes(&self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        if self.at(m) == 0 {
            return None;
        }
        let mut m = m;
        while self.at(m) == b'N' {
            let text = match self.at(m + 1) {
                b'a' => "pure ",
                b'b' => "nothrow ",
                b'c' => "ref ",
                b'd' => "@property ",
                b'e' => "@trusted ",
                b'f' => "@safe ",
                b'i' => "@nogc ",
                b'j' => "return ",
                b'l' => "scope ",
                b'm' => "@live ",
                // Not attributes: a parameter's `Nk`, a type's `Ng`/`Nh`/`Nn`.
                b'g' | b'h' | b'k' | b'n' => return Some(m),
                _ => return None,
            };
            append(decl, text);
            m += 2;
        }
        Some(m)
    }

    /// `dlang_function_type_noreturn`: calling convention, attributes and
    /// `(parameters)`, each into its buffer where one is given.
    pub(super) fn function_type_noreturn(
        &mut self,
        args: Option<&mut Vec<u8>>,
        call: Option<&mut Vec<u8>>,
        attr: Option<&mut Vec<u8>>,
        m: Option<usize>,
    ) -> Option<usize> {
        let mut dump = Vec::new();
        let m = m?;
        if self.at(m) == 0 {
            return None;
        }
        let m = self.call_convention(call.unwrap_or(&mut dump), m)?;
        let m = self.attributes(attr.unwrap_or(&mut dump), m)?;
        match args {
            Some(args) => {
                append(args, "(");
                let m = self.function_args(args, m)?;
                append(args, ")");
                Some(m)
            }
            None => self.function_args(&mut dump, m),
        }
    }

    /// `dlang_function_type`: `<call convention> <attributes> <arguments>
    /// <return type>`, printed as the return type, the parameters and the
    /// attributes, after the calling convention.
    pub(super) fn function_type(&mut self, decl: &mut Vec<u8>, m: Option<usize>) -> Option<usize> {
        let m = m?;
        if self.at(m) == 0 {
            return None;
        }
        let (mut attr, mut args, mut ty) = (Vec::new(), Vec::new(), Vec::new());
        let m = self.function_type_noreturn(Some(&mut args), Some(decl), Some(&mut attr), Some(m));
        let m = self.type_(&mut ty, m)?;
        decl.extend_from_slice(&ty);
        decl.extend_from_slice(&args);
        decl.push(b' ');
        decl.extend_from_slice(&attr);
        Some(m)
    }

    /// `dlang_function_args`: parameters up to `Z` (or the variadic `X`,
    /// `Y`), each with its storage class.
    pub(super) fn function_args(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let mut m = m;
        let mut n = 0;
        while self.at(m) != 0 {
            match self.at(m) {
                b'X' => {
                    append(decl, "...");
                    return Some(m + 1);
                }
                b'Y' => {
                    if n != 0 {
                        append(decl, ", ");
                    }
                    append(decl, "...");
                    return Some(m + 1);
                }
                b'Z' => return Some(m + 1),
                _ => {}
            }
            if n > 0 {
                append(decl, ", ");
            }
            n += 1;
            if self.at(m) == b'M' {
                m += 1;
                append(decl, "scope ");
            }
            if self.at(m) == b'N' && self.at(m + 1) == b'k' {
                m += 2;
                append(decl, "return ");
            }
            match self.at(m) {
                b'I' => {
                    m += 1;
                    append(decl, "in ");
                    if self.at(m) == b'K' {
                        m += 1;
                        append(decl, "ref ");
                    }
                }
                b'J' => {
                    m += 1;
                    append(decl, "out ");
                }
                b'K' => {
                    m += 1;
                    append(decl, "ref ");
                }
                b'L' => {
                    m += 1;
                    append(decl, "lazy ");
                }
                _ => {}
            }
            m = self.type_(decl, Some(m))?;
        }
        Some(m)
    }

    /// `dlang_type`: one type.
    pub(super) fn type_(&mut self, decl: &mut Vec<u8>, m: Option<usize>) -> Option<usize> {
        let m = m?;
        self.nested(|d| d.type_inner(decl, m))
    }

    pub(super) fn type_inner(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let wrapped = |d: &mut Self, decl: &mut Vec<u8>, open: &str, m: usize| {
            append(decl, open);
            let m = d.type_(decl, Some(m))?;
            append(decl, ")");
            Some(m)
        };
        match self.at(m) {
            0 => None,
            b'O' => wrapped(self, decl, "shared(", m + 1),
            b'x' => wrapped(self, decl, "const(", m + 1),
            b'y' => wrapped(self, decl, "immutable(", m + 1),
            b'N' => match self.at(m + 1) {
                b'g' => wrapped(self, decl, "inout(", m + 2),
                b'h' => wrapped(self, decl, "__vector(", m + 2),
                b'n' => {
                    append(decl, "typeof(*null)");
                    Some(m + 2)
                }
                _ => None,
            },
            b'A' => {
                let m = self.type_(decl, Some(m + 1))?;
                append(decl, "[]");
                Some(m)
            }
            b'G' => self.static_array(decl, m + 1),
            b'H' => self.associative_array(decl, m + 1),
            b'P' if !self.call_convention_p(m + 1) => {
                let m = self.type_(decl, Some(m + 1))?;
                append(decl, "*");
                Some(m)
            }
            b'P' => self.function_pointer(decl, m + 1),
            b'F' | b'U' | b'W' | b'V' | b'R' | b'Y' => self.function_pointer(decl, m),
            b'C' | b'S' | b'E' | b'T' => self.parse_qualified(decl, Some(m + 1), false),
            b'D' => self.delegate(decl, m + 1),
            b'B' => self.parse_tuple(decl, m + 1),
            b'z' => {
                let text = match self.at(m + 1) {
                    b'i' => "cent",
                    b'k' => "ucent",
                    _ => return None,
                };
                append(decl, text);
                Some(m + 2)
            }
            b'Q' => self.type_backref(decl, m, false),
            code => {
                append(decl, basic_type(code)?);
                Some(m + 1)
            }
        }
    }

    /// `G <length> <type>`: a static array, `type[length]`.
    fn static_array(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let digits = self
            .rest(m)
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let end = self.type_(decl, Some(m + digits))?;
        decl.push(b'[');
        decl.extend_from_slice(&self.s[m..m + digits]);
        decl.push(b']');
        Some(end)
    }

    /// `H <key type> <value type>`: an associative array, `value[key]`.
    fn associative_array(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let mut key = Vec::new();
        let m = self.type_(&mut key, Some(m));
        let m = self.type_(decl, m)?;
        decl.push(b'[');
        decl.extend_from_slice(&key);
        decl.push(b']');
        Some(m)
    }

    /// `D <type modifiers> <function type or back reference>`: a delegate,
    /// `ret delegate(params) mods`.
    fn delegate(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let mut mods = Vec::new();
        let m = self.type_modifiers(&mut mods, m)?;
        let m = if self.at(m) == b'Q' {
            self.type_backref(decl, m, true)
        } else {
            self.function_type(decl, Some(m))
        }?;
        append(decl, "delegate");
        decl.extend_from_slice(&mods);
        Some(m)
    }

    /// A function type as a type (`dlang_type`'s `F`... and `PF`...).
    pub(super) fn function_pointer(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let m = self.function_type(decl, Some(m))?;
        append(decl, "function");
        Some(m)
    }

    /// `dlang_parse_tuple`: `B <count> <type>...`, `Tuple!(...)`.
    pub(super) fn parse_tuple(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let (mut m, elements) = self.number(m)?;
        append(decl, "Tuple!(");
        for i in 0..elements {
            m = self.type_(decl, Some(m))?;
            if i + 1 != elements {
                append(decl, ", ");
            }
        }
        append(decl, ")");
        Some(m)
    }
}

/// The basic type of one letter (`d-demangle.c`'s `dlang_type`).
fn basic_type(code: u8) -> Option<&'static str> {
    Some(match code {
        b'n' => "typeof(null)",
        b'v' => "void",
        b'g' => "byte",
        b'h' => "ubyte",
        b's' => "short",
        b't' => "ushort",
        b'i' => "int",
        b'k' => "uint",
        b'l' => "long",
        b'm' => "ulong",
        b'f' => "float",
        b'd' => "double",
        b'e' => "real",
        b'o' => "ifloat",
        b'p' => "idouble",
        b'j' => "ireal",
        b'q' => "cfloat",
        b'r' => "cdouble",
        b'c' => "creal",
        b'b' => "bool",
        b'a' => "char",
        b'u' => "wchar",
        b'w' => "dchar",
        _ => return None,
    })
}
