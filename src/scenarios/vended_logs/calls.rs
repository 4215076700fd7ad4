//! The requests vended-log delivery makes once the bundle is applied (domain-facts §4):
//! `delivery.logs.amazonaws.com` writing into the log group, bucket (and its key) or, through the
//! service-linked role, the Firehose stream; and the setup role's delivery calls, including, across
//! accounts with V2, CreateDelivery against the delivery destination policy.

use super::firehose::{role_arn, ROLE_NAME, TAG_KEY};
use super::operations::{DESTINATION_UNDO, SOURCE_LIST, SOURCE_UNDO};
use super::operator::setup_role;
use super::permissions::{DESTINATION_SETUP_FILE, SETUP_FILE, SOURCE_SETUP_FILE};
use super::{deputy, log_group, s3, Destination, VendedLogsSpec};
use crate::eval::{Caller, DecisionEffect, Request};
use crate::scenarios::calls::RequiredCall;

/// Names no document of the bundle, so the checklist judges the call with no resource policy: the
/// caller's identity policies alone decide ([`crate::scenarios::calls::checklist`] passes `None`
/// for a missing file).
const NO_RESOURCE_POLICY: &str = "";

const LOG_GROUP_POLICY_FILE: &str = "log-group-policy.json";
const BUCKET_POLICY_FILE: &str = "bucket-policy.json";
const KEY_STATEMENT_FILE: &str = "key-policy-statement.json";
const ROLE_PERMISSIONS_FILE: &str = "log-delivery-role-permissions.json";
const ROLE_TRUST_FILE: &str = "log-delivery-role-trust.json";
const DESTINATION_POLICY_FILE: &str = "delivery-destination-policy.json";

/// Sids of the setup policies (permissions.rs).
const V1_DELIVERY_SID: &str = "AllowLogDeliveryActions";
const V2_DELIVERY_SID: &str = "ReadWriteAccessForLogDeliveryActions";
const CROSS_SOURCE_SID: &str = "CreateLogDeliveryPermissions";
const CROSS_DESTINATION_SID: &str = "PutLogDestinationPermissions";
const CROSS_LIST_SID: &str = "ListLogDeliveries";
const CROSS_SOURCE_UNDO_SID: &str = "CleanUpLogDeliveryPermissions";
const CROSS_DESTINATION_UNDO_SID: &str = "CleanUpLogDestinationPermissions";
const ACL_UPDATES_SID: &str = "AllowBucketAclUpdates";
const RESOURCE_GRANT_SID: &str = "ServiceLevelAccessForLogDelivery";
const CREATE_DELIVERY_SID: &str = "AllowCreateDelivery";

/// Accounts that are never the source account here, for the calls that must be refused.
const STRANGER_ACCOUNTS: [&str; 2] = ["999999999999", "888888888888"];


pub fn required_calls(input: &VendedLogsSpec) -> Vec<RequiredCall> {
    let mut calls = match input.destination {
        // The bucket ACL, not a policy of the bundle, admits ACL-based delivery.
        Destination::S3 if input.uses_bucket_acl() => Vec::new(),
        Destination::CloudwatchLogs => log_group_calls(input),
        Destination::S3 => s3_calls(input),
        Destination::Firehose => firehose_calls(input),
    };
    calls.extend(setup_calls(input));
    calls
}

/// `aws:SourceArn` as delivery sends it. V2: the delivery source (AWS's cross-account example
/// names it). V1: AWS documents only the pattern `arn:…:logs:REGION:ACCOUNT:*`, not the value, so
/// a stand-in log-delivery ARN of the source account is used.
fn sent_source_arn(input: &VendedLogsSpec, account: &str) -> String {
    if input.is_v2() {
        input.logs_arn(
            account,
            &format!("delivery-source:{}", input.delivery_source_name.as_str()),
        )
    } else {
        input.logs_arn(account, "log-delivery:example-delivery-id")
    }
}

