//! The types of `OldDemangler.cpp` (`demangleType` and what it calls):
//! builtin, function, tuple, generic and dependent types, archetypes,
//! generic signatures and requirements, SIL boxes, lowered function types.

use super::{
    is_start_of_identifier, is_start_of_nominal_type, nominal_kind, Convention, OldDemangler, N,
};
use crate::swift::nodes::{Id, Kind};

use Kind as K;

impl OldDemangler<'_, '_> {
    /// `getDependentGenericParamType`.
    pub(super) fn dependent_generic_param(&mut self, depth: u64, index: u64) -> Id {
        let param = self.node(K::DependentGenericParamType);
        let d = self.index_node(K::Index, depth);
        let i = self.index_node(K::Index, index);
        self.add(param, d);
        self.add(param, i);
        param
    }

    /// `demangleGenericParamIndex`.
    pub(super) fn generic_param_index(&mut self) -> N {
        if self.next_if(b'd') {
            let depth = self.index()?.wrapping_add(1);
            let index = self.index()?;
            return Some(self.dependent_generic_param(depth, index));
        }
        if self.next_if(b'x') {
            return Some(self.dependent_generic_param(0, 0));
        }
        let index = self.index()?.wrapping_add(1);
        Some(self.dependent_generic_param(0, index))
    }

    /// `demangleDependentMemberTypeName`.
    pub(super) fn dependent_member_type_name(&mut self, base: Id, depth: u32) -> N {
        let assoc = if self.next_if(b'S') {
            let assoc = self.substitution_index()?;
            if self.tree.kind(assoc) != K::DependentAssociatedTypeRef {
                return None;
            }
            assoc
        } else {
            let proto = if self.next_if(b'P') {
                Some(self.protocol_name(depth + 1)?)
            } else {
                None
            };
            let ident = self.identifier(depth + 1, None)?;
            let assoc = self.with(K::DependentAssociatedTypeRef, ident);
            if let Some(proto) = proto {
                self.add(assoc, proto);
            }
            self.subs.push(assoc);
            assoc
        };
        let member = self.with(K::DependentMemberType, base);
        self.add(member, assoc);
        Some(member)
    }

    /// `demangleAssociatedTypeSimple`.
    pub(super) fn associated_type_simple(&mut self, depth: u32) -> N {
        let base = self.generic_param_index()?;
        let ty = self.with(K::Type, base);
        self.dependent_member_type_name(ty, depth + 1)
    }

    /// `demangleAssociatedTypeCompound`.
    pub(super) fn associated_type_compound(&mut self, depth: u32) -> N {
        let mut base = self.generic_param_index()?;
        while !self.next_if(b'_') {
            let ty = self.with(K::Type, base);
            base = self.dependent_member_type_name(ty, depth + 1)?;
        }
        Some(base)
    }

    /// `demangleDependentType`.
    pub(super) fn dependent_type(&mut self, depth: u32) -> N {
        if self.is_empty() {
            return None;
        }
        let c = self.peek();
        if c != b'd' && c != b'_' && !c.is_ascii_digit() {
            let base = self.ty(depth + 1)?;
            return self.dependent_member_type_name(base, depth + 1);
        }
        self.generic_param_index()
    }

    /// `demangleConstrainedType`.
    pub(super) fn constrained_type(&mut self, depth: u32) -> N {
        let ty = if self.next_if(b'w') {
            self.associated_type_simple(depth + 1)?
        } else if self.next_if(b'W') {
            self.associated_type_compound(depth + 1)?
        } else {
            self.generic_param_index()?
        };
        Some(self.with(K::Type, ty))
    }

    /// `demangleGenericSignature`.
    pub(super) fn generic_signature(&mut self, depth: u32, pseudogeneric: bool) -> N {
        let sig = self.node(if pseudogeneric {
            K::DependentPseudogenericSignature
        } else {
            K::DependentGenericSignature
        });
        let mut count = u64::MAX;
        while self.peek() != b'R' && self.peek() != b'r' {
            count = if self.next_if(b'z') {
                0
            } else {
                self.index()?.wrapping_add(1)
            };
            let node = self.index_node(K::DependentGenericParamCount, count);
            self.add(sig, node);
        }
        if count == u64::MAX {
            let node = self.index_node(K::DependentGenericParamCount, 1);
            self.add(sig, node);
        }
        if self.next_if(b'r') {
            return Some(sig);
        }
        if !self.next_if(b'R') {
            return None;
        }
        while !self.next_if(b'r') {
            let requirement = self.generic_requirement(depth + 1)?;
            self.add(sig, requirement);
        }
        Some(sig)
    }

