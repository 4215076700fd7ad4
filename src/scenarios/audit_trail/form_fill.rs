//! An imported record written into its scenario's form: the input to use, each filled field by
//! its form label, what could not be filled and why, and the same values as a
//! `cwlogs-policy build` command line. The page and the CLI both show this, so a value the form
//! has no place for is named in a note, never dropped silently.

use super::import::RecordImport;
use crate::scenarios::shell::quote;
use crate::scenarios::{Control, FieldSpec, ScenarioId};
use serde::Serialize;
use serde_json::Value;

/// One field the record filled.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct FilledField {
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub name: crate::analyst::wire::Interned,
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub label: crate::analyst::wire::Interned,
    pub value: Value,
}

/// What importing one record does to its scenario's form.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct FormFill {
    pub scenario: ScenarioId,
    /// The form's input before the import with the filled fields written over it.
    pub input: Value,
    pub filled: Vec<FilledField>,
    /// The import's notes (a failed call's reason first), then what this form could not take.
    pub notes: Vec<String>,
}

/// Writes `import` over `current`, the target scenario's input as the user left it (anything
/// but an object stands for the scenario's defaults).
pub fn fill_form(import: &RecordImport, current: &Value) -> FormFill {
    let fields = import.scenario.fields();
    let mut input = match current {
        Value::Object(_) => current.clone(),
        _ => import.scenario.default_input(),
    };
    let mut filled = Vec::new();
    let mut notes = import.notes.clone();
    for name in &import.filled {
        let Some(value) = import.input.get(name) else { continue };
        match fields.iter().find(|f| f.name == name) {
            Some(spec) if fits(spec.control, value) => {
                if let Some(members) = input.as_object_mut() {
                    members.insert(spec.name.to_owned(), value.clone());
                }
                filled.push(FilledField {
                    name: spec.name,
                    label: spec.label,
                    value: value.clone(),
                });
            }
            Some(spec) => notes.push(format!(
                "{}: the record's value {value} does not fit this field; not filled.",
                spec.label
            )),
            None => notes.push(format!(
                "The record's {name} ({value}) has no field in this form; not filled."
            )),
        }
    }
    for field in &filled {
        if let Some(note) = hidden_note(fields, field.name, &input) {
            notes.push(note);
        }
    }
    FormFill {
        scenario: import.scenario,
        input,
        filled,
        notes,
    }
}

/// Whether `value` is what the field's control edits.
fn fits(control: Control, value: &Value) -> bool {
    match control {
        Control::Text { .. } | Control::Date => value.is_string(),
        Control::Choice { options } => value.as_str().is_some_and(|v| options.iter().any(|(o, _)| *o == v)),
        Control::Lines { .. } => value.as_array().is_some_and(|items| items.iter().all(Value::is_string)),
        Control::Check => value.is_boolean(),
    }
}

/// A filled field the form hides for the current value of another field: say so, or the user
/// never sees the value.
fn hidden_note(fields: &[FieldSpec], name: &str, input: &Value) -> Option<String> {
    let spec = fields.iter().find(|f| f.name == name)?;
    let (other, values) = spec.shown_when?;
    // As the page's form reads a condition: a choice by its value, a checkbox as "true"/"false".
    let current = match input.get(other) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    };
    if values.contains(&current.as_str()) {
        return None;
    }
    let other_spec = fields.iter().find(|f| f.name == other)?;
    let wanted: Vec<&str> = match other_spec.control {
        Control::Choice { options } => options
            .iter()
            .filter(|(o, _)| values.contains(o))
            .map(|(_, label)| *label)
            .collect(),
        _ => values.to_vec(),
    };
    Some(format!(
        "{} is filled but shown only when {} is {}.",
        spec.label,
        other_spec.label,
        wanted.join(" or ")
    ))
}

impl FormFill {
    /// One sentence naming the filled fields by their labels.
    pub fn message(&self) -> String {
        let title = self.scenario.title();
        if self.filled.is_empty() {
            return format!("The record belongs to \"{title}\" but gave no value for its form.");
        }
        let labels: Vec<&str> = self.filled.iter().map(|f| f.label).collect();
        let count = match labels.len() {
            1 => "1 field".to_owned(),
            n => format!("{n} fields"),
        };
        format!("Filled {count} of \"{title}\": {}.", labels.join(", "))
    }

