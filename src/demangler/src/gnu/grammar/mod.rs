//! The Itanium C++ grammar as GNU libiberty reads it, written once and
//! generic over what it builds, as LLVM's `AbstractManglingParser` is
//! generic over its node maker.
//!
//! Each production is a provided method of [`productions::Productions`]
//! (the recursive ones) or of [`terms::Terms`] (those under them), named
//! after its grammar rule and the libiberty function it follows. It reads
//! the input and calls its builder, a [`Grammar`], at the points where
//! something is made of what was read:
//!
//! - the tree (`super::parse::Parser`) makes a node of each (`Node`, in
//!   `super::ast`), which GNU's printer walks later (`super::print`);
//! - the one-pass printer (`super::fast::Reader`) prints it at once, and
//!   keeps each substitution candidate as a span of its text. It is what
//!   [`super::demangle_itanium`]'s speed comes from, for the names whose
//!   text is a concatenation in reading order.
//!
//! Where GNU's printer does more than concatenate (its modifier lists, a
//! type used as a scope, most expressions...), the one-pass printer gives
//! up and the tree reads the name again from its start. Each such place is
//! said beside the production, in one of two ways: [`Grammar::gives_way`]
//! where the production itself is the tree's alone, or a builder call
//! whose one-pass side refuses what it cannot print (documented on the
//! call). Of `<expression>`, the forms in [`expressions`] are read here
//! (unresolved names, operators of one operand); the productions only the
//! tree reads (the other expressions, most special names, modules,
//! template heads, vendor types...) are the tree's own (`super::parse`),
//! reached through the [`Grammar`] methods under "Read by the tree
//! alone".
//!
//! A change in libiberty's grammar, its candidates or its leniencies is so
//! made once, here (or in the lookahead, `super::lookahead`, and the
//! terminals, `super::lexemes`, that this reads through).

pub(super) mod expressions;
pub(super) mod productions;
pub(super) mod terms;

use super::ast::{Qual, Special};
use super::lookahead::TypeStart;

/// Why a reading stopped.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Stop {
    /// Not a name GNU demangles, or (for the one-pass printer) one it
    /// leaves to the tree.
    Invalid,
    /// Nested deeper than the recursion limit.
    TooDeep,
    /// More steps than the input's length allows (see the tree's fuel).
    TooComplex,
}

/// What a `<name>` turned out to be, as libiberty's `d_encoding` asks it
/// of the tree (`has_return_type`, `is_ctor_dtor_or_conversion`): found as
/// the name is read, and kept with each substitution candidate, so that a
/// back reference says it too. A set of the flags below.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(super) struct NameInfo(u8);

impl NameInfo {
    /// Ends in template arguments (through a local name's entity and a
    /// member function's qualifiers): `T_` in its signature refers to
    /// them.
    pub(super) const TEMPLATE: u8 = 1;
    /// An encoding of this name reads a return type (`has_return_type`):
    /// it ends in template arguments, and the name under them is no
    /// constructor, destructor or conversion.
    pub(super) const RETURNS: u8 = 2;
    /// Its last part (through scopes and local names; not through ABI
    /// tags, template arguments or qualifiers) is a constructor, a
    /// destructor or a conversion operator.
    pub(super) const CTOR_DTOR: u8 = 4;
    /// A local name (`Z ... E ...`).
    pub(super) const LOCAL: u8 = 8;
    /// A closure or an unnamed type as it is, which takes no discriminator
    /// after it in a local name.
    pub(super) const UNNAMED: u8 = 16;

    pub(super) const fn of(flags: u8) -> NameInfo {
        NameInfo(flags)
    }

    /// These flags of it alone.
    pub(super) const fn only(self, flags: u8) -> NameInfo {
        NameInfo(self.0 & flags)
    }

    pub(super) const fn with(self, flags: u8) -> NameInfo {
        NameInfo(self.0 | flags)
    }

