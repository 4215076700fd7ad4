//! The query-result-key form, field by field.

use crate::scenarios::{Control, FieldSpec};

const WHERE: &str = "Where the queries run";
const KEY: &str = "Key";
const SHARING: &str = "Sharing the key with log groups";
const OBSERVABILITY: &str = "Cross-account observability";

/// The share checkbox's JSON value as `shown_when` compares it.
const SHARED: &[&str] = &["true"];

pub static FIELDS: &[FieldSpec] = &[
    FieldSpec::new(
        "partition",
        "Partition",
        WHERE,
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
        WHERE,
        Control::Text {
            placeholder: "us-east-1",
        },
    ).starts_empty()
    .hint("The association covers the queries run in this Region; the key must be in it too."),
    FieldSpec::new(
        "account",
        "Account ID",
        WHERE,
        Control::Text {
            placeholder: "111122223333",
        },
    ).starts_empty().account_id()
    .hint("The 12-digit account whose Logs Insights query results are encrypted."),
    FieldSpec::new(
        "key-arn",
        "Existing key ARN",
        KEY,
        Control::Text {
            placeholder: "Empty: create a new key",
        },
    )
    .hint("A customer managed key's full ARN. Leave empty to create a new key."),
    FieldSpec::new(
        "share-with-log-groups",
        "Also use this key for log groups",
        SHARING,
        Control::Check,
    )
    .hint("Adds a separate key-policy statement for log groups. AWS recommends a key per log group."),
    FieldSpec::new(
        "log-group-scope",
        "Log groups that may use it",
        SHARING,
        Control::Choice {
            options: &[
                ("one-group", "One log group"),
                ("several-groups", "Several log groups"),
                ("account", "Every log group in the account"),
            ],
        },
    )
    .shown_when("share-with-log-groups", SHARED),
    FieldSpec::new(
        "log-groups",
        "Log group names",
        SHARING,
        Control::Lines {
            placeholder: "my-log-group",
        },
    )
    .hint("One name per line, e.g. /aws/lambda/orders (names, not ARNs). Listed groups are associated with the key.")
    .shown_when("share-with-log-groups", SHARED)
    .cli_alias("log-group"),
    FieldSpec::new(
        "observability-role",
        "This account is",
        OBSERVABILITY,
        Control::Choice {
            options: &[
                ("none", "Not linked for cross-account observability"),
                ("monitoring", "A monitoring account"),
                ("source", "A source account"),
            ],
        },
    )
    .hint("A cross-account query stores its results under the monitoring account's query-result key."),
];
