//! Names: a local name's entity, template argument lists, Java
//! identifiers, and the names of a lambda's template parameters (`$T0`).

use super::*;

impl Printer<'_, '_> {
    /// The part after `::` of a qualified or local name.
    pub(super) fn local_part(&mut self, name: Id) -> Done {
        if let Node::DefaultArg(n, inner) = self.node(name) {
            self.push("{default arg#");
            self.push_num(u64::from(n) + 1);
            self.push("}::");
            self.comp(Some(inner))?;
        } else {
            self.comp(Some(name))?;
        }
        Ok(())
    }

    pub(super) fn template_args(&mut self, args: Id) -> Done {
        if self.last() == b'<' {
            self.push_char(' ');
        }
        self.push_char('<');
        self.comp(Some(args))?;
        // `> >`, never `>>`.
        if self.last() == b'>' {
            self.push_char(' ');
        }
        self.push_char('>');
        Ok(())
    }

    /// A Java identifier: `__U<hex>_` is the character of that code below
    /// 256 (libiberty `d_print_java_identifier`).
    pub(super) fn java_identifier(&mut self, name: &str) -> Done {
        let bytes = name.as_bytes();
        let mut p = 0;
        while p < bytes.len() {
            if bytes.len() - p > 3 && bytes[p..].starts_with(b"__U") {
                let mut q = p + 3;
                let mut code: u64 = 0;
                while q < bytes.len() && bytes[q].is_ascii_hexdigit() {
                    code = code.saturating_mul(16)
                        + u64::from((bytes[q] as char).to_digit(16).unwrap_or(0));
                    q += 1;
                }
                if q < bytes.len() && bytes[q] == b'_' && code < 256 {
                    // libiberty appends the byte; below 128 it is that
                    // character, above it Latin-1 as a char here.
                    self.push_char(char::from(code as u8));
                    p = q + 1;
                    continue;
                }
            }
            let c = name[p..].chars().next().unwrap_or_default();
            self.push_char(c);
            p += c.len_utf8();
        }
        Ok(())
    }

    /// The declaration after `decl` in a template head.
    pub(super) fn next_param_decl(&self, decl: Id) -> Option<Id> {
        match self.node(decl) {
            Node::TypeParm(next)
            | Node::NonTypeParm(_, next)
            | Node::TemplateTemplateParm(_, next)
            | Node::PackParm(_, next) => next,
            _ => None,
        }
    }

    /// The name a lambda's template parameter prints as: `$T`, `$N` or
    /// `$TT` by its declaration, and its index (libiberty
    /// `d_print_lambda_parm_name`).
    pub(super) fn lambda_parm_name(&mut self, decl: Id, index: u32) -> Done {
        match self.node(decl) {
            Node::TypeParm(_) => self.push("$T"),
            Node::NonTypeParm(..) => self.push("$N"),
            Node::TemplateTemplateParm(..) => self.push("$TT"),
            _ => return Err(Failure::Unprintable),
        }
        self.push_num(u64::from(index));
        Ok(())
    }
}
