//! The one-pass printer: the grammar's builder (`super::grammar`) that
//! prints each production as it is read, with no tree, for
//! [`super::demangle_itanium`]'s speed.
//!
//! For most real symbols the text GNU's printer makes from the tree
//! (`super::print`) is a concatenation in reading order: `PKc` is
//! `char const*`, and each back reference (`S_`, `T_`) repeats text printed
//! before. This builder prints as the grammar reads, keeping each
//! substitution candidate and template argument as a [`Span`] of its
//! output, so it builds no tree and walks nothing twice. Where GNU's
//! declarators put a modifier inside a type read before it
//! (`void (*)(int)`), the modifier is inserted at the place the type's
//! [`Shape`] keeps for it (`shapes.rs`).
//!
//! It refuses (`Err`) wherever GNU's printer does more than this, as the
//! grammar says at each such place: expressions other than unresolved
//! names, mangled names (`L_Z ... E`, a function template's return type
//! moved before its name at once) and `!`, `-`, `+`, `~`, `&` on them,
//! a special name as a literal, pointers to members of
//! modified function types, vendor types, lambdas with template heads or
//! with parameters a pending modifier changes ([`LambdaGuard`]), qualifiers
//! on qualified or reference types,
//! a lambda's `auto` parameter referred to where its argument holds a
//! lambda, names so long or deep that a limit could matter, and the other
//! rare shapes. The tree then reads the name from the start, so what is
//! printed never depends on this builder having taken it. `cargo test`
//! checks that the two agree on every fixture symbol (`tests.rs`), and the
//! fuzz target on whatever it finds (`crate::parse` takes the tree).
//!
//! `mod.rs` holds the reader's state and its text; `build.rs` what it
//! makes of each production; `shapes.rs` GNU's declarators; `scopes.rs`
//! GNU's saved template scopes.

use std::cell::RefCell;

use super::ast::Qual;
use super::grammar::productions::Productions;
use super::grammar::{Grammar, NameInfo, Stop};
use super::tables;
use crate::options::Options;
use crate::outcome::Sink;
use scopes::{Saved, SavedScope};

mod build;
mod scopes;
mod shapes;

/// How a printed type ends, for the modifiers put on it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(in crate::gnu) enum Shape {
    /// A name, a builtin or a literal.
    Plain,
    /// `const`, `volatile` or `restrict` on a type.
    Qualified,
    Pointer,
    Reference,
    RvalueReference,
    /// A reference printed as the reference it refers to (GNU's reference
    /// smashing), which a further reference would print differently.
    Smashed,
    /// The same of a reference to a function or array type (`void (&)()`
    /// under `&&`): no modifier goes on it here, and where GNU prints a
    /// name inside the declarator (a function template's return type) it
    /// is the tree's, as a [`Shape::Declarator`] is.
    SmashedDeclarator,
    /// A function or array type, `ret (params)` or `elem [dim]`, or `ret
    /// (mods)(params)` and `elem (mods) [dim]` once a modifier is on it:
    /// the next modifier goes `slot` bytes into its text (before the `)` of
    /// the group, or where the group goes while there is none); `outer` is
    /// the outermost modifier's code (`P`, `R`, `O`, `K`), 0 for none.
    Declarator {
        slot: u16,
        grouped: bool,
        outer: u8,
        array: bool,
    },
    /// A template argument pack: its arguments are `Reader::elements[first..first + len]`.
    Pack {
        first: u16,
        len: u16,
    },
    /// Read inside a pack expansion: GNU prints it for whichever element
    /// it is at, so it is never repeated here.
    Expansion,
}

/// A declarator's `slot` for an offset into its text, [`NO_SLOT`] where the
/// text is too long for one (a modifier on it then goes to the tree).
fn slot_of(offset: u32) -> u16 {
    u16::try_from(offset).unwrap_or(NO_SLOT)
}

const NO_SLOT: u16 = u16::MAX;

