//! The ordered AWS CLI steps, with every value filled in and quoted for bash, and the CloudTrail
//! events each leaves (§5.1; note `PutBucketEncryption` is authorized by
//! `s3:PutEncryptionConfiguration`).

use super::policies::{BUCKET_POLICY_FILE, CALLER_POLICY_FILE, ENCRYPTION_FILE, KEY_POLICY_FILE};
use super::{BucketState, S3ExportInput};
use crate::scenarios::new_key::{alias_name, rotation_and_alias};
use crate::scenarios::shell::{quote, unless_error};
use crate::scenarios::{Artifact, Document, Step, TrailEvent};

mod export;

pub fn steps(input: &S3ExportInput, documents: &[Document], files: &[Artifact]) -> Vec<Step> {
    let region = quote(input.region.trim());
    let bucket = quote(input.bucket.trim());
    let at_bucket = |title: &str| {
        if input.is_cross_account() {
            format!("{title} (bucket account {})", input.bucket_owner())
        } else {
            title.to_owned()
        }
    };
    let names: Vec<&str> = documents
        .iter()
        .map(|d| d.file_name.as_str())
        .chain(files.iter().map(|f| f.file_name.as_str()))
        .collect();
    let mut steps = vec![Step::new(
        "Save the documents",
        format!(
            "# Save each document below under its file name in this directory: {}",
            names.join(", ")
        ),
        &[],
    )];
    if input.uses_kms() {
        steps.extend(key_steps(input, &region, &at_bucket));
    }
    steps.push(match input.bucket_state {
        BucketState::New => Step::new(at_bucket("Create the bucket"), create_bucket(input, &region, &bucket), &[TrailEvent::s3("CreateBucket")]),
        BucketState::Existing => Step::new(
            at_bucket("Check the bucket's Region, ACL setting and encryption, and back up its policy"),
            format!(
                "aws s3api get-bucket-location --bucket {bucket} --output text  # must print {region} (None means us-east-1)\n\
                 # BucketOwnerEnforced: ACLs disabled; another value, or the error OwnershipControlsNotFoundError: ACLs enabled\n\
                 {}\n\
                 aws s3api get-bucket-encryption --bucket {bucket}  # aws:kms:dsse cannot be exported to\n\
                 # NoSuchBucketPolicy: it has none yet, so there is nothing to back up\n\
                 {}",
                unless_error(
                    &format!("aws s3api get-bucket-ownership-controls --bucket {bucket} --query 'OwnershipControls.Rules[0].ObjectOwnership' --output text"),
                    "ownership-controls.err",
                    "OwnershipControlsNotFoundError"
                ),
                unless_error(
                    &format!("aws s3api get-bucket-policy --bucket {bucket} --query Policy --output text > bucket-policy.backup.json"),
                    "bucket-policy.backup.err",
                    "NoSuchBucketPolicy"
                )
            ),
            &[
                TrailEvent::s3("GetBucketLocation"),
                TrailEvent::s3("GetBucketOwnershipControls"),
                TrailEvent::s3("GetBucketEncryption"),
                TrailEvent::s3("GetBucketPolicy"),
            ],
        ),
    });
    steps.push(Step::new(
        at_bucket("Apply the bucket policy"),
        format!("aws s3api put-bucket-policy --region {region} --bucket {bucket} --policy file://{BUCKET_POLICY_FILE}"),
        &[TrailEvent::s3("PutBucketPolicy")],
    ));
    let (prepare, encryption_file) = resolved(input, ENCRYPTION_FILE);
    steps.push(Step::new(
        at_bucket("Set the bucket's default encryption"),
        format!(
            "{prepare}aws s3api put-bucket-encryption --region {region} --bucket {bucket} --server-side-encryption-configuration file://{encryption_file}"
        ),
        &[TrailEvent::s3("PutBucketEncryption")],
    ));
    if let Some(step) = caller_step(input) {
        steps.push(step);
    }
    steps.extend(export::steps(input, &region, &bucket));
    steps
}

