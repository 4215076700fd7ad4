//! Field checks more than one scenario needs: Region, account, key ARN, log group name, role ARN.
//! Each reports under the field name it is given, so the message appears next to that field.

use crate::catalog::{Partition, PARTITIONS};
use crate::policy::{is_account_id, Arn};
use crate::scenarios::FieldError;

/// Where the resources of a form are: what a key or role ARN must agree with.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    pub partition: Partition,
    pub region: &'a str,
    pub account: &'a str,
}

/// The Region exists in the partition; a plausible but unknown name only warns (new Regions).
pub fn check_region(field: &'static str, partition: Partition, region: &str, out: &mut Vec<FieldError>) {
    let region = region.trim();
    if region.is_empty() {
        out.push(FieldError::error(field, "enter the Region, e.g. us-east-1"));
    } else if partition.regions().contains(&region) {
    } else if let Some(other) = PARTITIONS.into_iter().find(|p| p.regions().contains(&region)) {
        out.push(FieldError::error(field, format!("\"{region}\" is in the {} partition, not {}", other.id(), partition.id())));
    } else if partition.region_pattern_matches(region) {
        out.push(FieldError::warning(
            field,
            format!("\"{region}\" is not a Region this tool knows in {}; check the spelling", partition.id()),
        ));
    } else {
        let example = partition.regions().first().copied().unwrap_or("us-east-1");
        out.push(FieldError::error(
            field,
            format!("\"{region}\" is not a Region of {}: expected a name such as {example}", partition.label()),
        ));
    }
}

/// Exactly twelve digits. `what` names the account in the empty-field message.
pub fn check_account(field: &'static str, account: &str, what: &str, out: &mut Vec<FieldError>) {
    let account = account.trim();
    if account.is_empty() {
        out.push(FieldError::error(field, format!("enter the 12-digit AWS account ID {what}")));
    } else if !is_account_id(account) {
        let why = if account.chars().all(|c| c.is_ascii_digit()) {
            format!("has {} digits", account.len())
        } else {
            "has characters other than digits".to_owned()
        };
        out.push(FieldError::error(field, format!("\"{account}\" {why}; an account ID is exactly 12 digits")));
    }
}

/// A full key ARN of a customer managed key in the place's partition and Region. Key IDs, alias
/// names, alias ARNs and AWS managed keys (`alias/aws/…`) are errors: the steps pass the value to
/// put-key-policy and IAM policies, which need the key itself.
pub fn check_key_arn(field: &'static str, value: &str, place: Place, out: &mut Vec<FieldError>) {
    let value = value.trim();
    let is_key_id = |s: &str| is_uuid(s) || is_multi_region_key_id(s);
    if value.chars().any(char::is_whitespace) {
        out.push(FieldError::error(field, "the key ARN contains a space"));
        return;
    }
    if value.starts_with("alias/aws/") || value.contains(":alias/aws/") {
        out.push(FieldError::error(
            field,
            format!("\"{value}\" is an AWS managed key; its key policy cannot be changed, so the service cannot be allowed to use it: use a customer managed key"),
        ));
        return;
    }
    if value.starts_with("alias/") {
        out.push(FieldError::error(field, format!("\"{value}\" is an alias name; {}", key_arn_of_alias(value, place.region))));
        return;
    }
    if is_key_id(value) {
        out.push(FieldError::error(
            field,
            format!("\"{value}\" is a key ID; give the full key ARN, or the call fails with \"The specified KMS Key Id could not be found\""),
        ));
        return;
    }
    let arn = match Arn::parse(value) {
        Ok(arn) => arn,
        Err(e) => {
            out.push(FieldError::error(field, format!("\"{value}\" is not a key ARN: it {e}")));
            return;
        }
    };
    if arn.service != "kms" {
        out.push(FieldError::error(field, format!("\"{value}\" is a {} ARN, not a KMS key ARN", arn.service)));
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
        // The steps run put-key-policy on this value, which takes a key ID or key ARN only, and
        // an IAM policy whose Resource is an alias ARN does not grant use of the key (§1.2).
        out.push(FieldError::error(
            field,
            format!(
                "\"{value}\" is an alias ARN: put-key-policy refuses an alias, and an IAM policy naming it does not grant use of the key; {}",
                key_arn_of_alias(arn.resource, arn.region)
            ),
        ));
        return;
    } else {
        out.push(FieldError::error(field, format!("\"{value}\" names \"{}\", not key/ID", arn.resource)));
        return;
    }
    if arn.partition != place.partition.id() {
        out.push(FieldError::error(
            field,
            format!("the key is in partition {}, the form's resources in {}", arn.partition, place.partition.id()),
        ));
    }
    let region = place.region.trim();
    if !region.is_empty() && arn.region != region {
        out.push(FieldError::error(
            field,
            format!("the key is in {} but the form's Region is {region}: CloudWatch Logs only uses a key in its own Region", arn.region),
        ));
    }
    if !arn.has_valid_account() {
        out.push(FieldError::error(field, format!("the key ARN's account \"{}\" is not 12 digits", arn.account)));
    } else if is_account_id(place.account.trim()) && arn.account != place.account.trim() {
        // GetKeyPolicy/PutKeyPolicy work only in the key's own account, and there PutKeyPolicy
        // refuses a policy that does not let its caller change it again: the policy shown admits
        // the form's account's root. Whether CloudWatch Logs takes another account's key at all is
        // not in the fact sheet, so no bundle is built for it (review F2).
        out.push(FieldError::error(
            field,
            format!(
                "the key belongs to account {}, not {}: its policy can only be changed in account {}, where put-key-policy refuses the policy shown (its root statement names {}), and whether CloudWatch Logs uses a key of another account is unverified; use a key of account {}",
                arn.account,
                place.account.trim(),
                arn.account,
                place.account.trim(),
                place.account.trim()
            ),
        ));
    }
}

