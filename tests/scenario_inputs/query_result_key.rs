//! Every combination of the query-result-key form's options.

use super::PARTITION_REGIONS;
use cwlogs_policy::scenarios::log_group_key::Scope;
use cwlogs_policy::scenarios::query_result_key::{ObservabilityRole, QueryResultKeyInput};

pub const ACCOUNT: &str = "123456789012";

/// Every combination of the form's options, each with values valid for its partition.
pub fn every_combination() -> Vec<QueryResultKeyInput> {
    let mut all = Vec::new();
    for (partition, region) in PARTITION_REGIONS {
        let p = partition.id();
        let keys = [
            String::new(),
            format!("arn:{p}:kms:{region}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
        ];
        for key_arn in keys {
            for share in [false, true] {
                let sharing: &[(Scope, &[&str])] = if share {
                    &[
                        (Scope::OneGroup, &["/app/orders"]),
                        (Scope::SeveralGroups, &["/app/orders"]),
                        (Scope::SeveralGroups, &["/app/orders", "/aws/lambda/billing#v2"]),
                        (Scope::Account, &[]),
                        (Scope::Account, &["/app/orders"]),
                    ]
                } else {
                    &[(Scope::OneGroup, &["my-log-group"])]
                };
                for (scope, groups) in sharing {
                    for role in [
                        ObservabilityRole::None,
                        ObservabilityRole::Monitoring,
                        ObservabilityRole::Source,
                    ] {
                        all.push(QueryResultKeyInput {
                            partition,
                            region: region.into(),
                            account: ACCOUNT.into(),
                            key_arn: key_arn.clone(),
                            share_with_log_groups: share,
                            log_group_scope: *scope,
                            log_groups: groups.iter().map(|g| g.to_string()).collect(),
                            observability_role: role,
                        });
                    }
                }
            }
        }
    }
    all
}
