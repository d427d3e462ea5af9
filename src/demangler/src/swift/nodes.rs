//! The tree Swift's demangler builds: nodes of the kinds of Swift's
//! `DemangleNodes.def` (one variant each, under the same names, so that a
//! reader of `Demangler.cpp` and `NodePrinter.cpp` finds them), kept in one
//! arena and named by their index.

/// A node's index in its [`Tree`].
pub(crate) type Id = u32;

macro_rules! kinds {
    ($($kind:ident),* $(,)?) => {
        /// The kind of a node (`Node::Kind`, from `DemangleNodes.def`): all
        /// of Swift's, under Swift's names, some of which only Swift's old
        /// demangler or its remangler build.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(dead_code, clippy::enum_variant_names)]
        pub(crate) enum Kind { $($kind),* }
    };
}

kinds! {
Modify2Accessor, Read2Accessor,
AccessibleFunctionRecord, AccessorAttachedMacroExpansion, AccessorFunctionReference, Allocator,
AnonymousContext, AnonymousDescriptor, AnyProtocolConformanceList, ArgumentTuple,
AssocTypePath, AssociatedConformanceDescriptor, AssociatedType, AssociatedTypeDescriptor,
AssociatedTypeGenericParamRef, AssociatedTypeMetadataAccessor, AssociatedTypeRef, AssociatedTypeWitnessTableAccessor,
AsyncAnnotation, AsyncAwaitResumePartialFunction, AsyncFunctionPointer, AsyncRemoved,
AsyncSuspendResumePartialFunction, AutoClosureType, AutoDiffDerivativeVTableThunk, AutoDiffFunction,
AutoDiffFunctionKind, AutoDiffSelfReorderingReabstractionThunk, AutoDiffSubsetParametersThunk, BackDeploymentFallback,
BackDeploymentThunk, BaseConformanceDescriptor, BaseWitnessTableAccessor, BodyAttachedMacroExpansion,
BoundGenericClass, BoundGenericEnum, BoundGenericFunction, BoundGenericOtherNominalType,
BoundGenericProtocol, BoundGenericStructure, BoundGenericTypeAlias, BuiltinFixedArray,
BuiltinTupleType, BuiltinTypeName, CFunctionPointer, CanonicalPrespecializedGenericTypeCachingOnceToken,
CanonicalSpecializedGenericMetaclass, CanonicalSpecializedGenericTypeMetadataAccessFunction, ClangType, Class,
ClassMetadataBaseOffset, CompileTimeLiteral, ConcreteProtocolConformance, ConcurrentFunctionType,
ConformanceAttachedMacroExpansion, ConstValue, ConstrainedExistential, ConstrainedExistentialRequirementList,
ConstrainedExistentialSelf, Constructor, CoroFunctionPointer, CoroutineContinuationPrototype,
CurryThunk, Deallocator, DeclContext, DefaultArgumentInitializer,
DefaultAssociatedConformanceAccessor, DefaultAssociatedTypeMetadataAccessor, DefaultOverride, DependentAssociatedConformance,
DependentAssociatedTypeRef, DependentGenericConformanceRequirement, DependentGenericInverseConformanceRequirement, DependentGenericLayoutRequirement,
DependentGenericParamCount, DependentGenericParamPackMarker, DependentGenericParamType, DependentGenericParamValueMarker,
DependentGenericSameShapeRequirement, DependentGenericSameTypeRequirement, DependentGenericSignature, DependentGenericType,
DependentMemberType, DependentProtocolConformanceAssociated, DependentProtocolConformanceInherited, DependentProtocolConformanceOpaque,
DependentProtocolConformanceRoot, DependentPseudogenericSignature, Destructor, DidSet,
DifferentiabilityWitness, DifferentiableFunctionType, DirectMethodReferenceAttribute, Directness,
DispatchThunk, DistributedAccessor, DistributedThunk, DroppedArgument,
DynamicAttribute, DynamicSelf, DynamicallyReplaceableFunctionImpl, DynamicallyReplaceableFunctionKey,
DynamicallyReplaceableFunctionVar, EmptyList, Enum, EnumCase,
ErrorType, EscapingAutoClosureType, EscapingObjCBlock, ExistentialMetatype,
ExplicitClosure, ExtendedExistentialTypeShape, Extension, ExtensionAttachedMacroExpansion,
ExtensionDescriptor, FieldOffset, FirstElementMarker, FreestandingMacroExpansion,
FullObjCResilientClassStub, FullTypeMetadata, Function, FunctionSignatureSpecialization,
FunctionSignatureSpecializationParam, FunctionSignatureSpecializationParamKind, FunctionSignatureSpecializationParamPayload, FunctionSignatureSpecializationReturn,
FunctionType, GenericPartialSpecialization, GenericPartialSpecializationNotReAbstracted, GenericProtocolWitnessTable,
GenericProtocolWitnessTableInstantiationFunction, GenericSpecialization, GenericSpecializationInResilienceDomain, GenericSpecializationNotReAbstracted,
GenericSpecializationParam, GenericSpecializationPrespecialized, GenericTypeMetadataPattern, GenericTypeParamDecl,
Getter, Global, GlobalActorFunctionType, GlobalGetter,
GlobalVariableOnceDeclList, GlobalVariableOnceFunction, GlobalVariableOnceToken, HasSymbolQuery,
IVarDestroyer, IVarInitializer, Identifier, ImplConvention,
ImplCoroutineKind, ImplDifferentiabilityKind, ImplErasedIsolation, ImplErrorResult,
ImplEscaping, ImplFunctionAttribute, ImplFunctionConvention, ImplFunctionConventionName,
ImplFunctionType, ImplInvocationSubstitutions, ImplParameter, ImplParameterImplicitLeading,
ImplParameterIsolated, ImplParameterResultDifferentiability, ImplParameterSending, ImplPatternSubstitutions,
ImplResult, ImplSendingResult, ImplYield, ImplicitClosure,
InOut, Index, IndexSubset, InfixOperator,
InitAccessor, Initializer, InlinedGenericFunction, Integer,
IsSerialized, Isolated, IsolatedAnyFunctionType, IsolatedDeallocator,
KeyPathAppliedMethodThunkHelper, KeyPathEqualsThunkHelper, KeyPathGetterThunkHelper, KeyPathHashThunkHelper,
KeyPathSetterThunkHelper, KeyPathUnappliedMethodThunkHelper, LabelList, LazyProtocolWitnessTableAccessor,
LazyProtocolWitnessTableCacheVariable, LocalDeclName, Macro, MacroExpansionLoc,
MacroExpansionUniqueName, MaterializeForSet, MemberAttachedMacroExpansion, MemberAttributeAttachedMacroExpansion,
MergedFunction, Metaclass, MetadataInstantiationCache, Metatype,
MetatypeRepresentation, MethodDescriptor, MethodLookupFunction, ModifyAccessor,
Module, ModuleDescriptor, NativeOwningAddressor, NativeOwningMutableAddressor,
NativePinningAddressor, NativePinningMutableAddressor, NegativeInteger, NoDerivative,
NoEscapeFunctionType, NominalTypeDescriptor, NominalTypeDescriptorRecord, NonIsolatedCallerFunctionType,
NonObjCAttribute, NonUniqueExtendedExistentialTypeShapeSymbolicReference, NoncanonicalSpecializedGenericTypeMetadata, NoncanonicalSpecializedGenericTypeMetadataCache,
Number, ObjCAsyncCompletionHandlerImpl, ObjCAttribute, ObjCBlock,
ObjCMetadataUpdateFunction, ObjCResilientClassStub, ObjectiveCProtocolSymbolicReference, OpaqueReturnType,
OpaqueReturnTypeIndex, OpaqueReturnTypeOf, OpaqueReturnTypeParent, OpaqueType,
OpaqueTypeDescriptor, OpaqueTypeDescriptorAccessor, OpaqueTypeDescriptorAccessorImpl, OpaqueTypeDescriptorAccessorKey,
OpaqueTypeDescriptorAccessorVar, OpaqueTypeDescriptorRecord, OpaqueTypeDescriptorSymbolicReference, OtherNominalType,
OutlinedAssignWithCopy, OutlinedAssignWithCopyNoValueWitness, OutlinedAssignWithTake, OutlinedAssignWithTakeNoValueWitness,
OutlinedBridgedMethod, OutlinedConsume, OutlinedCopy, OutlinedDestroy,
OutlinedDestroyNoValueWitness, OutlinedEnumGetTag, OutlinedEnumProjectDataForLoad, OutlinedEnumTagStore,
OutlinedInitializeWithCopy, OutlinedInitializeWithCopyNoValueWitness, OutlinedInitializeWithTake, OutlinedInitializeWithTakeNoValueWitness,
OutlinedReadOnlyObject, OutlinedRelease, OutlinedRetain, OutlinedVariable,
Owned, OwningAddressor, OwningMutableAddressor, Pack,
PackElement, PackElementLevel, PackExpansion, PackProtocolConformance,
PartialApplyForwarder, PartialApplyObjCForwarder, PeerAttachedMacroExpansion, PostfixOperator,
PreambleAttachedMacroExpansion, PredefinedObjCAsyncCompletionHandlerImpl, PrefixOperator, PrivateDeclName,
PropertyDescriptor, PropertyWrapperBackingInitializer, PropertyWrapperInitFromProjectedValue, Protocol,
ProtocolConformance, ProtocolConformanceDescriptor, ProtocolConformanceDescriptorRecord, ProtocolConformanceRefInOtherModule,
ProtocolConformanceRefInProtocolModule, ProtocolConformanceRefInTypeModule, ProtocolDescriptor, ProtocolDescriptorRecord,
ProtocolList, ProtocolListWithAnyObject, ProtocolListWithClass, ProtocolRequirementsBaseDescriptor,
ProtocolSelfConformanceDescriptor, ProtocolSelfConformanceWitness, ProtocolSelfConformanceWitnessTable, ProtocolSymbolicReference,
ProtocolWitness, ProtocolWitnessTable, ProtocolWitnessTableAccessor, ProtocolWitnessTablePattern,
ReabstractionThunk, ReabstractionThunkHelper, ReabstractionThunkHelperWithGlobalActor, ReabstractionThunkHelperWithSelf,
ReadAccessor, ReflectionMetadataAssocTypeDescriptor, ReflectionMetadataBuiltinDescriptor, ReflectionMetadataFieldDescriptor,
ReflectionMetadataSuperclassDescriptor, RelatedEntityDeclName, ResilientProtocolWitnessTable, RetroactiveConformance,
ReturnType, SILBoxImmutableField, SILBoxLayout, SILBoxMutableField,
SILBoxType, SILBoxTypeWithLayout, SILPackDirect, SILPackIndirect,
SILThunkIdentity, Sending, SendingResultFunctionType, Setter,
Shared, SpecializationPassID, Static, Structure,
Subscript, Suffix, SugaredArray, SugaredDictionary,
SugaredInlineArray, SugaredOptional, SugaredParen, SymbolicExtendedExistentialType,
ThinFunctionType, ThrowsAnnotation, Tuple, TupleElement,
TupleElementName, Type, TypeAlias, TypeList,
TypeMangling, TypeMetadata, TypeMetadataAccessFunction, TypeMetadataCompletionFunction,
TypeMetadataDemanglingCache, TypeMetadataInstantiationCache, TypeMetadataInstantiationFunction, TypeMetadataLazyCache,
TypeMetadataSingletonInitializationCache, TypeSymbolicReference, TypedThrowsAnnotation, UncurriedFunctionType,
Uniquable, UniqueExtendedExistentialTypeShapeSymbolicReference, UnknownIndex, Unmanaged,
Unowned, UnsafeAddressor, UnsafeMutableAddressor, VTableAttribute,
VTableThunk, ValueWitness, ValueWitnessTable, Variable,
VariadicMarker, Weak, WillSet, }

