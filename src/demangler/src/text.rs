//! GNU c++filt's rule for a stream of text: every maximal run of symbol
//! characters that demangles is replaced by its demangling, and every other
//! byte is kept as it is. Plus this package's rule for Microsoft names,
//! which c++filt does not know, where the format takes them:
//!
//! - a name starts at a `?` at the start of a word: not after a letter, a
//!   digit, `_`, `$`, `.`, `/`, `?` or `@` (so `index.php?x@@3HA` is left
//!   alone);
//! - it is read as far as its grammar reads it (the Microsoft parser says
//!   where the name ends, as LLVM's `microsoftDemangle` reports the bytes
//!   it read), within the run of bytes a Microsoft name is made of
//!   ([`is_name_byte`]: `<lambda_1>`, `<unnamed-type-x>` included);
//! - what the name leaves of that run is kept, but for what `llvm-undname`
//!   also takes as part of the symbol and ignores: trailing `@`s (a
//!   vftable's last `@`) and a module suffix (`::<!fmt>`);
//! - a `?` that starts no name is kept, and what follows it is read as
//!   usual (by c++filt's rule), with no `?` inside the same word tried.
//!
//! And swift-demangle's rule for Swift names: in the formats that read
//! them (`swift`, `auto`), `@__swiftmacro_` starts a name too; in `swift`,
//! a run that does not demangle as a whole is searched for a Swift prefix
//! as swift-demangle's filter mode searches a line (`findMaybeMangled`:
//! `$s` after `_S` in `_S$s4main...`), and the name from there to the end
//! of the run is demangled, the bytes before it kept. (Not in `auto`: there
//! a run is one name or none, as c++filt reads it, so that `_T0` inside a
//! damaged C++ name is left alone as c++filt leaves it.)
//!
//! Every byte is looked at a bounded number of times: linear time.

use crate::dispatch::{msvc_claims, read_microsoft_prefix, read_token, swift_claims};
use crate::options::{Format, Options};

/// The prefix of the names of macro expansion buffers, which starts with
/// a byte that is not a symbol character.
const SWIFT_MACRO: &[u8] = b"@__swiftmacro_";

/// The characters c++filt takes as part of a symbol (on ELF targets).
#[inline]
pub fn is_symbol_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.')
}

/// Whether `b` may be part of a name found in text: a symbol character, or
/// one of the others a Microsoft name holds (`?@<>:!-`). Text is only ever
/// cut between such names, at a byte for which this is false.
#[inline]
pub fn is_name_byte(b: u8) -> bool {
    is_symbol_byte(b) || matches!(b, b'?' | b'@' | b'<' | b'>' | b':' | b'!' | b'-')
}

/// Whether a Microsoft name may start at a `?` after `before` (0 at the
/// start of the text): at the start of a word.
#[inline]
fn starts_word(before: u8) -> bool {
    !(before.is_ascii_alphanumeric() || matches!(before, b'_' | b'$' | b'.' | b'/' | b'?' | b'@'))
}

/// The longest Microsoft name read in running text: past it, a `?` is kept
/// as it is (c++filt's longest run, which no real name comes near).
const MICROSOFT_RUN_MAX: usize = 32766;

/// Append `text`, with every symbol in it demangled, to `out`.
///
/// ```
/// use demangler::{demangle_text, Options};
///
/// let mut out = Vec::new();
/// demangle_text(b"at 0x1 _ZN3foo3barEv+0x12 (libx.so)", &Options::default(), &mut out);
/// assert_eq!(out, b"at 0x1 foo::bar()+0x12 (libx.so)");
/// ```
pub fn demangle_text(text: &[u8], options: &Options, out: &mut Vec<u8>) {
    let microsoft = msvc_claims(b"?", options);
    let swift = swift_claims(b"$s", options);
    let swift_within = options.format == Format::Swift;
    let mut at = 0;
    while at < text.len() {
        // Up to the next symbol character, or `?` that may start a name.
        let other = text[at..]
            .iter()
            .enumerate()
            .position(|(i, &b)| {
                is_symbol_byte(b)
                    || (microsoft && b == b'?' && starts_word(before(text, at + i)))
                    || (swift && b == b'@' && text[at + i..].starts_with(SWIFT_MACRO))
            })
            .map_or(text.len(), |i| at + i);
        out.extend_from_slice(&text[at..other]);
        at = other;
        if at == text.len() {
            break;
        }
        if text[at] == b'?' {
            at += microsoft_name(&text[at..], options, out);
            continue;
        }
        let start = if text[at] == b'@' {
            at + SWIFT_MACRO.len()
        } else {
            at
        };
        let run = text[start..]
            .iter()
            .position(|&b| !is_symbol_byte(b))
            .map_or(text.len(), |i| start + i);
        let token = &text[at..run];
        match read_token::<String>(token, options) {
            Ok(name) => out.extend_from_slice(name.as_bytes()),
            Err(_) => match swift_within.then(|| swift_name_within(token)).flatten() {
                Some(from) if from > 0 => {
                    out.extend_from_slice(&token[..from]);
                    match read_token::<String>(&token[from..], options) {
                        Ok(name) => out.extend_from_slice(name.as_bytes()),
                        Err(_) => out.extend_from_slice(&token[from..]),
                    }
                }
                _ => out.extend_from_slice(token),
            },
        }
        at = run;
    }
}

