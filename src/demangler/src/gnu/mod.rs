//! Itanium C++ names demangled the way GNU c++filt demangles them.
//!
//! One reading of the mangling grammar ([`grammar`]: each production once,
//! named after its rule and the libiberty function it follows) builds one
//! of two things:
//!
//! - the tree ([`parse`], of [`ast`] nodes), which a printer ([`print`])
//!   walks with GNU libiberty's rules; with the productions only the tree
//!   reads (expressions, the rarer special names, modules, template heads);
//! - or the text at once ([`fast`], for the text alone): the one-pass
//!   printer of the names whose text is a concatenation in reading order,
//!   which refuses, where the grammar says so, whatever GNU's printer does
//!   more with; the tree then reads the name from its start.
//!
//! Both take the grammar's choice of production and substitution candidates
//! from [`lookahead`], its terminals (numbers, identifiers, discriminators,
//! clone suffixes, constructor and destructor codes) from [`lexemes`], its
//! tables (builtin types, operators, standard substitutions, sequence ids)
//! from [`tables`], and GNU's spellings from [`spell`] and [`ast`]. All is
//! written here from the ABI and from c++filt's observable behaviour, so
//! that the output is byte-identical to c++filt's (or to libstdc++'s
//! `__cxa_demangle` in that style), including what it refuses; `cargo
//! test` and the `demangle` fuzz target check that the two builders agree.
//!
//! Entry points: [`demangle_itanium`] for the dispatcher (any outcome),
//! [`read_one_pass`] and [`read_one_pass_into`] (the text alone, into a
//! `String` or a column), [`demangle`] (the text through the tree, for
//! Clang's blocks and the tests).

mod ast;
mod blocks;
mod fast;
mod grammar;
mod lexemes;
mod lookahead;
mod parse;
mod print;
mod spell;
mod structure;
mod tables;

use std::cell::Cell;

use crate::error::Error;
use crate::options::{Format, Options, Style, GNU_MAX_MANGLED};
use crate::outcome::{Outcome, Structure};
use crate::symbol::Language;
use ast::{Id, Node};
use grammar::{Grammar, NameInfo, Stop};
use parse::Parser;
use print::{Printed, Printer};

/// Whether GNU takes `symbol` for a mangled name (`_Z...`, or the
/// `_GLOBAL__I_`/`_GLOBAL__D_` of global constructors and destructors)
/// rather than, at most, a bare type.
fn is_mangled_name(symbol: &[u8]) -> bool {
    symbol.starts_with(b"_Z")
        || (symbol.len() > 10
            && symbol.starts_with(b"_GLOBAL_")
            && matches!(symbol[8], b'.' | b'_' | b'$')
            && matches!(symbol[9], b'I' | b'D')
            && symbol[10] == b'_')
}

/// The parser's and printer's buffers, kept per thread between calls, so
/// that a demangling allocates nothing but its result.
#[derive(Default)]
struct Scratch {
    nodes: Vec<Node<'static>>,
    subs: Vec<(Id, NameInfo)>,
    quals: Vec<(ast::Qual, Option<Id>)>,
    printer: print::Buffers,
    /// What `crate::parse` has the printer watch, once it has had one (an
    /// empty `Scratch`, which `SCRATCH.take()` leaves, allocates nothing).
    watch: Option<Box<structure::Watch>>,
}

thread_local! {
    static SCRATCH: Cell<Scratch> = Cell::new(Scratch::default());
}

