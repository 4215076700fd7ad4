use super::*;
use crate::json::parse_document;
use crate::policy::{lower, print};

fn policy(text: &str) -> Policy {
    lower(&parse_document(text).expect("test policy parses"))
}

const EXISTING: &str = r#"{
  "Id": "key-consolepolicy-3",
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"},
    {"Sid": "Logs", "Effect": "Allow", "Principal": {"Service": ["logs.us-east-1.amazonaws.com"]}, "Action": "kms:Decrypt*", "Resource": ["*"]}
  ]
}"#;

fn logs_statement(sid: &str, region: &str, action: &str) -> Statement {
    Statement {
        sid: Some(Text::new(sid)),
        effect: Some(Text::new("Allow")),
        principal: Some(Principal::service(format!("logs.{region}.amazonaws.com"))),
        action: Some(ValueList::of([action])),
        resource: Some(ValueList::of(["*"])),
        ..Statement::default()
    }
}

#[test]
fn existing_statements_are_kept_byte_for_byte_and_new_ones_appended() {
    let existing = policy(EXISTING);
    let required = [
        logs_statement("Logs", "eu-west-1", "kms:Encrypt*"),
        logs_statement("Logs", "us-east-1", "kms:Decrypt"),
    ];
    let result = merge(&existing, &required, PolicyKind::Key);
    assert_eq!(result.policy.statements[..2], existing.statements[..]);
    assert_eq!(
        (result.policy.version.clone(), result.policy.id.clone()),
        (existing.version.clone(), existing.id.clone())
    );
    assert_eq!(result.added, [2]);
    assert_eq!(result.skipped, [(1, 1)]);
    assert_eq!(result.renamed, [("Logs".to_owned(), "Logs2".to_owned())]);
    let printed = print(&result.policy);
    assert!(
        printed.starts_with("{\n  \"Version\": \"2012-10-17\",\n  \"Id\": \"key-consolepolicy-3\""),
        "{printed}"
    );
    assert!(printed.contains("\"Sid\": \"Logs2\""));
}

#[test]
fn renames_skip_sids_already_taken() {
    let existing = Policy::new(vec![
        logs_statement("A", "x", "kms:Encrypt"),
        logs_statement("A2", "x", "kms:Decrypt"),
    ]);
    let result = merge(&existing, &[logs_statement("A", "y", "kms:Decrypt")], PolicyKind::Key);
    assert_eq!(result.renamed, [("A".to_owned(), "A3".to_owned())]);
}

#[test]
fn a_required_statement_covered_by_one_just_added_is_skipped() {
    let required = [
        logs_statement("A", "x", "kms:*"),
        logs_statement("B", "x", "kms:Decrypt"),
    ];
    let result = merge(&Policy::new(Vec::new()), &required, PolicyKind::Key);
    assert_eq!((result.added, result.skipped), (vec![0], vec![(1, 0)]));
}

#[test]
fn a_single_statement_object_becomes_an_array_only_when_something_is_added() {
    let single = policy(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}}"#,
    );
    let nothing = merge(&single, &[logs_statement("A", "x", "kms:Decrypt")], PolicyKind::Key);
    assert_eq!(nothing.policy, single);
    let denied = Statement {
        effect: Some(Text::new("Deny")),
        ..logs_statement("A", "x", "kms:Decrypt")
    };
    assert!(merge(&single, &[denied], PolicyKind::Key).policy.statement_is_array);
}

#[test]
fn size_is_measured_against_the_kind_limit() {
    let existing = policy(EXISTING);
    let result = merge(&existing, &[], PolicyKind::Trust);
    let printed = print(&existing);
    assert_eq!(result.size, printed.chars().filter(|c| !c.is_whitespace()).count());
    assert_eq!((result.limit, result.over_limit), (2_048, false));
    let many: Vec<Statement> = (0..40)
        .map(|i| logs_statement(&format!("S{i}"), &format!("r{i}"), "kms:Decrypt"))
        .collect();
    let big = merge(&existing, &many, PolicyKind::Trust);
    assert!(big.over_limit && big.size > big.limit, "{} > {}", big.size, big.limit);
}

#[test]
fn appended_statements_carry_no_foreign_spans() {
    let source = policy(
        r#"{"Statement":[{"Sid":"X","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"#,
    );
    let result = merge(&Policy::new(Vec::new()), &source.statements, PolicyKind::Bucket);
    let s = &result.policy.statements[0];
    assert!(s.span.is_none() && s.sid.as_ref().is_some_and(|t| t.span.is_none()));
    assert!(s
        .action
        .as_ref()
        .is_some_and(|l| l.span.is_none() && l.items.iter().all(|t| t.span.is_none())));
}
