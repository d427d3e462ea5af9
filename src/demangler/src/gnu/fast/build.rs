//! The one-pass printer as the grammar's builder
//! (`super::super::grammar::Grammar`): each production printed as it is
//! read, or refused where GNU's printer does more than concatenate.

use super::super::ast::{Qual, Special, CONSTRUCTION_VTABLE};
use super::super::grammar::expressions::Expressions;
use super::super::grammar::productions::Productions;
use super::super::grammar::{
    Dimension, Grammar, Level, ListKind, NameInfo, Named, Signature, Stop,
};
use super::super::lexemes;
use super::super::lookahead::{self, TypeStart};
use super::super::spell;
use super::super::tables::{self, LiteralForm, BUILTINS};
use super::{
    slot_of, Buffers, LambdaGuard, Mark, Name, Reader, Saved, Shape, Span, Step, LAMBDA_PARAMETERS,
    MAX_NESTING,
};

/// A list being printed (see [`Grammar::list_begins`]).
pub(in crate::gnu) struct List {
    kind: ListKind,
    /// Items so far.
    count: i32,
    /// The first of the empty items that end the list so far, and where
    /// it began.
    empty_tail: Option<(i32, u32)>,
    /// The modifiers pending over the list, none within it.
    hold_modifiers: u32,
    /// A pack's first element in `Buffers::elements`.
    first: u16,
    /// A parameter list's text after its `(`, and whether it begins with
    /// `v` (a lone `void` is none).
    open: u32,
    lone_void: bool,
    /// A lambda's parameters (see [`LambdaGuard`]), and whether a pending
    /// modifier would change one of them.
    lambda: bool,
    changed: bool,
}

/// What an encoding holds while it is read, given back after.
pub(in crate::gnu) struct Frame {
    args_base: usize,
    args: usize,
    elements: usize,
    in_signature: bool,
    scope: u16,
    encoding_start: u32,
}

/// A refusal: the tree reads this name.
fn refused<T>() -> Step<T> {
    Err(Stop::Invalid)
}

impl<'a> Grammar<'a> for Reader<'a, '_> {
    type Name = Name;
    type Type = Span;
    /// A pack's shape, `Plain` for the other lists.
    type List = Shape;
    type ListState = List;
    type Mark = Mark;
    /// The qualifier's code.
    type Quals = u8;
    type LastName = &'a str;
    type Frame = Frame;

