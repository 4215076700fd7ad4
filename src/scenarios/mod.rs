//! Scenarios: a form's inputs → every document, command and explanation the user needs.
//!
//! Each scenario declares its fields once ([`FieldSpec`]); the page and the CLI both work on the
//! input as JSON (an object keyed by field name) through [`ScenarioId::run`], so adding a scenario
//! needs no form or flag code of its own.

pub mod audit_trail;
mod blank_form;
mod bundle;
pub mod calls;
pub mod facts;
pub mod field_checks;
pub mod identifiers;
pub(crate) mod fingerprint;
mod form;
mod intro;
pub mod log_group_key;
mod logs_principal;
mod new_key;
pub mod retention;
pub mod query_result_key;
pub mod s3_export;
pub mod shell;
pub mod step;
mod validate;
pub mod vended_logs;

pub use identifiers::{account_id, bucket_name};
pub use bundle::{Artifact, Bundle, Document, ExpectedFinding, Explanation, TrailEvent};
pub use step::{Side, Step};
pub use blank_form::carry_over;
pub use form::{Control, FieldSpec};
pub use intro::ScenarioIntro;
pub use validate::{FieldError, FieldSeverity};

use serde::de::DeserializeOwned;
use serde::Serialize;

/// One scenario: typed inputs, their checks, and the bundle they produce.
pub trait Scenario {
    const ID: ScenarioId;
    /// Serde names are kebab-case and equal the [`FieldSpec`] names; `Default` gives the AWS
    /// documentation's example values, so the page shows a complete bundle at once.
    type Input: Serialize + DeserializeOwned + Default;
    /// The input parsed once: typed, trimmed and normalised values (see
    /// [`identifiers::Field`]), which the generators take. A scenario not yet converted uses its
    /// `Input` here.
    type Spec;
    fn fields() -> &'static [FieldSpec];
    /// The spec of the inputs and every problem with them, each named by its field.
    fn parse(input: &Self::Input) -> (Self::Spec, Vec<FieldError>);
    /// The bundle for any input, valid or not (never panics).
    fn generate(spec: &Self::Spec) -> Bundle;
    /// What lint compares a policy with in this scenario's mode: the facts of `spec` whose fields
    /// the user gave (see [`facts`]).
    fn facts(spec: &Self::Spec, given: &facts::Given) -> facts::ScenarioFacts;
    /// The requests AWS will make once the bundle is applied, for the checklist.
    fn required_calls(_spec: &Self::Spec) -> Vec<calls::RequiredCall> {
        Vec::new()
    }
}

/// The scenarios the page offers; only implemented ones are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScenarioId {
    LogGroupKey,
    QueryResultKey,
    S3Export,
    VendedLogs,
    AuditTrail,
}

/// What one state of a scenario's form gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub problems: Vec<FieldError>,
    /// None only when the input could not be read at all (a value of the wrong type).
    pub bundle: Option<Bundle>,
}

impl Outcome {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == FieldSeverity::Error)
    }
}

fn run<S: Scenario>(input: &serde_json::Value) -> Outcome {
    match serde_json::from_value::<S::Input>(input.clone()) {
        Ok(input) => {
            let (spec, problems) = S::parse(&input);
            Outcome { problems, bundle: Some(S::generate(&spec)) }
        }
        Err(e) => Outcome {
            problems: vec![FieldError::error("input", e.to_string())],
            bundle: None,
        },
    }
}

fn required_calls<S: Scenario>(input: &serde_json::Value) -> Vec<calls::RequiredCall> {
    serde_json::from_value::<S::Input>(input.clone())
        .map(|i| S::required_calls(&S::parse(&i).0))
        .unwrap_or_default()
}

fn default_input<S: Scenario>() -> serde_json::Value {
    serde_json::to_value(S::Input::default()).unwrap_or_default()
}

/// Calls `$f::<ScenarioType>` for the scenario `$id`.
macro_rules! dispatch {
    ($id:expr, $f:ident) => {
        match $id {
            ScenarioId::LogGroupKey => $f::<log_group_key::LogGroupKey>(),
            ScenarioId::QueryResultKey => $f::<query_result_key::QueryResultKey>(),
            ScenarioId::S3Export => $f::<s3_export::S3Export>(),
            ScenarioId::VendedLogs => $f::<vended_logs::VendedLogs>(),
            ScenarioId::AuditTrail => $f::<audit_trail::AuditTrail>(),
        }
    };
    ($id:expr, $f:ident, $arg:expr) => {
        match $id {
            ScenarioId::LogGroupKey => $f::<log_group_key::LogGroupKey>($arg),
            ScenarioId::QueryResultKey => $f::<query_result_key::QueryResultKey>($arg),
            ScenarioId::S3Export => $f::<s3_export::S3Export>($arg),
            ScenarioId::VendedLogs => $f::<vended_logs::VendedLogs>($arg),
            ScenarioId::AuditTrail => $f::<audit_trail::AuditTrail>($arg),
        }
    };
}

