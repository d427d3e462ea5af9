//! The demangled column, handed out through the Arrow C Data and C Stream
//! Interfaces: one buffer of texts and one of offsets shared by every chunk
//! and every export, freed when the last consumer releases its struct.

use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::sync::Arc;

use super::c_data::{ArrowArray, ArrowArrayStream, ArrowSchema, Released, NULLABLE};

/// The offsets of the texts: 32-bit (`string`, `binary`) while the texts
/// fit in 2 GiB, 64-bit (`large_string`, `large_binary`) beyond, or when the
/// input was large already.
pub(crate) enum Offsets {
    Small(Vec<i32>),
    Large(Vec<i64>),
}

impl Offsets {
    fn start(&self) -> *const c_void {
        match self {
            Offsets::Small(offsets) => offsets.as_ptr() as *const c_void,
            Offsets::Large(offsets) => offsets.as_ptr() as *const c_void,
        }
    }
}

/// One chunk: where its rows start, how many, how many are null.
struct Chunk {
    start: usize,
    length: usize,
    null_count: usize,
}

/// The demangled column.
pub(crate) struct Output {
    bytes: Vec<u8>,
    offsets: Offsets,
    /// The validity bitmap of all rows; `None` when none is null.
    validity: Option<Vec<u8>>,
    chunks: Vec<Chunk>,
    format: &'static CStr,
    name: CString,
    nullable: bool,
}

impl Output {
    /// The column of `texts`, cut into chunks of `chunk_lengths` rows,
    /// null where `valid` is false; `binary` and `large` choose its type.
    pub fn new(
        texts: demangler::Column,
        valid: &[bool],
        chunk_lengths: &[usize],
        binary: bool,
        large: bool,
        name: Vec<u8>,
        nullable: bool,
    ) -> Output {
        let large = large || texts.bytes.len() > i32::MAX as usize;
        let offsets = if large {
            Offsets::Large(
                std::iter::once(0)
                    .chain(texts.ends.iter().map(|&e| e as i64))
                    .collect(),
            )
        } else {
            Offsets::Small(
                std::iter::once(0)
                    .chain(texts.ends.iter().map(|&e| e as i32))
                    .collect(),
            )
        };
        let validity = valid.contains(&false).then(|| {
            let mut bits = vec![0u8; valid.len().div_ceil(8)];
            for (i, _) in valid.iter().enumerate().filter(|(_, v)| **v) {
                bits[i / 8] |= 1 << (i % 8);
            }
            bits
        });
        let mut chunks = Vec::with_capacity(chunk_lengths.len());
        let mut start = 0;
        for &length in chunk_lengths {
            let null_count = valid[start..start + length].iter().filter(|v| !**v).count();
            chunks.push(Chunk {
                start,
                length,
                null_count,
            });
            start += length;
        }
        let format = match (binary, large) {
            (false, false) => c"u",
            (false, true) => c"U",
            (true, false) => c"z",
            (true, true) => c"Z",
        };
        let name = CString::new(name.into_iter().filter(|&b| b != 0).collect::<Vec<u8>>())
            .unwrap_or_default();
        Output {
            bytes: texts.bytes,
            offsets,
            validity,
            chunks,
            format,
            name,
            nullable,
        }
    }

    pub fn rows(&self) -> usize {
        self.chunks.iter().map(|c| c.length).sum()
    }

    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    /// The Arrow type's name, for `repr`.
    pub fn type_name(&self) -> &'static str {
        match self.format.to_bytes() {
            b"u" => "string",
            b"U" => "large_string",
            b"z" => "binary",
            _ => "large_binary",
        }
    }
}

/// What an exported schema keeps alive.
unsafe extern "C" fn release_schema(schema: *mut ArrowSchema) {
    drop(Box::from_raw((*schema).private_data as *mut Arc<Output>));
    (*schema).release = None;
}