    /// `cwlogs-policy build SCENARIO --FIELD VALUE …` for the filled fields, one flag per line,
    /// values quoted for bash; fields not named keep the form's defaults.
    pub fn command_line(&self) -> String {
        let mut parts = vec![format!("cwlogs-policy build {}", self.scenario.cli_name())];
        for field in &self.filled {
            match &field.value {
                Value::Array(items) => parts.extend(
                    items
                        .iter()
                        .filter_map(Value::as_str)
                        .map(|v| format!("--{} {}", field.name, quote(v))),
                ),
                Value::Bool(true) => parts.push(format!("--{}", field.name)),
                Value::Bool(false) => parts.push(format!("--{}=false", field.name)),
                Value::String(v) => parts.push(format!("--{} {}", field.name, quote(v))),
                other => parts.push(format!("--{} {}", field.name, quote(&other.to_string()))),
            }
        }
        parts.join(" \\\n  ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenarios::audit_trail::import_record;
    use serde_json::json;

    fn import(scenario: ScenarioId, input: Value, filled: &[&str]) -> RecordImport {
        RecordImport {
            scenario,
            input,
            filled: filled.iter().map(|f| f.to_string()).collect(),
            notes: vec!["from the record".into()],
            policy: None,
        }
    }

    #[test]
    fn filled_fields_are_written_over_what_was_typed_and_named_by_label() {
        let current = json!({"region": "eu-west-1", "bucket": "typed-bucket", "prefix": "kept"});
        let fill = fill_form(
            &import(
                ScenarioId::S3Export,
                json!({"region": "us-east-1", "bucket": "b"}),
                &["region", "bucket"],
            ),
            &current,
        );
        assert_eq!(
            fill.input,
            json!({"region": "us-east-1", "bucket": "b", "prefix": "kept"})
        );
        let labels: Vec<&str> = fill.filled.iter().map(|f| f.label).collect();
        assert_eq!(labels, ["Region", "Bucket name"]);
        assert_eq!(
            fill.message(),
            format!(
                "Filled 2 fields of \"{}\": Region, Bucket name.",
                ScenarioId::S3Export.title()
            )
        );
        assert_eq!(fill.notes, ["from the record"]);
    }

    #[test]
    fn values_the_form_cannot_take_become_notes() {
        let fill = fill_form(
            &import(
                ScenarioId::S3Export,
                json!({"task-name": "t", "encryption": "rot13", "log-groups": "not-a-list"}),
                &["task-name", "encryption", "log-groups"],
            ),
            &Value::Null,
        );
        assert!(fill.filled.is_empty());
        assert_eq!(
            fill.input,
            ScenarioId::S3Export.default_input(),
            "a non-object stands for the defaults"
        );
        assert_eq!(fill.notes.len(), 4, "{:?}", fill.notes);
        assert!(fill.notes[1].contains("task-name") && fill.notes[1].contains("no field"));
        assert!(fill.notes[2].starts_with("Default encryption: "));
        assert!(fill.notes[3].starts_with("Log group names: "));
        assert!(fill.message().contains("gave no value"));
    }

    #[test]
    fn a_value_behind_another_choice_is_pointed_out() {
        let fill = fill_form(
            &import(
                ScenarioId::S3Export,
                json!({"key-arn": "arn:aws:kms:us-east-1:111122223333:key/k"}),
                &["key-arn"],
            ),
            &json!({"encryption": "sse-s3"}),
        );
        assert_eq!(fill.filled.len(), 1);
        assert!(
            fill.notes
                .iter()
                .any(|n| n.starts_with("Existing key ARN is filled but shown only when Default encryption is SSE-KMS")),
            "{:?}",
            fill.notes
        );
    }

    #[test]
    fn the_command_line_repeats_lists_and_quotes_values() {
        let fill = fill_form(
            &import(
                ScenarioId::LogGroupKey,
                json!({"log-groups": ["/app/a b", "/app/c"], "keep-context-on-old-key": false, "region": "eu-west-1"}),
                &["log-groups", "keep-context-on-old-key", "region"],
            ),
            &json!({}),
        );
        assert_eq!(
            fill.command_line(),
            "cwlogs-policy build log-group-key \\\n  --log-groups '/app/a b' \\\n  --log-groups /app/c \\\n  --keep-context-on-old-key=false \\\n  --region eu-west-1"
        );
    }

    /// Every field any of these records fills is a field of the form it is routed to.
    #[test]
    fn records_of_every_route_fill_only_real_fields() {
        let record = |source: &str, name: &str, params: Value, response: Value| {
            json!({"eventSource": source, "eventName": name, "awsRegion": "eu-west-1", "recipientAccountId": "111122223333",
                "requestParameters": params, "responseElements": response, "resources": [{"ARN": "arn:aws:kms:eu-west-1:111122223333:key/k"}]})
            .to_string()
        };
        let key_policy =
            |statement: Value| json!({"keyId": "k", "policy": json!({"Statement": [statement]}).to_string()});
        let records = [
            record(
                "logs.amazonaws.com",
                "CreateExportTask",
                json!({"logGroupName": "g", "destination": "b", "destinationPrefix": "p", "from": 0, "to": 86_400_000, "taskName": "t"}),
                json!({"taskId": "1"}),
            ),
            record(
                "logs.amazonaws.com",
                "AssociateKmsKey",
                json!({"logGroupName": "g", "kmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/k"}),
                Value::Null,
            ),
            record(
                "logs.amazonaws.com",
                "CreateLogGroup",
                json!({"logGroupName": "g"}),
                Value::Null,
            ),
            record(
                "logs.amazonaws.com",
                "DisassociateKmsKey",
                json!({"resourceIdentifier": "arn:aws:logs:eu-west-1:111122223333:query-result:*"}),
                Value::Null,
            ),
            record(
                "kms.amazonaws.com",
                "PutKeyPolicy",
                key_policy(
                    json!({"Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:111122223333:*"}}}),
                ),
                Value::Null,
            ),
            record(
                "kms.amazonaws.com",
                "PutKeyPolicy",
                key_policy(
                    json!({"Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:logs:eu-west-1:111122223333:query-result:*"}}}),
                ),
                Value::Null,
            ),
            record(
                "kms.amazonaws.com",
                "PutKeyPolicy",
                key_policy(json!({"Principal": {"Service": "delivery.logs.amazonaws.com"}})),
                Value::Null,
            ),
            record(
                "kms.amazonaws.com",
                "GenerateDataKey",
                json!({"encryptionContext": {"aws:logs:arn": "arn:aws:logs:eu-west-1:111122223333:log-group:g"}}),
                Value::Null,
            ),
            record(
                "s3.amazonaws.com",
                "PutBucketEncryption",
                json!({"bucketName": "b", "ServerSideEncryptionConfiguration": {"Rule": {"ApplyServerSideEncryptionByDefault": {"KMSMasterKeyID": "arn:aws:kms:eu-west-1:111122223333:key/k"}}}}),
                Value::Null,
            ),
            record(
                "s3.amazonaws.com",
                "PutBucketPolicy",
                json!({"bucketName": "b", "bucketPolicy": {"Statement": [{"Principal": {"Service": "delivery.logs.amazonaws.com"}}]}}),
                Value::Null,
            ),
            record(
                "logs.amazonaws.com",
                "PutDeliverySource",
                json!({"name": "s", "resourceArn": "arn:aws:bedrock:eu-west-1:111122223333:knowledge-base/K", "logType": "APPLICATION_LOGS"}),
                Value::Null,
            ),
            record(
                "logs.amazonaws.com",
                "PutDeliveryDestination",
                json!({"name": "d", "deliveryDestinationConfiguration": {"destinationResourceArn": "arn:aws:logs:eu-west-1:222233334444:log-group:/aws/vendedlogs/x:*"}}),
                Value::Null,
            ),
            record(
                "logs.amazonaws.com",
                "PutDeliveryDestination",
                json!({"name": "d", "deliveryDestinationConfiguration": {"destinationResourceArn": "arn:aws:s3:::b/p"}}),
                Value::Null,
            ),
            record(
                "logs.amazonaws.com",
                "CreateDelivery",
                json!({"deliverySourceName": "s", "deliveryDestinationArn": "arn:aws:logs:eu-west-1:111122223333:delivery-destination:d"}),
                Value::Null,
            ),
            record(
                "logs.amazonaws.com",
                "PutResourcePolicy",
                json!({"policyName": "p", "policyDocument": "{\"Statement\": []}"}),
                Value::Null,
            ),
            record(
                "firehose.amazonaws.com",
                "TagDeliveryStream",
                json!({"deliveryStreamName": "s"}),
                Value::Null,
            ),
        ];
        for text in records {
            let import = import_record(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
            assert!(!import.filled.is_empty(), "{text}");
            let fill = fill_form(&import, &import.scenario.default_input());
            let names: Vec<&str> = fill.filled.iter().map(|f| f.name).collect();
            assert_eq!(names, import.filled, "{:?}: {:?}", import.scenario, fill.notes);
            assert!(!fill.notes.iter().any(|n| n.contains("no field")), "{:?}", fill.notes);
        }
    }
}
