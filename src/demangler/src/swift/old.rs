//! Swift's old demangler (`OldDemangler.cpp` of Swift 6.2.3): the
//! manglings of Swift 3 and earlier (`_T` without `0`), and the `_Tt` class
//! and protocol names of the Objective-C runtime. A recursive descent over
//! the name into the same tree as the new demangler builds, which the same
//! printer prints. Each function names the one of `OldDemangler.cpp` it
//! follows; a null node there is `None` here. Bounded as Swift's is (no
//! more than 1024 levels), and by the recursion limit.

use super::nodes::{spec, Stop, VALUE_WITNESSES};
use super::nodes::{Id, Kind, Payload, Tree};
use super::punycode;

use Kind as K;

mod types;

type N = Option<Id>;

/// `OldDemangler::MaxDepth`.
const MAX_DEPTH: u32 = 1024;

/// The old demangler over `text`, building into `tree`.
pub(crate) struct OldDemangler<'a, 't> {
    text: &'a [u8],
    pos: usize,
    tree: &'t mut Tree,
    subs: Vec<Id>,
    limit: u32,
    pub(crate) stop: Option<Stop>,
}

/// `isStartOfIdentifier`.
fn is_start_of_identifier(c: u8) -> bool {
    c.is_ascii_digit() || c == b'o'
}

/// `isStartOfNominalType`.
fn is_start_of_nominal_type(c: u8) -> bool {
    matches!(c, b'C' | b'V' | b'O')
}

/// `isStartOfEntity`.
fn is_start_of_entity(c: u8) -> bool {
    matches!(c, b'F' | b'I' | b'v' | b'P' | b's' | b'Z') || is_start_of_nominal_type(c)
}

/// `nominalTypeMarkerToNodeKind`.
fn nominal_kind(c: u8) -> Kind {
    match c {
        b'C' => K::Class,
        b'V' => K::Structure,
        b'O' => K::Enum,
        _ => K::Identifier,
    }
}

/// What [`OldDemangler::entity_kind`] read: the entity's kind, whether a
/// type follows, whether an accessor wraps it, and its name.
struct EntityKind {
    kind: Kind,
    has_type: bool,
    wrap: bool,
    name: Option<Id>,
}

impl<'a, 't> OldDemangler<'a, 't> {
    pub(crate) fn new(text: &'a [u8], tree: &'t mut Tree, limit: u32) -> Self {
        OldDemangler {
            text,
            pos: 0,
            tree,
            subs: Vec::new(),
            limit: limit.min(MAX_DEPTH),
            stop: None,
        }
    }

    // -- `NameSource` --

    fn is_empty(&self) -> bool {
        self.pos >= self.text.len()
    }

    /// `peek`: `.` at the end, a character no rule takes.
    fn peek(&self) -> u8 {
        self.text.get(self.pos).copied().unwrap_or(b'.')
    }

    fn next(&mut self) -> u8 {
        let c = self.peek();
        if !self.is_empty() {
            self.pos += 1;
        }
        c
    }

    fn next_if(&mut self, c: u8) -> bool {
        if self.is_empty() || self.peek() != c {
            return false;
        }
        self.pos += 1;
        true
    }

    fn next_if_str(&mut self, s: &[u8]) -> bool {
        if !self.text[self.pos..].starts_with(s) {
            return false;
        }
        self.pos += s.len();
        true
    }

    /// `readUntil`: the text up to `c`, and whether `c` is next.
    fn read_until(&mut self, c: u8) -> (Vec<u8>, bool) {
        let start = self.pos;
        while !self.is_empty() && self.peek() != c {
            self.pos += 1;
        }
        (self.text[start..self.pos].to_vec(), !self.is_empty())
    }

    // -- Nodes --

    fn node(&mut self, kind: Kind) -> Id {
        self.tree.add(kind, Payload::None)
    }

    fn text_node(&mut self, kind: Kind, text: &[u8]) -> Id {
        let payload = self.tree.store(text);
        self.tree.add(kind, payload)
    }

    fn index_node(&mut self, kind: Kind, index: u64) -> Id {
        self.tree.add(kind, Payload::Index(index))
    }

    fn add(&mut self, parent: Id, child: Id) {
        self.tree.push_child(parent, child);
    }

    /// A node of `kind` with `child`.
    fn with(&mut self, kind: Kind, child: Id) -> Id {
        let node = self.node(kind);
        self.add(node, child);
        node
    }

