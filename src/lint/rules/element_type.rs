//! IAM010: every element has the JSON type the policy grammar gives it.

use crate::json::{escape_string, Value, ValueKind};
use crate::lint::fix::{remove_item, Fix};
use crate::lint::{Context, Diagnostic};
use crate::message::ids;

const PRINCIPAL_TYPES: [&str; 4] = ["AWS", "Service", "Federated", "CanonicalUser"];
const LISTS: [&str; 4] = ["Action", "NotAction", "Resource", "NotResource"];

crate::declare_rule! {
    /// An element has the wrong JSON type.
    ///
    /// ## What it does
    /// Checks the JSON type of every element: `Id` and `Sid` are strings; `Action`,
    /// `NotAction`, `Resource` and `NotResource` are a non-empty string or a non-empty array of
    /// them; `Principal` and `NotPrincipal` are `"*"` or an object whose keys are `AWS`,
    /// `Service`, `Federated` or `CanonicalUser` and whose values are strings or arrays of
    /// strings; `Condition` is an object of operators, each an object of condition keys whose
    /// values are strings, booleans, numbers or non-empty arrays of them. (`Effect` is checked
    /// by IAM005 and `Version` by IAM006.)
    ///
    /// ## Why it matters
    /// AWS rejects a document with an element of the wrong type with
    /// `MalformedPolicyDocumentException`, without saying which one. Typical slips: an account
    /// id written as a bare `Principal` string, a number where a string belongs, an empty
    /// `Action` list left over from editing, or a condition value written as an object.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "arn:aws:iam::111122223333:root", "Action": [], "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
    pub static RULE = {
        code: "IAM010",
        name: "element-type",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if let Some(members) = ctx.json.as_object() {
        for m in members.iter().filter(|m| m.key == "Id") {
            string(&m.value, "Id", "Id".to_owned(), out);
        }
    }
    for node in ctx.statements() {
        let Some(members) = node.json.as_object() else { continue };
        for m in members {
            let path = node.path_to(&m.key);
            match m.key.as_str() {
                "Sid" => string(&m.value, "Sid", path, out),
                key if LISTS.contains(&key) => string_list(&m.value, key, &path, out),
                "Principal" | "NotPrincipal" => principal(&m.value, &m.key, &path, out),
                "Condition" => condition(&m.value, &path, out),
                _ => {}
            }
        }
    }
}

fn error(message: String, at: &Value, path: impl Into<String>) -> Diagnostic {
    Diagnostic::new(&RULE, message).at(at.span).path(path)
}

fn string(v: &Value, name: &str, path: String, out: &mut Vec<Diagnostic>) {
    if v.as_str().is_none() {
        let d = error(format!("{name} is {}, not a string", v.type_name()), v, path)
            .help(ids::element_type_help(&name));
        // A number or boolean names the same thing in quotes; null or a structure needs a choice.
        let quoted = match &v.kind {
            ValueKind::Number(n) => Some(n.clone()),
            ValueKind::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        out.push(match quoted {
            Some(q) => d.fix(Fix::replace(
                format!("Write \"{q}\" in quotes"),
                v.span,
                escape_string(&q),
            )),
            None => d,
        });
    }
}

/// A non-empty string or a non-empty array of non-empty strings.
fn string_list(v: &Value, name: &str, path: &str, out: &mut Vec<Diagnostic>) {
    match &v.kind {
        ValueKind::String(s) if s.is_empty() => out.push(
            error(format!("{name} is an empty string"), v, path).help(ids::element_type_help_2(&name)),
        ),
        ValueKind::String(_) => {}
        ValueKind::Array(items) if items.is_empty() => out.push(
            error(format!("{name} is an empty array"), v, path)
                .help(ids::element_type_help_3(&name)),
        ),
        ValueKind::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let here = format!("{path}[{i}]");
                match &item.kind {
                    ValueKind::String(s) if s.is_empty() => {
                        let d =
                            error(format!("{name} lists an empty string"), item, here).help(ids::element_type_help_4());
                        // Removing the only value would leave an empty list, another error.
                        out.push(match remove_item(items, i).filter(|_| items.len() > 1) {
                            Some(edit) => d.fix(Fix::new("Remove the empty value", vec![edit])),
                            None => d,
                        });
                    }
                    ValueKind::String(_) => {}
                    _ => out.push(
                        error(format!("{name} lists {}, not a string", item.type_name()), item, here)
                            .help(ids::element_type_help_5()),
                    ),
                }
            }
        }
        _ => out.push(
            error(
                format!(
                    "{name} is {}; it must be a string or an array of strings",
                    v.type_name()
                ),
                v,
                path,
            )
            .help(ids::element_type_help_6(&name)),
        ),
    }
}

