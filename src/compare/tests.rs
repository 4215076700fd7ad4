use super::*;
use crate::diff::Impact;
use crate::eval::DecisionEffect;
use crate::scenarios::ScenarioId;
use serde_json::{json, Value};

// As AWS documents them (the log-group-key scenario's Sids).
const LOGS_SID: &str = "Allow CloudWatch Logs to use the key";
const ROOT_SID: &str = "Enable IAM User Permissions";

/// What `aws kms get-key-policy` returns for a key created with the default policy: AWS's own
/// spacing, the account as its root ARN.
const AWS_DEFAULT_KEY_POLICY: &str = r#"{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::111122223333:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}"#;

fn log_group_key(input: Value) -> (crate::scenarios::Bundle, Vec<RequiredCall>, Value) {
    let mut full = ScenarioId::LogGroupKey.default_input();
    for (k, v) in input.as_object().cloned().unwrap_or_default() {
        full[k] = v;
    }
    let bundle = ScenarioId::LogGroupKey.run(&full).bundle.expect("a bundle");
    let calls = ScenarioId::LogGroupKey.required_calls(&full);
    (bundle, calls, full)
}

fn compare(input: Value, file: &str, pasted: &str) -> Comparison {
    let (bundle, calls, input) = log_group_key(input);
    compare_document(&bundle, file, pasted, None, &calls, &input).expect("the document exists")
}

/// The merge, which these tests expect to be offered.
fn merged(compared: &Compared) -> &Merged {
    compared.merged.as_ref().unwrap_or_else(|r| panic!("merge refused: {r:?}"))
}

fn merged_ok(row: &CallRow) -> bool {
    row.merged.as_ref().is_some_and(|v| v.ok)
}

fn defaults() -> Value {
    json!({"account": "111122223333", "region": "us-east-1"})
}

#[test]
fn the_aws_default_key_policy_lacks_the_logs_statement_and_the_merge_adds_it() {
    let c = compare(defaults(), "key-policy.json", AWS_DEFAULT_KEY_POLICY);
    let compared = c.compared.expect("it parses");
    assert!(!compared.equivalent);
    let logs = compared
        .changes
        .iter()
        .find(|l| l.text.contains(LOGS_SID))
        .unwrap_or_else(|| panic!("no change names the logs statement: {:?}", compared.changes));
    assert_eq!((logs.impact, logs.impact_word), (Impact::Broadening, "broadening"));
    assert!(logs.text.contains("only in the generated policy"), "{}", logs.text);
    let (start, end) = logs.new_span.expect("a span in the generated text");
    assert!(c.generated_text[start..end].contains(LOGS_SID));
    // The root statement means the same on both sides: no change is about it.
    assert!(
        !compared.changes.iter().any(|l| l.text.contains(ROOT_SID)),
        "{:?}",
        compared.changes
    );

    let merged = merged(&compared);
    assert!(merged.added.iter().any(|s| s == LOGS_SID), "{:?}", merged.added);
    assert!(
        !merged.added.iter().any(|s| s == ROOT_SID),
        "the existing root statement covers it"
    );
    assert!(merged.skipped >= 1);
    assert_eq!(merged.text.matches(ROOT_SID).count(), 1);
    assert!(merged.size > 0 && merged.size <= merged.limit && !merged.over_limit);
    assert_eq!((merged.limit, merged.unit), (32_768, "bytes"));
    assert_eq!(merged.file_name, "key-policy.merged.json");
}

