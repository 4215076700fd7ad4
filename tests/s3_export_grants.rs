//! What the s3-export bundle grants, judged by the evaluator against the requests an export makes
//! and the ones it must refuse (issue 11): writes only under the export prefix, only the listed
//! log groups as sources, and the exporting role's use of the bucket key only through S3.

use cwlogs_policy::catalog::Partition;
use cwlogs_policy::eval::{evaluate, Caller, DecisionEffect, Request};
use cwlogs_policy::policy::{Policy, PolicyKind};
use cwlogs_policy::scenarios::s3_export::*;
use cwlogs_policy::scenarios::Bundle;

const ROLE: &str = "arn:aws:iam::111111111111:role/log-exporter";
const KEY_ARN: &str = "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab";

fn policy<'b>(bundle: &'b Bundle, file: &str) -> &'b Policy {
    &bundle.document(file).unwrap_or_else(|| panic!("no {file}")).policy
}

fn values(policy: &Policy, sid: &str, part: fn(&cwlogs_policy::policy::Statement) -> Option<Vec<String>>) -> Vec<String> {
    let statement = policy.statement(sid).unwrap_or_else(|| panic!("no statement {sid}"));
    part(statement).unwrap_or_default()
}

fn resources(policy: &Policy, sid: &str) -> Vec<String> {
    values(policy, sid, |s| s.resource.as_ref().map(|r| r.values().map(str::to_owned).collect()))
}

