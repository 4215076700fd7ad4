//! `cwlogs-policy diff`, `merge` and `simulate` as a CI pipeline runs them: output and exit codes.
#![cfg(not(target_arch = "wasm32"))]

use cwlogs_policy::json::parse_document;
use cwlogs_policy::policy::{lower, print};
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cwlogs-policy"))
        .args(args)
        .output()
        .expect("run cwlogs-policy")
}

/// Writes `text` to a file of this test run's temporary directory and returns its path.
fn fixture(name: &str, text: &str) -> String {
    let dir: PathBuf = std::env::temp_dir().join(format!("cwlogs-cli-policies-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON on stdout ({e}): {}\nstderr: {}", stdout(out), stderr(out)))
}

/// A key policy for log group `app` in eu-west-1, as a user wrote it.
const EXISTING: &str = r#"{
  "Version": "2012-10-17",
  "Id": "key-default-1",
  "Statement": [
    {
      "Sid": "Enable IAM User Permissions",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "kms:*",
      "Resource": "*"
    },
    {
      "Sid": "Allow CWL Service Principal usage",
      "Effect": "Allow",
      "Principal": {"Service": ["logs.eu-west-1.amazonaws.com"]},
      "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      "Resource": ["*"],
      "Condition": {
        "ArnEquals": {
          "kms:EncryptionContext:aws:logs:arn": ["arn:aws:logs:eu-west-1:111122223333:log-group:app"]
        }
      }
    }
  ]
}"#;

/// The same policy as `get-key-policy` returns it: account id for the root ARN, one-element
/// arrays collapsed, keys and statements reordered.
const AWS_REWRITE: &str = r#"{
  "Id": "key-default-1",
  "Version": "2012-10-17",
  "Statement": [
    {
      "Condition": {
        "ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:111122223333:log-group:app"}
      },
      "Resource": "*",
      "Action": ["kms:Describe*", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:Decrypt", "kms:Encrypt"],
      "Principal": {"Service": "logs.eu-west-1.amazonaws.com"},
      "Effect": "Allow",
      "Sid": "Allow CWL Service Principal usage"
    },
    {
      "Sid": "Enable IAM User Permissions",
      "Principal": {"AWS": "111122223333"},
      "Effect": "Allow",
      "Resource": "*",
      "Action": "kms:*"
    }
  ]
}"#;

/// The CloudWatch Logs statement without its encryption-context condition: any log group may use the key.
const BROADENED: &str = r#"{
  "Version": "2012-10-17",
  "Id": "key-default-1",
  "Statement": [
    {
      "Sid": "Enable IAM User Permissions",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "kms:*",
      "Resource": "*"
    },
    {
      "Sid": "Allow CWL Service Principal usage",
      "Effect": "Allow",
      "Principal": {"Service": "logs.eu-west-1.amazonaws.com"},
      "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      "Resource": "*"
    }
  ]
}"#;

/// A comma missing at line 4, column 5.
const MISSING_COMMA: &str = concat!(
    "{\n  \"Version\": \"2012-10-17\",\n",
    "  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"kms:Decrypt\"\n",
    "    \"kms:Encrypt\"]}]\n}"
);

/// A statement already in EXISTING (written differently) and one that is not: CloudWatch Logs in us-east-1.
const REQUIRED: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Enable IAM User Permissions",
      "Effect": "Allow",
      "Principal": {"AWS": "111122223333"},
      "Action": "kms:*",
      "Resource": "*"
    },
    {
      "Sid": "Allow CWL Service Principal usage",
      "Effect": "Allow",
      "Principal": {"Service": "logs.us-east-1.amazonaws.com"},
      "Action": ["kms:Encrypt", "kms:Decrypt"],
      "Resource": "*"
    }
  ]
}"#;

/// Narrower than EXISTING's CloudWatch Logs statement, so already covered by it.
const COVERED: &str = r#"{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Principal": {"Service": "logs.eu-west-1.amazonaws.com"},
    "Action": "kms:Decrypt",
    "Resource": "*",
    "Condition": {
      "ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:111122223333:log-group:app"}
    }
  }
}"#;

// diff

