//! The log-group-key scenario against AWS's documented policies, and over every option combination.

use cwlogs_policy::catalog::Partition;
use cwlogs_policy::json::parse_document;
use cwlogs_policy::policy::{lower, print, Policy, Statement};
use cwlogs_policy::scenarios::log_group_key::{
    check_input, generate, CallerPermission, LogGroupKeyInput, LogGroupState, Scope,
};
use cwlogs_policy::scenarios::FieldSeverity;
use cwlogs_policy::scenarios::Bundle;

const ACCOUNT: &str = "123456789012";
const REGION: &str = "eu-west-1";
const KEY_ARN: &str = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/// An AWS documentation fixture with its placeholders filled in.
fn documented(file: &str) -> Policy {
    let path = format!("{}/tests/fixtures/aws-docs/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        .replace("Your_account_ID", ACCOUNT)
        .replace("account-id", ACCOUNT)
        .replace("account_id", ACCOUNT)
        .replace(".region.", &format!(".{REGION}."))
        .replace(":region:", &format!(":{REGION}:"))
        .replace("log-group:log-group-name", "log-group:/app/orders")
        .replace("role/role_name", "role/orders-app")
        .replace("key/key_id", "key/1234abcd-12ab-34cd-56ef-1234567890ab");
    lower(&parse_document(&text).expect("fixture is JSON"))
}

fn documented_statement(file: &str) -> Statement {
    let path = format!("{}/tests/fixtures/aws-docs/{file}", env!("CARGO_MANIFEST_DIR"));
    let statement = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text = format!("{{\"Statement\": [{statement}]}}")
        .replace("account_id", ACCOUNT)
        .replace(".region.", &format!(".{REGION}."))
        .replace("role/role_name", "role/orders-app");
    lower(&parse_document(&text).expect("fixture is JSON")).statements.remove(0)
}

/// AWS's examples leave most statements without a Sid; the generator names them. Compare
/// everything else.
fn without_sids_absent_from(mut generated: Policy, documented: &Policy) -> Policy {
    for (g, d) in generated.statements.iter_mut().zip(&documented.statements) {
        if d.sid.is_none() {
            g.sid = None;
        }
    }
    generated
}

fn input() -> LogGroupKeyInput {
    LogGroupKeyInput {
        region: REGION.into(),
        account: ACCOUNT.into(),
        log_groups: vec!["/app/orders".into()],
        ..LogGroupKeyInput::default()
    }
}

fn document<'b>(bundle: &'b Bundle, file: &str) -> &'b Policy {
    &bundle.document(file).unwrap_or_else(|| panic!("no {file}")).policy
}

#[test]
fn one_log_group_key_policy_is_the_documented_one() {
    let doc = documented("key-policy-one-log-group.json");
    let bundle = generate(&input());
    assert_eq!(without_sids_absent_from(document(&bundle, "key-policy.json").clone(), &doc), doc);
}

#[test]
fn account_wide_key_policy_is_the_documented_one() {
    let doc = documented("key-policy-account-wide.json");
    let bundle = generate(&LogGroupKeyInput { scope: Scope::Account, ..input() });
    assert_eq!(without_sids_absent_from(document(&bundle, "key-policy.json").clone(), &doc), doc);
}

#[test]
fn caller_statement_in_the_key_policy_is_the_documented_one() {
    let expected = documented_statement("caller-key-policy-statement.json");
    let bundle = generate(&LogGroupKeyInput {
        caller_permission: CallerPermission::KeyPolicy,
        callers: vec![format!("arn:aws:iam::{ACCOUNT}:role/orders-app")],
        ..input()
    });
    let mut statement = document(&bundle, "key-policy.json").statements[2].clone();
    statement.sid = None;
    assert_eq!(statement, expected);
}

#[test]
fn caller_iam_policy_is_the_documented_one() {
    let doc = documented("caller-iam-policy.json");
    let bundle = generate(&LogGroupKeyInput {
        key_arn: KEY_ARN.into(),
        caller_permission: CallerPermission::IamPolicy,
        callers: vec![format!("arn:aws:iam::{ACCOUNT}:role/orders-app")],
        ..input()
    });
    assert_eq!(without_sids_absent_from(document(&bundle, "caller-policy.json").clone(), &doc), doc);
}