fn key_steps(input: &S3ExportInput, region: &str, at_bucket: &dyn Fn(&str) -> String) -> Vec<Step> {
    if input.is_new_key() {
        let description = quote(&format!(
            "Default key of bucket {} (CloudWatch Logs export)",
            input.bucket.trim()
        ));
        return vec![Step::new(
            at_bucket("Create the bucket key with its policy"),
            format!(
                "KEY_ARN=$(aws kms create-key --region {region} \\\n  --description {description} \\\n  --key-spec SYMMETRIC_DEFAULT --key-usage ENCRYPT_DECRYPT \\\n  --policy file://{KEY_POLICY_FILE} \\\n  --query KeyMetadata.Arn --output text)\necho \"$KEY_ARN\""
            ),
            &[TrailEvent::kms("CreateKey")],
        ),
        rotation_and_alias(
            &at_bucket("Turn on the bucket key's automatic rotation and give it an alias"),
            region,
            &alias_name("cloudwatch-logs-export", input.bucket.trim()),
        )];
    }
    vec![
        Step::new(
            at_bucket("Back up the bucket key's policy"),
            format!(
                "KEY_ARN={}\naws kms get-key-policy --region {region} --key-id \"$KEY_ARN\" --policy-name default --output text > key-policy.backup.json",
                quote(input.key_arn.trim())
            ),
            &[TrailEvent::kms("GetKeyPolicy")],
        ),
        Step::new(
            at_bucket("Apply the key policy (after merging anything to keep from the backup)"),
            format!("aws kms put-key-policy --region {region} --key-id \"$KEY_ARN\" --policy-name default --policy file://{KEY_POLICY_FILE}"),
            &[TrailEvent::kms("PutKeyPolicy")],
        ),
    ]
}

fn create_bucket(input: &S3ExportInput, region: &str, bucket: &str) -> String {
    // S3 rejects LocationConstraint=us-east-1: that Region is the default and must be left out.
    let location = if input.region.trim() == "us-east-1" {
        String::new()
    } else {
        format!(" --create-bucket-configuration LocationConstraint={region}")
    };
    let ownership = if input.acls_enabled {
        "BucketOwnerPreferred"
    } else {
        "BucketOwnerEnforced"
    };
    format!("aws s3api create-bucket --region {region} --bucket {bucket}{location} --object-ownership {ownership}")
}

/// A command that fills the new key's ARN into `file`, and the file to read afterwards.
fn resolved(input: &S3ExportInput, file: &str) -> (String, String) {
    if !(input.uses_kms() && input.is_new_key()) {
        return (String::new(), file.to_owned());
    }
    let out = file.replace(".json", ".resolved.json");
    let script = quote(&format!("s|{}|", input.key_arn_or_placeholder()));
    (format!("sed {script}\"$KEY_ARN\"'|' {file} > {out}\n"), out)
}

fn caller_step(input: &S3ExportInput) -> Option<Step> {
    let callers = input.caller_arns();
    if callers.is_empty() {
        return None;
    }
    let (mut lines, file) = if input.is_cross_account() {
        let (prepare, file) = resolved(input, CALLER_POLICY_FILE);
        (prepare.lines().map(str::to_owned).collect::<Vec<_>>(), file)
    } else {
        (Vec::new(), CALLER_POLICY_FILE.to_owned())
    };
    let read_only = format!("arn:{}:iam::aws:policy/AmazonS3ReadOnlyAccess", input.partition.id());
    let mut events = Vec::new();
    for arn in callers {
        let (kind, name) = principal_name(arn);
        let (put, attach) = if kind == "user" {
            ("PutUserPolicy", "AttachUserPolicy")
        } else {
            ("PutRolePolicy", "AttachRolePolicy")
        };
        for event in [TrailEvent::iam(put), TrailEvent::iam(attach)] {
            if !events.contains(&event) {
                events.push(event);
            }
        }
        let name = quote(name);
        lines.push(format!(
            "aws iam put-{kind}-policy --{kind}-name {name} --policy-name cloudwatch-logs-export --policy-document file://{file}"
        ));
        lines.push(format!(
            "aws iam attach-{kind}-policy --{kind}-name {name} --policy-arn {read_only}"
        ));
    }
    let title = if input.is_cross_account() {
        format!(
            "Give the exporting roles their permissions (log group account {})",
            input.account.trim()
        )
    } else {
        "Give the exporting roles their permissions".to_owned()
    };
    Some(Step::new(title, lines.join("\n"), &events))
}

/// `("role", "name")` or `("user", "name")` from an IAM ARN; the name is the last path segment.
fn principal_name(arn: &str) -> (&'static str, &str) {
    let resource = arn.splitn(6, ':').nth(5).unwrap_or("");
    let kind = if resource.starts_with("user/") { "user" } else { "role" };
    (kind, resource.rsplit('/').next().unwrap_or(resource))
}
