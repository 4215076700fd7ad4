//! A parsed field as a bundle uses it.

/// One field of a scenario's spec: its typed value, or, when the field has an error, the text as
/// typed (trimmed). A bundle is drawn for any input, valid or not (the page shows it beside the
/// field errors, with copying off), so a generator needs a text for every field; only the typed
/// value is a fact lint may rely on ([`Field::parsed`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field<T> {
    Parsed(T),
    AsTyped(String),
}

impl<T: AsRef<str>> Field<T> {
    /// The parsed value, or `text` trimmed when the parser refused it.
    pub fn new(parsed: Option<T>, text: &str) -> Field<T> {
        match parsed {
            Some(value) => Field::Parsed(value),
            None => Field::AsTyped(text.trim().to_owned()),
        }
    }

    /// What the bundle writes for the field.
    pub fn as_str(&self) -> &str {
        match self {
            Field::Parsed(value) => value.as_ref(),
            Field::AsTyped(text) => text,
        }
    }

    pub fn parsed(&self) -> Option<&T> {
        match self {
            Field::Parsed(value) => Some(value),
            Field::AsTyped(_) => None,
        }
    }
}

impl<T: AsRef<str>> Field<T> {
    /// An optional field: `None` when `text` is blank, else the field `parse` makes of the trimmed
    /// text (which reports its own problems), or the text as typed when it refuses it.
    pub fn optional(text: &str, parse: impl FnOnce(&str) -> Option<T>) -> Option<Field<T>> {
        let text = text.trim();
        (!text.is_empty()).then(|| Field::new(parse(text), text))
    }
}

/// A list field's entries (one per line in the form) as every scenario reads them: trimmed, blank
/// lines left out.
pub fn listed(lines: &[String]) -> Vec<&str> {
    lines.iter().map(|line| line.trim()).filter(|line| !line.is_empty()).collect()
}
