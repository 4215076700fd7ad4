//! CWL013: the bucket statements of one logs principal are limited to different sources.

use crate::lint::{Context, Diagnostic, StatementNode};
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// The bucket statements of one CloudWatch Logs principal name different source accounts or ARNs.
    ///
    /// ## What it does
    /// In an S3 bucket policy, compares the `aws:SourceAccount` and `aws:SourceArn` values of the
    /// `Allow` statements naming the same CloudWatch Logs principal (the `GetBucketAcl` check
    /// and the `PutObject` write). Flags a statement whose values differ from the first one's.
    ///
    /// ## Why it matters
    /// Export and delivery make both calls for the same source: if one statement admits a source
    /// the other does not, that source fails half-way (the ACL check passes and the write is
    /// denied, or the reverse). AWS's own V2 bucket policy example used a different
    /// `aws:SourceArn` pattern in its two statements.
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryAclCheck", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}, {"Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:delivery-source:*"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryAclCheck", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:delivery-source:*"}}}, {"Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:delivery-source:*"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-S3.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html
    pub static RULE = {
        code: "CWL013",
        name: "logs-source-scope-differs",
        severity: Warning,
        check: check,
    }
}

/// The sorted values a statement requires for `key` (all operators together).
fn scope(node: &StatementNode, key: &str) -> Vec<String> {
    let mut values: Vec<String> = node
        .conditions_on(key)
        .iter()
        .flat_map(|(_, e)| e.values.values().map(str::to_owned))
        .collect();
    values.sort();
    values.dedup();
    values
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind != PolicyKind::Bucket {
        return;
    }
    let nodes = ctx.statements();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        if !node.is_allow() {
            continue;
        }
        for (_, principal) in node.logs_principals() {
            let Some(&(_, first)) = seen.iter().find(|(p, _)| *p == principal.value) else {
                seen.push((principal.value.clone(), i));
                continue;
            };
            for key in ["aws:SourceAccount", "aws:SourceArn"] {
                let (theirs, ours) = (scope(&nodes[first], key), scope(node, key));
                if theirs != ours {
                    let at = node
                        .conditions_on(key)
                        .first()
                        .map(|(_, e)| e.key.span)
                        .unwrap_or(node.statement.span);
                    out.push(
                        Diagnostic::new(
                            &RULE,
                            ids::logs_source_scope_differs(&key, &ours.join(", "), &nodes[first].path, &theirs.join(", ")),
                        )
                        .at(at)
                        .path(node.path_to("Condition"))
                        .help(ids::logs_source_scope_differs_help()),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    fn statement(action: &str, arn: &str) -> String {
        format!(
            r#"{{"Effect": "Allow", "Principal": {{"Service": "logs.us-east-1.amazonaws.com"}}, "Action": "{action}", "Resource": "arn:aws:s3:::b/*", "Condition": {{"StringEquals": {{"aws:SourceAccount": "111122223333"}}, "ArnLike": {{"aws:SourceArn": "{arn}"}}}}}}"#
        )
    }

    #[test]
    fn table() {
        let a = "arn:aws:logs:us-east-1:111122223333:log-group:*";
        let b = "arn:aws:logs:us-east-1:111122223333:log-group:app";
        let differ = format!(
            "{{\"Statement\": [{}, {}]}}",
            statement("s3:GetBucketAcl", a),
            statement("s3:PutObject", b)
        );
        let same = format!(
            "{{\"Statement\": [{}, {}]}}",
            statement("s3:GetBucketAcl", a),
            statement("s3:PutObject", a)
        );
        assert_fails(&RULE, Bucket, &[&differ]);
        assert_passes(&RULE, Bucket, &[&same]);
        assert_passes(&RULE, Key, &[&differ]);
        let found = findings(&RULE, Bucket, &differ);
        assert_eq!(found.len(), 1);
        assert_eq!(flagged(&differ, &found[0]), "\"aws:SourceArn\"");
    }
}
