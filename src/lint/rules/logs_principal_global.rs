//! CWL003: `logs.amazonaws.com` where AWS documents `logs.REGION.amazonaws.com`.

use crate::lint::{Context, Diagnostic, LogsPrincipal};
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// A KMS key or bucket policy names `logs.amazonaws.com` instead of the regional `logs.REGION.amazonaws.com`.
    ///
    /// ## What it does
    /// In KMS key policies and S3 bucket policies, flags the global CloudWatch Logs principal
    /// `logs.amazonaws.com`. AWS documents the regional form for log-group keys, query-result
    /// keys and export buckets and keys. A warning: some services now accept global names
    /// in-Region, but that is not documented for CloudWatch Logs.
    ///
    /// ## Why it matters
    /// If the global name is not honoured, CloudWatch Logs cannot use the key or the bucket and
    /// association or export fails with a permissions error.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.amazonaws.com"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html
    pub static RULE = {
        code: "CWL003",
        name: "logs-principal-not-regional",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if !matches!(ctx.kind, PolicyKind::Key | PolicyKind::Bucket) {
        return;
    }
    let region = ctx.scenario.and_then(|s| s.region.as_deref()).unwrap_or("REGION");
    for node in ctx.statements() {
        for (principal, text) in node.logs_principals() {
            if principal != LogsPrincipal::Global {
                continue;
            }
            let regional = text.value.replacen("logs.", &format!("logs.{region}."), 1);
            out.push(
                Diagnostic::new(
                    &RULE,
                    ids::logs_principal_not_regional(&text.value, &regional),
                )
                .at(text.span)
                .path(node.path_to("Principal"))
                .help(ids::logs_principal_not_regional_help(&regional)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::lint::ScenarioContext;
    use crate::policy::PolicyKind::*;
    use crate::scenarios::ScenarioId;

    #[test]
    fn table() {
        let global = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": ["logs.amazonaws.com"]}, "Action": "kms:Decrypt", "Resource": "*"}]}"#;
        let regional = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": ["logs.us-east-1.amazonaws.com", "delivery.logs.amazonaws.com"]}, "Action": "kms:Decrypt", "Resource": "*"}]}"#;
        assert_fails(&RULE, Key, &[global]);
        assert_fails(&RULE, Bucket, &[global]);
        assert_passes(&RULE, Key, &[regional]);
        assert_passes(&RULE, LogResource, &[global]);
        let facts = ScenarioContext::from_input(ScenarioId::S3Export, &serde_json::json!({"region": "eu-west-1"}));
        let found = findings_in(&RULE, Bucket, global, &facts);
        assert_eq!(
            found[0].help.as_deref(),
            Some("write \"logs.eu-west-1.amazonaws.com\", the Region of the key and the log groups")
        );
    }
}
