use super::covers;
use crate::catalog::Partition;
use crate::json::parse_document;
use crate::policy::{lower, Statement};

fn statement(body: &str) -> Statement {
    let text = format!(r#"{{"Statement":[{{{body}}}]}}"#);
    lower(&parse_document(&text).expect("test statement parses"))
        .statements
        .remove(0)
}

const LOGS: &str = r#""Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*""#;
const CONTEXT: &str = r#""Condition":{"ArnEquals":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:eu-west-1:111122223333:log-group:app"}}"#;

fn required() -> Statement {
    statement(&format!(r#"{LOGS},"Action":["kms:Encrypt","kms:Decrypt"],{CONTEXT}"#))
}

/// `(existing statement body, covers the required one)`.
const TABLE: &[(&str, bool)] = &[
    (
        r#""Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*","Action":"kms:*""#,
        true,
    ),
    (
        r#""Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*","Action":["kms:Encrypt*","kms:Decrypt*"]"#,
        true,
    ),
    (r#""Effect":"Allow","Principal":"*","Resource":"*","Action":"*""#, true),
    (
        r#""Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*","Action":"kms:Encrypt""#,
        false,
    ),
    (
        r#""Effect":"Deny","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*","Action":"kms:*""#,
        false,
    ),
    (
        r#""Effect":"Allow","Principal":{"Service":"logs.us-east-1.amazonaws.com"},"Resource":"*","Action":"kms:*""#,
        false,
    ),
    (
        r#""Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"arn:aws:kms:eu-west-1:111122223333:key/k","Action":"kms:*""#,
        false,
    ),
    // Conditions: the same, looser (a pattern over the required value), stricter, or another key.
    (
        r#""Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*","Action":"kms:*","Condition":{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:eu-west-1:111122223333:log-group:*"}}"#,
        true,
    ),
    (
        r#""Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*","Action":"kms:*","Condition":{"ArnEquals":{"KMS:EncryptionContext:aws:logs:arn":["arn:aws:logs:eu-west-1:111122223333:log-group:app","arn:aws:logs:eu-west-1:111122223333:log-group:other"]}}"#,
        true,
    ),
    (
        r#""Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*","Action":"kms:*","Condition":{"StringEquals":{"kms:ViaService":"logs.eu-west-1.amazonaws.com"}}"#,
        false,
    ),
    (
        r#""Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*","Action":"kms:*","Condition":{"ArnEquals":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:eu-west-1:111122223333:log-group:other"}}"#,
        false,
    ),
    // NotAction: covers what it does not exclude, but only literal required actions.
    (
        r#""Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*","NotAction":"kms:ScheduleKeyDeletion""#,
        true,
    ),
    (
        r#""Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*","NotAction":"kms:*crypt""#,
        false,
    ),
    // NotPrincipal is never proven to cover a Principal.
    (
        r#""Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::444455556666:root"},"Resource":"*","Action":"kms:*""#,
        false,
    ),
    // No effect at all grants nothing.
    (
        r#""Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Resource":"*","Action":"kms:*""#,
        false,
    ),
];

#[test]
fn existing_statements_cover_exactly_when_wider_and_no_stricter() {
    let r = required();
    for (body, expected) in TABLE {
        assert_eq!(covers(&statement(body), &r, Partition::Aws), *expected, "{body}");
    }
}

#[test]
fn a_statement_covers_itself_however_spelt() {
    let r = required();
    assert!(covers(&r, &r, Partition::Aws));
    let respelt = statement(&format!(
        r#"{LOGS},"Action":["KMS:decrypt","kms:Encrypt","kms:Encrypt"],{CONTEXT}"#
    ));
    assert!(covers(&respelt, &r, Partition::Aws));
}

#[test]
fn an_account_id_covers_its_root_arn() {
    let by_id = statement(r#""Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"*""#);
    let by_arn = statement(
        r#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*""#,
    );
    assert!(covers(&by_id, &by_arn, Partition::Aws));
    let role = statement(
        r#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/r"},"Action":"kms:*","Resource":"*""#,
    );
    assert!(
        !covers(&by_id, &role, Partition::Aws),
        "an account grant is not a grant to its role"
    );
}

#[test]
fn a_deny_covers_a_deny_it_includes() {
    let wide = statement(
        r#""Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}"#,
    );
    let narrow = statement(
        r#""Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/logs/*","Condition":{"Bool":{"aws:SecureTransport":false}}"#,
    );
    assert!(covers(&wide, &narrow, Partition::Aws));
    assert!(!covers(&narrow, &wide, Partition::Aws));
}

#[test]
fn identity_statements_without_principals_compare_on_the_rest() {
    let all_groups =
        statement(r#""Effect":"Allow","Action":"logs:*","Resource":"arn:aws:logs:eu-west-1:111122223333:log-group:*""#);
    let one = statement(
        r#""Effect":"Allow","Action":"logs:PutLogEvents","Resource":"arn:aws:logs:eu-west-1:111122223333:log-group:app:*""#,
    );
    assert!(covers(&all_groups, &one, Partition::Aws));
}

#[test]
fn a_statement_with_a_malformed_condition_covers_nothing() {
    let r = required();
    // Lowered without its Condition it would look wider than the required statement.
    let malformed =
        statement(r#""Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*","Condition":"ArnLike""#);
    assert_eq!(malformed.malformed, ["Condition is not an object"]);
    assert!(!covers(&malformed, &r, Partition::Aws));
    let well_formed = statement(r#""Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*""#);
    assert!(covers(&well_formed, &r, Partition::Aws));
}
