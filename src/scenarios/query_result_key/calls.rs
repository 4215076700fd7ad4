//! The requests CloudWatch Logs makes with the key: storing and reading query results, and, when the
//! key is shared, the log groups' events.

use super::policies::{LOG_GROUPS_SID, QUERY_SID};
use super::QueryResultKeySpec;
use crate::eval::{Caller, DecisionEffect, Request};
use crate::scenarios::calls::RequiredCall;
use crate::scenarios::log_group_key::{Scope, CONTEXT_KEY};

pub fn required_calls(spec: &QueryResultKeySpec) -> Vec<RequiredCall> {
    let logs = spec.partition.logs_principal(spec.region());
    let key = spec.key_arn_or_placeholder();
    let call = |description: String, action: &str, request: Request, sid: &str| RequiredCall {
        description,
        request: Request {
            action: action.to_owned(),
            ..request
        },
        resource_document: "key-policy.json".into(),
        identity_documents: Vec::new(),
        expect: DecisionEffect::Allow,
        granted_by: Some((sid.to_owned(), "key-policy.json".to_owned())),
    };
    // Which query-result ARN a request names is not documented; any one under query-result:* must work.
    let query = spec
        .query_result_arn()
        .replace(":query-result:*", ":query-result:example-query-id");
    let query_request = Request::new(Caller::service(&logs), "", &key)
        .with("aws:SourceArn", [query])
        .with("aws:SourceAccount", [spec.account().to_owned()]);
    let mut calls = vec![
        call(
            "CloudWatch Logs encrypts stored query results".into(),
            "kms:GenerateDataKey",
            query_request.clone(),
            QUERY_SID,
        ),
        call(
            "CloudWatch Logs reads stored query results".into(),
            "kms:Decrypt",
            query_request,
            QUERY_SID,
        ),
    ];
    let groups = &spec.log_group_key;
    // With the account scope any log group must work, named or not: one stands for all others.
    let mut shared = spec.shared_group_names();
    if spec.share_with_log_groups && spec.log_group_scope == Scope::Account {
        shared.push("any-log-group");
    }
    for group in shared {
        let request = Request::new(Caller::service(&logs), "", &key).with(CONTEXT_KEY, [groups.log_group_arn(group)]);
        calls.push(call(
            format!("CloudWatch Logs encrypts new events of {group}"),
            "kms:GenerateDataKey",
            request.clone(),
            LOG_GROUPS_SID,
        ));
        calls.push(call(
            format!("CloudWatch Logs reads the events of {group}"),
            "kms:Decrypt",
            request,
            LOG_GROUPS_SID,
        ));
    }
    calls
}
