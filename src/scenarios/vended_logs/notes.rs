//! What to know beyond the documents and commands: automatic policy updates, limits, and the
//! facts that are not verified.

use super::{log_group, Destination, VendedLogsSpec};
use crate::catalog::Partition;
use crate::scenarios::Document;

pub fn notes(input: &VendedLogsSpec, documents: &[Document]) -> Vec<String> {
    let mut notes = Vec::new();
    let Some(service) = input.service() else { return notes };
    if let Some(caveat) = service.caveat {
        notes.push(format!("Unverified: {}: {caveat}.", service.label));
    }
    notes.push(
        "The log group, bucket or stream must exist before delivery is set up; these steps do not create it."
            .to_owned(),
    );
    if input.is_cross_account() {
        notes.push(format!(
            "Across accounts CloudWatch Logs writes no destination policy for you: account {} applies the destination documents itself.",
            input.destination_account()
        ));
        if !input.is_v2() && input.destination == Destination::CloudwatchLogs {
            notes.push(format!("Unverified: whether {} accepts a log group in another account with V1 permissions; check its documentation.", service.label));
        }
    } else if input.policy_is_manual() {
        notes.push("CloudWatch Logs would write the destination policy itself, but without the options chosen here; the steps apply it first. Where the setup role may change the policy, CloudWatch Logs can still add its own broader statement: remove the policy-update permissions once set up if only yours should stay.".to_owned());
    } else {
        notes.push("When logging is turned on, CloudWatch Logs creates or extends the destination policy itself, because the setup role may; applying it yourself (the optional step) gives the same result. Once the policy is in place, further deliveries need only the delivery permissions.".to_owned());
    }
    if input.is_v2() && input.uses_example_resource() {
        notes.push(format!(
            "No resource ARN was entered: the delivery source and the documents name {}, an example {} resource. Enter your resource's ARN before deploying.",
            input.source_resource_arn(),
            service.label
        ));
    }
    if input.is_v2() {
        notes.push("V2 objects are yours to clean up: delete the delivery, then the delivery source, then the delivery destination if nothing else uses it.".to_owned());
        if service.resource_grant.is_none() {
            notes.push(format!("Some V2 services also require SERVICE:AllowVendedLogDeliveryForResource on the resource; whether {} does is not recorded here: aws logs describe-configuration-templates shows it as allowedActionForAllowVendedLogsDeliveryForResource.", service.label));
        }
    }
    match input.destination {
        Destination::CloudwatchLogs => {
            if let Some(doc) = documents.iter().find(|d| d.file_name == "log-group-policy.json") {
                notes.extend(log_group::size_notes(input, doc));
            }
            notes.push("An account has at most 10 account-level resource policies per Region; the current AWS page says new deliveries get a policy on the log group itself (up to 51,200 bytes) instead.".to_owned());
        }
        Destination::S3 if input.uses_bucket_acl() => {
            notes.push(format!("{} writes to the bucket through its ACL, not a bucket policy: no delivery.logs.amazonaws.com statement is needed. Enabling ACLs on a shared bucket also affects the other sources writing to it.", service.label));
        }
        Destination::S3 => {
            notes.push("Delivery writes one or more files every five minutes. The bucket owner is recorded at the first delivery: after changing it, re-create the delivery.".to_owned());
            notes.push("If the bucket policy has NotAction or NotPrincipal, CloudWatch Logs cannot update it automatically and delivery set-up fails: add the statements yourself.".to_owned());
            if !input.include_list_bucket {
                notes.push("Without s3:ListBucket for the delivery service, CloudTrail may show AccessDenied entries for it; the option adds it.".to_owned());
            }
            if !input.has_key() {
                notes.push("SSE-S3 (or no default encryption) needs no key statement. With SSE-KMS use a customer managed key: with aws/s3 logs are delivered in an unreadable format.".to_owned());
            }
        }
        Destination::Firehose => {
            notes.push("Delivery writes only to streams tagged LogDeliveryEnabled=true, through the AWSServiceRoleForLogDelivery service-linked role; removing the tag stops delivery.".to_owned());
            if input.is_v2() && input.is_cross_account() {
                notes.push("Across accounts the stream must be a Direct PUT stream.".to_owned());
            }
        }
    }
    if input.has_org_conditions() {
        notes.push("The organization keys are ANDed with aws:SourceAccount and aws:SourceArn. Send a test delivery after adding them: if the delivery service does not send them, every delivery is denied.".to_owned());
    }
    if input.partition != Partition::Aws {
        notes.push(format!(
            "This table is for the commercial partition; check that {} offers these logs in {}.",
            service.label,
            input.partition.label()
        ));
    }
    notes
}
