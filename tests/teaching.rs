//! Teaching mode and the printable review: every generated statement and condition key is explained,
//! "break it" names the calls that stop working and the findings that appear, and the review lists
//! the inputs the form shows.

use cwlogs_policy::eval::DecisionEffect;
use cwlogs_policy::scenarios::ScenarioId;
use cwlogs_policy::teaching::{break_statement, break_statement_at, lessons, review_checklist, review_inputs};
use serde_json::json;

mod scenario_inputs;
use scenario_inputs::inputs;

#[test]
fn every_generated_statement_and_condition_key_is_explained() {
    let mut statements = 0;
    let mut keys = 0;
    for (id, input) in inputs() {
        let bundle = id.run(&input).bundle.expect("bundle");
        for document in &bundle.documents {
            let lessons = lessons(id, document);
            assert_eq!(
                lessons.len(),
                document.policy.statements.len(),
                "{id:?} {}",
                document.file_name
            );
            for lesson in lessons {
                let place = format!(
                    "{id:?} {input} {} statement {} ({:?})",
                    document.file_name, lesson.index, lesson.sid
                );
                let why = lesson
                    .why
                    .as_deref()
                    .unwrap_or_else(|| panic!("{place}: no explanation"));
                assert!(why.len() > 40, "{place}: {why}");
                if let Some(sid) = &lesson.sid {
                    assert!(
                        lesson.text.contains(&format!("\"Sid\": \"{sid}\"")),
                        "{place}: {}",
                        lesson.text
                    );
                }
                assert!(
                    lesson.text.starts_with('{') && lesson.text.contains("\"Effect\""),
                    "{place}"
                );
                let url = lesson.doc_url.unwrap_or_default();
                assert!(url.starts_with("https://docs.aws.amazon.com/"), "{place}: {url}");
                statements += 1;
                for condition in lesson.conditions {
                    let note = condition
                        .note
                        .unwrap_or_else(|| panic!("{place}: no note for {}", condition.key));
                    assert!(note.doc_url.starts_with("https://docs.aws.amazon.com/"), "{place}");
                    assert!(!condition.values.is_empty(), "{place}: {}", condition.key);
                    keys += 1;
                }
            }
        }
    }
    assert!(statements >= 150, "only {statements} statements");
    assert!(keys >= 100, "only {keys} condition keys");
}

#[test]
fn a_condition_key_nobody_generates_has_no_note() {
    use cwlogs_policy::teaching::condition_note;
    assert!(condition_note(ScenarioId::LogGroupKey, "aws:PrincipalTag/team").is_none());
    let query = condition_note(ScenarioId::QueryResultKey, "aws:SourceArn").expect("note");
    let vended = condition_note(ScenarioId::VendedLogs, "aws:SourceArn").expect("note");
    assert!(query.why.contains("query-result"), "{}", query.why);
    assert_ne!(query, vended, "the query-result ARN is explained in its own words");
}

#[test]
fn breaking_a_granting_statement_names_the_call_it_grants_and_the_fix() {
    let mut tried = 0;
    for (id, input) in inputs() {
        let bundle = id.run(&input).bundle.expect("bundle");
        for call in id.required_calls(&input) {
            let Some((sid, file)) = &call.granted_by else { continue };
            if call.expect != DecisionEffect::Allow {
                continue;
            }
            let breakage = break_statement(&bundle, &input, file, sid).expect("the granting statement exists");
            assert_eq!(breakage.sid.as_deref(), Some(sid.as_str()));
            assert!(
                !breakage.broken_text.contains(&format!("\"{sid}\"")),
                "{sid} still in the broken text"
            );
            let denied = breakage
                .broken_calls
                .iter()
                .find(|c| c.description == call.description && c.action == call.request.action)
                .unwrap_or_else(|| {
                    panic!(
                        "{id:?} {input}: breaking {sid} in {file} does not deny {}",
                        call.description
                    )
                });
            assert_ne!(denied.decision.effect, DecisionEffect::Allow);
            let fix = denied.fix.as_deref().unwrap_or_default();
            assert!(fix.contains(sid.as_str()) && fix.contains(file.as_str()), "{fix}");
            tried += 1;
        }
    }
    assert!(tried >= 170, "only {tried} statements broken");
}

