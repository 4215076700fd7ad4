//! What the people setting up delivery need: IAM policies for the setup role in each account, and
//! across accounts with V2 the delivery destination policy (domain-facts §4.2–§4.6).

use super::firehose::role_arn;
use super::operations::{actions, DESTINATION_SETUP, DESTINATION_UNDO, SOURCE_LIST, SOURCE_SETUP, SOURCE_UNDO};
use super::{Destination, VendedLogsSpec};
use crate::policy::{Policy, PolicyKind, Principal, Statement, ValueList};
use crate::scenarios::{Document, Explanation};

/// The setup role's policy, same account; across accounts one per account.
pub(super) const SETUP_FILE: &str = "setup-permissions.json";
pub(super) const SOURCE_SETUP_FILE: &str = "source-account-permissions.json";
pub(super) const DESTINATION_SETUP_FILE: &str = "destination-account-permissions.json";

const OVERVIEW_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html";
const V2_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-vended-logs-permissions-V2.html";
const SERVICE_DOC: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-service-specific.html";
const CROSS_DOC: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/vended-logs-crossaccount-example.html";
const CWL_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-CWL.html";
const S3_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-S3.html";
const FH_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-Firehose.html";

/// The V2 delivery actions in AWS's order, with `UpdateDeliveryConfiguration` that the current
/// page adds to the seed's list.
pub const V2_READ_WRITE: [&str; 13] = [
    "logs:GetDelivery",
    "logs:GetDeliverySource",
    "logs:PutDeliveryDestination",
    "logs:GetDeliveryDestinationPolicy",
    "logs:DeleteDeliverySource",
    "logs:PutDeliveryDestinationPolicy",
    "logs:CreateDelivery",
    "logs:GetDeliveryDestination",
    "logs:PutDeliverySource",
    "logs:DeleteDeliveryDestination",
    "logs:DeleteDeliveryDestinationPolicy",
    "logs:DeleteDelivery",
    "logs:UpdateDeliveryConfiguration",
];
pub const V2_LIST: [&str; 4] = [
    "logs:DescribeDeliveryDestinations",
    "logs:DescribeDeliverySources",
    "logs:DescribeDeliveries",
    "logs:DescribeConfigurationTemplates",
];
/// V1: CreateLogDelivery turns logging on; the others let the same role change or end it.
pub const V1_DELIVERY: [&str; 5] = [
    "logs:CreateLogDelivery",
    "logs:GetLogDelivery",
    "logs:UpdateLogDelivery",
    "logs:DeleteLogDelivery",
    "logs:ListLogDeliveries",
];

fn allow(sid: &str, action: ValueList, resource: ValueList) -> Statement {
    Statement {
        sid: Some(sid.into()),
        effect: Some(crate::policy::Effect::Allow.into()),
        action: Some(action),
        resource: Some(resource),
        ..Statement::default()
    }
}

/// Statements and their explanations, built side by side so they cannot get out of step.
#[derive(Default)]
struct Parts {
    statements: Vec<Statement>,
    explanations: Vec<Explanation>,
}

impl Parts {
    fn push(&mut self, statement: Statement, why: String, doc_url: &'static str) {
        self.push_explained(statement, why, doc_url, None);
    }

    /// [`Parts::push`] of a statement that stays although no call needs it as written, saying why.
    fn push_kept(&mut self, statement: Statement, why: String, doc_url: &'static str, because: &'static str) {
        self.push_explained(statement, why, doc_url, Some(because));
    }

    fn push_explained(&mut self, statement: Statement, why: String, doc_url: &'static str, kept_because: Option<&'static str>) {
        let sid = statement.sid.as_ref().map(|t| t.value.clone()).unwrap_or_default();
        self.statements.push(statement);
        self.explanations.push(Explanation { sid, why, doc_url, kept_because });
    }

    fn document(self, name: String, file_name: &str) -> Document {
        Document {
            name,
            file_name: file_name.into(),
            kind: PolicyKind::Identity,
            policy: Policy::new(self.statements),
            explanations: self.explanations,
            fragment: false,
            expected_findings: Vec::new(),
        }
    }
}

