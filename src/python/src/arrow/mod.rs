//! `demangle_arrow`: a column of symbols in, through the Arrow PyCapsule
//! interface, read in place without a Python object a row; demangled on
//! all cores without the GIL; a column out through the same interface.

mod c_data;
mod export;
mod read;

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use c_data::{drop_array_capsule, drop_schema_capsule, drop_stream_capsule, into_capsule};
use export::{export_schema, export_stream, export_whole, Output};
use read::{Input, Layout};

use crate::options::options_from_kwargs;

/// Demangle a column of symbols given as an Arrow array or stream.
///
/// ``column`` is any object of the Arrow PyCapsule interface: a pyarrow
/// ``Array`` or ``ChunkedArray``, a Polars ``Series``, a DuckDB result of one
/// column, ... of type ``string``, ``large_string``, ``string_view``,
/// ``binary``, ``large_binary`` or ``binary_view``, or dictionary-encoded
/// with such values (each distinct symbol is then demangled once; the
/// result is not dictionary-encoded). Nulls stay null; a symbol
/// that does not demangle stays as it is, as in demangle_many(). The result
/// is ``string`` (``binary`` for binary input), ``large_`` when the input was
/// or when the texts pass 2 GiB, in the same chunks as the input. Options as
/// for demangle(). ``cpp_demangle.demangle_arrow`` gives back a pyarrow or
/// Polars object for pyarrow or Polars input; this gives an ArrowColumn.
#[pyfunction]
#[pyo3(signature = (column, **options))]
pub(crate) fn demangle_arrow(
    py: Python<'_>,
    column: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<ArrowColumn> {
    let options = options_from_kwargs(options, "demangle_arrow")?;
    let input = demangler::serial(|| Input::from_python(column))?;
    let kind = input.kind()?;
    let (name, nullable) = input.field();
    let output = py.detach(|| -> PyResult<Output> {
        let rows = demangler::serial(|| input.rows(kind))?;
        let mut texts = demangler::demangle_column(&rows.symbols, &options);
        if let Some(indices) = &rows.indices {
            // Each dictionary value was demangled once; now each row.
            texts = texts.gather(indices, Some(&rows.valid), &options);
        }
        demangler::serial(|| {
            Ok(Output::new(
                texts,
                &rows.valid,
                &rows.chunk_lengths,
                kind.binary,
                kind.layout == Layout::Offsets64,
                name,
                nullable,
            ))
        })
    })?;
    Ok(ArrowColumn {
        output: Arc::new(output),
    })
}

/// A demangled column, for any Arrow library to take: ``pyarrow.array()``,
/// ``pyarrow.chunked_array()``, ``polars.Series()``, ... read it through the
/// Arrow PyCapsule interface without a copy.
#[pyclass(frozen, module = "cpp_demangle")]
pub(crate) struct ArrowColumn {
    output: Arc<Output>,
}

#[pymethods]
impl ArrowColumn {
    fn __len__(&self) -> usize {
        self.output.rows()
    }

    fn __repr__(&self) -> String {
        format!(
            "<ArrowColumn of {} rows of {} in {} chunk(s)>",
            self.output.rows(),
            self.output.type_name(),
            self.output.chunk_count()
        )
    }

    /// The number of chunks (one for an array).
    #[getter]
    fn num_chunks(&self) -> usize {
        self.output.chunk_count()
    }

    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        into_capsule(
            py,
            export_schema(&self.output),
            c_data::SCHEMA_CAPSULE,
            drop_schema_capsule,
        )
    }

    /// The column as one array, its chunks joined (without a copy: they
    /// share their buffers). The requested schema is not honoured: the
    /// column has one type.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let _ = requested_schema;
        let schema = self.__arrow_c_schema__(py)?;
        let array = into_capsule(
            py,
            export_whole(&self.output),
            c_data::ARRAY_CAPSULE,
            drop_array_capsule,
        )?;
        Ok((schema, array))
    }

    /// The column as a stream of its chunks.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let _ = requested_schema;
        into_capsule(
            py,
            export_stream(&self.output),
            c_data::STREAM_CAPSULE,
            drop_stream_capsule,
        )
    }
}
