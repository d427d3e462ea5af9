//! Names for the one-pass reader (`super`): nested, local and unscoped
//! names, source names, operators, constructors, closures, substitutions,
//! each following the `super::super::parse` function it names.

use super::super::lexemes;
use super::super::lookahead::{NameStart, PrefixPart, UnqualifiedStart};
use super::super::spell;
use super::super::tables::{self, StdSubstitution};
use super::{NameInfo, Reader, Shape, Span, Step};

impl<'a> Reader<'a, '_> {
    /// `<name>` (`Parser::name_inner`): nested, local, unscoped (maybe
    /// `St`), or an unscoped template; `top` for an encoding's own name,
    /// whose template arguments are kept for `T_`.
    pub(super) fn name(&mut self, top: bool) -> Step<NameInfo> {
        match NameStart::of(self.input, self.pos) {
            NameStart::Nested => self.nested_name(top),
            NameStart::Local => self.local_name(top),
            NameStart::Std => {
                self.pos += 2;
                let start = self.here();
                self.push("std::");
                self.unscoped_template(start, top)
            }
            NameStart::Unscoped => {
                let start = self.here();
                self.unscoped_template(start, top)
            }
            // A closure or unnamed type, with no template arguments after
            // it.
            NameStart::Unnamed => {
                self.unqualified_name()?;
                Some(NameInfo::default())
            }
            NameStart::Substitution => None,
        }
    }

    /// An unqualified name and, if template arguments follow, the name as
    /// a candidate and its arguments.
    pub(super) fn unscoped_template(&mut self, start: u32, top: bool) -> Step<NameInfo> {
        let since = self.params_printed;
        let ctor_dtor = self.unqualified_name()?;
        let template = self.peek() == b'I';
        if template {
            self.add_sub(start, since, Shape::Plain)?;
            self.template_args(top)?;
        }
        Some(NameInfo {
            template,
            ctor_dtor,
            ..NameInfo::default()
        })
    }

    /// `<nested-name> ::= N [K] <prefix> E` (`Parser::nested_name` and
    /// `Parser::prefix`): each part but the last a candidate, a
    /// substitution only first and not alone.
    pub(super) fn nested_name(&mut self, top: bool) -> Step<NameInfo> {
        self.pos += 1;
        let const_this = self.eat(b'K');
        // `this` qualifiers are printed here only after an encoding's
        // parameters; GNU prints those of any other name (a type's, a
        // special name's: `guard variable for A::x const`) after it, which
        // the tree does.
        if (const_this && !top)
            || matches!(self.peek(), b'r' | b'V' | b'K' | b'R' | b'O' | b'H' | b'D')
        {
            return None;
        }
        let (start, since) = (self.here(), self.params_printed);
        let mut info = NameInfo {
            const_this,
            ..NameInfo::default()
        };
        let mut first = true;
        let mut parts = 0;
        loop {
            let part = PrefixPart::of(self.input, self.pos, first);
            match part {
                PrefixPart::End => break,
                PrefixPart::Unqualified => {
                    if !first {
                        self.push("::");
                    }
                    self.deeper(1);
                    parts += 1;
                    info.ctor_dtor = self.unqualified_name()?;
                    info.template = false;
                }
                PrefixPart::Substitution if first => {
                    // A type used as a scope (a qualified, pointer, array
                    // or function type) prints through GNU's modifier
                    // lists: the tree's.
                    if self.substitution(true)?.shape != Shape::Plain {
                        return None;
                    }
                    if self.peek() == b'E' {
                        return None;
                    }
                }
                PrefixPart::TemplateArgs => {
                    // d_encoding's `has_return_type` asks
                    // `is_ctor_dtor_or_conversion` of the name under the
                    // last template arguments, which looks through scopes
                    // only: under a second list the name is no
                    // constructor's, and the return type is read
                    // (`_ZN1AC2IiEIcEEvT_` is `void A::A<int><char>(char)`).
                    info.ctor_dtor &= !info.template;
                    self.template_args(top)?;
                    info.template = true;
                }
                _ => return None,
            }
            first = false;
            if part.makes_candidate(false, self.peek()) {
                self.add_sub(start, since, Shape::Plain)?;
            }
        }
        self.pos += 1;
        self.deepest_here();
        self.deeper(-parts);
        Some(info)
    }

    /// `<local-name> ::= Z <encoding> E <name> [<discriminator>] | Z
    /// <encoding> E s [<discriminator>]` (`Parser::local_name`): the
    /// function without its return type, `::`, the entity.
    pub(super) fn local_name(&mut self, top: bool) -> Step<NameInfo> {
        self.pos += 1;
        self.encoding(false, true)?;
        self.expect(b'E')?;
        self.push("::");
        let info = if self.eat(b's') {
            self.push(tables::STRING_LITERAL);
            self.discriminator()?;
            NameInfo::default()
        } else if self.peek() == b'd' {
            // A default argument's scope, `d <number> _` (d_local_name),
            // printed by the tree (never an operator: `dv` is refused).
            return None;
        } else {
            let lambda = self.peek() == b'U';
            let info = self.name(top)?;
            if !lambda {
                self.discriminator()?;
            }
            info
        };
        Some(NameInfo {
            local: true,
            ..info
        })
    }

    /// `<unqualified-name>`: a source name, an operator, a constructor or
    /// destructor, a local source name, a lambda or an unnamed type, with
    /// any ABI tags (`Parser::unqualified_name_in`); whether it is a
    /// constructor or destructor.
    pub(super) fn unqualified_name(&mut self) -> Step<bool> {
        let peek = self.peek();
        let ctor_dtor = match UnqualifiedStart::of(self.input, self.pos) {
            UnqualifiedStart::Source => {
                let name = self.source_name()?;
                self.last_name = Some(name);
                self.push(name);
                false
            }
            UnqualifiedStart::LocalSource => {
                // `<local-source-name> ::= L <source-name> [<discriminator>]`
                self.pos += 1;
                let name = self.source_name()?;
                self.last_name = Some(name);
                self.push(name);
                self.discriminator()?;
                false
            }
            UnqualifiedStart::Operator => {
                // `Parser::operator_name`, not `cv`, `li` or vendor ones.
                let code = [peek, self.peek_next()];
                let op = tables::operator(code).filter(|_| !matches!(&code, b"cv" | b"li"))?;
                self.pos += 2;
                let (operator, name) = tables::operator_info(op).as_name();
                self.push(operator);
                self.push(name);
                false
            }
            UnqualifiedStart::CtorDtor => {
                // `Parser::ctor_dtor_name`, not the inheriting `CI`.
                let ok = match peek {
                    b'C' => lexemes::is_ctor_code(self.peek_next()),
                    _ => lexemes::is_dtor_code(self.peek_next()),
                };
                let name = self.last_name.filter(|_| ok)?;
                self.pos += 2;
                if peek == b'D' {
                    self.push("~");
                }
                self.push(name);
                true
            }
            UnqualifiedStart::Lambda => {
                self.closure_or_unnamed(true)?;
                false
            }
            UnqualifiedStart::UnnamedType => {
                self.closure_or_unnamed(false)?;
                false
            }
            _ => return None,
        };
        // `<abi-tags>` (d_abi_tags), which leave the last name as it was.
        while self.eat(b'B') {
            let tag = self.source_name()?;
            self.push(tables::ABI_TAG_OPEN);
            self.push(tag);
            self.push("]");
        }
        Some(ctor_dtor)
    }

    /// `<closure-type-name> ::= Ul <lambda-sig> E [<number>] _`, printed
    /// `{lambda(params)#N}` (`Parser::lambda`, without a template head),
    /// and `<unnamed-type-name> ::= Ut [<number>] _`, `{unnamed type#N}`.
    pub(super) fn closure_or_unnamed(&mut self, closure: bool) -> Step {
        self.pos += 2;
        if closure {
            // Under a pending modifier GNU prints the parameters otherwise
            // (see `Reader::modifiers`), and a template head is the tree's.
            if self.peek() == b'T' || self.modifiers > 0 {
                return None;
            }
            self.lambda_printed = true;
            self.push(tables::LAMBDA_OPEN);
            let hold = std::mem::replace(&mut self.in_lambda, true);
            self.parameters()?;
            self.in_lambda = hold;
            self.expect(b'E')?;
        }
        let number = lexemes::compact_number(self.input, &mut self.pos)?;
        if closure {
            spell::close_closure(self, number);
        } else {
            spell::unnamed_type(self, number);
        }
        // Tags on a closure make it no lambda to `Parser::local_name`.
        (self.peek() != b'B').then_some(())
    }

    /// `<discriminator>`, read and not printed ([`lexemes::discriminator`]).
    pub(super) fn discriminator(&mut self) -> Step {
        lexemes::discriminator(self.input, &mut self.pos)
    }

    /// `<source-name> ::= <number> <identifier>` (`Parser::source_name`,
    /// [`lexemes::identifier`]).
    pub(super) fn source_name(&mut self) -> Step<&'a str> {
        let len = usize::try_from(self.number()?).ok().filter(|&n| n > 0)?;
        lexemes::identifier(self.text, &mut self.pos, len)
    }

    /// A decimal number ([`lexemes::number`]).
    pub(super) fn number(&mut self) -> Step<i64> {
        lexemes::number(self.input, &mut self.pos)
    }

    /// `<substitution> ::= S [<seq-id>] _ | St | Sa | Sb | Ss | Si | So |
    /// Sd` (`Parser::substitution`): the candidate's text again, or the
    /// standard name (which sets the last name, and is no candidate); in a
    /// `prefix`, before a constructor or destructor, by its full name.
    pub(super) fn substitution(&mut self, prefix: bool) -> Step<Span> {
        let c = self.peek_next();
        self.pos += 1;
        if tables::starts_seq_id(c) {
            let (id, read) = tables::seq_id(&self.input[self.pos..]).ok()?;
            self.pos += read;
            let span = *self.buf.subs.get(id as usize)?;
            return self.repeat(span);
        }
        self.pos += 1;
        let sub = StdSubstitution::of_code(c)?;
        if self.peek() == b'B' {
            return None;
        }
        if let Some(last) = sub.last_name {
            self.last_name = Some(last);
        }
        let (start, since) = (self.here(), self.params_printed);
        self.push(sub.spelling(self.verbose, prefix, self.peek()));
        Some(self.span(start, since, Shape::Plain))
    }
}
