//! IAM015: the service prefix of an action is written out, never a wildcard.

use crate::catalog::iam;
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic, Severity};
use crate::policy::Effect;
use crate::message::ids;
use crate::message::Message;

crate::declare_rule! {
    /// An action has a wildcard in its service prefix (`*:Get*`, `kms*:Decrypt`).
    ///
    /// ## What it does
    /// Flags `Action` and `NotAction` values whose service prefix (before `:`) contains `*` or
    /// `?`, and says how many services and actions the value matches in AWS's Service
    /// Authorization Reference. `"*"` alone is not flagged. Severity: security in the `Action`
    /// of an `Allow` (it grants across services), warning elsewhere.
    ///
    /// ## Why it matters
    /// A wildcard in the prefix reaches every service it matches, including services AWS adds
    /// later: `*:Get*` reads from every service, `kms*:Decrypt` also matches any future
    /// `kms…` service. IAM's grammar names one service per action, and whether IAM accepts
    /// such a prefix is not something this tool has verified; list the services instead.
    ///
    /// ## Example
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["*:Describe*", "kms*:Decrypt"], "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["logs:DescribeLogGroups", "kms:DescribeKey", "kms:Decrypt"], "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
    /// - IAM Access Analyzer check "Error – Invalid service in action":
    ///   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM015",
        name: "service-wildcard",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let allow = node.statement.effect() == Some(Effect::Allow);
        for action in node.action_values() {
            let (element, item) = (action.element, action.item);
            let value = item.value.as_str();
            let Some((prefix, _)) = value.split_once(':') else {
                continue;
            };
            if !iam::wildcard::has_wildcard(prefix) {
                continue;
            }
            let path = action.path();
            let services: Vec<&str> = iam::services()
                .iter()
                .filter(|s| iam::wildcard::matches(prefix, s.prefix))
                .map(|s| s.prefix)
                .collect();
            let actions = iam::matching_actions(value).len();
            let reach = match services.as_slice() {
                [] => "no service".to_owned(),
                [one] => format!("service {one} ({actions} actions)"),
                many => format!("{} services", many.len()),
            };
            let severity = if allow && element == "Action" {
                Severity::Security
            } else {
                Severity::Warning
            };
            let help: Message = match services.as_slice() {
                [one] => format!("write \"{one}:{}\"", &value[prefix.len() + 1..]).into(),
                [] => "write the service prefix out".into(),
                many if many.len() <= 4 => ids::service_wildcard(&many.join(", ")),
                _ => "list the services you mean, one action value each".into(),
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    ids::service_wildcard_2(&escape_string(value), &reach),
                )
                .severity(severity)
                .at(item.span)
                .path(path)
                .help(help),
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
        assert_fails(
            &RULE,
            Identity,
            &[
                r#"{"Statement": [{"Effect": "Allow", "Action": "*:Get*"}]}"#,
                r#"{"Statement": [{"Effect": "Deny", "NotAction": ["kms*:Decrypt"]}]}"#,
                r#"{"Statement": [{"Action": "k?s:Decrypt"}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Identity,
            &[r#"{"Statement": [{"Effect": "Allow", "Action": ["*", "kms:*", "kms:Decrypt*", "Decrypt"]}]}"#],
        );
    }

    #[test]
    fn severity_and_help_depend_on_what_it_reaches() {
        let text = r#"{"Statement": [{"Effect": "Allow", "Action": ["kms*:Decrypt", "*:Get*"]}]}"#;
        let found = findings(&RULE, Identity, text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].severity, Severity::Security);
        assert_eq!(found[0].help.as_deref(), Some("write \"kms:Decrypt\""));
        assert_eq!(flagged(text, &found[1]), "\"*:Get*\"");
        assert!(found[1].message.ends_with("services"), "{}", found[1].message);
        let deny = findings(
            &RULE,
            Identity,
            r#"{"Statement": [{"Effect": "Deny", "Action": "*:Delete*"}]}"#,
        );
        assert_eq!(deny[0].severity, Severity::Warning);
    }
}
