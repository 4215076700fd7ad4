//! The s3-export form, field by field.

use crate::scenarios::{Control, FieldSpec};

const LOGS: &str = "Log groups to export";
const WHEN: &str = "Time range (UTC)";
const BUCKET: &str = "Destination bucket";
const ENCRYPTION: &str = "Bucket encryption";
const WHO: &str = "Who may export";

pub static FIELDS: &[FieldSpec] = &[
    FieldSpec::new(
        "partition",
        "Partition",
        LOGS,
        Control::Choice {
            options: &[
                ("aws", "AWS (commercial)"),
                ("aws-cn", "AWS China"),
                ("aws-us-gov", "AWS GovCloud (US)"),
            ],
        },
    ),
    FieldSpec::new(
        "region",
        "Region",
        LOGS,
        Control::Text {
            placeholder: "us-east-1",
        },
    ).starts_empty()
    .hint("The log groups' Region; the bucket must be in the same one."),
    FieldSpec::new(
        "account",
        "Account ID",
        LOGS,
        Control::Text {
            placeholder: "123456789012",
        },
    ).starts_empty().account_id()
    .hint("The 12-digit account that owns the log groups and runs the export."),
    FieldSpec::new(
        "log-groups",
        "Log group names",
        LOGS,
        Control::Lines {
            placeholder: "my-log-group",
        },
    )
    .hint("One name per line; each is exported by its own task, one after another.")
    .cli_alias("log-group"),
    FieldSpec::new("from", "From", WHEN, Control::Date).starts_empty().hint("First day exported, from 00:00 UTC."),
    FieldSpec::new("to", "To", WHEN, Control::Date).starts_empty().hint("Last day exported, through 23:59:59 UTC."),
    FieldSpec::new(
        "bucket",
        "Bucket name",
        BUCKET,
        Control::Text {
            placeholder: "my-exported-logs",
        },
    )
    .hint("The name, not the ARN."),
    FieldSpec::new(
        "bucket-state",
        "The bucket is",
        BUCKET,
        Control::Choice {
            options: &[("new", "New: create it"), ("existing", "Existing: change its policy")],
        },
    ),
    FieldSpec::new(
        "bucket-account",
        "Bucket owner account",
        BUCKET,
        Control::Text {
            placeholder: "Empty: same account",
        },
    ).account_id()
    .hint("Leave empty when the bucket is in the log groups' account."),
    FieldSpec::new(
        "bucket-region",
        "Bucket Region",
        BUCKET,
        Control::Text {
            placeholder: "Empty: same Region",
        },
    )
    .hint("CloudWatch Logs only exports to a bucket in the log groups' Region."),
    FieldSpec::new(
        "prefix",
        "Prefix",
        BUCKET,
        Control::Text {
            placeholder: "Empty: exportedlogs",
        },
    )
    .hint("The folder exports go under; a hard-to-guess prefix keeps other writes out of it."),
    FieldSpec::new("acls-enabled", "ACLs are enabled on the bucket", BUCKET, Control::Check).hint(
        "Object Ownership is not \"bucket owner enforced\". A cross-account exporter then also needs s3:PutObjectAcl.",
    ),
    FieldSpec::new(
        "encryption",
        "Default encryption",
        ENCRYPTION,
        Control::Choice {
            options: &[
                ("sse-kms", "SSE-KMS (customer managed key)"),
                ("sse-s3", "SSE-S3 (Amazon S3 managed keys)"),
                ("dsse-kms", "DSSE-KMS (not supported by export)"),
            ],
        },
    ),
    FieldSpec::new(
        "key-arn",
        "Existing key ARN",
        ENCRYPTION,
        Control::Text {
            placeholder: "Empty: create a new key",
        },
    )
    .hint("A customer managed key in the bucket's Region; the AWS managed key aws/s3 cannot be used.")
    .shown_when("encryption", &["sse-kms", "dsse-kms"]),
    FieldSpec::new(
        "source-scope",
        "Source log groups allowed",
        WHO,
        Control::Choice {
            options: &[
                ("accounts", "Any log group of the source accounts (AWS's form)"),
                ("log-groups", "Only the listed log groups"),
            ],
        },
    ),
    FieldSpec::new(
        "other-accounts",
        "Other source accounts",
        WHO,
        Control::Lines {
            placeholder: "111122223333",
        },
    ).account_id()
    .hint("Further accounts whose log groups may export into this bucket.")
    .cli_alias("other-account"),
    FieldSpec::new(
        "callers",
        "Exporting role ARNs",
        WHO,
        Control::Lines {
            placeholder: "arn:aws:iam::123456789012:role/log-exporter",
        },
    )
    .hint("Roles or users that run create-export-task; required when the bucket is in another account.")
    .cli_alias("caller"),
];
