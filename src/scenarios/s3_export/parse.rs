//! The s3-export form parsed once, including the refusals export forces: DSSE-KMS, the AWS
//! managed key, a bucket in another Region, an invalid bucket name.

use super::{BucketState, Encryption, ExportDate, S3ExportInput, S3ExportSpec, SourceScope};
use crate::policy::{is_account_id, Arn};
use crate::scenarios::identifiers::{listed, log_group_name, AccountId, BucketName, Field, KeyArn, LogGroupName, Place, Region};
use crate::scenarios::{FieldError, FieldSeverity};

/// The spec of `input` and every problem with it, in the form's order; no problems means the
/// bundle is ready to use.
pub fn parse(input: &S3ExportInput) -> (S3ExportSpec, Vec<FieldError>) {
    let mut out = Vec::new();
    let region = Region::parse("region", &input.region, input.partition, &mut out);
    let account = AccountId::parse("account", &input.account, "that owns the log groups")
        .map_err(|problem| out.push(problem))
        .ok();
    let groups = parse_log_groups(&input.log_groups, &mut out);
    let (from, to) = parse_dates(input, &mut out);
    let bucket = input.bucket.parse::<BucketName>().map_err(|problem| out.push(FieldError::error("bucket", problem)));
    let bucket_account = Field::optional(&input.bucket_account, |text| {
        AccountId::parse("bucket-account", text, "that owns the bucket").map_err(|problem| out.push(problem)).ok()
    });
    // The key is typed by the one key-ARN parser, in the bucket owner's account where the steps
    // change its policy; this form words its own problems with it (below, in check_encryption),
    // and a key either refuses stays as typed.
    let owner = bucket_account.as_ref().map_or(input.account.as_str(), Field::as_str);
    let place = Place { partition: input.partition, region: &input.region, account: owner };
    let key = Field::optional(&input.key_arn, |text| KeyArn::parse("key-arn", text, place, &mut Vec::new()));
    let mut spec = S3ExportSpec {
        partition: input.partition,
        region: Field::new(region, &input.region),
        account: Field::new(account, &input.account),
        groups,
        from,
        to,
        bucket: Field::new(bucket.ok(), &input.bucket),
        bucket_account,
        bucket_state: input.bucket_state,
        prefix: input.prefix.trim().trim_matches('/').to_owned(),
        encryption: input.encryption,
        key,
        acls_enabled: input.acls_enabled,
        source_scope: input.source_scope,
        other_accounts: listed(&input.other_accounts).into_iter().map(str::to_owned).collect(),
        callers: listed(&input.callers).into_iter().map(str::to_owned).collect(),
    };
    check_bucket_region(input, &spec, &mut out);
    check_prefix(input, &spec, &mut out);
    if check_encryption(&spec, &mut out) {
        spec.key = spec.key.take().map(|key| Field::AsTyped(key.as_str().to_owned()));
    }
    check_other_accounts(&spec, &mut out);
    super::check_callers::check_callers(&spec, &mut out);
    check_sizes(&spec, &mut out);
    (spec, out)
}

/// Each listed log group adds ARNs to the bucket and caller policies; too many and AWS refuses them.
fn check_sizes(input: &S3ExportSpec, out: &mut Vec<FieldError>) {
    use super::policies::{sizes, BUCKET_POLICY_MAX_BYTES, ROLE_INLINE_POLICY_MAX_CHARS};
    let (bucket, caller) = sizes(input);
    if input.source_scope == SourceScope::LogGroups && bucket > BUCKET_POLICY_MAX_BYTES {
        out.push(FieldError::error(
            "log-groups",
            format!(
                "the bucket policy would be {bucket} bytes, over S3's {BUCKET_POLICY_MAX_BYTES}: allow the source accounts instead of each log group, or list fewer"
            ),
        ));
    }
    if caller > ROLE_INLINE_POLICY_MAX_CHARS {
        out.push(FieldError::error(
            "log-groups",
            format!(
                "the caller policy would be {caller} characters, over the {ROLE_INLINE_POLICY_MAX_CHARS} IAM allows a role's inline policies: export fewer log groups per bundle"
            ),
        ));
    }
}

