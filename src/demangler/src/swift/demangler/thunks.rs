//! The rest of `Demangler.cpp`: thunks and specializations (`T`),
//! witnesses (`W`), special types (`X`), entities (`f`, `v`, `i`), generic
//! signatures and requirements (`l`, `r`, `R`), value witnesses (`w`).

use super::MAX_SPECIALIZATION_PASS;
use super::{is_entity, Demangler, Kind, N};
use crate::swift::nodes::{spec, Id};

use Kind as K;

/// The flags of a parameter's option set, in the order `demangleFuncSpecParam`
/// reads them: `D`ead, owned to `G`uaranteed, guaranteed to `O`wned,
/// e`X`ploded.
const SPEC_FLAGS: [(u8, u64); 4] = [
    (b'D', spec::DEAD),
    (b'G', spec::OWNED_TO_GUARANTEED),
    (b'O', spec::GUARANTEED_TO_OWNED),
    (b'X', spec::SROA),
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
            b'z' | b'Z' => self.objc_completion_handler(c),
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
            b'R' | b'r' | b'y' => self.reabstraction_thunk(c),
            b'g' => self.generic_specialization(K::GenericSpecialization, None),
            b'G' => self.generic_specialization(K::GenericSpecializationNotReAbstracted, None),
            b'B' => self.generic_specialization(K::GenericSpecializationInResilienceDomain, None),
            b't' => self.generic_specialization_with_dropped_arguments(),
            b's' => self.generic_specialization(K::GenericSpecializationPrespecialized, None),
            b'i' => self.generic_specialization(K::InlinedGenericFunction, None),
            b'p' | b'P' => self.partial_specialization(c),
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
            b'n' | b'N' => self.associated_conformance(c),
            b'b' => {
                let requirement = self.pop_protocol();
                let proto = self.pop_kind(K::Type);
                self.with(K::BaseConformanceDescriptor, &[proto, requirement])
            }
            b'H' | b'h' => self.key_path_equality_thunk(c),
            b'v' => self.outlined_variable(),
            b'e' => {
                let params = self.bridged_method_params()?;
                Some(self.text_node(K::OutlinedBridgedMethod, &params))
            }
            b'u' => Some(self.node(K::AsyncFunctionPointer)),
            b'U' => self.global_actor_reabstraction_thunk(),
            b'J' => self.autodiff_thunk(),
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

    /// `Tz`, `TZ`: an Objective-C async completion handler's
    /// implementation (predefined or not), with its result type, error
    /// flag and generic signature.
    fn objc_completion_handler(&mut self, c: u8) -> N {
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

    /// `TR`, `Tr`, `Ty`: a reabstraction thunk (helper, with `Self` or
    /// not): its generic signature, `Self` type, and the two function types.
    fn reabstraction_thunk(&mut self, c: u8) -> N {
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

    /// `Tp`, `TP`: a generic partial specialization (re-abstracted or
    /// not), its type as its parameter.
    fn partial_specialization(&mut self, c: u8) -> N {
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

    /// `Tn`, `TN`: an associated conformance's descriptor or default
    /// accessor: protocol, path, requirement.
    fn associated_conformance(&mut self, c: u8) -> N {
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

    /// `Tv <index>`, `Tv <index> r`: an outlined variable, or read-only
    /// object.
    fn outlined_variable(&mut self) -> N {
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

    /// `TU`: a reabstraction thunk helper with a global actor: the thunk,
    /// then the actor's type.
    fn global_actor_reabstraction_thunk(&mut self) -> N {
        let actor = self.pop_kind(K::Type)?;
        let reabstraction = self.pop()?;
        let node = self.node(K::ReabstractionThunkHelperWithGlobalActor);
        self.tree.push_child(node, reabstraction);
        self.tree.push_child(node, actor);
        Some(node)
    }

    /// `TJ`: an automatic differentiation thunk: `TJS` subset
    /// parameters, `TJO` self-reordering, `TJV` a derivative's vtable
    /// thunk, else a derivative function.
    fn autodiff_thunk(&mut self) -> N {
        let kind = match self.peek() {
            b'S' | b'O' | b'V' => self.next(),
            _ => 0,
        };
        match kind {
            b'S' => self.autodiff_subset_parameters_thunk(),
            b'O' => self.autodiff_self_reordering_thunk(),
            b'V' => self.autodiff_function_or_simple_thunk(K::AutoDiffDerivativeVTableThunk),
            _ => self.autodiff_function_or_simple_thunk(K::AutoDiffFunction),
        }
    }

    /// `createWithChild(kind, popNode(isEntity))`.
    pub(super) fn entity_attr(&mut self, kind: Kind) -> N {
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
    pub(super) fn differentiability_witness(&mut self) -> N {
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
            // An option set: its first flag, then those of `SPEC_FLAGS`
            // after it that follow, in their order.
            b'e' => {
                let value = self.spec_flags(spec::EXISTENTIAL_TO_GENERIC, &SPEC_FLAGS);
                add_kind(self, value)
            }
            b'd' => {
                let value = self.spec_flags(spec::DEAD, &SPEC_FLAGS[1..]);
                add_kind(self, value)
            }
            b'g' => {
                let value = self.spec_flags(spec::OWNED_TO_GUARANTEED, &SPEC_FLAGS[3..]);
                add_kind(self, value)
            }
            b'o' => {
                let value = self.spec_flags(spec::GUARANTEED_TO_OWNED, &SPEC_FLAGS[3..]);
                add_kind(self, value)
            }
            b'x' => add_kind(self, spec::SROA),
            b'i' => add_kind(self, spec::BOX_TO_VALUE),
            b's' => add_kind(self, spec::BOX_TO_STACK),
            b'r' => add_kind(self, spec::IN_OUT_TO_OUT),
            _ => None,
        }
    }

    /// `value` with each of `flags` whose letter comes next, in order.
    fn spec_flags(&mut self, value: u64, flags: &[(u8, u64)]) -> u64 {
        let mut value = value;
        for &(c, flag) in flags {
            if self.next_if(c) {
                value |= flag;
            }
        }
        value
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
}
