use super::*;
use crate::scenarios::FieldSeverity::{self, Error, Warning};

const KEY: &str = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

fn base() -> S3ExportInput {
    S3ExportInput {
        region: "eu-west-1".into(),
        ..S3ExportInput::default()
    }
}

fn cross() -> S3ExportInput {
    S3ExportInput {
        account: "111122223333".into(),
        bucket_account: "123456789012".into(),
        callers: vec!["arn:aws:iam::111122223333:role/log-exporter".into()],
        ..base()
    }
}

fn problems(input: &S3ExportInput, field: &str) -> Vec<(FieldSeverity, String)> {
    check_input(input)
        .into_iter()
        .filter(|e| e.field == field)
        .map(|e| (e.severity, e.message))
        .collect()
}

#[test]
fn the_defaults_are_valid_and_make_bucket_key_and_caller_documents() {
    assert_eq!(check_input(&S3ExportInput::default()), vec![]);
    let bundle = generate(&S3ExportInput::default());
    let files: Vec<&str> = bundle.documents.iter().map(|d| d.file_name.as_str()).collect();
    assert_eq!(files, [BUCKET_POLICY_FILE, KEY_POLICY_FILE, CALLER_POLICY_FILE]);
    assert_eq!(bundle.files[0].file_name, ENCRYPTION_FILE);
}

