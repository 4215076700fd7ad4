//! Every combination of the log-group-key form's options.

use super::PARTITION_REGIONS;
use cwlogs_policy::scenarios::log_group_key::{CallerAccess, CallerPermission, LogGroupKeyInput, LogGroupState, Scope};
use cwlogs_policy::scenarios::retention::Retention;

pub const ACCOUNT: &str = "123456789012";

/// Every combination of the form's options, each with values valid for its partition.
pub fn every_combination() -> Vec<LogGroupKeyInput> {
    let mut all = Vec::new();
    for (partition, region) in PARTITION_REGIONS {
        let p = partition.id();
        for scope in [Scope::OneGroup, Scope::SeveralGroups, Scope::Account] {
            let groups: &[&[&str]] = match scope {
                Scope::OneGroup => &[&["/app/orders"]],
                Scope::SeveralGroups => &[&["/app/orders"], &["/app/orders", "/aws/lambda/billing#v2"]],
                Scope::Account => &[&[], &["/app/orders"]],
            };
            for group_list in groups {
                for permission in [CallerPermission::None, CallerPermission::KeyPolicy, CallerPermission::IamPolicy] {
                    let caller_lists: &[Vec<String>] = match permission {
                        CallerPermission::None => &[vec![]],
                        _ => &[
                            vec![format!("arn:{p}:iam::{ACCOUNT}:role/orders-app")],
                            vec![format!("arn:{p}:iam::{ACCOUNT}:role/team/writer"), format!("arn:{p}:iam::{ACCOUNT}:user/ops")],
                        ],
                    };
                    for callers in caller_lists {
                        // Both accesses with both permissions, without multiplying the combinations:
                        // the two-role list reads only.
                        let caller_access = if callers.len() > 1 { CallerAccess::ReadOnly } else { CallerAccess::ReadWrite };
                        for state in [LogGroupState::New, LogGroupState::Existing] {
                            for key_arn in [String::new(), format!("arn:{p}:kms:{region}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab")] {
                                let rotations: &[(&str, bool)] = match state {
                                    LogGroupState::New => &[("", true)],
                                    LogGroupState::Existing => &[("", true), ("old", true), ("old", false)],
                                };
                                // Each retention once, where it changes the steps (new groups).
                                let retentions: Vec<Retention> = match (state, scope) {
                                    (LogGroupState::New, Scope::OneGroup) => {
                                        vec![Retention::NEVER_EXPIRE, Retention::days(30).expect("allowed"), Retention::default()]
                                    }
                                    _ => vec![Retention::default()],
                                };
                                for ((rotate, keep), retention) in rotations.iter().flat_map(|r| retentions.iter().map(move |t| (r, *t))) {
                                    let rotate_from = if rotate.is_empty() {
                                        String::new()
                                    } else {
                                        format!("arn:{p}:kms:{region}:{ACCOUNT}:key/mrk-1234567890abcdef1234567890abcdef")
                                    };
                                    all.push(LogGroupKeyInput {
                                        partition,
                                        region: region.into(),
                                        account: ACCOUNT.into(),
                                        key_arn: key_arn.clone(),
                                        scope,
                                        log_groups: group_list.iter().map(|g| g.to_string()).collect(),
                                        callers: callers.clone(),
                                        caller_permission: permission,
                                        caller_access,
                                        log_group_state: state,
                                        retention,
                                        rotate_from,
                                        keep_context_on_old_key: *keep,
                                    });
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
