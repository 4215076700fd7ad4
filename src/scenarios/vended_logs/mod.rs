//! Scenario: deliver aws service logs (vended logs) to cloudwatch logs, s3 or firehose (stub: being written).

use super::{Bundle, FieldError, FieldSpec, Scenario, ScenarioId};
use serde::{Deserialize, Serialize};

/// The form's inputs (kebab-case serde names = field names = CLI flags).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct VendedLogsInput {}

pub struct VendedLogs;

impl Scenario for VendedLogs {
    const ID: ScenarioId = ScenarioId::VendedLogs;
    type Input = VendedLogsInput;

    fn fields() -> &'static [FieldSpec] {
        &[]
    }

    fn check_input(_input: &VendedLogsInput) -> Vec<FieldError> {
        Vec::new()
    }

    fn generate(_input: &VendedLogsInput) -> Bundle {
        Bundle { scenario: "vended-logs", documents: Vec::new(), files: Vec::new(), steps: Vec::new(), notes: Vec::new() }
    }
}
