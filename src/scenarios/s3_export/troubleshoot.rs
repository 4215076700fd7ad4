//! The troubleshooter: an export error message (picked from [`KNOWN_ERRORS`] or pasted as the
//! CLI or console printed it) → what permission is missing and which statement of the bundle
//! grants it (domain-facts §3.6).

use super::policies::{
    BUCKET_POLICY_FILE, CALLER_POLICY_FILE, CALLER_WRITE_SID, ENCRYPTION_FILE, GET_ACL_SID, KEY_POLICY_FILE,
    KEY_USE_SID, LOGS_KEY_SID, PUT_OBJECT_SID, ROLES_KEY_SID, ROLES_PUT_SID,
};
use super::{S3ExportInput, S3ExportSpec};
use serde::{Deserialize, Serialize};

mod remedy;
pub use remedy::{troubleshoot, troubleshoot_input, Answer, Remedy};

/// An error message users see when an export is misconfigured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct KnownError {
    /// Stable handle, e.g. for a select box.
    pub id: &'static str,
    pub label: &'static str,
    /// The exception the CLI prints in parentheses.
    pub exception: &'static str,
    /// The message text exactly as AWS writes it.
    pub message: &'static str,
}

/// Reads back a serialised known error as the entry of [`KNOWN_ERRORS`] with its id (the page
/// holds the table; the analysis worker sends the entry).
pub(crate) fn known_error_by_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'static KnownError>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: String,
    }
    let Some(Id { id }) = Option::<Id>::deserialize(d)? else {
        return Ok(None);
    };
    KNOWN_ERRORS
        .iter()
        .find(|e| e.id == id)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom(format!("no known error {id}")))
}

pub static KNOWN_ERRORS: &[KnownError] = &[
    KnownError {
        id: "get-bucket-acl",
        label: "GetBucketAcl call on the given bucket failed",
        exception: "InvalidParameterException",
        message: "GetBucketAcl call on the given bucket failed. Please check if CloudWatch Logs has been granted permission to perform this operation.",
    },
    KnownError {
        id: "put-object",
        label: "PutObject call on the given bucket failed",
        exception: "InvalidParameterException",
        message: "PutObject call on the given bucket failed. Please check if CloudWatch Logs has been granted permission to perform this operation. This may be a result of a KMS key or bucket encryption misconfiguration.",
    },
    KnownError {
        id: "caller-put-object",
        label: "The CreateExportTask caller lacks s3:PutObject",
        exception: "InvalidParameterException",
        message: "Please ensure that the CreateExportTask caller has been granted s3:PutObject access to the bucket.",
    },
    KnownError {
        id: "limit-exceeded",
        label: "Resource limit exceeded (another export is running)",
        exception: "LimitExceededException",
        message: "Resource limit exceeded",
    },
];

/// Fragments that still identify a message when only part of it was copied, most specific first.
const KEYWORDS: &[(&str, &str)] = &[
    ("createexporttaskcaller", "caller-put-object"),
    ("getbucketacl", "get-bucket-acl"),
    ("putobjectcall", "put-object"),
    ("resourcelimitexceeded", "limit-exceeded"),
    ("limitexceededexception", "limit-exceeded"),
];

/// One likely cause of an error and its remedy in the bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Diagnosis {
    pub cause: String,
    /// The permission (or setting) that is missing, with principal and resource filled in.
    pub missing: String,
    /// The Sid of the bundle statement that grants it.
    pub fix_sid: Option<String>,
    /// The bundle file that holds the fix.
    pub fix_document: Option<String>,
    pub explanation: String,
}

/// Lower-case with every whitespace character removed, so line breaks, doubled spaces and case
/// in a pasted message do not matter.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The known error a pasted message is (or contains), if any.
pub fn recognise(message: &str) -> Option<&'static KnownError> {
    let text = squash(message);
    if text.is_empty() {
        return None;
    }
    let by_id = |id: &str| KNOWN_ERRORS.iter().find(|e| e.id == id);
    KNOWN_ERRORS
        .iter()
        .find(|e| text.contains(&squash(e.message)))
        .or_else(|| {
            KEYWORDS
                .iter()
                .find(|(k, _)| text.contains(k))
                .and_then(|(_, id)| by_id(id))
        })
}

/// What the message means for this input: one diagnosis per likely cause, most likely first.
pub fn diagnose(message: &str, input: &S3ExportInput) -> Vec<Diagnosis> {
    diagnose_spec(message, &super::parse(input).0)
}

