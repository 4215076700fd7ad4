use super::*;
use crate::scenarios::{FieldError, FieldSeverity};

fn base() -> LogGroupKeyInput {
    LogGroupKeyInput {
        account: "123456789012".into(),
        region: "eu-west-1".into(),
        ..LogGroupKeyInput::default()
    }
}

fn problems(input: &LogGroupKeyInput, field: &str) -> Vec<FieldError> {
    check_input(input).into_iter().filter(|e| e.field == field).collect()
}

fn single(input: &LogGroupKeyInput, field: &str) -> (FieldSeverity, String) {
    let found = problems(input, field);
    assert_eq!(found.len(), 1, "expected one problem with {field}, got {found:?}");
    (found[0].severity, found[0].message.clone())
}

#[test]
fn the_defaults_are_valid_and_make_a_key_policy() {
    assert_eq!(check_input(&LogGroupKeyInput::default()), vec![]);
    let bundle = generate(&LogGroupKeyInput::default());
    assert_eq!(
        bundle
            .documents
            .iter()
            .map(|d| d.file_name.as_str())
            .collect::<Vec<_>>(),
        ["key-policy.json"]
    );
}

#[test]
fn account_ids_must_be_twelve_digits() {
    let (sev, msg) = single(
        &LogGroupKeyInput {
            account: "12345".into(),
            ..base()
        },
        "account",
    );
    assert_eq!(
        (sev, msg.as_str()),
        (
            FieldSeverity::Error,
            "\"12345\" has 5 digits; an account ID is exactly 12 digits"
        )
    );
    let (_, msg) = single(
        &LogGroupKeyInput {
            account: "12345678901x".into(),
            ..base()
        },
        "account",
    );
    assert!(msg.contains("characters other than digits"), "{msg}");
    assert!(single(
        &LogGroupKeyInput {
            account: "".into(),
            ..base()
        },
        "account"
    )
    .1
    .contains("enter"));
}

#[test]
fn regions_must_exist_in_the_partition() {
    let (sev, msg) = single(
        &LogGroupKeyInput {
            region: "us-gov-west-1".into(),
            ..base()
        },
        "region",
    );
    assert_eq!(sev, FieldSeverity::Error);
    assert!(msg.contains("aws-us-gov partition, not aws"), "{msg}");
    let (sev, _) = single(
        &LogGroupKeyInput {
            region: "eu-west-9".into(),
            ..base()
        },
        "region",
    );
    assert_eq!(sev, FieldSeverity::Warning, "plausible but unknown Regions only warn");
    let (sev, msg) = single(
        &LogGroupKeyInput {
            region: "Ireland".into(),
            ..base()
        },
        "region",
    );
    assert_eq!(sev, FieldSeverity::Error);
    assert!(msg.contains("such as af-south-1"), "{msg}");
    let cn = LogGroupKeyInput {
        partition: crate::catalog::Partition::AwsCn,
        region: "cn-north-1".into(),
        ..base()
    };
    assert!(problems(&cn, "region").is_empty());
}

#[test]
fn the_key_must_be_a_full_key_arn_of_a_customer_managed_key() {
    let key = |k: &str| {
        single(
            &LogGroupKeyInput {
                key_arn: k.into(),
                ..base()
            },
            "key-arn",
        )
    };
    let cases = [
        (
            "1234abcd-12ab-34cd-56ef-1234567890ab",
            FieldSeverity::Error,
            "is a key ID",
        ),
        (
            "mrk-1234567890abcdef1234567890abcdef",
            FieldSeverity::Error,
            "is a key ID",
        ),
        ("alias/logs", FieldSeverity::Error, "aws kms describe-key --region eu-west-1 --key-id alias/logs"),
        ("alias/aws/logs", FieldSeverity::Error, "AWS managed key"),
        (
            "arn:aws:kms:eu-west-1:123456789012:alias/aws/s3",
            FieldSeverity::Error,
            "AWS managed key",
        ),
        (
            "arn:aws:kms:eu-west-1:123456789012:alias/logs",
            FieldSeverity::Error,
            "aws kms describe-key --region eu-west-1 --key-id alias/logs",
        ),
        (
            "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            FieldSeverity::Error,
            "key is in us-east-1 but the form's Region is eu-west-1",
        ),
        (
            "arn:aws:kms:eu-west-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            FieldSeverity::Error,
            "belongs to account 999999999999, not 123456789012: its policy can only be changed in account 999999999999, where put-key-policy refuses the policy shown",
        ),
        ("arn:aws:s3:::bucket", FieldSeverity::Error, "is a s3 ARN"),
        (
            "arn:aws:kms:eu-west-1",
            FieldSeverity::Error,
            "has 4 colon-separated fields",
        ),
    ];
    for (value, severity, words) in cases {
        let (sev, msg) = key(value);
        assert_eq!(sev, severity, "{value}: {msg}");
        assert!(msg.contains(words), "{value}: {msg}");
    }
    let spaced = LogGroupKeyInput {
        key_arn: "arn:aws:kms:eu-west-1:123456789012:key/1234 abcd".into(),
        ..base()
    };
    assert!(single(&spaced, "key-arn").1.contains("contains a space"));
    let ok = LogGroupKeyInput {
        key_arn: "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab".into(),
        ..base()
    };
    assert!(problems(&ok, "key-arn").is_empty());
}

