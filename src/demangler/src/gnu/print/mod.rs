//! Printing a parsed name by GNU libiberty's rules: declarator modifiers
//! (pointers, references, qualifiers, the name itself) are passed down a
//! stack until the type that must print them around itself (a function or
//! array type) takes them; template parameters print the argument of the
//! template in scope; pack expansions print once per element.

use std::fmt::Write;

use super::ast::{Id, Node, Qual};
use super::structure::Watch;
use super::tables::{self, LiteralStyle, BUILTINS};

mod declarators;
mod expressions;
mod names;
mod scopes;

/// A modifier met and not printed yet: a qualifier, pointer, reference,
/// function or array type, or the name a function type prints around
/// (libiberty's `d_print_mod`).
#[derive(Clone, Copy)]
struct Modifier {
    node: Id,
    printed: bool,
    /// The templates in scope where the modifier was met.
    templates: Option<u32>,
    next: Option<u32>,
}

/// Why printing stopped before the end (the sticky `failed` of libiberty's
/// `d_print_saw_error`, here a `Result` that every printing step returns).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Failure {
    /// GNU prints nothing for it.
    Unprintable,
    /// Nested deeper than the recursion limit.
    TooDeep,
    /// Longer than the output limit.
    TooLong,
}

/// A printing step: done, or why not.
type Done = Result<(), Failure>;

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

