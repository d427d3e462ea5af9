//! The special names only the tree reads (libiberty's `d_special_name`):
//! covariant thunks, template parameter objects,
//! reference temporaries, module initializers, Java resources. Those of
//! one operand (vtables, typeinfo, thunks, guard variables, TLS functions,
//! transaction clones...) and construction vtables are the grammar's
//! (`crate::gnu::grammar::productions`).

use super::*;
use crate::gnu::grammar::productions::Productions;
use crate::gnu::grammar::terms::Terms;

impl<'a> Parser<'a> {
    /// ```text
    /// <special-name> ::= Tc <call-offset> <call-offset> <encoding>
    ///                ::= TA <template-arg>
    ///                ::= GR <name> [<seq-id>] _ | GI <module-name> | Gr <resource>
    /// ```
    /// (libiberty `d_special_name`).
    pub(super) fn rare_special_name(&mut self) -> R {
        if self.eat(b'T') {
            return match self.next() {
                b'c' => {
                    let c = self.next();
                    self.call_offset(c)?;
                    let c = self.next();
                    self.call_offset(c)?;
                    let e = self.encoding(false)?;
                    Ok(self.add(Node::Special(Special::CovariantThunk, e)))
                }
                b'A' => {
                    let arg = self.template_arg(false)?;
                    Ok(self.add(Node::Special(Special::TemplateParamObject, arg)))
                }
                _ => self.invalid(),
            };
        }
        if self.eat(b'G') {
            return match self.next() {
                b'R' => {
                    let name = self.name(false)?.name;
                    let num = self.lexeme(lexemes::number)?;
                    let num = self.add(Node::Number(num));
                    Ok(self.add(Node::ReferenceTemporary(name, num)))
                }
                b'r' => self.java_resource(),
                // `GI <module-name>`: a module's initializer (GNU 2.44).
                b'I' => {
                    let module = self.module_name(None)?.ok_or(Stop::Invalid)?;
                    Ok(self.add(Node::ModuleInit(module)))
                }
                _ => self.invalid(),
            };
        }
        self.invalid()
    }

    /// `Gr <length> _ <name>`, the name with `$S` for `/`, `$_` for `.` and
    /// `$$` for `$` (libiberty `d_java_resource`).
    pub(super) fn java_resource(&mut self) -> R {
        let len = self.lexeme(lexemes::number)?;
        if len <= 1 || self.next() != b'_' {
            return self.invalid();
        }
        let mut len = len - 1;
        let mut name: Option<Id> = None;
        while len > 0 {
            let piece = if self.peek() == b'$' {
                let escaped = match self.peek_next() {
                    b'S' => "/",
                    b'_' => ".",
                    b'$' => "$",
                    _ => return self.invalid(),
                };
                self.advance(2);
                len -= 2;
                Node::Name(escaped)
            } else {
                let start = self.pos;
                let rest = &self.input[start..];
                let run = rest
                    .iter()
                    .take(usize::try_from(len).unwrap_or(usize::MAX))
                    .position(|&b| b == b'$')
                    .unwrap_or_else(|| rest.len().min(usize::try_from(len).unwrap_or(usize::MAX)));
                if run == 0 || !self.text.is_char_boundary(start + run) {
                    return self.invalid();
                }
                self.pos += run;
                len -= run as i64;
                Node::Name(&self.text[start..start + run])
            };
            let piece = self.add(piece);
            name = Some(match name {
                Some(prev) => self.add(Node::Compound(prev, piece)),
                None => piece,
            });
        }
        let name = name.ok_or(Stop::Invalid)?;
        Ok(self.add(Node::JavaResource(name)))
    }

    /// `<call-offset> ::= h <nv-offset> _ | v <v-offset> _`, read and not
    /// printed (libiberty `d_call_offset`).
    pub(super) fn call_offset(&mut self, c: u8) -> Result<(), Stop> {
        let input = self.input;
        match lexemes::call_offset(input, &mut self.pos, c) {
            Some(()) => Ok(()),
            None => self.invalid(),
        }
    }
}
