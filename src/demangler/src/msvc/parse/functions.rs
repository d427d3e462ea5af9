//! Functions: their class (access, `static`, `virtual`, thunks), calling
//! convention, qualifiers, parameters and template arguments (LLVM's
//! `demangleFunctionEncoding`, `demangleFunctionType`, ...).

use super::{Parser, QualMode, MAX_BACKREFS};
use crate::msvc::ast::*;

impl<'a> Parser<'a> {
    // ---- Functions ----

    /// `Demangler::demangleFunctionClass`: access, `static`, `virtual`,
    /// far and thunk bits in one letter (`$` and a digit for a vtordisp
    /// thunk).
    pub(super) fn function_class(&mut self) -> FuncClass {
        let Some(c) = self.take() else {
            return FC_PUBLIC;
        };
        match c {
            b'9' => FC_EXTERN_C | FC_NO_PARAMETER_LIST,
            b'A' => FC_PRIVATE,
            b'B' => FC_PRIVATE | FC_FAR,
            b'C' => FC_PRIVATE | FC_STATIC,
            b'D' => FC_PRIVATE | FC_STATIC | FC_FAR,
            b'E' => FC_PRIVATE | FC_VIRTUAL,
            b'F' => FC_PRIVATE | FC_VIRTUAL | FC_FAR,
            b'G' => FC_PRIVATE | FC_STATIC_THIS_ADJUST,
            b'H' => FC_PRIVATE | FC_STATIC_THIS_ADJUST | FC_FAR,
            b'I' => FC_PROTECTED,
            b'J' => FC_PROTECTED | FC_FAR,
            b'K' => FC_PROTECTED | FC_STATIC,
            b'L' => FC_PROTECTED | FC_STATIC | FC_FAR,
            b'M' => FC_PROTECTED | FC_VIRTUAL,
            b'N' => FC_PROTECTED | FC_VIRTUAL | FC_FAR,
            b'O' => FC_PROTECTED | FC_VIRTUAL | FC_STATIC_THIS_ADJUST,
            b'P' => FC_PROTECTED | FC_VIRTUAL | FC_STATIC_THIS_ADJUST | FC_FAR,
            b'Q' => FC_PUBLIC,
            b'R' => FC_PUBLIC | FC_FAR,
            b'S' => FC_PUBLIC | FC_STATIC,
            b'T' => FC_PUBLIC | FC_STATIC | FC_FAR,
            b'U' => FC_PUBLIC | FC_VIRTUAL,
            b'V' => FC_PUBLIC | FC_VIRTUAL | FC_FAR,
            b'W' => FC_PUBLIC | FC_VIRTUAL | FC_STATIC_THIS_ADJUST,
            b'X' => FC_PUBLIC | FC_VIRTUAL | FC_STATIC_THIS_ADJUST | FC_FAR,
            b'Y' => FC_GLOBAL,
            b'Z' => FC_GLOBAL | FC_FAR,
            b'$' => {
                let mut adjust = FC_VIRTUAL_THIS_ADJUST;
                if self.consume(b"R") {
                    adjust |= FC_VIRTUAL_THIS_ADJUST_EX;
                }
                let access = match self.front() {
                    Some(b'0') => Some(FC_PRIVATE),
                    Some(b'1') => Some(FC_PRIVATE | FC_FAR),
                    Some(b'2') => Some(FC_PROTECTED),
                    Some(b'3') => Some(FC_PROTECTED | FC_FAR),
                    Some(b'4') => Some(FC_PUBLIC),
                    Some(b'5') => Some(FC_PUBLIC | FC_FAR),
                    _ => None,
                };
                if !self.is_empty() {
                    self.pos += 1;
                }
                match access {
                    Some(access) => access | FC_VIRTUAL | adjust,
                    None => {
                        self.error = true;
                        FC_PUBLIC
                    }
                }
            }
            _ => {
                self.error = true;
                FC_PUBLIC
            }
        }
    }

    /// `Demangler::demangleCallingConvention`.
    pub(super) fn calling_convention(&mut self) -> CallingConv {
        let Some(c) = self.take() else {
            return CallingConv::None;
        };
        match c {
            b'A' | b'B' => CallingConv::Cdecl,
            b'C' | b'D' => CallingConv::Pascal,
            b'E' | b'F' => CallingConv::Thiscall,
            b'G' | b'H' => CallingConv::Stdcall,
            b'I' | b'J' => CallingConv::Fastcall,
            b'M' | b'N' => CallingConv::Clrcall,
            b'O' | b'P' => CallingConv::Eabi,
            b'Q' => CallingConv::Vectorcall,
            b'S' => CallingConv::Swift,
            b'W' => CallingConv::SwiftAsync,
            _ => CallingConv::None,
        }
    }

