//! [`Policy`] → JSON in AWS's element order, keeping each list's string-or-array form.

use super::model::*;
use crate::json::{Value, ValueKind};

pub fn to_json(policy: &Policy) -> Value {
    let mut members = Vec::new();
    if let Some(v) = &policy.version {
        members.push(("Version".to_owned(), text(v)));
    }
    if let Some(id) = &policy.id {
        members.push(("Id".to_owned(), text(id)));
    }
    let statements: Vec<Value> = policy.statements.iter().map(statement).collect();
    let statement_value = match (policy.statement_is_array, statements.len()) {
        (false, 1) => statements.into_iter().next().unwrap_or_else(|| Value::object(vec![])),
        _ => Value::array(statements),
    };
    members.push(("Statement".to_owned(), statement_value));
    Value::object(members)
}

fn text(t: &Text) -> Value {
    Value::synthetic(match t.literal {
        Literal::String => ValueKind::String(t.value.clone()),
        Literal::Bool => ValueKind::Bool(t.value == "true"),
        Literal::Number => ValueKind::Number(t.value.clone()),
    })
}

fn list(l: &ValueList) -> Value {
    match (l.array, l.items.as_slice()) {
        (false, [one]) => text(one),
        _ => Value::array(l.items.iter().map(text).collect()),
    }
}

fn principal(p: &Principal) -> Value {
    match p {
        Principal::Wildcard(t) => text(t),
        Principal::Map(entries) => {
            Value::object(entries.iter().map(|e| (e.kind.value.clone(), list(&e.values))).collect())
        }
    }
}

fn statement(s: &Statement) -> Value {
    let mut m: Vec<(String, Value)> = Vec::new();
    let mut put = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            m.push((k.to_owned(), v));
        }
    };
    put("Sid", s.sid.as_ref().map(text));
    put("Effect", s.effect.as_ref().map(text));
    put("Principal", s.principal.as_ref().map(principal));
    put("NotPrincipal", s.not_principal.as_ref().map(principal));
    put("Action", s.action.as_ref().map(list));
    put("NotAction", s.not_action.as_ref().map(list));
    put("Resource", s.resource.as_ref().map(list));
    put("NotResource", s.not_resource.as_ref().map(list));
    if s.has_condition || !s.condition.is_empty() {
        let clauses = s
            .condition
            .iter()
            .map(|c| {
                (c.operator.value.clone(), Value::object(c.entries.iter().map(|e| (e.key.value.clone(), list(&e.values))).collect()))
            })
            .collect();
        put("Condition", Some(Value::object(clauses)));
    }
    Value::object(m)
}

#[cfg(test)]
mod tests {
    use super::super::{lower, print};
    use crate::json::parse_document;

    #[test]
    fn print_then_parse_gives_an_equal_policy() {
        let text = r#"{"Version":"2012-10-17","Id":"x","Statement":[{"Sid":"A","Effect":"Allow",
          "Principal":{"AWS":["111122223333","arn:aws:iam::111122223333:role/r"],"Service":"logs.us-east-1.amazonaws.com"},
          "NotAction":"s3:*","Resource":["*"],"Condition":{"NumericLessThan":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":"false"}}},
          {"Effect":"Deny","NotPrincipal":"*","Action":"kms:*","NotResource":"arn:aws:s3:::b/*","Condition":{}}]}"#;
        let policy = lower(&parse_document(text).unwrap());
        let printed = print(&policy);
        let again = lower(&parse_document(&printed).unwrap());
        assert_eq!(policy, again);
        assert!(printed.contains("\"s3:max-keys\": 10"));
        assert!(printed.contains("\"Resource\": [\n"));
        assert!(printed.contains("\"Condition\": {}"));
    }

    #[test]
    fn a_single_statement_object_stays_an_object() {
        let policy = lower(&parse_document(r#"{"Statement":{"Effect":"Allow"}}"#).unwrap());
        assert!(print(&policy).contains("\"Statement\": {"));
    }
}
