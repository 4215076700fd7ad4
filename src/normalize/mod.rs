//! Normalisation: one spelling for every way of writing the same policy, so that comparing two
//! policies compares what they grant rather than how they were typed or how AWS returned them.
//!
//! What counts as the same (each is something AWS itself ignores or rewrites):
//! - a string and a one-element array; key order; the order of statements and of the values in
//!   `Action`, `Resource`, principals and condition values (all sets); duplicate values;
//! - the case of action names (the service prefix is printed lowercase, the name as written);
//! - an account id and `arn:PARTITION:iam::ID:root` in `AWS` principals, the partition being the
//!   one the policy's ARNs use (default `aws`); `"Principal": "*"` and `{"AWS": "*"}`;
//! - the case of condition keys (operators stay case-sensitive), `ArnEquals` and `ArnLike`,
//!   `true` and `"true"` as condition values, an empty `Condition` and none;
//! - Sids and the policy `Id`, for [`equivalent`]: they name things and grant nothing. A missing
//!   `Version` is `2008-10-17`, as IAM reads it.

pub mod action;
pub mod condition;
mod cover;
mod key;
pub mod pattern;
pub mod principal;

pub use cover::covers;
pub use key::{condition_keys, ConditionKey, StatementKey};
pub use principal::infer_partition;

use crate::catalog::Partition;
use crate::policy::{
    ConditionClause, ConditionEntry, Literal, Policy, Principal, PrincipalEntry, Statement, Text, ValueList,
};
use std::collections::BTreeSet;

/// The `Version` IAM assumes when a policy has none.
pub const DEFAULT_VERSION: &str = "2008-10-17";

/// The policy in canonical form: statements sorted by what they grant, each list sorted and
/// without duplicates, account ids as root ARNs, single values as bare strings, and `Statement`
/// an array. Sids, `Version`, `Id` and source spans are kept.
pub fn normalize(policy: &Policy) -> Policy {
    let partition = infer_partition(&policy.statements);
    let mut statements: Vec<Statement> = policy.statements.iter().map(|s| statement(s, partition)).collect();
    // Spellings that mean the same (`kms:decrypt`) break ties, so the order never depends on the input's.
    statements.sort_by_cached_key(|s| {
        let single = Policy {
            version: None,
            id: None,
            statements: vec![s.clone()],
            statement_is_array: true,
        };
        (
            StatementKey::of(s, partition),
            s.sid.as_ref().map(|t| t.value.clone()),
            crate::policy::print(&single),
        )
    });
    Policy {
        version: policy.version.clone(),
        id: policy.id.clone(),
        statements,
        statement_is_array: true,
    }
}

/// Whether two policies grant and deny exactly the same: same `Version` and the same set of
/// statements once normalised, Sids and `Id` aside. This is a comparison of normal forms, not
/// a proof: `kms:*` listed beside `kms:Decrypt` is redundant yet still makes a different policy.
pub fn equivalent(a: &Policy, b: &Policy) -> bool {
    let partition = infer_partition(a.statements.iter().chain(&b.statements));
    version(a) == version(b) && statement_keys(a, partition) == statement_keys(b, partition)
}

/// The `Version` a policy is evaluated under.
pub fn version(policy: &Policy) -> &str {
    policy.version.as_ref().map_or(DEFAULT_VERSION, |t| t.value.as_str())
}

/// The distinct statement meanings of a policy. A statement repeated under another Sid adds nothing.
pub fn statement_keys(policy: &Policy, partition: Partition) -> BTreeSet<StatementKey> {
    policy
        .statements
        .iter()
        .map(|s| StatementKey::of(s, partition))
        .collect()
}

fn statement(s: &Statement, partition: Partition) -> Statement {
    let condition: Vec<ConditionClause> = conditions(&s.condition);
    Statement {
        sid: s.sid.clone(),
        effect: s.effect.clone(),
        principal: s.principal.as_ref().map(|p| principal_of(p, partition)),
        not_principal: s.not_principal.as_ref().map(|p| principal_of(p, partition)),
        action: s.action.as_ref().map(actions),
        not_action: s.not_action.as_ref().map(actions),
        resource: s.resource.as_ref().map(|l| set(l, |t| t.clone(), |t| t.value.clone())),
        not_resource: s
            .not_resource
            .as_ref()
            .map(|l| set(l, |t| t.clone(), |t| t.value.clone())),
        has_condition: !condition.is_empty(),
        condition,
        span: s.span,
        malformed: s.malformed.clone(),
    }
}

