//! How GNU's printer spells the pieces both printers of C++ names write:
//! the tree's printer (`super::print`) and the one-pass printer
//! (`super::fast`), each a [`Text`]. A change in libiberty's spelling of
//! one (`d_print_comp` and its helpers) is made here once.

/// What a printer writes to: its text, and the last character of it that
/// GNU's printer remembers (`last_char`, which decides `> >` and
/// `operator< <`).
pub(super) trait Text {
    fn put(&mut self, text: &str);

    fn last_char(&self) -> u8;

    /// `n` in decimal.
    fn put_number(&mut self, n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.put(std::str::from_utf8(&digits[at..]).unwrap_or_default());
    }
}

/// A template parameter in a lambda's signature, numbered from 1 (`T_` is
/// `auto:1`; libiberty `d_print_comp`, `DEMANGLE_COMPONENT_TEMPLATE_PARAM`
/// while `lambda_tpl_parms` is set).
pub(super) fn auto_parameter(out: &mut impl Text, n: u32) {
    out.put("auto:");
    out.put_number(u64::from(n) + 1);
}

/// The `<` before a template's arguments, a space before it after another
/// `<` (`operator< <int>`; libiberty `d_print_comp`,
/// `DEMANGLE_COMPONENT_TEMPLATE`).
pub(super) fn open_template_args(out: &mut impl Text) {
    if out.last_char() == b'<' {
        out.put(" ");
    }
    out.put("<");
}

/// The `>` after a template's arguments, a space before it after another
/// `>` (`A<B<C> >`, never `>>`).
pub(super) fn close_template_args(out: &mut impl Text) {
    if out.last_char() == b'>' {
        out.put(" ");
    }
    out.put(">");
}

/// The end of a closure's name after its parameters: `#`, its number from
/// 1, `}` (`{lambda(int)#1}`; `DEMANGLE_COMPONENT_LAMBDA`).
pub(super) fn close_closure(out: &mut impl Text, number: u32) {
    out.put("#");
    out.put_number(u64::from(number) + 1);
    out.put("}");
}

/// An unnamed type, numbered from 1: `{unnamed type#1}`
/// (`DEMANGLE_COMPONENT_UNNAMED_TYPE`).
pub(super) fn unnamed_type(out: &mut impl Text, number: u32) {
    out.put(super::tables::UNNAMED_TYPE_OPEN);
    out.put_number(u64::from(number) + 1);
    out.put("}");
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Plain(String);

    impl Text for Plain {
        fn put(&mut self, text: &str) {
            self.0.push_str(text);
        }

        fn last_char(&self) -> u8 {
            self.0.as_bytes().last().copied().unwrap_or(0)
        }
    }

    #[test]
    fn template_arguments_never_make_a_double_angle_bracket() {
        let mut out = Plain(String::from("operator<"));
        open_template_args(&mut out);
        out.put("A<int");
        close_template_args(&mut out);
        close_template_args(&mut out);
        assert_eq!(out.0, "operator< <A<int> >");
    }

    #[test]
    fn closures_and_unnamed_types_are_numbered_from_one() {
        let mut out = Plain(String::from("{lambda()"));
        close_closure(&mut out, 0);
        unnamed_type(&mut out, 41);
        out.put_number(u64::MAX);
        assert_eq!(out.0, "{lambda()#1}{unnamed type#42}18446744073709551615");
    }
}
