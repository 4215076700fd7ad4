//! The ordered steps, as typed AWS calls with every value filled in.

use super::{CallerPermission, LogGroupKeySpec, LogGroupState, NEW_KEY_ID};
use crate::scenarios::fingerprint::fingerprint;
use crate::scenarios::new_key::{alias_name, rotation};
use crate::scenarios::step::operation::{
    IAM_PUT_ROLE_POLICY, IAM_PUT_USER_POLICY, LOGS_ASSOCIATE_KMS_KEY, LOGS_CREATE_LOG_GROUP, LOGS_DESCRIBE_LOG_GROUPS,
    LOGS_DISASSOCIATE_KMS_KEY, LOGS_PUT_RETENTION_POLICY,
};
use crate::scenarios::step::{inline_policy, key_policy, save_files, Arg, AwsCall, Function, Line};
use crate::scenarios::{Document, Step};

pub fn steps(input: &LogGroupKeySpec, documents: &[Document]) -> Vec<Step> {
    let region = input.region();
    let groups = input.group_names();
    let mut steps = Vec::new();
    let names: Vec<&str> = documents.iter().map(|d| d.file_name.as_str()).collect();
    steps.push(save_files("Save the documents", "document", &names));
    if input.is_rotation() && !groups.is_empty() {
        steps.push(Step::new("Note the key the log groups use now", describe_groups(region, &groups)));
    }
    if input.is_new_key() {
        let mut lines = key_policy::create_key(
            region,
            &format!("CloudWatch Logs key for {}", group_summary(input)),
            "key-policy.json",
            &key_alias(input),
        );
        if input.is_rotation() {
            lines.extend(not_the_old_key(input.rotate_from()));
        }
        steps.push(Step::new("Create the key with its policy and its alias", lines));
        steps.push(Step::new("Turn on the key's automatic rotation", rotation(region)));
    } else {
        steps.push(key_policy::merge_into_existing_key(region, input.key_arn()));
    }
    if input.caller_permission == CallerPermission::IamPolicy && !input.caller_arns().is_empty() {
        let mut lines = Vec::new();
        let file = if input.is_new_key() {
            lines.push(Line::ResolveKey {
                placeholder: input.key_arn_or_placeholder(),
                file: "caller-policy.json".into(),
                out: "caller-policy.resolved.json".into(),
            });
            "caller-policy.resolved.json"
        } else {
            "caller-policy.json"
        };
        let policy_name = caller_policy_name(input);
        for arn in input.caller_arns() {
            let (user, name) = principal_name(arn);
            let (operation, flag) = if user {
                (&IAM_PUT_USER_POLICY, "user-name")
            } else {
                (&IAM_PUT_ROLE_POLICY, "role-name")
            };
            lines.push(
                AwsCall::new(operation)
                    .text(flag, name)
                    .text("policy-name", policy_name.as_str())
                    .file("policy-document", file)
                    .into(),
            );
        }
        steps.push(Step::new("Give the caller roles their IAM policy", lines));
    }
    if !groups.is_empty() {
        let (title, operation, flag) = match input.log_group_state {
            LogGroupState::New => ("Create the log groups with the key", &LOGS_CREATE_LOG_GROUP, "kms-key-id"),
            LogGroupState::Existing => ("Associate the key with the log groups", &LOGS_ASSOCIATE_KMS_KEY, "kms-key-id"),
        };
        let mut lines: Vec<Line> = Vec::new();
        if input.log_group_state == LogGroupState::New {
            lines.push(keep_if_encrypted_with_the_key(region));
        }
        for g in &groups {
            let call = AwsCall::new(operation).region(region).text("log-group-name", *g).var(flag, "KEY_ARN");
            if input.log_group_state == LogGroupState::Existing {
                lines.push(call.into());
                continue;
            }
            // On a second run the group exists: go on only if it is encrypted with this key.
            lines.push(call.unless_error(CREATE_LOG_GROUP_ERROR, "ResourceAlreadyExistsException").into());
            lines.push(Line::shell(format!("if grep -q ResourceAlreadyExistsException {CREATE_LOG_GROUP_ERROR}; then")));
            lines.push(Line::Invoke {
                function: KEEP_IF_ENCRYPTED,
                args: vec![Arg::Text((*g).to_owned())],
            });
            lines.push(Line::shell("fi"));
        }
        if let (LogGroupState::New, Some(days)) = (input.log_group_state, input.retention.in_days()) {
            lines.extend(groups.iter().map(|g| {
                AwsCall::new(&LOGS_PUT_RETENTION_POLICY)
                    .region(region)
                    .text("log-group-name", *g)
                    .text("retention-in-days", days.to_string())
                    .into()
            }));
        }
        if input.is_rotation() {
            // The wait before the old key is reduced counts its five minutes from here.
            lines.push(Line::Assign {
                var: "ASSOCIATED_AT",
                value: Arg::Expr("$(date +%s)".into()),
            });
        }
        steps.push(Step::new(title, lines));
        if input.is_rotation() {
            steps.push(wait_for_new_key(region, &groups));
        } else {
            steps.push(Step::new(
                "Check the association (it can take up to 5 minutes)",
                describe_groups(region, &groups),
            ));
        }
    }
    if input.is_rotation() {
        steps.push(Step::new(
            "Back up the old key's policy (once), then reduce it to decrypt-only: put-key-policy replaces the whole policy, so the script stops until you have written old-key-policy.merged.json (the backup's statements to keep, with old-key-policy.json's in place of its CloudWatch Logs statement)",
            [Line::set("OLD_KEY_ARN", input.rotate_from())]
                .into_iter()
                .chain(key_policy::back_up_and_put_merged(
                    region,
                    "OLD_KEY_ARN",
                    "old-key-policy.backup.json",
                    "old-key-policy.json",
                    "old-key-policy.merged.json",
                    Some("the statements that let CloudWatch Logs (the logs principal) use the key"),
                ))
                .collect(),
        ));
    }
    if !groups.is_empty() {
        steps.push(Step::new(
            "Later, only to undo: stop encrypting new events with the key",
            groups
                .iter()
                .map(|g| {
                    Line::commented(
                        AwsCall::new(&LOGS_DISASSOCIATE_KMS_KEY)
                            .region(region)
                            .text("log-group-name", *g),
                    )
                })
                .collect(),
        ));
    }
    debug_assert!(
        !NEW_KEY_ID.contains('|'),
        "the placeholder is used inside a sed expression"
    );
    steps
}

