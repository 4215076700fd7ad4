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
