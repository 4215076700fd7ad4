//! The requests an export makes once the bundle is applied (domain-facts §3): CloudWatch Logs
//! (`logs.REGION.amazonaws.com`) checks the bucket ACL, writes the exported objects and, under
//! SSE-KMS, uses the bucket key; the exporting role starts and follows the task and, when the bucket
//! is in another account, must be able to write there itself.

use super::policies::{
    BUCKET_POLICY_FILE, CALLER_POLICY_FILE, CALLER_WRITE_SID, EXPORT_SID, FOLLOW_SID, GET_ACL_SID, KEY_POLICY_FILE,
    KEY_USE_SID, LOGS_KEY_SID, OWNER_FULL_CONTROL, PUT_OBJECT_SID, ROLES_KEY_SID, ROLES_PUT_SID,
};
use super::{Encryption, S3ExportSpec};
use crate::eval::{Caller, DecisionEffect, Request};
use crate::scenarios::calls::RequiredCall;

/// Names no document of the bundle, so the checklist judges the call with no resource policy: the
/// caller's identity policies alone decide (CloudWatch Logs has no resource policy for
/// CreateExportTask, and [`crate::scenarios::calls::checklist`] passes `None` for a missing file).
const NO_RESOURCE_POLICY: &str = "";

/// A task ID and log stream as they appear in an object key (§3.8, the blog's task ID).
const EXAMPLE_TASK_ID: &str = "d8fdd9b6-9bb8-4e13-8df1-7f41e8610d8c";
const EXAMPLE_STREAM: &str = "example-log-stream";

/// Stands for the log group of another source account, whose names the form does not ask for.
const ANY_GROUP: &str = "any-log-group";

/// Accounts that are never a source account here, for the call that must be refused.
const STRANGER_ACCOUNTS: [&str; 2] = ["999999999999", "888888888888"];

pub fn required_calls(input: &S3ExportSpec) -> Vec<RequiredCall> {
    let logs = Caller::service(input.logs_principal());
    let account = input.account();
    let bucket = input.bucket_arn();
    // `s3://BUCKET/PREFIX/TASK_ID/LOG_STREAM_NAME/000000.gz` (§3.8).
    let prefix = input.export_prefix();
    let object = format!("{bucket}/{prefix}/{EXAMPLE_TASK_ID}/{EXAMPLE_STREAM}/000000.gz");
    let sse_kms = input.encryption == Encryption::SseKms;
    let key = input.key_arn_or_placeholder();
    let mut calls = Vec::new();

    // The log groups of the exporting account, then one stand-in group per further account listed
    // (the bucket owner is a source account too, as AWS recommends, but exports nothing here).
    let mut sources: Vec<(&str, &str)> = input.group_names().into_iter().map(|g| (account, g)).collect();
    for other in input.other_account_ids() {
        if other != account && !sources.iter().any(|(a, _)| *a == other) {
            sources.push((other, ANY_GROUP));
        }
    }
    for (source, group) in sources {
        // What CloudWatch Logs presents as aws:SourceArn is the log group ARN; whether with a
        // trailing `:*` is not documented (§3.2), so the form without it is used, as in KMS contexts.
        let from = |request: Request| {
            request
                .with("aws:SourceAccount", [source])
                .with("aws:SourceArn", [input.log_group_arn(source, group)])
        };
        let whose = if source == account {
            group.to_owned()
        } else {
            format!("a log group of account {source}")
        };
        calls.push(service_call(
            format!(
                "CloudWatch Logs checks bucket {}'s ACL before exporting {whose}",
                input.bucket()
            ),
            from(Request::new(logs.clone(), "s3:GetBucketAcl", &bucket)),
            BUCKET_POLICY_FILE,
            GET_ACL_SID,
        ));
        calls.push(service_call(
            format!("CloudWatch Logs writes the exported objects of {whose} under {prefix}/"),
            from(Request::new(logs.clone(), "s3:PutObject", &object)).with("s3:x-amz-acl", [OWNER_FULL_CONTROL]),
            BUCKET_POLICY_FILE,
            PUT_OBJECT_SID,
        ));
    }

    // Confused deputy: an export from an account the bucket does not list must be refused.
    let sources = input.source_accounts();
    if let Some(stranger) = STRANGER_ACCOUNTS.into_iter().find(|a| !sources.contains(a)) {
        calls.push(RequiredCall {
            description: format!(
                "CloudWatch Logs cannot write exports of account {stranger}'s log groups into the bucket"
            ),
            request: Request::new(logs.clone(), "s3:PutObject", &object)
                .with("s3:x-amz-acl", [OWNER_FULL_CONTROL])
                .with("aws:SourceAccount", [stranger])
                .with("aws:SourceArn", [input.log_group_arn(stranger, ANY_GROUP)]),
            resource_document: BUCKET_POLICY_FILE.into(),
            identity_documents: Vec::new(),
            expect: DecisionEffect::ImplicitDeny,
            granted_by: Some((PUT_OBJECT_SID.into(), BUCKET_POLICY_FILE.into())),
        });
    }

    if sse_kms {
        // S3 asks KMS for the object's data key as CloudWatch Logs; the key statement has no
        // conditions (AWS's example sets none, §3.3), so the request carries no context keys.
        for (action, what) in [
            ("kms:GenerateDataKey", "encrypts the exported objects with"),
            ("kms:Decrypt", "completes multipart uploads with"),
        ] {
            calls.push(service_call(
                format!("CloudWatch Logs {what} the bucket key"),
                Request::new(logs.clone(), action, &key),
                KEY_POLICY_FILE,
                LOGS_KEY_SID,
            ));
        }
    }

    calls.extend(caller_calls(input, &object, sse_kms.then_some(key.as_str())));
    calls
}

