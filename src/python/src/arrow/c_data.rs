//! The Arrow C Data and C Stream Interfaces: the three structs of the
//! specification (<https://arrow.apache.org/docs/format/CDataInterface.html>),
//! the PyCapsules that carry them between Python libraries
//! (<https://arrow.apache.org/docs/format/CDataInterface/PyCapsuleInterface.html>),
//! and owners that call a struct's `release` when dropped.
//!
//! Written here rather than taken from arrow-rs: these few structs are all
//! the package needs, and the `arrow` crates would add megabytes to a wheel
//! of a few hundred kilobytes.

use std::ffi::{c_char, c_int, c_void, CStr};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

/// `struct ArrowSchema`: the type of a column.
#[repr(C)]
pub(crate) struct ArrowSchema {
    pub format: *const c_char,
    pub name: *const c_char,
    pub metadata: *const c_char,
    pub flags: i64,
    pub n_children: i64,
    pub children: *mut *mut ArrowSchema,
    pub dictionary: *mut ArrowSchema,
    pub release: Option<unsafe extern "C" fn(*mut ArrowSchema)>,
    pub private_data: *mut c_void,
}

/// `struct ArrowArray`: the buffers of a column (or of one chunk of it).
#[repr(C)]
pub(crate) struct ArrowArray {
    pub length: i64,
    pub null_count: i64,
    pub offset: i64,
    pub n_buffers: i64,
    pub n_children: i64,
    pub buffers: *mut *const c_void,
    pub children: *mut *mut ArrowArray,
    pub dictionary: *mut ArrowArray,
    pub release: Option<unsafe extern "C" fn(*mut ArrowArray)>,
    pub private_data: *mut c_void,
}

/// `struct ArrowArrayStream`: a schema, then the chunks one by one.
#[repr(C)]
pub(crate) struct ArrowArrayStream {
    pub get_schema: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowSchema) -> c_int>,
    pub get_next: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowArray) -> c_int>,
    pub get_last_error: Option<unsafe extern "C" fn(*mut ArrowArrayStream) -> *const c_char>,
    pub release: Option<unsafe extern "C" fn(*mut ArrowArrayStream)>,
    pub private_data: *mut c_void,
}

/// `ArrowSchema.flags`: the column may hold nulls.
pub(crate) const NULLABLE: i64 = 2;

/// The names the PyCapsule interface gives its capsules.
pub(crate) const SCHEMA_CAPSULE: &CStr = c"arrow_schema";
pub(crate) const ARRAY_CAPSULE: &CStr = c"arrow_array";
pub(crate) const STREAM_CAPSULE: &CStr = c"arrow_array_stream";

/// A struct of the interface that has a `release` callback.
pub(crate) trait Released: Sized {
    /// A struct already released (or moved), which owns nothing.
    fn empty() -> Self;
    /// Its `release` callback, `None` once released.
    fn is_released(&self) -> bool;
    /// Call `release`, as the specification asks of the struct's owner.
    fn release(&mut self);
}

macro_rules! released {
    ($struct:ident) => {
        impl Released for $struct {
            fn empty() -> Self {
                // SAFETY: every field is a pointer, an integer or an
                // `Option` of a function pointer: all zeros is a struct
                // whose `release` is NULL, a released one.
                unsafe { std::mem::zeroed() }
            }
            fn is_released(&self) -> bool {
                self.release.is_none()
            }
            fn release(&mut self) {
                if let Some(release) = self.release {
                    // SAFETY: the producer's own callback on its own
                    // struct, called once (it sets `release` to NULL).
                    unsafe { release(self) };
                    self.release = None;
                }
            }
        }
    };
}
released!(ArrowSchema);
released!(ArrowArray);
released!(ArrowArrayStream);

/// A struct of the interface owned here: released when dropped.
pub(crate) struct Owned<T: Released>(pub T);

impl<T: Released> Owned<T> {
    pub fn empty() -> Self {
        Owned(T::empty())
    }
}

impl<T: Released> Drop for Owned<T> {
    fn drop(&mut self) {
        self.0.release();
    }
}

// SAFETY: the structs describe buffers in memory, readable from any thread;
// the specification lets a consumer move them and release them on another
// thread than the producer's.
unsafe impl<T: Released> Send for Owned<T> {}
unsafe impl<T: Released> Sync for Owned<T> {}

/// Move the struct out of a capsule named `name` (the consumer's side of
/// the protocol: the capsule keeps a released struct).
pub(crate) fn take_from_capsule<T: Released>(
    capsule: &Bound<'_, PyAny>,
    name: &CStr,
) -> PyResult<Owned<T>> {
    // SAFETY: `PyCapsule_IsValid` checks that the object is a capsule of
    // this name with a non-NULL pointer, which by the protocol points to a
    // `T` that the capsule owns until someone moves it out.
    unsafe {
        if pyo3::ffi::PyCapsule_IsValid(capsule.as_ptr(), name.as_ptr()) != 1 {
            return Err(PyTypeError::new_err(format!(
                "expected a PyCapsule named {name:?} from the Arrow PyCapsule interface"
            )));
        }
        let pointer = pyo3::ffi::PyCapsule_GetPointer(capsule.as_ptr(), name.as_ptr()) as *mut T;
        if (*pointer).is_released() {
            return Err(PyTypeError::new_err(format!(
                "the Arrow capsule {name:?} was already consumed"
            )));
        }
        Ok(Owned(std::ptr::replace(pointer, T::empty())))
    }
}

/// A capsule named `name` holding `value`, released with the capsule
/// unless a consumer moved it out.
pub(crate) fn into_capsule<'py, T: Released>(
    py: Python<'py>,
    value: T,
    name: &'static CStr,
    destructor: unsafe extern "C" fn(*mut pyo3::ffi::PyObject),
) -> PyResult<Bound<'py, PyAny>> {
    let pointer = Box::into_raw(Box::new(value));
    // SAFETY: `pointer` is a live box handed to the capsule, which frees it
    // in `destructor` (see `drop_capsule`); `name` is 'static.
    unsafe {
        let capsule =
            pyo3::ffi::PyCapsule_New(pointer as *mut c_void, name.as_ptr(), Some(destructor));
        if capsule.is_null() {
            drop(Owned(*Box::from_raw(pointer)));
            return Err(PyErr::fetch(py));
        }
        Ok(Bound::from_owned_ptr(py, capsule))
    }
}

/// The body of a capsule destructor: release the struct unless it was
/// moved out, and free its box.
///
/// # Safety
/// `capsule` is a capsule made by [`into_capsule`] with the same `T` and
/// `name`.
pub(crate) unsafe fn drop_capsule<T: Released>(capsule: *mut pyo3::ffi::PyObject, name: &CStr) {
    let pointer = pyo3::ffi::PyCapsule_GetPointer(capsule, name.as_ptr()) as *mut T;
    if !pointer.is_null() {
        drop(Owned(*Box::from_raw(pointer)));
    }
}

pub(crate) unsafe extern "C" fn drop_schema_capsule(capsule: *mut pyo3::ffi::PyObject) {
    drop_capsule::<ArrowSchema>(capsule, SCHEMA_CAPSULE)
}

pub(crate) unsafe extern "C" fn drop_array_capsule(capsule: *mut pyo3::ffi::PyObject) {
    drop_capsule::<ArrowArray>(capsule, ARRAY_CAPSULE)
}

pub(crate) unsafe extern "C" fn drop_stream_capsule(capsule: *mut pyo3::ffi::PyObject) {
    drop_capsule::<ArrowArrayStream>(capsule, STREAM_CAPSULE)
}
