//! The s3-export scenario against AWS's documented policies (domain-facts §3.2–§3.5, stored
//! verbatim in `fixtures/aws-docs/s3-export-*.json`), and over every option combination.
//!
//! AWS's examples name the bucket `amzn-s3-demo-bucket`, which S3 reserves; the fixtures keep it
//! and the tests fill in a creatable name, like every other placeholder.

use cwlogs_policy::catalog::Partition;
use cwlogs_policy::json::parse_document;
use cwlogs_policy::policy::{lower, print, Policy, Statement};
use cwlogs_policy::scenarios::s3_export::*;
use cwlogs_policy::scenarios::Bundle;

const BUCKET: &str = "my-exported-logs";
const KEY_ARN: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ROLE: &str = "arn:aws:iam::111122223333:role/log-exporter";

fn fixture(file: &str) -> String {
    let path = format!("{}/tests/fixtures/aws-docs/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .replace("amzn-s3-demo-bucket", BUCKET)
        .replace("logs.Region.amazonaws.com", "logs.us-east-1.amazonaws.com")
        .replace("role/role_name", "role/log-exporter")
        .replace("account-ARN", "arn:aws:iam::123456789012:root")
        .replace("{KMS Key ARN}", KEY_ARN)
}

fn documented(file: &str) -> Policy {
    lower(&parse_document(&fixture(file)).expect("fixture is JSON"))
}

fn documented_statement(file: &str) -> Statement {
    let text = format!("{{\"Statement\": [{}]}}", fixture(file));
    lower(&parse_document(&text).expect("fixture is JSON"))
        .statements
        .remove(0)
}

/// Correction (§3.2 allows `bucket/<prefix>/*`; §3.1, §3.8): AWS grants writes on the whole
/// bucket, the generator only under the prefix the export writes to, `exportedlogs` by default.
fn narrowed_to_the_export_prefix(mut policy: Policy) -> Policy {
    let whole = format!("arn:aws:s3:::{BUCKET}/*");
    for statement in &mut policy.statements {
        for item in statement.resource.iter_mut().flat_map(|r| r.items.iter_mut()) {
            if item.value == whole {
                item.value = format!("arn:aws:s3:::{BUCKET}/exportedlogs/*");
            }
        }
    }
    policy
}

/// Correction (issue 11): the exporting role may use the bucket key only through S3.
fn through_s3(statement: Statement) -> Statement {
    statement.with_condition(
        "StringEquals",
        "kms:ViaService",
        cwlogs_policy::policy::ValueList::array_of(["s3.us-east-1.amazonaws.com"]),
    )
}

/// AWS's examples leave some statements without a Sid; the generator names them.
fn without_sids_absent_from(mut generated: Policy, documented: &Policy) -> Policy {
    for (g, d) in generated.statements.iter_mut().zip(&documented.statements) {
        if d.sid.is_none() {
            g.sid = None;
        }
    }
    generated
}

fn document<'b>(bundle: &'b Bundle, file: &str) -> &'b Policy {
    &bundle.document(file).unwrap_or_else(|| panic!("no {file}")).policy
}

fn statement(policy: &Policy, sid: &str) -> Statement {
    policy
        .statement(sid)
        .unwrap_or_else(|| panic!("no statement {sid}"))
        .clone()
}

/// §3.2: the bucket owns 123456789012 and also takes exports from 111122223333.
fn same_account() -> S3ExportInput {
    S3ExportInput {
        account: "123456789012".into(),
        other_accounts: vec!["111122223333".into()],
        bucket: BUCKET.into(),
        key_arn: KEY_ARN.into(),
        ..S3ExportInput::default()
    }
}

/// §3.5: the role in 111122223333 exports into 123456789012's bucket.
fn cross_account() -> S3ExportInput {
    S3ExportInput {
        account: "111122223333".into(),
        bucket_account: "123456789012".into(),
        bucket: BUCKET.into(),
        key_arn: KEY_ARN.into(),
        callers: vec![ROLE.into()],
        ..S3ExportInput::default()
    }
}

#[test]
fn same_account_bucket_policy_is_the_documented_one() {
    assert_eq!(check_input(&same_account()), vec![]);
    let bundle = generate(&same_account());
    assert_eq!(
        document(&bundle, BUCKET_POLICY_FILE),
        &narrowed_to_the_export_prefix(documented("s3-export-bucket-policy.json"))
    );
}

#[test]
fn logs_key_statement_is_the_documented_one() {
    let doc = documented("s3-export-key-policy.json");
    let mut expected = doc.statements[0].clone();
    // Correction: the same-account page spells this Sid "Allow CWL Service Principal usage", the
    // cross-account page "AllowCWLServicePrincipalUsage"; the generator uses the portable one.
    expected.sid = Some(LOGS_KEY_SID.into());
    let bundle = generate(&same_account());
    assert_eq!(statement(document(&bundle, KEY_POLICY_FILE), LOGS_KEY_SID), expected);
}

