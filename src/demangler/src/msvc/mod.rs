//! Microsoft C++ names (`?foo@@YAXH@Z`, `??0Foo@@QEAA@XZ`), demangled as
//! LLVM 19's `llvm-undname` demangles them: a port of LLVM's
//! MicrosoftDemangle.cpp ([`parse`]) and MicrosoftDemangleNodes.cpp
//! ([`print`]) over a tree of its node classes ([`ast`]).
//!
//! Functions, variables, vftables and vbtables, RTTI descriptors, thunks,
//! templates (`$M` auto parameters, `$$Q` rvalue references, `$$R`...),
//! back references, anonymous namespaces, string literals (`??_C@_...`),
//! MD5 names (`??@...@`), every calling convention, 32- and 64-bit. As in
//! LLVM, what follows a complete name is ignored.
//!
//! The options map onto LLVM's `MSDF_*` flags: `return_type=false` is
//! `MSDF_NoReturnType`; `verbose=false` is `MSDF_NoCallingConvention |
//! MSDF_NoAccessSpecifier | MSDF_NoMemberType`; `params=false` is all of
//! those and `MSDF_NoVariableType`, and leaves out the function's own
//! parameter list and qualifiers too (LLVM has no flag for that; c++filt's
//! `-p` does it to C++ names).

mod ast;
mod parse;
mod print;
mod tables;
#[cfg(test)]
mod tests;

use crate::error::Error;
use crate::options::Options;
use crate::outcome::{Outcome, Structure};
use crate::symbol::{Kind, Language, Parts};
use print::*;

use std::cell::Cell;

/// The most nodes a thread keeps between calls.
const KEPT_NODES: usize = 1 << 12;

thread_local! {
    /// The parser's tree, kept per thread between calls.
    static NODES: Cell<Vec<ast::Node<'static>>> = const { Cell::new(Vec::new()) };
    /// Its lists and texts.
    static SIDE: Cell<ast::Side> = Cell::new(ast::Side::default());
}

/// `nodes`, emptied, as a list of nodes of another text, in the same
/// allocation: collecting a `Vec`'s own iterator into elements of the same
/// size reuses its buffer, and there is no element to map.
fn recycle<'a, 'b>(mut nodes: Vec<ast::Node<'a>>) -> Vec<ast::Node<'b>> {
    nodes.clear();
    nodes.into_iter().map(|_| unreachable!()).collect()
}

/// Whether `symbol` is taken for a Microsoft name in the default format:
/// it starts with `?`, which no other scheme's names do.
pub(crate) fn is_msvc_name(symbol: &[u8]) -> bool {
    symbol.first() == Some(&b'?')
}

/// Read a Microsoft name; where the outcome wants them, what it names and
/// where its parts are (marked by the printer as it prints them).
pub(crate) fn demangle_microsoft<O: Outcome>(symbol: &[u8], options: &Options) -> Result<O, Error> {
    let (text, structure, _) = demangle_marked(symbol, options, O::STRUCTURED)?;
    Ok(O::new(text, Language::Cxx, structure))
}

/// The Microsoft name at the start of `text` and how many bytes of it the
/// name is, as LLVM's `microsoftDemangle` reports what it read (`n_read`):
/// for names in running text, which go on past the name.
pub(crate) fn demangle_prefix(text: &[u8], options: &Options) -> Result<(String, usize), Error> {
    demangle_marked(text, options, false).map(|(name, _, read)| (name, read))
}

/// Demangle the Microsoft name `symbol` (a `.` typeinfo string too), as
/// `llvm-undname` does with one argument: what follows a complete name is
/// ignored.
#[cfg(test)]
pub(crate) fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
    demangle_marked(symbol, options, false).map(|(text, _, _)| text)
}

/// [`demangle`], and with `structured`, what the name names and its parts;
/// and how many bytes of `symbol` the name is.
fn demangle_marked(
    symbol: &[u8],
    options: &Options,
    structured: bool,
) -> Result<(String, Structure, usize), Error> {
    if symbol.is_empty() {
        return Err(Error::Empty);
    }
    if !matches!(symbol[0], b'?' | b'.') {
        return Err(Error::NotMangled);
    }
    let limit = options.output_limit(symbol.len());
    // A panic (caught further up) drops the buffer: the next call makes a
    // new one.
    let buffers = (recycle(NODES.take()), SIDE.take());
    let mut parser = parse::Parser::new(symbol, options.recursion(), limit, buffers);
    let result = print_tree(&mut parser, options, structured);
    let nodes = std::mem::take(&mut parser.nodes);
    let side = std::mem::take(&mut parser.side);
    // Kept only at the size of real names: a huge one's tree is freed.
    if nodes.capacity() <= KEPT_NODES && side.small() {
        NODES.set(recycle(nodes));
        SIDE.set(side);
    }
    result
}

/// The text of what `parser` reads, and with `structured` its parts; and
/// how many bytes it read.
fn print_tree(
    parser: &mut parse::Parser<'_>,
    options: &Options,
    structured: bool,
) -> Result<(String, Structure, usize), Error> {
    let limit = options.output_limit(parser.input_len());
    let root = parser.parse();
    let root = match root {
        Some(root) if !parser.error => root,
        _ if parser.too_deep => return Err(Error::TooDeep),
        _ if parser.too_long => return Err(Error::OutputTooLong { limit }),
        _ => return Err(Error::Malformed),
    };
    let mut printer = Printer::new(&parser.nodes, &parser.side, flags(options), limit);
    if structured {
        printer.marks = Some(Marks::default());
    }
    printer.node(root);
    let (text, marks) = printer
        .finish_marked()
        .ok_or(Error::OutputTooLong { limit })?;
    let text = String::from_utf8(text).map_err(|_| Error::Malformed)?;
    let structure = marks.map(|marks| {
        let kind = parser.kind(root);
        let parts = match kind {
            Kind::Function | Kind::Data => parts(marks, &text),
            _ => Parts::default(),
        };
        Box::new((kind, parts))
    });
    Ok((text, structure, parser.read()))
}

/// The parts of a function or variable from where they printed.
fn parts(marks: Marks, text: &str) -> Parts {
    let scope = marks
        .name
        .zip(marks.base)
        .and_then(|((start, _), (base, _))| {
            (base >= start + 2 && text.get(base - 2..base) == Some("::")).then(|| (start, base - 2))
        });
    Parts {
        name: marks.name,
        scope,
        base_name: marks.base,
        template_args: marks.args,
        parameters: marks.parameters,
        return_type: marks.return_type,
        qualifiers: marks.qualifiers,
        ..Parts::default()
    }
}

/// The LLVM output flags the options ask for (see the module's docs).
fn flags(options: &Options) -> Flags {
    let mut flags = 0;
    if !options.return_type {
        flags |= OF_NO_RETURN_TYPE;
    }
    if !options.verbose {
        flags |= OF_NO_CALLING_CONVENTION | OF_NO_ACCESS_SPECIFIER | OF_NO_MEMBER_TYPE;
    }
    if !options.templates {
        flags |= OF_NO_TEMPLATE_ARGS;
    }
    if !options.params {
        flags |= OF_NO_CALLING_CONVENTION
            | OF_NO_ACCESS_SPECIFIER
            | OF_NO_MEMBER_TYPE
            | OF_NO_RETURN_TYPE
            | OF_NO_VARIABLE_TYPE
            | OF_NO_PARAMETERS;
    }
    flags
}
