//! `<name>` and its parts (libiberty's `d_name`, `d_nested_name`,
//! `d_prefix`, `d_unqualified_name`, `d_source_name`, `d_local_name`,
//! `d_lambda`, `d_substitution`...): nested and local names, operators,
//! constructors, closures, unnamed types, ABI tags, C++20 modules,
//! substitutions.

use super::encodings::Encodings;
use super::types::Types;
use super::{Grammar, Level, NameInfo, Named, Stop};
use crate::gnu::ast::Qual;
use crate::gnu::lexemes;
use crate::gnu::lookahead::{NameStart, PrefixPart, UnqualifiedStart};
use crate::gnu::tables::{self, StdSubstitution};

/// `name`, just read, as `wrapped` under the qualifiers of a member
/// function's `this` (a `Qual`): no constructor any more, but a function
/// that returns what `name` does.
fn under_this<N>(name: Named<N>, wrapped: N) -> Named<N> {
    Named {
        name: wrapped,
        info: name.info.only(NameInfo::TEMPLATE | NameInfo::RETURNS),
    }
}

/// A name that is none of the kinds [`NameInfo`] tells.
fn plain<N>(name: N) -> Named<N> {
    Named {
        name,
        info: NameInfo::default(),
    }
}

impl<'a, G: Grammar<'a>> Names<'a> for G {}

pub(in crate::gnu) trait Names<'a>: Grammar<'a> {
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

    /// `name` with template arguments `args` (a `Template`): libiberty's
    /// `has_return_type` asks whether the name under them is a
    /// constructor, destructor or conversion (`_ZN1AC2IiEIcEEvT_` is
    /// `void A::A<int><char>(char)`: under a second list it is none).
    fn template(&mut self, name: Named<Self::Name>, args: Self::List) -> Named<Self::Name> {
        Named {
            name: self.template_of(name.name, args),
            info: if name.info.has(NameInfo::CTOR_DTOR) {
                NameInfo::of(NameInfo::TEMPLATE)
            } else {
                NameInfo::of(NameInfo::TEMPLATE | NameInfo::RETURNS)
            },
        }
    }

    /// `prev::name` (a `QualName`): what `name` is, through the scope.
    fn qualified(&mut self, prev: Named<Self::Name>, name: Named<Self::Name>) -> Named<Self::Name> {
        Named {
            name: self.qualified_of(prev.name, name.name),
            info: name.info.only(NameInfo::CTOR_DTOR),
        }
    }