    /// `demangleMetatypeRepresentation`.
    pub(super) fn metatype_representation(&mut self) -> N {
        let text: &[u8] = if self.next_if(b't') {
            b"@thin"
        } else if self.next_if(b'T') {
            b"@thick"
        } else if self.next_if(b'o') {
            b"@objc_metatype"
        } else {
            return None;
        };
        Some(self.text_node(K::MetatypeRepresentation, text))
    }

    /// `demangleGenericRequirement`.
    pub(super) fn generic_requirement(&mut self, depth: u32) -> N {
        let constrained = self.constrained_type(depth + 1)?;
        if self.next_if(b'z') {
            let second = self.ty(depth + 1)?;
            let requirement = self.with(K::DependentGenericSameTypeRequirement, constrained);
            self.add(requirement, second);
            return Some(requirement);
        }
        if self.next_if(b'l') {
            return self.layout_requirement(constrained);
        }
        if self.is_empty() {
            return None;
        }
        let constraint = match self.peek() {
            b'C' => self.ty(depth + 1)?,
            b'S' => {
                self.pos += 1;
                let sub = self.substitution_index()?;
                let name = match self.tree.kind(sub) {
                    K::Protocol | K::Class => sub,
                    K::Module => self.protocol_name_given_context(sub, depth + 1)?,
                    _ => return None,
                };
                self.with(K::Type, name)
            }
            _ => self.protocol_name(depth + 1)?,
        };
        let requirement = self.with(K::DependentGenericConformanceRequirement, constrained);
        self.add(requirement, constraint);
        Some(requirement)
    }

    /// The layout constraint (`l`) of `demangleGenericRequirement`.
    pub(super) fn layout_requirement(&mut self, constrained: Id) -> N {
        let c = self.next();
        let (mut size, mut alignment) = (None, None);
        match c {
            b'U' | b'R' | b'N' | b'T' | b'B' => {}
            b'E' | b'M' => {
                size = Some(self.natural()?);
                if !self.next_if(b'_') {
                    return None;
                }
                alignment = Some(self.natural()?);
            }
            b'e' | b'm' | b'S' => size = Some(self.natural()?),
            _ => return None,
        }
        let name = self.text_node(K::Identifier, &[c]);
        let requirement = self.with(K::DependentGenericLayoutRequirement, constrained);
        self.add(requirement, name);
        // Swift's `SIZE_MAX` for "none": a size of that value is none too.
        if let Some(size) = size.filter(|&s| s != u64::MAX) {
            let size = self.index_node(K::Number, size);
            self.add(requirement, size);
            if let Some(alignment) = alignment.filter(|&a| a != u64::MAX) {
                let alignment = self.index_node(K::Number, alignment);
                self.add(requirement, alignment);
            }
        }
        Some(requirement)
    }

    /// `demangleArchetypeType`.
    pub(super) fn archetype_type(&mut self, depth: u32) -> N {
        if self.too_deep(depth) {
            return None;
        }
        let root = if self.next_if(b'Q') {
            self.archetype_type(depth + 1)?
        } else if self.next_if(b'S') {
            self.substitution_index()?
        } else if self.next_if(b's') {
            self.text_node(K::Module, b"Swift")
        } else {
            return None;
        };
        let name = self.identifier(depth + 1, None)?;
        let assoc = self.with(K::AssociatedTypeRef, root);
        self.add(assoc, name);
        self.subs.push(assoc);
        Some(assoc)
    }

    /// `demangleTuple`.
    pub(super) fn tuple(&mut self, variadic: bool, depth: u32) -> N {
        let tuple = self.node(K::Tuple);
        let mut last = None;
        while !self.next_if(b'_') {
            if self.is_empty() {
                return None;
            }
            let element = self.node(K::TupleElement);
            if is_start_of_identifier(self.peek()) {
                let label = self.identifier(depth + 1, Some(K::TupleElementName))?;
                self.add(element, label);
            }
            let ty = self.ty(depth + 1)?;
            self.add(element, ty);
            self.add(tuple, element);
            last = Some(element);
        }
        if let (true, Some(element)) = (variadic, last) {
            // The marker goes first: Swift reverses, adds, and reverses.
            self.tree.reverse_children(element, 0);
            let marker = self.node(K::VariadicMarker);
            self.add(element, marker);
            self.tree.reverse_children(element, 0);
        }
        Some(tuple)
    }

