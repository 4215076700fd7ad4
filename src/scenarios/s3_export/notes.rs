//! What the user should know beyond the documents: export's limits (§3.1), the object layout
//! (§3.8), and every fact the bundle relies on that AWS does not document (§8).

use super::{BucketState, Encryption, S3ExportSpec, SourceScope};

pub fn notes(input: &S3ExportSpec) -> Vec<String> {
    let region = input.region();
    let prefix = input.export_prefix();
    let mut notes = vec![
        "Export supports buckets encrypted with SSE-KMS or SSE-S3, and buckets with S3 Object Lock retention; it does not support DSSE-KMS.".to_owned(),
        format!("The bucket must be in the log groups' Region ({region}): CloudWatch Logs does not export across Regions."),
        "Only one export task per account can be PENDING or RUNNING at a time; another create-export-task fails with LimitExceededException \"Resource limit exceeded\". The steps wait for each task before starting the next.".to_owned(),
        "CloudWatch Logs checks the bucket ACL even when ACLs are disabled (Object Ownership \"bucket owner enforced\"), so s3:GetBucketAcl stays in the bucket policy.".to_owned(),
        format!(
            "Exports arrive as gzip files under s3://{}/{prefix}/TASK-ID/LOG-STREAM/000000.gz, one folder per log stream. How further chunks are numbered and how \"/\" in stream names is written are not documented, so the policies grant {prefix}/* rather than a narrower path.",
            input.bucket()
        ),
        time_range(input),
        "Setting default encryption needs the IAM action s3:PutEncryptionConfiguration, which CloudTrail records as PutBucketEncryption.".to_owned(),
    ];
    // Only a step that attaches it makes "the steps attach it" true: without exporting roles none does.
    notes.push(if input.caller_arns().is_empty() {
        "AWS's export page has the exporting user hold the AWS managed policy AmazonS3ReadOnlyAccess besides the logs permissions; no exporting role is listed, so no step attaches it (see below). It reads every bucket the account can see.".to_owned()
    } else {
        "AWS's export page has the exporting user hold the AWS managed policy AmazonS3ReadOnlyAccess besides the logs permissions; the steps attach it to the exporting roles, and the export runs as one of them (EXPORTER_PROFILE in the script). It reads every bucket the account can see.".to_owned()
    });
    if input.uses_kms() {
        notes.push("The key must be customer managed: the AWS managed key aws/s3 cannot be used, because its key policy cannot be changed to admit CloudWatch Logs.".to_owned());
        notes.push("Unverified: whether the key statement for CloudWatch Logs keeps working with aws:SourceAccount / aws:SourceArn conditions like the bucket policy's. AWS's example has none; add them only after a test export succeeds.".to_owned());
    }
    if input.source_scope == SourceScope::LogGroups {
        notes.push("Unverified: which log group ARN form CloudWatch Logs presents as aws:SourceArn during export; the bucket policy lists both …:log-group:NAME and …:log-group:NAME:*. If exports are refused, use the account-wide form AWS documents.".to_owned());
        if input.is_cross_account() {
            notes.push(format!(
                "AWS recommends listing the bucket owner ({}) in aws:SourceAccount; with only the listed log groups allowed it is left out, since none of its log groups may export here.",
                input.bucket_owner()
            ));
        }
    }
    if input.is_cross_account() && input.uses_kms() && !input.caller_arns().is_empty() {
        notes.push(format!(
            "Unverified: the exporting roles may use the bucket key only in requests S3 makes for them (kms:ViaService = {}), the endpoint S3 has in {region}. AWS's cross-account example sets no such condition; S3 uses the key for the roles' writes, which is what this allows. If export fails with \"PutObject call on the given bucket failed\" after everything else is in place, check this value first.",
            input.s3_via_service()
        ));
    }
    notes.extend(crate::scenarios::logs_principal::unverified_note(input.partition, input.region()));
    if input.bucket_state == BucketState::Existing {
        notes.push("put-bucket-policy replaces the bucket's whole policy: the script saves the current one to bucket-policy.backup.json (once; a re-run keeps the original) and stops until you have merged bucket-policy.json into it as bucket-policy.merged.json (cwlogs-policy merge bucket-policy.backup.json bucket-policy.json > bucket-policy.merged.json, or the compare panel); it applies that file, never bucket-policy.json alone. A bucket with no policy yet needs no merge.".to_owned());
    } else {
        if input.acls_enabled {
            notes.push("The new bucket is created with ACLs enabled (BucketOwnerPreferred) as chosen; AWS recommends disabling ACLs unless something needs them.".to_owned());
        }
        notes.push(format!(
            "Run again, create-bucket meets the bucket this account made: outside us-east-1 S3 answers BucketAlreadyOwnedByYou and the script goes on with it; in us-east-1 S3 answers 200 OK and resets the bucket's ACLs (AWS's CreateBucket error reference). Neither answer tells a bucket the script made from one the account had before, and the next steps replace the bucket's whole policy: if {} was there before this bundle, build it with the bucket state \"existing\", which merges into its policy.",
            input.bucket()
        ));
    }
    if input.uses_kms() && !input.is_new_key() {
        notes.push("put-key-policy replaces the key's whole policy: the script saves the current one to key-policy.backup.json (once; a re-run keeps the original) and stops until you have merged key-policy.json into it as key-policy.merged.json (cwlogs-policy merge key-policy.backup.json key-policy.json > key-policy.merged.json, or the compare panel); it applies that file, never key-policy.json alone.".to_owned());
    }
    if input.is_cross_account() {
        notes.push(format!(
            "The steps run in two accounts: those marked \"bucket account\" with credentials for {}, the others with credentials for {}.{}",
            input.bucket_owner(),
            input.account(),
            if input.uses_kms() && input.is_new_key() { " Run them in one shell so $KEY_ARN carries over, or set it by hand." } else { "" }
        ));
        notes.push("The bucket and key policies name the exporting roles, so the roles must exist before the policies are applied.".to_owned());
    }
    if input.caller_arns().is_empty() {
        notes.push("No exporting role is listed: attach caller-policy.json and AmazonS3ReadOnlyAccess to whoever runs create-export-task.".to_owned());
    }
    let others = input.other_account_ids();
    if !others.is_empty() {
        notes.push(format!(
            "The other source accounts ({}) may export here too; each needs its own caller policy: build their bundle with that account as the log groups' account.",
            others.join(", ")
        ));
    }
    if input.encryption == Encryption::DsseKms {
        notes.push("DSSE-KMS is refused: the documents show the SSE-KMS setup instead.".to_owned());
    }
    notes
}

fn time_range(input: &S3ExportSpec) -> String {
    match (input.from_millis(), input.to_millis()) {
        (Some(from), Some(to)) => format!(
            "The export covers {} 00:00:00.000 UTC (--from {from}) through {} 23:59:59.999 UTC (--to {to}). A range that ends before the log group was created is rejected.",
            input.from.as_str(),
            input.to.as_str()
        ),
        _ => "Pick valid from and to dates to fill --from and --to (epoch milliseconds, UTC).".to_owned(),
    }
}
