//! IAM031: a `Condition`, or one of its operators, that tests nothing.

use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};
use crate::message::ids;

crate::declare_rule! {
    /// A `Condition` or a condition operator is an empty object.
    ///
    /// ## What it does
    /// Flags `"Condition": {}` and an operator with no condition keys, such as
    /// `"StringEquals": {}`. (Empty `Action`, `Resource` and principal lists, an empty
    /// `Principal` object and an empty array of condition values are IAM010's.)
    ///
    /// ## Why it matters
    /// An empty condition tests nothing, so the statement applies without the restriction it
    /// seems to have. It is usually what is left after a condition key was deleted or a
    /// template was filled in without its values: the scoping the author meant (such as
    /// `aws:SourceAccount` for a service principal) is missing.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
    pub static RULE = {
        code: "IAM031",
        name: "empty-condition",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let Some(members) = node.json.as_object() else { continue };
        for m in members.iter().filter(|m| m.key == "Condition") {
            // A Condition that is not an object is IAM010's.
            let Some(operators) = m.value.as_object() else { continue };
            let path = node.path_to("Condition");
            if operators.is_empty() {
                out.push(
                    Diagnostic::new(&RULE, ids::empty_condition())
                        .at(m.value.span)
                        .path(path)
                        .help(ids::empty_condition_help()),
                );
                continue;
            }
            for op in operators {
                if op.value.as_object().is_some_and(<[_]>::is_empty) {
                    out.push(
                        Diagnostic::new(
                            &RULE,
                            ids::empty_condition_2(&escape_string(&op.key)),
                        )
                        .at(op.value.span)
                        .path(format!("{path}.{}", op.key))
                        .help(ids::empty_condition_help_2(&escape_string(&op.key))),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::{self, *};

    #[test]
    fn table() {
        for kind in PolicyKind::ALL {
            assert_fails(
                &RULE,
                kind,
                &[
                    r#"{"Statement": [{"Effect": "Allow", "Condition": {}}]}"#,
                    r#"{"Statement": [{"Condition": {"StringEquals": {}}}]}"#,
                    r#"{"Statement": {"Condition": {"Bool": {"aws:SecureTransport": "true"}, "ArnLike": {}}}}"#,
                ],
            );
            assert_passes(
                &RULE,
                kind,
                &[
                    r#"{"Statement": [{"Effect": "Allow"}]}"#,
                    r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}"#,
                    r#"{"Statement": [{"Condition": "x"}, {"Condition": {"Bool": true}}, {"Condition": {"Bool": []}}]}"#,
                ],
            );
        }
    }

    #[test]
    fn points_at_the_empty_object() {
        let text =
            r#"{"Statement": [{"Effect": "Allow"}, {"Condition": {"StringEquals": {"k": "v"}, "ArnLike": {}}}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "condition operator \"ArnLike\" has no condition keys");
        assert_eq!(flagged(text, &found[0]), "{}");
        assert_eq!(found[0].path, "Statement[1].Condition.ArnLike");
        let text = r#"{"Statement": {"Condition": {  }}}"#;
        assert_eq!(flagged(text, &findings(&RULE, Identity, text)[0]), "{  }");
    }
}
