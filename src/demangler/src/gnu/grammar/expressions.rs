//! `<expression>` (libiberty `d_expression_1`): the forms read here, once
//! for both builders, are names (`sr`, unqualified, an operator's after
//! `on`), mangled names as literals (`L_Z`) and the operators of the table
//! with one operand. The other forms (the other literals, template
//! parameters, calls, casts, binary and trinary operators, braced lists,
//! `new`, folds, function parameters...) are the tree's
//! ([`Grammar::other_expression`]), where the one-pass printer gives way.

use super::productions::Productions;
use super::{Grammar, Level, Stop};
use crate::gnu::tables;

impl<'a, G: Grammar<'a>> Expressions<'a> for G {}

pub(in crate::gnu) trait Expressions<'a>: Grammar<'a> {
    /// `<expression>`, one level deeper (libiberty `d_expression_1`).
    fn expression_1(&mut self) -> Result<Self::Type, Stop> {
        self.descend(Level::Expression, Self::expression_inner)
    }

    /// ```text
    /// <expression> ::= sr <unresolved name>
    ///              ::= L <mangled-name> E
    ///              ::= [on] <unqualified-name> [<template-args>]
    ///              ::= <(unary) operator-name> <expression>
    ///              ::= ... (the tree's)
    /// ```
    /// The forms that begin with `L`, `T`, `sp`, `fp`, a digit, `on`,
    /// `il`, `tl` and `u` come before the operators in libiberty's order;
    /// none of them is an operator of one operand. (The other literals and
    /// template parameters go to the tree: read here, the one-pass
    /// printer's hot paths that read them would no longer be inlined.)
    fn expression_inner(&mut self) -> Result<Self::Type, Stop> {
        let (peek, next) = (self.peek(), self.peek_next());
        match (peek, next) {
            (b's', b'r') => self.unresolved_name(),
            (b'L', b'_' | b'Z') => {
                self.advance(1);
                self.mangled_literal()
            }
            (b'0'..=b'9', _) | (b'o', b'n') => self.unqualified_operand(),
            _ => match tables::operator([peek, next]) {
                Some(op) if of_one_operand(op) => self.unary_operation(op),
                _ => self.other_expression(),
            },
        }
    }

    /// `sr <type> <unqualified-name> [<template-args>]`, or `sr
    /// <unresolved-qualifier-level>+ E <unqualified-name>
    /// [<template-args>]`, which an older mangling wrote without the `E`
    /// (d_expression_1's unresolved names; see
    /// [`Grammar::qualifier_levels_first`]).
    fn unresolved_name(&mut self) -> Result<Self::Type, Stop> {
        let mark = self.mark();
        self.advance(2);
        let next = self.peek();
        let levels = (next.is_ascii_digit()
            || next.is_ascii_lowercase()
            || matches!(next, b'C' | b'U' | b'L'))
            && self.qualifier_levels_first();
        let scope = if levels {
            let scope = self.prefix(false, false).map(|n| n.name);
            let scope = self.leniently(scope)?;
            self.eat(b'E');
            scope
        } else {
            let scope = self.type_().and_then(|ty| self.as_scope(ty));
            self.leniently(scope)?
        };
        if scope.is_some() {
            self.unresolved_scope_ends();
        }
        let name = self.unqualified_name().map(|n| n.name);
        let name = match (scope, name) {
            (Some(scope), Ok(name)) => Ok(self.qualified_of(scope, name)),
            (_, name) => name,
        };
        // The arguments apply to the whole qualified name.
        let (name, args) = self.with_template_args(name)?;
        Ok(self.unresolved_name_of(mark, name, args))
    }

    /// `name`, just read, with the template arguments after it (`I`) if
    /// any. libiberty reads them even where the name failed, and checks
    /// both only then (`d_make_comp`): an unresolved name, a member's name
    /// after `.` or `->` and a vendor qualifier (`d_expression_1`,
    /// `cplus_demangle_type`). A stop that is no parse failure (too deep,
    /// too complex) ends the reading at once.
    fn with_template_args(
        &mut self,
        name: Result<Self::Name, Stop>,
    ) -> Result<(Self::Name, Option<Self::List>), Stop> {
        if self.peek() != b'I' {
            return name.map(|name| (name, None));
        }
        if let Err(stop @ (Stop::TooDeep | Stop::TooComplex)) = name {
            return Err(stop);
        }
        let args = self.template_args(false);
        if let Err(stop @ (Stop::TooDeep | Stop::TooComplex)) = args {
            return Err(stop);
        }
        Ok((name?, Some(args?)))
    }

    /// `<unqualified-name> [<template-args>]` as an expression, an
    /// operator's name after `on` (d_expression_1): unlike an unresolved
    /// name's, the arguments are read only after the name parsed.
    fn unqualified_operand(&mut self) -> Result<Self::Type, Stop> {
        let mark = self.mark();
        if self.peek() == b'o' {
            self.advance(2);
        }
        let name = self.unqualified_name()?.name;
        let args = match self.peek() {
            b'I' => Some(self.template_args(false)?),
            _ => None,
        };
        Ok(self.unresolved_name_of(mark, name, args))
    }

    /// An unresolved name's scope, or none where it failed to parse:
    /// libiberty does not check it, reads the name on from where the scope
    /// stopped and prints it without one. (The one-pass printer gives way.)
    fn leniently(&mut self, scope: Result<Self::Name, Stop>) -> Result<Option<Self::Name>, Stop> {
        match scope {
            Err(Stop::Invalid) => {
                self.gives_way()?;
                Ok(None)
            }
            other => other.map(Some),
        }
    }

    /// `<(unary) operator-name> <expression>`, of operator `op` of the
    /// table: `st`'s operand is a type, `pp_`/`mm_` are the prefix forms
    /// of `++`/`--` (d_expression_1).
    fn unary_operation(&mut self, op: u8) -> Result<Self::Type, Stop> {
        let mark = self.mark();
        let code = tables::operator_info(op).code;
        self.advance(2);
        let op = self.expression_operator(op)?;
        if code == *b"st" {
            let ty = self.type_()?;
            return self.operation_of_one(mark, op, ty, false);
        }
        let suffix = (code == *b"pp" || code == *b"mm") && !self.eat(b'_');
        let operand = self.expression_1()?;
        self.operation_of_one(mark, op, operand, suffix)
    }
}

/// Whether operator `op` of the table takes one operand read here (`sP`'s,
/// a list of arguments, is the tree's).
fn of_one_operand(op: u8) -> bool {
    let info = tables::operator_info(op);
    info.args == 1 && info.code != *b"sP"
}