#[test]
fn log_group_names_follow_create_log_group_rules() {
    let names = |list: &[&str], scope| {
        problems(
            &LogGroupKeyInput {
                log_groups: list.iter().map(|s| s.to_string()).collect(),
                scope,
                ..base()
            },
            "log-groups",
        )
    };
    assert!(names(&["/aws/lambda/x", "a.b-c_d#e"], Scope::SeveralGroups).is_empty());
    assert!(names(&["aws/lambda/x"], Scope::OneGroup)[0]
        .message
        .contains("must not start with \"aws/\""));
    assert!(names(&["app orders"], Scope::OneGroup)[0]
        .message
        .contains("\" \" is not allowed"));
    assert!(names(
        &["arn:aws:logs:eu-west-1:123456789012:log-group:app:*"],
        Scope::OneGroup
    )[0]
    .message
    .contains("ARN"));
    assert!(names(&[&"a".repeat(513)], Scope::OneGroup)[0]
        .message
        .contains("at most 512"));
    assert!(names(&["a", "b"], Scope::OneGroup)[0]
        .message
        .contains("choose \"several log groups\""));
    assert!(names(&[], Scope::OneGroup)[0].message.contains("enter"));
    assert!(names(&[], Scope::Account).is_empty(), "account scope needs no names");
    let twice = names(&["a", "a"], Scope::SeveralGroups);
    assert_eq!((twice.len(), twice[0].severity), (1, FieldSeverity::Warning));
}

#[test]
fn callers_must_be_role_or_user_arns() {
    let callers = |list: &[&str]| {
        problems(
            &LogGroupKeyInput {
                callers: list.iter().map(|s| s.to_string()).collect(),
                caller_permission: CallerPermission::KeyPolicy,
                ..base()
            },
            "callers",
        )
    };
    assert!(callers(&[
        "arn:aws:iam::123456789012:role/app",
        "arn:aws:iam::123456789012:user/ops"
    ])
    .is_empty());
    let session = callers(&["arn:aws:sts::123456789012:assumed-role/app/session-1"]);
    assert!(
        session[0]
            .message
            .contains("name the role: arn:aws:iam::123456789012:role/app"),
        "{}",
        session[0].message
    );
    assert!(callers(&["arn:aws:iam::123456789012:group/devs"])[0]
        .message
        .contains("not an IAM role or user ARN"));
    assert!(callers(&["arn:aws:iam::1234:role/app"])[0]
        .message
        .contains("not 12 digits"));
    assert!(callers(&[])[0].message.contains("at least one role ARN"));
    let ignored = LogGroupKeyInput {
        callers: vec!["arn:aws:iam::123456789012:role/app".into()],
        ..base()
    };
    assert_eq!(single(&ignored, "callers").0, FieldSeverity::Warning);
}

#[test]
fn rotation_needs_a_different_key_and_existing_log_groups() {
    let same = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let input = LogGroupKeyInput {
        key_arn: same.into(),
        rotate_from: same.into(),
        ..base()
    };
    let msgs: Vec<String> = problems(&input, "rotate-from").into_iter().map(|e| e.message).collect();
    assert!(msgs.iter().any(|m| m.contains("same as the new key")), "{msgs:?}");
    assert!(
        msgs.iter()
            .any(|m| m.contains("rotation applies to existing log groups")),
        "{msgs:?}"
    );
}

#[test]
fn a_new_key_is_created_with_its_policy_and_used_by_the_new_log_group() {
    let bundle = generate(&LogGroupKeyInput {
        log_groups: vec!["#orders".into()],
        ..base()
    });
    let script: Vec<&str> = bundle.steps.iter().map(|s| s.command.as_str()).collect();
    let create = script
        .iter()
        .position(|c| c.contains("aws kms create-key"))
        .expect("create-key step");
    assert!(
        script[create].contains("--policy file://key-policy.json") && script[create].contains("--region eu-west-1")
    );
    assert!(script[create].contains("\nKEY_ARN=$(aws kms create-key"));
    let make_group = script
        .iter()
        .position(|c| c.contains("aws logs create-log-group"))
        .expect("create-log-group step");
    assert!(make_group > create);
    assert!(
        script[make_group].contains("--log-group-name '#orders' --kms-key-id \"$KEY_ARN\""),
        "{}",
        script[make_group]
    );
    assert!(
        script.last().unwrap().starts_with("# aws logs disassociate-kms-key"),
        "undo step is commented out"
    );
}

