//! D names (`_D...`), as c++filt prints them: a port of libiberty's
//! d-demangle.c (binutils 2.47), tried by the `dlang` format and, as in
//! c++filt 2.44 and later, by the default format after C++.
//!
//! libiberty builds the text as it parses, one function per production of
//! the D ABI's mangling grammar, each returning the rest of the input or
//! NULL. Here each returns the position after what it read, or `None`; the
//! text goes into the caller's buffer. Where libiberty recovers from a
//! failed attempt (a qualified name's function-type suffix, a template
//! symbol parameter's length) it truncates the buffer back, and so does
//! this port. On top of libiberty's own bounds (its back-reference count)
//! the nesting depth and the output length are bounded, so no input can
//! overflow the stack or exhaust memory.

mod values;

use crate::{Error, Options};

/// libiberty's `DEMANGLE_RECURSION_LIMIT`, which bounds the number of back
/// references followed inside a back reference.
const GNU_BACKREF_LIMIT: i32 = 2048;

/// Demangle a D symbol (`_D...`, or `_Dmain`).
pub(crate) fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
    if !symbol.starts_with(b"_D") {
        return Err(Error::NotMangled);
    }
    let limit = options.recursion();
    {
        let mut d = Demangler {
            s: symbol,
            last_backref: symbol.len(),
            num_backrefs: 0,
            backref_depth: 0,
            depth: 0,
            max_depth: limit,
            fuel: fuel_for(symbol.len()),
            max_output: options.output_limit(symbol.len()),
            stop: None,
        };
        let mut decl = Vec::new();
        let text = if symbol == b"_Dmain" {
            b"D main".to_vec()
        } else {
            let end = d.parse_mangle(&mut decl, Some(0));
            // A bound reached on the way, even in an attempt taken back,
            // means libiberty (which has no such bound) may read it
            // otherwise: the name is refused rather than guessed.
            if let Some(stop) = d.stop {
                return Err(stop);
            }
            match end {
                Some(end) if end == symbol.len() => decl,
                _ => return Err(Error::Malformed),
            }
        };
        if text.is_empty() {
            return Err(Error::Malformed);
        }
        String::from_utf8(text).map_err(|_| Error::Malformed)
    }
}

/// The steps a symbol of `len` bytes may take: far more than any real D
/// symbol needs (GNU's suite, its 2.7 KB symbol included, needs under 8 per
/// byte), far less than what a crafted one could make libiberty take.
fn fuel_for(len: usize) -> u64 {
    (1 << 16) + 256 * len as u64
}

/// The parse state (libiberty's `struct dlang_info`) and this port's bounds.
struct Demangler<'a> {
    /// The whole symbol.
    s: &'a [u8],
    /// Where the type back reference being followed is; one at or after it
    /// would go round in a loop.
    last_backref: usize,
    /// Back references followed inside the outermost one.
    num_backrefs: i32,
    /// How deep in back references the parse is.
    backref_depth: i32,
    /// This port's nesting depth, and its bound.
    depth: u32,
    max_depth: u32,
    /// Steps (nested parses) left: failed attempts that are read again
    /// through back references can take time exponential in the length;
    /// the budget keeps every input's time linear in its length.
    fuel: u64,
    /// The longest text allowed.
    max_output: usize,
    /// Why the parse stopped, where it was not a malformed name.
    stop: Option<Error>,
}

/// Append `text` to `decl` (libiberty's `string_append`).
fn append(decl: &mut Vec<u8>, text: &str) {
    decl.extend_from_slice(text.as_bytes());
}

