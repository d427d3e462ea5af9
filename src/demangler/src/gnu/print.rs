//! Printing a parsed name by GNU libiberty's rules: declarator modifiers
//! (pointers, references, qualifiers, the name itself) are passed down a
//! stack until the type that must print them around itself (a function or
//! array type) takes them; template parameters print the argument of the
//! template in scope; pack expansions print once per element.

use std::fmt::Write;

use super::ast::{Id, Node, Qual};
use super::tables::{self, LiteralStyle, BUILTINS};

#[derive(Clone, Copy)]
struct Modifier {
    node: Id,
    printed: bool,
    /// The templates in scope where the modifier was met.
    templates: Option<u32>,
    next: Option<u32>,
}

/// What printing gave.
pub(crate) enum Printed {
    Text(String),
    /// Longer than the limit.
    TooLong,
    /// Nested deeper than the recursion limit.
    TooDeep,
    /// GNU prints nothing for it.
    Failed,
}

/// The printer's working lists, handed from one printer to the next so
/// that printing allocates nothing but its text.
#[derive(Default)]
pub(crate) struct Buffers {
    scopes: Vec<(Id, Option<u32>)>,
    modifiers_stack: Vec<Modifier>,
    printing: Vec<u8>,
    saved_scopes: Vec<(Id, Option<u32>)>,
    components: Vec<Id>,
}

pub(crate) struct Printer<'n, 'a> {
    nodes: &'n [Node<'a>],
    out: String,
    limit: usize,
    fuel: usize,
    max_depth: usize,
    failed: bool,
    /// Scopes of templates: (template node, enclosing scope). Entries are
    /// never changed, so a scope is an index that stays valid.
    scopes: Vec<(Id, Option<u32>)>,
    templates: Option<u32>,
    modifiers_stack: Vec<Modifier>,
    modifiers: Option<u32>,
    pack_index: i32,
    /// libiberty's `lambda_tpl_parms`: inside a lambda's signature, its
    /// template head's length plus one (0 outside any): a parameter index
    /// below the head's length names a head declaration (`$T0`), any other
    /// prints as `auto:N`; packs and reference collapsing are not looked up.
    lambda_args: u32,
    /// The first declaration of the template head of the lambda being
    /// printed, for the names of its parameters (libiberty: the
    /// `template_decl` of the scope the lambda pushes).
    lambda_head: Option<Id>,
    current_template: Option<Id>,
    /// Java's spelling (libiberty `DMGL_JAVA`, `c++filt -s java`): `.` for
    /// `::`, `T[]` for `JArray<T>`, Java's builtin names, no `*`, `__U`
    /// escapes decoded, and the return type after the parameters
    /// (`DMGL_RET_POSTFIX`).
    pub(crate) java: bool,
    /// libiberty's `DMGL_RET_POSTFIX`, on with `java`: a function type
    /// prints its return type after its parameters; inside it (its name,
    /// parameters and return type) the flag is off again.
    pub(crate) ret_postfix: bool,
    printing: Vec<u8>,
    saved_scopes: Vec<(Id, Option<u32>)>,
    components: Vec<Id>,
    drop_return_type: bool,
    last_char: u8,
    too_deep: bool,
}

fn is_function_qual(node: Node) -> bool {
    matches!(node, Node::Qual(q, _, _) if q.of_function())
}

fn is_plain_cv(node: Node) -> bool {
    matches!(
        node,
        Node::Qual(Qual::Restrict | Qual::Volatile | Qual::Const, _, _)
    )
}

