//! Names the bundles derive from their inputs — KMS alias names, unique per account and Region in
//! AWS, and the inline IAM policies put on callers' roles, replaced by name — must never be the same
//! for two different inputs. Over every combination the tests know, plus the near misses the review
//! found (`app.prod` / `app-prod`, two several-groups keys in one Region, a log group named
//! `query-results` next to the query-result key, two keys or buckets for one role).

use std::collections::HashMap;

use cwlogs_policy::export::{export, Format};
use cwlogs_policy::scenarios::{Bundle, ScenarioId};
use serde_json::{json, Value};

mod scenario_inputs;

fn bundle(id: ScenarioId, input: &Value) -> Option<Bundle> {
    id.run(input).bundle
}

fn text(input: &Value, field: &str, default: &str) -> String {
    input.get(field).and_then(Value::as_str).unwrap_or(default).trim().to_owned()
}

/// What a created key protects, in the account and Region its alias lives in.
fn protects(id: ScenarioId, input: &Value) -> String {
    let defaults = id.default_input();
    let field = |name: &str| text(input, name, &text(&defaults, name, ""));
    match id {
        ScenarioId::LogGroupKey if field("scope") == "account" => "every log group".to_owned(),
        ScenarioId::LogGroupKey => {
            let groups = input.get("log-groups").unwrap_or(&defaults["log-groups"]);
            let mut groups: Vec<String> =
                groups.as_array().into_iter().flatten().filter_map(Value::as_str).map(|g| g.trim().to_owned()).collect();
            groups.sort();
            groups.dedup();
            format!("log groups {groups:?}")
        }
        ScenarioId::S3Export => format!("bucket {}", field("bucket")),
        ScenarioId::QueryResultKey => "query results".to_owned(),
        other => format!("{other:?}"),
    }
}

fn alias_of(bundle: &Bundle) -> Option<String> {
    let command = bundle.steps.iter().find(|s| s.command.contains("--alias-name "))?.command.clone();
    let after = command.split("--alias-name ").nth(1)?;
    Some(after.split_whitespace().next()?.to_owned())
}

fn near_misses() -> Vec<(ScenarioId, Value)> {
    let group = |g: &[&str], scope: &str| json!({"log-groups": g, "scope": scope});
    vec![
        (ScenarioId::LogGroupKey, group(&["app.prod"], "one-group")),
        (ScenarioId::LogGroupKey, group(&["app-prod"], "one-group")),
        (ScenarioId::LogGroupKey, group(&["app#prod"], "one-group")),
        (ScenarioId::LogGroupKey, group(&["/app-prod"], "one-group")),
        (ScenarioId::LogGroupKey, group(&["a", "b"], "several-groups")),
        (ScenarioId::LogGroupKey, group(&["c", "d"], "several-groups")),
        (ScenarioId::LogGroupKey, group(&["b", "a"], "several-groups")),
        (ScenarioId::LogGroupKey, group(&["query-results"], "one-group")),
        (ScenarioId::LogGroupKey, group(&["us-east-1-log-groups"], "one-group")),
        (ScenarioId::LogGroupKey, group(&[&format!("{}x", "g".repeat(300))], "one-group")),
        (ScenarioId::LogGroupKey, group(&[&format!("{}y", "g".repeat(300))], "one-group")),
        (ScenarioId::LogGroupKey, group(&["a"], "account")),
        (ScenarioId::QueryResultKey, json!({})),
        (ScenarioId::S3Export, json!({"bucket": "a.b"})),
        (ScenarioId::S3Export, json!({"bucket": "a-b"})),
    ]
}

#[test]
fn distinct_inputs_never_derive_the_same_alias() {
    let mut combinations = scenario_inputs::every_combination();
    combinations.extend(near_misses());
    // (partition, Region, account, alias) → what the key protects, and the input that gave it.
    let mut seen: HashMap<(String, String, String, String), (String, String)> = HashMap::new();
    let mut aliases = 0;
    for (id, input) in &combinations {
        let Some(bundle) = bundle(*id, input) else { continue };
        let Some(alias) = alias_of(&bundle) else { continue };
        aliases += 1;
        let defaults = id.default_input();
        let field = |name: &str| text(input, name, &text(&defaults, name, ""));
        let place = (field("partition"), field("region"), field("account"), alias.clone());
        let what = protects(*id, input);
        if let Some((other, other_input)) = seen.insert(place, (what.clone(), input.to_string())) {
            assert_eq!(other, what, "{alias} names both\n  {other_input}\n  {input}");
        }
    }
    assert!(aliases > 50, "only {aliases} aliases derived");
}