/// One document for the setup role, or one per account when the destination is in another.
pub fn documents(input: &VendedLogsSpec) -> Vec<Document> {
    let a = input.source_account();
    let b = input.destination_account();
    if !input.is_cross_account() {
        let mut parts = Parts::default();
        if input.is_v2() {
            v2_delivery(input, &mut parts);
        } else if !input.uses_bucket_acl() {
            v1_delivery(&mut parts);
        }
        destination_updates(input, &mut parts);
        resource_grant(input, &mut parts);
        console_extras(input, &mut parts);
        return vec![parts.document(
            format!("IAM policy for the role that sets up delivery (account {a})"),
            SETUP_FILE,
        )];
    }
    let mut source = Parts::default();
    let mut destination = Parts::default();
    if input.is_v2() {
        resource_grant(input, &mut source);
        source.push(
            allow(
                "CreateLogDeliveryPermissions",
                ValueList::array_of(actions(&SOURCE_SETUP)),
                ValueList::array_of([
                    input.logs_arn(a, "delivery-source:*"),
                    input.logs_arn(a, "delivery:*"),
                    input.logs_arn(b, "delivery-destination:*"),
                ]),
            ),
            format!("Lets account {a}'s setup role create the delivery source for its resource and the delivery to account {b}'s delivery destination; account {b}'s delivery destination policy must allow it too."),
            CROSS_DOC,
        );
        // AWS's example grants only the two set-up calls; the steps also check and undo, and
        // cleaning up is the customer's job (§4.1), so the role gets those calls too.
        source.push(
            allow(
                "ListLogDeliveries",
                ValueList::array_of(actions(&SOURCE_LIST)),
                ValueList::of(["*"]),
            ),
            "Lets the role check the delivery it made (describe-deliveries); list actions take no resource ARN.".to_owned(),
            V2_DOC,
        );
        source.push_kept(
            allow(
                "CleanUpLogDeliveryPermissions",
                ValueList::array_of(actions(&SOURCE_UNDO)),
                ValueList::array_of([input.delivery_source_arn(), input.logs_arn(a, "delivery:*")]),
            ),
            format!("Lets account {a}'s setup role delete the delivery and then the delivery source, the undo steps; V2 objects are yours to clean up."),
            V2_DOC,
            DELIVERY_ID_UNKNOWN,
        );
        destination.push(
            allow(
                "PutLogDestinationPermissions",
                ValueList::array_of(actions(&DESTINATION_SETUP)),
                ValueList::of([input.logs_arn(b, "delivery-destination:*")]),
            ),
            format!("Lets account {b}'s setup role create the delivery destination and the policy that lets account {a} deliver to it."),
            CROSS_DOC,
        );
        destination.push(
            allow(
                "CleanUpLogDestinationPermissions",
                ValueList::array_of(actions(&DESTINATION_UNDO)),
                ValueList::of([input.delivery_destination_arn()]),
            ),
            format!("Lets account {b}'s setup role delete the delivery destination once account {a} has deleted the delivery, the last undo step."),
            V2_DOC,
        );
    } else if !input.uses_bucket_acl() {
        v1_delivery(&mut source);
    }
    destination_updates(input, &mut destination);
    console_extras(input, &mut destination);
    vec![
        source.document(
            format!("IAM policy for the setup role in the source account {a}"),
            SOURCE_SETUP_FILE,
        ),
        destination.document(
            format!("IAM policy for the setup role in the destination account {b}"),
            DESTINATION_SETUP_FILE,
        ),
    ]
}

fn v1_delivery(parts: &mut Parts) {
    parts.push(
        allow("AllowLogDeliveryActions", ValueList::array_of(V1_DELIVERY), ValueList::of(["*"])),
        "logs:CreateLogDelivery is what turning on logging in the service checks (V1 permissions); Get/Update/Delete/ListLogDeliveries let the same role change or turn it off. These actions take no resource ARN, hence \"*\".".to_owned(),
        OVERVIEW_DOC,
    );
}

fn v2_delivery(input: &VendedLogsSpec, parts: &mut Parts) {
    let a = input.source_account();
    parts.push(
        allow(
            "ReadWriteAccessForLogDeliveryActions",
            ValueList::array_of(V2_READ_WRITE),
            ValueList::array_of([
                input.logs_arn(a, "delivery:*"),
                input.logs_arn(a, "delivery-source:*"),
                input.logs_arn(a, "delivery-destination:*"),
            ]),
        ),
        format!("Lets the role create, read and delete the delivery source, delivery destination and delivery (V2 permissions) in account {a} and {}, including the later clean-up, which is yours to do.", input.region()),
        V2_DOC,
    );
    parts.push(
        allow("ListAccessForLogDeliveryActions", ValueList::array_of(V2_LIST), ValueList::of(["*"])),
        "Lets the role list delivery objects and the services' configuration templates; list actions take no resource ARN.".to_owned(),
        V2_DOC,
    );
}

