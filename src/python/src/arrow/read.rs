//! Reading a column of symbols in place from the Arrow structs a producer
//! handed over: one byte slice a row, no copy, no Python object.

use std::ffi::{c_void, CStr};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use super::c_data::{
    take_from_capsule, ArrowArray, ArrowArrayStream, ArrowSchema, Owned, ARRAY_CAPSULE,
    SCHEMA_CAPSULE, STREAM_CAPSULE,
};

/// How a column's rows are laid out (the Arrow format string).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Layout {
    /// `n`: every row null.
    Null,
    /// `u`/`z`: 32-bit offsets into one data buffer.
    Offsets32,
    /// `U`/`Z`: 64-bit offsets.
    Offsets64,
    /// `vu`/`vz`: 16-byte views, short values inline.
    Views,
}

/// The type of a column of symbols.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Kind {
    pub layout: Layout,
    /// `binary` rather than `string`.
    pub binary: bool,
    /// Nested in a one-column struct (a record batch of a table).
    pub in_struct: bool,
    /// Dictionary-encoded: the width in bytes and signedness of its
    /// indices; `layout` and `binary` are then its dictionary's.
    pub indices: Option<(usize, bool)>,
}

/// A column as handed over: its type and its chunks, released when dropped.
pub(crate) struct Input {
    pub schema: Owned<ArrowSchema>,
    pub chunks: Vec<Owned<ArrowArray>>,
}

/// The rows of every chunk, in order: the bytes of each (empty for a
/// null), whether it is valid, and how many rows each chunk has.
pub(crate) struct Rows<'a> {
    pub symbols: Vec<&'a [u8]>,
    pub valid: Vec<bool>,
    pub chunk_lengths: Vec<usize>,
    /// For a dictionary-encoded column: each row's index into `symbols`,
    /// which then holds the values of the chunks' dictionaries (each
    /// distinct symbol is demangled once).
    pub indices: Option<Vec<usize>>,
}

fn type_name(object: &Bound<'_, PyAny>) -> String {
    object
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default()
}

impl Input {
    /// Take a column through the Arrow PyCapsule interface: an array
    /// (`__arrow_c_array__`) if the object is one, else a stream of chunks
    /// (`__arrow_c_stream__`), read to its end.
    pub fn from_python(column: &Bound<'_, PyAny>) -> PyResult<Input> {
        if column.hasattr("__arrow_c_array__")? {
            let pair = column.call_method0("__arrow_c_array__")?;
            let (schema, array): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair.extract()?;
            return Ok(Input {
                schema: take_from_capsule(&schema, SCHEMA_CAPSULE)?,
                chunks: vec![take_from_capsule(&array, ARRAY_CAPSULE)?],
            });
        }
        if column.hasattr("__arrow_c_stream__")? {
            let capsule = column.call_method0("__arrow_c_stream__")?;
            let mut stream: Owned<ArrowArrayStream> = take_from_capsule(&capsule, STREAM_CAPSULE)?;
            return Self::read_stream(&mut stream.0);
        }
        Err(PyTypeError::new_err(format!(
            "expected an Arrow array or stream (an object with __arrow_c_array__ or \
             __arrow_c_stream__: a pyarrow Array or ChunkedArray, a Polars Series, a DuckDB \
             result), not {}",
            type_name(column)
        )))
    }

    fn read_stream(stream: &mut ArrowArrayStream) -> PyResult<Input> {
        let failed = |stream: &mut ArrowArrayStream, code: i32| {
            // SAFETY: the producer's callback on its own live stream; the
            // message it returns lives until the next call on the stream.
            let message = unsafe {
                stream
                    .get_last_error
                    .map(|get| get(stream))
                    .filter(|m| !m.is_null())
                    .map(|m| CStr::from_ptr(m).to_string_lossy().into_owned())
            };
            PyValueError::new_err(format!(
                "the Arrow stream failed (error {code}): {}",
                message.unwrap_or_else(|| "no message".into())
            ))
        };
        let (Some(get_schema), Some(get_next)) = (stream.get_schema, stream.get_next) else {
            return Err(PyValueError::new_err("the Arrow stream has no callbacks"));
        };
        let mut schema = Owned::<ArrowSchema>::empty();
        // SAFETY: the stream is live (taken from its capsule unreleased);
        // each callback fills the struct it is given, which is owned here.
        let code = unsafe { get_schema(stream, &mut schema.0) };
        if code != 0 {
            return Err(failed(stream, code));
        }
        let mut chunks = Vec::new();
        loop {
            let mut chunk = Owned::<ArrowArray>::empty();
            let code = unsafe { get_next(stream, &mut chunk.0) };
            if code != 0 {
                return Err(failed(stream, code));
            }
            if chunk.0.release.is_none() {
                break;
            }
            chunks.push(chunk);
        }
        Ok(Input { schema, chunks })
    }