fn principal(v: &Value, name: &str, path: &str, out: &mut Vec<Diagnostic>) {
    match &v.kind {
        ValueKind::String(s) if s == "*" => {}
        ValueKind::String(s) => {
            let kind = if s.ends_with(".amazonaws.com") || s.ends_with(".amazonaws.com.cn") {
                "Service"
            } else {
                "AWS"
            };
            let wrapped = format!("{{\"{kind}\": {}}}", escape_string(s));
            out.push(
                error(
                    format!(
                        "{name} {} must be \"*\" or an object such as {{\"AWS\": …}}",
                        escape_string(s)
                    ),
                    v,
                    path,
                )
                .help(ids::element_type_help_7(&name, &wrapped))
                .fix(Fix::replace(format!("Write {wrapped}"), v.span, wrapped.clone())),
            );
        }
        ValueKind::Object(members) if members.is_empty() => {
            out.push(error(format!("{name} is an empty object"), v, path).help(ids::element_type_help_8(&name)))
        }
        ValueKind::Object(members) => {
            for m in members {
                let here = format!("{path}.{}", m.key);
                if PRINCIPAL_TYPES.contains(&m.key.as_str()) {
                    string_list(&m.value, &format!("{name} \"{}\"", m.key), &here, out);
                    continue;
                }
                let right = PRINCIPAL_TYPES.iter().find(|k| k.eq_ignore_ascii_case(&m.key));
                let help = match right {
                    Some(right) => format!("write \"{right}\": principal types are case-sensitive"),
                    None => "a principal type is \"AWS\", \"Service\", \"Federated\" or \"CanonicalUser\"".to_owned(),
                };
                let d = Diagnostic::new(&RULE, ids::element_type(&escape_string(&m.key)))
                    .at(m.key_span)
                    .path(here)
                    .help(help);
                // Renaming onto a type already listed would only make a duplicate key.
                out.push(match right.filter(|right| !members.iter().any(|o| o.key == **right)) {
                    Some(right) => d.fix(Fix::replace(
                        format!("Rename to \"{right}\""),
                        m.key_span,
                        format!("\"{right}\""),
                    )),
                    None => d,
                });
            }
        }
        _ => out.push(
            error(
                format!(
                    "{name} is {}; it must be \"*\" or an object such as {{\"AWS\": …}}",
                    v.type_name()
                ),
                v,
                path,
            )
            .help(ids::element_type_help_9(&name)),
        ),
    }
}

