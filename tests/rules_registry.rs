//! The rule registry: codes unique and sorted, documentation complete, and every example in a
//! rule's documentation doing what the documentation says.

use cwlogs_policy::analyze;
use cwlogs_policy::lint::{Rule, Severity, RULES};
use cwlogs_policy::policy::PolicyKind;

const SECTIONS: [&str; 5] = ["## What it does", "## Why it matters", "## Example", "## Use instead", "## References"];

/// A ```json block of a rule's docs: the section it is under, its policy kind and its text.
/// `template`: the block is a CloudFormation template (```json template), for the rules that
/// compare its documents; it is checked as the checker checks a paste.
struct Block {
    section: String,
    kind: PolicyKind,
    text: String,
    template: bool,
}

impl Block {
    /// Every finding of the block: on the policy, or on every policy found in the template.
    fn findings(&self) -> Vec<cwlogs_policy::lint::Finding> {
        if !self.template {
            return analyze(&self.text, self.kind).findings;
        }
        let extraction = cwlogs_policy::import::extract(&self.text);
        assert_ne!(extraction.form, cwlogs_policy::import::Form::Policy, "a ```json template block is a template:\n{}", self.text);
        cwlogs_policy::import::check(&self.text, &extraction, self.kind, None, false)
            .into_iter()
            .flat_map(|c| c.findings)
            .collect()
    }
}

/// Every ```json block of the rule's parsed docs. The fence may name a kind: ```json kind=identity.
fn json_blocks(rule: &Rule) -> Vec<Block> {
    rule.doc()
        .code_blocks()
        .into_iter()
        .filter(|(_, code)| code.is_json())
        .map(|(section, code)| Block {
            section: format!("## {section}"),
            kind: match code.kind() {
                Some(kind) => kind.unwrap_or_else(|| panic!("{}: unknown kind in the fence {:?}", rule.code, code.language)),
                None => PolicyKind::Key,
            },
            text: code.source.clone(),
            template: code.is_template(),
        })
        .collect()
}

#[test]
fn codes_are_unique_and_sorted() {
    for pair in RULES.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "RULES must be sorted by code with no repeat: {} then {}",
            pair[0].code,
            pair[1].code
        );
    }
    let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), RULES.len(), "rule names must be unique");
}

#[test]
fn codes_and_names_have_the_documented_form() {
    for rule in RULES {
        let (prefix, digits) = rule.code.split_at(rule.code.len().saturating_sub(3));
        assert!(["JSON", "IAM", "KMS", "S3", "LOGS", "SCN", "SEC", "CWL"].contains(&prefix), "{}: unknown prefix", rule.code);
        assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{}: code ends in three digits", rule.code);
        assert!(
            !rule.name.is_empty()
                && rule.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}: name {:?} is kebab-case",
            rule.code,
            rule.name
        );
    }
}

#[test]
fn every_rule_is_documented_with_all_sections() {
    for rule in RULES {
        let summary = rule.summary();
        assert!(!summary.is_empty() && !summary.starts_with('#'), "{}: the docs start with a summary line", rule.code);
        let headings: Vec<String> = rule.doc().headings().map(|h| format!("## {h}")).collect();
        assert_eq!(headings, SECTIONS, "{}: the docs have exactly these sections, in this order", rule.code);
        assert!(!rule.doc().references().is_empty(), "{}: References has at least one link", rule.code);
        let blocks = json_blocks(rule);
        for section in ["## Example", "## Use instead"] {
            assert!(blocks.iter().any(|b| b.section == section), "{}: {section} has a ```json block", rule.code);
        }
    }
}

