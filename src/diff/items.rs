//! The values of one statement element, each with its comparison key and the text it came from.

use crate::catalog::Partition;
use crate::normalize::condition::{value_key, Operator};
use crate::normalize::{action, pattern, principal};
use crate::policy::{ConditionEntry, Principal, Statement, Text, ValueList};

/// One listed value: how it compares, and the text to show and highlight.
pub(crate) struct Item<'a> {
    pub key: String,
    pub text: &'a Text,
}

/// A principal value keyed by its type, e.g. `AWS\u{0}arn:aws:iam::111122223333:root`.
pub(crate) fn principals(p: &Principal, partition: Partition) -> Vec<Item<'_>> {
    let keys = principal::keys(p, partition);
    let items = p.values().into_iter().zip(keys).map(|((_, text), (kind, value))| Item {
        key: format!("{kind}\u{0}{value}"),
        text,
    });
    dedup(items.collect())
}

pub(crate) fn actions(l: &ValueList) -> Vec<Item<'_>> {
    dedup(
        l.items
            .iter()
            .map(|text| Item {
                key: action::key(&text.value),
                text,
            })
            .collect(),
    )
}

pub(crate) fn resources(l: &ValueList) -> Vec<Item<'_>> {
    dedup(
        l.items
            .iter()
            .map(|text| Item {
                key: text.value.clone(),
                text,
            })
            .collect(),
    )
}

/// Values of one condition entry, keyed as `op` compares them.
pub(crate) fn condition_values<'a>(op: &Operator, l: &'a ValueList) -> Vec<Item<'a>> {
    dedup(
        l.items
            .iter()
            .map(|text| Item {
                key: value_key(op, &text.value),
                text,
            })
            .collect(),
    )
}

fn dedup(mut items: Vec<Item<'_>>) -> Vec<Item<'_>> {
    let mut seen = std::collections::BTreeSet::new();
    items.retain(|i| seen.insert(i.key.clone()));
    items
}

/// Whether principal key `outer` includes `inner`: equal, or `outer` is everyone.
pub(crate) fn principal_covers(outer: &str, inner: &str) -> bool {
    outer == inner || outer == "AWS\u{0}*"
}

/// Whether action key `outer` includes `inner` (both lowercase, wildcards allowed).
pub(crate) fn action_covers(outer: &str, inner: &str) -> bool {
    pattern::covers(outer, inner)
}

/// All the entries of a statement testing one `(operator, key)`, grouped. Two entries in a group
/// arise only from keys that differ by case; both must hold.
pub(crate) struct ConditionGroup<'a> {
    /// Canonical operator and lowercase key: what the group is compared by.
    pub id: (String, String),
    pub operator: &'a Text,
    pub entries: Vec<&'a ConditionEntry>,
}

pub(crate) fn condition_groups(s: &Statement) -> Vec<ConditionGroup<'_>> {
    let mut groups: Vec<ConditionGroup> = Vec::new();
    for clause in &s.condition {
        let op = Operator::parse(&clause.operator.value).canonical();
        for entry in &clause.entries {
            let id = (op.clone(), entry.key.value.to_lowercase());
            match groups.iter_mut().find(|g| g.id == id) {
                Some(group) => group.entries.push(entry),
                None => groups.push(ConditionGroup {
                    id,
                    operator: &clause.operator,
                    entries: vec![entry],
                }),
            }
        }
    }
    groups
}

/// The sorted value keys of an entry under `op`: what two entries are compared by.
pub(crate) fn entry_key(op: &Operator, entry: &ConditionEntry) -> Vec<String> {
    let mut keys: Vec<String> = entry.values.values().map(|v| value_key(op, v)).collect();
    keys.sort();
    keys.dedup();
    keys
}
