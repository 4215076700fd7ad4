//! Why each condition key of a generated statement is there (domain-facts §1.1, §1.5, §2, §3, §4.7,
//! §6.6). The value is shown beside the note, so the notes say what the key protects, not its value.

use crate::scenarios::ScenarioId;
use serde::Serialize;

const ENCRYPT_LOG_DATA_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html";
const VIA_SERVICE_DOC: &str =
    "https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service";
const GLOBAL_KEYS_DOC: &str = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html";
const QUERY_ENCRYPT_DOC: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatchLogs-Insights-Query-Encrypt.html";
const EXPORT_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html";
const VENDED_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html";
const OBJECT_OWNERSHIP_DOC: &str =
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html";

/// Why one condition key is in a statement, and the AWS page that documents it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ConditionNote {
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub why: crate::analyst::wire::Interned,
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub doc_url: crate::analyst::wire::Interned,
}

const fn note(why: &'static str, doc_url: &'static str) -> Option<ConditionNote> {
    Some(ConditionNote { why, doc_url })
}

/// The note for `key` as `scenario` uses it; None for a key no generated statement uses.
pub fn condition_note(scenario: ScenarioId, key: &str) -> Option<ConditionNote> {
    use ScenarioId::*;
    match (scenario, key) {
        (_, "kms:EncryptionContext:aws:logs:arn") => note(
            "CloudWatch Logs puts the log group's ARN (without a trailing :*) in the encryption context of every request it makes with the key. Matching it limits the key to these log groups: any other log group that names this key fails to associate.",
            ENCRYPT_LOG_DATA_DOC,
        ),
        (_, "kms:ViaService") => note(
            "Only requests CloudWatch Logs makes on the caller's behalf carry this value, so the roles can read and write their encrypted log groups but cannot call KMS with the key directly.",
            VIA_SERVICE_DOC,
        ),
        (QueryResultKey, "aws:SourceArn") => note(
            "The query-result ARN of this account and Region: CloudWatch Logs may use the key only to store this account's Logs Insights results. Query results carry no documented encryption context, so this source key scopes the statement instead.",
            QUERY_ENCRYPT_DOC,
        ),
        (S3Export, "aws:SourceArn") => note(
            "The log groups whose exports may write here. It stops CloudWatch Logs from being used, on behalf of other log groups, to reach this bucket or key (the confused-deputy problem).",
            EXPORT_DOC,
        ),
        (_, "aws:SourceArn") => note(
            "The resource the service acts for. The service principal is shared by every AWS customer; matching the source ARN stops another account's resource from using this grant (the confused-deputy problem).",
            GLOBAL_KEYS_DOC,
        ),
        (S3Export, "aws:SourceAccount") => note(
            "The accounts whose log groups may export here. AWS now requires this key in an export bucket policy; without it any account's export could write to the bucket.",
            EXPORT_DOC,
        ),
        (_, "aws:SourceAccount") => note(
            "The account the service acts for. Together with aws:SourceArn it stops another account from making the service use this grant (the confused-deputy problem).",
            GLOBAL_KEYS_DOC,
        ),
        (_, "aws:SourceOrgID") => note(
            "The source account must also belong to this AWS Organization; all condition keys must hold, so this only narrows the account and ARN checks.",
            GLOBAL_KEYS_DOC,
        ),
        (_, "aws:SourceOrgPaths") => note(
            "The source account must sit under one of these organization paths. The key holds a list, so it is tested with ForAnyValue: any one matching path is enough.",
            GLOBAL_KEYS_DOC,
        ),
        (S3Export, "s3:x-amz-acl") => note(
            "Objects must be written with the bucket-owner-full-control canned ACL, so the bucket owner owns every exported object. S3 still accepts that ACL when the bucket's ACLs are disabled.",
            OBJECT_OWNERSHIP_DOC,
        ),
        (_, "s3:x-amz-acl") => note(
            "Log delivery must write objects with the bucket-owner-full-control canned ACL, so the bucket owner owns every delivered object, whichever account delivered it.",
            OBJECT_OWNERSHIP_DOC,
        ),
        (_, "aws:ResourceTag/LogDeliveryEnabled") => note(
            "Firehose has no resource policy: the log delivery role may write only to streams tagged LogDeliveryEnabled=true, so tagging a stream is what opts it in. The older firehose:ResourceTag/ key was replaced on 2021-07-15.",
            VENDED_DOC,
        ),
        _ => None,
    }
}