    /// Whether `depth` is past Swift's bound (a failure, as in Swift) or
    /// the recursion limit (a stop).
    fn too_deep(&mut self, depth: u32) -> bool {
        if depth > self.limit {
            if self.limit < MAX_DEPTH {
                self.stop = Some(Stop::TooDeep);
            }
            return true;
        }
        false
    }

    // -- The grammar --

    /// `demangleTopLevel`.
    pub(crate) fn top_level(&mut self) -> N {
        if !self.next_if_str(b"_T") {
            return None;
        }
        let top = self.node(K::Global);
        if self.next_if_str(b"TS") {
            loop {
                let attr = self.specialized_attribute(0)?;
                self.add(top, attr);
                // The substitution header does not share state with the
                // rest of the mangling.
                self.subs.clear();
                if !self.next_if_str(b"_TTS") {
                    break;
                }
            }
            if !self.next_if_str(b"_T") {
                return None;
            }
        } else {
            let attr = if self.next_if_str(b"To") {
                Some(K::ObjCAttribute)
            } else if self.next_if_str(b"TO") {
                Some(K::NonObjCAttribute)
            } else if self.next_if_str(b"TD") {
                Some(K::DynamicAttribute)
            } else if self.next_if_str(b"Td") {
                Some(K::DirectMethodReferenceAttribute)
            } else if self.next_if_str(b"TV") {
                Some(K::VTableAttribute)
            } else {
                None
            };
            if let Some(kind) = attr {
                let node = self.node(kind);
                self.add(top, node);
            }
        }
        let global = self.global(0)?;
        self.add(top, global);
        if !self.is_empty() {
            let rest = &self.text[self.pos..];
            self.pos = self.text.len();
            let suffix = self.text_node(K::Suffix, rest);
            self.add(top, suffix);
        }
        Some(top)
    }

    /// `demangleNatural`: digits, at least one.
    fn natural(&mut self) -> Option<u64> {
        if self.is_empty() {
            return None;
        }
        let c = self.next();
        if !c.is_ascii_digit() {
            return None;
        }
        let mut num = u64::from(c - b'0');
        while !self.is_empty() && self.peek().is_ascii_digit() {
            num = num
                .wrapping_mul(10)
                .wrapping_add(u64::from(self.next() - b'0'));
        }
        Some(num)
    }

    /// `demangleBuiltinSize`: a natural and `_`.
    fn builtin_size(&mut self) -> Option<u64> {
        let n = self.natural()?;
        self.next_if(b'_').then_some(n)
    }

    /// `demangleValueWitnessKind`.
    fn value_witness_kind(&mut self) -> Option<u64> {
        if self.is_empty() {
            return None;
        }
        let a = self.next();
        if self.is_empty() {
            return None;
        }
        let code = [a, self.next()];
        VALUE_WITNESSES
            .iter()
            .position(|w| **w == code)
            .map(|i| i as u64)
    }

    /// A node of `kind` holding one type (`DEMANGLE_CHILD_OR_RETURN(node,
    /// Type)`).
    fn of_type(&mut self, kind: Kind, depth: u32) -> N {
        let ty = self.ty(depth + 1)?;
        Some(self.with(kind, ty))
    }

    /// A node of `kind` holding one conformance.
    fn of_conformance(&mut self, kind: Kind, depth: u32) -> N {
        let conformance = self.protocol_conformance(depth + 1)?;
        Some(self.with(kind, conformance))
    }

