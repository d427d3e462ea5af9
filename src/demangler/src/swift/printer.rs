//! Swift's node printer (`NodePrinter.cpp` of Swift 6.2.3): each node kind
//! prints itself, as `NodePrinter::print` does, under the options of
//! `DemangleOptions` that swift-demangle sets. Bounded as Swift's is (past
//! 768 levels it prints `<<too complex>>`), and also in output and steps,
//! which Swift's is not: a tree of shared substitutions can print a text
//! exponentially longer than its mangling.

use super::nodes::{Id, Kind, Tree};
use names::prefixed;

mod entities;
mod names;
mod thunks;
mod types;

/// `NodePrinter::MaxDepth`.
const MAX_DEPTH: u32 = 768;

/// The options of Swift's `DemangleOptions` that swift-demangle sets.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Display {
    pub(crate) synthesize_sugar_on_types: bool,
    pub(crate) qualify_entities: bool,
    pub(crate) display_extension_contexts: bool,
    pub(crate) display_unmangled_suffix: bool,
    pub(crate) display_module_names: bool,
    pub(crate) display_generic_specializations: bool,
    pub(crate) display_protocol_conformances: bool,
    pub(crate) display_where_clauses: bool,
    pub(crate) display_entity_types: bool,
    pub(crate) display_local_name_contexts: bool,
    pub(crate) shorten_partial_apply: bool,
    pub(crate) shorten_thunk: bool,
    pub(crate) shorten_value_witness: bool,
    pub(crate) show_private_discriminators: bool,
    pub(crate) show_function_argument_types: bool,
    pub(crate) show_async_resume_partial: bool,
    pub(crate) show_closure_signature: bool,
    pub(crate) print_for_type_name: bool,
}

impl Display {
    /// swift-demangle's default: `DemangleOptions` with sugar.
    pub(crate) const DEFAULT: Display = Display {
        synthesize_sugar_on_types: true,
        qualify_entities: true,
        display_extension_contexts: true,
        display_unmangled_suffix: true,
        display_module_names: true,
        display_generic_specializations: true,
        display_protocol_conformances: true,
        display_where_clauses: true,
        display_entity_types: true,
        display_local_name_contexts: true,
        shorten_partial_apply: false,
        shorten_thunk: false,
        shorten_value_witness: false,
        show_private_discriminators: true,
        show_function_argument_types: true,
        show_async_resume_partial: true,
        show_closure_signature: true,
        print_for_type_name: false,
    };

    /// `swift-demangle --simplified`: `SimplifiedUIDemangleOptions`.
    pub(crate) const SIMPLIFIED: Display = Display {
        synthesize_sugar_on_types: true,
        qualify_entities: true,
        display_extension_contexts: false,
        display_unmangled_suffix: false,
        display_module_names: false,
        display_generic_specializations: false,
        display_protocol_conformances: false,
        display_where_clauses: false,
        display_entity_types: false,
        display_local_name_contexts: true,
        shorten_partial_apply: true,
        shorten_thunk: true,
        shorten_value_witness: true,
        show_private_discriminators: false,
        show_function_argument_types: false,
        show_async_resume_partial: false,
        show_closure_signature: true,
        print_for_type_name: false,
    };
}

/// A piece of what a node prints ([`Printer::fill`]): a text, or one of
/// its children by index.
#[derive(Clone, Copy)]
enum Piece {
    T(&'static str),
    C(usize),
}

/// How `printEntity` prints an entity: its type, whether it has a name of
/// its own, the words after the name (`ExtraName`, `ExtraIndex`) or in its
/// place (`OverwriteName`).
#[derive(Clone, Copy)]
struct EntityStyle<'s> {
    typing: TypePrinting,
    has_name: bool,
    extra: &'s str,
    extra_index: i64,
    overwrite: &'s str,
}

impl<'s> EntityStyle<'s> {
    fn new(typing: TypePrinting, has_name: bool) -> Self {
        EntityStyle {
            typing,
            has_name,
            extra: "",
            extra_index: -1,
            overwrite: "",
        }
    }

    /// With words after the name, and a number after them (-1: none).
    fn extra(self, extra: &'s str, extra_index: i64) -> Self {
        EntityStyle {
            extra,
            extra_index,
            ..self
        }
    }

    /// With a name in place of the entity's own (`subscript`, `init`).
    fn named(self, overwrite: &'s str) -> Self {
        EntityStyle { overwrite, ..self }
    }
}

/// How an entity's type is printed (`TypePrinting`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum TypePrinting {
    NoType,
    WithColon,
    FunctionStyle,
}