#[test]
fn diff_of_the_form_aws_returns_is_no_change() {
    let (a, b) = (fixture("existing.json", EXISTING), fixture("rewrite.json", AWS_REWRITE));
    let out = cli(&["diff", &a, &b]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).starts_with("no changes"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("\n~ "), "{}", stdout(&out));

    let out = cli(&["diff", "--format", "json", &a, &b]);
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(report["equivalent"], true);
    assert_eq!(report["changes"], serde_json::json!([]));
    assert_eq!(report["new_access"], serde_json::json!([]));
    let lines = report["lines"].as_array().unwrap();
    assert!(
        !lines.is_empty() && lines.iter().all(|l| l["tag"] == "Equal"),
        "{lines:?}"
    );
}

#[test]
fn diff_json_lists_a_broadening_change_and_who_gains_access() {
    let (a, b) = (
        fixture("existing2.json", EXISTING),
        fixture("broadened.json", BROADENED),
    );
    let out = cli(&["diff", "--type", "key", "--format", "json", &a, &b]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["equivalent"], false);
    let changes = report["changes"].as_array().unwrap();
    assert!(
        changes.iter().any(|c| c["field"] == "Condition"
            && c["kind"] == "Removed"
            && c["impact"] == "Broadening"
            && c["old"]["statement"] == 1
            && c["new"]["statement"] == 1),
        "{changes:?}"
    );
    let access = report["new_access"].as_array().unwrap();
    assert!(
        access.iter().any(|a| a["gained"] == true
            && a["sentence"]
                .as_str()
                .unwrap()
                .starts_with("logs.eu-west-1.amazonaws.com ")
            && a["sentence"].as_str().unwrap().contains("this key")),
        "{access:?}"
    );
    let lines = report["lines"].as_array().unwrap();
    assert!(lines
        .iter()
        .any(|l| l["tag"] == "Delete" && l["text"].as_str().unwrap().contains("ArnEquals")));
}

#[test]
fn diff_text_has_a_line_per_change_the_access_and_the_line_diff() {
    let (a, b) = (
        fixture("existing3.json", EXISTING),
        fixture("broadened3.json", BROADENED),
    );
    let out = cli(&["diff", &a, &b]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("~ Statement[2] \"Allow CWL Service Principal usage\": Condition - ArnEquals")
            && text.contains("(broadening)"),
        "{text}"
    );
    assert!(text.contains("access:\n  + logs.eu-west-1.amazonaws.com"), "{text}");
    assert!(
        text.contains(&format!("--- {a} (canonical)\n+++ {b} (canonical)\n {{\n")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with('-') && l.contains("\"ArnEquals\": {")),
        "{text}"
    );
}