#[test]
fn an_existing_key_gets_its_policy_backed_up_and_replaced() {
    let key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let bundle = generate(&LogGroupKeyInput {
        key_arn: key.into(),
        log_group_state: LogGroupState::Existing,
        ..base()
    });
    let all: String = bundle
        .steps
        .iter()
        .map(|s| s.command.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!all.contains("create-key"));
    let backup = all.find("get-key-policy").expect("backup");
    let put = all.find("put-key-policy").expect("put");
    let associate = all
        .find("associate-kms-key --region eu-west-1 --log-group-name my-log-group")
        .expect("associate");
    assert!(backup < put && put < associate);
    assert!(all.contains(&format!("KEY_ARN={key}")));
}

#[test]
fn an_iam_caller_policy_for_a_new_key_gets_the_created_key_arn() {
    let bundle = generate(&LogGroupKeyInput {
        caller_permission: CallerPermission::IamPolicy,
        callers: vec!["arn:aws:iam::123456789012:role/team/writer".into()],
        ..base()
    });
    let step = bundle
        .steps
        .iter()
        .find(|s| s.command.contains("put-role-policy"))
        .expect("IAM step");
    assert!(
        step.command
            .contains("sed 's|arn:aws:kms:eu-west-1:123456789012:key/NEW-KEY-ID|'\"$KEY_ARN\"'|' caller-policy.json > caller-policy.resolved.json"),
        "{}",
        step.command
    );
    assert!(step.command.contains("--role-name writer "), "{}", step.command);
    let doc = bundle
        .documents
        .iter()
        .find(|d| d.file_name == "caller-policy.json")
        .unwrap();
    assert!(doc.text().contains("key/NEW-KEY-ID"));
}

#[test]
fn rotation_steps_associate_the_new_key_before_reducing_the_old_one() {
    let bundle = generate(&LogGroupKeyInput {
        log_group_state: LogGroupState::Existing,
        rotate_from: "arn:aws:kms:eu-west-1:123456789012:key/0000abcd-12ab-34cd-56ef-1234567890ab".into(),
        ..base()
    });
    let titles: Vec<&str> = bundle.steps.iter().map(|s| s.title.as_str()).collect();
    let pos = |t: &str| {
        titles
            .iter()
            .position(|x| x.contains(t))
            .unwrap_or_else(|| panic!("{t} in {titles:?}"))
    };
    assert!(pos("Note the key") < pos("Create the key"));
    assert!(pos("Associate the key") < pos("reduce it to decrypt-only"));
    assert!(bundle.notes.iter().any(|n| n.contains("replaces its whole policy")));
}

#[test]
fn rotation_waits_for_the_new_key_to_take_effect_before_reducing_the_old_one() {
    let bundle = generate(&LogGroupKeyInput {
        log_group_state: LogGroupState::Existing,
        log_groups: vec!["/app/orders".into(), "/app/billing".into()],
        scope: Scope::SeveralGroups,
        rotate_from: "arn:aws:kms:eu-west-1:123456789012:key/0000abcd-12ab-34cd-56ef-1234567890ab".into(),
        ..base()
    });
    let commands: Vec<&str> = bundle.steps.iter().map(|s| s.command.as_str()).collect();
    let at = |text: &str| {
        commands
            .iter()
            .position(|c| c.contains(text))
            .unwrap_or_else(|| panic!("{text} in {commands:#?}"))
    };
    let associate = at("aws logs associate-kms-key");
    let wait = at("wait_for_new_key()");
    let reduce = at("--policy file://old-key-policy.merged.json");
    assert!(associate < wait && wait < reduce, "{commands:#?}");
    let wait = commands[wait];
    // Polls each group's kmsKeyId until it is the new key, sleeping between tries, and gives up
    // (failing, so a script stops before the old key changes) after a bounded number of tries.
    assert!(
        wait.contains("aws logs describe-log-groups --region eu-west-1 --log-group-name-prefix \"$1\" --query \"logGroups[?logGroupName=='$1'].kmsKeyId\" --output text"),
        "{wait}"
    );
    assert!(wait.contains("if [ \"$current\" = \"$KEY_ARN\" ]") && wait.contains("sleep 10"), "{wait}");
    assert!(wait.contains("return 1"), "{wait}");
    assert!(wait.contains("wait_for_new_key /app/orders\nwait_for_new_key /app/billing"), "{wait}");
    // Then out the rest of the five minutes AWS allows an association to take effect.
    assert!(commands[associate].contains("ASSOCIATED_AT=$(date +%s)"), "{}", commands[associate]);
    assert!(wait.contains("${ASSOCIATED_AT:-0} + 300"), "{wait}");
}