/// Prints a tree by libiberty's `d_print_comp` rules. Its state is
/// libiberty's `d_print_info`, field by field where it has one.
///
/// `WATCH`: whether the places of watched nodes are recorded (`crate::parse`);
/// without it, the recording is compiled out.
pub(crate) struct Printer<'n, 'a> {
    /// The parsed tree (libiberty's components, here by index).
    nodes: &'n [Node<'a>],
    /// The text so far (libiberty's `buf` and its callback).
    out: String,
    /// The most text printed: beyond it printing stops (`Printed::TooLong`).
    limit: usize,
    /// Nodes printed so far, at most: a tree whose back references make the
    /// printing exponential stops here (libiberty has no such bound).
    fuel: usize,
    /// Nesting of `comp` allowed (the recursion limit; libiberty's
    /// `recursion` count against `DEMANGLE_RECURSION_LIMIT`).
    max_depth: usize,
    /// Scopes of templates: (template node, enclosing scope). Entries are
    /// never changed, so a scope is an index that stays valid (libiberty's
    /// linked `d_print_template` entries on the stack).
    scopes: Vec<(Id, Option<u32>)>,
    /// The innermost template in scope, where a template parameter finds
    /// its argument (libiberty's `templates`).
    templates: Option<u32>,
    /// The modifiers met and not yet printed, as a linked list through
    /// this stack (libiberty's `d_print_mod` entries on the C stack).
    modifiers_stack: Vec<Modifier>,
    /// The innermost pending modifier (libiberty's `modifiers`).
    modifiers: Option<u32>,
    /// Which element of a pack an expansion is printing (libiberty's
    /// `pack_index`).
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
    /// The template whose name is being printed, for a conversion
    /// operator's type in it (libiberty's `current_template`).
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
    /// How many times each node is being printed now: a node reached again
    /// inside itself more than once is a loop of back references, and
    /// fails (libiberty's `d_component_stack` walk and `d_printing` count).
    printing: Vec<u8>,
    /// The scope a template parameter under a reference was first printed
    /// in, for the next time a substitution reaches it (libiberty's
    /// `saved_scopes`, `d_get_saved_scope`).
    saved_scopes: Vec<(Id, Option<u32>)>,
    /// The nodes being printed, outermost first (libiberty's
    /// `component_stack`).
    components: Vec<Id>,
    /// Leave out the return type of the function being printed
    /// (`Options::return_type` false: libiberty's `DMGL_RET_DROP`).
    drop_return_type: bool,
    /// The last character printed, which decides `> >` and `operator< <`;
    /// taking back the comma after an empty pack leaves it as it was
    /// (libiberty's `last_char`).
    last_char: u8,
    /// For `crate::parse`: the nodes whose places in the text give the
    /// parts of the name, and where they printed.
    pub(crate) watch: Option<Box<Watch>>,
    /// Template argument lists printed (`Options::templates`).
    pub(crate) templates_shown: bool,
    /// Clone suffixes printed (`Options::suffixes`).
    pub(crate) suffixes_shown: bool,
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
            watch: None,
            templates_shown: true,
            suffixes_shown: true,
        }
    }

    /// The text of `root`; without `return_type`, a function's return type
    /// is left out (that of the function only, not of types in it).
    /// With the text, the working lists, for the next printer.
    pub(crate) fn print(
        mut self,
        root: Id,
        return_type: bool,
    ) -> (Printed, Buffers, Option<Box<Watch>>) {
        self.drop_return_type = !return_type && matches!(self.node(root), Node::TypedName(..));
        let done = self.comp(Some(root));
        // Text over the limit is reported as such, whatever stopped it.
        let printed = match done {
            _ if self.out.len() > self.limit => Printed::TooLong,
            Err(Failure::TooLong) => Printed::TooLong,
            Err(Failure::TooDeep) => Printed::TooDeep,
            Err(Failure::Unprintable) => Printed::Failed,
            Ok(()) => Printed::Text(self.out),
        };
        let buffers = Buffers {
            scopes: self.scopes,
            modifiers_stack: self.modifiers_stack,
            printing: self.printing,
            saved_scopes: self.saved_scopes,
            components: self.components,
        };
        (printed, buffers, self.watch)
    }

    fn node(&self, id: Id) -> Node<'a> {
        self.nodes[id as usize]
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

    // ----- printing -----

    /// Print `dc` (libiberty's `d_print_comp`): one level deeper, within
    /// the limits, once more at most inside itself.
    fn comp(&mut self, dc: Option<Id>) -> Done {
        let Some(dc) = dc else {
            return Err(Failure::Unprintable);
        };
        if self.components.len() >= self.max_depth {
            return Err(Failure::TooDeep);
        }
        if self.out.len() > self.limit {
            return Err(Failure::TooLong);
        }
        if self.printing[dc as usize] > 1 || self.fuel == 0 {
            return Err(Failure::Unprintable);
        }
        self.fuel -= 1;
        self.printing[dc as usize] += 1;
        self.components.push(dc);
        let start = self.out.len();
        let done = self.comp_inner(dc);
        if let Some(watch) = self.watch.as_deref_mut() {
            watch.saw(dc, start, self.out.len());
        }
        self.components.pop();
        self.printing[dc as usize] -= 1;
        done
    }

    fn comp_inner(&mut self, dc: Id) -> Done {
        match self.node(dc) {
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
                self.push("[abi:");
                self.comp(Some(tag))?;
                self.push_char(']');
            }
            Node::StructuredBinding(..) => {
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
            }
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
            Node::BitInt(size, signed) => {
                self.push(if signed {
                    "_BitInt("
                } else {
                    "unsigned _BitInt("
                });
                self.comp(Some(size))?;
                self.push_char(')');
            }
            Node::JavaResource(name) => {
                self.push("java resource ");
                self.comp(Some(name))?;
            }
            Node::Compound(first, second) => {
                self.comp(Some(first))?;
                self.comp(Some(second))?;
            }
            Node::ModuleInit(module) => {
                self.push("initializer for module ");
                self.comp(Some(module))?;
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
            Node::Constraints(constrained, expr) => {
                self.comp(Some(constrained))?;
                self.push(" requires ");
                self.comp(Some(expr))?;
            }
            Node::VendorExpr(name, args) => {
                self.comp(Some(name))?;
                self.push_char('(');
                self.comp(Some(args))?;
                self.push_char(')');
            }
            Node::QualName(scope, name) | Node::LocalName(scope, name) => {
                self.comp(Some(scope))?;
                self.push(if self.java { "." } else { "::" });
                self.local_part(name)?;
            }
            Node::TypedName(name, ty) => self.typed_name(name, ty)?,
            Node::Template(name, args) => self.as_current_template(dc, |p| {
                p.without_modifiers(|p| {
                    if p.java && matches!(p.node(name), Node::Name("JArray")) {
                        // Java arrays: `JArray<T>` is `T[]`.
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
            })?,
            Node::TemplateParam(n) => {
                if self.lambda_args > n + 1 {
                    // A parameter of the lambda's template head.
                    let mut decl = self.lambda_head;
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
                    self.push("auto:");
                    self.push_num(n + 1);
                    return Ok(());
                }
                let a = self.template_argument(n)?;
                let Some(a) = a else {
                    return Err(Failure::Unprintable);
                };
                // The argument may refer to an outer template's parameters.
                let outer = self.templates.and_then(|s| self.scopes[s as usize].1);
                self.in_scope(outer, |p| p.comp(Some(a)))?;
            }
            Node::FunctionParam(0) => self.push("this"),
            Node::FunctionParam(n) => {
                self.push("{parm#");
                self.push_num(n);
                self.push_char('}');
            }
            Node::Ctor(name) => self.comp(Some(name))?,
            Node::Dtor(name) => {
                self.push_char('~');
                self.comp(Some(name))?;
            }
            Node::Special(kind, inner) => {
                self.push(kind.prefix());
                self.comp(Some(inner))?;
            }
            Node::ConstructionVtable(base, derived) => {
                self.push("construction vtable for ");
                self.comp(Some(base))?;
                self.push("-in-");
                self.comp(Some(derived))?;
            }
            Node::ReferenceTemporary(name, num) => {
                self.push("reference temporary #");
                self.comp(Some(num))?;
                self.push(" for ");
                self.comp(Some(name))?;
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
                            self.comp(Some(inner))?;
                            return Ok(());
                        }
                    }
                    p = m.next;
                }
                self.modifier_comp(dc, None)?;
            }
            Node::Reference(sub) | Node::RvalueReference(sub) => self.reference(dc, sub)?,
            Node::Qual(..)
            | Node::Pointer(_)
            | Node::Complex(_)
            | Node::Imaginary(_)
            | Node::VendorQual(..) => self.modifier_comp(dc, None)?,
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
            Node::VendorType(name) => self.comp(Some(name))?,
            Node::FunctionType(ret, _) if self.ret_postfix => {
                // DMGL_RET_POSTFIX: the parameters, then the return type.
                self.ret_postfix = false;
                self.function_type(dc, self.modifiers)?;
                if ret.is_some() {
                    self.comp(ret)?;
                }
                self.ret_postfix = true;
            }
            Node::FunctionType(ret, _) => {
                let drop = std::mem::take(&mut self.drop_return_type);
                if let Some(ret) = ret.filter(|_| !drop) {
                    // The return type goes first; what it modifies follows.
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
                self.function_type(dc, self.modifiers)?;
            }
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
            Node::InitializerList(ty, list) => {
                if ty.is_some() {
                    self.comp(ty)?;
                }
                self.push_char('{');
                self.comp(Some(list))?;
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
                self.comp(Some(name))?;
            }
            Node::Conversion(ty) => {
                self.push("operator ");
                self.conversion(ty)?;
            }
            Node::Nullary(op) => self.expr_op(op)?,
            Node::Unary(op, operand) => self.unary(op, operand)?,
            Node::Binary(op, args) => self.binary(dc, op, args)?,
            Node::Trinary(op, args) => self.trinary(dc, op, args)?,
            Node::Literal(ty, digits, negative) => self.literal(ty, digits, negative)?,
            Node::Number(n) => self.push_num(n),
            Node::Decltype(e) => {
                self.push("decltype (");
                self.comp(Some(e))?;
                self.push_char(')');
            }
            Node::Lambda(params, n) => {
                // libiberty d_print_comp_inner, DEMANGLE_COMPONENT_LAMBDA.
                self.push("{lambda");
                self.in_lambda(|p| {
                    let mut params = Some(params);
                    if let Some(Node::TemplateHead(first, rest)) = params.map(|id| p.node(id)) {
                        p.lambda_head = Some(first);
                        p.push_char('<');
                        let mut decl = Some(first);
                        while let Some(d) = decl {
                            if p.lambda_args > 0 {
                                p.push(", ");
                            }
                            p.lambda_args += 1;
                            p.comp(Some(d))?;
                            p.push_char(' ');
                            let named = match p.node(d) {
                                Node::PackParm(inner, _) => inner,
                                _ => d,
                            };
                            p.lambda_parm_name(named, p.lambda_args - 1)?;
                            decl = p.next_param_decl(d);
                        }
                        p.push_char('>');
                        params = rest;
                    }
                    p.lambda_args += 1;
                    p.push_char('(');
                    p.comp(params)
                })?;
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
                    self.comp(Some(d))?;
                    decl = self.next_param_decl(d);
                }
                self.push_char('>');
            }
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
            Node::UnnamedType(n) => {
                self.push("{unnamed type#");
                self.push_num(u64::from(n) + 1);
                self.push_char('}');
            }
            Node::Clone(encoding, suffix) => {
                self.comp(Some(encoding))?;
                if self.suffixes_shown {
                    self.push(" [clone ");
                    self.comp(Some(suffix))?;
                    self.push_char(']');
                }
            }
            Node::PackExpansion(pattern) => {
                // Inside a lambda's signature no pack is looked up.
                let pack = if self.lambda_args == 0 {
                    self.find_pack(Some(pattern))?
                } else {
                    None
                };
                let Some(pack) = pack else {
                    // Only function parameter packs: the pattern and `...`.
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
            }
            Node::Cast(_)
            | Node::BinaryArgs(..)
            | Node::TrinaryArg1(..)
            | Node::TrinaryArg2(..)
            | Node::DefaultArg(..) => return Err(Failure::Unprintable),
        }
        Ok(())
    }

    // ----- expressions -----
}