/// [`diagnose`] for the parsed input.
pub(super) fn diagnose_spec(message: &str, input: &S3ExportSpec) -> Vec<Diagnosis> {
    let Some(known) = recognise(message) else {
        return vec![not_recognised(message)];
    };
    match known.id {
        "get-bucket-acl" => get_bucket_acl(input),
        "put-object" => put_object(input),
        "caller-put-object" => caller_put_object(input),
        _ => limit_exceeded(input),
    }
}

fn fix(cause: String, missing: String, sid: Option<&str>, file: Option<&str>, explanation: String) -> Diagnosis {
    Diagnosis {
        cause,
        missing,
        fix_sid: sid.map(str::to_owned),
        fix_document: file.map(str::to_owned),
        explanation,
    }
}

fn not_recognised(message: &str) -> Diagnosis {
    let known: Vec<String> = KNOWN_ERRORS
        .iter()
        .map(|e| format!("{} ({})", e.label, e.exception))
        .collect();
    let cause = if message.trim().is_empty() {
        "No message given"
    } else {
        "Message not recognised"
    };
    fix(
        cause.to_owned(),
        "unknown".to_owned(),
        None,
        None,
        format!(
            "The troubleshooter recognises these export errors: {}. Paste the whole error line the CLI or console printed; case, line breaks and request IDs do not matter.",
            known.join("; ")
        ),
    )
}

fn get_bucket_acl(input: &S3ExportSpec) -> Vec<Diagnosis> {
    let logs = input.logs_principal();
    let region = input.region();
    vec![
        fix(
            "The bucket policy does not let CloudWatch Logs read the bucket's ACL for this export".to_owned(),
            format!("s3:GetBucketAcl for {logs} on {}", input.bucket_arn()),
            Some(GET_ACL_SID),
            Some(BUCKET_POLICY_FILE),
            format!(
                "CloudWatch Logs reads the bucket ACL before it writes, even when ACLs are disabled. The statement must name the regional principal {logs}, list account {} in aws:SourceAccount and its log groups in aws:SourceArn; a missing account or a principal of another Region gives this error too.",
                input.account()
            ),
        ),
        fix(
            format!("The bucket is not in {region}, or has another name (possible cause; not confirmed by AWS)"),
            format!("a bucket named {} in {region}", input.bucket()),
            None,
            None,
            format!(
                "Export only writes to a bucket in the log groups' Region. Check with: aws s3api get-bucket-location --bucket {} (None means us-east-1).",
                input.bucket()
            ),
        ),
    ]
}

fn put_object(input: &S3ExportSpec) -> Vec<Diagnosis> {
    let logs = input.logs_principal();
    let prefix = format!("--destination-prefix {}", input.export_prefix());
    let mut out = vec![fix(
        "The bucket policy does not let CloudWatch Logs write the export objects".to_owned(),
        format!("s3:PutObject for {logs} on {} with s3:x-amz-acl = bucket-owner-full-control", input.objects_arn()),
        Some(PUT_OBJECT_SID),
        Some(BUCKET_POLICY_FILE),
        format!(
            "The export runs with {prefix}; the statement's Resource must cover that path, and its aws:SourceAccount / aws:SourceArn must list account {}.",
            input.account()
        ),
    )];
    if input.uses_kms() {
        let key = input.key_arn_or_placeholder();
        out.push(fix(
            "The bucket key's policy does not let CloudWatch Logs use the key".to_owned(),
            format!("kms:GenerateDataKey and kms:Decrypt for {logs} on {key}"),
            Some(LOGS_KEY_SID),
            Some(KEY_POLICY_FILE),
            "S3 encrypts each exported object with the bucket's default key on behalf of CloudWatch Logs, so the key policy must name the logs principal. AWS managed keys such as aws/s3 cannot be changed to allow it.".to_owned(),
        ));
        out.push(fix(
            "The bucket's default encryption is not the customer managed key (for example aws/s3, another key, or DSSE-KMS)".to_owned(),
            format!("default encryption SSE-KMS with {key}"),
            None,
            Some(ENCRYPTION_FILE),
            format!(
                "Check with: aws s3api get-bucket-encryption --bucket {}. If KMSMasterKeyID is alias/aws/s3 or another key, or SSEAlgorithm is aws:kms:dsse, apply {ENCRYPTION_FILE}.",
                input.bucket()
            ),
        ));
    } else {
        out.push(fix(
            "The bucket may not use SSE-S3 as the form says".to_owned(),
            "a bucket default encryption export supports, and a key policy that admits CloudWatch Logs if it is SSE-KMS".to_owned(),
            None,
            Some(ENCRYPTION_FILE),
            format!(
                "Check with: aws s3api get-bucket-encryption --bucket {}. If it shows aws:kms with a key, choose SSE-KMS in the form and apply that key's policy; aws:kms:dsse (DSSE-KMS) cannot be exported to.",
                input.bucket()
            ),
        ));
    }
    out
}

