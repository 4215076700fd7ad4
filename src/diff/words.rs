//! Plain-words phrases for statement parts: conditions, principals and resources.

use crate::normalize::condition::Operator;
use crate::policy::{ConditionEntry, PolicyKind, Principal, Statement, ValueList};

/// `kms:ViaService equals logs.eu-west-1.amazonaws.com`, `aws:SourceArn matches one of a, b`.
pub(crate) fn condition(operator: &str, entry: &ConditionEntry) -> String {
    let op = Operator::parse(operator);
    let values: Vec<&str> = entry.values.values().collect();
    let many = values.len() > 1;
    let list = values.join(", ");
    let subject = match op.set {
        Some("ForAnyValue") => format!("any value of {}", entry.key.value),
        Some("ForAllValues") => format!("every value of {}", entry.key.value),
        _ => entry.key.value.clone(),
    };
    let one_of = |verb: &str| {
        if many {
            format!("{verb} one of {list}")
        } else {
            format!("{verb} {list}")
        }
    };
    let none_of = |verb: &str, negated: &str| {
        if many {
            format!("{verb} none of {list}")
        } else {
            format!("{negated} {list}")
        }
    };
    let predicate = match op.base {
        "StringEquals" | "ArnEquals" | "NumericEquals" | "DateEquals" | "BinaryEquals" => one_of("equals"),
        "StringEqualsIgnoreCase" => one_of("equals (ignoring case)"),
        "StringLike" | "ArnLike" => one_of("matches"),
        "StringNotEquals" | "ArnNotEquals" | "NumericNotEquals" | "DateNotEquals" => {
            none_of("equals", "does not equal")
        }
        "StringNotEqualsIgnoreCase" => none_of("equals (ignoring case)", "does not equal (ignoring case)"),
        "StringNotLike" | "ArnNotLike" => none_of("matches", "does not match"),
        "NumericLessThan" => one_of("is less than"),
        "NumericLessThanEquals" => one_of("is at most"),
        "NumericGreaterThan" => one_of("is more than"),
        "NumericGreaterThanEquals" => one_of("is at least"),
        "DateLessThan" => one_of("is before"),
        "DateLessThanEquals" => one_of("is at or before"),
        "DateGreaterThan" => one_of("is after"),
        "DateGreaterThanEquals" => one_of("is at or after"),
        "IpAddress" => one_of("is in"),
        "NotIpAddress" => none_of("is in", "is not in"),
        "Bool" => format!("is {list}"),
        "Null" if list == "true" => "is absent".to_owned(),
        "Null" if list == "false" => "is present".to_owned(),
        _ => format!("passes {operator} {list}"),
    };
    let when_present = if op.if_exists { " (when present)" } else { "" };
    format!("{subject} {predicate}{when_present}")
}

/// A principal as people say it: `"*"` is everyone.
pub(crate) fn principal(value: &str) -> String {
    if value == "*" {
        "everyone (*)".to_owned()
    } else {
        value.to_owned()
    }
}

/// A resource as people say it: `"*"` in a key policy is the key itself.
pub(crate) fn resource(value: &str, kind: Option<PolicyKind>) -> String {
    match (value, kind) {
        ("*", Some(PolicyKind::Key)) => "this key".to_owned(),
        ("*", _) => "every resource (*)".to_owned(),
        (other, _) => other.to_owned(),
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Sorted as people read: ignoring case.
pub(crate) fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort_by_key(|s| s.to_lowercase());
    v
}

/// Who a statement speaks for: its principals, `everyone except …`, or nobody named (identity policies).
pub(crate) fn principals_of(s: &Statement) -> Vec<String> {
    let values = |p: &Principal| sorted(p.values().into_iter().map(|(_, t)| t.value.clone()).collect());
    match (&s.principal, &s.not_principal) {
        (Some(p), _) => values(p),
        (None, Some(np)) => vec![format!("everyone except {}", and_list(&values(np)))],
        (None, None) => Vec::new(),
    }
}

fn list_or_except(positive: &Option<ValueList>, negative: &Option<ValueList>, every: &str) -> Vec<String> {
    match (positive, negative) {
        (Some(l), _) => sorted(l.values().map(str::to_owned).collect()),
        (None, Some(l)) => vec![format!(
            "{every} except {}",
            and_list(&sorted(l.values().map(str::to_owned).collect()))
        )],
        (None, None) => Vec::new(),
    }
}

/// The actions of a statement, or `every action except …`.
pub(crate) fn actions_of(s: &Statement) -> Vec<String> {
    list_or_except(&s.action, &s.not_action, "every action")
}

/// The resources of a statement, or `every resource except …`.
pub(crate) fn resources_of(s: &Statement) -> Vec<String> {
    list_or_except(&s.resource, &s.not_resource, "every resource")
}

/// Each condition test of a statement in words.
pub(crate) fn conditions_of(s: &Statement) -> Vec<String> {
    s.condition
        .iter()
        .flat_map(|c| c.entries.iter().map(|e| condition(&c.operator.value, e)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Text, ValueList};

    fn entry(key: &str, values: &[&str]) -> ConditionEntry {
        ConditionEntry {
            key: Text::new(key),
            values: ValueList::of(values.iter().copied()),
        }
    }

    #[test]
    fn conditions_read_as_sentences() {
        let table = [
            (
                "ArnEquals",
                entry("kms:EncryptionContext:aws:logs:arn", &["arn:x"]),
                "kms:EncryptionContext:aws:logs:arn equals arn:x",
            ),
            (
                "StringEquals",
                entry("kms:ViaService", &["a", "b"]),
                "kms:ViaService equals one of a, b",
            ),
            (
                "StringNotLikeIfExists",
                entry("aws:SourceArn", &["a"]),
                "aws:SourceArn does not match a (when present)",
            ),
            (
                "ForAnyValue:StringLike",
                entry("aws:SourceOrgPaths", &["o/*"]),
                "any value of aws:SourceOrgPaths matches o/*",
            ),
            (
                "Bool",
                entry("aws:SecureTransport", &["false"]),
                "aws:SecureTransport is false",
            ),
            ("Null", entry("aws:SourceArn", &["true"]), "aws:SourceArn is absent"),
            ("Weird", entry("k", &["v"]), "k passes Weird v"),
        ];
        for (op, e, expected) in table {
            assert_eq!(condition(op, &e), expected);
        }
    }

    #[test]
    fn lists_join_with_and() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&s(&["a", "b", "c"])), "a, b and c");
        assert_eq!(and_list(&s(&["a"])), "a");
    }

    #[test]
    fn a_star_resource_in_a_key_policy_is_the_key() {
        assert_eq!(resource("*", Some(PolicyKind::Key)), "this key");
        assert_eq!(resource("*", None), "every resource (*)");
    }
}
