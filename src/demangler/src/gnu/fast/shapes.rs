//! GNU's declarators, for the one-pass printer (`super`): a modifier on a
//! type just printed, put where d_print_comp and its modifier lists put
//! it, by the type's [`Shape`].

use super::super::ast::Qual;
use super::super::grammar::Stop;
use super::{slot_of, Reader, Shape, Span, Step, NO_SLOT};

impl Reader<'_, '_> {
    /// One qualifier (`code`: `K`, `V` or `r`) on `inner`, just printed, a
    /// type without one that is no reference (GNU prints a repeated
    /// qualifier once, and puts qualifiers on references and functions
    /// elsewhere).
    pub(super) fn qualified(&mut self, code: u8, inner: Span) -> Step<Shape> {
        let text = Qual::of_cv_code(code)
            .and_then(Qual::spelling)
            .ok_or(Stop::Invalid)?;
        Ok(match inner.shape {
            Shape::Plain | Shape::Pointer => {
                self.push(text);
                Shape::Qualified
            }
            Shape::Declarator { outer: b'P', .. } => self.modify(inner, text, code)?,
            // d_print_comp, `DEMANGLE_COMPONENT_ARRAY_TYPE`: the qualifiers
            // of an array are its element's.
            Shape::Declarator {
                slot,
                grouped: false,
                outer: 0,
                array: true,
            } if slot != NO_SLOT => {
                self.insert(inner.start + u32::from(slot), text);
                Shape::Declarator {
                    slot: slot_of(u32::from(slot) + text.len() as u32),
                    grouped: false,
                    outer: code,
                    array: true,
                }
            }
            _ => return Err(Stop::Invalid),
        })
    }

    /// One qualifier (`code`) right before a function type, `inner`, just
    /// printed: its `this`'s (d_cv_qualifiers makes `K` there
    /// `DEMANGLE_COMPONENT_CONST_THIS`), printed after the parameters
    /// (d_print_function_type's modifiers as a suffix): `void () const`.
    /// A modifier goes into its group as on any function type (`void
    /// (*)() const`).
    pub(super) fn qualified_function(&mut self, code: u8, inner: Span) -> Step<Shape> {
        let Shape::Declarator {
            grouped: false,
            outer: 0,
            array: false,
            ..
        } = inner.shape
        else {
            return Err(Stop::Invalid);
        };
        let text = Qual::of_cv_code(code)
            .map(Qual::on_this)
            .and_then(Qual::spelling)
            .ok_or(Stop::Invalid)?;
        self.push(text);
        Ok(inner.shape)
    }

    /// `P`, `R` or `O` (`code`) on `inner`, just printed, as GNU's
    /// declarators print them; with reference smashing (d_print_comp,
    /// `DEMANGLE_COMPONENT_REFERENCE`): a reference to an lvalue reference,
    /// or an rvalue reference to any reference, is that reference. GNU
    /// smashes one level only, printing what the inner reference refers to
    /// afresh (`OOOOs` is `short&&&&`): a reference it smashed is marked,
    /// and one more on it goes to the tree.
    #[inline(always)]
    pub(super) fn pointer_or_reference(&mut self, code: u8, inner: Span) -> Step<Shape> {
        let lvalue = code == b'R';
        Ok(match inner.shape {
            Shape::Pack { .. } | Shape::Expansion => return Err(Stop::Invalid),
            Shape::Reference | Shape::RvalueReference if code == b'P' => return Err(Stop::Invalid),
            // A reference to a reference to a function or array, as to any
            // other reference: the inner one, printed as it was.
            Shape::Declarator { outer: b'R', .. } if code != b'P' => Shape::SmashedDeclarator,
            Shape::Declarator { outer: b'O', .. } if code == b'O' => Shape::SmashedDeclarator,
            Shape::Declarator {
                outer: b'R' | b'O', ..
            }
            | Shape::Smashed
            | Shape::SmashedDeclarator => return Err(Stop::Invalid),
            Shape::Declarator { .. } => {
                let text = match code {
                    b'P' => "*",
                    b'R' => "&",
                    _ => "&&",
                };
                self.modify(inner, text, code)?
            }
            Shape::Reference => Shape::Smashed,
            Shape::RvalueReference if !lvalue => Shape::Smashed,
            // An lvalue reference to an rvalue reference is an lvalue
            // reference to what that refers to. The candidates that hold
            // the `&&` keep it: the text moves to the side, and comes back
            // without it.
            Shape::RvalueReference => {
                let kept = self.buf.out.len() - 2 - inner.start as usize;
                let base = self.buf.side.len();
                self.drop_from(inner.start);
                self.buf.out.push_str(&self.buf.side[base..base + kept]);
                self.push("&");
                Shape::Smashed
            }
            _ if code == b'P' => {
                self.push("*");
                Shape::Pointer
            }
            _ if lvalue => {
                self.push("&");
                Shape::Reference
            }
            _ => {
                self.push("&&");
                Shape::RvalueReference
            }
        })
    }

