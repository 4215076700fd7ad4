//! The merge never loses a deployed statement: over pasted texts of every kind — valid, wrapped in
//! an AWS CLI answer, with unknown, duplicate or mistyped elements, truncated or with a byte
//! changed — whenever a merged policy (and so an apply command) is offered, every statement of the
//! pasted policy is in it unchanged, and the merged policy has no error finding.

use cwlogs_policy::analyze;
use cwlogs_policy::json::escape_string;
use cwlogs_policy::lint::Severity;
use cwlogs_policy::merge::{merge_pasted, RefusalReason};
use cwlogs_policy::policy::{print, PolicyKind, Statement};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

mod scenario_inputs;

/// A key with administrators and a backup service, as deployed.
const DEPLOYED_KEY_POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Id": "key-consolepolicy-3",
  "Statement": [
    {"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
    {"Sid": "KeyAdmins", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyAdmin"},
     "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*"], "Resource": "*"},
    {"Sid": "BackupService", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Backup"},
     "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*",
     "Condition": {"StringEquals": {"kms:ViaService": "backup.us-east-1.amazonaws.com"}}}
  ]
}"#;

/// Every distinct document of the bundles of the shared scenario inputs, and the deployed key policy: `(kind, text,
/// statements of that kind to merge in)`.
fn corpus() -> &'static [(PolicyKind, String, Vec<Statement>)] {
    static CORPUS: OnceLock<Vec<(PolicyKind, String, Vec<Statement>)>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut documents: Vec<_> = scenario_inputs::inputs()
            .into_iter()
            .filter_map(|(id, input)| id.run(&input).bundle)
            .flat_map(|b| b.documents)
            .collect();
        documents.sort_by_key(|d| d.text());
        documents.dedup_by_key(|d| d.text());
        let required = |kind: PolicyKind, not: &str| -> Vec<Statement> {
            documents
                .iter()
                .filter(|d| d.kind == kind && d.text() != not)
                .flat_map(|d| d.policy.statements.clone())
                .collect()
        };
        // Statements to merge (vended-logs' key-policy-statement.json) are never a deployed policy:
        // KMS refuses them as a whole key policy (SEC004).
        let mut all: Vec<_> = documents
            .iter()
            .filter(|d| !d.fragment)
            .map(|d| (d.kind, d.text(), required(d.kind, &d.text())))
            .collect();
        all.push((PolicyKind::Key, DEPLOYED_KEY_POLICY.to_owned(), required(PolicyKind::Key, "")));
        all
    })
}

/// The n-th (wrapping) occurrence of `what` in `text`, replaced by `with`.
fn replace_nth(text: &str, what: &str, with: &str, n: usize) -> String {
    let places: Vec<usize> = text.match_indices(what).map(|(i, _)| i).collect();
    match places.get(n % places.len().max(1)) {
        Some(&at) => format!("{}{with}{}", &text[..at], &text[at + what.len()..]),
        None => text.to_owned(),
    }
}

/// The ways people paste a policy the tool may not read whole.
#[derive(Clone, Copy, Debug)]
enum Paste {
    AsIs,
    GetKeyPolicyAnswer,
    DescribeResourcePoliciesAnswer,
    UnknownTopLevel,
    UnknownStatementElement,
    DuplicateKey,
    MistypedElement,
    NonObjectStatement,
    Truncated,
    ByteDeleted,
    ByteInserted,
    Reserialised,
}

const PASTES: [Paste; 12] = [
    Paste::AsIs,
    Paste::GetKeyPolicyAnswer,
    Paste::DescribeResourcePoliciesAnswer,
    Paste::UnknownTopLevel,
    Paste::UnknownStatementElement,
    Paste::DuplicateKey,
    Paste::MistypedElement,
    Paste::NonObjectStatement,
    Paste::Truncated,
    Paste::ByteDeleted,
    Paste::ByteInserted,
    Paste::Reserialised,
];

