//! The tree a Microsoft name is read into: one node kind for each of
//! LLVM's `ms_demangle` node classes (MicrosoftDemangleNodes.h), kept in an
//! arena and referred to by index, as the parser shares nodes (a function
//! parameter read again through a back reference is the same node) and
//! completes some after making them (a constructor's class, a conversion
//! operator's target type, an identifier's template arguments).

/// A node's index in [`Tree::nodes`].
pub(super) type Id = u32;

/// A list of nodes (parameters, template arguments, the parts of a name):
/// where it is in [`Side::lists`].
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Ids {
    start: u32,
    len: u32,
}

/// Text of a name: a piece of the symbol or a fixed text, or a text made
/// while reading (a printed template name kept for back references, a
/// decoded string literal), where it is in [`Side::bytes`].
#[derive(Clone, Copy, Debug)]
pub(super) enum Text<'a> {
    Input(&'a [u8]),
    Made { start: u32, len: u32 },
}

/// A list of numbers (an array's dimensions) in [`Side::numbers`].
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Numbers {
    start: u32,
    len: u32,
}

/// What the nodes' lists and texts are kept in, beside the nodes, so that
/// a node owns nothing: a tree is emptied without visiting its nodes, and
/// a node is small to copy.
#[derive(Default)]
pub(super) struct Side {
    lists: Vec<Id>,
    bytes: Vec<u8>,
    numbers: Vec<u64>,
}

impl Side {
    pub fn clear(&mut self) {
        self.lists.clear();
        self.bytes.clear();
        self.numbers.clear();
    }

    /// Whether its lists are small enough to keep between calls.
    pub fn small(&self) -> bool {
        self.lists.capacity() + self.bytes.capacity() / 4 + self.numbers.capacity() <= 1 << 12
    }

    pub fn ids(&self, ids: Ids) -> &[Id] {
        &self.lists[ids.start as usize..][..ids.len as usize]
    }

    pub fn text<'s>(&'s self, text: &Text<'s>) -> &'s [u8] {
        match *text {
            Text::Input(text) => text,
            Text::Made { start, len } => &self.bytes[start as usize..][..len as usize],
        }
    }

    pub fn numbers(&self, numbers: Numbers) -> &[u64] {
        &self.numbers[numbers.start as usize..][..numbers.len as usize]
    }

    /// `ids` kept as a list.
    pub fn list(&mut self, ids: &[Id]) -> Ids {
        let (start, len) = keep(&mut self.lists, ids);
        Ids { start, len }
    }

    /// `bytes` kept as a text.
    pub fn made<'a>(&mut self, bytes: &[u8]) -> Text<'a> {
        let (start, len) = keep(&mut self.bytes, bytes);
        Text::Made { start, len }
    }

    pub fn keep_numbers(&mut self, numbers: &[u64]) -> Numbers {
        let (start, len) = keep(&mut self.numbers, numbers);
        Numbers { start, len }
    }
}

/// `items` appended to `store`: where they start, and how many.
fn keep<T: Copy>(store: &mut Vec<T>, items: &[T]) -> (u32, u32) {
    let start = store.len() as u32;
    store.extend_from_slice(items);
    (start, items.len() as u32)
}

/// The offsets of a member pointer template argument: up to three.
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Offsets {
    values: [i64; 3],
    len: u8,
}

impl Offsets {
    pub fn push(&mut self, value: i64) {
        self.values[self.len as usize] = value;
        self.len += 1;
    }

    pub fn as_slice(&self) -> &[i64] {
        &self.values[..self.len as usize]
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// LLVM's `Qualifiers`: bits of `const`, `volatile`, `__restrict`, ...
/// (LLVM's `Q_Far` and `Q_Huge` are never set by its parser.)
pub(super) type Quals = u8;
pub(super) const Q_CONST: Quals = 1;
pub(super) const Q_VOLATILE: Quals = 1 << 1;
pub(super) const Q_UNALIGNED: Quals = 1 << 4;
pub(super) const Q_RESTRICT: Quals = 1 << 5;
pub(super) const Q_POINTER64: Quals = 1 << 6;

/// LLVM's `FuncClass`: access, storage and thunk bits of a function.
pub(super) type FuncClass = u16;
pub(super) const FC_PUBLIC: FuncClass = 1;
pub(super) const FC_PROTECTED: FuncClass = 1 << 1;
pub(super) const FC_PRIVATE: FuncClass = 1 << 2;
pub(super) const FC_GLOBAL: FuncClass = 1 << 3;
pub(super) const FC_STATIC: FuncClass = 1 << 4;
pub(super) const FC_VIRTUAL: FuncClass = 1 << 5;
pub(super) const FC_FAR: FuncClass = 1 << 6;
pub(super) const FC_EXTERN_C: FuncClass = 1 << 7;
pub(super) const FC_NO_PARAMETER_LIST: FuncClass = 1 << 8;
pub(super) const FC_VIRTUAL_THIS_ADJUST: FuncClass = 1 << 9;
pub(super) const FC_VIRTUAL_THIS_ADJUST_EX: FuncClass = 1 << 10;
pub(super) const FC_STATIC_THIS_ADJUST: FuncClass = 1 << 11;

/// LLVM's `PointerAffinity`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Affinity {
    None,
    Pointer,
    Reference,
    RValueReference,
}

/// LLVM's `FunctionRefQualifier`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum RefQualifier {
    None,
    Reference,
    RValueReference,
}

/// LLVM's `CallingConv`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum CallingConv {
    None,
    Cdecl,
    Pascal,
    Thiscall,
    Stdcall,
    Fastcall,
    Clrcall,
    Eabi,
    Vectorcall,
    Swift,
    SwiftAsync,
}

