//! Scenario 4: deliver AWS service logs (vended logs) to CloudWatch Logs, S3 or Firehose
//! (domain-facts §4).
//!
//! The service table decides V1 or V2. The bundle has the setup permissions, the destination's
//! policy for `delivery.logs.amazonaws.com` (log group resource policy, bucket policy plus key
//! statement, or the Firehose service-linked role's facts), the V2 delivery commands and, across
//! accounts, the delivery destination policy; every service statement carries the confused-deputy
//! conditions.

mod calls;
mod check_destination;
mod deputy;
mod fields;
mod firehose;
mod log_group;
mod notes;
mod operations;
pub mod operator;
mod parse;
mod permissions;
mod s3;
pub mod services;
pub(crate) mod steps;

pub use parse::parse;
pub use services::{Service, Support, SERVICES};

use super::identifiers::{arn, AccountId, BucketName, Field, KeyArn, LogGroupName, Region};
use super::facts::{Given, ScenarioFacts};
use super::{Bundle, Document, FieldError, FieldSpec, Scenario, ScenarioId};
use crate::catalog::Partition;
use serde::{Deserialize, Serialize};

/// Where the logs go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Destination {
    #[default]
    CloudwatchLogs,
    S3,
    Firehose,
}

impl Destination {
    pub const ALL: [Destination; 3] = [Destination::CloudwatchLogs, Destination::S3, Destination::Firehose];

    /// The form's and CLI's name (the serde name).
    pub fn id(self) -> &'static str {
        match self {
            Destination::CloudwatchLogs => "cloudwatch-logs",
            Destination::S3 => "s3",
            Destination::Firehose => "firehose",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Destination::CloudwatchLogs => "CloudWatch Logs",
            Destination::S3 => "Amazon S3",
            Destination::Firehose => "Amazon Data Firehose",
        }
    }
}

/// The form's inputs, named as the form fields and CLI flags are (kebab-case).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct VendedLogsInput {
    pub partition: Partition,
    pub region: String,
    /// The account that owns the resource emitting the logs.
    pub account: String,
    /// An id from [`SERVICES`].
    pub service: String,
    pub destination: Destination,
    /// Empty: the destination is in `account`.
    pub destination_account: String,
    /// V2: the emitting resource (`put-delivery-source --resource-arn`); empty takes the chosen
    /// service's example resource in the source account and Region.
    pub source_resource_arn: String,
    /// V2: empty takes the service's first documented log type.
    pub log_type: String,
    pub delivery_source_name: String,
    pub delivery_destination_name: String,
    pub log_group: String,
    pub bucket: String,
    /// Key prefix inside the bucket, without leading or trailing `/`.
    pub prefix: String,
    /// The bucket's SSE-KMS key; empty when the bucket uses SSE-S3.
    pub key_arn: String,
    pub include_list_bucket: bool,
    pub delivery_stream: String,
    pub org_id: String,
    pub org_paths: Vec<String>,
    pub console_extras: bool,
}

impl Default for VendedLogsInput {
    /// AWS's documentation example values (the V2 Bedrock example), so the page shows a complete
    /// bundle at once.
    fn default() -> Self {
        VendedLogsInput {
            partition: Partition::Aws,
            region: "us-east-1".into(),
            account: "111122223333".into(),
            service: "bedrock-knowledge-bases".into(),
            destination: Destination::CloudwatchLogs,
            destination_account: String::new(),
            // Empty, not Bedrock's example: a default ARN of one service would outlive a change of
            // service, Region or account and name a resource delivery cannot use.
            source_resource_arn: String::new(),
            log_type: String::new(),
            delivery_source_name: "my-delivery-source".into(),
            delivery_destination_name: "my-delivery-destination".into(),
            log_group: "/aws/vendedlogs/my-log-group".into(),
            bucket: "my-bucket".into(),
            prefix: String::new(),
            key_arn: String::new(),
            include_list_bucket: false,
            delivery_stream: "my-delivery-stream".into(),
            org_id: String::new(),
            org_paths: Vec::new(),
            console_extras: false,
        }
    }
}

