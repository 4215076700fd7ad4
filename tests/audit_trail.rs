//! The audit trail: trails of real bundles, the alert scenario over every option combination,
//! and CloudTrail records read back into form values.

use cwlogs_policy::analyze;
use cwlogs_policy::catalog::Partition;
use cwlogs_policy::json::{parse, pretty};
use cwlogs_policy::lint::Severity;
use cwlogs_policy::policy::{print, PolicyKind};
use cwlogs_policy::scenarios::audit_trail::{check_input, generate, import_record, trail};
use cwlogs_policy::scenarios::log_group_key::{self, CallerPermission, LogGroupKeyInput, LogGroupState, Scope};
use cwlogs_policy::scenarios::ScenarioId;
use serde_json::{json, Value};

mod scenario_inputs;
use scenario_inputs::audit_trail::every_audit_combination;

fn fixture(file: &str) -> String {
    let path = format!("{}/tests/fixtures/cloudtrail/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn log_group_key_variants() -> Vec<LogGroupKeyInput> {
    let mut all = Vec::new();
    for (partition, region) in [
        (Partition::Aws, "eu-west-1"),
        (Partition::AwsCn, "cn-north-1"),
        (Partition::AwsUsGov, "us-gov-west-1"),
    ] {
        let p = partition.id();
        for scope in [Scope::OneGroup, Scope::Account] {
            for state in [LogGroupState::New, LogGroupState::Existing] {
                for key_arn in [
                    String::new(),
                    format!("arn:{p}:kms:{region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                ] {
                    for permission in [
                        CallerPermission::None,
                        CallerPermission::KeyPolicy,
                        CallerPermission::IamPolicy,
                    ] {
                        let rotations: &[&str] = if state == LogGroupState::Existing {
                            &["", "old"]
                        } else {
                            &[""]
                        };
                        for rotate in rotations {
                            all.push(LogGroupKeyInput {
                                partition,
                                region: region.into(),
                                account: "123456789012".into(),
                                key_arn: key_arn.clone(),
                                scope,
                                log_groups: vec!["/app/orders".into()],
                                callers: vec![format!("arn:{p}:iam::123456789012:role/app")],
                                caller_permission: permission,
                                caller_access: Default::default(),
                                log_group_state: state,
                                retention: Default::default(),
                                rotate_from: if rotate.is_empty() {
                                    String::new()
                                } else {
                                    format!(
                                        "arn:{p}:kms:{region}:123456789012:key/mrk-1234567890abcdef1234567890abcdef"
                                    )
                                },
                                keep_context_on_old_key: true,
                            });
                        }
                    }
                }
            }
        }
    }
    all
}

#[test]
fn the_trail_of_every_log_group_key_bundle_is_its_steps_events_in_order() {
    for input in log_group_key_variants() {
        let bundle = log_group_key::generate(&input);
        let t = trail(&bundle);
        let expected: Vec<(String, &str, &str)> = bundle
            .steps
            .iter()
            .flat_map(|s| s.events.iter().map(move |e| (s.title.clone(), e.source, e.name)))
            .collect();
        let got: Vec<(String, &str, &str)> = t
            .events
            .iter()
            .map(|e| (e.step.clone(), e.event.source, e.event.name))
            .collect();
        assert_eq!(got, expected, "{input:?}");
        let pattern: Value = serde_json::from_str(&t.pattern).expect("the pattern is JSON");
        let names = pattern["detail"]["eventName"].as_array().expect("eventName list");
        for risky in [
            "DisassociateKmsKey",
            "ScheduleKeyDeletion",
            "DisableKey",
            "PutKeyPolicy",
        ] {
            assert!(names.contains(&json!(risky)), "{risky} missing from {pattern}");
        }
        for entry in t.events.iter().filter(|e| e.risky) {
            assert!(names.contains(&json!(entry.event.name)) && entry.why_risky.is_some());
        }
        assert_eq!(pattern["source"], json!(["aws.kms", "aws.logs"]));
        assert_eq!(pattern["detail-type"], json!(["AWS API Call via CloudTrail"]));
    }
}

fn serious(text: &str, kind: PolicyKind, only_generic_rules: bool) -> Vec<String> {
    analyze(text, kind)
        .findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Error | Severity::Security))
        .filter(|f| !only_generic_rules || f.code.starts_with("JSON") || f.code.starts_with("IAM"))
        .map(|f| format!("{} {}", f.code, f.message))
        .collect()
}