    /// The column's type, or why it is not a column of symbols.
    pub fn kind(&self) -> PyResult<Kind> {
        let schema = &self.schema.0;
        let format = format_of(schema);
        if format == "+s" {
            if schema.n_children != 1 {
                return Err(PyTypeError::new_err(format!(
                    "expected one column of symbols, got a table of {} columns: select the \
                     column first",
                    schema.n_children
                )));
            }
            // SAFETY: a struct schema has `n_children` valid children.
            let child = unsafe { &**schema.children };
            return Ok(Kind {
                in_struct: true,
                ..leaf_kind(child)?
            });
        }
        leaf_kind(schema)
    }

    /// The column's name and whether it may hold nulls.
    pub fn field(&self) -> (Vec<u8>, bool) {
        let mut schema = &self.schema.0;
        if format_of(schema) == "+s" && schema.n_children == 1 {
            // SAFETY: as in `kind`.
            schema = unsafe { &**schema.children };
        }
        let name = if schema.name.is_null() {
            Vec::new()
        } else {
            // SAFETY: a non-NULL name is a NUL-terminated string.
            unsafe { CStr::from_ptr(schema.name) }.to_bytes().to_vec()
        };
        (name, schema.flags & super::c_data::NULLABLE != 0)
    }

    /// Every row of every chunk.
    pub fn rows(&self, kind: Kind) -> PyResult<Rows<'_>> {
        let total = self.chunks.iter().map(|c| c.0.length.max(0) as usize).sum();
        let mut rows = Rows {
            symbols: Vec::with_capacity(total),
            valid: Vec::with_capacity(total),
            chunk_lengths: Vec::with_capacity(self.chunks.len()),
            indices: kind.indices.map(|_| Vec::with_capacity(total)),
        };
        for chunk in &self.chunks {
            let array = &chunk.0;
            let length = usize_of(array.length)?;
            if kind.in_struct {
                if array.n_children != 1 {
                    return Err(PyValueError::new_err("a struct chunk without its column"));
                }
                // SAFETY: a struct array has `n_children` valid children.
                let child = unsafe { &**array.children };
                let start = usize_of(array.offset)?;
                read_rows(child, kind, start, length, &mut rows)?;
                // The struct's own nulls hide its column's rows.
                let first = rows.valid.len() - length;
                let parent = Validity::of(array)?;
                for (i, valid) in rows.valid[first..].iter_mut().enumerate() {
                    if !parent.get(i) {
                        *valid = false;
                    }
                }
            } else {
                read_rows(array, kind, 0, length, &mut rows)?;
            }
            rows.chunk_lengths.push(length);
        }
        Ok(rows)
    }
}

fn format_of(schema: &ArrowSchema) -> &str {
    if schema.format.is_null() {
        return "";
    }
    // SAFETY: a non-NULL format is a NUL-terminated string.
    unsafe { CStr::from_ptr(schema.format) }
        .to_str()
        .unwrap_or("")
}

