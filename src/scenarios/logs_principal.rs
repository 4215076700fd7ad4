//! What is known of the regional CloudWatch Logs service principal (`logs.REGION.…`) per
//! partition: the one place every scenario that names it takes its "unverified" note from.

use crate::catalog::Partition;

/// The note for a bundle that names the logs principal where the fact sheet does not back its
/// spelling (aws-cn: Terraform provider data only, §6.1, open question 5); None where AWS documents it.
pub fn unverified_note(partition: Partition, region: &str) -> Option<String> {
    (partition == Partition::AwsCn).then(|| {
        format!(
            "Unverified: the service principal {} follows the Terraform provider's data, not an AWS page: test the setup before relying on it.",
            partition.logs_principal(region.trim())
        )
    })
}
