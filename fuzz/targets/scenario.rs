//! A scenario's form values as they arrive from a share link, an autosave or a CloudTrail import
//! (any JSON): the scenario runs, and every document it generates checks cleanly located.
//! Selector: scenario = byte % 5. Text: the input JSON.

use super::invariants::analysis_well_formed;
use super::seeds::input;
use super::selector_and_text;
use cwlogs_policy::analyze_as;
use cwlogs_policy::scenarios::ScenarioId;
use serde_json::Value;
use std::path::Path;

pub fn run(data: &[u8]) {
    let (selector, text) = selector_and_text(data);
    let id = ScenarioId::ALL[selector as usize % ScenarioId::ALL.len()];
    let Ok(input) = serde_json::from_str::<Value>(&text) else { return };
    let Some(bundle) = id.run(&input).bundle else { return };
    for document in &bundle.documents {
        let text = document.text();
        let analysis = analyze_as(&text, document.kind, Some((id, &input)), document.fragment);
        analysis_well_formed(&text, &analysis);
        assert!(analysis.policy.is_some(), "{} does not parse:\n{text}", document.file_name);
    }
}

pub fn seeds(_root: &Path) -> Vec<Vec<u8>> {
    ScenarioId::ALL
        .iter()
        .enumerate()
        .map(|(i, id)| input(i as u8, &[&serde_json::to_string_pretty(&id.default_input()).unwrap_or_default()]))
        .collect()
}
