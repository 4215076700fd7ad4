//! The vended-logs form parsed once: each value typed, each problem reported next to its field.

use super::check_destination::{check_s3, check_stream, check_unused_key};
use super::services::{self, Service, Support};
use crate::catalog::Partition;
use super::{Destination, VendedLogsInput, VendedLogsSpec};
use crate::policy::{is_account_id, Arn};
use crate::scenarios::identifiers::{listed, AccountId, BucketName, Field, KeyArn, LogGroupName, Place, Region};
use crate::scenarios::FieldError;

/// The spec of `input` and every problem with it, in the form's order; no problems means the
/// bundle is ready to use.
pub fn parse(input: &VendedLogsInput) -> (VendedLogsSpec, Vec<FieldError>) {
    let mut out = Vec::new();
    let region = Region::parse("region", &input.region, input.partition, &mut out);
    let account = AccountId::parse("account", &input.account, "of the resource sending the logs")
        .map_err(|problem| out.push(problem))
        .ok();
    let destination_account = Field::optional(&input.destination_account, |text| {
        AccountId::parse("destination-account", text, "of the destination").map_err(|problem| out.push(problem)).ok()
    });
    let account = Field::new(account, &input.account);
    // The key is typed by the one key-ARN parser, in the destination's account where its policy
    // is changed; this form words its own problems with it (check_s3), and a key either refuses
    // stays as typed.
    let owner = destination_account.as_ref().map_or(account.as_str(), Field::as_str).to_owned();
    let place = Place { partition: input.partition, region: &input.region, account: &owner };
    let key = Field::optional(&input.key_arn, |text| KeyArn::parse("key-arn", text, place, &mut Vec::new()));
    // Every destination's names are parsed; only the chosen destination's problems are shown.
    let log_group = input.log_group.parse::<LogGroupName>();
    let bucket = input.bucket.parse::<BucketName>();
    let service_id = input.service.trim().to_owned();
    let source_resource_arn = input.source_resource_arn.trim();
    let mut spec = VendedLogsSpec {
        partition: input.partition,
        region: Field::new(region, &input.region),
        account,
        service: services::find(&service_id),
        service_id,
        destination: input.destination,
        destination_account,
        source_resource_arn: (!source_resource_arn.is_empty()).then(|| source_resource_arn.to_owned()),
        log_type: input.log_type.trim().to_owned(),
        delivery_source_name: input.delivery_source_name.trim().to_owned(),
        delivery_destination_name: input.delivery_destination_name.trim().to_owned(),
        log_group: Field::new(log_group.as_ref().ok().cloned(), &input.log_group),
        bucket: Field::new(bucket.as_ref().ok().cloned(), &input.bucket),
        prefix: input.prefix.trim().trim_matches('/').to_owned(),
        key,
        include_list_bucket: input.include_list_bucket,
        delivery_stream: input.delivery_stream.trim().to_owned(),
        org_id: input.org_id.trim().to_owned(),
        org_paths: listed(&input.org_paths).into_iter().map(str::to_owned).collect(),
        console_extras: input.console_extras,
    };
    check_service(&spec, &mut out);
    match spec.destination {
        Destination::CloudwatchLogs => {
            if let Err(problem) = log_group {
                out.push(FieldError::error("log-group", problem));
            }
        }
        Destination::S3 => {
            if check_s3(&spec, bucket.err(), &mut out) {
                spec.key = spec.key.take().map(|key| Field::AsTyped(key.as_str().to_owned()));
            }
        }
        Destination::Firehose => check_stream(&spec.delivery_stream, &mut out),
    }
    check_unused_key(&spec, &mut out);
    if spec.is_v2() {
        check_v2(&spec, &mut out);
    }
    check_org(&spec, &mut out);
    (spec, out)
}