    fn text(&self) -> &'a str {
        self.text
    }

    fn pos(&self) -> usize {
        self.pos
    }

    fn set_pos(&mut self, pos: usize) {
        self.pos = pos;
    }

    fn verbose(&self) -> bool {
        self.verbose
    }

    fn params(&self) -> bool {
        true
    }

    fn invalid<T>(&mut self) -> Step<T> {
        refused()
    }

    fn gives_way(&self) -> Step {
        refused()
    }

    /// A type goes a few levels deeper in GNU's printer, and an encoding
    /// and an expression; a type or expression nests at most
    /// [`MAX_NESTING`] deep here.
    fn descend<T>(&mut self, level: Level, read: impl FnOnce(&mut Self) -> Step<T>) -> Step<T> {
        match level {
            Level::Type | Level::Expression => {
                if self.nesting == MAX_NESTING {
                    return refused();
                }
                self.nesting += 1;
                self.deeper(4);
                self.deepest_here();
                let read = read(self);
                self.deeper(-4);
                self.nesting -= 1;
                read
            }
            Level::Encoding => {
                self.deeper(4);
                let read = read(self);
                self.deeper(-4);
                read
            }
            Level::Name | Level::FunctionType => read(self),
        }
    }

    /// The count as it was after, whatever `read` did: a list within
    /// clears it, and gives it back only where it reads to its end.
    fn modified<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> T {
        let hold = self.modifiers;
        self.modifiers = hold + 1;
        let read = read(self);
        self.modifiers = hold;
        read
    }

    fn mark(&self) -> Mark {
        self.mark_here()
    }

    fn add_sub_name(&mut self, mark: Mark, name: Named<Name>) -> Step {
        self.add_sub(mark, Shape::Plain, name.info, false)
    }

    fn add_sub_type(&mut self, mark: Mark, ty: Span, info: NameInfo) -> Step {
        self.add_sub(mark, ty.shape, info, true)
    }

    /// The candidate's text again; a type whose text has a template
    /// parameter of another encoding in it is read again here, where GNU
    /// prints that parameter by this encoding's template.
    #[inline]
    fn back_reference(&mut self, _: Mark, id: usize) -> Step<(Span, NameInfo)> {
        let sub = *self.buf.subs.get(id).ok_or(Stop::Invalid)?;
        // A text with a template parameter printed in another encoding, or
        // referred to in a lambda's parameters (where GNU prints it
        // `auto:N`), is read again.
        let scope = sub.span.params_scope();
        if scope != 0 && (scope != self.scope || self.in_lambda) {
            return Ok((self.reread(sub)?, sub.info));
        }
        Ok((self.repeat(sub.span)?, sub.info))
    }

    fn std_abbreviation(&mut self, spelling: &'static str) -> Span {
        let mark = self.mark_here();
        self.push(spelling);
        self.span(mark.start, mark.since, Shape::Plain)
    }

    fn std_last_name(&mut self, name: &'static str) -> &'a str {
        name
    }

    fn last_name(&self) -> Option<&'a str> {
        self.last_name
    }

    fn set_last_name(&mut self, name: Option<&'a str>) {
        self.last_name = name;
    }

    fn identifier(&mut self, name: &'a str) -> &'a str {
        name
    }

    fn source(&mut self, name: &'a str) -> Name {
        self.push(name);
        Name::of_kind(Name::PLAIN)
    }

    fn operator(&mut self, op: u8) -> Step<Name> {
        let info = tables::operator_info(op);
        if info.code == *b"li" {
            return refused();
        }
        let (operator, name) = info.as_name();
        self.push(operator);
        self.push(name);
        Ok(Name::default())
    }

    fn literal_operator(&self, _: Name) -> Option<Name> {
        None
    }

    fn literal_operator_name(&mut self, op: Name, _: &'a str) -> Name {
        op
    }

    fn ctor_dtor(&mut self, name: &'a str, dtor: bool) -> Name {
        if dtor {
            self.push("~");
        }
        self.push(name);
        Name::default()
    }

    fn abi_tag(&mut self, _: Name, tag: &'a str) -> Name {
        self.push(tables::ABI_TAG_OPEN);
        self.push(tag);
        self.push("]");
        Name::default()
    }

    /// The `::` before a part, and one level deeper in GNU's printer for
    /// each (its names are chains).
    fn scope_part(&mut self, first: bool) {
        if !first {
            self.push("::");
        }
        self.deeper(1);
    }

    fn qualified_of(&mut self, _: Name, _: Name) -> Name {
        Name::of_kind(Name::QUALIFIED)
    }

    fn prefix_ends(&mut self, parts: u32) {
        self.deepest_here();
        self.deeper(-(parts as i32));
    }

    fn std_scope(&mut self) -> Name {
        self.push("std::");
        Name::default()
    }

    fn template_of(&mut self, _: Name, _: Shape) -> Name {
        Name::default()
    }

    fn as_scope(&mut self, sub: Span) -> Step<Name> {
        if sub.shape != Shape::Plain {
            return refused();
        }
        Ok(Name::default())
    }

    fn type_as_name(&mut self, _: Span) -> Name {
        Name::default()
    }

    fn name_as_type(&mut self, _: Name) -> Span {
        let mark = self.mark_here();
        self.span(mark.start, mark.since, Shape::Plain)
    }

    /// `K` alone; any other qualifier, or one more, is the tree's.
    fn this_qualifiers(&mut self, top: bool) -> Step<u8> {
        if !top || !self.eat(b'K') || matches!(self.peek(), b'r' | b'V' | b'K' | b'D') {
            return refused();
        }
        Ok(b'K')
    }

    fn this_qualified(&mut self, _: u8, name: Name) -> Name {
        name.with_this(Name::CONST)
    }

    /// Only on the outermost encoding's own name: on a local name's
    /// function, GNU may refuse a damaged name that reads here (the
    /// tree follows it there).
    fn ref_qualifier_begins(&mut self, top: bool) -> Step {
        if !top || self.scope != 1 {
            return refused();
        }
        Ok(())
    }

    fn ref_qualified(&mut self, qual: Qual, name: Name) -> Name {
        let bit = match qual {
            Qual::ReferenceThis => Name::LVALUE,
            _ => Name::RVALUE,
        };
        name.with_this(bit)
    }

    fn local_entity_begins(&mut self) {
        self.push("::");
    }

    fn local_name_of(&mut self, _: Name, entity: Name) -> Name {
        entity.as_kind(Name::OTHER)
    }

    fn string_literal(&mut self) -> Name {
        self.push(tables::STRING_LITERAL);
        Name::default()
    }

    /// `{lambda(`, and in the parameters `T_` is `auto:N`; one under a
    /// pending modifier has its parameters checked ([`LambdaGuard`]).
    fn closure_begins(&mut self) -> Step<bool> {
        if self.lambda_guard != LambdaGuard::None {
            return refused();
        }
        self.lambda_guard = match self.modifiers {
            0 => LambdaGuard::Next,
            _ => LambdaGuard::NextPending,
        };
        self.lambda_printed = true;
        self.push(tables::LAMBDA_OPEN);
        let around = std::mem::replace(&mut self.in_lambda, true);
        self.scope_changed();
        Ok(around)
    }

    /// `)#N}`; tags on a closure make it no closure to a local name, which
    /// the tree reads.
    fn closure(&mut self, around: bool, _: Option<Span>, _: Shape, number: u32) -> Step<Name> {
        self.in_lambda = around;
        self.lambda_guard = LambdaGuard::None;
        self.scope_changed();
        spell::close_closure(self, number);
        if self.peek() == b'B' {
            return refused();
        }
        Ok(Name::default())
    }

    fn unnamed_type(&mut self, number: u32) -> Step<Name> {
        spell::unnamed_type(self, number);
        if self.peek() == b'B' {
            return refused();
        }
        Ok(Name::default())
    }

    fn builtin(&mut self, mark: Mark, code: u8) -> Span {
        self.push(BUILTINS[code as usize].name);
        self.span(mark.start, mark.since, Shape::Plain)
    }

    fn auto(&mut self, mark: Mark, decltype: bool) -> Span {
        self.push(if decltype { "decltype(auto)" } else { "auto" });
        self.span(mark.start, mark.since, Shape::Plain)
    }

    fn class_type_begins(&self) -> Step {
        if matches!(self.peek(), b'N' | b'Z' | b'S' | b'0'..=b'9') {
            Ok(())
        } else {
            refused()
        }
    }

    fn name_type(&mut self, mark: Mark, _: Named<Name>) -> Span {
        self.span(mark.start, mark.since, Shape::Plain)
    }

    /// A reference on a template parameter's node prints by GNU's saved
    /// scope, and one on a reference saves or restores none for it
    /// (`scopes.rs`).
    fn modifier(&mut self, mark: Mark, code: u8, inner: Span) -> Step<Span> {
        if !matches!(code, b'P' | b'R' | b'O') {
            return refused();
        }
        let mut inner = inner;
        let mut saved = Saved::Nothing;
        if code != b'P' {
            self.smashed(inner)?;
            saved = self.reference_on(mark.input as usize, &mut inner)?;
        }
        let shape = self.pointer_or_reference(code, inner)?;
        let span = self.span(mark.start, mark.since, shape);
        if saved != Saved::Nothing {
            self.last_reference = (span.start, span.end, saved);
        }
        Ok(span)
    }

    /// One qualifier, not on a function type (its `this`'s) or another
    /// qualifier, nor an exception specification.
    fn cv_qualifiers(&mut self, _: bool) -> Step<u8> {
        let code = self.peek();
        if code == b'D' {
            return refused();
        }
        self.advance(1);
        if lexemes::starts_type_qual(self.input(), self.pos) {
            return refused();
        }
        Ok(code)
    }

    /// A qualifier right before `F` is the function type's `this`'s
    /// (d_cv_qualifiers).
    #[inline]
    fn qualified_type_of(&mut self, mark: Mark, code: u8, inner: Span) -> Step<Span> {
        let shape = if self.text.as_bytes().get(mark.input as usize + 1) == Some(&b'F') {
            self.qualified_function(code, inner)?
        } else {
            self.qualified(code, inner)?
        };
        Ok(self.span(mark.start, mark.since, shape))
    }

    fn array_dimension(&mut self, _: &'a str) -> Span {
        self.name_as_type(Name::default())
    }

    fn array_of(&mut self, mark: Mark, dim: Dimension<'a, Span>, element: Span) -> Step<Span> {
        let dim = match dim {
            Dimension::None => "",
            Dimension::Number(_, digits) => digits,
            Dimension::Expression(_) => return refused(),
        };
        let shape = self.array(dim, element)?;
        Ok(self.span(mark.start, mark.since, shape))
    }

    /// In a function type, printed before its parameters (`ret (params)`),
    /// under the function type pending over it (d_print_comp,
    /// `DEMANGLE_COMPONENT_FUNCTION_TYPE`), which a lambda's parameters
    /// would take in; a return type that is itself a function type or a
    /// pack is the tree's. An encoding's is moved before its name once all
    /// is read ([`Reader::write`]; only the outermost encoding's), or, for
    /// a local name's function, read and not printed.
    fn return_type(
        &mut self,
        signature: Signature,
        read: impl FnOnce(&mut Self) -> Step<Span>,
    ) -> Step<Span> {
        let start = self.here();
        let dropped = match signature {
            Signature::FunctionType => {
                let ret = self.modified(read)?;
                if matches!(
                    ret.shape,
                    Shape::Declarator { .. }
                        | Shape::SmashedDeclarator
                        | Shape::Pack { .. }
                        | Shape::Expansion
                ) {
                    return refused();
                }
                self.push(" ");
                return Ok(ret);
            }
            Signature::Encoding {
                entity_local,
                in_local_name,
            } => entity_local || in_local_name,
        };
        // GNU prints no dropped return type, and prints one kept before
        // the name read before it: no saved scope is restored in either,
        // and none saved in a dropped one is trusted (see
        // `Reader::reference_on`).
        self.no_restore += 1;
        self.untrusted += u16::from(dropped);
        let ret = if dropped {
            read(self)
        } else {
            self.modified(read)
        };
        self.no_restore -= 1;
        self.untrusted -= u16::from(dropped);
        let ret = ret?;
        // A pack expansion's elements may be declarators, whose group GNU
        // prints the name in (`char const (&f<...>()) [35], int`).
        if matches!(
            ret.shape,
            Shape::Declarator { .. } | Shape::SmashedDeclarator | Shape::Expansion
        ) {
            return refused();
        }
        if dropped {
            self.drop_from(start);
        } else if self.in_literal {
            self.put_return_type_first(self.encoding_start, start);
        } else {
            if self.return_type.is_some() {
                return refused();
            }
            self.return_type = Some((self.encoding_start, start, self.here()));
        }
        Ok(ret)
    }

    /// A function type is printed `ret (params)`: a modifier on it goes
    /// after its return type and space.
    fn function_of(
        &mut self,
        mark: Mark,
        signature: Signature,
        ret: Option<Span>,
        _: Shape,
    ) -> Span {
        let shape = match (signature, ret) {
            (Signature::FunctionType, Some(ret)) => Shape::Declarator {
                slot: slot_of(ret.end + 1 - mark.start),
                grouped: false,
                outer: 0,
                array: false,
            },
            _ => Shape::Plain,
        };
        self.span(mark.start, mark.since, shape)
    }

    fn null_type(&mut self) -> Span {
        self.name_as_type(Name::default())
    }

    fn ref_qualified_type(&mut self, _: Qual, ty: Span) -> Span {
        ty
    }

    /// The argument's text; in a pack expansion, that of the element being
    /// printed. Only in a template's signature (GNU prints one elsewhere
    /// by the template in scope where it is printed); in a lambda's
    /// parameters `auto:N`, whatever the arguments.
    #[inline]
    fn template_param_of(&mut self, mark: Mark, n: u32) -> Step<Span> {
        if self.in_lambda {
            return Ok(self.auto_parameter(mark, n));
        }
        if !self.in_signature {
            return refused();
        }
        let arg = *self.buf.args[self.args_base..]
            .get(n as usize)
            .ok_or(Stop::Invalid)?;
        self.params_printed += 1;
        let Shape::Pack { first, len } = arg.shape else {
            let shape = self.repeat(arg)?.shape;
            return Ok(self.span(mark.start, mark.since, shape));
        };
        let index = self.expanding.ok_or(Stop::Invalid)?;
        if self.pack_len.is_none() {
            self.pack_len = Some(u32::from(len));
        }
        if len == 0 && self.pack_len == Some(0) {
            // The first reading of an empty expansion: nothing to print.
            return Ok(self.span(mark.start, mark.since, Shape::Plain));
        }
        let element = *self
            .buf
            .elements
            .get(usize::from(first) + index as usize)
            .filter(|_| index < u32::from(len))
            .ok_or(Stop::Invalid)?;
        let shape = self.repeat(element)?.shape;
        Ok(self.span(mark.start, mark.since, shape))
    }

    /// The pattern printed for each element of the first pack it refers
    /// to, `, ` between (d_print_comp, `DEMANGLE_COMPONENT_PACK_EXPANSION`);
    /// nothing for an empty pack. The pattern is read once for its
    /// candidates, then again for each further element with none recorded.
    fn pack_expansion(
        &mut self,
        mark: Mark,
        mut pattern: impl FnMut(&mut Self) -> Step<Span>,
    ) -> Step<Span> {
        if self.expanding.is_some() || self.in_lambda || !self.in_signature {
            return refused();
        }
        let at = self.pos;
        self.expanding = Some(0);
        self.pack_len = None;
        let read = pattern(self);
        let len = self.pack_len.ok_or(Stop::Invalid)?;
        read?;
        let end = self.pos;
        if len == 0 {
            self.buf.out.truncate(mark.start as usize);
        }
        self.recording = false;
        for index in 1..len {
            self.push(", ");
            self.pos = at;
            self.expanding = Some(index);
            pattern(self)?;
        }
        self.recording = true;
        self.expanding = None;
        self.pack_len = None;
        if self.pos != end {
            return refused();
        }
        Ok(self.span(mark.start, mark.since, Shape::Expansion))
    }

    /// A template's arguments `<...>` with GNU's spaces (`operator< <int>`,
    /// `A<B<C> >`), those of an encoding's name kept for `T_`; a function's
    /// parameters in parentheses. Neither has modifiers pending within.
    fn list_begins(&mut self, kind: ListKind) -> Step<List> {
        let mut list = List {
            kind,
            count: 0,
            empty_tail: None,
            hold_modifiers: 0,
            first: 0,
            open: 0,
            lone_void: false,
            lambda: false,
            changed: false,
        };
        match kind {
            ListKind::TemplateArgs { top } => {
                spell::open_template_args(self);
                if top {
                    self.buf.args.truncate(self.args_base);
                }
                list.hold_modifiers = std::mem::replace(&mut self.modifiers, 0);
            }
            ListKind::Pack { .. } => {
                list.first = u16::try_from(self.buf.elements.len()).map_err(|_| Stop::Invalid)?;
            }
            ListKind::Parameters => {
                self.push("(");
                list.open = self.here();
                list.lone_void = self.peek() == b'v';
                list.hold_modifiers = std::mem::replace(&mut self.modifiers, 0);
                match self.lambda_guard {
                    LambdaGuard::Next => {
                        self.lambda_guard = LambdaGuard::None;
                        list.lambda = true;
                    }
                    LambdaGuard::NextPending => {
                        self.lambda_guard = LambdaGuard::Within;
                        list.lambda = true;
                    }
                    _ => {}
                }
            }
        }
        Ok(list)
    }

    /// `, ` between items, each one level deeper in GNU's printer (its
    /// lists are chains); a pack right in a pack is the tree's.
    fn list_item_begins(&mut self, list: &mut List) -> Step {
        if matches!(list.kind, ListKind::Pack { .. }) && matches!(self.peek(), b'J' | b'I') {
            return refused();
        }
        if list.count > 0 {
            self.push(", ");
        }
        self.deeper(1);
        Ok(())
    }

    fn list_item_ends(&mut self, list: &mut List, item: Span) {
        if item.start == item.end {
            list.empty_tail = list.empty_tail.or(Some((list.count, item.start)));
        } else {
            list.empty_tail = None;
        }
        list.count += 1;
        // What a pending modifier changes (see `LambdaGuard`): a function or
        // array type, a qualifier outermost, a pack.
        if list.lambda
            && !matches!(
                item.shape,
                Shape::Plain
                    | Shape::Pointer
                    | Shape::Reference
                    | Shape::RvalueReference
                    | Shape::Smashed
            )
        {
            list.changed = true;
        }
        match list.kind {
            ListKind::TemplateArgs { top: true } => self.buf.args.push(item),
            ListKind::Pack { top: true } => self.buf.elements.push(item),
            _ => {}
        }
    }

    /// As GNU's list printer prints it: it takes back the `, ` before
    /// items that print nothing (empty packs and expansions) where they end
    /// the list, though not the last character it remembers (`A<B<C>, J
    /// E>` is `A<B<C>>`, and so is `A<J B<C> J E E>`: see
    /// [`Reader::last`]).
    #[inline(always)]
    fn list_ends(&mut self, list: List) -> Step<Shape> {
        self.deepest_here();
        self.deeper(-list.count);
        let taken_back = match list.empty_tail {
            Some((0, start)) if list.count > 1 => Some(start),
            Some((first, start)) if first > 0 => Some(start - 2),
            _ => None,
        };
        if let Some(at) = taken_back {
            self.buf.out.truncate(at as usize);
            self.comma_taken_back = Some(self.here());
        }
        match list.kind {
            ListKind::TemplateArgs { .. } => {
                self.modifiers = list.hold_modifiers;
                spell::close_template_args(self);
                Ok(Shape::Plain)
            }
            ListKind::Pack { top } => {
                let len = if top {
                    u16::try_from(self.buf.elements.len()).map_err(|_| Stop::Invalid)? - list.first
                } else {
                    0
                };
                Ok(Shape::Pack {
                    first: list.first,
                    len,
                })
            }
            ListKind::Parameters => {
                // Parameters that end in a requires-clause or a
                // ref-qualifier, or none, are the tree's.
                if !matches!(self.peek(), 0 | b'E' | b'.') || list.count == 0 {
                    return refused();
                }
                if list.changed {
                    // The lambda's own list is the one that ends while the
                    // guard is up (a list within it is no lambda's).
                    if self.lambda_guard == LambdaGuard::Within {
                        return refused();
                    }
                    self.lambda_changed_by_modifiers = true;
                }
                if list.count == 1 && list.lone_void {
                    self.buf.out.truncate(list.open as usize);
                }
                self.push(")");
                self.modifiers = list.hold_modifiers;
                Ok(Shape::Plain)
            }
        }
    }

    fn empty_list(&mut self, kind: ListKind) -> Step<Shape> {
        match kind {
            ListKind::Pack { .. } => {
                let first = u16::try_from(self.buf.elements.len()).map_err(|_| Stop::Invalid)?;
                Ok(Shape::Pack { first, len: 0 })
            }
            _ => refused(),
        }
    }

    fn pack_arg(&mut self, mark: Mark, pack: Shape) -> Span {
        self.span(mark.start, mark.since, pack)
    }

    /// A builtin type is not printed here but with the value; a class or
    /// enum is printed in parentheses, `(E)2`.
    fn literal_type(&mut self, read: impl FnOnce(&mut Self) -> Step<Span>) -> Step<Span> {
        if let Some(code) = tables::builtin_code(self.peek()) {
            self.advance(1);
            self.literal_builtin = Some(code);
            return Ok(self.name_as_type(Name::default()));
        }
        if !matches!(self.peek(), b'N' | b'0'..=b'9' | b'S') {
            return refused();
        }
        self.push("(");
        let ty = read(self)?;
        self.push(")");
        self.literal_builtin = None;
        Ok(ty)
    }

    fn is_nullptr(&self, _: Span) -> bool {
        false
    }

    /// Printed as `Printer::literal` prints it: `5u`, `true`, `(char)97`,
    /// and `(E)2` for a type that is no builtin.
    fn literal(&mut self, mark: Mark, _: Span, negative: bool, value: &'a str) -> Span {
        let Some(code) = self.literal_builtin.take() else {
            if negative {
                self.push("-");
            }
            self.push(value);
            return self.span(mark.start, mark.since, Shape::Plain);
        };
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
        self.span(mark.start, mark.since, Shape::Plain)
    }

    /// The encoding's own template arguments, above those of the
    /// encodings around it; none in a pack expansion's pattern, which is
    /// read again.
    fn encoding_begins(&mut self) -> Step<Frame> {
        if self.expanding.is_some() {
            return refused();
        }
        let frame = Frame {
            args_base: self.args_base,
            args: self.buf.args.len(),
            elements: self.buf.elements.len(),
            in_signature: self.in_signature,
            scope: self.scope,
            encoding_start: self.encoding_start,
        };
        // Scopes fit beside `Span::SIDE`.
        if self.scopes + 1 >= LAMBDA_PARAMETERS {
            return refused();
        }
        self.scopes += 1;
        self.scope = self.scopes;
        self.scope_changed();
        self.args_base = self.buf.args.len();
        self.in_signature = false;
        self.encoding_start = self.here();
        Ok(frame)
    }

    fn encoding_ends(&mut self, frame: Frame) {
        self.args_base = frame.args_base;
        self.buf.args.truncate(frame.args);
        self.buf.elements.truncate(frame.elements);
        self.in_signature = frame.in_signature;
        self.scope = frame.scope;
        self.scope_changed();
        self.encoding_start = frame.encoding_start;
    }

    fn encoding_read(&mut self, encoding: Name) -> Name {
        encoding
    }

    fn without_params(&mut self, _: bool, _: Named<Name>) -> Option<Name> {
        None
    }

    /// GNU prints the `this` qualifiers of a name that is no function's
    /// after it, which the tree does.
    fn variable(&mut self, name: Named<Name>, top: bool) -> Step<Name> {
        if name.name.this() != 0 || (top && self.peek() == b'E') {
            return refused();
        }
        Ok(name.name)
    }

    fn signature_begins(&mut self, name: NameInfo) {
        self.in_signature = name.has(NameInfo::TEMPLATE);
    }

    fn typed_name(&mut self, _: Mark, name: Named<Name>, ftype: Span) -> Step<Name> {
        let name = name.name;
        if name.this() != 0 {
            self.print_this_qualifiers(name);
            return Ok(name.as_kind(Name::OTHER));
        }
        if name.kind() != Name::QUALIFIED {
            return Ok(name.as_kind(Name::OTHER));
        }
        // Its parameters, which the address of it does not print.
        self.typed_at = ftype.start;
        Ok(name.as_kind(Name::QUALIFIED_FUNCTION))
    }

    fn clone_suffix(&mut self, encoding: Name, suffix: &'a str) -> Name {
        self.push(" [clone ");
        self.push(suffix);
        self.push("]");
        encoding
    }

    /// The vtables, type information, guard variables, thunks, hidden
    /// aliases and transaction clones; the rest (`TF`, `TJ`, `TH`, `TW`:
    /// rare) the tree prints.
    fn special_begins(&mut self, kind: Special) -> Step {
        if !matches!(
            kind,
            Special::Vtable
                | Special::Vtt
                | Special::Typeinfo
                | Special::TypeinfoName
                | Special::Guard
                | Special::Thunk
                | Special::VirtualThunk
                | Special::HiddenAlias
                | Special::TransactionClone
                | Special::NonTransactionClone
        ) {
            return refused();
        }
        self.push(kind.prefix());
        Ok(())
    }

    fn special(&mut self, _: Special, _: Span) -> Name {
        Name::default()
    }

    fn expression(&mut self) -> Step<Span> {
        self.expression_1()
    }

    fn qualifier_levels_first(&mut self) -> bool {
        true
    }

    fn unresolved_scope_ends(&mut self) {
        self.push("::");
    }

    /// Noted as an operand GNU prints without parentheses where it is a
    /// name or a qualified name with no arguments (`d_print_subexpr`; see
    /// [`Grammar::operation_of_one`]).
    fn unresolved_name_of(&mut self, mark: Mark, name: Name, args: Option<Shape>) -> Span {
        let span = self.span(mark.start, mark.since, Shape::Plain);
        if args.is_none() && matches!(name.kind(), Name::PLAIN | Name::QUALIFIED) {
            self.simple_operand = (span.start, span.end);
        }
        span
    }

    fn expression_operator(&mut self, op: u8) -> Step<Name> {
        let info = tables::operator_info(op);
        let kind = match &info.code {
            b"ad" => Name::ADDRESS_OF,
            b"nt" | b"ng" | b"ps" | b"co" => Name::OTHER,
            _ => return refused(),
        };
        self.push(info.name);
        // Only a name read as this operand is one.
        self.forget_operands();
        Ok(Name::of_kind(kind))
    }

    /// Any other operand goes in parentheses, put around its text (a text
    /// just read again there is the tree's: see [`Reader::reread`]).
    fn operation_of_one(
        &mut self,
        mark: Mark,
        op: Name,
        operand: Span,
        suffix: bool,
    ) -> Step<Span> {
        if suffix
            || operand.side()
            || matches!(operand.shape, Shape::Pack { .. } | Shape::Expansion)
        {
            return refused();
        }
        let (start, end, params) = self.address_drops;
        if op.kind() == Name::ADDRESS_OF && (operand.start, operand.end) == (start, end) {
            // `&a::f`, not `&(a::f(int))` (d_print_comp's
            // `DEMANGLE_COMPONENT_UNARY`): its parameters are read and not
            // printed.
            if end != self.here() {
                return refused();
            }
            self.drop_from(params);
        } else if (operand.start, operand.end) != self.simple_operand {
            if self.reread_at.0 != u32::MAX && self.reread_at.0 >= operand.start {
                return refused();
            }
            self.insert(operand.start, "(");
            self.push(")");
        }
        Ok(self.span(mark.start, mark.since, Shape::Plain))
    }

    fn other_expression(&mut self) -> Step<Span> {
        refused()
    }

    /// The encoding of `L _Z <encoding> E`, printed as it is (a special
    /// name's is the tree's). What GNU's `d_print_subexpr` prints without
    /// parentheses, as an operand, is noted: the name of a variable that is
    /// a name or a qualified name; and so is a function whose name is a
    /// qualified name, whose address is printed without its parameters.
    fn literal_name(&mut self) -> Step<Span> {
        let mark = self.mark_here();
        let at = self.pos + usize::from(self.peek() == b'_') + 1;
        if lookahead::starts_special_name(self.input(), at) {
            return refused();
        }
        let around = std::mem::replace(&mut self.in_literal, true);
        let encoding = self.mangled_name(false);
        self.in_literal = around;
        let encoding = encoding?;
        let span = self.span(mark.start, mark.since, Shape::Plain);
        self.forget_operands();
        match encoding.kind() {
            Name::PLAIN | Name::QUALIFIED => self.simple_operand = (span.start, span.end),
            Name::QUALIFIED_FUNCTION => self.address_drops = (span.start, span.end, self.typed_at),
            _ => {}
        }
        Ok(span)
    }

    /// What is read before it is printed after: a saved scope is not
    /// restored until then (see `Reader::reference_on`).
    fn printed_later(&mut self, ty: Span) -> Step<Span> {
        self.no_restore += 1;
        self.take_aside(ty)
    }

    fn construction_vtable_begins(&mut self) -> Step {
        self.push(CONSTRUCTION_VTABLE[0]);
        Ok(())
    }

    fn construction_vtable_of(&mut self, derived: Span, _: Span) -> Name {
        self.no_restore -= 1;
        self.push(CONSTRUCTION_VTABLE[1]);
        let Buffers { out, side, .. } = &mut *self.buf;
        out.push_str(&side[derived.start as usize..derived.end as usize]);
        Name::default()
    }

    fn pointer_to_member(&mut self, mark: Mark, class: Span, member: Span) -> Step<Span> {
        self.no_restore -= 1;
        let shape = self.member_pointer(class, member)?;
        Ok(self.span(mark.start, mark.since, shape))
    }

    fn other_special_name(&mut self) -> Step<Name> {
        refused()
    }

    fn other_type(&mut self, _: TypeStart) -> Step<Span> {
        refused()
    }

    fn template_template_args(&mut self, _: Span) -> Step<Span> {
        refused()
    }

    /// A lambda with a template head prints its parameters by it: the
    /// tree's.
    fn template_head(&mut self) -> Step<Option<Span>> {
        refused()
    }

    fn as_module(&self, _: Span) -> Option<Span> {
        None
    }

    fn module_part(&mut self, _: Option<Span>, _: &'a str, _: bool) -> Span {
        self.name_as_type(Name::default())
    }

    fn module_entity(&mut self, name: Name, _: Span) -> Name {
        name.as_kind(Name::OTHER)
    }

    fn friend(&mut self, name: Name) -> Name {
        name.as_kind(Name::OTHER)
    }

    fn structured_binding(&mut self) -> Step<Name> {
        refused()
    }

    fn unnamed_enum(&mut self) -> Step<Name> {
        refused()
    }

    fn vendor_operator(&mut self, _: u8, _: &'a str) -> Name {
        Name::default()
    }

    fn conversion_operator(&mut self, _: bool) -> Step<(Name, bool)> {
        refused()
    }

    fn default_arg(&mut self, _: u32, name: Name) -> Name {
        name.as_kind(Name::OTHER)
    }

    fn constraints(&mut self, args: Shape, _: Span) -> Shape {
        args
    }

    fn function_constraints(&mut self, ftype: Span, _: Span) -> Span {
        ftype
    }

    fn with_enable_if(&mut self, typed: Name, _: Shape) -> Name {
        typed
    }
}
