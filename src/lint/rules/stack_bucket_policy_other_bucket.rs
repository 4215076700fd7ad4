//! CWL019: a template's bucket policy lets CloudWatch Logs read the ACL of (or write to) another
//! bucket than the one the template attaches the policy to.

use crate::lint::{Context, Diagnostic, StackBucket};
use crate::message::ids;
use crate::normalize::pattern;
use crate::policy::PolicyKind;

crate::declare_rule! {
    /// A bucket policy in a CloudFormation template grants a CloudWatch Logs principal `s3:GetBucketAcl` or `s3:PutObject` on another bucket than the one its `Bucket` property attaches it to.
    ///
    /// ## What it does
    /// Only for an `AWS::S3::BucketPolicy` found in a CloudFormation template whose `Bucket` is
    /// `!Ref` one of the template's buckets or a name written out (and the same for Terraform's
    /// `aws_s3_bucket_policy` with `bucket = aws_s3_bucket.b.id`, or `aws_s3_bucket`'s own `policy`). Each `Resource` of a statement
    /// that lets a CloudWatch Logs principal (`logs.REGION.amazonaws.com`,
    /// `delivery.logs.amazonaws.com`) call `s3:GetBucketAcl` or `s3:PutObject` must name that
    /// bucket: `!GetAtt Bucket.Arn`, `!Sub arn:${AWS::Partition}:s3:::${Bucket}/…` or the written-out
    /// name. A resource naming another template bucket, or another written-out name, is an error.
    /// A resource the template leaves open (`!Sub …${BucketName}` of a parameter) is not judged.
    ///
    /// ## Why it matters
    /// An export (`CreateExportTask`) and V1 log delivery first call `GetBucketAcl` on the
    /// destination bucket, then put objects into it. A grant on another bucket's ARN — a copy from a
    /// neighbouring stack — does not cover the bucket the policy is on: the export fails with
    /// "GetBucketAcl call on the given bucket failed", although one bucket policy alone looks
    /// complete (`CWL006` sees the grant and passes). S3 may also refuse such a policy outright as
    /// "Policy has invalid resource" (unverified for every form of resource).
    ///
    /// ## Example
    /// ```json template
    /// {"Resources": {"ExportBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "orders-log-export"}}, "ExportBucketPolicy": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "ExportBucket"}, "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Sid": "AllowGetBucketAcl", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::audit-log-export", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}, {"Sid": "AllowPutObject", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:PutObject", "Resource": {"Fn::Sub": "${ExportBucket.Arn}/*"}, "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}}}]}}}}}
    /// ```
    ///
    /// ## Use instead
    /// ```json template
    /// {"Resources": {"ExportBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "orders-log-export"}}, "ExportBucketPolicy": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "ExportBucket"}, "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Sid": "AllowGetBucketAcl", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": {"Fn::GetAtt": ["ExportBucket", "Arn"]}, "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}, {"Sid": "AllowPutObject", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:PutObject", "Resource": {"Fn::Sub": "${ExportBucket.Arn}/*"}, "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}}}]}}}}}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html
    /// - https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucketpolicy.html
    pub static RULE = {
        code: "CWL019",
        name: "stack-bucket-policy-other-bucket",
        severity: Error,
        check: check,
        judges_references: true,
    }
}

/// The bucket a resource value names, as far as its text says.
#[derive(Debug, PartialEq, Eq)]
enum Named<'a> {
    /// `${Bucket.Arn}…` or `…:s3:::${Bucket}…`: a resource of the template, by logical id.
    Resource(&'a str),
    /// `…:s3:::name…`: a name (possibly a pattern).
    Name(&'a str),
}

/// CloudFormation writes `${Bucket.Arn}` and `${Bucket}` (the name); Terraform
/// `${aws_s3_bucket.b.arn}` and `${aws_s3_bucket.b.id}` or `.bucket` (the name).
fn named(value: &str) -> Option<Named<'_>> {
    if let Some(rest) = value.strip_prefix("${") {
        let (reference, _) = rest.split_once('}')?;
        return reference
            .strip_suffix(".Arn")
            .or_else(|| reference.strip_suffix(".arn").filter(|a| terraform_resource(a)))
            .map(Named::Resource);
    }
    let (_, after) = value.split_once(":s3:::")?;
    let bucket = after.split('/').next().unwrap_or(after);
    if let Some(reference) = bucket.strip_prefix("${").and_then(|r| r.strip_suffix('}')) {
        if let Some(address) = reference.strip_suffix(".id").or_else(|| reference.strip_suffix(".bucket")) {
            return terraform_resource(address).then_some(Named::Resource(address));
        }
        return (!reference.contains("::") && !reference.contains('.')).then_some(Named::Resource(reference));
    }
    // A name holding a parameter (`${Env}-logs`) is open: not judged.
    (!bucket.contains("${") && !bucket.is_empty()).then_some(Named::Name(bucket))
}