impl Demangler<'_> {
    /// The byte at `i`, or 0 past the end (the C string's NUL).
    fn at(&self, i: usize) -> u8 {
        self.s.get(i).copied().unwrap_or(0)
    }

    /// The rest of the input from `i`.
    fn rest(&self, i: usize) -> &[u8] {
        self.s.get(i..).unwrap_or_default()
    }

    /// Run `f` one level deeper, or stop: this port's bound on nesting.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.depth >= self.max_depth {
            self.stop = Some(Error::TooDeep);
            return None;
        }
        if self.fuel == 0 {
            self.stop = Some(Error::TooComplex);
            return None;
        }
        self.fuel -= 1;
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }

    /// Stop if `decl` has grown past the output bound.
    fn check_length(&mut self, decl: &[u8]) -> Option<()> {
        if decl.len() > self.max_output {
            self.stop = Some(Error::OutputTooLong {
                limit: self.max_output,
            });
            return None;
        }
        Some(())
    }

    /// `dlang_number`: a decimal number up to `u32::MAX`, which may not
    /// end the input.
    fn number(&self, m: usize) -> Option<(usize, u64)> {
        if !self.at(m).is_ascii_digit() {
            return None;
        }
        let mut m = m;
        let mut val: u64 = 0;
        while self.at(m).is_ascii_digit() {
            let digit = u64::from(self.at(m) - b'0');
            if val > (u64::from(u32::MAX) - digit) / 10 {
                return None;
            }
            val = val * 10 + digit;
            m += 1;
        }
        if self.at(m) == 0 {
            return None;
        }
        Some((m, val))
    }

    /// `dlang_decode_backref`: `[A-Z]* [a-z]`, a base-26 number above 0.
    fn decode_backref(&self, m: usize) -> Option<(usize, u64)> {
        let mut m = m;
        let mut val: u64 = 0;
        while self.at(m).is_ascii_alphabetic() {
            if val > (u64::MAX - 25) / 26 {
                return None;
            }
            val *= 26;
            let c = self.at(m);
            if c.is_ascii_lowercase() {
                val += u64::from(c - b'a');
                // libiberty keeps it in a `long`: above 0.
                if val == 0 || val > i64::MAX as u64 {
                    return None;
                }
                return Some((m + 1, val));
            }
            val += u64::from(c - b'A');
            m += 1;
        }
        None
    }

    /// `dlang_backref`: `Q <number>`, the position it refers back to.
    fn backref(&self, m: usize) -> Option<(usize, usize)> {
        if self.at(m) != b'Q' {
            return None;
        }
        let (end, refpos) = self.decode_backref(m + 1)?;
        let refpos = usize::try_from(refpos).ok().filter(|&r| r <= m)?;
        Some((end, m - refpos))
    }

    /// `dlang_symbol_backref`: an identifier referred back to.
    fn symbol_backref(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let (end, target) = self.backref(m)?;
        let (name, len) = self.number(target)?;
        let len = usize::try_from(len).ok()?;
        if self.rest(name).len() < len {
            return None;
        }
        self.lname(decl, name, len)?;
        Some(end)
    }

    /// `dlang_type_backref`: a type (a function type if `is_function`)
    /// referred back to, within libiberty's bound on nested references.
    fn type_backref(&mut self, decl: &mut Vec<u8>, m: usize, is_function: bool) -> Option<usize> {
        if m >= self.last_backref {
            return None;
        }
        if self.backref_depth > 0 {
            if self.num_backrefs > GNU_BACKREF_LIMIT {
                return None;
            }
            self.num_backrefs += 1;
        } else {
            self.num_backrefs = 0;
        }
        self.backref_depth += 1;
        let save_refpos = self.last_backref;
        self.last_backref = m;
        let result = self.backref(m).and_then(|(end, target)| {
            let parsed = if is_function {
                self.function_type(decl, Some(target))
            } else {
                self.type_(decl, Some(target))
            };
            parsed.map(|_| end)
        });
        self.last_backref = save_refpos;
        self.backref_depth -= 1;
        self.check_length(decl)?;
        result
    }

    /// `dlang_symbol_name_p`: whether a symbol name starts at `m`.
    fn symbol_name_p(&self, m: usize) -> bool {
        let c = self.at(m);
        if c.is_ascii_digit() {
            return true;
        }
        if c == b'_' && self.at(m + 1) == b'_' && matches!(self.at(m + 2), b'T' | b'U') {
            return true;
        }
        if c != b'Q' {
            return false;
        }
        match self.decode_backref(m + 1) {
            Some((_, r)) if (r as usize) <= m => self.at(m - r as usize).is_ascii_digit(),
            _ => false,
        }
    }

    /// `dlang_call_convention_p`.
    fn call_convention_p(&self, m: usize) -> bool {
        matches!(self.at(m), b'F' | b'U' | b'V' | b'W' | b'R' | b'Y')
    }

    /// `dlang_call_convention`: `F` D, `U` C, `W` Windows, `V` Pascal,
    /// `R` C++, `Y` Objective-C.
    fn call_convention(&self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
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
    fn type_modifiers(&self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
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
    fn attributes(&self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
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
    fn function_type_noreturn(
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
    fn function_type(&mut self, decl: &mut Vec<u8>, m: Option<usize>) -> Option<usize> {
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
    fn function_args(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
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
    fn type_(&mut self, decl: &mut Vec<u8>, m: Option<usize>) -> Option<usize> {
        let m = m?;
        self.nested(|d| d.type_inner(decl, m))
    }

    fn type_inner(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let wrapped = |d: &mut Self, decl: &mut Vec<u8>, open: &str, m: usize| {
            append(decl, open);
            let m = d.type_(decl, Some(m))?;
            append(decl, ")");
            Some(m)
        };
        let basic = match self.at(m) {
            0 => return None,
            b'O' => return wrapped(self, decl, "shared(", m + 1),
            b'x' => return wrapped(self, decl, "const(", m + 1),
            b'y' => return wrapped(self, decl, "immutable(", m + 1),
            b'N' => {
                return match self.at(m + 1) {
                    b'g' => wrapped(self, decl, "inout(", m + 2),
                    b'h' => wrapped(self, decl, "__vector(", m + 2),
                    b'n' => {
                        append(decl, "typeof(*null)");
                        Some(m + 2)
                    }
                    _ => None,
                }
            }
            b'A' => {
                let m = self.type_(decl, Some(m + 1))?;
                append(decl, "[]");
                return Some(m);
            }
            b'G' => {
                // A static array: its length, then its element type.
                let digits = self
                    .rest(m + 1)
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                let m2 = self.type_(decl, Some(m + 1 + digits))?;
                decl.push(b'[');
                decl.extend_from_slice(&self.s[m + 1..m + 1 + digits]);
                decl.push(b']');
                return Some(m2);
            }
            b'H' => {
                // An associative array: the key type, then the value type.
                let mut key = Vec::new();
                let m = self.type_(&mut key, Some(m + 1));
                let m = self.type_(decl, m)?;
                decl.push(b'[');
                decl.extend_from_slice(&key);
                decl.push(b']');
                return Some(m);
            }
            b'P' if !self.call_convention_p(m + 1) => {
                let m = self.type_(decl, Some(m + 1))?;
                append(decl, "*");
                return Some(m);
            }
            b'P' => return self.function_pointer(decl, m + 1),
            b'F' | b'U' | b'W' | b'V' | b'R' | b'Y' => return self.function_pointer(decl, m),
            b'C' | b'S' | b'E' | b'T' => return self.parse_qualified(decl, Some(m + 1), false),
            b'D' => {
                let mut mods = Vec::new();
                let m = self.type_modifiers(&mut mods, m + 1)?;
                let m = if self.at(m) == b'Q' {
                    self.type_backref(decl, m, true)
                } else {
                    self.function_type(decl, Some(m))
                }?;
                append(decl, "delegate");
                decl.extend_from_slice(&mods);
                return Some(m);
            }
            b'B' => return self.parse_tuple(decl, m + 1),
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
            b'z' => {
                let text = match self.at(m + 1) {
                    b'i' => "cent",
                    b'k' => "ucent",
                    _ => return None,
                };
                append(decl, text);
                return Some(m + 2);
            }
            b'Q' => return self.type_backref(decl, m, false),
            _ => return None,
        };
        append(decl, basic);
        Some(m + 1)
    }

    /// A function type as a type (`dlang_type`'s `F`... and `PF`...).
    fn function_pointer(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let m = self.function_type(decl, Some(m))?;
        append(decl, "function");
        Some(m)
    }

    /// `dlang_identifier`: a back reference, a template instance, an
    /// anonymous scope (`__S<digits>`, skipped) or a length and a name.
    fn identifier(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        match self.at(m) {
            0 => return None,
            b'Q' => return self.symbol_backref(decl, m),
            b'_' if self.at(m + 1) == b'_' && matches!(self.at(m + 2), b'T' | b'U') => {
                return self.parse_template(decl, m, None)
            }
            _ => {}
        }
        let (m, len) = self.number(m)?;
        let len = usize::try_from(len).ok().filter(|&l| l > 0)?;
        if self.rest(m).len() < len {
            return None;
        }
        let name = &self.s[m..m + len];
        if len >= 5 && name.starts_with(b"__") && matches!(name[2], b'T' | b'U') {
            return self.parse_template(decl, m, Some(len));
        }
        if len >= 4 && name.starts_with(b"__S") && name[3..].iter().all(u8::is_ascii_digit) {
            return self.nested(|d| d.identifier(decl, m + len));
        }
        self.lname(decl, m, len)
    }

    /// `dlang_lname`: a name of `len` bytes, with the special names of
    /// constructors, destructors and compiler-generated symbols.
    fn lname(&mut self, decl: &mut Vec<u8>, m: usize, len: usize) -> Option<usize> {
        let rest = self.rest(m);
        // A special name whose text goes before the whole name so far
        // (less the `.` that precedes it): `initializer for a.b`.
        let prefix = match len {
            6 if rest.starts_with(b"__ctor") => {
                append(decl, "this");
                return Some(m + len);
            }
            6 if rest.starts_with(b"__dtor") => {
                append(decl, "~this");
                return Some(m + len);
            }
            6 if rest.starts_with(b"__initZ") => Some("initializer for "),
            6 if rest.starts_with(b"__vtblZ") => Some("vtable for "),
            7 if rest.starts_with(b"__ClassZ") => Some("ClassInfo for "),
            10 if rest.starts_with(b"__postblitMFZ") => {
                append(decl, "this(this)");
                return Some(m + len + 3);
            }
            11 if rest.starts_with(b"__InterfaceZ") => Some("Interface for "),
            12 if rest.starts_with(b"__ModuleInfoZ") => Some("ModuleInfo for "),
            _ => None,
        };
        match prefix {
            Some(text) => {
                decl.splice(0..0, text.bytes());
                decl.pop();
            }
            None => decl.extend_from_slice(&rest[..len]),
        }
        self.check_length(decl)?;
        Some(m + len)
    }

    /// `dlang_parse_mangle`: `_D <qualified name> [<type>]`, the type
    /// read but not printed.
    fn parse_mangle(&mut self, decl: &mut Vec<u8>, m: Option<usize>) -> Option<usize> {
        let m = self.parse_qualified(decl, Some(m? + 2), true)?;
        if self.at(m) == b'Z' {
            return Some(m + 1);
        }
        self.type_(&mut Vec::new(), Some(m))
    }

    /// `dlang_parse_qualified`: names joined by `.`, each maybe followed
    /// by a function's type (`M` and modifiers, calling convention,
    /// parameters) which prints as `(parameters)` if it reads whole, and is
    /// taken back otherwise.
    fn parse_qualified(
        &mut self,
        decl: &mut Vec<u8>,
        m: Option<usize>,
        suffix_modifiers: bool,
    ) -> Option<usize> {
        let mut m = m?;
        self.nested(|d| {
            let mut n = 0;
            loop {
                if d.at(m) == b'0' {
                    while d.at(m) == b'0' {
                        m += 1;
                    }
                } else {
                    if n > 0 {
                        append(decl, ".");
                    }
                    n += 1;
                    m = d.identifier(decl, m)?;
                    if d.at(m) == b'M' || d.call_convention_p(m) {
                        let start = m;
                        let saved = decl.len();
                        let mut mods = Vec::new();
                        let mut at = Some(m);
                        if d.at(m) == b'M' {
                            at = d.type_modifiers(&mut mods, m + 1);
                        }
                        let end = d.function_type_noreturn(Some(decl), None, None, at);
                        if suffix_modifiers {
                            decl.extend_from_slice(&mods);
                        }
                        match end {
                            Some(end) if d.at(end) != 0 => m = end,
                            _ => {
                                m = start;
                                decl.truncate(saved);
                            }
                        }
                    }
                }
                if !d.symbol_name_p(m) {
                    return Some(m);
                }
            }
        })
    }

    /// `dlang_parse_tuple`: `B <count> <type>...`, `Tuple!(...)`.
    fn parse_tuple(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
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

    /// `dlang_template_symbol_param`: a symbol as a template argument,
    /// whose length prefix may run into the name's own digits: each split
    /// is tried, longest length first, as libiberty does.
    fn template_symbol_param(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        if self.rest(m).starts_with(b"_D") && self.symbol_name_p(m + 2) {
            return self.parse_mangle(decl, Some(m));
        }
        if self.at(m) == b'Q' {
            return self.parse_qualified(decl, Some(m), false);
        }
        let (endptr, len) = self.number(m)?;
        if len == 0 {
            return None;
        }
        let saved = decl.len();
        let mut psize = len as i64;
        let mut pend = endptr;
        let mut last = false;
        loop {
            // The last attempt starts where the previous one stepped back
            // to (libiberty reads `mangled = pend` before it resets `pend`).
            let at = pend;
            if psize == 0 {
                psize = len as i64;
                pend = endptr;
                last = true;
            }
            let parsed = if self.symbol_name_p(at) {
                self.parse_qualified(decl, Some(at), false)
            } else if self.rest(at).starts_with(b"_D") && self.symbol_name_p(at + 2) {
                self.parse_mangle(decl, Some(at))
            } else {
                Some(at)
            };
            if self.stop.is_some() {
                return None;
            }
            if let Some(end) = parsed {
                if last || end as i64 - pend as i64 == psize {
                    return Some(end);
                }
            }
            if last {
                decl.truncate(saved);
                return None;
            }
            psize /= 10;
            decl.truncate(saved);
            pend = pend.checked_sub(1)?;
        }
    }

    /// `dlang_template_args`: `S` symbols, `T` types, `V` values, `X` raw
    /// text, up to `Z`.
    fn template_args(&mut self, decl: &mut Vec<u8>, m: usize) -> Option<usize> {
        let mut m = m;
        let mut n = 0;
        while self.at(m) != 0 {
            if self.at(m) == b'Z' {
                return Some(m + 1);
            }
            if n > 0 {
                append(decl, ", ");
            }
            n += 1;
            if self.at(m) == b'H' {
                m += 1;
            }
            m = match self.at(m) {
                b'S' => self.template_symbol_param(decl, m + 1)?,
                b'T' => self.type_(decl, Some(m + 1))?,
                b'V' => {
                    let m = m + 1;
                    let mut kind = self.at(m);
                    if kind == b'Q' {
                        let (_, target) = self.backref(m)?;
                        kind = self.at(target);
                    }
                    let mut name = Vec::new();
                    let m = self.type_(&mut name, Some(m));
                    self.value(decl, m, Some(&name), kind)?
                }
                b'X' => {
                    let (start, len) = self.number(m + 1)?;
                    let len = usize::try_from(len).ok()?;
                    if self.rest(start).len() < len {
                        return None;
                    }
                    decl.extend_from_slice(&self.s[start..start + len]);
                    start + len
                }
                _ => return None,
            };
            self.check_length(decl)?;
        }
        Some(m)
    }

    /// `dlang_parse_template`: `__T`/`__U <name> <arguments> Z`, printed
    /// `name!(arguments)`; with a known length, it must be read whole.
    fn parse_template(
        &mut self,
        decl: &mut Vec<u8>,
        m: usize,
        len: Option<usize>,
    ) -> Option<usize> {
        let start = m;
        if !self.symbol_name_p(m + 3) || self.at(m + 3) == b'0' {
            return None;
        }
        let m = self.nested(|d| d.identifier(decl, m + 3));
        let mut args = Vec::new();
        let m = m.and_then(|m| self.nested(|d| d.template_args(&mut args, m)));
        append(decl, "!(");
        decl.extend_from_slice(&args);
        append(decl, ")");
        let m = m?;
        match len {
            Some(len) if m - start != len => None,
            _ => Some(m),
        }
    }
}

#[cfg(test)]
mod tests;
