//! The key policy of the query-result-key scenario: the account's control of the key, the
//! query-result statement, and optionally a separate statement for log groups.

use super::QueryResultKeySpec;
use crate::policy::{Principal, Statement, ValueList};
use crate::scenarios::log_group_key::{self, CONTEXT_KEY};
use crate::scenarios::{Document, Explanation};

pub const QUERY_ENCRYPT_DOC: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatchLogs-Insights-Query-Encrypt.html";
const ENCRYPT_LOG_DATA_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html";
const DEFAULT_KEY_POLICY_DOC: &str = "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html";

pub use crate::scenarios::log_group_key::ROOT_SID;

pub const QUERY_SID: &str = "Allow CloudWatch Logs to encrypt query results";
pub const LOG_GROUPS_SID: &str = "Allow CloudWatch Logs to use the key for log groups";

/// AWS's spelling for query results (§2.2): `kms:Encrypt*` and `kms:Decrypt*` match only
/// Encrypt and Decrypt, so this equals the log-group list; kept as documented.
const QUERY_ACTIONS: [&str; 5] = [
    "kms:Encrypt*",
    "kms:Decrypt*",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:Describe*",
];

pub fn documents(spec: &QueryResultKeySpec) -> Vec<Document> {
    vec![key_policy(spec)]
}

fn key_policy(spec: &QueryResultKeySpec) -> Document {
    let mut statements = vec![root_statement(spec), query_statement(spec)];
    let mut explanations = vec![root_why(spec), query_why(spec)];
    if spec.share_with_log_groups {
        statements.push(log_group_statement(spec));
        explanations.push(log_group_why(spec));
    }
    Document::key_policy(statements, explanations, spec.is_new_key())
}

fn root_statement(spec: &QueryResultKeySpec) -> Statement {
    let root = format!("arn:{}:iam::{}:root", spec.partition.id(), spec.key_owner());
    Statement {
        sid: Some(ROOT_SID.into()),
        effect: Some(crate::policy::Effect::Allow.into()),
        principal: Some(Principal::aws([root.as_str()])),
        action: Some(ValueList::of(["kms:*"])),
        resource: Some(ValueList::of(["*"])),
        ..Statement::default()
    }
}

fn root_why(spec: &QueryResultKeySpec) -> Explanation {
    Explanation {
        sid: ROOT_SID.into(),
        why: format!(
            "Keeps account {} in control of the key: IAM policies in the account can grant access to it, and administrators can still change this policy. Without it the key can become unmanageable and only AWS Support can recover it.",
            spec.key_owner()
        ),
        doc_url: DEFAULT_KEY_POLICY_DOC,
        kept_because: Some(Explanation::KEY_ADMINISTRATION),
    }
}

fn query_statement(spec: &QueryResultKeySpec) -> Statement {
    let logs = spec.partition.logs_principal(spec.region());
    Statement {
        sid: Some(QUERY_SID.into()),
        effect: Some(crate::policy::Effect::Allow.into()),
        principal: Some(Principal::service(logs)),
        action: Some(ValueList::of(QUERY_ACTIONS)),
        resource: Some(ValueList::of(["*"])),
        ..Statement::default()
    }
    .with_condition("ArnEquals", "aws:SourceArn", ValueList::of([spec.query_result_arn()]))
    .with_condition(
        "StringEquals",
        "aws:SourceAccount",
        ValueList::of([spec.account()]),
    )
}

fn query_why(spec: &QueryResultKeySpec) -> Explanation {
    let region = spec.region();
    let account = spec.account();
    Explanation {
        sid: QUERY_SID.into(),
        why: format!(
            "Lets CloudWatch Logs in {region} ({}) encrypt and decrypt the stored results of Logs Insights queries with this key, but only on behalf of account {account}'s query results: aws:SourceArn must match {} and aws:SourceAccount must be {account}, so no other account can make CloudWatch Logs use the key. Query results carry no documented encryption context, so this statement is scoped by those source keys instead. AWS's example writes us-east-1 in aws:SourceArn while its principal uses the placeholder Region; here both name {region}, because the regional CloudWatch Logs that uses the key is the one whose query results it stores. Without this statement CloudWatch Logs cannot use the key for query results.",
            spec.partition.logs_principal(region),
            spec.query_result_arn()
        ),
        doc_url: QUERY_ENCRYPT_DOC,
        kept_because: None,
    }
}

/// The log-group statement of log_group_key (§1.3/§1.4): the log group ARNs, never with `:*`,
/// in the encryption context.
/// log_group_key's service statement under this scenario's Sid, so both scenarios grant log groups alike.
fn log_group_statement(spec: &QueryResultKeySpec) -> Statement {
    log_group_key::service_statement(&spec.log_group_key, LOG_GROUPS_SID)
}

fn log_group_why(spec: &QueryResultKeySpec) -> Explanation {
    let scope = log_group_key::scope_words(&spec.log_group_key);
    Explanation {
        sid: LOG_GROUPS_SID.into(),
        why: format!(
            "Lets CloudWatch Logs use the same key for {scope}: the encryption context {CONTEXT_KEY} of each request must name the log group. It is a separate statement because the two uses are scoped differently: query results by aws:SourceArn and aws:SourceAccount, log groups by the log group ARN in the encryption context. All conditions of one statement must hold, so one merged statement would serve neither use reliably, and whether query-result requests carry an aws:logs:arn context at all is undocumented."
        ),
        doc_url: ENCRYPT_LOG_DATA_DOC,
        kept_because: None,
    }
}
