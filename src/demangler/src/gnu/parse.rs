//! The Itanium C++ ABI grammar, parsed as GNU libiberty parses it: the same
//! productions, the same substitution candidates in the same order, the same
//! leniencies (so that what c++filt accepts is accepted, and what it refuses
//! is refused).

use super::ast::{Id, Node, Qual, Special};
use super::tables::{self, STD_SUBSTITUTIONS};

/// Why a parse stopped.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Stop {
    /// Not a name GNU demangles.
    Invalid,
    /// Nested deeper than the recursion limit.
    TooDeep,
}

type R = Result<Id, Stop>;

/// A list of argument cells being built in place, without a `Vec`.
struct ListBuilder {
    template: bool,
    head: Option<Id>,
    last: Option<Id>,
    first: Option<Id>,
    len: usize,
}

impl ListBuilder {
    fn new(template: bool) -> Self {
        ListBuilder {
            template,
            head: None,
            last: None,
            first: None,
            len: 0,
        }
    }
}

pub(crate) struct Parser<'a> {
    text: &'a str,
    input: &'a [u8],
    pos: usize,
    pub(crate) nodes: Vec<Node<'a>>,
    subs: Vec<Id>,
    last_name: Option<Id>,
    is_expression: bool,
    is_conversion: bool,
    /// Java's rules (see the printer's `java`): a trailing `$` on a name.
    pub(crate) java: bool,
    params: bool,
    verbose: bool,
    depth: u32,
    max_depth: u32,
    ran_out: bool,
    unresolved_names: bool,
    tried_unresolved_names: bool,
}

impl<'a> Parser<'a> {
    /// A parser of `text` that builds its tree in `nodes` and keeps its
    /// substitution candidates in `subs` (emptied first: buffers a parser
    /// before used, so that parsing allocates nothing).
    pub(crate) fn new(
        text: &'a str,
        params: bool,
        verbose: bool,
        max_depth: u32,
        (mut nodes, mut subs): (Vec<Node<'a>>, Vec<Id>),
    ) -> Self {
        nodes.clear();
        subs.clear();
        // About one node for every three bytes of a real name.
        nodes.reserve(text.len() / 3 + 8);
        subs.reserve(text.len() / 8 + 4);
        Parser {
            text,
            input: text.as_bytes(),
            pos: 0,
            nodes,
            subs,
            last_name: None,
            is_expression: false,
            is_conversion: false,
            java: false,
            params,
            verbose,
            depth: 0,
            max_depth,
            ran_out: false,
            unresolved_names: true,
            tried_unresolved_names: false,
        }
    }

    /// A parser for a second attempt where the first failed after reading
    /// an unresolved name in the newer way: `Err` with this one if it did
    /// not.
    pub(crate) fn retry(self) -> Result<Self, Self> {
        if !self.tried_unresolved_names {
            return Err(self);
        }
        let (text, params, verbose, max_depth) =
            (self.text, self.params, self.verbose, self.max_depth);
        let java = self.java;
        let mut parser = Parser::new(text, params, verbose, max_depth, self.into_buffers());
        parser.unresolved_names = false;
        parser.java = java;
        Ok(parser)
    }

    /// The tree and substitution list, for the next parser.
    pub(crate) fn into_buffers(self) -> (Vec<Node<'a>>, Vec<Id>) {
        (self.nodes, self.subs)
    }

    // ----- reading -----

    fn peek(&self) -> u8 {
        self.input.get(self.pos).copied().unwrap_or(0)
    }

    fn peek_next(&self) -> u8 {
        if self.peek() == 0 {
            return 0;
        }
        self.input.get(self.pos + 1).copied().unwrap_or(0)
    }

    fn advance(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.input.len());
    }

    fn next(&mut self) -> u8 {
        let c = self.peek();
        if c != 0 {
            self.pos += 1;
        }
        c
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == c {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), Stop> {
        if self.eat(c) {
            Ok(())
        } else {
            self.invalid()
        }
    }

    /// A failure; one at the end of the input means the name is cut short.
    fn invalid<T>(&mut self) -> Result<T, Stop> {
        if self.at_end() {
            self.ran_out = true;
        }
        Err(Stop::Invalid)
    }

    /// Whether the parse failed for want of more input.
    pub(crate) fn ran_out(&self) -> bool {
        self.ran_out
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.input.len()
    }

    // ----- building -----

    fn add(&mut self, node: Node<'a>) -> Id {
        self.nodes.push(node);
        (self.nodes.len() - 1) as Id
    }

    fn add_sub(&mut self, id: Id) -> Result<(), Stop> {
        if self.subs.len() >= self.input.len() {
            return self.invalid();
        }
        self.subs.push(id);
        Ok(())
    }

    fn node(&self, id: Id) -> Node<'a> {
        self.nodes[id as usize]
    }

