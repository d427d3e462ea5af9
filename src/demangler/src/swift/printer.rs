//! Swift's node printer (`NodePrinter.cpp` of Swift 6.2.3): each node kind
//! prints itself, as `NodePrinter::print` does, under the options of
//! `DemangleOptions` that swift-demangle sets. Bounded as Swift's is (past
//! 768 levels it prints `<<too complex>>`), and also in output and steps,
//! which Swift's is not: a tree of shared substitutions can print a text
//! exponentially longer than its mangling.

use super::demangler::thunks::{spec, VALUE_WITNESSES};
use super::nodes::{Id, Kind, Tree};

use Kind as K;

/// `NodePrinter::MaxDepth`.
const MAX_DEPTH: u32 = 768;

/// The options of Swift's `DemangleOptions` that swift-demangle sets.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Display {
    pub(crate) synthesize_sugar_on_types: bool,
    pub(crate) qualify_entities: bool,
    pub(crate) display_extension_contexts: bool,
    pub(crate) display_unmangled_suffix: bool,
    pub(crate) display_module_names: bool,
    pub(crate) display_generic_specializations: bool,
    pub(crate) display_protocol_conformances: bool,
    pub(crate) display_where_clauses: bool,
    pub(crate) display_entity_types: bool,
    pub(crate) display_local_name_contexts: bool,
    pub(crate) shorten_partial_apply: bool,
    pub(crate) shorten_thunk: bool,
    pub(crate) shorten_value_witness: bool,
    pub(crate) show_private_discriminators: bool,
    pub(crate) show_function_argument_types: bool,
    pub(crate) show_async_resume_partial: bool,
    pub(crate) show_closure_signature: bool,
    pub(crate) print_for_type_name: bool,
}

impl Display {
    /// swift-demangle's default: `DemangleOptions` with sugar.
    pub(crate) const DEFAULT: Display = Display {
        synthesize_sugar_on_types: true,
        qualify_entities: true,
        display_extension_contexts: true,
        display_unmangled_suffix: true,
        display_module_names: true,
        display_generic_specializations: true,
        display_protocol_conformances: true,
        display_where_clauses: true,
        display_entity_types: true,
        display_local_name_contexts: true,
        shorten_partial_apply: false,
        shorten_thunk: false,
        shorten_value_witness: false,
        show_private_discriminators: true,
        show_function_argument_types: true,
        show_async_resume_partial: true,
        show_closure_signature: true,
        print_for_type_name: false,
    };

    /// `swift-demangle --simplified`: `SimplifiedUIDemangleOptions`.
    pub(crate) const SIMPLIFIED: Display = Display {
        synthesize_sugar_on_types: true,
        qualify_entities: true,
        display_extension_contexts: false,
        display_unmangled_suffix: false,
        display_module_names: false,
        display_generic_specializations: false,
        display_protocol_conformances: false,
        display_where_clauses: false,
        display_entity_types: false,
        display_local_name_contexts: true,
        shorten_partial_apply: true,
        shorten_thunk: true,
        shorten_value_witness: true,
        show_private_discriminators: false,
        show_function_argument_types: false,
        show_async_resume_partial: false,
        show_closure_signature: true,
        print_for_type_name: false,
    };
}

/// How an entity's type is printed (`TypePrinting`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum TypePrinting {
    NoType,
    WithColon,
    FunctionStyle,
}

/// Where the parts of the symbol's entity were printed: byte spans.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    pub(crate) name: Option<(usize, usize)>,
    pub(crate) scope: Option<(usize, usize)>,
    pub(crate) base_name: Option<(usize, usize)>,
    pub(crate) parameters: Option<(usize, usize)>,
    pub(crate) return_type: Option<(usize, usize)>,
}

/// Printing one tree.
pub(crate) struct Printer<'t> {
    tree: &'t Tree,
    pub(crate) options: Display,
    pub(crate) out: Vec<u8>,
    specialization_prefix_printed: bool,
    /// `setInvalid`: the printer gave up, and Swift prints the mangled name.
    pub(crate) invalid: bool,
    /// Past the output limit or the step budget.
    pub(crate) too_long: bool,
    limit: usize,
    steps: usize,
    /// How many symbols deep this printer demangles a payload symbol.
    nesting: u32,
    /// With `Some`, where the parts of `top`, the symbol's entity, print.
    pub(crate) marks: Option<Marks>,
    pub(crate) top: Option<Id>,
    /// The function type of `top`, whose parameters and result are marked.
    mark_type: Option<Id>,
}

impl<'t> Printer<'t> {
    pub(crate) fn new(tree: &'t Tree, options: Display, limit: usize, nesting: u32) -> Self {
        Printer {
            tree,
            options,
            out: Vec::new(),
            specialization_prefix_printed: false,
            invalid: false,
            too_long: false,
            limit,
            steps: limit.saturating_mul(8).saturating_add(1 << 16),
            nesting,
            marks: None,
            top: None,
            mark_type: None,
        }
    }

