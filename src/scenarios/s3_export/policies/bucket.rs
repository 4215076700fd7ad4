//! The bucket policy (domain-facts §3.2, §3.5): the logs principal may read the bucket ACL and
//! write under the prefix, for the source accounts' log groups; cross-account exporting roles
//! may write there too.

use super::{allow, roles_words, EXPORT_CONSOLE_DOC, EXPORT_DOC, OWNER_FULL_CONTROL};
use super::{BUCKET_POLICY_FILE, GET_ACL_SID, PUT_OBJECT_SID, ROLES_PUT_SID};
use crate::policy::{Policy, PolicyKind, Principal, Statement, ValueList};
use crate::scenarios::s3_export::{S3ExportSpec, SourceScope};
use crate::scenarios::{Document, Explanation};

pub fn policy(input: &S3ExportSpec) -> Document {
    let logs = input.logs_principal();
    let get_acl = allow(
        GET_ACL_SID,
        Some(Principal::service(logs.as_str())),
        ValueList::of(["s3:GetBucketAcl"]),
        ValueList::of([input.bucket_arn()]),
    );
    let put = allow(
        PUT_OBJECT_SID,
        Some(Principal::service(logs.as_str())),
        ValueList::of(["s3:PutObject"]),
        ValueList::of([input.objects_arn()]),
    )
    .with_condition("StringEquals", "s3:x-amz-acl", ValueList::of([OWNER_FULL_CONTROL]));
    let sources = source_words(input);
    let mut statements = vec![with_sources(input, get_acl), with_sources(input, put)];
    let mut explanations = vec![
        Explanation {
            sid: GET_ACL_SID.into(),
            why: format!(
                "Lets CloudWatch Logs in {} ({logs}) read the ACL of bucket {}, which it checks before exporting, even when the bucket's ACLs are disabled. Only for exports from {sources}: aws:SourceAccount (which AWS now requires) and aws:SourceArn keep other accounts from using CloudWatch Logs to reach this bucket. Without it create-export-task fails with \"GetBucketAcl call on the given bucket failed\".",
                input.region(),
                input.bucket()
            ),
            doc_url: EXPORT_DOC,
            kept_because: None,
        },
        Explanation {
            sid: PUT_OBJECT_SID.into(),
            why: format!(
                "Lets CloudWatch Logs write the exported .gz objects under {}, only with the bucket-owner-full-control canned ACL (so the bucket owner owns them; S3 still accepts that ACL when ACLs are disabled) and only for exports from {sources}. Without it the export fails with \"PutObject call on the given bucket failed\".",
                where_words(input)
            ),
            doc_url: EXPORT_CONSOLE_DOC,
            kept_because: None,
        },
    ];
    let callers = input.caller_arns();
    if input.is_cross_account() && !callers.is_empty() {
        statements.push(roles_statement(input, &callers));
        explanations.push(Explanation {
            sid: ROLES_PUT_SID.into(),
            why: format!(
                "The bucket is in account {} and the export runs in account {}, so S3 also checks the caller: this lets {} write under {} too{}, only with bucket-owner-full-control. Without it create-export-task fails with \"Please ensure that the CreateExportTask caller has been granted s3:PutObject access to the bucket.\"",
                input.bucket_owner(),
                input.account(),
                roles_words(&callers),
                where_words(input),
                if input.acls_enabled { " and set the object ACL (s3:PutObjectAcl, needed while ACLs are enabled)" } else { "" }
            ),
            doc_url: EXPORT_DOC,
            kept_because: None,
        });
    }
    Document {
        name: "Bucket policy".into(),
        file_name: BUCKET_POLICY_FILE.into(),
        kind: PolicyKind::Bucket,
        policy: Policy::new(statements),
        explanations,
        fragment: false,
        expected_findings: Vec::new(),
    }
}

fn roles_statement(input: &S3ExportSpec, callers: &[&str]) -> Statement {
    let actions = if input.acls_enabled {
        ValueList::of(["s3:PutObject", "s3:PutObjectAcl"])
    } else {
        ValueList::of(["s3:PutObject"])
    };
    allow(
        ROLES_PUT_SID,
        Some(Principal::aws(callers.iter().copied())),
        actions,
        ValueList::of([input.objects_arn()]),
    )
    .with_condition("StringEquals", "s3:x-amz-acl", ValueList::of([OWNER_FULL_CONTROL]))
}

/// The confused-deputy conditions in AWS's order: `aws:SourceAccount`, then `aws:SourceArn`.
fn with_sources(input: &S3ExportSpec, statement: Statement) -> Statement {
    statement
        .with_condition(
            "StringEquals",
            "aws:SourceAccount",
            ValueList::array_of(input.source_accounts()),
        )
        .with_condition("ArnLike", "aws:SourceArn", ValueList::array_of(source_arns(input)))
}

/// `log-group:*` per source account; with the log-groups scope, the listed groups of the
/// log-group account in both ARN forms, since which one CloudWatch Logs presents is not
/// documented (§3.2). Other accounts keep `log-group:*`: their groups are not listed here.
pub fn source_arns(input: &S3ExportSpec) -> Vec<String> {
    let account = input.account();
    let groups = input.group_names();
    let narrow = input.source_scope == SourceScope::LogGroups && !groups.is_empty();
    let mut arns = Vec::new();
    for source in input.source_accounts() {
        if narrow && source == account {
            for group in &groups {
                let arn = input.log_group_arn(source, group);
                let star_form = format!("{arn}:*");
                arns.extend([arn, star_form]);
            }
        } else {
            arns.push(input.log_group_arn(source, "*"));
        }
    }
    arns
}

fn source_words(input: &S3ExportSpec) -> String {
    let account = input.account();
    let accounts = input.source_accounts();
    let list = |a: &[&str]| match a {
        [one] => format!("account {one}"),
        many => format!("accounts {}", many.join(", ")),
    };
    let groups = input.group_names();
    if input.source_scope != SourceScope::LogGroups || groups.is_empty() {
        return format!("any log group of {}", list(&accounts));
    }
    let named = match groups.as_slice() {
        [one] => format!("log group {one}"),
        _ => "the listed log groups".to_owned(),
    };
    let others: Vec<&str> = accounts.into_iter().filter(|a| *a != account).collect();
    if others.is_empty() {
        format!("{named} of account {account}")
    } else {
        format!("{named} of account {account} and any log group of {}", list(&others))
    }
}

fn where_words(input: &S3ExportSpec) -> String {
    format!("{}/", input.export_prefix())
}
