//! The vended-logs form, field by field.

use super::services::{SERVICE_OPTIONS, V2_SERVICE_IDS};
use crate::scenarios::{Control, FieldSpec};

const SOURCE: &str = "Where the logs come from";
const V2: &str = "Delivery objects (V2 services)";
const DESTINATION: &str = "Where the logs go";
const HARDENING: &str = "Hardening and console";

pub static FIELDS: &[FieldSpec] = &[
    FieldSpec::new("partition", "Partition", SOURCE, Control::Choice {
        options: &[("aws", "AWS (commercial)"), ("aws-cn", "AWS China"), ("aws-us-gov", "AWS GovCloud (US)")],
    }),
    FieldSpec::new("region", "Region", SOURCE, Control::Text { placeholder: "us-east-1" }).starts_empty(),
    FieldSpec::new("account", "Source account ID", SOURCE, Control::Text { placeholder: "111122223333" }).starts_empty().account_id()
        .hint("The 12-digit account that owns the resource sending the logs."),
    FieldSpec::new("service", "Service", SOURCE, Control::Choice { options: &SERVICE_OPTIONS })
        .hint("Services that write to CloudWatch Logs by their own means (Lambda, ECS, CloudTrail …) need no vended-log permissions and are not listed."),
    FieldSpec::new("source-resource-arn", "Resource sending the logs", V2, Control::Text {
        placeholder: "Empty: the service's example resource",
    })
    .hint("Its ARN, in the Region above: the delivery source is made for it. Empty uses an example ARN of the chosen service; replace it before deploying.")
    .shown_when("service", &V2_SERVICE_IDS),
    FieldSpec::new("log-type", "Log type", V2, Control::Text { placeholder: "Empty: the service's first log type" })
        .hint("e.g. APPLICATION_LOGS (Bedrock), EVENT_LOGS (CodeWhisperer), ERROR_LOGS (IAM Identity Center).")
        .shown_when("service", &V2_SERVICE_IDS),
    FieldSpec::new("delivery-source-name", "Delivery source name", V2, Control::Text { placeholder: "my-delivery-source" })
        .hint("1–60 letters, digits, - and _; unique in the source account.")
        .shown_when("service", &V2_SERVICE_IDS),
    FieldSpec::new("delivery-destination-name", "Delivery destination name", V2, Control::Text {
        placeholder: "my-delivery-destination",
    })
    .hint("1–60 letters, digits, - and _; unique in the destination account.")
    .shown_when("service", &V2_SERVICE_IDS),
    FieldSpec::new("destination", "Destination", DESTINATION, Control::Choice {
        options: &[("cloudwatch-logs", "CloudWatch Logs"), ("s3", "Amazon S3"), ("firehose", "Amazon Data Firehose")],
    }),
    FieldSpec::new("destination-account", "Destination account ID", DESTINATION, Control::Text {
        placeholder: "Empty: the source account",
    }).account_id()
    .hint("The account that owns the log group, bucket or stream, if not the source account."),
    FieldSpec::new("log-group", "Log group name", DESTINATION, Control::Text { placeholder: "/aws/vendedlogs/my-log-group" })
        .hint("A name starting with /aws/vendedlogs/ keeps working when CloudWatch Logs' policy nears its size limit.")
        .shown_when("destination", &["cloudwatch-logs"]),
    FieldSpec::new("bucket", "Bucket name", DESTINATION, Control::Text { placeholder: "my-bucket" })
        .shown_when("destination", &["s3"]),
    FieldSpec::new("prefix", "Key prefix", DESTINATION, Control::Text { placeholder: "Empty: AWSLogs/ACCOUNT/…" })
        .hint("V1 services write under PREFIX/AWSLogs/ACCOUNT/; for V2 the prefix replaces AWSLogs/ACCOUNT/.")
        .shown_when("destination", &["s3"]),
    FieldSpec::new("key-arn", "Bucket's SSE-KMS key ARN", DESTINATION, Control::Text { placeholder: "Empty: the bucket uses SSE-S3" })
        .hint("A customer managed key: with aws/s3 the logs arrive unreadable.")
        .shown_when("destination", &["s3"]),
    FieldSpec::new("include-list-bucket", "Also allow s3:ListBucket", DESTINATION, Control::Check)
        .hint("Without it delivery's checks can leave AccessDenied entries in CloudTrail.")
        .shown_when("destination", &["s3"]),
    FieldSpec::new("delivery-stream", "Firehose stream name", DESTINATION, Control::Text { placeholder: "my-delivery-stream" })
        .shown_when("destination", &["firehose"]),
    FieldSpec::new("org-id", "Organization ID (aws:SourceOrgID)", HARDENING, Control::Text { placeholder: "Empty: no organization check" })
        .hint("Also require the source account to be in this organization, e.g. o-a1b2c3d4e5."),
    FieldSpec::new("org-paths", "Organization paths (aws:SourceOrgPaths)", HARDENING, Control::Lines {
        placeholder: "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*",
    })
    .hint("One path per line; the source account must be under one of them.")
    .cli_alias("org-path"),
    FieldSpec::new("console-extras", "Set up in the console", HARDENING, Control::Check)
        .hint("Adds the list permissions the console needs to offer buckets and streams."),
];
