//! Issue 17, item 2: no false alarms on the tool's own output. Over every scenario and every option
//! combination (tests/scenario_inputs/), each generated document, checked as what it is (a whole
//! policy, or statements a later step merges into one), gets no finding unless the document states
//! why beside it (`Document::expected_findings`, shown on the page next to the finding); and every
//! stated reason belongs to a finding that occurs, so none is left behind when the finding goes.

mod scenario_inputs;

use std::collections::BTreeMap;

#[test]
fn every_generated_document_is_clean_or_says_why() {
    let mut unexplained: BTreeMap<(String, String, &str, String), String> = BTreeMap::new();
    let mut stale: BTreeMap<(String, String, &str, String), String> = BTreeMap::new();
    let mut documents = 0;
    for (id, input) in scenario_inputs::every_combination() {
        let outcome = id.run(&input);
        let bundle = outcome.bundle.unwrap_or_else(|| panic!("{id:?} {input}: no bundle: {:?}", outcome.problems));
        for doc in &bundle.documents {
            documents += 1;
            let analysis = doc.check();
            for f in analysis.findings.iter().filter(|f| f.expected_because.as_deref().is_none_or(str::is_empty)) {
                unexplained
                    .entry((id.cli_name().to_owned(), doc.file_name.clone(), f.code, format!("{} {}: {}", f.severity.as_str(), f.path, f.message)))
                    .or_insert_with(|| input.to_string());
            }
            for expected in &doc.expected_findings {
                let occurs = analysis
                    .findings
                    .iter()
                    .any(|f| f.code == expected.code && f.expected_because.as_deref() == Some(expected.because));
                if !occurs {
                    stale
                        .entry((id.cli_name().to_owned(), doc.file_name.clone(), expected.code, expected.sid.clone()))
                        .or_insert_with(|| input.to_string());
                }
            }
        }
    }
    assert!(documents > 1000, "the combinations give only {documents} documents");
    let mut failures: Vec<String> = unexplained
        .iter()
        .map(|((scenario, file, code, what), input)| format!("{scenario} {file}: {code} {what}\n    input: {input}"))
        .collect();
    failures.extend(stale.iter().map(|((scenario, file, code, sid), input)| {
        format!("{scenario} {file}: states a reason for {code} on \"{sid}\", which does not occur\n    input: {input}")
    }));
    assert!(failures.is_empty(), "{} finding(s) without a stated reason, or reasons without a finding:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_vended_logs_key_statement_is_checked_as_statements_to_merge() {
    let input = serde_json::json!({"destination": "s3", "key-arn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"});
    let bundle = cwlogs_policy::scenarios::ScenarioId::VendedLogs.run(&input).bundle.expect("a bundle");
    let fragment = bundle.document("key-policy-statement.json").expect("the key statement");
    assert!(fragment.fragment);
    assert!(fragment.check().findings.is_empty());
    // As a whole key policy, KMS would refuse it: nobody could change the policy again.
    let whole = cwlogs_policy::analyze(&fragment.text(), fragment.kind);
    assert_eq!(whole.findings.iter().map(|f| (f.code, f.severity.as_str())).collect::<Vec<_>>(), [("SEC004", "error")]);
}
