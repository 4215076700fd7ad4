//! The `Condition` element: operator names, set qualifiers, `...IfExists`, absent keys, and the AND/OR
//! rules that join them. Each operator family compares values in its own file.

mod arn;
mod binary;
mod boolean;
mod date;
mod ip;
mod null;
mod numeric;
mod string;

use std::cmp::Ordering;

use crate::policy::ConditionClause;

use super::matching::{to_text, Token};
use super::request::Context;
use super::variables::{expand, Unresolved};
use string::StringOp;

/// The ordering tests shared by the numeric and date families.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Comparison {
    Equals,
    LessThan,
    LessThanEquals,
    GreaterThan,
    GreaterThanEquals,
}

impl Comparison {
    /// Reads the part after `Numeric`/`Date`; the bool is whether the operator is negated.
    fn parse(rest: &str) -> Option<(Comparison, bool)> {
        Some(match rest {
            "Equals" => (Comparison::Equals, false),
            "NotEquals" => (Comparison::Equals, true),
            "LessThan" => (Comparison::LessThan, false),
            "LessThanEquals" => (Comparison::LessThanEquals, false),
            "GreaterThan" => (Comparison::GreaterThan, false),
            "GreaterThanEquals" => (Comparison::GreaterThanEquals, false),
            _ => return None,
        })
    }

