//! Differential fuzzing against GNU libiberty 2.47 itself: every input is
//! demangled by this package's c++filt argument path and by libiberty's
//! `cplus_demangle` as c++filt's `demangle_it` calls it, in one of
//! c++filt's formats with one of its flag sets; the two must print the same
//! bytes, except for the listed deliberate differences.
//!
//!     bash ci/build_cxxfilt.sh && bash ci/fuzz.sh SECONDS differential
//!
//! The first byte chooses the format (`auto`, `gnu-v3`, `java`, `gnat`,
//! `dlang`, `rust`: `Format::NAMES` less `none`) and the flags (`-p`, `-i`, `-t`); the rest, up to a NUL,
//! is the name (c++filt's arguments are C strings).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[cfg(libiberty)]
mod gnu {
    use std::ffi::{c_char, c_int, c_void, CStr, CString};

    #[link(name = "iberty", kind = "static")]
    extern "C" {
        fn cplus_demangle(mangled: *const c_char, options: c_int) -> *mut c_char;
        fn cplus_demangle_set_style(style: c_int) -> c_int;
    }
    extern "C" {
        fn free(p: *mut c_void);
    }

    pub const PARAMS: c_int = 1;
    pub const ANSI: c_int = 1 << 1;
    pub const VERBOSE: c_int = 1 << 3;
    pub const TYPES: c_int = 1 << 4;
    /// libiberty's style of a c++filt format name (demangle.h).
    pub fn style(name: &str) -> c_int {
        match name {
            "auto" => 1 << 8,
            "gnu-v3" => 1 << 14,
            "java" => 1 << 2,
            "gnat" => 1 << 15,
            "dlang" => 1 << 16,
            "rust" => 1 << 17,
            other => panic!("no libiberty style {other}"),
        }
    }

    /// What c++filt prints for the argument `name` (binutils' `demangle_it`).
    pub fn demangle_it(name: &[u8], style: c_int, flags: c_int) -> Vec<u8> {
        let skip = usize::from(matches!(name.first(), Some(b'.' | b'$')));
        let Ok(arg) = CString::new(&name[skip..]) else {
            return name.to_vec();
        };
        // SAFETY: a NUL-terminated string; the result is malloc'd or NULL.
        unsafe {
            cplus_demangle_set_style(style);
            let out = cplus_demangle(arg.as_ptr(), flags);
            if out.is_null() {
                return name.to_vec();
            }
            let mut text = Vec::new();
            if name[0] == b'.' {
                text.push(b'.');
            }
            text.extend_from_slice(CStr::from_ptr(out).to_bytes());
            free(out.cast());
            text
        }
    }
}

#[cfg(libiberty)]
fuzz_target!(|data: &[u8]| {
    use demangler::{demangle_argument, Error, Format, Options};

    let Some((&select, rest)) = data.split_first() else {
        return;
    };
    let name = rest.split(|&b| b == 0).next().unwrap_or_default();
    // Deliberate: a name that is not UTF-8 (only an argument can be; a
    // stream's symbols are ASCII) is left as it is here, where libiberty
    // copies its bytes into the text.
    if name.is_empty() || std::str::from_utf8(name).is_err() {
        return;
    }
    // c++filt's formats but `none` (which only echoes), in the order of
    // `Format::NAMES`, as ci/fuzz.sh writes its seeds (`msvc` is this
    // package's own, with LLVM for its reference).
    let formats = &Format::ALL[1..7];
    let which = usize::from(select) % formats.len();
    let (params, verbose, types) = (select & 0x08 == 0, select & 0x10 == 0, select & 0x20 != 0);
    let options = Options {
        format: formats[which],
        params,
        verbose,
        types,
        ..Options::default()
    };
    // Deliberate: c++filt leaves Microsoft names (`?...`) alone; `auto`
    // demangles them, as llvm-undname does.
    if name[0] == b'?' {
        return;
    }
    // Deliberate: c++filt leaves Swift names (`$s...`, `_T0...`) alone;
    // `auto` demangles them, as swift-demangle does.
    if demangler::is_swift_name(name) {
        return;
    }
    let ours = demangle_argument(name, &options);
    // Deliberate: output past the cap, nesting past the bound (libiberty
    // has none for D, a larger one elsewhere), steps past the D budget.
    if matches!(
        ours,
        Err(Error::OutputTooLong { .. } | Error::TooDeep | Error::TooComplex)
    ) {
        return;
    }
    let ours = ours
        .map(String::into_bytes)
        .unwrap_or_else(|_| name.to_vec());
    // libiberty's ada_demangle writes into a buffer of the name's length
    // plus 8 bytes, which stream attributes (`SO` is `'Output`, 5 more),
    // elaboration names (3 more) and operators (1 more) can overrun, even
    // on the way to giving up: its heap overflow is not called here
    // (c++filt prints the same text where it survives it).
    if formats[which] == Format::Gnat && ada_growth(name) > 7 {
        return;
    }
    let flags = gnu::ANSI
        | if params { gnu::PARAMS } else { 0 }
        | if verbose { gnu::VERBOSE } else { 0 }
        | if types { gnu::TYPES } else { 0 };
    let theirs = gnu::demangle_it(name, gnu::style(Format::NAMES[which + 1]), flags);
    if ours == theirs || deliberate(name, &ours, &theirs) {
        return;
    }
    // A refusal where libiberty prints is a listed difference at worst,
    // never a wrong name (such as a braced initializer whose type starts
    // and fails to parse: docs/src/accuracy.md): reported, and failed only
    // when strict (`DIFFERENTIAL_STRICT=1`). Any other difference, a name
    // printed where libiberty refuses included, always fails.
    let refused = ours == name;
    let what = if refused {
        "refused where libiberty 2.47 prints"
    } else {
        "differs from libiberty 2.47"
    };
    let report = format!(
        "{what} ({:?}, params {params}, verbose {verbose}, types {types}): {} -> ours {} / theirs {}",
        formats[which],
        String::from_utf8_lossy(name),
        String::from_utf8_lossy(&ours),
        String::from_utf8_lossy(&theirs)
    );
    if refused && !strict() {
        eprintln!("{report}");
    } else {
        panic!("{report}");
    }
});

