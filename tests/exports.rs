//! Exports of every scenario, on its defaults and on option combinations: the script is valid
//! bash whose heredocs hold the documents byte for byte; the CloudFormation JSON and YAML parse
//! to the same template; the Terraform parses with hcl-rs; and each export embeds exactly the
//! bundle's policies (parsed back out, intrinsics and references resolved, compared as JSON).

use cwlogs_policy::export::{export, Format};
use cwlogs_policy::scenarios::{Bundle, ScenarioId};
use serde_json::{json, Value};

const ROLE: &str = "arn:aws:iam::111122223333:role/app";
const KEY: &str = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

fn cases() -> Vec<(ScenarioId, Value)> {
    use ScenarioId::*;
    vec![
        (LogGroupKey, json!({})),
        (
            LogGroupKey,
            json!({"caller-permission": "iam-policy", "callers": [ROLE]}),
        ),
        (
            LogGroupKey,
            json!({"key-arn": KEY, "log-group-state": "existing", "caller-permission": "key-policy", "callers": [ROLE]}),
        ),
        (
            LogGroupKey,
            json!({"scope": "several-groups", "log-groups": ["/a/b", "/a-b", "c"], "rotate-from": KEY, "log-group-state": "existing"}),
        ),
        (QueryResultKey, json!({})),
        (QueryResultKey, json!({"share-with-log-groups": true})),
        (QueryResultKey, json!({"key-arn": KEY})),
        (S3Export, json!({})),
        (
            S3Export,
            json!({"bucket-state": "existing", "callers": ["arn:aws:iam::123456789012:role/exporter"], "key-arn": "arn:aws:kms:us-east-1:123456789012:key/2234abcd-12ab-34cd-56ef-1234567890ab"}),
        ),
        (
            S3Export,
            json!({"bucket-account": "444455556666", "acls-enabled": true, "callers": ["arn:aws:iam::123456789012:user/ops"]}),
        ),
        (S3Export, json!({"encryption": "sse-s3", "prefix": "logs"})),
        (VendedLogs, json!({})),
        (
            VendedLogs,
            json!({"destination": "s3", "key-arn": KEY, "include-list-bucket": true}),
        ),
        (VendedLogs, json!({"destination": "firehose"})),
        (VendedLogs, json!({"destination-account": "444455556666"})),
        (
            VendedLogs,
            json!({"destination": "s3", "destination-account": "444455556666", "org-id": "o-abc123defg"}),
        ),
        (VendedLogs, json!({"service": "eventbridge-pipes", "destination": "s3"})),
        (AuditTrail, json!({})),
        (AuditTrail, json!({"sns-topic-arn": ""})),
    ]
}

fn bundle(id: ScenarioId, overrides: &Value) -> Bundle {
    let mut input = id.default_input();
    for (k, v) in overrides.as_object().unwrap() {
        input[k] = v.clone();
    }
    let outcome = id.run(&input);
    assert!(!outcome.has_errors(), "{id:?} {overrides}: {:?}", outcome.problems);
    outcome.bundle.unwrap()
}

/// What every policy-holding export must embed: each document, and each file that is a policy.
fn expected_policies(bundle: &Bundle) -> Vec<String> {
    let as_json = serde_json::to_value(bundle).unwrap();
    let mut out: Vec<String> = as_json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["policy"].to_string())
        .collect();
    for file in &bundle.files {
        if let Ok(v) = serde_json::from_str::<Value>(&file.content) {
            if v.get("Statement").is_some() {
                out.push(v.to_string());
            }
        }
    }
    out.sort();
    out
}

/// The ARN the bundle uses for a key its steps create, if any.
fn placeholder(bundle: &Bundle) -> Option<String> {
    let text = serde_json::to_string(bundle).unwrap();
    let end = text.find(":key/NEW-KEY-ID")? + ":key/NEW-KEY-ID".len();
    let start = text[..end].rfind("arn:")?;
    Some(text[start..end].to_owned())
}

/// Policies found anywhere in `v`: objects with a `Statement`, and strings holding one.
fn found_policies(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) if m.contains_key("Statement") => out.push(v.to_string()),
        Value::Object(m) => m.values().for_each(|v| found_policies(v, out)),
        Value::Array(items) => items.iter().for_each(|v| found_policies(v, out)),
        Value::String(s) => {
            if let Ok(inner @ Value::Object(_)) = serde_json::from_str::<Value>(s) {
                found_policies(&inner, out);
            }
        }
        _ => {}
    }
}

