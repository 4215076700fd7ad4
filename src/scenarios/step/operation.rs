//! The AWS operations the steps run, one table: for each, the AWS CLI's service and operation
//! names, the API name (CloudTrail's `eventName`), whether it only reads, and the CLI flags it
//! takes. Adding a call to a step starts with its entry here. `scripts/aws-cli-operations.sh`
//! writes the AWS CLI's own flag names for these operations to a fixture the tests compare with.

use crate::scenarios::TrailEvent;

/// An AWS CLI service, with the host CloudTrail names as the event source.
#[derive(Debug, PartialEq, Eq)]
pub struct Service {
    /// `aws SERVICE …`: `s3api` for S3's API calls.
    pub cli: &'static str,
    pub event_source: &'static str,
    /// The prefix of its IAM actions (`s3` for `s3api`).
    pub iam: &'static str,
}

/// One AWS API operation as the AWS CLI runs it.
#[derive(Debug, PartialEq, Eq)]
pub struct Operation {
    pub service: &'static Service,
    /// `create-key`.
    pub cli: &'static str,
    /// `CreateKey`: the API's name.
    pub api: &'static str,
    /// The CloudTrail `eventName`: the API's name, except for the few S3 operations CloudTrail names
    /// otherwise (PutPublicAccessBlock is recorded as PutBucketPublicAccessBlock).
    pub event: &'static str,
    /// Only reads or checks: a template needs no resource for it.
    pub read_only: bool,
    /// Whether CloudTrail lists it as a logged event (domain-facts §5.1); GetQueryResults is not.
    pub recorded: bool,
    /// The operation's own flags this tool passes, without `--`, as the AWS CLI spells them.
    pub flags: &'static [&'static str],
}

/// Flags every AWS CLI command takes.
pub const GLOBAL_FLAGS: [&str; 3] = ["region", "query", "output"];

impl Operation {
    /// The CloudTrail record a call of it leaves, if CloudTrail logs it.
    pub const fn trail_event(&self) -> TrailEvent {
        TrailEvent {
            source: self.service.event_source,
            name: self.event,
        }
    }

    /// `logs:PutDeliverySource`: the IAM action named like the API. S3 names a few of its actions
    /// differently (PutBucketEncryption is `s3:PutEncryptionConfiguration`); only used for logs.
    pub fn action(&self) -> String {
        format!("{}:{}", self.service.iam, self.api)
    }

    /// `aws logs put-delivery-source`.
    pub fn command(&self) -> String {
        format!("aws {} {}", self.service.cli, self.cli)
    }

    pub fn accepts(&self, flag: &str) -> bool {
        GLOBAL_FLAGS.contains(&flag) || self.flags.contains(&flag)
    }
}

macro_rules! services {
    ($($name:ident = $cli:literal, $iam:literal;)*) => {
        $(pub const $name: Service = Service {
            cli: $cli,
            event_source: concat!($iam, ".amazonaws.com"),
            iam: $iam,
        };)*
    };
}

services! {
    CLOUDTRAIL = "cloudtrail", "cloudtrail";
    EVENTS = "events", "events";
    FIREHOSE = "firehose", "firehose";
    IAM = "iam", "iam";
    KMS = "kms", "kms";
    LOGS = "logs", "logs";
    S3 = "s3api", "s3";
    SNS = "sns", "sns";
}

macro_rules! operations {
    ($($name:ident = $service:ident $cli:literal $api:literal $(=> $event:literal)? $kind:ident [$($flag:literal),*];)*) => {
        $(pub const $name: Operation = Operation {
            service: &$service,
            cli: $cli,
            api: $api,
            event: operations!(@event $api $($event)?),
            read_only: operations!(@read $kind),
            recorded: operations!(@recorded $kind),
            flags: &[$($flag),*],
        };)*
        /// Every operation of the table.
        pub const ALL: &[&Operation] = &[$(&$name),*];
    };
    (@event $api:literal) => { $api };
    (@event $api:literal $event:literal) => { $event };
    (@read write) => { false };
    (@read read) => { true };
    (@read read_unrecorded) => { true };
    (@recorded read_unrecorded) => { false };
    (@recorded $other:ident) => { true };
}

