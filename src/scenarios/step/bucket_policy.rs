//! The S3 bucket-policy backup two scenarios share (s3-export before it replaces the policy,
//! vended-logs before it merges into it).

use super::operation::S3_GET_BUCKET_POLICY;
use super::{AwsCall, Line};

/// Where the bucket's current policy is saved.
pub const BACKUP: &str = "bucket-policy.backup.json";
/// Where the backup's error goes: `NoSuchBucketPolicy` there means the bucket has none yet.
pub const BACKUP_ERROR: &str = "bucket-policy.backup.err";

/// The current policy of `bucket`, saved to [`BACKUP`]; a bucket with none is not an error.
pub fn back_up(bucket: &str) -> Line {
    AwsCall::new(&S3_GET_BUCKET_POLICY)
        .text("bucket", bucket)
        .query_text("Policy")
        .writes(BACKUP)
        .unless_error(BACKUP_ERROR, "NoSuchBucketPolicy")
        .into()
}
