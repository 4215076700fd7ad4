//! The ordered steps, as typed AWS calls with every value filled in (note `PutBucketEncryption`
//! is authorized by `s3:PutEncryptionConfiguration`).

use super::policies::{BUCKET_POLICY_FILE, CALLER_POLICY_FILE, ENCRYPTION_FILE, KEY_POLICY_FILE};
use super::{BucketState, S3ExportSpec};
use crate::scenarios::new_key::{alias_name, rotation};
use crate::scenarios::step::operation::{
    IAM_ATTACH_ROLE_POLICY, IAM_ATTACH_USER_POLICY, IAM_PUT_ROLE_POLICY, IAM_PUT_USER_POLICY, S3_CREATE_BUCKET,
    S3_GET_BUCKET_ENCRYPTION, S3_GET_BUCKET_LOCATION, S3_GET_BUCKET_OWNERSHIP_CONTROLS,
    S3_PUT_BUCKET_ENCRYPTION, S3_PUT_BUCKET_POLICY, S3_PUT_PUBLIC_ACCESS_BLOCK,
};
use crate::scenarios::step::{bucket_policy, inline_policy, key_policy, save_files, AwsCall, Line};
use crate::scenarios::{Artifact, Document, Side, Step};

pub mod export;

/// A step the bucket's account runs (so named when it is not the log groups').
fn at_bucket(input: &S3ExportSpec, title: &str, lines: Vec<Line>) -> Step {
    if input.is_cross_account() {
        Step::new(format!("{title} (bucket account {})", input.bucket_owner()), lines)
            .in_account(Side::Destination, input.bucket_owner())
    } else {
        Step::new(title, lines)
    }
}

/// A step the log groups' account runs.
fn at_logs(input: &S3ExportSpec, title: &str, lines: Vec<Line>) -> Step {
    if input.is_cross_account() {
        Step::new(format!("{title} (log group account {})", input.account()), lines)
            .in_account(Side::Source, input.account())
    } else {
        Step::new(title, lines)
    }
}

/// The user's merge of the bundle's bucket policy into an existing bucket's.
const MERGED_BUCKET_POLICY: &str = "bucket-policy.merged.json";

