//! Swift's demangler (`Demangler.cpp` of Swift 6.2.3): a stack machine.
//! Each operator character either pushes a node or pops the nodes that the
//! mangling put before it and pushes what it builds of them; what is left
//! on the stack is the symbol. Each function names the one of
//! `Demangler.cpp` it follows; a node pointer that may be null there is an
//! `Option<Id>` here, and a `None` makes the builders (`createWithChild`,
//! `addChild`) give `None` as Swift's do.

use super::nodes::{is_context, Id, Kind, Payload, Stop, Tree};
use super::punycode;

use Kind as K;

type N = Option<Id>;

/// The most words an identifier can refer back to (`MaxNumWords`).
const MAX_WORDS: usize = 26;
/// The most repeats of one substitution (`SubstitutionMerging::MaxRepeatCount`).
const MAX_REPEAT: i64 = 2048;
/// The specialization passes (`MAX_SPECIALIZATION_PASS`).
const MAX_SPECIALIZATION_PASS: i64 = 10;

/// The allocations of a demangler, kept between names.
#[derive(Default)]
pub(crate) struct Buffers {
    tree: Tree,
    stack: Vec<Id>,
    subs: Vec<Id>,
    words: Vec<(usize, usize)>,
}

impl Buffers {
    /// Whether they are of the size of real names, worth keeping.
    pub(crate) fn small(&self) -> bool {
        self.tree.nodes.capacity() <= 1 << 12 && self.tree.bytes.capacity() <= 1 << 16
    }
}

pub(crate) struct Demangler<'a> {
    text: &'a [u8],
    pos: usize,
    /// `IsOldFunctionTypeMangling`: `_T0` names keep labels in the types.
    old_function_types: bool,
    pub(crate) tree: Tree,
    stack: Vec<Id>,
    subs: Vec<Id>,
    words: Vec<(usize, usize)>,
    depth: u32,
    limit: u32,
    budget: usize,
    pub(crate) stop: Option<Stop>,
}

/// `isDeclName`.
fn is_decl_name(kind: Kind) -> bool {
    matches!(
        kind,
        K::Identifier
            | K::LocalDeclName
            | K::PrivateDeclName
            | K::RelatedEntityDeclName
            | K::PrefixOperator
            | K::PostfixOperator
            | K::InfixOperator
            | K::TypeSymbolicReference
            | K::ProtocolSymbolicReference
            | K::ObjectiveCProtocolSymbolicReference
    )
}

/// `isAnyGeneric`.
fn is_any_generic(kind: Kind) -> bool {
    matches!(
        kind,
        K::Structure
            | K::Class
            | K::Enum
            | K::Protocol
            | K::ProtocolSymbolicReference
            | K::ObjectiveCProtocolSymbolicReference
            | K::OtherNominalType
            | K::TypeAlias
            | K::TypeSymbolicReference
            | K::BuiltinTupleType
    )
}

/// `isEntity`: a context, or a type.
fn is_entity(kind: Kind) -> bool {
    kind == K::Type || is_context(kind)
}

/// `isRequirement`.
fn is_requirement(kind: Kind) -> bool {
    matches!(
        kind,
        K::DependentGenericParamPackMarker
            | K::DependentGenericParamValueMarker
            | K::DependentGenericSameTypeRequirement
            | K::DependentGenericSameShapeRequirement
            | K::DependentGenericLayoutRequirement
            | K::DependentGenericConformanceRequirement
            | K::DependentGenericInverseConformanceRequirement
    )
}

/// `isFunctionAttr`: the attributes that head a symbol.
pub(crate) fn is_function_attr(kind: Kind) -> bool {
    matches!(
        kind,
        K::FunctionSignatureSpecialization
            | K::GenericSpecialization
            | K::GenericSpecializationPrespecialized
            | K::InlinedGenericFunction
            | K::GenericSpecializationNotReAbstracted
            | K::GenericPartialSpecialization
            | K::GenericPartialSpecializationNotReAbstracted
            | K::GenericSpecializationInResilienceDomain
            | K::ObjCAttribute
            | K::NonObjCAttribute
            | K::DynamicAttribute
            | K::DirectMethodReferenceAttribute
            | K::VTableAttribute
            | K::PartialApplyForwarder
            | K::PartialApplyObjCForwarder
            | K::OutlinedVariable
            | K::OutlinedReadOnlyObject
            | K::OutlinedBridgedMethod
            | K::MergedFunction
            | K::DistributedThunk
            | K::DistributedAccessor
            | K::DynamicallyReplaceableFunctionImpl
            | K::DynamicallyReplaceableFunctionKey
            | K::DynamicallyReplaceableFunctionVar
            | K::AsyncFunctionPointer
            | K::AsyncAwaitResumePartialFunction
            | K::AsyncSuspendResumePartialFunction
            | K::AccessibleFunctionRecord
            | K::BackDeploymentThunk
            | K::BackDeploymentFallback
            | K::HasSymbolQuery
            | K::CoroFunctionPointer
            | K::DefaultOverride
    )
}

