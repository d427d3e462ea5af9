//! `<type>` (libiberty's `cplus_demangle_type`) with its qualifiers,
//! function, array, vector and pointer-to-member types, parameter lists,
//! and template parameters and arguments (`d_template_args`, `d_template_arg`).

use super::*;
use crate::gnu::lookahead::{Candidate, TemplateArgStart, TypeStart};

impl<'a> Parser<'a> {
    /// Whether qualifiers come next: `r`, `V`, `K`, `Do`, `DO`, `Dw`, `Dx`
    /// (libiberty `next_is_type_qual`).
    pub(super) fn next_is_type_qual(&self) -> bool {
        lexemes::starts_type_qual(self.input, self.pos)
    }

    /// `<CV-qualifiers> ::= [r] [V] [K]`, and for a member function the
    /// exception specifications `Do`, `DO <expression> E`, `Dw <type>+ E`
    /// and `Dx` (libiberty `d_cv_qualifiers`).
    ///
    /// The qualifiers in their order (the first is the outermost), with the
    /// operand of `noexcept(...)` and `throw(...)`, pushed as a run on top of
    /// `Parser::quals`; the run's place there, for [`Parser::wrap_quals`].
    pub(super) fn cv_qualifiers(
        &mut self,
        member_fn: bool,
    ) -> Result<std::ops::Range<usize>, Stop> {
        let start = self.quals.len();
        let mut end = start;
        while self.next_is_type_qual() {
            let c = self.next();
            let mut right = None;
            let q = match Qual::of_cv_code(c) {
                Some(q) if member_fn => q.on_this(),
                Some(q) => q,
                None => match self.next() {
                    b'x' => Qual::TransactionSafe,
                    b'o' => Qual::Noexcept,
                    b'O' => {
                        right = Some(self.expression()?);
                        self.expect(b'E')?;
                        Qual::Noexcept
                    }
                    b'w' => {
                        right = Some(self.parmlist()?);
                        self.expect(b'E')?;
                        Qual::ThrowSpec
                    }
                    _ => return self.invalid(),
                },
            };
            // Whatever an operand's failed trials left above the run goes.
            self.quals.truncate(end);
            self.quals.push((q, right));
            end += 1;
        }
        if !member_fn && self.peek() == b'F' {
            for (q, _) in &mut self.quals[start..end] {
                *q = q.on_this();
            }
        }
        Ok(start..end)
    }

    /// `inner` wrapped in the run of qualifiers `run` of
    /// [`Parser::cv_qualifiers`], the first outermost (libiberty's chain of
    /// qualifier components built by `d_cv_qualifiers`); the run, and all
    /// above it, taken off the list.
    pub(super) fn wrap_quals(&mut self, run: std::ops::Range<usize>, mut inner: Id) -> Id {
        for i in run.clone().rev() {
            let (q, right) = self.quals[i];
            inner = self.add(Node::Qual(q, inner, right));
        }
        self.quals.truncate(run.start);
        inner
    }