/// `nodes`, emptied, as a list of nodes of another text, in the same
/// allocation: collecting a `Vec`'s own iterator into elements of the same
/// size reuses its buffer, and there is no element to map.
fn recycle<'a, 'b>(mut nodes: Vec<Node<'a>>) -> Vec<Node<'b>> {
    nodes.clear();
    nodes.into_iter().map(|_| unreachable!()).collect()
}

/// Read an Itanium name (`_Z...`), with its parts if the outcome wants them;
/// and Clang's block invocation functions (`___Z...`), which LLVM's
/// demangler reads and GNU's does not. The dispatcher runs this under the
/// one guard (`crate::guard`), after [`read_one_pass`] for the text alone.
pub(crate) fn demangle_itanium<O: Outcome>(symbol: &[u8], options: &Options) -> Result<O, Error> {
    if symbol.starts_with(b"___Z") && options.style == Style::CxxFilt {
        let text = blocks::block_invocation(symbol, options)?;
        return Ok(O::new(text, Language::Cxx, None));
    }
    let (text, structure) = read_tree(symbol, options, O::STRUCTURED)?;
    Ok(O::new(text, Language::Cxx, structure))
}

/// Demangle `symbol`: a mangled name, or a bare type where `options` ask for
/// types.
pub(crate) fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
    read_tree(symbol, options, false).map(|(text, _)| text)
}

/// The text of `symbol`, a C++ name in a common shape, by the one-pass
/// reader ([`fast`]), where `options` print it as that reader does. The
/// dispatcher decides that the name is C++ (a Rust legacy name also reads
/// as C++), and calls this before the full guard, under the bounded one
/// (`guard::bounded`): the reader nests a bounded depth. `None` for all
/// else, which [`read_tree`] then reads.
pub(crate) fn read_one_pass(symbol: &[u8], options: &Options) -> Option<String> {
    // GNU reads a C string: a NUL ends it, and the tree says how. Names
    // that are no UTF-8 are the tree's too, which refuses them.
    if memchr::memchr(0, symbol).is_some() {
        return None;
    }
    let symbol = std::str::from_utf8(symbol).ok()?;
    let mut text = String::new();
    read_one_pass_into(symbol, options, &mut text).then_some(text)
}

/// [`read_one_pass`], the text appended to `into` (nothing on `false`), of
/// a symbol the caller found no NUL in (and as text: the caller knows it
/// is UTF-8 or checks).
pub(crate) fn read_one_pass_into(
    symbol: &str,
    options: &Options,
    into: &mut impl crate::outcome::Sink,
) -> bool {
    if !(symbol.starts_with("_Z") && symbol.len() <= GNU_MAX_MANGLED && fast::takes(options)) {
        return false;
    }
    let limit = options.output_limit(symbol.len());
    crate::guard::bounded(|| {
        fast::demangle_into(
            symbol,
            options.is_verbose(),
            limit,
            options.recursion(),
            into,
        )
        .then_some(())
    })
    .is_some()
}

/// Demangle `symbol` through the tree (the parser of [`parse`], the printer
/// of [`print`]), and with `structured`, find what the name is and where
/// its parts are in the text (`crate::parse`).
pub(crate) fn read_tree(
    symbol: &[u8],
    options: &Options,
    structured: bool,
) -> Result<(String, Structure), Error> {
    let mangled = is_mangled_name(symbol);
    // `-s java` is libiberty's `java_demangle_v3`: mangled names only, with
    // parameters, never verbose, whatever the other flags say.
    let java = options.format == Format::Java;
    let options = &Options {
        types: options.types && !java,
        params: options.params || java,
        verbose: options.verbose && !java,
        ..*options
    };
    let types = options.types || options.style == Style::LibStdCxx;
    if !mangled && !types {
        return Err(Error::NotMangled);
    }
    if symbol.len() > GNU_MAX_MANGLED {
        return Err(Error::TooLongForGnu);
    }
    // GNU reads a C string: a NUL ends it, here mid-name.
    let Ok(text) = std::str::from_utf8(symbol) else {
        return Err(Error::Malformed);
    };
    if memchr::memchr(0, symbol).is_some() {
        return Err(Error::Malformed);
    }
    // A panic (caught further up) drops the buffers: the next call makes
    // new ones.
    let mut scratch = SCRATCH.take();
    let buffers = parse::Buffers {
        nodes: recycle(std::mem::take(&mut scratch.nodes)),
        subs: std::mem::take(&mut scratch.subs),
        quals: std::mem::take(&mut scratch.quals),
    };
    let depth = options.recursion();
    let mut parser = Parser::new(text, options.params, options.is_verbose(), depth, buffers);
    parser.java = java;
    let mut root = parse(&mut parser, mangled, options.params);
    if root.is_err() && parser.wants_retry() {
        parser = parser.retry();
        root = parse(&mut parser, mangled, options.params);
    }
    let result = match root {
        Ok(root) => {
            let limit = options.output_limit(symbol.len());
            print_tree(&parser, root, options, limit, structured, &mut scratch)
        }
        Err(Stop::TooDeep) => Err(Error::TooDeep),
        Err(Stop::TooComplex) => Err(Error::TooComplex),
        // Not a type either: to the user, not a mangled name.
        _ if !mangled => Err(Error::NotMangled),
        Err(Stop::Invalid) if parser.ran_out() => Err(Error::Truncated),
        Err(Stop::Invalid) => Err(Error::Malformed),
    };
    let buffers = parser.into_buffers();
    scratch.nodes = recycle(buffers.nodes);
    scratch.subs = buffers.subs;
    scratch.quals = buffers.quals;
    SCRATCH.set(scratch);
    result
}