#[test]
fn the_checklist_is_red_for_the_pasted_policy_naming_the_fix_and_green_for_the_merge() {
    let c = compare(defaults(), "key-policy.json", AWS_DEFAULT_KEY_POLICY);
    let rows = c.compared.expect("it parses").checklist;
    let encrypt = rows
        .iter()
        .find(|r| r.action == "kms:GenerateDataKey")
        .expect("CloudWatch Logs encrypts with the key");
    assert!(encrypt.generated.ok && merged_ok(encrypt));
    let by_merged = &encrypt.merged.as_ref().expect("merged").by;
    assert!(!encrypt.pasted.ok);
    assert_eq!(encrypt.pasted.effect, DecisionEffect::ImplicitDeny);
    let fix = encrypt.pasted.fix.as_deref().expect("a fix");
    assert!(fix.contains(LOGS_SID) && fix.contains("key-policy.json"), "{fix}");
    assert!(
        by_merged
            .iter()
            .any(|b| b.starts_with("key-policy.json statement 2") && b.contains(LOGS_SID)),
        "{by_merged:?}"
    );
}

#[test]
fn the_generated_policy_in_aws_rewritten_form_is_no_change() {
    let (bundle, calls, input) = log_group_key(defaults());
    let text = bundle.documents[0].text();
    // What get-key-policy hands back: single values as arrays, the account id as its root ARN.
    let rewritten = text
        .replace("\"kms:*\"", "[\"kms:*\"]")
        .replace("\"Resource\": \"*\"", "\"Resource\": [\"*\"]");
    assert_ne!(rewritten, text);
    let c = compare_document(&bundle, "key-policy.json", &rewritten, None, &calls, &input).expect("exists");
    let compared = c.compared.expect("it parses");
    assert!(compared.equivalent, "{:?}", compared.changes);
    assert!(compared.changes.is_empty());
    assert!(merged(&compared).added.is_empty());
    assert!(compared.access.is_empty());
    assert!(compared.checklist.iter().all(|r| r.pasted.ok && merged_ok(r)));
}

#[test]
fn text_that_is_not_json_is_located_and_nothing_is_compared() {
    let c = compare(
        defaults(),
        "key-policy.json",
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [}\n",
    );
    assert!(c.compared.is_none());
    let error = c
        .findings
        .iter()
        .find(|f| f.code == "JSON001")
        .expect("a syntax finding");
    assert_eq!(error.line, 3);
}

#[test]
fn an_unknown_document_is_none() {
    let (bundle, calls, input) = log_group_key(defaults());
    assert!(compare_document(&bundle, "nope.json", "{}", None, &calls, &input).is_none());
}

#[test]
fn access_names_what_the_merge_gives_that_the_pasted_policy_did_not() {
    let c = compare(defaults(), "key-policy.json", AWS_DEFAULT_KEY_POLICY);
    let access = c.compared.expect("it parses").access;
    assert!(access.iter().all(|a| a.gained), "a merge only adds: {access:?}");
    assert!(
        access
            .iter()
            .any(|a| a.principals.iter().any(|p| p == "logs.us-east-1.amazonaws.com")),
        "{access:?}"
    );
}

#[test]
fn an_existing_key_is_updated_with_the_steps_own_command_reading_the_merged_file() {
    let arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let c = compare(
        json!({"account": "111122223333", "key-arn": arn}),
        "key-policy.json",
        AWS_DEFAULT_KEY_POLICY,
    );
    let command = merged(&c.compared.expect("it parses")).command.clone();
    assert_eq!(
        command.as_deref(),
        Some(&*format!(
            "KEY_ARN={arn}\naws kms put-key-policy --region us-east-1 --key-id \"$KEY_ARN\" --policy-name default --policy file://key-policy.merged.json"
        ))
    );
}

#[test]
fn a_new_key_bundle_still_gets_a_put_command_with_the_key_left_to_set() {
    let c = compare(defaults(), "key-policy.json", AWS_DEFAULT_KEY_POLICY);
    let command = merged(&c.compared.expect("it parses")).command.clone().expect("a command");
    assert!(command.starts_with(": \"${KEY_ARN:?"), "{command}");
    assert!(command.ends_with(
        "aws kms put-key-policy --region us-east-1 --key-id \"$KEY_ARN\" --policy-name default --policy file://key-policy.merged.json"
    ));
    assert!(!command.contains("create-key"));
}

