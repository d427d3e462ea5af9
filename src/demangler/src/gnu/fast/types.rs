//! Types, template arguments and parameter lists for the one-pass reader
//! (`super`), each following the `super::super::parse` function it names.

use super::super::ast::Qual;
use super::super::lexemes;
use super::super::lookahead::{Candidate, TemplateArgStart, TypeStart};
use super::super::spell;
use super::super::tables::{self, LiteralForm, BUILTINS};
use super::{Reader, Shape, Span, Step, MAX_NESTING};

impl<'a> Reader<'a, '_> {
    /// `<type>` (`Parser::type_inner`) of the shapes read here.
    pub(super) fn type_(&mut self) -> Step<Span> {
        if self.nesting == MAX_NESTING {
            return None;
        }
        self.nesting += 1;
        self.deeper(4);
        self.deepest_here();
        let span = self.type_inner();
        self.deeper(-4);
        self.nesting -= 1;
        span
    }

    /// The production [`TypeStart`] chooses, if it is printed here; a
    /// substitution candidate where it says.
    fn type_inner(&mut self) -> Step<Span> {
        let (start, since) = (self.here(), self.params_printed);
        let production = TypeStart::of(self.input, self.pos);
        let peek = self.peek();
        let shape = match production {
            TypeStart::Builtin(code) => {
                self.pos += 1;
                self.push(BUILTINS[code as usize].name);
                Shape::Plain
            }
            TypeStart::DBuiltin(code) => {
                self.pos += 2;
                self.push(BUILTINS[code as usize].name);
                Shape::Plain
            }
            // Names, not builtins.
            TypeStart::Auto | TypeStart::DecltypeAuto => {
                self.pos += 2;
                self.push(if production == TypeStart::Auto {
                    "auto"
                } else {
                    "decltype(auto)"
                });
                Shape::Plain
            }
            // `r`, `V`, `K`; exception specifications (`Do`...) go to the
            // tree.
            TypeStart::Qualifiers if peek != b'D' => self.qualified_type(peek)?,
            TypeStart::Modified(code @ (b'P' | b'R' | b'O')) => {
                self.pos += 1;
                let inner = self.modified(Self::type_)?;
                self.pointer_or_reference(code, inner)?
            }
            TypeStart::Function => self.function_type()?,
            TypeStart::Array => self.array_type()?,
            TypeStart::PackExpansion => return self.expansion(),
            TypeStart::TemplateParam => {
                // `<template-param>`: the argument's text (a template
                // template parameter with arguments goes to the tree).
                if !self.in_signature || self.in_lambda {
                    return None;
                }
                self.pos += 1;
                // `Parser::template_param`'s compact number.
                let n = lexemes::compact_number(self.input, &mut self.pos)? as usize;
                if self.peek() == b'I' {
                    return None;
                }
                self.template_param(n)?
            }
            // `St <unqualified-name> [<template-args>]`
            TypeStart::StdName if self.peek_next() == b't' => {
                self.name(false)?;
                Shape::Plain
            }
            TypeStart::Substitution | TypeStart::StdName => {
                // A candidate only with template arguments.
                let sub = self.substitution(false)?;
                if self.peek() != b'I' {
                    return Some(sub);
                }
                // A type other than a name as a template's name: the
                // tree's, as in a scope.
                if sub.shape != Shape::Plain {
                    return None;
                }
                self.template_args(false)?;
                Shape::Plain
            }
            TypeStart::Name if matches!(peek, b'N' | b'Z' | b'0'..=b'9') => {
                self.name(false)?;
                Shape::Plain
            }
            // A closure or unnamed type, without template arguments.
            TypeStart::UnnamedType => {
                self.unqualified_name()?;
                Shape::Plain
            }
            _ => return None,
        };
        if production.candidate() != Candidate::Never {
            self.add_sub(start, since, shape)?;
        }
        Some(self.span(start, since, shape))
    }

    /// One qualifier (`code`: `K`, `V` or `r`) on a type without one that
    /// is no reference (GNU prints a repeated qualifier once, and puts
    /// qualifiers on references and functions elsewhere); one right before
    /// a function type is its `this`'s, which the tree prints.
    fn qualified_type(&mut self, code: u8) -> Step<Shape> {
        self.pos += 1;
        if self.peek() == b'F' || lexemes::starts_type_qual(self.input, self.pos) {
            return None;
        }
        let inner = self.modified(Self::type_)?;
        let text = Qual::of_cv_code(code)?.cv_spelling()?;
        Some(match inner.shape {
            Shape::Plain | Shape::Pointer => {
                self.push(text);
                Shape::Qualified
            }
            Shape::Declarator { outer: b'P', .. } => self.modify(inner, text, code),
            // d_print_comp, `DEMANGLE_COMPONENT_ARRAY_TYPE`: the qualifiers
            // of an array are its element's.
            Shape::Declarator {
                slot,
                grouped: false,
                outer: 0,
                array: true,
            } => {
                self.insert(inner.start + slot, text);
                Shape::Declarator {
                    slot: slot + text.len() as u32,
                    grouped: false,
                    outer: code,
                    array: true,
                }
            }
            _ => return None,
        })
    }

    /// `P`, `R` or `O` (`code`) on `inner`, just printed, as GNU's
    /// declarators print them; with reference smashing (d_print_comp,
    /// `DEMANGLE_COMPONENT_REFERENCE`): a reference to an lvalue reference,
    /// or an rvalue reference to any reference, is that reference. GNU
    /// smashes one level only, printing what the inner reference refers to
    /// afresh (`OOOOs` is `short&&&&`): a reference it smashed is marked,
    /// and one more on it goes to the tree.
    fn pointer_or_reference(&mut self, code: u8, inner: Span) -> Step<Shape> {
        let lvalue = code == b'R';
        Some(match inner.shape {
            Shape::Pack { .. } | Shape::Expansion => return None,
            Shape::Reference | Shape::RvalueReference if code == b'P' => return None,
            Shape::Declarator {
                outer: b'R' | b'O', ..
            }
            | Shape::Smashed => return None,
            Shape::Declarator { .. } => {
                let text = match code {
                    b'P' => "*",
                    b'R' => "&",
                    _ => "&&",
                };
                self.modify(inner, text, code)
            }
            Shape::Reference => Shape::Smashed,
            Shape::RvalueReference if !lvalue => Shape::Smashed,
            // An lvalue reference to an rvalue reference is an lvalue
            // reference to what that refers to. The candidates that hold
            // the `&&` keep it: the text moves to the side, and comes back
            // without it.
            Shape::RvalueReference => {
                let kept = self.buf.out.len() - 2 - inner.start as usize;
                let base = self.buf.side.len();
                self.drop_from(inner.start);
                self.buf.out.push_str(&self.buf.side[base..base + kept]);
                self.push("&");
                Shape::Smashed
            }
            _ if code == b'P' => {
                self.push("*");
                Shape::Pointer
            }
            _ if lvalue => {
                self.push("&");
                Shape::Reference
            }
            _ => {
                self.push("&&");
                Shape::RvalueReference
            }
        })
    }

    /// A modifier on a function or array type just printed: `text` goes
    /// into its group, made where there is none (d_print_function_type:
    /// `ret (*)(params)`; d_print_array_type: `elem (*) [dim]`; the
    /// modifiers innermost first).
    fn modify(&mut self, inner: Span, text: &str, code: u8) -> Shape {
        let Shape::Declarator {
            slot,
            grouped,
            array,
            ..
        } = inner.shape
        else {
            return inner.shape;
        };
        let at = inner.start + slot;
        let slot = if grouped {
            self.insert(at, text);
            slot + text.len() as u32
        } else {
            let open = if array { " (" } else { "(" };
            let mut group = String::with_capacity(text.len() + 3);
            group.push_str(open);
            group.push_str(text);
            group.push(')');
            self.insert(at, &group);
            slot + (open.len() + text.len()) as u32
        };
        Shape::Declarator {
            slot,
            grouped: true,
            outer: code,
            array,
        }
    }

    /// `<array-type> ::= A [<dimension number>] _ <type>`
    /// (`Parser::array_type`), printed `elem [dim]`, of an element that is
    /// no function, array or reference (a dimension that is an expression
    /// goes to the tree).
    fn array_type(&mut self) -> Step<Shape> {
        self.pos += 1;
        let dim_start = self.pos;
        while self.peek().is_ascii_digit() {
            self.pos += 1;
        }
        let dim = &self.text[dim_start..self.pos];
        self.expect(b'_')?;
        let element = self.modified(Self::type_)?;
        if !matches!(
            element.shape,
            Shape::Plain | Shape::Qualified | Shape::Pointer
        ) {
            return None;
        }
        let slot = self.here() - element.start;
        // A qualifier on the array is its element's, and GNU prints one
        // already there once: such an array is marked as qualified (`q`).
        let outer = if element.shape == Shape::Qualified {
            b'q'
        } else {
            0
        };
        self.push(" [");
        self.push(dim);
        self.push("]");
        Some(Shape::Declarator {
            slot,
            grouped: false,
            outer,
            array: true,
        })
    }

    /// `<function-type> ::= F [Y] <bare-function-type> E`
    /// (`Parser::function_type`), printed `ret (params)`; a return type
    /// that is itself a function, or a ref-qualifier, goes to the tree.
    fn function_type(&mut self) -> Step<Shape> {
        self.pos += 1;
        self.eat(b'Y');
        if self.peek() == b'J' {
            return None;
        }
        let start = self.here();
        if matches!(
            self.modified(Self::type_)?.shape,
            Shape::Declarator { .. } | Shape::Pack { .. } | Shape::Expansion
        ) {
            return None;
        }
        self.push(" ");
        let slot = self.here() - start;
        self.parameters()?;
        self.expect(b'E')?;
        Some(Shape::Declarator {
            slot,
            grouped: false,
            outer: 0,
            array: false,
        })
    }

    /// `T_` for argument `n` of the encoding's name: its text; in a pack
    /// expansion, that of the element being printed.
    fn template_param(&mut self, n: usize) -> Step<Shape> {
        let arg = *self.buf.args[self.args_base..].get(n)?;
        self.params_printed += 1;
        let Shape::Pack { first, len } = arg.shape else {
            return Some(self.repeat(arg)?.shape);
        };
        let index = self.expanding?;
        if self.pack_len.is_none() {
            self.pack_len = Some(u32::from(len));
        }
        if len == 0 && self.pack_len == Some(0) {
            // The first reading of an empty expansion: nothing to print.
            return Some(Shape::Plain);
        }
        let element = *self
            .buf
            .elements
            .get(usize::from(first) + index as usize)
            .filter(|_| index < u32::from(len))?;
        Some(self.repeat(element)?.shape)
    }

    /// `Dp <type>`: the pattern printed for each element of the first pack
    /// it refers to, `, ` between (d_print_comp,
    /// `DEMANGLE_COMPONENT_PACK_EXPANSION`); nothing for an empty pack. The
    /// pattern is read once for its candidates, then again for each
    /// further element with none recorded.
    fn expansion(&mut self) -> Step<Span> {
        if self.expanding.is_some() || self.in_lambda || !self.in_signature {
            return None;
        }
        self.pos += 2;
        let (pattern, start, since) = (self.pos, self.here(), self.params_printed);
        self.expanding = Some(0);
        self.pack_len = None;
        let read = self.type_();
        let len = self.pack_len?;
        read?;
        let end = self.pos;
        if len == 0 {
            self.buf.out.truncate(start as usize);
        }
        self.recording = false;
        for index in 1..len {
            self.push(", ");
            self.pos = pattern;
            self.expanding = Some(index);
            self.type_()?;
        }
        self.recording = true;
        self.expanding = None;
        self.pack_len = None;
        if self.pos != end {
            return None;
        }
        self.add_sub(start, since, Shape::Expansion)?;
        Some(self.span(start, since, Shape::Expansion))
    }

    /// `<template-args> ::= I <template-arg>+ E` (`Parser::template_args_1`),
    /// printed `<...>` with GNU's spaces (`operator< <int>`, `A<B<C> >`);
    /// `top`: the arguments of an encoding's name, kept for `T_`.
    pub(super) fn template_args(&mut self, top: bool) -> Step {
        self.pos += 1;
        let hold_last_name = self.last_name;
        if self.peek() == b'E' {
            return None;
        }
        spell::open_template_args(self);
        if top {
            self.buf.args.truncate(self.args_base);
        }
        self.unmodified(|reader| reader.template_arg_list(top))?;
        self.pos += 1;
        spell::close_template_args(self);
        self.last_name = hold_last_name;
        Some(())
    }

    /// The arguments of [`Reader::template_args`], up to their `E`.
    fn template_arg_list(&mut self, top: bool) -> Step<(u8, i32)> {
        self.list(b"E", |reader| {
            let (start, since) = (reader.here(), reader.params_printed);
            let shape = match TemplateArgStart::of(reader.input, reader.pos) {
                // A pack of the older `I` form goes to the tree.
                TemplateArgStart::Pack if reader.peek() == b'J' => {
                    reader.pos += 1;
                    reader.pack(top)?
                }
                _ => reader.template_arg()?.shape,
            };
            let span = reader.span(start, since, shape);
            if top {
                reader.buf.args.push(span);
            }
            Some(span)
        })
    }

    /// Items up to one of `ends` (not read; the end of the input only if
    /// it is one), `, ` between, as GNU's list printer prints them: it
    /// takes back the `, ` before items that print nothing (empty packs and
    /// expansions) where they end the list, though not the last character
    /// it remembers (`A<B<C>, J E>` is `A<B<C>>`, and so is `A<J B<C> J
    /// E E>`: see [`Reader::last`]). That character, and the number of
    /// items.
    fn list(
        &mut self,
        ends: &[u8],
        mut item: impl FnMut(&mut Self) -> Step<Span>,
    ) -> Step<(u8, i32)> {
        let mut count = 0;
        // The first of the empty items that end the list so far.
        let mut empty_tail = None;
        while !ends.contains(&self.peek()) {
            if self.peek() == 0 {
                return None;
            }
            if count > 0 {
                self.push(", ");
            }
            self.deeper(1);
            let span = item(self)?;
            if span.start == span.end {
                empty_tail = empty_tail.or(Some((count, span.start)));
            } else {
                empty_tail = None;
            }
            count += 1;
        }
        self.deepest_here();
        self.deeper(-count);
        match empty_tail {
            Some((0, start)) if count > 1 => self.buf.out.truncate(start as usize),
            Some((first, start)) if first > 0 => self.buf.out.truncate(start as usize - 2),
            _ => return Some((self.last(), count)),
        }
        self.comma_taken_back = Some(self.here());
        Some((self.last(), count))
    }

    /// The arguments of a pack after its `J`, up to and with its `E`;
    /// those of an encoding's name (`top`) kept for `T_`.
    fn pack(&mut self, top: bool) -> Step<Shape> {
        let first = u16::try_from(self.buf.elements.len()).ok()?;
        self.list(b"E", |reader| {
            if reader.peek() == b'J' {
                return None;
            }
            let span = reader.template_arg()?;
            if top {
                reader.buf.elements.push(span);
            }
            Some(span)
        })?;
        self.pos += 1;
        let len = if top {
            u16::try_from(self.buf.elements.len()).ok()? - first
        } else {
            0
        };
        Some(Shape::Pack { first, len })
    }

    /// `<template-arg> ::= <type> | <expr-primary>` (`Parser::template_arg`;
    /// expressions and packs go to the tree).
    fn template_arg(&mut self) -> Step<Span> {
        match TemplateArgStart::of(self.input, self.pos) {
            TemplateArgStart::Literal => {
                let (start, since) = (self.here(), self.params_printed);
                self.literal()?;
                Some(self.span(start, since, Shape::Plain))
            }
            TemplateArgStart::Expression | TemplateArgStart::Pack => None,
            TemplateArgStart::Type => self.type_(),
        }
    }

    /// `<expr-primary> ::= L <type> [n] <value> E` (`Parser::expr_primary`),
    /// printed as `Printer::literal` does: `5u`, `true`, `(char)97`, and
    /// `(E)2` for a type that is no builtin.
    fn literal(&mut self) -> Step {
        self.pos += 1;
        let Some(code) = tables::builtin_code(self.peek()) else {
            if !matches!(self.peek(), b'N' | b'0'..=b'9' | b'S') {
                return None;
            }
            self.push("(");
            self.type_()?;
            self.push(")");
            let negative = self.eat(b'n');
            let value = self.literal_value()?;
            if negative {
                self.push("-");
            }
            self.push(value);
            return Some(());
        };
        self.pos += 1;
        let negative = self.eat(b'n');
        let value = self.literal_value()?;
        let builtin = &BUILTINS[code as usize];
        match builtin.literal.form(negative, Some(value)) {
            LiteralForm::Suffixed(suffix) => {
                if negative {
                    self.push("-");
                }
                self.push(value);
                self.push(suffix);
            }
            LiteralForm::Bool(value) => self.push(if value { "true" } else { "false" }),
            LiteralForm::Cast { float } => {
                self.push("(");
                self.push(builtin.name);
                self.push(")");
                if negative {
                    self.push("-");
                }
                if float {
                    self.push("[");
                }
                self.push(value);
                if float {
                    self.push("]");
                }
            }
        }
        Some(())
    }

    /// A literal's value: its characters up to `E` (at least one), and
    /// the `E`.
    fn literal_value(&mut self) -> Step<&'a str> {
        let start = self.pos;
        while self.peek() != b'E' {
            if self.peek() == 0 {
                return None;
            }
            self.pos += 1;
        }
        self.pos += 1;
        let value = self.text.get(start..self.pos - 1)?;
        (!value.is_empty()).then_some(value)
    }

    /// `<type>+` of a parameter list (`Parser::parmlist`), in parentheses,
    /// up to `E`, `.` or the end (not read); a lone `void` is none.
    pub(super) fn parameters(&mut self) -> Step {
        self.push("(");
        let open = self.buf.out.len();
        let lone_void = self.peek() == b'v';
        let (_, count) = self.unmodified(|reader| {
            reader.list(b"\0E.", |reader| {
                // The rest of `lexemes::ends_parameters`: a requires-clause
                // or a ref-qualifier, which the tree reads.
                if lexemes::ends_parameters(reader.input, reader.pos) {
                    return None;
                }
                reader.type_()
            })
        })?;
        if count == 0 {
            return None;
        }
        if count == 1 && lone_void {
            self.buf.out.truncate(open);
        }
        self.push(")");
        Some(())
    }
}
