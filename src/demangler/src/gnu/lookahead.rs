//! Which production of the Itanium grammar the next bytes begin, in
//! libiberty's order of candidates; and which of them are substitution
//! candidates.
//!
//! The grammar (`super::grammar`) matches on these, whatever it builds, so
//! a change in libiberty's choice of production, or in which productions it
//! adds to its substitution table, is made here once.

use super::lexemes;
use super::tables;

/// The production a `<type>` begins with (libiberty `cplus_demangle_type`,
/// its cases in its order).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum TypeStart {
    /// `r`, `V`, `K` and the exception specifications (`next_is_type_qual`):
    /// `<qualified-type>`, or a qualified `<function-type>`.
    Qualifiers,
    /// A one-letter `<builtin-type>`, by its index in `tables::BUILTINS`.
    Builtin(u8),
    /// `u <source-name>`: a vendor extended type.
    Vendor,
    /// `F`: `<function-type>`.
    Function,
    /// `A`: `<array-type>`.
    Array,
    /// `M`: `<pointer-to-member-type>`.
    PointerToMember,
    /// `T`: `<template-param>`, with `<template-args>` a template template
    /// parameter.
    TemplateParam,
    /// `P`, `R`, `O`, `C`, `G` and the type they modify: a pointer, an
    /// lvalue or rvalue reference, a complex or imaginary type.
    Modified(u8),
    /// `U` and a letter: a closure type or an unnamed type or enum, as a
    /// type (`d_unqualified_name`).
    UnnamedType,
    /// `U` and a digit: `U <source-name> [<template-args>] <type>`, a
    /// vendor qualifier.
    VendorQualified,
    /// `DT` or `Dt`: `<decltype>`.
    Decltype,
    /// `Dp`: a pack expansion.
    PackExpansion,
    /// `Da`: `auto`.
    Auto,
    /// `Dc`: `decltype(auto)`.
    DecltypeAuto,
    /// `DB` or `DU`: Clang's `_BitInt(N)`, read as LLVM reads it.
    BitInt,
    /// `DF`: `_FloatN`, `_FloatNx` or `std::bfloat16_t`.
    FloatN,
    /// `Dv`: a vector type.
    Vector,
    /// `D` and a letter of `tables::d_builtin_code`: a two-letter builtin.
    DBuiltin(u8),
    /// `D` and anything else: no type.
    Invalid,
    /// `S` and `_`, a digit or an upper-case letter: a back reference.
    Substitution,
    /// `S` and a lower-case letter: `St <unqualified-name>` or a standard
    /// abbreviation (`Sa`, `Ss`...), read as a `<name>`.
    StdName,
    /// Anything else: `<class-enum-type>`, a `<name>`.
    Name,
}

/// Whether a production makes a substitution candidate of what it read
/// (libiberty `d_add_substitution` at the end of `cplus_demangle_type`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Candidate {
    Always,
    Never,
    /// As the reader finds: a back reference or a standard abbreviation is
    /// one only with template arguments after it (or, for a back reference,
    /// a module's entity after it); `St <unqualified-name>` always.
    AsRead,
}

/// [`TypeStart::by_first_byte`] of every byte, looked up once a type.
const TYPE_BY_FIRST_BYTE: [Option<TypeStart>; 256] = {
    let mut table = [None; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = TypeStart::by_first_byte(byte as u8);
        byte += 1;
    }
    table
};

impl TypeStart {
    /// The production the type at `at` begins with.
    #[inline(always)]
    pub(super) fn of(input: &[u8], at: usize) -> TypeStart {
        let byte = |i: usize| input.get(i).copied().unwrap_or(0);
        match TYPE_BY_FIRST_BYTE[usize::from(byte(at))] {
            Some(start) => start,
            None => TypeStart::by_two_bytes(byte(at), byte(at + 1)),
        }
    }

