//! Names the bundles derive from their inputs — KMS alias names — are unique per account and Region
//! in AWS: two different inputs must never derive the same one. Over every combination the tests
//! know, plus the near misses the review found (`app.prod` / `app-prod`, two several-groups keys in
//! one Region, a log group named `query-results` next to the query-result key).

use std::collections::HashMap;

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
