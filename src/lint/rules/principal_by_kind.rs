//! IAM008: resource policies name a principal; identity policies must not.

use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// `Principal` is missing from a resource policy, or present in an identity policy.
    ///
    /// ## What it does
    /// Flags a statement of a KMS key policy, S3 bucket policy, CloudWatch Logs resource policy
    /// or role trust policy that has neither `Principal` nor `NotPrincipal`, and a statement of
    /// an IAM identity policy that has either.
    ///
    /// ## Why it matters
    /// A resource policy is attached to the resource, so each statement must say who it applies
    /// to; AWS rejects a statement without a principal. An identity policy is attached to a
    /// user, group or role, which is its principal, and IAM rejects a `Principal` element in
    /// it: to let someone else in, use the resource's policy or a role's trust policy.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
    /// - https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html
    pub static RULE = {
        code: "IAM008",
        name: "principal-by-kind",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let Some(members) = node.json.as_object() else { continue };
        let principals = members.iter().filter(|m| m.key == "Principal" || m.key == "NotPrincipal");
        if ctx.kind.requires_principal() {
            if principals.count() == 0 {
                let help = match members.iter().find(|m| m.key.eq_ignore_ascii_case("Principal")) {
                    Some(m) => {
                        ids::principal_by_kind_2(&escape_string(&m.key))
                    }
                    None => format!("add {}", example(ctx.kind)).into(),
                };
                out.push(
                    Diagnostic::new(
                        &RULE,
                        ids::principal_by_kind_3(&ctx.kind.label()),
                    )
                    .at(node.json.span)
                    .path(node.path.clone())
                    .help(help),
                );
            }
        } else {
            for m in principals {
                out.push(
                    Diagnostic::new(&RULE, ids::principal_by_kind(&m.key))
                        .at(m.key_span)
                        .path(node.path_to(&m.key))
                        .note(ids::principal_by_kind_note())
                        .help(ids::principal_by_kind_help(&m.key)),
                );
            }
        }
    }
}

/// A typical principal for a statement of `kind`.
fn example(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::Key => {
            "\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"} for the account, or {\"Service\": \"logs.us-east-1.amazonaws.com\"} for CloudWatch Logs"
        }
        PolicyKind::Bucket => {
            "\"Principal\": {\"Service\": \"logs.us-east-1.amazonaws.com\"}, or {\"AWS\": \"arn:aws:iam::111122223333:root\"} for an account"
        }
        PolicyKind::LogResource => "\"Principal\": {\"Service\": \"delivery.logs.amazonaws.com\"}",
        PolicyKind::Trust => {
            "\"Principal\": {\"Service\": \"delivery.logs.amazonaws.com\"}, or {\"AWS\": \"arn:aws:iam::111122223333:root\"} for an account"
        }
        PolicyKind::Identity => "nothing",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    const NONE: &str = r#"{"Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}"#;
    const PRINCIPAL: &str = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}]}"#;
    const NOT_PRINCIPAL: &str = r#"{"Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}}"#;

    #[test]
    fn table() {
        for kind in [Key, Bucket, LogResource, Trust] {
            assert_fails(&RULE, kind, &[NONE, r#"{"Statement": [{"Effect": "Allow", "principal": "*"}]}"#]);
            assert_passes(&RULE, kind, &[PRINCIPAL, NOT_PRINCIPAL, r#"{"Statement": [{"Principal": "*"}]}"#, r#"{"Statement": []}"#]);
        }
        assert_fails(&RULE, Identity, &[PRINCIPAL, NOT_PRINCIPAL, r#"{"Statement": [{"Principal": "*"}]}"#]);
        assert_passes(&RULE, Identity, &[NONE, r#"{"Statement": []}"#]);
    }

    #[test]
    fn a_missing_principal_covers_the_statement_and_says_what_to_add() {
        let text = r#"{"Statement": [{"Effect": "Allow", "Principal": "*"}, {"Effect": "Allow", "Action": "kms:*"}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(flagged(text, &found[0]), r#"{"Effect": "Allow", "Action": "kms:*"}"#);
        assert_eq!(found[0].path, "Statement[1]");
        assert!(found[0].help.as_deref().unwrap().contains(r#""Principal": {"AWS": "arn:aws:iam::111122223333:root"}"#));
    }

    #[test]
    fn a_wrongly_cased_principal_is_named() {
        let found = findings(&RULE, Trust, r#"{"Statement": [{"Effect": "Allow", "principal": "*"}]}"#);
        assert_eq!(
            found[0].help.as_deref(),
            Some("rename \"principal\" to \"Principal\": element names are case-sensitive")
        );
    }

    #[test]
    fn a_principal_in_an_identity_policy_points_at_its_key() {
        let found = findings(&RULE, Identity, NOT_PRINCIPAL);
        assert_eq!(flagged(NOT_PRINCIPAL, &found[0]), "\"NotPrincipal\"");
        assert_eq!(found[0].path, "Statement.NotPrincipal");
        assert_eq!(found[0].message, "an IAM identity policy cannot have \"NotPrincipal\"");
    }
}