/// Whether `name` holds `part`.
#[cfg(libiberty)]
fn has_part(name: &[u8], part: &[u8]) -> bool {
    name.windows(part.len()).any(|w| w == part)
}

/// Whether every difference fails (`DIFFERENTIAL_STRICT=1`), refusals too.
#[cfg(libiberty)]
fn strict() -> bool {
    static STRICT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *STRICT.get_or_init(|| std::env::var_os("DIFFERENTIAL_STRICT").is_some_and(|v| v == "1"))
}

/// The listed deliberate differences (README, tests): a Rust constant over
/// 64 bits printed whole; c++filt's double candidate for an unnamed type;
/// an inheriting constructor whose base type is malformed, which
/// libiberty reads on from wherever its failed parse stopped (refused
/// here, as by LLVM); and the Clang-only forms GNU refuses, printed as
/// LLVM 19 prints them (`_BitInt`, `enable_if`, block invocations).
#[cfg(libiberty)]
fn deliberate(name: &[u8], ours: &[u8], theirs: &[u8]) -> bool {
    let has = |part: &[u8]| has_part(name, part);
    // A Java escape of a code point from 0x80 to 0xff (`__U92_`): libiberty
    // writes the byte, which is not UTF-8; this package the character.
    let as_latin1 = || -> Vec<u8> {
        let text = String::from_utf8_lossy(ours);
        text.chars()
            .flat_map(|c| match u8::try_from(u32::from(c)) {
                Ok(byte) => vec![byte],
                Err(_) => c.to_string().into_bytes(),
            })
            .collect()
    };
    let long_hex = ours
        .windows(19)
        .any(|w| w.starts_with(b"0x") && w[2..].iter().all(u8::is_ascii_hexdigit));
    let refused = ours == name;
    // A length that cuts a UTF-8 character (crafted input): libiberty
    // prints the bytes, which are not UTF-8; this package refuses.
    (refused && std::str::from_utf8(theirs).is_err())
        || (has(b"__U") && as_latin1() == theirs)
        || (name.starts_with(b"_R") && long_hex)
        || has(b"Ut")
        || (refused && has(b"CI"))
        || (!refused
            && (has(b"DB") || has(b"DU") || has(b"Ua9enable_if") || name.starts_with(b"___Z")))
}

/// The most libiberty's ada_demangle may write beyond the name's length.
#[cfg(libiberty)]
fn ada_growth(name: &[u8]) -> usize {
    let count = |part: &[u8]| name.windows(part.len()).filter(|w| *w == part).count();
    let streams = name
        .windows(2)
        .filter(|w| w[0] == b'S' && b"RWIO".contains(&w[1]))
        .count();
    5 * streams + 3 * count(b"___elab") + count(b"O")
}

#[cfg(not(libiberty))]
fuzz_target!(|_data: &[u8]| {
    panic!("libiberty 2.47 is not built: run bash ci/build_cxxfilt.sh first");
});
