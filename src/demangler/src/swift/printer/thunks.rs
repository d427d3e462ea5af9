//! Printing thunks, specializations, witnesses, conformances and runtime
//! records (the rest of `NodePrinter::print`).

use super::names::value_witness_name;
use super::{At, Printer};
use crate::swift::nodes::spec;
use crate::swift::nodes::{Id, Kind};

use super::Piece::{C, T};
use Kind as K;

impl Printer<'_> {
    /// A node of an outlined copy or variable, or an attribute; `other`
    /// set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_specialization_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::OutlinedBridgedMethod => {
                self.s("outlined bridged method (");
                self.put(self.text(id));
                self.s(") of ");
            }
            K::OutlinedCopy | K::OutlinedConsume => {
                self.s(if kind == K::OutlinedCopy {
                    "outlined copy of "
                } else {
                    "outlined consume of "
                });
                self.print_child(id, 0, depth);
                if self.len(id) > 1 {
                    self.print_child(id, 1, depth);
                }
            }
            K::OutlinedVariable => {
                self.s("outlined variable #");
                self.num(self.index(id));
                self.s(" of ");
            }
            K::OutlinedReadOnlyObject => {
                self.s("outlined read-only object #");
                self.num(self.index(id));
                self.s(" of ");
            }
            K::Directness => {
                self.s(if self.index(id) == 0 {
                    "direct "
                } else {
                    "indirect "
                });
            }
            K::RetroactiveConformance => {
                if self.len(id) == 2 {
                    self.fill(id, depth, &[T("retroactive @ "), C(0), C(1)]);
                }
            }
            K::NonObjCAttribute => self.s("@nonobjc "),
            K::ObjCAttribute => self.s("@objc "),
            K::DirectMethodReferenceAttribute => self.s("super "),
            K::DynamicAttribute => self.s("dynamic "),
            K::VTableAttribute => self.s("override "),
            _ => *other = true,
        }
        None
    }

    /// A node of a specialization or its parameters; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_specialization_kind_node(
        &mut self,
        at: At,
        other: &mut bool,
    ) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::FunctionSignatureSpecialization => {
                self.specialization_prefix(id, "function signature specialization", depth, "")
            }
            K::GenericPartialSpecialization => self.specialization_prefix(
                id,
                "generic partial specialization",
                depth,
                "Signature = ",
            ),
            K::GenericPartialSpecializationNotReAbstracted => self.specialization_prefix(
                id,
                "generic not-reabstracted partial specialization",
                depth,
                "Signature = ",
            ),
            K::GenericSpecialization | K::GenericSpecializationInResilienceDomain => {
                self.specialization_prefix(id, "generic specialization", depth, "")
            }
            K::GenericSpecializationPrespecialized => {
                self.specialization_prefix(id, "generic pre-specialization", depth, "")
            }
            K::GenericSpecializationNotReAbstracted => self.specialization_prefix(
                id,
                "generic not re-abstracted specialization",
                depth,
                "",
            ),
            K::InlinedGenericFunction => {
                self.specialization_prefix(id, "inlined generic function", depth, "")
            }
            K::IsSerialized => self.s("serialized"),
            K::DroppedArgument => {
                self.s("param");
                self.num(self.index(id));
                self.s("-removed");
            }
            K::GenericSpecializationParam => {
                self.print_child(id, 0, depth);
                for i in 1..self.len(id) {
                    self.s(if i == 1 { " with " } else { " and " });
                    self.print_child(id, i, depth);
                }
            }
            K::FunctionSignatureSpecializationParamPayload => {
                let text = self.text(id);
                match self.nested_symbol(text) {
                    Some(name) => self.put(&name),
                    None => self.put(text),
                }
            }
            K::FunctionSignatureSpecializationParamKind => self.spec_param_kind(id),
            K::LazyProtocolWitnessTableAccessor | K::LazyProtocolWitnessTableCacheVariable => {
                self.s(if kind == K::LazyProtocolWitnessTableAccessor {
                    "lazy protocol witness table accessor for type "
                } else {
                    "lazy protocol witness table cache variable for type "
                });
                self.fill(id, depth, &[C(0), T(" and conformance "), C(1)]);
            }
            _ => *other = true,
        }
        None
    }

    /// A node of a thunk: vtable, witness, partial application or key
    /// path; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_thunk_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::VTableThunk => {
                self.fill(
                    id,
                    depth,
                    &[T("vtable thunk for "), C(1), T(" dispatching to "), C(0)],
                );
            }
            K::ProtocolWitness => {
                self.fill(
                    id,
                    depth,
                    &[
                        T("protocol witness for "),
                        C(1),
                        T(" in conformance "),
                        C(0),
                    ],
                );
            }
            K::PartialApplyForwarder | K::PartialApplyObjCForwarder => {
                if self.options.shorten_partial_apply {
                    self.s("partial apply");
                } else if kind == K::PartialApplyForwarder {
                    self.s("partial apply forwarder");
                } else {
                    self.s("partial apply ObjC forwarder");
                }
                if self.len(id) > 0 {
                    self.s(" for ");
                    self.print_children(id, depth, None);
                }
            }
            K::KeyPathGetterThunkHelper
            | K::KeyPathSetterThunkHelper
            | K::KeyPathUnappliedMethodThunkHelper
            | K::KeyPathAppliedMethodThunkHelper => {
                self.s(match kind {
                    K::KeyPathGetterThunkHelper => "key path getter for ",
                    K::KeyPathSetterThunkHelper => "key path setter for ",
                    K::KeyPathUnappliedMethodThunkHelper => "key path unapplied method ",
                    _ => "key path applied method ",
                });
                self.print_child(id, 0, depth);
                self.s(" : ");
                for i in 1..self.len(id) {
                    let child = self.child(id, i)?;
                    if self.kind(child) == K::IsSerialized {
                        self.s(", ");
                    }
                    self.print(child, depth + 1, false);
                }
            }
            K::KeyPathEqualsThunkHelper | K::KeyPathHashThunkHelper => {
                self.key_path_equality(id, depth)
            }
            K::FieldOffset => {
                self.fill(id, depth, &[C(0), T("field offset for "), C(1)]);
            }
            K::EnumCase => {
                self.s("enum case for ");
                self.print_child(id, 0, depth);
            }
            _ => *other = true,
        }
        None
    }

    /// A node of a reabstraction thunk (or its helper, with a global actor
    /// or with `Self`); `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_reabstraction_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::ReabstractionThunk | K::ReabstractionThunkHelper => {
                if self.options.shorten_thunk {
                    self.s("thunk for ");
                    // `getLastChild` of no children is null, as past the end.
                    let last = self.len(id).wrapping_sub(1);
                    self.print_child(id, last, depth);
                    return None;
                }
                self.s("reabstraction thunk ");
                if kind == K::ReabstractionThunkHelper {
                    self.s("helper ");
                }
                // A generic signature first, where there is one.
                let base = usize::from(self.len(id) == 3);
                if base == 1 {
                    self.fill(id, depth, &[C(0), T(" ")]);
                }
                self.fill_from(id, base, depth, &[T("from "), C(1), T(" to "), C(0)]);
            }
            K::ReabstractionThunkHelperWithGlobalActor => {
                self.fill(
                    id,
                    depth,
                    &[C(0), T(" with global actor constraint "), C(1)],
                );
            }
            K::ReabstractionThunkHelperWithSelf => {
                self.s("reabstraction thunk ");
                let base = usize::from(self.len(id) == 4);
                if base == 1 {
                    self.fill(id, depth, &[C(0), T(" ")]);
                }
                let pieces = [T("from "), C(2), T(" to "), C(1), T(" self "), C(0)];
                self.fill_from(id, base, depth, &pieces);
            }
            _ => *other = true,
        }
        None
    }

    /// A node of automatic differentiation, a merged function, a symbolic
    /// reference or a distributed thunk; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_derived_function_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::AutoDiffFunction | K::AutoDiffDerivativeVTableThunk => {
                self.autodiff_function(id, depth)
            }
            K::AutoDiffSelfReorderingReabstractionThunk => self.autodiff_self_reordering(id, depth),
            K::AutoDiffSubsetParametersThunk => self.autodiff_subset_parameters(id, depth),
            K::AutoDiffFunctionKind => self.s(match self.index(id) as u8 {
                b'f' => "forward-mode derivative",
                b'r' => "reverse-mode derivative",
                b'd' => "differential",
                _ => "pullback",
            }),
            K::DifferentiabilityWitness => self.differentiability_witness(id, depth),
            K::IndexSubset => {
                self.s("{");
                let mut any = false;
                for (i, &c) in self.text(id).iter().enumerate() {
                    if c != b'S' {
                        continue;
                    }
                    if any {
                        self.s(", ");
                    }
                    self.num(i as u64);
                    any = true;
                }
                self.s("}");
            }
            K::MergedFunction => {
                if !self.options.shorten_thunk {
                    self.s("merged ");
                }
            }
            K::TypeSymbolicReference
            | K::OpaqueTypeDescriptorSymbolicReference
            | K::ProtocolSymbolicReference
            | K::UniqueExtendedExistentialTypeShapeSymbolicReference
            | K::NonUniqueExtendedExistentialTypeShapeSymbolicReference
            | K::ObjectiveCProtocolSymbolicReference => {
                // Never built: a symbolic reference needs a resolver.
                self.invalid = true;
            }
            K::DistributedThunk
            | K::DistributedAccessor
            | K::AccessibleFunctionRecord
            | K::DynamicallyReplaceableFunctionKey
            | K::DynamicallyReplaceableFunctionImpl
            | K::DynamicallyReplaceableFunctionVar
            | K::BackDeploymentThunk => {
                if !self.options.shorten_thunk {
                    self.s(match kind {
                        K::DistributedThunk => "distributed thunk ",
                        K::DistributedAccessor => "distributed accessor for ",
                        K::AccessibleFunctionRecord => "accessible function runtime record for ",
                        K::DynamicallyReplaceableFunctionKey => "dynamically replaceable key for ",
                        K::DynamicallyReplaceableFunctionImpl => {
                            "dynamically replaceable thunk for "
                        }
                        K::DynamicallyReplaceableFunctionVar => {
                            "dynamically replaceable variable for "
                        }
                        _ => "back deployment thunk for ",
                    });
                }
            }
            _ => *other = true,
        }
        None
    }

    /// A node of a witness table accessor, a value witness or a
    /// protocol conformance; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_witness_table_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::BackDeploymentFallback => self.s("back deployment fallback for "),
            K::AssociatedConformanceDescriptor | K::DefaultAssociatedConformanceAccessor => {
                self.s(if kind == K::AssociatedConformanceDescriptor {
                    "associated conformance descriptor for "
                } else {
                    "default associated conformance accessor for "
                });
                self.fill(id, depth, &[C(0), T("."), C(1), T(": "), C(2)]);
            }
            K::AssociatedTypeMetadataAccessor => {
                self.fill(
                    id,
                    depth,
                    &[
                        T("associated type metadata accessor for "),
                        C(1),
                        T(" in "),
                        C(0),
                    ],
                );
            }
            K::BaseConformanceDescriptor => {
                self.fill(
                    id,
                    depth,
                    &[T("base conformance descriptor for "), C(0), T(": "), C(1)],
                );
            }
            K::AssociatedTypeWitnessTableAccessor => {
                self.fill(
                    id,
                    depth,
                    &[
                        T("associated type witness table accessor for "),
                        C(1),
                        T(" : "),
                        C(2),
                        T(" in "),
                        C(0),
                    ],
                );
            }
            K::BaseWitnessTableAccessor => {
                self.fill(
                    id,
                    depth,
                    &[T("base witness table accessor for "), C(1), T(" in "), C(0)],
                );
            }
            K::ValueWitness => {
                let which = self.child(id, 0).map(|c| self.index(c))?;
                self.s(value_witness_name(which));
                self.s(if self.options.shorten_value_witness {
                    " for "
                } else {
                    " value witness for "
                });
                self.print_child(id, 1, depth);
            }
            K::ProtocolConformance => {
                if self.len(id) == 4 {
                    self.fill(
                        id,
                        depth,
                        &[
                            T("property behavior storage of "),
                            C(2),
                            T(" in "),
                            C(0),
                            T(" : "),
                            C(1),
                        ],
                    );
                } else {
                    self.print_child(id, 0, depth);
                    if self.options.display_protocol_conformances {
                        self.fill(id, depth, &[T(" : "), C(1), T(" in "), C(2)]);
                    }
                }
            }
            _ => *other = true,
        }
        None
    }

    /// A node of the kinds of protocol conformance; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_conformance_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::AssociatedTypeGenericParamRef => {
                self.s("generic parameter reference for associated type ");
                self.print_children(id, depth, None);
            }
            K::AnyProtocolConformanceList => {
                if self.len(id) > 0 {
                    self.s("(");
                    self.print_children(id, depth, Some(", "));
                    self.s(")");
                }
            }
            K::ConcreteProtocolConformance => {
                self.s("concrete protocol conformance ");
                if self.tree.has_index(id) {
                    self.s("#");
                    self.num(self.index(id));
                    self.s(" ");
                }
                self.fill(id, depth, &[C(0), T(" to "), C(1)]);
                if self.len(id) > 2 {
                    let conditions = self.child(id, 2)?;
                    if self.len(conditions) > 0 {
                        self.s(" with conditional requirements: ");
                        self.print(conditions, depth + 1, false);
                    }
                }
            }
            K::PackProtocolConformance
            | K::DependentAssociatedConformance
            | K::ProtocolConformanceRefInTypeModule
            | K::ProtocolConformanceRefInProtocolModule
            | K::ProtocolConformanceRefInOtherModule => {
                self.s(match kind {
                    K::PackProtocolConformance => "pack protocol conformance ",
                    K::DependentAssociatedConformance => "dependent associated conformance ",
                    K::ProtocolConformanceRefInTypeModule => {
                        "protocol conformance ref (type's module) "
                    }
                    K::ProtocolConformanceRefInProtocolModule => {
                        "protocol conformance ref (protocol's module) "
                    }
                    _ => "protocol conformance ref (retroactive) ",
                });
                self.print_children(id, depth, None);
            }
            K::DependentProtocolConformanceAssociated
            | K::DependentProtocolConformanceInherited
            | K::DependentProtocolConformanceRoot => {
                self.s(match kind {
                    K::DependentProtocolConformanceAssociated => {
                        "dependent associated protocol conformance "
                    }
                    K::DependentProtocolConformanceInherited => {
                        "dependent inherited protocol conformance "
                    }
                    _ => "dependent root protocol conformance ",
                });
                let index = self.child(id, 2)?;
                if self.tree.has_index(index) {
                    self.s("#");
                    self.num(self.index(index));
                    self.s(" ");
                }
                self.fill(id, depth, &[C(0), T(" to "), C(1)]);
            }
            K::DependentProtocolConformanceOpaque => {
                self.fill(
                    id,
                    depth,
                    &[T("opaque result conformance "), C(0), T(" of "), C(1)],
                );
            }
            _ => *other = true,
        }
        None
    }

    /// A node of a one-time initializer, an Objective-C completion
    /// handler or an async or coroutine function pointer; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_runtime_record_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind, id, depth, ..
        } = at;
        match kind {
            K::AccessorFunctionReference => {
                self.s("accessor function at ");
                self.num(self.index(id));
            }
            K::GlobalVariableOnceToken | K::GlobalVariableOnceFunction => {
                self.s(if kind == K::GlobalVariableOnceToken {
                    "one-time initialization token for "
                } else {
                    "one-time initialization function for "
                });
                // Swift calls `printContext` here and drops its answer.
                self.child(id, 0)?;
                self.print_child(id, 1, depth);
            }
            K::GlobalVariableOnceDeclList => {
                if self.len(id) == 1 {
                    self.print_child(id, 0, depth);
                } else {
                    self.s("(");
                    self.print_children(id, depth, Some(", "));
                    self.s(")");
                }
            }
            K::PredefinedObjCAsyncCompletionHandlerImpl | K::ObjCAsyncCompletionHandlerImpl => {
                if kind == K::PredefinedObjCAsyncCompletionHandlerImpl {
                    self.s("predefined ");
                }
                self.s("@objc completion handler block implementation for ");
                if self.len(id) >= 4 {
                    self.print_child(id, 3, depth);
                }
                self.fill(id, depth, &[C(0), T(" with result type "), C(1)]);
                let flag = self.child(id, 2).map(|c| self.index(c))?;
                self.s(match flag {
                    0 => "",
                    1 => " nonzero on error",
                    2 => " zero on error",
                    _ => " <invalid error flag>",
                });
            }
            K::AsyncFunctionPointer => self.s("async function pointer to "),
            K::AsyncAwaitResumePartialFunction | K::AsyncSuspendResumePartialFunction => {
                if self.options.show_async_resume_partial {
                    self.fill(id, depth, &[T("("), C(0), T(")")]);
                    self.s(if kind == K::AsyncAwaitResumePartialFunction {
                        " await resume partial function for "
                    } else {
                        " suspend resume partial function for "
                    });
                }
            }
            K::HasSymbolQuery => self.s("#_hasSymbol query for "),
            K::CoroFunctionPointer => self.s("coro function pointer to "),
            K::DefaultOverride => self.s("default override of "),
            _ => *other = true,
        }
        None
    }

    /// `printFunctionSigSpecializationParams`.
    pub(super) fn spec_params(&mut self, id: Id, depth: u32) {
        let end = self.len(id);
        let mut i = 0;
        while i < end {
            if self.stopped() {
                return;
            }
            match self.spec_param(id, i, end, depth) {
                Some(next) => i = next,
                None => return,
            }
        }
    }

    /// The specialized parameter at child `i` of `id` and the children
    /// after it that belong to it; the child after them (`None`: stop).
    fn spec_param(&mut self, id: Id, i: usize, end: usize, depth: u32) -> Option<usize> {
        let first = self.tree.get(id, i)?;
        let value = self.index(first);
        Some(match value {
            spec::BOX_TO_VALUE | spec::BOX_TO_STACK | spec::IN_OUT_TO_OUT => {
                self.print_child(id, i, depth);
                i + 1
            }
            spec::CONSTANT_PROP_FUNCTION | spec::CONSTANT_PROP_GLOBAL => {
                if i + 2 > end {
                    return None;
                }
                self.fill_from(id, i, depth, &[T("["), C(0), T(" : ")]);
                let text = self
                    .tree
                    .get(id, i + 1)
                    .map(|c| self.text(c))
                    .unwrap_or(b"");
                match self.nested_symbol(text) {
                    Some(name) => self.put(&name),
                    None => self.put(text),
                }
                self.s("]");
                i + 2
            }
            spec::CONSTANT_PROP_INTEGER | spec::CONSTANT_PROP_FLOAT => {
                if i + 2 > end {
                    return None;
                }
                self.fill_from(id, i, depth, &[T("["), C(0), T(" : "), C(1), T("]")]);
                i + 2
            }
            spec::CONSTANT_PROP_STRING => {
                if i + 3 > end {
                    return None;
                }
                self.fill_from(
                    id,
                    i,
                    depth,
                    &[T("["), C(0), T(" : "), C(1), T("'"), C(2), T("']")],
                );
                i + 3
            }
            spec::CONSTANT_PROP_KEY_PATH => {
                if i + 4 > end {
                    return None;
                }
                self.fill_from(
                    id,
                    i,
                    depth,
                    &[
                        T("["),
                        C(0),
                        T(" : "),
                        C(1),
                        T("<"),
                        C(2),
                        T(","),
                        C(3),
                        T(">]"),
                    ],
                );
                i + 4
            }
            spec::CLOSURE_PROP => {
                if i + 2 > end {
                    return None;
                }
                self.fill_from(
                    id,
                    i,
                    depth,
                    &[T("["), C(0), T(" : "), C(1), T(", Argument Types : [")],
                );
                let mut i = i + 2;
                while i < end {
                    let Some(child) = self.tree.get(id, i) else {
                        break;
                    };
                    if self.kind(child) != K::Type {
                        break;
                    }
                    self.print(child, depth + 1, false);
                    i += 1;
                    if i < end && self.tree.get(id, i).is_some_and(|c| self.tree.has_text(c)) {
                        self.s(", ");
                    }
                }
                self.s("]");
                i
            }
            _ => {
                self.print_child(id, i, depth);
                i + 1
            }
        })
    }

    /// `printSpecializationPrefix`.
    pub(super) fn specialization_prefix(
        &mut self,
        id: Id,
        description: &str,
        depth: u32,
        param_prefix: &str,
    ) {
        if !self.options.display_generic_specializations {
            if !self.specialization_prefix_printed {
                self.s("specialized ");
                self.specialization_prefix_printed = true;
            }
            return;
        }
        self.s(description);
        self.s(" <");
        let mut separator = "";
        let mut arg = 0;
        for &child in self.tree.children(id) {
            match self.kind(child) {
                K::SpecializationPassID | K::DroppedArgument => {}
                K::IsSerialized => {
                    self.s(separator);
                    separator = ", ";
                    self.print(child, depth + 1, false);
                }
                kind => {
                    if self.len(child) > 0 {
                        self.s(separator);
                        self.s(param_prefix);
                        separator = ", ";
                        match kind {
                            K::FunctionSignatureSpecializationParam => {
                                self.s("Arg[");
                                self.num(arg);
                                self.s("] = ");
                                self.spec_params(child, depth);
                            }
                            K::FunctionSignatureSpecializationReturn => {
                                self.s("Return = ");
                                self.spec_params(child, depth);
                            }
                            _ => {
                                self.print(child, depth + 1, false);
                            }
                        }
                    }
                    arg += 1;
                }
            }
        }
        self.s("> of ");
    }

    /// `FunctionSignatureSpecializationParamKind` printed.
    pub(super) fn spec_param_kind(&mut self, id: Id) {
        let raw = self.index(id);
        let mut printed = false;
        for (flag, name) in [
            (
                spec::EXISTENTIAL_TO_GENERIC,
                "Existential To Protocol Constrained Generic",
            ),
            (spec::DEAD, "Dead"),
            (spec::OWNED_TO_GUARANTEED, "Owned To Guaranteed"),
            (spec::GUARANTEED_TO_OWNED, "Guaranteed To Owned"),
        ] {
            if raw & flag != 0 {
                if printed {
                    self.s(" and ");
                }
                printed = true;
                self.s(name);
            }
        }
        if raw & spec::SROA != 0 {
            if printed {
                self.s(" and ");
            }
            self.s("Exploded");
            return;
        }
        if printed {
            return;
        }
        self.s(match raw {
            spec::BOX_TO_VALUE => "Value Promoted from Box",
            spec::BOX_TO_STACK => "Stack Promoted from Box",
            spec::IN_OUT_TO_OUT => "InOut Converted to Out",
            spec::CONSTANT_PROP_FUNCTION => "Constant Propagated Function",
            spec::CONSTANT_PROP_GLOBAL => "Constant Propagated Global",
            spec::CONSTANT_PROP_INTEGER => "Constant Propagated Integer",
            spec::CONSTANT_PROP_FLOAT => "Constant Propagated Float",
            spec::CONSTANT_PROP_STRING => "Constant Propagated String",
            spec::CONSTANT_PROP_KEY_PATH => "Constant Propagated KeyPath",
            spec::CLOSURE_PROP => "Closure Propagated",
            _ => "",
        });
    }

    /// The key path equality and hash operators.
    pub(super) fn key_path_equality(&mut self, id: Id, depth: u32) {
        self.s("key path index ");
        self.s(if self.kind(id) == K::KeyPathEqualsThunkHelper {
            "equality"
        } else {
            "hash"
        });
        self.s(" operator for ");
        let mut last_index = self.len(id);
        let Some(mut last) = last_index.checked_sub(1).and_then(|i| self.child(id, i)) else {
            return;
        };
        if self.kind(last) == K::IsSerialized {
            last_index -= 1;
            let Some(l) = last_index.checked_sub(1).and_then(|i| self.child(id, i)) else {
                return;
            };
            last = l;
        }
        if self.kind(last) == K::DependentGenericSignature {
            self.print(last, depth + 1, false);
            last_index -= 1;
        }
        self.s("(");
        for i in 0..last_index {
            if i != 0 {
                self.s(", ");
            }
            self.print_child(id, i, depth);
        }
        self.s(")");
    }

    /// `AutoDiffFunction` and `AutoDiffDerivativeVTableThunk`.
    pub(super) fn autodiff_function(&mut self, id: Id, depth: u32) {
        let children = self.tree.children(id);
        let prefix_end = children
            .iter()
            .position(|&c| self.kind(c) == K::AutoDiffFunctionKind)
            .unwrap_or(children.len());
        let (Some(kind), Some(params), Some(results)) = (
            self.child(id, prefix_end),
            self.child(id, prefix_end + 1),
            self.child(id, prefix_end + 2),
        ) else {
            return;
        };
        if self.kind(id) == K::AutoDiffDerivativeVTableThunk {
            self.s("vtable thunk for ");
        }
        self.print(kind, depth + 1, false);
        self.s(" of ");
        let mut signature = None;
        for (i, &child) in children.iter().enumerate().take(prefix_end) {
            if i == prefix_end - 1 && self.kind(child) == K::DependentGenericSignature {
                signature = Some(child);
                break;
            }
            self.print(child, depth + 1, false);
        }
        if self.options.shorten_thunk {
            return;
        }
        self.s(" with respect to parameters ");
        self.print(params, depth + 1, false);
        self.s(" and results ");
        self.print(results, depth + 1, false);
        if let (Some(signature), true) = (signature, self.options.display_where_clauses) {
            self.s(" with ");
            self.print(signature, depth + 1, false);
        }
    }

    /// `AutoDiffSelfReorderingReabstractionThunk`.
    pub(super) fn autodiff_self_reordering(&mut self, id: Id, depth: u32) {
        self.s("autodiff self-reordering reabstraction thunk ");
        let (Some(from), Some(to)) = (self.child(id, 0), self.child(id, 1)) else {
            return;
        };
        if self.options.shorten_thunk {
            self.s("for ");
            self.print(from, depth + 1, false);
            return;
        }
        let mut at = 2;
        let Some(third) = self.child(id, 2) else {
            return;
        };
        let signature = if self.kind(third) == K::DependentGenericSignature {
            at += 1;
            Some(third)
        } else {
            None
        };
        self.s("for ");
        self.print_child(id, at, depth);
        if let Some(signature) = signature {
            self.print(signature, depth + 1, false);
            self.s(" ");
        }
        self.s(" from ");
        self.print(from, depth + 1, false);
        self.s(" to ");
        self.print(to, depth + 1, false);
    }

    /// `AutoDiffSubsetParametersThunk`.
    pub(super) fn autodiff_subset_parameters(&mut self, id: Id, depth: u32) {
        self.s("autodiff subset parameters thunk for ");
        let Some(mut current) = self.len(id).checked_sub(1) else {
            self.invalid = true;
            return;
        };
        let mut take = |p: &mut Self| {
            let node = p.child(id, current);
            current = current.wrapping_sub(1);
            node
        };
        let (Some(to_params), Some(results), Some(params), Some(kind)) =
            (take(self), take(self), take(self), take(self))
        else {
            return;
        };
        let current = current.wrapping_add(0);
        self.print(kind, depth + 1, false);
        self.s(" from ");
        if current == 0 {
            self.print_child(id, 0, depth);
        } else {
            for i in 0..current.min(self.len(id)) {
                self.print_child(id, i, depth);
            }
        }
        if self.options.shorten_thunk {
            return;
        }
        self.s(" with respect to parameters ");
        self.print(params, depth + 1, false);
        self.s(" and results ");
        self.print(results, depth + 1, false);
        self.s(" to parameters ");
        self.print(to_params, depth + 1, false);
        if current > 0 && current < self.len(id) {
            self.s(" of type ");
            self.print_child(id, current, depth);
        }
    }

    /// `DifferentiabilityWitness`.
    pub(super) fn differentiability_witness(&mut self, id: Id, depth: u32) {
        let n = self.len(id);
        let Some(last) = n.checked_sub(1).and_then(|i| self.child(id, i)) else {
            return;
        };
        let back = if self.kind(last) == K::DependentGenericSignature {
            4
        } else {
            3
        };
        let Some(kind_node) = n.checked_sub(back).and_then(|i| self.child(id, i)) else {
            return;
        };
        self.s(match self.index(kind_node) as u8 {
            b'f' => "forward-mode",
            b'r' => "reverse-mode",
            b'd' => "normal",
            _ => "linear",
        });
        self.s(" differentiability witness for ");
        let mut idx = 0;
        while idx < n {
            let child = self.tree.children(id)[idx];
            if self.kind(child) == K::Index {
                break;
            }
            self.print(child, depth + 1, false);
            idx += 1;
        }
        idx += 1;
        self.s(" with respect to parameters ");
        self.print_child(id, idx, depth);
        self.s(" and results ");
        self.print_child(id, idx + 1, depth);
        idx += 2;
        if idx < n {
            self.s(" with ");
            self.print_child(id, idx, depth);
        }
    }
}