/// Where the parts of the symbol's entity were printed: byte spans.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    pub(crate) name: Option<(usize, usize)>,
    pub(crate) scope: Option<(usize, usize)>,
    pub(crate) base_name: Option<(usize, usize)>,
    pub(crate) parameters: Option<(usize, usize)>,
    pub(crate) return_type: Option<(usize, usize)>,
    pub(crate) module: Option<(usize, usize)>,
}

/// The node being printed: its kind, at what depth, and whether as a
/// prefix (see `Printer::GROUPS`).
#[derive(Clone, Copy)]
pub(super) struct At {
    kind: Kind,
    id: Id,
    depth: u32,
    as_prefix: bool,
}

/// A function that prints the nodes of one group of kinds (see
/// `Printer::GROUPS`), and sets its last argument for a kind of another.
type PrintGroup<'t> = fn(&mut Printer<'t>, At, &mut bool) -> Option<Id>;

/// Printing one tree.
pub(crate) struct Printer<'t> {
    tree: &'t Tree,
    pub(crate) options: Display,
    pub(crate) out: Vec<u8>,
    specialization_prefix_printed: bool,
    /// `setInvalid`: the printer gave up, and Swift prints the mangled name.
    pub(crate) invalid: bool,
    /// Past the output limit or the step budget.
    pub(crate) too_long: bool,
    limit: usize,
    steps: usize,
    /// How many symbols deep this printer demangles a payload symbol.
    nesting: u32,
    /// With `Some`, where the parts of `top`, the symbol's entity, print.
    pub(crate) marks: Option<Marks>,
    pub(crate) top: Option<Id>,
    /// The function type of `top`, whose parameters and result are marked.
    mark_type: Option<Id>,
    /// Printing the scope of `top`, whose first module printed is marked.
    in_scope: bool,
}

impl<'t> Printer<'t> {
    pub(crate) fn new(tree: &'t Tree, options: Display, limit: usize, nesting: u32) -> Self {
        Printer {
            tree,
            options,
            out: Vec::new(),
            specialization_prefix_printed: false,
            invalid: false,
            too_long: false,
            limit,
            steps: limit.saturating_mul(8).saturating_add(1 << 16),
            nesting,
            marks: None,
            top: None,
            mark_type: None,
            in_scope: false,
        }
    }

    fn put(&mut self, bytes: &[u8]) {
        if self.out.len() + bytes.len() > self.limit {
            self.too_long = true;
            return;
        }
        self.out.extend_from_slice(bytes);
    }

    fn s(&mut self, text: &str) {
        self.put(text.as_bytes());
    }

    fn num(&mut self, n: u64) {
        self.s(&n.to_string());
    }

    fn kind(&self, id: Id) -> Kind {
        self.tree.kind(id)
    }

    fn len(&self, id: Id) -> usize {
        self.tree.len(id)
    }

    /// Child `i`; a missing one makes the tree invalid (Swift reads past
    /// the children there, so nothing it prints can be matched).
    fn child(&mut self, id: Id, i: usize) -> Option<Id> {
        let child = self.tree.get(id, i);
        if child.is_none() {
            self.invalid = true;
        }
        child
    }