#[test]
fn the_documented_admin_statement_is_replaced_by_the_default_root_statement() {
    // Correction (§3.3): AWS's admin statement lists five actions with redundant `*`s and leaves
    // out rotation, tagging and cancelling deletion; the default key policy's kms:* for the
    // account root covers all of them.
    let doc = documented("s3-export-key-policy.json");
    let admin = &doc.statements[1];
    let bundle = generate(&same_account());
    let root = statement(document(&bundle, KEY_POLICY_FILE), ROOT_SID);
    assert_eq!(root.principal, admin.principal);
    assert_eq!(root.resource, admin.resource);
    assert_eq!(
        root.action.as_ref().map(|a| a.values().collect::<Vec<_>>()),
        Some(vec!["kms:*"])
    );
    assert!(admin
        .action
        .as_ref()
        .expect("actions")
        .values()
        .all(|a| a.starts_with("kms:")));
}

#[test]
fn bucket_encryption_file_is_the_documented_one() {
    let bundle = generate(&same_account());
    let file = bundle
        .files
        .iter()
        .find(|f| f.file_name == ENCRYPTION_FILE)
        .expect("encryption file");
    let generated = parse_document(&file.content).expect("the file is JSON");
    let expected = parse_document(&fixture("s3-export-bucket-encryption.json")).expect("fixture is JSON");
    assert_eq!(generated, expected);
}

#[test]
fn cross_account_bucket_policy_is_the_documented_one() {
    // §3.5: the two statements of §3.2 plus one for the exporting role (the fact sheet's corrected
    // form of AWS's example).
    let mut expected = documented("s3-export-bucket-policy.json");
    expected
        .statements
        .push(documented_statement("s3-export-cross-account-bucket-statement.json"));
    let bundle = generate(&cross_account());
    assert_eq!(check_input(&cross_account()), vec![]);
    let generated = document(&bundle, BUCKET_POLICY_FILE).clone();
    let generated = without_sids_absent_from(generated, &expected);
    assert_eq!(generated, narrowed_to_the_export_prefix(expected));
}

#[test]
fn cross_account_key_statements_are_the_documented_ones() {
    let doc = documented("s3-export-cross-account-key-policy.json");
    let bundle = generate(&cross_account());
    let key = document(&bundle, KEY_POLICY_FILE);
    assert_eq!(statement(key, LOGS_KEY_SID), doc.statements[0]);
    let mut role = doc.statements[2].clone();
    assert_eq!(role.sid.as_ref().map(|s| s.value.as_str()), Some(ROLES_KEY_SID));
    // Correction: AWS puts the key ARN in Resource; in a key policy "*" means this key, and it
    // works before a new key has an ARN.
    role.resource = statement(key, ROOT_SID).resource;
    assert_eq!(statement(key, ROLES_KEY_SID), through_s3(role));
}

#[test]
fn cross_account_caller_statements_are_the_documented_ones() {
    let doc = documented("s3-export-caller-cross-account.json");
    let bundle = generate(&cross_account());
    let caller = document(&bundle, CALLER_POLICY_FILE);
    let mut generated = vec![statement(caller, CALLER_WRITE_SID), statement(caller, KEY_USE_SID)];
    for s in &mut generated {
        s.sid = None;
    }
    let expected = narrowed_to_the_export_prefix(doc);
    let expected = vec![expected.statements[0].clone(), through_s3(expected.statements[1].clone())];
    assert_eq!(generated, expected);
}

#[test]
fn principals_and_arns_follow_the_partition() {
    let bundle = generate(&S3ExportInput {
        partition: Partition::AwsCn,
        region: "cn-north-1".into(),
        ..S3ExportInput::default()
    });
    let bucket = print(document(&bundle, BUCKET_POLICY_FILE));
    assert!(bucket.contains("\"logs.cn-north-1.amazonaws.com.cn\""), "{bucket}");
    assert!(bucket.contains("\"arn:aws-cn:s3:::my-exported-logs/exportedlogs/*\""), "{bucket}");
    assert!(
        bucket.contains("\"arn:aws-cn:logs:cn-north-1:123456789012:log-group:*\""),
        "{bucket}"
    );
    let key = print(document(&bundle, KEY_POLICY_FILE));
    assert!(key.contains("\"arn:aws-cn:iam::123456789012:root\""), "{key}");
}

#[test]
fn the_log_group_scope_lists_both_arn_forms_of_each_group() {
    let bundle = generate(&S3ExportInput {
        source_scope: SourceScope::LogGroups,
        ..same_account()
    });
    let put = statement(document(&bundle, BUCKET_POLICY_FILE), PUT_OBJECT_SID);
    let arns: Vec<&str> = put
        .condition_values("ArnLike", "aws:SourceArn")
        .expect("SourceArn")
        .values()
        .collect();
    assert_eq!(
        arns,
        [
            "arn:aws:logs:us-east-1:123456789012:log-group:my-log-group",
            "arn:aws:logs:us-east-1:123456789012:log-group:my-log-group:*",
            "arn:aws:logs:us-east-1:111122223333:log-group:*",
        ]
    );
    assert!(bundle
        .notes
        .iter()
        .any(|n| n.starts_with("Unverified: which log group ARN form")));
}
