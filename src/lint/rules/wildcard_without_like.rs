//! IAM023: a `*` or `?` in the value of a `StringEquals`-like operator, which compares literally.

use crate::catalog::iam::{self, Family};
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic, Fix};
use crate::message::ids;

crate::declare_rule! {
    /// A condition value has `*` or `?` under an operator that compares it literally.
    ///
    /// ## What it does
    /// Flags a value with `*` or `?` under `StringEquals`, `StringNotEquals`,
    /// `StringEqualsIgnoreCase` or `StringNotEqualsIgnoreCase` (with or without `IfExists` and
    /// the set qualifiers). A policy variable (`${aws:username}`) and the escapes `${*}`, `${?}`
    /// and `${$}` are not wildcards and are skipped: `${*}` is how a policy asks for a literal
    /// `*`. `ArnEquals` is not flagged: it matches wildcards as `ArnLike` does. The fix renames
    /// `StringEquals` to `StringLike` and `StringNotEquals` to `StringNotLike` (the other keys
    /// under the operator have no wildcard, so they compare as before); it is not offered when
    /// the condition already has that operator, nor for the `IgnoreCase` operators, which have
    /// no `Like` form.
    ///
    /// ## Why it matters
    /// The `Equals` operators compare character by character: `"aws:SourceArn":
    /// "arn:aws:logs:us-east-1:111122223333:*"` under `StringEquals` matches only a source whose
    /// ARN really ends in `*`, which none does. An Allow then never applies, a Deny never
    /// protects. IAM Access Analyzer reports it as a general warning (`Wildcard without like
    /// operator`).
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-logs/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333", "aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-logs/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333", "s3:x-amz-acl": "bucket-owner-full-control"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-specialchars
    /// - IAM Access Analyzer check "General Warning – Wildcard without like operator":
    ///   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM023",
        name: "wildcard-without-like",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for e in node.operator_entries() {
            if e.operator.family != Family::String || e.operator.base.contains("Like") {
                continue;
            }
            for (i, value) in e.entry.values.items.iter().enumerate() {
                if !has_wildcard(&value.value) {
                    continue;
                }
                let mut d = Diagnostic::new(
                    &RULE,
                    ids::wildcard_without_like(&e.clause.operator.value, &escape_string(&value.value)),
                )
                .at(value.span)
                .path(e.path(Some(i)))
                .help(match like_of(e.operator.base) {
                    Some(like) => format!("to match a pattern, use {like}; for a literal * or ?, write ${{*}} or ${{?}}"),
                    None => "to match a pattern, use StringLike (it has no IgnoreCase form); for a literal * or ?, write ${*} or ${?}".to_owned(),
                });
                if let Some(fix) = rename_fix(&node, e.clause, e.operator) {
                    d = d.fix(fix);
                }
                out.push(d);
            }
        }
    }
}

/// Whether `value` has `*` or `?` outside `${…}` (policy variables and the `${*}` escapes).
fn has_wildcard(value: &str) -> bool {
    let mut rest = value;
    while let Some(at) = rest.find(['*', '?', '$']) {
        let tail = &rest[at..];
        if tail.starts_with("${") {
            match tail.find('}') {
                Some(end) => rest = &tail[end + 1..],
                None => return tail[2..].contains(['*', '?']),
            }
        } else if tail.starts_with('$') {
            rest = &tail[1..];
        } else {
            return true;
        }
    }
    false
}

/// The `Like` operator that reads the same values as patterns.
fn like_of(base: &str) -> Option<&'static str> {
    match base {
        "StringEquals" => Some("StringLike"),
        "StringNotEquals" => Some("StringNotLike"),
        _ => None,
    }
}

/// Renames the operator when its `Like` twin is not already in the same `Condition`.
fn rename_fix(
    node: &crate::lint::StatementNode,
    clause: &crate::policy::ConditionClause,
    operator: iam::Operator,
) -> Option<Fix> {
    let like = like_of(operator.base)?;
    let renamed = iam::Operator { base: like, ..operator }.spelling();
    let taken = node.statement.condition.iter().any(|c| c.operator.value == renamed);
    if taken {
        return None;
    }
    let span = clause.operator.span?;
    Some(Fix::replace(format!("Use {renamed}"), span, escape_string(&renamed)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::fix::apply_fix;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    #[test]
    fn table() {
        assert_fails(
            &RULE,
            Bucket,
            &[
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringNotEqualsIfExists": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/a", "arn:aws:iam::111122223333:role/adm?n"]}}}]}"#,
                r#"{"Statement": [{"Condition": {"ForAnyValue:StringEqualsIgnoreCase": {"aws:TagKeys": "team-*"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"s3:prefix": "home/${aws:username}/*"}}}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Bucket,
            &[
                r#"{"Statement": [{"Condition": {"StringLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}"#,
                r#"{"Statement": [{"Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": "111122223333", "s3:x-amz-acl": "bucket-owner-full-control"}}}]}"#,
                r#"{"Statement": [{"Condition": {"NumericLessThan": {"s3:max-keys": "10"}, "Null": {"aws:TagKeys": "true"}}}]}"#,
            ],
        );
    }

    /// AWS's policy-variable page asks for a literal `*` with `${*}`, and `${aws:username}` is a
    /// variable, not a pattern: a linter that looks for `*` in the raw text flags both.
    #[test]
    fn policy_variables_and_their_escapes_are_no_wildcards() {
        let aws_example = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket", "Condition": {"StringEquals": {"s3:prefix": ["${aws:username}", "${aws:username}/${*}", "price${$}", "who${?}"]}}}]}"#;
        assert_passes(&RULE, Identity, &[aws_example]);
        assert!(has_wildcard("a${aws:username}*"));
        assert!(has_wildcard("${unclosed*"));
        assert!(!has_wildcard("$5 and ${*}"));
    }

    #[test]
    fn the_fix_renames_the_operator_unless_its_like_twin_is_there() {
        let text = r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*", "aws:SourceAccount": "111122223333"}}}]}"#;
        let found = findings(&RULE, Bucket, text);
        assert_eq!(found.len(), 1);
        assert_eq!(flagged(text, &found[0]), "\"arn:aws:logs:us-east-1:111122223333:*\"");
        let fixed = apply_fix(text, found[0].fix.as_ref().expect("a fix")).expect("applies");
        assert!(fixed.contains(r#""StringLike": {"aws:SourceArn""#), "{fixed}");
        assert!(findings(&RULE, Bucket, &fixed).is_empty());
        let both = r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceArn": "arn:*"}, "StringLike": {"aws:PrincipalArn": "arn:*"}}}]}"#;
        assert!(findings(&RULE, Bucket, both)[0].fix.is_none());
        let ignore_case = r#"{"Statement": [{"Condition": {"StringEqualsIgnoreCase": {"aws:SourceArn": "arn:*"}}}]}"#;
        assert!(findings(&RULE, Bucket, ignore_case)[0].fix.is_none());
    }
}
