//! Scenario 5: the CloudTrail events the other scenarios' steps leave, an EventBridge rule that
//! alerts on the risky ones, and a pasted CloudTrail record turned back into form values
//! (domain-facts §5).
//!
//! The SNS topic policy is a file, not a [`Document`](crate::scenarios::Document): no
//! [`PolicyKind`](crate::policy::PolicyKind) is a topic policy, and calling it a bucket policy
//! would label it so on the page and hold it to S3 rules. A note explains it instead.

mod dates;
mod fields;
mod form_fill;
mod import;
mod parse;
mod record_map;
mod steps;
mod summary;
mod trail;

pub use parse::parse;
pub use form_fill::{fill_form, FilledField, FormFill};
pub use summary::{audit_summary, AuditSummary, RiskyCall, StepTrail};
pub use import::{import_record, RecordImport, RecordPolicy};
pub use trail::{pattern, trail, why_risky, Trail, TrailEntry};

use super::identifiers::{AccountId, Field, Region};
use super::facts::{Given, ScenarioFacts};
use super::{Bundle, FieldError, FieldSpec, Scenario, ScenarioId};
use crate::catalog::Partition;
use serde::{Deserialize, Serialize};

/// The form's inputs (kebab-case serde names = field names = CLI flags).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct AuditTrailInput {
    pub watch_log_group_key: bool,
    pub watch_query_result_key: bool,
    pub watch_s3_export: bool,
    pub watch_vended_logs: bool,
    pub region: String,
    pub account: String,
    pub rule_name: String,
    /// Where alerts go; empty for the rule alone.
    pub sns_topic_arn: String,
}

impl Default for AuditTrailInput {
    /// Everything watched, with an alert topic, so the page shows the whole bundle at once.
    fn default() -> Self {
        AuditTrailInput {
            watch_log_group_key: true,
            watch_query_result_key: true,
            watch_s3_export: true,
            watch_vended_logs: true,
            region: "us-east-1".into(),
            account: "111122223333".into(),
            rule_name: "cwlogs-encryption-changes".into(),
            sns_topic_arn: "arn:aws:sns:us-east-1:111122223333:cwlogs-alerts".into(),
        }
    }
}

/// The audit-trail input parsed once: the values the rule, its files, steps and notes use, trimmed
/// (see [`parse::parse`] for the checks, in the form's order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditTrailSpec {
    /// The watched scenarios, in the page's order.
    pub watched: Vec<ScenarioId>,
    /// From the Region: the form has no partition field, since the Region decides it.
    pub partition: Partition,
    pub region: Field<Region>,
    pub account: Field<AccountId>,
    pub rule_name: String,
    /// Where alerts go; `None` for the rule alone.
    pub topic: Option<String>,
}

impl AuditTrailSpec {
    pub fn region(&self) -> &str {
        self.region.as_str()
    }

    pub fn account(&self) -> &str {
        self.account.as_str()
    }

    pub fn topic(&self) -> Option<&str> {
        self.topic.as_deref()
    }

    pub fn rule_arn(&self) -> String {
        format!(
            "arn:{}:events:{}:{}:rule/{}",
            self.partition.id(),
            self.region(),
            self.account(),
            self.rule_name
        )
    }
}

/// The audit-trail scenario.
pub struct AuditTrail;

impl Scenario for AuditTrail {
    const ID: ScenarioId = ScenarioId::AuditTrail;
    type Input = AuditTrailInput;
    type Spec = AuditTrailSpec;

    fn fields() -> &'static [FieldSpec] {
        fields::FIELDS
    }

    fn parse(input: &AuditTrailInput) -> (AuditTrailSpec, Vec<FieldError>) {
        parse(input)
    }

    fn generate(spec: &AuditTrailSpec) -> Bundle {
        bundle(spec)
    }

    /// The watched Region and account; the partition is the Region's.
    fn facts(spec: &AuditTrailSpec, given: &Given) -> ScenarioFacts {
        ScenarioFacts {
            partition: Some(spec.partition.id().to_owned()),
            region: given.then("region", spec.region()),
            account: given.then("account", spec.account()),
            ..ScenarioFacts::default()
        }
    }
}

/// Every problem with the inputs; empty means the bundle is ready to use.
pub fn check_input(input: &AuditTrailInput) -> Vec<FieldError> {
    parse(input).1
}

/// The rule, its pattern file, the optional topic policy file and the steps, for any input.
pub fn generate(input: &AuditTrailInput) -> Bundle {
    bundle(&parse(input).0)
}

fn bundle(input: &AuditTrailSpec) -> Bundle {
    let watched = steps::watched_trails(input);
    Bundle {
        scenario: crate::scenarios::ScenarioId::AuditTrail,
        documents: Vec::new(),
        files: steps::files(input, &watched),
        steps: steps::steps(input, &watched),
        notes: steps::notes(input, &watched),
    }
}

#[cfg(test)]
mod tests;