fn leaf_kind(schema: &ArrowSchema) -> PyResult<Kind> {
    if !schema.dictionary.is_null() {
        let indices = match format_of(schema) {
            "c" => (1, true),
            "C" => (1, false),
            "s" => (2, true),
            "S" => (2, false),
            "i" => (4, true),
            "I" => (4, false),
            "l" => (8, true),
            "L" => (8, false),
            other => {
                return Err(PyTypeError::new_err(format!(
                    "a dictionary-encoded column with indices of Arrow format {other:?}"
                )))
            }
        };
        // SAFETY: a non-NULL dictionary is a valid schema.
        let values = leaf_kind(unsafe { &*schema.dictionary })?;
        if values.indices.is_some() || values.layout == Layout::Null {
            return Err(PyTypeError::new_err(
                "expected a dictionary of strings or binaries",
            ));
        }
        return Ok(Kind {
            indices: Some(indices),
            ..values
        });
    }
    let (layout, binary) = match format_of(schema) {
        "n" => (Layout::Null, false),
        "u" => (Layout::Offsets32, false),
        "U" => (Layout::Offsets64, false),
        "vu" => (Layout::Views, false),
        "z" => (Layout::Offsets32, true),
        "Z" => (Layout::Offsets64, true),
        "vz" => (Layout::Views, true),
        other => {
            return Err(PyTypeError::new_err(format!(
                "expected a column of string or binary type (Arrow formats u, U, vu, z, Z, vz), \
                 got Arrow format {other:?}"
            )))
        }
    };
    Ok(Kind {
        layout,
        binary,
        in_struct: false,
        indices: None,
    })
}

fn usize_of(value: i64) -> PyResult<usize> {
    usize::try_from(value)
        .map_err(|_| PyValueError::new_err(format!("a negative length or offset ({value})")))
}

/// An array's validity bitmap, read from its logical row 0.
struct Validity {
    bits: *const u8,
    offset: usize,
}

impl Validity {
    fn of(array: &ArrowArray) -> PyResult<Validity> {
        let bits = if array.n_buffers > 0 && array.null_count != 0 {
            // SAFETY: an array has `n_buffers` buffer pointers.
            unsafe { *array.buffers as *const u8 }
        } else {
            std::ptr::null()
        };
        Ok(Validity {
            bits,
            offset: usize_of(array.offset)?,
        })
    }

    fn get(&self, row: usize) -> bool {
        if self.bits.is_null() {
            return true;
        }
        let bit = self.offset + row;
        // SAFETY: the bitmap covers offset + length bits.
        unsafe { *self.bits.add(bit / 8) & (1 << (bit % 8)) != 0 }
    }
}

/// Append rows `start..start + length` of `array`: its values, or, for a
/// dictionary-encoded array, its dictionary's values and each row's index.
fn read_rows<'a>(
    array: &'a ArrowArray,
    kind: Kind,
    start: usize,
    length: usize,
    rows: &mut Rows<'a>,
) -> PyResult<()> {
    let Some((width, signed)) = kind.indices else {
        return read_leaf(array, kind.layout, start, length, rows);
    };
    if array.dictionary.is_null() || array.n_buffers < 2 {
        return Err(PyValueError::new_err(
            "a dictionary-encoded Arrow array without its dictionary",
        ));
    }
    // SAFETY: a dictionary-encoded array's dictionary is a valid array.
    let dictionary = unsafe { &*array.dictionary };
    let base = rows.symbols.len();
    let entries = usize_of(dictionary.length)?;
    // The dictionary's values, then the rows as indices into them.
    let mut values = Rows {
        symbols: std::mem::take(&mut rows.symbols),
        valid: Vec::with_capacity(entries),
        chunk_lengths: Vec::new(),
        indices: None,
    };
    read_leaf(dictionary, kind.layout, 0, entries, &mut values)?;
    rows.symbols = values.symbols;
    let validity = Validity::of(array)?;
    let first = usize_of(array.offset)? + start;
    // SAFETY: buffer 1 of a dictionary-encoded array holds `offset +
    // length` indices of `width` bytes, alive while the array is.
    let data = unsafe { *array.buffers.add(1) } as *const u8;
    let indices = rows.indices.as_mut().expect("rows of a dictionary");
    for row in 0..length {
        let valid = validity.get(start + row);
        let mut index = 0;
        if valid {
            let mut raw = [0u8; 8];
            // SAFETY: as above; the index is read unaligned.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    data.add((first + row) * width),
                    raw.as_mut_ptr(),
                    width,
                )
            };
            let negative = signed && raw[width - 1] & 0x80 != 0;
            index = u64::from_le_bytes(raw) as usize;
            if negative || index >= entries {
                return Err(PyValueError::new_err(format!(
                    "a dictionary index out of range at row {row}"
                )));
            }
        }
        indices.push(base + index);
        rows.valid.push(valid);
    }
    Ok(())
}

