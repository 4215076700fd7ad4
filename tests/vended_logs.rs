//! The vended-logs scenario against AWS's documented policies, and over every option combination.

use cwlogs_policy::catalog::Partition;
use cwlogs_policy::json::parse_document;
use cwlogs_policy::policy::{lower, print, Policy, Statement, Text};
use cwlogs_policy::scenarios::vended_logs::{check_input, generate, Destination, VendedLogsInput, SERVICES};
use cwlogs_policy::scenarios::Bundle;

const ACCOUNT: &str = "123456789012";
const REGION: &str = "eu-west-1";
const GROUP: &str = "/aws/vendedlogs/orders";
const BUCKET: &str = "orders-logs";
const KEY_ARN: &str = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

fn fixture(file: &str) -> String {
    let path = format!("{}/tests/fixtures/aws-docs/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// AWS's placeholders and example values, replaced by this test's inputs.
fn filled(text: &str) -> String {
    text.replace("0123456789", ACCOUNT)
        .replace("account-ID", ACCOUNT)
        .replace("account-id", ACCOUNT)
        .replace("us-east-1", REGION)
        .replace(":region:", &format!(":{REGION}:"))
        .replace("log-group:my-log-group:", &format!("log-group:{GROUP}:"))
        .replace("s3:::my-bucket", &format!("s3:::{BUCKET}"))
        .replace("s3:::bucket-name", &format!("s3:::{BUCKET}"))
}

fn policy(text: &str) -> Policy {
    lower(&parse_document(text).expect("fixture is JSON"))
}

/// A fixture holding statement-array elements (`{…}` or `{…}, {…}`), as AWS shows additions.
fn statements(text: &str) -> Vec<Statement> {
    policy(&format!("{{\"Statement\": [{text}]}}")).statements
}

fn document<'b>(bundle: &'b Bundle, file: &str) -> &'b Policy {
    &bundle
        .documents
        .iter()
        .find(|d| d.file_name == file)
        .unwrap_or_else(|| {
            panic!(
                "no {file} in {:?}",
                bundle.documents.iter().map(|d| &d.file_name).collect::<Vec<_>>()
            )
        })
        .policy
}

/// The statements with AWS's Sids in place of the tool's own. The tool names its statements
/// `CwlDelivery…` plus a fingerprint, so that merging them into a shared bucket or key policy never
/// replaces a statement AWS (or another account's setup) wrote under AWS's Sid; everything else
/// must be AWS's documented statement.
fn with_aws_sids(mut statements: Vec<Statement>) -> Vec<Statement> {
    for s in &mut statements {
        let sid = s.sid.as_ref().expect("every generated statement is named").value.clone();
        let (ours, aws) = [
            ("CwlDeliveryAclCheck", "AWSLogDeliveryAclCheck"),
            ("CwlDeliveryWrite", "AWSLogDeliveryWrite"),
            ("CwlDeliveryKeyUse", "Allow Logs Delivery to use the key"),
        ]
        .into_iter()
        .find(|(ours, _)| sid.starts_with(ours))
        .unwrap_or_else(|| panic!("{sid} is not one of the tool's own Sids"));
        let fingerprint = &sid[ours.len()..];
        assert!(fingerprint.len() == 8 && fingerprint.bytes().all(|b| b.is_ascii_hexdigit()), "{sid}");
        s.sid = Some(Text::new(aws));
    }
    statements
}

fn input(service: &str, destination: Destination) -> VendedLogsInput {
    let row = SERVICES.iter().find(|s| s.id == service).expect("service in the table");
    VendedLogsInput {
        region: REGION.into(),
        account: ACCOUNT.into(),
        service: service.into(),
        destination,
        source_resource_arn: row.example_arn("aws", REGION, ACCOUNT),
        log_group: GROUP.into(),
        bucket: BUCKET.into(),
        ..VendedLogsInput::default()
    }
}

/// The V2 S3 and key policies name delivery sources, not all of the account's log deliveries
/// (domain-facts §4.3, corrected so both statements use the same pattern).
fn as_v2_delivery_sources(text: &str) -> String {
    text.replace(
        "\"arn:aws:logs:us-east-1:0123456789:*\"",
        "\"arn:aws:logs:us-east-1:0123456789:delivery-source:*\"",
    )
}

#[test]
fn the_log_group_policy_is_the_documented_one_for_v1_and_v2() {
    let expected = policy(&filled(&fixture("vended-log-group-policy.json")));
    for service in ["step-functions", "workmail"] {
        let bundle = generate(&input(service, Destination::CloudwatchLogs));
        assert_eq!(document(&bundle, "log-group-policy.json"), &expected, "{service}");
    }
}