#[test]
fn diff_of_bad_json_exits_two_with_the_location() {
    let bad = fixture("bad-diff.json", MISSING_COMMA);
    let good = fixture("existing4.json", EXISTING);
    let out = cli(&["diff", &good, &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(err.contains(&format!("{bad}:4:5: ")), "{err}");
    assert!(err.contains("comma is missing"), "{err}");
    assert_eq!(cli(&["diff", &good, "/nonexistent/policy.json"]).status.code(), Some(2));
    assert_eq!(cli(&["diff", "--type", "bogus", &good, &good]).status.code(), Some(2));
}

// merge

#[test]
fn merge_keeps_the_existing_statements_and_appends_the_missing_one() {
    let (a, b) = (fixture("existing5.json", EXISTING), fixture("required.json", REQUIRED));
    let out = cli(&["merge", &a, &b]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let printed_existing = print(&lower(&parse_document(EXISTING).unwrap()));
    let kept = printed_existing
        .strip_suffix("\n  ]\n}")
        .expect("printed policies end with the statement array");
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("{kept},\n    {{\n")),
        "existing statements byte for byte, then the new one:\n{text}"
    );

    let merged = json(&out);
    let existing: Value = serde_json::from_str(EXISTING).unwrap();
    let statements = merged["Statement"].as_array().unwrap();
    assert_eq!(statements.len(), 3);
    assert_eq!(statements[..2], existing["Statement"].as_array().unwrap()[..]);
    assert_eq!(merged["Id"], "key-default-1");
    let added = &statements[2];
    assert_eq!(added["Principal"]["Service"], "logs.us-east-1.amazonaws.com");
    assert_eq!(
        added["Sid"], "Allow CWL Service Principal usage2",
        "a taken Sid gets a number"
    );

    let err = stderr(&out);
    assert!(
        err.contains("added 1 statement: Statement[3] \"Allow CWL Service Principal usage2\""),
        "{err}"
    );
    assert!(
        err.contains("skipped 1 statement already covered: Statement[1] \"Enable IAM User Permissions\" of NEW"),
        "{err}"
    );
    assert!(
        err.contains("renamed Sid \"Allow CWL Service Principal usage\" to \"Allow CWL Service Principal usage2\""),
        "{err}"
    );
    assert!(err.contains(" of 32768 bytes"), "{err}");
}

#[test]
fn merge_of_a_covered_statement_adds_nothing() {
    let (a, b) = (fixture("existing6.json", EXISTING), fixture("covered.json", COVERED));
    let out = cli(&["merge", &a, &b]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("{}\n", print(&lower(&parse_document(EXISTING).unwrap())))
    );
    let err = stderr(&out);
    assert!(err.contains("added 0 statements"), "{err}");
    assert!(err.contains("skipped 1 statement already covered"), "{err}");
}

#[test]
fn an_over_limit_merge_is_printed_and_exits_one() {
    let resources: Vec<String> = (0..1000)
        .map(|i| format!("arn:aws:logs:eu-west-1:111122223333:log-group:/app/service-{i}"))
        .collect();
    let big = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "Many",
            "Effect": "Allow",
            "Principal": {"Service": "logs.eu-west-1.amazonaws.com"},
            "Action": "kms:Decrypt",
            "Resource": "*",
            "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": resources}}
        }]
    });
    let (a, b) = (
        fixture("existing7.json", EXISTING),
        fixture("big.json", &big.to_string()),
    );
    let out = cli(&["merge", &a, &b]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        json(&out)["Statement"].as_array().unwrap().len(),
        3,
        "printed all the same"
    );
    assert!(
        stderr(&out).contains("over the KMS key policy limit"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn merge_rejects_bad_json() {
    let bad = fixture("bad-merge.json", MISSING_COMMA);
    let out = cli(&["merge", &bad, &fixture("existing8.json", EXISTING)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains(&format!("{bad}:4:5: ")), "{}", stderr(&out));
}

#[test]
fn merge_takes_the_get_key_policy_json_answer_and_prints_the_bare_policy() {
    // `aws kms get-key-policy` without --output text: the policy is a string inside the answer.
    // Issue 14: merged as the policy inside; put-key-policy takes the bare document, so that is
    // what is printed (it used to be refused).
    let answer = serde_json::json!({"Policy": EXISTING, "PolicyName": "default"}).to_string();
    let (a, b) = (fixture("wrapped-existing.json", &answer), fixture("required2.json", REQUIRED));
    let out = cli(&["merge", &a, &b]);
    let plain = cli(&["merge", &fixture("plain-existing.json", EXISTING), &b]);
    assert_eq!(out.status.code(), plain.status.code(), "{}", stderr(&out));
    assert_eq!(stdout(&out), stdout(&plain), "the same merge as of the bare policy");
    assert!(json(&out)["Statement"].is_array());
    assert!(stderr(&out).contains("is AWS CLI output; the merged policy below is the bare document"), "{}", stderr(&out));
}

#[test]
fn merge_refuses_an_existing_policy_it_could_not_read_whole() {
    let unknown = EXISTING.replacen("\"Version\"", "\"Comment\": \"owned by the platform team\",\n  \"Version\"", 1);
    assert_ne!(unknown, EXISTING);
    let (a, b) = (fixture("unknown-top.json", &unknown), fixture("required3.json", REQUIRED));
    let out = cli(&["merge", &a, &b]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(err.contains("could not be read (Comment)"), "{err}");
    assert!(err.contains(&format!("{a}:2:3: IAM001")), "{err}");
}

// simulate

const KEY_ARN: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/// The key policy `build log-group-key` makes for log group /app/orders, written to a file.
fn generated_key_policy(name: &str) -> String {
    let out = cli(&[
        "build",
        "log-group-key",
        "--region",
        "us-east-1",
        "--account",
        "123456789012",
        "--log-groups",
        "/app/orders",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bundle = json(&out);
    let doc = &bundle["documents"][0];
    assert_eq!(doc["kind"], "key");
    fixture(name, &serde_json::to_string_pretty(&doc["policy"]).unwrap())
}

/// CloudWatch Logs asking for a data key for `log_group`.
fn logs_request(name: &str, log_group: &str) -> String {
    let request = serde_json::json!({
        "principal": {"service": "logs.us-east-1.amazonaws.com"},
        "action": "kms:GenerateDataKey",
        "resource": KEY_ARN,
        "context": {
            "kms:EncryptionContext:aws:logs:arn": format!("arn:aws:logs:us-east-1:123456789012:log-group:{log_group}")
        }
    });
    fixture(name, &request.to_string())
}

#[test]
fn simulate_allows_cloudwatch_logs_for_its_log_group() {
    let policy = generated_key_policy("generated1.json");
    let request = logs_request("orders.json", "/app/orders");
    let out = cli(&["simulate", "--policy", &policy, "--type", "key", "--request", &request]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("allow\n"), "{text}");
    assert!(
        text.contains(&format!(
            "deciding statements:\n  KMS key policy {policy}, statement 2 \"Allow CloudWatch Logs to use the key\"\n"
        )),
        "{text}"
    );
    assert!(text.contains("reasons:\n  - allow: "), "{text}");

    let out = cli(&[
        "simulate",
        "--policy",
        &policy,
        "--request",
        &request,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let decision = json(&out);
    assert_eq!(decision["effect"], "Allow");
    assert_eq!(
        decision["deciding"],
        serde_json::json!([{"policy": "resource", "index": 1, "sid": "Allow CloudWatch Logs to use the key"}])
    );
}

#[test]
fn simulate_denies_another_log_groups_context() {
    let policy = generated_key_policy("generated2.json");
    let request = logs_request("other.json", "/app/other");
    let out = cli(&[
        "simulate",
        "--policy",
        &policy,
        "--request",
        &request,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let decision = json(&out);
    assert_eq!(decision["effect"], "ImplicitDeny");
    assert_eq!(decision["deciding"], serde_json::json!([]));
    let reasons: Vec<&str> = decision["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("statement 2") && r.contains("/app/other")),
        "{reasons:?}"
    );
}

#[test]
fn simulate_names_the_deny_statement_that_decides() {
    let generated = generated_key_policy("generated3.json");
    let deny = fixture(
        "deny.json",
        r#"{"Version": "2012-10-17", "Statement": [{
            "Sid": "DenyOtherApps",
            "Effect": "Deny",
            "Principal": {"Service": "logs.us-east-1.amazonaws.com"},
            "Action": "kms:*",
            "Resource": "*",
            "Condition": {"ArnLike": {
                "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:123456789012:log-group:/app/other*"
            }}
        }]}"#,
    );
    let merged = cli(&["merge", &generated, &deny]);
    assert_eq!(merged.status.code(), Some(0), "{}", stderr(&merged));
    let policy = fixture("generated3-merged.json", &stdout(&merged));

    let out = cli(&[
        "simulate",
        "--policy",
        &policy,
        "--request",
        &logs_request("other3.json", "/app/other"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let decision = json(&out);
    assert_eq!(decision["effect"], "ExplicitDeny");
    assert_eq!(
        decision["deciding"],
        serde_json::json!([{"policy": "resource", "index": 2, "sid": "DenyOtherApps"}])
    );

    let out = cli(&[
        "simulate",
        "--policy",
        &policy,
        "--request",
        &logs_request("orders3.json", "/app/orders"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the deny leaves /app/orders alone: {}",
        stdout(&out)
    );
}

#[test]
fn simulate_weighs_identity_policies() {
    let policy = generated_key_policy("generated4.json");
    let identity = fixture(
        "identity.json",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}]}"#,
    );
    let request = fixture(
        "role.json",
        &serde_json::json!({
            "principal": {"aws": "arn:aws:iam::123456789012:role/app"},
            "action": "kms:Decrypt",
            "resource": KEY_ARN
        })
        .to_string(),
    );
    let denied = cli(&["simulate", "--policy", &policy, "--request", &request]);
    assert_eq!(denied.status.code(), Some(1), "{}", stdout(&denied));
    assert!(stdout(&denied).starts_with("implicit deny\n"), "{}", stdout(&denied));

    let out = cli(&[
        "simulate",
        "--policy",
        &policy,
        "--identity",
        &identity,
        "--request",
        &request,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!("  identity policy 1 {identity}, statement 1\n")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn simulate_rejects_an_invalid_request_or_policy() {
    let policy = generated_key_policy("generated5.json");
    let request = fixture(
        "bad-request.json",
        r#"{"principal": "bob", "action": "kms:Decrypt", "resource": "*"}"#,
    );
    let out = cli(&["simulate", "--policy", &policy, "--request", &request]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("invalid request: principal \"bob\" is not understood") && err.contains("line 1 column"),
        "{err}"
    );

    let unknown_field = fixture(
        "bad-request2.json",
        r#"{"principal": "anonymous", "action": "kms:Decrypt", "resource": "*", "extra": 1}"#,
    );
    let out = cli(&["simulate", "--policy", &policy, "--request", &unknown_field]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown field `extra`"), "{}", stderr(&out));

    let bad = fixture("bad-simulate.json", MISSING_COMMA);
    let out = cli(&[
        "simulate",
        "--policy",
        &bad,
        "--request",
        &logs_request("orders5.json", "/app/orders"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&format!("{bad}:4:5: ")), "{}", stderr(&out));
    assert_eq!(
        cli(&["simulate", "--request", &request]).status.code(),
        Some(2),
        "a policy is needed"
    );
}

/// `diff`'s text for every pair in tests/fixtures/diff, kept in tests/fixtures/diff/cli-text.txt:
/// the change lines (marks, `Statement[N] "Sid"`, moves, impact words) as the CLI printed them
/// before it used the page's renderer, so that reuse changed no byte.
#[test]
fn diff_text_of_every_fixture_pair_is_unchanged() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut cases: Vec<(String, Value)> = names
        .iter()
        .map(|name| (name.clone(), serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()))
        .collect();
    // A statement that moved and changed: the line names its new place and `(was [N])`.
    let logs = |actions: Value| serde_json::json!({"Sid": "Logs", "Effect": "Allow",
        "Principal": {"Service": "logs.eu-west-1.amazonaws.com"}, "Action": actions, "Resource": "*"});
    let admin = serde_json::json!({"Sid": "Admin", "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"});
    cases.push(("moved".to_owned(), serde_json::json!({"kind": "key",
        "existing": {"Version": "2012-10-17", "Statement": [admin, logs(serde_json::json!("kms:Encrypt"))]},
        "new": {"Version": "2012-10-17", "Statement": [logs(serde_json::json!(["kms:Encrypt", "kms:Decrypt"])), admin]}})));
    let mut all = String::new();
    for (name, case) in &cases {
        let existing = fixture("golden-existing.json", &serde_json::to_string_pretty(&case["existing"]).unwrap());
        let new = fixture("golden-new.json", &serde_json::to_string_pretty(&case["new"]).unwrap());
        let kind = case["kind"].as_str().unwrap().replace('_', "-");
        let out = cli(&["diff", "--type", &kind, &existing, &new]);
        all.push_str(&format!("## {name} (exit {:?})\n", out.status.code()));
        // The file names differ from run to run only in their directory; the rest is the output.
        all.push_str(&stdout(&out).replace(&existing, "EXISTING").replace(&new, "NEW"));
    }
    let golden = dir.join("cli-text.txt");
    if std::env::var_os("CLI_DIFF_GOLDEN_WRITE").is_some() {
        std::fs::write(&golden, &all).unwrap();
    }
    let expected = std::fs::read_to_string(&golden).expect("tests/fixtures/diff/cli-text.txt");
    // The first line that differs, with the case it is in: the whole text is 400 lines.
    let mut case = "";
    for (n, (got, want)) in all.lines().zip(expected.lines()).enumerate() {
        if want.starts_with("## ") {
            case = want;
        }
        assert_eq!(got, want, "line {} of cli-text.txt differs, in {case}", n + 1);
    }
    assert_eq!(all.lines().count(), expected.lines().count(), "cli-text.txt has another line count");
}
