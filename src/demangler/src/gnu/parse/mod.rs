//! The tree: the builder of the grammar (`super::grammar`) that makes a
//! node (`super::ast::Node`) of each production, for GNU's printer
//! (`super::print`), with the same substitution candidates in the same
//! order and the same leniencies as libiberty's parser (so that what
//! c++filt accepts is accepted, and what it refuses is refused); and the
//! productions only the tree reads: expressions, the rarer special names,
//! modules, template heads, vendor types, exception specifications.

use super::ast::{Id, Node, Qual, Special};
use super::grammar::expressions::Expressions;
use super::grammar::productions::Productions;
pub(crate) use super::grammar::Stop;
use super::grammar::{Grammar, NameInfo};
use super::lexemes;
use super::tables;

mod build;
mod expressions;
mod names;
mod special;
mod types;

type R = Result<Id, Stop>;

/// The steps a name of `len` bytes may take (see `Parser::fuel`).
fn fuel_for(len: usize) -> u64 {
    (1 << 14) + 64 * len as u64
}

/// A list of argument cells being built in place, without a `Vec`.
pub(in crate::gnu) struct ListBuilder {
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

/// A parser's tree and working lists, handed from one parser to the next.
pub(crate) struct Buffers<'a> {
    pub(crate) nodes: Vec<Node<'a>>,
    pub(crate) subs: Vec<(Id, NameInfo)>,
    pub(crate) quals: Vec<(Qual, Option<Id>)>,
}

pub(crate) struct Parser<'a> {
    text: &'a str,
    input: &'a [u8],
    pos: usize,
    pub(crate) nodes: Vec<Node<'a>>,
    /// The substitution candidates, and what each is as a name.
    subs: Vec<(Id, NameInfo)>,
    /// The runs of qualifiers read and not yet put around their types (see
    /// `Parser::cv_qualifiers_run`): each on top of those of the types around.
    quals: Vec<(Qual, Option<Id>)>,
    last_name: Option<Id>,
    is_expression: bool,
    is_conversion: bool,
    /// Java's rules (see the printer's `java`): a trailing `$` on a name.
    pub(crate) java: bool,
    params: bool,
    verbose: bool,
    depth: u32,
    max_depth: u32,
    /// Steps (nested parses) left. A failed trial of a conversion
    /// operator's template arguments is read again, and such trials nest:
    /// libiberty takes time exponential in the length there (3.3 s for a
    /// crafted 443-byte name); the budget keeps every input's time linear
    /// in its length, far above what real names need.
    fuel: u64,
    ran_out: bool,
    unresolved_names: bool,
    tried_unresolved_names: bool,
    /// Without parameters, the top-level name was a function's, whose type
    /// GNU does not read.
    dropped_function_type: bool,
}

impl<'a> Parser<'a> {
    /// A parser of `text` that builds its tree in `buffers.nodes` (emptied
    /// first: buffers a parser before used, so that parsing allocates
    /// nothing).
    pub(crate) fn new(
        text: &'a str,
        params: bool,
        verbose: bool,
        max_depth: u32,
        buffers: Buffers<'a>,
    ) -> Self {
        let Buffers {
            mut nodes,
            mut subs,
            mut quals,
        } = buffers;
        nodes.clear();
        subs.clear();
        quals.clear();
        // About one node for every three bytes of a real name.
        nodes.reserve(text.len() / 3 + 8);
        subs.reserve(text.len() / 8 + 4);
        Parser {
            text,
            input: text.as_bytes(),
            pos: 0,
            nodes,
            subs,
            quals,
            last_name: None,
            is_expression: false,
            is_conversion: false,
            java: false,
            params,
            verbose,
            depth: 0,
            max_depth,
            fuel: fuel_for(text.len()),
            ran_out: false,
            unresolved_names: true,
            tried_unresolved_names: false,
            dropped_function_type: false,
        }
    }

    /// Whether a failed parse read an unresolved name in the newer way, so
    /// that libiberty reads the name again in the older (its `goto again`).
    pub(crate) fn wants_retry(&self) -> bool {
        self.tried_unresolved_names
    }

    /// A parser for that second attempt.
    pub(crate) fn retry(self) -> Self {
        let (text, params, verbose, max_depth) =
            (self.text, self.params, self.verbose, self.max_depth);
        let java = self.java;
        let mut parser = Parser::new(text, params, verbose, max_depth, self.into_buffers());
        parser.unresolved_names = false;
        parser.java = java;
        parser
    }

