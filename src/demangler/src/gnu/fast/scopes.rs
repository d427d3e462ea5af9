//! GNU's saved template scopes in the one-pass reader (d_print_comp,
//! `DEMANGLE_COMPONENT_REFERENCE`: `d_save_scope`, `d_get_saved_scope`).
//! A reference right on a template parameter's node prints that parameter
//! by the templates in scope where a reference on the node was first
//! printed: the reader notes, for each such node, the encoding and the
//! argument printed there, and prints that argument again where a
//! reference on the node is read in another encoding.

use super::super::grammar::Stop;
use super::super::{lexemes, tables};
use super::{Reader, Shape, Span, Step};

/// A template parameter's node a reference was printed on (GNU's
/// `d_saved_scope`): where in the input it is, the encoding the first
/// reference on it was printed in, and the argument printed there, kept
/// in `Buffers::side`, which a reference on the node in another encoding
/// prints again ([`Reader::reference_on`]).
#[derive(Clone, Copy)]
pub(super) struct SavedScope {
    node: u32,
    scope: u16,
    /// Saved where GNU saves it, in GNU's printing order: not in text
    /// GNU does not print (a local name's function's return type, an
    /// empty pack's pattern) or prints elsewhere (in a literal), nor on a
    /// reference that a reference on it smashes (see
    /// [`Reader::smashed`]); `arg` is kept only then.
    trusted: bool,
    arg: Span,
}

/// What [`Reader::reference_on`] did.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Saved {
    Nothing,
    /// The scope saved, at this index of `Buffers::saved_scopes`.
    Noted(u32),
    /// The argument of another encoding's scope printed.
    Restored,
}

impl Reader<'_, '_> {
    /// A reference (`R`, `O`, at `at` in the input) on the type just
    /// read, `inner`. Where that type is a template parameter's node (a
    /// `T_`, or a back reference to one), GNU prints it by the templates
    /// in scope where a reference on that node was first printed
    /// (d_print_comp, `DEMANGLE_COMPONENT_REFERENCE`: `d_save_scope`,
    /// `d_get_saved_scope`): the first one saves this encoding with the
    /// argument printed, and one in another encoding prints that argument
    /// instead of `inner` ([`Reader::restore_scope`]). Not in a lambda's
    /// parameters, where GNU looks no scope up.
    #[inline]
    pub(super) fn reference_on(&mut self, at: usize, inner: &mut Span) -> Step<Saved> {
        if self.in_lambda {
            return Ok(Saved::Nothing);
        }
        match self.param_node_after(at) {
            Some(node) => self.saved_scope(node, inner),
            None => Ok(Saved::Nothing),
        }
    }

    /// [`Reader::reference_on`] on the node at `node`.
    #[inline(never)]
    fn saved_scope(&mut self, node: u32, inner: &mut Span) -> Step<Saved> {
        let Some(saved) = self.buf.saved_scopes.iter().find(|s| s.node == node) else {
            return Ok(self.save_scope(node, *inner));
        };
        if saved.scope == self.scope {
            return Ok(Saved::Nothing);
        }
        *inner = self.restore_scope(*saved, *inner)?;
        Ok(Saved::Restored)
    }

    /// Note that a reference on `node` was printed here, and the argument
    /// `inner` printed for it.
    fn save_scope(&mut self, node: u32, inner: Span) -> Saved {
        let trusted = self.untrusted == 0
            && self.expanding.is_none()
            && !self.in_literal
            && !inner.side()
            && inner.end == self.here();
        let mut arg = inner;
        if trusted {
            let base = self.buf.side.len() as u32;
            let text = &self.buf.out[inner.start as usize..inner.end as usize];
            self.buf.side.push_str(text);
            arg = Span {
                start: base,
                end: self.buf.side.len() as u32,
                shape: inner.shape,
                scope_side: Span::SIDE,
            };
        }
        let index = self.buf.saved_scopes.len() as u32;
        self.buf.saved_scopes.push(SavedScope {
            node,
            scope: self.scope,
            trusted,
            arg,
        });
        Saved::Noted(index)
    }

    /// Print the argument `saved` kept in place of `inner`, the text just
    /// printed for the parameter by this encoding's templates, as GNU
    /// prints it by the saved ones. The tree's where the saved scope is
    /// not trusted, where GNU would print the two in the other order (see
    /// `no_restore`), and where `inner` was recorded
    /// as a candidate (a `T_` read here for the first time).
    #[cold]
    #[inline(never)]
    fn restore_scope(&mut self, saved: SavedScope, inner: Span) -> Step<Span> {
        let recorded = self.recording
            && self
                .buf
                .subs
                .last()
                .is_some_and(|c| !c.span.side() && c.span.end > inner.start);
        if !saved.trusted
            || self.no_restore > 0
            || self.expanding.is_some()
            || self.in_literal
            || recorded
            || inner.side()
            || inner.end != self.here()
        {
            return Err(Stop::Invalid);
        }
        self.buf.out.truncate(inner.start as usize);
        self.deepest = self.deepest_before_repeat;
        let span = self.repeat(saved.arg)?;
        self.restored = true;
        if self.reread_at.0 == inner.start {
            self.reread_at = (span.start, span.end);
        }
        Ok(span)
    }

    /// A reference on `inner`: where `inner` is a reference too, GNU
    /// prints the inner reference's operand under the outer one (reference
    /// smashing) and saves or looks up no scope for it. So where `inner`
    /// is the reference just printed with a scope saved, that scope is not
    /// trusted, and where it was printed with one restored, the name is
    /// the tree's; so is any reference on a reference once a scope has been
    /// restored, as `inner` may repeat that text (`_Z1fIZ1gIiEvOT_EUlvE_Ev
    /// RS1_RS4_`, see the tests).
    #[inline]
    pub(super) fn smashed(&mut self, inner: Span) -> Step {
        let (start, end, saved) = self.last_reference;
        if (start, end) != (inner.start, inner.end) {
            let reference = matches!(
                inner.shape,
                Shape::Reference
                    | Shape::RvalueReference
                    | Shape::Declarator {
                        outer: b'R' | b'O',
                        ..
                    }
            );
            return if self.restored && reference {
                Err(Stop::Invalid)
            } else {
                Ok(())
            };
        }
        match saved {
            Saved::Nothing => Ok(()),
            Saved::Noted(index) => {
                self.buf.saved_scopes[index as usize].trusted = false;
                Ok(())
            }
            Saved::Restored => Err(Stop::Invalid),
        }
    }

    /// Where in the input the template parameter's node is that the type
    /// after the modifier at `at` is, if it is one: a `T_` (that place),
    /// or a back reference to a candidate that is one (the candidate's);
    /// not one followed by template arguments (a template).
    fn param_node_after(&self, at: usize) -> Option<u32> {
        let input = self.text.as_bytes();
        let mut end = at + 2;
        let node = match *input.get(at + 1)? {
            b'T' => {
                lexemes::compact_number(input, &mut end)?;
                at as u32 + 1
            }
            b'S' if tables::starts_seq_id(*input.get(end)?) => {
                let (id, read) = tables::seq_id(&input[end..]).ok()?;
                end += read;
                let sub = *self.buf.subs.get(id as usize)?;
                let mangling = input.get(sub.from as usize..sub.to as usize)?;
                if !matches!(mangling, [b'T', .., b'_']) {
                    return None;
                }
                sub.from
            }
            _ => return None,
        };
        (input.get(end) != Some(&b'I')).then_some(node)
    }
}
