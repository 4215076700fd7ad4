//! Field errors: a form input's problems, shown next to the field.

use serde::Serialize;

/// Whether a field problem blocks the bundle or only deserves attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldSeverity {
    Error,
    Warning,
}

/// One problem with one form field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The input's kebab-case name, as in the form and the CLI flag (`account`, `log-groups` …).
    pub field: &'static str,
    pub severity: FieldSeverity,
    pub message: String,
}

impl FieldError {
    pub fn error(field: &'static str, message: impl Into<String>) -> Self {
        FieldError {
            field,
            severity: FieldSeverity::Error,
            message: message.into(),
        }
    }

    pub fn warning(field: &'static str, message: impl Into<String>) -> Self {
        FieldError {
            field,
            severity: FieldSeverity::Warning,
            message: message.into(),
        }
    }
}
