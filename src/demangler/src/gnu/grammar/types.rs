//! `<type>` (libiberty's `cplus_demangle_type`) with its qualifiers,
//! pointers and references, function and array types, template
//! parameters and back references; template arguments (`d_template_args`,
//! `d_template_arg`), literals (`d_expr_primary`) and parameter lists
//! (`d_parmlist`).

use super::names::Names;
use super::{Dimension, Grammar, Level, ListKind, NameInfo, Named, Signature, Stop};
use crate::gnu::ast::Qual;
use crate::gnu::lexemes;
use crate::gnu::lookahead::{Candidate, TemplateArgStart, TypeStart};

impl<'a, G: Grammar<'a>> Types<'a> for G {}

pub(in crate::gnu) trait Types<'a>: Grammar<'a> {
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
            // Vendor types and qualifiers, pointers to members, decltypes,
            // `_BitInt`, `_FloatN`, vector types.
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
                self.gives_way()?;
                self.advance(1);
                let e = self.expression();
                self.closed_by(e, b'E')
            }
            TemplateArgStart::Literal => self.expr_primary(),
            TemplateArgStart::Pack => {
                let mark = self.mark();
                // The older `I` form of a pack is the tree's.
                if self.peek() == b'I' {
                    self.gives_way()?;
                }
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
            self.gives_way()?;
            let name = self.literal_name();
            return self.closed_by(name, b'E');
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
}
