//! Benchmark of `analyze` on a KMS key policy close to the 32 KB key-policy size limit: the
//! largest document a user can paste into the checker as a key policy.
//!
//! Run: `cargo bench --bench analyze` (add `-- --warm-up-time 1 --measurement-time 3` for a quick
//! figure). `cargo test --all-targets` runs it once as a smoke test.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use cwlogs_policy::{analyze, policy::PolicyKind};
use serde_json::{json, Value};

const ACCOUNT: &str = "123456789012";
const REGIONS: [&str; 6] = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "sa-east-1"];
/// The key policy size limit in bytes.
const MAX_BYTES: usize = 32_768;
const MIN_BYTES: usize = 30_000;

/// A realistic key policy: the root statement, key administrators and users (IAM roles), then
/// one CloudWatch Logs statement per region and team, each naming its log groups in `ArnEquals`.
/// Deterministic; grows until it is between 30,000 and 32,768 bytes pretty-printed.
fn key_policy() -> String {
    let mut statements = vec![json!({
        "Sid": "EnableRootPermissions",
        "Effect": "Allow",
        "Principal": {"AWS": format!("arn:aws:iam::{ACCOUNT}:root")},
        "Action": "kms:*",
        "Resource": "*"
    })];
    let mut n = 0usize;
    loop {
        let candidate = if n % 4 == 0 {
            let team = n / 4;
            json!({
                "Sid": format!("AllowKeyAdministration{team}"),
                "Effect": "Allow",
                "Principal": {"AWS": [
                    format!("arn:aws:iam::{ACCOUNT}:role/team-{team}-key-admin"),
                    format!("arn:aws:iam::{ACCOUNT}:role/platform/break-glass-{team}")
                ]},
                "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
                           "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*",
                           "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
                           "kms:CancelKeyDeletion"],
                "Resource": "*"
            })
        } else if n % 4 == 1 {
            let team = n / 4;
            json!({
                "Sid": format!("AllowKeyUse{team}"),
                "Effect": "Allow",
                "Principal": {"AWS": format!("arn:aws:iam::{ACCOUNT}:role/team-{team}-app")},
                "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                "Resource": "*",
                "Condition": {"StringEquals": {"kms:CallerAccount": ACCOUNT}}
            })
        } else {
            let region = REGIONS[n % REGIONS.len()];
            let groups: Vec<Value> = (0..3)
                .map(|g| json!(format!("arn:aws:logs:{region}:{ACCOUNT}:log-group:/app/service-{n}/{g}")))
                .collect();
            json!({
                "Sid": format!("AllowCloudWatchLogs{n}"),
                "Effect": "Allow",
                "Principal": {"Service": format!("logs.{region}.amazonaws.com")},
                "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                "Resource": "*",
                "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": groups}}
            })
        };
        statements.push(candidate);
        let text = render(&statements);
        if text.len() >= MIN_BYTES {
            if text.len() > MAX_BYTES {
                statements.pop();
                let text = render(&statements);
                assert!(text.len() >= MIN_BYTES, "cannot hit the size window: {} bytes", text.len());
                return text;
            }
            return text;
        }
        n += 1;
    }
}

fn render(statements: &[Value]) -> String {
    let policy = json!({"Version": "2012-10-17", "Id": "cloudwatch-logs-key", "Statement": statements});
    serde_json::to_string_pretty(&policy).expect("a json! value always serializes")
}

fn bench_analyze(c: &mut Criterion) {
    let text = key_policy();
    assert!((MIN_BYTES..=MAX_BYTES).contains(&text.len()), "policy is {} bytes", text.len());

    // The benchmark is only meaningful if the whole document is read and linted.
    let analysis = analyze(&text, PolicyKind::Key);
    let policy = analysis.policy.as_ref().expect("the generated key policy parses");
    assert!(policy.statements.len() > 40, "only {} statements", policy.statements.len());
    println!(
        "key policy: {} bytes, {} statements, {} findings",
        text.len(),
        policy.statements.len(),
        analysis.findings.len()
    );

    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("key_policy_32k", |b| b.iter(|| analyze(black_box(&text), black_box(PolicyKind::Key))));
    group.finish();
}

criterion_group!(benches, bench_analyze);
criterion_main!(benches);
