//! "Break it": what goes wrong when one statement is taken out of a generated document — the
//! validator findings that appear and the scenario's calls that stop working, each with its fix.

use crate::lint::Finding;
use crate::policy::print;
use crate::scenarios::calls::{checklist, CheckedCall};
use crate::scenarios::Bundle;
use serde::Serialize;
use std::collections::BTreeMap;

/// The effect of removing one statement.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Breakage {
    pub file_name: String,
    pub index: usize,
    pub sid: Option<String>,
    /// The document without the statement, as it would be applied.
    pub broken_text: String,
    /// Findings on the broken document that the generated one does not have.
    pub new_findings: Vec<Finding>,
    /// Calls that came out right with the generated bundle and wrong without the statement.
    pub broken_calls: Vec<CheckedCall>,
}

impl Breakage {
    /// Whether anything the tool checks notices the removal.
    pub fn is_noticed(&self) -> bool {
        !self.new_findings.is_empty() || !self.broken_calls.is_empty()
    }
}

/// [`break_statement_at`] for the statement whose Sid is `sid`.
pub fn break_statement(bundle: &Bundle, input: &serde_json::Value, file_name: &str, sid: &str) -> Option<Breakage> {
    let document = bundle.document(file_name)?;
    let index = document
        .policy
        .statements
        .iter()
        .position(|s| s.sid.as_ref().is_some_and(|t| t.value == sid))?;
    break_statement_at(bundle, input, file_name, index)
}

/// Removes statement `index` of the document `file_name`, checks the result with the scenario's
/// input (`input`, the form as JSON) and runs the scenario's checklist with it. None when the bundle
/// has no such document or statement.
pub fn break_statement_at(
    bundle: &Bundle,
    input: &serde_json::Value,
    file_name: &str,
    index: usize,
) -> Option<Breakage> {
    let scenario = bundle.scenario;
    let document = bundle.document(file_name)?;
    let statement = document.policy.statements.get(index)?;
    let mut broken = document.policy.clone();
    broken.statements.remove(index);
    let broken_text = print(&broken);

    let findings_of = |text: &str| crate::analyze_in_scenario(text, document.kind, scenario, input).findings;
    let mut before = findings_of(&document.text());
    let mut new_findings = Vec::new();
    for finding in findings_of(&broken_text) {
        // Positions move when a statement goes; the same finding keeps its code and message.
        match before
            .iter()
            .position(|b| b.code == finding.code && b.message == finding.message)
        {
            Some(i) => {
                before.swap_remove(i);
            }
            None => new_findings.push(finding),
        }
    }

    let calls = scenario.required_calls(input);
    let generated = checklist(&calls, bundle, &BTreeMap::new());
    let replaced = BTreeMap::from([(file_name.to_owned(), broken)]);
    let broken_calls = checklist(&calls, bundle, &replaced)
        .into_iter()
        .zip(generated)
        .filter(|(after, before)| before.ok && !after.ok)
        .map(|(after, _)| after)
        .collect();

    Some(Breakage {
        file_name: file_name.to_owned(),
        index,
        sid: statement.sid.as_ref().map(|t| t.value.clone()),
        broken_text,
        new_findings,
        broken_calls,
    })
}
