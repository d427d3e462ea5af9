//! Any bytes, through every entry point of the core and every style: no
//! panic, no internal error, output within its bounds; `demangle_str`
//! gives `demangle`'s result; `parse` gives `demangle`'s text and parts
//! within it.
#![no_main]

use demangler::{
    demangle, demangle_argument, demangle_str, demangle_text, parse, Error, Format, Options,
    Style,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options, the second the format (c++filt's
    // `-s`), the rest is the input.
    let Some((&pick, data)) = data.split_first() else {
        return;
    };
    let Some((&format, input)) = data.split_first() else {
        return;
    };
    let options = Options {
        style: if pick & 1 == 0 {
            Style::CxxFilt
        } else {
            Style::LibStdCxx
        },
        verbose: pick & 2 == 0,
        params: pick & 4 == 0,
        types: pick & 8 != 0,
        strip_underscore: pick & 16 != 0,
        recursion_limit: if pick & 32 == 0 {
            Options::DEFAULT_RECURSION_LIMIT
        } else {
            4096
        },
        format: Format::ALL[usize::from(format) % Format::ALL.len()],
        templates: pick & 64 == 0,
        suffixes: pick & 128 == 0,
        hash: pick & 64 == 0,
        simplified: pick & 4 != 0,
        ..Options::default()
    };
    for result in [
        demangle(input, &options),
        demangle_argument(input, &options),
    ] {
        match result {
            Ok(text) => assert!(text.len() <= options.output_limit(input.len()) + input.len()),
            Err(Error::Internal) => {
                panic!("internal error on {:?}", String::from_utf8_lossy(input))
            }
            Err(_) => {}
        }
    }
    // Text given as text demangles as the same bytes do.
    if let Ok(text) = std::str::from_utf8(input) {
        assert_eq!(demangle_str(text, &options), demangle(input, &options));
    }
    match (parse(input, &options), demangle(input, &options)) {
        (Ok(symbol), Ok(text)) => {
            assert_eq!(symbol.text, text);
            let parts = &symbol.parts;
            let spans = [
                parts.name,
                parts.scope,
                parts.base_name,
                parts.parameters,
                parts.return_type,
                parts.qualifiers,
                parts.suffix,
                parts.module,
            ];
            for (start, end) in spans.into_iter().flatten().chain(parts.template_args.clone()) {
                assert!(start <= end && text.get(start..end).is_some(), "{start}..{end} of {text:?}");
            }
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        (a, b) => panic!("parse {a:?} but demangle {b:?}"),
    }
    let mut out = Vec::new();
    demangle_text(input, &options, &mut out);
    // Only a symbol, or a Microsoft name (`?`), is ever replaced.
    if input.iter().all(|&b| !demangler::is_name_byte(b)) {
        assert_eq!(out, input);
    }
});
