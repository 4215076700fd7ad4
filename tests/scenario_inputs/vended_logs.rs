//! Every combination of the vended-logs form's options: every service × destination × account,
//! and every option of one V1 and one V2 service.

use super::PARTITION_REGIONS;
use cwlogs_policy::catalog::Partition;
use cwlogs_policy::scenarios::vended_logs::{Destination, Support, VendedLogsInput, SERVICES};

pub const ACCOUNT: &str = "123456789012";
pub const BUCKET: &str = "orders-logs";

/// Every option a destination has, with the organization and console options.
fn option_variants(base: &VendedLogsInput, p: &str, region: &str, owner: &str) -> Vec<VendedLogsInput> {
    let mut out = Vec::new();
    let destination_variants: Vec<VendedLogsInput> = match base.destination {
        Destination::CloudwatchLogs => ["/aws/vendedlogs/orders", "app#1.v2"]
            .iter()
            .map(|g| VendedLogsInput {
                log_group: g.to_string(),
                ..base.clone()
            })
            .collect(),
        Destination::S3 => {
            let mut v = Vec::new();
            for prefix in ["", "logs/app/"] {
                for key in [
                    String::new(),
                    format!("arn:{p}:kms:{region}:{owner}:key/mrk-1234567890abcdef1234567890abcdef"),
                ] {
                    for list in [false, true] {
                        v.push(VendedLogsInput {
                            prefix: prefix.into(),
                            key_arn: key.clone(),
                            include_list_bucket: list,
                            ..base.clone()
                        });
                    }
                }
            }
            v
        }
        Destination::Firehose => vec![base.clone()],
    };
    for d in destination_variants {
        for (org_id, org_paths) in [
            ("", vec![]),
            (
                "o-a1b2c3d4e5",
                vec!["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*".to_string()],
            ),
        ] {
            for console in [false, true] {
                out.push(VendedLogsInput {
                    org_id: org_id.into(),
                    org_paths: org_paths.clone(),
                    console_extras: console,
                    ..d.clone()
                });
            }
        }
    }
    out
}

/// Every service × destination it supports × same or other account × partition, with the
/// default options; and every option combination for one V1 and one V2 service.
pub fn every_combination() -> Vec<VendedLogsInput> {
    let mut all = Vec::new();
    for (partition, region) in PARTITION_REGIONS {
        let p = partition.id();
        for service in SERVICES {
            // A global service's delivery source has one Region, known for the commercial
            // partition only (elsewhere a warning says so).
            let region = match service.delivery_region {
                Some(home) if partition == Partition::Aws => home,
                Some(_) => continue,
                None => region,
            };
            for destination in service.vended_destinations() {
                for other in ["", "444455556666"] {
                    // Firehose has no resource policy: V1 cannot cross accounts (a field error).
                    if !service.is_v2() && destination == Destination::Firehose && !other.is_empty() {
                        continue;
                    }
                    // ACL-based delivery is built for a bucket in the source account only (a field error).
                    if service.support(destination) == Support::BucketAcl && !other.is_empty() {
                        continue;
                    }
                    let owner = if other.is_empty() { ACCOUNT } else { other };
                    let base = VendedLogsInput {
                        partition,
                        region: region.into(),
                        account: ACCOUNT.into(),
                        service: service.id.into(),
                        destination,
                        destination_account: other.into(),
                        source_resource_arn: service.example_arn(p, region, ACCOUNT),
                        bucket: BUCKET.into(),
                        ..VendedLogsInput::default()
                    };
                    if ["eventbridge-pipes", "bedrock-knowledge-bases"].contains(&service.id) {
                        all.extend(option_variants(&base, p, region, owner));
                    } else {
                        all.push(base);
                    }
                }
            }
        }
    }
    all
}