#[test]
fn bucket_and_log_resource_policies_reuse_their_steps() {
    let run = |id: ScenarioId, input: Value, file: &str| {
        let mut full = id.default_input();
        for (k, v) in input.as_object().cloned().unwrap_or_default() {
            full[k] = v;
        }
        let bundle = id.run(&full).bundle.expect("a bundle");
        let document = bundle
            .documents
            .iter()
            .find(|d| d.file_name == file)
            .expect(file)
            .clone();
        apply_command(&bundle, &document, &merged_file_name(file), &full)
    };
    let export = run(ScenarioId::S3Export, json!({}), "bucket-policy.json");
    assert!(
        export.starts_with("aws s3api put-bucket-policy --region ")
            && export.ends_with("--policy file://bucket-policy.merged.json"),
        "{export}"
    );
    let vended = run(
        ScenarioId::VendedLogs,
        json!({"destination": "s3"}),
        "bucket-policy.json",
    );
    assert!(vended.starts_with("aws s3api put-bucket-policy --bucket "), "{vended}");
    assert!(
        vended.ends_with("file://bucket-policy.merged.json") && !vended.contains("jq"),
        "{vended}"
    );
    let logs = run(
        ScenarioId::VendedLogs,
        json!({"destination": "cloudwatch-logs"}),
        "log-group-policy.json",
    );
    assert!(
        logs.starts_with("aws logs put-resource-policy --region ")
            && logs.ends_with("file://log-group-policy.merged.json"),
        "{logs}"
    );
}

#[test]
fn merged_files_are_named_like_the_steps_name_them() {
    assert_eq!(merged_file_name("bucket-policy.json"), "bucket-policy.merged.json");
    assert_eq!(merged_file_name("policy"), "policy.merged");
}

#[test]
fn the_summary_counts_changes_by_impact_or_says_there_are_none() {
    let c = compare(defaults(), "key-policy.json", AWS_DEFAULT_KEY_POLICY);
    let changes = &c.compared.as_ref().expect("parses").changes;
    let broadening = changes.iter().filter(|l| l.impact == Impact::Broadening).count();
    assert!(
        summary(&c).contains(&format!("{broadening} broadening")),
        "{}",
        summary(&c)
    );
    let (bundle, calls, input) = log_group_key(defaults());
    let same =
        compare_document(&bundle, "key-policy.json", &bundle.documents[0].text(), None, &calls, &input).expect("exists");
    assert!(summary(&same).starts_with("No change"), "{}", summary(&same));
    let broken = compare(defaults(), "key-policy.json", "{");
    assert!(
        summary(&broken).ends_with("fix the text to compare it"),
        "{}",
        summary(&broken)
    );
}

#[test]
fn a_pasted_statement_with_a_malformed_condition_is_named_as_not_evaluated() {
    let logs = r#"{"Sid": "Logs", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:*", "Resource": "*", "Condition": "ArnLike"}"#;
    let pasted = AWS_DEFAULT_KEY_POLICY.replace("  } ]", &format!("  }}, {logs} ]"));
    assert_ne!(pasted, AWS_DEFAULT_KEY_POLICY);
    let c = compare(defaults(), "key-policy.json", &pasted);
    let compared = c.compared.expect("it parses");
    let refusal = compared.merged.as_ref().expect_err("not merged");
    assert_eq!(refusal.reason, crate::merge::RefusalReason::NotFullyRead);
    let rows = compared.checklist;
    let encrypt = rows.iter().find(|r| r.action == "kms:GenerateDataKey").expect("a row");
    // Read without its condition the statement would allow; refused, it does not.
    assert!(!encrypt.pasted.ok, "{:?}", encrypt.pasted);
    assert_eq!(
        encrypt.pasted.unevaluable,
        ["key-policy.json statement 2 \"Logs\": Condition is not an object"]
    );
    // Printed from the policy as read, that statement would lose its Condition and grant kms:* to
    // CloudWatch Logs unconditionally: no merge is offered, and so no merged verdict.
    assert_eq!(encrypt.merged, None);
    assert!(encrypt.generated.unevaluable.is_empty());
}