fn pasted(text: &str, how: Paste, n: usize) -> String {
    let at = |n: usize| {
        let mut i = n % (text.len() + 1);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    match how {
        Paste::AsIs => text.to_owned(),
        Paste::GetKeyPolicyAnswer => format!("{{\"Policy\": {}, \"PolicyName\": \"default\"}}", escape_string(text)),
        Paste::DescribeResourcePoliciesAnswer => format!(
            "{{\"resourcePolicies\": [{{\"policyName\": \"p\", \"policyDocument\": {}}}]}}",
            escape_string(text)
        ),
        Paste::UnknownTopLevel => text.replacen('{', "{\"Comment\": \"owned by the platform team\", ", 1),
        Paste::UnknownStatementElement => replace_nth(text, "\"Effect\"", "\"Note\": \"x\", \"Effect\"", n),
        Paste::DuplicateKey => replace_nth(text, "\"Effect\": \"Allow\"", "\"Effect\": \"Deny\", \"Effect\": \"Allow\"", n),
        Paste::MistypedElement => replace_nth(text, "\"Resource\": ", "\"Resource\": 7, \"Rsc\": ", n),
        Paste::NonObjectStatement => text.replacen("\"Statement\": [", "\"Statement\": [\"see the wiki\", ", 1),
        Paste::Truncated => text[..at(n)].to_owned(),
        Paste::ByteDeleted => {
            let i = at(n).min(text.len().saturating_sub(1));
            let mut out = text.to_owned();
            if out.is_char_boundary(i) && i < out.len() {
                out.remove(i);
            }
            out
        }
        Paste::ByteInserted => {
            let mut out = text.to_owned();
            out.insert(at(n), ['{', '}', '[', ']', ',', '"', ':', '5', 'a', ' '][n % 10]);
            out
        }
        Paste::Reserialised => serde_json::from_str::<Value>(text).map_or_else(|_| text.to_owned(), |v| v.to_string()),
    }
}

/// The statements of a policy as JSON (a bare statement object is one statement).
fn statements(policy: &Value) -> Vec<Value> {
    match &policy["Statement"] {
        Value::Array(items) => items.clone(),
        Value::Object(_) => vec![policy["Statement"].clone()],
        _ => Vec::new(),
    }
}

proptest! {
    // No regression files: a failure prints its minimal input, which belongs in a fixture.
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn an_offered_merge_keeps_every_pasted_statement_and_has_no_error(
        base in 0usize..1024, how in 0usize..PASTES.len(), n in 0usize..100_000, take in 0usize..8,
    ) {
        let corpus = corpus();
        let (kind, text, candidates) = &corpus[base % corpus.len()];
        let how = PASTES[how];
        let text = pasted(text, how, n);
        let required: Vec<Statement> = candidates.iter().skip(n % (candidates.len() + 1)).take(take).cloned().collect();
        let analysis = analyze(&text, *kind);
        let outcome = merge_pasted(&text, &analysis, &required);
        if matches!(how, Paste::GetKeyPolicyAnswer | Paste::DescribeResourcePoliciesAnswer) {
            prop_assert_eq!(outcome.as_ref().err().map(|r| r.reason), Some(RefusalReason::CliOutput));
        }
        let Ok(result) = outcome else { return Ok(()) };
        if result.over_limit {
            return Ok(());
        }
        let merged_text = print(&result.policy);
        let original: Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("merged a paste that is not JSON ({e}):\n{text}")))?;
        let merged: Value = serde_json::from_str(&merged_text).expect("printed policies are JSON");
        let (before, after) = (statements(&original), statements(&merged));
        prop_assert!(after.len() >= before.len(), "statements dropped:\n{}\n=>\n{}", text, merged_text);
        for (kept, was) in after.iter().zip(&before) {
            prop_assert_eq!(kept, was, "a pasted statement changed:\n{}", text);
        }
        for element in ["Version", "Id"] {
            prop_assert_eq!(&merged[element], &original[element]);
        }
        let merged_errors: Vec<String> = analyze(&merged_text, *kind)
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.code != "IAM035")
            .map(|f| format!("{} {}", f.code, f.message))
            .collect();
        prop_assert!(merged_errors.is_empty(), "{:?}\n{}", merged_errors, merged_text);
    }
}

/// The property above only means something if merges are offered: every unchanged paste merges.
#[test]
fn every_unchanged_paste_is_merged() {
    for (kind, text, candidates) in corpus() {
        let outcome = merge_pasted(text, &analyze(text, *kind), candidates);
        assert!(outcome.is_ok(), "{:?}\n{text}", outcome.err());
    }
    assert!(corpus().len() >= 30, "{} documents", corpus().len());
}
