//! The reader of Microsoft names: LLVM 19's `ms_demangle::Demangler`
//! (llvm/lib/Demangle/MicrosoftDemangle.cpp) rule for rule, so that what it
//! accepts, refuses and prints is what `llvm-undname` does. Each method names
//! the LLVM function it follows; the grammar is in the comments of each.
//!
//! As in LLVM, a failure sets [`Parser::error`] and the reading goes on
//! where LLVM's goes on: the flag is LLVM's `Error`, and one LLVM quirk
//! depends on it being a flag (see [`Parser::is_member_pointer`]). Unlike
//! LLVM, the reading is bounded: nesting deeper than the recursion limit
//! and names longer than the output limit are refused.

mod functions;
mod literals;
mod names;
mod types;

use super::ast::*;
use super::print::Printer;

/// LLVM's `BackrefContext::Max`: the first ten names and the first ten
/// function parameters of more than one letter can be referred to again.
const MAX_BACKREFS: usize = 10;

/// LLVM's `BackrefContext` (in the parser, with no allocation).
#[derive(Clone, Default)]
struct Backrefs {
    /// Function parameter types, `0` to `9` in a parameter list.
    params: smallvec::SmallVec<[Id; MAX_BACKREFS]>,
    /// Named identifiers, `0` to `9` where a name is expected.
    names: smallvec::SmallVec<[Id; MAX_BACKREFS]>,
}

/// LLVM's `QualifierMangleMode`: whether a type's qualifiers are mangled
/// before it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum QualMode {
    Drop,
    Mangle,
    Result,
}

/// LLVM's `NameBackrefBehavior` bits.
const NBB_TEMPLATE: u8 = 1;
const NBB_SIMPLE: u8 = 2;

/// LLVM's `FunctionIdentifierCodeGroup`: `?X`, `?_X` and `?__X`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CodeGroup {
    Basic,
    Under,
    DoubleUnder,
}

/// The reader's state.
pub(super) struct Parser<'a> {
    input: &'a [u8],
    /// Where the unread rest of the input starts (LLVM's `MangledName`).
    pos: usize,
    /// LLVM's `Error`.
    pub error: bool,
    pub nodes: Vec<Node<'a>>,
    /// The nodes' lists and texts.
    pub side: Side,
    backrefs: Backrefs,
    depth: u32,
    max_depth: u32,
    /// The longest text printed while reading (template names kept for
    /// back references, enclosing functions of local names).
    output_limit: usize,
    /// Why `error` was set, where it is not a malformed name.
    pub too_deep: bool,
    pub too_long: bool,
}

impl<'a> Parser<'a> {
    /// A parser of `input` that builds its tree in `nodes` (emptied first:
    /// a buffer a parser before used, so that parsing allocates little).
    pub fn new(
        input: &'a [u8],
        max_depth: u32,
        output_limit: usize,
        (mut nodes, mut side): (Vec<Node<'a>>, Side),
    ) -> Self {
        nodes.clear();
        side.clear();
        // About one node for every two bytes of a real name.
        nodes.reserve(input.len() / 2 + 8);
        Parser {
            input,
            pos: 0,
            error: false,
            nodes,
            side,
            backrefs: Backrefs::default(),
            depth: 0,
            max_depth,
            output_limit,
            too_deep: false,
            too_long: false,
        }
    }

    // ---- The input (LLVM's string_view helpers) ----

    fn rest(&self) -> &'a [u8] {
        &self.input[self.pos..]
    }

    fn is_empty(&self) -> bool {
        self.pos >= self.input.len()
    }