pub fn steps(input: &S3ExportSpec, documents: &[Document], files: &[Artifact]) -> Vec<Step> {
    let region = input.region();
    let bucket = input.bucket();
    let names: Vec<&str> = documents
        .iter()
        .map(|d| d.file_name.as_str())
        .chain(files.iter().map(|f| f.file_name.as_str()))
        .collect();
    let mut steps = vec![save_files("Save the documents", "document", &names)];
    if export::runs_as_exporter(input) {
        steps.push(Step::new(
            "Check that a profile of an exporting role is set: the export runs as that role",
            vec![export::require_exporter_profile(input)],
        ));
    }
    if input.uses_kms() {
        steps.extend(key_steps(input, region));
    }
    steps.push(match input.bucket_state {
        BucketState::New => at_bucket(
            input,
            "Create the bucket and block public access to it",
            [
                create_bucket(input, region, bucket),
                vec![
                // S3 blocks public access on new buckets by default; set it anyway, as the
                // templates do, so the bucket does not depend on an account or Region default.
                AwsCall::new(&S3_PUT_PUBLIC_ACCESS_BLOCK)
                    .text("bucket", bucket)
                    .text(
                        "public-access-block-configuration",
                        "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                    )
                    .into(),
                ],
            ]
            .concat(),
        ),
        BucketState::Existing => at_bucket(
            input,
            "Check the bucket's Region, ACL setting and encryption, and back up its policy (once: a backup already there is kept)",
            vec![
                AwsCall::new(&S3_GET_BUCKET_LOCATION)
                    .text("bucket", bucket)
                    .text("output", "text")
                    .comment(format!("must print {} (None means us-east-1)", crate::scenarios::shell::quote(region)))
                    .into(),
                Line::comment("BucketOwnerEnforced: ACLs disabled; another value, or the error OwnershipControlsNotFoundError: ACLs enabled"),
                AwsCall::new(&S3_GET_BUCKET_OWNERSHIP_CONTROLS)
                    .text("bucket", bucket)
                    .query_text("OwnershipControls.Rules[0].ObjectOwnership")
                    .unless_error("ownership-controls.err", "OwnershipControlsNotFoundError")
                    .into(),
                AwsCall::new(&S3_GET_BUCKET_ENCRYPTION)
                    .text("bucket", bucket)
                    .comment("aws:kms:dsse cannot be exported to")
                    .into(),
                Line::comment("NoSuchBucketPolicy: it has none yet, so bucket-policy.json is the whole merge"),
                Line::shell(format!("if [ ! -e {} ]; then", bucket_policy::BACKUP)),
                bucket_policy::back_up(bucket),
                Line::shell("fi"),
                Line::shell(format!(
                    "if grep -qs NoSuchBucketPolicy {}; then cp {BUCKET_POLICY_FILE} {MERGED_BUCKET_POLICY}; fi",
                    bucket_policy::BACKUP_ERROR
                )),
            ],
        ),
    });
    let apply_bucket = |file| {
        AwsCall::new(&S3_PUT_BUCKET_POLICY)
            .region(region)
            .text("bucket", bucket)
            .file("policy", file)
            .into()
    };
    steps.push(match input.bucket_state {
        BucketState::New => at_bucket(input, "Apply the bucket policy", vec![apply_bucket(BUCKET_POLICY_FILE)]),
        BucketState::Existing => at_bucket(
            input,
            "Apply the bucket policy merged into the backup: put-bucket-policy replaces the whole policy, so the script stops until you have written bucket-policy.merged.json",
            vec![
                Line::AwaitMerge {
                    backup: bucket_policy::BACKUP,
                    add: BUCKET_POLICY_FILE,
                    out: MERGED_BUCKET_POLICY,
                    what: "the bucket's whole policy",
                    replacing: None,
                },
                apply_bucket(MERGED_BUCKET_POLICY),
            ],
        ),
    });
    let (mut lines, encryption_file) = resolved(input, ENCRYPTION_FILE);
    lines.push(
        AwsCall::new(&S3_PUT_BUCKET_ENCRYPTION)
            .region(region)
            .text("bucket", bucket)
            .file("server-side-encryption-configuration", encryption_file)
            .into(),
    );
    steps.push(at_bucket(input, "Set the bucket's default encryption", lines));
    if let Some(step) = caller_step(input) {
        steps.push(step);
    }
    steps.extend(export::steps(input, region, bucket));
    steps
}

fn key_steps(input: &S3ExportSpec, region: &str) -> Vec<Step> {
    if input.is_new_key() {
        let description = format!("Default key of bucket {} (CloudWatch Logs export)", input.bucket());
        let alias = alias_name("cloudwatch-logs-export", input.bucket());
        return vec![
            at_bucket(
                input,
                "Create the bucket key with its policy and its alias",
                key_policy::create_key(region, &description, KEY_POLICY_FILE, &alias),
            ),
            at_bucket(input, "Turn on the bucket key's automatic rotation", rotation(region)),
        ];
    }
    vec![
        at_bucket(
            input,
            "Back up the bucket key's policy (once: a backup already there is kept)",
            [Line::set("KEY_ARN", input.key_arn())]
                .into_iter()
                .chain(key_policy::back_up_once(region, "KEY_ARN", "key-policy.backup.json"))
                .collect(),
        ),
        at_bucket(
            input,
            "Apply the key policy merged into the backup: put-key-policy replaces the whole policy, so the script stops until you have written key-policy.merged.json",
            vec![
                Line::AwaitMerge {
                    backup: "key-policy.backup.json",
                    add: KEY_POLICY_FILE,
                    out: "key-policy.merged.json",
                    what: "the key's whole policy",
                    replacing: None,
                },
                key_policy::put(region, "KEY_ARN", "key-policy.merged.json"),
            ],
        ),
    ]
}

/// `create-bucket`, going on when the account owns the bucket already: outside us-east-1 S3 answers
/// a second create of a bucket one owns with BucketAlreadyOwnedByYou (in us-east-1 with 200 OK),
/// which is what a re-run of these steps meets. The bucket is this account's own by that answer;
/// a name someone else holds (BucketAlreadyExists) still stops the script.
fn create_bucket(input: &S3ExportSpec, region: &str, bucket: &str) -> Vec<Line> {
    let mut call = AwsCall::new(&S3_CREATE_BUCKET).region(region).text("bucket", bucket);
    // S3 rejects LocationConstraint=us-east-1: that Region is the default and must be left out.
    if region != "us-east-1" {
        call = call.text("create-bucket-configuration", format!("LocationConstraint={region}"));
    }
    let ownership = if input.acls_enabled {
        "BucketOwnerPreferred"
    } else {
        "BucketOwnerEnforced"
    };
    vec![
        call.text("object-ownership", ownership)
            .unless_error(CREATE_BUCKET_ERROR, "BucketAlreadyOwnedByYou")
            .into(),
        Line::shell(format!(
            "if grep -q BucketAlreadyOwnedByYou {CREATE_BUCKET_ERROR}; then echo {} >&2; fi",
            crate::scenarios::shell::quote(&format!(
                "{bucket} exists already and this account owns it (BucketAlreadyOwnedByYou), as after a run before this one: the script goes on with it and sets its public access block, its whole bucket policy and its default encryption again"
            ))
        )),
    ]
}

const CREATE_BUCKET_ERROR: &str = "create-bucket.err";

/// A line that fills the new key's ARN into `file`, if the key is new, and the file to read.
fn resolved(input: &S3ExportSpec, file: &str) -> (Vec<Line>, String) {
    if !(input.uses_kms() && input.is_new_key()) {
        return (Vec::new(), file.to_owned());
    }
    let out = file.replace(".json", ".resolved.json");
    let line = Line::ResolveKey {
        placeholder: input.key_arn_or_placeholder(),
        file: file.to_owned(),
        out: out.clone(),
    };
    (vec![line], out)
}

fn caller_step(input: &S3ExportSpec) -> Option<Step> {
    let callers = input.caller_arns();
    if callers.is_empty() {
        return None;
    }
    let (mut lines, file) = if input.is_cross_account() {
        resolved(input, CALLER_POLICY_FILE)
    } else {
        (Vec::new(), CALLER_POLICY_FILE.to_owned())
    };
    let read_only = format!("arn:{}:iam::aws:policy/AmazonS3ReadOnlyAccess", input.partition.id());
    // Named after the bucket and prefix it grants (the bucket's key follows the bucket).
    let grants = format!("{}/{}", input.bucket_arn(), input.export_prefix());
    let policy_name = inline_policy::name("cloudwatch-logs-export", &grants);
    for arn in callers {
        let (user, name) = principal_name(arn);
        let (put, attach, flag) = if user {
            (&IAM_PUT_USER_POLICY, &IAM_ATTACH_USER_POLICY, "user-name")
        } else {
            (&IAM_PUT_ROLE_POLICY, &IAM_ATTACH_ROLE_POLICY, "role-name")
        };
        lines.push(
            AwsCall::new(put)
                .text(flag, name)
                .text("policy-name", policy_name.as_str())
                .file("policy-document", file.as_str())
                .into(),
        );
        lines.push(AwsCall::new(attach).text(flag, name).text("policy-arn", read_only.as_str()).into());
    }
    Some(at_logs(input, "Give the exporting roles their permissions", lines))
}

/// Whether an IAM ARN names a user (else a role), and its name: the last path segment.
fn principal_name(arn: &str) -> (bool, &str) {
    let resource = arn.splitn(6, ':').nth(5).unwrap_or("");
    (resource.starts_with("user/"), resource.rsplit('/').next().unwrap_or(resource))
}
