//! Generic and protocol machinery of `Demangler.cpp`: protocols and
//! conformances, bound generic types, metatypes and descriptors,
//! archetypes, associated and dependent types, generic parameters.

use super::{is_any_generic, is_decl_name, is_entity, Demangler, Kind, N};
use crate::swift::nodes::Id;
use crate::swift::nodes::Stop;

use Kind as K;

impl Demangler<'_> {
    /// `isProtocolNode`: a protocol, through its `Type`.
    pub(super) fn is_protocol_node(&self, node: Id) -> bool {
        match self.tree.kind(node) {
            K::Type => self
                .child(node, 0)
                .is_some_and(|c| self.is_protocol_node(c)),
            K::Protocol | K::ProtocolSymbolicReference | K::ObjectiveCProtocolSymbolicReference => {
                true
            }
            _ => false,
        }
    }

    /// `popProtocol`.
    pub(super) fn pop_protocol(&mut self) -> N {
        if let Some(ty) = self.pop_kind(K::Type) {
            if self.tree.len(ty) < 1 || !self.is_protocol_node(ty) {
                return None;
            }
            return Some(ty);
        }
        if let Some(r) = self.pop_kind(K::ProtocolSymbolicReference) {
            return Some(r);
        }
        if let Some(r) = self.pop_kind(K::ObjectiveCProtocolSymbolicReference) {
            return Some(r);
        }
        let name = self.pop_if(is_decl_name);
        let context = self.pop_context();
        let proto = self.with(K::Protocol, &[context, name]);
        self.ty(proto)
    }

    /// `popAnyProtocolConformanceList`.
    pub(super) fn pop_any_conformance_list(&mut self) -> N {
        let list = self.node(K::AnyProtocolConformanceList);
        if self.pop_kind(K::EmptyList).is_none() {
            loop {
                let first = self.pop_kind(K::FirstElementMarker).is_some();
                let conformance = self.pop_any_conformance()?;
                self.tree.push_child(list, conformance);
                if first {
                    break;
                }
            }
            self.tree.reverse_children(list, 0);
        }
        Some(list)
    }

    /// `popAnyProtocolConformance`.
    pub(super) fn pop_any_conformance(&mut self) -> N {
        self.pop_if(|k| {
            matches!(
                k,
                K::ConcreteProtocolConformance
                    | K::PackProtocolConformance
                    | K::DependentProtocolConformanceRoot
                    | K::DependentProtocolConformanceInherited
                    | K::DependentProtocolConformanceAssociated
                    | K::DependentProtocolConformanceOpaque
            )
        })
    }

    /// `demangleConcreteProtocolConformance`.
    pub(super) fn concrete_conformance(&mut self) -> N {
        let conditional = self.pop_any_conformance_list();
        let mut reference = self.pop_kind(K::ProtocolConformanceRefInTypeModule);
        if reference.is_none() {
            reference = self.pop_kind(K::ProtocolConformanceRefInProtocolModule);
        }
        if reference.is_none() {
            // `demangleRetroactiveProtocolConformanceRef`.
            let module = self.pop_module();
            let proto = self.pop_protocol();
            reference = self.with(K::ProtocolConformanceRefInOtherModule, &[proto, module]);
        }
        let ty = self.pop_kind(K::Type);
        self.with(
            K::ConcreteProtocolConformance,
            &[ty, reference, conditional],
        )
    }

    /// `popDependentProtocolConformance`.
    pub(super) fn pop_dependent_conformance(&mut self) -> N {
        self.pop_if(|k| {
            matches!(
                k,
                K::DependentProtocolConformanceRoot
                    | K::DependentProtocolConformanceInherited
                    | K::DependentProtocolConformanceAssociated
            )
        })
    }

    /// `demangleDependentProtocolConformanceRoot`.
    pub(super) fn dependent_conformance_root(&mut self) -> N {
        let index = self.dependent_conformance_index();
        let proto = self.pop_protocol();
        let ty = self.pop_kind(K::Type);
        self.with(K::DependentProtocolConformanceRoot, &[ty, proto, index])
    }

    /// `demangleDependentProtocolConformanceInherited`.
    pub(super) fn dependent_conformance_inherited(&mut self) -> N {
        let index = self.dependent_conformance_index();
        let proto = self.pop_protocol();
        let nested = self.pop_dependent_conformance();
        self.with(
            K::DependentProtocolConformanceInherited,
            &[nested, proto, index],
        )
    }

    /// `demangleDependentProtocolConformanceAssociated`.
    pub(super) fn dependent_conformance_associated(&mut self) -> N {
        let index = self.dependent_conformance_index();
        // `popDependentAssociatedConformance`.
        let proto = self.pop_protocol();
        let ty = self.pop_kind(K::Type);
        let associated = self.with(K::DependentAssociatedConformance, &[ty, proto]);
        let nested = self.pop_dependent_conformance();
        self.with(
            K::DependentProtocolConformanceAssociated,
            &[nested, associated, index],
        )
    }

    /// `demangleDependentConformanceIndex`.
    pub(super) fn dependent_conformance_index(&mut self) -> N {
        let index = self.index();
        if index <= 0 {
            return None;
        }
        if index == 1 {
            return Some(self.node(K::UnknownIndex));
        }
        Some(self.index_node(K::Index, (index - 2) as u64))
    }

    /// `demangleDependentProtocolConformanceOpaque`.
    pub(super) fn dependent_conformance_opaque(&mut self) -> N {
        let ty = self.pop_kind(K::Type);
        let conformance = self.pop_dependent_conformance();
        self.with(K::DependentProtocolConformanceOpaque, &[conformance, ty])
    }

    /// `demangleRetroactiveConformance`.
    pub(super) fn retroactive_conformance(&mut self) -> N {
        let index = self.index_as_node();
        let conformance = self.pop_any_conformance();
        self.with(K::RetroactiveConformance, &[index, conformance])
    }

    /// `popRetroactiveConformances`.
    pub(super) fn pop_retroactive_conformances(&mut self) -> N {
        let mut list = None;
        while let Some(conformance) = self.pop_kind(K::RetroactiveConformance) {
            let node = *list.get_or_insert_with(|| self.node(K::TypeList));
            self.tree.push_child(node, conformance);
        }
        if let Some(node) = list {
            self.tree.reverse_children(node, 0);
        }
        list
    }

    /// `demangleBoundGenerics`: the type lists, innermost first, and the
    /// retroactive conformances.
    pub(super) fn bound_generics(&mut self) -> Option<(Vec<Id>, N)> {
        let retroactive = self.pop_retroactive_conformances();
        let mut lists = Vec::new();
        loop {
            let list = self.node(K::TypeList);
            lists.push(list);
            while let Some(ty) = self.pop_kind(K::Type) {
                self.tree.push_child(list, ty);
            }
            self.tree.reverse_children(list, 0);
            if self.pop_kind(K::EmptyList).is_some() {
                break;
            }
            self.pop_kind(K::FirstElementMarker)?;
        }
        Some((lists, retroactive))
    }

    /// `demangleBoundGenericType`.
    pub(super) fn bound_generic_type(&mut self) -> N {
        let (lists, retroactive) = self.bound_generics()?;
        let nominal = self.pop_type_any_generic()?;
        let bound = self.bound_generic_args(nominal, &lists, 0)?;
        if retroactive.is_some() {
            self.add(Some(bound), retroactive);
        }
        let ty = self.ty(Some(bound));
        self.add_subst(ty);
        ty
    }

    /// `demangleBoundGenericArgs`: the lists applied from the outermost
    /// generic context in.
    pub(super) fn bound_generic_args(&mut self, nominal: Id, lists: &[Id], index: usize) -> N {
        self.depth += 1;
        if self.depth > self.limit {
            self.stop = Some(Stop::TooDeep);
            return None;
        }
        let result = self.bound_generic_args_at(nominal, lists, index);
        self.depth -= 1;
        result
    }

    pub(super) fn bound_generic_args_at(
        &mut self,
        nominal: Id,
        lists: &[Id],
        mut index: usize,
    ) -> N {
        if index >= lists.len() {
            return None;
        }
        let kind = self.tree.kind(nominal);
        if matches!(
            kind,
            K::TypeSymbolicReference | K::ProtocolSymbolicReference
        ) {
            let remaining = self.node(K::TypeList);
            for &list in lists[index..].iter().rev() {
                for child in self.tree.children(list).to_vec() {
                    self.tree.push_child(remaining, child);
                }
            }
            let ty = self.ty(Some(nominal));
            return self.with(K::BoundGenericOtherNominalType, &[ty, Some(remaining)]);
        }
        let context = self.child(nominal, 0)?;
        // `nodeConsumesGenericArgs`.
        let consumes = !matches!(
            kind,
            K::Variable
                | K::Subscript
                | K::ImplicitClosure
                | K::ExplicitClosure
                | K::DefaultArgumentInitializer
                | K::Initializer
                | K::PropertyWrapperBackingInitializer
                | K::PropertyWrapperInitFromProjectedValue
                | K::Static
        );
        let args = lists[index];
        if consumes {
            index += 1;
        }
        let mut nominal = nominal;
        if index < lists.len() {
            let parent = if self.tree.kind(context) == K::Extension {
                let extended = self.child(context, 1)?;
                let bound = self.bound_generic_args(extended, lists, index);
                let module = self.child(context, 0);
                let parent = self.with(K::Extension, &[module, bound]);
                if self.tree.len(context) == 3 {
                    let signature = self.child(context, 2);
                    self.add(parent, signature);
                }
                parent
            } else {
                self.bound_generic_args(context, lists, index)
            };
            let new = self.with1(kind, parent)?;
            for i in 1..self.tree.len(nominal) {
                let child = self.tree.children(nominal)[i];
                self.tree.push_child(new, child);
            }
            nominal = new;
        }
        if !consumes || self.tree.len(args) == 0 {
            return Some(nominal);
        }
        let bound_kind = match self.tree.kind(nominal) {
            K::Class => K::BoundGenericClass,
            K::Structure => K::BoundGenericStructure,
            K::Enum => K::BoundGenericEnum,
            K::Protocol => K::BoundGenericProtocol,
            K::OtherNominalType => K::BoundGenericOtherNominalType,
            K::TypeAlias => K::BoundGenericTypeAlias,
            K::Function | K::Constructor => {
                return self.with(K::BoundGenericFunction, &[Some(nominal), Some(args)]);
            }
            _ => return None,
        };
        let ty = self.ty(Some(nominal));
        self.with(bound_kind, &[ty, Some(args)])
    }

    // -- Metadata, archetypes, associated types --

    /// `demangleMetatype`.
    pub(super) fn metatype(&mut self) -> N {
        let popped = |d: &mut Self, kind| d.with_popped_type(kind);
        match self.next() {
            b'a' => popped(self, K::TypeMetadataAccessFunction),
            b'A' => {
                let conf = self.pop_protocol_conformance();
                self.with1(K::ReflectionMetadataAssocTypeDescriptor, conf)
            }
            b'b' => popped(
                self,
                K::CanonicalSpecializedGenericTypeMetadataAccessFunction,
            ),
            b'B' => popped(self, K::ReflectionMetadataBuiltinDescriptor),
            b'c' => {
                let conf = self.pop_protocol_conformance();
                self.with1(K::ProtocolConformanceDescriptor, conf)
            }
            b'C' => {
                let ty = self.pop_kind(K::Type)?;
                let child = self.child(ty, 0)?;
                if !is_any_generic(self.tree.kind(child)) {
                    return None;
                }
                self.with1(K::ReflectionMetadataSuperclassDescriptor, Some(child))
            }
            b'D' => popped(self, K::TypeMetadataDemanglingCache),
            b'f' => popped(self, K::FullTypeMetadata),
            b'F' => popped(self, K::ReflectionMetadataFieldDescriptor),
            b'g' => self.with_popped(K::OpaqueTypeDescriptorAccessor),
            b'h' => self.with_popped(K::OpaqueTypeDescriptorAccessorImpl),
            b'i' => popped(self, K::TypeMetadataInstantiationFunction),
            b'I' => popped(self, K::TypeMetadataInstantiationCache),
            b'j' => self.with_popped(K::OpaqueTypeDescriptorAccessorKey),
            b'J' => self.with_popped(K::NoncanonicalSpecializedGenericTypeMetadataCache),
            b'k' => self.with_popped(K::OpaqueTypeDescriptorAccessorVar),
            b'K' => self.with_popped(K::MetadataInstantiationCache),
            b'l' => popped(self, K::TypeMetadataSingletonInitializationCache),
            b'L' => popped(self, K::TypeMetadataLazyCache),
            b'm' => popped(self, K::Metaclass),
            b'M' => popped(self, K::CanonicalSpecializedGenericMetaclass),
            b'n' => popped(self, K::NominalTypeDescriptor),
            b'N' => popped(self, K::NoncanonicalSpecializedGenericTypeMetadata),
            b'o' => popped(self, K::ClassMetadataBaseOffset),
            b'p' => {
                let proto = self.pop_protocol();
                self.with1(K::ProtocolDescriptor, proto)
            }
            b'P' => popped(self, K::GenericTypeMetadataPattern),
            b'q' => self.with_popped(K::Uniquable),
            b'Q' => self.with_popped(K::OpaqueTypeDescriptor),
            b'r' => popped(self, K::TypeMetadataCompletionFunction),
            b's' => popped(self, K::ObjCResilientClassStub),
            b'S' => {
                let proto = self.pop_protocol();
                self.with1(K::ProtocolSelfConformanceDescriptor, proto)
            }
            b't' => popped(self, K::FullObjCResilientClassStub),
            b'u' => popped(self, K::MethodLookupFunction),
            b'U' => popped(self, K::ObjCMetadataUpdateFunction),
            b'V' => {
                let entity = self.pop_if(is_entity);
                self.with1(K::PropertyDescriptor, entity)
            }
            b'X' => self.private_context_descriptor(),
            b'z' => popped(self, K::CanonicalPrespecializedGenericTypeCachingOnceToken),
            _ => None,
        }
    }

    /// `createWithChild(kind, popNode())`.
    pub(super) fn with_popped(&mut self, kind: Kind) -> N {
        let node = self.pop();
        self.with1(kind, node)
    }

    /// `demanglePrivateContextDescriptor`.
    pub(super) fn private_context_descriptor(&mut self) -> N {
        match self.next() {
            b'E' => {
                let ext = self.pop_context();
                self.with1(K::ExtensionDescriptor, ext)
            }
            b'M' => {
                let module = self.pop_module();
                self.with1(K::ModuleDescriptor, module)
            }
            b'Y' => {
                let discriminator = self.pop()?;
                let context = self.pop_context()?;
                self.with(
                    K::AnonymousDescriptor,
                    &[Some(context), Some(discriminator)],
                )
            }
            b'X' => {
                let context = self.pop_context();
                self.with1(K::AnonymousDescriptor, context)
            }
            b'A' => {
                let path = self.pop_assoc_type_path()?;
                let base = self.pop_kind(K::Type)?;
                self.with(K::AssociatedTypeGenericParamRef, &[Some(base), Some(path)])
            }
            _ => None,
        }
    }

    /// `demangleArchetype`.
    pub(super) fn archetype(&mut self) -> N {
        match self.next() {
            b'a' => {
                let ident = self.pop_kind(K::Identifier);
                let archetype = self.pop_type_child();
                let node = self.with(K::AssociatedTypeRef, &[archetype, ident]);
                let ty = self.ty(node);
                self.add_subst(ty);
                ty
            }
            b'O' => {
                let context = self.pop_context();
                self.with1(K::OpaqueReturnTypeOf, context)
            }
            b'o' => self.opaque_type(),
            b'r' => {
                let node = self.node(K::OpaqueReturnType);
                self.ty(Some(node))
            }
            b'R' => {
                let ordinal = self.index();
                if ordinal < 0 {
                    return None;
                }
                let index = Some(self.index_node(K::OpaqueReturnTypeIndex, ordinal as u64));
                let node = self.with1(K::OpaqueReturnType, index);
                self.ty(node)
            }
            // An associated type, simple (lower case) or compound, of the
            // base on the stack (`x`), of a generic parameter (`y`), or of
            // the first one (`z`). A base that does not parse is null, and
            // then taken from the stack, as in Swift.
            c @ (b'x' | b'X' | b'y' | b'Y' | b'z' | b'Z') => {
                let base = match c.to_ascii_lowercase() {
                    b'x' => None,
                    b'y' => self.generic_param_index(),
                    _ => self.dependent_generic_param(0, 0),
                };
                let ty = if c.is_ascii_lowercase() {
                    self.associated_type_simple(base)
                } else {
                    self.associated_type_compound(base)
                };
                self.add_subst(ty);
                ty
            }
            b'p' => {
                let count = self.pop_type_child();
                let pattern = self.pop_type_child();
                let node = self.with(K::PackExpansion, &[pattern, count]);
                self.ty(node)
            }
            b'e' => {
                let pack = self.pop_type_child();
                let level = self.index();
                if level < 0 {
                    return None;
                }
                let level = Some(self.index_node(K::PackElementLevel, level as u64));
                let node = self.with(K::PackElement, &[pack, level]);
                self.ty(node)
            }
            b'P' => self.pop_pack(),
            b'S' => self.pop_sil_pack(),
            _ => None,
        }
    }

    /// `Qo <index>`: an opaque type, by its declaration's name and index,
    /// with its bound generic arguments; a candidate.
    fn opaque_type(&mut self) -> N {
        let index = self.index();
        let (lists, retroactive) = self.bound_generics()?;
        let name = self.pop()?;
        let index = Some(self.index_node(K::Index, index as u64));
        let opaque = self.with(K::OpaqueType, &[Some(name), index]);
        let bound = self.node(K::TypeList);
        for &list in lists.iter().rev() {
            self.tree.push_child(bound, list);
        }
        self.add(opaque, Some(bound));
        if retroactive.is_some() {
            self.add(opaque, retroactive);
        }
        let ty = self.ty(opaque);
        self.add_subst(ty);
        ty
    }

    /// `demangleAssociatedTypeSimple`: with no base, the base is popped.
    pub(super) fn associated_type_simple(&mut self, base: N) -> N {
        let name = self.pop_assoc_type_name();
        let base = match base {
            Some(b) => self.ty(Some(b)),
            None => self.pop_kind(K::Type),
        };
        let node = self.with(K::DependentMemberType, &[base, name]);
        self.ty(node)
    }

    /// `demangleAssociatedTypeCompound`.
    pub(super) fn associated_type_compound(&mut self, base: N) -> N {
        let mut names = Vec::new();
        loop {
            let first = self.pop_kind(K::FirstElementMarker).is_some();
            names.push(self.pop_assoc_type_name()?);
            if first {
                break;
            }
        }
        let mut base = match base {
            Some(b) => self.ty(Some(b)),
            None => self.pop_kind(K::Type),
        };
        while let Some(name) = names.pop() {
            let member = Some(self.node(K::DependentMemberType));
            let member = self.add(member, base);
            let member = self.add(member, Some(name));
            base = self.ty(member);
        }
        base
    }

    /// `popAssocTypeName`.
    pub(super) fn pop_assoc_type_name(&mut self) -> N {
        let mut proto = self.pop_kind(K::Type);
        if let Some(p) = proto {
            if !self.is_protocol_node(p) {
                return None;
            }
        }
        if proto.is_none() {
            proto = self.pop_kind(K::ProtocolSymbolicReference);
        }
        if proto.is_none() {
            proto = self.pop_kind(K::ObjectiveCProtocolSymbolicReference);
        }
        let ident = self.pop_kind(K::Identifier);
        let node = self.with1(K::DependentAssociatedTypeRef, ident);
        if proto.is_some() {
            self.add(node, proto);
        }
        node
    }

    /// `popAssocTypePath`.
    pub(super) fn pop_assoc_type_path(&mut self) -> N {
        let path = self.node(K::AssocTypePath);
        loop {
            let first = self.pop_kind(K::FirstElementMarker).is_some();
            let name = self.pop_assoc_type_name()?;
            self.tree.push_child(path, name);
            if first {
                break;
            }
        }
        self.tree.reverse_children(path, 0);
        Some(path)
    }

    /// `getDependentGenericParamType`.
    pub(super) fn dependent_generic_param(&mut self, depth: i64, index: i64) -> N {
        if depth < 0 || index < 0 {
            return None;
        }
        let param = self.node(K::DependentGenericParamType);
        let depth = self.index_node(K::Index, depth as u64);
        let index = self.index_node(K::Index, index as u64);
        self.tree.push_child(param, depth);
        self.tree.push_child(param, index);
        Some(param)
    }

    /// `demangleGenericParamIndex`.
    pub(super) fn generic_param_index(&mut self) -> N {
        if self.next_if(b'd') {
            let depth = self.index() + 1;
            let index = self.index();
            return self.dependent_generic_param(depth, index);
        }
        if self.next_if(b'z') {
            return self.dependent_generic_param(0, 0);
        }
        if self.next_if(b's') {
            return Some(self.node(K::ConstrainedExistentialSelf));
        }
        let index = self.index() + 1;
        self.dependent_generic_param(0, index)
    }

    /// `popProtocolConformance`.
    pub(super) fn pop_protocol_conformance(&mut self) -> N {
        let signature = self.pop_kind(K::DependentGenericSignature);
        let module = self.pop_module();
        let proto = self.pop_protocol();
        let mut ty = self.pop_kind(K::Type);
        let mut ident = None;
        if ty.is_none() {
            ident = self.pop_kind(K::Identifier);
            ty = self.pop_kind(K::Type);
        }
        if signature.is_some() {
            let generic = self.with(K::DependentGenericType, &[signature, ty]);
            ty = self.ty(generic);
        }
        let conformance = self.with(K::ProtocolConformance, &[ty, proto, module]);
        if ident.is_some() {
            self.add(conformance, ident);
        }
        conformance
    }
}
