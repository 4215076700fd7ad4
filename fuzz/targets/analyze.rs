//! A pasted policy (the checker, `cwlogs-policy check`): parse, lower and every rule, as any kind,
//! whole, as statements to merge, or judged against a scenario's form.
//! Selector: kind = byte % 5; mode = byte / 5 % 3 (whole, fragment, scenario); scenario = byte / 15.

use super::invariants::analysis_well_formed;
use super::seeds::{input, kind_byte, policies};
use super::selector_and_text;
use cwlogs_policy::policy::PolicyKind;
use cwlogs_policy::scenarios::ScenarioId;
use cwlogs_policy::{analyze, analyze_fragment, analyze_in_scenario};
use std::path::Path;

pub fn run(data: &[u8]) {
    let (selector, text) = selector_and_text(data);
    let kind = PolicyKind::ALL[selector as usize % PolicyKind::ALL.len()];
    let analysis = match selector / 5 % 3 {
        0 => analyze(&text, kind),
        1 => analyze_fragment(&text, kind),
        _ => {
            let scenario = ScenarioId::ALL[(selector / 15) as usize % ScenarioId::ALL.len()];
            analyze_in_scenario(&text, kind, scenario, &scenario.default_input())
        }
    };
    assert_eq!(analysis.kind, kind);
    analysis_well_formed(&text, &analysis);
}

pub fn seeds(root: &Path) -> Vec<Vec<u8>> {
    let policies = policies(root);
    let mut out = Vec::new();
    for (i, (kind, text)) in policies.iter().enumerate() {
        // Each document as its own kind, whole; then spread over the modes and scenarios.
        out.push(input(kind_byte(*kind), &[text]));
        let mode = 1 + (i % 2) as u8;
        let scenario = (i / 2 % ScenarioId::ALL.len()) as u8;
        out.push(input(kind_byte(*kind) + 5 * mode + 15 * scenario, &[text]));
    }
    out
}
