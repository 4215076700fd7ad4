//! CWL006: a log-writing principal may put objects but not read the bucket ACL.

use crate::lint::{Context, Diagnostic, LogsPrincipal, Severity};
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// CloudWatch Logs may write objects to the bucket but not call `s3:GetBucketAcl` on it.
    ///
    /// ## What it does
    /// In an S3 bucket policy, for each CloudWatch Logs principal granted `s3:PutObject`, looks
    /// for a statement granting the same principal `s3:GetBucketAcl`. Missing for
    /// `logs.REGION.amazonaws.com` (export) is an error. Missing for
    /// `delivery.logs.amazonaws.com` (vended logs) is a warning: required by V1 delivery, and
    /// AWS's V2 page both omits and recommends it.
    ///
    /// ## Why it matters
    /// Export checks the bucket ACL first and fails with "GetBucketAcl call on the given bucket
    /// failed. Please check if CloudWatch Logs has been granted permission to perform this
    /// operation." — also when the bucket has ACLs disabled.
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AllowPutObject", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:log-group:*"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AllowGetBucketAcl", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:log-group:*"}}}, {"Sid": "AllowPutObject", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:log-group:*"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-S3.html
    /// - https://dev.classmethod.jp/articles/amazon-cloudwatch-logs-supports-export-sse-kms-encrypted-s3-buckets/
    pub static RULE = {
        code: "CWL006",
        name: "bucket-acl-check-missing",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind != PolicyKind::Bucket {
        return;
    }
    let nodes = ctx.statements();
    let can_read_acl = |name: &str| {
        nodes.iter().any(|n| {
            n.is_allow() && n.grants("s3:GetBucketAcl") && n.service_principals().iter().any(|t| t.value == name)
        })
    };
    let mut reported: Vec<&str> = Vec::new();
    for node in nodes.iter().filter(|n| n.is_allow() && n.grants("s3:PutObject")) {
        for (principal, text) in node.logs_principals() {
            if reported.contains(&text.value.as_str()) || can_read_acl(&text.value) {
                continue;
            }
            reported.push(&text.value);
            let (severity, note) = if principal == LogsPrincipal::Delivery {
                (
                    Severity::Warning,
                    "V1 delivery requires it; AWS's V2 page recommends it",
                )
            } else {
                (
                    Severity::Error,
                    "export fails with \"GetBucketAcl call on the given bucket failed\", even with ACLs disabled",
                )
            };
            out.push(
                Diagnostic::new(&RULE, ids::bucket_acl_check_missing(&text.value))
                    .severity(severity)
                    .at(text.span)
                    .path(node.path_to("Principal"))
                    .note(note)
                    .help(ids::bucket_acl_check_missing_help()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    const PUT: &str = r#"{"Effect": "Allow", "Principal": {"Service": "PRINCIPAL"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}"#;
    const ACL: &str = r#"{"Effect": "Allow", "Principal": {"Service": "PRINCIPAL"}, "Action": ["s3:GetBucketAcl", "s3:ListBucket"], "Resource": "arn:aws:s3:::b"}"#;

    fn policy(statements: &[&str], principal: &str) -> String {
        format!("{{\"Statement\": [{}]}}", statements.join(", ")).replace("PRINCIPAL", principal)
    }

    #[test]
    fn table() {
        let export = "logs.us-east-1.amazonaws.com";
        let delivery = "delivery.logs.amazonaws.com";
        assert_fails(&RULE, Bucket, &[&policy(&[PUT], export), &policy(&[PUT], delivery)]);
        assert_passes(
            &RULE,
            Bucket,
            &[
                &policy(&[ACL, PUT], export),
                &policy(&[PUT, ACL], delivery),
                &policy(&[ACL], export),
            ],
        );
        assert_passes(&RULE, Key, &[&policy(&[PUT], export)]);
        let mixed = format!(
            "{{\"Statement\": [{}, {}]}}",
            PUT.replace("PRINCIPAL", export),
            ACL.replace("PRINCIPAL", delivery)
        );
        assert_fails(&RULE, Bucket, &[&mixed]);
    }

    #[test]
    fn export_is_an_error_delivery_a_warning() {
        assert_eq!(
            findings(&RULE, Bucket, &policy(&[PUT], "logs.us-east-1.amazonaws.com"))[0].severity,
            Severity::Error
        );
        assert_eq!(
            findings(&RULE, Bucket, &policy(&[PUT], "delivery.logs.amazonaws.com"))[0].severity,
            Severity::Warning
        );
    }
}