#[test]
fn every_audit_option_combination_is_valid_clean_and_round_trips() {
    for input in every_audit_combination() {
        assert_eq!(check_input(&input), vec![], "{input:?}");
        let bundle = generate(&input);
        for doc in &bundle.documents {
            let text = print(&doc.policy);
            assert_eq!(
                serious(&text, doc.kind, false),
                Vec::<String>::new(),
                "{}",
                doc.file_name
            );
            assert_eq!(analyze(&text, doc.kind).policy.as_ref(), Some(&doc.policy));
        }
        for file in &bundle.files {
            let parsed = parse(&file.content).unwrap_or_else(|e| panic!("{}: {e:?}", file.file_name));
            assert_eq!(pretty(&parsed), file.content, "{} round-trips", file.file_name);
        }
        let pattern: Value = serde_json::from_str(&bundle.files[0].content).expect("pattern");
        // With a key-associating setup watched, the names are the first alternative of a $or whose
        // second is an AssociateKmsKey of a foreign key.
        let by_name = pattern["detail"].get("$or").map_or(&pattern["detail"], |or| &or[0]);
        assert!(by_name["eventName"].as_array().is_some_and(|n| !n.is_empty()), "{pattern:#}");
        assert!(
            bundle.files[0].content.len() < 2048,
            "EventBridge's default pattern size limit"
        );
        if let Some(topic_policy) = bundle.files.get(1) {
            // No PolicyKind is a topic policy; the generic grammar and IAM rules still apply.
            assert_eq!(
                serious(&topic_policy.content, PolicyKind::Bucket, true),
                Vec::<String>::new()
            );
        }
        for step in &bundle.steps {
            assert_eq!(step.events.is_empty(), step.command.starts_with('#'), "{}", step.title);
        }
    }
}

#[test]
fn the_documented_create_export_task_record_fills_the_export_form() {
    let import = import_record(&fixture("create-export-task.json")).expect("the AWS example imports");
    assert_eq!(import.scenario, ScenarioId::S3Export);
    let expected = json!({
        "partition": "aws",
        "region": "us-east-1",
        "account": "123456789012",
        "log-groups": ["yourloggroup"],
        "bucket": "yourdestination",
        "from": "1970-01-01",
        "to": "1973-11-29",
    });
    assert_eq!(import.input, expected);
    assert_eq!(
        import.filled,
        ["partition", "region", "account", "log-groups", "bucket", "from", "to"]
    );
    assert!(import.notes.iter().any(|n| n.contains("Task name yourtask")), "{:?}", import.notes);
    assert!(
        import.notes.iter().any(|n| n.contains("1973-11-29T21:33:09Z")),
        "{:?}",
        import.notes
    );
    assert!(import
        .notes
        .iter()
        .any(|n| n.contains("15e5e534-9548-44ab-a221-64d9d2b27b9b")));
    assert!(import
        .notes
        .iter()
        .any(|n| n.contains("arn:aws:iam::123456789012:user/someuser")));
}

