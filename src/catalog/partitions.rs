//! Partitions and their Regions (botocore 1.43.11 `endpoints.json`; domain-facts §6.1).

use serde::{Deserialize, Serialize};

/// The AWS partitions these scenarios support.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Partition {
    #[default]
    #[serde(rename = "aws")]
    Aws,
    #[serde(rename = "aws-cn")]
    AwsCn,
    #[serde(rename = "aws-us-gov")]
    AwsUsGov,
}

impl std::str::FromStr for Partition {
    type Err = String;

    /// The ARN field's spelling (`aws`, `aws-cn`, `aws-us-gov`), as the form's choice and the
    /// CLI's flag give it.
    fn from_str(id: &str) -> Result<Partition, String> {
        Partition::from_id(id.trim()).ok_or_else(|| format!("\"{id}\" is not a partition: expected aws, aws-cn or aws-us-gov"))
    }
}

/// Every supported partition, in the order the form lists them.
pub const PARTITIONS: [Partition; 3] = [Partition::Aws, Partition::AwsCn, Partition::AwsUsGov];

const AWS_REGIONS: &[&str] = &[
    "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
    "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
    "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1",
    "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1",
    "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
];
const CN_REGIONS: &[&str] = &["cn-north-1", "cn-northwest-1"];
const GOV_REGIONS: &[&str] = &["us-gov-east-1", "us-gov-west-1"];

impl Partition {
    /// The ARN field: `aws`, `aws-cn`, `aws-us-gov`.
    pub fn id(self) -> &'static str {
        match self {
            Partition::Aws => "aws",
            Partition::AwsCn => "aws-cn",
            Partition::AwsUsGov => "aws-us-gov",
        }
    }

    pub fn from_id(id: &str) -> Option<Partition> {
        PARTITIONS.into_iter().find(|p| p.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Partition::Aws => "AWS (commercial)",
            Partition::AwsCn => "AWS China",
            Partition::AwsUsGov => "AWS GovCloud (US)",
        }
    }

    /// The DNS suffix of regional service endpoints and principals.
    pub fn dns_suffix(self) -> &'static str {
        match self {
            Partition::AwsCn => "amazonaws.com.cn",
            _ => "amazonaws.com",
        }
    }

    /// The Regions botocore lists for this partition.
    pub fn regions(self) -> &'static [&'static str] {
        match self {
            Partition::Aws => AWS_REGIONS,
            Partition::AwsCn => CN_REGIONS,
            Partition::AwsUsGov => GOV_REGIONS,
        }
    }

    /// Whether `region` has this partition's shape (botocore's `regionRegex`), known or not.
    /// GovCloud and China are tested before the commercial pattern, which would also match them.
    pub fn region_pattern_matches(self, region: &str) -> bool {
        let parts: Vec<&str> = region.split('-').collect();
        let word = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        match (self, parts.as_slice()) {
            (Partition::AwsUsGov, ["us", "gov", w, n]) => word(w) && number(n),
            (Partition::AwsCn, ["cn", w, n]) => word(w) && number(n),
            (Partition::Aws, [prefix, w, n]) => {
                ["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"].contains(prefix) && *w != "gov" && word(w) && number(n)
            }
            _ => false,
        }
    }

    /// The partition whose Region list or pattern `region` belongs to.
    pub fn of_region(region: &str) -> Option<Partition> {
        PARTITIONS
            .into_iter()
            .find(|p| p.regions().contains(&region))
            .or_else(|| [Partition::AwsUsGov, Partition::AwsCn, Partition::Aws].into_iter().find(|p| p.region_pattern_matches(region)))
    }

    /// A service's regional name, `SERVICE.REGION.DNS-SUFFIX`: the form of a regional service
    /// principal and of the `kms:ViaService` value for requests that service makes.
    pub fn regional_service(self, service: &str, region: &str) -> String {
        format!("{service}.{region}.{}", self.dns_suffix())
    }

    /// The CloudWatch Logs regional service principal, e.g. `logs.us-east-1.amazonaws.com`.
    pub fn logs_principal(self, region: &str) -> String {
        self.regional_service("logs", region)
    }

    /// The `kms:ViaService` value of KMS requests S3 makes in `region` for SSE-KMS, e.g.
    /// `s3.us-east-1.amazonaws.com`; in China the `.amazonaws.com.cn` suffix (domain-facts §6.1
    /// documents it for logs only).
    pub fn s3_via_service(self, region: &str) -> String {
        self.regional_service("s3", region)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_belong_to_their_partition() {
        assert_eq!(Partition::of_region("us-east-1"), Some(Partition::Aws));
        assert_eq!(Partition::of_region("us-gov-west-1"), Some(Partition::AwsUsGov));
        assert_eq!(Partition::of_region("cn-northwest-1"), Some(Partition::AwsCn));
        assert_eq!(Partition::of_region("eu-nowhere-9"), Some(Partition::Aws));
        assert_eq!(Partition::of_region("moon-base-1"), None);
        assert_eq!(Partition::Aws.regions().len(), 34);
    }

    #[test]
    fn gov_regions_do_not_match_the_commercial_pattern() {
        assert!(!Partition::Aws.region_pattern_matches("us-gov-west-1"));
        assert!(Partition::AwsUsGov.region_pattern_matches("us-gov-west-1"));
    }

    #[test]
    fn china_principals_use_the_cn_suffix() {
        assert_eq!(Partition::AwsCn.logs_principal("cn-north-1"), "logs.cn-north-1.amazonaws.com.cn");
        assert_eq!(Partition::Aws.logs_principal("eu-west-1"), "logs.eu-west-1.amazonaws.com");
        assert_eq!(Partition::AwsCn.s3_via_service("cn-northwest-1"), "s3.cn-northwest-1.amazonaws.com.cn");
        assert_eq!(Partition::AwsUsGov.s3_via_service("us-gov-east-1"), "s3.us-gov-east-1.amazonaws.com");
    }
}