/// GNU's printer clears its pending modifiers (`dpi->modifiers`) for a
/// template and for a function type's parameters, but not for a lambda's
/// (`d_print_comp`, `DEMANGLE_COMPONENT_LAMBDA`). Under a pending modifier
/// (`const&` on a closure type), a parameter that is a function or array
/// type prints that modifier in its group (`{lambda(int const (&)
/// [3])#1}`), and one whose outermost qualifier is pending already loses
/// it (`{lambda(int)#1} const&` for `RKZ1fvEUlKiE_`). Other parameters
/// print as anywhere else (`{lambda(int const*)#1} const&`). So a lambda
/// read under a pending modifier with such a parameter, a lambda in its
/// parameters, and, once a lambda with such a parameter has been printed,
/// a text with a lambda in it repeated under a pending modifier, go to the
/// tree.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LambdaGuard {
    None,
    /// A lambda's parameter list is next, read under no pending modifier
    /// or under one.
    Next,
    NextPending,
    /// In the parameters of a lambda read under a pending modifier.
    Within,
}

/// A piece of text printed: a substitution candidate, a template argument
/// or a type just read. Candidates whose text a later modifier would
/// change (function types, dropped return types) live in `Reader::side`.
///
/// A template parameter (`T_`) prints the argument of the template in
/// scope where it is printed, and as `auto:N` in a lambda's parameters: a
/// text with one in it is repeated only in the encoding that printed it
/// (`params_scope`, 0 for a text with none), outside lambdas, and read
/// again in another (see [`Reader::reread`]).
///
/// Sixteen bytes, so that a [`Step`] of one is returned in registers: the
/// scope and whether the text lives in `Reader::side` share a `u16`.
#[derive(Clone, Copy)]
pub(in crate::gnu) struct Span {
    start: u32,
    end: u32,
    shape: Shape,
    /// `params_scope` in the low bits, [`Span::SIDE`] above them.
    scope_side: u16,
}

const _: () = assert!(std::mem::size_of::<Step<Span>>() == 16);

impl Span {
    /// The text is in `Reader::side`.
    const SIDE: u16 = 1 << 15;

    fn params_scope(self) -> u16 {
        self.scope_side & !Self::SIDE
    }

    fn side(self) -> bool {
        self.scope_side & Self::SIDE != 0
    }

    /// The same span, of text in `Reader::side` from `start` to `end`.
    fn aside(self, start: u32, end: u32) -> Span {
        Span {
            start,
            end,
            scope_side: self.scope_side | Self::SIDE,
            ..self
        }
    }
}

/// A substitution candidate: its text, what it is as a name, and where
/// a type's mangling is in the input (`from..to`; `to` 0 for a name), to
/// read it again where its text would differ (see [`Reader::reread`]).
#[derive(Clone, Copy)]
pub(in crate::gnu) struct Candidate {
    span: Span,
    info: NameInfo,
    from: u32,
    to: u32,
}

/// The `params_scope` of a text printed in a lambda's parameters with a
/// template parameter in it, as `auto:N`, in no encoding's scope: GNU
/// prints the node again where it is referred to, `auto:N` in a lambda's
/// parameters (where a back reference reads it again, see
/// [`Reader::reread`]) and by the template in scope elsewhere (where it is
/// the tree's).
const LAMBDA_PARAMETERS: u16 = Span::SIDE - 1;

/// Nesting of types read at most.
const MAX_NESTING: u32 = 48;

/// Gives up: the tree reads this name.
type Step<T = ()> = Result<T, Stop>;

/// A name printed: the qualifiers of a member function's `this`, printed
/// after its parameters: `const` (`N K ... E`), then a ref-qualifier
/// (`N [K] R ... E`, `N [K] O ... E`); a set of [`Name::CONST`] and
/// [`Name::LVALUE`] or [`Name::RVALUE`]. And what GNU's node at its top
/// is, where an operand's printing depends on it (`d_print_subexpr`, the
/// address of a function): [`Name::OTHER`] where that does not matter or
/// is not known.
#[derive(Clone, Copy, Default)]
pub(in crate::gnu) struct Name {
    /// The `this` qualifiers in the low bits, the kind above them (one
    /// byte: names are passed everywhere in the hot paths).
    bits: u8,
}

impl Name {
    const CONST: u8 = 1;
    const LVALUE: u8 = 2;
    const RVALUE: u8 = 4;
    const THIS: u8 = 7;

    /// Any other node (a template, a local name, a tagged name...).
    const OTHER: u8 = 0;
    /// A source name (`DEMANGLE_COMPONENT_NAME`).
    const PLAIN: u8 = 1 << 3;
    /// A qualified name (`DEMANGLE_COMPONENT_QUAL_NAME`).
    const QUALIFIED: u8 = 2 << 3;
    /// A function whose name is a qualified name and that has no `this`
    /// qualifier: `&` of it prints the name alone.
    const QUALIFIED_FUNCTION: u8 = 3 << 3;
    /// The operator `&` (`ad`).
    const ADDRESS_OF: u8 = 4 << 3;

