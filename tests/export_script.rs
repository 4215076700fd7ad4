//! Runs every scenario's exported bash script (`set -euo pipefail`) against a stub `aws` first on
//! PATH: the script must finish, write each document byte for byte, survive the errors AWS gives
//! in normal situations (a bucket without a policy or ownership controls, a service-linked role
//! that exists), and stop at the first call that fails in any other way.
#![cfg(unix)]

use cwlogs_policy::export::{export, Format};
use cwlogs_policy::scenarios::{Bundle, ScenarioId};
use serde_json::{json, Value};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

mod scenario_inputs;

/// Logs `SERVICE OPERATION ARGS…` one call a line; answers `AWS_STUB_FAIL` lines
/// (`operation|stderr text`) like the CLI does for a service error (exit 254), and prints the
/// first `AWS_STUB_OUTPUT` line's (`operation|stdout text`, or `operation@text in the
/// arguments|stdout text`) text on success; for get-key-policy without `--query Policy`, followed
/// by the PolicyName column as the CLI's text output adds it.
const AWS_STUB: &str = r#"#!/usr/bin/env bash
printf '%s\n' "$*" >> "$AWS_STUB_LOG"
printf '%s %s\n' "$2" "${AWS_PROFILE:-none}" >> "$AWS_STUB_LOG.profiles"
while IFS='|' read -r operation message; do
  if [ -n "$operation" ] && [ "$operation" = "$2" ]; then
    printf '\n%s\n' "$message" >&2
    exit 254
  fi
done <<< "${AWS_STUB_FAIL:-}"
# GetKeyPolicy answers Policy and PolicyName; text output prints both, sorted by key, tab-separated.
column=""
if [ "$2" = get-key-policy ] && [[ " $* " != *" --query Policy "* ]]; then column=$'\tdefault'; fi
while IFS='|' read -r operation text; do
  needle=""
  if [[ "$operation" == *@* ]]; then needle="${operation#*@}"; operation="${operation%%@*}"; fi
  if [ -n "$operation" ] && [ "$operation" = "$2" ] && [[ " $* " == *"$needle"* ]]; then
    printf '%s%s\n' "$text" "$column"
    exit 0
  fi
done <<< "${AWS_STUB_OUTPUT:-}"
exit 0
"#;

/// The query-result check waits 10 s for the query; the stub answers at once, so waiting is skipped.
/// Each wait is logged among the calls' profiles (`sleep SECONDS`), so its place between calls shows.
const SLEEP_STUB: &str = "#!/bin/sh\nprintf 'sleep %s\\n' \"$*\" >> \"$AWS_STUB_LOG.profiles\"\nexit 0\n";

/// The ARN `create-key` answers with.
const STUB_KEY_ARN: &str = "arn:aws:kms:us-east-1:111122223333:key/5555abcd-12ab-34cd-56ef-1234567890ab";

/// A statement already in the bucket or key policy, which the merge steps must keep.
const EXISTING_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"KeepMe","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"*"}]}"#;

/// The errors AWS gives in normal situations, which the steps expect.
fn expected_failures() -> Vec<(&'static str, String)> {
    vec![
        ("get-bucket-policy", error("NoSuchBucketPolicy", "get-bucket-policy", "The bucket policy does not exist")),
        (
            "get-bucket-ownership-controls",
            error(
                "OwnershipControlsNotFoundError",
                "get-bucket-ownership-controls",
                "The bucket ownership controls were not found",
            ),
        ),
        (
            "create-service-linked-role",
            error(
                "InvalidInput",
                "create-service-linked-role",
                "Service role name AWSServiceRoleForLogDelivery has been taken in this account, please try a different suffix.",
            ),
        ),
    ]
}

/// `An error occurred (CODE) when calling the Operation operation: message`, as the CLI prints it.
fn error(code: &str, operation: &str, message: &str) -> String {
    let camel: String = operation
        .split('-')
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    format!("An error occurred ({code}) when calling the {camel} operation: {message}")
}

fn access_denied(operation: &str) -> String {
    error("AccessDenied", operation, "Access Denied")
}

