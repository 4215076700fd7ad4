//! The vended-logs steps merge their statements into a bucket or key policy that other deliveries
//! may share. Over every S3 combination, the printed `jq` line is run for real on a policy that
//! already holds AWS's own statements (AWS's Sids) for other accounts, and must keep every one of
//! them, add the bundle's statements, and give the same policy when run again.

use std::path::{Path, PathBuf};
use std::process::Command;

use cwlogs_policy::scenarios::vended_logs::{generate, Destination, VendedLogsInput};
use cwlogs_policy::scenarios::Bundle;
use serde_json::{json, Value};

mod scenario_inputs;
use scenario_inputs::vended_logs::every_combination;

const OTHERS: [&str; 2] = ["222233334444", "555566667777"];

/// A shared bucket's policy as AWS's automatic setup leaves it for two other accounts
/// (domain-facts §4.3, AWS's Sids), with a statement of the bucket owner's own.
fn shared_bucket_policy(bucket: &str) -> Value {
    let sources: Vec<String> = OTHERS.iter().map(|a| format!("arn:aws:logs:us-east-1:{a}:*")).collect();
    let objects: Vec<String> = OTHERS.iter().map(|a| format!("arn:aws:s3:::{bucket}/AWSLogs/{a}/*")).collect();
    json!({
        "Version": "2012-10-17",
        "Id": "AWSLogDeliveryWrite20150319",
        "Statement": [
            {"Sid": "AWSLogDeliveryAclCheck", "Effect": "Allow",
             "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:GetBucketAcl",
             "Resource": format!("arn:aws:s3:::{bucket}"),
             "Condition": {"StringEquals": {"aws:SourceAccount": OTHERS}, "ArnLike": {"aws:SourceArn": sources}}},
            {"Sid": "AWSLogDeliveryWrite", "Effect": "Allow",
             "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject",
             "Resource": objects,
             "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": OTHERS},
                           "ArnLike": {"aws:SourceArn": sources}}},
            {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
             "Resource": [format!("arn:aws:s3:::{bucket}"), format!("arn:aws:s3:::{bucket}/*")],
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
        ]
    })
}

/// A shared key's policy: the root statement and AWS's delivery statement for other accounts.
fn shared_key_policy() -> Value {
    json!({
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "kms:*", "Resource": "*"},
            {"Sid": "Allow Logs Delivery to use the key", "Effect": "Allow",
             "Principal": {"Service": ["delivery.logs.amazonaws.com"]},
             "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
             "Resource": "*",
             "Condition": {"StringEquals": {"aws:SourceAccount": OTHERS},
                           "ArnLike": {"aws:SourceArn": ["arn:aws:logs:us-east-1:222233334444:*"]}}}
        ]
    })
}

fn jq_available() -> bool {
    Command::new("jq").arg("--version").output().is_ok_and(|o| o.status.success())
}

/// The bundle's merge line that reads `add` (commented out when the step is optional).
fn merge_line(bundle: &Bundle, add: &str) -> String {
    let needle = format!("jq --slurpfile add {add} ");
    bundle
        .steps
        .iter()
        .flat_map(|s| s.command.lines())
        .map(|l| l.trim_start_matches("# "))
        .find(|l| l.starts_with(&needle))
        .unwrap_or_else(|| panic!("no merge of {add}"))
        .to_owned()
}

fn statements(policy: &Value) -> Vec<Value> {
    match &policy["Statement"] {
        Value::Array(items) => items.clone(),
        one => vec![one.clone()],
    }
}

struct Dir(PathBuf);

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `line` in `dir` with `backup` holding `existing` and `add` the bundle's document; the result.
fn run_merge(dir: &Path, line: &str, backup: &str, existing: &Value, add: &str, added: &str, out: &str) -> Value {
    std::fs::write(dir.join(backup), existing.to_string()).expect("write backup");
    std::fs::write(dir.join(add), added).expect("write add");
    let status = Command::new("bash").arg("-c").arg(line).current_dir(dir).status().expect("bash runs");
    assert!(status.success(), "{line}");
    serde_json::from_str(&std::fs::read_to_string(dir.join(out)).expect("merged file")).expect("merged JSON")
}

