//! The KMS key-policy lines three scenarios share.

use super::operation::{KMS_CREATE_ALIAS, KMS_CREATE_KEY, KMS_DESCRIBE_KEY, KMS_GET_KEY_POLICY, KMS_PUT_KEY_POLICY};
use super::{Arg, AwsCall, Line};

/// The key `alias` names, if a run before this one made it (and it is Enabled: otherwise the
/// script stops); else `KEY_ARN=$(aws kms create-key …)`
/// with the key policy in `policy_file`, named `alias` by the very next call. Then its ARN shown.
/// Without the look-up a second run made a second key and then failed on create-alias, since KMS
/// refuses a second alias of one name. The alias comes before any other call (rotation, the
/// caller policies): a new key that some later call left without it is one the next run cannot
/// find, so that run would make a second key. A reused key keeps its policy as it is: replacing it
/// is the existing-key path, with a merge.
pub fn create_key(region: &str, description: &str, policy_file: &str, alias: &str) -> Vec<Line> {
    vec![
        Line::comment(format!("A run before this one may have made the key: reuse the one {alias} names")),
        AwsCall::new(&KMS_DESCRIBE_KEY)
            .region(region)
            .text("key-id", alias)
            .query_text("KeyMetadata.[Arn,KeyState]")
            .writes(ALIAS_LOOKUP)
            .unless_error(ALIAS_LOOKUP_ERROR, "NotFoundException")
            .into(),
        Line::Assign {
            var: "KEY_ARN",
            value: Arg::Expr(format!("$(cut -f1 {ALIAS_LOOKUP})")),
        },
        Line::Assign {
            var: "KEY_STATE",
            value: Arg::Expr(format!("$(cut -s -f2 {ALIAS_LOOKUP})")),
        },
        Line::shell("if [ -z \"$KEY_ARN\" ]; then"),
        AwsCall::new(&KMS_CREATE_KEY)
            .region(region)
            .wrap()
            .text("description", description)
            .wrap()
            .text("key-spec", "SYMMETRIC_DEFAULT")
            .text("key-usage", "ENCRYPT_DECRYPT")
            .wrap()
            .file("policy", policy_file)
            .wrap()
            .capture("KEY_ARN", "KeyMetadata.Arn")
            .into(),
        // Not tolerating AlreadyExistsException here: the look-up found no such alias, so one now
        // names another key, and this key must not be used as if it were the one the alias names.
        AwsCall::new(&KMS_CREATE_ALIAS)
            .region(region)
            .text("alias-name", alias)
            .var("target-key-id", "KEY_ARN")
            .into(),
        Line::shell("else"),
        // DescribeKey answers for a disabled key or one due for deletion too (KMS key states):
        // reusing it would fail at its first use, or put data under a key about to be deleted.
        Line::shell("if [ \"$KEY_STATE\" != Enabled ]; then"),
        Line::shell(format!(
            "  echo \"{alias} names $KEY_ARN, whose state is '$KEY_STATE', not Enabled: the script stops without using it. Enable the key or cancel its deletion, or delete the alias to have a new key made, then run the script again.\" >&2"
        )),
        Line::shell("  exit 1"),
        Line::shell("fi"),
        Line::shell(format!(
            "echo \"{alias} names $KEY_ARN already: the script reuses that key and leaves its policy as it is\" >&2"
        )),
        Line::shell("fi"),
        Line::PrintVar("KEY_ARN"),
    ]
}

/// Where the alias look-up writes the key ARN, and its error.
const ALIAS_LOOKUP: &str = "key-alias.txt";
const ALIAS_LOOKUP_ERROR: &str = "key-alias.err";

/// The current policy of the key in `$key_var`, saved to `backup`. `--query Policy` because the
/// answer also carries `PolicyName`, which text output would print after the policy on its line.
pub fn back_up(region: &str, key_var: &'static str, backup: &str) -> Line {
    AwsCall::new(&KMS_GET_KEY_POLICY)
        .region(region)
        .var("key-id", key_var)
        .text("policy-name", "default")
        .query_text("Policy")
        .writes(backup)
        .into()
}

/// [`back_up`], only when `backup` does not exist yet: a re-run after the policy was applied would
/// otherwise replace the original policy with the tool's own.
pub fn back_up_once(region: &str, key_var: &'static str, backup: &'static str) -> Vec<Line> {
    vec![
        Line::shell(format!("if [ ! -e {backup} ]; then")),
        back_up(region, key_var, backup),
        Line::shell("fi"),
    ]
}

/// The key's original policy saved once to `backup`, then `add` applied only as the user's merge
/// of the two in `out` (the script stops until that file exists).
pub fn back_up_and_put_merged(
    region: &str,
    key_var: &'static str,
    backup: &'static str,
    add: &'static str,
    out: &'static str,
    replacing: Option<&'static str>,
) -> Vec<Line> {
    let mut lines = back_up_once(region, key_var, backup);
    lines.push(Line::AwaitMerge { backup, add, out, what: "the key's whole policy", replacing });
    lines.push(put(region, key_var, out));
    lines
}

/// `policy_file` as the whole policy of the key in `$key_var`.
pub fn put(region: &str, key_var: &'static str, policy_file: &str) -> Line {
    AwsCall::new(&KMS_PUT_KEY_POLICY)
        .region(region)
        .var("key-id", key_var)
        .text("policy-name", "default")
        .file("policy", policy_file)
        .into()
}

/// The step an existing key gets (log-group-key and query-result-key): `KEY_ARN` set, the current
/// policy backed up once, and key-policy.json applied only as the user's merge into it.
pub fn merge_into_existing_key(region: &str, key_arn: &str) -> crate::scenarios::Step {
    crate::scenarios::Step::new(
        "Back up the key's current policy (once: a backup already there is kept), then apply key-policy.json merged into it: put-key-policy replaces the whole policy, so the script stops until you have written key-policy.merged.json",
        [Line::set("KEY_ARN", key_arn)]
            .into_iter()
            .chain(back_up_and_put_merged(
                region,
                "KEY_ARN",
                "key-policy.backup.json",
                "key-policy.json",
                "key-policy.merged.json",
                None,
            ))
            .collect(),
    )
}
