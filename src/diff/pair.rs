//! Pairing: which new statement is a version of which existing one.
//!
//! In order: the same meaning and Sid; the same meaning (a renamed or reordered statement); the
//! same Sid (an edited statement); then the most overlap. Meaning goes before Sid so that two
//! statements that swapped Sids are no change, as [`crate::normalize::equivalent`] says.

use super::items;
use crate::catalog::Partition;
use crate::normalize::StatementKey;
use crate::policy::Statement;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Why two statements were paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Pairing {
    /// They mean the same.
    Identical,
    /// They share a Sid.
    Sid,
    /// They share principals, actions, resources or condition keys in at least two of those.
    Overlap,
}

/// An existing statement and the new statement taken to be its new version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StatementPair {
    pub old: usize,
    pub new: usize,
    pub by: Pairing,
}

pub(crate) struct Paired {
    pub pairs: Vec<StatementPair>,
    pub added: Vec<usize>,
    pub removed: Vec<usize>,
}

/// Above this many old × new statement combinations overlap is not scored: pasted text may hold
/// thousands of statements, and what is left unpaired is still reported, as added and removed.
const MAX_OVERLAP_CANDIDATES: usize = 250_000;

pub(crate) fn pair(old: &[Statement], new: &[Statement], partition: Partition) -> Paired {
    let old_keys: Vec<StatementKey> = old.iter().map(|s| StatementKey::of(s, partition)).collect();
    let new_keys: Vec<StatementKey> = new.iter().map(|s| StatementKey::of(s, partition)).collect();
    let sid = |s: &Statement| s.sid.as_ref().map(|t| t.value.clone()).filter(|v| !v.is_empty());
    let (old_sids, new_sids): (Vec<_>, Vec<_>) = (old.iter().map(sid).collect(), new.iter().map(sid).collect());
    let mut state = State {
        pairs: Vec::new(),
        old_free: vec![true; old.len()],
        new_free: vec![true; new.len()],
    };
    let by_meaning = index(&new_keys);
    state.first_match(
        Pairing::Identical,
        |i| by_meaning.get(&old_keys[i]),
        |i, j| old_sids[i] == new_sids[j],
    );
    state.first_match(Pairing::Identical, |i| by_meaning.get(&old_keys[i]), |_, _| true);
    let by_sid = index(&new_sids);
    state.first_match(
        Pairing::Sid,
        |i| old_sids[i].as_ref().and_then(|_| by_sid.get(&old_sids[i])),
        |_, _| true,
    );
    if old.len().saturating_mul(new.len()) <= MAX_OVERLAP_CANDIDATES {
        let old_dims: Vec<Dimensions> = old.iter().map(|s| Dimensions::of(s, partition)).collect();
        let new_dims: Vec<Dimensions> = new.iter().map(|s| Dimensions::of(s, partition)).collect();
        state.greedy(Pairing::Overlap, |i, j| {
            let same_effect = old_keys[i].effect == new_keys[j].effect;
            old_dims[i].overlap(&new_dims[j]).filter(|_| same_effect)
        });
    }
    // A statement left over that repeats one on the other side changes nothing.
    let old_set: BTreeSet<&StatementKey> = old_keys.iter().collect();
    let new_set: BTreeSet<&StatementKey> = new_keys.iter().collect();
    let added = (0..new.len())
        .filter(|&j| state.new_free[j] && !old_set.contains(&new_keys[j]))
        .collect();
    let removed = (0..old.len())
        .filter(|&i| state.old_free[i] && !new_set.contains(&old_keys[i]))
        .collect();
    let mut pairs = state.pairs;
    pairs.sort_by_key(|p| p.new);
    Paired { pairs, added, removed }
}

/// Positions of each value, in order.
fn index<T: Ord>(values: &[T]) -> BTreeMap<&T, Vec<usize>> {
    let mut map: BTreeMap<&T, Vec<usize>> = BTreeMap::new();
    for (j, v) in values.iter().enumerate() {
        map.entry(v).or_default().push(j);
    }
    map
}

struct State {
    pairs: Vec<StatementPair>,
    old_free: Vec<bool>,
    new_free: Vec<bool>,
}

impl State {
    fn take(&mut self, i: usize, j: usize, by: Pairing) {
        self.old_free[i] = false;
        self.new_free[j] = false;
        self.pairs.push(StatementPair { old: i, new: j, by });
    }

