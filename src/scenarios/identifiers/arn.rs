//! Every ARN the scenarios build for the resources they name: one place for each format, so a
//! policy, a step and lint's scenario facts always spell the same resource the same way.
//!
//! The arguments are the form's text (trimmed by the caller) as well as parsed values: a bundle is
//! generated for any input, valid or not, so the ARN of a resource whose field is wrong still
//! shows what was typed.

use crate::catalog::Partition;

/// `arn:P:logs:R:A:RESOURCE`, e.g. `log-group:NAME`, `query-result:*`, `delivery-source:NAME`.
pub fn logs(partition: Partition, region: &str, account: &str, resource: &str) -> String {
    format!("arn:{}:logs:{region}:{account}:{resource}", partition.id())
}

/// `arn:P:logs:R:A:log-group:NAME`: the form CloudWatch Logs puts in the encryption context
/// (never with a trailing `:*`).
pub fn log_group(partition: Partition, region: &str, account: &str, name: &str) -> String {
    logs(partition, region, account, &format!("log-group:{name}"))
}

/// `arn:P:kms:R:A:key/ID`.
pub fn key(partition: Partition, region: &str, account: &str, key_id: &str) -> String {
    format!("arn:{}:kms:{region}:{account}:key/{key_id}", partition.id())
}

/// `arn:P:s3:::BUCKET` (bucket ARNs have no Region or account).
pub fn bucket(partition: Partition, bucket: &str) -> String {
    format!("arn:{}:s3:::{bucket}", partition.id())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::PARTITIONS;
    use crate::policy::Arn;

    /// Each built ARN parses back into the parts it was built from.
    #[test]
    fn built_arns_parse_back_into_their_parts() {
        for partition in PARTITIONS {
            let group = log_group(partition, "eu-west-1", "111122223333", "/aws/app#1");
            let parsed = Arn::parse(&group).expect("log group ARN parses");
            assert_eq!(
                (parsed.partition, parsed.service, parsed.region, parsed.account, parsed.resource),
                (partition.id(), "logs", "eu-west-1", "111122223333", "log-group:/aws/app#1")
            );
            let k = key(partition, "eu-west-1", "111122223333", "mrk-1");
            let parsed = Arn::parse(&k).expect("key ARN parses");
            assert_eq!((parsed.service, parsed.resource), ("kms", "key/mrk-1"));
            assert_eq!(bucket(partition, "logs-bucket"), format!("arn:{}:s3:::logs-bucket", partition.id()));
        }
    }
}
