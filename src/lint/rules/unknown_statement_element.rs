//! IAM003: a statement is an object holding only the statement elements.

use crate::json::escape_string;
use crate::lint::fix::{likely_spelling, Fix};
use crate::lint::{Context, Diagnostic};
use crate::policy::{STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS};
use crate::message::ids;
use crate::message::Message;

crate::declare_rule! {
    /// A statement has an element IAM does not know, or is not an object.
    ///
    /// ## What it does
    /// Flags every key of a statement other than `Sid`, `Effect`, `Principal`, `NotPrincipal`,
    /// `Action`, `NotAction`, `Resource`, `NotResource` and `Condition`, spelt with that exact
    /// case; a key that differs only in case or by a plural `s` gets the right spelling. Also
    /// flags an item of the `Statement` array that is not an object.
    ///
    /// ## Why it matters
    /// Element names are case-sensitive: `"action"` or `"Actions"` is not `"Action"`, and AWS
    /// rejects the policy with `MalformedPolicyDocumentException` rather than guess.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Actions": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
    pub static RULE = {
        code: "IAM003",
        name: "unknown-statement-element",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let in_array = ctx.statement_value().is_some_and(|v| v.as_array().is_some());
    for (path, item) in ctx.statement_items() {
        let Some(members) = item.as_object() else {
            // A `Statement` that is itself not an object or array is IAM002's.
            if in_array {
                out.push(
                    Diagnostic::new(&RULE, ids::unknown_statement_element(&item.type_name()))
                        .at(item.span)
                        .path(path)
                        .help(
                            "each item of \"Statement\" is an object: {\"Effect\": …, \"Action\": …, \"Resource\": …}",
                        ),
                );
            }
            continue;
        };
        for m in members.iter().filter(|m| !STATEMENT_ELEMENTS.contains(&m.key.as_str())) {
            let d = Diagnostic::new(&RULE, ids::unknown_statement_element_2(&escape_string(&m.key)))
                .at(m.key_span)
                .path(format!("{path}.{}", m.key))
                .help(help(&m.key));
            // Renaming onto an element the statement already has would only make a duplicate key.
            let meant =
                likely_spelling(&m.key, &STATEMENT_ELEMENTS).filter(|right| !members.iter().any(|o| o.key == *right));
            out.push(match meant {
                Some(right) => d.fix(Fix::replace(
                    format!("Rename to \"{right}\""),
                    m.key_span,
                    format!("\"{right}\""),
                )),
                None => d,
            });
        }
    }
}

fn help(key: &str) -> Message {
    let singular = key.strip_suffix(['s', 'S']).unwrap_or(key);
    if let Some(right) = STATEMENT_ELEMENTS.iter().find(|k| k.eq_ignore_ascii_case(key)) {
        ids::unknown_statement_element_3(&right)
    } else if let Some(right) = STATEMENT_ELEMENTS.iter().find(|k| k.eq_ignore_ascii_case(singular)) {
        ids::unknown_statement_element_4(&right)
    } else if let Some(right) = likely_spelling(key, &STATEMENT_ELEMENTS) {
        ids::unknown_statement_element_5(&right)
    } else if let Some(top) = TOP_LEVEL_ELEMENTS.iter().find(|k| k.eq_ignore_ascii_case(key)) {
        ids::unknown_statement_element_6(&top)
    } else {
        "a statement holds only Sid, Effect, Principal or NotPrincipal, Action or NotAction, Resource or \
         NotResource, and Condition"
            .into()
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
                r#"{"Statement": [{"effect": "Allow"}]}"#,
                r#"{"Statement": [{"Effect": "Allow", "Actions": "kms:*"}]}"#,
                r#"{"Statement": {"Effect": "Allow", "Conditions": {}}}"#,
                r#"{"Statement": [{"Version": "2012-10-17"}]}"#,
                r#"{"Statement": [{"Description": "grants the root"}]}"#,
                r#"{"Statement": ["Allow"]}"#,
                r#"{"Statement": [{"Effect": "Allow"}, 42]}"#,
                r#"{"Statement": [[{"Effect": "Allow"}]]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                r#"{"Statement": [{"Sid": "a", "Effect": "Allow", "Principal": "*", "Action": "kms:*", "Resource": "*", "Condition": {}}]}"#,
                r#"{"Statement": {"NotPrincipal": {"AWS": "x"}, "NotAction": "s3:*", "NotResource": "*"}}"#,
                r#"{"Statement": "a string statement is IAM002's"}"#,
                r#"{"Statement": []}"#,
                r#"{"Version": "2012-10-17"}"#,
            ],
        );
    }

    #[test]
    fn points_at_the_key_and_gives_the_spelling() {
        let text = r#"{"Statement": [{"Effect": "Allow"}, {"Effect": "Allow", "resource": "*"}]}"#;
        let found = findings(&RULE, Bucket, text);
        assert_eq!(found.len(), 1);
        assert_eq!(flagged(text, &found[0]), "\"resource\"");
        assert_eq!(found[0].path, "Statement[1].resource");
        assert_eq!(found[0].message, "unknown statement element \"resource\"");
        assert!(found[0].help.as_deref().unwrap().starts_with("write \"Resource\""));
    }

    #[test]
    fn a_misspelt_element_is_renamed_unless_the_right_one_is_there() {
        for text in [
            r#"{"Statement": [{"effect": "Allow"}]}"#,
            r#"{"Statement": [{"Effect": "Allow", "Actions": ["kms:Decrypt"]}]}"#,
            r#"{"Statement": {"Effect": "Allow", "Conditions": {}}}"#,
            r#"{"Statement": [{"Effect": "Allow", "Resorce": "*"}]}"#,
        ] {
            let out = crate::lint::fix::fixed(&RULE, Key, text);
            assert_passes(&RULE, Key, &[&out]);
        }
        crate::lint::fix::assert_no_fix(&RULE, Key, r#"{"Statement": [{"Action": "a", "Actions": "b"}]}"#);
        crate::lint::fix::assert_no_fix(&RULE, Key, r#"{"Statement": [{"Description": "x"}]}"#);
        crate::lint::fix::assert_no_fix(&RULE, Key, r#"{"Statement": [{"Version": "2012-10-17"}]}"#);
    }

    #[test]
    fn a_statement_that_is_a_string_is_named() {
        let text = r#"{"Statement": [{"Effect": "Allow"}, "Allow kms:*"]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found[0].message, "statement is a string, not an object");
        assert_eq!(flagged(text, &found[0]), "\"Allow kms:*\"");
        assert_eq!(found[0].path, "Statement[1]");
    }
}