    /// What the first byte of a type says alone; `None` for `D`, `S` and
    /// `U`, whose next byte decides.
    const fn by_first_byte(first: u8) -> Option<TypeStart> {
        if let Some(code) = tables::builtin_code(first) {
            return Some(TypeStart::Builtin(code));
        }
        // `r`, `V`, `K` (`D` decides with its next byte).
        if lexemes::starts_type_qual(&[first], 0) {
            return Some(TypeStart::Qualifiers);
        }
        Some(match first {
            b'u' => TypeStart::Vendor,
            b'F' => TypeStart::Function,
            b'A' => TypeStart::Array,
            b'M' => TypeStart::PointerToMember,
            b'T' => TypeStart::TemplateParam,
            b'O' | b'P' | b'R' | b'C' | b'G' => TypeStart::Modified(first),
            b'D' | b'S' | b'U' => return None,
            _ => TypeStart::Name,
        })
    }

    /// A type that begins with `D`, `S` or `U` (`first`), by the byte
    /// after it.
    #[inline]
    fn by_two_bytes(first: u8, next: u8) -> TypeStart {
        match first {
            b'U' if next.is_ascii_digit() => TypeStart::VendorQualified,
            b'U' => TypeStart::UnnamedType,
            b'S' if tables::starts_seq_id(next) => TypeStart::Substitution,
            b'S' => TypeStart::StdName,
            _ if lexemes::starts_type_qual(&[first, next], 0) => TypeStart::Qualifiers,
            _ => match next {
                b'T' | b't' => TypeStart::Decltype,
                b'p' => TypeStart::PackExpansion,
                b'a' => TypeStart::Auto,
                b'c' => TypeStart::DecltypeAuto,
                b'B' | b'U' => TypeStart::BitInt,
                b'F' => TypeStart::FloatN,
                b'v' => TypeStart::Vector,
                c => tables::d_builtin_code(c).map_or(TypeStart::Invalid, TypeStart::DBuiltin),
            },
        }
    }

    /// Whether the type read is a substitution candidate: every type but a
    /// builtin, `auto` and the like, and a back reference or standard
    /// abbreviation without template arguments.
    pub(super) fn candidate(self) -> Candidate {
        match self {
            TypeStart::Builtin(_)
            | TypeStart::DBuiltin(_)
            | TypeStart::Auto
            | TypeStart::DecltypeAuto
            | TypeStart::BitInt
            | TypeStart::FloatN
            | TypeStart::Invalid => Candidate::Never,
            TypeStart::Substitution | TypeStart::StdName => Candidate::AsRead,
            _ => Candidate::Always,
        }
    }
}

/// Whether an `<encoding>` at `at` is a `<special-name>` (`T` or `G`:
/// vtables, type information, thunks, guard variables...) rather than a
/// name and its type (libiberty `d_encoding`).
pub(super) fn starts_special_name(input: &[u8], at: usize) -> bool {
    matches!(input.get(at), Some(b'T' | b'G'))
}

/// Whether a `<template-param-decl>` begins (`Ty`, `Tn`, `Tt`, `Tp`;
/// libiberty `d_template_parm`): a lambda's `<template-head>`, where `T_`
/// is a parameter's type instead.
pub(super) fn starts_template_param_decl(input: &[u8], at: usize) -> bool {
    input.get(at) == Some(&b'T') && matches!(input.get(at + 1), Some(b'y' | b'n' | b't' | b'p'))
}

/// The production a `<name>` begins with (libiberty `d_name`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum NameStart {
    /// `N`: `<nested-name>`.
    Nested,
    /// `Z`: `<local-name>`.
    Local,
    /// `U`: a closure or unnamed type, read alone (`d_name` takes no
    /// template arguments after it).
    Unnamed,
    /// `St <unqualified-name>`, then `<template-args>` if `I` follows.
    Std,
    /// `S` and anything else: a back reference (maybe to a module) or a
    /// standard abbreviation, then `<template-args>` if `I` follows.
    Substitution,
    /// `<unscoped-name>`, then `<template-args>` if `I` follows.
    Unscoped,
}