    fn descend<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Stop>) -> Result<T, Stop> {
        if self.depth >= self.max_depth {
            return Err(Stop::TooDeep);
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }

    // ----- top level -----

    /// A mangled name of a form the caller has checked: `_Z <encoding>
    /// [clone suffixes]`, or `_GLOBAL_` `.`/`_`/`$` `I`/`D` `_` and a name.
    pub(crate) fn mangled_symbol(&mut self) -> R {
        let input = self.input;
        if input.starts_with(b"_GLOBAL_") {
            let kind = if input[9] == b'I' {
                Special::GlobalConstructors
            } else {
                Special::GlobalDestructors
            };
            self.advance(11);
            let name = if self.peek() == b'_' && self.peek_next() == b'Z' {
                self.advance(2);
                self.encoding(false)?
            } else if self.pos < input.len() {
                self.add(Node::Name(&self.text[self.pos..]))
            } else {
                // libiberty's d_make_name refuses an empty name.
                return self.invalid();
            };
            self.pos = input.len();
            return Ok(self.add(Node::Special(kind, name)));
        }
        self.mangled_name(true)
    }

    /// A bare type, as `c++filt -t` takes it.
    pub(crate) fn type_symbol(&mut self) -> R {
        self.type_()
    }

    fn mangled_name(&mut self, top_level: bool) -> R {
        // Below the top level the `_` may be missing (an old g++ bug).
        if !self.eat(b'_') && top_level {
            return self.invalid();
        }
        self.expect(b'Z')?;
        let mut encoding = self.encoding(top_level)?;
        if top_level && self.params {
            while self.peek() == b'.'
                && matches!(self.peek_next(), b'a'..=b'z' | b'_' | b'0'..=b'9')
            {
                encoding = self.clone_suffix(encoding);
            }
        }
        Ok(encoding)
    }

    fn clone_suffix(&mut self, encoding: Id) -> Id {
        let start = self.pos;
        let input = self.input;
        let mut end = start;
        let part = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_';
        if input.get(end) == Some(&b'.') && input.get(end + 1).is_some_and(|&b| part(b)) {
            end += 2;
            while input.get(end).is_some_and(|&b| part(b)) {
                end += 1;
            }
        }
        while input.get(end) == Some(&b'.') && input.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 2;
            while input.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
        }
        self.pos = end;
        let suffix = self.add(Node::Name(&self.text[start..end]));
        self.add(Node::Clone(encoding, suffix))
    }

    fn encoding(&mut self, top_level: bool) -> R {
        let dc = self.descend(|p| p.encoding_inner(top_level))?;
        Ok(self.move_template_constraints(dc))
    }

    fn encoding_inner(&mut self, top_level: bool) -> R {
        if matches!(self.peek(), b'G' | b'T') {
            return self.special_name();
        }
        let mut dc = self.name()?;
        if top_level && !self.params {
            // Without parameters, a top-level name loses its function
            // qualifiers, and so does a local name's last part.
            dc = self.strip_function_quals(dc);
            if let Node::LocalName(f, name) = self.node(dc) {
                let name = self.strip_function_quals(name);
                self.nodes[dc as usize] = Node::LocalName(f, name);
            }
            return Ok(dc);
        }
        let peek = self.peek();
        if peek == 0 || peek == b'E' {
            return Ok(dc);
        }
        // Clang's `Ua9enable_if <template-args>` after the name (GNU 2.47
        // refuses it): printed after the function as LLVM 19 prints it,
        // ` [enable_if:...]` (ItaniumDemangle parseEncoding).
        let enable_if = if self.input[self.pos..].starts_with(b"Ua9enable_if") {
            self.advance(12);
            Some(self.template_args()?)
        } else {
            None
        };
        let has_return = self.has_return_type(dc);
        let mut ftype = self.bare_function_type(has_return)?;
        if !top_level {
            if let (Node::LocalName(..), Node::FunctionType(_, args)) =
                (self.node(dc), self.node(ftype))
            {
                self.nodes[ftype as usize] = Node::FunctionType(None, args);
            }
        }
        // A trailing requires-clause (d_encoding's d_maybe_constraints).
        if self.eat(b'Q') {
            let expr = self.expression()?;
            ftype = self.add(Node::Constraints(ftype, expr));
        }
        let typed = self.add(Node::TypedName(dc, ftype));
        Ok(match enable_if {
            Some(args) => self.add(Node::EnableIf(typed, args)),
            None => typed,
        })
    }

    /// A requires-clause mangled in the function's template arguments goes
    /// after its parameters, so that the arguments can be looked up: what
    /// libiberty's printer does to the tree when it prints a typed name
    /// (d_print_comp_inner, DEMANGLE_COMPONENT_TYPED_NAME), done here once.
    /// Elsewhere such a clause stays in its list, and a lookup in it fails,
    /// as in c++filt (`c++filt -p _Z1fIiQ1CIT_EEvv` does not demangle).
    /// (A local name's function has its return type dropped first, as the
    /// printer moves the clause only later.)
    fn move_template_constraints(&mut self, dc: Id) -> Id {
        if let Node::EnableIf(typed, args) = self.node(dc) {
            let typed = self.move_template_constraints(typed);
            self.nodes[dc as usize] = Node::EnableIf(typed, args);
            return dc;
        }
        let Node::TypedName(name, ftype) = self.node(dc) else {
            return dc;
        };
        let mut typed = self.strip_function_quals(name);
        if let Node::LocalName(_, local) = self.node(typed) {
            typed = self.strip_function_quals(match self.node(local) {
                Node::DefaultArg(_, inner) => inner,
                _ => local,
            });
        }
        match self.node(typed) {
            Node::Template(template, args) => match self.node(args) {
                Node::Constraints(list, expr) => {
                    self.nodes[typed as usize] = Node::Template(template, list);
                    let ftype = self.add(Node::Constraints(ftype, expr));
                    self.nodes[dc as usize] = Node::TypedName(name, ftype);
                    dc
                }
                _ => dc,
            },
            _ => dc,
        }
    }

    fn strip_function_quals(&self, mut id: Id) -> Id {
        while let Node::Qual(q, inner, _) = self.node(id) {
            if !q.of_function() {
                break;
            }
            id = inner;
        }
        id
    }

    fn has_return_type(&self, id: Id) -> bool {
        match self.node(id) {
            Node::LocalName(_, name) => self.has_return_type(name),
            Node::Template(name, _) => !self.is_ctor_dtor_or_conversion(name),
            Node::Qual(q, inner, _) if q.of_function() => self.has_return_type(inner),
            _ => false,
        }
    }

    fn is_ctor_dtor_or_conversion(&self, id: Id) -> bool {
        match self.node(id) {
            Node::QualName(_, name) | Node::LocalName(_, name) => {
                self.is_ctor_dtor_or_conversion(name)
            }
            Node::Ctor(_) | Node::Dtor(_) | Node::Conversion(_) => true,
            _ => false,
        }
    }

    // ----- names -----

    fn name(&mut self) -> R {
        self.descend(Self::name_inner)
    }

    fn name_inner(&mut self) -> R {
        match self.peek() {
            b'N' => self.nested_name(),
            b'Z' => self.local_name(),
            b'U' => self.unqualified_name(),
            b'S' => {
                let (dc, from_sub) = if self.peek_next() != b't' {
                    let sub = self.substitution(false)?;
                    if let Node::ModuleName(..) = self.node(sub) {
                        (self.unqualified_name_in(Some(sub))?, false)
                    } else {
                        (sub, true)
                    }
                } else {
                    self.advance(2);
                    let std = self.add(Node::Name("std"));
                    let name = self.unqualified_name()?;
                    (self.add(Node::QualName(std, name)), false)
                };
                if self.peek() != b'I' {
                    return Ok(dc);
                }
                if !from_sub {
                    self.add_sub(dc)?;
                }
                let args = self.template_args()?;
                Ok(self.add(Node::Template(dc, args)))
            }
            _ => {
                let dc = self.unqualified_name()?;
                if self.peek() != b'I' {
                    return Ok(dc);
                }
                // An unscoped template name is a substitution candidate.
                self.add_sub(dc)?;
                let args = self.template_args()?;
                Ok(self.add(Node::Template(dc, args)))
            }
        }
    }

    /// `<nested-name> ::= N [<CV-qualifiers>] [<ref-qualifier>] <prefix> E
    /// | N H <prefix> E` (libiberty `d_nested_name`).
    fn nested_name(&mut self) -> R {
        self.expect(b'N')?;
        if self.eat(b'H') {
            let prefix = self.prefix(true)?;
            self.expect(b'E')?;
            return Ok(self.add(Node::Qual(Qual::XobjThis, prefix, None)));
        }
        let quals = self.cv_qualifiers(true)?;
        let ref_qual = match self.peek() {
            b'R' => Some(Qual::ReferenceThis),
            b'O' => Some(Qual::RvalueReferenceThis),
            _ => None,
        };
        if ref_qual.is_some() {
            self.advance(1);
        }
        let mut ret = self.prefix(true)?;
        ret = self.wrap_quals(&quals, ret);
        if let Some(q) = ref_qual {
            ret = self.add(Node::Qual(q, ret, None));
        }
        self.expect(b'E')?;
        Ok(ret)
    }

    /// Names up to `E`; each but the last is a substitution candidate
    /// when `substitutable`.
    fn prefix(&mut self, substitutable: bool) -> R {
        let mut ret: Option<Id> = None;
        loop {
            let peek = self.peek();
            let mut template = false;
            let mut module_name = false;
            let dc = match peek {
                0 => return self.invalid(),
                b'E' => return ret.ok_or(Stop::Invalid),
                b'D' if matches!(self.peek_next(), b'T' | b't') => self.type_()?,
                b'0'..=b'9' | b'a'..=b'z' | b'C' | b'D' | b'U' | b'L' | b'W' | b'F' => {
                    self.unqualified_name()?
                }
                b'S' => {
                    let sub = self.substitution(true)?;
                    match self.node(sub) {
                        Node::ModuleName(..) => {
                            // d_prefix: the name attached to a module from a
                            // substitution is a candidate like any other.
                            module_name = true;
                            self.unqualified_name_in(Some(sub))?
                        }
                        // GNU takes any other substitution only first in a
                        // prefix, and not as the whole of it.
                        _ if ret.is_some() || self.peek() == b'E' => return self.invalid(),
                        _ => sub,
                    }
                }
                b'I' => {
                    if ret.is_none() {
                        return self.invalid();
                    }
                    template = true;
                    self.template_args()?
                }
                b'T' => self.template_param()?,
                b'M' => {
                    // The initializer scope of a lambda: nothing to show
                    // (GNU skips an `M` anywhere in a prefix, but a name
                    // must follow it).
                    self.advance(1);
                    if self.peek() == b'E' {
                        return self.invalid();
                    }
                    continue;
                }
                _ => return self.invalid(),
            };
            let combined = match ret {
                None => dc,
                Some(prev) if template => self.add(Node::Template(prev, dc)),
                Some(prev) => self.add(Node::QualName(prev, dc)),
            };
            ret = Some(combined);
            if substitutable && (peek != b'S' || module_name) && self.peek() != b'E' {
                self.add_sub(combined)?;
            }
        }
    }

    fn unqualified_name(&mut self) -> R {
        self.unqualified_name_in(None)
    }

    /// An unqualified name, attached to a C++20 module (`W` names, or
    /// `module` from a substitution) if it says so: `name@module`.
    fn unqualified_name_in(&mut self, module: Option<Id>) -> R {
        let (module, friend, ret) = if module.is_none() && self.peek().is_ascii_digit() {
            // Most names: a source name, in no module, no friend.
            (None, false, self.source_name())
        } else {
            let module = self.module_name(module)?;
            // d_unqualified_name: `F` marks a member-like friend (GNU 2.44).
            let friend = self.eat(b'F');
            (module, friend, self.unqualified_name_base())
        };
        if ret == Err(Stop::Invalid) {
            // libiberty still reads ABI tags after a name that failed; where
            // a caller lets the failure pass (an unresolved scope), it reads
            // on after them, so they are consumed here as there.
            while self.eat(b'B') {
                let _ = self.source_name();
            }
        }
        let mut ret = ret?;
        if let Some(module) = module {
            ret = self.add(Node::ModuleEntity(ret, module));
        }
        if self.peek() == b'B' {
            ret = self.abi_tags(ret)?;
        }
        if friend {
            ret = self.add(Node::Friend(ret));
        }
        Ok(ret)
    }

    /// The name proper of an `<unqualified-name>`: a source name, an
    /// operator, a constructor or destructor, a structured binding, a
    /// local source name, a lambda or an unnamed type or enum.
    fn unqualified_name_base(&mut self) -> R {
        let peek = self.peek();
        let ret = match peek {
            b'0'..=b'9' => self.source_name()?,
            b'a'..=b'z' => {
                let was_expression = self.is_expression;
                if peek == b'o' && self.peek_next() == b'n' {
                    self.advance(2);
                    // `on cv` names a conversion operator.
                    self.is_expression = false;
                }
                let op = self.operator_name();
                self.is_expression = was_expression;
                let op = op?;
                match self.node(op) {
                    Node::Operator(i) if tables::operator_info(i).code == *b"li" => {
                        let name = self.source_name()?;
                        self.add(Node::Unary(op, name))
                    }
                    _ => op,
                }
            }
            b'D' if self.peek_next() == b'C' => {
                self.advance(2);
                let mut names = Vec::new();
                loop {
                    names.push(self.source_name()?);
                    if self.peek() == b'E' {
                        break;
                    }
                }
                self.advance(1);
                let mut next = None;
                for &name in names.iter().rev() {
                    next = Some(self.add(Node::StructuredBinding(name, next)));
                }
                next.ok_or(Stop::Invalid)?
            }
            b'C' | b'D' => self.ctor_dtor_name()?,
            b'L' => {
                self.advance(1);
                let name = self.source_name()?;
                self.discriminator()?;
                name
            }
            b'U' => match self.peek_next() {
                b'l' => self.lambda()?,
                b't' => self.unnamed_type()?,
                b'e' => self.unnamed_enum()?,
                _ => return self.invalid(),
            },
            _ => return self.invalid(),
        };
        Ok(ret)
    }

    /// `<module-name> ::= <module-subname>+`, `<module-subname> ::= W
    /// [P] <source-name>`, each a substitution candidate, under `module`
    /// (libiberty `d_maybe_module_name`).
    fn module_name(&mut self, mut module: Option<Id>) -> Result<Option<Id>, Stop> {
        while self.eat(b'W') {
            let partition = self.eat(b'P');
            let name = self.source_name()?;
            let id = self.add(Node::ModuleName(module, name, partition));
            self.add_sub(id)?;
            module = Some(id);
        }
        Ok(module)
    }

    fn abi_tags(&mut self, mut dc: Id) -> R {
        let hold_last_name = self.last_name;
        while self.eat(b'B') {
            let tag = self.source_name()?;
            dc = self.add(Node::TaggedName(dc, tag));
        }
        self.last_name = hold_last_name;
        Ok(dc)
    }

    fn source_name(&mut self) -> R {
        let len = self.number()?;
        if len <= 0 {
            return self.invalid();
        }
        let id = self.identifier(len as usize)?;
        // A Java name may end in a `$` (a C++ keyword) that its length
        // leaves out (d_identifier).
        if self.java && self.peek() == b'$' {
            self.advance(1);
        }
        self.last_name = Some(id);
        Ok(id)
    }

    fn identifier(&mut self, len: usize) -> R {
        let start = self.pos;
        if self.input.len() - start < len || !self.text.is_char_boundary(start + len) {
            return self.invalid();
        }
        self.pos += len;
        let name = &self.text[start..start + len];
        let bytes = name.as_bytes();
        // GCC's anonymous namespace: `_GLOBAL_` `.`/`_`/`$` `N`...
        if len >= 10
            && name.starts_with("_GLOBAL_")
            && matches!(bytes[8], b'.' | b'_' | b'$')
            && bytes[9] == b'N'
        {
            return Ok(self.add(Node::Name("(anonymous namespace)")));
        }
        Ok(self.add(Node::Name(name)))
    }

    /// A decimal number, `n` for minus; out of `i32` range is invalid.
    fn number(&mut self) -> Result<i64, Stop> {
        let negative = self.eat(b'n');
        let mut value: i64 = 0;
        while self.peek().is_ascii_digit() {
            value = value * 10 + i64::from(self.peek() - b'0');
            if value > i64::from(i32::MAX) {
                return self.invalid();
            }
            self.advance(1);
        }
        Ok(if negative { -value } else { value })
    }

    /// `_` for 0, or `<number> _` for number + 1.
    fn compact_number(&mut self) -> Result<u32, Stop> {
        let num = match self.peek() {
            b'_' => 0,
            b'n' => return self.invalid(),
            _ => self.number()? + 1,
        };
        if num < 0 || !self.eat(b'_') {
            return self.invalid();
        }
        u32::try_from(num).map_err(|_| Stop::Invalid)
    }

    fn discriminator(&mut self) -> Result<(), Stop> {
        if !self.eat(b'_') {
            return Ok(());
        }
        let two = self.eat(b'_');
        let num = self.number()?;
        if num < 0 {
            return self.invalid();
        }
        if two && num >= 10 {
            self.expect(b'_')?;
        }
        Ok(())
    }

    fn ctor_dtor_name(&mut self) -> R {
        self.last_name.ok_or(Stop::Invalid)?;
        match self.peek() {
            b'C' => {
                let inheriting = self.peek_next() == b'I';
                if inheriting {
                    self.advance(1);
                }
                if !matches!(self.peek_next(), b'1'..=b'5') {
                    return self.invalid();
                }
                self.advance(2);
                if inheriting {
                    // The base's type is not printed, nor checked by GNU;
                    // since 2.44 the constructor takes the last name read in
                    // it (`_ZN1DCI11BEi` is `D::B(int)`; d_ctor_dtor_name).
                    match self.type_() {
                        Ok(_) | Err(Stop::Invalid) => {}
                        Err(stop) => return Err(stop),
                    }
                }
                let name = self.last_name.ok_or(Stop::Invalid)?;
                Ok(self.add(Node::Ctor(name)))
            }
            b'D' => {
                let name = self.last_name.ok_or(Stop::Invalid)?;
                if !matches!(self.peek_next(), b'0' | b'1' | b'2' | b'4' | b'5') {
                    return self.invalid();
                }
                self.advance(2);
                Ok(self.add(Node::Dtor(name)))
            }
            _ => self.invalid(),
        }
    }

    fn operator_name(&mut self) -> R {
        let c1 = self.next();
        let c2 = self.next();
        if c1 == b'v' && c2.is_ascii_digit() {
            let name = self.source_name()?;
            return Ok(self.add(Node::ExtendedOperator(c2 - b'0', name)));
        }
        if c1 == b'c' && c2 == b'v' {
            let was_conversion = self.is_conversion;
            self.is_conversion = !self.is_expression;
            let ty = self.type_();
            let conversion = self.is_conversion;
            self.is_conversion = was_conversion;
            let ty = ty?;
            return Ok(self.add(if conversion {
                Node::Conversion(ty)
            } else {
                Node::Cast(ty)
            }));
        }
        let op = tables::operator([c1, c2]).ok_or(Stop::Invalid)?;
        Ok(self.add(Node::Operator(op)))
    }

    fn local_name(&mut self) -> R {
        self.expect(b'Z')?;
        // The encoding before its requires-clause moves (see below).
        let function = self.descend(|p| p.encoding_inner(false))?;
        self.expect(b'E')?;
        let name = if self.eat(b's') {
            self.discriminator()?;
            self.add(Node::Name("string literal"))
        } else {
            let default_arg = if self.eat(b'd') {
                Some(self.compact_number()?)
            } else {
                None
            };
            let name = self.name()?;
            if !matches!(self.node(name), Node::Lambda(..) | Node::UnnamedType(_)) {
                self.discriminator()?;
            }
            match default_arg {
                Some(num) => self.add(Node::DefaultArg(num, name)),
                None => name,
            }
        };
        // The containing function's return type would read as the local
        // entity's: it is dropped.
        if let Node::TypedName(_, ftype) = self.node(function) {
            if let Node::FunctionType(_, args) = self.node(ftype) {
                self.nodes[ftype as usize] = Node::FunctionType(None, args);
            }
        }
        let function = self.move_template_constraints(function);
        Ok(self.add(Node::LocalName(function, name)))
    }

    /// `<closure-type-name> ::= Ul [<template-head>] <lambda-sig> E
    /// [<number>] _` (libiberty `d_lambda`; the head since GNU 2.44).
    fn lambda(&mut self) -> R {
        self.advance(2);
        let head = self.template_head()?;
        let mut params = self.parmlist()?;
        if let Some(first) = head {
            params = self.add(Node::TemplateHead(first, Some(params)));
        }
        self.expect(b'E')?;
        let num = self.compact_number()?;
        Ok(self.add(Node::Lambda(params, num)))
    }

    /// `<template-head> ::= <template-param-decl>+`: the first declaration,
    /// each linked to the next, or none (libiberty `d_template_head`).
    fn template_head(&mut self) -> Result<Option<Id>, Stop> {
        let mut decls = Vec::new();
        while let Some(decl) = self.template_param_decl()? {
            decls.push(decl);
        }
        // Linked from the last, so that each holds its successor.
        let mut next = None;
        for decl in decls.into_iter().rev() {
            next = Some(self.link_param_decl(decl, next));
        }
        Ok(next)
    }

    /// `<template-param-decl> ::= Ty | Tn <type> | Tt <template-head> E |
    /// Tp <template-param-decl>` (libiberty `d_template_parm`); `None` where
    /// the next is not one (`T_` is a parameter reference).
    fn template_param_decl(&mut self) -> Result<Option<Node<'a>>, Stop> {
        if self.peek() != b'T' {
            return Ok(None);
        }
        let decl = match self.peek_next() {
            b'y' => {
                self.advance(2);
                Node::TypeParm(None)
            }
            b'n' => {
                self.advance(2);
                Node::NonTypeParm(self.type_()?, None)
            }
            b't' => {
                self.advance(2);
                let head = self.template_head()?.ok_or(Stop::Invalid)?;
                self.expect(b'E')?;
                let head = self.add(Node::TemplateHead(head, None));
                Node::TemplateTemplateParm(head, None)
            }
            b'p' => {
                self.advance(2);
                let inner = self.template_param_decl()?.ok_or(Stop::Invalid)?;
                let inner = self.link_param_decl(inner, None);
                Node::PackParm(inner, None)
            }
            _ => return Ok(None),
        };
        Ok(Some(decl))
    }

    /// A parameter declaration, added with `next` as its successor.
    fn link_param_decl(&mut self, decl: Node<'a>, next: Option<Id>) -> Id {
        self.add(match decl {
            Node::TypeParm(_) => Node::TypeParm(next),
            Node::NonTypeParm(ty, _) => Node::NonTypeParm(ty, next),
            Node::TemplateTemplateParm(head, _) => Node::TemplateTemplateParm(head, next),
            Node::PackParm(inner, _) => Node::PackParm(inner, next),
            other => other,
        })
    }

    /// `<unnamed-enum> ::= Ue <underlying type> <first enumerator's
    /// source-name>`, a substitution candidate (libiberty `d_unnamed_enum`,
    /// GNU 2.46).
    fn unnamed_enum(&mut self) -> R {
        self.advance(2);
        let underlying = self.type_()?;
        let name = self.source_name()?;
        let id = self.add(Node::UnnamedEnum(underlying, name));
        self.add_sub(id)?;
        Ok(id)
    }

    fn unnamed_type(&mut self) -> R {
        self.advance(2);
        let num = self.compact_number()?;
        Ok(self.add(Node::UnnamedType(num)))
    }

    fn substitution(&mut self, prefix: bool) -> R {
        self.expect(b'S')?;
        let c = self.next();
        if c == b'_' || c.is_ascii_digit() || c.is_ascii_uppercase() {
            let mut id: u32 = 0;
            if c != b'_' {
                let mut c = c;
                loop {
                    let digit = match c {
                        b'0'..=b'9' => c - b'0',
                        b'A'..=b'Z' => c - b'A' + 10,
                        _ => return self.invalid(),
                    };
                    id = id
                        .checked_mul(36)
                        .and_then(|v| v.checked_add(u32::from(digit)))
                        .ok_or(Stop::Invalid)?;
                    c = self.next();
                    if c == b'_' {
                        break;
                    }
                }
                id += 1;
            }
            return self.subs.get(id as usize).copied().ok_or(Stop::Invalid);
        }
        let sub = STD_SUBSTITUTIONS
            .iter()
            .find(|s| s.code == c)
            .ok_or(Stop::Invalid)?;
        let verbose = self.verbose || (prefix && matches!(self.peek(), b'C' | b'D'));
        if let Some(last) = sub.last_name {
            self.last_name = Some(self.add(Node::StdName(last)));
        }
        let mut dc = self.add(Node::StdName(if verbose { sub.verbose } else { sub.terse }));
        if self.peek() == b'B' {
            // With ABI tags the abbreviation becomes a candidate.
            dc = self.abi_tags(dc)?;
            self.add_sub(dc)?;
        }
        Ok(dc)
    }

    fn special_name(&mut self) -> R {
        if self.eat(b'T') {
            let kind = match self.next() {
                b'V' => Special::Vtable,
                b'T' => Special::Vtt,
                b'I' => Special::Typeinfo,
                b'S' => Special::TypeinfoName,
                b'F' => Special::TypeinfoFn,
                b'J' => Special::JavaClass,
                b'h' => {
                    self.call_offset(b'h')?;
                    let e = self.encoding(false)?;
                    return Ok(self.add(Node::Special(Special::Thunk, e)));
                }
                b'v' => {
                    self.call_offset(b'v')?;
                    let e = self.encoding(false)?;
                    return Ok(self.add(Node::Special(Special::VirtualThunk, e)));
                }
                b'c' => {
                    let c = self.next();
                    self.call_offset(c)?;
                    let c = self.next();
                    self.call_offset(c)?;
                    let e = self.encoding(false)?;
                    return Ok(self.add(Node::Special(Special::CovariantThunk, e)));
                }
                b'C' => {
                    let derived = self.type_()?;
                    if self.number()? < 0 {
                        return self.invalid();
                    }
                    self.expect(b'_')?;
                    let base = self.type_()?;
                    return Ok(self.add(Node::ConstructionVtable(base, derived)));
                }
                b'H' | b'W' => {
                    let kind = if self.input[self.pos - 1] == b'H' {
                        Special::TlsInit
                    } else {
                        Special::TlsWrapper
                    };
                    let name = self.name()?;
                    return Ok(self.add(Node::Special(kind, name)));
                }
                b'A' => {
                    let arg = self.template_arg()?;
                    return Ok(self.add(Node::Special(Special::TemplateParamObject, arg)));
                }
                _ => return self.invalid(),
            };
            let ty = self.type_()?;
            return Ok(self.add(Node::Special(kind, ty)));
        }
        if self.eat(b'G') {
            return match self.next() {
                b'V' => {
                    let name = self.name()?;
                    Ok(self.add(Node::Special(Special::Guard, name)))
                }
                b'R' => {
                    let name = self.name()?;
                    let num = self.number()?;
                    let num = self.add(Node::Number(num));
                    Ok(self.add(Node::ReferenceTemporary(name, num)))
                }
                b'A' => {
                    let e = self.encoding(false)?;
                    Ok(self.add(Node::Special(Special::HiddenAlias, e)))
                }
                b'r' => self.java_resource(),
                // `GI <module-name>`: a module's initializer (GNU 2.44).
                b'I' => {
                    let module = self.module_name(None)?.ok_or(Stop::Invalid)?;
                    Ok(self.add(Node::ModuleInit(module)))
                }
                b'T' => {
                    let kind = if self.next() == b'n' {
                        Special::NonTransactionClone
                    } else {
                        Special::TransactionClone
                    };
                    let e = self.encoding(false)?;
                    Ok(self.add(Node::Special(kind, e)))
                }
                _ => self.invalid(),
            };
        }
        self.invalid()
    }

    /// `Gr <length> _ <name>`, the name with `$S` for `/`, `$_` for `.` and
    /// `$$` for `$` (libiberty `d_java_resource`).
    fn java_resource(&mut self) -> R {
        let len = self.number()?;
        if len <= 1 || self.next() != b'_' {
            return self.invalid();
        }
        let mut len = len - 1;
        let mut name: Option<Id> = None;
        while len > 0 {
            let piece = if self.peek() == b'$' {
                let escaped = match self.peek_next() {
                    b'S' => "/",
                    b'_' => ".",
                    b'$' => "$",
                    _ => return self.invalid(),
                };
                self.advance(2);
                len -= 2;
                Node::Name(escaped)
            } else {
                let start = self.pos;
                let rest = &self.input[start..];
                let run = rest
                    .iter()
                    .take(usize::try_from(len).unwrap_or(usize::MAX))
                    .position(|&b| b == b'$')
                    .unwrap_or_else(|| rest.len().min(usize::try_from(len).unwrap_or(usize::MAX)));
                if run == 0 || !self.text.is_char_boundary(start + run) {
                    return self.invalid();
                }
                self.pos += run;
                len -= run as i64;
                Node::Name(&self.text[start..start + run])
            };
            let piece = self.add(piece);
            name = Some(match name {
                Some(prev) => self.add(Node::Compound(prev, piece)),
                None => piece,
            });
        }
        let name = name.ok_or(Stop::Invalid)?;
        Ok(self.add(Node::JavaResource(name)))
    }

    fn call_offset(&mut self, c: u8) -> Result<(), Stop> {
        match c {
            b'h' => {
                self.number()?;
            }
            b'v' => {
                self.number()?;
                self.expect(b'_')?;
                self.number()?;
            }
            _ => return self.invalid(),
        }
        self.expect(b'_')
    }

    // ----- types -----

    fn next_is_type_qual(&self) -> bool {
        match self.peek() {
            b'r' | b'V' | b'K' => true,
            b'D' => matches!(self.peek_next(), b'x' | b'o' | b'O' | b'w'),
            _ => false,
        }
    }

    /// The qualifiers in their order (the first is the outermost), with the
    /// operand of `noexcept(...)` and `throw(...)`.
    fn cv_qualifiers(&mut self, member_fn: bool) -> Result<Vec<(Qual, Option<Id>)>, Stop> {
        let mut quals = Vec::new();
        while self.next_is_type_qual() {
            let c = self.next();
            let mut right = None;
            let q = match c {
                b'r' if member_fn => Qual::RestrictThis,
                b'r' => Qual::Restrict,
                b'V' if member_fn => Qual::VolatileThis,
                b'V' => Qual::Volatile,
                b'K' if member_fn => Qual::ConstThis,
                b'K' => Qual::Const,
                _ => match self.next() {
                    b'x' => Qual::TransactionSafe,
                    b'o' => Qual::Noexcept,
                    b'O' => {
                        right = Some(self.expression()?);
                        self.expect(b'E')?;
                        Qual::Noexcept
                    }
                    b'w' => {
                        right = Some(self.parmlist()?);
                        self.expect(b'E')?;
                        Qual::ThrowSpec
                    }
                    _ => return self.invalid(),
                },
            };
            quals.push((q, right));
        }
        if !member_fn && self.peek() == b'F' {
            for (q, _) in &mut quals {
                *q = match *q {
                    Qual::Restrict => Qual::RestrictThis,
                    Qual::Volatile => Qual::VolatileThis,
                    Qual::Const => Qual::ConstThis,
                    other => other,
                };
            }
        }
        Ok(quals)
    }

    fn wrap_quals(&mut self, quals: &[(Qual, Option<Id>)], mut inner: Id) -> Id {
        for &(q, right) in quals.iter().rev() {
            inner = self.add(Node::Qual(q, inner, right));
        }
        inner
    }

    fn type_(&mut self) -> R {
        self.descend(Self::type_inner)
    }

    fn type_inner(&mut self) -> R {
        if self.next_is_type_qual() {
            let quals = self.cv_qualifiers(false)?;
            let inner = if self.peek() == b'F' {
                // Qualifiers before a function type are its `this`'s; the
                // unqualified function type is no candidate.
                self.function_type()?
            } else {
                self.type_()?
            };
            let ret = match self.node(inner) {
                // The ref-qualifier goes outside the cv-qualifiers. GNU
                // moves it in place: where `inner` came from a substitution,
                // every use of it gets the qualifiers too.
                Node::Qual(q @ (Qual::ReferenceThis | Qual::RvalueReferenceThis), f, None) => {
                    let wrapped = self.wrap_quals(&quals, f);
                    self.nodes[inner as usize] = Node::Qual(q, wrapped, None);
                    inner
                }
                _ => self.wrap_quals(&quals, inner),
            };
            self.add_sub(ret)?;
            return Ok(ret);
        }
        let peek = self.peek();
        if let Some(code) = tables::builtin_code(peek) {
            self.advance(1);
            return Ok(self.add(Node::Builtin(code)));
        }
        let ret = match peek {
            b'u' => {
                self.advance(1);
                let name = self.source_name()?;
                self.add(Node::VendorType(name))
            }
            b'F' => self.function_type()?,
            b'A' => self.array_type()?,
            b'M' => self.ptrmem_type()?,
            b'T' => {
                let mut ret = self.template_param()?;
                if self.peek() == b'I' {
                    if !self.is_conversion {
                        self.add_sub(ret)?;
                        let args = self.template_args()?;
                        ret = self.add(Node::Template(ret, args));
                    } else {
                        // In a conversion operator's type the arguments
                        // may be the operator's own: take them only if
                        // another argument list follows.
                        // A trial that fails (it may refer to candidates
                        // not made yet) is only backtracked, as libiberty's
                        // is (cplus_demangle_type, `case 'T'`).
                        let checkpoint =
                            (self.pos, self.nodes.len(), self.subs.len(), self.last_name);
                        let args = match self.template_args() {
                            Err(Stop::Invalid) if self.peek() != b'I' => None,
                            result => Some(result?),
                        };
                        if let (Some(args), b'I') = (args, self.peek()) {
                            self.add_sub(ret)?;
                            ret = self.add(Node::Template(ret, args));
                        } else {
                            self.pos = checkpoint.0;
                            self.nodes.truncate(checkpoint.1);
                            self.subs.truncate(checkpoint.2);
                            self.last_name = checkpoint.3;
                        }
                    }
                }
                ret
            }
            b'O' | b'P' | b'R' | b'C' | b'G' => {
                self.advance(1);
                let inner = self.type_()?;
                self.add(match peek {
                    b'O' => Node::RvalueReference(inner),
                    b'P' => Node::Pointer(inner),
                    b'R' => Node::Reference(inner),
                    b'C' => Node::Complex(inner),
                    _ => Node::Imaginary(inner),
                })
            }
            // cplus_demangle_type: `U` and a letter is a closure type or an
            // unnamed enum as a type (GNU 2.46), a digit a vendor qualifier.
            b'U' if !self.peek_next().is_ascii_digit() => self.unqualified_name()?,
            b'U' => {
                self.advance(1);
                let mut qual = self.source_name()?;
                if self.peek() == b'I' {
                    let args = self.template_args()?;
                    qual = self.add(Node::Template(qual, args));
                }
                let ty = self.type_()?;
                self.add(Node::VendorQual(ty, qual))
            }
            b'D' => {
                self.advance(1);
                let code = match self.next() {
                    b'T' | b't' => {
                        let e = self.expression()?;
                        self.expect(b'E')?;
                        let ret = self.add(Node::Decltype(e));
                        self.add_sub(ret)?;
                        return Ok(ret);
                    }
                    b'p' => {
                        let inner = self.type_()?;
                        let ret = self.add(Node::PackExpansion(inner));
                        self.add_sub(ret)?;
                        return Ok(ret);
                    }
                    b'a' => return Ok(self.add(Node::Name("auto"))),
                    b'c' => return Ok(self.add(Node::Name("decltype(auto)"))),
                    // `DB`/`DU <number or expression> _`: Clang's `_BitInt(N)`,
                    // which GNU 2.47 refuses; read as LLVM 19's demangler
                    // reads it, which makes it no substitution candidate.
                    b'B' | b'U' => {
                        let signed = self.input[self.pos - 1] == b'B';
                        let size = if self.peek().is_ascii_digit() {
                            let start = self.pos;
                            while self.peek().is_ascii_digit() {
                                self.advance(1);
                            }
                            self.add(Node::Name(&self.text[start..self.pos]))
                        } else {
                            self.expression()?
                        };
                        self.expect(b'_')?;
                        return Ok(self.add(Node::BitInt(size, signed)));
                    }
                    b'f' => tables::DECIMAL32,
                    b'd' => tables::DECIMAL64,
                    b'e' => tables::DECIMAL128,
                    b'h' => tables::HALF,
                    b'u' => tables::CHAR8,
                    b's' => tables::CHAR16,
                    b'i' => tables::CHAR32,
                    b'n' => tables::NULLPTR,
                    b'F' => {
                        let n = self.number()?;
                        if self.peek() == b'b' {
                            if n != 16 {
                                return self.invalid();
                            }
                            self.advance(1);
                            tables::BFLOAT16
                        } else {
                            let x = self.peek() == b'x';
                            if !x && self.peek() != b'_' {
                                return self.invalid();
                            }
                            self.advance(1);
                            return Ok(self.add(Node::FloatN(n as u32, x)));
                        }
                    }
                    b'v' => {
                        let ret = self.vector_type()?;
                        self.add_sub(ret)?;
                        return Ok(ret);
                    }
                    _ => return self.invalid(),
                };
                return Ok(self.add(Node::Builtin(code)));
            }
            b'S' => {
                let next = self.peek_next();
                if next.is_ascii_digit() || next == b'_' || next.is_ascii_uppercase() {
                    let sub = self.substitution(false)?;
                    // d_name (through d_class_enum_type): a module from a
                    // substitution names the entity that follows, which is
                    // a candidate, as is its template.
                    let name = match self.node(sub) {
                        Node::ModuleName(..) => self.unqualified_name_in(Some(sub))?,
                        _ if self.peek() != b'I' => return Ok(sub),
                        _ => sub,
                    };
                    if self.peek() != b'I' {
                        name
                    } else {
                        if name != sub {
                            self.add_sub(name)?;
                        }
                        let args = self.template_args()?;
                        self.add(Node::Template(name, args))
                    }
                } else {
                    let ret = self.name()?;
                    if let Node::StdName(_) = self.node(ret) {
                        return Ok(ret);
                    }
                    ret
                }
            }
            _ => self.name()?,
        };
        self.add_sub(ret)?;
        Ok(ret)
    }

    fn function_type(&mut self) -> R {
        self.descend(|p| {
            p.expect(b'F')?;
            // `Y`: extern "C", not shown.
            p.eat(b'Y');
            let mut ret = p.bare_function_type(true)?;
            match p.peek() {
                b'R' => {
                    p.advance(1);
                    ret = p.add(Node::Qual(Qual::ReferenceThis, ret, None));
                }
                b'O' => {
                    p.advance(1);
                    ret = p.add(Node::Qual(Qual::RvalueReferenceThis, ret, None));
                }
                _ => {}
            }
            p.expect(b'E')?;
            Ok(ret)
        })
    }

    fn bare_function_type(&mut self, mut has_return: bool) -> R {
        if self.eat(b'J') {
            has_return = true;
        }
        let ret = if has_return {
            Some(self.type_()?)
        } else {
            None
        };
        let params = self.parmlist()?;
        Ok(self.add(Node::FunctionType(ret, Some(params))))
    }

    /// Parameter types up to `E`, `.` or the end; a lone `void` is none.
    fn parmlist(&mut self) -> R {
        let mut list = ListBuilder::new(false);
        loop {
            let peek = self.peek();
            if matches!(peek, 0 | b'E' | b'.' | b'Q') {
                break;
            }
            if matches!(peek, b'R' | b'O') && self.peek_next() == b'E' {
                // A ref-qualifier of the function itself.
                break;
            }
            let ty = self.type_()?;
            self.list_push(&mut list, ty);
        }
        match list.first {
            None => self.invalid(),
            Some(only)
                if list.len == 1
                    && matches!(self.node(only), Node::Builtin(b) if b == b'v' - b'a') =>
            {
                Ok(self.add(Node::ArgList(None, None)))
            }
            Some(_) => Ok(self.list_finish(list)),
        }
    }

    /// Append `item` to a list being built, as GNU's linked cells.
    fn list_push(&mut self, list: &mut ListBuilder, item: Id) {
        let cell = self.add(if list.template {
            Node::TemplateArgList(Some(item), None)
        } else {
            Node::ArgList(Some(item), None)
        });
        match list.last {
            Some(last) => {
                self.nodes[last as usize] = match self.node(last) {
                    Node::TemplateArgList(i, _) => Node::TemplateArgList(i, Some(cell)),
                    Node::ArgList(i, _) => Node::ArgList(i, Some(cell)),
                    other => other,
                }
            }
            None => {
                list.head = Some(cell);
                list.first = Some(item);
            }
        }
        list.last = Some(cell);
        list.len += 1;
    }

    /// The list built, or an empty one.
    fn list_finish(&mut self, list: ListBuilder) -> Id {
        list.head.unwrap_or_else(|| {
            self.add(if list.template {
                Node::TemplateArgList(None, None)
            } else {
                Node::ArgList(None, None)
            })
        })
    }

    fn array_type(&mut self) -> R {
        self.expect(b'A')?;
        let peek = self.peek();
        let dim = if peek == b'_' {
            None
        } else if peek.is_ascii_digit() {
            let start = self.pos;
            while self.peek().is_ascii_digit() {
                self.advance(1);
            }
            Some(self.add(Node::Name(&self.text[start..self.pos])))
        } else {
            Some(self.expression()?)
        };
        self.expect(b'_')?;
        let elem = self.type_()?;
        Ok(self.add(Node::ArrayType(dim, elem)))
    }

    fn vector_type(&mut self) -> R {
        let dim = if self.eat(b'_') {
            self.expression()?
        } else {
            let n = self.number()?;
            self.add(Node::Number(n))
        };
        self.expect(b'_')?;
        let elem = self.type_()?;
        Ok(self.add(Node::VectorType(dim, elem)))
    }

    fn ptrmem_type(&mut self) -> R {
        self.expect(b'M')?;
        let class = self.type_()?;
        let member = self.type_()?;
        Ok(self.add(Node::PtrMem(class, member)))
    }

    fn template_param(&mut self) -> R {
        self.expect(b'T')?;
        let n = self.compact_number()?;
        Ok(self.add(Node::TemplateParam(n)))
    }

    fn template_args(&mut self) -> R {
        if !matches!(self.peek(), b'I' | b'J') {
            return self.invalid();
        }
        self.advance(1);
        self.template_args_1()
    }

    fn template_args_1(&mut self) -> R {
        // The arguments must not change the name a later constructor takes.
        let hold_last_name = self.last_name;
        if self.eat(b'E') {
            return Ok(self.add(Node::TemplateArgList(None, None)));
        }
        let mut list = ListBuilder::new(true);
        loop {
            let arg = self.template_arg()?;
            self.list_push(&mut list, arg);
            if matches!(self.peek(), b'E' | b'Q') {
                break;
            }
        }
        let mut args = self.list_finish(list);
        // `Q <constraint-expression>` (d_maybe_constraints, GNU 2.44).
        if self.eat(b'Q') {
            let expr = self.expression()?;
            args = self.add(Node::Constraints(args, expr));
        }
        self.expect(b'E')?;
        self.last_name = hold_last_name;
        Ok(args)
    }

    fn template_arg(&mut self) -> R {
        match self.peek() {
            b'X' => {
                self.advance(1);
                let e = self.expression()?;
                self.expect(b'E')?;
                Ok(e)
            }
            b'L' => self.expr_primary(),
            b'I' | b'J' => self.template_args(),
            _ => self.type_(),
        }
    }

    // ----- expressions -----

    fn expression(&mut self) -> R {
        let was_expression = self.is_expression;
        self.is_expression = true;
        let ret = self.expression_1();
        self.is_expression = was_expression;
        ret
    }

    fn expression_1(&mut self) -> R {
        self.descend(Self::expression_inner)
    }

    fn expression_inner(&mut self) -> R {
        let peek = self.peek();
        let next = self.peek_next();
        match (peek, next) {
            (b'L', _) => return self.expr_primary(),
            (b'T', _) => return self.template_param(),
            (b's', b'r') => {
                self.advance(2);
                let next = self.peek();
                // GNU does not check the scope: where it fails to parse,
                // the name is read from where the scope stopped, and
                // printed without a scope.
                let lenient = |scope: R| match scope {
                    Err(Stop::Invalid) => Ok(None),
                    other => other.map(Some),
                };
                let ty = if self.unresolved_names
                    && (next.is_ascii_digit()
                        || next.is_ascii_lowercase()
                        || matches!(next, b'C' | b'U' | b'L'))
                {
                    // `sr <qualifier levels> E <name>`, which an older
                    // mangling wrote without the `E`: this reading first,
                    // the older one if the whole name fails (see `retry`).
                    self.tried_unresolved_names = true;
                    let scope = lenient(self.prefix(false))?;
                    self.eat(b'E');
                    scope
                } else {
                    lenient(self.type_())?
                };
                let name = self.unqualified_name()?;
                let qualified = match ty {
                    Some(ty) => self.add(Node::QualName(ty, name)),
                    None => name,
                };
                if self.peek() != b'I' {
                    return Ok(qualified);
                }
                // The arguments apply to the whole qualified name (which
                // then prints in parentheses as an operand).
                let args = self.template_args()?;
                return Ok(self.add(Node::Template(qualified, args)));
            }
            (b's', b'p') => {
                self.advance(2);
                let e = self.expression_1()?;
                return Ok(self.add(Node::PackExpansion(e)));
            }
            (b'f', b'p') => {
                self.advance(2);
                let index = if self.eat(b'T') {
                    0
                } else {
                    self.compact_number()?.checked_add(1).ok_or(Stop::Invalid)?
                };
                return Ok(self.add(Node::FunctionParam(index)));
            }
            (b'0'..=b'9', _) | (b'o', b'n') => {
                if peek == b'o' {
                    self.advance(2);
                }
                let name = self.unqualified_name()?;
                if self.peek() != b'I' {
                    return Ok(name);
                }
                let args = self.template_args()?;
                return Ok(self.add(Node::Template(name, args)));
            }
            (b'i' | b't', b'l') => {
                self.advance(2);
                // A type that does not parse is left out, and the list read
                // on: libiberty does not check it (d_expression_1, `tl`).
                let ty = if peek == b't' {
                    match self.type_() {
                        Err(Stop::Invalid) => None,
                        result => Some(result?),
                    }
                } else {
                    None
                };
                if self.peek() == 0 || self.peek_next() == 0 {
                    return self.invalid();
                }
                let list = self.exprlist(b'E')?;
                return Ok(self.add(Node::InitializerList(ty, list)));
            }
            // `u <source-name> <template-args>`: a vendor extended
            // expression (`__alignof__(int)`, d_expression_1, GNU 2.44).
            (b'u', _) => {
                self.advance(1);
                let name = self.source_name()?;
                let args = self.template_args_1()?;
                return Ok(self.add(Node::VendorExpr(name, args)));
            }
            _ => {}
        }
        let op = self.operator_name()?;
        let mut code = None;
        let args = match self.node(op) {
            Node::Operator(i) => {
                let info = tables::operator_info(i);
                code = Some(info.code);
                if info.code == *b"st" {
                    let ty = self.type_()?;
                    return Ok(self.add(Node::Unary(op, ty)));
                }
                info.args
            }
            Node::ExtendedOperator(args, _) => args,
            Node::Cast(_) => 1,
            _ => return self.invalid(),
        };
        match args {
            0 => Ok(self.add(Node::Nullary(op))),
            1 => {
                let mut suffix = false;
                if let Some(c) = code {
                    if (c[0] == b'p' || c[0] == b'm') && c[1] == c[0] {
                        // `pp_`/`mm_` are the prefix forms.
                        suffix = !self.eat(b'_');
                    }
                }
                let is_cast = matches!(self.node(op), Node::Cast(_));
                let mut operand = if is_cast && self.eat(b'_') {
                    self.exprlist(b'E')?
                } else if code == Some(*b"sP") {
                    self.template_args_1()?
                } else {
                    self.expression_1()?
                };
                if suffix {
                    operand = self.add(Node::BinaryArgs(Some(operand), Some(operand)));
                }
                Ok(self.add(Node::Unary(op, operand)))
            }
            2 => {
                let code = code.ok_or(Stop::Invalid)?;
                let left = if matches!(&code, b"dc" | b"sc" | b"cc" | b"rc") {
                    self.type_()?
                } else if code[0] == b'f' {
                    self.operator_name()?
                } else if code == *b"di" {
                    self.unqualified_name()?
                } else {
                    self.expression_1()?
                };
                let right = if code == *b"cl" {
                    self.exprlist(b'E')?
                } else if code == *b"dt" || code == *b"pt" {
                    let (p, n) = (self.peek(), self.peek_next());
                    if (p == b'g' && n == b's') || (p == b's' && n == b'r') {
                        self.expression_1()?
                    } else {
                        let mut name = self.unqualified_name()?;
                        if self.peek() == b'I' {
                            let args = self.template_args()?;
                            name = self.add(Node::Template(name, args));
                        }
                        name
                    }
                } else {
                    self.expression_1()?
                };
                let args = self.add(Node::BinaryArgs(Some(left), Some(right)));
                Ok(self.add(Node::Binary(op, args)))
            }
            3 => {
                let code = code.ok_or(Stop::Invalid)?;
                let (first, second, third);
                if code == *b"qu" || code == *b"dX" {
                    first = Some(self.expression_1()?);
                    second = Some(self.expression_1()?);
                    third = Some(self.expression_1()?);
                } else if code[0] == b'f' {
                    first = Some(self.operator_name()?);
                    second = Some(self.expression_1()?);
                    third = Some(self.expression_1()?);
                } else if code[0] == b'n' {
                    first = Some(self.exprlist(b'_')?);
                    second = Some(self.type_()?);
                    // An initializer that does not parse is dropped, and the
                    // parse goes on from where it stopped: libiberty makes
                    // the new-expression's TRINARY_ARG2 with a NULL right
                    // (d_expression_1), and prints `new T` without it.
                    let dropped = |result: R| match result {
                        Err(Stop::Invalid) => Ok(None),
                        result => result.map(Some),
                    };
                    third = if self.eat(b'E') {
                        None
                    } else if self.peek() == b'p' && self.peek_next() == b'i' {
                        self.advance(2);
                        dropped(self.exprlist(b'E'))?
                    } else if self.peek() == b'i' && self.peek_next() == b'l' {
                        dropped(self.expression_1())?
                    } else {
                        return self.invalid();
                    };
                } else {
                    return self.invalid();
                }
                let arg2 = self.add(Node::TrinaryArg2(second, third));
                let arg1 = self.add(Node::TrinaryArg1(first, arg2));
                Ok(self.add(Node::Trinary(op, arg1)))
            }
            _ => self.invalid(),
        }
    }

    fn exprlist(&mut self, terminator: u8) -> R {
        if self.eat(terminator) {
            return Ok(self.add(Node::ArgList(None, None)));
        }
        let mut list = ListBuilder::new(false);
        loop {
            let item = self.expression_1()?;
            self.list_push(&mut list, item);
            if self.eat(terminator) {
                break;
            }
            if self.peek() == 0 {
                return self.invalid();
            }
        }
        Ok(self.list_finish(list))
    }

    fn expr_primary(&mut self) -> R {
        self.expect(b'L')?;
        let ret = if matches!(self.peek(), b'_' | b'Z') {
            self.mangled_name(false)?
        } else {
            let ty = self.type_()?;
            if let Node::Builtin(tables::NULLPTR) = self.node(ty) {
                if self.eat(b'E') {
                    return Ok(ty);
                }
            }
            let negative = self.eat(b'n');
            let start = self.pos;
            while self.peek() != b'E' {
                if self.peek() == 0 {
                    return self.invalid();
                }
                self.advance(1);
            }
            // GNU makes no name of nothing: a literal needs a value.
            if self.pos == start {
                return self.invalid();
            }
            let digits = self.add(Node::Name(&self.text[start..self.pos]));
            self.add(Node::Literal(ty, digits, negative))
        };
        self.expect(b'E')?;
        Ok(ret)
    }
}
