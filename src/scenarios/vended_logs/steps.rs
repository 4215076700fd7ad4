//! The ordered steps, as typed AWS calls with every value filled in. Across accounts each step
//! says which account runs it.

use super::firehose::{ROLE_NAME, TAG_KEY};
use super::operations::{
    CREATE_DELIVERY, DELETE_DELIVERY, DELETE_DELIVERY_DESTINATION, DELETE_DELIVERY_SOURCE, DESCRIBE_DELIVERIES,
    PUT_DELIVERY_DESTINATION, PUT_DELIVERY_DESTINATION_POLICY, PUT_DELIVERY_SOURCE,
};
use super::permissions::{DESTINATION_SETUP_FILE, SETUP_FILE, SOURCE_SETUP_FILE};
use super::{log_group, Destination, VendedLogsSpec};
use crate::policy::Arn;
use crate::scenarios::step::operation::{
    FIREHOSE_LIST_TAGS, FIREHOSE_TAG, IAM_CREATE_SERVICE_LINKED_ROLE, IAM_PUT_ROLE_POLICY,
    LOGS_DESCRIBE_RESOURCE_POLICIES, LOGS_PUT_RESOURCE_POLICY, S3_GET_BUCKET_ACL, S3_GET_BUCKET_POLICY,
    S3_PUT_BUCKET_OWNERSHIP_CONTROLS, S3_PUT_BUCKET_POLICY,
};
use crate::scenarios::step::{bucket_policy, iam_propagation, inline_policy, key_policy, save_files, AwsCall, Line};
use crate::scenarios::{Document, Side, Step, TrailEvent};

/// `what`, led by the account that runs it when two accounts take part.
fn title(input: &VendedLogsSpec, side: Side, what: &str) -> String {
    if !input.is_cross_account() {
        let mut chars = what.chars();
        return chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    match side {
        Side::Destination => format!("In the destination account {}: {what}", input.destination_account()),
        _ => format!("In the source account {}: {what}", input.source_account()),
    }
}

/// The setup role's policy in `side`'s account.
pub fn setup_policy(input: &VendedLogsSpec, side: Side) -> &'static str {
    match side {
        _ if !input.is_cross_account() => SETUP_FILE,
        Side::Destination => DESTINATION_SETUP_FILE,
        _ => SOURCE_SETUP_FILE,
    }
}

/// A step `side`'s account runs, titled so when two accounts take part.
fn in_account(input: &VendedLogsSpec, side: Side, what: &str, lines: Vec<Line>) -> Step {
    let step = Step::new(title(input, side, what), lines);
    match side {
        _ if !input.is_cross_account() => step,
        Side::Destination => step.in_account(side, input.destination_account()),
        _ => step.in_account(side, input.source_account()),
    }
}

/// A step the setup role runs in `side`'s account. The title says so: the exported script runs it
/// with the setup role's profile, and by hand it must be run as that role too, or the setup policy
/// is never what grants it.
fn step(input: &VendedLogsSpec, side: Side, what: &str, lines: Vec<Line>) -> Step {
    in_account(input, side, &format!("{what}, as the setup role"), lines).run_with(setup_policy(input, side))
}

/// The setup role's first call would be refused while its new inline policy is not in force yet.
fn wait_for_iam() -> Step {
    Step::new(
        "Wait for the setup role's new permissions to take effect",
        iam_propagation::wait("the setup role"),
    )
}

/// A step shown but not run: every line commented out, so it records no events.
fn commented(title: String, lines: Vec<Line>) -> Step {
    Step::new(title, lines.into_iter().map(Line::commented).collect())
}

pub fn steps(input: &VendedLogsSpec, documents: &[Document]) -> Vec<Step> {
    let files: Vec<&str> = documents.iter().map(|d| d.file_name.as_str()).collect();
    let mut steps = vec![save_files("Save the documents", "document", &files)];
    permissions(input, documents, &mut steps);
    steps.push(wait_for_iam());
    destination(input, &mut steps);
    if input.is_v2() {
        v2(input, &mut steps);
    } else {
        v1(input, &mut steps);
    }
    steps
}

