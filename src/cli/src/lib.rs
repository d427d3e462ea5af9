//! The `cpp-demangle` command, a drop-in for GNU c++filt (binutils 2.40 to
//! 2.47): the same flags with the same meaning, `@FILE` and `--` as c++filt
//! reads them, the same bytes out, plus this package's own long options.
//!
//! The native executable (`src/main.rs`) and `python -m cpp_demangle`
//! (through the binding) both run [`run`], so they behave the same.

pub mod args;
pub mod expand;
pub mod python;
pub mod stream;

use std::ffi::OsString;
use std::io::{self, Write};

use args::Action;
use demangler::{demangle_argument, Format, Options, Style};

/// The package's version, printed by `--version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where the command writes.
pub struct Io<'a> {
    /// Read on a thread of its own with `--jobs` above 1.
    pub stdin: Box<dyn io::Read + Send>,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    /// Asked when a read is interrupted by a signal: whether to stop.
    pub interrupted: &'a dyn Fn() -> bool,
    /// Runs a `--parquet` job.
    pub parquet: ParquetRunner<'a>,
}

/// Who runs a `--parquet` job, given the job and the command's arguments
/// (after the program name): its exit status, or a message for standard
/// error. The command has no Parquet reader of its own (the arrow crates
/// would multiply the size of the wheel): `python -m cpp_demangle` runs the
/// job with pyarrow, and the native command hands it to that Python
/// ([`python::run_parquet`]).
pub type ParquetRunner<'a> = &'a dyn Fn(&args::Parquet, &[Vec<u8>]) -> Result<i32, String>;

/// The usage, as `--help` prints it.
fn usage(program: &str) -> String {
    format!(
        "\
Usage: {program} [options] [mangled names]
Demangle C++ (Itanium), Rust, D, Java and GNAT symbols as GNU c++filt does,
Microsoft C++ names as LLVM's llvm-undname does, and Swift names as
swift-demangle does.
Options are:
  [-_|--strip-underscore]     Ignore first leading underscore
  [-n|--no-strip-underscore]  Do not ignore a leading underscore (default)
  [-p|--no-params]            Do not display function arguments
  [-i|--no-verbose]           Do not show implementation details (if any)
  [-R|--recurse-limit]        Enable a limit on recursion whilst demangling.  [Default]
  [-r|--no-recurse-limit]     Same as -R: recursion is always bounded, deep enough for any name c++filt reads
  [-t|--types]                Also attempt to demangle type encodings
  [-s|--format {{{formats}}}]
  [@<file>]                   Read extra options from <file>
  [-h|--help]                 Display this information
  [-v|--version]              Show the version information
This package's own:
  [--no-return-type]          Do not display the return types of template functions
  [--no-templates]            Do not display template arguments
  [--no-suffixes]             Do not display compilers' suffixes ([clone .cold])
  [--no-hash]                 Do not display the hashes of Rust symbols
  [--simplified]              Print Swift names in swift-demangle's short form
  [--style {{{styles}}}]   Whose output to reproduce (default c++filt)
  [--recursion-limit=N]       How deeply nested a name may be, 1 to {max_depth} (default {max_depth})
  [--max-length BYTES]        Longest demangled name (default {max_len}); a longer one is echoed
  [--parquet IN OUT]          Demangle a column of Parquet file IN into OUT (needs pyarrow)
  [--column NAME]             Its column of symbols (default: its only column of strings)
  [--into NAME]               The column for the names (default: the column of symbols)
  [-j|--jobs N]               Demangle a large input on N threads (0: every CPU; default 1)
Demangled names are displayed to stdout.
If a name cannot be demangled it is just echoed to stdout.
If no names are provided on the command line, stdin is read.
",
        formats = Format::NAMES.join(","),
        styles = Style::NAMES.join(","),
        max_depth = Options::DEFAULT_RECURSION_LIMIT,
        max_len = Options::DEFAULT_MAX_OUTPUT,
    )
}

