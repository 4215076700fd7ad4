//! The vended-logs service support table (domain-facts §4.8, as of the seed page): which AWS
//! services deliver logs to which destination, and with which permission model.
//!
//! Only services with at least one V1 or V2 destination are listed; services that write to
//! CloudWatch Logs by their own means (Lambda, ECS, CloudTrail …) need no vended-log permissions.

use super::Destination;

/// How one service delivers to one destination.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Support {
    No,
    /// The service writes there by its own means; vended-log permissions do not apply.
    Custom,
    /// CloudWatch Logs writes the destination policy when logging is turned on in the service.
    V1,
    /// Delivery source, delivery destination and delivery objects (`PutDeliverySource` …).
    V2,
    /// S3 only: the service grants its log-delivery account write access in the bucket ACL, so
    /// the bucket needs ACLs enabled and no `delivery.logs.amazonaws.com` bucket policy applies.
    BucketAcl,
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Service {
    /// Kebab-case, the form's value and the CLI's.
    pub id: &'static str,
    pub label: &'static str,
    pub cloudwatch_logs: Support,
    pub s3: Support,
    pub firehose: Support,
    /// Why a cell of this row is uncertain; shown as a note.
    pub caveat: Option<&'static str>,
    /// V2: the `--log-type` values `PutDeliverySource` documents; the first is the default.
    pub log_types: &'static [&'static str],
    /// V2: the service field of the emitting resource's ARN, and an example resource part.
    pub arn_service: &'static str,
    pub example_resource: &'static str,
    /// V2: the service whose `SERVICE:AllowVendedLogDeliveryForResource` AWS documents for it.
    pub resource_grant: Option<&'static str>,
    /// V2 in the commercial partition: the one Region its delivery source can be made in (a
    /// global service's), when not the resource's own.
    pub delivery_region: Option<&'static str>,
    /// The service takes a log group ARN ending in `:*` (Step Functions' `logGroupArn`: "The ARN
    /// must end with :*", AWS::StepFunctions::StateMachine CloudWatchLogsLogGroup).
    pub log_group_arn_with_star: bool,
}

impl Service {
    pub fn support(&self, destination: Destination) -> Support {
        match destination {
            Destination::CloudwatchLogs => self.cloudwatch_logs,
            Destination::S3 => self.s3,
            Destination::Firehose => self.firehose,
        }
    }

    /// V2 for every vended destination (the table never mixes V1 and V2 in a row).
    pub fn is_v2(&self) -> bool {
        [self.cloudwatch_logs, self.s3, self.firehose].contains(&Support::V2)
    }

    /// An example ARN of the emitting resource (V2), for placeholders and tests. IAM Identity
    /// Center instance ARNs carry no Region or account; CloudFront's, being global, no Region.
    pub fn example_arn(&self, partition: &str, region: &str, account: &str) -> String {
        let (region, account) = match self.arn_service {
            "sso" => ("", ""),
            "cloudfront" => ("", account),
            _ => (region, account),
        };
        format!(
            "arn:{partition}:{}:{region}:{account}:{}",
            self.arn_service, self.example_resource
        )
    }

    /// The destinations it delivers to as vended logs.
    pub fn vended_destinations(&self) -> Vec<Destination> {
        Destination::ALL
            .into_iter()
            .filter(|d| matches!(self.support(*d), Support::V1 | Support::V2 | Support::BucketAcl))
            .collect()
    }
}

use Support::{BucketAcl, Custom, No, V1, V2};

const DAGGER: &str = "the seed table gives this row one cell; which destination it belongs to is inferred (unverified)";
const ROUTE53: &str = "the seed shows two [V1] cells for this row; the 2022 table marks CloudWatch Logs, S3 and Firehose, so S3 and Firehose are unverified";
const MOVED_TO_V2: &str = "the current AWS page lists this service under V2 permissions for all three destinations; this table is as of the seed";
const CLOUDFRONT_V2: &str = "the seed table lists CloudFront access logs as V1 to S3 only; the current AWS page lists them under V2 for all three destinations, which is what this bundle follows";
/// Neither ACL-based model is in domain-facts beyond "CloudFront (legacy standard logging) uses
/// its own ACL-based model"; the steps follow the services' own guides.
const CLOUDFRONT_LEGACY: &str = "domain-facts records only that legacy standard logging uses its own ACL-based model; the ACL steps (ACLs enabled on the bucket, s3:GetBucketAcl and s3:PutBucketAcl for whoever turns logging on, CloudFront adding its log-delivery account to the bucket ACL) follow the CloudFront Developer Guide (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html)";
const SPOT_FEED: &str = "the seed table lists the data feed as V1 to S3, but EC2's guide describes an ACL-based model like CloudFront's legacy logging (ACLs enabled on the bucket, s3:GetBucketAcl and s3:PutBucketAcl for whoever subscribes, the log-delivery account added to the bucket ACL) (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-data-feeds.html); the steps follow that guide";

