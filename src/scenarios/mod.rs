//! Scenarios: a form's inputs → every document, command and explanation the user needs.

mod bundle;
pub mod log_group_key;
pub mod shell;
mod validate;

pub use bundle::{Bundle, Document, Explanation, Step};
pub use validate::{FieldError, FieldSeverity};

/// The scenarios the page offers; only implemented ones are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScenarioId {
    LogGroupKey,
}

impl ScenarioId {
    pub const ALL: [ScenarioId; 1] = [ScenarioId::LogGroupKey];

    /// The CLI / URL name.
    pub fn cli_name(self) -> &'static str {
        match self {
            ScenarioId::LogGroupKey => "log-group-key",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ScenarioId::LogGroupKey => "Encrypt log groups with a customer managed KMS key",
        }
    }
}