/// The prefixes of Swift's manglings (`getManglingPrefixLength`): Swift 4
/// (`_T0`), 4.x (`$S`), 5 and later (`$s`), Embedded Swift (`$e`), and
/// macro expansion buffers.
pub(crate) fn prefix_len(name: &[u8]) -> usize {
    // `_T0`, `$S`, `_$S`, `$s`, `_$s`, `$e`, `_$e`, `@__swiftmacro_`, by
    // their first bytes (every symbol of every scheme asks).
    match name {
        [b'$', b'S' | b's' | b'e', ..] => 2,
        [b'_', b'$', b'S' | b's' | b'e', ..] | [b'_', b'T', b'0', ..] => 3,
        [b'@', ..] if name.starts_with(b"@__swiftmacro_") => 14,
        _ => 0,
    }
}

fn is_digit(c: u8) -> bool {
    c.is_ascii_digit()
}

fn is_lower(c: u8) -> bool {
    c.is_ascii_lowercase()
}

fn is_upper(c: u8) -> bool {
    c.is_ascii_uppercase()
}

/// `isWordStart`.
fn is_word_start(c: u8) -> bool {
    !is_digit(c) && c != b'_' && c != 0
}

/// `isWordEnd`.
fn is_word_end(c: u8, prev: u8) -> bool {
    c == b'_' || c == 0 || (!is_upper(prev) && is_upper(c))
}

impl<'a> Demangler<'a> {
    /// A demangler of `text`, in the allocations of `buffers`.
    pub(crate) fn new(text: &'a [u8], limit: u32, buffers: Buffers) -> Self {
        let Buffers {
            mut tree,
            mut stack,
            mut subs,
            mut words,
        } = buffers;
        tree.clear();
        stack.clear();
        subs.clear();
        words.clear();
        Demangler {
            text,
            pos: 0,
            old_function_types: false,
            tree,
            stack,
            subs,
            words,
            depth: 0,
            limit,
            // A real symbol needs a few nodes a byte; a substitution may be
            // repeated 2048 times by three bytes.
            budget: 4096 + text.len().saturating_mul(64),
            stop: None,
        }
    }

    /// The tree, for the old demangler to build in, and the recursion
    /// limit.
    pub(crate) fn tree_and_limit(&mut self) -> (&mut Tree, u32) {
        (&mut self.tree, self.limit)
    }

    /// The demangler's allocations, for the next name.
    pub(crate) fn into_buffers(self) -> Buffers {
        Buffers {
            tree: self.tree,
            stack: self.stack,
            subs: self.subs,
            words: self.words,
        }
    }

    // -- Reading the text (`Demangler.h`) --

    fn peek(&self) -> u8 {
        self.text.get(self.pos).copied().unwrap_or(0)
    }

    fn next(&mut self) -> u8 {
        match self.text.get(self.pos) {
            Some(&c) => {
                self.pos += 1;
                c
            }
            None => 0,
        }
    }