/// Where the first Swift name starts in a run of symbol characters, as
/// swift-demangle's `findMaybeMangled` finds one: `_T`, or `$s`, `$S` or
/// `$e` with the `_` before it if any, followed by at least one more
/// character. The name goes to the end of the run; where it starts the run,
/// the run was tried whole, and swift-demangle tries no other.
fn swift_name_within(run: &[u8]) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum State {
        Start,
        Underscore,
        Dollar,
    }
    let mut state = State::Start;
    let mut start = 0;
    for (i, &b) in run.iter().enumerate() {
        state = match (state, b) {
            (State::Start, b'_') | (State::Dollar, b'_') | (State::Underscore, b'_') => {
                start = i;
                State::Underscore
            }
            (State::Start, b'$') | (State::Dollar, b'$') => {
                start = i;
                State::Dollar
            }
            (State::Underscore, b'$') => State::Dollar,
            (State::Underscore, b'T') | (State::Dollar, b'S' | b's' | b'e') => {
                if i + 1 < run.len() {
                    return Some(start);
                }
                State::Start
            }
            _ => State::Start,
        };
    }
    None
}

/// The byte before `at` in `text` (0 at its start).
fn before(text: &[u8], at: usize) -> u8 {
    at.checked_sub(1).map_or(0, |i| text[i])
}

/// The Microsoft name at the start of `text` (a `?` at the start of a
/// word), appended to `out`: how many bytes of `text` it took (1, the `?`
/// kept, where no name starts there).
fn microsoft_name(text: &[u8], options: &Options, out: &mut Vec<u8>) -> usize {
    let run = text
        .iter()
        .position(|&b| !is_name_byte(b))
        .unwrap_or(text.len())
        .min(MICROSOFT_RUN_MAX);
    match read_microsoft_prefix(&text[..run], options) {
        Ok((name, read)) if read > 0 => {
            out.extend_from_slice(name.as_bytes());
            let rest = &text[read..run];
            if rest.iter().all(|&b| b == b'@') || is_module_suffix(rest) {
                run
            } else {
                read
            }
        }
        _ => {
            out.push(b'?');
            1
        }
    }
}

/// `::<!module>`, which MSVC writes after a name attached to a C++20
/// module, and `llvm-undname` ignores with the rest of its argument.
fn is_module_suffix(rest: &[u8]) -> bool {
    rest.strip_prefix(b"::<!")
        .and_then(|r| r.strip_suffix(b">"))
        .is_some_and(|name| !name.is_empty() && name.iter().all(|&b| is_symbol_byte(b)))
}

/// How much of `buf` can be demangled now, when more text may follow: all
/// of it up to and including the last byte that cannot be part of a
/// symbol. What follows may be the start of a symbol that goes on in the
/// next read.
pub fn complete_prefix_len(buf: &[u8]) -> usize {
    buf.iter()
        .rposition(|&b| !is_symbol_byte(b))
        .map_or(0, |p| p + 1)
}