/// Where `create-log-group` writes its error, to tell "exists already" from any other.
const CREATE_LOG_GROUP_ERROR: &str = "create-log-group.err";
const KEEP_IF_ENCRYPTED: &str = "keep_if_encrypted_with_the_key";

/// What a run does with a "new" log group that exists already (ResourceAlreadyExistsException):
/// encrypted with `$KEY_ARN`, a run before this one made it (the key is the one its alias names),
/// and the run goes on; with no key or another key, it is someone else's group, and taking it as
/// done would leave it unencrypted or under a key the bundle does not grant: the run stops there,
/// the group unchanged, and says which key it has and what to do.
fn keep_if_encrypted_with_the_key(region: &str) -> Line {
    let describe = AwsCall::new(&LOGS_DESCRIBE_LOG_GROUPS)
        .region(region)
        .expr("log-group-name-prefix", "\"$1\"")
        .expr("query", "\"logGroups[?logGroupName=='$1'].kmsKeyId\"")
        .text("output", "text");
    Line::Function(Function {
        name: KEEP_IF_ENCRYPTED,
        body: vec![
            (2, describe.into_var("current").into()),
            (2, Line::shell("if [ \"$current\" = \"$KEY_ARN\" ]; then")),
            (4, Line::shell("echo \"$1 exists already, encrypted with $KEY_ARN: a run before this one made it, so the script goes on with it\" >&2")),
            (4, Line::shell("return 0")),
            (2, Line::shell("fi")),
            (2, Line::shell("echo \"$1 exists already and is encrypted with '$current' (None or nothing: no KMS key), not with $KEY_ARN: no run of this bundle made it, so the script stops and leaves it unchanged. If it is yours to encrypt, build the bundle again with the log group state 'existing', which associates the key with it.\" >&2")),
            (2, Line::shell("return 1")),
        ],
    })
}