impl NameStart {
    /// The production the name at `at` begins with.
    #[inline(always)]
    pub(super) fn of(input: &[u8], at: usize) -> NameStart {
        match input.get(at) {
            Some(b'N') => NameStart::Nested,
            Some(b'Z') => NameStart::Local,
            Some(b'U') => NameStart::Unnamed,
            Some(b'S') if input.get(at + 1) == Some(&b't') => NameStart::Std,
            Some(b'S') => NameStart::Substitution,
            _ => NameStart::Unscoped,
        }
    }
}

/// What comes next in a `<prefix>` (libiberty `d_prefix`), `first` before
/// any part of it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum PrefixPart {
    /// `E`: the prefix ends (after one part at least).
    End,
    /// `DT` or `Dt`, first only: `<decltype>`.
    Decltype,
    /// `<unqualified-name>` (of a module, or a friend's: `W`, `F`).
    Unqualified,
    /// `S`: a back reference or standard abbreviation (the reader decides
    /// where one may stand: a module's anywhere, any other first only and
    /// not alone).
    Substitution,
    /// `I`, not first: `<template-args>` of the prefix so far.
    TemplateArgs,
    /// `T`, first only: `<template-param>`.
    TemplateParam,
    /// `M`: the initializer scope of a lambda, printed as nothing.
    Initializer,
    /// Anything else, or a part out of its place.
    Invalid,
}

impl PrefixPart {
    /// What the bytes at `at` begin in a prefix, `first` before any part.
    #[inline(always)]
    pub(super) fn of(input: &[u8], at: usize, first: bool) -> PrefixPart {
        let byte = |i: usize| input.get(i).copied().unwrap_or(0);
        match byte(at) {
            b'E' if !first => PrefixPart::End,
            b'D' if matches!(byte(at + 1), b'T' | b't') => {
                if first {
                    PrefixPart::Decltype
                } else {
                    PrefixPart::Invalid
                }
            }
            b'0'..=b'9' | b'a'..=b'z' | b'C' | b'D' | b'U' | b'L' | b'W' | b'F' => {
                PrefixPart::Unqualified
            }
            b'S' => PrefixPart::Substitution,
            b'I' if !first => PrefixPart::TemplateArgs,
            b'T' if first => PrefixPart::TemplateParam,
            b'M' => PrefixPart::Initializer,
            _ => PrefixPart::Invalid,
        }
    }

    /// Whether the prefix so far, this part read, is a substitution
    /// candidate (`d_prefix`): every part but the last (`next`, the byte
    /// after it, is no `E`), and but a back reference, unless it named a
    /// module whose entity followed (`module_entity`).
    pub(super) fn makes_candidate(self, module_entity: bool, next: u8) -> bool {
        (self != PrefixPart::Substitution || module_entity) && next != b'E'
    }
}

/// The production an `<unqualified-name>` begins with, after any module
/// and friend marks (libiberty `d_unqualified_name`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum UnqualifiedStart {
    /// A digit: `<source-name>`.
    Source,
    /// A lower-case letter: `<operator-name>`.
    Operator,
    /// `DC <source-name>+ E`: a structured binding.
    StructuredBinding,
    /// `C` or `D`: `<ctor-dtor-name>`.
    CtorDtor,
    /// `L <source-name> [<discriminator>]`: a local source name.
    LocalSource,
    /// `Ul`: `<closure-type-name>`.
    Lambda,
    /// `Ut`: `<unnamed-type-name>`.
    UnnamedType,
    /// `Ue`: an unnamed enum (GNU 2.46).
    UnnamedEnum,
    /// Anything else.
    Invalid,
}

