//! Field checks more than one scenario needs that have no identifier type yet: role ARNs. (Region,
//! account, key ARN, log group and bucket names are checked by their parsers in `identifiers`.)

use crate::catalog::Partition;
use crate::policy::Arn;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_arns_must_name_a_role_or_user_in_the_partition() {
        assert_eq!(role_arn_problem("arn:aws:iam::123456789012:role/team/app", Partition::Aws), None);
        let session = role_arn_problem("arn:aws:sts::123456789012:assumed-role/app/s1", Partition::Aws).unwrap_or_default();
        assert!(session.contains("name the role: arn:aws:iam::123456789012:role/app"), "{session}");
        let other = role_arn_problem("arn:aws-cn:iam::123456789012:role/app", Partition::Aws).unwrap_or_default();
        assert!(other.contains("partition aws-cn, not aws"), "{other}");
    }
}