/// `items` rewritten by `rewrite`, deduplicated and sorted by `key`; a bare string when one is left.
fn set(list: &ValueList, rewrite: impl Fn(&Text) -> Text, key: impl Fn(&Text) -> String) -> ValueList {
    let mut keyed: Vec<(String, Text)> = list.items.iter().map(rewrite).map(|t| (key(&t), t)).collect();
    // Of two spellings of one value (`kms:Decrypt`, `kms:decrypt`) the smallest is kept, so the
    // result does not depend on the order they were written in.
    keyed.sort_by(|a, b| (&a.0, &a.1.value).cmp(&(&b.0, &b.1.value)));
    keyed.dedup_by(|a, b| a.0 == b.0);
    let items: Vec<Text> = keyed.into_iter().map(|(_, t)| t).collect();
    ValueList {
        array: items.len() != 1,
        items,
        span: list.span,
    }
}

fn actions(list: &ValueList) -> ValueList {
    set(
        list,
        |t| Text {
            value: action::readable(&t.value),
            ..t.clone()
        },
        |t| action::key(&t.value),
    )
}

fn principal_of(p: &Principal, partition: Partition) -> Principal {
    let Principal::Map(entries) = p else { return p.clone() };
    let mut kinds: Vec<&Text> = entries.iter().map(|e| &e.kind).collect();
    kinds.sort_by(|a, b| a.value.cmp(&b.value));
    kinds.dedup_by(|a, b| a.value == b.value);
    let merged = kinds.into_iter().map(|kind| {
        // A type listed twice (duplicate JSON keys) lists one set of principals.
        let same: Vec<&PrincipalEntry> = entries.iter().filter(|e| e.kind.value == kind.value).collect();
        let all = ValueList {
            items: same.iter().flat_map(|e| e.values.items.iter().cloned()).collect(),
            array: true,
            span: same.first().and_then(|e| e.values.span),
        };
        let rewrite = |t: &Text| Text {
            value: principal::value(&kind.value, &t.value, partition),
            ..t.clone()
        };
        PrincipalEntry {
            kind: kind.clone(),
            values: set(&all, rewrite, |t| t.value.clone()),
        }
    });
    Principal::Map(merged.collect())
}

fn conditions(clauses: &[ConditionClause]) -> Vec<ConditionClause> {
    let mut operators: Vec<&Text> = clauses.iter().map(|c| &c.operator).collect();
    operators.sort_by(|a, b| a.value.cmp(&b.value));
    operators.dedup_by(|a, b| a.value == b.value);
    operators
        .into_iter()
        .filter_map(|operator| {
            let op = condition::Operator::parse(&operator.value);
            let mut entries: Vec<(String, Vec<String>, ConditionEntry)> = clauses
                .iter()
                .filter(|c| c.operator.value == operator.value)
                .flat_map(|c| c.entries.iter())
                .map(|e| {
                    let string = |t: &Text| Text {
                        literal: Literal::String,
                        ..t.clone()
                    };
                    let values = set(&e.values, string, |t| condition::value_key(&op, &t.value));
                    let keys = values.values().map(|v| condition::value_key(&op, v)).collect();
                    (
                        e.key.value.to_lowercase(),
                        keys,
                        ConditionEntry {
                            key: e.key.clone(),
                            values,
                        },
                    )
                })
                .collect();
            entries.sort_by(|a, b| (&a.0, &a.1, &a.2.key.value).cmp(&(&b.0, &b.1, &b.2.key.value)));
            entries.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
            let entries: Vec<ConditionEntry> = entries.into_iter().map(|(_, _, e)| e).collect();
            (!entries.is_empty()).then(|| ConditionClause {
                operator: operator.clone(),
                entries,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