#[test]
fn every_example_triggers_its_rule() {
    for rule in RULES {
        for block in json_blocks(rule).iter().filter(|b| b.section == "## Example") {
            let findings = block.findings();
            assert!(
                findings.iter().any(|f| f.code == rule.code),
                "{}: this {:?} example does not trigger the rule:\n{}\nfindings: {:?}",
                rule.code,
                block.kind,
                block.text,
                findings.iter().map(|f| (f.code, &f.message)).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn every_use_instead_is_a_clean_policy() {
    for rule in RULES {
        for block in json_blocks(rule).iter().filter(|b| b.section == "## Use instead") {
            let findings = block.findings();
            let wrong: Vec<_> = findings
                .iter()
                .filter(|f| f.code == rule.code || f.severity == Severity::Error)
                .map(|f| (f.code, &f.message))
                .collect();
            assert!(
                wrong.is_empty(),
                "{}: this {:?} 'Use instead' policy has findings of the rule or errors:\n{}\n{wrong:?}",
                rule.code,
                block.kind,
                block.text
            );
        }
    }
}

const KEY_POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Id": "key-default-1",
  "Statement": [
    {
      "Sid": "Enable IAM User Permissions",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "kms:*",
      "Resource": "*"
    },
    {
      "Sid": "Allow CWL Service Principal usage",
      "Effect": "Allow",
      "Principal": {"Service": "logs.us-east-1.amazonaws.com"},
      "Action": [
        "kms:Encrypt*",
        "kms:Decrypt*",
        "kms:ReEncrypt*",
        "kms:GenerateDataKey*",
        "kms:Describe*"
      ],
      "Resource": "*",
      "Condition": {
        "ArnEquals": {
          "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:my-log-group"
        }
      }
    }
  ]
}"#;

#[test]
fn a_realistic_key_policy_has_no_findings() {
    let analysis = analyze(KEY_POLICY, PolicyKind::Key);
    assert!(
        analysis.findings.is_empty(),
        "{:?}",
        analysis.findings.iter().map(|f| (f.code, &f.message)).collect::<Vec<_>>()
    );
}

#[test]
fn a_policy_with_several_mistakes_gets_findings_from_several_rules_in_text_order() {
    let text = r#"{
  "Version": "2024-01-01",
  "Statement": [
    {
      "Sid": "Root",
      "Effect": "allow",
      "Principal": {"AWS": "arn:aws:iam::1111:root"},
      "Action": "kms:*",
      "Resource": "*"
    },
    {
      "Sid": "Root",
      "Effect": "Allow",
      "Action": [],
      "Resources": "*",
      "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app "}}
    }
  ]
}"#;
    let analysis = analyze(text, PolicyKind::Key);
    let codes: Vec<&str> = analysis.findings.iter().map(|f| f.code).collect();
    for code in ["IAM003", "IAM004", "IAM005", "IAM006", "IAM007", "IAM008", "IAM009", "IAM010"] {
        assert!(codes.contains(&code), "expected {code} among {codes:?}");
    }
    assert!(analysis.findings.windows(2).all(|w| w[0].start <= w[1].start), "findings are ordered by position");
    assert!(analysis.findings.iter().all(|f| f.start <= f.end && f.end <= text.len()));
    let first = &analysis.findings[0];
    assert_eq!((first.code, first.line, &text[first.start..first.end]), ("IAM006", 2, "\"2024-01-01\""));
    assert!(analysis.has_errors());
}

#[test]
fn invalid_json_still_gets_json001() {
    let analysis = analyze(r#"{"Statement": [}"#, PolicyKind::Key);
    assert_eq!(analysis.findings.iter().map(|f| f.code).collect::<Vec<_>>(), ["JSON001"]);
}

#[test]
fn hostile_shapes_never_panic() {
    let inputs = [
        "",
        "{}",
        "[]",
        r#"{"Statement": null}"#,
        r#"{"Statement": [null, 1, "x", [], {}]}"#,
        r#"{"Statement": {"Principal": {"AWS": [null, {}, []]}, "Condition": {"ArnLike": {"aws:SourceArn": [{}, null, 1, "arn:é:s3:::ü"]}}}}"#,
        r#"{"Statement": [{"Resource": ["arn:", "arn::::", "arn:aws:s3:::${", "ARN:é", "${}"], "Sid": "é ü"}]}"#,
        r#"{"Version": {}, "Id": [], "Statement": [{"Effect": {}, "Action": {}, "Principal": [], "Condition": []}]}"#,
    ];
    for text in inputs {
        for kind in PolicyKind::ALL {
            let analysis = analyze(text, kind);
            for f in &analysis.findings {
                assert!(f.start <= f.end && f.end <= text.len(), "{}: span out of the text", f.code);
                assert!(!f.message.is_empty() && !f.message.contains('\n'), "{}: one-line message", f.code);
            }
        }
    }
}
