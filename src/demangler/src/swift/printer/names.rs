//! The fixed words and tables of `NodePrinter.cpp`.

use crate::swift::nodes::Kind;
use crate::swift::nodes::VALUE_WITNESSES;

use Kind as K;

/// The kinds that print a fixed prefix and then their first child.
pub(super) fn prefixed(kind: Kind) -> Option<&'static str> {
    Some(match kind {
        K::Static => "static ",
        K::AsyncRemoved => "async demotion of ",
        K::CurryThunk => "curry thunk of ",
        K::SILThunkIdentity => "identity thunk of ",
        K::DispatchThunk => "dispatch thunk of ",
        K::MethodDescriptor => "method descriptor for ",
        K::MethodLookupFunction => "method lookup function for ",
        K::ObjCMetadataUpdateFunction => "ObjC metadata update function for ",
        K::ObjCResilientClassStub => "ObjC resilient class stub for ",
        K::FullObjCResilientClassStub => "full ObjC resilient class stub for ",
        K::OutlinedRetain => "outlined retain of ",
        K::OutlinedRelease => "outlined release of ",
        K::OutlinedInitializeWithTake | K::OutlinedInitializeWithTakeNoValueWitness => {
            "outlined init with take of "
        }
        K::OutlinedInitializeWithCopy | K::OutlinedInitializeWithCopyNoValueWitness => {
            "outlined init with copy of "
        }
        K::OutlinedAssignWithTake | K::OutlinedAssignWithTakeNoValueWitness => {
            "outlined assign with take of "
        }
        K::OutlinedAssignWithCopy | K::OutlinedAssignWithCopyNoValueWitness => {
            "outlined assign with copy of "
        }
        K::OutlinedDestroy | K::OutlinedDestroyNoValueWitness => "outlined destroy of ",
        K::OutlinedEnumProjectDataForLoad => "outlined enum project data for load of ",
        K::OutlinedEnumTagStore => "outlined enum tag store of ",
        K::OutlinedEnumGetTag => "outlined enum get tag of ",
        K::Weak => "weak ",
        K::Unowned => "unowned ",
        K::Unmanaged => "unowned(unsafe) ",
        K::InOut => "inout ",
        K::Isolated => "isolated ",
        K::Sending => "sending ",
        K::CompileTimeLiteral => "_const ",
        K::ConstValue => "@const ",
        K::Shared => "__shared ",
        K::Owned => "__owned ",
        K::NoDerivative => "@noDerivative ",
        K::ProtocolSelfConformanceWitnessTable => "protocol self-conformance witness table for ",
        K::ProtocolWitnessTableAccessor => "protocol witness table accessor for ",
        K::ProtocolWitnessTable => "protocol witness table for ",
        K::ProtocolWitnessTablePattern => "protocol witness table pattern for ",
        K::GenericProtocolWitnessTable => "generic protocol witness table for ",
        K::GenericProtocolWitnessTableInstantiationFunction => {
            "instantiation function for generic protocol witness table for "
        }
        K::ResilientProtocolWitnessTable => "resilient protocol witness table for ",
        K::ProtocolSelfConformanceWitness => "protocol self-conformance witness for ",
        K::GenericTypeMetadataPattern => "generic type metadata pattern for ",
        K::Metaclass => "metaclass for ",
        K::ProtocolSelfConformanceDescriptor => "protocol self-conformance descriptor for ",
        K::ProtocolConformanceDescriptor => "protocol conformance descriptor for ",
        K::ProtocolConformanceDescriptorRecord => {
            "protocol conformance descriptor runtime record for "
        }
        K::ProtocolDescriptor => "protocol descriptor for ",
        K::ProtocolDescriptorRecord => "protocol descriptor runtime record for ",
        K::ProtocolRequirementsBaseDescriptor => "protocol requirements base descriptor for ",
        K::FullTypeMetadata => "full type metadata for ",
        K::TypeMetadata => "type metadata for ",
        K::TypeMetadataAccessFunction => "type metadata accessor for ",
        K::TypeMetadataInstantiationCache => "type metadata instantiation cache for ",
        K::TypeMetadataInstantiationFunction => "type metadata instantiation function for ",
        K::TypeMetadataSingletonInitializationCache => {
            "type metadata singleton initialization cache for "
        }
        K::TypeMetadataCompletionFunction => "type metadata completion function for ",
        K::TypeMetadataDemanglingCache => "demangling cache variable for type metadata for ",
        K::TypeMetadataLazyCache => "lazy cache variable for type metadata for ",
        K::AssociatedTypeDescriptor => "associated type descriptor for ",
        K::DefaultAssociatedTypeMetadataAccessor => {
            "default associated type metadata accessor for "
        }
        K::ClassMetadataBaseOffset => "class metadata base offset for ",
        K::PropertyDescriptor => "property descriptor for ",
        K::NominalTypeDescriptor => "nominal type descriptor for ",
        K::NominalTypeDescriptorRecord => "nominal type descriptor runtime record for ",
        K::OpaqueTypeDescriptor => "opaque type descriptor for ",
        K::OpaqueTypeDescriptorRecord => "opaque type descriptor runtime record for ",
        K::OpaqueTypeDescriptorAccessor => "opaque type descriptor accessor for ",
        K::OpaqueTypeDescriptorAccessorImpl => "opaque type descriptor accessor impl for ",
        K::OpaqueTypeDescriptorAccessorKey => "opaque type descriptor accessor key for ",
        K::OpaqueTypeDescriptorAccessorVar => "opaque type descriptor accessor var for ",
        K::CoroutineContinuationPrototype => "coroutine continuation prototype for ",
        K::ValueWitnessTable => "value witness table for ",
        K::ReflectionMetadataBuiltinDescriptor => "reflection metadata builtin descriptor ",
        K::ReflectionMetadataFieldDescriptor => "reflection metadata field descriptor ",
        K::ReflectionMetadataAssocTypeDescriptor => {
            "reflection metadata associated type descriptor "
        }
        K::ReflectionMetadataSuperclassDescriptor => "reflection metadata superclass descriptor ",
        K::ModuleDescriptor => "module descriptor ",
        K::AnonymousDescriptor => "anonymous descriptor ",
        K::ExtensionDescriptor => "extension descriptor ",
        K::Uniquable => "uniquable ",
        K::CanonicalSpecializedGenericMetaclass => "specialized generic metaclass for ",
        K::CanonicalSpecializedGenericTypeMetadataAccessFunction => {
            "canonical specialized generic type metadata accessor for "
        }
        K::MetadataInstantiationCache => "metadata instantiation cache for ",
        K::NoncanonicalSpecializedGenericTypeMetadata => {
            "noncanonical specialized generic type metadata for "
        }
        K::NoncanonicalSpecializedGenericTypeMetadataCache => {
            "cache variable for noncanonical specialized generic type metadata for "
        }
        K::CanonicalPrespecializedGenericTypeCachingOnceToken => {
            "flag for loading of canonical specialized generic type metadata for "
        }
        _ => return None,
    })
}