impl UnqualifiedStart {
    /// The production the unqualified name at `at` begins with.
    #[inline(always)]
    pub(super) fn of(input: &[u8], at: usize) -> UnqualifiedStart {
        let byte = |i: usize| input.get(i).copied().unwrap_or(0);
        match (byte(at), byte(at + 1)) {
            (b'0'..=b'9', _) => UnqualifiedStart::Source,
            (b'a'..=b'z', _) => UnqualifiedStart::Operator,
            (b'D', b'C') => UnqualifiedStart::StructuredBinding,
            (b'C' | b'D', _) => UnqualifiedStart::CtorDtor,
            (b'L', _) => UnqualifiedStart::LocalSource,
            (b'U', b'l') => UnqualifiedStart::Lambda,
            (b'U', b't') => UnqualifiedStart::UnnamedType,
            (b'U', b'e') => UnqualifiedStart::UnnamedEnum,
            _ => UnqualifiedStart::Invalid,
        }
    }

    /// Whether a production of a name begins here, a local source name's
    /// aside: where none does, or a local source name fails,
    /// `d_unqualified_name` gives up at once, without reading ABI tags.
    pub(super) fn begins_a_name(self) -> bool {
        !matches!(
            self,
            UnqualifiedStart::Invalid | UnqualifiedStart::LocalSource
        )
    }
}

/// The production a `<template-arg>` begins with (libiberty
/// `d_template_arg`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum TemplateArgStart {
    /// `X <expression> E`.
    Expression,
    /// `L`: `<expr-primary>`, a literal or an external name.
    Literal,
    /// `J <template-arg>* E`, or the older `I`: an argument pack.
    Pack,
    /// Anything else: a `<type>`.
    Type,
}