/// Append rows `start..start + length` of `array` (its logical rows, the
/// array's own offset added here).
fn read_leaf<'a>(
    array: &'a ArrowArray,
    layout: Layout,
    start: usize,
    length: usize,
    rows: &mut Rows<'a>,
) -> PyResult<()> {
    let needed = match layout {
        Layout::Null => 0,
        Layout::Offsets32 | Layout::Offsets64 => 3,
        Layout::Views => 3,
    };
    if array.n_buffers < needed {
        return Err(PyValueError::new_err(format!(
            "an Arrow array with {} buffers where {needed} are needed",
            array.n_buffers
        )));
    }
    if layout == Layout::Null {
        rows.symbols.extend(std::iter::repeat_n(&b""[..], length));
        rows.valid.extend(std::iter::repeat_n(false, length));
        return Ok(());
    }
    let validity = Validity::of(array)?;
    let first = usize_of(array.offset)? + start;
    // SAFETY (for the block): the producer guarantees an array of this
    // layout has these buffers, `offset + length` entries long (one more
    // for offsets), and keeps them alive until the array is released,
    // which happens after the rows are used (`Input` outlives `Rows`).
    let buffers = unsafe {
        std::slice::from_raw_parts(
            array.buffers as *const *const c_void,
            array.n_buffers as usize,
        )
    };
    let bad =
        |row: usize| PyValueError::new_err(format!("an Arrow array with bad offsets at row {row}"));
    for row in 0..length {
        let valid = validity.get(start + row);
        let index = first + row;
        let symbol: &'a [u8] = if !valid {
            b""
        } else {
            match layout {
                Layout::Offsets32 => unsafe {
                    let offsets = buffers[1] as *const i32;
                    let range = (
                        i64::from(*offsets.add(index)),
                        i64::from(*offsets.add(index + 1)),
                    );
                    offset_bytes(buffers[2], range).ok_or_else(|| bad(row))?
                },
                Layout::Offsets64 => unsafe {
                    let offsets = buffers[1] as *const i64;
                    let range = (*offsets.add(index), *offsets.add(index + 1));
                    offset_bytes(buffers[2], range).ok_or_else(|| bad(row))?
                },
                Layout::Views => unsafe {
                    let view = (buffers[1] as *const u8).add(16 * index);
                    let word = |at: usize| {
                        u32::from_le_bytes(std::ptr::read_unaligned(view.add(at) as *const [u8; 4]))
                    };
                    let size = word(0) as usize;
                    if size <= 12 {
                        std::slice::from_raw_parts(view.add(4), size)
                    } else {
                        // Data buffers sit between the views and the last
                        // buffer, which holds their sizes.
                        let buffer = word(8) as usize;
                        if buffer + 3 > buffers.len() {
                            return Err(bad(row));
                        }
                        bytes_at(buffers[2 + buffer], word(12) as usize, size)
                    }
                },
                Layout::Null => unreachable!("handled above"),
            }
        };
        rows.symbols.push(symbol);
        rows.valid.push(valid);
    }
    Ok(())
}

/// The bytes from `begin` to `end` of a data buffer, where those offsets
/// are in order.
///
/// # Safety
/// As [`bytes_at`], for offsets in order.
unsafe fn offset_bytes<'a>(buffer: *const c_void, (begin, end): (i64, i64)) -> Option<&'a [u8]> {
    if begin < 0 || end < begin {
        return None;
    }
    Some(bytes_at(buffer, begin as usize, (end - begin) as usize))
}

/// `length` bytes at `offset` in a data buffer.
///
/// # Safety
/// The buffer holds at least `offset + length` bytes and outlives `'a`.
unsafe fn bytes_at<'a>(buffer: *const c_void, offset: usize, length: usize) -> &'a [u8] {
    if length == 0 {
        return b"";
    }
    std::slice::from_raw_parts((buffer as *const u8).add(offset), length)
}
