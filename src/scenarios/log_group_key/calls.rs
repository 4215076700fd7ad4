//! The requests CloudWatch Logs and the caller roles make with the key once it is associated.

use super::policies::{CALLERS_SID, CONTEXT_KEY, IAM_SID, LOGS_SID};
use super::{CallerPermission, LogGroupKeySpec, Scope};
use crate::eval::{Caller, DecisionEffect, Request};
use crate::scenarios::calls::RequiredCall;

pub fn required_calls(input: &LogGroupKeySpec) -> Vec<RequiredCall> {
    let logs = input.partition.logs_principal(input.region());
    let key = input.key_arn_or_placeholder();
    // With the account scope any log group must work, named or not: one stands for all others.
    let mut groups: Vec<String> = input.group_names().iter().map(|n| n.to_string()).collect();
    if input.scope == Scope::Account {
        groups.push("any-log-group".to_owned());
    }
    let mut calls = Vec::new();
    for group in &groups {
        let context = input.log_group_arn(group);
        for (action, what) in [
            ("kms:GenerateDataKey", "encrypts new events of"),
            ("kms:Decrypt", "reads the events of"),
        ] {
            calls.push(RequiredCall {
                description: format!("CloudWatch Logs {what} {group}"),
                request: Request::new(Caller::service(&logs), action, &key).with(CONTEXT_KEY, [context.clone()]),
                resource_document: "key-policy.json".into(),
                identity_documents: Vec::new(),
                expect: DecisionEffect::Allow,
                granted_by: Some((LOGS_SID.into(), "key-policy.json".into())),
            });
        }
        for caller in input.caller_arns() {
            let Some(principal) = Caller::aws(caller) else { continue };
            let (identity_documents, granted_by) = match input.caller_permission {
                CallerPermission::IamPolicy => (vec!["caller-policy.json".to_owned()], (IAM_SID, "caller-policy.json")),
                _ => (Vec::new(), (CALLERS_SID, "key-policy.json")),
            };
            calls.push(RequiredCall {
                description: format!("{caller} reads {group} through CloudWatch Logs"),
                request: Request::new(principal, "kms:Decrypt", &key)
                    .with("kms:ViaService", [logs.clone()])
                    .with(CONTEXT_KEY, [context.clone()]),
                resource_document: "key-policy.json".into(),
                identity_documents,
                expect: DecisionEffect::Allow,
                granted_by: Some((granted_by.0.into(), granted_by.1.into())),
            });
        }
        if input.is_rotation() {
            let old = input.rotate_from();
            calls.push(RequiredCall {
                description: format!("CloudWatch Logs still reads {group}'s events under the old key"),
                request: Request::new(Caller::service(&logs), "kms:Decrypt", old).with(CONTEXT_KEY, [context.clone()]),
                resource_document: "old-key-policy.json".into(),
                identity_documents: Vec::new(),
                expect: DecisionEffect::Allow,
                granted_by: Some((LOGS_SID.into(), "old-key-policy.json".into())),
            });
            // The callers named in the key policy read the events written before the rotation
            // through CloudWatch Logs; those may carry no log-group context (§1.7), so none is sent.
            if input.caller_permission == CallerPermission::KeyPolicy {
                for caller in input.caller_arns() {
                    let Some(principal) = Caller::aws(caller) else { continue };
                    calls.push(RequiredCall {
                        description: format!("{caller} reads {group}'s events written before the rotation, under the old key"),
                        request: Request::new(principal, "kms:Decrypt", old).with("kms:ViaService", [logs.clone()]),
                        resource_document: "old-key-policy.json".into(),
                        identity_documents: Vec::new(),
                        expect: DecisionEffect::Allow,
                        granted_by: Some((CALLERS_SID.into(), "old-key-policy.json".into())),
                    });
                }
            }
            calls.push(RequiredCall {
                description: format!("The old key no longer encrypts new events of {group}"),
                request: Request::new(Caller::service(&logs), "kms:GenerateDataKey", old).with(CONTEXT_KEY, [context]),
                resource_document: "old-key-policy.json".into(),
                identity_documents: Vec::new(),
                expect: DecisionEffect::ImplicitDeny,
                granted_by: Some((LOGS_SID.into(), "old-key-policy.json".into())),
            });
        }
    }
    calls
}
