//! The audit bundle: the watched setups' trails, the rule's files, its steps and notes.

use super::trail::{pattern, trail, Trail};
use super::AuditTrailSpec;
use crate::json::{pretty, Value};
use crate::scenarios::step::operation::{
    CLOUDTRAIL_LOOKUP_EVENTS, EVENTS_DESCRIBE_RULE, EVENTS_PUT_RULE, EVENTS_PUT_TARGETS, SNS_GET_TOPIC_ATTRIBUTES,
    SNS_SET_TOPIC_ATTRIBUTES,
};
use crate::scenarios::step::{save_files, AwsCall, Line};
use crate::scenarios::{Artifact, Bundle, ScenarioId, Step, TrailEvent};

/// A watched scenario and the trail of its typical bundle.
pub struct Watched {
    pub id: ScenarioId,
    pub trail: Trail,
}

/// Each watched scenario run on its default input moved to this Region and account, so the
/// table shows what the user's own setup would record.
pub fn watched_trails(input: &AuditTrailSpec) -> Vec<Watched> {
    let overrides = [
        ("region", input.region().to_owned()),
        ("account", input.account().to_owned()),
        ("partition", input.partition.id().to_owned()),
    ];
    input
        .watched
        .iter()
        .map(|&id| {
            let mut typical = id.default_input();
            if let Some(members) = typical.as_object_mut() {
                for (field, value) in &overrides {
                    if members.contains_key(*field) && !value.is_empty() {
                        members.insert((*field).to_owned(), serde_json::Value::String(value.clone()));
                    }
                }
            }
            let bundle = id.run(&typical).bundle.unwrap_or_else(|| Bundle {
                scenario: id,
                documents: Vec::new(),
                files: Vec::new(),
                steps: Vec::new(),
                notes: Vec::new(),
            });
            Watched {
                id,
                trail: trail(&bundle),
            }
        })
        .collect()
}

/// The risky events of every watched scenario, sorted, once each.
pub fn risky(watched: &[Watched]) -> Vec<TrailEvent> {
    let mut all: Vec<TrailEvent> = watched.iter().flat_map(|w| w.trail.risky.iter().copied()).collect();
    all.sort();
    all.dedup();
    all
}

/// `arn:P:kms:REGION:ACCOUNT:`, the start of every key ARN this account may associate without an
/// alert; none when no watched setup associates a key.
fn own_keys(input: &AuditTrailSpec, watched: &[Watched]) -> Option<String> {
    watched
        .iter()
        .any(|w| matches!(w.id, ScenarioId::LogGroupKey | ScenarioId::QueryResultKey))
        .then(|| format!("arn:{}:kms:{}:{}:", input.partition.id(), input.region(), input.account()))
}

fn rule_pattern(input: &AuditTrailSpec, watched: &[Watched]) -> String {
    pattern(&risky(watched), own_keys(input, watched).as_deref())
}

pub fn files(input: &AuditTrailSpec, watched: &[Watched]) -> Vec<Artifact> {
    let mut files = vec![Artifact {
        name: "EventBridge event pattern".into(),
        file_name: "event-pattern.json".into(),
        content: rule_pattern(input, watched),
        why: "Matches the CloudTrail records of the calls that can break encryption or delivery of the watched setups, or open their data to others.".into(),
    }];
    if let Some(topic) = input.topic() {
        files.push(Artifact {
            name: "SNS topic policy".into(),
            file_name: "sns-topic-policy.json".into(),
            content: topic_policy(topic, &input.rule_arn()),
            why: "Lets EventBridge publish to the topic, and only for this rule (aws:SourceArn), so no other rule or account can use the permission.".into(),
        });
    }
    files
}

/// EventBridge's documented SNS target permission, narrowed to the rule.
fn topic_policy(topic: &str, rule_arn: &str) -> String {
    let obj =
        |members: Vec<(&str, Value)>| Value::object(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect());
    let statement = obj(vec![
        ("Sid", Value::string("AllowEventBridgeRuleToPublish")),
        ("Effect", Value::string("Allow")),
        (
            "Principal",
            obj(vec![("Service", Value::string("events.amazonaws.com"))]),
        ),
        ("Action", Value::string("sns:Publish")),
        ("Resource", Value::string(topic)),
        (
            "Condition",
            obj(vec![(
                "ArnEquals",
                obj(vec![("aws:SourceArn", Value::string(rule_arn))]),
            )]),
        ),
    ]);
    pretty(&obj(vec![
        ("Version", Value::string("2012-10-17")),
        ("Statement", Value::array(vec![statement])),
    ]))
}

