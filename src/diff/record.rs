//! Where the comparison of two paired statements records its changes: the pair, the impact mode
//! its effects give, and two versions of one list of values. Shared by the element comparison
//! (`fields.rs`) and the condition comparison (`conditions.rs`), so neither imports the other's
//! internals.

use super::impact::{Mode, Scope};
use super::items::Item;
use super::{Change, ChangeKind, Field, Side};
use crate::json::Span;
use crate::policy::Statement;

/// Two statements taken to be versions of each other, with their indexes.
#[derive(Clone, Copy)]
pub(crate) struct Pair<'a> {
    pub old: &'a Statement,
    pub new: &'a Statement,
    pub old_index: usize,
    pub new_index: usize,
}

/// Where a change is recorded and how its scope turns into an impact.
pub(crate) struct Out<'a, 'b> {
    pub pair: Pair<'a>,
    pub mode: Mode,
    pub changes: &'b mut Vec<Change>,
}

impl Out<'_, '_> {
    pub fn push(
        &mut self,
        field: Field,
        kind: ChangeKind,
        scope: Scope,
        old: (Option<String>, Option<Span>),
        new: (Option<String>, Option<Span>),
    ) {
        let side = |statement, (value, span)| Side {
            statement: Some(statement),
            value,
            span,
        };
        self.changes.push(Change {
            field,
            kind,
            impact: self.mode.impact(scope),
            old: side(self.pair.old_index, old),
            new: side(self.pair.new_index, new),
        });
    }
}

/// Two versions of one list of values, and where to point when a value has no counterpart.
pub(crate) struct Sets<'s, 'a> {
    pub old: &'s [Item<'a>],
    pub new: &'s [Item<'a>],
    pub spans: (Option<Span>, Option<Span>),
}

impl Sets<'_, '_> {
    /// One change per value on one side only, scoped `(added, removed)`, except that a value
    /// still covered by one on the other side (`kms:Decrypt` beside `kms:*`) moves nothing.
    /// `label` gets the value and whether it is on the new side.
    pub fn push_changes(
        &self,
        out: &mut Out,
        field: Field,
        (add_scope, remove_scope): (Scope, Scope),
        covers: &dyn Fn(&str, &str) -> bool,
        label: &dyn Fn(&Item, bool) -> String,
    ) {
        let (old_span, new_span) = self.spans;
        for item in self.new.iter().filter(|n| !self.old.iter().any(|o| o.key == n.key)) {
            let covered = self.old.iter().any(|o| covers(&o.key, &item.key));
            let scope = if covered { Scope::Same } else { add_scope };
            out.push(
                field,
                ChangeKind::Added,
                scope,
                (None, old_span),
                (Some(label(item, true)), item.text.span),
            );
        }
        for item in self.old.iter().filter(|o| !self.new.iter().any(|n| n.key == o.key)) {
            let covered = self.new.iter().any(|n| covers(&n.key, &item.key));
            let scope = if covered { Scope::Same } else { remove_scope };
            out.push(
                field,
                ChangeKind::Removed,
                scope,
                (Some(label(item, false)), item.text.span),
                (None, new_span),
            );
        }
    }
}
