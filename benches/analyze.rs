//! Benchmark of `analyze` on a KMS key policy close to the 32 KB key-policy size limit: the
//! largest document a user can paste into the checker as a key policy. Then the same mix of
//! statements at 64, 128 and 256 KB (every rule runs; the times should grow linearly), at 1 MB
//! and 10 MB (past `FULL_CHECK_LIMIT`: parsed and measured only), and 10,000-deep nesting.
//!
//! Then each rule alone (`rules/CODE`), the catalogue's one-time load (`catalogue/load`), and a
//! checker keystroke's whole path through the analysis worker on the same policy
//! (`worker/…`: the question written as JSON by the page, the worker's answer from that JSON,
//! and its parts — reading the paste's form, the analysis, the answer written and read back).
//!
//! Run: `cargo bench --bench analyze` (add `-- --warm-up-time 1 --measurement-time 3` for a quick
//! figure). `cargo test --all-targets` runs it once as a smoke test.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use cwlogs_policy::analyze;
use cwlogs_policy::json::parse_document;
use cwlogs_policy::lint::{Context, RULES};
use cwlogs_policy::policy::{lower, PolicyKind};
use serde_json::{json, Value};

const ACCOUNT: &str = "123456789012";
const REGIONS: [&str; 6] = [
    "us-east-1",
    "us-west-2",
    "eu-west-1",
    "eu-central-1",
    "ap-southeast-2",
    "sa-east-1",
];
/// The key policy size limit in bytes.
const MAX_BYTES: usize = 32_768;
const MIN_BYTES: usize = 30_000;

/// A realistic key policy: the root statement, key administrators and users (IAM roles), then
/// one CloudWatch Logs statement per region and team, each naming its log groups in `ArnEquals`.
/// Deterministic; grows until it is between 30,000 and 32,768 bytes pretty-printed.
fn key_policy() -> String {
    key_policy_of(MIN_BYTES, MAX_BYTES)
}

/// The same statement mix, between `min` and `max` bytes.
fn key_policy_of(min: usize, max: usize) -> String {
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
                .map(|g| {
                    json!(format!(
                        "arn:aws:logs:{region}:{ACCOUNT}:log-group:/app/service-{n}/{g}"
                    ))
                })
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
        if text.len() >= min {
            if text.len() > max {
                statements.pop();
                let text = render(&statements);
                assert!(text.len() >= min, "cannot hit the size window: {} bytes", text.len());
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
    assert!(
        (MIN_BYTES..=MAX_BYTES).contains(&text.len()),
        "policy is {} bytes",
        text.len()
    );

    // The benchmark is only meaningful if the whole document is read and linted.
    let analysis = analyze(&text, PolicyKind::Key);
    let policy = analysis.policy.as_ref().expect("the generated key policy parses");
    assert!(
        policy.statements.len() > 40,
        "only {} statements",
        policy.statements.len()
    );
    println!(
        "key policy: {} bytes, {} statements, {} findings",
        text.len(),
        policy.statements.len(),
        analysis.findings.len()
    );

    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("key_policy_32k", |b| {
        b.iter(|| analyze(black_box(&text), black_box(PolicyKind::Key)))
    });
    group.finish();
}

/// Growing documents of the same statement mix: 64, 128 and 256 KB run every rule (linear
/// growth expected); 1 MB and 10 MB are over `FULL_CHECK_LIMIT`, so only parsed and measured.
fn bench_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze_scaling");
    group.sample_size(10);
    for (name, bytes) in [
        ("64k", 64 << 10),
        ("128k", 128 << 10),
        ("256k", 250 << 10),
        ("1m", 1 << 20),
        ("10m", 10 << 20),
    ] {
        let text = grow(bytes);
        let findings = analyze(&text, PolicyKind::Key).findings.len();
        // The three smaller sizes must run every rule, or the scaling says nothing.
        assert!(
            bytes > 1 << 19 || text.len() <= cwlogs_policy::lint::rules::policy_size::FULL_CHECK_LIMIT,
            "{name}"
        );
        println!("{name}: {} bytes, {findings} findings", text.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| analyze(black_box(&text), black_box(PolicyKind::Key)))
        });
    }
    let deep = format!("{{\"Statement\": {}1{}}}", "[".repeat(10_000), "]".repeat(10_000));
    group.bench_function("nesting_10000", |b| {
        b.iter(|| analyze(black_box(&deep), black_box(PolicyKind::Key)))
    });
    group.finish();
}

