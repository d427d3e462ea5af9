//! The types only the tree reads (libiberty's `cplus_demangle_type`):
//! runs of qualifiers with exception specifications, vendor types and
//! qualifiers, pointers to members, vector types, `_BitInt`, `_FloatN`,
//! decltypes, a template template parameter's arguments; and the lists
//! of GNU's linked cells. The rest of `<type>` is the grammar's
//! (`crate::gnu::grammar::productions`).

use super::*;
use crate::gnu::grammar::productions::Productions;
use crate::gnu::grammar::terms::Terms;
use crate::gnu::lookahead::TypeStart;

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
    pub(super) fn cv_qualifiers_run(&mut self, member_fn: bool) -> Result<(usize, usize), Stop> {
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
        Ok((start, end))
    }

    /// `inner` wrapped in the run of qualifiers `run` of
    /// [`Parser::cv_qualifiers_run`], the first outermost (libiberty's chain of
    /// qualifier components built by `d_cv_qualifiers`); the run, and all
    /// above it, taken off the list.
    pub(super) fn wrap_quals(&mut self, run: (usize, usize), mut inner: Id) -> Id {
        for i in (run.0..run.1).rev() {
            let (q, right) = self.quals[i];
            inner = self.add(Node::Qual(q, inner, right));
        }
        self.quals.truncate(run.0);
        inner
    }

    /// The arguments of a template template parameter `ret` as a type
    /// (`cplus_demangle_type`, `case 'T'`), which is a candidate before
    /// them.
    pub(super) fn template_template_param_args(&mut self, ret: Id) -> R {
        if !self.is_conversion {
            self.add_sub(ret, NameInfo::default())?;
            let args = self.template_args(false)?;
            return Ok(self.add(Node::Template(ret, args)));
        }
        // In a conversion operator's type the arguments may be the
        // operator's own: take them only if another argument list follows.
        // A trial that fails (it may refer to candidates not made yet) is
        // only backtracked, as libiberty's is.
        let checkpoint = (self.pos, self.nodes.len(), self.subs.len(), self.last_name);
        let args = match self.template_args(false) {
            Err(Stop::Invalid) if self.peek() != b'I' => None,
            result => Some(result?),
        };
        if let (Some(args), b'I') = (args, self.peek()) {
            self.add_sub(ret, NameInfo::default())?;
            return Ok(self.add(Node::Template(ret, args)));
        }
        self.pos = checkpoint.0;
        self.nodes.truncate(checkpoint.1);
        self.subs.truncate(checkpoint.2);
        self.last_name = checkpoint.3;
        Ok(ret)
    }

    /// The types the one-pass printer does not read (`cplus_demangle_type`):
    /// vendor types and qualifiers, and those of two
    /// letters that begin with `D` (both read) other than builtins, `auto`
    /// and pack expansions.
    pub(super) fn rare_type(&mut self, start: TypeStart) -> R {
        match start {
            TypeStart::Vendor => {
                self.advance(1);
                let name = self.source_name()?;
                return Ok(self.add(Node::VendorType(name)));
            }
            TypeStart::VendorQualified => {
                // libiberty reads the arguments and the type even where the
                // name before them failed (see `operands`).
                self.advance(1);
                let [qual, ty] = self.operands([
                    &mut |p: &mut Self| {
                        let name = p.source_name();
                        p.with_args(name)
                    },
                    &mut |p: &mut Self| p.type_(),
                ])?;
                return Ok(self.add(Node::VendorQual(ty, qual)));
            }
            _ => {}
        }
        self.advance(1);
        self.next();
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
            _ => return self.invalid(),
        })
    }

    /// `DF <number> _` `_FloatN`, `DF <number> x` `_FloatNx`, `DF16b`
    /// `std::bfloat16_t` (d_builtin_type's `short arg`: the number wraps as
    /// GCC's conversion does).
    fn float_n(&mut self) -> R {
        let n = self.lexeme(lexemes::number)?;
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

    /// `<vector-type> ::= Dv <number> _ <type> | Dv _ <expression> _ <type>`
    /// (libiberty `d_vector_type`).
    pub(super) fn vector_type(&mut self) -> R {
        let dim = if self.eat(b'_') {
            self.expression()?
        } else {
            let n = self.lexeme(lexemes::number)?;
            self.add(Node::Number(n))
        };
        self.expect(b'_')?;
        let elem = self.type_()?;
        Ok(self.add(Node::VectorType(dim, elem)))
    }
}