/// The shared inputs, plus the states they leave out: existing buckets, a given query-result
/// key, an audit rule with and without a topic.
fn cases() -> Vec<(ScenarioId, Value)> {
    let mut all = scenario_inputs::inputs();
    let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let exporter = "arn:aws:iam::123456789012:role/log-export";
    all.extend([
        (
            ScenarioId::S3Export,
            json!({"bucket-state": "existing", "callers": [exporter], "key-arn": "arn:aws:kms:us-east-1:123456789012:key/2234abcd-12ab-34cd-56ef-1234567890ab"}),
        ),
        (
            ScenarioId::S3Export,
            json!({"bucket-state": "existing", "key-arn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}),
        ),
        (
            ScenarioId::S3Export,
            json!({"bucket-state": "existing", "bucket-account": "444455556666", "callers": [exporter], "encryption": "sse-s3"}),
        ),
        (ScenarioId::QueryResultKey, json!({"key-arn": key})),
        (ScenarioId::AuditTrail, json!({"sns-topic-arn": ""})),
    ]);
    all
}

fn bundle(id: ScenarioId, input: &Value) -> Bundle {
    let outcome = id.run(input);
    assert!(!outcome.has_errors(), "{id:?} {input}: {:?}", outcome.problems);
    outcome.bundle.expect("bundle")
}

fn bash_missing() -> bool {
    let found = Command::new("bash")
        .arg("-c")
        .arg("exit 0")
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        eprintln!("skipped: bash is not on PATH, so the exported scripts cannot be run");
    }
    !found
}

struct Run {
    code: Option<i32>,
    /// `SERVICE OPERATION` of each aws call, in order.
    calls: Vec<String>,
    stderr: String,
    dir: PathBuf,
}

impl Run {
    fn read(&self, file: &str) -> Option<String> {
        std::fs::read_to_string(self.dir.join(file)).ok()
    }

    fn position(&self, operation: &str) -> Option<usize> {
        self.calls.iter().position(|c| c.ends_with(&format!(" {operation}")))
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Writes the script and the stubs into a new temp dir and runs the script there with `bash`.
fn run(script: &str, failures: &[(&str, String)]) -> Run {
    run_answering(script, failures, &[])
}

/// `run`, with `answers` (operation, output) taking precedence over the stub's usual output.
fn run_answering(script: &str, failures: &[(&str, String)], answers: &[(&str, String)]) -> Run {
    run_with(
        script,
        failures,
        answers,
        &[
            ("SOURCE_PROFILE", "source-profile"),
            ("DESTINATION_PROFILE", "destination-profile"),
            ("EXPORTER_PROFILE", "exporter-profile"),
            ("SETUP_PROFILE", "setup-profile"),
            ("SOURCE_SETUP_PROFILE", "source-setup-profile"),
            ("DESTINATION_SETUP_PROFILE", "destination-setup-profile"),
        ],
    )
}

/// `run_answering` with the given profile variables only, the user's merges made beforehand.
fn run_with(script: &str, failures: &[(&str, String)], answers: &[(&str, String)], profiles: &[(&str, &str)]) -> Run {
    run_in(None, true, script, failures, answers, profiles)
}

/// The merged files a script waits for (`if [ ! -s FILE ]; then … exit 3`).
fn awaited_merges(script: &str) -> Vec<&str> {
    script
        .lines()
        .filter_map(|l| l.strip_prefix("if [ ! -s ")?.strip_suffix(" ]; then"))
        .collect()
}

/// Runs `script` in `dir` (a new temp dir when None). With `merged`, each file the script waits
/// for is written first, standing for the merge the user made and checked (the policy already
/// there: the stub's backup).
fn run_in(
    dir: Option<PathBuf>,
    merged: bool,
    script: &str,
    failures: &[(&str, String)],
    answers: &[(&str, String)],
    profiles: &[(&str, &str)],
) -> Run {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let dir = dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!(
            "cwlogs-export-script-{}-{}",
            std::process::id(),
            RUNS.fetch_add(1, Ordering::Relaxed)
        ))
    });
    let bin = dir.join("stub-bin");
    std::fs::create_dir_all(&bin).unwrap();
    if merged {
        for file in awaited_merges(script) {
            std::fs::write(dir.join(file), EXISTING_POLICY).unwrap();
        }
    }
    write_executable(&bin.join("aws"), AWS_STUB);
    write_executable(&bin.join("sleep"), SLEEP_STUB);
    std::fs::write(dir.join("script.sh"), script).unwrap();
    let log = dir.join("aws-calls.log");
    let lines = |pairs: &[(&str, String)]| {
        pairs
            .iter()
            .map(|(op, text)| format!("{op}|{text}\n"))
            .collect::<String>()
    };
    let outputs = [
        answers,
        &[
            ("get-bucket-policy", EXISTING_POLICY.to_owned()),
            ("get-key-policy", EXISTING_POLICY.to_owned()),
            // The look-up for a task a run before this one started finds none (JSON output).
            ("describe-export-tasks@taskName", "null".to_owned()),
            ("describe-export-tasks", "COMPLETED".to_owned()),
            // A created key has an ARN, and a log group reports the key it was just given, so a
            // rotation's wait for the new key ends at once.
            ("create-key", STUB_KEY_ARN.to_owned()),
            ("describe-log-groups", STUB_KEY_ARN.to_owned()),
        ],
    ]
    .concat();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let output = Command::new("bash")
        .arg("script.sh")
        .current_dir(&dir)
        .env_clear()
        .env("PATH", path)
        .env("AWS_STUB_LOG", &log)
        .env("AWS_STUB_FAIL", lines(failures))
        .env("AWS_STUB_OUTPUT", lines(&outputs))
        // What the steps ask the user to set (`${VAR:?…}`) before they run.
        .env("SETUP_ROLE", "delivery-setup")
        .env("SOURCE_SETUP_ROLE", "source-setup")
        .env("DESTINATION_SETUP_ROLE", "destination-setup")
        .env("LOG_GROUP", "/app/orders")
        .envs(profiles.iter().copied())
        .output()
        .expect("bash runs");
    let calls = std::fs::read_to_string(&log)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
        .collect();
    Run {
        code: output.status.code(),
        calls,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        dir,
    }
}

