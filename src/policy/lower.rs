//! Lowering: spanned JSON → [`Policy`], best effort and silent.
//!
//! Lowering never fails: elements of the wrong shape are left out and the rest is kept, so one
//! malformed statement does not hide findings in the others. The lint rules report what was left
//! out, each from its own file, by looking at the JSON itself.

use super::model::*;
use crate::json::{Member, Value, ValueKind};

/// Reads whatever policy the JSON describes. Of duplicate keys the last wins, as in most JSON readers.
pub fn lower(doc: &Value) -> Policy {
    let mut policy = Policy::default();
    let Some(members) = doc.as_object() else { return policy };
    policy.version = last(members, "Version").and_then(text);
    policy.id = last(members, "Id").and_then(text);
    match last(members, "Statement").map(|v| &v.kind) {
        Some(ValueKind::Array(items)) => {
            policy.statement_is_array = true;
            policy.statements = items.iter().filter(|v| v.as_object().is_some()).map(statement).collect();
        }
        Some(ValueKind::Object(_)) => {
            policy.statements = vec![statement(last(members, "Statement").unwrap_or(doc))];
        }
        _ => {}
    }
    policy
}

fn last<'a>(members: &'a [Member], key: &str) -> Option<&'a Value> {
    members.iter().rev().find(|m| m.key == key).map(|m| &m.value)
}

fn text(v: &Value) -> Option<Text> {
    v.as_str().map(|s| Text::at(s, v.span))
}

/// A scalar as text: strings, and in conditions also booleans and numbers.
fn scalar(v: &Value) -> Option<Text> {
    let (value, literal) = match &v.kind {
        ValueKind::String(s) => (s.clone(), Literal::String),
        ValueKind::Bool(b) => (b.to_string(), Literal::Bool),
        ValueKind::Number(n) => (n.clone(), Literal::Number),
        _ => return None,
    };
    Some(Text { value, span: Some(v.span), literal })
}

fn value_list(v: &Value, item: fn(&Value) -> Option<Text>) -> Option<ValueList> {
    match &v.kind {
        ValueKind::Array(items) => {
            Some(ValueList { items: items.iter().filter_map(item).collect(), array: true, span: Some(v.span) })
        }
        _ => item(v).map(|t| ValueList { items: vec![t], array: false, span: Some(v.span) }),
    }
}

/// [`value_list`], noting in `out` each item (or the whole element) left out for its type; `what`
/// names the element, `expected` the type its values must have.
fn noted_list(
    v: &Value,
    item: fn(&Value) -> Option<Text>,
    what: &str,
    expected: &str,
    out: &mut Vec<String>,
) -> Option<ValueList> {
    if let ValueKind::Array(items) = &v.kind {
        for (i, _) in items.iter().enumerate().filter(|(_, x)| item(x).is_none()) {
            out.push(format!("{what}: item {} is not {expected}", i + 1));
        }
    }
    let list = value_list(v, item);
    if list.is_none() {
        out.push(format!("{what} is not {expected} or an array of them"));
    }
    list
}

fn principal(v: &Value, what: &str, out: &mut Vec<String>) -> Option<Principal> {
    match &v.kind {
        ValueKind::String(_) => text(v).map(Principal::Wildcard),
        ValueKind::Object(members) => Some(Principal::Map(
            members
                .iter()
                .filter_map(|m| {
                    let values = noted_list(&m.value, text, &format!("{what} {}", m.key), "a string", out)?;
                    Some(PrincipalEntry { kind: Text::at(&m.key, m.key_span), values })
                })
                .collect(),
        )),
        _ => {
            out.push(format!("{what} is not \"*\" or an object"));
            None
        }
    }
}

fn condition(v: &Value, out: &mut Vec<String>) -> Vec<ConditionClause> {
    let Some(operators) = v.as_object() else {
        out.push("Condition is not an object".to_owned());
        return Vec::new();
    };
    let mut clauses = Vec::new();
    for op in operators {
        let Some(members) = op.value.as_object() else {
            out.push(format!("Condition: the value of \"{}\" is not an object", op.key));
            continue;
        };
        let entries = members
            .iter()
            .filter_map(|e| {
                let what = format!("Condition: {} {}", op.key, e.key);
                let values = noted_list(&e.value, scalar, &what, "a string, number or boolean", out)?;
                Some(ConditionEntry { key: Text::at(&e.key, e.key_span), values })
            })
            .collect();
        clauses.push(ConditionClause { operator: Text::at(&op.key, op.key_span), entries });
    }
    clauses
}

