//! The validator on two mistakes AWS does not always refuse but that make a statement match
//! nothing (issue 11, item 11): an S3 ARN whose bucket name S3 does not allow, and a key policy
//! whose `Resource` names an alias instead of `"*"`. Neither may touch what the builder generates
//! or what AWS documents.

use cwlogs_policy::analyze;
use cwlogs_policy::lint::{Finding, Severity};
use cwlogs_policy::policy::PolicyKind;
use cwlogs_policy::scenarios::ScenarioId;

mod scenario_inputs;

const BUCKET_NAME: &str = "IAM036";
const KEY_ALIAS: &str = "IAM037";

fn of_code(text: &str, kind: PolicyKind, code: &str) -> Vec<Finding> {
    analyze(text, kind).findings.into_iter().filter(|f| f.code == code).collect()
}

/// A three-line policy whose second statement line holds `resource`.
fn with_resource(principal: &str, action: &str, resource: &str) -> String {
    format!(
        "{{\"Version\": \"2012-10-17\", \"Statement\": [{{\"Effect\": \"Allow\",{principal} \"Action\": \"{action}\",\n  \"Resource\": [\"*\",\n    \"{resource}\"]}}]}}"
    )
}

#[test]
fn a_bucket_name_s3_does_not_allow_is_at_least_a_warning_on_its_line() {
    let service = " \"Principal\": {\"Service\": \"logs.us-east-1.amazonaws.com\"},";
    for (name, words) in [("My-Exported-Logs", "uppercase"), ("my_exported_logs", "\"_\""), ("my>logs", "\">\"")] {
        for (kind, principal) in [(PolicyKind::Bucket, service), (PolicyKind::Identity, "")] {
            let resource = format!("arn:aws:s3:::{name}/exportedlogs/*");
            let text = with_resource(principal, "s3:PutObject", &resource);
            let found = of_code(&text, kind, BUCKET_NAME);
            assert_eq!(found.len(), 1, "{kind:?} {name}: {found:?}");
            assert!(matches!(found[0].severity, Severity::Warning | Severity::Error), "{:?}", found[0].severity);
            assert_eq!(found[0].line, 3, "{name}");
            assert_eq!(&text[found[0].start..found[0].end], format!("\"{resource}\""));
            assert!(found[0].message.contains(name) && found[0].message.contains(words), "{}", found[0].message);
        }
    }
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*",
  "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::Source_Bucket"}}}]}"#;
    let found = of_code(text, PolicyKind::Bucket, BUCKET_NAME);
    assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), [2], "{found:?}");
}

#[test]
fn valid_wildcard_and_variable_bucket_names_and_other_s3_arns_pass() {
    for resource in [
        "arn:aws:s3:::my-exported-logs",
        "arn:aws:s3:::my-exported-logs/Exports_2024/*",
        "arn:aws-cn:s3:::logs.2024/*",
        "arn:aws:s3:::my-logs-*",
        "arn:aws:s3:::*/AWSLogs/*",
        "arn:aws:s3:::${aws:PrincipalTag/team}-logs/*",
        "arn:aws:s3:::amzn-s3-demo-bucket/*",
        "arn:aws:s3:us-east-1:111122223333:accesspoint/My_Access_Point",
        "arn:aws:logs:us-east-1:111122223333:log-group:My_Group",
    ] {
        let text = with_resource("", "s3:PutObject", resource);
        assert_eq!(of_code(&text, PolicyKind::Identity, BUCKET_NAME), vec![], "{resource}");
    }
}

#[test]
fn an_alias_as_a_key_policy_resource_is_at_least_a_warning_on_its_line() {
    let role = " \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/log-exporter\"},";
    for alias in ["arn:aws:kms:us-east-1:111122223333:alias/export-key", "alias/export-key"] {
        let text = with_resource(role, "kms:Decrypt", alias);
        let found = of_code(&text, PolicyKind::Key, KEY_ALIAS);
        assert_eq!(found.len(), 1, "{alias}: {found:?}");
        assert!(matches!(found[0].severity, Severity::Warning | Severity::Error));
        assert_eq!(found[0].line, 3);
        assert_eq!(&text[found[0].start..found[0].end], format!("\"{alias}\""));
        assert!(found[0].message.contains("alias"), "{}", found[0].message);
        assert!(found[0].help.as_deref().unwrap_or_default().contains("\"*\""), "{:?}", found[0].help);
    }
    // A key ARN still means this key; an alias in an IAM policy is IAM's business, not the key's.
    let key_arn = with_resource(role, "kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    assert_eq!(of_code(&key_arn, PolicyKind::Key, KEY_ALIAS), vec![]);
    let identity = with_resource("", "kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:alias/export-key");
    assert_eq!(of_code(&identity, PolicyKind::Identity, KEY_ALIAS), vec![]);
}

#[test]
fn no_generated_document_gets_either_finding() {
    let mut checked = 0;
    for (id, input) in scenario_inputs::inputs() {
        let outcome = id.run(&input);
        let Some(bundle) = outcome.bundle else { continue };
        for doc in &bundle.documents {
            let text = cwlogs_policy::policy::print(&doc.policy);
            for code in [BUCKET_NAME, KEY_ALIAS] {
                assert_eq!(of_code(&text, doc.kind, code), vec![], "{id:?} {input} {}", doc.file_name);
            }
            checked += 1;
        }
    }
    assert!(checked > 20, "{checked}");
    assert!(ScenarioId::ALL.len() >= 4);
}

#[test]
fn no_documented_example_gets_either_finding() {
    let dir = format!("{}/tests/fixtures/aws-docs", env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        let text = if text.contains("\"Statement\"") {
            text
        } else {
            format!("{{\"Version\": \"2012-10-17\", \"Statement\": [{text}]}}")
        };
        for kind in PolicyKind::ALL {
            for code in [BUCKET_NAME, KEY_ALIAS] {
                assert_eq!(of_code(&text, kind, code), vec![], "{} as {kind:?}", path.display());
            }
        }
        checked += 1;
    }
    assert!(checked >= 20, "{checked}");
}
