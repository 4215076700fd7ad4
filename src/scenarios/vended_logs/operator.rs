//! The setup role's own calls, read from the typed steps it runs: each AWS call becomes the IAM
//! requests it makes (domain-facts §4.2–4.4 and §4.6), judged against the setup policy the step
//! names, so a step cannot call what its role's policy does not grant, and a grant no step needs
//! shows as unused.

use super::firehose::role_arn;
use super::{Destination, VendedLogsInput, VendedLogsSpec};
use crate::eval::{Caller, DecisionEffect, Request};
use crate::scenarios::calls::RequiredCall;
use crate::scenarios::step::operation::{
    Operation, FIREHOSE_LIST_TAGS, FIREHOSE_TAG, IAM_CREATE_SERVICE_LINKED_ROLE, LOGS_CREATE_DELIVERY,
    LOGS_DESCRIBE_DELIVERIES, LOGS_DESCRIBE_RESOURCE_POLICIES, LOGS_PUT_DELIVERY_DESTINATION,
    LOGS_PUT_DELIVERY_DESTINATION_POLICY, LOGS_PUT_DELIVERY_SOURCE, LOGS_PUT_RESOURCE_POLICY, S3_GET_BUCKET_ACL,
    S3_GET_BUCKET_POLICY, S3_PUT_BUCKET_OWNERSHIP_CONTROLS, S3_PUT_BUCKET_POLICY,
};
use crate::scenarios::step::AwsCall;
use crate::scenarios::Step;

/// Stands for "the account's resource policies": these calls name no one log group (§4.2 scopes
/// them with a wildcard); which ARN the authorization names is unverified.
const ANY_LOG_GROUP: &str = "log-group:any-log-group";

/// The IAM requests (action, resource) one call of the setup role makes in `account`; None for an
/// operation this table does not know (a test requires every setup-role call to be known).
pub fn requests(input: &VendedLogsInput, call: &AwsCall, account: &str) -> Option<Vec<(String, String)>> {
    spec_requests(&super::parse(input).0, call, account)
}

/// [`requests`] for the parsed input.
fn spec_requests(input: &VendedLogsSpec, call: &AwsCall, account: &str) -> Option<Vec<(String, String)>> {
    let op: &Operation = call.operation;
    let text = |flag: &str| call.text_of(flag).unwrap_or_default().to_owned();
    let logs = |rest: String| crate::scenarios::identifiers::arn::logs(input.partition, input.region(), account, &rest);
    let action = op.action();
    let one = |resource: String| Some(vec![(action.clone(), resource)]);
    if op == &LOGS_PUT_DELIVERY_SOURCE {
        one(logs(format!("delivery-source:{}", text("name"))))
    } else if op == &LOGS_PUT_DELIVERY_DESTINATION {
        one(logs(format!("delivery-destination:{}", text("name"))))
    } else if op == &LOGS_PUT_DELIVERY_DESTINATION_POLICY {
        one(logs(format!("delivery-destination:{}", text("delivery-destination-name"))))
    } else if op == &LOGS_CREATE_DELIVERY {
        // Authorized on the delivery source, and on the delivery destination when it is the
        // account's own (another account's destination policy decides that one, checked apart).
        let mut out = vec![(action.clone(), logs(format!("delivery-source:{}", text("delivery-source-name"))))];
        if !input.is_cross_account() {
            out.push((action, text("delivery-destination-arn")));
        }
        // Left to it, CloudWatch Logs updates the destination's policy with the caller's
        // permissions (§4.2, §4.3).
        if !input.policy_is_manual() {
            match input.destination {
                Destination::CloudwatchLogs => out.extend(
                    ["logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"]
                        .map(|a| (a.to_owned(), logs(ANY_LOG_GROUP.into()))),
                ),
                Destination::S3 => out.extend(
                    ["s3:GetBucketPolicy", "s3:PutBucketPolicy"].map(|a| (a.to_owned(), input.bucket_arn())),
                ),
                Destination::Firehose => {}
            }
        }
        Some(out)
    } else if op == &LOGS_DESCRIBE_DELIVERIES {
        one("*".into())
    } else if op == &LOGS_PUT_RESOURCE_POLICY || op == &LOGS_DESCRIBE_RESOURCE_POLICIES {
        one(logs(ANY_LOG_GROUP.into()))
    } else if [&S3_GET_BUCKET_POLICY, &S3_PUT_BUCKET_POLICY, &S3_GET_BUCKET_ACL].contains(&op) {
        one(crate::scenarios::identifiers::arn::bucket(input.partition, &text("bucket")))
    } else if op == &S3_PUT_BUCKET_OWNERSHIP_CONTROLS {
        // The IAM action is named PutBucketOwnershipControls too.
        one(crate::scenarios::identifiers::arn::bucket(input.partition, &text("bucket")))
    } else if op == &IAM_CREATE_SERVICE_LINKED_ROLE {
        one(role_arn(input.partition.id(), account))
    } else if op == &FIREHOSE_TAG || op == &FIREHOSE_LIST_TAGS {
        one(format!(
            "arn:{}:firehose:{}:{account}:deliverystream/{}",
            input.partition.id(),
            input.region(),
            text("delivery-stream-name")
        ))
    } else {
        None
    }
}

/// The role the setup policies are for, in `account` (a stand-in name: the policies are for
/// whichever role they are attached to).
pub fn setup_role(input: &VendedLogsSpec, account: &str) -> String {
    format!("arn:{}:iam::{account}:role/log-delivery-setup", input.partition.id())
}

/// Each request of each call the setup role runs in `steps`, judged by that step's setup policy.
pub fn calls(input: &VendedLogsSpec, steps: &[Step]) -> Vec<RequiredCall> {
    let mut out = Vec::new();
    for step in steps {
        let Some(file) = step.identity_policy else { continue };
        let account = step.account.as_deref().unwrap_or(input.source_account());
        let role = setup_role(input, account);
        let Some(caller) = Caller::aws(&role) else { continue };
        for call in step.calls() {
            for (action, resource) in spec_requests(input, call, account).unwrap_or_default() {
                out.push(RequiredCall {
                    description: format!("{role} runs {} (step \"{}\")", call.operation.command(), step.title),
                    request: Request::new(caller.clone(), &action, &resource),
                    resource_document: String::new(),
                    identity_documents: vec![file.into()],
                    expect: DecisionEffect::Allow,
                    granted_by: None,
                });
            }
        }
    }
    out
}