#[test]
fn odd_but_parseable_text_is_compared_without_panicking() {
    let (bundle, calls, input) = log_group_key(defaults());
    let deep = format!("{{\"Statement\": {}{}}}", "[".repeat(40), "]".repeat(40));
    for text in [
        "{}",
        "{\"Statement\": 5}",
        "{\"Statement\": [1, \"x\", null]}",
        "[]",
        "\"policy\"",
        deep.as_str(),
    ] {
        let c = compare_document(&bundle, "key-policy.json", text, None, &calls, &input).expect("exists");
        if let Some(compared) = &c.compared {
            assert!(!compared.equivalent, "{text}");
            assert!(compared.merged.is_err(), "{text}");
            assert!(compared.checklist.iter().all(|r| !r.pasted.ok && r.merged.is_none()), "{text}");
        } else {
            assert!(!c.findings.is_empty(), "{text}");
        }
    }
}

#[test]
fn a_caller_denied_only_for_want_of_its_iam_policy_is_said_to_be_up_to_that_policy() {
    let role = "arn:aws:iam::111122223333:role/orders-app";
    let input = json!({"account": "111122223333", "region": "us-east-1",
        "caller-permission": "key-policy", "callers": [role]});
    let rows = compare(input, "key-policy.json", AWS_DEFAULT_KEY_POLICY)
        .compared
        .expect("it parses")
        .checklist;
    let caller = rows
        .iter()
        .find(|r| r.caller.contains("role/orders-app"))
        .expect("a row for the caller");
    assert!(!caller.pasted.ok);
    let said = caller.pasted.up_to_iam.as_deref().expect("the IAM path is named");
    assert!(said.starts_with(&format!("allowed if {role}'s own IAM policy grants {}", caller.action)), "{said}");
    assert!(said.contains(&format!("key-policy.json statement 1 \"{ROOT_SID}\"")), "{said}");
    // CloudWatch Logs is a service: no IAM policy of its own can help it.
    let service = rows
        .iter()
        .find(|r| r.action == "kms:GenerateDataKey" && r.caller.contains("logs."))
        .expect("CloudWatch Logs encrypts");
    assert_eq!(service.pasted.up_to_iam, None);
    // Where the policy says nothing about the account, no IAM policy can help either.
    let no_root = AWS_DEFAULT_KEY_POLICY.replace("111122223333:root", "444455556666:root");
    let rows = compare(
        json!({"account": "111122223333", "region": "us-east-1", "caller-permission": "key-policy", "callers": [role]}),
        "key-policy.json",
        &no_root,
    )
    .compared
    .expect("it parses")
    .checklist;
    assert!(rows.iter().all(|r| r.pasted.up_to_iam.is_none()), "{rows:#?}");
}

fn s3_export() -> (crate::scenarios::Bundle, Vec<RequiredCall>, Value) {
    let id = ScenarioId::S3Export;
    let input = id.default_input();
    (id.run(&input).bundle.expect("a bundle"), id.required_calls(&input), input)
}

const STACK: &str = include_str!("../../tests/fixtures/import/s3-export-stack.yaml");

#[test]
fn the_get_key_policy_json_answer_is_compared_by_the_policy_inside_and_merged_bare() {
    let deployed = AWS_DEFAULT_KEY_POLICY.replace(
        "  } ]",
        r#"  }, {"Sid": "KeyAdmins", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyAdmin"}, "Action": "kms:*", "Resource": "*"} ]"#,
    );
    let wrapped = format!(
        r#"{{"Policy": {}, "PolicyName": "default"}}"#,
        crate::json::escape_string(&deployed)
    );
    let c = compare(defaults(), "key-policy.json", &wrapped);
    assert_eq!(c.form.as_deref(), Some("AWS CLI output"));
    assert_eq!(c.compared_policy, Some(0));
    assert_eq!(c.existing_text.as_deref(), Some(deployed.as_str()));
    let compared = c.compared.as_ref().expect("the policy inside is compared");
    let merged = compared.merged.as_ref().expect("the policy inside merges");
    assert!(merged.text.contains("KeyAdmins") && merged.text.contains(LOGS_SID), "{}", merged.text);
    assert!(!merged.text.contains("PolicyName"), "the merge is the bare policy: {}", merged.text);
    let put = merged.put_back.as_deref().expect("says what takes it");
    assert!(put.starts_with("aws kms put-key-policy takes this bare policy"), "{put}");
    assert!(summary(&c).contains("your default (aws kms get-key-policy)"), "{}", summary(&c));
}