/// What a node holds besides its children: a text (a span of its tree's
/// bytes) or an index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Payload {
    None,
    Text(u32, u32),
    Index(u64),
}

/// How many children a node keeps without an allocation of its own (Swift's
/// keep two; most have no more than four).
const INLINE: usize = 4;

/// A node's children: inline, or past [`INLINE`] in a vector.
#[derive(Clone, Debug)]
enum Children {
    Inline(u8, [Id; INLINE]),
    Heap(Vec<Id>),
}

impl Children {
    fn as_slice(&self) -> &[Id] {
        match self {
            Children::Inline(len, ids) => &ids[..usize::from(*len)],
            Children::Heap(ids) => ids,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [Id] {
        match self {
            Children::Inline(len, ids) => &mut ids[..usize::from(*len)],
            Children::Heap(ids) => ids,
        }
    }

    fn push(&mut self, id: Id) {
        match self {
            Children::Inline(len, ids) if usize::from(*len) < INLINE => {
                ids[usize::from(*len)] = id;
                *len += 1;
            }
            Children::Inline(_, ids) => {
                let mut heap = ids.to_vec();
                heap.push(id);
                *self = Children::Heap(heap);
            }
            Children::Heap(ids) => ids.push(id),
        }
    }

    fn remove(&mut self, at: usize) -> Id {
        match self {
            Children::Inline(len, ids) => {
                let id = ids[at];
                ids.copy_within(at + 1..usize::from(*len), at);
                *len -= 1;
                id
            }
            Children::Heap(ids) => ids.remove(at),
        }
    }
}

/// One node: its kind, text or index, and children.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub(crate) kind: Kind,
    pub(crate) payload: Payload,
    children: Children,
}

/// Every node of one demangling, and the bytes of their texts.
#[derive(Default)]
pub(crate) struct Tree {
    pub(crate) nodes: Vec<Node>,
    pub(crate) bytes: Vec<u8>,
}

impl Tree {
    /// The tree emptied, keeping its allocations (for the next name).
    pub(crate) fn clear(&mut self) {
        self.nodes.clear();
        self.bytes.clear();
    }