/// What tests and callers outside the scenario ask of the form's values.
impl VendedLogsInput {
    /// The account of the resource sending the logs, trimmed (see [`VendedLogsSpec::source_account`]).
    pub fn source_account(&self) -> &str {
        self.account.trim()
    }

    /// See [`VendedLogsSpec::uses_bucket_acl`].
    pub fn uses_bucket_acl(&self) -> bool {
        parse(self).0.uses_bucket_acl()
    }

    /// See [`VendedLogsSpec::has_key`].
    pub fn has_key(&self) -> bool {
        parse(self).0.has_key()
    }

    /// See [`VendedLogsSpec::source_resource_arn`].
    pub fn source_resource_arn(&self) -> String {
        parse(self).0.source_resource_arn()
    }
}

/// The vended-logs input parsed once: the values every document, step and note uses, trimmed and
/// normalised (see [`parse::parse`] for the checks, in the form's order). Each destination's
/// fields are parsed whichever destination is chosen; only the chosen one's problems are shown.
#[derive(Clone, Debug)]
pub struct VendedLogsSpec {
    pub partition: Partition,
    pub region: Field<Region>,
    /// The account that owns the resource emitting the logs.
    pub account: Field<AccountId>,
    /// The service id as typed (trimmed), and the service it names in [`SERVICES`].
    pub service_id: String,
    pub service: Option<&'static Service>,
    pub destination: Destination,
    /// The destination's owner when another account owns it; `None` when it is `account`.
    pub destination_account: Option<Field<AccountId>>,
    /// V2: the emitting resource as typed (trimmed); `None` takes the service's example resource.
    pub source_resource_arn: Option<String>,
    /// V2: the log type as typed (trimmed); empty takes the service's first documented one.
    pub log_type: String,
    pub delivery_source_name: String,
    pub delivery_destination_name: String,
    pub log_group: Field<LogGroupName>,
    pub bucket: Field<BucketName>,
    /// Key prefix inside the bucket, without surrounding whitespace or `/`.
    pub prefix: String,
    /// The bucket's SSE-KMS key; `None` when the bucket uses SSE-S3.
    pub key: Option<Field<KeyArn>>,
    pub include_list_bucket: bool,
    pub delivery_stream: String,
    pub org_id: String,
    /// Organization paths, trimmed, blanks left out.
    pub org_paths: Vec<String>,
    pub console_extras: bool,
}

