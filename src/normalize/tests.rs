use super::*;
use crate::json::parse_document;
use crate::policy::{lower, print};

fn policy(text: &str) -> Policy {
    lower(&parse_document(text).expect("test policy parses"))
}

const WRITTEN: &str = r#"{"Version": "2012-10-17", "Id": "key-policy", "Statement": [
  {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"},
  {"Sid": "Logs", "Effect": "Allow", "Principal": {"Service": ["logs.eu-west-1.amazonaws.com"]},
   "Action": ["kms:Encrypt*", "KMS:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
   "Resource": ["*"],
   "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": ["arn:aws:logs:eu-west-1:111122223333:log-group:app"]}}}
]}"#;

/// What `aws kms get-key-policy` hands back for [`WRITTEN`]: root ARN, arrays collapsed or not,
/// keys and statements reordered.
const RETURNED: &str = r#"{"Id": "key-policy", "Version": "2012-10-17", "Statement": [
  {"Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:111122223333:log-group:app"}},
   "Resource": "*", "Effect": "Allow", "Sid": "Logs",
   "Action": ["kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:Decrypt*"],
   "Principal": {"Service": "logs.eu-west-1.amazonaws.com"}},
  {"Resource": "*", "Action": "kms:*", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Effect": "Allow", "Sid": "Root"}
]}"#;

#[test]
fn the_policy_aws_returns_is_equivalent_to_the_one_written() {
    assert!(equivalent(&policy(WRITTEN), &policy(RETURNED)));
    assert_eq!(
        print(&normalize(&policy(WRITTEN))),
        print(&normalize(&policy(RETURNED)))
    );
}

#[test]
fn the_canonical_form_prints_sorted_sets_and_root_arns() {
    let printed = print(&normalize(&policy(WRITTEN)));
    assert!(
        printed.contains("\"AWS\": \"arn:aws:iam::111122223333:root\""),
        "{printed}"
    );
    assert!(
        printed.contains("\"kms:Decrypt*\",\n        \"kms:Describe*\""),
        "{printed}"
    );
    assert!(printed.contains("\"Resource\": \"*\""), "{printed}");
    // Statements sort by what they grant, effect then principal: `AWS` before `Service`.
    assert!(printed.find("\"Root\"") < printed.find("\"Logs\""), "{printed}");
}

#[test]
fn normalising_twice_changes_nothing() {
    for text in [WRITTEN, RETURNED] {
        let once = normalize(&policy(text));
        assert_eq!(normalize(&once), once);
        assert_eq!(print(&normalize(&once)), print(&once));
    }
}

#[test]
fn action_case_duplicates_and_sids_are_not_a_change() {
    let a = policy(
        r#"{"Version":"2012-10-17","Statement":{"Sid":"A","Effect":"Allow","Action":["s3:GetObject","S3:getobject"],"Resource":"arn:aws:s3:::b/*"}}"#,
    );
    let b = policy(
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"B","Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*"]}]}"#,
    );
    assert!(equivalent(&a, &b));
}

#[test]
fn condition_key_case_and_literal_types_are_not_a_change() {
    let a = policy(
        r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false}}}]}"#,
    );
    let b = policy(
        r#"{"Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*","Condition":{"Bool":{"AWS:securetransport":"false"}}}]}"#,
    );
    assert!(equivalent(&a, &b));
}

#[test]
fn a_missing_version_is_the_2008_version() {
    let none = policy(r#"{"Statement":[]}"#);
    assert!(equivalent(&none, &policy(r#"{"Version":"2008-10-17","Statement":[]}"#)));
    assert!(!equivalent(
        &none,
        &policy(r#"{"Version":"2012-10-17","Statement":[]}"#)
    ));
}

#[test]
fn real_changes_are_not_equivalent() {
    let base = policy(WRITTEN);
    let changed = [
        WRITTEN.replace("\"kms:Describe*\"", "\"kms:DescribeKey\""),
        WRITTEN.replace("log-group:app", "log-group:*"),
        WRITTEN.replace(
            "\"Sid\": \"Root\", \"Effect\": \"Allow\"",
            "\"Sid\": \"Root\", \"Effect\": \"Deny\"",
        ),
        WRITTEN.replace("ArnEquals", "arnEquals"),
        WRITTEN.replace("\"Resource\": \"*\"}", "\"NotResource\": \"*\"}"),
        WRITTEN.replace("111122223333\"}", "444455556666\"}"),
        WRITTEN.replace("\"Action\": \"kms:*\"", "\"Action\": \"kms:* \""),
    ];
    for text in changed {
        assert_ne!(text, WRITTEN, "the replacement applies");
        assert!(!equivalent(&base, &policy(&text)), "{text}");
    }
}

#[test]
fn account_ids_take_the_partition_of_the_policy() {
    let cn = policy(
        r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"arn:aws-cn:kms:cn-north-1:111122223333:key/k"}]}"#,
    );
    let printed = print(&normalize(&cn));
    assert!(printed.contains("arn:aws-cn:iam::111122223333:root"), "{printed}");
}

#[test]
fn keys_that_differ_only_by_case_stay_two_tests() {
    let two = policy(
        r#"{"Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"a","KMS:ViaService":"b"}}}]}"#,
    );
    let one = policy(
        r#"{"Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":["a","b"]}}}]}"#,
    );
    assert!(!equivalent(&two, &one));
    assert_eq!(normalize(&two).statements[0].condition[0].entries.len(), 2);
}
