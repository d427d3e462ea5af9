//! A `DemangleWrite` that follows the `cpp_demangle` crate's printing, write
//! by write, and changes it where GNU c++filt prints otherwise.

use std::fmt;

use cpp_demangle::{DemangleNodeType, DemangleWrite};

use crate::capped::CappedString;

/// Full spellings of the standard substitutions, as c++filt prints them (it
/// runs libiberty in verbose mode).
const STD_STRING: &str = "std::basic_string<char, std::char_traits<char>, std::allocator<char> >";
const STD_OSTREAM: &str = "std::basic_ostream<char, std::char_traits<char> >";
const STD_ISTREAM: &str = "std::basic_istream<char, std::char_traits<char> >";
const STD_IOSTREAM: &str = "std::basic_iostream<char, std::char_traits<char> >";

/// The standard substitutions with two spellings: terse, verbose, and the
/// name of their constructors and destructors. The crate writes some one
/// way and some the other.
const STANDARD_NAMES: [(&str, &str, &str); 4] = [
    ("std::string", STD_STRING, "basic_string"),
    ("std::istream", STD_ISTREAM, "basic_istream"),
    ("std::ostream", STD_OSTREAM, "basic_ostream"),
    ("std::iostream", STD_IOSTREAM, "basic_iostream"),
];
const ANONYMOUS: &str = "(anonymous namespace)";

/// A `(` in a template argument that may start a function type.
#[derive(Clone, Copy)]
struct ParenCandidate {
    /// Where c++filt's space before a function type's `(` goes.
    at: usize,
    /// How many `(` were open before it.
    open: usize,
    /// Whether a function type gets the space (see `space_function_types`).
    space: bool,
    /// The text before the name the `(` follows, in its argument: for the
    /// function of a local name, the return type the crate prints and
    /// c++filt leaves out.
    before_name: (usize, usize),
}

/// A template parameter being printed, possibly a pack expansion.
struct ParamFrame {
    /// The node depth inside it.
    depth: usize,
    /// Where the `, ` between the elements of the pack were written.
    separators: Vec<usize>,
    /// Qualifiers written between the elements: where and what. The crate
    /// applies the qualifiers of `DpRKT_` one per element (`A const, B&`).
    qualifiers: Vec<(usize, &'static str)>,
}

/// The qualifier words, as `'static` for [`ParamFrame::qualifiers`].
fn static_qualifier(s: &str) -> Option<&'static str> {
    ["const", "volatile", "restrict", "&", "&&", "*", " "]
        .into_iter()
        .find(|q| *q == s)
}

/// Whether `text` is a plain, possibly qualified and templated name, such
/// as `std::is_same<int, long>::value`: nothing outside brackets but
/// identifier characters and `::`.
fn is_plain_name(text: &str) -> bool {
    let mut depth = 0usize;
    !text.is_empty()
        && text.bytes().all(|b| match b {
            b'<' => {
                depth += 1;
                true
            }
            b'>' => {
                depth = depth.saturating_sub(1);
                true
            }
            _ if depth > 0 => true,
            b':' | b'_' => true,
            _ => b.is_ascii_alphanumeric(),
        })
        && depth == 0
}

/// Whether a write is an ordinary name that none of the adjustments look at:
/// it starts like an identifier and is no qualifier or standard name.
#[inline(always)]
fn is_ordinary(s: &str) -> bool {
    let bytes = s.as_bytes();
    match bytes.first() {
        Some(b's' | b'o' | b'b' | b'c' | b'v' | b'r') => {
            !s.starts_with("std::")
                && match bytes.len() {
                    5 => s != "const",
                    6 => s != "string",
                    7 => s != "ostream",
                    8 => s != "volatile" && s != "restrict",
                    13 => s != "basic_istream",
                    14 => s != "basic_iostream",
                    _ => true,
                }
        }
        Some(b) => b.is_ascii_alphanumeric() || *b == b'_',
        None => false,
    }
}

/// What the crate writes for the qualifiers of a parameter.
fn is_qualifier(s: &str) -> bool {
    matches!(
        s,
        " " | "const" | "volatile" | "restrict" | "&" | "&&" | "*"
    )
}

