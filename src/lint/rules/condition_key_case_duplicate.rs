//! IAM026: one condition key twice under an operator, spelt with different letter case.

use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};
use crate::message::ids;

crate::declare_rule! {
    /// An operator names the same condition key twice, with different letter case.
    ///
    /// ## What it does
    /// Condition key names are not case-sensitive, so `aws:SourceAccount` and
    /// `aws:sourceaccount` under one operator are the same key written twice. Flags the second
    /// spelling. (The same key written identically twice is JSON002's: a duplicate JSON key.)
    ///
    /// ## Why it matters
    /// Which of the two spellings IAM evaluates is not documented, and a tool that reads the
    /// condition as a map keeps only one of their values: the condition is not the one that was
    /// written. IAM Access Analyzer reports it as an error (`Duplicate keys with different case`).
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-logs/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333", "aws:sourceaccount": "444455556666"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-logs/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"aws:SourceAccount": ["111122223333", "444455556666"]}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
    /// - IAM Access Analyzer check "Error – Duplicate keys with different case":
    ///   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM026",
        name: "condition-key-case-duplicate",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for clause in &node.statement.condition {
            for (i, entry) in clause.entries.iter().enumerate() {
                let key = &entry.key.value;
                let Some(first) = clause.entries[..i]
                    .iter()
                    .map(|e| &e.key.value)
                    .find(|k| k.eq_ignore_ascii_case(key) && *k != key)
                else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        &RULE,
                        ids::condition_key_case_duplicate(&escape_string(key), &escape_string(first)),
                    )
                    .at(entry.key.span)
                    .path(node.path_to(&format!("Condition.{}.{key}", clause.operator.value)))
                    .help(ids::condition_key_case_duplicate_help()),
                );
            }
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
            Key,
            &[r#"{"Statement": [{"Condition": {"StringEquals": {"kms:ViaService": "a", "KMS:viaservice": "b"}}}]}"#],
        );
        // The same key under two operators, and the identical key twice (JSON002's), are not this rule's.
        assert_passes(
            &RULE,
            Key,
            &[
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": "1"}, "ArnLike": {"aws:SourceArn": "arn:*"}, "StringLike": {"aws:sourceaccount": "1*"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"kms:ViaService": "a", "kms:ViaService": "b"}}}]}"#,
            ],
        );
    }

    /// AWS's documented form for a log group key names two different keys that share a prefix
    /// (`kms:EncryptionContext:aws:logs:arn` and `kms:EncryptionContextKeys`): no case clash.
    #[test]
    fn different_keys_with_a_shared_prefix_pass() {
        let aws = r#"{"Statement": [{"Condition": {"ForAnyValue:StringEquals": {"kms:EncryptionContextKeys": "aws:logs:arn"}, "ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"}}}]}"#;
        assert_passes(&RULE, Key, &[aws]);
        let text = r#"{"Statement": [{"Condition": {"StringEquals": {"kms:ViaService": "a", "KMS:viaservice": "b"}}}]}"#;
        assert_eq!(flagged(text, &findings(&RULE, Key, text)[0]), "\"KMS:viaservice\"");
    }
}