    /// `<type>`, one level deeper (libiberty `d_type`, under the recursion
    /// bound).
    pub(super) fn type_(&mut self) -> R {
        self.descend(Self::type_inner)
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
    /// chooses, and a substitution candidate where it says.
    pub(super) fn type_inner(&mut self) -> R {
        let start = TypeStart::of(self.input, self.pos);
        let ret = match start {
            TypeStart::Qualifiers => self.qualified_type()?,
            TypeStart::Builtin(code) => {
                self.advance(1);
                self.add(Node::Builtin(code))
            }
            TypeStart::Vendor => {
                self.advance(1);
                let name = self.source_name()?;
                self.add(Node::VendorType(name))
            }
            TypeStart::Function => self.function_type()?,
            TypeStart::Array => self.array_type()?,
            TypeStart::PointerToMember => self.ptrmem_type()?,
            TypeStart::TemplateParam => self.template_template_param()?,
            TypeStart::Modified(code) => {
                self.advance(1);
                let inner = self.type_()?;
                self.add(match code {
                    b'O' => Node::RvalueReference(inner),
                    b'P' => Node::Pointer(inner),
                    b'R' => Node::Reference(inner),
                    b'C' => Node::Complex(inner),
                    _ => Node::Imaginary(inner),
                })
            }
            TypeStart::UnnamedType => self.unqualified_name()?,
            TypeStart::VendorQualified => {
                // libiberty reads the arguments and the type even where the
                // name before them failed (see `operands`).
                self.advance(1);
                let [qual, ty] = self.operands([
                    &mut |p: &mut Self| {
                        let name = p.source_name();
                        p.with_args(name)
                    },
                    &mut Self::type_,
                ])?;
                self.add(Node::VendorQual(ty, qual))
            }
            TypeStart::Substitution => {
                let (ret, candidate) = self.substituted_type()?;
                if !candidate {
                    return Ok(ret);
                }
                ret
            }
            TypeStart::StdName | TypeStart::Name => {
                let ret = self.name()?;
                // d_name takes a standard abbreviation as it is, ABI tags
                // and all (`d_substitution` made a tagged one a candidate
                // already): no candidate more.
                if start == TypeStart::StdName && self.is_abbreviation(ret) {
                    return Ok(ret);
                }
                ret
            }
            _ => {
                self.advance(1);
                self.next();
                self.d_type(start)?
            }
        };
        if start.candidate() != Candidate::Never {
            self.add_sub(ret)?;
        }
        Ok(ret)
    }

    /// `<qualified-type> ::= <CV-qualifiers> <type>`, or qualifiers before
    /// a function type, which are its `this`'s (`cplus_demangle_type`'s
    /// `next_is_type_qual` case); the unqualified function type is no
    /// candidate.
    fn qualified_type(&mut self) -> R {
        let quals = self.cv_qualifiers(false)?;
        let inner = if self.peek() == b'F' {
            self.function_type()?
        } else {
            self.type_()?
        };
        Ok(match self.node(inner) {
            // The ref-qualifier goes outside the cv-qualifiers. GNU moves it
            // in place: where `inner` came from a substitution, every use of
            // it gets the qualifiers too.
            Node::Qual(q @ (Qual::ReferenceThis | Qual::RvalueReferenceThis), f, None) => {
                let wrapped = self.wrap_quals(quals, f);
                self.nodes[inner as usize] = Node::Qual(q, wrapped, None);
                inner
            }
            _ => self.wrap_quals(quals, inner),
        })
    }

    /// `<template-param> [<template-args>]` as a type
    /// (`cplus_demangle_type`, `case 'T'`): with arguments, a template
    /// template parameter, itself a candidate.
    fn template_template_param(&mut self) -> R {
        let ret = self.template_param()?;
        if self.peek() != b'I' {
            return Ok(ret);
        }
        if !self.is_conversion {
            self.add_sub(ret)?;
            let args = self.template_args()?;
            return Ok(self.add(Node::Template(ret, args)));
        }
        // In a conversion operator's type the arguments may be the
        // operator's own: take them only if another argument list follows.
        // A trial that fails (it may refer to candidates not made yet) is
        // only backtracked, as libiberty's is.
        let checkpoint = (self.pos, self.nodes.len(), self.subs.len(), self.last_name);
        let args = match self.template_args() {
            Err(Stop::Invalid) if self.peek() != b'I' => None,
            result => Some(result?),
        };
        if let (Some(args), b'I') = (args, self.peek()) {
            self.add_sub(ret)?;
            return Ok(self.add(Node::Template(ret, args)));
        }
        self.pos = checkpoint.0;
        self.nodes.truncate(checkpoint.1);
        self.subs.truncate(checkpoint.2);
        self.last_name = checkpoint.3;
        Ok(ret)
    }

    /// A back reference as a type (`cplus_demangle_type`, `case 'S'`), and
    /// whether it is a candidate: with template arguments after it. A module from a
    /// substitution names the entity that follows (d_name through
    /// d_class_enum_type), which is a candidate, as is its template.
    fn substituted_type(&mut self) -> Result<(Id, bool), Stop> {
        let sub = self.substitution(false)?;
        let name = match self.node(sub) {
            Node::ModuleName(..) => self.unqualified_name_in(Some(sub))?,
            _ if self.peek() != b'I' => return Ok((sub, false)),
            _ => sub,
        };
        if self.peek() != b'I' {
            return Ok((name, true));
        }
        if name != sub {
            self.add_sub(name)?;
        }
        let args = self.template_args()?;
        Ok((self.add(Node::Template(name, args)), true))
    }

    /// The types of two letters that begin with `D` (`cplus_demangle_type`,
    /// `case 'D'`), both read.
    fn d_type(&mut self, start: TypeStart) -> R {
        Ok(match start {
            TypeStart::Decltype => {
                let e = self.expression()?;
                // d_next_char: the byte after the expression is taken
                // whatever it is, so a failure stands past it, where
                // libiberty's read on from
                // (`an_unresolved_scope_that_does_not_parse_is_left_out`).
                if self.next() != b'E' {
                    return self.invalid();
                }
                self.add(Node::Decltype(e))
            }
            TypeStart::PackExpansion => {
                let inner = self.type_()?;
                self.add(Node::PackExpansion(inner))
            }
            TypeStart::Auto => self.add(Node::Name("auto")),
            TypeStart::DecltypeAuto => self.add(Node::Name("decltype(auto)")),
            // `DB`/`DU <number or expression> _`: Clang's `_BitInt(N)`,
            // which GNU 2.47 refuses; read as LLVM 19's demangler reads it,
            // which makes it no substitution candidate.
            TypeStart::BitInt => {
                let signed = self.input[self.pos - 1] == b'B';
                let size = if self.peek().is_ascii_digit() {
                    let start = self.pos;
                    while self.peek().is_ascii_digit() {
                        self.advance(1);
                    }
                    self.add(Node::Name(&self.text[start..self.pos]))
                } else {
                    self.expression()?
                };
                self.expect(b'_')?;
                self.add(Node::BitInt(size, signed))
            }
            TypeStart::FloatN => self.float_n()?,
            TypeStart::Vector => self.vector_type()?,
            TypeStart::DBuiltin(code) => self.add(Node::Builtin(code)),
            _ => return self.invalid(),
        })
    }

    /// `DF <number> _` `_FloatN`, `DF <number> x` `_FloatNx`, `DF16b`
    /// `std::bfloat16_t` (d_builtin_type's `short arg`: the number wraps as
    /// GCC's conversion does).
    fn float_n(&mut self) -> R {
        let n = self.number()?;
        if self.peek() == b'b' {
            if n != 16 {
                return self.invalid();
            }
            self.advance(1);
            return Ok(self.add(Node::Builtin(tables::BFLOAT16)));
        }
        let x = self.peek() == b'x';
        if !x && self.peek() != b'_' {
            return self.invalid();
        }
        self.advance(1);
        Ok(self.add(Node::FloatN(n as i16, x)))
    }

    /// `<function-type> ::= [<CV-qualifiers>] [Dx] F [Y] <bare-function-type>
    /// [<ref-qualifier>] E` (libiberty `d_function_type`).
    pub(super) fn function_type(&mut self) -> R {
        self.descend(|p| {
            p.expect(b'F')?;
            // `Y`: extern "C", not shown.
            p.eat(b'Y');
            // libiberty reads the ref-qualifier and the `E` even where the
            // types failed (d_function_type): a failure stops where
            // libiberty's does (see `operands`).
            let mut types = p.bare_function_type(true);
            let qual = match p.peek() {
                b'R' => Some(Qual::ReferenceThis),
                b'O' => Some(Qual::RvalueReferenceThis),
                _ => None,
            };
            if qual.is_some() && matches!(types, Ok(_) | Err(Stop::Invalid)) {
                p.advance(1);
                // d_ref_qualifier makes its qualifier over a NULL type too
                // (d_make_comp allows it for a function's qualifiers): the
                // function type parses, and fails only where it prints
                // (`ZZ1gIiEPFvOEiE1x` is `g<int>(int)::x`, its return
                // type dropped).
                if types.is_err() {
                    types = Ok(p.add(Node::Null));
                }
            }
            let mut ret = p.closed_by(types, b'E')?;
            if let Some(qual) = qual {
                ret = p.add(Node::Qual(qual, ret, None));
            }
            Ok(ret)
        })
    }

    /// `<bare-function-type> ::= [J]<type>+`: the return type first where
    /// `has_return` (or a `J` says so), then the parameters (libiberty
    /// `d_bare_function_type`).
    pub(super) fn bare_function_type(&mut self, mut has_return: bool) -> R {
        if self.eat(b'J') {
            has_return = true;
        }
        let ret = if has_return {
            Some(self.type_()?)
        } else {
            None
        };
        let params = self.parmlist()?;
        Ok(self.add(Node::FunctionType(ret, Some(params))))
    }

    /// `<type>+` of a parameter list (libiberty `d_parmlist`).
    ///
    /// Parameter types up to `E`, `.` or the end; a lone `void` is none.
    pub(super) fn parmlist(&mut self) -> R {
        let mut list = ListBuilder::new(false);
        while !lexemes::ends_parameters(self.input, self.pos) {
            let ty = self.type_()?;
            self.list_push(&mut list, ty);
        }
        match list.first {
            None => self.invalid(),
            Some(only)
                if list.len == 1
                    && matches!(self.node(only), Node::Builtin(b) if b == b'v' - b'a') =>
            {
                Ok(self.add(Node::ArgList(None, None)))
            }
            Some(_) => Ok(self.list_finish(list)),
        }
    }

    /// Append `item` to a list being built, as GNU's linked cells.
    pub(super) fn list_push(&mut self, list: &mut ListBuilder, item: Id) {
        let cell = self.add(if list.template {
            Node::TemplateArgList(Some(item), None)
        } else {
            Node::ArgList(Some(item), None)
        });
        match list.last {
            Some(last) => {
                self.nodes[last as usize] = match self.node(last) {
                    Node::TemplateArgList(i, _) => Node::TemplateArgList(i, Some(cell)),
                    Node::ArgList(i, _) => Node::ArgList(i, Some(cell)),
                    other => other,
                }
            }
            None => {
                list.head = Some(cell);
                list.first = Some(item);
            }
        }
        list.last = Some(cell);
        list.len += 1;
    }

    /// The list built, or an empty one.
    pub(super) fn list_finish(&mut self, list: ListBuilder) -> Id {
        list.head.unwrap_or_else(|| {
            self.add(if list.template {
                Node::TemplateArgList(None, None)
            } else {
                Node::ArgList(None, None)
            })
        })
    }

    /// `<array-type> ::= A <positive dimension number> _ <type>
    ///              ::= A [<dimension expression>] _ <type>` (libiberty
    /// `d_array_type`).
    pub(super) fn array_type(&mut self) -> R {
        self.expect(b'A')?;
        let peek = self.peek();
        let dim = if peek == b'_' {
            None
        } else if peek.is_ascii_digit() {
            let start = self.pos;
            while self.peek().is_ascii_digit() {
                self.advance(1);
            }
            Some(self.add(Node::Name(&self.text[start..self.pos])))
        } else {
            Some(self.expression()?)
        };
        self.expect(b'_')?;
        let elem = self.type_()?;
        Ok(self.add(Node::ArrayType(dim, elem)))
    }

    /// `<vector-type> ::= Dv <number> _ <type> | Dv _ <expression> _ <type>`
    /// (libiberty `d_vector_type`).
    pub(super) fn vector_type(&mut self) -> R {
        let dim = if self.eat(b'_') {
            self.expression()?
        } else {
            let n = self.number()?;
            self.add(Node::Number(n))
        };
        self.expect(b'_')?;
        let elem = self.type_()?;
        Ok(self.add(Node::VectorType(dim, elem)))
    }

    /// `<pointer-to-member-type> ::= M <class type> <member type>`
    /// (libiberty `d_pointer_to_member_type`).
    pub(super) fn ptrmem_type(&mut self) -> R {
        self.expect(b'M')?;
        let class = self.type_()?;
        let member = self.type_()?;
        Ok(self.add(Node::PtrMem(class, member)))
    }

    /// `<template-param> ::= T_ | T <number> _` (libiberty
    /// `d_template_param`; `TL` and the lambda forms are
    /// `d_template_parm`'s).
    pub(super) fn template_param(&mut self) -> R {
        self.expect(b'T')?;
        let n = self.compact_number()?;
        Ok(self.add(Node::TemplateParam(n)))
    }

    /// `<template-args> ::= I <template-arg>+ [Q <requires-clause expr>] E`,
    /// one level deeper (libiberty `d_template_args`).
    pub(super) fn template_args(&mut self) -> R {
        if !matches!(self.peek(), b'I' | b'J') {
            return self.invalid();
        }
        self.advance(1);
        self.template_args_1()
    }

    /// The arguments after `I` (libiberty `d_template_args_1`).
    pub(super) fn template_args_1(&mut self) -> R {
        // The arguments must not change the name a later constructor takes.
        let hold_last_name = self.last_name;
        if self.eat(b'E') {
            return Ok(self.add(Node::TemplateArgList(None, None)));
        }
        let mut list = ListBuilder::new(true);
        loop {
            let arg = self.template_arg()?;
            self.list_push(&mut list, arg);
            if matches!(self.peek(), b'E' | b'Q') {
                break;
            }
        }
        let mut args = self.list_finish(list);
        // `Q <constraint-expression>` (d_maybe_constraints, GNU 2.44).
        if self.eat(b'Q') {
            let expr = self.expression()?;
            args = self.add(Node::Constraints(args, expr));
        }
        self.expect(b'E')?;
        self.last_name = hold_last_name;
        Ok(args)
    }

    /// ```text
    /// <template-arg> ::= <type> | X <expression> E | <expr-primary>
    ///                ::= J <template-arg>* E       # argument pack
    /// ```
    /// (libiberty `d_template_arg`).
    pub(super) fn template_arg(&mut self) -> R {
        match TemplateArgStart::of(self.input, self.pos) {
            TemplateArgStart::Expression => {
                self.advance(1);
                let e = self.expression();
                self.closed_by(e, b'E')
            }
            TemplateArgStart::Literal => self.expr_primary(),
            TemplateArgStart::Pack => self.template_args(),
            TemplateArgStart::Type => self.type_(),
        }
    }

    /// Whether `id` is a standard abbreviation (`Ss`), with or without ABI
    /// tags.
    fn is_abbreviation(&self, mut id: Id) -> bool {
        loop {
            match self.node(id) {
                Node::TaggedName(inner, _) => id = inner,
                Node::StdName(_) => return true,
                _ => return false,
            }
        }
    }
}