    const fn of_kind(kind: u8) -> Name {
        Name { bits: kind }
    }

    const fn this(self) -> u8 {
        self.bits & Name::THIS
    }

    const fn kind(self) -> u8 {
        self.bits & !Name::THIS
    }

    /// The name with `this` qualifier `bit` too.
    const fn with_this(self, bit: u8) -> Name {
        Name {
            bits: self.bits | bit,
        }
    }

    /// The name as another kind of node (around it), its `this`
    /// qualifiers kept.
    const fn as_kind(self, kind: u8) -> Name {
        Name {
            bits: self.this() | kind,
        }
    }

    /// The qualifiers of `this`, as GNU prints them, in its order.
    fn this_qualifiers(self) -> impl Iterator<Item = Qual> {
        [
            (Name::CONST, Qual::ConstThis),
            (Name::LVALUE, Qual::ReferenceThis),
            (Name::RVALUE, Qual::RvalueReferenceThis),
        ]
        .into_iter()
        .filter(move |&(bit, _)| self.this() & bit != 0)
        .map(|(_, qual)| qual)
    }
}

/// Where a production began: the output's length, and the template
/// parameters printed so far.
#[derive(Clone, Copy)]
pub(in crate::gnu) struct Mark {
    start: u32,
    since: u32,
    /// Where in the input the production began.
    input: u32,
}

struct Reader<'a, 'b> {
    /// The input: the whole symbol, `_Z` and all.
    text: &'a str,
    pos: usize,
    /// The text and lists (see [`Buffers`]).
    buf: &'b mut Buffers,
    /// Where the outermost function template's return type goes: its
    /// name's start, the return type's start and end, moved there when the
    /// text is taken ([`Reader::write`]).
    return_type: Option<(u32, u32, u32)>,
    /// `T_` looks from here in `Buffers::args`.
    args_base: usize,
    /// Whether `T_` may be read: in a signature whose name is a template.
    in_signature: bool,
    /// In a lambda's parameters, where GNU prints `T_` as `auto:N`.
    in_lambda: bool,
    /// The modifiers GNU's printer holds pending over what is being read
    /// (`dpi->modifiers`: qualifiers, pointers and references, an array,
    /// a function type over its return type). It clears them for a
    /// template's arguments and a function's parameters, but not for a
    /// lambda's: see [`LambdaGuard`].
    modifiers: u32,
    /// A lambda's parameters (see [`LambdaGuard`]).
    lambda_guard: LambdaGuard,
    /// Whether a lambda has been printed with a parameter that a pending
    /// modifier changes ([`LambdaGuard`]).
    lambda_changed_by_modifiers: bool,
    /// Whether a lambda has been printed: only then may a repeated text
    /// hold one.
    lambda_printed: bool,
    /// Whether a text with a lambda in it is the tree's, were it repeated
    /// (see [`Reader::reread`]).
    no_lambda_repeated: bool,
    /// Where the output ended when a `, ` was last taken back (see
    /// [`Reader::last`]).
    comma_taken_back: Option<u32>,
    /// Printing a pack expansion's pattern for this element.
    expanding: Option<u32>,
    /// The length of the first pack the pattern refers to (GNU's
    /// `d_find_pack`).
    pack_len: Option<u32>,
    /// Whether candidates are recorded: not while a pattern is printed
    /// again for the next element.
    recording: bool,
    /// libiberty's `last_name`: what a constructor or destructor prints.
    last_name: Option<&'a str>,
    /// Where the text [`Reader::reread`] read last is in the output (none
    /// before any): an operand that holds it is the tree's.
    reread_at: (u32, u32),
    /// Where the encoding being read began, its return type's place.
    encoding_start: u32,
    /// The builtin type of the literal being read (see
    /// `Grammar::literal_type`).
    literal_builtin: Option<u8>,
    /// Where the last unresolved name without arguments, or name of a
    /// variable as a literal, was printed: an operand GNU prints without
    /// parentheses (`d_print_subexpr`).
    simple_operand: (u32, u32),
    /// Where the last function with a qualified name was printed as a
    /// literal, and where its parameters begin: `&` of it prints the name
    /// alone (see [`Name::QUALIFIED_FUNCTION`]).
    address_drops: (u32, u32, u32),
    /// Where the parameters of the last function of a qualified name
    /// began (see [`Name::QUALIFIED_FUNCTION`]).
    typed_at: u32,
    /// Reading the encoding of a literal (`L _Z <encoding> E`): a
    /// function template's return type goes before its name at once (see
    /// [`Reader::put_return_type_first`]).
    in_literal: bool,
    /// Template parameters printed so far (repeats of texts with one
    /// count too): a text has one if the count moved while it printed.
    params_printed: u32,
    /// Reading text in which a saved scope is not restored, and text in
    /// which none saved is trusted (see [`SavedScope::trusted`]): how many
    /// such readings are open.
    no_restore: u16,
    untrusted: u16,
    /// The reference last printed with a scope saved or restored, its
    /// text's place, and whether a scope has been restored at all, for
    /// [`Reader::smashed`].
    last_reference: (u32, u32, Saved),
    restored: bool,
    /// The encoding being read, and the number of encodings begun.
    scope: u16,
    scopes: u16,
    /// The `params_scope` of a text printed here: `scope`, or in a
    /// lambda's parameters [`LAMBDA_PARAMETERS`].
    text_scope: u16,
    nesting: u32,
    /// How deep GNU's printer would be here, at most (see [`Reader::deeper`]),
    /// and the deepest so far.
    depth: u32,
    deepest: u32,
    /// The deepest before the last text repeated: where
    /// [`Reader::restore_scope`] takes that text back, GNU never printed
    /// it.
    deepest_before_repeat: u32,
    verbose: bool,
}

