use super::*;
use crate::scenarios::s3_export::{generate, Encryption, S3ExportInput};

fn cross() -> S3ExportInput {
    S3ExportInput {
        account: "111122223333".into(),
        bucket_account: "123456789012".into(),
        callers: vec!["arn:aws:iam::111122223333:role/log-exporter".into()],
        ..S3ExportInput::default()
    }
}

fn inputs() -> Vec<S3ExportInput> {
    vec![
        S3ExportInput::default(),
        S3ExportInput {
            encryption: Encryption::SseS3,
            ..S3ExportInput::default()
        },
        S3ExportInput {
            prefix: "exports".into(),
            ..S3ExportInput::default()
        },
        cross(),
        S3ExportInput {
            acls_enabled: true,
            ..cross()
        },
        S3ExportInput {
            encryption: Encryption::SseS3,
            ..cross()
        },
    ]
}

/// How users paste a message: as the CLI prints it, as the console shows it, in other case and
/// spacing, with request IDs, or cut short.
fn pasted_variants(error: &KnownError) -> Vec<String> {
    let m = error.message;
    let words: Vec<&str> = m.split(' ').collect();
    vec![
        m.to_owned(),
        format!(
            "An error occurred ({}) when calling the CreateExportTask operation: {m}",
            error.exception
        ),
        format!("エクスポートタスクを作成できませんでした。\n{m}"),
        m.to_uppercase(),
        words.join("\n  "),
        format!("{m} (Service: CloudWatchLogs, Status Code: 400, Request ID: 1cd74c1c-ce2e-12e6-99a9-8dbb26bd06c9)"),
        format!("  \"{m}\"  "),
        words[..words.len().min(6)].join(" "),
    ]
}

#[test]
fn every_known_error_is_recognised_however_it_is_pasted() {
    for error in KNOWN_ERRORS {
        for pasted in pasted_variants(error) {
            assert_eq!(recognise(&pasted).map(|e| e.id), Some(error.id), "{pasted:?}");
        }
    }
}

#[test]
fn known_errors_have_unique_ids_and_distinct_messages() {
    for (i, a) in KNOWN_ERRORS.iter().enumerate() {
        for b in &KNOWN_ERRORS[i + 1..] {
            assert_ne!(a.id, b.id);
            assert!(!squash(a.message).contains(&squash(b.message)) && !squash(b.message).contains(&squash(a.message)));
        }
    }
}

#[test]
fn every_fix_names_a_statement_or_file_the_bundle_has() {
    for input in inputs() {
        let bundle = generate(&input);
        for error in KNOWN_ERRORS {
            let diagnoses = diagnose(error.message, &input);
            assert!(!diagnoses.is_empty(), "{}", error.id);
            for d in diagnoses {
                assert!(
                    !d.cause.is_empty() && !d.missing.is_empty() && !d.explanation.is_empty(),
                    "{d:?}"
                );
                if let Some(file) = &d.fix_document {
                    let in_documents = bundle.documents.iter().find(|doc| &doc.file_name == file);
                    let in_files = bundle.files.iter().any(|f| &f.file_name == file);
                    assert!(
                        in_documents.is_some() || in_files,
                        "{} → {file} for {input:?}",
                        error.id
                    );
                    if let Some(sid) = &d.fix_sid {
                        let doc = in_documents.expect("a Sid lives in a policy document");
                        assert!(
                            doc.policy.statement(sid).is_some(),
                            "{} → {sid} not in {file} for {input:?}",
                            error.id
                        );
                    }
                } else {
                    assert_eq!(d.fix_sid, None, "a Sid needs its document");
                }
            }
        }
    }
}