    /// `demangleGlobal`.
    fn global(&mut self, depth: u32) -> N {
        if self.too_deep(depth) || self.is_empty() {
            return None;
        }
        if self.next_if(b'M') {
            let kind = if self.next_if(b'P') {
                K::GenericTypeMetadataPattern
            } else if self.next_if(b'a') {
                K::TypeMetadataAccessFunction
            } else if self.next_if(b'L') {
                K::TypeMetadataLazyCache
            } else if self.next_if(b'm') {
                K::Metaclass
            } else if self.next_if(b'n') {
                K::NominalTypeDescriptor
            } else if self.next_if(b'f') {
                K::FullTypeMetadata
            } else if self.next_if(b'p') {
                let proto = self.protocol_name(depth + 1)?;
                return Some(self.with(K::ProtocolDescriptor, proto));
            } else {
                K::TypeMetadata
            };
            return self.of_type(kind, depth);
        }
        if self.next_if_str(b"PA") {
            let kind = if self.next_if(b'o') {
                K::PartialApplyObjCForwarder
            } else {
                K::PartialApplyForwarder
            };
            let forwarder = self.node(kind);
            if self.next_if_str(b"__T") {
                let global = self.global(depth + 1)?;
                self.add(forwarder, global);
            }
            return Some(forwarder);
        }
        if self.next_if(b't') {
            return self.of_type(K::TypeMangling, depth);
        }
        if self.next_if(b'w') {
            let which = self.value_witness_kind()?;
            let witness = self.node(K::ValueWitness);
            let index = self.index_node(K::Index, which);
            self.add(witness, index);
            let ty = self.ty(depth + 1)?;
            self.add(witness, ty);
            return Some(witness);
        }
        if self.next_if(b'W') {
            return self.witness(depth);
        }
        if self.next_if(b'T') {
            if self.next_if(b'R') || self.next_if(b'r') {
                let kind = if self.text[self.pos - 1] == b'R' {
                    K::ReabstractionThunkHelper
                } else {
                    K::ReabstractionThunk
                };
                let thunk = self.node(kind);
                self.reabstract_signature(thunk, depth + 1)?;
                return Some(thunk);
            }
            if self.next_if(b'W') {
                let thunk = self.node(K::ProtocolWitness);
                let conformance = self.protocol_conformance(depth + 1)?;
                self.add(thunk, conformance);
                // The entity is mangled in its own generic context.
                let entity = self.entity(depth + 1)?;
                self.add(thunk, entity);
                return Some(thunk);
            }
            return None;
        }
        self.entity(depth + 1)
    }

    /// The `W` globals of `demangleGlobal`: offsets, witness tables.
    fn witness(&mut self, depth: u32) -> N {
        if self.next_if(b'V') {
            return self.of_type(K::ValueWitnessTable, depth);
        }
        if self.next_if(b'v') {
            let offset = self.node(K::FieldOffset);
            let directness = if self.next_if(b'd') {
                0
            } else if self.next_if(b'i') {
                1
            } else {
                return None;
            };
            let directness = self.index_node(K::Directness, directness);
            self.add(offset, directness);
            let entity = self.entity(depth + 1)?;
            self.add(offset, entity);
            return Some(offset);
        }
        for (c, kind) in [
            (b'P', K::ProtocolWitnessTable),
            (b'G', K::GenericProtocolWitnessTable),
            (b'I', K::GenericProtocolWitnessTableInstantiationFunction),
        ] {
            if self.next_if(c) {
                return self.of_conformance(kind, depth);
            }
        }
        for (c, kind) in [
            (b'l', K::LazyProtocolWitnessTableAccessor),
            (b'L', K::LazyProtocolWitnessTableCacheVariable),
        ] {
            if self.next_if(c) {
                let accessor = self.node(kind);
                let ty = self.ty(depth + 1)?;
                self.add(accessor, ty);
                let conformance = self.protocol_conformance(depth + 1)?;
                self.add(accessor, conformance);
                return Some(accessor);
            }
        }
        if self.next_if(b'a') {
            return self.of_conformance(K::ProtocolWitnessTableAccessor, depth);
        }
        if self.next_if(b't') || self.next_if(b'T') {
            let kind = if self.text[self.pos - 1] == b't' {
                K::AssociatedTypeMetadataAccessor
            } else {
                K::AssociatedTypeWitnessTableAccessor
            };
            let accessor = self.node(kind);
            let conformance = self.protocol_conformance(depth + 1)?;
            self.add(accessor, conformance);
            let name = self.decl_name(depth + 1)?;
            self.add(accessor, name);
            if kind == K::AssociatedTypeWitnessTableAccessor {
                let proto = self.protocol_name(depth + 1)?;
                self.add(accessor, proto);
            }
            return Some(accessor);
        }
        None
    }

    /// `demangleGenericSpecialization`.
    fn generic_specialization(&mut self, spec: Id, depth: u32) -> N {
        if self.too_deep(depth) {
            return None;
        }
        while !self.next_if(b'_') {
            let param = self.node(K::GenericSpecializationParam);
            let ty = self.ty(depth + 1)?;
            self.add(param, ty);
            while !self.next_if(b'_') {
                let conformance = self.protocol_conformance(depth + 1)?;
                self.add(param, conformance);
            }
            self.add(spec, param);
        }
        Some(spec)
    }

    fn spec_kind(&mut self, kind: u64) -> Id {
        self.index_node(K::FunctionSignatureSpecializationParamKind, kind)
    }

    fn spec_payload(&mut self, text: &[u8]) -> Id {
        self.text_node(K::FunctionSignatureSpecializationParamPayload, text)
    }

    /// The text of an identifier node, copied.
    fn text_of(&self, id: Id) -> Vec<u8> {
        self.tree.text(id).to_vec()
    }