impl VendedLogsSpec {
    pub fn service(&self) -> Option<&'static Service> {
        self.service
    }

    /// V2 when the service's row says so; an unknown service counts as V1.
    pub fn is_v2(&self) -> bool {
        self.service().is_some_and(Service::is_v2)
    }

    /// The service writes to the bucket through the bucket ACL, not a bucket policy.
    pub fn uses_bucket_acl(&self) -> bool {
        self.service()
            .is_some_and(|s| s.support(self.destination) == Support::BucketAcl)
    }

    pub fn source_account(&self) -> &str {
        self.account.as_str()
    }

    /// The account that owns the log group, bucket or stream.
    pub fn destination_account(&self) -> &str {
        self.destination_account.as_ref().map_or(self.source_account(), Field::as_str)
    }

    pub fn is_cross_account(&self) -> bool {
        self.destination_account() != self.source_account()
    }

    fn p(&self) -> &'static str {
        self.partition.id()
    }

    pub fn region(&self) -> &str {
        self.region.as_str()
    }

    pub fn log_group(&self) -> &str {
        self.log_group.as_str()
    }

    pub fn bucket(&self) -> &str {
        self.bucket.as_str()
    }

    /// The given key's ARN; empty when none is given.
    pub fn key_arn(&self) -> &str {
        self.key.as_ref().map_or("", Field::as_str)
    }

    /// The resource `put-delivery-source` names: as typed, or the service's example one.
    pub fn source_resource_arn(&self) -> String {
        match (&self.source_resource_arn, self.service()) {
            (None, Some(service)) => service.example_arn(self.p(), self.region(), self.source_account()),
            (typed, _) => typed.clone().unwrap_or_default(),
        }
    }

    /// Whether the delivery source names the service's example resource, not the user's.
    pub fn uses_example_resource(&self) -> bool {
        self.source_resource_arn.is_none()
    }

    pub fn log_type(&self) -> &str {
        match self.log_type.as_str() {
            "" => self
                .service()
                .and_then(|s| s.log_types.first().copied())
                .unwrap_or("LOG_TYPE"),
            other => other,
        }
    }

    /// `arn:P:logs:R:ACCOUNT:REST` in the given account.
    fn logs_arn(&self, account: &str, rest: &str) -> String {
        arn::logs(self.partition, self.region(), account, rest)
    }

    pub fn delivery_source_arn(&self) -> String {
        self.logs_arn(
            self.source_account(),
            &format!("delivery-source:{}", self.delivery_source_name),
        )
    }

    pub fn delivery_destination_arn(&self) -> String {
        let name = &self.delivery_destination_name;
        self.logs_arn(self.destination_account(), &format!("delivery-destination:{name}"))
    }

    /// `aws:SourceArn` as delivery presents it: the source account's log deliveries (V1, and V2
    /// into CloudWatch Logs, as AWS documents), its delivery sources (V2 into S3), or the one
    /// delivery source when it crosses accounts (AWS's cross-account example).
    pub fn source_arn(&self) -> String {
        let account = self.source_account();
        if !self.is_v2() || self.destination == Destination::CloudwatchLogs {
            self.logs_arn(account, "*")
        } else if self.is_cross_account() {
            self.delivery_source_arn()
        } else {
            self.logs_arn(account, "delivery-source:*")
        }
    }

    pub fn log_group_arn(&self) -> String {
        arn::log_group(self.partition, self.region(), self.destination_account(), self.log_group())
    }

    pub fn bucket_arn(&self) -> String {
        arn::bucket(self.partition, self.bucket())
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn stream_arn(&self) -> String {
        format!(
            "arn:{}:firehose:{}:{}:deliverystream/{}",
            self.p(),
            self.region(),
            self.destination_account(),
            self.delivery_stream
        )
    }

    /// What `put-delivery-destination` names: a V2 S3 prefix replaces the default `AWSLogs/…` path.
    pub fn destination_resource_arn(&self) -> String {
        match self.destination {
            Destination::CloudwatchLogs => self.log_group_arn(),
            Destination::S3 if self.prefix().is_empty() => self.bucket_arn(),
            Destination::S3 => format!("{}/{}", self.bucket_arn(), self.prefix()),
            Destination::Firehose => self.stream_arn(),
        }
    }

    /// Whether the bundle adds a statement to the bucket key's policy: not for ACL-based
    /// delivery, whose key statement domain-facts does not record.
    pub fn has_key(&self) -> bool {
        self.destination == Destination::S3 && self.key.is_some() && !self.uses_bucket_acl()
    }

    pub fn org_paths(&self) -> Vec<&str> {
        self.org_paths.iter().map(String::as_str).collect()
    }

    pub fn has_org_conditions(&self) -> bool {
        !self.org_id.is_empty() || !self.org_paths.is_empty()
    }

    /// Whether the destination policy must be applied by hand: CloudWatch Logs writes it only in
    /// the same account and only in AWS's own form (no organization keys, no `s3:ListBucket`).
    pub fn policy_is_manual(&self) -> bool {
        self.is_cross_account()
            || self.has_org_conditions()
            || (self.destination == Destination::S3 && self.include_list_bucket)
    }
}

/// The vended-logs scenario.
pub struct VendedLogs;

impl Scenario for VendedLogs {
    const ID: ScenarioId = ScenarioId::VendedLogs;
    type Input = VendedLogsInput;
    type Spec = VendedLogsSpec;

