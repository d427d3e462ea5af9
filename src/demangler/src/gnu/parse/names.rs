//! `<name>` and its parts (libiberty's `d_name`, `d_nested_name`, `d_prefix`,
//! `d_unqualified_name`, `d_source_name`, `d_local_name`, `d_lambda`,
//! `d_substitution`...): nested and local names, C++20 modules, operators,
//! constructors, lambdas and unnamed types, substitutions.

use super::*;
use crate::gnu::lookahead::{NameStart, PrefixPart, UnqualifiedStart};

impl<'a> Parser<'a> {
    /// `<name>`, one level deeper (libiberty `d_name`).
    pub(super) fn name(&mut self) -> R {
        self.descend(Self::name_inner)
    }

    /// ```text
    /// <name> ::= <nested-name> | <local-name>
    ///        ::= <unscoped-template-name> <template-args>
    ///        ::= <unscoped-name> | St <unqualified-name>
    /// ```
    /// (libiberty `d_name`).
    pub(super) fn name_inner(&mut self) -> R {
        let (dc, candidate) = match NameStart::of(self.input, self.pos) {
            NameStart::Nested => return self.nested_name(),
            NameStart::Local => return self.local_name(),
            NameStart::Unnamed => return self.unqualified_name(),
            NameStart::Substitution => {
                let sub = self.substitution(false)?;
                if let Node::ModuleName(..) = self.node(sub) {
                    (self.unqualified_name_in(Some(sub))?, true)
                } else {
                    (sub, false)
                }
            }
            NameStart::Std => {
                self.advance(2);
                let std = self.add(Node::Name("std"));
                // d_name reads an `S` after `St` as a substitution, which
                // must be a module's: any other fails where it ends.
                let module = if self.peek() == b'S' {
                    let sub = self.substitution(false)?;
                    if !matches!(self.node(sub), Node::ModuleName(..)) {
                        return self.invalid();
                    }
                    Some(sub)
                } else {
                    None
                };
                let name = self.unqualified_name_in(module)?;
                (self.add(Node::QualName(std, name)), true)
            }
            NameStart::Unscoped => (self.unqualified_name()?, true),
        };
        if self.peek() != b'I' {
            return Ok(dc);
        }
        // An unscoped template name is a substitution candidate; a
        // substitution is one already.
        if candidate {
            self.add_sub(dc)?;
        }
        let args = self.template_args()?;
        Ok(self.add(Node::Template(dc, args)))
    }

    /// `<nested-name> ::= N [<CV-qualifiers>] [<ref-qualifier>] <prefix> E
    /// | N H <prefix> E` (libiberty `d_nested_name`).
    pub(super) fn nested_name(&mut self) -> R {
        self.expect(b'N')?;
        if self.eat(b'H') {
            let prefix = self.prefix(true)?;
            self.expect(b'E')?;
            return Ok(self.add(Node::Qual(Qual::XobjThis, prefix, None)));
        }
        let quals = self.cv_qualifiers(true)?;
        let ref_qual = match self.peek() {
            b'R' => Some(Qual::ReferenceThis),
            b'O' => Some(Qual::RvalueReferenceThis),
            _ => None,
        };
        if ref_qual.is_some() {
            self.advance(1);
        }
        let mut ret = self.prefix(true)?;
        ret = self.wrap_quals(quals, ret);
        if let Some(q) = ref_qual {
            ret = self.add(Node::Qual(q, ret, None));
        }
        self.expect(b'E')?;
        Ok(ret)
    }