fn service_call(description: String, request: Request, file: &str, sid: &str) -> RequiredCall {
    RequiredCall {
        description,
        request,
        resource_document: file.into(),
        identity_documents: Vec::new(),
        expect: DecisionEffect::Allow,
        granted_by: Some((sid.into(), file.into())),
    }
}

/// The exporting roles' calls. With no role given (allowed in the same account), a stand-in role of
/// the account shows what caller-policy.json grants to whichever role it is attached to.
fn caller_calls(input: &S3ExportSpec, object: &str, key: Option<&str>) -> Vec<RequiredCall> {
    let account = input.account();
    let stand_in = format!("arn:{}:iam::{account}:role/log-export", input.partition.id());
    let mut callers = input.caller_arns();
    if callers.is_empty() {
        callers.push(&stand_in);
    }
    let identity = |description: String, request: Request, sid: &str| RequiredCall {
        description,
        request,
        resource_document: NO_RESOURCE_POLICY.into(),
        identity_documents: vec![CALLER_POLICY_FILE.into()],
        expect: DecisionEffect::Allow,
        granted_by: Some((sid.into(), CALLER_POLICY_FILE.into())),
    };
    let mut calls = Vec::new();
    for caller in callers {
        let Some(principal) = Caller::aws(caller) else { continue };
        for group in input.group_names() {
            calls.push(identity(
                format!("{caller} starts an export of {group}"),
                Request::new(
                    principal.clone(),
                    "logs:CreateExportTask",
                    input.log_group_arn(account, group),
                ),
                EXPORT_SID,
            ));
        }
        calls.push(identity(
            format!("{caller} follows its export tasks"),
            Request::new(principal.clone(), "logs:DescribeExportTasks", "*"),
            FOLLOW_SID,
        ));
        // create-export-task checks that its caller could write the objects itself (API reference),
        // in one account too. Across accounts S3 checks both the bucket policy and the role's own
        // IAM policy. S3 ARNs name no account, so the evaluator cannot tell that the bucket is
        // elsewhere and would take either allow as enough: each half is listed as a call of its own.
        let mut writes = vec![("s3:PutObject", "write the exported objects")];
        if input.acls_enabled && input.is_cross_account() {
            writes.push(("s3:PutObjectAcl", "set the exported objects' ACL"));
        }
        for (action, what) in writes {
            let request = Request::new(principal.clone(), action, object).with("s3:x-amz-acl", [OWNER_FULL_CONTROL]);
            if !input.is_cross_account() {
                calls.push(identity(format!("{caller}'s own IAM policy lets it {what}"), request, CALLER_WRITE_SID));
                continue;
            }
            calls.push(RequiredCall {
                description: format!("Account {}'s bucket policy lets {caller} {what}", input.bucket_owner()),
                request: request.clone(),
                resource_document: BUCKET_POLICY_FILE.into(),
                identity_documents: Vec::new(),
                expect: DecisionEffect::Allow,
                granted_by: Some((ROLES_PUT_SID.into(), BUCKET_POLICY_FILE.into())),
            });
            calls.push(identity(
                format!(
                    "{caller}'s own IAM policy lets it {what} in account {}",
                    input.bucket_owner()
                ),
                request,
                CALLER_WRITE_SID,
            ));
        }
        // A key in another account: KMS needs the key policy and the role's IAM policy both, which
        // the evaluator checks (key ARNs name their account). One call names each statement. S3
        // makes these requests for the role, so they carry S3's kms:ViaService.
        if let Some(key) = key.filter(|_| input.is_cross_account()) {
            let via = input.s3_via_service();
            for (action, sid, file) in [
                ("kms:GenerateDataKey", ROLES_KEY_SID, KEY_POLICY_FILE),
                ("kms:Decrypt", KEY_USE_SID, CALLER_POLICY_FILE),
            ] {
                calls.push(RequiredCall {
                    description: format!(
                        "S3 uses the bucket key in account {} for {caller}'s writes ({action})",
                        input.key_owner()
                    ),
                    request: Request::new(principal.clone(), action, key).with("kms:ViaService", [via.as_str()]),
                    resource_document: KEY_POLICY_FILE.into(),
                    identity_documents: vec![CALLER_POLICY_FILE.into()],
                    expect: DecisionEffect::Allow,
                    granted_by: Some((sid.into(), file.into())),
                });
            }
            calls.push(RequiredCall {
                description: format!("{caller} cannot use the bucket key outside S3 (kms:Decrypt called directly)"),
                request: Request::new(principal.clone(), "kms:Decrypt", key),
                resource_document: KEY_POLICY_FILE.into(),
                identity_documents: vec![CALLER_POLICY_FILE.into()],
                expect: DecisionEffect::ImplicitDeny,
                granted_by: Some((ROLES_KEY_SID.into(), KEY_POLICY_FILE.into())),
            });
        }
    }
    calls
}
