//! `<mangled-name>` and `<encoding>` (libiberty's `d_mangled_name`,
//! `d_encoding`, `d_clone_suffix`), and the special names that name a
//! type, a name or an encoding (`d_special_name`).

use super::names::Names;
use super::types::Types;
use super::{Grammar, Level, NameInfo, Signature, Stop};
use crate::gnu::ast::{Operand, Special};
use crate::gnu::lexemes;
use crate::gnu::lookahead;

impl<'a, G: Grammar<'a>> Encodings<'a> for G {}

pub(in crate::gnu) trait Encodings<'a>: Grammar<'a> {
    /// `<mangled-name> ::= _Z <encoding> [<clone-suffix>]*` (libiberty
    /// `d_mangled_name`): clone suffixes only at the top level and with
    /// parameters, as libiberty takes them.
    #[inline]
    fn mangled_name(&mut self, top_level: bool) -> Result<Self::Name, Stop> {
        // Below the top level the `_` may be missing (an old g++ bug).
        if !self.eat(b'_') && top_level {
            return self.invalid();
        }
        self.expect(b'Z')?;
        let mut encoding = self.encoding(top_level)?;
        if top_level && self.params() {
            // `<clone-suffix> ::= [ . <clone-type-identifier> ] [ . <nonnegative
            // number> ]*` (libiberty `d_clone_suffix`): `.cold`, `.isra.0`,
            // `.constprop.1`, `.llvm.123`.
            while lexemes::starts_clone_suffix(self.input(), self.pos()) {
                let start = self.pos();
                let end = lexemes::clone_suffix_end(self.input(), start);
                self.set_pos(end);
                encoding = self.clone_suffix(encoding, &self.text()[start..end]);
            }
        }
        Ok(encoding)
    }

    /// `<encoding>`, one level deeper (libiberty `d_encoding`).
    fn encoding(&mut self, top_level: bool) -> Result<Self::Name, Stop> {
        let dc = self.descend(Level::Encoding, |g| g.encoding_of(top_level, false))?;
        Ok(self.encoding_read(dc))
    }

    /// ```text
    /// <encoding> ::= <(function) name> <bare-function-type>
    ///            ::= <(data) name>
    ///            ::= <special-name>
    /// ```
    /// (libiberty `d_encoding`): a function's return type is read where
    /// its name is a template that is no constructor, destructor or
    /// conversion; `in_local_name`: the function of a local name, whose
    /// return type is not printed.
    fn encoding_of(&mut self, top: bool, in_local_name: bool) -> Result<Self::Name, Stop> {
        if lookahead::starts_special_name(self.input(), self.pos()) {
            return self.special_name();
        }
        let frame = self.encoding_begins()?;
        let mark = self.mark();
        let name = self.name(true)?;
        let ret = if let Some(without) = self.without_params(top, name) {
            without
        } else if matches!(self.peek(), 0 | b'E') {
            // A variable: its name alone.
            self.variable(name, top)?
        } else {
            // Clang's `Ua9enable_if <template-args>` after the name (GNU
            // 2.47 refuses it): printed after the function as LLVM 19
            // prints it, ` [enable_if:...]` (ItaniumDemangle
            // parseEncoding).
            let enable_if = if self.input()[self.pos()..].starts_with(b"Ua9enable_if") {
                self.gives_way()?;
                self.advance(12);
                Some(self.template_args(false)?)
            } else {
                None
            };
            self.signature_begins(name.info);
            let signature = Signature::Encoding {
                entity_local: !top && name.info.has(NameInfo::LOCAL),
                in_local_name,
            };
            let mut ftype = self.bare_function_type(name.info.has(NameInfo::RETURNS), signature)?;
            // A trailing requires-clause (d_encoding's d_maybe_constraints).
            if self.eat(b'Q') {
                self.gives_way()?;
                let expr = self.expression()?;
                ftype = self.function_constraints(ftype, expr);
            }
            let typed = self.typed_name(mark, name, ftype)?;
            match enable_if {
                Some(args) => self.with_enable_if(typed, args),
                None => typed,
            }
        };
        self.encoding_ends(frame);
        Ok(ret)
    }

    /// ```text
    /// <special-name> ::= TV <type> | TT <type> | TI <type> | TS <type>
    ///                ::= TF <type> | TJ <type> | TH <name> | TW <name>
    ///                ::= Th <call-offset> <encoding> | Tv <call-offset> <encoding>
    ///                ::= GV <name> | GA <encoding> ...
    /// ```
    /// (libiberty `d_special_name`): those of one operand here, the others
    /// (`Tc`, `TC`, `TA`, `GR`, `Gr`, `GI`, `GT`) the tree's.
    fn special_name(&mut self) -> Result<Self::Name, Stop> {
        let Some((kind, operand)) = Special::of_code([self.peek(), self.peek_next()]) else {
            self.gives_way()?;
            return self.other_special_name();
        };
        self.special_begins(kind)?;
        self.advance(2);
        let operand = match operand {
            Operand::Type => self.type_()?,
            Operand::Name => {
                let name = self.name(false)?;
                self.name_as_type(name.name)
            }
            Operand::OffsetEncoding(c) => {
                // `<call-offset> ::= h <nv-offset> _ | v <v-offset> _`,
                // read and not printed (libiberty `d_call_offset`).
                let mut pos = self.pos();
                let offset = lexemes::call_offset(self.input(), &mut pos, c);
                self.set_pos(pos);
                if offset.is_none() {
                    return self.invalid();
                }
                let encoding = self.encoding(false)?;
                self.name_as_type(encoding)
            }
            Operand::Encoding => {
                self.gives_way()?;
                let encoding = self.encoding(false)?;
                self.name_as_type(encoding)
            }
        };
        Ok(self.special(kind, operand))
    }
}
