//! A diagnosis joined to the bundle the same input builds: the text of the statement (or
//! settings file) that fixes it, so the page and the CLI show what to apply, not only its Sid.

use super::{diagnose_spec, recognise, Diagnosis, KnownError};
use crate::json::pretty;
use crate::policy::{to_json, Policy};
use crate::scenarios::s3_export::{bundle, parse, S3ExportInput};
use crate::scenarios::Bundle;
use serde::Serialize;

/// One diagnosis and where its fix is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Remedy {
    #[serde(flatten)]
    pub diagnosis: Diagnosis,
    /// "Sid AllowGetBucketAcl in bucket-policy.json", or what to check when the fix is no
    /// statement; None when there is nothing in the bundle to point at.
    pub location: Option<String>,
    /// The statement's JSON, pretty-printed, or the whole settings file.
    pub text: Option<String>,
}

/// What the troubleshooter answers for one message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Answer {
    /// The known error the message was recognised as; None for "not recognised".
    #[serde(deserialize_with = "super::known_error_by_id")]
    pub recognised: Option<&'static KnownError>,
    pub remedies: Vec<Remedy>,
}

/// The diagnoses of `message` for `input`, each with its fix from `input`'s bundle.
pub fn troubleshoot(message: &str, input: &S3ExportInput) -> Answer {
    let spec = parse(input).0;
    let bundle = bundle(&spec);
    Answer {
        recognised: recognise(message),
        remedies: diagnose_spec(message, &spec)
            .into_iter()
            .map(|d| remedy(d, &bundle))
            .collect(),
    }
}

/// [`troubleshoot`] for the form's JSON input, as the page and the CLI hold it.
pub fn troubleshoot_input(message: &str, input: &serde_json::Value) -> Result<Answer, String> {
    let input: S3ExportInput =
        serde_json::from_value(input.clone()).map_err(|e| format!("the export form's values cannot be read: {e}"))?;
    Ok(troubleshoot(message, &input))
}

fn remedy(diagnosis: Diagnosis, bundle: &Bundle) -> Remedy {
    let (location, text) = match (&diagnosis.fix_sid, &diagnosis.fix_document) {
        (Some(sid), Some(file)) => match statement_text(bundle, file, sid) {
            Some(text) => (Some(format!("Sid {sid} in {file}")), Some(text)),
            None => (
                Some(format!(
                    "Sid {sid} in {file}: not in the current bundle; check the form's values"
                )),
                None,
            ),
        },
        (None, Some(file)) => match bundle.files.iter().find(|f| f.file_name == *file) {
            Some(artifact) => (Some(file.clone()), Some(artifact.content.clone())),
            None => (Some(format!("{file}: not in the current bundle")), None),
        },
        _ => (None, None),
    };
    Remedy {
        diagnosis,
        location,
        text,
    }
}

/// The statement with this Sid in this document, printed on its own as the document prints it.
fn statement_text(bundle: &Bundle, file: &str, sid: &str) -> Option<String> {
    let document = bundle.document(file)?;
    let statement = document
        .policy
        .statements
        .iter()
        .find(|s| s.sid.as_ref().is_some_and(|t| t.value == sid))?;
    let alone = Policy {
        statement_is_array: false,
        ..Policy::new(vec![statement.clone()])
    };
    to_json(&alone).get("Statement").map(pretty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenarios::s3_export::{Encryption, GET_ACL_SID, LOGS_KEY_SID};

    #[test]
    fn the_get_bucket_acl_error_shows_the_bundles_statement() {
        let input = S3ExportInput {
            bucket: "acme-logs".into(),
            ..S3ExportInput::default()
        };
        let answer = troubleshoot("An error occurred (InvalidParameterException) when calling the CreateExportTask operation: GetBucketAcl call on the given bucket failed.", &input);
        assert_eq!(answer.recognised.map(|k| k.id), Some("get-bucket-acl"));
        let first = &answer.remedies[0];
        assert!(
            first.diagnosis.missing.starts_with("s3:GetBucketAcl for logs."),
            "{}",
            first.diagnosis.missing
        );
        assert_eq!(
            first.location.as_deref(),
            Some(format!("Sid {GET_ACL_SID} in bucket-policy.json").as_str())
        );
        let statement: serde_json::Value =
            serde_json::from_str(first.text.as_deref().expect("the statement")).expect("the statement is JSON");
        assert_eq!(statement["Sid"], GET_ACL_SID);
        assert_eq!(statement["Action"], "s3:GetBucketAcl");
        assert_eq!(statement["Resource"], "arn:aws:s3:::acme-logs");
        assert_eq!(answer.remedies[1].text, None, "the Region check is no statement");
    }

    #[test]
    fn the_put_object_error_shows_the_key_statement_and_the_encryption_file() {
        let answer = troubleshoot(KNOWN_PUT_OBJECT, &S3ExportInput::default());
        let key = &answer.remedies[1];
        assert_eq!(key.diagnosis.fix_sid.as_deref(), Some(LOGS_KEY_SID));
        assert!(key.text.as_deref().is_some_and(|t| t.contains("kms:GenerateDataKey")));
        let file = &answer.remedies[2];
        assert_eq!(file.location.as_deref(), Some("bucket-encryption.json"));
        assert!(file.text.as_deref().is_some_and(|t| t.contains("KMSMasterKeyID")));
        let sse_s3 = troubleshoot(
            KNOWN_PUT_OBJECT,
            &S3ExportInput {
                encryption: Encryption::SseS3,
                ..S3ExportInput::default()
            },
        );
        assert!(sse_s3
            .remedies
            .iter()
            .all(|r| r.diagnosis.fix_sid.as_deref() != Some(LOGS_KEY_SID)));
    }

    const KNOWN_PUT_OBJECT: &str = "PutObject call on the given bucket failed. Please check if CloudWatch Logs has been granted permission to perform this operation.";

    #[test]
    fn an_unknown_message_lists_what_is_known_and_points_nowhere() {
        let answer = troubleshoot("AccessDeniedException: something else", &S3ExportInput::default());
        assert_eq!(answer.recognised, None);
        assert_eq!(answer.remedies.len(), 1);
        assert_eq!((&answer.remedies[0].location, &answer.remedies[0].text), (&None, &None));
        assert!(answer.remedies[0]
            .diagnosis
            .explanation
            .contains("GetBucketAcl call on the given bucket failed"));
    }

    #[test]
    fn unreadable_form_values_are_an_error_not_a_panic() {
        let error = troubleshoot_input("GetBucketAcl", &serde_json::json!({"encryption": "rot13"})).unwrap_err();
        assert!(error.contains("rot13"), "{error}");
        assert!(troubleshoot_input("GetBucketAcl", &serde_json::json!({})).is_ok());
    }
}
