//! CWL007: a log-writing principal may put objects without the `bucket-owner-full-control` ACL condition.

use crate::lint::{Context, Diagnostic};
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// CloudWatch Logs may put objects without the `s3:x-amz-acl = bucket-owner-full-control` condition.
    ///
    /// ## What it does
    /// In an S3 bucket policy, flags an `Allow` statement that grants `s3:PutObject` to
    /// `logs.REGION.amazonaws.com` or `delivery.logs.amazonaws.com` without requiring
    /// `"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}`.
    ///
    /// ## Why it matters
    /// AWS's export and vended-logs bucket policies both carry the condition: the service then
    /// writes only objects the bucket owner fully controls. With ACLs enabled, objects written
    /// without it can stay owned by the writer. With ACLs disabled S3 still accepts the canned
    /// ACL, so keeping the condition costs nothing.
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryAclCheck", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}, {"Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryAclCheck", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}, {"Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-S3.html
    /// - https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html
    pub static RULE = {
        code: "CWL007",
        name: "bucket-owner-full-control",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind != PolicyKind::Bucket {
        return;
    }
    for node in ctx.statements() {
        if !node.is_allow() || !node.grants("s3:PutObject") {
            continue;
        }
        let Some((_, text)) = node.logs_principals().into_iter().next() else {
            continue;
        };
        let required = node.conditions_on("s3:x-amz-acl").iter().any(|(op, e)| {
            op.base == "StringEquals" && !op.if_exists && e.values.values().all(|v| v == "bucket-owner-full-control")
        });
        if !required {
            out.push(
                Diagnostic::new(
                    &RULE,
                    ids::bucket_owner_full_control(&text.value),
                )
                .at(node
                    .statement
                    .action
                    .as_ref()
                    .and_then(|a| a.span)
                    .or(node.statement.span))
                .path(node.path_to("Condition"))
                .help(ids::bucket_owner_full_control_help()),
            );
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
        let none = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}]}"#;
        let other = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "private"}}}]}"#;
        let if_exists = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEqualsIfExists": {"s3:x-amz-acl": "bucket-owner-full-control"}}}]}"#;
        assert_fails(&RULE, Bucket, &[none, other, if_exists]);
        let good = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"s3:x-amz-acl": ["bucket-owner-full-control"]}}}]}"#;
        let role = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/r"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}]}"#;
        let acl = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::b"}]}"#;
        assert_passes(&RULE, Bucket, &[good, role, acl]);
    }
}
