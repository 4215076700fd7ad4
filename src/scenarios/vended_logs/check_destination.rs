//! Input checks for the destination's resources: log group, bucket, prefix, key and stream names
//! as their services define them.

use super::{Destination, VendedLogsSpec};
use crate::policy::{is_account_id, Arn};
use crate::scenarios::{FieldError, FieldSeverity};

/// A key ARN given for a log group or stream: only S3 destinations take one here, so it would
/// be silently dropped.
pub fn check_unused_key(input: &VendedLogsSpec, out: &mut Vec<FieldError>) {
    if input.destination != Destination::S3 && input.key.is_some() {
        out.push(FieldError::warning(
            "key-arn",
            format!(
                "not used: the key is the S3 bucket's, and the destination is {}; clear the field (a log group's own key is the log-group-key scenario's)",
                input.destination.label()
            ),
        ));
    }
}

/// The bucket (`bucket_problem` is its name's, from its parser), the prefix and the key; whether
/// the key has an error.
pub fn check_s3(input: &VendedLogsSpec, bucket_problem: Option<String>, out: &mut Vec<FieldError>) -> bool {
    if let Some(p) = bucket_problem {
        out.push(FieldError::error("bucket", format!("\"{}\": {p}", input.bucket())));
    }
    let prefix = input.prefix();
    if prefix.chars().any(|c| c.is_whitespace() || c == '*' || c == '?') || prefix.contains("${") {
        out.push(FieldError::error(
            "prefix",
            format!("\"{prefix}\" has a space, wildcard or policy variable; use a plain key prefix such as logs/app"),
        ));
    }
    let key = input.key_arn();
    if !key.is_empty() && input.uses_bucket_acl() {
        out.push(FieldError::warning(
            "key-arn",
            "not used: this service writes through the bucket ACL, and which key-policy statement it needs is unverified here; see the service's guide for SSE-KMS buckets",
        ));
    } else if !key.is_empty() {
        let mut problems = Vec::new();
        check_key_arn(input, key, &mut problems);
        let refused = problems.iter().any(|p| p.severity == FieldSeverity::Error);
        out.extend(problems);
        return refused;
    }
    false
}

fn check_key_arn(input: &VendedLogsSpec, key: &str, out: &mut Vec<FieldError>) {
    let arn = match Arn::parse(key) {
        Ok(arn) if arn.service == "kms" => arn,
        Ok(arn) => {
            out.push(FieldError::error(
                "key-arn",
                format!("\"{key}\" is a {} ARN, not a KMS key ARN", arn.service),
            ));
            return;
        }
        Err(e) => {
            let hint = if key.starts_with("alias/") || !key.starts_with("arn:") {
                "; enter the full key ARN (arn:…:kms:REGION:ACCOUNT:key/ID)"
            } else {
                ""
            };
            out.push(FieldError::error(
                "key-arn",
                format!("\"{key}\" is not a key ARN: it {e}{hint}"),
            ));
            return;
        }
    };
    if arn.resource.starts_with("alias/aws/") {
        out.push(FieldError::error(
            "key-arn",
            "an AWS managed key: its policy cannot admit the delivery service, and logs arrive in an unreadable format; use a customer managed key",
        ));
        return;
    }
    if !arn.resource.starts_with("key/") {
        out.push(FieldError::error(
            "key-arn",
            format!("\"{key}\" names \"{}\", not key/ID", arn.resource),
        ));
        return;
    }
    if arn.partition != input.partition.id() {
        out.push(FieldError::error(
            "key-arn",
            format!(
                "the key is in partition {}, not {}",
                arn.partition,
                input.partition.id()
            ),
        ));
    }
    if !input.region().is_empty() && arn.region != input.region() {
        out.push(FieldError::warning(
            "key-arn",
            format!(
                "the key is in {}, the delivery in {}: that only works if the bucket is in {}",
                arn.region,
                input.region(),
                arn.region
            ),
        ));
    }
    let owner = input.destination_account();
    if is_account_id(owner) && arn.account != owner {
        out.push(FieldError::warning(
            "key-arn",
            format!("the key belongs to account {}, the bucket to {owner}: the key statement must be added in the key's account", arn.account),
        ));
    }
}

/// Firehose stream names: 1–64 of `[a-zA-Z0-9_.-]`.
pub fn check_stream(name: &str, out: &mut Vec<FieldError>) {
    if name.is_empty() {
        out.push(FieldError::error("delivery-stream", "enter the Firehose stream name"));
    } else if name.starts_with("arn:") {
        out.push(FieldError::error(
            "delivery-stream",
            "enter the stream name only, not its ARN",
        ));
    } else if name.len() > 64 || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b)) {
        out.push(FieldError::error(
            "delivery-stream",
            format!("\"{name}\": a stream name has 1 to 64 letters, digits, _ . and -"),
        ));
    }
}
