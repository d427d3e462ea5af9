//! The printer of Microsoft names: each node prints itself as LLVM 19's
//! node class of the same name does (MicrosoftDemangleNodes.cpp: `output`,
//! and `outputPre`/`outputPost` for types, which print around a declarator).
//! The output is capped: past the limit, printing stops and fails.

use super::ast::*;

/// LLVM's `OutputFlags`.
pub(super) type Flags = u8;
pub(super) const OF_NO_CALLING_CONVENTION: Flags = 1;
pub(super) const OF_NO_TAG_SPECIFIER: Flags = 2;
pub(super) const OF_NO_ACCESS_SPECIFIER: Flags = 4;
pub(super) const OF_NO_MEMBER_TYPE: Flags = 8;
pub(super) const OF_NO_RETURN_TYPE: Flags = 16;
pub(super) const OF_NO_VARIABLE_TYPE: Flags = 32;
/// Not LLVM's: the function's own parameter list and qualifiers left out
/// (`params=False`, as `c++filt -p` leaves them out of C++ names).
pub(super) const OF_NO_PARAMETERS: Flags = 64;
/// Not LLVM's: no template argument lists (`templates=False`); the names
/// kept for back references keep theirs.
pub(super) const OF_NO_TEMPLATE_ARGS: Flags = 128;

/// Where the parts of a symbol printed (for `crate::parse`).
#[derive(Default)]
pub(super) struct Marks {
    pub name: Option<(usize, usize)>,
    pub base: Option<(usize, usize)>,
    pub args: Vec<(usize, usize)>,
    pub parameters: Option<(usize, usize)>,
    pub return_type: Option<(usize, usize)>,
    pub qualifiers: Option<(usize, usize)>,
}

/// Prints nodes of a tree into one buffer.
pub(super) struct Printer<'t, 'a> {
    nodes: &'t [Node<'a>],
    side: &'t Side,
    flags: Flags,
    out: Vec<u8>,
    limit: usize,
    over: bool,
    /// With `Some`, the parts of the symbol are marked as it prints.
    pub marks: Option<Marks>,
    /// The next signature printed is the symbol's own (to be marked).
    own_signature: bool,
    /// The next template arguments printed are the base name's.
    own_arguments: bool,
}