impl TemplateArgStart {
    /// The production the template argument at `at` begins with.
    #[inline(always)]
    pub(super) fn of(input: &[u8], at: usize) -> TemplateArgStart {
        match input.get(at) {
            Some(b'X') => TemplateArgStart::Expression,
            Some(b'L') => TemplateArgStart::Literal,
            Some(b'I' | b'J') => TemplateArgStart::Pack,
            _ => TemplateArgStart::Type,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_begins_as_libiberty_reads_it() {
        let cases: &[(&str, TypeStart)] = &[
            ("Kc", TypeStart::Qualifiers),
            ("Dxv", TypeStart::Qualifiers),
            ("i", TypeStart::Builtin(b'i' - b'a')),
            ("u3foo", TypeStart::Vendor),
            ("FvvE", TypeStart::Function),
            ("A3_i", TypeStart::Array),
            ("M1Ai", TypeStart::PointerToMember),
            ("T_", TypeStart::TemplateParam),
            ("Pi", TypeStart::Modified(b'P')),
            ("Gi", TypeStart::Modified(b'G')),
            ("Ut_", TypeStart::UnnamedType),
            ("U3fooi", TypeStart::VendorQualified),
            ("DTfp_E", TypeStart::Decltype),
            ("DpT_", TypeStart::PackExpansion),
            ("Da", TypeStart::Auto),
            ("Dc", TypeStart::DecltypeAuto),
            ("DB8_", TypeStart::BitInt),
            ("DF16_", TypeStart::FloatN),
            ("Dv4_i", TypeStart::Vector),
            ("Dn", TypeStart::DBuiltin(tables::NULLPTR)),
            ("Dz", TypeStart::Invalid),
            ("D", TypeStart::Invalid),
            ("S_", TypeStart::Substitution),
            ("S0_", TypeStart::Substitution),
            ("SA_", TypeStart::Substitution),
            ("St3foo", TypeStart::StdName),
            ("Sa", TypeStart::StdName),
            ("N1A1BE", TypeStart::Name),
            ("3foo", TypeStart::Name),
            ("", TypeStart::Name),
        ];
        for &(input, start) in cases {
            assert_eq!(TypeStart::of(input.as_bytes(), 0), start, "{input}");
        }
    }

    #[test]
    fn no_qualifier_begins_with_a_builtin_letter() {
        for first in 0..=u8::MAX {
            for second in 0..=u8::MAX {
                assert!(
                    tables::builtin_code(first).is_none()
                        || !lexemes::starts_type_qual(&[first, second], 0),
                    "{first} {second}"
                );
            }
        }
    }

    #[test]
    fn a_name_and_a_prefix_part_begin_as_libiberty_reads_them() {
        let names: &[(&str, NameStart)] = &[
            ("N1AE", NameStart::Nested),
            ("Z1fvE1x", NameStart::Local),
            ("UlvE_", NameStart::Unnamed),
            ("St3foo", NameStart::Std),
            ("S_", NameStart::Substitution),
            ("Sa", NameStart::Substitution),
            ("3foo", NameStart::Unscoped),
            ("", NameStart::Unscoped),
        ];
        for &(input, start) in names {
            assert_eq!(NameStart::of(input.as_bytes(), 0), start, "{input}");
        }
        let parts: &[(&str, bool, PrefixPart)] = &[
            ("E", false, PrefixPart::End),
            ("E", true, PrefixPart::Invalid),
            ("DTfp_E", true, PrefixPart::Decltype),
            ("DTfp_E", false, PrefixPart::Invalid),
            ("D2Ev", false, PrefixPart::Unqualified),
            ("W3mod3foo", true, PrefixPart::Unqualified),
            ("F3foo", false, PrefixPart::Unqualified),
            ("S_", false, PrefixPart::Substitution),
            ("IiE", false, PrefixPart::TemplateArgs),
            ("IiE", true, PrefixPart::Invalid),
            ("T_", true, PrefixPart::TemplateParam),
            ("T_", false, PrefixPart::Invalid),
            ("M", false, PrefixPart::Initializer),
            ("", false, PrefixPart::Invalid),
        ];
        for &(input, first, part) in parts {
            assert_eq!(
                PrefixPart::of(input.as_bytes(), 0, first),
                part,
                "{input} {first}"
            );
        }
    }

    #[test]
    fn an_unqualified_name_begins_as_libiberty_reads_it() {
        let unqualified: &[(&str, UnqualifiedStart, bool)] = &[
            ("3foo", UnqualifiedStart::Source, true),
            ("pl", UnqualifiedStart::Operator, true),
            ("DC1a1bE", UnqualifiedStart::StructuredBinding, true),
            ("C1", UnqualifiedStart::CtorDtor, true),
            ("D2", UnqualifiedStart::CtorDtor, true),
            ("L3foo", UnqualifiedStart::LocalSource, false),
            ("UlvE_", UnqualifiedStart::Lambda, true),
            ("Ut_", UnqualifiedStart::UnnamedType, true),
            ("Ue3foo", UnqualifiedStart::UnnamedEnum, true),
            ("Ux", UnqualifiedStart::Invalid, false),
            ("W3mod", UnqualifiedStart::Invalid, false),
        ];
        for &(input, start, begins) in unqualified {
            assert_eq!(UnqualifiedStart::of(input.as_bytes(), 0), start, "{input}");
            assert_eq!(start.begins_a_name(), begins, "{input}");
        }
    }

    #[test]
    fn a_special_name_and_a_template_argument_begin_as_libiberty_reads_them() {
        assert!(starts_special_name(b"TV1A", 0));
        assert!(starts_special_name(b"GV1x", 0));
        assert!(!starts_special_name(b"N1AE", 0));
        let args: &[(&str, TemplateArgStart)] = &[
            ("Xfp_E", TemplateArgStart::Expression),
            ("Li1E", TemplateArgStart::Literal),
            ("JiE", TemplateArgStart::Pack),
            ("IiE", TemplateArgStart::Pack),
            ("i", TemplateArgStart::Type),
        ];
        for &(input, start) in args {
            assert_eq!(TemplateArgStart::of(input.as_bytes(), 0), start, "{input}");
        }
    }

    #[test]
    fn builtins_and_bare_back_references_are_no_candidates() {
        assert_eq!(TypeStart::Builtin(0).candidate(), Candidate::Never);
        assert_eq!(TypeStart::Auto.candidate(), Candidate::Never);
        assert_eq!(TypeStart::Substitution.candidate(), Candidate::AsRead);
        assert_eq!(TypeStart::Modified(b'P').candidate(), Candidate::Always);
        assert_eq!(TypeStart::Name.candidate(), Candidate::Always);
    }
}
