//! The recursive productions of the grammar, each once, named after its
//! rule and the libiberty function it follows: `<mangled-name>` and
//! `<encoding>` (`d_mangled_name`, `d_encoding`, `d_special_name`),
//! `<name>` and its parts (`d_name`, `d_nested_name`, `d_prefix`,
//! `d_unqualified_name`, `d_local_name`, `d_lambda`), and `<type>`
//! (`cplus_demangle_type`) with template arguments (`d_template_args`),
//! literals (`d_expr_primary`) and parameter lists (`d_parmlist`). They
//! call one another, so they are one trait; the productions under them are
//! [`super::terms`].

use super::terms::{plain, under_this, Terms};
use super::{Dimension, Grammar, Level, ListKind, NameInfo, Named, Signature, Stop};
use crate::gnu::ast::{Operand, Qual, Special};
use crate::gnu::lexemes;
use crate::gnu::lookahead::{
    self, Candidate, NameStart, PrefixPart, TemplateArgStart, TypeStart, UnqualifiedStart,
};

impl<'a, G: Grammar<'a>> Productions<'a> for G {}

pub(in crate::gnu) trait Productions<'a>: Grammar<'a> {
    // ----- encodings -----

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
    /// (libiberty `d_special_name`): those of one operand here, and
    /// construction vtables; the others (`Tc`, `TA`, `GR`, `Gr`, `GI`) the
    /// tree's.
    fn special_name(&mut self) -> Result<Self::Name, Stop> {
        if self.input()[self.pos()..].starts_with(b"TC") {
            return self.construction_vtable();
        }
        let third = self.input().get(self.pos() + 2).copied().unwrap_or(0);
        let Some((kind, operand, letters)) =
            Special::of_code([self.peek(), self.peek_next(), third])
        else {
            self.gives_way()?;
            return self.other_special_name();
        };
        self.special_begins(kind)?;
        self.advance(letters);
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
                let encoding = self.encoding(false)?;
                self.name_as_type(encoding)
            }
        };
        Ok(self.special(kind, operand))
    }

    /// `TC <(derived) type> <(offset) number> _ <(base) type>` (libiberty
    /// `d_special_name`): the offset read and not printed, the base type
    /// printed first.
    fn construction_vtable(&mut self) -> Result<Self::Name, Stop> {
        self.construction_vtable_begins()?;
        self.advance(2);
        let derived = self.type_()?;
        let derived = self.printed_later(derived)?;
        if self.lexeme(lexemes::number)? < 0 {
            return self.invalid();
        }
        self.expect(b'_')?;
        let base = self.type_()?;
        Ok(self.construction_vtable_of(derived, base))
    }

    // ----- names -----

    /// `<name>`, one level deeper (libiberty `d_name`); `top`: an
    /// encoding's own name, whose template arguments `T_` refers to.
    fn name(&mut self, top: bool) -> Result<Named<Self::Name>, Stop> {
        self.descend(Level::Name, |g| g.name_inner(top))
    }

    /// ```text
    /// <name> ::= <nested-name> | <local-name>
    ///        ::= <unscoped-template-name> <template-args>
    ///        ::= <unscoped-name> | St <unqualified-name>
    /// ```
    /// (libiberty `d_name`): an unscoped template's name is a candidate, a
    /// back reference is one already.
    fn name_inner(&mut self, top: bool) -> Result<Named<Self::Name>, Stop> {
        let mark = self.mark();
        let (dc, candidate) = match NameStart::of(self.input(), self.pos()) {
            NameStart::Nested => return self.nested_name(top),
            NameStart::Local => return self.local_name(top),
            NameStart::Unnamed => return self.unqualified_name(),
            NameStart::Substitution => {
                // The one-pass printer reads no name that begins with a
                // back reference.
                self.gives_way()?;
                let (sub, info) = self.substitution(false)?;
                match self.as_module(sub) {
                    Some(module) => (self.unqualified_name_in(Some(module))?, true),
                    None => (
                        Named {
                            name: self.type_as_name(sub),
                            info,
                        },
                        false,
                    ),
                }
            }
            NameStart::Std => {
                self.advance(2);
                let std = plain(self.std_scope());
                // d_name reads an `S` after `St` as a substitution, which
                // must be a module's: any other fails where it ends.
                let module = if self.peek() == b'S' {
                    self.gives_way()?;
                    let (sub, _) = self.substitution(false)?;
                    match self.as_module(sub) {
                        Some(module) => Some(module),
                        None => return self.invalid(),
                    }
                } else {
                    None
                };
                let name = self.unqualified_name_in(module)?;
                (self.qualified(std, name), true)
            }
            NameStart::Unscoped => (self.unqualified_name()?, true),
        };
        if self.peek() != b'I' {
            return Ok(dc);
        }
        if candidate {
            self.add_sub_name(mark, dc)?;
        }
        let args = self.template_args(top)?;
        Ok(self.template(dc, args))
    }

    /// `<nested-name> ::= N [<CV-qualifiers>] [<ref-qualifier>] <prefix> E
    /// | N H <prefix> E` (libiberty `d_nested_name`).
    fn nested_name(&mut self, top: bool) -> Result<Named<Self::Name>, Stop> {
        self.expect(b'N')?;
        if matches!(self.peek(), b'H' | b'R' | b'O')
            || lexemes::starts_type_qual(self.input(), self.pos())
        {
            return self.member_function_name(top);
        }
        let ret = self.prefix(true, top)?;
        self.expect(b'E')?;
        Ok(ret)
    }

    /// [`Productions::nested_name`] after `N`, with the qualifiers of a
    /// member function's `this` (out of line: the common names have none).
    #[inline(never)]
    fn member_function_name(&mut self, top: bool) -> Result<Named<Self::Name>, Stop> {
        if self.eat(b'H') {
            self.gives_way()?;
            let prefix = self.prefix(true, top)?;
            self.expect(b'E')?;
            let name = self.ref_qualified(Qual::XobjThis, prefix.name);
            return Ok(under_this(prefix, name));
        }
        let quals = if lexemes::starts_type_qual(self.input(), self.pos()) {
            Some(self.this_qualifiers(top)?)
        } else {
            None
        };
        let ref_qual = match self.peek() {
            b'R' => Some(Qual::ReferenceThis),
            b'O' => Some(Qual::RvalueReferenceThis),
            _ => None,
        };
        if ref_qual.is_some() {
            // GNU prints it after the parameters and their `const`,
            // through its modifiers.
            self.ref_qualifier_begins(top)?;
            self.advance(1);
        }
        let mut ret = self.prefix(true, top)?;
        if let Some(quals) = quals {
            let name = self.this_qualified(quals, ret.name);
            ret = under_this(ret, name);
        }
        if let Some(q) = ref_qual {
            let name = self.ref_qualified(q, ret.name);
            ret = under_this(ret, name);
        }
        self.expect(b'E')?;
        Ok(ret)
    }

    /// `<prefix>` up to `E` (libiberty `d_prefix`): unqualified names and
    /// template arguments; a decltype, a template parameter or a
    /// substitution only first. Each part but the last is a substitution
    /// candidate when `substitutable`.
    #[inline(always)]
    fn prefix(&mut self, substitutable: bool, top: bool) -> Result<Named<Self::Name>, Stop> {
        let mark = self.mark();
        let mut ret: Option<Named<Self::Name>> = None;
        let mut parts = 0;
        loop {
            let part = PrefixPart::of(self.input(), self.pos(), ret.is_none());
            let mut module_entity = false;
            let combined = match part {
                PrefixPart::End => {
                    self.prefix_ends(parts);
                    return ret.ok_or(Stop::Invalid);
                }
                PrefixPart::Decltype => {
                    self.gives_way()?;
                    let ty = self.type_()?;
                    plain(self.type_as_name(ty))
                }
                PrefixPart::TemplateParam => {
                    self.gives_way()?;
                    let param = self.template_param()?;
                    plain(self.type_as_name(param))
                }
                PrefixPart::Unqualified => {
                    self.scope_part(ret.is_none());
                    parts += 1;
                    let dc = self.unqualified_name()?;
                    match ret {
                        None => dc,
                        Some(prev) => self.qualified(prev, dc),
                    }
                }
                PrefixPart::Substitution => {
                    let (sub, info) = self.substitution(true)?;
                    match self.as_module(sub) {
                        Some(module) => {
                            // d_prefix: the name attached to a module from a
                            // substitution is a candidate like any other.
                            module_entity = true;
                            let dc = self.unqualified_name_in(Some(module))?;
                            match ret {
                                None => dc,
                                Some(prev) => self.qualified(prev, dc),
                            }
                        }
                        // GNU takes any other substitution only first in a
                        // prefix, and not as the whole of it.
                        None if ret.is_some() || self.peek() == b'E' => return self.invalid(),
                        None => Named {
                            name: self.as_scope(sub)?,
                            info,
                        },
                    }
                }
                PrefixPart::TemplateArgs => {
                    let Some(prev) = ret else {
                        return self.invalid();
                    };
                    let args = self.template_args(top)?;
                    self.template(prev, args)
                }
                PrefixPart::Initializer => {
                    // The initializer scope of a lambda: nothing to show
                    // (GNU skips an `M` anywhere in a prefix, but a name
                    // must follow it).
                    self.gives_way()?;
                    self.advance(1);
                    if self.peek() == b'E' {
                        return self.invalid();
                    }
                    continue;
                }
                PrefixPart::Invalid => return self.invalid(),
            };
            ret = Some(combined);
            if substitutable && part.makes_candidate(module_entity, self.peek()) {
                self.add_sub_name(mark, combined)?;
            }
        }
    }

    /// ```text
    /// <unqualified-name> ::= [<module-name>] <operator-name> [<abi-tags>]
    ///                    ::= [<module-name>] <ctor-dtor-name> [<abi-tags>]
    ///                    ::= [<module-name>] <source-name> [<abi-tags>]
    ///                    ::= <unnamed-type-name> | <local-source-name>
    ///                    ::= DC <source-name>+ E          # structured binding
    /// ```
    /// (libiberty `d_unqualified_name`).
    #[inline(always)]
    fn unqualified_name(&mut self) -> Result<Named<Self::Name>, Stop> {
        if !self.peek().is_ascii_digit() {
            return self.unqualified_name_in(None);
        }
        // Most names: a source name, in no module, no friend.
        let name = match self.source_name() {
            Ok(id) => plain(self.source(id)),
            Err(stop) => return self.failed_name(stop),
        };
        if self.peek() == b'B' {
            return self.abi_tags(name);
        }
        Ok(name)
    }

    /// An unqualified name, attached to a C++20 module (`W` names, or
    /// `module` from a substitution) if it says so: `name@module`.
    fn unqualified_name_in(
        &mut self,
        module: Option<Self::Type>,
    ) -> Result<Named<Self::Name>, Stop> {
        if module.is_none() && self.peek().is_ascii_digit() {
            return self.unqualified_name();
        }
        let module = self.module_name(module)?;
        // d_unqualified_name: `F` marks a member-like friend (GNU 2.44).
        let friend = self.eat(b'F');
        if friend {
            self.gives_way()?;
        }
        let begun = UnqualifiedStart::of(self.input(), self.pos()).begins_a_name();
        let mut ret = match self.unqualified_name_base() {
            Ok(ret) => ret,
            Err(stop) if begun => return self.failed_name(stop),
            Err(stop) => return Err(stop),
        };
        if let Some(module) = module {
            ret = plain(self.module_entity(ret.name, module));
        }
        if self.peek() == b'B' {
            ret = self.abi_tags(ret)?;
        }
        if friend {
            ret = plain(self.friend(ret.name));
        }
        Ok(ret)
    }

    /// The name proper of an `<unqualified-name>`: a source name, an
    /// operator, a constructor or destructor, a structured binding, a
    /// local source name, a lambda or an unnamed type or enum.
    fn unqualified_name_base(&mut self) -> Result<Named<Self::Name>, Stop> {
        Ok(match UnqualifiedStart::of(self.input(), self.pos()) {
            UnqualifiedStart::Source => {
                let id = self.source_name()?;
                plain(self.source(id))
            }
            UnqualifiedStart::Operator => self.operator_as_name()?,
            UnqualifiedStart::StructuredBinding => {
                self.gives_way()?;
                plain(self.structured_binding()?)
            }
            UnqualifiedStart::CtorDtor => self.ctor_dtor_name()?,
            UnqualifiedStart::LocalSource => {
                // `<local-source-name> ::= L <source-name> [<discriminator>]`
                self.advance(1);
                let id = self.source_name()?;
                let name = self.source(id);
                self.lexeme(lexemes::discriminator)?;
                plain(name)
            }
            UnqualifiedStart::Lambda => self.lambda()?,
            UnqualifiedStart::UnnamedType => {
                // `<unnamed-type-name> ::= Ut [<nonnegative number>] _`
                // (libiberty `d_unnamed_type`).
                self.advance(2);
                let number = self.lexeme(lexemes::compact_number)?;
                Named {
                    name: self.unnamed_type(number)?,
                    info: NameInfo::of(NameInfo::UNNAMED),
                }
            }
            UnqualifiedStart::UnnamedEnum => {
                self.gives_way()?;
                plain(self.unnamed_enum()?)
            }
            UnqualifiedStart::Invalid => return self.invalid(),
        })
    }

    /// `<ctor-dtor-name> ::= C1 | C2 | C3 | C4 | CI1 <type> | CI2 <type>
    /// | D0 | D1 | D2 | D4` (libiberty `d_ctor_dtor_name`), of the last
    /// name.
    fn ctor_dtor_name(&mut self) -> Result<Named<Self::Name>, Stop> {
        let ctor_dtor = |name| Named {
            name,
            info: NameInfo::of(NameInfo::CTOR_DTOR),
        };
        self.last_name().ok_or(Stop::Invalid)?;
        match self.peek() {
            b'C' => {
                let inheriting = self.peek_next() == b'I';
                if inheriting {
                    self.gives_way()?;
                    self.advance(1);
                }
                if !lexemes::is_ctor_code(self.peek_next()) {
                    return self.invalid();
                }
                self.advance(2);
                if inheriting {
                    // The base's type is not printed, nor checked by GNU;
                    // since 2.44 the constructor takes the last name read in
                    // it (`_ZN1DCI11BEi` is `D::B(int)`; d_ctor_dtor_name).
                    match self.type_() {
                        Ok(_) | Err(Stop::Invalid) => {}
                        Err(stop) => return Err(stop),
                    }
                }
                let name = self.last_name().ok_or(Stop::Invalid)?;
                Ok(ctor_dtor(self.ctor_dtor(name, false)))
            }
            b'D' => {
                let name = self.last_name().ok_or(Stop::Invalid)?;
                if !lexemes::is_dtor_code(self.peek_next()) {
                    return self.invalid();
                }
                self.advance(2);
                Ok(ctor_dtor(self.ctor_dtor(name, true)))
            }
            _ => self.invalid(),
        }
    }

    /// ```text
    /// <local-name> ::= Z <(function) encoding> E <(entity) name> [<discriminator>]
    ///              ::= Z <(function) encoding> E s [<discriminator>]
    ///              ::= Z <(function) encoding> E d [<parameter number>] _ <(entity) name>
    /// ```
    /// (libiberty `d_local_name`): the function without its return type.
    fn local_name(&mut self, top: bool) -> Result<Named<Self::Name>, Stop> {
        self.expect(b'Z')?;
        let function = self.descend(Level::Encoding, |g| g.encoding_of(false, true))?;
        self.expect(b'E')?;
        self.local_entity_begins();
        let entity = if self.eat(b's') {
            self.lexeme(lexemes::discriminator)?;
            plain(self.string_literal())
        } else {
            let default_arg = if self.eat(b'd') {
                self.gives_way()?;
                Some(self.lexeme(lexemes::compact_number)?)
            } else {
                None
            };
            let name = self.name(top)?;
            if !name.info.has(NameInfo::UNNAMED) {
                self.lexeme(lexemes::discriminator)?;
            }
            match default_arg {
                Some(number) => plain(self.default_arg(number, name.name)),
                None => name,
            }
        };
        Ok(Named {
            name: self.local_name_of(function, entity.name),
            info: entity.info.without(NameInfo::UNNAMED).with(NameInfo::LOCAL),
        })
    }

    /// `<closure-type-name> ::= Ul [<template-head>] <lambda-sig> E
    /// [<number>] _` (libiberty `d_lambda`; the head since GNU 2.44),
    /// printed `{lambda(params)#N}`.
    fn lambda(&mut self) -> Result<Named<Self::Name>, Stop> {
        self.advance(2);
        let around = self.closure_begins()?;
        let head = match lookahead::starts_template_param_decl(self.input(), self.pos()) {
            true => self.template_head()?,
            false => None,
        };
        let params = self.parmlist()?;
        self.expect(b'E')?;
        let number = self.lexeme(lexemes::compact_number)?;
        Ok(Named {
            name: self.closure(around, head, params, number)?,
            info: NameInfo::of(NameInfo::UNNAMED),
        })
    }

    // ----- types -----

    /// `<type>`, one level deeper (libiberty `d_type`, under the recursion
    /// bound).
    fn type_(&mut self) -> Result<Self::Type, Stop> {
        self.descend(Level::Type, Self::type_inner)
    }

    /// ```text
    /// <type> ::= <builtin-type> | <qualified-type> | <function-type>
    ///        ::= <class-enum-type> | <array-type> | <pointer-to-member-type>
    ///        ::= <template-param> | <template-template-param> <template-args>
    ///        ::= <decltype> | P <type> | R <type> | O <type> | C <type>
    ///        ::= G <type> | U <source-name> [<template-args>] <type>
    ///        ::= <substitution> | Dp <type> | Dv <vector-type> ...
    /// ```
    /// (libiberty `cplus_demangle_type`): the production [`TypeStart`]
    /// chooses, and a substitution candidate where it says, with what it
    /// is as a name.
    #[inline(never)]
    fn type_inner(&mut self) -> Result<Self::Type, Stop> {
        let mark = self.mark();
        let start = TypeStart::of(self.input(), self.pos());
        let mut info = NameInfo::default();
        let ret = match start {
            TypeStart::Qualifiers => self.qualified_type(mark)?,
            TypeStart::Builtin(code) => {
                self.advance(1);
                self.builtin(mark, code)
            }
            TypeStart::Function => self.function_type()?,
            TypeStart::Array => self.array_type()?,
            TypeStart::PointerToMember => self.pointer_to_member_type(mark)?,
            TypeStart::TemplateParam => {
                let param = self.template_param()?;
                if self.peek() == b'I' {
                    // A template template parameter with its arguments,
                    // itself a candidate.
                    self.gives_way()?;
                    self.template_template_args(param)?
                } else {
                    param
                }
            }
            TypeStart::Modified(code) => {
                self.advance(1);
                let inner = self.modified(Self::type_)?;
                self.modifier(mark, code, inner)?
            }
            TypeStart::UnnamedType => {
                let name = self.unqualified_name()?;
                info = name.info;
                self.name_type(mark, name)
            }
            TypeStart::Substitution => {
                let (ret, candidate) = self.substituted_type(mark)?;
                match candidate {
                    Some(name) => info = name,
                    None => return Ok(ret),
                }
                ret
            }
            // A standard abbreviation is read as a `<name>` (d_name), which
            // reads it as a back reference is read here.
            TypeStart::StdName if self.peek_next() != b't' => {
                let (ret, candidate) = self.descend(Level::Name, |g| g.substituted_type(mark))?;
                match candidate {
                    Some(name) => info = name,
                    None => return Ok(ret),
                }
                ret
            }
            TypeStart::StdName | TypeStart::Name => {
                self.class_type_begins()?;
                let name = self.name(false)?;
                info = name.info;
                self.name_type(mark, name)
            }
            TypeStart::PackExpansion => {
                self.advance(2);
                self.pack_expansion(mark, Self::type_)?
            }
            TypeStart::Auto | TypeStart::DecltypeAuto => {
                self.advance(2);
                self.auto(mark, start == TypeStart::DecltypeAuto)
            }
            TypeStart::DBuiltin(code) => {
                self.advance(2);
                self.builtin(mark, code)
            }
            // Vendor types and qualifiers, decltypes, `_BitInt`, `_FloatN`,
            // vector types.
            _ => {
                self.gives_way()?;
                self.other_type(start)?
            }
        };
        if start.candidate() != Candidate::Never {
            self.add_sub_type(mark, ret, info)?;
        }
        Ok(ret)
    }

    /// `<qualified-type> ::= <CV-qualifiers> <type>`, or qualifiers before
    /// a function type, which are its `this`'s (`cplus_demangle_type`'s
    /// `next_is_type_qual` case); the unqualified function type is no
    /// candidate.
    fn qualified_type(&mut self, mark: Self::Mark) -> Result<Self::Type, Stop> {
        let quals = self.cv_qualifiers(false)?;
        let inner = if self.peek() == b'F' {
            self.function_type()?
        } else {
            self.modified(Self::type_)?
        };
        self.qualified_type_of(mark, quals, inner)
    }

    /// A back reference as a type (`cplus_demangle_type`, `case 'S'`), and
    /// what it is as a candidate: only with template arguments after it. A
    /// module from a substitution names the entity that follows (d_name
    /// through d_class_enum_type), which is a candidate, as is its
    /// template.
    fn substituted_type(
        &mut self,
        mark: Self::Mark,
    ) -> Result<(Self::Type, Option<NameInfo>), Stop> {
        let (sub, info) = self.substitution(false)?;
        let (name, in_module) = match self.as_module(sub) {
            Some(module) => (self.unqualified_name_in(Some(module))?, true),
            None if self.peek() != b'I' => return Ok((sub, None)),
            None => (
                Named {
                    name: self.as_scope(sub)?,
                    info,
                },
                false,
            ),
        };
        if self.peek() != b'I' {
            return Ok((self.name_type(mark, name), Some(name.info)));
        }
        if in_module {
            let entity = self.name_type(mark, name);
            self.add_sub_type(mark, entity, name.info)?;
        }
        let args = self.template_args(false)?;
        let template = self.template(name, args);
        Ok((self.name_type(mark, template), Some(template.info)))
    }

    /// `<function-type> ::= [<CV-qualifiers>] [Dx] F [Y] <bare-function-type>
    /// [<ref-qualifier>] E` (libiberty `d_function_type`).
    fn function_type(&mut self) -> Result<Self::Type, Stop> {
        self.descend(Level::FunctionType, |g| {
            g.expect(b'F')?;
            // `Y`: extern "C", not shown.
            g.eat(b'Y');
            // libiberty reads the ref-qualifier and the `E` even where the
            // types failed (d_function_type): a failure stops where
            // libiberty's does (see the tree's `operands`).
            let mut types = g.bare_function_type(true, Signature::FunctionType);
            let qual = match g.peek() {
                b'R' => Some(Qual::ReferenceThis),
                b'O' => Some(Qual::RvalueReferenceThis),
                _ => None,
            };
            if qual.is_some() && matches!(types, Ok(_) | Err(Stop::Invalid)) {
                // GNU prints it after the parameters, through its modifiers.
                g.gives_way()?;
                g.advance(1);
                // d_ref_qualifier makes its qualifier over a NULL type too
                // (d_make_comp allows it for a function's qualifiers): the
                // function type parses, and fails only where it prints
                // (`ZZ1gIiEPFvOEiE1x` is `g<int>(int)::x`, its return
                // type dropped).
                if types.is_err() {
                    types = Ok(g.null_type());
                }
            }
            let mut ret = g.closed_by(types, b'E')?;
            if let Some(qual) = qual {
                ret = g.ref_qualified_type(qual, ret);
            }
            Ok(ret)
        })
    }

    /// `<bare-function-type> ::= [J]<type>+`: the return type first where
    /// `has_return` (or a `J` says so), then the parameters (libiberty
    /// `d_bare_function_type`), in `signature`.
    #[inline(always)]
    fn bare_function_type(
        &mut self,
        mut has_return: bool,
        signature: Signature,
    ) -> Result<Self::Type, Stop> {
        let mark = self.mark();
        if self.eat(b'J') {
            self.gives_way()?;
            has_return = true;
        }
        let ret = if has_return {
            Some(self.return_type(signature, Self::type_)?)
        } else {
            None
        };
        let params = self.parmlist()?;
        Ok(self.function_of(mark, signature, ret, params))
    }

    /// `<type>+` of a parameter list (libiberty `d_parmlist`), up to `E`,
    /// `.` or the end; a lone `void` is none.
    fn parmlist(&mut self) -> Result<Self::List, Stop> {
        let mut list = self.list_begins(ListKind::Parameters)?;
        while !lexemes::ends_parameters(self.input(), self.pos()) {
            self.list_item_begins(&mut list)?;
            let ty = self.type_()?;
            self.list_item_ends(&mut list, ty);
        }
        self.list_ends(list)
    }

    /// `<array-type> ::= A <positive dimension number> _ <type>
    ///              ::= A [<dimension expression>] _ <type>` (libiberty
    /// `d_array_type`).
    fn array_type(&mut self) -> Result<Self::Type, Stop> {
        let mark = self.mark();
        self.expect(b'A')?;
        let peek = self.peek();
        let dim = if peek == b'_' {
            Dimension::None
        } else if peek.is_ascii_digit() {
            let start = self.pos();
            while self.peek().is_ascii_digit() {
                self.advance(1);
            }
            let digits = &self.text()[start..self.pos()];
            Dimension::Number(self.array_dimension(digits), digits)
        } else {
            self.gives_way()?;
            Dimension::Expression(self.expression()?)
        };
        self.expect(b'_')?;
        let element = self.modified(Self::type_)?;
        self.array_of(mark, dim, element)
    }

    /// `<pointer-to-member-type> ::= M <(class) type> <(member) type>`
    /// (libiberty `d_pointer_to_member_type`): the member's type printed
    /// with the pointer pending over it (`d_print_mod`).
    fn pointer_to_member_type(&mut self, mark: Self::Mark) -> Result<Self::Type, Stop> {
        self.expect(b'M')?;
        let class = self.type_()?;
        let class = self.printed_later(class)?;
        let member = self.modified(Self::type_)?;
        self.pointer_to_member(mark, class, member)
    }

    /// `<template-param> ::= T_ | T <number> _` (libiberty
    /// `d_template_param`; `TL` and the lambda forms are
    /// `d_template_parm`'s).
    #[inline]
    fn template_param(&mut self) -> Result<Self::Type, Stop> {
        let mark = self.mark();
        self.expect(b'T')?;
        let n = self.lexeme(lexemes::compact_number)?;
        self.template_param_of(mark, n)
    }

    /// `<template-args> ::= I <template-arg>+ [Q <requires-clause expr>] E`
    /// (libiberty `d_template_args`); `top`: an encoding's own name's.
    fn template_args(&mut self, top: bool) -> Result<Self::List, Stop> {
        if !matches!(self.peek(), b'I' | b'J') {
            return self.invalid();
        }
        self.advance(1);
        self.template_args_1(ListKind::TemplateArgs { top })
    }

    /// The arguments after `I` (libiberty `d_template_args_1`), or a
    /// pack's after `J`.
    fn template_args_1(&mut self, kind: ListKind) -> Result<Self::List, Stop> {
        // The arguments must not change the name a later constructor takes.
        let hold_last_name = self.last_name();
        if self.eat(b'E') {
            return self.empty_list(kind);
        }
        let top = match kind {
            ListKind::TemplateArgs { top } | ListKind::Pack { top } => top,
            ListKind::Parameters => false,
        };
        let mut list = self.list_begins(kind)?;
        loop {
            self.list_item_begins(&mut list)?;
            let arg = self.template_arg(top)?;
            self.list_item_ends(&mut list, arg);
            if matches!(self.peek(), b'E' | b'Q') {
                break;
            }
        }
        let mut args = self.list_ends(list)?;
        // `Q <constraint-expression>` (d_maybe_constraints, GNU 2.44).
        if self.eat(b'Q') {
            self.gives_way()?;
            let expr = self.expression()?;
            args = self.constraints(args, expr);
        }
        self.expect(b'E')?;
        self.set_last_name(hold_last_name);
        Ok(args)
    }

    /// ```text
    /// <template-arg> ::= <type> | X <expression> E | <expr-primary>
    ///                ::= J <template-arg>* E       # argument pack
    /// ```
    /// (libiberty `d_template_arg`).
    #[inline]
    fn template_arg(&mut self, top: bool) -> Result<Self::Type, Stop> {
        match TemplateArgStart::of(self.input(), self.pos()) {
            TemplateArgStart::Expression => {
                self.advance(1);
                let e = self.expression();
                self.closed_by(e, b'E')
            }
            TemplateArgStart::Literal => self.expr_primary(),
            // `J <template-arg>* E`, or the older `I` form of G++ before
            // 4.5 (d_template_arg reads both alike).
            TemplateArgStart::Pack => {
                let mark = self.mark();
                self.advance(1);
                let pack = self.template_args_1(ListKind::Pack { top })?;
                Ok(self.pack_arg(mark, pack))
            }
            TemplateArgStart::Type => self.type_(),
        }
    }

    /// ```text
    /// <expr-primary> ::= L <type> <(value) number> E
    ///                ::= L <type> <(value) float> E
    ///                ::= L <mangled-name> E
    /// ```
    /// (libiberty `d_expr_primary`).
    fn expr_primary(&mut self) -> Result<Self::Type, Stop> {
        let mark = self.mark();
        self.expect(b'L')?;
        if matches!(self.peek(), b'_' | b'Z') {
            return self.mangled_literal();
        }
        let ty = self.literal_type(Self::type_)?;
        if self.is_nullptr(ty) && self.eat(b'E') {
            return Ok(ty);
        }
        let negative = self.eat(b'n');
        let start = self.pos();
        while self.peek() != b'E' {
            if self.peek() == 0 {
                return self.invalid();
            }
            self.advance(1);
        }
        // GNU makes no name of nothing: a literal needs a value. It
        // fails after its `E`, which d_expr_primary reads all the same
        // (a dropped initializer goes on from there).
        if self.pos() == start {
            self.advance(1);
            return self.invalid();
        }
        let value = &self.text()[start..self.pos()];
        let ret = self.literal(mark, ty, negative, value);
        self.expect(b'E')?;
        Ok(ret)
    }

    /// `L <mangled-name> E` after its `L`: `_Z <encoding> E`, or `Z
    /// <encoding> E` as an older g++ wrote it (d_expr_primary, and
    /// `cplus_demangle_mangled_name` below the top level). Out of line:
    /// the literals of the hot paths are numbers.
    #[inline(never)]
    fn mangled_literal(&mut self) -> Result<Self::Type, Stop> {
        let name = self.literal_name();
        self.closed_by(name, b'E')
    }
}
