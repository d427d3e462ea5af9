//! Entities, witnesses, special types and generic signatures of
//! `Demangler.cpp`: `demangleFunctionEntity`, `demangleEntity`,
//! `demangleVariable`, `demangleSubscript`, `demangleAccessor`,
//! `demangleWitness`, `demangleSpecialType`, `demangleGenericSignature`,
//! `demangleGenericRequirement`, `demangleValueWitness`,
//! `demangleMacroExpansion`, `demangleIntegerType`.

use super::{is_decl_name, is_entity, is_requirement, Demangler, Kind, N};
use crate::swift::nodes::VALUE_WITNESSES;

use Kind as K;

/// What a generic requirement constrains (`demangleGenericRequirement`'s
/// `TypeKind`).
#[derive(Clone, Copy, PartialEq)]
enum Constrained {
    Generic,
    Assoc,
    CompoundAssoc,
    Substitution,
}

/// What a generic requirement requires (`demangleGenericRequirement`'s
/// `ConstraintKind`).
#[derive(Clone, Copy, PartialEq)]
enum Constraint {
    Protocol,
    BaseClass,
    SameType,
    SameShape,
    Layout,
    PackMarker,
    Inverse,
    ValueMarker,
}

impl Demangler<'_> {
    /// `demangleWitness`.
    pub(super) fn witness(&mut self) -> N {
        let c = self.next();
        match c {
            b'C' => self.entity_attr(K::EnumCase),
            b'V' => self.with_popped_type(K::ValueWitnessTable),
            b'v' => {
                let directness = match self.next() {
                    b'd' => 0,
                    b'i' => 1,
                    _ => return None,
                };
                let directness = Some(self.index_node(K::Directness, directness));
                let entity = self.pop_if(is_entity);
                self.with(K::FieldOffset, &[directness, entity])
            }
            b'S' => {
                let proto = self.pop_protocol();
                self.with1(K::ProtocolSelfConformanceWitnessTable, proto)
            }
            b'P' | b'p' | b'G' | b'I' | b'r' | b'a' => {
                let kind = match c {
                    b'P' => K::ProtocolWitnessTable,
                    b'p' => K::ProtocolWitnessTablePattern,
                    b'G' => K::GenericProtocolWitnessTable,
                    b'I' => K::GenericProtocolWitnessTableInstantiationFunction,
                    b'r' => K::ResilientProtocolWitnessTable,
                    _ => K::ProtocolWitnessTableAccessor,
                };
                let conformance = self.pop_protocol_conformance();
                self.with1(kind, conformance)
            }
            b'l' | b'L' => {
                let conformance = self.pop_protocol_conformance();
                let ty = self.pop_kind(K::Type);
                let kind = if c == b'l' {
                    K::LazyProtocolWitnessTableAccessor
                } else {
                    K::LazyProtocolWitnessTableCacheVariable
                };
                self.with(kind, &[ty, conformance])
            }
            b't' => {
                let name = self.pop_if(is_decl_name);
                let conformance = self.pop_protocol_conformance();
                self.with(K::AssociatedTypeMetadataAccessor, &[conformance, name])
            }
            b'T' => {
                let proto = self.pop_kind(K::Type);
                let path = self.pop_assoc_type_path();
                let conformance = self.pop_protocol_conformance();
                self.with(
                    K::AssociatedTypeWitnessTableAccessor,
                    &[conformance, path, proto],
                )
            }
            b'b' => {
                let proto = self.pop_kind(K::Type);
                let conformance = self.pop_protocol_conformance();
                self.with(K::BaseWitnessTableAccessor, &[conformance, proto])
            }
            b'O' => self.outlined_operation(),
            b'Z' | b'z' => {
                let list = self.node(K::GlobalVariableOnceDeclList);
                let mut vars = Vec::new();
                while self.pop_kind(K::FirstElementMarker).is_some() {
                    vars.push(self.pop_if(is_decl_name)?);
                }
                for &var in vars.iter().rev() {
                    self.tree.push_child(list, var);
                }
                let context = self.pop_context()?;
                let kind = if c == b'Z' {
                    K::GlobalVariableOnceFunction
                } else {
                    K::GlobalVariableOnceToken
                };
                self.with(kind, &[Some(context), Some(list)])
            }
            b'J' => self.differentiability_witness(),
            _ => None,
        }
    }

    /// The outlined value operations (`WO` of `demangleWitness`): a type,
    /// and a generic signature if one is on the stack.
    pub(super) fn outlined_operation(&mut self) -> N {
        let c = self.next();
        let kind = match c {
            b'B' => K::OutlinedInitializeWithTakeNoValueWitness,
            b'C' => K::OutlinedInitializeWithCopyNoValueWitness,
            b'D' => K::OutlinedAssignWithTakeNoValueWitness,
            b'F' => K::OutlinedAssignWithCopyNoValueWitness,
            b'H' => K::OutlinedDestroyNoValueWitness,
            b'y' => K::OutlinedCopy,
            b'e' => K::OutlinedConsume,
            b'r' => K::OutlinedRetain,
            b's' => K::OutlinedRelease,
            b'b' => K::OutlinedInitializeWithTake,
            b'c' => K::OutlinedInitializeWithCopy,
            b'd' => K::OutlinedAssignWithTake,
            b'f' => K::OutlinedAssignWithCopy,
            b'h' => K::OutlinedDestroy,
            b'g' => K::OutlinedEnumGetTag,
            b'i' => K::OutlinedEnumTagStore,
            b'j' => K::OutlinedEnumProjectDataForLoad,
            _ => return None,
        };
        let case = if matches!(c, b'i' | b'j') {
            Some(self.index_as_node())
        } else {
            None
        };
        let signature = self.pop_kind(K::DependentGenericSignature);
        let ty = self.pop_kind(K::Type);
        let mut children = vec![ty];
        if signature.is_some() {
            children.push(signature);
        }
        if let Some(case) = case {
            children.push(case);
        }
        self.with(kind, &children)
    }

    /// `demangleSpecialType`.
    pub(super) fn special_type(&mut self) -> N {
        let c = self.next();
        match c {
            b'E' => self.pop_function_type(K::NoEscapeFunctionType, false),
            b'A' => self.pop_function_type(K::EscapingAutoClosureType, false),
            b'f' => self.pop_function_type(K::ThinFunctionType, false),
            b'K' => self.pop_function_type(K::AutoClosureType, false),
            b'U' => self.pop_function_type(K::UncurriedFunctionType, false),
            b'L' => self.pop_function_type(K::EscapingObjCBlock, false),
            b'B' => self.pop_function_type(K::ObjCBlock, false),
            b'C' => self.pop_function_type(K::CFunctionPointer, false),
            b'g' | b'G' => self.extended_existential_shape(c == b'G'),
            b'j' => self.symbolic_extended_existential_type(),
            b'z' => match self.next() {
                b'B' => self.pop_function_type(K::ObjCBlock, true),
                b'C' => self.pop_function_type(K::CFunctionPointer, true),
                _ => None,
            },
            b'o' | b'u' | b'w' | b'b' | b'D' => self.storage_type(c),
            b'M' | b'm' => self.metatype_with_representation(c == b'M'),
            b'P' => {
                let requirements = self.constrained_existential_requirements();
                let base = self.pop_kind(K::Type);
                let node = self.with(K::ConstrainedExistential, &[base, requirements]);
                self.ty(node)
            }
            b'p' => {
                let ty = self.pop_kind(K::Type);
                let node = self.with1(K::ExistentialMetatype, ty);
                self.ty(node)
            }
            b'c' => {
                let superclass = self.pop_kind(K::Type);
                let protocols = self.protocol_list();
                let node = self.with(K::ProtocolListWithClass, &[protocols, superclass]);
                self.ty(node)
            }
            b'l' => {
                let protocols = self.protocol_list();
                let node = self.with1(K::ProtocolListWithAnyObject, protocols);
                self.ty(node)
            }
            b'X' | b'x' => self.sil_box_type(c == b'X'),
            b'Y' => self.any_generic_type(K::OtherNominalType),
            b'Z' => self.anonymous_context(),
            b'e' => {
                let node = self.node(K::ErrorType);
                self.ty(Some(node))
            }
            b'S' => self.sugared_type(),
            _ => None,
        }
    }

    /// `Xg`, `XG`: an extended existential type's shape, with a generic
    /// signature (`G`) or not.
    fn extended_existential_shape(&mut self, with_signature: bool) -> N {
        let ty = self.pop_kind(K::Type);
        let signature = if with_signature {
            self.pop_kind(K::DependentGenericSignature)
        } else {
            None
        };
        match signature {
            Some(_) => self.with(K::ExtendedExistentialTypeShape, &[signature, ty]),
            None => self.with1(K::ExtendedExistentialTypeShape, ty),
        }
    }

    /// `Xo`, `Xu`, `Xw`, `Xb`, `XD`: an unowned, unmanaged or weak
    /// reference, a SIL box, a dynamic `Self`, around a type.
    fn storage_type(&mut self, c: u8) -> N {
        let kind = match c {
            b'o' => K::Unowned,
            b'u' => K::Unmanaged,
            b'w' => K::Weak,
            b'b' => K::SILBoxType,
            _ => K::DynamicSelf,
        };
        let ty = self.pop_kind(K::Type);
        let node = self.with1(kind, ty);
        self.ty(node)
    }

    /// `XM`, `Xm`: a metatype or existential metatype with its
    /// representation.
    fn metatype_with_representation(&mut self, concrete: bool) -> N {
        let representation = self.metatype_representation();
        let ty = self.pop_kind(K::Type);
        let kind = if concrete {
            K::Metatype
        } else {
            K::ExistentialMetatype
        };
        let node = self.with(kind, &[representation, ty]);
        self.ty(node)
    }

    /// `XZ`: an anonymous context: its name, parent and generic arguments.
    fn anonymous_context(&mut self) -> N {
        let types = self.pop_type_list();
        let name = self.pop_kind(K::Identifier);
        let parent = self.pop_context();
        let anon = Some(self.node(K::AnonymousContext));
        let anon = self.add(anon, name);
        let anon = self.add(anon, parent);
        self.add(anon, types)
    }

    /// `XSq`, `XSa`, `XSA`, `XSD`, `XSp`: sugar for an optional, an
    /// array, an inline array, a dictionary, parentheses.
    fn sugared_type(&mut self) -> N {
        let (kind, two) = match self.next() {
            b'q' => (K::SugaredOptional, false),
            b'a' => (K::SugaredArray, false),
            b'A' => (K::SugaredInlineArray, true),
            b'D' => (K::SugaredDictionary, true),
            b'p' => (K::SugaredParen, false),
            _ => return None,
        };
        let first = self.pop_kind(K::Type);
        let node = if two {
            let second = self.pop_kind(K::Type);
            self.with(kind, &[second, first])
        } else {
            self.with1(kind, first)
        };
        self.ty(node)
    }

    /// The SIL box types (`Xx`, `XX` of `demangleSpecialType`).
    pub(super) fn sil_box_type(&mut self, generic: bool) -> N {
        let (mut signature, mut args) = (None, None);
        if generic {
            signature = Some(self.pop_kind(K::DependentGenericSignature)?);
            args = Some(self.pop_type_list()?);
        }
        let fields = self.pop_type_list()?;
        let layout = self.node(K::SILBoxLayout);
        for field in self.tree.children(fields).to_vec() {
            let inner = self.child(field, 0)?;
            let (kind, field_ty) = if self.tree.kind(inner) == K::InOut {
                let inner_child = self.child(inner, 0);
                (K::SILBoxMutableField, self.ty(inner_child)?)
            } else {
                (K::SILBoxImmutableField, field)
            };
            let node = self.node(kind);
            self.tree.push_child(node, field_ty);
            self.tree.push_child(layout, node);
        }
        let box_ty = self.node(K::SILBoxTypeWithLayout);
        self.tree.push_child(box_ty, layout);
        if let (Some(signature), Some(args)) = (signature, args) {
            self.tree.push_child(box_ty, signature);
            self.tree.push_child(box_ty, args);
        }
        self.ty(Some(box_ty))
    }

    /// `demangleSymbolicExtendedExistentialType`: its shape is a symbolic
    /// reference, which this demangler never has (see
    /// `symbolic_reference`).
    pub(super) fn symbolic_extended_existential_type(&mut self) -> N {
        None
    }

    /// `demangleMetatypeRepresentation`.
    pub(super) fn metatype_representation(&mut self) -> N {
        let text: &[u8] = match self.next() {
            b't' => b"@thin",
            b'T' => b"@thick",
            b'o' => b"@objc_metatype",
            _ => return None,
        };
        Some(self.text_node(K::MetatypeRepresentation, text))
    }

    /// `demangleAccessor`.
    pub(super) fn accessor(&mut self, child: N) -> N {
        let kind = match self.next() {
            b'm' => K::MaterializeForSet,
            b's' => K::Setter,
            b'g' => K::Getter,
            b'G' => K::GlobalGetter,
            b'w' => K::WillSet,
            b'W' => K::DidSet,
            b'r' => K::ReadAccessor,
            b'y' => K::Read2Accessor,
            b'M' => K::ModifyAccessor,
            b'x' => K::Modify2Accessor,
            b'i' => K::InitAccessor,
            b'a' => match self.next() {
                b'O' => K::OwningMutableAddressor,
                b'o' => K::NativeOwningMutableAddressor,
                b'P' => K::NativePinningMutableAddressor,
                b'u' => K::UnsafeMutableAddressor,
                _ => return None,
            },
            b'l' => match self.next() {
                b'O' => K::OwningAddressor,
                b'o' => K::NativeOwningAddressor,
                b'p' => K::NativePinningAddressor,
                b'u' => K::UnsafeAddressor,
                _ => return None,
            },
            // The variable or subscript itself.
            b'p' => return child,
            _ => return None,
        };
        self.with1(kind, child)
    }

    /// `demangleFunctionEntity`.
    pub(super) fn function_entity(&mut self) -> N {
        enum Args {
            None,
            TypeAndMaybePrivateName,
            TypeAndIndex,
            Index,
        }
        let (args, kind) = match self.next() {
            b'D' => (Args::None, K::Deallocator),
            b'd' => (Args::None, K::Destructor),
            b'Z' => (Args::None, K::IsolatedDeallocator),
            b'E' => (Args::None, K::IVarDestroyer),
            b'e' => (Args::None, K::IVarInitializer),
            b'i' => (Args::None, K::Initializer),
            b'C' => (Args::TypeAndMaybePrivateName, K::Allocator),
            b'c' => (Args::TypeAndMaybePrivateName, K::Constructor),
            b'U' => (Args::TypeAndIndex, K::ExplicitClosure),
            b'u' => (Args::TypeAndIndex, K::ImplicitClosure),
            b'A' => (Args::Index, K::DefaultArgumentInitializer),
            b'm' => return self.entity(K::Macro),
            b'M' => return self.macro_expansion(),
            b'p' => return self.entity(K::GenericTypeParamDecl),
            b'P' => (Args::None, K::PropertyWrapperBackingInitializer),
            b'W' => (Args::None, K::PropertyWrapperInitFromProjectedValue),
            _ => return None,
        };
        let (mut name_or_index, mut param_type, mut labels) = (None, None, None);
        match args {
            Args::None => {}
            Args::TypeAndMaybePrivateName => {
                name_or_index = self.pop_kind(K::PrivateDeclName);
                param_type = self.pop_kind(K::Type);
                labels = self.pop_function_param_labels(param_type);
            }
            Args::TypeAndIndex => {
                name_or_index = self.index_as_node();
                param_type = self.pop_kind(K::Type);
            }
            Args::Index => name_or_index = self.index_as_node(),
        }
        let context = self.pop_context();
        let entity = self.with1(kind, context);
        match args {
            Args::None => entity,
            Args::Index => self.add(entity, name_or_index),
            Args::TypeAndMaybePrivateName => {
                self.add(entity, labels);
                let entity = self.add(entity, param_type);
                self.add(entity, name_or_index);
                entity
            }
            Args::TypeAndIndex => {
                let entity = self.add(entity, name_or_index);
                self.add(entity, param_type)
            }
        }
    }

    /// `demangleEntity`.
    pub(super) fn entity(&mut self, kind: Kind) -> N {
        let ty = self.pop_kind(K::Type);
        let labels = self.pop_function_param_labels(ty);
        let name = self.pop_if(is_decl_name);
        let context = self.pop_context();
        match labels {
            Some(_) => self.with(kind, &[context, name, labels, ty]),
            None => self.with(kind, &[context, name, ty]),
        }
    }

    /// `demangleVariable`.
    pub(super) fn variable(&mut self) -> N {
        let variable = self.entity(K::Variable);
        self.accessor(variable)
    }

    /// `demangleSubscript`.
    pub(super) fn subscript(&mut self) -> N {
        let private_name = self.pop_kind(K::PrivateDeclName);
        let ty = self.pop_kind(K::Type);
        let labels = self.pop_function_param_labels(ty);
        let context = self.pop_context();
        ty?;
        let subscript = Some(self.node(K::Subscript));
        let subscript = self.add(subscript, context);
        self.add(subscript, labels);
        let subscript = self.add(subscript, ty);
        self.add(subscript, private_name);
        self.accessor(subscript)
    }

    /// `demangleProtocolList`.
    pub(super) fn protocol_list(&mut self) -> N {
        let list = self.node(K::TypeList);
        let protocols = self.with1(K::ProtocolList, Some(list));
        if self.pop_kind(K::EmptyList).is_none() {
            loop {
                let first = self.pop_kind(K::FirstElementMarker).is_some();
                let proto = self.pop_protocol()?;
                self.tree.push_child(list, proto);
                if first {
                    break;
                }
            }
            self.tree.reverse_children(list, 0);
        }
        protocols
    }

    /// `demangleConstrainedExistentialRequirementList`.
    pub(super) fn constrained_existential_requirements(&mut self) -> N {
        let list = self.node(K::ConstrainedExistentialRequirementList);
        loop {
            let first = self.pop_kind(K::FirstElementMarker).is_some();
            let requirement = self.pop_if(is_requirement)?;
            self.tree.push_child(list, requirement);
            if first {
                break;
            }
        }
        self.tree.reverse_children(list, 0);
        Some(list)
    }

    /// `demangleGenericSignature`.
    pub(super) fn generic_signature(&mut self, param_counts: bool) -> N {
        let signature = self.node(K::DependentGenericSignature);
        if param_counts {
            while !self.next_if(b'l') {
                let count = if self.next_if(b'z') {
                    0
                } else {
                    self.index() + 1
                };
                if count < 0 {
                    return None;
                }
                let node = self.index_node(K::DependentGenericParamCount, count as u64);
                self.tree.push_child(signature, node);
            }
        } else {
            let node = self.index_node(K::DependentGenericParamCount, 1);
            self.tree.push_child(signature, node);
        }
        let counts = self.tree.len(signature);
        while let Some(requirement) = self.pop_if(is_requirement) {
            self.tree.push_child(signature, requirement);
        }
        self.tree.reverse_children(signature, counts);
        Some(signature)
    }

    /// `demangleGenericRequirement`.
    pub(super) fn generic_requirement(&mut self) -> N {
        let (constraint, ty_kind, inverse) = self.requirement_kind()?;
        let constrained = self.constrained_type(ty_kind);
        self.requirement(constraint, constrained, inverse)
    }

    /// The requirement's letter: what it constrains, and how (an inverse
    /// requirement's index read with it).
    fn requirement_kind(&mut self) -> Option<(Constraint, Constrained, N)> {
        use Constrained as Ty;
        use Constraint as C;
        let mut inverse = None;
        let kinds = match self.next() {
            b'V' => (C::ValueMarker, Ty::Generic),
            b'v' => (C::PackMarker, Ty::Generic),
            b'c' => (C::BaseClass, Ty::Assoc),
            b'C' => (C::BaseClass, Ty::CompoundAssoc),
            b'b' => (C::BaseClass, Ty::Generic),
            b'B' => (C::BaseClass, Ty::Substitution),
            b't' => (C::SameType, Ty::Assoc),
            b'T' => (C::SameType, Ty::CompoundAssoc),
            b's' => (C::SameType, Ty::Generic),
            b'S' => (C::SameType, Ty::Substitution),
            b'm' => (C::Layout, Ty::Assoc),
            b'M' => (C::Layout, Ty::CompoundAssoc),
            b'l' => (C::Layout, Ty::Generic),
            b'L' => (C::Layout, Ty::Substitution),
            b'p' => (C::Protocol, Ty::Assoc),
            b'P' => (C::Protocol, Ty::CompoundAssoc),
            b'Q' => (C::Protocol, Ty::Substitution),
            b'h' => (C::SameShape, Ty::Generic),
            c @ (b'i' | b'I') => {
                inverse = Some(self.index_as_node()?);
                let ty = if c == b'i' {
                    Ty::Generic
                } else {
                    Ty::Substitution
                };
                (C::Inverse, ty)
            }
            _ => {
                self.push_back();
                (C::Protocol, Ty::Generic)
            }
        };
        Some((kinds.0, kinds.1, inverse))
    }

    /// The type a requirement constrains: a generic parameter, an
    /// associated type of one (simple or compound: a candidate), or a
    /// type from the stack.
    fn constrained_type(&mut self, ty_kind: Constrained) -> N {
        match ty_kind {
            Constrained::Generic => {
                let param = self.generic_param_index();
                self.ty(param)
            }
            Constrained::Assoc | Constrained::CompoundAssoc => {
                let base = self.generic_param_index();
                // A null base is taken from the stack, as in Swift.
                let ty = if ty_kind == Constrained::Assoc {
                    self.associated_type_simple(base)
                } else {
                    self.associated_type_compound(base)
                };
                self.add_subst(ty);
                ty
            }
            Constrained::Substitution => self.pop_kind(K::Type),
        }
    }

    /// The requirement on `constrained`, with what it requires from the
    /// stack.
    fn requirement(&mut self, constraint: Constraint, constrained: N, inverse: N) -> N {
        use Constraint as C;
        match constraint {
            C::ValueMarker => {
                let ty = self.pop_kind(K::Type);
                self.with(K::DependentGenericParamValueMarker, &[constrained, ty])
            }
            C::PackMarker => self.with1(K::DependentGenericParamPackMarker, constrained),
            C::Protocol => {
                let proto = self.pop_protocol();
                self.with(
                    K::DependentGenericConformanceRequirement,
                    &[constrained, proto],
                )
            }
            C::Inverse => self.with(
                K::DependentGenericInverseConformanceRequirement,
                &[constrained, inverse],
            ),
            C::BaseClass => {
                let ty = self.pop_kind(K::Type);
                self.with(
                    K::DependentGenericConformanceRequirement,
                    &[constrained, ty],
                )
            }
            C::SameType => {
                let ty = self.pop_kind(K::Type);
                self.with(K::DependentGenericSameTypeRequirement, &[constrained, ty])
            }
            C::SameShape => {
                let ty = self.pop_kind(K::Type);
                self.with(K::DependentGenericSameShapeRequirement, &[constrained, ty])
            }
            C::Layout => self.layout_requirement(constrained),
        }
    }

    /// The layout constraint of `demangleGenericRequirement`.
    pub(super) fn layout_requirement(&mut self, constrained: N) -> N {
        let c = self.next();
        let (mut size, mut alignment) = (None, None);
        match c {
            b'U' | b'R' | b'N' | b'C' | b'D' | b'T' | b'B' => {}
            b'E' | b'M' => {
                size = Some(self.index_as_node()?);
                alignment = self.index_as_node();
            }
            b'e' | b'm' | b'S' => size = Some(self.index_as_node()?),
            _ => return None,
        }
        let name = Some(self.text_node(K::Identifier, &[c]));
        let requirement = self.with(K::DependentGenericLayoutRequirement, &[constrained, name]);
        if size.is_some() {
            self.add(requirement, size);
        }
        if alignment.is_some() {
            self.add(requirement, alignment);
        }
        requirement
    }

    /// `demangleGenericType`.
    pub(super) fn generic_type(&mut self) -> N {
        let signature = self.pop_kind(K::DependentGenericSignature);
        let ty = self.pop_kind(K::Type);
        let node = self.with(K::DependentGenericType, &[signature, ty]);
        self.ty(node)
    }

    /// `demangleValueWitness`.
    pub(super) fn value_witness(&mut self) -> N {
        let code = [self.next(), self.next()];
        let kind = VALUE_WITNESSES.iter().position(|w| **w == code)?;
        let witness = Some(self.node(K::ValueWitness));
        let index = Some(self.index_node(K::Index, kind as u64));
        self.add(witness, index);
        let ty = self.pop_kind(K::Type);
        self.add(witness, ty)
    }

    /// `demangleMacroExpansion`.
    pub(super) fn macro_expansion(&mut self) -> N {
        let (kind, attached, freestanding) = match self.next() {
            b'a' => (K::AccessorAttachedMacroExpansion, true, false),
            b'r' => (K::MemberAttributeAttachedMacroExpansion, true, false),
            b'm' => (K::MemberAttachedMacroExpansion, true, false),
            b'p' => (K::PeerAttachedMacroExpansion, true, false),
            b'c' => (K::ConformanceAttachedMacroExpansion, true, false),
            b'e' => (K::ExtensionAttachedMacroExpansion, true, false),
            b'q' => (K::PreambleAttachedMacroExpansion, true, false),
            b'b' => (K::BodyAttachedMacroExpansion, true, false),
            b'f' => (K::FreestandingMacroExpansion, false, true),
            b'u' => (K::MacroExpansionUniqueName, false, false),
            b'X' => {
                let line = self.index();
                let column = self.index();
                let line = Some(self.index_node(K::Index, line as u64));
                let column = Some(self.index_node(K::Index, column as u64));
                let buffer = self.pop_kind(K::Identifier);
                let module = self.pop_kind(K::Identifier);
                return self.with(K::MacroExpansionLoc, &[module, buffer, line, column]);
            }
            _ => return None,
        };
        let macro_name = self.pop_kind(K::Identifier);
        let private = if freestanding {
            self.pop_kind(K::PrivateDeclName)
        } else {
            None
        };
        let attached_name = if attached {
            self.pop_if(is_decl_name)
        } else {
            None
        };
        let mut context = self.pop_if(|k| {
            matches!(
                k,
                K::AccessorAttachedMacroExpansion
                    | K::MemberAttributeAttachedMacroExpansion
                    | K::FreestandingMacroExpansion
                    | K::MemberAttachedMacroExpansion
                    | K::PeerAttachedMacroExpansion
                    | K::ConformanceAttachedMacroExpansion
                    | K::ExtensionAttachedMacroExpansion
                    | K::MacroExpansionLoc
            )
        });
        if context.is_none() {
            context = self.pop_context();
        }
        let discriminator = self.index_as_node();
        let result = if attached && attached_name.is_some() {
            self.with(kind, &[context, attached_name, macro_name, discriminator])
        } else {
            self.with(kind, &[context, macro_name, discriminator])
        };
        if let (Some(result), Some(private)) = (result, private) {
            self.tree.push_child(result, private);
        }
        result
    }

    /// `demangleIntegerType`: Swift keeps a negative integer's index as its
    /// two's complement.
    pub(super) fn integer_type(&mut self) -> N {
        let node = if self.peek() == b'n' {
            self.pos += 1;
            let value = -self.index();
            self.index_node(K::NegativeInteger, value as u64)
        } else {
            let value = self.index();
            self.index_node(K::Integer, value as u64)
        };
        self.ty(Some(node))
    }
}
