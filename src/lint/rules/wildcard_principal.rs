//! SEC001: `"Principal": "*"` in an Allow with no condition that narrows who may use it.

use crate::lint::{Context, Diagnostic};
use crate::message::ids;

/// Condition keys that restrict an everyone-principal to an account, organization, source or
/// network path. `kms:ViaService` alone is not among them: every account's callers can reach a
/// key through the service.
pub const NARROWING_KEYS: &[&str] = &[
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:SourceVpce",
    "aws:SourceVpc",
    "aws:SourceOwner",
    "kms:CallerAccount",
];

crate::declare_rule! {
    /// An Allow statement grants to everyone (`"*"`) without a condition that narrows it.
    ///
    /// ## What it does
    /// Flags an `Allow` statement whose principal is `"*"` or `{"AWS": "*"}` and whose condition
    /// does not require one of `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID`,
    /// `aws:SourceOrgPaths`, `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`,
    /// `aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:SourceVpce`, `aws:SourceVpc`,
    /// `aws:SourceOwner` or `kms:CallerAccount` to match a value (a positive operator without
    /// `IfExists`, and a value other than `*`).
    ///
    /// ## Why it matters
    /// A resource policy that names everyone grants to every AWS account, and for a bucket to
    /// anonymous callers too. Conditions such as `kms:ViaService` or `s3:x-amz-acl` say *how* the
    /// resource is used, not *who* uses it.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "logs.us-east-1.amazonaws.com"}}}, {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "logs.us-east-1.amazonaws.com", "kms:CallerAccount": "111122223333"}}}, {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
    /// - https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account
    pub static RULE = {
        code: "SEC001",
        name: "wildcard-principal",
        severity: Security,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        if !node.is_allow() {
            continue;
        }
        let Some(everyone) = node.principal_is_everyone() else {
            continue;
        };
        if node.narrowed_by(NARROWING_KEYS) {
            continue;
        }
        out.push(
            Diagnostic::new(&RULE, ids::wildcard_principal(&ctx.kind.label()))
                .at(everyone.span)
                .path(node.path_to("Principal"))
                .note(ids::wildcard_principal_note())
                .help(ids::wildcard_principal_help()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    #[test]
    fn table() {
        let bare = r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#;
        let aws = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}, "Action": "kms:Decrypt", "Resource": "*"}]}"#;
        let star_value = r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "*"}}}]}"#;
        let if_exists = r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEqualsIfExists": {"aws:SourceAccount": "111122223333"}}}]}"#;
        let negated = r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringNotEquals": {"aws:SourceAccount": "111122223333"}}}]}"#;
        assert_fails(&RULE, Bucket, &[bare, aws, star_value, if_exists, negated]);
        let org = r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:principalorgid": "o-abc123"}}}]}"#;
        let deny = r#"{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}"#;
        let named = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "*"}]}"#;
        assert_passes(&RULE, Bucket, &[org, deny, named]);
    }

    #[test]
    fn points_at_the_star() {
        let text = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*"}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(flagged(text, &found[0]), "\"*\"");
        assert_eq!(found[0].path, "Statement[0].Principal");
    }
}