/// The confused-deputy keys delivery sends for a source in `account` (§4.7): the account, the
/// source ARN and, when the form names an organization, its ID and the account's path — one path,
/// as the multi-valued aws:SourceOrgPaths carries it, taken from the first listed path pattern.
fn from_source(input: &VendedLogsSpec, request: Request, account: &str) -> Request {
    let mut request = request
        .with("aws:SourceAccount", [account])
        .with("aws:SourceArn", [sent_source_arn(input, account)]);
    let paths = input.org_paths();
    let org = match input.org_id.as_str() {
        "" => paths.first().and_then(|p| p.split('/').next()).unwrap_or(""),
        org => org,
    };
    if !org.is_empty() {
        request = request.with("aws:SourceOrgID", [org]);
    }
    if let Some(pattern) = paths.first() {
        let path = pattern.replace('*', "").replace('?', "x");
        request = request.with("aws:SourceOrgPaths", [path]);
    }
    request
}

fn delivery() -> Caller {
    Caller::service(deputy::DELIVERY_PRINCIPAL)
}

fn resource_call(description: String, request: Request, file: &str, sid: &str) -> RequiredCall {
    RequiredCall {
        description,
        request,
        resource_document: file.into(),
        identity_documents: Vec::new(),
        expect: DecisionEffect::Allow,
        granted_by: Some((sid.into(), file.into())),
    }
}

/// The same request from another account's delivery: the confused-deputy conditions must refuse it.
fn refused_for_stranger(input: &VendedLogsSpec, call: &RequiredCall) -> Option<RequiredCall> {
    let source = input.source_account();
    let destination = input.destination_account();
    let stranger = STRANGER_ACCOUNTS
        .into_iter()
        .find(|a| *a != source && *a != destination)?;
    let plain = Request::new(
        call.request.principal.clone(),
        call.request.action.clone(),
        call.request.resource.clone(),
    );
    let mut request = from_source(input, plain, stranger);
    if let Some(acl) = call.request.context.get("s3:x-amz-acl") {
        request = request.with("s3:x-amz-acl", acl.clone());
    }
    Some(RequiredCall {
        description: format!(
            "Delivery from account {stranger} cannot use this grant ({})",
            call.request.action
        ),
        request,
        expect: DecisionEffect::ImplicitDeny,
        ..call.clone()
    })
}

fn log_group_calls(input: &VendedLogsSpec) -> Vec<RequiredCall> {
    let source = input.source_account();
    let group = input.log_group();
    let stream = format!("{}:log-stream:example-log-stream", input.log_group_arn());
    let mut calls = Vec::new();
    for (action, what) in [
        ("logs:CreateLogStream", "creates a log stream in"),
        ("logs:PutLogEvents", "puts log events into"),
    ] {
        calls.push(resource_call(
            format!("Log delivery {what} {group}"),
            from_source(input, Request::new(delivery(), action, &stream), source),
            LOG_GROUP_POLICY_FILE,
            log_group::SID,
        ));
    }
    calls.extend(refused_for_stranger(input, &calls[1]));
    calls
}

/// Where delivery writes (§4.3): V1 under `[PREFIX/]AWSLogs/ACCOUNT/`, V2 under `AWSLogs/ACCOUNT/`
/// unless a destination prefix replaces that path.
fn example_object(input: &VendedLogsSpec) -> String {
    let bucket = input.bucket_arn();
    let account = input.source_account();
    let tail = format!("{}/{}/2024/01/01/example.log.gz", input.service_id.as_str(), input.region());
    match input.prefix() {
        "" => format!("{bucket}/AWSLogs/{account}/{tail}"),
        prefix if input.is_v2() => format!("{bucket}/{prefix}/{tail}"),
        prefix => format!("{bucket}/{prefix}/AWSLogs/{account}/{tail}"),
    }
}

fn s3_calls(input: &VendedLogsSpec) -> Vec<RequiredCall> {
    let source = input.source_account();
    let bucket = input.bucket();
    let mut calls = vec![resource_call(
        format!("Log delivery checks bucket {bucket}'s ACL"),
        from_source(
            input,
            Request::new(delivery(), "s3:GetBucketAcl", input.bucket_arn()),
            source,
        ),
        BUCKET_POLICY_FILE,
        &s3::acl_check_sid(input),
    )];
    if input.include_list_bucket {
        calls.push(resource_call(
            format!("Log delivery lists bucket {bucket}"),
            from_source(
                input,
                Request::new(delivery(), "s3:ListBucket", input.bucket_arn()),
                source,
            ),
            BUCKET_POLICY_FILE,
            &s3::acl_check_sid(input),
        ));
    }
    let write = resource_call(
        format!("Log delivery writes log files into bucket {bucket}"),
        from_source(
            input,
            Request::new(delivery(), "s3:PutObject", example_object(input)),
            source,
        )
        .with("s3:x-amz-acl", ["bucket-owner-full-control"]),
        BUCKET_POLICY_FILE,
        &s3::write_sid(input),
    );
    let refused = refused_for_stranger(input, &write);
    calls.push(write);
    calls.extend(refused);
    if input.has_key() {
        // S3 asks KMS for each object's data key on the delivery service's behalf.
        calls.push(resource_call(
            "Log delivery encrypts the log files with the bucket key".to_owned(),
            from_source(
                input,
                Request::new(delivery(), "kms:GenerateDataKey", input.key_arn()),
                source,
            ),
            KEY_STATEMENT_FILE,
            &s3::key_sid(input),
        ));
    }
    calls
}