    fn front(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    fn starts_with(&self, prefix: &[u8]) -> bool {
        self.rest().starts_with(prefix)
    }

    fn starts_with_digit(&self) -> bool {
        self.front().is_some_and(|b| b.is_ascii_digit())
    }

    /// LLVM's `consumeFront`.
    fn consume(&mut self, prefix: &[u8]) -> bool {
        if self.starts_with(prefix) {
            self.pos += prefix.len();
            true
        } else {
            false
        }
    }

    /// The next byte, taken; `None` (and the error set) at the end, where
    /// LLVM would read past its input.
    fn take(&mut self) -> Option<u8> {
        let byte = self.front();
        match byte {
            Some(_) => self.pos += 1,
            None => self.error = true,
        }
        byte
    }

    fn add(&mut self, node: Node<'a>) -> Id {
        self.nodes.push(node);
        (self.nodes.len() - 1) as Id
    }

    fn add_named(&mut self, name: Text<'a>) -> Id {
        self.add(Node::Ident {
            kind: IdentKind::Named(name),
            template_args: None,
        })
    }

    /// A qualified name of `components`, outermost first.
    fn add_qualified(&mut self, components: &[Id]) -> Id {
        let components = self.side.list(components);
        self.add(Node::QualifiedName(components))
    }

    fn add_type(&mut self, kind: TypeKind) -> Id {
        self.add(Node::Type { quals: 0, kind })
    }

    /// One level deeper; false (and the error set) past the limit.
    fn enter(&mut self) -> bool {
        if self.depth >= self.max_depth {
            self.error = true;
            self.too_deep = true;
            return false;
        }
        self.depth += 1;
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// The text of `node` as LLVM prints it with no flags, for keeping.
    fn render(&mut self, node: Id) -> Option<Vec<u8>> {
        let mut printer = Printer::new(&self.nodes, &self.side, 0, self.output_limit);
        printer.node(node);
        match printer.finish() {
            Some(text) => Some(text),
            None => {
                self.error = true;
                self.too_long = true;
                None
            }
        }
    }

    fn quals_of(&self, node: Id) -> Quals {
        match &self.nodes[node as usize] {
            Node::Type { quals, .. } => *quals,
            _ => 0,
        }
    }

    fn set_quals(&mut self, node: Id, value: Quals) {
        if let Node::Type { quals, .. } = &mut self.nodes[node as usize] {
            *quals = value;
        }
    }

    /// The last component of a qualified name (LLVM's
    /// `QualifiedNameNode::getUnqualifiedIdentifier`).
    fn unqualified(&self, name: Id) -> Option<Id> {
        match &self.nodes[name as usize] {
            Node::QualifiedName(components) => self.side.ids(*components).last().copied(),
            _ => None,
        }
    }

    fn symbol_name(&self, symbol: Id) -> Option<Id> {
        match &self.nodes[symbol as usize] {
            Node::Symbol { name, .. } => *name,
            _ => None,
        }
    }

    fn set_symbol_name(&mut self, symbol: Id, value: Id) {
        if let Node::Symbol { name, .. } = &mut self.nodes[symbol as usize] {
            *name = Some(value);
        }
    }

    fn is_conversion(&self, ident: Id) -> bool {
        matches!(
            self.nodes[ident as usize],
            Node::Ident {
                kind: IdentKind::Conversion { .. },
                ..
            }
        )
    }

    /// What the symbol `root` names: a function, a variable with a type,
    /// or something the compiler made (tables, RTTI, string literals,
    /// guards, MD5 names, thunks).
    pub fn kind(&self, root: Id) -> crate::symbol::Kind {
        use crate::symbol::Kind;
        let Node::Symbol { kind, .. } = &self.nodes[root as usize] else {
            return Kind::Unknown;
        };
        match kind {
            SymbolKind::Function { signature } => match &self.nodes[*signature as usize] {
                Node::Type {
                    kind: TypeKind::Function(sig),
                    ..
                } if sig.thunk.is_some() => Kind::Special("thunk"),
                _ => Kind::Function,
            },
            SymbolKind::Variable { ty: Some(_), .. } => Kind::Data,
            SymbolKind::Variable { ty: None, .. } => Kind::Special("RTTI"),
            SymbolKind::SpecialTable { .. } => Kind::Special("vftable"),
            SymbolKind::StringLiteral { .. } => Kind::Special("string literal"),
            SymbolKind::LocalStaticGuard => Kind::Special("guard variable"),
            SymbolKind::Md5 => Kind::Special("MD5 name"),
        }
    }

    // ---- Symbols ----

    /// `Demangler::parse`: the entry point, and the reader of a symbol
    /// nested in a name or a template argument.
    ///
    /// ```text
    /// <symbol> ::= . <type>                  # typeinfo name
    ///          ::= ??@ <md5> @               # MD5 name
    ///          ::= ? <special-intrinsic>
    ///          ::= ? <declarator>
    /// ```
    /// The length of the input.
    pub fn input_len(&self) -> usize {
        self.input.len()
    }

    /// How many bytes of the input were read.
    pub fn read(&self) -> usize {
        self.pos
    }

    pub fn parse(&mut self) -> Option<Id> {
        if !self.enter() {
            return None;
        }
        let symbol = self.parse_symbol();
        self.leave();
        symbol
    }

    fn parse_symbol(&mut self) -> Option<Id> {
        if self.starts_with(b".") {
            return self.typeinfo_name();
        }
        if self.starts_with(b"??@") {
            return self.md5_name();
        }
        if !self.consume(b"?") {
            self.error = true;
            return None;
        }
        if let Some(symbol) = self.special_intrinsic() {
            return Some(symbol);
        }
        // LLVM reads a declarator after a special name that failed too.
        self.declarator()
    }

    /// `Demangler::demangleTypeinfoName`: `.` <type>, the string of a
    /// `type_info`.
    fn typeinfo_name(&mut self) -> Option<Id> {
        self.consume(b".");
        let ty = self.demangle_type(QualMode::Result);
        if self.error || !self.is_empty() {
            self.error = true;
            return None;
        }
        Some(self.variable(ty, b"`RTTI Type Descriptor Name'"))
    }

    /// `Demangler::demangleMD5Name`: `??@` <32 hex digits> `@`, printed as
    /// it is (with a trailing `??_R4@` of a complete object locator).
    fn md5_name(&mut self) -> Option<Id> {
        let start = self.pos;
        let Some(at) = self.rest()[3..].iter().position(|&b| b == b'@') else {
            self.error = true;
            return None;
        };
        self.pos += 3 + at + 1;
        self.consume(b"??_R4@");
        let md5 = self.add_named(Text::Input(&self.input[start..self.pos]));
        let name = self.add_qualified(&[md5]);
        Some(self.add(Node::Symbol {
            name: Some(name),
            kind: SymbolKind::Md5,
        }))
    }

    /// LLVM's `synthesizeVariable`: a variable named `name` of type `ty`.
    fn variable(&mut self, ty: Option<Id>, name: &'static [u8]) -> Id {
        let ident = self.add_named(Text::Input(name));
        let name = self.add_qualified(&[ident]);
        self.add(Node::Symbol {
            name: Some(name),
            kind: SymbolKind::Variable {
                storage: StorageClass::None,
                ty,
            },
        })
    }

    /// `Demangler::demangleSpecialIntrinsic`: the `?_7`, `?_R0`, `?__E`, ...
    /// names; `None` without the error where the name is not one.
    fn special_intrinsic(&mut self) -> Option<Id> {
        const KINDS: &[(&[u8], Special)] = &[
            (b"?_7", Special::Table(b"`vftable'")),
            (b"?_8", Special::Table(b"`vbtable'")),
            (b"?_9", Special::VcallThunk),
            (b"?_A", Special::Unsupported),
            (b"?_B", Special::LocalStaticGuard(false)),
            (b"?_C", Special::StringLiteral),
            (b"?_P", Special::Unsupported),
            (b"?_R0", Special::RttiTypeDescriptor),
            (b"?_R1", Special::RttiBaseClassDescriptor),
            (b"?_R2", Special::Untyped(b"`RTTI Base Class Array'")),
            (
                b"?_R3",
                Special::Untyped(b"`RTTI Class Hierarchy Descriptor'"),
            ),
            (b"?_R4", Special::Table(b"`RTTI Complete Object Locator'")),
            (b"?_S", Special::Table(b"`local vftable'")),
            (b"?__E", Special::InitFini(false)),
            (b"?__F", Special::InitFini(true)),
            (b"?__J", Special::LocalStaticGuard(true)),
        ];
        let (_, kind) = KINDS.iter().find(|(prefix, _)| self.consume(prefix))?;
        let symbol = match *kind {
            Special::StringLiteral => self.string_literal(),
            Special::Table(name) => self.special_table(name),
            Special::VcallThunk => self.vcall_thunk(),
            Special::LocalStaticGuard(thread) => self.local_static_guard(thread),
            Special::RttiTypeDescriptor => {
                let ty = self.demangle_type(QualMode::Result);
                if !self.error && self.consume(b"@8") && self.is_empty() {
                    return Some(self.variable(ty, b"`RTTI Type Descriptor'"));
                }
                None
            }
            Special::Untyped(name) => self.untyped_variable(name),
            Special::RttiBaseClassDescriptor => self.rtti_base_class_descriptor(),
            Special::InitFini(destructor) => self.init_fini_stub(destructor),
            // LLVM does not read `?_A` (typeof) and `?_P` (udt returning).
            Special::Unsupported => None,
        };
        if symbol.is_none() {
            self.error = true;
        }
        symbol
    }

    /// `Demangler::demangleSpecialTableSymbolNode`: `` `vftable' `` and the
    /// like: <scope> `6`|`7` <qualifiers> [<target class> | `@`].
    fn special_table(&mut self, name: &'static [u8]) -> Option<Id> {
        let ident = self.add_named(Text::Input(name));
        let qualified = self.name_scope_chain(ident)?;
        let front = self.take()?;
        if front != b'6' && front != b'7' {
            self.error = true;
            return None;
        }
        let (quals, _) = self.qualifiers();
        let target = if self.consume(b"@") {
            None
        } else {
            self.fully_qualified_type_name()
        };
        Some(self.add(Node::Symbol {
            name: Some(qualified),
            kind: SymbolKind::SpecialTable { target, quals },
        }))
    }

    /// `Demangler::demangleLocalStaticGuard`: <scope> (`4IA` | `5`)
    /// [<number>].
    fn local_static_guard(&mut self, thread: bool) -> Option<Id> {
        let ident = self.add(Node::Ident {
            kind: IdentKind::LocalStaticGuard {
                thread,
                scope_index: 0,
            },
            template_args: None,
        });
        let qualified = self.name_scope_chain(ident)?;
        let symbol = self.add(Node::Symbol {
            name: Some(qualified),
            kind: SymbolKind::LocalStaticGuard,
        });
        if !self.consume(b"4IA") && !self.consume(b"5") {
            self.error = true;
            return None;
        }
        if !self.is_empty() {
            let index = self.unsigned() as u32;
            if let Node::Ident {
                kind: IdentKind::LocalStaticGuard { scope_index, .. },
                ..
            } = &mut self.nodes[ident as usize]
            {
                *scope_index = index;
            }
        }
        Some(symbol)
    }

    /// `Demangler::demangleUntypedVariable`: <scope> `8`.
    fn untyped_variable(&mut self, name: &'static [u8]) -> Option<Id> {
        let ident = self.add_named(Text::Input(name));
        let qualified = self.name_scope_chain(ident);
        let symbol = self.add(Node::Symbol {
            name: qualified,
            kind: SymbolKind::Variable {
                storage: StorageClass::None,
                ty: None,
            },
        });
        if self.consume(b"8") {
            return Some(symbol);
        }
        self.error = true;
        None
    }

    /// `Demangler::demangleRttiBaseClassDescriptorNode`: four numbers,
    /// <scope>, `8`.
    fn rtti_base_class_descriptor(&mut self) -> Option<Id> {
        let nv_offset = self.unsigned() as u32;
        let vbptr_offset = self.signed() as i32;
        let vbtable_offset = self.unsigned() as u32;
        let flags = self.unsigned() as u32;
        if self.error {
            return None;
        }
        let ident = self.add(Node::Ident {
            kind: IdentKind::RttiBaseClassDescriptor {
                nv_offset,
                vbptr_offset,
                vbtable_offset,
                flags,
            },
            template_args: None,
        });
        let name = self.name_scope_chain(ident);
        let symbol = self.add(Node::Symbol {
            name,
            kind: SymbolKind::Variable {
                storage: StorageClass::None,
                ty: None,
            },
        });
        self.consume(b"8");
        Some(symbol)
    }

    /// `Demangler::demangleInitFiniStub`: the dynamic initializer or atexit
    /// destructor of a variable (`?__E` `?` <declarator> `@@` <function>)
    /// or of a function's local.
    fn init_fini_stub(&mut self, destructor: bool) -> Option<Id> {
        let stub = self.add(Node::Ident {
            kind: IdentKind::DynamicStructor {
                variable: None,
                name: None,
                destructor,
            },
            template_args: None,
        });
        let static_member = self.consume(b"?");
        let symbol = self.declarator();
        let symbol = match symbol {
            Some(symbol) if !self.error => symbol,
            _ => return None,
        };
        let is_variable = matches!(
            self.nodes[symbol as usize],
            Node::Symbol {
                kind: SymbolKind::Variable { .. },
                ..
            }
        );
        if is_variable {
            self.set_dynamic_structor(stub, Some(symbol), None);
            // Older Clang wrote one `@` where two belong.
            for _ in 0..if static_member { 2 } else { 1 } {
                if !self.consume(b"@") {
                    self.error = true;
                    return None;
                }
            }
            let function = self.function_encoding()?;
            let name = self.add_qualified(&[stub]);
            self.set_symbol_name(function, name);
            Some(function)
        } else {
            if static_member {
                self.error = true;
                return None;
            }
            let name = self.symbol_name(symbol);
            self.set_dynamic_structor(stub, None, name);
            let qualified = self.add_qualified(&[stub]);
            self.set_symbol_name(symbol, qualified);
            Some(symbol)
        }
    }

    fn set_dynamic_structor(&mut self, stub: Id, to_variable: Option<Id>, to_name: Option<Id>) {
        if let Node::Ident {
            kind: IdentKind::DynamicStructor { variable, name, .. },
            ..
        } = &mut self.nodes[stub as usize]
        {
            *variable = to_variable;
            *name = to_name;
        }
    }

    /// `Demangler::demangleVcallThunkNode`: <scope> `$B` <number> `A`
    /// <calling convention>.
    fn vcall_thunk(&mut self) -> Option<Id> {
        let ident = self.add(Node::Ident {
            kind: IdentKind::VcallThunk(0),
            template_args: None,
        });
        let name = self.name_scope_chain(ident);
        if !self.error {
            self.error = !self.consume(b"$B");
        }
        if !self.error {
            let offset = self.unsigned();
            if let Node::Ident {
                kind: IdentKind::VcallThunk(at),
                ..
            } = &mut self.nodes[ident as usize]
            {
                *at = offset;
            }
        }
        if !self.error {
            self.error = !self.consume(b"A");
        }
        let mut signature = Signature {
            class: FC_NO_PARAMETER_LIST,
            thunk: Some(ThisAdjust::default()),
            ..Signature::default()
        };
        if !self.error {
            signature.call_conv = self.calling_convention();
        }
        if self.error {
            return None;
        }
        let signature = self.add_type(TypeKind::Function(signature));
        Some(self.add(Node::Symbol {
            name,
            kind: SymbolKind::Function { signature },
        }))
    }

    /// `Demangler::demangleDeclarator`: <fully qualified name> <encoding>.
    fn declarator(&mut self) -> Option<Id> {
        let name = self.fully_qualified_symbol_name();
        if self.error {
            return None;
        }
        let name = name?;
        let symbol = self.encoded_symbol(name);
        if self.error {
            return None;
        }
        let symbol = symbol?;
        self.set_symbol_name(symbol, name);
        if let Some(last) = self.unqualified(name) {
            if let Node::Ident {
                kind: IdentKind::Conversion { target: None },
                ..
            } = self.nodes[last as usize]
            {
                self.error = true;
                return None;
            }
        }
        Some(symbol)
    }

    /// `Demangler::demangleEncodedSymbol`: a variable (storage class `0` to
    /// `4`) or a function; a conversion operator takes its return type.
    fn encoded_symbol(&mut self, name: Id) -> Option<Id> {
        let Some(front) = self.front() else {
            self.error = true;
            return None;
        };
        if (b'0'..=b'4').contains(&front) {
            self.pos += 1;
            let storage = match front {
                b'0' => StorageClass::PrivateStatic,
                b'1' => StorageClass::ProtectedStatic,
                b'2' => StorageClass::PublicStatic,
                b'3' => StorageClass::Global,
                _ => StorageClass::FunctionLocalStatic,
            };
            return self.variable_encoding(storage);
        }
        let function = self.function_encoding();
        if let (Some(last), Some(function)) = (self.unqualified(name), function) {
            if self.is_conversion(last) {
                let target = self.return_type_of(function);
                if let Node::Ident {
                    kind: IdentKind::Conversion { target: at },
                    ..
                } = &mut self.nodes[last as usize]
                {
                    *at = target;
                }
            }
        }
        function
    }

    fn return_type_of(&self, function: Id) -> Option<Id> {
        let Node::Symbol {
            kind: SymbolKind::Function { signature },
            ..
        } = self.nodes[function as usize]
        else {
            return None;
        };
        match &self.nodes[signature as usize] {
            Node::Type {
                kind: TypeKind::Function(signature),
                ..
            } => signature.return_type,
            _ => None,
        }
    }

    /// `Demangler::demangleVariableEncoding`:
    ///
    /// ```text
    /// <variable-type> ::= <type> <cvr-qualifiers>
    ///                 ::= <type> <pointee-cvr-qualifiers>  # pointers, references
    /// ```
    fn variable_encoding(&mut self, storage: StorageClass) -> Option<Id> {
        let ty = self.demangle_type(QualMode::Drop);
        let symbol = self.add(Node::Symbol {
            name: None,
            kind: SymbolKind::Variable { storage, ty },
        });
        if self.error {
            return None;
        }
        let ty = ty?;
        let pointer = match self.nodes[ty as usize] {
            Node::Type {
                kind:
                    TypeKind::Pointer {
                        class_parent,
                        pointee,
                        ..
                    },
                ..
            } => Some((class_parent, pointee)),
            _ => None,
        };
        match pointer {
            Some((class_parent, pointee)) => {
                let quals = self.quals_of(ty) | self.pointer_ext_qualifiers();
                self.set_quals(ty, quals);
                let (extra, _) = self.qualifiers();
                if class_parent.is_some() {
                    // The class again, read and not printed.
                    self.fully_qualified_type_name();
                }
                let quals = self.quals_of(pointee) | extra;
                self.set_quals(pointee, quals);
            }
            None => {
                let (quals, _) = self.qualifiers();
                self.set_quals(ty, quals);
            }
        }
        Some(symbol)
    }
}

/// What a special name (`?_7`, `?_R0`, ...) is.
#[derive(Clone, Copy)]
enum Special {
    Table(&'static [u8]),
    VcallThunk,
    LocalStaticGuard(bool),
    StringLiteral,
    RttiTypeDescriptor,
    RttiBaseClassDescriptor,
    Untyped(&'static [u8]),
    InitFini(bool),
    Unsupported,
}