impl<'n, 'a> Printer<'n, 'a> {
    pub(crate) fn new(
        nodes: &'n [Node<'a>],
        limit: usize,
        max_depth: u32,
        buffers: Buffers,
    ) -> Self {
        let Buffers {
            mut scopes,
            mut modifiers_stack,
            mut printing,
            mut saved_scopes,
            mut components,
        } = buffers;
        scopes.clear();
        modifiers_stack.clear();
        printing.clear();
        printing.resize(nodes.len(), 0);
        saved_scopes.clear();
        components.clear();
        Printer {
            nodes,
            out: String::with_capacity(limit.min(4 * nodes.len() + 32)),
            limit,
            fuel: limit.saturating_mul(16).max(1 << 16),
            max_depth: max_depth as usize,
            failed: false,
            scopes,
            templates: None,
            modifiers_stack,
            modifiers: None,
            pack_index: 0,
            lambda_args: 0,
            lambda_head: None,
            current_template: None,
            java: false,
            ret_postfix: false,
            printing,
            saved_scopes,
            components,
            drop_return_type: false,
            last_char: 0,
            too_deep: false,
        }
    }

    /// The text of `root`; without `return_type`, a function's return type
    /// is left out (that of the function only, not of types in it).
    /// With the text, the working lists, for the next printer.
    pub(crate) fn print(mut self, root: Id, return_type: bool) -> (Printed, Buffers) {
        self.drop_return_type = !return_type && matches!(self.node(root), Node::TypedName(..));
        self.comp(Some(root));
        let printed = if self.out.len() > self.limit {
            Printed::TooLong
        } else if self.too_deep {
            Printed::TooDeep
        } else if self.failed {
            Printed::Failed
        } else {
            Printed::Text(self.out)
        };
        let buffers = Buffers {
            scopes: self.scopes,
            modifiers_stack: self.modifiers_stack,
            printing: self.printing,
            saved_scopes: self.saved_scopes,
            components: self.components,
        };
        (printed, buffers)
    }

    fn node(&self, id: Id) -> Node<'a> {
        self.nodes[id as usize]
    }

    fn fail(&mut self) {
        self.failed = true;
    }

    /// The last character written. Removing the comma after an empty pack
    /// does not change it (GNU's rule: `A<B<C>>` when a pack ends `B`'s
    /// arguments).
    fn last(&self) -> u8 {
        self.last_char
    }

    fn push(&mut self, s: &str) {
        if let Some(&c) = s.as_bytes().last() {
            self.out.push_str(s);
            self.last_char = c;
        }
    }

    fn push_char(&mut self, c: char) {
        self.out.push(c);
        self.last_char = c as u8;
    }

    fn push_num(&mut self, n: impl std::fmt::Display) {
        let len = self.out.len();
        let _ = write!(self.out, "{n}");
        if self.out.len() > len {
            self.last_char = self.out.as_bytes()[self.out.len() - 1];
        }
    }

    // ----- scopes and modifiers -----

    fn push_scope(&mut self, template: Id) {
        self.scopes.push((template, self.templates));
        self.templates = Some((self.scopes.len() - 1) as u32);
    }

    fn push_modifier(&mut self, node: Id) -> u32 {
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

    fn modifier(&self, index: u32) -> Modifier {
        self.modifiers_stack[index as usize]
    }

    fn lookup_template_argument(&mut self, number: u32) -> Option<Id> {
        let Some(scope) = self.templates else {
            self.fail();
            return None;
        };
        let (decl, _) = self.scopes[scope as usize];
        match self.node(decl) {
            Node::Template(_, args) => self.index_template_argument(Some(args), number as i32),
            _ => None,
        }
    }

    /// What template parameter `number` stands for here: its argument, or
    /// the element of its pack that the expansion being printed is at.
    fn template_argument(&mut self, number: u32) -> Option<Id> {
        let a = self.lookup_template_argument(number)?;
        if self.is_arg_list(a) {
            self.index_template_argument(Some(a), self.pack_index)
        } else {
            Some(a)
        }
    }

    fn index_template_argument(&self, args: Option<Id>, index: i32) -> Option<Id> {
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

    fn is_arg_list(&self, id: Id) -> bool {
        matches!(self.node(id), Node::TemplateArgList(..))
    }

    /// The template argument pack an expansion pattern refers to.
    fn find_pack(&mut self, dc: Option<Id>) -> Option<Id> {
        let dc = dc?;
        match self.node(dc) {
            Node::TemplateParam(n) => {
                let a = self.lookup_template_argument(n)?;
                self.is_arg_list(a).then_some(a)
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
            | Node::DefaultArg(..)
            | Node::Number(_) => None,
            Node::ExtendedOperator(_, name) | Node::Ctor(name) | Node::Dtor(name) => {
                self.find_pack(Some(name))
            }
            node => {
                let (left, right) = node.children();
                self.find_pack(left).or_else(|| self.find_pack(right))
            }
        }
    }

    fn pack_length(&self, mut pack: Option<Id>) -> usize {
        let mut count = 0;
        while let Some(Node::TemplateArgList(Some(_), rest)) = pack.map(|p| self.node(p)) {
            count += 1;
            pack = rest;
        }
        count
    }

    fn args_length(&mut self, mut list: Option<Id>) -> usize {
        let mut count = 0;
        while let Some(Node::TemplateArgList(item, rest)) = list.map(|l| self.node(l)) {
            let Some(item) = item else { break };
            if let Node::PackExpansion(pattern) = self.node(item) {
                let pack = self.find_pack(Some(pattern));
                count += self.pack_length(pack);
            } else {
                count += 1;
            }
            list = rest;
        }
        count
    }

    // ----- printing -----

    fn comp(&mut self, dc: Option<Id>) {
        let Some(dc) = dc else {
            self.fail();
            return;
        };
        if self.failed {
            return;
        }
        if self.components.len() >= self.max_depth {
            self.too_deep = true;
        }
        if self.printing[dc as usize] > 1
            || self.too_deep
            || self.fuel == 0
            || self.out.len() > self.limit
        {
            self.fail();
            return;
        }
        self.fuel -= 1;
        self.printing[dc as usize] += 1;
        self.components.push(dc);
        self.comp_inner(dc);
        self.components.pop();
        self.printing[dc as usize] -= 1;
    }

    fn comp_inner(&mut self, dc: Id) {
        match self.node(dc) {
            Node::Name(s) if self.java => self.java_identifier(s),
            Node::Name(s) => self.push(s),
            Node::StdName(s) => self.push(s),
            Node::TaggedName(name, tag) => {
                self.comp(Some(name));
                self.push("[abi:");
                self.comp(Some(tag));
                self.push_char(']');
            }
            Node::StructuredBinding(..) => {
                self.push_char('[');
                let mut next = Some(dc);
                while let Some(Node::StructuredBinding(name, rest)) = next.map(|n| self.node(n)) {
                    self.comp(Some(name));
                    if rest.is_some() {
                        self.push(", ");
                    }
                    next = rest;
                }
                self.push_char(']');
            }
            Node::ModuleName(parent, name, partition) => {
                if parent.is_some() {
                    self.comp(parent);
                }
                if partition {
                    self.push_char(':');
                } else if parent.is_some() {
                    self.push_char('.');
                }
                self.comp(Some(name));
            }
            Node::ModuleEntity(name, module) => {
                self.comp(Some(name));
                self.push_char('@');
                self.comp(Some(module));
            }
            Node::EnableIf(function, conditions) => {
                self.comp(Some(function));
                self.push(" [enable_if:");
                self.comp(Some(conditions));
                self.push_char(']');
            }
            Node::BitInt(size, signed) => {
                self.push(if signed {
                    "_BitInt("
                } else {
                    "unsigned _BitInt("
                });
                self.comp(Some(size));
                self.push_char(')');
            }
            Node::JavaResource(name) => {
                self.push("java resource ");
                self.comp(Some(name));
            }
            Node::Compound(first, second) => {
                self.comp(Some(first));
                self.comp(Some(second));
            }
            Node::ModuleInit(module) => {
                self.push("initializer for module ");
                self.comp(Some(module));
            }
            Node::Friend(name) => {
                self.comp(Some(name));
                self.push("[friend]");
            }
            Node::UnnamedEnum(underlying, first) => {
                self.push("{enum:");
                self.comp(Some(underlying));
                self.push_char('{');
                self.comp(Some(first));
                self.push("}}");
            }
            Node::Constraints(constrained, expr) => {
                self.comp(Some(constrained));
                self.push(" requires ");
                self.comp(Some(expr));
            }
            Node::VendorExpr(name, args) => {
                self.comp(Some(name));
                self.push_char('(');
                self.comp(Some(args));
                self.push_char(')');
            }
            Node::QualName(scope, name) | Node::LocalName(scope, name) => {
                self.comp(Some(scope));
                self.push(if self.java { "." } else { "::" });
                self.local_part(name);
            }
            Node::TypedName(name, ty) => self.typed_name(name, ty),
            Node::Template(name, args) => {
                let hold_current = self.current_template.replace(dc);
                let hold_modifiers = self.modifiers.take();
                if self.java && matches!(self.node(name), Node::Name("JArray")) {
                    // Java arrays: `JArray<T>` is `T[]`.
                    self.comp(Some(args));
                    self.push("[]");
                } else {
                    self.comp(Some(name));
                    self.template_args(args);
                }
                self.modifiers = hold_modifiers;
                self.current_template = hold_current;
            }
            Node::TemplateParam(n) => {
                if self.lambda_args > n + 1 {
                    // A parameter of the lambda's template head.
                    let mut decl = self.lambda_head;
                    for _ in 0..n {
                        decl = decl.and_then(|d| self.next_param_decl(d));
                    }
                    match decl.map(|d| self.node(d)) {
                        Some(Node::PackParm(inner, _)) => self.lambda_parm_name(inner, n),
                        Some(_) => self.lambda_parm_name(decl.unwrap_or_default(), n),
                        None => self.fail(),
                    }
                    return;
                }
                if self.lambda_args > 0 {
                    self.push("auto:");
                    self.push_num(n + 1);
                    return;
                }
                let a = self.template_argument(n);
                let Some(a) = a else {
                    self.fail();
                    return;
                };
                // The argument may refer to an outer template's parameters.
                let hold = self.templates;
                self.templates = hold.and_then(|s| self.scopes[s as usize].1);
                self.comp(Some(a));
                self.templates = hold;
            }
            Node::FunctionParam(0) => self.push("this"),
            Node::FunctionParam(n) => {
                self.push("{parm#");
                self.push_num(n);
                self.push_char('}');
            }
            Node::Ctor(name) => self.comp(Some(name)),
            Node::Dtor(name) => {
                self.push_char('~');
                self.comp(Some(name));
            }
            Node::Special(kind, inner) => {
                self.push(kind.prefix());
                self.comp(Some(inner));
            }
            Node::ConstructionVtable(base, derived) => {
                self.push("construction vtable for ");
                self.comp(Some(base));
                self.push("-in-");
                self.comp(Some(derived));
            }
            Node::ReferenceTemporary(name, num) => {
                self.push("reference temporary #");
                self.comp(Some(num));
                self.push(" for ");
                self.comp(Some(name));
            }
            Node::Qual(q @ (Qual::Restrict | Qual::Volatile | Qual::Const), inner, _) => {
                // A qualifier already waiting to be printed is printed once
                // (`const T` where `T` is `int const`: `int const`).
                let mut p = self.modifiers;
                while let Some(i) = p {
                    let m = self.modifier(i);
                    if !m.printed {
                        if !is_plain_cv(self.node(m.node)) {
                            break;
                        }
                        if matches!(self.node(m.node), Node::Qual(pending, ..) if pending == q) {
                            self.comp(Some(inner));
                            return;
                        }
                    }
                    p = m.next;
                }
                self.modifier_comp(dc, None);
            }
            Node::Reference(sub) | Node::RvalueReference(sub) => self.reference(dc, sub),
            Node::Qual(..)
            | Node::Pointer(_)
            | Node::Complex(_)
            | Node::Imaginary(_)
            | Node::VendorQual(..) => self.modifier_comp(dc, None),
            Node::Builtin(code) if self.java => self.push(match BUILTINS[code as usize].name {
                // libiberty's `java_name` column of its builtin types.
                "bool" => "boolean",
                "char" => "byte",
                "unsigned int" => "unsigned",
                "wchar_t" => "char",
                "long long" => "long",
                name => name,
            }),
            Node::Builtin(code) => self.push(BUILTINS[code as usize].name),
            Node::FloatN(n, x) => {
                self.push(BUILTINS[tables::FLOAT_N as usize].name);
                self.push_num(n);
                if x {
                    self.push_char('x');
                }
            }
            Node::VendorType(name) => self.comp(Some(name)),
            Node::FunctionType(ret, _) if self.ret_postfix => {
                // DMGL_RET_POSTFIX: the parameters, then the return type.
                self.ret_postfix = false;
                self.function_type(dc, self.modifiers);
                if ret.is_some() {
                    self.comp(ret);
                }
                self.ret_postfix = true;
            }
            Node::FunctionType(ret, _) => {
                let drop = std::mem::take(&mut self.drop_return_type);
                if let Some(ret) = ret.filter(|_| !drop) {
                    // The return type goes first; what it modifies follows.
                    let m = self.push_modifier(dc);
                    self.comp(Some(ret));
                    let printed = self.modifier(m).printed;
                    self.modifiers = self.modifier(m).next;
                    self.modifiers_stack.truncate(m as usize);
                    if printed {
                        return;
                    }
                    self.push_char(' ');
                }
                self.function_type(dc, self.modifiers);
            }
            Node::ArrayType(_, elem) => self.array(dc, elem),
            Node::PtrMem(_, inner) | Node::VectorType(_, inner) => {
                let m = self.push_modifier(dc);
                self.comp(Some(inner));
                if !self.modifier(m).printed {
                    self.print_modifier(dc);
                }
                self.modifiers = self.modifier(m).next;
                self.modifiers_stack.truncate(m as usize);
            }
            Node::ArgList(item, rest) | Node::TemplateArgList(item, rest) => {
                if item.is_some() {
                    self.comp(item);
                }
                if rest.is_some() {
                    self.push(", ");
                    let len = self.out.len();
                    self.comp(rest);
                    // An empty pack prints nothing, and no comma either.
                    if self.out.len() == len {
                        self.out.truncate(len - 2);
                    }
                }
            }
            Node::InitializerList(ty, list) => {
                if ty.is_some() {
                    self.comp(ty);
                }
                self.push_char('{');
                self.comp(Some(list));
                self.push_char('}');
            }
            Node::Operator(i) => {
                let name = tables::operator_info(i).name;
                self.push("operator");
                if name.as_bytes()[0].is_ascii_lowercase() {
                    self.push_char(' ');
                }
                self.push(name.strip_suffix(' ').unwrap_or(name));
            }
            Node::ExtendedOperator(_, name) => {
                self.push("operator ");
                self.comp(Some(name));
            }
            Node::Conversion(ty) => {
                self.push("operator ");
                self.conversion(ty);
            }
            Node::Nullary(op) => self.expr_op(op),
            Node::Unary(op, operand) => self.unary(op, operand),
            Node::Binary(op, args) => self.binary(dc, op, args),
            Node::Trinary(op, args) => self.trinary(dc, op, args),
            Node::Literal(ty, digits, negative) => self.literal(ty, digits, negative),
            Node::Number(n) => self.push_num(n),
            Node::Decltype(e) => {
                self.push("decltype (");
                self.comp(Some(e));
                self.push_char(')');
            }
            Node::Lambda(params, n) => {
                // libiberty d_print_comp_inner, DEMANGLE_COMPONENT_LAMBDA.
                self.push("{lambda");
                let (hold_args, hold_head) = (self.lambda_args, self.lambda_head);
                self.lambda_args = 0;
                self.lambda_head = None;
                let mut params = Some(params);
                if let Some(Node::TemplateHead(first, rest)) = params.map(|p| self.node(p)) {
                    self.lambda_head = Some(first);
                    self.push_char('<');
                    let mut decl = Some(first);
                    while let Some(d) = decl {
                        if self.lambda_args > 0 {
                            self.push(", ");
                        }
                        self.lambda_args += 1;
                        self.comp(Some(d));
                        self.push_char(' ');
                        let named = match self.node(d) {
                            Node::PackParm(inner, _) => inner,
                            _ => d,
                        };
                        self.lambda_parm_name(named, self.lambda_args - 1);
                        decl = self.next_param_decl(d);
                    }
                    self.push_char('>');
                    params = rest;
                }
                self.lambda_args += 1;
                self.push_char('(');
                self.comp(params);
                self.lambda_args = hold_args;
                self.lambda_head = hold_head;
                self.push(")#");
                self.push_num(u64::from(n) + 1);
                self.push_char('}');
            }
            Node::TemplateHead(first, _) => {
                self.push_char('<');
                let mut decl = Some(first);
                while let Some(d) = decl {
                    if d != first {
                        self.push(", ");
                    }
                    self.comp(Some(d));
                    decl = self.next_param_decl(d);
                }
                self.push_char('>');
            }
            Node::TypeParm(_) => self.push("typename"),
            Node::NonTypeParm(ty, _) => self.comp(Some(ty)),
            Node::TemplateTemplateParm(head, _) => {
                self.push("template");
                self.comp(Some(head));
                self.push(" class");
            }
            Node::PackParm(inner, _) => {
                self.comp(Some(inner));
                self.push("...");
            }
            Node::UnnamedType(n) => {
                self.push("{unnamed type#");
                self.push_num(u64::from(n) + 1);
                self.push_char('}');
            }
            Node::Clone(encoding, suffix) => {
                self.comp(Some(encoding));
                self.push(" [clone ");
                self.comp(Some(suffix));
                self.push_char(']');
            }
            Node::PackExpansion(pattern) => {
                // Inside a lambda's signature no pack is looked up.
                let pack = if self.lambda_args == 0 {
                    self.find_pack(Some(pattern))
                } else {
                    None
                };
                let Some(pack) = pack else {
                    // Only function parameter packs: the pattern and `...`.
                    self.subexpr(pattern);
                    self.push("...");
                    return;
                };
                let len = self.pack_length(Some(pack));
                for i in 0..len {
                    self.pack_index = i as i32;
                    self.comp(Some(pattern));
                    if i + 1 < len {
                        self.push(", ");
                    }
                }
            }
            Node::Cast(_)
            | Node::BinaryArgs(..)
            | Node::TrinaryArg1(..)
            | Node::TrinaryArg2(..)
            | Node::DefaultArg(..) => self.fail(),
        }
    }

    /// The part after `::` of a qualified or local name.
    fn local_part(&mut self, name: Id) {
        if let Node::DefaultArg(n, inner) = self.node(name) {
            self.push("{default arg#");
            self.push_num(u64::from(n) + 1);
            self.push("}::");
            self.comp(Some(inner));
        } else {
            self.comp(Some(name));
        }
    }

    fn template_args(&mut self, args: Id) {
        if self.last() == b'<' {
            self.push_char(' ');
        }
        self.push_char('<');
        self.comp(Some(args));
        // `> >`, never `>>`.
        if self.last() == b'>' {
            self.push_char(' ');
        }
        self.push_char('>');
    }

    /// A name with its function type: the name (with the qualifiers of the
    /// function) is handed down to the type as a modifier, to print between
    /// the return type and the parameters.
    fn typed_name(&mut self, name: Id, ty: Id) {
        let hold_modifiers = self.modifiers.take();
        let base = self.modifiers_stack.len();
        // At most four: the name and up to three qualifiers of the function.
        let mut pushed = [0u32; 4];
        let mut count = 0;
        let mut typed = name;
        loop {
            if count >= 4 {
                self.fail();
                return;
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
                    self.fail();
                    return;
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
        let hold_templates = self.templates;
        if let Node::Template(..) = self.node(typed) {
            self.push_scope(typed);
        }
        self.comp(Some(ty));
        self.templates = hold_templates;
        for &m in pushed[..count].iter().rev() {
            if !self.modifier(m).printed {
                self.push_char(' ');
                self.print_modifier(self.modifier(m).node);
            }
        }
        self.modifiers = hold_modifiers;
        self.modifiers_stack.truncate(base);
    }

    /// A Java identifier: `__U<hex>_` is the character of that code below
    /// 256 (libiberty `d_print_java_identifier`).
    fn java_identifier(&mut self, name: &str) {
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
    }

    /// The declaration after `decl` in a template head.
    fn next_param_decl(&self, decl: Id) -> Option<Id> {
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
    fn lambda_parm_name(&mut self, decl: Id, index: u32) {
        match self.node(decl) {
            Node::TypeParm(_) => self.push("$T"),
            Node::NonTypeParm(..) => self.push("$N"),
            Node::TemplateTemplateParm(..) => self.push("$TT"),
            _ => self.fail(),
        }
        self.push_num(u64::from(index));
    }

    /// `&`/`&&`, collapsing with a reference a template argument stands for.
    fn reference(&mut self, mut dc: Id, sub: Id) {
        let mut inner = None;
        let mut restore = None;
        let mut sub = sub;
        if self.lambda_args == 0 {
            if let Node::TemplateParam(n) = self.node(sub) {
                match self.saved_scopes.iter().find(|s| s.0 == sub).map(|s| s.1) {
                    None => self.saved_scopes.push((sub, self.templates)),
                    Some(scope) => {
                        // Reached again through a substitution: unless
                        // beneath itself, it takes its first scope back.
                        let top = self.components.len() - 1;
                        let found = self
                            .components
                            .iter()
                            .enumerate()
                            .any(|(i, &c)| c == sub || (c == dc && i != top));
                        if !found {
                            restore = Some(self.templates);
                            self.templates = scope;
                        }
                    }
                }
                let a = self.template_argument(n);
                match a {
                    Some(a) => sub = a,
                    None => {
                        if let Some(t) = restore {
                            self.templates = t;
                        }
                        self.fail();
                        return;
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
        self.modifier_comp(dc, inner);
        if let Some(t) = restore {
            self.templates = t;
        }
    }

    /// A type that modifies what it wraps: printed after it, unless a
    /// function or array type below takes it first.
    fn modifier_comp(&mut self, dc: Id, inner: Option<Id>) {
        let m = self.push_modifier(dc);
        let inner = inner.or_else(|| self.node(dc).children().0);
        self.comp(inner);
        if !self.modifier(m).printed {
            self.print_modifier(dc);
        }
        self.modifiers = self.modifier(m).next;
        self.modifiers_stack.truncate(m as usize);
    }

    fn print_modifier(&mut self, node: Id) {
        match self.node(node) {
            Node::Qual(q, _, right) => match q {
                Qual::Restrict | Qual::RestrictThis => self.push(" restrict"),
                Qual::Volatile | Qual::VolatileThis => self.push(" volatile"),
                Qual::Const | Qual::ConstThis => self.push(" const"),
                Qual::TransactionSafe => self.push(" transaction_safe"),
                Qual::Noexcept | Qual::ThrowSpec => {
                    self.push(if q == Qual::Noexcept {
                        " noexcept"
                    } else {
                        " throw"
                    });
                    if right.is_some() {
                        self.push_char('(');
                        self.comp(right);
                        self.push_char(')');
                    }
                }
                Qual::ReferenceThis => self.push(" &"),
                Qual::RvalueReferenceThis => self.push(" &&"),
                Qual::XobjThis => {}
            },
            Node::VendorQual(_, qual) => {
                self.push_char(' ');
                self.comp(Some(qual));
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
                self.comp(Some(class));
                self.push("::*");
            }
            Node::TypedName(name, _) => self.comp(Some(name)),
            Node::VectorType(dim, _) => {
                self.push(" __vector(");
                self.comp(Some(dim));
                self.push_char(')');
            }
            _ => self.comp(Some(node)),
        }
    }

    fn modifier_list(&mut self, mut mods: Option<u32>, suffix: bool) {
        while let Some(i) = mods {
            if self.failed {
                return;
            }
            let m = self.modifier(i);
            if m.printed || (!suffix && is_function_qual(self.node(m.node))) {
                mods = m.next;
                continue;
            }
            self.modifiers_stack[i as usize].printed = true;
            let hold = std::mem::replace(&mut self.templates, m.templates);
            match self.node(m.node) {
                Node::FunctionType(..) => {
                    self.function_type(m.node, m.next);
                    self.templates = hold;
                    return;
                }
                Node::ArrayType(..) => {
                    self.array_type(m.node, m.next);
                    self.templates = hold;
                    return;
                }
                Node::LocalName(function, local) => {
                    let hold_modifiers = self.modifiers.take();
                    self.comp(Some(function));
                    self.modifiers = hold_modifiers;
                    self.push(if self.java { "." } else { "::" });
                    let mut dc = local;
                    if let Node::DefaultArg(n, inner) = self.node(dc) {
                        self.push("{default arg#");
                        self.push_num(u64::from(n) + 1);
                        self.push("}::");
                        dc = inner;
                    }
                    while let Node::Qual(q, inner, _) = self.node(dc) {
                        if !q.of_function() {
                            break;
                        }
                        dc = inner;
                    }
                    self.comp(Some(dc));
                    self.templates = hold;
                    return;
                }
                _ => {
                    self.print_modifier(m.node);
                    self.templates = hold;
                    mods = m.next;
                }
            }
        }
    }

    fn function_type(&mut self, dc: Id, mods: Option<u32>) {
        let Node::FunctionType(_, params) = self.node(dc) else {
            self.fail();
            return;
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
        let hold = self.modifiers.take();
        self.modifier_list(mods, false);
        if need_paren {
            self.push_char(')');
        }
        self.push_char('(');
        if xobj {
            self.push("this ");
        }
        if params.is_some() {
            self.comp(params);
        }
        self.push_char(')');
        self.modifier_list(mods, true);
        self.modifiers = hold;
    }

    fn array(&mut self, dc: Id, elem: Id) {
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
                    self.fail();
                    return;
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
        self.comp(Some(elem));
        self.modifiers = hold;
        let printed = self.modifier(first).printed;
        self.modifiers_stack.truncate(base);
        if printed {
            return;
        }
        for &node in copies.iter().rev() {
            self.print_modifier(node);
        }
        self.array_type(dc, self.modifiers);
    }

    fn array_type(&mut self, dc: Id, mods: Option<u32>) {
        let Node::ArrayType(dim, _) = self.node(dc) else {
            self.fail();
            return;
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
            self.modifier_list(mods, false);
            if need_paren {
                self.push_char(')');
            }
        }
        if need_space {
            self.push_char(' ');
        }
        self.push_char('[');
        if dim.is_some() {
            self.comp(dim);
        }
        self.push_char(']');
    }

    /// A conversion operator's type, printed whole with the parameters of
    /// the enclosing template in scope (libiberty `d_print_conversion`, as
    /// of GNU 2.44: `Y::operator X<void><void>()` for `_ZNO1Ycv1XIT_EIvEEv`).
    fn conversion(&mut self, ty: Id) {
        let hold = self.templates;
        if let Some(t) = self.current_template {
            self.push_scope(t);
        }
        self.comp(Some(ty));
        self.templates = hold;
    }

    // ----- expressions -----

    fn operator_code(&self, op: Id) -> Option<[u8; 2]> {
        match self.node(op) {
            Node::Operator(i) => Some(tables::operator_info(i).code),
            _ => None,
        }
    }

    fn subexpr(&mut self, dc: Id) {
        let simple = matches!(
            self.node(dc),
            Node::Name(_) | Node::QualName(..) | Node::InitializerList(..) | Node::FunctionParam(_)
        );
        if !simple {
            self.push_char('(');
        }
        self.comp(Some(dc));
        if !simple {
            self.push_char(')');
        }
    }

    fn expr_op(&mut self, op: Id) {
        match self.node(op) {
            Node::Operator(i) => self.push(tables::operator_info(i).name),
            _ => self.comp(Some(op)),
        }
    }

    fn unary(&mut self, op: Id, mut operand: Id) {
        let code = self.operator_code(op);
        if let Some(code) = code {
            if code == *b"ad" {
                // `&f`, not `&f(int)`.
                if let Node::TypedName(name, ty) = self.node(operand) {
                    if matches!(self.node(name), Node::QualName(..))
                        && matches!(self.node(ty), Node::FunctionType(..))
                    {
                        operand = name;
                    }
                }
            }
            if let Node::BinaryArgs(Some(inner), _) = self.node(operand) {
                // A suffix operator (`x++`).
                self.subexpr(inner);
                self.expr_op(op);
                return;
            }
        }
        match code {
            Some(c) if c == *b"sZ" => {
                let pack = self.find_pack(Some(operand));
                let len = self.pack_length(pack);
                self.push_num(len);
                return;
            }
            Some(c) if c == *b"sP" => {
                let len = self.args_length(Some(operand));
                self.push_num(len);
                return;
            }
            _ => {}
        }
        if let Node::Cast(ty) = self.node(op) {
            self.push_char('(');
            self.comp(Some(ty));
            self.push_char(')');
        } else {
            self.expr_op(op);
        }
        match code {
            Some(c) if c == *b"gs" => self.comp(Some(operand)),
            // d_print_comp: always parentheses for `sizeof (type)` and,
            // since GNU 2.44, `noexcept(expr)`.
            Some(c) if c == *b"st" || c == *b"nx" => {
                self.push_char('(');
                self.comp(Some(operand));
                self.push_char(')');
            }
            _ => self.subexpr(operand),
        }
    }

    fn binary(&mut self, dc: Id, op: Id, args: Id) {
        let Node::BinaryArgs(Some(left), Some(right)) = self.node(args) else {
            self.fail();
            return;
        };
        let code = self.operator_code(op).unwrap_or([0, 0]);
        if matches!(&code, b"dc" | b"sc" | b"cc" | b"rc") {
            self.expr_op(op);
            self.push_char('<');
            self.comp(Some(left));
            self.push(">(");
            self.comp(Some(right));
            self.push_char(')');
            return;
        }
        if self.fold(code, left, Some(right), None) || self.designated_init(dc) {
            return;
        }
        let greater = code == *b"gt";
        if greater {
            self.push_char('(');
        }
        match self.node(left) {
            Node::TypedName(function, ty) if code == *b"cl" => {
                // A call shows its arguments, not the callee's parameters.
                if !matches!(self.node(ty), Node::FunctionType(..)) {
                    self.fail();
                }
                self.subexpr(function);
            }
            _ => self.subexpr(left),
        }
        if code == *b"ix" {
            self.push_char('[');
            self.comp(Some(right));
            self.push_char(']');
        } else {
            if code != *b"cl" {
                self.expr_op(op);
            }
            self.subexpr(right);
        }
        if greater {
            self.push_char(')');
        }
    }

    fn trinary(&mut self, dc: Id, op: Id, args: Id) {
        let Node::TrinaryArg1(first, rest) = self.node(args) else {
            self.fail();
            return;
        };
        let Node::TrinaryArg2(second, third) = self.node(rest) else {
            self.fail();
            return;
        };
        let code = self.operator_code(op).unwrap_or([0, 0]);
        if let (Some(operator), Some(lhs)) = (first, second) {
            if self.fold(code, operator, Some(lhs), third) {
                return;
            }
        }
        if self.designated_init(dc) {
            return;
        }
        if code == *b"qu" {
            let (Some(a), Some(b), Some(c)) = (first, second, third) else {
                self.fail();
                return;
            };
            self.subexpr(a);
            self.expr_op(op);
            self.subexpr(b);
            self.push(" : ");
            self.subexpr(c);
        } else {
            self.push("new ");
            if let Some(first) = first {
                if self.node(first).children().0.is_some() {
                    self.subexpr(first);
                    self.push_char(' ');
                }
            }
            self.comp(second);
            if let Some(third) = third {
                self.subexpr(third);
            }
        }
    }

    /// Fold expressions (`(... + x)`, `(x + ... + 0)`), which print the
    /// whole pack at once. `operator` is the folded operator.
    fn fold(&mut self, code: [u8; 2], operator: Id, op1: Option<Id>, op2: Option<Id>) -> bool {
        if code[0] != b'f' {
            return false;
        }
        let Some(op1) = op1 else { return false };
        let save = std::mem::replace(&mut self.pack_index, -1);
        match code[1] {
            b'l' => {
                self.push("(...");
                self.expr_op(operator);
                self.subexpr(op1);
                self.push_char(')');
            }
            b'r' => {
                self.push_char('(');
                self.subexpr(op1);
                self.expr_op(operator);
                self.push("...)");
            }
            b'L' | b'R' => {
                self.push_char('(');
                self.subexpr(op1);
                self.expr_op(operator);
                self.push("...");
                self.expr_op(operator);
                match op2 {
                    Some(op2) => self.subexpr(op2),
                    None => self.fail(),
                }
                self.push_char(')');
            }
            _ => {}
        }
        self.pack_index = save;
        true
    }

    fn designator_code(&self, dc: Id) -> Option<u8> {
        let op = match self.node(dc) {
            Node::Binary(op, _) | Node::Trinary(op, _) => op,
            _ => return None,
        };
        match self.operator_code(op)? {
            [b'd', c @ (b'i' | b'x' | b'X')] => Some(c),
            _ => None,
        }
    }

    /// `.a = 1`, `[0] = 1`, `[0 ... 3] = 1` in braced initializers.
    fn designated_init(&mut self, dc: Id) -> bool {
        let Some(kind) = self.designator_code(dc) else {
            return false;
        };
        let (op1, mut op2) = match self.node(dc) {
            Node::Binary(_, args) | Node::Trinary(_, args) => self.node(args).children(),
            _ => return false,
        };
        self.push_char(if kind == b'i' { '.' } else { '[' });
        self.comp(op1);
        if kind == b'X' {
            self.push(" ... ");
            let (mid, last) = op2.map(|o| self.node(o).children()).unwrap_or((None, None));
            self.comp(mid);
            op2 = last;
        }
        if kind != b'i' {
            self.push_char(']');
        }
        match op2 {
            Some(o) if self.designator_code(o).is_some() => self.comp(Some(o)),
            Some(o) => {
                self.push_char('=');
                self.subexpr(o);
            }
            None => self.fail(),
        }
        true
    }

    fn literal(&mut self, ty: Id, digits: Id, negative: bool) {
        let style = match self.node(ty) {
            Node::Builtin(code) => BUILTINS[code as usize].literal,
            _ => LiteralStyle::Default,
        };
        let plain = matches!(self.node(digits), Node::Name(_));
        match style {
            LiteralStyle::Int
            | LiteralStyle::Unsigned
            | LiteralStyle::Long
            | LiteralStyle::UnsignedLong
            | LiteralStyle::LongLong
            | LiteralStyle::UnsignedLongLong
                if plain =>
            {
                if negative {
                    self.push_char('-');
                }
                self.comp(Some(digits));
                self.push(match style {
                    LiteralStyle::Unsigned => "u",
                    LiteralStyle::Long => "l",
                    LiteralStyle::UnsignedLong => "ul",
                    LiteralStyle::LongLong => "ll",
                    LiteralStyle::UnsignedLongLong => "ull",
                    _ => "",
                });
                return;
            }
            LiteralStyle::Bool if !negative => {
                if let Node::Name(s @ ("0" | "1")) = self.node(digits) {
                    self.push(if s == "0" { "false" } else { "true" });
                    return;
                }
            }
            _ => {}
        }
        self.push_char('(');
        self.comp(Some(ty));
        self.push_char(')');
        if negative {
            self.push_char('-');
        }
        let float = style == LiteralStyle::Float;
        if float {
            self.push_char('[');
        }
        self.comp(Some(digits));
        if float {
            self.push_char(']');
        }
    }
}
