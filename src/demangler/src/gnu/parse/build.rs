//! The tree as the grammar's builder (`super::super::grammar::Grammar`): a
//! node of each production, and the productions only the tree reads.

use super::*;
use crate::gnu::grammar::expressions::Expressions;
use crate::gnu::grammar::{Dimension, Level, ListKind, Named, Signature};
use crate::gnu::lookahead::TypeStart;

impl<'a> Grammar<'a> for Parser<'a> {
    type Name = Id;
    type Type = Id;
    type List = Id;
    type ListState = ListBuilder;
    type Mark = ();
    /// A run of `Parser::quals`.
    type Quals = (usize, usize);
    type LastName = Id;
    type Frame = ();

    fn text(&self) -> &'a str {
        self.text
    }

    fn pos(&self) -> usize {
        self.pos
    }

    fn set_pos(&mut self, pos: usize) {
        self.pos = pos;
    }

    fn verbose(&self) -> bool {
        self.verbose
    }

    fn params(&self) -> bool {
        self.params
    }

    fn invalid<T>(&mut self) -> Result<T, Stop> {
        if self.at_end() {
            self.ran_out = true;
        }
        Err(Stop::Invalid)
    }

    fn gives_way(&self) -> Result<(), Stop> {
        Ok(())
    }

    fn descend<T>(
        &mut self,
        _: Level,
        read: impl FnOnce(&mut Self) -> Result<T, Stop>,
    ) -> Result<T, Stop> {
        self.descend_once(read)
    }

    fn modified<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> T {
        read(self)
    }

    fn mark(&self) {}

    fn add_sub_name(&mut self, _: (), name: Named<Id>) -> Result<(), Stop> {
        self.add_sub(name.name, name.info)
    }

    fn add_sub_type(&mut self, _: (), ty: Id, info: NameInfo) -> Result<(), Stop> {
        self.add_sub(ty, info)
    }

    fn back_reference(&mut self, _: (), id: usize) -> Result<(Id, NameInfo), Stop> {
        self.subs.get(id).copied().ok_or(Stop::Invalid)
    }

    fn std_abbreviation(&mut self, spelling: &'static str) -> Id {
        self.add(Node::StdName(spelling))
    }

    fn std_last_name(&mut self, name: &'static str) -> Id {
        self.add(Node::StdName(name))
    }

    fn last_name(&self) -> Option<Id> {
        self.last_name
    }

    fn set_last_name(&mut self, name: Option<Id>) {
        self.last_name = name;
    }

    fn identifier(&mut self, name: &'a str) -> Id {
        let id = self.add(Node::Name(name));
        // A Java name may end in a `$` (a C++ keyword) that its length
        // leaves out (d_identifier).
        if self.java && self.peek() == b'$' {
            self.advance(1);
        }
        id
    }

    fn source(&mut self, name: Id) -> Id {
        name
    }

    fn operator(&mut self, op: u8) -> Result<Id, Stop> {
        Ok(self.add(Node::Operator(op)))
    }

    fn literal_operator(&self, op: Id) -> Option<Id> {
        match self.node(op) {
            Node::Operator(i) if tables::operator_info(i).code == *b"li" => Some(op),
            _ => None,
        }
    }

    fn literal_operator_name(&mut self, op: Id, name: Id) -> Id {
        self.add(Node::Unary(op, name))
    }

    fn ctor_dtor(&mut self, name: Id, dtor: bool) -> Id {
        self.add(if dtor {
            Node::Dtor(name)
        } else {
            Node::Ctor(name)
        })
    }

    fn abi_tag(&mut self, name: Id, tag: Id) -> Id {
        self.add(Node::TaggedName(name, tag))
    }

    fn scope_part(&mut self, _: bool) {}

    fn qualified_of(&mut self, prev: Id, name: Id) -> Id {
        self.add(Node::QualName(prev, name))
    }

    fn prefix_ends(&mut self, _: u32) {}

    fn std_scope(&mut self) -> Id {
        self.add(Node::Name("std"))
    }

    fn template_of(&mut self, name: Id, args: Id) -> Id {
        self.add(Node::Template(name, args))
    }

    fn as_scope(&mut self, sub: Id) -> Result<Id, Stop> {
        Ok(sub)
    }

    fn type_as_name(&mut self, ty: Id) -> Id {
        ty
    }

    fn name_as_type(&mut self, name: Id) -> Id {
        name
    }

    fn this_qualifiers(&mut self, _: bool) -> Result<(usize, usize), Stop> {
        self.cv_qualifiers_run(true)
    }

    fn this_qualified(&mut self, quals: (usize, usize), name: Id) -> Id {
        self.wrap_quals(quals, name)
    }

    fn ref_qualifier_begins(&mut self, _: bool) -> Result<(), Stop> {
        Ok(())
    }

    fn ref_qualified(&mut self, qual: Qual, name: Id) -> Id {
        self.add(Node::Qual(qual, name, None))
    }

    fn local_entity_begins(&mut self) {}

    fn local_name_of(&mut self, function: Id, entity: Id) -> Id {
        // The containing function's return type would read as the local
        // entity's: it is dropped.
        if let Node::TypedName(_, ftype) = self.node(function) {
            if let Node::FunctionType(_, args) = self.node(ftype) {
                self.nodes[ftype as usize] = Node::FunctionType(None, args);
            }
        }
        // Its requires-clause moves only now (see
        // `Parser::move_template_constraints`).
        let function = self.move_template_constraints(function);
        self.add(Node::LocalName(function, entity))
    }

    fn string_literal(&mut self) -> Id {
        self.add(Node::Name(tables::STRING_LITERAL))
    }

    fn closure_begins(&mut self) -> Result<bool, Stop> {
        Ok(false)
    }

    fn closure(&mut self, _: bool, head: Option<Id>, params: Id, number: u32) -> Result<Id, Stop> {
        let params = match head {
            Some(first) => self.add(Node::TemplateHead(first, Some(params))),
            None => params,
        };
        Ok(self.add(Node::Lambda(params, number)))
    }

    fn unnamed_type(&mut self, number: u32) -> Result<Id, Stop> {
        Ok(self.add(Node::UnnamedType(number)))
    }

    fn builtin(&mut self, _: (), code: u8) -> Id {
        self.add(Node::Builtin(code))
    }

    fn auto(&mut self, _: (), decltype: bool) -> Id {
        self.add(Node::Name(if decltype { "decltype(auto)" } else { "auto" }))
    }

    fn class_type_begins(&self) -> Result<(), Stop> {
        Ok(())
    }

    fn name_type(&mut self, _: (), name: Named<Id>) -> Id {
        name.name
    }

    fn modifier(&mut self, _: (), code: u8, inner: Id) -> Result<Id, Stop> {
        Ok(self.add(match code {
            b'O' => Node::RvalueReference(inner),
            b'P' => Node::Pointer(inner),
            b'R' => Node::Reference(inner),
            b'C' => Node::Complex(inner),
            _ => Node::Imaginary(inner),
        }))
    }

    fn cv_qualifiers(&mut self, member_fn: bool) -> Result<(usize, usize), Stop> {
        self.cv_qualifiers_run(member_fn)
    }

    fn qualified_type_of(&mut self, _: (), quals: (usize, usize), inner: Id) -> Result<Id, Stop> {
        Ok(match self.node(inner) {
            // The ref-qualifier goes outside the cv-qualifiers. GNU moves it
            // in place: where `inner` came from a substitution, every use of
            // it gets the qualifiers too.
            Node::Qual(q @ (Qual::ReferenceThis | Qual::RvalueReferenceThis), f, None) => {
                let wrapped = self.wrap_quals(quals, f);
                self.nodes[inner as usize] = Node::Qual(q, wrapped, None);
                inner
            }
            _ => self.wrap_quals(quals, inner),
        })
    }

    fn array_dimension(&mut self, digits: &'a str) -> Id {
        self.add(Node::Name(digits))
    }

    fn array_of(&mut self, _: (), dim: Dimension<'a, Id>, element: Id) -> Result<Id, Stop> {
        let dim = match dim {
            Dimension::None => None,
            Dimension::Number(id, _) | Dimension::Expression(id) => Some(id),
        };
        Ok(self.add(Node::ArrayType(dim, element)))
    }

    fn return_type(
        &mut self,
        _: Signature,
        read: impl FnOnce(&mut Self) -> Result<Id, Stop>,
    ) -> Result<Id, Stop> {
        read(self)
    }

    fn function_of(&mut self, _: (), signature: Signature, ret: Option<Id>, params: Id) -> Id {
        // A local name's return type would read as the function's: it is
        // dropped (d_encoding). That of a local name's function is dropped
        // once the local name is read (`local_name_of`).
        let ret = match signature {
            Signature::Encoding {
                entity_local: true, ..
            } => None,
            _ => ret,
        };
        self.add(Node::FunctionType(ret, Some(params)))
    }

    fn null_type(&mut self) -> Id {
        self.add(Node::Null)
    }

    fn ref_qualified_type(&mut self, qual: Qual, ty: Id) -> Id {
        self.add(Node::Qual(qual, ty, None))
    }

    fn template_param_of(&mut self, _: (), n: u32) -> Result<Id, Stop> {
        Ok(self.add(Node::TemplateParam(n)))
    }

    fn pack_expansion(
        &mut self,
        _: (),
        mut pattern: impl FnMut(&mut Self) -> Result<Id, Stop>,
    ) -> Result<Id, Stop> {
        let inner = pattern(self)?;
        Ok(self.add(Node::PackExpansion(inner)))
    }

    fn list_begins(&mut self, kind: ListKind) -> Result<ListBuilder, Stop> {
        Ok(ListBuilder::new(kind != ListKind::Parameters))
    }

    fn list_item_begins(&mut self, _: &mut ListBuilder) -> Result<(), Stop> {
        Ok(())
    }

    fn list_item_ends(&mut self, list: &mut ListBuilder, item: Id) {
        self.list_push(list, item);
    }

    fn list_ends(&mut self, list: ListBuilder) -> Result<Id, Stop> {
        if !list.template {
            match list.first {
                None => return self.invalid(),
                // A lone `void` is no parameter.
                Some(only)
                    if list.len == 1
                        && matches!(self.node(only), Node::Builtin(b) if b == b'v' - b'a') =>
                {
                    return Ok(self.add(Node::ArgList(None, None)));
                }
                Some(_) => {}
            }
        }
        Ok(self.list_finish(list))
    }

    fn empty_list(&mut self, _: ListKind) -> Result<Id, Stop> {
        Ok(self.add(Node::TemplateArgList(None, None)))
    }

    fn pack_arg(&mut self, _: (), pack: Id) -> Id {
        pack
    }

    fn literal_type(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<Id, Stop>,
    ) -> Result<Id, Stop> {
        read(self)
    }

    fn is_nullptr(&self, ty: Id) -> bool {
        matches!(self.node(ty), Node::Builtin(tables::NULLPTR))
    }

    fn literal(&mut self, _: (), ty: Id, negative: bool, value: &'a str) -> Id {
        let digits = self.add(Node::Name(value));
        self.add(Node::Literal(ty, digits, negative))
    }

    fn encoding_begins(&mut self) -> Result<(), Stop> {
        Ok(())
    }

    fn encoding_ends(&mut self, _: ()) {}

    fn encoding_read(&mut self, encoding: Id) -> Id {
        self.move_template_constraints(encoding)
    }

    fn without_params(&mut self, top: bool, name: Named<Id>) -> Option<Id> {
        if !top || self.params {
            return None;
        }
        // Without parameters, a top-level name loses its function
        // qualifiers, and so does a local name's last part; the type that
        // follows a function's name is not read.
        self.dropped_function_type = !matches!(self.peek(), 0 | b'E' | b'.');
        let dc = self.strip_function_quals(name.name);
        if let Node::LocalName(f, local) = self.node(dc) {
            let local = self.strip_function_quals(local);
            self.nodes[dc as usize] = Node::LocalName(f, local);
        }
        Some(dc)
    }

    fn variable(&mut self, name: Named<Id>, _: bool) -> Result<Id, Stop> {
        Ok(name.name)
    }

    fn signature_begins(&mut self, _: NameInfo) {}

    fn typed_name(&mut self, _: (), name: Named<Id>, ftype: Id) -> Result<Id, Stop> {
        Ok(self.add(Node::TypedName(name.name, ftype)))
    }

    fn clone_suffix(&mut self, encoding: Id, suffix: &'a str) -> Id {
        let suffix = self.add(Node::Name(suffix));
        self.add(Node::Clone(encoding, suffix))
    }

    fn special_begins(&mut self, _: Special) -> Result<(), Stop> {
        Ok(())
    }

    fn special(&mut self, kind: Special, operand: Id) -> Id {
        self.add(Node::Special(kind, operand))
    }

    fn expression(&mut self) -> R {
        // libiberty's `is_expression`, set while it is read (d_expression).
        let was_expression = self.is_expression;
        self.is_expression = true;
        let ret = self.expression_1();
        self.is_expression = was_expression;
        ret
    }

    fn qualifier_levels_first(&mut self) -> bool {
        self.tried_unresolved_names |= self.unresolved_names;
        self.unresolved_names
    }

    fn unresolved_scope_ends(&mut self) {}

    fn unresolved_name_of(&mut self, _: (), name: Id, args: Option<Id>) -> Id {
        match args {
            Some(args) => self.add(Node::Template(name, args)),
            None => name,
        }
    }

    fn expression_operator(&mut self, op: u8) -> Result<Id, Stop> {
        Ok(self.add(Node::Operator(op)))
    }

    fn operation_of_one(&mut self, _: (), op: Id, operand: Id, suffix: bool) -> R {
        // A suffix operator's operand is kept twice, as libiberty marks it.
        let operand = match suffix {
            true => self.add(Node::BinaryArgs(Some(operand), Some(operand))),
            false => operand,
        };
        Ok(self.add(Node::Unary(op, operand)))
    }

    fn other_expression(&mut self) -> R {
        self.other_expression_inner()
    }

    fn literal_name(&mut self) -> Result<Id, Stop> {
        self.mangled_name(false)
    }

    fn printed_later(&mut self, ty: Id) -> Result<Id, Stop> {
        Ok(ty)
    }

    fn construction_vtable_begins(&mut self) -> Result<(), Stop> {
        Ok(())
    }

    fn construction_vtable_of(&mut self, derived: Id, base: Id) -> Id {
        self.add(Node::ConstructionVtable(base, derived))
    }

    fn pointer_to_member(&mut self, _: (), class: Id, member: Id) -> Result<Id, Stop> {
        Ok(self.add(Node::PtrMem(class, member)))
    }

    fn other_special_name(&mut self) -> Result<Id, Stop> {
        self.rare_special_name()
    }

    fn other_type(&mut self, start: TypeStart) -> Result<Id, Stop> {
        self.rare_type(start)
    }

    fn template_template_args(&mut self, param: Id) -> Result<Id, Stop> {
        self.template_template_param_args(param)
    }

    fn template_head(&mut self) -> Result<Option<Id>, Stop> {
        self.template_head_decls()
    }

    fn as_module(&self, sub: Id) -> Option<Id> {
        matches!(self.node(sub), Node::ModuleName(..)).then_some(sub)
    }

    fn module_part(&mut self, module: Option<Id>, name: Id, partition: bool) -> Id {
        self.add(Node::ModuleName(module, name, partition))
    }

    fn module_entity(&mut self, name: Id, module: Id) -> Id {
        self.add(Node::ModuleEntity(name, module))
    }

    fn friend(&mut self, name: Id) -> Id {
        self.add(Node::Friend(name))
    }

    fn structured_binding(&mut self) -> Result<Id, Stop> {
        self.structured_binding_names()
    }

    fn unnamed_enum(&mut self) -> Result<Id, Stop> {
        self.unnamed_enum_type()
    }

    fn vendor_operator(&mut self, args: u8, name: Id) -> Id {
        self.add(Node::ExtendedOperator(args, name))
    }

    fn conversion_operator(&mut self, as_name: bool) -> Result<(Id, bool), Stop> {
        // After `on`, `cv` names a conversion operator even in an
        // expression.
        let was_expression = self.is_expression;
        if as_name {
            self.is_expression = false;
        }
        let was_conversion = self.is_conversion;
        self.is_conversion = !self.is_expression;
        let ty = self.type_();
        let conversion = self.is_conversion;
        self.is_conversion = was_conversion;
        self.is_expression = was_expression;
        let ty = ty?;
        let op = self.add(if conversion {
            Node::Conversion(ty)
        } else {
            Node::Cast(ty)
        });
        Ok((op, conversion))
    }

    fn default_arg(&mut self, number: u32, name: Id) -> Id {
        self.add(Node::DefaultArg(number, name))
    }

    fn constraints(&mut self, args: Id, expr: Id) -> Id {
        self.add(Node::Constraints(args, expr))
    }

    fn function_constraints(&mut self, ftype: Id, expr: Id) -> Id {
        self.add(Node::Constraints(ftype, expr))
    }

    fn with_enable_if(&mut self, typed: Id, args: Id) -> Id {
        self.add(Node::EnableIf(typed, args))
    }
}
