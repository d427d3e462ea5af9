//! The printer's scoped state: template scopes and where a template
//! parameter finds its argument (libiberty's `d_lookup_template_argument`,
//! `d_index_template_argument`, `d_find_pack`, `d_pack_length`), pending
//! modifiers, and the helpers that save a field, run, and put it back.

use super::*;

impl Printer<'_, '_> {
    // Scoped state: each helper saves a field, runs `f` and puts the field
    // back (libiberty saves and restores them by hand: `hold_dpt`,
    // `hold_modifiers`, `saved_templates`...).

    /// Run `f` with `templates` as the template scope.
    pub(super) fn in_scope<R>(
        &mut self,
        templates: Option<u32>,
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        let hold = std::mem::replace(&mut self.templates, templates);
        let result = f(self);
        self.templates = hold;
        result
    }

    /// Run `f` with no modifier pending: what is printed in it (a template
    /// argument, a parameter) is not what the pending ones wrap.
    pub(super) fn without_modifiers<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let hold = self.modifiers.take();
        let result = f(self);
        self.modifiers = hold;
        result
    }

    /// Run `f` with `template` as the template whose name is printed (for
    /// a conversion operator's type within it).
    pub(super) fn as_current_template<R>(
        &mut self,
        template: Id,
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        let hold = self.current_template.replace(template);
        let result = f(self);
        self.current_template = hold;
        result
    }

    /// Run `f` as the lambda `scope`'s signature: no template head or
    /// parameter of it read yet (libiberty saves `lambda_tpl_parms` around
    /// it), its scope the template scope (libiberty pushes one for every
    /// lambda, whose `template_decl` is its head, or none).
    pub(super) fn in_lambda<R>(&mut self, scope: Id, f: impl FnOnce(&mut Self) -> R) -> R {
        let hold = self.lambda_args;
        self.lambda_args = 0;
        let scope = self.scope_of(scope);
        let result = self.in_scope(scope, f);
        self.lambda_args = hold;
        result
    }

    /// A scope for the arguments of `template`, within the current one (a
    /// new entry: entries never change, so an index stays valid).
    pub(super) fn scope_of(&mut self, template: Id) -> Option<u32> {
        self.scopes.push((template, self.templates));
        Some((self.scopes.len() - 1) as u32)
    }

    pub(super) fn push_modifier(&mut self, node: Id) -> u32 {
        self.modifiers_stack.push(Modifier {
            node,
            printed: false,
            templates: self.templates,
            next: self.modifiers,
        });
        let index = (self.modifiers_stack.len() - 1) as u32;
        self.modifiers = Some(index);
        index
    }

    pub(super) fn modifier(&self, index: u32) -> Modifier {
        self.modifiers_stack[index as usize]
    }

    /// Template argument `number` of the template in scope, if it has one;
    /// with no template in scope, printing fails (libiberty's
    /// `d_lookup_template_argument`).
    pub(super) fn lookup_template_argument(&mut self, number: u32) -> Result<Option<Id>, Failure> {
        let scope = self.templates.ok_or(Failure::Unprintable)?;
        let (decl, _) = self.scopes[scope as usize];
        match self.node(decl) {
            Node::Template(_, args) => Ok(self.index_template_argument(Some(args), number as i32)),
            // A lambda's scope: GNU indexes its parameters (`d_right` of its
            // head) as template arguments, which they are not (it fails),
            // or reads the NULL head of a lambda with none (it crashes).
            _ => Err(Failure::Unprintable),
        }
    }

    /// What template parameter `number` stands for here: its argument, or
    /// the element of its pack that the expansion being printed is at.
    pub(super) fn template_argument(&mut self, number: u32) -> Result<Option<Id>, Failure> {
        let Some(a) = self.lookup_template_argument(number)? else {
            return Ok(None);
        };
        Ok(if self.is_arg_list(a) {
            self.index_template_argument(Some(a), self.pack_index)
        } else {
            Some(a)
        })
    }

    pub(super) fn index_template_argument(&self, args: Option<Id>, index: i32) -> Option<Id> {
        if index < 0 {
            return args;
        }
        let mut cell = args;
        let mut i = index;
        while let Some(c) = cell {
            match self.node(c) {
                Node::TemplateArgList(_, rest) => {
                    if i <= 0 {
                        break;
                    }
                    i -= 1;
                    cell = rest;
                }
                _ => return None,
            }
        }
        match cell {
            Some(c) if i == 0 => self.node(c).children().0,
            _ => None,
        }
    }

    pub(super) fn is_arg_list(&self, id: Id) -> bool {
        matches!(self.node(id), Node::TemplateArgList(..))
    }

    /// The template argument pack an expansion pattern refers to.
    pub(super) fn find_pack(&mut self, dc: Option<Id>) -> Result<Option<Id>, Failure> {
        let Some(dc) = dc else { return Ok(None) };
        match self.node(dc) {
            Node::TemplateParam(n) => {
                let a = self.lookup_template_argument(n)?;
                Ok(a.filter(|&a| self.is_arg_list(a)))
            }
            Node::PackExpansion(_)
            | Node::Lambda(..)
            | Node::Name(_)
            | Node::TaggedName(..)
            | Node::Operator(_)
            | Node::Builtin(_)
            | Node::FloatN(..)
            | Node::StdName(_)
            | Node::FunctionParam(_)
            | Node::UnnamedType(_)
            // GNU 2.47 looks into no unnamed enum: a pack in its
            // underlying type is not expanded (`({enum:A<int>{x}})...`).
            | Node::UnnamedEnum(..)
            | Node::DefaultArg(..)
            | Node::Number(_) => Ok(None),
            Node::ExtendedOperator(_, name) | Node::Ctor(name) | Node::Dtor(name) => {
                self.find_pack(Some(name))
            }
            node => {
                let (left, right) = node.children();
                match self.find_pack(left)? {
                    Some(pack) => Ok(Some(pack)),
                    None => self.find_pack(right),
                }
            }
        }
    }

    pub(super) fn pack_length(&self, mut pack: Option<Id>) -> usize {
        let mut count = 0;
        while let Some(Node::TemplateArgList(Some(_), rest)) = pack.map(|p| self.node(p)) {
            count += 1;
            pack = rest;
        }
        count
    }

    pub(super) fn args_length(&mut self, mut list: Option<Id>) -> Result<usize, Failure> {
        let mut count = 0;
        while let Some(Node::TemplateArgList(item, rest)) = list.map(|l| self.node(l)) {
            let Some(item) = item else { break };
            if let Node::PackExpansion(pattern) = self.node(item) {
                let pack = self.find_pack(Some(pattern))?;
                count += self.pack_length(pack);
            } else {
                count += 1;
            }
            list = rest;
        }
        Ok(count)
    }
}
