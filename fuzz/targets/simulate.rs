//! A request judged against pasted policies (`cwlogs-policy simulate`, the page's checklist).
//! Selector: the resource policy's kind = byte % 5. Text: RESOURCE-POLICY NUL REQUEST-JSON
//! [NUL IDENTITY-POLICY]…; an empty resource policy means none.

use super::seeds::{files, input, kind_byte, pretty};
use super::{parts, selector_and_text};
use cwlogs_policy::eval::{evaluate, DecisionEffect, Request, Which};
use cwlogs_policy::policy::{Policy, PolicyKind};
use cwlogs_policy::analyze;
use serde_json::Value;
use std::path::Path;

pub fn run(data: &[u8]) {
    let (selector, text) = selector_and_text(data);
    let kind = PolicyKind::ALL[selector as usize % PolicyKind::ALL.len()];
    let parts = parts(&text);
    let Some(Ok(request)) = parts.get(1).map(|t| serde_json::from_str::<Request>(t)) else { return };
    let resource = (!parts[0].is_empty()).then(|| analyze(parts[0], kind).policy).flatten();
    let identities: Vec<Policy> = parts[2.min(parts.len())..]
        .iter()
        .filter_map(|t| analyze(t, PolicyKind::Identity).policy)
        .collect();
    let identity_refs: Vec<&Policy> = identities.iter().collect();
    let decision = evaluate(resource.as_ref().map(|p| (p, kind)), &identity_refs, &request);
    assert!(!decision.reasons.is_empty(), "a decision without a reason");
    if decision.effect == DecisionEffect::ImplicitDeny {
        assert!(decision.deciding.is_empty(), "an implicit deny names deciding statements");
    } else {
        assert!(!decision.deciding.is_empty(), "{:?} without a deciding statement", decision.effect);
    }
    for at in &decision.deciding {
        let statements = match at.policy {
            Which::Resource => resource.as_ref().map_or(0, |p| p.statements.len()),
            Which::Identity(i) => identities.get(i).map_or(0, |p| p.statements.len()),
        };
        assert!(at.index < statements, "deciding statement {at:?} is not in its policy");
    }
}

pub fn seeds(root: &Path) -> Vec<Vec<u8>> {
    let Some(cases) = files(root, "tests/fixtures/eval")
        .iter()
        .find_map(|t| serde_json::from_str::<Value>(t).ok())
    else {
        return Vec::new();
    };
    let named = |v: &Value| match v {
        Value::String(name) => cases["policies"].get(name).map(pretty).unwrap_or_else(|| name.clone()),
        Value::Null => String::new(),
        other => pretty(other),
    };
    let list = cases["cases"].as_array().cloned().unwrap_or_default();
    list.iter()
        .map(|case| {
            let kind = case["kind"].as_str().and_then(PolicyKind::from_cli_name).unwrap_or(PolicyKind::Key);
            let mut texts = vec![named(&case["policy"]), pretty(&case["request"])];
            match &case["identity"] {
                Value::Array(items) => texts.extend(items.iter().map(named)),
                Value::Null => {}
                one => texts.push(named(one)),
            }
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            input(kind_byte(kind), &refs)
        })
        .collect()
}
