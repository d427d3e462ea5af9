//! The parts of a C++ name (`crate::parse`), found while it prints: what
//! the tree says each part is (a [`Plan`]: which node is the name, the base
//! name, the return type, ...) before printing, and where each of those
//! nodes lands in the text (a [`Watch`] the printer fills) after. Nothing
//! is read back from the text: a part is where its node printed.
//!
//! The parts mean what LLVM's `ItaniumPartialDemangler` means: the base
//! name is the innermost name with ABI tags, scopes, local scopes and
//! template arguments taken off (`getFunctionBaseName`); the scope is what
//! prints before it (`getFunctionDeclContextName`); the name is the whole
//! name of the function (`getFunctionName`).

use super::ast::{Id, Node, Special};
use crate::symbol::{Kind, Parts, Span};

/// The nodes of the parts of a name.
pub(crate) struct Plan {
    pub kind: Kind,
    name: Option<Id>,
    base: Option<Id>,
    args: Vec<Id>,
    return_type: Option<Id>,
    function_type: Option<Id>,
    suffixes: Vec<Id>,
    is_ctor_or_dtor: bool,
}

/// What the printer records for a [`Plan`]: where each watched node
/// printed, and the parameters and qualifiers of the function's type.
#[derive(Default)]
pub(crate) struct Watch {
    /// Whether each node is watched, by its index (up to the last watched).
    pub(super) watched: Vec<bool>,
    pub(super) seen: Vec<(Id, usize, usize)>,
    pub(super) function_type: Option<Id>,
    pub(super) parameters: Option<Span>,
    pub(super) qualifiers: Option<Span>,
}

impl Watch {
    /// Note that `node` printed from `start` to `end`, if it is watched
    /// (the printer asks this of every node it prints).
    pub(super) fn saw(&mut self, node: Id, start: usize, end: usize) {
        if self.watched.get(node as usize) == Some(&true) {
            self.seen.push((node, start, end));
        }
    }

    fn spans(&self, node: Option<Id>) -> impl Iterator<Item = Span> + '_ {
        self.seen
            .iter()
            .filter(move |(n, ..)| Some(*n) == node)
            .map(|&(_, start, end)| (start, end))
    }
}

/// The words for a special name's kind.
fn special_kind(special: Special) -> &'static str {
    match special {
        Special::Vtable => "vtable",
        Special::Vtt => "VTT",
        Special::Typeinfo => "typeinfo",
        Special::TypeinfoName => "typeinfo name",
        Special::TypeinfoFn => "typeinfo function",
        Special::Thunk => "non-virtual thunk",
        Special::VirtualThunk => "virtual thunk",
        Special::CovariantThunk => "covariant return thunk",
        Special::JavaClass => "java class",
        Special::Guard => "guard variable",
        Special::TlsInit => "TLS init function",
        Special::TlsWrapper => "TLS wrapper function",
        Special::HiddenAlias => "hidden alias",
        Special::TransactionClone => "transaction clone",
        Special::NonTransactionClone => "non-transaction clone",
        Special::TemplateParamObject => "template parameter object",
        Special::GlobalConstructors => "global constructors",
        Special::GlobalDestructors => "global destructors",
    }
}

fn is_function_qual(node: Node) -> Option<Id> {
    match node {
        Node::Qual(q, inner, _) if q.of_function() => Some(inner),
        _ => None,
    }
}

/// What the tree rooted at `root` says the parts are; `function`: the
/// name is a function's whose type was not read (without parameters, GNU
/// stops after the name), so that the kind does not depend on the options.
pub(crate) fn plan(nodes: &[Node], root: Id, function: bool) -> Plan {
    let node = |id: Id| nodes[id as usize];
    let mut plan = Plan {
        kind: if function { Kind::Function } else { Kind::Data },
        name: None,
        base: None,
        args: Vec::new(),
        return_type: None,
        function_type: None,
        suffixes: Vec::new(),
        is_ctor_or_dtor: false,
    };
    // Clone suffixes (`.cold`, `.isra.0`) wrap the name they belong to.
    let mut root = root;
    while let Node::Clone(encoding, suffix) = node(root) {
        plan.suffixes.push(suffix);
        root = encoding;
    }
    let name = match node(root) {
        Node::Special(special, _) => {
            plan.kind = Kind::Special(special_kind(special));
            return plan;
        }
        Node::ConstructionVtable(..) => {
            plan.kind = Kind::Special("construction vtable");
            return plan;
        }
        Node::ReferenceTemporary(..) => {
            plan.kind = Kind::Special("reference temporary");
            return plan;
        }
        Node::TypedName(name, ty) => {
            let mut ty = ty;
            while let Some(inner) = is_function_qual(node(ty)) {
                ty = inner;
            }
            if let Node::FunctionType(return_type, _) = node(ty) {
                plan.kind = Kind::Function;
                plan.function_type = Some(ty);
                plan.return_type = return_type;
            }
            let mut name = name;
            while let Some(inner) = is_function_qual(node(name)) {
                name = inner;
            }
            name
        }
        _ => root,
    };
    plan.name = Some(name);
    // Down to the base name, as LLVM's getFunctionBaseName goes.
    let mut base = name;
    loop {
        base = match node(base) {
            Node::Template(inner, args) => {
                if plan.args.is_empty() {
                    collect_args(nodes, Some(args), &mut plan.args);
                }
                inner
            }
            Node::TaggedName(inner, _) | Node::ModuleEntity(inner, _) => inner,
            Node::QualName(_, last) => last,
            Node::LocalName(_, entity) => match node(entity) {
                Node::DefaultArg(_, inner) => inner,
                _ => entity,
            },
            other => match is_function_qual(other) {
                Some(inner) => inner,
                None => break,
            },
        };
    }
    plan.base = Some(base);
    plan.is_ctor_or_dtor = matches!(node(base), Node::Ctor(_) | Node::Dtor(_));
    plan
}

