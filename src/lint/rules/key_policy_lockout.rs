//! SEC004: nobody could change the key policy afterwards (KMS's policy lockout safety check).

use super::key_admin_grant::{is_account, is_administrator};
use crate::lint::{Context, Diagnostic, Severity};
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// No statement leaves the account or an administrator able to change the key policy.
    ///
    /// ## What it does
    /// In a KMS key policy, looks for an `Allow` statement granting `kms:PutKeyPolicy` (also
    /// through `kms:*`, `kms:Put*` or `*`) to an AWS principal. No such `Allow` at all, or a
    /// `Deny` of it to everyone without a condition, is an error: KMS refuses the policy. When
    /// only particular roles or users get it and neither the account (`…:root` or the account
    /// ID) nor a role named as an administrator does, it is a suggestion: the policy works only
    /// if the principal making the request is one of them. Statements to merge into an existing
    /// key policy (the generated `key-policy-statement.json`) are not a whole policy: the rule
    /// skips them, as the policy they are merged into keeps its own administrators.
    ///
    /// ## Why it matters
    /// `CreateKey` and `PutKeyPolicy` refuse a policy that would not let the principal making the
    /// request call `PutKeyPolicy` again, unless `BypassPolicyLockoutSafetyCheck` is set. With
    /// the bypass, the key becomes unmanageable: nobody can fix its policy, and only AWS Support
    /// can help. A policy that gives the right to one role breaks the same way when that role is
    /// deleted.
    ///
    /// A statement list is often checked on its own before it is added to a key policy; checked
    /// as a key policy it gets this error, since that is what `put-key-policy` would do with it.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "App", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/orders-app"}, "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "logs.us-east-1.amazonaws.com"}}}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
    /// - https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#prevent-unmanageable-key
    pub static RULE = {
        code: "SEC004",
        name: "key-policy-lockout",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind != PolicyKind::Key || ctx.fragment || ctx.policy.statements.is_empty() {
        return;
    }
    let statements = ctx.statements();
    let blocked = statements.iter().find(|n| {
        n.statement.effect() == Some(crate::policy::Effect::Deny)
            && n.principal_is_everyone().is_some()
            && n.grants("kms:PutKeyPolicy")
            && n.statement.condition.is_empty()
    });
    let at = ctx.statement_value().map(|v| v.span);
    if let Some(deny) = blocked {
        out.push(
            Diagnostic::new(&RULE, ids::key_policy_lockout())
                .at(deny.statement.span)
                .path(deny.path.clone())
                .note(ids::key_policy_lockout_note())
                .help(ids::key_policy_lockout_help()),
        );
        return;
    }
    let holders: Vec<&str> = statements
        .iter()
        .filter(|n| n.is_allow() && n.grants("kms:PutKeyPolicy"))
        .flat_map(|n| n.aws_principals())
        .map(|t| t.value.as_str())
        .collect();
    if holders.is_empty() {
        out.push(
            Diagnostic::new(&RULE, ids::key_policy_lockout_2())
                .at(at)
                .path("Statement")
                .note(ids::key_policy_lockout_note_2())
                .help(ids::key_policy_lockout_help_2()),
        );
        return;
    }
    let managed = holders
        .iter()
        .any(|h| *h == "*" || is_account(h) || is_administrator(h) || crate::policy::Arn::parse(h).is_err());
    if !managed {
        out.push(
            Diagnostic::new(&RULE, ids::key_policy_lockout_3(&holders.join(", ")))
                .at(at)
                .path("Statement")
                .note(ids::key_policy_lockout_note_3())
                .severity(Severity::Suggestion)
                .help(ids::key_policy_lockout_help_3()),
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
        let service_only = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:*", "Resource": "*"}]}"#;
        let decrypt = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:Decrypt", "Resource": "*"}]}"#;
        let denied = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Deny", "Principal": "*", "Action": "kms:PutKeyPolicy", "Resource": "*"}]}"#;
        let one_role = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/deployer"}, "Action": "kms:PutKeyPolicy", "Resource": "*"}]}"#;
        assert_fails(&RULE, Key, &[service_only, decrypt, denied, one_role]);
        let root = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}]}"#;
        let admin = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyAdmins"}, "Action": "kms:Put*", "Resource": "*"}]}"#;
        let placeholder = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "account-ARN"}, "Action": "kms:PutKeyPolicy*", "Resource": "*"}]}"#;
        let conditional_deny = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Deny", "Principal": "*", "Action": "kms:PutKeyPolicy", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}]}"#;
        assert_passes(&RULE, Key, &[root, admin, placeholder, conditional_deny]);
        assert_passes(&RULE, Bucket, &[service_only]);
    }

    #[test]
    fn statements_to_merge_are_not_a_whole_policy() {
        let statement = r#"{"Statement": [{"Sid": "Allow Vended Logs Delivery", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], "Resource": "*"}]}"#;
        assert_eq!(findings(&RULE, Key, statement)[0].severity, Severity::Error);
        let json = crate::json::parse_document(statement).expect("JSON");
        let policy = crate::policy::lower(&json);
        let ctx = Context { fragment: true, ..Context::new(statement, &json, &policy, Key) };
        let mut out = Vec::new();
        check(&ctx, &mut out);
        assert!(out.is_empty(), "{:?}", out.iter().map(|d| &d.message).collect::<Vec<_>>());
    }

    #[test]
    fn severity_follows_how_sure_the_lockout_is() {
        let nobody = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "kms:Decrypt", "Resource": "*"}]}"#;
        let one = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/deployer"}, "Action": "kms:*", "Resource": "*"}]}"#;
        assert_eq!(findings(&RULE, Key, nobody)[0].severity, Severity::Error);
        let denied = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}]}"#;
        assert_eq!(findings(&RULE, Key, denied)[0].severity, Severity::Error);
        let found = findings(&RULE, Key, one);
        assert_eq!(found[0].severity, Severity::Suggestion);
        assert_eq!(
            found[0].message,
            "only arn:aws:iam::111122223333:role/deployer can change this key policy"
        );
    }
}
