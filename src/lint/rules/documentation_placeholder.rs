//! CWL015: a placeholder from AWS's documentation is still in the policy.

use crate::lint::{Context, Diagnostic};
use crate::policy::{Arn, Text};
use crate::message::ids;
use crate::message::Message;

/// Placeholders AWS's CloudWatch Logs, KMS and S3 examples use, as whole ARN fields or words.
const PLACEHOLDERS: &[&str] = &[
    "region",
    "Region",
    "REGION",
    "account-id",
    "account_id",
    "Your_account_ID",
    "ACCOUNT_ID",
    "account-ID",
    "account-ARN",
    "key-arn",
    "key_id",
    "key-id",
    "role_name",
    "log-group-name",
    "resource-type",
];

crate::declare_rule! {
    /// A placeholder from AWS's documentation (`region`, `account-id`, `amzn-s3-demo-bucket`, …) is still in the policy.
    ///
    /// ## What it does
    /// Flags principals, resources and condition values that still hold a placeholder of AWS's
    /// examples as an ARN field or name part: `region`, `account-id`, `Your_account_ID`,
    /// `account-ARN`, `key-arn`, `role_name`, `log-group-name`, …, and bucket names starting
    /// with `amzn-s3-demo-`, which AWS reserves for documentation (S3 refuses to create them).
    ///
    /// ## Why it matters
    /// A placeholder names nothing that exists: the statement grants nothing, or the policy is
    /// refused. AWS's pages mix real-looking values with placeholders, so one is easily missed.
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AllowGetBucketAcl", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AllowGetBucketAcl", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::my-exported-logs", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html
    pub static RULE = {
        code: "CWL015",
        name: "documentation-placeholder",
        severity: Warning,
        check: check,
    }
}

/// What in `value` is a placeholder, if anything.
fn placeholder(value: &str) -> Option<Message> {
    if let Ok(arn) = Arn::parse(value) {
        if arn.service == "s3" && arn.resource.starts_with("amzn-s3-demo-") {
            let bucket = arn.resource.split('/').next().unwrap_or(arn.resource);
            return Some(ids::documentation_placeholder_2(&bucket));
        }
        for (field, text) in [("Region", arn.region), ("account", arn.account)] {
            if PLACEHOLDERS.contains(&text) {
                return Some(ids::documentation_placeholder_3(&field, &text));
            }
        }
        return arn
            .resource
            .split(['/', ':'])
            .find(|part| PLACEHOLDERS.contains(part))
            .map(|p| format!("\"{p}\" is a placeholder").into());
    }
    if PLACEHOLDERS.contains(&value) {
        return Some(format!("\"{value}\" is a placeholder").into());
    }
    // Service principals such as logs.region.amazonaws.com.
    let parts: Vec<&str> = value.split('.').collect();
    (parts.len() > 2 && value.ends_with(".amazonaws.com") && parts.iter().any(|p| PLACEHOLDERS.contains(p)))
        .then(|| ids::documentation_placeholder_4(&value))
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let s = node.statement;
        let mut values: Vec<&Text> = Vec::new();
        for p in [&s.principal, &s.not_principal].into_iter().flatten() {
            values.extend(p.values().into_iter().map(|(_, v)| v));
        }
        values.extend(node.resource_values().map(|(_, v)| v));
        for clause in &s.condition {
            for entry in &clause.entries {
                values.extend(entry.values.items.iter());
            }
        }
        for value in values {
            if let Some(what) = placeholder(&value.value) {
                out.push(
                    Diagnostic::new(&RULE, ids::documentation_placeholder(&what))
                        .at(value.span)
                        .path(node.path.clone())
                        .help(ids::documentation_placeholder_help()),
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
        let cases = [
            r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::Your_account_ID:root"}, "Action": "kms:*", "Resource": "*"}]}"#,
            r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.region.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "*"}]}"#,
            r#"{"Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:region:account-id:key/key_id"}]}"#,
            r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"}]}"#,
            r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "account-ARN"}, "Action": "kms:*", "Resource": "*"}]}"#,
        ];
        assert_fails(&RULE, Key, &cases);
        let real = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:log-group:region-stats"}}}]}"#;
        assert_passes(&RULE, Key, &[real]);
        let found = findings(&RULE, Bucket, cases[3]);
        assert!(found[0]
            .message
            .starts_with("bucket \"amzn-s3-demo-bucket\" is AWS's documentation name"));
    }
}