    /// `Demangler::demangleQualifiers`: `A`..`D` (not a member) and
    /// `Q`..`T` (a member): none, `const`, `volatile`, both.
    pub(super) fn qualifiers(&mut self) -> (Quals, bool) {
        let Some(c) = self.take() else {
            return (0, false);
        };
        match c {
            b'Q' => (0, true),
            b'R' => (Q_CONST, true),
            b'S' => (Q_VOLATILE, true),
            b'T' => (Q_CONST | Q_VOLATILE, true),
            b'A' => (0, false),
            b'B' => (Q_CONST, false),
            b'C' => (Q_VOLATILE, false),
            b'D' => (Q_CONST | Q_VOLATILE, false),
            _ => {
                self.error = true;
                (0, false)
            }
        }
    }

    /// `Demangler::demanglePointerExtQualifiers`: `E` (`__ptr64`), `I`
    /// (`__restrict`), `F` (`__unaligned`).
    pub(super) fn pointer_ext_qualifiers(&mut self) -> Quals {
        let mut quals = 0;
        if self.consume(b"E") {
            quals |= Q_POINTER64;
        }
        if self.consume(b"I") {
            quals |= Q_RESTRICT;
        }
        if self.consume(b"F") {
            quals |= Q_UNALIGNED;
        }
        quals
    }

    /// `Demangler::demangleFunctionEncoding`: [`$$J0`] <function class>
    /// [<this adjustment>] <function type>.
    pub(super) fn function_encoding(&mut self) -> Option<Id> {
        let extra = if self.consume(b"$$J0") {
            FC_EXTERN_C
        } else {
            0
        };
        if self.is_empty() {
            self.error = true;
            return None;
        }
        let class = self.function_class() | extra;
        let mut thunk = None;
        if class & FC_STATIC_THIS_ADJUST != 0 {
            thunk = Some(ThisAdjust {
                static_offset: self.signed() as u32,
                ..ThisAdjust::default()
            });
        } else if class & FC_VIRTUAL_THIS_ADJUST != 0 {
            let mut adjust = ThisAdjust::default();
            if class & FC_VIRTUAL_THIS_ADJUST_EX != 0 {
                adjust.vbptr_offset = self.signed() as i32;
                adjust.vboffset_offset = self.signed() as i32;
            }
            adjust.vtordisp_offset = self.signed() as i32;
            adjust.static_offset = self.signed() as u32;
            thunk = Some(adjust);
        }
        let signature = if class & FC_NO_PARAMETER_LIST != 0 {
            Some(self.add_type(TypeKind::Function(Signature::default())))
        } else {
            let this_quals = class & (FC_GLOBAL | FC_STATIC) == 0;
            self.function_type(this_quals)
        };
        if self.error {
            return None;
        }
        let signature = signature?;
        if let Node::Type {
            kind: TypeKind::Function(sig),
            ..
        } = &mut self.nodes[signature as usize]
        {
            sig.class = class;
            if thunk.is_some() {
                sig.thunk = thunk;
            }
        }
        Some(self.add(Node::Symbol {
            name: None,
            kind: SymbolKind::Function { signature },
        }))
    }

    /// `Demangler::demangleFunctionType`:
    ///
    /// ```text
    /// <function-type> ::= [<this-quals>] <calling-convention>
    ///                     (<return-type> | @) <parameters> <throw-spec>
    /// ```
    pub(super) fn function_type(&mut self, this_quals: bool) -> Option<Id> {
        let mut quals = 0;
        let mut signature = Signature::default();
        if this_quals {
            quals = self.pointer_ext_qualifiers();
            signature.ref_qualifier = if self.consume(b"G") {
                RefQualifier::Reference
            } else if self.consume(b"H") {
                RefQualifier::RValueReference
            } else {
                RefQualifier::None
            };
            quals |= self.qualifiers().0;
        }
        signature.call_conv = self.calling_convention();
        if !self.consume(b"@") {
            signature.return_type = self.demangle_type(QualMode::Result);
        }
        signature.params = self.function_parameter_list(&mut signature.variadic);
        signature.noexcept = self.throw_specification();
        Some(self.add(Node::Type {
            quals,
            kind: TypeKind::Function(signature),
        }))
    }

    /// `Demangler::demangleThrowSpecification`: `_E` (noexcept) or `Z`.
    pub(super) fn throw_specification(&mut self) -> bool {
        if self.consume(b"_E") {
            return true;
        }
        if !self.consume(b"Z") {
            self.error = true;
        }
        false
    }

    /// `Demangler::demangleFunctionParameterList`: `X` (`void`), or types
    /// up to `@` or `Z` (`...`); a digit refers to an earlier parameter
    /// type of more than one letter.
    pub(super) fn function_parameter_list(&mut self, variadic: &mut bool) -> Option<Ids> {
        if self.consume(b"X") {
            return None;
        }
        let mut params: smallvec::SmallVec<[Id; 8]> = smallvec::SmallVec::new();
        while !self.error && !self.starts_with(b"@") && !self.starts_with(b"Z") {
            if let Some(digit) = self.front().filter(u8::is_ascii_digit) {
                let Some(&param) = self.backrefs.params.get((digit - b'0') as usize) else {
                    self.error = true;
                    return None;
                };
                self.pos += 1;
                params.push(param);
                continue;
            }
            let before = self.pos;
            let ty = self.demangle_type(QualMode::Drop);
            let ty = match ty {
                Some(ty) if !self.error => ty,
                _ => return None,
            };
            params.push(ty);
            if self.backrefs.params.len() < MAX_BACKREFS && self.pos - before > 1 {
                self.backrefs.params.push(ty);
            }
        }
        if self.error {
            return None;
        }
        // `@` ends it, or `Z` after a variadic list.
        if !self.consume(b"@") && self.consume(b"Z") {
            *variadic = true;
        }
        Some(self.side.list(&params))
    }

