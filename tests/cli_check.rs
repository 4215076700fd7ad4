//! `cwlogs-policy check --format sarif` and `check --scenario`, and the validator on AWS's own
//! documented examples: clean once their placeholders are filled, with each documented defect caught.

use serde_json::Value;
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cwlogs-policy"))
        .args(args)
        .output()
        .expect("run cwlogs-policy")
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("cwlogs-cli-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

const OPEN_BUCKET: &str = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::my-bucket/*\"}\n  ]\n}";

#[test]
fn sarif_output_has_the_rules_and_located_results() {
    let file = temp("open-bucket.json", OPEN_BUCKET);
    let out = cli(&["check", "--type", "bucket", "--format", "sarif", &file]);
    assert_eq!(out.status.code(), Some(0), "security findings are not errors");
    let log = json_of(&out);
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() >= 30);
    let sec001 = rules.iter().find(|r| r["id"] == "SEC001").expect("SEC001 described");
    assert!(sec001["helpUri"]
        .as_str()
        .unwrap()
        .starts_with("https://docs.aws.amazon.com/"));
    assert!(sec001["help"]["text"].as_str().unwrap().contains("## Why it matters"));
    let result = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "SEC001")
        .expect("SEC001 result");
    assert_eq!(result["level"], "warning");
    assert_eq!(rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"], "SEC001");
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], file.as_str());
    let line = OPEN_BUCKET.lines().nth(3).unwrap();
    let column = line.find("\"*\"").unwrap() as u64 + 1;
    let region = &location["region"];
    assert_eq!(region["startLine"], 4);
    assert_eq!(region["startColumn"], column);
    assert_eq!(region["endLine"], 4);
    assert_eq!(region["endColumn"], column + 3);
    assert!(!result["message"]["text"].as_str().unwrap().is_empty());
}

#[test]
fn sarif_of_an_error_still_exits_one() {
    let file = temp(
        "lockout.json",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Deny", "Principal": "*", "Action": "kms:PutKeyPolicy", "Resource": "*"}]}"#,
    );
    let out = cli(&["check", "--format", "sarif", &file]);
    assert_eq!(out.status.code(), Some(1));
    let log = json_of(&out);
    assert!(log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["ruleId"] == "SEC004" && r["level"] == "error"));
}

/// `build SCENARIO FLAGS` then `check --scenario SCENARIO FLAGS` on each document: no error or
/// security finding.
fn bundle_is_clean_in_its_scenario(scenario: &str, flags: &[&str]) {
    let mut build = vec!["build", scenario];
    build.extend_from_slice(flags);
    let out = cli(&build);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let bundle = json_of(&out);
    for doc in bundle["documents"].as_array().unwrap() {
        let file = temp(
            &format!("{scenario}-{}", doc["file_name"].as_str().unwrap()),
            &serde_json::to_string_pretty(&doc["policy"]).unwrap(),
        );
        let kind = doc["kind"].as_str().unwrap();
        let mut check = vec!["check", "--type", kind, "--format", "json", "--scenario", scenario];
        if doc["fragment"] == true {
            check.push("--statements");
        }
        check.extend_from_slice(flags);
        check.push(&file);
        let out = cli(&check);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{scenario} {}: {}",
            doc["file_name"],
            String::from_utf8_lossy(&out.stdout)
        );
        let findings = &json_of(&out)[0]["findings"];
        let bad: Vec<&Value> = findings
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error" || f["severity"] == "security")
            .collect();
        assert!(bad.is_empty(), "{scenario} {}: {bad:?}", doc["file_name"]);
    }
}

#[test]
fn generated_bundles_are_clean_in_their_own_scenario() {
    let place = ["--region", "eu-west-1", "--account", "111122223333"];
    bundle_is_clean_in_its_scenario(
        "log-group-key",
        &[
            &place[..],
            &[
                "--scope",
                "several-groups",
                "--log-group",
                "/app/a",
                "--log-group",
                "/app/b",
            ],
        ]
        .concat(),
    );
    bundle_is_clean_in_its_scenario("query-result-key", &place);
    bundle_is_clean_in_its_scenario("s3-export", &[&place[..], &["--bucket", "my-exported-logs"]].concat());
    bundle_is_clean_in_its_scenario("vended-logs", &place);
    bundle_is_clean_in_its_scenario(
        "vended-logs",
        &[&place[..], &["--destination", "s3", "--bucket", "my-vended-logs"]].concat(),
    );
    let kms = "arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let cross = [
        "--destination-account",
        "444455556666",
        "--delivery-destination-name",
        "central",
    ];
    bundle_is_clean_in_its_scenario(
        "vended-logs",
        &[&place[..], &cross, &["--destination", "s3", "--key-arn", kms]].concat(),
    );
    bundle_is_clean_in_its_scenario("vended-logs", &[&place[..], &cross].concat());
    bundle_is_clean_in_its_scenario("vended-logs", &[&place[..], &["--destination", "firehose"]].concat());
    let rotate = [
        "--log-group-state",
        "existing",
        "--rotate-from",
        "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    ];
    let caller = [
        "--caller-permission",
        "key-policy",
        "--caller",
        "arn:aws:iam::111122223333:role/app",
    ];
    bundle_is_clean_in_its_scenario("log-group-key", &[&place[..], &rotate, &caller].concat());
    let export = [
        "--bucket",
        "central-logs",
        "--bucket-account",
        "444455556666",
        "--key-arn",
        kms,
    ];
    bundle_is_clean_in_its_scenario(
        "s3-export",
        &[
            &place[..],
            &export,
            &["--caller", "arn:aws:iam::111122223333:role/exporter"],
        ]
        .concat(),
    );
}

#[test]
fn a_policy_for_another_region_fails_in_the_scenario() {
    let out = cli(&[
        "build",
        "log-group-key",
        "--region",
        "eu-west-1",
        "--account",
        "111122223333",
        "--log-group",
        "/app/a",
    ]);
    let bundle = json_of(&out);
    let key = bundle["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "key")
        .unwrap();
    let file = temp("key-eu.json", &serde_json::to_string_pretty(&key["policy"]).unwrap());
    let same = cli(&[
        "check",
        "--scenario",
        "log-group-key",
        "--region",
        "eu-west-1",
        "--account",
        "111122223333",
        "--log-group",
        "/app/a",
        &file,
    ]);
    assert_eq!(same.status.code(), Some(0), "{}", String::from_utf8_lossy(&same.stdout));
    let other = cli(&[
        "check",
        "--format",
        "json",
        "--scenario",
        "log-group-key",
        "--region",
        "us-east-2",
        "--account",
        "111122223333",
        "--log-group",
        "/app/a",
        &file,
    ]);
    assert_eq!(other.status.code(), Some(1));
    let findings = json_of(&other)[0]["findings"].clone();
    assert!(
        findings.as_array().unwrap().iter().any(|f| f["code"] == "CWL002"),
        "{findings}"
    );
}

#[test]
fn scenario_flag_problems_are_usage_errors() {
    let file = temp("open-bucket-2.json", OPEN_BUCKET);
    let unknown = cli(&["check", "--scenario", "vended-logs", "--scope", "all", &file]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("--scope: not a field of vended-logs"));
    let bad_value = cli(&["check", "--scenario", "log-group-key", "--account", "12345", &file]);
    assert_eq!(bad_value.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_value.stderr).contains("--account"));
    let without_scenario = cli(&["check", "--region", "eu-west-1", &file]);
    assert_eq!(without_scenario.status.code(), Some(2));
}

/// An AWS documentation fixture with every placeholder replaced by a real-looking value.
fn documented(file: &str) -> String {
    let path = format!("{}/tests/fixtures/aws-docs/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text = if text.trim_start().starts_with("{\n  \"Sid\"") || !text.contains("\"Statement\"") {
        format!("{{\"Version\": \"2012-10-17\", \"Statement\": [{text}]}}")
    } else {
        text
    };
    text.replace("Your_account_ID", "111122223333")
        .replace("account-id", "111122223333")
        .replace("account_id", "111122223333")
        .replace("\"account-ARN\"", "\"arn:aws:iam::111122223333:root\"")
        .replace("AAAAAAAAAAAA", "111122223333")
        .replace("BBBBBBBBBBBB", "444455556666")
        .replace("0123456789", "111122223333")
        .replace(".region.", ".us-east-1.")
        .replace(".Region.", ".us-east-1.")
        .replace(":region:", ":us-east-1:")
        .replace("log-group:log-group-name", "log-group:/app/orders")
        .replace("role/role_name", "role/orders-app")
        .replace("key/key_id", "key/1234abcd-12ab-34cd-56ef-1234567890ab")
        .replace("amzn-s3-demo-bucket", "my-exported-logs")
        .replace("arn:aws:service:", "arn:aws:bedrock:")
        .replace(
            "service:AllowVendedLogDeliveryForResource",
            "bedrock:AllowVendedLogDeliveryForResource",
        )
        .replace("resource-type/*", "knowledge-base/*")
        .replace("bucket-name", "my-vended-logs")
}

fn kind_of(file: &str) -> &'static str {
    match file {
        f if f.contains("trust") => "trust",
        "vended-log-group-policy.json" | "vended-v2-cross-delivery-destination-policy.json" => "log-resource",
        "s3-export-bucket-policy.json"
        | "vended-v1-bucket-policy.json"
        | "s3-export-cross-account-bucket-statement.json" => "bucket",
        f if f.starts_with("key-")
            || f.contains("key-policy")
            || f.contains("key-statement")
            || f == "old-key-decrypt-only.json" =>
        {
            "key"
        }
        _ => "identity",
    }
}

#[test]
fn every_documented_example_has_no_error_or_security_finding_once_filled_in() {
    let dir = format!("{}/tests/fixtures/aws-docs", env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name == "s3-export-bucket-encryption.json" {
            continue;
        }
        let text = documented(&name);
        let kind = cwlogs_policy::policy::PolicyKind::from_cli_name(kind_of(&name)).unwrap();
        // AWS shows these as statements to add to an existing policy, not a whole policy.
        let analysis = if name.contains("statement") {
            cwlogs_policy::analyze_fragment(&text, kind)
        } else {
            cwlogs_policy::analyze(&text, kind)
        };
        let errors: Vec<_> = analysis
            .findings
            .iter()
            .filter(|f| matches!(f.severity, cwlogs_policy::lint::Severity::Error | cwlogs_policy::lint::Severity::Security))
            .map(|f| (f.code, &f.message))
            .collect();
        assert!(errors.is_empty(), "{name} as {}: {errors:?}\n{text}", kind_of(&name));
        checked += 1;
    }
    assert!(checked >= 20, "checked {checked} examples");
}

fn codes(text: &str, kind: &str) -> Vec<&'static str> {
    let analysis = cwlogs_policy::analyze(text, cwlogs_policy::policy::PolicyKind::from_cli_name(kind).unwrap());
    analysis.findings.iter().map(|f| f.code).collect()
}

#[test]
fn the_defects_of_aws_examples_are_caught() {
    // §2.2: aws:SourceArn names us-east-1 while the principal names the placeholder Region.
    let path = format!(
        "{}/tests/fixtures/aws-docs/query-result-key-policy.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let query = std::fs::read_to_string(path).unwrap();
    assert!(codes(&query, "key").contains(&"CWL002"));
    // The same defect with real Regions is an error.
    let real = query.replace("logs.region.amazonaws.com", "logs.eu-west-1.amazonaws.com");
    let analysis = cwlogs_policy::analyze(&real, cwlogs_policy::policy::PolicyKind::Key);
    assert!(analysis
        .findings
        .iter()
        .any(|f| f.code == "CWL002" && f.severity == cwlogs_policy::lint::Severity::Error));
    // §3.3: the blog's export key statement grants only kms:GenerateDataKey.
    let blog = documented("s3-export-key-policy.json").replace(
        "\"kms:GenerateDataKey\",\n                \"kms:Decrypt\"",
        "\"kms:GenerateDataKey\"",
    );
    assert!(codes(&blog, "key").contains(&"CWL005"), "{blog}");
    // §1.7 step 8: the old key's decrypt-only statement has no condition.
    assert!(codes(&documented("old-key-decrypt-only.json"), "key").contains(&"SEC002"));
    // §1.3 written with the log group ARN AWS's DescribeLogGroups `arn` field gives (with :*).
    let starred =
        documented("key-policy-one-log-group.json").replace("log-group:/app/orders\"", "log-group:/app/orders:*\"");
    assert!(codes(&starred, "key").contains(&"CWL001"));
    // §3.2 / §6.5: amzn-s3-demo-bucket is a reserved documentation name S3 refuses to create.
    let path = format!(
        "{}/tests/fixtures/aws-docs/s3-export-bucket-policy.json",
        env!("CARGO_MANIFEST_DIR")
    );
    assert!(codes(&std::fs::read_to_string(path).unwrap(), "bucket").contains(&"CWL015"));
    // §4.3: the seed's V2 bucket policy used a different aws:SourceArn in its two statements.
    let v2 = documented("vended-v1-bucket-policy.json").replacen(
        "\"arn:aws:logs:us-east-1:111122223333:*\"",
        "\"arn:aws:logs:us-east-1:111122223333:delivery-source:*\"",
        1,
    );
    assert!(codes(&v2, "bucket").contains(&"CWL013"), "{v2}");
    // §4.6: AWS's delivery destination policy names another destination than the one created.
    let wrong = documented("vended-v2-cross-delivery-destination-policy.json")
        .replace("my-s3-delivery-destination", "my-delivery-destination");
    let file = temp("destination-policy.json", &wrong);
    let flags = [
        "--region",
        "us-east-1",
        "--account",
        "123456789012",
        "--destination-account",
        "111122223333",
        "--source-resource-arn",
        "arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB12345678",
        "--destination",
        "s3",
        "--bucket",
        "my-vended-logs",
        "--delivery-destination-name",
        "my-s3-delivery-destination",
    ];
    let check = [
        "check",
        "--type",
        "log-resource",
        "--format",
        "json",
        "--scenario",
        "vended-logs",
    ];
    let out = cli(&[&check[..], &flags, &[file.as_str()]].concat());
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(json_of(&out)[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "CWL016"));
}

#[test]
fn statements_to_merge_are_checked_as_such() {
    let file = temp(
        "statement.json",
        r#"{"Version": "2012-10-17", "Statement": [{"Sid": "Allow Vended Logs Delivery", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], "Resource": "*", "Condition": {"StringEquals": {"aws:SourceAccount": ["111122223333"]}, "ArnLike": {"aws:SourceArn": ["arn:aws:logs:us-east-1:111122223333:delivery-source:*"]}}}]}"#,
    );
    let whole = cli(&["check", "--format", "json", &file]);
    assert_eq!(whole.status.code(), Some(1), "as a whole key policy KMS would refuse it");
    assert_eq!(json_of(&whole)[0]["findings"][0]["code"], "SEC004");
    let merged = cli(&["check", "--statements", "--format", "json", &file]);
    assert_eq!(merged.status.code(), Some(0), "{}", String::from_utf8_lossy(&merged.stdout));
    assert_eq!(json_of(&merged)[0]["findings"], serde_json::json!([]));
}
