//! The names only the tree reads (libiberty's `d_unqualified_name`,
//! `d_template_head`, `d_unnamed_enum`): structured bindings, lambdas'
//! template heads, unnamed enums. The rest of `<name>` is the grammar's
//! (`crate::gnu::grammar::names`).

use super::*;
use crate::gnu::grammar::productions::Productions;
use crate::gnu::grammar::terms::Terms;
use crate::gnu::lookahead;

impl<'a> Parser<'a> {
    /// `DC <source-name>+ E`: a structured binding's names.
    pub(super) fn structured_binding_names(&mut self) -> R {
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

    /// `<template-head> ::= <template-param-decl>+`: the first declaration,
    /// each linked to the next, or none (libiberty `d_template_head`).
    pub(super) fn template_head_decls(&mut self) -> Result<Option<Id>, Stop> {
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
        if !lookahead::starts_template_param_decl(self.input(), self.pos()) {
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
                let head = self.template_head_decls()?.ok_or(Stop::Invalid)?;
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
            _ => unreachable!("starts_template_param_decl"),
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
    pub(super) fn unnamed_enum_type(&mut self) -> R {
        self.advance(2);
        let underlying = self.or_null(Self::type_)?;
        let name = self.or_null(|p| p.source_name())?;
        let id = self.add(Node::UnnamedEnum(underlying, name));
        self.add_sub(id, NameInfo::default())?;
        Ok(id)
    }
}
