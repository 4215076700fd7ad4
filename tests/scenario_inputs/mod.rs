//! Scenario inputs shared by the test crates (a test crate's `mod` of a folder, so Cargo does not
//! build it as a test of its own): a small set that exercises every call the scenarios know, and
//! each scenario's every option combination, one file per scenario.

// Each test crate uses only some of these lists; the rest would warn as unused in that crate.
#![allow(dead_code)]

pub mod audit_trail;
pub mod log_group_key;
pub mod query_result_key;
pub mod s3_export;
pub mod vended_logs;

use cwlogs_policy::catalog::Partition;
use cwlogs_policy::scenarios::ScenarioId;
use serde_json::json;

/// Each partition with the Region the combinations use in it (its first listed one).
pub const PARTITION_REGIONS: [(Partition, &str); 3] = [
    (Partition::Aws, "eu-west-1"),
    (Partition::AwsCn, "cn-north-1"),
    (Partition::AwsUsGov, "us-gov-west-1"),
];

/// Every scenario input the tests know: [`inputs`], then each scenario's every option combination.
pub fn every_combination() -> Vec<(ScenarioId, serde_json::Value)> {
    let mut all = inputs();
    all.extend(every_option_combination());
    all
}

/// Each scenario's every option combination (without [`inputs`], whose inputs warn on purpose).
pub fn every_option_combination() -> Vec<(ScenarioId, serde_json::Value)> {
    fn json<T: serde::Serialize>(id: ScenarioId, inputs: Vec<T>) -> Vec<(ScenarioId, serde_json::Value)> {
        inputs
            .into_iter()
            .map(|i| (id, serde_json::to_value(i).expect("inputs serialize")))
            .collect()
    }
    let mut all = Vec::new();
    all.extend(json(ScenarioId::LogGroupKey, log_group_key::every_combination()));
    all.extend(json(ScenarioId::QueryResultKey, query_result_key::every_combination()));
    all.extend(json(ScenarioId::S3Export, s3_export::every_combination()));
    all.extend(json(ScenarioId::VendedLogs, vended_logs::every_combination()));
    all.extend(json(ScenarioId::AuditTrail, audit_trail::every_audit_combination()));
    all
}

/// Inputs that exercise every call the scenarios know.
pub fn inputs() -> Vec<(ScenarioId, serde_json::Value)> {
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
