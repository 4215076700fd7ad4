//! What a security scanner looks for, checked on every option combination of every scenario
//! (not only the representative set `scripts/scan-exports.sh` runs cfn-lint and checkov on):
//! every key a template or script creates rotates and has an alias, every bucket a template
//! creates blocks public access, every new log group keeps its events as the form says, and every
//! checkov suppression names a check and gives a reason. And the Terraform uses only resource
//! types and arguments of the AWS provider, from a table kept from its documentation.

mod scenario_inputs;

use cwlogs_policy::export::{export, suppressions, Format};
use cwlogs_policy::scenarios::retention::Retention;
use cwlogs_policy::scenarios::{Bundle, ScenarioId};
use serde_json::{json, Value};
use std::sync::OnceLock;

/// Every combination, with the retention the form asked for (log-group-key only); made once
/// for all the tests here.
fn combinations() -> &'static [(String, Bundle, Option<Retention>)] {
    static ALL: OnceLock<Vec<(String, Bundle, Option<Retention>)>> = OnceLock::new();
    ALL.get_or_init(every_combination)
}

fn every_combination() -> Vec<(String, Bundle, Option<Retention>)> {
    let mut all = Vec::new();
    let mut add = |id: ScenarioId, input: Value, retention: Option<Retention>| {
        let outcome = id.run(&input);
        assert!(!outcome.has_errors(), "{id:?} {input}: {:?}", outcome.problems);
        all.push((input.to_string(), outcome.bundle.expect("a bundle"), retention));
    };
    for i in scenario_inputs::log_group_key::every_combination() {
        add(ScenarioId::LogGroupKey, serde_json::to_value(&i).unwrap(), Some(i.retention));
    }
    for i in scenario_inputs::query_result_key::every_combination() {
        add(ScenarioId::QueryResultKey, serde_json::to_value(&i).unwrap(), None);
    }
    for i in scenario_inputs::s3_export::every_combination() {
        add(ScenarioId::S3Export, serde_json::to_value(&i).unwrap(), None);
    }
    for i in scenario_inputs::vended_logs::every_combination() {
        add(ScenarioId::VendedLogs, serde_json::to_value(&i).unwrap(), None);
    }
    for i in scenario_inputs::audit_trail::every_audit_combination() {
        add(ScenarioId::AuditTrail, serde_json::to_value(&i).unwrap(), None);
    }
    all
}

fn valid_alias(name: &str) -> bool {
    name.starts_with("alias/")
        && !name.starts_with("alias/aws/")
        && name.len() > "alias/".len()
        && name.len() <= 256
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_-".contains(&b))
}

fn skips(resource: &Value) -> Vec<(String, String)> {
    resource["Metadata"]["checkov"]["skip"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| (s["id"].as_str().unwrap().to_owned(), s["comment"].as_str().unwrap().to_owned()))
        .collect()
}

fn a_check_with_a_reason((id, reason): &(String, String)) -> bool {
    let number = id.strip_prefix("CKV_AWS_").or_else(|| id.strip_prefix("CKV2_AWS_"));
    number.is_some_and(|n| n.parse::<u32>().is_ok()) && reason.split_whitespace().count() >= 6
}

#[test]
fn every_cloudformation_key_rotates_and_has_an_alias_and_every_bucket_blocks_public_access() {
    let mut keys = 0;
    let mut buckets = 0;
    let mut groups = 0;
    for (input, bundle, retention) in combinations() {
        let template: Value = serde_json::from_str(&export(&bundle, Format::CloudFormationJson)).unwrap();
        let resources = template["Resources"].as_object().unwrap();
        let of_type = |t: &'static str| resources.values().filter(move |r| r["Type"] == t);
        for key in of_type("AWS::KMS::Key") {
            keys += 1;
            assert_eq!(key["Properties"]["EnableKeyRotation"], json!(true), "{input}");
            let aliases: Vec<&Value> = of_type("AWS::KMS::Alias").collect();
            assert_eq!(aliases.len(), 1, "{input}");
            assert_eq!(aliases[0]["Properties"]["TargetKeyId"], json!({"Fn::GetAtt": ["Key", "Arn"]}));
            let name = aliases[0]["Properties"]["AliasName"].as_str().unwrap();
            assert!(valid_alias(name), "{name} ({input})");
            assert_eq!(aliases[0].get("Condition"), key.get("Condition"), "in the key's stack: {input}");
        }
        for bucket in of_type("AWS::S3::Bucket") {
            buckets += 1;
            let block = &bucket["Properties"]["PublicAccessBlockConfiguration"];
            for setting in ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"] {
                assert_eq!(block[setting], json!(true), "{setting}: {input}");
            }
        }
        for group in of_type("AWS::Logs::LogGroup") {
            groups += 1;
            let days = group["Properties"].get("RetentionInDays").and_then(Value::as_u64);
            let skipped: Vec<String> = skips(group).into_iter().map(|(id, _)| id).collect();
            let existing = group.get("DeletionPolicy").is_some();
            match (existing, retention.and_then(|r| r.in_days())) {
                (false, Some(wanted)) => {
                    assert_eq!(days, Some(u64::from(wanted)), "{input}");
                    assert_eq!(!skipped.is_empty(), wanted < 365, "{skipped:?} {input}");
                }
                _ => {
                    assert_eq!(days, None, "{input}");
                    assert!(skipped.contains(&"CKV_AWS_66".to_owned()), "{input}");
                }
            }
        }
        for (id, resource) in resources {
            for skip in skips(resource) {
                assert!(a_check_with_a_reason(&skip), "{id}: {skip:?}");
            }
        }
    }
    assert!(keys > 100 && buckets > 50 && groups > 100, "{keys} keys, {buckets} buckets, {groups} log groups");
}

