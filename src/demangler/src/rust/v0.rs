//! v0 Rust names (`_R...`), parsed and printed in one pass, by libiberty's
//! rules: paths, types, consts, generic arguments, backreferences to
//! earlier parts of the name, lifetimes bound by `for<...>`.

use super::{punycode, Marks, Output};
use crate::error::Error;

/// Print `sym`, the name after `_R` (without any `.suffix`).
/// What is printed besides the path.
#[derive(Clone, Copy)]
pub(super) struct Shown {
    /// c++filt's verbose forms: the types of constants, and `hashes`.
    pub verbose: bool,
    /// Crate disambiguators (`[d4abd97f74c50245]`).
    pub hashes: bool,
    /// Generic arguments (`::<T>`, `<T>`).
    pub generics: bool,
}

pub(super) fn demangle(
    sym: &[u8],
    shown: Shown,
    limit: u32,
    out: &mut Output,
    marks: Option<&mut Marks>,
) -> Result<(), Error> {
    let fuel = out.limit.saturating_mul(4).saturating_add(4096);
    let mut d = Demangler {
        sym,
        next: 0,
        verbose: shown.verbose,
        hashes: shown.hashes,
        generics: shown.generics,
        depth: 0,
        limit,
        fuel,
        bound_lifetimes: 0,
        out,
        own_depth: 1,
        marks,
    };
    d.path(true)?;
    // The instantiating crate, if any, is parsed but not printed.
    if d.next < sym.len() {
        d.unprinted(|d| d.path(false))?;
    }
    if d.next != sym.len() {
        return Err(Error::Malformed);
    }
    Ok(())
}

struct Demangler<'s, 'o> {
    sym: &'s [u8],
    next: usize,
    verbose: bool,
    hashes: bool,
    generics: bool,
    /// Nesting of paths, types and consts now, and its limit.
    depth: u32,
    limit: u32,
    /// Steps left: backreferences can make a short name expand without end.
    fuel: usize,
    /// Lifetimes bound by the `for<...>` binders around this point.
    bound_lifetimes: u64,
    out: &'o mut Output,
    /// Where the parts of the symbol's own path print (`crate::parse`).
    marks: Option<&'o mut Marks>,
    /// The depth of the path whose segments are the symbol's own.
    own_depth: u32,
}

/// An identifier: its ASCII part, and Punycode insertions if it has any.
#[derive(Clone, Copy)]
struct Ident<'s> {
    ascii: &'s [u8],
    punycode: Option<&'s [u8]>,
}

impl Ident<'_> {
    fn is_empty(&self) -> bool {
        self.ascii.is_empty() && self.punycode.is_none()
    }
}

fn basic_type(tag: u8) -> Option<&'static str> {
    Some(match tag {
        b'b' => "bool",
        b'c' => "char",
        b'e' => "str",
        b'u' => "()",
        b'a' => "i8",
        b's' => "i16",
        b'l' => "i32",
        b'x' => "i64",
        b'n' => "i128",
        b'i' => "isize",
        b'h' => "u8",
        b't' => "u16",
        b'm' => "u32",
        b'y' => "u64",
        b'o' => "u128",
        b'j' => "usize",
        b'f' => "f32",
        b'd' => "f64",
        b'z' => "!",
        b'p' => "_",
        b'v' => "...",
        _ => return None,
    })
}

