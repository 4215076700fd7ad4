//! A pasted CloudTrail record → the scenario it belongs to and the form values it gives
//! (domain-facts §5.2). The record is hostile input: nothing here panics on any text.

use super::dates::utc;
use super::record_map::map_event;
use crate::catalog::Partition;
use crate::json::{parse, pretty, LineIndex, Value, ValueKind};
use crate::policy::{Arn, PolicyKind};
use crate::scenarios::ScenarioId;
use serde::Serialize;

/// What one record gives the form.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct RecordImport {
    pub scenario: ScenarioId,
    /// An object with only the filled fields, named as the target scenario's form names them.
    pub input: serde_json::Value,
    /// The filled field names, in the order they were filled.
    pub filled: Vec<String>,
    /// What was not filled and why, the failure reason first.
    pub notes: Vec<String>,
    /// The policy the call set, pretty-printed, for the checker.
    pub policy: Option<RecordPolicy>,
}

/// A policy found in a record.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct RecordPolicy {
    /// None when no kind fits (a delivery destination policy).
    pub kind: Option<PolicyKind>,
    pub text: String,
}

/// Form values collected while reading one record.
#[derive(Default)]
pub(super) struct Fill {
    pub input: serde_json::Map<String, serde_json::Value>,
    pub filled: Vec<String>,
    pub notes: Vec<String>,
    pub policy: Option<RecordPolicy>,
}

impl Fill {
    pub fn set(&mut self, field: &str, value: impl Into<serde_json::Value>) {
        if self.input.insert(field.to_owned(), value.into()).is_none() {
            self.filled.push(field.to_owned());
        }
    }

    pub fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.input.get(field).and_then(|v| v.as_str())
    }

    /// Reads the policy at `value`, an object or a JSON string (PutKeyPolicy's `policy` is a
    /// string holding JSON), and keeps it for the checker.
    pub fn policy(&mut self, value: Option<&Value>, kind: Option<PolicyKind>) -> Option<Value> {
        let policy = match value?.as_str() {
            Some(inner) => match located(inner) {
                Ok(v) => v,
                Err(e) => {
                    self.note(format!(
                        "The policy in the record is not valid JSON ({e}); paste it in the checker to see why."
                    ));
                    return None;
                }
            },
            None => value?.clone(),
        };
        self.policy = Some(RecordPolicy {
            kind,
            text: pretty(&policy),
        });
        Some(policy)
    }
}

/// Reads one CloudTrail record: a record object, `{"Records": […]}` (the first is used), an
/// EventBridge event carrying one in `detail`, or any of these quoted as a JSON string.
pub fn import_record(text: &str) -> Result<RecordImport, String> {
    let mut fill = Fill::default();
    let record = record_of(located(text)?, &mut fill, true)?;
    let name = text_at(&record, &["eventName"])
        .ok_or("this is not a CloudTrail record: it has no \"eventName\"")?
        .to_owned();
    let source = text_at(&record, &["eventSource"])
        .unwrap_or("no eventSource")
        .to_owned();
    failure(&record, &mut fill);
    origin(&record, &source, &mut fill);
    let scenario = map_event(&record, &source, &name, &mut fill)?;
    Ok(RecordImport {
        scenario,
        input: serde_json::Value::Object(fill.input),
        filled: fill.filled,
        notes: fill.notes,
        policy: fill.policy,
    })
}

/// Parses with the error located as `line L, column C: message`.
pub(super) fn located(text: &str) -> Result<Value, String> {
    parse(text).map_err(|e| {
        let (line, column) = LineIndex::new(text).line_col(text, e.span.start);
        format!("line {line}, column {column}: {}", e.message)
    })
}

