//! Strict JSON with byte spans on every key and value: the form pasted policies are read in.
//!
//! `serde_json` drops positions and keeps only the last of two duplicate keys, so it cannot explain
//! a pasted policy; this parser keeps both, names the offending token in its errors and never
//! recurses deeper than [`MAX_DEPTH`].

mod line_index;
mod parse;
mod print;

pub use line_index::LineIndex;
pub use parse::{parse, parse_document, SyntaxError, MAX_DEPTH};
pub use print::{escape_string, pretty};

use serde::Serialize;

/// A half-open byte range `start..end` into the parsed text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// A JSON value with the span of its text. Equality ignores spans, so a value built in code
/// equals the same value parsed from text.
#[derive(Clone, Debug)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

/// What a [`Value`] is. Numbers keep their source text so nothing is lost to floating point.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in source order, duplicates kept.
    Object(Vec<Member>),
}

/// One `"key": value` pair of an object.
#[derive(Clone, Debug)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Value,
}

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}

impl PartialEq for Member {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key && self.value == other.value
    }
}

impl Value {
    /// A value with no source position (built in code, not parsed).
    pub fn synthetic(kind: ValueKind) -> Self {
        Value { kind, span: Span::default() }
    }

    pub fn string(s: impl Into<String>) -> Self {
        Value::synthetic(ValueKind::String(s.into()))
    }

    pub fn object(members: Vec<(String, Value)>) -> Self {
        Value::synthetic(ValueKind::Object(
            members
                .into_iter()
                .map(|(key, value)| Member { key, key_span: Span::default(), value })
                .collect(),
        ))
    }

    pub fn array(items: Vec<Value>) -> Self {
        Value::synthetic(ValueKind::Array(items))
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ValueKind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.kind {
            ValueKind::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match &self.kind {
            ValueKind::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The first member named `key` (JSON keys are case-sensitive).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.iter().find(|m| m.key == key).map(|m| &m.value)
    }

    /// A short description of the value's type for messages: "a string", "an array", …
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            ValueKind::Null => "null",
            ValueKind::Bool(_) => "a boolean",
            ValueKind::Number(_) => "a number",
            ValueKind::String(_) => "a string",
            ValueKind::Array(_) => "an array",
            ValueKind::Object(_) => "an object",
        }
    }
}

/// Serializes in document order (duplicates included), numbers as numbers.
impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match &self.kind {
            ValueKind::Null => s.serialize_unit(),
            ValueKind::Bool(b) => s.serialize_bool(*b),
            ValueKind::Number(n) => {
                if let Ok(i) = n.parse::<i64>() {
                    s.serialize_i64(i)
                } else if let Ok(u) = n.parse::<u64>() {
                    s.serialize_u64(u)
                } else {
                    s.serialize_f64(n.parse::<f64>().map_err(serde::ser::Error::custom)?)
                }
            }
            ValueKind::String(v) => s.serialize_str(v),
            ValueKind::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            ValueKind::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for m in members {
                    map.serialize_entry(&m.key, &m.value)?;
                }
                map.end()
            }
        }
    }
}