fn write_executable(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Every document and file the heredocs wrote, compared with the bundle's text.
fn assert_documents_written(run: &Run, bundle: &Bundle, what: &str) {
    let written = bundle
        .documents
        .iter()
        .map(|d| (d.file_name.as_str(), d.text()))
        .chain(bundle.files.iter().map(|f| (f.file_name.as_str(), f.content.clone())));
    for (file, text) in written {
        let got = run
            .read(file)
            .unwrap_or_else(|| panic!("{what}: {file} was not written"));
        assert_eq!(
            got.trim_end_matches('\n'),
            text.trim_end_matches('\n'),
            "{what}: {file}"
        );
    }
}

/// `merged`'s statements are `kept`'s followed by those of the document `added`; false when no
/// step made `merged`.
fn assert_merged(run: &Run, merged: &str, kept: &[Value], added: &str, what: &str) -> bool {
    let Some(text) = run.read(merged) else { return false };
    let got: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{what}: {merged}: {e}\n{text}"));
    let document: Value = serde_json::from_str(&run.read(added).unwrap()).unwrap();
    let mut expected = kept.to_vec();
    expected.extend(document["Statement"].as_array().unwrap().iter().cloned());
    assert_eq!(got["Statement"], Value::Array(expected), "{what}: {merged}");
    true
}

fn existing_statements() -> Vec<Value> {
    serde_json::from_str::<Value>(EXISTING_POLICY).unwrap()["Statement"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn every_script_runs_to_the_end_and_writes_the_documents() {
    if bash_missing() {
        return;
    }
    let (mut calls, mut merges, mut scripts) = (0, 0, 0);
    for (id, input) in cases() {
        let bundle = bundle(id, &input);
        let what = format!("{id:?} {input}");
        let run = run(&export(&bundle, Format::Script), &[]);
        assert_eq!(run.code, Some(0), "{what}\n{}", run.stderr);
        assert!(
            !run.calls.is_empty() || bundle.steps.iter().all(|s| s.events.is_empty()),
            "{what}"
        );
        scripts += 1;
        calls += run.calls.len();
        assert_documents_written(&run, &bundle, &what);
        // The merges keep the statements already there and add the new ones.
        let kept = existing_statements();
        // The jq merge of vended-logs; elsewhere bucket-policy.merged.json is the user's own merge.
        if id == ScenarioId::VendedLogs {
            merges += assert_merged(&run, "bucket-policy.merged.json", &kept, "bucket-policy.json", &what) as usize;
        }
        if run.read("key-policy-statement.json").is_some() {
            merges += assert_merged(&run, "key-policy.json", &kept, "key-policy-statement.json", &what) as usize;
        }
    }
    println!("{scripts} scripts ran, {calls} aws calls, {merges} merges checked");
    assert!(
        calls >= 200 && merges >= 4,
        "only {calls} aws calls made, {merges} merges checked"
    );
}

#[test]
fn the_errors_aws_gives_in_normal_situations_do_not_stop_the_script() {
    if bash_missing() {
        return;
    }
    let (mut survived, mut empty_merges) = ([0; 3], 0);
    for (id, input) in cases() {
        let bundle = bundle(id, &input);
        let what = format!("{id:?} {input}");
        let script = export(&bundle, Format::Script);
        let all_succeed = run(&script, &[]);
        let failing = run(&script, &expected_failures());
        assert_eq!(failing.code, Some(0), "{what}\n{}", failing.stderr);
        assert_eq!(failing.calls, all_succeed.calls, "{what}: every later step still runs");
        assert_documents_written(&failing, &bundle, &what);
        for (n, (operation, message)) in expected_failures().iter().enumerate() {
            if failing.position(operation).is_some() {
                survived[n] += 1;
                assert!(
                    failing.stderr.contains(message),
                    "{what}: the error is shown\n{}",
                    failing.stderr
                );
            }
        }
        // Without a bucket policy the merge starts from an empty one.
        empty_merges += assert_merged(&failing, "bucket-policy.merged.json", &[], "bucket-policy.json", &what) as usize;
        if let (Some(get), Some(put)) = (
            failing.position("get-bucket-policy"),
            failing.position("put-bucket-policy"),
        ) {
            assert!(get < put, "{what}: {:?}", failing.calls);
        }
    }
    println!("scripts that met each expected failure: {survived:?}; merges from no policy: {empty_merges}");
    assert!(
        survived.iter().all(|n| *n > 0) && empty_merges > 0,
        "{survived:?} {empty_merges}"
    );
}

#[test]
fn any_other_failure_stops_the_script_at_that_call() {
    if bash_missing() {
        return;
    }
    let mut checked = 0;
    for (id, input) in cases() {
        let bundle = bundle(id, &input);
        let script = export(&bundle, Format::Script);
        let all_succeed = run(&script, &[]);
        let mut operations: Vec<&str> = all_succeed.calls.iter().map(|c| c.split(' ').nth(1).unwrap()).collect();
        operations.sort();
        operations.dedup();
        for operation in operations {
            let what = format!("{id:?} {input}: {operation} denied");
            let denied = run(&script, &[(operation, access_denied(operation))]);
            assert_ne!(denied.code, Some(0), "{what}");
            let first = all_succeed.position(operation).unwrap();
            assert_eq!(
                denied.calls,
                all_succeed.calls[..=first],
                "{what}: nothing runs after the failed call"
            );
            assert!(
                denied.stderr.contains("(AccessDenied)"),
                "{what}: the error is shown\n{}",
                denied.stderr
            );
            checked += 1;
        }
    }
    println!("{checked} denied calls checked");
    assert!(checked >= 100, "only {checked} failing calls checked");
}

#[test]
fn an_existing_bucket_without_a_policy_gets_one_and_a_denied_backup_stops_before_it() {
    if bash_missing() {
        return;
    }
    let bundle = bundle(ScenarioId::S3Export, &json!({"bucket-state": "existing", "encryption": "sse-s3"}));
    let script = export(&bundle, Format::Script);
    let none_yet = run(&script, &expected_failures());
    assert_eq!(none_yet.code, Some(0), "{}", none_yet.stderr);
    let get = none_yet.position("get-bucket-policy").expect("backed up");
    let put = none_yet.position("put-bucket-policy").expect("applied");
    assert!(get < put, "{:?}", none_yet.calls);
    assert!(none_yet.position("create-export-task").is_some_and(|n| n > put));

    let denied = run(&script, &[("get-bucket-policy", access_denied("get-bucket-policy"))]);
    assert_ne!(denied.code, Some(0));
    assert_eq!(denied.calls.last().map(String::as_str), Some("s3api get-bucket-policy"));
    assert!(denied.position("put-bucket-policy").is_none(), "{:?}", denied.calls);
}

#[test]
fn a_failed_export_task_stops_the_script_before_the_next_log_group() {
    if bash_missing() {
        return;
    }
    let bundle = bundle(
        ScenarioId::S3Export,
        &json!({"log-groups": ["/app/orders", "/app/payments"]}),
    );
    let script = export(&bundle, Format::Script);
    let exports = |r: &Run| r.calls.iter().filter(|c| c.ends_with(" create-export-task")).count();
    let completed = run(&script, &[]);
    assert_eq!(completed.code, Some(0), "{}", completed.stderr);
    assert_eq!(exports(&completed), 2);

    let failed = run_answering(&script, &[], &[("describe-export-tasks@--task-id", "FAILED".to_owned())]);
    assert_ne!(failed.code, Some(0), "a FAILED task must stop the script");
    assert_eq!(exports(&failed), 1, "{:?}", failed.calls);
    assert!(failed.stderr.contains("FAILED"), "{}", failed.stderr);
}

#[test]
fn a_rotation_reduces_the_old_key_only_once_the_log_group_reports_the_new_key() {
    if bash_missing() {
        return;
    }
    let new_key = "arn:aws:kms:us-east-1:111122223333:key/5555abcd-12ab-34cd-56ef-1234567890ab";
    let old_key = "arn:aws:kms:us-east-1:111122223333:key/0000abcd-12ab-34cd-56ef-1234567890ab";
    let bundle = bundle(
        ScenarioId::LogGroupKey,
        &json!({"log-group-state": "existing", "rotate-from": old_key}),
    );
    let script = export(&bundle, Format::Script);
    let old_key_changed = |r: &Run| r.calls.iter().any(|c| c == "kms put-key-policy");
    let after = |r: &Run, operation: &str| r.calls.iter().rposition(|c| c.ends_with(&format!(" {operation}")));

    let switched = run_answering(
        &script,
        &[],
        &[("create-key", new_key.to_owned()), ("describe-log-groups", new_key.to_owned())],
    );
    assert_eq!(switched.code, Some(0), "{}", switched.stderr);
    let (associate, last_describe, reduce) = (
        switched.position("associate-kms-key").expect("associated"),
        after(&switched, "describe-log-groups").expect("polled"),
        after(&switched, "put-key-policy").expect("old key reduced"),
    );
    assert!(associate < last_describe && last_describe < reduce, "{:?}", switched.calls);

    // The log group keeps reporting the old key: the script gives up and leaves the old key alone.
    let stuck = run_answering(
        &script,
        &[],
        &[("create-key", new_key.to_owned()), ("describe-log-groups", old_key.to_owned())],
    );
    assert_ne!(stuck.code, Some(0), "the script must stop");
    assert!(!old_key_changed(&stuck), "{:?}", stuck.calls);
    assert!(stuck.stderr.contains(old_key), "the user is told which key it still uses: {}", stuck.stderr);
}

/// `OPERATION PROFILE` of each aws call: the profile the script ran it with.
fn profiles(run: &Run) -> Vec<String> {
    run.read("aws-calls.log.profiles").unwrap_or_default().lines().map(str::to_owned).collect()
}

#[test]
fn a_cross_account_script_runs_each_accounts_steps_with_that_accounts_profile() {
    if bash_missing() {
        return;
    }
    let bundle = bundle(
        ScenarioId::VendedLogs,
        &json!({"destination-account": "444455556666", "destination": "s3", "bucket": "orders-logs"}),
    );
    let script = export(&bundle, Format::Script);
    let done = run(&script, &[]);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let calls = profiles(&done);
    for (operation, profile) in [
        ("put-role-policy", "source-profile"),
        ("put-role-policy", "destination-profile"),
        ("put-delivery-source", "source-setup-profile"),
        ("put-delivery-destination", "destination-setup-profile"),
        ("put-delivery-destination-policy", "destination-setup-profile"),
        ("get-bucket-policy", "destination-setup-profile"),
        ("put-bucket-policy", "destination-setup-profile"),
        ("create-delivery", "source-setup-profile"),
        ("describe-deliveries", "source-setup-profile"),
    ] {
        assert!(calls.contains(&format!("{operation} {profile}")), "{operation} with {profile}: {calls:?}");
    }
    assert!(script.contains("destination account 444455556666"), "{script}");

    // Without the profiles nothing runs: one set of credentials cannot do both accounts' steps.
    let unset = run_with(&script, &[], &[], &[]);
    assert_ne!(unset.code, Some(0));
    assert!(unset.calls.is_empty(), "{:?}", unset.calls);
    assert!(unset.stderr.contains("SOURCE_PROFILE"), "{}", unset.stderr);
}

/// An existing key's or bucket's policy is never replaced by the tool's alone: the script backs it
/// up and stops (exit 3) before put-key-policy / put-bucket-policy until the user's merge exists,
/// then applies that merge; a re-run keeps the first backup, the policy as it was before the tool.
#[test]
fn an_existing_key_or_bucket_policy_is_replaced_only_by_the_users_merge() {
    if bash_missing() {
        return;
    }
    let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let cases = [
        (ScenarioId::LogGroupKey, json!({"log-group-state": "existing", "key-arn": key}), "put-key-policy", "key-policy.backup.json", "key-policy.merged.json"),
        (ScenarioId::LogGroupKey, json!({"log-group-state": "existing", "rotate-from": key}), "put-key-policy", "old-key-policy.backup.json", "old-key-policy.merged.json"),
        (ScenarioId::QueryResultKey, json!({"key-arn": key}), "put-key-policy", "key-policy.backup.json", "key-policy.merged.json"),
        (ScenarioId::S3Export, json!({"key-arn": key}), "put-key-policy", "key-policy.backup.json", "key-policy.merged.json"),
        (ScenarioId::S3Export, json!({"bucket-state": "existing", "encryption": "sse-s3"}), "put-bucket-policy", "bucket-policy.backup.json", "bucket-policy.merged.json"),
    ];
    for (id, input, put, backup, merged) in cases {
        let what = format!("{id:?} {input}");
        let bundle = bundle(id, &input);
        let script = export(&bundle, Format::Script);
        assert!(awaited_merges(&script).contains(&merged), "{what}: no wait for {merged}");
        let first = run_in(None, false, &script, &[], &[], &[("SOURCE_PROFILE", "s"), ("DESTINATION_PROFILE", "d")]);
        assert_eq!(first.code, Some(3), "{what}: {}", first.stderr);
        assert!(first.stderr.contains("Stopped before replacing"), "{what}: {}", first.stderr);
        // A rotation's old key loses its CloudWatch Logs grant for a decrypt-only one: merge would
        // keep the grant and add the new statement beside it (review M3 of 2026-12-08).
        let rotation = merged.starts_with("old-");
        assert_eq!(first.stderr.contains("cwlogs-policy merge old-"), false, "{what}: {}", first.stderr);
        assert_eq!(first.stderr.contains("deleted and old-key-policy.json's statements in their place"), rotation, "{what}: {}", first.stderr);
        assert_eq!(first.read(backup).as_deref().map(str::trim), Some(EXISTING_POLICY), "{what}");
        // Not a single policy is replaced before the merge exists (a rotation's new key has none yet).
        assert!(!first.calls.iter().any(|c| c.ends_with(put) && !c.contains("create")), "{what}: {:?}", first.calls);
        // The user merges; the re-run, whose get-key-policy would now return the tool's policy,
        // keeps the original backup and applies the merge.
        std::fs::write(first.dir.join(merged), EXISTING_POLICY).unwrap();
        let tools = r#"{"Version":"2012-10-17","Statement":[]}"#.to_owned();
        let again = run_in(
            Some(first.dir.clone()),
            false,
            &script,
            &[],
            &[("get-key-policy", tools.clone()), ("get-bucket-policy", tools)],
            &[("SOURCE_PROFILE", "s"), ("DESTINATION_PROFILE", "d")],
        );
        assert_eq!(again.code, Some(0), "{what}: {}", again.stderr);
        assert_eq!(again.read(backup).as_deref().map(str::trim), Some(EXISTING_POLICY), "{what}: the backup was overwritten");
        let log = again.read("aws-calls.log").unwrap_or_default();
        assert!(log.lines().any(|l| l.contains(put) && l.contains(&format!("file://{merged}"))), "{what}: {log}");
        std::mem::forget(first);
    }
}

/// GetKeyPolicy answers `Policy` and `PolicyName`; without `--query Policy`, `--output text` prints
/// the policy followed by a tab and `default`, which no merge can read as a policy.
#[test]
fn every_key_policy_backup_asks_for_the_policy_alone() {
    let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let mut all = cases();
    all.extend([
        (ScenarioId::LogGroupKey, json!({"log-group-state": "existing", "key-arn": key})),
        (ScenarioId::LogGroupKey, json!({"log-group-state": "existing", "rotate-from": key})),
        (ScenarioId::S3Export, json!({"key-arn": key})),
    ]);
    let mut seen = 0;
    for (id, input) in all {
        let script = export(&bundle(id, &input), Format::Script);
        for line in script.lines().filter(|l| l.contains("aws kms get-key-policy")) {
            seen += 1;
            assert!(line.contains("--query Policy --output text"), "{id:?} {input}: {line}");
        }
    }
    assert!(seen >= 4, "only {seen} get-key-policy lines");
}

/// With the bucket in another account, only the exporting roles may write there, and
/// create-export-task checks its caller could (§3.4, §3.6): the export runs with the exporter's
/// profile, the role's policy with the log groups' account's (review F3).
#[test]
fn a_cross_account_export_runs_as_the_exporting_role() {
    if bash_missing() {
        return;
    }
    let input = json!({"bucket-account": "444455556666", "callers": ["arn:aws:iam::123456789012:role/log-export"]});
    let script = export(&bundle(ScenarioId::S3Export, &input), Format::Script);
    let done = run(&script, &expected_failures());
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let calls = profiles(&done);
    for (operation, profile) in [
        ("create-key", "destination-profile"),
        ("put-bucket-policy", "destination-profile"),
        ("put-role-policy", "source-profile"),
        ("create-export-task", "exporter-profile"),
        ("describe-export-tasks", "exporter-profile"),
    ] {
        assert!(calls.contains(&format!("{operation} {profile}")), "{operation} with {profile}: {calls:?}");
    }
    assert!(!calls.iter().any(|c| c.starts_with("create-export-task ") && !c.ends_with("exporter-profile")), "{calls:?}");
    // The role's policy was put moments before: IAM is eventually consistent, so the script waits
    // before the role's first call (review F7, for F3's exporter).
    let put = calls.iter().position(|c| c.starts_with("put-role-policy ")).expect("put-role-policy");
    let export = calls.iter().position(|c| c.starts_with("create-export-task ")).expect("create-export-task");
    assert!(calls[put..export].iter().any(|c| c.starts_with("sleep ")), "no wait between the role's policy and its first export: {calls:?}");

    // Without the exporter's profile nothing runs, rather than stopping after the bucket is made.
    let unset = run_with(&script, &[], &[], &[("SOURCE_PROFILE", "s"), ("DESTINATION_PROFILE", "d")]);
    assert_ne!(unset.code, Some(0));
    assert!(unset.calls.is_empty(), "{:?}", unset.calls);
    assert!(unset.stderr.contains("EXPORTER_PROFILE") && unset.stderr.contains("log-export"), "{}", unset.stderr);
}

/// The vended-logs steps after "give the setup role its permissions" are the setup role's (its
/// policy is what the bundle proves enough): the script runs them with the setup role's profile of
/// that account, checked before any call, and only after waiting for the new inline policy to take
/// effect, since IAM changes are eventually consistent (review F7).
#[test]
fn vended_logs_runs_the_setup_roles_steps_as_that_role_after_waiting_for_iam() {
    if bash_missing() {
        return;
    }
    let cases = [
        (json!({"destination": "s3", "bucket": "orders-logs"}), "setup-profile", "none"),
        (json!({"destination-account": "444455556666", "destination": "s3", "bucket": "orders-logs"}), "source-setup-profile", "source-profile"),
    ];
    for (input, setup, admin) in cases {
        let bundle = bundle(ScenarioId::VendedLogs, &input);
        let script = export(&bundle, Format::Script);
        let done = run(&script, &[]);
        assert_eq!(done.code, Some(0), "{input}: {}", done.stderr);
        let log = profiles(&done);
        let put_role = log.iter().position(|l| l.starts_with("put-role-policy ")).expect("put-role-policy");
        assert_eq!(log[put_role], format!("put-role-policy {admin}"), "{input}: {log:?}");
        let first_setup_call = log
            .iter()
            .position(|l| l.ends_with(&format!(" {setup}")) && !l.starts_with("sleep"))
            .unwrap_or_else(|| panic!("{input}: no call with {setup}: {log:?}"));
        assert!(log.iter().any(|l| l.starts_with("put-delivery-source ") && l.ends_with(setup)), "{input}: {log:?}");
        let waits: Vec<&String> = log[put_role..first_setup_call].iter().filter(|l| l.starts_with("sleep ")).collect();
        assert!(!waits.is_empty(), "{input}: no wait between put-role-policy and the setup role's first call: {log:?}");

        // Without the setup role's profile nothing runs, not even the admin's put-role-policy.
        let unset = run_with(
            &script,
            &[],
            &[],
            &[("SOURCE_PROFILE", "s"), ("DESTINATION_PROFILE", "d")],
        );
        assert_ne!(unset.code, Some(0), "{input}");
        assert!(unset.calls.is_empty(), "{input}: {:?}", unset.calls);
        assert!(unset.stderr.contains("SETUP_PROFILE"), "{input}: {}", unset.stderr);
    }
}

/// The templates give a new export bucket all four Block Public Access settings; the script set
/// none and relied on S3's default for new buckets (review F13a). It sets them right after
/// create-bucket, before any policy is put.
#[test]
fn a_new_export_bucket_gets_block_public_access_before_its_policy() {
    if bash_missing() {
        return;
    }
    for input in [json!({}), json!({"bucket-account": "444455556666", "callers": ["arn:aws:iam::123456789012:role/log-export"]})] {
        let script = export(&bundle(ScenarioId::S3Export, &input), Format::Script);
        let done = run(&script, &expected_failures());
        assert_eq!(done.code, Some(0), "{input}: {}", done.stderr);
        let create = done.position("create-bucket").expect("create-bucket");
        let block = done.position("put-public-access-block").unwrap_or_else(|| panic!("{input}: no put-public-access-block: {:?}", done.calls));
        let policy = done.position("put-bucket-policy").expect("put-bucket-policy");
        assert!(create < block && block < policy, "{input}: {:?}", done.calls);
        let log = done.read("aws-calls.log").unwrap_or_default();
        let line = log.lines().find(|l| l.contains("put-public-access-block")).unwrap();
        for setting in ["BlockPublicAcls=true", "IgnorePublicAcls=true", "BlockPublicPolicy=true", "RestrictPublicBuckets=true"] {
            assert!(line.contains(setting), "{input}: {line}");
        }
    }
    // An existing bucket's settings are its owner's: the script does not change them.
    let existing = export(
        &bundle(ScenarioId::S3Export, &json!({"bucket-state": "existing", "encryption": "sse-s3"})),
        Format::Script,
    );
    assert!(!existing.contains("put-public-access-block"), "{existing}");
}

/// The query-result check needs a log group to run a test query on. Without one listed, the
/// script asked for LOG_GROUP only in its last step, so a run without it created and associated
/// the key and then exited 1, and a re-run made a second key (review F13c). It is asked for before
/// any call.
#[test]
fn the_query_result_check_asks_for_its_log_group_before_any_call() {
    if bash_missing() {
        return;
    }
    let script = export(&bundle(ScenarioId::QueryResultKey, &json!({})), Format::Script);
    // An empty LOG_GROUP stands for one not set: `${LOG_GROUP:?}` refuses both.
    let unset = run_with(&script, &[], &[], &[("LOG_GROUP", "")]);
    assert_ne!(unset.code, Some(0));
    assert!(unset.calls.is_empty(), "calls made before the script stopped: {:?}", unset.calls);
    assert!(unset.stderr.contains("LOG_GROUP"), "{}", unset.stderr);
    let done = run(&script, &[]);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    assert!(done.position("get-query-results").is_some(), "{:?}", done.calls);
}

/// Running a new-key script a second time (after a stop, or to apply a change) made a second key,
/// then failed on create-alias: KMS refuses a second alias of one name, and the first key stayed
/// billed and unnamed in the script's eyes. The script now looks the alias up first and reuses the
/// key it names: no create-key, the alias left as it is, the later calls on that key.
#[test]
fn a_second_run_reuses_the_key_its_alias_names() {
    if bash_missing() {
        return;
    }
    let reused = "arn:aws:kms:us-east-1:111122223333:key/7777abcd-12ab-34cd-56ef-1234567890ab";
    let cases = [
        (ScenarioId::LogGroupKey, json!({"log-group-state": "existing"})),
        (ScenarioId::QueryResultKey, json!({})),
    ];
    for (id, input) in cases {
        let what = format!("{id:?} {input}");
        let script = export(&bundle(id, &input), Format::Script);
        // First run: the alias does not exist yet.
        let not_found = [("describe-key", error("NotFoundException", "describe-key", "Alias arn:aws:kms:us-east-1:111122223333:alias/x is not found."))];
        let first = run(&script, &not_found);
        assert_eq!(first.code, Some(0), "{what}: {}", first.stderr);
        assert!(first.position("create-key").is_some() && first.position("create-alias").is_some(), "{what}: {:?}", first.calls);
        // Second run: the alias names the key the first run made; create-alias would be refused.
        let exists = [("create-alias", error("AlreadyExistsException", "create-alias", "An alias with the name arn:aws:kms:us-east-1:111122223333:alias/x already exists"))];
        // describe-key's text output: the key's ARN and state, tab-separated.
        let again = run_answering(&script, &exists, &[("describe-key", format!("{reused}\tEnabled")), ("describe-log-groups", reused.to_owned())]);
        assert_eq!(again.code, Some(0), "{what}: {}", again.stderr);
        assert!(again.position("create-key").is_none(), "{what}: a second key: {:?}", again.calls);
        assert!(again.position("create-alias").is_none(), "{what}: the alias names the key already: {:?}", again.calls);
        let log = again.read("aws-calls.log").unwrap_or_default();
        let associate = log.lines().find(|l| l.contains("associate-kms-key")).unwrap_or_else(|| panic!("{what}: {log}"));
        assert!(associate.contains(reused), "{what}: {associate}");
        assert!(again.stderr.contains("reuses"), "{what}: {}", again.stderr);

        // The alias names a key that is disabled or due for deletion: describe-key answers for it
        // all the same. Using it would fail later, or encrypt data with a key about to go.
        for state in ["PendingDeletion", "Disabled"] {
            let gone = run_answering(&script, &[], &[("describe-key", format!("{reused}\t{state}"))]);
            assert_ne!(gone.code, Some(0), "{what}: a {state} key was used");
            assert_eq!(gone.calls, ["kms describe-key"], "{what}: {state}");
            assert!(gone.stderr.contains(state) && gone.stderr.contains(reused), "{what}: {}", gone.stderr);
        }
    }
}

/// The alias is how a second run finds the key the first one made. Given after
/// enable-key-rotation, a refused or throttled rotation left a new key without its alias, and the
/// next run made a second key (review of 2026-12-08, finding F2): create-alias follows create-key
/// directly, in every scenario that makes a key.
#[test]
fn a_new_key_gets_its_alias_before_any_other_call() {
    if bash_missing() {
        return;
    }
    let cases = [
        (ScenarioId::LogGroupKey, json!({})),
        (ScenarioId::LogGroupKey, json!({"log-group-state": "existing"})),
        (ScenarioId::QueryResultKey, json!({})),
        (ScenarioId::S3Export, json!({})),
        (ScenarioId::S3Export, json!({"region": "eu-west-1", "bucket-account": "444455556666", "callers": ["arn:aws:iam::123456789012:role/log-export"]})),
    ];
    for (id, input) in cases {
        let what = format!("{id:?} {input}");
        let script = export(&bundle(id, &input), Format::Script);
        let not_found = ("describe-key", error("NotFoundException", "describe-key", "Alias arn:aws:kms:us-east-1:111122223333:alias/x is not found."));
        let refused = run(&script, &[not_found, ("enable-key-rotation", access_denied("enable-key-rotation"))]);
        assert_ne!(refused.code, Some(0), "{what}");
        let create = refused.position("create-key").unwrap_or_else(|| panic!("{what}: no create-key: {:?}", refused.calls));
        let alias = refused
            .position("create-alias")
            .unwrap_or_else(|| panic!("{what}: rotation refused, and the new key has no alias: {:?}", refused.calls));
        assert_eq!(alias, create + 1, "{what}: {:?}", refused.calls);
    }
}

/// With exporting roles listed in the log groups' own account, the steps gave the roles their
/// permissions and then exported with the credentials the script was started with: the roles'
/// policy was never what the export used, and nothing waited for IAM (wave-5 review F3). The
/// export now runs as one of the roles, as across accounts, after the IAM wait; the profile is
/// checked before any call.
#[test]
fn a_same_account_export_with_exporting_roles_runs_as_one_of_them() {
    if bash_missing() {
        return;
    }
    let input = json!({"callers": ["arn:aws:iam::123456789012:role/log-export"]});
    let script = export(&bundle(ScenarioId::S3Export, &input), Format::Script);
    let done = run(&script, &expected_failures());
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let calls = profiles(&done);
    for (operation, profile) in [
        ("create-key", "none"),
        ("put-role-policy", "none"),
        ("attach-role-policy", "none"),
        ("create-export-task", "exporter-profile"),
        ("describe-export-tasks", "exporter-profile"),
    ] {
        assert!(calls.contains(&format!("{operation} {profile}")), "{operation} with {profile}: {calls:?}");
    }
    assert!(!calls.iter().any(|c| c.starts_with("create-export-task ") && !c.ends_with("exporter-profile")), "{calls:?}");
    let put = calls.iter().position(|c| c.starts_with("attach-role-policy ")).expect("attach-role-policy");
    let export = calls.iter().position(|c| c.starts_with("create-export-task ")).expect("create-export-task");
    assert!(calls[put..export].iter().any(|c| c.starts_with("sleep ")), "no wait between the role's policy and its first export: {calls:?}");

    let unset = run_with(&script, &[], &[], &[]);
    assert_ne!(unset.code, Some(0));
    assert!(unset.calls.is_empty(), "{:?}", unset.calls);
    assert!(unset.stderr.contains("EXPORTER_PROFILE") && unset.stderr.contains("log-export"), "{}", unset.stderr);
}

/// Without an exporting role a note said the steps attach AmazonS3ReadOnlyAccess, and no step
/// did (wave-5 review F3): a note that says so must be backed by a step that does, and a step
/// that does by a note, over every s3-export combination.
#[test]
fn the_read_only_policy_note_says_the_steps_attach_it_only_when_they_do() {
    let (mut with, mut without) = (0, 0);
    for (id, input) in scenario_inputs::every_combination() {
        if id != ScenarioId::S3Export {
            continue;
        }
        let outcome = id.run(&input);
        let Some(bundle) = outcome.bundle else { continue };
        let attached = bundle.steps.iter().flat_map(|s| s.calls()).any(|c| {
            c.operation.cli.starts_with("attach-") && c.text_of("policy-arn").is_some_and(|a| a.ends_with("/AmazonS3ReadOnlyAccess"))
        });
        let said = bundle.notes.iter().any(|n| n.contains("AmazonS3ReadOnlyAccess") && n.contains("the steps attach"));
        assert_eq!(said, attached, "{input}: {:#?}", bundle.notes);
        if attached { with += 1 } else { without += 1 }
    }
    assert!(with > 0 && without > 0, "{with} {without}");
}

/// A second run of a bundle for new log groups stopped at `create-log-group`
/// (ResourceAlreadyExistsException). Tolerating that blindly would leave a group someone else made
/// as it is, perhaps not encrypted at all. The script now reads the group's key: the key the run
/// uses means a run before this one made it, and the script goes on; anything else stops the
/// script before any other call, with the group's key in the message.
#[test]
fn a_second_run_with_new_log_groups_goes_on_only_past_groups_with_its_key() {
    if bash_missing() {
        return;
    }
    let reused = "arn:aws:kms:us-east-1:111122223333:key/7777abcd-12ab-34cd-56ef-1234567890ab";
    let other = "arn:aws:kms:us-east-1:111122223333:key/8888abcd-12ab-34cd-56ef-1234567890ab";
    let input = json!({"scope": "several-groups", "log-groups": ["/app/orders", "/app/billing"]});
    let script = export(&bundle(ScenarioId::LogGroupKey, &input), Format::Script);
    let exists = [(
        "create-log-group",
        error("ResourceAlreadyExistsException", "create-log-group", "The specified log group already exists"),
    )];
    let creates = |r: &Run| r.calls.iter().filter(|c| c.ends_with(" create-log-group")).count();

    // First run: nothing exists, nothing is read back.
    let first = run(&script, &[]);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    assert_eq!(creates(&first), 2, "{:?}", first.calls);
    let last_retention = first.calls.iter().rposition(|c| c.ends_with(" put-retention-policy")).expect("retention set");
    assert!(first.position("describe-log-groups").is_none_or(|n| n > last_retention), "{:?}", first.calls);

    // Second run: both groups exist with the key the alias names.
    let ours = run_answering(&script, &exists, &[("describe-key", format!("{reused}\tEnabled")), ("describe-log-groups", reused.to_owned())]);
    assert_eq!(ours.code, Some(0), "{}", ours.stderr);
    assert_eq!(creates(&ours), 2, "{:?}", ours.calls);
    assert!(ours.position("put-retention-policy").is_some(), "{:?}", ours.calls);
    assert!(ours.stderr.contains("/app/billing exists already") && ours.stderr.contains(reused), "{}", ours.stderr);

    // A group with no key, or another key: the script stops there, the group left as it is.
    for current in ["None", other] {
        let theirs = run_answering(&script, &exists, &[("describe-key", format!("{reused}\tEnabled")), ("describe-log-groups", current.to_owned())]);
        assert_ne!(theirs.code, Some(0), "{current}: the script must stop");
        assert_eq!(theirs.calls.last().map(String::as_str), Some("logs describe-log-groups"), "{current}: {:?}", theirs.calls);
        assert_eq!(creates(&theirs), 1, "{current}: {:?}", theirs.calls);
        assert!(theirs.stderr.contains("/app/orders") && theirs.stderr.contains(current), "{current}: {}", theirs.stderr);
    }
}

/// A second run of a new-bucket s3-export outside us-east-1 stopped at `create-bucket`: S3
/// answers BucketAlreadyOwnedByYou there for a bucket the account owns (in us-east-1 it answers
/// 200 OK). That bucket is the account's own, so the script goes on and says so; a name someone
/// else holds (BucketAlreadyExists) still stops it.
#[test]
fn a_second_run_outside_us_east_1_goes_on_with_the_bucket_it_owns() {
    if bash_missing() {
        return;
    }
    let script = export(&bundle(ScenarioId::S3Export, &json!({"region": "eu-west-1"})), Format::Script);
    let owned = [("create-bucket", error("BucketAlreadyOwnedByYou", "create-bucket", "Your previous request to create the named bucket succeeded and you already own it."))];
    let again = run(&script, &owned);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    let create = again.position("create-bucket").expect("create-bucket");
    assert!(again.position("put-bucket-policy").is_some_and(|n| n > create), "{:?}", again.calls);
    assert!(again.position("create-export-task").is_some(), "{:?}", again.calls);
    assert!(again.stderr.contains("my-exported-logs exists already and this account owns it"), "{}", again.stderr);

    let taken = [("create-bucket", error("BucketAlreadyExists", "create-bucket", "The requested bucket name is not available."))];
    let stopped = run(&script, &taken);
    assert_ne!(stopped.code, Some(0));
    assert_eq!(stopped.calls.last().map(String::as_str), Some("s3api create-bucket"), "{:?}", stopped.calls);
}

/// A second run (after a stop, or to finish the other log groups) started every export task
/// again: the same range exported twice, or LimitExceededException while the first run's task was
/// still running. The script now first looks for a task of the same name, bucket and prefix that
/// did not fail and follows it instead of starting another.
#[test]
fn a_second_run_follows_the_export_task_a_run_before_it_started() {
    if bash_missing() {
        return;
    }
    let input = json!({"log-groups": ["/app/orders", "/app/payments"]});
    let script = export(&bundle(ScenarioId::S3Export, &input), Format::Script);
    let exports = |r: &Run| r.calls.iter().filter(|c| c.ends_with(" create-export-task")).count();
    let first = run(&script, &[]);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    assert_eq!(exports(&first), 2, "{:?}", first.calls);

    let earlier = "4f2b6c1e-0000-1111-2222-333344445555";
    let again = run_answering(&script, &[], &[("describe-export-tasks@taskName", format!("\"{earlier}\""))]);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert_eq!(exports(&again), 0, "the range was exported again: {:?}", again.calls);
    let log = again.read("aws-calls.log").unwrap_or_default();
    assert!(log.lines().any(|l| l.contains("describe-export-tasks") && l.contains(&format!("--task-id {earlier}"))), "{log}");
    assert!(log.lines().any(|l| l.contains("taskName=='app/orders-2015-09-05-2015-09-05'") && l.contains("destination=='my-exported-logs'")), "{log}");
    assert!(again.stderr.contains(&format!("export task {earlier}")), "{}", again.stderr);
    // The look-up reads the whole listing: with text output the CLI queries each page of 50 tasks
    // apart and prints "None" per page (review M2 of 2026-12-08).
    let lookup = script.lines().find(|l| l.contains("taskName==")).unwrap_or_default();
    assert!(lookup.contains("--output json") && !lookup.contains("--output text"), "{lookup}");
}

/// The steps of a script that switches profiles, each as the text under its `# Step N:` title.
fn step_blocks(script: &str) -> Vec<&str> {
    script.split("\n# Step ").skip(1).collect()
}

/// Whether a block runs an AWS call (not only shows one commented out).
fn runs_a_call(block: &str) -> bool {
    block.lines().any(|l| !l.trim_start().starts_with('#') && (l.trim_start().starts_with("aws ") || l.contains("$(aws ")))
}

/// vended-logs' key-policy step ran with whatever profile the step before it had set, so run on
/// its own it used any credentials (wave-5 review F4). In a script that switches profiles every
/// step that runs a call now sets its own.
#[test]
fn every_step_that_runs_a_call_sets_its_own_profile() {
    let key = "arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let mut all = cases();
    all.push((ScenarioId::VendedLogs, json!({"destination-account": "444455556666", "destination": "s3", "bucket": "orders-logs", "key-arn": key})));
    let mut checked = 0;
    for (id, input) in all {
        let script = export(&bundle(id, &input), Format::Script);
        // Scripts whose steps run with more than one set of credentials (an s3-export in one
        // account switches only for its export, at the end).
        if !script.contains("# Now with the credentials") {
            continue;
        }
        for block in step_blocks(&script).into_iter().filter(|b| runs_a_call(b)) {
            let title = block.lines().next().unwrap_or("");
            let first_call = block.lines().position(|l| l.trim_start().starts_with("aws ") || l.contains("$(aws ")).unwrap();
            let switch = block.lines().position(|l| l.starts_with("export AWS_PROFILE=") || l.contains("unset AWS_PROFILE"));
            assert!(switch.is_some_and(|s| s < first_call), "{id:?} {input}: step {title} runs a call with the profile of the step before it");
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} steps checked");
}

/// The key administrator's calls (kms:GetKeyPolicy, kms:PutKeyPolicy) and the administrator's
/// iam:PutRolePolicy were listed nowhere in a vended-logs bundle (wave-5 review F4): the note
/// the other scenarios have, read from the steps' calls, lists what the steps not run by the
/// setup role need, per account.
#[test]
fn vended_logs_lists_what_the_steps_not_run_by_the_setup_role_need() {
    let key = "arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let bundle = bundle(
        ScenarioId::VendedLogs,
        &json!({"destination-account": "444455556666", "destination": "s3", "bucket": "orders-logs", "key-arn": key}),
    );
    let note = bundle
        .notes
        .iter()
        .find(|n| n.starts_with("Whoever runs the steps"))
        .unwrap_or_else(|| panic!("no operator note: {:#?}", bundle.notes));
    assert!(note.contains("in account 444455556666: iam:PutRolePolicy, kms:GetKeyPolicy, kms:PutKeyPolicy"), "{note}");
    assert!(note.contains("in account 111122223333: iam:PutRolePolicy"), "{note}");
    // The setup role's calls are its policy's business, not this note's.
    assert!(!note.contains("logs:PutDeliverySource") && !note.contains("s3:PutBucketPolicy"), "{note}");
}

/// Across accounts the two setup roles are roles of two accounts, whose names need not match:
/// one `SETUP_ROLE` for both made that impossible (wave-5 review F5). Each account's has its own
/// variable, and both are asked for before the first change.
#[test]
fn each_accounts_setup_role_has_its_own_name() {
    if bash_missing() {
        return;
    }
    let input = json!({"destination-account": "444455556666", "destination": "s3", "bucket": "orders-logs"});
    let script = export(&bundle(ScenarioId::VendedLogs, &input), Format::Script);
    let done = run(&script, &[]);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let log = done.read("aws-calls.log").unwrap_or_default();
    let puts: Vec<&str> = log.lines().filter(|l| l.contains("put-role-policy")).collect();
    assert_eq!(puts.len(), 2, "{log}");
    assert!(puts[0].contains("--role-name source-setup"), "{}", puts[0]);
    assert!(puts[1].contains("--role-name destination-setup"), "{}", puts[1]);

    let mut profiles: Vec<(&str, &str)> = [
        ("SOURCE_PROFILE", "source-profile"),
        ("DESTINATION_PROFILE", "destination-profile"),
        ("SOURCE_SETUP_PROFILE", "source-setup-profile"),
        ("DESTINATION_SETUP_PROFILE", "destination-setup-profile"),
    ]
    .to_vec();
    assert_eq!(run_with(&script, &[], &[], &profiles).code, Some(0));
    // Empty stands for not set: `${VAR:?}` refuses both.
    profiles.push(("DESTINATION_SETUP_ROLE", ""));
    let unset = run_with(&script, &[], &[], &profiles);
    assert_ne!(unset.code, Some(0));
    assert!(unset.calls.is_empty(), "a change before the second role's name was asked for: {:?}", unset.calls);
    assert!(unset.stderr.contains("DESTINATION_SETUP_ROLE"), "{}", unset.stderr);
}

/// A rotation away from a key an earlier run made for the same log groups: the plain alias names
/// the OLD key, so the look-up took it for the new one, associated it with itself and reduced it
/// to decrypt-only (review H1 of 2026-12-08). The rotation's key has its own alias, and the script
/// stops if the key it found is the old one all the same.
#[test]
fn a_rotation_never_takes_the_old_key_for_the_new_one() {
    if bash_missing() {
        return;
    }
    let old = "arn:aws:kms:us-east-1:111122223333:key/2234abcd-12ab-34cd-56ef-1234567890ab";
    let plain = export(&bundle(ScenarioId::LogGroupKey, &json!({"log-group-state": "existing"})), Format::Script);
    let rotation = export(
        &bundle(ScenarioId::LogGroupKey, &json!({"log-group-state": "existing", "rotate-from": old})),
        Format::Script,
    );
    let alias_of = |script: &str| {
        let line = script.lines().find(|l| l.contains("describe-key") && l.contains("alias/")).unwrap_or_else(|| panic!("{script}"));
        line.split_whitespace().find(|w| w.trim_matches('\'').starts_with("alias/")).unwrap_or_default().to_owned()
    };
    assert_ne!(alias_of(&plain), alias_of(&rotation), "the rotation's new key has an alias of its own");
    // The alias names the old key all the same (made by hand, or by an older version).
    let found_old = run_answering(&rotation, &[], &[("describe-key", format!("{old}\tEnabled")), ("describe-log-groups", old.to_owned())]);
    assert_ne!(found_old.code, Some(0), "{:?}", found_old.calls);
    assert!(found_old.position("associate-kms-key").is_none(), "associated the old key with itself: {:?}", found_old.calls);
    assert!(found_old.position("put-key-policy").is_none(), "reduced the key in use: {:?}", found_old.calls);
    assert!(found_old.stderr.contains("is the key to rotate from"), "{}", found_old.stderr);
}

/// Keys in the environment outrank a profile chosen with AWS_PROFILE, so a script that switches
/// profiles would run every step as one identity (review M1 of 2026-12-08): it refuses to start.
#[test]
fn a_profile_switching_script_refuses_keys_in_the_environment() {
    if bash_missing() {
        return;
    }
    let profiles = [
        ("SOURCE_PROFILE", "source-profile"),
        ("DESTINATION_PROFILE", "destination-profile"),
        ("SOURCE_SETUP_PROFILE", "source-setup-profile"),
        ("DESTINATION_SETUP_PROFILE", "destination-setup-profile"),
        ("SOURCE_SETUP_ROLE", "source-setup"),
        ("DESTINATION_SETUP_ROLE", "destination-setup"),
    ];
    let input = json!({"destination": "s3", "destination-account": "444455556666", "bucket": "orders-logs"});
    let switching = export(&bundle(ScenarioId::VendedLogs, &input), Format::Script);
    assert!(switching.contains("export AWS_PROFILE="), "{switching}");
    let with_keys: Vec<(&str, &str)> = profiles.iter().copied().chain([("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")]).collect();
    let refused = run_with(&switching, &[], &[], &with_keys);
    assert_eq!(refused.code, Some(1), "{}", refused.stderr);
    assert!(refused.calls.is_empty(), "{:?}", refused.calls);
    assert!(refused.stderr.contains("Unset AWS_ACCESS_KEY_ID"), "{}", refused.stderr);
    let without = run_with(&switching, &[], &[], &profiles);
    assert_eq!(without.code, Some(0), "{}", without.stderr);
    // A script that never switches keeps working with keys in the environment.
    let single = export(&bundle(ScenarioId::LogGroupKey, &json!({})), Format::Script);
    assert!(!single.contains("export AWS_PROFILE="));
    let plain = run_with(&single, &[], &[], &[("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")]);
    assert_eq!(plain.code, Some(0), "{}", plain.stderr);
}
