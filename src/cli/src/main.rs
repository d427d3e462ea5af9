//! `cpp-demangle`: the native command, shipped in the wheel's scripts.
//!
//! A C `main` rather than Rust's: Rust's start-up reopens a closed standard
//! output onto `/dev/null` and ignores SIGPIPE, so `cpp-demangle >&-` would
//! succeed silently and a closed pipe would not end the process as it ends
//! c++filt. Here a closed standard output is a write error (one line, status
//! 1) and a reader going away ends the command quietly, as it ends c++filt.
#![no_main]

use std::ffi::{c_char, c_int};

#[no_mangle]
pub extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
    cli::run_with_stdio(
        std::env::args_os().collect(),
        &|| false,
        &cli::python::run_parquet,
    )
}