    /// `demangleFuncSigSpecializationConstantProp`.
    fn constant_prop(&mut self, parent: Id, depth: u32) -> Option<()> {
        let function = self.next_if_str(b"fr");
        if function || self.next_if(b'g') {
            let name = self.identifier(depth + 1, None)?;
            if !self.next_if(b'_') {
                return None;
            }
            let kind = if function {
                spec::CONSTANT_PROP_FUNCTION
            } else {
                spec::CONSTANT_PROP_GLOBAL
            };
            let kind = self.spec_kind(kind);
            self.add(parent, kind);
            let text = self.text_of(name);
            let payload = self.spec_payload(&text);
            self.add(parent, payload);
            return Some(());
        }
        let integer = self.next_if(b'i');
        if integer || self.next_if_str(b"fl") {
            let (text, found) = self.read_until(b'_');
            if !found || !self.next_if(b'_') {
                return None;
            }
            let kind = if integer {
                spec::CONSTANT_PROP_INTEGER
            } else {
                spec::CONSTANT_PROP_FLOAT
            };
            let kind = self.spec_kind(kind);
            self.add(parent, kind);
            let payload = self.spec_payload(&text);
            self.add(parent, payload);
            return Some(());
        }
        if self.next_if(b's') {
            if !self.next_if(b'e') {
                return None;
            }
            let encoding: &[u8] = match self.peek() {
                b'0' => b"u8",
                b'1' => b"u16",
                _ => return None,
            };
            self.pos += 1;
            if !self.next_if(b'v') {
                return None;
            }
            let string = self.identifier(depth + 1, None)?;
            if !self.next_if(b'_') {
                return None;
            }
            let kind = self.spec_kind(spec::CONSTANT_PROP_STRING);
            self.add(parent, kind);
            let payload = self.spec_payload(encoding);
            self.add(parent, payload);
            let text = self.text_of(string);
            let payload = self.spec_payload(&text);
            self.add(parent, payload);
            return Some(());
        }
        None
    }

    /// `demangleFuncSigSpecializationClosureProp`.
    fn closure_prop(&mut self, parent: Id, depth: u32) -> Option<()> {
        let name = self.identifier(depth + 1, None)?;
        let kind = self.spec_kind(spec::CLOSURE_PROP);
        self.add(parent, kind);
        let text = self.text_of(name);
        let payload = self.spec_payload(&text);
        self.add(parent, payload);
        while self.peek() != b'_' {
            let Some(ty) = self.ty(depth + 1) else {
                break;
            };
            self.add(parent, ty);
        }
        self.next_if(b'_').then_some(())
    }

    /// `demangleFunctionSignatureSpecialization`.
    fn function_signature_specialization(&mut self, spec_node: Id, depth: u32) -> N {
        while !self.next_if(b'_') {
            let param = self.node(K::FunctionSignatureSpecializationParam);
            if self.next_if_str(b"n_") {
            } else if self.next_if_str(b"cp") {
                self.constant_prop(param, depth + 1)?;
            } else if self.next_if_str(b"cl") {
                self.closure_prop(param, depth + 1)?;
            } else if self.next_if_str(b"i_") {
                let kind = self.spec_kind(spec::BOX_TO_VALUE);
                self.add(param, kind);
            } else if self.next_if_str(b"k_") {
                let kind = self.spec_kind(spec::BOX_TO_STACK);
                self.add(param, kind);
            } else if self.next_if_str(b"r_") {
                let kind = self.spec_kind(spec::IN_OUT_TO_OUT);
                self.add(param, kind);
            } else {
                let mut value = 0;
                for (c, flag) in [
                    (b'd', spec::DEAD),
                    (b'g', spec::OWNED_TO_GUARANTEED),
                    (b'o', spec::GUARANTEED_TO_OWNED),
                    (b's', spec::SROA),
                ] {
                    if self.next_if(c) {
                        value |= flag;
                    }
                }
                if !self.next_if(b'_') || value == 0 {
                    return None;
                }
                let kind = self.spec_kind(value);
                self.add(param, kind);
            }
            self.add(spec_node, param);
        }
        Some(spec_node)
    }

