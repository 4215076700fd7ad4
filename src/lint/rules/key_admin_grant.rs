//! SEC003: `kms:*` or `kms:PutKeyPolicy` granted to someone other than the account or its key administrators.

use crate::lint::{Context, Diagnostic};
use crate::policy::{is_account_id, Arn, PolicyKind, Text};
use crate::message::ids;

crate::declare_rule! {
    /// A key policy lets a principal other than the account or a key administrator change the key policy.
    ///
    /// ## What it does
    /// In a KMS key policy, flags an `Allow` statement that grants `kms:*` or
    /// `kms:PutKeyPolicy` (also through `*`, `kms:Put*` or `NotAction`) to a principal that is
    /// neither the account (`arn:aws:iam::ACCOUNT:root` or the bare account ID) nor a role or
    /// user whose name says it administers keys (contains `admin`, as in the KMS console's
    /// "Allow access for Key Administrators" statement). Service principals and `"*"` are
    /// flagged too.
    ///
    /// The judgement: the account root statement (`"Action": "kms:*"`) is the documented
    /// default key policy; it hands the decision to the account's IAM policies, where it can be
    /// audited. Any other principal holding `kms:PutKeyPolicy` can rewrite the policy, grant
    /// itself everything, or lock everyone else out, so only administrators should have it.
    /// A role named like an administrator is taken at its word; review who can assume it.
    ///
    /// ## Why it matters
    /// The key protects log data. A workload role or a service that can put a key policy can
    /// remove CloudWatch Logs' access (making logs unreadable) or open the key to other accounts.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "App", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/orders-app"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "App", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/orders-app"}, "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "logs.us-east-1.amazonaws.com"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
    /// - https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-administrators
    pub static RULE = {
        code: "SEC003",
        name: "key-policy-change-granted",
        severity: Security,
        check: check,
    }
}

/// The account itself: its root ARN or bare ID. Placeholders such as `account-ARN` are not
/// judged (they are neither).
pub fn is_account(value: &str) -> bool {
    is_account_id(value) || Arn::parse(value).is_ok_and(|a| a.service == "iam" && a.resource == "root")
}

/// An IAM role or user whose name says it administers: `…:role/KMSAdminRole`, `…:user/admin`.
pub fn is_administrator(value: &str) -> bool {
    Arn::parse(value).is_ok_and(|a| {
        a.service == "iam"
            && (a.resource.starts_with("role/") || a.resource.starts_with("user/"))
            && a.resource
                .rsplit('/')
                .next()
                .is_some_and(|name| name.to_ascii_lowercase().contains("admin"))
    })
}

fn is_unknown(value: &str) -> bool {
    value != "*" && !is_account_id(value) && Arn::parse(value).is_err()
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind != PolicyKind::Key {
        return;
    }
    for node in ctx.statements() {
        if !node.is_allow() || !node.grants("kms:PutKeyPolicy") {
            continue;
        }
        let what = if node.grants("kms:ScheduleKeyDeletion") && node.grants("kms:Decrypt") {
            "every KMS action"
        } else {
            "kms:PutKeyPolicy"
        };
        let Some(principal) = &node.statement.principal else {
            continue;
        };
        let flagged: Vec<(&str, &Text)> = principal
            .values()
            .into_iter()
            .filter(|(kind, v)| match *kind {
                "AWS" => !is_account(&v.value) && !is_administrator(&v.value) && !is_unknown(&v.value),
                _ => true,
            })
            .collect();
        for (_, who) in flagged {
            out.push(
                Diagnostic::new(&RULE, ids::key_policy_change_granted(&who.value, &what))
                    .at(who.span)
                    .path(node.path_to("Principal"))
                    .note(ids::key_policy_change_granted_note())
                    .help(ids::key_policy_change_granted_help()),
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
        let role_all = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "kms:*", "Resource": "*"}]}"#;
        let role_put = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "KMS:Put*", "Resource": "*"}]}"#;
        let service = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:*", "Resource": "*"}]}"#;
        let not_action = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/bob"}, "NotAction": "kms:ScheduleKeyDeletion", "Resource": "*"}]}"#;
        let everyone = r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}"#;
        assert_fails(&RULE, Key, &[role_all, role_put, service, not_action, everyone]);
        let root = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666"]}, "Action": "kms:*", "Resource": "*"}]}"#;
        let admins = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/KMSAdminRole"}, "Action": ["kms:Create*", "kms:Put*"], "Resource": "*"}]}"#;
        let placeholder = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "account-ARN"}, "Action": "kms:PutKeyPolicy*", "Resource": "*"}]}"#;
        let user = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": ["kms:Decrypt", "kms:Describe*"], "Resource": "*"}]}"#;
        let deny = r#"{"Statement": [{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "kms:*", "Resource": "*"}]}"#;
        assert_passes(&RULE, Key, &[root, admins, placeholder, user, deny]);
        assert_passes(&RULE, Bucket, &[role_all]);
    }

    #[test]
    fn says_what_was_granted() {
        let text = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/app"]}, "Action": "kms:*", "Resource": "*"}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "\"arn:aws:iam::111122223333:role/app\" is granted every KMS action, so it can rewrite this key policy"
        );
        assert_eq!(flagged(text, &found[0]), "\"arn:aws:iam::111122223333:role/app\"");
    }
}