/// The reader's text and lists, kept per thread between names, so that
/// reading allocates nothing but the text it gives.
struct Buffers {
    out: String,
    /// Text of candidates no longer in `out` as they were.
    side: String,
    /// The substitution candidates.
    subs: Vec<Candidate>,
    /// The template arguments of the encodings being read, innermost
    /// last; `T_` looks from `Reader::args_base`.
    args: Vec<Span>,
    /// The arguments of the packs among `args`.
    elements: Vec<Span>,
    /// The template parameters' nodes a reference was printed on
    /// ([`Reader::reference_on`]).
    saved_scopes: Vec<SavedScope>,
}

impl Buffers {
    const EMPTY: Buffers = Buffers {
        out: String::new(),
        side: String::new(),
        subs: Vec::new(),
        args: Vec::new(),
        elements: Vec::new(),
        saved_scopes: Vec::new(),
    };
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = const { RefCell::new(Buffers::EMPTY) };
}

/// Whether `options` print names the way this reader does: parameters,
/// return types, template arguments and clone suffixes shown (the caller
/// checks the format).
pub(crate) fn takes(options: &Options) -> bool {
    options.params && options.return_type && options.templates && options.suffixes
}

/// The text of `symbol` (a `_Z` name) as GNU prints it with parameters,
/// return types, template arguments and clone suffixes shown (`verbose`:
/// the full names of `std::string` and the like), if it has one of the
/// shapes read here and its text is within `limit` bytes and nests less
/// than `max_depth`; its text appended to `into`
/// (`false`, and nothing appended, for a name the tree reads).
/// `text` holds no NUL: GNU reads a C string, and the caller looks
/// (`gnu::read_one_pass`, the dispatcher's `version_split`). A name that is
/// no UTF-8 never comes here: the tree refuses it.
pub(crate) fn demangle_into(
    text: &str,
    verbose: bool,
    limit: usize,
    max_depth: u32,
    into: &mut impl Sink,
) -> bool {
    if !text.starts_with("_Z") {
        return false;
    }
    debug_assert!(!text.contains('\0'));
    BUFFERS.with_borrow_mut(|buf| {
        let mut reader = Reader::new(text, verbose, buf);
        let read = reader.mangled_name(true).is_ok()
            && reader.at_end()
            && reader.buf.out.len() <= limit
            && reader.deepest + 64 <= max_depth;
        if read {
            reader.write(into);
        }
        read
    })
}