/// Firehose has no resource policy (§4.4): what the bundle can judge is AWS's service-linked role,
/// shown for reference — its trust policy admitting the delivery service, and its permissions
/// writing only to streams tagged LogDeliveryEnabled=true. AWS's statements have no Sid, and AWS
/// owns both documents, so no bundle statement is named as granting them.
fn firehose_calls(input: &VendedLogsSpec) -> Vec<RequiredCall> {
    let owner = input.destination_account();
    let role = role_arn(input.p(), owner);
    let stream = input.stream_arn();
    let mut calls = vec![RequiredCall {
        description: format!("Log delivery assumes {ROLE_NAME}"),
        request: Request::new(delivery(), "sts:AssumeRole", &role),
        resource_document: ROLE_TRUST_FILE.into(),
        identity_documents: Vec::new(),
        expect: DecisionEffect::Allow,
        granted_by: None,
    }];
    let Some(principal) = Caller::aws(&role) else {
        return calls;
    };
    let write = |tagged: bool| {
        let mut request = Request::new(principal.clone(), "firehose:PutRecordBatch", &stream);
        if tagged {
            request = request.with(format!("aws:ResourceTag/{TAG_KEY}"), ["true"]);
        }
        RequiredCall {
            description: if tagged {
                format!(
                    "{ROLE_NAME} writes records to {}, tagged {TAG_KEY}=true",
                    input.delivery_stream.as_str()
                )
            } else {
                format!("{ROLE_NAME} cannot write to the stream without the {TAG_KEY}=true tag")
            },
            request,
            resource_document: NO_RESOURCE_POLICY.into(),
            identity_documents: vec![ROLE_PERMISSIONS_FILE.into()],
            expect: if tagged {
                DecisionEffect::Allow
            } else {
                DecisionEffect::ImplicitDeny
            },
            granted_by: None,
        }
    };
    calls.push(write(true));
    calls.push(write(false));
    calls
}