/// Blocks of `kind` in the Terraform text, each with its own text.
fn blocks<'t>(text: &'t str, kind: &str) -> Vec<&'t str> {
    let start = format!("resource \"{kind}\" ");
    text.match_indices(&start)
        .map(|(at, _)| {
            let end = text[at..].find("\n}\n").map_or(text.len(), |e| at + e + 3);
            &text[at..end]
        })
        .collect()
}

#[test]
fn every_terraform_key_rotates_and_has_an_alias_and_every_bucket_blocks_public_access() {
    let mut keys = 0;
    for (input, bundle, retention) in combinations() {
        let text = export(&bundle, Format::Terraform);
        for key in blocks(&text, "aws_kms_key") {
            keys += 1;
            assert!(key.contains("\n  enable_key_rotation      = true\n"), "{key}");
            let aliases = blocks(&text, "aws_kms_alias");
            assert_eq!(aliases.len(), 1, "{input}");
            assert!(aliases[0].contains("target_key_id = aws_kms_key.key.arn"), "{}", aliases[0]);
        }
        let buckets = blocks(&text, "aws_s3_bucket");
        let public_access = blocks(&text, "aws_s3_bucket_public_access_block");
        assert_eq!(buckets.len(), public_access.len(), "{input}");
        for block in public_access {
            for setting in ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"] {
                assert!(block.contains(&format!("{setting:<23} = true")), "{setting}: {block}");
            }
        }
        for group in blocks(&text, "aws_cloudwatch_log_group") {
            let days = retention.and_then(|r| r.in_days()).filter(|_| !group.contains("ignore_changes"));
            match days {
                Some(d) => assert!(group.contains(&format!("retention_in_days = {d}\n")), "{group}"),
                None => assert!(group.contains("#checkov:skip=CKV_AWS_66:") && !group.contains("retention_in_days ="), "{group}"),
            }
        }
        for line in text.lines().filter(|l| l.contains("checkov:skip")) {
            let rest = line.trim().strip_prefix("#checkov:skip=").expect("a whole-line skip");
            let (id, reason) = rest.split_once(':').expect("ID:reason");
            assert!(a_check_with_a_reason(&(id.to_owned(), reason.to_owned())), "{line}");
        }
    }
    assert!(keys > 100, "{keys}");
}

#[test]
fn every_script_rotates_and_names_each_key_it_creates() {
    for (input, bundle, _) in combinations() {
        let script = export(&bundle, Format::Script);
        let Some(create) = script.find("aws kms create-key") else { continue };
        let rotate = script.find("aws kms enable-key-rotation").unwrap_or_else(|| panic!("{input}"));
        let alias = script.find("aws kms create-alias").unwrap_or_else(|| panic!("{input}"));
        // The alias first: a key left without it by a failed rotation is one a re-run cannot find.
        assert!(create < alias && alias < rotate, "{input}");
        assert_eq!(script.matches("aws kms create-key").count(), 1, "{input}");
        let name = script[alias..].split_whitespace().skip_while(|w| *w != "--alias-name").nth(1).unwrap();
        assert!(valid_alias(name.trim_matches('\'')), "{name}");
    }
}