/// Run the command with `argv` (the program name first); the exit status.
pub fn run(argv: Vec<OsString>, io: Io<'_>) -> i32 {
    let mut argv = argv.into_iter();
    let program = argv
        .next()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| "cpp-demangle".into());
    let fail = |stderr: &mut dyn Write, message: &str, show_usage: bool| {
        // Nothing more can be done if standard error is gone too.
        let _ = writeln!(stderr, "{program}: {message}");
        if show_usage {
            let _ = stderr.write_all(usage(&program).as_bytes());
        }
        1
    };
    let args = match expand::expand(argv.collect()) {
        Ok(args) => args,
        Err(error) => return fail(io.stderr, &error.to_string(), false),
    };
    let args: Vec<Vec<u8>> = args.iter().map(expand::os_bytes).collect();
    let (options, names) = match args::parse(&args) {
        Ok(Action::Run { options, names }) => (options, names),
        Ok(Action::Help) => {
            return finish(io.stdout, usage(&program).as_bytes(), &program, io.stderr)
        }
        Ok(Action::Version) => {
            let text = format!("cpp-demangle {VERSION}\n");
            return finish(io.stdout, text.as_bytes(), &program, io.stderr);
        }
        Ok(Action::Parquet(job)) => {
            return match (io.parquet)(&job, &args) {
                Ok(status) => status,
                Err(message) => fail(io.stderr, &message, false),
            }
        }
        Err(error) => return fail(io.stderr, &error.message, error.show_usage),
    };
    if names.is_empty() {
        // c++filt's quirk: `-s none` has no symbol alphabet for a stream
        // (binutils/cxxfilt.c `main`), so it stops with status 1.
        if options.format == Format::None {
            return fail(
                io.stderr,
                "Internal error: no symbol alphabet for current style",
                false,
            );
        }
        // One thread unless `--jobs` says otherwise, as c++filt.
        let options = Options {
            threads: options.threads.or(std::num::NonZeroUsize::new(1)),
            ..options
        };
        return match stream::filter(io.stdin, io.stdout, &options, io.interrupted) {
            Ok(()) => 0,
            Err(stream::Stop::Write(e)) => write_failed(&e, &program, io.stderr),
            Err(stream::Stop::Read(e)) => {
                fail(io.stderr, &format!("read error: {}", plain(&e)), false)
            }
            Err(stream::Stop::Interrupted) => 130,
        };
    }
    let mut out = Vec::new();
    for name in &names {
        match demangle_argument(name, &options) {
            Ok(text) => out.extend_from_slice(text.as_bytes()),
            Err(_) => out.extend_from_slice(name),
        }
        out.push(b'\n');
    }
    finish(io.stdout, &out, &program, io.stderr)
}

/// Write `bytes` and flush; the exit status.
fn finish(stdout: &mut dyn Write, bytes: &[u8], program: &str, stderr: &mut dyn Write) -> i32 {
    match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
        Ok(()) => 0,
        Err(e) => write_failed(&e, program, stderr),
    }
}

/// A failed write: quiet when the reader went away (`| head -1`), as
/// before; otherwise one line on standard error (a full disk, a closed
/// standard output) and status 1.
fn write_failed(error: &io::Error, program: &str, stderr: &mut dyn Write) -> i32 {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return 0;
    }
    let _ = writeln!(stderr, "{program}: write error: {}", plain(error));
    1
}

/// An I/O error in words, without Rust's ` (os error N)`.
fn plain(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// Standard output as a plain file on Unix, so that a closed descriptor is
/// an error (Rust's `Stdout` takes EBADF for success), unbuffered (the
/// filter writes whole chunks).
#[cfg(unix)]
pub fn raw_stdout() -> impl Write {
    use std::os::fd::FromRawFd;
    /// Descriptor 1, written to but never closed.
    struct Fd1(std::mem::ManuallyDrop<std::fs::File>);
    impl Write for Fd1 {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.write(buf)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    // SAFETY: descriptor 1 is not owned by anything in this process that
    // would close it; `ManuallyDrop` keeps this `File` from closing it.
    Fd1(std::mem::ManuallyDrop::new(unsafe {
        std::fs::File::from_raw_fd(1)
    }))
}

/// Standard output, elsewhere.
#[cfg(not(unix))]
pub fn raw_stdout() -> impl Write {
    io::stdout()
}

/// Run with this process's standard streams.
pub fn run_with_stdio(
    argv: Vec<OsString>,
    interrupted: &dyn Fn() -> bool,
    parquet: ParquetRunner<'_>,
) -> i32 {
    let mut stdout = raw_stdout();
    let mut stderr = io::stderr().lock();
    run(
        argv,
        Io {
            stdin: Box::new(io::stdin()),
            stdout: &mut stdout,
            stderr: &mut stderr,
            interrupted,
            parquet,
        },
    )
}