    /// `Demangler::demangleTemplateParameterList`: template arguments up
    /// to `@`: types, integers (`$0`), pointers to members (`$1`, `$H`,
    /// `$I`, `$J`), data member pointers (`$F`, `$G`), references to
    /// symbols (`$E?`), aliases (`$$Y`), `auto` parameters (`$M`), pack
    /// separators (`$S`, `$$V`, `$$$V`, `$$Z`).
    pub(super) fn template_parameter_list(&mut self) -> Option<Ids> {
        if !self.enter() {
            return None;
        }
        let args = self.template_parameters();
        self.leave();
        args
    }

    pub(super) fn template_parameters(&mut self) -> Option<Ids> {
        let mut args: smallvec::SmallVec<[Id; 8]> = smallvec::SmallVec::new();
        while !self.starts_with(b"@") {
            if self.consume(b"$S")
                || self.consume(b"$$V")
                || self.consume(b"$$$V")
                || self.consume(b"$$Z")
            {
                continue;
            }
            let auto = self.consume(b"$M");
            if auto {
                // The deduced type of an `auto` parameter is not printed.
                self.demangle_type(QualMode::Drop);
                if self.error {
                    return None;
                }
            }
            // Without `$M`, these codes start with `$`.
            let code = |p: &Parser<'a>, c: u8| {
                if auto {
                    p.starts_with(&[c])
                } else {
                    p.starts_with(&[b'$', c])
                }
            };
            let arg = if self.consume(b"$$Y") {
                self.fully_qualified_type_name()
            } else if self.consume(b"$$B") {
                self.demangle_type(QualMode::Drop)
            } else if self.consume(b"$$C") {
                self.demangle_type(QualMode::Mangle)
            } else if code(self, b'1') || code(self, b'H') || code(self, b'I') || code(self, b'J') {
                Some(self.member_pointer_arg(auto)?)
            } else if self.starts_with(b"$E?") {
                self.pos += 2;
                let symbol = self.parse();
                Some(self.add(Node::TemplateParamRef {
                    symbol,
                    thunk_offsets: Offsets::default(),
                    affinity: Affinity::Reference,
                }))
            } else if code(self, b'F') || code(self, b'G') {
                Some(self.data_member_pointer_arg(auto)?)
            } else if code(self, b'0') {
                self.pos += if auto { 1 } else { 2 };
                let (value, negative) = self.number();
                Some(self.add(Node::Integer { value, negative }))
            } else {
                self.demangle_type(QualMode::Drop)
            };
            if self.error {
                return None;
            }
            args.extend(arg);
        }
        self.consume(b"@");
        Some(self.side.list(&args))
    }

    /// A template argument that is a pointer to member (`$1` <name>, `$H`
    /// <name> <number>, `$I` <name> two numbers, `$J` <name> three numbers;
    /// without the `$` after `$M`); `None` where the parameters fail.
    fn member_pointer_arg(&mut self, auto: bool) -> Option<Id> {
        if !auto {
            self.pos += 1;
        }
        let inheritance = self.take()?;
        let mut symbol = None;
        if self.starts_with(b"?") {
            let parsed = self.parse();
            let named = parsed.and_then(|s| self.symbol_name(s));
            if self.error || named.is_none() {
                self.error = true;
                return None;
            }
            if let Some(last) = named.and_then(|n| self.unqualified(n)) {
                self.memorize_identifier(last);
            }
            symbol = parsed;
        }
        let count = match inheritance {
            b'J' => 3,
            b'I' => 2,
            b'H' => 1,
            _ => 0,
        };
        let mut offsets = Offsets::default();
        for _ in 0..count {
            offsets.push(self.signed());
        }
        Some(self.add(Node::TemplateParamRef {
            symbol,
            thunk_offsets: offsets,
            affinity: Affinity::Pointer,
        }))
    }

    /// A template argument that is a data member pointer (`$F` two numbers,
    /// `$G` three; without the `$` after `$M`); `None` where the
    /// parameters fail.
    fn data_member_pointer_arg(&mut self, auto: bool) -> Option<Id> {
        if !auto {
            self.pos += 1;
        }
        let inheritance = self.take()?;
        let count = if inheritance == b'G' { 3 } else { 2 };
        let mut offsets = Offsets::default();
        for _ in 0..count {
            offsets.push(self.signed());
        }
        Some(self.add(Node::TemplateParamRef {
            symbol: None,
            thunk_offsets: offsets,
            affinity: Affinity::None,
        }))
    }
}
