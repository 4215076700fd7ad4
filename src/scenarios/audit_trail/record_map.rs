//! Which scenario a CloudTrail event belongs to, and which of its form fields the record fills.
//!
//! Field names are the target forms' own; `form_fill`'s tests check every one a record can
//! fill against the target scenario's declared fields.

use super::import::{at, date, log_group_of, strings, text_at, Fill};
use crate::json::Value;
use crate::policy::{Arn, PolicyKind};
use crate::scenarios::ScenarioId;

const KEY_ARN: &str = "key-arn";
const LOG_GROUPS: &str = "log-groups";
const BUCKET: &str = "bucket";
const PREFIX: &str = "prefix";
const FROM: &str = "from";
const TO: &str = "to";
const DELIVERY_SOURCE: &str = "delivery-source-name";
const DELIVERY_DESTINATION: &str = "delivery-destination-name";
const SOURCE_RESOURCE: &str = "source-resource-arn";
const LOG_TYPE: &str = "log-type";
const DESTINATION: &str = "destination";
const DESTINATION_ACCOUNT: &str = "destination-account";
const VENDED_LOG_GROUP: &str = "log-group";
const DELIVERY_STREAM: &str = "delivery-stream";

const VENDED_CALLS: &[&str] = &[
    "PutResourcePolicy",
    "DeleteResourcePolicy",
    "CreateLogDelivery",
    "UpdateLogDelivery",
    "DeleteLogDelivery",
    "PutDeliverySource",
    "PutDeliveryDestination",
    "PutDeliveryDestinationPolicy",
    "DeleteDeliveryDestinationPolicy",
    "CreateDelivery",
    "DeleteDelivery",
    "DeleteDeliverySource",
    "DeleteDeliveryDestination",
];
const BUCKET_CALLS: &[&str] = &[
    "CreateBucket",
    "PutBucketPolicy",
    "DeleteBucketPolicy",
    "PutBucketEncryption",
    "DeleteBucketEncryption",
    "PutBucketOwnershipControls",
];
const KEY_CALLS: &[&str] = &[
    "CreateKey",
    "PutKeyPolicy",
    "ScheduleKeyDeletion",
    "DisableKey",
    "GenerateDataKey",
    "Decrypt",
    "Encrypt",
];

pub(super) fn map_event(r: &Value, source: &str, name: &str, f: &mut Fill) -> Result<ScenarioId, String> {
    Ok(match (source, name) {
        ("logs.amazonaws.com", "CreateExportTask" | "CancelExportTask") => export(r, f),
        ("logs.amazonaws.com", "AssociateKmsKey" | "DisassociateKmsKey" | "CreateLogGroup") => log_group(r, name, f),
        ("logs.amazonaws.com", n) if VENDED_CALLS.contains(&n) => vended(r, n, f),
        ("kms.amazonaws.com", n) if KEY_CALLS.contains(&n) => key(r, n, f),
        ("s3.amazonaws.com", n) if BUCKET_CALLS.contains(&n) => bucket(r, n, f),
        ("firehose.amazonaws.com", "TagDeliveryStream") | ("iam.amazonaws.com", "CreateServiceLinkedRole") => {
            vended(r, name, f)
        }
        _ => {
            return Err(format!(
                "\"{name}\" ({source}) is not a call of these setups: paste the record of a CreateExportTask, AssociateKmsKey, CreateLogGroup, PutKeyPolicy, PutBucketPolicy, PutResourcePolicy or delivery call"
            ))
        }
    })
}

fn param<'a>(r: &'a Value, key: &str) -> Option<&'a str> {
    text_at(r, &["requestParameters", key])
}

/// One CreateExportTask exports one log group; the form lists the groups to export.
fn export(r: &Value, f: &mut Fill) -> ScenarioId {
    if let Some(group) = param(r, "logGroupName") {
        f.set(LOG_GROUPS, vec![group]);
    }
    for (key, field) in [("destination", BUCKET), ("destinationPrefix", PREFIX)] {
        if let Some(v) = param(r, key) {
            f.set(field, v);
        }
    }
    date(r, "from", FROM, f);
    date(r, "to", TO, f);
    if let Some(task) = param(r, "taskName") {
        f.note(format!(
            "Task name {task}: not filled, the steps name each task after its log group and dates."
        ));
    }
    if let Some(id) = text_at(r, &["responseElements", "taskId"]).or_else(|| param(r, "taskId")) {
        f.note(format!(
            "Export task {id}: `aws logs describe-export-tasks --task-id {id}` shows its status."
        ));
    }
    ScenarioId::S3Export
}