    /// `<nested-name> ::= N [<CV-qualifiers>] [<ref-qualifier>] <prefix> E
    /// | N H <prefix> E` (libiberty `d_nested_name`).
    fn nested_name(&mut self, top: bool) -> Result<Named<Self::Name>, Stop> {
        self.expect(b'N')?;
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
            // GNU prints it after the parameters, through its modifiers.
            self.gives_way()?;
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

    /// An unqualified name that began and failed: libiberty still reads ABI
    /// tags after it; where a caller lets the failure pass (an unresolved
    /// scope, an inheriting constructor's type), it reads on after them, so
    /// they are consumed here as there.
    #[cold]
    fn failed_name<T>(&mut self, stop: Stop) -> Result<T, Stop> {
        if stop == Stop::Invalid {
            while self.eat(b'B') {
                let _ = self.source_name();
            }
        }
        Err(stop)
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

    /// `<operator-name>` as a name (`d_unqualified_name`): `on` before a
    /// conversion operator's type, and a literal operator's suffix name
    /// after `li`. A conversion operator is, to `has_return_type`, what a
    /// constructor is.
    fn operator_as_name(&mut self) -> Result<Named<Self::Name>, Stop> {
        let on = self.peek() == b'o' && self.peek_next() == b'n';
        if on {
            self.advance(2);
        }
        let (op, conversion) = self.operator_name(on)?;
        if let Some(op) = self.literal_operator(op) {
            let name = self.source_name()?;
            return Ok(plain(self.literal_operator_name(op, name)));
        }
        Ok(Named {
            name: op,
            info: if conversion {
                NameInfo::of(NameInfo::CTOR_DTOR)
            } else {
                NameInfo::default()
            },
        })
    }

    /// `<operator-name>`: two letters of the operator table, `cv <type>`
    /// (a conversion, or a cast in an expression), `li <source-name>` (a
    /// literal operator) or `v <digit> <source-name>` (a vendor's)
    /// (libiberty `d_operator_name`); `as_name`: after an `on`. Whether it
    /// is a conversion operator.
    fn operator_name(&mut self, as_name: bool) -> Result<(Self::Name, bool), Stop> {
        let c1 = self.next();
        let c2 = self.next();
        if c1 == b'v' && c2.is_ascii_digit() {
            self.gives_way()?;
            let name = self.source_name()?;
            return Ok((self.vendor_operator(c2 - b'0', name), false));
        }
        if c1 == b'c' && c2 == b'v' {
            self.gives_way()?;
            return self.conversion_operator(as_name);
        }
        match tables::operator([c1, c2]) {
            Some(op) => Ok((self.operator(op)?, false)),
            None => Err(Stop::Invalid),
        }
    }

    /// `<abi-tags> ::= <abi-tag>* ; <abi-tag> ::= B <source-name>` after
    /// `dc` (libiberty `d_abi_tags`), which leave the last name as it was.
    fn abi_tags(&mut self, mut dc: Named<Self::Name>) -> Result<Named<Self::Name>, Stop> {
        let hold_last_name = self.last_name();
        while self.eat(b'B') {
            let tag = self.source_name()?;
            dc = plain(self.abi_tag(dc.name, tag));
        }
        self.set_last_name(hold_last_name);
        Ok(dc)
    }

    /// `<module-name> ::= <module-subname>+`, `<module-subname> ::= W
    /// [P] <source-name>`, each a substitution candidate, under `module`
    /// (libiberty `d_maybe_module_name`).
    fn module_name(&mut self, mut module: Option<Self::Type>) -> Result<Option<Self::Type>, Stop> {
        while self.eat(b'W') {
            self.gives_way()?;
            let mark = self.mark();
            let partition = self.eat(b'P');
            let name = self.source_name()?;
            let id = self.module_part(module, name, partition);
            self.add_sub_type(mark, id, NameInfo::default())?;
            module = Some(id);
        }
        Ok(module)
    }

    /// `<source-name> ::= <(positive length) number> <identifier>`
    /// (libiberty `d_source_name`), which is the last name: one cut short
    /// leaves none (a constructor after it fails: `_ZN1DCI15BEi`, whose
    /// inheriting constructor's type is cut short).
    #[inline(always)]
    fn source_name(&mut self) -> Result<Self::LastName, Stop> {
        let len = self.lexeme(lexemes::number)?;
        if len <= 0 {
            return self.invalid();
        }
        let mut pos = self.pos();
        let name = lexemes::identifier(self.text(), &mut pos, len as usize);
        self.set_pos(pos);
        let id = name.map(|name| self.identifier(name));
        self.set_last_name(id);
        match id {
            Some(id) => Ok(id),
            None => self.invalid(),
        }
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
        let hold = self.closure_begins()?;
        let head = self.template_head()?;
        let params = self.parmlist()?;
        self.expect(b'E')?;
        let number = self.lexeme(lexemes::compact_number)?;
        Ok(Named {
            name: self.closure(hold, head, params, number)?,
            info: NameInfo::of(NameInfo::UNNAMED),
        })
    }

    /// ```text
    /// <substitution> ::= S <seq-id> _ | S_
    ///                ::= St | Sa | Sb | Ss | Si | So | Sd
    /// ```
    /// (libiberty `d_substitution`; in a `prefix`, a standard abbreviation
    /// before a constructor or destructor (`C`, `D`) takes its full name, as
    /// if verbose): what it stands for, and what that is as a name.
    #[inline(always)]
    fn substitution(&mut self, prefix: bool) -> Result<(Self::Type, NameInfo), Stop> {
        let mark = self.mark();
        self.expect(b'S')?;
        let c = self.peek();
        if tables::starts_seq_id(c) {
            return match tables::seq_id(&self.input()[self.pos()..]) {
                Ok((id, read)) => {
                    self.advance(read);
                    self.back_reference(mark, id as usize)
                }
                // A number too large fails where it is; any other failure
                // may be the name cut short.
                Err((read, overflow)) => {
                    self.advance(read);
                    if overflow {
                        Err(Stop::Invalid)
                    } else {
                        self.invalid()
                    }
                }
            };
        }
        self.advance(1);
        let sub = StdSubstitution::of_code(c).ok_or(Stop::Invalid)?;
        let spelling = sub.spelling(self.verbose(), prefix, self.peek());
        if let Some(last) = sub.last_name {
            let last = self.std_last_name(last);
            self.set_last_name(Some(last));
        }
        let mut dc = self.std_abbreviation(spelling);
        if self.peek() == b'B' {
            // With ABI tags the abbreviation becomes a candidate.
            self.gives_way()?;
            let abbreviation = self.type_as_name(dc);
            let tagged = self.abi_tags(plain(abbreviation))?;
            dc = self.name_as_type(tagged.name);
            self.add_sub_type(mark, dc, NameInfo::default())?;
        }
        Ok((dc, NameInfo::default()))
    }
}
