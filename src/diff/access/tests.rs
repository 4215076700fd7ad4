use crate::diff::{new_access, new_access_for, AccessChange};
use crate::json::parse_document;
use crate::policy::{lower, Effect, Policy, PolicyKind};

fn policy(statements: &str) -> Policy {
    let text = format!(r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#);
    lower(&parse_document(&text).expect("test policy parses"))
}

const ROOT: &str = r#"{"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}"#;
const LOGS: &str = r#"{"Sid":"Logs","Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},"Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*","Condition":{"ArnEquals":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:eu-west-1:111122223333:log-group:app"}}}"#;

fn sentences(changes: &[AccessChange]) -> Vec<&str> {
    changes.iter().map(|c| c.sentence.as_str()).collect()
}

#[test]
fn an_added_service_statement_reads_as_a_gain_on_this_key() {
    let changes = new_access_for(PolicyKind::Key, &policy(ROOT), &policy(&format!("{ROOT},{LOGS}")));
    assert_eq!(
        sentences(&changes),
        [
            "logs.eu-west-1.amazonaws.com gains kms:Decrypt, kms:Encrypt on this key, only when \
          kms:EncryptionContext:aws:logs:arn equals arn:aws:logs:eu-west-1:111122223333:log-group:app"
        ]
    );
    let c = &changes[0];
    assert!(c.gained);
    assert_eq!(c.effect, Effect::Allow);
    assert_eq!(c.actions, ["kms:Decrypt", "kms:Encrypt"]);
    assert_eq!(c.resources, ["*"]);
}

#[test]
fn equivalent_policies_change_no_access() {
    let rewritten = LOGS.replace("\"Resource\":\"*\"", "\"Resource\":[\"*\"]");
    assert!(new_access(&policy(LOGS), &policy(&rewritten)).is_empty());
}

#[test]
fn an_added_action_is_gained_by_the_principals_that_stay() {
    let wider = LOGS.replace("\"kms:Decrypt\"", "\"kms:Decrypt\",\"kms:GenerateDataKey*\"");
    let changes = new_access(&policy(LOGS), &policy(&wider));
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].principals, ["logs.eu-west-1.amazonaws.com"]);
    assert_eq!(changes[0].actions, ["kms:GenerateDataKey*"]);
    assert!(changes[0]
        .sentence
        .starts_with("logs.eu-west-1.amazonaws.com gains kms:GenerateDataKey* on every resource (*)"));
}

#[test]
fn a_removed_condition_is_a_gain_under_a_looser_condition() {
    let open = LOGS.replace(
        r#","Condition":{"ArnEquals":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:eu-west-1:111122223333:log-group:app"}}"#,
        "",
    );
    assert_ne!(open, LOGS);
    let changes = new_access_for(PolicyKind::Key, &policy(LOGS), &policy(&open));
    assert_eq!(
        sentences(&changes),
        ["logs.eu-west-1.amazonaws.com gets kms:Decrypt, kms:Encrypt on this key under a looser condition: now in every case"]
    );
    assert!(changes[0].gained);
}

#[test]
fn a_removed_principal_loses_what_it_had() {
    let both = LOGS.replace(
        r#"{"Service":"logs.eu-west-1.amazonaws.com"}"#,
        r#"{"Service":["logs.eu-west-1.amazonaws.com","delivery.logs.amazonaws.com"]}"#,
    );
    let changes = new_access(&policy(&both), &policy(LOGS));
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert!(!changes[0].gained);
    assert!(
        changes[0]
            .sentence
            .starts_with("delivery.logs.amazonaws.com loses kms:Decrypt, kms:Encrypt"),
        "{}",
        changes[0].sentence
    );
}

#[test]
fn an_added_deny_is_access_lost() {
    let deny = r#"{"Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false}}}"#;
    let changes = new_access(&policy(ROOT), &policy(&format!("{ROOT},{deny}")));
    assert_eq!(
        sentences(&changes),
        ["everyone (*) is now denied kms:* on every resource (*), only when aws:SecureTransport is false"]
    );
    assert_eq!((changes[0].gained, changes[0].effect), (false, Effect::Deny));
}

#[test]
fn identity_policies_speak_of_the_attached_identities() {
    let old = r#"{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"arn:aws:logs:eu-west-1:111122223333:log-group:app:*"}"#;
    let new = old.replace("app:*", "*");
    let changes = new_access(&policy(old), &policy(&new));
    assert_eq!(sentences(&changes), ["the identities this policy is attached to gain logs:PutLogEvents on arn:aws:logs:eu-west-1:111122223333:log-group:*"]);
}