fn condition(policy: &Policy, sid: &str, operator: &str, key: &str) -> Vec<String> {
    let statement = policy.statement(sid).unwrap_or_else(|| panic!("no statement {sid}"));
    statement
        .condition_values(operator, key)
        .map(|v| v.values().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// The role in 111111111111 exports into 222222222222's SSE-KMS bucket.
fn cross_account() -> S3ExportInput {
    S3ExportInput {
        account: "111111111111".into(),
        bucket_account: "222222222222".into(),
        key_arn: KEY_ARN.into(),
        callers: vec![ROLE.into()],
        ..S3ExportInput::default()
    }
}

fn logs_put(input: &S3ExportInput, key: &str) -> Request {
    Request::new(
        Caller::service(input.logs_principal()),
        "s3:PutObject",
        format!("arn:aws:s3:::my-exported-logs/{key}"),
    )
    .with("s3:x-amz-acl", ["bucket-owner-full-control"])
    .with("aws:SourceAccount", [input.account.trim()])
    .with(
        "aws:SourceArn",
        [format!("arn:aws:logs:us-east-1:{}:log-group:my-log-group", input.account.trim())],
    )
}

fn bucket_decision(bundle: &Bundle, request: &Request) -> DecisionEffect {
    evaluate(Some((policy(bundle, BUCKET_POLICY_FILE), PolicyKind::Bucket)), &[], request).effect
}

#[test]
fn with_no_prefix_every_write_grant_is_the_exportedlogs_prefix() {
    let input = S3ExportInput::default();
    let bundle = generate(&input);
    let objects = "arn:aws:s3:::my-exported-logs/exportedlogs/*";
    assert_eq!(resources(policy(&bundle, BUCKET_POLICY_FILE), PUT_OBJECT_SID), [objects]);
    let inside = logs_put(&input, "exportedlogs/d8fdd9b6-9bb8-4e13-8df1-7f41e8610d8c/stream/000000.gz");
    assert_eq!(bucket_decision(&bundle, &inside), DecisionEffect::Allow);
    for outside in ["index.html", "other/exportedlogs/x.gz", "exportedlogs-not/x.gz"] {
        assert_eq!(
            bucket_decision(&bundle, &logs_put(&input, outside)),
            DecisionEffect::ImplicitDeny,
            "{outside}"
        );
    }

    let cross = cross_account();
    let bundle = generate(&cross);
    assert_eq!(resources(policy(&bundle, BUCKET_POLICY_FILE), ROLES_PUT_SID), [objects]);
    assert_eq!(resources(policy(&bundle, CALLER_POLICY_FILE), CALLER_WRITE_SID), [objects]);
}

#[test]
fn the_export_command_the_explanation_and_the_notes_name_the_granted_prefix() {
    for (prefix, path) in [("", "exportedlogs"), ("/team-a/exports/", "team-a/exports")] {
        let input = S3ExportInput { prefix: prefix.into(), ..S3ExportInput::default() };
        let bundle = generate(&input);
        assert_eq!(
            resources(policy(&bundle, BUCKET_POLICY_FILE), PUT_OBJECT_SID),
            [format!("arn:aws:s3:::my-exported-logs/{path}/*")]
        );
        let export = bundle
            .steps
            .iter()
            .find(|s| s.command.contains("create-export-task"))
            .expect("an export step");
        assert!(
            export.command.contains(&format!("--destination-prefix {path} ")),
            "{}",
            export.command
        );
        let why = &bundle.documents[0]
            .explanations
            .iter()
            .find(|e| e.sid == PUT_OBJECT_SID)
            .expect("explained")
            .why;
        assert!(why.contains(&format!("under {path}/")), "{why}");
        assert!(!why.contains("any key of the bucket"), "{why}");
        assert!(
            bundle.notes.iter().any(|n| n.contains(&format!("s3://my-exported-logs/{path}/TASK-ID/"))),
            "{:?}",
            bundle.notes
        );
    }
}

#[test]
fn listed_log_groups_admit_no_log_group_of_the_bucket_owner() {
    let input = S3ExportInput {
        source_scope: SourceScope::LogGroups,
        log_groups: vec!["a".into()],
        ..cross_account()
    };
    assert!(check_input(&input).is_empty(), "{:?}", check_input(&input));
    let bundle = generate(&input);
    let bucket = policy(&bundle, BUCKET_POLICY_FILE);
    for sid in [GET_ACL_SID, PUT_OBJECT_SID] {
        assert_eq!(condition(bucket, sid, "StringEquals", "aws:SourceAccount"), ["111111111111"]);
        assert_eq!(
            condition(bucket, sid, "ArnLike", "aws:SourceArn"),
            [
                "arn:aws:logs:us-east-1:111111111111:log-group:a",
                "arn:aws:logs:us-east-1:111111111111:log-group:a:*"
            ]
        );
    }
    let owners_group = Request::new(
        Caller::service(input.logs_principal()),
        "s3:PutObject",
        "arn:aws:s3:::my-exported-logs/exportedlogs/t/s/000000.gz",
    )
    .with("s3:x-amz-acl", ["bucket-owner-full-control"])
    .with("aws:SourceAccount", ["222222222222"])
    .with("aws:SourceArn", ["arn:aws:logs:us-east-1:222222222222:log-group:b"]);
    assert_eq!(bucket_decision(&bundle, &owners_group), DecisionEffect::ImplicitDeny);
    let why = &bundle.documents[0].explanations[0].why;
    assert!(!why.contains("222222222222"), "{why}");
}

#[test]
fn the_account_scope_still_lists_the_bucket_owner_as_aws_recommends() {
    let bundle = generate(&cross_account());
    assert_eq!(
        condition(policy(&bundle, BUCKET_POLICY_FILE), GET_ACL_SID, "StringEquals", "aws:SourceAccount"),
        ["222222222222", "111111111111"]
    );
}

fn role_key_use(input: &S3ExportInput, action: &str, via: Option<&str>) -> DecisionEffect {
    let bundle = generate(input);
    let key = (policy(&bundle, KEY_POLICY_FILE), PolicyKind::Key);
    let caller = policy(&bundle, CALLER_POLICY_FILE);
    let mut request = Request::new(Caller::aws(ROLE).expect("role"), action, input.key_arn_or_placeholder());
    if let Some(via) = via {
        request = request.with("kms:ViaService", [via]);
    }
    evaluate(Some(key), &[caller], &request).effect
}

#[test]
fn the_exporting_role_uses_the_bucket_key_only_through_s3() {
    let input = cross_account();
    for action in ["kms:GenerateDataKey", "kms:Decrypt"] {
        assert_eq!(role_key_use(&input, action, Some("s3.us-east-1.amazonaws.com")), DecisionEffect::Allow);
        assert_eq!(role_key_use(&input, action, None), DecisionEffect::ImplicitDeny, "{action} directly");
        assert_eq!(
            role_key_use(&input, action, Some("ec2.us-east-1.amazonaws.com")),
            DecisionEffect::ImplicitDeny,
            "{action} through EC2"
        );
    }
    // The condition is unverified, and each statement that carries it says so beside it.
    let bundle = generate(&input);
    for (file, sid) in [(KEY_POLICY_FILE, ROLES_KEY_SID), (CALLER_POLICY_FILE, KEY_USE_SID)] {
        let why = &bundle
            .document(file)
            .and_then(|d| d.explanations.iter().find(|e| e.sid == sid))
            .unwrap_or_else(|| panic!("no explanation of {sid}"))
            .why;
        assert!(why.contains("Unverified: AWS's cross-account example has no such condition"), "{sid}: {why}");
    }
}

#[test]
fn the_s3_endpoint_in_kms_via_service_follows_the_partition() {
    for (partition, region, account_key, endpoint) in [
        (Partition::Aws, "eu-west-1", "arn:aws:kms:eu-west-1", "s3.eu-west-1.amazonaws.com"),
        (Partition::AwsCn, "cn-north-1", "arn:aws-cn:kms:cn-north-1", "s3.cn-north-1.amazonaws.com.cn"),
        (Partition::AwsUsGov, "us-gov-west-1", "arn:aws-us-gov:kms:us-gov-west-1", "s3.us-gov-west-1.amazonaws.com"),
    ] {
        let id = partition.id();
        let input = S3ExportInput {
            partition,
            region: region.into(),
            key_arn: format!("{account_key}:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
            callers: vec![format!("arn:{id}:iam::111111111111:role/log-exporter")],
            ..cross_account()
        };
        assert!(check_input(&input).is_empty(), "{id}: {:?}", check_input(&input));
        let bundle = generate(&input);
        for (file, sid) in [(KEY_POLICY_FILE, ROLES_KEY_SID), (CALLER_POLICY_FILE, KEY_USE_SID)] {
            assert_eq!(
                condition(policy(&bundle, file), sid, "StringEquals", "kms:ViaService"),
                [endpoint],
                "{id} {sid}"
            );
        }
        // The logs principal's own statement stays as AWS documents it: no condition.
        assert!(policy(&bundle, KEY_POLICY_FILE).statement(LOGS_KEY_SID).expect("logs").condition.is_empty());
        assert!(
            bundle.notes.iter().any(|n| n.starts_with("Unverified") && n.contains(endpoint)),
            "{id}: {:?}",
            bundle.notes
        );
    }
}
