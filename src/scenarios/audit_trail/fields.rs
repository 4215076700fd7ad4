//! The audit-trail form, field by field.

use crate::scenarios::{Control, FieldSpec};

const WATCH: &str = "Setups to watch";
const WHERE: &str = "Where the rule runs";
const ALERT: &str = "Alerts";

pub static FIELDS: &[FieldSpec] = &[
    FieldSpec::new("watch-log-group-key", "Log-group keys", WATCH, Control::Check)
        .hint("Key policy changes, key disabling or deletion, key disassociation from log groups."),
    FieldSpec::new("watch-query-result-key", "Query-result key", WATCH, Control::Check)
        .hint("The same key changes, for the Logs Insights query-result key."),
    FieldSpec::new("watch-s3-export", "Exports to S3", WATCH, Control::Check)
        .hint("Key changes and bucket policy or default encryption changes."),
    FieldSpec::new("watch-vended-logs", "Vended-log delivery", WATCH, Control::Check)
        .hint("Log resource policy, delivery destination policy, bucket and key changes."),
    FieldSpec::new(
        "region",
        "Region",
        WHERE,
        Control::Text {
            placeholder: "us-east-1",
        },
    ).starts_empty()
    .hint("A rule only sees calls made in its own Region: create one in each Region you use."),
    FieldSpec::new(
        "account",
        "Account ID",
        WHERE,
        Control::Text {
            placeholder: "111122223333",
        },
    ).starts_empty().account_id()
    .hint("The 12-digit account the rule is created in."),
    FieldSpec::new(
        "rule-name",
        "Rule name",
        ALERT,
        Control::Text {
            placeholder: "cwlogs-encryption-changes",
        },
    )
    .hint("1–64 letters, digits, dots, hyphens and underscores."),
    FieldSpec::new(
        "sns-topic-arn",
        "SNS topic ARN",
        ALERT,
        Control::Text {
            placeholder: "Empty: the rule only",
        },
    )
    .hint("Where alerts go; the topic must be in the rule's Region. Leave empty to create just the rule."),
];