// ---- script ----

fn heredocs(script: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = script.lines();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix("cat > ") else {
            continue;
        };
        let (file, delimiter) = rest.split_once(" <<'").unwrap();
        let delimiter = delimiter.trim_end_matches('\'');
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != delimiter).collect();
        out.push((file.trim_matches('\'').to_owned(), body.join("\n")));
    }
    out
}

#[test]
fn scripts_are_valid_bash_with_the_documents_byte_for_byte_and_every_step() {
    for (id, overrides) in cases() {
        let bundle = bundle(id, &overrides);
        let script = export(&bundle, Format::Script);
        assert!(script.starts_with("#!/usr/bin/env bash\n"), "{id:?}");
        assert!(script.contains("\nset -euo pipefail\n"));
        let path = std::env::temp_dir().join(format!("cwlogs-export-{}-{}.sh", id.cli_name(), std::process::id()));
        std::fs::write(&path, &script).unwrap();
        let check = std::process::Command::new("bash")
            .arg("-n")
            .arg(&path)
            .output()
            .unwrap();
        let _ = std::fs::remove_file(&path);
        assert!(
            check.status.success(),
            "{id:?} {overrides}: {}",
            String::from_utf8_lossy(&check.stderr)
        );

        let mut expected: Vec<(String, String)> = bundle
            .documents
            .iter()
            .map(|d| (d.file_name.clone(), d.text()))
            .collect();
        expected.extend(bundle.files.iter().map(|f| (f.file_name.clone(), f.content.clone())));
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(f, t)| (f, t.strip_suffix('\n').unwrap_or(&t).to_owned()))
            .collect();
        assert_eq!(heredocs(&script), expected, "{id:?} {overrides}");

        let mut at = 0;
        for step in &bundle.steps {
            let found = script[at..]
                .find(step.command.trim_end())
                .unwrap_or_else(|| panic!("{id:?}: {}", step.title));
            at += found + step.command.trim_end().len();
        }
    }
}

// ---- CloudFormation ----

/// `v` with `Ref`, `Fn::GetAtt` and `Fn::Sub` replaced by what they stand for: a parameter's
/// default, the created key's ARN (the bundle's placeholder for it), or a resource's name. A
/// reference to nothing in the template fails the test.
fn resolve(v: &Value, template: &Value, key: &Option<String>) -> Value {
    let key_arn = || json!(key.clone().unwrap_or_else(|| "CREATED-KEY-ARN".into()));
    match v {
        Value::Object(m) if m.len() == 1 => {
            let (k, arg) = m.iter().next().unwrap();
            match k.as_str() {
                "Ref" => {
                    let name = arg.as_str().unwrap();
                    if name == "CreatedKeyArn" {
                        key_arn()
                    } else if let Some(param) = template["Parameters"].get(name) {
                        param
                            .get("Default")
                            .cloned()
                            .unwrap_or_else(|| json!(format!("<{name}>")))
                    } else {
                        assert!(template["Resources"].get(name).is_some(), "Ref to nothing: {name}");
                        json!(format!("<{name}>"))
                    }
                }
                "Fn::GetAtt" => {
                    assert_eq!(arg, &json!(["Key", "Arn"]), "only the created key is referred to");
                    assert!(template["Resources"].get("Key").is_some(), "GetAtt of a missing key");
                    key_arn()
                }
                "Fn::Sub" => {
                    let text = arg.as_str().unwrap();
                    let key = key_arn();
                    let key = key.as_str().unwrap();
                    json!(text
                        .replace("${Key.Arn}", key)
                        .replace("${CreatedKeyArn}", key)
                        .replace("${!", "${"))
                }
                _ => Value::Object(
                    m.iter()
                        .map(|(k, v)| (k.clone(), resolve(v, template, &key.clone())))
                        .collect(),
                ),
            }
        }
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), resolve(v, template, key))).collect()),
        Value::Array(items) => Value::Array(items.iter().map(|v| resolve(v, template, key)).collect()),
        other => other.clone(),
    }
}