pub fn steps(input: &AuditTrailSpec, watched: &[Watched]) -> Vec<Step> {
    let region = input.region();
    let rule = input.rule_name.as_str();
    let saved: &[&str] = if input.topic().is_some() {
        &["event-pattern.json", "sns-topic-policy.json"]
    } else {
        &["event-pattern.json"]
    };
    let mut steps = vec![
        save_files("Save the files", "file", saved),
        Step::new(
            "Create the rule on the default event bus",
            vec![AwsCall::new(&EVENTS_PUT_RULE)
                .region(region)
                .text("name", rule)
                .wrap()
                .file("event-pattern", "event-pattern.json")
                .text("state", "ENABLED")
                .wrap()
                .text("description", "Risky changes to CloudWatch Logs encryption and delivery")
                .into()],
        ),
    ];
    if let Some(topic) = input.topic() {
        steps.push(Step::new(
            "Back up the topic's policy, then let the rule publish to it",
            vec![
                AwsCall::new(&SNS_GET_TOPIC_ATTRIBUTES)
                    .region(region)
                    .text("topic-arn", topic)
                    .query_text("Attributes.Policy")
                    .writes("sns-topic-policy.backup.json")
                    .into(),
                AwsCall::new(&SNS_SET_TOPIC_ATTRIBUTES)
                    .region(region)
                    .text("topic-arn", topic)
                    .text("attribute-name", "Policy")
                    .file("attribute-value", "sns-topic-policy.json")
                    .into(),
            ],
        ));
        steps.push(Step::new(
            "Send matching events to the topic",
            vec![AwsCall::new(&EVENTS_PUT_TARGETS)
                .region(region)
                .text("rule", rule)
                .text("targets", format!("Id=alert-topic,Arn={topic}"))
                .into()],
        ));
    }
    steps.push(Step::new(
        "Check the rule",
        vec![AwsCall::new(&EVENTS_DESCRIBE_RULE)
            .region(region)
            .text("name", rule)
            .query_text("[Name,State]")
            .into()],
    ));
    let lookups: Vec<Line> = risky(watched)
        .iter()
        .map(|e| {
            AwsCall::new(&CLOUDTRAIL_LOOKUP_EVENTS)
                .region(region)
                .text("lookup-attributes", format!("AttributeKey=EventName,AttributeValue={}", e.name))
                .text("max-results", "20")
                .query_text("Events[].[EventTime,Username]")
                .into()
        })
        .collect();
    if !lookups.is_empty() {
        steps.push(Step::new("Look for past risky calls in the last 90 days", lookups));
    }
    steps
}

pub fn notes(input: &AuditTrailSpec, watched: &[Watched]) -> Vec<String> {
    let mut notes = Vec::new();
    for w in watched {
        notes.extend(step_rows(w));
    }
    let chars = rule_pattern(input, watched).chars().count();
    notes.extend([
        format!("The rule sees only calls made in {}. IAM is global: IAM calls (such as CreateServiceLinkedRole for Firehose delivery) are recorded in us-east-1 in the commercial partition (the other partitions' home Region is unverified), so a rule for them must live there.", input.region()),
        "KMS calls that CloudWatch Logs makes with the key (GenerateDataKey, Decrypt, Encrypt) come from the service itself (userIdentity type AWSService); they are frequent and not alerted. That their encryptionContext carries the log group ARN (aws:logs:arn) is unverified.".to_owned(),
        "Event names are the API operation names. AssociateKmsKey, DisassociateKmsKey, DeleteResourcePolicy and the delivery calls are expected in CloudTrail but not in AWS's published list of logged CloudWatch Logs actions: trigger the rule once (for example put a key policy back unchanged) to see an alert arrive.".to_owned(),
        "AWS services deliver events to CloudTrail, and CloudTrail to EventBridge, on a best-effort basis: the rule is an alarm, not an audit log; keep a CloudTrail trail for the record.".to_owned(),
        "CreateGrant is alerted because a grant lets a principal use the key outside its key policy. AWS services that use a key on your behalf create grants too (their records show the service in userIdentity.invokedBy): expect alerts from them.".to_owned(),
        format!("The event pattern has {chars} characters; EventBridge accepts 2048 by default (4096 after a quota increase)."),
    ]);
    if let Some(own) = own_keys(input, watched) {
        notes.push(format!(
            "AssociateKmsKey is alerted only when its key is not one of account {}'s in {} (kmsKeyId not starting with {own}): a key in another account can be revoked by its owner, leaving new events unwritable and old ones unreadable, or used by that owner to read them. Unverified: that the CloudTrail record carries the key ARN in requestParameters.kmsKeyId is expected, not documented; associate a key once and check the record.",
            input.account(),
            input.region()
        ));
    }
    if input.topic().is_some() {
        notes.extend([
            "sns-topic-policy.json is an SNS topic policy. The checker has no topic-policy kind, so it is shown as a file rather than checked as a policy document.".to_owned(),
            "set-topic-attributes replaces the topic's whole policy: if sns-topic-policy.backup.json has statements you need (other publishers, other accounts), add them to sns-topic-policy.json first.".to_owned(),
            "If the topic is encrypted with a KMS key, that key's policy must let events.amazonaws.com use kms:GenerateDataKey and kms:Decrypt, or alerts are dropped.".to_owned(),
        ]);
    } else {
        notes.push("Without a topic the rule only counts matches (its MatchedEvents metric); add a target later with put-targets.".to_owned());
    }
    notes.push("Whoever runs the steps needs events:PutRule, events:DescribeRule, cloudtrail:LookupEvents and, with a topic, events:PutTargets, sns:GetTopicAttributes and sns:SetTopicAttributes.".to_owned());
    notes
}

/// One row per step that records events, then the risky calls no step makes.
fn step_rows(w: &Watched) -> Vec<String> {
    let name = w.id.cli_name();
    let mut rows: Vec<String> = Vec::new();
    let mut last_step: Option<&str> = None;
    for e in &w.trail.events {
        let cell = format!(
            "{} {}{}",
            e.event.source,
            e.event.name,
            if e.risky { " [alert]" } else { "" }
        );
        match (last_step, rows.last_mut()) {
            (Some(step), Some(row)) if step == e.step => row.push_str(&format!(", {cell}")),
            _ => rows.push(format!("{name} · {} → {cell}", e.step)),
        }
        last_step = Some(&e.step);
    }
    let unplanned: Vec<&str> = w
        .trail
        .risky
        .iter()
        .filter(|r| !w.trail.events.iter().any(|e| e.event == **r))
        .map(|r| r.name)
        .collect();
    if !unplanned.is_empty() {
        rows.push(format!(
            "{name} · alerted although no step makes them → {}",
            unplanned.join(", ")
        ));
    }
    rows
}
