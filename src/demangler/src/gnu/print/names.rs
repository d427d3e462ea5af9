//! Names: a local name's entity, template argument lists, Java
//! identifiers, and the names of a lambda's template parameters (`$T0`).

use super::*;
use crate::gnu::ast::CONSTRUCTION_VTABLE;
use crate::gnu::spell;

impl<'a> Printer<'_, 'a> {
    /// The part after `::` of a qualified or local name.
    pub(super) fn local_part(&mut self, name: Id) -> Done {
        if let Node::DefaultArg(n, inner) = self.node(name) {
            self.push(tables::DEFAULT_ARG_OPEN);
            self.push_num(u64::from(n) + 1);
            self.push("}::");
            self.comp(Some(inner))?;
        } else {
            self.comp(Some(name))?;
        }
        Ok(())
    }

    pub(super) fn template_args(&mut self, args: Id) -> Done {
        spell::open_template_args(self);
        self.comp(Some(args))?;
        spell::close_template_args(self);
        Ok(())
    }

    /// A Java identifier: `__U<hex>_` is the character of that code below
    /// 256 (libiberty `d_print_java_identifier`).
    pub(super) fn java_identifier(&mut self, name: &str) -> Done {
        let bytes = name.as_bytes();
        let mut p = 0;
        while p < bytes.len() {
            if bytes.len() - p > 3 && bytes[p..].starts_with(b"__U") {
                let mut q = p + 3;
                let mut code: u64 = 0;
                while q < bytes.len() && bytes[q].is_ascii_hexdigit() {
                    code = code.saturating_mul(16)
                        + u64::from((bytes[q] as char).to_digit(16).unwrap_or(0));
                    q += 1;
                }
                if q < bytes.len() && bytes[q] == b'_' && code < 256 {
                    // libiberty appends the byte; below 128 it is that
                    // character, above it Latin-1 as a char here.
                    self.push_char(char::from(code as u8));
                    p = q + 1;
                    continue;
                }
            }
            let c = name[p..].chars().next().unwrap_or_default();
            self.push_char(c);
            p += c.len_utf8();
        }
        Ok(())
    }

    /// The declaration after `decl` in a template head.
    pub(super) fn next_param_decl(&self, decl: Id) -> Option<Id> {
        match self.node(decl) {
            Node::TypeParm(next)
            | Node::NonTypeParm(_, next)
            | Node::TemplateTemplateParm(_, next)
            | Node::PackParm(_, next) => next,
            _ => None,
        }
    }

    /// The name a lambda's template parameter prints as: `$T`, `$N` or
    /// `$TT` by its declaration, and its index (libiberty
    /// `d_print_lambda_parm_name`).
    pub(super) fn lambda_parm_name(&mut self, decl: Id, index: u32) -> Done {
        match self.node(decl) {
            Node::TypeParm(_) => self.push("$T"),
            Node::NonTypeParm(..) => self.push("$N"),
            Node::TemplateTemplateParm(..) => self.push("$TT"),
            _ => return Err(Failure::Unprintable),
        }
        self.push_num(u64::from(index));
        Ok(())
    }

    /// `d_print_comp_inner`'s names: source, standard, qualified and local
    /// names, typed names, templates, constructors and destructors, module
    /// names, lambdas and unnamed types.
    pub(super) fn name_comp(&mut self, dc: Id, node: Node<'a>) -> Done {
        match node {
            Node::Name(s) if self.java => self.java_identifier(s)?,
            Node::Name(s) => self.push(s),
            // The full spellings of the standard abbreviations are text of
            // the tables: their template arguments go with the others'.
            Node::StdName(s) if !self.templates_shown => {
                self.push(s.split('<').next().unwrap_or(s))
            }
            Node::StdName(s) => self.push(s),
            Node::TaggedName(name, tag) => {
                self.comp(Some(name))?;
                self.push(tables::ABI_TAG_OPEN);
                self.comp(Some(tag))?;
                self.push_char(']');
            }
            Node::StructuredBinding(..) => self.structured_binding(dc)?,
            Node::ModuleName(parent, name, partition) => {
                if parent.is_some() {
                    self.comp(parent)?;
                }
                if partition {
                    self.push_char(':');
                } else if parent.is_some() {
                    self.push_char('.');
                }
                self.comp(Some(name))?;
            }
            Node::ModuleEntity(name, module) => {
                self.comp(Some(name))?;
                self.push_char('@');
                self.comp(Some(module))?;
            }
            Node::EnableIf(function, conditions) => {
                self.comp(Some(function))?;
                self.push(" [enable_if:");
                self.comp(Some(conditions))?;
                self.push_char(']');
            }
            Node::Compound(first, second) => {
                self.comp(Some(first))?;
                self.comp(Some(second))?;
            }
            Node::Friend(name) => {
                self.comp(Some(name))?;
                self.push("[friend]");
            }
            Node::UnnamedEnum(underlying, first) => {
                self.push("{enum:");
                self.comp(Some(underlying))?;
                self.push_char('{');
                self.comp(Some(first))?;
                self.push("}}");
            }
            Node::QualName(scope, name) | Node::LocalName(scope, name) => {
                self.comp(Some(scope))?;
                self.push(if self.java { "." } else { "::" });
                self.local_part(name)?;
            }
            Node::TypedName(name, ty) => self.typed_name(name, ty)?,
            Node::Template(name, args) => self.template(dc, name, args)?,
            Node::Ctor(name) => self.comp(Some(name))?,
            Node::Dtor(name) => {
                self.push_char('~');
                self.comp(Some(name))?;
            }
            Node::Lambda(params, n) => self.lambda(params, n)?,
            Node::UnnamedType(n) => spell::unnamed_type(self, n),
            _ => unreachable!("comp_inner sends names here"),
        }
        Ok(())
    }

    /// `d_print_comp_inner`'s special names: the prefix GNU prints before
    /// the entity (`vtable for `, `guard variable for `...), construction
    /// vtables, reference temporaries, module initializers, Java
    /// resources, and clone suffixes.
    pub(super) fn special_name_comp(&mut self, node: Node<'a>) -> Done {
        match node {
            Node::Special(kind, inner) => {
                self.push(kind.prefix());
                self.comp(Some(inner))?;
            }
            Node::ConstructionVtable(base, derived) => {
                let [prefix, between] = CONSTRUCTION_VTABLE;
                self.push(prefix);
                self.comp(Some(base))?;
                self.push(between);
                self.comp(Some(derived))?;
            }
            Node::ReferenceTemporary(name, num) => {
                self.push("reference temporary #");
                self.comp(Some(num))?;
                self.push(" for ");
                self.comp(Some(name))?;
            }
            Node::ModuleInit(module) => {
                self.push("initializer for module ");
                self.comp(Some(module))?;
            }
            Node::JavaResource(name) => {
                self.push("java resource ");
                self.comp(Some(name))?;
            }
            Node::Clone(encoding, suffix) => {
                self.comp(Some(encoding))?;
                if self.suffixes_shown {
                    self.push(" [clone ");
                    self.comp(Some(suffix))?;
                    self.push_char(']');
                }
            }
            _ => unreachable!("comp_inner sends special names here"),
        }
        Ok(())
    }

    /// `d_print_comp_inner`'s template and function parameters, and the
    /// parameter declarations of a template head.
    pub(super) fn parameter_comp(&mut self, node: Node<'a>) -> Done {
        match node {
            Node::TemplateParam(n) => self.template_param(n)?,
            Node::FunctionParam(0) => self.push("this"),
            Node::FunctionParam(n) => {
                self.push("{parm#");
                self.push_num(n);
                self.push_char('}');
            }
            Node::TemplateHead(first, _) => self.template_head(first)?,
            Node::TypeParm(_) => self.push("typename"),
            Node::NonTypeParm(ty, _) => self.comp(Some(ty))?,
            Node::TemplateTemplateParm(head, _) => {
                self.push("template");
                self.comp(Some(head))?;
                self.push(" class");
            }
            Node::PackParm(inner, _) => {
                self.comp(Some(inner))?;
                self.push("...");
            }
            _ => unreachable!("comp_inner sends parameters here"),
        }
        Ok(())
    }

    /// `[a, b]`: a structured binding's names (`d_print_comp`,
    /// `DEMANGLE_COMPONENT_STRUCTURED_BINDING`).
    fn structured_binding(&mut self, dc: Id) -> Done {
        self.push_char('[');
        let mut next = Some(dc);
        while let Some(Node::StructuredBinding(name, rest)) = next.map(|n| self.node(n)) {
            self.comp(Some(name))?;
            if rest.is_some() {
                self.push(", ");
            }
            next = rest;
        }
        self.push_char(']');
        Ok(())
    }

    /// A template's name and arguments, the template in scope for what is
    /// printed in it and no modifier pending (`DEMANGLE_COMPONENT_TEMPLATE`);
    /// Java's `JArray<T>` as `T[]`.
    fn template(&mut self, dc: Id, name: Id, args: Id) -> Done {
        self.as_current_template(dc, |p| {
            p.without_modifiers(|p| {
                if p.java && matches!(p.node(name), Node::Name("JArray")) {
                    p.comp(Some(args))?;
                    p.push("[]");
                } else {
                    p.comp(Some(name))?;
                    if p.templates_shown {
                        p.template_args(args)?;
                    }
                }
                Ok(())
            })
        })
    }

    /// A template parameter: the argument of the template in scope, or in
    /// a lambda's signature its head's parameter or `auto:N`
    /// (`DEMANGLE_COMPONENT_TEMPLATE_PARAM`).
    fn template_param(&mut self, n: u32) -> Done {
        if self.lambda_args > n + 1 {
            // A parameter of the lambda's template head, looked up in the
            // declarations of the template scope (libiberty `d_left
            // (dpi->templates->template_decl)`). That is the lambda's own,
            // but where a modifier pending from outside the lambda prints
            // (a function type over its return type) it is the scope the
            // modifier was met in: a template, whose first "declaration" is
            // its name, which GNU fails to print (or reads past, and
            // crashes).
            let head = self.templates.map(|s| self.node(self.scopes[s as usize].0));
            let Some(Node::TemplateHead(first, _)) = head else {
                return Err(Failure::Unprintable);
            };
            let mut decl = Some(first);
            for _ in 0..n {
                decl = decl.and_then(|d| self.next_param_decl(d));
            }
            match decl.map(|d| self.node(d)) {
                Some(Node::PackParm(inner, _)) => self.lambda_parm_name(inner, n)?,
                Some(_) => self.lambda_parm_name(decl.unwrap_or_default(), n)?,
                None => return Err(Failure::Unprintable),
            }
            return Ok(());
        }
        if self.lambda_args > 0 {
            spell::auto_parameter(self, n);
            return Ok(());
        }
        let a = self.template_argument(n)?;
        let Some(a) = a else {
            return Err(Failure::Unprintable);
        };
        // The argument may refer to an outer template's parameters.
        let outer = self.templates.and_then(|s| self.scopes[s as usize].1);
        self.in_scope(outer, |p| p.comp(Some(a)))?;
        Ok(())
    }

    /// `{lambda<head>(params)#N}` (libiberty d_print_comp_inner,
    /// `DEMANGLE_COMPONENT_LAMBDA`).
    fn lambda(&mut self, params: Id, n: u32) -> Done {
        self.push(tables::LAMBDA_OPEN);
        self.in_lambda(params, |p| {
            let mut params = Some(params);
            if let Some(Node::TemplateHead(first, rest)) = params.map(|id| p.node(id)) {
                p.push_char('<');
                let mut decl = Some(first);
                while let Some(d) = decl {
                    if p.lambda_args > 0 {
                        p.push(", ");
                    }
                    p.lambda_args += 1;
                    p.comp(Some(d))?;
                    p.push_char(' ');
                    // d_print_comp_inner's loop takes a pack's inner
                    // declaration as its variable, and goes on from that:
                    // it has no next, so GNU prints no parameter after a
                    // pack (`{lambda<int... $N0>(...)}` for `TpTniTy`).
                    let named = match p.node(d) {
                        Node::PackParm(inner, _) => inner,
                        _ => d,
                    };
                    p.lambda_parm_name(named, p.lambda_args - 1)?;
                    decl = p.next_param_decl(named);
                }
                p.push_char('>');
                params = rest;
            }
            p.lambda_args += 1;
            p.push_char('(');
            p.comp(params)
        })?;
        self.push_char(')');
        spell::close_closure(self, n);
        Ok(())
    }

    /// `<T, int N>`: a template head's declarations.
    fn template_head(&mut self, first: Id) -> Done {
        self.push_char('<');
        let mut decl = Some(first);
        while let Some(d) = decl {
            if d != first {
                self.push(", ");
            }
            self.comp(Some(d))?;
            decl = self.next_param_decl(d);
        }
        self.push_char('>');
        Ok(())
    }
}
