//! The identifier parsers agree with the form over every combination input: where a scenario
//! reports nothing under a field, the parser accepts the field's text and holds it trimmed and
//! normalised; where the parser refuses, the scenario shows the parser's words under the field.

mod scenario_inputs;

use cwlogs_policy::catalog::Partition;
use cwlogs_policy::scenarios::identifiers::{AccountId, BucketName, KeyArn, LogGroupName, Place, Region};
use cwlogs_policy::scenarios::{FieldError, ScenarioId};
use serde_json::Value;

fn text<'a>(input: &'a Value, name: &str) -> &'a str {
    input.get(name).and_then(Value::as_str).unwrap_or_default()
}

fn partition(input: &Value) -> Partition {
    match input.get("partition").and_then(Value::as_str) {
        Some(p) => p.parse().expect("combination partitions parse"),
        // audit-trail has no partition field: its Region decides it.
        None => Partition::of_region(text(input, "region").trim()).unwrap_or_default(),
    }
}

/// With `input`'s field `name` replaced by `value`, the problems the scenario shows under `name`.
fn problems_with(id: ScenarioId, input: &Value, name: &str, value: Value) -> Vec<FieldError> {
    let mut input = input.clone();
    input[name] = value;
    id.run(&input).problems.into_iter().filter(|p| p.field == name).collect()
}

fn field_problems(id: ScenarioId, input: &Value, name: &str) -> Vec<FieldError> {
    id.run(input).problems.into_iter().filter(|p| p.field == name).collect()
}

#[test]
fn regions_and_accounts_parse_as_the_form_checks_them() {
    let mut checked = 0;
    for (id, input) in scenario_inputs::every_combination() {
        let defaults = id.default_input();
        let input = match (input, defaults) {
            (Value::Object(mut given), Value::Object(all)) => {
                for (k, v) in all {
                    given.entry(k).or_insert(v);
                }
                Value::Object(given)
            }
            (given, _) => given,
        };
        let p = partition(&input);
        if id.fields().iter().any(|f| f.name == "region") {
            let region = text(&input, "region");
            let mut parser = Vec::new();
            let parsed = Region::parse("region", region, p, &mut parser);
            let form = field_problems(id, &input, "region");
            // audit-trail words its Region problems itself (any partition's Region is fine there).
            let own_words = id == ScenarioId::AuditTrail;
            for problem in parser.iter().filter(|_| !own_words) {
                assert!(form.contains(problem), "{id:?} {region:?}: {problem:?} not in {form:?}");
            }
            if form.is_empty() {
                assert_eq!(parsed.as_ref().map(Region::as_str), Some(region.trim()), "{id:?}");
            }
            // Spaces around the Region change nothing the form shows.
            let padded = problems_with(id, &input, "region", Value::from(format!(" {region}\t")));
            assert_eq!(padded, form, "{id:?} {region:?}");
            checked += 1;
        }
        for field in id.fields().iter().filter(|f| f.account_id) {
            let Some(account) = input.get(field.name).and_then(Value::as_str) else { continue };
            if account.trim().is_empty() {
                continue;
            }
            let form = field_problems(id, &input, field.name);
            let parsed = AccountId::parse(field.name, account, "");
            if form.is_empty() {
                assert_eq!(parsed.as_ref().map(AccountId::as_str), Ok(account.trim()), "{id:?} {}", field.name);
                // The console's form parses to the same digits and the form still shows nothing.
                let console = format!("{}-{}-{}", &account[..4], &account[4..8], &account[8..]);
                assert_eq!(AccountId::parse(field.name, &console, "").map(|a| a.to_string()), Ok(account.to_owned()));
                assert_eq!(problems_with(id, &input, field.name, Value::from(console)), Vec::new(), "{id:?}");
            } else if let Err(problem) = parsed {
                assert!(form.contains(&problem), "{id:?}: {problem:?} not in {form:?}");
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} fields checked");
}

#[test]
fn key_arns_parse_as_the_form_checks_them() {
    let mut checked = 0;
    for (id, input) in scenario_inputs::every_combination() {
        if !matches!(id, ScenarioId::LogGroupKey | ScenarioId::QueryResultKey) {
            continue;
        }
        let key = text(&input, "key-arn");
        if key.trim().is_empty() {
            continue;
        }
        let place = Place { partition: partition(&input), region: text(&input, "region"), account: text(&input, "account") };
        let mut parser = Vec::new();
        let parsed = KeyArn::parse("key-arn", key, place, &mut parser);
        let form = field_problems(id, &input, "key-arn");
        assert_eq!(parser, form, "{id:?} {key}");
        assert_eq!(parsed.is_some(), form.iter().all(|p| p.severity == cwlogs_policy::scenarios::FieldSeverity::Warning));
        // The alias ARN of the same key is refused, as issue 11 has the form refuse it.
        let alias = key.replace(":key/", ":alias/").split(":alias/").next().unwrap_or_default().to_owned() + ":alias/app";
        let mut alias_problems = Vec::new();
        assert_eq!(KeyArn::parse("key-arn", &alias, place, &mut alias_problems), None, "{alias}");
        assert!(alias_problems[0].message.contains("is an alias ARN"), "{alias_problems:?}");
        checked += 1;
    }
    assert!(checked > 0);
}

#[test]
fn log_group_and_bucket_names_parse_as_the_form_checks_them() {
    let mut checked = 0;
    for (id, input) in scenario_inputs::every_combination() {
        for field in ["log-groups", "log-group"] {
            let names: Vec<String> = match input.get(field) {
                Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
                Some(Value::String(one)) => vec![one.clone()],
                _ => continue,
            };
            let form = field_problems(id, &input, field);
            for name in names.iter().filter(|n| !n.trim().is_empty()) {
                match name.parse::<LogGroupName>() {
                    Ok(parsed) => assert_eq!(parsed.as_str(), name.trim()),
                    Err(problem) => assert!(form.iter().any(|p| p.message.contains(&problem)), "{id:?} {name}: {problem}"),
                }
                checked += 1;
            }
        }
        if let Some(bucket) = input.get("bucket").and_then(Value::as_str) {
            let form = field_problems(id, &input, "bucket");
            match bucket.parse::<BucketName>() {
                Ok(parsed) => assert_eq!(parsed.as_str(), bucket.trim()),
                Err(problem) if form.is_empty() => {
                    // vended-logs checks the bucket only when it is the destination.
                    assert_eq!(id, ScenarioId::VendedLogs, "{bucket}: {problem}");
                    assert_ne!(text(&input, "destination"), "s3", "{bucket}: {problem}");
                }
                Err(problem) => assert!(form.iter().any(|p| p.message.contains(&problem)), "{id:?} {bucket}: {problem}"),
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} names checked");
}
