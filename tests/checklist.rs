//! The "will it work" checklist: every required call succeeds against the generated bundle, and
//! removing the statement that grants a call turns that call red with that statement named as the fix.

use cwlogs_policy::eval::DecisionEffect;
use cwlogs_policy::policy::Policy;
use cwlogs_policy::scenarios::calls::checklist;
use cwlogs_policy::scenarios::ScenarioId;
use serde_json::json;
use std::collections::BTreeMap;

/// Inputs that exercise every call the scenarios know.
fn inputs() -> Vec<(ScenarioId, serde_json::Value)> {
    let mut all: Vec<(ScenarioId, serde_json::Value)> =
        ScenarioId::ALL.iter().map(|id| (*id, id.default_input())).collect();
    let role = "arn:aws:iam::111122223333:role/orders-app";
    for permission in ["key-policy", "iam-policy"] {
        for key in [
            "",
            "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        ] {
            all.push((
                ScenarioId::LogGroupKey,
                json!({
                    "caller-permission": permission, "callers": [role], "key-arn": key,
                    "scope": "several-groups", "log-groups": ["/app/orders", "/app/billing"],
                }),
            ));
        }
    }
    all.push((ScenarioId::LogGroupKey, json!({"scope": "account", "log-groups": []})));
    for keep in [true, false] {
        all.push((
            ScenarioId::LogGroupKey,
            json!({
                "log-group-state": "existing", "keep-context-on-old-key": keep,
                "rotate-from": "arn:aws:kms:us-east-1:111122223333:key/0000abcd-12ab-34cd-56ef-1234567890ab",
            }),
        ));
    }
    all.push((
        ScenarioId::QueryResultKey,
        json!({"share-with-log-groups": true, "log-groups": ["/app/orders"]}),
    ));
    all.extend(s3_export_inputs());
    all.extend(vended_logs_inputs());
    all
}

fn s3_export_inputs() -> Vec<(ScenarioId, serde_json::Value)> {
    let exporter = "arn:aws:iam::123456789012:role/log-export";
    let key_in_bucket_account = "arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    [
        // Same account: SSE-S3 with a prefix, the listed log groups only, a named caller.
        json!({
            "encryption": "sse-s3", "prefix": "exports/app", "source-scope": "log-groups",
            "log-groups": ["/app/orders", "/app/billing"], "callers": [exporter],
        }),
        // Same account, SSE-KMS with a given key, a further source account.
        json!({
            "key-arn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            "other-accounts": ["777788889999"], "prefix": "/exports/",
        }),
        // Across accounts: the bucket (and a new key) in 444455556666.
        json!({"bucket-account": "444455556666", "callers": [exporter]}),
        // Across accounts with ACLs enabled, a given key, a prefix and the log-groups scope.
        json!({
            "bucket-account": "444455556666", "callers": [exporter], "acls-enabled": true,
            "key-arn": key_in_bucket_account, "prefix": "exports", "source-scope": "log-groups",
        }),
        // Across accounts, SSE-S3.
        json!({"bucket-account": "444455556666", "callers": [exporter], "encryption": "sse-s3"}),
    ]
    .into_iter()
    .map(|input| (ScenarioId::S3Export, input))
    .collect()
}

fn vended_logs_inputs() -> Vec<(ScenarioId, serde_json::Value)> {
    let other = "444455556666";
    let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let other_key = "arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let org = json!({"org-id": "o-a1b2c3d4e5", "org-paths": ["o-a1b2c3d4e5/r-ab12/*", "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/"]});
    let with = |base: serde_json::Value, extra: &serde_json::Value| {
        let mut base = base;
        if let (Some(all), Some(more)) = (base.as_object_mut(), extra.as_object()) {
            all.extend(more.clone());
        }
        base
    };
    let mut all = Vec::new();
    // V2 (Bedrock knowledge bases) to each destination, same and other account.
    for destination in ["cloudwatch-logs", "s3", "firehose"] {
        for account in ["", other] {
            all.push(json!({"destination": destination, "destination-account": account}));
        }
    }
    all.extend([
        json!({"destination": "s3", "key-arn": key, "prefix": "kb/logs", "include-list-bucket": true}),
        json!({"destination": "s3", "destination-account": other, "key-arn": other_key}),
        with(json!({"destination": "cloudwatch-logs"}), &org),
        with(json!({"destination": "s3", "key-arn": key}), &org),
        // V1 services.
        json!({"service": "step-functions", "log-group": "/aws/vendedlogs/states/orders"}),
        with(json!({"service": "waf", "log-group": "aws-waf-logs-app"}), &org),
        json!({"service": "waf", "destination": "cloudwatch-logs", "destination-account": other, "log-group": "aws-waf-logs-app"}),
        json!({"service": "vpc-flow-logs", "destination": "s3", "prefix": "flow", "key-arn": key}),
        json!({"service": "waf", "destination": "s3", "destination-account": other, "include-list-bucket": true}),
        json!({"service": "vpc-flow-logs", "destination": "firehose"}),
        with(json!({"service": "vpc-flow-logs", "destination": "s3"}), &json!({"org-paths": ["o-a1b2c3d4e5/r-ab12/ou-ab12-*"]})),
    ]);
    all.into_iter().map(|input| (ScenarioId::VendedLogs, input)).collect()
}

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
