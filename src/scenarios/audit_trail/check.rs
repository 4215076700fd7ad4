//! Input checks for the audit-trail form, each problem named by its field.

use super::AuditTrailInput;
use crate::catalog::Partition;
use crate::policy::{is_account_id, Arn};
use crate::scenarios::FieldError;

/// Every problem with the inputs; empty means the bundle is ready to use.
pub fn check_input(input: &AuditTrailInput) -> Vec<FieldError> {
    let mut out = Vec::new();
    if input.watched().is_empty() {
        out.push(FieldError::error(
            "watch-log-group-key",
            "choose at least one setup to watch",
        ));
    }
    let region = input.region.trim();
    match Partition::of_region(region) {
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
    check_rule_name(input.rule_name.trim(), &mut out);
    if let Some(topic) = input.topic() {
        check_topic(topic, input, &mut out);
    }
    out
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

fn check_topic(topic: &str, input: &AuditTrailInput, out: &mut Vec<FieldError>) {
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
    if arn.partition != input.partition().id() {
        out.push(FieldError::error(
            "sns-topic-arn",
            format!(
                "the topic is in partition {}, the rule in {}",
                arn.partition,
                input.partition().id()
            ),
        ));
    }
    let region = input.region.trim();
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
    } else if is_account_id(input.account.trim()) && arn.account != input.account.trim() {
        out.push(FieldError::warning(
            "sns-topic-arn",
            format!(
                "the topic belongs to account {}: its owner must apply the topic policy there",
                arn.account
            ),
        ));
    }
}