/// The items of a template argument list, a pack's each.
fn collect_args(nodes: &[Node], mut list: Option<Id>, out: &mut Vec<Id>) {
    while let Some(Node::TemplateArgList(item, rest)) = list.map(|l| nodes[l as usize]) {
        if let Some(item) = item {
            match nodes[item as usize] {
                Node::TemplateArgList(..) => collect_args(nodes, Some(item), out),
                _ => out.push(item),
            }
        }
        list = rest;
    }
}

impl Plan {
    /// What the printer is to watch, in `watch`'s lists (those of a
    /// watch before, emptied, so that parsing allocates no new ones).
    pub(crate) fn watch(&self, mut watch: Box<Watch>) -> Box<Watch> {
        let Watch { watched, seen, .. } = &mut *watch;
        watched.clear();
        seen.clear();
        let nodes = [self.name, self.base, self.return_type]
            .into_iter()
            .flatten()
            .chain(self.args.iter().copied())
            .chain(self.suffixes.iter().copied());
        for node in nodes {
            let at = node as usize;
            if watched.len() <= at {
                watched.resize(at + 1, false);
            }
            watched[at] = true;
        }
        watch.function_type = self.function_type;
        watch.parameters = None;
        watch.qualifiers = None;
        watch
    }

    /// The parts, from where their nodes printed in `text`.
    pub(crate) fn parts(&self, watch: &Watch, text: &str) -> Parts {
        let mut parts = Parts {
            is_ctor_or_dtor: self.is_ctor_or_dtor,
            ..Parts::default()
        };
        if matches!(self.kind, Kind::Special(_)) {
            return parts;
        }
        // The function's name prints before its parameters (and after its
        // return type, which may hold the same nodes), or inside the return
        // type's declarator (`void (*&&f())(int)`): then the return type is
        // not one span of the text, and is left out.
        let before = watch.parameters.map_or(usize::MAX, |(start, _)| start);
        let mut return_type = watch.spans(self.return_type).next();
        let after = return_type.map_or(0, |(_, end)| end);
        let outside = watch
            .spans(self.name)
            .find(|&(start, end)| start >= after && end <= before);
        let inside = || {
            let (outer_start, outer_end) = return_type?;
            watch
                .spans(self.name)
                .find(|&(start, end)| outer_start < start && end < outer_end && end <= before)
        };
        let name = match outside {
            Some(name) => name,
            None => {
                let name = inside();
                return_type = None;
                match name {
                    Some(name) => name,
                    None => return parts,
                }
            }
        };
        let (name_start, name_end) = name;
        let within = |(start, end): Span| start >= name_start && end <= name_end;
        let base = watch.spans(self.base).filter(|&s| within(s)).last();
        if let Some((base_start, base_end)) = base {
            if base_start >= name_start + 2 && text.get(base_start - 2..base_start) == Some("::") {
                parts.scope = Some((name_start, base_start - 2));
            }
            parts.template_args = self
                .args
                .iter()
                .filter_map(|&arg| {
                    watch
                        .spans(Some(arg))
                        .find(|&(start, end)| start >= base_end && within((start, end)))
                })
                .collect();
            parts.template_args.sort_unstable();
        }
        parts.name = Some((name_start, name_end));
        parts.base_name = base;
        parts.return_type = return_type;
        parts.parameters = watch.parameters;
        parts.qualifiers = watch.qualifiers.and_then(|(start, end)| {
            let start = start + usize::from(text.as_bytes().get(start) == Some(&b' '));
            (end > start).then_some((start, end))
        });
        let suffixes: Vec<Span> = self
            .suffixes
            .iter()
            .filter_map(|&s| watch.spans(Some(s)).last())
            .collect();
        // The clone suffixes as they print, `[clone .isra.0] [clone
        // .constprop.1]`, from the first `[` to the last `]`.
        if let (Some(first), Some(last)) = (suffixes.iter().min(), suffixes.iter().max()) {
            let start = first.0.saturating_sub("[clone ".len());
            let end = (last.1 + 1).min(text.len());
            if text
                .get(start..end)
                .is_some_and(|s| s.starts_with('[') && s.ends_with(']'))
            {
                parts.suffix = Some((start, end));
            }
        }
        parts
    }
}
