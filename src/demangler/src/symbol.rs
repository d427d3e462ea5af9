//! A demangled name with its parts: what [`crate::parse`] returns, for
//! profilers (group by function, without template arguments or parameters),
//! debuggers (colour each part) and binary analysis (the parameter types).
//!
//! The parts mean what LLVM's `ItaniumPartialDemangler` means by them
//! (`getFunctionBaseName`, `getFunctionDeclContextName`, `getFunctionName`,
//! `getFunctionParameters`, `getFunctionReturnType`, `isCtorOrDtor`, ...),
//! and are found while the name is printed: each is a span of the text.

/// A part of the text: its start and end, in bytes.
pub type Span = (usize, usize);

/// The language of a mangling scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Cxx,
    Rust,
    D,
    Java,
    Ada,
    Swift,
}

impl Language {
    /// Every language, in the order of their names.
    pub const ALL: [Language; 6] = [
        Language::Cxx,
        Language::Rust,
        Language::D,
        Language::Java,
        Language::Ada,
        Language::Swift,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Language::Cxx => "c++",
            Language::Rust => "rust",
            Language::D => "d",
            Language::Java => "java",
            Language::Ada => "ada",
            Language::Swift => "swift",
        }
    }
}

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Function,
    Data,
    /// Something the compiler made: a vtable, typeinfo, a guard variable,
    /// a thunk, a TLS wrapper, ... (its kind in words).
    Special(&'static str),
    /// Not told apart: the schemes whose parts are not read (D, GNAT,
    /// `format="none"`).
    Unknown,
}

impl Kind {
    /// `"function"`, `"data"`, `"special"` or `"unknown"`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Function => "function",
            Kind::Data => "data",
            Kind::Special(_) => "special",
            Kind::Unknown => "unknown",
        }
    }
}

/// The parts of a name, as spans of its text; `None` where the name has no
/// such part.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    /// The scope and the base name with the function's own template
    /// arguments (`ns::f<int>`).
    pub name: Option<Span>,
    /// What the name is declared in (`std::vector<int, std::allocator<int> >`).
    pub scope: Option<Span>,
    /// The unqualified name, without template arguments or ABI tags (`size`).
    pub base_name: Option<Span>,
    /// Each of the function's own template arguments.
    pub template_args: Vec<Span>,
    /// The parameter list, parentheses included (`(int, char const*)`).
    pub parameters: Option<Span>,
    /// The return type, where the name has one.
    pub return_type: Option<Span>,
    /// The qualifiers after the parameters (`const`, `&&`, `noexcept`, ...).
    pub qualifiers: Option<Span>,
    /// The compilers' clone suffixes as they print (`[clone .cold]`,
    /// `[clone .isra.0] [clone .constprop.1]`), where there are any.
    pub suffix: Option<Span>,
    /// A constructor or a destructor.
    pub is_ctor_or_dtor: bool,
    /// The module the name is declared in, where the scheme says (Swift:
    /// the first module of its scope, `Foundation` in `Foundation.Data`).
    pub module: Option<Span>,
}

/// A demangled name and its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// What [`crate::demangle`] gives.
    pub text: String,
    pub language: Language,
    pub kind: Kind,
    pub parts: Parts,
}

impl Parts {
    /// The same parts, `by` bytes further on.
    pub(crate) fn shift(&mut self, by: usize) {
        let shift = |span: &mut Option<Span>| {
            if let Some((start, end)) = span {
                *start += by;
                *end += by;
            }
        };
        for span in [
            &mut self.name,
            &mut self.scope,
            &mut self.base_name,
            &mut self.parameters,
            &mut self.return_type,
            &mut self.qualifiers,
            &mut self.suffix,
            &mut self.module,
        ] {
            shift(span);
        }
        for (start, end) in &mut self.template_args {
            *start += by;
            *end += by;
        }
    }
}

impl Symbol {
    /// The text of a part.
    pub fn part(&self, span: Option<Span>) -> &str {
        span.map_or("", |(start, end)| &self.text[start..end])
    }
}