fn record_of(value: Value, fill: &mut Fill, may_be_quoted: bool) -> Result<Value, String> {
    if let (ValueKind::String(inner), true) = (&value.kind, may_be_quoted) {
        let inner = located(inner).map_err(|e| format!("in the quoted record, {e}"))?;
        return record_of(inner, fill, false);
    }
    let list = value.get("Records").unwrap_or(&value);
    if let Some(items) = list.as_array() {
        if items.len() > 1 {
            fill.note(format!("{} records were pasted; the first is imported.", items.len()));
        }
        return match items.first() {
            Some(first) => record_of(first.clone(), fill, false),
            None => Err("the list of records is empty".into()),
        };
    }
    if let Some(detail) = value.get("detail").filter(|d| d.get("eventName").is_some()) {
        return Ok(detail.clone());
    }
    match value.as_object() {
        Some(_) => Ok(value),
        None => Err(format!(
            "expected a CloudTrail record (a JSON object), found {}",
            value.type_name()
        )),
    }
}

/// The value at `path`, member by member.
pub(super) fn at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, key| v.get(key))
}

/// The non-empty trimmed string at `path`.
pub(super) fn text_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    at(v, path)?.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// Every string in `v`, depth first (the parser bounds the depth).
pub(super) fn strings(v: &Value) -> Vec<&str> {
    match &v.kind {
        ValueKind::String(s) => vec![s.as_str()],
        ValueKind::Array(items) => items.iter().flat_map(strings).collect(),
        ValueKind::Object(members) => members.iter().flat_map(|m| strings(&m.value)).collect(),
        _ => Vec::new(),
    }
}

/// `NAME` of `arn:…:logs:…:log-group:NAME` (with or without the trailing `:*`).
pub(super) fn log_group_of(arn: &str) -> Option<String> {
    let arn = Arn::parse(arn).ok().filter(|a| a.service == "logs")?;
    let name = arn.resource.strip_prefix("log-group:")?;
    let name = name.strip_suffix(":*").unwrap_or(name);
    (!name.is_empty() && !name.contains([':', '*'])).then(|| name.to_owned())
}

/// Known causes of the error messages of §3.6 and §1.2, by a phrase of the message.
const HINTS: &[(&str, &str)] = &[
    ("GetBucketAcl", "CloudWatch Logs could not read the bucket's ACL: the bucket policy must allow the Region's logs service principal s3:GetBucketAcl, even with ACLs disabled."),
    ("PutObject call", "CloudWatch Logs could not write to the bucket: check the bucket policy's s3:PutObject statement and, for SSE-KMS, that the key policy lets the logs service use kms:GenerateDataKey and kms:Decrypt (the aws/s3 key cannot)."),
    ("s3:PutObject access", "For a cross-account export the caller itself needs s3:PutObject on the bucket."),
    ("could not be found", "Give the full key ARN (not a key ID or alias) of a key in the log group's Region, and let the logs service principal use it in the key policy."),
    ("LimitExceeded", "Only one export task per account can be PENDING or RUNNING: wait for it or cancel it."),
    ("AccessDenied", "The caller lacks permission for this call: check its IAM policies, and the key or bucket policy if they name callers."),
];

fn failure(record: &Value, fill: &mut Fill) {
    let code = text_at(record, &["errorCode"]);
    let message = text_at(record, &["errorMessage"]);
    if code.is_none() && message.is_none() {
        return;
    }
    let both = [code, message].into_iter().flatten().collect::<Vec<_>>().join(": ");
    fill.note(format!("The call failed: {both}"));
    if let Some((_, hint)) = HINTS.iter().find(|(phrase, _)| both.contains(phrase)) {
        fill.note(*hint);
    }
}