#[test]
fn cloudformation_json_and_yaml_parse_to_one_template_embedding_every_policy() {
    for (id, overrides) in cases() {
        let bundle = bundle(id, &overrides);
        let from_json: Value = serde_json::from_str(&export(&bundle, Format::CloudFormationJson))
            .unwrap_or_else(|e| panic!("{id:?} {overrides}: {e}"));
        let yaml = export(&bundle, Format::CloudFormationYaml);
        let from_yaml: Value =
            serde_yaml_ng::from_str(&yaml).unwrap_or_else(|e| panic!("{id:?} {overrides}: {e}\n{yaml}"));
        assert_eq!(from_json, from_yaml, "{id:?} {overrides}");
        assert_eq!(from_json["AWSTemplateFormatVersion"], "2010-09-09");
        assert!(from_json["Description"].as_str().unwrap().len() <= 1024);
        for (id, resource) in from_json["Resources"].as_object().unwrap() {
            for dependency in resource
                .get("DependsOn")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let dependency = dependency.as_str().unwrap();
                assert!(
                    from_json["Resources"].get(dependency).is_some(),
                    "{id} depends on nothing: {dependency}"
                );
            }
            if let Some(condition) = resource.get("Condition") {
                assert!(
                    from_json["Conditions"].get(condition.as_str().unwrap()).is_some(),
                    "{id}"
                );
            }
        }
        let resolved = resolve(&from_json, &from_json, &placeholder(&bundle));
        let mut found = Vec::new();
        found_policies(&resolved, &mut found);
        found.sort();
        assert_eq!(found, expected_policies(&bundle), "{id:?} {overrides}");
    }
}

#[test]
fn cloudformation_declares_the_resources_the_steps_create() {
    let types = |id, overrides: Value| -> Vec<String> {
        let t: Value = serde_json::from_str(&export(&bundle(id, &overrides), Format::CloudFormationJson)).unwrap();
        t["Resources"]
            .as_object()
            .unwrap()
            .values()
            .map(|r| r["Type"].as_str().unwrap().to_owned())
            .collect()
    };
    let lgk = types(ScenarioId::LogGroupKey, json!({}));
    assert_eq!(lgk, ["AWS::KMS::Key", "AWS::KMS::Alias", "AWS::Logs::LogGroup"]);
    let t: Value = serde_json::from_str(&export(
        &bundle(ScenarioId::LogGroupKey, &json!({})),
        Format::CloudFormationJson,
    ))
    .unwrap();
    assert_eq!(
        t["Resources"]["LogGroupMyLogGroup"]["Properties"]["KmsKeyId"],
        json!({"Fn::GetAtt": ["Key", "Arn"]})
    );

    let v2 = types(ScenarioId::VendedLogs, json!({"destination-account": "444455556666"}));
    for wanted in [
        "AWS::Logs::DeliverySource",
        "AWS::Logs::DeliveryDestination",
        "AWS::Logs::Delivery",
        "AWS::Logs::ResourcePolicy",
    ] {
        assert!(v2.iter().any(|t| t == wanted), "{wanted} in {v2:?}");
    }
    let t: Value = serde_json::from_str(&export(
        &bundle(ScenarioId::VendedLogs, &json!({"destination-account": "444455556666"})),
        Format::CloudFormationJson,
    ))
    .unwrap();
    // AWS::Logs::DeliveryDestination's schema nests the policy with the destination's name.
    let nested = &t["Resources"]["DeliveryDestination"]["Properties"]["DeliveryDestinationPolicy"];
    assert!(nested["DeliveryDestinationPolicy"]["Statement"].is_array(), "{nested}");
    assert_eq!(
        nested["DeliveryDestinationName"],
        t["Resources"]["DeliveryDestination"]["Properties"]["Name"]
    );
    assert_eq!(
        t["Resources"]["DeliveryDestination"]["Condition"],
        "InDestinationAccount"
    );
    assert!(
        t["Resources"]["ResourcePolicyCwlogsPolicyBuilderPolicy"].is_object()
            || v2.iter().any(|t| t == "AWS::Logs::ResourcePolicy")
    );

    let q: Value = serde_json::from_str(&export(
        &bundle(ScenarioId::QueryResultKey, &json!({})),
        Format::CloudFormationJson,
    ))
    .unwrap();
    assert!(q["Description"]
        .as_str()
        .unwrap()
        .contains("no resource that associates a KMS key with Logs Insights query results"));

    let existing: Value = serde_json::from_str(&export(
        &bundle(ScenarioId::LogGroupKey, &json!({"key-arn": KEY})),
        Format::CloudFormationJson,
    ))
    .unwrap();
    assert_eq!(existing["Parameters"]["KeyArn"]["Default"], KEY);
    assert_eq!(
        existing["Resources"]["LogGroupMyLogGroup"]["Properties"]["KmsKeyId"],
        json!({"Ref": "KeyArn"})
    );

    let s3: Value = serde_json::from_str(&export(
        &bundle(ScenarioId::S3Export, &json!({})),
        Format::CloudFormationJson,
    ))
    .unwrap();
    assert_eq!(
        s3["Resources"]["BucketPolicy"]["Properties"]["Bucket"],
        json!({"Ref": "Bucket"})
    );
    let enc = &s3["Resources"]["Bucket"]["Properties"]["BucketEncryption"]["ServerSideEncryptionConfiguration"][0];
    assert_eq!(
        enc["ServerSideEncryptionByDefault"]["KMSMasterKeyID"],
        json!({"Fn::GetAtt": ["Key", "Arn"]})
    );
}