pub(crate) struct GnuWriter {
    pub(crate) text: CappedString,
    /// Spell the standard substitutions out (c++filt without `-i`).
    verbose: bool,
    /// The crate's open nodes.
    nodes: Vec<DemangleNodeType>,
    /// Whether function types may appear directly in template arguments
    /// without names printed with parameters there too: then a `(` right
    /// after a type in a template argument starts a function type, which
    /// c++filt separates from its return type by a space.
    space_function_types: bool,
    /// Where a `, ` between template arguments was written, while nothing
    /// has followed it yet. If the next thing written closes the argument
    /// list or is another `, `, the argument between was an empty pack, and
    /// c++filt prints no separator for it.
    pending_comma: Option<usize>,
    /// An open `&operand` template argument: where the operand starts, the
    /// depth of the argument list it is in and how many `(` were open.
    address_of: Option<(usize, usize, usize)>,
    /// Where a function parameter started (after `(` or before `, `) while
    /// only qualifiers have been written for it: an empty pack expansion
    /// such as `DpRKT_` leaves just `const&` behind in the crate's output,
    /// where c++filt prints nothing (and, but for the first parameter, no
    /// separator either).
    pending_param: Option<usize>,
    /// How many `(` are open.
    parens: usize,
    /// `(`s in template arguments right after a type or name: a function
    /// type if what follows its `)` is not `::`, else the parameter list of
    /// the function a local name is in.
    maybe_function_types: Vec<ParenCandidate>,
    /// A `)` that closed one of those; decided by the next write.
    closed_function_type: Option<ParenCandidate>,
    /// Open template argument lists: node depth inside, where the current
    /// argument starts, where its last name (a direct child node) starts.
    arg_lists: Vec<(usize, usize, usize)>,
    /// `(`s written right after a prefix `!`: where, and how many `(` were
    /// open before.
    negations: Vec<(usize, usize)>,
    /// Open template parameters (`T_`).
    template_params: Vec<ParamFrame>,
    /// A pack just printed: where its separators are and where the
    /// qualifiers written after it start. The crate writes a pack
    /// expansion's qualifiers (`DpRKT_`) once, after the last element;
    /// c++filt writes them after every element.
    pack_qualifiers: Option<(Vec<usize>, usize)>,
}

impl GnuWriter {
    /// `names_in_args`: whether the symbol can print names with parameter
    /// lists inside template arguments (external names, `L_Z...E`).
    pub(crate) fn new(text: CappedString, names_in_args: bool, verbose: bool) -> Self {
        GnuWriter {
            text,
            verbose,
            // Deep enough for nearly every real symbol: one allocation.
            nodes: Vec::with_capacity(32),
            space_function_types: !names_in_args,
            pending_comma: None,
            address_of: None,
            pending_param: None,
            parens: 0,
            maybe_function_types: Vec::new(),
            closed_function_type: None,
            arg_lists: Vec::new(),
            negations: Vec::new(),
            template_params: Vec::new(),
            pack_qualifiers: None,
        }
    }

    /// Settle what waits on the next write, at the end of the output.
    pub(crate) fn finish(mut self) -> String {
        if self.unsettled() {
            self.settle(None);
        }
        self.text.out
    }

    /// Whether a decision waits on the next write.
    #[inline(always)]
    fn unsettled(&self) -> bool {
        self.closed_function_type.is_some() || self.pack_qualifiers.is_some()
    }

    /// Settle the decisions that wait on the next write `next`.
    fn settle(&mut self, next: Option<&str>) {
        if next.is_some_and(is_qualifier) {
            // Decide after the qualifiers: `f(int) const::x` is still the
            // function of a local name.
            return;
        }
        if let Some(paren) = self.closed_function_type.take() {
            if next.is_some_and(|s| s.starts_with("::")) {
                // The parameters of a local name's function: c++filt prints
                // no return type before its name.
                let (start, end) = paren.before_name;
                if end > start && self.text.out[start..end].ends_with(' ') {
                    self.text.out.replace_range(start..end, "");
                }
            } else if paren.space {
                self.text.out.insert(paren.at, ' ');
            }
        }
        if let Some((separators, start)) = self.pack_qualifiers.take() {
            let qualifiers = self.text.out[start..].to_string();
            if !qualifiers.is_empty() {
                for &at in separators.iter().rev() {
                    self.text.out.insert_str(at, &qualifiers);
                }
            }
        }
    }

