//! Writing HCL: quoted strings (with `${` and `%{` escaped, so nothing in a policy is read as a
//! template), object keys, and a JSON value as the HCL expression `jsonencode` turns back into it.

use super::placeholder;
use crate::json::{Value, ValueKind};
use std::fmt::Write;

/// `s` as an HCL string literal that evaluates to exactly `s`.
pub fn string(s: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An object key: bare when it is an identifier, quoted otherwise.
pub fn key(k: &str) -> String {
    let identifier = k.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !["true", "false", "null", "for", "in", "if", "endfor", "endif"].contains(&k);
    if identifier {
        k.to_owned()
    } else {
        string(k)
    }
}

fn pad(indent: usize) -> String {
    " ".repeat(indent)
}

/// `value` as an HCL expression at `indent`; with `key_arn` (an expression such as
/// `aws_kms_key.key.arn`), the new key's placeholder ARN becomes a reference to it.
pub fn expr(value: &Value, indent: usize, key_arn: Option<&str>) -> String {
    match &value.kind {
        ValueKind::Null => "null".to_owned(),
        ValueKind::Bool(b) => b.to_string(),
        ValueKind::Number(n) => n.clone(),
        ValueKind::String(s) => match (key_arn, placeholder::find(s)) {
            (Some(reference), Some(range)) if range.start == 0 && range.end == s.len() => reference.to_owned(),
            (Some(reference), Some(range)) => {
                let (before, after) = (string(&s[..range.start]), string(&s[range.end..]));
                format!(
                    "\"{}${{{reference}}}{}\"",
                    &before[1..before.len() - 1],
                    &after[1..after.len() - 1]
                )
            }
            _ => string(s),
        },
        ValueKind::Array(items) if items.is_empty() => "[]".to_owned(),
        ValueKind::Object(members) if members.is_empty() => "{}".to_owned(),
        ValueKind::Array(items) => {
            let mut out = String::from("[\n");
            for item in items {
                let _ = writeln!(out, "{}{},", pad(indent + 2), expr(item, indent + 2, key_arn));
            }
            out + &pad(indent) + "]"
        }
        ValueKind::Object(members) => {
            let mut out = String::from("{\n");
            for m in members {
                let _ = writeln!(
                    out,
                    "{}{} = {}",
                    pad(indent + 2),
                    key(&m.key),
                    expr(&m.value, indent + 2, key_arn)
                );
            }
            out + &pad(indent) + "}"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_quotes_and_template_sequences() {
        assert_eq!(string("a\"b\\c\n${x} %{y} $z"), r#""a\"b\\c\n$${x} %%{y} $z""#);
    }

    #[test]
    fn keys_are_bare_only_when_they_are_identifiers() {
        assert_eq!(key("Statement"), "Statement");
        assert_eq!(key("aws:SourceArn"), "\"aws:SourceArn\"");
        assert_eq!(key("null"), "\"null\"");
    }

    #[test]
    fn the_placeholder_becomes_a_reference() {
        let v = Value::array(vec![
            Value::string("arn:aws:kms:us-east-1:111122223333:key/NEW-KEY-ID"),
            Value::string("x/arn:aws:kms:us-east-1:111122223333:key/NEW-KEY-ID/${y}"),
        ]);
        assert_eq!(
            expr(&v, 0, Some("aws_kms_key.key.arn")),
            "[\n  aws_kms_key.key.arn,\n  \"x/${aws_kms_key.key.arn}/$${y}\",\n]"
        );
    }
}
