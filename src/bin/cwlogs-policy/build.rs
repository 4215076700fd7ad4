//! `build`: a scenario's bundle as JSON; input problems go to standard error.

use crate::args::LogGroupKeyArgs;
use cwlogs_policy::catalog::Partition;
use cwlogs_policy::scenarios::log_group_key::{check_input, generate, CallerPermission, LogGroupKeyInput, LogGroupState, Scope};
use cwlogs_policy::scenarios::{FieldError, FieldSeverity};
use serde::de::DeserializeOwned;

/// Parses a kebab-case choice the way the form names it.
fn choice<T: DeserializeOwned>(flag: &str, value: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).map_err(|_| format!("--{flag}: unknown value \"{value}\""))
}

fn input(a: &LogGroupKeyArgs) -> Result<LogGroupKeyInput, String> {
    let partition = match &a.partition {
        Some(p) => Partition::from_id(p).ok_or_else(|| format!("--partition: unknown partition \"{p}\" (aws, aws-cn, aws-us-gov)"))?,
        None => Partition::of_region(a.region.trim()).unwrap_or_default(),
    };
    let scope = match &a.scope {
        Some(s) => choice("scope", s)?,
        None if a.log_groups.len() > 1 => Scope::SeveralGroups,
        None => Scope::OneGroup,
    };
    let caller_permission = match &a.caller_permission {
        Some(c) => choice("caller-permission", c)?,
        None if !a.callers.is_empty() => CallerPermission::KeyPolicy,
        None => CallerPermission::None,
    };
    let log_group_state: LogGroupState = choice("log-group-state", &a.log_group_state)?;
    Ok(LogGroupKeyInput {
        partition,
        region: a.region.clone(),
        account: a.account.clone(),
        key_arn: a.key_arn.clone(),
        scope,
        log_groups: a.log_groups.clone(),
        callers: a.callers.clone(),
        caller_permission,
        log_group_state,
        rotate_from: a.rotate_from.clone(),
        keep_context_on_old_key: !a.drop_context_on_old_key,
    })
}

/// The form's list fields are repeatable singular flags here.
fn flag(field: &str) -> &str {
    match field {
        "log-groups" => "log-group",
        "callers" => "caller",
        other => other,
    }
}

fn report(problems: &[FieldError]) -> bool {
    for p in problems {
        let word = match p.severity {
            FieldSeverity::Error => "error",
            FieldSeverity::Warning => "warning",
        };
        eprintln!("{word}: --{}: {}", flag(p.field), p.message);
    }
    problems.iter().any(|p| p.severity == FieldSeverity::Error)
}

pub fn log_group_key(args: &LogGroupKeyArgs) -> u8 {
    let input = match input(args) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
    if report(&check_input(&input)) {
        return 2;
    }
    match serde_json::to_string_pretty(&generate(&input)) {
        Ok(json) => {
            println!("{json}");
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}
