//! The requests AWS will make once a scenario is set up, and the checklist that judges them against a
//! bundle's policies — as generated, or with a document replaced by the user's pasted or merged one.

use super::{Bundle, Document};
use crate::eval::{evaluate, Decision, DecisionEffect, Request};
use crate::policy::{Policy, PolicyKind};
use serde::Serialize;
use std::collections::BTreeMap;

/// One request the scenario depends on (or, with `expect` a deny, one it must refuse).
#[derive(Clone, Debug, PartialEq)]
pub struct RequiredCall {
    /// What happens, in words: "CloudWatch Logs encrypts new events of /app/orders".
    pub description: String,
    pub request: Request,
    /// The file name of the resource policy the request is judged against.
    pub resource_document: String,
    /// File names of the bundle's identity policies that apply to the caller.
    pub identity_documents: Vec<String>,
    /// Allow, or a deny for a call the setup must refuse (an old key may no longer encrypt).
    pub expect: DecisionEffect,
    /// The Sid of the bundle statement that makes the outcome right, and the document it is in.
    pub granted_by: Option<(String, String)>,
}

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct CheckedCall {
    pub description: String,
    pub caller: String,
    pub action: String,
    pub decision: Decision,
    pub ok: bool,
    /// When not ok: what to add, naming the bundle statement.
    pub fix: Option<String>,
}

/// Judges every call against the bundle's documents, with `replaced` (by file name) standing in for the
/// generated policy where the user pasted or merged their own.
pub fn checklist(calls: &[RequiredCall], bundle: &Bundle, replaced: &BTreeMap<String, Policy>) -> Vec<CheckedCall> {
    let policy_of = |file: &str| -> Option<(&Policy, PolicyKind)> {
        let doc: &Document = bundle.document(file)?;
        Some((replaced.get(file).unwrap_or(&doc.policy), doc.kind))
    };
    calls
        .iter()
        .map(|call| {
            let resource = policy_of(&call.resource_document);
            let identities: Vec<&Policy> = call
                .identity_documents
                .iter()
                .filter_map(|f| policy_of(f).map(|(p, _)| p))
                .collect();
            let decision = evaluate(resource, &identities, &call.request);
            let ok = decision.effect == call.expect
                || (call.expect == DecisionEffect::ImplicitDeny && decision.effect == DecisionEffect::ExplicitDeny);
            let fix = (!ok).then(|| fix_for(call, &decision));
            CheckedCall {
                description: call.description.clone(),
                caller: call.request.principal.describe(),
                action: call.request.action.clone(),
                decision,
                ok,
                fix,
            }
        })
        .collect()
}

fn fix_for(call: &RequiredCall, decision: &Decision) -> String {
    match (call.expect, &call.granted_by) {
        (DecisionEffect::Allow, Some((sid, file))) => {
            format!(
                "add the statement \"{sid}\" of {file} (it is denied: {})",
                decision.effect.as_str()
            )
        }
        (DecisionEffect::Allow, None) => format!("nothing in the bundle grants it ({})", decision.effect.as_str()),
        (_, Some((sid, file))) => {
            format!("this should be refused: keep {file} as generated, where \"{sid}\" allows no more than it should")
        }
        (_, None) => "this should be refused: remove the statement that allows it".to_owned(),
    }
}