    pub(super) const fn without(self, flags: u8) -> NameInfo {
        NameInfo(self.0 & !flags)
    }

    pub(super) const fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }
}

/// A name read, and what it is.
#[derive(Clone, Copy)]
pub(super) struct Named<N> {
    pub(super) name: N,
    pub(super) info: NameInfo,
}

/// Where a production goes one level deeper, for the limits on recursion
/// (the tree's depth and fuel; the one-pass printer's bound on how deep
/// GNU's printer will be).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Level {
    Encoding,
    Name,
    Type,
    FunctionType,
    Expression,
}

/// What a list of the grammar holds: its items are read the same way,
/// and printed with `, ` between.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ListKind {
    /// `<template-args>`; `top`: an encoding's own name's, which `T_`
    /// refers to.
    TemplateArgs { top: bool },
    /// `J <template-arg>* E`, an argument pack in a list of them.
    Pack { top: bool },
    /// A function's parameter types.
    Parameters,
}

/// Where a `<bare-function-type>` is: what its return type is to the
/// printer.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Signature {
    /// In a `<function-type>` (`F ... E`).
    FunctionType,
    /// An encoding's: its return type printed before its name, except
    /// that of a local name's function (`in_local_name`) or of a function
    /// whose name is local (`entity_local`, below the top level), which is
    /// not printed.
    Encoding {
        entity_local: bool,
        in_local_name: bool,
    },
}

/// An array's dimension: none (`A_`), a number (its node, its digits), or
/// an expression.
#[derive(Clone, Copy)]
pub(super) enum Dimension<'a, T> {
    None,
    Number(T, &'a str),
    Expression(T),
}

