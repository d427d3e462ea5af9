//! The command line, read as c++filt reads it: GNU `getopt_long` with
//! c++filt's option string `_hinprRs:tv` and long options, plus this
//! package's own long options.
//!
//! As GNU getopt does, options may stand anywhere among the names (they are
//! taken out, in order), `--` ends the options, a lone `-` is a name, short
//! options cluster (`-pi`), `-s` takes the rest of its cluster or the next
//! argument, and a long option may be shortened to any prefix that names
//! one option (c++filt's options are matched first, so an abbreviation that
//! works with c++filt means the same here).

use demangler::{Format, Options, Style};

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub enum Action {
    /// Demangle the names, or standard input when there are none.
    Run {
        options: Options,
        names: Vec<Vec<u8>>,
    },
    /// `-h`/`--help`: the usage on standard output, status 0.
    Help,
    /// `-v`/`--version`: the version, status 0.
    Version,
    /// `--parquet IN OUT`: demangle a column of a Parquet file.
    Parquet(Parquet),
}

/// A `--parquet` job: the column of symbols of file `input` demangled into
/// file `output` (the other columns copied), with `options`.
#[derive(Debug, PartialEq)]
pub struct Parquet {
    pub options: Options,
    pub input: Vec<u8>,
    pub output: Vec<u8>,
    /// `--column`: the column of symbols (default: the file's only column
    /// of strings).
    pub column: Option<String>,
    /// `--into`: the column to write the names into (default: `column`).
    pub into: Option<String>,
}

/// A command line c++filt would refuse (status 1, the message and the usage
/// on standard error), or an option value out of range.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError {
    pub message: String,
    /// Whether the usage follows the message, as getopt's errors get it.
    pub show_usage: bool,
}

fn usage_error(message: String) -> UsageError {
    UsageError {
        message,
        show_usage: true,
    }
}

/// What an option does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opt {
    StripUnderscore,
    NoStripUnderscore,
    NoParams,
    NoVerbose,
    RecurseLimit,
    NoRecurseLimit,
    Types,
    Format,
    Help,
    Version,
    // This package's own.
    Style,
    NoReturnType,
    MaxLength,
    NoTemplates,
    NoSuffixes,
    NoHash,
    Simplified,
    Parquet,
    Column,
    Into,
    /// `--recursion-limit`: c++filt's `-R` alone, or `=N` to set the limit.
    RecursionLimit,
    Jobs,
}

/// Whether a long option takes a value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Value {
    None,
    Required,
    /// Only as `--name=VALUE` (GNU getopt's `optional_argument`).
    Optional,
}

/// c++filt's long options (binutils 2.40 to 2.47).
const CXXFILT_LONG: &[(&str, Opt, Value)] = &[
    ("strip-underscore", Opt::StripUnderscore, Value::None),
    ("format", Opt::Format, Value::Required),
    ("help", Opt::Help, Value::None),
    ("no-params", Opt::NoParams, Value::None),
    ("no-strip-underscores", Opt::NoStripUnderscore, Value::None),
    ("no-verbose", Opt::NoVerbose, Value::None),
    ("types", Opt::Types, Value::None),
    ("version", Opt::Version, Value::None),
    ("recurse-limit", Opt::RecurseLimit, Value::None),
    ("recursion-limit", Opt::RecursionLimit, Value::Optional),
    ("no-recurse-limit", Opt::NoRecurseLimit, Value::None),
    ("no-recursion-limit", Opt::NoRecurseLimit, Value::None),
];

/// This package's own long options.
const OWN_LONG: &[(&str, Opt, Value)] = &[
    ("style", Opt::Style, Value::Required),
    ("no-return-type", Opt::NoReturnType, Value::None),
    ("max-length", Opt::MaxLength, Value::Required),
    ("no-templates", Opt::NoTemplates, Value::None),
    ("no-suffixes", Opt::NoSuffixes, Value::None),
    ("no-hash", Opt::NoHash, Value::None),
    ("simplified", Opt::Simplified, Value::None),
    ("parquet", Opt::Parquet, Value::None),
    ("column", Opt::Column, Value::Required),
    ("into", Opt::Into, Value::Required),
    ("jobs", Opt::Jobs, Value::Required),
];

/// The option of a short letter of `_hinprRs:tv`.
fn short(letter: u8) -> Option<Opt> {
    Some(match letter {
        b'_' => Opt::StripUnderscore,
        b'h' => Opt::Help,
        b'i' => Opt::NoVerbose,
        b'n' => Opt::NoStripUnderscore,
        b'p' => Opt::NoParams,
        b'r' => Opt::NoRecurseLimit,
        b'R' => Opt::RecurseLimit,
        b's' => Opt::Format,
        b't' => Opt::Types,
        b'v' => Opt::Version,
        // This package's own.
        b'j' => Opt::Jobs,
        _ => return None,
    })
}

