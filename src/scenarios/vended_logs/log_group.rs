//! The log group resource policy for CloudWatch Logs destinations (domain-facts §4.2), and its
//! size against the documented 5,120-character limit.

use super::deputy::{self, delivery_principal};
use super::VendedLogsSpec;
use crate::policy::{Policy, PolicyKind, Statement, ValueList};
use crate::scenarios::{Document, Explanation};

/// The Sid (and account-level policy name) AWS gives the statement it writes.
pub const SID: &str = "AWSLogDeliveryWrite20150319";
/// The limit the vended-logs page documents; the current API model accepts 51,200 (§8, open).
pub const DOCUMENTED_LIMIT: usize = 5_120;
pub const API_LIMIT: usize = 51_200;

const V1_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-CWL.html";
const V2_DOC: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-CloudWatchLogs.html";

pub fn policy(input: &VendedLogsSpec) -> Document {
    let streams = format!("{}:log-stream:*", input.log_group_arn());
    let statement = deputy::scoped(
        Statement {
            sid: Some(SID.into()),
            effect: Some(crate::policy::Effect::Allow.into()),
            principal: Some(delivery_principal(true)),
            action: Some(ValueList::array_of(["logs:CreateLogStream", "logs:PutLogEvents"])),
            resource: Some(ValueList::array_of([streams])),
            ..Statement::default()
        },
        input,
    );
    let why = format!(
        "Lets the log delivery service ({}) create log streams in log group {} and put events into them, and nothing else: resource policies on log groups only take these two actions. {}",
        deputy::DELIVERY_PRINCIPAL,
        input.log_group(),
        deputy::why(input)
    );
    Document {
        name: format!("Resource policy for log group {}", input.log_group()),
        file_name: "log-group-policy.json".into(),
        kind: PolicyKind::LogResource,
        policy: Policy::new(vec![statement]),
        explanations: vec![Explanation {
            sid: SID.into(),
            why,
            doc_url: if input.is_v2() { V2_DOC } else { V1_DOC },
            kept_because: None,
        }],
        fragment: false,
        expected_findings: Vec::new(),
    }
}

/// Characters of the printed policy, which is what `put-resource-policy` sends.
pub fn size(doc: &Document) -> usize {
    doc.text().chars().count()
}

/// The policy's size against the limits, with the `/aws/vendedlogs/` advice when it matters.
pub fn size_notes(input: &VendedLogsSpec, doc: &Document) -> Vec<String> {
    let n = size(doc);
    let mut notes = Vec::new();
    if n > API_LIMIT {
        notes.push(format!(
            "Error: the log group resource policy is {n} characters, over the API's 51,200: CloudWatch Logs will reject it. List fewer organization paths."
        ));
    } else if n > DOCUMENTED_LIMIT {
        notes.push(format!(
            "Warning: the log group resource policy is {n} characters, over the 5,120 the vended-logs page documents (the current API accepts 51,200; which applies is unverified). Shorten it, e.g. fewer organization paths."
        ));
    } else {
        notes.push(format!(
            "The log group resource policy is {n} of the documented 5,120 characters. CloudWatch Logs adds a statement per log group to its own policy; when that nears 5,120 characters it allows /aws/vendedlogs/* instead."
        ));
    }
    if !input.log_group().starts_with("/aws/vendedlogs/") {
        notes.push("Name vended-log groups /aws/vendedlogs/…: once CloudWatch Logs' policy nears its size limit it only allows /aws/vendedlogs/*, and other log groups stop receiving these logs.".to_owned());
    }
    notes
}

/// The account-level policy name the steps use: one per log group, so that applying it never
/// replaces the policy of another log group.
pub fn policy_name(input: &VendedLogsSpec) -> String {
    let group: String = input
        .log_group()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let group = group.trim_matches('-');
    let mut name = format!("vended-logs-{group}");
    name.truncate(128);
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenarios::vended_logs::{parse, Destination, VendedLogsInput};

    fn form(log_group: &str) -> VendedLogsInput {
        VendedLogsInput {
            service: "step-functions".into(),
            log_group: log_group.into(),
            destination: Destination::CloudwatchLogs,
            ..VendedLogsInput::default()
        }
    }

    fn input(log_group: &str) -> VendedLogsSpec {
        parse(&form(log_group)).0
    }

    #[test]
    fn the_size_is_the_printed_length_and_is_judged_against_5120() {
        let small = input("/aws/vendedlogs/states/orders");
        let doc = policy(&small);
        assert_eq!(size(&doc), doc.text().len(), "ASCII only, so bytes = characters");
        let notes = size_notes(&small, &doc);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].starts_with(&format!("The log group resource policy is {} of", size(&doc))));
        let big = parse(&VendedLogsInput {
            org_paths: (0..100)
                .map(|i| format!("o-a1b2c3d4e5/r-ab12/ou-ab12-{i:08}/"))
                .collect(),
            ..form("/aws/vendedlogs/states/orders")
        })
        .0;
        let doc = policy(&big);
        assert!(
            size(&doc) > DOCUMENTED_LIMIT && size(&doc) < API_LIMIT,
            "{}",
            size(&doc)
        );
        assert!(size_notes(&big, &doc)[0].starts_with("Warning:"));
    }

    #[test]
    fn log_groups_outside_aws_vendedlogs_get_the_advice() {
        let other = input("my-log-group");
        let notes = size_notes(&other, &policy(&other));
        assert!(notes[1].contains("/aws/vendedlogs/"), "{notes:?}");
    }

    #[test]
    fn policy_names_keep_only_safe_characters() {
        assert_eq!(
            policy_name(&input("/aws/vendedlogs/a#b.c")),
            "vended-logs-aws-vendedlogs-a-b-c"
        );
        assert_eq!(policy_name(&input(&"x".repeat(400))).len(), 128);
    }
}