    /// `demangleType`.
    pub(super) fn ty(&mut self, depth: u32) -> N {
        let ty = self.type_impl(depth)?;
        Some(self.with(K::Type, ty))
    }

    /// `demangleFunctionType`.
    pub(super) fn function_type(&mut self, kind: Kind, depth: u32) -> N {
        let (mut throws, mut concurrent, mut is_async) = (false, false, false);
        let mut differentiable = None;
        let mut global_actor = None;
        if !self.is_empty() {
            throws = self.next_if(b'z');
            concurrent = self.next_if(b'y');
            is_async = self.next_if(b'Z');
            if self.next_if(b'D') {
                let c = self.next();
                if matches!(c, b'f' | b'r' | b'd' | b'l') {
                    differentiable = Some(u64::from(c));
                }
            }
            if self.next_if(b'Y') {
                global_actor = Some(self.ty(depth + 1)?);
            }
        }
        let input = self.ty(depth + 1)?;
        let output = self.ty(depth + 1)?;
        let block = self.node(kind);
        if throws {
            let node = self.node(K::ThrowsAnnotation);
            self.add(block, node);
        }
        if is_async {
            let node = self.node(K::AsyncAnnotation);
            self.add(block, node);
        }
        if concurrent {
            let node = self.node(K::ConcurrentFunctionType);
            self.add(block, node);
        }
        if let Some(kind) = differentiable {
            let node = self.index_node(K::DifferentiableFunctionType, kind);
            self.add(block, node);
        }
        if let Some(actor) = global_actor {
            let node = self.with(K::GlobalActorFunctionType, actor);
            self.add(block, node);
        }
        let arguments = self.with(K::ArgumentTuple, input);
        self.add(block, arguments);
        let result = self.with(K::ReturnType, output);
        self.add(block, result);
        Some(block)
    }

    /// `demangleTypeImpl`.
    pub(super) fn type_impl(&mut self, depth: u32) -> N {
        if self.too_deep(depth) || self.is_empty() {
            return None;
        }
        let c = self.next();
        match c {
            b'B' => self.builtin_type(),
            b'a' => self.declaration_name(K::TypeAlias, depth + 1),
            b'b' => self.function_type(K::ObjCBlock, depth + 1),
            b'c' => self.function_type(K::CFunctionPointer, depth + 1),
            b'D' => {
                let ty = self.ty(depth + 1)?;
                Some(self.with(K::DynamicSelf, ty))
            }
            b'E' => {
                if !self.next_if(b'R') || !self.next_if(b'R') {
                    return None;
                }
                Some(self.text_node(K::ErrorType, b""))
            }
            b'F' => self.function_type(K::FunctionType, depth + 1),
            b'f' => self.function_type(K::UncurriedFunctionType, depth + 1),
            b'G' => self.bound_generic_type(depth + 1),
            b'X' => self.special_type(depth),
            b'K' => self.function_type(K::AutoClosureType, depth + 1),
            b'M' => {
                let ty = self.ty(depth + 1)?;
                Some(self.with(K::Metatype, ty))
            }
            b'P' => {
                if self.next_if(b'M') {
                    let ty = self.ty(depth + 1)?;
                    return Some(self.with(K::ExistentialMetatype, ty));
                }
                self.protocol_list(depth + 1)
            }
            b'Q' => {
                if self.next_if(b'u') {
                    return Some(self.node(K::OpaqueReturnType));
                }
                if self.next_if(b'U') {
                    let ordinal = self.index()?;
                    let index = self.index_node(K::OpaqueReturnTypeIndex, ordinal);
                    return Some(self.with(K::OpaqueReturnType, index));
                }
                self.archetype_type(depth + 1)
            }
            b'q' => self.dependent_type(depth + 1),
            b'x' => Some(self.dependent_generic_param(0, 0)),
            b'w' => self.associated_type_simple(depth + 1),
            b'W' => self.associated_type_compound(depth + 1),
            b'R' | b'k' => {
                let kind = if c == b'R' { K::InOut } else { K::NoDerivative };
                let ty = self.type_impl(depth + 1)?;
                Some(self.with(kind, ty))
            }
            b'S' => self.substitution_index(),
            b'T' | b't' => self.tuple(c == b't', depth + 1),
            b'u' => {
                let sig = self.generic_signature(depth + 1, false)?;
                let ty = self.ty(depth + 1)?;
                let node = self.with(K::DependentGenericType, sig);
                self.add(node, ty);
                Some(node)
            }
            c if is_start_of_nominal_type(c) => self.declaration_name(nominal_kind(c), depth + 1),
            _ => None,
        }
    }