/// The long option `name` abbreviates, by GNU getopt's rule (an exact name
/// wins; otherwise the prefix must name one option, or several that do the
/// same thing), among c++filt's options first, then this package's: an
/// abbreviation that works with c++filt means the same here, and says on
/// standard error when it also begins one of this package's options
/// (`--no-r`). An ambiguous prefix lists every option it begins.
fn long(name: &str) -> Result<(&'static str, Opt, Value), UsageError> {
    let begun = |table: &'static [(&'static str, Opt, Value)]| {
        table.iter().filter(move |(n, ..)| n.starts_with(name))
    };
    for table in [CXXFILT_LONG, OWN_LONG] {
        if let Some(&exact) = table.iter().find(|(n, ..)| *n == name) {
            return Ok(exact);
        }
        let found: Vec<_> = begun(table).collect();
        match found.as_slice() {
            [] => continue,
            [first, rest @ ..] if rest.iter().all(|o| o.1 == first.1 && o.2 == first.2) => {
                if std::ptr::eq(table, CXXFILT_LONG) {
                    let own: Vec<String> =
                        begun(OWN_LONG).map(|o| format!("'--{}'", o.0)).collect();
                    if !own.is_empty() {
                        eprintln!(
                            "cpp-demangle: '--{name}' is taken as c++filt's '--{}' (it also begins {})",
                            first.0,
                            own.join(" ")
                        );
                    }
                }
                return Ok(**first);
            }
            _ => {
                let names: Vec<String> = begun(CXXFILT_LONG)
                    .chain(begun(OWN_LONG))
                    .map(|o| format!("'--{}'", o.0))
                    .collect();
                return Err(usage_error(format!(
                    "option '--{name}' is ambiguous; possibilities: {}",
                    names.join(" ")
                )));
            }
        }
    }
    Err(usage_error(format!("unrecognized option '--{name}'")))
}

/// Read the (already `@FILE`-expanded) arguments.
pub fn parse(args: &[Vec<u8>]) -> Result<Action, UsageError> {
    let mut options = Options::default();
    let mut file = FileOptions::default();
    let mut names = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if arg == b"--" {
            names.extend(args[i..].iter().cloned());
            break;
        }
        if let Some(body) = arg.strip_prefix(b"--") {
            let text = String::from_utf8_lossy(body);
            let (name, inline) = match text.split_once('=') {
                Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
                None => (text.into_owned(), None),
            };
            let (full, opt, takes) = long(&name)?;
            let value = match (takes, inline) {
                (Value::None, Some(_)) => {
                    return Err(usage_error(format!(
                        "option '--{full}' doesn't allow an argument"
                    )))
                }
                (Value::Required, None) => match args.get(i) {
                    Some(next) => {
                        i += 1;
                        Some(String::from_utf8_lossy(next).into_owned())
                    }
                    None => {
                        return Err(usage_error(format!(
                            "option '--{full}' requires an argument"
                        )))
                    }
                },
                (_, inline) => inline,
            };
            if let Some(done) = apply(&mut options, &mut file, opt, value)? {
                return Ok(done);
            }
        } else if arg.len() > 1 && arg[0] == b'-' {
            let mut j = 1;
            while j < arg.len() {
                let letter = arg[j];
                j += 1;
                let Some(opt) = short(letter) else {
                    return Err(usage_error(format!(
                        "invalid option -- '{}'",
                        char::from(letter)
                    )));
                };
                let value = if matches!(opt, Opt::Format | Opt::Jobs) {
                    let value = if j < arg.len() {
                        arg[j..].to_vec()
                    } else if let Some(next) = args.get(i) {
                        i += 1;
                        next.clone()
                    } else {
                        return Err(usage_error(format!(
                            "option requires an argument -- '{}'",
                            char::from(letter)
                        )));
                    };
                    j = arg.len();
                    Some(String::from_utf8_lossy(&value).into_owned())
                } else {
                    None
                };
                if let Some(done) = apply(&mut options, &mut file, opt, value)? {
                    return Ok(done);
                }
            }
        } else {
            names.push(arg.clone());
        }
    }
    if file.parquet {
        let [input, output]: [Vec<u8>; 2] = names.try_into().map_err(|names: Vec<_>| {
            usage_error(format!(
                "--parquet takes two files, IN and OUT, not {}",
                names.len()
            ))
        })?;
        return Ok(Action::Parquet(Parquet {
            options,
            input,
            output,
            column: file.column,
            into: file.into,
        }));
    }
    if file.column.is_some() || file.into.is_some() {
        return Err(usage_error("--column and --into go with --parquet".into()));
    }
    Ok(Action::Run { options, names })
}

