//! IAM002: a policy needs a `Statement` that is an object or a non-empty array.

use crate::json::{escape_string, ValueKind};
use crate::lint::fix::Fix;
use crate::lint::{Context, Diagnostic};
use crate::message::ids;

crate::declare_rule! {
    /// The policy has no statement.
    ///
    /// ## What it does
    /// Flags a policy without a `Statement` element, with an empty `Statement` array, or with a
    /// `Statement` that is neither an object nor an array.
    ///
    /// ## Why it matters
    /// `Statement` is the one required element of every policy: it holds the permissions. AWS
    /// rejects a document without it with `MalformedPolicyDocumentException`, and a policy with
    /// no statement grants nothing.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": []}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
    pub static RULE = {
        code: "IAM002",
        name: "missing-statement",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(members) = ctx.json.as_object() else { return };
    let Some(statement) = ctx.statement_value() else {
        let d = Diagnostic::new(&RULE, ids::missing_statement())
            .at(ctx.json.span)
            .path("");
        let d = match members.iter().find(|m| m.key.eq_ignore_ascii_case("Statement")) {
            Some(m) => d
                .help(ids::missing_statement_help(&escape_string(&m.key)))
                .fix(Fix::replace("Rename to \"Statement\"", m.key_span, "\"Statement\"")),
            None => d.help(ids::missing_statement_help_2()),
        };
        out.push(d);
        return;
    };
    match &statement.kind {
        ValueKind::Array(items) if items.is_empty() => out.push(
            Diagnostic::new(&RULE, ids::missing_statement_2())
                .at(statement.span)
                .path("Statement")
                .help(ids::missing_statement_help_3()),
        ),
        ValueKind::Array(_) | ValueKind::Object(_) => {}
        _ => out.push(
            Diagnostic::new(
                &RULE,
                ids::missing_statement_3(&statement.type_name()),
            )
            .at(statement.span)
            .path("Statement")
            .help(ids::missing_statement_help_4()),
        ),
    }
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
                r#"{"Version": "2012-10-17"}"#,
                r#"{}"#,
                r#"{"Version": "2012-10-17", "Statement": []}"#,
                r#"{"Statement": "Allow everything"}"#,
                r#"{"Statement": null}"#,
                r#"{"Statement": 1}"#,
                r#"{"statement": [{"Effect": "Allow"}]}"#,
                r#"{"Statement": [{"Effect": "Allow"}], "Statement": []}"#,
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                r#"{"Statement": [{"Effect": "Allow"}]}"#,
                r#"{"Statement": {"Effect": "Allow"}}"#,
                r#"{"Statement": {}}"#,
                r#"{"Statement": ["not an object, but that is IAM003's"]}"#,
            ],
        );
    }

    #[test]
    fn a_wrongly_cased_statement_is_renamed() {
        let out = crate::lint::fix::fixed(
            &RULE,
            Key,
            r#"{"Version": "2012-10-17", "STATEMENT": [{"Effect": "Allow"}]}"#,
        );
        assert_eq!(out, r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}"#);
        assert_passes(&RULE, Key, &[&out]);
        crate::lint::fix::assert_no_fix(&RULE, Key, r#"{"Version": "2012-10-17"}"#);
    }

    #[test]
    fn a_statement_of_the_wrong_type_is_named() {
        let text = r#"{"Version": "2012-10-17", "Statement": "Allow"}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found[0].message, "\"Statement\" is a string, not an object or an array");
        assert_eq!(flagged(text, &found[0]), "\"Allow\"");
        assert_eq!(found[0].path, "Statement");
    }

    #[test]
    fn a_missing_statement_points_at_the_policy_and_spots_a_misspelling() {
        let text = r#"{"Version": "2012-10-17", "STATEMENT": []}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(flagged(text, &found[0]), text);
        assert_eq!(found[0].path, "");
        assert!(found[0].help.as_deref().unwrap().contains("instead of \"STATEMENT\""));
    }
}