/// Every resource type the Terraform export writes, with the arguments and nested blocks it
/// gives it (meta-arguments `provider` and `lifecycle` with `prevent_destroy` / `ignore_changes`
/// aside). From the AWS provider's resource pages (hashicorp/terraform-provider-aws,
/// website/docs/r/NAME.html.markdown, "Argument Reference"), read 2026-12-07: no provider schema
/// can be had offline, so this table stands for it, and a new type or argument must be added here
/// after checking its page.
const PROVIDER_ARGUMENTS: &[(&str, &[&str])] = &[
    ("aws_kms_key", &["description", "key_usage", "customer_master_key_spec", "enable_key_rotation", "policy"]),
    ("aws_kms_alias", &["name", "target_key_id"]),
    ("aws_kms_key_policy", &["key_id", "policy"]),
    ("aws_cloudwatch_log_group", &["name", "kms_key_id", "retention_in_days"]),
    ("aws_cloudwatch_log_resource_policy", &["policy_name", "policy_document"]),
    ("aws_cloudwatch_log_delivery_source", &["name", "log_type", "resource_arn"]),
    ("aws_cloudwatch_log_delivery_destination", &["name", "delivery_destination_configuration", "destination_resource_arn"]),
    ("aws_cloudwatch_log_delivery_destination_policy", &["delivery_destination_name", "delivery_destination_policy"]),
    ("aws_cloudwatch_log_delivery", &["delivery_source_name", "delivery_destination_arn"]),
    ("aws_s3_bucket", &["bucket"]),
    ("aws_s3_bucket_public_access_block", &["bucket", "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]),
    ("aws_s3_bucket_ownership_controls", &["bucket", "rule", "object_ownership"]),
    (
        "aws_s3_bucket_server_side_encryption_configuration",
        &["bucket", "rule", "apply_server_side_encryption_by_default", "sse_algorithm", "kms_master_key_id", "bucket_key_enabled"],
    ),
    ("aws_s3_bucket_policy", &["bucket", "policy"]),
    ("aws_iam_role_policy", &["name", "role", "policy"]),
    ("aws_iam_user_policy", &["name", "user", "policy"]),
    ("aws_iam_role_policy_attachment", &["role", "policy_arn"]),
    ("aws_iam_user_policy_attachment", &["user", "policy_arn"]),
    ("aws_iam_service_linked_role", &["aws_service_name"]),
    ("aws_cloudwatch_event_rule", &["name", "description", "event_pattern"]),
    ("aws_cloudwatch_event_target", &["rule", "target_id", "arn"]),
    ("aws_sns_topic_policy", &["arn", "policy"]),
];

/// Argument and nested block names of `body`, nested ones included, meta-arguments left out.
fn names(body: &hcl::Body, out: &mut Vec<String>) {
    for a in body.attributes() {
        if a.key.as_str() != "provider" {
            out.push(a.key.as_str().to_owned());
        }
    }
    for b in body.blocks() {
        if b.identifier.as_str() == "lifecycle" {
            let meta: Vec<&str> = b.body.attributes().map(|a| a.key.as_str()).collect();
            assert!(meta.iter().all(|m| ["prevent_destroy", "ignore_changes"].contains(m)), "{meta:?}");
            continue;
        }
        out.push(b.identifier.as_str().to_owned());
        names(&b.body, out);
    }
}

#[test]
fn terraform_uses_only_resource_types_and_arguments_of_the_provider_table() {
    let mut used: Vec<(String, String)> = Vec::new();
    for (input, bundle, _) in combinations() {
        let body: hcl::Body = hcl::parse(&export(&bundle, Format::Terraform)).unwrap();
        for block in body.blocks().filter(|b| b.identifier.as_str() == "resource") {
            let kind = block.labels[0].as_str();
            let allowed = PROVIDER_ARGUMENTS
                .iter()
                .find(|(k, _)| *k == kind)
                .unwrap_or_else(|| panic!("{kind} is not in the table ({input})"))
                .1;
            let mut found = Vec::new();
            names(&block.body, &mut found);
            for name in found {
                assert!(allowed.contains(&name.as_str()), "{kind}.{name} is not in the table ({input})");
                if !used.contains(&(kind.to_owned(), name.clone())) {
                    used.push((kind.to_owned(), name));
                }
            }
        }
    }
    // The table holds nothing the export no longer writes: each entry is used somewhere.
    for (kind, arguments) in PROVIDER_ARGUMENTS {
        for argument in *arguments {
            assert!(
                used.iter().any(|(k, a)| k == kind && a == argument),
                "{kind}.{argument} is in the table but no export uses it"
            );
        }
    }
}

#[test]
fn the_readme_lists_every_suppression_with_its_reason() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut all = suppressions::log_group(true, None);
    all.extend(suppressions::log_group(false, None));
    all.extend(suppressions::bucket_terraform(true));
    all.extend(suppressions::ownership("BucketOwnerPreferred"));
    all.extend(suppressions::iam_user());
    for skip in all {
        assert!(
            readme.contains(&format!("`{}`", skip.check)) && readme.contains(&skip.reason),
            "README: {} with \"{}\"",
            skip.check,
            skip.reason
        );
    }
    let short = suppressions::log_group(false, Some(30));
    assert_eq!(short.len(), 1);
    assert!(readme.contains(&format!("`{}`", short[0].check)) && readme.contains("A retention of N days was chosen in the form"));
}
