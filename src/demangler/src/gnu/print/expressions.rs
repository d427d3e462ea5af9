//! Expressions in template arguments and `decltype`: operators with their
//! operands and parentheses, casts, conversions, folds, designated
//! initializers and literals, by libiberty's `d_print_comp_inner` rules for
//! `DEMANGLE_COMPONENT_UNARY`/`BINARY`/`TRINARY`/`LITERAL` and
//! `d_maybe_print_fold_expression`.

use super::*;

impl<'a> Printer<'_, 'a> {
    /// A conversion operator's type, printed whole with the parameters of
    /// the enclosing template in scope (libiberty `d_print_conversion`, as
    /// of GNU 2.44: `Y::operator X<void><void>()` for `_ZNO1Ycv1XIT_EIvEEv`).
    pub(super) fn conversion(&mut self, ty: Id) -> Done {
        let scope = match self.current_template {
            Some(t) => self.scope_of(t),
            None => self.templates,
        };
        self.in_scope(scope, |p| p.comp(Some(ty)))?;
        Ok(())
    }

    pub(super) fn operator_code(&self, op: Id) -> Option<[u8; 2]> {
        match self.node(op) {
            Node::Operator(i) => Some(tables::operator_info(i).code),
            _ => None,
        }
    }

    pub(super) fn subexpr(&mut self, dc: Id) -> Done {
        let simple = matches!(
            self.node(dc),
            Node::Name(_) | Node::QualName(..) | Node::InitializerList(..) | Node::FunctionParam(_)
        );
        if !simple {
            self.push_char('(');
        }
        self.comp(Some(dc))?;
        if !simple {
            self.push_char(')');
        }
        Ok(())
    }

    pub(super) fn expr_op(&mut self, op: Id) -> Done {
        match self.node(op) {
            Node::Operator(i) => self.push(tables::operator_info(i).name),
            _ => self.comp(Some(op))?,
        }
        Ok(())
    }

    pub(super) fn unary(&mut self, op: Id, mut operand: Id) -> Done {
        let code = self.operator_code(op);
        if let Some(code) = code {
            if code == *b"ad" {
                // `&f`, not `&f(int)`.
                if let Node::TypedName(name, ty) = self.node(operand) {
                    if matches!(self.node(name), Node::QualName(..))
                        && matches!(self.node(ty), Node::FunctionType(..))
                    {
                        operand = name;
                    }
                }
            }
            if let Node::BinaryArgs(Some(inner), _) = self.node(operand) {
                // A suffix operator (`x++`).
                self.subexpr(inner)?;
                self.expr_op(op)?;
                return Ok(());
            }
        }
        match code {
            Some(c) if c == *b"sZ" => {
                let pack = self.find_pack(Some(operand))?;
                let len = self.pack_length(pack);
                self.push_num(len);
                return Ok(());
            }
            Some(c) if c == *b"sP" => {
                let len = self.args_length(Some(operand))?;
                self.push_num(len);
                return Ok(());
            }
            _ => {}
        }
        if let Node::Cast(ty) = self.node(op) {
            self.push_char('(');
            self.comp(Some(ty))?;
            self.push_char(')');
        } else {
            self.expr_op(op)?;
        }
        match code {
            Some(c) if c == *b"gs" => self.comp(Some(operand))?,
            // d_print_comp: always parentheses for `sizeof (type)` and,
            // since GNU 2.44, `noexcept(expr)`.
            Some(c) if c == *b"st" || c == *b"nx" => {
                self.push_char('(');
                self.comp(Some(operand))?;
                self.push_char(')');
            }
            _ => self.subexpr(operand)?,
        }
        Ok(())
    }

    pub(super) fn binary(&mut self, dc: Id, op: Id, args: Id) -> Done {
        let Node::BinaryArgs(Some(left), Some(right)) = self.node(args) else {
            return Err(Failure::Unprintable);
        };
        let code = self.operator_code(op).unwrap_or([0, 0]);
        if matches!(&code, b"dc" | b"sc" | b"cc" | b"rc") {
            self.expr_op(op)?;
            self.push_char('<');
            self.comp(Some(left))?;
            self.push(">(");
            self.comp(Some(right))?;
            self.push_char(')');
            return Ok(());
        }
        if self.fold(code, left, Some(right), None)? || self.designated_init(dc)? {
            return Ok(());
        }
        let greater = code == *b"gt";
        if greater {
            self.push_char('(');
        }
        match self.node(left) {
            Node::TypedName(function, ty) if code == *b"cl" => {
                // A call shows its arguments, not the callee's parameters.
                if !matches!(self.node(ty), Node::FunctionType(..)) {
                    return Err(Failure::Unprintable);
                }
                self.subexpr(function)?;
            }
            _ => self.subexpr(left)?,
        }
        if code == *b"ix" {
            self.push_char('[');
            self.comp(Some(right))?;
            self.push_char(']');
        } else {
            if code != *b"cl" {
                self.expr_op(op)?;
            }
            self.subexpr(right)?;
        }
        if greater {
            self.push_char(')');
        }
        Ok(())
    }

    pub(super) fn trinary(&mut self, dc: Id, op: Id, args: Id) -> Done {
        let Node::TrinaryArg1(first, rest) = self.node(args) else {
            return Err(Failure::Unprintable);
        };
        let Node::TrinaryArg2(second, third) = self.node(rest) else {
            return Err(Failure::Unprintable);
        };
        let code = self.operator_code(op).unwrap_or([0, 0]);
        if let (Some(operator), Some(lhs)) = (first, second) {
            if self.fold(code, operator, Some(lhs), third)? {
                return Ok(());
            }
        }
        if self.designated_init(dc)? {
            return Ok(());
        }
        if code == *b"qu" {
            let (Some(a), Some(b), Some(c)) = (first, second, third) else {
                return Err(Failure::Unprintable);
            };
            self.subexpr(a)?;
            self.expr_op(op)?;
            self.subexpr(b)?;
            self.push(" : ");
            self.subexpr(c)?;
        } else {
            self.push("new ");
            if let Some(first) = first {
                if self.node(first).children().0.is_some() {
                    self.subexpr(first)?;
                    self.push_char(' ');
                }
            }
            self.comp(second)?;
            if let Some(third) = third {
                self.subexpr(third)?;
            }
        }
        Ok(())
    }

    /// Fold expressions (`(... + x)`, `(x + ... + 0)`), which print the
    /// whole pack at once. `operator` is the folded operator.
    pub(super) fn fold(
        &mut self,
        code: [u8; 2],
        operator: Id,
        op1: Option<Id>,
        op2: Option<Id>,
    ) -> Result<bool, Failure> {
        if code[0] != b'f' {
            return Ok(false);
        }
        let Some(op1) = op1 else { return Ok(false) };
        let save = std::mem::replace(&mut self.pack_index, -1);
        match code[1] {
            b'l' => {
                self.push("(...");
                self.expr_op(operator)?;
                self.subexpr(op1)?;
                self.push_char(')');
            }
            b'r' => {
                self.push_char('(');
                self.subexpr(op1)?;
                self.expr_op(operator)?;
                self.push("...)");
            }
            b'L' | b'R' => {
                self.push_char('(');
                self.subexpr(op1)?;
                self.expr_op(operator)?;
                self.push("...");
                self.expr_op(operator)?;
                match op2 {
                    Some(op2) => self.subexpr(op2)?,
                    None => return Err(Failure::Unprintable),
                }
                self.push_char(')');
            }
            _ => {}
        }
        self.pack_index = save;
        Ok(true)
    }

    pub(super) fn designator_code(&self, dc: Id) -> Option<u8> {
        let op = match self.node(dc) {
            Node::Binary(op, _) | Node::Trinary(op, _) => op,
            _ => return None,
        };
        match self.operator_code(op)? {
            [b'd', c @ (b'i' | b'x' | b'X')] => Some(c),
            _ => None,
        }
    }

    /// `.a = 1`, `[0] = 1`, `[0 ... 3] = 1` in braced initializers.
    pub(super) fn designated_init(&mut self, dc: Id) -> Result<bool, Failure> {
        let Some(kind) = self.designator_code(dc) else {
            return Ok(false);
        };
        let (op1, mut op2) = match self.node(dc) {
            Node::Binary(_, args) | Node::Trinary(_, args) => self.node(args).children(),
            _ => return Ok(false),
        };
        self.push_char(if kind == b'i' { '.' } else { '[' });
        self.comp(op1)?;
        if kind == b'X' {
            self.push(" ... ");
            let (mid, last) = op2.map(|o| self.node(o).children()).unwrap_or((None, None));
            self.comp(mid)?;
            op2 = last;
        }
        if kind != b'i' {
            self.push_char(']');
        }
        match op2 {
            Some(o) if self.designator_code(o).is_some() => self.comp(Some(o))?,
            Some(o) => {
                self.push_char('=');
                self.subexpr(o)?;
            }
            None => return Err(Failure::Unprintable),
        }
        Ok(true)
    }

    pub(super) fn literal(&mut self, ty: Id, digits: Id, negative: bool) -> Done {
        let style = match self.node(ty) {
            Node::Builtin(code) => BUILTINS[code as usize].literal,
            _ => LiteralStyle::Default,
        };
        let plain = match self.node(digits) {
            Node::Name(name) => Some(name),
            _ => None,
        };
        let float = match style.form(negative, plain) {
            LiteralForm::Suffixed(suffix) => {
                if negative {
                    self.push_char('-');
                }
                self.comp(Some(digits))?;
                self.push(suffix);
                return Ok(());
            }
            LiteralForm::Bool(value) => {
                self.push(if value { "true" } else { "false" });
                return Ok(());
            }
            LiteralForm::Cast { float } => float,
        };
        self.push_char('(');
        self.comp(Some(ty))?;
        self.push_char(')');
        if negative {
            self.push_char('-');
        }
        if float {
            self.push_char('[');
        }
        self.comp(Some(digits))?;
        if float {
            self.push_char(']');
        }
        Ok(())
    }

    /// `d_print_comp_inner`'s expressions: operators, literals, casts, `decltype`, initializer lists and constraints.
    pub(super) fn expression_comp(&mut self, dc: Id, node: Node<'a>) -> Done {
        match node {
            Node::Constraints(constrained, expr) => {
                self.comp(Some(constrained))?;
                self.push(" requires ");
                self.comp(Some(expr))?;
            }
            Node::VendorExpr(name, args) => {
                self.comp(Some(name))?;
                self.push_char('(');
                self.comp(Some(args))?;
                self.push_char(')');
            }
            Node::InitializerList(ty, list) => {
                if ty.is_some() {
                    self.comp(ty)?;
                }
                self.push_char('{');
                self.comp(Some(list))?;
                self.push_char('}');
            }
            Node::Operator(i) => {
                let (operator, name) = tables::operator_info(i).as_name();
                self.push(operator);
                self.push(name);
            }
            Node::ExtendedOperator(_, name) => {
                self.push("operator ");
                self.comp(Some(name))?;
            }
            Node::Conversion(ty) => {
                self.push("operator ");
                self.conversion(ty)?;
            }
            Node::Nullary(op) => self.expr_op(op)?,
            Node::Unary(op, operand) => self.unary(op, operand)?,
            Node::Binary(op, args) => self.binary(dc, op, args)?,
            Node::Trinary(op, args) => self.trinary(dc, op, args)?,
            Node::Literal(ty, digits, negative) => self.literal(ty, digits, negative)?,
            Node::Number(n) => self.push_num(n),
            Node::Decltype(e) => {
                self.push("decltype (");
                self.comp(Some(e))?;
                self.push_char(')');
            }
            Node::Cast(_)
            | Node::BinaryArgs(..)
            | Node::TrinaryArg1(..)
            | Node::TrinaryArg2(..)
            | Node::DefaultArg(..) => return Err(Failure::Unprintable),
            _ => unreachable!("comp_inner sends expressions here"),
        }
        Ok(())
    }
}