impl<'a, 'b> Reader<'a, 'b> {
    fn new(text: &'a str, verbose: bool, buf: &'b mut Buffers) -> Self {
        buf.out.clear();
        buf.side.clear();
        buf.subs.clear();
        buf.args.clear();
        buf.elements.clear();
        buf.saved_scopes.clear();
        Reader {
            text,
            pos: 0,
            buf,
            return_type: None,
            args_base: 0,
            in_signature: false,
            in_lambda: false,
            modifiers: 0,
            lambda_guard: LambdaGuard::None,
            lambda_changed_by_modifiers: false,
            lambda_printed: false,
            no_lambda_repeated: false,
            comma_taken_back: None,
            expanding: None,
            pack_len: None,
            recording: true,
            last_name: None,
            reread_at: (u32::MAX, 0),
            encoding_start: 0,
            literal_builtin: None,
            simple_operand: (u32::MAX, 0),
            address_drops: (u32::MAX, 0, 0),
            typed_at: 0,
            in_literal: false,
            params_printed: 0,
            no_restore: 0,
            untrusted: 0,
            last_reference: (u32::MAX, 0, Saved::Nothing),
            restored: false,
            scope: 0,
            scopes: 0,
            text_scope: 0,
            nesting: 0,
            depth: 0,
            deepest: 0,
            deepest_before_repeat: 0,
            verbose,
        }
    }

    /// The text read, with the outermost return type moved before its
    /// name.
    fn write(&self, into: &mut impl Sink) {
        let out = self.buf.out.as_str();
        into.reserve_for(out.len() + 1);
        let Some((name, start, end)) = self.return_type else {
            return into.put(out);
        };
        let (name, start, end) = (name as usize, start as usize, end as usize);
        into.put(&out[..name]);
        into.put(&out[start..end]);
        into.put(" ");
        into.put(&out[name..start]);
        into.put(&out[end..]);
    }

    // ----- printing -----

    fn push(&mut self, text: &str) {
        self.buf.out.push_str(text);
    }

    /// The qualifiers of a member function's `this`, after its parameters.
    #[inline(never)]
    fn print_this_qualifiers(&mut self, name: Name) {
        for qual in name.this_qualifiers() {
            self.push(qual.spelling().unwrap_or_default());
        }
    }

    /// The last character GNU's printer remembers (`last_char`, which
    /// decides `> >` and `operator< <`): the last one printed, or the space
    /// of a `, ` taken back after an empty pack (see `Grammar::list_ends`) while
    /// nothing has been printed since.
    fn last(&self) -> u8 {
        if self.comma_taken_back == Some(self.here()) {
            return b' ';
        }
        self.buf.out.as_bytes().last().copied().unwrap_or(0)
    }

    fn here(&self) -> u32 {
        self.buf.out.len() as u32
    }

    fn mark_here(&self) -> Mark {
        Mark {
            start: self.here(),
            since: self.params_printed,
            input: self.pos as u32,
        }
    }

    /// `levels` deeper (negative: back up). A bound on the nesting of
    /// GNU's printer (`Printer::comp`), and of its parser, for the limit
    /// on recursion: a type a few levels, each item of a list and each part
    /// of a nested name one more (its lists and names are chains), and a
    /// text printed again at most as deep as it is long.
    /// (Where the depth only grows on the way to a type, the deepest is
    /// taken there: see [`Reader::deepest_here`].)
    fn deeper(&mut self, levels: i32) {
        self.depth = self.depth.wrapping_add_signed(levels);
    }

    /// Note the depth here as the deepest if it is.
    fn deepest_here(&mut self) {
        self.deepest = self.deepest.max(self.depth);
    }

    /// No operand noted (see `simple_operand`, `address_drops`).
    fn forget_operands(&mut self) {
        self.simple_operand = (u32::MAX, 0);
        self.address_drops = (u32::MAX, 0, 0);
    }

    /// The text from `start` to here, of `shape`; `since`: the template
    /// parameters printed before it.
    fn span(&self, start: u32, since: u32, shape: Shape) -> Span {
        Span {
            start,
            end: self.here(),
            shape,
            scope_side: if self.params_printed != since {
                self.text_scope
            } else {
                0
            },
        }
    }

    /// After `scope` or `in_lambda` changed.
    fn scope_changed(&mut self) {
        self.text_scope = if self.in_lambda {
            LAMBDA_PARAMETERS
        } else {
            self.scope
        };
    }

    /// `T_` (argument `n`) in a lambda's parameters, `auto:N`: its text,
    /// and that of what holds it there, is never repeated as it is
    /// ([`LAMBDA_PARAMETERS`]).
    #[cold]
    fn auto_parameter(&mut self, mark: Mark, n: u32) -> Span {
        self.params_printed += 1;
        super::spell::auto_parameter(self, n);
        self.span(mark.start, mark.since, Shape::Plain)
    }

