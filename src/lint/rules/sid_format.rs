//! IAM011: a `Sid` is letters and digits only in IAM policies, and never empty.

use crate::json::escape_string;
use crate::lint::fix::{remove_member, Fix};
use crate::lint::{Context, Diagnostic, Severity};
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// A `Sid` is empty, or has characters IAM does not allow.
    ///
    /// ## What it does
    /// Flags a `Sid` with characters other than ASCII letters and digits: an error in IAM
    /// identity policies, a suggestion in S3 bucket, CloudWatch Logs resource and role trust
    /// policies, and nothing in KMS key policies, which explicitly allow spaces. Also flags an
    /// empty `Sid` in every kind of policy.
    ///
    /// ## Why it matters
    /// IAM documents `Sid` as `[A-Za-z0-9]` only and rejects other characters. KMS documents
    /// Sids with spaces such as `"Enable IAM User Permissions"`. Other services do not document
    /// their rule, so a plain alphanumeric Sid is the portable choice. An empty Sid identifies
    /// nothing: remove it or name the statement.
    ///
    /// ## Example
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Allow log delivery", "Effect": "Allow", "Action": "logs:CreateLogDelivery", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AllowLogDelivery", "Effect": "Allow", "Action": "logs:CreateLogDelivery", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
    /// - https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
    pub static RULE = {
        code: "IAM011",
        name: "sid-format",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let Some(members) = node.json.as_object() else { continue };
        for (index, m) in members.iter().enumerate().filter(|(_, m)| m.key == "Sid") {
            // A Sid that is not a string is IAM010's.
            let Some(sid) = m.value.as_str() else { continue };
            let path = node.path_to("Sid");
            if sid.is_empty() {
                let d = Diagnostic::new(&RULE, ids::sid_format())
                    .severity(Severity::Warning)
                    .at(m.value.span)
                    .path(path)
                    .help(ids::sid_format_help());
                out.push(match remove_member(members, index) {
                    Some(edit) => d.fix(Fix::new("Remove the empty \"Sid\"", vec![edit])),
                    None => d,
                });
                continue;
            }
            let mut bad: Vec<char> = Vec::new();
            for c in sid.chars().filter(|c| !c.is_ascii_alphanumeric()) {
                if !bad.contains(&c) {
                    bad.push(c);
                }
            }
            if bad.is_empty() {
                continue;
            }
            let severity = match ctx.kind {
                PolicyKind::Key => continue,
                PolicyKind::Identity => Severity::Error,
                PolicyKind::Bucket | PolicyKind::LogResource | PolicyKind::Trust => Severity::Suggestion,
            };
            let named: Vec<String> = bad.iter().map(|c| describe(*c)).collect();
            let fixed: String = sid.chars().filter(char::is_ascii_alphanumeric).collect();
            let d = Diagnostic::new(&RULE, ids::sid_format_2(&escape_string(sid), &list(&named)))
                .severity(severity)
                .at(m.value.span)
                .path(path);
            let d = if fixed.is_empty() {
                d.help(ids::sid_format_help_2())
            } else {
                let d = d.help(ids::sid_format_help_3(&fixed));
                // A Sid another statement already has would trade this finding for a duplicate.
                let taken = ctx
                    .statements()
                    .iter()
                    .any(|n| n.statement.sid.as_ref().is_some_and(|s| s.value == fixed));
                if taken {
                    d
                } else {
                    d.fix(Fix::replace(
                        format!("Write \"{fixed}\""),
                        m.value.span,
                        format!("\"{fixed}\""),
                    ))
                }
            };
            out.push(if severity == Severity::Error {
                d.note(ids::sid_format_note())
            } else {
                d.note(ids::sid_format_note_2(&ctx.kind.label()))
            });
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\t' => "a tab".to_owned(),
        c if c.is_control() => format!("U+{:04X}", c as u32),
        c => format!("\"{c}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    #[test]
    fn table() {
        let spaced = r#"{"Statement": [{"Sid": "Enable IAM User Permissions"}]}"#;
        let dashed = r#"{"Statement": [{"Sid": "allow-logs"}]}"#;
        let accented = r#"{"Statement": [{"Sid": "Règle1"}]}"#;
        let empty = r#"{"Statement": [{"Sid": ""}]}"#;
        let plain = r#"{"Statement": [{"Sid": "EnableIAMUserPermissions"}, {"Sid": "Stmt1700000000000"}]}"#;
        assert_fails(&RULE, Identity, &[spaced, dashed, accented, empty]);
        for kind in [Bucket, LogResource, Trust] {
            assert_fails(&RULE, kind, &[spaced, dashed, empty]);
        }
        assert_fails(&RULE, Key, &[empty]);
        assert_passes(&RULE, Key, &[spaced, dashed, accented, plain]);
        for kind in PolicyKind::ALL {
            assert_passes(
                &RULE,
                kind,
                &[plain, r#"{"Statement": [{"Sid": 7}, {"Effect": "Allow"}]}"#],
            );
        }
    }

    #[test]
    fn severity_depends_on_the_kind() {
        let text = r#"{"Statement": [{"Sid": "Allow logs"}]}"#;
        assert_eq!(findings(&RULE, Identity, text)[0].severity, Severity::Error);
        assert_eq!(findings(&RULE, Bucket, text)[0].severity, Severity::Suggestion);
        assert_eq!(findings(&RULE, Trust, text)[0].severity, Severity::Suggestion);
        assert!(findings(&RULE, Key, text).is_empty());
        assert_eq!(
            findings(&RULE, Key, r#"{"Statement": [{"Sid": ""}]}"#)[0].severity,
            Severity::Warning
        );
    }

    #[test]
    fn fixes_keep_letters_and_digits_or_remove_an_empty_sid() {
        use crate::lint::fix::{assert_no_fix, fixed};
        let text = r#"{"Statement": [{"Sid": "Allow CWL-usage", "Effect": "Allow"}]}"#;
        let out = fixed(&RULE, Identity, text);
        assert_eq!(out, r#"{"Statement": [{"Sid": "AllowCWLusage", "Effect": "Allow"}]}"#);
        assert_passes(&RULE, Identity, &[&out]);
        let empty = fixed(&RULE, Bucket, r#"{"Statement": [{"Effect": "Allow", "Sid": ""}]}"#);
        assert_eq!(empty, r#"{"Statement": [{"Effect": "Allow"}]}"#);
        assert_passes(&RULE, Bucket, &[&empty]);
        assert_no_fix(&RULE, Identity, r#"{"Statement": [{"Sid": "a-b"}, {"Sid": "ab"}]}"#);
        assert_no_fix(&RULE, Identity, r#"{"Statement": [{"Sid": "--"}]}"#);
    }

    #[test]
    fn names_the_characters_and_offers_a_fix() {
        let text = r#"{"Statement": [{"Sid": "ok"}, {"Sid": "Allow CWL-usage"}]}"#;
        let found = findings(&RULE, Identity, text);
        assert_eq!(found[0].message, "Sid \"Allow CWL-usage\" contains a space and \"-\"");
        assert_eq!(flagged(text, &found[0]), "\"Allow CWL-usage\"");
        assert_eq!(found[0].path, "Statement[1].Sid");
        assert!(found[0].help.as_deref().unwrap().starts_with("write \"AllowCWLusage\""));
    }
}
