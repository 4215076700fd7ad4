//! IAM007: statement ids are unique within a policy.

use crate::json::escape_string;
use crate::lint::fix::Fix;
use crate::lint::{Context, Diagnostic, Severity};
use crate::message::ids;
use crate::policy::PolicyKind;

crate::declare_rule! {
    /// Two statements have the same `Sid`.
    ///
    /// ## What it does
    /// Flags a `Sid` already used by an earlier statement of the same policy, and says where.
    /// It is an error in IAM identity policies and a warning in resource policies.
    ///
    /// ## Why it matters
    /// IAM requires every `Sid` in a policy to be unique and rejects the policy otherwise.
    /// Other services document Sids only as identifiers, but a repeated Sid usually means a
    /// statement was pasted twice or a merge went wrong, and tools that update a statement by
    /// its Sid will touch the wrong one.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "Root", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "Logs", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
    pub static RULE = {
        code: "IAM007",
        name: "duplicate-sid",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let severity = if ctx.kind == PolicyKind::Identity {
        Severity::Error
    } else {
        Severity::Warning
    };
    let statements = ctx.statements();
    // Sets and a counter per Sid: with lists, a paste of thousands of repeats took minutes
    // (each repeat searched every number against every Sid).
    let all_sids: std::collections::HashSet<&str> = statements
        .iter()
        .filter_map(|n| n.statement.sid.as_ref())
        .map(|s| s.value.as_str())
        .collect();
    let mut seen: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
    let mut renamed: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut next_number: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for node in &statements {
        // The Sid as lowering reads it: the last string `Sid` of the statement. Empty Sids are IAM011's.
        let Some(sid) = node.statement.sid.as_ref().filter(|s| !s.value.is_empty()) else {
            continue;
        };
        let path = node.path_to("Sid");
        match seen.get(sid.value.as_str()) {
            Some(first) => {
                // A Sid only labels its statement, so numbering the repeat changes nothing else.
                let next = next_number.entry(sid.value.as_str()).or_insert(2);
                let fresh = (*next..)
                    .map(|n| (n, format!("{}{n}", sid.value)))
                    .find(|(_, c)| !all_sids.contains(c.as_str()) && !renamed.contains(c))
                    .map(|(n, c)| {
                        *next = n + 1;
                        c
                    })
                    .unwrap_or_default();
                let d = Diagnostic::new(&RULE, ids::duplicate_sid(&escape_string(&sid.value)))
                    .severity(severity)
                    .at(sid.span)
                    .path(path)
                    .note(ids::duplicate_sid_note(first))
                    .help(ids::duplicate_sid_help());
                out.push(match sid.span {
                    Some(span) => d.fix(Fix::replace(
                        format!("Rename to \"{fresh}\""),
                        span,
                        escape_string(&fresh),
                    )),
                    None => d,
                });
                renamed.insert(fresh);
            }
            None => {
                seen.insert(&sid.value, path);
            }
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
        for kind in PolicyKind::ALL {
            assert_fails(
                &RULE,
                kind,
                &[
                    r#"{"Statement": [{"Sid": "A"}, {"Sid": "A"}]}"#,
                    r#"{"Statement": [{"Sid": "A"}, {"Sid": "B"}, {"Sid": "A"}]}"#,
                    r#"{"Statement": [{"Sid": "Allow logs"}, "x", {"Sid": "Allow logs"}]}"#,
                ],
            );
            assert_passes(
                &RULE,
                kind,
                &[
                    r#"{"Statement": [{"Sid": "A"}, {"Sid": "B"}]}"#,
                    r#"{"Statement": [{"Sid": "A"}, {"Sid": "a"}]}"#,
                    r#"{"Statement": [{"Sid": ""}, {"Sid": ""}]}"#,
                    r#"{"Statement": [{"Effect": "Allow"}, {"Effect": "Allow"}]}"#,
                    r#"{"Statement": {"Sid": "A"}}"#,
                ],
            );
        }
    }

    #[test]
    fn points_at_the_second_sid_and_names_the_first() {
        let text = r#"{"Statement": [{"Sid": "Root"}, {"Sid": "Logs"}, {"Sid": "Root"}]}"#;
        let found = findings(&RULE, Identity, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.map(|s| s.start), text.rfind("\"Root\""));
        assert_eq!(flagged(text, &found[0]), "\"Root\"");
        assert_eq!(found[0].path, "Statement[2].Sid");
        assert_eq!(found[0].note.as_deref(), Some("it is first used at Statement[0].Sid"));
    }

    #[test]
    fn the_fix_numbers_the_repeat() {
        let text = r#"{"Statement": [{"Sid": "Root"}, {"Sid": "Root2"}, {"Sid": "Root"}]}"#;
        let out = crate::lint::fix::fixed(&RULE, Identity, text);
        assert_eq!(
            out,
            r#"{"Statement": [{"Sid": "Root"}, {"Sid": "Root2"}, {"Sid": "Root3"}]}"#
        );
        assert_passes(&RULE, Identity, &[&out]);
        let three = r#"{"Statement": [{"Sid": "A"}, {"Sid": "A"}, {"Sid": "A"}]}"#;
        let fixes: Vec<_> = findings(&RULE, Key, three).into_iter().filter_map(|d| d.fix).collect();
        let (out, count) = crate::lint::apply_all(three, &fixes.iter().collect::<Vec<_>>());
        assert_eq!(
            (out.as_str(), count),
            (r#"{"Statement": [{"Sid": "A"}, {"Sid": "A2"}, {"Sid": "A3"}]}"#, 2)
        );
        assert_passes(&RULE, Key, &[&out]);
    }

    #[test]
    fn an_error_only_in_identity_policies() {
        let text = r#"{"Statement": [{"Sid": "A"}, {"Sid": "A"}]}"#;
        assert_eq!(findings(&RULE, Identity, text)[0].severity, Severity::Error);
        for kind in [Key, Bucket, LogResource, Trust] {
            assert_eq!(findings(&RULE, kind, text)[0].severity, Severity::Warning);
        }
    }
}