    fn next_if(&mut self, c: u8) -> bool {
        if self.peek() == c && self.pos < self.text.len() {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn next_if_str(&mut self, s: &[u8]) -> bool {
        if self.text[self.pos..].starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// `pushBack`: one character back, even where the last read was past
    /// the end and read nothing (as Swift's does).
    fn push_back(&mut self) {
        self.pos = self.pos.saturating_sub(1);
    }

    // -- The node stack --

    fn push(&mut self, id: Id) {
        if self.stack.len() >= self.budget {
            self.stop = Some(Stop::TooBig);
            return;
        }
        self.stack.push(id);
    }

    fn pop(&mut self) -> N {
        self.stack.pop()
    }

    /// `popNode(kind)`.
    fn pop_kind(&mut self, kind: Kind) -> N {
        self.pop_if(|k| k == kind)
    }

    /// `popNode(pred)`.
    fn pop_if(&mut self, pred: impl Fn(Kind) -> bool) -> N {
        let &top = self.stack.last()?;
        if pred(self.tree.kind(top)) {
            self.stack.pop()
        } else {
            None
        }
    }

    fn add_subst(&mut self, node: N) {
        if let Some(node) = node {
            self.subs.push(node);
        }
    }

    // -- Building nodes --

    fn node(&mut self, kind: Kind) -> Id {
        self.node_with(kind, Payload::None)
    }

    fn node_with(&mut self, kind: Kind, payload: Payload) -> Id {
        if self.tree.nodes.len() >= self.budget {
            self.stop = Some(Stop::TooBig);
        }
        self.tree.add(kind, payload)
    }

    fn text_node(&mut self, kind: Kind, text: &[u8]) -> Id {
        let payload = self.tree.store(text);
        self.node_with(kind, payload)
    }

    fn index_node(&mut self, kind: Kind, index: u64) -> Id {
        self.node_with(kind, Payload::Index(index))
    }

    /// `addChild`: `None` if either is.
    fn add(&mut self, parent: N, child: N) -> N {
        let (parent, child) = (parent?, child?);
        self.tree.push_child(parent, child);
        Some(parent)
    }

    /// `createWithChild`.
    fn with1(&mut self, kind: Kind, child: N) -> N {
        let child = child?;
        let node = self.node(kind);
        self.tree.push_child(node, child);
        Some(node)
    }

    /// `createWithChildren`, all of them or `None`.
    fn with(&mut self, kind: Kind, children: &[N]) -> N {
        if children.iter().any(Option::is_none) {
            return None;
        }
        let node = self.node(kind);
        for child in children.iter().flatten() {
            self.tree.push_child(node, *child);
        }
        Some(node)
    }

    /// `createType`.
    fn ty(&mut self, child: N) -> N {
        self.with1(K::Type, child)
    }

    /// `createWithPoppedType`.
    fn with_popped_type(&mut self, kind: Kind) -> N {
        let ty = self.pop_kind(K::Type);
        self.with1(kind, ty)
    }

    /// `changeKind`: a copy of the node with another kind.
    fn change_kind(&mut self, node: N, kind: Kind) -> N {
        let node = node?;
        Some(self.tree.copy_as(node, kind))
    }

    fn child(&self, node: Id, i: usize) -> N {
        self.tree.get(node, i)
    }

    fn kind_of(&self, node: N) -> Option<Kind> {
        node.map(|n| self.tree.kind(n))
    }

    // -- The entry points --

    /// `demangleSymbol` for a name with a new-mangling prefix; `None` where
    /// Swift gives a null tree.
    pub(crate) fn demangle_symbol(&mut self) -> N {
        let prefix = prefix_len(self.text);
        if prefix == 0 {
            return None;
        }
        self.old_function_types = self.text.starts_with(b"_T");
        self.pos = prefix;
        if !self.parse_and_push() {
            return None;
        }
        let top = self.node(K::Global);
        let suffix = self.pop_kind(K::Suffix);
        let mut parent = top;
        while let Some(attr) = self.pop_if(is_function_attr) {
            self.tree.push_child(parent, attr);
            if matches!(
                self.tree.kind(attr),
                K::PartialApplyForwarder | K::PartialApplyObjCForwarder
            ) {
                parent = attr;
            }
        }
        for node in std::mem::take(&mut self.stack) {
            let child = match self.tree.kind(node) {
                K::Type => self.tree.get(node, 0)?,
                _ => node,
            };
            self.tree.push_child(parent, child);
        }
        if let Some(suffix) = suffix {
            self.tree.push_child(top, suffix);
        }
        if self.tree.len(top) == 0 {
            return None;
        }
        Some(top)
    }

    /// `parseAndPushNodes`.
    fn parse_and_push(&mut self) -> bool {
        while self.pos < self.text.len() {
            if self.peek() == 0 {
                return true;
            }
            let Some(node) = self.operator() else {
                return false;
            };
            if self.stop.is_some() {
                return false;
            }
            self.push(node);
        }
        true
    }

    /// `demangleOperator`.
    fn operator(&mut self) -> N {
        loop {
            let c = self.next();
            return match c {
                // Alignment padding of symbolic references.
                0xFF => continue,
                1..=0xC => self.symbolic_reference(c),
                b'A' => self.multi_substitutions(),
                b'B' => self.builtin_type(),
                b'C' => self.any_generic_type(K::Class),
                b'D' => self.type_mangling(),
                b'E' => self.extension_context(),
                b'F' => self.plain_function(),
                b'G' => self.bound_generic_type(),
                b'H' => self.conformance_operator(),
                b'I' => self.impl_function_type(),
                b'K' => Some(self.node(K::ThrowsAnnotation)),
                b'L' => self.local_identifier(),
                b'M' => self.metatype(),
                b'N' => {
                    let ty = self.pop_kind(K::Type);
                    self.with1(K::TypeMetadata, ty)
                }
                b'O' => self.any_generic_type(K::Enum),
                b'P' => self.any_generic_type(K::Protocol),
                b'Q' => self.archetype(),
                b'R' => self.generic_requirement(),
                b'S' => self.standard_substitution(),
                b'T' => self.thunk_or_specialization(),
                b'V' => self.any_generic_type(K::Structure),
                b'W' => self.witness(),
                b'X' => self.special_type(),
                b'Y' => self.type_annotation(),
                b'Z' => {
                    let entity = self.pop_if(is_entity);
                    self.with1(K::Static, entity)
                }
                b'a' => self.any_generic_type(K::TypeAlias),
                b'c' => self.pop_function_type(K::FunctionType, false),
                b'd' => Some(self.node(K::VariadicMarker)),
                b'f' => self.function_entity(),
                b'g' => self.retroactive_conformance(),
                b'h' => self.wrap_type_child(K::Shared),
                b'i' => self.subscript(),
                b'l' => self.generic_signature(false),
                b'm' => {
                    let ty = self.pop_kind(K::Type);
                    let meta = self.with1(K::Metatype, ty);
                    self.ty(meta)
                }
                b'n' => self.wrap_type_child(K::Owned),
                b'o' => self.operator_identifier(),
                b'p' => {
                    let list = self.protocol_list();
                    self.ty(list)
                }
                b'q' => {
                    let param = self.generic_param_index();
                    self.ty(param)
                }
                b'r' => self.generic_signature(true),
                b's' => Some(self.text_node(K::Module, b"Swift")),
                b't' => self.pop_tuple(),
                b'u' => self.generic_type(),
                b'v' => self.variable(),
                b'w' => self.value_witness(),
                b'x' => {
                    let param = self.dependent_generic_param(0, 0);
                    self.ty(param)
                }
                b'y' => Some(self.node(K::EmptyList)),
                b'z' => self.wrap_type_child(K::InOut),
                b'_' => Some(self.node(K::FirstElementMarker)),
                b'.' => {
                    // IRGen's `.<n>` suffixes: an "unmangled suffix".
                    self.push_back();
                    let rest = &self.text[self.pos..];
                    self.pos = self.text.len();
                    Some(self.text_node(K::Suffix, rest))
                }
                b'$' => self.integer_type(),
                _ => {
                    self.push_back();
                    self.identifier()
                }
            };
        }
    }

    /// `createType(createWithChild(kind, popTypeAndGetChild()))`.
    fn wrap_type_child(&mut self, kind: Kind) -> N {
        let child = self.pop_type_child();
        let node = self.with1(kind, child);
        self.ty(node)
    }

    /// The `H` operators of `demangleOperator`: conformances and runtime
    /// records.
    fn conformance_operator(&mut self) -> N {
        match self.next() {
            b'A' => self.dependent_conformance_associated(),
            b'C' => self.concrete_conformance(),
            b'D' => self.dependent_conformance_root(),
            b'I' => self.dependent_conformance_inherited(),
            b'O' => self.dependent_conformance_opaque(),
            b'P' => {
                let proto = self.pop_protocol();
                self.with1(K::ProtocolConformanceRefInTypeModule, proto)
            }
            b'p' => {
                let proto = self.pop_protocol();
                self.with1(K::ProtocolConformanceRefInProtocolModule, proto)
            }
            b'X' => {
                let list = self.pop_any_conformance_list();
                self.with1(K::PackProtocolConformance, list)
            }
            b'c' => {
                let conf = self.pop_protocol_conformance();
                self.with1(K::ProtocolConformanceDescriptorRecord, conf)
            }
            b'n' => self.with_popped_type(K::NominalTypeDescriptorRecord),
            b'o' => {
                let node = self.pop();
                self.with1(K::OpaqueTypeDescriptorRecord, node)
            }
            b'r' => {
                let proto = self.pop_protocol();
                self.with1(K::ProtocolDescriptorRecord, proto)
            }
            b'F' => Some(self.node(K::AccessibleFunctionRecord)),
            _ => {
                self.push_back();
                self.push_back();
                self.identifier()
            }
        }
    }

    /// `demangleTypeMangling`.
    fn type_mangling(&mut self) -> N {
        let ty = self.pop_kind(K::Type);
        let labels = self.pop_function_param_labels(ty);
        let mangling = Some(self.node(K::TypeMangling));
        self.add(mangling, labels);
        self.add(mangling, ty)
    }

    /// `demangleSymbolicReference`: with no resolver, Swift refuses to
    /// demangle further, and so does this.
    fn symbolic_reference(&mut self, _kind: u8) -> N {
        None
    }

    /// `demangleTypeAnnotation`.
    fn type_annotation(&mut self) -> N {
        match self.next() {
            b'a' => Some(self.node(K::AsyncAnnotation)),
            b'A' => Some(self.node(K::IsolatedAnyFunctionType)),
            b'b' => Some(self.node(K::ConcurrentFunctionType)),
            b'c' => {
                let child = self.pop_type_child();
                self.with1(K::GlobalActorFunctionType, child)
            }
            b'C' => Some(self.node(K::NonIsolatedCallerFunctionType)),
            b'i' => self.wrap_type_child(K::Isolated),
            b'j' => self.differentiable_function_type(),
            b'k' => self.wrap_type_child(K::NoDerivative),
            b'K' => {
                let child = self.pop_type_child();
                self.with1(K::TypedThrowsAnnotation, child)
            }
            b't' => self.wrap_type_child(K::CompileTimeLiteral),
            b'g' => self.wrap_type_child(K::ConstValue),
            b'T' => Some(self.node(K::SendingResultFunctionType)),
            b'u' => self.wrap_type_child(K::Sending),
            _ => None,
        }
    }

    // -- Numbers and identifiers --

    /// `demangleNatural`: a negative value where Swift's is.
    fn natural(&mut self) -> i64 {
        if !is_digit(self.peek()) {
            return -1000;
        }
        let mut num: i64 = 0;
        while is_digit(self.peek()) {
            // Swift's `int` overflow check.
            num = 10 * num + i64::from(self.peek() - b'0');
            if num > i64::from(i32::MAX) {
                return -1000;
            }
            self.pos += 1;
        }
        num
    }

    /// `demangleIndex`.
    fn index(&mut self) -> i64 {
        if self.next_if(b'_') {
            return 0;
        }
        let num = self.natural();
        if num >= 0 && self.next_if(b'_') {
            return num + 1;
        }
        -1000
    }

    /// `demangleIndexAsNode`.
    fn index_as_node(&mut self) -> N {
        let index = self.index();
        (index >= 0).then(|| self.index_node(K::Number, index as u64))
    }

    /// `demangleMultiSubstitutions`.
    fn multi_substitutions(&mut self) -> N {
        let mut repeat: i64 = -1;
        loop {
            let c = self.next();
            if c == 0 {
                return None;
            }
            if is_lower(c) {
                let node = self.push_multi_substitutions(repeat, usize::from(c - b'a'))?;
                self.push(node);
                if self.stop.is_some() {
                    return None;
                }
                repeat = -1;
                continue;
            }
            if is_upper(c) {
                return self.push_multi_substitutions(repeat, usize::from(c - b'A'));
            }
            if c == b'_' {
                let index = usize::try_from(repeat + 27).ok()?;
                return self.subs.get(index).copied();
            }
            self.push_back();
            repeat = self.natural();
            if repeat < 0 {
                return None;
            }
        }
    }

    /// `pushMultiSubstitutions`.
    fn push_multi_substitutions(&mut self, repeat: i64, index: usize) -> N {
        let &node = self.subs.get(index)?;
        if repeat > MAX_REPEAT {
            return None;
        }
        for _ in 1..repeat.max(1) {
            self.push(node);
        }
        Some(node)
    }

    /// `createSwiftType`: `Swift.<name>` of a kind.
    fn swift_type(&mut self, kind: Kind, name: &[u8]) -> N {
        let module = Some(self.text_node(K::Module, b"Swift"));
        let ident = Some(self.text_node(K::Identifier, name));
        let node = self.with(kind, &[module, ident]);
        self.ty(node)
    }

    /// `demangleStandardSubstitution`.
    fn standard_substitution(&mut self) -> N {
        match self.next() {
            b'o' => Some(self.text_node(K::Module, b"__C")),
            b'C' => Some(self.text_node(K::Module, b"__C_Synthesized")),
            b'g' => {
                let optional = self.swift_type(K::Enum, b"Optional");
                let arg = self.pop_kind(K::Type);
                let list = self.with1(K::TypeList, arg);
                let bound = self.with(K::BoundGenericEnum, &[optional, list]);
                let ty = self.ty(bound);
                self.add_subst(ty);
                ty
            }
            _ => {
                self.push_back();
                let repeat = self.natural();
                if repeat > MAX_REPEAT {
                    return None;
                }
                let second_level = self.next_if(b'c');
                let c = self.next();
                let node = self.standard_type(c, second_level)?;
                for _ in 1..repeat.max(1) {
                    self.push(node);
                }
                Some(node)
            }
        }
    }

    /// `createStandardSubstitution`, from `StandardTypesMangling.def`.
    fn standard_type(&mut self, c: u8, second_level: bool) -> N {
        let (kind, name): (Kind, &[u8]) = if second_level {
            match c {
                b'A' => (K::Protocol, b"Actor"),
                b'C' => (K::Structure, b"CheckedContinuation"),
                b'c' => (K::Structure, b"UnsafeContinuation"),
                b'E' => (K::Structure, b"CancellationError"),
                b'e' => (K::Structure, b"UnownedSerialExecutor"),
                b'F' => (K::Protocol, b"Executor"),
                b'f' => (K::Protocol, b"SerialExecutor"),
                b'G' => (K::Structure, b"TaskGroup"),
                b'g' => (K::Structure, b"ThrowingTaskGroup"),
                b'h' => (K::Protocol, b"TaskExecutor"),
                b'I' => (K::Protocol, b"AsyncIteratorProtocol"),
                b'i' => (K::Protocol, b"AsyncSequence"),
                b'J' => (K::Structure, b"UnownedJob"),
                b'M' => (K::Class, b"MainActor"),
                b'P' => (K::Structure, b"TaskPriority"),
                b'S' => (K::Structure, b"AsyncStream"),
                b's' => (K::Structure, b"AsyncThrowingStream"),
                b'T' => (K::Structure, b"Task"),
                b't' => (K::Structure, b"UnsafeCurrentTask"),
                _ => return None,
            }
        } else {
            match c {
                b'A' => (K::Structure, b"AutoreleasingUnsafeMutablePointer"),
                b'a' => (K::Structure, b"Array"),
                b'b' => (K::Structure, b"Bool"),
                b'D' => (K::Structure, b"Dictionary"),
                b'd' => (K::Structure, b"Double"),
                b'f' => (K::Structure, b"Float"),
                b'h' => (K::Structure, b"Set"),
                b'I' => (K::Structure, b"DefaultIndices"),
                b'i' => (K::Structure, b"Int"),
                b'J' => (K::Structure, b"Character"),
                b'N' => (K::Structure, b"ClosedRange"),
                b'n' => (K::Structure, b"Range"),
                b'O' => (K::Structure, b"ObjectIdentifier"),
                b'P' => (K::Structure, b"UnsafePointer"),
                b'p' => (K::Structure, b"UnsafeMutablePointer"),
                b'R' => (K::Structure, b"UnsafeBufferPointer"),
                b'r' => (K::Structure, b"UnsafeMutableBufferPointer"),
                b'S' => (K::Structure, b"String"),
                b's' => (K::Structure, b"Substring"),
                b'u' => (K::Structure, b"UInt"),
                b'V' => (K::Structure, b"UnsafeRawPointer"),
                b'v' => (K::Structure, b"UnsafeMutableRawPointer"),
                b'W' => (K::Structure, b"UnsafeRawBufferPointer"),
                b'w' => (K::Structure, b"UnsafeMutableRawBufferPointer"),
                b'q' => (K::Enum, b"Optional"),
                b'B' => (K::Protocol, b"BinaryFloatingPoint"),
                b'E' => (K::Protocol, b"Encodable"),
                b'e' => (K::Protocol, b"Decodable"),
                b'F' => (K::Protocol, b"FloatingPoint"),
                b'G' => (K::Protocol, b"RandomNumberGenerator"),
                b'H' => (K::Protocol, b"Hashable"),
                b'j' => (K::Protocol, b"Numeric"),
                b'K' => (K::Protocol, b"BidirectionalCollection"),
                b'k' => (K::Protocol, b"RandomAccessCollection"),
                b'L' => (K::Protocol, b"Comparable"),
                b'l' => (K::Protocol, b"Collection"),
                b'M' => (K::Protocol, b"MutableCollection"),
                b'm' => (K::Protocol, b"RangeReplaceableCollection"),
                b'Q' => (K::Protocol, b"Equatable"),
                b'T' => (K::Protocol, b"Sequence"),
                b't' => (K::Protocol, b"IteratorProtocol"),
                b'U' => (K::Protocol, b"UnsignedInteger"),
                b'X' => (K::Protocol, b"RangeExpression"),
                b'x' => (K::Protocol, b"Strideable"),
                b'Y' => (K::Protocol, b"RawRepresentable"),
                b'y' => (K::Protocol, b"StringProtocol"),
                b'Z' => (K::Protocol, b"SignedInteger"),
                b'z' => (K::Protocol, b"BinaryInteger"),
                _ => return None,
            }
        };
        self.swift_type(kind, name)
    }

    /// `demangleIdentifier`: plain, with word substitutions (`0`), or
    /// Punycode (`00`); each plain part's words are remembered.
    fn identifier(&mut self) -> N {
        let c = self.peek();
        if !is_digit(c) {
            return None;
        }
        let (mut words, mut punycoded) = (false, false);
        if c == b'0' {
            self.pos += 1;
            if self.peek() == b'0' {
                self.pos += 1;
                punycoded = true;
            } else {
                words = true;
            }
        }
        // The identifier is built in the tree's bytes; a failure leaves
        // what it wrote there, unused.
        let first = self.tree.bytes.len();
        loop {
            while words && self.peek().is_ascii_alphabetic() {
                let c = self.next();
                let word = if is_lower(c) {
                    usize::from(c - b'a')
                } else {
                    words = false;
                    usize::from(c - b'A')
                };
                let &(start, end) = self.words.get(word)?;
                self.tree.bytes.extend_from_slice(&self.text[start..end]);
            }
            if self.next_if(b'0') {
                break;
            }
            let len = self.natural();
            if len <= 0 {
                return None;
            }
            if punycoded {
                self.next_if(b'_');
            }
            let len = len as usize;
            if self.pos + len > self.text.len() {
                return None;
            }
            let (start, end) = (self.pos, self.pos + len);
            if punycoded {
                let decoded = punycode::decode_utf8(&self.text[start..end])?;
                self.tree.bytes.extend_from_slice(&decoded);
            } else {
                self.tree.bytes.extend_from_slice(&self.text[start..end]);
                self.remember_words(start, end);
            }
            self.pos = end;
            if !words {
                break;
            }
        }
        let len = self.tree.bytes.len() - first;
        if len == 0 {
            return None;
        }
        let node = self.node_with(K::Identifier, Payload::Text(first as u32, len as u32));
        self.add_subst(Some(node));
        Some(node)
    }

    /// The words of `text[start..end]` that later identifiers may refer
    /// to: runs of two or more characters between `_`, digits and a
    /// lower-to-upper case change.
    fn remember_words(&mut self, start: usize, end: usize) {
        let slice = &self.text[start..end];
        let mut word_start: Option<usize> = None;
        for i in 0..=slice.len() {
            let c = slice.get(i).copied().unwrap_or(0);
            if let Some(ws) = word_start {
                if is_word_end(c, slice[i - 1]) {
                    if i - ws >= 2 && self.words.len() < MAX_WORDS {
                        self.words.push((start + ws, start + i));
                    }
                    word_start = None;
                }
            }
            if word_start.is_none() && is_word_start(c) {
                word_start = Some(i);
            }
        }
    }

    /// `demangleOperatorIdentifier`.
    fn operator_identifier(&mut self) -> N {
        const OPERATORS: &[u8; 26] = b"& @/= >    <*!|+?%-~   ^ .";
        let ident = self.pop_kind(K::Identifier)?;
        let mut op = Vec::new();
        for &c in self.tree.text(ident) {
            if c >= 0x80 {
                op.push(c);
                continue;
            }
            if !is_lower(c) {
                return None;
            }
            let o = OPERATORS[usize::from(c - b'a')];
            if o == b' ' {
                return None;
            }
            op.push(o);
        }
        let kind = match self.next() {
            b'i' => K::InfixOperator,
            b'p' => K::PrefixOperator,
            b'P' => K::PostfixOperator,
            _ => return None,
        };
        Some(self.text_node(kind, &op))
    }

    /// `demangleLocalIdentifier`.
    fn local_identifier(&mut self) -> N {
        if self.next_if(b'L') {
            let discriminator = self.pop_kind(K::Identifier);
            let name = self.pop_if(is_decl_name);
            return self.with(K::PrivateDeclName, &[discriminator, name]);
        }
        if self.next_if(b'l') {
            let discriminator = self.pop_kind(K::Identifier);
            return self.with1(K::PrivateDeclName, discriminator);
        }
        let c = self.peek();
        if matches!(c, b'a'..=b'j' | b'A'..=b'J') {
            self.pos += 1;
            let kind = Some(self.text_node(K::Identifier, &[c]));
            let name = self.pop();
            let result = Some(self.node(K::RelatedEntityDeclName));
            self.add(result, kind);
            return self.add(result, name);
        }
        let discriminator = self.index_as_node();
        let name = self.pop_if(is_decl_name);
        self.with(K::LocalDeclName, &[discriminator, name])
    }

    /// `popModule`.
    fn pop_module(&mut self) -> N {
        if let Some(ident) = self.pop_kind(K::Identifier) {
            return self.change_kind(Some(ident), K::Module);
        }
        self.pop_kind(K::Module)
    }

    /// `popContext`.
    fn pop_context(&mut self) -> N {
        if let Some(module) = self.pop_module() {
            return Some(module);
        }
        if let Some(ty) = self.pop_kind(K::Type) {
            if self.tree.len(ty) != 1 {
                return None;
            }
            let child = self.child(ty, 0)?;
            return is_context(self.tree.kind(child)).then_some(child);
        }
        self.pop_if(is_context)
    }

    /// `popTypeAndGetChild`.
    fn pop_type_child(&mut self) -> N {
        let ty = self.pop_kind(K::Type)?;
        if self.tree.len(ty) != 1 {
            return None;
        }
        self.child(ty, 0)
    }

    /// `popTypeAndGetAnyGeneric`.
    fn pop_type_any_generic(&mut self) -> N {
        let child = self.pop_type_child()?;
        is_any_generic(self.tree.kind(child)).then_some(child)
    }

    /// `demangleBuiltinType`.
    fn builtin_type(&mut self) -> N {
        const MAX_TYPE_SIZE: i64 = 4096;
        let name: Vec<u8> = match self.next() {
            b'A' => b"Builtin.ImplicitActor".to_vec(),
            b'b' => b"Builtin.BridgeObject".to_vec(),
            b'B' => b"Builtin.UnsafeValueBuffer".to_vec(),
            b'e' => b"Builtin.Executor".to_vec(),
            b'f' | b'i' => {
                let c = self.text[self.pos - 1];
                let size = self.index() - 1;
                if size <= 0 || size > MAX_TYPE_SIZE {
                    return None;
                }
                let base = if c == b'f' {
                    "Builtin.FPIEEE"
                } else {
                    "Builtin.Int"
                };
                format!("{base}{size}").into_bytes()
            }
            b'I' => b"Builtin.IntLiteral".to_vec(),
            b'v' => {
                let elements = self.index() - 1;
                if elements <= 0 || elements > MAX_TYPE_SIZE {
                    return None;
                }
                let element = self.pop_type_child()?;
                if self.tree.kind(element) != K::BuiltinTypeName {
                    return None;
                }
                let text = self.tree.text(element).strip_prefix(b"Builtin.")?;
                let mut name = format!("Builtin.Vec{elements}x").into_bytes();
                name.extend_from_slice(text);
                name
            }
            b'V' => {
                let element = self.pop_kind(K::Type)?;
                let size = self.pop_kind(K::Type)?;
                let node = self.node(K::BuiltinFixedArray);
                self.tree.push_child(node, size);
                self.tree.push_child(node, element);
                return self.ty(Some(node));
            }
            b'O' => b"Builtin.UnknownObject".to_vec(),
            b'o' => b"Builtin.NativeObject".to_vec(),
            b'p' => b"Builtin.RawPointer".to_vec(),
            b'j' => b"Builtin.Job".to_vec(),
            b'D' => b"Builtin.DefaultActorStorage".to_vec(),
            b'd' => b"Builtin.NonDefaultDistributedActorStorage".to_vec(),
            b'c' => b"Builtin.RawUnsafeContinuation".to_vec(),
            b't' => b"Builtin.SILToken".to_vec(),
            b'w' => b"Builtin.Word".to_vec(),
            b'P' => b"Builtin.PackIndex".to_vec(),
            b'T' => {
                let node = self.node(K::BuiltinTupleType);
                return self.ty(Some(node));
            }
            _ => return None,
        };
        let node = self.text_node(K::BuiltinTypeName, &name);
        self.ty(Some(node))
    }

    /// `demangleAnyGenericType`.
    fn any_generic_type(&mut self, kind: Kind) -> N {
        let name = self.pop_if(is_decl_name);
        let context = self.pop_context();
        let node = self.with(kind, &[context, name]);
        let ty = self.ty(node);
        self.add_subst(ty);
        ty
    }

    /// `demangleExtensionContext`.
    fn extension_context(&mut self) -> N {
        let signature = self.pop_kind(K::DependentGenericSignature);
        let module = self.pop_module();
        let ty = self.pop_type_any_generic();
        let ext = self.with(K::Extension, &[module, ty]);
        match signature {
            Some(_) => self.add(ext, signature),
            None => ext,
        }
    }

    /// `demanglePlainFunction`. (Swift then marks the opaque return types
    /// in the type with their function's mangling, which nothing prints.)
    fn plain_function(&mut self) -> N {
        let signature = self.pop_kind(K::DependentGenericSignature);
        let mut ty = self.pop_function_type(K::FunctionType, false);
        let labels = self.pop_function_param_labels(ty);
        if signature.is_some() {
            let generic = self.with(K::DependentGenericType, &[signature, ty]);
            ty = self.ty(generic);
        }
        let name = self.pop_if(is_decl_name);
        let context = self.pop_context();
        match labels {
            Some(_) => self.with(K::Function, &[context, name, labels, ty]),
            None => self.with(K::Function, &[context, name, ty]),
        }
    }
}

mod entities;
mod functions;
mod generics;
mod thunks;
