//! Two pasted policies (the compare panel, `cwlogs-policy diff` and `merge`): the diff, and the
//! merge of the second's statements into the first.
//! Selector: kind = byte % 5. Text: EXISTING NUL NEW.

use super::invariants::analysis_well_formed;
use super::seeds::{input, kind_byte, policies, policy_pairs};
use super::{parts, selector_and_text};
use cwlogs_policy::analyze;
use cwlogs_policy::diff::diff;
use cwlogs_policy::merge::merge_pasted;
use cwlogs_policy::normalize::equivalent;
use cwlogs_policy::policy::{print, PolicyKind};
use serde_json::Value;
use std::path::Path;

pub fn run(data: &[u8]) {
    let (selector, text) = selector_and_text(data);
    let kind = PolicyKind::ALL[selector as usize % PolicyKind::ALL.len()];
    let parts = parts(&text);
    let (existing_text, new_text) = (parts[0], parts.get(1).copied().unwrap_or(""));
    let existing = analyze(existing_text, kind);
    let Some(new) = analyze(new_text, kind).policy else { return };
    let Some(old) = &existing.policy else { return };

    let d = diff(old, &new);
    assert_eq!(d.is_empty(), diff(old, &new).is_empty(), "the diff is not deterministic");
    assert!(diff(old, old).is_empty(), "a policy differs from itself");
    assert!(equivalent(old, old), "a policy is not equivalent to itself");

    let Ok(merged) = merge_pasted(existing_text, &existing, &new.statements) else { return };
    let merged_text = print(&merged.policy);
    let again = analyze(&merged_text, kind);
    analysis_well_formed(&merged_text, &again);
    assert!(again.policy.is_some(), "the merged policy does not parse:\n{merged_text}");
    // What was pasted is kept as it was: the same statements first, the same Version and Id.
    let (Ok(original), Ok(printed)) = (
        serde_json::from_str::<Value>(existing_text),
        serde_json::from_str::<Value>(&merged_text),
    ) else {
        panic!("a merge was offered for a paste that is not JSON:\n{existing_text}");
    };
    let (before, after) = (statements(&original), statements(&printed));
    assert!(after.len() >= before.len(), "statements dropped:\n{existing_text}\n=>\n{merged_text}");
    for (kept, was) in after.iter().zip(&before) {
        assert_eq!(kept, was, "a pasted statement changed:\n{existing_text}\n=>\n{merged_text}");
    }
    for element in ["Version", "Id"] {
        assert_eq!(printed.get(element), original.get(element), "{element} changed");
    }
}

fn statements(policy: &Value) -> Vec<Value> {
    match policy.get("Statement") {
        Some(Value::Array(items)) => items.clone(),
        Some(one @ Value::Object(_)) => vec![one.clone()],
        _ => Vec::new(),
    }
}

pub fn seeds(root: &Path) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = policy_pairs(root)
        .iter()
        .map(|(kind, existing, new)| input(kind_byte(*kind), &[existing, new]))
        .collect();
    // Each generated document merged into the sample key policy's kind-mates.
    let policies = policies(root);
    for (kind, text) in &policies {
        if let Some((_, other)) = policies.iter().find(|(k, t)| k == kind && t != text) {
            out.push(input(kind_byte(*kind), &[other, text]));
        }
    }
    out
}