    pub(crate) fn add(&mut self, kind: Kind, payload: Payload) -> Id {
        self.nodes.push(Node {
            kind,
            payload,
            children: Children::Inline(0, [0; INLINE]),
        });
        (self.nodes.len() - 1) as Id
    }

    /// A copy of `id` under another kind: its payload and children.
    pub(crate) fn copy_as(&mut self, id: Id, kind: Kind) -> Id {
        let mut node = self.nodes[id as usize].clone();
        node.kind = kind;
        self.nodes.push(node);
        (self.nodes.len() - 1) as Id
    }

    /// The payload of a text appended to the tree's bytes.
    pub(crate) fn store(&mut self, text: &[u8]) -> Payload {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(text);
        Payload::Text(start as u32, text.len() as u32)
    }

    pub(crate) fn kind(&self, id: Id) -> Kind {
        self.nodes[id as usize].kind
    }

    pub(crate) fn children(&self, id: Id) -> &[Id] {
        self.nodes[id as usize].children.as_slice()
    }

    pub(crate) fn len(&self, id: Id) -> usize {
        self.children(id).len()
    }

    /// Child `i`, if there is one (Swift's `getChild` gives null past the
    /// children).
    pub(crate) fn get(&self, id: Id, i: usize) -> Option<Id> {
        self.children(id).get(i).copied()
    }

