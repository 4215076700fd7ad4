//! Element-by-element comparison of two paired statements.

use super::impact::{effect_change, Mode, Scope};
use super::items::{self, Item};
use super::record::{Out, Pair, Sets};
use super::{Change, ChangeKind, Field, Side};
use crate::catalog::Partition;
use crate::json::Span;
use crate::normalize::pattern;
use crate::policy::{Principal, Statement, ValueList};

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

#[cfg(test)]
mod tests;
