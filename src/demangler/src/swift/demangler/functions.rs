//! Function types of `Demangler.cpp`: their signatures (`popFunctionType`,
//! `popFunctionParams`, `popFunctionParamLabels`), tuples, packs and type
//! lists, and lowered function types (`demangleImplFunctionType`).

use super::{Demangler, Kind, N};
use crate::swift::nodes::Id;

use Kind as K;

impl Demangler<'_> {
    /// `popFunctionType`: the parts of a function signature, popped in the
    /// reverse of their mangled order.
    pub(super) fn pop_function_type(&mut self, kind: Kind, clang_type: bool) -> N {
        let func = Some(self.node(kind));
        if clang_type {
            let clang = self.clang_type();
            self.add(func, clang);
        }
        let sending = self.pop_kind(K::SendingResultFunctionType);
        self.add(func, sending);
        let isolation = self.pop_if(|k| {
            matches!(
                k,
                K::GlobalActorFunctionType
                    | K::IsolatedAnyFunctionType
                    | K::NonIsolatedCallerFunctionType
            )
        });
        self.add(func, isolation);
        let differentiable = self.pop_kind(K::DifferentiableFunctionType);
        self.add(func, differentiable);
        let throws = self.pop_if(|k| matches!(k, K::ThrowsAnnotation | K::TypedThrowsAnnotation));
        self.add(func, throws);
        let sendable = self.pop_kind(K::ConcurrentFunctionType);
        self.add(func, sendable);
        let is_async = self.pop_kind(K::AsyncAnnotation);
        self.add(func, is_async);
        let params = self.pop_function_params(K::ArgumentTuple);
        let func = self.add(func, params);
        let result = self.pop_function_params(K::ReturnType);
        let func = self.add(func, result);
        self.ty(func)
    }

    /// `popFunctionParams`.
    pub(super) fn pop_function_params(&mut self, kind: Kind) -> N {
        let params = if self.pop_kind(K::EmptyList).is_some() {
            let tuple = Some(self.node(K::Tuple));
            self.ty(tuple)
        } else {
            self.pop_kind(K::Type)
        };
        self.with1(kind, params)
    }

    /// `popFunctionParamLabels`.
    pub(super) fn pop_function_param_labels(&mut self, ty: N) -> N {
        if !self.old_function_types && self.pop_kind(K::EmptyList).is_some() {
            return Some(self.node(K::LabelList));
        }
        let ty = ty?;
        if self.tree.kind(ty) != K::Type {
            return None;
        }
        let mut func = self.child(ty, 0)?;
        if self.tree.kind(func) == K::DependentGenericType {
            func = self.child(self.child(func, 1)?, 0)?;
        }
        if !matches!(
            self.tree.kind(func),
            K::FunctionType | K::NoEscapeFunctionType
        ) {
            return None;
        }
        let mut first = 0;
        for kind in [
            K::SendingResultFunctionType,
            K::GlobalActorFunctionType,
            K::IsolatedAnyFunctionType,
            K::NonIsolatedCallerFunctionType,
            K::DifferentiableFunctionType,
        ] {
            if self.kind_of(self.child(func, first)) == Some(kind) {
                first += 1;
            }
        }
        if matches!(
            self.kind_of(self.child(func, first)),
            Some(K::ThrowsAnnotation | K::TypedThrowsAnnotation)
        ) {
            first += 1;
        }
        for kind in [K::ConcurrentFunctionType, K::AsyncAnnotation] {
            if self.kind_of(self.child(func, first)) == Some(kind) {
                first += 1;
            }
        }
        let param_type = self.child(func, first)?;
        if self.tree.kind(param_type) != K::ArgumentTuple {
            return None;
        }
        let params_ty = self.child(param_type, 0)?;
        let params = self.child(params_ty, 0)?;
        let count = if self.tree.kind(params) == K::Tuple {
            self.tree.len(params)
        } else {
            1
        };
        if count == 0 {
            return None;
        }
        let list = self.node(K::LabelList);
        let tuple = params;
        if self.old_function_types && self.tree.kind(tuple) != K::Tuple {
            return Some(list);
        }
        let mut has_labels = false;
        for i in 0..count {
            let label = if self.old_function_types {
                self.old_label(tuple, i)?
            } else {
                self.pop()?
            };
            let kind = self.tree.kind(label);
            if kind != K::Identifier && kind != K::FirstElementMarker {
                return None;
            }
            self.tree.push_child(list, label);
            has_labels |= kind != K::FirstElementMarker;
        }
        if !has_labels {
            return Some(self.node(K::LabelList));
        }
        if !self.old_function_types {
            self.tree.reverse_children(list, 0);
        }
        Some(list)
    }

    /// An old-style (`_T0`) parameter's label, taken out of its tuple
    /// element (`getLabel` in `popFunctionParamLabels`).
    pub(super) fn old_label(&mut self, tuple: Id, i: usize) -> N {
        let param = self.child(tuple, i)?;
        let at = self
            .tree
            .children(param)
            .iter()
            .position(|&c| self.tree.kind(c) == K::TupleElementName);
        match at {
            Some(at) => {
                let label = self.tree.remove_child(param, at);
                Some(self.tree.copy_as(label, K::Identifier))
            }
            None => Some(self.node(K::FirstElementMarker)),
        }
    }

    /// `popTuple`.
    pub(super) fn pop_tuple(&mut self) -> N {
        let root = self.node(K::Tuple);
        if self.pop_kind(K::EmptyList).is_none() {
            loop {
                let first = self.pop_kind(K::FirstElementMarker).is_some();
                let element = Some(self.node(K::TupleElement));
                let variadic = self.pop_kind(K::VariadicMarker);
                self.add(element, variadic);
                if let Some(ident) = self.pop_kind(K::Identifier) {
                    let text = self.tree.text(ident).to_vec();
                    let name = Some(self.text_node(K::TupleElementName, &text));
                    self.add(element, name);
                }
                let ty = self.pop_kind(K::Type)?;
                self.add(element, Some(ty));
                self.add(Some(root), element);
                if first {
                    break;
                }
            }
            self.tree.reverse_children(root, 0);
        }
        self.ty(Some(root))
    }

    /// The types down to the first (`popPack`, `popSILPack`,
    /// `popTypeList`'s loop), into `root`, in their mangled order.
    pub(super) fn pop_types_into(&mut self, root: Id) -> Option<()> {
        if self.pop_kind(K::EmptyList).is_none() {
            loop {
                let first = self.pop_kind(K::FirstElementMarker).is_some();
                let ty = self.pop_kind(K::Type)?;
                self.tree.push_child(root, ty);
                if first {
                    break;
                }
            }
            self.tree.reverse_children(root, 0);
        }
        Some(())
    }

    /// `popPack`.
    pub(super) fn pop_pack(&mut self) -> N {
        let root = self.node(K::Pack);
        self.pop_types_into(root)?;
        self.ty(Some(root))
    }

    /// `popSILPack`.
    pub(super) fn pop_sil_pack(&mut self) -> N {
        let root = match self.next() {
            b'd' => self.node(K::SILPackDirect),
            b'i' => self.node(K::SILPackIndirect),
            _ => return None,
        };
        self.pop_types_into(root)?;
        self.ty(Some(root))
    }

    /// `popTypeList`.
    pub(super) fn pop_type_list(&mut self) -> N {
        let root = self.node(K::TypeList);
        self.pop_types_into(root)?;
        Some(root)
    }

    // -- Lowered function types (`I`) --

    /// `demangleImplParamConvention`.
    pub(super) fn impl_param_convention(&mut self, kind: Kind) -> N {
        let attr: &[u8] = match self.next() {
            b'i' => b"@in",
            b'c' => b"@in_constant",
            b'l' => b"@inout",
            b'b' => b"@inout_aliasable",
            b'n' => b"@in_guaranteed",
            b'X' => b"@in_cxx",
            b'x' => b"@owned",
            b'g' => b"@guaranteed",
            b'e' => b"@deallocating",
            b'y' => b"@unowned",
            b'v' => b"@pack_owned",
            b'p' => b"@pack_guaranteed",
            b'm' => b"@pack_inout",
            _ => {
                self.push_back();
                return None;
            }
        };
        let convention = Some(self.text_node(K::ImplConvention, attr));
        self.with1(kind, convention)
    }

    /// `demangleImplResultConvention`.
    pub(super) fn impl_result_convention(&mut self, kind: Kind) -> N {
        let attr: &[u8] = match self.next() {
            b'r' => b"@out",
            b'o' => b"@owned",
            b'd' => b"@unowned",
            b'u' => b"@unowned_inner_pointer",
            b'a' => b"@autoreleased",
            b'k' => b"@pack_out",
            _ => {
                self.push_back();
                return None;
            }
        };
        let convention = Some(self.text_node(K::ImplConvention, attr));
        self.with1(kind, convention)
    }

    /// An optional attribute of a lowered parameter, a text node if the
    /// next character is `c` (`demangleImplParameterSending` and its
    /// siblings).
    pub(super) fn impl_flag(&mut self, c: u8, kind: Kind, text: &[u8]) -> N {
        self.next_if(c).then(|| self.text_node(kind, text))
    }

    /// `demangleClangType`.
    pub(super) fn clang_type(&mut self) -> N {
        let len = self.natural();
        if len <= 0 || self.pos + len as usize > self.text.len() {
            return None;
        }
        let (start, end) = (self.pos, self.pos + len as usize);
        self.pos = end;
        let text = self.text[start..end].to_vec();
        Some(self.text_node(K::ClangType, &text))
    }

    /// `demangleImplFunctionType`.
    pub(super) fn impl_function_type(&mut self) -> N {
        let ty = self.node(K::ImplFunctionType);
        self.impl_substitutions(ty)?;
        let mut signature = self.pop_kind(K::DependentGenericSignature);
        if signature.is_some() && self.next_if(b'P') {
            signature = self.change_kind(signature, K::DependentPseudogenericSignature);
        }
        self.impl_attributes(ty)?;
        self.add(Some(ty), signature);
        let types = self.impl_types(ty)?;
        if !self.next_if(b'_') {
            return None;
        }
        for i in 0..types {
            let conv_ty = self.pop_kind(K::Type)?;
            let n = self.tree.len(ty);
            let target = self.child(ty, n - i - 1)?;
            self.tree.push_child(target, conv_ty);
        }
        self.ty(Some(ty))
    }

    /// A SIL function type's pattern (`s`) and invocation (`I`)
    /// substitutions (`demangleImplFunctionType`).
    fn impl_substitutions(&mut self, ty: Id) -> Option<()> {
        if self.next_if(b's') {
            let (lists, retroactive) = self.bound_generics()?;
            let signature = self.pop_kind(K::DependentGenericSignature)?;
            let subs = self.node(K::ImplPatternSubstitutions);
            self.tree.push_child(subs, signature);
            self.tree.push_child(subs, *lists.first()?);
            if let Some(r) = retroactive {
                self.tree.push_child(subs, r);
            }
            self.tree.push_child(ty, subs);
        }
        if self.next_if(b'I') {
            let (lists, retroactive) = self.bound_generics()?;
            let subs = self.node(K::ImplInvocationSubstitutions);
            if lists.len() != 1 {
                return None;
            }
            self.tree.push_child(subs, lists[0]);
            if let Some(r) = retroactive {
                self.tree.push_child(subs, r);
            }
            self.tree.push_child(ty, subs);
        }
        Some(())
    }

    /// A SIL function type's attributes: escaping, erased isolation,
    /// differentiability, callee convention, function convention,
    /// coroutine kind, `@Sendable`, `@async`, a sending result.
    fn impl_attributes(&mut self, ty: Id) -> Option<()> {
        if self.next_if(b'e') {
            let node = self.node(K::ImplEscaping);
            self.tree.push_child(ty, node);
        }
        if self.next_if(b'A') {
            let node = self.node(K::ImplErasedIsolation);
            self.tree.push_child(ty, node);
        }
        if matches!(self.peek(), b'd' | b'l' | b'f' | b'r') {
            let c = self.next();
            let node = self.index_node(K::ImplDifferentiabilityKind, u64::from(c));
            self.tree.push_child(ty, node);
        }
        let callee: &[u8] = match self.next() {
            b'y' => b"@callee_unowned",
            b'g' => b"@callee_guaranteed",
            b'x' => b"@callee_owned",
            b't' => b"@convention(thin)",
            _ => return None,
        };
        let node = self.text_node(K::ImplConvention, callee);
        self.tree.push_child(ty, node);
        self.impl_function_convention(ty)?;
        let coroutine: Option<&[u8]> = if self.next_if(b'A') {
            Some(b"yield_once")
        } else if self.next_if(b'I') {
            Some(b"yield_once_2")
        } else if self.next_if(b'G') {
            Some(b"yield_many")
        } else {
            None
        };
        if let Some(text) = coroutine {
            let node = self.text_node(K::ImplCoroutineKind, text);
            self.tree.push_child(ty, node);
        }
        if self.next_if(b'h') {
            let node = self.text_node(K::ImplFunctionAttribute, b"@Sendable");
            self.tree.push_child(ty, node);
        }
        if self.next_if(b'H') {
            let node = self.text_node(K::ImplFunctionAttribute, b"@async");
            self.tree.push_child(ty, node);
        }
        if self.next_if(b'T') {
            let node = self.node(K::ImplSendingResult);
            self.tree.push_child(ty, node);
        }
        Some(())
    }

    /// A SIL function type's parameters, results, yields and error result,
    /// each with its convention; how many types they take.
    fn impl_types(&mut self, ty: Id) -> Option<usize> {
        let mut types = 0;
        while let Some(param) = self.impl_param_convention(K::ImplParameter) {
            self.tree.push_child(ty, param);
            let diff = self.impl_differentiability();
            self.add(Some(param), diff);
            for (c, kind, text) in [
                (b'T', K::ImplParameterSending, &b"sending"[..]),
                (b'I', K::ImplParameterIsolated, b"isolated"),
                (
                    b'L',
                    K::ImplParameterImplicitLeading,
                    b"sil_implicit_leading_param",
                ),
            ] {
                let flag = self.impl_flag(c, kind, text);
                self.add(Some(param), flag);
            }
            types += 1;
        }
        while let Some(result) = self.impl_result_convention(K::ImplResult) {
            self.tree.push_child(ty, result);
            let diff = self.impl_differentiability();
            self.add(Some(result), diff);
            types += 1;
        }
        while self.next_if(b'Y') {
            let yielded = self.impl_param_convention(K::ImplYield)?;
            self.tree.push_child(ty, yielded);
            types += 1;
        }
        if self.next_if(b'z') {
            let error = self.impl_result_convention(K::ImplErrorResult)?;
            self.tree.push_child(ty, error);
            types += 1;
        }
        Some(types)
    }

    /// `demangleImplParameterResultDifferentiability`: always a node, its
    /// text empty unless `w`.
    pub(super) fn impl_differentiability(&mut self) -> N {
        let text: &[u8] = if self.next_if(b'w') {
            b"@noDerivative"
        } else {
            b""
        };
        Some(self.text_node(K::ImplParameterResultDifferentiability, text))
    }

    /// The function convention of `demangleImplFunctionType` (`B`, `C`,
    /// `zB`, `zC`, `M`, `O`, `K`, `W`), if any.
    pub(super) fn impl_function_convention(&mut self, ty: Id) -> Option<()> {
        let mut clang = false;
        let convention: Option<&[u8]> = match self.next() {
            b'B' => Some(b"block"),
            b'C' => Some(b"c"),
            b'z' => match self.next() {
                b'B' => {
                    clang = true;
                    Some(b"block")
                }
                b'C' => {
                    clang = true;
                    Some(b"c")
                }
                _ => {
                    self.push_back();
                    self.push_back();
                    None
                }
            },
            b'M' => Some(b"method"),
            b'O' => Some(b"objc_method"),
            b'K' => Some(b"closure"),
            b'W' => Some(b"witness_method"),
            _ => {
                self.push_back();
                None
            }
        };
        if let Some(name) = convention {
            let attr = self.node(K::ImplFunctionConvention);
            let name = self.text_node(K::ImplFunctionConventionName, name);
            self.tree.push_child(attr, name);
            if clang {
                let clang_type = self.clang_type();
                self.add(Some(attr), clang_type);
            }
            self.tree.push_child(ty, attr);
        }
        Some(())
    }
}
