//! The tree a mangled name parses into: nodes in one arena, referring to
//! each other by index, shared where the mangling substitutes (`S_`).
//!
//! The shapes follow GNU libiberty's demangler, so that printing them by
//! its rules gives its text.

pub(crate) type Id = u32;

/// Qualifiers, on a type or (`*This`) on a member function.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Qual {
    Restrict,
    Volatile,
    Const,
    RestrictThis,
    VolatileThis,
    ConstThis,
    ReferenceThis,
    RvalueReferenceThis,
    /// `N H ...`: a member function with an explicit object parameter
    /// (C++23 `this S`), which prints `this ` before the first parameter
    /// (libiberty `DEMANGLE_COMPONENT_XOBJ_MEMBER_FUNCTION`, GNU 2.44).
    XobjThis,
    TransactionSafe,
    /// `noexcept`, with its condition as the right child if any.
    Noexcept,
    /// `throw(...)`, with its types as the right child.
    ThrowSpec,
}

impl Qual {
    /// Qualifiers of a function type (its `this`, ref-qualifier, exception
    /// specification), printed after its parameters.
    pub(crate) fn of_function(self) -> bool {
        !matches!(self, Qual::Restrict | Qual::Volatile | Qual::Const)
    }

    /// The cv-qualifier of `r`, `V` or `K` (libiberty `d_cv_qualifiers`),
    /// on a type.
    pub(crate) fn of_cv_code(code: u8) -> Option<Qual> {
        match code {
            b'r' => Some(Qual::Restrict),
            b'V' => Some(Qual::Volatile),
            b'K' => Some(Qual::Const),
            _ => None,
        }
    }

    /// A cv-qualifier as a member function's, on its `this`; any other as
    /// it is.
    pub(crate) fn on_this(self) -> Qual {
        match self {
            Qual::Restrict => Qual::RestrictThis,
            Qual::Volatile => Qual::VolatileThis,
            Qual::Const => Qual::ConstThis,
            other => other,
        }
    }

    /// How GNU prints a cv-qualifier, on a type or on `this`, or a
    /// member function's ref-qualifier (`d_print_mod`), with its space.
    pub(crate) fn spelling(self) -> Option<&'static str> {
        match self {
            Qual::Restrict | Qual::RestrictThis => Some(" restrict"),
            Qual::Volatile | Qual::VolatileThis => Some(" volatile"),
            Qual::Const | Qual::ConstThis => Some(" const"),
            Qual::ReferenceThis => Some(" &"),
            Qual::RvalueReferenceThis => Some(" &&"),
            _ => None,
        }
    }
}

/// Names made of a prefix text and one child.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Special {
    Vtable,
    Vtt,
    Typeinfo,
    TypeinfoName,
    TypeinfoFn,
    Thunk,
    VirtualThunk,
    CovariantThunk,
    JavaClass,
    Guard,
    TlsInit,
    TlsWrapper,
    HiddenAlias,
    TransactionClone,
    NonTransactionClone,
    TemplateParamObject,
    GlobalConstructors,
    GlobalDestructors,
}

impl Special {
    pub(crate) fn prefix(self) -> &'static str {
        match self {
            Special::Vtable => "vtable for ",
            Special::Vtt => "VTT for ",
            Special::Typeinfo => "typeinfo for ",
            Special::TypeinfoName => "typeinfo name for ",
            Special::TypeinfoFn => "typeinfo fn for ",
            Special::Thunk => "non-virtual thunk to ",
            Special::VirtualThunk => "virtual thunk to ",
            Special::CovariantThunk => "covariant return thunk to ",
            Special::JavaClass => "java Class for ",
            Special::Guard => "guard variable for ",
            Special::TlsInit => "TLS init function for ",
            Special::TlsWrapper => "TLS wrapper function for ",
            Special::HiddenAlias => "hidden alias for ",
            Special::TransactionClone => "transaction clone for ",
            Special::NonTransactionClone => "non-transaction clone for ",
            Special::TemplateParamObject => "template parameter object for ",
            Special::GlobalConstructors => "global constructors keyed to ",
            Special::GlobalDestructors => "global destructors keyed to ",
        }
    }

    /// The `<special-name>`s of one operand, by their first three letters
    /// (libiberty `d_special_name`): what they are, what follows them, and
    /// how many letters they have. `GT` and a letter is a transaction clone,
    /// `GTn` a non-transaction one (libiberty takes any letter but `n` as
    /// `t`). The others (`TC`, `Tc`, `TA`, `GR`, `Gr`, `GI`) are read by
    /// the parser alone.
    pub(crate) fn of_code(code: [u8; 3]) -> Option<(Special, Operand, usize)> {
        if let [b'G', b'T', letter] = code {
            let kind = if letter == b'n' {
                Special::NonTransactionClone
            } else {
                Special::TransactionClone
            };
            return Some((kind, Operand::Encoding, 3));
        }
        let (kind, operand) = match &[code[0], code[1]] {
            b"TV" => (Special::Vtable, Operand::Type),
            b"TT" => (Special::Vtt, Operand::Type),
            b"TI" => (Special::Typeinfo, Operand::Type),
            b"TS" => (Special::TypeinfoName, Operand::Type),
            b"TF" => (Special::TypeinfoFn, Operand::Type),
            b"TJ" => (Special::JavaClass, Operand::Type),
            b"TH" => (Special::TlsInit, Operand::Name),
            b"TW" => (Special::TlsWrapper, Operand::Name),
            b"GV" => (Special::Guard, Operand::Name),
            b"Th" => (Special::Thunk, Operand::OffsetEncoding(b'h')),
            b"Tv" => (Special::VirtualThunk, Operand::OffsetEncoding(b'v')),
            b"GA" => (Special::HiddenAlias, Operand::Encoding),
            _ => return None,
        };
        Some((kind, operand, 2))
    }
}