    /// The text `span` printed.
    fn printed(&self, span: Span) -> &str {
        let range = span.start as usize..span.end as usize;
        if span.side() {
            &self.buf.side[range]
        } else {
            &self.buf.out[range]
        }
    }

    /// Print again what `span` printed, as a back reference does.
    fn repeat(&mut self, span: Span) -> Step<Span> {
        // Back references can double the text at each level: the tree
        // reports that against the output limit.
        if span.shape == Shape::Expansion || self.buf.out.len() > 1 << 16 {
            return Err(Stop::Invalid);
        }
        if self.lambda_printed
            && (self.no_lambda_repeated
                || self.lambda_changed_by_modifiers
                    && (self.modifiers > 0 || self.lambda_guard != LambdaGuard::None))
            && self.printed(span).contains(tables::LAMBDA_OPEN)
        {
            return Err(Stop::Invalid);
        }
        let params = span.params_scope() != 0;
        if params {
            if span.params_scope() != self.scope || self.in_lambda {
                return Err(Stop::Invalid);
            }
            self.params_printed += 1;
        }
        self.deepest_before_repeat = self.deepest;
        self.deepest = self.deepest.max(self.depth + (span.end - span.start) + 8);
        let start = self.here();
        let since = self.params_printed - u32::from(params);
        let range = span.start as usize..span.end as usize;
        if span.side() {
            self.buf.out.push_str(&self.buf.side[range]);
        } else {
            self.buf.out.extend_from_within(range);
        }
        Ok(self.span(start, since, span.shape))
    }

    /// Read the type `sub` again, here, with no candidates recorded: its
    /// text has a template parameter printed in another encoding or as
    /// `auto:N`, or it is referred to in a lambda's parameters, and GNU
    /// prints the node again where it is referred to, each parameter by
    /// the template in scope there or as `auto:N` (d_print_comp,
    /// `DEMANGLE_COMPONENT_TEMPLATE_PARAM`), as reading it here does.
    ///
    /// A reference right on a template parameter, in the type or on it,
    /// prints that parameter by the scope where a reference on it was
    /// first printed (`d_get_saved_scope`), which
    /// [`Reader::reference_on`] looks up here as anywhere. The place of
    /// the text read is kept (`reread_at`) for an operand put in
    /// parentheses. Not a type with a local name, a closure or a pack
    /// expansion in it, whose reading keeps state of its own; nor anywhere
    /// [`Reader::repeat`] would not repeat it.
    ///
    /// A text printed in a lambda's parameters and read again outside them
    /// looks its parameters up: an argument that holds a lambda may hold
    /// the node itself, which GNU refuses to print inside itself
    /// (`d_printing`), and such arguments are the tree's (see
    /// [`Reader::repeat`]).
    #[cold]
    #[inline(never)]
    fn reread(&mut self, sub: Candidate) -> Step<Span> {
        let outside_lambda = sub.span.params_scope() == LAMBDA_PARAMETERS && !self.in_lambda;
        let hold = self.no_lambda_repeated;
        self.no_lambda_repeated |= outside_lambda;
        let read = self.reread_type(sub);
        self.no_lambda_repeated = hold;
        read
    }

    /// [`Reader::reread`]'s reading.
    fn reread_type(&mut self, sub: Candidate) -> Step<Span> {
        let (from, to) = (sub.from as usize, sub.to as usize);
        let mangling = self.text.as_bytes().get(from..to).unwrap_or_default();
        // Conservatively by its bytes: `Z` (a local name), `U` (a closure)
        // and `Dp`.
        let stateful = mangling.iter().any(|&b| matches!(b, b'Z' | b'U'))
            || mangling.windows(2).any(|pair| pair == b"Dp");
        if mangling.is_empty()
            || stateful
            || self.expanding.is_some()
            || sub.span.shape == Shape::Expansion
            || self.buf.out.len() > 1 << 16
        {
            return Err(Stop::Invalid);
        }
        let (pos, recording, last_name) = (self.pos, self.recording, self.last_name);
        let literal_builtin = self.literal_builtin;
        self.pos = from;
        self.recording = false;
        let read = self.type_();
        let end = self.pos;
        self.pos = pos;
        self.recording = recording;
        self.last_name = last_name;
        self.literal_builtin = literal_builtin;
        let span = read?;
        if end != to {
            return Err(Stop::Invalid);
        }
        self.reread_at = (span.start, span.end);
        Ok(span)
    }