fn parse_log_groups(log_groups: &[String], out: &mut Vec<FieldError>) -> Vec<Field<LogGroupName>> {
    let names = listed(log_groups);
    if names.is_empty() {
        out.push(FieldError::error(
            "log-groups",
            "enter the name of the log group to export",
        ));
    }
    log_group_name::parse_listed(&names, out)
}

fn parse_dates(input: &S3ExportInput, out: &mut Vec<FieldError>) -> (Field<ExportDate>, Field<ExportDate>) {
    let from = ExportDate::parse(&input.from);
    let to = ExportDate::parse(&input.to);
    for (field, text, result) in [("from", &input.from, &from), ("to", &input.to, &to)] {
        if let Err(e) = result {
            let text = text.trim();
            let message = if text.is_empty() {
                e.to_string()
            } else {
                format!("\"{text}\" {e}")
            };
            out.push(FieldError::error(field, message));
        }
    }
    if let (Ok(from), Ok(to)) = (&from, &to) {
        if from.start_millis() > to.start_millis() {
            out.push(FieldError::error(
                "to",
                format!(
                    "the export would end before it starts: {} is before {}; \"to\" is the last day exported",
                    to.as_ref(),
                    from.as_ref()
                ),
            ));
        }
    }
    (Field::new(from.ok(), &input.from), Field::new(to.ok(), &input.to))
}

fn check_bucket_region(input: &S3ExportInput, spec: &S3ExportSpec, out: &mut Vec<FieldError>) {
    let bucket_region = input.bucket_region.trim();
    let region = spec.region();
    if !bucket_region.is_empty() && bucket_region != region {
        out.push(FieldError::error(
            "bucket-region",
            format!(
                "the bucket is in {bucket_region} but the log groups are in {region}: CloudWatch Logs cannot export across Regions; use a bucket in {region}"
            ),
        ));
    }
}

fn check_prefix(input: &S3ExportInput, spec: &S3ExportSpec, out: &mut Vec<FieldError>) {
    let raw = input.prefix.trim();
    let prefix = spec.prefix.as_str();
    if raw != prefix {
        out.push(FieldError::warning(
            "prefix",
            format!("the slashes around \"{raw}\" are dropped: exports go under \"{prefix}/\""),
        ));
    }
    if let Some(bad) = prefix.chars().find(|c| matches!(c, '*' | '?')) {
        out.push(FieldError::error(
            "prefix",
            format!("\"{bad}\" would be a wildcard in the policy's Resource, granting more than the prefix"),
        ));
    }
    if prefix.contains("${") {
        out.push(FieldError::error(
            "prefix",
            "\"${\" starts a policy variable in the policy's Resource",
        ));
    }
    if prefix.chars().any(char::is_control) {
        out.push(FieldError::error("prefix", "the prefix contains a control character"));
    }
    if prefix.contains("//") {
        out.push(FieldError::warning(
            "prefix",
            "\"//\" makes an empty folder name in the object keys",
        ));
    }
    // Keys are PREFIX/TASK-ID(36)/STREAM(≤512)/000000.gz and S3 keys stop at 1,024 bytes.
    if prefix.len() > 1024 - 36 - 512 - 13 {
        out.push(FieldError::warning(
            "prefix",
            format!(
                "{} bytes: with a long log stream name the object key can pass S3's 1,024-byte limit",
                prefix.len()
            ),
        ));
    }
}

