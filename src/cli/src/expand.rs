//! `@FILE` arguments, read as libiberty's `expandargv` reads them (c++filt
//! calls it first thing): each argument `@FILE` whose file can be read is
//! replaced by the arguments the file holds, split by `buildargv`, and
//! those are expanded in turn; one whose file cannot be opened stays as it
//! is (and so is echoed as a name).

use std::ffi::OsString;
use std::fs;

/// libiberty's `expandargv` stops after this many `@` files.
const ITERATION_LIMIT: u32 = 2000;

/// Why the arguments could not be expanded (c++filt exits with status 1).
#[derive(Debug, PartialEq, Eq)]
pub enum ExpandError {
    /// `@FILE` names a directory.
    Directory,
    /// More than [`ITERATION_LIMIT`] `@` files, as a file that names itself.
    TooMany,
}

impl std::fmt::Display for ExpandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ExpandError::Directory => "error: @-file refers to a directory",
            ExpandError::TooMany => "error: too many @-files encountered",
        })
    }
}

/// The arguments (without the program name) with every readable `@FILE`
/// replaced by its contents' arguments, as libiberty's `expandargv`.
pub fn expand(mut args: Vec<OsString>) -> Result<Vec<OsString>, ExpandError> {
    let mut budget = ITERATION_LIMIT;
    let mut i = 0;
    while i < args.len() {
        let bytes = os_bytes(&args[i]);
        let Some(name) = bytes.strip_prefix(b"@") else {
            i += 1;
            continue;
        };
        budget -= 1;
        if budget == 0 {
            return Err(ExpandError::TooMany);
        }
        let path = os_from_bytes(name.to_vec());
        let Ok(meta) = fs::metadata(&path) else {
            i += 1;
            continue;
        };
        if meta.is_dir() {
            return Err(ExpandError::Directory);
        }
        let Ok(contents) = fs::read(&path) else {
            i += 1;
            continue;
        };
        // The file is read as a C string: a NUL ends it.
        let text = contents.split(|&b| b == 0).next().unwrap_or_default();
        let inserted: Vec<OsString> = build_argv(text).into_iter().map(os_from_bytes).collect();
        // The inserted arguments are scanned again, for nested `@FILE`s.
        args.splice(i..=i, inserted);
    }
    Ok(args)
}

/// libiberty's `ISSPACE`: space, tab, newline, vertical tab, form feed,
/// carriage return.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Split `input` into arguments as libiberty's `buildargv` does: fields
/// separated by white space, each optionally in single or double quotes
/// (stripped); a backslash escapes the next byte, except inside single
/// quotes and, inside double quotes, before anything but `$`, `` ` ``, `"`,
/// `\` and a newline; an escaped newline is dropped.
pub fn build_argv(input: &[u8]) -> Vec<Vec<u8>> {
    let mut argv = Vec::new();
    let (mut squote, mut dquote, mut bsquote) = (false, false, false);
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < input.len() && is_space(input[*i]) {
            *i += 1;
        }
    };
    loop {
        skip_space(&mut i);
        if i < input.len() {
            let mut arg = Vec::new();
            while i < input.len() {
                let c = input[i];
                if is_space(c) && !squote && !dquote && !bsquote {
                    break;
                }
                if bsquote {
                    bsquote = false;
                    if c != b'\n' {
                        arg.push(c);
                    }
                } else if c == b'\\'
                    && !squote
                    && (!dquote
                        || matches!(input.get(i + 1), Some(b'$' | b'`' | b'"' | b'\\' | b'\n')))
                {
                    bsquote = true;
                } else if squote {
                    if c == b'\'' {
                        squote = false;
                    } else {
                        arg.push(c);
                    }
                } else if dquote {
                    if c == b'"' {
                        dquote = false;
                    } else {
                        arg.push(c);
                    }
                } else if c == b'\'' {
                    squote = true;
                } else if c == b'"' {
                    dquote = true;
                } else {
                    arg.push(c);
                }
                i += 1;
            }
            argv.push(arg);
        }
        skip_space(&mut i);
        if i >= input.len() {
            return argv;
        }
    }
}

/// The bytes of an argument (on Windows, its UTF-8 form, lossy).
pub fn os_bytes(arg: &OsString) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        arg.as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        arg.to_string_lossy().into_owned().into_bytes()
    }
}

/// An argument of these bytes.
pub fn os_from_bytes(bytes: Vec<u8>) -> OsString {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        OsString::from_vec(bytes)
    }
    #[cfg(not(unix))]
    {
        OsString::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        build_argv(text.as_bytes())
            .into_iter()
            .map(|a| String::from_utf8(a).unwrap())
            .collect()
    }

    #[test]
    fn fields_quotes_and_escapes_as_buildargv() {
        let cases: &[(&str, &[&str])] = &[
            ("_Z1fv _Z1gi\n", &["_Z1fv", "_Z1gi"]),
            ("  -p\t_Z1hd  \n\n", &["-p", "_Z1hd"]),
            ("'a b' \"c d\" e\\ f", &["a b", "c d", "e f"]),
            ("'a\\b' \"a\\b\" \"a\\\"b\"", &["a\\b", "a\\b", "a\"b"]),
            ("a\\\nb", &["ab"]),
            ("''", &[""]),
            ("", &[]),
            ("   ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }
}