    /// A substitution candidate, the text from `mark` to here, which is
    /// `info` as a name, and a type if `is_type` (libiberty
    /// `d_add_substitution`, with the tree's bound).
    fn add_sub(&mut self, mark: Mark, shape: Shape, info: NameInfo, is_type: bool) -> Step {
        if !self.recording {
            return Ok(());
        }
        if self.buf.subs.len() >= self.text.len() {
            return Err(Stop::Invalid);
        }
        let (start, since) = (mark.start, mark.since);
        let mut span = self.span(start, since, shape);
        if self.expanding.is_some() {
            span.shape = Shape::Expansion;
        } else if let Shape::Declarator { .. } = shape {
            // A modifier put on it later changes this text in `out`.
            let base = self.buf.side.len() as u32;
            self.buf
                .side
                .push_str(&self.buf.out[start as usize..span.end as usize]);
            span = span.aside(base, self.buf.side.len() as u32);
        }
        let (from, to) = if is_type {
            (mark.input, self.pos as u32)
        } else {
            (0, 0)
        };
        self.buf.subs.push(Candidate {
            span,
            info,
            from,
            to,
        });
        Ok(())
    }

    /// Take the text from `start` out of the output, keeping the
    /// candidates in it (a local name's function's return type, read and
    /// not printed).
    fn drop_from(&mut self, start: u32) {
        let base = self.buf.side.len() as u32;
        self.buf.side.push_str(&self.buf.out[start as usize..]);
        for Candidate { span: sub, .. } in self
            .buf
            .subs
            .iter_mut()
            .filter(|c| !c.span.side() && c.span.start >= start)
        {
            *sub = sub.aside(sub.start - start + base, sub.end - start + base);
        }
        self.buf.out.truncate(start as usize);
    }

    /// Print the return type just read (from `ret` to here) and a space
    /// before the name that begins at `name`, as GNU prints a function
    /// template's signature, moving what points into either text: the
    /// candidates, the template arguments and the noted operands. Done at
    /// once for an encoding inside a literal, which later text may be
    /// inserted before (the outermost encoding's waits, see
    /// [`Reader::write`]).
    #[cold]
    #[inline(never)]
    fn put_return_type_first(&mut self, name: u32, ret: u32) {
        let end = self.here();
        let (name_len, ret_len) = (ret - name, end - ret);
        // A text that begins in the name moves after the return type and
        // space; one that begins in the return type moves to the name's
        // place.
        let moved = |start: u32| match start {
            _ if start < name || start >= end => 0,
            _ if start < ret => (ret_len + 1) as i64,
            _ => -(name_len as i64),
        };
        let shift = |span: &mut Span| {
            if !span.side() {
                let by = moved(span.start);
                span.start = (span.start as i64 + by) as u32;
                span.end = (span.end as i64 + by) as u32;
            }
        };
        let buf = &mut *self.buf;
        buf.subs.iter_mut().for_each(|c| shift(&mut c.span));
        buf.args.iter_mut().for_each(shift);
        buf.elements.iter_mut().for_each(shift);
        let text = format!("{} ", &buf.out[ret as usize..]);
        buf.out.truncate(ret as usize);
        buf.out.insert_str(name as usize, &text);
        for noted in [&mut self.simple_operand, &mut self.reread_at] {
            let by = moved(noted.0);
            if by != 0 {
                *noted = ((noted.0 as i64 + by) as u32, (noted.1 as i64 + by) as u32);
            }
        }
        if self.address_drops.0 >= name && self.address_drops.0 < end {
            self.address_drops = (u32::MAX, 0, 0);
        }
        // What the printer last printed is the name's end now.
        if self.comma_taken_back.is_some_and(|at| at >= name) {
            self.comma_taken_back = None;
        }
    }

    /// Insert `text` at `at`, moving the candidates after it.
    fn insert(&mut self, at: u32, text: &str) {
        let n = text.len() as u32;
        self.buf.out.insert_str(at as usize, text);
        for Candidate { span: sub, .. } in self
            .buf
            .subs
            .iter_mut()
            .filter(|c| !c.span.side() && c.span.start >= at)
        {
            sub.start += n;
            sub.end += n;
        }
    }
}

impl super::spell::Text for Reader<'_, '_> {
    fn put(&mut self, text: &str) {
        self.push(text);
    }

    fn last_char(&self) -> u8 {
        self.last()
    }
}

#[cfg(test)]
mod tests;
