//! The CloudTrail events a bundle's steps leave, which of them deserve an alert, and the
//! EventBridge pattern that matches those (domain-facts §5.1).

use crate::json::{pretty, Value};
use crate::scenarios::{Bundle, ScenarioId, TrailEvent};
use serde::Serialize;

/// Every event of a bundle's steps, in step order, and the pattern to alert on the risky ones.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trail {
    pub events: Vec<TrailEntry>,
    /// The risky events the pattern matches, sorted by source then name.
    pub risky: Vec<TrailEvent>,
    /// Pretty JSON of an EventBridge event pattern matching `risky`.
    pub pattern: String,
}

/// One event of one step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrailEntry {
    /// The step's title.
    pub step: String,
    pub event: TrailEvent,
    pub risky: bool,
    pub why_risky: Option<&'static str>,
}

const fn ev(source: &'static str, name: &'static str) -> TrailEvent {
    TrailEvent { source, name }
}

const KMS: &str = "kms.amazonaws.com";
const LOGS: &str = "logs.amazonaws.com";
const S3: &str = "s3.amazonaws.com";
const EVENTS: &str = "events.amazonaws.com";
const SNS: &str = "sns.amazonaws.com";

/// Calls that can silently break encryption or delivery, or open data to others.
static RISKS: &[(TrailEvent, &str)] = &[
    (ev(KMS, "PutKeyPolicy"), "replaces the whole key policy: it can lock CloudWatch Logs (or you) out of the key, or let others use it"),
    (ev(KMS, "ScheduleKeyDeletion"), "after the waiting period the key is gone and everything encrypted with it is unreadable for good"),
    (ev(KMS, "DisableKey"), "CloudWatch Logs can no longer use the key: data encrypted with it cannot be read or written until it is enabled again"),
    (ev(KMS, "CreateGrant"), "lets another principal use the key through a grant, outside the key policy, until the grant is retired or revoked"),
    (ev(KMS, "DisableKeyRotation"), "turns off the key's yearly automatic rotation that the steps turned on"),
    (ev(KMS, "DeleteAlias"), "removes the name the key is found by: people and scripts that use the alias no longer find it"),
    (ev(KMS, "UpdateAlias"), "points the key's alias at another key: whatever uses the alias now encrypts with that key"),
    (ev(LOGS, "PutRetentionPolicy"), "changes how long the log group keeps its events: a shorter retention has the older events deleted (the setup's own new log groups record one too)"),
    (ev(LOGS, "DeleteRetentionPolicy"), "the log group's events no longer expire: the encrypted data, and the need for the key, stay for good"),
    (ev(LOGS, "DisassociateKmsKey"), "new log events or query results are no longer encrypted with your key (old data still needs it)"),
    (ev(LOGS, "PutResourcePolicy"), "changes which services may write to your log groups"),
    (ev(LOGS, "DeleteResourcePolicy"), "services lose the right to deliver logs to your log groups"),
    (ev(LOGS, "PutDeliveryDestinationPolicy"), "changes which accounts may deliver logs to your destination"),
    (ev(LOGS, "DeleteDeliveryDestinationPolicy"), "other accounts can no longer deliver logs to your destination"),
    (ev(S3, "PutBucketPolicy"), "changes who may read or write the bucket; it can drop the log service's access"),
    (ev(S3, "DeleteBucketPolicy"), "the log service loses access to the bucket: exports and deliveries fail"),
    (ev(S3, "PutBucketEncryption"), "changes the bucket's default encryption, possibly away from your KMS key"),
    (ev(S3, "DeleteBucketEncryption"), "new objects fall back to SSE-S3 instead of your KMS key"),
    (ev(SNS, "SetTopicAttributes"), "can replace the alert topic's policy so that alerts no longer arrive"),
    (ev(EVENTS, "DisableRule"), "the alert rule stops matching"),
    (ev(EVENTS, "DeleteRule"), "the alert rule is gone"),
    (ev(EVENTS, "RemoveTargets"), "the alert rule no longer sends anywhere"),
];