/// The accessor names of `printAbstractStorage`'s callers.
pub(super) fn accessor_name(kind: Kind) -> &'static str {
    match kind {
        K::OwningAddressor => "owningAddressor",
        K::OwningMutableAddressor => "owningMutableAddressor",
        K::NativeOwningAddressor => "nativeOwningAddressor",
        K::NativeOwningMutableAddressor => "nativeOwningMutableAddressor",
        K::NativePinningAddressor => "nativePinningAddressor",
        K::NativePinningMutableAddressor => "nativePinningMutableAddressor",
        K::UnsafeAddressor => "unsafeAddressor",
        K::UnsafeMutableAddressor => "unsafeMutableAddressor",
        K::GlobalGetter | K::Getter => "getter",
        K::Setter => "setter",
        K::MaterializeForSet => "materializeForSet",
        K::WillSet => "willset",
        K::DidSet => "didset",
        K::ReadAccessor => "read",
        K::Read2Accessor => "read2",
        K::ModifyAccessor => "modify",
        K::Modify2Accessor => "modify2",
        _ => "init",
    }
}

/// A differentiability kind's suffix to `@differentiable`.
pub(super) fn differentiability_suffix(kind: u64) -> &'static str {
    match kind as u8 {
        b'l' => "(_linear)",
        b'f' => "(_forward)",
        b'r' => "(reverse)",
        _ => "",
    }
}