impl ScenarioId {
    pub const ALL: [ScenarioId; 5] = [
        ScenarioId::LogGroupKey,
        ScenarioId::QueryResultKey,
        ScenarioId::S3Export,
        ScenarioId::VendedLogs,
        ScenarioId::AuditTrail,
    ];

    /// The CLI / URL name.
    pub fn cli_name(self) -> &'static str {
        match self {
            ScenarioId::LogGroupKey => "log-group-key",
            ScenarioId::QueryResultKey => "query-result-key",
            ScenarioId::S3Export => "s3-export",
            ScenarioId::VendedLogs => "vended-logs",
            ScenarioId::AuditTrail => "audit-trail",
        }
    }

    pub fn from_cli_name(name: &str) -> Option<ScenarioId> {
        ScenarioId::ALL.into_iter().find(|s| s.cli_name() == name)
    }

    pub fn title(self) -> &'static str {
        match self {
            ScenarioId::LogGroupKey => "Encrypt log groups with a customer managed KMS key",
            ScenarioId::QueryResultKey => "Encrypt Logs Insights query results with a KMS key",
            ScenarioId::S3Export => "Export log groups to an SSE-KMS encrypted S3 bucket",
            ScenarioId::VendedLogs => "Deliver AWS service logs (vended logs) to CloudWatch Logs, S3 or Firehose",
            ScenarioId::AuditTrail => "Audit: the CloudTrail events these steps leave, and alerts on risky ones",
        }
    }

    pub fn fields(self) -> &'static [FieldSpec] {
        fn fields<S: Scenario>() -> &'static [FieldSpec] {
            S::fields()
        }
        dispatch!(self, fields)
    }

    /// The default input as JSON, every field present.
    pub fn default_input(self) -> serde_json::Value {
        dispatch!(self, default_input)
    }

    /// The requests AWS will make for this input (none when the input cannot be read).
    pub fn required_calls(self, input: &serde_json::Value) -> Vec<calls::RequiredCall> {
        dispatch!(self, required_calls, &account_id::read(self, input))
    }

    /// What lint compares a policy with in this scenario's mode, from an input given as JSON:
    /// only the fields given are facts (missing or blank ones stay unknown, not defaults).
    pub fn facts(self, input: &serde_json::Value) -> facts::ScenarioFacts {
        use facts::facts as scenario_facts;
        dispatch!(self, scenario_facts, input)
    }

    /// Checks and generates from an input given as JSON; missing fields take their defaults, and
    /// account IDs are read as the console shows them too (`account_id::read`).
    pub fn run(self, input: &serde_json::Value) -> Outcome {
        dispatch!(self, run, &account_id::read(self, input))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_an_input_member_and_every_input_member_a_field() {
        for id in ScenarioId::ALL {
            let input = id.default_input();
            let members: Vec<&String> = input.as_object().expect("inputs are objects").keys().collect();
            let names: Vec<&str> = id.fields().iter().map(|f| f.name).collect();
            for name in &names {
                assert!(
                    members.iter().any(|m| m == name),
                    "{id:?}: field {name} is not an input member"
                );
            }
            for member in members {
                assert!(
                    names.contains(&member.as_str()),
                    "{id:?}: input member {member} has no field"
                );
            }
        }
    }

    #[test]
    fn field_values_have_the_json_type_their_control_edits() {
        for id in ScenarioId::ALL {
            let input = id.default_input();
            for field in id.fields() {
                let value = &input[field.name];
                let fits = match field.control {
                    Control::Text { .. } | Control::Date => value.is_string(),
                    Control::Choice { options } => value.as_str().is_some_and(|v| options.iter().any(|(o, _)| *o == v)),
                    Control::Lines { .. } => value.is_array(),
                    Control::Check => value.is_boolean(),
                };
                assert!(
                    fits,
                    "{id:?}: {} = {value} does not fit {:?}",
                    field.name, field.control
                );
            }
        }
    }

    #[test]
    fn conditions_name_real_fields_and_values() {
        for id in ScenarioId::ALL {
            for field in id.fields() {
                if let Some((other, values)) = field.shown_when {
                    let other = id
                        .fields()
                        .iter()
                        .find(|f| f.name == other)
                        .expect("condition names a field");
                    if let Control::Choice { options } = other.control {
                        assert!(
                            values.iter().all(|v| options.iter().any(|(o, _)| o == v)),
                            "{}",
                            field.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn defaults_are_valid_and_run_from_an_empty_object() {
        for id in ScenarioId::ALL {
            let outcome = id.run(&id.default_input());
            assert_eq!(outcome.problems, vec![], "{id:?}");
            assert_eq!(
                id.run(&serde_json::json!({})).bundle,
                outcome.bundle,
                "missing fields take defaults"
            );
        }
    }

    #[test]
    fn a_value_of_the_wrong_type_is_a_problem_not_a_panic() {
        let outcome = ScenarioId::LogGroupKey.run(&serde_json::json!({"scope": "everything"}));
        assert!(outcome.bundle.is_none());
        assert!(
            outcome.problems[0].message.contains("everything"),
            "{:?}",
            outcome.problems
        );
    }
}
