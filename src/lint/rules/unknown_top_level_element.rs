//! IAM001: the top level of a policy holds only `Version`, `Id` and `Statement`.

use crate::json::escape_string;
use crate::lint::fix::{likely_spelling, Fix};
use crate::lint::{Context, Diagnostic};
use crate::policy::{STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS};
use crate::message::ids;

crate::declare_rule! {
    /// The policy has a top-level element other than `Version`, `Id` and `Statement`.
    ///
    /// ## What it does
    /// Flags every key of the policy object that is not `Version`, `Id` or `Statement`, spelt
    /// with that exact case. A key that differs only in case gets the right spelling, and a
    /// statement element written at the top level is pointed back into a statement.
    ///
    /// ## Why it matters
    /// Element names are case-sensitive and the grammar has no other top-level element: AWS
    /// rejects the document with `MalformedPolicyDocumentException`. A lowercase `"statement"`
    /// also means the policy has no statements at all.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
    pub static RULE = {
        code: "IAM001",
        name: "unknown-top-level-element",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(members) = ctx.json.as_object() else { return };
    for m in members.iter().filter(|m| !TOP_LEVEL_ELEMENTS.contains(&m.key.as_str())) {
        let key = escape_string(&m.key);
        let meant = likely_spelling(&m.key, &TOP_LEVEL_ELEMENTS);
        let help = if let Some(right) = TOP_LEVEL_ELEMENTS.iter().find(|k| k.eq_ignore_ascii_case(&m.key)) {
            ids::unknown_top_level_element_2(&right)
        } else if let Some(right) = meant {
            ids::unknown_top_level_element_3(&right)
        } else if let Some(element) = STATEMENT_ELEMENTS.iter().find(|k| k.eq_ignore_ascii_case(&m.key)) {
            ids::unknown_top_level_element_4(&element)
        } else {
            "a policy has only \"Version\", \"Id\" and \"Statement\" at the top level".into()
        };
        let d = Diagnostic::new(&RULE, ids::unknown_top_level_element(&key))
            .at(m.key_span)
            .path(m.key.clone())
            .help(help);
        // Renaming onto a name the policy already has would only make a duplicate key.
        out.push(
            match meant.filter(|right| !members.iter().any(|other| other.key == *right)) {
                Some(right) => d.fix(Fix::replace(
                    format!("Rename to \"{right}\""),
                    m.key_span,
                    format!("\"{right}\""),
                )),
                None => d,
            },
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
        assert_fails(
            &RULE,
            Key,
            &[
                r#"{"Version": "2012-10-17", "statement": []}"#,
                r#"{"version": "2012-10-17", "Statement": []}"#,
                r#"{"ID": "x", "Statement": []}"#,
                r#"{"Statement": [], "Effect": "Allow"}"#,
                r#"{"Statement": [], "Comment": "why this key exists"}"#,
                r#"{"Statements": []}"#,
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                r#"{"Version": "2012-10-17", "Id": "key-policy", "Statement": []}"#,
                r#"{"Statement": [{"Effect": "Allow", "Sid": "only statement keys here"}]}"#,
                r#"{}"#,
            ],
        );
    }

    #[test]
    fn wrong_case_points_at_the_key_and_gives_the_spelling() {
        let text = r#"{"Version": "2012-10-17", "statement": []}"#;
        let found = findings(&RULE, Identity, text);
        assert_eq!(found.len(), 1);
        assert_eq!(flagged(text, &found[0]), "\"statement\"");
        assert_eq!(found[0].path, "statement");
        assert_eq!(found[0].message, "unknown top-level element \"statement\"");
        assert!(found[0].help.as_deref().unwrap().contains("\"Statement\""));
    }

    #[test]
    fn a_misspelt_name_is_renamed_unless_the_right_one_is_there() {
        for text in [
            r#"{"Version": "2012-10-17", "statement": []}"#,
            r#"{"Verison": "2012-10-17", "Statement": []}"#,
            r#"{"ID": "x", "Statement": []}"#,
            "{\n  \"Statements\": [\n    {\"Effect\": \"Allow\"}\n  ]\n}",
        ] {
            let out = crate::lint::fix::fixed(&RULE, Key, text);
            assert_passes(&RULE, Key, &[&out]);
        }
        assert_eq!(
            crate::lint::fix::fixed(&RULE, Key, r#"{"Statment": []}"#),
            r#"{"Statement": []}"#
        );
        crate::lint::fix::assert_no_fix(&RULE, Key, r#"{"Statement": [], "statement": []}"#);
        crate::lint::fix::assert_no_fix(&RULE, Key, r#"{"Statement": [], "Comment": "x"}"#);
    }

    #[test]
    fn a_statement_element_at_the_top_level_is_sent_into_a_statement() {
        let found = findings(&RULE, Key, r#"{"Statement": [], "Action": "kms:*"}"#);
        assert!(found[0].help.as_deref().unwrap().contains("inside a statement"));
    }
}