/// The seed's V2 list, plus the two actions the current AWS pages add (domain-facts §4.2).
fn current_v2_permissions() -> Policy {
    let mut expected = policy(&filled(&fixture("vended-v2-user-permissions-cwl.json")));
    let add = |s: &mut Statement, action: &str| {
        if let Some(list) = s.action.as_mut() {
            list.items.push(Text::new(action));
        }
    };
    add(&mut expected.statements[0], "logs:UpdateDeliveryConfiguration");
    add(&mut expected.statements[1], "logs:DescribeConfigurationTemplates");
    expected
}

#[test]
fn v2_setup_permissions_are_the_documented_ones_for_each_destination() {
    let expected = current_v2_permissions();
    let cwl = generate(&input("workmail", Destination::CloudwatchLogs));
    assert_eq!(document(&cwl, "setup-permissions.json"), &expected);

    let s3 = generate(&input("workmail", Destination::S3));
    let got = &document(&s3, "setup-permissions.json").statements;
    assert_eq!(got[..2], expected.statements[..2]);
    assert_eq!(
        got[2..],
        statements(&filled(&fixture("vended-v2-user-statement-s3.json")))
    );

    let firehose = generate(&input("workmail", Destination::Firehose));
    let got = &document(&firehose, "setup-permissions.json").statements;
    assert_eq!(got[..2], expected.statements[..2]);
    assert_eq!(
        got[2..],
        statements(&filled(&fixture("vended-v2-user-statements-firehose.json")))
    );
}

#[test]
fn the_bedrock_grant_is_the_documented_template_for_the_one_resource() {
    let bundle = generate(&input("bedrock-knowledge-bases", Destination::CloudwatchLogs));
    let resource = format!("arn:aws:bedrock:{REGION}:{ACCOUNT}:knowledge-base/KB12345678");
    // Filled in for Bedrock; the tool names the one resource instead of every resource of the type.
    let text = filled(&fixture("vended-service-grant.json"))
        .replace("\"service:", "\"bedrock:")
        .replace(
            &format!("arn:aws:service:{REGION}:{ACCOUNT}:resource-type/*"),
            &resource,
        );
    let grant = document(&bundle, "setup-permissions.json").statement("ServiceLevelAccessForLogDelivery");
    assert_eq!(grant, Some(&policy(&text).statements[0]));
}

#[test]
fn the_v1_bucket_policy_is_the_documented_one() {
    let bundle = generate(&input("vpc-flow-logs", Destination::S3));
    let expected = policy(&filled(&fixture("vended-v1-bucket-policy.json")));
    let mut got = document(&bundle, "bucket-policy.json").clone();
    got.statements = with_aws_sids(got.statements);
    assert_eq!(got, expected);
}

#[test]
fn the_v2_bucket_policy_names_delivery_sources() {
    let bundle = generate(&input("workmail", Destination::S3));
    let expected = policy(&filled(&as_v2_delivery_sources(&fixture(
        "vended-v1-bucket-policy.json",
    ))));
    let mut got = document(&bundle, "bucket-policy.json").clone();
    got.statements = with_aws_sids(got.statements);
    assert_eq!(got, expected);
}

#[test]
fn the_key_statement_is_the_documented_one_for_v1_and_v2() {
    for (service, text) in [
        ("vpc-flow-logs", fixture("vended-v1-key-statement.json")),
        (
            "workmail",
            as_v2_delivery_sources(&fixture("vended-v1-key-statement.json")),
        ),
    ] {
        let bundle = generate(&VendedLogsInput {
            key_arn: KEY_ARN.into(),
            ..input(service, Destination::S3)
        });
        let got = with_aws_sids(document(&bundle, "key-policy-statement.json").statements.clone());
        assert_eq!(got, statements(&filled(&text)), "{service}");
    }
}

#[test]
fn the_firehose_role_documents_are_aws_managed_ones() {
    let bundle = generate(&input("msk-broker-logs", Destination::Firehose));
    assert_eq!(
        document(&bundle, "log-delivery-role-permissions.json"),
        &policy(&fixture("vended-firehose-role-permissions.json"))
    );
    assert_eq!(
        document(&bundle, "log-delivery-role-trust.json"),
        &policy(&fixture("vended-firehose-role-trust.json"))
    );
}

