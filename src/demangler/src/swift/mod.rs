//! Swift names (`$s10Foundation4DataV5countSivg`, `_$s...` on Mach-O,
//! `$S`, `_T0` of Swift 4, `$e` of Embedded Swift, and the `_T` manglings of
//! Swift 3 and earlier), demangled as `swift-demangle` of Swift 6.2.3 prints
//! them: a port of Swift's `Demangler.cpp` ([`demangler`]),
//! `OldDemangler.cpp` ([`old`]), `NodePrinter.cpp` ([`printer`]) and
//! `Punycode.cpp` ([`punycode`]) over a tree of the kinds of
//! `DemangleNodes.def` ([`nodes`]).
//!
//! Symbolic references (bytes 1 to 0x17 in a runtime type name) need a
//! resolver in the running process, and are refused as Swift refuses them
//! without one.
//!
//! Bounded as the other schemes are: the demangler is a loop over the
//! name with one recursion (generic arguments of nested types) under the
//! recursion limit, a node budget in proportion to the name, and the
//! printer stops at the output limit and a step budget.

pub(crate) mod demangler;
mod nodes;
mod old;
mod printer;
mod punycode;
#[cfg(test)]
mod tests;

use crate::error::Error;
use crate::options::Options;
use crate::outcome::Outcome;
use crate::symbol::{Kind, Language, Parts};
use demangler::{Buffers, Demangler};
use nodes::Stop;
use nodes::{Id, Kind as K, Tree};
use old::OldDemangler;
pub(crate) use printer::Display;
use printer::Printer;
use std::cell::Cell;

/// How many payload symbols deep a specialization's name is demangled.
const MAX_NESTING: u32 = 4;

/// Whether `symbol` is taken for a Swift name in the default format: it
/// starts with a prefix of Swift's manglings (`isSwiftSymbol`: those of
/// `getManglingPrefixLength`, and `_T` of the old ones), which no C++,
/// Rust, D or Microsoft name does.
pub fn is_swift_name(symbol: &[u8]) -> bool {
    demangler::prefix_len(symbol) > 0 || symbol.starts_with(b"_T")
}

/// Read a Swift name.
pub(crate) fn demangle_swift<O: Outcome>(symbol: &[u8], options: &Options) -> Result<O, Error> {
    let mut display = if options.simplified {
        Display::SIMPLIFIED
    } else {
        Display::DEFAULT
    };
    // `params=False` is Swift's `ShowFunctionArgumentTypes = false`: a
    // function's argument labels alone, `f(x:_:)`, and no result type.
    if !options.params {
        display.show_function_argument_types = false;
    }
    let limit = options.output_limit(symbol.len());
    let marked = Marked {
        structured: O::STRUCTURED,
        nesting: 0,
    };
    let (text, kind, marks) = demangle_with(symbol, display, options.recursion(), limit, marked)?;
    let text = String::from_utf8(text).map_err(|_| Error::Malformed)?;
    let structure = O::STRUCTURED.then(|| Box::new((kind, parts(marks, &text))));
    Ok(O::new(text, Language::Swift, structure))
}

/// Whether the parts of the name are marked as it prints, and how many
/// payload symbols deep it is.
#[derive(Clone, Copy)]
struct Marked {
    structured: bool,
    nesting: u32,
}

/// The parts of a name from where they printed: spans of `text`, each on a
/// character boundary of it.
fn parts(marks: Option<printer::Marks>, text: &str) -> Parts {
    let Some(marks) = marks else {
        return Parts::default();
    };
    let within = |span: Option<(usize, usize)>| span.filter(|&(s, e)| text.get(s..e).is_some());
    Parts {
        name: within(marks.name),
        scope: within(marks.scope),
        base_name: within(marks.base_name),
        parameters: within(marks.parameters),
        return_type: within(marks.return_type),
        module: within(marks.module),
        ..Parts::default()
    }
}

/// The text of a Swift name under `display`, what it names, and where its
/// parts printed where `marked` asks for them.
fn demangle_with(
    symbol: &[u8],
    display: Display,
    recursion: u32,
    limit: usize,
    marked: Marked,
) -> Result<(Vec<u8>, Kind, Option<printer::Marks>), Error> {
    if symbol.is_empty() {
        return Err(Error::Empty);
    }
    if !is_swift_name(symbol) {
        return Err(Error::NotMangled);
    }
    let mut demangler = Demangler::new(symbol, recursion, BUFFERS.take());
    let result = print_symbol(&mut demangler, symbol, display, limit, marked);
    let buffers = demangler.into_buffers();
    // Kept only at the size of real names: a huge one's tree is freed.
    if buffers.small() {
        BUFFERS.set(buffers);
    }
    result
}

thread_local! {
    /// The demangler's allocations, kept per thread between names (a
    /// payload symbol demangled while its symbol prints gets its own).
    static BUFFERS: Cell<Buffers> = Cell::new(Buffers::default());
}

/// The tree of `symbol`, as `Context::demangleSymbolAsNode` reads it: a
/// name with a prefix of the new manglings by the demangler, any other
/// (`_T...`, `_Tt...`) by the old demangler, in the same tree.
fn read_symbol(demangler: &mut Demangler<'_>, symbol: &[u8]) -> (Option<Id>, Option<Stop>) {
    if demangler::prefix_len(symbol) > 0 {
        let root = demangler.demangle_symbol();
        return (root, demangler.stop);
    }
    let (tree, limit) = demangler.tree_and_limit();
    let mut old = OldDemangler::new(symbol, tree, limit);
    let root = old.top_level();
    (root, old.stop)
}