    /// `demangleSpecializedAttribute`.
    fn specialized_attribute(&mut self, depth: u32) -> N {
        let generic = self.next_if(b'g');
        let not_reabstracted = !generic && self.next_if(b'r');
        let function = !generic && !not_reabstracted && self.next_if(b'f');
        if !(generic || not_reabstracted || function) {
            return None;
        }
        let kind = if function {
            K::FunctionSignatureSpecialization
        } else if not_reabstracted {
            K::GenericSpecializationNotReAbstracted
        } else {
            K::GenericSpecialization
        };
        let spec_node = self.node(kind);
        if self.next_if(b'q') {
            let serialized = self.node(K::IsSerialized);
            self.add(spec_node, serialized);
        }
        // Swift's `unsigned(Mangled.next() - 48)`, of a signed `char`.
        let pass = u64::from((i32::from(self.next() as i8) - 48) as u32);
        let pass = self.index_node(K::SpecializationPassID, pass);
        self.add(spec_node, pass);
        if function {
            self.function_signature_specialization(spec_node, depth + 1)
        } else {
            self.generic_specialization(spec_node, depth + 1)
        }
    }

    /// `demangleDeclName`.
    fn decl_name(&mut self, depth: u32) -> N {
        if self.next_if(b'L') {
            let discriminator = self.index_as_node()?;
            let name = self.identifier(depth + 1, None)?;
            let local = self.node(K::LocalDeclName);
            self.add(local, discriminator);
            self.add(local, name);
            return Some(local);
        }
        if self.next_if(b'P') {
            let discriminator = self.identifier(depth + 1, None)?;
            let name = self.identifier(depth + 1, None)?;
            let private = self.node(K::PrivateDeclName);
            self.add(private, discriminator);
            self.add(private, name);
            return Some(private);
        }
        self.identifier(depth + 1, None)
    }

    /// `demangleIdentifier`: plain, Punycode (`X`) or an operator (`o`).
    fn identifier(&mut self, _depth: u32, kind: Option<Kind>) -> N {
        if self.is_empty() {
            return None;
        }
        let punycoded = self.next_if(b'X');
        let mut kind = kind;
        let mut operator = false;
        if self.next_if(b'o') {
            operator = true;
            if kind.is_some() {
                return None;
            }
            kind = Some(match self.next() {
                b'p' => K::PrefixOperator,
                b'P' => K::PostfixOperator,
                b'i' => K::InfixOperator,
                _ => return None,
            });
        }
        let kind = kind.unwrap_or(K::Identifier);
        let len = self.natural()?;
        if len > (self.text.len() - self.pos) as u64 {
            return None;
        }
        let raw = &self.text[self.pos..self.pos + len as usize];
        self.pos += len as usize;
        let mut identifier = if punycoded {
            punycode::decode_utf8(raw)?
        } else {
            raw.to_vec()
        };
        if identifier.is_empty() {
            return None;
        }
        if operator {
            const OPERATORS: &[u8; 26] = b"& @/= >    <*!|+?%-~   ^ .";
            let mut decoded = Vec::with_capacity(identifier.len());
            for &c in &identifier {
                if c >= 0x80 {
                    decoded.push(c);
                    continue;
                }
                if !c.is_ascii_lowercase() {
                    return None;
                }
                let o = OPERATORS[usize::from(c - b'a')];
                if o == b' ' {
                    return None;
                }
                decoded.push(o);
            }
            identifier = decoded;
        }
        Some(self.text_node(kind, &identifier))
    }

    /// `demangleIndex`.
    fn index(&mut self) -> Option<u64> {
        if self.next_if(b'_') {
            return Some(0);
        }
        let n = self.natural()?;
        self.next_if(b'_').then(|| n.wrapping_add(1))
    }

    /// `demangleIndexAsNode`.
    fn index_as_node(&mut self) -> N {
        let index = self.index()?;
        Some(self.index_node(K::Number, index))
    }

    /// `createSwiftType`.
    fn swift_type(&mut self, kind: Kind, name: &[u8]) -> Id {
        let ty = self.node(kind);
        let module = self.text_node(K::Module, b"Swift");
        self.add(ty, module);
        let ident = self.text_node(K::Identifier, name);
        self.add(ty, ident);
        ty
    }