/// The text of the tree `parser` read from `root`, within `limit` bytes,
/// with the name's parts if `structured`, by the printer of [`print`] in
/// `scratch`'s buffers.
fn print_tree(
    parser: &Parser<'_>,
    root: Id,
    options: &Options,
    limit: usize,
    structured: bool,
    scratch: &mut Scratch,
) -> Result<(String, Structure), Error> {
    let buffers = std::mem::take(&mut scratch.printer);
    let plan =
        structured.then(|| structure::plan(&parser.nodes, root, parser.dropped_function_type()));
    let java = parser.java;
    let mut printer = Printer::new(&parser.nodes, limit, options.recursion(), buffers);
    printer.java = java;
    printer.ret_postfix = java;
    printer.templates_shown = options.templates;
    printer.suffixes_shown = options.suffixes;
    printer.watch = plan
        .as_ref()
        .map(|plan| plan.watch(scratch.watch.take().unwrap_or_default()));
    let (printed, buffers, watch) = printer.print(root, options.return_type);
    scratch.printer = buffers;
    let Some(watch) = watch else {
        return text_of(printed, limit, java).map(|(text, _)| (text, None));
    };
    let read = text_of(printed, limit, java).map(|(text, whole)| {
        let parts = plan
            .filter(|_| whole)
            .map(|plan| Box::new((plan.kind, plan.parts(&watch, &text))));
        (text, parts)
    });
    scratch.watch = Some(watch);
    read
}

/// The text a printer gave, and whether it is whole; or why it gave none.
/// libiberty's text is a C string: a NUL in it, which only a Java escape
/// can print (`__U0_`: the input has none), ends it there, and the parts
/// are not found.
fn text_of(printed: Printed, limit: usize, java: bool) -> Result<(String, bool), Error> {
    match printed {
        Printed::Text(text) if !java => Ok((text, true)),
        Printed::Text(mut text) => match memchr::memchr(0, text.as_bytes()) {
            Some(nul) => {
                text.truncate(nul);
                Ok((text, false))
            }
            None => Ok((text, true)),
        },
        Printed::TooLong => Err(Error::OutputTooLong { limit }),
        Printed::TooDeep => Err(Error::TooDeep),
        Printed::Failed => Err(Error::Unprintable),
    }
}

/// The whole of `parser`'s input as a name (or a type); with parameters,
/// nothing may follow it.
fn parse(parser: &mut Parser<'_>, mangled: bool, params: bool) -> Result<ast::Id, Stop> {
    let root = if mangled {
        parser.mangled_symbol()?
    } else {
        parser.type_symbol()?
    };
    if params && !parser.at_end() {
        return Err(Stop::Invalid);
    }
    Ok(root)
}

#[cfg(test)]
mod tests;