/// The shell variable naming the setup role in `side`'s account: one role in one account, a role
/// of each account across two, whose names need not match (review F5).
fn setup_role_var(input: &VendedLogsSpec, side: Side) -> &'static str {
    match side {
        _ if !input.is_cross_account() => "SETUP_ROLE",
        Side::Destination => "DESTINATION_SETUP_ROLE",
        _ => "SOURCE_SETUP_ROLE",
    }
}

fn require_setup_role(input: &VendedLogsSpec, side: Side) -> Line {
    let var = setup_role_var(input, side);
    let whose = match side {
        _ if !input.is_cross_account() => String::new(),
        Side::Destination => format!(" in the destination account {}", input.destination_account()),
        _ => format!(" in the source account {}", input.source_account()),
    };
    Line::Require {
        var,
        message: format!("set {var} to the name of the role that sets up delivery{whose}"),
    }
}

fn permissions(input: &VendedLogsSpec, documents: &[Document], steps: &mut Vec<Step>) {
    let put = |side: Side| {
        let file = setup_policy(input, side);
        // Named after what it grants, so a second delivery set up by the same role keeps the first's.
        let grants = documents.iter().find(|d| d.file_name == file).map(Document::text).unwrap_or_default();
        let policy_name = inline_policy::name("vended-logs-setup", &grants);
        AwsCall::new(&IAM_PUT_ROLE_POLICY)
            .var("role-name", setup_role_var(input, side))
            .text("policy-name", policy_name.as_str())
            .file("policy-document", file)
            .into()
    };
    if input.is_cross_account() {
        // Run by whoever may change the role's policies, not by the role itself. Both names are
        // asked for before the first change, so a missing one stops nothing half done.
        let source = vec![
            require_setup_role(input, Side::Source),
            require_setup_role(input, Side::Destination),
            put(Side::Source),
        ];
        steps.push(in_account(input, Side::Source, "give the setup role its permissions", source));
        let destination = vec![require_setup_role(input, Side::Destination), put(Side::Destination)];
        steps.push(in_account(input, Side::Destination, "give the setup role its permissions", destination));
    } else {
        steps.push(Step::new(
            "Give the setup role its permissions",
            vec![require_setup_role(input, Side::Only), put(Side::Only)],
        ));
    }
}