/// An option value the core refused, in the core's words.
fn checked(error: demangler::OptionError) -> UsageError {
    UsageError {
        message: error.to_string(),
        show_usage: false,
    }
}

/// The options of `--parquet`, as read so far.
#[derive(Default)]
struct FileOptions {
    parquet: bool,
    column: Option<String>,
    into: Option<String>,
}

/// Apply one option; `Some` when it ends the reading (help, version).
fn apply(
    options: &mut Options,
    file: &mut FileOptions,
    opt: Opt,
    value: Option<String>,
) -> Result<Option<Action>, UsageError> {
    match opt {
        Opt::Parquet => file.parquet = true,
        Opt::Column => file.column = value,
        Opt::Into => file.into = value,
        _ => return apply_demangling(options, opt, value.unwrap_or_default()),
    }
    Ok(None)
}

/// Apply one option of the demangling.
fn apply_demangling(
    options: &mut Options,
    opt: Opt,
    value: String,
) -> Result<Option<Action>, UsageError> {
    let number = |value: &str, option: &str| {
        value.trim().parse::<i64>().map_err(|_| UsageError {
            message: format!("{option} must be a whole number, not {value:?}"),
            show_usage: false,
        })
    };
    match opt {
        Opt::StripUnderscore => options.strip_underscore = true,
        Opt::NoStripUnderscore => options.strip_underscore = false,
        Opt::NoParams => options.params = false,
        Opt::NoVerbose => options.verbose = false,
        Opt::Types => options.types = true,
        // Recursion is always bounded here, by a limit whose stack is
        // provided: c++filt's `-r` (no limit) and `-R` (its limit) both
        // mean the highest limit, which reads every name c++filt reads.
        Opt::RecurseLimit | Opt::NoRecurseLimit => {
            options.recursion_limit = Options::DEFAULT_RECURSION_LIMIT
        }
        Opt::RecursionLimit if value.is_empty() => {
            options.recursion_limit = Options::DEFAULT_RECURSION_LIMIT
        }
        Opt::RecursionLimit => {
            options.recursion_limit =
                Options::check_recursion_limit(number(&value, "recursion_limit")?)
                    .map_err(checked)?
        }
        Opt::MaxLength => {
            options.max_output =
                Options::check_max_length(number(&value, "max_length")?).map_err(checked)?
        }
        Opt::Format => {
            options.format = Format::from_name(&value).map_err(|_| UsageError {
                message: format!("unknown demangling style `{value}'"),
                show_usage: false,
            })?
        }
        Opt::Style => options.style = Style::from_name(&value).map_err(checked)?,
        // 0 is every CPU (as `xz -T0`); not given, the stream is one
        // thread, as c++filt is, and a `--parquet` job every CPU.
        Opt::Jobs => {
            options.threads = match number(&value, "jobs")? {
                0 => std::num::NonZeroUsize::new(demangler::all_threads()),
                n => Some(Options::check_threads(n).map_err(|_| UsageError {
                    message: format!("jobs must be 0 (every CPU) or more, not {n}"),
                    show_usage: false,
                })?),
            }
        }
        Opt::NoReturnType => options.return_type = false,
        Opt::NoTemplates => options.templates = false,
        Opt::NoSuffixes => options.suffixes = false,
        Opt::NoHash => options.hash = false,
        Opt::Simplified => options.simplified = true,
        // Taken by `apply`.
        Opt::Parquet | Opt::Column | Opt::Into => {}
        Opt::Help => return Ok(Some(Action::Help)),
        Opt::Version => return Ok(Some(Action::Version)),
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Action, UsageError> {
        let args: Vec<Vec<u8>> = args.iter().map(|a| a.as_bytes().to_vec()).collect();
        parse(&args)
    }

    fn names_and(args: &[&str]) -> (Vec<String>, Options) {
        match run(args) {
            Ok(Action::Run { options, names }) => (
                names
                    .into_iter()
                    .map(|n| String::from_utf8(n).unwrap())
                    .collect(),
                options,
            ),
            other => panic!("{args:?}: {other:?}"),
        }
    }

    #[test]
    fn options_among_names_clusters_and_double_dash() {
        let (names, o) = names_and(&["_Z1fv", "-pi", "-", "--", "-_Z1gv", "-p"]);
        assert_eq!(names, ["_Z1fv", "-", "-_Z1gv", "-p"]);
        assert!(!o.params && !o.verbose);
        let (_, o) = names_and(&["-sgnu-v3"]);
        assert_eq!(o.format, Format::GnuV3);
        let (_, o) = names_and(&["-s", "rust", "--format=none"]);
        assert_eq!(o.format, Format::None);
    }

    #[test]
    fn parquet_takes_two_files_and_its_own_options() {
        let Ok(Action::Parquet(job)) = run(&[
            "--parq",
            "in.parquet",
            "-p",
            "out.parquet",
            "--column=sym",
            "--into",
            "name",
        ]) else {
            panic!("not a parquet job");
        };
        assert_eq!(
            (job.input.as_slice(), job.output.as_slice()),
            (&b"in.parquet"[..], &b"out.parquet"[..])
        );
        assert_eq!(
            (job.column.as_deref(), job.into.as_deref()),
            (Some("sym"), Some("name"))
        );
        assert!(!job.options.params);
        let Ok(Action::Parquet(job)) = run(&["--parquet", "a", "b"]) else {
            panic!("not a parquet job");
        };
        assert_eq!((job.column, job.into), (None, None));
        for (args, message) in [
            (
                &["--parquet", "a"][..],
                "--parquet takes two files, IN and OUT, not 1",
            ),
            (
                &["--parquet", "a", "b", "c"],
                "--parquet takes two files, IN and OUT, not 3",
            ),
            (
                &["--column", "x", "_Z1fv"],
                "--column and --into go with --parquet",
            ),
            (&["--into=x"], "--column and --into go with --parquet"),
        ] {
            assert_eq!(
                run(args).map_err(|e| e.message),
                Err(message.to_string()),
                "{args:?}"
            );
        }
    }

    #[test]
    fn long_options_abbreviate_as_getopt_long() {
        let (_, o) = names_and(&["--no-p", "--no-v", "--ty", "--str"]);
        assert!(!o.params && !o.verbose && o.types && o.strip_underscore);
        // Both c++filt options that `--no-rec` names do the same thing.
        assert!(run(&["--no-rec"]).is_ok());
        let ambiguous = run(&["--no"]).unwrap_err();
        assert!(ambiguous.message.contains("is ambiguous"), "{ambiguous:?}");
        // Every option `--no` begins is listed, this package's too.
        for option in [
            "--no-params",
            "--no-recurse-limit",
            "--no-return-type",
            "--no-hash",
        ] {
            assert!(
                ambiguous.message.contains(option),
                "{option}: {ambiguous:?}"
            );
        }
        assert_eq!(run(&["--he"]), Ok(Action::Help));
    }

    #[test]
    fn errors_are_getopts() {
        let cases = [
            (&["-x"][..], "invalid option -- 'x'"),
            (&["--frobnicate"][..], "unrecognized option '--frobnicate'"),
            (
                &["--types=1"][..],
                "option '--types' doesn't allow an argument",
            ),
            (&["-s"][..], "option requires an argument -- 's'"),
            (&["--format"][..], "option '--format' requires an argument"),
            (&["-s", "lucid"][..], "unknown demangling style `lucid'"),
        ];
        for (args, message) in cases {
            assert_eq!(run(args).unwrap_err().message, message, "{args:?}");
        }
    }

    #[test]
    fn jobs_count_threads_zero_every_cpu() {
        let threads = |args: &[&str]| names_and(args).1.threads.map(|n| n.get());
        assert_eq!(threads(&[]), None);
        assert_eq!(threads(&["-j2"]), Some(2));
        assert_eq!(threads(&["-pj", "3", "_Z1fv"]), Some(3));
        assert_eq!(threads(&["--jobs=1"]), Some(1));
        assert_eq!(threads(&["--jobs", "0"]), Some(demangler::all_threads()));
        assert_eq!(
            run(&["--jobs=-1"]).unwrap_err().message,
            "jobs must be 0 (every CPU) or more, not -1"
        );
        assert_eq!(
            run(&["-j"]).unwrap_err().message,
            "option requires an argument -- 'j'"
        );
        assert_eq!(
            run(&["-j", "x"]).unwrap_err().message,
            "jobs must be a whole number, not \"x\""
        );
    }

    #[test]
    fn own_options_use_the_apis_checks() {
        let (_, o) = names_and(&[
            "--recursion-limit=12",
            "--max-length",
            "99",
            "--style=libstdc++",
        ]);
        assert_eq!(
            (o.recursion_limit, o.max_output, o.style),
            (12, 99, Style::LibStdCxx)
        );
        assert_eq!(
            run(&["--recursion-limit=5000"]).unwrap_err().message,
            "recursion_limit must be from 1 to 4096, not 5000"
        );
        assert_eq!(
            run(&["--max-length=0"]).unwrap_err().message,
            "max_length must be at least 1, not 0"
        );
        // As in c++filt, the bare option is `-R`.
        assert!(names_and(&["--recursion-limit", "_Z1fv"]).0 == ["_Z1fv"]);
    }
}
