//! Declarators: a typed name (the function or variable and its type), the
//! modifiers that wrap a name (`*`, `&`, `const`, a function's parameters,
//! an array's bounds), printed inside out as libiberty's `d_print_mod_list`,
//! `d_print_function_type` and `d_print_array_type` print them.

use super::*;

impl<'a> Printer<'_, 'a> {
    /// A name with its function type: the name (with the qualifiers of the
    /// function) is handed down to the type as a modifier, to print between
    /// the return type and the parameters.
    pub(super) fn typed_name(&mut self, name: Id, ty: Id) -> Done {
        // A frame of the modifier stack: its entries are dropped and the
        // pending list put back at the end.
        let hold_modifiers = self.modifiers.take();
        let base = self.modifiers_stack.len();
        // At most four: the name and up to three qualifiers of the function.
        let mut pushed = [0u32; 4];
        let mut count = 0;
        let mut typed = name;
        loop {
            if count >= 4 {
                return Err(Failure::Unprintable);
            }
            pushed[count] = self.push_modifier(typed);
            count += 1;
            match self.node(typed) {
                Node::Qual(q, inner, _) if q.of_function() => typed = inner,
                _ => break,
            }
        }
        // A class local to a function: the qualifiers on its right really
        // apply here.
        if let Node::LocalName(_, local) = self.node(typed) {
            typed = match self.node(local) {
                Node::DefaultArg(_, inner) => inner,
                _ => local,
            };
            while let Node::Qual(q, inner, _) = self.node(typed) {
                if !q.of_function() {
                    break;
                }
                if count >= 4 {
                    return Err(Failure::Unprintable);
                }
                // The qualifier goes in under the local name's entry.
                let last = pushed[count - 1];
                let copy = Modifier {
                    next: Some(last),
                    ..self.modifier(last)
                };
                self.modifiers_stack.push(copy);
                let index = (self.modifiers_stack.len() - 1) as u32;
                self.modifiers = Some(index);
                pushed[count] = index;
                count += 1;
                let entry = &mut self.modifiers_stack[last as usize];
                entry.node = typed;
                entry.printed = false;
                entry.templates = self.templates;
                typed = inner;
            }
        }
        let scope = match self.node(typed) {
            Node::Template(..) => self.scope_of(typed),
            _ => self.templates,
        };
        self.in_scope(scope, |p| p.comp(Some(ty)))?;
        for &m in pushed[..count].iter().rev() {
            if !self.modifier(m).printed {
                self.push_char(' ');
                self.print_modifier(self.modifier(m).node)?;
            }
        }
        self.modifiers = hold_modifiers;
        self.modifiers_stack.truncate(base);
        Ok(())
    }

    /// `&`/`&&`, collapsing with a reference a template argument stands for.
    pub(super) fn reference(&mut self, mut dc: Id, sub: Id) -> Done {
        let mut inner = None;
        let mut restore = None;
        let mut sub = sub;
        if self.lambda_args == 0 {
            if let Node::TemplateParam(n) = self.node(sub) {
                match self.saved_scopes.iter().find(|s| s.0 == sub).map(|s| s.1) {
                    None => self.saved_scopes.push((sub, self.templates)),
                    Some(scope) => {
                        // Reached again through a substitution: unless
                        // beneath itself (the parameter, or this reference
                        // below the one printing now, on libiberty's
                        // component stack), it takes its first scope back.
                        let found =
                            self.printing[sub as usize] > 0 || self.printing[dc as usize] > 1;
                        if !found {
                            restore = Some(self.templates);
                            self.templates = scope;
                        }
                    }
                }
                let a = self.template_argument(n)?;
                match a {
                    Some(a) => sub = a,
                    None => {
                        if let Some(t) = restore {
                            self.templates = t;
                        }
                        return Err(Failure::Unprintable);
                    }
                }
            }
        }
        let same_kind =
            std::mem::discriminant(&self.node(sub)) == std::mem::discriminant(&self.node(dc));
        match self.node(sub) {
            Node::Reference(_) => dc = sub,
            _ if same_kind => dc = sub,
            Node::RvalueReference(i) => inner = Some(i),
            _ => {}
        }
        self.modifier_comp(dc, inner)?;
        if let Some(t) = restore {
            self.templates = t;
        }
        Ok(())
    }

    /// A type that modifies what it wraps: printed after it, unless a
    /// function or array type below takes it first.
    pub(super) fn modifier_comp(&mut self, dc: Id, inner: Option<Id>) -> Done {
        let m = self.push_modifier(dc);
        let inner = inner.or_else(|| self.node(dc).children().0);
        self.comp(inner)?;
        if !self.modifier(m).printed {
            self.print_modifier(dc)?;
        }
        self.modifiers = self.modifier(m).next;
        self.modifiers_stack.truncate(m as usize);
        Ok(())
    }

    pub(super) fn print_modifier(&mut self, node: Id) -> Done {
        match self.node(node) {
            Node::Qual(q, _, right) => match q {
                Qual::TransactionSafe => self.push(" transaction_safe"),
                Qual::Noexcept | Qual::ThrowSpec => {
                    self.push(if q == Qual::Noexcept {
                        " noexcept"
                    } else {
                        " throw"
                    });
                    if right.is_some() {
                        self.push_char('(');
                        self.comp(right)?;
                        self.push_char(')');
                    }
                }
                Qual::XobjThis => {}
                // `const`, `volatile`, `restrict`, on a type or on `this`;
                // `&`, `&&` on `this`.
                _ => self.push(q.spelling().unwrap_or_default()),
            },
            Node::VendorQual(_, qual) => {
                self.push_char(' ');
                self.comp(Some(qual))?;
            }
            // There is no pointer symbol in Java.
            Node::Pointer(_) if self.java => {}
            Node::Pointer(_) => self.push_char('*'),
            Node::Reference(_) => self.push_char('&'),
            Node::RvalueReference(_) => self.push("&&"),
            Node::Complex(_) => self.push(" _Complex"),
            Node::Imaginary(_) => self.push(" _Imaginary"),
            Node::PtrMem(class, _) => {
                if self.last() != b'(' {
                    self.push_char(' ');
                }
                self.comp(Some(class))?;
                self.push("::*");
            }
            Node::TypedName(name, _) => self.comp(Some(name))?,
            Node::VectorType(dim, _) => {
                self.push(" __vector(");
                self.comp(Some(dim))?;
                self.push_char(')');
            }
            _ => self.comp(Some(node))?,
        }
        Ok(())
    }

    pub(super) fn modifier_list(&mut self, mut mods: Option<u32>, suffix: bool) -> Done {
        while let Some(i) = mods {
            let m = self.modifier(i);
            if m.printed || (!suffix && is_function_qual(self.node(m.node))) {
                mods = m.next;
                continue;
            }
            self.modifiers_stack[i as usize].printed = true;
            // Each modifier prints in the template scope where it was met;
            // a function, array or local name prints the rest itself.
            let rest_printed = self.in_scope(m.templates, |p| match p.node(m.node) {
                Node::FunctionType(..) => {
                    p.function_type(m.node, m.next)?;
                    Ok(true)
                }
                Node::ArrayType(..) => {
                    p.array_type(m.node, m.next)?;
                    Ok(true)
                }
                Node::LocalName(function, local) => {
                    let start = p.out.len();
                    p.without_modifiers(|p| p.comp(Some(function)))?;
                    p.push(if p.java { "." } else { "::" });
                    let mut dc = local;
                    if let Node::DefaultArg(n, inner) = p.node(dc) {
                        p.push(tables::DEFAULT_ARG_OPEN);
                        p.push_num(u64::from(n) + 1);
                        p.push("}::");
                        dc = inner;
                    }
                    while let Node::Qual(q, inner, _) = p.node(dc) {
                        if !q.of_function() {
                            break;
                        }
                        dc = inner;
                    }
                    p.comp(Some(dc))?;
                    // Printed here rather than by `comp`: where it is, for
                    // `crate::parse`.
                    if let Some(watch) = p.watch.as_deref_mut() {
                        watch.saw(m.node, start, p.out.len());
                    }
                    Ok(true)
                }
                _ => {
                    p.print_modifier(m.node)?;
                    Ok(false)
                }
            })?;
            if rest_printed {
                return Ok(());
            }
            mods = m.next;
        }
        Ok(())
    }

    pub(super) fn function_type(&mut self, dc: Id, mods: Option<u32>) -> Done {
        let Node::FunctionType(_, params) = self.node(dc) else {
            return Err(Failure::Unprintable);
        };
        let mut need_paren = false;
        let mut need_space = false;
        let mut xobj = false;
        let mut p = mods;
        while let Some(i) = p {
            let m = self.modifier(i);
            if m.printed {
                break;
            }
            match self.node(m.node) {
                Node::Pointer(_) | Node::Reference(_) | Node::RvalueReference(_) => {
                    need_paren = true
                }
                Node::Qual(Qual::XobjThis, ..) => xobj = true,
                Node::Qual(Qual::Restrict | Qual::Volatile | Qual::Const, ..)
                | Node::VendorQual(..)
                | Node::Complex(_)
                | Node::Imaginary(_)
                | Node::PtrMem(..) => {
                    need_space = true;
                    need_paren = true;
                }
                _ => {}
            }
            if need_paren {
                break;
            }
            p = m.next;
        }
        if need_paren {
            if !need_space && self.last() != b'(' && self.last() != b'*' {
                need_space = true;
            }
            if need_space && self.last() != b' ' {
                self.push_char(' ');
            }
            self.push_char('(');
        }
        let (open, close) = self.without_modifiers(|p| {
            p.modifier_list(mods, false)?;
            if need_paren {
                p.push_char(')');
            }
            let open = p.out.len();
            p.push_char('(');
            if xobj {
                p.push("this ");
            }
            if params.is_some() {
                p.comp(params)?;
            }
            p.push_char(')');
            let close = p.out.len();
            p.modifier_list(mods, true)?;
            Ok((open, close))
        })?;
        // The parameters and qualifiers of the name being parsed.
        if let Some(watch) = self.watch.as_deref_mut() {
            if watch.function_type == Some(dc) && watch.parameters.is_none() {
                watch.parameters = Some((open, close));
                watch.qualifiers = Some((close, self.out.len()));
            }
        }
        Ok(())
    }

    pub(super) fn array(&mut self, dc: Id, elem: Id) -> Done {
        // Qualifiers of the array are its elements': they move down with it.
        let hold = self.modifiers;
        let base = self.modifiers_stack.len();
        let first = self.push_modifier(dc);
        let mut copies = Vec::new();
        let mut p = hold;
        while let Some(i) = p {
            let m = self.modifier(i);
            if !is_plain_cv(self.node(m.node)) {
                break;
            }
            if !m.printed {
                if copies.len() >= 3 {
                    return Err(Failure::Unprintable);
                }
                let copy = Modifier {
                    next: self.modifiers,
                    ..m
                };
                self.modifiers_stack.push(copy);
                self.modifiers = Some((self.modifiers_stack.len() - 1) as u32);
                copies.push(m.node);
                self.modifiers_stack[i as usize].printed = true;
            }
            p = m.next;
        }
        self.comp(Some(elem))?;
        self.modifiers = hold;
        let printed = self.modifier(first).printed;
        self.modifiers_stack.truncate(base);
        if printed {
            return Ok(());
        }
        for &node in copies.iter().rev() {
            self.print_modifier(node)?;
        }
        self.array_type(dc, self.modifiers)?;
        Ok(())
    }

    pub(super) fn array_type(&mut self, dc: Id, mods: Option<u32>) -> Done {
        let Node::ArrayType(dim, _) = self.node(dc) else {
            return Err(Failure::Unprintable);
        };
        let mut need_space = true;
        if mods.is_some() {
            let mut need_paren = false;
            let mut p = mods;
            while let Some(i) = p {
                let m = self.modifier(i);
                if !m.printed {
                    if let Node::ArrayType(..) = self.node(m.node) {
                        need_space = false;
                    } else {
                        need_paren = true;
                        need_space = true;
                    }
                    break;
                }
                p = m.next;
            }
            if need_paren {
                self.push(" (");
            }
            self.modifier_list(mods, false)?;
            if need_paren {
                self.push_char(')');
            }
        }
        if need_space {
            self.push_char(' ');
        }
        self.push_char('[');
        if dim.is_some() {
            self.comp(dim)?;
        }
        self.push_char(']');
        Ok(())
    }

    /// `d_print_comp_inner`'s types: qualifiers, pointers and references
    /// (through the modifier list), builtin, function, array and vector
    /// types, argument lists and pack expansions.
    pub(super) fn type_comp(&mut self, dc: Id, node: Node<'a>) -> Done {
        match node {
            Node::BitInt(size, signed) => {
                self.push(if signed {
                    "_BitInt("
                } else {
                    "unsigned _BitInt("
                });
                self.comp(Some(size))?;
                self.push_char(')');
            }
            Node::Qual(q @ (Qual::Restrict | Qual::Volatile | Qual::Const), inner, _) => {
                self.cv_qualified(dc, q, inner)?
            }
            Node::Reference(sub) | Node::RvalueReference(sub) => self.reference(dc, sub)?,
            Node::Qual(..)
            | Node::Pointer(_)
            | Node::Complex(_)
            | Node::Imaginary(_)
            | Node::VendorQual(..) => self.modifier_comp(dc, None)?,
            Node::Builtin(code) => self.builtin(code),
            Node::FloatN(n, x) => {
                self.push(BUILTINS[tables::FLOAT_N as usize].name);
                self.push_num(n);
                if x {
                    self.push_char('x');
                }
            }
            Node::VendorType(name) => self.comp(Some(name))?,
            Node::FunctionType(ret, _) => self.function_type_comp(dc, ret)?,
            Node::ArrayType(_, elem) => self.array(dc, elem)?,
            Node::PtrMem(_, inner) | Node::VectorType(_, inner) => {
                let m = self.push_modifier(dc);
                self.comp(Some(inner))?;
                if !self.modifier(m).printed {
                    self.print_modifier(dc)?;
                }
                self.modifiers = self.modifier(m).next;
                self.modifiers_stack.truncate(m as usize);
            }
            Node::ArgList(item, rest) | Node::TemplateArgList(item, rest) => {
                if item.is_some() {
                    self.comp(item)?;
                }
                if rest.is_some() {
                    self.push(", ");
                    let len = self.out.len();
                    self.comp(rest)?;
                    // An empty pack prints nothing, and no comma either.
                    if self.out.len() == len {
                        self.out.truncate(len - 2);
                    }
                }
            }
            Node::PackExpansion(pattern) => self.pack_expansion(pattern)?,
            _ => unreachable!("comp_inner sends types here"),
        }
        Ok(())
    }

    /// `const`, `volatile` or `restrict` on `inner` (`DEMANGLE_COMPONENT_CONST`
    /// and the others): through the modifier list, but a qualifier already
    /// waiting to be printed is printed once (`const T` where `T` is `int
    /// const`: `int const`).
    fn cv_qualified(&mut self, dc: Id, q: Qual, inner: Id) -> Done {
        let mut p = self.modifiers;
        while let Some(i) = p {
            let m = self.modifier(i);
            if !m.printed {
                if !is_plain_cv(self.node(m.node)) {
                    break;
                }
                if matches!(self.node(m.node), Node::Qual(pending, ..) if pending == q) {
                    return self.comp(Some(inner));
                }
            }
            p = m.next;
        }
        self.modifier_comp(dc, None)
    }

    /// A builtin type (`DEMANGLE_COMPONENT_BUILTIN_TYPE`), by libiberty's
    /// `java_name` column of its builtin types under Java's rules.
    fn builtin(&mut self, code: u8) {
        let name = BUILTINS[code as usize].name;
        self.push(if !self.java {
            name
        } else {
            match name {
                "bool" => "boolean",
                "char" => "byte",
                "unsigned int" => "unsigned",
                "wchar_t" => "char",
                "long long" => "long",
                name => name,
            }
        });
    }

    /// `DEMANGLE_COMPONENT_FUNCTION_TYPE`: the return type first, with the
    /// function type pending over it (what it modifies follows), then
    /// the parameters; with `DMGL_RET_POSTFIX`, the parameters, then the
    /// return type.
    fn function_type_comp(&mut self, dc: Id, ret: Option<Id>) -> Done {
        if self.ret_postfix {
            self.ret_postfix = false;
            self.function_type(dc, self.modifiers)?;
            if ret.is_some() {
                self.comp(ret)?;
            }
            self.ret_postfix = true;
            return Ok(());
        }
        let drop = std::mem::take(&mut self.drop_return_type);
        if let Some(ret) = ret.filter(|_| !drop) {
            let m = self.push_modifier(dc);
            self.comp(Some(ret))?;
            let printed = self.modifier(m).printed;
            self.modifiers = self.modifier(m).next;
            self.modifiers_stack.truncate(m as usize);
            if printed {
                return Ok(());
            }
            self.push_char(' ');
        }
        self.function_type(dc, self.modifiers)
    }

    /// `DEMANGLE_COMPONENT_PACK_EXPANSION`: the pattern once for each
    /// element of the first pack it refers to (`d_find_pack`), `, `
    /// between; with no pack (function parameter packs, and inside a
    /// lambda's signature, where none is looked up), the pattern and `...`.
    fn pack_expansion(&mut self, pattern: Id) -> Done {
        let pack = if self.lambda_args == 0 {
            self.find_pack(Some(pattern))?
        } else {
            None
        };
        let Some(pack) = pack else {
            self.subexpr(pattern)?;
            self.push("...");
            return Ok(());
        };
        let len = self.pack_length(Some(pack));
        for i in 0..len {
            self.pack_index = i as i32;
            self.comp(Some(pattern))?;
            if i + 1 < len {
                self.push(", ");
            }
        }
        Ok(())
    }
}
