//! The log-group-key form, field by field.

use crate::scenarios::{retention, Control, FieldSpec};

const WHERE: &str = "Where the log groups are";
const KEY: &str = "Key";
const GROUPS: &str = "Log groups";
const ROLES: &str = "Roles that use the log groups";
const ROTATION: &str = "Rotating from another key?";

pub static FIELDS: &[FieldSpec] = &[
    FieldSpec::new("partition", "Partition", WHERE, Control::Choice {
        options: &[("aws", "AWS (commercial)"), ("aws-cn", "AWS China"), ("aws-us-gov", "AWS GovCloud (US)")],
    }),
    FieldSpec::new("region", "Region", WHERE, Control::Text { placeholder: "us-east-1" }).starts_empty()
        .hint("The key must be in the same Region as the log groups."),
    FieldSpec::new("account", "Account ID", WHERE, Control::Text { placeholder: "111122223333" }).starts_empty().account_id()
        .hint("The 12-digit account that owns the log groups."),
    FieldSpec::new("key-arn", "Existing key ARN", KEY, Control::Text { placeholder: "Empty: create a new key" })
        .hint("A customer managed key's full ARN. Leave empty to create a new key."),
    FieldSpec::new("scope", "Use the key for", GROUPS, Control::Choice {
        options: &[
            ("one-group", "One log group"),
            ("several-groups", "Several log groups"),
            ("account", "Every log group in the account"),
        ],
    })
    .hint("AWS recommends a key per log group; the account scope trusts every log group."),
    FieldSpec::new("log-groups", "Log group names", GROUPS, Control::Lines { placeholder: "my-log-group" })
        .hint("One name per line, e.g. /aws/lambda/orders (names, not ARNs).")
        .cli_alias("log-group"),
    FieldSpec::new("log-group-state", "The log groups are", GROUPS, Control::Choice {
        options: &[("new", "New: create them with the key"), ("existing", "Existing: associate the key")],
    }),
    FieldSpec::new("retention", "Keep their log events for", GROUPS, Control::Choice { options: retention::OPTIONS })
        .hint("The new log groups' retention. Never expire is AWS's default; security scanners ask for at least a year.")
        .shown_when("log-group-state", &["new"]),
    FieldSpec::new("caller-permission", "Their permission to use the key", ROLES, Control::Choice {
        options: &[
            ("none", "None needed"),
            ("key-policy", "Key policy statement (kms:ViaService)"),
            ("iam-policy", "Separate IAM policy (kms:ViaService)"),
        ],
    })
    .hint("Roles that read or write encrypted log groups need the key too, through CloudWatch Logs only."),
    FieldSpec::new("caller-access", "What the roles do with the log groups", ROLES, Control::Choice {
        options: &[
            ("read-write", "Read and write (AWS's documented actions)"),
            ("read-only", "Read only (kms:Decrypt)"),
        ],
    })
    .hint("Read and write, the default, grants AWS's documented set: Encrypt, ReEncrypt*, Decrypt, GenerateDataKey*, Describe*. Read only grants kms:Decrypt alone, for roles that only query or read the events (unverified: AWS documents only the full set).")
    .shown_when("caller-permission", &["key-policy", "iam-policy"]),
    FieldSpec::new("callers", "Role ARNs", ROLES, Control::Lines { placeholder: "arn:aws:iam::111122223333:role/app" })
        .hint("One IAM role (or user) ARN per line.")
        .shown_when("caller-permission", &["key-policy", "iam-policy"])
        .cli_alias("caller"),
    FieldSpec::new("rotate-from", "Key the log groups use now", ROTATION, Control::Text { placeholder: "Empty: not rotating" })
        .hint("Its ARN. The steps move the log groups to the new key and reduce this one to decrypt-only. Leave empty if not rotating."),
    FieldSpec::new("keep-context-on-old-key", "Keep the log-group condition on the old key", ROTATION, Control::Check)
        .hint("Off is AWS's form: the old key decrypts for any log group. On is tighter, but data written without the log-group context can no longer be read."),
];
