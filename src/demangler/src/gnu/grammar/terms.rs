//! The productions that read terminals and call none of the recursive
//! ones (`super::productions`): source names and ABI tags, operator names,
//! back references and standard abbreviations, module names; and how a
//! name's parts combine into what it is ([`NameInfo`]).

use super::{Grammar, NameInfo, Named, Stop};
use crate::gnu::lexemes;
use crate::gnu::tables::{self, StdSubstitution};

/// `name`, just read, as `wrapped` under the qualifiers of a member
/// function's `this` (a `Qual`): no constructor any more, but a function
/// that returns what `name` does.
pub(super) fn under_this<N>(name: Named<N>, wrapped: N) -> Named<N> {
    Named {
        name: wrapped,
        info: name.info.only(NameInfo::TEMPLATE | NameInfo::RETURNS),
    }
}

/// A name that is none of the kinds [`NameInfo`] tells.
pub(super) fn plain<N>(name: N) -> Named<N> {
    Named {
        name,
        info: NameInfo::default(),
    }
}

impl<'a, G: Grammar<'a>> Terms<'a> for G {}

pub(in crate::gnu) trait Terms<'a>: Grammar<'a> {
    /// `<source-name> ::= <(positive length) number> <identifier>`
    /// (libiberty `d_source_name`), which is the last name: one cut short
    /// leaves none (a constructor after it fails: `_ZN1DCI15BEi`, whose
    /// inheriting constructor's type is cut short).
    #[inline(always)]
    fn source_name(&mut self) -> Result<Self::LastName, Stop> {
        let len = self.lexeme(lexemes::number)?;
        if len <= 0 {
            return self.invalid();
        }
        let mut pos = self.pos();
        let name = lexemes::identifier(self.text(), &mut pos, len as usize);
        self.set_pos(pos);
        let id = name.map(|name| self.identifier(name));
        self.set_last_name(id);
        match id {
            Some(id) => Ok(id),
            None => self.invalid(),
        }
    }

    /// An unqualified name that began and failed: libiberty still reads ABI
    /// tags after it; where a caller lets the failure pass (an unresolved
    /// scope, an inheriting constructor's type), it reads on after them, so
    /// they are consumed here as there.
    #[cold]
    fn failed_name<T>(&mut self, stop: Stop) -> Result<T, Stop> {
        if stop == Stop::Invalid {
            while self.eat(b'B') {
                let _ = self.source_name();
            }
        }
        Err(stop)
    }

    /// `<abi-tags> ::= <abi-tag>* ; <abi-tag> ::= B <source-name>` after
    /// `dc` (libiberty `d_abi_tags`), which leave the last name as it was.
    fn abi_tags(&mut self, mut dc: Named<Self::Name>) -> Result<Named<Self::Name>, Stop> {
        let hold_last_name = self.last_name();
        while self.eat(b'B') {
            let tag = self.source_name()?;
            dc = plain(self.abi_tag(dc.name, tag));
        }
        self.set_last_name(hold_last_name);
        Ok(dc)
    }

    /// `name` with template arguments `args` (a `Template`): libiberty's
    /// `has_return_type` asks whether the name under them is a
    /// constructor, destructor or conversion (`_ZN1AC2IiEIcEEvT_` is
    /// `void A::A<int><char>(char)`: under a second list it is none).
    fn template(&mut self, name: Named<Self::Name>, args: Self::List) -> Named<Self::Name> {
        Named {
            name: self.template_of(name.name, args),
            info: if name.info.has(NameInfo::CTOR_DTOR) {
                NameInfo::of(NameInfo::TEMPLATE)
            } else {
                NameInfo::of(NameInfo::TEMPLATE | NameInfo::RETURNS)
            },
        }
    }

    /// `prev::name` (a `QualName`): what `name` is, through the scope.
    fn qualified(&mut self, prev: Named<Self::Name>, name: Named<Self::Name>) -> Named<Self::Name> {
        Named {
            name: self.qualified_of(prev.name, name.name),
            info: name.info.only(NameInfo::CTOR_DTOR),
        }
    }