impl<'s> Demangler<'s, '_> {
    fn peek(&self) -> Option<u8> {
        self.sym.get(self.next).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let found = self.peek() == Some(c);
        self.next += usize::from(found);
        found
    }

    fn next(&mut self) -> Result<u8, Error> {
        let c = self.peek().ok_or(Error::Truncated)?;
        self.next += 1;
        Ok(c)
    }

    /// One level deeper into paths, types or consts.
    fn enter(&mut self) -> Result<(), Error> {
        self.burn()?;
        self.depth += 1;
        if self.depth > self.limit {
            return Err(Error::TooDeep);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn burn(&mut self) -> Result<(), Error> {
        self.fuel = self.fuel.checked_sub(1).ok_or(Error::Unprintable)?;
        Ok(())
    }

    /// A base-62 number ending in `_` (`_` alone is 0, `0_` is 1, ...).
    fn integer_62(&mut self) -> Result<u64, Error> {
        if self.eat(b'_') {
            return Ok(0);
        }
        let mut x = 0u64;
        while !self.eat(b'_') {
            let digit = match self.next()? {
                c @ b'0'..=b'9' => c - b'0',
                c @ b'a'..=b'z' => 10 + c - b'a',
                c @ b'A'..=b'Z' => 36 + c - b'A',
                _ => return Err(Error::Malformed),
            };
            x = x.wrapping_mul(62).wrapping_add(u64::from(digit));
        }
        Ok(x.wrapping_add(1))
    }

    /// `tag` and a base-62 number, plus one; 0 without the tag.
    fn opt_integer_62(&mut self, tag: u8) -> Result<u64, Error> {
        if !self.eat(tag) {
            return Ok(0);
        }
        Ok(self.integer_62()?.wrapping_add(1))
    }

    fn disambiguator(&mut self) -> Result<u64, Error> {
        self.opt_integer_62(b's')
    }

    /// Lower-case hex digits up to `_`: how many, their value (wrapped to
    /// 64 bits) and where they start.
    fn hex_nibbles(&mut self) -> Result<(usize, u64, usize), Error> {
        let start = self.next;
        let mut value = 0u64;
        while !self.eat(b'_') {
            let nibble = match self.next()? {
                c @ b'0'..=b'9' => c - b'0',
                c @ b'a'..=b'f' => 10 + c - b'a',
                _ => return Err(Error::Malformed),
            };
            value = value << 4 | u64::from(nibble);
        }
        Ok((self.next - 1 - start, value, start))
    }

    fn ident(&mut self) -> Result<Ident<'s>, Error> {
        let is_punycode = self.eat(b'u');
        let first = self.next()?;
        if !first.is_ascii_digit() {
            return Err(Error::Malformed);
        }
        let mut len = usize::from(first - b'0');
        if first != b'0' {
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.next += 1;
                // libiberty's `parse_ident` computes the length in a
                // `size_t` with no check: it wraps, and a length that
                // wraps to one within the symbol is read as that (see
                // `legacy::segment`).
                len = len.wrapping_mul(10).wrapping_add(usize::from(d - b'0'));
            }
        }
        self.eat(b'_');
        let start = self.next;
        let end = start.checked_add(len).filter(|&e| e <= self.sym.len());
        let end = end.ok_or(Error::Truncated)?;
        self.next = end;
        let text = &self.sym[start..end];
        if !is_punycode {
            return Ok(Ident {
                ascii: text,
                punycode: None,
            });
        }
        // The last `_` separates the ASCII part from the insertions.
        let (ascii, insertions) = match text.iter().rposition(|&b| b == b'_') {
            Some(sep) => (&text[..sep], &text[sep + 1..]),
            None => (&b""[..], text),
        };
        if insertions.is_empty() {
            return Err(Error::Malformed);
        }
        Ok(Ident {
            ascii,
            punycode: Some(insertions),
        })
    }

    fn print_ident(&mut self, ident: Ident<'_>) -> Result<(), Error> {
        if self.out.skipping {
            return Ok(());
        }
        match ident.punycode {
            None => self.out.push_ascii(ident.ascii),
            Some(insertions) => match punycode::decode(ident.ascii, insertions)? {
                Some(text) => self.out.push(&text),
                None => Ok(()),
            },
        }
    }

    /// A lifetime by its index: `'_` for 0, else counted from the
    /// innermost binder (`'a`, `'b`, ..., then `'_26`, ...).
    fn lifetime(&mut self, index: u64) -> Result<(), Error> {
        self.out.push("'")?;
        if index == 0 {
            return self.out.push("_");
        }
        let depth = self.bound_lifetimes.wrapping_sub(index);
        if depth < 26 {
            self.out.push_char(char::from(b'a' + depth as u8))
        } else {
            self.out.push("_")?;
            self.out.push_decimal(depth)
        }
    }

    /// An optional binder (`G`) of late-bound lifetimes: `for<'a, 'b> `.
    /// The caller restores `bound_lifetimes` after what it binds.
    fn binder(&mut self) -> Result<(), Error> {
        let count = self.opt_integer_62(b'G')?;
        if count == 0 {
            return Ok(());
        }
        self.out.push("for<")?;
        for i in 0..count {
            self.burn()?;
            if i > 0 {
                self.out.push(", ")?;
            }
            self.bound_lifetimes = self.bound_lifetimes.wrapping_add(1);
            self.lifetime(1)?;
        }
        self.out.push("> ")
    }

    /// Parse with `f` without printing.
    fn unprinted(&mut self, f: impl FnOnce(&mut Self) -> Result<(), Error>) -> Result<(), Error> {
        let was = std::mem::replace(&mut self.out.skipping, true);
        let result = f(self);
        self.out.skipping = was;
        result
    }

    /// Follow a backreference (a position in `sym`) with `f`, unless
    /// nothing is printed, then carry on after it.
    fn backref<R: Default>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<R, Error>,
    ) -> Result<R, Error> {
        let target = self.integer_62()?;
        if self.out.skipping {
            return Ok(R::default());
        }
        let after = self.next;
        self.next = usize::try_from(target).unwrap_or(usize::MAX);
        let result = f(self)?;
        self.next = after;
        Ok(result)
    }

    fn path(&mut self, in_value: bool) -> Result<(), Error> {
        self.enter()?;
        // The symbol's own path: its segments are the name's parts.
        let own = self.marks.is_some() && self.own_depth == self.depth;
        let start = self.out.len();
        let tag = self.next()?;
        match tag {
            b'C' => self.crate_root()?,
            b'N' => self.nested_path(in_value, own)?,
            b'M' | b'X' | b'Y' => self.impl_path(tag, in_value)?,
            b'I' => self.generic_path(in_value, own)?,
            b'B' => {
                if own {
                    self.own_deeper(1);
                }
                self.backref(|d| d.path(in_value))?;
                if own {
                    self.own_deeper(-1);
                }
            }
            _ => return Err(Error::Malformed),
        }
        if own && tag == b'C' {
            self.mark_base(start);
        }
        self.leave();
        Ok(())
    }

    /// `"C" <identifier>`: a crate root, with its disambiguator in brackets
    /// where hashes are shown.
    fn crate_root(&mut self) -> Result<(), Error> {
        let dis = self.disambiguator()?;
        let name = self.ident()?;
        self.print_ident(name)?;
        if self.hashes {
            self.out.push("[")?;
            self.out.push_hex(dis)?;
            self.out.push("]")?;
        }
        Ok(())
    }

    /// `"N" <namespace> <path> <identifier>`: a nested path; an upper-case
    /// namespace is a special one (`{closure#0}`, `{shim:vtable#0}`), a
    /// lower-case one prints `::name`. `own`: a segment of the symbol's own
    /// name.
    fn nested_path(&mut self, in_value: bool, own: bool) -> Result<(), Error> {
        let ns = self.next()?;
        if !ns.is_ascii_alphabetic() {
            return Err(Error::Malformed);
        }
        self.path(in_value)?;
        let dis = self.disambiguator()?;
        let name = self.ident()?;
        let segment = self.out.len() + 2;
        if ns.is_ascii_uppercase() {
            // Closures, shims and other special namespaces.
            self.out.push("::{")?;
            match ns {
                b'C' => self.out.push("closure")?,
                b'S' => self.out.push("shim")?,
                _ => self.out.push_char(char::from(ns))?,
            }
            if !name.is_empty() {
                self.out.push(":")?;
                self.print_ident(name)?;
            }
            self.out.push("#")?;
            self.out.push_decimal(dis)?;
            self.out.push("}")?;
        } else if !name.is_empty() {
            self.out.push("::")?;
            self.print_ident(name)?;
        }
        if own {
            self.mark_base(segment);
        }
        Ok(())
    }

    /// `"M" <impl-path> <type>`, `"X" <impl-path> <type> <path>`, `"Y"
    /// <type> <path>`: an inherent impl `<T>`, a trait impl `<T as
    /// Trait>`, a trait definition; the impl's own path is read, not
    /// printed.
    fn impl_path(&mut self, tag: u8, in_value: bool) -> Result<(), Error> {
        if tag != b'Y' {
            self.disambiguator()?;
            self.unprinted(|d| d.path(in_value))?;
        }
        self.out.push("<")?;
        self.type_()?;
        if tag != b'M' {
            self.out.push(" as ")?;
            self.path(false)?;
        }
        self.out.push(">")
    }

    /// `"I" <path> {<generic-arg>} "E"`: a path with generic arguments
    /// (`::<...>` in a value), read and not printed without them. A generic
    /// function: the path under it has the name.
    fn generic_path(&mut self, in_value: bool, own: bool) -> Result<(), Error> {
        if own {
            self.own_deeper(1);
        }
        self.path(in_value)?;
        if own {
            self.own_deeper(-1);
        }
        if !self.generics {
            return self.unprinted(|d| d.generic_args(false));
        }
        if in_value {
            self.out.push("::")?;
        }
        self.out.push("<")?;
        self.generic_args(own)?;
        self.out.push(">")?;
        if own {
            if let Some(marks) = self.marks.as_deref_mut() {
                marks.end = self.out.len();
            }
        }
        Ok(())
    }

    /// The base name of the symbol's own path: from `start` to here.
    fn mark_base(&mut self, start: usize) {
        if self.out.skipping {
            return;
        }
        let end = self.out.len();
        if let Some(marks) = self.marks.as_deref_mut() {
            marks.base = Some((start.min(end), end));
            marks.end = end;
        }
    }

    /// The symbol's own path is `by` levels deeper (or shallower).
    fn own_deeper(&mut self, by: i32) {
        self.own_depth = self.own_depth.wrapping_add_signed(by);
    }

    /// Generic arguments up to `E`, comma-separated; those of the symbol's
    /// own path (`own`) marked each.
    fn generic_args(&mut self, own: bool) -> Result<(), Error> {
        let mut first = true;
        while !self.eat(b'E') {
            if !first {
                self.out.push(", ")?;
            }
            first = false;
            let start = self.out.len();
            if self.eat(b'L') {
                let index = self.integer_62()?;
                self.lifetime(index)?;
            } else if self.eat(b'K') {
                self.const_()?;
            } else {
                self.type_()?;
            }
            if own && !self.out.skipping {
                let end = self.out.len();
                if let Some(marks) = self.marks.as_deref_mut() {
                    marks.args.push((start, end));
                }
            }
        }
        Ok(())
    }

    /// Types up to `E`, comma-separated; how many.
    fn types(&mut self) -> Result<usize, Error> {
        let mut count = 0;
        while !self.eat(b'E') {
            if count > 0 {
                self.out.push(", ")?;
            }
            self.type_()?;
            count += 1;
        }
        Ok(count)
    }

    fn type_(&mut self) -> Result<(), Error> {
        let tag = self.next()?;
        if let Some(basic) = basic_type(tag) {
            return self.out.push(basic);
        }
        self.enter()?;
        match tag {
            b'R' | b'Q' => {
                self.out.push("&")?;
                if self.eat(b'L') {
                    let index = self.integer_62()?;
                    if index != 0 {
                        self.lifetime(index)?;
                        self.out.push(" ")?;
                    }
                }
                if tag == b'Q' {
                    self.out.push("mut ")?;
                }
                self.type_()?;
            }
            b'P' => {
                self.out.push("*const ")?;
                self.type_()?;
            }
            b'O' => {
                self.out.push("*mut ")?;
                self.type_()?;
            }
            b'A' | b'S' => {
                self.out.push("[")?;
                self.type_()?;
                if tag == b'A' {
                    self.out.push("; ")?;
                    self.const_()?;
                }
                self.out.push("]")?;
            }
            b'T' => {
                self.out.push("(")?;
                if self.types()? == 1 {
                    self.out.push(",")?;
                }
                self.out.push(")")?;
            }
            b'F' => {
                let outer = self.bound_lifetimes;
                self.binder()?;
                if self.eat(b'U') {
                    self.out.push("unsafe ")?;
                }
                if self.eat(b'K') {
                    self.abi()?;
                }
                self.out.push("fn(")?;
                self.types()?;
                self.out.push(")")?;
                if !self.eat(b'u') {
                    self.out.push(" -> ")?;
                    self.type_()?;
                }
                self.bound_lifetimes = outer;
            }
            b'D' => {
                self.out.push("dyn ")?;
                let outer = self.bound_lifetimes;
                self.binder()?;
                let mut first = true;
                while !self.eat(b'E') {
                    if !first {
                        self.out.push(" + ")?;
                    }
                    first = false;
                    self.dyn_trait()?;
                }
                self.bound_lifetimes = outer;
                if !self.eat(b'L') {
                    return Err(Error::Malformed);
                }
                let index = self.integer_62()?;
                if index != 0 {
                    self.out.push(" + ")?;
                    self.lifetime(index)?;
                }
            }
            b'B' => self.backref(|d| d.type_())?,
            _ => {
                // A path names the type: read the tag again as its start.
                self.next -= 1;
                self.path(false)?;
            }
        }
        self.leave();
        Ok(())
    }

    /// `extern "abi" ` of a function type: `C`, or an identifier whose
    /// `-` were mangled as `_`.
    fn abi(&mut self) -> Result<(), Error> {
        let abi = if self.eat(b'C') {
            &b"C"[..]
        } else {
            let ident = self.ident()?;
            if ident.ascii.is_empty() || ident.punycode.is_some() {
                return Err(Error::Malformed);
            }
            ident.ascii
        };
        self.out.push("extern \"")?;
        // libiberty turns each `_` back into `-`, except one right after
        // another it turned.
        let (mut rest, mut i) = (abi, 0);
        while i < rest.len() {
            if rest[i] == b'_' {
                self.out.push_ascii(&rest[..i])?;
                self.out.push("-")?;
                rest = &rest[i + 1..];
                i = 1;
            } else {
                i += 1;
            }
        }
        self.out.push_ascii(rest)?;
        self.out.push("\" ")
    }

    /// One trait of a `dyn`, with its associated types inside its `<...>`.
    fn dyn_trait(&mut self) -> Result<(), Error> {
        let mut open = self.path_maybe_open_generics()?;
        while self.eat(b'p') {
            self.out.push(if open { ", " } else { "<" })?;
            open = true;
            let name = self.ident()?;
            self.print_ident(name)?;
            self.out.push(" = ")?;
            self.type_()?;
        }
        if open {
            self.out.push(">")?;
        }
        Ok(())
    }

    /// A path whose generic arguments are left open (no `>`), so that
    /// associated types can follow them; whether they were.
    fn path_maybe_open_generics(&mut self) -> Result<bool, Error> {
        self.enter()?;
        let open = if self.eat(b'B') {
            self.backref(|d| d.path_maybe_open_generics())?
        } else if self.eat(b'I') {
            self.path(false)?;
            self.out.push("<")?;
            self.generic_args(false)?;
            true
        } else {
            self.path(false)?;
            false
        };
        self.leave();
        Ok(open)
    }

    fn const_(&mut self) -> Result<(), Error> {
        self.enter()?;
        if self.eat(b'B') {
            self.backref(|d| d.const_())?;
            self.leave();
            return Ok(());
        }
        let tag = self.next()?;
        match tag {
            // A placeholder, untyped.
            b'p' => {
                self.out.push("_")?;
                self.leave();
                return Ok(());
            }
            b'h' | b't' | b'm' | b'y' | b'o' | b'j' => self.const_uint()?,
            b'a' | b's' | b'l' | b'x' | b'n' | b'i' => {
                if self.eat(b'n') {
                    self.out.push("-")?;
                }
                self.const_uint()?;
            }
            b'b' => match self.hex_nibbles()? {
                (1, 0, _) => self.out.push("false")?,
                (1, 1, _) => self.out.push("true")?,
                _ => return Err(Error::Malformed),
            },
            b'c' => self.const_char()?,
            _ => return Err(Error::Malformed),
        }
        if self.verbose {
            self.out.push(": ")?;
            self.out.push(basic_type(tag).unwrap_or_default())?;
        }
        self.leave();
        Ok(())
    }

    fn const_uint(&mut self) -> Result<(), Error> {
        match self.hex_nibbles()? {
            (0, _, _) => Err(Error::Malformed),
            // libiberty drops the first digit here (a bug): printed whole.
            (len, _, start) if len > 16 => {
                self.out.push("0x")?;
                self.out.push_ascii(&self.sym[start..start + len])
            }
            (_, value, _) => self.out.push_decimal(value),
        }
    }

    fn const_char(&mut self) -> Result<(), Error> {
        let (len, value, _) = self.hex_nibbles()?;
        if len == 0 || len > 8 {
            return Err(Error::Malformed);
        }
        self.out.push("'")?;
        match value {
            0x09 => self.out.push("\\t")?,
            0x0d => self.out.push("\\r")?,
            0x0a => self.out.push("\\n")?,
            // Printable ASCII, but not space or `~` (libiberty's range).
            0x21..=0x7d => self.out.push_char(char::from(value as u8))?,
            _ => {
                self.out.push("\\u{")?;
                self.out.push_hex(value)?;
                self.out.push("}")?;
            }
        }
        self.out.push("'")
    }
}
