//! Where a bundle relies on something the fact sheet does not back, it says "Unverified" in words
//! (house rule): the aws-cn `logs.REGION.amazonaws.com.cn` principal (§6.1, open question 5) in
//! every scenario that names it, and log-group-key's read-only callers (kms:Decrypt alone, not in
//! AWS's documented caller set, §1.5). Over every combination the tests know.

use cwlogs_policy::scenarios::{Bundle, ScenarioId};
use serde_json::Value;

mod scenario_inputs;

fn unverified_notes(bundle: &Bundle) -> Vec<&str> {
    bundle.notes.iter().map(String::as_str).filter(|n| n.contains("Unverified")).collect()
}

#[test]
fn the_aws_cn_logs_principal_is_marked_unverified_wherever_a_policy_names_it() {
    let mut checked = 0;
    for (id, input) in scenario_inputs::every_combination() {
        let Some(bundle) = id.run(&input).bundle else { continue };
        let texts: Vec<String> = bundle.documents.iter().map(|d| d.text()).collect();
        let principal = texts.iter().find_map(|t| {
            let start = t.find("\"logs.cn-")?;
            let end = t[start + 1..].find('"')? + start + 1;
            Some(t[start + 1..end].to_owned())
        });
        let Some(principal) = principal else { continue };
        checked += 1;
        assert!(
            unverified_notes(&bundle).iter().any(|n| n.contains(&principal)),
            "{id:?} {input}: {principal} without an Unverified note: {:?}",
            bundle.notes
        );
    }
    assert!(checked > 20, "only {checked} aws-cn bundles name the logs principal");
}

#[test]
fn read_only_callers_are_marked_unverified() {
    let mut checked = 0;
    for (id, input) in scenario_inputs::every_combination() {
        if id != ScenarioId::LogGroupKey || input.get("caller-access").and_then(Value::as_str) != Some("read-only") {
            continue;
        }
        let Some(bundle) = id.run(&input).bundle else { continue };
        let read_only = bundle.documents.iter().any(|d| d.text().contains("\"Action\": \"kms:Decrypt\""));
        if !read_only {
            continue;
        }
        checked += 1;
        assert!(
            unverified_notes(&bundle).iter().any(|n| n.contains("kms:Decrypt alone (read-only access)")),
            "{input}: read-only callers without an Unverified note: {:?}",
            bundle.notes
        );
    }
    assert!(checked > 10, "only {checked} read-only bundles");
}