/// Each row changes one thing about a valid input and names the field, severity and words of
/// the one problem it must cause.
#[test]
fn field_checks_table() {
    type Edit = fn(&mut S3ExportInput);
    let table: &[(&str, Edit, &str, FieldSeverity, &str)] = &[
        (
            "refuses DSSE-KMS",
            |i| i.encryption = Encryption::DsseKms,
            "encryption",
            Error,
            "DSSE-KMS",
        ),
        (
            "refuses aws/s3 by alias name",
            |i| i.key_arn = "alias/aws/s3".into(),
            "key-arn",
            Error,
            "AWS managed key",
        ),
        (
            "refuses aws/s3 by alias ARN",
            |i| i.key_arn = "arn:aws:kms:eu-west-1:123456789012:alias/aws/s3".into(),
            "key-arn",
            Error,
            "AWS managed key",
        ),
        (
            "refuses any alias/aws/*",
            |i| i.key_arn = "alias/aws/logs".into(),
            "key-arn",
            Error,
            "AWS managed key",
        ),
        (
            "refuses a customer alias",
            |i| i.key_arn = "arn:aws:kms:eu-west-1:123456789012:alias/exports".into(),
            "key-arn",
            Error,
            "put-key-policy needs the key ARN",
        ),
        (
            "refuses a bare key ID",
            |i| i.key_arn = "1234abcd-12ab-34cd-56ef-1234567890ab".into(),
            "key-arn",
            Error,
            "not a key ARN",
        ),
        (
            "refuses a key in another Region",
            |i| i.key_arn = KEY.replace("eu-west-1", "us-east-1"),
            "key-arn",
            Error,
            "key is in us-east-1",
        ),
        (
            "refuses a non-KMS ARN",
            |i| i.key_arn = "arn:aws:s3:::bucket".into(),
            "key-arn",
            Error,
            "not a KMS key ARN",
        ),
        (
            "warns about a key of another account",
            |i| i.key_arn = KEY.replace("123456789012", "999999999999"),
            "key-arn",
            Warning,
            "belongs to account 999999999999",
        ),
        (
            "warns that SSE-S3 ignores the key",
            |i| {
                i.encryption = Encryption::SseS3;
                i.key_arn = KEY.into();
            },
            "key-arn",
            Warning,
            "left out",
        ),
        (
            "refuses a bucket in another Region",
            |i| i.bucket_region = "us-east-1".into(),
            "bucket-region",
            Error,
            "cannot export across Regions",
        ),
        (
            "refuses a reserved bucket name",
            |i| i.bucket = "amzn-s3-demo-bucket".into(),
            "bucket",
            Error,
            "amzn-s3-demo-",
        ),
        (
            "refuses an uppercase bucket name",
            |i| i.bucket = "Exports".into(),
            "bucket",
            Error,
            "uppercase",
        ),
        (
            "refuses a bucket ARN",
            |i| i.bucket = "arn:aws:s3:::exports".into(),
            "bucket",
            Error,
            "bucket name only",
        ),
        (
            "refuses an empty bucket",
            |i| i.bucket = "".into(),
            "bucket",
            Error,
            "enter the bucket name",
        ),
        (
            "refuses a short account",
            |i| i.account = "12345".into(),
            "account",
            Error,
            "has 5 digits",
        ),
        (
            "refuses a bad bucket account",
            |i| {
                i.bucket_account = "acct".into();
                i.callers = vec!["arn:aws:iam::123456789012:role/exporter".into()];
            },
            "bucket-account",
            Error,
            "other than digits",
        ),
        (
            "refuses a Region of another partition",
            |i| i.region = "cn-north-1".into(),
            "region",
            Error,
            "aws-cn partition",
        ),
        (
            "warns about an unknown Region",
            |i| i.region = "eu-west-9".into(),
            "region",
            Warning,
            "check the spelling",
        ),
        (
            "needs a log group",
            |i| i.log_groups = vec![],
            "log-groups",
            Error,
            "enter the name",
        ),
        (
            "refuses a bad log group name",
            |i| i.log_groups = vec!["aws/x".into()],
            "log-groups",
            Error,
            "\"aws/\"",
        ),
        (
            "warns about a repeated log group",
            |i| i.log_groups = vec!["a".into(), "a".into()],
            "log-groups",
            Warning,
            "twice",
        ),
        (
            "refuses a malformed date",
            |i| i.from = "09/05/2015".into(),
            "from",
            Error,
            "YYYY-MM-DD",
        ),
        (
            "refuses a missing date",
            |i| i.to = "".into(),
            "to",
            Error,
            "enter a date",
        ),
        (
            "refuses a day that does not exist",
            |i| i.to = "2023-02-29".into(),
            "to",
            Error,
            "has 28 days",
        ),
        (
            "refuses a date before 1970",
            |i| i.from = "1969-12-31".into(),
            "from",
            Error,
            "1970-01-01",
        ),
        (
            "refuses a range that ends before it starts",
            |i| {
                i.from = "2024-03-02".into();
                i.to = "2024-03-01".into();
            },
            "to",
            Error,
            "end before it starts",
        ),
        (
            "refuses a wildcard in the prefix",
            |i| i.prefix = "logs/*".into(),
            "prefix",
            Error,
            "wildcard",
        ),
        (
            "refuses a policy variable in the prefix",
            |i| i.prefix = "${aws:username}".into(),
            "prefix",
            Error,
            "policy variable",
        ),
        (
            "warns that slashes are dropped",
            |i| i.prefix = "/exports/".into(),
            "prefix",
            Warning,
            "exports go under \"exports/\"",
        ),
        (
            "refuses a bad other account",
            |i| i.other_accounts = vec!["1".into()],
            "other-accounts",
            Error,
            "12-digit",
        ),
        (
            "warns about an account listed twice",
            |i| i.other_accounts = vec!["123456789012".into()],
            "other-accounts",
            Warning,
            "already a source account",
        ),
        (
            "refuses a role session",
            |i| i.callers = vec!["arn:aws:sts::123456789012:assumed-role/exporter/s1".into()],
            "callers",
            Error,
            "name the role: arn:aws:iam::123456789012:role/exporter",
        ),
        (
            "refuses a caller of another account",
            |i| i.callers = vec!["arn:aws:iam::999999999999:role/exporter".into()],
            "callers",
            Error,
            "runs in the log groups' account",
        ),
        (
            "refuses a group ARN",
            |i| i.callers = vec!["arn:aws:iam::123456789012:group/ops".into()],
            "callers",
            Error,
            "not an IAM role or user",
        ),
        (
            "needs an exporting role across accounts",
            |i| {
                i.bucket_account = "999999999999".into();
                i.callers = vec![];
            },
            "callers",
            Error,
            "another account",
        ),
    ];
    for (name, edit, field, severity, words) in table {
        let mut input = base();
        edit(&mut input);
        let found = problems(&input, field);
        assert_eq!(
            found.len(),
            1,
            "{name}: expected one problem with {field}, got {:?}",
            check_input(&input)
        );
        assert_eq!(found[0].0, *severity, "{name}: {}", found[0].1);
        assert!(found[0].1.contains(words), "{name}: {:?}", found[0].1);
        let others: Vec<_> = check_input(&input).into_iter().filter(|e| e.field != *field).collect();
        assert_eq!(others, vec![], "{name}: only {field} should be flagged");
    }
}

