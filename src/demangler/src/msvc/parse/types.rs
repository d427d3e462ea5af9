//! Types: LLVM's `demangleType` and the readers of each kind of type
//! (pointers, pointers to members, arrays, classes, primitives).

use super::{Parser, QualMode};
use crate::msvc::ast::*;

impl<'a> Parser<'a> {
    // ---- Types ----

    /// `Demangler::demangleType`: [<qualifiers>] then a class, pointer,
    /// array, function, custom or primitive type.
    pub(super) fn demangle_type(&mut self, mode: QualMode) -> Option<Id> {
        if !self.enter() {
            return None;
        }
        let ty = self.demangle_type_inner(mode);
        self.leave();
        ty
    }

    pub(super) fn demangle_type_inner(&mut self, mode: QualMode) -> Option<Id> {
        let mut quals = 0;
        if mode == QualMode::Mangle || (mode == QualMode::Result && self.consume(b"?")) {
            quals = self.qualifiers().0;
        }
        let Some(front) = self.front() else {
            self.error = true;
            return None;
        };
        let ty = if matches!(front, b'T' | b'U' | b'V' | b'W') {
            self.class_type()
        } else if self.starts_with(b"$$Q") || matches!(front, b'A' | b'P' | b'Q' | b'R' | b'S') {
            match self.is_member_pointer() {
                Some(true) => self.member_pointer_type(),
                Some(false) => self.pointer_type(),
                None => return None,
            }
        } else if front == b'Y' {
            self.array_type()
        } else if self.consume(b"$$A8@@") {
            self.function_type(true)
        } else if self.consume(b"$$A6") {
            self.function_type(false)
        } else if front == b'?' {
            self.custom_type()
        } else {
            self.primitive_type()
        };
        let ty = ty?;
        if self.error {
            return Some(ty);
        }
        let quals = self.quals_of(ty) | quals;
        self.set_quals(ty, quals);
        Some(ty)
    }

    /// LLVM's `isMemberPointer`: whether the pointer ahead is to a member.
    /// `None` where the type ahead is malformed.
    ///
    /// LLVM's quirk, kept: it sets `Error` to false first, so an error met
    /// earlier in this type (bad qualifiers before a pointer) is forgotten.
    pub(super) fn is_member_pointer(&mut self) -> Option<bool> {
        self.error = false;
        let rest = self.rest();
        // `$` (an rvalue reference, `$$Q`) and `A` (a reference) cannot be
        // to members.
        if matches!(rest[0], b'$' | b'A') {
            return Some(false);
        }
        let mut after = &rest[1..];
        if let Some(&digit) = after.first().filter(|b| b.is_ascii_digit()) {
            return match digit {
                b'6' => Some(false),
                b'8' => Some(true),
                _ => {
                    self.error = true;
                    None
                }
            };
        }
        for ext in [b'E', b'I', b'F'] {
            if after.first() == Some(&ext) {
                after = &after[1..];
            }
        }
        match after.first() {
            Some(b'A'..=b'D') => Some(false),
            Some(b'Q'..=b'T') => Some(true),
            _ => {
                self.error = true;
                None
            }
        }
    }

    /// LLVM's `demanglePointerCVQualifiers`: `$$Q` (`&&`), `A` (`&`), `P`,
    /// `Q`, `R`, `S` (`*`, `* const`, `* volatile`, both).
    pub(super) fn pointer_cv_qualifiers(&mut self) -> (Quals, Affinity) {
        if self.consume(b"$$Q") {
            return (0, Affinity::RValueReference);
        }
        match self.take() {
            Some(b'A') => (0, Affinity::Reference),
            Some(b'Q') => (Q_CONST, Affinity::Pointer),
            Some(b'R') => (Q_VOLATILE, Affinity::Pointer),
            Some(b'S') => (Q_CONST | Q_VOLATILE, Affinity::Pointer),
            _ => (0, Affinity::Pointer),
        }
    }

    /// `Demangler::demanglePointerType`:
    ///
    /// ```text
    /// <pointer-type> ::= <pointer-cvr-qualifiers> 6 <function-type>
    ///                ::= <pointer-cvr-qualifiers> <ext-qualifiers> <type>
    /// ```
    pub(super) fn pointer_type(&mut self) -> Option<Id> {
        let (quals, affinity) = self.pointer_cv_qualifiers();
        if self.consume(b"6") {
            let pointee = self.function_type(false)?;
            return Some(self.add(Node::Type {
                quals,
                kind: TypeKind::Pointer {
                    affinity,
                    class_parent: None,
                    pointee,
                },
            }));
        }
        let quals = quals | self.pointer_ext_qualifiers();
        let pointee = self.demangle_type(QualMode::Mangle)?;
        Some(self.add(Node::Type {
            quals,
            kind: TypeKind::Pointer {
                affinity,
                class_parent: None,
                pointee,
            },
        }))
    }