    /// Take the qualifiers the crate wrote between a pack's elements out of
    /// the text and put them at its end, where the ones it wrote after the
    /// pack follow; [`Self::settle`] copies the lot after every element.
    fn gather_pack_qualifiers(&mut self, frame: ParamFrame) {
        let mut separators = frame.separators;
        // Only qualifiers that end an element are the pack's; others belong
        // to the element's own type (`char const (&) [30]`).
        let end = self.text.out.len();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for &(at, q) in &frame.qualifiers {
            match runs.last_mut() {
                Some(run) if run.1 == at => run.1 = at + q.len(),
                _ => runs.push((at, at + q.len())),
            }
        }
        if !runs
            .iter()
            .all(|&(_, run_end)| run_end == end || separators.contains(&run_end))
        {
            self.pack_qualifiers = Some((separators, end));
            return;
        }
        let mut gathered = String::new();
        for &(at, q) in frame.qualifiers.iter().rev() {
            self.text.out.replace_range(at..at + q.len(), "");
            for sep in separators.iter_mut().filter(|sep| **sep > at) {
                *sep -= q.len();
            }
            gathered.insert_str(0, q);
        }
        let start = self.text.out.len();
        self.text.out.push_str(&gathered);
        self.pack_qualifiers = Some((separators, start));
    }

    /// The spelling of a standard substitution, or of the constructor or
    /// destructor name after one. libiberty spells a substitution out when
    /// verbose, and always when it names the class of a constructor or
    /// destructor: the terse prefix already written is then spelled out.
    fn standard_name<'a>(&mut self, s: &'a str) -> &'a str {
        if s == "std::nullptr_t" {
            return "decltype(nullptr)";
        }
        for (terse, verbose, ctor) in STANDARD_NAMES {
            if s == terse || s == verbose {
                return if self.verbose { verbose } else { terse };
            }
            if (s == &terse[5..] || s == ctor)
                && (self.text.out.ends_with("::") || self.text.out.ends_with("::~"))
            {
                let out = &self.text.out;
                let prefix_end = out.len() - if out.ends_with("::~") { 3 } else { 2 };
                if out[..prefix_end].ends_with(verbose) {
                    return ctor;
                }
                if out[..prefix_end].ends_with(terse) && out[prefix_end..].starts_with("::") {
                    self.text
                        .out
                        .replace_range(prefix_end - terse.len()..prefix_end, verbose);
                    return ctor;
                }
            }
        }
        s
    }

    fn in_template_args(&self) -> bool {
        self.nodes.last() == Some(&DemangleNodeType::TemplateArgs)
    }

    fn last_byte(&self) -> Option<u8> {
        self.text.out.as_bytes().last().copied()
    }

    /// c++filt's spelling of `&name` as a template argument: a qualified,
    /// non-template function is named without its parameters; any other
    /// function (with a return type, a template, or unqualified) is put in
    /// parentheses.
    fn close_address_of(&mut self, start: usize) {
        let operand = &self.text.out[start..];
        // `(anonymous namespace)` is part of a name, not a parameter list.
        let skip = if operand.starts_with(ANONYMOUS) {
            ANONYMOUS.len()
        } else {
            0
        };
        let Some(paren) = top_level_find(&operand[skip..], b'(').map(|p| p + skip) else {
            return; // a variable: printed as it is
        };
        let name = &operand[..paren];
        let plain_qualified = name.contains("::")
            && top_level_find(name, b'<').is_none()
            && top_level_find(name, b' ').is_none();
        if plain_qualified {
            self.text.out.truncate(start + paren);
        } else {
            self.text.out.insert(start, '(');
            self.text.out.push(')');
        }
    }
}

