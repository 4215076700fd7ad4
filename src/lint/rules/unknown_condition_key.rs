//! IAM016: condition keys exist.

use crate::catalog::iam::{self, KeyLookup};
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic, Severity};

use super::unknown_service::dataset_label;
use crate::message::ids;
use crate::message::Message;

crate::declare_rule! {
    /// A condition key does not exist.
    ///
    /// ## What it does
    /// Looks up every condition key in AWS's Service Authorization Reference: global keys
    /// (`aws:…`) and the keys of kms, logs, s3, firehose, iam and sts, matching placeholders
    /// (`kms:EncryptionContext:aws:logs:arn` is a `kms:EncryptionContext:${EncryptionContextKey}`
    /// key, `aws:PrincipalTag/team` an `aws:PrincipalTag/${TagKey}` one) and ignoring case as
    /// IAM does. It suggests the nearest key, and says so when a tag key is missing
    /// (`aws:ResourceTag/`). A prefix no service has is a warning when it is
    /// near a real one (`kmss:`); keys of other services and of OIDC providers are not checked.
    ///
    /// ## Why it matters
    /// IAM does not reject an unknown key: the request simply never carries it, so a
    /// `StringEquals` on `aws:SourceAcount` is never true and the statement never applies,
    /// while a `StringNotEquals` or `…IfExists` on it is always true and the condition
    /// protects nothing. Either way the policy silently does something other than intended.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:GenerateDataKey*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceAcount": "111122223333"}, "StringLike": {"kms:ViaServices": "logs.*.amazonaws.com"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:GenerateDataKey*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "StringLike": {"kms:ViaService": "logs.*.amazonaws.com"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
    /// - https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html#awskeymanagementservice-policy-keys
    /// - IAM Access Analyzer checks "Error – Invalid global condition key" and "Error – Invalid
    ///   service condition key": https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM016",
        name: "unknown-condition-key",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for clause in &node.statement.condition {
            for entry in &clause.entries {
                let key = entry.key.value.as_str();
                let quoted = escape_string(key);
                let path = node.path_to(&format!("Condition.{}.{key}", clause.operator.value));
                let d = match iam::lookup_condition_key(key) {
                    KeyLookup::Known(_) | KeyLookup::NotCatalogued => continue,
                    KeyLookup::Unknown { .. } if names_no_tag_key(key) => {
                        let family = key.strip_suffix('/').unwrap_or(key);
                        Diagnostic::new(&RULE, ids::unknown_condition_key(&quoted))
                            .help(ids::unknown_condition_key_help(&family))
                    }
                    KeyLookup::Unknown { prefix, near } => {
                        let what: Message = if prefix == "aws" {
                            "global condition key".into()
                        } else {
                            ids::unknown_condition_key_3(&prefix)
                        };
                        let d = Diagnostic::new(&RULE, ids::unknown_condition_key_2(&quoted, &what))
                            .note(ids::unknown_condition_key_note(&dataset_label()));
                        match near {
                            Some(near) => d.help(ids::unknown_condition_key_help_2(&near)),
                            None => d.help(ids::unknown_condition_key_help_3(&prefix)),
                        }
                    }
                    KeyLookup::UnknownPrefix { near: Some(near) } => {
                        let rest = key.split_once(':').map_or("", |(_, r)| r);
                        Diagnostic::new(
                            &RULE,
                            ids::unknown_condition_key_4(&quoted, &prefix_of(key)),
                        )
                        .severity(Severity::Warning)
                        .help(ids::unknown_condition_key_help_4(&near, &rest))
                        .note(ids::unknown_condition_key_note_2())
                    }
                    KeyLookup::UnknownPrefix { near: None } => continue,
                };
                out.push(d.at(entry.key.span).path(path));
            }
        }
    }
}

/// `aws:ResourceTag/` or `aws:ResourceTag`: a `…/${TagKey}` key without its tag key (AA's
/// `MISSING_TAG_KEY_IN_CONDITION`).
fn names_no_tag_key(key: &str) -> bool {
    let family = key.strip_suffix('/').unwrap_or(key);
    matches!(iam::lookup_condition_key(&format!("{family}/team")), KeyLookup::Known(_))
}

fn prefix_of(key: &str) -> &str {
    key.split_once(':').map_or(key, |(p, _)| p)
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
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAcount": "111122223333"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringLike": {"kms:ViaServices": "logs.*"}}}]}"#,
                r#"{"Statement": [{"Condition": {"ArnEquals": {"kms:EncryptionContexts:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:a"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"s3:x-amz-acls": "bucket-owner-full-control"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"kmss:ViaService": "logs.us-east-1.amazonaws.com"}}}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": "1", "AWS:sourceaccount": "1", "kms:CallerAccount": "1", "kms:ViaService": "x", "s3:x-amz-acl": "x", "aws:PrincipalTag/team": "x", "aws:ResourceTag/a": "x", "s3:ExistingObjectTag/k": "v", "kms:EncryptionContext:aws:logs:arn": "x", "sts:ExternalId": "x", "logs:LogGeneratingResourceArns": "x", "iam:PassedToService": "x"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"ec2:Vpc": "x", "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "x", "accounts.google.com:aud": "x", "test:n": "1", "nocolon": "x"}}}]}"#,
            ],
        );
    }

    #[test]
    fn suggests_the_nearest_key_and_points_at_it() {
        let text =
            r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": "1", "aws:SourceAcount": "1"}}}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "\"aws:SourceAcount\" is not a global condition key");
        assert_eq!(flagged(text, &found[0]), "\"aws:SourceAcount\"");
        assert_eq!(found[0].path, "Statement[0].Condition.StringEquals.aws:SourceAcount");
        assert_eq!(found[0].help.as_deref(), Some("did you mean \"aws:SourceAccount\"?"));
        assert_eq!(found[0].severity, Severity::Error);
    }

    #[test]
    fn a_tag_key_family_without_its_tag_key_says_so() {
        for (key, family) in [("aws:ResourceTag/", "aws:ResourceTag"), ("aws:PrincipalTag", "aws:PrincipalTag"), ("s3:ExistingObjectTag/", "s3:ExistingObjectTag")] {
            let text = format!(r#"{{"Statement": [{{"Condition": {{"StringEquals": {{"{key}": "x"}}}}}}]}}"#);
            let found = findings(&RULE, Identity, &text);
            assert_eq!(found.len(), 1, "{key}");
            assert_eq!(found[0].message, format!("\"{key}\" names no tag key"));
            assert_eq!(found[0].help, Some(format!("write the tag key after the slash, e.g. \"{family}/team\"")));
            assert_eq!(found[0].severity, Severity::Error);
        }
    }

    #[test]
    fn templated_suggestions_keep_what_was_typed() {
        let found = findings(
            &RULE,
            Identity,
            r#"{"Statement": [{"Condition": {"StringEquals": {"aws:PrincipalTags/team": "x"}}}]}"#,
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("did you mean \"aws:PrincipalTag/team\"?")
        );
        let prefix = findings(
            &RULE,
            Identity,
            r#"{"Statement": [{"Condition": {"StringEquals": {"kmss:ViaService": "x"}}}]}"#,
        );
        assert_eq!(prefix[0].severity, Severity::Warning);
        assert_eq!(prefix[0].help.as_deref(), Some("did you mean \"kms:ViaService\"?"));
    }
}