    /// `Demangler::demangleMemberPointerType`: `8` <class> <function type>,
    /// or <qualifiers> <class> <type>.
    pub(super) fn member_pointer_type(&mut self) -> Option<Id> {
        let (quals, affinity) = self.pointer_cv_qualifiers();
        let quals = quals | self.pointer_ext_qualifiers();
        let (class_parent, pointee) = if self.consume(b"8") {
            let class = self.fully_qualified_type_name();
            (class, self.function_type(true))
        } else {
            let (pointee_quals, _) = self.qualifiers();
            let class = self.fully_qualified_type_name();
            let pointee = self.demangle_type(QualMode::Drop);
            if let Some(pointee) = pointee {
                self.set_quals(pointee, pointee_quals);
            }
            (class, pointee)
        };
        let pointee = pointee?;
        Some(self.add(Node::Type {
            quals,
            kind: TypeKind::Pointer {
                affinity,
                class_parent,
                pointee,
            },
        }))
    }

    /// `Demangler::demangleArrayType`: `Y` <rank> <dimension>+ [`$$C`
    /// <qualifiers>] <element type>.
    pub(super) fn array_type(&mut self) -> Option<Id> {
        self.consume(b"Y");
        let (rank, negative) = self.number();
        if negative || rank == 0 {
            self.error = true;
            return None;
        }
        let mut dimensions: smallvec::SmallVec<[u64; 4]> = smallvec::SmallVec::new();
        for _ in 0..rank {
            let (dimension, negative) = self.number();
            if self.error || negative {
                self.error = true;
                return None;
            }
            dimensions.push(dimension);
        }
        let mut quals = 0;
        if self.consume(b"$$C") {
            let (q, member) = self.qualifiers();
            if member {
                self.error = true;
                return None;
            }
            quals = q;
        }
        let element = self.demangle_type(QualMode::Drop)?;
        let dimensions = self.side.keep_numbers(&dimensions);
        Some(self.add(Node::Type {
            quals,
            kind: TypeKind::Array {
                dimensions,
                element,
            },
        }))
    }

    /// `Demangler::demangleCustomType`: `?` <name> `@`.
    pub(super) fn custom_type(&mut self) -> Option<Id> {
        self.consume(b"?");
        let ident = self.unqualified_type_name(true);
        if !self.consume(b"@") {
            self.error = true;
        }
        if self.error {
            return None;
        }
        let ident = ident?;
        Some(self.add_type(TypeKind::Custom(ident)))
    }

    /// `Demangler::demanglePrimitiveType`.
    pub(super) fn primitive_type(&mut self) -> Option<Id> {
        if self.consume(b"$$T") {
            return Some(self.add_type(TypeKind::Primitive("std::nullptr_t")));
        }
        let c = self.take()?;
        let name = match c {
            b'X' => "void",
            b'D' => "char",
            b'C' => "signed char",
            b'E' => "unsigned char",
            b'F' => "short",
            b'G' => "unsigned short",
            b'H' => "int",
            b'I' => "unsigned int",
            b'J' => "long",
            b'K' => "unsigned long",
            b'M' => "float",
            b'N' => "double",
            b'O' => "long double",
            b'_' => match self.take() {
                Some(b'N') => "bool",
                Some(b'J') => "__int64",
                Some(b'K') => "unsigned __int64",
                Some(b'W') => "wchar_t",
                Some(b'Q') => "char8_t",
                Some(b'S') => "char16_t",
                Some(b'U') => "char32_t",
                _ => "",
            },
            _ => "",
        };
        if name.is_empty() {
            self.error = true;
            return None;
        }
        Some(self.add_type(TypeKind::Primitive(name)))
    }

    /// `Demangler::demangleClassType`: `T` union, `U` struct, `V` class,
    /// `W4` enum, then the name.
    pub(super) fn class_type(&mut self) -> Option<Id> {
        let tag = match self.take()? {
            b'T' => TagKind::Union,
            b'U' => TagKind::Struct,
            b'V' => TagKind::Class,
            _ => {
                if !self.consume(b"4") {
                    self.error = true;
                    return None;
                }
                TagKind::Enum
            }
        };
        let name = self.fully_qualified_type_name();
        // LLVM makes the node before reading the name; a failed name
        // leaves the error set, which the callers check.
        let name = match name {
            Some(name) => name,
            None => self.add(Node::QualifiedName(Ids::default())),
        };
        Some(self.add_type(TypeKind::Tag { tag, name }))
    }
}