    fn put(&mut self, bytes: &[u8]) {
        if self.out.len() + bytes.len() > self.limit {
            self.too_long = true;
            return;
        }
        self.out.extend_from_slice(bytes);
    }

    fn s(&mut self, text: &str) {
        self.put(text.as_bytes());
    }

    fn num(&mut self, n: u64) {
        self.s(&n.to_string());
    }

    fn kind(&self, id: Id) -> Kind {
        self.tree.kind(id)
    }

    fn len(&self, id: Id) -> usize {
        self.tree.len(id)
    }

    /// Child `i`; a missing one makes the tree invalid (Swift reads past
    /// the children there, so nothing it prints can be matched).
    fn child(&mut self, id: Id, i: usize) -> Option<Id> {
        let child = self.tree.get(id, i);
        if child.is_none() {
            self.invalid = true;
        }
        child
    }

    fn text(&self, id: Id) -> &'t [u8] {
        self.tree.text(id)
    }

    fn index(&self, id: Id) -> u64 {
        self.tree.index(id)
    }

    /// `printChildren`.
    fn print_children(&mut self, id: Id, depth: u32, separator: Option<&str>) {
        let children = self.tree.children(id);
        for (i, &child) in children.iter().enumerate() {
            self.print(child, depth + 1, false);
            if let Some(sep) = separator {
                if i + 1 < children.len() {
                    self.s(sep);
                }
            }
        }
    }

    /// `print(getChild(i))`: Swift's `getChild` past the children is a
    /// null node, which its printer prints as `<null node pointer>`.
    fn print_child(&mut self, id: Id, i: usize, depth: u32) {
        self.print_child_as(id, i, depth, false);
    }

    /// [`Printer::print_child`], as a prefix context or not.
    fn print_child_as(&mut self, id: Id, i: usize, depth: u32, as_prefix: bool) -> Option<Id> {
        match self.tree.get(id, i) {
            Some(child) => self.print(child, depth + 1, as_prefix),
            None => {
                if !self.stopped() && depth < MAX_DEPTH {
                    self.s("<null node pointer>");
                }
                None
            }
        }
    }

    fn stopped(&self) -> bool {
        self.invalid || self.too_long
    }

    /// `NodePrinter::print`: returns the context left to print after the
    /// name, where an entity is printed as a prefix context.
    pub(crate) fn print(&mut self, id: Id, depth: u32, as_prefix: bool) -> Option<Id> {
        if self.stopped() {
            return None;
        }
        if self.steps == 0 {
            self.too_long = true;
            return None;
        }
        self.steps -= 1;
        if depth > MAX_DEPTH {
            self.s("<<too complex>>");
            return None;
        }
        self.print_node(id, depth, as_prefix)
    }

    fn print_node(&mut self, id: Id, depth: u32, as_prefix: bool) -> Option<Id> {
        let kind = self.kind(id);
        if let Some(prefix) = prefixed(kind) {
            self.s(prefix);
            self.print_child(id, 0, depth);
            return None;
        }
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
            K::AnonymousContext => {
                if self.options.qualify_entities && self.options.display_extension_contexts {
                    self.print_child(id, 1, depth);
                    self.s(".(unknown context at ");
                    self.print_child(id, 0, depth);
                    self.s(")");
                    if self.len(id) >= 3 {
                        let types = self.child(id, 2)?;
                        if self.len(types) > 0 {
                            self.s("<");
                            self.print(types, depth + 1, false);
                            self.s(">");
                        }
                    }
                }
            }
            K::Extension => {
                if self.options.qualify_entities && self.options.display_extension_contexts {
                    self.s("(extension in ");
                    self.print_child_as(id, 0, depth, true);
                    self.s("):");
                }
                self.print_child(id, 1, depth);
                if self.len(id) == 3 && !self.options.print_for_type_name {
                    self.print_child(id, 2, depth);
                }
            }
            K::Variable => {
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    TypePrinting::WithColon,
                    true,
                    "",
                    -1,
                    "",
                );
            }
            K::Function | K::BoundGenericFunction => {
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    TypePrinting::FunctionStyle,
                    true,
                    "",
                    -1,
                    "",
                );
            }
            K::Subscript => {
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    TypePrinting::FunctionStyle,
                    false,
                    "",
                    -1,
                    "subscript",
                );
            }
            K::Macro => {
                let typing = if self.len(id) == 3 {
                    TypePrinting::WithColon
                } else {
                    TypePrinting::FunctionStyle
                };
                return self.entity(id, depth, as_prefix, typing, true, "", -1, "");
            }
            K::AccessorAttachedMacroExpansion
            | K::MemberAttributeAttachedMacroExpansion
            | K::MemberAttachedMacroExpansion
            | K::PeerAttachedMacroExpansion
            | K::ConformanceAttachedMacroExpansion
            | K::ExtensionAttachedMacroExpansion
            | K::PreambleAttachedMacroExpansion
            | K::BodyAttachedMacroExpansion => {
                let role = match kind {
                    K::AccessorAttachedMacroExpansion => "accessor",
                    K::MemberAttributeAttachedMacroExpansion => "memberAttribute",
                    K::MemberAttachedMacroExpansion => "member",
                    K::PeerAttachedMacroExpansion => "peer",
                    K::ConformanceAttachedMacroExpansion => "conformance",
                    K::ExtensionAttachedMacroExpansion => "extension",
                    K::PreambleAttachedMacroExpansion => "preamble",
                    _ => "body",
                };
                // `nodeToString(child 2)`: a fresh printer, default options.
                let name_node = self.child(id, 2)?;
                let mut name = Printer::new(self.tree, Display::DEFAULT, self.limit, self.nesting);
                name.print(name_node, 0, false);
                if name.too_long {
                    self.too_long = true;
                }
                let name = if name.invalid { Vec::new() } else { name.out };
                let extra = format!(
                    "{role} macro @{} expansion #",
                    String::from_utf8_lossy(&name)
                );
                let index = self.child(id, 3).map(|c| self.index(c))?;
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    TypePrinting::NoType,
                    true,
                    &extra,
                    index as i64 + 1,
                    "",
                );
            }
            K::FreestandingMacroExpansion | K::MacroExpansionUniqueName => {
                let extra = if kind == K::FreestandingMacroExpansion {
                    "freestanding macro expansion #"
                } else {
                    "unique name #"
                };
                let index = self.child(id, 2).map(|c| self.index(c))?;
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    TypePrinting::NoType,
                    true,
                    extra,
                    index as i64 + 1,
                    "",
                );
            }
            K::MacroExpansionLoc => {
                for (i, label) in ["module ", " file ", " line ", " column "]
                    .iter()
                    .enumerate()
                {
                    if self.len(id) > i {
                        self.s(label);
                        self.print_child(id, i, depth);
                    }
                }
            }
            K::GenericTypeParamDecl => {
                return self.entity(id, depth, as_prefix, TypePrinting::NoType, true, "", -1, "");
            }
            K::ExplicitClosure | K::ImplicitClosure => {
                let typing = if self.options.show_function_argument_types {
                    TypePrinting::FunctionStyle
                } else {
                    TypePrinting::NoType
                };
                let extra = if kind == K::ExplicitClosure {
                    "closure #"
                } else {
                    "implicit closure #"
                };
                let index = self.child(id, 1).map(|c| self.index(c))?;
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    typing,
                    false,
                    extra,
                    index as i64 + 1,
                    "",
                );
            }
            K::Global => self.print_children(id, depth, None),
            K::Suffix => {
                if self.options.display_unmangled_suffix {
                    self.s(" with unmangled suffix ");
                    self.quoted(self.text(id));
                }
            }
            K::Initializer => {
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    TypePrinting::NoType,
                    false,
                    "variable initialization expression",
                    -1,
                    "",
                );
            }
            K::PropertyWrapperBackingInitializer | K::PropertyWrapperInitFromProjectedValue => {
                let extra = if kind == K::PropertyWrapperBackingInitializer {
                    "property wrapper backing initializer"
                } else {
                    "property wrapper init from projected value"
                };
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    TypePrinting::NoType,
                    false,
                    extra,
                    -1,
                    "",
                );
            }
            K::DefaultArgumentInitializer => {
                let index = self.child(id, 1).map(|c| self.index(c))?;
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    TypePrinting::NoType,
                    false,
                    "default argument ",
                    index as i64,
                    "",
                );
            }
            K::DeclContext | K::Type => self.print_child(id, 0, depth),
            K::TypeMangling => {
                let first = self.child(id, 0)?;
                if self.kind(first) == K::LabelList {
                    let ty = self.child(id, 1)?;
                    let func = self.child(ty, 0)?;
                    self.function_type(Some(first), func, depth);
                } else {
                    self.print(first, depth + 1, false);
                }
            }
            K::Class
            | K::Structure
            | K::Enum
            | K::Protocol
            | K::TypeAlias
            | K::OtherNominalType => {
                return self.entity(id, depth, as_prefix, TypePrinting::NoType, true, "", -1, "");
            }
            K::LocalDeclName => {
                self.print_child(id, 1, depth);
                if self.options.display_local_name_contexts {
                    let index = self.child(id, 0).map(|c| self.index(c))?;
                    self.s(" #");
                    self.num(index.wrapping_add(1));
                }
            }
            K::PrivateDeclName => {
                let show = self.options.show_private_discriminators;
                let discriminator = self.child(id, 0)?;
                if self.len(id) > 1 {
                    if show {
                        self.s("(");
                    }
                    self.print_child(id, 1, depth);
                    if show {
                        self.s(" in ");
                        self.put(self.text(discriminator));
                        self.s(")");
                    }
                } else if show {
                    self.s("(in ");
                    self.put(self.text(discriminator));
                    self.s(")");
                }
            }
            K::RelatedEntityDeclName => {
                let first = self.child(id, 0)?;
                self.s("related decl '");
                self.put(self.text(first));
                self.s("' for ");
                self.print_child(id, 1, depth);
            }
            K::Module => {
                if self.options.display_module_names {
                    self.put(self.text(id));
                }
            }
            K::Identifier
            | K::ClangType
            | K::BuiltinTypeName
            | K::MetatypeRepresentation
            | K::ImplConvention
            | K::ImplFunctionAttribute => self.put(self.text(id)),
            K::Index | K::Number | K::SpecializationPassID | K::Integer => self.num(self.index(id)),
            K::NegativeInteger => self.s(&(self.index(id) as i64).to_string()),
            K::UnknownIndex => self.s("unknown index"),
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
            K::RetroactiveConformance => {
                if self.len(id) == 2 {
                    self.s("retroactive @ ");
                    self.print_child(id, 0, depth);
                    self.print_child(id, 1, depth);
                }
            }
            K::NonObjCAttribute => self.s("@nonobjc "),
            K::ObjCAttribute => self.s("@objc "),
            K::DirectMethodReferenceAttribute => self.s("super "),
            K::DynamicAttribute => self.s("dynamic "),
            K::VTableAttribute => self.s("override "),
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
            K::BuiltinTupleType => self.s("Builtin.TheTupleType"),
            K::BuiltinFixedArray => {
                self.s("Builtin.FixedArray<");
                self.print_child(id, 0, depth);
                self.s(", ");
                self.print_child(id, 1, depth);
                self.s(">");
            }
            K::InfixOperator | K::PrefixOperator | K::PostfixOperator => {
                self.put(self.text(id));
                self.s(match kind {
                    K::InfixOperator => " infix",
                    K::PrefixOperator => " prefix",
                    _ => " postfix",
                });
            }
            K::LazyProtocolWitnessTableAccessor | K::LazyProtocolWitnessTableCacheVariable => {
                self.s(if kind == K::LazyProtocolWitnessTableAccessor {
                    "lazy protocol witness table accessor for type "
                } else {
                    "lazy protocol witness table cache variable for type "
                });
                self.print_child(id, 0, depth);
                self.s(" and conformance ");
                self.print_child(id, 1, depth);
            }
            K::VTableThunk => {
                self.s("vtable thunk for ");
                self.print_child(id, 1, depth);
                self.s(" dispatching to ");
                self.print_child(id, 0, depth);
            }
            K::ProtocolWitness => {
                self.s("protocol witness for ");
                self.print_child(id, 1, depth);
                self.s(" in conformance ");
                self.print_child(id, 0, depth);
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
                self.print_child(id, 0, depth);
                self.s("field offset for ");
                self.print_child(id, 1, depth);
            }
            K::EnumCase => {
                self.s("enum case for ");
                self.print_child(id, 0, depth);
            }
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
                let mut idx = 0;
                if self.len(id) == 3 {
                    idx = 1;
                    self.print_child(id, 0, depth);
                    self.s(" ");
                }
                self.s("from ");
                self.print_child(id, idx + 1, depth);
                self.s(" to ");
                self.print_child(id, idx, depth);
            }
            K::ReabstractionThunkHelperWithGlobalActor => {
                self.print_child(id, 0, depth);
                self.s(" with global actor constraint ");
                self.print_child(id, 1, depth);
            }
            K::ReabstractionThunkHelperWithSelf => {
                self.s("reabstraction thunk ");
                let mut idx = 0;
                if self.len(id) == 4 {
                    idx = 1;
                    self.print_child(id, 0, depth);
                    self.s(" ");
                }
                self.s("from ");
                self.print_child(id, idx + 2, depth);
                self.s(" to ");
                self.print_child(id, idx + 1, depth);
                self.s(" self ");
                self.print_child(id, idx, depth);
            }
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
            K::BackDeploymentFallback => self.s("back deployment fallback for "),
            K::AssociatedConformanceDescriptor | K::DefaultAssociatedConformanceAccessor => {
                self.s(if kind == K::AssociatedConformanceDescriptor {
                    "associated conformance descriptor for "
                } else {
                    "default associated conformance accessor for "
                });
                self.print_child(id, 0, depth);
                self.s(".");
                self.print_child(id, 1, depth);
                self.s(": ");
                self.print_child(id, 2, depth);
            }
            K::AssociatedTypeMetadataAccessor => {
                self.s("associated type metadata accessor for ");
                self.print_child(id, 1, depth);
                self.s(" in ");
                self.print_child(id, 0, depth);
            }
            K::BaseConformanceDescriptor => {
                self.s("base conformance descriptor for ");
                self.print_child(id, 0, depth);
                self.s(": ");
                self.print_child(id, 1, depth);
            }
            K::AssociatedTypeWitnessTableAccessor => {
                self.s("associated type witness table accessor for ");
                self.print_child(id, 1, depth);
                self.s(" : ");
                self.print_child(id, 2, depth);
                self.s(" in ");
                self.print_child(id, 0, depth);
            }
            K::BaseWitnessTableAccessor => {
                self.s("base witness table accessor for ");
                self.print_child(id, 1, depth);
                self.s(" in ");
                self.print_child(id, 0, depth);
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
            K::ConstrainedExistential => {
                self.s("any ");
                self.print_child(id, 0, depth);
                self.s("<");
                self.print_child(id, 1, depth);
                self.s(">");
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
            K::OwningAddressor
            | K::OwningMutableAddressor
            | K::NativeOwningAddressor
            | K::NativeOwningMutableAddressor
            | K::NativePinningAddressor
            | K::NativePinningMutableAddressor
            | K::UnsafeAddressor
            | K::UnsafeMutableAddressor
            | K::GlobalGetter
            | K::Getter
            | K::Setter
            | K::MaterializeForSet
            | K::WillSet
            | K::DidSet
            | K::ReadAccessor
            | K::Read2Accessor
            | K::ModifyAccessor
            | K::Modify2Accessor
            | K::InitAccessor => {
                let storage = self.child(id, 0)?;
                return self.abstract_storage(storage, depth, as_prefix, accessor_name(kind));
            }
            K::Allocator => {
                let first = self.child(id, 0)?;
                let name = if self.kind(first) == K::Class {
                    "__allocating_init"
                } else {
                    "init"
                };
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    TypePrinting::FunctionStyle,
                    false,
                    name,
                    -1,
                    "",
                );
            }
            K::Constructor => {
                let has_name = self.len(id) > 2;
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    TypePrinting::FunctionStyle,
                    has_name,
                    "init",
                    -1,
                    "",
                );
            }
            K::Destructor
            | K::Deallocator
            | K::IsolatedDeallocator
            | K::IVarInitializer
            | K::IVarDestroyer => {
                let class = self.child(id, 0).map(|c| self.kind(c) == K::Class)?;
                let name = match kind {
                    K::Destructor => "deinit",
                    K::Deallocator if class => "__deallocating_deinit",
                    K::IsolatedDeallocator if class => "__isolated_deallocating_deinit",
                    K::Deallocator | K::IsolatedDeallocator => "deinit",
                    K::IVarInitializer => "__ivar_initializer",
                    _ => "__ivar_destroyer",
                };
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    TypePrinting::NoType,
                    false,
                    name,
                    -1,
                    "",
                );
            }
            K::ProtocolConformance => {
                if self.len(id) == 4 {
                    self.s("property behavior storage of ");
                    self.print_child(id, 2, depth);
                    self.s(" in ");
                    self.print_child(id, 0, depth);
                    self.s(" : ");
                    self.print_child(id, 1, depth);
                } else {
                    self.print_child(id, 0, depth);
                    if self.options.display_protocol_conformances {
                        self.s(" : ");
                        self.print_child(id, 1, depth);
                        self.s(" in ");
                        self.print_child(id, 2, depth);
                    }
                }
            }
            K::TypeList => self.print_children(id, depth, None),
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
                    self.s(", mangledCType: \"");
                    self.print_child(id, 1, depth);
                    self.s("\"");
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
                self.s("@substituted ");
                self.print_child(id, 0, depth);
                self.s(" for <");
                let list = self.child(id, 1)?;
                self.print_children(list, depth, Some(", "));
                self.s(">");
            }
            K::ErrorType => self.s("<ERROR TYPE>"),
            K::DependentPseudogenericSignature | K::DependentGenericSignature => {
                self.generic_signature(id, depth)
            }
            K::DependentGenericConformanceRequirement => {
                self.print_child(id, 0, depth);
                self.s(": ");
                self.print_child(id, 1, depth);
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
                self.print_child(id, 0, depth);
                self.s(" == ");
                self.print_child(id, 1, depth);
            }
            K::DependentGenericSameShapeRequirement => {
                self.print_child(id, 0, depth);
                self.s(".shape == ");
                self.print_child(id, 1, depth);
                self.s(".shape");
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
                self.print_child(id, 0, depth);
                self.s(".");
                self.print_child(id, 1, depth);
            }
            K::DependentAssociatedTypeRef => {
                if self.len(id) > 1 {
                    self.print_child(id, 1, depth);
                    self.s(".");
                }
                self.print_child(id, 0, depth);
            }
            K::ConcurrentFunctionType => self.s("@Sendable "),
            K::DifferentiableFunctionType => {
                self.s("@differentiable");
                self.s(differentiability_suffix(self.index(id)));
                self.s(" ");
            }
            K::GlobalActorFunctionType => {
                if self.len(id) > 0 {
                    self.s("@");
                    self.print_child(id, 0, depth);
                    self.s(" ");
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
                self.print_child(id, 0, depth);
                self.s(" to ");
                self.print_child(id, 1, depth);
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
                self.print_child(id, 0, depth);
                self.s(" to ");
                self.print_child(id, 1, depth);
            }
            K::DependentProtocolConformanceOpaque => {
                self.s("opaque result conformance ");
                self.print_child(id, 0, depth);
                self.s(" of ");
                self.print_child(id, 1, depth);
            }
            K::SugaredOptional => {
                let ty = self.child(id, 0)?;
                self.with_parens(ty, depth);
                self.s("?");
            }
            K::SugaredArray => {
                self.s("[");
                self.print_child(id, 0, depth);
                self.s("]");
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
                self.s("(");
                self.print_child(id, 0, depth);
                self.s(")");
            }
            K::OpaqueReturnType => self.s("some"),
            K::OpaqueReturnTypeOf => {
                self.s("<<opaque return type of ");
                self.print_children(id, depth, None);
                self.s(">>");
            }
            K::OpaqueType => {
                self.print_child(id, 0, depth);
                self.s(".");
                self.print_child(id, 1, depth);
            }
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
                self.print_child(id, 0, depth);
                self.s(" with result type ");
                self.print_child(id, 1, depth);
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
                    self.s("(");
                    self.print_child(id, 0, depth);
                    self.s(")");
                    self.s(if kind == K::AsyncAwaitResumePartialFunction {
                        " await resume partial function for "
                    } else {
                        " suspend resume partial function for "
                    });
                }
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
            K::HasSymbolQuery => self.s("#_hasSymbol query for "),
            K::CoroFunctionPointer => self.s("coro function pointer to "),
            K::DefaultOverride => self.s("default override of "),
            // The kinds Swift's printer reaches only through their parents
            // (or never): it aborts on them.
            _ => self.invalid = true,
        }
        None
    }

    /// A child of a kind (`getChildIf`).
    fn child_of_kind(&self, id: Id, kind: Kind) -> Option<Id> {
        self.tree
            .children(id)
            .iter()
            .copied()
            .find(|&c| self.kind(c) == kind)
    }

    /// `QuotedString`.
    fn quoted(&mut self, text: &[u8]) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        self.s("\"");
        for &c in text {
            match c {
                b'\\' => self.s("\\\\"),
                b'\t' => self.s("\\t"),
                b'\n' => self.s("\\n"),
                b'\r' => self.s("\\r"),
                b'"' => self.s("\\\""),
                0 => self.s("\\0"),
                c if !(0x20..0x7f).contains(&c) => {
                    self.put(&[
                        b'\\',
                        b'x',
                        HEX[usize::from(c >> 4)],
                        HEX[usize::from(c & 15)],
                    ]);
                }
                c => self.put(&[c]),
            }
        }
        self.s("\"");
    }

    /// A symbol inside a specialization's payload, demangled on its own
    /// (`demangleSymbolAsString` with default options).
    fn nested_symbol(&mut self, text: &[u8]) -> Option<Vec<u8>> {
        let room = self.limit.saturating_sub(self.out.len());
        super::nested(text, self.nesting + 1, room)
    }

    /// `printContext`: whether the context is printed. swift-demangle
    /// shows the standard library's, Objective-C's and LLDB's modules and
    /// hides none, so only `QualifyEntities` decides.
    fn shows_context(&self) -> bool {
        self.options.qualify_entities
    }

    /// `isSimpleType`.
    fn is_simple(&self, id: Id) -> bool {
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
    fn with_parens(&mut self, ty: Id, depth: u32) {
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
    fn bound_generic_no_sugar(&mut self, id: Id, depth: u32) {
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
    fn sugar(&self, id: Id) -> Option<&'static str> {
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
    fn bound_generic(&mut self, id: Id, depth: u32) {
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
    fn function_parameters(
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
    fn function_type(&mut self, labels: Option<Id>, node: Id, depth: u32) {
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
        let mut start = usize::from(first_is_clang);
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
        if is_async {
            self.s(" async");
        }
        if let Some(thrown) = thrown {
            self.print(thrown, depth + 1, false);
        }
        self.s(" -> ");
        if sending_result {
            self.s("sending ");
        }
        let start = self.out.len();
        self.print_child(node, arg_index + 1, depth);
        if marked {
            self.mark(|m, span| m.return_type = span, start);
        }
    }

    /// Mark the text printed since `start` as a part of the entity.
    fn mark(&mut self, set: impl FnOnce(&mut Marks, Option<(usize, usize)>), start: usize) {
        let end = self.out.len();
        if let Some(marks) = self.marks.as_mut() {
            set(marks, Some((start, end)));
        }
    }

    /// `printImplFunctionType`.
    fn impl_function_type(&mut self, id: Id, depth: u32) {
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
    fn generic_signature(&mut self, id: Id, depth: u32) {
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
    fn is_param_marker(
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

    /// `printFunctionSigSpecializationParams`.
    fn spec_params(&mut self, id: Id, depth: u32) {
        let end = self.len(id);
        let mut i = 0;
        while i < end {
            if self.stopped() {
                return;
            }
            let Some(first) = self.tree.get(id, i) else {
                return;
            };
            let value = self.index(first);
            match value {
                spec::BOX_TO_VALUE | spec::BOX_TO_STACK | spec::IN_OUT_TO_OUT => {
                    self.print_child(id, i, depth);
                    i += 1;
                }
                spec::CONSTANT_PROP_FUNCTION | spec::CONSTANT_PROP_GLOBAL => {
                    if i + 2 > end {
                        return;
                    }
                    self.s("[");
                    self.print_child(id, i, depth);
                    self.s(" : ");
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
                    i += 2;
                }
                spec::CONSTANT_PROP_INTEGER | spec::CONSTANT_PROP_FLOAT => {
                    if i + 2 > end {
                        return;
                    }
                    self.s("[");
                    self.print_child(id, i, depth);
                    self.s(" : ");
                    self.print_child(id, i + 1, depth);
                    self.s("]");
                    i += 2;
                }
                spec::CONSTANT_PROP_STRING => {
                    if i + 3 > end {
                        return;
                    }
                    self.s("[");
                    self.print_child(id, i, depth);
                    self.s(" : ");
                    self.print_child(id, i + 1, depth);
                    self.s("'");
                    self.print_child(id, i + 2, depth);
                    self.s("']");
                    i += 3;
                }
                spec::CONSTANT_PROP_KEY_PATH => {
                    if i + 4 > end {
                        return;
                    }
                    self.s("[");
                    self.print_child(id, i, depth);
                    self.s(" : ");
                    self.print_child(id, i + 1, depth);
                    self.s("<");
                    self.print_child(id, i + 2, depth);
                    self.s(",");
                    self.print_child(id, i + 3, depth);
                    self.s(">]");
                    i += 4;
                }
                spec::CLOSURE_PROP => {
                    if i + 2 > end {
                        return;
                    }
                    self.s("[");
                    self.print_child(id, i, depth);
                    self.s(" : ");
                    self.print_child(id, i + 1, depth);
                    self.s(", Argument Types : [");
                    i += 2;
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
                }
                _ => {
                    self.print_child(id, i, depth);
                    i += 1;
                }
            }
        }
    }

    /// `printSpecializationPrefix`.
    fn specialization_prefix(&mut self, id: Id, description: &str, depth: u32, param_prefix: &str) {
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
    fn spec_param_kind(&mut self, id: Id) {
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
    fn key_path_equality(&mut self, id: Id, depth: u32) {
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
    fn autodiff_function(&mut self, id: Id, depth: u32) {
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
    fn autodiff_self_reordering(&mut self, id: Id, depth: u32) {
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
    fn autodiff_subset_parameters(&mut self, id: Id, depth: u32) {
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
    fn differentiability_witness(&mut self, id: Id, depth: u32) {
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

    /// `DependentGenericLayoutRequirement`.
    fn layout_requirement(&mut self, id: Id, depth: u32) {
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
    fn sil_box(&mut self, id: Id, depth: u32) {
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
    fn needs_space_before(&self, id: Id) -> bool {
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

    /// `printAbstractStorage`.
    fn abstract_storage(&mut self, id: Id, depth: u32, as_prefix: bool, extra: &str) -> Option<Id> {
        match self.kind(id) {
            K::Variable => self.entity(
                id,
                depth,
                as_prefix,
                TypePrinting::WithColon,
                true,
                extra,
                -1,
                "",
            ),
            K::Subscript => self.entity(
                id,
                depth,
                as_prefix,
                TypePrinting::WithColon,
                false,
                extra,
                -1,
                "subscript",
            ),
            _ => {
                self.invalid = true;
                None
            }
        }
    }

    /// `printEntity`: the context as a prefix (`A.B.name`) or, where the
    /// name has spaces or the entity is local, as a suffix (`name in A.B`);
    /// then the entity's type.
    #[allow(clippy::too_many_arguments)]
    fn entity(
        &mut self,
        entity: Id,
        depth: u32,
        as_prefix: bool,
        mut typing: TypePrinting,
        has_name: bool,
        extra: &str,
        extra_index: i64,
        overwrite: &str,
    ) -> Option<Id> {
        let mut entity = entity;
        let mut generic_args = None;
        if self.kind(entity) == K::BoundGenericFunction {
            generic_args = Some(self.child(entity, 1)?);
            entity = self.child(entity, 0)?;
        }
        let mut multi_word = extra.contains(' ');
        let local = has_name && {
            let name = self.child(entity, 1)?;
            self.kind(name) == K::LocalDeclName
        };
        if local && self.options.display_local_name_contexts {
            multi_word = true;
        }
        if as_prefix && (typing != TypePrinting::NoType || multi_word) {
            return Some(entity);
        }
        let marking = self.marks.is_some() && self.top == Some(entity);
        let mut postfix = None;
        let context = self.child(entity, 0)?;
        let name_start = self.out.len();
        if self.shows_context() {
            if multi_word {
                postfix = Some(context);
            } else {
                let before = self.out.len();
                postfix = self.print(context, depth + 1, true);
                if self.out.len() != before {
                    if marking {
                        self.mark(|m, span| m.scope = span, before);
                    }
                    self.s(".");
                }
            }
        }
        let base_start = self.out.len();
        self.function_name(
            has_name,
            overwrite,
            extra,
            multi_word,
            extra_index,
            entity,
            depth,
        );
        if marking {
            if self.marks.as_ref().is_some_and(|m| m.base_name.is_none()) {
                self.mark(|m, span| m.base_name = span, base_start);
            }
            self.mark(|m, span| m.name = span, name_start);
        }
        if typing != TypePrinting::NoType {
            let Some(ty) = self.child_of_kind(entity, K::Type) else {
                self.invalid = true;
                return None;
            };
            let ty = self.child(ty, 0)?;
            if typing == TypePrinting::FunctionStyle {
                let mut t = ty;
                while self.kind(t) == K::DependentGenericType {
                    let inner = self.child(t, 1)?;
                    t = self.child(inner, 0)?;
                }
                if !matches!(
                    self.kind(t),
                    K::FunctionType
                        | K::NoEscapeFunctionType
                        | K::UncurriedFunctionType
                        | K::CFunctionPointer
                        | K::ThinFunctionType
                ) {
                    typing = TypePrinting::WithColon;
                } else if marking {
                    self.mark_type = Some(t);
                }
            }
            if typing == TypePrinting::WithColon {
                if self.options.display_entity_types {
                    self.s(" : ");
                    self.entity_type(entity, ty, generic_args, depth);
                }
            } else if !matches!(self.kind(entity), K::ExplicitClosure | K::ImplicitClosure)
                || self.options.show_closure_signature
            {
                if multi_word || self.needs_space_before(ty) {
                    self.s(" ");
                }
                self.entity_type(entity, ty, generic_args, depth);
            }
        }
        if !as_prefix && postfix.is_some() && (!local || self.options.display_local_name_contexts) {
            let of = matches!(
                self.kind(entity),
                K::DefaultArgumentInitializer
                    | K::Initializer
                    | K::PropertyWrapperBackingInitializer
                    | K::PropertyWrapperInitFromProjectedValue
            );
            self.s(if of { " of " } else { " in " });
            self.print(postfix?, depth + 1, false);
            postfix = None;
        }
        postfix
    }

    /// `printFunctionName`.
    #[allow(clippy::too_many_arguments)]
    fn function_name(
        &mut self,
        has_name: bool,
        overwrite: &str,
        extra: &str,
        multi_word: bool,
        extra_index: i64,
        entity: Id,
        depth: u32,
    ) {
        let (mut extra, mut extra_index) = (extra, extra_index);
        if has_name || !overwrite.is_empty() {
            if !extra.is_empty() && multi_word {
                self.s(extra);
                if extra_index >= 0 {
                    self.s(&extra_index.to_string());
                }
                self.s(" of ");
                extra = "";
                extra_index = -1;
            }
            let before = self.out.len();
            if !overwrite.is_empty() {
                self.s(overwrite);
            } else {
                let Some(name) = self.child(entity, 1) else {
                    return;
                };
                if self.kind(name) != K::PrivateDeclName {
                    self.print(name, depth + 1, false);
                }
                if let Some(private) = self.child_of_kind(entity, K::PrivateDeclName) {
                    self.print(private, depth + 1, false);
                }
            }
            if self.marks.is_some() && self.top == Some(entity) && self.out.len() != before {
                // The entity's own name, not what an accessor adds to it.
                self.mark(|m, span| m.base_name = span, before);
            }
            if self.out.len() != before && !extra.is_empty() {
                self.s(".");
            }
        }
        if !extra.is_empty() {
            self.s(extra);
            if extra_index >= 0 {
                self.s(&extra_index.to_string());
            }
        }
    }

    /// `printEntityType`.
    fn entity_type(&mut self, entity: Id, ty: Id, generic_args: Option<Id>, depth: u32) {
        let labels = self.child_of_kind(entity, K::LabelList);
        if labels.is_none() && generic_args.is_none() {
            self.print(ty, depth + 1, false);
            return;
        }
        if let Some(args) = generic_args {
            self.s("<");
            self.print_children(args, depth, Some(", "));
            self.s(">");
        }
        let mut ty = ty;
        if self.kind(ty) == K::DependentGenericType {
            if generic_args.is_none() {
                self.print_child(ty, 0, depth);
            }
            let Some(dependent) = self.child(ty, 1) else {
                return;
            };
            if self.needs_space_before(dependent) {
                self.s(" ");
            }
            let Some(inner) = self.child(dependent, 0) else {
                return;
            };
            ty = inner;
        }
        self.function_type(labels, ty, depth);
    }
}

/// The kinds that print a fixed prefix and then their first child.
fn prefixed(kind: Kind) -> Option<&'static str> {
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
fn accessor_name(kind: Kind) -> &'static str {
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
fn differentiability_suffix(kind: u64) -> &'static str {
    match kind as u8 {
        b'l' => "(_linear)",
        b'f' => "(_forward)",
        b'r' => "(reverse)",
        _ => "",
    }
}

/// The name of a value witness (`toString(ValueWitnessKind)`).
fn value_witness_name(index: u64) -> &'static str {
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
pub(crate) fn generic_parameter_name(depth: u64, index: u64) -> String {
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
fn is_existential(kind: Kind) -> bool {
    matches!(
        kind,
        K::ExistentialMetatype
            | K::ProtocolList
            | K::ProtocolListWithClass
            | K::ProtocolListWithAnyObject
    )
}

/// The kinds `isSimpleType` calls simple (its other answers need the node).
fn is_simple_kind(kind: Kind) -> bool {
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