    /// The tree and the working lists, for the next parser.
    pub(crate) fn into_buffers(self) -> Buffers<'a> {
        Buffers {
            nodes: self.nodes,
            subs: self.subs,
            quals: self.quals,
        }
    }

    /// Whether the top-level name was a function's whose type was not read
    /// (without parameters).
    pub(crate) fn dropped_function_type(&self) -> bool {
        self.dropped_function_type
    }

    /// Whether the parse failed for want of more input.
    pub(crate) fn ran_out(&self) -> bool {
        self.ran_out
    }

    // ----- building -----

    pub(super) fn add(&mut self, node: Node<'a>) -> Id {
        self.nodes.push(node);
        (self.nodes.len() - 1) as Id
    }

    fn add_sub(&mut self, id: Id, info: NameInfo) -> Result<(), Stop> {
        if self.subs.len() >= self.input.len() {
            return self.invalid();
        }
        self.subs.push((id, info));
        Ok(())
    }

    pub(super) fn node(&self, id: Id) -> Node<'a> {
        self.nodes[id as usize]
    }

    /// The parts of one component, read in turn as libiberty reads them:
    /// each even where one before it failed to parse, where libiberty
    /// reads them all before `d_make_comp` checks them (an operator's
    /// operands in `d_expression_1`, a vendor qualifier's name, arguments
    /// and type in `cplus_demangle_type`). After a failure this parser so
    /// stands where libiberty's stops, which is where a braced initializer
    /// whose type failed, or a `new` whose initializer failed, reads on
    /// from. A stop that is no parse failure (too deep, too complex) ends
    /// the reading at once.
    pub(super) fn operands<const N: usize>(
        &mut self,
        mut parts: [&mut dyn FnMut(&mut Self) -> R; N],
    ) -> Result<[Id; N], Stop> {
        let mut ids = [0; N];
        let mut failed = false;
        for (id, part) in ids.iter_mut().zip(parts.iter_mut()) {
            match part(self) {
                Ok(read) => *id = read,
                Err(Stop::Invalid) => failed = true,
                Err(stop) => return Err(stop),
            }
        }
        if failed {
            return Err(Stop::Invalid);
        }
        Ok(ids)
    }

    /// What `read` parses, or where it fails to parse, a `Node::Null` that
    /// fails where it is printed: a part libiberty leaves NULL and does not
    /// check, reading on from where it stopped. A stop that is no parse
    /// failure (too deep, too complex) stays one.
    pub(super) fn or_null(&mut self, read: impl FnOnce(&mut Self) -> R) -> R {
        match read(self) {
            Err(Stop::Invalid) => Ok(self.add(Node::Null)),
            other => other,
        }
    }

    /// `name`, just read, with the template arguments after it (`I`), as
    /// the grammar reads them ([`Expressions::with_template_args`]).
    pub(super) fn with_args(&mut self, name: R) -> R {
        let (name, args) = self.with_template_args(name)?;
        Ok(match args {
            Some(args) => self.template_of(name, args),
            None => name,
        })
    }

    /// `f`, one level deeper: within the recursion limit and the fuel.
    pub(super) fn descend_once<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, Stop>,
    ) -> Result<T, Stop> {
        if self.depth >= self.max_depth {
            return Err(Stop::TooDeep);
        }
        if self.fuel == 0 {
            return Err(Stop::TooComplex);
        }
        self.fuel -= 1;
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }

    // ----- top level -----

    /// `<mangled-name> ::= _Z <encoding> [<clone-suffix>]*`, and GNU's
    /// global constructor and destructor names (libiberty `d_demangle_callback`
    /// and `d_make_name` for `_GLOBAL_`).
    ///
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

    /// `<type>` alone, as `c++filt -t` takes it (libiberty
    /// `d_demangle_callback` with `DCT_TYPE`).
    ///
    /// A bare type, as `c++filt -t` takes it.
    pub(crate) fn type_symbol(&mut self) -> R {
        self.type_()
    }

    /// A requires-clause mangled in the function's template arguments goes
    /// after its parameters, so that the arguments can be looked up: what
    /// libiberty's printer does to the tree when it prints a typed name
    /// (d_print_comp_inner, DEMANGLE_COMPONENT_TYPED_NAME), done here once.
    /// Elsewhere such a clause stays in its list, and a lookup in it fails,
    /// as in c++filt (`c++filt -p _Z1fIiQ1CIT_EEvv` does not demangle).
    /// (A local name's function has its return type dropped first, as the
    /// printer moves the clause only later.)
    pub(super) fn move_template_constraints(&mut self, dc: Id) -> Id {
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

    pub(super) fn strip_function_quals(&self, mut id: Id) -> Id {
        while let Node::Qual(q, inner, _) = self.node(id) {
            if !q.of_function() {
                break;
            }
            id = inner;
        }
        id
    }
}