#[test]
fn an_associate_kms_key_record_gives_a_valid_log_group_key_form() {
    let import = import_record(&fixture("associate-kms-key.json")).expect("imports");
    assert_eq!(import.scenario, ScenarioId::LogGroupKey);
    assert_eq!(import.input["log-groups"], json!(["/app/orders"]));
    assert_eq!(import.input["log-group-state"], json!("existing"));
    assert_eq!(
        import.input["key-arn"],
        json!("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
    );
    assert!(
        import
            .notes
            .iter()
            .any(|n| n.contains("arn:aws:iam::111122223333:role/Admin")),
        "the role, not its session"
    );
    assert_eq!(ScenarioId::LogGroupKey.run(&import.input).problems, vec![]);
}

#[test]
fn a_put_key_policy_record_reads_the_policy_string_and_its_log_group() {
    let import = import_record(&fixture("put-key-policy.json")).expect("imports");
    assert_eq!(import.scenario, ScenarioId::LogGroupKey);
    assert_eq!(
        import.input["key-arn"],
        json!("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
    );
    assert_eq!(
        (&import.input["scope"], &import.input["log-groups"]),
        (&json!("one-group"), &json!(["/app/orders"]))
    );
    let policy = import.policy.expect("the policy for the checker");
    assert_eq!(policy.kind, Some(PolicyKind::Key));
    assert_eq!(serious(&policy.text, PolicyKind::Key, false), Vec::<String>::new());
    assert_eq!(ScenarioId::LogGroupKey.run(&import.input).problems, vec![]);
}

#[test]
fn a_failed_call_shows_why_and_the_form_flags_the_key_id() {
    let import = import_record(&fixture("associate-kms-key-failed.json")).expect("imports");
    assert_eq!(
        import.notes[0],
        "The call failed: InvalidParameterException: The specified KMS Key Id could not be found."
    );
    assert!(import.notes[1].contains("full key ARN"), "{:?}", import.notes);
    let problems = ScenarioId::LogGroupKey.run(&import.input).problems;
    assert!(
        problems
            .iter()
            .any(|p| p.field == "key-arn" && p.message.contains("is a key ID")),
        "{problems:?}"
    );
}

#[test]
fn records_are_routed_by_event_and_target() {
    let record = |source: &str, name: &str, params: Value| {
        json!({"eventSource": source, "eventName": name, "awsRegion": "eu-west-1", "recipientAccountId": "111122223333", "requestParameters": params})
            .to_string()
    };
    let cases = [
        (
            record(
                "logs.amazonaws.com",
                "AssociateKmsKey",
                json!({"resourceIdentifier": "arn:aws:logs:eu-west-1:111122223333:query-result:*", "kmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/k"}),
            ),
            ScenarioId::QueryResultKey,
        ),
        (
            record(
                "logs.amazonaws.com",
                "AssociateKmsKey",
                json!({"resourceIdentifier": "arn:aws:logs:eu-west-1:111122223333:log-group:app"}),
            ),
            ScenarioId::LogGroupKey,
        ),
        (
            record(
                "logs.amazonaws.com",
                "PutResourcePolicy",
                json!({"policyName": "p", "policyDocument": "{\"Statement\": []}"}),
            ),
            ScenarioId::VendedLogs,
        ),
        (
            record(
                "logs.amazonaws.com",
                "PutDeliveryDestination",
                json!({"name": "d", "deliveryDestinationConfiguration": {"destinationResourceArn": "arn:aws:s3:::b"}}),
            ),
            ScenarioId::VendedLogs,
        ),
        (
            record(
                "s3.amazonaws.com",
                "PutBucketPolicy",
                json!({"bucketName": "b", "bucketPolicy": {"Statement": [{"Principal": {"Service": "delivery.logs.amazonaws.com"}}]}}),
            ),
            ScenarioId::VendedLogs,
        ),
        (
            record(
                "s3.amazonaws.com",
                "PutBucketPolicy",
                json!({"bucketName": "b", "bucketPolicy": {"Statement": [{"Principal": {"Service": "logs.eu-west-1.amazonaws.com"}}]}}),
            ),
            ScenarioId::S3Export,
        ),
        (
            record(
                "iam.amazonaws.com",
                "CreateServiceLinkedRole",
                json!({"aWSServiceName": "delivery.logs.amazonaws.com"}),
            ),
            ScenarioId::VendedLogs,
        ),
    ];
    for (text, scenario) in cases {
        assert_eq!(import_record(&text).map(|i| i.scenario), Ok(scenario), "{text}");
    }
    let group = import_record(&cases_text("arn:aws:logs:eu-west-1:111122223333:log-group:app:*")).expect("imports");
    assert_eq!(group.input["log-groups"], json!(["app"]));
    let destination = record(
        "logs.amazonaws.com",
        "PutDeliveryDestination",
        json!({"name": "d", "deliveryDestinationConfiguration": {"destinationResourceArn": "arn:aws:firehose:eu-west-1:222233334444:deliverystream/s"}}),
    );
    assert_eq!(
        import_record(&destination).expect("imports").input,
        json!({"partition": "aws", "region": "eu-west-1", "account": "111122223333", "delivery-destination-name": "d",
            "destination": "firehose", "delivery-stream": "s", "destination-account": "222233334444"})
    );
    let iam = import_record(&record("iam.amazonaws.com", "CreateServiceLinkedRole", json!({}))).expect("imports");
    assert!(iam.input.get("region").is_none() && iam.notes.iter().any(|n| n.contains("IAM is global")));
}

fn cases_text(resource_identifier: &str) -> String {
    json!({"eventSource": "logs.amazonaws.com", "eventName": "AssociateKmsKey", "awsRegion": "eu-west-1", "requestParameters": {"resourceIdentifier": resource_identifier}}).to_string()
}

#[test]
fn wrapped_and_quoted_records_import_like_the_bare_one() {
    let bare = import_record(&fixture("create-export-task.json")).expect("imports");
    let record: Value = serde_json::from_str(&fixture("create-export-task.json")).expect("JSON");
    let event_bridge =
        json!({"detail-type": "AWS API Call via CloudTrail", "source": "aws.logs", "detail": record}).to_string();
    let quoted = serde_json::to_string(&record.to_string()).expect("a JSON string");
    for text in [event_bridge, quoted] {
        assert_eq!(import_record(&text).map(|i| i.input), Ok(bare.input.clone()), "{text}");
    }
    let two = json!({"Records": [record, {"eventName": "x"}]}).to_string();
    assert!(import_record(&two)
        .expect("imports")
        .notes
        .iter()
        .any(|n| n.contains("2 records were pasted")));
}

#[test]
fn garbage_gives_a_located_error_never_a_panic() {
    let full = fixture("create-export-task.json");
    let end = full.trim_end().len();
    for cut in 0..end {
        let error = import_record(&full[..cut]).expect_err("a truncated record is not JSON");
        assert!(error.starts_with("line "), "{error}");
    }
    assert_eq!(
        import_record("{\"eventName\": }").unwrap_err(),
        "line 1, column 15: expected a value, found `}`"
    );
    let deep = "[".repeat(100_000);
    assert!(import_record(&deep).unwrap_err().starts_with("line 1, column "));
    for (text, words) in [
        ("null", "found null"),
        ("[]", "list of records is empty"),
        ("{\"Records\": []}", "list of records is empty"),
        ("{\"a\": 1}", "no \"eventName\""),
        ("\"not json\"", "in the quoted record, line 1, column 1"),
        ("{\"eventName\": \"RunInstances\", \"eventSource\": \"ec2.amazonaws.com\"}", "not a call of these setups"),
        ("{\"eventName\": \"CreateExportTask\", \"eventSource\": \"logs.amazonaws.com\", \"requestParameters\": {\"from\": -5e99, \"to\": \"soon\"}}", ""),
    ] {
        match import_record(text) {
            Err(e) => assert!(e.contains(words), "{text}: {e}"),
            Ok(import) => assert!(import.input.get("from").is_none() && import.notes.iter().any(|n| n.contains("not a time")), "{text}"),
        }
    }
}