#[test]
fn valid_variants_raise_nothing() {
    let variants = [
        S3ExportInput {
            key_arn: KEY.into(),
            ..base()
        },
        S3ExportInput {
            encryption: Encryption::SseS3,
            ..base()
        },
        S3ExportInput {
            bucket_region: "eu-west-1".into(),
            prefix: "exports/2024".into(),
            ..base()
        },
        S3ExportInput {
            from: "2024-02-29".into(),
            to: "2024-02-29".into(),
            ..base()
        },
        cross(),
        S3ExportInput {
            acls_enabled: true,
            source_scope: SourceScope::LogGroups,
            ..cross()
        },
    ];
    for input in variants {
        assert_eq!(check_input(&input), vec![], "{input:?}");
    }
}

#[test]
fn the_export_window_is_whole_utc_days() {
    let input = S3ExportInput {
        from: "2024-02-28".into(),
        to: "2024-02-29".into(),
        ..base()
    };
    let spec = super::parse(&input).0;
    assert_eq!(spec.from_millis(), Some(1_709_078_400_000));
    assert_eq!(spec.to_millis(), Some(1_709_251_199_999));
    let step = generate(&input)
        .steps
        .into_iter()
        .find(|s| s.title.starts_with("Export"))
        .expect("export step");
    assert!(
        step.command.contains("--from 1709078400000 --to 1709251199999"),
        "{}",
        step.command
    );
}

fn commands(input: &S3ExportInput) -> Vec<(String, String)> {
    generate(input)
        .steps
        .into_iter()
        .map(|s| (s.title, s.command))
        .collect()
}

fn position(steps: &[(String, String)], words: &str) -> usize {
    steps
        .iter()
        .position(|(_, c)| c.contains(words))
        .unwrap_or_else(|| panic!("no step with {words}: {steps:#?}"))
}

#[test]
fn steps_create_the_key_before_the_bucket_uses_it_and_export_last() {
    let steps = commands(&base());
    let key = position(&steps, "aws kms create-key");
    let bucket = position(&steps, "aws s3api create-bucket");
    let policy = position(&steps, "put-bucket-policy");
    let encryption = position(&steps, "put-bucket-encryption");
    let export = position(&steps, "create-export-task");
    assert!(key < bucket && bucket < policy && policy < encryption && encryption < export);
    assert!(steps[key].1.contains("\nKEY_ARN=$(aws kms create-key"));
    assert!(steps[bucket]
        .1
        .contains("--create-bucket-configuration LocationConstraint=eu-west-1 --object-ownership BucketOwnerEnforced"));
    assert!(
        steps[encryption].1.starts_with(
            "sed 's|arn:aws:kms:eu-west-1:123456789012:key/NEW-KEY-ID|'\"$KEY_ARN\"'|' bucket-encryption.json > bucket-encryption.resolved.json\n"
        ),
        "{}",
        steps[encryption].1
    );
    assert!(steps[encryption].1.ends_with("file://bucket-encryption.resolved.json"));
}

#[test]
fn us_east_1_buckets_have_no_location_constraint() {
    let steps = commands(&S3ExportInput::default());
    let create = &steps[position(&steps, "create-bucket")].1;
    assert!(!create.contains("LocationConstraint"), "{create}");
}

#[test]
fn values_are_quoted_for_the_shell() {
    let steps = commands(&S3ExportInput {
        log_groups: vec!["#orders".into()],
        prefix: "team a/exports".into(),
        ..base()
    });
    let export = &steps[position(&steps, "create-export-task")].1;
    assert!(export.contains("--log-group-name '#orders'"), "{export}");
    assert!(
        export.contains("--task-name '#orders-2015-09-05-2015-09-05'"),
        "{export}"
    );
    assert!(export.contains("--destination-prefix 'team a/exports'"), "{export}");
    assert!(export.contains("--destination my-exported-logs"), "{export}");
}

#[test]
fn each_log_group_is_exported_after_the_previous_task_ends() {
    let steps = commands(&S3ExportInput {
        log_groups: vec!["a".into(), "b".into()],
        ..base()
    });
    let export = &steps[position(&steps, "create-export-task")].1;
    let first = export.find("--log-group-name a").expect("a");
    let wait = export[first..].find("wait_for_export \"$TASK_ID\"").expect("wait") + first;
    let second = export.find("--log-group-name b").expect("b");
    assert!(first < wait && wait < second, "{export}");
    assert!(export.starts_with("wait_for_export() {"));
}