operations! {
    CLOUDTRAIL_LOOKUP_EVENTS = CLOUDTRAIL "lookup-events" "LookupEvents" read ["lookup-attributes", "max-results"];
    EVENTS_DESCRIBE_RULE = EVENTS "describe-rule" "DescribeRule" read ["name"];
    EVENTS_PUT_RULE = EVENTS "put-rule" "PutRule" write ["name", "event-pattern", "state", "description"];
    EVENTS_PUT_TARGETS = EVENTS "put-targets" "PutTargets" write ["rule", "targets"];
    FIREHOSE_LIST_TAGS = FIREHOSE "list-tags-for-delivery-stream" "ListTagsForDeliveryStream" read ["delivery-stream-name"];
    FIREHOSE_TAG = FIREHOSE "tag-delivery-stream" "TagDeliveryStream" write ["delivery-stream-name", "tags"];
    IAM_ATTACH_ROLE_POLICY = IAM "attach-role-policy" "AttachRolePolicy" write ["role-name", "policy-arn"];
    IAM_ATTACH_USER_POLICY = IAM "attach-user-policy" "AttachUserPolicy" write ["user-name", "policy-arn"];
    IAM_CREATE_SERVICE_LINKED_ROLE = IAM "create-service-linked-role" "CreateServiceLinkedRole" write ["aws-service-name"];
    IAM_PUT_ROLE_POLICY = IAM "put-role-policy" "PutRolePolicy" write ["role-name", "policy-name", "policy-document"];
    IAM_PUT_USER_POLICY = IAM "put-user-policy" "PutUserPolicy" write ["user-name", "policy-name", "policy-document"];
    KMS_CREATE_ALIAS = KMS "create-alias" "CreateAlias" write ["alias-name", "target-key-id"];
    KMS_CREATE_KEY = KMS "create-key" "CreateKey" write ["description", "key-spec", "key-usage", "policy"];
    KMS_DESCRIBE_KEY = KMS "describe-key" "DescribeKey" read ["key-id"];
    KMS_ENABLE_KEY_ROTATION = KMS "enable-key-rotation" "EnableKeyRotation" write ["key-id"];
    KMS_GET_KEY_POLICY = KMS "get-key-policy" "GetKeyPolicy" read ["key-id", "policy-name"];
    KMS_PUT_KEY_POLICY = KMS "put-key-policy" "PutKeyPolicy" write ["key-id", "policy-name", "policy"];
    LOGS_ASSOCIATE_KMS_KEY = LOGS "associate-kms-key" "AssociateKmsKey" write ["log-group-name", "resource-identifier", "kms-key-id"];
    LOGS_CREATE_DELIVERY = LOGS "create-delivery" "CreateDelivery" write ["delivery-source-name", "delivery-destination-arn"];
    LOGS_CREATE_EXPORT_TASK = LOGS "create-export-task" "CreateExportTask" write ["task-name", "log-group-name", "from", "to", "destination", "destination-prefix"];
    LOGS_CREATE_LOG_GROUP = LOGS "create-log-group" "CreateLogGroup" write ["log-group-name", "kms-key-id"];
    LOGS_DELETE_DELIVERY = LOGS "delete-delivery" "DeleteDelivery" write ["id"];
    LOGS_DELETE_DELIVERY_DESTINATION = LOGS "delete-delivery-destination" "DeleteDeliveryDestination" write ["name"];
    LOGS_DELETE_DELIVERY_SOURCE = LOGS "delete-delivery-source" "DeleteDeliverySource" write ["name"];
    LOGS_DESCRIBE_DELIVERIES = LOGS "describe-deliveries" "DescribeDeliveries" read [];
    LOGS_DESCRIBE_EXPORT_TASKS = LOGS "describe-export-tasks" "DescribeExportTasks" read ["task-id"];
    LOGS_DESCRIBE_LOG_GROUPS = LOGS "describe-log-groups" "DescribeLogGroups" read ["log-group-name-prefix"];
    LOGS_DESCRIBE_RESOURCE_POLICIES = LOGS "describe-resource-policies" "DescribeResourcePolicies" read [];
    LOGS_DISASSOCIATE_KMS_KEY = LOGS "disassociate-kms-key" "DisassociateKmsKey" write ["log-group-name", "resource-identifier"];
    LOGS_GET_QUERY_RESULTS = LOGS "get-query-results" "GetQueryResults" read_unrecorded ["query-id"];
    LOGS_PUT_DELIVERY_DESTINATION = LOGS "put-delivery-destination" "PutDeliveryDestination" write ["name", "delivery-destination-configuration"];
    LOGS_PUT_DELIVERY_DESTINATION_POLICY = LOGS "put-delivery-destination-policy" "PutDeliveryDestinationPolicy" write ["delivery-destination-name", "delivery-destination-policy"];
    LOGS_PUT_DELIVERY_SOURCE = LOGS "put-delivery-source" "PutDeliverySource" write ["name", "log-type", "resource-arn"];
    LOGS_PUT_RESOURCE_POLICY = LOGS "put-resource-policy" "PutResourcePolicy" write ["policy-name", "policy-document"];
    LOGS_PUT_RETENTION_POLICY = LOGS "put-retention-policy" "PutRetentionPolicy" write ["log-group-name", "retention-in-days"];
    LOGS_START_QUERY = LOGS "start-query" "StartQuery" read ["log-group-name", "start-time", "end-time", "query-string"];
    S3_CREATE_BUCKET = S3 "create-bucket" "CreateBucket" write ["bucket", "create-bucket-configuration", "object-ownership"];
    S3_GET_BUCKET_ACL = S3 "get-bucket-acl" "GetBucketAcl" read ["bucket"];
    S3_GET_BUCKET_ENCRYPTION = S3 "get-bucket-encryption" "GetBucketEncryption" read ["bucket"];
    S3_GET_BUCKET_LOCATION = S3 "get-bucket-location" "GetBucketLocation" read ["bucket"];
    S3_GET_BUCKET_OWNERSHIP_CONTROLS = S3 "get-bucket-ownership-controls" "GetBucketOwnershipControls" read ["bucket"];
    S3_GET_BUCKET_POLICY = S3 "get-bucket-policy" "GetBucketPolicy" read ["bucket"];
    S3_PUT_BUCKET_ENCRYPTION = S3 "put-bucket-encryption" "PutBucketEncryption" write ["bucket", "server-side-encryption-configuration"];
    S3_PUT_BUCKET_OWNERSHIP_CONTROLS = S3 "put-bucket-ownership-controls" "PutBucketOwnershipControls" write ["bucket", "ownership-controls"];
    S3_PUT_BUCKET_POLICY = S3 "put-bucket-policy" "PutBucketPolicy" write ["bucket", "policy"];
    S3_PUT_PUBLIC_ACCESS_BLOCK = S3 "put-public-access-block" "PutPublicAccessBlock" => "PutBucketPublicAccessBlock" write ["bucket", "public-access-block-configuration"];
    SNS_GET_TOPIC_ATTRIBUTES = SNS "get-topic-attributes" "GetTopicAttributes" read ["topic-arn"];
    SNS_SET_TOPIC_ATTRIBUTES = SNS "set-topic-attributes" "SetTopicAttributes" write ["topic-arn", "attribute-name", "attribute-value"];
}
