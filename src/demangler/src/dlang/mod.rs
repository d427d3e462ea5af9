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

mod types;
mod values;

use crate::error::Error;
use crate::options::Options;

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
