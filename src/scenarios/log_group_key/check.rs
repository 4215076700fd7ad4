//! Input checks for the log-group-key form: each problem is reported next to its field.

use super::{CallerPermission, LogGroupKeyInput, LogGroupState, Scope};
use crate::scenarios::field_checks::{
    check_account, check_key_arn, check_region, log_group_name_problem, role_arn_problem, Place,
};
use crate::scenarios::retention::Retention;
use crate::scenarios::FieldError;

/// Every problem with the inputs; an empty list means the bundle is ready to use.
pub fn check_input(input: &LogGroupKeyInput) -> Vec<FieldError> {
    let mut out = Vec::new();
    let place = Place { partition: input.partition, region: &input.region, account: &input.account };
    check_region("region", input.partition, &input.region, &mut out);
    check_account("account", &input.account, "that owns the log groups", &mut out);
    if !input.is_new_key() {
        check_key_arn("key-arn", &input.key_arn, place, &mut out);
    }
    check_log_groups(input, &mut out);
    check_retention(input, &mut out);
    check_callers(input, &mut out);
    if input.is_rotation() {
        check_key_arn("rotate-from", &input.rotate_from, place, &mut out);
        if input.rotate_from.trim() == input.key_arn.trim() {
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
    out
}

/// The log-group names against CreateLogGroup's rules and their number against the scope.
pub fn check_log_groups(input: &LogGroupKeyInput, out: &mut Vec<FieldError>) {
    let names = input.group_names();
    match (input.scope, names.len()) {
        (Scope::OneGroup, 0) | (Scope::SeveralGroups, 0) => {
            out.push(FieldError::error("log-groups", "enter the log group name"));
        }
        (Scope::OneGroup, n) if n > 1 => out.push(FieldError::error(
            "log-groups",
            format!("{n} log groups listed, but the scope is one log group: choose \"several log groups\""),
        )),
        _ => {}
    }
    for (i, name) in names.iter().enumerate() {
        if let Some(problem) = log_group_name_problem(name) {
            out.push(FieldError::error("log-groups", format!("\"{name}\": {problem}")));
        }
        if names[..i].contains(name) {
            out.push(FieldError::warning("log-groups", format!("\"{name}\" is listed twice")));
        }
    }
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

fn check_callers(input: &LogGroupKeyInput, out: &mut Vec<FieldError>) {
    let listed = input.callers.iter().any(|c| !c.trim().is_empty());
    if input.caller_permission == CallerPermission::None {
        if listed {
            out.push(FieldError::warning(
                "callers",
                "caller roles are listed but \"where their permission lives\" is none: they are left out",
            ));
        }
        return;
    }
    if !listed {
        out.push(FieldError::error("callers", "enter at least one role ARN, or choose that no caller needs the key"));
    }
    for arn in input.caller_arns() {
        if let Some(problem) = role_arn_problem(arn, input.partition) {
            out.push(FieldError::error("callers", problem));
        } else if input.caller_permission == CallerPermission::IamPolicy
            && arn.split(':').nth(4) != Some(input.account.trim())
        {
            out.push(FieldError::warning(
                "callers",
                format!("\"{arn}\" is in another account: apply the IAM policy there, and the key policy must also allow that account"),
            ));
        }
    }
}
