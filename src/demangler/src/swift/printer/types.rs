//! Printing types (the type kinds of `NodePrinter::print`): function
//! types and their parameters, lowered function types, generic
//! signatures and requirements, bound generics and their sugar, tuples,
//! packs, metatypes, existentials, dependent and opaque types.

use super::names::{
    differentiability_suffix, generic_parameter_name, is_existential, is_simple_kind,
};
use super::{At, Printer};
use crate::swift::nodes::{Id, Kind};

use super::Piece::{C, T};
use Kind as K;

/// What a function type prints after its parameters: ` async`, what it
/// throws, a `sending` result.
struct AfterParameters {
    sending_result: bool,
    thrown: Option<Id>,
    is_async: bool,
}

impl Printer<'_> {
    /// A node of a function type, a tuple, a pack or a return type;
    /// `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_structural_type_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::FunctionType
            | K::UncurriedFunctionType
            | K::NoEscapeFunctionType
            | K::AutoClosureType
            | K::EscapingAutoClosureType
            | K::ThinFunctionType
            | K::CFunctionPointer
            | K::ObjCBlock
            | K::EscapingObjCBlock => self.function_type(None, id, depth),
            K::ArgumentTuple => {
                let show = self.options.show_function_argument_types;
                self.function_parameters(None, id, depth, show);
            }
            K::Tuple => {
                self.s("(");
                self.print_children(id, depth, Some(", "));
                self.s(")");
            }
            K::TupleElement => {
                if let Some(label) = self.child_of_kind(id, K::TupleElementName) {
                    self.put(self.text(label));
                    self.s(": ");
                }
                let Some(ty) = self.child_of_kind(id, K::Type) else {
                    self.invalid = true;
                    return None;
                };
                self.print(ty, depth + 1, false);
                if self.child_of_kind(id, K::VariadicMarker).is_some() {
                    self.s("...");
                }
            }
            K::TupleElementName => {
                self.put(self.text(id));
                self.s(": ");
            }
            K::Pack => {
                self.s("Pack{");
                self.print_children(id, depth, Some(", "));
                self.s("}");
            }
            K::SILPackDirect | K::SILPackIndirect => {
                self.s(if kind == K::SILPackDirect {
                    "@direct Pack{"
                } else {
                    "@indirect Pack{"
                });
                self.print_children(id, depth, Some(", "));
                self.s("}");
            }
            K::PackExpansion => {
                self.s("repeat ");
                self.print_child(id, 0, depth);
            }
            K::PackElement => {
                let level = self.child(id, 1).map(|c| self.index(c))?;
                self.s("/* level: ");
                self.num(level);
                self.s(" */ each ");
                self.print_child(id, 0, depth);
            }
            K::ReturnType => {
                if self.len(id) == 0 {
                    self.put(self.text(id));
                } else {
                    self.print_children(id, depth, None);
                }
            }
            K::BuiltinTupleType => self.s("Builtin.TheTupleType"),
            K::BuiltinFixedArray => {
                self.fill(
                    id,
                    depth,
                    &[T("Builtin.FixedArray<"), C(0), T(", "), C(1), T(">")],
                );
            }
            _ => *other = true,
        }
        None
    }

    /// A node of a bound generic type, `Self`, a SIL box type or a
    /// metatype; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_generic_type_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::BoundGenericClass
            | K::BoundGenericStructure
            | K::BoundGenericEnum
            | K::BoundGenericProtocol
            | K::BoundGenericOtherNominalType
            | K::BoundGenericTypeAlias => self.bound_generic(id, depth),
            K::DynamicSelf | K::ConstrainedExistentialSelf => self.s("Self"),
            K::SILBoxType => {
                self.s("@box ");
                self.print_child(id, 0, depth);
            }
            K::Metatype => {
                let mut idx = 0;
                if self.len(id) == 2 {
                    self.print_child(id, 0, depth);
                    self.s(" ");
                    idx = 1;
                }
                let inner = self.child(id, idx)?;
                let ty = self.child(inner, 0)?;
                self.with_parens(ty, depth);
                if is_existential(self.kind(ty)) {
                    self.s(".Protocol");
                } else {
                    self.s(".Type");
                }
            }
            _ => *other = true,
        }
        None
    }

    /// A node of an existential, a protocol list or an associated type;
    /// `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_existential_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::ConstrainedExistential => {
                self.fill(id, depth, &[T("any "), C(0), T("<"), C(1), T(">")]);
            }
            K::ConstrainedExistentialRequirementList => self.print_children(id, depth, Some(", ")),
            K::ExistentialMetatype => {
                let mut idx = 0;
                if self.len(id) == 2 {
                    self.print_child(id, 0, depth);
                    self.s(" ");
                    idx = 1;
                }
                self.print_child(id, idx, depth);
                self.s(".Type");
            }
            K::AssociatedTypeRef => {
                self.print_child(id, 0, depth);
                let name = self.child(id, 1)?;
                self.s(".");
                self.put(self.text(name));
            }
            K::ProtocolList => {
                let list = self.child(id, 0)?;
                if self.len(list) == 0 {
                    self.s("Any");
                } else {
                    self.print_children(list, depth, Some(" & "));
                }
            }
            K::ProtocolListWithClass => {
                if self.len(id) < 2 {
                    return None;
                }
                self.print_child(id, 1, depth);
                self.s(" & ");
                let protocols = self.child(id, 0)?;
                if self.len(protocols) < 1 {
                    return None;
                }
                let list = self.child(protocols, 0)?;
                self.print_children(list, depth, Some(" & "));
            }
            K::ProtocolListWithAnyObject => {
                let protocols = self.tree.get(id, 0)?;
                let list = self.tree.get(protocols, 0)?;
                if self.len(list) > 0 {
                    self.print_children(list, depth, Some(" & "));
                    self.s(" & ");
                }
                if self.options.qualify_entities {
                    self.s("Swift.");
                }
                self.s("AnyObject");
            }
            K::AssociatedType
            | K::LabelList
            | K::OpaqueReturnTypeIndex
            | K::OpaqueReturnTypeParent => {}
            K::TypeList => self.print_children(id, depth, None),
            _ => *other = true,
        }
        None
    }

    /// A node of a SIL function type (`@convention`, its parameters and
    /// results); `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_impl_function_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::ImplDifferentiabilityKind => {
                self.s("@differentiable");
                self.s(differentiability_suffix(self.index(id)));
            }
            K::ImplEscaping => self.s("@escaping"),
            K::ImplErasedIsolation => self.s("@isolated(any)"),
            K::ImplCoroutineKind => {
                if !self.text(id).is_empty() {
                    self.s("@");
                    self.put(self.text(id));
                }
            }
            K::ImplSendingResult => self.s("sending"),
            K::ImplParameterResultDifferentiability
            | K::ImplParameterSending
            | K::ImplParameterIsolated
            | K::ImplParameterImplicitLeading => {
                if !self.text(id).is_empty() {
                    self.put(self.text(id));
                    self.s(" ");
                }
            }
            K::ImplFunctionConvention => {
                self.s("@convention(");
                let name = self.child(id, 0)?;
                self.put(self.text(name));
                if self.len(id) == 2 {
                    self.fill(id, depth, &[T(", mangledCType: \""), C(1), T("\"")]);
                }
                self.s(")");
            }
            K::ImplErrorResult | K::ImplYield => {
                self.s(if kind == K::ImplErrorResult {
                    "@error "
                } else {
                    "@yields "
                });
                self.print_children(id, depth, Some(" "));
            }
            K::ImplParameter | K::ImplResult => {
                self.print_child(id, 0, depth);
                self.s(" ");
                if self.len(id) == 3 {
                    self.print_child(id, 1, depth);
                }
                if self.len(id) == 4 {
                    self.print_child(id, 1, depth);
                    self.print_child(id, 2, depth);
                }
                // `getLastChild` of no children is null, as past the end.
                let last = self.len(id).wrapping_sub(1);
                self.print_child(id, last, depth);
            }
            K::ImplFunctionType => self.impl_function_type(id, depth),
            K::ImplInvocationSubstitutions => {
                self.s("for <");
                let list = self.child(id, 0)?;
                self.print_children(list, depth, Some(", "));
                self.s(">");
            }
            K::ImplPatternSubstitutions => {
                self.fill(id, depth, &[T("@substituted "), C(0), T(" for <")]);
                let list = self.child(id, 1)?;
                self.print_children(list, depth, Some(", "));
                self.s(">");
            }
            K::ErrorType => self.s("<ERROR TYPE>"),
            _ => *other = true,
        }
        None
    }

    /// A node of a generic signature, its requirements and dependent
    /// types; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_generic_signature_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::DependentPseudogenericSignature | K::DependentGenericSignature => {
                self.generic_signature(id, depth)
            }
            K::DependentGenericConformanceRequirement => {
                self.fill(id, depth, &[C(0), T(": "), C(1)]);
            }
            K::DependentGenericInverseConformanceRequirement => {
                self.print_child(id, 0, depth);
                self.s(": ~");
                let bit = self.child(id, 1).map(|c| self.index(c))?;
                match bit {
                    0 => self.s("Swift.Copyable"),
                    1 => self.s("Swift.Escapable"),
                    _ => {
                        self.s("Swift.<bit ");
                        self.num(bit);
                        self.s(">");
                    }
                }
            }
            K::DependentGenericLayoutRequirement => self.layout_requirement(id, depth),
            K::DependentGenericSameTypeRequirement => {
                self.fill(id, depth, &[C(0), T(" == "), C(1)]);
            }
            K::DependentGenericSameShapeRequirement => {
                self.fill(id, depth, &[C(0), T(".shape == "), C(1), T(".shape")]);
            }
            K::DependentGenericParamType => {
                let depth_node = self.child(id, 0)?;
                let index_node = self.child(id, 1)?;
                let name = generic_parameter_name(self.index(depth_node), self.index(index_node));
                self.s(&name);
            }
            K::DependentGenericType => {
                let signature = self.child(id, 0)?;
                let ty = self.child(id, 1)?;
                self.print(signature, depth + 1, false);
                if self.needs_space_before(ty) {
                    self.s(" ");
                }
                self.print(ty, depth + 1, false);
            }
            K::DependentMemberType => {
                self.fill(id, depth, &[C(0), T("."), C(1)]);
            }
            K::DependentAssociatedTypeRef => {
                if self.len(id) > 1 {
                    self.print_child(id, 1, depth);
                    self.s(".");
                }
                self.print_child(id, 0, depth);
            }
            _ => *other = true,
        }
        None
    }

    /// A node of a function type attribute or annotation; `other` set for
    /// a kind of another group.
    #[inline(always)]
    pub(super) fn print_type_annotation_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::ConcurrentFunctionType => self.s("@Sendable "),
            K::DifferentiableFunctionType => {
                self.s("@differentiable");
                self.s(differentiability_suffix(self.index(id)));
                self.s(" ");
            }
            K::GlobalActorFunctionType => {
                if self.len(id) > 0 {
                    self.fill(id, depth, &[T("@"), C(0), T(" ")]);
                }
            }
            K::IsolatedAnyFunctionType => self.s("@isolated(any) "),
            K::NonIsolatedCallerFunctionType => self.s("nonisolated(nonsending) "),
            K::SendingResultFunctionType => self.s("sending "),
            K::AsyncAnnotation => self.s(" async"),
            K::ThrowsAnnotation => self.s(" throws"),
            K::TypedThrowsAnnotation => {
                self.s(" throws(");
                if self.len(id) == 1 {
                    self.print_child(id, 0, depth);
                }
                self.s(")");
            }
            K::EmptyList => self.s(" empty-list "),
            K::FirstElementMarker => self.s(" first-element-marker "),
            K::VariadicMarker => self.s(" variadic-marker "),
            _ => *other = true,
        }
        None
    }

    /// A node of a SIL box layout, sugar (`T?`, `[T]`, `[K: V]`) or an
    /// opaque type; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_sugar_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::SILBoxTypeWithLayout => self.sil_box(id, depth),
            K::SILBoxLayout => {
                self.s("{");
                for i in 0..self.len(id) {
                    if i > 0 {
                        self.s(",");
                    }
                    self.s(" ");
                    self.print_child(id, i, depth);
                }
                self.s(" }");
            }
            K::SILBoxImmutableField | K::SILBoxMutableField => {
                self.s(if kind == K::SILBoxImmutableField {
                    "let "
                } else {
                    "var "
                });
                self.print_child(id, 0, depth);
            }
            K::AssocTypePath => self.print_children(id, depth, Some(".")),
            K::SugaredOptional => {
                let ty = self.child(id, 0)?;
                self.with_parens(ty, depth);
                self.s("?");
            }
            K::SugaredArray => {
                self.fill(id, depth, &[T("["), C(0), T("]")]);
            }
            K::SugaredInlineArray | K::SugaredDictionary => {
                self.s("[");
                self.print_child(id, 0, depth);
                self.s(if kind == K::SugaredDictionary {
                    " : "
                } else {
                    " of "
                });
                self.print_child(id, 1, depth);
                self.s("]");
            }
            K::SugaredParen => {
                self.fill(id, depth, &[T("("), C(0), T(")")]);
            }
            K::OpaqueReturnType => self.s("some"),
            K::OpaqueReturnTypeOf => {
                self.s("<<opaque return type of ");
                self.print_children(id, depth, None);
                self.s(">>");
            }
            K::OpaqueType => {
                self.fill(id, depth, &[C(0), T("."), C(1)]);
            }
            K::ExtendedExistentialTypeShape => {
                // Swift takes children 1 and 2 for the signature and the
                // type where there are two, and child 1 for the type where
                // there is one: one past the children, printed as null.
                let saved = self.options.display_where_clauses;
                self.options.display_where_clauses = true;
                self.s("existential shape for ");
                let (signature, ty) = if self.len(id) == 2 {
                    (Some(1), 2)
                } else {
                    (None, 1)
                };
                if let Some(signature) = signature {
                    self.print_child(id, signature, depth);
                    self.s(" ");
                }
                self.s("any ");
                self.print_child(id, ty, depth);
                self.options.display_where_clauses = saved;
            }
            K::SymbolicExtendedExistentialType => self.invalid = true,
            _ => *other = true,
        }
        None
    }

    /// `isSimpleType`.
    pub(super) fn is_simple(&self, id: Id) -> bool {
        let kind = self.kind(id);
        match kind {
            K::Type => self.tree.get(id, 0).is_some_and(|c| self.is_simple(c)),
            K::ProtocolList => self.tree.get(id, 0).is_some_and(|list| self.len(list) <= 1),
            K::ProtocolListWithAnyObject => self
                .tree
                .get(id, 0)
                .and_then(|p| self.tree.get(p, 0))
                .is_some_and(|list| self.len(list) == 0),
            _ => is_simple_kind(kind),
        }
    }

    /// `printWithParens`.
    pub(super) fn with_parens(&mut self, ty: Id, depth: u32) {
        let parens = !self.is_simple(ty);
        if parens {
            self.s("(");
        }
        self.print(ty, depth + 1, false);
        if parens {
            self.s(")");
        }
    }

    /// `printBoundGenericNoSugar`.
    pub(super) fn bound_generic_no_sugar(&mut self, id: Id, depth: u32) {
        if self.len(id) < 2 {
            return;
        }
        self.print_child(id, 0, depth);
        self.s("<");
        if let Some(list) = self.child(id, 1) {
            self.print_children(list, depth, Some(", "));
        }
        self.s(">");
    }

    /// `findSugar`: `Optional`, `ImplicitlyUnwrappedOptional`, `Array` or
    /// `Dictionary` of the standard library.
    pub(super) fn sugar(&self, id: Id) -> Option<&'static str> {
        let kind = self.kind(id);
        if kind == K::Type && self.len(id) == 1 {
            return self.sugar(self.tree.get(id, 0)?);
        }
        if self.len(id) != 2 || !matches!(kind, K::BoundGenericEnum | K::BoundGenericStructure) {
            return None;
        }
        let unbound = self.tree.get(self.tree.get(id, 0)?, 0)?;
        let args = self.len(self.tree.get(id, 1)?);
        let module = self.tree.get(unbound, 0)?;
        let name = self.tree.get(unbound, 1)?;
        let is_swift = self.kind(module) == K::Module && self.text(module) == b"Swift";
        let named = |n: &[u8]| self.kind(name) == K::Identifier && self.text(name) == n;
        let sugar = if kind == K::BoundGenericEnum {
            if named(b"Optional") && args == 1 && is_swift {
                "?"
            } else if named(b"ImplicitlyUnwrappedOptional") && args == 1 && is_swift {
                "!"
            } else {
                return None;
            }
        } else if named(b"Array") && args == 1 && is_swift {
            "[]"
        } else if named(b"Dictionary") && args == 2 && is_swift {
            "[:]"
        } else {
            return None;
        };
        Some(sugar)
    }

    /// `printBoundGeneric`.
    pub(super) fn bound_generic(&mut self, id: Id, depth: u32) {
        if self.len(id) < 2 {
            return;
        }
        if self.len(id) != 2
            || !self.options.synthesize_sugar_on_types
            || self.kind(id) == K::BoundGenericClass
        {
            self.bound_generic_no_sugar(id, depth);
            return;
        }
        if self.kind(id) == K::BoundGenericProtocol {
            if let Some(list) = self.child(id, 1) {
                self.print_children(list, depth, None);
            }
            self.s(" as ");
            self.print_child(id, 0, depth);
            return;
        }
        let Some(args) = self.tree.get(id, 1) else {
            return;
        };
        match self.sugar(id) {
            None => self.bound_generic_no_sugar(id, depth),
            Some(mark @ ("?" | "!")) => {
                if let Some(ty) = self.child(args, 0) {
                    self.with_parens(ty, depth);
                }
                self.s(mark);
            }
            Some("[]") => {
                self.s("[");
                self.print_child(args, 0, depth);
                self.s("]");
            }
            Some(_) => {
                self.s("[");
                self.print_child(args, 0, depth);
                self.s(" : ");
                self.print_child(args, 1, depth);
                self.s("]");
            }
        }
    }

    /// `printFunctionParameters`.
    pub(super) fn function_parameters(
        &mut self,
        labels: Option<Id>,
        params: Id,
        depth: u32,
        show_types: bool,
    ) {
        if self.kind(params) != K::ArgumentTuple {
            self.invalid = true;
            return;
        }
        let Some(ty) = self.child(params, 0) else {
            return;
        };
        let Some(parameters) = self.child(ty, 0) else {
            return;
        };
        if self.kind(parameters) != K::Tuple {
            if show_types {
                self.s("(");
                self.print(parameters, depth + 1, false);
                self.s(")");
            } else {
                self.s("(_:)");
            }
            return;
        }
        let has_labels = labels.is_some_and(|l| self.len(l) > 0);
        self.s("(");
        let count = self.len(parameters);
        for i in 0..count {
            let Some(param) = self.child(parameters, i) else {
                return;
            };
            if has_labels {
                let label = labels.and_then(|l| self.tree.get(l, i));
                match label {
                    Some(l) if self.kind(l) == K::Identifier => self.put(self.text(l)),
                    Some(_) => self.s("_"),
                    None => {
                        self.invalid = true;
                        return;
                    }
                }
                self.s(":");
            } else if !show_types {
                match self.child_of_kind(param, K::TupleElementName) {
                    Some(label) => {
                        self.put(self.text(label));
                        self.s(":");
                    }
                    None => self.s("_:"),
                }
            }
            if has_labels && show_types {
                self.s(" ");
            }
            if show_types {
                self.print(param, depth + 1, false);
            }
            if i + 1 < count && show_types {
                self.s(", ");
            }
        }
        self.s(")");
    }

    /// `printFunctionType`.
    pub(super) fn function_type(&mut self, labels: Option<Id>, node: Id, depth: u32) {
        if self.len(node) < 2 {
            self.invalid = true;
            return;
        }
        let first_is_clang = self.tree.get(node, 0).map(|c| self.kind(c)) == Some(K::ClangType);
        let convention_with_c_type = |p: &mut Self, convention: &str| {
            p.s("@convention(");
            p.s(convention);
            if first_is_clang {
                p.s(", mangledCType: \"");
                p.print_child(node, 0, depth);
                p.s("\"");
            }
            p.s(") ");
        };
        match self.kind(node) {
            K::AutoClosureType | K::EscapingAutoClosureType => self.s("@autoclosure "),
            K::ThinFunctionType => self.s("@convention(thin) "),
            K::CFunctionPointer => convention_with_c_type(self, "c"),
            K::EscapingObjCBlock => {
                self.s("@escaping ");
                convention_with_c_type(self, "block");
            }
            K::ObjCBlock => convention_with_c_type(self, "block"),
            _ => {}
        }
        let arg_index = self.len(node) - 2;
        let after = self.function_attributes(node, usize::from(first_is_clang), depth);
        let Some(args) = self.child(node, arg_index) else {
            return;
        };
        let show = self.options.show_function_argument_types;
        let marked = self.mark_type == Some(node);
        let start = self.out.len();
        self.function_parameters(labels, args, depth, show);
        if marked {
            self.mark(|m, span| m.parameters = span, start);
        }
        if !show {
            return;
        }
        if after.is_async {
            self.s(" async");
        }
        if let Some(thrown) = after.thrown {
            self.print(thrown, depth + 1, false);
        }
        self.s(" -> ");
        if after.sending_result {
            self.s("sending ");
        }
        let start = self.out.len();
        self.print_child(node, arg_index + 1, depth);
        if marked {
            self.mark(|m, span| m.return_type = span, start);
        }
    }

    /// The attributes of a function type after its convention, as Swift
    /// prints them before the parameters (`@isolated(any)`, a global actor,
    /// `@differentiable`, `nonisolated(nonsending)`, `@Sendable`), from its
    /// child `start` on; what prints after them.
    fn function_attributes(&mut self, node: Id, mut start: usize, depth: u32) -> AfterParameters {
        let kind_at = |p: &Self, i: usize| p.tree.get(node, i).map(|c| p.kind(c));
        let mut sending_result = false;
        if kind_at(self, start) == Some(K::SendingResultFunctionType) {
            start += 1;
            sending_result = true;
        }
        if kind_at(self, start) == Some(K::IsolatedAnyFunctionType) {
            self.print_child(node, start, depth);
            start += 1;
        }
        let mut nonisolated_caller = None;
        if kind_at(self, start) == Some(K::NonIsolatedCallerFunctionType) {
            nonisolated_caller = self.tree.get(node, start);
            start += 1;
        }
        if kind_at(self, start) == Some(K::GlobalActorFunctionType) {
            self.print_child(node, start, depth);
            start += 1;
        }
        let mut differentiability = None;
        if kind_at(self, start) == Some(K::DifferentiableFunctionType) {
            differentiability = self.tree.get(node, start).map(|c| self.index(c));
            start += 1;
        }
        let mut thrown = None;
        if matches!(
            kind_at(self, start),
            Some(K::ThrowsAnnotation | K::TypedThrowsAnnotation)
        ) {
            thrown = self.tree.get(node, start);
            start += 1;
        }
        let mut sendable = false;
        if kind_at(self, start) == Some(K::ConcurrentFunctionType) {
            start += 1;
            sendable = true;
        }
        let is_async = kind_at(self, start) == Some(K::AsyncAnnotation);
        if let Some(kind) = differentiability {
            self.s(match kind as u8 {
                b'f' => "@differentiable(_forward) ",
                b'r' => "@differentiable(reverse) ",
                b'l' => "@differentiable(_linear) ",
                _ => "@differentiable ",
            });
        }
        if let Some(caller) = nonisolated_caller {
            self.print(caller, depth + 1, false);
        }
        if sendable {
            self.s("@Sendable ");
        }
        AfterParameters {
            sending_result,
            thrown,
            is_async,
        }
    }

    /// `printImplFunctionType`.
    pub(super) fn impl_function_type(&mut self, id: Id, depth: u32) {
        #[derive(PartialEq, PartialOrd, Clone, Copy)]
        enum State {
            Attrs,
            Inputs,
            Results,
        }
        let (mut pattern, mut invocation, mut sending) = (None, None, None);
        let mut state = State::Attrs;
        let transition = |p: &mut Self,
                          state: &mut State,
                          to: State,
                          pattern: Option<Id>,
                          sending: Option<Id>| {
            while *state < to {
                match *state {
                    State::Attrs => {
                        if let Some(pattern) = pattern {
                            p.s("@substituted ");
                            p.print_child(pattern, 0, depth);
                            p.s(" ");
                        }
                        p.s("(");
                        *state = State::Inputs;
                    }
                    State::Inputs => {
                        p.s(") -> ");
                        if let Some(sending) = sending {
                            p.print(sending, depth + 1, false);
                            p.s(" ");
                        }
                        p.s("(");
                        *state = State::Results;
                    }
                    State::Results => break,
                }
            }
        };
        for &child in self.tree.children(id) {
            match self.kind(child) {
                K::ImplParameter => {
                    if state == State::Inputs {
                        self.s(", ");
                    }
                    transition(self, &mut state, State::Inputs, pattern, sending);
                    self.print(child, depth + 1, false);
                }
                K::ImplResult | K::ImplYield | K::ImplErrorResult => {
                    if state == State::Results {
                        self.s(", ");
                    }
                    transition(self, &mut state, State::Results, pattern, sending);
                    self.print(child, depth + 1, false);
                }
                K::ImplPatternSubstitutions => pattern = Some(child),
                K::ImplInvocationSubstitutions => invocation = Some(child),
                K::ImplSendingResult => sending = Some(child),
                _ => {
                    self.print(child, depth + 1, false);
                    self.s(" ");
                }
            }
        }
        transition(self, &mut state, State::Results, pattern, sending);
        self.s(")");
        if let Some(pattern) = pattern {
            self.s(" for <");
            if let Some(list) = self.child(pattern, 1) {
                self.print_children(list, depth, None);
            }
            self.s(">");
        }
        if let Some(invocation) = invocation {
            self.s(" for <");
            if let Some(list) = self.child(invocation, 0) {
                self.print_children(list, depth, None);
            }
            self.s(">");
        }
    }

    /// `printGenericSignature`.
    pub(super) fn generic_signature(&mut self, id: Id, depth: u32) {
        self.s("<");
        let children = self.tree.children(id);
        let count = children.len();
        let params = children
            .iter()
            .take_while(|&&c| self.kind(c) == K::DependentGenericParamCount)
            .count();
        let markers = |p: &Self, c: Id| {
            let c = if p.kind(c) == K::Type {
                p.tree.get(c, 0)
            } else {
                Some(c)
            };
            c.is_some_and(|c| {
                matches!(
                    p.kind(c),
                    K::DependentGenericParamPackMarker | K::DependentGenericParamValueMarker
                )
            })
        };
        let first_requirement = params
            + children[params..]
                .iter()
                .take_while(|&&c| markers(self, c))
                .count();
        for gp_depth in 0..params {
            if gp_depth != 0 {
                self.s("><");
            }
            let n = self.index(children[gp_depth]);
            for index in 0..n {
                if index != 0 {
                    self.s(", ");
                }
                if index >= 128 {
                    self.s("...");
                    break;
                }
                let markers = &children[params..first_requirement];
                if self
                    .is_param_marker(
                        markers,
                        K::DependentGenericParamPackMarker,
                        gp_depth as u64,
                        index,
                    )
                    .is_some()
                {
                    self.s("each ");
                }
                let value = self.is_param_marker(
                    markers,
                    K::DependentGenericParamValueMarker,
                    gp_depth as u64,
                    index,
                );
                if value.is_some() {
                    self.s("let ");
                }
                self.s(&generic_parameter_name(gp_depth as u64, index));
                if let Some(Some(ty)) = value {
                    self.s(": ");
                    self.print(ty, depth + 1, false);
                }
            }
        }
        if first_requirement != count && self.options.display_where_clauses {
            self.s(" where ");
            for (i, &requirement) in children.iter().enumerate().skip(first_requirement) {
                if i > first_requirement {
                    self.s(", ");
                }
                self.print(requirement, depth + 1, false);
            }
        }
        self.s(">");
    }

    /// The `isGenericParamPack` and `isGenericParamValue` of
    /// `printGenericSignature`: whether a marker of `kind` names the
    /// parameter (Swift compares the index with the depth's node and the
    /// depth with the index's, and so does this), and for a value its type.
    pub(super) fn is_param_marker(
        &self,
        markers: &[Id],
        kind: Kind,
        depth: u64,
        index: u64,
    ) -> Option<Option<Id>> {
        for &marker in markers {
            if self.kind(marker) != kind {
                continue;
            }
            let Some(ty) = self.tree.get(marker, 0) else {
                continue;
            };
            if self.kind(ty) != K::Type {
                continue;
            }
            let (param, value_ty) = if kind == K::DependentGenericParamPackMarker {
                (self.tree.get(ty, 0), None)
            } else {
                (self.tree.get(ty, 0), self.tree.get(ty, 1))
            };
            let Some(param) = param else { continue };
            if self.kind(param) != K::DependentGenericParamType {
                continue;
            }
            let (Some(a), Some(b)) = (self.tree.get(param, 0), self.tree.get(param, 1)) else {
                continue;
            };
            if index == self.index(a) && depth == self.index(b) {
                return Some(value_ty);
            }
        }
        None
    }

    /// `DependentGenericLayoutRequirement`.
    pub(super) fn layout_requirement(&mut self, id: Id, depth: u32) {
        self.print_child(id, 0, depth);
        self.s(": ");
        let Some(layout) = self.child(id, 1) else {
            return;
        };
        let name = match self.text(layout).first() {
            Some(b'U') => "_UnknownLayout",
            Some(b'R') => "_RefCountedObject",
            Some(b'N') => "_NativeRefCountedObject",
            Some(b'C') => "AnyObject",
            Some(b'D') => "_NativeClass",
            Some(b'T' | b'E' | b'e') => "_Trivial",
            Some(b'M' | b'm') => "_TrivialAtMost",
            _ => "",
        };
        self.s(name);
        if self.len(id) > 2 {
            self.s("(");
            self.print_child(id, 2, depth);
            if self.len(id) > 3 {
                self.s(", ");
                self.print_child(id, 3, depth);
            }
            self.s(")");
        }
    }

    /// `SILBoxTypeWithLayout`.
    pub(super) fn sil_box(&mut self, id: Id, depth: u32) {
        let Some(layout) = self.child(id, 0) else {
            return;
        };
        let mut args = None;
        if self.len(id) == 3 {
            self.print_child(id, 1, depth);
            self.s(" ");
            args = self.child(id, 2);
        }
        self.print(layout, depth + 1, false);
        if let Some(args) = args {
            self.s(" <");
            self.print_children(args, depth, Some(", "));
            self.s(">");
        }
    }

    /// `needSpaceBeforeType`.
    pub(super) fn needs_space_before(&self, id: Id) -> bool {
        match self.kind(id) {
            K::Type => self
                .tree
                .get(id, 0)
                .is_none_or(|c| self.needs_space_before(c)),
            K::FunctionType
            | K::NoEscapeFunctionType
            | K::UncurriedFunctionType
            | K::DependentGenericType => false,
            _ => true,
        }
    }
}
