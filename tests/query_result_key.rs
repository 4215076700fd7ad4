//! The query-result-key scenario against AWS's documented policy, and over every option combination.

use cwlogs_policy::catalog::Partition;
use cwlogs_policy::json::parse_document;
use cwlogs_policy::policy::{lower, print, Policy};
use cwlogs_policy::scenarios::query_result_key::{generate, QueryResultKeyInput};
use cwlogs_policy::scenarios::{Bundle, ScenarioId};

const ACCOUNT: &str = "123456789012";
/// Not us-east-1, so that the documented policy's hard-coded us-east-1 shows up as a difference.
const REGION: &str = "eu-west-1";

/// AWS's query-result key policy (domain-facts §2.2, verbatim) with its placeholders filled in.
fn documented() -> Policy {
    let path = format!(
        "{}/tests/fixtures/aws-docs/query-result-key-policy.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .replace("111122223333", ACCOUNT)
        .replace(".region.", &format!(".{REGION}."))
        // The documented defect: its aws:SourceArn names us-east-1 while its principal names the
        // placeholder Region. CloudWatch Logs in one Region stores that Region's query results,
        // so the source ARN must name the principal's Region; the generator writes REGION in both.
        .replace("arn:aws:logs:us-east-1:", &format!("arn:aws:logs:{REGION}:"));
    lower(&parse_document(&text).expect("fixture is JSON"))
}

/// AWS's example leaves the service statement without a Sid; the generator names it. Compare
/// everything else.
fn without_sids_absent_from(mut generated: Policy, documented: &Policy) -> Policy {
    for (g, d) in generated.statements.iter_mut().zip(&documented.statements) {
        if d.sid.is_none() {
            g.sid = None;
        }
    }
    generated
}

fn input() -> QueryResultKeyInput {
    QueryResultKeyInput {
        region: REGION.into(),
        account: ACCOUNT.into(),
        ..QueryResultKeyInput::default()
    }
}

fn key_policy(bundle: &Bundle) -> &Policy {
    &bundle
        .documents
        .iter()
        .find(|d| d.file_name == "key-policy.json")
        .expect("key-policy.json")
        .policy
}

#[test]
fn key_policy_is_the_documented_one_with_the_region_corrected() {
    let doc = documented();
    let bundle = generate(&input());
    assert_eq!(without_sids_absent_from(key_policy(&bundle).clone(), &doc), doc);
}

#[test]
fn the_documented_policy_names_us_east_1_which_the_test_corrects() {
    let path = format!(
        "{}/tests/fixtures/aws-docs/query-result-key-policy.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture");
    assert!(text.contains("\"arn:aws:logs:us-east-1:111122223333:query-result:*\""));
    assert!(text.contains("\"logs.region.amazonaws.com\""));
}

#[test]
fn the_principal_and_source_arn_follow_the_partition() {
    let bundle = generate(&QueryResultKeyInput {
        partition: Partition::AwsCn,
        region: "cn-north-1".into(),
        ..input()
    });
    let text = print(key_policy(&bundle));
    assert!(text.contains("\"logs.cn-north-1.amazonaws.com.cn\""), "{text}");
    assert!(
        text.contains("\"arn:aws-cn:logs:cn-north-1:123456789012:query-result:*\""),
        "{text}"
    );
    assert!(text.contains("\"arn:aws-cn:iam::123456789012:root\""), "{text}");
    assert!(bundle
        .notes
        .iter()
        .any(|n| n.starts_with("Unverified") && n.contains("amazonaws.com.cn")));
}

#[test]
fn the_scenario_runs_from_json_as_the_page_and_cli_give_it() {
    let outcome = ScenarioId::QueryResultKey.run(&serde_json::json!({
        "region": REGION,
        "account": ACCOUNT,
        "share-with-log-groups": true,
        "log-group-scope": "account",
        "log-groups": [],
        "observability-role": "monitoring"
    }));
    assert_eq!(outcome.problems, vec![]);
    let bundle = outcome.bundle.expect("bundle");
    assert_eq!(key_policy(&bundle).statements.len(), 3);
}
