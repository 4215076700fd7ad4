//! CWL005: the export key statement lacks `kms:Decrypt` or `kms:GenerateDataKey`.

use super::encryption_context_arn_form::LOGS_CONTEXT_KEY;
use crate::lint::{Context, Diagnostic, LogsPrincipal, Severity};
use crate::policy::PolicyKind;
use crate::scenarios::ScenarioId;
use crate::message::ids;

crate::declare_rule! {
    /// The key statement for CloudWatch Logs export lacks `kms:Decrypt` or `kms:GenerateDataKey`.
    ///
    /// ## What it does
    /// In a KMS key policy, a statement for `logs.REGION.amazonaws.com` with neither an
    /// encryption-context condition nor `kms:Encrypt` has the shape of an export key statement
    /// (AWS's grants `kms:GenerateDataKey` and `kms:Decrypt`). Flags it when it grants
    /// `kms:GenerateDataKey` without `kms:Decrypt` (a warning: AWS's current page requires both,
    /// an older blog post grants only `GenerateDataKey`). In the `s3-export` scenario, the
    /// CloudWatch Logs statements must grant `kms:GenerateDataKey` (else an error) and
    /// `kms:Decrypt` (else a warning).
    ///
    /// ## Why it matters
    /// Without the key permissions, `create-export-task` fails with "PutObject call on the given
    /// bucket failed … This may be a result of a KMS key or bucket encryption misconfiguration."
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "AllowCWLServicePrincipalUsage", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:GenerateDataKey", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "AllowCWLServicePrincipalUsage", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:GenerateDataKey", "kms:Decrypt"], "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html
    /// - https://dev.classmethod.jp/articles/amazon-cloudwatch-logs-supports-export-sse-kms-encrypted-s3-buckets/
    pub static RULE = {
        code: "CWL005",
        name: "export-key-actions",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind != PolicyKind::Key {
        return;
    }
    let export = ctx.scenario_id() == Some(ScenarioId::S3Export);
    let nodes = ctx.statements();
    let logs: Vec<_> = nodes
        .iter()
        .filter(|n| {
            n.is_allow()
                && n.logs_principals()
                    .iter()
                    .any(|(p, _)| !matches!(p, LogsPrincipal::Delivery))
        })
        .collect();
    if export {
        for (action, severity) in [
            ("kms:GenerateDataKey", Severity::Error),
            ("kms:Decrypt", Severity::Warning),
        ] {
            if logs.iter().any(|n| n.grants(action)) {
                continue;
            }
            let (span, path) = match logs.first() {
                Some(n) => (n.statement.span, n.path.clone()),
                None => (ctx.statement_value().map(|v| v.span), "Statement".to_owned()),
            };
            out.push(
                Diagnostic::new(&RULE, ids::export_key_actions(&action))
                    .severity(severity)
                    .at(span)
                    .path(path)
                    .help(ids::export_key_actions_help()),
            );
        }
        return;
    }
    for node in logs {
        let export_shaped = node.conditions_on(LOGS_CONTEXT_KEY).is_empty() && !node.grants("kms:Encrypt");
        if export_shaped && node.grants("kms:GenerateDataKey") && !node.grants("kms:Decrypt") {
            let action = node
                .statement
                .action
                .as_ref()
                .and_then(|a| a.span)
                .or(node.statement.span);
            out.push(
                Diagnostic::new(&RULE, ids::export_key_actions_2())
                    .at(action)
                    .path(node.path_to("Action"))
                    .help(ids::export_key_actions_help_2()),
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

    fn key(actions: &str) -> String {
        format!(
            r#"{{"Statement": [{{"Effect": "Allow", "Principal": {{"Service": "logs.us-east-1.amazonaws.com"}}, "Action": {actions}, "Resource": "*"}}]}}"#
        )
    }

    #[test]
    fn table() {
        assert_fails(
            &RULE,
            Key,
            &[&key(r#""kms:GenerateDataKey""#), &key(r#"["kms:GenerateDataKey*"]"#)],
        );
        let with_context = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:GenerateDataKey", "Resource": "*", "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}"#;
        assert_passes(
            &RULE,
            Key,
            &[
                &key(r#"["kms:GenerateDataKey", "kms:Decrypt"]"#),
                &key(r#""kms:Decrypt""#),
                &key(r#"["kms:Encrypt", "kms:GenerateDataKey"]"#),
                with_context,
            ],
        );
        assert_passes(&RULE, Bucket, &[&key(r#""kms:GenerateDataKey""#)]);
    }

    #[test]
    fn the_export_scenario_needs_both_actions() {
        let facts = ScenarioContext::from_input(ScenarioId::S3Export, &serde_json::json!({}));
        let decrypt_only = findings_in(&RULE, Key, &key(r#""kms:Decrypt""#), &facts);
        assert_eq!(decrypt_only.len(), 1);
        assert_eq!(decrypt_only[0].severity, Severity::Error);
        let none = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}"#;
        assert_eq!(findings_in(&RULE, Key, none, &facts).len(), 2);
        assert!(findings_in(&RULE, Key, &key(r#"["kms:GenerateDataKey", "kms:Decrypt"]"#), &facts).is_empty());
    }
}
