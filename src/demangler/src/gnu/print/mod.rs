//! Printing a parsed name by GNU libiberty's rules: declarator modifiers
//! (pointers, references, qualifiers, the name itself) are passed down a
//! stack until the type that must print them around itself (a function or
//! array type) takes them; template parameters print the argument of the
//! template in scope; pack expansions print once per element.

use std::fmt::Write;

use super::ast::{Id, Node, Qual};
use super::structure::Watch;
use super::tables::{self, LiteralForm, LiteralStyle, BUILTINS};

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
}

/// Prints a tree by libiberty's `d_print_comp` rules. Its state is
/// libiberty's `d_print_info`, field by field where it has one.
///
/// With a `watch` (`crate::parse`), the places where the watched nodes
/// print are recorded.
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
    /// Scopes of templates: (template node, enclosing scope), and the
    /// scope each lambda pushes (its template head, or its parameters where
    /// it has none: libiberty's `template_decl` of the lambda, or NULL).
    /// Entries are never changed, so a scope is an index that stays valid
    /// (libiberty's linked `d_print_template` entries on the stack).
    scopes: Vec<(Id, Option<u32>)>,
    /// The innermost template or lambda in scope, where a template
    /// parameter finds its argument or head declaration (libiberty's
    /// `templates`).
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
    /// How many nodes are being printed, one inside the other (the
    /// length of libiberty's `component_stack`, whose entries `printing`
    /// counts by node).
    depth: usize,
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
        } = buffers;
        scopes.clear();
        modifiers_stack.clear();
        printing.clear();
        printing.resize(nodes.len(), 0);
        saved_scopes.clear();
        Printer {
            nodes,
            // Room for the text of nine names in ten (about three bytes of
            // mangling a node, and most texts under two and a half times
            // their mangling), so that few grow it as they print.
            out: String::with_capacity(limit.min(8 * nodes.len() + 32)),
            limit,
            fuel: limit.saturating_mul(16).max(1 << 16),
            max_depth: max_depth as usize,
            scopes,
            templates: None,
            modifiers_stack,
            modifiers: None,
            pack_index: 0,
            lambda_args: 0,
            current_template: None,
            java: false,
            ret_postfix: false,
            printing,
            saved_scopes,
            depth: 0,
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
        if self.depth >= self.max_depth {
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
        self.depth += 1;
        let start = self.out.len();
        let done = self.comp_inner(dc);
        if let Some(watch) = self.watch.as_deref_mut() {
            watch.saw(dc, start, self.out.len());
        }
        self.depth -= 1;
        self.printing[dc as usize] -= 1;
        done
    }

    fn comp_inner(&mut self, dc: Id) -> Done {
        let node = self.node(dc);
        match node {
            Node::Null => Err(Failure::Unprintable),
            Node::Compound(..)
            | Node::Ctor(..)
            | Node::Dtor(..)
            | Node::EnableIf(..)
            | Node::Friend(..)
            | Node::Lambda(..)
            | Node::LocalName(..)
            | Node::ModuleEntity(..)
            | Node::ModuleName(..)
            | Node::Name(..)
            | Node::QualName(..)
            | Node::StdName(..)
            | Node::StructuredBinding(..)
            | Node::TaggedName(..)
            | Node::Template(..)
            | Node::TypedName(..)
            | Node::UnnamedEnum(..)
            | Node::UnnamedType(..) => self.name_comp(dc, node),
            Node::Clone(..)
            | Node::ConstructionVtable(..)
            | Node::JavaResource(..)
            | Node::ModuleInit(..)
            | Node::ReferenceTemporary(..)
            | Node::Special(..) => self.special_name_comp(node),
            Node::FunctionParam(..)
            | Node::NonTypeParm(..)
            | Node::PackParm(..)
            | Node::TemplateHead(..)
            | Node::TemplateParam(..)
            | Node::TemplateTemplateParm(..)
            | Node::TypeParm(..) => self.parameter_comp(node),
            Node::ArgList(..)
            | Node::ArrayType(..)
            | Node::BitInt(..)
            | Node::Builtin(..)
            | Node::Complex(..)
            | Node::FloatN(..)
            | Node::FunctionType(..)
            | Node::Imaginary(..)
            | Node::PackExpansion(..)
            | Node::Pointer(..)
            | Node::PtrMem(..)
            | Node::Qual(..)
            | Node::Reference(..)
            | Node::RvalueReference(..)
            | Node::TemplateArgList(..)
            | Node::VectorType(..)
            | Node::VendorQual(..)
            | Node::VendorType(..) => self.type_comp(dc, node),
            _ => self.expression_comp(dc, node),
        }
    }

    // ----- expressions -----
}

impl super::spell::Text for Printer<'_, '_> {
    fn put(&mut self, text: &str) {
        self.push(text);
    }

    fn last_char(&self) -> u8 {
        self.last_char
    }
}