    /// The builtin types (`B` of `demangleTypeImpl`).
    pub(super) fn builtin_type(&mut self) -> N {
        if self.is_empty() {
            return None;
        }
        let name: Vec<u8> = match self.next() {
            b'b' => b"Builtin.BridgeObject".to_vec(),
            b'B' => b"Builtin.UnsafeValueBuffer".to_vec(),
            b'f' => format!("Builtin.FPIEEE{}", self.builtin_size()?).into_bytes(),
            b'i' => format!("Builtin.Int{}", self.builtin_size()?).into_bytes(),
            b'v' => {
                let elements = self.natural()?;
                if !self.next_if(b'B') {
                    return None;
                }
                if self.next_if(b'i') {
                    format!("Builtin.Vec{elements}xInt{}", self.builtin_size()?).into_bytes()
                } else if self.next_if(b'f') {
                    format!("Builtin.Vec{elements}xFPIEEE{}", self.builtin_size()?).into_bytes()
                } else if self.next_if(b'p') {
                    format!("Builtin.Vec{elements}xRawPointer").into_bytes()
                } else {
                    return None;
                }
            }
            b'O' => b"Builtin.UnknownObject".to_vec(),
            b'o' => b"Builtin.NativeObject".to_vec(),
            b'p' => b"Builtin.RawPointer".to_vec(),
            b't' => b"Builtin.SILToken".to_vec(),
            b'w' => b"Builtin.Word".to_vec(),
            _ => return None,
        };
        Some(self.text_node(K::BuiltinTypeName, &name))
    }

    /// The `X` types of `demangleTypeImpl`, in Swift's order of its `X`
    /// branches.
    pub(super) fn special_type(&mut self, depth: u32) -> N {
        if self.next_if(b'b') {
            let ty = self.ty(depth + 1)?;
            return Some(self.with(K::SILBoxType, ty));
        }
        if self.next_if(b'B') {
            return self.sil_box_type_with_layout(depth);
        }
        if self.next_if(b'M') {
            let representation = self.metatype_representation()?;
            let ty = self.ty(depth + 1)?;
            let metatype = self.with(K::Metatype, representation);
            self.add(metatype, ty);
            return Some(metatype);
        }
        if self.next_if(b'P') {
            if self.next_if(b'M') {
                let representation = self.metatype_representation()?;
                let ty = self.ty(depth + 1)?;
                let metatype = self.with(K::ExistentialMetatype, representation);
                self.add(metatype, ty);
                return Some(metatype);
            }
            return self.protocol_list(depth + 1);
        }
        if self.next_if(b'f') {
            return self.function_type(K::ThinFunctionType, depth + 1);
        }
        for (c, kind) in [(b'o', K::Unowned), (b'u', K::Unmanaged), (b'w', K::Weak)] {
            if self.next_if(c) {
                let ty = self.ty(depth + 1)?;
                return Some(self.with(kind, ty));
            }
        }
        if self.next_if(b'F') {
            return self.impl_function_type(depth + 1);
        }
        None
    }

    /// `XB`: a SIL box type with its layout.
    pub(super) fn sil_box_type_with_layout(&mut self, depth: u32) -> N {
        let signature = if self.next_if(b'G') {
            Some(self.generic_signature(depth, false)?)
        } else {
            None
        };
        let layout = self.node(K::SILBoxLayout);
        while !self.next_if(b'_') {
            let kind = if self.next_if(b'm') {
                K::SILBoxMutableField
            } else if self.next_if(b'i') {
                K::SILBoxImmutableField
            } else {
                return None;
            };
            let ty = self.ty(depth + 1)?;
            let field = self.with(kind, ty);
            self.add(layout, field);
        }
        let mut args = None;
        if signature.is_some() {
            let list = self.node(K::TypeList);
            while !self.next_if(b'_') {
                let ty = self.ty(depth + 1)?;
                self.add(list, ty);
            }
            args = Some(list);
        }
        let box_type = self.with(K::SILBoxTypeWithLayout, layout);
        if let (Some(signature), Some(args)) = (signature, args) {
            self.add(box_type, signature);
            self.add(box_type, args);
        }
        Some(box_type)
    }

