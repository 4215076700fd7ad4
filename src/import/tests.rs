use super::*;

fn only(paste: &str) -> Policy {
    let mut e = extract(paste);
    assert_eq!(e.policies.len(), 1, "{:?} {:?}", e.form, e.problems);
    e.policies.remove(0)
}

#[test]
fn short_form_tags_become_placeholders_with_their_long_form_meaning() {
    let yaml = "Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Principal:\n              AWS: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root\n            Resource: !GetAtt [Bucket, Arn]\n            Action: !Ref Actions\n            Condition: !Join [\":\", [a, !Ref B]]\n";
    let p = only(yaml);
    let json = crate::json::parse(&p.text).expect("rendered JSON parses");
    let statement = &json.get("Statement").unwrap().as_array().unwrap()[0];
    assert_eq!(statement.get("Principal").unwrap().get("AWS").unwrap().as_str(), Some("arn:${AWS::Partition}:iam::${AWS::AccountId}:root"));
    assert_eq!(statement.get("Resource").unwrap().as_str(), Some("${Bucket.Arn}"));
    assert_eq!(statement.get("Action").unwrap().as_str(), Some("${Actions}"));
    assert_eq!(statement.get("Condition").unwrap().as_str(), Some("a:${B}"));
    assert!(p.placeholders);
}

#[test]
fn long_form_intrinsics_in_a_json_template_are_rendered_not_sliced() {
    let json = r#"{"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [{"Resource": {"Fn::GetAtt": ["Group", "Arn"]}}]}}}}}"#;
    let p = only(json);
    assert!(p.text.contains("\"${Group.Arn}\""), "{}", p.text);
    assert!(matches!(p.map, SourceMap::Nodes(_)));
    // Without intrinsics the policy is the paste's own bytes.
    let plain = only(&json.replace(r#"{"Fn::GetAtt": ["Group", "Arn"]}"#, "\"*\""));
    assert!(matches!(plain.map, SourceMap::Exact(_)));
    assert!(!plain.placeholders);
}

#[test]
fn the_policy_document_data_block_renders_as_the_provider_does() {
    let tf = "data \"aws_iam_policy_document\" \"d\" {\n  statement {\n    actions = [\"s3:GetObject\"]\n    resources = [\"${aws_s3_bucket.b.arn}/*\"]\n    principals {\n      type = \"*\"\n      identifiers = [\"*\"]\n    }\n    condition {\n      test = \"StringEquals\"\n      variable = \"aws:SourceAccount\"\n      values = [var.account]\n    }\n  }\n}\n";
    let p = only(tf);
    let json = crate::json::parse(&p.text).expect("rendered JSON parses");
    let s = &json.get("Statement").unwrap().as_array().unwrap()[0];
    assert_eq!(json.get("Version").unwrap().as_str(), Some("2012-10-17"));
    assert_eq!(s.get("Effect").unwrap().as_str(), Some("Allow"), "the provider's default");
    assert_eq!(s.get("Principal").unwrap().as_str(), Some("*"));
    let values = s.get("Condition").unwrap().get("StringEquals").unwrap().get("aws:SourceAccount").unwrap();
    assert_eq!(values.as_array().unwrap()[0].as_str(), Some("${var.account}"));
    assert_eq!(p.kind, Some(PolicyKind::Identity), "not referenced: an identity policy");
}

#[test]
fn iam_documents_url_encoded_in_a_config_item_are_decoded() {
    let item = r#"{"resourceType": "AWS::IAM::Role", "resourceName": "r", "configuration": {"assumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D"}}"#;
    let p = only(item);
    assert_eq!(p.text, r#"{"Version":"2012-10-17","Statement":[]}"#);
    assert_eq!(p.kind, Some(PolicyKind::Trust));
    let at = item.find("\"%7B").unwrap();
    assert_eq!(p.map.locate(Span::new(3, 9)).start, at, "the whole encoded string");
}

#[test]
fn a_policy_given_by_reference_is_noted_not_checked() {
    let tf = "resource \"aws_kms_key\" \"k\" {\n  policy = file(\"key.json\")\n}\n";
    let e = extract(tf);
    // file(...) is a placeholder value that is not a policy text.
    assert!(e.policies.is_empty());
    assert!(e.notes[0].message.contains("aws_kms_key.k"), "{:?}", e.notes);
}
