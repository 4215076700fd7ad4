//! Merge: add the statements a scenario needs to a policy that already exists, without touching
//! a byte of what is there.
//!
//! Rewriting someone's key policy is how access gets lost, so existing statements are kept as
//! they are and in their order, `Version` and `Id` included; required statements are appended
//! unless one already there covers them ([`crate::normalize::covers`]); a Sid already in use gets a number.

mod pasted;

pub use pasted::{losses, merge_pasted, MergeRefusal, RefusalReason};

use crate::normalize::{covers, infer_partition};
use crate::policy::{
    print, ConditionClause, ConditionEntry, Policy, PolicyKind, Principal, PrincipalEntry, Statement, Text, ValueList,
};
use serde::Serialize;

/// The merged policy and what the merge did.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MergeResult {
    #[serde(skip)]
    pub policy: Policy,
    /// [`MergeResult::policy`] as printed: what the size is measured on and what gets applied.
    #[serde(skip)]
    pub text: String,
    /// Indexes in [`MergeResult::policy`] of the statements appended.
    pub added: Vec<usize>,
    /// `(index in required, index in the result of the statement that covers it)`. The covering
    /// statement is an existing one (same index as in the existing policy) unless an earlier
    /// required statement, just appended, covers this one too.
    pub skipped: Vec<(usize, usize)>,
    /// `(Sid as required, Sid given)` for appended statements whose Sid was taken.
    pub renamed: Vec<(String, String)>,
    /// Size of the merged policy as printed, in the unit of `kind`'s limit ([`PolicyKind::size_limit`]).
    pub size: usize,
    pub limit: usize,
    pub over_limit: bool,
}

/// Appends to `existing` each `required` statement no statement already covers.
pub fn merge(existing: &Policy, required: &[Statement], kind: PolicyKind) -> MergeResult {
    let partition = infer_partition(existing.statements.iter().chain(required));
    let mut policy = existing.clone();
    let (mut added, mut skipped, mut renamed) = (Vec::new(), Vec::new(), Vec::new());
    for (r, statement) in required.iter().enumerate() {
        if let Some(by) = policy.statements.iter().position(|s| covers(s, statement, partition)) {
            skipped.push((r, by));
            continue;
        }
        let mut statement = without_spans(statement);
        if let Some(sid) = statement
            .sid
            .as_ref()
            .map(|t| t.value.clone())
            .filter(|s| taken(&policy, s))
        {
            let fresh = fresh_sid(&policy, &sid);
            statement.sid = Some(Text::new(fresh.clone()));
            renamed.push((sid, fresh));
        }
        policy.statements.push(statement);
        added.push(policy.statements.len() - 1);
    }
    if !added.is_empty() {
        // One statement written as a bare object becomes an array once there are two.
        policy.statement_is_array = true;
    }
    let limit = kind.size_limit();
    let text = print(&policy);
    let size = limit.measure(&text);
    MergeResult {
        policy,
        text,
        added,
        skipped,
        renamed,
        size,
        limit: limit.max,
        over_limit: size > limit.max,
    }
}

fn taken(policy: &Policy, sid: &str) -> bool {
    !sid.is_empty() && policy.statement(sid).is_some()
}

/// `<Sid>2`, `<Sid>3`, … : the first that is free. Digits keep a Sid valid in every kind.
fn fresh_sid(policy: &Policy, sid: &str) -> String {
    (2usize..)
        .map(|n| format!("{sid}{n}"))
        .find(|candidate| !taken(policy, candidate))
        .unwrap_or_else(|| sid.to_owned())
}

/// The statement with its source positions dropped: they point into another text.
fn without_spans(s: &Statement) -> Statement {
    let text = |t: &Text| Text {
        span: None,
        ..t.clone()
    };
    let list = |l: &ValueList| ValueList {
        items: l.items.iter().map(text).collect(),
        span: None,
        array: l.array,
    };
    let principal = |p: &Principal| match p {
        Principal::Wildcard(t) => Principal::Wildcard(text(t)),
        Principal::Map(entries) => Principal::Map(
            entries
                .iter()
                .map(|e| PrincipalEntry {
                    kind: text(&e.kind),
                    values: list(&e.values),
                })
                .collect(),
        ),
    };
    Statement {
        sid: s.sid.as_ref().map(text),
        effect: s.effect.as_ref().map(text),
        principal: s.principal.as_ref().map(principal),
        not_principal: s.not_principal.as_ref().map(principal),
        action: s.action.as_ref().map(list),
        not_action: s.not_action.as_ref().map(list),
        resource: s.resource.as_ref().map(list),
        not_resource: s.not_resource.as_ref().map(list),
        condition: s
            .condition
            .iter()
            .map(|c| ConditionClause {
                operator: text(&c.operator),
                entries: c
                    .entries
                    .iter()
                    .map(|e| ConditionEntry {
                        key: text(&e.key),
                        values: list(&e.values),
                    })
                    .collect(),
            })
            .collect(),
        has_condition: s.has_condition,
        span: None,
        malformed: s.malformed.clone(),
    }
}

#[cfg(test)]
mod tests;
