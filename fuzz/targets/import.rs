//! A paste of anything (the checker and `cwlogs-policy check`): AWS CLI output, CloudFormation
//! JSON/YAML, Terraform, AWS Config items or a bare policy, as the analysis worker answers it.
//! Every finding of every policy found lies inside the paste on character boundaries, every
//! policy found lies inside the paste, and the answer reads back as the page reads it.
//! Selector: kind = byte % 5.

use super::selector_and_text;
use cwlogs_policy::analyst::{answer, Answer, Question};
use cwlogs_policy::policy::PolicyKind;
use std::path::Path;

pub fn run(data: &[u8]) {
    let (selector, text) = selector_and_text(data);
    let kind = PolicyKind::ALL[selector as usize % PolicyKind::ALL.len()];
    let extraction = cwlogs_policy::import::extract(&text);
    for policy in &extraction.policies {
        assert!(policy.span.start <= policy.span.end && policy.span.end <= text.len(), "policy span outside the paste");
    }
    let asked = answer(Question::Check { text: text.clone(), kind, against: None });
    let Answer::Checked { checked } = &asked else { panic!("a check is answered with findings") };
    assert!(checked.policies.is_empty() || checked.found_in.len() == checked.findings.len());
    for f in &checked.findings {
        assert!(f.start <= f.end && f.end <= text.len(), "{} span {}..{} outside {} bytes", f.code, f.start, f.end, text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "{} span splits a character", f.code);
    }
    let json = serde_json::to_string(&asked).expect("answers serialise");
    let back: Answer = serde_json::from_str(&json).expect("the page reads the answer back");
    assert_eq!(back, asked, "the answer reads back as it was written");
}

pub fn seeds(root: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(root.join("tests/fixtures/import"))
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|bytes| [vec![0u8], bytes].concat())
        .collect()
}