/// What the destination account does to its log group, bucket, key or stream.
fn destination(input: &VendedLogsSpec, steps: &mut Vec<Step>) {
    let region = input.region();
    let manual = input.policy_is_manual();
    let optional = "Optional: CloudWatch Logs does this itself when logging is turned on — ";
    match input.destination {
        Destination::CloudwatchLogs => {
            let lines = vec![AwsCall::new(&LOGS_PUT_RESOURCE_POLICY)
                .region(region)
                .text("policy-name", log_group::policy_name(input))
                .file("policy-document", "log-group-policy.json")
                .into()];
            let what = "apply the log group resource policy";
            if manual {
                steps.push(step(input, Side::Destination, what, lines));
            } else {
                steps.push(commented(format!("{optional}{what}"), lines));
            }
        }
        Destination::S3 if input.uses_bucket_acl() => steps.push(step(
            input,
            Side::Destination,
            "enable ACLs on the bucket (the service's log-delivery account is granted access in the bucket ACL; this affects every writer of a shared bucket)",
            vec![AwsCall::new(&S3_PUT_BUCKET_OWNERSHIP_CONTROLS)
                .text("bucket", input.bucket())
                .text("ownership-controls", "Rules=[{ObjectOwnership=BucketOwnerPreferred}]")
                .into()],
        )),
        Destination::S3 => {
            if input.has_key() {
                steps.push(key_step(input));
            }
            let bucket = input.bucket();
            let lines = vec![
                bucket_policy::back_up(bucket),
                Line::comment("NoSuchBucketPolicy: the bucket has none yet, so the merge starts from an empty policy"),
                Line::shell(format!("if grep -q NoSuchBucketPolicy {}; then echo '{{\"Version\": \"2012-10-17\", \"Statement\": []}}' > {}; fi", bucket_policy::BACKUP_ERROR, bucket_policy::BACKUP)),
                Line::MergeStatements {
                    backup: bucket_policy::BACKUP,
                    add: "bucket-policy.json",
                    out: "bucket-policy.merged.json",
                },
                AwsCall::new(&S3_PUT_BUCKET_POLICY)
                    .text("bucket", bucket)
                    .file("policy", "bucket-policy.merged.json")
                    .into(),
            ];
            let what = "add the delivery statements to the bucket policy (needs jq; other statements are kept)";
            if manual {
                steps.push(step(input, Side::Destination, what, lines));
            } else {
                steps.push(commented(format!("{optional}{what}"), lines));
            }
        }
        Destination::Firehose => {
            steps.push(step(
                input,
                Side::Destination,
                &format!("create the {ROLE_NAME} service-linked role unless it exists"),
                vec![AwsCall::new(&IAM_CREATE_SERVICE_LINKED_ROLE)
                    .text("aws-service-name", "delivery.logs.amazonaws.com")
                    .unless_error("service-linked-role.err", "has been taken")
                    .comment(format!("\"Service role name {ROLE_NAME} has been taken\": it exists already"))
                    .into()],
            ));
            steps.push(step(
                input,
                Side::Destination,
                "tag the stream so the role may write to it",
                vec![AwsCall::new(&FIREHOSE_TAG)
                    .region(region)
                    .text("delivery-stream-name", input.delivery_stream.as_str())
                    .text("tags", format!("Key={TAG_KEY},Value=true"))
                    .into()],
            ));
        }
    }
}

fn key_step(input: &VendedLogsSpec) -> Step {
    let key = input.key_arn();
    // KMS answers for a key only in the key's own Region.
    let key_region = Arn::parse(key)
        .ok()
        .map(|a| a.region)
        .filter(|r| !r.is_empty())
        .unwrap_or(input.region());
    in_account(
        input,
        Side::Destination,
        "as a key administrator, add the delivery statement to the key policy (needs jq; other statements are kept)",
        vec![
            Line::set("KEY_ARN", key),
            key_policy::back_up(key_region, "KEY_ARN", "key-policy.backup.json"),
            Line::MergeStatements {
                backup: "key-policy.backup.json",
                add: "key-policy-statement.json",
                out: "key-policy.json",
            },
            key_policy::put(key_region, "KEY_ARN", "key-policy.json"),
        ],
    )
}

/// The policy update CloudWatch Logs makes itself when the steps leave it to it.
fn automatic_events(input: &VendedLogsSpec) -> Vec<TrailEvent> {
    match input.destination {
        _ if input.policy_is_manual() || input.uses_bucket_acl() => vec![],
        Destination::CloudwatchLogs => vec![LOGS_PUT_RESOURCE_POLICY.trail_event()],
        Destination::S3 => vec![S3_PUT_BUCKET_POLICY.trail_event()],
        Destination::Firehose => vec![],
    }
}

