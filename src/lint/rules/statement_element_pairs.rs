//! IAM004: a statement needs `Effect`, one of `Action`/`NotAction` and (mostly) one of
//! `Resource`/`NotResource`, and never both halves of a pair.

use crate::json::{escape_string, Member};
use crate::lint::fix::{insert_member, Fix};
use crate::lint::{Context, Diagnostic, StatementNode};
use crate::policy::PolicyKind;
use crate::message::ids;

const KMS_NOTE: &str = "KMS accepts it but the statement has no effect";

crate::declare_rule! {
    /// A statement lacks a required element, or has both halves of a pair.
    ///
    /// ## What it does
    /// Flags a statement with no `Effect`; with neither `Action` nor `NotAction`; with neither
    /// `Resource` nor `NotResource` (except in role trust policies and CloudWatch Logs resource
    /// policies, where the resource is implied); or with both `Action` and `NotAction`, both
    /// `Principal` and `NotPrincipal`, or both `Resource` and `NotResource`.
    ///
    /// ## Why it matters
    /// IAM, S3 and CloudWatch Logs reject such a statement with
    /// `MalformedPolicyDocumentException`. KMS accepts a key-policy statement without `Action`
    /// or `Resource`, but that statement then allows or denies nothing, which is rarely what
    /// was meant.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "NotAction": "kms:ScheduleKeyDeletion", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
    /// - https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
    pub static RULE = {
        code: "IAM004",
        name: "statement-element-pairs",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let Some(members) = node.json.as_object() else { continue };
        let find = |key: &str| members.iter().find(|m| m.key == key);

        if find("Effect").is_none() {
            out.push(missing(
                &node,
                members,
                &["Effect"],
                "add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"",
                ctx.kind,
            ));
        }
        if find("Action").is_none() && find("NotAction").is_none() {
            out.push(missing(
                &node,
                members,
                &["Action", "NotAction"],
                "add \"Action\" with the actions to allow or deny",
                ctx.kind,
            ));
        }
        let resource_implied = matches!(ctx.kind, PolicyKind::Trust | PolicyKind::LogResource);
        if !resource_implied && find("Resource").is_none() && find("NotResource").is_none() {
            let help = match ctx.kind {
                PolicyKind::Key => "add \"Resource\": \"*\", which in a key policy means this key",
                PolicyKind::Bucket => {
                    "add \"Resource\" with the bucket or object ARNs, e.g. \"arn:aws:s3:::my-bucket/*\""
                }
                _ => "add \"Resource\" with the ARNs the statement applies to, or \"*\"",
            };
            let d = missing(&node, members, &["Resource", "NotResource"], help, ctx.kind);
            // In a key policy "*" is the one resource that means anything: the key itself.
            let insert = (ctx.kind == PolicyKind::Key && d.help.as_deref() == Some(help))
                .then(|| insert_member(ctx.text, node.json, "Resource", "\"*\""))
                .flatten();
            out.push(match insert {
                Some(edit) => d.fix(Fix::new("Add \"Resource\": \"*\"", vec![edit])),
                None => d,
            });
        }
        for (a, b) in [
            ("Action", "NotAction"),
            ("Principal", "NotPrincipal"),
            ("Resource", "NotResource"),
        ] {
            let (Some(x), Some(y)) = (find(a), find(b)) else {
                continue;
            };
            let second = if y.key_span.start > x.key_span.start { y } else { x };
            out.push(
                Diagnostic::new(&RULE, ids::statement_element_pairs(&a, &b))
                    .at(second.key_span)
                    .path(node.path_to(&second.key))
                    .help(ids::statement_element_pairs_help(&a, &b)),
            );
        }
    }
}