/// The 32 KB policy's statements repeated (Sids kept unique) until the text is about `bytes`
/// long. Sizes are added up per statement (each measured inside a policy of its own, so with
/// the same indentation) so that the 10 MB text is rendered once.
fn grow(bytes: usize) -> String {
    let unit = key_policy();
    let statements: Vec<Value> = serde_json::from_str::<Value>(&unit).expect("the policy is JSON")["Statement"]
        .as_array()
        .expect("an array of statements")
        .clone();
    let wrapper = render(&[]).len();
    let mut all = Vec::new();
    let mut size = wrapper;
    for copy in 0.. {
        for s in &statements {
            let mut s = s.clone();
            s["Sid"] = json!(format!("{}Copy{copy}", s["Sid"].as_str().unwrap_or("S")));
            size += render(std::slice::from_ref(&s)).len() - wrapper + 2;
            all.push(s);
            if size >= bytes {
                return render(&all);
            }
        }
    }
    unreachable!("the loop returns once the size is reached")
}

/// Each rule of `RULES` alone on the 32 KB policy (parsed and lowered once, outside the timing),
/// so a slow rule shows by its code: `cargo bench --bench analyze -- rules/IAM0`.
fn bench_rules(c: &mut Criterion) {
    let text = key_policy();
    let json = parse_document(&text).expect("the generated key policy parses");
    let policy = lower(&json);
    let ctx = Context::new(&text, &json, &policy, PolicyKind::Key);
    let mut group = c.benchmark_group("rules");
    for rule in RULES {
        group.bench_function(rule.code, |b| {
            b.iter(|| {
                let mut out = Vec::new();
                (rule.check)(black_box(&ctx), &mut out);
                out
            })
        });
    }
    group.finish();
}

/// Reading the embedded IAM catalogue text into its tables: paid once per process (the
/// catalogue keeps its tables in a `OnceLock`), on the page at the first check.
fn bench_catalogue(c: &mut Criterion) {
    c.bench_function("catalogue/load", |b| b.iter(cwlogs_policy::catalog::iam::load_tables));
}

/// Issue 16: a checker keystroke costs more through the worker than on the main thread; where.
fn bench_worker(c: &mut Criterion) {
    use cwlogs_policy::analyst::{answer, answer_json, Answer, Envelope, Question};
    let text = key_policy();
    let question = || Question::Check { text: text.clone(), kind: PolicyKind::Key, against: None };
    let json = serde_json::to_string(&Envelope { id: 1, body: question() }).expect("a question serializes");
    let reply = answer_json(&json).expect("the worker answers a check");
    println!("worker: question {} bytes, answer {} bytes", json.len(), reply.len());
    let mut group = c.benchmark_group("worker");
    group.bench_function("question_to_json", |b| {
        b.iter(|| serde_json::to_string(&Envelope { id: 1, body: black_box(question()) }))
    });
    group.bench_function("answer_json", |b| b.iter(|| answer_json(black_box(&json))));
    group.bench_function("answer", |b| b.iter(|| answer(black_box(question()))));
    group.bench_function("extract", |b| b.iter(|| cwlogs_policy::import::extract(black_box(&text))));
    group.bench_function("answer_from_json", |b| {
        b.iter(|| serde_json::from_str::<Envelope<Answer>>(black_box(&reply)))
    });
    group.finish();
}

criterion_group!(benches, bench_analyze, bench_scaling, bench_rules, bench_catalogue, bench_worker);
criterion_main!(benches);