/// `aws_s3_bucket.b` or `data.aws_s3_bucket.b`: a bucket Terraform knows, unlike a variable or a
/// local value, which may be any bucket.
fn terraform_resource(address: &str) -> bool {
    let address = address.strip_prefix("data.").unwrap_or(address);
    address.starts_with("aws_") && address.split('.').count() == 2
}

/// Whether `named` is surely another bucket than `attached`; `false` when the template cannot tell.
fn other(named: &Named, attached: &StackBucket) -> bool {
    match named {
        Named::Resource(id) => attached.logical_id.as_deref().is_some_and(|own| own != *id),
        Named::Name(name) => attached.name.as_deref().is_some_and(|own| !pattern::matches(name, own)),
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(attached) = ctx.stack.and_then(|s| s.bucket.as_ref()) else { return };
    if ctx.kind != PolicyKind::Bucket {
        return;
    }
    let own = attached.name.as_deref().or(attached.logical_id.as_deref()).unwrap_or_default();
    for node in ctx.statements() {
        if !node.is_allow() || node.logs_principals().is_empty() {
            continue;
        }
        let Some(action) = ["s3:GetBucketAcl", "s3:PutObject"].into_iter().find(|a| node.grants(a)) else {
            continue;
        };
        for (_, resource) in node.resource_values().filter(|(element, _)| *element == "Resource") {
            let Some(name) = named(&resource.value) else { continue };
            if !other(&name, attached) {
                continue;
            }
            let shown = match name {
                Named::Resource(id) => id,
                Named::Name(name) => name,
            };
            let reference = match attached.logical_id.as_deref() {
                Some(address) if terraform_resource(address) => format!("{address}.arn"),
                Some(id) => format!("!GetAtt {id}.Arn"),
                None => format!("arn:aws:s3:::{own}"),
            };
            out.push(
                Diagnostic::new(&RULE, ids::stack_bucket_policy_other_bucket(&action, &shown, &own))
                    .at(resource.span)
                    .path(node.path_to("Resource"))
                    .note(ids::stack_bucket_policy_other_bucket_note())
                    .help(ids::stack_bucket_policy_other_bucket_help(&reference)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_values_name_their_bucket() {
        assert_eq!(named("${ExportBucket.Arn}/*"), Some(Named::Resource("ExportBucket")));
        assert_eq!(named("arn:${AWS::Partition}:s3:::${ExportBucket}/AWSLogs/*"), Some(Named::Resource("ExportBucket")));
        assert_eq!(named("arn:aws:s3:::orders-log-export"), Some(Named::Name("orders-log-export")));
        assert_eq!(named("arn:aws:s3:::${Env}-logs/*"), None);
        assert_eq!(named("arn:aws:s3:::${AWS::AccountId}/*"), None);
        assert_eq!(named("${BucketArnParameter}"), None);
        assert_eq!(named("${aws_s3_bucket.exports.arn}/*"), Some(Named::Resource("aws_s3_bucket.exports")));
        assert_eq!(named("arn:aws:s3:::${aws_s3_bucket.exports.id}"), Some(Named::Resource("aws_s3_bucket.exports")));
        assert_eq!(named("arn:aws:s3:::${var.bucket}/*"), None);
        assert_eq!(named("${local.exports.arn}"), None);
    }

    #[test]
    fn only_a_bucket_the_template_tells_apart_is_other() {
        let both = StackBucket { logical_id: Some("B".into()), name: Some("orders".into()) };
        let generated = StackBucket { logical_id: Some("B".into()), name: None };
        let written = StackBucket { logical_id: None, name: Some("orders".into()) };
        assert!(other(&Named::Resource("C"), &both));
        assert!(!other(&Named::Resource("B"), &both));
        assert!(other(&Named::Name("audit"), &both));
        assert!(!other(&Named::Name("ord*"), &both));
        assert!(!other(&Named::Name("audit"), &generated));
        assert!(!other(&Named::Resource("C"), &written));
    }
}
