//! The Firehose destination's service-linked role, AWSServiceRoleForLogDelivery: AWS creates and
//! owns it; its policies are shown for reference (domain-facts §4.4).

use super::deputy::{delivery_principal, DELIVERY_PRINCIPAL};
use super::VendedLogsSpec;
use crate::policy::{Policy, PolicyKind, Statement, ValueList};
use crate::scenarios::{Document, ExpectedFinding, Explanation};

pub const ROLE_NAME: &str = "AWSServiceRoleForLogDelivery";
pub const TAG_KEY: &str = "LogDeliveryEnabled";
const DOC_V1: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-Firehose.html";
const DOC_V2: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-Firehose.html";

/// `arn:P:iam::ACCOUNT:role/aws-service-role/delivery.logs.amazonaws.com/AWSServiceRoleForLogDelivery`.
pub fn role_arn(partition: &str, account: &str) -> String {
    format!("arn:{partition}:iam::{account}:role/aws-service-role/{DELIVERY_PRINCIPAL}/{ROLE_NAME}")
}

fn doc_url(input: &VendedLogsSpec) -> &'static str {
    if input.is_v2() {
        DOC_V2
    } else {
        DOC_V1
    }
}

/// The role's permissions and trust policy, exactly as AWS documents them (AWS's statements
/// have no Sid).
pub fn role_documents(input: &VendedLogsSpec) -> Vec<Document> {
    let permissions = Statement {
        effect: Some(crate::policy::Effect::Allow.into()),
        action: Some(ValueList::array_of([
            "firehose:PutRecord",
            "firehose:PutRecordBatch",
            "firehose:ListTagsForDeliveryStream",
        ])),
        resource: Some(ValueList::of(["*"])),
        ..Statement::default()
    }
    .with_condition(
        "StringEquals",
        &format!("aws:ResourceTag/{TAG_KEY}"),
        ValueList::of(["true"]),
    );
    let trust = Statement {
        effect: Some(crate::policy::Effect::Allow.into()),
        principal: Some(delivery_principal(false)),
        action: Some(ValueList::of(["sts:AssumeRole"])),
        ..Statement::default()
    };
    let stream = input.delivery_stream.as_str();
    // AWS's statements as AWS writes them: the role's grants are scoped by the stream tag, not by
    // name, and its trust policy has no source conditions.
    const AWS_OWNED: &str = "AWS writes and owns this service-linked role document; it is shown for reference, exactly as AWS has it, and you cannot narrow it.";
    vec![
        Document {
            name: format!("{ROLE_NAME} permissions (AWS managed, for reference)"),
            file_name: "log-delivery-role-permissions.json".into(),
            kind: PolicyKind::Identity,
            policy: Policy::new(vec![permissions]),
            explanations: vec![Explanation {
                sid: ROLE_NAME.into(),
                why: format!(
                    "Firehose has no resource policies, so delivery writes through this service-linked role in account {}. It may write to any stream tagged {TAG_KEY}=true, and to no other: the steps tag {stream}. Before 2021-07-15 the condition key was firehose:ResourceTag/{TAG_KEY}; a policy still using it is out of date.",
                    input.destination_account()
                ),
                doc_url: doc_url(input),
                kept_because: Some(AWS_OWNED),
            }],
            fragment: false,
            expected_findings: Vec::new(),
        },
        Document {
            name: format!("{ROLE_NAME} trust policy (AWS managed, for reference)"),
            file_name: "log-delivery-role-trust.json".into(),
            kind: PolicyKind::Trust,
            policy: Policy::new(vec![trust]),
            explanations: vec![Explanation {
                sid: ROLE_NAME.into(),
                why: format!(
                    "Only the log delivery service ({DELIVERY_PRINCIPAL}) may assume the role. AWS owns this policy; the role is created by iam:CreateServiceLinkedRole the first time delivery to Firehose is set up."
                ),
                doc_url: doc_url(input),
                kept_because: Some(AWS_OWNED),
            }],
            fragment: false,
            expected_findings: vec![ExpectedFinding {
                code: "SEC002",
                sid: ROLE_NAME.into(),
                because: AWS_OWNED,
            }],
        },
    ]
}