#[test]
fn an_existing_bucket_and_key_are_checked_and_backed_up_first() {
    let steps = commands(&S3ExportInput {
        bucket_state: BucketState::Existing,
        key_arn: KEY.into(),
        ..base()
    });
    assert!(!steps
        .iter()
        .any(|(_, c)| c.contains("create-key") || c.contains("create-bucket")));
    let key_backup = position(&steps, "get-key-policy");
    let key_put = position(&steps, "put-key-policy");
    let bucket_backup = position(&steps, "get-bucket-policy");
    let bucket_put = position(&steps, "put-bucket-policy");
    assert!(key_backup < key_put && bucket_backup < bucket_put);
    assert!(steps[bucket_backup].1.contains("get-bucket-location"));
    let encryption = &steps[position(&steps, "put-bucket-encryption")].1;
    assert!(
        !encryption.contains("sed"),
        "an existing key's ARN is already in the file"
    );
}

#[test]
fn cross_account_steps_say_which_account_runs_them() {
    let steps = commands(&cross());
    let policy = position(&steps, "put-bucket-policy");
    assert!(
        steps[policy].0.ends_with("(bucket account 123456789012)"),
        "{}",
        steps[policy].0
    );
    let caller = position(&steps, "put-role-policy");
    assert!(steps[caller].0.ends_with("(log group account 111122223333)"));
    assert!(steps[caller]
        .1
        .contains("sed 's|arn:aws:kms:eu-west-1:123456789012:key/NEW-KEY-ID|'"));
    assert!(steps[caller]
        .1
        .contains("--role-name log-exporter --policy-name cloudwatch-logs-export"));
    assert!(steps[caller]
        .1
        .contains("--policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    assert!(caller < position(&steps, "create-export-task"));
}

#[test]
fn every_step_records_its_cloudtrail_events() {
    use crate::scenarios::TrailEvent;
    let bundle = generate(&S3ExportInput {
        callers: vec!["arn:aws:iam::123456789012:user/ops".into()],
        ..base()
    });
    let events: Vec<TrailEvent> = bundle.steps.iter().flat_map(|s| s.events.clone()).collect();
    for expected in [
        TrailEvent::kms("CreateKey"),
        TrailEvent::s3("CreateBucket"),
        TrailEvent::s3("PutBucketPolicy"),
        TrailEvent::s3("PutBucketEncryption"),
        TrailEvent::iam("PutUserPolicy"),
        TrailEvent::iam("AttachUserPolicy"),
        TrailEvent::logs("CreateExportTask"),
        TrailEvent::logs("DescribeExportTasks"),
    ] {
        assert!(events.contains(&expected), "{expected:?} in {events:?}");
    }
    // Saving the files and checking the exporter's profile is set make no call.
    assert!(
        bundle.steps.iter().skip(1).filter(|s| !s.title.starts_with("Check that a profile")).all(|s| !s.events.is_empty()),
        "only saving files and the profile check record nothing"
    );
}

#[test]
fn sse_s3_needs_no_key() {
    let bundle = generate(&S3ExportInput {
        encryption: Encryption::SseS3,
        ..base()
    });
    assert!(bundle.documents.iter().all(|d| d.file_name != KEY_POLICY_FILE));
    assert!(bundle.files[0].content.contains("\"AES256\""));
    assert!(!bundle.steps.iter().any(|s| s.command.contains("kms")));
}

#[test]
fn acls_enabled_adds_put_object_acl_only_for_cross_account_callers() {
    let same = generate(&S3ExportInput {
        acls_enabled: true,
        ..base()
    });
    assert!(same.documents.iter().all(|d| !d.text().contains("s3:PutObjectAcl")));
    let other = generate(&S3ExportInput {
        acls_enabled: true,
        ..cross()
    });
    for file in [BUCKET_POLICY_FILE, CALLER_POLICY_FILE] {
        let doc = other.documents.iter().find(|d| d.file_name == file).expect("document");
        assert!(doc.text().contains("s3:PutObjectAcl"), "{file}");
    }
}

#[test]
fn too_many_log_groups_overflow_the_policy_size_limits() {
    let many: Vec<String> = (0..150).map(|i| format!("/aws/lambda/service-number-{i:03}")).collect();
    let input = S3ExportInput {
        log_groups: many.clone(),
        ..base()
    };
    let found = problems(&input, "log-groups");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.contains("caller policy would be"), "{}", found[0].1);
    let narrow = S3ExportInput {
        log_groups: many,
        source_scope: SourceScope::LogGroups,
        ..base()
    };
    let found = problems(&narrow, "log-groups");
    assert!(found.iter().any(|(_, m)| m.contains("over S3's 20480")), "{found:?}");
    let fine = S3ExportInput {
        log_groups: (0..20).map(|i| format!("g{i}")).collect(),
        source_scope: SourceScope::LogGroups,
        ..base()
    };
    assert_eq!(check_input(&fine), vec![]);
}

/// An existing bucket's default encryption is never switched to a key the tool creates: other
/// writers of the bucket would be refused by that key's policy (review F6).
#[test]
fn an_existing_bucket_needs_its_own_key_arn_or_sse_s3() {
    let existing = S3ExportInput { bucket_state: BucketState::Existing, ..base() };
    let errors = problems(&existing, "key-arn");
    assert!(
        errors.iter().any(|(s, m)| *s == FieldSeverity::Error
            && m.contains("existing bucket keeps its default encryption")
            && m.contains("get-bucket-encryption --bucket my-exported-logs")),
        "{errors:?}"
    );
    for fine in [
        S3ExportInput { key_arn: KEY.into(), ..existing.clone() },
        S3ExportInput { encryption: Encryption::SseS3, ..existing.clone() },
        S3ExportInput { bucket_state: BucketState::New, ..existing.clone() },
    ] {
        assert!(problems(&fine, "key-arn").iter().all(|(s, _)| *s != FieldSeverity::Error), "{fine:?}");
    }
}

/// The operator note lists every call the steps make, per account across accounts, and leaves
/// the export to the exporting role its policy covers (review F11).
#[test]
fn the_operator_note_names_every_call_the_steps_make() {
    let note = |input: &S3ExportInput| {
        generate(input).notes.into_iter().find(|n| n.starts_with("Whoever runs the steps")).expect("an operator note")
    };
    let same = note(&S3ExportInput { callers: vec!["arn:aws:iam::123456789012:role/log-exporter".into()], ..base() });
    for action in [
        "kms:DescribeKey", "kms:CreateKey", "kms:EnableKeyRotation", "kms:CreateAlias", "s3:CreateBucket", "s3:PutBucketOwnershipControls",
        // IAM names PutPublicAccessBlock's action after the bucket.
        "s3:PutBucketPublicAccessBlock",
        "s3:PutBucketPolicy", "s3:PutEncryptionConfiguration", "iam:PutRolePolicy", "iam:AttachRolePolicy",
    ] {
        assert!(same.contains(action), "{action}: {same}");
    }
    // The export runs as the exporting role, which caller-policy.json covers (review F3); without
    // one listed, whoever runs the steps exports.
    assert!(!same.contains("CreateExportTask"), "{same}");
    assert!(note(&base()).contains("logs:CreateExportTask"));
    let cross = note(&cross());
    assert!(cross.contains("in account 123456789012: kms:DescribeKey, kms:CreateKey"), "{cross}");
    assert!(!same.contains("s3:PutPublicAccessBlock"), "{same}");
    assert!(cross.contains("in account 111122223333: iam:PutRolePolicy"), "{cross}");
    assert!(!cross.contains("CreateExportTask"), "{cross}");
}

/// CreateExportTask's API reference: its caller must be able to write to the bucket — in one account
/// too, although the export page lists only AmazonS3ReadOnlyAccess there (review H2 of 2026-12-08).
#[test]
fn the_caller_may_write_the_exports_prefix_in_one_account_too() {
    let same = generate(&base());
    let caller = same.documents.iter().find(|d| d.file_name == CALLER_POLICY_FILE).expect("caller policy");
    let text = caller.text();
    assert!(text.contains("s3:PutObject") && text.contains("arn:aws:s3:::my-exported-logs/exportedlogs/*"), "{text}");
    assert!(!text.contains("s3:PutObjectAcl"), "the bucket owner owns the objects: {text}");
    let (spec, _) = <S3Export as crate::scenarios::Scenario>::parse(&base());
    let calls = calls::required_calls(&spec);
    assert!(
        calls.iter().any(|c| c.request.action == "s3:PutObject" && c.granted_by.as_ref().is_some_and(|(sid, _)| sid == CALLER_WRITE_SID)),
        "no call needs it"
    );
}