// ---- Terraform ----

fn jsonencode(args: hcl::eval::FuncArgs) -> Result<hcl::Value, String> {
    serde_json::to_string(&args[0])
        .map(hcl::Value::String)
        .map_err(|e| e.to_string())
}

fn jsonencode_calls(expr: &hcl::Expression, out: &mut Vec<hcl::Expression>) {
    match expr {
        hcl::Expression::FuncCall(call) if call.name.name.as_str() == "jsonencode" => out.push(expr.clone()),
        hcl::Expression::Object(object) => object.values().for_each(|v| jsonencode_calls(v, out)),
        _ => {}
    }
}

fn all_calls(body: &hcl::Body, out: &mut Vec<hcl::Expression>) {
    for attribute in body.attributes() {
        jsonencode_calls(&attribute.expr, out);
    }
    for block in body.blocks() {
        all_calls(&block.body, out);
    }
}

#[test]
fn terraform_parses_and_embeds_every_policy() {
    use hcl::eval::{Context, Evaluate, FuncDef, ParamType};
    for (id, overrides) in cases() {
        let bundle = bundle(id, &overrides);
        let text = export(&bundle, Format::Terraform);
        let body: hcl::Body = hcl::parse(&text).unwrap_or_else(|e| panic!("{id:?} {overrides}: {e}\n{text}"));
        let mut ctx = Context::new();
        ctx.declare_func("jsonencode", FuncDef::builder().param(ParamType::Any).build(jsonencode));
        let key = placeholder(&bundle).unwrap_or_else(|| "CREATED-KEY-ARN".into());
        ctx.declare_var("aws_kms_key", hcl::value!({ key = { arn = (key) } }));
        let mut calls = Vec::new();
        all_calls(&body, &mut calls);
        let mut found = Vec::new();
        for call in calls {
            let value = call
                .evaluate(&ctx)
                .unwrap_or_else(|e| panic!("{id:?} {overrides}: {e}"));
            let decoded: Value = serde_json::from_str(value.as_str().unwrap()).unwrap();
            found_policies(&decoded, &mut found);
        }
        found.sort();
        assert_eq!(found, expected_policies(&bundle), "{id:?} {overrides}\n{text}");
    }
}

#[test]
fn terraform_uses_the_provider_resources_for_keys_log_groups_and_delivery() {
    let resources = |id, overrides: Value| -> Vec<String> {
        let body: hcl::Body = hcl::parse(&export(&bundle(id, &overrides), Format::Terraform)).unwrap();
        body.blocks()
            .filter(|b| b.identifier.as_str() == "resource")
            .map(|b| b.labels[0].as_str().to_owned())
            .collect()
    };
    assert_eq!(
        resources(ScenarioId::LogGroupKey, json!({})),
        ["aws_kms_key", "aws_kms_alias", "aws_cloudwatch_log_group"]
    );
    assert_eq!(
        resources(ScenarioId::LogGroupKey, json!({"key-arn": KEY}))[0],
        "aws_kms_key_policy"
    );
    let v2 = resources(ScenarioId::VendedLogs, json!({"destination-account": "444455556666"}));
    for wanted in [
        "aws_cloudwatch_log_resource_policy",
        "aws_cloudwatch_log_delivery_source",
        "aws_cloudwatch_log_delivery_destination",
        "aws_cloudwatch_log_delivery_destination_policy",
        "aws_cloudwatch_log_delivery",
    ] {
        assert!(v2.iter().any(|t| t == wanted), "{wanted} in {v2:?}");
    }
    let s3 = resources(ScenarioId::S3Export, json!({}));
    assert!(s3.iter().any(|t| t == "aws_s3_bucket_policy"), "{s3:?}");
}