/// What lets the role (or CloudWatch Logs acting for it) change the destination's policy.
fn destination_updates(input: &VendedLogsSpec, parts: &mut Parts) {
    let b = input.destination_account();
    match input.destination {
        Destination::CloudwatchLogs => {
            // V1's page scopes these to log groups; V2's to the whole account and Region.
            let resource = input.logs_arn(b, if input.is_v2() { "*" } else { "log-group:*" });
            parts.push(
                allow(
                    "AllowUpdatesToResourcePolicyCWL",
                    ValueList::array_of(["logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"]),
                    ValueList::array_of([resource]),
                ),
                "Lets the role (and CloudWatch Logs on its behalf) read and write the log group resource policy. AWS asks for a wildcard resource, not the one log group: resource policies belong to the account, not to a log group.".to_owned(),
                CWL_DOC,
            );
        }
        Destination::S3 if input.uses_bucket_acl() => parts.push(
            allow(
                "AllowBucketAclUpdates",
                ValueList::array_of(["s3:GetBucketAcl", "s3:PutBucketAcl", "s3:PutBucketOwnershipControls"]),
                ValueList::of([input.bucket_arn()]),
            ),
            format!("Lets the role enable ACLs on bucket {} and lets the service, when the role turns logging on, read the bucket ACL and add its log-delivery account to it (unverified: from the service's guide, not domain-facts).", input.bucket()),
            OVERVIEW_DOC,
        ),
        Destination::S3 => parts.push(
            allow(
                "AllowUpdatesToResourcePolicyS3",
                ValueList::array_of(["s3:PutBucketPolicy", "s3:GetBucketPolicy"]),
                ValueList::of([input.bucket_arn()]),
            ),
            format!("Lets the role (and CloudWatch Logs on its behalf) read and extend bucket {}'s policy with the delivery statements.", input.bucket()),
            S3_DOC,
        ),
        Destination::Firehose => {
            parts.push(
                allow(
                    "AllowUpdatesToResourcePolicyFH",
                    ValueList::array_of(["firehose:TagDeliveryStream"]),
                    ValueList::array_of([format!("arn:{}:firehose:{}:{b}:deliverystream/*", input.p(), input.region())]),
                ),
                "Lets the role tag the stream LogDeliveryEnabled=true: Firehose has no resource policy, and the delivery role may only write to streams with that tag.".to_owned(),
                FH_DOC,
            );
            parts.push(
                allow(
                    "CreateServiceLinkedRole",
                    ValueList::array_of(["iam:CreateServiceLinkedRole"]),
                    ValueList::of([role_arn(input.p(), b)]),
                ),
                "Lets the role create the AWSServiceRoleForLogDelivery service-linked role the first time; once it exists only the tag permission is needed.".to_owned(),
                FH_DOC,
            );
        }
    }
}

/// `SERVICE:AllowVendedLogDeliveryForResource` on the emitting resource, for services whose
/// documentation requires it.
fn resource_grant(input: &VendedLogsSpec, parts: &mut Parts) {
    let Some(prefix) = input.service().and_then(|s| s.resource_grant) else {
        return;
    };
    parts.push(
        allow(
            "ServiceLevelAccessForLogDelivery",
            ValueList::array_of([format!("{prefix}:AllowVendedLogDeliveryForResource")]),
            ValueList::of([input.source_resource_arn()]),
        ),
        format!("{} requires explicit permission to send this resource's logs (an extra check on PutDeliverySource); it is limited to the one resource.", input.service().map_or("The service", |s| s.label)),
        SERVICE_DOC,
    );
}

/// What the console needs to list destinations; CloudWatch Logs' list permission is already in
/// the resource-policy statement.
fn console_extras(input: &VendedLogsSpec, parts: &mut Parts) {
    if !input.console_extras {
        return;
    }
    match input.destination {
        Destination::CloudwatchLogs => {}
        Destination::S3 => parts.push_kept(
            allow(
                "ConsoleListBuckets",
                ValueList::array_of(["s3:ListAllMyBuckets", "s3:ListBucket", "s3:GetBucketLocation"]),
                ValueList::array_of([format!("arn:{}:s3:::*", input.p())]),
            ),
            "Only for setting up in the console: lets it list buckets to choose from.".to_owned(),
            OVERVIEW_DOC,
            Explanation::CONSOLE_EXTRA,
        ),
        Destination::Firehose => parts.push_kept(
            allow(
                "ConsoleListDeliveryStreams",
                ValueList::array_of(["firehose:ListDeliveryStreams", "firehose:DescribeDeliveryStream"]),
                ValueList::of(["*"]),
            ),
            "Only for setting up in the console: lets it list Firehose streams to choose from.".to_owned(),
            OVERVIEW_DOC,
            Explanation::CONSOLE_EXTRA,
        ),
    }
}

/// Why a delete grant names `delivery:*`: the one delivery cannot be named in advance.
const DELIVERY_ID_UNKNOWN: &str = "delivery:* is as narrow as it can be written: AWS picks the delivery's id when create-delivery runs, so the policy cannot name it in advance; the delivery source is named exactly.";

/// V2 across accounts: account B lets account A create deliveries to its delivery destination.
pub fn delivery_destination_policy(input: &VendedLogsSpec) -> Document {
    let a = input.source_account();
    let statement = Statement {
        sid: Some("AllowCreateDelivery".into()),
        effect: Some(crate::policy::Effect::Allow.into()),
        principal: Some(Principal::aws([a])),
        action: Some(ValueList::array_of(["logs:CreateDelivery"])),
        resource: Some(ValueList::of([input.delivery_destination_arn()])),
        ..Statement::default()
    };
    Document {
        name: format!("Delivery destination policy for {}", input.delivery_destination_name.as_str()),
        file_name: "delivery-destination-policy.json".into(),
        kind: PolicyKind::LogResource,
        policy: Policy::new(vec![statement]),
        explanations: vec![Explanation {
            sid: "AllowCreateDelivery".into(),
            why: format!(
                "Lets account {a} pair its delivery source with this delivery destination (CreateDelivery), and nothing else; it names the destination created here, where AWS's example names a different one."
            ),
            doc_url: CROSS_DOC,
            kept_because: None,
        }],
        fragment: false,
        expected_findings: Vec::new(),
    }
}
