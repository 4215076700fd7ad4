//! Within one bundle, every ARN and service principal agrees with the form: same partition, the
//! input's Region (or none, for global services), an account the input names. Checked for every
//! scenario, in every partition.

use cwlogs_policy::scenarios::ScenarioId;
use serde_json::Value;

/// Every `arn:…` in a text, cut at characters that cannot be part of one in a policy or a command.
fn arns(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("arn:") {
        let tail = &rest[i..];
        let end = tail.find(|c: char| c.is_whitespace() || "\"'|)\\,".contains(c)).unwrap_or(tail.len());
        out.push(&tail[..end]);
        rest = &tail[end.max(4)..];
    }
    out
}

/// Every regional CloudWatch Logs service principal or endpoint, `logs.REGION.amazonaws.com[.cn]`.
fn logs_hosts(text: &str) -> Vec<&str> {
    text.match_indices("logs.")
        .filter(|(i, _)| *i == 0 || !text[..*i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.'))
        .map(|(i, _)| {
            let tail = &text[i..];
            &tail[..tail.find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-')).unwrap_or(tail.len())]
        })
        .filter(|h| h.contains(".amazonaws.com"))
        .collect()
}

/// Every text a bundle shows: documents, files, commands, notes.
fn bundle_text(bundle: &cwlogs_policy::scenarios::Bundle) -> String {
    serde_json::to_string(bundle).unwrap_or_default().replace("\\\"", "\"").replace("\\n", "\n")
}

/// Twelve-digit strings anywhere in the input: the accounts the user named.
fn accounts(input: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![input];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => {
                for part in s.split(|c: char| !c.is_ascii_digit()) {
                    if part.len() == 12 {
                        out.push(part.to_owned());
                    }
                }
            }
            Value::Array(items) => stack.extend(items),
            Value::Object(m) => stack.extend(m.values()),
            _ => {}
        }
    }
    out
}

/// The default input moved to another partition, Region and account, with every value that
/// embedded the old ones rewritten to match.
fn moved(id: ScenarioId, partition: &str, region: &str, account: &str) -> Value {
    let default = id.default_input();
    let old_partition = default.get("partition").and_then(Value::as_str).unwrap_or("aws").to_owned();
    let old_region = default.get("region").and_then(Value::as_str).unwrap_or("us-east-1").to_owned();
    let old_account = default.get("account").and_then(Value::as_str).unwrap_or("111122223333").to_owned();
    let text = serde_json::to_string(&default).unwrap()
        .replace(&format!("arn:{old_partition}:"), &format!("arn:{partition}:"))
        .replace(&format!(":{old_region}:"), &format!(":{region}:"))
        .replace(&old_account, account);
    let mut input: Value = serde_json::from_str(&text).unwrap();
    if let Some(m) = input.as_object_mut() {
        for (field, value) in [("partition", partition), ("region", region)] {
            if m.contains_key(field) {
                m.insert(field.to_owned(), Value::String(value.to_owned()));
            }
        }
    }
    input
}

#[test]
fn arns_and_principals_agree_with_the_form_in_every_partition() {
    for id in ScenarioId::ALL {
        for (partition, region, account) in
            [("aws", "eu-west-1", "123456789012"), ("aws-cn", "cn-north-1", "210987654321"), ("aws-us-gov", "us-gov-west-1", "333344445555")]
        {
            let input = moved(id, partition, region, account);
            let has_partition = input.get("partition").is_some();
            let outcome = id.run(&input);
            assert!(!outcome.has_errors(), "{id:?} in {partition}: {:?}", outcome.problems);
            let Some(bundle) = outcome.bundle else { panic!("{id:?}: no bundle") };
            let text = bundle_text(&bundle);
            let named = accounts(&input);
            for arn in arns(&text) {
                let fields: Vec<&str> = arn.splitn(6, ':').collect();
                let [_, arn_partition, service, arn_region, arn_account, _] = fields[..] else { continue };
                if has_partition {
                    assert_eq!(arn_partition, partition, "{id:?}: {arn} is not in partition {partition}");
                }
                assert!(
                    arn_region.is_empty() || arn_region == region || arn_region.contains('*'),
                    "{id:?}: {arn} is in Region {arn_region}, the form says {region}"
                );
                assert!(
                    arn_account.is_empty() || arn_account.contains('*') || named.iter().any(|a| a == arn_account) || service == "iam" && arn_account == "aws",
                    "{id:?}: {arn} names account {arn_account}, which the form does not ({named:?})"
                );
            }
            let suffix = if partition == "aws-cn" { "amazonaws.com.cn" } else { "amazonaws.com" };
            for host in logs_hosts(&text) {
                if host.starts_with("logs.amazonaws") {
                    continue;
                }
                assert_eq!(host, format!("logs.{region}.{suffix}"), "{id:?}: {host} does not match the form's Region");
            }
        }
    }
}

#[test]
fn the_scanners_find_what_they_should() {
    assert_eq!(arns("x \"arn:aws:s3:::b/*\", 'arn:aws:iam::1:root' arn:aws:kms:r:1:key/k|"), ["arn:aws:s3:::b/*", "arn:aws:iam::1:root", "arn:aws:kms:r:1:key/k"]);
    assert_eq!(logs_hosts("\"logs.eu-west-1.amazonaws.com\" delivery.logs.amazonaws.com"), ["logs.eu-west-1.amazonaws.com"]);
    assert_eq!(accounts(&serde_json::json!({"a": "arn:aws:iam::123456789012:root", "b": ["210987654321"]})).len(), 2);
}