/// A V1 row: no V2 data.
const fn v1(id: &'static str, label: &'static str, cwl: Support, s3: Support, fh: Support) -> Service {
    Service {
        id,
        label,
        cloudwatch_logs: cwl,
        s3,
        firehose: fh,
        caveat: None,
        log_types: &[],
        arn_service: "",
        example_resource: "",
        resource_grant: None,
        delivery_region: None,
        log_group_arn_with_star: false,
    }
}

const fn caveat(mut service: Service, text: &'static str) -> Service {
    service.caveat = Some(text);
    service
}

/// A V2 row delivering to all three destinations.
const fn v2(
    id: &'static str,
    label: &'static str,
    log_types: &'static [&'static str],
    arn_service: &'static str,
    example_resource: &'static str,
) -> Service {
    Service {
        id,
        label,
        cloudwatch_logs: V2,
        s3: V2,
        firehose: V2,
        caveat: None,
        log_types,
        arn_service,
        example_resource,
        resource_grant: None,
        delivery_region: None,
        log_group_arn_with_star: false,
    }
}

/// The table, in the seed page's order.
pub const SERVICES: &[Service] = &[
    v1("api-gateway-access-logs", "Amazon API Gateway access logs", V1, No, No),
    Service {
        resource_grant: Some("bedrock"),
        ..v2(
            "bedrock-knowledge-bases",
            "Amazon Bedrock knowledge bases",
            &["APPLICATION_LOGS"],
            "bedrock",
            "knowledge-base/KB12345678",
        )
    },
    v1(
        "chime",
        "Amazon Chime media quality metric and SIP message logs",
        V1,
        No,
        No,
    ),
    // CloudFront has two models, offered by name; neither is the generic V1 bucket policy.
    Service {
        caveat: Some(CLOUDFRONT_V2),
        delivery_region: Some("us-east-1"),
        ..v2(
            "cloudfront-access-logs",
            "CloudFront access logs (standard logging v2)",
            &["ACCESS_LOGS"],
            "cloudfront",
            "distribution/E1EXAMPLE12345",
        )
    },
    caveat(
        v1(
            "cloudfront-legacy-logs",
            "CloudFront standard logging (legacy, S3 bucket ACLs)",
            No,
            BucketAcl,
            No,
        ),
        CLOUDFRONT_LEGACY,
    ),
    v1("evidently", "CloudWatch Evidently evaluation event logs", V1, V1, No),
    caveat(
        v1("internet-monitor", "CloudWatch Internet Monitor logs", No, V1, No),
        DAGGER,
    ),
    v2(
        "codewhisperer",
        "Amazon CodeWhisperer event logs",
        &["EVENT_LOGS"],
        "codewhisperer",
        "profile/EXAMPLEPROFILE",
    ),
    caveat(v1("cognito", "Amazon Cognito logs", V1, No, No), DAGGER),
    v1("elasticache-redis", "Amazon ElastiCache for Redis logs", V1, No, V1),
    v1("eventbridge-pipes", "Amazon EventBridge Pipes logs", V1, V1, V1),
    caveat(
        v1(
            "fault-injection-service",
            "AWS Fault Injection Service experiment logs",
            V1,
            No,
            No,
        ),
        DAGGER,
    ),
    v1("finspace", "Amazon FinSpace", V1, V1, V1),
    v1(
        "global-accelerator-flow-logs",
        "AWS Global Accelerator flow logs",
        No,
        V1,
        No,
    ),
    v2(
        "iam-identity-center",
        "IAM Identity Center error logs",
        &["ERROR_LOGS"],
        "sso",
        "instance/ssoins-1234567890abcdef",
    ),
    v1("ivs-chat", "Amazon Interactive Video Service chat logs", V1, V1, V1),
    v1("iot-fleetwise", "AWS IoT FleetWise logs", V1, V1, V1),
    v1("mainframe-modernization", "AWS Mainframe Modernization", V1, V1, V1),
    caveat(
        v1(
            "managed-prometheus",
            "Amazon Managed Service for Prometheus logs",
            V1,
            No,
            No,
        ),
        DAGGER,
    ),
    v1("msk-broker-logs", "Amazon MSK broker logs", V1, V1, V1),
    v1("msk-connect", "Amazon MSK Connect logs", V1, V1, V1),
    v1("network-firewall", "AWS Network Firewall logs", V1, V1, V1),
    caveat(
        v1("nlb-access-logs", "Network Load Balancer access logs", No, V1, No),
        MOVED_TO_V2,
    ),
    v1(
        "opensearch-ingestion",
        "Amazon OpenSearch Service ingestion logs",
        V1,
        V1,
        V1,
    ),
    caveat(
        v1(
            "route53-resolver-query-logs",
            "Amazon Route 53 Resolver query logs",
            V1,
            V1,
            V1,
        ),
        ROUTE53,
    ),
    v1("sagemaker-events", "Amazon SageMaker events", V1, No, No),
    v1("sagemaker-worker-events", "Amazon SageMaker worker events", V1, No, No),
    v1("site-to-site-vpn", "AWS Site-to-Site VPN logs", V1, V1, V1),
    caveat(
        v1("ec2-spot-data-feed", "EC2 Spot Instance data feed files", No, BucketAcl, No),
        SPOT_FEED,
    ),
    Service {
        log_group_arn_with_star: true,
        ..v1("step-functions", "AWS Step Functions workflow logs", V1, No, No)
    },
    v1("storage-gateway", "Storage Gateway audit and health logs", V1, No, No),
    v1("transfer-family", "AWS Transfer Family logs", V1, V1, V1),
    v1("verified-access", "AWS Verified Access logs", V1, V1, V1),
    v1("vpc-flow-logs", "Amazon VPC flow logs", Custom, V1, V1),
    v1("vpc-lattice", "Amazon VPC Lattice access logs", V1, V1, V1),
    v1("waf", "AWS WAF logs", V1, V1, Custom),
    v2(
        "workmail",
        "Amazon WorkMail logs",
        &[
            "ACCESS_CONTROL_LOGS",
            "AUTHENTICATION_LOGS",
            "WORKMAIL_AVAILABILITY_PROVIDER_LOGS",
            "WORKMAIL_MAILBOX_ACCESS_LOGS",
            "WORKMAIL_PERSONAL_ACCESS_TOKEN_LOGS",
        ],
        "workmail",
        "organization/m-1234EXAMPLEabcd1234abcd1234abcd1234",
    ),
];