/// The name of a value witness (`toString(ValueWitnessKind)`).
pub(super) fn value_witness_name(index: u64) -> &'static str {
    const NAMES: [&str; VALUE_WITNESSES.len()] = [
        "allocateBuffer",
        "assignWithCopy",
        "assignWithTake",
        "deallocateBuffer",
        "destroy",
        "destroyBuffer",
        "destroyArray",
        "initializeBufferWithCopyOfBuffer",
        "initializeBufferWithCopy",
        "initializeWithCopy",
        "initializeBufferWithTake",
        "initializeWithTake",
        "projectBuffer",
        "initializeBufferWithTakeOfBuffer",
        "initializeArrayWithCopy",
        "initializeArrayWithTakeFrontToBack",
        "initializeArrayWithTakeBackToFront",
        "storeExtraInhabitant",
        "getExtraInhabitantIndex",
        "getEnumTag",
        "destructiveProjectEnumData",
        "destructiveInjectEnumTag",
        "getEnumTagSinglePayload",
        "storeEnumTagSinglePayload",
    ];
    NAMES.get(index as usize).copied().unwrap_or("")
}

/// `genericParameterName`: `A`...`Z`, `BA`..., then the depth if any.
pub(super) fn generic_parameter_name(depth: u64, index: u64) -> String {
    let mut name = String::new();
    let mut index = index;
    loop {
        name.push(char::from(b'A' + (index % 26) as u8));
        index /= 26;
        if index == 0 {
            break;
        }
    }
    if depth != 0 {
        name.push_str(&depth.to_string());
    }
    name
}

/// `isExistentialType`.
pub(super) fn is_existential(kind: Kind) -> bool {
    matches!(
        kind,
        K::ExistentialMetatype
            | K::ProtocolList
            | K::ProtocolListWithClass
            | K::ProtocolListWithAnyObject
    )
}

/// The kinds `isSimpleType` calls simple (its other answers need the node).
pub(super) fn is_simple_kind(kind: Kind) -> bool {
    matches!(
        kind,
        K::AssociatedType
            | K::AssociatedTypeRef
            | K::BoundGenericClass
            | K::BoundGenericEnum
            | K::BoundGenericStructure
            | K::BoundGenericProtocol
            | K::BoundGenericOtherNominalType
            | K::BoundGenericTypeAlias
            | K::BoundGenericFunction
            | K::BuiltinTypeName
            | K::BuiltinTupleType
            | K::BuiltinFixedArray
            | K::Class
            | K::DependentGenericType
            | K::DependentMemberType
            | K::DependentGenericParamType
            | K::DynamicSelf
            | K::Enum
            | K::ErrorType
            | K::ExistentialMetatype
            | K::Metatype
            | K::MetatypeRepresentation
            | K::Module
            | K::Tuple
            | K::Pack
            | K::SILPackDirect
            | K::SILPackIndirect
            | K::ConstrainedExistentialRequirementList
            | K::ConstrainedExistentialSelf
            | K::Protocol
            | K::ProtocolSymbolicReference
            | K::ReturnType
            | K::SILBoxType
            | K::SILBoxTypeWithLayout
            | K::Structure
            | K::OtherNominalType
            | K::TupleElementName
            | K::TypeAlias
            | K::TypeList
            | K::LabelList
            | K::TypeSymbolicReference
            | K::SugaredOptional
            | K::SugaredArray
            | K::SugaredInlineArray
            | K::SugaredDictionary
            | K::SugaredParen
            | K::Integer
            | K::NegativeInteger
    )
}