#[test]
fn a_dropped_statement_is_noticed() {
    let mut bundle = bundle(ScenarioId::LogGroupKey, &json!({}));
    let exported = export(&bundle, Format::CloudFormationJson);
    let expected_before = expected_policies(&bundle);
    bundle.documents[0].policy.statements.pop();
    let mut found = Vec::new();
    found_policies(&serde_json::from_str(&exported).unwrap(), &mut found);
    assert_ne!(expected_policies(&bundle), found);
    assert_ne!(expected_before, expected_policies(&bundle));
}

#[test]
fn the_cli_prints_each_export_and_refuses_an_unknown_one() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cwlogs-policy"))
            .args(args)
            .output()
            .unwrap()
    };
    for format in Format::ALL {
        let out = run(&[
            "build",
            "query-result-key",
            "--region",
            "eu-west-1",
            "--export",
            format.cli_name(),
        ]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let mut input = ScenarioId::QueryResultKey.default_input();
        input["region"] = json!("eu-west-1");
        let bundle = ScenarioId::QueryResultKey.run(&input).bundle.unwrap();
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            export(&bundle, format),
            "{format:?}"
        );
    }
    let bad = run(&["build", "log-group-key", "--export", "pulumi"]);
    assert_eq!(bad.status.code(), Some(2));
    let invalid = run(&["build", "log-group-key", "--account", "12345", "--export", "terraform"]);
    assert_eq!(invalid.status.code(), Some(2));
    assert!(invalid.stdout.is_empty());
}

/// An imported log group is declared with only its name and key: without `ignore_changes` the
/// next apply would reset its retention to "never expire" and remove its tags.
#[test]
fn terraform_leaves_an_imported_log_groups_retention_and_tags_alone() {
    let existing = json!({"log-group-state": "existing"});
    let text = export(&bundle(ScenarioId::LogGroupKey, &existing), Format::Terraform);
    let body: hcl::Body = hcl::parse(&text).unwrap();
    assert!(body.blocks().any(|b| b.identifier.as_str() == "import"), "{text}");
    let group = body
        .blocks()
        .find(|b| b.identifier.as_str() == "resource" && b.labels[0].as_str() == "aws_cloudwatch_log_group")
        .expect("a log group");
    let lifecycle = group
        .body
        .blocks()
        .find(|b| b.identifier.as_str() == "lifecycle")
        .unwrap_or_else(|| panic!("no lifecycle block:\n{text}"));
    let ignored = lifecycle
        .body
        .attributes()
        .find(|a| a.key.as_str() == "ignore_changes")
        .map(|a| a.expr.to_string())
        .unwrap_or_default();
    assert!(ignored.contains("retention_in_days") && ignored.contains("tags"), "{ignored}");
    assert!(text.contains("retention and tags"), "a visible note says why:\n{text}");
}

/// `import` blocks exist from Terraform 1.5 on; an older Terraform stops at them with a syntax
/// error instead of saying which version is needed (review F13d). With imports the configuration
/// requires 1.5; without, it sets no required_version.
#[test]
fn terraform_with_import_blocks_requires_terraform_1_5() {
    let required_version = |text: &str| -> Option<String> {
        let body: hcl::Body = hcl::parse(text).unwrap();
        let terraform = body.blocks().find(|b| b.identifier.as_str() == "terraform").expect("a terraform block");
        terraform
            .body
            .attributes()
            .find(|a| a.key.as_str() == "required_version")
            .map(|a| a.expr.to_string())
    };
    let existing = export(&bundle(ScenarioId::LogGroupKey, &json!({"log-group-state": "existing"})), Format::Terraform);
    assert_eq!(required_version(&existing).as_deref(), Some("\">= 1.5\""), "{existing}");
    let new = export(&bundle(ScenarioId::LogGroupKey, &json!({"log-group-state": "new"})), Format::Terraform);
    assert!(!new.contains("import {"));
    assert_eq!(required_version(&new), None, "{new}");
}