/// As [`complete_prefix_len`], for names of every kind: up to and
/// including the last byte that cannot be part of a Microsoft name either.
pub fn complete_names_len(buf: &[u8]) -> usize {
    buf.iter()
        .rposition(|&b| !is_name_byte(b))
        .map_or(0, |p| p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        demangle_text(text, &Options::default(), &mut out);
        out
    }

    #[test]
    fn replaces_symbols_and_keeps_everything_else() {
        assert_eq!(
            run(b"0000000000001234 T _ZN3foo3barEv\n"),
            b"0000000000001234 T foo::bar()\n"
        );
        assert_eq!(
            run(b"_ZNSt8ios_base4InitC1Ev@@GLIBCXX_3.4"),
            b"std::ios_base::Init::Init()@@GLIBCXX_3.4"
        );
        assert_eq!(run(b"main _Z3foov\t\xff_Z3barv"), b"main foo()\t\xffbar()");
        assert_eq!(run(b""), b"");
        assert_eq!(run(b"no symbols here"), b"no symbols here");
    }

    #[test]
    fn complete_prefix_stops_before_a_symbol_that_may_go_on() {
        assert_eq!(complete_prefix_len(b"T _Z3fo"), 2);
        assert_eq!(complete_prefix_len(b"T _Z3foov\n"), 10);
        assert_eq!(complete_prefix_len(b"_Z3foov"), 0);
    }

    #[test]
    fn microsoft_names_are_found_in_text() {
        assert_eq!(
            run(b"  Name: ?foo@@YAXH@Z, and ??0Foo@@QEAA@XZ)\n"),
            b"  Name: void __cdecl foo(int), and public: __cdecl Foo::Foo(void))\n".to_vec()
        );
        // A name is read as far as its grammar goes: trailing `@`s (which
        // llvm-undname ignores too) go with it, the rest is kept; a `?`
        // that starts no name is kept, and what follows it is read as usual.
        assert_eq!(
            run(b"??_7A@@6BB@@@ ?x@@3HA@tail ?x@@3HA: crashed"),
            b"const A::`vftable'{for `B'} int x@tail int x: crashed"
        );
        assert_eq!(run(b"why? _Z1fv ?? ?"), b"why? f() ?? ?");
        // An MD5 name is printed as it is, as far as its `@` (llvm-undname
        // prints `??@@` for `??@@@@@`, found by the Python API's fuzz target).
        assert_eq!(run(b"\xff??@@@@@ ??@@@@@@"), b"\xff??@@ ??@@");
        let gnu = Options {
            format: Format::GnuV3,
            ..Options::default()
        };
        let mut out = Vec::new();
        demangle_text(b"?x@@3HA", &gnu, &mut out);
        assert_eq!(out, b"?x@@3HA");
    }

    #[test]
    fn microsoft_names_are_read_whole() {
        // `<` and `>` are part of a name (lambdas, unnamed types).
        assert_eq!(
            run(b"at ??0<lambda_1>@?1???$gcd@KK@std@@YAKKK@Z@QEAA@AEBK0@Z+0x10"),
            b"at public: __cdecl `unsigned long __cdecl std::gcd<unsigned long, unsigned long>\
(unsigned long, unsigned long)'::`2'::<lambda_1>::<lambda_1>(unsigned long const &, unsigned long const &)+0x10"
                .to_vec()
        );
        assert_eq!(
            run(b"?<Dispose>@Type@Platform@@UE$AAAXXZ"),
            b"public: virtual void & __cdecl Platform::Type::<Dispose>(void)".to_vec()
        );
        // A module suffix goes with the name, as llvm-undname ignores it.
        assert_eq!(run(b"(?x@@3HA::<!fmt>)"), b"(int x)");
    }

    #[test]
    fn a_question_mark_inside_a_word_starts_no_name() {
        for text in [
            &b"GET /index.php?x@@3HA HTTP/1.1"[..],
            b"path/?x@@3HA",
            b"file.?x@@3HA",
            b"a?x@@3HA",
            b"9?x@@3HA",
            b"??x@@3HA",
        ] {
            assert_eq!(run(text), text, "{}", String::from_utf8_lossy(text));
        }
        assert_eq!(run(b"_Z1fv?x@@3HA"), b"f()?x@@3HA");
        assert_eq!(run(b"=?x@@3HA \"?x@@3HA\""), b"=int x \"int x\"");
    }

    #[test]
    fn a_long_run_is_read_in_linear_time() {
        // 1 MB of name characters, with `?` in them: c++filt's rule, once.
        let text: Vec<u8> = (0..1 << 20)
            .map(|i| if i % 7 == 0 { b'?' } else { b'a' })
            .collect();
        let start = std::time::Instant::now();
        assert_eq!(run(&text), text);
        assert!(start.elapsed().as_secs() < 20);
    }

    #[test]
    fn complete_names_stop_before_a_microsoft_name_that_may_go_on() {
        assert_eq!(complete_names_len(b"T ?foo@@Y"), 2);
        assert_eq!(complete_prefix_len(b"T ?foo@@Y"), 8);
    }

    #[test]
    fn a_leading_dot_is_kept_and_a_leading_dollar_dropped() {
        assert_eq!(run(b"._Z3foov"), b".foo()");
        assert_eq!(run(b"$_Z3foov"), b"foo()");
    }
}
