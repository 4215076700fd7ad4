//! IAM017: a service's condition key is used with at least one action that supports it.

use crate::catalog::iam;
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};

use super::unknown_service::dataset_label;
use crate::message::ids;

crate::declare_rule! {
    /// A service condition key is used with actions none of which support it.
    ///
    /// ## What it does
    /// For each condition key of kms, logs, s3, firehose, iam or sts (not `aws:` keys), expands
    /// the statement's `Action` values (wildcards included) and checks, in AWS's Service
    /// Authorization Reference, whether at least one of them lists the key, on the action or
    /// on one of its resource types. It warns when none does; statements with `NotAction` are
    /// not judged. A warning, because the reference can lag behind the service.
    ///
    /// ## Why it matters
    /// A request for an action that does not support a key never carries it. In an `Allow`,
    /// `StringEquals` on such a key is never true, so the statement grants nothing; with
    /// `…IfExists` or a negated operator it is always true, so it restricts nothing. Typical:
    /// `kms:EncryptionContext:…` on `kms:DescribeKey` or `kms:CreateGrant` alone, or
    /// `s3:x-amz-acl` on `s3:GetBucketAcl`.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:DescribeKey", "Resource": "*", "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:*"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:GenerateDataKey*", "kms:Decrypt", "kms:DescribeKey"], "Resource": "*", "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:*"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
    /// - IAM Access Analyzer checks "Error – Unsupported action for condition key" and "Error –
    ///   Missing action for condition key": https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM017",
        name: "condition-key-unsupported",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let Some(actions) = &node.statement.action else {
            continue;
        };
        if node.statement.not_action.is_some() {
            continue;
        }
        for clause in &node.statement.condition {
            if clause.operator.value == "Null" {
                continue; // `Null` asks whether the key is there, which is meaningful for any action.
            }
            for entry in &clause.entries {
                let name = entry.key.value.as_str();
                let Some((prefix, _)) = name.split_once(':') else {
                    continue;
                };
                let Some(service) = iam::service(prefix).filter(|s| s.detailed) else {
                    continue;
                };
                let Some(key) = service.condition_key(name) else {
                    continue;
                };
                if key.name.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:")) {
                    continue;
                }
                // Actions of other services never carry this key; `*`-style values may reach it.
                let mut of_service = Vec::new();
                let mut unknown = false;
                for value in actions.values() {
                    let matched = iam::matching_actions(value);
                    unknown |= matched.is_empty()
                        && value
                            .split_once(':')
                            .is_none_or(|(p, _)| p.eq_ignore_ascii_case(prefix) || p.contains(['*', '?']));
                    of_service.extend(
                        matched
                            .into_iter()
                            .filter(|(s, _)| s.prefix == service.prefix)
                            .map(|(_, a)| a),
                    );
                }
                if unknown || of_service.iter().any(|a| service.action_supports_key(a, key)) {
                    continue;
                }
                let listed: Vec<&str> = actions.values().collect();
                let message = if of_service.is_empty() {
                    ids::condition_key_unsupported(&escape_string(name), &service.prefix, &service.prefix)
                } else {
                    ids::condition_key_unsupported_2(&list(&listed), &escape_string(name))
                };
                out.push(
                    Diagnostic::new(&RULE, message)
                        .at(entry.key.span)
                        .path(node.path_to(&format!("Condition.{}.{name}", clause.operator.value)))
                        .help(ids::condition_key_unsupported_help(&service.prefix, &key.name))
                        .note(ids::condition_key_unsupported_note(&dataset_label())),
                );
            }
        }
    }
}

fn list(values: &[&str]) -> String {
    match values {
        [one] => escape_string(one),
        _ if values.len() <= 4 => values.iter().map(|v| escape_string(v)).collect::<Vec<_>>().join(", "),
        _ => format!("the {} actions", values.len()),
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
            Key,
            &[
                r#"{"Statement": [{"Action": "kms:DescribeKey", "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": "x"}}}]}"#,
                r#"{"Statement": [{"Action": ["s3:GetBucketAcl"], "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}}]}"#,
                r#"{"Statement": [{"Action": "logs:PutLogEvents", "Condition": {"StringEquals": {"kms:ViaService": "logs.us-east-1.amazonaws.com"}}}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                // The documented CloudWatch Logs key statement: kms:Describe* does not support the
                // context key, but the other actions do.
                r#"{"Statement": [{"Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "x"}}}]}"#,
                r#"{"Statement": [{"Action": "kms:*", "Condition": {"StringEquals": {"kms:ViaService": "x"}}}]}"#,
                r#"{"Statement": [{"Action": "*", "Condition": {"StringEquals": {"s3:x-amz-acl": "x"}}}]}"#,
                r#"{"Statement": [{"Action": "s3:PutObject", "Condition": {"StringEquals": {"s3:x-amz-acl": "x", "aws:SourceAccount": "1", "ec2:Vpc": "v"}}}]}"#,
                r#"{"Statement": [{"NotAction": "kms:Decrypt", "Condition": {"StringEquals": {"kms:ViaService": "x"}}}]}"#,
                r#"{"Statement": [{"Action": "kms:DescribeKey", "Condition": {"Null": {"kms:EncryptionContext:aws:logs:arn": "true"}}}]}"#,
                r#"{"Statement": [{"Action": "kms:NewActionAwsAddedLater", "Condition": {"StringEquals": {"kms:ViaService": "x"}}}]}"#,
            ],
        );
    }

    #[test]
    fn names_the_actions_and_the_key() {
        let text = r#"{"Statement": [{"Action": "kms:DescribeKey", "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": "x"}}}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(
            found[0].message,
            "none of \"kms:DescribeKey\" supports the condition key \"kms:EncryptionContext:aws:logs:arn\""
        );
        assert_eq!(flagged(text, &found[0]), "\"kms:EncryptionContext:aws:logs:arn\"");
        let other = findings(
            &RULE,
            Key,
            r#"{"Statement": [{"Action": "logs:PutLogEvents", "Condition": {"StringEquals": {"kms:ViaService": "x"}}}]}"#,
        );
        assert_eq!(
            other[0].message,
            "\"kms:ViaService\" is a kms key, and the statement has no kms action"
        );
    }
}