    pub(crate) fn push_child(&mut self, parent: Id, child: Id) {
        self.nodes[parent as usize].children.push(child);
    }

    pub(crate) fn remove_child(&mut self, parent: Id, at: usize) -> Id {
        self.nodes[parent as usize].children.remove(at)
    }

    pub(crate) fn text(&self, id: Id) -> &[u8] {
        match self.nodes[id as usize].payload {
            Payload::Text(start, len) => &self.bytes[start as usize..(start + len) as usize],
            _ => b"",
        }
    }

    pub(crate) fn has_text(&self, id: Id) -> bool {
        matches!(self.nodes[id as usize].payload, Payload::Text(..))
    }

    pub(crate) fn index(&self, id: Id) -> u64 {
        match self.nodes[id as usize].payload {
            Payload::Index(index) => index,
            _ => 0,
        }
    }

    pub(crate) fn has_index(&self, id: Id) -> bool {
        matches!(self.nodes[id as usize].payload, Payload::Index(_))
    }

    /// Reverse the children from `start` on (`Node::reverseChildren`).
    pub(crate) fn reverse_children(&mut self, id: Id, start: usize) {
        let children = self.nodes[id as usize].children.as_mut_slice();
        if start <= children.len() {
            children[start..].reverse();
        }
    }
}

/// Why a demangling stopped other than at a malformed name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stop {
    /// Nested deeper than the recursion limit.
    TooDeep,
    /// More nodes than the input can honestly need.
    TooBig,
}

