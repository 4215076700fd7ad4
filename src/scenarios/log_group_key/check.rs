//! Input checks for the log-group-key form: each problem is reported next to its field.

use super::{CallerPermission, LogGroupKeyInput, LogGroupState, Scope};
use crate::catalog::Partition;
use crate::policy::{is_account_id, Arn};
use crate::scenarios::FieldError;

/// Every problem with the inputs; an empty list means the bundle is ready to use.
pub fn check_input(input: &LogGroupKeyInput) -> Vec<FieldError> {
    let mut out = Vec::new();
    check_region(input, &mut out);
    check_account(input.account.trim(), &mut out);
    if !input.is_new_key() {
        check_key_arn("key-arn", input.key_arn.trim(), input, &mut out);
    }
    check_log_groups(input, &mut out);
    check_callers(input, &mut out);
    if input.is_rotation() {
        check_key_arn("rotate-from", input.rotate_from.trim(), input, &mut out);
        if input.rotate_from.trim() == input.key_arn.trim() {
            out.push(FieldError::error(
                "rotate-from",
                "the old key is the same as the new key",
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

fn check_region(input: &LogGroupKeyInput, out: &mut Vec<FieldError>) {
    let region = input.region.trim();
    let partition = input.partition;
    if region.is_empty() {
        out.push(FieldError::error(
            "region",
            "enter the Region of the log groups, e.g. us-east-1",
        ));
    } else if partition.regions().contains(&region) {
    } else if let Some(other) = partition_listing(region).filter(|p| *p != partition) {
        out.push(FieldError::error(
            "region",
            format!(
                "\"{region}\" is in the {} partition, not {}",
                other.id(),
                partition.id()
            ),
        ));
    } else if partition.region_pattern_matches(region) {
        out.push(FieldError::warning(
            "region",
            format!(
                "\"{region}\" is not a Region this tool knows in {}; check the spelling",
                partition.id()
            ),
        ));
    } else {
        let example = partition.regions().first().copied().unwrap_or("us-east-1");
        out.push(FieldError::error(
            "region",
            format!(
                "\"{region}\" is not a Region of {}: expected a name such as {example}",
                partition.label()
            ),
        ));
    }
}

/// The partition whose Region list names `region`.
fn partition_listing(region: &str) -> Option<Partition> {
    crate::catalog::PARTITIONS
        .into_iter()
        .find(|p| p.regions().contains(&region))
}

fn check_account(account: &str, out: &mut Vec<FieldError>) {
    if account.is_empty() {
        out.push(FieldError::error(
            "account",
            "enter the 12-digit AWS account ID that owns the log groups",
        ));
    } else if !is_account_id(account) {
        let digits = account.chars().filter(char::is_ascii_digit).count();
        let why = if account.chars().all(|c| c.is_ascii_digit()) {
            format!("has {digits} digits")
        } else {
            "has characters other than digits".to_owned()
        };
        out.push(FieldError::error(
            "account",
            format!("\"{account}\" {why}; an account ID is exactly 12 digits"),
        ));
    }
}

/// A key must be given as a full key ARN of a customer managed key in the log groups' Region.
fn check_key_arn(field: &'static str, value: &str, input: &LogGroupKeyInput, out: &mut Vec<FieldError>) {
    let is_key_id = |s: &str| is_uuid(s) || is_multi_region_key_id(s);
    if value.chars().any(char::is_whitespace) {
        out.push(FieldError::error(field, "the key ARN contains a space"));
        return;
    }
    if value.starts_with("alias/aws/") || value.contains(":alias/aws/") {
        out.push(FieldError::error(
            field,
            format!("\"{value}\" is an AWS managed key; its key policy cannot be changed, so CloudWatch Logs cannot be allowed to use it: use a customer managed key"),
        ));
        return;
    }
    if value.starts_with("alias/") {
        out.push(FieldError::error(
            field,
            format!(
                "\"{value}\" is an alias name; CloudWatch Logs needs the key ARN (arn:…:kms:REGION:ACCOUNT:key/ID)"
            ),
        ));
        return;
    }
    if is_key_id(value) {
        out.push(FieldError::error(
            field,
            format!("\"{value}\" is a key ID; CloudWatch Logs needs the full key ARN, or it fails with \"The specified KMS Key Id could not be found\""),
        ));
        return;
    }
    let arn = match Arn::parse(value) {
        Ok(arn) => arn,
        Err(e) => {
            out.push(FieldError::error(
                field,
                format!("\"{value}\" is not a key ARN: it {e}"),
            ));
            return;
        }
    };
    if arn.service != "kms" {
        out.push(FieldError::error(
            field,
            format!("\"{value}\" is a {} ARN, not a KMS key ARN", arn.service),
        ));
        return;
    }
    if let Some(id) = arn.resource.strip_prefix("key/") {
        if !is_key_id(id) {
            out.push(FieldError::warning(
                field,
                format!("\"{id}\" does not look like a key ID (a UUID or mrk- followed by 32 hex digits)"),
            ));
        }
    } else if arn.resource.starts_with("alias/") {
        out.push(FieldError::warning(
            field,
            "an alias ARN: CloudFormation accepts it, but whether the CloudWatch Logs API does is unverified; the key ARN is safer",
        ));
    } else {
        out.push(FieldError::error(
            field,
            format!("\"{value}\" names \"{}\", not key/ID", arn.resource),
        ));
        return;
    }
    if arn.partition != input.partition.id() {
        out.push(FieldError::error(
            field,
            format!(
                "the key is in partition {}, the log groups in {}",
                arn.partition,
                input.partition.id()
            ),
        ));
    }
    let region = input.region.trim();
    if !region.is_empty() && arn.region != region {
        out.push(FieldError::error(
            field,
            format!("the key is in {} but the log groups are in {region}: CloudWatch Logs only uses a key in its own Region", arn.region),
        ));
    }
    if !arn.has_valid_account() {
        out.push(FieldError::error(
            field,
            format!("the key ARN's account \"{}\" is not 12 digits", arn.account),
        ));
    } else if is_account_id(input.account.trim()) && arn.account != input.account.trim() {
        out.push(FieldError::warning(
            field,
            format!(
                "the key belongs to account {}, not {}: the key policy shown must be applied in the key's account",
                arn.account,
                input.account.trim()
            ),
        ));
    }
}

fn check_log_groups(input: &LogGroupKeyInput, out: &mut Vec<FieldError>) {
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

/// CreateLogGroup's rules: 1–512 of `[.-_/#A-Za-z0-9]`, not starting with `aws/`.
pub fn log_group_name_problem(name: &str) -> Option<String> {
    if name.starts_with("arn:") {
        return Some("that is an ARN; enter the log group name only".into());
    }
    if name.len() > 512 {
        return Some(format!(
            "{} characters; a log group name has at most 512",
            name.chars().count()
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || ".-_/#".contains(*c)))
    {
        return Some(format!(
            "\"{bad}\" is not allowed; names use letters, digits and . - _ / #"
        ));
    }
    if name.starts_with("aws/") {
        return Some("names must not start with \"aws/\" (the \"/aws/\" prefix with a leading slash is fine)".into());
    }
    None
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
        out.push(FieldError::error(
            "callers",
            "enter at least one role ARN, or choose that no caller needs the key",
        ));
    }
    for arn_text in input.caller_arns() {
        let arn = match Arn::parse(arn_text) {
            Ok(arn) => arn,
            Err(e) => {
                out.push(FieldError::error(
                    "callers",
                    format!("\"{arn_text}\" is not an ARN: it {e}"),
                ));
                continue;
            }
        };
        if arn.service == "sts" && arn.resource.starts_with("assumed-role/") {
            let role = arn.resource.split('/').nth(1).unwrap_or("ROLE");
            out.push(FieldError::error(
                "callers",
                format!(
                    "\"{arn_text}\" is a role session; name the role: arn:{}:iam::{}:role/{role}",
                    arn.partition, arn.account
                ),
            ));
        } else if arn.service != "iam" || !(arn.resource.starts_with("role/") || arn.resource.starts_with("user/")) {
            out.push(FieldError::error(
                "callers",
                format!("\"{arn_text}\" is not an IAM role or user ARN"),
            ));
        } else if !arn.has_valid_account() {
            out.push(FieldError::error(
                "callers",
                format!("\"{arn_text}\": the account \"{}\" is not 12 digits", arn.account),
            ));
        } else if arn.partition != input.partition.id() {
            out.push(FieldError::error(
                "callers",
                format!(
                    "\"{arn_text}\" is in partition {}, not {}",
                    arn.partition,
                    input.partition.id()
                ),
            ));
        } else if input.caller_permission == CallerPermission::IamPolicy && arn.account != input.account.trim() {
            out.push(FieldError::warning(
                "callers",
                format!("\"{arn_text}\" is in account {}: apply the IAM policy there, and the key policy must also allow that account", arn.account),
            ));
        }
    }
}

fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_multi_region_key_id(s: &str) -> bool {
    s.strip_prefix("mrk-")
        .is_some_and(|h| h.len() == 32 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}