#[test]
fn the_account_scope_without_log_groups_says_nothing_is_associated() {
    let bare = generate(&LogGroupKeyInput {
        scope: Scope::Account,
        log_groups: vec![],
        ..base()
    });
    let note = bare
        .notes
        .iter()
        .find(|n| n.contains("No log groups are listed"))
        .unwrap_or_else(|| panic!("{:#?}", bare.notes));
    assert!(note.contains("associate-kms-key --region eu-west-1 --log-group-name"), "{note}");
    assert!(!bare.steps.iter().any(|s| s.command.contains("associate-kms-key --region")));
    let listed = generate(&LogGroupKeyInput {
        scope: Scope::Account,
        ..base()
    });
    assert!(!listed.notes.iter().any(|n| n.contains("No log groups are listed")));
}

#[test]
fn read_only_callers_get_decrypt_alone_in_the_key_policy_and_in_their_iam_policy() {
    let actions = |permission: CallerPermission, access: CallerAccess, file: &str| -> Vec<String> {
        let bundle = generate(&LogGroupKeyInput {
            log_groups: vec!["/app/orders".into()],
            callers: vec!["arn:aws:iam::123456789012:role/reader".into()],
            caller_permission: permission,
            caller_access: access,
            ..base()
        });
        let doc = bundle.document(file).unwrap_or_else(|| panic!("no {file}"));
        let statement = doc
            .policy
            .statements
            .iter()
            .find(|s| s.sid.as_ref().is_some_and(|sid| sid.value == policies::CALLERS_SID || sid.value == policies::IAM_SID))
            .expect("the callers' statement");
        statement.action.as_ref().expect("actions").items.iter().map(|a| a.value.clone()).collect()
    };
    for (permission, file) in [(CallerPermission::KeyPolicy, "key-policy.json"), (CallerPermission::IamPolicy, "caller-policy.json")] {
        assert_eq!(actions(permission, CallerAccess::ReadOnly, file), ["kms:Decrypt"], "{file}");
        let all = actions(permission, CallerAccess::ReadWrite, file);
        assert_eq!(all, ["kms:Encrypt", "kms:ReEncrypt*", "kms:Decrypt", "kms:GenerateDataKey*", "kms:Describe*"], "{file}");
    }
}

#[test]
fn the_caller_access_hint_names_the_default_choice() {
    let field = fields::FIELDS.iter().find(|f| f.name == "caller-access").expect("the field");
    let default = serde_json::to_value(LogGroupKeyInput::default().caller_access).expect("serializes");
    let crate::scenarios::Control::Choice { options } = field.control else { panic!("a choice") };
    let (_, label) = options.iter().find(|(v, _)| *v == default).expect("the default is an option");
    let words = label.split(" (").next().expect("a label");
    assert!(field.hint.contains(&format!("{words}, the default")), "{:?} vs {label}", field.hint);
}

/// The operator note is read from the steps: an IAM caller policy needs iam:PutRolePolicy or
/// iam:PutUserPolicy, an existing key kms:GetKeyPolicy and kms:PutKeyPolicy (review F11).
#[test]
fn the_operator_note_names_every_call_the_steps_make() {
    let note = |input: &LogGroupKeyInput| {
        generate(input).notes.into_iter().find(|n| n.starts_with("Whoever runs the steps")).expect("an operator note")
    };
    let iam = note(&LogGroupKeyInput {
        caller_permission: CallerPermission::IamPolicy,
        callers: vec!["arn:aws:iam::123456789012:role/app".into(), "arn:aws:iam::123456789012:user/ops".into()],
        ..base()
    });
    for action in ["kms:CreateKey", "kms:EnableKeyRotation", "kms:CreateAlias", "iam:PutRolePolicy", "iam:PutUserPolicy", "logs:CreateLogGroup"] {
        assert!(iam.contains(action), "{action}: {iam}");
    }
    let existing = note(&LogGroupKeyInput {
        key_arn: "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab".into(),
        log_group_state: LogGroupState::Existing,
        ..base()
    });
    for action in ["kms:GetKeyPolicy", "kms:PutKeyPolicy", "logs:AssociateKmsKey"] {
        assert!(existing.contains(action), "{action}: {existing}");
    }
    assert!(!existing.contains("kms:CreateKey"), "{existing}");
}
