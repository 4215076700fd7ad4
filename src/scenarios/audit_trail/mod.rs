//! Scenario: audit: the cloudtrail events these steps leave, and alerts on risky ones (stub: being written).

use super::{Bundle, FieldError, FieldSpec, Scenario, ScenarioId};
use serde::{Deserialize, Serialize};

/// The form's inputs (kebab-case serde names = field names = CLI flags).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct AuditTrailInput {}

pub struct AuditTrail;

impl Scenario for AuditTrail {
    const ID: ScenarioId = ScenarioId::AuditTrail;
    type Input = AuditTrailInput;

    fn fields() -> &'static [FieldSpec] {
        &[]
    }

    fn check_input(_input: &AuditTrailInput) -> Vec<FieldError> {
        Vec::new()
    }

    fn generate(_input: &AuditTrailInput) -> Bundle {
        Bundle { scenario: "audit-trail", documents: Vec::new(), files: Vec::new(), steps: Vec::new(), notes: Vec::new() }
    }
}
