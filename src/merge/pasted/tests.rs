use super::*;
use crate::analyze;
use crate::json::escape_string;
use crate::policy::{PolicyKind, Principal, Text, ValueList};

/// A key with administrators and a backup service, as `aws kms get-key-policy --output text` prints it.
const DEPLOYED: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "KeyAdmins", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyAdmin"},
     "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
                "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"],
     "Resource": "*"},
    {"Sid": "BackupService", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Backup"},
     "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"}
  ]
}"#;

fn logs_statement() -> Statement {
    Statement {
        sid: Some(Text::new("AllowLogs")),
        effect: Some(Text::new("Allow")),
        principal: Some(Principal::service("logs.us-east-1.amazonaws.com")),
        action: Some(ValueList::of(["kms:Encrypt*", "kms:Decrypt*"])),
        resource: Some(ValueList::of(["*"])),
        ..Statement::default()
    }
}

fn merged(text: &str) -> Result<MergeResult, MergeRefusal> {
    merge_pasted(text, &analyze(text, PolicyKind::Key), &[logs_statement()])
}

fn refused(text: &str) -> MergeRefusal {
    merged(text).expect_err("the merge is refused")
}

#[test]
fn a_bare_policy_is_merged_keeping_every_statement() {
    let result = merged(DEPLOYED).expect("merged");
    let sids: Vec<&str> = result.policy.statements.iter().filter_map(|s| s.sid.as_ref()).map(|t| t.value.as_str()).collect();
    assert_eq!(sids, ["KeyAdmins", "BackupService", "AllowLogs"]);
}

#[test]
fn the_get_key_policy_json_answer_is_refused_naming_the_command_and_the_bare_query() {
    let wrapped = format!(r#"{{"Policy": {}, "PolicyName": "default"}}"#, escape_string(DEPLOYED));
    let refusal = refused(&wrapped);
    assert_eq!(refusal.reason, RefusalReason::CliOutput);
    assert!(refusal.message.contains("aws kms get-key-policy"), "{}", refusal.message);
    assert!(refusal.message.contains("drop every statement"), "{}", refusal.message);
    assert!(refusal.help.contains("--query Policy --output text"), "{}", refusal.help);
}

/// Every answer the importer reads is refused here too: both read one table (`import::aws_cli`).
#[test]
fn every_cli_answer_the_importer_reads_is_refused_as_cli_output() {
    let inner = escape_string(DEPLOYED);
    let answers = [
        format!(r#"{{"Policy": {inner}}}"#),
        format!(r#"{{"resourcePolicies": [{{"policyName": "p", "policyDocument": {inner}}}]}}"#),
        format!(r#"{{"resourcePolicy": {{"policyName": "p", "policyDocument": {inner}}}}}"#),
        format!(r#"{{"deliveryDestinationPolicy": {{"deliveryDestinationName": "d", "deliveryDestinationPolicy": {inner}}}}}"#),
        format!(r#"{{"PolicyName": "p", "PolicyDocument": {DEPLOYED}}}"#),
        format!(r#"{{"PolicyVersion": {{"VersionId": "v1", "Document": {DEPLOYED}}}}}"#),
        format!(r#"{{"Role": {{"RoleName": "r", "AssumeRolePolicyDocument": {DEPLOYED}}}}}"#),
    ];
    for answer in &answers {
        let found = crate::import::extract(answer);
        assert_eq!(found.form, crate::import::Form::AwsCli, "{answer}");
        let command = crate::import::aws_cli::command(&found.policies[0].source).expect("a known command");
        let refusal = refused(answer);
        assert_eq!(refusal.reason, RefusalReason::CliOutput, "{answer}");
        assert!(refusal.message.contains(command.get), "{} for {answer}", refusal.message);
        assert!(refusal.help.contains(command.bare), "{} for {answer}", refusal.help);
    }
}

#[test]
fn each_way_of_not_being_read_is_refused_with_its_place() {
    let cases = [
        (r#"{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}], "Extra": 1}"#, "Extra"),
        (r#"{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*", "Actions": "kms:Decrypt"}]}"#, "Statement[1].Actions"),
        (r#"{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": 5, "Resource": "*"}]}"#, "Statement[1].Action"),
        (r#"{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}, "B"]}"#, "Statement"),
        (r#"{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}]}"#, "Statement[1].Effect"),
        (r#"{"Version": "2012-10-17"}"#, "Statement"),
    ];
    for (text, place) in cases {
        let refusal = refused(text);
        assert_eq!(refusal.reason, RefusalReason::NotFullyRead, "{text}");
        assert!(refusal.lost.iter().any(|l| l == place), "{text}: {:?}", refusal.lost);
        assert!(refusal.message.contains(place), "{}", refusal.message);
    }
}

#[test]
fn text_that_is_not_json_is_refused_with_its_syntax_error() {
    let refusal = refused(&DEPLOYED[..DEPLOYED.len() - 3]);
    assert_eq!(refusal.reason, RefusalReason::NotJson);
    assert_eq!(refusal.findings[0].code, "JSON001");
}

#[test]
fn a_policy_with_an_error_aws_would_refuse_is_not_merged() {
    let refusal = refused(&DEPLOYED.replace("\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/Backup\"}", "\"Effect\": \"allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/Backup\"}"));
    assert_eq!(refusal.reason, RefusalReason::Errors);
    assert_eq!(refusal.findings[0].code, "IAM005");
}

#[test]
fn member_order_and_layout_are_not_losses() {
    let reordered = r#"{"Statement": {"Resource": "*", "Action": "kms:*", "Principal": {"AWS": "111122223333"}, "Effect": "Allow", "Sid": "A"}, "Version": "2012-10-17"}"#;
    let result = merged(reordered).expect("merged");
    assert_eq!(result.policy.statements.len(), 2);
}

#[test]
fn losses_name_dropped_and_changed_places_only() {
    let read = |text: &str| crate::json::parse(text).expect("parses");
    assert!(losses(&read(r#"{"a": [1, {"b": true}]}"#), &read(r#"{"a": [1, {"b": true}]}"#)).is_empty());
    assert_eq!(losses(&read(r#"{"a": [1, 2]}"#), &read(r#"{"a": [1]}"#)), ["a"]);
    assert_eq!(losses(&read(r#"{"a": {"b": 1}}"#), &read(r#"{"a": {"b": "1"}}"#)), ["a.b"]);
    assert_eq!(losses(&read(r#"[1]"#), &read(r#"{}"#)), ["the top level"]);
}
