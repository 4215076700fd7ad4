//! SEC002: a service principal allowed without `aws:SourceAccount`/`aws:SourceArn`/… (confused deputy).

use crate::lint::{Context, Diagnostic, LogsPrincipal, Severity, StatementNode};
use crate::policy::PolicyKind;
use crate::message::ids;

/// The keys AWS recommends for limiting a service principal to requests made for your resources.
const SOURCE_KEYS: &[&str] = &[
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
];

/// CloudWatch Logs puts the log group's ARN in the encryption context of every KMS request it
/// makes for a log group, so a condition on it limits the key to those log groups.
const LOGS_CONTEXT_KEY: &str = "kms:EncryptionContext:aws:logs:arn";

crate::declare_rule! {
    /// A service principal is allowed without a condition limiting it to your resources.
    ///
    /// ## What it does
    /// Flags an `Allow` statement of a resource policy that names a service principal
    /// (`{"Service": …}`) without requiring `aws:SourceAccount`, `aws:SourceArn`,
    /// `aws:SourceOrgID` or `aws:SourceOrgPaths`. In a KMS key policy a CloudWatch Logs
    /// principal limited by `kms:EncryptionContext:aws:logs:arn` is scoped too: that is how AWS
    /// documents the log-group key. Severity: security; a warning for a key statement that only
    /// decrypts (AWS's rotation step leaves the old key so), for a CloudWatch Logs key statement
    /// without `kms:Encrypt` (AWS's export example shows none, and whether export sends the
    /// source keys is not documented), and for role trust policies (not every service sends the
    /// source keys when it assumes a role).
    ///
    /// ## Why it matters
    /// Without a source condition, the service acts for *any* customer who points it at your
    /// resource: another account's log group could use your key, or deliver into your bucket.
    /// This is the confused-deputy problem.
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    pub static RULE = {
        code: "SEC002",
        name: "service-principal-unscoped",
        severity: Security,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind == PolicyKind::Identity {
        return;
    }
    for node in ctx.statements() {
        if !node.is_allow() || node.narrowed_by(SOURCE_KEYS) {
            continue;
        }
        for service in node.service_principals() {
            let logs = LogsPrincipal::parse(&service.value);
            let logs_key =
                ctx.kind == PolicyKind::Key && matches!(logs, Some(LogsPrincipal::Regional(_) | LogsPrincipal::Global));
            if logs_key && node.narrowed_by(&[LOGS_CONTEXT_KEY]) {
                continue;
            }
            let (severity, note) = judged(ctx, &node, logs_key);
            out.push(
                Diagnostic::new(&RULE, ids::service_principal_unscoped(&service.value))
                    .severity(severity)
                    .at(service.span)
                    .path(node.path_to("Principal"))
                    .note(note)
                    .help(if logs_key && node.grants("kms:Encrypt") {
                        "add a condition on \"kms:EncryptionContext:aws:logs:arn\" (log groups) or \"aws:SourceAccount\" and \"aws:SourceArn\""
                    } else {
                        "add \"aws:SourceAccount\" (and \"aws:SourceArn\") conditions naming your account and resources"
                    }),
            );
        }
    }
}

fn judged(ctx: &Context, node: &StatementNode, logs_key: bool) -> (Severity, &'static str) {
    let encrypts = ["kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptTo"]
        .iter()
        .any(|a| node.grants(a));
    if ctx.kind == PolicyKind::Key && !encrypts && node.grants("kms:Decrypt") {
        return (
            Severity::Warning,
            "it can only decrypt what is already under this key; AWS's rotation step leaves it without a condition",
        );
    }
    if logs_key && !node.grants("kms:Encrypt") {
        return (Severity::Warning, "AWS's export example has no condition here; whether export sends aws:SourceAccount is not documented, so test it");
    }
    if ctx.kind == PolicyKind::Trust {
        return (
            Severity::Warning,
            "not every service sends aws:SourceAccount when it assumes a role; check the service's documentation",
        );
    }
    (
        Severity::Security,
        "any account could have this service act on your resource (confused deputy)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    const LOG_GROUP_KEY: &str = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"}}}]}"#;

    #[test]
    fn table() {
        let unscoped = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": ["delivery.logs.amazonaws.com"]}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}]}"#;
        let if_exists = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEqualsIfExists": {"aws:SourceAccount": "111122223333"}}}]}"#;
        assert_fails(&RULE, Bucket, &[unscoped, if_exists]);
        assert_fails(&RULE, LogResource, &[unscoped]);
        let scoped = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}"#;
        let org = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"ForAnyValue:StringLike": {"aws:SourceOrgPaths": "o-a1b2c3/r-ab12/*"}}}]}"#;
        assert_passes(&RULE, Bucket, &[scoped, org]);
        assert_passes(&RULE, Key, &[LOG_GROUP_KEY]);
    }

    #[test]
    fn the_encryption_context_scopes_only_the_logs_principal_of_a_key() {
        let delivery = LOG_GROUP_KEY.replace("logs.us-east-1.amazonaws.com", "delivery.logs.amazonaws.com");
        assert_eq!(findings(&RULE, Key, &delivery)[0].severity, Severity::Security);
    }

    #[test]
    fn severity_follows_what_the_statement_can_do() {
        let decrypt_only = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.eu-west-1.amazonaws.com"}, "Action": ["kms:Decrypt"], "Resource": "*"}]}"#;
        let export = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.eu-west-1.amazonaws.com"}, "Action": ["kms:GenerateDataKey", "kms:Decrypt"], "Resource": "*"}]}"#;
        let all = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.eu-west-1.amazonaws.com"}, "Action": "kms:*", "Resource": "*"}]}"#;
        let trust = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#;
        assert_eq!(findings(&RULE, Key, decrypt_only)[0].severity, Severity::Warning);
        assert_eq!(findings(&RULE, Key, export)[0].severity, Severity::Warning);
        assert_eq!(findings(&RULE, Key, all)[0].severity, Severity::Security);
        assert_eq!(findings(&RULE, Trust, trust)[0].severity, Severity::Warning);
        let found = findings(&RULE, Key, all);
        assert_eq!(flagged(all, &found[0]), "\"logs.eu-west-1.amazonaws.com\"");
    }
}
