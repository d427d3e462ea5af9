//! The `<expression>`s only the tree reads (libiberty's `d_expression_1`,
//! `d_exprlist`): binary and trinary operators, calls, casts, `new`,
//! folds, braced initializers, function parameters. The grammar reads the
//! others (`crate::gnu::grammar::expressions`) and comes here for these.

use super::*;
use crate::gnu::grammar::expressions::Expressions;
use crate::gnu::grammar::productions::Productions;
use crate::gnu::grammar::terms::Terms;
use crate::gnu::grammar::ListKind;

impl<'a> Parser<'a> {
    /// ```text
    /// <expression> ::= <expr-primary> | <template-param>
    ///              ::= <(binary) operator-name> <expression> <expression>
    ///              ::= <(trinary) operator-name> <expression> <expression> <expression>
    ///              ::= cl <expression>+ E | cv <type> <expression>
    ///              ::= sP <template-arg>* E | <function-param>
    ///              ::= fl/fr/fL/fR <fold>, il <braced>* E, nw/na <new>, ...
    /// ```
    /// (libiberty `d_expression_1`), after the forms the grammar reads.
    pub(super) fn other_expression_inner(&mut self) -> R {
        let peek = self.peek();
        let next = self.peek_next();
        match (peek, next) {
            (b'L', _) => return self.expr_primary(),
            (b'T', _) => return self.template_param(),
            (b's', b'p') => {
                self.advance(2);
                let e = self.expression_1()?;
                return Ok(self.add(Node::PackExpansion(e)));
            }
            (b'f', b'p') => {
                self.advance(2);
                let index = if self.eat(b'T') {
                    0
                } else {
                    let n = self.lexeme(lexemes::compact_number)?;
                    n.checked_add(1).ok_or(Stop::Invalid)?
                };
                return Ok(self.add(Node::FunctionParam(index)));
            }
            (b'i' | b't', b'l') => return self.initializer_list(peek == b't'),
            // `u <source-name> <template-args>`: a vendor extended
            // expression (`__alignof__(int)`, d_expression_1, GNU 2.44).
            (b'u', _) => {
                self.advance(1);
                let [name, args] = self
                    .operands([&mut |p: &mut Self| p.source_name(), &mut |p: &mut Self| {
                        p.template_args_1(ListKind::TemplateArgs { top: false })
                    }])?;
                return Ok(self.add(Node::VendorExpr(name, args)));
            }
            _ => {}
        }
        let (op, _) = self.operator_name(false)?;
        let mut code = None;
        let args = match self.node(op) {
            Node::Operator(i) => {
                let info = tables::operator_info(i);
                code = Some(info.code);
                info.args
            }
            Node::ExtendedOperator(args, _) => args,
            Node::Cast(_) => 1,
            _ => return self.invalid(),
        };
        match args {
            0 => Ok(self.add(Node::Nullary(op))),
            1 => self.unary_expression(op, code),
            2 => {
                let code = code.ok_or(Stop::Invalid)?;
                let [left, right] = self.operands([
                    &mut |p: &mut Self| p.binary_left(code),
                    &mut |p: &mut Self| p.binary_right(code),
                ])?;
                let args = self.add(Node::BinaryArgs(Some(left), Some(right)));
                Ok(self.add(Node::Binary(op, args)))
            }
            3 => self.trinary_expression(op, code.ok_or(Stop::Invalid)?),
            _ => self.invalid(),
        }
    }

    /// `il <braced-expression>* E` and `tl <type> <braced-expression>* E`
    /// (`typed`): a braced initializer list.
    fn initializer_list(&mut self, typed: bool) -> R {
        self.advance(2);
        // libiberty does not check the type (d_expression_1, `tl`):
        // where it does not parse, it reads the list on from
        // wherever its failed parse stopped, and so does this
        // parser (`_Z1fP1BIXtlA1Li1EEEE` is `f(B<{1}>*)`: the type
        // `A1` fails at `L`). A failure in an expression stops
        // where libiberty's does (see `operands`).
        let ty = if typed {
            match self.type_() {
                Err(Stop::Invalid) => None,
                result => Some(result?),
            }
        } else {
            None
        };
        if self.peek() == 0 || self.peek_next() == 0 {
            return self.invalid();
        }
        let list = self.exprlist(b'E')?;
        Ok(self.add(Node::InitializerList(ty, list)))
    }