pub(crate) fn export_schema(output: &Arc<Output>) -> ArrowSchema {
    ArrowSchema {
        format: output.format.as_ptr(),
        name: output.name.as_ptr(),
        metadata: std::ptr::null(),
        flags: if output.nullable { NULLABLE } else { 0 },
        n_children: 0,
        children: std::ptr::null_mut(),
        dictionary: std::ptr::null_mut(),
        release: Some(release_schema),
        private_data: Box::into_raw(Box::new(Arc::clone(output))) as *mut c_void,
    }
}

/// What an exported array keeps alive: the shared column and the array's
/// three buffer pointers.
struct ArrayPrivate {
    _output: Arc<Output>,
    buffers: [*const c_void; 3],
}

unsafe extern "C" fn release_array(array: *mut ArrowArray) {
    drop(Box::from_raw((*array).private_data as *mut ArrayPrivate));
    (*array).release = None;
}

/// Rows `start..start + length` as an array: the shared buffers, read
/// from `start` by the array's `offset`.
fn export_rows(output: &Arc<Output>, start: usize, length: usize, null_count: usize) -> ArrowArray {
    let validity = output
        .validity
        .as_ref()
        .map_or(std::ptr::null(), |bits| bits.as_ptr() as *const c_void);
    let mut private = Box::new(ArrayPrivate {
        _output: Arc::clone(output),
        buffers: [
            validity,
            output.offsets.start(),
            output.bytes.as_ptr() as *const c_void,
        ],
    });
    let buffers = private.buffers.as_mut_ptr();
    ArrowArray {
        length: length as i64,
        null_count: null_count as i64,
        offset: start as i64,
        n_buffers: 3,
        n_children: 0,
        buffers,
        children: std::ptr::null_mut(),
        dictionary: std::ptr::null_mut(),
        release: Some(release_array),
        private_data: Box::into_raw(private) as *mut c_void,
    }
}

/// Chunk `index`, as the input had it.
pub(crate) fn export_chunk(output: &Arc<Output>, index: usize) -> ArrowArray {
    let chunk = &output.chunks[index];
    export_rows(output, chunk.start, chunk.length, chunk.null_count)
}

/// The whole column as one array, whatever its chunks.
pub(crate) fn export_whole(output: &Arc<Output>) -> ArrowArray {
    let nulls = output.chunks.iter().map(|c| c.null_count).sum();
    export_rows(output, 0, output.rows(), nulls)
}

/// The chunks one by one.
struct StreamPrivate {
    output: Arc<Output>,
    next: usize,
}

unsafe extern "C" fn stream_schema(stream: *mut ArrowArrayStream, out: *mut ArrowSchema) -> c_int {
    let private = &*((*stream).private_data as *const StreamPrivate);
    out.write(export_schema(&private.output));
    0
}

unsafe extern "C" fn stream_next(stream: *mut ArrowArrayStream, out: *mut ArrowArray) -> c_int {
    let private = &mut *((*stream).private_data as *mut StreamPrivate);
    if private.next < private.output.chunk_count() {
        out.write(export_chunk(&private.output, private.next));
        private.next += 1;
    } else {
        out.write(ArrowArray::empty());
    }
    0
}

unsafe extern "C" fn stream_error(_: *mut ArrowArrayStream) -> *const c_char {
    std::ptr::null()
}

unsafe extern "C" fn release_stream(stream: *mut ArrowArrayStream) {
    drop(Box::from_raw((*stream).private_data as *mut StreamPrivate));
    (*stream).release = None;
}

pub(crate) fn export_stream(output: &Arc<Output>) -> ArrowArrayStream {
    ArrowArrayStream {
        get_schema: Some(stream_schema),
        get_next: Some(stream_next),
        get_last_error: Some(stream_error),
        release: Some(release_stream),
        private_data: Box::into_raw(Box::new(StreamPrivate {
            output: Arc::clone(output),
            next: 0,
        })) as *mut c_void,
    }
}