    /// `request ⋚ policy`; `None` (incomparable) never holds.
    fn holds(self, request_vs_policy: Option<Ordering>) -> bool {
        let Some(o) = request_vs_policy else { return false };
        match self {
            Comparison::Equals => o == Ordering::Equal,
            Comparison::LessThan => o == Ordering::Less,
            Comparison::LessThanEquals => o != Ordering::Greater,
            Comparison::GreaterThan => o == Ordering::Greater,
            Comparison::GreaterThanEquals => o != Ordering::Less,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    String(StringOp),
    Numeric(Comparison),
    Date(Comparison),
    Bool,
    Binary,
    Ip,
    Arn,
    Null,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SetQualifier {
    ForAllValues,
    ForAnyValue,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Operator {
    family: Family,
    negated: bool,
    if_exists: bool,
    set: Option<SetQualifier>,
}

impl Operator {
    /// Names are case-sensitive, as AWS writes them; anything else is an operator AWS does not know.
    fn parse(name: &str) -> Option<Operator> {
        let (set, rest) = if let Some(rest) = name.strip_prefix("ForAllValues:") {
            (Some(SetQualifier::ForAllValues), rest)
        } else if let Some(rest) = name.strip_prefix("ForAnyValue:") {
            (Some(SetQualifier::ForAnyValue), rest)
        } else {
            (None, name)
        };
        let (base, if_exists) = match rest.strip_suffix("IfExists") {
            Some(base) => (base, true),
            None => (rest, false),
        };
        let (family, negated) = if let Some((op, negated)) = string::parse(base) {
            (Family::String(op), negated)
        } else if let Some((cmp, negated)) = numeric::parse(base) {
            (Family::Numeric(cmp), negated)
        } else if let Some((cmp, negated)) = date::parse(base) {
            (Family::Date(cmp), negated)
        } else if let Some(negated) = ip::parse(base) {
            (Family::Ip, negated)
        } else if let Some(negated) = arn::parse(base) {
            (Family::Arn, negated)
        } else {
            match base {
                "Bool" => (Family::Bool, false),
                "BinaryEquals" => (Family::Binary, false),
                // `Null` already asks about presence, so it takes neither suffix nor set qualifier.
                "Null" if !if_exists && set.is_none() => (Family::Null, false),
                _ => return None,
            }
        };
        Some(Operator {
            family,
            negated,
            if_exists,
            set,
        })
    }

    /// AWS substitutes policy variables only for string, ARN and Bool operators.
    fn takes_variables(self) -> bool {
        matches!(self.family, Family::String(_) | Family::Arn | Family::Bool)
    }

    fn uses_wildcards(self) -> bool {
        match self.family {
            Family::String(op) => string::uses_wildcards(op),
            Family::Arn => true,
            _ => false,
        }
    }

    /// Whether one request value equals/matches one policy value, before negation.
    fn compare(self, policy: &[Token], value: &str) -> Result<bool, String> {
        let text = || to_text(policy);
        match self.family {
            Family::String(op) => Ok(string::matches(op, policy, value)),
            Family::Numeric(cmp) => numeric::matches(cmp, &text(), value),
            Family::Date(cmp) => date::matches(cmp, &text(), value),
            Family::Bool => boolean::matches(&text(), value),
            Family::Binary => binary::matches(&text(), value),
            Family::Ip => ip::matches(&text(), value),
            Family::Arn => Ok(arn::matches(policy, value)),
            Family::Null => Err("Null compares presence, not values".to_string()),
        }
    }

    /// One request value against every policy value: any match (OR), or for a negated operator no match at
    /// all (NOR).
    fn value_holds(self, policy: &[Vec<Token>], value: &str) -> Result<bool, String> {
        let mut any = false;
        for p in policy {
            any |= self.compare(p, value)?;
        }
        Ok(any != self.negated)
    }
}

/// The result of a statement's whole `Condition` element.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ConditionsOutcome {
    pub holds: bool,
    /// Keys (as the policy wrote them) absent from the request whose absence the outcome depended on.
    pub absent_keys: Vec<String>,
    /// One plain-language line per operator/key pair that held…
    pub passed: Vec<String>,
    /// …and per pair that did not.
    pub failed: Vec<String>,
}

/// One operator/key pair's result.
struct Test {
    holds: bool,
    /// The key was absent (or a variable unresolvable) and that decided `holds`.
    absent_key: Option<String>,
    note: String,
}

/// Every operator/key pair must hold (AND); `variables` is false for policies older than `2012-10-17`.
pub(crate) fn evaluate(clauses: &[ConditionClause], ctx: &Context, variables: bool) -> ConditionsOutcome {
    let mut tests = Vec::new();
    for clause in clauses {
        let name = clause.operator.value.as_str();
        let Some(op) = Operator::parse(name) else {
            tests.push(Test {
                holds: false,
                absent_key: None,
                note: format!("condition operator \"{name}\" is not one AWS defines, so the statement cannot apply"),
            });
            continue;
        };
        for entry in &clause.entries {
            tests.push(test(op, name, &entry.key.value, entry.values.values(), ctx, variables));
        }
    }
    let holds = tests.iter().all(|t| t.holds);
    // A test that failed on values actually present settles the statement whatever the absent keys hold.
    let settled_without_absent_keys = tests.iter().any(|t| !t.holds && t.absent_key.is_none());
    let mut absent_keys: Vec<String> = Vec::new();
    if !settled_without_absent_keys {
        for key in tests.iter().filter_map(|t| t.absent_key.as_ref()) {
            if !absent_keys.iter().any(|k| k.eq_ignore_ascii_case(key)) {
                absent_keys.push(key.clone());
            }
        }
    }
    let (passed, failed): (Vec<Test>, Vec<Test>) = tests.into_iter().partition(|t| t.holds);
    ConditionsOutcome {
        holds,
        absent_keys,
        passed: passed.into_iter().map(|t| t.note).collect(),
        failed: failed.into_iter().map(|t| t.note).collect(),
    }
}

fn test<'v>(
    op: Operator,
    name: &str,
    key: &str,
    policy_values: impl Iterator<Item = &'v str>,
    ctx: &Context,
    variables: bool,
) -> Test {
    let substitute = (variables && op.takes_variables()).then_some(ctx);
    let policy: Result<Vec<Vec<Token>>, Unresolved> = policy_values
        .map(|v| expand(v, op.uses_wildcards(), substitute))
        .collect();
    let policy = match policy {
        Ok(p) => p,
        Err(u) => {
            let absent_key = (!ctx.known_absent(&u.key) && u.why == "is not in the request").then(|| u.key.clone());
            return Test {
                holds: false,
                absent_key,
                note: format!(
                    "condition {name} {key}: policy variable ${{{}}} {}, so the statement cannot apply",
                    u.key, u.why
                ),
            };
        }
    };
    let shown = policy.iter().map(|p| to_text(p)).collect::<Vec<_>>().join(", ");
    let values = ctx.get(key);
    let absent_key = (values.is_none() && !ctx.known_absent(key)).then(|| key.to_string());

    if op.family == Family::Null {
        let present = values.is_some_and(|v| !v.is_empty());
        let result: Result<bool, String> = policy
            .iter()
            .try_fold(false, |any, p| Ok(any | null::matches(&to_text(p), present)?));
        return match result {
            Ok(holds) => Test {
                holds,
                absent_key,
                note: format!(
                    "condition Null {key} {shown} {}: the key is {}",
                    if holds { "matched" } else { "did not match" },
                    if present { "present" } else { "absent" }
                ),
            },
            Err(e) => Test {
                holds: false,
                absent_key: None,
                note: format!("condition Null {key}: {e}"),
            },
        };
    }

    let Some(values) = values else {
        let holds = op.if_exists
            || match op.set {
                Some(SetQualifier::ForAllValues) => true,
                Some(SetQualifier::ForAnyValue) => false,
                None => op.negated,
            };
        let why = if op.if_exists {
            "IfExists lets an absent key pass"
        } else if op.set == Some(SetQualifier::ForAllValues) {
            "ForAllValues holds for an absent key"
        } else if holds {
            "a negated operator holds for an absent key"
        } else {
            "an absent key does not match"
        };
        return Test {
            holds,
            absent_key,
            note: format!(
                "condition {name} {key} {}: the request has no {key} ({why})",
                if holds { "matched" } else { "did not match" }
            ),
        };
    };

    let per_value: Result<Vec<bool>, String> = values.iter().map(|v| op.value_holds(&policy, v)).collect();
    let outcome = per_value.map(|per_value| match op.set {
        Some(SetQualifier::ForAllValues) => per_value.iter().all(|h| *h),
        Some(SetQualifier::ForAnyValue) => per_value.iter().any(|h| *h),
        // A plain operator on several request values: any may match, but a negated one must miss them all.
        None if op.negated => per_value.iter().all(|h| *h),
        None => per_value.iter().any(|h| *h),
    });
    let request = values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ");
    match outcome {
        Ok(holds) => Test {
            holds,
            absent_key: None,
            note: format!(
                "condition {name} {key} {}: request has {}, policy {shown}",
                if holds { "matched" } else { "did not match" },
                if request.is_empty() {
                    "no values".to_string()
                } else {
                    request
                }
            ),
        },
        Err(e) => Test {
            holds: false,
            absent_key: None,
            note: format!("condition {name} {key} cannot be evaluated: {e}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::request::{Caller, Request};
    use super::*;
    use crate::policy::{ConditionEntry, Text, ValueList};

    fn clause(op: &str, key: &str, values: &[&str]) -> ConditionClause {
        ConditionClause {
            operator: Text::new(op),
            entries: vec![ConditionEntry {
                key: Text::new(key),
                values: ValueList::of(values.iter().copied()),
            }],
        }
    }

    fn request(context: &[(&str, &[&str])]) -> Request {
        context.iter().fold(
            Request::new(
                Caller::aws("arn:aws:iam::111122223333:user/alice").unwrap(),
                "s3:GetObject",
                "*",
            ),
            |r, (k, v)| r.with(*k, v.iter().copied()),
        )
    }

    fn holds(op: &str, key: &str, values: &[&str], context: &[(&str, &[&str])]) -> bool {
        let r = request(context);
        evaluate(&[clause(op, key, values)], &Context::new(&r), true).holds
    }

    #[test]
    fn every_documented_operator_parses_with_and_without_if_exists() {
        let names = [
            "StringEquals",
            "StringNotEquals",
            "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase",
            "StringLike",
            "StringNotLike",
            "NumericEquals",
            "NumericNotEquals",
            "NumericLessThan",
            "NumericLessThanEquals",
            "NumericGreaterThan",
            "NumericGreaterThanEquals",
            "DateEquals",
            "DateNotEquals",
            "DateLessThan",
            "DateLessThanEquals",
            "DateGreaterThan",
            "DateGreaterThanEquals",
            "Bool",
            "BinaryEquals",
            "IpAddress",
            "NotIpAddress",
            "ArnEquals",
            "ArnLike",
            "ArnNotEquals",
            "ArnNotLike",
        ];
        for name in names {
            assert!(Operator::parse(name).is_some(), "{name}");
            assert!(
                Operator::parse(&format!("{name}IfExists")).is_some_and(|o| o.if_exists),
                "{name}IfExists"
            );
            assert!(
                Operator::parse(&format!("ForAnyValue:{name}")).is_some(),
                "ForAnyValue:{name}"
            );
        }
        assert!(Operator::parse("Null").is_some());
        for unknown in [
            "NullIfExists",
            "ForAllValues:Null",
            "StringEqual",
            "stringEquals",
            "ForSomeValues:StringEquals",
        ] {
            assert!(Operator::parse(unknown).is_none(), "{unknown}");
        }
    }

    #[test]
    fn an_absent_key_fails_positive_operators_and_passes_negated_ones() {
        assert!(!holds(
            "StringEquals",
            "kms:ViaService",
            &["logs.us-east-1.amazonaws.com"],
            &[]
        ));
        assert!(holds(
            "StringNotEquals",
            "kms:ViaService",
            &["logs.us-east-1.amazonaws.com"],
            &[]
        ));
        assert!(!holds("ArnLike", "aws:SourceArn", &["arn:aws:logs:*:*:*"], &[]));
        assert!(holds("ArnNotLike", "aws:SourceArn", &["arn:aws:logs:*:*:*"], &[]));
        assert!(holds("StringEqualsIfExists", "kms:ViaService", &["x"], &[]));
        assert!(holds("NumericLessThanIfExists", "s3:max-keys", &["10"], &[]));
        assert!(!holds(
            "StringEqualsIfExists",
            "kms:ViaService",
            &["x"],
            &[("kms:ViaService", &["y"])]
        ));
    }

    #[test]
    fn several_policy_values_are_or_and_negation_is_nor() {
        let ctx: &[(&str, &[&str])] = &[("aws:SourceAccount", &["111122223333"])];
        assert!(holds(
            "StringEquals",
            "aws:SourceAccount",
            &["444455556666", "111122223333"],
            ctx
        ));
        assert!(!holds(
            "StringNotEquals",
            "aws:SourceAccount",
            &["444455556666", "111122223333"],
            ctx
        ));
        assert!(holds(
            "StringNotEquals",
            "aws:SourceAccount",
            &["444455556666", "777788889999"],
            ctx
        ));
        assert!(
            !holds("StringEquals", "aws:SourceAccount", &[], ctx),
            "no policy values match nothing"
        );
    }

    #[test]
    fn several_operators_and_keys_are_and() {
        let r = request(&[
            ("kms:ViaService", &["logs.us-east-1.amazonaws.com"]),
            ("kms:CallerAccount", &["111122223333"]),
        ]);
        let ctx = Context::new(&r);
        let both = [
            clause("StringEquals", "kms:ViaService", &["logs.us-east-1.amazonaws.com"]),
            clause("StringEquals", "kms:CallerAccount", &["111122223333"]),
        ];
        assert!(evaluate(&both, &ctx, true).holds);
        let one_wrong = [
            clause("StringEquals", "kms:ViaService", &["logs.us-east-1.amazonaws.com"]),
            clause("StringEquals", "kms:CallerAccount", &["444455556666"]),
        ];
        assert!(!evaluate(&one_wrong, &ctx, true).holds);
    }

    #[test]
    fn key_names_ignore_case() {
        assert!(holds(
            "StringEquals",
            "KMS:VIASERVICE",
            &["x"],
            &[("kms:ViaService", &["x"])]
        ));
    }

    #[test]
    fn set_qualifiers_on_multi_valued_keys() {
        let paths: &[(&str, &[&str])] = &[("aws:TagKeys", &["team", "env"])];
        assert!(holds(
            "ForAllValues:StringEquals",
            "aws:TagKeys",
            &["team", "env", "cost"],
            paths
        ));
        assert!(!holds("ForAllValues:StringEquals", "aws:TagKeys", &["team"], paths));
        assert!(holds("ForAnyValue:StringEquals", "aws:TagKeys", &["team"], paths));
        assert!(!holds("ForAnyValue:StringEquals", "aws:TagKeys", &["owner"], paths));
        assert!(
            holds("ForAnyValue:StringNotEquals", "aws:TagKeys", &["team"], paths),
            "env is not team"
        );
        assert!(!holds("ForAllValues:StringNotEquals", "aws:TagKeys", &["team"], paths));
        assert!(holds("ForAllValues:StringNotEquals", "aws:TagKeys", &["owner"], paths));
        // Absent and empty sets.
        assert!(holds("ForAllValues:StringEquals", "aws:TagKeys", &["team"], &[]));
        assert!(!holds("ForAnyValue:StringEquals", "aws:TagKeys", &["team"], &[]));
        assert!(holds(
            "ForAllValues:StringEquals",
            "aws:TagKeys",
            &["team"],
            &[("aws:TagKeys", &[])]
        ));
        assert!(!holds(
            "ForAnyValue:StringEquals",
            "aws:TagKeys",
            &["team"],
            &[("aws:TagKeys", &[])]
        ));
        assert!(holds("ForAnyValue:StringEqualsIfExists", "aws:TagKeys", &["team"], &[]));
        let orgs: &[(&str, &[&str])] = &[("aws:SourceOrgPaths", &["o-1/r-1/ou-1/", "o-2/r-2/"])];
        assert!(holds("ForAnyValue:StringLike", "aws:SourceOrgPaths", &["o-1/*"], orgs));
        assert!(!holds(
            "ForAllValues:StringLike",
            "aws:SourceOrgPaths",
            &["o-1/*"],
            orgs
        ));
    }

    #[test]
    fn a_plain_operator_on_several_request_values() {
        let two: &[(&str, &[&str])] = &[("aws:TagKeys", &["team", "env"])];
        assert!(holds("StringEquals", "aws:TagKeys", &["env"], two));
        assert!(!holds("StringNotEquals", "aws:TagKeys", &["env"], two));
    }

    #[test]
    fn null_tests_presence() {
        let present: &[(&str, &[&str])] = &[("aws:TokenIssueTime", &["2020-01-01T00:00:00Z"])];
        assert!(holds("Null", "aws:TokenIssueTime", &["true"], &[]));
        assert!(!holds("Null", "aws:TokenIssueTime", &["true"], present));
        assert!(holds("Null", "aws:TokenIssueTime", &["false"], present));
        assert!(!holds("Null", "aws:TokenIssueTime", &["false"], &[]));
        assert!(holds(
            "Null",
            "aws:TokenIssueTime",
            &["true"],
            &[("aws:TokenIssueTime", &[])]
        ));
        assert!(!holds("Null", "aws:TokenIssueTime", &["perhaps"], &[]));
    }

    #[test]
    fn each_family_through_the_condition_element() {
        assert!(holds(
            "NumericLessThanEquals",
            "s3:max-keys",
            &["10"],
            &[("s3:max-keys", &["10"])]
        ));
        assert!(holds(
            "NumericNotEquals",
            "s3:max-keys",
            &["10", "20"],
            &[("s3:max-keys", &["15"])]
        ));
        assert!(!holds(
            "NumericNotEquals",
            "s3:max-keys",
            &["10", "20"],
            &[("s3:max-keys", &["20"])]
        ));
        let now: &[(&str, &[&str])] = &[("aws:CurrentTime", &["2024-06-01T12:00:00Z"])];
        assert!(holds("DateLessThan", "aws:CurrentTime", &["2025-01-01T00:00:00Z"], now));
        assert!(holds("DateGreaterThan", "aws:CurrentTime", &["1704067200"], now));
        assert!(!holds(
            "DateNotEquals",
            "aws:CurrentTime",
            &["2024-06-01T14:00:00+02:00"],
            now
        ));
        assert!(holds(
            "Bool",
            "aws:SecureTransport",
            &["false"],
            &[("aws:SecureTransport", &["false"])]
        ));
        assert!(!holds(
            "Bool",
            "aws:SecureTransport",
            &["false"],
            &[("aws:SecureTransport", &["true"])]
        ));
        assert!(holds("BinaryEquals", "k", &["YWJj"], &[("k", &["YWJj"])]));
        assert!(holds(
            "IpAddress",
            "aws:SourceIp",
            &["203.0.113.0/24", "2001:db8::/32"],
            &[("aws:SourceIp", &["2001:db8::5"])]
        ));
        assert!(holds(
            "NotIpAddress",
            "aws:SourceIp",
            &["203.0.113.0/24"],
            &[("aws:SourceIp", &["198.51.100.1"])]
        ));
        assert!(!holds(
            "NotIpAddress",
            "aws:SourceIp",
            &["203.0.113.0/24"],
            &[("aws:SourceIp", &["203.0.113.1"])]
        ));
        let arn: &[(&str, &[&str])] = &[("aws:SourceArn", &["arn:aws:logs:us-east-1:111122223333:log-group:a"])];
        assert!(holds(
            "ArnLike",
            "aws:SourceArn",
            &["arn:aws:logs:us-east-1:111122223333:*"],
            arn
        ));
        assert!(holds(
            "ArnNotEquals",
            "aws:SourceArn",
            &["arn:aws:logs:us-east-1:111122223333:log-group:b"],
            arn
        ));
        assert!(holds(
            "StringEqualsIgnoreCase",
            "aws:SourceArn",
            &["ARN:AWS:LOGS:US-EAST-1:111122223333:LOG-GROUP:A"],
            arn
        ));
    }

    #[test]
    fn malformed_values_make_the_condition_fail_even_when_negated() {
        assert!(!holds(
            "NumericNotEquals",
            "s3:max-keys",
            &["ten"],
            &[("s3:max-keys", &["5"])]
        ));
        assert!(!holds(
            "NotIpAddress",
            "aws:SourceIp",
            &["nonsense"],
            &[("aws:SourceIp", &["203.0.113.1"])]
        ));
    }

    #[test]
    fn variables_are_substituted_only_where_aws_allows_them() {
        let ctx: &[(&str, &[&str])] = &[("s3:prefix", &["home/alice/x"])];
        assert!(holds("StringLike", "s3:prefix", &["home/${aws:username}/*"], ctx));
        assert!(!holds(
            "StringLike",
            "s3:prefix",
            &["home/${aws:username}/*"],
            &[("s3:prefix", &["home/bob/x"])]
        ));
        let r = request(ctx);
        let legacy = evaluate(
            &[clause("StringLike", "s3:prefix", &["home/${aws:username}/*"])],
            &Context::new(&r),
            false,
        );
        assert!(!legacy.holds, "older policy versions take ${{…}} literally");
        let n: &[(&str, &[&str])] = &[("s3:max-keys", &["5"]), ("limit", &["5"])];
        assert!(
            !holds("NumericEquals", "s3:max-keys", &["${limit}"], n),
            "Numeric takes no variables"
        );
    }

    #[test]
    fn absent_keys_are_reported_only_when_they_decided_the_outcome() {
        let r = request(&[("kms:CallerAccount", &["444455556666"])]);
        let ctx = Context::new(&r);
        let missing_only = evaluate(&[clause("StringEquals", "kms:ViaService", &["x"])], &ctx, true);
        assert_eq!(missing_only.absent_keys, ["kms:ViaService"]);
        let settled = evaluate(
            &[
                clause("StringEquals", "kms:ViaService", &["x"]),
                clause("StringEquals", "kms:CallerAccount", &["111122223333"]),
            ],
            &ctx,
            true,
        );
        assert!(settled.absent_keys.is_empty(), "a present key already failed");
        let passed = evaluate(
            &[clause("StringNotEqualsIfExists", "aws:SourceAccount", &["x"])],
            &ctx,
            true,
        );
        assert!(passed.holds);
        assert_eq!(passed.absent_keys, ["aws:SourceAccount"]);
        let known = evaluate(
            &[clause("StringEquals", "aws:PrincipalServiceName", &["x"])],
            &ctx,
            true,
        );
        assert!(
            known.absent_keys.is_empty(),
            "an IAM user never carries aws:PrincipalServiceName"
        );
        let variable = evaluate(
            &[clause("StringEquals", "s3:prefix", &["${aws:PrincipalTag/team}"])],
            &ctx,
            true,
        );
        assert_eq!(variable.absent_keys, ["aws:PrincipalTag/team"]);
        assert!(!variable.holds);
    }

    #[test]
    fn an_unknown_operator_never_holds_and_says_why() {
        let r = request(&[]);
        let out = evaluate(&[clause("StringEqualz", "k", &["v"])], &Context::new(&r), true);
        assert!(!out.holds);
        assert!(
            out.failed[0].contains("\"StringEqualz\" is not one AWS defines"),
            "{:?}",
            out.failed
        );
    }
}