/// LLVM's `StorageClass` of a variable.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum StorageClass {
    None,
    PrivateStatic,
    ProtectedStatic,
    PublicStatic,
    Global,
    FunctionLocalStatic,
}

/// LLVM's `TagKind`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum TagKind {
    Class,
    Struct,
    Union,
    Enum,
}

/// LLVM's `CharKind` of a string literal.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum CharKind {
    Char,
    Char16,
    Char32,
    Wchar,
}

/// LLVM's `ThunkSignatureNode::ThisAdjustor`.
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct ThisAdjust {
    pub static_offset: u32,
    pub vbptr_offset: i32,
    pub vboffset_offset: i32,
    pub vtordisp_offset: i32,
}

/// LLVM's `FunctionSignatureNode`, and `ThunkSignatureNode` when `thunk`
/// is set.
#[derive(Clone, Copy, Debug)]
pub(super) struct Signature {
    pub call_conv: CallingConv,
    pub class: FuncClass,
    pub ref_qualifier: RefQualifier,
    pub return_type: Option<Id>,
    pub variadic: bool,
    /// `None` for `(void)`.
    pub params: Option<Ids>,
    pub noexcept: bool,
    pub thunk: Option<ThisAdjust>,
}

impl Default for Signature {
    fn default() -> Self {
        Signature {
            call_conv: CallingConv::None,
            class: FC_GLOBAL,
            ref_qualifier: RefQualifier::None,
            return_type: None,
            variadic: false,
            params: None,
            noexcept: false,
            thunk: None,
        }
    }
}

/// The types (LLVM's `TypeNode` subclasses); each has its qualifiers.
#[derive(Clone, Copy, Debug)]
pub(super) enum TypeKind {
    /// `PrimitiveTypeNode`: the name of the type.
    Primitive(&'static str),
    /// `FunctionSignatureNode` / `ThunkSignatureNode`.
    Function(Signature),
    /// `PointerTypeNode`: `class_parent` for a pointer to member.
    Pointer {
        affinity: Affinity,
        class_parent: Option<Id>,
        pointee: Id,
    },
    /// `TagTypeNode`: `class A::B`.
    Tag { tag: TagKind, name: Id },
    /// `ArrayTypeNode`: its dimensions and element type.
    Array { dimensions: Numbers, element: Id },
    /// `CustomTypeNode`: an identifier used as a type.
    Custom(Id),
}

/// The identifiers (LLVM's `IdentifierNode` subclasses).
#[derive(Clone, Copy, Debug)]
pub(super) enum IdentKind<'a> {
    /// `NamedIdentifierNode`.
    Named(Text<'a>),
    /// `VcallThunkIdentifierNode`: `` `vcall'{8, {flat}} ``.
    VcallThunk(u64),
    /// `LocalStaticGuardIdentifierNode`.
    LocalStaticGuard { thread: bool, scope_index: u32 },
    /// `IntrinsicFunctionIdentifierNode`: the operator's text (empty where
    /// LLVM's table has `None`).
    Intrinsic(&'static str),
    /// `ConversionOperatorIdentifierNode`: set once the function is read.
    Conversion { target: Option<Id> },
    /// `DynamicStructorIdentifierNode`: of a variable or of a name.
    DynamicStructor {
        variable: Option<Id>,
        name: Option<Id>,
        destructor: bool,
    },
    /// `StructorIdentifierNode`: the class, set once the name is read.
    Structor { class: Option<Id>, destructor: bool },
    /// `LiteralOperatorIdentifierNode`: `operator ""_name`.
    LiteralOperator(Text<'a>),
    /// `RttiBaseClassDescriptorNode`.
    RttiBaseClassDescriptor {
        nv_offset: u32,
        vbptr_offset: i32,
        vbtable_offset: u32,
        flags: u32,
    },
}

/// The symbols (LLVM's `SymbolNode` subclasses).
#[derive(Clone, Copy, Debug)]
pub(super) enum SymbolKind {
    /// `SymbolNode` of kind `Md5Symbol`: printed as it is.
    Md5,
    /// `SpecialTableSymbolNode`: vftables and the like.
    SpecialTable { target: Option<Id>, quals: Quals },
    /// `LocalStaticGuardVariableNode`.
    LocalStaticGuard,
    /// `EncodedStringLiteralNode`.
    StringLiteral {
        decoded: Text<'static>,
        truncated: bool,
        char_kind: CharKind,
    },
    /// `VariableSymbolNode`.
    Variable {
        storage: StorageClass,
        ty: Option<Id>,
    },
    /// `FunctionSymbolNode`: its signature is a `Function` type node.
    Function { signature: Id },
}

/// A node of the tree.
#[derive(Clone, Copy, Debug)]
pub(super) enum Node<'a> {
    Type {
        quals: Quals,
        kind: TypeKind,
    },
    Ident {
        kind: IdentKind<'a>,
        /// `IdentifierNode::TemplateParams`.
        template_args: Option<Ids>,
    },
    /// `QualifiedNameNode`: `A::B::C`, outermost first.
    QualifiedName(Ids),
    /// `TemplateParameterReferenceNode`: `&sym`, `{sym, 8}`, ...
    TemplateParamRef {
        symbol: Option<Id>,
        thunk_offsets: Offsets,
        affinity: Affinity,
    },
    /// `IntegerLiteralNode`.
    Integer {
        value: u64,
        negative: bool,
    },
    Symbol {
        name: Option<Id>,
        kind: SymbolKind,
    },
}
