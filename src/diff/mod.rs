//! Diff: what changed between two policies, statement by statement and value by value, and
//! whether each change widens or narrows access.
//!
//! A JSON diff compares arrays by position, which is wrong for IAM, where `Action`, `Resource`,
//! principals, condition values and the statement list are all sets. Here statements are paired
//! first (by meaning, then Sid, then overlap), then each pair is compared element by element on
//! normalised values ([`crate::normalize`]), keeping the source spans of both sides for highlighting.

mod access;
mod conditions;
mod fields;
mod impact;
mod items;
mod lines;
mod pair;
mod record;
mod sentence;
mod words;

pub use access::{new_access, new_access_for, AccessChange};
pub use impact::Impact;
pub use lines::{canonical_line_diff, canonical_text, line_diff, LineChange, LineTag};
pub use pair::{Pairing, StatementPair};

use crate::json::Span;
use crate::normalize::{self, infer_partition};
use crate::policy::{Policy, Statement};
use serde::Serialize;

/// The part of a policy a [`Change`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Field {
    Version,
    /// A whole statement added or removed.
    Statement,
    Effect,
    Principal,
    NotPrincipal,
    Action,
    NotAction,
    Resource,
    NotResource,
    Condition,
}

impl Field {
    /// The JSON element name (`Statement` for whole statements).
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Version => "Version",
            Field::Statement => "Statement",
            Field::Effect => "Effect",
            Field::Principal => "Principal",
            Field::NotPrincipal => "NotPrincipal",
            Field::Action => "Action",
            Field::NotAction => "NotAction",
            Field::Resource => "Resource",
            Field::NotResource => "NotResource",
            Field::Condition => "Condition",
        }
    }
}

/// What happened to the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum ChangeKind {
    Added,
    Removed,
    /// Replaced in place (`Effect`, `Version`).
    Changed,
}

/// One side of a change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Side {
    /// Index of the statement in that policy, when the change is inside a statement.
    pub statement: Option<usize>,
    /// The value on this side, as written: `"kms:Decrypt"`, `"StringEquals kms:ViaService: …"`.
    pub value: Option<String>,
    /// What to highlight: the value itself, else the element or statement it would belong to.
    pub span: Option<Span>,
}

/// One change between the existing and the new policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub field: Field,
    pub kind: ChangeKind,
    pub impact: Impact,
    pub old: Side,
    pub new: Side,
}

/// Everything that changed from one policy to another.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PolicyDiff {
    /// Statements of the two policies taken to be versions of each other.
    pub pairs: Vec<StatementPair>,
    /// New statements with no counterpart (indexes in the new policy).
    pub added: Vec<usize>,
    /// Existing statements with no counterpart (indexes in the existing policy).
    pub removed: Vec<usize>,
    /// In the new policy's statement order, removed statements last.
    pub changes: Vec<Change>,
}

impl PolicyDiff {
    /// No change at all: true exactly when [`normalize::equivalent`] holds.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Changes that widen access.
    pub fn broadening(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.impact == Impact::Broadening)
    }
}

/// Compares `new` with `existing`. Sid and `Id` changes are not changes (see [`normalize`]);
/// renamed statements still pair up, by content.
pub fn diff(existing: &Policy, new: &Policy) -> PolicyDiff {
    let partition = infer_partition(existing.statements.iter().chain(&new.statements));
    let paired = pair::pair(&existing.statements, &new.statements, partition);
    let mut changes = Vec::new();
    if normalize::version(existing) != normalize::version(new) {
        changes.push(version_change(existing, new));
    }
    let mut pair_of_new = vec![None; new.statements.len()];
    for p in &paired.pairs {
        if let Some(slot) = pair_of_new.get_mut(p.new) {
            *slot = existing.statements.get(p.old).map(|old| (p.old, old));
        }
    }
    let (added, removed) = (
        flags(&paired.added, new.statements.len()),
        flags(&paired.removed, existing.statements.len()),
    );
    for ((j, statement), pair) in new.statements.iter().enumerate().zip(pair_of_new) {
        if let Some((i, old)) = pair {
            let pair = record::Pair {
                old,
                new: statement,
                old_index: i,
                new_index: j,
            };
            fields::compare(pair, partition, &mut changes);
        } else if added[j] {
            changes.push(whole(statement, j, ChangeKind::Added));
        }
    }
    for (i, statement) in existing.statements.iter().enumerate().filter(|(i, _)| removed[*i]) {
        changes.push(whole(statement, i, ChangeKind::Removed));
    }
    PolicyDiff {
        pairs: paired.pairs,
        added: paired.added,
        removed: paired.removed,
        changes,
    }
}

/// `len` flags, set at `indexes`.
fn flags(indexes: &[usize], len: usize) -> Vec<bool> {
    let mut v = vec![false; len];
    for &i in indexes {
        if let Some(f) = v.get_mut(i) {
            *f = true;
        }
    }
    v
}

fn version_change(existing: &Policy, new: &Policy) -> Change {
    let side = |p: &Policy| Side {
        statement: None,
        value: Some(normalize::version(p).to_owned()),
        span: p.version.as_ref().and_then(|t| t.span),
    };
    Change {
        field: Field::Version,
        kind: ChangeKind::Changed,
        impact: Impact::Neutral,
        old: side(existing),
        new: side(new),
    }
}

fn whole(s: &Statement, index: usize, kind: ChangeKind) -> Change {
    let side = Side {
        statement: Some(index),
        value: s.sid.as_ref().map(|t| t.value.clone()),
        span: s.span,
    };
    let (old, new) = match kind {
        ChangeKind::Removed => (side, Side::default()),
        _ => (Side::default(), side),
    };
    Change {
        field: Field::Statement,
        kind,
        impact: impact::of_whole(s.effect(), kind),
        old,
        new,
    }
}

#[cfg(test)]
mod tests;
