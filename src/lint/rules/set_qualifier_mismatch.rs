//! IAM020: set qualifiers go with multivalued keys, and only with them.

use crate::catalog::iam::{self, Family};
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};
use crate::message::ids;

crate::declare_rule! {
    /// `ForAllValues:`/`ForAnyValue:` on a single-valued key, or a multivalued key without one.
    ///
    /// ## What it does
    /// Uses the key types of AWS's Service Authorization Reference (`ArrayOf…` types are
    /// multivalued): warns when a `ForAllValues:` or `ForAnyValue:` operator is used with a
    /// single-valued key such as `aws:SourceAccount`, and when a multivalued key such as
    /// `aws:TagKeys`, `aws:SourceOrgPaths` or `kms:EncryptionContextKeys` is used with a plain
    /// operator. `Null` is never flagged. Keys the catalogue does not type are skipped.
    ///
    /// ## Why it matters
    /// `ForAllValues:` is also true when the key is absent, so on a single-valued key in an
    /// `Allow` it lets through requests that lack the key entirely, the opposite of the
    /// intended restriction. A plain operator on a multivalued key is evaluated against a set
    /// of values; AWS says to state with a qualifier whether any or all of them must match.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::amzn-s3-demo-logs/AWSLogs/111122223333/*", "Condition": {"ForAllValues:StringEquals": {"aws:SourceAccount": "111122223333"}, "StringLike": {"aws:SourceOrgPaths": "o-a1b2c3d4e5/r-ab12/*"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::amzn-s3-demo-logs/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "ForAnyValue:StringLike": {"aws:SourceOrgPaths": "o-a1b2c3d4e5/r-ab12/*"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
    /// - IAM Access Analyzer policy checks (set operators with single-valued and multivalued
    ///   keys): https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM020",
        name: "set-qualifier-mismatch",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for e in node.operator_entries() {
            let operator = e.operator;
            if operator.family == Family::Null {
                continue;
            }
            let Some(key) = iam::condition_key(e.key()) else {
                continue;
            };
            let quoted = escape_string(e.key());
            let d = match (operator.set, key.key_type.multi_valued) {
                (Some(set), false) => {
                    let plain = iam::Operator { set: None, ..operator }.spelling();
                    Diagnostic::new(&RULE, ids::set_qualifier_mismatch(&set.label(), &quoted))
                        .help(ids::set_qualifier_mismatch_help(&plain))
                        .note(if operator.set == Some(iam::SetQualifier::ForAllValues) {
                            "ForAllValues is also true when the request lacks the key"
                        } else {
                            "set qualifiers are for keys that carry several values"
                        })
                }
                (None, true) => {
                    let with = |set| {
                        iam::Operator {
                            set: Some(set),
                            ..operator
                        }
                        .spelling()
                    };
                    let any = with(iam::SetQualifier::ForAnyValue);
                    let all = with(iam::SetQualifier::ForAllValues);
                    Diagnostic::new(
                        &RULE,
                        ids::set_qualifier_mismatch_2(&quoted, &key.key_type.label(), &e.clause.operator.value),
                    )
                    .help(ids::set_qualifier_mismatch_help_2(&any, &all))
                }
                _ => continue,
            };
            out.push(d.at(e.entry.key.span).path(e.path(None)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    #[test]
    fn table() {
        assert_fails(
            &RULE,
            Bucket,
            &[
                r#"{"Statement": [{"Condition": {"ForAllValues:StringEquals": {"aws:SourceAccount": "1"}}}]}"#,
                r#"{"Statement": [{"Condition": {"ForAnyValue:ArnLike": {"aws:SourceArn": "arn:*"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringLike": {"aws:SourceOrgPaths": "o-1/*"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:TagKeys": "team"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEqualsIfExists": {"kms:EncryptionContextKeys": "aws:logs:arn"}}}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Bucket,
            &[
                r#"{"Statement": [{"Condition": {"ForAnyValue:StringLike": {"aws:SourceOrgPaths": "o-1/*"}, "ForAllValues:StringEquals": {"aws:TagKeys": "team"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": "1"}, "Null": {"aws:TagKeys": "false"}, "ForAnyValue:StringEquals": {"ec2:Unknown": "x"}}}]}"#,
            ],
        );
    }

    #[test]
    fn offers_the_operator_to_write() {
        let text = r#"{"Statement": [{"Condition": {"ForAllValues:StringEquals": {"aws:SourceAccount": "1"}, "StringLikeIfExists": {"aws:TagKeys": "t"}}}]}"#;
        let found = findings(&RULE, Bucket, text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].message, "ForAllValues: \"aws:SourceAccount\" is single-valued");
        assert_eq!(found[0].help.as_deref(), Some("write \"StringEquals\""));
        assert_eq!(flagged(text, &found[0]), "\"aws:SourceAccount\"");
        assert_eq!(
            found[1].help.as_deref(),
            Some("write \"ForAnyValue:StringLikeIfExists\" (any value matches) or \"ForAllValues:StringLikeIfExists\" (every value matches)")
        );
    }
}
