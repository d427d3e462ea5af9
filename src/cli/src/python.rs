//! Handing a job to Python: how the native command does what needs
//! pyarrow (`--parquet`), by running `python -m cpp_demangle` with the same
//! arguments.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::PathBuf;
use std::process::Command;

use crate::args::Parquet;
use crate::expand::os_from_bytes;

/// The Pythons to try where `$CPP_DEMANGLE_PYTHON` names none, in order:
/// the one beside this executable (pip puts the command in the `bin` or
/// `Scripts` folder of the Python it installs for, a venv's included); then
/// `python3` and `python` on the PATH.
fn interpreters() -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Some(folder) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(PathBuf::from))
    {
        for name in ["python3", "python", "python.exe"] {
            found.push(folder.join(name));
        }
        // Windows: `Scripts\` sits beside `python.exe`.
        if let Some(up) = folder.parent() {
            found.push(up.join("python.exe"));
        }
    }
    found.retain(|path| path.is_file());
    found.extend(["python3", "python"].map(PathBuf::from));
    found
}

/// Run the job as `python -m cpp_demangle ARGS`, standard streams shared;
/// its exit status.
pub fn run_parquet(_job: &Parquet, args: &[Vec<u8>]) -> Result<i32, String> {
    let args: Vec<OsString> = args.iter().cloned().map(os_from_bytes).collect();
    // The one the user chose is the one that runs, or the error names it.
    if let Some(chosen) = std::env::var_os("CPP_DEMANGLE_PYTHON") {
        let python = PathBuf::from(chosen);
        return match Command::new(&python)
            .args(["-m", "cpp_demangle"])
            .args(&args)
            .status()
        {
            Ok(status) => Ok(status.code().unwrap_or(1)),
            Err(error) => Err(format!(
                "cannot run CPP_DEMANGLE_PYTHON={}: {error}",
                python.display()
            )),
        };
    }
    for python in interpreters() {
        match Command::new(&python)
            .args(["-m", "cpp_demangle"])
            .args(&args)
            .status()
        {
            Ok(status) => return Ok(status.code().unwrap_or(1)),
            Err(error) if error.kind() == ErrorKind::NotFound => continue,
            Err(error) => return Err(format!("cannot run {}: {error}", python.display())),
        }
    }
    Err(
        "--parquet runs cpp_demangle in Python (with pyarrow), and no Python was found \
         beside this command or on the PATH; set CPP_DEMANGLE_PYTHON"
            .into(),
    )
}
