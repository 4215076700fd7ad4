//! A small YAML emitter for the template tree: block style, two-space indent, plain scalars
//! where YAML reads them back as the same string, double quotes (JSON's escapes, which YAML
//! shares) elsewhere, and literal blocks for multi-line text such as a policy kept as a string.

use crate::json::{escape_string, Value, ValueKind};

pub fn emit(value: &Value) -> String {
    match &value.kind {
        ValueKind::Object(m) if !m.is_empty() => block(value, 0),
        ValueKind::Array(i) if !i.is_empty() => block(value, 0),
        _ => format!("{}\n", scalar(value)),
    }
}

fn is_collection(value: &Value) -> bool {
    match &value.kind {
        ValueKind::Object(m) => !m.is_empty(),
        ValueKind::Array(i) => !i.is_empty(),
        _ => false,
    }
}

fn pad(indent: usize) -> String {
    " ".repeat(indent)
}

/// A non-empty collection as lines starting at `indent`.
fn block(value: &Value, indent: usize) -> String {
    let mut out = String::new();
    match &value.kind {
        ValueKind::Object(members) => {
            for m in members {
                let key = if is_plain(&m.key) {
                    m.key.clone()
                } else {
                    escape_string(&m.key)
                };
                out.push_str(&pad(indent));
                out.push_str(&key);
                out.push(':');
                if is_collection(&m.value) {
                    out.push('\n');
                    out.push_str(&block(&m.value, indent + 2));
                } else if let Some(literal) = literal(&m.value, indent + 2) {
                    out.push_str(&literal);
                } else {
                    out.push(' ');
                    out.push_str(&scalar(&m.value));
                    out.push('\n');
                }
            }
        }
        ValueKind::Array(items) => {
            for item in items {
                if is_collection(item) {
                    // The item's first line moves up beside its dash.
                    let inner = block(item, indent + 2);
                    out.push_str(&pad(indent));
                    out.push_str("- ");
                    out.push_str(&inner[indent + 2..]);
                } else {
                    out.push_str(&format!("{}- {}\n", pad(indent), scalar(item)));
                }
            }
        }
        _ => out.push_str(&format!("{}{}\n", pad(indent), scalar(value))),
    }
    out
}

/// ` |-` and the lines of a multi-line string, when a literal block keeps it exactly.
fn literal(value: &Value, indent: usize) -> Option<String> {
    let text = value.as_str()?;
    let body = text.strip_suffix('\n').unwrap_or(text);
    let fits = body.contains('\n')
        && !body.starts_with(' ')
        && !body.ends_with('\n')
        && body
            .lines()
            .all(|l| !l.ends_with(' ') && !l.is_empty() && l.chars().all(|c| c == '\t' || !c.is_control()));
    if !fits {
        return None;
    }
    let chomp = if text.ends_with('\n') { "|" } else { "|-" };
    let lines: String = body.lines().map(|l| format!("{}{l}\n", pad(indent))).collect();
    Some(format!(" {chomp}\n{lines}"))
}

fn scalar(value: &Value) -> String {
    match &value.kind {
        ValueKind::Null => "null".to_owned(),
        ValueKind::Bool(b) => b.to_string(),
        ValueKind::Number(n) => n.clone(),
        ValueKind::String(s) if is_plain(s) => s.clone(),
        ValueKind::String(s) => escape_string(s),
        ValueKind::Array(_) => "[]".to_owned(),
        ValueKind::Object(_) => "{}".to_owned(),
    }
}

/// Whether `s` written bare reads back as the same string in YAML 1.1 and 1.2.
fn is_plain(s: &str) -> bool {
    const WORDS: [&str; 12] = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~", "nan", "inf",
    ];
    let Some(first) = s.chars().next() else { return false };
    (first.is_ascii_alphabetic() || first == '/')
        && !WORDS.contains(&s.to_ascii_lowercase().as_str())
        && !s.ends_with(' ')
        && !s.ends_with(':')
        && !s.contains(": ")
        && !s.contains(" #")
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || " _./:*@=+()$-".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn emits_nested_blocks_and_sequences_of_mappings() {
        let v = parse(r#"{"A":{"B":["x",{"C":"1","D":[]}]},"E":"a: b","F":true,"G":"2010-09-09"}"#).unwrap();
        assert_eq!(
            emit(&v),
            "A:\n  B:\n    - x\n    - C: \"1\"\n      D: []\nE: \"a: b\"\nF: true\nG: \"2010-09-09\"\n"
        );
    }

    #[test]
    fn keeps_multi_line_text_in_a_literal_block() {
        let v = parse(r#"{"P":"{\n  \"a\": 1\n}"}"#).unwrap();
        assert_eq!(emit(&v), "P: |-\n  {\n    \"a\": 1\n  }\n");
    }

    #[test]
    fn quotes_what_yaml_would_read_otherwise() {
        for s in [
            "yes", "No", "123", "*", "- a", "a #b", "", " a", "[x]", "'q'", "@x", "x:",
        ] {
            assert!(!is_plain(s), "{s}");
        }
        for s in [
            "arn:aws:kms:us-east-1:111122223333:key/x",
            "kms:*",
            "Fn::GetAtt",
            "/aws/x",
        ] {
            assert!(is_plain(s), "{s}");
        }
    }
}