fn condition(v: &Value, path: &str, out: &mut Vec<Diagnostic>) {
    let Some(operators) = v.as_object() else {
        out.push(
            error(format!("Condition is {}, not an object", v.type_name()), v, path)
                .help(ids::element_type_help_10()),
        );
        return;
    };
    for op in operators {
        let op_path = format!("{path}.{}", op.key);
        let Some(entries) = op.value.as_object() else {
            out.push(
                error(
                    format!(
                        "condition operator {} holds {}, not an object of condition keys",
                        escape_string(&op.key),
                        op.value.type_name()
                    ),
                    &op.value,
                    op_path,
                )
                .help(ids::element_type_help_11(&escape_string(&op.key))),
            );
            continue;
        };
        for e in entries {
            let key = escape_string(&e.key);
            let here = format!("{op_path}.{}", e.key);
            match &e.value.kind {
                ValueKind::String(_) | ValueKind::Bool(_) | ValueKind::Number(_) => {}
                ValueKind::Array(items) if items.is_empty() => out.push(
                    error(
                        format!("condition key {key} has an empty array of values"),
                        &e.value,
                        here,
                    )
                    .help(ids::element_type_help_12()),
                ),
                ValueKind::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if matches!(item.kind, ValueKind::Null | ValueKind::Array(_) | ValueKind::Object(_)) {
                            out.push(
                                error(
                                    format!("condition key {key} lists {}, not a value", item.type_name()),
                                    item,
                                    format!("{here}[{i}]"),
                                )
                                .help(ids::element_type_help_13()),
                            );
                        }
                    }
                }
                _ => out.push(
                    error(
                        format!(
                            "condition key {key} is {}, not a value or an array of values",
                            e.value.type_name()
                        ),
                        &e.value,
                        here,
                    )
                    .help(ids::element_type_help_14()),
                ),
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
                    r#"{"Id": 1, "Statement": []}"#,
                    r#"{"Statement": [{"Sid": 1}]}"#,
                    r#"{"Statement": [{"Sid": null}]}"#,
                    r#"{"Statement": [{"Action": 7}]}"#,
                    r#"{"Statement": [{"Action": ""}]}"#,
                    r#"{"Statement": [{"Action": []}]}"#,
                    r#"{"Statement": [{"NotAction": ["s3:*", 1]}]}"#,
                    r#"{"Statement": [{"Resource": {"arn": "x"}}]}"#,
                    r#"{"Statement": [{"NotResource": ["arn:aws:s3:::b", ""]}]}"#,
                    r#"{"Statement": [{"Principal": "111122223333"}]}"#,
                    r#"{"Statement": [{"Principal": ["*"]}]}"#,
                    r#"{"Statement": [{"Principal": {}}]}"#,
                    r#"{"Statement": [{"Principal": {"aws": "111122223333"}}]}"#,
                    r#"{"Statement": [{"NotPrincipal": {"User": "alice"}}]}"#,
                    r#"{"Statement": [{"Principal": {"AWS": []}}]}"#,
                    r#"{"Statement": [{"Principal": {"Service": 1}}]}"#,
                    r#"{"Statement": [{"Principal": {"AWS": ["111122223333", null]}}]}"#,
                    r#"{"Statement": [{"Condition": "aws:SecureTransport"}]}"#,
                    r#"{"Statement": [{"Condition": {"Bool": true}}]}"#,
                    r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": []}}}]}"#,
                    r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": null}}}]}"#,
                    r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": {"v": "1"}}}}]}"#,
                    r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": ["1", ["2"]]}}}]}"#,
                ],
            );
            assert_passes(
                &RULE,
                kind,
                &[
                    r#"{"Version": "2012-10-17", "Id": "x", "Statement": [{"Sid": "a", "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}"#,
                    r#"{"Statement": [{"Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:root"], "Service": "logs.amazonaws.com", "Federated": "cognito-identity.amazonaws.com", "CanonicalUser": "79a5"}}]}"#,
                    r#"{"Statement": [{"NotAction": ["s3:Get*", "s3:List*"], "NotResource": ["arn:aws:s3:::b"]}]}"#,
                    r#"{"Statement": [{"Condition": {}}]}"#,
                    r#"{"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": false}, "NumericLessThan": {"s3:max-keys": 10}, "StringEquals": {"k": ["a", "b"]}, "Null": {"k": "true"}}}]}"#,
                    r#"{"Version": 2012, "Statement": [{"Effect": 1}]}"#,
                    r#"{"Statement": "not an array"}"#,
                ],
            );
        }
    }

    #[test]
    fn a_bare_principal_string_is_shown_as_an_object() {
        let text = r#"{"Statement": [{"Effect": "Allow"}, {"Principal": "arn:aws:iam::111122223333:root"}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            r#"Principal "arn:aws:iam::111122223333:root" must be "*" or an object such as {"AWS": …}"#
        );
        assert_eq!(flagged(text, &found[0]), r#""arn:aws:iam::111122223333:root""#);
        assert_eq!(found[0].path, "Statement[1].Principal");
        assert_eq!(
            found[0].help.as_deref(),
            Some(r#"write "Principal": {"AWS": "arn:aws:iam::111122223333:root"}"#)
        );
    }

    #[test]
    fn mechanical_fixes_repair_the_type() {
        use crate::lint::fix::{assert_no_fix, fixed};
        let cases = [
            (
                r#"{"Statement": [{"Principal": "arn:aws:iam::111122223333:root"}]}"#,
                r#"{"Statement": [{"Principal": {"AWS": "arn:aws:iam::111122223333:root"}}]}"#,
            ),
            (
                r#"{"Statement": [{"Principal": "logs.us-east-1.amazonaws.com"}]}"#,
                r#"{"Statement": [{"Principal": {"Service": "logs.us-east-1.amazonaws.com"}}]}"#,
            ),
            (r#"{"Statement": [{"Sid": 1}]}"#, r#"{"Statement": [{"Sid": "1"}]}"#),
            (r#"{"Id": true, "Statement": []}"#, r#"{"Id": "true", "Statement": []}"#),
            (
                r#"{"Statement": [{"Action": ["kms:Decrypt", ""]}]}"#,
                r#"{"Statement": [{"Action": ["kms:Decrypt"]}]}"#,
            ),
            (
                r#"{"Statement": [{"Principal": {"service": "logs.amazonaws.com"}}]}"#,
                r#"{"Statement": [{"Principal": {"Service": "logs.amazonaws.com"}}]}"#,
            ),
        ];
        for (text, want) in cases {
            let out = fixed(&RULE, Key, text);
            assert_eq!(out, want);
            assert_passes(&RULE, Key, &[&out]);
        }
        assert_no_fix(&RULE, Key, r#"{"Statement": [{"Action": [""]}]}"#);
        assert_no_fix(&RULE, Key, r#"{"Statement": [{"Sid": null}]}"#);
        assert_no_fix(
            &RULE,
            Key,
            r#"{"Statement": [{"Principal": {"AWS": "a", "aws": "b"}}]}"#,
        );
    }

    #[test]
    fn a_bad_list_item_is_pointed_at_by_index() {
        let text = r#"{"Statement": {"Action": ["kms:Decrypt", 42]}}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found[0].message, "Action lists a number, not a string");
        assert_eq!(flagged(text, &found[0]), "42");
        assert_eq!(found[0].path, "Statement.Action[1]");
    }

    #[test]
    fn a_wrongly_cased_principal_type_points_at_its_key() {
        let text = r#"{"Statement": [{"Principal": {"service": "logs.amazonaws.com"}}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(flagged(text, &found[0]), "\"service\"");
        assert_eq!(found[0].path, "Statement[0].Principal.service");
        assert_eq!(
            found[0].help.as_deref(),
            Some("write \"Service\": principal types are case-sensitive")
        );
    }

    #[test]
    fn a_condition_value_of_the_wrong_type_is_located() {
        let text = r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": null}}}]}"#;
        let found = findings(&RULE, Bucket, text);
        assert_eq!(flagged(text, &found[0]), "null");
        assert_eq!(found[0].path, "Statement[0].Condition.StringEquals.aws:SourceAccount");
    }
}
