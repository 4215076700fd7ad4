//! Coverage: whether an existing statement already does everything a required one would.
//!
//! Sound rather than complete: every `true` is certain, and anything this cannot prove (NotPrincipal,
//! a wildcard required action against a NotAction, operators whose values cannot be ordered)
//! counts as not covered, so the required statement is added. A redundant statement costs a few
//! bytes; a missing one breaks encryption.

use crate::catalog::Partition;
use super::condition::{Operator, ValueSense};
use super::{action, pattern, principal, ConditionKey, StatementKey};
use crate::policy::{Principal, Statement, ValueList};

/// Whether `existing` means the same as `required`, or has the same effect and a scope at least as wide: its
/// principals, actions and resources include the required ones (wildcards included:
/// `kms:*` covers `kms:Decrypt`), and its conditions are no stricter.
pub fn covers(existing: &Statement, required: &Statement, partition: Partition) -> bool {
    // The same statement again adds nothing, even one too malformed to reason about.
    if StatementKey::of(existing, partition) == StatementKey::of(required, partition) {
        return true;
    }
    // What lowering left out of it (a Condition that is not an object …) is not in the model, so
    // it can look wider than it is; AWS would not even accept it.
    if !existing.malformed.is_empty() {
        return false;
    }
    let (Some(e), Some(r)) = (existing.effect(), required.effect()) else {
        return false;
    };
    if e != r {
        return false;
    }
    principals_cover(existing, required, partition)
        && scope_covers(
            lists(&existing.action, &existing.not_action, true),
            lists(&required.action, &required.not_action, true),
        )
        && scope_covers(
            lists(&existing.resource, &existing.not_resource, false),
            lists(&required.resource, &required.not_resource, false),
        )
        && conditions_no_stricter(existing, required)
}

/// An element and its `Not` form, as comparison keys.
enum Scope {
    Only(Vec<String>),
    AllBut(Vec<String>),
    /// Neither, or both: AWS rejects such a statement, so it covers nothing and needs everything.
    Invalid,
}

fn lists(positive: &Option<ValueList>, negative: &Option<ValueList>, actions: bool) -> Scope {
    let keys = |l: &ValueList| {
        l.values()
            .map(|v| if actions { action::key(v) } else { v.to_owned() })
            .collect()
    };
    match (positive, negative) {
        (Some(l), None) => Scope::Only(keys(l)),
        (None, Some(l)) => Scope::AllBut(keys(l)),
        _ => Scope::Invalid,
    }
}

fn scope_covers(existing: Scope, required: Scope) -> bool {
    match (existing, required) {
        (Scope::Only(e), Scope::Only(r)) => r.iter().all(|r| e.iter().any(|e| pattern::covers(e, r))),
        (Scope::AllBut(e), Scope::Only(r)) => r
            .iter()
            .all(|r| !pattern::has_wildcard(r) && e.iter().all(|e| !pattern::matches(e, r))),
        (Scope::AllBut(e), Scope::AllBut(r)) => e.iter().all(|e| r.iter().any(|r| pattern::covers(r, e))),
        (Scope::Only(e), Scope::AllBut(_)) => e.iter().any(|e| pattern::covers(e, "*")),
        _ => false,
    }
}

fn principals_cover(existing: &Statement, required: &Statement, partition: Partition) -> bool {
    let keys = |p: &Principal| principal::keys(p, partition);
    match (
        &existing.principal,
        &existing.not_principal,
        &required.principal,
        &required.not_principal,
    ) {
        // Identity policies: both speak for whoever the policy is attached to.
        (None, None, None, None) => true,
        (Some(e), None, Some(r), None) => {
            let e = keys(e);
            keys(r)
                .iter()
                .all(|r| e.iter().any(|e| e == r || principal::is_everyone(e)))
        }
        (Some(e), None, None, Some(_)) => keys(e).iter().any(principal::is_everyone),
        // NotPrincipal's reach over an account's roles is subtle; only the same list is certain.
        (None, Some(e), None, Some(r)) => {
            let (mut e, mut r) = (keys(e), keys(r));
            e.sort();
            e.dedup();
            r.sort();
            r.dedup();
            e == r
        }
        _ => false,
    }
}

/// Every test in `existing` is implied by a test in `required`: wherever `required` applies,
/// `existing` does too.
fn conditions_no_stricter(existing: &Statement, required: &Statement) -> bool {
    let required_tests = crate::normalize::condition_keys(required);
    crate::normalize::condition_keys(existing)
        .iter()
        .all(|e| required_tests.iter().any(|r| implies(r, e)))
}

/// Whether passing test `r` guarantees passing test `e`.
fn implies(r: &ConditionKey, e: &ConditionKey) -> bool {
    if r.operator != e.operator || r.key != e.key {
        return false;
    }
    let op = Operator::parse(&e.operator);
    let within = |outer: &str, inner: &str| {
        if op.takes_wildcards() {
            pattern::covers(outer, inner)
        } else {
            outer == inner
        }
    };
    match op.sense() {
        // The request matched one of r's values; each of those is one of e's.
        ValueSense::AnyOf => r.values.iter().all(|rv| e.values.iter().any(|ev| within(ev, rv))),
        // The request matched none of r's values; e excludes no more than r does.
        ValueSense::NoneOf => e.values.iter().all(|ev| r.values.iter().any(|rv| within(rv, ev))),
        ValueSense::Unknown => r.values == e.values,
    }
}

#[cfg(test)]
mod tests;