/// Every statement of `before` and of `added` is in `merged`, and nothing else is.
fn assert_kept(merged: &Value, before: &Value, added: &Value, what: &str) {
    let merged = statements(merged);
    for s in statements(before).iter().chain(statements(added).iter()) {
        assert!(merged.contains(s), "{what}: the merge dropped {s}\nmerged: {merged:#?}");
    }
    let mut expected = statements(before);
    for s in statements(added) {
        if !expected.contains(&s) {
            expected.push(s);
        }
    }
    assert_eq!(merged.len(), expected.len(), "{what}: {merged:#?}");
}

fn s3_combinations() -> Vec<VendedLogsInput> {
    every_combination()
        .into_iter()
        .filter(|i| i.destination == Destination::S3 && !i.uses_bucket_acl())
        .collect()
}

#[test]
fn merging_into_a_shared_bucket_or_key_keeps_every_statement_it_did_not_write() {
    if !jq_available() {
        eprintln!("jq is not on PATH: the merge lines cannot be run here");
        return;
    }
    let dir = Dir(std::env::temp_dir().join(format!("cwlogs-vended-merge-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0).expect("temp dir");
    let combinations = s3_combinations();
    assert!(combinations.len() > 20, "{} S3 combinations", combinations.len());
    let mut previous: Option<Value> = None;
    let mut keys = 0;
    // Combinations that differ only in what the merge does not see (console extras, log group)
    // give the same documents: each pair of documents is merged once.
    let mut seen = std::collections::HashSet::new();
    for input in &combinations {
        let what = format!("{} → s3 (other account {:?}, prefix {:?}, key {:?})", input.service, input.destination_account, input.prefix, input.key_arn);
        let bundle = generate(input);
        let line = merge_line(&bundle, "bucket-policy.json");
        let added_text = bundle.document("bucket-policy.json").expect("bucket policy").text();
        let key_text = bundle.document("key-policy-statement.json").map(|d| d.text());
        if !seen.insert((added_text.clone(), key_text)) {
            continue;
        }
        let added: Value = serde_json::from_str(&added_text).expect("bucket policy JSON");
        let existing = shared_bucket_policy(input.bucket.trim());
        let out = "bucket-policy.merged.json";
        let merged = run_merge(&dir.0, &line, "bucket-policy.backup.json", &existing, "bucket-policy.json", &added_text, out);
        assert_kept(&merged, &existing, &added, &what);
        // A re-run merges into what the first run left: the same policy, nothing doubled.
        let again = run_merge(&dir.0, &line, "bucket-policy.backup.json", &merged, "bucket-policy.json", &added_text, out);
        assert_eq!(again, merged, "{what}: a re-run changed the policy");
        // Another delivery into the same bucket keeps this one's statements.
        if let Some(earlier) = previous.replace(merged.clone()) {
            let both = run_merge(&dir.0, &line, "bucket-policy.backup.json", &earlier, "bucket-policy.json", &added_text, out);
            assert_kept(&both, &earlier, &added, &format!("{what}, after another delivery"));
        }
        if input.has_key() {
            keys += 1;
            let line = merge_line(&bundle, "key-policy-statement.json");
            let added_text = bundle.document("key-policy-statement.json").expect("key statement").text();
            let added: Value = serde_json::from_str(&added_text).expect("key statement JSON");
            let existing = shared_key_policy();
            let merged = run_merge(&dir.0, &line, "key-policy.backup.json", &existing, "key-policy-statement.json", &added_text, "key-policy.json");
            assert_kept(&merged, &existing, &added, &format!("{what}, key"));
        }
    }
    assert!(keys > 0, "no combination with a bucket key");
    eprintln!("{} S3 combinations, {} distinct bundles merged, {keys} with a key", combinations.len(), seen.len());
}