/// AWS's cross-account example: account A 123456789012 delivers a knowledge base's logs to
/// account B 111122223333 in us-east-1.
fn cross_account_example() -> Bundle {
    generate(&cross_account_example_input())
}

fn cross_account_example_input() -> VendedLogsInput {
    VendedLogsInput {
        region: "us-east-1".into(),
        account: "123456789012".into(),
        destination_account: "111122223333".into(),
        source_resource_arn: "arn:aws:bedrock:us-east-1:123456789012:knowledge-base/XXXXXXXXXX".into(),
        delivery_destination_name: "my-s3-delivery-destination".into(),
        destination: Destination::S3,
        bucket: BUCKET.into(),
        ..VendedLogsInput::default()
    }
}

#[test]
fn cross_account_v2_documents_are_the_documented_ones() {
    let bundle = cross_account_example();
    // The domain-facts form already names the destination that is created (corrected).
    assert_eq!(
        document(&bundle, "delivery-destination-policy.json"),
        &policy(&fixture("vended-v2-cross-delivery-destination-policy.json"))
    );
    // Corrected: AWS's example gives B's delivery destination a third account, 444455556666,
    // where its text says B is 111122223333; and the grant keeps the one Sid of AWS's template.
    let source = fixture("vended-v2-cross-source-permissions.json")
        .replace("444455556666", "111122223333")
        .replace(
            "AllowVendedLogDeliveryForKnowledgeBase",
            "ServiceLevelAccessForLogDelivery",
        );
    // AWS's statements come first, unchanged; the check and undo steps' calls follow.
    let documented = policy(&source).statements;
    let statements = &document(&bundle, "source-account-permissions.json").statements;
    assert_eq!(statements[..documented.len()], documented[..]);
    let sids = |s: &[Statement]| s.iter().map(|s| s.sid.as_ref().map(|t| t.value.clone()).unwrap_or_default()).collect::<Vec<_>>();
    assert_eq!(
        sids(&statements[documented.len()..]),
        ["ListLogDeliveries", "CleanUpLogDeliveryPermissions"]
    );
    let destination = &document(&bundle, "destination-account-permissions.json").statements;
    assert_eq!(
        destination[..1],
        policy(&fixture("vended-v2-cross-destination-permissions.json")).statements[..]
    );
    assert_eq!(
        sids(&destination[1..]),
        ["CleanUpLogDestinationPermissions", "AllowUpdatesToResourcePolicyS3"]
    );
}

#[test]
fn every_unsupported_destination_is_a_field_error() {
    for service in SERVICES {
        for destination in Destination::ALL {
            let problems = check_input(&VendedLogsInput {
                destination,
                ..input(service.id, destination)
            });
            let flagged = problems.iter().any(|p| p.field == "destination");
            assert_eq!(
                flagged,
                !service.vended_destinations().contains(&destination),
                "{} → {destination:?}",
                service.id
            );
        }
    }
}

#[test]
fn arns_follow_the_partition_and_the_principal_does_not() {
    let bundle = generate(&VendedLogsInput {
        partition: Partition::AwsCn,
        region: "cn-north-1".into(),
        ..input("waf", Destination::S3)
    });
    let text = print(document(&bundle, "bucket-policy.json"));
    assert!(text.contains("\"arn:aws-cn:s3:::orders-logs\""), "{text}");
    assert!(text.contains("\"arn:aws-cn:logs:cn-north-1:123456789012:*\""), "{text}");
    assert!(text.contains("\"delivery.logs.amazonaws.com\""), "{text}");
}

/// F9: AWS's cross-account V2 example gives the delivery service kms:GenerateDataKey only on the
/// bucket key (domain-facts §4.3); the same-account V1 set (Encrypt, Decrypt, ReEncrypt*,
/// GenerateDataKey*, DescribeKey) would grant account B's key to four more operations.
#[test]
fn the_cross_account_v2_key_statement_grants_generate_data_key_only() {
    let mut input = cross_account_example_input();
    input.key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab".into();
    let bundle = generate(&input);
    let statements = &document(&bundle, "key-policy-statement.json").statements;
    assert_eq!(statements.len(), 1);
    let actions: Vec<&str> = statements[0].action.as_ref().expect("an Action").values().collect();
    assert_eq!(actions, ["kms:GenerateDataKey"]);
    let why = &bundle
        .documents
        .iter()
        .find(|d| d.file_name == "key-policy-statement.json")
        .unwrap()
        .explanations[0]
        .why;
    assert!(why.contains("kms:GenerateDataKey only"), "{why}");
    assert!(why.contains("unverified"), "{why}");
}
