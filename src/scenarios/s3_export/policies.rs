//! The documents of the s3-export scenario and the bucket-encryption file, with their names,
//! Sids and the pages that explain them.

use super::{Encryption, S3ExportSpec};
use crate::json::{pretty, Value, ValueKind};
use crate::policy::{Principal, Statement, ValueList};
use crate::scenarios::{Artifact, Document};

mod bucket;
mod caller;
mod key;

pub const BUCKET_POLICY_FILE: &str = "bucket-policy.json";
pub const KEY_POLICY_FILE: &str = "key-policy.json";
pub const CALLER_POLICY_FILE: &str = "caller-policy.json";
pub const ENCRYPTION_FILE: &str = "bucket-encryption.json";

/// Bucket policy Sids: the first two are AWS's (§3.2); the third statement has none there.
pub const GET_ACL_SID: &str = "AllowGetBucketAcl";
pub const PUT_OBJECT_SID: &str = "AllowPutObject";
pub const ROLES_PUT_SID: &str = "AllowExportingRolesPutObject";
/// Key policy Sids, spelled as AWS's cross-account page does (§3.5): letters and digits only.
pub const ROOT_SID: &str = "EnableIAMUserPermissions";
pub const LOGS_KEY_SID: &str = "AllowCWLServicePrincipalUsage";
pub const ROLES_KEY_SID: &str = "EnableIAMRolePermissions";
/// Caller IAM policy Sids.
pub const EXPORT_SID: &str = "CreateExportTasks";
pub const FOLLOW_SID: &str = "FollowExportTasks";
pub const CALLER_WRITE_SID: &str = "WriteExportObjects";
pub const KEY_USE_SID: &str = "UseBucketKey";

pub(super) const EXPORT_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html";
pub(super) const EXPORT_CONSOLE_DOC: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasksConsole.html";
const BUCKET_ENCRYPTION_DOC: &str = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html";

/// The canned ACL CloudWatch Logs sends so the bucket owner owns what it writes.
pub(super) const OWNER_FULL_CONTROL: &str = "bucket-owner-full-control";

/// Bucket policies are limited to 20 KB (as applied, so the printed text counts).
pub const BUCKET_POLICY_MAX_BYTES: usize = 20 * 1024;
/// IAM inline policies of one role share 10,240 characters, whitespace not counted.
pub const ROLE_INLINE_POLICY_MAX_CHARS: usize = 10_240;

/// The sizes AWS limits: bucket policy bytes, caller policy characters without whitespace.
pub fn sizes(input: &S3ExportSpec) -> (usize, usize) {
    let bucket = bucket::policy(input).text().len();
    let caller = caller::policy(input)
        .text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    (bucket, caller)
}

pub fn documents(input: &S3ExportSpec) -> Vec<Document> {
    let mut docs = vec![bucket::policy(input)];
    if input.uses_kms() {
        docs.push(key::policy(input));
    }
    docs.push(caller::policy(input));
    docs
}

fn allow(sid: &str, principal: Option<Principal>, actions: ValueList, resources: ValueList) -> Statement {
    Statement {
        sid: Some(sid.into()),
        effect: Some(crate::policy::Effect::Allow.into()),
        principal,
        action: Some(actions),
        resource: Some(resources),
        ..Statement::default()
    }
}

/// `a`, `a and b`, `the 3 listed roles`.
fn roles_words(callers: &[&str]) -> String {
    match callers {
        [one] => one.to_string(),
        [a, b] => format!("{a} and {b}"),
        many => format!("the {} listed roles", many.len()),
    }
}

/// The bucket's default encryption, as `put-bucket-encryption` reads it (AWS's
/// `bucketencryption.json`, §3.3); DSSE-KMS is refused by the form, so it is never written.
pub fn encryption_file(input: &S3ExportSpec) -> Artifact {
    let s = |v: &str| Value::string(v);
    let (default, why) = match input.encryption {
        Encryption::SseS3 => (
            Value::object(vec![("SSEAlgorithm".into(), s("AES256"))]),
            "Makes Amazon S3 managed keys (SSE-S3) the bucket's default encryption, which export supports. New buckets already use it; applying it again is harmless.".to_owned(),
        ),
        Encryption::SseKms | Encryption::DsseKms => (
            Value::object(vec![
                ("SSEAlgorithm".into(), s("aws:kms")),
                ("KMSMasterKeyID".into(), s(&input.key_arn_or_placeholder())),
            ]),
            format!(
                "Makes the customer managed key the bucket's default encryption, so exported objects are encrypted with it (SSE-KMS); the S3 Bucket Key cuts the number of KMS requests. Because export writes under this default, this key's policy is the one that must admit the logs principal ({}).",
                super::LOGS_KEY_SID
            ),
        ),
    };
    let mut rule = vec![("ApplyServerSideEncryptionByDefault".into(), default)];
    if input.uses_kms() {
        rule.push(("BucketKeyEnabled".into(), Value::synthetic(ValueKind::Bool(true))));
    }
    let config = Value::object(vec![("Rules".into(), Value::array(vec![Value::object(rule)]))]);
    Artifact {
        name: "Bucket default encryption".into(),
        file_name: ENCRYPTION_FILE.into(),
        content: pretty(&config),
        why: format!("{why} See {BUCKET_ENCRYPTION_DOC}."),
    }
}