/// `FunctionSigSpecializationParamKind`.
pub(crate) mod spec {
    pub(crate) const CONSTANT_PROP_FUNCTION: u64 = 0;
    pub(crate) const CONSTANT_PROP_GLOBAL: u64 = 1;
    pub(crate) const CONSTANT_PROP_INTEGER: u64 = 2;
    pub(crate) const CONSTANT_PROP_FLOAT: u64 = 3;
    pub(crate) const CONSTANT_PROP_STRING: u64 = 4;
    pub(crate) const CLOSURE_PROP: u64 = 5;
    pub(crate) const BOX_TO_VALUE: u64 = 6;
    pub(crate) const BOX_TO_STACK: u64 = 7;
    pub(crate) const IN_OUT_TO_OUT: u64 = 8;
    pub(crate) const CONSTANT_PROP_KEY_PATH: u64 = 9;
    pub(crate) const DEAD: u64 = 1 << 6;
    pub(crate) const OWNED_TO_GUARANTEED: u64 = 1 << 7;
    pub(crate) const SROA: u64 = 1 << 8;
    pub(crate) const GUARANTEED_TO_OWNED: u64 = 1 << 9;
    pub(crate) const EXISTENTIAL_TO_GENERIC: u64 = 1 << 10;
}

/// The value witnesses (`ValueWitnessMangling.def`), in their order.
pub(crate) const VALUE_WITNESSES: [&[u8; 2]; 24] = [
    b"al", b"ca", b"ta", b"de", b"xx", b"XX", b"Xx", b"CP", b"Cp", b"cp", b"Tk", b"tk", b"pr",
    b"TK", b"Cc", b"Tt", b"tT", b"xs", b"xg", b"ug", b"up", b"ui", b"et", b"st",
];

use Kind as K;

/// Whether a kind is an accessor or addressor of a variable or subscript
/// (its one child), as `demangleAccessor` and the old demangler make them.
pub(crate) fn is_accessor(kind: Kind) -> bool {
    matches!(
        kind,
        K::Getter
            | K::Setter
            | K::ModifyAccessor
            | K::Modify2Accessor
            | K::ReadAccessor
            | K::Read2Accessor
            | K::WillSet
            | K::DidSet
            | K::InitAccessor
            | K::GlobalGetter
            | K::MaterializeForSet
            | K::UnsafeAddressor
            | K::UnsafeMutableAddressor
            | K::OwningAddressor
            | K::OwningMutableAddressor
            | K::NativeOwningAddressor
            | K::NativeOwningMutableAddressor
            | K::NativePinningAddressor
            | K::NativePinningMutableAddressor
    )
}

/// Whether a kind is a declaration context (`isContext`: the
/// `CONTEXT_NODE`s of `DemangleNodes.def`, and the builtin tuple type).
pub(crate) fn is_context(kind: Kind) -> bool {
    matches!(
        kind,
        K::Allocator
            | K::AnonymousContext
            | K::Class
            | K::Constructor
            | K::Deallocator
            | K::DefaultArgumentInitializer
            | K::Destructor
            | K::DidSet
            | K::Enum
            | K::ExplicitClosure
            | K::Extension
            | K::Function
            | K::Getter
            | K::GlobalGetter
            | K::IVarInitializer
            | K::IVarDestroyer
            | K::ImplicitClosure
            | K::Initializer
            | K::InitAccessor
            | K::IsolatedDeallocator
            | K::MaterializeForSet
            | K::ModifyAccessor
            | K::Modify2Accessor
            | K::Module
            | K::NativeOwningAddressor
            | K::NativeOwningMutableAddressor
            | K::NativePinningAddressor
            | K::NativePinningMutableAddressor
            | K::OtherNominalType
            | K::OwningAddressor
            | K::OwningMutableAddressor
            | K::PropertyWrapperBackingInitializer
            | K::PropertyWrapperInitFromProjectedValue
            | K::Protocol
            | K::ProtocolSymbolicReference
            | K::ReadAccessor
            | K::Read2Accessor
            | K::Setter
            | K::Static
            | K::Structure
            | K::Subscript
            | K::TypeSymbolicReference
            | K::TypeAlias
            | K::UnsafeAddressor
            | K::UnsafeMutableAddressor
            | K::Variable
            | K::WillSet
            | K::OpaqueReturnTypeOf
            | K::AutoDiffFunction
            | K::BuiltinTupleType
    )
}