#[test]
fn diagnosis_table() {
    let default = S3ExportInput::default();
    let table: &[(&str, &S3ExportInput, &[Option<&str>], &str)] = &[
        (
            "get-bucket-acl",
            &default,
            &[Some(GET_ACL_SID), None],
            "s3:GetBucketAcl for logs.us-east-1.amazonaws.com on arn:aws:s3:::my-exported-logs",
        ),
        (
            "put-object",
            &default,
            &[Some(PUT_OBJECT_SID), Some(LOGS_KEY_SID), None],
            "s3:PutObject for logs.us-east-1.amazonaws.com on arn:aws:s3:::my-exported-logs/exportedlogs/* with s3:x-amz-acl = bucket-owner-full-control",
        ),
        (
            "caller-put-object",
            &default,
            &[Some(CALLER_WRITE_SID), None],
            "s3:PutObject on arn:aws:s3:::my-exported-logs/exportedlogs/* for the caller of create-export-task",
        ),
        ("limit-exceeded", &default, &[None], "no permission: a free export slot (one active export task per account)"),
    ];
    for (id, input, sids, first_missing) in table {
        let error = KNOWN_ERRORS.iter().find(|e| e.id == *id).expect("known");
        let found = diagnose(error.message, input);
        let got: Vec<Option<&str>> = found.iter().map(|d| d.fix_sid.as_deref()).collect();
        assert_eq!(&got, sids, "{id}");
        assert_eq!(found[0].missing, *first_missing, "{id}");
    }
}

#[test]
fn cross_account_caller_error_points_at_both_sides_and_the_key() {
    let error = KNOWN_ERRORS
        .iter()
        .find(|e| e.id == "caller-put-object")
        .expect("known");
    let found = diagnose(error.message, &cross());
    let fixes: Vec<(Option<&str>, Option<&str>)> = found
        .iter()
        .map(|d| (d.fix_sid.as_deref(), d.fix_document.as_deref()))
        .collect();
    assert_eq!(
        fixes,
        [
            (Some(CALLER_WRITE_SID), Some(CALLER_POLICY_FILE)),
            (Some(ROLES_PUT_SID), Some(BUCKET_POLICY_FILE)),
            (Some(KEY_USE_SID), Some(CALLER_POLICY_FILE)),
            (Some(ROLES_KEY_SID), Some(KEY_POLICY_FILE)),
            (None, None),
        ]
    );
    assert_eq!(
        found[0].missing,
        "s3:PutObject on arn:aws:s3:::my-exported-logs/exportedlogs/* for arn:aws:iam::111122223333:role/log-exporter"
    );
    assert!(
        found[4].missing.starts_with("s3:PutObjectAcl"),
        "ACLs may be on though the form says off"
    );
    let with_acls = diagnose(
        error.message,
        &S3ExportInput {
            acls_enabled: true,
            ..cross()
        },
    );
    assert!(with_acls[0].missing.starts_with("s3:PutObject and s3:PutObjectAcl on"));
    assert_eq!(with_acls.len(), 4);
}

#[test]
fn the_prefix_and_china_principal_appear_in_what_is_missing() {
    let error = &KNOWN_ERRORS[1];
    let input = S3ExportInput {
        partition: crate::catalog::Partition::AwsCn,
        region: "cn-north-1".into(),
        prefix: "exports".into(),
        ..S3ExportInput::default()
    };
    let found = diagnose(error.message, &input);
    assert_eq!(
        found[0].missing,
        "s3:PutObject for logs.cn-north-1.amazonaws.com.cn on arn:aws-cn:s3:::my-exported-logs/exports/* with s3:x-amz-acl = bucket-owner-full-control"
    );
    assert!(found[0].explanation.contains("--destination-prefix exports"));
}

#[test]
fn unknown_messages_are_not_guessed() {
    for message in [
        "AccessDenied: User is not authorized to perform kms:CreateKey",
        "",
        "   \n",
    ] {
        let found = diagnose(message, &S3ExportInput::default());
        assert_eq!(found.len(), 1, "{message:?}");
        assert_eq!(
            (found[0].fix_sid.as_deref(), found[0].fix_document.as_deref()),
            (None, None)
        );
        for error in KNOWN_ERRORS {
            assert!(
                found[0].explanation.contains(error.label),
                "lists what it checks: {}",
                error.label
            );
        }
    }
    assert_eq!(
        diagnose("something else", &S3ExportInput::default())[0].cause,
        "Message not recognised"
    );
    assert_eq!(diagnose("", &S3ExportInput::default())[0].cause, "No message given");
}
