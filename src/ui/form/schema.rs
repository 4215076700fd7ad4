//! Reading a scenario's JSON input through its field declarations: which fields a section holds,
//! whether a field is shown, and how each control's text maps to the field's JSON value.

use crate::catalog::Partition;
use crate::scenarios::FieldSpec;
use serde_json::Value;

/// The fields grouped by section, sections in the order they first appear.
pub fn sections(fields: &'static [FieldSpec]) -> Vec<(&'static str, Vec<&'static FieldSpec>)> {
    let mut out: Vec<(&'static str, Vec<&'static FieldSpec>)> = Vec::new();
    for field in fields {
        match out.iter_mut().find(|(section, _)| *section == field.section) {
            Some((_, members)) => members.push(field),
            None => out.push((field.section, vec![field])),
        }
    }
    out
}

/// Whether the field's condition holds for this input (a field with none is always shown).
pub fn is_shown(field: &FieldSpec, input: &Value) -> bool {
    let Some((other, values)) = field.shown_when else { return true };
    let current = match input.get(other) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => return false,
    };
    values.contains(&current.as_str())
}

/// A text or date field's value; anything but a string reads as empty.
pub fn text_of(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

/// A lines field's value as the text area shows it: the lines joined by newlines.
pub fn lines_text(value: &Value) -> String {
    match value {
        Value::Array(items) => items.iter().map(|v| v.as_str().unwrap_or_default()).collect::<Vec<_>>().join("\n"),
        _ => String::new(),
    }
}

/// The text area's text as a lines value: every line as typed, blank ones too, so the text
/// round-trips exactly (the core ignores blank lines).
pub fn lines_value(text: &str) -> Value {
    Value::Array(text.split('\n').map(|line| Value::String(line.to_owned())).collect())
}

/// The partition the input names, for the Region suggestions (the default one when unnamed).
pub fn partition_of(input: &Value) -> Partition {
    input.get("partition").and_then(Value::as_str).and_then(Partition::from_id).unwrap_or_default()
}

/// Sets one member of an input object (an input that is not an object becomes one).
pub fn set_member(input: &mut Value, name: &str, value: Value) {
    if !input.is_object() {
        *input = Value::Object(Default::default());
    }
    if let Some(members) = input.as_object_mut() {
        members.insert(name.to_owned(), value);
    }
}