    /// Pairs each free old statement, in order, with the first free candidate that `fits`.
    fn first_match<'m>(
        &mut self,
        by: Pairing,
        candidates: impl Fn(usize) -> Option<&'m Vec<usize>>,
        fits: impl Fn(usize, usize) -> bool,
    ) {
        for i in 0..self.old_free.len() {
            let found = self.old_free[i]
                .then(|| candidates(i))
                .flatten()
                .and_then(|js| js.iter().copied().find(|&j| self.new_free[j] && fits(i, j)));
            if let Some(j) = found {
                self.take(i, j, by);
            }
        }
    }

    /// Pairs free statements, highest score first, earliest first among equals.
    fn greedy(&mut self, by: Pairing, score: impl Fn(usize, usize) -> Option<usize>) {
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for (i, _) in self.old_free.iter().enumerate().filter(|(_, free)| **free) {
            for (j, _) in self.new_free.iter().enumerate().filter(|(_, free)| **free) {
                if let Some(s) = score(i, j) {
                    candidates.push((s, i, j));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        for (_, i, j) in candidates {
            if self.old_free[i] && self.new_free[j] {
                self.take(i, j, by);
            }
        }
    }
}

/// The keys of a statement in the four dimensions overlap is measured in.
struct Dimensions([BTreeSet<String>; 4]);

impl Dimensions {
    fn of(s: &Statement, partition: Partition) -> Self {
        let principals = [&s.principal, &s.not_principal]
            .into_iter()
            .flatten()
            .flat_map(|p| items::principals(p, partition));
        let actions = [&s.action, &s.not_action]
            .into_iter()
            .flatten()
            .flat_map(items::actions);
        let resources = [&s.resource, &s.not_resource]
            .into_iter()
            .flatten()
            .flat_map(items::resources);
        let conditions = items::condition_groups(s)
            .into_iter()
            .map(|g| format!("{}\u{0}{}", g.id.0, g.id.1));
        Dimensions([
            principals.map(|i| i.key).collect(),
            actions.map(|i| i.key).collect(),
            resources.map(|i| i.key).collect(),
            conditions.collect(),
        ])
    }

    /// Shared keys, counted only when the statements meet in two dimensions or more: one shared
    /// `"Resource": "*"`, as in every key policy statement, says nothing. Two statements without
    /// principals (identity policies) meet in that dimension: both speak for the attached identity.
    fn overlap(&self, other: &Dimensions) -> Option<usize> {
        let shared: Vec<usize> = self
            .0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| a.intersection(b).count())
            .collect();
        let nobody = usize::from(self.0[0].is_empty() && other.0[0].is_empty());
        let dimensions = shared.iter().filter(|n| **n > 0).count() + nobody;
        (dimensions >= 2).then(|| shared.iter().sum::<usize>() + nobody)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Principal, Text, ValueList};

    fn statement(sid: &str, principal: &str, actions: &[&str]) -> Statement {
        Statement {
            sid: (!sid.is_empty()).then(|| Text::new(sid)),
            effect: Some(Text::new("Allow")),
            principal: Some(Principal::service(principal)),
            action: Some(ValueList::of(actions.iter().copied())),
            resource: Some(ValueList::of(["*"])),
            ..Statement::default()
        }
    }

    fn pairs(old: &[Statement], new: &[Statement]) -> Vec<(usize, usize, Pairing)> {
        pair(old, new, Partition::Aws)
            .pairs
            .iter()
            .map(|p| (p.old, p.new, p.by))
            .collect()
    }

    #[test]
    fn reordered_and_renamed_statements_pair_by_meaning() {
        let old = [
            statement("A", "logs.x", &["kms:Decrypt"]),
            statement("B", "s3.x", &["kms:Encrypt"]),
        ];
        let new = [
            statement("Other", "s3.x", &["kms:Encrypt"]),
            statement("A", "logs.x", &["kms:Decrypt"]),
        ];
        assert_eq!(
            pairs(&old, &new),
            [(1, 0, Pairing::Identical), (0, 1, Pairing::Identical)]
        );
    }

    #[test]
    fn swapped_sids_are_paired_by_meaning_first() {
        let old = [
            statement("A", "logs.x", &["kms:Decrypt"]),
            statement("B", "s3.x", &["kms:Encrypt"]),
        ];
        let new = [
            statement("B", "logs.x", &["kms:Decrypt"]),
            statement("A", "s3.x", &["kms:Encrypt"]),
        ];
        assert_eq!(
            pairs(&old, &new),
            [(0, 0, Pairing::Identical), (1, 1, Pairing::Identical)]
        );
    }

    #[test]
    fn an_edited_statement_pairs_by_sid_then_by_overlap() {
        let old = [
            statement("A", "logs.x", &["kms:Decrypt"]),
            statement("", "s3.x", &["kms:Encrypt"]),
        ];
        let new = [
            statement("", "s3.x", &["kms:Encrypt", "kms:Decrypt"]),
            statement("A", "logs.y", &["kms:Decrypt"]),
        ];
        assert_eq!(pairs(&old, &new), [(1, 0, Pairing::Overlap), (0, 1, Pairing::Sid)]);
    }

    #[test]
    fn sharing_only_the_resource_is_not_enough() {
        let old = [statement("", "logs.x", &["kms:Decrypt"])];
        let new = [statement("", "s3.x", &["kms:Encrypt"])];
        let p = pair(&old, &new, Partition::Aws);
        assert!(p.pairs.is_empty());
        assert_eq!((p.added, p.removed), (vec![0], vec![0]));
    }

    #[test]
    fn a_repeated_statement_is_neither_added_nor_removed() {
        let old = [statement("A", "logs.x", &["kms:Decrypt"])];
        let new = [
            statement("A", "logs.x", &["kms:Decrypt"]),
            statement("A2", "logs.x", &["kms:Decrypt"]),
        ];
        let p = pair(&old, &new, Partition::Aws);
        assert_eq!((p.pairs.len(), p.added.len(), p.removed.len()), (1, 0, 0));
    }
}