/// A statement lacks every element of `names`; the finding covers the statement object.
fn missing(node: &StatementNode, members: &[Member], names: &[&str], help: &str, kind: PolicyKind) -> Diagnostic {
    let message = match names {
        [one] => ids::statement_element_pairs_2(&one),
        _ => ids::statement_element_pairs_3(&names
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(" nor ")),
    };
    // A near miss such as "effect" or "Resources" (IAM003 reports it too) is the likely cause.
    let misspelt = members.iter().find_map(|m| {
        let singular = m.key.strip_suffix(['s', 'S']).unwrap_or(&m.key);
        let right = names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(&m.key) || n.eq_ignore_ascii_case(singular))?;
        (!names.contains(&m.key.as_str())).then_some((m, right))
    });
    let help = match misspelt {
        Some((m, right)) => ids::statement_element_pairs_4(&escape_string(&m.key), &right),
        None => help.into(),
    };
    let d = Diagnostic::new(&RULE, message)
        .at(node.json.span)
        .path(node.path.clone())
        .help(help);
    if kind == PolicyKind::Key && names[0] != "Effect" {
        d.note(KMS_NOTE)
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    const FULL: &str = r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:*", "Resource": "*"}]}"#;

    #[test]
    fn table() {
        for kind in PolicyKind::ALL {
            assert_fails(
                &RULE,
                kind,
                &[
                    r#"{"Statement": [{"Action": "kms:*", "Resource": "*"}]}"#,
                    r#"{"Statement": [{"Effect": "Allow", "Resource": "*"}]}"#,
                    r#"{"Statement": [{"Effect": "Allow", "Action": "s3:*", "NotAction": "s3:Get*", "Resource": "*"}]}"#,
                    r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "NotPrincipal": {"AWS": "x"}, "Action": "s3:*", "Resource": "*"}]}"#,
                    r#"{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "NotResource": "*"}}"#,
                ],
            );
            assert_passes(
                &RULE,
                kind,
                &[
                    FULL,
                    r#"{"Statement": [{"Effect": "Deny", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::b"}]}"#,
                    r#"{"Statement": []}"#,
                    r#"{"Statement": ["not an object"]}"#,
                ],
            );
        }
        let no_resource = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#;
        assert_fails(&RULE, Key, &[no_resource]);
        assert_fails(&RULE, Bucket, &[no_resource]);
        assert_fails(&RULE, Identity, &[no_resource]);
        assert_passes(&RULE, Trust, &[no_resource]);
        assert_passes(&RULE, LogResource, &[no_resource]);
    }

    #[test]
    fn a_missing_element_covers_the_statement() {
        let text = r#"{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Action": "s3:*", "Resource": "*"}]}"#;
        let found = findings(&RULE, Identity, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "statement has no \"Effect\"");
        assert_eq!(flagged(text, &found[0]), r#"{"Action": "s3:*", "Resource": "*"}"#);
        assert_eq!(found[0].path, "Statement[1]");
    }

    #[test]
    fn key_policies_note_that_kms_accepts_an_ineffective_statement() {
        let text = r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:*"}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(
            found[0].message,
            "statement has neither \"Resource\" nor \"NotResource\""
        );
        assert_eq!(found[0].note.as_deref(), Some(KMS_NOTE));
        assert!(findings(&RULE, Identity, text)[0].note.is_none());
    }

    #[test]
    fn a_key_policy_statement_gets_resource_star() {
        let text = r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:*"}]}"#;
        let out = crate::lint::fix::fixed(&RULE, Key, text);
        assert_eq!(
            out,
            r#"{"Statement": [{"Resource": "*", "Effect": "Allow", "Principal": "*", "Action": "kms:*"}]}"#
        );
        assert_passes(&RULE, Key, &[&out]);
        crate::lint::fix::assert_no_fix(&RULE, Identity, text);
        let misspelt = r#"{"Statement": [{"Effect": "Allow", "Action": "kms:*", "Resources": "*"}]}"#;
        crate::lint::fix::assert_no_fix(&RULE, Key, misspelt);
    }

    #[test]
    fn both_halves_of_a_pair_point_at_the_second() {
        let text = r#"{"Statement": {"Effect": "Allow", "NotAction": "s3:Get*", "Action": "s3:*", "Resource": "*"}}"#;
        let found = findings(&RULE, Identity, text);
        assert_eq!(found[0].message, "statement has both \"Action\" and \"NotAction\"");
        assert_eq!(flagged(text, &found[0]), "\"Action\"");
        assert_eq!(found[0].path, "Statement.Action");
    }

    #[test]
    fn a_wrongly_cased_element_is_named_in_the_help() {
        let found = findings(
            &RULE,
            Identity,
            r#"{"Statement": [{"effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#,
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("rename \"effect\" to \"Effect\": element names are exact")
        );
        let found = findings(
            &RULE,
            Bucket,
            r#"{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resources": "*"}]}"#,
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("rename \"Resources\" to \"Resource\": element names are exact")
        );
    }
}