    /// `demangleSubstitutionIndex`, after its `S`.
    fn substitution_index(&mut self) -> N {
        if self.is_empty() {
            return None;
        }
        let standard: Option<(Kind, &[u8])> = match self.peek() {
            b'a' => Some((K::Structure, b"Array")),
            b'b' => Some((K::Structure, b"Bool")),
            b'c' => Some((K::Structure, b"UnicodeScalar")),
            b'd' => Some((K::Structure, b"Double")),
            b'f' => Some((K::Structure, b"Float")),
            b'i' => Some((K::Structure, b"Int")),
            b'V' => Some((K::Structure, b"UnsafeRawPointer")),
            b'v' => Some((K::Structure, b"UnsafeMutableRawPointer")),
            b'P' => Some((K::Structure, b"UnsafePointer")),
            b'p' => Some((K::Structure, b"UnsafeMutablePointer")),
            b'q' => Some((K::Enum, b"Optional")),
            b'Q' => Some((K::Enum, b"ImplicitlyUnwrappedOptional")),
            b'R' => Some((K::Structure, b"UnsafeBufferPointer")),
            b'r' => Some((K::Structure, b"UnsafeMutableBufferPointer")),
            b'S' => Some((K::Structure, b"String")),
            b'u' => Some((K::Structure, b"UInt")),
            _ => None,
        };
        if self.next_if(b'o') {
            return Some(self.text_node(K::Module, b"__C"));
        }
        if self.next_if(b'C') {
            return Some(self.text_node(K::Module, b"__C_Synthesized"));
        }
        if let Some((kind, name)) = standard {
            self.pos += 1;
            return Some(self.swift_type(kind, name));
        }
        let index = self.index()?;
        self.subs.get(usize::try_from(index).ok()?).copied()
    }

    /// `demangleModule`.
    fn module(&mut self, depth: u32) -> N {
        if self.next_if(b's') {
            return Some(self.text_node(K::Module, b"Swift"));
        }
        if self.next_if(b'S') {
            let module = self.substitution_index()?;
            return (self.tree.kind(module) == K::Module).then_some(module);
        }
        let module = self.identifier(depth + 1, Some(K::Module))?;
        self.subs.push(module);
        Some(module)
    }

    /// `demangleDeclarationName`.
    fn declaration_name(&mut self, kind: Kind, depth: u32) -> N {
        let context = self.context(depth + 1)?;
        let name = self.decl_name(depth + 1)?;
        let decl = self.node(kind);
        self.add(decl, context);
        self.add(decl, name);
        self.subs.push(decl);
        Some(decl)
    }

    /// `demangleProtocolName`.
    fn protocol_name(&mut self, depth: u32) -> N {
        let proto = self.protocol_name_impl(depth)?;
        Some(self.with(K::Type, proto))
    }

    /// `demangleProtocolNameGivenContext`.
    fn protocol_name_given_context(&mut self, context: Id, depth: u32) -> N {
        let name = self.decl_name(depth + 1)?;
        let proto = self.node(K::Protocol);
        self.add(proto, context);
        self.add(proto, name);
        self.subs.push(proto);
        Some(proto)
    }

    /// `demangleProtocolNameImpl`.
    fn protocol_name_impl(&mut self, depth: u32) -> N {
        if self.too_deep(depth) {
            return None;
        }
        if self.next_if(b'S') {
            let sub = self.substitution_index()?;
            return match self.tree.kind(sub) {
                K::Protocol => Some(sub),
                K::Module => self.protocol_name_given_context(sub, depth + 1),
                _ => None,
            };
        }
        if self.next_if(b's') {
            let stdlib = self.text_node(K::Module, b"Swift");
            return self.protocol_name_given_context(stdlib, depth + 1);
        }
        self.declaration_name(K::Protocol, depth + 1)
    }

    /// `demangleNominalType`.
    fn nominal_type(&mut self, depth: u32) -> N {
        if self.next_if(b'S') {
            return self.substitution_index();
        }
        for (c, kind) in [
            (b'V', K::Structure),
            (b'O', K::Enum),
            (b'C', K::Class),
            (b'P', K::Protocol),
        ] {
            if self.next_if(c) {
                return self.declaration_name(kind, depth + 1);
            }
        }
        None
    }

    /// `demangleBoundGenericArgs`.
    fn bound_generic_args(&mut self, nominal: Id, depth: u32) -> N {
        if self.too_deep(depth) {
            return None;
        }
        let parent = self.tree.get(nominal, 0)?;
        let mut nominal = nominal;
        if !matches!(
            self.tree.kind(parent),
            K::Module | K::Function | K::Extension
        ) {
            let parent = self.bound_generic_args(parent, depth + 1)?;
            let result = self.node(self.tree.kind(nominal));
            self.add(result, parent);
            for i in 1..self.tree.len(nominal) {
                let child = self.tree.children(nominal)[i];
                self.add(result, child);
            }
            nominal = result;
        }
        let args = self.node(K::TypeList);
        while !self.next_if(b'_') {
            let ty = self.ty(depth + 1)?;
            self.add(args, ty);
            if self.is_empty() {
                return None;
            }
        }
        if self.tree.len(args) == 0 {
            return Some(nominal);
        }
        let unbound = self.with(K::Type, nominal);
        let kind = match self.tree.kind(nominal) {
            K::Class => K::BoundGenericClass,
            K::Structure => K::BoundGenericStructure,
            K::Enum => K::BoundGenericEnum,
            _ => return None,
        };
        let result = self.with(kind, unbound);
        self.add(result, args);
        Some(result)
    }

