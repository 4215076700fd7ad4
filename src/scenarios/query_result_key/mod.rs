//! Scenario: encrypt logs insights query results with a kms key (stub: being written).

use super::{Bundle, FieldError, FieldSpec, Scenario, ScenarioId};
use serde::{Deserialize, Serialize};

/// The form's inputs (kebab-case serde names = field names = CLI flags).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct QueryResultKeyInput {}

pub struct QueryResultKey;

impl Scenario for QueryResultKey {
    const ID: ScenarioId = ScenarioId::QueryResultKey;
    type Input = QueryResultKeyInput;

    fn fields() -> &'static [FieldSpec] {
        &[]
    }

    fn check_input(_input: &QueryResultKeyInput) -> Vec<FieldError> {
        Vec::new()
    }

    fn generate(_input: &QueryResultKeyInput) -> Bundle {
        Bundle { scenario: "query-result-key", documents: Vec::new(), files: Vec::new(), steps: Vec::new(), notes: Vec::new() }
    }
}
