//! The audit-trail form parsed once, each problem named by its field.

use super::{AuditTrailInput, AuditTrailSpec};
use crate::catalog::Partition;
use crate::policy::{is_account_id, Arn};
use crate::scenarios::identifiers::{AccountId, Field, Region};
use crate::scenarios::{FieldError, ScenarioId};

/// The spec of `input` and every problem with it; no problems means the bundle is ready to use.
pub fn parse(input: &AuditTrailInput) -> (AuditTrailSpec, Vec<FieldError>) {
    let mut out = Vec::new();
    let watched: Vec<ScenarioId> = [
        (input.watch_log_group_key, ScenarioId::LogGroupKey),
        (input.watch_query_result_key, ScenarioId::QueryResultKey),
        (input.watch_s3_export, ScenarioId::S3Export),
        (input.watch_vended_logs, ScenarioId::VendedLogs),
    ]
    .into_iter()
    .filter_map(|(on, id)| on.then_some(id))
    .collect();
    if watched.is_empty() {
        out.push(FieldError::error(
            "watch-log-group-key",
            "choose at least one setup to watch",
        ));
    }
    let region = input.region.trim();
    let partition = Partition::of_region(region);
    match partition {
        _ if region.is_empty() => out.push(FieldError::error("region", "enter the Region to watch, e.g. us-east-1")),
        None => out.push(FieldError::error(
            "region",
            format!("\"{region}\" is not a Region name such as us-east-1"),
        )),
        Some(p) if !p.regions().contains(&region) => out.push(FieldError::warning(
            "region",
            format!(
                "\"{region}\" is not a Region this tool knows in {}; check the spelling",
                p.id()
            ),
        )),
        Some(_) => {}
    }
    let account = input.account.trim();
    if !is_account_id(account) {
        out.push(FieldError::error(
            "account",
            format!("\"{account}\" is not an account ID: enter exactly 12 digits"),
        ));
    }
    let rule_name = input.rule_name.trim();
    check_rule_name(rule_name, &mut out);
    let topic = input.sns_topic_arn.trim();
    let spec = AuditTrailSpec {
        watched,
        partition: partition.unwrap_or_default(),
        // Typed by the shared parsers, whose wording this form does not use: it words its own
        // problems above (any partition's Region; the account as typed).
        region: Field::new(
            partition.and_then(|p| Region::parse("region", region, p, &mut Vec::new())),
            region,
        ),
        account: Field::new(AccountId::parse("account", account, "").ok().filter(|_| is_account_id(account)), account),
        rule_name: rule_name.to_owned(),
        topic: (!topic.is_empty()).then(|| topic.to_owned()),
    };
    if let Some(topic) = spec.topic() {
        check_topic(topic, &spec, &mut out);
    }
    (spec, out)
}

/// PutRule's `Name`: 1–64 of `[.\-_A-Za-z0-9]`.
fn check_rule_name(name: &str, out: &mut Vec<FieldError>) {
    if name.is_empty() {
        out.push(FieldError::error("rule-name", "enter a name for the rule"));
    } else if name.len() > 64 {
        out.push(FieldError::error(
            "rule-name",
            format!("{} characters; a rule name has at most 64", name.chars().count()),
        ));
    } else if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || ".-_".contains(*c)))
    {
        out.push(FieldError::error(
            "rule-name",
            format!("\"{bad}\" is not allowed; rule names use letters, digits and . - _"),
        ));
    }
}

fn check_topic(topic: &str, input: &AuditTrailSpec, out: &mut Vec<FieldError>) {
    let arn = match Arn::parse(topic) {
        Ok(arn) if arn.service == "sns" => arn,
        Ok(arn) => {
            out.push(FieldError::error(
                "sns-topic-arn",
                format!("\"{topic}\" is a {} ARN, not an SNS topic ARN", arn.service),
            ));
            return;
        }
        Err(e) => {
            out.push(FieldError::error(
                "sns-topic-arn",
                format!("\"{topic}\" is not a topic ARN: it {e}"),
            ));
            return;
        }
    };
    if arn.resource.contains([':', '/']) {
        out.push(FieldError::error(
            "sns-topic-arn",
            format!(
                "\"{}\" is not a topic name: that looks like a subscription ARN",
                arn.resource
            ),
        ));
    }
    if arn.partition != input.partition.id() {
        out.push(FieldError::error(
            "sns-topic-arn",
            format!(
                "the topic is in partition {}, the rule in {}",
                arn.partition,
                input.partition.id()
            ),
        ));
    }
    let region = input.region();
    if arn.region != region {
        out.push(FieldError::error(
            "sns-topic-arn",
            format!("the topic is in \"{}\" but the rule in \"{region}\": EventBridge only sends to targets in the rule's Region", arn.region),
        ));
    }
    if !arn.has_valid_account() {
        out.push(FieldError::error(
            "sns-topic-arn",
            format!("the topic ARN's account \"{}\" is not 12 digits", arn.account),
        ));
    } else if is_account_id(input.account()) && arn.account != input.account() {
        out.push(FieldError::warning(
            "sns-topic-arn",
            format!(
                "the topic belongs to account {}: its owner must apply the topic policy there",
                arn.account
            ),
        ));
    }
}
