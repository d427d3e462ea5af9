//! Names: simple names, back references, template instantiations,
//! operator codes, anonymous namespaces, local scopes and the scope chains
//! that qualify them (LLVM's `demangle*Name*` functions).

use super::{CodeGroup, Parser, MAX_BACKREFS, NBB_SIMPLE, NBB_TEMPLATE};
use crate::msvc::ast::*;
use crate::msvc::tables::{BASIC_OPERATORS, DOUBLE_UNDER_OPERATORS, UNDER_OPERATORS};

impl<'a> Parser<'a> {
    // ---- Names ----

    /// `Demangler::demangleSimpleString`: the text up to the next `@` (not
    /// empty), kept for back references if `memorize`.
    pub(super) fn simple_string(&mut self, memorize: bool) -> Option<&'a [u8]> {
        let rest = self.rest();
        match rest.iter().position(|&b| b == b'@') {
            Some(at) if at > 0 => {
                self.pos += at + 1;
                let text = &rest[..at];
                if memorize {
                    self.memorize(Text::Input(text));
                }
                Some(text)
            }
            _ => {
                self.error = true;
                None
            }
        }
    }

    /// `Demangler::memorizeString`: keep a name for the back references
    /// `0` to `9` (the first ten distinct ones).
    pub(super) fn memorize(&mut self, text: Text<'a>) {
        if self.backrefs.names.len() >= MAX_BACKREFS {
            return;
        }
        let side = &self.side;
        let wanted = side.text(&text);
        let known = self.backrefs.names.iter().any(|&n| {
            matches!(&self.nodes[n as usize], Node::Ident { kind: IdentKind::Named(name), .. } if side.text(name) == wanted)
        });
        if !known {
            let id = self.add_named(text);
            self.backrefs.names.push(id);
        }
    }

    /// `Demangler::memorizeIdentifier`: keep the printed text of a
    /// template instantiation as a name for back references.
    pub(super) fn memorize_identifier(&mut self, ident: Id) {
        if let Some(text) = self.render(ident) {
            let text = self.side.made(&text);
            self.memorize(text);
        }
    }

    /// `Demangler::demangleBackRefName`: a digit, one of the names kept.
    pub(super) fn back_ref_name(&mut self) -> Option<Id> {
        let index = (self.front()? - b'0') as usize;
        let Some(&name) = self.backrefs.names.get(index) else {
            self.error = true;
            return None;
        };
        self.pos += 1;
        Some(name)
    }

    /// `Demangler::demangleSimpleName`.
    pub(super) fn simple_name(&mut self, memorize: bool) -> Option<Id> {
        let text = self.simple_string(memorize);
        if self.error {
            return None;
        }
        Some(self.add_named(Text::Input(text?)))
    }

    /// `Demangler::demangleTemplateInstantiationName`: `?$` <name>
    /// <template arguments>, read with back references of its own; kept as
    /// a name for back references where `behavior` says so.
    pub(super) fn template_instantiation_name(&mut self, behavior: u8) -> Option<Id> {
        self.consume(b"?$");
        let outer = std::mem::take(&mut self.backrefs);
        let ident = self.unqualified_symbol_name(NBB_SIMPLE);
        if !self.error {
            if let Some(ident) = ident {
                let args = self.template_parameter_list();
                if let Node::Ident { template_args, .. } = &mut self.nodes[ident as usize] {
                    *template_args = args;
                }
            }
        }
        self.backrefs = outer;
        if self.error {
            return None;
        }
        let ident = ident?;
        if behavior & NBB_TEMPLATE != 0 {
            // Only a leaf name may be a constructor or a conversion.
            if matches!(
                self.nodes[ident as usize],
                Node::Ident {
                    kind: IdentKind::Conversion { .. } | IdentKind::Structor { .. },
                    ..
                }
            ) {
                self.error = true;
                return None;
            }
            self.memorize_identifier(ident);
        }
        Some(ident)
    }

    /// `Demangler::demangleFunctionIdentifierCode`: `?` then an operator,
    /// constructor, destructor or conversion code, in three groups (`?X`,
    /// `?_X`, `?__X`).
    pub(super) fn function_identifier_code(&mut self) -> Option<Id> {
        self.consume(b"?");
        if self.is_empty() {
            self.error = true;
            return None;
        }
        let group = if self.consume(b"__") {
            CodeGroup::DoubleUnder
        } else if self.consume(b"_") {
            CodeGroup::Under
        } else {
            CodeGroup::Basic
        };
        let c = self.take()?;
        let kind = match (group, c) {
            (CodeGroup::Basic, b'0' | b'1') => IdentKind::Structor {
                class: None,
                destructor: c == b'1',
            },
            (CodeGroup::Basic, b'B') => IdentKind::Conversion { target: None },
            (CodeGroup::DoubleUnder, b'K') => {
                let name = self.simple_string(false).unwrap_or_default();
                IdentKind::LiteralOperator(Text::Input(name))
            }
            _ => IdentKind::Intrinsic(self.intrinsic_function(c, group)),
        };
        Some(self.add(Node::Ident {
            kind,
            template_args: None,
        }))
    }

    /// `Demangler::translateIntrinsicFunctionCode`: the text of an operator
    /// code (empty for the codes LLVM's tables leave out).
    pub(super) fn intrinsic_function(&mut self, c: u8, group: CodeGroup) -> &'static str {
        let index = match c {
            b'0'..=b'9' => (c - b'0') as usize,
            b'A'..=b'Z' => (c - b'A') as usize + 10,
            _ => {
                self.error = true;
                return "";
            }
        };
        let table: &[&str; 36] = match group {
            CodeGroup::Basic => &BASIC_OPERATORS,
            CodeGroup::Under => &UNDER_OPERATORS,
            CodeGroup::DoubleUnder => &DOUBLE_UNDER_OPERATORS,
        };
        table[index]
    }

    /// `Demangler::demangleLocallyScopedNamePiece`: `?` <number> `?` then
    /// the enclosing symbol, printed as `` `f'::`1' ``.
    pub(super) fn locally_scoped_name_piece(&mut self) -> Option<Id> {
        self.consume(b"?");
        let (number, _) = self.number();
        self.consume(b"?");
        let scope = self.parse();
        if self.error {
            return None;
        }
        let scope = self.render(scope?)?;
        let mut text = Vec::with_capacity(scope.len() + 8);
        text.push(b'`');
        text.extend_from_slice(&scope);
        text.extend_from_slice(b"'::`");
        text.extend_from_slice(number.to_string().as_bytes());
        text.push(b'\'');
        let text = self.side.made(&text);
        Some(self.add_named(text))
    }

    /// `Demangler::demangleAnonymousNamespaceName`: `?A` <key> `@`, kept
    /// for back references by its key.
    pub(super) fn anonymous_namespace_name(&mut self) -> Option<Id> {
        self.consume(b"?A");
        let rest = self.rest();
        let Some(at) = rest.iter().position(|&b| b == b'@') else {
            self.error = true;
            return None;
        };
        let node = self.add_named(Text::Input(b"`anonymous namespace'"));
        self.memorize(Text::Input(&rest[..at]));
        self.pos += at + 1;
        Some(node)
    }

    /// `Demangler::demangleFullyQualifiedTypeName`: `A@B@C@@` is `C::B::A`.
    pub(super) fn fully_qualified_type_name(&mut self) -> Option<Id> {
        let ident = self.unqualified_type_name(true);
        if self.error {
            return None;
        }
        let qualified = self.name_scope_chain(ident?);
        if self.error {
            return None;
        }
        qualified
    }

    /// `Demangler::demangleFullyQualifiedSymbolName`: as a type name; a
    /// constructor or destructor takes its class from the scope.
    pub(super) fn fully_qualified_symbol_name(&mut self) -> Option<Id> {
        let ident = self.unqualified_symbol_name(NBB_SIMPLE);
        if self.error {
            return None;
        }
        let ident = ident?;
        let qualified = self.name_scope_chain(ident);
        if self.error {
            return None;
        }
        let qualified = qualified?;
        if let Node::Ident {
            kind: IdentKind::Structor { .. },
            ..
        } = self.nodes[ident as usize]
        {
            let Node::QualifiedName(components) = self.nodes[qualified as usize] else {
                return None;
            };
            let components = self.side.ids(components);
            if components.len() < 2 {
                self.error = true;
                return None;
            }
            let parent = components[components.len() - 2];
            if let Node::Ident {
                kind: IdentKind::Structor { class, .. },
                ..
            } = &mut self.nodes[ident as usize]
            {
                *class = Some(parent);
            }
        }
        Some(qualified)
    }

    /// `Demangler::demangleUnqualifiedTypeName`: a back reference, a
    /// template instantiation or a simple name.
    pub(super) fn unqualified_type_name(&mut self, memorize: bool) -> Option<Id> {
        if self.starts_with_digit() {
            return self.back_ref_name();
        }
        if self.starts_with(b"?$") {
            return self.template_instantiation_name(NBB_TEMPLATE);
        }
        self.simple_name(memorize)
    }

    /// `Demangler::demangleUnqualifiedSymbolName`: as a type name, or an
    /// operator code.
    pub(super) fn unqualified_symbol_name(&mut self, behavior: u8) -> Option<Id> {
        if self.starts_with_digit() {
            return self.back_ref_name();
        }
        if self.starts_with(b"?$") {
            return self.template_instantiation_name(behavior);
        }
        if self.starts_with(b"?") {
            return self.function_identifier_code();
        }
        self.simple_name(behavior & NBB_SIMPLE != 0)
    }

    /// `Demangler::demangleNameScopePiece`: one enclosing scope.
    pub(super) fn name_scope_piece(&mut self) -> Option<Id> {
        if self.starts_with_digit() {
            return self.back_ref_name();
        }
        if self.starts_with(b"?$") {
            return self.template_instantiation_name(NBB_TEMPLATE);
        }
        if self.starts_with(b"?A") {
            return self.anonymous_namespace_name();
        }
        if starts_with_local_scope_pattern(self.rest()) {
            return self.locally_scoped_name_piece();
        }
        self.simple_name(true)
    }

    /// `Demangler::demangleNameScopeChain`: the scopes up to `@`,
    /// innermost first, around `unqualified`.
    pub(super) fn name_scope_chain(&mut self, unqualified: Id) -> Option<Id> {
        let mut components: smallvec::SmallVec<[Id; 8]> = smallvec::smallvec![unqualified];
        while !self.consume(b"@") {
            if self.is_empty() {
                self.error = true;
                return None;
            }
            let piece = self.name_scope_piece();
            if self.error {
                return None;
            }
            components.push(piece?);
        }
        components.reverse();
        Some(self.add_qualified(&components))
    }
}

/// LLVM's `startsWithLocalScopePattern`: `?` then a discriminator then
/// `?`: a digit, `@` (0), or an encoded number (`B`..`P` then `A`..`P`)
/// ending in `@`.
fn starts_with_local_scope_pattern(s: &[u8]) -> bool {
    let Some(s) = s.strip_prefix(b"?") else {
        return false;
    };
    let Some(end) = s.iter().position(|&b| b == b'?') else {
        return false;
    };
    let candidate = &s[..end];
    match candidate {
        [] => false,
        [c] => *c == b'@' || c.is_ascii_digit(),
        [first, digits @ .., b'@'] => {
            (b'B'..=b'P').contains(first) && digits.iter().all(|c| (b'A'..=b'P').contains(c))
        }
        _ => false,
    }
}