#[test]
fn breaking_any_statement_is_noticed_or_denies_nothing_that_worked() {
    // Every statement of every document: removing it either shows something or leaves every
    // call as it was (a statement the checklist does not depend on, e.g. the root statement of a
    // key policy that a finding covers). Count how many are noticed, to catch a silent break_statement.
    let (mut noticed, mut total) = (0, 0);
    for (id, input) in inputs() {
        let bundle = id.run(&input).bundle.expect("bundle");
        for document in &bundle.documents {
            for index in 0..document.policy.statements.len() {
                let breakage = break_statement_at(&bundle, &input, &document.file_name, index).expect("statement");
                assert_eq!(breakage.index, index);
                total += 1;
                noticed += usize::from(breakage.is_noticed());
            }
        }
    }
    eprintln!("{noticed} of {total} removals noticed");
    assert!(noticed * 10 >= total * 8, "{noticed} of {total} removals noticed");
}

#[test]
fn breaking_the_logs_statement_denies_generate_data_key_for_the_logs_principal() {
    let id = ScenarioId::LogGroupKey;
    let input = id.default_input();
    let bundle = id.run(&input).bundle.expect("bundle");
    let breakage = break_statement(
        &bundle,
        &input,
        "key-policy.json",
        "Allow CloudWatch Logs to use the key",
    )
    .expect("statement");
    let denied = breakage
        .broken_calls
        .iter()
        .find(|c| c.action == "kms:GenerateDataKey")
        .expect("GenerateDataKey is denied");
    assert!(
        denied.caller.contains("logs.us-east-1.amazonaws.com"),
        "{}",
        denied.caller
    );
    assert!(breakage.broken_calls.iter().any(|c| c.action == "kms:Decrypt"));
}

#[test]
fn breaking_the_root_statement_shows_the_lockout_finding() {
    let id = ScenarioId::LogGroupKey;
    let input = id.default_input();
    let bundle = id.run(&input).bundle.expect("bundle");
    let breakage =
        break_statement(&bundle, &input, "key-policy.json", "Enable IAM User Permissions").expect("statement");
    assert!(
        breakage.new_findings.iter().any(|f| f.code == "SEC004"),
        "{:?}",
        breakage.new_findings.iter().map(|f| f.code).collect::<Vec<_>>()
    );
}

#[test]
fn an_unknown_document_or_statement_is_none_not_a_panic() {
    let id = ScenarioId::LogGroupKey;
    let input = id.default_input();
    let bundle = id.run(&input).bundle.expect("bundle");
    assert!(break_statement(&bundle, &input, "nope.json", "x").is_none());
    assert!(break_statement(&bundle, &input, "key-policy.json", "no such sid").is_none());
    assert!(break_statement_at(&bundle, &input, "key-policy.json", 99).is_none());
}

#[test]
fn the_review_lists_the_fields_the_form_shows_with_their_values() {
    let id = ScenarioId::LogGroupKey;
    let rows = review_inputs(
        id,
        &json!({"region": " eu-west-1 ", "log-groups": ["/app/a", " ", "/app/b"]}),
    );
    let value = |label: &str| rows.iter().find(|r| r.label == label).map(|r| r.value.clone());
    assert_eq!(value("Region").as_deref(), Some("eu-west-1"));
    assert_eq!(value("Log group names").as_deref(), Some("/app/a, /app/b"));
    assert_eq!(
        value("Use the key for").as_deref(),
        Some("One log group"),
        "choices show their label"
    );
    assert_eq!(value("Existing key ARN").as_deref(), Some("—"));
    assert_eq!(
        value("Keep the log-group condition on the old key").as_deref(),
        Some("no"),
        "off by default, as in AWS's rotation procedure"
    );
    assert_eq!(value("Role ARNs"), None, "hidden while no caller permission is chosen");
    let rows = review_inputs(
        id,
        &json!({"caller-permission": "key-policy", "callers": ["arn:aws:iam::111122223333:role/app"]}),
    );
    assert!(rows
        .iter()
        .any(|r| r.label == "Role ARNs" && r.value == "arn:aws:iam::111122223333:role/app"));
}

#[test]
fn the_review_checklist_passes_for_every_default_bundle() {
    for id in ScenarioId::ALL {
        let input = id.default_input();
        let bundle = id.run(&input).bundle.expect("bundle");
        let checked = review_checklist(&bundle, &input);
        assert_eq!(checked.len(), id.required_calls(&input).len());
        assert!(checked.iter().all(|c| c.ok), "{id:?}");
    }
}
