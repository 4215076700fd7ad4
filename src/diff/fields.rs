//! Element-by-element comparison of two paired statements.

use super::impact::{effect_change, Mode, Scope};
use super::items::{self, Item};
use super::{Change, ChangeKind, Field, Side};
use crate::catalog::Partition;
use crate::json::Span;
use crate::normalize::pattern;
use crate::policy::{Principal, Statement, ValueList};

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

pub(crate) fn compare(pair: Pair, partition: Partition, changes: &mut Vec<Change>) {
    let (old_effect, new_effect) = (pair.old.effect(), pair.new.effect());
    let mode = Mode::of(old_effect, new_effect);
    let raw = |s: &Statement| s.effect.as_ref().map(|t| t.value.clone());
    if raw(pair.old) != raw(pair.new) {
        let kind = match (&pair.old.effect, &pair.new.effect) {
            (None, _) => ChangeKind::Added,
            (_, None) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        let side = |s: &Statement, index| Side {
            statement: Some(index),
            value: raw(s),
            span: s.effect.as_ref().and_then(|t| t.span).or(s.span),
        };
        changes.push(Change {
            field: Field::Effect,
            kind,
            impact: effect_change(old_effect, new_effect),
            old: side(pair.old, pair.old_index),
            new: side(pair.new, pair.new_index),
        });
    }
    let mut out = Out { pair, mode, changes };
    principals(
        &mut out,
        Field::Principal,
        &pair.old.principal,
        &pair.new.principal,
        partition,
    );
    principals(
        &mut out,
        Field::NotPrincipal,
        &pair.old.not_principal,
        &pair.new.not_principal,
        partition,
    );
    lists(&mut out, Field::Action, &pair.old.action, &pair.new.action);
    lists(&mut out, Field::NotAction, &pair.old.not_action, &pair.new.not_action);
    lists(&mut out, Field::Resource, &pair.old.resource, &pair.new.resource);
    lists(
        &mut out,
        Field::NotResource,
        &pair.old.not_resource,
        &pair.new.not_resource,
    );
    super::conditions::compare(&mut out);
}

/// Whether adding a value to `field` widens what the statement matches.
fn widens_on_add(field: Field) -> bool {
    matches!(field, Field::Principal | Field::Action | Field::Resource)
}

fn principals(out: &mut Out, field: Field, old: &Option<Principal>, new: &Option<Principal>, partition: Partition) {
    let old_items = old.as_ref().map(|p| items::principals(p, partition));
    let new_items = new.as_ref().map(|p| items::principals(p, partition));
    let span = |p: &Option<Principal>, s: &Statement| match p {
        Some(Principal::Wildcard(t)) => t.span,
        Some(Principal::Map(entries)) => entries.first().and_then(|e| e.kind.span).or(s.span),
        None => s.span,
    };
    let spans = (span(old, out.pair.old), span(new, out.pair.new));
    compare_sets(out, field, old_items, new_items, spans, items::principal_covers);
}

fn lists(out: &mut Out, field: Field, old: &Option<ValueList>, new: &Option<ValueList>) {
    let is_action = matches!(field, Field::Action | Field::NotAction);
    let spans = (list_span(old, out.pair.old), list_span(new, out.pair.new));
    let covers = if is_action {
        items::action_covers
    } else {
        pattern::covers
    };
    compare_sets(
        out,
        field,
        list_items(old, is_action),
        list_items(new, is_action),
        spans,
        covers,
    );
}

fn list_items(l: &Option<ValueList>, is_action: bool) -> Option<Vec<Item<'_>>> {
    l.as_ref().map(|l| {
        if is_action {
            items::actions(l)
        } else {
            items::resources(l)
        }
    })
}

fn list_span(l: &Option<ValueList>, s: &Statement) -> Option<Span> {
    l.as_ref().and_then(|l| l.span).or(s.span)
}

/// Values added and removed between two versions of one element; `None` is an absent element.
fn compare_sets(
    out: &mut Out,
    field: Field,
    old: Option<Vec<Item>>,
    new: Option<Vec<Item>>,
    (old_span, new_span): (Option<Span>, Option<Span>),
    covers: fn(&str, &str) -> bool,
) {
    let negative = !widens_on_add(field);
    if negative && old.is_some() != new.is_some() {
        // `NotAction` appearing means "everything but these": far wider than its values say.
        let (kind, scope, items) = match (&old, &new) {
            (None, Some(items)) => (ChangeKind::Added, Scope::Wider, items),
            (Some(items), _) => (ChangeKind::Removed, Scope::Narrower, items),
            _ => return,
        };
        let value = Some(
            items
                .iter()
                .map(|i| i.text.value.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        );
        let (o, n) = match kind {
            ChangeKind::Added => ((None, old_span), (value, new_span)),
            _ => ((value, old_span), (None, new_span)),
        };
        out.push(field, kind, scope, o, n);
        return;
    }
    if old.is_some() != new.is_some()
        && old.as_ref().is_none_or(Vec::is_empty)
        && new.as_ref().is_none_or(Vec::is_empty)
    {
        // Absent and empty both list nothing; the element itself still changed.
        let kind = if new.is_some() {
            ChangeKind::Added
        } else {
            ChangeKind::Removed
        };
        out.push(field, kind, Scope::Same, (None, old_span), (None, new_span));
        return;
    }
    let (old, new) = (old.unwrap_or_default(), new.unwrap_or_default());
    let scopes = if negative {
        (Scope::Narrower, Scope::Wider)
    } else {
        (Scope::Wider, Scope::Narrower)
    };
    let sets = Sets {
        old: &old,
        new: &new,
        spans: (old_span, new_span),
    };
    sets.push_changes(out, field, scopes, &covers, &|item, _| item.text.value.clone());
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

#[cfg(test)]
mod tests;
