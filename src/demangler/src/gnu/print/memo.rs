//! Texts printed once and copied after: a node that no template parameter,
//! function parameter, pack expansion, parameter declaration or
//! conversion operator is reached from prints the same text wherever it
//! is printed with no modifier pending, so the next time a substitution
//! reaches it, the printer copies the text it printed the first time
//! instead of walking the nodes again.
//!
//! libiberty walks them again (`d_print_comp` keeps no texts); the copy is
//! the same text, and it keeps the same limits: it takes from the fuel the
//! nodes it stands for, it is taken only where the first printing was as
//! deep or deeper, and a node whose first character depends on the one
//! before it (`operator< <`, a space before a function type's `(`) is
//! not copied.

use super::*;

/// A node's text, once printed.
#[derive(Clone, Copy, Default)]
pub(super) struct Memo {
    /// Whether the node prints the same text wherever it is printed with
    /// no modifier pending ([`mark_closed`]).
    closed: bool,
    /// Whether its text is kept: closed, and no leaf (a name or a builtin
    /// prints as fast as its text is copied).
    kept: bool,
    /// The last character printed, which the copy sets as the printing
    /// did.
    last_char: u8,
    /// Where its text is in the output; `end` 0 until it is printed.
    start: u32,
    end: u32,
    /// The fuel the printing took.
    fuel: u32,
    /// The depth the printing started at.
    depth: u32,
}

/// Trees of fewer nodes keep no texts: in them, marking the closed nodes
/// costs about what the copies save.
pub(super) const SMALL_TREE: usize = 64;

/// The closed nodes of `nodes`: no template parameter, function
/// parameter, pack expansion, parameter declaration or conversion operator
/// is reached from them. The parser makes a node after its children, so one
/// pass in order sees each child first; a child made later is taken for
/// open.
pub(super) fn mark_closed(nodes: &[Node<'_>], memo: &mut [Memo]) {
    for (i, node) in nodes.iter().enumerate() {
        let open = matches!(
            node,
            Node::TemplateParam(_)
                | Node::FunctionParam(_)
                | Node::PackExpansion(_)
                | Node::TemplateHead(..)
                | Node::TypeParm(_)
                | Node::NonTypeParm(..)
                | Node::TemplateTemplateParm(..)
                | Node::PackParm(..)
                | Node::Conversion(_)
                | Node::Null
        );
        let (left, right) = node.children();
        let closed =
            |child: Option<Id>| child.is_none_or(|c| (c as usize) < i && memo[c as usize].closed);
        let is_closed = !open && closed(left) && closed(right);
        memo[i].closed = is_closed;
        memo[i].kept = is_closed && (left.is_some() || right.is_some());
    }
}

impl Printer<'_, '_> {
    /// Whether `dc`'s text may be copied or kept here: it is closed, and
    /// no modifier is pending and no return type is to be dropped.
    pub(super) fn memoizable(&self, dc: Id) -> bool {
        self.memo.get(dc as usize).is_some_and(|memo| memo.kept)
            && self.modifiers.is_none()
            && !self.drop_return_type
    }

    /// Print `dc`, a node [`Printer::memoizable`] here: copy its text if
    /// it was printed where it was no shallower than here and the fuel
    /// left covers it; else print it, and keep its text.
    pub(super) fn copied_or_kept(&mut self, dc: Id) -> Done {
        let memo = self.memo[dc as usize];
        if memo.end != 0 && self.depth <= memo.depth as usize && self.fuel >= memo.fuel as usize {
            self.out
                .extend_from_within(memo.start as usize..memo.end as usize);
            self.fuel -= memo.fuel as usize;
            self.last_char = memo.last_char;
            return Ok(());
        }
        let (start, fuel) = (self.out.len(), self.fuel);
        let outer_read = self.first_read.replace(usize::MAX);
        let done = self.counted(dc);
        let first_read = self
            .first_read
            .replace(outer_read.min(self.first_read.get()));
        if done.is_ok() {
            self.keep_printed(dc, start, fuel - self.fuel, first_read);
        }
        done
    }

    /// Keep `dc`'s text, printed from `start` here with `fuel`, unless it
    /// is empty, or its printing looked at the character before it
    /// (`first_read`, the shortest output any look saw, is `start`).
    fn keep_printed(&mut self, dc: Id, start: usize, fuel: usize, first_read: usize) {
        let (end, depth) = (self.out.len(), self.depth);
        let memo = &mut self.memo[dc as usize];
        if end == start || first_read == start || (memo.end != 0 && memo.depth as usize >= depth) {
            return;
        }
        let (Ok(start), Ok(end), Ok(fuel), Ok(depth)) = (
            u32::try_from(start),
            u32::try_from(end),
            u32::try_from(fuel),
            u32::try_from(depth),
        ) else {
            return;
        };
        *memo = Memo {
            closed: true,
            kept: true,
            last_char: self.last_char,
            start,
            end,
            fuel,
            depth,
        };
    }
}
