//! A bundle's trail as the page's audit panel shows it: the events grouped by the step that
//! records them, and the risky calls the alert pattern matches with the steps (if any) that make
//! them.

use super::trail::{trail, TrailEntry};
use crate::scenarios::{Bundle, TrailEvent};
use serde::Serialize;

/// The events of one step, in the step's order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepTrail {
    /// 1-based, as the step list numbers it.
    pub number: usize,
    pub title: String,
    pub events: Vec<TrailEntry>,
}

/// One call the alert pattern matches.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskyCall {
    pub event: TrailEvent,
    pub why: &'static str,
    /// The numbers of the steps that make it; empty when only a later change would.
    pub steps: Vec<usize>,
}

/// The audit panel's content for one bundle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AuditSummary {
    /// Only steps that record something.
    pub steps: Vec<StepTrail>,
    pub risky: Vec<RiskyCall>,
    /// The EventBridge event pattern, pretty JSON.
    pub pattern: String,
    /// The name the pattern is downloaded as.
    pub pattern_file: String,
}

pub fn audit_summary(bundle: &Bundle) -> AuditSummary {
    let trail = trail(bundle);
    let steps: Vec<StepTrail> = bundle
        .steps
        .iter()
        .enumerate()
        .filter(|(_, step)| !step.events.is_empty())
        .map(|(i, step)| StepTrail {
            number: i + 1,
            title: step.title.clone(),
            events: step
                .events
                .iter()
                .map(|&event| {
                    let why_risky = super::why_risky(event);
                    TrailEntry {
                        step: step.title.clone(),
                        event,
                        risky: why_risky.is_some(),
                        why_risky,
                    }
                })
                .collect(),
        })
        .collect();
    let risky = trail
        .risky
        .iter()
        .map(|&event| RiskyCall {
            event,
            why: super::why_risky(event).unwrap_or("changes what these setups rely on"),
            steps: steps
                .iter()
                .filter(|s| s.events.iter().any(|e| e.event == event))
                .map(|s| s.number)
                .collect(),
        })
        .collect();
    AuditSummary {
        steps,
        risky,
        pattern: trail.pattern,
        pattern_file: format!("{}-alert-pattern.json", bundle.scenario.cli_name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenarios::step::operation::{KMS_GET_KEY_POLICY, KMS_PUT_KEY_POLICY, LOGS_ASSOCIATE_KMS_KEY};
    use crate::scenarios::step::{AwsCall, Line};
    use crate::scenarios::{log_group_key, Step};

    #[test]
    fn events_group_under_their_numbered_steps_and_risky_calls_name_theirs() {
        let bundle = Bundle {
            scenario: crate::scenarios::ScenarioId::LogGroupKey,
            documents: vec![],
            files: vec![],
            steps: vec![
                Step::new("Back up", vec![AwsCall::new(&KMS_GET_KEY_POLICY).into()]),
                Step::new("# a comment", vec![Line::comment("nothing")]),
                Step::new(
                    "Replace",
                    vec![AwsCall::new(&KMS_PUT_KEY_POLICY).into(), AwsCall::new(&LOGS_ASSOCIATE_KMS_KEY).into()],
                ),
            ],
            notes: vec![],
        };
        let summary = audit_summary(&bundle);
        let steps: Vec<(usize, &str, usize)> = summary
            .steps
            .iter()
            .map(|s| (s.number, s.title.as_str(), s.events.len()))
            .collect();
        assert_eq!(steps, [(1, "Back up", 1), (3, "Replace", 2)]);
        let put = summary
            .risky
            .iter()
            .find(|r| r.event.name == "PutKeyPolicy")
            .expect("PutKeyPolicy is risky");
        assert_eq!(put.steps, [3]);
        let disable = summary
            .risky
            .iter()
            .find(|r| r.event.name == "DisableKey")
            .expect("always watched");
        assert!(disable.steps.is_empty() && disable.why.contains("no longer use the key"));
        assert_eq!(summary.pattern_file, "log-group-key-alert-pattern.json");
    }

    #[test]
    fn the_default_log_group_key_bundle_has_a_pattern_matching_each_risky_call() {
        let bundle = log_group_key::generate(&Default::default());
        let summary = audit_summary(&bundle);
        let recorded: usize = summary.steps.iter().map(|s| s.events.len()).sum();
        let expected: usize = bundle.steps.iter().map(|s| s.events.len()).sum();
        assert_eq!(recorded, expected);
        let pattern: serde_json::Value = serde_json::from_str(&summary.pattern).expect("JSON");
        for call in &summary.risky {
            assert!(pattern["detail"]["eventName"]
                .as_array()
                .is_some_and(|n| n.iter().any(|v| v == call.event.name)));
        }
    }
}
