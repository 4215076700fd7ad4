//! Lint's scenario facts come from each scenario's parsed spec (`ScenarioId::facts`), and only
//! from the fields the user gave: they equal what lint read from the form's JSON by field name
//! before (kept below as `read_by_field_name`, the reference) over every combination input,
//! with each field missing, blank or padded in turn.

mod scenario_inputs;

use cwlogs_policy::lint::ScenarioContext;
use cwlogs_policy::scenarios::ScenarioId;
use serde_json::{json, Value};

/// Lint's facts as `lint/context.rs` read them from the JSON until the scenarios stated them:
/// each text trimmed, missing or blank ones unknown, the partition "aws" when not given.
fn read_by_field_name(id: ScenarioId, input: &Value) -> ScenarioContext {
    let text = |name: &str| {
        input
            .get(name)
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let partition = text("partition").or_else(|| Some("aws".to_owned()));
    let region = text("region");
    let account = text("account");
    let mut names: Vec<String> = match input.get("log-groups").and_then(|v| v.as_array()) {
        Some(items) => items
            .iter()
            .filter_map(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        None => Vec::new(),
    };
    names.extend(text("log-group"));
    let destination_account = text("destination-account").or_else(|| account.clone());
    let group_account = if id == ScenarioId::VendedLogs { destination_account.clone() } else { account.clone() };
    let log_group_arns = match (&partition, &region, &group_account) {
        (Some(p), Some(r), Some(a)) => names.iter().map(|n| format!("arn:{p}:logs:{r}:{a}:log-group:{n}")).collect(),
        _ => Vec::new(),
    };
    let delivery_destination_arn =
        match (&partition, &region, text("destination-account"), text("delivery-destination-name")) {
            (Some(p), Some(r), Some(b), Some(name)) if id == ScenarioId::VendedLogs => {
                Some(format!("arn:{p}:logs:{r}:{b}:delivery-destination:{name}"))
            }
            _ => None,
        };
    ScenarioContext {
        id: Some(id),
        partition,
        region,
        account,
        key_arn: text("key-arn"),
        log_group_arns,
        bucket: text("bucket"),
        destination: text("destination"),
        delivery_destination_arn,
    }
}

/// The reference, with the two differences made on purpose: query-result-key names its log groups
/// only when the key is shared with them (no rule reads log-group facts outside log-group-key and
/// vended-logs), and audit-trail's partition is its Region's (no rule reads the partition).
fn expected(id: ScenarioId, input: &Value) -> ScenarioContext {
    let mut facts = read_by_field_name(id, input);
    if id == ScenarioId::QueryResultKey && input.get("share-with-log-groups") != Some(&json!(true)) {
        facts.log_group_arns.clear();
    }
    if id == ScenarioId::AuditTrail {
        let region = facts.region.clone().unwrap_or_default();
        facts.partition = Some(cwlogs_policy::catalog::Partition::of_region(&region).unwrap_or_default().id().to_owned());
    }
    facts
}

/// `input`, and for each of its members: without it, blank, and padded with spaces.
fn variants(input: &Value) -> Vec<Value> {
    let mut all = vec![input.clone()];
    for (name, value) in input.as_object().into_iter().flatten() {
        let mut without = input.clone();
        without.as_object_mut().map(|o| o.remove(name));
        all.push(without);
        let (blank, padded) = match value {
            Value::String(s) => (json!(""), json!(format!("  {s}\t"))),
            Value::Array(items) => (json!([]), Value::Array(items.iter().map(|i| json!(format!(" {}", i.as_str().unwrap_or_default()))).chain([json!(" ")]).collect())),
            _ => continue,
        };
        for changed in [blank, padded] {
            let mut copy = input.clone();
            copy[name.as_str()] = changed;
            all.push(copy);
        }
    }
    all
}

#[test]
fn facts_are_what_the_user_gave_over_every_combination_and_partial_input() {
    let mut checked = 0;
    for (id, input) in scenario_inputs::every_combination() {
        for variant in variants(&input) {
            assert_eq!(id.facts(&variant), expected(id, &variant), "{id:?} {variant}");
            checked += 1;
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// A partial input, as `check --scenario` takes one, states nothing it does not name: parsing
/// fills the missing fields with the examples (account 111122223333, log group my-log-group),
/// and those must not become facts.
#[test]
fn a_partial_input_gives_no_facts_from_the_defaults() {
    let facts = ScenarioId::LogGroupKey.facts(&json!({"region": "eu-west-1"}));
    assert_eq!(
        (facts.region.as_deref(), facts.account, facts.log_group_arns, facts.key_arn),
        (Some("eu-west-1"), None, Vec::<String>::new(), None)
    );
    let vended = ScenarioId::VendedLogs.facts(&json!({}));
    assert_eq!((vended.destination, vended.bucket, vended.delivery_destination_arn), (None, None, None));
}

/// Values of a type their field does not take are not facts, and never a panic.
#[test]
fn values_of_the_wrong_type_are_not_facts() {
    let input = json!({"region": 5, "account": ["111122223333"], "log-groups": "/app/a", "destination": "ftp", "partition": "aws-cn"});
    for id in ScenarioId::ALL {
        let facts = id.facts(&input);
        assert_eq!((facts.region, facts.account, facts.log_group_arns), (None, None, Vec::<String>::new()), "{id:?}");
    }
    assert_eq!(ScenarioId::VendedLogs.facts(&input).destination, None);
    assert_eq!(ScenarioId::LogGroupKey.facts(&input).partition.as_deref(), Some("aws-cn"));
}