#[test]
fn a_policy_inside_a_cli_answer_has_its_findings_located_in_the_paste() {
    let broken = AWS_DEFAULT_KEY_POLICY.replace("\"Allow\"", "\"Alow\"");
    let wrapped = format!(r#"{{"Policy": {}, "PolicyName": "default"}}"#, crate::json::escape_string(&broken));
    let c = compare(defaults(), "key-policy.json", &wrapped);
    let effect = c.findings.iter().find(|f| f.code == "IAM005").expect("the Effect typo is found");
    assert_eq!(&wrapped[effect.start..effect.end], "\\\"Alow\\\"", "marked in the paste as pasted");
    // The "Not merged" card lists the same place.
    let refusal = c.compared.as_ref().and_then(|c| c.merged.as_ref().err()).expect("an error is not merged");
    let listed = refusal.findings.iter().find(|f| f.code == "IAM005").expect("listed");
    assert_eq!((listed.line, listed.column, listed.start), (effect.line, effect.column, effect.start));
}

#[test]
fn a_template_pairs_each_generated_document_with_its_policy_by_kind_and_resource() {
    let (bundle, calls, input) = s3_export();
    let c = compare_document(&bundle, "bucket-policy.json", STACK, None, &calls, &input).expect("exists");
    let names: Vec<&str> = c.found.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["AuditBucketPolicy", "ExportBucketPolicy", "ExportKey", "ExporterPolicy"]);
    let pairs: Vec<(&str, Option<&str>)> = c
        .pairs
        .iter()
        .map(|p| (p.file_name.as_str(), p.policy.map(|i| names[i])))
        .collect();
    assert_eq!(
        pairs,
        [
            ("bucket-policy.json", Some("ExportBucketPolicy")),
            ("key-policy.json", Some("ExportKey")),
            ("caller-policy.json", Some("ExporterPolicy")),
        ],
        "the bucket policy on my-exported-logs, not the first bucket policy"
    );
    assert_eq!(c.compared_policy, Some(1));
    for pair in &c.pairs {
        let name = names[pair.policy.expect("paired")];
        assert!(pair.summary.contains(name), "{}: {}", pair.file_name, pair.summary);
    }
    let merged = c.compared.as_ref().map(|c| c.merged.as_ref()).expect("compared").expect("merged");
    let put = merged.put_back.as_deref().expect("says where it goes");
    assert!(put.contains("template") && put.contains("ExportBucketPolicy"), "{put}");
}

#[test]
fn a_picked_policy_is_compared_instead_of_the_paired_one() {
    let (bundle, calls, input) = s3_export();
    let c = compare_document(&bundle, "bucket-policy.json", STACK, Some("AuditBucketPolicy"), &calls, &input)
        .expect("exists");
    assert_eq!(c.compared_policy, Some(0));
    assert!(c.existing_text.as_deref().is_some_and(|t| t.contains("DenyInsecure")));
}

#[test]
fn a_paste_with_no_policy_of_the_document_s_kind_asks_to_pick_one() {
    let answer = r#"{"resourcePolicies": [{"policyName": "a", "policyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":[]}"}, {"policyName": "b", "policyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":[]}"}]}"#;
    let c = compare(defaults(), "key-policy.json", answer);
    assert!(c.compared.is_none());
    assert_eq!(c.found.len(), 2);
    let said = summary(&c);
    assert!(said.contains("holds 2 policies") && said.contains("pick one"), "{said}");
}