/// Whether the key ARN has an error.
fn check_encryption(input: &S3ExportSpec, out: &mut Vec<FieldError>) -> bool {
    match input.encryption {
        Encryption::DsseKms => out.push(FieldError::error(
            "encryption",
            "CloudWatch Logs cannot export to a bucket whose default encryption is DSSE-KMS: use SSE-KMS or SSE-S3",
        )),
        Encryption::SseS3 if !input.is_new_key() => out.push(FieldError::warning(
            "key-arn",
            "SSE-S3 uses no KMS key: the key ARN is left out",
        )),
        _ => {}
    }
    let mut key_problems = Vec::new();
    if input.uses_kms() && !input.is_new_key() {
        check_key_arn(input, &mut key_problems);
    }
    let key_refused = key_problems.iter().any(|p| p.severity == FieldSeverity::Error);
    out.extend(key_problems);
    if input.uses_kms() && input.is_new_key() && input.bucket_state == BucketState::Existing {
        // A new key as the default of a bucket others write to refuses every writer its policy
        // does not name; the existing bucket keeps its own key instead.
        out.push(FieldError::error(
            "key-arn",
            format!(
                "an existing bucket keeps its default encryption: give the key ARN it uses (aws s3api get-bucket-encryption --bucket {} --query 'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.KMSMasterKeyID' --output text; for a key ID or alias, aws kms describe-key --key-id … --query KeyMetadata.Arn --output text), or choose SSE-S3 if the bucket uses SSE-S3. A new key made the bucket's default would refuse every other writer its policy does not name",
                crate::scenarios::shell::quote(input.bucket())
            ),
        ));
    }
    key_refused
}

/// The bucket's key: a full key ARN of a customer managed key in the export's Region.
fn check_key_arn(input: &S3ExportSpec, out: &mut Vec<FieldError>) {
    let value = input.key_arn();
    let error = |message: String| FieldError::error("key-arn", message);
    if value.starts_with("alias/aws/") || value.contains(":alias/aws/") {
        out.push(error(format!(
            "\"{value}\" is an AWS managed key: its key policy cannot admit CloudWatch Logs, so export fails; use a customer managed key"
        )));
        return;
    }
    if value.starts_with("alias/") || value.contains(":alias/") {
        out.push(error(format!(
            "\"{value}\" is an alias: the steps change the key's policy, and put-key-policy needs the key ARN (arn:…:kms:REGION:ACCOUNT:key/ID)"
        )));
        return;
    }
    let arn = match Arn::parse(value) {
        Ok(arn) => arn,
        Err(_) if !value.contains(':') => {
            out.push(error(format!(
                "\"{value}\" is not a key ARN; enter the full arn:…:kms:REGION:ACCOUNT:key/ID"
            )));
            return;
        }
        Err(e) => {
            out.push(error(format!("\"{value}\" is not a key ARN: it {e}")));
            return;
        }
    };
    if arn.service != "kms" || !arn.resource.starts_with("key/") {
        out.push(error(format!(
            "\"{value}\" is not a KMS key ARN (arn:…:kms:REGION:ACCOUNT:key/ID)"
        )));
        return;
    }
    if arn.partition != input.partition.id() {
        out.push(error(format!(
            "the key is in partition {}, the bucket in {}",
            arn.partition,
            input.partition.id()
        )));
    }
    let region = input.region();
    if !region.is_empty() && arn.region != region {
        out.push(error(format!(
            "the key is in {} but the bucket must be in {region}: S3 default encryption only uses a key in the bucket's Region",
            arn.region
        )));
    }
    if !arn.has_valid_account() {
        out.push(error(format!(
            "the key ARN's account \"{}\" is not 12 digits",
            arn.account
        )));
    } else if is_account_id(input.bucket_owner()) && arn.account != input.bucket_owner() {
        out.push(FieldError::warning(
            "key-arn",
            format!(
                "the key belongs to account {}, not the bucket owner {}: apply the key policy shown in the key's account",
                arn.account,
                input.bucket_owner()
            ),
        ));
    }
}

fn check_other_accounts(input: &S3ExportSpec, out: &mut Vec<FieldError>) {
    let others = input.other_account_ids();
    for (i, account) in others.iter().enumerate() {
        if !is_account_id(account) {
            out.push(FieldError::error(
                "other-accounts",
                format!("\"{account}\" is not a 12-digit account ID"),
            ));
        } else if *account == input.account() || *account == input.bucket_owner() || others[..i].contains(account)
        {
            out.push(FieldError::warning(
                "other-accounts",
                format!("{account} is already a source account"),
            ));
        }
    }
}