/// Until every group reports the new key, and five minutes have passed since the association
/// (AWS's bound for it to take effect, §1.7): reduced earlier, the old key would refuse the
/// encryption CloudWatch Logs still does with it. Gives up after ten minutes, failing, so a
/// script stops before the old key changes.
fn wait_for_new_key(region: &str, groups: &[&str]) -> Step {
    let describe = AwsCall::new(&LOGS_DESCRIBE_LOG_GROUPS)
        .region(region)
        .expr("log-group-name-prefix", "\"$1\"")
        .expr("query", "\"logGroups[?logGroupName=='$1'].kmsKeyId\"")
        .text("output", "text");
    let mut lines = vec![Line::Function(Function {
        name: "wait_for_new_key",
        body: vec![
            (2, Line::Require {
                var: "KEY_ARN",
                message: "set KEY_ARN to the ARN of the new key (the key step sets it)".into(),
            }),
            (2, Line::shell("current=")),
            (2, Line::shell("for _ in {1..60}; do")),
            (4, describe.into_var("current").into()),
            (4, Line::shell("if [ \"$current\" = \"$KEY_ARN\" ]; then echo \"$1: $current\"; return 0; fi")),
            (4, Line::Sleep(10)),
            (2, Line::shell("done")),
            (2, Line::shell("echo \"$1 still uses key '$current', not $KEY_ARN, after 10 minutes: the old key is left unchanged\" >&2")),
            (2, Line::shell("return 1")),
        ],
    })];
    lines.extend(groups.iter().map(|g| Line::Invoke {
        function: "wait_for_new_key",
        args: vec![Arg::Text((*g).to_owned())],
    }));
    lines.extend([
        Line::shell("remaining=$(( ${ASSOCIATED_AT:-0} + 300 - $(date +%s) ))"),
        Line::shell("if [ \"$remaining\" -gt 0 ]; then echo \"waiting $remaining s more\"; sleep \"$remaining\"; fi"),
    ]);
    Step::new(
        "Wait until the log groups use the new key (up to 5 minutes) before changing the old one",
        lines,
    )
}

/// One `describe-log-groups` line per group, showing the key each uses.
pub fn describe_groups(region: &str, groups: &[&str]) -> Vec<Line> {
    groups
        .iter()
        .map(|g| {
            AwsCall::new(&LOGS_DESCRIBE_LOG_GROUPS)
                .region(region)
                .text("log-group-name-prefix", *g)
                .query_text("logGroups[].[logGroupName,kmsKeyId]")
                .into()
        })
        .collect()
}

fn group_summary(input: &LogGroupKeySpec) -> String {
    match input.group_names().as_slice() {
        [one] if input.scope != super::Scope::Account => one.to_string(),
        _ => format!("log groups in {}", input.region()),
    }
}

/// Named after the one log group; a key for several is named after the Region and the fingerprint
/// of its sorted log groups, an account-wide key after the Region and account, so that two keys
/// for different groups never share an alias. A rotation's new key is named after the key it
/// replaces as well: that key may be one an earlier run made for the same groups, under the plain
/// alias, and the look-up must not take it for the new key (review H1 of 2026-12-08).
fn key_alias(input: &LogGroupKeySpec) -> String {
    let (prefix, name) = match input.group_names().as_slice() {
        [one] if input.scope != super::Scope::Account => ("cloudwatch-logs", (*one).to_owned()),
        _ if input.scope == super::Scope::Account => {
            ("cloudwatch-logs-account", format!("{}/{}", input.region(), input.account()))
        }
        groups => {
            let mut sorted = groups.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            ("cloudwatch-logs-groups", format!("{}/{}", input.region(), fingerprint(&sorted.join("\n"))))
        }
    };
    match input.is_rotation() {
        true => alias_name(prefix, &format!("{name}/rotated-from-{}", fingerprint(input.rotate_from()))),
        false => alias_name(prefix, &name),
    }
}

/// A rotation stops when the key it would move the log groups to is the one they use now (an alias
/// made by hand, or by an older version of this tool, naming the old key): associating a key with
/// itself and then reducing it to decrypt-only would leave the groups without a key that encrypts.
fn not_the_old_key(old: &str) -> Vec<Line> {
    vec![
        Line::shell(format!("if [ \"$KEY_ARN\" = '{old}' ]; then")),
        Line::shell(format!(
            "  echo \"The new key $KEY_ARN is the key to rotate from ({old}): the script stops before associating it, so the old key is not reduced to decrypt-only while the log groups still use it. Give the new key another alias, or delete this one, then run the script again.\" >&2"
        )),
        Line::shell("  exit 1"),
        Line::shell("fi"),
    ]
}

/// The callers' inline policy, named after the key it grants: the given key's ARN, or for a new key
/// its alias in its partition, Region and account (one alias per key there).
fn caller_policy_name(input: &LogGroupKeySpec) -> String {
    let key = if input.is_new_key() {
        format!("{}:{}:{}:{}", input.partition.id(), input.region(), input.account(), key_alias(input))
    } else {
        input.key_arn().to_owned()
    };
    inline_policy::name("cloudwatch-logs-key", &key)
}

/// Whether an IAM ARN names a user (else a role), and its name: the last path segment.
fn principal_name(arn: &str) -> (bool, &str) {
    let resource = arn.splitn(6, ':').nth(5).unwrap_or("");
    (resource.starts_with("user/"), resource.rsplit('/').next().unwrap_or(resource))
}
