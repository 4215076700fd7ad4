//! Canonical pretty printer: two-space indent, members in their order, one array item per line.

use super::{Value, ValueKind};
use std::fmt::Write;

/// Prints a value the way the tool shows every generated document.
pub fn pretty(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out
}

fn write_value(out: &mut String, value: &Value, indent: usize) {
    match &value.kind {
        ValueKind::Null => out.push_str("null"),
        ValueKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        ValueKind::Number(n) => out.push_str(n),
        ValueKind::String(s) => out.push_str(&escape_string(s)),
        ValueKind::Array(items) if items.is_empty() => out.push_str("[]"),
        ValueKind::Object(members) if members.is_empty() => out.push_str("{}"),
        ValueKind::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                push_indent(out, indent + 1);
                write_value(out, item, indent + 1);
            }
            out.push('\n');
            push_indent(out, indent);
            out.push(']');
        }
        ValueKind::Object(members) => {
            out.push('{');
            for (i, m) in members.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                push_indent(out, indent + 1);
                out.push_str(&escape_string(&m.key));
                out.push_str(": ");
                write_value(out, &m.value, indent + 1);
            }
            out.push('\n');
            push_indent(out, indent);
            out.push('}');
        }
    }
}

fn push_indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// A JSON string literal for `s`, quotes included; non-ASCII characters are kept as they are.
pub fn escape_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn prints_nested_structure_with_two_space_indent() {
        let v = parse(r#"{"a":[1,"x"],"b":{},"c":[]}"#).unwrap();
        assert_eq!(pretty(&v), "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": {},\n  \"c\": []\n}");
    }

    #[test]
    fn print_then_parse_gives_an_equal_value() {
        let text = r#"{"s":"q\"\\\n\u0001é","n":-1.5e3,"t":true,"z":null,"d":1,"d":2}"#;
        let v = parse(text).unwrap();
        let again = parse(&pretty(&v)).unwrap();
        assert_eq!(v, again);
        assert_eq!(again.as_object().unwrap().len(), 6);
    }
}