    /// `demangleImplFunctionType`.
    pub(super) fn impl_function_type(&mut self, depth: u32) -> N {
        let ty = self.node(K::ImplFunctionType);
        let callee: &[u8] = if self.next_if(b't') {
            b"@convention(thin)"
        } else {
            self.impl_convention(Convention::Callee)?
        };
        let callee = self.text_node(K::ImplConvention, callee);
        self.add(ty, callee);
        if self.next_if(b'C') {
            let convention: &[u8] = match self.next() {
                b'b' => b"block",
                b'c' => b"c",
                b'm' => b"method",
                b'O' => b"objc_method",
                b'w' => b"witness_method",
                _ => return None,
            };
            let attr = self.node(K::ImplFunctionConvention);
            let name = self.text_node(K::ImplFunctionConventionName, convention);
            self.add(attr, name);
            self.add(ty, attr);
        }
        for (c, text) in [(b'h', &b"@Sendable"[..]), (b'H', b"@async")] {
            if self.next_if(c) {
                let attr = self.text_node(K::ImplFunctionAttribute, text);
                self.add(ty, attr);
            }
        }
        let generic = self.next_if(b'G');
        let pseudogeneric = !generic && self.next_if(b'g');
        if generic || pseudogeneric {
            let generics = self.generic_signature(depth + 1, pseudogeneric)?;
            self.add(ty, generics);
        }
        if !self.next_if(b'_') {
            return None;
        }
        for kind in [K::ImplParameter, K::ImplResult] {
            while !self.next_if(b'_') {
                let item = self.impl_parameter_or_result(kind, depth + 1)?;
                self.add(ty, item);
            }
        }
        Some(ty)
    }

    /// `demangleImplConvention`: the attribute of a convention letter in
    /// its context, `None` where it has none there.
    pub(super) fn impl_convention(&mut self, context: Convention) -> Option<&'static [u8]> {
        use Convention::*;
        let c = self.peek();
        let attr: Option<&'static [u8]> = match (c, context) {
            (b'a', Result) => Some(b"@autoreleased"),
            (b'd', Callee) => Some(b"@callee_unowned"),
            (b'd', _) => Some(b"@unowned"),
            (b'D', Result) => Some(b"@unowned_inner_pointer"),
            (b'g', Callee) => Some(b"@callee_guaranteed"),
            (b'g', Parameter) => Some(b"@guaranteed"),
            (b'e', Parameter) => Some(b"@deallocating"),
            (b'i', Parameter) => Some(b"@in"),
            (b'i', Result) => Some(b"@out"),
            (b'l', Parameter) => Some(b"@inout"),
            (b'o', Callee) => Some(b"@callee_owned"),
            (b'o', _) => Some(b"@owned"),
            _ => None,
        };
        // The letter is taken whenever it is one of Swift's, even where it
        // means nothing in this context.
        if matches!(c, b'a' | b'd' | b'D' | b'g' | b'e' | b'i' | b'l' | b'o') && !self.is_empty() {
            self.pos += 1;
        }
        attr
    }

    /// `demangleImplParameterOrResult`.
    pub(super) fn impl_parameter_or_result(&mut self, kind: Kind, depth: u32) -> N {
        let mut kind = kind;
        if self.next_if(b'z') {
            if kind != K::ImplResult {
                return None;
            }
            kind = K::ImplErrorResult;
        }
        let context = if kind == K::ImplParameter {
            Convention::Parameter
        } else {
            Convention::Result
        };
        let convention = self.impl_convention(context)?;
        let ty = self.ty(depth + 1)?;
        let node = self.node(kind);
        let convention = self.text_node(K::ImplConvention, convention);
        self.add(node, convention);
        self.add(node, ty);
        Some(node)
    }
}
