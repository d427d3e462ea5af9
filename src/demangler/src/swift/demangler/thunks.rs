//! The rest of `Demangler.cpp`: thunks and specializations (`T`),
//! witnesses (`W`), special types (`X`), entities (`f`, `v`, `i`), generic
//! signatures and requirements (`l`, `r`, `R`), value witnesses (`w`).

use super::{is_decl_name, MAX_SPECIALIZATION_PASS};
use super::{is_entity, is_requirement, Demangler, Kind, N};
use crate::swift::nodes::Id;

use Kind as K;

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

impl Demangler<'_> {
    /// `demangleThunkOrSpecialization`.
    pub(super) fn thunk_or_specialization(&mut self) -> N {
        let c = self.next();
        match c {
            b'T' => match self.next() {
                b'I' => self.entity_attr(K::SILThunkIdentity),
                _ => None,
            },
            b'c' => self.entity_attr(K::CurryThunk),
            b'j' => self.entity_attr(K::DispatchThunk),
            b'q' => self.entity_attr(K::MethodDescriptor),
            b'o' => Some(self.node(K::ObjCAttribute)),
            b'O' => Some(self.node(K::NonObjCAttribute)),
            b'D' => Some(self.node(K::DynamicAttribute)),
            b'd' => Some(self.node(K::DirectMethodReferenceAttribute)),
            b'E' => Some(self.node(K::DistributedThunk)),
            b'F' => Some(self.node(K::DistributedAccessor)),
            b'a' => Some(self.node(K::PartialApplyObjCForwarder)),
            b'A' => Some(self.node(K::PartialApplyForwarder)),
            b'm' => Some(self.node(K::MergedFunction)),
            b'X' => Some(self.node(K::DynamicallyReplaceableFunctionVar)),
            b'x' => Some(self.node(K::DynamicallyReplaceableFunctionKey)),
            b'I' => Some(self.node(K::DynamicallyReplaceableFunctionImpl)),
            b'Y' | b'Q' => {
                let discriminator = self.index_as_node();
                let kind = if c == b'Q' {
                    K::AsyncAwaitResumePartialFunction
                } else {
                    K::AsyncSuspendResumePartialFunction
                };
                self.with1(kind, discriminator)
            }
            b'C' => {
                let ty = self.pop_kind(K::Type);
                self.with1(K::CoroutineContinuationPrototype, ty)
            }
            b'z' | b'Z' => {
                let flag = self.index_as_node();
                let signature = self.pop_kind(K::DependentGenericSignature);
                let result = self.pop_kind(K::Type);
                let implementation = self.pop_kind(K::Type);
                let kind = if c == b'z' {
                    K::ObjCAsyncCompletionHandlerImpl
                } else {
                    K::PredefinedObjCAsyncCompletionHandlerImpl
                };
                let node = self.with(kind, &[implementation, result, flag]);
                if signature.is_some() {
                    self.add(node, signature);
                }
                node
            }
            b'V' => {
                let base = self.pop_if(is_entity);
                let derived = self.pop_if(is_entity);
                self.with(K::VTableThunk, &[derived, base])
            }
            b'W' => {
                let entity = self.pop_if(is_entity);
                let conformance = self.pop_protocol_conformance();
                self.with(K::ProtocolWitness, &[conformance, entity])
            }
            b'S' => self.entity_attr(K::ProtocolSelfConformanceWitness),
            b'R' | b'r' | b'y' => {
                let kind = match c {
                    b'R' => K::ReabstractionThunkHelper,
                    b'y' => K::ReabstractionThunkHelperWithSelf,
                    _ => K::ReabstractionThunk,
                };
                let thunk = Some(self.node(kind));
                if let Some(sig) = self.pop_kind(K::DependentGenericSignature) {
                    self.add(thunk, Some(sig));
                }
                if kind == K::ReabstractionThunkHelperWithSelf {
                    let ty = self.pop_kind(K::Type);
                    self.add(thunk, ty);
                }
                let ty = self.pop_kind(K::Type);
                self.add(thunk, ty);
                let ty = self.pop_kind(K::Type);
                self.add(thunk, ty);
                thunk
            }
            b'g' => self.generic_specialization(K::GenericSpecialization, None),
            b'G' => self.generic_specialization(K::GenericSpecializationNotReAbstracted, None),
            b'B' => self.generic_specialization(K::GenericSpecializationInResilienceDomain, None),
            b't' => self.generic_specialization_with_dropped_arguments(),
            b's' => self.generic_specialization(K::GenericSpecializationPrespecialized, None),
            b'i' => self.generic_specialization(K::InlinedGenericFunction, None),
            b'p' | b'P' => {
                let kind = if c == b'p' {
                    K::GenericPartialSpecialization
                } else {
                    K::GenericPartialSpecializationNotReAbstracted
                };
                let spec = self.spec_attributes(kind);
                let ty = self.pop_kind(K::Type);
                let param = self.with1(K::GenericSpecializationParam, ty);
                self.add(spec, param)
            }
            b'f' => self.function_specialization(),
            b'K' | b'k' => self.key_path_thunk(c),
            b'l' => {
                let name = self.pop_assoc_type_name()?;
                self.with1(K::AssociatedTypeDescriptor, Some(name))
            }
            b'L' => {
                let proto = self.pop_protocol();
                self.with1(K::ProtocolRequirementsBaseDescriptor, proto)
            }
            b'M' => {
                let name = self.pop_assoc_type_name();
                self.with1(K::DefaultAssociatedTypeMetadataAccessor, name)
            }
            b'n' | b'N' => {
                let requirement = self.pop_protocol();
                let path = self.pop_assoc_type_path();
                let proto = self.pop_kind(K::Type);
                let kind = if c == b'n' {
                    K::AssociatedConformanceDescriptor
                } else {
                    K::DefaultAssociatedConformanceAccessor
                };
                self.with(kind, &[proto, path, requirement])
            }
            b'b' => {
                let requirement = self.pop_protocol();
                let proto = self.pop_kind(K::Type);
                self.with(K::BaseConformanceDescriptor, &[proto, requirement])
            }
            b'H' | b'h' => self.key_path_equality_thunk(c),
            b'v' => {
                let index = self.index();
                if index < 0 {
                    return None;
                }
                let kind = if self.next() == b'r' {
                    K::OutlinedReadOnlyObject
                } else {
                    K::OutlinedVariable
                };
                Some(self.index_node(kind, index as u64))
            }
            b'e' => {
                let params = self.bridged_method_params()?;
                Some(self.text_node(K::OutlinedBridgedMethod, &params))
            }
            b'u' => Some(self.node(K::AsyncFunctionPointer)),
            b'U' => {
                let actor = self.pop_kind(K::Type)?;
                let reabstraction = self.pop()?;
                let node = self.node(K::ReabstractionThunkHelperWithGlobalActor);
                self.tree.push_child(node, reabstraction);
                self.tree.push_child(node, actor);
                Some(node)
            }
            b'J' => match self.peek() {
                b'S' => {
                    self.pos += 1;
                    self.autodiff_subset_parameters_thunk()
                }
                b'O' => {
                    self.pos += 1;
                    self.autodiff_self_reordering_thunk()
                }
                b'V' => {
                    self.pos += 1;
                    self.autodiff_function_or_simple_thunk(K::AutoDiffDerivativeVTableThunk)
                }
                _ => self.autodiff_function_or_simple_thunk(K::AutoDiffFunction),
            },
            b'w' => match self.next() {
                b'b' => Some(self.node(K::BackDeploymentThunk)),
                b'B' => Some(self.node(K::BackDeploymentFallback)),
                b'c' => Some(self.node(K::CoroFunctionPointer)),
                b'd' => Some(self.node(K::DefaultOverride)),
                b'S' => Some(self.node(K::HasSymbolQuery)),
                _ => None,
            },
            _ => None,
        }
    }

    /// `createWithChild(kind, popNode(isEntity))`.
    fn entity_attr(&mut self, kind: Kind) -> N {
        let entity = self.pop_if(is_entity);
        self.with1(kind, entity)
    }

    /// The key path getter and setter thunks (`K`, `k` of
    /// `demangleThunkOrSpecialization`).
    fn key_path_thunk(&mut self, c: u8) -> N {
        let kind = if self.next_if_str(b"mu") {
            K::KeyPathUnappliedMethodThunkHelper
        } else if self.next_if_str(b"MA") {
            K::KeyPathAppliedMethodThunkHelper
        } else if c == b'K' {
            K::KeyPathGetterThunkHelper
        } else {
            K::KeyPathSetterThunkHelper
        };
        let serialized = self.next_if(b'q');
        let mut types = Vec::new();
        let mut node = self.pop()?;
        if self.tree.kind(node) != K::Type {
            return None;
        }
        let rest = loop {
            types.push(node);
            match self.pop() {
                Some(n) if self.tree.kind(n) == K::Type => node = n,
                other => break other,
            }
        };
        let rest = rest?;
        let result = if self.tree.kind(rest) == K::DependentGenericSignature {
            let decl = self.pop()?;
            self.with(kind, &[Some(decl), Some(rest)])?
        } else {
            self.with1(kind, Some(rest))?
        };
        for &ty in types.iter().rev() {
            self.tree.push_child(result, ty);
        }
        if serialized {
            let node = self.node(K::IsSerialized);
            self.tree.push_child(result, node);
        }
        Some(result)
    }

    /// The key path equality and hash thunks (`H`, `h`).
    fn key_path_equality_thunk(&mut self, c: u8) -> N {
        let kind = if c == b'H' {
            K::KeyPathEqualsThunkHelper
        } else {
            K::KeyPathHashThunkHelper
        };
        let serialized = self.next_if(b'q');
        let mut signature = None;
        let mut types = Vec::new();
        let node = self.pop()?;
        match self.tree.kind(node) {
            K::DependentGenericSignature => signature = Some(node),
            K::Type => types.push(node),
            _ => return None,
        }
        while let Some(node) = self.pop() {
            if self.tree.kind(node) != K::Type {
                return None;
            }
            types.push(node);
        }
        let result = self.node(kind);
        for &ty in types.iter().rev() {
            self.tree.push_child(result, ty);
        }
        if let Some(sig) = signature {
            self.tree.push_child(result, sig);
        }
        if serialized {
            let node = self.node(K::IsSerialized);
            self.tree.push_child(result, node);
        }
        Some(result)
    }

    /// `demangleAutoDiffFunctionOrSimpleThunk`.
    fn autodiff_function_or_simple_thunk(&mut self, kind: Kind) -> N {
        let result = self.node(kind);
        while let Some(node) = self.pop() {
            self.tree.push_child(result, node);
        }
        self.tree.reverse_children(result, 0);
        let function_kind = self.autodiff_function_kind();
        let result = self.add(Some(result), function_kind);
        let params = self.index_subset();
        let result = self.add(result, params);
        if !self.next_if(b'p') {
            return None;
        }
        let results = self.index_subset();
        let result = self.add(result, results);
        if !self.next_if(b'r') {
            return None;
        }
        result
    }

    /// `demangleAutoDiffFunctionKind`.
    fn autodiff_function_kind(&mut self) -> N {
        let kind = self.next();
        if !matches!(kind, b'f' | b'r' | b'd' | b'p') {
            return None;
        }
        Some(self.index_node(K::AutoDiffFunctionKind, u64::from(kind)))
    }

    /// `demangleAutoDiffSubsetParametersThunk`.
    fn autodiff_subset_parameters_thunk(&mut self) -> N {
        let result = self.node(K::AutoDiffSubsetParametersThunk);
        while let Some(node) = self.pop() {
            self.tree.push_child(result, node);
        }
        self.tree.reverse_children(result, 0);
        let kind = self.autodiff_function_kind();
        let mut result = self.add(Some(result), kind);
        for end in [b'p', b'r', b'P'] {
            let subset = self.index_subset();
            result = self.add(result, subset);
            if !self.next_if(end) {
                return None;
            }
        }
        result
    }

    /// `demangleAutoDiffSelfReorderingReabstractionThunk`.
    fn autodiff_self_reordering_thunk(&mut self) -> N {
        let result = Some(self.node(K::AutoDiffSelfReorderingReabstractionThunk));
        let signature = self.pop_kind(K::DependentGenericSignature);
        self.add(result, signature);
        let ty = self.pop_kind(K::Type);
        let result = self.add(result, ty);
        let ty = self.pop_kind(K::Type);
        let result = self.add(result, ty);
        if let Some(r) = result {
            self.tree.reverse_children(r, 0);
        }
        let kind = self.autodiff_function_kind();
        self.add(result, kind)
    }

    /// `demangleDifferentiabilityWitness`.
    fn differentiability_witness(&mut self) -> N {
        let result = self.node(K::DifferentiabilityWitness);
        let signature = self.pop_kind(K::DependentGenericSignature);
        while let Some(node) = self.pop() {
            self.tree.push_child(result, node);
        }
        self.tree.reverse_children(result, 0);
        let kind = self.differentiability_kind()?;
        let kind = Some(self.index_node(K::Index, kind));
        let result = self.add(Some(result), kind);
        let params = self.index_subset();
        let result = self.add(result, params);
        if !self.next_if(b'p') {
            return None;
        }
        let results = self.index_subset();
        let result = self.add(result, results);
        if !self.next_if(b'r') {
            return None;
        }
        if signature.is_some() {
            self.add(result, signature);
        }
        result
    }

    /// A `MangledDifferentiabilityKind` (`f`, `r`, `d`, `l`).
    fn differentiability_kind(&mut self) -> Option<u64> {
        let c = self.next();
        matches!(c, b'f' | b'r' | b'd' | b'l').then_some(u64::from(c))
    }

    /// `demangleIndexSubset`.
    fn index_subset(&mut self) -> N {
        let start = self.pos;
        while matches!(self.peek(), b'S' | b'U') {
            self.pos += 1;
        }
        if self.pos == start {
            return None;
        }
        let text = self.text[start..self.pos].to_vec();
        Some(self.text_node(K::IndexSubset, &text))
    }

    /// `demangleDifferentiableFunctionType`.
    pub(super) fn differentiable_function_type(&mut self) -> N {
        let kind = self.differentiability_kind()?;
        Some(self.index_node(K::DifferentiableFunctionType, kind))
    }

    /// `demangleBridgedMethodParams`: `None` where Swift's is empty.
    fn bridged_method_params(&mut self) -> Option<Vec<u8>> {
        if self.next_if(b'_') {
            return None;
        }
        let kind = self.next();
        if !matches!(kind, b'o' | b'p' | b'a' | b'm') {
            return None;
        }
        let mut params = vec![kind];
        while !self.next_if(b'_') {
            let c = self.next();
            if !matches!(c, b'n' | b'b' | b'g') {
                return None;
            }
            params.push(c);
        }
        Some(params)
    }

    /// `demangleGenericSpecialization`.
    fn generic_specialization(&mut self, kind: Kind, dropped: Option<Id>) -> N {
        let spec = self.spec_attributes(kind)?;
        if let Some(dropped) = dropped {
            for arg in self.tree.children(dropped).to_vec() {
                self.tree.push_child(spec, arg);
            }
        }
        let list = self.pop_type_list()?;
        for ty in self.tree.children(list).to_vec() {
            let param = self.with1(K::GenericSpecializationParam, Some(ty))?;
            self.tree.push_child(spec, param);
        }
        Some(spec)
    }

    /// `demangleGenericSpecializationWithDroppedArguments`.
    fn generic_specialization_with_dropped_arguments(&mut self) -> N {
        self.push_back();
        let dropped = self.node(K::GenericSpecialization);
        while self.next_if(b't') {
            let n = self.natural();
            let index = if n < 0 { 0 } else { n as u64 + 1 };
            let arg = self.index_node(K::DroppedArgument, index);
            self.tree.push_child(dropped, arg);
        }
        let kind = match self.next() {
            b'g' => K::GenericSpecialization,
            b'G' => K::GenericSpecializationNotReAbstracted,
            b'B' => K::GenericSpecializationInResilienceDomain,
            _ => return None,
        };
        self.generic_specialization(kind, Some(dropped))
    }

    /// `demangleFunctionSpecialization`.
    fn function_specialization(&mut self) -> N {
        let mut spec = self.spec_attributes(K::FunctionSignatureSpecialization);
        while spec.is_some() && !self.next_if(b'_') {
            let param = self.func_spec_param(K::FunctionSignatureSpecializationParam);
            spec = self.add(spec, param);
        }
        if !self.next_if(b'n') {
            let ret = self.func_spec_param(K::FunctionSignatureSpecializationReturn);
            spec = self.add(spec, ret);
        }
        let spec = spec?;
        let children = self.tree.children(spec).to_vec();
        for &param in children.iter().rev() {
            if self.tree.kind(param) != K::FunctionSignatureSpecializationParam {
                continue;
            }
            let Some(kind_node) = self.child(param, 0) else {
                continue;
            };
            let kind = self.tree.index(kind_node);
            if matches!(
                kind,
                spec::CONSTANT_PROP_FUNCTION
                    | spec::CONSTANT_PROP_GLOBAL
                    | spec::CONSTANT_PROP_STRING
                    | spec::CONSTANT_PROP_KEY_PATH
                    | spec::CLOSURE_PROP
            ) {
                let fixed = self.tree.len(param);
                while let Some(ty) = self.pop_kind(K::Type) {
                    if kind != spec::CLOSURE_PROP && kind != spec::CONSTANT_PROP_KEY_PATH {
                        return None;
                    }
                    self.tree.push_child(param, ty);
                }
                let name = self.pop_kind(K::Identifier)?;
                let mut text = self.tree.text(name).to_vec();
                if kind == spec::CONSTANT_PROP_STRING && text.first() == Some(&b'_') {
                    // A `_` escapes a leading digit or `_` of a string.
                    text.remove(0);
                }
                let payload = self.text_node(K::FunctionSignatureSpecializationParamPayload, &text);
                self.tree.push_child(param, payload);
                self.tree.reverse_children(param, fixed);
            }
        }
        Some(spec)
    }

    /// `demangleFuncSpecParam`.
    fn func_spec_param(&mut self, kind: Kind) -> N {
        let param = Some(self.node(kind));
        let add_kind = |d: &mut Self, value: u64| {
            let node = Some(d.index_node(K::FunctionSignatureSpecializationParamKind, value));
            d.add(param, node)
        };
        match self.next() {
            b'n' => param,
            b'c' => add_kind(self, spec::CLOSURE_PROP),
            b'p' => match self.next() {
                b'f' => add_kind(self, spec::CONSTANT_PROP_FUNCTION),
                b'g' => add_kind(self, spec::CONSTANT_PROP_GLOBAL),
                b'i' => self.func_spec_param_number(param, spec::CONSTANT_PROP_INTEGER),
                b'd' => self.func_spec_param_number(param, spec::CONSTANT_PROP_FLOAT),
                b's' => {
                    let encoding: &[u8] = match self.next() {
                        b'b' => b"u8",
                        b'w' => b"u16",
                        b'c' => b"objc",
                        _ => return None,
                    };
                    add_kind(self, spec::CONSTANT_PROP_STRING);
                    let payload = Some(
                        self.text_node(K::FunctionSignatureSpecializationParamPayload, encoding),
                    );
                    self.add(param, payload)
                }
                b'k' => add_kind(self, spec::CONSTANT_PROP_KEY_PATH),
                _ => None,
            },
            b'e' => {
                let mut value = spec::EXISTENTIAL_TO_GENERIC;
                for (c, flag) in [
                    (b'D', spec::DEAD),
                    (b'G', spec::OWNED_TO_GUARANTEED),
                    (b'O', spec::GUARANTEED_TO_OWNED),
                    (b'X', spec::SROA),
                ] {
                    if self.next_if(c) {
                        value |= flag;
                    }
                }
                add_kind(self, value)
            }
            b'd' => {
                let mut value = spec::DEAD;
                for (c, flag) in [
                    (b'G', spec::OWNED_TO_GUARANTEED),
                    (b'O', spec::GUARANTEED_TO_OWNED),
                    (b'X', spec::SROA),
                ] {
                    if self.next_if(c) {
                        value |= flag;
                    }
                }
                add_kind(self, value)
            }
            b'g' => {
                let mut value = spec::OWNED_TO_GUARANTEED;
                if self.next_if(b'X') {
                    value |= spec::SROA;
                }
                add_kind(self, value)
            }
            b'o' => {
                let mut value = spec::GUARANTEED_TO_OWNED;
                if self.next_if(b'X') {
                    value |= spec::SROA;
                }
                add_kind(self, value)
            }
            b'x' => add_kind(self, spec::SROA),
            b'i' => add_kind(self, spec::BOX_TO_VALUE),
            b's' => add_kind(self, spec::BOX_TO_STACK),
            b'r' => add_kind(self, spec::IN_OUT_TO_OUT),
            _ => None,
        }
    }

    /// `addFuncSpecParamNumber`.
    fn func_spec_param_number(&mut self, param: N, kind: u64) -> N {
        let kind = Some(self.index_node(K::FunctionSignatureSpecializationParamKind, kind));
        self.add(param, kind);
        let start = self.pos;
        while self.peek().is_ascii_digit() {
            self.pos += 1;
        }
        if self.pos == start {
            return None;
        }
        let digits = self.text[start..self.pos].to_vec();
        let payload = Some(self.text_node(K::FunctionSignatureSpecializationParamPayload, &digits));
        self.add(param, payload)
    }

    /// `demangleSpecAttributes`.
    fn spec_attributes(&mut self, kind: Kind) -> N {
        let serialized = self.next_if(b'q');
        let async_removed = self.next_if(b'a');
        let pass = i64::from(self.next()) - i64::from(b'0');
        if !(0..MAX_SPECIALIZATION_PASS).contains(&pass) {
            return None;
        }
        let spec = self.node(kind);
        if serialized {
            let node = self.node(K::IsSerialized);
            self.tree.push_child(spec, node);
        }
        if async_removed {
            let node = self.node(K::AsyncRemoved);
            self.tree.push_child(spec, node);
        }
        let pass = self.index_node(K::SpecializationPassID, pass as u64);
        self.tree.push_child(spec, pass);
        Some(spec)
    }

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
    fn outlined_operation(&mut self) -> N {
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
            b'g' | b'G' => {
                let ty = self.pop_kind(K::Type);
                let signature = if c == b'G' {
                    self.pop_kind(K::DependentGenericSignature)
                } else {
                    None
                };
                match signature {
                    Some(_) => self.with(K::ExtendedExistentialTypeShape, &[signature, ty]),
                    None => self.with1(K::ExtendedExistentialTypeShape, ty),
                }
            }
            b'j' => self.symbolic_extended_existential_type(),
            b'z' => match self.next() {
                b'B' => self.pop_function_type(K::ObjCBlock, true),
                b'C' => self.pop_function_type(K::CFunctionPointer, true),
                _ => None,
            },
            b'o' | b'u' | b'w' | b'b' | b'D' => {
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
            b'M' | b'm' => {
                let representation = self.metatype_representation();
                let ty = self.pop_kind(K::Type);
                let kind = if c == b'M' {
                    K::Metatype
                } else {
                    K::ExistentialMetatype
                };
                let node = self.with(kind, &[representation, ty]);
                self.ty(node)
            }
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
            b'Z' => {
                let types = self.pop_type_list();
                let name = self.pop_kind(K::Identifier);
                let parent = self.pop_context();
                let anon = Some(self.node(K::AnonymousContext));
                let anon = self.add(anon, name);
                let anon = self.add(anon, parent);
                self.add(anon, types)
            }
            b'e' => {
                let node = self.node(K::ErrorType);
                self.ty(Some(node))
            }
            b'S' => {
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
            _ => None,
        }
    }

    /// The SIL box types (`Xx`, `XX` of `demangleSpecialType`).
    fn sil_box_type(&mut self, generic: bool) -> N {
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
    fn symbolic_extended_existential_type(&mut self) -> N {
        None
    }

    /// `demangleMetatypeRepresentation`.
    fn metatype_representation(&mut self) -> N {
        let text: &[u8] = match self.next() {
            b't' => b"@thin",
            b'T' => b"@thick",
            b'o' => b"@objc_metatype",
            _ => return None,
        };
        Some(self.text_node(K::MetatypeRepresentation, text))
    }

    /// `demangleAccessor`.
    fn accessor(&mut self, child: N) -> N {
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
    fn entity(&mut self, kind: Kind) -> N {
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
    fn constrained_existential_requirements(&mut self) -> N {
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
        #[derive(PartialEq)]
        enum Ty {
            Generic,
            Assoc,
            CompoundAssoc,
            Substitution,
        }
        #[derive(PartialEq)]
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
        use Constraint as C;
        let mut inverse = None;
        let (constraint, ty_kind) = match self.next() {
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
        let constrained = match ty_kind {
            Ty::Generic => {
                let param = self.generic_param_index();
                self.ty(param)
            }
            Ty::Assoc | Ty::CompoundAssoc => {
                let base = self.generic_param_index();
                // A null base is taken from the stack, as in Swift.
                let ty = if ty_kind == Ty::Assoc {
                    self.associated_type_simple(base)
                } else {
                    self.associated_type_compound(base)
                };
                self.add_subst(ty);
                ty
            }
            Ty::Substitution => self.pop_kind(K::Type),
        };
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
    fn layout_requirement(&mut self, constrained: N) -> N {
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
    fn macro_expansion(&mut self) -> N {
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
