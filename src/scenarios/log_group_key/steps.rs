//! The ordered AWS CLI steps, with every value filled in and quoted for bash.

use super::{CallerPermission, LogGroupKeyInput, LogGroupState, NEW_KEY_ID};
use crate::scenarios::new_key::{alias_name, rotation_and_alias};
use crate::scenarios::shell::quote;
use crate::scenarios::{Document, Step, TrailEvent};

pub fn steps(input: &LogGroupKeyInput, documents: &[Document]) -> Vec<Step> {
    let region = quote(input.region.trim());
    let groups = input.group_names();
    let mut steps = Vec::new();
    let step = |title: &str, command: String, events: &[TrailEvent]| Step::new(title, command, events);

    steps.push(step(
        "Save the documents",
        format!(
            "# Save each document below under its file name in this directory: {}",
            documents
                .iter()
                .map(|d| d.file_name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        &[],
    ));
    if input.is_rotation() {
        steps.push(step(
            "Note the key the log groups use now",
            describe_groups(&region, &groups),
            &[TrailEvent::logs("DescribeLogGroups")],
        ));
    }
    if input.is_new_key() {
        steps.push(step(
            "Create the key with its policy",
            format!(
                "KEY_ARN=$(aws kms create-key --region {region} \\\n  --description {} \\\n  --key-spec SYMMETRIC_DEFAULT --key-usage ENCRYPT_DECRYPT \\\n  --policy file://key-policy.json \\\n  --query KeyMetadata.Arn --output text)\necho \"$KEY_ARN\"",
                quote(&format!("CloudWatch Logs key for {}", group_summary(input)))
            ), &[TrailEvent::kms("CreateKey")]));
        steps.push(rotation_and_alias(
            "Turn on the key's automatic rotation and give it an alias",
            &region,
            &key_alias(input),
        ));
    } else {
        steps.push(step(
            "Back up the key's current policy, then apply the new one",
            format!(
                "KEY_ARN={}\naws kms get-key-policy --region {region} --key-id \"$KEY_ARN\" --policy-name default --output text > key-policy.backup.json\naws kms put-key-policy --region {region} --key-id \"$KEY_ARN\" --policy-name default --policy file://key-policy.json",
                quote(input.key_arn.trim())
            ), &[TrailEvent::kms("GetKeyPolicy"), TrailEvent::kms("PutKeyPolicy")]));
    }
    if input.caller_permission == CallerPermission::IamPolicy && !input.caller_arns().is_empty() {
        let mut lines = Vec::new();
        let file = if input.is_new_key() {
            lines.push(format!(
                "sed \"s|{}|$KEY_ARN|\" caller-policy.json > caller-policy.resolved.json",
                input.key_arn_or_placeholder()
            ));
            "caller-policy.resolved.json"
        } else {
            "caller-policy.json"
        };
        let mut iam_events = Vec::new();
        for arn in input.caller_arns() {
            let (kind, name) = principal_name(arn);
            iam_events.push(TrailEvent::iam(if kind == "user" {
                "PutUserPolicy"
            } else {
                "PutRolePolicy"
            }));
            lines.push(format!(
                "aws iam put-{kind}-policy --{kind}-name {} --policy-name cloudwatch-logs-key --policy-document file://{file}",
                quote(name)
            ));
        }
        steps.push(step(
            "Give the caller roles their IAM policy",
            lines.join("\n"),
            &iam_events,
        ));
    }
    if !groups.is_empty() {
        let (title, verb, group_event) = match input.log_group_state {
            LogGroupState::New => (
                "Create the log groups with the key",
                "create-log-group",
                TrailEvent::logs("CreateLogGroup"),
            ),
            LogGroupState::Existing => (
                "Associate the key with the log groups",
                "associate-kms-key",
                TrailEvent::logs("AssociateKmsKey"),
            ),
        };
        let mut lines: Vec<String> = groups
            .iter()
            .map(|g| {
                format!(
                    "aws logs {verb} --region {region} --log-group-name {} --kms-key-id \"$KEY_ARN\"",
                    quote(g)
                )
            })
            .collect();
        if let (LogGroupState::New, Some(days)) = (input.log_group_state, input.retention.in_days()) {
            lines.extend(groups.iter().map(|g| {
                format!(
                    "aws logs put-retention-policy --region {region} --log-group-name {} --retention-in-days {days}",
                    quote(g)
                )
            }));
        }
        if input.is_rotation() {
            // The wait before the old key is reduced counts its five minutes from here.
            lines.push("ASSOCIATED_AT=$(date +%s)".to_owned());
        }
        let mut events = vec![group_event];
        if input.log_group_state == LogGroupState::New && input.retention.in_days().is_some() {
            events.push(TrailEvent::logs("PutRetentionPolicy"));
        }
        steps.push(step(title, lines.join("\n"), &events));
        if input.is_rotation() {
            steps.push(wait_for_new_key(&region, &groups));
        } else {
            steps.push(step(
                "Check the association (it can take up to 5 minutes)",
                describe_groups(&region, &groups),
                &[TrailEvent::logs("DescribeLogGroups")],
            ));
        }
    }
    if input.is_rotation() {
        let old = quote(input.rotate_from.trim());
        steps.push(step(
            "Back up the old key's policy, then reduce it to decrypt-only",
            format!(
                "OLD_KEY_ARN={old}\naws kms get-key-policy --region {region} --key-id \"$OLD_KEY_ARN\" --policy-name default --output text > old-key-policy.backup.json\naws kms put-key-policy --region {region} --key-id \"$OLD_KEY_ARN\" --policy-name default --policy file://old-key-policy.json"
            ), &[TrailEvent::kms("GetKeyPolicy"), TrailEvent::kms("PutKeyPolicy")]));
    }
    if !groups.is_empty() {
        steps.push(step(
            "Later, only to undo: stop encrypting new events with the key",
            groups
                .iter()
                .map(|g| {
                    format!(
                        "# aws logs disassociate-kms-key --region {region} --log-group-name {}",
                        quote(g)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            &[],
        ));
    }
    debug_assert!(
        !NEW_KEY_ID.contains('|'),
        "the placeholder is used inside a sed expression"
    );
    steps
}

/// Until every group reports the new key, and five minutes have passed since the association
/// (AWS's bound for it to take effect, §1.7): reduced earlier, the old key would refuse the
/// encryption CloudWatch Logs still does with it. Gives up after ten minutes, failing, so a
/// script stops before the old key changes.
fn wait_for_new_key(region: &str, groups: &[&str]) -> Step {
    let mut lines = vec![
        "wait_for_new_key() {".to_owned(),
        "  : \"${KEY_ARN:?set KEY_ARN to the ARN of the new key (the key step sets it)}\"".to_owned(),
        "  current=".to_owned(),
        "  for _ in {1..60}; do".to_owned(),
        format!(
            "    current=$(aws logs describe-log-groups --region {region} --log-group-name-prefix \"$1\" --query \"logGroups[?logGroupName=='$1'].kmsKeyId\" --output text)"
        ),
        "    if [ \"$current\" = \"$KEY_ARN\" ]; then echo \"$1: $current\"; return 0; fi".to_owned(),
        "    sleep 10".to_owned(),
        "  done".to_owned(),
        "  echo \"$1 still uses key '$current', not $KEY_ARN, after 10 minutes: the old key is left unchanged\" >&2".to_owned(),
        "  return 1".to_owned(),
        "}".to_owned(),
    ];
    lines.extend(groups.iter().map(|g| format!("wait_for_new_key {}", quote(g))));
    lines.extend([
        "remaining=$(( ${ASSOCIATED_AT:-0} + 300 - $(date +%s) ))".to_owned(),
        "if [ \"$remaining\" -gt 0 ]; then echo \"waiting $remaining s more\"; sleep \"$remaining\"; fi".to_owned(),
    ]);
    Step::new(
        "Wait until the log groups use the new key (up to 5 minutes) before changing the old one",
        lines.join("\n"),
        &[TrailEvent::logs("DescribeLogGroups")],
    )
}

/// One `describe-log-groups` line per group, showing the key each uses.
fn describe_groups(region: &str, groups: &[&str]) -> String {
    groups.iter().map(|g| describe_group(region, g)).collect::<Vec<_>>().join("\n")
}

fn describe_group(region: &str, group: &str) -> String {
    format!(
        "aws logs describe-log-groups --region {region} --log-group-name-prefix {} --query 'logGroups[].[logGroupName,kmsKeyId]' --output text",
        quote(group)
    )
}

fn group_summary(input: &LogGroupKeyInput) -> String {
    match input.group_names().as_slice() {
        [one] if input.scope != super::Scope::Account => one.to_string(),
        _ => format!("log groups in {}", input.region.trim()),
    }
}

/// Named after the one log group, or the Region when the key serves several.
fn key_alias(input: &LogGroupKeyInput) -> String {
    match input.group_names().as_slice() {
        [one] if input.scope != super::Scope::Account => alias_name("cloudwatch-logs", one),
        _ => alias_name("cloudwatch-logs", &format!("{}-log-groups", input.region.trim())),
    }
}

/// `("role", "name")` or `("user", "name")` from an IAM ARN; the name is the last path segment.
fn principal_name(arn: &str) -> (&'static str, &str) {
    let resource = arn.splitn(6, ':').nth(5).unwrap_or("");
    let kind = if resource.starts_with("user/") { "user" } else { "role" };
    (kind, resource.rsplit('/').next().unwrap_or(resource))
}