fn v2(input: &VendedLogsSpec, steps: &mut Vec<Step>) {
    let region = input.region();
    let source = input.delivery_source_name.as_str();
    let destination = input.delivery_destination_name.as_str();
    let run = |operation| AwsCall::new(operation).region(region);
    steps.push(step(
        input,
        Side::Source,
        "create the delivery source",
        vec![run(PUT_DELIVERY_SOURCE)
            .text("name", source)
            .text("log-type", input.log_type())
            .text("resource-arn", input.source_resource_arn())
            .into()],
    ));
    steps.push(step(
        input,
        Side::Destination,
        "create the delivery destination",
        vec![run(PUT_DELIVERY_DESTINATION)
            .text("name", destination)
            .text(
                "delivery-destination-configuration",
                format!("destinationResourceArn={}", input.destination_resource_arn()),
            )
            .into()],
    ));
    if input.is_cross_account() {
        steps.push(step(
            input,
            Side::Destination,
            &format!("let account {} deliver to it", input.source_account()),
            vec![run(PUT_DELIVERY_DESTINATION_POLICY)
                .text("delivery-destination-name", destination)
                .file("delivery-destination-policy", "delivery-destination-policy.json")
                .into()],
        ));
    }
    steps.push(
        step(
            input,
            Side::Source,
            "create the delivery",
            vec![run(CREATE_DELIVERY)
                .text("delivery-source-name", source)
                .text("delivery-destination-arn", input.delivery_destination_arn())
                .into()],
        )
        .causes(&automatic_events(input)),
    );
    steps.push(step(
        input,
        Side::Source,
        "check the delivery",
        vec![run(DESCRIBE_DELIVERIES)
            .expr("query", format!("\"deliveries[?deliverySourceName=='{source}']\""))
            .into()],
    ));
    let delete_delivery = || {
        Line::commented(
            run(DELETE_DELIVERY)
                .text("id", "DELIVERY_ID")
                .comment("the id describe-deliveries shows"),
        )
    };
    let delete_source = || Line::commented(run(DELETE_DELIVERY_SOURCE).text("name", source));
    let delete_destination = || Line::commented(run(DELETE_DELIVERY_DESTINATION).text("name", destination));
    if input.is_cross_account() {
        // Each account deletes its own objects, the destination last: it is in use until then.
        steps.push(step(
            input,
            Side::Source,
            "later, only to undo: delete the delivery, then its source",
            vec![delete_delivery(), delete_source()],
        ));
        steps.push(step(
            input,
            Side::Destination,
            "later, only to undo, once the delivery is deleted: delete the delivery destination",
            vec![delete_destination()],
        ));
    } else {
        steps.push(Step::new(
            "Later, only to undo: delete the delivery, its source, then its destination",
            vec![delete_delivery(), delete_source(), delete_destination()],
        ));
    }
}

fn v1(input: &VendedLogsSpec, steps: &mut Vec<Step>) {
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
    steps.push(
        step(
            input,
            Side::Source,
            &format!("turn on {service} (in the service's console or API)"),
            vec![
                Line::comment(format!("Choose {} as the destination:", input.destination.label())),
                Line::comment(format!("  {arn}")),
            ],
        )
        .causes(&events),
    );
    let region = input.region();
    let bucket = input.bucket();
    let (what, call) = match input.destination {
        Destination::CloudwatchLogs => (
            "check the resource policies",
            AwsCall::new(&LOGS_DESCRIBE_RESOURCE_POLICIES)
                .region(region)
                .text("query", "resourcePolicies[].policyName"),
        ),
        Destination::S3 if input.uses_bucket_acl() => (
            "check that the bucket ACL now grants the log-delivery account access",
            AwsCall::new(&S3_GET_BUCKET_ACL).text("bucket", bucket),
        ),
        Destination::S3 => (
            "check the bucket policy",
            AwsCall::new(&S3_GET_BUCKET_POLICY)
                .text("bucket", bucket)
                .query_text("Policy")
                .unless_error("bucket-policy.err", "NoSuchBucketPolicy")
                .comment("NoSuchBucketPolicy: none yet, so logging is not on or CloudWatch Logs could not add its statements"),
        ),
        Destination::Firehose => (
            "check the stream's tags (needs firehose:ListTagsForDeliveryStream)",
            AwsCall::new(&FIREHOSE_LIST_TAGS)
                .region(region)
                .text("delivery-stream-name", input.delivery_stream.as_str()),
        ),
    };
    let check = if input.destination == Destination::Firehose {
        // Its title names the permission it needs: the setup policy does not grant it.
        in_account(input, Side::Destination, what, vec![call.into()])
    } else {
        step(input, Side::Destination, what, vec![call.into()])
    };
    steps.push(check);
    steps.push(Step::new(
        format!("Later, only to undo: turn off {service} in the service"),
        vec![Line::comment(
            "CloudWatch Logs then deletes the log delivery (DeleteLogDelivery); the destination policy stays.",
        )],
    ));
}