    fn text(&self, id: Id) -> &'t [u8] {
        self.tree.text(id)
    }

    fn index(&self, id: Id) -> u64 {
        self.tree.index(id)
    }

    /// `printChildren`.
    fn print_children(&mut self, id: Id, depth: u32, separator: Option<&str>) {
        let children = self.tree.children(id);
        for (i, &child) in children.iter().enumerate() {
            self.print(child, depth + 1, false);
            if let Some(sep) = separator {
                if i + 1 < children.len() {
                    self.s(sep);
                }
            }
        }
    }

    /// `print(getChild(i))`: Swift's `getChild` past the children is a
    /// null node, which its printer prints as `<null node pointer>`.
    fn print_child(&mut self, id: Id, i: usize, depth: u32) {
        self.print_child_as(id, i, depth, false);
    }

    /// [`Printer::print_child`], as a prefix context or not.
    fn print_child_as(&mut self, id: Id, i: usize, depth: u32, as_prefix: bool) -> Option<Id> {
        match self.tree.get(id, i) {
            Some(child) => self.print(child, depth + 1, as_prefix),
            None => {
                if !self.stopped() && depth < MAX_DEPTH {
                    self.s("<null node pointer>");
                }
                None
            }
        }
    }

    /// Print `pieces`: each text as it is, each child as
    /// [`Printer::print_child`] prints it (`[T("vtable thunk for "), C(1),
    /// T(" dispatching to "), C(0)]`).
    fn fill(&mut self, id: Id, depth: u32, pieces: &[Piece]) {
        self.fill_from(id, 0, depth, pieces);
    }

    /// [`Printer::fill`] with the children counted from `base`.
    fn fill_from(&mut self, id: Id, base: usize, depth: u32, pieces: &[Piece]) {
        for piece in pieces {
            match *piece {
                Piece::T(text) => self.s(text),
                Piece::C(n) => self.print_child(id, base + n, depth),
            }
        }
    }

    fn stopped(&self) -> bool {
        self.invalid || self.too_long
    }

    /// `NodePrinter::print`: returns the context left to print after the
    /// name, where an entity is printed as a prefix context.
    pub(crate) fn print(&mut self, id: Id, depth: u32, as_prefix: bool) -> Option<Id> {
        if self.stopped() {
            return None;
        }
        if self.steps == 0 {
            self.too_long = true;
            return None;
        }
        self.steps -= 1;
        if depth > MAX_DEPTH {
            self.s("<<too complex>>");
            return None;
        }
        self.print_node(id, depth, as_prefix)
    }

    /// The groups of kinds `NodePrinter::print` switches on, each printed
    /// by a function of its own: entities and names (entities.rs), types
    /// (types.rs), thunks, specializations, witnesses and records
    /// (thunks.rs). The most frequent in real symbols come first, and each
    /// is inlined here (`#[inline(always)]`): a call for each group a node
    /// passed cost 3% of the instructions of a real symbol, where the one
    /// match of before cost none.
    const GROUPS: [PrintGroup<'t>; 20] = [
        Self::print_name_node,
        Self::print_closure_node,
        Self::print_structural_type_node,
        Self::print_generic_type_node,
        Self::print_declaration_node,
        Self::print_generic_signature_node,
        Self::print_existential_node,
        Self::print_constructor_node,
        Self::print_witness_table_node,
        Self::print_type_annotation_node,
        Self::print_sugar_node,
        Self::print_thunk_node,
        Self::print_reabstraction_node,
        Self::print_specialization_node,
        Self::print_specialization_kind_node,
        Self::print_impl_function_node,
        Self::print_macro_expansion_node,
        Self::print_derived_function_node,
        Self::print_conformance_node,
        Self::print_runtime_record_node,
    ];

    fn print_node(&mut self, id: Id, depth: u32, as_prefix: bool) -> Option<Id> {
        let kind = self.kind(id);
        if let Some(prefix) = prefixed(kind) {
            self.s(prefix);
            self.print_child(id, 0, depth);
            return None;
        }
        let at = At {
            kind,
            id,
            depth,
            as_prefix,
        };
        for group in Self::GROUPS {
            let mut other = false;
            let done = group(self, at, &mut other);
            if !other {
                return done;
            }
        }
        // The kinds Swift's printer reaches only through their parents (or
        // never): it aborts on them.
        self.invalid = true;
        None
    }

    /// A child of a kind (`getChildIf`).
    fn child_of_kind(&self, id: Id, kind: Kind) -> Option<Id> {
        self.tree
            .children(id)
            .iter()
            .copied()
            .find(|&c| self.kind(c) == kind)
    }

    /// `QuotedString`.
    fn quoted(&mut self, text: &[u8]) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        self.s("\"");
        for &c in text {
            match c {
                b'\\' => self.s("\\\\"),
                b'\t' => self.s("\\t"),
                b'\n' => self.s("\\n"),
                b'\r' => self.s("\\r"),
                b'"' => self.s("\\\""),
                0 => self.s("\\0"),
                c if !(0x20..0x7f).contains(&c) => {
                    self.put(&[
                        b'\\',
                        b'x',
                        HEX[usize::from(c >> 4)],
                        HEX[usize::from(c & 15)],
                    ]);
                }
                c => self.put(&[c]),
            }
        }
        self.s("\"");
    }

    /// A symbol inside a specialization's payload, demangled on its own
    /// (`demangleSymbolAsString` with default options).
    fn nested_symbol(&mut self, text: &[u8]) -> Option<Vec<u8>> {
        let room = self.limit.saturating_sub(self.out.len());
        super::nested(text, self.nesting + 1, room)
    }

    /// `printContext`: whether the context is printed. swift-demangle
    /// shows the standard library's, Objective-C's and LLDB's modules and
    /// hides none, so only `QualifyEntities` decides.
    fn shows_context(&self) -> bool {
        self.options.qualify_entities
    }

    /// Mark the text printed since `start` as a part of the entity.
    fn mark(&mut self, set: impl FnOnce(&mut Marks, Option<(usize, usize)>), start: usize) {
        let end = self.out.len();
        if let Some(marks) = self.marks.as_mut() {
            set(marks, Some((start, end)));
        }
    }
}
