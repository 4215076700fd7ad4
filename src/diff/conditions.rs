//! Conditions of two paired statements: tests added or removed, values added or removed.
//!
//! Tests combine with AND, so one more test narrows; the values of one test combine with OR for
//! positive operators (one more value loosens) and with AND NOT for negated ones (it tightens).

use super::record::{Out, Sets};
use super::impact::Scope;
use super::items::{self, Item};
use super::{ChangeKind, Field};
use crate::normalize::condition::{Operator, ValueSense};
use crate::normalize::pattern;
use crate::policy::ConditionEntry;

/// Condition tests added or removed, and values added to or removed from a test on both sides.
pub(crate) fn compare(out: &mut Out) {
    let old_groups = items::condition_groups(out.pair.old);
    let new_groups = items::condition_groups(out.pair.new);
    let (old_span, new_span) = (out.pair.old.span, out.pair.new.span);
    for g in &new_groups {
        let op = Operator::parse(&g.operator.value);
        let before = old_groups.iter().find(|o| o.id == g.id);
        match before {
            Some(o) if o.entries.len() == 1 && g.entries.len() == 1 => {
                values(
                    out,
                    &op,
                    (o.operator.value.as_str(), g.operator.value.as_str()),
                    (o.entries[0], g.entries[0]),
                );
            }
            _ => {
                let old_entries: Vec<Vec<String>> = before
                    .map(|o| o.entries.iter().map(|e| items::entry_key(&op, e)).collect())
                    .unwrap_or_default();
                for e in g
                    .entries
                    .iter()
                    .filter(|e| !old_entries.contains(&items::entry_key(&op, e)))
                {
                    // One more test that must hold.
                    let value = Some(entry_label(&g.operator.value, e));
                    out.push(
                        Field::Condition,
                        ChangeKind::Added,
                        Scope::Narrower,
                        (None, old_span),
                        (value, e.key.span),
                    );
                }
            }
        }
    }
    for o in &old_groups {
        let op = Operator::parse(&o.operator.value);
        let after = new_groups.iter().find(|g| g.id == o.id);
        if after.is_some_and(|g| g.entries.len() == 1 && o.entries.len() == 1) {
            continue;
        }
        let new_entries: Vec<Vec<String>> = after
            .map(|g| g.entries.iter().map(|e| items::entry_key(&op, e)).collect())
            .unwrap_or_default();
        for e in o
            .entries
            .iter()
            .filter(|e| !new_entries.contains(&items::entry_key(&op, e)))
        {
            let value = Some(entry_label(&o.operator.value, e));
            out.push(
                Field::Condition,
                ChangeKind::Removed,
                Scope::Wider,
                (value, e.key.span),
                (None, new_span),
            );
        }
    }
}

/// Values added to or removed from one condition test present on both sides.
fn values(
    out: &mut Out,
    op: &Operator,
    (old_op, new_op): (&str, &str),
    (old, new): (&ConditionEntry, &ConditionEntry),
) {
    let old_items = items::condition_values(op, &old.values);
    let new_items = items::condition_values(op, &new.values);
    let scopes = match op.sense() {
        ValueSense::AnyOf => (Scope::Wider, Scope::Narrower),
        ValueSense::NoneOf => (Scope::Narrower, Scope::Wider),
        ValueSense::Unknown => (Scope::Unclear, Scope::Unclear),
    };
    let wildcards = op.takes_wildcards();
    let covers = |outer: &str, inner: &str| {
        if wildcards {
            pattern::covers(outer, inner)
        } else {
            outer == inner
        }
    };
    let label = |item: &Item, on_new: bool| {
        let (operator, entry) = if on_new { (new_op, new) } else { (old_op, old) };
        format!("{operator} {}: {}", entry.key.value, item.text.value)
    };
    let spans = (old.values.span.or(old.key.span), new.values.span.or(new.key.span));
    let sets = Sets {
        old: &old_items,
        new: &new_items,
        spans,
    };
    sets.push_changes(out, Field::Condition, scopes, &covers, &label);
}

/// `StringEquals kms:ViaService: logs.eu-west-1.amazonaws.com, …`
fn entry_label(operator: &str, entry: &ConditionEntry) -> String {
    format!(
        "{operator} {}: {}",
        entry.key.value,
        entry.values.values().collect::<Vec<_>>().join(", ")
    )
}
