//! [`StatementKey`]: everything a statement means, as sorted plain strings, so that two statements
//! mean the same exactly when their keys are equal.

use super::condition::{value_key, Operator};
use super::{action, principal};
use crate::catalog::Partition;
use crate::policy::{Statement, ValueList};

/// The comparison form of a statement. The Sid is left out: it names a statement, it grants
/// nothing. `None` means the element is absent, which differs from present and empty.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StatementKey {
    /// As written: `Effect` is case-sensitive.
    pub effect: Option<String>,
    pub principal: Option<Vec<(String, String)>>,
    pub not_principal: Option<Vec<(String, String)>>,
    /// Lowercase.
    pub action: Option<Vec<String>>,
    pub not_action: Option<Vec<String>>,
    pub resource: Option<Vec<String>>,
    pub not_resource: Option<Vec<String>>,
    /// An empty `Condition` and none at all restrict nothing alike, so both are empty here.
    pub condition: Vec<ConditionKey>,
}

/// One `operator → key → values` test of a condition.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ConditionKey {
    /// Case-sensitive, with ArnEquals folded into ArnLike.
    pub operator: String,
    /// Lowercase: condition keys are case-insensitive.
    pub key: String,
    /// Sorted, without duplicates; the JSON type is dropped since AWS compares `true` and
    /// `"true"` alike.
    pub values: Vec<String>,
}

impl StatementKey {
    pub fn of(s: &Statement, partition: Partition) -> Self {
        let principals =
            |p: &Option<crate::policy::Principal>| p.as_ref().map(|p| sorted(principal::keys(p, partition)));
        let list =
            |l: &Option<ValueList>, f: fn(&str) -> String| l.as_ref().map(|l| sorted(l.values().map(f).collect()));
        StatementKey {
            effect: s.effect.as_ref().map(|t| t.value.clone()),
            principal: principals(&s.principal),
            not_principal: principals(&s.not_principal),
            action: list(&s.action, action::key),
            not_action: list(&s.not_action, action::key),
            resource: list(&s.resource, str::to_owned),
            not_resource: list(&s.not_resource, str::to_owned),
            condition: condition_keys(s),
        }
    }
}

/// Each condition test of a statement, sorted. Two entries whose keys differ only by case stay
/// two tests (both must hold), so they are never merged into one list of alternatives.
pub fn condition_keys(s: &Statement) -> Vec<ConditionKey> {
    let keys = s.condition.iter().flat_map(|clause| {
        let op = Operator::parse(&clause.operator.value);
        clause.entries.iter().map(move |entry| ConditionKey {
            operator: op.canonical(),
            key: entry.key.value.to_lowercase(),
            values: sorted(entry.values.values().map(|v| value_key(&op, v)).collect()),
        })
    });
    sorted(keys.collect())
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Principal, Text};

    fn base() -> Statement {
        Statement {
            effect: Some(Text::new("Allow")),
            principal: Some(Principal::aws(["111122223333"])),
            action: Some(ValueList::of(["kms:Decrypt", "KMS:encrypt"])),
            resource: Some(ValueList::of(["*"])),
            ..Statement::default()
        }
    }

    #[test]
    fn rewritten_spellings_give_the_same_key() {
        let rewritten = Statement {
            sid: Some(Text::new("Renamed")),
            principal: Some(Principal::aws(["arn:aws:iam::111122223333:root"])),
            action: Some(ValueList::array_of(["kms:Encrypt", "kms:Decrypt", "kms:decrypt"])),
            resource: Some(ValueList::array_of(["*"])),
            ..base()
        };
        assert_eq!(
            StatementKey::of(&base(), Partition::Aws),
            StatementKey::of(&rewritten, Partition::Aws)
        );
    }

    #[test]
    fn an_empty_condition_restricts_nothing() {
        let empty = Statement {
            has_condition: true,
            ..base()
        };
        assert_eq!(
            StatementKey::of(&base(), Partition::Aws),
            StatementKey::of(&empty, Partition::Aws)
        );
    }

    #[test]
    fn condition_keys_fold_case_but_values_do_not() {
        let a = base().with_condition("StringEquals", "kms:ViaService", ValueList::of(["logs.x"]));
        let b = base().with_condition("StringEquals", "KMS:viaservice", ValueList::of(["logs.x"]));
        let c = base().with_condition("StringEquals", "kms:ViaService", ValueList::of(["LOGS.x"]));
        let key = |s: &Statement| StatementKey::of(s, Partition::Aws);
        assert_eq!(key(&a), key(&b));
        assert_ne!(key(&a), key(&c));
    }

    #[test]
    fn an_absent_element_differs_from_an_empty_one() {
        let absent = Statement { action: None, ..base() };
        let empty = Statement {
            action: Some(ValueList::array_of(Vec::<&str>::new())),
            ..base()
        };
        assert_ne!(
            StatementKey::of(&absent, Partition::Aws),
            StatementKey::of(&empty, Partition::Aws)
        );
    }
}
