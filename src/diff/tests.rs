use super::*;
use crate::json::parse_document;
use crate::policy::lower;

fn policy(text: &str) -> Policy {
    lower(&parse_document(text).expect("test policy parses"))
}

const ROOT: &str =
    r#"{"Sid":"Root","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"*"}"#;
const LOGS: &str = r#"{"Sid":"Logs","Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*"}"#;
const DENY: &str = r#"{"Sid":"NoHttp","Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#;

fn of(statements: &[&str]) -> Policy {
    policy(&format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        statements.join(",")
    ))
}

#[test]
fn reordered_statements_are_not_a_change() {
    let d = diff(&of(&[ROOT, LOGS]), &of(&[LOGS, ROOT]));
    assert!(d.is_empty(), "{:?}", d.changes);
    assert_eq!(d.pairs.len(), 2);
}

#[test]
fn an_added_allow_broadens_and_an_added_deny_narrows() {
    let d = diff(&of(&[ROOT]), &of(&[ROOT, LOGS, DENY]));
    let whole: Vec<(ChangeKind, Option<&str>, Impact)> = d
        .changes
        .iter()
        .map(|c| (c.kind, c.new.value.as_deref(), c.impact))
        .collect();
    assert_eq!(
        whole,
        [
            (ChangeKind::Added, Some("Logs"), Impact::Broadening),
            (ChangeKind::Added, Some("NoHttp"), Impact::Narrowing)
        ]
    );
    assert_eq!(d.added, [1, 2]);
}

#[test]
fn removed_statements_come_last_with_the_opposite_impact() {
    let d = diff(&of(&[ROOT, DENY, LOGS]), &of(&[LOGS]));
    let removed: Vec<(Field, ChangeKind, Option<usize>, Impact)> = d
        .changes
        .iter()
        .map(|c| (c.field, c.kind, c.old.statement, c.impact))
        .collect();
    assert_eq!(
        removed,
        [
            (Field::Statement, ChangeKind::Removed, Some(0), Impact::Narrowing),
            (Field::Statement, ChangeKind::Removed, Some(1), Impact::Broadening)
        ]
    );
}

#[test]
fn a_version_change_is_neutral() {
    let old = policy(r#"{"Version":"2008-10-17","Statement":[]}"#);
    let d = diff(&old, &of(&[]));
    assert_eq!(d.changes.len(), 1);
    assert_eq!(
        (d.changes[0].field, d.changes[0].kind, d.changes[0].impact),
        (Field::Version, ChangeKind::Changed, Impact::Neutral)
    );
}

#[test]
fn an_empty_diff_is_exactly_equivalence() {
    let cases = [
        (of(&[ROOT, LOGS]), of(&[LOGS, ROOT])),
        (
            of(&[ROOT]),
            of(&[&ROOT.replace("111122223333\"", "arn:aws:iam::111122223333:root\"")]),
        ),
        (
            of(&[ROOT, LOGS]),
            of(&[&ROOT.replace("Root", "Logs"), &LOGS.replace("Logs", "Root")]),
        ),
        (of(&[ROOT]), of(&[ROOT, &ROOT.replace("Root", "Again")])),
        (of(&[ROOT]), of(&[LOGS])),
        (of(&[LOGS]), of(&[&LOGS.replace("kms:Decrypt", "kms:Decrypt*")])),
        (of(&[DENY]), of(&[&DENY.replace("\"false\"", "false")])),
        (of(&[DENY]), of(&[&DENY.replace("Bool", "BoolIfExists")])),
    ];
    for (a, b) in cases {
        let d = diff(&a, &b);
        assert_eq!(d.is_empty(), normalize::equivalent(&a, &b), "{:?}", d.changes);
        assert_eq!(diff(&b, &a).is_empty(), d.is_empty());
    }
}

#[test]
fn changes_inside_a_statement_name_both_statements() {
    let d = diff(
        &of(&[ROOT, LOGS]),
        &of(&[&LOGS.replace("kms:Encrypt\"", "kms:Encrypt\",\"kms:ReEncrypt*\""), ROOT]),
    );
    assert_eq!(d.changes.len(), 1);
    let c = &d.changes[0];
    assert_eq!(
        (c.old.statement, c.new.statement, c.field, c.impact),
        (Some(1), Some(0), Field::Action, Impact::Broadening)
    );
    assert_eq!(d.broadening().count(), 1);
}

#[test]
fn thousands_of_statements_diff_without_scoring_every_pair() {
    let many = |prefix: &str| {
        let statements: Vec<String> = (0..2_000)
            .map(|i| format!(r#"{{"Sid":"{prefix}{i}","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/{prefix}{i}"}}"#))
            .collect();
        of(&statements.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let (old, new) = (many("a"), many("b"));
    let d = diff(&old, &new);
    assert_eq!((d.pairs.len(), d.added.len(), d.removed.len()), (0, 2_000, 2_000));
    assert!(diff(&old, &old).is_empty());
}
