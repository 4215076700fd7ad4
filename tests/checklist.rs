//! The "will it work" checklist: every required call succeeds against the generated bundle, and
//! removing the statement that grants a call turns that call red with that statement named as the fix.

use cwlogs_policy::eval::DecisionEffect;
use cwlogs_policy::policy::Policy;
use cwlogs_policy::scenarios::calls::checklist;
use cwlogs_policy::scenarios::ScenarioId;
use serde_json::json;
use std::collections::BTreeMap;

mod scenario_inputs;
use scenario_inputs::inputs;

#[test]
fn every_required_call_succeeds_against_the_generated_bundle() {
    let mut total = 0;
    for (id, input) in inputs() {
        let outcome = id.run(&input);
        assert!(!outcome.has_errors(), "{id:?} {input}: {:?}", outcome.problems);
        let bundle = outcome.bundle.expect("bundle");
        let calls = id.required_calls(&input);
        total += calls.len();
        for checked in checklist(&calls, &bundle, &BTreeMap::new()) {
            assert!(
                checked.ok,
                "{id:?} {input}: {} — {:?}",
                checked.description, checked.decision.reasons
            );
        }
    }
    assert!(total >= 200, "only {total} calls checked");
    for id in [
        ScenarioId::LogGroupKey,
        ScenarioId::QueryResultKey,
        ScenarioId::S3Export,
        ScenarioId::VendedLogs,
    ] {
        assert!(
            !id.required_calls(&id.default_input()).is_empty(),
            "{id:?} lists no calls"
        );
    }
}

#[test]
fn removing_the_granting_statement_turns_the_call_red_and_names_the_fix() {
    let mut broken = 0;
    for (id, input) in inputs() {
        let bundle = id.run(&input).bundle.expect("bundle");
        let calls = id.required_calls(&input);
        for (i, call) in calls.iter().enumerate() {
            let Some((sid, file)) = &call.granted_by else { continue };
            if call.expect != DecisionEffect::Allow {
                continue;
            }
            let doc = bundle
                .documents
                .iter()
                .find(|d| &d.file_name == file)
                .expect("granting document exists");
            let mut without: Policy = doc.policy.clone();
            without
                .statements
                .retain(|s| s.sid.as_ref().map(|t| t.value.as_str()) != Some(sid.as_str()));
            assert!(
                without.statements.len() < doc.policy.statements.len(),
                "{sid} is in {file}"
            );
            let replaced = BTreeMap::from([(file.clone(), without)]);
            let checked = &checklist(&calls, &bundle, &replaced)[i];
            assert!(
                !checked.ok,
                "{id:?}: {} still allowed without {sid}",
                checked.description
            );
            let fix = checked.fix.as_deref().unwrap_or_default();
            assert!(fix.contains(sid.as_str()) && fix.contains(file.as_str()), "{fix}");
            broken += 1;
        }
    }
    assert!(broken >= 170, "only {broken} removals tried");
}

#[test]
fn an_old_key_that_can_still_encrypt_is_flagged() {
    let input = json!({
        "log-group-state": "existing",
        "rotate-from": "arn:aws:kms:us-east-1:111122223333:key/0000abcd-12ab-34cd-56ef-1234567890ab",
    });
    let id = ScenarioId::LogGroupKey;
    let bundle = id.run(&input).bundle.expect("bundle");
    // The old key's policy as it was before rotation: the full service statement, encryption included.
    let before = bundle
        .documents
        .iter()
        .find(|d| d.file_name == "key-policy.json")
        .unwrap()
        .policy
        .clone();
    let replaced = BTreeMap::from([("old-key-policy.json".to_owned(), before)]);
    let calls = id.required_calls(&input);
    let results = checklist(&calls, &bundle, &replaced);
    let encrypt = results
        .iter()
        .find(|c| c.description.starts_with("The old key no longer encrypts"))
        .expect("call listed");
    assert!(!encrypt.ok);
    assert!(encrypt
        .fix
        .as_deref()
        .unwrap_or_default()
        .contains("old-key-policy.json"));
}

#[test]
fn a_context_for_another_log_group_is_denied() {
    let id = ScenarioId::LogGroupKey;
    let input = id.default_input();
    let bundle = id.run(&input).bundle.expect("bundle");
    let mut calls = id.required_calls(&input);
    for call in &mut calls {
        call.request = call.request.clone().with(
            "kms:EncryptionContext:aws:logs:arn",
            ["arn:aws:logs:us-east-1:111122223333:log-group:other"],
        );
    }
    assert!(checklist(&calls, &bundle, &BTreeMap::new()).iter().all(|c| !c.ok));
}