/// Partition, Region, account and caller: the same for every event.
fn origin(record: &Value, source: &str, fill: &mut Fill) {
    let region = text_at(record, &["awsRegion"]);
    let partition = strings(record)
        .into_iter()
        .filter_map(|s| Arn::parse(s).ok().and_then(|a| Partition::from_id(a.partition)))
        .next()
        .or_else(|| region.and_then(Partition::of_region));
    if let Some(p) = partition {
        fill.set("partition", p.id());
    }
    match region {
        Some(r) if source == "iam.amazonaws.com" => fill.note(format!(
            "IAM is global: the record's Region ({r}) is where IAM records its calls, not where the setup is, so the Region is not filled."
        )),
        Some(r) => fill.set("region", r),
        None => fill.note("The record has no awsRegion: enter the Region."),
    }
    let owner = text_at(record, &["recipientAccountId"]);
    let caller_account = text_at(record, &["userIdentity", "accountId"]);
    match owner.or(caller_account) {
        Some(a) => fill.set("account", a),
        None => fill.note("The record names no account: enter it."),
    }
    if let (Some(o), Some(c)) = (owner, caller_account) {
        if o != c {
            fill.note(format!(
                "The caller is in account {c}, the resources in {o}: a cross-account setup."
            ));
        }
    }
    let caller = text_at(record, &["userIdentity", "sessionContext", "sessionIssuer", "arn"])
        .or_else(|| text_at(record, &["userIdentity", "arn"]));
    if text_at(record, &["userIdentity", "type"]) == Some("AWSService") {
        let by = text_at(record, &["userIdentity", "invokedBy"]).unwrap_or("an AWS service");
        fill.note(format!("The call was made by {by} itself, not by a person or role."));
    } else if let Some(c) = caller {
        fill.note(format!(
            "Called by {c} (not filled: the form asks for the roles that use the setup, not who built it)."
        ));
    }
}

/// Fills a date field from `requestParameters.<key>`, epoch milliseconds (a number, or digits).
pub(super) fn date(record: &Value, key: &str, field: &str, fill: &mut Fill) {
    let Some(v) = at(record, &["requestParameters", key]) else {
        return;
    };
    let ms = match &v.kind {
        ValueKind::Number(n) | ValueKind::String(n) => n.trim().parse::<i64>().ok(),
        _ => None,
    };
    match ms.and_then(|ms| utc(ms).map(|d| (ms, d))) {
        Some((ms, (day, instant))) => {
            fill.set(field, day);
            fill.note(format!("{key} = {ms} ms is {instant}; the form keeps the day."));
        }
        None => fill.note(format!(
            "{key} is not a time in epoch milliseconds this form can show: not filled."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_line_and_column() {
        assert_eq!(
            located("{\n  \"a\": tru\n}").map(|_| ()).unwrap_err().split(':').next(),
            Some("line 2, column 8")
        );
        assert!(import_record("").unwrap_err().starts_with("line 1, column 1: "));
    }

    #[test]
    fn a_record_is_found_in_its_usual_wrappings() {
        let name = |text: &str| {
            let mut fill = Fill::default();
            located(text)
                .and_then(|v| record_of(v, &mut fill, true))
                .map(|r| text_at(&r, &["eventName"]).unwrap_or("").to_owned())
        };
        assert_eq!(name(r#"{"eventName": "A"}"#).as_deref(), Ok("A"));
        assert_eq!(name(r#"{"Records": [{"eventName": "B"}, {}]}"#).as_deref(), Ok("B"));
        assert_eq!(name(r#"[{"eventName": "C"}]"#).as_deref(), Ok("C"));
        assert_eq!(name(r#"{"detail": {"eventName": "D"}}"#).as_deref(), Ok("D"));
        assert_eq!(name(r#""{\"eventName\": \"E\"}""#).as_deref(), Ok("E"));
        assert!(
            name(r#""\"{}\"""#).unwrap_err().contains("found a string"),
            "quoted only once"
        );
    }

    #[test]
    fn log_group_names_come_from_log_group_arns_only() {
        assert_eq!(
            log_group_of("arn:aws:logs:eu-west-1:111122223333:log-group:/app/x:*").as_deref(),
            Some("/app/x")
        );
        assert_eq!(
            log_group_of("arn:aws:logs:eu-west-1:111122223333:log-group:/app/x").as_deref(),
            Some("/app/x")
        );
        assert_eq!(log_group_of("arn:aws:logs:eu-west-1:111122223333:log-group:*"), None);
        assert_eq!(
            log_group_of("arn:aws:logs:eu-west-1:111122223333:log-group:a:log-stream:s"),
            None
        );
        assert_eq!(log_group_of("arn:aws:kms:eu-west-1:111122223333:key/k"), None);
    }
}