/// The setup role's calls that the bundle's setup policies (and, across accounts with V2, the
/// delivery destination policy) decide.
fn setup_calls(input: &VendedLogsSpec) -> Vec<RequiredCall> {
    let a = input.source_account();
    let b = input.destination_account();
    let cross = input.is_cross_account();
    let source_file = if cross { SOURCE_SETUP_FILE } else { SETUP_FILE };
    let role_a = setup_role(input, a);
    let Some(caller_a) = Caller::aws(&role_a) else {
        return Vec::new();
    };
    let identity =
        |caller: &Caller, action: &str, resource: &str, file: &str, sid: &str, description: String| RequiredCall {
            description,
            request: Request::new(caller.clone(), action, resource),
            resource_document: NO_RESOURCE_POLICY.into(),
            identity_documents: vec![file.into()],
            expect: DecisionEffect::Allow,
            granted_by: Some((sid.into(), file.into())),
        };
    let mut calls = Vec::new();
    if let Some(prefix) = input.service().and_then(|s| s.resource_grant) {
        let resource = input.source_resource_arn();
        let resource = resource.as_str();
        calls.push(identity(
            &caller_a,
            &format!("{prefix}:AllowVendedLogDeliveryForResource"),
            resource,
            source_file,
            RESOURCE_GRANT_SID,
            format!("{role_a} may send {resource}'s logs"),
        ));
    }
    if input.uses_bucket_acl() {
        // The bucket's account grants the ACL change (permissions::destination_updates).
        let (role, file) = if cross { (setup_role(input, b), DESTINATION_SETUP_FILE) } else { (role_a.clone(), SETUP_FILE) };
        if let Some(caller) = Caller::aws(&role) {
            calls.push(identity(
                &caller,
                "s3:PutBucketAcl",
                &input.bucket_arn(),
                file,
                ACL_UPDATES_SID,
                format!("{role} lets the service add its log-delivery account to the bucket ACL"),
            ));
        }
        return calls;
    }
    if !input.is_v2() {
        calls.push(identity(
            &caller_a,
            "logs:CreateLogDelivery",
            "*",
            source_file,
            V1_DELIVERY_SID,
            format!("{role_a} turns on log delivery in the service"),
        ));
        return calls;
    }
    let source_arn = input.delivery_source_arn();
    let destination_arn = input.delivery_destination_arn();
    if !cross {
        for (action, resource, what) in [
            ("logs:PutDeliverySource", &source_arn, "creates the delivery source"),
            (
                "logs:PutDeliveryDestination",
                &destination_arn,
                "creates the delivery destination",
            ),
            ("logs:CreateDelivery", &destination_arn, "creates the delivery"),
        ] {
            calls.push(identity(
                &caller_a,
                action,
                resource,
                SETUP_FILE,
                V2_DELIVERY_SID,
                format!("{role_a} {what}"),
            ));
        }
        return calls;
    }
    calls.push(identity(
        &caller_a,
        "logs:PutDeliverySource",
        &source_arn,
        SOURCE_SETUP_FILE,
        CROSS_SOURCE_SID,
        format!("{role_a} creates the delivery source"),
    ));
    let role_b = setup_role(input, b);
    if let Some(caller_b) = Caller::aws(&role_b) {
        for (action, what) in [
            (
                "logs:PutDeliveryDestination",
                "creates the delivery destination".to_owned(),
            ),
            (
                "logs:PutDeliveryDestinationPolicy",
                format!("lets account {a} deliver to it"),
            ),
        ] {
            calls.push(identity(
                &caller_b,
                action,
                &destination_arn,
                DESTINATION_SETUP_FILE,
                CROSS_DESTINATION_SID,
                format!("{role_b} {what}"),
            ));
        }
    }
    // CreateDelivery is authorized on the delivery source, the delivery and the delivery destination.
    calls.push(identity(
        &caller_a,
        "logs:CreateDelivery",
        &source_arn,
        SOURCE_SETUP_FILE,
        CROSS_SOURCE_SID,
        format!("{role_a} pairs its delivery source with a delivery"),
    ));
    // The check and undo steps' calls, each granted in the account that runs it.
    let delivery_arn = input.logs_arn(a, "delivery:EXAMPLEDELIVERYID");
    let undo = [
        (SOURCE_LIST[0], "*", &caller_a, &role_a, SOURCE_SETUP_FILE, CROSS_LIST_SID),
        (SOURCE_UNDO[0], delivery_arn.as_str(), &caller_a, &role_a, SOURCE_SETUP_FILE, CROSS_SOURCE_UNDO_SID),
        (SOURCE_UNDO[1], source_arn.as_str(), &caller_a, &role_a, SOURCE_SETUP_FILE, CROSS_SOURCE_UNDO_SID),
    ];
    for (operation, resource, caller, role, file, sid) in undo {
        calls.push(identity(caller, &operation.action(), resource, file, sid, format!("{role} runs {}", operation.command())));
    }
    if let Some(caller_b) = Caller::aws(&role_b) {
        let operation = DESTINATION_UNDO[0];
        calls.push(identity(
            &caller_b,
            &operation.action(),
            &destination_arn,
            DESTINATION_SETUP_FILE,
            CROSS_DESTINATION_UNDO_SID,
            format!("{role_b} runs {}", operation.command()),
        ));
    }
    // Across accounts both the destination policy and the role's IAM policy must allow; the
    // delivery destination ARN names account B, so the evaluator requires both.
    calls.push(RequiredCall {
        description: format!("{role_a} creates the delivery to account {b}'s delivery destination"),
        request: Request::new(caller_a.clone(), "logs:CreateDelivery", &destination_arn),
        resource_document: DESTINATION_POLICY_FILE.into(),
        identity_documents: vec![SOURCE_SETUP_FILE.into()],
        expect: DecisionEffect::Allow,
        granted_by: Some((CREATE_DELIVERY_SID.into(), DESTINATION_POLICY_FILE.into())),
    });
    calls
}
