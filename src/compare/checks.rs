//! The scenario's checklist run three ways for one document: as generated, with the pasted policy in
//! its place, and with the merged one.

use crate::eval::{DecisionEffect, StatementRef, Which};
use crate::policy::Policy;
use crate::scenarios::calls::{checklist, CheckedCall, RequiredCall};
use crate::scenarios::Bundle;
use serde::Serialize;
use std::collections::BTreeMap;

/// One call the document takes part in, judged three ways.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct CallRow {
    pub description: String,
    pub caller: String,
    pub action: String,
    pub generated: Verdict,
    pub pasted: Verdict,
    /// None when no merge is offered for the paste.
    pub merged: Option<Verdict>,
}

/// One judgement of one call.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Verdict {
    /// The outcome is the one the scenario needs (an allow, or a refusal for calls that must fail).
    pub ok: bool,
    pub effect: DecisionEffect,
    /// `key-policy.json statement 2 "Sid"`: the statements that decided it.
    pub by: Vec<String>,
    /// When not ok: the bundle statement that fixes it.
    pub fix: Option<String>,
    /// The first line of the evaluator's reasons (what decided, in words).
    pub reason: String,
    /// `key-policy.json statement 2 "Sid": Condition is not an object`: statements the evaluator
    /// refused to judge (AWS rejects a policy holding one).
    pub unevaluable: Vec<String>,
    /// When the only thing missing is the caller's own IAM policy (the policy allows the caller's
    /// account, and the evaluation saw no identity policy of the caller): in words, that the caller is
    /// allowed if its IAM policy grants the call, and which statement lets it.
    pub up_to_iam: Option<String>,
}

/// Judges every call of `calls` that reads `file_name` with the generated document, with `pasted` in
/// its place, and with `merged` (when there is one) in its place. Calls that do not read the document are left out:
/// they come out the same three times.
pub fn check_three_ways(
    calls: &[RequiredCall],
    bundle: &Bundle,
    file_name: &str,
    pasted: &Policy,
    merged: Option<&Policy>,
) -> Vec<CallRow> {
    let relevant: Vec<RequiredCall> = calls
        .iter()
        .filter(|c| c.resource_document == file_name || c.identity_documents.iter().any(|f| f == file_name))
        .cloned()
        .collect();
    let with = |policy: Option<&Policy>| {
        let replaced: BTreeMap<String, Policy> =
            policy.map(|p| (file_name.to_owned(), p.clone())).into_iter().collect();
        checklist(&relevant, bundle, &replaced)
    };
    let (generated, as_pasted) = (with(None), with(Some(pasted)));
    let mut as_merged = merged.map(|m| with(Some(m)).into_iter());
    relevant
        .iter()
        .zip(generated)
        .zip(as_pasted)
        .map(|((call, generated), pasted)| CallRow {
            description: generated.description.clone(),
            caller: generated.caller.clone(),
            action: generated.action.clone(),
            generated: verdict(call, generated),
            pasted: verdict(call, pasted),
            merged: as_merged.as_mut().and_then(Iterator::next).map(|m| verdict(call, m)),
        })
        .collect()
}

fn verdict(call: &RequiredCall, checked: CheckedCall) -> Verdict {
    let by = checked
        .decision
        .deciding
        .iter()
        .map(|s| statement_label(call, s))
        .collect();
    let unevaluable = checked
        .decision
        .unevaluable
        .iter()
        .map(|u| format!("{}: {}", statement_label(call, &u.statement), u.why))
        .collect();
    let delegating: Vec<String> = checked
        .decision
        .delegated
        .iter()
        .map(|s| statement_label(call, s))
        .collect();
    let up_to_iam = (!checked.ok && !delegating.is_empty()).then(|| {
        format!(
            "allowed if {}'s own IAM policy grants {}: {} lets the account's IAM policies grant it",
            checked.caller,
            checked.action,
            delegating.join(", ")
        )
    });
    Verdict {
        ok: checked.ok,
        effect: checked.decision.effect,
        by,
        fix: checked.fix,
        reason: checked.decision.reasons.first().cloned().unwrap_or_default(),
        unevaluable,
        up_to_iam,
    }
}

/// `key-policy.json statement 2 "Sid"`, numbered from 1.
fn statement_label(call: &RequiredCall, at: &StatementRef) -> String {
    let file = match at.policy {
        Which::Resource => Some(call.resource_document.as_str()),
        Which::Identity(n) => call.identity_documents.get(n).map(String::as_str),
    }
    .unwrap_or("identity policy");
    match &at.sid {
        Some(sid) => format!("{file} statement {} \"{sid}\"", at.index + 1),
        None => format!("{file} statement {}", at.index + 1),
    }
}