    /// `demangleBoundGenericType`.
    fn bound_generic_type(&mut self, depth: u32) -> N {
        let nominal = self.nominal_type(depth + 1)?;
        self.bound_generic_args(nominal, depth + 1)
    }

    /// `demangleContext`.
    fn context(&mut self, depth: u32) -> N {
        if self.too_deep(depth) || self.is_empty() {
            return None;
        }
        if self.next_if(b'E') {
            let ext = self.node(K::Extension);
            let module = self.module(depth + 1)?;
            let ty = self.context(depth + 1)?;
            self.add(ext, module);
            self.add(ext, ty);
            return Some(ext);
        }
        if self.next_if(b'e') {
            let ext = self.node(K::Extension);
            let module = self.module(depth + 1)?;
            let signature = self.generic_signature(depth + 1, false)?;
            let ty = self.context(depth + 1)?;
            self.add(ext, module);
            self.add(ext, ty);
            self.add(ext, signature);
            return Some(ext);
        }
        if self.next_if(b'S') {
            return self.substitution_index();
        }
        if self.next_if(b's') {
            return Some(self.text_node(K::Module, b"Swift"));
        }
        if self.next_if(b'G') {
            return self.bound_generic_type(depth + 1);
        }
        if is_start_of_entity(self.peek()) {
            return self.entity(depth + 1);
        }
        self.module(depth + 1)
    }

    /// `demangleProtocolList`.
    fn protocol_list(&mut self, depth: u32) -> N {
        let list = self.node(K::ProtocolList);
        let types = self.node(K::TypeList);
        self.add(list, types);
        while !self.next_if(b'_') {
            let proto = self.protocol_name(depth + 1)?;
            self.add(types, proto);
        }
        Some(list)
    }

    /// `demangleProtocolConformance`.
    fn protocol_conformance(&mut self, depth: u32) -> N {
        let ty = self.ty(depth + 1)?;
        let proto = self.protocol_name(depth + 1)?;
        let context = self.context(depth + 1)?;
        let conformance = self.node(K::ProtocolConformance);
        self.add(conformance, ty);
        self.add(conformance, proto);
        self.add(conformance, context);
        Some(conformance)
    }

    /// `demangleEntity`.
    fn entity(&mut self, depth: u32) -> N {
        if self.too_deep(depth) {
            return None;
        }
        let is_static = self.next_if(b'Z');
        let basic = if self.next_if(b'F') {
            K::Function
        } else if self.next_if(b'v') {
            K::Variable
        } else if self.next_if(b'I') {
            K::Initializer
        } else if self.next_if(b'i') {
            K::Subscript
        } else {
            return self.nominal_type(depth + 1);
        };
        let context = self.context(depth + 1)?;
        let EntityKind {
            kind,
            has_type,
            wrap,
            name,
        } = self.entity_kind(basic, depth)?;
        let entity = self.node(kind);
        if wrap {
            self.wrapped_entity(entity, context, name?, has_type, depth)?;
        } else {
            self.add(entity, context);
            if let Some(name) = name {
                self.add(entity, name);
            }
            if has_type {
                let ty = self.ty(depth + 1)?;
                self.add(entity, ty);
            }
        }
        if is_static {
            return Some(self.with(K::Static, entity));
        }
        Some(entity)
    }

