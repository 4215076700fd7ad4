//! The kinds of policy document this tool checks; what is legal differs between them.

use serde::{Deserialize, Serialize};

/// Where a policy is attached, which decides what it must and must not contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyKind {
    /// A KMS key policy (`put-key-policy`).
    Key,
    /// An S3 bucket policy (`put-bucket-policy`).
    Bucket,
    /// A CloudWatch Logs resource policy (`put-resource-policy`).
    LogResource,
    /// An IAM identity policy attached to a user, group or role.
    Identity,
    /// An IAM role trust policy.
    Trust,
}

impl PolicyKind {
    pub const ALL: [PolicyKind; 5] =
        [PolicyKind::Key, PolicyKind::Bucket, PolicyKind::LogResource, PolicyKind::Identity, PolicyKind::Trust];

    /// The name used on the command line and in the page (`key`, `log-resource`, …).
    pub fn cli_name(self) -> &'static str {
        match self {
            PolicyKind::Key => "key",
            PolicyKind::Bucket => "bucket",
            PolicyKind::LogResource => "log-resource",
            PolicyKind::Identity => "identity",
            PolicyKind::Trust => "trust",
        }
    }

    pub fn from_cli_name(name: &str) -> Option<PolicyKind> {
        PolicyKind::ALL.into_iter().find(|k| k.cli_name() == name)
    }

    /// What people call it.
    pub fn label(self) -> &'static str {
        match self {
            PolicyKind::Key => "KMS key policy",
            PolicyKind::Bucket => "S3 bucket policy",
            PolicyKind::LogResource => "CloudWatch Logs resource policy",
            PolicyKind::Identity => "IAM identity policy",
            PolicyKind::Trust => "IAM role trust policy",
        }
    }

    /// Resource-based policies name who they grant to; identity policies must not.
    pub fn requires_principal(self) -> bool {
        !matches!(self, PolicyKind::Identity)
    }
}
