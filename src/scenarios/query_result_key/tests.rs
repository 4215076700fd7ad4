use super::policies::{LOG_GROUPS_SID, QUERY_SID};
use super::*;
use crate::scenarios::{FieldSeverity, TrailEvent};

const KEY: &str = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

fn base() -> QueryResultKeyInput {
    QueryResultKeyInput {
        account: "123456789012".into(),
        region: "eu-west-1".into(),
        ..QueryResultKeyInput::default()
    }
}

/// `(severity, message)` of each problem of `field`.
fn problems(input: &QueryResultKeyInput, field: &str) -> Vec<(FieldSeverity, String)> {
    check_input(input)
        .into_iter()
        .filter(|e| e.field == field)
        .map(|e| (e.severity, e.message))
        .collect()
}

fn script(bundle: &Bundle) -> String {
    bundle
        .steps
        .iter()
        .map(|s| s.command.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_defaults_are_valid_and_make_one_key_policy() {
    assert_eq!(check_input(&QueryResultKeyInput::default()), vec![]);
    let bundle = generate(&QueryResultKeyInput::default());
    let files: Vec<&str> = bundle.documents.iter().map(|d| d.file_name.as_str()).collect();
    assert_eq!(files, ["key-policy.json"]);
}

/// Checks one field's problem against `(value, severity, words in the message)` rows.
fn table(field: &str, set: fn(&mut QueryResultKeyInput, &str), rows: &[(&str, FieldSeverity, &str)]) {
    for &(value, severity, words) in rows {
        let mut input = base();
        set(&mut input, value);
        let found = problems(&input, field);
        assert_eq!(found.len(), 1, "{field} = {value:?}: {found:?}");
        assert_eq!(found[0].0, severity, "{}", found[0].1);
        assert!(found[0].1.contains(words), "{:?} lacks {words:?}", found[0].1);
    }
}

#[test]
fn account_and_region_checks() {
    use FieldSeverity::{Error, Warning};
    table(
        "account",
        |i, v| i.account = v.into(),
        &[("12345", Error, "has 5 digits"), ("", Error, "enter")],
    );
    table(
        "region",
        |i, v| i.region = v.into(),
        &[
            ("", Error, "enter"),
            ("us-gov-west-1", Error, "aws-us-gov partition, not aws"),
            ("eu-west-9", Warning, "check the spelling"),
            ("Ireland", Error, "not a Region of AWS (commercial)"),
        ],
    );
}

#[test]
fn the_key_must_be_a_full_key_arn_in_the_queries_region() {
    use FieldSeverity::Error;
    let other_region = KEY.replace("eu-west-1", "us-east-1");
    let other_account = KEY.replace("123456789012", "999999999999");
    let other_partition = KEY.replace("aws:kms", "aws-cn:kms");
    table(
        "key-arn",
        |i, v| i.key_arn = v.into(),
        &[
            ("1234abcd-12ab-34cd-56ef-1234567890ab", Error, "is a key ID"),
            ("alias/logs", Error, "aws kms describe-key --region eu-west-1 --key-id alias/logs"),
            ("alias/aws/logs", Error, "AWS managed key"),
            ("arn:aws:kms:eu-west-1:123456789012:alias/logs", Error, "aws kms describe-key --region eu-west-1 --key-id alias/logs"),
            (&other_region, Error, "the key is in us-east-1"),
            (&other_account, Error, "belongs to account 999999999999, not 123456789012: its policy can only be changed in account 999999999999, where put-key-policy refuses the policy shown"),
            (&other_partition, Error, "partition aws-cn"),
            ("arn:aws:s3:::bucket", Error, "is a s3 ARN"),
            ("arn:aws:kms:eu-west-1:123456789012:grant/x", Error, "not key/ID"),
            ("arn:aws:kms:eu-west-1", Error, "colon-separated fields"),
        ],
    );
    assert_eq!(
        problems(
            &QueryResultKeyInput {
                key_arn: KEY.into(),
                ..base()
            },
            "key-arn"
        ),
        vec![]
    );
}

#[test]
fn shared_log_groups_follow_the_log_group_key_rules() {
    use FieldSeverity::{Error, Warning};
    let shared = |scope, groups: &str| QueryResultKeyInput {
        share_with_log_groups: true,
        log_group_scope: scope,
        log_groups: groups.split(',').filter(|g| !g.is_empty()).map(String::from).collect(),
        ..base()
    };
    let rows = [
        (shared(Scope::OneGroup, "aws/x"), Error, "must not start with \"aws/\""),
        (shared(Scope::OneGroup, ""), Error, "enter the log group name"),
        (shared(Scope::OneGroup, "a,b"), Error, "several log groups"),
        (shared(Scope::SeveralGroups, "a,a"), Warning, "listed twice"),
    ];
    for (input, severity, words) in rows {
        let found = problems(&input, "log-groups");
        assert_eq!(found.len(), 1, "{input:?}: {found:?}");
        assert_eq!(found[0].0, severity, "{}", found[0].1);
        assert!(found[0].1.contains(words), "{:?} lacks {words:?}", found[0].1);
    }
}

#[test]
fn log_groups_are_only_checked_when_the_key_is_shared() {
    let input = QueryResultKeyInput {
        log_groups: vec!["aws/not-checked".into()],
        ..base()
    };
    assert_eq!(check_input(&input), vec![]);
    let account_wide = QueryResultKeyInput {
        share_with_log_groups: true,
        log_group_scope: Scope::Account,
        log_groups: vec![],
        ..base()
    };
    assert_eq!(check_input(&account_wide), vec![], "the account scope needs no names");
}

#[test]
fn the_query_result_arn_is_single_quoted_against_globbing() {
    let bundle = generate(&base());
    let all = script(&bundle);
    let arn = "'arn:aws:logs:eu-west-1:123456789012:query-result:*'";
    assert!(
        all.contains(&format!("--resource-identifier {arn} \\\n  --kms-key-id \"$KEY_ARN\"")),
        "{all}"
    );
    assert!(all.contains(&format!(
        "# aws logs disassociate-kms-key --region eu-west-1 --resource-identifier {arn}"
    )));
    assert!(!all.contains("query-result:*\""), "never double-quoted or bare: {all}");
}

#[test]
fn a_new_key_is_created_then_associated_then_checked_and_undo_comes_last() {
    let bundle = generate(&base());
    let titles: Vec<&str> = bundle.steps.iter().map(|s| s.title.as_str()).collect();
    let pos = |t: &str| {
        titles
            .iter()
            .position(|x| x.contains(t))
            .unwrap_or_else(|| panic!("{t} in {titles:?}"))
    };
    assert_eq!(pos("Save the documents"), 0);
    assert!(pos("Create the key") < pos("Encrypt the account's query results"));
    assert!(pos("Encrypt the account's query results") < pos("check which key"));
    assert_eq!(pos("only to undo"), titles.len() - 1);
    let create = &bundle.steps[pos("Create the key")];
    // The key an earlier run made under the alias is reused; only without one is a key created.
    assert!(create.command.contains("aws kms describe-key --region eu-west-1 --key-id alias/cloudwatch-logs-query-results/eu-west-1"));
    assert!(create
        .command
        .contains("\nKEY_ARN=$(aws kms create-key --region eu-west-1"));
    assert!(create.command.contains("--policy file://key-policy.json"));
    // Named at once: a key a later failure left without its alias is one a re-run cannot find.
    assert_eq!(
        create.events,
        [TrailEvent::kms("DescribeKey"), TrailEvent::kms("CreateKey"), TrailEvent::kms("CreateAlias")]
    );
}

#[test]
fn an_existing_key_gets_its_policy_backed_up_before_it_is_replaced() {
    let bundle = generate(&QueryResultKeyInput {
        key_arn: KEY.into(),
        ..base()
    });
    let all = script(&bundle);
    assert!(!all.contains("create-key"));
    let backup = all.find("get-key-policy").expect("backup");
    let put = all.find("put-key-policy").expect("put");
    let associate = all.find("associate-kms-key").expect("associate");
    assert!(backup < put && put < associate);
    assert!(all.contains(&format!("KEY_ARN={KEY}")));
    assert!(bundle
        .notes
        .iter()
        .any(|n| n.contains("replaces the key's whole policy")));
}

#[test]
fn the_check_reads_encryption_key_from_get_query_results() {
    let unnamed = generate(&base());
    let check = unnamed
        .steps
        .iter()
        .find(|s| s.command.contains("get-query-results"))
        .expect("check step");
    assert!(check.command.contains("--query encryptionKey"));
    // Asked for before the first call (review F13c), not in the check itself.
    assert!(!check.command.contains("${LOG_GROUP:?"), "{}", check.command);
    let first_call = unnamed.steps.iter().position(|s| s.command.contains("aws ")).expect("a call");
    assert!(
        unnamed.steps[..first_call].iter().any(|s| s.command.contains("${LOG_GROUP:?")),
        "asks for a log group before any call"
    );
    assert_eq!(check.events, [TrailEvent::logs("StartQuery")]);
    let named = generate(&QueryResultKeyInput {
        share_with_log_groups: true,
        log_groups: vec!["#orders".into()],
        ..base()
    });
    assert!(script(&named).contains("LOG_GROUP='#orders'\n"));
}

#[test]
fn every_step_lists_the_events_its_calls_record() {
    let bundle = generate(&QueryResultKeyInput {
        share_with_log_groups: true,
        ..base()
    });
    // The first step only saves files and the last is commented out: neither calls AWS.
    for step in &bundle.steps[1..bundle.steps.len() - 1] {
        assert!(!step.events.is_empty(), "{} lists no events", step.title);
    }
    assert!(bundle.steps.last().is_some_and(|s| s.command.starts_with('#') && s.events.is_empty()));
    let names: Vec<&str> = bundle
        .steps
        .iter()
        .flat_map(|s| s.events.iter().map(|e| e.name))
        .collect();
    assert_eq!(
        names,
        [
            "DescribeKey",
            "CreateKey",
            "CreateAlias",
            "EnableKeyRotation",
            "AssociateKmsKey",
            "AssociateKmsKey",
            "DescribeLogGroups",
            "StartQuery",
        ]
    );
}

#[test]
fn sharing_adds_a_separate_log_group_statement_with_its_own_why() {
    let alone = generate(&base());
    assert_eq!(alone.documents[0].policy.statements.len(), 2);
    let shared = generate(&QueryResultKeyInput {
        share_with_log_groups: true,
        log_group_scope: Scope::SeveralGroups,
        log_groups: vec!["/app/a".into(), " ".into(), "/app/b".into()],
        ..base()
    });
    let doc = &shared.documents[0];
    let statement = doc.policy.statement(LOG_GROUPS_SID).expect("log-group statement");
    let values: Vec<&str> = statement
        .condition_values("ArnEquals", "kms:EncryptionContext:aws:logs:arn")
        .expect("context condition")
        .values()
        .collect();
    assert_eq!(
        values,
        [
            "arn:aws:logs:eu-west-1:123456789012:log-group:/app/a",
            "arn:aws:logs:eu-west-1:123456789012:log-group:/app/b"
        ]
    );
    let query = doc.policy.statement(QUERY_SID).expect("query statement");
    assert!(query
        .condition_values("ArnEquals", "kms:EncryptionContext:aws:logs:arn")
        .is_none());
    assert!(doc.explanations[2].why.contains("separate statement"));
    assert!(shared.notes.iter().any(|n| n.starts_with("Unverified")));
}

#[test]
fn the_why_says_the_documented_us_east_1_was_corrected() {
    let doc = &generate(&base()).documents[0];
    let why = &doc.explanations[1].why;
    assert!(
        why.contains("AWS's example writes us-east-1") && why.contains("both name eu-west-1"),
        "{why}"
    );
    assert!(doc.explanations[1]
        .doc_url
        .ends_with("CloudWatchLogs-Insights-Query-Encrypt.html"));
}

#[test]
fn the_observability_role_adds_the_matching_note() {
    let note = |role| {
        let bundle = generate(&QueryResultKeyInput {
            observability_role: role,
            ..base()
        });
        bundle
            .notes
            .iter()
            .find(|n| n.starts_with("Cross-account observability"))
            .cloned()
    };
    assert_eq!(note(ObservabilityRole::None), None);
    assert!(note(ObservabilityRole::Monitoring).is_some_and(|n| n.contains("under this account's query-result key")));
    assert!(note(ObservabilityRole::Source).is_some_and(|n| n.contains("monitoring account's query-result key")));
}

#[test]
fn a_key_in_another_account_stays_in_its_owners_control() {
    let elsewhere = KEY.replace("123456789012", "999999999999");
    let doc = &generate(&QueryResultKeyInput {
        key_arn: elsewhere,
        ..base()
    })
    .documents[0];
    let text = doc.text();
    assert!(text.contains("arn:aws:iam::999999999999:root"), "{text}");
    assert!(text.contains("\"aws:SourceAccount\": \"123456789012\""), "{text}");
}

#[test]
fn sharing_with_the_account_scope_and_no_log_groups_says_none_is_associated() {
    let bundle = generate(&QueryResultKeyInput {
        share_with_log_groups: true,
        log_group_scope: Scope::Account,
        log_groups: vec![],
        ..base()
    });
    assert!(
        bundle.notes.iter().any(|n| n.starts_with("No log groups are listed, so none is associated here")),
        "{:#?}",
        bundle.notes
    );
    assert!(!bundle.steps.iter().any(|s| s.command.contains("--log-group-name") && s.command.contains("associate-kms-key")));
}
