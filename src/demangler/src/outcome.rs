//! What a scheme hands back: the text alone (for [`crate::demangle`]), or
//! the text with its language and, if asked for, what the name is and where
//! its parts are (for [`crate::parse`]). The ground floor of the core: the
//! schemes and the dispatcher import it, it imports none of them.

use crate::symbol::{Kind, Language, Parts, Symbol};

/// What a name is and where its parts are, where they were asked for
/// (boxed: demangling alone moves one pointer for it).
pub(crate) type Structure = Option<Box<(Kind, Parts)>>;

/// Where a text is appended: a `String` (a piece of `demangle_many`), or
/// the bytes of a column.
pub(crate) trait Sink {
    fn reserve_for(&mut self, len: usize);
    fn put(&mut self, text: &str);
}

impl Sink for String {
    fn reserve_for(&mut self, len: usize) {
        // A new text is allocated at once: growing an empty one costs a
        // name about 40 instructions more (RawVec's `finish_grow`).
        if self.capacity() == 0 {
            *self = String::with_capacity(len);
        } else {
            self.reserve_exact(len);
        }
    }

    fn put(&mut self, text: &str) {
        self.push_str(text);
    }
}

impl Sink for Vec<u8> {
    fn reserve_for(&mut self, len: usize) {
        self.reserve(len);
    }

    fn put(&mut self, text: &str) {
        self.extend_from_slice(text.as_bytes());
    }
}

/// What a scheme read: the text, its language and, if asked for, what the
/// name is and where its parts are.
pub(crate) struct Read {
    pub text: String,
    pub language: Language,
    pub structure: Structure,
}

/// What the readers give: the text alone (for [`crate::demangle`]) or a
/// [`Read`] (for [`crate::parse`]). Each scheme makes it from what it read;
/// only a `Read` has a scheme find the parts.
pub(crate) trait Outcome: Sized {
    /// Whether the parts of the name are wanted.
    const STRUCTURED: bool;
    /// Whether a C++ name may be offered to the one-pass reader, which
    /// gives the text alone: not where the parts are wanted, nor where the
    /// caller offered it already.
    const ONE_PASS: bool = !Self::STRUCTURED;
    fn new(text: String, language: Language, structure: Structure) -> Self;
    fn text_mut(&mut self) -> &mut String;
    /// Put `prefix` before the text, the parts moving with it.
    fn prepend(&mut self, prefix: &str);
    fn with_language(self, language: Language) -> Self;
}

impl Outcome for String {
    const STRUCTURED: bool = false;

    fn new(text: String, _: Language, _: Structure) -> Self {
        text
    }

    fn text_mut(&mut self) -> &mut String {
        self
    }

    fn prepend(&mut self, prefix: &str) {
        self.insert_str(0, prefix);
    }

    fn with_language(self, _: Language) -> Self {
        self
    }
}

impl Read {
    /// The structured result [`crate::parse`] returns: the parts a scheme
    /// found, or the text alone (of kind [`Kind::Unknown`]).
    pub(crate) fn into_symbol(self) -> Symbol {
        let (kind, parts) = match self.structure {
            Some(structure) => *structure,
            None => (Kind::Unknown, Parts::default()),
        };
        Symbol {
            text: self.text,
            language: self.language,
            kind,
            parts,
        }
    }
}

impl Outcome for Read {
    const STRUCTURED: bool = true;

    fn new(text: String, language: Language, structure: Structure) -> Self {
        Read {
            text,
            language,
            structure,
        }
    }

    fn text_mut(&mut self) -> &mut String {
        &mut self.text
    }

    fn prepend(&mut self, prefix: &str) {
        self.text.insert_str(0, prefix);
        if let Some(structure) = self.structure.as_deref_mut() {
            structure.1.shift(prefix.len());
        }
    }

    fn with_language(self, language: Language) -> Self {
        Read { language, ..self }
    }
}