fn statement(v: &Value) -> Statement {
    let members = v.as_object().unwrap_or(&[]);
    let get = |key| last(members, key);
    let mut malformed = Vec::new();
    let mut list = |key| get(key).and_then(|v| noted_list(v, text, key, "a string", &mut malformed));
    let (action, not_action, resource, not_resource) =
        (list("Action"), list("NotAction"), list("Resource"), list("NotResource"));
    let principal_of = |key, out: &mut Vec<String>| get(key).and_then(|v| principal(v, key, out));
    let principal = principal_of("Principal", &mut malformed);
    let not_principal = principal_of("NotPrincipal", &mut malformed);
    let condition = get("Condition").map(|v| condition(v, &mut malformed)).unwrap_or_default();
    Statement {
        sid: get("Sid").and_then(text),
        effect: get("Effect").and_then(text),
        principal,
        not_principal,
        action,
        not_action,
        resource,
        not_resource,
        condition,
        has_condition: get("Condition").is_some(),
        span: Some(v.span),
        malformed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_document;

    const KEY_POLICY: &str = r#"{
      "Version": "2012-10-17",
      "Id": "key-default-1",
      "Statement": [
        {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
         "Action": "kms:*", "Resource": "*"},
        {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"},
         "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*",
         "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"},
                       "Bool": {"aws:SecureTransport": true}}}
      ]
    }"#;

    #[test]
    fn reads_every_element_of_a_key_policy() {
        let p = lower(&parse_document(KEY_POLICY).unwrap());
        assert_eq!(p.version.as_ref().unwrap().value, "2012-10-17");
        assert_eq!(p.id.as_ref().unwrap().value, "key-default-1");
        assert_eq!(p.statements.len(), 2);
        let s = &p.statements[1];
        assert_eq!(s.effect(), Some(Effect::Allow));
        assert_eq!(s.action.as_ref().unwrap().values().collect::<Vec<_>>(), ["kms:Encrypt", "kms:Decrypt"]);
        assert_eq!(
            s.condition_values("ArnEquals", "kms:EncryptionContext:aws:logs:arn").unwrap().items[0].value,
            "arn:aws:logs:us-east-1:111122223333:log-group:app"
        );
        let secure = s.condition_values("Bool", "aws:SecureTransport").unwrap();
        assert_eq!((secure.items[0].value.as_str(), secure.items[0].literal), ("true", Literal::Bool));
        assert_eq!(p.statements[0].principal.as_ref().unwrap().values()[0].0, "AWS");
    }

    #[test]
    fn spans_point_at_the_source_text() {
        let p = lower(&parse_document(KEY_POLICY).unwrap());
        let sid = p.statements[0].sid.as_ref().unwrap().span.unwrap();
        assert_eq!(&KEY_POLICY[sid.start..sid.end], "\"Root\"");
    }

    #[test]
    fn a_malformed_statement_does_not_hide_the_others() {
        let text = r#"{"Statement": [42, {"Effect": ["Allow"], "Action": 7}, {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}"#;
        let p = lower(&parse_document(text).unwrap());
        assert_eq!(p.statements.len(), 2);
        assert_eq!(p.statements[0].effect, None);
        assert_eq!(p.statements[0].action, None);
        assert_eq!(p.statements[1].effect(), Some(Effect::Deny));
    }

    #[test]
    fn what_is_left_out_for_its_type_is_noted() {
        let text = r#"{"Statement": [
          {"Effect": "Allow", "Action": ["s3:GetObject", 7], "Resource": "*",
           "Condition": {"StringEquals": "aws:SourceAccount", "Bool": {"aws:SecureTransport": [true, {}]}}},
          {"Effect": "Allow", "Principal": {"AWS": 1}, "NotAction": {}, "Resource": "*", "Condition": []},
          {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}
        ]}"#;
        let p = lower(&parse_document(text).unwrap());
        assert_eq!(
            p.statements[0].malformed,
            [
                "Action: item 2 is not a string",
                "Condition: the value of \"StringEquals\" is not an object",
                "Condition: Bool aws:SecureTransport: item 2 is not a string, number or boolean",
            ]
        );
        assert_eq!(
            p.statements[1].malformed,
            [
                "NotAction is not a string or an array of them",
                "Principal AWS is not a string or an array of them",
                "Condition is not an object",
            ]
        );
        assert!(p.statements[2].malformed.is_empty());
    }

    #[test]
    fn a_single_statement_object_is_read() {
        let p = lower(&parse_document(r#"{"Statement": {"Effect": "Allow", "Principal": "*"}}"#).unwrap());
        assert!(!p.statement_is_array);
        assert!(matches!(p.statements[0].principal, Some(Principal::Wildcard(_))));
    }

    #[test]
    fn the_last_of_duplicate_keys_wins() {
        let p = lower(&parse_document(r#"{"Statement": [{"Effect": "Deny", "Effect": "Allow"}]}"#).unwrap());
        assert_eq!(p.statements[0].effect(), Some(Effect::Allow));
    }
}