/// How GNU prints a construction vtable, `TC <derived> <offset> _ <base>`:
/// `construction vtable for BASE-in-DERIVED` (d_print_comp,
/// `DEMANGLE_COMPONENT_CONSTRUCTION_VTABLE`).
pub(crate) const CONSTRUCTION_VTABLE: [&str; 2] = ["construction vtable for ", "-in-"];

/// What follows a `<special-name>`'s letters (see [`Special::of_code`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Operand {
    Type,
    Name,
    /// A `<call-offset>` of this letter, then an `<encoding>`.
    OffsetEncoding(u8),
    Encoding,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Node<'a> {
    Name(&'a str),
    /// `std::...` from a standard substitution.
    StdName(&'static str),
    QualName(Id, Id),
    LocalName(Id, Id),
    /// A name with its function type.
    TypedName(Id, Id),
    /// A template name and its `TemplateArgList`.
    Template(Id, Id),
    TemplateParam(u32),
    FunctionParam(u32),
    Ctor(Id),
    Dtor(Id),
    Special(Special, Id),
    /// Base type, derived type.
    ConstructionVtable(Id, Id),
    /// Name, number.
    ReferenceTemporary(Id, Id),
    Qual(Qual, Id, Option<Id>),
    Pointer(Id),
    Reference(Id),
    RvalueReference(Id),
    Complex(Id),
    Imaginary(Id),
    /// Type, vendor qualifier (`U` name).
    VendorQual(Id, Id),
    Builtin(u8),
    /// `_Float<n>` and `_Float<n>x`.
    /// (libiberty keeps the number in a `short`: `DF632128_` prints
    /// `_Float-23232`, `DFn5_` `_Float-5`.)
    FloatN(i16, bool),
    VendorType(Id),
    /// Return type, parameters (an `ArgList`, or none for `()`).
    FunctionType(Option<Id>, Option<Id>),
    /// Dimension, element type.
    ArrayType(Option<Id>, Id),
    /// Class, member type.
    PtrMem(Id, Id),
    /// Dimension, element type.
    VectorType(Id, Id),
    /// A list cell: item, rest. An empty list has no item.
    ArgList(Option<Id>, Option<Id>),
    TemplateArgList(Option<Id>, Option<Id>),
    InitializerList(Option<Id>, Id),
    Operator(u8),
    /// `v<digit> <source-name>`: arity, name.
    ExtendedOperator(u8, Id),
    Cast(Id),
    Conversion(Id),
    Nullary(Id),
    /// Operator, operand.
    Unary(Id, Id),
    /// Operator, `BinaryArgs`.
    Binary(Id, Id),
    BinaryArgs(Option<Id>, Option<Id>),
    /// Operator, `TrinaryArg1`.
    Trinary(Id, Id),
    TrinaryArg1(Option<Id>, Id),
    TrinaryArg2(Option<Id>, Option<Id>),
    /// Type, digits (a `Name`); negative or not.
    Literal(Id, Id, bool),
    Number(i64),
    Decltype(Id),
    /// Parameters (an `ArgList`, or a `TemplateHead` whose rest is the
    /// `ArgList`, as libiberty hangs a lambda's head), number.
    Lambda(Id, u32),
    /// `<template-head>`: the first parameter declaration (each links to
    /// the next), then what follows the head (a lambda's parameters).
    /// libiberty `DEMANGLE_COMPONENT_TEMPLATE_HEAD`.
    TemplateHead(Id, Option<Id>),
    /// `Ty`: `typename`; the next declaration.
    TypeParm(Option<Id>),
    /// `Tn <type>`: a non-type parameter; the next declaration.
    NonTypeParm(Id, Option<Id>),
    /// `Tt <template-head> E`: a template template parameter; the next.
    TemplateTemplateParm(Id, Option<Id>),
    /// `Tp <template-param-decl>`: a pack of the declaration; the next.
    PackParm(Id, Option<Id>),
    /// Number, name.
    DefaultArg(u32, Id),
    UnnamedType(u32),
    /// Encoding, suffix (a `Name`).
    Clone(Id, Id),
    PackExpansion(Id),
    /// Name, tag.
    TaggedName(Id, Id),
    /// Name, next binding.
    StructuredBinding(Id, Option<Id>),
    /// A C++20 module: the enclosing module, its name, whether a partition.
    ModuleName(Option<Id>, Id, bool),
    /// A name attached to a module: name, module.
    ModuleEntity(Id, Id),
    /// `GR <length> _ <escaped name>`: a Java resource, its name in pieces
    /// (libiberty `DEMANGLE_COMPONENT_JAVA_RESOURCE`).
    JavaResource(Id),
    /// Two pieces of one name, printed one after the other (libiberty
    /// `DEMANGLE_COMPONENT_COMPOUND_NAME`).
    Compound(Id, Id),
    /// A function and Clang's `Ua9enable_if` conditions (a template
    /// argument list), printed `f() [enable_if:cond]` as LLVM prints it.
    EnableIf(Id, Id),
    /// `DB`/`DU <size> _`: Clang's `_BitInt(size)`, signed or not, as
    /// LLVM prints it (GNU 2.47 does not read it).
    BitInt(Id, bool),
    /// `_ZGI <module-name>`: the module's initializer (libiberty
    /// `DEMANGLE_COMPONENT_MODULE_INIT`).
    ModuleInit(Id),
    /// `F <unqualified-name>`: a member-like (hidden) friend, printed
    /// `name[friend]` (`DEMANGLE_COMPONENT_FRIEND`).
    Friend(Id),
    /// `Ue <type> <source-name>`: an unnamed enum by its underlying type
    /// and first enumerator, `{enum:int{E}}` (`DEMANGLE_COMPONENT_UNNAMED_ENUM`).
    UnnamedEnum(Id, Id),
    /// `Q <expression>`: what it constrains (a template argument list, or a
    /// function type), and the constraint, printed `... requires expr`
    /// (libiberty `DEMANGLE_COMPONENT_CONSTRAINTS`, GNU 2.44).
    Constraints(Id, Id),
    /// `u <source-name> <template-args>`: a vendor expression, printed
    /// `name(args)` (`DEMANGLE_COMPONENT_VENDOR_EXPR`).
    VendorExpr(Id, Id),
    /// A part that failed to parse where libiberty keeps going with a NULL
    /// component (a function type's ref-qualifier over types that failed,
    /// `d_ref_qualifier` after `d_bare_function_type`): nothing prints it,
    /// so the name fails if it is printed (`d_print_comp` of NULL).
    Null,
}

impl Node<'_> {
    /// The children as libiberty's generic walks see them (left, right).
    pub(crate) fn children(&self) -> (Option<Id>, Option<Id>) {
        use Node::*;
        match *self {
            QualName(a, b)
            | LocalName(a, b)
            | TypedName(a, b)
            | Template(a, b)
            | ConstructionVtable(a, b)
            | ReferenceTemporary(a, b)
            | VendorQual(a, b)
            | PtrMem(a, b)
            | VectorType(a, b)
            | Unary(a, b)
            | Binary(a, b)
            | Trinary(a, b)
            | ModuleEntity(a, b)
            | Literal(a, b, _)
            | Clone(a, b)
            | UnnamedEnum(a, b)
            | EnableIf(a, b)
            | Compound(a, b)
            | Constraints(a, b)
            | VendorExpr(a, b)
            | TaggedName(a, b) => (Some(a), Some(b)),
            Special(_, a)
            | Pointer(a)
            | Reference(a)
            | RvalueReference(a)
            | Complex(a)
            | Imaginary(a)
            | VendorType(a)
            | Cast(a)
            | Conversion(a)
            | Nullary(a)
            | Decltype(a)
            | PackExpansion(a)
            | Ctor(a)
            | ModuleInit(a)
            | BitInt(a, _)
            | JavaResource(a)
            | Friend(a)
            | Dtor(a) => (Some(a), None),
            Qual(_, a, b) => (Some(a), b),
            FunctionType(a, b)
            | ArgList(a, b)
            | TemplateArgList(a, b)
            | BinaryArgs(a, b)
            | TrinaryArg2(a, b) => (a, b),
            ArrayType(a, b) | InitializerList(a, b) | TrinaryArg1(a, b) => (a, Some(b)),
            StructuredBinding(a, b)
            | TemplateHead(a, b)
            | NonTypeParm(a, b)
            | TemplateTemplateParm(a, b)
            | PackParm(a, b) => (Some(a), b),
            TypeParm(b) => (None, b),
            ModuleName(a, b, _) => (a, Some(b)),
            ExtendedOperator(_, a) => (None, Some(a)),
            Lambda(a, _) | DefaultArg(_, a) => (Some(a), None),
            Name(_) | StdName(_) | TemplateParam(_) | FunctionParam(_) | Builtin(_)
            | FloatN(..) | Operator(_) | Number(_) | UnnamedType(_) | Null => (None, None),
        }
    }
}