    /// The operand of a cast, a vendor's operator of one operand or `sP`
    /// (`code`): a cast's list, `sP`'s arguments. (The grammar reads the
    /// table's other operators of one operand.)
    fn unary_expression(&mut self, op: Id, code: Option<[u8; 2]>) -> R {
        let is_cast = matches!(self.node(op), Node::Cast(_));
        let operand = if is_cast && self.eat(b'_') {
            self.exprlist(b'E')?
        } else if code == Some(*b"sP") {
            self.template_args_1(ListKind::TemplateArgs { top: false })?
        } else {
            self.expression_1()?
        };
        Ok(self.add(Node::Unary(op, operand)))
    }

    /// The three operands of `?:`, a range designator, a fold with an
    /// initializer, or `new` (`op`, of `code`).
    fn trinary_expression(&mut self, op: Id, code: [u8; 2]) -> R {
        let (first, second, third);
        if code == *b"qu" || code == *b"dX" || code[0] == b'f' {
            // `?:` and a range designator: three expressions; a
            // fold with an initializer: its operator, then two.
            let lead: &mut dyn FnMut(&mut Self) -> R = if code[0] == b'f' {
                &mut |p: &mut Self| p.operator_name(false).map(|(op, _)| op)
            } else {
                &mut Self::expression_1
            };
            let [a, b, c] =
                self.operands([lead, &mut Self::expression_1, &mut Self::expression_1])?;
            (first, second, third) = (a, b, Some(c));
        } else if code[0] == b'n' {
            let mut initializer = None;
            let [a, b] =
                self.operands([&mut |p: &mut Self| p.exprlist(b'_'), &mut |p: &mut Self| {
                    let ty = p.type_();
                    // Read even where the type failed, as libiberty
                    // reads it.
                    if matches!(ty, Ok(_) | Err(Stop::Invalid)) {
                        initializer = Some(p.new_initializer());
                    }
                    ty
                }])?;
            (first, second) = (a, b);
            third = initializer.unwrap_or(Ok(None))?;
        } else {
            return self.invalid();
        }
        let arg2 = self.add(Node::TrinaryArg2(Some(second), third));
        let arg1 = self.add(Node::TrinaryArg1(Some(first), arg2));
        Ok(self.add(Node::Trinary(op, arg1)))
    }

    /// The left operand of a binary operator `code` (libiberty
    /// `d_expression_1`): a type for the new-style casts, an operator for
    /// a fold, a field name for a designated initializer.
    fn binary_left(&mut self, code: [u8; 2]) -> R {
        if matches!(&code, b"dc" | b"sc" | b"cc" | b"rc") {
            self.type_()
        } else if code[0] == b'f' {
            self.operator_name(false).map(|(op, _)| op)
        } else if code == *b"di" {
            self.unqualified_name().map(|n| n.name)
        } else {
            self.expression_1()
        }
    }

    /// The right operand of a binary operator `code` (libiberty
    /// `d_expression_1`): a call's arguments, or a member's name after
    /// `.` and `->` (`d_unqualified_name`, for the older manglings that
    /// wrote an operator's name with no `on`).
    fn binary_right(&mut self, code: [u8; 2]) -> R {
        if code == *b"cl" {
            return self.exprlist(b'E');
        }
        if code == *b"dt" || code == *b"pt" {
            let (p, n) = (self.peek(), self.peek_next());
            if !((p == b'g' && n == b's') || (p == b's' && n == b'r')) {
                let name = self.unqualified_name().map(|n| n.name);
                return self.with_args(name);
            }
        }
        self.expression_1()
    }

    /// A new-expression's initializer after its type: none (`E`), in
    /// parentheses (`pi ... E`) or braced (`il ... E`). One that does not
    /// parse is dropped, and the parse goes on from where it stopped:
    /// libiberty makes the new-expression's TRINARY_ARG2 with a NULL right
    /// (d_expression_1), and prints `new T` without it.
    fn new_initializer(&mut self) -> Result<Option<Id>, Stop> {
        let dropped = |result: R| match result {
            Err(Stop::Invalid) => Ok(None),
            result => result.map(Some),
        };
        if self.eat(b'E') {
            Ok(None)
        } else if self.peek() == b'p' && self.peek_next() == b'i' {
            self.advance(2);
            dropped(self.exprlist(b'E'))
        } else if self.peek() == b'i' && self.peek_next() == b'l' {
            dropped(self.expression_1())
        } else {
            self.invalid()
        }
    }

    /// `<expression>* <terminator>` (libiberty `d_exprlist`).
    pub(super) fn exprlist(&mut self, terminator: u8) -> R {
        if self.eat(terminator) {
            return Ok(self.add(Node::ArgList(None, None)));
        }
        let mut list = ListBuilder::new(false);
        loop {
            let item = self.expression_1()?;
            self.list_push(&mut list, item);
            if self.eat(terminator) {
                break;
            }
            if self.peek() == 0 {
                return self.invalid();
            }
        }
        Ok(self.list_finish(list))
    }
}