fn check_service(input: &VendedLogsSpec, out: &mut Vec<FieldError>) {
    let Some(service) = input.service() else {
        out.push(FieldError::error(
            "service",
            format!(
                "\"{}\" is not a service this tool knows; choose one from the list",
                input.service_id
            ),
        ));
        return;
    };
    let destination = input.destination;
    let offered = || {
        service
            .vended_destinations()
            .iter()
            .map(|d| d.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match service.support(destination) {
        Support::No => out.push(FieldError::error(
            "destination",
            format!("{} does not deliver to {}; it delivers to {}", service.label, destination.label(), offered()),
        )),
        Support::Custom => out.push(FieldError::error(
            "destination",
            format!(
                "{} writes to {} by its own means, not as vended logs, so no vended-log permissions apply; see its documentation",
                service.label,
                destination.label()
            ),
        )),
        Support::V1 if destination == Destination::Firehose && input.is_cross_account() => out.push(FieldError::error(
            "destination-account",
            "Firehose has no resource policy, so V1 delivery cannot reach a stream in another account; use a stream in the source account",
        )),
        Support::BucketAcl if input.is_cross_account() => out.push(FieldError::error(
            "destination-account",
            format!("{} writes through the bucket ACL, which this tool sets up only for a bucket in the source account; use a bucket in the source account", service.label),
        )),
        Support::V1 | Support::V2 | Support::BucketAcl => {}
    }
    check_delivery_region(input, service, out);
}

/// A global service's delivery source exists in one Region only, and the delivery destination
/// and delivery are made beside it.
fn check_delivery_region(input: &VendedLogsSpec, service: &Service, out: &mut Vec<FieldError>) {
    let Some(home) = service.delivery_region.filter(|_| input.is_v2()) else {
        return;
    };
    if input.partition != Partition::Aws {
        out.push(FieldError::warning(
            "region",
            format!("{} delivery sources are made in {home} in the commercial partition; which Region {} uses is unverified", service.label, input.partition.label()),
        ));
    } else if input.region() != home {
        out.push(FieldError::error(
            "region",
            format!(
                "{} is global: its delivery source lives in {home}, so the delivery source, delivery destination and delivery are made there; set the Region to {home} (an S3 bucket may be in any Region)",
                service.label
            ),
        ));
    }
}

fn check_v2(input: &VendedLogsSpec, out: &mut Vec<FieldError>) {
    for (field, value) in [
        ("delivery-source-name", input.delivery_source_name.as_str()),
        ("delivery-destination-name", input.delivery_destination_name.as_str()),
    ] {
        if value.is_empty()
            || value.len() > 60
            || !value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            out.push(FieldError::error(
                field,
                format!("\"{value}\": a name has 1 to 60 letters, digits, _ and -"),
            ));
        }
    }
    let log_type = input.log_type.as_str();
    let service = input.service();
    if !log_type.is_empty() {
        if log_type.len() > 255 || !log_type.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            out.push(FieldError::error(
                "log-type",
                format!("\"{log_type}\": a log type has only letters, digits and _"),
            ));
        } else if let Some(s) = service.filter(|s| !s.log_types.contains(&log_type)) {
            out.push(FieldError::warning(
                "log-type",
                format!(
                    "{} documents {}; \"{log_type}\" is not one of them",
                    s.label,
                    s.log_types.join(", ")
                ),
            ));
        }
    }
    check_source_arn(input, out);
}

fn check_source_arn(input: &VendedLogsSpec, out: &mut Vec<FieldError>) {
    const FIELD: &str = "source-resource-arn";
    let text = input.source_resource_arn();
    let text = text.as_str();
    let arn = match Arn::parse(text) {
        Ok(arn) => arn,
        Err(e) => {
            out.push(FieldError::error(FIELD, format!("\"{text}\" is not an ARN: it {e}")));
            return;
        }
    };
    if arn.partition != input.partition.id() {
        out.push(FieldError::error(
            FIELD,
            format!(
                "the resource is in partition {}, not {}",
                arn.partition,
                input.partition.id()
            ),
        ));
    }
    // PutDeliverySource takes the resource of the service that emits the log type, in the
    // delivery source's own Region: anything else is refused, so these are errors.
    if let Some(s) = input.service().filter(|s| s.arn_service != arn.service) {
        out.push(FieldError::error(
            FIELD,
            format!(
                "{} resources have {} ARNs; this is a {} ARN",
                s.label, s.arn_service, arn.service
            ),
        ));
    }
    if !arn.region.is_empty() && !input.region().is_empty() && arn.region != input.region() {
        out.push(FieldError::error(
            FIELD,
            format!(
                "the resource is in {}, the delivery source would be in {}: a delivery source is made in its resource's Region",
                arn.region,
                input.region()
            ),
        ));
    }
    if !arn.account.is_empty() && is_account_id(input.source_account()) && arn.account != input.source_account() {
        out.push(FieldError::error(
            FIELD,
            format!(
                "the resource belongs to account {}, not the source account {}",
                arn.account,
                input.source_account()
            ),
        ));
    }
}