pub fn find(id: &str) -> Option<&'static Service> {
    SERVICES.iter().find(|s| s.id == id)
}

/// The form's service choices, `(id, label)`, made from the table so they cannot drift apart.
pub static SERVICE_OPTIONS: [(&str, &str); SERVICES.len()] = options();

const fn options() -> [(&'static str, &'static str); SERVICES.len()] {
    let mut out = [("", ""); SERVICES.len()];
    let mut i = 0;
    while i < SERVICES.len() {
        out[i] = (SERVICES[i].id, SERVICES[i].label);
        i += 1;
    }
    out
}

const fn is_v2_row(s: &Service) -> bool {
    matches!(s.cloudwatch_logs, V2) || matches!(s.s3, V2) || matches!(s.firehose, V2)
}

const fn v2_count() -> usize {
    let (mut n, mut i) = (0, 0);
    while i < SERVICES.len() {
        if is_v2_row(&SERVICES[i]) {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The ids of V2 services: the form shows the delivery-object fields only for them.
pub static V2_SERVICE_IDS: [&str; v2_count()] = v2_ids();

const fn v2_ids() -> [&'static str; v2_count()] {
    let mut out = [""; v2_count()];
    let (mut n, mut i) = (0, 0);
    while i < SERVICES.len() {
        if is_v2_row(&SERVICES[i]) {
            out[n] = SERVICES[i].id;
            n += 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        for (i, s) in SERVICES.iter().enumerate() {
            assert!(
                !s.id.is_empty()
                    && s.id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                s.id
            );
            assert!(SERVICES[..i].iter().all(|o| o.id != s.id), "{} twice", s.id);
        }
    }

    #[test]
    fn every_service_delivers_somewhere_as_vended_logs() {
        for s in SERVICES {
            assert!(!s.vended_destinations().is_empty(), "{}", s.id);
        }
    }

    #[test]
    fn no_row_mixes_v1_and_v2() {
        for s in SERVICES {
            let cells = [s.cloudwatch_logs, s.s3, s.firehose];
            assert!(!(cells.contains(&V1) && cells.contains(&V2)), "{}", s.id);
        }
    }

    #[test]
    fn v2_rows_carry_what_put_delivery_source_needs_and_v1_rows_nothing() {
        for s in SERVICES {
            if s.is_v2() {
                assert!(
                    !s.log_types.is_empty() && !s.arn_service.is_empty() && !s.example_resource.is_empty(),
                    "{}",
                    s.id
                );
                assert!(s
                    .log_types
                    .iter()
                    .all(|t| t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')));
            } else {
                assert!(s.log_types.is_empty() && s.resource_grant.is_none(), "{}", s.id);
            }
        }
    }

    #[test]
    fn derived_lists_follow_the_table() {
        assert_eq!(SERVICE_OPTIONS.len(), SERVICES.len());
        assert!(SERVICE_OPTIONS
            .iter()
            .zip(SERVICES)
            .all(|((id, label), s)| *id == s.id && *label == s.label));
        let v2: Vec<&str> = SERVICES.iter().filter(|s| s.is_v2()).map(|s| s.id).collect();
        assert_eq!(V2_SERVICE_IDS.to_vec(), v2);
        assert_eq!(
            v2,
            [
                "bedrock-knowledge-bases",
                "cloudfront-access-logs",
                "codewhisperer",
                "iam-identity-center",
                "workmail"
            ]
        );
    }

    #[test]
    fn the_seed_rows_read_as_documented() {
        let waf = find("waf").unwrap();
        assert_eq!((waf.cloudwatch_logs, waf.s3, waf.firehose), (V1, V1, Custom));
        let vpc = find("vpc-flow-logs").unwrap();
        assert_eq!(vpc.vended_destinations(), [Destination::S3, Destination::Firehose]);
        assert!(find("lambda").is_none(), "custom-only services are not listed");
        assert_eq!(find("bedrock-knowledge-bases").unwrap().resource_grant, Some("bedrock"));
    }
}
