//! The exporting role's IAM policy (domain-facts §3.4): start and follow export tasks and, when
//! the bucket is in another account, write into it and use its key.

use super::{allow, CALLER_POLICY_FILE, CALLER_WRITE_SID, EXPORT_DOC, EXPORT_SID, FOLLOW_SID, KEY_USE_SID};
use crate::policy::{Policy, PolicyKind, ValueList};
use crate::scenarios::s3_export::S3ExportSpec;
use crate::scenarios::{Document, Explanation};

const API_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateExportTask.html";

pub fn policy(input: &S3ExportSpec) -> Document {
    let account = input.account();
    let groups = input.group_names();
    // Which ARN form CreateExportTask authorizes against is not documented; both are listed.
    let group_arns: Vec<String> = if groups.is_empty() {
        vec![input.log_group_arn(account, "*")]
    } else {
        groups
            .iter()
            .flat_map(|g| {
                let arn = input.log_group_arn(account, g);
                let star_form = format!("{arn}:*");
                [arn, star_form]
            })
            .collect()
    };
    let mut statements = vec![
        allow(
            EXPORT_SID,
            None,
            ValueList::of(["logs:CreateExportTask", "logs:DescribeLogStreams"]),
            ValueList::of(group_arns),
        ),
        allow(
            FOLLOW_SID,
            None,
            ValueList::of([
                "logs:DescribeExportTasks",
                "logs:CancelExportTask",
                "logs:DescribeLogGroups",
            ]),
            ValueList::of(["*"]),
        ),
    ];
    let mut explanations = vec![
        Explanation {
            sid: EXPORT_SID.into(),
            why: "Lets the role start export tasks for the listed log groups and list their streams. Each group is listed as …:log-group:NAME and …:log-group:NAME:*, because AWS does not document which form the export is authorized against.".to_owned(),
            doc_url: EXPORT_DOC,
            kept_because: None,
        },
        Explanation {
            sid: FOLLOW_SID.into(),
            why: "Lets the role wait for each export task (only one may run per account at a time), cancel one, and find log groups. These calls are not about one log group, so Resource is \"*\".".to_owned(),
            doc_url: API_DOC,
            kept_because: None,
        },
    ];
    // The CreateExportTask API reference: "you must use credentials that have permission to write to
    // the S3 bucket that you specify as the destination" — in one account too, although the user
    // guide's same-account list names only AmazonS3ReadOnlyAccess (review H2 of 2026-12-08).
    {
        // The object ACL only across accounts (fact sheet §3.4): the bucket owner owns the objects.
        let acls = input.acls_enabled && input.is_cross_account();
        let actions = if acls {
            ValueList::of(["s3:PutObject", "s3:PutObjectAcl"])
        } else {
            ValueList::of(["s3:PutObject"])
        };
        statements.push(allow(
            CALLER_WRITE_SID,
            None,
            actions,
            ValueList::of([input.objects_arn()]),
        ));
        let acl = if acls { ", and with ACLs enabled also set the object ACL (s3:PutObjectAcl)" } else { "" };
        explanations.push(Explanation {
            sid: CALLER_WRITE_SID.into(),
            why: if input.is_cross_account() {
                format!(
                    "The bucket belongs to account {}: create-export-task checks that its caller could write there itself{acl}. The bucket policy must allow the role as well.",
                    input.bucket_owner()
                )
            } else {
                format!(
                    "CreateExportTask's API reference says its caller must have permission to write to the destination bucket{acl}; the export page's same-account list names only AmazonS3ReadOnlyAccess, which writes nothing. The two AWS pages disagree (unverified which CloudWatch Logs enforces in one account), so the role may write the export's prefix only, which is all an export writes."
                )
            },
            doc_url: EXPORT_DOC,
            kept_because: None,
        });
    }
    if input.is_cross_account() {
        if input.uses_kms() {
            let via = input.s3_via_service();
            statements.push(
                allow(
                    KEY_USE_SID,
                    None,
                    ValueList::of(["kms:GenerateDataKey", "kms:Decrypt"]),
                    ValueList::of([input.key_arn_or_placeholder()]),
                )
                .with_condition("StringEquals", "kms:ViaService", ValueList::array_of([via.as_str()])),
            );
            explanations.push(Explanation {
                sid: KEY_USE_SID.into(),
                why: format!("The bucket encrypts with a KMS key in another account: the role needs kms:GenerateDataKey and kms:Decrypt on that key here and in the key's policy, only in requests S3 makes for it (kms:ViaService = {via}), not to use the key directly. Unverified: AWS's cross-account example has no such condition, and that the export's key requests arrive through S3 is not documented; if exports fail with \"PutObject call on the given bucket failed\", check this condition first."),
                doc_url: EXPORT_DOC,
                kept_because: None,
            });
        }
    }
    Document {
        name: "IAM policy for the exporting roles".into(),
        file_name: CALLER_POLICY_FILE.into(),
        kind: PolicyKind::Identity,
        policy: Policy::new(statements),
        explanations,
        fragment: false,
        expected_findings: Vec::new(),
    }
}
