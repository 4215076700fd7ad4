//! IAM006: `Version` should be `"2012-10-17"`.

use crate::json::{escape_string, ValueKind};
use crate::lint::fix::{insert_member, Fix};
use crate::lint::{Context, Diagnostic, Severity};
use crate::message::ids;

crate::declare_rule! {
    /// `Version` is missing, legacy, or not a policy language version.
    ///
    /// ## What it does
    /// Flags a `Version` that is not one of the two policy language versions, `"2012-10-17"`
    /// and `"2008-10-17"` (an error), a missing `Version` (a warning) and the legacy
    /// `"2008-10-17"` (a suggestion).
    ///
    /// ## Why it matters
    /// `Version` names the policy language, not the date the policy was written: AWS rejects
    /// any other value, such as today's date, with `MalformedPolicyDocumentException`. Without
    /// `Version`, AWS assumes `2008-10-17`, which does not support policy variables, so a
    /// resource like `arn:aws:s3:::my-bucket/${aws:username}/*` matches only the literal text
    /// `${aws:username}`.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2024-01-01", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
    pub static RULE = {
        code: "IAM006",
        name: "version",
        severity: Error,
        check: check,
    }
}

const CURRENT: &str = "2012-10-17";
const LEGACY: &str = "2008-10-17";
const QUOTED: &str = "\"2012-10-17\"";

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(members) = ctx.json.as_object() else { return };
    let versions: Vec<_> = members.iter().filter(|m| m.key == "Version").collect();
    if versions.is_empty() {
        let d = Diagnostic::new(&RULE, ids::version())
            .severity(Severity::Warning)
            .at(ctx.json.span)
            .path("")
            .note(ids::version_note())
            .help(ids::version_help());
        // A policy written for 2008-10-17 rules may rely on a literal "${"; then adding it is a choice.
        let insert = (!ctx.text.contains("${"))
            .then(|| insert_member(ctx.text, ctx.json, "Version", QUOTED))
            .flatten();
        out.push(match insert {
            Some(edit) => d.fix(Fix::new("Add \"Version\": \"2012-10-17\"", vec![edit])),
            None => d,
        });
    }
    for m in versions {
        let set_current = Fix::replace("Set \"Version\" to \"2012-10-17\"", m.value.span, QUOTED);
        let d = match &m.value.kind {
            ValueKind::String(s) if s == CURRENT => continue,
            ValueKind::String(s) if s == LEGACY => {
                let d = Diagnostic::new(&RULE, ids::version_2())
                    .severity(Severity::Suggestion)
                    .note(ids::version_note_2())
                    .help(ids::version_help_2());
                // With a "${" in the text the upgrade changes what the policy matches.
                if ctx.text.contains("${") {
                    d
                } else {
                    d.fix(set_current)
                }
            }
            ValueKind::String(s) if s.trim() == CURRENT || s.trim() == LEGACY => {
                Diagnostic::new(&RULE, ids::version_3(&escape_string(s)))
                    .help(ids::version_help_3(&s.trim()))
                    .fix(Fix::replace(
                        "Remove the whitespace",
                        m.value.span,
                        escape_string(s.trim()),
                    ))
            }
            // AWS accepts no other value, so the current language is what any other one meant.
            ValueKind::String(s) => Diagnostic::new(
                &RULE,
                ids::version_5(&escape_string(s)),
            )
            .note(ids::version_note_3())
            .help(ids::version_help_4())
            .fix(set_current),
            _ => Diagnostic::new(&RULE, ids::version_4(&m.value.type_name()))
                .help(ids::version_help_5())
                .fix(set_current),
        };
        out.push(d.at(m.value.span).path("Version"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    fn severities(text: &str) -> Vec<Severity> {
        findings(&RULE, Key, text).iter().map(|d| d.severity).collect()
    }

    #[test]
    fn table() {
        assert_fails(
            &RULE,
            Identity,
            &[
                r#"{"Statement": []}"#,
                r#"{"Version": "2024-01-01", "Statement": []}"#,
                r#"{"Version": "2012-10-17 ", "Statement": []}"#,
                r#"{"Version": "2012-10-18", "Statement": []}"#,
                r#"{"Version": 20121017, "Statement": []}"#,
                r#"{"Version": ["2012-10-17"], "Statement": []}"#,
                r#"{"Version": "2008-10-17", "Statement": []}"#,
                r#"{"version": "2012-10-17", "Statement": []}"#,
            ],
        );
        assert_passes(
            &RULE,
            Identity,
            &[
                r#"{"Version": "2012-10-17", "Statement": []}"#,
                r#"{"Statement": [], "Version": "2012-10-17"}"#,
            ],
        );
    }

    #[test]
    fn severity_depends_on_what_is_wrong() {
        assert_eq!(severities(r#"{"Statement": []}"#), [Severity::Warning]);
        assert_eq!(
            severities(r#"{"Version": "2008-10-17", "Statement": []}"#),
            [Severity::Suggestion]
        );
        assert_eq!(
            severities(r#"{"Version": "2024-01-01", "Statement": []}"#),
            [Severity::Error]
        );
        assert_eq!(severities(r#"{"Version": 1, "Statement": []}"#), [Severity::Error]);
    }

    #[test]
    fn a_date_points_at_the_value() {
        let text = r#"{"Version": "2024-01-01", "Statement": []}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(
            found[0].message,
            "Version \"2024-01-01\" is not a policy language version"
        );
        assert_eq!(flagged(text, &found[0]), "\"2024-01-01\"");
        assert_eq!(found[0].path, "Version");
    }

    #[test]
    fn fixes_set_the_current_version() {
        for text in [
            "{\n  \"Statement\": []\n}",
            r#"{"Version": "2008-10-17", "Statement": []}"#,
            r#"{"Version": " 2012-10-17", "Statement": []}"#,
            r#"{"Version": "2024-01-01", "Statement": []}"#,
            r#"{"Version": 20121017, "Statement": []}"#,
            r#"{"Version": ["2012-10-17"], "Statement": []}"#,
        ] {
            let out = crate::lint::fix::fixed(&RULE, Key, text);
            assert_passes(&RULE, Key, &[&out]);
            assert!(out.contains("\"Version\": \"2012-10-17\""), "{out}");
        }
        assert_eq!(
            crate::lint::fix::fixed(&RULE, Key, "{\n  \"Statement\": []\n}"),
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}"
        );
    }

    #[test]
    fn no_fix_when_a_policy_variable_would_change_meaning() {
        let legacy = r#"{"Version": "2008-10-17", "Statement": [{"Resource": "arn:aws:s3:::b/${aws:username}"}]}"#;
        crate::lint::fix::assert_no_fix(&RULE, Key, legacy);
        crate::lint::fix::assert_no_fix(&RULE, Key, r#"{"Statement": [{"Resource": "arn:aws:s3:::b/${x}"}]}"#);
    }

    #[test]
    fn a_missing_version_says_what_to_add() {
        let found = findings(&RULE, Key, r#"{"Statement": []}"#);
        assert_eq!(found[0].help.as_deref(), Some("add \"Version\": \"2012-10-17\""));
        assert!(found[0].note.as_deref().unwrap().contains("policy variables"));
    }
}
