//! IAM034: `NotAction` and `NotResource` in an `Allow` statement, and `NotPrincipal` where IAM
//! refuses it.

use crate::lint::{Context, Diagnostic, Severity};
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// An Allow statement uses `NotAction` or `NotResource`, or a trust policy uses `NotPrincipal`.
    ///
    /// ## What it does
    /// Warns about `NotAction` and `NotResource` in an `Allow` statement, and flags `NotPrincipal`
    /// in an IAM role trust policy as an error. (`NotPrincipal` with `Allow` in a resource policy
    /// is SEC005's; in an identity policy, IAM008's.)
    ///
    /// ## Why it matters
    /// `"Effect": "Allow"` with `NotAction` allows every action of every service except those
    /// listed — including actions AWS adds later — and `NotResource` allows every resource except
    /// those listed. Both are easy to misread as the opposite. AWS documents them for `Deny`
    /// statements ("deny everything except"); an Allow should list what it grants. IAM's
    /// documentation says `NotPrincipal` cannot be used in a role trust policy at all, and that
    /// with `Allow` it is not supported anywhere.
    ///
    /// ## Example
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:AssociateKmsKey"], "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
    pub static RULE = {
        code: "IAM034",
        name: "not-element-with-allow",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let Some(members) = node.json.as_object() else { continue };
        for m in members {
            let path = node.path_to(&m.key);
            match m.key.as_str() {
                "NotPrincipal" if ctx.kind == PolicyKind::Trust => out.push(
                    Diagnostic::new(&RULE, ids::not_element_with_allow())
                        .severity(Severity::Error)
                        .at(m.key_span)
                        .path(path)
                        .note(ids::not_element_with_allow_note())
                        .help(ids::not_element_with_allow_help()),
                ),
                "NotAction" if node.is_allow() => out.push(
                    Diagnostic::new(
                        &RULE,
                        "\"Allow\" with \"NotAction\" allows every action except those listed",
                    )
                    .at(m.key_span)
                    .path(path)
                    .note(ids::not_element_with_allow_note_2())
                    .help(ids::not_element_with_allow_help_2()),
                ),
                "NotResource" if node.is_allow() => out.push(
                    Diagnostic::new(
                        &RULE,
                        "\"Allow\" with \"NotResource\" allows every resource except those listed",
                    )
                    .at(m.key_span)
                    .path(path)
                    .note(ids::not_element_with_allow_note_3())
                    .help(ids::not_element_with_allow_help_3()),
                ),
                _ => {}
            }
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
        let not_action = r#"{"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}"#;
        let not_resource =
            r#"{"Statement": [{"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"}]}"#;
        let deny = r#"{"Statement": [{"Effect": "Deny", "NotAction": "kms:Decrypt", "NotResource": "arn:aws:kms:us-east-1:111122223333:key/x"}]}"#;
        let plain = r#"{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#;
        let broken_effect = r#"{"Statement": [{"Effect": "allow", "NotAction": "iam:*", "Resource": "*"}]}"#;
        for kind in PolicyKind::ALL {
            assert_fails(&RULE, kind, &[not_action, not_resource]);
            assert_passes(&RULE, kind, &[deny, plain, broken_effect]);
        }
        let not_principal = r#"{"Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}]}"#;
        assert_fails(&RULE, Trust, &[not_principal]);
        for kind in [Key, Bucket, LogResource, Identity] {
            assert_passes(&RULE, kind, &[not_principal]);
        }
    }

    #[test]
    fn points_at_the_element_with_its_severity() {
        let text =
            r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "NotAction": "kms:Decrypt", "Resource": "*"}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(flagged(text, &found[0]), "\"NotAction\"");
        assert_eq!(found[0].path, "Statement[0].NotAction");
        assert_eq!(found[0].severity, Severity::Warning);
        let trust = r#"{"Statement": {"Effect": "Allow", "NotPrincipal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}}"#;
        let found = findings(&RULE, Trust, trust);
        assert_eq!(
            (found[0].severity, found[0].path.as_str()),
            (Severity::Error, "Statement.NotPrincipal")
        );
    }
}
