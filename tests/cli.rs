//! The `cwlogs-policy` command as a CI pipeline runs it: output formats and exit codes.

use cwlogs_policy::scenarios::ScenarioId;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cwlogs-policy")).args(args).output().expect("run cwlogs-policy")
}

fn fixture(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("cwlogs-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

const GOOD: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Enable IAM User Permissions",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "kms:*",
      "Resource": "*"
    }
  ]
}"#;

const MISSING_COMMA: &str = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"kms:Decrypt\"\n    \"kms:Encrypt\"]}]\n}";

#[test]
fn a_clean_policy_exits_zero() {
    let out = cli(&["check", &fixture("good.json", GOOD)]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 error(s)"));
}

#[test]
fn json_output_lists_located_findings_and_exits_one_on_errors() {
    let bad = fixture("bad.json", MISSING_COMMA);
    let good = fixture("good2.json", GOOD);
    let out = cli(&["check", "--format", "json", &bad, &good]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let files = report.as_array().unwrap();
    assert_eq!(files.len(), 2);
    let finding = &files[0]["findings"][0];
    assert_eq!(finding["code"], "JSON001");
    assert_eq!(finding["severity"], "error");
    assert_eq!((finding["line"].as_u64(), finding["column"].as_u64()), (Some(4), Some(5)));
    assert!(finding["message"].as_str().unwrap().contains("comma is missing"));
    assert_eq!(files[1]["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn text_output_shows_the_line_with_a_caret() {
    let out = cli(&["check", &fixture("bad2.json", MISSING_COMMA)]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("bad2.json:4:5: error[JSON001]"), "{text}");
    assert!(text.contains("4 |     \"kms:Encrypt\"]}]"), "{text}");
    assert!(text.contains("  |     ^^^^^^^^^^^^^"), "{text}");
}

#[test]
fn the_type_flag_changes_what_is_legal() {
    let identity = fixture("identity.json", GOOD);
    let out = cli(&["check", "--type", "identity", "--format", "json", &identity]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = report[0]["findings"].as_array().unwrap().iter().filter_map(|f| f["code"].as_str()).collect();
    assert!(codes.contains(&"IAM008"), "a Principal in an identity policy is flagged: {codes:?}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cwlogs-policy"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"{\"Statement\": [}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("-:1:16: error[JSON001]"));
}

#[test]
fn unreadable_files_and_bad_usage_exit_two() {
    assert_eq!(cli(&["check", "/nonexistent/policy.json"]).status.code(), Some(2));
    assert_eq!(cli(&["check", "--type", "bogus", "x.json"]).status.code(), Some(2));
    assert_eq!(cli(&["check"]).status.code(), Some(2));
}

#[test]
fn build_prints_documents_and_steps_as_json() {
    let out = cli(&[
        "build", "log-group-key", "--region", "eu-west-1", "--account", "123456789012",
        "--scope", "several-groups", "--log-groups", "/app/orders", "--log-group", "/app/billing",
        "--caller", "arn:aws:iam::123456789012:role/app", "--caller-permission", "iam-policy",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let bundle: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(bundle["scenario"], "log-group-key");
    let docs = bundle["documents"].as_array().unwrap();
    assert_eq!(docs.iter().map(|d| d["kind"].as_str().unwrap()).collect::<Vec<_>>(), ["key", "identity"]);
    let context = &docs[0]["policy"]["Statement"][1]["Condition"]["ArnEquals"]["kms:EncryptionContext:aws:logs:arn"];
    assert_eq!(
        context,
        &serde_json::json!(["arn:aws:logs:eu-west-1:123456789012:log-group:/app/orders", "arn:aws:logs:eu-west-1:123456789012:log-group:/app/billing"]),
        "--log-groups and its alias --log-group add up, in order"
    );
    assert!(docs.iter().all(|d| d["name"].is_string()));
    let steps = bundle["steps"].as_array().unwrap();
    assert!(steps.iter().any(|s| s["command"].as_str().unwrap().contains("aws iam put-role-policy --role-name app")));
    assert!(steps.iter().all(|s| s["title"].is_string() && s["events"].is_array()));
}

#[test]
fn callers_go_in_the_key_policy_when_asked_for_explicitly() {
    let out = cli(&[
        "build", "log-group-key", "--callers", "arn:aws:iam::111122223333:role/app", "--caller-permission", "key-policy",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let bundle: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let key_policy = bundle["documents"][0]["policy"].to_string();
    assert!(key_policy.contains("arn:aws:iam::111122223333:role/app"), "{key_policy}");
    assert_eq!(bundle["documents"].as_array().unwrap().len(), 1, "no separate IAM policy");
}

#[test]
fn build_rejects_bad_inputs_naming_the_flag() {
    let out = cli(&["build", "log-group-key", "--region", "eu-west-1", "--account", "12345", "--log-group", "aws/x"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error: --account: \"12345\" has 5 digits"), "{err}");
    assert!(err.contains("error: --log-groups: \"aws/x\""), "{err}");
    assert!(out.stdout.is_empty());

    let out = cli(&["build", "log-group-key", "--scope", "everything"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("everything") && err.contains("--scope") && err.contains("several-groups"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn several_log_groups_need_the_several_groups_scope() {
    let out = cli(&["build", "log-group-key", "--log-group", "/app/orders", "--log-group", "/app/billing"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error: --log-groups:") && err.contains("choose \"several log groups\""), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_check_flag_is_on_bare_and_off_with_false() {
    let rotation = [
        "build", "log-group-key", "--log-group-state", "existing",
        "--rotate-from", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    ];
    let old_key_policy = |flag: Option<&str>| {
        let mut args = rotation.to_vec();
        args.extend(flag);
        let out = cli(&args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{flag:?}: {err}");
        let bundle: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let docs = bundle["documents"].as_array().unwrap();
        let old = docs.iter().find(|d| d["file_name"] == "old-key-policy.json").expect("the old key's policy");
        (old["policy"].to_string(), err)
    };
    let condition = "kms:EncryptionContext:aws:logs:arn";
    // Off by default: AWS's decrypt-only form, which also reads data written without the context.
    let (policy, err) = old_key_policy(None);
    assert!(!policy.contains(condition) && err.is_empty(), "off by default: {err}");
    for on in ["--keep-context-on-old-key", "--keep-context-on-old-key=true"] {
        let (policy, err) = old_key_policy(Some(on));
        assert!(policy.contains(condition), "{on}");
        assert!(err.contains("warning: --keep-context-on-old-key:") && err.contains("unreadable"), "{on}: {err}");
    }
    assert!(!old_key_policy(Some("--keep-context-on-old-key=false")).0.contains(condition));
    let out = cli(&[rotation.as_slice(), &["--keep-context-on-old-key", "false"]].concat());
    assert_eq!(out.status.code(), Some(2), "a bool value needs the = form");
}

#[test]
fn every_scenario_has_a_build_subcommand_documenting_each_field() {
    for id in ScenarioId::ALL {
        let out = cli(&["build", id.cli_name(), "--help"]);
        assert_eq!(out.status.code(), Some(0), "{id:?}");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains(id.title()), "{id:?}: {help}");
        for field in id.fields() {
            assert!(help.contains(&format!("--{}", field.name)), "{id:?} --help lacks --{}:\n{help}", field.name);
            assert!(help.contains(field.label), "{id:?} --help lacks {:?}:\n{help}", field.label);
            for line in field.hint.lines() {
                assert!(help.contains(line), "{id:?} --help lacks the hint of --{}:\n{help}", field.name);
            }
            if let Some(alias) = field.cli_alias {
                assert!(help.contains(&format!("--{alias}")), "{id:?} --help lacks --{alias}:\n{help}");
            }
        }
    }
}

#[test]
fn every_scenario_builds_from_its_defaults() {
    for id in ScenarioId::ALL {
        let out = cli(&["build", id.cli_name()]);
        assert_eq!(out.status.code(), Some(0), "{id:?}: {}", String::from_utf8_lossy(&out.stderr));
        let bundle: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON bundle");
        assert_eq!(bundle["scenario"], id.cli_name());
        for member in ["documents", "files", "steps", "notes"] {
            assert!(bundle[member].is_array(), "{id:?}: {member}");
        }
    }
}

#[test]
fn rules_lists_every_rule_and_prints_one_rules_docs() {
    let out = cli(&["rules"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().any(|l| l.starts_with("IAM005") && l.contains("effect-value")), "{text}");
    let doc = String::from_utf8_lossy(&cli(&["rules", "iam005"]).stdout).to_string();
    assert!(doc.contains("## Why it matters"), "{doc}");
    assert_eq!(cli(&["rules", "NOPE999"]).status.code(), Some(2));
}

#[test]
fn an_alias_arn_as_the_key_is_a_field_error_naming_describe_key() {
    let alias = "arn:aws:kms:us-east-1:111122223333:alias/my-key";
    let rotating_from_alias = [
        "build", "log-group-key", "--log-group-state", "existing", "--rotate-from", alias,
    ];
    let cases: [&[&str]; 3] = [
        &[
            "build", "log-group-key", "--key-arn", alias, "--log-group-state", "existing",
            "--caller-permission", "iam-policy", "--callers", "arn:aws:iam::111122223333:role/app",
        ],
        &["build", "query-result-key", "--key-arn", alias],
        &rotating_from_alias,
    ];
    for args in cases {
        let out = cli(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}: no bundle is printed");
        assert!(
            err.contains("error: --") && err.contains("aws kms describe-key --region us-east-1 --key-id alias/my-key"),
            "{args:?}: {err}"
        );
    }
}