/// `(policy name, policy file)` of each put-role-policy / put-user-policy the steps run.
fn inline_policies(bundle: &Bundle) -> Vec<(String, String)> {
    let flag = |command: &str, name: &str| {
        command.split(&format!("--{name} ")).nth(1).and_then(|rest| rest.split_whitespace().next()).map(str::to_owned)
    };
    bundle
        .steps
        .iter()
        .flat_map(|s| s.command.lines().map(str::to_owned).collect::<Vec<_>>())
        .filter(|l| l.contains("put-role-policy") || l.contains("put-user-policy"))
        .filter_map(|l| Some((flag(&l, "policy-name")?, flag(&l, "policy-document")?.trim_start_matches("file://").to_owned())))
        .collect()
}

/// What an inline policy grants, worked out from the input rather than from the name: the key
/// (given ARN, or the new key's place and what it protects), the bucket and prefix, or for the
/// vended-logs setup role the policy itself.
fn grants(id: ScenarioId, input: &Value, bundle: &Bundle, file: &str) -> String {
    let defaults = id.default_input();
    let field = |name: &str| text(input, name, &text(&defaults, name, ""));
    match id {
        ScenarioId::LogGroupKey if !field("key-arn").is_empty() => format!("key {}", field("key-arn")),
        ScenarioId::LogGroupKey => format!(
            "new key in {} {} {} for {}",
            field("partition"),
            field("region"),
            field("account"),
            protects(id, input)
        ),
        ScenarioId::S3Export => {
            let prefix = field("prefix").trim_matches('/').to_owned();
            let prefix = if prefix.is_empty() { "exportedlogs".to_owned() } else { prefix };
            format!("{} bucket {} under {prefix}", field("partition"), field("bucket"))
        }
        _ => {
            let written = file.trim_end_matches(".resolved.json").trim_end_matches(".json");
            let document = bundle.documents.iter().find(|d| d.file_name.trim_end_matches(".json") == written);
            document.map(|d| d.text()).unwrap_or_else(|| panic!("no document {file}"))
        }
    }
}

fn inline_policy_near_misses() -> Vec<(ScenarioId, Value)> {
    let role = "arn:aws:iam::111122223333:role/app";
    let exporter = "arn:aws:iam::111122223333:role/exporter";
    let key = |n: u8| format!("arn:aws:kms:us-east-1:111122223333:key/{n}234abcd-12ab-34cd-56ef-1234567890ab");
    let lgk = |extra: Value| {
        let mut input = json!({"caller-permission": "iam-policy", "callers": [role]});
        input.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        (ScenarioId::LogGroupKey, input)
    };
    vec![
        lgk(json!({"log-groups": ["a"]})),
        lgk(json!({"log-groups": ["b"]})),
        lgk(json!({"log-groups": ["a", "b"], "scope": "several-groups"})),
        lgk(json!({"log-groups": ["a"], "scope": "account"})),
        lgk(json!({"log-groups": ["a"], "log-group-state": "existing", "key-arn": key(1)})),
        lgk(json!({"log-groups": ["a"], "log-group-state": "existing", "key-arn": key(2)})),
        (ScenarioId::S3Export, json!({"bucket": "bucket-one", "callers": [exporter]})),
        (ScenarioId::S3Export, json!({"bucket": "bucket-two", "callers": [exporter]})),
        (ScenarioId::S3Export, json!({"bucket": "bucket-one", "prefix": "team-a", "callers": [exporter]})),
        (ScenarioId::VendedLogs, json!({"service": "vpc-flow-logs", "destination": "s3", "bucket": "bucket-one"})),
        (ScenarioId::VendedLogs, json!({"service": "vpc-flow-logs", "destination": "s3", "bucket": "bucket-two"})),
    ]
}

/// IAM's rule for a policy name: 1–128 characters of `[\w+=,.@-]`.
fn is_iam_policy_name(name: &str) -> bool {
    (1..=128).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c))
}

#[test]
fn distinct_grants_never_share_an_inline_policy_name() {
    let mut combinations = scenario_inputs::every_combination();
    combinations.extend(inline_policy_near_misses());
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    let (mut puts, mut exported) = (0, 0);
    for (id, input) in &combinations {
        let Some(bundle) = bundle(*id, input) else { continue };
        let policies = inline_policies(&bundle);
        for (name, file) in &policies {
            puts += 1;
            assert!(is_iam_policy_name(name), "{name}: not an IAM policy name ({input})");
            let what = grants(*id, input, &bundle, file);
            if let Some((other, other_input)) = seen.insert(name.clone(), (what.clone(), input.to_string())) {
                assert_eq!(other, what, "inline policy {name} names both\n  {other_input}\n  {input}");
            }
        }
        // The templates put the same inline policies as the script (a sample: exports are slow).
        if !policies.is_empty() && exported < 40 {
            exported += 1;
            for format in [Format::CloudFormationYaml, Format::Terraform] {
                let template = export(&bundle, format);
                for (name, _) in &policies {
                    assert!(template.contains(name.as_str()), "{format:?} lacks {name} ({input})");
                }
            }
        }
    }
    assert!(puts > 50, "only {puts} inline policies put");
}