    /// The class of a pointer to member, a plain name just printed, taken
    /// out of the output with the candidates in it, for
    /// [`Reader::member_pointer`] to print after the member's type.
    pub(super) fn take_aside(&mut self, class: Span) -> Step<Span> {
        if class.shape != Shape::Plain || class.end != self.here() {
            return Err(Stop::Invalid);
        }
        let start = self.buf.side.len() as u32;
        self.drop_from(class.start);
        Ok(class.aside(start, self.buf.side.len() as u32))
    }

    /// A pointer to a member of `class` (aside: see
    /// [`Reader::take_aside`]) of type `member`, just printed, as GNU's
    /// modifier prints it (`d_print_mod`, `DEMANGLE_COMPONENT_PTRMEM_TYPE`:
    /// a space unless after `(`, the class, `::*`): after a data member's
    /// type (`int A::*`, which then takes modifiers as a pointer does), or
    /// in the group of a function or array type (`void (A::*)()`).
    pub(super) fn member_pointer(&mut self, class: Span, member: Span) -> Step<Shape> {
        let class = &self.buf.side[class.start as usize..class.end as usize];
        match member.shape {
            Shape::Plain | Shape::Qualified | Shape::Pointer => {
                let text = format!(" {class}::*");
                self.buf.out.push_str(&text);
                Ok(Shape::Pointer)
            }
            Shape::Declarator {
                grouped: false,
                outer: 0,
                ..
            } => {
                let text = format!("{class}::*");
                self.modify(member, &text, b'M')
            }
            _ => Err(Stop::Invalid),
        }
    }

    /// A modifier on a function or array type just printed: `text` goes
    /// into its group, made where there is none (d_print_function_type:
    /// `ret (*)(params)`; d_print_array_type: `elem (*) [dim]`; the
    /// modifiers innermost first).
    fn modify(&mut self, inner: Span, text: &str, code: u8) -> Step<Shape> {
        let Shape::Declarator {
            slot,
            grouped,
            array,
            ..
        } = inner.shape
        else {
            return Ok(inner.shape);
        };
        if slot == NO_SLOT {
            return Err(Stop::Invalid);
        }
        let slot = u32::from(slot);
        let at = inner.start + slot;
        let slot = if grouped {
            self.insert(at, text);
            slot + text.len() as u32
        } else {
            let open = if array { " (" } else { "(" };
            let mut group = String::with_capacity(text.len() + 3);
            group.push_str(open);
            group.push_str(text);
            group.push(')');
            self.insert(at, &group);
            slot + (open.len() + text.len()) as u32
        };
        Ok(Shape::Declarator {
            slot: slot_of(slot),
            grouped: true,
            outer: code,
            array,
        })
    }

    /// An array of `dim` (digits, or none) of `element`, just printed,
    /// printed `elem [dim]`: an element that is no function, array or
    /// reference.
    pub(super) fn array(&mut self, dim: &str, element: Span) -> Step<Shape> {
        if !matches!(
            element.shape,
            Shape::Plain | Shape::Qualified | Shape::Pointer
        ) {
            return Err(Stop::Invalid);
        }
        let slot = slot_of(self.here() - element.start);
        // A qualifier on the array is its element's, and GNU prints one
        // already there once: such an array is marked as qualified (`q`).
        let outer = if element.shape == Shape::Qualified {
            b'q'
        } else {
            0
        };
        self.push(" [");
        self.push(dim);
        self.push("]");
        Ok(Shape::Declarator {
            slot,
            grouped: false,
            outer,
            array: true,
        })
    }
}
