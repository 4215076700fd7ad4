//! Scenario: export log groups to an sse-kms encrypted s3 bucket (stub: being written).

use super::{Bundle, FieldError, FieldSpec, Scenario, ScenarioId};
use serde::{Deserialize, Serialize};

/// The form's inputs (kebab-case serde names = field names = CLI flags).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct S3ExportInput {}

pub struct S3Export;

impl Scenario for S3Export {
    const ID: ScenarioId = ScenarioId::S3Export;
    type Input = S3ExportInput;

    fn fields() -> &'static [FieldSpec] {
        &[]
    }

    fn check_input(_input: &S3ExportInput) -> Vec<FieldError> {
        Vec::new()
    }

    fn generate(_input: &S3ExportInput) -> Bundle {
        Bundle { scenario: "s3-export", documents: Vec::new(), files: Vec::new(), steps: Vec::new(), notes: Vec::new() }
    }
}
