//! IAM014: an action pattern with wildcards matches at least one action.

use crate::catalog::iam;
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};

use super::unknown_service::dataset_label;
use crate::message::ids;

crate::declare_rule! {
    /// An action pattern with `*` or `?` matches no action of its service.
    ///
    /// ## What it does
    /// Expands every `Action` and `NotAction` value whose action part has a wildcard
    /// (`kms:GenerateDataKey*`, `s3:Get?bject`) against the actions of its service in AWS's
    /// Service Authorization Reference, ignoring case, and flags a pattern that matches none;
    /// it suggests the pattern with the nearest spelling. In the page, other services' actions
    /// load on demand (see IAM013).
    ///
    /// ## Why it matters
    /// A pattern that matches nothing grants or denies nothing. `kms:Decrpyt*` in a key policy
    /// looks like it allows decryption, and the service that needs it fails with
    /// `AccessDeniedException`.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrpyt*", "kms:GenerateDataKey*"], "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"], "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
    /// - https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
    /// - IAM Access Analyzer check "Error – Invalid action":
    ///   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM014",
        name: "action-pattern-matches-nothing",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for action in node.action_values() {
            let item = action.item;
            let value = item.value.as_str();
            let Some((prefix, pattern)) = value.split_once(':') else {
                continue;
            };
            if iam::wildcard::has_wildcard(prefix) || !iam::wildcard::has_wildcard(pattern) {
                continue;
            }
            let Some((service, actions, _)) = action.catalogued() else {
                continue;
            };
            if service.actions_matching(pattern).next().is_some() {
                continue;
            }
            let path = action.path();
            let d = Diagnostic::new(
                &RULE,
                ids::action_pattern_matches_nothing(&escape_string(value), &service.prefix),
            )
            .at(item.span)
            .path(path)
            .note(ids::action_pattern_matches_nothing_note(&dataset_label()));
            out.push(match respelt(pattern, actions) {
                Some(better) => d.help(ids::action_pattern_matches_nothing_help(&service.prefix, &better)),
                None => d.help(ids::action_pattern_matches_nothing_help_2(&service.prefix)),
            });
        }
    }
}

/// The pattern with its text before the first wildcard replaced by the nearest beginning of an
/// action name, when that makes it match: `Decrpyt*` → `Decrypt*`.
fn respelt(pattern: &str, actions: &[iam::Action]) -> Option<String> {
    let cut = pattern.find(['*', '?'])?;
    let (literal, rest) = pattern.split_at(cut);
    if literal.is_empty() {
        return None;
    }
    let mut beginnings: Vec<&str> = actions.iter().filter_map(|a| a.name.get(..literal.len())).collect();
    beginnings.dedup();
    let near = iam::suggest::closest(literal, beginnings)?;
    let better = format!("{near}{rest}");
    actions
        .iter()
        .any(|a| iam::wildcard::matches(&better, a.name))
        .then_some(better)
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
                r#"{"Statement": [{"Action": "kms:Decrpyt*"}]}"#,
                r#"{"Statement": [{"NotAction": ["kms:Decrypt*", "logs:*KmsKeys"]}]}"#,
                r#"{"Statement": [{"Action": "s3:Get?bjects"}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                r#"{"Statement": [{"Action": ["kms:Encrypt*", "KMS:decrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:Describe*", "s3:Get?bject", "logs:*"]}]}"#,
                r#"{"Statement": [{"Action": ["kms:Decrpyt", "kmz:Decrypt*", "*:Nothing*", "*"]}]}"#,
            ],
        );
    }

    #[test]
    fn suggests_a_pattern_that_matches() {
        let text = r#"{"Statement": [{"Action": ["kms:Encrypt*", "kms:Decrpyt*"]}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "\"kms:Decrpyt*\" matches no kms action");
        assert_eq!(flagged(text, &found[0]), "\"kms:Decrpyt*\"");
        assert_eq!(found[0].help.as_deref(), Some("did you mean \"kms:Decrypt*\"?"));
    }
}