/// What the productions call: the input, and the builder's making of what
/// they read. Implemented by the tree (`super::parse::Parser`) and by the
/// one-pass printer (`super::fast::Reader`). The productions are the
/// provided methods of [`productions::Productions`] and [`terms::Terms`].
pub(super) trait Grammar<'a>: Sized {
    /// A `<name>`, a part of one, an encoding.
    type Name: Copy;
    /// A `<type>`, a template argument, a back reference.
    type Type: Copy;
    /// A list of template arguments or of parameter types.
    type List: Copy;
    /// A list being read.
    type ListState;
    /// Where a production began (the one-pass printer's text; nothing for
    /// the tree).
    type Mark: Copy;
    /// A run of qualifiers read, until its type is read.
    type Quals: Copy;
    /// The name a constructor or destructor takes (libiberty's
    /// `last_name`).
    type LastName: Copy;
    /// What an encoding holds while it is read.
    type Frame;

    // ----- the input -----

    fn text(&self) -> &'a str;
    fn pos(&self) -> usize;
    fn set_pos(&mut self, pos: usize);
    /// Whether the full names of `std::string` and the like are printed.
    fn verbose(&self) -> bool;
    /// Whether a function's parameters are read (not with `c++filt -p`).
    fn params(&self) -> bool;

    fn input(&self) -> &'a [u8] {
        self.text().as_bytes()
    }

    fn peek(&self) -> u8 {
        self.input().get(self.pos()).copied().unwrap_or(0)
    }

    fn peek_next(&self) -> u8 {
        self.input().get(self.pos() + 1).copied().unwrap_or(0)
    }

    fn advance(&mut self, n: usize) {
        let pos = (self.pos() + n).min(self.input().len());
        self.set_pos(pos);
    }

    /// The next byte, read (0 at the end, not read).
    fn next(&mut self) -> u8 {
        let c = self.peek();
        if c != 0 {
            self.set_pos(self.pos() + 1);
        }
        c
    }

    fn eat(&mut self, c: u8) -> bool {
        let found = self.peek() == c;
        if found {
            self.set_pos(self.pos() + 1);
        }
        found
    }

    fn expect(&mut self, c: u8) -> Result<(), Stop> {
        if self.eat(c) {
            Ok(())
        } else {
            self.invalid()
        }
    }

    fn at_end(&self) -> bool {
        self.pos() >= self.input().len()
    }

    /// A terminal of the grammar, read by `read` (`super::lexemes`); a
    /// failure where that reading stopped.
    fn lexeme<T>(&mut self, read: fn(&[u8], &mut usize) -> Option<T>) -> Result<T, Stop> {
        let mut pos = self.pos();
        let value = read(self.input(), &mut pos);
        self.set_pos(pos);
        match value {
            Some(value) => Ok(value),
            None => self.invalid(),
        }
    }

    /// `part` and the `close` after it, which is read even where the part
    /// failed to parse, as libiberty checks it then too (`d_check_char`
    /// after a failed expression in `d_template_arg`, after a failed
    /// mangled name in `d_expr_primary`, after a function type's types in
    /// `d_function_type`). A stop that is no parse failure (too deep, too
    /// complex) ends the reading at once.
    fn closed_by<T>(&mut self, part: Result<T, Stop>, close: u8) -> Result<T, Stop> {
        if matches!(part, Err(Stop::TooDeep | Stop::TooComplex)) {
            return part;
        }
        let closed = self.eat(close);
        let part = part?;
        if closed {
            Ok(part)
        } else {
            self.invalid()
        }
    }

    /// A failure here (the tree notes one at the end of the input: the
    /// name was cut short).
    fn invalid<T>(&mut self) -> Result<T, Stop>;

    /// `Err` for the one-pass printer, which leaves what follows to the
    /// tree; `Ok` for the tree.
    fn gives_way(&self) -> Result<(), Stop>;

    /// `read`, one `level` deeper.
    fn descend<T>(
        &mut self,
        level: Level,
        read: impl FnOnce(&mut Self) -> Result<T, Stop>,
    ) -> Result<T, Stop>;

    /// `read` with one more modifier pending over it in GNU's printer (a
    /// pointer, reference or qualifier over the type read, a function type
    /// over its return type), which the one-pass printer counts: under
    /// one, a lambda's parameters print otherwise.
    fn modified<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> T;

    fn mark(&self) -> Self::Mark;

    // ----- substitutions and the last name -----

    /// `d_add_substitution` of a name read from `mark`.
    fn add_sub_name(&mut self, mark: Self::Mark, name: Named<Self::Name>) -> Result<(), Stop>;
    /// `d_add_substitution` of a type read from `mark`, which is `info` as
    /// a name.
    fn add_sub_type(
        &mut self,
        mark: Self::Mark,
        ty: Self::Type,
        info: NameInfo,
    ) -> Result<(), Stop>;
    /// Back reference `id` (`S_` is 0), printed again, and what its
    /// candidate is as a name.
    fn back_reference(
        &mut self,
        mark: Self::Mark,
        id: usize,
    ) -> Result<(Self::Type, NameInfo), Stop>;
    /// A standard abbreviation spelled `spelling`.
    fn std_abbreviation(&mut self, spelling: &'static str) -> Self::Type;
    /// The last name a standard abbreviation gives (`Ss`: `basic_string`).
    fn std_last_name(&mut self, name: &'static str) -> Self::LastName;

    fn last_name(&self) -> Option<Self::LastName>;
    fn set_last_name(&mut self, name: Option<Self::LastName>);

    // ----- names -----

    /// A source name's identifier, which is the last name too.
    fn identifier(&mut self, name: &'a str) -> Self::LastName;
    /// A source name as an unqualified name.
    fn source(&mut self, name: Self::LastName) -> Self::Name;
    /// An operator of the table (`tables::operator`); the one-pass printer
    /// refuses `li`.
    fn operator(&mut self, op: u8) -> Result<Self::Name, Stop>;
    /// `li`'s operator (`Some`, for its suffix's name to follow), and the
    /// literal operator of that name.
    fn literal_operator(&self, op: Self::Name) -> Option<Self::Name>;
    fn literal_operator_name(&mut self, op: Self::Name, name: Self::LastName) -> Self::Name;
    /// A constructor (`dtor` false) or destructor of `name`.
    fn ctor_dtor(&mut self, name: Self::LastName, dtor: bool) -> Self::Name;
    /// `name` and an `<abi-tag>` after it.
    fn abi_tag(&mut self, name: Self::Name, tag: Self::LastName) -> Self::Name;
    /// Before an unqualified part of a prefix; `first`: no scope before
    /// it (the one-pass printer puts its `::` there).
    fn scope_part(&mut self, first: bool);
    /// `prev::name`.
    fn qualified_of(&mut self, prev: Self::Name, name: Self::Name) -> Self::Name;
    /// The end of a prefix of `parts` unqualified names.
    fn prefix_ends(&mut self, parts: u32);
    /// The `std` of `St`, printed before what follows.
    fn std_scope(&mut self) -> Self::Name;
    /// `name<args>`.
    fn template_of(&mut self, name: Self::Name, args: Self::List) -> Self::Name;
    /// A back reference as the first part of a prefix or a template's
    /// name: the one-pass printer refuses one that is no plain name (a
    /// qualified, pointer, array or function type prints through GNU's
    /// modifier lists).
    fn as_scope(&mut self, sub: Self::Type) -> Result<Self::Name, Stop>;
    fn type_as_name(&mut self, ty: Self::Type) -> Self::Name;
    fn name_as_type(&mut self, name: Self::Name) -> Self::Type;
    /// The qualifiers of a member function's `this` after `N`: the
    /// one-pass printer reads a `K` alone, and only on an encoding's own
    /// name (`top`; GNU prints those of any other name after it).
    fn this_qualifiers(&mut self, top: bool) -> Result<Self::Quals, Stop>;
    fn this_qualified(&mut self, quals: Self::Quals, name: Self::Name) -> Self::Name;
    /// A ref-qualifier after `N` and the qualifiers of `this`: the
    /// one-pass printer reads one only on the outermost encoding's own
    /// name.
    fn ref_qualifier_begins(&mut self, top: bool) -> Result<(), Stop>;
    /// A ref-qualifier, or `H`'s explicit object, on a member function.
    fn ref_qualified(&mut self, qual: Qual, name: Self::Name) -> Self::Name;
    /// A local name: the `::` between the function and the entity.
    fn local_entity_begins(&mut self);
    fn local_name_of(&mut self, function: Self::Name, entity: Self::Name) -> Self::Name;
    /// The string literal of `Z ... E s`.
    fn string_literal(&mut self) -> Self::Name;
    /// A closure's parameters begin (the one-pass printer refuses a
    /// closure under a pending modifier, where GNU prints its parameters
    /// otherwise). What it gives is handed back to [`Grammar::closure`]
    /// when the closure ends: the one-pass printer's state around the
    /// parameters (whether it was in a closure's parameters already).
    fn closure_begins(&mut self) -> Result<bool, Stop>;
    fn closure(
        &mut self,
        around: bool,
        head: Option<Self::Type>,
        params: Self::List,
        number: u32,
    ) -> Result<Self::Name, Stop>;
    /// `Ut [<number>] _`.
    fn unnamed_type(&mut self, number: u32) -> Result<Self::Name, Stop>;

    // ----- types -----

    /// A builtin type (`tables::BUILTINS[code]`).
    fn builtin(&mut self, mark: Self::Mark, code: u8) -> Self::Type;
    /// `auto` or `decltype(auto)` (`Da`, `Dc`).
    fn auto(&mut self, mark: Self::Mark, decltype: bool) -> Self::Type;
    /// A class or enum type by its name begins: the one-pass printer reads
    /// those that begin with `N`, `Z`, a digit or `St`.
    fn class_type_begins(&self) -> Result<(), Stop>;
    fn name_type(&mut self, mark: Self::Mark, name: Named<Self::Name>) -> Self::Type;
    /// `P`, `R`, `O`, `C` or `G` (`code`) on `inner`, by GNU's
    /// declarators. The one-pass printer refuses `C`, `G` and what its
    /// shapes do not print, and prints a reference on a template
    /// parameter by GNU's saved scope where it can (`fast/scopes.rs`).
    fn modifier(
        &mut self,
        mark: Self::Mark,
        code: u8,
        inner: Self::Type,
    ) -> Result<Self::Type, Stop>;
    /// `<CV-qualifiers>` (`member_fn`: of a member function), as many as
    /// follow; the one-pass printer reads one alone, not before a function
    /// type or exception specifications.
    fn cv_qualifiers(&mut self, member_fn: bool) -> Result<Self::Quals, Stop>;
    fn qualified_type_of(
        &mut self,
        mark: Self::Mark,
        quals: Self::Quals,
        inner: Self::Type,
    ) -> Result<Self::Type, Stop>;
    /// An array's dimension of `digits`.
    fn array_dimension(&mut self, digits: &'a str) -> Self::Type;
    fn array_of(
        &mut self,
        mark: Self::Mark,
        dim: Dimension<'a, Self::Type>,
        element: Self::Type,
    ) -> Result<Self::Type, Stop>;
    /// The return type of a `<bare-function-type>` in `signature`, read by
    /// `read`.
    fn return_type(
        &mut self,
        signature: Signature,
        read: impl FnOnce(&mut Self) -> Result<Self::Type, Stop>,
    ) -> Result<Self::Type, Stop>;
    fn function_of(
        &mut self,
        mark: Self::Mark,
        signature: Signature,
        ret: Option<Self::Type>,
        params: Self::List,
    ) -> Self::Type;
    /// A function type whose types failed, under its ref-qualifier.
    fn null_type(&mut self) -> Self::Type;
    fn ref_qualified_type(&mut self, qual: Qual, ty: Self::Type) -> Self::Type;
    /// `T_` (argument `n`); the one-pass printer refuses it outside a
    /// template's signature and in a lambda's parameters, and prints its
    /// argument.
    fn template_param_of(&mut self, mark: Self::Mark, n: u32) -> Result<Self::Type, Stop>;
    /// `Dp <type>`, the pattern read by `pattern` (the one-pass printer
    /// reads it once for each element of the pack it refers to).
    fn pack_expansion(
        &mut self,
        mark: Self::Mark,
        pattern: impl FnMut(&mut Self) -> Result<Self::Type, Stop>,
    ) -> Result<Self::Type, Stop>;

    // ----- lists -----

    fn list_begins(&mut self, kind: ListKind) -> Result<Self::ListState, Stop>;
    /// Before an item: the one-pass printer's `, `, and its refusal of a
    /// pack directly in a pack.
    fn list_item_begins(&mut self, list: &mut Self::ListState) -> Result<(), Stop>;
    fn list_item_ends(&mut self, list: &mut Self::ListState, item: Self::Type);
    /// The list read: `Err` for a list of parameters that is empty.
    fn list_ends(&mut self, list: Self::ListState) -> Result<Self::List, Stop>;
    /// `I E` or `J E`: none (the one-pass printer refuses the first).
    fn empty_list(&mut self, kind: ListKind) -> Result<Self::List, Stop>;
    /// A pack among template arguments, as an argument.
    fn pack_arg(&mut self, mark: Self::Mark, pack: Self::List) -> Self::Type;

    // ----- literals -----

    /// The type of `L <type> <value> E`, read by `read`: the one-pass
    /// printer prints one that is no builtin in parentheses, and refuses
    /// those it does not print.
    fn literal_type(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<Self::Type, Stop>,
    ) -> Result<Self::Type, Stop>;
    /// `L Dn E`: `nullptr`'s type alone.
    fn is_nullptr(&self, ty: Self::Type) -> bool;
    fn literal(
        &mut self,
        mark: Self::Mark,
        ty: Self::Type,
        negative: bool,
        value: &'a str,
    ) -> Self::Type;

    // ----- encodings -----

    /// An encoding begins (the one-pass printer refuses one in a pack
    /// expansion's pattern): `T_` refers to its name's arguments.
    fn encoding_begins(&mut self) -> Result<Self::Frame, Stop>;
    fn encoding_ends(&mut self, frame: Self::Frame);
    /// An encoding, read to the end (the tree moves a requires-clause
    /// after the parameters).
    fn encoding_read(&mut self, encoding: Self::Name) -> Self::Name;
    /// An encoding without parameters (`c++filt -p` at the top level):
    /// the name alone, its function type not read (the tree's).
    fn without_params(&mut self, top: bool, name: Named<Self::Name>) -> Option<Self::Name>;
    /// A variable's name (nothing follows): the one-pass printer refuses
    /// the `this` qualifiers GNU prints after it, and a `E` after an
    /// encoding's own name.
    fn variable(&mut self, name: Named<Self::Name>, top: bool) -> Result<Self::Name, Stop>;
    /// A function's signature begins: `T_` may be read in it if its name
    /// is a template.
    fn signature_begins(&mut self, name: NameInfo);
    /// `name` with its function type: the one-pass printer prints the
    /// qualifiers of `this` after the parameters.
    fn typed_name(
        &mut self,
        mark: Self::Mark,
        name: Named<Self::Name>,
        ftype: Self::Type,
    ) -> Result<Self::Name, Stop>;
    fn clone_suffix(&mut self, encoding: Self::Name, suffix: &'a str) -> Self::Name;
    /// A special name's prefix (`vtable for `...): the one-pass printer
    /// prints the common ones, and refuses the rest.
    fn special_begins(&mut self, kind: Special) -> Result<(), Stop>;
    fn special(&mut self, kind: Special, operand: Self::Type) -> Self::Name;

    // ----- expressions -----

    /// `<expression>` where a production holds one (libiberty
    /// `d_expression`): the grammar's [`expressions::Expressions::expression_1`],
    /// with libiberty's `is_expression` set around it in the tree (`cv` is
    /// then a cast). Reached through the builder, so that the recursive
    /// productions and the expressions under them do not import each
    /// other.
    fn expression(&mut self) -> Result<Self::Type, Stop>;
    /// Whether `sr` before a name part reads `<unresolved-qualifier-level>+
    /// E` (the newer mangling): the tree's first reading, which it notes
    /// for its second in the older (without `E`, libiberty's `goto
    /// again`); the one-pass printer's only one (the tree reads a name
    /// that fails).
    fn qualifier_levels_first(&mut self) -> bool;
    /// The scope of an unresolved name read, before its name (the one-pass
    /// printer's `::`).
    fn unresolved_scope_ends(&mut self);
    /// A name read as an expression from `mark` (an unresolved name, or an
    /// unqualified one): `name` (qualified by its scope, if any), with the
    /// template arguments after it. As an operand, GNU prints a name or a
    /// qualified name without arguments bare, any other in parentheses.
    fn unresolved_name_of(
        &mut self,
        mark: Self::Mark,
        name: Self::Name,
        args: Option<Self::List>,
    ) -> Self::Type;
    /// An operator of the table (`tables::operator`) in an expression,
    /// with one operand: the one-pass printer prints `!`, `-`, `+` and
    /// `~` and refuses the others.
    fn expression_operator(&mut self, op: u8) -> Result<Self::Name, Stop>;
    /// `op` on `operand`, read from `mark`; `suffix`: `x++`, `x--` (which
    /// the one-pass printer refuses). GNU prints the operand in
    /// parentheses unless it is a name (`d_print_subexpr`).
    fn operation_of_one(
        &mut self,
        mark: Self::Mark,
        op: Self::Name,
        operand: Self::Type,
        suffix: bool,
    ) -> Result<Self::Type, Stop>;

    /// `L _Z <encoding> E`'s mangled name (`mangled_name(false)`), where
    /// the one-pass printer notes what GNU prints of it as an operand.
    fn literal_name(&mut self) -> Result<Self::Type, Stop>;

    // ----- read by the tree alone (the one-pass printer gives way first) -----

    /// The `<expression>`s other than those of [`expressions`] (the
    /// one-pass printer refuses them).
    fn other_expression(&mut self) -> Result<Self::Type, Stop>;
    /// A type just read that GNU prints after what follows it (the class of
    /// a pointer to member, after the member's type; the derived type of a
    /// construction vtable, after the base): the one-pass printer takes it
    /// aside, a plain name only.
    fn printed_later(&mut self, ty: Self::Type) -> Result<Self::Type, Stop>;
    /// `construction vtable for ` (the one-pass printer prints it first).
    fn construction_vtable_begins(&mut self) -> Result<(), Stop>;
    /// `TC`'s base and derived types (`derived` from
    /// [`Grammar::printed_later`]).
    fn construction_vtable_of(&mut self, derived: Self::Type, base: Self::Type) -> Self::Name;
    /// `M <class> <member>`: the one-pass printer takes a member that is a
    /// name, a qualified type or a pointer (`int A::*`), or a function or
    /// array type with no modifier on it yet (`void (A::*)()`).
    fn pointer_to_member(
        &mut self,
        mark: Self::Mark,
        class: Self::Type,
        member: Self::Type,
    ) -> Result<Self::Type, Stop>;
    /// `<special-name>`s other than those of `Special::of_code`.
    fn other_special_name(&mut self) -> Result<Self::Name, Stop>;
    /// The types only the tree reads: vendor types and qualifiers,
    /// decltypes, vector types, `_BitInt`, `_FloatN`.
    fn other_type(&mut self, start: TypeStart) -> Result<Self::Type, Stop>;
    /// A template template parameter's arguments, after `param`.
    fn template_template_args(&mut self, param: Self::Type) -> Result<Self::Type, Stop>;
    /// `<template-head>`, where one begins before a lambda's parameters
    /// (the one-pass printer refuses it).
    fn template_head(&mut self) -> Result<Option<Self::Type>, Stop>;
    /// A back reference that is a `<module-name>`, as one.
    fn as_module(&self, sub: Self::Type) -> Option<Self::Type>;
    /// `W [P] <source-name>` under `module`.
    fn module_part(
        &mut self,
        module: Option<Self::Type>,
        name: Self::LastName,
        partition: bool,
    ) -> Self::Type;
    fn module_entity(&mut self, name: Self::Name, module: Self::Type) -> Self::Name;
    fn friend(&mut self, name: Self::Name) -> Self::Name;
    /// `DC <source-name>+ E`.
    fn structured_binding(&mut self) -> Result<Self::Name, Stop>;
    /// `Ue <type> <source-name>`.
    fn unnamed_enum(&mut self) -> Result<Self::Name, Stop>;
    /// `v <digit> <source-name>`.
    fn vendor_operator(&mut self, args: u8, name: Self::LastName) -> Self::Name;
    /// `cv <type>`: a conversion operator (`as_name`: after `on`), or a
    /// cast in an expression; whether it is the first.
    fn conversion_operator(&mut self, as_name: bool) -> Result<(Self::Name, bool), Stop>;
    /// `Z <encoding> E d [<number>] _ <name>`: a default argument's scope.
    fn default_arg(&mut self, number: u32, name: Self::Name) -> Self::Name;
    /// `<template-args>` ending in `Q <requires-clause expr>`.
    fn constraints(&mut self, args: Self::List, expr: Self::Type) -> Self::List;
    /// A trailing requires-clause after an encoding's parameters.
    fn function_constraints(&mut self, ftype: Self::Type, expr: Self::Type) -> Self::Type;
    /// Clang's `Ua9enable_if` arguments after an encoding's name.
    fn with_enable_if(&mut self, typed: Self::Name, args: Self::List) -> Self::Name;
}
