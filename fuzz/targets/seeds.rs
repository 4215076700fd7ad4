//! The starting corpus, read from what the repository already holds: the AWS-documented policies
//! and the diff and evaluation fixtures in `tests/fixtures`, the page's samples, and the documents
//! every scenario generates from its default input.

use cwlogs_policy::policy::PolicyKind;
use cwlogs_policy::scenarios::ScenarioId;
use serde_json::Value;
use std::path::Path;

/// The text of every `.json` file directly in `dir` under `root`, sorted by name.
pub fn files(root: &Path, dir: &str) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

/// `(kind, text)` of every policy the repository holds: generated documents with their kind,
/// documented ones and samples under every kind they could be pasted as.
pub fn policies(root: &Path) -> Vec<(PolicyKind, String)> {
    let mut all: Vec<(PolicyKind, String)> = ScenarioId::ALL
        .into_iter()
        .filter_map(|id| id.run(&id.default_input()).bundle)
        .flat_map(|b| b.documents)
        .map(|d| (d.kind, d.text()))
        .collect();
    let pasted = files(root, "tests/fixtures/aws-docs").into_iter().chain(files(root, "src/samples"));
    for (i, text) in pasted.enumerate() {
        all.push((PolicyKind::ALL[i % PolicyKind::ALL.len()], text));
    }
    all
}

/// `(kind, existing, new)` of the diff fixtures.
pub fn policy_pairs(root: &Path) -> Vec<(PolicyKind, String, String)> {
    files(root, "tests/fixtures/diff")
        .iter()
        .filter_map(|text| serde_json::from_str::<Value>(text).ok())
        .filter_map(|case| {
            let kind = PolicyKind::from_cli_name(case["kind"].as_str()?)?;
            Some((kind, pretty(&case["existing"]), pretty(&case["new"])))
        })
        .collect()
}

pub fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// The index of `kind` in [`PolicyKind::ALL`], as a selector byte.
pub fn kind_byte(kind: PolicyKind) -> u8 {
    PolicyKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u8
}

/// `selector` then the parts joined by NUL.
pub fn input(selector: u8, parts: &[&str]) -> Vec<u8> {
    let mut out = vec![selector];
    out.extend_from_slice(parts.join("\0").as_bytes());
    out
}