/// How to look up the key ARN an alias (`alias/NAME`) points to.
fn key_arn_of_alias(alias: &str, region: &str) -> String {
    let region = match region.trim() {
        "" => String::new(),
        r => format!(" --region {}", crate::scenarios::shell::quote(r)),
    };
    format!(
        "give the key ARN (arn:…:kms:REGION:ACCOUNT:key/ID), which aws kms describe-key{region} --key-id {} --query KeyMetadata.Arn --output text prints",
        crate::scenarios::shell::quote(alias)
    )
}

/// CreateLogGroup's rules: 1–512 of `[.-_/#A-Za-z0-9]`, not starting with `aws/`.
pub fn log_group_name_problem(name: &str) -> Option<String> {
    if name.starts_with("arn:") {
        return Some("that is an ARN; enter the log group name only".into());
    }
    if name.len() > 512 {
        return Some(format!("{} characters; a log group name has at most 512", name.chars().count()));
    }
    if let Some(bad) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || ".-_/#".contains(*c))) {
        return Some(format!("\"{bad}\" is not allowed; names use letters, digits and . - _ / #"));
    }
    if name.starts_with("aws/") {
        return Some("names must not start with \"aws/\" (the \"/aws/\" prefix with a leading slash is fine)".into());
    }
    None
}

/// An IAM role or user ARN in `partition` with a 12-digit account; an assumed-role session ARN
/// is refused with the role ARN to use instead.
pub fn role_arn_problem(arn_text: &str, partition: Partition) -> Option<String> {
    let arn = match Arn::parse(arn_text) {
        Ok(arn) => arn,
        Err(e) => return Some(format!("\"{arn_text}\" is not an ARN: it {e}")),
    };
    if arn.service == "sts" && arn.resource.starts_with("assumed-role/") {
        let role = arn.resource.split('/').nth(1).unwrap_or("ROLE");
        Some(format!("\"{arn_text}\" is a role session; name the role: arn:{}:iam::{}:role/{role}", arn.partition, arn.account))
    } else if arn.service != "iam" || !(arn.resource.starts_with("role/") || arn.resource.starts_with("user/")) {
        Some(format!("\"{arn_text}\" is not an IAM role or user ARN"))
    } else if !arn.has_valid_account() {
        Some(format!("\"{arn_text}\": the account \"{}\" is not 12 digits", arn.account))
    } else if arn.partition != partition.id() {
        Some(format!("\"{arn_text}\" is in partition {}, not {}", arn.partition, partition.id()))
    } else {
        None
    }
}

fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_multi_region_key_id(s: &str) -> bool {
    s.strip_prefix("mrk-").is_some_and(|h| h.len() == 32 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_group_names_follow_create_log_group_rules() {
        assert_eq!(log_group_name_problem("/aws/lambda/orders#v2"), None);
        assert!(log_group_name_problem("aws/x").unwrap_or_default().contains("\"aws/\""));
        assert!(log_group_name_problem("a b")
            .unwrap_or_default()
            .contains("\" \" is not allowed"));
        assert!(log_group_name_problem("arn:aws:logs:x")
            .unwrap_or_default()
            .contains("ARN"));
        assert!(log_group_name_problem(&"a".repeat(513))
            .unwrap_or_default()
            .contains("at most 512"));
    }

    #[test]
    fn role_arns_must_name_a_role_or_user_in_the_partition() {
        assert_eq!(role_arn_problem("arn:aws:iam::123456789012:role/team/app", Partition::Aws), None);
        let session = role_arn_problem("arn:aws:sts::123456789012:assumed-role/app/s1", Partition::Aws).unwrap_or_default();
        assert!(session.contains("name the role: arn:aws:iam::123456789012:role/app"), "{session}");
        let other = role_arn_problem("arn:aws-cn:iam::123456789012:role/app", Partition::Aws).unwrap_or_default();
        assert!(other.contains("partition aws-cn, not aws"), "{other}");
    }
}