/// Risky calls on any watched key.
const KEY: [TrailEvent; 7] = [
    ev(KMS, "PutKeyPolicy"),
    ev(KMS, "ScheduleKeyDeletion"),
    ev(KMS, "DisableKey"),
    ev(KMS, "CreateGrant"),
    ev(KMS, "DisableKeyRotation"),
    ev(KMS, "DeleteAlias"),
    ev(KMS, "UpdateAlias"),
];
/// Risky for the scenarios that associate a key with log groups or query results.
const DISASSOCIATE: TrailEvent = ev(LOGS, "DisassociateKmsKey");
const BUCKET: [TrailEvent; 4] = [
    ev(S3, "PutBucketPolicy"),
    ev(S3, "DeleteBucketPolicy"),
    ev(S3, "PutBucketEncryption"),
    ev(S3, "DeleteBucketEncryption"),
];

/// The risky calls on the resources a scenario sets up, whether or not its steps make them:
/// the dangerous change is usually one nobody planned (a later disassociation, a key deletion).
fn relevant(scenario: ScenarioId) -> Vec<TrailEvent> {
    match scenario {
        ScenarioId::LogGroupKey => [
            &KEY[..],
            &[DISASSOCIATE, ev(LOGS, "PutRetentionPolicy"), ev(LOGS, "DeleteRetentionPolicy")],
        ]
        .concat(),
        ScenarioId::QueryResultKey => [&KEY[..], &[DISASSOCIATE]].concat(),
        ScenarioId::S3Export => [&KEY[..], &BUCKET].concat(),
        ScenarioId::VendedLogs => [
            &[
                ev(LOGS, "PutResourcePolicy"),
                ev(LOGS, "DeleteResourcePolicy"),
                ev(LOGS, "PutDeliveryDestinationPolicy"),
                ev(LOGS, "DeleteDeliveryDestinationPolicy"),
            ][..],
            &BUCKET,
            &KEY,
        ]
        .concat(),
        ScenarioId::AuditTrail => vec![
            ev(SNS, "SetTopicAttributes"),
            ev(EVENTS, "DisableRule"),
            ev(EVENTS, "DeleteRule"),
            ev(EVENTS, "RemoveTargets"),
        ],
    }
}

/// Why `event` deserves an alert, if it does.
pub fn why_risky(event: TrailEvent) -> Option<&'static str> {
    RISKS.iter().find(|(e, _)| *e == event).map(|(_, why)| *why)
}

/// The trail of a bundle. The pattern covers the risky calls relevant to `bundle.scenario`
/// plus any risky call a step makes, so it is never empty for a known scenario.
pub fn trail(bundle: &Bundle) -> Trail {
    let events: Vec<TrailEntry> = bundle
        .steps
        .iter()
        .flat_map(|step| {
            step.events.iter().map(|&event| {
                let why_risky = why_risky(event);
                TrailEntry {
                    step: step.title.clone(),
                    event,
                    risky: why_risky.is_some(),
                    why_risky,
                }
            })
        })
        .collect();
    let mut risky = relevant(bundle.scenario);
    risky.extend(events.iter().filter(|e| e.risky).map(|e| e.event));
    risky.sort();
    risky.dedup();
    let pattern = pattern(&risky, None);
    Trail { events, risky, pattern }
}

/// The one call that is risky only by its argument: associating a key that is not one of ours.
pub const ASSOCIATE: TrailEvent = ev(LOGS, "AssociateKmsKey");

fn list(mut items: Vec<String>) -> Value {
    items.sort();
    items.dedup();
    Value::array(items.into_iter().map(Value::string).collect())
}

/// An EventBridge pattern for CloudTrail API calls with these sources and names. Sources and
/// names are matched independently; that over-matches nothing here because no two of these
/// services share an operation name.
///
/// With `own_keys` (`arn:P:kms:REGION:ACCOUNT:`), an AssociateKmsKey whose kmsKeyId does not
/// start with it also matches: a key in another account is one its owner can revoke (making new
/// events unwritable and old ones unreadable) or use to read the data.
pub fn pattern(events: &[TrailEvent], own_keys: Option<&str>) -> String {
    let by_name = |events: &[TrailEvent]| {
        vec![
            ("eventSource".to_owned(), list(events.iter().map(|e| e.source.to_owned()).collect())),
            ("eventName".to_owned(), list(events.iter().map(|e| e.name.to_owned()).collect())),
        ]
    };
    let mut sources: Vec<String> = events.iter().map(|e| event_bridge_source(e.source)).collect();
    let detail = match own_keys {
        None => Value::object(by_name(events)),
        Some(own) => {
            sources.push(event_bridge_source(ASSOCIATE.source));
            let not_ours = Value::object(vec![(
                "anything-but".into(),
                Value::object(vec![("prefix".into(), Value::string(own))]),
            )]);
            let mut foreign = by_name(&[ASSOCIATE]);
            foreign.push((
                "requestParameters".into(),
                Value::object(vec![("kmsKeyId".into(), Value::array(vec![not_ours]))]),
            ));
            Value::object(vec![(
                "$or".into(),
                Value::array(vec![Value::object(by_name(events)), Value::object(foreign)]),
            )])
        }
    };
    pretty(&Value::object(vec![
        ("source".into(), list(sources)),
        ("detail-type".into(), list(vec!["AWS API Call via CloudTrail".into()])),
        ("detail".into(), detail),
    ]))
}