impl<'t, 'a> Printer<'t, 'a> {
    pub fn new(nodes: &'t [Node<'a>], side: &'t Side, flags: Flags, limit: usize) -> Self {
        Printer {
            nodes,
            side,
            flags,
            // Most names print in about four times their mangled length.
            out: Vec::with_capacity(limit.min(4 * nodes.len() + 64)),
            limit,
            over: false,
            marks: None,
            own_signature: false,
            own_arguments: false,
        }
    }

    /// The text printed; `None` if it passed the limit.
    pub fn finish(self) -> Option<Vec<u8>> {
        (!self.over).then_some(self.out)
    }

    /// The text printed and the marks of its parts.
    pub fn finish_marked(self) -> Option<(Vec<u8>, Option<Marks>)> {
        (!self.over).then_some((self.out, self.marks))
    }

    /// The symbol's own qualified name, its base name and the base name's
    /// template arguments marked.
    fn own_name(&mut self, name: Id, flags: Flags) {
        let Node::QualifiedName(components) = self.node_at(name) else {
            return self.output(name, flags);
        };
        let components = self.side.ids(*components);
        let start = self.out.len();
        for (i, &component) in components.iter().enumerate() {
            if i > 0 {
                self.push(b"::");
            }
            if i + 1 < components.len() {
                self.output(component, flags);
                continue;
            }
            let base = self.out.len();
            self.own_arguments = true;
            self.output(component, flags);
            self.own_arguments = false;
            let end = self.out.len();
            if let Some(marks) = self.marks.as_mut() {
                let base_end = marks.base.map_or(end, |(_, e)| e);
                marks.base = Some((base, base_end));
            }
        }
        if let Some(marks) = self.marks.as_mut() {
            marks.name = Some((start, self.out.len()));
        }
    }

    fn push(&mut self, text: &[u8]) {
        if self.over || self.out.len() + text.len() > self.limit {
            self.over = true;
            return;
        }
        self.out.extend_from_slice(text);
    }

    fn push_str(&mut self, text: &str) {
        self.push(text.as_bytes());
    }

    fn push_number(&mut self, n: impl std::fmt::Display) {
        self.push_str(&n.to_string());
    }

    fn node_at(&self, id: Id) -> &'t Node<'a> {
        &self.nodes[id as usize]
    }

    /// `Node::output` of `id` with the printer's flags.
    pub fn node(&mut self, id: Id) {
        let flags = self.flags;
        self.output(id, flags);
    }

    /// LLVM's `outputSpaceIfNecessary`: a space after a letter, digit or
    /// `>`.
    fn space_if_necessary(&mut self) {
        if self
            .out
            .last()
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'>')
        {
            self.push(b" ");
        }
    }

    /// LLVM's `outputQualifiers`: `const`, `volatile` and `__restrict`,
    /// with a space before the first if `space_before`.
    fn qualifiers(&mut self, quals: Quals, space_before: bool, space_after: bool) {
        if quals == 0 {
            return;
        }
        let start = self.out.len();
        let mut space = space_before;
        for (bit, text) in [
            (Q_CONST, "const"),
            (Q_VOLATILE, "volatile"),
            (Q_RESTRICT, "__restrict"),
        ] {
            if quals & bit != 0 {
                if space {
                    self.push(b" ");
                }
                self.push_str(text);
                space = true;
            }
        }
        if space_after && self.out.len() > start {
            self.push(b" ");
        }
    }

    /// LLVM's `outputCallingConvention`.
    fn calling_convention(&mut self, convention: CallingConv) {
        self.space_if_necessary();
        self.push_str(match convention {
            CallingConv::Cdecl => "__cdecl",
            CallingConv::Fastcall => "__fastcall",
            CallingConv::Pascal => "__pascal",
            CallingConv::Stdcall => "__stdcall",
            CallingConv::Thiscall => "__thiscall",
            CallingConv::Eabi => "__eabi",
            CallingConv::Vectorcall => "__vectorcall",
            CallingConv::Clrcall => "__clrcall",
            CallingConv::Swift => "__attribute__((__swiftcall__)) ",
            CallingConv::SwiftAsync => "__attribute__((__swiftasynccall__)) ",
            CallingConv::None => "",
        });
    }

    /// LLVM's `NodeArrayNode::output`: the nodes with `separator`
    /// between them.
    fn list(&mut self, ids: &[Id], separator: &str, flags: Flags) {
        for (i, &id) in ids.iter().enumerate() {
            if i > 0 {
                self.push_str(separator);
            }
            self.output(id, flags);
        }
    }

    /// `IdentifierNode::outputTemplateParameters`.
    fn template_args(&mut self, args: &Option<Ids>, flags: Flags) {
        let args = args.map(|args| self.side.ids(args));
        let own = std::mem::take(&mut self.own_arguments);
        if flags & OF_NO_TEMPLATE_ARGS != 0 {
            return;
        }
        if let Some(args) = args {
            if own {
                if let Some(marks) = self.marks.as_mut() {
                    marks.base = Some((0, self.out.len()));
                }
            }
            self.push(b"<");
            for (i, &arg) in args.iter().enumerate() {
                if i > 0 {
                    self.push(b", ");
                }
                let start = self.out.len();
                self.output(arg, flags);
                if own {
                    let end = self.out.len();
                    if let Some(marks) = self.marks.as_mut() {
                        marks.args.push((start, end));
                    }
                }
            }
            self.push(b">");
        }
    }

    /// `Node::output` of every node class.
    fn output(&mut self, id: Id, flags: Flags) {
        if self.over {
            return;
        }
        match self.node_at(id) {
            Node::Type { .. } => {
                self.type_pre(id, flags);
                self.type_post(id, flags);
            }
            Node::Ident {
                kind,
                template_args,
            } => self.identifier(kind, template_args, flags),
            Node::QualifiedName(components) => self.list(self.side.ids(*components), "::", flags),
            Node::TemplateParamRef {
                symbol,
                thunk_offsets,
                affinity,
            } => {
                if !thunk_offsets.is_empty() {
                    self.push(b"{");
                } else if *affinity == Affinity::Pointer {
                    self.push(b"&");
                }
                if let Some(symbol) = symbol {
                    self.output(*symbol, flags);
                    if !thunk_offsets.is_empty() {
                        self.push(b", ");
                    }
                }
                for (i, offset) in thunk_offsets.as_slice().iter().enumerate() {
                    if i > 0 {
                        self.push(b", ");
                    }
                    self.push_number(offset);
                }
                if !thunk_offsets.is_empty() {
                    self.push(b"}");
                }
            }
            Node::Integer { value, negative } => {
                if *negative {
                    self.push(b"-");
                }
                self.push_number(value);
            }
            Node::Symbol { name, kind } => self.symbol(*name, kind, flags),
        }
    }

    /// The `output` of LLVM's identifier classes.
    fn identifier(&mut self, kind: &IdentKind<'a>, args: &Option<Ids>, flags: Flags) {
        match kind {
            IdentKind::Named(name) => {
                self.push(self.side.text(name));
                self.template_args(args, flags);
            }
            IdentKind::VcallThunk(offset) => {
                self.push(b"`vcall'{");
                self.push_number(offset);
                self.push(b", {flat}}");
            }
            IdentKind::LocalStaticGuard {
                thread,
                scope_index,
            } => {
                self.push_str(if *thread {
                    "`local static thread guard'"
                } else {
                    "`local static guard'"
                });
                if *scope_index > 0 {
                    self.push(b"{");
                    self.push_number(scope_index);
                    self.push(b"}");
                }
            }
            IdentKind::Intrinsic(text) => {
                self.push_str(text);
                self.template_args(args, flags);
            }
            IdentKind::Conversion { target } => {
                self.push(b"operator");
                self.template_args(args, flags);
                self.push(b" ");
                if let Some(target) = target {
                    self.output(*target, flags);
                }
            }
            IdentKind::DynamicStructor {
                variable,
                name,
                destructor,
            } => {
                self.push_str(if *destructor {
                    "`dynamic atexit destructor for "
                } else {
                    "`dynamic initializer for "
                });
                if let Some(variable) = variable {
                    self.push(b"`");
                    self.output(*variable, flags);
                    self.push(b"''");
                } else {
                    self.push(b"'");
                    if let Some(name) = name {
                        self.output(*name, flags);
                    }
                    self.push(b"''");
                }
            }
            IdentKind::Structor { class, destructor } => {
                if *destructor {
                    self.push(b"~");
                }
                if let Some(class) = class {
                    self.output(*class, flags);
                }
                self.template_args(args, flags);
            }
            IdentKind::LiteralOperator(name) => {
                self.push(b"operator \"\"");
                self.push(self.side.text(name));
                self.template_args(args, flags);
            }
            IdentKind::RttiBaseClassDescriptor {
                nv_offset,
                vbptr_offset,
                vbtable_offset,
                flags: descriptor_flags,
            } => {
                let text = format!(
                    "`RTTI Base Class Descriptor at ({nv_offset}, {vbptr_offset}, \
                     {vbtable_offset}, {descriptor_flags})'"
                );
                self.push_str(&text);
            }
        }
    }

    /// The `output` of LLVM's symbol classes.
    fn symbol(&mut self, name: Option<Id>, kind: &SymbolKind, flags: Flags) {
        match kind {
            SymbolKind::Md5 | SymbolKind::LocalStaticGuard => {
                if let Some(name) = name {
                    self.output(name, flags);
                }
            }
            SymbolKind::SpecialTable { target, quals } => {
                self.qualifiers(*quals, false, true);
                if let Some(name) = name {
                    self.output(name, flags);
                }
                if let Some(target) = target {
                    self.push(b"{for `");
                    self.output(*target, flags);
                    self.push(b"'}");
                }
            }
            SymbolKind::StringLiteral {
                decoded,
                truncated,
                char_kind,
            } => {
                self.push_str(match char_kind {
                    CharKind::Wchar => "L\"",
                    CharKind::Char => "\"",
                    CharKind::Char16 => "u\"",
                    CharKind::Char32 => "U\"",
                });
                self.push(self.side.text(decoded));
                self.push(b"\"");
                if *truncated {
                    self.push(b"...");
                }
            }
            SymbolKind::Variable { storage, ty } => {
                let access = match storage {
                    StorageClass::PrivateStatic => Some("private: "),
                    StorageClass::PublicStatic => Some("public: "),
                    StorageClass::ProtectedStatic => Some("protected: "),
                    _ => None,
                };
                if let Some(access) = access {
                    if flags & OF_NO_ACCESS_SPECIFIER == 0 {
                        self.push_str(access);
                    }
                    if flags & OF_NO_MEMBER_TYPE == 0 {
                        self.push(b"static ");
                    }
                }
                let ty = ty.filter(|_| flags & OF_NO_VARIABLE_TYPE == 0);
                if let Some(ty) = ty {
                    self.type_pre(ty, flags);
                    self.space_if_necessary();
                }
                if let Some(name) = name {
                    self.own_name(name, flags);
                }
                if let Some(ty) = ty {
                    self.type_post(ty, flags);
                }
            }
            SymbolKind::Function { signature } => {
                self.own_signature = self.marks.is_some();
                self.type_pre(*signature, flags);
                self.space_if_necessary();
                if let Some(name) = name {
                    self.own_name(name, flags);
                }
                if flags & OF_NO_PARAMETERS == 0 {
                    self.own_signature = self.marks.is_some();
                    self.type_post(*signature, flags);
                }
            }
        }
    }

    /// `TypeNode::outputPre` of every type class: what comes before the
    /// declarator.
    fn type_pre(&mut self, id: Id, flags: Flags) {
        if self.over {
            return;
        }
        let Node::Type { quals, kind } = self.node_at(id) else {
            return self.output(id, flags);
        };
        let quals = *quals;
        match kind {
            TypeKind::Primitive(name) => {
                self.push_str(name);
                self.qualifiers(quals, true, false);
            }
            TypeKind::Function(signature) => self.signature_pre(signature, flags),
            TypeKind::Pointer {
                affinity,
                class_parent,
                pointee,
            } => {
                let pointee_node = self.node_at(*pointee);
                let function = match pointee_node {
                    Node::Type {
                        kind: TypeKind::Function(signature),
                        ..
                    } => Some(signature),
                    _ => None,
                };
                let array = matches!(
                    pointee_node,
                    Node::Type {
                        kind: TypeKind::Array { .. },
                        ..
                    }
                );
                match function {
                    // The calling convention goes inside the parentheses.
                    Some(signature) => self.signature_pre(signature, OF_NO_CALLING_CONVENTION),
                    None => self.type_pre(*pointee, flags),
                }
                self.space_if_necessary();
                if quals & Q_UNALIGNED != 0 {
                    self.push(b"__unaligned ");
                }
                if array {
                    self.push(b"(");
                } else if let Some(signature) = function {
                    self.push(b"(");
                    self.calling_convention(signature.call_conv);
                    self.push(b" ");
                }
                if let Some(class) = class_parent {
                    self.output(*class, flags);
                    self.push(b"::");
                }
                self.push_str(match affinity {
                    Affinity::Pointer => "*",
                    Affinity::Reference => "&",
                    Affinity::RValueReference => "&&",
                    Affinity::None => "",
                });
                self.qualifiers(quals, false, false);
            }
            TypeKind::Tag { tag, name } => {
                if flags & OF_NO_TAG_SPECIFIER == 0 {
                    self.push_str(match tag {
                        TagKind::Class => "class ",
                        TagKind::Struct => "struct ",
                        TagKind::Union => "union ",
                        TagKind::Enum => "enum ",
                    });
                }
                self.output(*name, flags);
                self.qualifiers(quals, true, false);
            }
            TypeKind::Array { element, .. } => {
                self.type_pre(*element, flags);
                self.qualifiers(quals, true, false);
            }
            TypeKind::Custom(ident) => self.output(*ident, flags),
        }
    }

    /// `TypeNode::outputPost` of every type class: what comes after the
    /// declarator.
    fn type_post(&mut self, id: Id, flags: Flags) {
        if self.over {
            return;
        }
        let Node::Type { quals, kind } = self.node_at(id) else {
            return;
        };
        match kind {
            TypeKind::Primitive(_) | TypeKind::Tag { .. } | TypeKind::Custom(_) => {}
            TypeKind::Function(signature) => self.signature_post(signature, *quals, flags),
            TypeKind::Pointer { pointee, .. } => {
                if matches!(
                    self.node_at(*pointee),
                    Node::Type {
                        kind: TypeKind::Array { .. } | TypeKind::Function(_),
                        ..
                    }
                ) {
                    self.push(b")");
                }
                self.type_post(*pointee, flags);
            }
            TypeKind::Array {
                dimensions,
                element,
            } => {
                self.push(b"[");
                for (i, dimension) in self.side.numbers(*dimensions).iter().enumerate() {
                    if i > 0 {
                        self.push(b"][");
                    }
                    if *dimension != 0 {
                        self.push_number(dimension);
                    }
                }
                self.push(b"]");
                self.type_post(*element, flags);
            }
        }
    }

    /// `FunctionSignatureNode::outputPre` (and `ThunkSignatureNode`'s):
    /// `[thunk]: `, access, `static`/`virtual`/`extern "C"`, the return
    /// type, the calling convention.
    fn signature_pre(&mut self, signature: &Signature, flags: Flags) {
        let own = std::mem::take(&mut self.own_signature);
        if signature.thunk.is_some() {
            self.push(b"[thunk]: ");
        }
        let class = signature.class;
        if flags & OF_NO_ACCESS_SPECIFIER == 0 {
            if class & FC_PUBLIC != 0 {
                self.push(b"public: ");
            }
            if class & FC_PROTECTED != 0 {
                self.push(b"protected: ");
            }
            if class & FC_PRIVATE != 0 {
                self.push(b"private: ");
            }
        }
        if flags & OF_NO_MEMBER_TYPE == 0 {
            if class & FC_GLOBAL == 0 && class & FC_STATIC != 0 {
                self.push(b"static ");
            }
            if class & FC_VIRTUAL != 0 {
                self.push(b"virtual ");
            }
            if class & FC_EXTERN_C != 0 {
                self.push(b"extern \"C\" ");
            }
        }
        if flags & OF_NO_RETURN_TYPE == 0 {
            if let Some(ty) = signature.return_type {
                let start = self.out.len();
                self.type_pre(ty, flags);
                if own {
                    let end = self.out.len();
                    if let Some(marks) = self.marks.as_mut() {
                        marks.return_type = Some((start, end));
                    }
                }
                self.push(b" ");
            }
        }
        if flags & OF_NO_CALLING_CONVENTION == 0 {
            self.calling_convention(signature.call_conv);
        }
    }

    /// `FunctionSignatureNode::outputPost` (and `ThunkSignatureNode`'s):
    /// the this-adjustment of a thunk, the parameters, the qualifiers, the
    /// rest of the return type.
    fn signature_post(&mut self, signature: &Signature, quals: Quals, flags: Flags) {
        let own = std::mem::take(&mut self.own_signature);
        let class = signature.class;
        if let Some(adjust) = &signature.thunk {
            if class & FC_STATIC_THIS_ADJUST != 0 {
                let text = format!("`adjustor{{{}}}'", adjust.static_offset);
                self.push_str(&text);
            } else if class & FC_VIRTUAL_THIS_ADJUST != 0 {
                let text = if class & FC_VIRTUAL_THIS_ADJUST_EX != 0 {
                    format!(
                        "`vtordispex{{{}, {}, {}, {}}}'",
                        adjust.vbptr_offset,
                        adjust.vboffset_offset,
                        adjust.vtordisp_offset,
                        adjust.static_offset
                    )
                } else {
                    format!(
                        "`vtordisp{{{}, {}}}'",
                        adjust.vtordisp_offset, adjust.static_offset
                    )
                };
                self.push_str(&text);
            }
        }
        let open = self.out.len();
        if class & FC_NO_PARAMETER_LIST == 0 {
            self.push(b"(");
            match &signature.params {
                Some(params) => self.list(self.side.ids(*params), ", ", flags),
                None => self.push(b"void"),
            }
            if signature.variadic {
                if self.out.last() != Some(&b'(') {
                    self.push(b", ");
                }
                self.push(b"...");
            }
            self.push(b")");
        }
        let close = self.out.len();
        for (bit, text) in [
            (Q_CONST, " const"),
            (Q_VOLATILE, " volatile"),
            (Q_RESTRICT, " __restrict"),
            (Q_UNALIGNED, " __unaligned"),
        ] {
            if quals & bit != 0 {
                self.push_str(text);
            }
        }
        if signature.noexcept {
            self.push(b" noexcept");
        }
        match signature.ref_qualifier {
            RefQualifier::Reference => self.push(b" &"),
            RefQualifier::RValueReference => self.push(b" &&"),
            RefQualifier::None => {}
        }
        if own {
            let end = self.out.len();
            if let Some(marks) = self.marks.as_mut() {
                if class & FC_NO_PARAMETER_LIST == 0 {
                    marks.parameters = Some((open, close));
                }
                if end > close + 1 {
                    marks.qualifiers = Some((close + 1, end));
                }
            }
        }
        if flags & OF_NO_RETURN_TYPE == 0 {
            if let Some(ty) = signature.return_type {
                let before = self.out.len();
                self.type_post(ty, flags);
                // A return type printed around the name (a pointer to a
                // function or an array) is no one span.
                if own && self.out.len() > before {
                    if let Some(marks) = self.marks.as_mut() {
                        marks.return_type = None;
                    }
                }
            }
        }
    }
}