    fn fields() -> &'static [FieldSpec] {
        fields::FIELDS
    }

    fn parse(input: &VendedLogsInput) -> (VendedLogsSpec, Vec<FieldError>) {
        parse(input)
    }

    fn generate(spec: &VendedLogsSpec) -> Bundle {
        bundle(spec)
    }

    fn required_calls(input: &VendedLogsSpec) -> Vec<super::calls::RequiredCall> {
        let mut all = calls::required_calls(input);
        // The setup role's own calls, from its steps; those the list above already names stay once.
        for call in operator::calls(input, &steps::steps(input, &[])) {
            let same = |c: &super::calls::RequiredCall| {
                c.request.action == call.request.action
                    && c.request.resource == call.request.resource
                    && c.request.principal == call.request.principal
            };
            if !all.iter().any(same) {
                all.push(call);
            }
        }
        all
    }

    /// The destination and its resources: the log group in the destination account (the source
    /// account's when none is given), the bucket and its key, and across accounts the delivery
    /// destination.
    fn facts(spec: &VendedLogsSpec, given: &Given) -> ScenarioFacts {
        let partition = spec.partition;
        let region = given.then("region", spec.region());
        let account = given.then("account", spec.source_account());
        let destination_account = given.then("destination-account", spec.destination_account());
        let group_account = destination_account.clone().or_else(|| account.clone());
        let log_group_arns = match (&region, &group_account, given.has("log-group")) {
            (Some(region), Some(owner), true) => vec![arn::log_group(partition, region, owner, spec.log_group())],
            _ => Vec::new(),
        };
        let delivery_destination_arn = match (&region, &destination_account, given.has("delivery-destination-name")) {
            (Some(region), Some(owner), true) => Some(arn::logs(
                partition,
                region,
                owner,
                &format!("delivery-destination:{}", spec.delivery_destination_name),
            )),
            _ => None,
        };
        ScenarioFacts {
            partition: Some(partition.id().to_owned()),
            key_arn: given.then("key-arn", spec.key_arn()),
            bucket: given.then("bucket", spec.bucket()),
            destination: given.has("destination").then(|| spec.destination.id().to_owned()),
            log_group_arns,
            delivery_destination_arn,
            region,
            account,
            ..ScenarioFacts::default()
        }
    }
}

/// Every problem with the inputs; an empty list means the bundle is ready to use.
pub fn check_input(input: &VendedLogsInput) -> Vec<FieldError> {
    parse(input).1
}

/// The whole bundle for these inputs. Works on any input (field problems come from
/// [`check_input`]).
pub fn generate(input: &VendedLogsInput) -> Bundle {
    bundle(&parse(input).0)
}

fn bundle(input: &VendedLogsSpec) -> Bundle {
    let documents = documents(input);
    let steps = steps::steps(input, &documents);
    let mut notes = notes::notes(input, &documents);
    // The setup role's calls are what its policy grants; the others' are listed here.
    notes.extend(crate::scenarios::step::operator::permissions_note(&steps, |s| s.identity_policy.is_some()));
    Bundle {
        scenario: crate::scenarios::ScenarioId::VendedLogs,
        notes,
        documents,
        files: Vec::new(),
        steps,
    }
}

fn documents(input: &VendedLogsSpec) -> Vec<Document> {
    let mut docs = permissions::documents(input);
    match input.destination {
        Destination::CloudwatchLogs => docs.push(log_group::policy(input)),
        Destination::S3 if input.uses_bucket_acl() => {}
        Destination::S3 => {
            docs.push(s3::bucket_policy(input));
            if input.has_key() {
                docs.push(s3::key_statement(input));
            }
        }
        Destination::Firehose => docs.extend(firehose::role_documents(input)),
    }
    if input.is_v2() && input.is_cross_account() {
        docs.push(permissions::delivery_destination_policy(input));
    }
    docs
}

#[cfg(test)]
mod tests;