/// `kms.amazonaws.com` → `aws.kms`, the `source` EventBridge gives CloudTrail events.
fn event_bridge_source(event_source: &str) -> String {
    format!(
        "aws.{}",
        event_source.strip_suffix(".amazonaws.com").unwrap_or(event_source)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenarios::step::operation::{KMS_GET_KEY_POLICY, KMS_PUT_KEY_POLICY, LOGS_ASSOCIATE_KMS_KEY, S3_PUT_BUCKET_POLICY};
    use crate::scenarios::step::AwsCall;
    use crate::scenarios::Step;

    fn bundle(scenario: ScenarioId, steps: Vec<Step>) -> Bundle {
        Bundle {
            scenario,
            documents: vec![],
            files: vec![],
            steps,
            notes: vec![],
        }
    }

    #[test]
    fn entries_follow_the_steps_and_flag_risky_calls() {
        let b = bundle(
            ScenarioId::LogGroupKey,
            vec![
                Step::new(
                    "Back up and replace",
                    vec![AwsCall::new(&KMS_GET_KEY_POLICY).into(), AwsCall::new(&KMS_PUT_KEY_POLICY).into()],
                ),
                Step::new("Associate", vec![AwsCall::new(&LOGS_ASSOCIATE_KMS_KEY).into()]),
            ],
        );
        let t = trail(&b);
        let got: Vec<(&str, &str, bool)> = t
            .events
            .iter()
            .map(|e| (e.step.as_str(), e.event.name, e.risky))
            .collect();
        assert_eq!(
            got,
            [
                ("Back up and replace", "GetKeyPolicy", false),
                ("Back up and replace", "PutKeyPolicy", true),
                ("Associate", "AssociateKmsKey", false)
            ]
        );
        assert!(t.events[1].why_risky.is_some_and(|w| w.contains("key policy")));
    }

    #[test]
    fn the_pattern_names_risky_calls_no_step_makes() {
        let t = trail(&bundle(ScenarioId::LogGroupKey, vec![]));
        let names: Vec<&str> = t.risky.iter().map(|e| e.name).collect();
        assert_eq!(
            names,
            [
                "CreateGrant",
                "DeleteAlias",
                "DisableKey",
                "DisableKeyRotation",
                "PutKeyPolicy",
                "ScheduleKeyDeletion",
                "UpdateAlias",
                "DeleteRetentionPolicy",
                "DisassociateKmsKey",
                "PutRetentionPolicy"
            ]
        );
        let v: serde_json::Value = serde_json::from_str(&t.pattern).expect("pattern is JSON");
        assert_eq!(v["source"], serde_json::json!(["aws.kms", "aws.logs"]));
        assert_eq!(v["detail-type"], serde_json::json!(["AWS API Call via CloudTrail"]));
        assert_eq!(
            v["detail"]["eventSource"],
            serde_json::json!(["kms.amazonaws.com", "logs.amazonaws.com"])
        );
    }

    #[test]
    fn a_risky_step_call_outside_the_scenario_set_still_joins_the_pattern() {
        let b = bundle(
            ScenarioId::QueryResultKey,
            vec![Step::new("x", vec![AwsCall::new(&S3_PUT_BUCKET_POLICY).into()])],
        );
        assert!(trail(&b).risky.contains(&TrailEvent::s3("PutBucketPolicy")));
    }

    #[test]
    fn every_relevant_call_has_a_reason() {
        for s in ScenarioId::ALL {
            for e in relevant(s) {
                assert!(why_risky(e).is_some(), "{s:?}: {e:?}");
            }
        }
    }
}
