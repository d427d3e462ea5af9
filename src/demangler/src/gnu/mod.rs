//! Itanium C++ names demangled the way GNU c++filt demangles them.
//!
//! A parser of the mangling grammar ([`parse`]) builds a small tree
//! ([`ast`]); a printer ([`print`]) walks it with GNU libiberty's rules. Both
//! are written here from the ABI and from c++filt's observable behaviour, so
//! that the output is byte-identical to c++filt's (or to libstdc++'s
//! `__cxa_demangle` in that style), including what it refuses.
//!
//! Not (yet) known here, and so refused, where c++filt 2.40 demangles
//! them: lambda template heads (`[]<typename T>`), fixed-point types (`DA`,
//! `DR`) and Java resources (`Gr`); none occurs among the machine's symbols.

mod ast;
mod parse;
mod print;
mod tables;

use crate::options::GNU_MAX_MANGLED;
use crate::{Error, Options, Style};
use parse::{Parser, Stop};
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

/// Demangle `symbol`: a mangled name, or a bare type where `options` ask for
/// types.
pub(crate) fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
    let mangled = is_mangled_name(symbol);
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
    if symbol.contains(&0) {
        return Err(Error::Malformed);
    }
    let depth = options.recursion();
    let mut parser = Parser::new(text, options.params, options.is_verbose(), depth);
    let mut root = parse(&mut parser, mangled, options.params);
    if root.is_err() {
        if let Some(second) = parser.retry() {
            parser = second;
            root = parse(&mut parser, mangled, options.params);
        }
    }
    let root = match root {
        Ok(root) => root,
        Err(Stop::TooDeep) => return Err(Error::TooDeep),
        // Not a type either: to the user, not a mangled name.
        _ if !mangled => return Err(Error::NotMangled),
        Err(Stop::Invalid) if parser.ran_out() => return Err(Error::Truncated),
        Err(Stop::Invalid) => return Err(Error::Malformed),
    };
    let limit = options.output_limit(symbol.len());
    match Printer::new(&parser.nodes, limit, depth).print(root, options.return_type) {
        Printed::Text(text) => Ok(text),
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