fn check_org(input: &VendedLogsSpec, out: &mut Vec<FieldError>) {
    let org = input.org_id.as_str();
    let is_org_id = |s: &str| {
        s.strip_prefix("o-").is_some_and(|r| {
            (10..=32).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
    };
    if !org.is_empty() && !is_org_id(org) {
        out.push(FieldError::error(
            "org-id",
            format!("\"{org}\" is not an organization ID (o- and 10 to 32 lowercase letters or digits)"),
        ));
    }
    for path in input.org_paths() {
        let parts: Vec<&str> = path.split('/').collect();
        let shaped = parts.len() >= 3
            && is_org_id(parts[0])
            && parts[1].starts_with("r-")
            && (path.ends_with('/') || path.ends_with('*'));
        if !shaped {
            out.push(FieldError::error(
                "org-paths",
                format!("\"{path}\" is not an organization path: o-ID/r-ROOT/[ou-…/]… ending in / or *"),
            ));
        } else if is_org_id(org) && parts[0] != org {
            out.push(FieldError::error(
                "org-paths",
                format!("\"{path}\" is not in organization {org}"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenarios::FieldSeverity::{self, Error, Warning};
    use serde_json::json;

    /// The defaults with some fields changed, written as the form and the CLI send them.
    fn with(changes: serde_json::Value) -> VendedLogsInput {
        let mut value = serde_json::to_value(VendedLogsInput::default()).unwrap_or_default();
        if let (Some(all), Some(changed)) = (value.as_object_mut(), changes.as_object()) {
            all.extend(changed.clone());
        }
        serde_json::from_value(value).expect("a valid input shape")
    }

    /// `(changes, field, severity, words in the message)`; no other field may have a problem.
    #[test]
    fn field_checks_table() {
        let key = |k: &str| json!({"service": "waf", "destination": "s3", "bucket": "logs", "key-arn": k});
        let bucket = |b: &str| json!({"service": "waf", "destination": "s3", "bucket": b});
        let table: Vec<(serde_json::Value, &str, FieldSeverity, &str)> = vec![
            (json!({"account": "1234"}), "account", Error, "exactly 12 digits"),
            (
                json!({"destination-account": "x"}),
                "destination-account",
                Error,
                "exactly 12 digits",
            ),
            (
                json!({"region": "cn-north-1", "service": "waf"}),
                "region",
                Error,
                "aws-cn partition",
            ),
            (
                json!({"service": "lambda"}),
                "service",
                Error,
                "\"lambda\" is not a service",
            ),
            (
                json!({"service": "step-functions", "destination": "s3"}),
                "destination",
                Error,
                "delivers to CloudWatch Logs",
            ),
            (
                json!({"service": "waf", "destination": "firehose"}),
                "destination",
                Error,
                "by its own means",
            ),
            (
                json!({"service": "vpc-flow-logs", "destination": "firehose", "destination-account": "444455556666"}),
                "destination-account",
                Error,
                "Firehose has no resource policy",
            ),
            (
                json!({"log-group": "aws/x"}),
                "log-group",
                Error,
                "must not start with \"aws/\"",
            ),
            (json!({"log-group": "a b"}), "log-group", Error, "\" \" is not allowed"),
            (json!({"log-group": ""}), "log-group", Error, "enter"),
            (bucket("amzn-s3-demo-bucket"), "bucket", Error, "must not start with \"amzn-s3-demo-\""),
            (bucket("My_Bucket"), "bucket", Error, "lowercase"),
            (bucket("a..b"), "bucket", Error, "two dots in a row"),
            (bucket("192.168.5.4"), "bucket", Error, "IP address"),
            (bucket("logs-s3alias"), "bucket", Error, "must not end with \"-s3alias\""),
            (
                json!({"service": "waf", "destination": "s3", "prefix": "logs/*"}),
                "prefix",
                Error,
                "wildcard",
            ),
            (key("alias/my-key"), "key-arn", Error, "full key ARN"),
            (
                key("arn:aws:kms:us-east-1:111122223333:alias/aws/s3"),
                "key-arn",
                Error,
                "unreadable",
            ),
            (key("arn:aws:s3:::logs"), "key-arn", Error, "not a KMS key ARN"),
            (
                key("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                "key-arn",
                Warning,
                "only works if the bucket is in eu-west-1",
            ),
            (
                key("arn:aws:kms:us-east-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                "key-arn",
                Warning,
                "belongs to account 999999999999",
            ),
            (
                json!({"service": "vpc-flow-logs", "destination": "firehose", "delivery-stream": "a/b"}),
                "delivery-stream",
                Error,
                "1 to 64",
            ),
            (
                json!({"delivery-source-name": "my source"}),
                "delivery-source-name",
                Error,
                "1 to 60",
            ),
            (
                json!({"delivery-destination-name": "x".repeat(61)}),
                "delivery-destination-name",
                Error,
                "1 to 60",
            ),
            (
                json!({"log-type": "ACCESS_LOGS"}),
                "log-type",
                Warning,
                "documents APPLICATION_LOGS",
            ),
            (json!({"log-type": "bad-type"}), "log-type", Error, "only letters"),
            (
                json!({"source-resource-arn": "arn:aws:s3:::bucket"}),
                "source-resource-arn",
                Error,
                "this is a s3 ARN",
            ),
            (
                json!({"service": "codewhisperer", "source-resource-arn": "arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KB1"}),
                "source-resource-arn",
                Error,
                "this is a bedrock ARN",
            ),
            (
                json!({"source-resource-arn": "arn:aws:bedrock:eu-west-1:111122223333:knowledge-base/KB1"}),
                "source-resource-arn",
                Error,
                "the resource is in eu-west-1, the delivery source would be in us-east-1",
            ),
            (
                json!({"source-resource-arn": "arn:aws:bedrock:us-east-1:999999999999:knowledge-base/KB1"}),
                "source-resource-arn",
                Error,
                "belongs to account 999999999999",
            ),
            (json!({"org-id": "o-abc"}), "org-id", Error, "not an organization ID"),
            (
                json!({"org-paths": ["o-a1b2c3d4e5/ou-x"]}),
                "org-paths",
                Error,
                "not an organization path",
            ),
            (
                json!({"org-id": "o-a1b2c3d4e5", "org-paths": ["o-zzzzzzzzzz/r-ab12/*"]}),
                "org-paths",
                Error,
                "not in organization o-a1b2c3d4e5",
            ),
        ];
        for (changes, field, severity, words) in table {
            let all = super::super::check_input(&with(changes.clone()));
            assert_eq!(
                all.len(),
                1,
                "{changes}: expected one problem with {field}, got {all:?}"
            );
            assert_eq!((all[0].field, all[0].severity), (field, severity), "{changes}: {all:?}");
            assert!(all[0].message.contains(words), "{changes}: {}", all[0].message);
        }
    }

    #[test]
    fn fields_of_other_destinations_and_of_v2_are_not_checked_when_unused() {
        let v1_cwl = with(json!({
            "service": "step-functions", "bucket": "Not A Bucket", "delivery-stream": "a/b",
            "source-resource-arn": "nonsense", "delivery-source-name": "has spaces"
        }));
        assert_eq!(super::super::check_input(&v1_cwl), vec![]);
    }

    /// The defaults leave the resource empty: the chosen service's example resource stands in,
    /// so picking another service never leaves a Bedrock ARN behind.
    #[test]
    fn an_empty_resource_is_the_chosen_services_example_and_passes() {
        for (service, arn) in [
            ("iam-identity-center", "arn:aws:sso:::instance/ssoins-1234567890abcdef"),
            ("codewhisperer", "arn:aws:codewhisperer:eu-west-1:123456789012:profile/EXAMPLEPROFILE"),
            ("bedrock-knowledge-bases", "arn:aws:bedrock:eu-west-1:123456789012:knowledge-base/KB12345678"),
        ] {
            let input = with(json!({
                "service": service, "source-resource-arn": "", "region": "eu-west-1", "account": "123456789012"
            }));
            assert_eq!(super::super::check_input(&input), vec![], "{service}");
            assert_eq!(input.source_resource_arn(), arn);
        }
        assert_eq!(VendedLogsInput::default().source_resource_arn.as_str(), "");
    }

    #[test]
    fn identity_center_arns_have_no_region_or_account_and_pass() {
        let input = with(json!({
            "service": "iam-identity-center", "source-resource-arn": "arn:aws:sso:::instance/ssoins-1234567890abcdef"
        }));
        assert_eq!(super::super::check_input(&input), vec![]);
    }
}