fn caller_put_object(input: &S3ExportSpec) -> Vec<Diagnosis> {
    if !input.is_cross_account() {
        // In one account the bundle grants the caller s3:PutObject too (CreateExportTask's API
        // reference asks for it; the export page's same-account list does not): its statement
        // missing is the first cause, a bucket elsewhere the second (review H2 of 2026-12-08).
        return vec![
            fix(
                "The caller's IAM policy does not allow writing the export's objects".to_owned(),
                format!("s3:PutObject on {} for the caller of create-export-task", input.objects_arn()),
                Some(CALLER_WRITE_SID),
                Some(CALLER_POLICY_FILE),
                "CreateExportTask's API reference says its caller must be able to write to the bucket, in one account too (the export page's same-account list names only AmazonS3ReadOnlyAccess, which writes nothing). Attach caller-policy.json, which grants it on the export's prefix.".to_owned(),
            ),
            fix(
                "The bucket is in another account than the form says".to_owned(),
                "the bucket owner account and the exporting role in the form".to_owned(),
                None,
                None,
                "This message also appears when the caller of create-export-task writes into another account's bucket. Enter that account as the bucket owner and list the exporting role: the bundle then adds the caller and bucket policy statements that fix it.".to_owned(),
            ),
        ];
    }
    let roles = match input.caller_arns().as_slice() {
        [] => "the exporting role".to_owned(),
        [one] => one.to_string(),
        many => many.join(", "),
    };
    let actions = if input.acls_enabled {
        "s3:PutObject and s3:PutObjectAcl"
    } else {
        "s3:PutObject"
    };
    let owner = input.bucket_owner();
    let mut out = vec![
        fix(
            "The exporting role's IAM policy does not allow writing to the bucket".to_owned(),
            format!("{actions} on {} for {roles}", input.objects_arn()),
            Some(CALLER_WRITE_SID),
            Some(CALLER_POLICY_FILE),
            format!("Attach the policy in account {}.", input.account()),
        ),
        fix(
            format!("The bucket policy in account {owner} does not allow the exporting role"),
            format!("{actions} for {roles} in the bucket policy of {}", input.bucket()),
            Some(ROLES_PUT_SID),
            Some(BUCKET_POLICY_FILE),
            "Across accounts both sides must allow the write: the role's IAM policy and the bucket policy.".to_owned(),
        ),
    ];
    if input.uses_kms() {
        let key = input.key_arn_or_placeholder();
        out.push(fix(
            "The exporting role may not use the bucket key".to_owned(),
            format!("kms:GenerateDataKey and kms:Decrypt on {key} for {roles}"),
            Some(KEY_USE_SID),
            Some(CALLER_POLICY_FILE),
            format!("The key is in account {owner}: the role needs it in its IAM policy and in the key policy."),
        ));
        out.push(fix(
            "The bucket key's policy does not name the exporting role".to_owned(),
            format!("kms:GenerateDataKey and kms:Decrypt for {roles} in the key policy"),
            Some(ROLES_KEY_SID),
            Some(KEY_POLICY_FILE),
            "A key in another account must allow the role in its own policy.".to_owned(),
        ));
    }
    if !input.acls_enabled {
        out.push(fix(
            "The bucket has ACLs enabled, so the role also needs s3:PutObjectAcl".to_owned(),
            format!("s3:PutObjectAcl on {} for {roles}", input.objects_arn()),
            None,
            None,
            format!(
                "Check with: aws s3api get-bucket-ownership-controls --bucket {}. Unless it says BucketOwnerEnforced, tick \"ACLs are enabled\" in the form.",
                input.bucket()
            ),
        ));
    }
    out
}

fn limit_exceeded(input: &S3ExportSpec) -> Vec<Diagnosis> {
    let region = input.region();
    vec![fix(
        format!("Another export task of account {} is still PENDING or RUNNING", input.account()),
        "no permission: a free export slot (one active export task per account)".to_owned(),
        None,
        None,
        format!(
            "Wait for it (aws logs describe-export-tasks --region {region} --status-code RUNNING) or cancel it (aws logs cancel-export-task --region {region} --task-id ID). The bundle's export step waits for each task before starting the next. Service Quotas code L-EEC839DF."
        ),
    )]
}

#[cfg(test)]
mod tests;
