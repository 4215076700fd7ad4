//! The ordered AWS CLI steps, with every value filled in and quoted for bash. Across accounts
//! each step says which account runs it.

use super::firehose::{ROLE_NAME, TAG_KEY};
use super::operations::{
    LogsOperation, CREATE_DELIVERY, DELETE_DELIVERY, DELETE_DELIVERY_DESTINATION, DELETE_DELIVERY_SOURCE,
    DESCRIBE_DELIVERIES, PUT_DELIVERY_DESTINATION, PUT_DELIVERY_DESTINATION_POLICY, PUT_DELIVERY_SOURCE,
};
use super::{log_group, Destination, VendedLogsInput};
use crate::policy::Arn;
use crate::scenarios::shell::{quote, unless_error};
use crate::scenarios::{Document, Step, TrailEvent};

/// Which account a step runs in.
#[derive(Clone, Copy)]
enum Side {
    Source,
    Destination,
}

/// `what`, led by the account that runs it when two accounts take part.
fn title(input: &VendedLogsInput, side: Side, what: &str) -> String {
    if !input.is_cross_account() {
        let mut chars = what.chars();
        return chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    match side {
        Side::Source => format!("In the source account {}: {what}", input.source_account()),
        Side::Destination => format!("In the destination account {}: {what}", input.destination_account()),
    }
}

/// Keeps the backup's statements except those whose Sid the new document also has, then adds
/// the new ones: re-running replaces this tool's statements instead of duplicating them.
fn merge(backup: &str, add: &str, out: &str) -> String {
    format!(
        "jq --slurpfile add {add} '($add[0].Statement | map(.Sid)) as $sids | .Statement = ([.Statement] | flatten | map(select(.Sid as $s | $sids | index($s) == null))) + $add[0].Statement' {backup} > {out}"
    )
}

/// A step shown but not run: every line commented out, so it records no events.
fn commented(title: String, command: String) -> Step {
    let command = command.lines().map(|l| format!("# {l}")).collect::<Vec<_>>().join("\n");
    Step::new(title, command, &[])
}

pub fn steps(input: &VendedLogsInput, documents: &[Document]) -> Vec<Step> {
    let files: Vec<&str> = documents.iter().map(|d| d.file_name.as_str()).collect();
    let mut steps = vec![Step::new(
        "Save the documents",
        format!(
            "# Save each document below under its file name in this directory: {}",
            files.join(", ")
        ),
        &[],
    )];
    permissions(input, &mut steps);
    destination(input, &mut steps);
    if input.is_v2() {
        v2(input, &mut steps);
    } else {
        v1(input, &mut steps);
    }
    steps
}

fn permissions(input: &VendedLogsInput, steps: &mut Vec<Step>) {
    let put = |file: &str| {
        format!(
            ": \"${{SETUP_ROLE:?set SETUP_ROLE to the name of the role that sets up delivery}}\"\naws iam put-role-policy --role-name \"$SETUP_ROLE\" --policy-name vended-logs-setup --policy-document file://{file}"
        )
    };
    let event = [TrailEvent::iam("PutRolePolicy")];
    if input.is_cross_account() {
        for (side, file) in [
            (Side::Source, "source-account-permissions.json"),
            (Side::Destination, "destination-account-permissions.json"),
        ] {
            steps.push(Step::new(
                title(input, side, "give the setup role its permissions"),
                put(file),
                &event,
            ));
        }
    } else {
        steps.push(Step::new(
            "Give the setup role its permissions",
            put("setup-permissions.json"),
            &event,
        ));
    }
}

/// What the destination account does to its log group, bucket, key or stream.
fn destination(input: &VendedLogsInput, steps: &mut Vec<Step>) {
    let region = quote(input.region());
    let manual = input.policy_is_manual();
    let optional = "Optional: CloudWatch Logs does this itself when logging is turned on — ";
    match input.destination {
        Destination::CloudwatchLogs => {
            let command = format!(
                "aws logs put-resource-policy --region {region} --policy-name {} --policy-document file://log-group-policy.json",
                quote(&log_group::policy_name(input))
            );
            if manual {
                steps.push(Step::new(
                    title(input, Side::Destination, "apply the log group resource policy"),
                    command,
                    &[TrailEvent::logs("PutResourcePolicy")],
                ));
            } else {
                steps.push(commented(
                    format!("{optional}apply the log group resource policy"),
                    command,
                ));
            }
        }
        Destination::S3 if input.uses_bucket_acl() => steps.push(Step::new(
            title(input, Side::Destination, "enable ACLs on the bucket (the service's log-delivery account is granted access in the bucket ACL; this affects every writer of a shared bucket)"),
            format!(
                "aws s3api put-bucket-ownership-controls --bucket {} --ownership-controls 'Rules=[{{ObjectOwnership=BucketOwnerPreferred}}]'",
                quote(input.bucket.trim())
            ),
            &[TrailEvent::s3("PutBucketOwnershipControls")],
        )),
        Destination::S3 => {
            if input.has_key() {
                steps.push(key_step(input));
            }
            let bucket = quote(input.bucket.trim());
            let command = format!(
                "{}\n# NoSuchBucketPolicy: the bucket has none yet, so the merge starts from an empty policy\nif grep -q NoSuchBucketPolicy bucket-policy.backup.err; then echo '{{\"Version\": \"2012-10-17\", \"Statement\": []}}' > bucket-policy.backup.json; fi\n{}\naws s3api put-bucket-policy --bucket {bucket} --policy file://bucket-policy.merged.json",
                unless_error(
                    &format!("aws s3api get-bucket-policy --bucket {bucket} --query Policy --output text > bucket-policy.backup.json"),
                    "bucket-policy.backup.err",
                    "NoSuchBucketPolicy"
                ),
                merge("bucket-policy.backup.json", "bucket-policy.json", "bucket-policy.merged.json")
            );
            let what = "add the delivery statements to the bucket policy (needs jq; other statements are kept)";
            if manual {
                steps.push(Step::new(
                    title(input, Side::Destination, what),
                    command,
                    &[TrailEvent::s3("GetBucketPolicy"), TrailEvent::s3("PutBucketPolicy")],
                ));
            } else {
                steps.push(commented(format!("{optional}{what}"), command));
            }
        }
        Destination::Firehose => {
            steps.push(Step::new(
                title(
                    input,
                    Side::Destination,
                    &format!("create the {ROLE_NAME} service-linked role unless it exists"),
                ),
                format!(
                    "{}  # \"Service role name {ROLE_NAME} has been taken\": it exists already",
                    unless_error(
                        "aws iam create-service-linked-role --aws-service-name delivery.logs.amazonaws.com",
                        "service-linked-role.err",
                        "'has been taken'"
                    )
                ),
                &[TrailEvent::iam("CreateServiceLinkedRole")],
            ));
            steps.push(Step::new(
                title(input, Side::Destination, "tag the stream so the role may write to it"),
                format!(
                    "aws firehose tag-delivery-stream --region {region} --delivery-stream-name {} --tags Key={TAG_KEY},Value=true",
                    quote(input.delivery_stream.trim())
                ),
                &[TrailEvent::firehose("TagDeliveryStream")],
            ));
        }
    }
}

fn key_step(input: &VendedLogsInput) -> Step {
    let key = input.key_arn.trim();
    // KMS answers for a key only in the key's own Region.
    let key_region = Arn::parse(key)
        .ok()
        .map(|a| a.region)
        .filter(|r| !r.is_empty())
        .unwrap_or(input.region());
    let key_region = quote(key_region);
    Step::new(
        title(
            input,
            Side::Destination,
            "as a key administrator, add the delivery statement to the key policy (needs jq; other statements are kept)",
        ),
        format!(
            "KEY_ARN={}\naws kms get-key-policy --region {key_region} --key-id \"$KEY_ARN\" --policy-name default --output text > key-policy.backup.json\n{}\naws kms put-key-policy --region {key_region} --key-id \"$KEY_ARN\" --policy-name default --policy file://key-policy.json",
            quote(key),
            merge("key-policy.backup.json", "key-policy-statement.json", "key-policy.json")
        ),
        &[TrailEvent::kms("GetKeyPolicy"), TrailEvent::kms("PutKeyPolicy")],
    )
}

/// The policy update CloudWatch Logs makes itself when the steps leave it to it.
fn automatic_events(input: &VendedLogsInput) -> Vec<TrailEvent> {
    match input.destination {
        _ if input.policy_is_manual() || input.uses_bucket_acl() => vec![],
        Destination::CloudwatchLogs => vec![TrailEvent::logs("PutResourcePolicy")],
        Destination::S3 => vec![TrailEvent::s3("PutBucketPolicy")],
        Destination::Firehose => vec![],
    }
}

fn v2(input: &VendedLogsInput, steps: &mut Vec<Step>) {
    let region = quote(input.region());
    let source = quote(input.delivery_source_name.trim());
    let destination = quote(input.delivery_destination_name.trim());
    let run = |op: LogsOperation, args: String| format!("{} --region {region} {args}", op.command());
    steps.push(Step::new(
        title(input, Side::Source, "create the delivery source"),
        run(
            PUT_DELIVERY_SOURCE,
            format!(
                "--name {source} --log-type {} --resource-arn {}",
                quote(input.log_type()),
                quote(&input.source_resource_arn())
            ),
        ),
        &[PUT_DELIVERY_SOURCE.trail_event()],
    ));
    steps.push(Step::new(
        title(input, Side::Destination, "create the delivery destination"),
        run(
            PUT_DELIVERY_DESTINATION,
            format!(
                "--name {destination} --delivery-destination-configuration {}",
                quote(&format!("destinationResourceArn={}", input.destination_resource_arn()))
            ),
        ),
        &[PUT_DELIVERY_DESTINATION.trail_event()],
    ));
    if input.is_cross_account() {
        steps.push(Step::new(
            title(input, Side::Destination, &format!("let account {} deliver to it", input.source_account())),
            run(
                PUT_DELIVERY_DESTINATION_POLICY,
                format!("--delivery-destination-name {destination} --delivery-destination-policy file://delivery-destination-policy.json"),
            ),
            &[PUT_DELIVERY_DESTINATION_POLICY.trail_event()],
        ));
    }
    let mut events = vec![CREATE_DELIVERY.trail_event()];
    events.extend(automatic_events(input));
    steps.push(Step::new(
        title(input, Side::Source, "create the delivery"),
        run(
            CREATE_DELIVERY,
            format!(
                "--delivery-source-name {source} --delivery-destination-arn {}",
                quote(&input.delivery_destination_arn())
            ),
        ),
        &events,
    ));
    steps.push(Step::new(
        title(input, Side::Source, "check the delivery"),
        run(
            DESCRIBE_DELIVERIES,
            format!(
                "--query \"deliveries[?deliverySourceName=='{}']\"",
                input.delivery_source_name.trim()
            ),
        ),
        &[DESCRIBE_DELIVERIES.trail_event()],
    ));
    let delete_delivery = run(DELETE_DELIVERY, "--id DELIVERY_ID   # the id describe-deliveries shows".into());
    let delete_source = run(DELETE_DELIVERY_SOURCE, format!("--name {source}"));
    let delete_destination = run(DELETE_DELIVERY_DESTINATION, format!("--name {destination}"));
    if input.is_cross_account() {
        // Each account deletes its own objects, the destination last: it is in use until then.
        steps.push(commented(
            title(input, Side::Source, "later, only to undo: delete the delivery, then its source"),
            format!("{delete_delivery}\n{delete_source}"),
        ));
        steps.push(commented(
            title(input, Side::Destination, "later, only to undo, once the delivery is deleted: delete the delivery destination"),
            delete_destination,
        ));
    } else {
        steps.push(commented(
            "Later, only to undo: delete the delivery, its source, then its destination".into(),
            format!("{delete_delivery}\n{delete_source}\n{delete_destination}"),
        ));
    }
}

fn v1(input: &VendedLogsInput, steps: &mut Vec<Step>) {
    let service = input.service().map_or("the service", |s| s.label);
    // ACL-based delivery goes through no CloudWatch Logs API; the service edits the bucket ACL.
    let mut events = if input.uses_bucket_acl() {
        vec![TrailEvent::s3("PutBucketAcl")]
    } else {
        vec![TrailEvent::logs("CreateLogDelivery")]
    };
    events.extend(automatic_events(input));
    // The log group name is a field, so the tool writes the ARN in the form the service takes
    // rather than asking for a second spelling of it.
    let star = input.destination == Destination::CloudwatchLogs
        && input.service().is_some_and(|s| s.log_group_arn_with_star);
    let arn = if star {
        format!("{}:*   # the ARN must end with :*", input.destination_resource_arn())
    } else {
        input.destination_resource_arn()
    };
    steps.push(Step::new(
        title(
            input,
            Side::Source,
            &format!("turn on {service} (in the service's console or API)"),
        ),
        format!("# Choose {} as the destination:\n#   {arn}", input.destination.label()),
        &events,
    ));
    let region = quote(input.region());
    let (what, command, event) = match input.destination {
        Destination::CloudwatchLogs => (
            "check the resource policies",
            format!("aws logs describe-resource-policies --region {region} --query 'resourcePolicies[].policyName'"),
            TrailEvent::logs("DescribeResourcePolicies"),
        ),
        Destination::S3 if input.uses_bucket_acl() => (
            "check that the bucket ACL now grants the log-delivery account access",
            format!("aws s3api get-bucket-acl --bucket {}", quote(input.bucket.trim())),
            TrailEvent::s3("GetBucketAcl"),
        ),
        Destination::S3 => (
            "check the bucket policy",
            format!(
                "{}  # NoSuchBucketPolicy: none yet, so logging is not on or CloudWatch Logs could not add its statements",
                unless_error(
                    &format!("aws s3api get-bucket-policy --bucket {} --query Policy --output text", quote(input.bucket.trim())),
                    "bucket-policy.err",
                    "NoSuchBucketPolicy"
                )
            ),
            TrailEvent::s3("GetBucketPolicy"),
        ),
        Destination::Firehose => (
            "check the stream's tags (needs firehose:ListTagsForDeliveryStream)",
            format!(
                "aws firehose list-tags-for-delivery-stream --region {region} --delivery-stream-name {}",
                quote(input.delivery_stream.trim())
            ),
            TrailEvent::firehose("ListTagsForDeliveryStream"),
        ),
    };
    steps.push(Step::new(title(input, Side::Destination, what), command, &[event]));
    steps.push(commented(
        format!("Later, only to undo: turn off {service} in the service"),
        "CloudWatch Logs then deletes the log delivery (DeleteLogDelivery); the destination policy stays.".into(),
    ));
}