    /// `<prefix>` up to `E` (libiberty `d_prefix`): unqualified names and
    /// template arguments; a decltype, a template parameter or a
    /// substitution only first. Each part but the last is a substitution
    /// candidate when `substitutable`.
    pub(super) fn prefix(&mut self, substitutable: bool) -> R {
        let mut ret: Option<Id> = None;
        loop {
            let part = PrefixPart::of(self.input, self.pos, ret.is_none());
            let mut template = false;
            let mut module_name = false;
            let dc = match part {
                PrefixPart::End => return ret.ok_or(Stop::Invalid),
                PrefixPart::Decltype => self.type_()?,
                PrefixPart::Unqualified => self.unqualified_name()?,
                PrefixPart::Substitution => {
                    let sub = self.substitution(true)?;
                    match self.node(sub) {
                        Node::ModuleName(..) => {
                            // d_prefix: the name attached to a module from a
                            // substitution is a candidate like any other.
                            module_name = true;
                            self.unqualified_name_in(Some(sub))?
                        }
                        // GNU takes any other substitution only first in a
                        // prefix, and not as the whole of it.
                        _ if ret.is_some() || self.peek() == b'E' => return self.invalid(),
                        _ => sub,
                    }
                }
                PrefixPart::TemplateArgs => {
                    template = true;
                    self.template_args()?
                }
                PrefixPart::TemplateParam => self.template_param()?,
                PrefixPart::Initializer => {
                    // The initializer scope of a lambda: nothing to show
                    // (GNU skips an `M` anywhere in a prefix, but a name
                    // must follow it).
                    self.advance(1);
                    if self.peek() == b'E' {
                        return self.invalid();
                    }
                    continue;
                }
                PrefixPart::Invalid => return self.invalid(),
            };
            let combined = match ret {
                None => dc,
                Some(prev) if template => self.add(Node::Template(prev, dc)),
                Some(prev) => self.add(Node::QualName(prev, dc)),
            };
            ret = Some(combined);
            if substitutable && part.makes_candidate(module_name, self.peek()) {
                self.add_sub(combined)?;
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
    pub(super) fn unqualified_name(&mut self) -> R {
        self.unqualified_name_in(None)
    }

    /// An unqualified name, attached to a C++20 module (`W` names, or
    /// `module` from a substitution) if it says so: `name@module`.
    pub(super) fn unqualified_name_in(&mut self, module: Option<Id>) -> R {
        let (module, friend, begun, ret) = if module.is_none() && self.peek().is_ascii_digit() {
            // Most names: a source name, in no module, no friend.
            (None, false, true, self.source_name())
        } else {
            let module = self.module_name(module)?;
            // d_unqualified_name: `F` marks a member-like friend (GNU 2.44).
            let friend = self.eat(b'F');
            let begun = UnqualifiedStart::of(self.input, self.pos).begins_a_name();
            (module, friend, begun, self.unqualified_name_base())
        };
        if ret == Err(Stop::Invalid) && begun {
            // libiberty still reads ABI tags after a name that failed; where
            // a caller lets the failure pass (an unresolved scope, an
            // inheriting constructor's type), it reads on after them, so
            // they are consumed here as there.
            while self.eat(b'B') {
                let _ = self.source_name();
            }
        }
        let mut ret = ret?;
        if let Some(module) = module {
            ret = self.add(Node::ModuleEntity(ret, module));
        }
        if self.peek() == b'B' {
            ret = self.abi_tags(ret)?;
        }
        if friend {
            ret = self.add(Node::Friend(ret));
        }
        Ok(ret)
    }

    /// The name proper of an `<unqualified-name>`: a source name, an
    /// operator, a constructor or destructor, a structured binding, a
    /// local source name, a lambda or an unnamed type or enum.
    pub(super) fn unqualified_name_base(&mut self) -> R {
        Ok(match UnqualifiedStart::of(self.input, self.pos) {
            UnqualifiedStart::Source => self.source_name()?,
            UnqualifiedStart::Operator => self.operator_as_name()?,
            UnqualifiedStart::StructuredBinding => self.structured_binding()?,
            UnqualifiedStart::CtorDtor => self.ctor_dtor_name()?,
            UnqualifiedStart::LocalSource => {
                self.advance(1);
                let name = self.source_name()?;
                self.discriminator()?;
                name
            }
            UnqualifiedStart::Lambda => self.lambda()?,
            UnqualifiedStart::UnnamedType => self.unnamed_type()?,
            UnqualifiedStart::UnnamedEnum => self.unnamed_enum()?,
            UnqualifiedStart::Invalid => return self.invalid(),
        })
    }

    /// `<operator-name>` as a name (`d_unqualified_name`): `on` before a
    /// conversion operator's type, and a literal operator's suffix name
    /// after `li`.
    fn operator_as_name(&mut self) -> R {
        let was_expression = self.is_expression;
        if self.peek() == b'o' && self.peek_next() == b'n' {
            self.advance(2);
            // `on cv` names a conversion operator.
            self.is_expression = false;
        }
        let op = self.operator_name();
        self.is_expression = was_expression;
        let op = op?;
        Ok(match self.node(op) {
            Node::Operator(i) if tables::operator_info(i).code == *b"li" => {
                let name = self.source_name()?;
                self.add(Node::Unary(op, name))
            }
            _ => op,
        })
    }

    /// `DC <source-name>+ E`: a structured binding's names.
    fn structured_binding(&mut self) -> R {
        self.advance(2);
        let mut names = Vec::new();
        loop {
            names.push(self.source_name()?);
            if self.peek() == b'E' {
                break;
            }
        }
        self.advance(1);
        let mut next = None;
        for &name in names.iter().rev() {
            next = Some(self.add(Node::StructuredBinding(name, next)));
        }
        next.ok_or(Stop::Invalid)
    }

    /// `<module-name> ::= <module-subname>+`, `<module-subname> ::= W
    /// [P] <source-name>`, each a substitution candidate, under `module`
    /// (libiberty `d_maybe_module_name`).
    pub(super) fn module_name(&mut self, mut module: Option<Id>) -> Result<Option<Id>, Stop> {
        while self.eat(b'W') {
            let partition = self.eat(b'P');
            let name = self.source_name()?;
            let id = self.add(Node::ModuleName(module, name, partition));
            self.add_sub(id)?;
            module = Some(id);
        }
        Ok(module)
    }

    /// `<abi-tags> ::= <abi-tag>* ; <abi-tag> ::= B <source-name>` around
    /// `dc` (libiberty `d_abi_tags`).
    pub(super) fn abi_tags(&mut self, mut dc: Id) -> R {
        let hold_last_name = self.last_name;
        while self.eat(b'B') {
            let tag = self.source_name()?;
            dc = self.add(Node::TaggedName(dc, tag));
        }
        self.last_name = hold_last_name;
        Ok(dc)
    }

    /// `<source-name> ::= <(positive length) number> <identifier>`
    /// (libiberty `d_source_name`).
    pub(super) fn source_name(&mut self) -> R {
        let len = self.number()?;
        if len <= 0 {
            return self.invalid();
        }
        // A name cut short leaves no last name (d_source_name sets it to
        // what d_identifier gave): a constructor after it fails
        // (`_ZN1DCI15BEi`, whose inheriting constructor's type is cut short).
        let id = self.identifier(len as usize);
        self.last_name = id.ok();
        let id = id?;
        // A Java name may end in a `$` (a C++ keyword) that its length
        // leaves out (d_identifier).
        if self.java && self.peek() == b'$' {
            self.advance(1);
        }
        Ok(id)
    }

    /// `<identifier>` of `len` bytes ([`lexemes::identifier`]).
    pub(super) fn identifier(&mut self, len: usize) -> R {
        match lexemes::identifier(self.text, &mut self.pos, len) {
            Some(name) => Ok(self.add(Node::Name(name))),
            None => self.invalid(),
        }
    }

    /// A decimal number ([`lexemes::number`]).
    pub(super) fn number(&mut self) -> Result<i64, Stop> {
        self.lexeme(lexemes::number)
    }

    /// `_` for 0, or `<number> _` for number + 1
    /// ([`lexemes::compact_number`]).
    pub(super) fn compact_number(&mut self) -> Result<u32, Stop> {
        self.lexeme(lexemes::compact_number)
    }

    /// `<discriminator>`, read and not printed ([`lexemes::discriminator`]).
    pub(super) fn discriminator(&mut self) -> Result<(), Stop> {
        self.lexeme(lexemes::discriminator)
    }

    /// `<ctor-dtor-name> ::= C1 | C2 | C3 | C4 | CI1 <type> | CI2 <type>
    /// | D0 | D1 | D2 | D4` (libiberty `d_ctor_dtor_name`).
    pub(super) fn ctor_dtor_name(&mut self) -> R {
        self.last_name.ok_or(Stop::Invalid)?;
        match self.peek() {
            b'C' => {
                let inheriting = self.peek_next() == b'I';
                if inheriting {
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
                let name = self.last_name.ok_or(Stop::Invalid)?;
                Ok(self.add(Node::Ctor(name)))
            }
            b'D' => {
                let name = self.last_name.ok_or(Stop::Invalid)?;
                if !lexemes::is_dtor_code(self.peek_next()) {
                    return self.invalid();
                }
                self.advance(2);
                Ok(self.add(Node::Dtor(name)))
            }
            _ => self.invalid(),
        }
    }

    /// `<operator-name>`: two letters of the operator table, `cv <type>`
    /// (conversion), `li <source-name>` (literal) or `v <digit>
    /// <source-name>` (vendor) (libiberty `d_operator_name`).
    pub(super) fn operator_name(&mut self) -> R {
        let c1 = self.next();
        let c2 = self.next();
        if c1 == b'v' && c2.is_ascii_digit() {
            let name = self.source_name()?;
            return Ok(self.add(Node::ExtendedOperator(c2 - b'0', name)));
        }
        if c1 == b'c' && c2 == b'v' {
            let was_conversion = self.is_conversion;
            self.is_conversion = !self.is_expression;
            let ty = self.type_();
            let conversion = self.is_conversion;
            self.is_conversion = was_conversion;
            let ty = ty?;
            return Ok(self.add(if conversion {
                Node::Conversion(ty)
            } else {
                Node::Cast(ty)
            }));
        }
        let op = tables::operator([c1, c2]).ok_or(Stop::Invalid)?;
        Ok(self.add(Node::Operator(op)))
    }

    /// ```text
    /// <local-name> ::= Z <(function) encoding> E <(entity) name> [<discriminator>]
    ///              ::= Z <(function) encoding> E s [<discriminator>]
    ///              ::= Z <(function) encoding> E d [<parameter number>] _ <(entity) name>
    /// ```
    /// (libiberty `d_local_name`).
    pub(super) fn local_name(&mut self) -> R {
        self.expect(b'Z')?;
        // The encoding before its requires-clause moves (see below).
        let function = self.descend(|p| p.encoding_inner(false))?;
        self.expect(b'E')?;
        let name = if self.eat(b's') {
            self.discriminator()?;
            self.add(Node::Name(tables::STRING_LITERAL))
        } else {
            let default_arg = if self.eat(b'd') {
                Some(self.compact_number()?)
            } else {
                None
            };
            let name = self.name()?;
            if !matches!(self.node(name), Node::Lambda(..) | Node::UnnamedType(_)) {
                self.discriminator()?;
            }
            match default_arg {
                Some(num) => self.add(Node::DefaultArg(num, name)),
                None => name,
            }
        };
        // The containing function's return type would read as the local
        // entity's: it is dropped.
        if let Node::TypedName(_, ftype) = self.node(function) {
            if let Node::FunctionType(_, args) = self.node(ftype) {
                self.nodes[ftype as usize] = Node::FunctionType(None, args);
            }
        }
        let function = self.move_template_constraints(function);
        Ok(self.add(Node::LocalName(function, name)))
    }

    /// `<closure-type-name> ::= Ul [<template-head>] <lambda-sig> E
    /// [<number>] _` (libiberty `d_lambda`; the head since GNU 2.44).
    pub(super) fn lambda(&mut self) -> R {
        self.advance(2);
        let head = self.template_head()?;
        let mut params = self.parmlist()?;
        if let Some(first) = head {
            params = self.add(Node::TemplateHead(first, Some(params)));
        }
        self.expect(b'E')?;
        let num = self.compact_number()?;
        Ok(self.add(Node::Lambda(params, num)))
    }

    /// `<template-head> ::= <template-param-decl>+`: the first declaration,
    /// each linked to the next, or none (libiberty `d_template_head`).
    pub(super) fn template_head(&mut self) -> Result<Option<Id>, Stop> {
        let mut decls = Vec::new();
        while let Some(decl) = self.template_param_decl()? {
            decls.push(decl);
        }
        // Linked from the last, so that each holds its successor.
        let mut next = None;
        for decl in decls.into_iter().rev() {
            next = Some(self.link_param_decl(decl, next));
        }
        Ok(next)
    }

    /// `<template-param-decl> ::= Ty | Tn <type> | Tt <template-head> E |
    /// Tp <template-param-decl>` (libiberty `d_template_parm`); `None` where
    /// the next is not one (`T_` is a parameter reference).
    pub(super) fn template_param_decl(&mut self) -> Result<Option<Node<'a>>, Stop> {
        if self.peek() != b'T' {
            return Ok(None);
        }
        let decl = match self.peek_next() {
            b'y' => {
                self.advance(2);
                Node::TypeParm(None)
            }
            b'n' => {
                self.advance(2);
                Node::NonTypeParm(self.type_()?, None)
            }
            b't' => {
                self.advance(2);
                let head = self.template_head()?.ok_or(Stop::Invalid)?;
                self.expect(b'E')?;
                let head = self.add(Node::TemplateHead(head, None));
                Node::TemplateTemplateParm(head, None)
            }
            b'p' => {
                self.advance(2);
                let inner = self.template_param_decl()?.ok_or(Stop::Invalid)?;
                let inner = self.link_param_decl(inner, None);
                Node::PackParm(inner, None)
            }
            _ => return Ok(None),
        };
        Ok(Some(decl))
    }

    /// A parameter declaration, added with `next` as its successor.
    pub(super) fn link_param_decl(&mut self, decl: Node<'a>, next: Option<Id>) -> Id {
        self.add(match decl {
            Node::TypeParm(_) => Node::TypeParm(next),
            Node::NonTypeParm(ty, _) => Node::NonTypeParm(ty, next),
            Node::TemplateTemplateParm(head, _) => Node::TemplateTemplateParm(head, next),
            Node::PackParm(inner, _) => Node::PackParm(inner, next),
            other => other,
        })
    }

    /// `Ue <underlying type> <source-name>`: an unnamed enum (GNU 2.46,
    /// libiberty `d_unnamed_enum`), a substitution candidate. libiberty
    /// checks neither part: one that fails to parse is NULL, which fails
    /// only where the enum is printed, and what follows is read from where
    /// that part stopped.
    pub(super) fn unnamed_enum(&mut self) -> R {
        self.advance(2);
        let underlying = self.or_null(Self::type_)?;
        let name = self.or_null(Self::source_name)?;
        let id = self.add(Node::UnnamedEnum(underlying, name));
        self.add_sub(id)?;
        Ok(id)
    }

    /// `<unnamed-type-name> ::= Ut [<nonnegative number>] _` (libiberty
    /// `d_unnamed_type`).
    pub(super) fn unnamed_type(&mut self) -> R {
        self.advance(2);
        let num = self.compact_number()?;
        Ok(self.add(Node::UnnamedType(num)))
    }

    /// ```text
    /// <substitution> ::= S <seq-id> _ | S_
    ///                ::= St | Sa | Sb | Ss | Si | So | Sd
    /// ```
    /// (libiberty `d_substitution`; in a `prefix`, a standard abbreviation
    /// before a constructor or destructor (`C`, `D`) takes its full name, as
    /// if verbose.)
    pub(super) fn substitution(&mut self, prefix: bool) -> R {
        self.expect(b'S')?;
        let c = self.peek();
        if tables::starts_seq_id(c) {
            return match tables::seq_id(&self.input[self.pos..]) {
                Ok((id, read)) => {
                    self.advance(read);
                    self.subs.get(id as usize).copied().ok_or(Stop::Invalid)
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
        let spelling = sub.spelling(self.verbose, prefix, self.peek());
        if let Some(last) = sub.last_name {
            self.last_name = Some(self.add(Node::StdName(last)));
        }
        let mut dc = self.add(Node::StdName(spelling));
        if self.peek() == b'B' {
            // With ABI tags the abbreviation becomes a candidate.
            dc = self.abi_tags(dc)?;
            self.add_sub(dc)?;
        }
        Ok(dc)
    }
}