    /// ```text
    /// <substitution> ::= S <seq-id> _ | S_
    ///                ::= St | Sa | Sb | Ss | Si | So | Sd
    /// ```
    /// (libiberty `d_substitution`; in a `prefix`, a standard abbreviation
    /// before a constructor or destructor (`C`, `D`) takes its full name, as
    /// if verbose): what it stands for, and what that is as a name.
    #[inline(always)]
    fn substitution(&mut self, prefix: bool) -> Result<(Self::Type, NameInfo), Stop> {
        let mark = self.mark();
        self.expect(b'S')?;
        let c = self.peek();
        if tables::starts_seq_id(c) {
            return match tables::seq_id(&self.input()[self.pos()..]) {
                Ok((id, read)) => {
                    self.advance(read);
                    self.back_reference(mark, id as usize)
                }
                // A number too large fails where it is; any other failure
                // may be the name cut short.
                Err((read, overflow)) => {
                    self.advance(read);
                    if overflow {
                        Err(Stop::Invalid)
                    } else {
                        self.invalid()
                    }
                }
            };
        }
        self.advance(1);
        let sub = StdSubstitution::of_code(c).ok_or(Stop::Invalid)?;
        let spelling = sub.spelling(self.verbose(), prefix, self.peek());
        if let Some(last) = sub.last_name {
            let last = self.std_last_name(last);
            self.set_last_name(Some(last));
        }
        let mut dc = self.std_abbreviation(spelling);
        if self.peek() == b'B' {
            // With ABI tags the abbreviation becomes a candidate.
            self.gives_way()?;
            let abbreviation = self.type_as_name(dc);
            let tagged = self.abi_tags(plain(abbreviation))?;
            dc = self.name_as_type(tagged.name);
            self.add_sub_type(mark, dc, NameInfo::default())?;
        }
        Ok((dc, NameInfo::default()))
    }

    /// `<operator-name>`: two letters of the operator table, `cv <type>`
    /// (a conversion, or a cast in an expression), `li <source-name>` (a
    /// literal operator) or `v <digit> <source-name>` (a vendor's)
    /// (libiberty `d_operator_name`); `as_name`: after an `on`. Whether it
    /// is a conversion operator.
    fn operator_name(&mut self, as_name: bool) -> Result<(Self::Name, bool), Stop> {
        let c1 = self.next();
        let c2 = self.next();
        if c1 == b'v' && c2.is_ascii_digit() {
            self.gives_way()?;
            let name = self.source_name()?;
            return Ok((self.vendor_operator(c2 - b'0', name), false));
        }
        if c1 == b'c' && c2 == b'v' {
            self.gives_way()?;
            return self.conversion_operator(as_name);
        }
        match tables::operator([c1, c2]) {
            Some(op) => Ok((self.operator(op)?, false)),
            None => Err(Stop::Invalid),
        }
    }

    /// `<operator-name>` as a name (`d_unqualified_name`): `on` before a
    /// conversion operator's type, and a literal operator's suffix name
    /// after `li`. A conversion operator is, to `has_return_type`, what a
    /// constructor is.
    fn operator_as_name(&mut self) -> Result<Named<Self::Name>, Stop> {
        let on = self.peek() == b'o' && self.peek_next() == b'n';
        if on {
            self.advance(2);
        }
        let (op, conversion) = self.operator_name(on)?;
        if let Some(op) = self.literal_operator(op) {
            let name = self.source_name()?;
            return Ok(plain(self.literal_operator_name(op, name)));
        }
        Ok(Named {
            name: op,
            info: if conversion {
                NameInfo::of(NameInfo::CTOR_DTOR)
            } else {
                NameInfo::default()
            },
        })
    }

    /// `<module-name> ::= <module-subname>+`, `<module-subname> ::= W
    /// [P] <source-name>`, each a substitution candidate, under `module`
    /// (libiberty `d_maybe_module_name`).
    fn module_name(&mut self, mut module: Option<Self::Type>) -> Result<Option<Self::Type>, Stop> {
        while self.eat(b'W') {
            self.gives_way()?;
            let mark = self.mark();
            let partition = self.eat(b'P');
            let name = self.source_name()?;
            let id = self.module_part(module, name, partition);
            self.add_sub_type(mark, id, NameInfo::default())?;
            module = Some(id);
        }
        Ok(module)
    }
}