fn log_group(r: &Value, name: &str, f: &mut Fill) -> ScenarioId {
    let key = param(r, "kmsKeyId");
    let target = param(r, "resourceIdentifier");
    if let Some(k) = key {
        f.set(KEY_ARN, k);
    }
    if target.is_some_and(|t| t.contains(":query-result:")) {
        if name == "DisassociateKmsKey" {
            f.note("Later query results are no longer encrypted with the key; results stored while it was associated still need it.");
        }
        return ScenarioId::QueryResultKey;
    }
    if let Some(group) = param(r, "logGroupName")
        .map(str::to_owned)
        .or_else(|| target.and_then(log_group_of))
    {
        f.set(LOG_GROUPS, vec![group]);
        f.set("scope", "one-group");
    }
    match (name, key) {
        ("CreateLogGroup", Some(_)) => f.set("log-group-state", "new"),
        ("CreateLogGroup", None) => {
            f.set("log-group-state", "existing");
            f.note("The log group was created without a key: the form associates one with it.");
        }
        ("DisassociateKmsKey", _) => {
            f.set("log-group-state", "existing");
            f.note("DisassociateKmsKey records no key: the key in describe-log-groups' kmsKeyId before the call still protects the data written while it was associated.");
        }
        _ => f.set("log-group-state", "existing"),
    }
    ScenarioId::LogGroupKey
}

fn key(r: &Value, name: &str, f: &mut Fill) -> ScenarioId {
    if let Some(arn) = key_arn(r, f) {
        f.set(KEY_ARN, arn);
    }
    let scenario = match f.policy(at(r, &["requestParameters", "policy"]), Some(PolicyKind::Key)) {
        Some(policy) => key_policy_scenario(&policy, f),
        None => ScenarioId::LogGroupKey,
    };
    match name {
        "ScheduleKeyDeletion" => f.note("This record schedules the key's deletion: once deleted, everything encrypted with it is unreadable; `aws kms cancel-key-deletion` undoes it during the waiting period."),
        "DisableKey" => f.note("This record disables the key: CloudWatch Logs cannot use it until `aws kms enable-key`."),
        "GenerateDataKey" | "Decrypt" | "Encrypt" => {
            let context = text_at(r, &["requestParameters", "encryptionContext", "aws:logs:arn"]);
            if let Some(group) = context.and_then(log_group_of) {
                f.set(LOG_GROUPS, vec![group]);
            }
            f.note("A service's use of the key: where the log group appears in such records (encryptionContext aws:logs:arn) is unverified.");
        }
        _ => {}
    }
    scenario
}

/// The key's ARN from `resources`, the response, or `keyId` (with the record's Region and
/// account when it is a bare ID: KMS records a call in the key's own Region and account).
fn key_arn(r: &Value, f: &mut Fill) -> Option<String> {
    let from_resources = at(r, &["resources"]).and_then(Value::as_array).and_then(|items| {
        items
            .iter()
            .find_map(|i| text_at(i, &["ARN"]).filter(|a| a.contains(":key/")))
    });
    if let Some(arn) = from_resources
        .or_else(|| text_at(r, &["responseElements", "keyMetadata", "arn"]))
        .or_else(|| param(r, "keyId").filter(|k| k.starts_with("arn:")))
    {
        return Some(arn.to_owned());
    }
    let id = param(r, "keyId")?;
    let (Some(p), Some(region), Some(account)) = (f.get("partition"), f.get("region"), f.get("account")) else {
        f.note(format!("The key is named only by its ID {id}: enter its ARN."));
        return None;
    };
    let arn = format!("arn:{p}:kms:{region}:{account}:key/{id}");
    f.note(format!(
        "The key ARN {arn} is built from keyId, awsRegion and recipientAccountId."
    ));
    Some(arn)
}

