//! CWL008: the AWS managed key `aws/s3` named where CloudWatch Logs must use the key.

use crate::lint::{Context, Diagnostic, Severity};
use crate::policy::{PolicyKind, Text};
use crate::scenarios::ScenarioId;
use crate::message::ids;

crate::declare_rule! {
    /// The policy names the AWS managed key `alias/aws/s3`, which CloudWatch Logs cannot use.
    ///
    /// ## What it does
    /// Flags `alias/aws/s3` (as an alias name or alias ARN) in `Resource` or in a condition
    /// value. In a bucket policy for `logs.REGION.amazonaws.com` (export), or in the `s3-export`
    /// scenario, it is an error; elsewhere a warning.
    ///
    /// ## Why it matters
    /// An AWS managed key's policy cannot be edited, so the CloudWatch Logs principal can never
    /// be admitted: export fails ("PutObject call on the given bucket failed … KMS key or bucket
    /// encryption misconfiguration"), and vended logs are delivered in an unreadable form. Use a
    /// customer managed key.
    ///
    /// ## Example
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["kms:GenerateDataKey", "kms:Decrypt"], "Resource": "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["kms:GenerateDataKey", "kms:Decrypt"], "Resource": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-S3.html
    /// - https://dev.classmethod.jp/articles/amazon-cloudwatch-logs-supports-export-sse-kms-encrypted-s3-buckets/
    pub static RULE = {
        code: "CWL008",
        name: "aws-managed-key",
        severity: Warning,
        check: check,
    }
}

fn is_aws_s3_alias(value: &str) -> bool {
    value == "alias/aws/s3" || (value.starts_with("arn:") && value.ends_with(":alias/aws/s3"))
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let nodes = ctx.statements();
    let exporting = ctx.scenario_id() == Some(ScenarioId::S3Export)
        || (ctx.kind == PolicyKind::Bucket
            && nodes.iter().any(|n| {
                n.logs_principals()
                    .iter()
                    .any(|(p, _)| *p != crate::lint::LogsPrincipal::Delivery)
            }));
    let severity = if exporting { Severity::Error } else { Severity::Warning };
    for node in &nodes {
        let mut values: Vec<&Text> = Vec::new();
        if let Some(r) = &node.statement.resource {
            values.extend(r.items.iter());
        }
        for clause in &node.statement.condition {
            for entry in &clause.entries {
                values.extend(entry.values.items.iter());
            }
        }
        for value in values.into_iter().filter(|v| is_aws_s3_alias(&v.value)) {
            out.push(
                Diagnostic::new(
                    &RULE,
                    "alias/aws/s3 is the AWS managed key; its policy cannot admit CloudWatch Logs",
                )
                .severity(severity)
                .at(value.span)
                .path(node.path.clone())
                .help(ids::aws_managed_key_help()),
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
        let resource = r#"{"Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"}]}"#;
        let condition = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"s3:x-amz-server-side-encryption-aws-kms-key-id": "alias/aws/s3"}}}]}"#;
        assert_fails(&RULE, Identity, &[resource]);
        assert_fails(&RULE, Bucket, &[condition]);
        let custom = r#"{"Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": ["arn:aws:kms:us-east-1:111122223333:alias/aws-s3-logs", "arn:aws:kms:us-east-1:111122223333:key/k"]}]}"#;
        assert_passes(&RULE, Identity, &[custom]);
        assert_eq!(findings(&RULE, Bucket, condition)[0].severity, Severity::Error);
        assert_eq!(findings(&RULE, Identity, resource)[0].severity, Severity::Warning);
    }
}
