//! JSON002: an object names the same key twice.

use crate::json::{escape_string, Value, ValueKind};
use crate::lint::fix::{remove_member, Fix};
use crate::lint::{Context, Diagnostic};
use crate::message::ids;

crate::declare_rule! {
    /// An object has the same key twice.
    ///
    /// ## What it does
    /// Flags every repeated key in any object of the document, at the top level, in a
    /// statement, in a `Principal` or in a `Condition`, pointing at the second occurrence.
    ///
    /// ## Why it matters
    /// JSON leaves duplicate keys undefined, and AWS does not document which of the two it
    /// uses: one of the values is silently ignored. Merged or hand-edited policies often end up
    /// with two `Action` or two `Condition` blocks where one was meant to extend the other.
    /// This tool reads the last one.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:Encrypt", "Action": "kms:Decrypt", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://www.rfc-editor.org/rfc/rfc8259#section-4
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
    pub static RULE = {
        code: "JSON002",
        name: "duplicate-key",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    // An explicit stack rather than recursion: the parser bounds depth, but this costs nothing.
    let mut stack: Vec<(String, &Value)> = vec![(String::new(), ctx.json)];
    while let Some((path, value)) = stack.pop() {
        match &value.kind {
            ValueKind::Object(members) => {
                // First index of each key: a linear scan per member was quadratic on a pasted object
                // with a hundred thousand keys.
                let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
                for (i, m) in members.iter().enumerate() {
                    let here = join(&path, &m.key);
                    let earlier = *first.entry(m.key.as_str()).or_insert(i);
                    if let Some(earlier) = (earlier < i).then(|| &members[earlier]) {
                        let d = Diagnostic::new(&RULE, ids::duplicate_key(&escape_string(&m.key)))
                            .at(m.key_span)
                            .path(here.clone())
                            .note(ids::duplicate_key_note(&escape_string(&m.key)))
                            .help(ids::duplicate_key_help(&escape_string(&m.key)));
                        // Only a repeat of the same value can go without choosing between them.
                        let same = earlier.value == m.value;
                        out.push(match remove_member(members, i).filter(|_| same) {
                            Some(edit) => d.fix(Fix::new(
                                format!("Remove the repeated {}", escape_string(&m.key)),
                                vec![edit],
                            )),
                            None => d,
                        });
                    }
                    stack.push((here, &m.value));
                }
            }
            ValueKind::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    stack.push((format!("{path}[{i}]"), item));
                }
            }
            _ => {}
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
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
                r#"{"Version": "2012-10-17", "Version": "2012-10-17", "Statement": []}"#,
                r#"{"Statement": [{"Effect": "Allow", "Effect": "Deny"}]}"#,
                r#"{"Statement": {"Principal": {"AWS": "a", "AWS": "b"}}}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"k": "1"}, "StringEquals": {"j": "2"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"k": "1", "k": "2"}}}]}"#,
                r#"{"Statement": [], "Statement": []}"#,
                r#"{"Statement": [{"Action": [{"x": 1, "x": 2}]}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}, {"Effect": "Deny"}]}"#,
                r#"{"Statement": [{"Effect": "Allow", "effect": "Deny"}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"k": "1"}, "StringLike": {"k": "2"}}}]}"#,
            ],
        );
    }

    #[test]
    fn points_at_the_second_key_and_names_the_first() {
        let text = r#"{"Statement": [{"Sid": "a"}, {"Action": "kms:Encrypt", "Action": "kms:Decrypt"}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(flagged(text, &found[0]), "\"Action\"");
        assert_eq!(found[0].span.map(|s| s.start), text.rfind("\"Action\""));
        assert_eq!(found[0].path, "Statement[1].Action");
        assert_eq!(found[0].message, "duplicate key \"Action\"");
        assert!(found[0].note.as_deref().unwrap().contains("reads the last"));
    }

    #[test]
    fn a_repeat_of_the_same_value_is_removed() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}], "Version": "2012-10-17"}"#;
        let out = crate::lint::fix::fixed(&RULE, Key, text);
        assert_eq!(out, r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}"#);
        assert_passes(&RULE, Key, &[&out]);
        crate::lint::fix::assert_no_fix(&RULE, Key, r#"{"Statement": [{"Effect": "Allow", "Effect": "Deny"}]}"#);
    }

    #[test]
    fn a_key_written_three_times_is_reported_twice() {
        let text = r#"{"Id": "a", "Id": "b", "Id": "c", "Statement": []}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|d| d.path == "Id"));
    }
}
