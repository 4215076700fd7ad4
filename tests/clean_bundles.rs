//! Every option combination of every scenario (tests/scenario_inputs/, the lists the scenario
//! tests enumerate) gives a clean bundle that round-trips: no problem with the input, documents
//! and steps, each document free of errors and security findings as what it is (a whole policy,
//! or statements to merge), printed and parsed back to the same policy, with one explanation per
//! statement; every file and step filled in. One property over `ScenarioId::ALL`, run through
//! `ScenarioId::run`, the path the page and the CLI take.

mod scenario_inputs;

use cwlogs_policy::json::parse_document;
use cwlogs_policy::lint::Severity;
use cwlogs_policy::scenarios::{FieldSeverity, ScenarioId};
use serde_json::Value;

/// A problem the input is expected to have: log-group-key warns that keeping the encryption
/// context on the old key during a rotation may break readers, and the combinations do turn it on.
fn expected_problem(id: ScenarioId, input: &Value, field: &str, severity: FieldSeverity) -> bool {
    id == ScenarioId::LogGroupKey
        && field == "keep-context-on-old-key"
        && severity == FieldSeverity::Warning
        && input[field] == Value::Bool(true)
}

/// Steps known to come out empty, each with why: a known, open defect. Each must still occur, so
/// that the entry is removed once it is fixed.
const KNOWN_EMPTY_STEPS: &[(ScenarioId, &str, &str)] = &[];

#[test]
fn the_combination_lists_keep_their_size() {
    // The lists are the scenario tests' own: one that shrank would test less without failing.
    assert!(scenario_inputs::log_group_key::every_combination().len() > 300);
    assert_eq!(scenario_inputs::query_result_key::every_combination().len(), 3 * 2 * 6 * 3);
    assert!(scenario_inputs::s3_export::every_combination().len() > 1800);
    assert!(scenario_inputs::vended_logs::every_combination().len() > 850);
    let all = scenario_inputs::every_option_combination();
    for id in ScenarioId::ALL {
        assert!(all.iter().any(|(i, _)| *i == id), "{id:?} has no combination");
    }
}

#[test]
fn every_option_combination_gives_a_clean_bundle_that_round_trips() {
    let mut empty_steps_seen = vec![false; KNOWN_EMPTY_STEPS.len()];
    for (id, input) in scenario_inputs::every_option_combination() {
        let outcome = id.run(&input);
        let problems: Vec<_> = outcome
            .problems
            .iter()
            .filter(|p| !expected_problem(id, &input, &p.field, p.severity))
            .collect();
        assert!(problems.is_empty(), "{id:?}: inputs should be valid: {problems:?}\n{input}");
        let bundle = outcome.bundle.unwrap_or_else(|| panic!("{id:?}: no bundle for {input}"));
        assert!(!bundle.steps.is_empty(), "{id:?}: no step for {input}");
        assert!(!bundle.notes.is_empty(), "{id:?}: no note for {input}");
        // The audit trail's bundle is an EventBridge rule and its target: files and steps, no policy.
        assert!(id == ScenarioId::AuditTrail || !bundle.documents.is_empty(), "{id:?}: no document for {input}");
        for doc in &bundle.documents {
            let analysis = doc.check();
            let serious: Vec<_> = analysis
                .findings
                .iter()
                .filter(|f| matches!(f.severity, Severity::Error | Severity::Security))
                .collect();
            assert!(serious.is_empty(), "{id:?}: {} for {input} has findings {serious:#?}\n{}", doc.file_name, doc.text());
            assert_eq!(analysis.policy.as_ref(), Some(&doc.policy), "{id:?}: print → parse changed {}", doc.file_name);
            assert_eq!(
                doc.explanations.len(),
                doc.policy.statements.len(),
                "{id:?}: one why per statement in {}",
                doc.file_name
            );
            for (statement, why) in doc.policy.statements.iter().zip(&doc.explanations) {
                if let Some(sid) = &statement.sid {
                    assert_eq!(sid.value, why.sid, "{id:?}: the whys in the statements' order, in {}", doc.file_name);
                }
            }
            assert!(
                doc.explanations.iter().all(|e| !e.why.is_empty() && e.doc_url.starts_with("https://docs.aws.amazon.com/")),
                "{id:?}: every why says why and links AWS's page, in {}",
                doc.file_name
            );
        }
        for file in &bundle.files {
            assert!(!file.content.is_empty() && !file.why.is_empty(), "{id:?}: {}", file.file_name);
            if file.file_name.ends_with(".json") {
                assert!(parse_document(&file.content).is_ok(), "{id:?}: {} is not JSON:\n{}", file.file_name, file.content);
            }
        }
        for step in &bundle.steps {
            let known = KNOWN_EMPTY_STEPS.iter().position(|(i, title, _)| *i == id && step.title == *title);
            if let (Some(k), true) = (known, step.command.trim().is_empty()) {
                empty_steps_seen[k] = true;
                continue;
            }
            assert!(!step.title.trim().is_empty() && !step.command.trim().is_empty(), "{id:?}: {step:?}\n{input}");
            if step.command.lines().any(|l| l.trim_start().starts_with("aws ")) {
                assert!(!step.events.is_empty(), "{id:?}: a step that calls AWS lists its CloudTrail events: {step:?}");
            }
        }
    }
    for ((id, title, why), seen) in KNOWN_EMPTY_STEPS.iter().zip(empty_steps_seen) {
        assert!(seen, "{id:?}: \"{title}\" is no longer empty ({why}): remove it from KNOWN_EMPTY_STEPS");
    }
}
