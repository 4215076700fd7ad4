//! The log-group-key form parsed once: each value typed, each problem reported next to its field.

use super::{CallerPermission, LogGroupKeyInput, LogGroupKeySpec, LogGroupState, Scope};
use crate::scenarios::field_checks::role_arn_problem;
use crate::scenarios::identifiers::{listed, log_group_name, AccountId, Field, KeyArn, LogGroupName, Place, Region};
use crate::scenarios::retention::Retention;
use crate::scenarios::FieldError;

/// The spec of `input` and every problem with it, in the form's order; no problems means the
/// bundle is ready to use.
pub fn parse(input: &LogGroupKeyInput) -> (LogGroupKeySpec, Vec<FieldError>) {
    let mut out = Vec::new();
    let place = Place { partition: input.partition, region: &input.region, account: &input.account };
    let region = Region::parse("region", &input.region, input.partition, &mut out);
    let account = AccountId::parse("account", &input.account, "that owns the log groups")
        .map_err(|problem| out.push(problem))
        .ok();
    let key = Field::optional(&input.key_arn, |text| KeyArn::parse("key-arn", text, place, &mut out));
    let groups = parse_log_groups(input.scope, &input.log_groups, &mut out);
    check_retention(input, &mut out);
    let account = Field::new(account, &input.account);
    let callers = parse_callers(input, account.as_str(), &mut out);
    let rotate_from = Field::optional(&input.rotate_from, |text| KeyArn::parse("rotate-from", text, place, &mut out));
    if let Some(old) = &rotate_from {
        if Some(old.as_str()) == key.as_ref().map(Field::as_str) {
            out.push(FieldError::error("rotate-from", "the old key is the same as the new key"));
        }
        if input.keep_context_on_old_key {
            out.push(FieldError::warning(
                "keep-context-on-old-key",
                "the old key then decrypts only for requests whose encryption context names these log groups: data encrypted before CloudWatch Logs added the log-group context (or while the key served other log groups) carries no such context and becomes unreadable; AWS's procedure drops the condition",
            ));
        }
        if input.log_group_state == LogGroupState::New {
            out.push(FieldError::error(
                "rotate-from",
                "a new log group has no old key: rotation applies to existing log groups",
            ));
        }
    }
    let spec = LogGroupKeySpec {
        partition: input.partition,
        region: Field::new(region, &input.region),
        account,
        key,
        scope: input.scope,
        groups,
        callers,
        caller_permission: input.caller_permission,
        caller_access: input.caller_access,
        log_group_state: input.log_group_state,
        retention: input.retention,
        rotate_from,
        keep_context_on_old_key: input.keep_context_on_old_key,
    };
    (spec, out)
}

/// The listed log group names (trimmed, blanks left out) against CreateLogGroup's rules, and
/// their number against the scope; problems go under "log-groups".
pub fn parse_log_groups(scope: Scope, log_groups: &[String], out: &mut Vec<FieldError>) -> Vec<Field<LogGroupName>> {
    let names = listed(log_groups);
    match (scope, names.len()) {
        (Scope::OneGroup, 0) | (Scope::SeveralGroups, 0) => {
            out.push(FieldError::error("log-groups", "enter the log group name"));
        }
        (Scope::OneGroup, n) if n > 1 => out.push(FieldError::error(
            "log-groups",
            format!("{n} log groups listed, but the scope is one log group: choose \"several log groups\""),
        )),
        _ => {}
    }
    log_group_name::parse_listed(&names, out)
}

/// The steps set the retention only on log groups they create. For existing groups they leave it
/// alone rather than apply it: a shorter retention has the older events deleted, which a key
/// change must not do as a side effect. A retention other than the form's default is then reported,
/// not dropped without a word.
fn check_retention(input: &LogGroupKeyInput, out: &mut Vec<FieldError>) {
    if input.log_group_state != LogGroupState::Existing || input.retention == Retention::default() {
        return;
    }
    let days = input
        .retention
        .in_days()
        .map_or_else(|| "never expire".to_owned(), |d| format!("{d} days"));
    out.push(FieldError::warning(
        "retention",
        format!(
            "applies to new log groups only: existing log groups keep their retention ({days} is not set); to change it run aws logs put-retention-policy --log-group-name NAME --retention-in-days DAYS yourself (a shorter retention deletes the older events)"
        ),
    ));
}

/// The caller ARNs the bundle names: none when no caller permission is wanted (listed ones are
/// then warned about), else the listed ones, trimmed, each checked as a role or user ARN.
fn parse_callers(input: &LogGroupKeyInput, account: &str, out: &mut Vec<FieldError>) -> Vec<String> {
    let listed = listed(&input.callers);
    if input.caller_permission == CallerPermission::None {
        if !listed.is_empty() {
            out.push(FieldError::warning(
                "callers",
                "caller roles are listed but \"where their permission lives\" is none: they are left out",
            ));
        }
        return Vec::new();
    }
    if listed.is_empty() {
        out.push(FieldError::error("callers", "enter at least one role ARN, or choose that no caller needs the key"));
    }
    for arn in &listed {
        if let Some(problem) = role_arn_problem(arn, input.partition) {
            out.push(FieldError::error("callers", problem));
        } else if input.caller_permission == CallerPermission::IamPolicy && arn.split(':').nth(4) != Some(account) {
            out.push(FieldError::warning(
                "callers",
                format!("\"{arn}\" is in another account: apply the IAM policy there, and the key policy must also allow that account"),
            ));
        }
    }
    listed.into_iter().map(str::to_owned).collect()
}