/// The first `needle` outside any brackets.
fn top_level_find(text: &str, needle: u8) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if depth == 0 && b == needle {
            return Some(i);
        }
        match b {
            b'<' | b'(' | b'[' => depth += 1,
            b'>' | b')' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

impl DemangleWrite for GnuWriter {
    fn push_demangle_node(&mut self, node: DemangleNodeType) {
        if self.unsettled() {
            self.settle(Some(""));
        }
        let name = matches!(
            node,
            DemangleNodeType::NestedName
                | DemangleNodeType::UnqualifiedName
                | DemangleNodeType::Prefix
                | DemangleNodeType::TemplatePrefix
        );
        if let Some(list) = self.arg_lists.last_mut() {
            if name && list.0 == self.nodes.len() {
                list.2 = self.text.out.len();
            }
        }
        self.nodes.push(node);
        if node == DemangleNodeType::TemplateArgs {
            let here = self.text.out.len();
            self.arg_lists.push((self.nodes.len(), here, here));
        }
        if node == DemangleNodeType::TemplateParam {
            self.template_params.push(ParamFrame {
                depth: self.nodes.len(),
                separators: Vec::new(),
                qualifiers: Vec::new(),
            });
        }
    }

    fn write_string(&mut self, s: &str) -> fmt::Result {
        // Most writes are names or `::`, with nothing waiting on them.
        if (is_ordinary(s) || s == "::") && !self.unsettled() {
            self.pending_comma = None;
            self.pending_param = None;
            return fmt::Write::write_str(&mut self.text, s);
        }
        if self.unsettled() {
            self.settle(Some(s));
        }
        if let Some(frame) = self.template_params.last_mut() {
            if frame.depth == self.nodes.len() {
                if s == ", " {
                    frame.separators.push(self.text.out.len());
                } else if let Some(q) = static_qualifier(s) {
                    frame.qualifiers.push((self.text.out.len(), q));
                }
            }
        }
        if let Some(at) = self.pending_param {
            if s == ")" || s == ", " {
                self.text.out.truncate(at);
                self.pending_param = None;
            } else if !is_qualifier(s) {
                self.pending_param = None;
            }
        }
        match s {
            "(" => {
                if self.text.out.ends_with('!') {
                    self.negations.push((self.text.out.len(), self.parens));
                }
                self.parens += 1;
            }
            ")" => {
                self.parens = self.parens.saturating_sub(1);
                if self
                    .negations
                    .last()
                    .is_some_and(|&(_, open)| open == self.parens)
                {
                    let (at, _) = self.negations.pop().unwrap_or_default();
                    if is_plain_name(&self.text.out[at + 1..]) {
                        // c++filt parenthesises only operands that are not
                        // plain (qualified) names.
                        self.text.out.remove(at);
                        return Ok(());
                    }
                }
                if self
                    .maybe_function_types
                    .last()
                    .is_some_and(|p| p.open == self.parens)
                {
                    self.closed_function_type = self.maybe_function_types.pop();
                }
            }
            _ => {}
        }
        let in_args = self.in_template_args();
        // The crate writes `, ` inside the argument list and the closing `>`
        // after it has left it.
        let closes_arg = match s {
            ", " if in_args => Some(self.nodes.len()),
            ">" => Some(self.nodes.len() + 1),
            _ => None,
        };
        if let Some(at) = self.pending_comma.take() {
            if closes_arg.is_some() {
                self.text.out.truncate(at);
            }
        }
        if let (Some(depth), Some((start, open_depth, open_parens))) = (closes_arg, self.address_of)
        {
            if depth == open_depth && self.parens == open_parens {
                self.address_of = None;
                self.close_address_of(start);
            }
        }
        let s = match s.as_bytes()[0] {
            b's' | b'b' | b'o' => self.standard_name(s),
            b' ' => match s {
                " complex" => " _Complex",
                " imaginary" => " _Imaginary",
                _ => s,
            },
            _ => s,
        };
        if in_args {
            match s {
                ", " => {
                    let at = self.text.out.len();
                    fmt::Write::write_str(&mut self.text, s)?;
                    self.pending_comma = Some(at);
                    if let Some(list) = self.arg_lists.last_mut() {
                        if list.0 == self.nodes.len() {
                            (list.1, list.2) = (at + 2, at + 2);
                        }
                    }
                    return Ok(());
                }
                "&" if matches!(self.last_byte(), Some(b'<') | Some(b' '))
                    && self.address_of.is_none() =>
                {
                    fmt::Write::write_str(&mut self.text, s)?;
                    self.address_of = Some((self.text.out.len(), self.nodes.len(), self.parens));
                    return Ok(());
                }
                "(" if self.last_byte().is_some_and(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'>' | b'*' | b'&')
                }) =>
                {
                    let before_name = self
                        .arg_lists
                        .last()
                        .map_or((0, 0), |&(_, arg, name)| (arg, name));
                    self.maybe_function_types.push(ParenCandidate {
                        at: self.text.out.len(),
                        open: self.parens - 1,
                        space: self.space_function_types,
                        before_name,
                    });
                }
                _ => {}
            }
        } else {
            match s {
                ", " => self.pending_param = Some(self.text.out.len()),
                // Not `(*)` or `(&)` of a pointer or reference to a function
                // or an array, which the crate writes after a space.
                "(" if self.last_byte() != Some(b' ') => {
                    self.pending_param = Some(self.text.out.len() + 1)
                }
                _ => {}
            }
        }
        fmt::Write::write_str(&mut self.text, s)
    }

    fn pop_demangle_node(&mut self) {
        if self.unsettled() {
            self.settle(Some(""));
        }
        let popped = self.nodes.pop();
        if popped == Some(DemangleNodeType::TemplateArgs) {
            self.arg_lists.pop();
        }
        if popped == Some(DemangleNodeType::TemplateParam) {
            if let Some(frame) = self.template_params.pop() {
                if !frame.separators.is_empty() {
                    self.gather_pack_qualifiers(frame);
                }
            }
        }
    }
}
