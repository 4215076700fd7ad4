//! Every combination of the s3-export form's options.

use super::PARTITION_REGIONS;
use cwlogs_policy::scenarios::s3_export::{BucketState, Encryption, S3ExportInput, SourceScope};

/// Every combination of the form's options, each with values valid for its partition.
pub fn every_combination() -> Vec<S3ExportInput> {
    let mut all = Vec::new();
    for (partition, region) in PARTITION_REGIONS {
        let p = partition.id();
        for cross in [false, true] {
            let (account, owner) = if cross {
                ("111122223333", "123456789012")
            } else {
                ("123456789012", "")
            };
            let key_owner = if cross { owner } else { account };
            let keys = [
                (Encryption::SseKms, String::new()),
                (
                    Encryption::SseKms,
                    format!("arn:{p}:kms:{region}:{key_owner}:key/mrk-1234567890abcdef1234567890abcdef"),
                ),
                (Encryption::SseS3, String::new()),
            ];
            let caller_lists: Vec<Vec<String>> = if cross {
                vec![
                    vec![format!("arn:{p}:iam::{account}:role/log-exporter")],
                    vec![
                        format!("arn:{p}:iam::{account}:role/team/exporter"),
                        format!("arn:{p}:iam::{account}:user/ops"),
                    ],
                ]
            } else {
                vec![vec![], vec![format!("arn:{p}:iam::{account}:role/log-exporter")]]
            };
            for (encryption, key_arn) in &keys {
                for acls_enabled in [false, true] {
                    for prefix in ["", "exports/2024"] {
                        for bucket_state in [BucketState::New, BucketState::Existing] {
                            if bucket_state == BucketState::Existing && *encryption == Encryption::SseKms && key_arn.is_empty() {
                                continue; // a field error: an existing bucket keeps its own key
                            }
                            for source_scope in [SourceScope::Accounts, SourceScope::LogGroups] {
                                for groups in [&["/aws/lambda/orders"][..], &["/app/orders", "billing#v2"][..]] {
                                    for others in [&[][..], &["444455556666"][..]] {
                                        for callers in &caller_lists {
                                            all.push(S3ExportInput {
                                                partition,
                                                region: region.into(),
                                                account: account.into(),
                                                log_groups: groups.iter().map(|g| g.to_string()).collect(),
                                                from: "2024-02-01".into(),
                                                to: "2024-02-29".into(),
                                                bucket: "my-exported-logs".into(),
                                                bucket_account: owner.into(),
                                                bucket_region: region.into(),
                                                bucket_state,
                                                prefix: prefix.into(),
                                                encryption: *encryption,
                                                key_arn: key_arn.clone(),
                                                acls_enabled,
                                                source_scope,
                                                other_accounts: others.iter().map(|a| a.to_string()).collect(),
                                                callers: callers.clone(),
                                            });
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    all
}