#[test]
fn rotation_without_context_gives_the_documented_decrypt_only_policy() {
    let doc = documented("old-key-decrypt-only.json");
    let bundle = generate(&LogGroupKeyInput {
        log_group_state: LogGroupState::Existing,
        rotate_from: "arn:aws:kms:eu-west-1:123456789012:key/0000abcd-12ab-34cd-56ef-1234567890ab".into(),
        keep_context_on_old_key: false,
        ..input()
    });
    assert_eq!(without_sids_absent_from(document(&bundle, "old-key-policy.json").clone(), &doc), doc);
}

#[test]
fn rotation_gives_the_documented_decrypt_only_policy_by_default() {
    let doc = documented("old-key-decrypt-only.json");
    let rotation = LogGroupKeyInput {
        log_group_state: LogGroupState::Existing,
        rotate_from: "arn:aws:kms:eu-west-1:123456789012:key/0000abcd-12ab-34cd-56ef-1234567890ab".into(),
        ..input()
    };
    let bundle = generate(&rotation);
    assert_eq!(without_sids_absent_from(document(&bundle, "old-key-policy.json").clone(), &doc), doc);
    assert_eq!(check_input(&rotation), vec![]);
}

#[test]
fn keeping_the_context_on_the_old_key_is_opt_in_and_warns_what_it_risks() {
    let rotation = LogGroupKeyInput {
        log_group_state: LogGroupState::Existing,
        rotate_from: "arn:aws:kms:eu-west-1:123456789012:key/0000abcd-12ab-34cd-56ef-1234567890ab".into(),
        keep_context_on_old_key: true,
        ..input()
    };
    let old = document(&generate(&rotation), "old-key-policy.json").clone();
    let values = old.statements[1]
        .condition_values("ArnEquals", "kms:EncryptionContext:aws:logs:arn")
        .expect("context condition kept");
    assert_eq!(values.values().collect::<Vec<_>>(), ["arn:aws:logs:eu-west-1:123456789012:log-group:/app/orders"]);
    assert_eq!(old.statements[1].action.as_ref().unwrap().values().collect::<Vec<_>>(), ["kms:Decrypt"]);
    let problems = check_input(&rotation);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!((problems[0].field, problems[0].severity), ("keep-context-on-old-key", FieldSeverity::Warning));
    assert!(problems[0].message.contains("unreadable"), "{}", problems[0].message);
}

/// The retention is set only when the steps create the log groups: for existing ones a changed
/// retention was dropped without a word (review F13b). It is a warning on the field, which names
/// the command and what shortening it does, and the steps still leave the groups' retention alone.
#[test]
fn a_retention_for_existing_log_groups_is_a_field_warning_not_silently_ignored() {
    use cwlogs_policy::scenarios::retention::Retention;
    let existing = LogGroupKeyInput {
        log_group_state: LogGroupState::Existing,
        key_arn: KEY_ARN.into(),
        retention: Retention::days(30).expect("allowed"),
        ..input()
    };
    let problems = check_input(&existing);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!((problems[0].field, problems[0].severity), ("retention", FieldSeverity::Warning));
    assert!(problems[0].message.contains("put-retention-policy"), "{}", problems[0].message);
    assert!(problems[0].message.contains("deletes"), "{}", problems[0].message);
    let steps = generate(&existing).steps;
    assert!(!steps.iter().any(|s| s.command.contains("put-retention-policy")), "{steps:?}");
    // The form's default and new log groups say nothing.
    assert_eq!(check_input(&LogGroupKeyInput { retention: Retention::default(), ..existing.clone() }), vec![]);
    assert_eq!(
        check_input(&LogGroupKeyInput { log_group_state: LogGroupState::New, key_arn: String::new(), ..existing }),
        vec![]
    );
}

#[test]
fn the_logs_principal_and_context_follow_the_partition() {
    let bundle = generate(&LogGroupKeyInput {
        partition: Partition::AwsCn,
        region: "cn-north-1".into(),
        ..input()
    });
    let text = print(document(&bundle, "key-policy.json"));
    assert!(text.contains("\"logs.cn-north-1.amazonaws.com.cn\""), "{text}");
    assert!(text.contains("\"arn:aws-cn:logs:cn-north-1:123456789012:log-group:/app/orders\""), "{text}");
    assert!(text.contains("\"arn:aws-cn:iam::123456789012:root\""), "{text}");
}
