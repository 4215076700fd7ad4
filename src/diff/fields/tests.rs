use crate::diff::{diff, ChangeKind, Field, Impact};
use crate::json::parse_document;
use crate::policy::{lower, Policy};

fn policy(text: &str) -> Policy {
    lower(&parse_document(text).expect("test policy parses"))
}

fn statement(effect: &str, rest: &str) -> Policy {
    policy(&format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"S","Effect":"{effect}",{rest}}}]}}"#
    ))
}

/// `(field, kind, value, impact)` of every change from `old` to `new` (both statement bodies).
fn changes(effect: &str, old: &str, new: &str) -> Vec<(Field, ChangeKind, Option<String>, Impact)> {
    let d = diff(&statement(effect, old), &statement(effect, new));
    d.changes
        .into_iter()
        .map(|c| (c.field, c.kind, c.new.value.or(c.old.value), c.impact))
        .collect()
}

fn one(effect: &str, old: &str, new: &str) -> (Field, ChangeKind, Impact) {
    let all = changes(effect, old, new);
    assert_eq!(all.len(), 1, "{all:?}");
    (all[0].0, all[0].1, all[0].3)
}

const P: &str = r#""Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*""#;

#[test]
fn adding_an_action_to_an_allow_broadens_and_to_a_deny_narrows() {
    let old = format!(r#"{P},"Action":"kms:Encrypt""#);
    let new = format!(r#"{P},"Action":["kms:Encrypt","kms:Decrypt"]"#);
    assert_eq!(
        one("Allow", &old, &new),
        (Field::Action, ChangeKind::Added, Impact::Broadening)
    );
    assert_eq!(
        one("Deny", &old, &new),
        (Field::Action, ChangeKind::Added, Impact::Narrowing)
    );
    assert_eq!(
        one("Allow", &new, &old),
        (Field::Action, ChangeKind::Removed, Impact::Narrowing)
    );
}

#[test]
fn a_value_already_covered_by_a_wildcard_is_neutral() {
    let old = format!(r#"{P},"Action":"kms:*""#);
    let new = format!(r#"{P},"Action":["kms:*","kms:Decrypt"]"#);
    assert_eq!(
        one("Allow", &old, &new),
        (Field::Action, ChangeKind::Added, Impact::Neutral)
    );
    assert_eq!(
        one("Allow", &new, &old),
        (Field::Action, ChangeKind::Removed, Impact::Neutral)
    );
}

#[test]
fn replacing_a_wildcard_by_one_action_narrows_and_is_told_as_two_changes() {
    let old = format!(r#"{P},"Action":"kms:*""#);
    let new = format!(r#"{P},"Action":"kms:Decrypt""#);
    let all = changes("Allow", &old, &new);
    assert_eq!(all.len(), 2);
    assert!(all.contains(&(
        Field::Action,
        ChangeKind::Added,
        Some("kms:Decrypt".into()),
        Impact::Neutral
    )));
    assert!(all.contains(&(
        Field::Action,
        ChangeKind::Removed,
        Some("kms:*".into()),
        Impact::Narrowing
    )));
}

#[test]
fn principals_added_broaden_and_not_principals_added_narrow() {
    let old = r#""Principal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"*""#;
    let new =
        r#""Principal":{"AWS":["111122223333","arn:aws:iam::444455556666:role/r"]},"Action":"kms:*","Resource":"*""#;
    assert_eq!(
        one("Allow", old, new),
        (Field::Principal, ChangeKind::Added, Impact::Broadening)
    );
    let old = r#""NotPrincipal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"*""#;
    let new =
        r#""NotPrincipal":{"AWS":["111122223333","arn:aws:iam::444455556666:role/r"]},"Action":"kms:*","Resource":"*""#;
    assert_eq!(
        one("Allow", old, new),
        (Field::NotPrincipal, ChangeKind::Added, Impact::Narrowing)
    );
}

#[test]
fn switching_action_to_not_action_broadens() {
    let old = format!(r#"{P},"Action":"kms:Decrypt""#);
    let new = format!(r#"{P},"NotAction":"kms:Decrypt""#);
    let all = changes("Allow", &old, &new);
    assert!(
        all.contains(&(
            Field::NotAction,
            ChangeKind::Added,
            Some("kms:Decrypt".into()),
            Impact::Broadening
        )),
        "{all:?}"
    );
}

#[test]
fn conditions_added_narrow_and_removed_broaden() {
    let open = format!(r#"{P},"Action":"kms:Decrypt""#);
    let guarded = format!(r#"{P},"Action":"kms:Decrypt","Condition":{{"StringEquals":{{"kms:ViaService":"logs.x"}}}}"#);
    assert_eq!(
        one("Allow", &open, &guarded),
        (Field::Condition, ChangeKind::Added, Impact::Narrowing)
    );
    assert_eq!(
        one("Allow", &guarded, &open),
        (Field::Condition, ChangeKind::Removed, Impact::Broadening)
    );
    assert_eq!(
        one("Deny", &guarded, &open),
        (Field::Condition, ChangeKind::Removed, Impact::Narrowing)
    );
}

#[test]
fn condition_values_loosen_or_tighten_by_operator() {
    let cond = |op: &str, values: &str| {
        format!(r#"{P},"Action":"kms:Decrypt","Condition":{{"{op}":{{"aws:SourceArn":{values}}}}}"#)
    };
    let more = |op| one("Allow", &cond(op, r#""a""#), &cond(op, r#"["a","b"]"#));
    assert_eq!(
        more("StringEquals"),
        (Field::Condition, ChangeKind::Added, Impact::Broadening)
    );
    assert_eq!(
        more("StringNotEquals"),
        (Field::Condition, ChangeKind::Added, Impact::Narrowing)
    );
    assert_eq!(
        more("NumericLessThan"),
        (Field::Condition, ChangeKind::Added, Impact::Neutral)
    );
    // A narrower ARN pattern replaced by a wider one: the new one covers the old.
    let all = changes(
        "Allow",
        &cond("ArnLike", r#""arn:aws:logs:r:1:log-group:app""#),
        &cond("ArnLike", r#""arn:aws:logs:r:1:log-group:*""#),
    );
    assert!(
        all.iter()
            .any(|c| c.1 == ChangeKind::Added && c.3 == Impact::Broadening),
        "{all:?}"
    );
    assert!(
        all.iter().any(|c| c.1 == ChangeKind::Removed && c.3 == Impact::Neutral),
        "{all:?}"
    );
}

#[test]
fn a_changed_effect_labels_every_change_in_the_statement() {
    let old =
        policy(r#"{"Statement":[{"Sid":"S","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"#);
    let new = policy(
        r#"{"Statement":[{"Sid":"S","Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"*"}]}"#,
    );
    let d = diff(&old, &new);
    assert_eq!(d.changes[0].field, Field::Effect);
    assert!(
        d.changes.iter().all(|c| c.impact == Impact::Broadening),
        "{:?}",
        d.changes
    );
}

#[test]
fn spans_point_into_each_side() {
    let old_text =
        r#"{"Statement":[{"Sid":"S","Effect":"Allow","Principal":"*","Action":"kms:Encrypt","Resource":"*"}]}"#;
    let new_text = r#"{"Statement":[{"Sid":"S","Effect":"Allow","Principal":"*","Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*"}]}"#;
    let d = diff(&policy(old_text), &policy(new_text));
    let c = &d.changes[0];
    let new_span = c.new.span.expect("new span");
    let old_span = c.old.span.expect("old span");
    assert_eq!(&new_text[new_span.start..new_span.end], "\"kms:Decrypt\"");
    assert_eq!(&old_text[old_span.start..old_span.end], "\"kms:Encrypt\"");
}

#[test]
fn an_empty_action_list_and_none_differ_without_changing_access() {
    let none = P.to_owned();
    let empty = format!(r#"{P},"Action":[]"#);
    assert_eq!(
        one("Allow", &none, &empty),
        (Field::Action, ChangeKind::Added, Impact::Neutral)
    );
}
