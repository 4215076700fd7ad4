//! IAM005: Effect must be exactly `Allow` or `Deny`.

use crate::json::ValueKind;
use crate::lint::fix::Fix;
use crate::lint::{Context, Diagnostic};
use crate::message::ids;

crate::declare_rule! {
    /// Effect must be exactly `Allow` or `Deny`.
    ///
    /// ## What it does
    /// Flags an `Effect` that is not the string `Allow` or `Deny`, spelt with that exact case.
    ///
    /// ## Why it matters
    /// Element values are case-sensitive: AWS rejects `"allow"` or `"ALLOW"` with
    /// `MalformedPolicyDocumentException`, and a statement without a valid Effect cannot be saved.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html
    pub static RULE = {
        code: "IAM005",
        name: "effect-value",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let Some(members) = node.json.as_object() else { continue };
        for m in members.iter().filter(|m| m.key == "Effect") {
            let path = node.path_to("Effect");
            match &m.value.kind {
                ValueKind::String(s) if s == "Allow" || s == "Deny" => {}
                ValueKind::String(s) if s.eq_ignore_ascii_case("allow") || s.eq_ignore_ascii_case("deny") => {
                    let fixed = if s.eq_ignore_ascii_case("allow") {
                        "Allow"
                    } else {
                        "Deny"
                    };
                    out.push(
                        Diagnostic::new(&RULE, ids::effect_value(&s))
                            .at(m.value.span)
                            .path(path)
                            .help(ids::effect_value_help(&fixed))
                            .fix(Fix::replace(
                                format!("Write \"{fixed}\""),
                                m.value.span,
                                format!("\"{fixed}\""),
                            )),
                    );
                }
                ValueKind::String(s) => out.push(
                    Diagnostic::new(&RULE, ids::effect_value_2(&s))
                        .at(m.value.span)
                        .path(path)
                        .help(ids::effect_value_help_2()),
                ),
                // ["Allow"]: the one value, in an array.
                ValueKind::Array(items) if items.len() == 1 && matches!(items[0].as_str(), Some("Allow" | "Deny")) => {
                    let only = items[0].as_str().unwrap_or_default();
                    out.push(
                        Diagnostic::new(&RULE, ids::effect_value_3())
                            .at(m.value.span)
                            .path(path)
                            .help(ids::effect_value_help_3(&only))
                            .fix(Fix::replace(
                                format!("Write \"{only}\""),
                                m.value.span,
                                format!("\"{only}\""),
                            )),
                    )
                }
                _ => out.push(
                    Diagnostic::new(&RULE, ids::effect_value_4(&m.value.type_name()))
                        .at(m.value.span)
                        .path(path)
                        .help(ids::effect_value_help_4()),
                ),
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
        assert_fails(
            &RULE,
            Key,
            &[
                r#"{"Statement": [{"Effect": "allow"}]}"#,
                r#"{"Statement": [{"Effect": "DENY"}]}"#,
                r#"{"Statement": [{"Effect": "Permit"}]}"#,
                r#"{"Statement": {"Effect": ["Allow"]}}"#,
                r#"{"Statement": [{"Effect": true}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                r#"{"Statement": [{"Effect": "Allow"}, {"Effect": "Deny"}]}"#,
                r#"{"Statement": [{"Sid": "no effect here"}]}"#,
            ],
        );
    }

    #[test]
    fn fixes_write_the_exact_value() {
        use crate::lint::fix::{assert_no_fix, fixed};
        let text = r#"{"Statement": [{"Effect": "allow"}, {"Effect": "DENY"}]}"#;
        let once = fixed(&RULE, Key, text);
        assert_eq!(once, r#"{"Statement": [{"Effect": "Allow"}, {"Effect": "DENY"}]}"#);
        assert_passes(&RULE, Key, &[&fixed(&RULE, Key, &once)]);
        let wrapped = fixed(&RULE, Key, r#"{"Statement": {"Effect": ["Deny"]}}"#);
        assert_eq!(wrapped, r#"{"Statement": {"Effect": "Deny"}}"#);
        assert_passes(&RULE, Key, &[&wrapped]);
        assert_no_fix(&RULE, Key, r#"{"Statement": [{"Effect": "Permit"}]}"#);
        assert_no_fix(&RULE, Key, r#"{"Statement": [{"Effect": ["Allow", "Deny"]}]}"#);
    }

    #[test]
    fn wrong_case_points_at_the_value_and_offers_the_fix() {
        let text = r#"{"Statement": [{"Sid": "a"}, {"Effect": "allow"}]}"#;
        let found = findings(&RULE, Identity, text);
        assert_eq!(flagged(text, &found[0]), "\"allow\"");
        assert_eq!(found[0].path, "Statement[1].Effect");
        assert!(found[0].help.as_deref().unwrap().contains("\"Allow\""));
    }
}
