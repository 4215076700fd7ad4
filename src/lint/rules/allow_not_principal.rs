//! SEC005: `Allow` with `NotPrincipal` grants to everyone not listed.

use crate::lint::{Context, Diagnostic};
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// An Allow statement uses `NotPrincipal`, granting to everyone it does not name.
    ///
    /// ## What it does
    /// Flags an `Allow` statement that has `NotPrincipal`. Not in a role trust policy, where IAM034
    /// already reports `NotPrincipal` as an error whatever the effect.
    ///
    /// ## Why it matters
    /// `"Effect": "Allow"` with `NotPrincipal` allows every principal in every account except
    /// the ones listed, anonymous callers included. AWS recommends against it; `NotPrincipal` is
    /// meant for `Deny` statements, and even there a condition on `aws:PrincipalArn` is clearer.
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/blocked"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
    pub static RULE = {
        code: "SEC005",
        name: "allow-with-not-principal",
        severity: Security,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind == PolicyKind::Trust {
        return;
    }
    for node in ctx.statements() {
        if !node.is_allow() {
            continue;
        }
        let Some(members) = node.json.as_object() else { continue };
        for m in members.iter().filter(|m| m.key == "NotPrincipal") {
            out.push(
                Diagnostic::new(
                    &RULE,
                    "\"Allow\" with \"NotPrincipal\" grants to every principal it does not name",
                )
                .at(m.key_span)
                .path(node.path_to("NotPrincipal"))
                .help(ids::allow_with_not_principal_help()),
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
        let allow = r#"{"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}]}"#;
        assert_fails(&RULE, Bucket, &[allow]);
        let deny = r#"{"Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"}]}"#;
        let plain = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}]}"#;
        assert_passes(&RULE, Bucket, &[deny, plain]);
        let found = findings(&RULE, Key, allow);
        assert_eq!(flagged(allow, &found[0]), "\"NotPrincipal\"");
        // One finding for one mistake: in a trust policy IAM034 is the error.
        assert_passes(&RULE, Trust, &[allow]);
        let both = crate::analyze(allow, Trust).findings;
        assert!(both.iter().any(|f| f.code == "IAM034"), "{both:?}");
    }
}
