//! Printing entities and names (`printEntity` and its callers in
//! `NodePrinter::print`): functions, variables, subscripts, accessors,
//! initializers, closures, nominal types, macros, and their contexts.

use super::names::accessor_name;
use super::{At, Display, EntityStyle, Printer, TypePrinting};
use crate::swift::nodes::{is_accessor, Id, Kind};

use super::Piece::{C, T};
use Kind as K;

impl Printer<'_> {
    /// A node of a context, a variable, a function, a subscript or a
    /// macro; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_declaration_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind,
            id,
            depth,
            as_prefix,
        } = at;
        match kind {
            K::AnonymousContext => {
                if self.options.qualify_entities && self.options.display_extension_contexts {
                    self.fill(id, depth, &[C(1), T(".(unknown context at "), C(0), T(")")]);
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
                    EntityStyle::new(TypePrinting::WithColon, true),
                );
            }
            K::Function | K::BoundGenericFunction => {
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    EntityStyle::new(TypePrinting::FunctionStyle, true),
                );
            }
            K::Subscript => {
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    EntityStyle::new(TypePrinting::FunctionStyle, false).named("subscript"),
                );
            }
            K::Macro => {
                let typing = if self.len(id) == 3 {
                    TypePrinting::WithColon
                } else {
                    TypePrinting::FunctionStyle
                };
                return self.entity(id, depth, as_prefix, EntityStyle::new(typing, true));
            }
            _ => *other = true,
        }
        None
    }

    /// A node of a macro expansion or its location; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_macro_expansion_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind,
            id,
            depth,
            as_prefix,
        } = at;
        match kind {
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
                    EntityStyle::new(TypePrinting::NoType, true).extra(&extra, index as i64 + 1),
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
                    EntityStyle::new(TypePrinting::NoType, true).extra(extra, index as i64 + 1),
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
            _ => *other = true,
        }
        None
    }

    /// A node of a closure, an initializer, a global or its suffix, or a
    /// type mangling; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_closure_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind,
            id,
            depth,
            as_prefix,
        } = at;
        match kind {
            K::GenericTypeParamDecl => {
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    EntityStyle::new(TypePrinting::NoType, true),
                );
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
                    EntityStyle::new(typing, false).extra(extra, index as i64 + 1),
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
                    EntityStyle::new(TypePrinting::NoType, false)
                        .extra("variable initialization expression", -1),
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
                    EntityStyle::new(TypePrinting::NoType, false).extra(extra, -1),
                );
            }
            K::DefaultArgumentInitializer => {
                let index = self.child(id, 1).map(|c| self.index(c))?;
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    EntityStyle::new(TypePrinting::NoType, false)
                        .extra("default argument ", index as i64),
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
            _ => *other = true,
        }
        None
    }

    /// A node of a nominal type, a declaration name, a module, an
    /// identifier or a number; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_name_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind,
            id,
            depth,
            as_prefix,
        } = at;
        match kind {
            K::Class
            | K::Structure
            | K::Enum
            | K::Protocol
            | K::TypeAlias
            | K::OtherNominalType => {
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    EntityStyle::new(TypePrinting::NoType, true),
                );
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
                    let start = self.out.len();
                    self.put(self.text(id));
                    if self.in_scope && self.marks.as_ref().is_some_and(|m| m.module.is_none()) {
                        self.mark(|m, span| m.module = span, start);
                    }
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
            kind if is_accessor(kind) => {
                let storage = self.child(id, 0)?;
                return self.abstract_storage(storage, depth, as_prefix, accessor_name(kind));
            }
            _ => *other = true,
        }
        None
    }

    /// A node of a constructor, a destructor, an accessor or an
    /// operator; `other` set for a kind of another group.
    #[inline(always)]
    pub(super) fn print_constructor_node(&mut self, at: At, other: &mut bool) -> Option<Id> {
        let At {
            kind,
            id,
            depth,
            as_prefix,
        } = at;
        match kind {
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
                    EntityStyle::new(TypePrinting::FunctionStyle, false).extra(name, -1),
                );
            }
            K::Constructor => {
                let has_name = self.len(id) > 2;
                return self.entity(
                    id,
                    depth,
                    as_prefix,
                    EntityStyle::new(TypePrinting::FunctionStyle, has_name).extra("init", -1),
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
                    EntityStyle::new(TypePrinting::NoType, false).extra(name, -1),
                );
            }
            K::InfixOperator | K::PrefixOperator | K::PostfixOperator => {
                self.put(self.text(id));
                self.s(match kind {
                    K::InfixOperator => " infix",
                    K::PrefixOperator => " prefix",
                    _ => " postfix",
                });
            }
            _ => *other = true,
        }
        None
    }

    /// `printAbstractStorage`.
    pub(super) fn abstract_storage(
        &mut self,
        id: Id,
        depth: u32,
        as_prefix: bool,
        extra: &str,
    ) -> Option<Id> {
        match self.kind(id) {
            K::Variable => self.entity(
                id,
                depth,
                as_prefix,
                EntityStyle::new(TypePrinting::WithColon, true).extra(extra, -1),
            ),
            K::Subscript => self.entity(
                id,
                depth,
                as_prefix,
                EntityStyle::new(TypePrinting::WithColon, false)
                    .extra(extra, -1)
                    .named("subscript"),
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
    pub(super) fn entity(
        &mut self,
        entity: Id,
        depth: u32,
        as_prefix: bool,
        style: EntityStyle<'_>,
    ) -> Option<Id> {
        let (typing, has_name, extra) = (style.typing, style.has_name, style.extra);
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
                let in_scope = self.in_scope;
                self.in_scope = in_scope || marking;
                postfix = self.print(context, depth + 1, true);
                self.in_scope = in_scope;
                if self.out.len() != before {
                    if marking {
                        self.mark(|m, span| m.scope = span, before);
                    }
                    self.s(".");
                }
            }
        }
        let base_start = self.out.len();
        self.function_name(&style, multi_word, entity, depth);
        if marking {
            if self.marks.as_ref().is_some_and(|m| m.base_name.is_none()) {
                self.mark(|m, span| m.base_name = span, base_start);
            }
            self.mark(|m, span| m.name = span, name_start);
        }
        if typing != TypePrinting::NoType {
            self.entity_type_part(entity, typing, generic_args, multi_word, marking, depth)?;
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
            // A context printed after the name (`g #1 () -> () in main.f()`)
            // is the scope all the same.
            let (start, in_scope) = (self.out.len(), self.in_scope);
            self.in_scope = in_scope || marking;
            self.print(postfix?, depth + 1, false);
            self.in_scope = in_scope;
            if marking {
                self.mark(|m, span| m.scope = span, start);
            }
            postfix = None;
        }
        postfix
    }

    /// An entity's type after its name (`printEntity`): ` : type`, or the
    /// signature of a function (a function type under any generic
    /// signature), a closure's only where shown; `marking`: the symbol's own
    /// function type is marked.
    fn entity_type_part(
        &mut self,
        entity: Id,
        mut typing: TypePrinting,
        generic_args: Option<Id>,
        multi_word: bool,
        marking: bool,
        depth: u32,
    ) -> Option<()> {
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
        Some(())
    }

    /// `printFunctionName`.
    pub(super) fn function_name(
        &mut self,
        style: &EntityStyle<'_>,
        multi_word: bool,
        entity: Id,
        depth: u32,
    ) {
        let (has_name, overwrite) = (style.has_name, style.overwrite);
        let (mut extra, mut extra_index) = (style.extra, style.extra_index);
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
    pub(super) fn entity_type(&mut self, entity: Id, ty: Id, generic_args: Option<Id>, depth: u32) {
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