/// [`demangle_with`] once the demangler is made.
fn print_symbol(
    demangler: &mut Demangler<'_>,
    symbol: &[u8],
    display: Display,
    limit: usize,
    marked: Marked,
) -> Result<(Vec<u8>, Kind, Option<printer::Marks>), Error> {
    let (root, stop) = read_symbol(demangler, symbol);
    let root = match (root, stop) {
        (_, Some(Stop::TooDeep)) => return Err(Error::TooDeep),
        (_, Some(Stop::TooBig)) => return Err(Error::TooComplex),
        (Some(root), None) => root,
        (None, None) => return Err(Error::Malformed),
    };
    let tree = &demangler.tree;
    let mut printer = Printer::new(tree, display, limit, marked.nesting);
    if marked.structured {
        printer.marks = Some(printer::Marks::default());
        printer.top = top_entity(tree, root);
    }
    printer.print(root, 0, false);
    if printer.too_long {
        return Err(Error::OutputTooLong { limit });
    }
    // Swift prints the mangled name where its printer gives up, and where
    // it prints nothing.
    if printer.invalid || printer.out.is_empty() {
        return Err(Error::Unprintable);
    }
    let marks = printer.marks.take();
    Ok((printer.out, kind_of(tree, root), marks))
}

/// The entity a symbol names (a function, variable, subscript,
/// initializer...): the first node under `Global` that is not an attribute
/// or a suffix, through an accessor or `static` to its storage.
fn top_entity(tree: &Tree, root: Id) -> Option<Id> {
    let &first = tree
        .children(root)
        .iter()
        .find(|&&c| !demangler::is_function_attr(tree.kind(c)) && tree.kind(c) != K::Suffix)?;
    let mut entity = first;
    while tree.kind(entity) == K::Static || nodes::is_accessor(tree.kind(entity)) {
        entity = tree.get(entity, 0)?;
    }
    Some(entity)
}

/// A payload symbol of a specialization, demangled with the default
/// options as Swift's `demangleSymbolAsString` does; `None` where it does
/// not demangle (Swift then prints the payload as it is).
fn nested(text: &[u8], nesting: u32, room: usize) -> Option<Vec<u8>> {
    if nesting > MAX_NESTING {
        return None;
    }
    let recursion = crate::stack::FIRST_ATTEMPT_RECURSION / 4;
    let marked = Marked {
        structured: false,
        nesting,
    };
    demangle_with(text, Display::DEFAULT, recursion, room, marked)
        .ok()
        .map(|(text, _, _)| text)
}

/// What the symbol names, from its first node under `Global`.
fn kind_of(tree: &Tree, root: Id) -> Kind {
    let Some(&first) = tree.children(root).first() else {
        return Kind::Unknown;
    };
    // A static member is what its member is.
    let first = match tree.kind(first) {
        K::Static => tree.get(first, 0).unwrap_or(first),
        _ => first,
    };
    match tree.kind(first) {
        K::Function
        | K::Allocator
        | K::Constructor
        | K::Destructor
        | K::Deallocator
        | K::IsolatedDeallocator
        | K::ExplicitClosure
        | K::ImplicitClosure
        | K::Subscript => Kind::Function,
        // An accessor is a function of its variable or subscript.
        k if nodes::is_accessor(k) => Kind::Function,
        K::Variable => Kind::Data,
        K::TypeMetadata | K::FullTypeMetadata => Kind::Special("type metadata"),
        K::TypeMetadataAccessFunction => Kind::Special("type metadata accessor"),
        K::NominalTypeDescriptor => Kind::Special("nominal type descriptor"),
        K::ProtocolWitnessTable | K::ProtocolWitnessTableAccessor => {
            Kind::Special("protocol witness table")
        }
        K::ProtocolWitness => Kind::Special("protocol witness"),
        K::ProtocolConformanceDescriptor => Kind::Special("protocol conformance descriptor"),
        K::ProtocolDescriptor => Kind::Special("protocol descriptor"),
        K::ValueWitness | K::ValueWitnessTable => Kind::Special("value witness"),
        K::MethodDescriptor => Kind::Special("method descriptor"),
        K::DispatchThunk
        | K::CurryThunk
        | K::ReabstractionThunk
        | K::ReabstractionThunkHelper
        | K::ReabstractionThunkHelperWithSelf
        | K::PartialApplyForwarder
        | K::PartialApplyObjCForwarder
        | K::VTableThunk
        | K::ObjCAttribute
        | K::NonObjCAttribute
        | K::MergedFunction => Kind::Special("thunk"),
        K::GenericSpecialization
        | K::GenericSpecializationNotReAbstracted
        | K::GenericSpecializationPrespecialized
        | K::GenericPartialSpecialization
        | K::FunctionSignatureSpecialization
        | K::InlinedGenericFunction => Kind::Special("specialization"),
        K::OutlinedCopy
        | K::OutlinedConsume
        | K::OutlinedRetain
        | K::OutlinedRelease
        | K::OutlinedDestroy
        | K::OutlinedInitializeWithCopy
        | K::OutlinedInitializeWithTake
        | K::OutlinedAssignWithCopy
        | K::OutlinedAssignWithTake
        | K::OutlinedVariable
        | K::OutlinedBridgedMethod => Kind::Special("outlined operation"),
        K::AsyncFunctionPointer => Kind::Special("async function pointer"),
        K::TypeMangling => Kind::Special("type"),
        _ => Kind::Special("runtime record"),
    }
}