/// Query-result and vended-logs key policies name their resources; anything else is taken as
/// a log-group key, with its log groups read from the encryption-context condition.
fn key_policy_scenario(policy: &Value, f: &mut Fill) -> ScenarioId {
    let all = strings(policy);
    if all.iter().any(|s| s.contains(":query-result:")) {
        return ScenarioId::QueryResultKey;
    }
    if all.contains(&"delivery.logs.amazonaws.com") {
        return ScenarioId::VendedLogs;
    }
    let account_wide = all
        .iter()
        .any(|s| Arn::parse(s).is_ok_and(|a| a.service == "logs" && a.resource == "*"));
    let mut groups: Vec<String> = Vec::new();
    for group in all.iter().filter_map(|s| log_group_of(s)) {
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    if account_wide {
        f.set("scope", "account");
    } else if !groups.is_empty() {
        f.set(
            "scope",
            if groups.len() == 1 {
                "one-group"
            } else {
                "several-groups"
            },
        );
        f.set(LOG_GROUPS, groups);
    } else {
        f.note("The key policy limits the logs service to no log group: if this key is for an S3 export, choose the s3-export scenario.");
    }
    ScenarioId::LogGroupKey
}

fn bucket(r: &Value, name: &str, f: &mut Fill) -> ScenarioId {
    if let Some(b) = param(r, "bucketName") {
        f.set(BUCKET, b);
    }
    let policy = f.policy(at(r, &["requestParameters", "bucketPolicy"]), Some(PolicyKind::Bucket));
    let rules = at(r, &["requestParameters", "ServerSideEncryptionConfiguration", "Rule"]);
    let key = rules.and_then(|rule| {
        [rule]
            .into_iter()
            .chain(rule.as_array().unwrap_or_default())
            .find_map(|one| text_at(one, &["ApplyServerSideEncryptionByDefault", "KMSMasterKeyID"]))
    });
    if let Some(k) = key {
        f.set(KEY_ARN, k);
    }
    match name {
        "DeleteBucketPolicy" => {
            f.note("This record deletes the whole bucket policy: the log service can no longer write to the bucket.")
        }
        "DeleteBucketEncryption" => {
            f.note("This record removes the bucket's default encryption: new objects get SSE-S3, not your key.")
        }
        _ => {}
    }
    match policy {
        Some(p) if strings(&p).contains(&"delivery.logs.amazonaws.com") => {
            f.set(DESTINATION, "s3");
            ScenarioId::VendedLogs
        }
        _ => ScenarioId::S3Export,
    }
}

fn vended(r: &Value, name: &str, f: &mut Fill) -> ScenarioId {
    let fields: &[(&str, &str)] = match name {
        "PutDeliverySource" => &[
            ("name", DELIVERY_SOURCE),
            ("resourceArn", SOURCE_RESOURCE),
            ("logType", LOG_TYPE),
        ],
        "PutDeliveryDestination" => &[("name", DELIVERY_DESTINATION)],
        "PutDeliveryDestinationPolicy" | "DeleteDeliveryDestinationPolicy" => {
            &[("deliveryDestinationName", DELIVERY_DESTINATION)]
        }
        "CreateDelivery" => &[("deliverySourceName", DELIVERY_SOURCE)],
        "TagDeliveryStream" => &[("deliveryStreamName", DELIVERY_STREAM)],
        _ => &[],
    };
    for (key, field) in fields {
        if let Some(v) = param(r, key) {
            f.set(field, v);
        }
    }
    let destination = [
        "requestParameters",
        "deliveryDestinationConfiguration",
        "destinationResourceArn",
    ];
    if let Some(arn) = text_at(r, &destination) {
        destination_from_arn(arn, f);
    }
    if let Some(dest) = param(r, "deliveryDestinationArn").and_then(|a| a.split_once(":delivery-destination:")) {
        f.set(DELIVERY_DESTINATION, dest.1);
    }
    match name {
        "PutResourcePolicy" => {
            f.set(DESTINATION, "cloudwatch-logs");
            f.policy(
                at(r, &["requestParameters", "policyDocument"]),
                Some(PolicyKind::LogResource),
            );
        }
        "PutDeliveryDestinationPolicy" => {
            f.policy(at(r, &["requestParameters", "deliveryDestinationPolicy"]), None);
        }
        "TagDeliveryStream" | "CreateServiceLinkedRole" => f.set(DESTINATION, "firehose"),
        _ => {}
    }
    ScenarioId::VendedLogs
}

/// The destination choice and its resource name from a delivery destination's resource ARN.
fn destination_from_arn(arn: &str, f: &mut Fill) {
    let Ok(parsed) = Arn::parse(arn) else { return };
    let (choice, field, name) = match parsed.service {
        "s3" => ("s3", BUCKET, parsed.resource.split('/').next().unwrap_or_default()),
        "logs" => (
            "cloudwatch-logs",
            VENDED_LOG_GROUP,
            parsed.resource.strip_prefix("log-group:").unwrap_or_default(),
        ),
        "firehose" => (
            "firehose",
            DELIVERY_STREAM,
            parsed.resource.strip_prefix("deliverystream/").unwrap_or_default(),
        ),
        _ => return,
    };
    f.set(DESTINATION, choice);
    if !name.is_empty() {
        f.set(field, name.strip_suffix(":*").unwrap_or(name));
    }
    if parsed.has_valid_account() && f.get("account") != Some(parsed.account) {
        f.set(DESTINATION_ACCOUNT, parsed.account);
    }
}

#[cfg(test)]
mod tests {
    use super::super::import::located;
    use super::*;

    fn scenario_of(policy: &str) -> (ScenarioId, Fill) {
        let mut fill = Fill::default();
        let value = located(policy).expect("test policy is JSON");
        (key_policy_scenario(&value, &mut fill), fill)
    }

    #[test]
    fn key_policies_tell_their_scenario() {
        let query = r#"{"Statement": [{"Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:logs:eu-west-1:111122223333:query-result:*"}}}]}"#;
        assert_eq!(scenario_of(query).0, ScenarioId::QueryResultKey);
        let vended = r#"{"Statement": [{"Principal": {"Service": ["delivery.logs.amazonaws.com"]}}]}"#;
        assert_eq!(scenario_of(vended).0, ScenarioId::VendedLogs);
        let wide = r#"{"Statement": [{"Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:111122223333:*"}}}]}"#;
        let (id, fill) = scenario_of(wide);
        assert_eq!((id, fill.get("scope")), (ScenarioId::LogGroupKey, Some("account")));
        let two = r#"{"Statement": [{"Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": ["arn:aws:logs:r:1:log-group:a", "arn:aws:logs:r:1:log-group:b", "arn:aws:logs:r:1:log-group:a"]}}}]}"#;
        let (_, fill) = scenario_of(two);
        assert_eq!(fill.input.get(LOG_GROUPS), Some(&serde_json::json!(["a", "b"])));
        assert_eq!(fill.get("scope"), Some("several-groups"));
        assert!(scenario_of(r#"{"Statement": []}"#).1.notes[0].contains("s3-export"));
    }

    #[test]
    fn bucket_encryption_gives_the_key() {
        let record = located(r#"{"requestParameters": {"bucketName": "b", "ServerSideEncryptionConfiguration": {"Rule": {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "arn:aws:kms:r:111122223333:key/k"}}}}}"#).expect("JSON");
        let mut fill = Fill::default();
        assert_eq!(bucket(&record, "PutBucketEncryption", &mut fill), ScenarioId::S3Export);
        assert_eq!(
            (fill.get(BUCKET), fill.get(KEY_ARN)),
            (Some("b"), Some("arn:aws:kms:r:111122223333:key/k"))
        );
    }

    #[test]
    fn a_bare_key_id_becomes_an_arn_in_the_record_region_and_account() {
        let record =
            located(r#"{"requestParameters": {"keyId": "1234abcd-12ab-34cd-56ef-1234567890ab"}}"#).expect("JSON");
        let mut fill = Fill::default();
        assert_eq!(
            key_arn(&record, &mut fill),
            None,
            "no Region or account to build it from"
        );
        for (field, value) in [
            ("partition", "aws-cn"),
            ("region", "cn-north-1"),
            ("account", "111122223333"),
        ] {
            fill.set(field, value);
        }
        assert_eq!(
            key_arn(&record, &mut fill).as_deref(),
            Some("arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
        );
    }
}