    /// The kind letters of an entity after its context (OldDemangler
    /// `demangleEntity`): deallocators, destructors, constructors,
    /// addressors and accessors (which wrap a named entity), closures,
    /// initializers, or the basic kind with its name.
    fn entity_kind(&mut self, basic: Kind, depth: u32) -> Option<EntityKind> {
        let mut has_type = true;
        let mut wrap = false;
        let mut name = None;
        let accessor = |c: u8| match c {
            b'g' => Some(K::Getter),
            b'G' => Some(K::GlobalGetter),
            b's' => Some(K::Setter),
            b'm' => Some(K::MaterializeForSet),
            b'w' => Some(K::WillSet),
            b'W' => Some(K::DidSet),
            b'r' => Some(K::ReadAccessor),
            b'M' => Some(K::ModifyAccessor),
            _ => None,
        };
        let kind = if self.next_if(b'D') {
            has_type = false;
            K::Deallocator
        } else if self.next_if(b'Z') {
            has_type = false;
            K::IsolatedDeallocator
        } else if self.next_if(b'd') {
            has_type = false;
            K::Destructor
        } else if self.next_if(b'e') {
            has_type = false;
            K::IVarInitializer
        } else if self.next_if(b'E') {
            has_type = false;
            K::IVarDestroyer
        } else if self.next_if(b'C') {
            K::Allocator
        } else if self.next_if(b'c') {
            K::Constructor
        } else if self.next_if(b'a') || self.next_if(b'l') {
            wrap = true;
            let mutable = self.text[self.pos - 1] == b'a';
            let kind = self.addressor(mutable)?;
            name = Some(self.decl_name(depth + 1)?);
            kind
        } else if let Some(kind) = accessor(self.peek()).filter(|_| !self.is_empty()) {
            self.pos += 1;
            wrap = true;
            name = Some(self.decl_name(depth + 1)?);
            kind
        } else if self.next_if(b'U') || self.next_if(b'u') {
            let kind = if self.text[self.pos - 1] == b'U' {
                K::ExplicitClosure
            } else {
                K::ImplicitClosure
            };
            name = Some(self.index_as_node()?);
            kind
        } else if basic == K::Initializer {
            has_type = false;
            if self.next_if(b'A') {
                name = Some(self.index_as_node()?);
                K::DefaultArgumentInitializer
            } else if self.next_if(b'i') {
                K::Initializer
            } else {
                return None;
            }
        } else {
            name = Some(self.decl_name(depth + 1)?);
            basic
        };
        Some(EntityKind {
            kind,
            has_type,
            wrap,
            name,
        })
    }

    /// An addressor's kind after `a` (`mutable`) or `l`: owning, native
    /// owning, native pinning or unsafe.
    fn addressor(&mut self, mutable: bool) -> Option<Kind> {
        Some(match (self.next_if(b'O'), mutable) {
            (true, true) => K::OwningMutableAddressor,
            (true, false) => K::OwningAddressor,
            _ if self.next_if(b'o') => {
                if mutable {
                    K::NativeOwningMutableAddressor
                } else {
                    K::NativeOwningAddressor
                }
            }
            _ if self.next_if(b'p') => {
                if mutable {
                    K::NativePinningMutableAddressor
                } else {
                    K::NativePinningAddressor
                }
            }
            _ if self.next_if(b'u') => {
                if mutable {
                    K::UnsafeMutableAddressor
                } else {
                    K::UnsafeAddressor
                }
            }
            _ => return None,
        })
    }

    /// The variable or subscript an accessor of `demangleEntity` wraps,
    /// its name rewritten to the new mangling's shape (a subscript has no
    /// `subscript` name).
    fn wrapped_entity(
        &mut self,
        entity: Id,
        context: Id,
        name: Id,
        has_type: bool,
        depth: u32,
    ) -> Option<()> {
        let mut name = Some(name);
        let mut subscript = false;
        let n = name?;
        match self.tree.kind(n) {
            K::Identifier if self.tree.text(n) == b"subscript" => {
                subscript = true;
                name = None;
            }
            K::PrivateDeclName
                if self.tree.len(n) > 1
                    && self.tree.text(self.tree.children(n)[1]) == b"subscript" =>
            {
                subscript = true;
                let discriminator = self.tree.children(n)[0];
                let private = self.with(K::PrivateDeclName, discriminator);
                name = Some(private);
            }
            _ => {}
        }
        let wrapped = self.node(if subscript { K::Subscript } else { K::Variable });
        self.add(wrapped, context);
        if !subscript {
            self.add(wrapped, name?);
        }
        if has_type {
            let ty = self.ty(depth + 1)?;
            self.add(wrapped, ty);
        }
        if subscript {
            if let Some(name) = name {
                self.add(wrapped, name);
            }
        }
        self.add(entity, wrapped);
        Some(())
    }

    /// `demangleReabstractSignature`.
    fn reabstract_signature(&mut self, signature: Id, depth: u32) -> Option<()> {
        if self.next_if(b'G') {
            let generics = self.generic_signature(depth + 1, false)?;
            self.add(signature, generics);
        }
        let source = self.ty(depth + 1)?;
        self.add(signature, source);
        let destination = self.ty(depth + 1)?;
        self.add(signature, destination);
        Some(())
    }
}

/// `ImplConventionContext`.
#[derive(Clone, Copy)]
enum Convention {
    Callee,
    Parameter,
    Result,
}
